package no.fristed.facts;

import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.fristed.common.StringListConverter;

/**
 * One version of a fact page: the front matter of content/facts/&lt;slug&gt;.&lt;lang&gt;.md plus its Markdown body. The
 * same shape for files, the editor API and the database. {@code lastReviewed} and {@code reviewer} stay empty until a
 * professional has reviewed the page.
 */
@Embeddable
public record FactContent(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 1000) String summary,
        @NotNull @Enumerated(EnumType.STRING) FactKind kind,
        @Convert(converter = StringListConverter.class) List<@Pattern(regexp = KEY, message = KEY_MESSAGE) String> substances,
        @Convert(converter = StringListConverter.class) List<@Pattern(regexp = KEY, message = KEY_MESSAGE) String> topics,
        @NotEmpty @Convert(converter = AgeBandsConverter.class) List<@NotNull AgeBand> audience,
        @NotEmpty @Convert(converter = SourcesConverter.class) List<@NotNull @Valid Source> sources,
        LocalDate lastReviewed,
        @Size(max = 120) String reviewer,
        Instant expiresAt,
        @Size(max = 200_000) String body) {

    static final String KEY = "[a-z0-9][a-z0-9-]{0,59}";
    static final String KEY_MESSAGE = "must be a lower-case id such as cannabis or bekymret-for-en-venn";

    /** A source the page builds on; every page cites at least one. */
    public record Source(@NotBlank @Size(max = 300) String title, @NotBlank @Pattern(regexp = "https://\\S+",
            message = "must be an https address") @Size(max = 500) String url) {
    }

    public FactContent {
        substances = substances == null ? List.of() : substances;
        topics = topics == null ? List.of() : topics;
        audience = audience == null ? List.of() : audience;
        sources = sources == null ? List.of() : sources;
        body = body == null ? "" : body;
    }

    FactContent withBody(String markdown) {
        return withBodyAndSources(markdown, sources);
    }

    FactContent withBodyAndSources(String markdown, List<Source> cited) {
        return new FactContent(title, summary, kind, substances, topics, audience, cited, lastReviewed, reviewer,
                expiresAt, markdown);
    }

    /** A page is reviewed once a named health or legal professional has checked it and the date is recorded. */
    boolean reviewed() {
        return lastReviewed != null;
    }

    /** Words a search should match strongly: the substances and topics the page is about. */
    String keywords() {
        return String.join(" ", substances) + " " + String.join(" ", topics);
    }
}
