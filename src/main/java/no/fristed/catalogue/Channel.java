package no.fristed.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One way to contact a service: a phone number, an SMS number, a chat or web address, an e-mail, a drop-in. */
@Embeddable
public record Channel(
        @NotNull @Enumerated(EnumType.STRING) @Column(name = "channel_type") ChannelType type,
        @NotBlank @Size(max = 500) @Column(name = "channel_value") String value,
        @Size(max = 500) String description) {
}
