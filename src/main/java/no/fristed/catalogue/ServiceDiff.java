package no.fristed.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.fristed.common.Coded;

/**
 * Field-by-field difference between two versions of a service document, for the reviewing editor. Phone numbers and
 * addresses people follow (web, chat, e-mail, the service's and organization's URL) are marked, because a wrong digit
 * there sends a young person to the wrong place.
 */
@ApplicationScoped
public class ServiceDiff {

    /** Why a changed field deserves a second look. */
    public enum Highlight implements Coded { PHONE, URL }

    /** One changed field, named by its path in the document (channels[0].value); values as text, null when absent. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldChange(String field, String before, String after,
            @JsonInclude(JsonInclude.Include.NON_NULL) Highlight highlight) {
    }

    private static final Pattern CHANNEL_VALUE = Pattern.compile("channels\\[(\\d+)]\\.value");
    private static final Pattern TOP_LEVEL = Pattern.compile("^[^.\\[]+");

    private final ObjectMapper mapper;

    ServiceDiff(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Every field that differs; {@code before} is null for a new service. */
    public List<FieldChange> between(ServiceDocument before, ServiceDocument after) {
        Map<String, String> old = flatten(before);
        Map<String, String> proposed = flatten(after);
        LinkedHashSet<String> paths = new LinkedHashSet<>(old.keySet());
        paths.addAll(proposed.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String path : paths) {
            String was = old.get(path);
            String will = proposed.get(path);
            if (!Objects.equals(was, will)) {
                changes.add(new FieldChange(path, was, will, highlight(path, before, after)));
            }
        }
        return changes;
    }

    /** What retiring a service changes. */
    public List<FieldChange> retirement() {
        return List.of(new FieldChange("status", ServiceStatus.ACTIVE.code(), ServiceStatus.RETIRED.code(), null));
    }

    /** The top-level fields a set of changes touches, in order (channels for channels[2].value). */
    public static List<String> fields(List<FieldChange> changes) {
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        for (FieldChange change : changes) {
            Matcher top = TOP_LEVEL.matcher(change.field());
            fields.add(top.find() ? top.group() : change.field());
        }
        return List.copyOf(fields);
    }

    private Map<String, String> flatten(ServiceDocument doc) {
        Map<String, String> values = new LinkedHashMap<>();
        if (doc != null) {
            flatten("", mapper.valueToTree(doc), values);
        }
        return values;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), values));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), values);
            }
        } else if (!node.isNull()) {
            values.put(path, node.asText());
        }
    }

    private static Highlight highlight(String path, ServiceDocument before, ServiceDocument after) {
        if (path.equals("url") || path.equals("organization.website")) {
            return Highlight.URL;
        }
        Matcher channel = CHANNEL_VALUE.matcher(path);
        if (!channel.matches()) {
            return null;
        }
        int index = Integer.parseInt(channel.group(1));
        ServiceDocument doc = after != null && index < after.channels().size() ? after : before;
        return switch (doc.channels().get(index).type()) {
            case PHONE, SMS -> Highlight.PHONE;
            case WEB, CHAT, EMAIL -> Highlight.URL;
            case DROP_IN -> null;
        };
    }
}
