package no.fristed.access;

/** A feature that keeps data tied to a youth session (chat, questions, continuation codes) and can wipe it at once. */
public interface SessionDataWiper {

    void wipe(String sessionId);
}
