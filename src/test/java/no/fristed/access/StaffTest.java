package no.fristed.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffTest {

    static String login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/staff/login").then().statusCode(200).extract().path("token");
    }

    static String admin() {
        return login("admin", "test-admin-password");
    }

    private static String newUsername() {
        return "staff-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void create(String username, String password, List<String> roles) {
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "roles", roles))
                .post("/api/v1/staff").then().statusCode(201).body("roles", is(roles));
    }

    @Test
    void theFirstAdminComesFromConfigurationAndCreatesCounsellors() {
        String name = newUsername();
        create(name, "a-long-enough-password", List.of("counsellor", "supervisor"));
        String token = login(name, "a-long-enough-password");
        assertEquals(List.of("counsellor", "supervisor"), SessionTest.claims(token).getList("groups"));
        assertEquals(name, SessionTest.claims(token).getString("upn"));
        given().auth().oauth2(admin()).get("/api/v1/staff").then().statusCode(200).body("username", hasItem(name));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        String name = newUsername();
        create(name, "a-long-enough-password", List.of("editor"));
        String wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "wrong-password")).post("/api/v1/staff/login")
                .then().statusCode(401).contentType("application/problem+json").extract().path("detail");
        String unknownUser = given().contentType(ContentType.JSON)
                .body(Map.of("username", "nobody-" + name, "password", "wrong-password")).post("/api/v1/staff/login")
                .then().statusCode(401).extract().path("detail");
        assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void repeatedFailedLogInsArePaused() {
        String name = newUsername();
        create(name, "a-long-enough-password", List.of("editor"));
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "guess-" + i))
                    .post("/api/v1/staff/login").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "a-long-enough-password"))
                .post("/api/v1/staff/login").then().statusCode(429);
    }

    @Test
    void aDeactivatedMemberCannotLogIn() {
        String name = newUsername();
        create(name, "a-long-enough-password", List.of("counsellor"));
        given().auth().oauth2(admin()).post("/api/v1/staff/" + name + "/deactivate").then().statusCode(200)
                .body("active", is(false));
        given().contentType(ContentType.JSON).body(Map.of("username", name, "password", "a-long-enough-password"))
                .post("/api/v1/staff/login").then().statusCode(401);
    }

    @Test
    void weakPasswordsUnknownRolesAndDuplicatesAreRejected() {
        String name = newUsername();
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "short", "roles", List.of("editor")))
                .post("/api/v1/staff").then().statusCode(400).body("errors.field", hasItem("password"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "a-long-enough-password", "roles", List.of("king")))
                .post("/api/v1/staff").then().statusCode(400);
        create(name, "a-long-enough-password", List.of("editor"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "a-long-enough-password", "roles", List.of("editor")))
                .post("/api/v1/staff").then().statusCode(409);
    }
}
