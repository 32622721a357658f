package jp.ishigaki.metrics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.ishigaki.common.InvalidRequestException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/** Response-time and workload summaries for managers and auditors. */
@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
@RolesAllowed({"operator", "manager", "supervisor", "ciso", "auditor", "admin"})
public class MetricsResource {

    /** MTTA / MTTR per group over a period. */
    public record ResponseTimes(Instant from, Instant to, String groupBy, List<ResponseMetrics.Row> groups) {
    }

    private final ResponseMetrics metrics;
    private final Clock clock;

    public MetricsResource(ResponseMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @GET
    @Path("response-times")
    @Operation(summary = "MTTA and MTTR of incidents opened in [from, to), by threatGroup, segment or severity")
    public ResponseTimes responseTimes(@QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("by") String by) {
        Instant end = to == null ? clock.instant() : instant(to, "to");
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : instant(from, "from");
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("'from' must be before 'to'");
        }
        ResponseMetrics.GroupBy groupBy = switch (by == null ? "threatgroup" : by.toLowerCase(Locale.ROOT)) {
            case "threatgroup", "threat_group" -> ResponseMetrics.GroupBy.THREAT_GROUP;
            case "segment" -> ResponseMetrics.GroupBy.SEGMENT;
            case "severity" -> ResponseMetrics.GroupBy.SEVERITY;
            default -> throw new InvalidRequestException("unknown grouping '" + by + "' (expected threatGroup, segment, severity)");
        };
        return new ResponseTimes(start, end, groupBy.name(), metrics.responseTimes(start, end, groupBy));
    }

    @GET
    @Path("open")
    @Operation(summary = "Open incidents by state and severity")
    public List<ResponseMetrics.OpenCount> open() {
        return metrics.open();
    }

    private static Instant instant(String value, String name) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("'" + name + "' must be an ISO-8601 instant such as 2026-04-01T00:00:00Z");
        }
    }
}
