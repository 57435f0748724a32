package no.fristed.common;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;

/** A client-caused failure that becomes a problem+json response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final transient Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    private ProblemException(Problem problem, Duration retryAfter) {
        super(problem.title(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    /** When the client may try again (sent as Retry-After), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(Problem.of(429, "rate-limited", "Too many requests", detail), retryAfter);
    }

    /** Something the service depends on (the cluster's Redis) cannot be reached for the moment. */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(Problem.of(503, "unavailable", "Temporarily unavailable", detail), retryAfter);
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
