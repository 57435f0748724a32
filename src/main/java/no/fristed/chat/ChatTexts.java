package no.fristed.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import no.fristed.common.ContentDir;
import no.fristed.common.ContentFiles;

/** What the chat says to a young person in its own words, from content/chat/texts.nb.yaml (read at start-up). */
public record ChatTexts(@NotBlank String closed, @NotBlank String piiWarning, @NotBlank String backToQueue,
        @NotBlank String transferred, @NotBlank String stateLost, @NotBlank String unavailable) {

    /** Reads the texts once. */
    @ApplicationScoped
    static class Loader {

        @Produces
        @Singleton
        ChatTexts texts(ContentFiles files, @ContentDir Path contentDir) {
            return files.load(contentDir.resolve("chat/texts.nb.yaml"), ChatTexts.class).value();
        }
    }
}
