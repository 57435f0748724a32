package no.fristed.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;

/**
 * Reads the human-edited YAML under content/ into validated records. Every failure names the file and the field,
 * so an editor can find the mistake without reading a stack trace.
 */
@ApplicationScoped
public class ContentFiles {

    private final ObjectMapper yaml = YAMLMapper.builder(new YAMLFactory())
            .findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final Validator validator;

    public ContentFiles(Validator validator) {
        this.validator = validator;
    }

    /** A content file's validated value and the hash of its text, so loaders can skip unchanged files. */
    public record Loaded<T>(T value, String hash) {
    }

    /** Reads a file once: parses and validates its text, and hashes the same text. */
    public <T> Loaded<T> load(Path file, Class<T> type) {
        String text = text(file);
        return new Loaded<>(parse(file.toString(), text, type), Hashes.sha256(text));
    }

    public <T> T read(Path file, TypeReference<T> type) {
        return read(file, yaml.getTypeFactory().constructType(type));
    }

    /** The files in a content directory whose names end with the suffix, sorted; a missing directory is an error. */
    public List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            throw new ContentException(dir.toString(), null, "directory not found");
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text; unreadable files are content errors. */
    public String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ContentException(file.toString(), null, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Parses and validates YAML text; {@code name} is what error messages call it. */
    public <T> T parse(String name, String text, Class<T> type) {
        return validated(name, parse(name, () -> yaml.readValue(text, type)));
    }

    private <T> T read(Path file, com.fasterxml.jackson.databind.JavaType type) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ContentException(name, null, "file not found");
        }
        return validated(name, parse(name, () -> yaml.readValue(text(file), type)));
    }

    private interface Reader<T> {
        T read() throws IOException;
    }

    private static <T> T parse(String name, Reader<T> reader) {
        try {
            T value = reader.read();
            if (value == null) {
                throw new ContentException(name, null, "the file is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ContentException(name, JsonErrors.fieldPath(e), describe(e));
        } catch (IOException e) {
            throw new ContentException(name, null, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private <T> T validated(String name, T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        violations.stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new ContentException(name, v.getPropertyPath().toString(), v.getMessage());
                });
        return value;
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf(" (");
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
