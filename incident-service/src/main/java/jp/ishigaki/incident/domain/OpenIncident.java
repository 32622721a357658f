package jp.ishigaki.incident.domain;

import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;

import java.time.Instant;
import java.util.List;

/**
 * Everything needed to open an incident, from a detection or a manual report; validates itself.
 * {@code severityAlreadyAssessed}: the detection pipeline already applied the asset and server-room raises.
 */
public record OpenIncident(
        String id,
        String number,
        Incident.Source source,
        String title,
        String description,
        Threat threat,
        Segment segment,
        Severity severity,
        List<String> severityReasons,
        boolean severityAlreadyAssessed,
        String dedupKey,
        String detectionId,
        long detectionCount,
        Instant firstSeen,
        Instant lastSeen,
        String reportedBy,
        String department,
        List<String> affectedAssets,
        boolean highlyClassifiedAsset,
        boolean serverRoomHit,
        PersonalDataAssessment personalData,
        boolean ransomwareSuspected) {

    public OpenIncident {
        require(id, "id");
        require(number, "number");
        require(title, "title");
        if (title.length() > 500) {
            throw new IllegalArgumentException("title is longer than 500 characters");
        }
        if (source == null || threat == null || severity == null) {
            throw new IllegalArgumentException("source, threat and severity are required");
        }
        if (severity == Severity.INFO) {
            throw new IllegalArgumentException("severity info never opens an incident");
        }
        segment = segment == null ? Segment.UNKNOWN : segment;
        severityReasons = severityReasons == null ? List.of() : List.copyOf(severityReasons);
        affectedAssets = affectedAssets == null ? List.of() : List.copyOf(affectedAssets);
        personalData = personalData == null ? PersonalDataAssessment.NONE : personalData;
        detectionCount = Math.max(detectionCount, 1);
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
