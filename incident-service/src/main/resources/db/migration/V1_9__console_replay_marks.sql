-- Replay marks of the rejected-events page: who replayed a dead letter (topic / partition / offset) and when, so that
-- nobody replays it twice without knowing. A repeat replay needs a confirmation and bumps the count.
CREATE TABLE dead_letter_replay (
    topic        VARCHAR(249) NOT NULL,
    part         INT          NOT NULL,
    off          BIGINT       NOT NULL,
    replay_count INT          NOT NULL,
    first_by     VARCHAR(255) NOT NULL,
    first_at     TIMESTAMP(6) NOT NULL,
    last_by      VARCHAR(255) NOT NULL,
    last_at      TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (topic, part, off)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The dashboard counts incidents closed per hour / day over a period (incidents opened use incident_opened).
CREATE INDEX incident_closed ON incident (closed_at);
