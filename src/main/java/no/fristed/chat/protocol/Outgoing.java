package no.fristed.chat.protocol;

/**
 * A frame on its way to a participant, as JSON. A logged frame carries its conversation and seq, so that a socket
 * can tell whether its own resume covers it; a replayed one is part of a resume.
 */
public record Outgoing(String json, String conversationId, long loggedSeq, boolean replay) {

    public Outgoing(String json, String conversationId, long loggedSeq) {
        this(json, conversationId, loggedSeq, false);
    }

    /** A frame outside any conversation's log (queue positions, errors, typing). */
    public static Outgoing control(String json) {
        return new Outgoing(json, null, 0);
    }

    public boolean logged() {
        return conversationId != null && loggedSeq > 0;
    }

    public Outgoing replayed() {
        return new Outgoing(json, conversationId, loggedSeq, true);
    }
}
