package jp.ishigaki.schemas.notification;

/**
 * A concrete recipient, resolved by incident-service from contacts, roles, deputies and availability.
 * {@code deputyFor} names the person this recipient stands in for, when the notice was redirected to a deputy.
 */
public record Recipient(
        String personId,
        String name,
        String role,
        String language,
        Channel channel,
        String address,
        String deputyFor) {
}
