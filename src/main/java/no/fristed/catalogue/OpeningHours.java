package no.fristed.catalogue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Works out from weekly rules, dated exceptions and public holidays whether a service is open at a moment, when it
 * closes and when it next opens. All wall-clock times are Europe/Oslo, so daylight-saving changes are respected.
 * Each date's opening intervals, and where each interval's opening ends, are worked out once per instance.
 */
public final class OpeningHours {

    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** How far ahead "next opening" looks; a service closed longer than this shows no next opening. */
    private static final int LOOK_AHEAD_DAYS = 31;

    /** Open now or not, with the next change; {@code openNow} is null when the service publishes no hours. */
    public record Availability(Boolean openNow, ZonedDateTime closesAt, ZonedDateTime nextOpens) {

        static final Availability UNKNOWN = new Availability(null, null, null);
    }

    private record Interval(ZonedDateTime start, ZonedDateTime end) {

        boolean contains(ZonedDateTime moment) {
            return !moment.isBefore(start) && moment.isBefore(end);
        }
    }

    private final List<ServiceDocument.ScheduleRule> rules;
    private final List<ServiceDocument.ScheduleException> exceptions;
    private final Predicate<LocalDate> holiday;
    private final Map<LocalDate, List<Interval>> byDate = new ConcurrentHashMap<>();
    private final Map<Interval, Optional<ZonedDateTime>> closing = new ConcurrentHashMap<>();

    public OpeningHours(List<ServiceDocument.ScheduleRule> rules, List<ServiceDocument.ScheduleException> exceptions,
            Predicate<LocalDate> holiday) {
        this.rules = rules == null ? List.of() : rules;
        this.exceptions = exceptions == null ? List.of() : exceptions;
        this.holiday = holiday;
    }

    public Availability at(ZonedDateTime instant) {
        if (rules.isEmpty()) {
            return Availability.UNKNOWN;
        }
        ZonedDateTime now = instant.withZoneSameInstant(OSLO);
        LocalDate today = now.toLocalDate();
        Optional<Interval> current = Stream.of(today.minusDays(1), today)
                .flatMap(this::intervals).filter(i -> i.contains(now)).findFirst();
        if (current.isPresent()) {
            return new Availability(true,
                    closing.computeIfAbsent(current.get(), open -> Optional.ofNullable(closingAfter(open)))
                            .orElse(null),
                    null);
        }
        ZonedDateTime next = today.datesUntil(today.plusDays(LOOK_AHEAD_DAYS))
                .flatMap(this::intervals)
                .map(Interval::start)
                .filter(start -> start.isAfter(now))
                .min(Comparator.naturalOrder())
                .orElse(null);
        return new Availability(false, null, next);
    }

    /** Follows back-to-back intervals (a 24/7 line, an evening that runs past midnight) to the real closing time. */
    private ZonedDateTime closingAfter(Interval open) {
        ZonedDateTime end = open.end();
        for (int day = 0; day < LOOK_AHEAD_DAYS; day++) {
            ZonedDateTime current = end;
            Optional<ZonedDateTime> extended = Stream.of(current.toLocalDate().minusDays(1), current.toLocalDate())
                    .flatMap(this::intervals)
                    .filter(i -> !i.start().isAfter(current) && i.end().isAfter(current))
                    .map(Interval::end)
                    .max(Comparator.naturalOrder());
            if (extended.isEmpty()) {
                return end;
            }
            end = extended.get();
        }
        return null;
    }

    /**
     * The moments on a date (Oslo) when this service may open or close: between two of them, and within the date,
     * {@link #at} gives the same answer.
     */
    Stream<ZonedDateTime> changesOn(LocalDate date) {
        ZonedDateTime from = date.atStartOfDay(OSLO);
        ZonedDateTime to = date.plusDays(1).atStartOfDay(OSLO);
        return Stream.of(date.minusDays(1), date).flatMap(this::intervals)
                .flatMap(i -> Stream.of(i.start(), i.end()))
                .filter(moment -> !moment.isBefore(from) && moment.isBefore(to));
    }

    private Stream<Interval> intervals(LocalDate date) {
        return byDate.computeIfAbsent(date, this::computeIntervals).stream();
    }

    private List<Interval> computeIntervals(LocalDate date) {
        List<ServiceDocument.ScheduleException> special = exceptions.stream().filter(e -> e.date().equals(date)).toList();
        if (!special.isEmpty()) {
            return special.stream().filter(e -> !e.closed()).map(e -> interval(date, e.opensAt(), e.closesAt()))
                    .toList();
        }
        boolean isHoliday = holiday.test(date);
        return rules.stream()
                .filter(r -> r.byday().contains(Weekday.of(date.getDayOfWeek())))
                .filter(r -> r.validFrom() == null || !date.isBefore(r.validFrom()))
                .filter(r -> r.validTo() == null || !date.isAfter(r.validTo()))
                .filter(r -> r.openOnHolidays() || !isHoliday)
                .map(r -> interval(date, r.opensAt(), r.closesAt()))
                .toList();
    }

    private static Interval interval(LocalDate date, LocalTime opens, LocalTime closes) {
        LocalDate closingDay = closes.isAfter(opens) ? date : date.plusDays(1);
        return new Interval(date.atTime(opens).atZone(OSLO), closingDay.atTime(closes).atZone(OSLO));
    }
}
