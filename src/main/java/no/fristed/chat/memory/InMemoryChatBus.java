package no.fristed.chat.memory;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import no.fristed.chat.ChatBus;
import no.fristed.chat.LocalSockets;

/** The embedded default's bus: every socket is in this process, so publishing is handing over. */
@ApplicationScoped
@DefaultBean
public class InMemoryChatBus implements ChatBus {

    private final LocalSockets sockets;

    InMemoryChatBus(LocalSockets sockets) {
        this.sockets = sockets;
    }

    @Override
    public void publish(List<? extends Message> messages) {
        messages.forEach(sockets::deliver);
    }

    @Override
    public void present(String participant) {
        // Presence is the local sockets themselves.
    }

    @Override
    public void absent(String participant) {
        // Presence is the local sockets themselves.
    }

    @Override
    public boolean connected(String participant) {
        return sockets.holds(participant);
    }
}
