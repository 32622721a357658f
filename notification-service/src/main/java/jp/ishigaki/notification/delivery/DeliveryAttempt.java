package jp.ishigaki.notification.delivery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The recorded outcome of one attempt of a {@link Delivery} (audit trail of the delivery log). */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public long deliveryId;

    @Column(nullable = false)
    public int attempt;

    @Column(nullable = false)
    public String status;

    public String error;

    @Column(nullable = false)
    public Instant at;
}
