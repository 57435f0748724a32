package no.fristed.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.fristed.chat.protocol.Safeguarding;

/**
 * One chat's state. Holds no message text: text lives only in the conversation's frame log in the
 * {@link ConversationStore}, which is deleted with it.
 */
public class Conversation {

    public String id;
    /** The youth session's random id (the token subject). */
    public String youthSession;
    public String topic;
    public String ageBand;
    public ConversationStatus status;
    public Instant createdAt;
    /** When it last entered the queue; transfers back to the queue keep the original place. */
    public Instant queuedAt;
    /** Arrival order in the queue; kept when a chat goes back to the queue, so it keeps its place. */
    public long queueNumber;
    public Instant claimedAt;
    public Instant endedAt;
    public String endReason;
    public String counsellor;
    public String requestedCounsellor;
    public boolean youthConnected = true;
    public Instant youthLeftAt;
    /** The anonymous statistics row written when the chat finished. */
    public String statId;
    public long lastSeq;
    /** The log's last seq when each side's last read receipt was logged. */
    public long youthReadUpTo;
    public long counsellorReadUpTo;
    /** "I'm not safe now": in the urgent lane, ahead of every chat that is not. */
    public boolean urgent;
    public Safeguarding.RiskLevel riskLevel;
    public Safeguarding.RiskCategory riskCategory;
    /** Supervisors reading the chat (staff frames and the log reach them), and those of them who joined it. */
    public List<String> monitors = new ArrayList<>();
    public List<String> joined = new ArrayList<>();
    /** Open requests for personal data: request id to what was asked for. */
    public Map<String, Safeguarding.DataKind> consentRequests = new LinkedHashMap<>();
    /** Anonymous counts for the statistics. */
    public int alerts;
    public int supervisorJoins;
    public int consentAsked;
    public int consentShared;
    public int consentDeclined;

    /** A new chat in the queue, with a random id and a random id for its statistics row. */
    static Conversation waiting(String session, String topic, String ageBand, Instant now, long queueNumber) {
        Conversation c = new Conversation();
        c.id = UUID.randomUUID().toString();
        c.statId = UUID.randomUUID().toString();
        c.youthSession = session;
        c.topic = topic;
        c.ageBand = ageBand;
        c.status = ConversationStatus.WAITING;
        c.createdAt = now;
        c.queuedAt = now;
        c.queueNumber = queueNumber;
        return c;
    }
}
