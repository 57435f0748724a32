package no.fristed.catalogue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The whole catalogue in memory, so a search never touches the database (and a searcher's coordinates never get near
 * it). Reloaded after every local write, and when another instance's write shows in the fingerprint.
 */
@ApplicationScoped
public class CatalogueCache {

    private record Snapshot(List<CatalogueEntry> entries, Map<String, CatalogueEntry> byId, String fingerprint) {
    }

    private volatile Snapshot snapshot;
    /** Bumped on every change, so a load that raced with a write is not kept. */
    private final AtomicLong generation = new AtomicLong();

    public List<CatalogueEntry> entries() {
        return current().entries();
    }

    public Optional<CatalogueEntry> find(String id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogueChanged change) {
        invalidate();
    }

    @Scheduled(every = "${fristed.catalogue.refresh-interval:30s}", delayed = "${fristed.catalogue.refresh-interval:30s}")
    void reloadIfChangedElsewhere() {
        Snapshot known = snapshot;
        if (known != null && !known.fingerprint().equals(QuarkusTransaction.joiningExisting().call(this::fingerprint))) {
            invalidate();
        }
    }

    private void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        if (known == null) {
            long loadedAt = generation.get();
            known = QuarkusTransaction.joiningExisting().call(this::load);
            if (generation.get() == loadedAt) {
                snapshot = known;
            }
        }
        return known;
    }

    private Snapshot load() {
        String fingerprint = fingerprint();
        List<CatalogueEntry> entries = HelpService.<HelpService>listAll().stream()
                .map(CatalogueEntry::of)
                .sorted(java.util.Comparator.comparing(e -> e.service().name()))
                .toList();
        return new Snapshot(entries, entries.stream().collect(Collectors.toMap(e -> e.service().id(), Function.identity())),
                fingerprint);
    }

    private String fingerprint() {
        Object[] row = HelpService.getEntityManager()
                .createQuery("select count(s), max(s.updatedAt) from HelpService s", Object[].class)
                .getSingleResult();
        return row[0] + "/" + row[1];
    }
}
