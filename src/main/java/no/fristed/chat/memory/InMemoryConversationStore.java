package no.fristed.chat.memory;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import no.fristed.chat.Audience;
import no.fristed.chat.Conversation;
import no.fristed.chat.ConversationStore;
import no.fristed.chat.CounsellorPresence;
import no.fristed.chat.protocol.Outgoing;

/** The embedded default's conversation store: plain maps in this process. */
@ApplicationScoped
@DefaultBean
public class InMemoryConversationStore implements ConversationStore {

    private record Logged(Audience audience, Outgoing frame) {
    }

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, List<Logged>> logs = new ConcurrentHashMap<>();
    private final Map<String, CounsellorPresence> counsellors = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final ReentrantLock delivering = new ReentrantLock();
    private final AtomicLong arrivals = new AtomicLong();
    private final Deque<Long> chatLengths = new ArrayDeque<>();

    /**
     * One lock for every scope: in one process an operation takes microseconds. The operation has the state to itself; its frames go out after the state is let go, but in the order the
     * operations ran: the delivery turn is taken before the state is let go, so two operations on one chat can never
     * deliver their frames crossed.
     */
    @Override
    public <T> T atomically(Scope scope, Supplier<T> operation, Runnable deliver) {
        T result;
        synchronized (lock) {
            result = operation.get();
            delivering.lock();
        }
        try {
            deliver.run();
        } finally {
            delivering.unlock();
        }
        return result;
    }

    @Override
    public long nextQueueNumber() {
        return arrivals.incrementAndGet();
    }

    @Override
    public void chatLasted(long seconds, int keep) {
        synchronized (chatLengths) {
            chatLengths.addLast(seconds);
            while (chatLengths.size() > keep) {
                chatLengths.removeFirst();
            }
        }
    }

    @Override
    public List<Long> recentChatLengths() {
        synchronized (chatLengths) {
            return List.copyOf(chatLengths);
        }
    }

    @Override
    public void put(Conversation conversation) {
        conversations.put(conversation.id, conversation);
    }

    @Override
    public Optional<Conversation> get(String id) {
        return Optional.ofNullable(conversations.get(id));
    }

    @Override
    public Collection<Conversation> all() {
        return List.copyOf(conversations.values());
    }

    @Override
    public void remove(String id) {
        conversations.remove(id);
        logs.remove(id);
    }

    @Override
    public void append(String conversationId, Audience audience, Outgoing frame) {
        logs.computeIfAbsent(conversationId, id -> new ArrayList<>()).add(new Logged(audience, frame));
    }

    @Override
    public List<Outgoing> framesAfter(String conversationId, long seq, Audience party) {
        return logs.getOrDefault(conversationId, List.of()).stream()
                .filter(f -> f.frame().loggedSeq() > seq && f.audience().includes(party))
                .map(Logged::frame)
                .toList();
    }

    @Override
    public void putCounsellor(CounsellorPresence presence) {
        counsellors.put(presence.username, presence);
    }

    @Override
    public Optional<CounsellorPresence> counsellor(String username) {
        return Optional.ofNullable(counsellors.get(username));
    }

    @Override
    public Collection<CounsellorPresence> counsellors() {
        return List.copyOf(counsellors.values());
    }
}
