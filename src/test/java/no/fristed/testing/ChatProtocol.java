package no.fristed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The chat protocol as tests hold frames to it: every frame a test sends or receives is checked against its type's
 * schema in openapi/chat-protocol.schema.json, which admits no field it does not name.
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

    private static final Path FILE = Path.of("openapi/chat-protocol.schema.json");
    private static final JsonNode SCHEMA = read();

    private ChatProtocol() {
    }

    /** What is wrong with the frame (empty when nothing): an undocumented type, or each schema error. */
    public static List<String> errors(Direction direction, JsonNode frame) {
        String type = frame.path("type").asText();
        if (!SCHEMA.path("$defs").path(direction.group).has(type)) {
            return List.of("undocumented " + direction.group + " frame type '" + type + "'");
        }
        return JsonSchemas.errors(FILE.toAbsolutePath().toUri() + "#/$defs/" + direction.group + "/" + type, frame);
    }

    public static void assertValid(Direction direction, JsonNode frame) {
        List<String> errors = errors(direction, frame);
        if (!errors.isEmpty()) {
            throw new AssertionError(direction.group + " frame " + frame + " breaks the protocol:\n  "
                    + String.join("\n  ", errors));
        }
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(FILE.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
