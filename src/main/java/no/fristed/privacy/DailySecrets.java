package no.fristed.privacy;

import java.time.LocalDate;

/** The random secret of one day (UTC) behind {@link ClientKeys}: made on first use, never written to disk. */
public interface DailySecrets {

    byte[] of(LocalDate day);
}
