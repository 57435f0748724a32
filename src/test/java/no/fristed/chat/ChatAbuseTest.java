package no.fristed.chat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.fristed.access.RevokedSession;
import no.fristed.access.StaffAccount;
import no.fristed.common.Hashes;
import no.fristed.privacy.PrivacyGuard;
import org.junit.jupiter.api.Test;

/**
 * What a young person or a stolen token could do to the chat and no longer can: free text in the statistics, chats
 * opened and cancelled in a loop, the privacy guard run without a chat, piles of read receipts and typing signals,
 * hundreds of sockets per session, and sockets that outlive a deleted session or a staff member's ended tokens.
 */
@QuarkusTest
class ChatAbuseTest extends ChatTestSupport {

    private static final Duration SYNC = Duration.ofSeconds(10);

    /** The real guard, counting how often it runs. */
    static class CountingGuard extends PrivacyGuard {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public Result check(String text) {
            checks.incrementAndGet();
            return super.check(text);
        }
    }

    @Test
    void openTakesOnlyKnownTopicsAndAgeBandsAndNeverRepeatsOrLogsWhatWasSent() throws Exception {
        ChatClient youth = youth();
        String name = "Kari Nordmann 41234567 " + "x".repeat(60);
        String fnr = "01010012356";
        youth.sendUnchecked(Map.of("type", "open", "topic", name));
        JsonNode unknownTopic = youth.next("error");
        youth.sendUnchecked(Map.of("type", "open", "topic", "cannabis", "ageBand", fnr));
        JsonNode unknownBand = youth.next("error");
        assertEquals("bad-frame", unknownTopic.path("code").asText());
        assertEquals("bad-frame", unknownBand.path("code").asText());
        assertFalse(unknownTopic.toString().contains("Nordmann") || unknownBand.toString().contains(fnr),
                "the refusal repeats what was sent");
        assertTrue(store.all().isEmpty(), "nothing was opened");

        open(youth, "cannabis");
        String log = Files.readString(Path.of("target/quarkus-test.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains("Nordmann") || log.contains(fnr), "a value the client sent reached the log");
    }

    @Test
    void theWrapUpTakesOnlyKnownCategories() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        String id = claimed(youth(), kari);
        kari.send(Map.of("type", "end", "conversationId", id));
        kari.next("ended");
        for (Map<String, Object> wrapUp : List.<Map<String, Object>>of(
                Map.of("topics", List.of("Kari Nordmann"), "outcome", "talked", "referredServices", List.of()),
                Map.of("topics", List.of("cannabis"), "outcome", "ringte Kari på 41234567", "referredServices", List.of()),
                Map.of("topics", List.of("cannabis"), "outcome", "talked", "referredServices", List.of("Kari Nordmann")))) {
            Map<String, Object> frame = new java.util.HashMap<>(wrapUp);
            frame.putAll(Map.of("type", "wrap-up", "conversationId", id));
            kari.sendUnchecked(frame);
            JsonNode refused = kari.next("error");
            assertEquals("bad-frame", refused.path("code").asText());
            assertFalse(refused.toString().contains("Kari"), "the refusal repeats what was sent");
        }
        kari.send(Map.of("type", "wrap-up", "conversationId", id, "topics", List.of("cannabis"), "outcome", "talked",
                "referredServices", List.of("rusinfo")));
        kari.next("wrap-up-saved");
    }

    @Test
    void messageFramesForNoActiveChatOfTheirOwnNeverRunThePrivacyGuard() {
        CountingGuard guard = new CountingGuard();
        QuarkusMock.installMockForType(guard, PrivacyGuard.class);
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String someoneElses = claimed(youth(), kari);
        youth.send(Map.of("type", "message", "conversationId", someoneElses, "text", "ring 41234567"));
        assertEquals("not-found", youth.next("error").path("code").asText());
        youth.send(Map.of("type", "message", "conversationId", "no-such-chat", "text", "ring 41234567"));
        assertEquals("not-found", youth.next("error").path("code").asText());
        String waiting = open(youth, "alkohol");
        youth.send(Map.of("type", "message", "conversationId", waiting, "text", "ring 41234567"));
        assertEquals("wrong-state", youth.next("error").path("code").asText());
        assertEquals(0, guard.checks.get());
    }

    @Test
    void openingAndCancellingChatsIsLimitedPerSession() {
        ChatClient youth = youth();
        JsonNode refused = null;
        for (int i = 0; i < 15 && refused == null; i++) {
            youth.send(Map.of("type", "open", "topic", "alkohol"));
            JsonNode answer = youth.next(f -> List.of("queued", "error").contains(f.path("type").asText()), "queued or error");
            if ("error".equals(answer.path("type").asText())) {
                refused = answer;
            } else {
                youth.send(Map.of("type", "cancel", "conversationId", answer.path("conversationId").asText()));
                youth.next("ended");
            }
        }
        assertTrue(refused != null, "20 opens and cancels an hour");
        assertEquals("rate-limited", refused.path("code").asText());
        open(youth(), "alkohol");
    }

    @Test
    void readReceiptsMustNameAFrameOfTheLogAndOnlyNewOnesAreLogged() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Hei"));
        long seq = nextMessage(youth, "Hei").path("seq").asLong();

        youth.send(Map.of("type", "read", "conversationId", id, "upToSeq", seq + 1000));
        assertEquals("bad-frame", youth.next("error").path("code").asText());
        youth.sendUnchecked(Map.of("type", "read", "conversationId", id, "upToSeq", 0));
        assertEquals("bad-frame", youth.next("error").path("code").asText());
        youth.send(Map.of("type", "read", "conversationId", id, "upToSeq", seq));
        assertEquals(seq, kari.next("read").path("upToSeq").asLong());
        long logged = store.get(id).orElseThrow().lastSeq;
        for (int i = 0; i < 5; i++) {
            youth.send(Map.of("type", "read", "conversationId", id, "upToSeq", logged));
        }
        youth.send(Map.of("type", "typing", "conversationId", id));
        kari.next("typing");
        assertEquals(logged, store.get(id).orElseThrow().lastSeq, "receipts for nothing new are not logged");
    }

