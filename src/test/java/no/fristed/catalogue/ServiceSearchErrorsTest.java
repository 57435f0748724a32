package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ServiceSearchErrorsTest {

    @ParameterizedTest(name = "{0} is rejected on {1}")
    @CsvSource(delimiter = '|', value = {
        "municipality=Atlantis         | municipality",
        "age=400                       | age",
        "age=-1                        | age",
        "age=fifteen                   | age",
        "lat=60.39                     | lon",
        "lon=5.32                      | lat",
        "lat=91&lon=5                  | lat",
        "lat=abc&lon=5                 | lat",
        "lat=60&lon=181                | lon",
        "size=101                      | size",
        "size=0                        | size",
        "page=-1                       | page",
        "openNow=maybe                 | openNow",
        "anonymousOnly=1               | anonymousOnly",
        "channel=pigeon                | channel",
        "topic=astrology               | topic",
        "language=NORSK                | language",
    })
    void badParametersAreProblemDetailsNamingTheParameter(String query, String field) {
        given().when().get("/api/v1/services?" + query)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("type", containsString("fristed.no/problems/"))
                .body("errors.field", hasItem(field))
                .body("detail", not(containsString("Exception")));
    }

    @ParameterizedTest(name = "HSDS export rejects {0}")
    @CsvSource({"page=0", "per_page=501", "page=x"})
    void badExportParametersAreProblems(String query) {
        given().when().get("/api/v1/hsds/services?" + query)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
