package no.fristed.common;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum whose API and file spelling is a lower-case code ("drop-in" for DROP_IN), not its Java name.
 * Jackson reads and writes the code through {@link #code()}.
 */
public interface Coded {

    String name();

    @JsonValue
    default String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant with that code; the exception message lists the valid codes. */
    static <E extends Enum<E> & Coded> E fromCode(Class<E> type, String code) {
        for (E constant : type.getEnumConstants()) {
            if (constant.code().equalsIgnoreCase(code)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of " + codes(type));
    }

    static <E extends Enum<E> & Coded> String codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "));
    }
}
