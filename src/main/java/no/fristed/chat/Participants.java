package no.fristed.chat;

/** How the bus and the sockets name the two sides of a chat. */
public final class Participants {

    private Participants() {
    }

    public static String youth(String session) {
        return "youth:" + session;
    }

    /** Null for a chat no counsellor has: frames for nobody are dropped. */
    public static String counsellor(String username) {
        return username == null ? null : "counsellor:" + username;
    }
}
