package no.fristed.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import no.fristed.common.Hashes;
import no.fristed.privacy.RetentionTask;

/**
 * Youth sessions deleted with "delete everything now": their tokens must stop working at once. Checked in memory on
 * every request; shared with other instances through the database every few seconds.
 */
@ApplicationScoped
public class SessionRevocations implements RetentionTask {

    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final Event<TokensRevoked> announce;

    SessionRevocations(Event<TokensRevoked> announce) {
        this.announce = announce;
    }

    public boolean isRevoked(String sessionId) {
        return revoked.contains(Hashes.sha256(sessionId));
    }

    /** Like {@link #isRevoked}, but also sees a deletion another instance made a moment ago (asks the database). */
    public boolean isRevokedAnywhere(String sessionId) {
        return isRevoked(sessionId) || QuarkusTransaction.requiringNew()
                .call(() -> RevokedSession.findById(Hashes.sha256(sessionId)) != null);
    }

    void revoke(String sessionId, Instant until) {
        String hash = Hashes.sha256(sessionId);
        revoked.add(hash);
        QuarkusTransaction.requiringNew().run(() -> {
            if (RevokedSession.findById(hash) == null) {
                RevokedSession row = new RevokedSession();
                row.subjectHash = hash;
                row.expiresAt = until;
                row.persist();
            }
        });
        announce.fire(new TokensRevoked());
    }

    @Scheduled(every = "${fristed.sessions.revocation-sync-interval}")
    void syncFromOtherInstances() {
        boolean learned = QuarkusTransaction.requiringNew().call(() -> RevokedSession.<RevokedSession>listAll().stream()
                .map(row -> revoked.add(row.subjectHash)).reduce(false, Boolean::logicalOr));
        if (learned) {
            announce.fire(new TokensRevoked());
        }
    }

    @Override
    public int purge(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var expired = RevokedSession.<RevokedSession>list("expiresAt < ?1", now);
            expired.forEach(row -> {
                revoked.remove(row.subjectHash);
                row.delete();
            });
            return expired.size();
        });
    }

    @Override
    public String name() {
        return "revoked-sessions";
    }
}
