package jp.ishigaki.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jp.ishigaki.schemas.topic.Topic;

import java.time.Clock;
import java.util.Objects;

/**
 * The transactional outbox: records a message for a registry topic in the caller's transaction; the
 * {@link OutboxRelay} publishes it afterwards, in order per aggregate, at least once.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_REGISTERED = new Object();

    private final EntityManager em;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager em, Clock clock, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.em = em;
        this.clock = clock;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Appends a message; {@code value == null} is a tombstone. Must run inside a transaction, so that the message
     * exists exactly when the state change that caused it does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <K, V> void append(Topic<K, V> topic, String aggregateId, String key, V value) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateId, "aggregateId");
        byte[] payload = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
        em.createNativeQuery("INSERT INTO outbox (aggregate_id, topic, msg_key, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, aggregateId)
                .setParameter(2, topic.name())
                .setParameter(3, key)
                .setParameter(4, payload)
                .setParameter(5, clock.instant())
                .executeUpdate();
        wakeRelayAfterCommit();
    }

    /** Publishes right after the commit instead of waiting for the relay's next poll. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_REGISTERED) != null) {
            return;
        }
        transactions.putResource(WAKE_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
