package no.fristed.facts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.fristed.common.DomainException;
import org.jboss.logging.Logger;

/**
 * The editorial workflow for fact pages: draft → in review → published → archived, with four eyes (whoever last
 * wrote a version cannot approve it), version history, and the start-up sync of content/facts.
 */
@ApplicationScoped
@Transactional
public class FactService {

    static final String CONTENT_AUTHOR = "content-files";
    private static final Logger LOG = Logger.getLogger(FactService.class);

    private final FactRules rules;
    private final FactSnippets snippets;
    private final Clock clock;
    private final Event<FactsChanged> changed;
    private final Period reviewInterval;

    FactService(FactRules rules, FactSnippets snippets, Clock clock, Event<FactsChanged> changed,
            FactsConfig config) {
        this.rules = rules;
        this.snippets = snippets;
        this.clock = clock;
        this.changed = changed;
        this.reviewInterval = config.reviewInterval();
    }

    public FactVersionView createDraft(String slug, String lang, FactContent content, String editor) {
        rules.check(slug, lang, content);
        FactPage page = FactPage.<FactPage>findByIdOptional(FactPage.idOf(slug, lang))
                .orElseGet(() -> newPage(slug, lang, FactPage.Origin.EDITOR, null));
        if (FactVersion.open(page.id).isPresent()) {
            throw new DomainException.Conflict("draft-exists",
                    "This page already has a draft or a version in review; change or finish that one");
        }
        FactVersion version = newVersion(page, content, editor, FactStatus.DRAFT);
        return FactVersionView.of(page, version);
    }

    public FactVersionView updateDraft(String slug, String lang, FactContent content, String editor) {
        rules.check(slug, lang, content);
        FactPage page = page(slug, lang);
        FactVersion draft = openVersion(page);
        requireStatus(draft, FactStatus.DRAFT, "Only a draft can be changed; reject the version in review first");
        draft.content = content;
        // Whoever last wrote the text counts as its author for the four-eyes rule.
        draft.author = editor;
        return FactVersionView.of(page, draft);
    }

