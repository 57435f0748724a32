package no.fristed.chat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import no.fristed.common.Coded;

/** The young person's end of the chat (youth token). The protocol is in openapi/chat-protocol.schema.json. */
@Singleton
@ServerEndpoint("/ws/youth")
public class YouthSocket extends ChatSocket {

    @Override
    String group() {
        return "youth";
    }

    @Override
    void connected(String principal, Session socket) {
        chat.youthConnected(principal, socket);
    }

    @Override
    void disconnected(String principal, Session socket) {
        chat.youthDisconnected(principal, socket);
    }

    @Override
    void handle(String session, JsonNode frame) {
        String conversationId = SocketSupport.text(frame, "conversationId");
        switch (frame.path("type").asText()) {
            case "open" -> chat.open(session, SocketSupport.text(frame, "topic"), SocketSupport.text(frame, "ageBand"),
                    SocketSupport.text(frame, "continuationCode"));
            case "resume" -> chat.resumeYouth(session, conversationId, frame.path("lastSeq").asLong(0));
            case "message" -> chat.youthMessage(session, conversationId, SocketSupport.text(frame, "clientMessageId"),
                    SocketSupport.text(frame, "text"), piiChoice(SocketSupport.text(frame, "pii")));
            case "typing" -> chat.youthTyping(session, conversationId);
            case "read" -> chat.youthRead(session, conversationId, frame.path("upToSeq").asLong(0));
            case "cancel" -> chat.cancel(session, conversationId);
            case "end" -> chat.youthEnd(session, conversationId);
            case "feedback" -> chat.feedback(session, conversationId, frame.path("score").asInt(0));
            case "continuation-request" -> chat.continuationRequest(session, conversationId);
            default -> throw new ChatException("unknown-type", "Unknown frame type");
        }
    }

    private static ChatService.PiiChoice piiChoice(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Coded.fromCode(ChatService.PiiChoice.class, code);
        } catch (IllegalArgumentException e) {
            throw new ChatException("bad-frame", "pii must be redact or send-anyway");
        }
    }
}
