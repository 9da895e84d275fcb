package fr.gasp.platform.problem;

import java.util.List;

/** A request whose content breaks a rule: answered 400 with the fields at fault. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> errors;

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidInputException(List<FieldProblem> errors) {
        super(errors.stream().map(e -> e.field() + " : " + e.message()).reduce((a, b) -> a + " ; " + b).orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
