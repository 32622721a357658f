-- The asset inventory (情報資産台帳, policy §6(2)): what each asset is, where it lives (hosts, IP ranges, segment), who
-- owns it, and its classification (自治体機密性 / 完全性 / 可用性). Every change is also published to security.assets.
CREATE TABLE asset (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    segment         VARCHAR(16)  NOT NULL,
    department      VARCHAR(200) NOT NULL,
    manager         VARCHAR(200) NULL,
    confidentiality VARCHAR(8)   NOT NULL,
    integrity       VARCHAR(8)   NOT NULL,
    availability    VARCHAR(8)   NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    INDEX asset_name (name),
    INDEX asset_segment (segment),
    INDEX asset_department (department)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE asset_host (
    asset_id VARCHAR(64)  NOT NULL,
    host     VARCHAR(253) NOT NULL,
    PRIMARY KEY (asset_id, host),
    INDEX asset_host_host (host),
    CONSTRAINT asset_host_asset FOREIGN KEY (asset_id) REFERENCES asset (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE asset_cidr (
    asset_id VARCHAR(64) NOT NULL,
    cidr     VARCHAR(64) NOT NULL,
    PRIMARY KEY (asset_id, cidr),
    CONSTRAINT asset_cidr_asset FOREIGN KEY (asset_id) REFERENCES asset (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
