package jp.ishigaki.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.metrics.ResponseMetrics;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * The period report for 自己点検 and audit (policy §7): incidents by threat group, segment and severity with MTTA and
 * MTTR, from the incident core's {@link ResponseMetrics}; as a printable page and as CSV. Days are Tokyo days.
 */
@Path("/console/report")
@Authenticated
@Blocking
public class ReportPage {

    /** One line of a report table; times in minutes, null when nothing was acknowledged / closed. */
    public record Line(String label, long opened, long acknowledged, Double mttaMinutes, long closed,
                       Double mttrMinutes) {
    }

    private final ResponseMetrics metrics;
    private final ConsoleLanguage language;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ReportPage(ResponseMetrics metrics, ConsoleLanguage language, SecurityIdentity identity, Clock clock) {
        this.metrics = metrics;
        this.language = language;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance report(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @Context UriInfo uri) {
        Period p = period(from, to);
        return ConsoleTemplates.report(page(uri), p.from().toString(), p.to().toString(),
                lines(p, ResponseMetrics.GroupBy.THREAT_GROUP, this::groupLabel),
                lines(p, ResponseMetrics.GroupBy.SEGMENT, this::segmentLabel),
                lines(p, ResponseMetrics.GroupBy.SEVERITY, this::severityLabel))
                .setLocale(language.locale());
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    @Transactional
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        Period p = period(from, to);
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(language.english() ? "dimension,group,opened,acknowledged,mtta_minutes,closed,mttr_minutes\r\n"
                : "区分,グループ,受付,受領確認,MTTA(分),終結,MTTR(分)\r\n");
        append(csv, language.english() ? "threat group" : "脅威区分",
                lines(p, ResponseMetrics.GroupBy.THREAT_GROUP, this::groupLabel));
        append(csv, language.english() ? "segment" : "領域", lines(p, ResponseMetrics.GroupBy.SEGMENT, this::segmentLabel));
        append(csv, language.english() ? "severity" : "重大度", lines(p, ResponseMetrics.GroupBy.SEVERITY, this::severityLabel));
        String name = "ishigaki-report-" + p.from() + "_" + p.to() + ".csv";
        return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** An inclusive range of Tokyo days; the last 30 days when unset or unreadable. */
    record Period(LocalDate from, LocalDate to) {
    }

    private Period period(String from, String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ConsoleLanguage.TOKYO);
        LocalDate end = parse(to, today);
        LocalDate start = parse(from, end.minusDays(29));
        return start.isAfter(end) ? new Period(end, start) : new Period(start, end);
    }

    private static LocalDate parse(String s, LocalDate fallback) {
        try {
            return s == null || s.isBlank() ? fallback : LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private List<Line> lines(Period p, ResponseMetrics.GroupBy by, Function<String, String> label) {
        return metrics.responseTimes(p.from().atStartOfDay(ConsoleLanguage.TOKYO).toInstant(),
                        p.to().plusDays(1).atStartOfDay(ConsoleLanguage.TOKYO).toInstant(), by).stream()
                .map(r -> new Line(label.apply(r.group()), r.opened(), r.acknowledged(), minutes(r.mttaSeconds()),
                        r.closed(), minutes(r.mttrSeconds())))
                .toList();
    }

    private static void append(StringBuilder csv, String dimension, List<Line> lines) {
        for (Line l : lines) {
            csv.append(cell(dimension)).append(',').append(cell(l.label())).append(',').append(l.opened()).append(',')
                    .append(l.acknowledged()).append(',').append(l.mttaMinutes() == null ? "" : l.mttaMinutes())
                    .append(',').append(l.closed()).append(',').append(l.mttrMinutes() == null ? "" : l.mttrMinutes())
                    .append("\r\n");
        }
    }

    /** A CSV cell, quoted, with a leading formula character neutralised (CSV injection). */
    private static String cell(String s) {
        String v = s == null ? "" : s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private String groupLabel(String group) {
        try {
            ThreatGroup g = ThreatGroup.valueOf(group);
            return g.name() + " " + (language.english() ? g.en() : g.ja()) + " " + g.clause();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(group);
        }
    }

    private String segmentLabel(String segment) {
        Segment s = Segment.parseOrUnknown(segment);
        return language.english() ? s.en() : s.ja();
    }

    private String severityLabel(String severity) {
        try {
            Severity s = Severity.ofCode(severity);
            return language.english() ? s.code() : s.ja();
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(severity);
        }
    }

    private static Double minutes(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }

    private Page page(UriInfo uri) {
        String other = language.english() ? "ja" : "en";
        URI switched = uri.getRequestUriBuilder().replaceQueryParam("lang", other).build();
        String href = switched.getRawPath() + (switched.getRawQuery() == null ? "" : "?" + switched.getRawQuery());
        return new Page(language.lang(), language.english() ? "Report" : "報告書", "report",
                identity.getPrincipal().getName(), identity.getRoles(), href);
    }
}
