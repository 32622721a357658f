package jp.ishigaki.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) of the incident API; {@code code} is the
 * machine-readable reason (e.g. SKIP_NOT_ALLOWED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String title, String detail, String code) {
        String type = "urn:ishigaki:problem:" + (code == null ? title : code).toLowerCase().replace(' ', '-').replace('_', '-');
        return Response.status(status).type(MEDIA_TYPE).entity(new ProblemDetail(type, title, status, detail, code)).build();
    }
}
