-- 2 -> 3: what filtering events needs.  normalized: the Arabic name as words for matching
-- (rasd_arabic_normalize, the article ال dropped); day_end: the last day of an event's date,
-- so "from .. to" compares ranges on indexes.
ALTER TABLE entities ADD COLUMN normalized TEXT;
UPDATE entities SET normalized = rasd_name_words (name, name_en);
CREATE INDEX entities_country ON entities (country);
ALTER TABLE events ADD COLUMN day_end INTEGER;
UPDATE events SET day_end = CASE date_precision
  WHEN 3 THEN day
  WHEN 2 THEN CAST (julianday (date || '-01', '+1 month', '-1 day') - 2440587.5 AS INTEGER)
  WHEN 1 THEN CAST (julianday (date || '-12-31') - 2440587.5 AS INTEGER)
  END WHERE day IS NOT NULL;
CREATE INDEX events_day_end ON events (day_end);
