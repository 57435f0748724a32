package no.fristed.chat.queue;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import no.fristed.chat.Conversation;
import no.fristed.chat.ConversationStatus;

/**
 * Who is next: urgent chats ("I'm not safe now") before all others, and within each lane arrival order (a chat sent
 * back to the queue keeps its place).
 */
public final class QueueOrder {

    private static final Comparator<Conversation> ORDER = Comparator.comparing((Conversation c) -> !c.urgent)
            .thenComparingLong(c -> c.queueNumber);

    private QueueOrder() {
    }

    public static List<Conversation> waiting(Collection<Conversation> conversations) {
        return conversations.stream().filter(c -> c.status == ConversationStatus.WAITING).sorted(ORDER).toList();
    }
}
