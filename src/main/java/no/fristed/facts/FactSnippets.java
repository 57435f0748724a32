package no.fristed.facts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.fristed.common.ContentException;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentFiles;
import no.fristed.common.Hashes;
import no.fristed.facts.FactContent.Source;

/**
 * Shared text written once and shown on many pages: a body line {@code <!-- include: akutt -->} stands for
 * content/snippets/akutt.&lt;lang&gt;.md (front matter: title, sources; then Markdown), in the page's language or
 * else bokmål. Pages are stored with the include line and expanded when read, so correcting a snippet file corrects
 * every page at the next start.
 */
@ApplicationScoped
public class FactSnippets {

    private static final Pattern FILE_NAME = Pattern.compile("(" + FactContent.KEY + ")\\.([a-z]{2})\\.md");
    private static final Pattern INCLUDE = Pattern.compile("<!--\\s*include:\\s*(\\S+?)\\s*-->");
    private static final String FALLBACK_LANGUAGE = "nb";

    /** One snippet in one language. */
    public record Snippet(@NotBlank @Size(max = 200) String title,
            @NotEmpty List<@NotNull @Valid Source> sources, String body) {

        Snippet withBody(String markdown) {
            return new Snippet(title, sources, markdown);
        }
    }

    private final Map<String, Map<String, Snippet>> byName;
    private final String fingerprint;

    FactSnippets(ContentFiles files, @ContentDir Path contentDir) {
        Map<String, Map<String, Snippet>> snippets = new HashMap<>();
        StringBuilder texts = new StringBuilder();
        for (Path file : files.list(contentDir.resolve("snippets"), ".md")) {
            String name = file.toString();
            Matcher parts = FILE_NAME.matcher(file.getFileName().toString());
            if (!parts.matches() || !FactRules.LANGUAGES.contains(parts.group(2))) {
                throw new ContentException(name, null, "name the file <name>.<lang>.md with lang one of "
                        + String.join(", ", FactRules.LANGUAGES) + ", for example akutt.nb.md");
            }
            String text = files.text(file);
            snippets.computeIfAbsent(parts.group(1), n -> new HashMap<>()).put(parts.group(2), parse(files, name, text));
            texts.append(name).append('\n').append(text).append('\n');
        }
        this.byName = snippets;
        this.fingerprint = Hashes.sha256(texts.toString()).substring(0, 16);
    }

    private static Snippet parse(ContentFiles files, String name, String text) {
        Matcher parts = FactLoader.FRONT_MATTER.matcher(text);
        if (!parts.matches()) {
            throw new ContentException(name, null, "the file must start with YAML front matter between two --- lines");
        }
        Snippet snippet = files.parse(name, parts.group(1), Snippet.class).withBody(parts.group(2).strip() + "\n");
        if (snippet.body().isBlank()) {
            throw new ContentException(name, "body", "must not be empty");
        }
        // A snippet is shown inside a page's band sections; its own markers would end them early.
        if (snippet.body().contains("<!--")) {
            throw new ContentException(name, "body", "a snippet cannot hold band markers, includes or other comments");
        }
        return snippet;
    }

    /** The snippet in the language, or in bokmål where that language has none. */
    public Optional<Snippet> find(String name, String lang) {
        Map<String, Snippet> languages = byName.getOrDefault(name, Map.of());
        return Optional.ofNullable(languages.getOrDefault(lang, languages.get(FALLBACK_LANGUAGE)));
    }

    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /** Changes whenever any snippet file changes, so cached pages are served afresh. */
    public String fingerprint() {
        return fingerprint;
    }

    private static Optional<String> includeName(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("<!--") || !trimmed.endsWith("-->")) {
            return Optional.empty();
        }
        Matcher include = INCLUDE.matcher(trimmed);
        return include.matches() ? Optional.of(include.group(1)) : Optional.empty();
    }

    /**
     * The page as readers get it: every include line replaced by its snippet in the page's language, and the
     * snippets' sources added after the page's own (each address once). An unknown snippet's line is left out.
     */
    FactContent expand(FactContent content, String lang) {
        StringJoiner body = new StringJoiner("\n");
        Map<String, FactContent.Source> sources = new LinkedHashMap<>();
        content.sources().forEach(s -> sources.putIfAbsent(s.url(), s));
        for (String line : content.body().split("\n", -1)) {
            Optional<String> name = includeName(line);
            if (name.isEmpty()) {
                body.add(line);
                continue;
            }
            find(name.get(), lang).ifPresent(snippet -> {
                body.add(snippet.body().strip());
                snippet.sources().forEach(s -> sources.putIfAbsent(s.url(), s));
            });
        }
        return content.withBodyAndSources(body.toString(), List.copyOf(sources.values()));
    }

    /** Names of snippets a body includes that do not exist, in order of appearance. */
    Set<String> unknown(String markdown) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String line : markdown.split("\n", -1)) {
            includeName(line).filter(name -> !byName.containsKey(name)).ifPresent(unknown::add);
        }
        return unknown;
    }

    /** Names of the snippets a body includes. */
    static Set<String> included(String markdown) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : markdown.split("\n", -1)) {
            includeName(line).ifPresent(names::add);
        }
        return names;
    }
}
