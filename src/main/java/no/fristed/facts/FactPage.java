package no.fristed.facts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** A fact page in one language; its text lives in versions. */
@Entity
public class FactPage extends PanacheEntityBase {

    /** Where the latest version came from: a file under content/facts, or an editor through the API. */
    public enum Origin { CONTENT, EDITOR }

    @Id
    public String id;
    public String slug;
    public String lang;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    public String contentHash;
    public Instant createdAt;

    static String idOf(String slug, String lang) {
        return slug + "." + lang;
    }
}
