package jp.ishigaki.incident.adapter.messaging;

import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransientRetryTest {

    private static final SQLException DEADLOCK =
            new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
    private static final SQLException LOCK_WAIT = new SQLException("Lock wait timeout exceeded", "HY000", 1205);
    private static final SQLException DUPLICATE =
            new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062);

    private final TransientRetry retry = new TransientRetry(Duration.ofMillis(1));

    @Test
    void shouldRunAgainAfterADeadlockOrALockWaitTimeout() {
        AtomicInteger calls = new AtomicInteger();
        retry.run("t-0@1", () -> {
            int call = calls.incrementAndGet();
            if (call == 1) {
                throw new LockAcquisitionException("deadlock", DEADLOCK);
            }
            if (call == 2) {
                throw new PersistenceException(new LockAcquisitionException("lock wait", LOCK_WAIT));
            }
        });

        assertThat(calls).hasValue(3);
    }

    @Test
    void shouldThrowAnyOtherFailureAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("t-0@2", () -> {
            calls.incrementAndGet();
            throw new ConstraintViolationException("duplicate", DUPLICATE, "incident_timeline_seq");
        })).isInstanceOf(ConstraintViolationException.class);

        assertThat(calls).hasValue(1);
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run("t-0@3", () -> {
            calls.incrementAndGet();
            throw new LockAcquisitionException("deadlock", DEADLOCK);
        })).isInstanceOf(LockAcquisitionException.class);

        assertThat(calls).hasValue(TransientRetry.ATTEMPTS);
    }
}
