package no.fristed.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import no.fristed.access.SessionRevocations;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * What both chat endpoints share: authenticating the socket (the token as the first frame, or as a query parameter
 * because browsers cannot set headers on a WebSocket handshake; never logged), parsing frames, and answering
 * mistakes with error frames instead of closing the socket.
 */
@ApplicationScoped
public class SocketSupport {

    private static final Logger LOG = Logger.getLogger(SocketSupport.class);
    private static final String PRINCIPAL = "fristed.principal";
    private static final String BOUND = "fristed.bound";

    private final JWTParser parser;
    private final SessionRevocations revocations;

    SocketSupport(JWTParser parser, SessionRevocations revocations) {
        this.parser = parser;
        this.revocations = revocations;
    }

    /** On open: authenticates from the query parameter if there is one. */
    void opened(Session socket, String group, BiConsumer<String, Session> bound) {
        List<String> token = socket.getRequestParameterMap().get("token");
        if (token != null && !token.isEmpty()) {
            authenticate(socket, token.get(0), group, bound);
        }
    }

    /** Handles one incoming frame: authentication first, then the endpoint's own frames. */
    void received(Session socket, String text, String group, BiConsumer<String, Session> bound, FrameHandler handler) {
        Optional<JsonNode> frame = Frames.parse(text);
        if (frame.isEmpty()) {
            send(socket, Frames.error("bad-frame", "Frames are JSON objects with a type", null).json());
            return;
        }
        JsonNode node = frame.get();
        String principal = principal(socket);
        if (principal == null) {
            if ("auth".equals(node.path("type").asText())) {
                authenticate(socket, node.path("token").asText(null), group, bound);
            } else {
                send(socket, Frames.error("unauthenticated", "Send an auth frame with your token first", null).json());
            }
            return;
        }
        try {
            handler.handle(principal, node);
        } catch (ChatException e) {
            send(socket, Frames.error(e.code(), e.getMessage(), node.path("conversationId").asText(null)).json());
        } catch (RuntimeException e) {
            // Only the type: the message could quote what was written.
            LOG.errorf("Chat frame failed: %s", e.getClass().getName());
            send(socket, Frames.error("internal", "Something went wrong on our side", null).json());
        }
    }

    static String principal(Session socket) {
        return (String) socket.getUserProperties().get(PRINCIPAL);
    }

    /**
     * Sends one frame with one writer at a time per socket (everything that writes to a socket goes through here).
     * Returns false when the socket failed, so its owner can forget it; a closing socket just misses the frame and
     * can resume.
     */
    static boolean send(Session socket, String json) {
        synchronized (socket) {
            try {
                if (socket.isOpen()) {
                    socket.getBasicRemote().sendText(json);
                }
                return true;
            } catch (IOException | IllegalStateException e) {
                LOG.debugf("Could not send to a closing socket: %s", e.getClass().getSimpleName());
                return false;
            }
        }
    }

    /** See {@link ChatBus#bind}: this socket takes the conversation's logged frames live after {@code seq}. */
    static void bind(Session socket, String conversationId, long seq) {
        synchronized (socket) {
            bindings(socket).put(conversationId, seq);
        }
    }

    /**
     * Sends a frame, except a live logged frame of a conversation this socket is not bound to, or one its own replay
     * or history covers (see {@link ChatBus#bind}).
     */
    static boolean deliver(Session socket, Frames.Outgoing frame) {
        synchronized (socket) {
            if (frame.logged() && !frame.replay()) {
                Long boundAfter = bindings(socket).get(frame.conversationId());
                if (boundAfter == null || frame.loggedSeq() <= boundAfter) {
                    return true;
                }
            }
            return send(socket, frame.json());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> bindings(Session socket) {
        return (Map<String, Long>) socket.getUserProperties().computeIfAbsent(BOUND, key -> new HashMap<String, Long>());
    }

    static String text(JsonNode frame, String field) {
        JsonNode value = frame.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    static List<String> texts(JsonNode frame, String field) {
        JsonNode value = frame.path(field);
        if (!value.isArray()) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        value.forEach(item -> {
            if (item.isTextual() && item.asText().length() <= 80) {
                out.add(item.asText());
            }
        });
        return out.stream().limit(20).toList();
    }

    private void authenticate(Session socket, String token, String group, BiConsumer<String, Session> bound) {
        Optional<String> principal = verify(token, group);
        if (principal.isEmpty()) {
            send(socket, Frames.error("unauthenticated", "The token is missing, invalid, expired or not for this endpoint",
                    null).json());
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debugf("Close failed: %s", e.getClass().getSimpleName());
            }
            return;
        }
        socket.getUserProperties().put(PRINCIPAL, principal.get());
        bound.accept(principal.get(), socket);
    }

    private Optional<String> verify(String token, String group) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            if (!jwt.getGroups().contains(group) || "youth".equals(group) && revocations.isRevoked(jwt.getName())) {
                return Optional.empty();
            }
            return Optional.of(jwt.getName());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** An endpoint's handling of one authenticated frame. */
    @FunctionalInterface
    interface FrameHandler {
        void handle(String principal, JsonNode frame);
    }
}
