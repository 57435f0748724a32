package no.fristed.facts;

import no.fristed.common.Coded;

/** What a fact page is about: one substance, a topic, an urgent warning, or a published anonymous question and answer. */
public enum FactKind implements Coded {
    SUBSTANCE, TOPIC, WARNING, QA
}
