package no.fristed.facts;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import no.fristed.common.Problem.FieldError;
import no.fristed.common.ProblemException;

/** Checks on a fact page that span fields; Bean Validation covers the single fields. */
@ApplicationScoped
public class FactRules {

    public static final List<String> LANGUAGES = List.of("nb", "nn", "en");

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
        if (content.body().isBlank()) {
            errors.add(new FieldError("body", "must not be empty"));
        }
        return errors;
    }

    void check(String slug, String lang, FactContent content) {
        List<FieldError> errors = violations(slug, lang, content);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
