package no.fristed.common;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** A client-caused failure that becomes a problem+json response. */
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

    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", what + " was not found"));
    }

    public static ProblemException conflict(String kind, String detail) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT.getStatusCode(), kind, "Conflict", detail));
    }
}
