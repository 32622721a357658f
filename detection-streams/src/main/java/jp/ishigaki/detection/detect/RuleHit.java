package jp.ishigaki.detection.detect;

import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;

import java.time.Instant;
import java.util.Map;

/**
 * One rule hit on its way from classification to dedup and correlation (internal: it travels over the
 * repartition topic keyed by {@code partitionKey}, so that every hit of one entity or group meets on one task).
 * {@code correlationId} is null for a hit that feeds a single rule's own detection.
 */
public record RuleHit(
        String dedupKey,
        String partitionKey,
        String ruleId,
        String correlationId,
        String eventId,
        Instant timestamp,
        String host,
        String user,
        String sourceIp,
        Segment segment,
        Asset asset,
        boolean serverRoom,
        String value,
        Map<String, String> groupFields,
        Map<String, Object> sample) {
}
