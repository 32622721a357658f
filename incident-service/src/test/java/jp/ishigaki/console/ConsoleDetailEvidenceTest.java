package jp.ishigaki.console;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detail page's evidence sections over HTTP: a manual report has no detection but its named assets are looked up
 * in the inventory (an unknown one is said to be missing), in Japanese and in English.
 */
@QuarkusTest
class ConsoleDetailEvidenceTest {

    @Test
    void aManualReportShowsItsInventoryAssetsAndSaysWhatIsMissingInBothLanguages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String assetId = "A-MR-" + tag;
        Api.as(Role.ADMIN).body(Map.of("id", assetId, "name", "住民記録システム " + tag, "hosts", List.of("srv-" + tag),
                        "segment", "mynumber", "department", "市民課", "confidentiality", "3B", "integrity", "2",
                        "availability", "2"))
                .post("/api/assets").then().statusCode(201);
        String id = Fixtures.report(Map.of("title", "USB メモリの紛失 " + tag, "threat", "T2-01", "severity", "medium",
                "segment", "mynumber", "department", "市民課",
                "affectedAssets", List.of(assetId + " 住民記録システム", "紙の申請書 " + tag)));
        ConsoleSession auditor = ConsoleSession.signIn(TestUsers.create(Role.AUDITOR));

        String ja = auditor.get("/console/incidents/" + id);
        String assets = section(ja, "id=\"affected-assets\"");
        assertThat(assets).contains("data-asset=\"" + assetId + "\"", "住民記録システム " + tag, "3B", "市民課")
                .contains("紙の申請書 " + tag, "情報資産台帳に登録がありません");
        assertThat(section(ja, "id=\"detections\"")).contains("検知はありません（手動報告）");
        assertThat(ja).contains("検知が示す統制違反はありません");

        String en = auditor.get("/console/incidents/" + id + "?lang=en");
        assertThat(section(en, "id=\"affected-assets\"")).contains("Affected assets", "Not in the asset inventory",
                "Municipal confidentiality");
        assertThat(section(en, "id=\"detections\"")).contains("Detections", "No detection (reported by hand)");
        assertThat(en).contains("Controls broken", "No broken control shown by the detections");
    }

    private static String section(String page, String marker) {
        int start = page.indexOf(marker);
        assertThat(start).as(marker).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }
}
