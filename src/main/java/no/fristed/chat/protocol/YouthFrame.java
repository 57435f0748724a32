package no.fristed.chat.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.fristed.common.Coded;

/**
 * What a young person's app sends on /ws/youth, one record per frame type of openapi/chat-protocol.schema.json
 * ({@code $defs/youthToServer}). Fields outside the protocol are ignored; the constraints are checked before a
 * frame reaches the chat.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = YouthFrame.Auth.class, name = "auth"),
    @JsonSubTypes.Type(value = YouthFrame.Open.class, name = "open"),
    @JsonSubTypes.Type(value = YouthFrame.Resume.class, name = "resume"),
    @JsonSubTypes.Type(value = YouthFrame.Message.class, name = "message"),
    @JsonSubTypes.Type(value = YouthFrame.Typing.class, name = "typing"),
    @JsonSubTypes.Type(value = YouthFrame.Read.class, name = "read"),
    @JsonSubTypes.Type(value = YouthFrame.Cancel.class, name = "cancel"),
    @JsonSubTypes.Type(value = YouthFrame.End.class, name = "end"),
    @JsonSubTypes.Type(value = YouthFrame.Feedback.class, name = "feedback"),
    @JsonSubTypes.Type(value = YouthFrame.ContinuationRequest.class, name = "continuation-request"),
    @JsonSubTypes.Type(value = YouthFrame.Unsafe.class, name = "unsafe"),
    @JsonSubTypes.Type(value = YouthFrame.ConsentAnswer.class, name = "consent-answer")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface YouthFrame {

    /** Which way a young person wants a message with personal data in it sent. */
    enum PiiChoice implements Coded { REDACT, SEND_ANYWAY }

    record Auth(String token) implements YouthFrame, AuthFrame {
    }

    /**
     * Topic and age band are checked against the known sets by the chat (they end up in the statistics); urgent is
     * "I'm not safe now".
     */
    record Open(@Size(max = 60) String topic, String ageBand, @Size(max = 40) String continuationCode,
            Boolean urgent) implements YouthFrame {
    }

    /** "I'm not safe now", during a chat. */
    record Unsafe(@NotNull String conversationId) implements YouthFrame {
    }

    /** One reading of the browser's position, shared once; never tracked. */
    record Position(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @DecimalMin("0") @DecimalMax("100000") Double accuracyMeters) {
    }

    /** Yes or no to a counsellor's request for personal data; with yes, what is shared (text, or a position). */
    record ConsentAnswer(@NotNull String conversationId, @NotNull @Size(max = 40) String requestId,
            @NotNull Boolean share, @Size(max = 300) String text, @Valid Position position) implements YouthFrame {
    }

    record Resume(@NotNull String conversationId, long lastSeq) implements YouthFrame {
    }

    /** The length limit is the chat's setting, checked by the chat. */
    record Message(@NotNull String conversationId,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1 to 64 letters, digits, - or _")
            String clientMessageId, String text,
            PiiChoice pii) implements YouthFrame {
    }

    record Typing(@NotNull String conversationId) implements YouthFrame {
    }

    record Read(@NotNull String conversationId, long upToSeq) implements YouthFrame {
    }

    record Cancel(@NotNull String conversationId) implements YouthFrame {
    }

    record End(@NotNull String conversationId) implements YouthFrame {
    }

    record Feedback(@NotNull String conversationId, @NotNull @Min(1) @Max(5) Integer score) implements YouthFrame {
    }

    record ContinuationRequest(@NotNull String conversationId) implements YouthFrame {
    }
}
