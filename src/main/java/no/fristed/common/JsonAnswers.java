package no.fristed.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Recent answers to a public search, kept as the JSON sent, so a repeated search is neither worked out nor written
 * again. The owner makes one per version of what it searches (a catalogue, a published set), so a change starts an
 * empty one, and puts in the key everything else the answer depends on (the query, the period of time in which the
 * answer holds). Keys hold what someone searched for, so entries go after a minute and never leave memory; nothing
 * that says where someone is may be part of a key.
 */
public final class JsonAnswers<K> {

    private static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final Duration KEPT = Duration.ofMinutes(1);

    private final ObjectMapper json;
    private final Cache<K, byte[]> answers = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .<K, byte[]>weigher((key, answer) -> answer.length)
            .expireAfterWrite(KEPT)
            .executor(Runnable::run)
            .build();

    public JsonAnswers(ObjectMapper json) {
        this.json = json;
    }

    /**
     * How many of the sorted moments have come by {@code now} (one at exactly {@code now} counts): a key part that
     * changes exactly when one of the moments an answer depends on passes.
     */
    public static int passed(Instant[] sortedMoments, Instant now) {
        int found = Arrays.binarySearch(sortedMoments, now);
        return found >= 0 ? found + 1 : -found - 1;
    }

    /** The answer for the key, worked out and written only when it is not kept. */
    public byte[] get(K key, Supplier<?> answer) {
        return answers.get(key, k -> write(answer.get()));
    }

    /** An answer that must not be kept. */
    public byte[] uncached(Supplier<?> answer) {
        return write(answer.get());
    }

    private byte[] write(Object answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
