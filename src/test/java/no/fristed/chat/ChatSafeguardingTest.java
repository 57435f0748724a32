package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.fristed.chat.records.ChatStatistic;
import no.fristed.testing.DatabaseDump;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The crisis path: the urgent lane, alerts, risk flags, consent to share personal data, and supervisors. */
@QuarkusTest
class ChatSafeguardingTest extends ChatTestSupport {

    @Inject
    AgroalDataSource dataSource;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** A connected supervisor (who is also a counsellor, as on most helplines), off duty for chats. */
    ChatClient supervisor(String name) {
        return adopt(ChatClient.connect(counsellorUri, TestTokens.staff(name, "counsellor", "supervisor")));
    }

    private static JsonNode alert(ChatClient client, String kind) {
        return client.next(f -> "alert".equals(f.path("type").asText()) && kind.equals(f.path("kind").asText()),
                "alert " + kind);
    }

    @Test
    void notSafeNowGoesBeforeEarlierChatsGetsTheSafetyCardAndAlertsWhoIsOnDuty() {
        ChatClient supervisor = supervisor(uniqueName("siri"));
        ChatClient kari = counsellor(uniqueName("kari"), 1);
        ChatClient busy = youth();
        claimed(busy, kari);
        ChatClient first = youth();
        String earlier = open(first, "alkohol");
        ChatClient scared = youth();
        scared.send(Map.of("type", "open", "topic", "familie", "urgent", true));

        JsonNode safety = scared.next("safety");
        assertEquals(List.of("113", "112", "116 111", "116 117"),
                safety.path("numbers").findValuesAsText("number"), "the emergency card, from the content");
        assertTrue(safety.path("estimatedWaitSeconds").isIntegralNumber());
        String urgent = safety.path("conversationId").asText();
        assertTrue(scared.seen().stream().anyMatch(f -> "queued".equals(f.path("type").asText())
                && f.path("position").asInt() == 1), "first in the queue");
        first.next(f -> "queued".equals(f.path("type").asText()) && f.path("position").asInt() == 2, "second now");
        // The alert goes out at once; the queue follows within its update interval.
        assertEquals(urgent, alert(kari, "urgent").path("conversationId").asText());
        JsonNode queue = kari.next(f -> "queue".equals(f.path("type").asText()) && f.path("items").size() == 2,
                "the queue with both");
        assertEquals(urgent, queue.path("items").get(0).path("conversationId").asText());
        assertTrue(queue.path("items").get(0).path("urgent").asBoolean());
        assertEquals(earlier, queue.path("items").get(1).path("conversationId").asText());
        assertEquals(urgent, alert(supervisor, "urgent").path("conversationId").asText());
    }

    @Test
    void notSafeNowDuringAChatAlertsTheSupervisorsAndTheCounsellor() {
        ChatClient supervisor = supervisor(uniqueName("siri"));
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        youth.send(Map.of("type", "unsafe", "conversationId", id));
        assertTrue(youth.next("safety").path("estimatedWaitSeconds").isNull(), "no wait: a counsellor is here");
        assertEquals(id, alert(supervisor, "urgent").path("conversationId").asText());
        assertEquals(id, alert(kari, "urgent").path("conversationId").asText());
    }

