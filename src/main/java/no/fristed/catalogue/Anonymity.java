package no.fristed.catalogue;

import no.fristed.common.Coded;

/** Whether a young person can use a service without giving who they are. */
public enum Anonymity implements Coded {
    YES, PARTLY, NO, UNKNOWN
}
