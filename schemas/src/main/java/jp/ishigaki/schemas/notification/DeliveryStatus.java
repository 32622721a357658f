package jp.ishigaki.schemas.notification;

/** Outcome of one delivery attempt. FAILED is final: the request went to {@code notification.dlq}. */
public enum DeliveryStatus {
    SENT, RETRYING, FAILED
}
