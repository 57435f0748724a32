package no.fristed.chat;

import jakarta.websocket.Session;

/**
 * Delivers frames to a participant's open sockets, wherever they are connected. Participants are keyed
 * "youth:&lt;session id&gt;" or "counsellor:&lt;username&gt;".
 */
public interface ChatBus {

    void connect(String participant, Session socket);

    void disconnect(String participant, Session socket);

    /** A frame and who it is for. */
    record Addressed(String participant, Frames.Outgoing frame) {
    }

    void send(String participant, Frames.Outgoing frame);

    /**
     * From now on the participant's sockets get the conversation's logged frames live only after {@code seq}: the
     * ones up to it reach them as a replay or a claimed chat's history. A socket that connects later gets none of
     * the conversation's logged frames until it resumes it. So a reconnecting phone sees each frame once and misses
     * none, however a live frame races its resume; the order of the two calls is all that matters.
     */
    void bind(String participant, String conversationId, long seq);

    /** Sends an operation's frames in order. */
    default void sendAll(java.util.List<Addressed> frames) {
        frames.forEach(f -> send(f.participant(), f.frame()));
    }

    boolean connected(String participant);
}
