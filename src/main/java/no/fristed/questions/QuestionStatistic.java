package no.fristed.questions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What statistics keep of a question after it is deleted: when (to the hour), topic and age band. */
@Entity
@Table(name = "question_stat")
public class QuestionStatistic extends PanacheEntityBase {

    @Id
    public String id;
    public Instant askedAt;
    public String topic;
    public String ageBand;
    public Instant answeredAt;
}
