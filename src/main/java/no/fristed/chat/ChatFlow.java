package no.fristed.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.fristed.chat.cards.ChatCards;
import no.fristed.chat.protocol.Safeguarding;
import no.fristed.chat.protocol.ServerFrame;
import no.fristed.chat.protocol.ServerFrame.Side;
import no.fristed.chat.queue.QueueOrder;
import no.fristed.chat.queue.Staffing;
import no.fristed.chat.records.ChatRecords;
import no.fristed.chat.records.ChatStatistic;
import no.fristed.common.DomainException;

/**
 * The steps chat operations share, always inside one ({@link ChatService#atomically}): finding a chat as its
 * participant may see it, moving it to a counsellor, back to the queue or to its end, and telling the queue.
 */
@ApplicationScoped
class ChatFlow {

    private static final int RECENT_CHATS = 50;

    private final ConversationStore store;
    private final ChatBus bus;
    private final ChatRecords records;
    private final ChatConfig config;
    private final ChatMetrics metrics;
    private final ChatTexts texts;
    private final ChatCards cards;
    private final QueueUpdates queueUpdates;
    private final Clock clock;

    ChatFlow(ConversationStore store, ChatBus bus, ChatRecords records, ChatConfig config, ChatMetrics metrics,
            ChatTexts texts, ChatCards cards, QueueUpdates queueUpdates, Clock clock) {
        this.queueUpdates = queueUpdates;
        this.cards = cards;
        this.store = store;
        this.bus = bus;
        this.records = records;
        this.config = config;
        this.metrics = metrics;
        this.texts = texts;
        this.clock = clock;
    }

    void assign(Conversation c, String username, Outbox out) {
        c.status = ConversationStatus.ACTIVE;
        c.counsellor = username;
        if (c.claimedAt == null) {
            c.claimedAt = clock.instant();
            metrics.waited(Duration.between(c.queuedAt, c.claimedAt));
        }
        String counsellor = Participants.counsellor(username);
        out.send(counsellor, c, new ServerFrame.Claimed(c.topic, c.ageBand, c.youthConnected));
        out.bindNow(counsellor, c);
        out.replay(counsellor, c, 0, Audience.COUNSELLOR);
        out.log(c, new ServerFrame.Assigned(username));
    }

    void backToQueue(Conversation c, Outbox out) {
        out.send(Participants.counsellor(c.counsellor), c, new ServerFrame.Released());
        c.status = ConversationStatus.WAITING;
        c.counsellor = null;
        out.log(c, new ServerFrame.Transferred("queue", texts.backToQueue()));
        queueChanged(out, c);
    }

    void finish(Conversation c, ConversationStatus status, Side by, String outcome, Outbox out) {
        Instant now = clock.instant();
        c.status = status;
        c.endedAt = now;
        c.endReason = outcome;
        out.log(c, new ServerFrame.Ended(by, outcome));
        if (c.claimedAt != null) {
            store.chatLasted(Duration.between(c.claimedAt, now).toSeconds(), RECENT_CHATS);
        }
        ChatStatistic stat = ChatRecords.statistic(c, outcome, now);
        out.after(() -> records.save(stat));
        queueChanged(out);
    }

    /** Waiting young people and counsellors hear of the change shortly ({@link QueueUpdates}). */
    void queueChanged(Outbox out) {
        out.after(queueUpdates::changed);
    }

    /**
     * As {@link #queueChanged(Outbox)}; the young person of a chat that just joined the queue learns their place now.
     */
    void queueChanged(Outbox out, Conversation joined) {
        out.send(Participants.youth(joined.youthSession), joined, QueueUpdates.place(position(joined), staffing()));
        queueChanged(out);
    }

    /** Puts the chat in the urgent lane, gives the young person the safety card and alerts who must know. */
    void markUrgent(Conversation c, Outbox out) {
        boolean already = c.urgent;
        c.urgent = true;
        boolean waiting = c.status == ConversationStatus.WAITING;
        if (waiting) {
            queueChanged(out, c);
        }
        out.send(Participants.youth(c.youthSession), c, new ServerFrame.Safety(cards.emergencyNumbers(),
                waiting ? staffing().estimate(position(c)) : null, waiting ? texts.unsafe() : texts.unsafeInChat()));
        if (!already) {
            alert(c, Safeguarding.AlertKind.URGENT, out);
        }
    }

    /**
     * Alerts the supervisors on duty and the chat's counsellor, and for an urgent chat still waiting every counsellor
     * on duty; counted for the statistics.
     */
    void alert(Conversation c, Safeguarding.AlertKind kind, Outbox out) {
        c.alerts++;
        boolean everyone = kind == Safeguarding.AlertKind.URGENT && c.status == ConversationStatus.WAITING;
        ServerFrame.Alert alert = new ServerFrame.Alert(kind, c.riskCategory, c.counsellor);
        store.counsellors().stream().filter(p -> p.connected && (p.supervisor || everyone && p.available
                || p.username.equals(c.counsellor)))
                .forEach(p -> out.send(Participants.counsellor(p.username), c, alert));
    }

    /** A chat as a member of its staff sees it: its counsellor, or a supervisor reading it. */
    Conversation staffedBy(String username, String conversationId) {
        return store.get(conversationId).filter(c -> username.equals(c.counsellor) || c.monitors.contains(username))
                .orElseThrow(() -> new DomainException.NotFound("not-found", "No such conversation assigned to you"));
    }

    /** The position of a waiting chat in the queue (1 is next), or 0 when it is not waiting. */
    int position(Conversation c) {
        return QueueOrder.waiting(store.all()).stream().map(w -> w.id).toList().indexOf(c.id) + 1;
    }

    Staffing staffing() {
        return queueUpdates.staffing();
    }

    List<Conversation> liveOf(String session) {
        return store.all().stream().filter(c -> session.equals(c.youthSession) && !c.status.over()).toList();
    }

    long activeCount(String username) {
        return store.all().stream().filter(c -> username.equals(c.counsellor)
                && c.status == ConversationStatus.ACTIVE).count();
    }

    CounsellorPresence presence(String username) {
        return store.counsellor(username).orElseGet(() -> {
            CounsellorPresence p = new CounsellorPresence();
            p.username = username;
            p.capacity = config.defaultCapacity();
            p.connected = bus.connected(Participants.counsellor(username));
            return p;
        });
    }

    /** The conversation if it belongs to this young person; the same answer as "no such chat" otherwise. */
    Conversation ownedBy(String session, String conversationId) {
        return store.get(conversationId).filter(c -> session.equals(c.youthSession))
                .orElseThrow(() -> new DomainException.NotFound("not-found", "No such conversation"));
    }

    Conversation stillWaiting(String conversationId) {
        Conversation c = store.get(conversationId)
                .orElseThrow(() -> new DomainException.NotFound("not-found", "No such conversation"));
        requireStatus(c, ConversationStatus.WAITING, "Someone else has this chat");
        return c;
    }

    Conversation assignedTo(String username, String conversationId) {
        return store.get(conversationId).filter(c -> username.equals(c.counsellor))
                .orElseThrow(() -> new DomainException.NotFound("not-found", "No such conversation assigned to you"));
    }

    static void requireStatus(Conversation c, ConversationStatus expected, String message) {
        if (c.status != expected) {
            throw new DomainException.Conflict("wrong-state", message);
        }
    }
}
