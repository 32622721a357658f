package jp.ishigaki.detection.topology;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.ishigaki.detection.config.DetectionConfig;
import jp.ishigaki.detection.metrics.MicrometerCounters;
import jp.ishigaki.detection.rules.RuleRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** Hands the detection topology to Quarkus' Kafka Streams extension, wired to the live rules and the metrics. */
@ApplicationScoped
public class TopologyProducer {

    /** Singleton, not a client proxy: Kafka Streams reads the topology's fields directly. */
    @Produces
    @Singleton
    Topology topology(RuleRegistry rules, DetectionConfig config, MicrometerCounters counters) {
        StreamsBuilder builder = new StreamsBuilder();
        DetectionTopology.build(builder, rules, config.settings(), counters);
        return builder.build();
    }
}
