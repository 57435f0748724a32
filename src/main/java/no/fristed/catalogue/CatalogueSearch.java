package no.fristed.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import no.fristed.common.Page;
import org.apache.lucene.util.SloppyMath;

/** The help finder: filters the in-memory catalogue, works out opening state and distance, sorts and pages. */
@ApplicationScoped
public class CatalogueSearch {

    private final CatalogueCache cache;
    private final Taxonomy taxonomy;
    private final NorwegianHolidays holidays;
    private final Clock clock;

    CatalogueSearch(CatalogueCache cache, Taxonomy taxonomy, NorwegianHolidays holidays, Clock clock) {
        this.cache = cache;
        this.taxonomy = taxonomy;
        this.holidays = holidays;
        this.clock = clock;
    }

    /** An entry whose source is older than this, and that no editor has verified since, is flagged oldSource. */
    static final Period OLD_SOURCE = Period.ofYears(5);

    private record Distance(double km, boolean approximate) {
    }

    private record Hit(CatalogueEntry entry, OpeningHours.Availability availability, Distance distance) {
    }

    public Page<ServiceView> search(ServiceQuery query) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<ServiceView> views = cache.entries().stream()
                .filter(e -> shown(e, now))
                .filter(e -> matches(e.service(), query))
                .map(e -> new Hit(e, availability(e.service(), now), query.near() ? distance(e.service(), query) : null))
                .filter(h -> !query.openNow() || Boolean.TRUE.equals(h.availability().openNow()))
                .sorted(order(query))
                .map(h -> view(h, now))
                .toList();
        return Page.of(views, query.page(), query.size());
    }

    /** National services open right now: what to offer when the chat is closed. */
    public List<ServiceView> openNationalLines() {
        return search(new ServiceQuery(null, null, null, null, null, true, false, null, null, null, 0, 100)).items()
                .stream().filter(v -> v.service().national()).limit(6).toList();
    }

    public Optional<ServiceView> find(String id) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return cache.find(id).filter(e -> shown(e, now))
                .map(e -> view(new Hit(e, availability(e.service(), now), null), now));
    }

    /** Active and not past its end date (in Norway's calendar). */
    private static boolean shown(CatalogueEntry entry, ZonedDateTime now) {
        return entry.active() && !entry.service().endedBy(now.toLocalDate());
    }

    public OpeningHours.Availability availability(ServiceDocument service, ZonedDateTime now) {
        return new OpeningHours(service.schedules(), service.exceptions(), holidays::isHoliday).at(now);
    }

    private boolean matches(ServiceDocument s, ServiceQuery q) {
        return (q.municipality() == null || servesMunicipality(s, q.municipality().name()))
                && (q.topic() == null || s.topics().contains(q.topic()))
                && (q.age() == null || eligibleAt(s.eligibility(), q.age()))
                && (!q.anonymousOnly() || s.anonymous() == Anonymity.YES)
                && (q.channel() == null || s.channels().stream().anyMatch(c -> c.type() == q.channel()))
                && (q.language() == null || s.languages().contains(q.language()))
                && (q.text() == null || containsAllWords(s, q.text()));
    }

    private static boolean servesMunicipality(ServiceDocument s, String municipality) {
        return s.national() || s.coverage() == ServiceDocument.Coverage.EVERY_MUNICIPALITY
                || s.municipalities().contains(municipality)
                || s.locations().stream().anyMatch(l -> l.municipality().equals(municipality));
    }

    static boolean eligibleAt(ServiceDocument.Eligibility eligibility, int age) {
        return eligibility == null
                || (eligibility.minAge() == null || age >= eligibility.minAge())
                && (eligibility.maxAge() == null || age <= eligibility.maxAge());
    }

    private boolean containsAllWords(ServiceDocument s, String text) {
        String haystack = Stream.concat(
                        Stream.of(s.name(), s.alternateName(), s.description(), s.organization().name()),
                        s.topics().stream().flatMap(t -> taxonomy.topic(t).stream()).flatMap(t -> t.label().values().stream()))
                .filter(Objects::nonNull)
                .map(v -> v.toLowerCase(Locale.ROOT))
                .reduce("", (a, b) -> a + " " + b);
        return Stream.of(text.toLowerCase(Locale.ROOT).split("\\s+")).filter(w -> !w.isEmpty()).allMatch(haystack::contains);
    }

    /** Nearest own location; failing that the centre of a municipality it serves, marked approximate. */
    private Distance distance(ServiceDocument s, ServiceQuery q) {
        Optional<Double> exact = s.locations().stream()
                .filter(l -> l.latitude() != null)
                .map(l -> km(q, l.latitude(), l.longitude()))
                .min(Comparator.naturalOrder());
        if (exact.isPresent()) {
            return new Distance(exact.get(), false);
        }
        return s.municipalities().stream()
                .flatMap(name -> taxonomy.municipality(name).stream())
                .filter(m -> m.latitude() != null)
                .map(m -> km(q, m.latitude(), m.longitude()))
                .min(Comparator.naturalOrder())
                .map(km -> new Distance(km, true))
                .orElse(null);
    }

    private static double km(ServiceQuery q, double latitude, double longitude) {
        return SloppyMath.haversinMeters(q.latitude(), q.longitude(), latitude, longitude) / 1000.0;
    }

    /**
     * Near me: by distance, services without a place (national lines) last. Otherwise local services before national
     * ones, each by name.
     */
    private static Comparator<Hit> order(ServiceQuery query) {
        Comparator<Hit> byName = Comparator.comparing(h -> h.entry().service().name(), String.CASE_INSENSITIVE_ORDER);
        if (query.near()) {
            return Comparator.<Hit, Double>comparing(h -> h.distance() == null ? null : h.distance().km(),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byName);
        }
        Predicate<Hit> national = h -> h.entry().service().national();
        return Comparator.<Hit, Boolean>comparing(national::test).thenComparing(byName);
    }

    private static ServiceView view(Hit hit, ZonedDateTime now) {
        Distance distance = hit.distance();
        ServiceDocument service = hit.entry().service();
        return new ServiceView(service, hit.entry().status(),
                ServiceView.AvailabilityView.of(hit.availability()),
                distance == null ? null : Math.round(distance.km() * 10) / 10.0,
                distance == null ? null : distance.approximate(),
                service.restsOnOldSource(now.toLocalDate(), OLD_SOURCE));
    }
}
