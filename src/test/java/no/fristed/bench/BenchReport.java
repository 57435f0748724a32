package no.fristed.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Collects benchmark figures and writes target/bench/results.json and results.md after each benchmark. */
final class BenchReport {

    private static final Path DIR = Path.of("target/bench");
    private static final Map<String, Map<String, Object>> SECTIONS = new LinkedHashMap<>();

    private BenchReport() {
    }

    static synchronized void add(String section, String figure, Object value) {
        SECTIONS.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(figure, value);
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

    static synchronized void write() throws IOException {
        Files.createDirectories(DIR);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024),
                "java", System.getProperty("java.version"), "os", System.getProperty("os.name")));
        all.putAll(SECTIONS);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(DIR.resolve("results.json").toFile(), all);
        StringBuilder md = new StringBuilder("# Fristed benchmarks\n\nMachine: ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n");
        SECTIONS.forEach((section, figures) -> {
            md.append("\n## ").append(section).append("\n\n| figure | value |\n| --- | --- |\n");
            figures.forEach((name, value) -> md.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        });
        Files.writeString(DIR.resolve("results.md"), md);
    }
}
