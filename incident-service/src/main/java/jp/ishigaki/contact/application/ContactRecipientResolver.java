package jp.ishigaki.contact.application;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jp.ishigaki.contact.domain.Assignment;
import jp.ishigaki.contact.domain.ContactRole;
import jp.ishigaki.contact.domain.Person;
import jp.ishigaki.schemas.notification.Channel;
import jp.ishigaki.schemas.notification.Recipient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resolves escalation roles to recipients from the contacts in MariaDB (see {@link RecipientResolver}). */
@ApplicationScoped
public class ContactRecipientResolver implements RecipientResolver {

    private final ContactDirectory contacts;
    private final Clock clock;

    public ContactRecipientResolver(ContactDirectory contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public List<ResolvedRecipient> resolve(Set<String> roles, String department) {
        Set<ContactRole> wanted = EnumSet.noneOf(ContactRole.class);
        roles.stream().map(ContactRole::ofCode).flatMap(Optional::stream).forEach(wanted::add);
        List<ResolvedRecipient> result = new ArrayList<>();
        for (Assignment a : contacts.snapshot().assign(wanted, department, clock.instant())) {
            List<Recipient> channels = recipients(a);
            if (channels.isEmpty()) {
                Log.warnf("contact %s (%s) has no e-mail address or webhook", a.person().id(), a.role().code());
            }
            for (Recipient r : channels) {
                result.add(new ResolvedRecipient(r, a.redirected() ? a.absent().name() : null,
                        a.redirected() ? a.reason() : null));
            }
        }
        return result;
    }

    private static List<Recipient> recipients(Assignment a) {
        Person p = a.person();
        String deputyFor = a.redirected() ? a.absent().name() : null;
        List<Recipient> list = new ArrayList<>();
        if (p.email() != null && !p.email().isBlank()) {
            list.add(new Recipient(p.id(), p.name(), a.role().code(), p.language(), Channel.EMAIL, p.email(),
                    deputyFor));
        }
        for (String endpoint : p.webhooks()) {
            list.add(new Recipient(p.id(), p.name(), a.role().code(), p.language(), Channel.WEBHOOK, endpoint,
                    deputyFor));
        }
        return list;
    }
}
