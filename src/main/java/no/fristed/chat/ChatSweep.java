package no.fristed.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import no.fristed.chat.ConversationStore.Scope;
import no.fristed.chat.protocol.ServerFrame;
import no.fristed.chat.protocol.ServerFrame.Side;
import no.fristed.chat.records.ChatRecords;

/**
 * Tidies the chat: ends conversations whose young person did not come back, returns chats of counsellors who did
 * not come back to the queue, deletes conversations (with all their text) once their grace has passed, and wipes a
 * session's chats at once on "delete everything now".
 */
@ApplicationScoped
public class ChatSweep {

    private final ChatService chat;
    private final ChatFlow flow;
    private final ConversationStore store;
    private final ChatBus bus;
    private final ChatRecords records;
    private final ChatConfig config;
    private final Clock clock;

    ChatSweep(ChatService chat, ChatFlow flow, ConversationStore store, ChatBus bus, ChatRecords records,
            ChatConfig config, Clock clock) {
        this.chat = chat;
        this.flow = flow;
        this.store = store;
        this.bus = bus;
        this.records = records;
        this.config = config;
        this.clock = clock;
    }

    /**
     * One round; returns how many conversations were deleted. Someone whose socket was on an instance that died is
     * noticed here: the bus no longer sees them anywhere. What needs doing is found first without a lock, so the
     * round only locks (with the queue) the chats it changes, and asks the bus under the lock about those alone.
     */
    public int sweep() {
        Instant now = clock.instant();
        Set<String> due = new HashSet<>();
        Set<String> gone = new HashSet<>();
        for (Conversation c : store.all()) {
            if (c.status.over() ? endedGraceOver(c, now) : c.youthConnected
                    ? !bus.connected(Participants.youth(c.youthSession)) : reconnectGraceOver(c, now)) {
                due.add(c.id);
            }
        }
        for (CounsellorPresence p : store.counsellors()) {
            if (p.connected && !bus.connected(Participants.counsellor(p.username))) {
                gone.add(p.username);
            }
            if (counsellorGraceOver(p, now)) {
                store.all().stream().filter(c -> p.username.equals(c.counsellor)).forEach(c -> due.add(c.id));
            }
        }
        return chat.atomically(Scope.queue(due), out -> {
            int removed = 0;
            for (Conversation c : store.all()) {
                if (!due.contains(c.id)) {
                    continue;
                }
                if (!c.status.over() && c.youthConnected && !bus.connected(Participants.youth(c.youthSession))) {
                    // Their instance went away without saying so; the reconnect grace starts now.
                    c.youthConnected = false;
                    c.youthLeftAt = now;
                    out.send(Participants.counsellor(c.counsellor), c, new ServerFrame.Reconnecting());
                }
                if (c.status.over()) {
                    if (endedGraceOver(c, now)) {
                        store.remove(c.id);
                        removed++;
                    }
                } else if (!c.youthConnected && reconnectGraceOver(c, now)) {
                    flow.finish(c, c.status == ConversationStatus.WAITING ? ConversationStatus.CANCELLED
                            : ConversationStatus.ENDED, Side.YOUTH, "youth-left", out);
                }
            }
            for (CounsellorPresence p : store.counsellors()) {
                if (p.connected && gone.contains(p.username) && !bus.connected(Participants.counsellor(p.username))) {
                    p.connected = false;
                    p.disconnectedAt = now;
                    store.putCounsellor(p);
                    flow.queueChanged(out);
                }
                if (counsellorGraceOver(p, now)) {
                    p.available = false;
                    store.putCounsellor(p);
                    store.all().stream().filter(c -> due.contains(c.id) && p.username.equals(c.counsellor)
                            && c.status == ConversationStatus.ACTIVE).forEach(c -> flow.backToQueue(c, out));
                }
            }
            return removed;
        });
    }

    /**
     * "Delete everything now" (the quick exit): the session's conversations and their text go at once, and the
     * counsellor sees that the young person left suddenly.
     */
    public void wipe(String session) {
        // Found under the queue's lock: the session is revoked by now, so no chat of it can be opened after this.
        List<String> ids = chat.atomically(Scope.queue(), out -> store.all().stream()
                .filter(c -> session.equals(c.youthSession)).map(c -> c.id).toList());
        chat.update(Scope.queue(ids), out -> {
            store.all().stream().filter(c -> ids.contains(c.id)).forEach(c -> {
                if (!c.status.over()) {
                    flow.finish(c, ConversationStatus.ENDED, Side.YOUTH, "left-suddenly", out);
                }
                store.remove(c.id);
            });
            flow.queueChanged(out);
        });
        records.forgetSession(session);
    }

    private boolean endedGraceOver(Conversation c, Instant now) {
        return c.endedAt.plus(config.endedGrace()).isBefore(now);
    }

    private boolean reconnectGraceOver(Conversation c, Instant now) {
        return c.youthLeftAt.plus(config.reconnectGrace()).isBefore(now);
    }

    private boolean counsellorGraceOver(CounsellorPresence p, Instant now) {
        return !p.connected && p.disconnectedAt != null && p.disconnectedAt.plus(config.reconnectGrace()).isBefore(now);
    }
}
