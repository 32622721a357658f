package jp.ishigaki.user.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import jp.ishigaki.user.application.Rejected;

import java.util.List;

/** An RFC 9457 problem document ({@code application/problem+json}), with the invalid fields when there are any. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Rejected.FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
