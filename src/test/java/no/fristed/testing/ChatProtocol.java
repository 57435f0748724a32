package no.fristed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat protocol as tests hold frames to it: every frame a test sends or receives is checked against its type's
 * schema in openapi/chat-protocol.schema.json, which admits no field it does not name. Every type's schema is
 * compiled once, up front (see {@link JsonSchemas#compiled}), so many client threads can check frames at once.
 */
public final class ChatProtocol {

    /** Which way a frame travels; the schema's group of frame types for that way. */
    public enum Direction {
        YOUTH_TO_SERVER("youthToServer"), COUNSELLOR_TO_SERVER("counsellorToServer"), SERVER_TO_CLIENT("serverToClient");

        private final String group;

        Direction(String group) {
            this.group = group;
        }
    }

    private static final Map<Direction, Map<String, JsonSchema>> SCHEMAS = compile();

    private ChatProtocol() {
    }

    /** What is wrong with the frame (empty when nothing): an undocumented type, or each schema error. */
    public static List<String> errors(Direction direction, JsonNode frame) {
        String type = frame.path("type").asText();
        JsonSchema schema = SCHEMAS.get(direction).get(type);
        if (schema == null) {
            return List.of("undocumented " + direction.group + " frame type '" + type + "'");
        }
        return JsonSchemas.errors(schema, frame);
    }

    public static void assertValid(Direction direction, JsonNode frame) {
        List<String> errors = errors(direction, frame);
        if (!errors.isEmpty()) {
            throw new AssertionError(direction.group + " frame " + frame + " breaks the protocol:\n  "
                    + String.join("\n  ", errors));
        }
    }

    private static Map<Direction, Map<String, JsonSchema>> compile() {
        Path file = Path.of("openapi/chat-protocol.schema.json");
        JsonNode document;
        try {
            document = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<Direction, Map<String, JsonSchema>> schemas = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            Map<String, JsonSchema> types = new HashMap<>();
            document.path("$defs").path(direction.group).fieldNames().forEachRemaining(type -> {
                types.put(type, JsonSchemas.compiled(file.toAbsolutePath().toUri() + "#/$defs/" + direction.group + "/"
                        + type));
            });
            schemas.put(direction, Map.copyOf(types));
        }
        return schemas;
    }
}
