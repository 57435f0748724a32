package no.fristed.catalogue;

import jakarta.persistence.Converter;
import no.fristed.common.CodedListConverter;

/** Stores a schedule's weekdays as the HSDS byday string ("MO,TU,WE"). */
@Converter
public class WeekdaysConverter extends CodedListConverter<Weekday> {

    public WeekdaysConverter() {
        super(Weekday.class);
    }
}
