package no.fristed.catalogue;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(ServiceReportLimitTest.FewReports.class)
class ServiceReportLimitTest {

    /** Three reports per hour per address. */
    public static class FewReports implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fristed.catalogue.report-limit", "3");
        }
    }

    @Test
    void floodingReportsIsThrottled() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("text", "Feil nummer " + i))
                    .post("/api/v1/services/uro-bergen/reports").then().statusCode(201);
        }
        given().contentType(ContentType.JSON).body(Map.of("text", "Feil nummer igjen"))
                .post("/api/v1/services/uro-bergen/reports").then().statusCode(429)
                .header("Retry-After", Matchers.notNullValue())
                .contentType("application/problem+json");
    }
}
