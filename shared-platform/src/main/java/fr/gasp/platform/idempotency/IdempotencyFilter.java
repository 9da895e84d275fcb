package fr.gasp.platform.idempotency;

import fr.gasp.platform.problem.FieldProblem;
import fr.gasp.platform.problem.ProblemResponses;
import fr.gasp.platform.web.CachedBodyRequest;
import fr.gasp.platform.web.FilterProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every API request that changes something (POST, PUT, PATCH, DELETE) runs in one
 * transaction, committed only if the answer is a success: a request refused at any point,
 * even after its command was handled (an answer that cannot be written in the format the
 * client accepts, say), records nothing.
 *
 * <p>With an {@code Idempotency-Key}, the first successful answer to a key is kept, and a later request with the same key, from the
 * same user, with the same method, address and body gets that answer again (with
 * {@code Idempotent-Replayed: true}) without anything being recorded anew; with anything
 * different it is refused, 422.
 *
 * <p>The key is claimed by inserting its row in a transaction that the whole request then
 * runs in, so the command's events and the recorded answer are committed together or not at
 * all. A second request with the same key arriving meanwhile waits on that row: when the first
 * commits it gets the first answer, when the first fails (only 2xx answers are kept) it runs
 * itself. A database that gives up waiting answers 409, and nothing is recorded twice.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final IdempotencyStore store;
    private final PlatformTransactionManager transactions;
    private final FilterProblems problems;
    private final Clock clock;

    public IdempotencyFilter(IdempotencyStore store, PlatformTransactionManager transactions, FilterProblems problems,
                             Clock clock) {
        this.store = store;
        this.transactions = transactions;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!UNSAFE.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        List<String> keys = Collections.list(request.getHeaders(HEADER));
        if (!keys.isEmpty()) {
            String fault = keys.size() > 1 ? "un seul en-tête " + HEADER + " par requête" : fault(keys.get(0));
            if (fault != null) {
                problems.write(response, ProblemResponses.invalid(List.of(new FieldProblem(HEADER, fault))));
                return;
            }
        }
        Optional<byte[]> body = CachedBodyRequest.bodyOf(request);
        // A body this filter did not see (a form, refused further on) cannot be compared: no key then.
        String key = keys.isEmpty() || (body.isEmpty() && hasBody(request)) ? null : keys.get(0);
        String user = user();
        String hash = hash(request, body.orElse(new byte[0]));

        TransactionStatus transaction;
        try {
            transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        } catch (TransactionException e) {
            // The database is out of reach (restarting, no connection left): nothing was done.
            notRecorded(response, e);
            return;
        }
        boolean open = true;
        try {
            if (key != null) {
                boolean claimed;
                try {
                    claimed = store.claim(key, user, hash, clock.instant());
                } catch (ConcurrencyFailureException | QueryTimeoutException stillRunning) {
                    rollback(transaction);
                    open = false;
                    inProgress(response);
                    return;
                }
                if (!claimed) {
                    Optional<StoredAnswer> first = store.find(key, user);
                    rollback(transaction);
                    open = false;
                    replay(first, key, hash, response);
                    return;
                }
            }
            ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, answer);
            boolean success = answer.getStatus() / 100 == 2;
            if (success && !transaction.isRollbackOnly()) {
                if (key != null) {
                    store.complete(key, user, answer.getStatus(), answer.getContentType(),
                            answer.getHeader(HttpHeaders.LOCATION), answer.getContentAsByteArray());
                }
                open = false;
                transactions.commit(transaction);
            } else {
                open = false;
                rollback(transaction);
                if (success) {
                    notRecorded(response, null);
                    return;
                }
            }
            answer.copyBodyToResponse();
        } catch (TransactionException | DataAccessException e) {
            if (open) {
                open = false;
                rollback(transaction);
            }
            notRecorded(response, e);
        } finally {
            if (open) {
                rollback(transaction);
            }
        }
    }

    private void inProgress(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problems.write(response, ProblemResponses.problem(HttpStatus.CONFLICT, "Requête déjà en cours",
                "Une requête avec la même clé " + HEADER + " est encore en cours ; réessayez dans un instant."));
    }

    private void replay(Optional<StoredAnswer> first, String key, String hash, HttpServletResponse response)
            throws IOException {
        if (first.isEmpty() || first.get().status() == 0) {
            inProgress(response);
            return;
        }
        StoredAnswer stored = first.get();
        if (!stored.requestHash().equals(hash)) {
            problems.write(response, ProblemResponses.problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "Clé d'idempotence déjà utilisée", "La clé « " + ProblemResponses.abbreviate(key)
                            + " » a déjà servi à une autre requête (méthode, adresse ou corps différents) ; "
                            + "une nouvelle demande prend une nouvelle clé."));
            return;
        }
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        response.setHeader(REPLAYED, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request was handled but its result could not be committed: the client must not believe it was. */
    private void notRecorded(HttpServletResponse response, Exception cause) throws IOException {
        if (response.isCommitted()) {
            throw new IllegalStateException("Answer already sent when the idempotent request failed", cause);
        }
        response.reset();
        if (cause instanceof ConcurrencyFailureException || cause instanceof DataIntegrityViolationException) {
            problems.write(response, ProblemResponses.problem(HttpStatus.CONFLICT, "Modification concurrente",
                    "Cette demande croise une autre demande et n'a pas été enregistrée ; relisez puis recommencez."));
            return;
        }
        log.error("An idempotent request could not be committed", cause);
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        problems.write(response, ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Demande non enregistrée",
                "La demande n'a pas pu être enregistrée ; elle peut être renvoyée avec la même clé."));
    }

    private void rollback(TransactionStatus transaction) {
        try {
            transactions.rollback(transaction);
        } catch (TransactionException e) {
            log.warn("Rollback of an idempotent request failed", e);
        }
    }

    /** Why a key is refused; {@code null} when it is fine. */
    static String fault(String key) {
        if (key.isBlank()) {
            return "ne peut pas être vide";
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return "au plus " + MAX_KEY_LENGTH + " caractères";
        }
        if (!key.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            return "caractères ASCII imprimables uniquement";
        }
        return null;
    }

    private static String user() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        return user == null || user instanceof AnonymousAuthenticationToken ? "" : user.getName();
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** What makes two requests the same one: method, address with its query, and body, byte for byte. */
    static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
