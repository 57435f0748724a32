package no.fristed.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.fristed.common.ContentFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The topics services are filed under and the municipalities the catalogue knows, read from content/taxonomy. */
@ApplicationScoped
public class Taxonomy {

    /** A topic a young person can search by, with labels per language. */
    public record Topic(String id, Map<String, String> label) {
    }

    /** A Norwegian municipality; the centre is used for an approximate distance when a service has no address. */
    public record Municipality(String name, String county, Double latitude, Double longitude) {
    }

    private final List<Topic> topics;
    private final Map<String, Topic> topicsById;
    private final Map<String, Municipality> municipalitiesByKey;

    Taxonomy(ContentFiles files, @ConfigProperty(name = "fristed.content.dir") Path contentDir) {
        Path dir = contentDir.resolve("taxonomy");
        topics = files.read(dir.resolve("topics.yaml"), new TypeReference<List<Topic>>() { });
        topicsById = topics.stream().collect(Collectors.toMap(Topic::id, Function.identity()));
        municipalitiesByKey = files.read(dir.resolve("municipalities.yaml"), new TypeReference<List<Municipality>>() { })
                .stream().collect(Collectors.toMap(m -> key(m.name()), Function.identity()));
    }

    public List<Topic> topics() {
        return topics;
    }

    public boolean isTopic(String id) {
        return topicsById.containsKey(id);
    }

    public Optional<Topic> topic(String id) {
        return Optional.ofNullable(topicsById.get(id));
    }

    /** The municipality by name, ignoring case ("bergen" finds Bergen). */
    public Optional<Municipality> municipality(String name) {
        return Optional.ofNullable(municipalitiesByKey.get(key(name)));
    }

    public List<Municipality> municipalities() {
        return municipalitiesByKey.values().stream()
                .sorted(java.util.Comparator.comparing(Municipality::name)).toList();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
