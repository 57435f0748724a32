package no.fristed.privacy;

import no.fristed.common.Coded;

/** Kinds of personal data the guard finds, each with the placeholder that replaces it in redacted text. */
public enum PersonalData implements Coded {
    NATIONAL_ID("personnummer"),
    BANK_ACCOUNT("kontonummer"),
    EMAIL("e-post"),
    PHONE("telefonnummer"),
    ADDRESS("adresse"),
    HANDLE("brukernavn");

    private final String placeholder;

    PersonalData(String placeholder) {
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return "[" + placeholder + "]";
    }
}
