package no.fristed.canned;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A ready-made reply counsellors can send, as editors write it in content/canned or through the API. */
public record CannedDocument(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}", message = "must be 2-80 lower-case letters, digits and dashes") String id,
        @NotBlank @Pattern(regexp = "nb|nn|en", message = "must be nb, nn or en") String lang,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String text,
        List<@Pattern(regexp = "[a-z0-9-]{1,60}", message = "must be a lower-case id") String> topics) {

    public CannedDocument {
        topics = topics == null ? List.of() : topics;
    }
}