    @Test
    void onlyTheAssignedCounsellorFlagsAndAnAcuteFlagOrACallForHelpAlertsTheSupervisors() {
        ChatClient supervisor = supervisor(uniqueName("siri"));
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient ola = counsellor(uniqueName("ola"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);

        ola.send(Map.of("type", "flag", "conversationId", id, "level", "acute", "category", "overdose-intoxication"));
        assertEquals("not-found", ola.next("error").path("code").asText());
        kari.send(Map.of("type", "flag", "conversationId", id, "level", "acute"));
        assertEquals("bad-frame", kari.next("error").path("code").asText(), "acute needs a category");

        kari.send(Map.of("type", "flag", "conversationId", id, "level", "acute", "category", "overdose-intoxication"));
        assertEquals("acute", kari.next("flagged").path("level").asText());
        JsonNode acute = alert(supervisor, "acute-flag");
        assertEquals("overdose-intoxication", acute.path("category").asText());
        assertEquals(id, acute.path("conversationId").asText());
        kari.send(Map.of("type", "help", "conversationId", id));
        assertEquals(id, alert(supervisor, "help-requested").path("conversationId").asText());
        assertTrue(youth.drain(300).stream().noneMatch(f -> List.of("flagged", "alert")
                .contains(f.path("type").asText())), "the young person never sees flags or alerts");
    }

    @Test
    void onlySupervisorsMonitorWhisperJoinOrTakeOver() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient ola = counsellor(uniqueName("ola"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        for (String type : List.of("monitor", "join", "take-over")) {
            ola.send(Map.of("type", type, "conversationId", id));
            assertEquals("forbidden", ola.next("error").path("code").asText(), type);
        }
        ola.send(Map.of("type", "whisper", "conversationId", id, "text", "psst"));
        assertEquals("forbidden", ola.next("error").path("code").asText());
        assertTrue(kari.drain(300).stream().noneMatch(f -> "whisper".equals(f.path("type").asText())));
    }

    @Test
    void aWhisperReachesTheCounsellorButNeverTheYoungPersonNorTheirReplay() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        String youthToken = newYouthToken();
        ChatClient youth = youth(youthToken);
        String id = claimed(youth, kari);
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Hei, jeg heter Kari"));
        nextMessage(youth, "Hei, jeg heter Kari");

        ChatClient siri = supervisor(uniqueName("siri"));
        siri.send(Map.of("type", "monitor", "conversationId", id));
        nextMessage(siri, "Hei, jeg heter Kari");
        assertEquals("active", siri.next("monitoring").path("status").asText());
        assertEquals("reading-along", youth.next("notice").path("kind").asText(), "the young person is told");

        siri.send(Map.of("type", "whisper", "conversationId", id, "text", "Spør om hun er alene hjemme"));
        assertEquals("Spør om hun er alene hjemme", kari.next("whisper").path("text").asText());
        youth.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "a", "text", "Ja"));
        nextMessage(siri, "Ja");
        assertTrue(youth.seen().stream().noneMatch(f -> "whisper".equals(f.path("type").asText())));
        assertTrue(youth.drain(300).stream().noneMatch(f -> "whisper".equals(f.path("type").asText())));

