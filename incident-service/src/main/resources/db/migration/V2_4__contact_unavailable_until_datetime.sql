-- A person's absence may be entered until any date: TIMESTAMP stops in 2038, so the column becomes DATETIME, which
-- holds the same UTC instant (hibernate writes UTC: quarkus.hibernate-orm.jdbc.timezone=UTC).
ALTER TABLE contact_person MODIFY unavailable_until DATETIME(6) NULL;
