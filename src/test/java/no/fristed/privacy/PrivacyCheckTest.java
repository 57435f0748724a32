package no.fristed.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class PrivacyCheckTest {

    private static final Path LOG = Path.of("target/quarkus-test.log");

    @ParameterizedTest
    @ValueSource(strings = {"@ab", "a@b.c", "-", "a.-"})
    void textsThatOnceOverflowedOrStalledTheGuardAreChecked(String unit) {
        String text = PrivacyGuardWorstInputsTest.text("", unit, PrivacyResource.MAX_TEXT);
        given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/v1/privacy/check")
                .then().statusCode(200).contentType(ContentType.JSON);
    }

    @Test
    void oneAddressWithThousandsOfDotsIsChecked() {
        String text = PrivacyGuardWorstInputsTest.text("a@b", ".c", PrivacyResource.MAX_TEXT);
        given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/v1/privacy/check")
                .then().statusCode(200).body("findings", is(List.of()));
    }

    @Test
    void anUnexpectedErrorIsAProblemAndOnlyItsTypeIsLogged() throws Exception {
        String secret = "ring meg på 41234567 PCT-" + System.nanoTime();
        QuarkusMock.installMockForType(new PrivacyGuard() {
            @Override
            public Result check(String text) {
                throw new StackOverflowError(text);
            }
        }, PrivacyGuard.class);
        long logBefore = Files.size(LOG);

        given().contentType(ContentType.JSON).body(Map.of("text", secret)).post("/api/v1/privacy/check")
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", is("https://fristed.no/problems/internal"));

        String logged = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8)
                .substring((int) Math.min(logBefore, Files.size(LOG)));
        assertTrue(logged.contains("Unexpected failure: java.lang.StackOverflowError"), logged);
        assertFalse(logged.contains(secret), "the text reached the log");
        assertFalse(logged.contains("\tat "), "a stack trace reached the log");
    }
}
