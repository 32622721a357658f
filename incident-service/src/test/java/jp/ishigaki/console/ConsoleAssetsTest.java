package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The asset inventory page over HTTP: create, edit, delete and CSV import with CSRF; the auditor only reads. */
@QuarkusTest
class ConsoleAssetsTest {

    private static final String HEADER =
            "id,name,hosts,cidrs,segment,department,manager,confidentiality,integrity,availability\n";

    @Test
    void managerCreatesEditsAndDeletesAnAssetWithTheCsrfToken() {
        ConsoleSession manager = ConsoleSession.signIn(TestUsers.create(Role.MANAGER));
        String id = "CT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String token = manager.token("/console/assets/new");

        manager.form().formParam("csrf-token", "forged")
                .formParam("originalId", "").formParam("id", id).formParam("name", "偽造")
                .post("/console/assets/save").then().statusCode(400);
        manager.form().formParam("csrf-token", token)
                .formParam("originalId", "").formParam("id", id).formParam("name", "<b>窓口端末</b>")
                .formParam("hosts", "mado-01; mado-02").formParam("cidrs", "").formParam("segment", "lgwan")
                .formParam("department", "市民課").formParam("manager", "").formParam("confidentiality", "3B")
                .formParam("integrity", "2").formParam("availability", "1")
                .post("/console/assets/save").then().statusCode(303);

        String list = manager.get("/console/assets?q=" + id);
        assertThat(list).contains(id, "&lt;b&gt;窓口端末&lt;/b&gt;", "mado-01, mado-02", "LGWAN接続系",
                "cls-c3B", "自治体機密性", "/console/assets/" + id + "/edit").doesNotContain("<b>窓口端末");

        String edit = manager.get("/console/assets/" + id + "/edit");
        assertThat(edit).contains("value=\"" + id + "\"", "mado-01; mado-02");
        manager.form().formParam("csrf-token", token)
                .formParam("originalId", id).formParam("id", id).formParam("name", "窓口端末")
                .formParam("segment", "lgwan").formParam("confidentiality", "9Z").formParam("integrity", "2")
                .formParam("availability", "1").post("/console/assets/save").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("confidentiality"));

        manager.form().formParam("csrf-token", token)
                .post("/console/assets/" + id + "/delete").then().statusCode(303);
        assertThat(manager.get("/console/assets?q=" + id)).doesNotContain("data-asset=\"" + id + "\"");
    }

    @Test
    void csvImportReportsTheBadRowWithItsColumnAndProblem() {
        ConsoleSession supervisor = ConsoleSession.signIn(TestUsers.create(Role.SUPERVISOR));
        String good = "CI-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String csv = HEADER + good + ",庁内ファイルサーバ,fs01,,lgwan,総務課,,2,2,1\n"
                + "CI-BAD-" + good.substring(3) + ",壊れた行,,,lgwan,総務課,,7,2,1\n";
        String token = supervisor.token("/console/assets");
        String report = given().filter(supervisor.cookies()).multiPart("csrf-token", token)
                .multiPart("file", "assets.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/console/assets/import").then().statusCode(200).extract().asString();
        assertThat(report).contains("CSV取込結果", "id=\"import-errors\"")
                .containsPattern("(?s)<tr><td>3</td><td class=\"code\">confidentiality</td><td>[^<]+</td></tr>");
        assertThat(supervisor.get("/console/assets?q=" + good)).contains("data-asset=\"" + good + "\"");
    }

    @Test
    void auditorSeesTheInventoryWithoutFormsAndCannotWrite() {
        ConsoleSession auditor = ConsoleSession.signIn(TestUsers.create(Role.AUDITOR));
        String page = auditor.get("/console/assets");
        assertThat(page).contains("情報資産台帳").doesNotContain("/console/assets/import", "/console/assets/new",
                "/delete\"");
        String token = page.replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        auditor.form().formParam("csrf-token", token)
                .formParam("id", "X-1").formParam("name", "x").post("/console/assets/save").then().statusCode(403);
        auditor.form().formParam("csrf-token", token)
                .post("/console/assets/MN-JUKI-01/delete").then().statusCode(403);
        given().filter(auditor.cookies()).get("/console/assets/new").then().statusCode(403);
    }

    @Test
    void pageSwitchesToEnglish() {
        ConsoleSession auditor = ConsoleSession.signIn(TestUsers.create(Role.AUDITOR));
        assertThat(auditor.get("/console/assets?lang=en")).contains("<html lang=\"en\">", "Asset inventory",
                "Municipal confidentiality", "Integrity", "Availability");
        assertThat(auditor.get("/console/contacts")).contains("Escalation policy by severity", "read-only");
        assertThat(auditor.get("/console/rejected")).contains("Rejected events", "Source topic / partition / offset");
    }

    @Test
    void operatorReadsButMayNotImport() {
        ConsoleSession operator = ConsoleSession.signIn(TestUsers.create(Role.OPERATOR));
        String token = operator.token("/console/incidents");
        assertThat(operator.get("/console/assets")).doesNotContain("/console/assets/import");
        given().filter(operator.cookies()).multiPart("csrf-token", token)
                .multiPart("file", "a.csv", HEADER.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/console/assets/import").then().statusCode(403);
    }
}
