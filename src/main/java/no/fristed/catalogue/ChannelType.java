package no.fristed.catalogue;

import no.fristed.common.Coded;

/** How a young person can reach a service. */
public enum ChannelType implements Coded {
    PHONE, SMS, CHAT, DROP_IN, WEB, EMAIL
}
