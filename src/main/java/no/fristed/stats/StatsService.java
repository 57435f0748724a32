package no.fristed.stats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import no.fristed.chat.records.ChatStatistic;
import no.fristed.common.Coded;
import no.fristed.questions.QuestionStatistic;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.HdrHistogram.Histogram;

/**
 * Anonymous statistics per day or ISO week (Europe/Oslo): chats, waits, topics, age bands, outcomes, referrals,
 * feedback and questions. Every count below five is shown as "&lt;5", and so is any figure computed from fewer than
 * five chats, so that no cell can point to a person.
 */
@ApplicationScoped
public class StatsService {

    public static final int SUPPRESS_BELOW = 5;
    public static final String SUPPRESSED = "<5";
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader("period", "metric", "value").get();
    /** What makes a spreadsheet read a cell as a formula (OWASP CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** How to group. */
    public enum Period implements Coded { DAY, WEEK }

    /** One figure: a count or value for one period, or "&lt;5". */
    public record Cell(String period, String metric, Object value) {
    }

    /** All figures for a date range. */
    public record Report(LocalDate from, LocalDate to, Period period, List<Cell> cells) {
    }

    @Transactional
    public Report report(LocalDate from, LocalDate to, Period period) {
        Instant start = from.atStartOfDay(OSLO).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(OSLO).toInstant();
        Function<Instant, String> key = at -> periodKey(at, period);
        Map<String, List<ChatStatistic>> chats = new TreeMap<>();
        ChatStatistic.<ChatStatistic>list("startedAt >= ?1 and startedAt < ?2", start, end)
                .forEach(c -> chats.computeIfAbsent(key.apply(c.startedAt), k -> new ArrayList<>()).add(c));
        Map<String, Counter> asked = new TreeMap<>();
        Map<String, Counter> answered = new TreeMap<>();
        QuestionStatistic.<QuestionStatistic>list("askedAt >= ?1 and askedAt < ?2", start, end)
                .forEach(q -> asked.computeIfAbsent(key.apply(q.askedAt), k -> new Counter()).add("questions.asked"));
        QuestionStatistic.<QuestionStatistic>list("answeredAt >= ?1 and answeredAt < ?2", start, end)
                .forEach(q -> answered.computeIfAbsent(key.apply(q.answeredAt), k -> new Counter()).add("questions.answered"));

        List<Cell> cells = new ArrayList<>();
        for (String p : allKeys(chats, asked, answered)) {
            List<ChatStatistic> rows = chats.getOrDefault(p, List.of());
            Counter counts = new Counter();
            counts.add("chats.started", rows.size());
            rows.forEach(c -> {
                counts.add("chats." + ("answered".equals(c.outcome) ? "answered"
                        : "blocked".equals(c.outcome) ? "blocked" : "abandoned"));
                (c.wrapUpTopics.isEmpty() && c.topic != null ? List.of(c.topic) : c.wrapUpTopics)
                        .forEach(t -> counts.add("topics." + t));
                if (c.ageBand != null) {
                    counts.add("ageBands." + c.ageBand);
                }
                if (c.wrapUpOutcome != null) {
                    counts.add("outcomes." + c.wrapUpOutcome);
                }
                c.referredServices.forEach(s -> counts.add("referredServices." + s));
                if (c.feedback != null) {
                    counts.add("feedback." + c.feedback);
                }
                safeguarding(c, counts);
            });
            counts.add("questions.asked", asked.getOrDefault(p, new Counter()).get("questions.asked"));
            counts.add("questions.answered", answered.getOrDefault(p, new Counter()).get("questions.answered"));
            counts.forEach((metric, n) -> cells.add(new Cell(p, metric, n < SUPPRESS_BELOW ? SUPPRESSED : n)));
            waits(p, rows, cells);
            feedbackAverage(p, rows, cells);
        }
        return new Report(from, to, period, cells);
    }

    /** The crisis path's counts: urgent chats, risk flags, alerts, supervisor joins and consent. */
    private static void safeguarding(ChatStatistic c, Counter counts) {
        if (c.urgent) {
            counts.add("chats.urgent");
        }
        if (c.riskLevel != null) {
            counts.add("flags.level." + c.riskLevel);
        }
        if (c.riskCategory != null) {
            counts.add("flags.category." + c.riskCategory);
        }
        counts.add("alerts", c.alerts);
        counts.add("supervisor.joins", c.supervisorJoins);
        counts.add("consent.asked", c.consentAsked);
        counts.add("consent.shared", c.consentShared);
        counts.add("consent.declined", c.consentDeclined);
    }

    /**
     * The report as CSV (RFC 4180), cell for cell the same as the JSON. Commas, quotes and line breaks stay inside
     * their quoted cell, and a cell a spreadsheet would run as a formula starts with a ' instead.
     */
    public static String csv(Report report) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSV)) {
            for (Cell c : report.cells()) {
                printer.printRecord(inert(c.period()), inert(c.metric()), inert(String.valueOf(c.value())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    private static String inert(String cell) {
        return !cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static void waits(String period, List<ChatStatistic> rows, List<Cell> cells) {
        List<Integer> waits = rows.stream().filter(c -> "answered".equals(c.outcome) && c.waitedSeconds != null)
                .map(c -> c.waitedSeconds).toList();
        Histogram histogram = new Histogram(3);
        waits.forEach(w -> histogram.recordValue(Math.max(0, w)));
        for (double percentile : new double[] {50, 90, 99}) {
            Object value = waits.size() < SUPPRESS_BELOW ? SUPPRESSED : histogram.getValueAtPercentile(percentile);
            cells.add(new Cell(period, "waitSeconds.p" + (int) percentile, value));
        }
    }

    private static void feedbackAverage(String period, List<ChatStatistic> rows, List<Cell> cells) {
        List<Integer> scores = rows.stream().filter(c -> c.feedback != null).map(c -> c.feedback).toList();
        Object value = scores.size() < SUPPRESS_BELOW ? SUPPRESSED
                : Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0) * 10) / 10.0;
        cells.add(new Cell(period, "feedback.average", value));
    }

    private static List<String> allKeys(Map<String, ?>... maps) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        for (Map<String, ?> map : maps) {
            keys.addAll(map.keySet());
        }
        return List.copyOf(keys);
    }

    static String periodKey(Instant at, Period period) {
        LocalDate day = at.atZone(OSLO).toLocalDate();
        return period == Period.DAY ? day.toString()
                : String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Counts per metric, in a stable order. */
    private static final class Counter extends TreeMap<String, Integer> {
        void add(String metric) {
            add(metric, 1);
        }

        void add(String metric, int n) {
            merge(metric, n, Integer::sum);
        }

        int get(String metric) {
            return getOrDefault(metric, 0);
        }
    }
}
