package no.fristed.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import no.fristed.chat.records.ChatStatistic;
import no.fristed.testing.TestTokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatsTest {

    private static final String SUPERVISOR = TestTokens.staff("sara", "supervisor");
    /** A day no other test writes statistics for. */
    private static final String DAY = "2024-03-05";

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @BeforeAll
    static void sevenChatsOnOneDay() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 7; i++) {
                ChatStatistic stat = new ChatStatistic();
                stat.id = UUID.randomUUID().toString();
                stat.startedAt = Instant.parse(DAY + "T10:00:00Z");
                stat.topic = i < 6 ? "cannabis" : "alkohol";
                stat.ageBand = "16-17";
                stat.waitedSeconds = 60 * (i + 1);
                stat.durationSeconds = 900;
                stat.outcome = i < 6 ? "answered" : "cancelled";
                stat.wrapUpTopics = List.of();
                stat.referredServices = i < 2 ? List.of("uro-bergen") : List.of();
                stat.feedback = i < 5 ? 4 : null;
                stat.urgent = i < 5;
                stat.riskLevel = i < 5 ? "acute" : null;
                stat.riskCategory = i < 5 ? "overdose-intoxication" : null;
                stat.alerts = i < 5 ? 2 : 0;
                stat.supervisorJoins = i == 0 ? 1 : 0;
                stat.consentAsked = i < 3 ? 2 : 0;
                stat.consentShared = i < 3 ? 1 : 0;
                stat.consentDeclined = i < 3 ? 1 : 0;
                stat.persist();
            }
        });
    }

    /** A day whose referred service holds text meant to break out of its CSV cell (stored lists split commas). */
    private static final String FORGED_DAY = "2024-03-12";
    private static final String FORGED = "x\"\r\n2024-03-12\n=HYPERLINK(\"https://evil.example\")";

    @BeforeAll
    static void aChatReferredToAForgedService() {
        QuarkusTransaction.requiringNew().run(() -> {
            ChatStatistic stat = new ChatStatistic();
            stat.id = UUID.randomUUID().toString();
            stat.startedAt = Instant.parse(FORGED_DAY + "T10:00:00Z");
            stat.outcome = "answered";
            stat.wrapUpTopics = List.of();
            stat.referredServices = List.of(FORGED);
            stat.persist();
        });
    }

    private static Map<String, Object> cells(JsonPath report) {
        return report.getList("cells", Map.class).stream()
                .collect(Collectors.toMap(c -> c.get("period") + "|" + c.get("metric"), c -> c.get("value")));
    }

    @Test
    void countsOfFiveOrMoreAreShownAndSmallerOnesAreSuppressedAlsoForTheCrisisPath() {
        Map<String, Object> cells = cells(given().auth().oauth2(SUPERVISOR)
                .get("/api/v1/stats?from=" + DAY + "&to=" + DAY).then().statusCode(200).extract().jsonPath());
        assertEquals(7, cells.get(DAY + "|chats.started"));
        assertEquals(6, cells.get(DAY + "|chats.answered"));
        assertEquals("<5", cells.get(DAY + "|chats.abandoned"));
        assertEquals(6, cells.get(DAY + "|topics.cannabis"));
        assertEquals("<5", cells.get(DAY + "|topics.alkohol"));
        assertEquals("<5", cells.get(DAY + "|referredServices.uro-bergen"));
        assertEquals(5, cells.get(DAY + "|feedback.4"));
        assertEquals(4.0f, ((Number) cells.get(DAY + "|feedback.average")).floatValue());
        assertEquals(180, ((Number) cells.get(DAY + "|waitSeconds.p50")).intValue(), "median of six answered waits");
        assertEquals("<5", cells.get(DAY + "|questions.asked"));
        assertEquals(5, cells.get(DAY + "|chats.urgent"));
        assertEquals(5, cells.get(DAY + "|flags.level.acute"));
        assertEquals(5, cells.get(DAY + "|flags.category.overdose-intoxication"));
        assertEquals(10, cells.get(DAY + "|alerts"));
        assertEquals("<5", cells.get(DAY + "|supervisor.joins"));
        assertEquals(6, cells.get(DAY + "|consent.asked"));
        assertEquals("<5", cells.get(DAY + "|consent.shared"));
        assertEquals("<5", cells.get(DAY + "|consent.declined"));
        cells.forEach((key, value) -> {
            if (value instanceof Number n && !key.contains("average") && !key.contains("waitSeconds")) {
                assertTrue(n.intValue() >= 5, key + " shows a count below five");
            }
        });
    }

    @Test
    void weeksGroupTheSameFigures() {
        Map<String, Object> cells = cells(given().auth().oauth2(SUPERVISOR)
                .get("/api/v1/stats?from=2024-03-04&to=2024-03-10&period=week").then().statusCode(200).extract().jsonPath());
        assertEquals(7, cells.get("2024-W10|chats.started"));
    }

    @Test
    void theCsvExportHoldsExactlyTheJsonFigures() {
        JsonPath json = given().auth().oauth2(SUPERVISOR).get("/api/v1/stats?from=" + DAY + "&to=" + DAY)
                .then().extract().jsonPath();
        String csv = given().auth().oauth2(SUPERVISOR).get("/api/v1/stats/export.csv?from=" + DAY + "&to=" + DAY)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("period,metric,value", lines.get(0));
        List<String> fromJson = json.getList("cells", Map.class).stream()
                .map(c -> c.get("period") + "," + c.get("metric") + "," + c.get("value")).toList();
        assertEquals(fromJson.stream().map(s -> s.replace(".0,", ",")).toList(),
                lines.subList(1, lines.size()).stream().map(s -> s.replace(".0,", ",")).toList());
    }

    @Test
    void aValueWithQuotesCommasAndLineBreaksStaysInItsCell() throws IOException {
        String csv = given().auth().oauth2(SUPERVISOR)
                .get("/api/v1/stats/export.csv?from=" + FORGED_DAY + "&to=" + FORGED_DAY)
                .then().statusCode(200).contentType("text/csv").extract().asString();
        int figures = given().auth().oauth2(SUPERVISOR).get("/api/v1/stats?from=" + FORGED_DAY + "&to=" + FORGED_DAY)
                .then().extract().jsonPath().getList("cells").size();
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertEquals(List.of("period", "metric", "value"), records.get(0).toList());
        assertEquals(figures + 1, records.size(), "one row per figure");
        assertTrue(records.stream().allMatch(r -> r.size() == 3), "every row has three cells");
        assertTrue(records.stream().anyMatch(r -> r.get(1).equals("referredServices." + FORGED)),
                "the forged value is one cell");
    }

    @Test
    void aCellWithCommasCannotForgeARow() throws IOException {
        String forged = "a,b\r\n2024-01-01,forged,999";
        StatsService.Report report = new StatsService.Report(LocalDate.parse(DAY), LocalDate.parse(DAY),
                StatsService.Period.DAY, List.of(new StatsService.Cell(DAY, forged, 1)));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(StatsService.csv(report))).getRecords();
        assertEquals(2, records.size());
        assertEquals(List.of(DAY, forged, "1"), records.get(1).toList());
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasStartWithAQuote() throws IOException {
        List<String> dangerous = List.of("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx");
        StatsService.Report report = new StatsService.Report(LocalDate.parse(DAY), LocalDate.parse(DAY),
                StatsService.Period.DAY, dangerous.stream().map(v -> new StatsService.Cell(DAY, v, v)).toList());
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(StatsService.csv(report))).getRecords();
        for (int i = 0; i < dangerous.size(); i++) {
            assertEquals(List.of(DAY, "'" + dangerous.get(i), "'" + dangerous.get(i)), records.get(i + 1).toList());
        }
    }

    @Test
    void badRangesAreProblems() {
        given().auth().oauth2(SUPERVISOR).get("/api/v1/stats?from=2024-03-10&to=2024-03-01").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(SUPERVISOR).get("/api/v1/stats?from=yesterday").then().statusCode(400);
        given().auth().oauth2(SUPERVISOR).get("/api/v1/stats?period=month").then().statusCode(400);
    }

    @Test
    void prometheusShowsTheQueueActiveChatsAndWaits() {
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("fristed_chat_queue_length"), "queue length");
        assertTrue(metrics.contains("fristed_chat_active"), "active chats");
        assertTrue(metrics.contains("fristed_chat_wait_seconds"), "wait times");
    }
}
