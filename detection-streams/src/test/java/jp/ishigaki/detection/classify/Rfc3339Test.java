package jp.ishigaki.detection.classify;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Rfc3339Test {

    private static Object reference(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void agreesWithOffsetDateTimeParseOnValidAndInvalidTexts() {
        for (String text : List.of("2026-11-26T01:02:03Z", "2026-11-26T01:02:03.5Z", "2026-11-26T01:02:03.123456789Z",
                "2026-11-26T01:02:03.123+09:00", "2026-11-26T23:59:59-05:30", "2024-02-29T00:00:00Z",
                "2026-11-26t01:02:03z", "2026-11-26T01:02:03+18:00", "0001-01-01T00:00:00Z",
                "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z", "2026-11-26T24:00:00Z",
                "2026-11-26T01:60:00Z", "2026-11-26T01:02:60Z", "2026-11-26T01:02:03", "2026-11-26T01:02:03.Z",
                "2026-11-26T01:02:03.1234567890Z", "2026-11-26T01:02:03+19:00", "2026-11-26T01:02:03+0900",
                "2026-11-26T01:02Z", "2026-11-26 01:02:03Z", "yesterday", "2026-11-26T01:02:03Zx",
                "+12026-11-26T01:02:03Z", "2026-11-26T01:02:03+09:00[Asia/Tokyo]")) {
            assertThat(Rfc3339.parse(text)).as(text).isEqualTo(reference(text));
        }
    }
}
