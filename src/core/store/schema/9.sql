-- 8 -> 9: the user's corrections, kept apart from what extraction produced, and the
-- extractor's confidence.  A correction is a decision (its kind, its JSON payload, when it was
-- made) about an event, found again after a re-extraction by its evidence (correction_spans:
-- the article's hash and the sentence's offsets, which outlive ids), or about an entity, found
-- by its kind and key.  orphaned: the last time it was applied it matched nothing (kept, listed).
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  entity_kind TEXT,
  entity_key TEXT,
  entity_name TEXT,
  payload TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL,
  orphaned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX corrections_entity ON corrections (entity_key, entity_kind);
-- role: 'target' (the event decided on), 'other' (the event merged into it), 'split' (the
-- evidence a split moves to a new event).
CREATE TABLE correction_spans (
  correction_id INTEGER NOT NULL REFERENCES corrections (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  article_hash TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL
);
CREATE INDEX correction_spans_article ON correction_spans (article_hash);
CREATE INDEX correction_spans_correction ON correction_spans (correction_id, role);
-- What the corrections leave on the data, written again by every application: an event the
-- user edited or reviewed; an entity rejected ("not a person") or the same as another.
ALTER TABLE events ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
CREATE INDEX events_reviewed ON events (id) WHERE reviewed;
ALTER TABLE entities ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN alias_of INTEGER REFERENCES entities (id) ON DELETE SET NULL;
-- Confidence of what an older Rasd stored: a lexicon's or gazetteer's entity above a name no
-- list knows; events as rasd-store-corrections.c scores them (EVENT_CONFIDENCE_SQL).
UPDATE entities SET confidence = CASE WHEN key LIKE 'name:%' THEN 0.4 ELSE 0.8 END;
UPDATE events SET confidence = round (
    0.45 * coalesce ((SELECT avg (en.confidence) FROM event_participants ep
                      JOIN entities en ON en.id = ep.entity_id WHERE ep.event_id = events.id), 0)
  + 0.15 * coalesce ((SELECT en.confidence FROM entities en WHERE en.id = events.place_id), 0)
  + 0.10 * (date_precision / 3.0)
  + 0.15 * min (1.0, (SELECT count (*) FROM evidence WHERE event_id = events.id) / 3.0)
  + 0.15 * min (1.0, (SELECT count (*) FROM event_sources WHERE event_id = events.id) / 3.0), 3);
