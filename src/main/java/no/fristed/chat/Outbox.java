package no.fristed.chat;

import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a chat operation decided to send and store, collected while chat state is locked and carried out after, so
 * a slow socket or database never holds the lock.
 */
final class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private record Direct(jakarta.websocket.Session socket, String json) {
    }

    private final List<Direct> direct = new ArrayList<>();
    private final List<ChatBus.Addressed> deliveries = new ArrayList<>();
    private final List<Runnable> afterwards = new ArrayList<>();

    void to(String participant, String json) {
        to(participant, Frames.Outgoing.control(json));
    }

    void to(String participant, Frames.Outgoing frame) {
        if (participant != null) {
            deliveries.add(new ChatBus.Addressed(participant, frame));
        }
    }

    /** A frame for one socket only (the participant's other sockets must not get it), sent before the others. */
    void toSocket(jakarta.websocket.Session socket, String json) {
        direct.add(new Direct(socket, json));
    }

    void after(Runnable action) {
        afterwards.add(action);
    }

    /** Bookkeeping first, so nobody can react to a frame (say, give feedback on an ended chat) before its record exists. */
    void flush(ChatBus bus) {
        for (Runnable action : afterwards) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // Statistics and records must never stop the chat itself; only the type is logged.
                LOG.errorf("Chat bookkeeping failed: %s", e.getClass().getName());
            }
        }
        direct.forEach(d -> SocketSupport.send(d.socket(), d.json()));
        bus.sendAll(deliveries);
    }
}
