package no.fristed.chat.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import no.fristed.chat.Conversation;
import no.fristed.common.Hashes;
import no.fristed.common.RandomCodes;
import no.fristed.privacy.RetentionTask;

/**
 * The chat's database side: anonymous statistics, continuation codes and blocked sessions. Codes and sessions are
 * kept only as hashes.
 */
@ApplicationScoped
@Transactional
public class ChatRecords implements RetentionTask {


    /**
     * A finished chat's anonymous row, taken while the chat is still the operation's own (it is saved afterwards,
     * when another operation may already change the chat).
     */
    public static ChatStatistic statistic(Conversation c, String outcome, Instant now) {
        ChatStatistic stat = new ChatStatistic();
        stat.id = c.statId;
        stat.startedAt = c.createdAt.truncatedTo(ChronoUnit.HOURS);
        stat.topic = c.topic;
        stat.ageBand = c.ageBand;
        stat.waitedSeconds = c.claimedAt == null ? seconds(c.queuedAt, now) : seconds(c.queuedAt, c.claimedAt);
        stat.durationSeconds = c.claimedAt == null ? null : seconds(c.claimedAt, now);
        stat.outcome = outcome;
        stat.wrapUpTopics = List.of();
        stat.referredServices = List.of();
        stat.urgent = c.urgent;
        stat.riskLevel = c.riskLevel == null ? null : c.riskLevel.code();
        stat.riskCategory = c.riskCategory == null ? null : c.riskCategory.code();
        stat.alerts = c.alerts;
        stat.supervisorJoins = c.supervisorJoins;
        stat.consentAsked = c.consentAsked;
        stat.consentShared = c.consentShared;
        stat.consentDeclined = c.consentDeclined;
        return stat;
    }

    public void save(ChatStatistic stat) {
        stat.persist();
    }

    public void wrapUp(String statId, List<String> topics, String outcome, List<String> referredServices) {
        ChatStatistic.<ChatStatistic>findByIdOptional(statId).ifPresent(stat -> {
            stat.wrapUpTopics = topics;
            stat.wrapUpOutcome = outcome;
            stat.referredServices = referredServices;
        });
    }

    public void feedback(String statId, int score) {
        ChatStatistic.<ChatStatistic>findByIdOptional(statId).ifPresent(stat -> stat.feedback = score);
    }

    /** A new code (49 random bits, e.g. "K7PQ2-XM9RT") that asks for this counsellor next time. */
    public String newContinuationCode(String counsellor, String sessionId, Instant expiresAt) {
        String code = RandomCodes.generate(2, 5);
        ContinuationCode row = new ContinuationCode();
        row.codeHash = Hashes.sha256(RandomCodes.normalise(code));
        row.counsellor = counsellor;
        row.sessionHash = Hashes.sha256(sessionId);
        row.expiresAt = expiresAt;
        row.persist();
        return code;
    }

    public Optional<String> counsellorFor(String code, Instant now) {
        return ContinuationCode.<ContinuationCode>findByIdOptional(Hashes.sha256(RandomCodes.normalise(code)))
                .filter(row -> row.expiresAt.isAfter(now))
                .map(row -> row.counsellor);
    }

    public void block(String sessionId, Instant until) {
        BlockedSession row = new BlockedSession();
        row.sessionHash = Hashes.sha256(sessionId);
        row.expiresAt = until;
        BlockedSession.getEntityManager().merge(row);
    }

    public boolean blocked(String sessionId, Instant now) {
        return BlockedSession.<BlockedSession>findByIdOptional(Hashes.sha256(sessionId))
                .filter(row -> row.expiresAt.isAfter(now)).isPresent();
    }

    public void forgetSession(String sessionId) {
        ContinuationCode.delete("sessionHash", Hashes.sha256(sessionId));
    }

    @Override
    public int purge(Instant now) {
        return (int) (ContinuationCode.delete("expiresAt < ?1", now) + BlockedSession.delete("expiresAt < ?1", now));
    }

    @Override
    public String name() {
        return "continuation-codes-and-blocks";
    }

    private static Integer seconds(Instant from, Instant to) {
        return from == null || to == null ? null : (int) Math.max(0, Duration.between(from, to).toSeconds());
    }
}
