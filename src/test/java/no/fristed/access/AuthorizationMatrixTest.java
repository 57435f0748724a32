package no.fristed.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × every kind of caller, from one table. Callers the endpoint allows get past security (whatever
 * the operation then answers); others get 401 (no valid token) or 403 (wrong group), always as problem+json. A token
 * is expired a few seconds after its expiry (the clock-skew leeway), not a minute.
 * Destructive endpoints are called with ids that do not exist, so the matrix changes nothing.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private record Endpoint(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        boolean open() {
            return allowed.contains(ANYONE);
        }
    }

    private static final String ANYONE = "anyone";
    private static final List<String> CALLERS = List.of("anonymous", "youth", "counsellor", "editor", "supervisor", "admin");
    private static final Set<String> STATS = Set.of("supervisor", "admin");

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/services?municipality=Bergen", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/services/uro-bergen", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/organizations/helse-bergen", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/topics", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/municipalities", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/hsds", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/hsds/services", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/hsds/services/00000000-0000-0000-0000-000000000000", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/hsds/organizations", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/hsds/organizations/00000000-0000-0000-0000-000000000000", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/hsds/taxonomies", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/hsds/taxonomy_terms", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/hsds/service_at_locations", Set.of(ANYONE)),
            new Endpoint("POST", "/api/v1/services/no-such-service/reports", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/facts", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/facts/cannabis", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/facts/bundle", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/facts/search?q=weed", Set.of(ANYONE)),
            new Endpoint("GET", "/api/v1/chat/status", Set.of(ANYONE)),
            new Endpoint("POST", "/api/v1/privacy/check", Set.of(ANYONE)),
            new Endpoint("POST", "/api/v1/questions/pickup", Set.of(ANYONE)),
            new Endpoint("POST", "/api/v1/services", Set.of("editor")),
            new Endpoint("PUT", "/api/v1/services/no-such-service", Set.of("editor")),
            new Endpoint("DELETE", "/api/v1/services/no-such-service", Set.of("editor")),
            new Endpoint("GET", "/api/v1/editor/service-changes", Set.of("editor", "supervisor")),
            new Endpoint("GET", "/api/v1/editor/service-changes/no-such-change", Set.of("editor", "supervisor")),
            new Endpoint("POST", "/api/v1/editor/service-changes/no-such-change/approve", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/service-changes/no-such-change/reject", Set.of("editor")),
            new Endpoint("GET", "/api/v1/editor/services/verification-due", Set.of("editor", "supervisor")),
            new Endpoint("POST", "/api/v1/editor/services/no-such-service/verified", Set.of("editor")),
            new Endpoint("GET", "/api/v1/editor/services/uro-bergen/history", Set.of("editor", "supervisor")),
            new Endpoint("GET", "/api/v1/editor/service-reports", Set.of("editor", "supervisor")),
            new Endpoint("POST", "/api/v1/editor/service-reports/no-such-report/close", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/no-such-page/nb/drafts", Set.of("editor")),
            new Endpoint("PUT", "/api/v1/editor/facts/no-such-page/nb/drafts/current", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/no-such-page/nb/submit", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/no-such-page/nb/approve", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/no-such-page/nb/reject", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/no-such-page/nb/archive", Set.of("editor")),
            new Endpoint("GET", "/api/v1/editor/facts/cannabis/nb/versions", Set.of("editor", "supervisor")),
            new Endpoint("GET", "/api/v1/editor/facts", Set.of("editor", "supervisor")),
            new Endpoint("GET", "/api/v1/editor/facts/review-due", Set.of("editor", "supervisor")),
            new Endpoint("GET", "/api/v1/editor/questions", Set.of("editor", "supervisor")),
            new Endpoint("POST", "/api/v1/editor/questions/no-such-question/publish", Set.of("editor")),
            new Endpoint("GET", "/api/v1/canned", Set.of("counsellor", "editor", "supervisor")),
            new Endpoint("POST", "/api/v1/canned", Set.of("editor")),
            new Endpoint("PUT", "/api/v1/canned/no-such-canned", Set.of("editor")),
            new Endpoint("DELETE", "/api/v1/canned/no-such-canned", Set.of("editor")),
            new Endpoint("GET", "/api/v1/counsellor/questions", Set.of("counsellor")),
            new Endpoint("POST", "/api/v1/counsellor/questions/no-such-question/claim", Set.of("counsellor")),
            new Endpoint("POST", "/api/v1/counsellor/questions/no-such-question/release", Set.of("counsellor")),
            new Endpoint("POST", "/api/v1/counsellor/questions/no-such-question/answer", Set.of("counsellor")),
            new Endpoint("GET", "/api/v1/chat/live", STATS),
            new Endpoint("GET", "/api/v1/stats", STATS),
            new Endpoint("GET", "/api/v1/stats/export.csv", STATS),
            new Endpoint("GET", "/api/v1/staff", Set.of("admin")),
            new Endpoint("POST", "/api/v1/staff", Set.of("admin")),
            new Endpoint("POST", "/api/v1/staff/no-such-member/deactivate", Set.of("admin")),
            new Endpoint("POST", "/api/v1/staff/no-such-member/logout-everywhere", Set.of("admin")),
            new Endpoint("POST", "/api/v1/staff/me/password", Set.of("counsellor", "editor", "supervisor", "admin")),
            new Endpoint("POST", "/api/v1/sessions/refresh", Set.of("youth")),
            new Endpoint("DELETE", "/api/v1/sessions/me", Set.of("youth")));

    private static String token(String caller) {
        // A fresh subject each time: deleting a youth session in one case must not affect another.
        return "anonymous".equals(caller) ? null : TestTokens.staff("matrix-" + UUID.randomUUID(), caller);
    }

    private static RequestSpecification request(Endpoint endpoint, String token) {
        RequestSpecification request = given().noFilters();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (!endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request;
    }

    static Stream<Arguments> everyCaller() {
        return ENDPOINTS.stream().flatMap(endpoint -> CALLERS.stream().map(caller -> Arguments.of(endpoint, caller)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyCaller")
    void eachCallerGetsExactlyTheAccessTheTableGives(Endpoint endpoint, String caller) {
        var response = request(endpoint, token(caller)).request(endpoint.method(), endpoint.path()).then();
        if (endpoint.open() || endpoint.allowed().contains(caller)) {
            response.statusCode(not(oneOf(401, 403)));
        } else {
            response.statusCode("anonymous".equals(caller) ? 401 : 403).contentType("application/problem+json");
        }
    }

    static Stream<Arguments> badTokens() {
        return ENDPOINTS.stream().filter(e -> !e.open()).flatMap(endpoint -> {
            String allowed = endpoint.allowed().iterator().next();
            return Stream.of(
                    Arguments.of(endpoint, "expired", TestTokens.expired("someone", allowed)),
                    Arguments.of(endpoint, "expired 30 s ago",
                            TestTokens.expiredAgo(Duration.ofSeconds(30), "someone", allowed)),
                    Arguments.of(endpoint, "tampered", TestTokens.tampered("someone", allowed)),
                    Arguments.of(endpoint, "wrong issuer", TestTokens.wrongIssuer("someone", allowed)));
        });
    }

    @ParameterizedTest(name = "{0}, token {1} → 401")
    @MethodSource("badTokens")
    void expiredTamperedAndForeignTokensAreRejected(Endpoint endpoint, String kind, String token) {
        request(endpoint, token).request(endpoint.method(), endpoint.path())
                .then().statusCode(401).contentType("application/problem+json");
    }

    static Stream<String> waysToEndAMembersTokens() {
        return Stream.of("deactivate", "logout-everywhere", "password change");
    }

    @ParameterizedTest(name = "after {0}, the member's old token gets 401 wherever their roles let them in")
    @MethodSource("waysToEndAMembersTokens")
    void endedStaffTokensAreRejectedOnEveryEndpoint(String way) {
        String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> roles = List.of("counsellor", "editor", "supervisor");
        given().auth().oauth2(StaffTest.admin()).contentType(ContentType.JSON)
                .body(java.util.Map.of("username", name, "password", "a-long-enough-password", "roles", roles))
                .post("/api/v1/staff").then().statusCode(201);
        String token = StaffTest.login(name, "a-long-enough-password");
        String other = StaffTest.login(name, "a-long-enough-password");
        given().auth().oauth2(token).get("/api/v1/canned").then().statusCode(200);
        if ("password change".equals(way)) {
            given().auth().oauth2(other).contentType(ContentType.JSON).body(java.util.Map.of(
                    "currentPassword", "a-long-enough-password", "newPassword", "a-new-long-password"))
                    .post("/api/v1/staff/me/password").then().statusCode(200);
        } else {
            given().auth().oauth2(StaffTest.admin()).post("/api/v1/staff/" + name + "/" + way).then()
                    .statusCode(oneOf(200, 204));
        }
        ENDPOINTS.stream().filter(e -> !e.open() && roles.stream().anyMatch(e.allowed()::contains)).forEach(e ->
                request(e, token).request(e.method(), e.path()).then().statusCode(401)
                        .contentType("application/problem+json"));
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() {
        String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(StaffTest.admin()).contentType(ContentType.JSON)
                .body(java.util.Map.of("username", name, "password", "a-long-enough-password", "roles",
                        List.of("editor")))
                .post("/api/v1/staff").then().statusCode(201);
        String token = StaffTest.login(name, "a-long-enough-password");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(java.util.Map.of(
                "currentPassword", "not-my-password", "newPassword", "a-new-long-password"))
                .post("/api/v1/staff/me/password").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token).get("/api/v1/canned").then().statusCode(200);
        StaffTest.login(name, "a-long-enough-password");
    }

    @Test
    void oneYoungPersonDeletingTheirSessionDoesNotTouchAnothers() {
        String mine = given().post("/api/v1/sessions").then().statusCode(201).extract().path("token");
        String theirs = given().post("/api/v1/sessions").then().statusCode(201).extract().path("token");
        given().auth().oauth2(theirs).delete("/api/v1/sessions/me").then().statusCode(204);
        given().auth().oauth2(mine).post("/api/v1/sessions/refresh").then().statusCode(200);
        given().auth().oauth2(theirs).post("/api/v1/sessions/refresh").then().statusCode(401);
    }
}
