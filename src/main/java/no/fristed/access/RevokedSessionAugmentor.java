package no.fristed.access;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Rejects tokens of youth sessions that were deleted, as if they had expired (401). */
@ApplicationScoped
public class RevokedSessionAugmentor implements SecurityIdentityAugmentor {

    private final SessionRevocations revocations;

    RevokedSessionAugmentor(SessionRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.hasRole(TokenIssuer.YOUTH)
                && revocations.isRevoked(identity.getPrincipal().getName())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("session deleted"));
        }
        return Uni.createFrom().item(identity);
    }
}
