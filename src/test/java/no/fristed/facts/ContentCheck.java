package no.fristed.facts;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import no.fristed.common.ContentException;
import no.fristed.common.ContentFiles;
import no.fristed.testing.Validators;

/**
 * The content rules over a whole content folder, as the build checks them (the Java counterpart of the writers'
 * /work/tools/check_content.py): every page follows {@link FactRules}, every page exists in nb, nn and en, every
 * phone number in any file is a listed one, and every name in synonyms.yaml is a name some page is filed under.
 */
final class ContentCheck {

    /** Lines whose numbers are ids, coordinates, postal codes, ages or times, never phone numbers. */
    private static final Pattern NOT_PHONE_LINES = Pattern.compile(
            "(?m)^\\s*-?\\s*(id|latitude|longitude|postalCode|postal_code|lastVerified|lastReviewed|minAge|maxAge"
                    + "|opensAt|closesAt)\\s*:.*$");

    private ContentCheck() {
    }

    static List<String> problems(Path root) {
        ContentFiles files = new ContentFiles(Validators.plain());
        Set<String> problems = new LinkedHashSet<>();
        PhoneNumbers phoneNumbers;
        FactLoader loader;
        try {
            phoneNumbers = new PhoneNumbers(files, root);
            loader = new FactLoader(files, null, new FactRules(new FactSnippets(files, root), phoneNumbers), null, root);
        } catch (ContentException e) {
            return List.of(e.getMessage());
        }
        Map<String, Set<String>> languages = new TreeMap<>();
        Set<String> names = new HashSet<>();
        for (Path file : files.list(root.resolve("facts"), ".md")) {
            String[] parts = file.getFileName().toString().split("\\.");
            languages.computeIfAbsent(parts[0], slug -> new TreeSet<>()).add(parts.length == 3 ? parts[1] : "?");
            try {
                FactLoader.FactFile page = loader.parse(file);
                names.addAll(page.content().substances());
                names.addAll(page.content().topics());
            } catch (ContentException e) {
                problems.add(e.getMessage());
            }
        }
        languages.forEach((slug, langs) -> FactRules.LANGUAGES.stream().filter(lang -> !langs.contains(lang))
                .forEach(lang -> problems.add("facts/" + slug + "." + lang + ".md is missing: every page is written in "
                        + String.join(", ", FactRules.LANGUAGES))));
        for (String dir : List.of("facts", "snippets", "canned", "services")) {
            for (Path file : files.list(root.resolve(dir), dir.equals("facts") || dir.equals("snippets") ? ".md" : ".yaml")) {
                String text = NOT_PHONE_LINES.matcher(files.text(file)).replaceAll("");
                phoneNumbers.unknownIn(text).forEach(number -> problems.add(root.relativize(file)
                        + ": the phone number '" + number + "' is not in taxonomy/phone-numbers.yaml"));
            }
        }
        files.read(root.resolve("facts/synonyms.yaml"), new TypeReference<Map<String, List<String>>>() { }).keySet()
                .stream().filter(name -> !names.contains(name))
                .forEach(name -> problems.add("facts/synonyms.yaml: no page is filed under '" + name + "'"));
        return new ArrayList<>(problems);
    }
}
