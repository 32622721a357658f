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
     * {@code ciso}). {@code department} selects the manager of that department and may be {@code null} (then every
     * person with the role {@code manager} is notified). Roles nobody holds yield no recipient; the caller records
     * that in the timeline. Order: by role in escalation order, then by person name; no duplicate (person, channel).
     */
    List<ResolvedRecipient> resolve(Set<String> roles, String department);
}
