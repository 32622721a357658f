package jp.ishigaki.timeline;

import io.quarkus.test.junit.QuarkusTest;
import jp.ishigaki.platform.testing.MariaDbTestResource;
import jp.ishigaki.testing.Api;
import jp.ishigaki.testing.Fixtures;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

/** DOMAIN.md §7 against MariaDB: a row changed or deleted behind the application's back is detected. */
@QuarkusTest
class TimelineTamperTest {

    @Test
    void shouldReportTheFirstBrokenLinkAfterARowIsChangedInTheDatabase() throws Exception {
        String id = Fixtures.report("medium", "T2-05", "lgwan");
        Api.as(Role.OPERATOR).body(Map.of("text", "確認済み")).post("/api/incidents/" + id + "/comments").then().statusCode(200);
        Api.as(Role.OPERATOR).body(Map.of("text", "影響なし")).post("/api/incidents/" + id + "/comments").then().statusCode(200);
        Api.as(Role.AUDITOR).get("/api/incidents/" + id + "/timeline/verify").then().statusCode(200)
                .body("intact", is(true)).body("entries", greaterThan(3)).body("algorithm", equalTo("SHA-256"));

        int seq = ((Number) Fixtures.scalar("SELECT seq FROM incident_timeline WHERE incident_id = ? AND text = ?", id,
                "コメント: 確認済み")).intValue();
        try (Connection c = MariaDbTestResource.connection();
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE incident_timeline SET text = 'コメント: 問題なし' WHERE incident_id = ? AND seq = ?")) {
            ps.setString(1, id);
            ps.setInt(2, seq);
            ps.executeUpdate();
        }
        Api.as(Role.AUDITOR).get("/api/incidents/" + id + "/timeline/verify").then().statusCode(200)
                .body("intact", is(false)).body("firstBrokenSeq", equalTo(seq))
                .body("problem", containsString("changed"));
    }

    @Test
    void shouldReportARemovedEntry() throws Exception {
        String id = Fixtures.report("low", "T2-05", "lgwan");
        Api.as(Role.OPERATOR).body(Map.of("text", "一件目")).post("/api/incidents/" + id + "/comments").then().statusCode(200);
        Api.as(Role.OPERATOR).body(Map.of("text", "二件目")).post("/api/incidents/" + id + "/comments").then().statusCode(200);
        try (Connection c = MariaDbTestResource.connection();
             PreparedStatement ps = c.prepareStatement(
                     "DELETE FROM incident_timeline WHERE incident_id = ? AND text = 'コメント: 一件目'")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
        Api.as(Role.AUDITOR).get("/api/incidents/" + id + "/timeline/verify").then().statusCode(200)
                .body("intact", is(false)).body("problem", containsString("missing"));
    }
}
