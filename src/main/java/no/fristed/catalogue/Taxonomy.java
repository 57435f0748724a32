package no.fristed.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentException;
import no.fristed.common.ContentFiles;

/** The topics services are filed under and the municipalities the catalogue knows, read from content/taxonomy. */
@ApplicationScoped
public class Taxonomy {

    /** A topic a young person can search by, with labels per language. */
    public record Topic(String id, Map<String, String> label) {
    }

    /**
     * A Norwegian municipality: SSB's 4-digit code, the official name, county and the parallel names (Norwegian
     * where the official one is Sami). The centre, where known, gives an approximate distance when a service has no
     * address.
     */
    public record Municipality(String code, String name, String county, List<String> otherNames, Double latitude,
            Double longitude) {
    }

    private final List<Topic> topics;
    private final Map<String, Topic> topicsById;
    private final Municipalities municipalities;

    Taxonomy(ContentFiles files, @ContentDir Path contentDir) {
        Path dir = contentDir.resolve("taxonomy");
        topics = files.read(dir.resolve("topics.yaml"), new TypeReference<List<Topic>>() { });
        topicsById = topics.stream().collect(Collectors.toMap(Topic::id, Function.identity()));
        municipalities = new Municipalities(readMunicipalities(files, dir.resolve("municipalities.tsv")));
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

    /** The municipality by any of its names or its code, ignoring case and accents ("tromso" finds Tromsø). */
    public Optional<Municipality> municipality(String name) {
        return Optional.ofNullable(municipalities.find(name).municipality());
    }

    /** The names a reader may have meant when {@link #municipality} finds none (ambiguous or close names). */
    public List<String> municipalitySuggestions(String name) {
        return municipalities.find(name).suggestions();
    }

    public boolean isOfficialMunicipalityName(String name) {
        return municipalities.isOfficialName(name);
    }

    public List<Municipality> municipalities() {
        return municipalities.all();
    }

    /** Reads the tab-separated list (comment lines start with #; the first other line names the columns). */
    private static List<Municipality> readMunicipalities(ContentFiles files, Path file) {
        List<String> lines = files.text(file).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<Municipality> list = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = Arrays.copyOf(line.split("\t", -1), 7);
            if (f[0] == null || !f[0].matches("\\d{4}") || f[1] == null || f[1].isBlank() || f[3] == null) {
                throw new ContentException(file.toString(), null, "not a municipality line (code, name, county_code, "
                        + "county, other_names, latitude, longitude): " + line);
            }
            list.add(new Municipality(f[0], f[1], f[3], f[4] == null || f[4].isBlank() ? List.of()
                    : Arrays.stream(f[4].split(",")).map(String::trim).toList(), decimal(f[5]), decimal(f[6])));
        }
        return list;
    }

    private static Double decimal(String value) {
        return value == null || value.isBlank() ? null : Double.valueOf(value);
    }
}
