package fr.gasp.platform.problem;

/** One invalid field of a request, as listed in a 400's {@code errors}. */
public record FieldProblem(String field, String message) {
}
