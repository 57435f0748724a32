package no.fristed.chat.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What the counsellor console sends on /ws/counsellor, one record per frame type of
 * openapi/chat-protocol.schema.json ({@code $defs/counsellorToServer}). Fields outside the protocol are ignored;
 * the constraints are checked before a frame reaches the chat.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CounsellorFrame.Auth.class, name = "auth"),
    @JsonSubTypes.Type(value = CounsellorFrame.Availability.class, name = "availability"),
    @JsonSubTypes.Type(value = CounsellorFrame.Claim.class, name = "claim"),
    @JsonSubTypes.Type(value = CounsellorFrame.Resume.class, name = "resume"),
    @JsonSubTypes.Type(value = CounsellorFrame.Message.class, name = "message"),
    @JsonSubTypes.Type(value = CounsellorFrame.Typing.class, name = "typing"),
    @JsonSubTypes.Type(value = CounsellorFrame.Read.class, name = "read"),
    @JsonSubTypes.Type(value = CounsellorFrame.ServiceCard.class, name = "service-card"),
    @JsonSubTypes.Type(value = CounsellorFrame.FactCard.class, name = "fact-card"),
    @JsonSubTypes.Type(value = CounsellorFrame.Canned.class, name = "canned"),
    @JsonSubTypes.Type(value = CounsellorFrame.Transfer.class, name = "transfer"),
    @JsonSubTypes.Type(value = CounsellorFrame.End.class, name = "end"),
    @JsonSubTypes.Type(value = CounsellorFrame.WrapUp.class, name = "wrap-up"),
    @JsonSubTypes.Type(value = CounsellorFrame.Block.class, name = "block")
})
@JsonIgnoreProperties(ignoreUnknown = true)
public sealed interface CounsellorFrame {

    record Auth(String token) implements CounsellorFrame, AuthFrame {
    }

    record Availability(@NotNull Boolean available, @Min(1) @Max(10) Integer capacity) implements CounsellorFrame {
    }

    record Claim(@NotNull String conversationId) implements CounsellorFrame {
    }

    record Resume(@NotNull String conversationId, long lastSeq) implements CounsellorFrame {
    }

    /** The length limit is the chat's setting, checked by the chat. */
    record Message(@NotNull String conversationId, String text) implements CounsellorFrame {
    }

    record Typing(@NotNull String conversationId) implements CounsellorFrame {
    }

    record Read(@NotNull String conversationId, long upToSeq) implements CounsellorFrame {
    }

    record ServiceCard(@NotNull String conversationId, @NotNull @Size(max = 200) String serviceId)
            implements CounsellorFrame {
    }

    record FactCard(@NotNull String conversationId, @NotNull @Size(max = 200) String slug) implements CounsellorFrame {
    }

    record Canned(@NotNull String conversationId, @NotNull @Size(max = 200) String cannedId)
            implements CounsellorFrame {
    }

    /** To another counsellor by username, or back to the queue when {@code to} is absent. */
    record Transfer(@NotNull String conversationId, @Size(max = 100) String to) implements CounsellorFrame {
    }

    record End(@NotNull String conversationId) implements CounsellorFrame {
    }

    /** Statistics labels: the chat accepts known topics, outcomes and service ids only. */
    record WrapUp(@NotNull String conversationId, @Size(max = 20) List<@NotNull @Size(max = 80) String> topics,
            String outcome, @Size(max = 20) List<@NotNull @Size(max = 80) String> referredServices)
            implements CounsellorFrame {
    }

    record Block(@NotNull String conversationId) implements CounsellorFrame {
    }
}
