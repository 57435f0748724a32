package no.fristed.chat.socket;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import no.fristed.chat.ChatBus;
import no.fristed.chat.LocalSockets;
import no.fristed.chat.protocol.Outgoing;

/**
 * This instance's authenticated chat sockets per participant, oldest first, and the delivery of what the bus hands
 * over to them.
 */
@ApplicationScoped
public class SocketRegistry implements LocalSockets {

    private static final Deque<SocketConnection> NONE = new ConcurrentLinkedDeque<>();

    private final Map<String, Deque<SocketConnection>> sockets = new ConcurrentHashMap<>();

    /** Adds the socket; returns the participant's oldest socket when there are now more than {@code cap}. */
    Optional<SocketConnection> add(String participant, SocketConnection connection, int cap) {
        SocketConnection[] oldest = new SocketConnection[1];
        sockets.compute(participant, (p, held) -> {
            Deque<SocketConnection> mine = held == null ? new ConcurrentLinkedDeque<>() : held;
            mine.addLast(connection);
            if (mine.size() > cap) {
                oldest[0] = mine.pollFirst();
            }
            return mine;
        });
        return Optional.ofNullable(oldest[0]);
    }

    /** Forgets the socket; true when it was the participant's last one here. */
    boolean remove(String participant, SocketConnection connection) {
        boolean[] last = {false};
        sockets.computeIfPresent(participant, (p, held) -> {
            if (held.remove(connection) && held.isEmpty()) {
                last[0] = true;
            }
            return held.isEmpty() ? null : held;
        });
        return last[0];
    }

    /** Every socket here. */
    List<SocketConnection> all() {
        return sockets.values().stream().flatMap(Collection::stream).toList();
    }

    @Override
    public void deliver(ChatBus.Message message) {
        Deque<SocketConnection> here = sockets.getOrDefault(message.participant(), NONE);
        if (message instanceof ChatBus.Bind bind) {
            here.forEach(connection -> connection.bind(bind.conversationId(), bind.seq()));
        } else if (message instanceof ChatBus.Frame frame) {
            // A socket that fails is closed by the container, and its close removes it here.
            here.forEach(connection -> connection.deliver(frame.frame()));
        }
    }

    @Override
    public boolean holds(String participant) {
        return !sockets.getOrDefault(participant, NONE).isEmpty();
    }

    @Override
    public Set<String> participants() {
        return Set.copyOf(sockets.keySet());
    }

    @Override
    public void broadcast(Outgoing frame) {
        all().forEach(connection -> connection.sendJson(frame.json()));
    }
}
