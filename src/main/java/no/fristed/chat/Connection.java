package no.fristed.chat;

import no.fristed.chat.protocol.Outgoing;

/** One open chat socket, for the frames meant for it alone (not the participant's other sockets). */
public interface Connection {

    void send(Outgoing frame);
}
