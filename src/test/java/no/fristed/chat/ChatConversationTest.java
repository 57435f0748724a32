package no.fristed.chat;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.fristed.chat.records.ChatStatistic;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatConversationTest extends ChatTestSupport {

    @Test
    void messagesTypingAndReceiptsTravelBothWays() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);

        youth.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "m1", "text", "Hei, jeg lurer på noe"));
        JsonNode received = nextMessage(kari, "Hei, jeg lurer på noe");
        assertEquals("youth", received.path("from").asText());
        assertTrue(received.path("seq").asLong() > 0);
        assertEquals("m1", youth.next("delivered").path("clientMessageId").asText());

        kari.send(Map.of("type", "typing", "conversationId", id));
        assertEquals("counsellor", youth.next("typing").path("from").asText());
        kari.send(Map.of("type", "read", "conversationId", id, "upToSeq", received.path("seq").asLong()));
        assertEquals(received.path("seq").asLong(), youth.next("read").path("upToSeq").asLong());

        kari.send(Map.of("type", "message", "conversationId", id, "text", "Hei! Hva lurer du på?"));
        nextMessage(youth, "Hei! Hva lurer du på?");
    }

    @Test
    void counsellorsSendServiceCardsFactCardsAndCannedResponses() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        kari.send(Map.of("type", "service-card", "conversationId", id, "serviceId", "rusinfo"));
        JsonNode service = youth.next("card");
        assertEquals("service", service.path("kind").asText());
        assertEquals("RUSinfo", service.path("service").path("name").asText());
        assertEquals("yes", service.path("service").path("anonymous").asText());
        kari.send(Map.of("type", "fact-card", "conversationId", id, "slug", "cannabis"));
        assertEquals("cannabis", youth.next("card").path("fact").path("slug").asText());
        kari.send(Map.of("type", "canned", "conversationId", id, "cannedId", "anonymitet"));
        assertTrue(youth.next("message").path("text").asText().contains("slettes"));
        kari.send(Map.of("type", "service-card", "conversationId", id, "serviceId", "finnes-ikke"));
        assertEquals("not-found", kari.next("error").path("code").asText());
    }

    @Test
    void aTransferTellsTheYoungPersonAndGivesTheNewCounsellorTheHistory() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        String olaName = uniqueName("ola");
        ChatClient ola = counsellor(olaName, 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        youth.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "m1", "text", "Første melding"));
        nextMessage(kari, "Første melding");

        kari.send(Map.of("type", "transfer", "conversationId", id, "to", olaName));
        assertEquals("counsellor", youth.next("transferred").path("to").asText());
        kari.next("released");
        ola.next("claimed");
        nextMessage(ola, "Første melding");
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Er jeg der fortsatt?"));
        assertEquals("not-found", kari.next("error").path("code").asText());

        ola.send(Map.of("type", "transfer", "conversationId", id));
        assertEquals("queue", youth.next("transferred").path("to").asText());
        assertEquals(1, youth.next("queued").path("position").asInt());
    }

    @Test
    void afterTheEndTheCounsellorWrapsUpAndTheYoungPersonGivesFeedback() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        String statId = store.get(id).orElseThrow().statId;
        kari.send(Map.of("type", "end", "conversationId", id));
        assertEquals("counsellor", youth.next("ended").path("by").asText());
        kari.send(Map.of("type", "wrap-up", "conversationId", id, "topics", List.of("cannabis", "familie"),
                "outcome", "referred", "referredServices", List.of("uro-bergen")));
        kari.next("wrap-up-saved");
        youth.send(Map.of("type", "feedback", "conversationId", id, "score", 4));
        youth.next("feedback-received");

        await().atMost(Duration.ofSeconds(5)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            ChatStatistic stat = ChatStatistic.findById(statId);
            return stat != null && Integer.valueOf(4).equals(stat.feedback) && "referred".equals(stat.wrapUpOutcome);
        }));
        ChatStatistic stat = QuarkusTransaction.requiringNew().call(() -> ChatStatistic.findById(statId));
        assertEquals("answered", stat.outcome);
        assertEquals(List.of("cannabis", "familie"), stat.wrapUpTopics);
        assertEquals(List.of("uro-bergen"), stat.referredServices);
        assertEquals("16-17", stat.ageBand);
    }

    @Test
    void personalDataIsHeldBackUntilTheYoungPersonChooses() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        youth.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "p1",
                "text", "Ring meg på 41234567 i kveld"));
        JsonNode warning = youth.next("pii-warning");
        assertEquals("phone", warning.path("found").get(0).asText());
        assertEquals(1, warning.path("found").size());
        assertEquals("Ring meg på [telefonnummer] i kveld", warning.path("redacted").asText());
        assertTrue(kari.drain(400).stream().noneMatch(f -> f.toString().contains("41234567")),
                "the counsellor saw nothing yet");

        youth.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "p1",
                "text", "Ring meg på 41234567 i kveld", "pii", "redact"));
        JsonNode redacted = nextMessage(kari, "Ring meg på [telefonnummer] i kveld");
        assertTrue(redacted.path("redacted").asBoolean());

        youth.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "p2",
                "text", "Egentlig går det fint: 41234567", "pii", "send-anyway"));
        nextMessage(kari, "Egentlig går det fint: 41234567");
    }

    @Test
    void tooLongAndTooManyMessagesGetClearErrors() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        youth.sendUnchecked(Map.of("type", "message", "conversationId", id, "clientMessageId", "x", "text",
                "a".repeat(2001)));
        assertEquals("too-long", youth.next("error").path("code").asText());
        for (int i = 0; i < 31; i++) {
            youth.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "r" + i, "text", "hei " + i));
        }
        assertEquals("rate-limited", youth.next("error").path("code").asText());
    }

    @Test
    void aBlockedSessionCannotOpenNewChats() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        String token = newYouthToken();
        ChatClient youth = youth(token);
        String id = claimed(youth, kari);
        kari.send(Map.of("type", "block", "conversationId", id));
        assertEquals("blocked", youth.next("ended").path("reason").asText());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            youth.send(Map.of("type", "open", "topic", "alkohol"));
            assertEquals("blocked", youth.next("error").path("code").asText());
        });
        open(youth(), "alkohol");
    }

    @Test
    void aYoungPersonCanNeverReachAnotherConversationAndCounsellorsOnlyTheirOwn() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient ola = counsellor(uniqueName("ola"), 2);
        ChatClient victim = youth();
        String id = claimed(victim, kari);
        ChatClient intruder = youth();
        intruder.send(Map.of("type", "resume", "conversationId", id, "lastSeq", 0));
        assertEquals("not-found", intruder.next("error").path("code").asText());
        intruder.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "x", "text", "hei"));
        assertEquals("not-found", intruder.next("error").path("code").asText());
        intruder.send(Map.of("type", "end", "conversationId", id));
        assertEquals("not-found", intruder.next("error").path("code").asText());
        ola.send(Map.of("type", "message", "conversationId", id, "text", "hei"));
        assertEquals("not-found", ola.next("error").path("code").asText());
        ola.send(Map.of("type", "resume", "conversationId", id, "lastSeq", 0));
        assertEquals("not-found", ola.next("error").path("code").asText());
        assertTrue(victim.drain(300).stream().noneMatch(f -> "message".equals(f.path("type").asText())));
    }

    @Test
    void aContinuationCodeAsksForTheSameCounsellorNextTime() {
        String kariName = uniqueName("kari");
        ChatClient kari = counsellor(kariName, 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        kari.send(Map.of("type", "end", "conversationId", id));
        youth.next("ended");
        youth.send(Map.of("type", "continuation-request", "conversationId", id));
        String code = youth.next("continuation-code").path("code").asText();
        assertTrue(code.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"), code);

        ChatClient later = youth();
        later.send(Map.of("type", "open", "topic", "cannabis", "continuationCode", code.toLowerCase()));
        JsonNode continuation = later.next("continuation");
        assertTrue(continuation.path("matched").asBoolean());
        String returning = continuation.path("conversationId").asText();
        JsonNode queue = kari.next(f -> "queue".equals(f.path("type").asText()) && f.path("items").size() == 1
                && returning.equals(f.path("items").get(0).path("conversationId").asText()),
                "queue with the returning young person");
        assertTrue(queue.path("items").get(0).path("requestedYou").asBoolean());
    }

    @Test
    void tokensAreCheckedOnTheHandshakeOrFirstFrame() {
        ChatClient anonymous = ChatClient.connect(youthUri, null);
        anonymous.send(Map.of("type", "open", "topic", "alkohol"));
        assertEquals("unauthenticated", anonymous.next("error").path("code").asText());
        anonymous.send(Map.of("type", "auth", "token", TestTokens.staff("kari", "counsellor")));
        assertEquals("unauthenticated", anonymous.next("error").path("code").asText());

        ChatClient youthOnCounsellorSide = ChatClient.connect(counsellorUri, null);
        youthOnCounsellorSide.send(Map.of("type", "auth", "token", newYouthToken()));
        assertEquals("unauthenticated", youthOnCounsellorSide.next("error").path("code").asText());

        ChatClient expired = ChatClient.connect(counsellorUri, null);
        expired.send(Map.of("type", "auth", "token", TestTokens.expired("kari", "counsellor")));
        assertEquals("unauthenticated", expired.next("error").path("code").asText());

        ChatClient viaQuery = ChatClient.connect(java.net.URI.create(youthUri + "?token=" + newYouthToken()), null);
        assertEquals("youth", viaQuery.next("ready").path("role").asText());

        ChatClient garbage = youth();
        garbage.sendRaw("{not json");
        assertEquals("bad-frame", garbage.next("error").path("code").asText());
        garbage.sendUnchecked(Map.of("type", "teleport"));
        assertEquals("unknown-type", garbage.next("error").path("code").asText());
        assertTrue(garbage.isOpen());
    }

    @Test
    void supervisorsSeeLiveNumbersWithoutContent() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        claimed(youth(), kari);
        open(youth(), "alkohol");
        given().auth().oauth2(TestTokens.staff("sara", "supervisor")).get("/api/v1/chat/live").then().statusCode(200)
                .body("waiting", is(1))
                .body("activeChats", is(1));
        given().get("/api/v1/chat/status").then().statusCode(200).body("open", is(true)).body("waiting", is(1));
        assertFalse(given().auth().oauth2(TestTokens.staff("sara", "supervisor")).get("/api/v1/chat/live")
                .asString().contains("youth"));
    }
}
