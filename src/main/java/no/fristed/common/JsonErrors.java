package no.fristed.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** Describes where in a JSON or YAML document parsing failed, without quoting the document. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /** The field path of a parse failure ("field 'eligibility.minAge'"), or "" when there is none. */
    public static String fieldPath(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        return "";
    }
}