    @Test
    void readReceiptsAndTypingSignalsAreRateLimited() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        // More than the 120 a minute: the bucket refills while a slow machine works through them.
        for (int i = 0; i < 200; i++) {
            youth.send(Map.of("type", "typing", "conversationId", id));
        }
        ChatClient.waitAtMost(Duration.ofSeconds(60));
        try {
            assertEquals("rate-limited", youth.next("error").path("code").asText());
        } finally {
            ChatClient.waitAtMost(ChatClient.USUAL_WAIT);
        }
    }

    @Test
    void aSessionKeepsItsNewestSocketsOnlyAndOnlyANewSocketIsToldItIsReady() {
        String token = newYouthToken();
        ChatClient first = youth(token);
        ChatClient second = youth(token);
        for (int i = 0; i < 4; i++) {
            youth(token);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !first.isOpen());
        assertTrue(second.isOpen());
        assertTrue(second.drain(300).stream().noneMatch(f -> "ready".equals(f.path("type").asText())),
                "an earlier socket was told about a later one");
    }

    @Test
    void deletingTheSessionClosesItsSocketsSoTheyCannotOpenAChat() {
        String token = newYouthToken();
        ChatClient youth = youth(token);
        given().auth().oauth2(token).delete("/api/v1/sessions/me").then().statusCode(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !youth.isOpen());
    }

    @Test
    void aSessionDeletedOnAnotherInstanceLosesItsSocketsHereToo() {
        String token = newYouthToken();
        ChatClient youth = youth(token);
        QuarkusTransaction.requiringNew().run(() -> {
            RevokedSession row = new RevokedSession();
            row.subjectHash = Hashes.sha256(subject(token));
            row.expiresAt = Instant.now().plus(Duration.ofHours(12));
            row.persist();
        });
        await().atMost(SYNC).until(() -> !youth.isOpen());
    }

    @Test
    void deactivatingACounsellorEndsTheirTokenAndClosesTheirSockets() {
        String name = uniqueName("counsellor");
        String token = newCounsellorAccount(name);
        ChatClient socket = counsellor(token);
        given().auth().oauth2(admin()).post("/api/v1/staff/" + name + "/deactivate").then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).until(() -> !socket.isOpen());
        given().auth().oauth2(token).get("/api/v1/counsellor/questions").then().statusCode(401);
        ChatClient again = adopt(ChatClient.connect(counsellorUri, null));
        again.send(Map.of("type", "auth", "token", token));
        assertEquals("unauthenticated", again.next("error").path("code").asText());
    }

    @Test
    void tokensEndedOnAnotherInstanceStopWorkingHereToo() {
        String name = uniqueName("counsellor");
        String token = newCounsellorAccount(name);
        ChatClient socket = counsellor(token);
        QuarkusTransaction.requiringNew().run(() ->
                StaffAccount.update("tokenGeneration = tokenGeneration + 1 where username = ?1", name));
        await().atMost(SYNC).until(() -> !socket.isOpen());
        given().auth().oauth2(token).get("/api/v1/counsellor/questions").then().statusCode(401);
    }

    @Test
    void aPasswordChangeEndsEveryOtherTokenOfTheMember() {
        String name = uniqueName("counsellor");
        String token = newCounsellorAccount(name);
        ChatClient socket = counsellor(token);
        String fresh = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "a-long-enough-password", "newPassword", "another-long-password"))
                .post("/api/v1/staff/me/password").then().statusCode(200).extract().path("token");
        await().atMost(Duration.ofSeconds(5)).until(() -> !socket.isOpen());
        given().auth().oauth2(token).get("/api/v1/counsellor/questions").then().statusCode(401);
        given().auth().oauth2(fresh).get("/api/v1/counsellor/questions").then().statusCode(200);
        counsellor(fresh);
    }

    private ChatClient counsellor(String token) {
        return adopt(ChatClient.connect(counsellorUri, token));
    }

    private static String admin() {
        return login("admin", "test-admin-password");
    }

    private static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/staff/login").then().statusCode(200).extract().path("token");
    }

    /** A counsellor in the account store, logged in. */
    private static String newCounsellorAccount(String name) {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "a-long-enough-password", "roles", List.of("counsellor")))
                .post("/api/v1/staff").then().statusCode(201);
        return login(name, "a-long-enough-password");
    }

    private static String subject(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(claims).getString("sub");
    }
}
