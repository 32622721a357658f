package jp.ishigaki.testing;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.contact.application.RecipientResolver;
import jp.ishigaki.contact.application.ResolvedRecipient;
import jp.ishigaki.incident.domain.EscalationPolicy;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.Recipient;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Test edge for contacts, used only while no real {@link RecipientResolver} exists ({@code @DefaultBean}): one
 * e-mail recipient per role; the supervisor is "absent" so that deputies show in the timeline.
 */
@DefaultBean
@ApplicationScoped
public class RoleRecipients implements RecipientResolver {

    @Override
    public List<ResolvedRecipient> resolve(Set<String> roles, String department) {
        return roles.stream()
                .sorted(Comparator.comparingInt(EscalationPolicy.CHAIN::indexOf))
                .map(role -> "supervisor".equals(role)
                        ? new ResolvedRecipient(new Recipient("p-deputy", "佐藤 次長", role, "ja", Channel.EMAIL,
                        "deputy@city.example", "p-supervisor"), "鈴木 統括", "不在（出張）")
                        : new ResolvedRecipient(new Recipient("p-" + role, role + " 担当", role, "ja", Channel.EMAIL,
                        role + "@city.example", null), null, null))
                .toList();
    }
}
