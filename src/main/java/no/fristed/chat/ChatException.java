package no.fristed.chat;

/** Something a chat client asked for that cannot be done; becomes an error frame, never a closed socket. */
public class ChatException extends RuntimeException {

    private final String code;

    public ChatException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
