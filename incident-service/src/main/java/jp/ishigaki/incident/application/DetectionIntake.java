package jp.ishigaki.incident.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.ishigaki.incident.domain.Actor;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.incident.domain.ObligationRules;
import jp.ishigaki.incident.domain.OpenIncident;
import jp.ishigaki.incident.domain.PersonalDataAssessment;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * From detections to incidents (issue 4 item 2): idempotent by detection id; an open incident with the same dedup key
 * absorbs the detection, otherwise a new incident opens. Each detection is also kept as evidence ({@link DetectionLog}),
 * and a re-publication of a detection already taken in (a flood's growing count) refreshes that evidence and adds
 * the new hits to the incident's count.
 */
@ApplicationScoped
public class DetectionIntake {

    /** What became of a detection. */
    public enum Result { OPENED, ATTACHED, DUPLICATE }

    private final IncidentStore store;
    private final IncidentService incidents;
    private final ObligationRules obligations;
    private final DetectionLog detections;
    private final Clock clock;

    public DetectionIntake(IncidentStore store, IncidentService incidents, ObligationRules obligations,
                           DetectionLog detections, Clock clock) {
        this.store = store;
        this.incidents = incidents;
        this.obligations = obligations;
        this.detections = detections;
        this.clock = clock;
    }

    /** Why a detection cannot be taken in, or {@code null} when it can. */
    public static String problem(Detection d) {
        if (d == null) {
            return "empty record";
        }
        if (blank(d.id()) || blank(d.dedupKey())) {
            return "detection without id or dedupKey";
        }
        if (d.threat() == null || d.severity() == null) {
            return "detection " + d.id() + " without threat or severity";
        }
        if (d.severity() == Severity.INFO) {
            return "detection " + d.id() + " has severity info, which never opens an incident";
        }
        if (blank(d.ruleTitle()) && blank(d.summary())) {
            return "detection " + d.id() + " has neither rule title nor summary";
        }
        return null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result handle(Detection d) {
        if (store.detectionProcessed(d.id())) {
            detections.refresh(d).filter(growth -> growth.hits() > 0)
                    .ifPresent(growth -> grow(growth.incidentId(), d, growth.hits()));
            return Result.DUPLICATE;
        }
        Optional<Incident> open = store.lockOpenByDedupKey(d.dedupKey());
        if (open.isPresent()) {
            Incident incident = open.get();
            incidents.apply(incident, incident.attach(d.id(), d.count(), d.lastSeen(), d.severity(),
                    d.severityReasons(), obligations, clock.instant()), Actor.SYSTEM);
            store.markDetectionProcessed(d.id(), incident.id(), clock.instant());
            detections.record(incident.id(), d);
            return Result.ATTACHED;
        }
        IncidentService.Identity identity = incidents.newIdentity();
        Incident opened = incidents.open(toOpen(identity, d), Actor.SYSTEM.name());
        store.markDetectionProcessed(d.id(), opened.id(), clock.instant());
        detections.record(opened.id(), d);
        return Result.OPENED;
    }

    /** A detection already in an open incident was published again with more hits: the incident counts them. */
    private void grow(String incidentId, Detection d, long hits) {
        store.lock(incidentId).filter(Incident::isOpen).ifPresent(incident -> incidents.apply(incident,
                incident.attach(d.id(), hits, d.lastSeen(), d.severity(), d.severityReasons(), obligations,
                        clock.instant()), Actor.SYSTEM));
    }

    static OpenIncident toOpen(IncidentService.Identity identity, Detection d) {
        boolean mynumberExport = d.segment() == Segment.MYNUMBER && d.controls().contains(Control.MN_NO_EXPORT);
        PersonalDataAssessment personal = mynumberExport
                ? new PersonalDataAssessment(true, false, false, false, 0, true) : PersonalDataAssessment.NONE;
        boolean ransomware = d.attackTags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("t1486"))
                || (d.ruleTitle() != null && d.ruleTitle().toLowerCase(Locale.ROOT).matches(".*(ransom|ランサム).*"));
        String title = blank(d.ruleTitle()) ? d.summary() : d.ruleTitle() + (blank(d.host()) ? "" : " — " + d.host());
        List<String> assets = d.asset() == null ? List.of() : List.of(d.asset().id() + " " + d.asset().name());
        return new OpenIncident(identity.id(), identity.number(), Incident.Source.DETECTION,
                title.length() > 500 ? title.substring(0, 500) : title, d.summary(), d.threat(), d.segment(),
                d.severity(), d.severityReasons(), true, d.dedupKey(), d.id(), d.count(), d.firstSeen(), d.lastSeen(),
                "system", d.asset() == null ? null : d.asset().department(), assets, false, false, personal, ransomware);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
