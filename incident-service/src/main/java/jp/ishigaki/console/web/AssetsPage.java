package jp.ishigaki.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import jp.ishigaki.asset.application.AssetConfig;
import jp.ishigaki.asset.application.AssetInventory;
import jp.ishigaki.asset.application.AssetPage;
import jp.ishigaki.asset.application.ImportReport;
import jp.ishigaki.asset.domain.AssetInput;
import jp.ishigaki.schemas.asset.Asset;
import jp.ishigaki.schemas.policy.Segment;
import jp.ishigaki.user.application.Rejected;
import jp.ishigaki.user.domain.Role;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The asset inventory page (情報資産台帳): search and paging, create/edit/delete and CSV import with its per-row
 * report, all through {@link AssetInventory}. Writes are for the roles the asset API allows; the auditor sees no forms.
 */
@Path("/console/assets")
@Authenticated
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AssetsPage {

    /** The roles the asset API lets write (AssetResource). */
    static final Set<String> WRITERS = Set.of(Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE,
            Role.ADMIN_CODE);
    private static final int PAGE_SIZE = 25;

    /** One asset as the list shows it. */
    public record Row(String id, String name, String hosts, String cidrs, String segment, String department,
                      String manager, String confidentiality, String integrity, String availability,
                      boolean highlyClassified) {
    }

    /** The edit form's values; {@code originalId} is empty for a new asset. */
    public record Form(String originalId, String id, String name, String hosts, String cidrs, String segment,
                       String department, String manager, String confidentiality, String integrity,
                       String availability) {

        public boolean isNew() {
            return originalId == null || originalId.isEmpty();
        }
    }

    /** Paging of the list: the page shown (from 1), how many, and the links to the neighbours (null at the ends). */
    public record Pager(int shown, int pages, String prevHref, String nextHref) {
    }

    /** A segment choice of the form and the filter. */
    public record Choice(String code, String label) {
    }

    @CheckedTemplate(basePath = "console")
    static final class Templates {
        private Templates() {
        }

        static native TemplateInstance assets(Page page, String q, String segment, String confidentiality,
                                              List<Choice> segments, List<String> confidentialities, List<Row> rows,
                                              long total, Pager pager, boolean canWrite, String saved,
                                              String error, ImportReport report);

        static native TemplateInstance assetForm(Page page, Form form, List<Choice> segments,
                                                 List<String> confidentialities, List<String> integrities,
                                                 List<String> availabilities, List<Rejected.FieldError> errors);
    }

    private final AssetInventory inventory;
    private final AssetConfig config;
    private final PageContext context;

    public AssetsPage(AssetInventory inventory, AssetConfig config, PageContext context) {
        this.inventory = inventory;
        this.config = config;
        this.context = context;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("segment") String segment,
                                 @QueryParam("confidentiality") String confidentiality,
                                 @QueryParam("page") @DefaultValue("0") int page, @QueryParam("saved") String saved,
                                 @QueryParam("error") String error, @Context UriInfo uri) {
        return render(q, segment, confidentiality, Math.max(0, page), saved, error, null, uri);
    }

    @GET
    @Path("/new")
    @RolesAllowed({Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public TemplateInstance create(@Context UriInfo uri) {
        return form(new Form("", "", "", "", "", "", "", "", "", "", ""), List.of(), uri);
    }

    @GET
    @Path("/{id}/edit")
    @RolesAllowed({Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public TemplateInstance edit(@PathParam("id") String id, @Context UriInfo uri) {
        Asset a = inventory.get(id);
        return form(new Form(a.id(), a.id(), a.name(), String.join("; ", a.hosts()), String.join("; ", a.cidrs()),
                a.segment() == null ? "" : a.segment().code(), nz(a.department()), nz(a.manager()),
                nz(a.confidentiality()), nz(a.integrity()), nz(a.availability())), List.of(), uri);
    }

    @POST
    @Path("/save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response save(@FormParam("originalId") String originalId, @FormParam("id") String id,
                         @FormParam("name") String name, @FormParam("hosts") String hosts,
                         @FormParam("cidrs") String cidrs, @FormParam("segment") String segment,
                         @FormParam("department") String department, @FormParam("manager") String manager,
                         @FormParam("confidentiality") String confidentiality,
                         @FormParam("integrity") String integrity, @FormParam("availability") String availability,
                         @Context UriInfo uri) {
        Form form = new Form(nz(originalId), nz(id), nz(name), nz(hosts), nz(cidrs), nz(segment), nz(department),
                nz(manager), nz(confidentiality), nz(integrity), nz(availability));
        AssetInput input = new AssetInput(blankToNull(form.id()), blankToNull(form.name()), split(form.hosts()),
                split(form.cidrs()), blankToNull(form.segment()), blankToNull(form.department()),
                blankToNull(form.manager()), blankToNull(form.confidentiality()), blankToNull(form.integrity()),
                blankToNull(form.availability()));
        try {
            Asset saved = form.isNew() ? inventory.create(input) : inventory.update(form.originalId(), input);
            return Response.seeOther(UriBuilder.fromPath("/console/assets").queryParam("q", saved.id())
                    .queryParam("saved", saved.id()).build()).build();
        } catch (Rejected e) {
            List<Rejected.FieldError> errors = e.errors().isEmpty()
                    ? List.of(new Rejected.FieldError("id", e.getMessage())) : e.errors();
            return Response.status(Response.Status.BAD_REQUEST).entity(form(form, errors, uri)).build();
        }
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response delete(@PathParam("id") String id) {
        try {
            inventory.delete(id);
            return Response.seeOther(UriBuilder.fromPath("/console/assets").build()).build();
        } catch (Rejected e) {
            return Response.seeOther(UriBuilder.fromPath("/console/assets").queryParam("error", e.getMessage())
                    .build()).build();
        }
    }

    /** A CSV file (UTF-8, header first) uploaded from the page; answers with the list and the per-row report. */
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.MANAGER_CODE, Role.SUPERVISOR_CODE, Role.CISO_CODE, Role.ADMIN_CODE})
    public Response importCsv(@RestForm("file") FileUpload file, @Context UriInfo uri) {
        try {
            byte[] bytes = file == null || file.uploadedFile() == null ? new byte[0]
                    : Files.readAllBytes(file.uploadedFile());
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            ImportReport report = inventory.importCsv(text);
            return Response.ok(render(null, null, null, 0, null, null, report, uri)).build();
        } catch (CharacterCodingException e) {
            return Response.status(Response.Status.BAD_REQUEST).entity(render(null, null, null, 0, null,
                    "file: is not UTF-8 (save the spreadsheet as 'CSV UTF-8')", null, uri)).build();
        } catch (Rejected e) {
            String detail = e.errors().isEmpty() ? e.getMessage() : String.join("; ", e.errors().stream()
                    .map(f -> f.field() + ": " + f.problem()).toList());
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(null, null, null, 0, null, detail, null, uri)).build();
        } catch (IOException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(render(null, null, null, 0, null, "file: cannot be read", null, uri)).build();
        }
    }

    private TemplateInstance render(String q, String segment, String confidentiality, int page, String saved,
                                    String error, ImportReport report, UriInfo uri) {
        AssetPage result;
        String problem = error;
        try {
            result = inventory.search(q, segment, null, confidentiality, "id", page, PAGE_SIZE);
        } catch (Rejected e) {
            result = new AssetPage(List.of(), 0, PAGE_SIZE, 0);
            problem = e.getMessage();
        }
        int pages = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        List<Row> rows = result.items().stream().map(this::row).toList();
        int current = result.page();
        Pager pager = new Pager(current + 1, pages, current > 0 ? href(q, segment, confidentiality, current - 1) : null,
                current + 1 < pages ? href(q, segment, confidentiality, current + 1) : null);
        return Templates.assets(context.page("情報資産台帳", "Asset inventory", "assets", uri), nz(q), nz(segment),
                        nz(confidentiality), segments(), config.confidentialityClasses(), rows, result.total(),
                        pager, context.hasAny(WRITERS), saved, problem, report)
                .setLocale(context.language().locale());
    }

    private TemplateInstance form(Form form, List<Rejected.FieldError> errors, UriInfo uri) {
        String title = form.isNew() ? (context.english() ? "New asset" : "情報資産の登録")
                : (context.english() ? "Edit " : "情報資産の編集 ") + form.originalId();
        return Templates.assetForm(context.page(title, title, "assets", uri), form, segments(),
                config.confidentialityClasses(), config.integrityClasses(), config.availabilityClasses(), errors)
                .setLocale(context.language().locale());
    }

    private Row row(Asset a) {
        Segment s = a.segment() == null ? Segment.UNKNOWN : a.segment();
        return new Row(a.id(), a.name(), String.join(", ", a.hosts()), String.join(", ", a.cidrs()),
                context.english() ? s.en() : s.ja(), nz(a.department()), nz(a.manager()), nz(a.confidentiality()),
                nz(a.integrity()), nz(a.availability()), a.isHighlyClassified());
    }

    private List<Choice> segments() {
        return Arrays.stream(Segment.values()).filter(s -> s != Segment.UNKNOWN)
                .map(s -> new Choice(s.code(), context.english() ? s.en() : s.ja())).toList();
    }

    private static String href(String q, String segment, String confidentiality, int page) {
        return UriBuilder.fromPath("/console/assets").queryParam("q", nz(q)).queryParam("segment", nz(segment))
                .queryParam("confidentiality", nz(confidentiality)).queryParam("page", page).build().toString();
    }

    private static List<String> split(String s) {
        return s == null ? List.of() : Arrays.stream(s.split("[;,\\s]+")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
