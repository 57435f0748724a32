package no.fristed.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** After a young person's search, nothing that could locate or identify them is in the database or the log. */
@QuarkusTest
class SearchLeavesNoTraceTest {

    private static final String LATITUDE = "60.3917461";
    private static final String LONGITUDE = "5.3247719";
    private static final String USER_AGENT = "Mozilla/5.0 (iPhone; FristedProbe 7.3.1-unique)";
    private static final String FORWARDED_IP = "203.0.113.77";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noCoordinateAddressOrUserAgentIsStoredOrLogged() throws Exception {
        String token = TestTokens.staff("b8a2c4d6e8f0a1b3c5d7e9f1a3b5c7d9", "youth");
        given().header("User-Agent", USER_AGENT).header("X-Forwarded-For", FORWARDED_IP)
                .header("X-Real-IP", FORWARDED_IP).auth().oauth2(token)
                .get("/api/v1/services?lat=" + LATITUDE + "&lon=" + LONGITUDE + "&openNow=true&age=15")
                .then().statusCode(200);
        given().header("User-Agent", USER_AGENT).header("X-Forwarded-For", FORWARDED_IP)
                .get("/api/v1/services?lat=" + LATITUDE + "&lon=999")
                .then().statusCode(400);

        List<String> secrets = List.of(LATITUDE, LONGITUDE, "60.39174", "5.32477", USER_AGENT, "FristedProbe",
                FORWARDED_IP, "127.0.0.1", token);
        String database = databaseDump();
        String log = Files.readString(Path.of("target/quarkus-test.log"), StandardCharsets.UTF_8);
        String rawDatabaseFile = new String(Files.readAllBytes(Path.of("target/test-db/fristed.mv.db")),
                StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            assertFalse(database.contains(secret), "database contains " + abbreviated(secret));
            assertFalse(rawDatabaseFile.contains(secret), "database file contains " + abbreviated(secret));
            assertFalse(log.contains(secret), "log contains " + abbreviated(secret));
        }
    }

    /** Every row of every table, as H2's SCRIPT command writes them. */
    private String databaseDump() throws SQLException, IOException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
            try (ResultSet rows = statement.executeQuery("SCRIPT")) {
                while (rows.next()) {
                    dump.append(rows.getString(1)).append('\n');
                }
            }
        }
        return dump.toString();
    }

    private static String abbreviated(String secret) {
        return secret.length() > 20 ? secret.substring(0, 20) + "…" : secret;
    }
}
