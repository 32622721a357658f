package jp.ishigaki.schemas.notification;

/** How a notice reaches a recipient. For WEBHOOK the address names an endpoint configured in notification-service. */
public enum Channel {
    EMAIL, WEBHOOK
}
