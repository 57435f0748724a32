package no.fristed.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffTest {

    @Inject
    StaffService staff;

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

    private static ValidatableResponse attempt(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/staff/login").then();
    }

    @Test
    void failedLogInsFromOneAddressWaitLongerEachTimeWhileTheRightPasswordElsewhereStillWorks() throws Exception {
        String name = newUsername();
        create(name, "a-long-enough-password", List.of("counsellor"));
        for (int i = 0; i < 4; i++) {
            Thread.sleep(1100);
            attempt(name, "guess-" + i).statusCode(401);
        }
        attempt(name, "a-long-enough-password").statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "2");
        Thread.sleep(2100);
        attempt(name, "guess-4").statusCode(401);
        attempt(name, "a-long-enough-password").statusCode(429).header("Retry-After", "4");

        assertNotNull(staff.login(name, "a-long-enough-password", "198.51.100.8").token(), "another address");
        assertNotNull(admin(), "another username from this address");
    }

    @Test
    void aTooShortFirstAdminPasswordStopsTheStartNamingTheSettingButNotTheValue() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> StaffService.requireLongEnough(Optional.of("only11chars")));
        assertTrue(refused.getMessage().contains("FRISTED_ADMIN_PASSWORD"), refused.getMessage());
        assertFalse(refused.getMessage().contains("only11chars"), "the message shows the password");
        assertDoesNotThrow(() -> StaffService.requireLongEnough(Optional.of("twelve-chars")));
        assertDoesNotThrow(() -> StaffService.requireLongEnough(Optional.empty()));
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
