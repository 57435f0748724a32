package no.fristed.common;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.Chunk;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.FreeSpaceBitSet;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.h2.mvstore.SingleFileStore;
import org.jboss.logging.Logger;

/**
 * Makes the embedded default's H2 file forget deleted rows now. H2 writes changes to new places in its file and
 * never clears old ones: a deleted row (and the copy of it in the deleting transaction's undo log) stays readable in
 * its old page until a later chunk happens to be written over exactly that place, which can be never, since a chunk
 * with one live page left stays where it is. So, once the deletion is written, every page H2 counts as dead and
 * every block it counts as free is overwritten with zeros, which is what H2 itself does to them when it places a new
 * chunk there. There is no SQL for this while the database is open, so it goes through H2's engine classes (2.4) and
 * the fields and methods it keeps to itself. PostgreSQL (the cluster) is left to its own vacuuming.
 */
@ApplicationScoped
public class FreedPages {

    private static final Logger LOG = Logger.getLogger(FreedPages.class);
    /** How long to wait for readers of an older version (whose pages must stay readable) to finish. */
    private static final Duration LONGEST = Duration.ofSeconds(2);
    private static final long PAUSE_MILLIS = 10;
    /** H2's block size; its constant is package-private. The first two blocks are the store header. */
    private static final int BLOCK = 4096;
    private static final int HEADER_BLOCKS = 2;
    private static final ByteBuffer ZEROS = ByteBuffer.allocate(256 * BLOCK).asReadOnlyBuffer();

    private final AgroalDataSource dataSource;
    private final boolean h2;

    FreedPages(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.dataSource = dataSource;
        this.h2 = "h2".equals(dbKind);
    }

    /** Overwrites what deleted rows left in the file; call it after the deleting transactions have committed. */
    public void overwrite() {
        if (!h2) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            MVStore store = session.getDatabase().getStore().getMvStore();
            Store internals = Store.of(store);
            long deadline = System.nanoTime() + LONGEST.toNanos();
            store.commit();
            // H2 closes the whole database if a file-store operation throws, so nothing may leave the lambda.
            while (!internals.zeroed()) {
                if (System.nanoTime() > deadline) {
                    LOG.warn("Dead database pages were not overwritten: a reader kept an older version open");
                    return;
                }
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            // The rows are deleted either way; their old bytes go when H2 happens to write over them.
            LOG.warnf("Freed database pages could not be overwritten now: %s", e.getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A single-file H2 store and the parts of it H2 does not publish. */
    private record Store(MVStore store, FileStore<?> files, FreeSpaceBitSet free,
            Map<Integer, ? extends Chunk<?>> chunks, FileChannel file, ReentrantLock chunkLock, Field deadPages,
            Method tableOfContents, Method acceptRemovedPages, Method timeSinceCreation, Method oldestVersionNeeded) {

        @SuppressWarnings("unchecked")
        static Store of(MVStore store) throws ReflectiveOperationException {
            FileStore<?> files = store.getFileStore();
            if (!(files instanceof SingleFileStore)) {
                throw new ClassCastException(files.getClass().getName());
            }
            return new Store(store, files,
                    (FreeSpaceBitSet) accessible(RandomAccessStore.class.getDeclaredField("freeSpace")).get(files),
                    (Map<Integer, ? extends Chunk<?>>) accessible(FileStore.class.getDeclaredField("chunks"))
                            .get(files),
                    (FileChannel) accessible(SingleFileStore.class.getDeclaredField("fileChannel")).get(files),
                    (ReentrantLock) accessible(FileStore.class.getDeclaredField("saveChunkLock")).get(files),
                    accessible(Chunk.class.getDeclaredField("occupancy")),
                    accessible(FileStore.class.getDeclaredMethod("getToC", Chunk.class)),
                    accessible(FileStore.class.getDeclaredMethod("acceptChunkOccupancyChanges", long.class,
                            long.class)),
                    accessible(FileStore.class.getDeclaredMethod("getTimeSinceCreation")),
                    accessible(MVStore.class.getDeclaredMethod("getOldestVersionToKeep")));
        }

        private static <T extends AccessibleObject> T accessible(T member) {
            member.setAccessible(true);
            return member;
        }

        /**
         * Zeroes dead pages and free blocks, unless a reader still works on an older version (it may need pages that
         * are dead now); false if it has to be tried again.
         */
        boolean zeroed() {
            boolean[] done = {false};
            store.executeFilestoreOperation(() -> done[0] = zeroInsideFileStoreOperation());
            return done[0];
        }

        /** No chunk is being written and none can start while this runs, and the version cannot change. */
        private boolean zeroInsideFileStoreOperation() {
            try {
                long version = store.getCurrentVersion();
                if ((long) oldestVersionNeeded.invoke(store) < version) {
                    return false;
                }
                // Pages removed before the current version are dead to every reader; H2 would count them later.
                acceptRemovedPages.invoke(files, timeSinceCreation.invoke(files), version);
                files.dropUnusedChunks();
                chunkLock.lock();
                try {
                    zeroFreeBlocks();
                    for (Chunk<?> chunk : chunks.values()) {
                        zeroDeadPages(chunk);
                    }
                    file.force(false);
                } finally {
                    chunkLock.unlock();
                }
            } catch (IOException | ReflectiveOperationException | RuntimeException e) {
                LOG.warnf("Free database blocks could not be overwritten: %s", e.getClass().getName());
            }
            return true;
        }

        private void zeroFreeBlocks() throws IOException {
            long end = file.size();
            long block = HEADER_BLOCKS;
            while (block * BLOCK < end) {
                long first = block;
                while (block * BLOCK < end && free.isFree(block * BLOCK, BLOCK)) {
                    block++;
                }
                zero(first * BLOCK, Math.min(block * BLOCK, end));
                block++;
            }
        }

        /** A chunk's dead pages, as its occupancy marks them, written over in place. */
        private void zeroDeadPages(Chunk<?> chunk) throws IOException, ReflectiveOperationException {
            BitSet dead = (BitSet) deadPages.get(chunk);
            if (chunk.buffer != null || dead == null || dead.isEmpty()) {
                return;
            }
            long[] pages = (long[]) tableOfContents.invoke(files, chunk);
            long start = chunk.block * BLOCK;
            long end = start + (long) chunk.len * BLOCK;
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
            for (int page = dead.nextSetBit(0); page >= 0 && page < pages.length; page = dead.nextSetBit(page + 1)) {
                long position = start + DataUtils.getPageOffset(pages[page]);
                length.clear();
                file.read(length, position);
                // A page starts with its length; the table of contents only has an upper bound for it.
                int bytes = length.flip().remaining() == Integer.BYTES ? length.getInt() : 0;
                if (bytes > 0 && bytes <= DataUtils.getPageMaxLength(pages[page]) && position + bytes <= end) {
                    zero(position, position + bytes);
                }
            }
        }

        private void zero(long from, long to) throws IOException {
            for (long position = from; position < to; ) {
                ByteBuffer zeros = ZEROS.duplicate();
                zeros.limit((int) Math.min(zeros.capacity(), to - position));
                position += file.write(zeros, position);
            }
        }
    }
}
