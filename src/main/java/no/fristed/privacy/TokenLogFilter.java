package no.fristed.privacy;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Drops any log record that looks like it carries a token (a JWT or a bearer credential), whatever logged it, so a
 * library's debug output cannot leak one.
 */
@LoggingFilter(name = "fristed-no-tokens")
public final class TokenLogFilter implements Filter {

    private static final Pattern TOKEN = Pattern.compile(
            "eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.|(?i)bearer\\s+[A-Za-z0-9._~+/-]{10,}|[?&](token|access_token)=");

    @Override
    public boolean isLoggable(LogRecord record) {
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        if (message != null && TOKEN.matcher(message).find()) {
            return false;
        }
        Throwable thrown = record.getThrown();
        while (thrown != null) {
            if (thrown.getMessage() != null && TOKEN.matcher(thrown.getMessage()).find()) {
                return false;
            }
            thrown = thrown.getCause();
        }
        return true;
    }
}
