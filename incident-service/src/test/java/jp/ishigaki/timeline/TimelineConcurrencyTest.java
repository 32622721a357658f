package jp.ishigaki.timeline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * Two transactions appending to one incident's timeline, one committing while the other is already under way (as
 * the escalation scan and the detection consumer do): the later append follows the committed entry.
 */
@QuarkusTest
class TimelineConcurrencyTest {

    @Inject
    TimelineRepository timeline;

    @Test
    void shouldAppendAfterAnEntryCommittedSinceTheTransactionBegan() throws Exception {
        String id = Fixtures.report("medium", "T2-05", "lgwan");
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
            await(begun);
            QuarkusTransaction.requiringNew().run(() -> timeline.append(id, Instant.now(), "escalation", "NOTE", "B"));
            committed.countDown();
        });

        QuarkusTransaction.requiringNew().run(() -> {
            int before = timeline.entries(id).size(); // the first read: REPEATABLE READ takes its snapshot here
            begun.countDown();
            await(committed);
            TimelineEntry appended = timeline.append(id, Instant.now(), "consumer", "NOTE", "A");
            assertThat(appended.seq()).isEqualTo(before + 2);
        });
        other.get(10, TimeUnit.SECONDS);

        List<TimelineEntry> entries = QuarkusTransaction.requiringNew().call(() -> timeline.entries(id));
        assertThat(entries).extracting(TimelineEntry::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, entries.size()).boxed().toList());
        assertThat(entries.subList(entries.size() - 2, entries.size())).extracting(TimelineEntry::text)
                .containsExactly("B", "A");
        Api.as(Role.AUDITOR).get("/api/incidents/" + id + "/timeline/verify").then().statusCode(200)
                .body("intact", is(true));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other transaction did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
