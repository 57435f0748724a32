package no.fristed.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
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

    public boolean isRevoked(String sessionId) {
        return revoked.contains(Hashes.sha256(sessionId));
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
    }

    @Scheduled(every = "${fristed.sessions.revocation-sync-interval}")
    void syncFromOtherInstances() {
        QuarkusTransaction.requiringNew().run(
                () -> RevokedSession.<RevokedSession>listAll().forEach(row -> revoked.add(row.subjectHash)));
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
