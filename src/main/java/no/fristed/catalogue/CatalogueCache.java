package no.fristed.catalogue;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.fristed.common.Reloadable;

/**
 * The whole catalogue in memory, so a search never touches the database (and a searcher's coordinates never get near
 * it). Reloaded after every local write, and when another instance's write shows in the fingerprint.
 */
@ApplicationScoped
public class CatalogueCache {

    private record Snapshot(List<CatalogueEntry> entries, Map<String, CatalogueEntry> byId) {
    }

    private final Reloadable<Snapshot> snapshot = new Reloadable<>(CatalogueCache::load, CatalogueCache::fingerprint);

    public List<CatalogueEntry> entries() {
        return snapshot.get().entries();
    }

    public Optional<CatalogueEntry> find(String id) {
        return Optional.ofNullable(snapshot.get().byId().get(id));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged change) {
        snapshot.invalidate();
    }

    @Scheduled(every = "${fristed.cache.refresh-interval}", delayed = "${fristed.cache.refresh-interval}")
    void reloadIfChangedElsewhere() {
        snapshot.reloadIfChangedElsewhere();
    }

    private static Snapshot load() {
        List<CatalogueEntry> entries = HelpService.<HelpService>listAll().stream()
                .map(CatalogueEntry::of)
                .sorted(Comparator.comparing(e -> e.service().name()))
                .toList();
        return new Snapshot(entries, entries.stream().collect(Collectors.toMap(e -> e.service().id(), Function.identity())));
    }

    private static String fingerprint() {
        Object[] row = HelpService.getEntityManager()
                .createQuery("select count(s), max(s.updatedAt) from HelpService s", Object[].class)
                .getSingleResult();
        return row[0] + "/" + row[1];
    }
}
