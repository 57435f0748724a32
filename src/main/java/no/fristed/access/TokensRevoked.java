package no.fristed.access;

/**
 * Fired when this instance learns that tokens stopped working (its own revocation, or another instance's found in
 * the database), so that whoever holds connections opened with a token can check them again.
 */
public record TokensRevoked() {
}
