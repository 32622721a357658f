package jp.ishigaki.contact.application;

import jp.ishigaki.schemas.notification.Recipient;

/**
 * One recipient of a notice. When the person who holds the role is unavailable and a deputy stands in,
 * {@code redirectedFrom} names the absent person (display name) and {@code reason} says why (for the timeline);
 * otherwise both are {@code null}.
 */
public record ResolvedRecipient(Recipient recipient, String redirectedFrom, String reason) {

    public ResolvedRecipient {
        if (recipient == null) {
            throw new IllegalArgumentException("recipient is required");
        }
    }

    public boolean redirected() {
        return redirectedFrom != null;
    }
}
