package fr.gasp.platform.web;

import fr.gasp.platform.problem.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.InputStream;

/**
 * What an API request's body must be before anything parses it: no larger than the limit
 * (413, whether or not {@code Content-Length} announced it), and of a content type that can
 * be read at all (415 for a wildcard, a malformed type or an unknown charset, which Spring
 * would otherwise fail on with a 500). Whether the type suits the endpoint is Spring's
 * business (415 too). The body is kept in memory so that it can be read twice: hashed for
 * {@code Idempotency-Key}, then parsed. Form bodies are left to the container.
 */
public class RequestBodyGuard extends OncePerRequestFilter {

    private final long maxBytes;
    private final FilterProblems problems;

    public RequestBodyGuard(long maxBytes, FilterProblems problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        MediaType type = null;
        if (contentType != null) {
            String refusal = unreadable(contentType);
            if (refusal != null) {
                problems.write(response, ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Type de contenu non pris en charge", refusal));
                return;
            }
            type = MediaType.parseMediaType(contentType);
        }
        long announced = request.getContentLengthLong();
        if (announced > maxBytes) {
            tooLarge(response);
            return;
        }
        boolean hasBody = announced > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody || isForm(type)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        problems.write(response, ProblemResponses.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Corps trop volumineux",
                "Le corps de la requête dépasse la limite de " + (maxBytes / 1024) + " Kio."));
    }

    /** Why a Content-Type cannot be read at all; {@code null} when it can. */
    static String unreadable(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return "Type de contenu illisible : « " + ProblemResponses.abbreviate(contentType) + " ».";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "Le type de contenu doit être précis (application/json), pas « " + type + " ».";
        }
        try {
            type.getCharset();
        } catch (IllegalArgumentException unknownCharset) {
            return "Jeu de caractères inconnu : « " + ProblemResponses.abbreviate(type.getParameter("charset"))
                    + " » ; le corps est attendu en UTF-8.";
        }
        return null;
    }

    private static boolean isForm(MediaType type) {
        return type != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(type)
                || "multipart".equalsIgnoreCase(type.getType()));
    }
}
