package no.fristed.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class MunicipalitySearchTest {

    /** The services every municipality has by law for a 15-year-old, which a search for any municipality must offer. */
    private static final String[] STATUTORY_LOCAL = {"skolehelsetjenesten", "fastlege", "legevakt",
        "helsestasjon-for-ungdom", "radgivende-enhet-russaker", "barneverntjenesten"};

    @Test
    void everyMunicipalityInNorwayIsKnown() {
        given().get("/api/v1/municipalities").then().statusCode(200)
                .body("size()", is(357))
                .body("find { it.code == '1875' }.name", is("Hábmer"))
                .body("find { it.code == '1875' }.otherNames", hasItem("Hamarøy"))
                .body("find { it.code == '4601' }.name", is("Bergen"));
    }

    /** One or more places in every county, typed as young people type them. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "Lindesnes, Lindesnes", "Hamarøy, Hábmer", "Hamaroy, Hábmer", "Hábmer, Hábmer", "habmer, Hábmer",
        "Kautokeino, Guovdageaidnu", "Guovdageaidnu, Guovdageaidnu", "tromso, Tromsø", "TROMSØ, Tromsø",
        "5501, Tromsø", "0301, Oslo", "baerum, Bærum", "Barum, Bærum", "Ålesund, Ålesund", "alesund, Ålesund",
        "Snåsa, Snåase", "Karasjok, Kárášjohka", "Vardø, Vardø", "Skien, Skien", "Halden, Halden", "Hamar, Hamar",
        "Lillehammer, Lillehammer", "Drammen, Drammen", "Tønsberg, Tønsberg", "Stavanger, Stavanger",
        "Sunnfjord, Sunnfjord", "Molde, Molde", "Steinkjer, Steinkjer", "Bodø, Bodø", "Alta, Alta", "Asker, Asker",
        "Sarpsborg, Sarpsborg", "Herøy (Nordland), Herøy (Nordland)", "1515, Herøy (Møre og Romsdal)"})
    void anyOfficialNameParallelNameOrCodeFindsTheMunicipalityAndItsNationalAndStatutoryServices(String typed,
            String official) {
        given().queryParam("municipality", typed).queryParam("age", 15).queryParam("size", 100)
                .get("/api/v1/services").then().statusCode(200)
                .body("items.id", hasItems("alarmtelefonen", "nodnummer-113"))
                .body("items.id", hasItems(STATUTORY_LOCAL));
        given().get("/api/v1/municipalities").then()
                .body("find { it.name == '" + official + "' }.code", not(is((Object) null)));
    }

    /** A sample from every county, by official, Sami and parallel names, codes and without accents. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Halden", "Moss", "0301", "Oslo", "Bærum", "baerum", "Lillestrøm", "lillestrom", "Hamar", "Engerdal",
        "Lillehammer", "Vågå", "vaga", "Drammen", "Hol", "Tønsberg", "Larvik", "Skien", "Vinje", "Arendal",
        "Kristiansand", "Åseral", "Stavanger", "Sauda", "Utsira", "4601", "Stord", "Solund", "Kinn", "Ålesund",
        "Molde", "Aukra", "Trondheim", "Snåsa", "Snåase", "Røyrvik", "Raarvihke", "Bodø", "Hamarøy", "Hábmer",
        "Værøy", "Tromsø", "Storfjord", "Kåfjord", "Gáivuotna", "Karlsøy", "Alta", "Kautokeino", "Guovdageaidnu",
        "Karasjok", "karasjohka", "Nesseby", "Unjárga", "Sør-Varanger", "5636"})
    void aSearchForAnyMunicipalityOffersTheStatutoryLocalServicesAndSaysHowToReachThem(String typed) {
        given().queryParam("municipality", typed).queryParam("size", 100).get("/api/v1/services").then()
                .statusCode(200)
                .body("items.id", hasItems(STATUTORY_LOCAL))
                .body("items.id", hasItem("oppfolgingstjenesten"))
                .body("items.find { it.id == 'legevakt' }.channels.value", hasItem("116 117"))
                .body("items.find { it.id == 'skolehelsetjenesten' }.localAccess", containsString("skolen"))
                .body("items.find { it.id == 'skolehelsetjenesten' }.coverage", is("every-municipality"))
                .body("items.find { it.id == 'helsestasjon-for-ungdom' }.description",
                        containsString("ikke alle har det"));
    }

    @Test
    void aTownsOwnServicesStayInThatTownWhileStatutoryOnesAreEverywhere() {
        given().queryParam("municipality", "Vardø").queryParam("size", 100).get("/api/v1/services").then()
                .statusCode(200)
                .body("items.id", not(hasItem("uro-bergen")))
                .body("items.id", not(hasItem("uteseksjonen-trondheim")))
                .body("items.id", hasItem("legevakt"));
    }

    @ParameterizedTest
    @CsvSource({"4601, uro-bergen", "bergen, uro-bergen", "BERGEN, uro-bergen", "5001, uteseksjonen-trondheim",
        "trondheim, uteseksjonen-trondheim"})
    void aCodeOrAnyCaseFindsTheLocalServicesToo(String typed, String local) {
        given().queryParam("municipality", typed).queryParam("size", 100).get("/api/v1/services").then()
                .statusCode(200).body("items.id", hasItem(local));
    }

    @Test
    void aNameTwoMunicipalitiesShareIsAProblemThatNamesBoth() {
        given().queryParam("municipality", "Herøy").get("/api/v1/services").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("municipality"))
                .body("errors[0].message", containsString("Herøy (Møre og Romsdal)"))
                .body("errors[0].message", containsString("Herøy (Nordland)"));
    }

    @Test
    void anUnknownNameIsAProblemThatSuggestsCloseNames() {
        given().queryParam("municipality", "Lindesness").get("/api/v1/services").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].message", containsString("Lindesnes"));
        given().queryParam("municipality", "Atlantis").get("/api/v1/services").then().statusCode(400)
                .body("errors[0].message", containsString("GET /api/v1/municipalities"));
    }

    @Test
    void aMunicipalitySentAsRawUtf8InTheQueryStringIsUnderstood() throws Exception {
        // curl sends "Tromsø" unencoded; REST Assured would percent-encode it, so write the request by hand.
        byte[] request = ("GET /api/v1/services?municipality=Tromsø&age=15 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            org.hamcrest.MatcherAssert.assertThat(text.lines().findFirst().orElse(""), containsString(" 200 "));
            org.hamcrest.MatcherAssert.assertThat(text, containsString("alarmtelefonen"));
        }
    }
}
