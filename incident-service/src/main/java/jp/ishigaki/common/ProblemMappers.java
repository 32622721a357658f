package jp.ishigaki.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import jp.ishigaki.incident.application.IncidentNotFoundException;
import jp.ishigaki.incident.application.IncidentRejectedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Renders the incident API's failures as problem+json: one mapper per failure, never a stack trace. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response rejected(IncidentRejectedException e) {
        int status = switch (e.code()) {
            case FORBIDDEN -> 403;
            case INVALID, REASON_REQUIRED -> 422;
            case TASK_NOT_FOUND -> 404;
            default -> 409;
        };
        return ProblemDetail.response(status, "Command refused", e.getMessage(), e.code().name());
    }

    @ServerExceptionMapper
    public Response notFound(IncidentNotFoundException e) {
        return ProblemDetail.response(404, "Not found", e.getMessage(), "NOT_FOUND");
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return ProblemDetail.response(400, "Invalid request", e.getMessage(), "INVALID_REQUEST");
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        Log.debugf("unreadable request body: %s", e.getOriginalMessage());
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where = " (field '" + m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")) + "')";
        } else if (e.getLocation() != null) {
            where = " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return ProblemDetail.response(400, "Invalid request", "the request body is not valid JSON for this endpoint"
                + where, "INVALID_REQUEST");
    }
}
