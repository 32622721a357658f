package jp.ishigaki.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Publishes the outbox to Kafka: locks a batch of pending rows with {@code FOR UPDATE SKIP LOCKED} (so replicas never
 * share a row), skips aggregates whose earlier rows another replica holds (order per aggregate), sends the rest with an
 * idempotent producer and marks them sent in the same transaction. A crash between send and commit re-sends:
 * at-least-once.
 */
@ApplicationScoped
public class OutboxRelay {

    private final EntityManager em;
    private final OutboxConfig config;
    private final Clock clock;
    private final String bootstrapServers;
    private final Counter published;
    private final Counter failures;
    private volatile KafkaProducer<String, byte[]> producer;
    private final ReentrantLock pass = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay-wake");
        t.setDaemon(true);
        return t;
    });

    public OutboxRelay(EntityManager em, OutboxConfig config, Clock clock, MeterRegistry registry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.config = config;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
        this.published = registry.counter("ishigaki.outbox.published");
        this.failures = registry.counter("ishigaki.outbox.failures");
    }

    /** Asks for a pass soon (after a commit that wrote outbox rows); passes never overlap within a replica. */
    public void wake() {
        again.set(true);
        if (woken.compareAndSet(false, true)) {
            waker.execute(() -> {
                woken.set(false);
                poll();
            });
        }
    }

    /** The safety net: a pass on every poll interval, whatever was woken. */
    @Scheduled(every = "${ishigaki.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        again.set(true);
        while (again.get() && pass.tryLock()) {
            try {
                again.set(false);
                int sent;
                do {
                    sent = relayOnce();
                } while (sent >= config.batchSize());
            } catch (RuntimeException e) {
                failures.increment();
                Log.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
                return;
            } finally {
                pass.unlock();
            }
        }
    }

    /** One relay pass in its own transaction; returns the number of rows published. */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew().call(this::relayBatch);
    }

    private int relayBatch() {
        List<OutboxRow> batch = lockBatch();
        if (batch.isEmpty()) {
            return 0;
        }
        Set<String> blocked = aggregatesHeldElsewhere(batch);
        List<OutboxRow> sendable = batch.stream().filter(r -> !blocked.contains(r.aggregateId())).toList();
        List<Future<RecordMetadata>> futures = new ArrayList<>(sendable.size());
        KafkaProducer<String, byte[]> kafka = producer();
        for (OutboxRow row : sendable) {
            futures.add(kafka.send(new ProducerRecord<>(row.topic(), row.key(), row.payload())));
        }
        kafka.flush();
        List<Long> done = new ArrayList<>();
        Set<String> failedAggregates = new HashSet<>();
        for (int i = 0; i < sendable.size(); i++) {
            OutboxRow row = sendable.get(i);
            try {
                futures.get(i).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (!failedAggregates.contains(row.aggregateId())) {
                    done.add(row.id());
                }
            } catch (Exception e) {
                failedAggregates.add(row.aggregateId());
                failures.increment();
                recordFailure(row.id(), e);
            }
        }
        if (!done.isEmpty()) {
            em.createNativeQuery("UPDATE outbox SET sent_at = ?1, attempts = attempts + 1 WHERE id IN (?2)")
                    .setParameter(1, clock.instant())
                    .setParameter(2, done)
                    .executeUpdate();
            published.increment(done.size());
        }
        return done.size();
    }

    @SuppressWarnings("unchecked")
    private List<OutboxRow> lockBatch() {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, aggregate_id, topic, msg_key, payload FROM outbox
                        WHERE sent_at IS NULL ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, config.batchSize())
                .getResultList();
        return rows.stream().map(r -> new OutboxRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (byte[]) r[4])).toList();
    }

    /** Aggregates with an earlier pending row outside this batch (locked by another replica): not sent this pass. */
    @SuppressWarnings("unchecked")
    private Set<String> aggregatesHeldElsewhere(List<OutboxRow> batch) {
        Set<String> aggregates = batch.stream().map(OutboxRow::aggregateId).collect(Collectors.toSet());
        List<Long> ids = batch.stream().map(OutboxRow::id).toList();
        long last = ids.get(ids.size() - 1);
        List<String> held = em.createNativeQuery("""
                        SELECT DISTINCT aggregate_id FROM outbox
                        WHERE sent_at IS NULL AND id < ?1 AND aggregate_id IN (?2) AND id NOT IN (?3)""")
                .setParameter(1, last)
                .setParameter(2, aggregates)
                .setParameter(3, ids)
                .getResultList();
        return new HashSet<>(held);
    }

    private void recordFailure(long id, Exception e) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        Log.warnf("outbox row %d not published, will retry: %s", id, message);
        em.createNativeQuery("UPDATE outbox SET attempts = attempts + 1, last_error = ?1 WHERE id = ?2")
                .setParameter(1, message == null ? e.getClass().getSimpleName() : truncate(message))
                .setParameter(2, id)
                .executeUpdate();
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    /** Deletes published rows older than the retention. */
    @Scheduled(every = "1h", delayed = "1m")
    void purge() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("DELETE FROM outbox WHERE sent_at IS NOT NULL AND sent_at < ?1")
                .setParameter(1, clock.instant().minus(config.retention()))
                .executeUpdate());
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                            ProducerConfig.LINGER_MS_CONFIG, 5,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis(),
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.sendTimeout().toMillis() / 2, 30_000),
                            ProducerConfig.CLIENT_ID_CONFIG, "incident-service-outbox"),
                            new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        waker.shutdownNow();
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
