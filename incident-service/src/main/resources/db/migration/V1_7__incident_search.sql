-- Free-text search of the queue without reading every open incident's row: the number, the title and the start of
-- the description as one stored column (fields apart by U+001F, which nobody types, so a match never spans two
-- fields) in a narrow index that MariaDB scans without touching the rows (IncidentQueries looks up the matching ids
-- there first). Text past the first 700 characters of number + title + description is not searched.
ALTER TABLE incident
    ADD COLUMN search_text VARCHAR(700)
        AS (LEFT(CONCAT_WS(CHAR(31 USING utf8mb4), number, title, description), 700)) PERSISTENT;
CREATE INDEX incident_open_search ON incident (is_open, search_text);

-- The queue's most used narrowing filters, "one network segment" (often with "unacknowledged") and "one handler",
-- each get an index in queue order: a page reads about 50 rows instead of skipping through every open incident of
-- other segments or handlers, and the total counts only that segment's or handler's index entries.
CREATE INDEX incident_open_segment ON incident (is_open, segment, severity_rank DESC, due_sort, id, ack_at);
CREATE INDEX incident_open_assignee ON incident (is_open, assignee, severity_rank DESC, due_sort, id, ack_at);
