package no.fristed.chat;

import java.util.ArrayList;
import java.util.List;
import no.fristed.chat.protocol.FrameCodec;
import no.fristed.chat.protocol.Outgoing;
import no.fristed.chat.protocol.ServerFrame;
import org.jboss.logging.Logger;

/**
 * What one chat operation decided to send and store, collected while chat state is locked and carried out after, so
 * a slow socket or database never holds the lock. Logged frames go into the conversation's log at once (they are
 * part of the state).
 */
public final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private record Direct(Connection connection, Outgoing frame) {
    }

    private final ConversationStore store;
    private final ChatBus bus;
    private final FrameCodec codec;
    private final List<Direct> direct = new ArrayList<>();
    private final List<ChatBus.Frame> published = new ArrayList<>();
    private final List<Runnable> afterwards = new ArrayList<>();

    Outbox(ConversationStore store, ChatBus bus, FrameCodec codec) {
        this.store = store;
        this.bus = bus;
        this.codec = codec;
    }

    /** A frame outside the log for a participant (nobody when null), carrying the conversation's last seq. */
    public void send(String participant, Conversation c, ServerFrame frame) {
        to(participant, codec.control(c == null ? null : c.id, c == null ? 0 : c.lastSeq, frame));
    }

    public void to(String participant, Outgoing frame) {
        if (participant != null) {
            published.add(new ChatBus.Frame(participant, frame));
        }
    }

    /** A frame for one socket only (the participant's other sockets must not get it), sent before the others. */
    public void toConnection(Connection connection, Conversation c, ServerFrame frame) {
        direct.add(new Direct(connection, codec.control(c == null ? null : c.id, c == null ? 0 : c.lastSeq, frame)));
    }

    /** Appends a frame to the conversation's log for both sides, and sends it to both (and supervisors reading). */
    public Outgoing log(Conversation c, ServerFrame frame) {
        Outgoing logged = logFor(c, Audience.BOTH, frame);
        to(Participants.youth(c.youthSession), logged);
        return logged;
    }

    /**
     * Appends a frame to the log for staff only (the counsellor and supervisors reading): it never reaches the
     * young person, live or on a replay.
     */
    public Outgoing logForStaff(Conversation c, ServerFrame frame) {
        return logFor(c, Audience.COUNSELLOR, frame);
    }

    private Outgoing logFor(Conversation c, Audience audience, ServerFrame frame) {
        Outgoing logged = codec.logged(c.id, ++c.lastSeq, frame);
        store.append(c.id, audience, logged);
        to(Participants.counsellor(c.counsellor), logged);
        c.monitors.stream().filter(m -> !m.equals(c.counsellor)).forEach(m -> to(Participants.counsellor(m), logged));
        return logged;
    }

    /**
     * Binds the participant's sockets to the conversation at its current last seq (see {@link ChatBus.Bind}), now:
     * under the lock, so no frame of a later operation can reach the sockets before the binding does.
     */
    public void bindNow(String participant, Conversation c) {
        bus.publish(List.of(new ChatBus.Bind(participant, c.id, c.lastSeq)));
    }

    /** Replays the conversation's logged frames after {@code seq} that the participant's side may see. */
    public void replay(String participant, Conversation c, long seq, Audience side) {
        store.framesAfter(c.id, seq, side).forEach(frame -> to(participant, frame.replayed()));
    }

    public void after(Runnable action) {
        afterwards.add(action);
    }

    /** Bookkeeping first, so nobody can react to a frame (say, give feedback on an ended chat) before its record exists. */
    void flush() {
        for (Runnable action : afterwards) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // Statistics and records must never stop the chat itself; only the type is logged.
                LOG.errorf("Chat bookkeeping failed: %s", e.getClass().getName());
            }
        }
        direct.forEach(d -> d.connection().send(d.frame()));
        bus.publish(published);
    }
}
