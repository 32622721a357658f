package jp.ishigaki.console.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.metrics.IncidentFlow;
import jp.ishigaki.metrics.ResponseMetrics;
import jp.ishigaki.metrics.pipeline.PipelineRates;
import jp.ishigaki.metrics.pipeline.PipelineSampler;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.schemas.policy.Severity;
import jp.ishigaki.schemas.policy.ThreatGroup;
import jp.ishigaki.schemas.topic.Json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard: open incidents by severity, incidents opened and closed over the period, by threat group and
 * segment, MTTA / MTTR by threat group, and the pipeline's live rates from Kafka's end offsets; charts drawn by
 * ECharts from a JSON model in a data attribute (no inline script), with the same figures in tables.
 */
@Path("/console/dashboard")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Blocking
public class DashboardPage {

    /** A labelled figure of a chart and its table. */
    public record Bar(String label, long value) {
    }

    /** MTTA and MTTR of one group, in minutes (null when nothing was acknowledged / closed). */
    public record Times(String label, long opened, Double mttaMinutes, Double mttrMinutes) {
    }

    /** The periods the dashboard offers, in days; one or two days are shown per hour, longer ones per day. */
    public static final List<Integer> PERIODS = List.of(1, 7, 30, 90, 365);

    /** Incidents opened and closed in one bucket of the incidents-over-time chart (label in Tokyo time). */
    public record FlowBucket(String label, long opened, long closed) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM/dd");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM/dd HH:00");

    private final ResponseMetrics metrics;
    private final IncidentFlow flow;
    private final PipelineSampler pipeline;
    private final ConsoleLanguage language;
    private final PageContext pages;
    private final Clock clock;

    public DashboardPage(ResponseMetrics metrics, IncidentFlow flow, PipelineSampler pipeline,
                         ConsoleLanguage language, PageContext pages, Clock clock) {
        this.metrics = metrics;
        this.flow = flow;
        this.pipeline = pipeline;
        this.language = language;
        this.pages = pages;
        this.clock = clock;
    }

    /** The pipeline figures as JSON for the dashboard's refresh (the console's session; the API has the same). */
    @GET
    @Path("/pipeline")
    @Produces(MediaType.APPLICATION_JSON)
    public PipelineRates.Snapshot pipeline() {
        return pipeline.snapshot();
    }

    @GET
    @Transactional
    public TemplateInstance dashboard(@QueryParam("days") @DefaultValue("30") int days, @Context UriInfo uri) {
        int period = Math.max(1, Math.min(days, 366));
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofDays(period));
        boolean en = language.english();

        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            bySeverity.put(en ? s.code() : s.ja(), 0L);
        }
        metrics.open().forEach(c -> {
            Severity s = Severity.ofCode(c.severity());
            bySeverity.merge(en ? s.code() : s.ja(), c.count(), Long::sum);
        });
        List<Bar> open = bySeverity.entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue())).toList();

        List<ResponseMetrics.Row> groups = metrics.responseTimes(from, to, ResponseMetrics.GroupBy.THREAT_GROUP);
        List<Bar> byGroup = groups.stream().map(r -> new Bar(groupLabel(r.group(), en), r.opened())).toList();
        List<Bar> bySegment = metrics.responseTimes(from, to, ResponseMetrics.GroupBy.SEGMENT).stream()
                .map(r -> new Bar(segmentLabel(r.group(), en), r.opened())).toList();
        List<Times> times = groups.stream().map(r -> new Times(groupLabel(r.group(), en), r.opened(),
                minutes(r.mttaSeconds()), minutes(r.mttrSeconds()))).toList();

        List<FlowBucket> flowBuckets = flow(period, to);
        PipelineRates.Snapshot pipe = pipeline.snapshot();

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("open", open);
        model.put("byGroup", byGroup);
        model.put("bySegment", bySegment);
        model.put("times", times);
        model.put("flow", flowBuckets);
        model.put("pipeline", pipe);
        model.put("labels", labels(en));
        String json;
        try {
            json = Json.mapper().writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return ConsoleTemplates.dashboard(pages.page("ダッシュボード", "Dashboard", "dashboard", uri), period, PERIODS, open, byGroup, bySegment, times, flowBuckets,
                        period <= 2, pipe, json).setLocale(language.locale());
    }

    /** Opened / closed per Tokyo hour (up to two days) or per Tokyo day, ending with the current hour or day. */
    private List<FlowBucket> flow(int days, Instant now) {
        ZonedDateTime tokyo = now.atZone(ConsoleLanguage.TOKYO);
        boolean hourly = days <= 2;
        ZonedDateTime end = hourly ? tokyo.truncatedTo(ChronoUnit.HOURS).plusHours(1)
                : tokyo.truncatedTo(ChronoUnit.DAYS).plusDays(1);
        ZonedDateTime start = hourly ? end.minusHours(24L * days) : end.minusDays(days);
        Duration size = hourly ? Duration.ofHours(1) : Duration.ofDays(1);
        DateTimeFormatter format = hourly ? HOUR : DAY;
        return flow.perBucket(start.toInstant(), end.toInstant(), size).stream()
                .map(b -> new FlowBucket(format.format(b.start().atZone(ConsoleLanguage.TOKYO)), b.opened(),
                        b.closed()))
                .toList();
    }

    private static Map<String, String> labels(boolean en) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("mtta", "MTTA");
        labels.put("mttr", "MTTR");
        labels.put("opened", en ? "opened" : "受付");
        labels.put("closed", en ? "closed" : "終結");
        labels.put("events", en ? "events/s" : "イベント/秒");
        labels.put("detections", en ? "detections/s" : "検知/秒");
        labels.put("deadLetters", en ? "dead letters/s" : "取込拒否/秒");
        labels.put("notificationDeadLetters", en ? "undelivered notices/s" : "通知失敗/秒");
        return labels;
    }

    private static String groupLabel(String group, boolean en) {
        try {
            ThreatGroup g = ThreatGroup.valueOf(group);
            return g.name() + " " + (en ? g.en() : g.ja());
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(group);
        }
    }

    private static String segmentLabel(String segment, boolean en) {
        Segment s = Segment.parseOrUnknown(segment);
        return en ? s.en() : s.ja();
    }

    private static Double minutes(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }

}
