package no.fristed.chat;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The embedded default's conversation store: plain maps in this process. */
@ApplicationScoped
@DefaultBean
public class InMemoryConversationStore implements ConversationStore {

    private record Logged(long seq, Audience audience, String json) {
    }

    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();
    private final Map<String, List<Logged>> logs = new ConcurrentHashMap<>();
    private final Map<String, CounsellorPresence> counsellors = new ConcurrentHashMap<>();

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
    public String append(Conversation conversation, Audience audience, Frames.Frame frame) {
        long seq = ++conversation.lastSeq;
        String json = frame.seq(seq).json();
        logs.computeIfAbsent(conversation.id, id -> new ArrayList<>()).add(new Logged(seq, audience, json));
        return json;
    }

    @Override
    public List<String> framesAfter(String conversationId, long seq, Audience party) {
        return logs.getOrDefault(conversationId, List.of()).stream()
                .filter(f -> f.seq() > seq && f.audience().includes(party))
                .map(Logged::json)
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
