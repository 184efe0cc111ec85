-- 5 -> 6: the explorer reads every matching event's marks (id, days, kind, place) for its map,
-- timeline and facets: covering indexes answer a place or a date range without reading the
-- table.  Their first columns are those of the indexes they replace.
DROP INDEX events_place_day;
CREATE INDEX events_place_marks ON events (place_id, day, day_end, kind);
DROP INDEX events_day_range;
CREATE INDEX events_day_marks ON events (day, day_end, kind, place_id);
