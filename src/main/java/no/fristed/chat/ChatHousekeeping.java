package no.fristed.chat;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import no.fristed.access.SessionDataWiper;
import no.fristed.privacy.RetentionTask;

/** Runs the chat sweep often (reconnect windows are minutes), and wipes a session's chats on "delete everything". */
@ApplicationScoped
public class ChatHousekeeping implements RetentionTask, SessionDataWiper {

    private final ChatService chat;

    ChatHousekeeping(ChatService chat) {
        this.chat = chat;
    }

    @Scheduled(every = "${fristed.chat.sweep-interval}")
    void sweepOften() {
        chat.sweep();
    }

    @Override
    public int purge(Instant now) {
        return chat.sweep();
    }

    @Override
    public String name() {
        return "chat-conversations";
    }

    @Override
    public void wipe(String sessionId) {
        chat.wipe(sessionId);
    }
}
