package jp.ishigaki.console.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import jp.ishigaki.incident.domain.ReportingObligations;
import jp.ishigaki.metrics.ObligationMetrics;
import jp.ishigaki.metrics.ResponseMetrics;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.ThreatGroup;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The period report for 自己点検 and audit (policy §7): incidents by threat group, segment and severity with MTTA and
 * MTTR, and whether the reporting obligations were met on time; as a printable page and as CSV. Days are Tokyo days.
 */
@Path("/console/report")
@Authenticated
@Blocking
public class ReportPage {

    /** One line of a report table; times in minutes, null when nothing was acknowledged / closed. */
    public record Line(String label, long opened, long acknowledged, Double mttaMinutes, long closed,
                       Double mttrMinutes) {
    }

    /** One reporting obligation kind of the period, labelled (see {@link ObligationMetrics.Row}). */
    public record Obligation(String code, String label, long due, long withoutDeadline, long doneOnTime,
                             long doneLate, long waived, long waivedWithReason, long open, long overdue) {
    }

    /** A waiver reason of one obligation kind and how often it was given. */
    public record Waiver(String label, String reason, long count) {
    }

    /** The obligation kinds of DOMAIN.md §6, always listed in this order (with zeros when none fell due). */
    static final List<String> OBLIGATIONS = List.of(ReportingObligations.PPC_PRELIMINARY,
            ReportingObligations.PPC_FINAL, ReportingObligations.POLICE, ReportingObligations.PREFECTURE,
            ReportingObligations.BCP);

    private final ResponseMetrics metrics;
    private final ObligationMetrics obligations;
    private final ConsoleLanguage language;
    private final PageContext pages;
    private final Clock clock;

    public ReportPage(ResponseMetrics metrics, ObligationMetrics obligations, ConsoleLanguage language,
                      PageContext pages, Clock clock) {
        this.metrics = metrics;
        this.obligations = obligations;
        this.language = language;
        this.pages = pages;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance report(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @Context UriInfo uri) {
        Period p = period(from, to);
        return ConsoleTemplates.report(pages.page("報告書", "Report", "report", uri), p.from().toString(), p.to().toString(),
                lines(p, ResponseMetrics.GroupBy.THREAT_GROUP, this::groupLabel),
                lines(p, ResponseMetrics.GroupBy.SEGMENT, this::segmentLabel),
                lines(p, ResponseMetrics.GroupBy.SEVERITY, this::severityLabel), obligations(p), waivers(p))
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
        appendObligations(csv, obligations(p), waivers(p));
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

    // ---- Reporting obligations met on time (issue 6, branch dash) ----

    private List<Obligation> obligations(Period p) {
        Map<String, ObligationMetrics.Row> byCode = new LinkedHashMap<>();
        OBLIGATIONS.forEach(code -> byCode.put(code, new ObligationMetrics.Row(code, 0, 0, 0, 0, 0, 0, 0, 0)));
        obligations.onTime(start(p), end(p), clock.instant()).forEach(r -> byCode.put(r.code(), r));
        return byCode.values().stream().map(r -> new Obligation(r.code(), obligationLabel(r.code()), r.due(),
                r.withoutDeadline(), r.doneOnTime(), r.doneLate(), r.waived(), r.waivedWithReason(), r.open(),
                r.overdue())).toList();
    }

    private List<Waiver> waivers(Period p) {
        return obligations.waivers(start(p), end(p)).stream()
                .map(w -> new Waiver(obligationLabel(w.code()), w.reason(), w.count())).toList();
    }

    private String obligationLabel(String code) {
        boolean en = language.english();
        return switch (code) {
            case ReportingObligations.PPC_PRELIMINARY -> en ? "PPC preliminary report (速報)" : "個人情報保護委員会 速報";
            case ReportingObligations.PPC_FINAL -> en ? "PPC final report (確報)" : "個人情報保護委員会 確報";
            case ReportingObligations.POLICE -> en ? "Police (cybercrime desk)" : "警察（サイバー犯罪相談窓口）";
            case ReportingObligations.PREFECTURE -> en ? "Prefecture / MIC sharing" : "香川県・総務省への情報共有";
            case ReportingObligations.BCP -> en ? "BCP activation decision" : "業務継続計画（BCP）発動の判断";
            default -> code;
        };
    }

    private void appendObligations(StringBuilder csv, List<Obligation> rows, List<Waiver> reasons) {
        boolean en = language.english();
        csv.append("\r\n").append(en
                ? "obligation,code,due_in_period,without_deadline,done_on_time,done_late,waived,waived_with_reason,"
                + "still_open,overdue\r\n"
                : "報告義務,コード,期間内に期限,うち期限なし,期限内に完了,期限後に完了,免除,うち理由あり,未完了,うち期限超過\r\n");
        for (Obligation o : rows) {
            csv.append(cell(o.label())).append(',').append(cell(o.code())).append(',').append(o.due()).append(',')
                    .append(o.withoutDeadline()).append(',').append(o.doneOnTime()).append(',').append(o.doneLate())
                    .append(',').append(o.waived()).append(',').append(o.waivedWithReason()).append(',')
                    .append(o.open()).append(',').append(o.overdue()).append("\r\n");
        }
        csv.append("\r\n").append(en ? "obligation,waiver_reason,count\r\n" : "報告義務,免除の理由,件数\r\n");
        for (Waiver w : reasons) {
            csv.append(cell(w.label())).append(',').append(cell(w.reason())).append(',').append(w.count())
                    .append("\r\n");
        }
    }

    private static Instant start(Period p) {
        return p.from().atStartOfDay(ConsoleLanguage.TOKYO).toInstant();
    }

    private static Instant end(Period p) {
        return p.to().plusDays(1).atStartOfDay(ConsoleLanguage.TOKYO).toInstant();
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

}
