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
import no.fristed.common.Coded;

/** The young person's end of the chat (youth token). The protocol is in openapi/chat-protocol.schema.json. */
// One stateless instance for every socket: per-connection instances can be destroyed before a late close event.
@Singleton
@ServerEndpoint("/ws/youth")
public class YouthSocket {

    private static final String GROUP = "youth";

    @Inject
    SocketSupport support;
    @Inject
    ChatService chat;

    @OnOpen
    public void open(Session socket) {
        support.opened(socket, GROUP, chat::youthConnected);
    }

    @OnMessage
    public void message(Session socket, String text) {
        support.received(socket, text, GROUP, chat::youthConnected, this::handle);
    }

    @OnClose
    public void close(Session socket) {
        String session = SocketSupport.principal(socket);
        if (session != null) {
            chat.youthDisconnected(session, socket);
        }
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        close(socket);
    }

    private void handle(String session, JsonNode frame) {
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
