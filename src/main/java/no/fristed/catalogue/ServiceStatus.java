package no.fristed.catalogue;

import no.fristed.common.Coded;

/** Lifecycle of a catalogue entry; retired entries are kept but no longer shown. */
public enum ServiceStatus implements Coded {
    ACTIVE, RETIRED
}
