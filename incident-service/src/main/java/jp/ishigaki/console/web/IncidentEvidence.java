package jp.ishigaki.console.web;

import com.fasterxml.jackson.databind.JsonNode;
import jp.ishigaki.console.policy.PolicyRef;
import jp.ishigaki.incident.application.DetectionLog;
import jp.ishigaki.incident.domain.DetectionRecord;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.topic.Json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the detail page shows as evidence (issue 6): the controls the detections show broken, why their severity was
 * raised, the affected assets with their classification from the inventory, and each detection with its samples.
 */
public record IncidentEvidence(List<PolicyRef> controls, List<String> severityReasons, List<AssetRow> assets,
                               List<String> unlistedAssets, List<DetectionRow> detections) {

    /** An affected asset as the inventory records it (自治体機密性 / 完全性 / 可用性), with its host names. */
    public record AssetRow(String id, String name, String segment, String department, String manager,
                           String confidentiality, String integrity, String availability, boolean highlyClassified,
                           String hosts) {
    }

    /** One detection behind the incident. */
    public record DetectionRow(String id, String ruleId, String ruleTitle, String kind, long count, String firstSeen,
                               String lastSeen, String host, String user, String sourceIp, String severity,
                               String severityLabel, List<PolicyRef> controls, List<String> reasons,
                               List<Sample> samples) {
    }

    /** A sample raw event, pretty-printed; a cut-off one keeps its first part and its original size. */
    public record Sample(int number, String text, boolean truncated, long originalBytes) {
    }

    static IncidentEvidence of(Incident incident, List<DetectionRecord> records, List<Asset> inventory, Formats f) {
        Set<Control> controls = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        List<DetectionRow> rows = new ArrayList<>();
        for (DetectionRecord r : records) {
            controls.addAll(r.controls());
            reasons.addAll(r.severityReasons());
            List<Sample> samples = new ArrayList<>();
            for (String json : r.samples()) {
                samples.add(sample(samples.size() + 1, json));
            }
            rows.add(new DetectionRow(r.detectionId(), r.ruleId(), r.ruleTitle(),
                    r.ruleKind() == null ? "" : r.ruleKind().name(), r.count(), f.dateTime(r.firstSeen()),
                    f.dateTime(r.lastSeen()), r.host(), r.user(), r.sourceIp(),
                    r.severity().code(), f.severity(r.severity()),
                    r.controls().stream().map(c -> f.catalogue().control(c)).toList(), r.severityReasons(), samples));
        }
        List<AssetRow> assets = inventory.stream().map(a -> new AssetRow(a.id(), a.name(), f.segment(a.segment()),
                a.department(), a.manager(), a.confidentiality(), a.integrity(), a.availability(),
                a.isHighlyClassified(), String.join(", ", a.hosts()))).toList();
        List<String> unlisted = incident.affectedAssets().stream()
                .filter(named -> inventory.stream().noneMatch(a -> names(named, a))).toList();
        return new IncidentEvidence(controls.stream().map(c -> f.catalogue().control(c)).toList(),
                List.copyOf(reasons), assets, unlisted, rows);
    }

    /** The asset ids an incident's affected-asset entries name ("ID name", as intake writes them, or a bare id). */
    static List<String> assetIds(Incident incident) {
        return incident.affectedAssets().stream().map(IncidentEvidence::firstWord).toList();
    }

    private static boolean names(String entry, Asset asset) {
        return asset.id().equals(firstWord(entry)) || asset.hosts().stream()
                .anyMatch(h -> h.equalsIgnoreCase(entry.strip()));
    }

    private static String firstWord(String entry) {
        String s = entry.strip();
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }

    private static Sample sample(int number, String json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            if (node.path(DetectionLog.TRUNCATED).asBoolean(false)) {
                return new Sample(number, node.path(DetectionLog.HEAD).asText(""), true,
                        node.path(DetectionLog.ORIGINAL_BYTES).asLong());
            }
            return new Sample(number, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node), false, 0);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new Sample(number, json, false, 0);
        }
    }

    /** Lower-cased host names of the detections, for the inventory look-up. */
    static List<String> hosts(List<DetectionRecord> records) {
        return records.stream().map(DetectionRecord::host).filter(h -> h != null && !h.isBlank())
                .map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
