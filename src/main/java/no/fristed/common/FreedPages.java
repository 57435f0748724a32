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
 * with one live page left stays where it is; and H2 pads each chunk from a reused buffer it does not clear. So,
 * once the deletion is written, every page H2 counts as dead, every chunk's padding and every block H2 counts as free
 * is overwritten with zeros. There is no SQL for this while the database is open, so it goes through H2's engine
 * classes (2.4) and the fields and methods it keeps to itself. PostgreSQL (the cluster) is left to its own vacuuming.
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
    /** H2's chunk footer length, also package-private. */
    private static final int FOOTER = 128;
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
            // Writing the deletion makes H2 mark the pages it replaced as dead.
            store.commit();
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
            Field tableOfContentsPosition, Field pageCount, Method tableOfContents, Method oldestVersionNeeded,
            Method forgetFinishedReaders) {

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
                    accessible(Chunk.class.getDeclaredField("tocPos")),
                    accessible(Chunk.class.getDeclaredField("pageCount")),
                    accessible(FileStore.class.getDeclaredMethod("getToC", Chunk.class)),
                    accessible(MVStore.class.getDeclaredMethod("getOldestVersionToKeep")),
                    accessible(MVStore.class.getDeclaredMethod("dropUnusedVersions")));
        }

        private static <T extends AccessibleObject> T accessible(T member) {
            member.setAccessible(true);
            return member;
        }

        /**
         * Zeroes dead pages, chunk padding and free blocks, unless a reader still works on an older version (it may
         * need pages that are dead now); false if it has to be tried again.
         */
        boolean zeroed() {
            if (Thread.currentThread().isInterrupted()) {
                // An interrupted thread would close H2's file channel on its first write.
                return true;
            }
            boolean[] done = {false};
            store.executeFilestoreOperation(() -> done[0] = zeroInsideFileStoreOperation());
            return done[0];
        }

        /**
         * No chunk is being written and none can start while this runs, and the version cannot change. Only what H2
         * has already let go of is touched: blocks it freed (H2 frees a chunk's blocks only right before writing a
         * chunk whose layout no longer lists it), pages its occupancy marks dead (never a chunk's header, table of
         * contents or footer, which recovery reads), and the padding between a chunk's table of contents and its
         * footer, which H2 writes from a reused buffer without clearing it.
         */
        private boolean zeroInsideFileStoreOperation() {
            try {
                forgetFinishedReaders.invoke(store);
                if ((long) oldestVersionNeeded.invoke(store) < store.getCurrentVersion()) {
                    return false;
                }
                chunkLock.lock();
                try {
                    // The chunk that records the deletion is on disk before anything it replaced is zeroed.
                    file.force(false);
                    zeroFreeBlocks();
                    for (Chunk<?> chunk : chunks.values()) {
                        // Saved: placed in the file (block 0 is the store header) and no longer being written.
                        if (chunk.buffer == null && chunk.block != 0) {
                            zeroDeadPages(chunk);
                            zeroPadding(chunk);
                        }
                    }
                    file.force(false);
                } finally {
                    chunkLock.unlock();
                }
            } catch (Throwable e) {
                // H2 closes the whole database if anything leaves a file-store operation.
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
            if (dead == null || dead.isEmpty()) {
                return;
            }
            long[] pages = (long[]) tableOfContents.invoke(files, chunk);
            long start = chunk.block * BLOCK;
            long pagesEnd = start + tableOfContentsPosition.getInt(chunk);
            ByteBuffer length = ByteBuffer.allocate(Integer.BYTES);
            for (int page = dead.nextSetBit(0); page >= 0 && page < pages.length; page = dead.nextSetBit(page + 1)) {
                long position = start + DataUtils.getPageOffset(pages[page]);
                length.clear();
                file.read(length, position);
                // A page starts with its length; the table of contents only has an upper bound for it.
                int bytes = length.flip().remaining() == Integer.BYTES ? length.getInt() : 0;
                if (bytes > 0 && bytes <= DataUtils.getPageMaxLength(pages[page]) && position + bytes <= pagesEnd) {
                    zero(position, position + bytes);
                }
            }
        }

        private void zeroPadding(Chunk<?> chunk) throws IOException, ReflectiveOperationException {
            int tableOfContentsAt = tableOfContentsPosition.getInt(chunk);
            if (tableOfContentsAt <= 0) {
                return;
            }
            long start = chunk.block * BLOCK;
            long paddingStart = start + tableOfContentsAt + (long) Long.BYTES * pageCount.getInt(chunk);
            long footerStart = start + (long) chunk.len * BLOCK - FOOTER;
            zero(paddingStart, footerStart);
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
