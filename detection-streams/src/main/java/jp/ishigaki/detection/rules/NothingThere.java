package jp.ishigaki.detection.rules;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A path that leads nowhere (Quarkus REST hands an unmatched request to the mapper of {@link NotFoundException}):
 * a problem, like every refusal of the rules API, instead of Vert.x's bare HTML page.
 */
public class NothingThere {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return RulesResource.problem(Response.Status.NOT_FOUND, "nothing at " + uri.getPath());
    }
}
