package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static jp.ishigaki.incident.domain.Incidents.MANAGER;
import static jp.ishigaki.incident.domain.Incidents.OPERATOR;
import static jp.ishigaki.incident.domain.Incidents.T0;
import static jp.ishigaki.incident.domain.Incidents.accepted;
import static jp.ishigaki.incident.domain.Incidents.in;
import static jp.ishigaki.incident.domain.Incidents.rejected;
import static jp.ishigaki.schemas.incident.IncidentState.CLOSED;
import static jp.ishigaki.schemas.incident.IncidentState.CONTAINMENT;
import static jp.ishigaki.schemas.incident.IncidentState.DETECTED;
import static jp.ishigaki.schemas.incident.IncidentState.DISMISSED;
import static jp.ishigaki.schemas.incident.IncidentState.INVESTIGATION;
import static jp.ishigaki.schemas.incident.IncidentState.LESSONS;
import static jp.ishigaki.schemas.incident.IncidentState.RECOVERY;
import static jp.ishigaki.schemas.incident.IncidentState.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §5: every transition and guard of the emergency response plan. */
class IncidentWorkflowTest {

    @ParameterizedTest
    @EnumSource(value = IncidentState.class, names = {"DETECTED", "TRIAGE", "CONTAINMENT", "INVESTIGATION", "RECOVERY"})
    void shouldMoveForwardOnePhaseAtAnySeverity(IncidentState from) {
        IncidentState to = IncidentState.values()[from.ordinal() + 1];
        Outcome.Accepted a = accepted(in(from, Severity.CRITICAL, Threat.T1_02)
                .transition(to, null, null, null, OPERATOR, T0));
        assertThat(a.incident().state()).isEqualTo(to);
        assertThat(a.changes().get(0)).isEqualTo(new IncidentChange.Transitioned(from, to, null, false));
    }

    @Test
    void shouldRefuseToSkipPhasesForHighAndCritical() {
        for (Severity s : new Severity[] {Severity.HIGH, Severity.CRITICAL}) {
            Outcome.Rejected r = rejected(in(TRIAGE, s, Threat.T1_02).transition(INVESTIGATION, null, null, null, OPERATOR, T0));
            assertThat(r.code()).isEqualTo(Outcome.Rejection.SKIP_NOT_ALLOWED);
            assertThat(r.reason()).contains("CONTAINMENT");
        }
    }

    @Test
    void shouldLetLowAndMediumSkipPhases() {
        for (Severity s : new Severity[] {Severity.LOW, Severity.MEDIUM}) {
            Outcome.Accepted a = accepted(in(DETECTED, s, Threat.T2_05).transition(RECOVERY, null, null, null, OPERATOR, T0));
            assertThat(a.incident().state()).isEqualTo(RECOVERY);
        }
    }

    @Test
    void shouldLetAManagerCloseALowIncidentStraightFromTriage() {
        Outcome.Accepted a = accepted(in(TRIAGE, Severity.LOW, Threat.T2_05).transition(CLOSED, null, null, null, MANAGER, T0));
        assertThat(a.incident().state()).isEqualTo(CLOSED);
        assertThat(a.incident().closedAt()).isEqualTo(T0);
    }

    @Test
    void shouldRequireAReasonToReopen() {
        Incident closed = in(CLOSED, Severity.MEDIUM, Threat.T2_05);
        assertThat(rejected(closed.transition(INVESTIGATION, " ", null, null, OPERATOR, T0)).code())
                .isEqualTo(Outcome.Rejection.REASON_REQUIRED);
        Outcome.Accepted a = accepted(closed.transition(INVESTIGATION, "再発を確認", null, null, OPERATOR, T0));
        assertThat(a.incident().state()).isEqualTo(INVESTIGATION);
        assertThat(a.incident().closedAt()).isNull();
        assertThat(a.changes()).containsExactly(new IncidentChange.Transitioned(CLOSED, INVESTIGATION, "再発を確認", true));
    }

