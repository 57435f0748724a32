package no.fristed.chat;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.nio.file.Path;
import java.util.Map;
import no.fristed.chat.protocol.Safeguarding;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentFiles;

/** What the chat says to a young person in its own words, from content/chat/texts.nb.yaml (read at start-up). */
public record ChatTexts(@NotBlank String closed, @NotBlank String piiWarning, @NotBlank String backToQueue,
        @NotBlank String transferred, @NotBlank String stateLost, @NotBlank String unavailable,
        @NotBlank String unsafe, @NotBlank String unsafeInChat, @NotBlank String readingAlong, @NotBlank String joined, @NotBlank String tookOver,
        @NotBlank String consent, @NotEmpty Map<String, String> consentWhat,
        @NotEmpty Map<String, String> consentPurpose) {

    /** The plain-words consent question for one kind of data and purpose. */
    public String consent(Safeguarding.DataKind what, Safeguarding.Purpose purpose) {
        return consent.replace("{what}", consentWhat.getOrDefault(what.code(), what.code()))
                .replace("{purpose}", consentPurpose.getOrDefault(purpose.code(), purpose.code()));
    }

    /** Reads the texts once, at start-up, so a mistake in the file stops the start with the file named. */
    @ApplicationScoped
    static class Loader {

        @Produces
        @Singleton
        @Startup
        ChatTexts texts(ContentFiles files, @ContentDir Path contentDir) {
            return files.load(contentDir.resolve("chat/texts.nb.yaml"), ChatTexts.class).value();
        }
    }
}
