package no.fristed.chat;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import no.fristed.catalogue.NorwegianHolidays;
import no.fristed.catalogue.OpeningHours;
import no.fristed.catalogue.ServiceDocument;
import no.fristed.catalogue.Weekday;

/**
 * The chat's own opening hours, from configuration, with the same rules as services' hours: weekly rules, public
 * holidays and dated exceptions. Built at start-up, so a mistyped setting stops the start with its key named.
 */
@Startup
@ApplicationScoped
public class ChatHours {

    private static final String HOURS_KEY = "fristed.chat.hours";
    private static final String CLOSED_DATES_KEY = "fristed.chat.closed-dates";
    /** A longer range is almost surely a typo in a year. */
    private static final int MAX_RANGE_DAYS = 366;

    /** When a weekly rule or a dated exception opens and closes; closing at or before opening is past midnight. */
    private record Span(LocalTime opens, LocalTime closes) {

        static final Span CLOSED = new Span(null, null);
    }

    private final OpeningHours hours;
    private final Clock clock;

    ChatHours(ChatConfig config, NorwegianHolidays holidays, Clock clock) {
        this.hours = new OpeningHours(parseHours(config.hours(), config.openOnHolidays()),
                parseClosedDates(config.closedDates().orElse("")), holidays::isHoliday);
        this.clock = clock;
    }

    public OpeningHours.Availability now() {
        return hours.at(ZonedDateTime.now(clock));
    }

    public boolean openNow() {
        return Boolean.TRUE.equals(now().openNow());
    }

    /** "MO,TU 10:00-22:00; SA 12:00-20:00" → weekly rules. */
    private static List<ServiceDocument.ScheduleRule> parseHours(String spec, boolean openOnHolidays) {
        List<ServiceDocument.ScheduleRule> rules = entries(spec).stream().map(rule -> {
            int split = rule.lastIndexOf(' ');
            if (split < 0) {
                throw invalid(HOURS_KEY, rule, "expected weekdays and a time span, like 'MO,TU 10:00-22:00'");
            }
            List<Weekday> days = Arrays.stream(rule.substring(0, split).split(","))
                    .map(String::trim).map(day -> weekday(rule, day)).toList();
            Span span = span(HOURS_KEY, rule, rule.substring(split + 1));
            return new ServiceDocument.ScheduleRule(days, span.opens(), span.closes(), null, null, openOnHolidays,
                    null);
        }).toList();
        if (rules.isEmpty()) {
            throw new IllegalArgumentException(HOURS_KEY + ": no opening hours given");
        }
        return rules;
    }

    /** "2026-12-24; 2026-12-27..2026-12-30; 2026-12-31 10:00-14:00" → one exception per date. */
    private static List<ServiceDocument.ScheduleException> parseClosedDates(String spec) {
        List<ServiceDocument.ScheduleException> exceptions = new ArrayList<>();
        for (String entry : entries(spec)) {
            String[] parts = entry.split(" ");
            if (parts.length > 2) {
                throw invalid(CLOSED_DATES_KEY, entry, "expected a date or a range, optionally with a time span,"
                        + " like '2026-12-31 10:00-14:00'");
            }
            String[] range = parts[0].split("\\.\\.", -1);
            if (range.length > 2) {
                throw invalid(CLOSED_DATES_KEY, entry, "a range is written first..last");
            }
            LocalDate from = date(entry, range[0]);
            LocalDate to = range.length == 1 ? from : date(entry, range[1]);
            if (to.isBefore(from)) {
                throw invalid(CLOSED_DATES_KEY, entry, "the range ends before it starts");
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
                throw invalid(CLOSED_DATES_KEY, entry, "a range is at most " + MAX_RANGE_DAYS + " days");
            }
            Span span = parts.length == 2 ? span(CLOSED_DATES_KEY, entry, parts[1]) : Span.CLOSED;
            from.datesUntil(to.plusDays(1)).forEach(date ->
                    exceptions.add(new ServiceDocument.ScheduleException(date, span.opens(), span.closes(), null)));
        }
        return exceptions;
    }

    private static List<String> entries(String spec) {
        return Arrays.stream(spec.split(";")).map(s -> s.trim().replaceAll("\\s+", " ")).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Weekday weekday(String rule, String day) {
        return Arrays.stream(Weekday.values()).filter(w -> w.name().equals(day)).findFirst()
                .orElseThrow(() -> invalid(HOURS_KEY, rule, (day.isEmpty() ? "an empty day" : day)
                        + " is not a weekday (MO..SU)"));
    }

    private static LocalDate date(String entry, String text) {
        return parsed(text, LocalDate::parse, () -> invalid(CLOSED_DATES_KEY, entry,
                (text.isEmpty() ? "an empty date" : text) + " is not a date (YYYY-MM-DD)"));
    }

    private static Span span(String key, String entry, String text) {
        String[] times = text.split("-", -1);
        if (times.length != 2) {
            throw invalid(key, entry, text + " is not a time span like 10:00-22:00");
        }
        return new Span(time(key, entry, times[0]), time(key, entry, times[1]));
    }

    private static LocalTime time(String key, String entry, String text) {
        return parsed(text, LocalTime::parse, () -> invalid(key, entry,
                (text.isEmpty() ? "an empty time" : text) + " is not a time (HH:MM)"));
    }

    private static <T> T parsed(String text, Function<String, T> parser, Supplier<IllegalArgumentException> failure) {
        try {
            return parser.apply(text);
        } catch (DateTimeParseException e) {
            throw failure.get();
        }
    }

    private static IllegalArgumentException invalid(String key, String entry, String problem) {
        return new IllegalArgumentException(key + ": '" + entry + "': " + problem);
    }
}
