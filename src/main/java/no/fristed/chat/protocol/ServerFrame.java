package no.fristed.chat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import no.fristed.catalogue.Channel;
import no.fristed.common.Coded;

/**
 * Every frame the server sends, one record per frame type of openapi/chat-protocol.schema.json
 * ({@code $defs/serverToClient}). A record holds the frame's own fields; {@link FrameCodec} adds the envelope
 * ({@code type}, {@code conversationId}, {@code seq}). A null field is sent as null (the protocol names them all),
 * unless the field says otherwise.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public sealed interface ServerFrame {

    /** The frame's type as the protocol names it. */
    String type();

    /** Which side said or did something. */
    enum Side implements Coded { YOUTH, COUNSELLOR, SUPERVISOR }

    record YouthReady(boolean open) implements ServerFrame {
        @JsonProperty("role")
        String role() {
            return "youth";
        }

        public String type() {
            return "ready";
        }
    }

    record CounsellorReady(boolean available, int capacity, List<ActiveChat> conversations) implements ServerFrame {
        @JsonProperty("role")
        String role() {
            return "counsellor";
        }

        public String type() {
            return "ready";
        }
    }

    /** A chat the counsellor has, to resume after a reconnect. */
    record ActiveChat(String conversationId, long lastSeq) {
    }

    record Queued(int position, Long estimatedWaitSeconds, boolean counsellorsAvailable) implements ServerFrame {
        public String type() {
            return "queued";
        }
    }

    /** The first waiting chats (and any further one that asked for this counsellor), and how many wait in all. */
    record Queue(List<QueueItem> items, int total) implements ServerFrame {
        public String type() {
            return "queue";
        }
    }

    /**
     * One waiting chat as counsellors see it; topic and age band are null when the young person gave none; urgent
     * chats ("I'm not safe now") come first.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record QueueItem(String conversationId, String topic, String ageBand, long waitingSeconds, boolean requestedYou,
            boolean urgent) {
    }

    record Closed(String nextOpens, List<OpenService> openServices, List<EmergencyNumber> emergency,
            boolean questionMode, String message) implements ServerFrame {
        public String type() {
            return "closed";
        }
    }

    record OpenService(String id, String name, List<Channel> channels) {
    }

    record EmergencyNumber(String number, String name) {
    }

    record Claimed(String topic, String ageBand, boolean youthConnected) implements ServerFrame {
        public String type() {
            return "claimed";
        }
    }

    record Assigned(String counsellor) implements ServerFrame {
        public String type() {
            return "assigned";
        }
    }

    record Message(Side from, String text, @JsonInclude(JsonInclude.Include.NON_NULL) String clientMessageId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean redacted) implements ServerFrame {
        public String type() {
            return "message";
        }
    }

    record Delivered(@JsonInclude(JsonInclude.Include.NON_NULL) String clientMessageId) implements ServerFrame {
        public String type() {
            return "delivered";
        }
    }

    record Read(Side by, long upToSeq) implements ServerFrame {
        public String type() {
            return "read";
        }
    }

    record Typing(Side from) implements ServerFrame {
        public String type() {
            return "typing";
        }
    }

    record Card(String kind, @JsonInclude(JsonInclude.Include.NON_NULL) ServiceCard service,
            @JsonInclude(JsonInclude.Include.NON_NULL) FactCard fact) implements ServerFrame {
        public String type() {
            return "card";
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ServiceCard(String id, String name, String description, List<Channel> channels, String anonymous,
            String track, String whatHappens, Boolean openNow) {
    }

    record FactCard(String slug, String lang, String title, String summary) {
    }

    record Transferred(String to, String message) implements ServerFrame {
        public String type() {
            return "transferred";
        }
    }

    record Released() implements ServerFrame {
        public String type() {
            return "released";
        }
    }

    record Ended(Side by, String reason) implements ServerFrame {
        public String type() {
            return "ended";
        }
    }

    record Reconnecting() implements ServerFrame {
        public String type() {
            return "reconnecting";
        }
    }

    record YouthBack() implements ServerFrame {
        public String type() {
            return "youth-back";
        }
    }

    record Resumed(String status, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean youthConnected)
            implements ServerFrame {
        public String type() {
            return "resumed";
        }
    }

    record PiiWarning(@JsonInclude(JsonInclude.Include.NON_NULL) String clientMessageId, List<String> found,
            String redacted, String message) implements ServerFrame {
        public String type() {
            return "pii-warning";
        }
    }

    record Continuation(boolean matched) implements ServerFrame {
        public String type() {
            return "continuation";
        }
    }

    record ContinuationCode(String code, int validDays) implements ServerFrame {
        public String type() {
            return "continuation-code";
        }
    }

    record FeedbackReceived() implements ServerFrame {
        public String type() {
            return "feedback-received";
        }
    }

    record Availability(boolean available, int capacity, long active) implements ServerFrame {
        public String type() {
            return "availability";
        }
    }

    record WrapUpSaved() implements ServerFrame {
        public String type() {
            return "wrap-up-saved";
        }
    }

    record Error(String code, String message) implements ServerFrame {
        public String type() {
            return "error";
        }
    }

    /** To the young person who said "I'm not safe now": what to do while waiting, and the urgent lane's wait. */
    record Safety(List<EmergencyNumber> numbers, Long estimatedWaitSeconds, String message) implements ServerFrame {
        public String type() {
            return "safety";
        }
    }

    /** To supervisors on duty (and for an urgent chat, counsellors on duty). */
    record Alert(Safeguarding.AlertKind kind, Safeguarding.RiskCategory category, String counsellor)
            implements ServerFrame {
        public String type() {
            return "alert";
        }
    }

    /** To the counsellor and supervisors: the chat's risk flag as it now is. */
    record Flagged(Safeguarding.RiskLevel level, Safeguarding.RiskCategory category) implements ServerFrame {
        public String type() {
            return "flagged";
        }
    }

    /** A supervisor's note to the counsellor; logged for staff only, never sent or replayed to the young person. */
    record Whisper(String from, String text) implements ServerFrame {
        public String type() {
            return "whisper";
        }
    }

    /** To both sides, in plain words: someone else reads along, has joined or has taken over. */
    record Notice(Safeguarding.NoticeKind kind, String message) implements ServerFrame {
        public String type() {
            return "notice";
        }
    }

    /** A supervisor now reads the chat: the log so far was replayed before this. */
    record Monitoring(String status, String counsellor) implements ServerFrame {
        public String type() {
            return "monitoring";
        }
    }

    /** A counsellor asks for personal data: what, what for, who will see it, in plain words. */
    record ConsentRequest(String requestId, Safeguarding.DataKind what, Safeguarding.Purpose purpose,
            String message) implements ServerFrame {
        public String type() {
            return "consent-request";
        }
    }

    /** The young person's answer (nothing of what was shared). */
    record ConsentAnswer(String requestId, boolean shared) implements ServerFrame {
        public String type() {
            return "consent-answer";
        }
    }

    /**
     * What the young person agreed to share: for the counsellor and supervisors in the chat only, never stored
     * outside the chat, wiped with it.
     */
    record PersonalData(String requestId, Safeguarding.DataKind what, @JsonInclude(JsonInclude.Include.NON_NULL)
            String text, @JsonInclude(JsonInclude.Include.NON_NULL) Position position) implements ServerFrame {
        @JsonProperty("personal")
        boolean personal() {
            return true;
        }

        public String type() {
            return "personal-data";
        }
    }

    /** One reading of a position. */
    record Position(double latitude, double longitude, Double accuracyMeters) {
    }

    record StateLost(String message) implements ServerFrame {
        public String type() {
            return "state-lost";
        }
    }
}
