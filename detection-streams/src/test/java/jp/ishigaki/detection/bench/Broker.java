package jp.ishigaki.detection.bench;

import jp.ishigaki.platform.kafka.EmbeddedKafka;
import jp.ishigaki.platform.launcher.ChildProcess;
import jp.ishigaki.platform.launcher.KafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The benchmark's Kafka broker: by default ({@code -Dbench.broker=process}) a KRaft broker in its own JVM, started
 * by the launcher's {@link KafkaBroker} on 127.0.0.1:9092 as {@code ./ishigaki run} starts it, so that the benchmark
 * JVM holds only what a service holds (clients and Streams) and the JIT compiler of one does not compete with the
 * other's; {@code inJvm} runs it inside the benchmark JVM instead. {@link #cpuNanos} is the broker's CPU time when
 * it runs apart (inside, it is part of the benchmark JVM's own).
 */
interface Broker extends AutoCloseable {

    String bootstrapServers();

    long cpuNanos();

    String description();

    @Override
    void close();

    static Broker start(String kind) throws IOException {
        if (kind.equals("inJvm")) {
            EmbeddedKafka kafka = EmbeddedKafka.start();
            return new Broker() {
                public String bootstrapServers() {
                    return kafka.bootstrapServers();
                }

                public long cpuNanos() {
                    return 0;
                }

                public String description() {
                    return "in this JVM, " + kafka.bootstrapServers();
                }

                public void close() {
                    kafka.close();
                }
            };
        }
        Path dir = Files.createTempDirectory("bench-kafka");
        ChildProcess process = KafkaBroker.start(dir, dir.resolve("kafka.log"), brokerClassPath(), Map.of(
                // Kafka's default, not the launcher's 0: a new group waits for all its members before its first
                // assignment, so that the copy's workers start together instead of one taking every partition until
                // the other's join rebalances the group (measured: 3 s late in 5 rounds of 6). The in-JVM broker, an
                // experiment, keeps 0.
                "group.initial.rebalance.delay.ms", System.getProperty("bench.rebalanceDelayMs", "3000")));
        return new Broker() {
            public String bootstrapServers() {
                return KafkaBroker.bootstrapServers();
            }

            public long cpuNanos() {
                return ProcessHandle.of(process.pid()).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos)
                        .orElseThrow(() -> new IllegalStateException("the broker's CPU time is not readable"));
            }

            public String description() {
                return "own JVM (pid " + process.pid() + ") on the launcher's class path, " + KafkaBroker.bootstrapServers()
                        + ", log " + dir.resolve("kafka.log");
            }

            public void close() {
                process.close();
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /**
     * The launcher's class path ({@code bench.brokerClassPath}, platform/target/launcher.classpath), so the broker
     * logs through log4j2 at INFO as under {@code ./ishigaki run}. The benchmark's own class path binds SLF4J to the
     * JBoss log manager, unconfigured in the broker's JVM, where every TRACE message of Kafka's request path is then
     * formatted: about a fifth of the broker's CPU in a profile of the topology run.
     */
    private static String brokerClassPath() throws IOException {
        Path file = Path.of(System.getProperty("bench.brokerClassPath", "../platform/target/launcher.classpath"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " is missing: build the platform module first"
                    + " (./mvnw -B install -DskipTests)");
        }
        return Files.readString(file).strip();
    }
}
