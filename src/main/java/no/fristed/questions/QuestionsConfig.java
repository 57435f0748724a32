package no.fristed.questions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Settings of the anonymous questions. */
@ConfigMapping(prefix = "fristed.questions")
public interface QuestionsConfig {

    /** fristed.questions.keep-answered-days: days an answered question is kept after its answer. */
    @WithDefault("30")
    int keepAnsweredDays();

    /** fristed.questions.keep-unanswered-days: days an unanswered question is kept. */
    @WithDefault("60")
    int keepUnansweredDays();

    /** fristed.questions.ask-limit: questions per network address per hour. */
    @WithDefault("10")
    long askLimit();

    /** fristed.questions.pickup-limit: pickup attempts per network address per ten minutes. */
    @WithDefault("20")
    long pickupLimit();

    /** fristed.questions.pickup-secret-file: the HMAC secret for pickup codes. */
    @WithDefault("data/keys/pickup-secret")
    Path pickupSecretFile();

    /** fristed.questions.generate-secret: create the pickup secret on first use when the file is missing. */
    @WithDefault("true")
    boolean generateSecret();
}
