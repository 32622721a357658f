package jp.ishigaki.detection.bench;

import jp.ishigaki.schemas.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pass-through baseline: a plain consume→produce copy of security.events.raw with Kafka's clients, as many
 * threads as the topology has stream threads, the service's producer and consumer settings, a flush and an offset
 * commit per poll. It runs in its own JVM, started once by {@link Benchmark} and asked for one copy per line on
 * stdin ({@code copy <events>}), so that neither path's JIT profile of Kafka's client code (a transactional producer
 * in one, a plain one in the other) deoptimises the other's, as two services would not share a JVM either. Each copy
 * answers one line on stdout: {@code copied <records> <seconds> <worker CPU nanoseconds>}. Every copy uses one
 * consumer group, so each copies the batch loaded since the one before.
 */
public final class PassThrough {

    static final String TOPIC = "bench.passthrough";
    static final String ANSWER = "copied ";

    private PassThrough() {
    }

    public static void main(String[] args) throws Exception {
        Benchmark.quietLogs();
        String bootstrap = args[0];
        ServiceSettings settings = ServiceSettings.load();
        int threads = Integer.parseInt(settings.required("num.stream.threads"));
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command; (command = commands.readLine()) != null; ) {
            if (command.startsWith("copy ")) {
                long[] result = copy(bootstrap, settings, Long.parseLong(command.substring(5).strip()), threads);
                System.out.printf("%s%d %.6f %d%n", ANSWER, result[0], result[1] / 1e9, result[2]);
                System.out.flush();
            }
        }
    }

    /** Records copied, nanoseconds from the first record polled to the last committed, and the workers' CPU. */
    private static long[] copy(String bootstrap, ServiceSettings settings, long events, int threads) throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicLong copied = new AtomicLong();
        AtomicLong workerCpu = new AtomicLong();
        AtomicLong firstNanos = new AtomicLong();
        // One group for every round: each copy starts where the one before committed, at the round's new batch.
        String group = "bench-copy";
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.consumer(ConsumerConfig.MAX_POLL_RECORDS_CONFIG),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
                        new ByteArrayDeserializer(), new ByteArrayDeserializer());
                     KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap, settings),
                             new ByteArraySerializer(), new ByteArraySerializer())) {
                    consumer.subscribe(List.of(Topics.EVENTS_RAW.name()));
                    long idleSince = System.nanoTime();
                    long mine = 0;
                    long myFirst = 0;
                    while (copied.get() < events && System.nanoTime() - idleSince < Duration.ofMinutes(1).toNanos()) {
                        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                        if (!records.isEmpty()) {
                            firstNanos.compareAndSet(0, System.nanoTime());
                            myFirst = myFirst == 0 ? System.nanoTime() : myFirst;
                            mine += records.count();
                            idleSince = System.nanoTime();
                        }
                        for (ConsumerRecord<byte[], byte[]> r : records) {
                            producer.send(new ProducerRecord<>(TOPIC, r.key(), r.value()));
                        }
                        producer.flush();
                        consumer.commitSync();
                        copied.addAndGet(records.count());
                    }
                    if (Boolean.getBoolean("bench.trace")) {
                        System.err.printf("    %s: %,d records, first %.2f s after the copy's first, done at %.2f s%n",
                                Thread.currentThread().getName(), mine, (myFirst - firstNanos.get()) / 1e9,
                                (System.nanoTime() - firstNanos.get()) / 1e9);
                    }
                }
                workerCpu.addAndGet(cpu.getCurrentThreadCpuTime());
            }, "bench-copy-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return new long[] {copied.get(), System.nanoTime() - firstNanos.get(), workerCpu.get()};
    }

    /** The service's producer batching and compression (both runs' producers, and the loader's). */
    static Map<String, Object> producerConfig(String bootstrap, ServiceSettings settings) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, settings.producer(ProducerConfig.LINGER_MS_CONFIG),
                ProducerConfig.BATCH_SIZE_CONFIG, settings.producer(ProducerConfig.BATCH_SIZE_CONFIG),
                ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.producer(ProducerConfig.COMPRESSION_TYPE_CONFIG));
    }
}
