package no.fristed.chat;

import java.util.List;
import no.fristed.chat.protocol.Outgoing;

/**
 * Carries what chat operations publish to the instances holding the participants' sockets, and knows who is
 * connected anywhere. Participants are keyed "youth:&lt;session id&gt;" or "counsellor:&lt;username&gt;". What
 * arrives is handed to this instance's {@link LocalSockets}.
 */
public interface ChatBus {

    /** Something published for one participant's sockets. */
    sealed interface Message {
        String participant();
    }

    /** A frame for the participant's sockets. */
    record Frame(String participant, Outgoing frame) implements Message {
    }

    /**
     * From now on the participant's sockets get the conversation's logged frames live only after {@code seq}: the
     * ones up to it reach them as a replay or a claimed chat's history. A socket that connects later gets none of
     * the conversation's logged frames until it resumes it. So a reconnecting phone sees each frame once and misses
     * none, however a live frame races its resume; the order of binding and publishing is all that matters.
     */
    record Bind(String participant, String conversationId, long seq) implements Message {
    }

    /** Publishes messages in order, to every instance holding a socket of their participants. */
    void publish(List<? extends Message> messages);

    /** This instance now holds a socket of the participant. */
    void present(String participant);

    /** This instance holds no socket of the participant any more. */
    void absent(String participant);

    /** Whether the participant has a socket on any instance. */
    boolean connected(String participant);
}
