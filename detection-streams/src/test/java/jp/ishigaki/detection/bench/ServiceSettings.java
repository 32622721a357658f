package jp.ishigaki.detection.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The service's own Kafka Streams settings, read from its application.properties ({@code kafka-streams.*}, the
 * default profile), so that the benchmark runs the topology as deployed and the copy's producer batches and
 * compresses as the topology's does. {@code -Dbench.<setting>} overrides one for an experiment, and
 * {@code -Dbench.streams.<name>=<value>} any Kafka Streams setting (e.g. {@code -Dbench.streams.max.task.idle.ms=-1}).
 */
final class ServiceSettings {

    private final Map<String, String> streams = new TreeMap<>();

    private ServiceSettings(Map<String, String> streams) {
        this.streams.putAll(streams);
    }

    private ServiceSettings(Properties application) {
        application.stringPropertyNames().stream().filter(name -> name.startsWith("kafka-streams."))
                .forEach(name -> streams.put(name.substring("kafka-streams.".length()), application.getProperty(name)));
        override("commit.interval.ms", "bench.commitMs");
        override("producer.linger.ms", "bench.lingerMs");
        override("producer.compression.type", "bench.compression");
        override("num.stream.threads", "bench.threads");
        override("producer.batch.size", "bench.batchSize");
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("bench.streams."))
                .forEach(name -> streams.put(name.substring("bench.streams.".length()), System.getProperty(name)));
    }

    static ServiceSettings load() {
        Properties application = new Properties();
        try (InputStream in = ServiceSettings.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("detection-streams' application.properties is not on the class path");
            }
            application.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceSettings(application);
    }

    private void override(String setting, String property) {
        String value = System.getProperty(property);
        if (value != null) {
            streams.put(setting, value);
        }
    }

    /** These settings with some changed. */
    ServiceSettings with(Map<String, String> changed) {
        ServiceSettings settings = new ServiceSettings(streams);
        settings.streams.putAll(changed);
        return settings;
    }

    /** The Kafka Streams settings (names without the {@code kafka-streams.} prefix). */
    Map<String, String> streams() {
        return streams;
    }

    /** One producer setting of the service (e.g. {@code linger.ms}). */
    String producer(String setting) {
        return required("producer." + setting);
    }

    /** One consumer setting of the service (e.g. {@code max.poll.records}). */
    String consumer(String setting) {
        return required("consumer." + setting);
    }

    String required(String setting) {
        String value = streams.get(setting);
        if (value == null) {
            throw new IllegalStateException("application.properties sets no kafka-streams." + setting);
        }
        return value;
    }

    @Override
    public String toString() {
        return streams.toString();
    }
}
