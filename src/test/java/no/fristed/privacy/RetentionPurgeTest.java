package no.fristed.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import no.fristed.access.RevokedSession;
import no.fristed.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetentionPurgeTest {

    @Inject
    RetentionPurge purge;
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static long revoked() {
        return QuarkusTransaction.requiringNew().call(() -> RevokedSession.count());
    }

    @Test
    void aDeletedSessionIsForgottenOnceItsTokensWouldHaveExpired() {
        String token = given().post("/api/v1/sessions").then().statusCode(201).extract().path("token");
        given().auth().oauth2(token).delete("/api/v1/sessions/me").then().statusCode(204);
        long before = revoked();
        assertTrue(before >= 1);

        clock.set(Instant.now().plus(Duration.ofHours(11)));
        assertEquals(0, purge.run().get("revoked-sessions"), "still within the token lifetime");
        assertEquals(before, revoked());

        clock.set(Instant.now().plus(Duration.ofHours(13)));
        assertTrue(purge.run().get("revoked-sessions") >= 1);
        assertEquals(0, revoked());
    }
}
