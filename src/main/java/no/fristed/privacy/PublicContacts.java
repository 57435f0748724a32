package no.fristed.privacy;

import java.util.List;

/**
 * Where the help services' own public contact data comes from (their phone numbers, e-mail addresses and street
 * addresses as the catalogue publishes them), which staff may pass on without it being redacted.
 */
public interface PublicContacts {

    /** The texts the contact data is read from; the same list instance for as long as nothing changed. */
    List<String> texts();
}
