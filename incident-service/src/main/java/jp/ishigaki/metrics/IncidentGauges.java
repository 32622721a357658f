package jp.ishigaki.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.schemas.incident.IncidentState;
import jp.ishigaki.schemas.policy.Severity;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer gauges {@code ishigaki.incidents.open{state,severity}}, refreshed from MariaDB on a schedule so that a
 * Prometheus scrape never runs a query.
 */
@ApplicationScoped
public class IncidentGauges {

    private final ResponseMetrics metrics;
    private final Map<IncidentState, Map<Severity, AtomicLong>> open = new EnumMap<>(IncidentState.class);

    public IncidentGauges(ResponseMetrics metrics, MeterRegistry registry) {
        this.metrics = metrics;
        for (IncidentState state : IncidentState.values()) {
            if (state.isTerminal()) {
                continue;
            }
            Map<Severity, AtomicLong> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                if (severity == Severity.INFO) {
                    continue;
                }
                AtomicLong value = new AtomicLong();
                bySeverity.put(severity, value);
                Gauge.builder("ishigaki.incidents.open", value, AtomicLong::get)
                        .description("Open incidents by state and severity")
                        .tag("state", state.name()).tag("severity", severity.code()).register(registry);
            }
            open.put(state, bySeverity);
        }
    }

    @Scheduled(every = "${ishigaki.metrics.refresh-interval:15s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            var counts = QuarkusTransaction.requiringNew().call(metrics::open);
            open.values().forEach(m -> m.values().forEach(v -> v.set(0)));
            for (ResponseMetrics.OpenCount c : counts) {
                open.get(IncidentState.valueOf(c.state())).get(Severity.ofCode(c.severity())).set(c.count());
            }
        } catch (RuntimeException e) {
            Log.warnf("incident gauges not refreshed: %s", e.getMessage());
        }
    }
}