    @Test
    void shouldMakeAReopenedIncidentUnacknowledgedAtEscalationLevelZero() {
        Incident closed = in(CLOSED, Severity.HIGH, Threat.T1_02).toBuilder()
                .acknowledgement(new Acknowledgement("yamada", T0, 2)).escalationLevel(3).build();
        Outcome.Accepted a = accepted(closed.transition(TRIAGE, "同じ端末で再検知", null, null, OPERATOR, T0.plusSeconds(60)));
        assertThat(a.incident().isAcknowledged()).isFalse();
        assertThat(a.incident().escalationLevel()).isZero();
        assertThat(a.incident().isOpen()).isTrue();
        assertThat(a.changes()).singleElement().extracting(IncidentChange::text).asString()
                .contains("再開").contains("受領確認を解除");

        Incident dismissed = in(DISMISSED, Severity.MEDIUM, Threat.T2_05).toBuilder()
                .acknowledgement(new Acknowledgement("yamada", T0, 1)).escalationLevel(1).build();
        Outcome.Accepted b = accepted(dismissed.transition(INVESTIGATION, "誤検知ではなかった", null, null, OPERATOR, T0));
        assertThat(b.incident().acknowledgement()).isNull();
        assertThat(b.incident().escalationLevel()).isZero();
    }

    @Test
    void shouldKeepTheAcknowledgementWhenMovingBackBetweenOpenPhases() {
        Incident recovery = in(RECOVERY, Severity.HIGH, Threat.T1_02).toBuilder()
                .acknowledgement(new Acknowledgement("yamada", T0, 2)).escalationLevel(2).build();
        Outcome.Accepted a = accepted(recovery.transition(CONTAINMENT, "別端末で感染を確認", null, null, OPERATOR, T0));
        assertThat(a.incident().acknowledgement().by()).isEqualTo("yamada");
        assertThat(a.incident().escalationLevel()).isEqualTo(2);
        assertThat(a.changes().get(0).text()).doesNotContain("受領確認を解除");
    }

    @Test
    void shouldRequireAReasonToMoveBackBetweenPhases() {
        Incident recovery = in(RECOVERY, Severity.HIGH, Threat.T1_02);
        assertThat(rejected(recovery.transition(CONTAINMENT, null, null, null, OPERATOR, T0)).code())
                .isEqualTo(Outcome.Rejection.REASON_REQUIRED);
        assertThat(accepted(recovery.transition(CONTAINMENT, "別端末で感染を確認", null, null, OPERATOR, T0))
                .incident().state()).isEqualTo(CONTAINMENT);
    }

    @Test
    void shouldRequireRootCauseAndPreventionToCloseFromLessons() {
        Incident lessons = in(LESSONS, Severity.HIGH, Threat.T2_05);
        Outcome.Rejected r = rejected(lessons.transition(CLOSED, null, "設定ミス", null, MANAGER, T0));
        assertThat(r.code()).isEqualTo(Outcome.Rejection.CLOSE_REQUIREMENTS_MISSING);
        Outcome.Accepted a = accepted(lessons.transition(CLOSED, null, "設定ミス", "変更手順にダブルチェックを追加", MANAGER, T0));
        assertThat(a.incident().rootCause()).isEqualTo("設定ミス");
        assertThat(a.incident().recurrencePrevention()).isEqualTo("変更手順にダブルチェックを追加");
        assertThat(a.changes()).anyMatch(c -> c instanceof IncidentChange.Lessons);
    }

    @Test
    void shouldRefuseToCloseWhileAMandatoryReportingTaskIsOpen() {
        Incident lessons = in(LESSONS, Severity.HIGH, Threat.T1_01);
        assertThat(lessons.task(ReportingObligations.POLICE)).isNotNull();
        Outcome.Rejected r = rejected(lessons.transition(CLOSED, null, "原因", "対策", MANAGER, T0));
        assertThat(r.code()).isEqualTo(Outcome.Rejection.MANDATORY_TASKS_OPEN);
        assertThat(r.reason()).contains(ReportingObligations.POLICE).contains(ReportingObligations.PREFECTURE);
    }

    @Test
    void shouldCloseOnceEveryMandatoryTaskIsDoneOrWaivedWithAReason() {
        Incident lessons = in(LESSONS, Severity.HIGH, Threat.T1_01);
        assertThat(rejected(lessons.waiveTask(ReportingObligations.POLICE, "", OPERATOR, T0)).code())
                .isEqualTo(Outcome.Rejection.REASON_REQUIRED);
        Incident waived = accepted(lessons.waiveTask(ReportingObligations.POLICE, "被害なし・相談不要と判断", MANAGER, T0)).incident();
        Incident done = accepted(waived.completeTask(ReportingObligations.PREFECTURE, "県CSIRTへ共有済", MANAGER, T0)).incident();
        Outcome.Accepted closed = accepted(done.transition(CLOSED, null, "原因", "対策", MANAGER, T0));
        assertThat(closed.incident().state()).isEqualTo(CLOSED);
    }

