package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDateTime;
import no.fristed.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceSearchTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ValidatableResponse searchAt(String osloTime, String query) {
        clock.setOslo(LocalDateTime.parse(osloTime));
        return given().when().get("/api/v1/services?" + query).then().statusCode(200);
    }

    @Test
    void tuesdayAfternoonInBergenShowsTheLifuDropInButNotUroWhichClosedAt1530() {
        searchAt("2026-11-24T16:00", "municipality=Bergen&age=15&openNow=true&size=100")
                .body("items.id", hasItem("lifu-bergen"))
                .body("items.id", hasItem("utekontakten-bergen"))
                .body("items.id", not(hasItem("uro-bergen")))
                .body("items.availability.openNow", everyItem(is(true)))
                .body("items.find { it.id == 'lifu-bergen' }.availability.closesAt", is("2026-11-24T18:00:00+01:00"));
    }

    @Test
    void uroIsOpenOnATuesdayMorning() {
        searchAt("2026-11-24T09:00", "municipality=Bergen&age=15&openNow=true&size=100")
                .body("items.id", hasItem("uro-bergen"));
    }

    @Test
    void uroJoinsOpenNowAtEightAndLeavesAtHalfPastThreeEvenRightAfterTheSameSearch() {
        String query = "municipality=Bergen&age=15&openNow=true&size=100";
        searchAt("2026-11-24T07:59:59", query).body("items.id", not(hasItem("uro-bergen")));
        searchAt("2026-11-24T08:00", query).body("items.id", hasItem("uro-bergen"));
        searchAt("2026-11-24T15:29:59", query).body("items.id", hasItem("uro-bergen"));
        searchAt("2026-11-24T15:30", query).body("items.id", not(hasItem("uro-bergen")));
    }

    @Test
    void sundayExcludesUroButKeepsRoundTheClockLines() {
        searchAt("2026-11-29T12:00", "municipality=Bergen&age=15&openNow=true&size=100")
                .body("items.id", not(hasItem("uro-bergen")))
                .body("items.id", hasItem("alarmtelefonen"));
    }

    @Test
    void closedServicesSayWhenTheyNextOpen() {
        searchAt("2026-11-29T12:00", "municipality=Bergen&q=URO")
                .body("items.find { it.id == 'uro-bergen' }.availability.openNow", is(false))
                .body("items.find { it.id == 'uro-bergen' }.availability.nextOpens", is("2026-11-30T08:00:00+01:00"));
    }

    @Test
    void constitutionDayAndEasterMondayCloseWeekdayServices() {
        searchAt("2027-05-17T10:00", "municipality=Bergen&openNow=true&size=100")
                .body("items.id", not(hasItem("uro-bergen")))
                .body("items.id", hasItem("nodnummer-113"));
        searchAt("2027-03-29T10:00", "municipality=Bergen&openNow=true&size=100")
                .body("items.id", not(hasItem("uro-bergen")));
        searchAt("2027-03-30T10:00", "municipality=Bergen&openNow=true&size=100")
                .body("items.id", hasItem("uro-bergen"));
    }

    @Test
    void ageEligibilityIncludesBothEndsOfTheRange() {
        searchAt("2026-11-24T10:00", "municipality=Bergen&age=14&size=100").body("items.id", not(hasItem("uro-bergen")));
        searchAt("2026-11-24T10:00", "municipality=Bergen&age=15&size=100").body("items.id", hasItem("uro-bergen"));
        searchAt("2026-11-24T10:00", "municipality=Bergen&age=25&size=100").body("items.id", hasItem("uro-bergen"));
        searchAt("2026-11-24T10:00", "municipality=Bergen&age=26&size=100").body("items.id", not(hasItem("uro-bergen")));
    }

    @Test
    void anonymousOnlyLeavesOutServicesThatRegisterOrIdentify() {
        searchAt("2026-11-24T10:00", "anonymousOnly=true&size=100")
                .body("items.anonymous", everyItem(is("yes")))
                .body("items.id", hasItem("rusinfo"))
                .body("items.id", not(hasItem("alarmtelefonen")));
    }

    @Test
    void otherMunicipalitiesLocalServicesAreNotShownButNationalOnesAre() {
        searchAt("2026-11-24T10:00", "municipality=trondheim&size=100")
                .body("items.id", hasItem("uteseksjonen-trondheim"))
                .body("items.id", hasItem("rusinfo"))
                .body("items.id", not(hasItem("uro-bergen")));
    }

    @Test
    void localServicesComeBeforeNationalOnes() {
        searchAt("2026-11-24T10:00", "municipality=Bergen&size=100")
                .body("items[0].national", is(false))
                .body("items[-1].national", is(true));
    }

    @Test
    void topicChannelAndLanguageFiltersNarrowTheList() {
        searchAt("2026-11-24T10:00", "topic=cannabis&channel=phone&size=100")
                .body("items.size()", greaterThan(0))
                .body("items.topics", everyItem(hasItem("cannabis")))
                .body("items.channels.type", everyItem(hasItem("phone")));
        searchAt("2026-11-24T10:00", "language=nn&size=100").body("items.id", hasItem("ung-no"))
                .body("items.id", not(hasItem("uro-bergen")));
    }

    @Test
    void freeTextMatchesNamesAndTopicLabels() {
        searchAt("2026-11-24T10:00", "q=alarmtelefonen").body("items.id", hasItem("alarmtelefonen"));
        searchAt("2026-11-24T10:00", "q=pårørende&size=100").body("items.id", hasItem("al-anon"));
    }

    @Test
    void pagesAreLimitedBySizeAndReportTheTotal() {
        searchAt("2026-11-24T10:00", "size=5&page=1")
                .body("items.size()", is(5))
                .body("page", is(1))
                .body("total", greaterThan(30));
    }

    @Test
    void aServiceCanBeReadByIdAndUnknownIdsAreProblems() {
        given().get("/api/v1/services/uro-bergen").then().statusCode(200)
                .body("name", is("URO – Ung Rus Oppdagelse"))
                .body("track", is("voluntary-help"))
                .body("whatHappens", not(is("")));
        given().get("/api/v1/services/no-such-service").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404));
    }

    @Test
    void organizationsListTheirServices() {
        given().get("/api/v1/organizations/helse-bergen").then().statusCode(200)
                .body("services.id", hasItem("uro-bergen"));
        given().get("/api/v1/organizations/nobody").then().statusCode(404);
    }

    @Test
    void topicsAndMunicipalitiesAreListed() {
        given().get("/api/v1/topics").then().statusCode(200)
                .body("id", hasItem("cannabis"))
                .body("find { it.id == 'cannabis' }.label.en", is("Cannabis"));
        given().get("/api/v1/municipalities").then().statusCode(200).body("name", hasItem("Bergen"));
    }
}
