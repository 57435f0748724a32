package no.fristed.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Stores a page's sources as a JSON array in one column. */
@Converter
public class SourcesConverter implements AttributeConverter<List<FactContent.Source>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<FactContent.Source>> TYPE = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(List<FactContent.Source> sources) {
        try {
            return JSON.writeValueAsString(sources);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sources cannot be written", e);
        }
    }

    @Override
    public List<FactContent.Source> convertToEntityAttribute(String column) {
        try {
            return JSON.readValue(column, TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sources are not valid JSON", e);
        }
    }
}
