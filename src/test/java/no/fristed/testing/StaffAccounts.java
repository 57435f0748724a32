package no.fristed.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Staff accounts made through the admin API, as an admin would, for tests that log in through a page. */
public final class StaffAccounts {

    /** Every account made here has this password. */
    public static final String PASSWORD = "a-long-enough-password";

    private StaffAccounts() {
    }

    /** A new account named from the prefix (unique per call) with these roles; returns the username. */
    public static String create(String prefix, String... roles) {
        String admin = given().contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "test-admin-password"))
                .post("/api/v1/staff/login").then().statusCode(200).extract().path("token");
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)))
                .post("/api/v1/staff").then().statusCode(201);
        return username;
    }
}
