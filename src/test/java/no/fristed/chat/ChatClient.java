package no.fristed.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.websocket.ClientEndpoint;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import no.fristed.testing.ChatProtocol;

/**
 * A test chat participant: sends frames, and collects every frame it receives in order. Every frame it sends and
 * receives is checked against the protocol's schema (see {@link ChatProtocol}); only {@link #sendUnchecked} and
 * {@link #sendRaw} send what the protocol does not allow, for tests of how the server refuses it.
 */
@ClientEndpoint
public class ChatClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final java.time.Duration USUAL_WAIT = java.time.Duration.ofSeconds(10);
    private static volatile java.time.Duration wait = USUAL_WAIT;

    private final LinkedBlockingDeque<JsonNode> inbox = new LinkedBlockingDeque<>();
    private final List<JsonNode> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Every frame received, in order, to check against the protocol once the test is done (checking each as it
     * arrives would slow the load tests' clients down more than the server). */
    private final List<JsonNode> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private ChatProtocol.Direction sending;
    private Session session;

    static ChatClient connect(URI http, String token) {
        try {
            ChatClient client = new ChatClient();
            client.sending = http.getPath().endsWith("/ws/counsellor") ? ChatProtocol.Direction.COUNSELLOR_TO_SERVER
                    : ChatProtocol.Direction.YOUTH_TO_SERVER;
            URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
            client.session = ContainerProvider.getWebSocketContainer().connectToServer(client, ws);
            if (token != null) {
                client.send(Map.of("type", "auth", "token", token));
                client.next("ready");
            }
            return client;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @OnMessage
    public void onMessage(String text) throws Exception {
        JsonNode frame = JSON.readTree(text);
        received.add(frame);
        inbox.add(frame);
    }

    /** Sends a frame, after checking it against the protocol. */
    void send(Map<String, ?> frame) {
        ChatProtocol.assertValid(sending, JSON.valueToTree(frame));
        sendUnchecked(frame);
    }

    /** Sends a frame the protocol may not allow (to test how the server refuses it). */
    void sendUnchecked(Map<String, ?> frame) {
        try {
            session.getBasicRemote().sendText(JSON.writeValueAsString(frame));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void sendRaw(String text) {
        try {
            session.getBasicRemote().sendText(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** How long {@link #next} waits for a frame (a slower setting for tests of throughput-bound set-ups). */
    static void waitAtMost(java.time.Duration patience) {
        wait = patience;
    }

    /** The next frame of this type (skipping others), or a failure after the wait (10 seconds as a rule). */
    JsonNode next(String type) {
        return next(f -> type.equals(f.path("type").asText()), type);
    }

    JsonNode next(Predicate<JsonNode> wanted, String description) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    seen.add(frame);
                    if (wanted.test(frame)) {
                        return frame;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no " + description + " frame arrived; saw " + seen);
    }

    /** The next frame within the time, or null. */
    JsonNode poll(long millis) {
        try {
            JsonNode frame = inbox.poll(millis, TimeUnit.MILLISECONDS);
            if (frame != null) {
                seen.add(frame);
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Every frame that arrives within the time, in order. */
    List<JsonNode> drain(long millis) {
        List<JsonNode> frames = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (System.nanoTime() < deadline) {
                JsonNode frame = inbox.poll(20, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    seen.add(frame);
                    frames.add(frame);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return frames;
    }

    /** Every frame received so far that breaks the protocol, with what is wrong with it. */
    List<String> violations() {
        List<JsonNode> frames;
        synchronized (received) {
            frames = List.copyOf(received);
        }
        return frames.stream().flatMap(frame -> ChatProtocol.errors(ChatProtocol.Direction.SERVER_TO_CLIENT, frame)
                .stream().map(error -> frame + ": " + error)).toList();
    }

    /** Every frame received so far. */
    List<JsonNode> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** The frames received after the previous frame of this type and before the last one. */
    List<JsonNode> seenBefore(String type) {
        int last = -1;
        int previous = -1;
        for (int i = 0; i < seen.size(); i++) {
            if (type.equals(seen.get(i).path("type").asText())) {
                previous = last;
                last = i;
            }
        }
        return last < 0 ? List.of() : List.copyOf(seen.subList(previous + 1, last));
    }

    boolean isOpen() {
        return session.isOpen();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
