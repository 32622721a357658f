package jp.ishigaki.metrics.pipeline;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToDoubleFunction;

/**
 * Samples the end offsets of security.events.raw, security.detections, security.events.dlq and notification.dlq with
 * a Kafka Admin client: Kafka's own count of what went through, whatever the number of detection-streams replicas.
 * Keeps the samples in a bounded ring, serves the rates, and exposes them as Micrometer gauges. Offsets of topics
 * written in transactions also count the commit markers, so there the rates are slightly above the record rates.
 */
@ApplicationScoped
public class PipelineSampler {

    private final PipelineConfig config;
    private final String bootstrap;
    private final PipelineRates rates;
    private volatile PipelineRates.Snapshot current;
    private Admin admin;

    public PipelineSampler(PipelineConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                           MeterRegistry registry) {
        this.config = config;
        this.bootstrap = bootstrap;
        this.rates = new PipelineRates(config.sampleInterval(), config.retention());
        this.current = rates.snapshot(config.sampleInterval(), config.rateWindow());
        for (String topic : PipelineRates.TOPICS) {
            Gauge.builder("ishigaki.pipeline.end.offset", this, s -> s.endOffset(topic))
                    .description("Sum of the topic's partition end offsets at the last sample").tag("topic", topic)
                    .strongReference(true).register(registry);
        }
        gauge(registry, "events", "Records per second on security.events.raw", i -> i.eventsPerSecond());
        gauge(registry, "detections", "Records per second on security.detections", i -> i.detectionsPerSecond());
        gauge(registry, "dead.letters", "Records per second on security.events.dlq", i -> i.deadLettersPerSecond());
        gauge(registry, "notification.dead.letters", "Records per second on notification.dlq",
                i -> i.notificationDeadLettersPerSecond());
        Gauge.builder("ishigaki.pipeline.dead.letter.rate", this, s -> {
                    PipelineRates.Interval w = s.current.window();
                    return w == null || w.deadLetterRate() == null ? Double.NaN : w.deadLetterRate();
                }).description("Dead letters / raw events over the rate window").strongReference(true)
                .register(registry);
    }

    /** Takes one sample now (the scheduler's job; tests call it to sample at a known moment). */
    @Scheduled(every = "${ishigaki.pipeline.sample-interval:5s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void sample() {
        Instant at = Instant.now();
        try {
            Map<String, Long> offsets = endOffsets();
            rates.add(new PipelineSample(at, offsets));
            current = rates.snapshot(config.sampleInterval(), config.rateWindow());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Log.warnf("pipeline offsets not sampled: %s", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The figures of the last sample. */
    public PipelineRates.Snapshot snapshot() {
        return current;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }

    private Map<String, Long> endOffsets() throws ExecutionException, InterruptedException, TimeoutException {
        long timeout = config.timeout().toMillis();
        Map<String, KafkaFuture<TopicDescription>> described = admin().describeTopics(PipelineRates.TOPICS)
                .topicNameValues();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> e : described.entrySet()) {
            try {
                e.getValue().get(timeout, TimeUnit.MILLISECONDS).partitions()
                        .forEach(p -> request.put(new TopicPartition(e.getKey(), p.partition()), OffsetSpec.latest()));
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw ex;
                }
            }
        }
        Map<String, Long> sums = new LinkedHashMap<>();
        if (request.isEmpty()) {
            return sums;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(request).all()
                .get(timeout, TimeUnit.MILLISECONDS);
        ends.forEach((tp, info) -> sums.merge(tp.topic(), info.offset(), Long::sum));
        return sums;
    }

    private Admin admin() {
        if (admin == null) {
            int timeout = (int) config.timeout().toMillis();
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    AdminClientConfig.CLIENT_ID_CONFIG, "incident-service-pipeline-sampler",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(timeout, 1000)));
        }
        return admin;
    }

    private double endOffset(String topic) {
        Long v = current.endOffsets().get(topic);
        return v == null ? Double.NaN : v;
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       ToDoubleFunction<PipelineRates.Interval> value) {
        Gauge.builder("ishigaki.pipeline." + name + ".per.second", this, s -> {
            PipelineRates.Interval w = s.current.window();
            return w == null ? 0 : value.applyAsDouble(w);
        }).description(description + " over the rate window").strongReference(true).register(registry);
    }
}
