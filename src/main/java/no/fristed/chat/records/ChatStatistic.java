package no.fristed.chat.records;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import no.fristed.common.StringListConverter;

/** What remains of one chat: categories and numbers, never text or anything that points to the young person. */
@Entity
@Table(name = "chat_stat")
public class ChatStatistic extends PanacheEntityBase {

    @Id
    public String id;
    /** Rounded down to the hour, so a row cannot be matched to a moment. */
    public Instant startedAt;
    public String topic;
    public String ageBand;
    public Integer waitedSeconds;
    public Integer durationSeconds;
    /** answered, cancelled (left the queue), youth-left (never came back), blocked. */
    public String outcome;
    @Convert(converter = StringListConverter.class)
    public List<String> wrapUpTopics;
    public String wrapUpOutcome;
    @Convert(converter = StringListConverter.class)
    public List<String> referredServices;
    public Integer feedback;
    public boolean urgent;
    /** Codes of the last risk flag (e.g. "acute", "overdose-intoxication"), or null. */
    public String riskLevel;
    public String riskCategory;
    public int alerts;
    public int supervisorJoins;
    public int consentAsked;
    public int consentShared;
    public int consentDeclined;
}
