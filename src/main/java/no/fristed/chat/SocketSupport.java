package no.fristed.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.undertow.websockets.UndertowSession;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import no.fristed.access.RevokedTokens;
import no.fristed.access.TokensRevoked;
import no.fristed.privacy.ClientKeys;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * What both chat endpoints share: authenticating the socket (the token as the first frame, or as a query parameter
 * because browsers cannot set headers on a WebSocket handshake; never logged), parsing frames, and answering
 * mistakes with error frames instead of closing the socket. It also keeps this instance's sockets within bounds: a
 * few per session or counsellor (a new one closes the oldest), a cap per client address (counted by a rotating
 * keyed hash, never the address), a few seconds to authenticate, and none left open once its token is revoked.
 */
@ApplicationScoped
public class SocketSupport {

    private static final Logger LOG = Logger.getLogger(SocketSupport.class);
    private static final String PRINCIPAL = "fristed.principal";
    private static final String TOKEN = "fristed.token";
    private static final String CLIENT = "fristed.client";
    private static final String BOUND = "fristed.bound";

    private final JWTParser parser;
    private final RevokedTokens revoked;
    private final ClientKeys clientKeys;
    private final ChatConfig config;
    /** This instance's authenticated sockets per endpoint group and principal, oldest first. */
    private final Map<String, Deque<Session>> held = new ConcurrentHashMap<>();
    /** This instance's open sockets per client key. */
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final ScheduledExecutorService authTimeouts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "chat-auth-timeout");
        thread.setDaemon(true);
        return thread;
    });

    SocketSupport(JWTParser parser, RevokedTokens revoked, ClientKeys clientKeys, ChatConfig config) {
        this.parser = parser;
        this.revoked = revoked;
        this.clientKeys = clientKeys;
        this.config = config;
    }

    @PreDestroy
    void stop() {
        authTimeouts.shutdownNow();
    }

    /**
     * On open: refuses a socket over its address's cap, gives it a few seconds to authenticate, and authenticates
     * from the query parameter if there is one.
     */
    void opened(Session socket, String group, BiConsumer<String, Session> bound) {
        if (!admitted(socket)) {
            return;
        }
        authTimeouts.schedule(() -> {
            if (principal(socket) == null && socket.isOpen()) {
                close(socket, CloseReason.CloseCodes.VIOLATED_POLICY, "Not authenticated in time");
            }
        }, config.authTimeout().toMillis(), TimeUnit.MILLISECONDS);
        List<String> token = socket.getRequestParameterMap().get("token");
        if (token != null && !token.isEmpty()) {
            authenticate(socket, token.get(0), group, bound);
        }
    }

    /** On close (or error, so possibly twice): the socket no longer counts. */
    void closed(Session socket, String group) {
        String client = (String) socket.getUserProperties().remove(CLIENT);
        if (client != null) {
            perClient.computeIfPresent(client, (key, count) -> count > 1 ? count - 1 : null);
        }
        String principal = principal(socket);
        if (principal != null) {
            held.computeIfPresent(group + ":" + principal, (key, sockets) -> {
                sockets.remove(socket);
                return sockets.isEmpty() ? null : sockets;
            });
        }
    }

    /** Closes every socket here whose token was revoked (a deleted session, a staff member's ended tokens). */
    void tokensRevoked(@Observes TokensRevoked event) {
        held.values().forEach(sockets -> sockets.stream().filter(this::revoked).forEach(SocketSupport::endRevoked));
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
        if (principal != null && revoked(socket)) {
            endRevoked(socket);
            return;
        }
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
        Optional<JsonWebToken> jwt = verify(token, group);
        if (jwt.isEmpty()) {
            send(socket, Frames.error("unauthenticated", "The token is missing, invalid, expired or not for this endpoint",
                    null).json());
            close(socket, CloseReason.CloseCodes.VIOLATED_POLICY, "Not authenticated");
            return;
        }
        String principal = jwt.get().getName();
        socket.getUserProperties().put(TOKEN, jwt.get());
        socket.getUserProperties().put(PRINCIPAL, principal);
        Session[] oldest = new Session[1];
        held.compute(group + ":" + principal, (key, sockets) -> {
            Deque<Session> mine = sockets == null ? new ConcurrentLinkedDeque<>() : sockets;
            mine.addLast(socket);
            if (mine.size() > config.socketsPerSession()) {
                oldest[0] = mine.pollFirst();
            }
            return mine;
        });
        if (oldest[0] != null) {
            close(oldest[0], CloseReason.CloseCodes.VIOLATED_POLICY, "Too many connections for this session");
        }
        bound.accept(principal, socket);
    }

    private Optional<JsonWebToken> verify(String token, String group) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonWebToken jwt = parser.parse(token);
            return jwt.getGroups().contains(group) && !revoked.isRevoked(jwt) ? Optional.of(jwt) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** Counts the socket against its client address's cap, or closes it when the cap is reached. */
    private boolean admitted(Session socket) {
        Optional<String> address = address(socket);
        if (address.isEmpty()) {
            return true;
        }
        String client = clientKeys.of(address.get());
        if (perClient.merge(client, 1, Integer::sum) > config.socketsPerAddress()) {
            perClient.computeIfPresent(client, (key, count) -> count > 1 ? count - 1 : null);
            close(socket, CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too many connections from this network");
            return false;
        }
        socket.getUserProperties().put(CLIENT, client);
        return true;
    }

    /** The peer's address, read only to be turned into a client key at once. */
    private static Optional<String> address(Session socket) {
        if (socket instanceof UndertowSession undertow
                && undertow.getChannel().remoteAddress() instanceof InetSocketAddress remote
                && remote.getAddress() != null) {
            return Optional.of(remote.getAddress().getHostAddress());
        }
        return Optional.empty();
    }

    private boolean revoked(Session socket) {
        JsonWebToken token = (JsonWebToken) socket.getUserProperties().get(TOKEN);
        return token != null && revoked.isRevoked(token);
    }

    private static void endRevoked(Session socket) {
        send(socket, Frames.error("unauthenticated", "Your session has ended; sign in again", null).json());
        close(socket, CloseReason.CloseCodes.VIOLATED_POLICY, "Session ended");
    }

    private static void close(Session socket, CloseReason.CloseCode code, String reason) {
        try {
            socket.close(new CloseReason(code, reason));
        } catch (IOException | IllegalStateException e) {
            LOG.debugf("Close failed: %s", e.getClass().getSimpleName());
        }
    }

    /** An endpoint's handling of one authenticated frame. */
    @FunctionalInterface
    interface FrameHandler {
        void handle(String principal, JsonNode frame);
    }
}
