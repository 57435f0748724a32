package no.fristed.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jboss.logging.Logger;

/**
 * Makes the embedded default's H2 file forget deleted rows now. H2 writes changes to new places in its file, so a
 * deleted row stays readable in its old chunk as long as anything else in that chunk is live, which can take
 * minutes. Compacting moves the live rest out (what H2's background housekeeping does when it gets round to it), and
 * with {@code RETENTION_TIME=0} the next write then overwrites the emptied chunk. There is no SQL for this while the
 * database is open, so it goes through H2's engine classes. PostgreSQL (the cluster) is left to its own vacuuming.
 */
@ApplicationScoped
public class FreedPages {

    private static final Logger LOG = Logger.getLogger(FreedPages.class);
    /**
     * Rounds go on until no chunk is left with freed space (each rewrites the emptiest chunks), within this time, so
     * a deletion still answers promptly on a large database; a small one needs a few rounds or a few dozen, depending
     * on how its start-up wrote the content.
     */
    private static final Duration LONGEST = Duration.ofSeconds(2);
    private static final int BYTES_PER_ROUND = 16 * 1024 * 1024;

    private final AgroalDataSource dataSource;
    private final boolean h2;

    FreedPages(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.h2 = "h2".equals(dbKind);
    }

    /**
     * Frees the chunks deleted rows were in, so that later writes (the compaction's own commits first) overwrite
     * them; call it after the deleting transactions have committed.
     */
    public void overwrite() {
        if (!h2) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            long deadline = System.nanoTime() + LONGEST.toNanos();
            while (System.nanoTime() < deadline && store.compact(100, BYTES_PER_ROUND)) {
                store.commit();
            }
        } catch (SQLException | RuntimeException e) {
            // The rows are deleted either way; their old bytes go when H2's housekeeping reaches them.
            LOG.warnf("Freed database pages could not be overwritten now: %s", e.getClass().getName());
        }
    }
}
