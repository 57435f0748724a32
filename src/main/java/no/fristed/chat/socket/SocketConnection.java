package no.fristed.chat.socket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import no.fristed.chat.Connection;
import no.fristed.chat.protocol.Outgoing;
import org.jboss.logging.Logger;

/**
 * One chat socket: the conversations it is bound to (see {@link no.fristed.chat.ChatBus.Bind}), and its own queue of
 * frames, written one at a time without blocking whoever hands them over. A client that stops reading only fills its
 * own queue; past a bound, or when a write takes too long, its socket is closed (it can reconnect and resume).
 */
final class SocketConnection implements Connection {

    private static final Logger LOG = Logger.getLogger(SocketConnection.class);
    private static final String KEY = "fristed.connection";
    /** Frames waiting for a client that reads slowly; far more than any chat needs at once. */
    static final int MAX_PENDING = 2000;
    private static final long SEND_TIMEOUT_MILLIS = 15_000;

    private final Session socket;
    /** Per conversation: live logged frames reach this socket only after this seq. */
    private final Map<String, Long> boundAfter = new HashMap<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private boolean writing;
    private boolean dropped;

    private SocketConnection(Session socket) {
        this.socket = socket;
        socket.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
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
     * Queues a frame, except a live logged frame of a conversation this socket is not bound to, or one its own replay
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

    /** Queues a frame in order; a closing socket just misses it (and can resume). */
    synchronized void sendJson(String json) {
        if (dropped || !socket.isOpen()) {
            return;
        }
        if (pending.size() >= MAX_PENDING) {
            drop("Too many frames waiting for this connection");
            return;
        }
        pending.addLast(json);
        if (!writing) {
            writeNext();
        }
    }

    private synchronized void writeNext() {
        String json = pending.pollFirst();
        writing = json != null && !dropped;
        if (!writing) {
            return;
        }
        try {
            socket.getAsyncRemote().sendText(json, this::written);
        } catch (IllegalStateException e) {
            LOG.debugf("Could not send to a closing socket: %s", e.getClass().getSimpleName());
            writing = false;
        }
    }

    private void written(SendResult result) {
        if (result.isOK()) {
            writeNext();
        } else {
            LOG.debugf("A send failed: %s", result.getException() == null ? "timeout"
                    : result.getException().getClass().getSimpleName());
            drop("The connection stopped reading");
        }
    }

    /** Closes the socket on another thread: a close can run the close handler at once, which takes chat locks. */
    private synchronized void drop(String reason) {
        dropped = true;
        pending.clear();
        writing = false;
        CompletableFuture.runAsync(() -> {
            try {
                socket.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, reason));
            } catch (IOException | IllegalStateException e) {
                LOG.debugf("Close failed: %s", e.getClass().getSimpleName());
            }
        });
    }
}
