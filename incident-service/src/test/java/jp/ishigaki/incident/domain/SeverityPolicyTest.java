package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.ThreatGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DOMAIN.md §4: each raise on its own, and that severity is never lowered. */
class SeverityPolicyTest {

    private static SeverityPolicy.Facts facts(Severity s, Segment seg, boolean asset, boolean legal, ThreatGroup g,
                                              boolean room) {
        return new SeverityPolicy.Facts(s, seg, asset, legal, g, room);
    }

    @Test
    void shouldRaiseMynumberToAtLeastHigh() {
        assertThat(SeverityPolicy.apply(facts(Severity.LOW, Segment.MYNUMBER, false, false, ThreatGroup.T2, false)))
                .isEqualTo(Severity.HIGH);
        assertThat(SeverityPolicy.apply(facts(Severity.CRITICAL, Segment.MYNUMBER, false, false, ThreatGroup.T2, false)))
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldRaiseOneStepForAHighlyClassifiedAsset() {
        assertThat(SeverityPolicy.apply(facts(Severity.LOW, Segment.LGWAN, true, false, ThreatGroup.T2, false)))
                .isEqualTo(Severity.MEDIUM);
        assertThat(SeverityPolicy.apply(facts(Severity.HIGH, Segment.LGWAN, true, false, ThreatGroup.T2, false)))
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void shouldRaiseALegalTriggerToAtLeastHigh() {
        var raises = SeverityPolicy.raises(facts(Severity.MEDIUM, Segment.LGWAN, false, true, ThreatGroup.T1, false));
        assertThat(raises).singleElement().satisfies(r -> {
            assertThat(r.to()).isEqualTo(Severity.HIGH);
            assertThat(r.reason()).contains("法令上の報告義務");
        });
    }

    @Test
    void shouldMakeADisasterInTheServerRoomCritical() {
        assertThat(SeverityPolicy.apply(facts(Severity.MEDIUM, Segment.FACILITY, false, false, ThreatGroup.T3, true)))
                .isEqualTo(Severity.CRITICAL);
        assertThat(SeverityPolicy.apply(facts(Severity.MEDIUM, Segment.FACILITY, false, false, ThreatGroup.T5, true)))
                .isEqualTo(Severity.CRITICAL);
        assertThat(SeverityPolicy.apply(facts(Severity.MEDIUM, Segment.FACILITY, false, false, ThreatGroup.T1, true)))
                .as("an attack is not a disaster").isEqualTo(Severity.MEDIUM);
        assertThat(SeverityPolicy.apply(facts(Severity.MEDIUM, Segment.FACILITY, false, false, ThreatGroup.T3, false)))
                .isEqualTo(Severity.MEDIUM);
    }

    @Test
    void shouldGiveOneReasonPerRaiseInOrder() {
        var raises = SeverityPolicy.raises(facts(Severity.LOW, Segment.MYNUMBER, true, true, ThreatGroup.T3, true));
        assertThat(raises).extracting(SeverityPolicy.Raise::to)
                .containsExactly(Severity.HIGH, Severity.CRITICAL);
        assertThat(raises).extracting(SeverityPolicy.Raise::from).containsExactly(Severity.LOW, Severity.HIGH);
    }

    @Test
    void shouldNotRaiseWhenNothingApplies() {
        assertThat(SeverityPolicy.raises(facts(Severity.MEDIUM, Segment.INTERNET, false, false, ThreatGroup.T2, false)))
                .isEmpty();
    }

    @Test
    void shouldApplyTheRaisesWhenAManualReportOpens() {
        Incident i = Incident.open(new OpenIncident("i", "INC-2026-000009", Incident.Source.MANUAL, "USB 書込み", null,
                jp.ishigaki.schemas.policy.Threat.T2_01, Segment.MYNUMBER, Severity.LOW, java.util.List.of(), false,
                null, null, 1, null, null, "yamada", null, java.util.List.of(), false, false, null, false),
                ObligationRules.DEFAULTS, Incidents.T0).incident();
        assertThat(i.severity()).isEqualTo(Severity.HIGH);
    }
}
