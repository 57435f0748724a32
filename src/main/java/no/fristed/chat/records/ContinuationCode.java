package no.fristed.chat.records;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** "Ask for the same counsellor next time": the hash of a code a young person keeps on their phone. */
@Entity
public class ContinuationCode extends PanacheEntityBase {

    @Id
    public String codeHash;
    public String counsellor;
    public String sessionHash;
    public Instant expiresAt;
}
