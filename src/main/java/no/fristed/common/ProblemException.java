package no.fristed.common;

import java.util.List;

/**
 * A request the HTTP layer rejects as it stands (invalid fields, a failed log-in), as a problem+json response. What
 * the domain refuses is a {@link DomainException}.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(new Problem(Problem.typeUri("invalid-parameter"), "Invalid parameter",
                400, message, List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid";
        return new ProblemException(new Problem(Problem.typeUri("invalid-request"), "Invalid request", 400, detail, errors));
    }
}
