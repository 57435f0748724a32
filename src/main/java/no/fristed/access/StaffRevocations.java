package no.fristed.access;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.json.JsonNumber;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Staff tokens that were ended: a deactivation, a password change or an admin's "log out everywhere" ends every token
 * the member has. Each token carries its account's token generation (claim {@value #CLAIM}, 0 when absent); ending
 * the tokens raises the account's generation, and older generations stop working. Checked in memory on every
 * request; shared with other instances through the database every few seconds, like {@link SessionRevocations}.
 */
@ApplicationScoped
public class StaffRevocations {

    static final String CLAIM = "token_generation";

    /** The lowest generation still valid, per member whose tokens were ever ended; none at all once deactivated. */
    private final Map<String, Long> lowestValid = new ConcurrentHashMap<>();
    private final Event<TokensRevoked> announce;

    StaffRevocations(Event<TokensRevoked> announce) {
        this.announce = announce;
    }

    public boolean isRevoked(JsonWebToken token) {
        Long lowest = lowestValid.get(token.getName());
        return lowest != null && generation(token) < lowest;
    }

    /** Ends every token of the member, in the caller's transaction; new tokens get the account's new generation. */
    void endTokens(StaffAccount account) {
        account.tokenGeneration++;
        learn(account);
        announce.fire(new TokensRevoked());
    }

    @Scheduled(every = "${fristed.sessions.revocation-sync-interval}")
    void syncFromOtherInstances() {
        boolean learned = QuarkusTransaction.requiringNew().call(() -> StaffAccount
                .<StaffAccount>list("tokenGeneration > 0 or active = false").stream()
                .map(this::learn).reduce(false, Boolean::logicalOr));
        if (learned) {
            announce.fire(new TokensRevoked());
        }
    }

    /** Whether this raised what this instance knew. */
    private boolean learn(StaffAccount account) {
        long lowest = account.active ? account.tokenGeneration : Long.MAX_VALUE;
        Long before = lowestValid.get(account.username);
        lowestValid.merge(account.username, lowest, Math::max);
        return before == null || before < lowest;
    }

    private static long generation(JsonWebToken token) {
        Object claim = token.getClaim(CLAIM);
        if (claim instanceof JsonNumber number) {
            return number.longValue();
        }
        return claim instanceof Number number ? number.longValue() : 0;
    }
}
