package jp.ishigaki.incident.adapter.messaging;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs a consumer's unit of work (one transaction) again when the database refused it for a reason that goes away
 * by itself — a deadlock victim, a lock wait timeout — so that a moment of contention with the escalation scan or an
 * operator does not stop the channel. Any other failure, or the same one {@value #ATTEMPTS} times, is thrown on:
 * the channel fails and the record is consumed again after a restart, as before.
 */
final class TransientRetry {

    static final int ATTEMPTS = 5;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private final Duration pause;

    TransientRetry(Duration pause) {
        this.pause = pause;
    }

    /** Handles one consumed record in a transaction of its own, run again while the refusal is a passing one. */
    void inTransaction(ConsumerRecord<?, ?> record, Runnable handle) {
        run(record.topic() + "-" + record.partition() + "@" + record.offset(),
                () -> QuarkusTransaction.requiringNew().run(handle));
    }

    /** Runs {@code work}, which must be a whole transaction of its own, until it succeeds or fails for good. */
    void run(String what, Runnable work) {
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                Log.warnf("%s: transient database error, attempt %d of %d, trying again: %s", what, attempt,
                        ATTEMPTS, e.getMessage());
                sleep(pause.multipliedBy(attempt));
            }
        }
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK
                    || sql.getErrorCode() == LOCK_WAIT_TIMEOUT || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try again", e);
        }
    }
}
