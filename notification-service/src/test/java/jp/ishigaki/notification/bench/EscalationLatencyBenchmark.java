package jp.ishigaki.notification.bench;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jp.ishigaki.notification.Samples;
import jp.ishigaki.platform.testing.KafkaTestResource;
import jp.ishigaki.platform.testing.SmtpTestResource;
import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import jp.ishigaki.schemas.notification.NotificationRequest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (run with {@code -Pbench}): the delay from an escalation's due time ({@code requestedAt}) to
 * its e-mail's arrival in the SMTP server, over 200 escalations paced at 20/s and 200 sent in one burst. Prints
 * p50/p95/p99/max and writes them to {@code target/bench-latency.txt}.
 */
@QuarkusTest
class EscalationLatencyBenchmark {

    private static final int COUNT = 200;

    private final Map<String, Instant> arrivals = new ConcurrentHashMap<>();
    private volatile boolean watching = true;

    @Test
    void measureDueTimeToSmtpArrival() throws Exception {
        Thread watcher = new Thread(this::watchMailSink, "bench-mail-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            run("warm-up (50 paced at 50/s)", 50, Duration.ofMillis(20));
            String paced = run("paced: 200 escalations at 20/s", COUNT, Duration.ofMillis(50));
            String burst = run("burst: 200 escalations at once", COUNT, Duration.ZERO);
            String report = paced + "\n" + burst + "\n";
            System.out.println(report);
            Files.writeString(Path.of("target", "bench-latency.txt"), report);
        } finally {
            watching = false;
        }
    }

    private String run(String name, int count, Duration pace) throws Exception {
        List<NotificationRequest> requests = new ArrayList<>(count);
        Instant start = Instant.now();
        try (KafkaProducer<String, NotificationRequest> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                Topics.NOTIFICATION_REQUESTS.keySerde().serializer(),
                Topics.NOTIFICATION_REQUESTS.valueSerde().serializer())) {
            producer.partitionsFor(Topics.NOTIFICATION_REQUESTS.name());
            start = Instant.now();
            for (int i = 0; i < count; i++) {
                NotificationRequest r = due(Samples.escalation("ベンチマーク " + i,
                        List.of(Samples.email("山田 太郎", i % 2 == 0 ? "ja" : "en", Samples.mailbox()))));
                requests.add(r);
                producer.send(new ProducerRecord<>(Topics.NOTIFICATION_REQUESTS.name(), r.incidentId(), r));
                if (!pace.isZero()) {
                    Thread.sleep(pace.toMillis());
                }
            }
            producer.flush();
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && !requests.stream().allMatch(r -> arrivals.containsKey(r.id()))) {
            Thread.sleep(20);
        }
        Duration wall = Duration.between(start, Instant.now());
        long[] delays = requests.stream().filter(r -> arrivals.containsKey(r.id()))
                .mapToLong(r -> Duration.between(r.requestedAt(), arrivals.get(r.id())).toMillis()).sorted().toArray();
        assertThat(delays).as(name + ": every e-mail arrived").hasSize(count);
        return String.format(Locale.ROOT, "%-36s n=%d  p50=%d ms  p95=%d ms  p99=%d ms  max=%d ms  (wall %.1f s)",
                name, count, pct(delays, 50), pct(delays, 95), pct(delays, 99), delays[delays.length - 1],
                wall.toMillis() / 1000.0);
    }

    /** The escalation is due the moment it is produced, as incident-service's relay would publish it. */
    private static NotificationRequest due(NotificationRequest r) {
        return new NotificationRequest(r.id(), r.incidentId(), r.incidentNumber(), r.kind(), r.level(), r.severity(),
                r.threat(), r.segment(), r.state(), r.title(), r.affectedAssets(), r.ask(), r.deadline(), r.consoleUrl(),
                r.recipients(), Instant.now());
    }

    private static long pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Notes the first time each message is visible in the SMTP server, polling every 2 ms for new ones. */
    private void watchMailSink() {
        int seen = 0;
        while (watching) {
            List<MimeMessage> messages = SmtpTestResource.mailSink().messages();
            Instant now = Instant.now();
            for (int i = seen; i < messages.size(); i++) {
                try {
                    String[] id = messages.get(i).getHeader("X-Ishigaki-Notification-Id");
                    if (id != null) {
                        arrivals.putIfAbsent(id[0], now);
                    }
                } catch (MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            seen = messages.size();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
