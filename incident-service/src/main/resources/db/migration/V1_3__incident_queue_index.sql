-- The queue of open incidents, most severe first and then the earliest deadline or escalation (no deadline last),
-- read straight from one index: generated columns for "open" and for the due time with NULL sorted last.
ALTER TABLE incident
    ADD COLUMN is_open  BOOLEAN AS (state NOT IN ('CLOSED', 'DISMISSED')) PERSISTENT,
    ADD COLUMN due_sort DATETIME(6) AS (COALESCE(next_due_at, '9999-12-31 00:00:00')) PERSISTENT;
CREATE INDEX incident_open_queue ON incident (is_open, severity_rank DESC, due_sort);
CREATE INDEX incident_open_due ON incident (is_open, due_sort, severity_rank);
