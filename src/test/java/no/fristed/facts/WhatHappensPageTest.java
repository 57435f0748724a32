package no.fristed.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import no.fristed.chat.ChatConfig;
import no.fristed.questions.QuestionsConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The page that tells young people what happens to what they tell us states the numbers the service is configured
 * with; when a setting changes, this fails until the page (in every language) says the new number.
 */
@QuarkusTest
class WhatHappensPageTest {

    @Inject
    QuestionsConfig questions;
    @Inject
    ChatConfig chat;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"nb", "nn", "en"})
    void thePageStatesHowLongAnswersQuestionsAndContinuationCodesAreKept(String lang) throws IOException {
        String page = Files.readString(Path.of("content/facts/hva-skjer-med-det-du-forteller-oss." + lang + ".md"));
        Map<String, Integer> settings = Map.of(
                "fristed.questions.keep-answered-days", questions.keepAnsweredDays(),
                "fristed.questions.keep-unanswered-days", questions.keepUnansweredDays(),
                "fristed.chat.continuation-days", chat.continuationDays());
        List<String> missing = settings.entrySet().stream()
                .filter(s -> !Pattern.compile("(?<![\\d.,])" + s.getValue() + "(?![.,]?\\d)").matcher(page).find())
                .map(s -> s.getKey() + " = " + s.getValue()).sorted().toList();
        assertEquals(List.of(), missing, "hva-skjer-med-det-du-forteller-oss." + lang + " must state these numbers");
    }
}
