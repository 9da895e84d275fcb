package fr.gasp.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error as {@code application/problem+json} (RFC 9457), with French titles for the
 * people who read them, and the fields at fault for a 400. Spring's own MVC errors (405,
 * 415, 406, missing parameters…) come through {@link ResponseEntityExceptionHandler}.
 * Anything else is a fault of ours: logged, and answered 500 without internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    public static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    public static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A value a client sent, quoted in an answer: never more than a line of it. */
    public static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    public static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Requête invalide",
                errors.stream().map(e -> e.field() + " : " + e.message()).collect(Collectors.joining(" ; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalidInput(InvalidInputException e) {
        return answer(invalid(e.errors()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException e) {
        return answer(problem(HttpStatus.NOT_FOUND, "Introuvable", e.getMessage()));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException e) {
        return answer(problem(HttpStatus.CONFLICT, "Action impossible à ce stade", e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return answer(invalid(List.of(new FieldProblem(e.getName(), "valeur invalide : « " + abbreviate(e.getValue()) + " »"))));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (TransientFailures.isTransient(e)) {
            // The database out of reach (restarting, every connection taken): nothing was recorded.
            log.warn("Database unavailable while serving a request: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Service momentanément indisponible",
                            "La base de données ne répond pas ; rien n'a été enregistré. Réessayez dans quelques secondes."));
        }
        log.error("Unexpected error while serving a request", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Erreur interne",
                "Le service n'a pas pu traiter la demande. L'erreur est journalisée."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return answer(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return answer(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return answer(unreadableBody(e.getCause()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, statusCode, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return answer;
    }

    private static ProblemDetail unreadableBody(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return invalid(List.of(new FieldProblem(path(unknown), "champ inconnu")));
        }
        if (cause instanceof InvalidFormatException format) {
            // A text with a forbidden character says which; any other value is quoted.
            return invalid(List.of(new FieldProblem(path(format), format.getTargetType() == String.class
                    ? format.getOriginalMessage()
                    : "valeur invalide : « " + abbreviate(format.getValue()) + " »")));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return invalid(List.of(new FieldProblem(path(mismatch), "type de valeur invalide")));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Throwable reading = mapping.getCause();
            String message = reading instanceof StreamConstraintsException limit ? exceeded(limit)
                    : reading instanceof InputCoercionException ? "nombre hors des limites"
                    : "valeur invalide";
            return invalid(List.of(new FieldProblem(path(mapping), message)));
        }
        if (cause instanceof StreamConstraintsException limit) {
            return invalidBody(exceeded(limit), limit);
        }
        if (cause instanceof InputCoercionException range) {
            return invalidBody("nombre hors des limites", range);
        }
        if (cause instanceof JsonParseException parse && String.valueOf(parse.getOriginalMessage()).startsWith("Duplicate field")) {
            return invalidBody("champ en double", parse);
        }
        String detail = cause instanceof JsonProcessingException
                ? "Le corps de la requête n'est pas un JSON valide."
                : "Le corps de la requête est absent ou illisible.";
        return problem(HttpStatus.BAD_REQUEST, "Requête invalide", detail);
    }

    /** Which of the reading limits of StrictJsonBodies a body went beyond. */
    private static String exceeded(StreamConstraintsException limit) {
        String message = String.valueOf(limit.getOriginalMessage());
        return message.contains("nesting depth") ? "JSON imbriqué trop profondément"
                : message.contains("Number value length") ? "nombre trop long"
                : message.contains("Name length") ? "nom de champ trop long"
                : "dépasse les limites de lecture";
    }

    /** A body refused while reading it: at the field being read, if there was one. */
    private static ProblemDetail invalidBody(String message, JsonProcessingException e) {
        String field = null;
        try {
            field = e.getProcessor() instanceof JsonParser parser ? parser.currentName() : null;
        } catch (java.io.IOException | RuntimeException unknown) {
            // No field to name: the body as a whole.
        }
        if (field == null) {
            return problem(HttpStatus.BAD_REQUEST, "Requête invalide", message.endsWith(".") ? message
                    : "Le corps de la requête est refusé : " + message + ".");
        }
        return invalid(List.of(new FieldProblem(field, message)));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
