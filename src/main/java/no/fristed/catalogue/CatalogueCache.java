package no.fristed.catalogue;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.fristed.common.Reloadable;

/**
 * The whole catalogue in memory, so a search never touches the database (and a searcher's coordinates never get near
 * it). Reloaded after every local write, and when another instance's write shows in the fingerprint.
 */
@ApplicationScoped
public class CatalogueCache {

    private record Snapshot(List<CatalogueEntry> entries, Map<String, CatalogueEntry> byId, List<String> contacts) {
    }

    private final Reloadable<Snapshot> snapshot = new Reloadable<>(CatalogueCache::load, CatalogueCache::fingerprint);

    public List<CatalogueEntry> entries() {
        return snapshot.get().entries();
    }

    public Optional<CatalogueEntry> find(String id) {
        return Optional.ofNullable(snapshot.get().byId().get(id));
    }

    /**
     * What active services publish to be contacted at: channel values, organisation e-mail addresses and location
     * addresses; the same list instance until the catalogue changes.
     */
    public List<String> publicContacts() {
        return snapshot.get().contacts();
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
        List<String> contacts = entries.stream().filter(CatalogueEntry::active).map(CatalogueEntry::service)
                .flatMap(s -> Stream.of(s.channels().stream().map(Channel::value), Stream.of(s.organization().email()),
                        s.locations().stream().map(ServiceDocument.LocationDocument::address)).flatMap(values -> values))
                .filter(Objects::nonNull)
                .toList();
        return new Snapshot(entries, entries.stream().collect(Collectors.toMap(e -> e.service().id(), Function.identity())),
                contacts);
    }

    private static String fingerprint() {
        Object[] row = HelpService.getEntityManager()
                .createQuery("select count(s), max(s.updatedAt) from HelpService s", Object[].class)
                .getSingleResult();
        return row[0] + "/" + row[1];
    }
}
