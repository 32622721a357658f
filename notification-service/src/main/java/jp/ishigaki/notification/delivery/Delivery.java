package jp.ishigaki.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of the delivery log: one recipient of one notice, its status and its persisted retry schedule. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Status { PENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "notification_id", nullable = false)
    public String notificationId;

    @Column(name = "recipient_key", nullable = false)
    public String recipientKey;

    @Column(name = "incident_id", nullable = false)
    public String incidentId;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String address;

    @Column(name = "recipient_index", nullable = false)
    public int recipientIndex;

    @Column(name = "request_json", nullable = false)
    public String requestJson;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
