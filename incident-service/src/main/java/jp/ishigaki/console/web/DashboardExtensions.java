package jp.ishigaki.console.web;

import io.quarkus.qute.TemplateExtension;
import jp.ishigaki.console.i18n.ConsoleLanguage;
import jp.ishigaki.metrics.pipeline.PipelineRates;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Template helpers of the dashboard: totals of the incidents-over-time table and pipeline figures as shown. */
@TemplateExtension
final class DashboardExtensions {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private DashboardExtensions() {
    }

    static long sumOpened(List<DashboardPage.FlowBucket> buckets) {
        return buckets.stream().mapToLong(DashboardPage.FlowBucket::opened).sum();
    }

    static long sumClosed(List<DashboardPage.FlowBucket> buckets) {
        return buckets.stream().mapToLong(DashboardPage.FlowBucket::closed).sum();
    }

    /** The dead-letter rate as a percentage with two decimals, or null when no raw event arrived. */
    static String deadLetterPercent(PipelineRates.Interval interval) {
        Double rate = interval.deadLetterRate();
        return rate == null ? null : String.format(Locale.ROOT, "%.2f %%", rate * 100);
    }

    /** When the last sample was taken, in Tokyo time ("—" before the first). */
    static String sampledAtTokyo(PipelineRates.Snapshot snapshot) {
        return snapshot.sampledAt() == null ? "—" : SHOWN.format(snapshot.sampledAt().atZone(ConsoleLanguage.TOKYO));
    }
}
