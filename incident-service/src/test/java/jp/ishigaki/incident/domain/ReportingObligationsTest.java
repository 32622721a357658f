package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static jp.ishigaki.incident.domain.Incidents.RULES;
import static jp.ishigaki.incident.domain.Incidents.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §6 reporting obligations: which apply, due dates from configuration, responsible roles. */
class ReportingObligationsTest {

    private static Incident incident(Threat threat, Segment segment, Severity severity, PersonalDataAssessment p,
                                     boolean ransomware) {
        return Incidents.open(Severity.LOW, Threat.T2_05, Segment.LGWAN).toBuilder().threat(threat).segment(segment)
                .severity(severity).personalData(p).ransomwareSuspected(ransomware).tasks(List.of()).build();
    }

    private static List<String> codes(Incident i) {
        return ReportingObligations.missing(i, RULES, T0).stream().map(Task::code).toList();
    }

    @Test
    void shouldRequirePpcReportsForAQualifiedPersonalDataLeak() {
        for (PersonalDataAssessment p : List.of(
                new PersonalDataAssessment(true, true, false, false, 1, false),
                new PersonalDataAssessment(true, false, true, false, 1, false),
                new PersonalDataAssessment(true, false, false, true, 1, false),
                new PersonalDataAssessment(true, false, false, false, 101, false))) {
            assertThat(codes(incident(Threat.T2_05, Segment.LGWAN, Severity.MEDIUM, p, false)))
                    .contains(ReportingObligations.PPC_PRELIMINARY, ReportingObligations.PPC_FINAL);
        }
    }

    @Test
    void shouldNotRequirePpcReportsForASmallOrdinaryLeak() {
        assertThat(codes(incident(Threat.T2_05, Segment.LGWAN, Severity.MEDIUM,
                new PersonalDataAssessment(true, false, false, false, 100, false), false))).isEmpty();
    }

    @Test
    void shouldRequirePpcReportsForAnySpecificPersonalInformationLeakFromMynumber() {
        PersonalDataAssessment one = new PersonalDataAssessment(true, false, false, false, 1, true);
        assertThat(codes(incident(Threat.T2_01, Segment.MYNUMBER, Severity.HIGH, one, false)))
                .contains(ReportingObligations.PPC_PRELIMINARY);
        assertThat(codes(incident(Threat.T2_01, Segment.LGWAN, Severity.HIGH, one, false)))
                .doesNotContain(ReportingObligations.PPC_PRELIMINARY);
    }

    @Test
    void shouldDueTheFinalPpcReportIn60DaysForIntentionalThreatsAnd30Otherwise() {
        PersonalDataAssessment leak = new PersonalDataAssessment(true, true, false, false, 5, false);
        Task intentional = ReportingObligations.missing(incident(Threat.T1_05, Segment.LGWAN, Severity.HIGH, leak, false),
                RULES, T0).stream().filter(t -> t.code().equals(ReportingObligations.PPC_FINAL)).findFirst().orElseThrow();
        Task mistake = ReportingObligations.missing(incident(Threat.T2_05, Segment.LGWAN, Severity.HIGH, leak, false),
                RULES, T0).stream().filter(t -> t.code().equals(ReportingObligations.PPC_FINAL)).findFirst().orElseThrow();
        assertThat(intentional.dueAt()).isEqualTo(T0.plus(Duration.ofDays(60)));
        assertThat(mistake.dueAt()).isEqualTo(T0.plus(Duration.ofDays(30)));
        Task preliminary = ReportingObligations.missing(incident(Threat.T2_05, Segment.LGWAN, Severity.HIGH, leak, false),
                RULES, T0).get(0);
        assertThat(preliminary.dueAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(preliminary.responsibleRole()).isEqualTo("supervisor");
        assertThat(preliminary.mandatory()).isTrue();
    }

    @Test
    void shouldUseConfiguredDueDates() {
        ObligationRules custom = new ObligationRules(Duration.ofDays(5), Duration.ofDays(20), Duration.ofDays(40),
                Duration.ofDays(1), null, null, "ciso", "manager", "supervisor", "ciso", Duration.ofHours(6));
        PersonalDataAssessment leak = new PersonalDataAssessment(true, true, false, false, 5, false);
        List<Task> tasks = ReportingObligations.missing(incident(Threat.T1_01, Segment.LGWAN, Severity.MEDIUM, leak, false),
                custom, T0);
        assertThat(tasks).filteredOn(t -> t.code().equals(ReportingObligations.PPC_PRELIMINARY)).singleElement()
                .satisfies(t -> assertThat(t.dueAt()).isEqualTo(T0.plus(Duration.ofDays(5))));
        assertThat(tasks).filteredOn(t -> t.code().equals(ReportingObligations.POLICE)).singleElement()
                .satisfies(t -> {
                    assertThat(t.dueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
                    assertThat(t.responsibleRole()).isEqualTo("manager");
                });
    }

    @Test
    void shouldRequireAPoliceReportForSuspectedCrime() {
        assertThat(codes(incident(Threat.T1_01, Segment.LGWAN, Severity.MEDIUM, null, false))).contains(ReportingObligations.POLICE);
        assertThat(codes(incident(Threat.T1_07, Segment.LGWAN, Severity.MEDIUM, null, false))).contains(ReportingObligations.POLICE);
        assertThat(codes(incident(Threat.T1_02, Segment.LGWAN, Severity.MEDIUM, null, true))).contains(ReportingObligations.POLICE);
        assertThat(codes(incident(Threat.T1_02, Segment.LGWAN, Severity.MEDIUM, null, false))).doesNotContain(ReportingObligations.POLICE);
        assertThat(ReportingObligations.missing(incident(Threat.T1_01, Segment.LGWAN, Severity.MEDIUM, null, false), RULES, T0)
                .get(0).dueAt()).as("no deadline by default").isNull();
    }

    @Test
    void shouldShareHighAndCriticalCyberIncidentsWithThePrefecture() {
        assertThat(codes(incident(Threat.T1_03, Segment.INTERNET, Severity.HIGH, null, false))).contains(ReportingObligations.PREFECTURE);
        assertThat(codes(incident(Threat.T1_03, Segment.INTERNET, Severity.MEDIUM, null, false))).doesNotContain(ReportingObligations.PREFECTURE);
        assertThat(codes(incident(Threat.T1_04, Segment.FACILITY, Severity.CRITICAL, null, false)))
                .as("physical intrusion is not a cyber incident").doesNotContain(ReportingObligations.PREFECTURE);
        assertThat(codes(incident(Threat.T2_10, Segment.LGWAN, Severity.CRITICAL, null, false))).doesNotContain(ReportingObligations.PREFECTURE);
    }

    @Test
    void shouldActivateTheBcpForDisastersStaffShortageAndOutages() {
        for (Threat t : List.of(Threat.T3_01, Threat.T3_03, Threat.T4_01, Threat.T5_01, Threat.T5_02)) {
            assertThat(codes(incident(t, Segment.FACILITY, Severity.MEDIUM, null, false))).containsExactly(ReportingObligations.BCP);
        }
        assertThat(codes(incident(Threat.T2_10, Segment.FACILITY, Severity.MEDIUM, null, false))).isEmpty();
    }

    @Test
    void shouldNeverAddAnObligationTwice() {
        Incident i = incident(Threat.T1_01, Segment.LGWAN, Severity.HIGH, null, false);
        Incident with = i.toBuilder().tasks(ReportingObligations.missing(i, RULES, T0)).build();
        assertThat(ReportingObligations.missing(with, RULES, T0)).isEmpty();
    }
}
