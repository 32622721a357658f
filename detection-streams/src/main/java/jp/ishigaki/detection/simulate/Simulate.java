package jp.ishigaki.detection.simulate;

import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.time.Instant;
import java.util.Map;

/**
 * The simulator for people ({@code ./ishigaki simulate}): realistic mixed events at a human rate into
 * {@code security.events.raw}. Options: {@code --bootstrap host:port} (default localhost:9092), {@code --rate N}
 * events per second (default 2), {@code --mix noise=70,t1=14,t2=9,t3=2,t4=1,t5=4}, {@code --count N} (default
 * unlimited), {@code --burst P} probability that an event starts a burst (default 0.02), {@code --seed S}.
 * It prints one line per event to standard output: this is a command-line tool, not part of the service.
 */
public final class Simulate {

    private Simulate() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = Options.parse(args, Map.of("bootstrap", "localhost:9092", "rate", "2",
                "mix", "realistic", "count", "0", "burst", "0.02", "seed", Long.toString(System.nanoTime())));
        double rate = Double.parseDouble(options.get("rate"));
        long count = Long.parseLong(options.get("count"));
        EventGenerator generator = new EventGenerator(Long.parseLong(options.get("seed")),
                EventGenerator.Mix.parse(options.get("mix")), Double.parseDouble(options.get("burst")));
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("bootstrap"),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "5");
        long intervalNanos = (long) (1_000_000_000L / Math.max(0.001, rate));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, Topics.EVENTS_RAW.keySerde().serializer(),
                Topics.EVENTS_RAW.valueSerde().serializer())) {
            System.out.printf("simulating %s events/s into %s at %s (Ctrl-C stops)%n", options.get("rate"),
                    Topics.EVENTS_RAW.name(), options.get("bootstrap"));
            long next = System.nanoTime();
            for (long sent = 0; count == 0 || sent < count; sent++) {
                Map<String, Object> event = generator.next(Instant.now());
                byte[] json = EventGenerator.wire(event);
                Object host = event.get("host.name");
                producer.send(new ProducerRecord<>(Topics.EVENTS_RAW.name(), host == null ? null : host.toString(), json));
                System.out.printf("%s %-20s %s%n", event.get("event.id"), event.get("observer.type"),
                        event.getOrDefault("event.action", event.getOrDefault("event.code", "")));
                next += intervalNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            producer.flush();
        }
    }
}
