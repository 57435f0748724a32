package no.fristed.chat;

/** Who may see a logged frame on replay. */
public enum Audience {
    BOTH, YOUTH, COUNSELLOR;

    public boolean includes(Audience party) {
        return this == BOTH || this == party;
    }
}
