package no.fristed.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem+json. Nothing of the request (body, parameters, headers) is echoed
 * back or logged: it may contain what a young person wrote.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.problem());
    }

    /** The one place a domain failure becomes HTTP: its kind decides the status, its code the problem type. */
    @ServerExceptionMapper
    public Response domain(DomainException e) {
        Duration retryAfter = null;
        int status;
        String title;
        if (e instanceof DomainException.RateLimited limited) {
            status = 429;
            title = "Too many requests";
            retryAfter = limited.retryAfter();
        } else if (e instanceof DomainException.Unavailable unavailable) {
            status = 503;
            title = "Temporarily unavailable";
            retryAfter = unavailable.retryAfter();
        } else if (e instanceof DomainException.NotFound) {
            status = 404;
            title = "Not found";
        } else if (e instanceof DomainException.Conflict) {
            status = 409;
            title = "Conflict";
        } else if (e instanceof DomainException.Refused) {
            status = 403;
            title = "Forbidden";
        } else {
            status = 400;
            title = "Invalid request";
        }
        return withRetryAfter(respond(Problem.of(status, e.code(), title, e.getMessage())), retryAfter);
    }

    private static Response withRetryAfter(Response response, Duration retryAfter) {
        if (retryAfter != null) {
            response.getHeaders().putSingle("Retry-After", Math.max(1, (retryAfter.toMillis() + 999) / 1000));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemException.invalid(errors).problem());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return malformedBody(e);
    }

    /** Quarkus maps this subtype itself (without problem+json) unless it is named here. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedBody(e);
    }

    private static Response malformedBody(JsonProcessingException e) {
        String field = JsonErrors.fieldPath(e);
        String detail = "The request body is not valid JSON for this operation";
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, e instanceof UnrecognizedPropertyException
                        ? "is not a known field" : "has a value of the wrong type or form"));
        return respond(new Problem(Problem.typeUri("malformed-body"), "Malformed request body", 400,
                field.isEmpty() ? detail : detail + " (at field '" + field + "')", errors));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "forbidden", "Forbidden", "Your role does not allow this operation"));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Client error";
        return respond(Problem.of(status, "http-" + status, title, title));
    }

    /**
     * The safety net for everything else, errors included (a StackOverflowError from odd client text): a generic 500,
     * and a log line with the type alone, never the message or the stack trace, which may quote what was sent.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return internal(e);
    }

    private static Response internal(Throwable e) {
        LOG.errorf("Unexpected failure: %s", e.getClass().getName());
        return respond(Problem.of(500, "internal", "Internal error", "Something went wrong on our side"));
    }

    private static Response unauthenticated() {
        return respond(Problem.of(401, "unauthenticated", "Unauthenticated", "A valid token is required"));
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // Method-parameter paths look like "create.document.name": drop the method and parameter.
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
