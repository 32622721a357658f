-- The queue sorts by (severity, due, id): id follows the sort columns in the index, so a page is read in index order
-- without a sort of every open incident.
DROP INDEX incident_open_queue ON incident;
DROP INDEX incident_open_due ON incident;
CREATE INDEX incident_open_queue ON incident
    (is_open, severity_rank DESC, due_sort, id, threat_group, segment, threat, ack_at, assignee);
CREATE INDEX incident_open_due ON incident
    (is_open, due_sort, severity_rank DESC, id, threat_group, segment, threat, ack_at, assignee);
