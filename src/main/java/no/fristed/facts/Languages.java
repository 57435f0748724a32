package no.fristed.facts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Works out which content languages to try, in order: what the reader asked for, then nb → nn → en. */
final class Languages {

    private Languages() {
    }

    static List<String> chain(String requested, List<Locale> acceptable) {
        Set<String> chain = new LinkedHashSet<>();
        if (requested != null) {
            supported(requested).ifPresent(chain::add);
        }
        acceptable.forEach(locale -> supported(locale.getLanguage()).ifPresent(chain::add));
        chain.addAll(FactRules.LANGUAGES);
        return new ArrayList<>(chain);
    }

    private static java.util.Optional<String> supported(String tag) {
        String language = tag.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        // Plain "no" (Norwegian) reads as bokmål.
        String normalised = language.equals("no") ? "nb" : language;
        return FactRules.LANGUAGES.contains(normalised) ? java.util.Optional.of(normalised) : java.util.Optional.empty();
    }
}
