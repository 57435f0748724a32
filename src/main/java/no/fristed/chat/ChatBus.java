package no.fristed.chat;

import jakarta.websocket.Session;

/**
 * Delivers frames to a participant's open sockets, wherever they are connected. Participants are keyed
 * "youth:&lt;session id&gt;" or "counsellor:&lt;username&gt;".
 */
public interface ChatBus {

    void connect(String participant, Session socket);

    void disconnect(String participant, Session socket);

    void send(String participant, Frames.Outgoing frame);

    boolean connected(String participant);
}
