package no.fristed.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void theHandWrittenContractIsServed() {
        given().accept("application/yaml").get("/openapi").then().statusCode(200)
                .body(containsString("searchServices"))
                .body(containsString("exportHsdsServices"));
    }

    @Test
    void healthChecksReportUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
