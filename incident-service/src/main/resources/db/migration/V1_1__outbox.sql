-- Transactional outbox: rows written in the same transaction as the state change they report, published by the relay.
CREATE TABLE outbox (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    aggregate_id VARCHAR(64)  NOT NULL,
    topic        VARCHAR(128) NOT NULL,
    msg_key      VARCHAR(255) NULL,
    payload      LONGBLOB     NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    sent_at      TIMESTAMP(6) NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    last_error   VARCHAR(1000) NULL,
    INDEX outbox_pending (sent_at, id),
    INDEX outbox_aggregate (aggregate_id, sent_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
