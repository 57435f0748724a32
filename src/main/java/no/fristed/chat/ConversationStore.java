package no.fristed.chat;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import no.fristed.chat.protocol.Outgoing;

/**
 * Ephemeral chat state: conversations, their frame logs (the only place message text exists) and counsellor
 * presence. In memory for the embedded default, in Redis for a cluster; never the SQL database.
 */
public interface ConversationStore {

    /**
     * What an operation may change. A chat's own scope covers that one conversation (messages, receipts, flags,
     * consent…). The queue's scope covers the queue and every counsellor's load (who waits, who has which chat,
     * presences) plus the conversations it names and any it creates; everything else it reads is a snapshot.
     * Operations on different chats never wait for each other.
     */
    record Scope(boolean withQueue, Set<String> conversations) {

        public static Scope chat(String conversationId) {
            return new Scope(false, Set.of(Objects.requireNonNullElse(conversationId, "")));
        }

        public static Scope queue(String... conversationIds) {
            return new Scope(true, Set.of(conversationIds));
        }

        public static Scope queue(Collection<String> conversationIds) {
            return new Scope(true, Set.copyOf(conversationIds));
        }

        public boolean covers(String conversationId) {
            return conversations.contains(conversationId);
        }
    }

    /**
     * Runs one chat operation with the state in its {@code scope} to itself, saves what it changed, then carries
     * out {@code deliver} (bookkeeping and frames). Deliveries keep the order in which the operations on one
     * conversation ran, so frames of one chat never cross. A store shared by several instances delivers before
     * letting go; a store in this process lets go first and delivers in turn, so the next operation can run while
     * these frames are written. Conversations and presences read inside the operation are its own copies: changes
     * to them are saved when it ends, and changing one outside the scope is a programming error.
     */
    <T> T atomically(Scope scope, Supplier<T> operation, Runnable deliver);

    /** Whether other instances change this state too (what one instance remembers of it can be out of date). */
    default boolean sharedByInstances() {
        return false;
    }

    /** The next number in the queue's arrival order. */
    long nextQueueNumber();

    /** Remembers how long a finished chat lasted (for wait estimates), keeping the most recent {@code keep}. */
    void chatLasted(long seconds, int keep);

    /** The remembered chat lengths in seconds. */
    List<Long> recentChatLengths();

    void put(Conversation conversation);

    Optional<Conversation> get(String id);

    Collection<Conversation> all();

    /** Removes the conversation and every frame of it. */
    void remove(String id);

    /** Appends a frame (with the conversation's next seq already in it) to the conversation's log. */
    void append(String conversationId, Audience audience, Outgoing frame);

    /** The logged frames after {@code seq} that {@code party} may see, oldest first. */
    List<Outgoing> framesAfter(String conversationId, long seq, Audience party);

    void putCounsellor(CounsellorPresence presence);

    Optional<CounsellorPresence> counsellor(String username);

    Collection<CounsellorPresence> counsellors();
}
