package no.fristed.chat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;

/**
 * The life of a chat socket, the same for both sides: authenticate, hand each frame to the side's handler, and tell
 * the chat when the socket goes. Subclasses are stateless singletons: per-connection instances could be destroyed
 * before a late close event arrives.
 */
abstract class ChatSocket {

    @Inject
    SocketSupport support;
    @Inject
    ChatService chat;

    /** The JWT group this endpoint accepts. */
    abstract String group();

    abstract void connected(String principal, Session socket);

    abstract void disconnected(String principal, Session socket);

    abstract void handle(String principal, JsonNode frame);

    @OnOpen
    public void open(Session socket) {
        support.opened(socket, group(), this::connected);
    }

    @OnMessage
    public void message(Session socket, String text) {
        support.received(socket, text, group(), this::connected, this::handle);
    }

    @OnClose
    public void close(Session socket) {
        support.closed(socket, group());
        String principal = SocketSupport.principal(socket);
        if (principal != null) {
            disconnected(principal, socket);
        }
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        close(socket);
    }
}
