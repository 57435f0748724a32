package no.fristed.common;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Browser protections on every response: a strict Content-Security-Policy (scripts and styles only from files of
 * this service, nothing inline, no framing), no MIME sniffing, no referrer (so the quick exit does not tell the next
 * site where a young person came from), no powerful browser features. API answers are never stored by a browser or
 * proxy unless the endpoint says otherwise (fact pages do), since they carry tokens, pickup codes and what people
 * wrote; the console and demo pages are revalidated on every load rather than cached as immutable.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** First route of all, so every response, even an early refusal, gets the headers. */
    static final int ORDER = Integer.MIN_VALUE;

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
            "connect-src 'self'", "manifest-src 'self'", "base-uri 'none'", "form-action 'self'",
            "frame-ancestors 'none'");
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";
    /**
     * The youth client may read the position once, and only when the young person agrees to share it in a chat
     * ("so we can send help"); every other page keeps geolocation off.
     */
    static final String YOUTH_PERMISSIONS_POLICY = PERMISSIONS_POLICY.replace("geolocation=()", "geolocation=(self)");

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            context.addHeadersEndHandler(ignored -> addHeaders(context));
            context.next();
        });
    }

    private static void addHeaders(RoutingContext context) {
        MultiMap headers = context.response().headers();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Permissions-Policy", context.normalizedPath().startsWith("/demo/") ? YOUTH_PERMISSIONS_POLICY
                : PERMISSIONS_POLICY);
        // Browsers honour it only over HTTPS, which production terminates in front of the service.
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        if (context.normalizedPath().startsWith("/api/")) {
            if (!headers.contains("Cache-Control")) {
                headers.set("Cache-Control", "no-store");
            }
        } else {
            headers.set("Cache-Control", "no-cache");
        }
    }
}
