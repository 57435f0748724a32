package no.fristed.questions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** An anonymous question and its answer, both redacted, deleted a set time after answering. */
@Entity
public class Question extends PanacheEntityBase {

    /** Where a question is. */
    public enum Status implements no.fristed.common.Coded { WAITING, CLAIMED, ANSWERED }

    @Id
    public String id;
    public String pickupHash;
    /** Hash of the youth session that asked, when it asked with a token: lets "delete everything now" find it. */
    public String sessionHash;
    public String question;
    public String topic;
    public String ageBand;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    public String claimedBy;
    public String answer;
    public String answeredBy;
    public Instant createdAt;
    public Instant answeredAt;
    public Instant deleteAfter;
    public String statId;
}
