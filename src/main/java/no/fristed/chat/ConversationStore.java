package no.fristed.chat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import no.fristed.chat.protocol.Outgoing;

/**
 * Ephemeral chat state: conversations, their frame logs (the only place message text exists) and counsellor
 * presence. In memory for the embedded default, in Redis for a cluster; never the SQL database.
 */
public interface ConversationStore {

    /**
     * Runs one chat operation with the chat state to itself, saves what it changed, then carries out
     * {@code deliver} (bookkeeping and frames). Deliveries keep the order in which the operations ran, so frames of
     * one chat never cross. A store shared by several instances delivers before letting go; a store in this process
     * lets go first and delivers in turn, so the next operation can run while these frames are written.
     * Conversations and presences read inside the operation are its own copies: changes to them are saved when it
     * ends.
     */
    <T> T atomically(Supplier<T> operation, Runnable deliver);

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
