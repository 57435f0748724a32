package no.fristed.access;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.fristed.common.DomainException;
import no.fristed.common.Problem;
import no.fristed.common.ProblemException;
import no.fristed.common.RateLimits;
import no.fristed.common.StartupSync;
import no.fristed.privacy.ClientKeys;
import org.jboss.logging.Logger;

/**
 * The embedded default's staff accounts: bcrypt-hashed passwords, log-in that issues a JWT with the staff member's
 * roles as groups, and a first admin created from configuration on first start.
 */
@ApplicationScoped
public class StaffService {

    /** The shortest password a staff member (the first admin included) may have. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Logger LOG = Logger.getLogger(StaffService.class);
    /**
     * Log-in attempts per (address, username) pair: one a second, and after each failure beyond
     * {@link #FREE_FAILURES} the pair waits twice as long as after the one before (2 s, 4 s, … up to
     * {@link #LONGEST_WAIT}) before the next attempt, with any password. Only the pair waits: the same username from
     * another address, or another username from this address, is not held up, so nobody can lock a colleague out.
     */
    private static final RateLimits.Limit ATTEMPTS = new RateLimits.Limit("staff-login", 1, Duration.ofSeconds(1));
    /** Failed log-ins remembered per pair; one is forgiven every ten minutes. */
    private static final RateLimits.Limit FAILURES = new RateLimits.Limit("staff-login-failures", 20, Duration.ofMinutes(200));
    private static final int FREE_FAILURES = 3;
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    private static final String UNKNOWN = "Unknown username or wrong password";

    /** A staff member as admins see them. */
    public record StaffView(String username, List<StaffRole> roles, boolean active) {
        static StaffView of(StaffAccount account) {
            return new StaffView(account.username, account.roles, account.active);
        }
    }

    private final TokenIssuer tokens;
    private final StaffRevocations revocations;
    private final RateLimits limits;
    private final ClientKeys clientKeys;
    private final Clock clock;
    private final String adminUsername;
    private final Optional<String> adminPassword;

    StaffService(TokenIssuer tokens, StaffRevocations revocations, RateLimits limits, ClientKeys clientKeys, Clock clock,
            AccessConfig config) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.limits = limits;
        this.clientKeys = clientKeys;
        this.clock = clock;
        this.adminUsername = config.admin().username();
        this.adminPassword = config.admin().password();
    }

    void onStart(@Observes StartupEvent event) {
        requireLongEnough(adminPassword);
        StartupSync.exclusively(() -> {
            if (StaffAccount.anyAdmin()) {
                return;
            }
            if (adminPassword.isEmpty() || adminPassword.get().isBlank()) {
                LOG.warn("There is no admin account. Set FRISTED_ADMIN_PASSWORD (and optionally FRISTED_ADMIN_USERNAME)"
                        + " and restart to create the first one.");
                return;
            }
            save(adminUsername, adminPassword.get(), List.of(StaffRole.ADMIN), "configuration");
            LOG.infof("Created the first admin account '%s' from configuration", adminUsername);
        });
    }

    /**
     * A configured first-admin password that is too short stops the start: the message names the setting, never
     * the value.
     */
    static void requireLongEnough(Optional<String> adminPassword) {
        if (adminPassword.isPresent() && !adminPassword.get().isBlank()
                && adminPassword.get().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("FRISTED_ADMIN_PASSWORD (fristed.admin.password) is too short: the first"
                    + " admin's password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    /** Logs a staff member in from {@code address} (used only as a rotating keyed hash, with the username). */
    public TokenIssuer.IssuedToken login(String username, String password, String address) {
        StaffAccount account = QuarkusTransaction.requiringNew().call(() -> checkedPassword(username, password,
                clientKeys.of(address + "\n" + username),
                () -> new ProblemException(Problem.of(401, "login-failed", "Log-in failed", UNKNOWN))));
        return token(account);
    }

    /**
     * A member's own password change, with their current password: every token they have ends (on every instance
     * within the revocation sync interval), and they get a new one.
     */
    @Transactional
    public TokenIssuer.IssuedToken changePassword(String username, String currentPassword, String newPassword,
            String address) {
        // Its own throttle: a mistyped current password does not hold up the member's next log-in.
        StaffAccount account = checkedPassword(username, currentPassword,
                clientKeys.of("password-change\n" + address + "\n" + username),
                () -> ProblemException.badRequest("currentPassword", "is not your current password"));
        account.passwordHash = BcryptUtil.bcryptHash(newPassword);
        revocations.endTokens(account);
        return token(account);
    }

    /** An admin's "log out everywhere": every token the member has stops working; they can log in again. */
    @Transactional
    public void logOutEverywhere(String username) {
        revocations.endTokens(existing(username));
    }

    /** 2 s after the first failure beyond the free ones, doubling with each further one, up to the longest wait. */
    private static Duration waitAfter(long failures) {
        long doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT;
    }

    @Transactional
    public StaffView create(String username, String password, List<StaffRole> roles, String admin) {
        if (StaffAccount.findById(username) != null) {
            throw new DomainException.Conflict("staff-exists",
                    "A staff member with username '" + username + "' exists");
        }
        return StaffView.of(save(username, password, roles, admin));
    }

    /** The member can no longer log in, and every token they have stops working. */
    @Transactional
    public StaffView deactivate(String username) {
        StaffAccount account = existing(username);
        account.active = false;
        revocations.endTokens(account);
        return StaffView.of(account);
    }

    @Transactional
    public List<StaffView> list() {
        return StaffAccount.<StaffAccount>listAll().stream().map(StaffView::of).toList();
    }

    /**
     * The active account if the password is its own. Attempts are throttled per (address, username) pair: after
     * {@link #FREE_FAILURES} failures the pair waits longer after each further one, so nobody can lock a member out
     * from elsewhere. A failure takes as long whether or not the account exists.
     */
    private StaffAccount checkedPassword(String username, String password, String pair,
            java.util.function.Supplier<ProblemException> failure) {
        limits.take(ATTEMPTS, pair, "Too many failed log-ins for this user from here; wait a while");
        Optional<StaffAccount> account = StaffAccount.findByIdOptional(username);
        boolean matches = BcryptUtil.matches(password,
                account.map(a -> a.passwordHash).orElseGet(() -> DummyHash.VALUE));
        if (account.isEmpty() || !matches || !account.get().active) {
            long failures = limits.count(FAILURES, pair);
            if (failures > FREE_FAILURES) {
                limits.delay(ATTEMPTS, pair, waitAfter(failures));
            }
            throw failure.get();
        }
        limits.reset(ATTEMPTS, pair);
        limits.reset(FAILURES, pair);
        return account.get();
    }

    private TokenIssuer.IssuedToken token(StaffAccount account) {
        Set<String> groups = account.roles.stream().map(StaffRole::code)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return tokens.staff(account.username, groups, account.tokenGeneration);
    }

    private StaffAccount existing(String username) {
        return StaffAccount.<StaffAccount>findByIdOptional(username)
                .orElseThrow(() -> DomainException.NotFound.of("Staff member '" + username + "'"));
    }

    private StaffAccount save(String username, String password, List<StaffRole> roles, String createdBy) {
        StaffAccount account = new StaffAccount();
        account.username = username;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.roles = List.copyOf(roles);
        account.active = true;
        account.createdAt = clock.instant();
        account.createdBy = createdBy;
        account.persist();
        return account;
    }

    /**
     * Compared against when the username does not exist, so both cases take as long. Made on the first such log-in
     * rather than on every start-up.
     */
    private static final class DummyHash {
        static final String VALUE = BcryptUtil.bcryptHash("not-a-real-password");
    }
}
