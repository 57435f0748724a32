package no.fristed.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import no.fristed.testing.DatabaseDump;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A young person's whole journey, then a search of the database (SQL dump and raw file) and the log for anything
 * that could identify or locate them: address, user agent, coordinates, token, what they wrote.
 */
@QuarkusTest
class YouthJourneyLeavesNoTraceTest {

    private static final String LATITUDE = "60.3917461";
    private static final String LONGITUDE = "5.3247719";
    private static final String USER_AGENT = "Mozilla/5.0 (iPhone; FristedProbe 7.3.1-unique)";
    private static final String FORWARDED_IP = "203.0.113.77";
    private static final String MESSAGE = "Hemmelig melding om pappa som drikker, ring 41234567";

    @Inject
    AgroalDataSource dataSource;

    private static RequestSpecification asYoungPerson() {
        return given().header("User-Agent", USER_AGENT).header("X-Forwarded-For", FORWARDED_IP)
                .header("X-Real-IP", FORWARDED_IP).header("Forwarded", "for=" + FORWARDED_IP);
    }

    @Test
    void nothingThatIdentifiesOrLocatesAYoungPersonIsStoredOrLogged() throws Exception {
        String token = asYoungPerson().post("/api/v1/sessions").then().statusCode(201).extract().path("token");
        asYoungPerson().auth().oauth2(token)
                .get("/api/v1/services?lat=" + LATITUDE + "&lon=" + LONGITUDE + "&openNow=true&age=15")
                .then().statusCode(200);
        asYoungPerson().get("/api/v1/services?lat=" + LATITUDE + "&lon=999").then().statusCode(400);
        asYoungPerson().auth().oauth2(token).queryParam("q", "pappa drikker").get("/api/v1/facts/search")
                .then().statusCode(200);
        asYoungPerson().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("text", MESSAGE))
                .post("/api/v1/privacy/check").then().statusCode(200).body("findings.kind", hasItem("phone"));
        String refreshed = asYoungPerson().auth().oauth2(token).post("/api/v1/sessions/refresh").then().statusCode(200)
                .extract().path("token");
        asYoungPerson().auth().oauth2(refreshed).delete("/api/v1/sessions/me").then().statusCode(204);

        List<String> secrets = List.of(LATITUDE, LONGITUDE, "60.39174", "5.32477", USER_AGENT, "FristedProbe",
                FORWARDED_IP, "127.0.0.1", token, refreshed, token.split("\\.")[2], MESSAGE, "Hemmelig melding",
                "41234567");
        String database = DatabaseDump.of(dataSource);
        String rawDatabaseFile = new String(Files.readAllBytes(Path.of("target/test-db/fristed.mv.db")),
                StandardCharsets.ISO_8859_1);
        String log = Files.readString(Path.of("target/quarkus-test.log"), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            assertFalse(database.contains(secret), "database contains " + abbreviated(secret));
            assertFalse(rawDatabaseFile.contains(secret), "database file contains " + abbreviated(secret));
            assertFalse(log.contains(secret), "log contains " + abbreviated(secret));
        }
    }

    @Test
    void aDeletedQuestionIsGoneFromTheRawDatabaseFileRightAway() throws Exception {
        // Several rounds: where H2 places a row, and so whether its old bytes happen to be written over, varies.
        for (int round = 0; round < 5; round++) {
            String token = given().post("/api/v1/sessions").then().statusCode(201).extract().path("token");
            // ASCII letters only: the privacy guard would take digit runs for numbers and remove them, and H2 does
            // not store other characters as UTF-8.
            String text = "Et sporsmal som skal bort " + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("text", text))
                    .post("/api/v1/questions").then().statusCode(201);
            DatabaseDump.of(dataSource);
            assertTrue(rawDatabaseFile().contains(text), "the question reached the file");

            given().auth().oauth2(token).delete("/api/v1/sessions/me").then().statusCode(204);
            assertFalse(DatabaseDump.of(dataSource).contains(text), "the question is deleted");
            assertFalse(rawDatabaseFile().contains(text), "the deleted question is still readable in the file");
        }
    }

    @Test
    void theDatabaseIsReadableByTheServiceOnlyAndKeepsNoTraceFile() throws Exception {
        Path directory = Path.of("target/test-db");
        Files.deleteIfExists(directory.resolve("fristed.trace.db"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT * FROM no_such_table WHERE text = 'YJLNT-trace-marker'");
        } catch (SQLException expected) {
            // H2 would write this failure, with the statement, to its trace file.
        }
        assertFalse(Files.exists(directory.resolve("fristed.trace.db")), "H2 wrote a trace file");

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                        file.getFileName().toString());
            }
        }
    }

    private static String rawDatabaseFile() throws IOException {
        return new String(Files.readAllBytes(Path.of("target/test-db/fristed.mv.db")), StandardCharsets.ISO_8859_1);
    }

    @Test
    void logRecordsCarryingATokenAreDroppedWhoeverWritesThem() throws IOException {
        String token = given().post("/api/v1/sessions").then().statusCode(201).extract().path("token");
        Logger logger = Logger.getLogger("some.library");
        logger.infof("Authorization: Bearer %s", token);
        logger.infof("token in the open: %s", token);
        logger.info("an ordinary line that stays YJLNT-marker");
        String log = Files.readString(Path.of("target/quarkus-test.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("YJLNT-marker"), "the log is being written");
        assertFalse(log.contains(token.split("\\.")[2]), "a token reached the log");
    }

    private static String abbreviated(String secret) {
        return secret.length() > 20 ? secret.substring(0, 20) + "…" : secret;
    }
}
