package no.fristed.chat;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Ephemeral chat state: conversations, their frame logs (the only place message text exists) and counsellor
 * presence. In memory for the embedded default; never the SQL database.
 */
public interface ConversationStore {

    void put(Conversation conversation);

    Optional<Conversation> get(String id);

    Collection<Conversation> all();

    /** Removes the conversation and every frame of it. */
    void remove(String id);

    /** Appends a frame to the conversation's log with the next sequence number; returns the frame as sent. */
    String append(Conversation conversation, Audience audience, Frames.Frame frame);

    /** The logged frames after {@code seq} that {@code party} may see, oldest first. */
    List<String> framesAfter(String conversationId, long seq, Audience party);

    void putCounsellor(CounsellorPresence presence);

    Optional<CounsellorPresence> counsellor(String username);

    Collection<CounsellorPresence> counsellors();
}
