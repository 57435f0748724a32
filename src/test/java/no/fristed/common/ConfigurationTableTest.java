package no.fristed.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's configuration table, the {@code @ConfigMapping} interfaces and application.properties agree: every
 * {@code fristed.*} key is documented with its real default, nothing documented is unknown, and defaults live only in
 * the mappings.
 */
class ConfigurationTableTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final String NONE = "none";
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)`[^|]*\\| ([^|]+?) \\|", Pattern.MULTILINE);
    private static final Pattern PROPERTY = Pattern.compile("^(%[\\w-]+\\.)?(fristed\\.[\\w.-]+)=", Pattern.MULTILINE);

    /** One key of a mapping: where it is declared and its default ({@code none} when it has none). */
    private record Key(Class<?> mapping, String defaultValue) {
    }

    @Test
    void everyMappedKeyIsInTheTableWithItsDefault() {
        Map<String, String> table = readmeTable();
        List<String> wrong = new ArrayList<>();
        mappedKeys().forEach((key, mapped) -> {
            if (!table.containsKey(key)) {
                wrong.add(key + " (" + mapped.mapping().getSimpleName() + ") is missing from the table");
            } else if (!table.get(key).equals(mapped.defaultValue())) {
                wrong.add(key + ": the table says " + table.get(key) + ", " + mapped.mapping().getSimpleName()
                        + " says " + mapped.defaultValue());
            }
        });
        assertEquals(List.of(), wrong, "README \"## Configuration\" (one key per row, default in backticks or none)");
    }

    @Test
    void everyKeyInTheTableExistsInAMapping() {
        Map<String, Key> mapped = mappedKeys();
        List<String> unknown = readmeTable().keySet().stream()
                .filter(key -> key.startsWith("fristed.") && !mapped.containsKey(key)).toList();
        assertEquals(List.of(), unknown, "keys in the README table that no @ConfigMapping declares");
    }

    @Test
    void applicationPropertiesSetsFristedKeysOnlyForAProfileAndOnlyKnownOnes() {
        Map<String, Key> mapped = mappedKeys();
        List<String> wrong = new ArrayList<>();
        Matcher line = PROPERTY.matcher(read(Path.of("src/main/resources/application.properties")));
        while (line.find()) {
            String profile = line.group(1) == null ? "" : line.group(1);
            Key key = mapped.get(line.group(2));
            if (key == null) {
                wrong.add(profile + line.group(2) + " is not a key of any mapping");
            } else if (profile.isEmpty()) {
                wrong.add(line.group(2) + " is set for every profile; its default belongs in "
                        + key.mapping().getSimpleName());
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyMappingMethodNamesItsKeyInItsJavadoc() {
        List<String> undocumented = mappedKeys().entrySet().stream()
                .filter(e -> !Pattern.compile("\\* " + Pattern.quote(e.getKey()) + "[ :]")
                        .matcher(read(source(e.getValue().mapping()))).find())
                .map(Map.Entry::getKey).toList();
        assertEquals(List.of(), undocumented, "mapping methods whose Javadoc does not start with their key");
    }

    @Test
    void theMappingsAreFound() {
        assertTrue(mappedKeys().containsKey("fristed.chat.hours"), "ChatConfig is scanned");
        assertTrue(mappedKeys().containsKey("fristed.content.dir"), "nested groups are followed");
    }

    /** Every fristed.* key of every @ConfigMapping interface in the application's classes. */
    private static Map<String, Key> mappedKeys() {
        Map<String, Key> keys = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("no/fristed"))) {
            files.map(CLASSES::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
                    .filter(type -> type.isInterface() && type.isAnnotationPresent(ConfigMapping.class))
                    .forEach(mapping -> collect(mapping, mapping, mapping.getAnnotation(ConfigMapping.class).prefix(),
                            keys));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static void collect(Class<?> mapping, Class<?> group, String prefix, Map<String, Key> keys) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            WithName name = method.getAnnotation(WithName.class);
            String key = prefix + "." + (name != null ? name.value() : kebab(method.getName()));
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getName().startsWith("no.fristed.")) {
                collect(mapping, type, key, keys);
            } else {
                WithDefault value = method.getAnnotation(WithDefault.class);
                keys.put(key, new Key(mapping, value != null ? value.value() : NONE));
            }
        }
    }

    /** SmallRye's default naming: maxPageSize → max-page-size. */
    private static String kebab(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** key → default of every row of the README's "## Configuration" table. */
    private static Map<String, String> readmeTable() {
        String readme = read(Path.of("README.md"));
        int start = readme.indexOf("\n## Configuration\n");
        int end = readme.indexOf("\n## ", start + 1);
        Map<String, String> rows = new TreeMap<>();
        Matcher row = ROW.matcher(readme.substring(start, end));
        while (row.find()) {
            String value = row.group(2).trim();
            String previous = rows.put(row.group(1),
                    value.startsWith("`") ? value.substring(1, value.indexOf('`', 1)) : value);
            assertEquals(null, previous, row.group(1) + " has more than one row");
        }
        return rows;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ConfigurationTableTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path source(Class<?> mapping) {
        return SOURCES.resolve(mapping.getName().replace('.', '/') + ".java");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
