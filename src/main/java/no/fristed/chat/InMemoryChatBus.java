package no.fristed.chat;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded default's bus: every socket is in this process. */
@ApplicationScoped
@DefaultBean
public class InMemoryChatBus implements ChatBus {

    private final Map<String, Set<Session>> sockets = new ConcurrentHashMap<>();

    @Override
    public void connect(String participant, Session socket) {
        sockets.computeIfAbsent(participant, p -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    @Override
    public void disconnect(String participant, Session socket) {
        sockets.computeIfPresent(participant, (p, set) -> {
            set.remove(socket);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void send(String participant, Frames.Outgoing frame) {
        for (Session socket : sockets.getOrDefault(participant, Set.of())) {
            if (!SocketSupport.deliver(socket, frame)) {
                disconnect(participant, socket);
            }
        }
    }

    @Override
    public void bind(String participant, String conversationId, long seq) {
        sockets.getOrDefault(participant, Set.of()).forEach(socket -> SocketSupport.bind(socket, conversationId, seq));
    }

    @Override
    public boolean connected(String participant) {
        return !sockets.getOrDefault(participant, Set.of()).isEmpty();
    }
}
