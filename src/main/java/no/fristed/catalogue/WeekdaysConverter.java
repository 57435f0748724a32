package no.fristed.catalogue;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores a schedule's weekdays as the HSDS byday string ("MO,TU,WE"). */
@Converter
public class WeekdaysConverter implements AttributeConverter<List<Weekday>, String> {

    @Override
    public String convertToDatabaseColumn(List<Weekday> days) {
        return days.stream().map(Weekday::name).collect(Collectors.joining(","));
    }

    @Override
    public List<Weekday> convertToEntityAttribute(String byday) {
        return Arrays.stream(byday.split(",")).map(Weekday::valueOf).toList();
    }
}
