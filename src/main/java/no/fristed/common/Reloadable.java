package no.fristed.common;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value built from the database and kept in memory: rebuilt lazily after a local write ({@link #invalidate()}),
 * and when a cheap fingerprint query shows that another instance wrote ({@link #reloadIfChangedElsewhere()}).
 */
public final class Reloadable<T> {

    private record Loaded<T>(T value, String fingerprint) {
    }

    private final Supplier<T> builder;
    private final Supplier<String> fingerprint;
    private volatile Loaded<T> loaded;
    /** Bumped on every invalidation, so a build that raced with a write is not kept. */
    private final AtomicLong generation = new AtomicLong();

    public Reloadable(Supplier<T> builder, Supplier<String> fingerprint) {
        this.builder = builder;
        this.fingerprint = fingerprint;
    }

    public T get() {
        Loaded<T> known = loaded;
        if (known == null) {
            long startedAt = generation.get();
            known = QuarkusTransaction.joiningExisting().call(() -> {
                String print = fingerprint.get();
                return new Loaded<>(builder.get(), print);
            });
            if (generation.get() == startedAt) {
                loaded = known;
            }
        }
        return known.value();
    }

    public void invalidate() {
        generation.incrementAndGet();
        loaded = null;
    }

    public void reloadIfChangedElsewhere() {
        Loaded<T> known = loaded;
        if (known != null && !known.fingerprint().equals(QuarkusTransaction.joiningExisting().call(fingerprint::get))) {
            invalidate();
        }
    }
}
