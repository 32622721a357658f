package jp.ishigaki.user.adapter.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.ishigaki.user.application.Rejected;

/** Renders a {@link Rejected} request of the users, contacts and asset APIs as problem+json. */
@Provider
public class RejectedMapper implements ExceptionMapper<Rejected> {

    @Override
    public Response toResponse(Rejected e) {
        return switch (e.kind()) {
            case INVALID -> new Problem("urn:ishigaki:problem:invalid-request", "Invalid request", 400,
                    e.getMessage(), e.errors()).toResponse();
            case NOT_FOUND -> new Problem("urn:ishigaki:problem:not-found", "Not found", 404,
                    e.getMessage(), e.errors()).toResponse();
            case CONFLICT -> new Problem("urn:ishigaki:problem:conflict", "Conflict", 409,
                    e.getMessage(), e.errors()).toResponse();
            case FORBIDDEN -> new Problem("urn:ishigaki:problem:forbidden", "Forbidden", 403,
                    e.getMessage(), e.errors()).toResponse();
        };
    }
}
