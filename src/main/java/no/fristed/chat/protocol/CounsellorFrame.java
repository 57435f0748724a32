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
    @JsonSubTypes.Type(value = CounsellorFrame.Block.class, name = "block"),
    @JsonSubTypes.Type(value = CounsellorFrame.Flag.class, name = "flag"),
    @JsonSubTypes.Type(value = CounsellorFrame.Help.class, name = "help"),
    @JsonSubTypes.Type(value = CounsellorFrame.ConsentRequest.class, name = "consent-request"),
    @JsonSubTypes.Type(value = CounsellorFrame.Monitor.class, name = "monitor"),
    @JsonSubTypes.Type(value = CounsellorFrame.Whisper.class, name = "whisper"),
    @JsonSubTypes.Type(value = CounsellorFrame.Join.class, name = "join"),
    @JsonSubTypes.Type(value = CounsellorFrame.TakeOver.class, name = "take-over")
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

    /** The assigned counsellor's judgement of risk in the chat. */
    record Flag(@NotNull String conversationId, @NotNull Safeguarding.RiskLevel level,
            Safeguarding.RiskCategory category) implements CounsellorFrame {
    }

    /** "I need help": alerts the supervisors on duty. */
    record Help(@NotNull String conversationId) implements CounsellorFrame {
    }

    /** Asks the young person to share personal data so help can be sent. */
    record ConsentRequest(@NotNull String conversationId, @NotNull Safeguarding.DataKind what,
            @NotNull Safeguarding.Purpose purpose) implements CounsellorFrame {
    }

    /** Supervisor: read a chat (the log so far, then live), without the young person being able to see text. */
    record Monitor(@NotNull String conversationId) implements CounsellorFrame {
    }

    /** Supervisor: a note to the counsellor that never reaches the young person. */
    record Whisper(@NotNull String conversationId, String text) implements CounsellorFrame {
    }

    /** Supervisor: join the chat as a second helper the young person sees. */
    record Join(@NotNull String conversationId) implements CounsellorFrame {
    }

    /** Supervisor: take the chat over from its counsellor. */
    record TakeOver(@NotNull String conversationId) implements CounsellorFrame {
    }
}
