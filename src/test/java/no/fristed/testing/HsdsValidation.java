package no.fristed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Checks HSDS API responses against Open Referral's own schemas (copied to src/test/resources/hsds-3): single
 * objects against the compiled schema, pages against the Page envelope and each item against the list schema.
 * {@link ContractValidation} runs it on every successful response under /api/v1/hsds.
 */
public final class HsdsValidation {

    private static final String PREFIX = "/api/v1/hsds";
    private static final String SCHEMAS = "classpath:hsds-3/";
    private static final Pattern ONE = Pattern.compile("/(services|organizations)/[^/]+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HsdsValidation() {
    }

    public static boolean covers(String path) {
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }

    /** Validates one response body for the given request path and query (full=true asks for nested services). */
    public static void check(String path, boolean full, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("HSDS response for " + path + " is not JSON", e);
        }
        String resource = path.substring(PREFIX.length());
        if (resource.isEmpty() || resource.equals("/")) {
            JsonSchemas.assertValid(SCHEMAS + "root.json", json, path);
        } else if (ONE.matcher(resource).matches()) {
            String kind = resource.substring(1, resource.indexOf('/', 1));
            JsonSchemas.assertValid(SCHEMAS + "compiled/" + singular(kind) + ".json", json, path);
        } else {
            String items = switch (resource) {
                case "/services" -> full ? "compiled/service.json" : "compiled/service_list.json";
                case "/organizations" -> "compiled/organization_list.json";
                case "/service_at_locations" -> "compiled/service_at_location_list.json";
                case "/taxonomies" -> "taxonomy.json";
                case "/taxonomy_terms" -> "taxonomy_term.json";
                default -> throw new AssertionError("No HSDS schema is known for " + path);
            };
            JsonSchemas.assertValid(SCHEMAS + "page.json", json, path);
            JsonNode contents = json.path("contents");
            if (!contents.isArray()) {
                throw new AssertionError(path + " has no contents array");
            }
            for (int i = 0; i < contents.size(); i++) {
                JsonSchemas.assertValid(SCHEMAS + items, contents.get(i), path + " contents[" + i + "]");
            }
        }
    }

    private static String singular(String kind) {
        return kind.equals("services") ? "service" : "organization";
    }
}
