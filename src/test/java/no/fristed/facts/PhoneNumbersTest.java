package no.fristed.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    private static final PhoneNumbers KNOWN = new PhoneNumbers(List.of("113", "116 117", "22 59 13 00", "02800",
            "415 24 141").stream().map(number -> new PhoneNumbers.Entry(number, "test", "test", null)).toList());

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Ring 113 med en gang.",
        "Giftinformasjonen: **22 59 13 00**.",
        "Giftinformasjonen på 22591300.",
        "Ring +47 22 59 13 00 fra utlandet.",
        "Legevakten når du på 116 117, politiet på 02800.",
        "URO: 415 24 141.",
        "Ring 113-sentralen (113) eller legevakt (116 117)!",
    })
    void aListedNumberIsAcceptedHoweverItIsSpaced(String text) {
        assertEquals(List.of(), KNOWN.unknownIn(text));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Ring Giftinformasjonen på 22 59 13 01.    | 22 59 13 01",
        "Ring 22591301.                            | 22591301",
        "Ring 915 55 555 for å få hjelp.           | 915 55 555",
        "Ring +47 915 55 555.                      | +47 915 55 555",
        "Ring 112 hvis det brenner.                | 112",
        "Legevakt: 116 118.                        | 116 118",
        "Politiet: 02801.                          | 02801",
        "Mistyped: 22 59 13 0 is still a number.   | 22 59 13 0",
    })
    void anyOtherPhoneLikeNumberIsReported(String text, String number) {
        assertEquals(List.of(number), KNOWN.unknownIn(text));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Etter pasient- og brukerrettighetsloven § 3-4 og §§ 3-4, 4-3 kan foreldre få vite.",
        "Straffeloven § 196 om avvergeplikt, barnevernsloven § 13-2, helsepersonelloven § 33.",
        "Se https://lovdata.no/dokument/NL/lov/1999-07-02-63/KAPITTEL_3#%C2%A73-4 og www.ung.no/rus/3382_Syntetisk.html.",
        "[Helsenorge](https://www.helsenorge.no/giftinformasjon/22591300) forklarer.",
        "I 2024 og 2025 svarte de på 120 000 henvendelser, 1 000 000 i alt.",
        "For alderen 13-15 og 16–17; siste endring 2026-11-01, kl. 22:00, 0,5 promille, 24/7.",
        "Postnummer 5003 Bergen, 7030 Trondheim.",
        "Over 18 år, 30 dager eller 60 dager.",
        "Ved 100 % sikkerhet og 500 kroner i bot.",
    })
    void lawSectionsYearsAmountsAndAddressesAreNotPhoneNumbers(String text) {
        assertEquals(List.of(), KNOWN.unknownIn(text));
    }
}
