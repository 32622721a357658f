package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Builders for domain tests. */
final class Incidents {

    static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");
    static final Actor OPERATOR = new Actor("yamada", Set.of("operator"));
    static final Actor MANAGER = new Actor("suzuki", Set.of("manager"));
    static final ObligationRules RULES = ObligationRules.DEFAULTS;

    private Incidents() {
    }

    static OpenIncident manual(Severity severity, Threat threat, Segment segment) {
        return new OpenIncident("id-1", "INC-2026-000001", Incident.Source.MANUAL, "不審なログオン", "説明", threat, segment,
                severity, List.of(), false, null, null, 1, null, null, "yamada", "総務課", List.of(), false, false, null,
                false);
    }

    static Incident open(Severity severity, Threat threat, Segment segment) {
        return Incident.open(manual(severity, threat, segment), RULES, T0).incident();
    }

    static Incident in(IncidentState state, Severity severity, Threat threat) {
        return open(severity, threat, Segment.LGWAN).toBuilder().state(state).build();
    }

    static Outcome.Accepted accepted(Outcome o) {
        if (o instanceof Outcome.Rejected r) {
            throw new AssertionError("rejected: " + r.code() + " " + r.reason());
        }
        return (Outcome.Accepted) o;
    }

    static Outcome.Rejected rejected(Outcome o) {
        if (o instanceof Outcome.Accepted a) {
            throw new AssertionError("accepted: " + a.changes());
        }
        return (Outcome.Rejected) o;
    }
}
