package no.fristed.chat;

import java.time.Instant;

/** A counsellor's availability as the queue sees it. */
public class CounsellorPresence {

    public String username;
    public boolean available;
    public int capacity;
    public boolean connected;
    public Instant disconnectedAt;
    /** Whether their token has the supervisor role: they get alerts and may monitor, whisper, join and take over. */
    public boolean supervisor;
}
