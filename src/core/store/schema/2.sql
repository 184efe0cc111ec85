-- 1 -> 2: what extraction finds, and the user's excerpts
CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation')),
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT,
  place_kind TEXT,
  country TEXT,
  lat REAL,
  lon REAL,
  UNIQUE (kind, key)
);
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity_id INTEGER REFERENCES entities (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation', 'date')),
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  value TEXT,
  CHECK (start <= end)
);
CREATE INDEX mentions_article ON mentions (article_id, start);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  cameo TEXT,
  date TEXT,
  date_precision INTEGER NOT NULL DEFAULT 0,
  day INTEGER,
  place_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,
  role TEXT NOT NULL DEFAULT 'headline' CHECK (role IN ('headline', 'background', 'planned'))
);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_place ON events (place_id);
CREATE TABLE event_participants (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX event_participants_entity ON event_participants (entity_id, event_id);
CREATE TABLE event_sources (
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'headline',
  PRIMARY KEY (event_id, article_id)
) WITHOUT ROWID;
CREATE INDEX event_sources_article ON event_sources (article_id);
CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  CHECK (start <= end)
);
CREATE INDEX evidence_event ON evidence (event_id);
CREATE INDEX evidence_article ON evidence (article_id);
CREATE TABLE excerpts (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  note TEXT,
  position REAL NOT NULL,
  created_at INTEGER NOT NULL,
  CHECK (start <= end)
);
CREATE INDEX excerpts_position ON excerpts (position);
