package jp.ishigaki.incident.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.ishigaki.incident.application.DetectionLog;
import jp.ishigaki.incident.application.IncidentNotFoundException;
import jp.ishigaki.incident.application.IncidentStore;
import jp.ishigaki.incident.domain.DetectionRecord;
import jp.ishigaki.incident.domain.Incident;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.policy.Control;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.Threat;
import jp.ishigaki.schemas.topic.Json;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/** The detections behind an incident (issue 6): rule, count, period, controls broken, severity reasons, samples. */
@Path("/api/incidents/{id}/detections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
@RolesAllowed({"operator", "manager", "supervisor", "ciso", "auditor", "admin"})
public class IncidentDetectionsResource {

    private static final Pattern NUMBER = Pattern.compile("INC-\\d{4}-\\d{6}");

    /**
     * One detection; {@code samples} are the raw events as received (a sample too large to keep whole is an object
     * with {@code ishigaki.truncated}, {@code ishigaki.originalBytes} and the cut-off text in {@code ishigaki.head}).
     */
    public record DetectionView(String detectionId, String ruleId, String ruleTitle, Detection.RuleKind ruleKind,
                                Severity ruleLevel, Severity severity, Threat threat, Segment segment, String host,
                                String user, String sourceIp, String assetId, String assetName, String summary,
                                long count, Instant firstSeen, Instant lastSeen, List<Control> controls,
                                List<String> severityReasons, List<String> attackTags, List<JsonNode> samples,
                                Instant receivedAt, Instant updatedAt) {

        static DetectionView of(DetectionRecord r) {
            return new DetectionView(r.detectionId(), r.ruleId(), r.ruleTitle(), r.ruleKind(), r.ruleLevel(),
                    r.severity(), r.threat(), r.segment(), r.host(), r.user(), r.sourceIp(), r.assetId(),
                    r.assetName(), r.summary(), r.count(), r.firstSeen(), r.lastSeen(), r.controls(),
                    r.severityReasons(), r.attackTags(), r.samples().stream().map(DetectionView::node).toList(),
                    r.receivedAt(), r.updatedAt());
        }

        private static JsonNode node(String json) {
            try {
                return Json.mapper().readTree(json);
            } catch (JsonProcessingException e) {
                return TextNode.valueOf(json);
            }
        }
    }

    private final IncidentStore store;
    private final DetectionLog detections;

    public IncidentDetectionsResource(IncidentStore store, DetectionLog detections) {
        this.store = store;
        this.detections = detections;
    }

    @GET
    @Operation(summary = "The detections behind an incident, first seen first, with their samples (id or INC number)")
    public List<DetectionView> list(@PathParam("id") String id) {
        Incident incident = (NUMBER.matcher(id).matches() ? store.findByNumber(id) : store.find(id))
                .orElseThrow(() -> new IncidentNotFoundException(id));
        return detections.forIncident(incident.id()).stream().map(DetectionView::of).toList();
    }
}
