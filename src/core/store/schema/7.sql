-- 6 -> 7: a person's marks from one index too: event_participants copies its event's day_end,
-- kind and place_id as it copies its day (triggers), so listing a person's events reads no
-- row of events (one search per event a million times over otherwise).
ALTER TABLE event_participants ADD COLUMN day_end INTEGER;
ALTER TABLE event_participants ADD COLUMN kind TEXT;
ALTER TABLE event_participants ADD COLUMN place_id INTEGER;
UPDATE event_participants SET (day_end, kind, place_id) =
  (SELECT day_end, kind, place_id FROM events WHERE id = event_id);
DROP TRIGGER event_participants_day;
CREATE TRIGGER event_participants_marks AFTER INSERT ON event_participants BEGIN
  UPDATE event_participants SET (day, day_end, kind, place_id) =
    (SELECT day, day_end, kind, place_id FROM events WHERE id = NEW.event_id)
   WHERE event_id = NEW.event_id AND entity_id = NEW.entity_id;
 END;
DROP TRIGGER events_day_to_participants;
CREATE TRIGGER events_marks_to_participants AFTER UPDATE OF day, day_end, kind, place_id ON events
 WHEN NEW.day IS NOT OLD.day OR NEW.day_end IS NOT OLD.day_end OR NEW.kind IS NOT OLD.kind
   OR NEW.place_id IS NOT OLD.place_id BEGIN
  UPDATE event_participants SET day = NEW.day, day_end = NEW.day_end, kind = NEW.kind,
   place_id = NEW.place_id WHERE event_id = NEW.id;
 END;
DROP INDEX event_participants_entity_day;
CREATE INDEX event_participants_marks ON event_participants
  (entity_id, day, event_id, day_end, kind, place_id);