        ChatClient again = youth(youthToken);
        again.send(Map.of("type", "resume", "conversationId", id, "lastSeq", 0));
        again.next("resumed");
        assertTrue(again.seen().stream().noneMatch(f -> f.toString().contains("alene hjemme")),
                "the replay has no whisper");
        assertTrue(again.seen().stream().anyMatch(f -> "notice".equals(f.path("type").asText())));
    }

    @Test
    void aSupervisorJoinsTheYoungPersonIsToldAndATakeOverReleasesTheCounsellor() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        ChatClient siri = supervisor(uniqueName("siri"));
        siri.send(Map.of("type", "join", "conversationId", id));
        assertEquals("joined", youth.next(f -> "notice".equals(f.path("type").asText())
                && "joined".equals(f.path("kind").asText()), "joined notice").path("kind").asText());
        siri.send(Map.of("type", "message", "conversationId", id, "text", "Hei, jeg er også her"));
        assertEquals("supervisor", nextMessage(youth, "Hei, jeg er også her").path("from").asText());
        nextMessage(kari, "Hei, jeg er også her");

        siri.send(Map.of("type", "take-over", "conversationId", id));
        kari.next("released");
        assertEquals("took-over", youth.next(f -> "notice".equals(f.path("type").asText())
                && "took-over".equals(f.path("kind").asText()), "took-over notice").path("kind").asText());
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Er du der?"));
        assertEquals("not-found", kari.next("error").path("code").asText());
        siri.send(Map.of("type", "message", "conversationId", id, "text", "Jeg fortsetter med deg"));
        assertEquals("counsellor", nextMessage(youth, "Jeg fortsetter med deg").path("from").asText());
    }

    @Test
    void personalDataIsSharedOnlyWithConsentOnlyWithStaffAndLeavesNoTraceButTheCounts() throws Exception {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        String statId = store.get(id).orElseThrow().statId;

        kari.send(Map.of("type", "consent-request", "conversationId", id, "what", "phone", "purpose", "ambulance"));
        JsonNode request = youth.next("consent-request");
        assertTrue(request.path("message").asText().contains("113"), "says what it is for");
        assertTrue(request.path("message").asText().contains("slettes"), "says it is not kept");
        youth.send(Map.of("type", "consent-answer", "conversationId", id,
                "requestId", request.path("requestId").asText(), "share", false));
        assertFalse(kari.next("consent-answer").path("shared").asBoolean());

        kari.send(Map.of("type", "consent-request", "conversationId", id, "what", "location", "purpose", "ambulance"));
        String location = youth.next(f -> "consent-request".equals(f.path("type").asText())
                && "location".equals(f.path("what").asText()), "location request").path("requestId").asText();
        youth.send(Map.of("type", "consent-answer", "conversationId", id, "requestId", location, "share", true,
                "position", Map.of("latitude", 61.2345678, "longitude", 7.6543219, "accuracyMeters", 35)));
        JsonNode shared = kari.next("personal-data");
        assertTrue(shared.path("personal").asBoolean());
        assertEquals(61.2345678, shared.path("position").path("latitude").asDouble());

        kari.send(Map.of("type", "consent-request", "conversationId", id, "what", "phone", "purpose", "ambulance"));
        String phone = youth.next(f -> "consent-request".equals(f.path("type").asText())
                && !f.path("requestId").asText().equals(request.path("requestId").asText())
                && "phone".equals(f.path("what").asText()), "phone request").path("requestId").asText();
        youth.send(Map.of("type", "consent-answer", "conversationId", id, "requestId", phone, "share", true,
                "text", "98765432"));
        assertEquals("98765432", kari.next(f -> "personal-data".equals(f.path("type").asText())
                && "phone".equals(f.path("what").asText()), "the phone number").path("text").asText());
        assertTrue(youth.drain(300).stream().noneMatch(f -> "personal-data".equals(f.path("type").asText())));

        kari.send(Map.of("type", "end", "conversationId", id));
        youth.next("ended");
        clock.set(clock.instant().plus(Duration.ofMinutes(6)));
        sweep.sweep();
        ChatStatistic stat = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ChatStatistic.<ChatStatistic>findById(statId)),
                        java.util.Objects::nonNull);
        assertEquals(List.of(3, 2, 1), List.of(stat.consentAsked, stat.consentShared, stat.consentDeclined));

        String database = DatabaseDump.of(dataSource);
        String rawDatabaseFile = new String(Files.readAllBytes(Path.of("target/test-db/fristed.mv.db")),
                StandardCharsets.ISO_8859_1);
        String log = Files.readString(Path.of("target/quarkus-test.log"), StandardCharsets.UTF_8);
        String prometheus = io.restassured.RestAssured.get(metrics).then().statusCode(200).extract().asString();
        for (String secret : List.of("98765432", "61.2345678", "7.6543219")) {
            assertFalse(database.contains(secret), "database contains " + secret);
            assertFalse(rawDatabaseFile.contains(secret), "database file contains " + secret);
            assertFalse(log.contains(secret), "log contains " + secret);
            assertFalse(prometheus.contains(secret), "metrics contain " + secret);
        }
        assertTrue(store.get(id).isEmpty(), "the chat, and what was shared in it, is gone");
    }

    @Test
    void theSupervisorsLiveViewShowsUrgentChatsFirstWithFlagsAndNoText() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        kari.send(Map.of("type", "flag", "conversationId", id, "level", "concern", "category", "violence-abuse"));
        kari.next("flagged");
        ChatClient scared = youth();
        scared.send(Map.of("type", "open", "urgent", true));
        String urgent = scared.next("safety").path("conversationId").asText();

        String token = TestTokens.staff(uniqueName("siri"), "supervisor");
        JsonNode live = io.restassured.RestAssured.given().auth().oauth2(token).get("/api/v1/chat/live").then()
                .statusCode(200).extract().as(JsonNode.class);
        JsonNode chats = live.path("chats");
        assertEquals(urgent, chats.get(0).path("conversationId").asText());
        assertTrue(chats.get(0).path("urgent").asBoolean());
        JsonNode flagged = chats.findParents("conversationId").stream()
                .filter(c -> id.equals(c.path("conversationId").asText())).findFirst().orElseThrow();
        assertEquals("concern", flagged.path("riskLevel").asText());
        assertFalse(live.toString().contains("Hei"), "no text");
    }
}
