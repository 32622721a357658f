package jp.ishigaki.metrics.pipeline;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The pipeline's throughput from Kafka's end offsets: events, detections and dead letters per second. */
@Path("/api/metrics/pipeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics")
@RolesAllowed({"operator", "manager", "supervisor", "ciso", "auditor", "admin"})
public class PipelineResource {

    private final PipelineSampler sampler;

    public PipelineResource(PipelineSampler sampler) {
        this.sampler = sampler;
    }

    @GET
    @Operation(summary = "Events, detections and dead letters per second (over the rate window and the last sample "
            + "interval), the dead-letter rate, end offsets, and the last hour's series")
    public PipelineRates.Snapshot pipeline() {
        return sampler.snapshot();
    }
}
