package no.fristed.chat.queue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.fristed.chat.Conversation;
import no.fristed.chat.ConversationStatus;
import no.fristed.chat.CounsellorPresence;

/**
 * The counsellors on duty as the queue sees them: their total capacity, how many places are free now, and the
 * recent average chat length. Computed once per queue update.
 */
public record Staffing(boolean anyoneOnDuty, int capacity, long free, long averageChatSeconds) {

    public static Staffing of(Collection<Conversation> conversations, Collection<CounsellorPresence> counsellors,
            List<Long> recentChatSeconds, Duration assumedChat) {
        Map<String, Long> active = conversations.stream()
                .filter(c -> c.status == ConversationStatus.ACTIVE && c.counsellor != null)
                .collect(Collectors.groupingBy(c -> c.counsellor, Collectors.counting()));
        List<CounsellorPresence> onDuty = counsellors.stream().filter(p -> p.connected && p.available).toList();
        long averageChat = recentChatSeconds.isEmpty() ? assumedChat.toSeconds()
                : (long) recentChatSeconds.stream().mapToLong(Long::longValue).average().orElse(0);
        return new Staffing(!onDuty.isEmpty(), onDuty.stream().mapToInt(p -> p.capacity).sum(),
                onDuty.stream().mapToLong(p -> Math.max(0, p.capacity - active.getOrDefault(p.username, 0L))).sum(),
                averageChat);
    }

    /**
     * An honest estimate for a place in the queue: a minute if a free place is waiting for you, otherwise how many
     * rounds of recent chat lengths the counsellors on duty need to reach you; null when nobody is available.
     */
    public Long estimate(int position) {
        if (capacity == 0) {
            return null;
        }
        if (position <= free) {
            return 60L;
        }
        long rounds = (position - free + capacity - 1) / capacity;
        return Math.max(60L, rounds * averageChatSeconds);
    }
}
