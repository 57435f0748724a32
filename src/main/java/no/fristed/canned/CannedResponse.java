package no.fristed.canned;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import no.fristed.common.StringListConverter;

/** A stored canned response; retired ones are kept inactive. */
@Entity
public class CannedResponse extends PanacheEntityBase {

    @Id
    public String id;
    public String lang;
    public String title;
    public String responseText;
    @Convert(converter = StringListConverter.class)
    public List<String> topics;
    public String origin;
    public String contentHash;
    public boolean active;
    public Instant updatedAt;
    public String updatedBy;

    CannedDocument toDocument() {
        return new CannedDocument(id, lang, title, responseText, topics);
    }
}
