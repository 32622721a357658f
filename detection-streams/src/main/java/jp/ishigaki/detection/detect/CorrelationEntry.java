package jp.ishigaki.detection.detect;

/** One hit remembered by a correlation in the windowed store {@code correlation-hits}. */
public record CorrelationEntry(String ruleId, String eventId, String value) {
}
