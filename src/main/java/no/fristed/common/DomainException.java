package no.fristed.common;

import java.time.Duration;

/**
 * Something a client asked for that cannot be done, said in the domain's terms: services throw these, and each
 * channel turns them into its own answer once ({@link ProblemMappers} into problem+json for HTTP, the chat sockets
 * into error frames). The code names the case for clients ("not-found", "wrong-state"); the message is plain words
 * and never quotes what the client wrote (an id from the path at most).
 */
public abstract sealed class DomainException extends RuntimeException {

    private final String code;

    private DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** A value outside what the operation accepts. */
    public static final class Invalid extends DomainException {
        public Invalid(String code, String message) {
            super(code, message);
        }
    }

    /** Nothing of that id, or nothing this client may know of. */
    public static final class NotFound extends DomainException {
        public NotFound(String code, String message) {
            super(code, message);
        }

        /** "Service 'x' was not found", with the code not-found. */
        public static NotFound of(String what) {
            return new NotFound("not-found", what + " was not found");
        }
    }

    /** It exists, but its state does not allow this now. */
    public static final class Conflict extends DomainException {
        public Conflict(String code, String message) {
            super(code, message);
        }
    }

    /** This client may not do this (a deleted session, a block). */
    public static final class Refused extends DomainException {
        public Refused(String code, String message) {
            super(code, message);
        }
    }

    /** Too much too fast; allowed again after {@link #retryAfter()}. */
    public static final class RateLimited extends DomainException {
        private final transient Duration retryAfter;

        public RateLimited(String message, Duration retryAfter) {
            super("rate-limited", message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Something the service depends on (the cluster's Redis) cannot be reached for a moment; nothing was done. */
    public static final class Unavailable extends DomainException {
        private final transient Duration retryAfter;

        public Unavailable(String message, Duration retryAfter) {
            super("unavailable", message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
