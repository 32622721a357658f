package jp.ishigaki.incident.adapter.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Clock;

/** Keeps unreadable detection records with their position and the reason, for an operator to inspect. */
@ApplicationScoped
public class RejectedRecords {

    private final EntityManager em;
    private final Clock clock;

    public RejectedRecords(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void keep(ConsumerRecord<String, byte[]> record, String reason) {
        em.createNativeQuery("""
                        INSERT IGNORE INTO rejected_detection (topic, part, off, msg_key, payload, reason, rejected_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, record.topic()).setParameter(2, record.partition()).setParameter(3, record.offset())
                .setParameter(4, record.key()).setParameter(5, record.value())
                .setParameter(6, reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .setParameter(7, clock.instant())
                .executeUpdate();
    }
}
