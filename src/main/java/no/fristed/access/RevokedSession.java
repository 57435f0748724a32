package no.fristed.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A deleted youth session, by a hash of its random id, until its last token would have expired anyway. */
@Entity
public class RevokedSession extends PanacheEntityBase {

    @Id
    public String subjectHash;
    public Instant expiresAt;
}
