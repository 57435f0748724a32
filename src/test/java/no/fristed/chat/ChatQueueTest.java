package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatQueueTest extends ChatTestSupport {

    private static JsonNode position(ChatClient youth, int expected) {
        return youth.next(f -> "queued".equals(f.path("type").asText()) && f.path("position").asInt() == expected,
                "queued at position " + expected);
    }

    @Test
    void threeYoungPeopleAreServedInOrderByTwoCounsellors() {
        ChatClient kari = counsellor(uniqueName("kari"), 1);
        ChatClient ola = counsellor(uniqueName("ola"), 1);
        ChatClient first = youth();
        ChatClient second = youth();
        ChatClient third = youth();
        String firstId = open(first, "alkohol");
        String secondId = open(second, "cannabis");
        String thirdId = open(third, "piller");
        position(second, 2);
        JsonNode thirdInLine = third.seen().stream().filter(f -> "queued".equals(f.path("type").asText()))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals(3, thirdInLine.path("position").asInt());
        assertTrue(thirdInLine.path("counsellorsAvailable").asBoolean());

        JsonNode queue = kari.next(f -> "queue".equals(f.path("type").asText()) && f.path("items").size() == 3,
                "queue of three");
        assertEquals(List.of(firstId, secondId, thirdId),
                queue.path("items").findValuesAsText("conversationId"));
        assertEquals("cannabis", queue.path("items").get(1).path("topic").asText());
        assertFalse(queue.toString().contains("text"), "the queue shows no content");

        kari.send(Map.of("type", "claim", "conversationId", firstId));
        assertEquals("assigned", first.next("assigned").path("type").asText());
        position(second, 1);
        position(third, 2);

        ola.send(Map.of("type", "claim", "conversationId", secondId));
        second.next("assigned");
        JsonNode last = position(third, 1);
        assertNotNull(last.get("estimatedWaitSeconds"));
        assertTrue(last.path("estimatedWaitSeconds").asLong() >= 60, "both counsellors are busy: an honest wait");

        kari.send(Map.of("type", "claim", "conversationId", thirdId));
        assertEquals("no-capacity", kari.next("error").path("code").asText());
    }

    @Test
    void aConversationCanBeClaimedOnlyOnce() {
        ChatClient kari = counsellor(uniqueName("kari"), 2);
        ChatClient ola = counsellor(uniqueName("ola"), 2);
        String id = open(youth(), "alkohol");
        kari.send(Map.of("type", "claim", "conversationId", id));
        kari.next("claimed");
        ola.send(Map.of("type", "claim", "conversationId", id));
        assertEquals("wrong-state", ola.next("error").path("code").asText());
    }

    @Test
    void aYoungPersonCanLeaveTheQueue() {
        ChatClient kari = counsellor(uniqueName("kari"), 1);
        ChatClient youth = youth();
        String id = open(youth, "alkohol");
        youth.send(Map.of("type", "cancel", "conversationId", id));
        assertEquals("cancelled", youth.next("ended").path("reason").asText());
        kari.next(f -> "queue".equals(f.path("type").asText()) && f.path("items").isEmpty(), "an empty queue");
    }

    @Test
    void withNobodyOnDutyTheWaitIsNotGuessed() {
        ChatClient youth = youth();
        youth.send(Map.of("type", "open", "topic", "alkohol"));
        JsonNode queued = youth.next("queued");
        assertTrue(queued.get("estimatedWaitSeconds").isNull());
        assertFalse(queued.path("counsellorsAvailable").asBoolean());
    }

    @Test
    void outsideOpeningHoursTheChatOffersOpenServicesTheHelplineAndQuestions() {
        clock.setOslo(LocalDateTime.parse("2026-12-01T03:00"));
        ChatClient youth = youth();
        youth.send(Map.of("type", "open", "topic", "alkohol"));
        JsonNode closed = youth.next("closed");
        assertTrue(closed.path("questionMode").asBoolean());
        assertTrue(closed.path("emergency").findValuesAsText("number").contains("116 111"));
        assertTrue(closed.path("openServices").findValuesAsText("id").contains("alarmtelefonen"));
        assertTrue(closed.path("nextOpens").asText().startsWith("2026-12-01T10:00"));
    }

    @Test
    void onlyOneOpenChatPerSession() {
        ChatClient youth = youth();
        open(youth, "alkohol");
        youth.send(Map.of("type", "open", "topic", "alkohol"));
        assertEquals("already-open", youth.next("error").path("code").asText());
    }
}
