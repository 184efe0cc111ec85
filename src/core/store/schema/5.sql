-- 4 -> 5: an excerpt keeps its event's citation (JSON: kind, who, where, when), since
-- re-extraction replaces events and sets excerpts.event_id to NULL.
ALTER TABLE excerpts ADD COLUMN event_citation TEXT;
