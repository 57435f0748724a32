package no.fristed.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import no.fristed.catalogue.OpeningHours;
import no.fristed.chat.ConversationStore.Scope;
import no.fristed.chat.protocol.Safeguarding;
import no.fristed.chat.queue.QueueOrder;

/** The chat's numbers: what a young person sees before opening a chat, and live figures for supervisors. */
@ApplicationScoped
public class ChatNumbers {

    /** Whether the chat is open, when it opens next, and how long a new chat would wait (null: nobody on duty). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PublicStatus(boolean open, String nextOpens, int waiting, Long estimatedWaitSeconds) {
    }

    /** Live figures: no content, no sessions. */
    public record LiveNumbers(int waiting, long longestWaitSeconds, long activeChats, boolean open,
            List<CounsellorNumbers> counsellors, List<LiveChat> chats) {
    }

    /** A chat waiting or in progress as supervisors see it: flags and times, never text. */
    public record LiveChat(String conversationId, String status, boolean urgent, Safeguarding.RiskLevel riskLevel,
            Safeguarding.RiskCategory riskCategory, String counsellor, long waitingSeconds, long chatSeconds,
            List<String> monitors) {
    }

    public record CounsellorNumbers(String username, boolean connected, boolean available, int capacity,
            long activeChats) {
    }

    private final ChatService chat;
    private final ChatFlow flow;
    private final ConversationStore store;
    private final ChatHours hours;
    private final Clock clock;

    ChatNumbers(ChatService chat, ChatFlow flow, ConversationStore store, ChatHours hours, Clock clock) {
        this.chat = chat;
        this.flow = flow;
        this.store = store;
        this.hours = hours;
        this.clock = clock;
    }

    /** Read without the chat's lock: anyone may ask, and a figure a moment old is as good. */
    public PublicStatus publicStatus() {
        OpeningHours.Availability chatHours = hours.now();
        int waiting = QueueOrder.waiting(store.all()).size();
        return new PublicStatus(Boolean.TRUE.equals(chatHours.openNow()),
                chatHours.nextOpens() == null ? null : chatHours.nextOpens().toString(), waiting,
                flow.staffing().estimate(waiting + 1));
    }

    private List<LiveChat> chats(List<Conversation> waiting, Instant now) {
        List<Conversation> chats = new java.util.ArrayList<>(waiting);
        store.all().stream().filter(c -> c.status == ConversationStatus.ACTIVE)
                .sorted(Comparator.comparing((Conversation c) -> !c.urgent).thenComparing(c -> c.claimedAt))
                .forEach(chats::add);
        return chats.stream().map(c -> new LiveChat(c.id, c.status.code(), c.urgent, c.riskLevel, c.riskCategory,
                c.counsellor, Duration.between(c.queuedAt, waiting.contains(c) || c.claimedAt == null ? now : c.claimedAt)
                        .toSeconds(),
                waiting.contains(c) ? 0 : Duration.between(c.claimedAt, now).toSeconds(), List.copyOf(c.monitors)))
                .toList();
    }

    public LiveNumbers live() {
        return chat.atomically(Scope.queue(), out -> {
            Instant now = clock.instant();
            List<Conversation> waiting = QueueOrder.waiting(store.all());
            return new LiveNumbers(waiting.size(),
                    waiting.stream().mapToLong(c -> Duration.between(c.queuedAt, now).toSeconds()).max().orElse(0),
                    store.all().stream().filter(c -> c.status == ConversationStatus.ACTIVE).count(), hours.openNow(),
                    store.counsellors().stream().sorted(Comparator.comparing(p -> p.username))
                            .map(p -> new CounsellorNumbers(p.username, p.connected, p.available, p.capacity,
                                    flow.activeCount(p.username)))
                            .toList(),
                    chats(waiting, now));
        });
    }
}
