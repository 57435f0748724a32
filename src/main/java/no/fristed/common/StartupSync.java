package no.fristed.common;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Start-up writes (content files into the database, the first admin) in a transaction of their own that first locks
 * the one row of {@code startup_lock}: instances starting together take turns, and the later one finds the work
 * done. Works the same on H2 and PostgreSQL. Content loaders also skip files they already stored from the same
 * {@link ContentFingerprint}, which makes a restart cheap.
 */
public final class StartupSync {

    private StartupSync() {
    }

    public static void exclusively(Runnable work) {
        QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().createNativeQuery("SELECT id FROM startup_lock WHERE id = 1 FOR UPDATE")
                    .getResultList();
            work.run();
        });
    }

    /**
     * Like {@link #exclusively}, but skips the work when it last ran for {@code area} with the same fingerprint, and
     * records the fingerprint when it has run.
     */
    public static void exclusivelyUnlessDone(String area, String fingerprint, Runnable work) {
        exclusively(() -> {
            EntityManager em = Panache.getEntityManager();
            List<?> done = em.createNativeQuery("SELECT area FROM content_sync WHERE area = ?1 AND fingerprint = ?2")
                    .setParameter(1, area).setParameter(2, fingerprint).getResultList();
            if (!done.isEmpty()) {
                return;
            }
            work.run();
            em.createNativeQuery("DELETE FROM content_sync WHERE area = ?1").setParameter(1, area).executeUpdate();
            em.createNativeQuery("INSERT INTO content_sync (area, fingerprint) VALUES (?1, ?2)")
                    .setParameter(1, area).setParameter(2, fingerprint).executeUpdate();
        });
    }
}
