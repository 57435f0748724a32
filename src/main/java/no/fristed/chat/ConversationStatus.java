package no.fristed.chat;

import no.fristed.common.Coded;

/** Where a conversation is: in the queue, with a counsellor, or over (ended or cancelled while waiting). */
public enum ConversationStatus implements Coded {
    WAITING, ACTIVE, ENDED, CANCELLED;

    public boolean over() {
        return this == ENDED || this == CANCELLED;
    }
}
