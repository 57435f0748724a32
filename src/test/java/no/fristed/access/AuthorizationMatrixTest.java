package no.fristed.access;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.fristed.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every protected endpoint, from one table: no token, an expired, a tampered and a wrong-issuer token get 401; a
 * valid token of a group the endpoint does not allow gets 403. Always as problem+json.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private record Endpoint(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<String> GROUPS = List.of("youth", "counsellor", "editor", "supervisor", "admin");

    private static final List<Endpoint> PROTECTED = List.of(
            new Endpoint("POST", "/api/v1/services", Set.of("editor")),
            new Endpoint("PUT", "/api/v1/services/uro-bergen", Set.of("editor")),
            new Endpoint("DELETE", "/api/v1/services/uro-bergen", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/cannabis/nb/drafts", Set.of("editor")),
            new Endpoint("PUT", "/api/v1/editor/facts/cannabis/nb/drafts/current", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/cannabis/nb/submit", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/cannabis/nb/approve", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/cannabis/nb/reject", Set.of("editor")),
            new Endpoint("POST", "/api/v1/editor/facts/cannabis/nb/archive", Set.of("editor")),
            new Endpoint("GET", "/api/v1/editor/facts/cannabis/nb/versions", Set.of("editor")),
            new Endpoint("GET", "/api/v1/editor/facts/review-due", Set.of("editor")),
            new Endpoint("GET", "/api/v1/canned", Set.of("counsellor", "editor", "supervisor")),
            new Endpoint("POST", "/api/v1/canned", Set.of("editor")),
            new Endpoint("PUT", "/api/v1/canned/velkommen", Set.of("editor")),
            new Endpoint("DELETE", "/api/v1/canned/velkommen", Set.of("editor")),
            new Endpoint("GET", "/api/v1/staff", Set.of("admin")),
            new Endpoint("POST", "/api/v1/staff", Set.of("admin")),
            new Endpoint("POST", "/api/v1/staff/admin/deactivate", Set.of("admin")),
            new Endpoint("GET", "/api/v1/chat/live", Set.of("supervisor", "admin")),
            new Endpoint("GET", "/api/v1/stats", Set.of("supervisor", "admin")),
            new Endpoint("GET", "/api/v1/stats/export.csv", Set.of("supervisor", "admin")),
            new Endpoint("GET", "/api/v1/counsellor/questions", Set.of("counsellor")),
            new Endpoint("POST", "/api/v1/counsellor/questions/x/claim", Set.of("counsellor")),
            new Endpoint("POST", "/api/v1/counsellor/questions/x/release", Set.of("counsellor")),
            new Endpoint("POST", "/api/v1/counsellor/questions/x/answer", Set.of("counsellor")),
            new Endpoint("POST", "/api/v1/editor/questions/x/publish", Set.of("editor")),
            new Endpoint("POST", "/api/v1/sessions/refresh", Set.of("youth")),
            new Endpoint("DELETE", "/api/v1/sessions/me", Set.of("youth")));

    static Stream<Arguments> rejected() {
        return PROTECTED.stream().flatMap(endpoint -> {
            String allowed = endpoint.allowed().iterator().next();
            String wrongGroup = GROUPS.stream().filter(g -> !endpoint.allowed().contains(g)).findFirst().orElseThrow();
            return Stream.of(
                    Arguments.of(endpoint, "no token", null, 401),
                    Arguments.of(endpoint, "expired", TestTokens.expired("someone", allowed), 401),
                    Arguments.of(endpoint, "tampered", TestTokens.tampered("someone", allowed), 401),
                    Arguments.of(endpoint, "wrong issuer", TestTokens.wrongIssuer("someone", allowed), 401),
                    Arguments.of(endpoint, "group " + wrongGroup, TestTokens.staff("someone", wrongGroup), 403));
        });
    }

    @ParameterizedTest(name = "{0} with {1} → {3}")
    @MethodSource("rejected")
    void protectedEndpointsRejectMissingBadAndWrongTokens(Endpoint endpoint, String who, String token, int status) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (!endpoint.method().equals("GET") && !endpoint.method().equals("DELETE")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        request.request(endpoint.method(), endpoint.path())
                .then().statusCode(status).contentType("application/problem+json");
    }
}
