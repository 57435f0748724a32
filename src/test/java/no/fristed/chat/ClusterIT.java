package no.fristed.chat;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.fristed.testing.ClusterServices;
import no.fristed.testing.ServiceInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of the packaged cluster build against the machine's PostgreSQL and Redis on loopback: a young person
 * on one, counsellors on the other, and an instance killed mid-chat. Each run has a database and a Redis key prefix
 * of its own.
 */
@ExtendWith(ClusterServices.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String POSTGRES = "jdbc:postgresql://" + ClusterServices.POSTGRES_HOST + ":" + ClusterServices.POSTGRES_PORT + "/";
    static final String ADMIN_PASSWORD = "cluster-admin-password";
    static final int MARKER_LENGTH = 24;

    static Path workDir;
    static String database;
    static ServiceInstance a;
    static ServiceInstance b;
    static final List<String> textsSent = new ArrayList<>();
    private final List<ChatClient> clients = new ArrayList<>();

    @BeforeAll
    static void twoInstancesOnOneDatabaseAndOneRedis() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        workDir = Files.createDirectories(Path.of("target/cluster-it/" + run).toAbsolutePath());
        database = "fristed_it_" + run;
        postgres("postgres", "CREATE DATABASE " + database);
        Map<String, String> environment = environment(workDir, database, "redis://" + ClusterServices.REDIS_HOST + ":"
                + ClusterServices.REDIS_PORT, "fristed-it-" + run + ":");
        // One after the other: the first creates the schema, loads the content and the first admin.
        a = ServiceInstance.start("a", workDir, environment);
        b = ServiceInstance.start("b", workDir, environment);
    }

    @AfterAll
    static void stopInstancesAndDropTheDatabase() throws SQLException {
        for (ServiceInstance instance : new ServiceInstance[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (database != null) {
            postgres("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(ChatClient::close);
    }

    @Test
    @Order(1)
    void aYoungPersonOnOneInstanceChatsWithCounsellorsOnTheOther() {
        ChatClient kari = counsellor(b, "kari");
        ChatClient youth = youth(a);
        youth.send(Map.of("type", "open", "topic", "cannabis", "ageBand", "16-17"));
        String id = youth.next("queued").path("conversationId").asText();
        kari.next(f -> "queue".equals(f.path("type").asText()) && f.path("items").toString().contains(id), "queue with the chat");

        kari.send(Map.of("type", "claim", "conversationId", id));
        kari.next("claimed");
        assertEquals("kari", youth.next("assigned").path("counsellor").asText());

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
    @Order(2)
    void killingTheYoungPersonsInstanceLosesAndDuplicatesNothing() {
        ChatClient kari = counsellor(b, "kari");
        String token = session(a);
        ChatClient youth = youth(a, token);
        youth.send(Map.of("type", "open", "topic", "alkohol"));
        String id = youth.next("queued").path("conversationId").asText();
        kari.send(Map.of("type", "claim", "conversationId", id));
        youth.next("assigned");
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

        List<JsonNode> logged = new ArrayList<>(youth.seen());
        logged.addAll(back.drain(500));
        List<Long> seqs = logged.stream().filter(f -> "message".equals(f.path("type").asText()))
                .map(f -> f.path("seq").asLong()).toList();
        assertEquals(seqs.stream().distinct().sorted().toList(), seqs, "messages arrive once each, in order");
        for (String text : whileAway) {
            assertEquals(1, back.seen().stream().filter(f -> text.equals(f.path("text").asText())).count(),
                    "sent while the young person's instance was down, replayed exactly once: " + text);
        }
    }

    @Test
    @Order(3)
    void noChatTextEverReachesPostgres() throws SQLException {
        assertTrue(textsSent.size() >= 8, "the chats above sent their texts");
        try (Connection db = DriverManager.getConnection(POSTGRES + database, "postgres", "");
                Statement statement = db.createStatement();
                ResultSet columns = statement.executeQuery("SELECT table_name, column_name FROM information_schema.columns"
                        + " WHERE table_schema = 'public'")) {
            List<String[]> all = new ArrayList<>();
            while (columns.next()) {
                all.add(new String[] {columns.getString(1), columns.getString(2)});
            }
            assertTrue(all.size() > 40, "scanned every column of every table");
            for (String[] column : all) {
                for (String text : textsSent) {
                    try (var query = db.prepareStatement("SELECT count(*) FROM \"" + column[0] + "\" WHERE CAST(\""
                            + column[1] + "\" AS text) LIKE ?")) {
                        query.setString(1, "%" + text.substring(text.length() - MARKER_LENGTH) + "%");
                        try (ResultSet found = query.executeQuery()) {
                            found.next();
                            assertEquals(0, found.getLong(1), "chat text in " + column[0] + "." + column[1]);
                        }
                    }
                }
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static Map<String, String> environment(Path workDir, String database, String redis, String prefix) throws IOException {
        Path keys = Files.createDirectories(workDir.resolve("keys"));
        for (String key : List.of("test-jwt-private.pem", "test-jwt-public.pem")) {
            Files.copy(Path.of("src/test/resources", key), keys.resolve(key), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path pickup = keys.resolve("pickup-secret");
        if (!Files.exists(pickup)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(pickup, Base64.getEncoder().encodeToString(secret));
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", POSTGRES + database);
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_REDIS_HOSTS", redis);
        environment.put("FRISTED_CLUSTER_KEY_PREFIX", prefix);
        environment.put("FRISTED_JWT_PRIVATE_KEY", keys.resolve("test-jwt-private.pem").toString());
        environment.put("FRISTED_JWT_PUBLIC_KEY", keys.resolve("test-jwt-public.pem").toString());
        environment.put("FRISTED_QUESTIONS_PICKUP_SECRET_FILE", pickup.toString());
        environment.put("FRISTED_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("FRISTED_CHAT_HOURS", "MO,TU,WE,TH,FR,SA,SU 00:00-12:00; MO,TU,WE,TH,FR,SA,SU 12:00-01:00");
        environment.put("FRISTED_CONTENT_DIR", Path.of("content").toAbsolutePath().toString());
        return environment;
    }

    static void postgres(String db, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(POSTGRES + db, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String session(ServiceInstance instance) {
        return given().baseUri(instance.baseUri()).post("/api/v1/sessions").then().statusCode(201)
                .extract().path("token");
    }

    ChatClient youth(ServiceInstance instance) {
        return youth(instance, session(instance));
    }

    ChatClient youth(ServiceInstance instance, String token) {
        ChatClient client = ChatClient.connect(instance.http("/ws/youth"), token);
        clients.add(client);
        return client;
    }

    ChatClient counsellor(ServiceInstance instance, String name) {
        ChatClient client = ChatClient.connect(instance.http("/ws/counsellor"), staffToken(instance, name));
        clients.add(client);
        client.send(Map.of("type", "availability", "available", true, "capacity", 3));
        client.next("availability");
        return client;
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
        return given().baseUri(instance.baseUri()).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", password)).post("/api/v1/staff/login")
                .then().statusCode(200).extract().path("token");
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
        client.send(Map.of("type", "message", "conversationId", id, "clientMessageId", UUID.randomUUID().toString(),
                "text", text));
    }
}