    @Test
    void shouldLeaveClosingToManagersAndAbove() {
        Incident lessons = in(LESSONS, Severity.MEDIUM, Threat.T2_05);
        assertThat(rejected(lessons.transition(CLOSED, null, "原因", "対策", OPERATOR, T0)).code())
                .isEqualTo(Outcome.Rejection.FORBIDDEN);
    }

    @Test
    void shouldRequireAReasonToDismiss() {
        Incident triage = in(TRIAGE, Severity.HIGH, Threat.T1_01);
        assertThat(rejected(triage.transition(DISMISSED, null, null, null, OPERATOR, T0)).code())
                .isEqualTo(Outcome.Rejection.REASON_REQUIRED);
        Outcome.Accepted a = accepted(triage.transition(DISMISSED, "脆弱性診断による既知の通信", null, null, OPERATOR, T0));
        assertThat(a.incident().state()).isEqualTo(DISMISSED);
        assertThat(a.incident().stateReason()).isEqualTo("脆弱性診断による既知の通信");
        assertThat(a.incident().isOpen()).isFalse();
    }

    @Test
    void shouldRefuseTheSameStateDetectedAsTargetAndDismissingAClosedIncident() {
        assertThat(rejected(in(TRIAGE, Severity.LOW, Threat.T2_05).transition(TRIAGE, null, null, null, OPERATOR, T0)).code())
                .isEqualTo(Outcome.Rejection.SAME_STATE);
        assertThat(rejected(in(TRIAGE, Severity.LOW, Threat.T2_05).transition(DETECTED, "x", null, null, OPERATOR, T0)).code())
                .isEqualTo(Outcome.Rejection.ILLEGAL_TRANSITION);
        assertThat(rejected(in(CLOSED, Severity.LOW, Threat.T2_05).transition(DISMISSED, "x", null, null, OPERATOR, T0)).code())
                .isEqualTo(Outcome.Rejection.ILLEGAL_TRANSITION);
        assertThat(rejected(in(DISMISSED, Severity.LOW, Threat.T2_05).transition(CLOSED, "x", null, null, MANAGER, T0)).code())
                .isEqualTo(Outcome.Rejection.ILLEGAL_TRANSITION);
    }

    @Test
    void shouldAddThePhaseTasksOfTheThreatGroupOnEnteringAPhase() {
        Outcome.Accepted a = accepted(in(TRIAGE, Severity.HIGH, Threat.T1_02).transition(CONTAINMENT, null, null, null, OPERATOR, T0));
        assertThat(a.incident().tasks()).extracting(Task::code)
                .contains("containment-evidence", "t1-isolate", "t1-block");
        assertThat(a.incident().task("t1-isolate").title()).contains("電源は切らない");
        assertThat(a.changes()).filteredOn(c -> c instanceof IncidentChange.TaskAdded).hasSize(3);
        assertThat(a.incident().task("t1-isolate").mandatory()).isFalse();
    }

    @Test
    void shouldNotBlockClosingOnOpenActionTasks() {
        Incident lessons = accepted(in(TRIAGE, Severity.LOW, Threat.T2_05)
                .transition(CONTAINMENT, null, null, null, OPERATOR, T0)).incident().toBuilder().state(LESSONS).build();
        assertThat(lessons.tasks()).anyMatch(Task::isOpen);
        assertThat(accepted(lessons.transition(CLOSED, null, "原因", "対策", MANAGER, T0)).incident().state())
                .isEqualTo(CLOSED);
    }

    @Test
    void shouldOpenInDetectedWithNoAcknowledgement() {
        Incident i = Incidents.open(Severity.MEDIUM, Threat.T2_05, Segment.LGWAN);
        assertThat(i.state()).isEqualTo(DETECTED);
        assertThat(i.isAcknowledged()).isFalse();
        assertThat(i.openedAt()).isEqualTo(T0);
    }
}
