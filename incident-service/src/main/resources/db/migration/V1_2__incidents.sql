-- Incidents, their tasks, the hash-chained timeline, escalation clocks and the idempotency logs of the consumers.
CREATE TABLE incident (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    number                VARCHAR(20)   NOT NULL,
    source                VARCHAR(16)   NOT NULL,
    title                 VARCHAR(500)  NOT NULL,
    description           TEXT          NULL,
    threat                VARCHAR(8)    NOT NULL,
    threat_group          CHAR(2)       NOT NULL,
    segment               VARCHAR(16)   NOT NULL,
    severity              VARCHAR(10)   NOT NULL,
    severity_rank         TINYINT       NOT NULL,
    state                 VARCHAR(16)   NOT NULL,
    dedup_key             VARCHAR(255)  NULL,
    open_dedup_key        VARCHAR(255)  NULL,
    detection_count       BIGINT        NOT NULL,
    first_seen            TIMESTAMP(6)  NULL,
    last_seen             TIMESTAMP(6)  NULL,
    opened_at             TIMESTAMP(6)  NOT NULL,
    reported_by           VARCHAR(255)  NULL,
    department            VARCHAR(255)  NULL,
    affected_assets       TEXT          NULL,
    ack_by                VARCHAR(255)  NULL,
    ack_at                TIMESTAMP(6)  NULL,
    ack_level             INT           NULL,
    assignee              VARCHAR(255)  NULL,
    escalation_level      INT           NOT NULL DEFAULT 0,
    personal_data         TEXT          NULL,
    ransomware            BOOLEAN       NOT NULL DEFAULT FALSE,
    impact                TEXT          NULL,
    root_cause            TEXT          NULL,
    recurrence_prevention TEXT          NULL,
    state_reason          TEXT          NULL,
    closed_at             TIMESTAMP(6)  NULL,
    merged_into           VARCHAR(36)   NULL,
    task_due_at           TIMESTAMP(6)  NULL,
    escalation_due_at     TIMESTAMP(6)  NULL,
    next_due_at           TIMESTAMP(6)  NULL,
    updated_at            TIMESTAMP(6)  NOT NULL,
    version               BIGINT        NOT NULL DEFAULT 0,
    UNIQUE KEY incident_number (number),
    UNIQUE KEY incident_open_dedup (open_dedup_key),
    INDEX incident_queue (state, severity_rank, next_due_at),
    INDEX incident_queue_due (state, next_due_at),
    INDEX incident_threat (threat, state),
    INDEX incident_group (threat_group, state),
    INDEX incident_segment (segment, state),
    INDEX incident_assignee (assignee, state),
    INDEX incident_opened (opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE incident_task (
    incident_id        VARCHAR(36)  NOT NULL,
    code               VARCHAR(64)  NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    title              VARCHAR(500) NOT NULL,
    phase              VARCHAR(16)  NOT NULL,
    mandatory          BOOLEAN      NOT NULL,
    responsible_role   VARCHAR(32)  NULL,
    due_at             TIMESTAMP(6) NULL,
    status             VARCHAR(16)  NOT NULL,
    resolved_by        VARCHAR(255) NULL,
    resolved_at        TIMESTAMP(6) NULL,
    note               TEXT         NULL,
    position           INT          NOT NULL,
    warned_approaching BOOLEAN      NOT NULL DEFAULT FALSE,
    warned_overdue     BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (incident_id, code),
    INDEX incident_task_due (status, due_at),
    CONSTRAINT incident_task_incident FOREIGN KEY (incident_id) REFERENCES incident (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only: each entry carries the hash of the previous entry of the same incident (SHA-256, hex).
CREATE TABLE incident_timeline (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    incident_id VARCHAR(36)  NOT NULL,
    seq         INT          NOT NULL,
    at          TIMESTAMP(6) NOT NULL,
    actor       VARCHAR(255) NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    text        TEXT         NOT NULL,
    prev_hash   CHAR(64)     NOT NULL,
    hash        CHAR(64)     NOT NULL,
    UNIQUE KEY incident_timeline_seq (incident_id, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One running escalation clock per incident: when it fires, to which level, and the roles that level tells.
CREATE TABLE escalation_clock (
    incident_id VARCHAR(36)  NOT NULL PRIMARY KEY,
    due_at      TIMESTAMP(6) NOT NULL,
    level       INT          NOT NULL,
    kind        VARCHAR(24)  NOT NULL,
    roles       VARCHAR(255) NOT NULL,
    INDEX escalation_clock_due (due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE incident_number_counter (
    yr         INT    NOT NULL PRIMARY KEY,
    last_value BIGINT NOT NULL
) ENGINE = InnoDB;

CREATE TABLE processed_detection (
    detection_id VARCHAR(255) NOT NULL PRIMARY KEY,
    incident_id  VARCHAR(36)  NOT NULL,
    processed_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Detection records that could not be read: kept with the reason, never lost silently.
CREATE TABLE rejected_detection (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    topic       VARCHAR(128)  NOT NULL,
    part        INT           NOT NULL,
    off         BIGINT        NOT NULL,
    msg_key     VARCHAR(255)  NULL,
    payload     LONGBLOB      NULL,
    reason      VARCHAR(2000) NOT NULL,
    rejected_at TIMESTAMP(6)  NOT NULL,
    UNIQUE KEY rejected_detection_position (topic, part, off)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE processed_notification_result (
    result_id    VARCHAR(255) NOT NULL PRIMARY KEY,
    incident_id  VARCHAR(36)  NULL,
    processed_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
