-- The detections behind each incident (issue 6): one row per detection id, upserted when a detection opens or joins an
-- incident and again when detection-streams re-publishes it with a higher count. Keeps the rule, the controls shown
-- broken, the reasons the severity was raised, and a bounded number of size-limited sample raw events (JSON arrays).
CREATE TABLE incident_detection (
    detection_id     VARCHAR(255)  COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
    incident_id      VARCHAR(36)   NOT NULL,
    rule_id          VARCHAR(255)  NULL,
    rule_title       VARCHAR(500)  NULL,
    rule_kind        VARCHAR(16)   NULL,
    rule_level       VARCHAR(10)   NULL,
    severity         VARCHAR(10)   NOT NULL,
    threat           VARCHAR(8)    NOT NULL,
    segment          VARCHAR(16)   NULL,
    host             VARCHAR(255)  NULL,
    user_name        VARCHAR(255)  NULL,
    source_ip        VARCHAR(64)   NULL,
    asset_id         VARCHAR(64)   NULL,
    asset_name       VARCHAR(200)  NULL,
    summary          TEXT          NULL,
    hit_count        BIGINT        NOT NULL,
    first_seen       TIMESTAMP(6)  NULL,
    last_seen        TIMESTAMP(6)  NULL,
    controls         VARCHAR(500)  NOT NULL,
    severity_reasons TEXT          NOT NULL,
    attack_tags      VARCHAR(1000) NOT NULL,
    samples          MEDIUMTEXT    NOT NULL,
    received_at      TIMESTAMP(6)  NOT NULL,
    updated_at       TIMESTAMP(6)  NOT NULL,
    INDEX incident_detection_incident (incident_id, first_seen)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
