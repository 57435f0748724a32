package no.fristed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON Schema (2020-12) validation for tests, with formats (uuid, uri, date-time) asserted. Schemas are read once
 * from the classpath ({@code classpath:hsds-3/compiled/service.json}) and kept, as some are megabytes.
 */
public final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /** Every error, each naming where in the instance it is; empty when the instance is valid. */
    public static List<String> errors(String location, JsonNode instance) {
        return errors(compiled(location), instance);
    }

    public static List<String> errors(JsonSchema schema, JsonNode instance) {
        return schema.validate(instance).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * The schema at the location (a fragment may point inside a file), read once with every reference resolved, so
     * many threads can validate with it at once.
     */
    public static JsonSchema compiled(String location) {
        return SCHEMAS.computeIfAbsent(location, l -> {
            JsonSchema schema = FACTORY.getSchema(SchemaLocation.of(l), CONFIG);
            schema.initializeValidators();
            return schema;
        });
    }

    /** Fails with every error when the instance does not match the schema. */
    public static void assertValid(String location, JsonNode instance, String what) {
        List<String> errors = errors(location, instance);
        if (!errors.isEmpty()) {
            throw new AssertionError(what + " does not match " + location + ":\n  " + String.join("\n  ", errors));
        }
    }
}
