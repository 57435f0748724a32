package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Jazzer fuzzing of the chat frame parser and field readers: any text from a socket is handled without throwing. */
class FrameParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anyTextFromASocketIsParsedWithoutThrowing(FuzzedDataProvider data) {
        Frames.parse(data.consumeRemainingAsString()).ifPresent(frame -> {
            assertTrue(frame.path("type").isTextual());
            SocketSupport.text(frame, "conversationId");
            SocketSupport.text(frame, "text");
            assertTrue(SocketSupport.texts(frame, "topics").size() <= 20);
            frame.path("lastSeq").asLong(0);
        });
    }
}
