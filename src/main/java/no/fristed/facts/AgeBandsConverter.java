package no.fristed.facts;

import jakarta.persistence.Converter;
import no.fristed.common.CodedListConverter;

/** Stores a page's audience as "13-15,16-17". */
@Converter
public class AgeBandsConverter extends CodedListConverter<AgeBand> {

    public AgeBandsConverter() {
        super(AgeBand.class);
    }
}
