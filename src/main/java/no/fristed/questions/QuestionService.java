package no.fristed.questions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.fristed.access.SessionDataWiper;
import no.fristed.common.DomainException;
import no.fristed.common.Hashes;
import no.fristed.facts.AgeBand;
import no.fristed.facts.FactContent;
import no.fristed.facts.FactKind;
import no.fristed.facts.FactService;
import no.fristed.facts.FactVersionView;
import no.fristed.privacy.PersonalData;
import no.fristed.privacy.PrivacyGuard;
import no.fristed.privacy.RetentionTask;

/**
 * Anonymous questions: asked with or without a session, redacted before storage, answered by counsellors, picked
 * up with a code, deleted N days after answering (or after a longer time unanswered).
 */
@ApplicationScoped
@Transactional
public class QuestionService implements RetentionTask, SessionDataWiper {

    /** What the young person gets back after asking. */
    public record Asked(String pickupCode, String storedText, List<PersonalData> removed, Instant deleteAfter) {
    }

    /** What a pickup shows: the question and, once there is one, the answer. */
    public record Pickup(Question.Status status, String question, String answer, Instant answeredAt,
            Instant deleteAfter) {
    }

    /** A question as counsellors see it in their list. */
    public record Item(String id, String question, String topic, String ageBand, Question.Status status,
            String claimedBy, Instant createdAt, String answer) {

        static Item of(Question q) {
            return new Item(q.id, q.question, q.topic, q.ageBand, q.status, q.claimedBy, q.createdAt, q.answer);
        }
    }

    private final PrivacyGuard guard;
    private final PickupCodes codes;
    private final FactService facts;
    private final Clock clock;
    private final Duration keepAnswered;
    private final Duration keepUnanswered;

    QuestionService(PrivacyGuard guard, PickupCodes codes, FactService facts, Clock clock,
            QuestionsConfig config) {
        this.guard = guard;
        this.codes = codes;
        this.facts = facts;
        this.clock = clock;
        this.keepAnswered = Duration.ofDays(config.keepAnsweredDays());
        this.keepUnanswered = Duration.ofDays(config.keepUnansweredDays());
    }

    public Asked ask(String text, String topic, AgeBand ageBand, String sessionId) {
        Instant now = clock.instant();
        PrivacyGuard.Result check = guard.check(text);
        String code = codes.newCode();
        Question q = new Question();
        q.id = UUID.randomUUID().toString();
        q.pickupHash = codes.hash(code);
        q.sessionHash = sessionId == null ? null : Hashes.sha256(sessionId);
        q.question = check.redacted();
        q.topic = topic;
        q.ageBand = ageBand == null ? null : ageBand.code();
        q.status = Question.Status.WAITING;
        q.createdAt = now;
        q.deleteAfter = now.plus(keepUnanswered);
        q.statId = UUID.randomUUID().toString();
        q.persist();
        QuestionStatistic stat = new QuestionStatistic();
        stat.id = q.statId;
        stat.askedAt = now.truncatedTo(ChronoUnit.HOURS);
        stat.topic = topic;
        stat.ageBand = q.ageBand;
        stat.persist();
        return new Asked(code, q.question,
                check.findings().stream().map(PrivacyGuard.Finding::kind).distinct().toList(), q.deleteAfter);
    }

    public Optional<Pickup> pickup(String code) {
        return Question.<Question>find("pickupHash", codes.hash(code)).firstResultOptional()
                .map(q -> new Pickup(q.status == Question.Status.ANSWERED ? Question.Status.ANSWERED
                        : Question.Status.WAITING, q.question, q.answer, q.answeredAt, q.deleteAfter));
    }

    /** Unanswered questions, oldest first. */
    public List<Item> queue() {
        return Question.<Question>list("status in ?1 order by createdAt",
                List.of(Question.Status.WAITING, Question.Status.CLAIMED)).stream().map(Item::of).toList();
    }

    /** Answered questions, newest answer first, for editors who may turn one into a Q&A page (already redacted). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Item> answered() {
        return Question.<Question>list("status = ?1 order by answeredAt desc", Question.Status.ANSWERED).stream()
                .map(Item::of).toList();
    }

    public Item claim(String id, String counsellor) {
        Question q = existing(id);
        if (q.status != Question.Status.WAITING) {
            throw new DomainException.Conflict("question-taken",
                    "Someone has this question already, or it is answered");
        }
        q.status = Question.Status.CLAIMED;
        q.claimedBy = counsellor;
        return Item.of(q);
    }

    public Item release(String id, String counsellor) {
        Question q = claimedBy(id, counsellor);
        q.status = Question.Status.WAITING;
        q.claimedBy = null;
        return Item.of(q);
    }

    public Item answer(String id, String counsellor, String text) {
        Question q = claimedBy(id, counsellor);
        Instant now = clock.instant();
        q.answer = guard.checkStaffText(text).redacted();
        q.answeredBy = counsellor;
        q.answeredAt = now;
        q.status = Question.Status.ANSWERED;
        q.deleteAfter = now.plus(keepAnswered);
        QuestionStatistic.<QuestionStatistic>findByIdOptional(q.statId)
                .ifPresent(stat -> stat.answeredAt = now.truncatedTo(ChronoUnit.HOURS));
        return Item.of(q);
    }

    /** An answered question as a draft Q&A page; it is published through the fact pages' four-eyes review. */
    public FactVersionView draftPublicPage(String id, String slug, String title, String editor) {
        Question q = existing(id);
        if (q.status != Question.Status.ANSWERED) {
            throw new DomainException.Conflict("not-answered", "Only an answered question can become a page");
        }
        String body = "## Spørsmålet\n\n" + quote(q.question) + "\n\n## Svaret\n\n" + q.answer + "\n";
        FactContent content = new FactContent(title, q.question.length() > 200 ? q.question.substring(0, 197) + "…"
                : q.question, FactKind.QA, List.of(), q.topic == null ? List.of() : List.of(q.topic),
                // One band, the asker's: the answer was written for them, and bands a page declares must read differently.
                List.of(Optional.ofNullable(q.ageBand).flatMap(AgeBand::parse).orElse(AgeBand.YOUNG_ADULT)),
                List.of(new FactContent.Source("Anonymt spørsmål til Fristed, besvart av en veileder",
                        "https://fristed.no/sporsmal")), null, null, null, body);
        return facts.createDraft(slug, "nb", content, editor);
    }

    @Override
    public int purge(Instant now) {
        return (int) Question.delete("deleteAfter < ?1", now);
    }

    @Override
    public String name() {
        return "questions";
    }

    @Override
    public void wipe(String sessionId) {
        Question.delete("sessionHash", Hashes.sha256(sessionId));
    }

    private static String quote(String text) {
        return "> " + text.replace("\n", "\n> ");
    }

    private static Question existing(String id) {
        return Question.<Question>findByIdOptional(id).orElseThrow(() -> DomainException.NotFound.of("Question"));
    }

    private static Question claimedBy(String id, String counsellor) {
        Question q = existing(id);
        if (q.status != Question.Status.CLAIMED || !counsellor.equals(q.claimedBy)) {
            throw new DomainException.Conflict("not-yours", "Claim the question before you answer or release it");
        }
        return q;
    }
}
