package no.fristed.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The chat protocol's frames: JSON objects that always carry {@code type}, {@code conversationId} and {@code seq}
 * (see openapi/chat-protocol.schema.json). Parsing never throws: anything malformed becomes an empty result.
 */
public final class Frames {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    /** An outgoing frame under construction. */
    public static final class Frame {

        private final ObjectNode node = JSON.createObjectNode();

        private Frame(String type, String conversationId, long seq) {
            node.put("type", type);
            node.put("conversationId", conversationId);
            node.put("seq", seq);
        }

        public Frame seq(long seq) {
            node.put("seq", seq);
            return this;
        }

        public Frame put(String field, Object value) {
            node.set(field, JSON.valueToTree(value));
            return this;
        }

        public String json() {
            return node.toString();
        }
    }

    /**
     * A frame on its way to a participant. A logged frame carries its conversation and seq, so that a socket can tell
     * whether it is covered by the socket's own resume (see {@link ChatBus#bind}); a replayed one is part of a resume.
     */
    public record Outgoing(String json, String conversationId, long loggedSeq, boolean replay) {

        Outgoing(String json, String conversationId, long loggedSeq) {
            this(json, conversationId, loggedSeq, false);
        }

        static Outgoing control(String json) {
            return new Outgoing(json, null, 0);
        }

        boolean logged() {
            return conversationId != null && loggedSeq > 0;
        }

        Outgoing replayed() {
            return new Outgoing(json, conversationId, loggedSeq, true);
        }
    }

    public static Frame of(String type, Conversation conversation) {
        return new Frame(type, conversation == null ? null : conversation.id,
                conversation == null ? 0 : conversation.lastSeq);
    }

    public static Frame error(String code, String message, String conversationId) {
        return new Frame("error", conversationId, 0).put("code", code).put("message", message);
    }

    /** The frame as a JSON object with a text {@code type}, or empty when it is not one. */
    public static Optional<JsonNode> parse(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() && node.path("type").isTextual() ? Optional.of(node) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
