package jp.ishigaki.asset.adapter.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jp.ishigaki.asset.application.AssetInventory;
import jp.ishigaki.asset.application.AssetPage;
import jp.ishigaki.asset.application.ImportReport;
import jp.ishigaki.asset.domain.AssetInput;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.user.application.Rejected;
import jp.ishigaki.user.domain.Role;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The asset inventory (情報資産台帳): everyone signed in reads; managers, supervisors, the CISO and admins edit and
 * import CSV.
 */
@Path("/api/assets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.OPERATOR_CODE, Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.AUDITOR_CODE,
        Role.ADMIN_CODE})
public class AssetResource {

    private final AssetInventory inventory;

    public AssetResource(AssetInventory inventory) {
        this.inventory = inventory;
    }

    @GET
    public AssetPage search(@QueryParam("q") String text, @QueryParam("segment") String segment,
                            @QueryParam("department") String department,
                            @QueryParam("confidentiality") String confidentiality, @QueryParam("sort") String sort,
                            @QueryParam("page") @DefaultValue("0") int page,
                            @QueryParam("size") @DefaultValue("50") int size) {
        return inventory.search(text, segment, department, confidentiality, sort, page, size);
    }

    @GET
    @Path("{id}")
    public Asset get(@PathParam("id") String id) {
        return inventory.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response create(AssetInput body) {
        Asset created = inventory.create(orEmpty(body));
        return Response.created(UriBuilder.fromPath("/api/assets/{id}").build(created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Asset update(@PathParam("id") String id, AssetInput body) {
        return inventory.update(id, orEmpty(body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response delete(@PathParam("id") String id) {
        inventory.delete(id);
        return Response.noContent().build();
    }

    /** CSV in UTF-8 (with or without BOM), header row first; answers with the per-row report. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public ImportReport importCsv(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
            return inventory.importCsv(text);
        } catch (CharacterCodingException e) {
            throw Rejected.invalid("file", "is not UTF-8 (save the spreadsheet as 'CSV UTF-8')");
        }
    }

    private static AssetInput orEmpty(AssetInput body) {
        return body == null ? new AssetInput(null, null, null, null, null, null, null, null, null, null) : body;
    }
}
