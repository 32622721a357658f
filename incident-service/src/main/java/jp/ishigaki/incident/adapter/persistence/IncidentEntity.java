package jp.ishigaki.incident.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** Row of {@code incident}: the aggregate's state plus the denormalised columns the queue query filters and sorts by. */
@Entity
@Table(name = "incident")
public class IncidentEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String number;
    public String source;
    public String title;
    public String description;
    public String threat;
    @Column(name = "threat_group")
    public String threatGroup;
    public String segment;
    public String severity;
    @Column(name = "severity_rank")
    public int severityRank;
    public String state;
    @Column(name = "dedup_key")
    public String dedupKey;
    @Column(name = "open_dedup_key")
    public String openDedupKey;
    @Column(name = "detection_count")
    public long detectionCount;
    @Column(name = "first_seen")
    public Instant firstSeen;
    @Column(name = "last_seen")
    public Instant lastSeen;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "reported_by")
    public String reportedBy;
    public String department;
    @Column(name = "affected_assets")
    public String affectedAssets;
    @Column(name = "ack_by")
    public String ackBy;
    @Column(name = "ack_at")
    public Instant ackAt;
    @Column(name = "ack_level")
    public Integer ackLevel;
    public String assignee;
    @Column(name = "escalation_level")
    public int escalationLevel;
    @Column(name = "personal_data")
    public String personalData;
    public boolean ransomware;
    public String impact;
    @Column(name = "root_cause")
    public String rootCause;
    @Column(name = "recurrence_prevention")
    public String recurrencePrevention;
    @Column(name = "state_reason")
    public String stateReason;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "merged_into")
    public String mergedInto;
    @Column(name = "task_due_at")
    public Instant taskDueAt;
    /** Maintained by the escalation clocks (SQL), never written from here. */
    @Column(name = "escalation_due_at", insertable = false, updatable = false)
    public Instant escalationDueAt;
    /** The earlier of task_due_at and escalation_due_at, maintained by SQL. */
    @Column(name = "next_due_at", insertable = false, updatable = false)
    public Instant nextDueAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
