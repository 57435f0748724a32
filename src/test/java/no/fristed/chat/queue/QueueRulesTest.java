package no.fristed.chat.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import no.fristed.chat.Conversation;
import no.fristed.chat.ConversationStatus;
import no.fristed.chat.CounsellorPresence;
import org.junit.jupiter.api.Test;

/** The queue's order and its wait estimates, without a running application. */
class QueueRulesTest {

    private static final Duration ASSUMED = Duration.ofMinutes(15);

    @Test
    void theQueueIsInArrivalOrderAndHoldsOnlyWaitingChats() {
        Conversation late = chat("late", ConversationStatus.WAITING, 7, null);
        Conversation early = chat("early", ConversationStatus.WAITING, 2, null);
        Conversation talking = chat("talking", ConversationStatus.ACTIVE, 1, "kari");
        Conversation over = chat("over", ConversationStatus.ENDED, 3, null);
        assertEquals(List.of("early", "late"),
                QueueOrder.waiting(List.of(late, talking, over, early)).stream().map(c -> c.id).toList());
    }

    @Test
    void aChatSentBackToTheQueueKeepsItsPlace() {
        Conversation returned = chat("returned", ConversationStatus.WAITING, 1, null);
        Conversation newer = chat("newer", ConversationStatus.WAITING, 5, null);
        assertEquals("returned", QueueOrder.waiting(List.of(newer, returned)).get(0).id);
    }

    @Test
    void withNobodyOnDutyThereIsNoEstimate() {
        Staffing staffing = Staffing.of(List.of(), List.of(counsellor("kari", 3, false)), List.of(), ASSUMED);
        assertFalse(staffing.anyoneOnDuty());
        assertNull(staffing.estimate(1));
    }

    @Test
    void aFreePlaceMeansAboutAMinute() {
        Staffing staffing = Staffing.of(List.of(chat("a", ConversationStatus.ACTIVE, 1, "kari")),
                List.of(counsellor("kari", 3, true)), List.of(), ASSUMED);
        assertEquals(2, staffing.free());
        assertEquals(60L, staffing.estimate(1));
        assertEquals(60L, staffing.estimate(2));
    }

    @Test
    void beyondTheFreePlacesTheEstimateCountsRoundsOfRecentChatLengths() {
        Staffing staffing = Staffing.of(List.of(chat("a", ConversationStatus.ACTIVE, 1, "kari"),
                chat("b", ConversationStatus.ACTIVE, 2, "kari")), List.of(counsellor("kari", 2, true)),
                List.of(600L, 1200L), ASSUMED);
        assertEquals(0, staffing.free());
        assertEquals(900L, staffing.averageChatSeconds());
        assertEquals(900L, staffing.estimate(1));
        assertEquals(900L, staffing.estimate(2));
        assertEquals(1800L, staffing.estimate(3));
    }

    @Test
    void untilChatsHaveEndedTheAssumedLengthIsUsed() {
        Staffing staffing = Staffing.of(List.of(chat("a", ConversationStatus.ACTIVE, 1, "kari")),
                List.of(counsellor("kari", 1, true)), List.of(), ASSUMED);
        assertTrue(staffing.anyoneOnDuty());
        assertEquals(ASSUMED.toSeconds(), staffing.estimate(1));
    }

    @Test
    void onlyConnectedAvailableCounsellorsCount() {
        CounsellorPresence away = counsellor("ola", 5, true);
        away.connected = false;
        Staffing staffing = Staffing.of(List.of(), List.of(away, counsellor("kari", 2, true)), List.of(), ASSUMED);
        assertEquals(2, staffing.capacity());
    }

    private static Conversation chat(String id, ConversationStatus status, long queueNumber, String counsellor) {
        Conversation c = new Conversation();
        c.id = id;
        c.status = status;
        c.queueNumber = queueNumber;
        c.counsellor = counsellor;
        c.queuedAt = Instant.parse("2026-12-01T13:00:00Z");
        return c;
    }

    private static CounsellorPresence counsellor(String name, int capacity, boolean available) {
        CounsellorPresence p = new CounsellorPresence();
        p.username = name;
        p.capacity = capacity;
        p.available = available;
        p.connected = true;
        return p;
    }
}
