package no.fristed.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Whether a token that verified has been revoked since: its youth session deleted, or its staff tokens ended. */
@ApplicationScoped
public class RevokedTokens {

    private final SessionRevocations sessions;
    private final StaffRevocations staff;

    RevokedTokens(SessionRevocations sessions, StaffRevocations staff) {
        this.sessions = sessions;
        this.staff = staff;
    }

    public boolean isRevoked(JsonWebToken token) {
        return token.getGroups().contains(TokenIssuer.YOUTH) ? sessions.isRevoked(token.getName())
                : staff.isRevoked(token);
    }
}
