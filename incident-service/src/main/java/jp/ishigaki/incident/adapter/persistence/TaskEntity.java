package jp.ishigaki.incident.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** Row of {@code incident_task}; the warning flags belong to the deadline notifier, not to the domain. */
@Entity
@Table(name = "incident_task")
public class TaskEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public String kind;
    public String title;
    public String phase;
    public boolean mandatory;
    @Column(name = "responsible_role")
    public String responsibleRole;
    @Column(name = "due_at")
    public Instant dueAt;
    public String status;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    public String note;
    public int position;
    @Column(name = "warned_approaching")
    public boolean warnedApproaching;
    @Column(name = "warned_overdue")
    public boolean warnedOverdue;

    /** Incident id + task code. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "incident_id")
        public String incidentId;
        public String code;

        public Key() {
        }

        public Key(String incidentId, String code) {
            this.incidentId = incidentId;
            this.code = code;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(incidentId, k.incidentId) && Objects.equals(code, k.code);
        }

        @Override
        public int hashCode() {
            return Objects.hash(incidentId, code);
        }
    }
}
