package fr.gasp.query.web;

import fr.gasp.platform.problem.InvalidInputException;
import fr.gasp.platform.problem.NotFoundException;
import fr.gasp.platform.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.security.Principal;
import java.util.Arrays;
import java.util.Map;

/**
 * What every page shows (who is signed in, the French wording) and how a page says that
 * something went wrong: as a page, in French, where the API would answer problem+json.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    private final French french;

    public PageAdvice(French french) {
        this.french = french;
    }

    @ModelAttribute("fr")
    public French french() {
        return french;
    }

    @ModelAttribute("user")
    public SignedIn user(Principal principal) {
        if (!(principal instanceof Authentication authentication)) {
            return null;
        }
        String role = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(authority -> Arrays.stream(Role.values()).filter(r -> r.authority().equals(authority)))
                .map(r -> french.role(r.name()))
                .findFirst()
                .orElse("");
        return new SignedIn(authentication.getName(), role);
    }

    @ExceptionHandler(NotFoundException.class)
    public ModelAndView notFound(NotFoundException e, HttpServletResponse response) {
        return errorPage(HttpStatus.NOT_FOUND, e.getMessage(), response);
    }

    @ExceptionHandler(InvalidInputException.class)
    public ModelAndView invalid(InvalidInputException e, HttpServletResponse response) {
        return errorPage(HttpStatus.BAD_REQUEST, e.getMessage(), response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, HandlerMethodValidationException.class,
            MissingServletRequestParameterException.class})
    public ModelAndView badAddress(Exception e, HttpServletResponse response) {
        return errorPage(HttpStatus.BAD_REQUEST, "L'adresse demandée contient une valeur invalide.", response);
    }

    @ExceptionHandler(Exception.class)
    public ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Unexpected error while serving a page", e);
        return errorPage(HttpStatus.INTERNAL_SERVER_ERROR,
                "Le service n'a pas pu afficher cette page. L'erreur est journalisée.", response);
    }

    private ModelAndView errorPage(HttpStatus status, String detail, HttpServletResponse response) {
        response.setStatus(status.value());
        return new ModelAndView("error", Map.of("status", status.value(), "detail", detail, "fr", french), status);
    }

    /** The person signed in, as the header shows them. */
    public record SignedIn(String name, String role) {
    }
}
