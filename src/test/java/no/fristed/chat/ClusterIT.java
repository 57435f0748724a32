package no.fristed.chat;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.fristed.testing.ClusterRun;
import no.fristed.testing.ClusterServices;
import no.fristed.testing.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of the packaged cluster build against the machine's PostgreSQL and Redis on loopback: a young person
 * on one, counsellors on the other, a limit that holds across both, and an instance killed mid-chat.
 */
@ExtendWith(ClusterServices.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT extends ClusterTestSupport {

    static final int PICKUP_LIMIT = 4;

    static ClusterRun run;
    static ServiceInstance a;
    static ServiceInstance b;

    @BeforeAll
    static void twoInstancesOnOneDatabaseAndOneRedis() throws Exception {
        run = ClusterRun.create(Path.of("target/cluster-it"));
        Map<String, String> environment = new java.util.HashMap<>(run.environment(MACHINE_REDIS));
        environment.put("FRISTED_QUESTIONS_PICKUP_LIMIT", Integer.toString(PICKUP_LIMIT));
        // Both at once on the empty database: they take turns loading the content and creating the first admin.
        a = ServiceInstance.launch("a", run.workDir(), environment);
        b = ServiceInstance.launch("b", run.workDir(), environment);
        a.awaitReady();
        b.awaitReady();
    }

    @AfterAll
    static void stopInstancesAndDropTheDatabase() throws SQLException {
        for (ServiceInstance instance : new ServiceInstance[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (run != null) {
            run.drop();
        }
    }

    @Test
    @Order(1)
    void aYoungPersonOnOneInstanceChatsWithCounsellorsOnTheOther() {
        ChatClient kari = counsellor(b, "kari");
        ChatClient youth = youth(a);
        String id = claimed(youth, kari);

        send(youth, id, "Hei fra instans A " + marker());
        JsonNode relayed = kari.next("message");
        assertEquals("youth", relayed.path("from").asText());
        youth.next("delivered");
        kari.send(Map.of("type", "read", "conversationId", id, "upToSeq", relayed.path("seq").asLong()));
        assertEquals("counsellor", youth.next("read").path("by").asText());

        send(kari, id, "Hei fra instans B " + marker());
        assertEquals("counsellor", youth.next("message").path("from").asText());

        ChatClient ola = counsellor(a, "ola");
        kari.send(Map.of("type", "transfer", "conversationId", id, "to", "ola"));
        assertEquals("counsellor", youth.next("transferred").path("to").asText());
        ola.next("claimed");
        assertTrue(ola.next(f -> "message".equals(f.path("type").asText()) && "youth".equals(f.path("from").asText()),
                "the earlier message, handed over").path("text").asText().startsWith("Hei fra instans A"));
        send(ola, id, "Ola her, på instans A " + marker());
        assertEquals("counsellor", youth.next("message").path("from").asText());

        youth.send(Map.of("type", "end", "conversationId", id));
        ola.next("ended");
    }

    @Test
    @Order(1)
    void thePackagedServiceServesTheRealContractAndNoMetricsOnItsPublicPort() {
        given().baseUri(a.baseUri()).get("/openapi").then().statusCode(200)
                .body(containsString("/api/v1/questions/pickup:")).body(not(containsString("paths: {}")));
        given().baseUri(a.baseUri()).get("/q/metrics").then().statusCode(404);
    }

    private static ValidatableResponse pickUpWrongCode(ServiceInstance instance) {
        return given().baseUri(instance.baseUri()).contentType(ContentType.JSON).body(Map.of("pickupCode", "NO-SUCH-CODE"))
                .post("/api/v1/questions/pickup").then();
    }

    @Test
    @Order(2)
    void aRateLimitHoldsAcrossInstances() {
        for (int i = 0; i < PICKUP_LIMIT; i++) {
            pickUpWrongCode(i % 2 == 0 ? a : b).statusCode(404);
        }
        pickUpWrongCode(b).statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        pickUpWrongCode(a).statusCode(429);
    }

    @Test
    @Order(3)
    void killingTheYoungPersonsInstanceLosesAndDuplicatesNothing() {
        ChatClient kari = counsellor(b, "kari");
        String token = session(a);
        ChatClient youth = youth(a, token);
        String id = claimed(youth, kari);
        send(youth, id, "Før krasjet " + marker());
        kari.next("message");
        long lastSeq = youth.next("delivered").path("seq").asLong();

        a.kill();
        List<String> whileAway = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String text = "Mens du var borte " + i + " " + marker();
            whileAway.add(text);
            send(kari, id, text);
        }

        ChatClient back = youth(b, token);
        back.send(Map.of("type", "resume", "conversationId", id, "lastSeq", lastSeq));
        back.next("resumed");
        send(kari, id, "Velkommen tilbake " + marker());
        back.next(f -> "message".equals(f.path("type").asText()) && f.path("text").asText().startsWith("Velkommen"),
                "the message after resuming");
        send(back, id, "Jeg er her igjen " + marker());
        kari.next(f -> "message".equals(f.path("type").asText()) && f.path("text").asText().startsWith("Jeg er her"),
                "the young person's message from the other instance");
        back.drain(500);

        List<JsonNode> logged = new ArrayList<>(youth.seen());
        logged.addAll(back.seen());
        List<Long> seqs = logged.stream().filter(f -> f.path("seq").asLong() > 0 && List.of("message", "assigned", "read")
                .contains(f.path("type").asText())).map(f -> f.path("seq").asLong()).sorted().toList();
        assertEquals(seqs.stream().distinct().toList(), seqs, "every logged frame arrives once");
        assertEquals(seqs.get(seqs.size() - 1) - seqs.get(0) + 1, seqs.size(), "no logged frame is missing: " + seqs);
        for (String text : whileAway) {
            assertEquals(1, back.seen().stream().filter(f -> text.equals(f.path("text").asText())).count(),
                    "sent while the young person's instance was down, replayed exactly once: " + text);
        }
    }

    @Test
    @Order(4)
    void noChatTextEverReachesPostgres() throws SQLException {
        assertTrue(textsSent.size() >= 8, "the chats above sent their texts");
        String question = "Et spørsmål som skal lagres " + marker();
        given().baseUri(b.baseUri()).contentType(io.restassured.http.ContentType.JSON).body(Map.of("text", question))
                .post("/api/v1/questions").then().statusCode(201);
        try (Connection db = DriverManager.getConnection(POSTGRES + run.database(), "postgres", "")) {
            List<String[]> columns = new ArrayList<>();
            try (Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                            + " WHERE table_schema = 'public'")) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            assertTrue(occurrences(db, columns, question) > 0, "the scan finds what is stored (a question)");
            for (String text : textsSent) {
                assertEquals(0, occurrences(db, columns, text), "chat text in PostgreSQL: " + text);
            }
        }
    }

    @Test
    @Order(0)
    void instancesStartingTogetherLoadTheContentOnce() throws Exception {
        long serviceFiles;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("content/services"))) {
            serviceFiles = files.filter(f -> f.toString().endsWith(".yaml")).count();
        }
        assertEquals(1, count("SELECT count(*) FROM staff_account"), "one first admin");
        assertEquals(serviceFiles, count("SELECT count(*) FROM help_service"), "each service file once");
    }

    private static long count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(POSTGRES + run.database(), "postgres", "");
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    @Order(5)
    void noChatTextOrTokenReachesTheInstancesLogs() throws java.io.IOException {
        assertTrue(java.nio.file.Files.size(a.log()) > 0 && java.nio.file.Files.size(b.log()) > 0);
        assertNothingSecretIn(a.log());
        assertNothingSecretIn(b.log());
    }

    /** In how many column values of the whole schema the text's random marker occurs. */
    private static long occurrences(Connection db, List<String[]> columns, String text) throws SQLException {
        long found = 0;
        for (String[] column : columns) {
            try (var query = db.prepareStatement("SELECT count(*) FROM \"" + column[0] + "\" WHERE CAST(\""
                    + column[1] + "\" AS text) LIKE ?")) {
                query.setString(1, "%" + text.substring(text.length() - MARKER_LENGTH) + "%");
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    found += rows.getLong(1);
                }
            }
        }
        return found;
    }
}
