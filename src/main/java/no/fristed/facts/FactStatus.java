package no.fristed.facts;

import no.fristed.common.Coded;

/** Editorial state of one version of a page: draft, in review, published, archived (superseded or withdrawn). */
public enum FactStatus implements Coded {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED
}
