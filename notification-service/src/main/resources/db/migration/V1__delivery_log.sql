-- The delivery log: one row per (notification, recipient). The unique key makes a redelivered request a no-op;
-- next_attempt_at is the persisted retry schedule that any instance may pick up (FOR UPDATE SKIP LOCKED).
CREATE TABLE delivery (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    notification_id VARCHAR(128) NOT NULL,
    recipient_key   CHAR(64)     NOT NULL COMMENT 'sha-256 hex of channel and address',
    incident_id     VARCHAR(128) NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    address         VARCHAR(512) NOT NULL,
    recipient_index INT          NOT NULL COMMENT 'position of the recipient in the request',
    request_json    MEDIUMTEXT   NOT NULL,
    status          VARCHAR(16)  NOT NULL COMMENT 'PENDING, SENT or FAILED',
    attempts        INT          NOT NULL DEFAULT 0,
    max_attempts    INT          NOT NULL,
    due_at          DATETIME(6)  NOT NULL COMMENT 'requestedAt of the notice',
    next_attempt_at DATETIME(6)  NOT NULL,
    last_error      VARCHAR(2000),
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6),
    PRIMARY KEY (id),
    UNIQUE KEY uk_delivery_notification_recipient (notification_id, recipient_key),
    KEY ix_delivery_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every attempt's outcome, for audit and for answering "what happened to this notice?".
CREATE TABLE delivery_attempt (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    delivery_id BIGINT      NOT NULL,
    attempt     INT         NOT NULL,
    status      VARCHAR(16) NOT NULL COMMENT 'SENT, RETRYING or FAILED',
    error       VARCHAR(2000),
    at          DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_delivery_attempt (delivery_id, attempt),
    CONSTRAINT fk_delivery_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES delivery (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
