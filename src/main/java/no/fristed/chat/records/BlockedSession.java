package no.fristed.chat.records;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A youth session a counsellor blocked for abuse; it cannot open chats until the block expires. */
@Entity
public class BlockedSession extends PanacheEntityBase {

    @Id
    public String sessionHash;
    public Instant expiresAt;
}
