-- Contacts for escalation (DOMAIN.md §6): people, their roles, channels, deputies (代理者) and availability, and the
-- departments with their manager (情報セキュリティ管理者). The city's real contacts live only in its database.
CREATE TABLE contact_department (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    name_en    VARCHAR(200) NULL,
    manager_id VARCHAR(64)  NULL,
    created_at TIMESTAMP(6) NOT NULL,
    updated_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contact_person (
    id                 VARCHAR(64)  NOT NULL PRIMARY KEY,
    name               VARCHAR(200) NOT NULL,
    name_en            VARCHAR(200) NULL,
    email              VARCHAR(254) NULL,
    language           VARCHAR(2)   NOT NULL DEFAULT 'ja',
    department_id      VARCHAR(64)  NULL,
    available          BOOLEAN      NOT NULL DEFAULT TRUE,
    unavailable_reason VARCHAR(500) NULL,
    unavailable_until  TIMESTAMP(6) NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    updated_at         TIMESTAMP(6) NOT NULL,
    CONSTRAINT contact_person_department FOREIGN KEY (department_id) REFERENCES contact_department (id),
    INDEX contact_person_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE contact_department
    ADD CONSTRAINT contact_department_manager FOREIGN KEY (manager_id) REFERENCES contact_person (id) ON DELETE SET NULL;

CREATE TABLE contact_person_role (
    person_id VARCHAR(64) NOT NULL,
    role      VARCHAR(16) NOT NULL,
    PRIMARY KEY (person_id, role),
    INDEX contact_person_role_role (role),
    CONSTRAINT contact_person_role_person FOREIGN KEY (person_id) REFERENCES contact_person (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contact_person_webhook (
    person_id VARCHAR(64)  NOT NULL,
    endpoint  VARCHAR(100) NOT NULL,
    PRIMARY KEY (person_id, endpoint),
    CONSTRAINT contact_person_webhook_person FOREIGN KEY (person_id) REFERENCES contact_person (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contact_deputy (
    person_id VARCHAR(64) NOT NULL,
    position  INT         NOT NULL,
    deputy_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (person_id, position),
    CONSTRAINT contact_deputy_person FOREIGN KEY (person_id) REFERENCES contact_person (id) ON DELETE CASCADE,
    CONSTRAINT contact_deputy_deputy FOREIGN KEY (deputy_id) REFERENCES contact_person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
