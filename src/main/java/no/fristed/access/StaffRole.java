package no.fristed.access;

import no.fristed.common.Coded;

/** What a staff member may do; each is a JWT group of the same name. */
public enum StaffRole implements Coded {
    COUNSELLOR, EDITOR, SUPERVISOR, ADMIN
}
