-- The escalation policy in force (DOMAIN.md §6, a local choice): one rule per severity, seeded from configuration on
-- first start and edited through /api/escalation-policy by supervisors, the CISO's office and admins.
CREATE TABLE escalation_rule (
    severity            VARCHAR(16)  NOT NULL PRIMARY KEY,
    notify_at_once      VARCHAR(200) NOT NULL,
    escalate_after_secs BIGINT       NULL,
    repeat_at_top       BOOLEAN      NOT NULL,
    working_hours_only  BOOLEAN      NOT NULL,
    updated_at          TIMESTAMP(6) NOT NULL,
    updated_by          VARCHAR(64)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
