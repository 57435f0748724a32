package no.fristed.chat;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import no.fristed.chat.ConversationStore.Scope;
import no.fristed.chat.protocol.FrameCodec;
import no.fristed.chat.protocol.ServerFrame;

/**
 * What happens when a participant's socket comes or goes: presence on the bus, the ready frame for the new socket,
 * and the other side told when a young person drops (their chat waits for them, see the sweep).
 */
@ApplicationScoped
public class ChatConnections {

    private final ChatService chat;
    private final ChatFlow flow;
    private final ConversationStore store;
    private final ChatBus bus;
    private final FrameCodec codec;
    private final ChatHours hours;
    private final Clock clock;

    ChatConnections(ChatService chat, ChatFlow flow, ConversationStore store, ChatBus bus, FrameCodec codec,
            ChatHours hours, Clock clock) {
        this.chat = chat;
        this.flow = flow;
        this.store = store;
        this.bus = bus;
        this.codec = codec;
        this.hours = hours;
        this.clock = clock;
    }

    /** A socket of the young person opened here (and is in this instance's {@link LocalSockets}). */
    public void youthConnected(String session, Connection connection) {
        bus.present(Participants.youth(session));
        // Only the new socket: the session's other sockets are ready already.
        connection.send(codec.control(null, 0, new ServerFrame.YouthReady(hours.openNow())));
    }

    /** A socket of the young person closed; {@code lastHere} when it was their last one on this instance. */
    public void youthDisconnected(String session, boolean lastHere) {
        String youth = Participants.youth(session);
        if (lastHere) {
            bus.absent(youth);
        }
        // Each live chat on its own: the chats are found first, then each is checked again under its own lock.
        flow.liveOf(session).forEach(live -> chat.update(Scope.chat(live.id), out -> {
            if (bus.connected(youth)) {
                return;
            }
            store.get(live.id).filter(c -> session.equals(c.youthSession) && !c.status.over()).ifPresent(c -> {
                c.youthConnected = false;
                c.youthLeftAt = clock.instant();
                out.send(Participants.counsellor(c.counsellor), c, new ServerFrame.Reconnecting());
            });
        }));
    }

    /** A socket of the counsellor opened here (and is in this instance's {@link LocalSockets}). */
    public void counsellorConnected(String username, boolean supervisor, Connection connection) {
        bus.present(Participants.counsellor(username));
        chat.update(Scope.queue(), out -> {
            CounsellorPresence p = flow.presence(username);
            p.connected = true;
            p.disconnectedAt = null;
            p.supervisor = supervisor;
            store.putCounsellor(p);
            out.toConnection(connection, null, new ServerFrame.CounsellorReady(p.available, p.capacity,
                    store.all().stream().filter(c -> username.equals(c.counsellor)
                            && c.status == ConversationStatus.ACTIVE)
                            .map(c -> new ServerFrame.ActiveChat(c.id, c.lastSeq)).toList()));
            flow.queueChanged(out);
        });
    }

    /** A socket of the counsellor closed; {@code lastHere} when it was their last one on this instance. */
    public void counsellorDisconnected(String username, boolean lastHere) {
        String counsellor = Participants.counsellor(username);
        if (lastHere) {
            bus.absent(counsellor);
        }
        chat.update(Scope.queue(), out -> {
            if (!bus.connected(counsellor)) {
                CounsellorPresence p = flow.presence(username);
                p.connected = false;
                p.disconnectedAt = clock.instant();
                store.putCounsellor(p);
                flow.queueChanged(out);
            }
        });
    }
}
