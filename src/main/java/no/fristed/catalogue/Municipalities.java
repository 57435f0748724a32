package no.fristed.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import no.fristed.catalogue.Taxonomy.Municipality;
import org.apache.lucene.search.spell.LevenshteinDistance;

/**
 * Finds a municipality by what a young person types: any official or parallel name or the 4-digit code, ignoring
 * case, accents and the letters æ, ø, å ("tromso", "Hamaroy", "4601"). A name two municipalities share ("Herøy")
 * is ambiguous; an unknown one gets the closest names as suggestions.
 */
final class Municipalities {

    /** What a lookup found: exactly one municipality, or none with the names the reader may have meant. */
    record Match(Municipality municipality, List<String> suggestions) {
        boolean found() {
            return municipality != null;
        }
    }

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();

    private final List<Municipality> all;
    private final Map<String, Set<Municipality>> byKey = new HashMap<>();

    Municipalities(List<Municipality> all) {
        this.all = all.stream().sorted(Comparator.comparing(Municipality::name)).toList();
        for (Municipality m : all) {
            byKey.computeIfAbsent(m.code(), k -> new LinkedHashSet<>()).add(m);
            names(m).forEach(name -> keys(name).forEach(
                    key -> byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(m)));
        }
    }

    List<Municipality> all() {
        return all;
    }

    Match find(String typed) {
        String trimmed = typed.trim();
        Set<Municipality> found = lookUp(trimmed);
        if (found.isEmpty()) {
            found = lookUp(stripCounty(trimmed));
        }
        if (found.size() == 1) {
            return new Match(found.iterator().next(), List.of());
        }
        if (found.size() > 1) {
            return new Match(null, found.stream().map(Municipality::name).sorted().toList());
        }
        return new Match(null, closest(fold(trimmed)));
    }

    private Set<Municipality> lookUp(String name) {
        Set<Municipality> found = new LinkedHashSet<>();
        List.of(name.toLowerCase(Locale.ROOT), fold(name), foldShort(name))
                .forEach(key -> found.addAll(byKey.getOrDefault(key, Set.of())));
        return found;
    }

    /** The official name for a name or code, but only when it is exactly an official name (for catalogue files). */
    boolean isOfficialName(String name) {
        return all.stream().anyMatch(m -> m.name().equals(name));
    }

    private List<String> closest(String folded) {
        record Scored(String name, float score) {
        }
        return all.stream()
                .flatMap(m -> names(m).map(n -> new Scored(m.name(), DISTANCE.getDistance(folded, fold(stripCounty(n))))))
                .filter(s -> s.score() >= 0.6f)
                .sorted(Comparator.comparing(Scored::score).reversed())
                .map(Scored::name).distinct().limit(3).toList();
    }

    private static Stream<String> names(Municipality m) {
        return Stream.concat(Stream.of(m.name()), m.otherNames().stream());
    }

    /** The keys a name is found under: as written, and without the county that tells two of the same name apart. */
    private static List<String> keys(String name) {
        List<String> keys = new ArrayList<>();
        for (String variant : List.of(name, stripCounty(name))) {
            keys.add(variant.toLowerCase(Locale.ROOT));
            keys.add(fold(variant));
            keys.add(foldShort(variant));
        }
        return keys.stream().distinct().toList();
    }

    private static String stripCounty(String name) {
        return name.replaceFirst("\\s*\\(.*\\)\\s*$", "");
    }

    /** Lower case with accents removed and æ → ae, ø → o, å → a ("Bærum" → "baerum", "Hábmer" → "habmer"). */
    static String fold(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a")
                .replace("đ", "d").replace("ŧ", "t").replace("ŋ", "n").replace("š", "s").replace("č", "c")
                .replace("ž", "z");
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("\\s+", " ");
    }

    /** As {@link #fold}, but with æ → a, as people also type it ("Barum"). */
    private static String foldShort(String name) {
        return fold(name.toLowerCase(Locale.ROOT).replace("æ", "a"));
    }
}
