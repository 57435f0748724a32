package no.fristed.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoublePredicate;
import org.HdrHistogram.Histogram;

/**
 * Collects benchmark figures, each optionally next to its target, and writes target/bench/results.json and
 * results.md; every benchmark class prints its own sections as a table when it is done. Nothing is asserted: a
 * figure that misses its target is reported as such.
 */
final class BenchReport {

    private static final Path DIR = Path.of("target/bench");
    private static final Map<String, Map<String, Figure>> SECTIONS = new LinkedHashMap<>();

    /** What a figure should be, in words, and the test of it. */
    record Target(String text, DoublePredicate met) {

        static Target atMost(double limit) {
            return new Target("≤ " + plain(limit), v -> v <= limit);
        }

        static Target below(double limit) {
            return new Target("< " + plain(limit), v -> v < limit);
        }

        static Target atLeast(double limit) {
            return new Target("≥ " + plain(limit), v -> v >= limit);
        }
    }

    record Figure(Object value, String target, Boolean met) {
    }

    private BenchReport() {
    }

    /** A figure without a target (context for the others). */
    static synchronized void add(String section, String figure, Object value) {
        SECTIONS.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(figure, new Figure(value, null, null));
    }

    /** A figure with its target. */
    static synchronized void add(String section, String figure, double value, Target target) {
        SECTIONS.computeIfAbsent(section, s -> new LinkedHashMap<>())
                .put(figure, new Figure(value, target.text(), target.met().test(value)));
    }

    static void latencies(String section, String prefix, Histogram histogram) {
        add(section, prefix + " p50 ms", millis(histogram.getValueAtPercentile(50)));
        add(section, prefix + " p99 ms", millis(histogram.getValueAtPercentile(99)));
        add(section, prefix + " p999 ms", millis(histogram.getValueAtPercentile(99.9)));
        add(section, prefix + " count", histogram.getTotalCount());
    }

    static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }

    static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Writes every figure so far to target/bench and prints the given sections' tables. */
    static synchronized void write(String... sectionsToPrint) throws IOException {
        Files.createDirectories(DIR);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", machine());
        all.putAll(SECTIONS);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(DIR.resolve("results.json").toFile(), all);
        StringBuilder md = new StringBuilder("# Fristed benchmarks\n\n").append(LocalDate.now()).append(", ")
                .append(machine()).append("\n");
        SECTIONS.keySet().forEach(section -> md.append(table(section)));
        Files.writeString(DIR.resolve("results.md"), md);
        StringBuilder printed = new StringBuilder();
        for (String section : sectionsToPrint) {
            if (SECTIONS.containsKey(section)) {
                printed.append(table(section));
            }
        }
        System.out.println(printed);
    }

    private static String table(String section) {
        StringBuilder md = new StringBuilder("\n#### ").append(section)
                .append("\n\n| figure | value | target | met |\n| --- | --- | --- | --- |\n");
        SECTIONS.get(section).forEach((name, f) -> md.append("| ").append(name).append(" | ").append(f.value())
                .append(" | ").append(f.target() == null ? "" : f.target())
                .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**").append(" |\n"));
        return md.toString();
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + memoryGiB() + " GiB, Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name");
    }

    private static long memoryGiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / (1024 * 1024)).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
