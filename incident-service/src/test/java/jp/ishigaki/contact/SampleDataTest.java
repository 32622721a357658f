package jp.ishigaki.contact;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jp.ishigaki.contact.application.RecipientResolver;
import jp.ishigaki.contact.application.ResolvedRecipient;
import jp.ishigaki.user.TestUsers;
import jp.ishigaki.user.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@TestProfile(SampleDataTest.WithSampleData.class)
class SampleDataTest {

    /** What the launcher sets (ISHIGAKI_SAMPLE_DATA_ENABLED=true). */
    public static class WithSampleData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ishigaki.sample-data.enabled", "true");
        }
    }

    @Inject
    RecipientResolver resolver;

    @Test
    void shouldLoadFictionalContactsAndAssetsWhoseChainResolves() {
        List<ResolvedRecipient> chain = resolver.resolve(Set.of("operator", "manager", "supervisor", "ciso"), "市民課");
        assertThat(chain).extracting(r -> r.recipient().role() + ":" + r.recipient().personId())
                .containsExactly("operator:soc-clark", "operator:soc-yamada", "operator:soc-suzuki",
                        "manager:mgr-shimin", "supervisor:sup-nakamura", "ciso:ciso-kobayashi");
        assertThat(chain).allMatch(r -> r.recipient().address().endsWith("@example.jp"));

        TestUsers.Credentials auditor = TestUsers.create(Role.AUDITOR);
        given().auth().preemptive().basic(auditor.username(), auditor.password())
                .when().get("/api/assets?segment=mynumber").then().statusCode(200)
                .body("total", equalTo(3)).body("items.name", everyItem(endsWith("（サンプル）")))
                .body("items.hosts.flatten()", hasItem("mn-term-042"));
    }
}