    /** The text as readers would get it, after the same checks a draft gets; nothing is saved. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FactViews.Preview preview(String slug, String lang, FactContent content) {
        rules.check(slug, lang, content);
        FactContent shown = snippets.expand(content, lang);
        return new FactViews.Preview(slug, lang, shown.sources(), shown.audience().stream().distinct().sorted()
                .map(band -> FactViews.Variant.of(shown, band)).toList());
    }

    public FactVersionView submit(String slug, String lang, String editor) {
        FactPage page = page(slug, lang);
        FactVersion draft = openVersion(page);
        requireStatus(draft, FactStatus.DRAFT, "Only a draft can be submitted for review");
        draft.status = FactStatus.IN_REVIEW;
        draft.submittedAt = clock.instant();
        draft.submittedBy = editor;
        return FactVersionView.of(page, draft);
    }

    public FactVersionView approve(String slug, String lang, String approver) {
        FactPage page = page(slug, lang);
        FactVersion candidate = openVersion(page);
        requireStatus(candidate, FactStatus.IN_REVIEW, "Only a version in review can be approved");
        if (candidate.author.equals(approver)) {
            throw new DomainException.Conflict("four-eyes",
                    "You wrote this version; another editor must approve it");
        }
        publish(page, candidate, approver);
        page.origin = FactPage.Origin.EDITOR;
        return FactVersionView.of(page, candidate);
    }

    public FactVersionView reject(String slug, String lang, String editor, String note) {
        FactPage page = page(slug, lang);
        FactVersion candidate = openVersion(page);
        requireStatus(candidate, FactStatus.IN_REVIEW, "Only a version in review can be sent back");
        candidate.status = FactStatus.DRAFT;
        candidate.note = note;
        return FactVersionView.of(page, candidate);
    }

    public FactVersionView archive(String slug, String lang, String editor) {
        FactPage page = page(slug, lang);
        FactVersion published = FactVersion.published(page.id).orElseThrow(() -> new DomainException.Conflict(
                "not-published", "The page has no published version to archive"));
        published.status = FactStatus.ARCHIVED;
        published.note = "Archived by " + editor;
        page.origin = FactPage.Origin.EDITOR;
        changed.fire(new FactsChanged(page.id));
        return FactVersionView.of(page, published);
    }

    public List<FactVersionView> history(String slug, String lang) {
        FactPage page = page(slug, lang);
        return FactVersion.history(page.id).stream().map(v -> FactVersionView.of(page, v)).toList();
    }

    /**
     * The pages as editors list them: for each page its open version (draft or in review) and its published version,
     * or its newest version when it has neither; optionally only those with a status or in a language. Sorted by
     * language, then slug, then newest version first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FactPageSummary> list(FactStatus status, String lang) {
        Map<String, FactPage> pages = FactPage.<FactPage>listAll().stream()
                .filter(p -> lang == null || lang.equals(p.lang))
                .collect(Collectors.toMap(p -> p.id, p -> p));
        Map<String, List<FactVersion>> versions = FactVersion.<FactVersion>listAll().stream()
                .filter(v -> pages.containsKey(v.pageId))
                .collect(Collectors.groupingBy(v -> v.pageId));
        List<FactPageSummary> rows = new ArrayList<>();
        versions.forEach((pageId, all) -> {
            List<FactVersion> current = all.stream()
                    .filter(v -> v.status != FactStatus.ARCHIVED).toList();
            List<FactVersion> shown = current.isEmpty()
                    ? List.of(all.stream().max(Comparator.comparingInt(v -> v.version)).orElseThrow())
                    : current;
            shown.stream().filter(v -> status == null || v.status == status)
                    .forEach(v -> rows.add(FactPageSummary.of(pages.get(pageId), v)));
        });
        rows.sort(Comparator.comparing(FactPageSummary::lang).thenComparing(FactPageSummary::slug)
                .thenComparing(Comparator.comparingInt(FactPageSummary::version).reversed()));
        return rows;
    }

    /**
     * Published pages a professional must look at: those never reviewed first (by page), then those whose last
     * review is older than the review interval, oldest first.
     */
    public List<FactVersionView> reviewDue() {
        LocalDate cutoff = LocalDate.now(clock).minus(reviewInterval);
        return FactVersion.<FactVersion>list("status", FactStatus.PUBLISHED).stream()
                .filter(v -> !v.content.reviewed() || v.content.lastReviewed().isBefore(cutoff))
                .sorted(Comparator.comparing((FactVersion v) -> v.content.reviewed())
                        .thenComparing(v -> v.content.lastReviewed(), Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(v -> v.pageId))
                .map(v -> FactVersionView.of(FactPage.findById(v.pageId), v))
                .toList();
    }

    /**
     * Publishes a content file's text. Files are checked where they are written (a second person reviews every
     * change, and the front matter names the professional reviewer once there is one), so they go straight to
     * published. A page an editor has taken over keeps the editor's versions.
     */
    void syncFromContent(String slug, String lang, FactContent content, String hash) {
        FactPage page = FactPage.findById(FactPage.idOf(slug, lang));
        if (page == null) {
            page = newPage(slug, lang, FactPage.Origin.CONTENT, hash);
        } else if (page.origin == FactPage.Origin.EDITOR) {
            LOG.infof("Fact page %s was edited through the API; its content file is not applied", page.id);
            return;
        } else if (hash.equals(page.contentHash)) {
            return;
        }
        page.contentHash = hash;
        FactVersion version = newVersion(page, content, CONTENT_AUTHOR, FactStatus.DRAFT);
        publish(page, version, content.reviewer());
    }

    private void publish(FactPage page, FactVersion version, String approver) {
        FactVersion.published(page.id).ifPresent(previous -> previous.status = FactStatus.ARCHIVED);
        version.status = FactStatus.PUBLISHED;
        version.approver = approver;
        version.publishedAt = clock.instant();
        changed.fire(new FactsChanged(page.id));
    }

    private FactPage newPage(String slug, String lang, FactPage.Origin origin, String hash) {
        FactPage page = new FactPage();
        page.id = FactPage.idOf(slug, lang);
        page.slug = slug;
        page.lang = lang;
        page.origin = origin;
        page.contentHash = hash;
        page.createdAt = clock.instant();
        page.persist();
        return page;
    }

    private FactVersion newVersion(FactPage page, FactContent content, String author, FactStatus status) {
        FactVersion version = new FactVersion();
        version.pageId = page.id;
        version.version = FactVersion.nextVersion(page.id);
        version.id = page.id + "#" + version.version;
        version.status = status;
        version.content = content;
        version.author = author;
        version.createdAt = clock.instant();
        version.persist();
        return version;
    }

    private static FactPage page(String slug, String lang) {
        return FactPage.<FactPage>findByIdOptional(FactPage.idOf(slug, lang))
                .orElseThrow(() -> DomainException.NotFound.of("Fact page '" + slug + "' in '" + lang + "'"));
    }

    private static FactVersion openVersion(FactPage page) {
        return FactVersion.open(page.id).orElseThrow(() -> new DomainException.Conflict("no-open-version",
                "The page has no draft or version in review"));
    }

    private static void requireStatus(FactVersion version, FactStatus expected, String message) {
        if (version.status != expected) {
            throw new DomainException.Conflict("invalid-transition", message);
        }
    }
}
