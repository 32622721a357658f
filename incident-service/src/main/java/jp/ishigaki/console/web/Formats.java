package jp.ishigaki.console.web;

import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.console.policy.PolicyCatalogue;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Localised formatting for one request: times in Asia/Tokyo, labels in the request's language. */
public record Formats(boolean english, PolicyCatalogue catalogue) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ConsoleLanguage.TOKYO);

    public String dateTime(Instant at) {
        return at == null ? "" : TIME.format(at) + (english ? " JST" : "");
    }

    public String severity(Severity s) {
        return s == null ? "" : english ? s.code() : s.ja();
    }

    public String state(IncidentState s) {
        return s == null ? "" : english ? s.en() : s.ja();
    }

    public String segment(Segment s) {
        return s == null ? "" : english ? s.en() : s.ja();
    }
}
