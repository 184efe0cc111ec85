-- 9 -> 10: a new report is grouped with the stored events that have the same people
-- (STMT_FIND_EVENT_CANDIDATES).  Those were found among every event of one participant (all
-- of his undated ones), which made an archive's import quadratic in its busiest people.
-- event_pairs lists, per event, each pair of its participants (a < b), or its one participant
-- alone (b = 0), with the event's day and day_end, so the events of a pair, or of a person
-- alone, are one index range.  Triggers keep it as event_participants and events change.
CREATE TABLE event_pairs (
  event_id INTEGER NOT NULL,
  a INTEGER NOT NULL,
  b INTEGER NOT NULL,
  day INTEGER,
  day_end INTEGER
);
INSERT INTO event_pairs (event_id, a, b, day, day_end)
  SELECT x.event_id, x.entity_id, y.entity_id, x.day, x.day_end
  FROM event_participants x
  JOIN event_participants y ON y.event_id = x.event_id AND y.entity_id > x.entity_id;
INSERT INTO event_pairs (event_id, a, b, day, day_end)
  SELECT event_id, min (entity_id), 0, min (day), min (day_end)
  FROM event_participants GROUP BY event_id HAVING count (*) = 1;
CREATE INDEX event_pairs_key ON event_pairs (a, b, day, event_id, day_end);
CREATE INDEX event_pairs_event ON event_pairs (event_id, a, b);

CREATE TRIGGER event_pairs_add AFTER INSERT ON event_participants BEGIN
  DELETE FROM event_pairs WHERE event_id = NEW.event_id AND b = 0;
  INSERT INTO event_pairs (event_id, a, b, day, day_end)
    SELECT NEW.event_id, min (o.entity_id, NEW.entity_id), max (o.entity_id, NEW.entity_id),
           e.day, e.day_end
    FROM events e JOIN event_participants o ON o.event_id = e.id
    WHERE e.id = NEW.event_id AND o.entity_id <> NEW.entity_id;
  INSERT INTO event_pairs (event_id, a, b, day, day_end)
    SELECT NEW.event_id, NEW.entity_id, 0, day, day_end FROM events WHERE id = NEW.event_id
     AND NOT EXISTS (SELECT 1 FROM event_participants o
                      WHERE o.event_id = NEW.event_id AND o.entity_id <> NEW.entity_id);
 END;
-- An event being deleted (its participants go with it) gets no row back.
CREATE TRIGGER event_pairs_remove AFTER DELETE ON event_participants BEGIN
  DELETE FROM event_pairs WHERE event_id = OLD.event_id AND (a = OLD.entity_id OR b = OLD.entity_id);
  INSERT INTO event_pairs (event_id, a, b, day, day_end)
    SELECT OLD.event_id, o.entity_id, 0, e.day, e.day_end
    FROM events e JOIN event_participants o ON o.event_id = e.id
    WHERE e.id = OLD.event_id
       AND (SELECT count (*) FROM event_participants WHERE event_id = OLD.event_id) = 1;
 END;
CREATE TRIGGER events_days_to_pairs AFTER UPDATE OF day, day_end ON events
 WHEN NEW.day IS NOT OLD.day OR NEW.day_end IS NOT OLD.day_end BEGIN
  UPDATE event_pairs SET day = NEW.day, day_end = NEW.day_end WHERE event_id = NEW.id;
 END;
