package no.fristed.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PrivacyGuardPropertiesTest {

    private final PrivacyGuard guard = new PrivacyGuard();

    @Property(tries = 3000)
    void anyTextIsCheckedWithoutFailingAndRedactionIsStable(@ForAll("messy") String text) {
        PrivacyGuard.Result result = guard.check(text);
        PrivacyGuard.Result again = guard.check(result.redacted());
        assertEquals(result.redacted(), again.redacted(), "redacted text must have nothing left to redact");
    }

    @Property(tries = 1000)
    void personalDataInsideAnyTextDoesNotSurviveRedaction(@ForAll("messy") String before, @ForAll("messy") String after,
            @ForAll("personalData") String secret) {
        String redacted = guard.check(before + " " + secret + " " + after).redacted();
        assertFalse(redacted.contains(secret), () -> "survived: " + secret + " in " + redacted);
    }

    @Provide
    Arbitrary<String> messy() {
        return Arbitraries.strings()
                .withChars("abcæøå ABCÆØÅ0123456789.,:;@+-_()/\n\t")
                .withCharRange('\u0000', '\u024F')
                .ofMaxLength(120);
    }

    @Provide
    Arbitrary<String> personalData() {
        return Arbitraries.of("41234567", "+47 412 34 567", "ola.nordmann@gmail.com", "15030710026",
                "45030710049", "1234.56.78903", "@ola_nordmann");
    }
}
