package jp.ishigaki.platform.kafka;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;

import java.nio.file.Files;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker inside this JVM, from Kafka's own server jars (no Docker). Used by tests;
 * {@link #shared()} gives one broker per JVM with every registry topic created.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static EmbeddedKafka shared;

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Starts a fresh broker (combined broker + controller) on free loopback ports. */
    public static EmbeddedKafka start() {
        keepTheJvmAlive();
        try {
            // Our own directory: Kafka's default temp directory comes with a JVM-exit hook that deletes it while
            // the broker may still be running; this one is deleted by close() once the broker has stopped.
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBaseDirectory(Files.createTempDirectory("ishigaki-kafka-"))
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "3")
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker: " + e.getMessage(), e);
        }
    }

    /**
     * A test broker must never end the JVM: a broker that finds its log directories gone calls {@code Exit.halt(1)},
     * which would fail the test fork after every test passed. Such calls are logged instead.
     */
    private static void keepTheJvmAlive() {
        System.Logger log = System.getLogger(EmbeddedKafka.class.getName());
        Exit.setHaltProcedure((status, message) ->
                log.log(System.Logger.Level.WARNING, "embedded Kafka asked to halt the JVM ({0}): {1}", status, message));
        Exit.setExitProcedure((status, message) ->
                log.log(System.Logger.Level.WARNING, "embedded Kafka asked to exit the JVM ({0}): {1}", status, message));
    }

    /** The broker of this JVM, started on first use with the registry's topics, stopped at JVM exit. */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            EmbeddedKafka kafka = start();
            TopicAdmin.createAll(kafka.bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "embedded-kafka-stop"));
            shared = kafka;
        }
        return shared;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the embedded Kafka broker", e);
        }
    }
}
