package no.fristed.chat;

import java.util.Set;
import no.fristed.chat.protocol.Outgoing;

/** This instance's chat sockets as the bus sees them: it hands over what was published for them. */
public interface LocalSockets {

    /** Applies a published message to the participant's sockets here, if there are any. */
    void deliver(ChatBus.Message message);

    /** Whether a socket of the participant is open here. */
    boolean holds(String participant);

    /** Every participant with a socket here. */
    Set<String> participants();

    /** A frame for every socket here (e.g. that the chat state was lost). */
    void broadcast(Outgoing frame);
}
