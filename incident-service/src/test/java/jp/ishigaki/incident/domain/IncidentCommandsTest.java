package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static jp.ishigaki.incident.domain.Incidents.OPERATOR;
import static jp.ishigaki.incident.domain.Incidents.RULES;
import static jp.ishigaki.incident.domain.Incidents.T0;
import static jp.ishigaki.incident.domain.Incidents.accepted;
import static jp.ishigaki.incident.domain.Incidents.in;
import static jp.ishigaki.incident.domain.Incidents.open;
import static jp.ishigaki.incident.domain.Incidents.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** Acknowledgement, assignment, comments, detections, assessment, tasks, escalation and merging. */
class IncidentCommandsTest {

    @Test
    void shouldRecordWhoAcknowledgedAtWhichLevelAndRefuseASecondAcknowledgement() {
        Incident i = open(Severity.HIGH, Threat.T1_01, Segment.LGWAN).toBuilder().escalationLevel(2).build();
        Outcome.Accepted a = accepted(i.acknowledge(OPERATOR, T0));
        assertThat(a.incident().acknowledgement()).isEqualTo(new Acknowledgement("yamada", T0, 2));
        assertThat(a.changes()).containsExactly(new IncidentChange.Acknowledged("yamada", 2));
        assertThat(rejected(a.incident().acknowledge(OPERATOR, T0)).code()).isEqualTo(Outcome.Rejection.ALREADY_ACKNOWLEDGED);
    }

    @Test
    void shouldRefuseToAcknowledgeOrAssignAClosedIncident() {
        Incident closed = in(IncidentState.CLOSED, Severity.LOW, Threat.T2_05);
        assertThat(rejected(closed.acknowledge(OPERATOR, T0)).code()).isEqualTo(Outcome.Rejection.INCIDENT_TERMINAL);
        assertThat(rejected(closed.assign("tanaka")).code()).isEqualTo(Outcome.Rejection.INCIDENT_TERMINAL);
    }

    @Test
    void shouldAssignAndRejectABlankAssignee() {
        Incident i = open(Severity.LOW, Threat.T2_05, Segment.LGWAN);
        assertThat(rejected(i.assign(" ")).code()).isEqualTo(Outcome.Rejection.INVALID);
        Outcome.Accepted a = accepted(i.assign("tanaka"));
        assertThat(a.incident().assignee()).isEqualTo("tanaka");
        assertThat(a.changes()).containsExactly(new IncidentChange.Assigned(null, "tanaka"));
    }

    @Test
    void shouldCommentEvenOnAClosedIncidentButNotEmptily() {
        Incident closed = in(IncidentState.CLOSED, Severity.LOW, Threat.T2_05);
        assertThat(accepted(closed.comment("報告書を共有フォルダへ格納")).changes())
                .containsExactly(new IncidentChange.Commented("報告書を共有フォルダへ格納"));
        assertThat(rejected(closed.comment("")).code()).isEqualTo(Outcome.Rejection.INVALID);
        assertThat(rejected(closed.comment("あ".repeat(4001))).code()).isEqualTo(Outcome.Rejection.INVALID);
    }

    @Test
    void shouldAbsorbADetectionCountingHitsAndRaisingButNeverLoweringSeverity() {
        Incident i = open(Severity.MEDIUM, Threat.T1_01, Segment.INTERNET);
        Instant later = T0.plusSeconds(60);
        Outcome.Accepted up = accepted(i.attach("d2", 5, later, Severity.HIGH, List.of("asset 3A"), RULES, later));
        assertThat(up.incident().detectionCount()).isEqualTo(6);
        assertThat(up.incident().lastSeen()).isEqualTo(later);
        assertThat(up.incident().severity()).isEqualTo(Severity.HIGH);
        assertThat(up.changes()).contains(new IncidentChange.SeverityRaised(Severity.MEDIUM, Severity.HIGH, "新しい検知の重大度: asset 3A"));
        assertThat(up.incident().task(ReportingObligations.PREFECTURE)).as("high cyber → prefecture").isNotNull();

        Outcome.Accepted down = accepted(up.incident().attach("d3", 1, T0, Severity.LOW, List.of(), RULES, later));
        assertThat(down.incident().severity()).isEqualTo(Severity.HIGH);
        assertThat(down.incident().lastSeen()).as("an older detection does not move last seen back").isEqualTo(later);
        assertThat(down.changes()).noneMatch(c -> c instanceof IncidentChange.SeverityRaised);
    }

    @Test
    void shouldRefuseDetectionsOnAClosedIncident() {
        assertThat(rejected(in(IncidentState.CLOSED, Severity.LOW, Threat.T2_05)
                .attach("d", 1, T0, Severity.LOW, List.of(), RULES, T0)).code()).isEqualTo(Outcome.Rejection.INCIDENT_TERMINAL);
    }

