package no.fristed.chat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;
import no.fristed.common.DomainException;

/**
 * Reads client frames into their records (checked against their constraints) and writes server frames with the
 * protocol's envelope, all with the application's configured JSON mapper. Reading never lets a mistake through as
 * anything but a "bad-frame" or "unknown-type" refusal, and a refusal never repeats what was sent.
 */
@ApplicationScoped
public class FrameCodec {

    /** The envelope every server frame shares; the frame's own fields follow it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private record Envelope(String type, String conversationId, long seq, @JsonUnwrapped ServerFrame frame) {
    }

    /** A client frame: its record, and the conversation it names (for the error frame, if any). */
    public record Incoming<T>(T frame, String conversationId) {
    }

    private static final int MAX_ID = 64;

    private final ObjectMapper json;
    private final Validator validator;

    public FrameCodec(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** Reads a frame of one side ({@link YouthFrame} or {@link CounsellorFrame}). */
    public <T> Incoming<T> read(String text, Class<T> side) {
        JsonNode tree;
        try {
            tree = json.readTree(text);
        } catch (JsonProcessingException | RuntimeException e) {
            throw badFrame();
        }
        if (tree == null || !tree.isObject() || !tree.path("type").isTextual()) {
            throw badFrame();
        }
        JsonNode id = tree.path("conversationId");
        // Echoed in an error frame: only what could be a conversation id, never a long value the client chose.
        String conversationId = id.isTextual() && id.asText().length() <= MAX_ID ? id.asText() : null;
        T frame;
        try {
            frame = json.treeToValue(tree, side);
        } catch (InvalidTypeIdException e) {
            throw new DomainException.Invalid("unknown-type", "Unknown frame type");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Never the value, which could be anything the client wrote.
            throw new DomainException.Invalid("bad-frame", "A field has a value of the wrong type or form");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(frame);
        violations.stream().min(Comparator.comparing(v -> v.getPropertyPath().toString())).ifPresent(v -> {
            throw new DomainException.Invalid("bad-frame", v.getPropertyPath() + " " + v.getMessage());
        });
        return new Incoming<>(frame, conversationId);
    }

    /** A frame of a conversation's log, with the seq it was given there. */
    public Outgoing logged(String conversationId, long seq, ServerFrame frame) {
        return new Outgoing(write(conversationId, seq, frame), conversationId, seq);
    }

    /** A frame outside the logs; {@code lastSeq} is the conversation's current last seq (0 without one). */
    public Outgoing control(String conversationId, long lastSeq, ServerFrame frame) {
        return Outgoing.control(write(conversationId, lastSeq, frame));
    }

    public Outgoing error(DomainException failure, String conversationId) {
        return control(conversationId, 0, new ServerFrame.Error(failure.code(), failure.getMessage()));
    }

    private String write(String conversationId, long seq, ServerFrame frame) {
        try {
            return json.writeValueAsString(new Envelope(frame.type(), conversationId, seq, frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A server frame could not be written: " + frame.type());
        }
    }

    private static DomainException badFrame() {
        return new DomainException.Invalid("bad-frame", "Frames are JSON objects with a type");
    }
}
