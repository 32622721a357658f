package jp.ishigaki.contact.application;

import java.util.List;
import java.util.Set;

/**
 * Turns escalation roles into concrete recipients from the contacts (DOMAIN.md §6): people holding each role (a
 * {@code manager} only for the given department), each of their channels, with an unavailable person (policy §3(4))
 * replaced by their first available deputy. Implemented as an {@code @ApplicationScoped} bean.
 */
public interface RecipientResolver {

    /**
     * Resolves the recipients for the given roles ({@code operator}, {@code manager}, {@code supervisor},
     * {@code ciso}). {@code department} (a department's id or name, as in the asset inventory) selects the manager of
     * that department: its appointed manager, else the people with the role {@code manager} in it; when it is
     * {@code null}, unknown or has none, every person with the role {@code manager}. Roles nobody holds yield no recipient; the caller records
     * that in the timeline. Order: by role in escalation order, then by person name; within one role no duplicate
     * (person, channel). A person with several channels (e-mail, named webhooks) yields one recipient per channel.
     */
    List<ResolvedRecipient> resolve(Set<String> roles, String department);
}
