package no.fristed.facts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentFiles;
import no.fristed.common.JsonAnswers;
import no.fristed.common.Reloadable;

/**
 * Every published page in memory with its search index, so reading and searching never touch the database. Rebuilt
 * after a publish or archive here, and when another instance's change shows in the fingerprint. Search answers are
 * kept with the published set they came from, while no page in it expires.
 */
@ApplicationScoped
public class FactLibrary {

    /** A search, and how many pages of the published set had expired when it was asked. */
    private record SearchKey(String text, List<String> languages, AgeBand band, int limit, int expired) {
    }

    /** The published set, with the moments its pages expire (sorted) and the search answers given. */
    private record Library(Map<String, Map<String, PublishedFact>> bySlug, FactIndex index, Instant[] expiries,
            JsonAnswers<SearchKey> answers) {

        Optional<PublishedFact> find(String slug, List<String> languages, Instant now) {
            Map<String, PublishedFact> versions = bySlug.getOrDefault(slug, Map.of());
            return languages.stream().map(versions::get).filter(f -> f != null && f.visibleAt(now)).findFirst();
        }

        /** Every page visible now, each in the first of the languages that has it. */
        Stream<PublishedFact> visible(List<String> languages, Instant now) {
            return bySlug.keySet().stream().flatMap(slug -> find(slug, languages, now).stream());
        }
    }

    private final Map<String, List<String>> synonyms;
    private final FactSnippets snippets;
    private final ObjectMapper json;
    private final Reloadable<Library> library = new Reloadable<>(this::load, FactLibrary::fingerprint);

    FactLibrary(ContentFiles files, FactSnippets snippets, @ContentDir Path contentDir, ObjectMapper json) {
        this.snippets = snippets;
        this.json = json;
        synonyms = files.read(contentDir.resolve("facts/synonyms.yaml"), new TypeReference<Map<String, List<String>>>() { });
    }

    /** The page in the first of the languages that has it, if it is visible now. */
    public Optional<PublishedFact> find(String slug, List<String> languages, Instant now) {
        return library.get().find(slug, languages, now);
    }

    /** Every visible page, each in the first of the languages that has it, sorted by title. */
    public List<PublishedFact> all(List<String> languages, Instant now) {
        return library.get().visible(languages, now)
                .sorted(Comparator.comparing(f -> f.content().title()))
                .toList();
    }

    /**
     * Search results as JSON: pages visible now in the first of the languages that has them, in one band's text (or
     * each page's default band when {@code band} is null), best first.
     */
    byte[] searchJson(String text, List<String> languages, AgeBand band, int limit, Instant now) {
        Library current = library.get();
        SearchKey key = new SearchKey(text, languages, band, limit, JsonAnswers.passed(current.expiries(), now));
        return current.answers().get(key, () -> search(current, text, languages, band, limit, now));
    }

    private static FactViews.SearchResults search(Library current, String text, List<String> languages, AgeBand band,
            int limit, Instant now) {
        Set<String> pageIds = current.visible(languages, now).map(PublishedFact::pageId).collect(Collectors.toSet());
        List<FactViews.SearchHit> hits = current.index().search(text, pageIds, band, limit).stream()
                .flatMap(hit -> current.find(hit.slug(), List.of(hit.lang()), now).stream()
                        .map(f -> new FactViews.SearchHit(f.slug(), f.lang(), f.content().kind(), f.content().title(),
                                f.content().summary(), hit.band(), hit.highlight())))
                .toList();
        return new FactViews.SearchResults(text, hits);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) FactsChanged change) {
        library.invalidate();
    }

    @Scheduled(every = "${fristed.cache.refresh-interval}", delayed = "${fristed.cache.refresh-interval}")
    void reloadIfChangedElsewhere() {
        library.reloadIfChangedElsewhere();
    }

    private Library load() {
        List<Object[]> rows = FactVersion.getEntityManager().createQuery(
                "select p, v from FactPage p, FactVersion v where v.pageId = p.id and v.status = ?1", Object[].class)
                .setParameter(1, FactStatus.PUBLISHED).getResultList();
        Map<String, Map<String, PublishedFact>> bySlug = new HashMap<>();
        List<PublishedFact> facts = rows.stream().map(row -> {
            FactPage page = (FactPage) row[0];
            FactVersion version = (FactVersion) row[1];
            // Snippets are filled in here, not when saved, so a corrected snippet file corrects every page.
            return new PublishedFact(page.slug, page.lang, version.version, snippets.expand(version.content, page.lang),
                    version.publishedAt);
        }).toList();
        facts.forEach(f -> bySlug.computeIfAbsent(f.slug(), s -> new HashMap<>()).put(f.lang(), f));
        Instant[] expiries = facts.stream().map(f -> f.content().expiresAt()).filter(Objects::nonNull).sorted()
                .toArray(Instant[]::new);
        return new Library(bySlug, new FactIndex(facts, synonyms), expiries, new JsonAnswers<>(json));
    }

    private static String fingerprint() {
        Object[] row = FactVersion.getEntityManager().createQuery(
                "select count(v), sum(v.version), max(v.publishedAt) from FactVersion v where v.status = ?1",
                Object[].class).setParameter(1, FactStatus.PUBLISHED).getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2];
    }
}
