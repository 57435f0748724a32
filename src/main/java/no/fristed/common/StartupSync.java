package no.fristed.common;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Start-up writes (content files into the database, the first admin) in a transaction of their own that first locks
 * the one row of {@code startup_lock}: instances starting together take turns, and the later one finds the work
 * done. Works the same on H2 and PostgreSQL.
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
}
