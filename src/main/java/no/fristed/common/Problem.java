package no.fristed.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, the body of every error a client can cause. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field or parameter, named as the client wrote it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String kind, String title, String detail) {
        return new Problem(typeUri(kind), title, status, detail, List.of());
    }

    public static String typeUri(String kind) {
        return "https://fristed.no/problems/" + kind;
    }
}
