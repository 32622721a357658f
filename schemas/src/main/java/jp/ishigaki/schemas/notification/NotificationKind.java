package jp.ishigaki.schemas.notification;

/** Why a notice is sent. */
public enum NotificationKind {
    NEW_INCIDENT, ESCALATION, REPEAT, DEADLINE_APPROACHING, DEADLINE_OVERDUE, STATE_CHANGE
}
