package jp.ishigaki.notification.delivery;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jp.ishigaki.notification.config.DeliveryConfig;
import jp.ishigaki.notification.messaging.OutcomePublisher;
import jp.ishigaki.notification.metrics.DeliveryMetrics;
import jp.ishigaki.schemas.notification.Channel;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The delivery scheduler: a loop that claims due attempts from the {@link DeliveryLog}, sends them on a bounded pool,
 * records each outcome with its next step and publishes it. It wakes when a notice arrives and otherwise polls, so a
 * schedule left by a stopped instance is continued by whichever instance runs.
 */
@ApplicationScoped
public class Dispatcher {

    private final DeliveryLog log;
    private final Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
    private final OutcomePublisher publisher;
    private final DeliveryMetrics metrics;
    private final DeliveryConfig config;
    private final Backoff backoff;
    private final Clock clock = Clock.systemUTC();
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private final Semaphore slots;
    private volatile boolean running;
    private volatile Thread loop;
    private ExecutorService workers;

    public Dispatcher(DeliveryLog log, Instance<Sender> senders, OutcomePublisher publisher, DeliveryMetrics metrics,
                      DeliveryConfig config) {
        this.log = log;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
        this.backoff = new Backoff(config.baseDelay(), config.maxDelay(), config.jitter());
        this.slots = new Semaphore(config.concurrency());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "notification-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        loop = new Thread(this::run, "notification-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (loop != null) {
            loop.join(5_000);
        }
        if (workers != null) {
            workers.shutdown();
            workers.awaitTermination(config.sendTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        }
    }

    /** Asks the loop to look for due attempts now (a notice was just logged, or a send slot came free). */
    public void wake() {
        wakeUps.offer(Boolean.TRUE);
    }

    public boolean isRunning() {
        Thread t = loop;
        return running && t != null && t.isAlive();
    }

    private void run() {
        while (running) {
            try {
                int free = slots.availablePermits();
                int asked = Math.min(free, config.batchSize());
                List<Claim> claims = asked == 0 ? List.of() : log.claimDue(asked, lease(), clock.instant());
                for (Claim claim : claims) {
                    slots.acquire();
                    workers.execute(() -> deliver(claim));
                }
                if (claims.size() < asked || claims.size() == free) {
                    wakeUps.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                Log.warnf("delivery scheduler: %s; trying again in %s", e.getMessage(), config.pollInterval());
                sleep(config.pollInterval());
            }
        }
    }

    private void deliver(Claim claim) {
        try {
            Outcome outcome = send(claim);
            DeliveryStep step = DeliveryStep.after(claim, outcome, clock.instant(),
                    backoff.delayAfter(claim.attempt(), ThreadLocalRandom.current()::nextDouble));
            Optional<Recorded> recorded = log.record(claim, step, clock.instant());
            recorded.ifPresent(r -> publish(claim, step, r));
        } catch (RuntimeException e) {
            Log.errorf(e, "attempt %d of delivery %d could not be recorded; it is retried when its lease ends",
                    claim.attempt(), claim.deliveryId());
        } finally {
            slots.release();
            wake();
        }
    }

    private Outcome send(Claim claim) {
        Channel channel = claim.recipient().channel();
        Sender sender = channel == null ? null : senders.get(channel);
        if (sender == null) {
            return Outcome.permanentlyFailed("no sender for channel " + channel);
        }
        try {
            sender.send(claim.request(), claim.recipient(), claim.attempt());
            return Outcome.sent();
        } catch (DeliveryException e) {
            return e.permanent() ? Outcome.permanentlyFailed(e.getMessage()) : Outcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            return Outcome.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void publish(Claim claim, DeliveryStep step, Recorded recorded) {
        Channel channel = claim.recipient().channel();
        if (step instanceof DeliveryStep.Done) {
            metrics.sent(channel);
        } else if (step instanceof DeliveryStep.RetryAt retry) {
            metrics.retried(channel);
            Log.infof("notice %s to %s recipient #%d: attempt %d/%d failed (%s); next at %s", claim.request().id(),
                    channel, claim.deliveryId(), claim.attempt(), claim.maxAttempts(), retry.error(), retry.at());
        } else {
            metrics.failed(channel);
            Log.warnf("notice %s to %s recipient #%d failed for good after %d attempt(s): %s", claim.request().id(),
                    channel, claim.deliveryId(), claim.attempt(), recorded.result().error());
        }
        publisher.result(recorded.result());
        recorded.deadLetter().ifPresent(deadLetter -> {
            publisher.deadLetter(claim.request().incidentId(), deadLetter);
            metrics.deadLettered("undeliverable");
        });
    }

    /** How long a claimed attempt stays hidden from other instances: the send timeout plus a margin. */
    private Duration lease() {
        return config.sendTimeout().plusSeconds(30);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
