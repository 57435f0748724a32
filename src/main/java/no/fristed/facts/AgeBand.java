package no.fristed.facts;

import java.util.Optional;
import no.fristed.common.Coded;

/** The audience age bands content is written for; pages may have sections for one band only. */
public enum AgeBand implements Coded {
    YOUNG_TEEN("13-15", 15),
    OLDER_TEEN("16-17", 17),
    YOUNG_ADULT("18-25", 25);

    private final String code;
    private final int to;

    AgeBand(String code, int to) {
        this.code = code;
        this.to = to;
    }

    @Override
    public String code() {
        return code;
    }

    /** The band for an age; under 13 reads as 13–15 and over 25 as 18–25, the nearest written-for audience. */
    public static AgeBand forAge(int age) {
        for (AgeBand band : values()) {
            if (age <= band.to) {
                return band;
            }
        }
        return YOUNG_ADULT;
    }

    public boolean isMinor() {
        return this != YOUNG_ADULT;
    }

    public static Optional<AgeBand> parse(String code) {
        try {
            return Optional.of(Coded.fromCode(AgeBand.class, code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
