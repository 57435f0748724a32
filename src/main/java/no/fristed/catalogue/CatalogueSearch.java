package no.fristed.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.fristed.common.JsonAnswers;
import no.fristed.common.Page;
import org.apache.lucene.util.SloppyMath;

/**
 * The help finder: filters the in-memory catalogue, works out opening state and distance, sorts and pages. Opening
 * hours are worked out once a day per service, and answers are kept until the catalogue changes, the day ends or a
 * service opens or closes (near-me answers are never kept).
 */
@ApplicationScoped
public class CatalogueSearch {

    private final CatalogueCache cache;
    private final Taxonomy taxonomy;
    private final NorwegianHolidays holidays;
    private final Clock clock;
    private final ObjectMapper json;
    private volatile Day day;

    CatalogueSearch(CatalogueCache cache, Taxonomy taxonomy, NorwegianHolidays holidays, Clock clock,
            ObjectMapper json) {
        this.cache = cache;
        this.taxonomy = taxonomy;
        this.holidays = holidays;
        this.clock = clock;
        this.json = json;
    }

    /** An entry whose source is older than this, and that no editor has verified since, is flagged oldSource. */
    static final Period OLD_SOURCE = Period.ofYears(5);

    private record Distance(double km, boolean approximate) {
    }

    private record Hit(CatalogueEntry entry, OpeningHours.Availability availability, Distance distance) {
    }

    /**
     * A search within one period in which no service opens or closes; {@code date} is the clock's, which says what
     * has ended and what rests on an old source.
     */
    private record AnswerKey(ServiceQuery query, LocalDate date, int period) {
    }

    /** An entry with its opening hours and the municipalities it serves that have a centre. */
    private record Listed(CatalogueEntry entry, OpeningHours hours, List<Taxonomy.Municipality> centres) {
    }

    /**
     * One catalogue (its entries, by id) on one Oslo date: the moments that date when any service opens or closes
     * (sorted), and the answers given.
     */
    private record Day(List<CatalogueEntry> entries, LocalDate date, List<Listed> listed, Map<String, Listed> byId,
            Instant[] changes, JsonAnswers<AnswerKey> answers) {
    }

    /** The search's answer as JSON, kept for the next same search unless it is near someone. */
    public byte[] searchJson(ServiceQuery query) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        Day today = day(now);
        if (query.near()) {
            return today.answers().uncached(() -> search(query, today, now));
        }
        AnswerKey key = new AnswerKey(query, now.toLocalDate(), JsonAnswers.passed(today.changes(), now.toInstant()));
        return today.answers().get(key, () -> search(query, today, now));
    }

    public Page<ServiceView> search(ServiceQuery query) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        return search(query, day(now), now);
    }

    private Page<ServiceView> search(ServiceQuery query, Day today, ZonedDateTime now) {
        List<ServiceView> views = today.listed().stream()
                .filter(l -> shown(l.entry(), now))
                .filter(l -> matches(l.entry().service(), query))
                .map(l -> new Hit(l.entry(), l.hours().at(now),
                        query.near() ? distance(l, query) : null))
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
        return Optional.ofNullable(day(now).byId().get(id)).filter(l -> shown(l.entry(), now))
                .map(l -> view(new Hit(l.entry(), l.hours().at(now), null), now));
    }

    /** Today's, made afresh when the catalogue has changed or a new day has begun in Oslo. */
    private Day day(ZonedDateTime now) {
        List<CatalogueEntry> entries = cache.entries();
        LocalDate date = now.withZoneSameInstant(OpeningHours.OSLO).toLocalDate();
        Day known = day;
        if (known != null && known.entries() == entries && known.date().equals(date)) {
            return known;
        }
        List<Listed> listed = entries.stream().map(e -> new Listed(e,
                new OpeningHours(e.service().schedules(), e.service().exceptions(), holidays::isHoliday),
                e.service().municipalities().stream().flatMap(name -> taxonomy.municipality(name).stream())
                        .filter(m -> m.latitude() != null).toList())).toList();
        Instant[] changes = listed.stream().flatMap(l -> l.hours().changesOn(date)).map(ZonedDateTime::toInstant)
                .sorted().distinct().toArray(Instant[]::new);
        Day fresh = new Day(entries, date, listed,
                listed.stream().collect(Collectors.toMap(l -> l.entry().service().id(), Function.identity())), changes,
                new JsonAnswers<>(json));
        day = fresh;
        return fresh;
    }

    /** Active and not past its end date (in Norway's calendar). */
    private static boolean shown(CatalogueEntry entry, ZonedDateTime now) {
        return entry.active() && !entry.service().endedBy(now.toLocalDate());
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
    private static Distance distance(Listed listed, ServiceQuery q) {
        Optional<Double> exact = listed.entry().service().locations().stream()
                .filter(l -> l.latitude() != null)
                .map(l -> km(q, l.latitude(), l.longitude()))
                .min(Comparator.naturalOrder());
        if (exact.isPresent()) {
            return new Distance(exact.get(), false);
        }
        return listed.centres().stream()
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
