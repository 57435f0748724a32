package no.fristed.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class PlatformEndpointsTest {

    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*\\bsrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);

    private static final Pattern SCRIPTED_STYLE = Pattern.compile(
            "\\.style\\.|\\.style\\s*=|setAttribute\\(\\s*['\"]style|cssText");

    // Relative to the management root, /q.
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void theHandWrittenContractIsServed() {
        given().accept("application/yaml").get("/openapi").then().statusCode(200)
                .body(containsString("searchServices"))
                .body(containsString("hsdsServices"))
                .body(containsString("/api/v1/questions/pickup:"))
                .body(not(containsString("paths: {}")));
    }

    @Test
    void healthChecksReportUpOnTheManagementPort() {
        given().get(readiness).then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void prometheusMetricsAreOnTheManagementPortOnly() {
        given().get(metrics).then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/demo/", "/console/", "/editor/", "/shared/fristed.css", "/demo/demo.js", "/shared/api.js",
            "/editor/editor.js", "/api/v1/topics",
            "/api/v1/does-not-exist"})
    void everyAnswerCarriesTheBrowserProtections(String path) {
        given().noFilters().get(path).then()
                .header("Content-Security-Policy", allOf(containsString("script-src 'self'"),
                        containsString("style-src 'self'"), containsString("frame-ancestors 'none'"),
                        not(containsString("unsafe-inline")), not(containsString("unsafe-eval"))))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Permissions-Policy", containsString(path.startsWith("/demo/") ? "geolocation=(self)"
                        : "geolocation=()"))
                .header("Cache-Control", not(containsString("immutable")));
    }

    /** Every page and script served as static files (console, editors' workspace, demo, shared modules). */
    static java.util.stream.Stream<String> staticPagesAndScripts() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("src/main/resources/META-INF/resources");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js"))
                    .map(f -> root.relativize(f).toString().replace('\\', '/')).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("staticPagesAndScripts")
    void theStaticPagesHaveNothingInlineThatTheContentSecurityPolicyWouldBlock(String file) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(INLINE.matcher(text).find(), file + " has an inline script, style or handler");
            // Styles set from a script are inline styles too: pages use classes from their style sheets.
            assertFalse(SCRIPTED_STYLE.matcher(text).find(), file + " sets a style from script; use a class");
        }
    }

    @Test
    void pagesAreRevalidatedAndApiAnswersAreNeverStored() {
        given().noFilters().get("/demo/").then().header("Cache-Control", "no-cache");
        given().get("/api/v1/topics").then().header("Cache-Control", "no-store");
    }

    private static ValidatableResponse notStored(ValidatableResponse response) {
        return response.header("Cache-Control", "no-store");
    }

    @Test
    void answersCarryingATokenACodeOrPersonalTextAreNeverStored() {
        String token = notStored(given().post("/api/v1/sessions").then().statusCode(201)).extract().path("token");
        notStored(given().auth().oauth2(token).post("/api/v1/sessions/refresh").then().statusCode(200));
        notStored(given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "test-admin-password"))
                .post("/api/v1/staff/login").then().statusCode(200));
        notStored(given().contentType(ContentType.JSON).body(Map.of("text", "Jeg heter Ola, ring 41234567"))
                .post("/api/v1/privacy/check").then().statusCode(200));
        String code = notStored(given().contentType(ContentType.JSON).body(Map.of("text", "Er det farlig å blande?"))
                .post("/api/v1/questions").then().statusCode(201)).extract().path("pickupCode");
        notStored(given().contentType(ContentType.JSON).body(Map.of("pickupCode", code))
                .post("/api/v1/questions/pickup").then().statusCode(200));
        notStored(given().auth().oauth2(TestTokens.staff("counsellor-per", "counsellor"))
                .get("/api/v1/counsellor/questions").then().statusCode(200));
    }

    @Test
    void pickupCodesAreNoLongerLookedUpInTheUrl() {
        given().noFilters().get("/api/v1/questions/AAAAA-BBBBB-CCCCC-DDDDD").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
