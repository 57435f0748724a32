package no.fristed.chat;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import no.fristed.access.SessionDataWiper;
import no.fristed.privacy.RetentionTask;

/** Runs the chat sweep often (reconnect windows are minutes), and wipes a session's chats on "delete everything". */
@ApplicationScoped
public class ChatHousekeeping implements RetentionTask, SessionDataWiper {

    private final ChatSweep sweep;

    ChatHousekeeping(ChatSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(every = "${fristed.chat.sweep-interval}")
    void sweepOften() {
        sweep.sweep();
    }

    @Override
    public int purge(Instant now) {
        return sweep.sweep();
    }

    @Override
    public String name() {
        return "chat-conversations";
    }

    @Override
    public void wipe(String sessionId) {
        sweep.wipe(sessionId);
    }
}
