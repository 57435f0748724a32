package no.fristed.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses query parameters by hand so a bad value becomes a problem+json 400 naming the parameter (JAX-RS would
 * answer 404 for an unconvertible query parameter). Collects every error before failing.
 */
public final class QueryParams {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Integer integer(String name, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                return error(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            return error(name, "must be a whole number");
        }
    }

    public Double decimal(String name, String raw, double min, double max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw.trim());
            if (!(value >= min && value <= max)) {
                return error(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            return error(name, "must be a number");
        }
    }

    public boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> error(name, "must be true or false") != null;
        };
    }

    public <E extends Enum<E> & Coded> E code(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Coded.fromCode(type, raw.trim());
        } catch (IllegalArgumentException e) {
            return error(name, "must be one of " + Coded.codes(type));
        }
    }

    public <T> T error(String name, String message) {
        errors.add(new Problem.FieldError(name, message));
        return null;
    }

    /** Throws the collected errors as one 400 problem, if there are any. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
