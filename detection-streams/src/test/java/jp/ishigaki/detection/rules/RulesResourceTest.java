package jp.ishigaki.detection.rules;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RulesResourceTest {

    @Test
    void shouldRefuseEveryoneWhenNoTokenIsConfigured(@TempDir Path dir) {
        RulesResource resource = new RulesResource(new RuleRegistry(RuleRegistryTest.config(dir, true)),
                RuleRegistryTest.config(dir, true, "  "));

        try (Response response = resource.list("Bearer   ")) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
            assertThat(((RulesResource.Problem) response.getEntity()).detail()).contains("ISHIGAKI_RULES_API_TOKEN");
        }
    }

    @Test
    void shouldListTheRulesOnlyForTheConfiguredToken(@TempDir Path dir) {
        RulesResource resource = new RulesResource(new RuleRegistry(RuleRegistryTest.config(dir, true)),
                RuleRegistryTest.config(dir, true, "s3cret-token"));

        assertThat(resource.list(null).getStatus()).isEqualTo(401);
        assertThat(resource.list("Basic czNjcmV0LXRva2Vu").getStatus()).isEqualTo(401);
        assertThat(resource.list("Bearer s3cret-toke").getStatus()).isEqualTo(401);
        Response ok = resource.list("bearer s3cret-token");
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(((RulesResource.RulesView) ok.getEntity()).total()).isGreaterThan(100);
    }
}
