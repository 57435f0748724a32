package no.fristed.chat;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.fristed.testing.MutableClock;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up for chat tests: an open chat (a Tuesday afternoon), an empty queue, and clients that get closed. */
abstract class ChatTestSupport {

    static final LocalDateTime TUESDAY_AFTERNOON = LocalDateTime.parse("2026-12-01T14:00");

    @TestHTTPResource("/ws/youth")
    URI youthUri;
    @TestHTTPResource("/ws/counsellor")
    URI counsellorUri;
    @Inject
    MutableClock clock;
    @Inject
    ConversationStore store;
    @Inject
    ChatSweep sweep;

    private final List<ChatClient> clients = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void emptyChatOnATuesdayAfternoon() {
        clock.setOslo(TUESDAY_AFTERNOON);
        store.atomically(ConversationStore.Scope.queue(store.all().stream().map(c -> c.id).toList()), () -> {
            store.all().forEach(c -> store.remove(c.id));
            store.counsellors().forEach(p -> {
                p.connected = false;
                p.available = false;
                store.putCounsellor(p);
            });
            return null;
        }, () -> { });
    }

    @AfterEach
    void closeClientsAfterCheckingEveryFrameAgainstTheProtocol() {
        clients.forEach(ChatClient::close);
        clock.reset();
        List<String> violations = clients.stream().flatMap(c -> c.violations().stream()).toList();
        org.junit.jupiter.api.Assertions.assertTrue(violations.isEmpty(),
                "frames that break the protocol:\n" + String.join("\n", violations));
    }

    static String newYouthToken() {
        return given().post("/api/v1/sessions").then().statusCode(201).extract().path("token");
    }

    ChatClient youth() {
        return youth(newYouthToken());
    }

    ChatClient youth(String token) {
        ChatClient client = ChatClient.connect(youthUri, token);
        clients.add(client);
        return client;
    }

    /** Closes the client after the test and checks its frames against the protocol. */
    ChatClient adopt(ChatClient client) {
        clients.add(client);
        return client;
    }

    /** A connected counsellor, available with the given capacity. */
    ChatClient counsellor(String name, int capacity) {
        ChatClient client = ChatClient.connect(counsellorUri, TestTokens.staff(name, "counsellor"));
        clients.add(client);
        client.send(Map.of("type", "availability", "available", true, "capacity", capacity));
        client.next("availability");
        return client;
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /** Opens a chat and returns its conversation id once the young person is in the queue. */
    static String open(ChatClient youth, String topic) {
        youth.send(Map.of("type", "open", "topic", topic, "ageBand", "16-17"));
        return youth.next("queued").path("conversationId").asText();
    }

    /** A chat between a new young person and the counsellor, claimed and ready. */
    static String claimed(ChatClient youth, ChatClient counsellor) {
        String id = open(youth, "cannabis");
        counsellor.send(Map.of("type", "claim", "conversationId", id));
        counsellor.next("claimed");
        youth.next("assigned");
        return id;
    }

    static JsonNode nextMessage(ChatClient client, String text) {
        return client.next(f -> "message".equals(f.path("type").asText()) && text.equals(f.path("text").asText()),
                "message '" + text + "'");
    }
}
