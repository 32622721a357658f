package jp.ishigaki.escalation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jp.ishigaki.schemas.notification.NotificationKind;
import jp.ishigaki.schemas.notification.NotificationRequest;
import jp.ishigaki.schemas.notification.Recipient;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.testing.TestClock;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/** Reporting deadlines: the responsible role is warned once before and once after the due time. */
@QuarkusTest
class DeadlineNotifierTest {

    @Inject
    TestClock clock;

    @Inject
    DeadlineNotifier deadlines;

    @Test
    void shouldWarnTheSupervisorBeforeAndAfterThePpcPreliminaryDeadline() throws Exception {
        String id = Fixtures.report(Map.of("title", "住民票データの誤送信", "threat", "T2-05", "severity", "medium",
                "segment", "lgwan", "personalData", Map.of("leakSuspected", true, "sensitiveData", false,
                        "financialHarm", false, "unlawfulPurpose", false, "personsAffected", 230, "specificPersonalInfo", false)));
        String due = Api.as(Role.OPERATOR).get("/api/incidents/" + id).then()
                .body("tasks.code", hasItem("report-ppc-preliminary")).body("severity", org.hamcrest.Matchers.equalTo("high"))
                .extract().path("tasks.find { it.code == 'report-ppc-preliminary' }.dueAt");
        Instant dueAt = Instant.parse(due);

        clock.advance(Duration.between(clock.instant(), dueAt.minus(Duration.ofHours(2))));
        deadlines.check();
        deadlines.check();
        List<NotificationRequest> approaching = Fixtures.notices(id, NotificationKind.DEADLINE_APPROACHING, 1, Duration.ofSeconds(20));
        assertThat(approaching).singleElement().satisfies(n -> {
            assertThat(n.recipients()).extracting(Recipient::role).containsOnly("supervisor");
            assertThat(n.deadline()).isEqualTo(dueAt);
            assertThat(n.ask()).contains("個人情報保護委員会へ速報");
        });

        clock.advance(Duration.ofHours(3));
        deadlines.check();
        deadlines.check();
        assertThat(Fixtures.notices(id, NotificationKind.DEADLINE_OVERDUE, 1, Duration.ofSeconds(20))).hasSize(1);
        assertThat(Fixtures.count("SELECT COUNT(*) FROM outbox WHERE aggregate_id = ? AND payload LIKE '%DEADLINE_%'", id))
                .as("each warning exactly once").isEqualTo(2);
        Api.as(Role.AUDITOR).get("/api/incidents/" + id + "/timeline").then()
                .body("text", hasItem(containsString("期限超過: 個人情報保護委員会へ速報")));
    }
}
