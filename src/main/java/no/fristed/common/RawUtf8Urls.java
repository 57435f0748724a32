package no.fristed.common;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;

/**
 * Accepts URLs with raw UTF-8 in them, as curl and some apps send "municipality=Tromsø" without percent-encoding.
 * The HTTP layer reads the request line byte by byte (ISO-8859-1), so such a value would arrive garbled; this
 * percent-encodes every non-ASCII byte before the request is routed, which is what a browser would have sent.
 */
@ApplicationScoped
public class RawUtf8Urls {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(RawUtf8Urls::encode);
    }

    private static void encode(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.chars().allMatch(c -> c < 0x80)) {
            context.next();
            return;
        }
        context.reroute(percentEncoded(uri));
    }

    static String percentEncoded(String uri) {
        StringBuilder out = new StringBuilder(uri.length() + 16);
        for (char c : uri.toCharArray()) {
            if (c < 0x80) {
                out.append(c);
            } else {
                // Chars above 0xFF cannot come from a byte-wise read; encode them as UTF-8 all the same.
                byte[] bytes = c <= 0xFF ? new byte[] {(byte) c} : String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        }
        return out.toString();
    }
}
