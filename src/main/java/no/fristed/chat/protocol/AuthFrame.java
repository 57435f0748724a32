package no.fristed.chat.protocol;

/** The first frame of a socket whose token is not in the URL, on either side. */
public interface AuthFrame {

    String token();
}
