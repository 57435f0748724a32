package no.fristed.chat.socket;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import no.fristed.chat.Connection;
import no.fristed.chat.protocol.Outgoing;
import org.jboss.logging.Logger;

/**
 * One chat socket with one writer at a time (everything that writes to a socket goes through here) and the
 * conversations it is bound to (see {@link no.fristed.chat.ChatBus.Bind}).
 */
final class SocketConnection implements Connection {

    private static final Logger LOG = Logger.getLogger(SocketConnection.class);
    private static final String KEY = "fristed.connection";

    private final Session socket;
    /** Per conversation: live logged frames reach this socket only after this seq. */
    private final Map<String, Long> boundAfter = new HashMap<>();

    private SocketConnection(Session socket) {
        this.socket = socket;
    }

    /** The socket's connection, made on first use and kept with the socket. */
    static SocketConnection of(Session socket) {
        return (SocketConnection) socket.getUserProperties().computeIfAbsent(KEY, key -> new SocketConnection(socket));
    }

    Session socket() {
        return socket;
    }

    @Override
    public void send(Outgoing frame) {
        sendJson(frame.json());
    }

    /**
     * Sends a frame, except a live logged frame of a conversation this socket is not bound to, or one its own replay
     * or history covers.
     */
    synchronized void deliver(Outgoing frame) {
        if (frame.logged() && !frame.replay()) {
            Long bound = boundAfter.get(frame.conversationId());
            if (bound == null || frame.loggedSeq() <= bound) {
                return;
            }
        }
        sendJson(frame.json());
    }

    synchronized void bind(String conversationId, long seq) {
        boundAfter.put(conversationId, seq);
    }

    /** A closing socket just misses the frame (and can resume). */
    synchronized void sendJson(String json) {
        try {
            if (socket.isOpen()) {
                socket.getBasicRemote().sendText(json);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debugf("Could not send to a closing socket: %s", e.getClass().getSimpleName());
        }
    }
}
