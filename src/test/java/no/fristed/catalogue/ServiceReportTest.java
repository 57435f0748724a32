package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static no.fristed.catalogue.ServiceEditingTest.REVIEWER;
import static no.fristed.catalogue.ServiceEditingTest.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import no.fristed.testing.DatabaseDump;
import org.junit.jupiter.api.Test;

/** "Report wrong information": anyone, no log-in, nothing about the reporter kept; editors close reports. */
@QuarkusTest
class ServiceReportTest {

    private static final String REPORTS = "/api/v1/editor/service-reports";

    @Inject
    AgroalDataSource dataSource;

    private static io.restassured.response.ValidatableResponse report(String serviceId, String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text))
                .post("/api/v1/services/" + serviceId + "/reports").then();
    }

    @Test
    void anyoneCanReportWithoutATokenAndPersonalDataIsRemovedFirst() throws Exception {
        report("uro-bergen", "Nummeret er feil, ring meg på 412 34 567 eller skriv til kari.nordmann@example.no")
                .statusCode(201)
                .body("serviceId", is("uro-bergen"))
                .body("removed", is(List.of("phone", "email")))
                .body("storedText", not(org.hamcrest.Matchers.containsString("412 34 567")));
        String dump = DatabaseDump.of(dataSource);
        assertFalse(dump.contains("412 34 567") || dump.contains("41234567"), "the number is not stored");
        assertFalse(dump.contains("kari.nordmann"), "the address is not stored");
    }

    @Test
    void editorsSeeOpenReportsAndCloseThemWithANote() {
        report("rusinfo", "Åpningstidene på lørdag stemmer ikke lenger").statusCode(201);
        String id = as(REVIEWER).get(REPORTS).then().statusCode(200)
                .body("find { it.text == 'Åpningstidene på lørdag stemmer ikke lenger' }.serviceName", is("RUSinfo"))
                .extract().path("find { it.text == 'Åpningstidene på lørdag stemmer ikke lenger' }.id");
        as(REVIEWER).body(Map.of("note", "Rettet etter telefon med tjenesten")).post(REPORTS + "/" + id + "/close")
                .then().statusCode(200)
                .body("status", is("closed"))
                .body("closedBy", is("editor-bob"))
                .body("note", is("Rettet etter telefon med tjenesten"));
        as(REVIEWER).get(REPORTS).then().body("id", not(hasItem(id)));
        as(REVIEWER).get(REPORTS + "?status=closed").then().body("id", hasItem(id));
        as(REVIEWER).post(REPORTS + "/" + id + "/close").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void reportsAboutUnknownServicesOrWithoutTextAreProblems() {
        report("no-such-service", "Finnes ikke").statusCode(404).contentType("application/problem+json");
        report("uro-bergen", " ").statusCode(400).body("errors.field", hasItem(org.hamcrest.Matchers.containsString("text")));
        report("uro-bergen", "x".repeat(2001)).statusCode(400);
        as(REVIEWER).post(REPORTS + "/no-such-report/close").then().statusCode(404);
    }
}
