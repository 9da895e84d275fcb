package fr.gasp.command.common;

import fr.gasp.command.proposal.ForbiddenTransition;
import fr.gasp.platform.problem.ProblemResponses;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the command side's refusals read over HTTP. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblems {

    @ExceptionHandler(ForbiddenTransition.class)
    ResponseEntity<Object> forbiddenTransition(ForbiddenTransition e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, "Action impossible à ce stade",
                e.getMessage());
        problem.setProperty("currentStatus", e.currentStatus());
        problem.setProperty("attemptedAction", e.attempted());
        problem.setProperty("allowedActions", e.allowedActions());
        return ProblemResponses.answer(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownAggregate(AggregateNotFoundException e) {
        return ProblemResponses.answer(ProblemResponses.problem(HttpStatus.NOT_FOUND, "Introuvable",
                "Aucun élément d'identifiant " + e.getAggregateIdentifier() + "."));
    }

    /** Another node appended to the same aggregate first; the client may read again and retry. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException e) {
        return ProblemResponses.answer(ProblemResponses.problem(HttpStatus.CONFLICT, "Modification concurrente",
                "Cet élément vient d'être modifié par une autre demande ; relisez-le puis recommencez."));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandFailed(CommandExecutionException e) throws Throwable {
        // A handler's own exception is wrapped only when it is checked: rethrow the cause for its own handler.
        throw e.getCause() != null ? e.getCause() : e;
    }
}
