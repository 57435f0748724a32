package no.fristed.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
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
     * noticed here: the bus no longer sees them anywhere.
     */
    public int sweep() {
        return chat.atomically(out -> {
            Instant now = clock.instant();
            int removed = 0;
            for (Conversation c : store.all()) {
                if (!c.status.over() && c.youthConnected && !bus.connected(Participants.youth(c.youthSession))) {
                    // Their instance went away without saying so; the reconnect grace starts now.
                    c.youthConnected = false;
                    c.youthLeftAt = now;
                    out.send(Participants.counsellor(c.counsellor), c, new ServerFrame.Reconnecting());
                }
                if (c.status.over()) {
                    if (c.endedAt.plus(config.endedGrace()).isBefore(now)) {
                        store.remove(c.id);
                        removed++;
                    }
                } else if (!c.youthConnected && c.youthLeftAt.plus(config.reconnectGrace()).isBefore(now)) {
                    flow.finish(c, c.status == ConversationStatus.WAITING ? ConversationStatus.CANCELLED
                            : ConversationStatus.ENDED, Side.YOUTH, "youth-left", out);
                }
            }
            for (CounsellorPresence p : store.counsellors()) {
                if (p.connected && !bus.connected(Participants.counsellor(p.username))) {
                    p.connected = false;
                    p.disconnectedAt = now;
                    store.putCounsellor(p);
                    flow.queueChanged(out);
                }
                if (!p.connected && p.disconnectedAt != null
                        && p.disconnectedAt.plus(config.reconnectGrace()).isBefore(now)) {
                    p.available = false;
                    store.putCounsellor(p);
                    store.all().stream().filter(c -> p.username.equals(c.counsellor)
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
        chat.update(out -> {
            store.all().stream().filter(c -> session.equals(c.youthSession)).forEach(c -> {
                if (!c.status.over()) {
                    flow.finish(c, ConversationStatus.ENDED, Side.YOUTH, "left-suddenly", out);
                }
                store.remove(c.id);
            });
            flow.queueChanged(out);
        });
        records.forgetSession(session);
    }
}
