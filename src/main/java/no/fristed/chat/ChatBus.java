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

    /** Sends an operation's frames in order. */
    default void sendAll(java.util.List<Addressed> frames) {
        frames.forEach(f -> send(f.participant(), f.frame()));
    }

    boolean connected(String participant);
}
