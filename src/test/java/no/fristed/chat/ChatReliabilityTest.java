package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.fristed.testing.DatabaseDump;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatReliabilityTest extends ChatTestSupport {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aYoungPersonWhoReconnectsGetsExactlyTheFramesTheyMissed() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        String token = newYouthToken();
        ChatClient phone = youth(token);
        String id = claimed(phone, kari);
        phone.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "m1", "text", "Før nettet falt"));
        long lastSeen = nextMessage(phone, "Før nettet falt").path("seq").asLong();
        phone.close();
        kari.next("reconnecting");

        kari.send(Map.of("type", "message", "conversationId", id, "text", "Er du der?"));
        kari.send(Map.of("type", "message", "conversationId", id, "text", "Jeg venter på deg."));
        nextMessage(kari, "Jeg venter på deg.");

        ChatClient back = youth(token);
        back.send(Map.of("type", "resume", "conversationId", id, "lastSeq", lastSeen));
        back.next("resumed");
        List<JsonNode> replayed = logged(back.seenBefore("resumed"));
        List<String> texts = replayed.stream().filter(f -> "message".equals(f.path("type").asText()))
                .map(f -> f.path("text").asText()).toList();
        assertEquals(List.of("Er du der?", "Jeg venter på deg."), texts);
        List<Long> seqs = replayed.stream().map(f -> f.path("seq").asLong()).toList();
        assertEquals(lastSeen + 1, seqs.get(0), "nothing lost");
        assertEquals(seqs.stream().distinct().count(), seqs.size(), "nothing twice");
        assertEquals("youth-back", kari.next("youth-back").path("type").asText());

        back.send(Map.of("type", "resume", "conversationId", id, "lastSeq", seqs.get(seqs.size() - 1)));
        back.next("resumed");
        assertTrue(logged(back.seenBefore("resumed")).isEmpty(), "a second resume replays nothing already seen");
    }

    @Test
    void aCounsellorWhoReconnectsResumesTheirChats() {
        String name = uniqueName("kari");
        ChatClient kari = counsellor(name, 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        kari.close();
        youth.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "m1", "text", "Hallo?"));
        nextMessage(youth, "Hallo?");

        ChatClient again = counsellor(name, 2);
        JsonNode ready = again.seen().stream().filter(f -> "ready".equals(f.path("type").asText())).findFirst().orElseThrow();
        assertEquals(id, ready.path("conversations").get(0).path("conversationId").asText());
        again.send(Map.of("type", "resume", "conversationId", id, "lastSeq", 0));
        nextMessage(again, "Hallo?");
    }

    @Test
    void aYoungPersonWhoNeverComesBackIsEndedAfterTheGraceAndTheTextIsGone() throws Exception {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient youth = youth();
        String id = claimed(youth, kari);
        String secret = "Dette er en hemmelighet som skal bort";
        youth.send(Map.of("type", "message", "conversationId", id, "clientMessageId", "s", "text", secret));
        nextMessage(kari, secret);
        youth.close();
        kari.next("reconnecting");

        clock.set(clock.instant().plus(Duration.ofMinutes(11)));
        sweep.sweep();
        assertEquals("youth-left", kari.next("ended").path("reason").asText());
        assertTrue(store.get(id).isPresent(), "kept for the ended grace");

        clock.set(clock.instant().plus(Duration.ofMinutes(6)));
        sweep.sweep();
        assertTrue(store.get(id).isEmpty());
        assertTrue(store.framesAfter(id, 0, Audience.BOTH).isEmpty());
        assertTrue(store.all().stream().noneMatch(c -> c.id.equals(id)));
        assertFalse(DatabaseDump.of(dataSource).contains("hemmelighet som skal bort"), "message text reached the database");
        assertFalse(java.nio.file.Files.readString(java.nio.file.Path.of("target/quarkus-test.log")).contains("hemmelighet som skal bort"),
                "message text reached the log");
    }

    @Test
    void deletingEverythingRemovesTheChatAtOnce() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        String token = newYouthToken();
        ChatClient youth = youth(token);
        String id = claimed(youth, kari);
        io.restassured.RestAssured.given().auth().oauth2(token).delete("/api/v1/sessions/me").then().statusCode(204);
        assertEquals("left-suddenly", kari.next("ended").path("reason").asText());
        assertTrue(store.get(id).isEmpty());
    }

    /** The frames of a conversation's log (control frames such as ready or queued are not replayed). */
    private static List<JsonNode> logged(List<JsonNode> frames) {
        return frames.stream().filter(f -> LOGGED.contains(f.path("type").asText())).toList();
    }

    private static final List<String> LOGGED = List.of("message", "card", "read", "assigned", "transferred", "ended");

}
