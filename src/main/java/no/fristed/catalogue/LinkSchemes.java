package no.fristed.catalogue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.fristed.common.Problem.FieldError;

/**
 * The only link schemes the catalogue accepts: https, tel, sms and mailto. Anything else (http, javascript, data,
 * intent, …) would send a young person somewhere unencrypted or run something in the app.
 */
final class LinkSchemes {

    static final Set<String> ALLOWED = Set.of("https", "tel", "sms", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*):(?=\\S)");
    private static final String MESSAGE = "only https:, tel:, sms: and mailto: links are accepted";

    private LinkSchemes() {
    }

    /** A field that must be a link (url, website, a web or chat channel). */
    static void requireLink(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        String scheme = scheme(value);
        if (scheme == null || !ALLOWED.contains(scheme) || value.chars().anyMatch(Character::isWhitespace)) {
            errors.add(new FieldError(field, MESSAGE + ", as a whole address without spaces (https://…)"));
        }
    }

    /** A field that may be plain text (a phone number, an e-mail address) but, if it is a link, a safe one. */
    static void checkIfLink(String field, String value, List<FieldError> errors) {
        String scheme = value == null ? null : scheme(value);
        if (scheme != null && !ALLOWED.contains(scheme)) {
            errors.add(new FieldError(field, MESSAGE));
        }
    }

    private static String scheme(String value) {
        Matcher matcher = SCHEME.matcher(value);
        return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
