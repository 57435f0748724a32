package no.fristed.common;

import jakarta.persistence.AttributeConverter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Stores a list of coded enum values in one column as their codes joined by commas ("MO,TU"). */
public abstract class CodedListConverter<E extends Enum<E> & Coded> implements AttributeConverter<List<E>, String> {

    private final Class<E> type;

    protected CodedListConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(List<E> values) {
        return values == null ? "" : values.stream().map(Coded::code).collect(Collectors.joining(","));
    }

    @Override
    public List<E> convertToEntityAttribute(String column) {
        return column == null || column.isEmpty() ? List.of()
                : Arrays.stream(column.split(",")).map(code -> Coded.fromCode(type, code)).toList();
    }
}
