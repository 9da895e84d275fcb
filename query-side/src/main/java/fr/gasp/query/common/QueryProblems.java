package fr.gasp.query.common;

import fr.gasp.platform.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the query side's own refusals read over HTTP. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QueryProblems {

    @ExceptionHandler(ReadModelNotCaughtUp.class)
    ResponseEntity<Object> notCaughtUp(ReadModelNotCaughtUp e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "Lecture pas encore à jour",
                        e.getMessage()));
    }
}
