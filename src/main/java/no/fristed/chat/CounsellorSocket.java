package no.fristed.chat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** The counsellor's end of the chat (counsellor token). The protocol is in openapi/chat-protocol.schema.json. */
// One stateless instance for every socket: per-connection instances can be destroyed before a late close event.
@Singleton
@ServerEndpoint("/ws/counsellor")
public class CounsellorSocket {

    private static final String GROUP = "counsellor";

    @Inject
    SocketSupport support;
    @Inject
    ChatService chat;

    @OnOpen
    public void open(Session socket) {
        support.opened(socket, GROUP, chat::counsellorConnected);
    }

    @OnMessage
    public void message(Session socket, String text) {
        support.received(socket, text, GROUP, chat::counsellorConnected, this::handle);
    }

    @OnClose
    public void close(Session socket) {
        String username = SocketSupport.principal(socket);
        if (username != null) {
            chat.counsellorDisconnected(username, socket);
        }
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        close(socket);
    }

    private void handle(String username, JsonNode frame) {
        String conversationId = SocketSupport.text(frame, "conversationId");
        switch (frame.path("type").asText()) {
            case "availability" -> chat.availability(username, frame.path("available").asBoolean(false),
                    frame.hasNonNull("capacity") ? frame.path("capacity").asInt() : null);
            case "claim" -> chat.claim(username, conversationId);
            case "resume" -> chat.resumeCounsellor(username, conversationId, frame.path("lastSeq").asLong(0));
            case "message" -> chat.counsellorMessage(username, conversationId, SocketSupport.text(frame, "text"));
            case "typing" -> chat.counsellorTyping(username, conversationId);
            case "read" -> chat.counsellorRead(username, conversationId, frame.path("upToSeq").asLong(0));
            case "service-card" -> chat.serviceCard(username, conversationId, SocketSupport.text(frame, "serviceId"));
            case "fact-card" -> chat.factCard(username, conversationId, SocketSupport.text(frame, "slug"));
            case "canned" -> chat.cannedResponse(username, conversationId, SocketSupport.text(frame, "cannedId"));
            case "transfer" -> chat.transfer(username, conversationId, SocketSupport.text(frame, "to"));
            case "end" -> chat.counsellorEnd(username, conversationId);
            case "wrap-up" -> chat.wrapUp(username, conversationId, SocketSupport.texts(frame, "topics"),
                    SocketSupport.text(frame, "outcome"), SocketSupport.texts(frame, "referredServices"));
            case "block" -> chat.block(username, conversationId);
            default -> throw new ChatException("unknown-type", "Unknown frame type");
        }
    }
}
