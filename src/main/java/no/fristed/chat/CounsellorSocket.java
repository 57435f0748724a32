package no.fristed.chat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** The counsellor's end of the chat (counsellor token). The protocol is in openapi/chat-protocol.schema.json. */
@Singleton
@ServerEndpoint("/ws/counsellor")
public class CounsellorSocket extends ChatSocket {

    @Override
    String group() {
        return "counsellor";
    }

    @Override
    void connected(String principal, Session socket) {
        chat.counsellorConnected(principal, socket);
    }

    @Override
    void disconnected(String principal, Session socket) {
        chat.counsellorDisconnected(principal, socket);
    }

    @Override
    void handle(String username, JsonNode frame) {
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
