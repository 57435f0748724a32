package no.fristed.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file under content/ follows the content rules (content/README.md); the checks themselves run on fixtures. */
class ContentTreeTest {

    @TempDir
    Path copy;

    @Test
    void theShippedContentFollowsEveryRule() {
        List<String> problems = ContentCheck.problems(Path.of("content"));
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    void aContentFolderFollowingTheRulesPasses() {
        assertEquals(List.of(), ContentCheck.problems(FactRulesTest.FIXTURE));
    }

    @Test
    void aPageMissingInALanguageIsReported() throws IOException {
        Path root = fixtureCopy();
        Files.delete(root.resolve("facts/testium.nn.md"));
        assertEquals(List.of("facts/testium.nn.md is missing: every page is written in nb, nn, en"),
                ContentCheck.problems(root));
    }

    @Test
    void anUnknownPhoneNumberInAnyContentFileIsReported() throws IOException {
        Path root = fixtureCopy();
        replace(root.resolve("canned/hjelp.yaml"), "116 117", "116 118");
        replace(root.resolve("services/legevakt.yaml"), "value: 116 117", "value: 55 55 55 55");
        replace(root.resolve("snippets/giftinfo.nb.md"), "22 59 13 00", "22 59 13 01");
        List<String> problems = ContentCheck.problems(root);
        assertTrue(problems.contains("canned/hjelp.yaml: the phone number '116 118' is not in taxonomy/phone-numbers.yaml"),
                problems.toString());
        assertTrue(problems.contains(
                "services/legevakt.yaml: the phone number '55 55 55 55' is not in taxonomy/phone-numbers.yaml"),
                problems.toString());
        assertTrue(problems.contains(
                "snippets/giftinfo.nb.md: the phone number '22 59 13 01' is not in taxonomy/phone-numbers.yaml"),
                problems.toString());
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void aPageBreakingARuleIsReportedWithTheFileAndEveryProblem() throws IOException {
        Path root = fixtureCopy();
        replace(root.resolve("facts/testium.en.md"), "<!-- include: akutt -->", "Call 22 59 13 01.");
        List<String> problems = ContentCheck.problems(root);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("testium.en.md: field 'body': a substance page includes the emergency block"),
                problems.get(0));
        assertTrue(problems.get(0).contains("the phone number '22 59 13 01'"), problems.get(0));
        assertEquals("facts/testium.en.md: the phone number '22 59 13 01' is not in taxonomy/phone-numbers.yaml",
                problems.get(1));
    }

    @Test
    void aSynonymForANameNoPageIsFiledUnderIsReported() throws IOException {
        Path root = fixtureCopy();
        Files.writeString(root.resolve("facts/synonyms.yaml"), "testium: [testo]\nfinnesikke: [ingenting]\n");
        assertEquals(List.of("facts/synonyms.yaml: no page is filed under 'finnesikke'"), ContentCheck.problems(root));
    }

    private Path fixtureCopy() throws IOException {
        try (Stream<Path> files = Files.walk(FactRulesTest.FIXTURE)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(FactRulesTest.FIXTURE.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " lacks " + from);
        Files.writeString(file, text.replace(from, to));
    }
}
