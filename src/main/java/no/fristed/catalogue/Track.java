package no.fristed.catalogue;

import no.fristed.common.Coded;

/** What a contact enters: plain voluntary help, help that may report to barnevern, or the criminal-justice track. */
public enum Track implements Coded {
    VOLUNTARY_HELP, MAY_REPORT, CRIMINAL_JUSTICE
}
