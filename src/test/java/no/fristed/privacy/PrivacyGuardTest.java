package no.fristed.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyGuardTest {

    private static final List<String> CATALOGUE_CONTACTS = List.of("55 21 50 90", "https://uteteamet.no",
            "post@uteteamet.no", "Strandgaten 5, 5013 Bergen");
    private final PrivacyGuard guard = new PrivacyGuard();

    private List<PersonalData> kinds(String text) {
        return guard.check(text).findings().stream().map(PrivacyGuard.Finding::kind).toList();
    }

    @ParameterizedTest(name = "{0} is a {1}")
    @CsvSource(delimiter = '|', value = {
        "ring meg på 41234567                      | PHONE",
        "ring meg på 412 34 567                    | PHONE",
        "ring meg på 41 23 45 67                   | PHONE",
        "nummeret er +47 412 34 567                | PHONE",
        "nummeret er +4741234567                   | PHONE",
        "pappa har 0047 41234567                   | PHONE",
        "ring 22 33 44 55 på dagtid                | PHONE",
        "min svenske er +46 70 123 45 67           | PHONE",
        "mail meg på ola.nordmann@gmail.com        | EMAIL",
        "skriv til Kari_99+test@skole.oslo.no      | EMAIL",
        "ola (at) gmail (dot) com                  | EMAIL",
        "send til ola[at]gmail.com i kveld         | EMAIL",
        "OLA (AT) GMAIL (DOT) COM                  | EMAIL",
        "kari.n {krøllalfa} skole [punktum] no     | EMAIL",
        "fnr 15030710026                           | NATIONAL_ID",
        "personnummer 150307 10026                 | NATIONAL_ID",
        "fnr 010101-12377                          | NATIONAL_ID",
        "311299-98787 er mitt                      | NATIONAL_ID",
        "født 01.01.01 12377                       | NATIONAL_ID",
        "D-nummer 45030710049                      | NATIONAL_ID",
        "kontonr 1234.56.78903                     | BANK_ACCOUNT",
        "kontonr 1234 56 78903                     | BANK_ACCOUNT",
        "jeg bor i Storgata 5                      | ADDRESS",
        "jeg bor i storgata 5b                     | ADDRESS",
        "adressen er Kongens gate 12B              | ADDRESS",
        "hos Thorvald Meyers gate 3                | ADDRESS",
        "vi bor i Sandviksveien 104                | ADDRESS",
        "følg meg på @ola_nordmann                 | HANDLE",
    })
    void personalDataIsFound(String text, PersonalData kind) {
        assertEquals(List.of(kind), kinds(text), text);
    }

    @ParameterizedTest(name = "\"{0}\" is left alone")
    @ValueSource(strings = {
        "jeg er 15",
        "jeg er 15 år og har drukket 3 ganger",
        "det skjedde i 2024, klokka 23:30",
        "vi var 12345 på konserten",
        "fnr 15030710027",
        "15030710036",
        "12345678",
        "mamma drikker hver dag, og pappa vet ikke",
        "vi bor i nærheten av skolen",
        "alle 3 vennene mine røyker",
        "på vei 2 ganger i uka",
        "e-post er kjipt",
        "vi møttes 01.01.01 klokka 12",
        "010101-12378",
        "hun (at) er rar (dot) com",
        "jeg (at) gmail",
        "hun @ er rar",
        "",
    })
    void ordinaryTextAgesAndInvalidNumbersAreNotFlagged(String text) {
        assertEquals(List.of(), kinds(text), text);
    }

    @Test
    void redactionReplacesEachFindingWithItsPlaceholder() {
        PrivacyGuard.Result result = guard.check("Hei, jeg er 15. Ring 41234567 eller ola@example.com, bor i Storgata 5.");
        assertEquals("Hei, jeg er 15. Ring [telefonnummer] eller [e-post], bor i [adresse].", result.redacted());
        assertEquals(3, result.findings().size());
        assertFalse(result.clean());
    }

    @Test
    void findingsReportWhereTheyAre() {
        String text = "tlf 41234567";
        PrivacyGuard.Finding finding = guard.check(text).findings().get(0);
        assertEquals("41234567", text.substring(finding.start(), finding.end()));
    }

    @Test
    void aValidNationalIdIsNotAlsoReportedAsAnAccountOrPhone() {
        assertEquals(List.of(PersonalData.NATIONAL_ID), kinds("15030710026 og 31129910065".substring(0, 11)));
        assertEquals(List.of(PersonalData.NATIONAL_ID, PersonalData.NATIONAL_ID), kinds("15030710026 og 31129910065"));
    }

    @Test
    void staffMayPassOnTheCatalogueContactDataButNothingElse() {
        PrivacyGuard withCatalogue = new PrivacyGuard(() -> CATALOGUE_CONTACTS);
        String answer = "Ring uteteamet på 55 21 50 90 (eller +47 55215090), skriv til Post@Uteteamet.no, "
                + "eller kom innom Strandgaten 5.";
        PrivacyGuard.Result staff = withCatalogue.checkStaffText(answer);
        assertEquals(answer, staff.redacted());
        assertTrue(staff.clean());
        assertEquals("Ring meg på [telefonnummer], jeg bor i [adresse]",
                withCatalogue.checkStaffText("Ring meg på 41234567, jeg bor i Storgata 5").redacted());
    }

    @Test
    void youngPeopleAreToldAboutTheCatalogueContactDataToo() {
        PrivacyGuard withCatalogue = new PrivacyGuard(() -> CATALOGUE_CONTACTS);
        assertEquals(List.of(PersonalData.PHONE, PersonalData.EMAIL, PersonalData.ADDRESS),
                withCatalogue.check("55 21 50 90, post@uteteamet.no, Strandgaten 5").findings().stream()
                        .map(PrivacyGuard.Finding::kind).toList());
    }

    @Test
    void nationalIdCheckDigitsAreBothVerified() {
        assertTrue(PrivacyGuard.isNationalId("15030710026"));
        assertFalse(PrivacyGuard.isNationalId("15030710016"), "first check digit wrong");
        assertFalse(PrivacyGuard.isNationalId("15030710025"), "second check digit wrong");
        assertFalse(PrivacyGuard.isNationalId("32130710026"), "no such date");
    }
}
