package jp.ishigaki.contact.domain;

import java.time.Instant;

/**
 * Whether a person can receive notices (policy §3(4) staff shortage). Unavailable with an {@code until} becomes
 * available again by itself once that time has passed.
 */
public record Availability(boolean available, String reason, Instant until) {

    public static final Availability AVAILABLE = new Availability(true, null, null);

    public static Availability unavailable(String reason, Instant until) {
        return new Availability(false, reason, until);
    }

    public boolean availableAt(Instant now) {
        return available || (until != null && !until.isAfter(now));
    }
}
