package jp.ishigaki.platform.launcher;

import jp.ishigaki.platform.Ports;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) run as a child process from Kafka's own jars,
 * with its data under {@code .ishigaki/kafka} so a restart keeps topics and offsets. The storage is formatted on the
 * first start only.
 */
public final class KafkaBroker {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 9092;
    public static final int CONTROLLER_PORT = 9093;

    private KafkaBroker() {
    }

    public static String bootstrapServers() {
        return HOST + ":" + PORT;
    }

    /**
     * Formats the storage if needed, writes the broker's logging configuration into {@code dir}, starts the broker and
     * waits until it accepts connections.
     */
    public static ChildProcess start(Path dir, Path log, String classPath) {
        return start(dir, log, classPath, Map.of());
    }

    /** As {@link #start(Path, Path, String)}, with broker settings that replace or add to the platform's own. */
    public static ChildProcess start(Path dir, Path log, String classPath, Map<String, String> settings) {
        for (int port : new int[] {PORT, CONTROLLER_PORT}) {
            if (Ports.answers(HOST, port, 300)) {
                throw new IllegalStateException("port " + port + " is in use by another program; stop it, or set "
                        + "ISHIGAKI_KAFKA_BOOTSTRAP to use an existing Kafka");
            }
        }
        Path log4jConfig = writeLogConfig(dir);
        Path data = dir.resolve("data");
        Path properties = writeProperties(dir, data, settings);
        if (!Files.exists(data.resolve("meta.properties"))) {
            format(dir, log, classPath, log4jConfig, properties);
        }
        ChildProcess broker = ChildProcess.start("kafka", java(classPath, log4jConfig, List.of("-Xmx512m"),
                "kafka.Kafka", properties.toString()), Map.of(), dir, log);
        broker.awaitPort(HOST, PORT, Duration.ofSeconds(60));
        return broker;
    }

    private static void format(Path dir, Path log, String classPath, Path log4jConfig, Path properties) {
        String clusterId = Uuid.randomUuid().toString();
        ChildProcess storageTool = ChildProcess.start("kafka-storage-format", java(classPath, log4jConfig,
                List.of("-Xmx256m"), "kafka.tools.StorageTool", "format", "--standalone", "-t", clusterId,
                "-c", properties.toString()), Map.of(), dir, log);
        int exit;
        try {
            while (storageTool.isAlive()) {
                Thread.sleep(100);
            }
            exit = storageTool.stop(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            storageTool.close();
            throw new IllegalStateException("interrupted while formatting Kafka's storage", e);
        }
        if (exit != 0) {
            throw new IllegalStateException("formatting Kafka's storage failed (exit " + exit + "):\n" + storageTool.tail(20));
        }
    }

    private static List<String> java(String classPath, Path log4jConfig, List<String> jvmOptions, String mainClass,
                                     String... args) {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + log4jConfig);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private static Path writeLogConfig(Path dir) {
        Path target = dir.resolve("log4j2.properties");
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/ishigaki-launcher/log4j2-kafka.properties")) {
            if (in == null) {
                throw new IllegalStateException("missing launcher resource log4j2-kafka.properties");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private static Path writeProperties(Path dir, Path data, Map<String, String> settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.bootstrap.servers", HOST + ":" + CONTROLLER_PORT);
        config.put("listeners", "PLAINTEXT://" + HOST + ":" + PORT + ",CONTROLLER://" + HOST + ":" + CONTROLLER_PORT);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + PORT);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", data.toAbsolutePath().toString());
        config.put("num.partitions", "3");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // One instance of each service: no need to wait for more group members before the first assignment.
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("auto.create.topics.enable", "false");
        config.putAll(settings);
        StringBuilder text = new StringBuilder("# Written by ./ishigaki run on every start; edit the launcher, not this file.\n");
        config.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        try {
            Path file = dir.resolve("server.properties");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka's configuration", e);
        }
    }
}
