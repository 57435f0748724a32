package no.fristed.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Settings of sessions, staff accounts and the tokens both carry. */
@ConfigMapping(prefix = "fristed")
public interface AccessConfig {

    Sessions sessions();

    Staff staff();

    Admin admin();

    Jwt jwt();

    /** Anonymous youth sessions. */
    interface Sessions {

        /** fristed.sessions.lifetime: how long a youth token is valid. */
        @WithDefault("12h")
        Duration lifetime();

        /** fristed.sessions.issue-limit: new sessions per network address per hour. */
        @WithDefault("30")
        long issueLimit();

        /**
         * fristed.sessions.revocation-sync-interval: how often an instance reads the deleted sessions and ended staff
         * tokens of other instances.
         */
        @WithDefault("5s")
        Duration revocationSyncInterval();
    }

    /** Staff tokens. */
    interface Staff {

        /** fristed.staff.token-lifetime: how long a staff token is valid. */
        @WithDefault("8h")
        Duration tokenLifetime();
    }

    /** The first admin, created on start when no admin exists. */
    interface Admin {

        /** fristed.admin.username: the first admin's username. */
        @WithDefault("admin")
        String username();

        /** fristed.admin.password (FRISTED_ADMIN_PASSWORD): the first admin's password; none creates no admin. */
        Optional<String> password();
    }

    /** The token signing and verification keys. */
    interface Jwt {

        /** fristed.jwt.generate-keys: generate a key pair on first start when the key files are missing. */
        @WithDefault("true")
        boolean generateKeys();

        /** fristed.jwt.private-key: the PEM file tokens are signed with. */
        @WithDefault("data/keys/jwt-private.pem")
        Path privateKey();

        /** fristed.jwt.public-key: the PEM file tokens are verified with. */
        @WithDefault("data/keys/jwt-public.pem")
        Path publicKey();
    }
}
