package no.fristed.chat;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.fristed.testing.ClusterRun;
import no.fristed.testing.ServiceInstance;
import org.junit.jupiter.api.AfterEach;

/**
 * What the multi-instance tests share: a database of their own on the machine's PostgreSQL, the environment of a
 * cluster instance, and chat participants connected to a chosen instance.
 */
abstract class ClusterTestSupport {

    static final String POSTGRES = ClusterRun.POSTGRES;
    static final String MACHINE_REDIS = ClusterRun.MACHINE_REDIS;
    static final String ADMIN_PASSWORD = ClusterRun.ADMIN_PASSWORD;
    static final int MARKER_LENGTH = 24;

    static final List<String> textsSent = new ArrayList<>();
    static final List<String> tokensIssued = new ArrayList<>();
    private final List<ChatClient> clients = new ArrayList<>();

    @AfterEach
    void closeClientsAfterCheckingEveryFrameAgainstTheProtocol() {
        clients.forEach(ChatClient::close);
        List<String> violations = clients.stream().flatMap(c -> c.violations().stream()).toList();
        org.junit.jupiter.api.Assertions.assertTrue(violations.isEmpty(),
                "frames that break the protocol:\n" + String.join("\n", violations));
    }

    static String session(ServiceInstance instance) {
        String token = given().baseUri(instance.baseUri()).post("/api/v1/sessions").then().statusCode(201)
                .extract().path("token");
        tokensIssued.add(token);
        return token;
    }

    /** Fails if an instance's log holds any chat text sent or any token issued to these tests. */
    static void assertNothingSecretIn(java.nio.file.Path log) throws IOException {
        String logged = Files.readString(log);
        for (String text : textsSent) {
            org.junit.jupiter.api.Assertions.assertFalse(logged.contains(text.substring(text.length() - MARKER_LENGTH)),
                    "chat text in " + log.getFileName());
        }
        for (String token : tokensIssued) {
            org.junit.jupiter.api.Assertions.assertFalse(logged.contains(token.substring(token.lastIndexOf('.') + 1)),
                    "a token in " + log.getFileName());
        }
    }

    ChatClient youth(ServiceInstance instance) {
        return youth(instance, session(instance));
    }

    ChatClient youth(ServiceInstance instance, String token) {
        ChatClient client = ChatClient.connect(instance.http("/ws/youth"), token);
        clients.add(client);
        return client;
    }

    /** A counsellor (the account is made on first use) connected to the instance and available. */
    ChatClient counsellor(ServiceInstance instance, String name) {
        ChatClient client = ChatClient.connect(instance.http("/ws/counsellor"), staffToken(instance, name));
        clients.add(client);
        available(client);
        return client;
    }

    static void available(ChatClient counsellor) {
        counsellor.send(Map.of("type", "availability", "available", true, "capacity", 3));
        counsellor.next("availability");
    }

    static String staffToken(ServiceInstance instance, String name) {
        String admin = login(instance, "admin", ADMIN_PASSWORD);
        String password = name + "-password-123";
        given().baseUri(instance.baseUri()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password, "roles", List.of("counsellor")))
                .post("/api/v1/staff");
        return login(instance, name, password);
    }

    static String login(ServiceInstance instance, String name, String password) {
        String token = given().baseUri(instance.baseUri()).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password)).post("/api/v1/staff/login")
                .then().statusCode(200).extract().path("token");
        tokensIssued.add(token);
        return token;
    }

    /** Random letters: a text the privacy guard leaves alone, and that cannot occur anywhere by chance. */
    static String marker() {
        SecureRandom random = new SecureRandom();
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < MARKER_LENGTH; i++) {
            marker.append((char) ('a' + random.nextInt(26)));
        }
        return marker.toString();
    }

    static void send(ChatClient client, String id, String text) {
        textsSent.add(text);
        client.send(Map.of("type", "message", "conversationId", id, "text", text));
    }

    /** Opens a chat for the young person and has the counsellor claim it; returns the conversation id. */
    static String claimed(ChatClient youth, ChatClient counsellor) {
        youth.send(Map.of("type", "open", "topic", "cannabis", "ageBand", "16-17"));
        String id = youth.next("queued").path("conversationId").asText();
        counsellor.next(f -> "queue".equals(f.path("type").asText()) && f.path("items").toString().contains(id),
                "the queue with the new chat");
        counsellor.send(Map.of("type", "claim", "conversationId", id));
        counsellor.next("claimed");
        youth.next("assigned");
        return id;
    }
}