    @Test
    void shouldRaiseSeverityByHandButNeverLowerIt() {
        Incident i = open(Severity.MEDIUM, Threat.T2_05, Segment.LGWAN);
        assertThat(rejected(i.raiseSeverity(Severity.LOW, "誤り", RULES, T0)).code()).isEqualTo(Outcome.Rejection.INVALID);
        assertThat(rejected(i.raiseSeverity(Severity.HIGH, "", RULES, T0)).code()).isEqualTo(Outcome.Rejection.INVALID);
        assertThat(accepted(i.raiseSeverity(Severity.CRITICAL, "住民情報システム停止", RULES, T0)).incident().severity())
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldRaiseToHighAndAddPpcObligationsWhenAnAssessmentFindsALegalTrigger() {
        Incident i = open(Severity.LOW, Threat.T2_05, Segment.LGWAN);
        PersonalDataAssessment leak = new PersonalDataAssessment(true, false, false, false, 250, false);
        Outcome.Accepted a = accepted(i.assess(leak, null, null, RULES, T0));
        assertThat(a.incident().severity()).isEqualTo(Severity.HIGH);
        assertThat(a.incident().legalTrigger()).isTrue();
        assertThat(a.incident().task(ReportingObligations.PPC_PRELIMINARY).dueAt()).isEqualTo(T0.plus(RULES.ppcPreliminaryDue()));
        assertThat(a.incident().task(ReportingObligations.PPC_FINAL).dueAt()).isEqualTo(T0.plus(RULES.ppcFinalDue()));
        assertThat(a.changes()).anyMatch(c -> c instanceof IncidentChange.SeverityRaised s && s.reason().contains("法令"));
        assertThat(rejected(i.assess(null, null, null, RULES, T0)).code()).isEqualTo(Outcome.Rejection.INVALID);
    }

    @Test
    void shouldCompleteATaskOnceAndRefuseUnknownTasks() {
        Incident i = open(Severity.HIGH, Threat.T1_01, Segment.LGWAN);
        Incident done = accepted(i.completeTask(ReportingObligations.POLICE, "相談受理番号 123", OPERATOR, T0)).incident();
        assertThat(done.task(ReportingObligations.POLICE).status()).isEqualTo(Task.Status.DONE);
        assertThat(done.task(ReportingObligations.POLICE).resolvedBy()).isEqualTo("yamada");
        assertThat(rejected(done.completeTask(ReportingObligations.POLICE, null, OPERATOR, T0)).code())
                .isEqualTo(Outcome.Rejection.TASK_NOT_OPEN);
        assertThat(rejected(done.completeTask("nope", null, OPERATOR, T0)).code()).isEqualTo(Outcome.Rejection.TASK_NOT_FOUND);
    }

    @Test
    void shouldEscalateOnlyUpwards() {
        Incident i = open(Severity.HIGH, Threat.T1_01, Segment.LGWAN).toBuilder().escalationLevel(2).build();
        assertThat(rejected(i.escalate(2, "x")).code()).isEqualTo(Outcome.Rejection.INVALID);
        Outcome.Accepted a = accepted(i.escalate(3, "未受領"));
        assertThat(a.incident().escalationLevel()).isEqualTo(3);
        assertThat(a.changes()).containsExactly(new IncidentChange.Escalated(2, 3, "未受領"));
    }

    @Test
    void shouldMergeCountsAssetsAndTheHigherSeverityAndEndTheSourceAsDismissed() {
        Incident target = open(Severity.MEDIUM, Threat.T1_02, Segment.LGWAN).toBuilder().affectedAssets(List.of("A1")).build();
        Incident source = Incident.open(new OpenIncident("id-2", "INC-2026-000002", Incident.Source.MANUAL, "同一事象", null,
                Threat.T1_02, Segment.LGWAN, Severity.HIGH, List.of(), false, null, null, 3, null, null, "sato", null,
                List.of("A2"), false, false, null, false), RULES, T0).incident();
        Outcome.Accepted absorbed = accepted(target.absorb(source, RULES, T0));
        assertThat(absorbed.incident().detectionCount()).isEqualTo(4);
        assertThat(absorbed.incident().affectedAssets()).containsExactly("A1", "A2");
        assertThat(absorbed.incident().severity()).isEqualTo(Severity.HIGH);
        Outcome.Accepted ended = accepted(source.mergeInto(target, T0));
        assertThat(ended.incident().state()).isEqualTo(IncidentState.DISMISSED);
        assertThat(ended.incident().mergedInto()).isEqualTo(target.id());
        assertThat(rejected(target.absorb(target, RULES, T0)).code()).isEqualTo(Outcome.Rejection.INVALID);
    }
}
