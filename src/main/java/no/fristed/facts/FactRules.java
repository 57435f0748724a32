package no.fristed.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.fristed.common.Problem.FieldError;
import no.fristed.common.ProblemException;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;

/**
 * Checks on a fact page that span fields, the same for content files (start-up stops on a broken file) and for
 * editors' drafts (a 400 problem listing the fields); Bean Validation covers the single fields. The page is checked
 * as readers get it, with its shared snippets in place.
 */
@ApplicationScoped
public class FactRules {

    public static final List<String> LANGUAGES = List.of("nb", "nn", "en");
    /** Every substance page shows one of these: the full first-aid block, or the poison-information block. */
    static final Set<String> EMERGENCY_SNIPPETS = Set.of("akutt", "giftinfo");
    /** An amount is dosing advice; pages must never give it to minors. */
    static final Pattern AMOUNT = Pattern.compile("(?<![\\p{L}\\p{N}])\\d+(?:[.,]\\d+)?\\s*"
            + "(?:mg|ml|mcg|µg|g|gram|milligram|mikrogram|milliliter)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final FactSnippets snippets;
    private final PhoneNumbers phoneNumbers;

    FactRules(FactSnippets snippets, PhoneNumbers phoneNumbers) {
        this.snippets = snippets;
        this.phoneNumbers = phoneNumbers;
    }

    public List<FieldError> violations(String slug, String lang, FactContent content) {
        List<FieldError> errors = new ArrayList<>();
        if (slug == null || !slug.matches(FactContent.KEY)) {
            errors.add(new FieldError("slug", FactContent.KEY_MESSAGE));
        }
        if (!LANGUAGES.contains(lang)) {
            errors.add(new FieldError("lang", "must be one of " + String.join(", ", LANGUAGES)));
        }
        if (content.kind() == FactKind.WARNING && content.expiresAt() == null) {
            errors.add(new FieldError("expiresAt", "a warning page needs an expiry time"));
        }
        if ((content.reviewer() == null) != (content.lastReviewed() == null)) {
            errors.add(new FieldError(content.reviewer() == null ? "reviewer" : "lastReviewed",
                    "a reviewed page names both its reviewer and the date; an unreviewed page has neither"));
        }
        if (content.body().isBlank()) {
            errors.add(new FieldError("body", "must not be empty"));
            return errors;
        }
        checkIncludes(content, errors);
        bandMarkerProblem(content.body()).ifPresent(problem -> errors.add(new FieldError("body", problem)));
        FactContent shown = snippets.expand(content, LANGUAGES.contains(lang) ? lang : "nb");
        checkBands(shown, errors);
        checkPhoneNumbers(shown, errors);
        checkLinks(shown.body(), errors);
        return errors;
    }

    void check(String slug, String lang, FactContent content) {
        List<FieldError> errors = violations(slug, lang, content);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private void checkIncludes(FactContent content, List<FieldError> errors) {
        snippets.unknown(content.body()).forEach(name -> errors.add(new FieldError("body",
                "includes an unknown snippet '" + name + "'; known snippets: " + String.join(", ", snippets.names()))));
        if (content.kind() == FactKind.SUBSTANCE
                && FactSnippets.included(content.body()).stream().noneMatch(EMERGENCY_SNIPPETS::contains)) {
            errors.add(new FieldError("body", "a substance page includes the emergency block on a line of its own: "
                    + "<!-- include: akutt --> (or <!-- include: giftinfo --> for nicotine and anabolic steroids)"));
        }
    }

    /** Every band section is closed before the next one opens, and names only known bands. */
    static Optional<String> bandMarkerProblem(String body) {
        boolean open = false;
        int at = body.indexOf("<!--");
        while (at >= 0) {
            Optional<FactRenderer.Marker> marker = FactRenderer.markerAt(body, at);
            if (marker.isPresent()) {
                if (marker.get().opening() == open) {
                    return Optional.of(open ? "a band section opens before the previous one is closed with <!-- /band -->"
                            : "<!-- /band --> closes no band section");
                }
                open = marker.get().opening();
                for (String code : marker.get().bands()) {
                    if (AgeBand.parse(code).isEmpty()) {
                        return Optional.of("unknown age band '" + code + "' in a band marker; use 13-15, 16-17 or 18-25");
                    }
                }
                if (open && marker.get().bands().isEmpty()) {
                    return Optional.of("a band marker names no band");
                }
            }
            at = body.indexOf("<!--", at + 4);
        }
        return open ? Optional.of("a band section is not closed with <!-- /band -->") : Optional.empty();
    }

    private static void checkBands(FactContent shown, List<FieldError> errors) {
        Map<AgeBand, String> texts = new LinkedHashMap<>();
        shown.audience().stream().distinct().sorted().forEach(band -> texts.put(band, FactRenderer.variant(shown.body(), band)));
        List<AgeBand> bands = List.copyOf(texts.keySet());
        for (int i = 0; i < bands.size(); i++) {
            for (int j = i + 1; j < bands.size(); j++) {
                if (texts.get(bands.get(i)).equals(texts.get(bands.get(j)))) {
                    errors.add(new FieldError("body", "the bands " + bands.get(i).code() + " and " + bands.get(j).code()
                            + " read the same; write band text where they differ, or declare fewer bands in audience"));
                }
            }
        }
        texts.forEach((band, text) -> {
            Matcher amount = AMOUNT.matcher(text);
            if (band.isMinor() && amount.find()) {
                errors.add(new FieldError("body", "gives an amount (\"" + amount.group() + "\") in text for "
                        + band.code() + "; never give amounts to minors"));
            }
        });
    }

    private void checkPhoneNumbers(FactContent shown, List<FieldError> errors) {
        checkPhoneNumbers("title", shown.title(), errors);
        checkPhoneNumbers("summary", shown.summary(), errors);
        checkPhoneNumbers("body", shown.body(), errors);
    }

    private void checkPhoneNumbers(String field, String text, List<FieldError> errors) {
        phoneNumbers.unknownIn(text == null ? "" : text).forEach(number -> errors.add(new FieldError(field,
                "the phone number '" + number + "' is not in content/taxonomy/phone-numbers.yaml;"
                        + " give only listed numbers, written as listed")));
    }

    private static void checkLinks(String markdown, List<FieldError> errors) {
        FactRenderer.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (!FactRenderer.isAllowedLink(link.getDestination())) {
                    errors.add(new FieldError("body", "the link to '" + link.getDestination()
                            + "' must be an https: address (or an in-page #anchor)"));
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                errors.add(new FieldError("body", "images are not allowed (a remote image tells its host who reads)"));
            }
        });
    }
}
