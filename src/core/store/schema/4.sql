-- 3 -> 4: listing events by person, place or dates in date order without sorting them all
-- (a view asks for the first few hundred of a million).  event_participants.day is a copy
-- of its event's day, kept by triggers, so a person's events come from one index in date
-- order; places and dates likewise from (place_id, day) and (day, day_end).
ALTER TABLE event_participants ADD COLUMN day INTEGER;
UPDATE event_participants SET day = (SELECT day FROM events WHERE id = event_id);
CREATE TRIGGER event_participants_day AFTER INSERT ON event_participants BEGIN
  UPDATE event_participants SET day = (SELECT day FROM events WHERE id = NEW.event_id)
   WHERE event_id = NEW.event_id AND entity_id = NEW.entity_id;
 END;
CREATE TRIGGER events_day_to_participants AFTER UPDATE OF day ON events
 WHEN NEW.day IS NOT OLD.day BEGIN
  UPDATE event_participants SET day = NEW.day WHERE event_id = NEW.id;
 END;
DROP INDEX event_participants_entity;
CREATE INDEX event_participants_entity_day ON event_participants (entity_id, day, event_id);
DROP INDEX events_place;
CREATE INDEX events_place_day ON events (place_id, day);
DROP INDEX events_day;
CREATE INDEX events_day_range ON events (day, day_end);
DROP INDEX evidence_event;
CREATE INDEX evidence_event_span ON evidence (event_id, article_id, start, end);
