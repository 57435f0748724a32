package no.fristed.facts;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentException;
import no.fristed.common.ContentFiles;
import no.fristed.common.ContentFingerprint;
import no.fristed.common.Hashes;
import no.fristed.common.Problem.FieldError;
import no.fristed.common.StartupSync;

/**
 * Loads content/facts/&lt;slug&gt;.&lt;lang&gt;.md (YAML front matter between --- lines, then Markdown) at start-up.
 * Every file is checked against {@link FactRules} before anything is written; a page without sources, one that breaks
 * a content rule, or any other malformed file stops start-up with the file, the field and every problem named.
 * Unchanged files are skipped, and so is all of it when this build already loaded the same content.
 */
@ApplicationScoped
public class FactLoader {

    private static final Pattern FILE_NAME = Pattern.compile("([^.]+)\\.([a-z]{2})\\.md");
    static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R?(.*)\\z", Pattern.DOTALL);

    /** One parsed file. */
    record FactFile(String slug, String lang, FactContent content, String hash) {
    }

    private final ContentFiles files;
    private final FactService facts;
    private final FactRules rules;
    private final Path factsDir;
    private final ContentFingerprint fingerprint;

    FactLoader(ContentFiles files, FactService facts, FactRules rules, ContentFingerprint fingerprint,
            @ContentDir Path contentDir) {
        this.files = files;
        this.fingerprint = fingerprint;
        this.facts = facts;
        this.rules = rules;
        this.factsDir = contentDir.resolve("facts");
    }

    void onStart(@Observes StartupEvent event) {
        StartupSync.exclusivelyUnlessDone("facts", fingerprint.value(),
                () -> read().forEach(f -> facts.syncFromContent(f.slug(), f.lang(), f.content(), f.hash())));
    }

    List<FactFile> read() {
        List<FactFile> parsed = new ArrayList<>();
        for (Path file : files.list(factsDir, ".md")) {
            parsed.add(parse(file));
        }
        return parsed;
    }

    FactFile parse(Path file) {
        return parse(file.toString(), file.getFileName().toString(), files.text(file));
    }

    /** Parses one page's text; {@code name} is what errors call it, {@code fileName} gives slug and language. */
    FactFile parse(String name, String fileName, String text) {
        Matcher nameParts = FILE_NAME.matcher(fileName);
        if (!nameParts.matches()) {
            throw new ContentException(name, null, "name the file <slug>.<lang>.md, for example cannabis.nb.md");
        }
        Matcher parts = FRONT_MATTER.matcher(text);
        if (!parts.matches()) {
            throw new ContentException(name, null, "the file must start with YAML front matter between two --- lines");
        }
        FactContent content = files.parse(name, parts.group(1), FactContent.class).withBody(parts.group(2));
        List<FieldError> errors = rules.violations(nameParts.group(1), nameParts.group(2), content);
        if (!errors.isEmpty()) {
            throw new ContentException(name, errors.get(0).field(), errors.stream()
                    .map(e -> e.field().equals(errors.get(0).field()) ? e.message() : e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")));
        }
        return new FactFile(nameParts.group(1), nameParts.group(2), content, Hashes.sha256(text));
    }
}
