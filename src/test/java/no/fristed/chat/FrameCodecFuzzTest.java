package no.fristed.chat;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import no.fristed.chat.protocol.CounsellorFrame;
import no.fristed.chat.protocol.FrameCodec;
import no.fristed.chat.protocol.YouthFrame;
import no.fristed.common.DomainException;
import no.fristed.common.StrictJson;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Jazzer fuzzing of the frame reader: any text from either socket becomes a frame record or a "bad-frame" /
 * "unknown-type" refusal, never another failure, and a refusal never quotes the text.
 */
class FrameCodecFuzzTest {

    private static final FrameCodec CODEC = new FrameCodec(mapper(), validator());

    @FuzzTest(maxDuration = "30s")
    void anyTextFromASocketIsReadOrRefusedInProtocolTerms(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        readOrRefuse(() -> assertNotNull(CODEC.read(text, YouthFrame.class).frame()), text);
        readOrRefuse(() -> assertNotNull(CODEC.read(text, CounsellorFrame.class).frame()), text);
    }

    private static void readOrRefuse(Runnable read, String text) {
        try {
            read.run();
        } catch (DomainException refused) {
            assertTrue(Set.of("bad-frame", "unknown-type").contains(refused.code()), refused.code());
            assertTrue(text.length() < 8 || !refused.getMessage().contains(text), "a refusal quotes the frame");
        }
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private static Validator validator() {
        return Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }
}
