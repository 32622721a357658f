package jp.ishigaki.incident.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.ishigaki.incident.domain.DetectionRecord;
import jp.ishigaki.schemas.detection.Detection;
import jp.ishigaki.schemas.topic.Json;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the detections behind each incident (issue 6): one record per detection id, written when the detection opens
 * or joins an incident and folded again when detection-streams re-publishes it with a higher count, so a repeat
 * updates the count, never adds a row. Samples are bounded in number and size.
 */
@ApplicationScoped
public class DetectionLog {

    /** The keys of the object that stands in for a sample too large to keep whole. */
    public static final String TRUNCATED = "ishigaki.truncated";
    public static final String ORIGINAL_BYTES = "ishigaki.originalBytes";
    public static final String HEAD = "ishigaki.head";

    private final DetectionRecords records;
    private final DetectionsConfig config;
    private final Clock clock;

    public DetectionLog(DetectionRecords records, DetectionsConfig config, Clock clock) {
        this.records = records;
        this.config = config;
        this.clock = clock;
    }

    /** Records a detection that has just opened or joined this incident (or folds it into its record). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String incidentId, Detection d) {
        upsert(DetectionRecord.of(incidentId, d, samples(d.samples()), clock.instant()));
    }

    /**
     * Folds a detection already taken in (a re-publication with a higher count, or a redelivery) into its record.
     * Empty when no incident took this detection id; otherwise the incident and how many hits the detection has
     * gained since its last recorded publication (0 for a redelivery or an older copy).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Growth> refresh(Detection d) {
        return records.incidentOf(d.id())
                .map(id -> new Growth(id, upsert(DetectionRecord.of(id, d, samples(d.samples()), clock.instant()))));
    }

    /** A detection's incident, and the hits it gained. */
    public record Growth(String incidentId, long hits) {
    }

    @Transactional
    public List<DetectionRecord> forIncident(String incidentId) {
        return records.forIncident(incidentId);
    }

    /** Stores the record; returns how far its count rose. */
    private long upsert(DetectionRecord arriving) {
        Optional<DetectionRecord> stored = records.lock(arriving.detectionId());
        if (stored.isEmpty()) {
            records.save(arriving);
            return arriving.count();
        }
        DetectionRecord merged = stored.get().absorb(arriving, config.maxSamples());
        if (!merged.sameAs(stored.get())) {
            records.save(merged);
        }
        return merged.count() - stored.get().count();
    }

    /** The first samples as JSON texts, each at most {@code maxSampleBytes} (a larger one is cut and marked). */
    List<String> samples(List<Map<String, Object>> samples) {
        return samples.stream().limit(config.maxSamples()).map(this::bounded).distinct().toList();
    }

    private String bounded(Map<String, Object> sample) {
        ObjectMapper json = Json.mapper();
        try {
            String whole = json.writeValueAsString(sample);
            int bytes = whole.getBytes(StandardCharsets.UTF_8).length;
            if (bytes <= config.maxSampleBytes()) {
                return whole;
            }
            int keep = Math.min(whole.length(), config.maxSampleBytes() / 2);
            while (true) {
                Map<String, Object> cut = new LinkedHashMap<>();
                cut.put(TRUNCATED, true);
                cut.put(ORIGINAL_BYTES, bytes);
                int end = keep > 0 && Character.isHighSurrogate(whole.charAt(keep - 1)) ? keep - 1 : keep;
                cut.put(HEAD, whole.substring(0, end));
                String text = json.writeValueAsString(cut);
                if (text.getBytes(StandardCharsets.UTF_8).length <= config.maxSampleBytes() || keep == 0) {
                    return text;
                }
                keep = keep / 2;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("sample of a detection is not serialisable: " + e.getOriginalMessage(), e);
        }
    }
}
