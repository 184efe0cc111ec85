#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "rasd-arabic.h"
#include "rasd-error.h"
#include "rasd-fts.h"
#include "rasd-store.h"

/* Each migration takes the schema from version N to N + 1; they run in order in one
 * transaction, so a database is always at one of these versions and never between two. */
static const char * const migrations[] = {
  /* 0 -> 1: articles and their full-text index */
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  source TEXT,"
  "  url TEXT,"
  "  date_publish TEXT,"
  "  authors TEXT,"
  "  language TEXT,"
  "  path TEXT,"
  "  text TEXT NOT NULL,"
  "  hash TEXT NOT NULL UNIQUE,"
  "  imported_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX articles_date ON articles (date_publish);"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 ("
  "  title, text, content='articles', content_rowid='id', tokenize='rasd_arabic'"
  ");",

  /* 1 -> 2: what extraction finds, and the user's excerpts */
  "CREATE TABLE entities ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation')),"
  "  key TEXT NOT NULL,"
  "  name TEXT NOT NULL,"
  "  name_en TEXT,"
  "  place_kind TEXT,"
  "  country TEXT,"
  "  lat REAL,"
  "  lon REAL,"
  "  UNIQUE (kind, key)"
  ");"
  "CREATE TABLE mentions ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  entity_id INTEGER REFERENCES entities (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation', 'date')),"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  value TEXT,"
  "  CHECK (start <= end)"
  ");"
  "CREATE INDEX mentions_article ON mentions (article_id, start);"
  "CREATE INDEX mentions_entity ON mentions (entity_id);"
  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  kind TEXT NOT NULL,"
  "  cameo TEXT,"
  "  date TEXT,"
  "  date_precision INTEGER NOT NULL DEFAULT 0,"
  "  day INTEGER,"
  "  place_id INTEGER REFERENCES entities (id) ON DELETE SET NULL,"
  "  role TEXT NOT NULL DEFAULT 'headline' CHECK (role IN ('headline', 'background', 'planned'))"
  ");"
  "CREATE INDEX events_day ON events (day);"
  "CREATE INDEX events_place ON events (place_id);"
  "CREATE TABLE event_participants ("
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (event_id, entity_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX event_participants_entity ON event_participants (entity_id, event_id);"
  "CREATE TABLE event_sources ("
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL DEFAULT 'headline',"
  "  PRIMARY KEY (event_id, article_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX event_sources_article ON event_sources (article_id);"
  "CREATE TABLE evidence ("
  "  id INTEGER PRIMARY KEY,"
  "  event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  CHECK (start <= end)"
  ");"
  "CREATE INDEX evidence_event ON evidence (event_id);"
  "CREATE INDEX evidence_article ON evidence (article_id);"
  "CREATE TABLE excerpts ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  event_id INTEGER REFERENCES events (id) ON DELETE SET NULL,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  note TEXT,"
  "  position REAL NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  CHECK (start <= end)"
  ");"
  "CREATE INDEX excerpts_position ON excerpts (position);",

  /* 2 -> 3: what filtering events needs.  normalized: the Arabic name as words for matching
   * (rasd_arabic_normalize, the article ال dropped); day_end: the last day of an event's date,
   * so "from .. to" compares ranges on indexes. */
  "ALTER TABLE entities ADD COLUMN normalized TEXT;"
  "UPDATE entities SET normalized = rasd_name_words (name, name_en);"
  "CREATE INDEX entities_country ON entities (country);"
  "ALTER TABLE events ADD COLUMN day_end INTEGER;"
  "UPDATE events SET day_end = CASE date_precision"
  "  WHEN 3 THEN day"
  "  WHEN 2 THEN CAST (julianday (date || '-01', '+1 month', '-1 day') - 2440587.5 AS INTEGER)"
  "  WHEN 1 THEN CAST (julianday (date || '-12-31') - 2440587.5 AS INTEGER)"
  "  END WHERE day IS NOT NULL;"
  "CREATE INDEX events_day_end ON events (day_end);",

  /* 3 -> 4: listing events by person, place or dates in date order without sorting them all
   * (a view asks for the first few hundred of a million).  event_participants.day is a copy
   * of its event's day, kept by triggers, so a person's events come from one index in date
   * order; places and dates likewise from (place_id, day) and (day, day_end). */
  "ALTER TABLE event_participants ADD COLUMN day INTEGER;"
  "UPDATE event_participants SET day = (SELECT day FROM events WHERE id = event_id);"
  "CREATE TRIGGER event_participants_day AFTER INSERT ON event_participants BEGIN"
  "  UPDATE event_participants SET day = (SELECT day FROM events WHERE id = NEW.event_id)"
  "   WHERE event_id = NEW.event_id AND entity_id = NEW.entity_id;"
  " END;"
  "CREATE TRIGGER events_day_to_participants AFTER UPDATE OF day ON events"
  " WHEN NEW.day IS NOT OLD.day BEGIN"
  "  UPDATE event_participants SET day = NEW.day WHERE event_id = NEW.id;"
  " END;"
  "DROP INDEX event_participants_entity;"
  "CREATE INDEX event_participants_entity_day ON event_participants (entity_id, day, event_id);"
  "DROP INDEX events_place;"
  "CREATE INDEX events_place_day ON events (place_id, day);"
  "DROP INDEX events_day;"
  "CREATE INDEX events_day_range ON events (day, day_end);"
  "DROP INDEX evidence_event;"
  "CREATE INDEX evidence_event_span ON evidence (event_id, article_id, start, end);",

  /* 4 -> 5: an excerpt keeps its event's citation (JSON: kind, who, where, when), since
   * re-extraction replaces events and sets excerpts.event_id to NULL. */
  "ALTER TABLE excerpts ADD COLUMN event_citation TEXT;",

  /* 5 -> 6: the explorer reads every matching event's marks (id, days, kind, place) for its map,
   * timeline and facets: covering indexes answer a place or a date range without reading the
   * table.  Their first columns are those of the indexes they replace. */
  "DROP INDEX events_place_day;"
  "CREATE INDEX events_place_marks ON events (place_id, day, day_end, kind);"
  "DROP INDEX events_day_range;"
  "CREATE INDEX events_day_marks ON events (day, day_end, kind, place_id);",

  /* 6 -> 7: a person's marks from one index too: event_participants copies its event's day_end,
   * kind and place_id as it copies its day (triggers), so listing a person's events reads no
   * row of events (one search per event a million times over otherwise). */
  "ALTER TABLE event_participants ADD COLUMN day_end INTEGER;"
  "ALTER TABLE event_participants ADD COLUMN kind TEXT;"
  "ALTER TABLE event_participants ADD COLUMN place_id INTEGER;"
  "UPDATE event_participants SET (day_end, kind, place_id) ="
  "  (SELECT day_end, kind, place_id FROM events WHERE id = event_id);"
  "DROP TRIGGER event_participants_day;"
  "CREATE TRIGGER event_participants_marks AFTER INSERT ON event_participants BEGIN"
  "  UPDATE event_participants SET (day, day_end, kind, place_id) ="
  "    (SELECT day, day_end, kind, place_id FROM events WHERE id = NEW.event_id)"
  "   WHERE event_id = NEW.event_id AND entity_id = NEW.entity_id;"
  " END;"
  "DROP TRIGGER events_day_to_participants;"
  "CREATE TRIGGER events_marks_to_participants AFTER UPDATE OF day, day_end, kind, place_id ON events"
  " WHEN NEW.day IS NOT OLD.day OR NEW.day_end IS NOT OLD.day_end OR NEW.kind IS NOT OLD.kind"
  "   OR NEW.place_id IS NOT OLD.place_id BEGIN"
  "  UPDATE event_participants SET day = NEW.day, day_end = NEW.day_end, kind = NEW.kind,"
  "   place_id = NEW.place_id WHERE event_id = NEW.id;"
  " END;"
  "DROP INDEX event_participants_entity_day;"
  "CREATE INDEX event_participants_marks ON event_participants"
  "  (entity_id, day, event_id, day_end, kind, place_id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RASD_STORE_SCHEMA_VERSION);

typedef enum
{
  STMT_FIND_HASH,
  STMT_INSERT_ARTICLE,
  STMT_INSERT_FTS,
  STMT_GET_ARTICLE,
  STMT_LIST_ARTICLES,
  STMT_SEARCH,
  STMT_LIST_ARTICLE_IDS,
  STMT_ARTICLE_EVENTS,
  STMT_ARTICLE_ENTITIES,
  STMT_DELETE_MENTIONS,
  STMT_DELETE_EVIDENCE,
  STMT_DELETE_SOURCES,
  STMT_DELETE_EVENT_IF_ORPHAN,
  STMT_UPDATE_EVENT_ROLE,
  STMT_DELETE_ENTITY_IF_ORPHAN,
  STMT_UPSERT_ENTITY,
  STMT_INSERT_MENTION,
  STMT_FIND_EVENT_CANDIDATES,
  STMT_EVENT_PARTICIPANT_IDS,
  STMT_INSERT_EVENT,
  STMT_INSERT_PARTICIPANT,
  STMT_INSERT_SOURCE,
  STMT_INSERT_EVIDENCE,
  STMT_UPDATE_EVENT_DATE,
  STMT_UPDATE_EVENT_PLACE,
  STMT_EVENT_PARTICIPANTS,
  STMT_EVENT_SOURCES,
  STMT_EVENT_EVIDENCE,
  N_STMTS
} StoreStatement;

static const char * const statement_sql[N_STMTS] = {
  [STMT_FIND_HASH] = "SELECT id FROM articles WHERE hash = ?1",
  [STMT_INSERT_ARTICLE] =
    "INSERT INTO articles (title, source, url, date_publish, authors, language, path, text, hash,"
    "                      imported_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STMT_INSERT_FTS] = "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
  [STMT_GET_ARTICLE] =
    "SELECT id, title, source, url, date_publish, authors, language, path, imported_at, text"
    " FROM articles WHERE id = ?1",
  [STMT_LIST_ARTICLES] =
    "SELECT id, title, source, url, date_publish, authors, language, path, imported_at"
    " FROM articles ORDER BY date_publish IS NULL, date_publish DESC, id DESC",
  /* rasd_bm25() is bm25() with the documents' lengths kept in memory (see rasd-fts.c).
   * The best hits are ranked first on the index alone; titles and snippets are made for
   * those only (in one query, SQLite would make a snippet for every match before sorting).
   * CROSS JOIN keeps that order: left to the planner, it scanned every match a second time
   * and looked each up among the best, which doubled the time of common words. */
  [STMT_SEARCH] =
    "SELECT a.id, a.title, snippet (articles_fts, 1, '[', ']', '…', 16), best.rank"
    " FROM (SELECT rowid AS id, rasd_bm25 (articles_fts, 4.0, 1.0) AS rank FROM articles_fts"
    "       WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2) AS best"
    " CROSS JOIN articles_fts ON articles_fts.rowid = best.id AND articles_fts MATCH ?1"
    " CROSS JOIN articles a ON a.id = best.id"
    " ORDER BY best.rank, best.id",
  [STMT_LIST_ARTICLE_IDS] = "SELECT id FROM articles ORDER BY id",
  [STMT_ARTICLE_EVENTS] = "SELECT event_id FROM event_sources WHERE article_id = ?1",
  /* The entities an article's extraction refers to: mentions, its events' people and places. */
  [STMT_ARTICLE_ENTITIES] =
    "SELECT entity_id FROM mentions WHERE article_id = ?1 AND entity_id IS NOT NULL"
    " UNION SELECT ep.entity_id FROM event_sources s"
    "  JOIN event_participants ep ON ep.event_id = s.event_id WHERE s.article_id = ?1"
    " UNION SELECT e.place_id FROM event_sources s"
    "  JOIN events e ON e.id = s.event_id WHERE s.article_id = ?1 AND e.place_id IS NOT NULL",
  [STMT_DELETE_MENTIONS] = "DELETE FROM mentions WHERE article_id = ?1",
  [STMT_DELETE_EVIDENCE] = "DELETE FROM evidence WHERE article_id = ?1",
  [STMT_DELETE_SOURCES] = "DELETE FROM event_sources WHERE article_id = ?1",
  [STMT_DELETE_EVENT_IF_ORPHAN] =
    "DELETE FROM events WHERE id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM event_sources WHERE event_id = ?1)",
  /* The event's role is the best of its sources': headline, then background, then planned. */
  [STMT_UPDATE_EVENT_ROLE] =
    "UPDATE events SET role = coalesce ((SELECT role FROM event_sources WHERE event_id = ?1"
    "   ORDER BY CASE role WHEN 'headline' THEN 0 WHEN 'background' THEN 1 ELSE 2 END LIMIT 1),"
    "  role) WHERE id = ?1",
  [STMT_DELETE_ENTITY_IF_ORPHAN] =
    "DELETE FROM entities WHERE id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)"
    " AND NOT EXISTS (SELECT 1 FROM event_participants WHERE entity_id = ?1)"
    " AND NOT EXISTS (SELECT 1 FROM events WHERE place_id = ?1)",
  /* An entity seen again keeps what it has and gains what it lacked; a longer name (the full
   * one) replaces a shorter. */
  [STMT_UPSERT_ENTITY] =
    "INSERT INTO entities (kind, key, name, name_en, place_kind, country, lat, lon, normalized)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, rasd_name_words (?3, ?4))"
    " ON CONFLICT (kind, key) DO UPDATE SET"
    "  name = CASE WHEN length (excluded.name) > length (name) THEN excluded.name ELSE name END,"
    "  normalized = rasd_name_words ("
    "    CASE WHEN length (excluded.name) > length (name) THEN excluded.name ELSE name END,"
    "    coalesce (name_en, excluded.name_en)),"
    "  name_en = coalesce (name_en, excluded.name_en),"
    "  place_kind = coalesce (place_kind, excluded.place_kind),"
    "  country = coalesce (country, excluded.country),"
    "  lat = CASE WHEN lat IS NULL THEN excluded.lat ELSE lat END,"
    "  lon = CASE WHEN lat IS NULL THEN excluded.lon ELSE lon END"
    " RETURNING id",
  [STMT_INSERT_MENTION] =
    "INSERT INTO mentions (article_id, entity_id, kind, start, end, value)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
  /* Events of other articles with this participant whose date overlaps this one's (for
   * calendar ranges, overlapping is being compatible) or is unknown.
   * The dated ones come from the (entity_id, day) index within a year of ?2 (an event's date
   * spans at most a year), so a person in thousands of events costs a few index steps. */
  [STMT_FIND_EVENT_CANDIDATES] =
    "SELECT e.id, e.date, e.date_precision, e.place_id, pl.place_kind, pl.country"
    " FROM event_participants ep"
    " JOIN events e ON e.id = ep.event_id"
    " LEFT JOIN entities pl ON pl.id = e.place_id"
    " WHERE ep.entity_id = ?1 AND ep.day IS NULL"
    "  AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.article_id = ?4)"
    " UNION ALL "
    "SELECT e.id, e.date, e.date_precision, e.place_id, pl.place_kind, pl.country"
    " FROM event_participants ep"
    " JOIN events e ON e.id = ep.event_id"
    " LEFT JOIN entities pl ON pl.id = e.place_id"
    " WHERE ep.entity_id = ?1"
    "  AND ep.day >= coalesce (?2 - 366, -2147483648) AND ep.day <= coalesce (?3, 2147483647)"
    "  AND (?2 IS NULL OR e.day_end >= ?2)"
    "  AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.article_id = ?4)"
    " ORDER BY 1",
  [STMT_EVENT_PARTICIPANT_IDS] =
    "SELECT entity_id FROM event_participants WHERE event_id = ?1 ORDER BY entity_id",
  [STMT_INSERT_EVENT] =
    "INSERT INTO events (kind, cameo, date, date_precision, day, day_end, place_id, role)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
  [STMT_INSERT_PARTICIPANT] =
    "INSERT OR IGNORE INTO event_participants (event_id, entity_id) VALUES (?1, ?2)",
  [STMT_INSERT_SOURCE] =
    "INSERT OR REPLACE INTO event_sources (event_id, article_id, role) VALUES (?1, ?2, ?3)",
  [STMT_INSERT_EVIDENCE] =
    "INSERT INTO evidence (event_id, article_id, start, end) VALUES (?1, ?2, ?3, ?4)",
  [STMT_UPDATE_EVENT_DATE] =
    "UPDATE events SET date = ?2, date_precision = ?3, day = ?4, day_end = ?5 WHERE id = ?1",
  [STMT_UPDATE_EVENT_PLACE] = "UPDATE events SET place_id = ?2 WHERE id = ?1",
  [STMT_EVENT_PARTICIPANTS] =
    "SELECT e.key, e.name, e.name_en FROM event_participants ep"
    " JOIN entities e ON e.id = ep.entity_id WHERE ep.event_id = ?1 ORDER BY e.id",
  [STMT_EVENT_SOURCES] =
    "SELECT s.article_id, a.title, a.source, a.url, a.date_publish, s.role FROM event_sources s"
    " JOIN articles a ON a.id = s.article_id WHERE s.event_id = ?1 ORDER BY s.article_id",
  [STMT_EVENT_EVIDENCE] =
    "SELECT article_id, start, end FROM evidence WHERE event_id = ?1 ORDER BY article_id, start",
};

struct _RasdStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
  int           schema_version;
  guint         savepoint_depth;
  gboolean      read_only;  /* opened read-only: the user may not write the file */
};

G_DEFINE_FINAL_TYPE (RasdStore, rasd_store, G_TYPE_OBJECT)

void
rasd_search_hit_free (RasdSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

static void
rasd_store_finalize (GObject *object)
{
  RasdStore *self = (RasdStore *) object;

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  if (self->db != NULL)
    {
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Closing %s: %s", self->path, sqlite3_errmsg (self->db));
      self->db = NULL;
    }
  g_free (self->path);

  G_OBJECT_CLASS (rasd_store_parent_class)->finalize (object);
}

static void
rasd_store_class_init (RasdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rasd_store_finalize;
}

static void
rasd_store_init (RasdStore *self)
{
}

/* Turns the connection's last error into a GError that names the database and what was being
 * done; busy databases get their own code so callers can tell the user to wait. */
static gboolean
set_sqlite_error (RasdStore   *self,
                  GError     **error,
                  const char  *doing)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;

  if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, RASD_ERROR, RASD_ERROR_BUSY,
                 "%s: the database is busy (another Rasd is writing to it); try again when it "
                 "has finished", self->path);
  else
    g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE, "%s: %s: %s",
                 self->path, doing, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec_sql (RasdStore   *self,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, sql);
  return TRUE;
}

static sqlite3_stmt *
get_statement (RasdStore       *self,
               StoreStatement   which,
               GError         **error)
{
  sqlite3_stmt *stmt = self->stmts[which];

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, statement_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                              &self->stmts[which], NULL) != SQLITE_OK)
        {
          set_sqlite_error (self, error, "preparing a statement");
          return NULL;
        }
      stmt = self->stmts[which];
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  return stmt;
}

static int
read_user_version (RasdStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  return version;
}

static gboolean
migrate (RasdStore  *self,
         int         target,
         GError    **error)
{
  int version;

  /* IMMEDIATE: two processes opening an old database at once migrate it once. */
  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  version = read_user_version (self);
  if (version < 0)
    {
      set_sqlite_error (self, error, "reading the schema version");
      goto fail;
    }
  if (version > RASD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_SCHEMA,
                   "%s: the database has schema version %d, written by a newer Rasd; this Rasd "
                   "reads versions up to %d", self->path, version, RASD_STORE_SCHEMA_VERSION);
      goto fail;
    }

  for (; version < target; version++)
    {
      g_autofree char *bump = NULL;

      g_debug ("Migrating %s from schema %d to %d", self->path, version, version + 1);
      if (!exec_sql (self, migrations[version], error))
        goto fail;
      bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!exec_sql (self, bump, error))
        goto fail;
    }

  if (!exec_sql (self, "COMMIT", error))
    goto fail;
  self->schema_version = MAX (version, target);
  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

static char *name_to_words (const char *name);

/* rasd_name_words (name, name_en): the words names are matched by (see name_to_words), the
 * Arabic name's, then " | " and the English name's; "|" is in no query, so a query never
 * matches across the two. */
static void
name_words_func (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  const char *name_en = (const char *) sqlite3_value_text (argv[1]);
  g_autofree char *words = name_to_words (name != NULL ? name : "");
  char *result;

  if (name_en != NULL && *name_en != '\0')
    {
      g_autofree char *words_en = name_to_words (name_en);
      result = g_strconcat (words, " | ", words_en, NULL);
    }
  else
    result = g_steal_pointer (&words);
  sqlite3_result_text (context, result, -1, g_free);
}

char *
rasd_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rasd", "rasd.db", NULL);
}

/* Opening ------------------------------------------------------------------------------------
 * A database the user may only read (no write permission, a read-only disk) opens read-only;
 * one that cannot be opened gets one sentence naming the file, never SQL. */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* TRUE when @path-SUFFIX exists and is not empty: a journal whose changes the file lacks. */
static gboolean
has_pending_journal (const char *path,
                     const char *suffix)
{
  g_autofree char *journal = g_strconcat (path, suffix, NULL);
  GStatBuf buf;

  return g_stat (journal, &buf) == 0 && buf.st_size > 0;
}

/* A database cut short: its header says how many pages it holds, the file is smaller (and no
 * journal holds the missing pages).  Read through SQLite's own file handle: opening and closing
 * the file here would drop the locks this process's other connections hold on it (POSIX locks
 * belong to the process), and another process would then checkpoint and delete the WAL under
 * them. */
static gboolean
check_not_truncated (RasdStore  *self,
                     GError    **error)
{
  sqlite3_file *file = NULL;
  guint8 header[100];
  sqlite3_int64 size = 0;

  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL ||
      file->pMethods->xFileSize (file, &size) != SQLITE_OK || size < (sqlite3_int64) sizeof header ||
      file->pMethods->xRead (file, header, sizeof header, 0) != SQLITE_OK ||
      has_pending_journal (self->path, "-wal") || has_pending_journal (self->path, "-journal"))
    return TRUE;
  {
    guint32 page_size = ((guint32) header[16] << 8) | header[17];
    guint32 n_pages = read_be32 (header + 28);
    gboolean size_valid = read_be32 (header + 24) == read_be32 (header + 92);
    sqlite3_int64 expected;

    if (page_size == 1)
      page_size = 65536;
    expected = (sqlite3_int64) n_pages * page_size;
    if (size_valid && n_pages > 0 && size < expected)
      {
        g_autofree char *have = g_format_size (size);
        g_autofree char *want = g_format_size (expected);

        g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                     "%s is damaged: the file is cut short (%s of the %s its database takes)",
                     self->path, have, want);
        return FALSE;
      }
  }
  return TRUE;
}

/* What went wrong opening @path, in words. */
static gboolean
set_open_error (RasdStore  *self,
                GError    **error)
{
  int code = self->db != NULL ? sqlite3_extended_errcode (self->db) & 0xff : SQLITE_NOMEM;
  int system_errno = self->db != NULL ? sqlite3_system_errno (self->db) : 0;
  const char *path = self->path;

  switch (code)
    {
    case SQLITE_NOTADB:
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                   "%s is not a Rasd database: the file holds something else", path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                   "%s is damaged (truncated or overwritten) and cannot be read", path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RASD_ERROR, RASD_ERROR_BUSY,
                   "%s is busy (another Rasd is writing to it); try again when it has finished", path);
      break;
    case SQLITE_FULL:
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE, "The disk holding %s is full", path);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE, "%s cannot be opened: %s", path,
                   system_errno == EACCES || system_errno == EPERM || code != SQLITE_CANTOPEN
                   ? "you have no permission to read it, or to write in its folder"
                   : system_errno != 0 ? g_strerror (system_errno) : "the file cannot be created there");
      break;
    case SQLITE_IOERR:
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE, "%s cannot be read from its disk (%s)", path,
                   system_errno != 0 ? g_strerror (system_errno) : "input/output error");
      break;
    case SQLITE_NOMEM:
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE, "%s cannot be opened: out of memory", path);
      break;
    default:
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE, "%s cannot be opened: %s", path,
                   sqlite3_errstr (code));
      break;
    }
  return FALSE;
}

/* Opens the connection; the first statement that reads the file (a file that is not a
 * database fails there). */
static gboolean
open_connection (RasdStore  *self,
                 const char *filename,
                 int         flags)
{
  g_clear_pointer (&self->db, sqlite3_close_v2);
  if (sqlite3_open_v2 (filename, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    return FALSE;
  sqlite3_extended_result_codes (self->db, TRUE);
  /* Another process writing (a second Rasd, a batch import) makes us wait, not fail. */
  sqlite3_busy_timeout (self->db, 10000);
  if (self->read_only)
    return sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK;
  return sqlite3_exec (self->db,
                       "PRAGMA journal_mode = WAL;"
                       "PRAGMA synchronous = NORMAL;",
                       NULL, NULL, NULL) == SQLITE_OK
         && !sqlite3_db_readonly (self->db, "main");
}

/* A read-only database's schema is as it is: one an older Rasd wrote cannot be migrated. */
static gboolean
check_schema_read_only (RasdStore  *self,
                        int         target,
                        GError    **error)
{
  int version = read_user_version (self);

  if (version < 0)
    return set_open_error (self, error);
  if (version > RASD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_SCHEMA,
                   "%s: the database has schema version %d, written by a newer Rasd; this Rasd "
                   "reads versions up to %d", self->path, version, RASD_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (version < target)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                   "%s was written by an older Rasd and must be updated before it can be read, "
                   "which needs permission to write it", self->path);
      return FALSE;
    }
  self->schema_version = version;
  return TRUE;
}

static RasdStore *
open_store (const char  *path,
            int          version,
            gboolean     read_only,
            GError     **error)
{
  g_autoptr(RasdStore) self = NULL;
  gboolean memory = g_strcmp0 (path, ":memory:") == 0;
  GStatBuf buf;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= RASD_STORE_SCHEMA_VERSION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RASD_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only && !memory;

  if (!memory && g_stat (path, &buf) == 0)
    {
      if (S_ISDIR (buf.st_mode))
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                       "%s is a folder, not a database file", path);
          return NULL;
        }
    }
  else if (!memory && !read_only)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s: cannot create the folder %s: %s", path, dir, g_strerror (saved_errno));
          return NULL;
        }
    }

  /* Read-write; a file the user may only read (permissions, a read-only disk) opens read-only.
   * SQLite's own fallback to read-only is not enough: the journal cannot be set up. */
  if (!self->read_only && !open_connection (self, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
    {
      int code = self->db != NULL ? sqlite3_extended_errcode (self->db) & 0xff : SQLITE_NOMEM;

      if (memory || !g_file_test (path, G_FILE_TEST_EXISTS) ||
          (code != SQLITE_READONLY && code != SQLITE_CANTOPEN && code != SQLITE_PERM &&
           code != SQLITE_OK))
        return set_open_error (self, error), NULL;
      self->read_only = TRUE;
    }
  if (self->read_only && !open_connection (self, path, SQLITE_OPEN_READONLY))
    {
      int code = self->db != NULL ? sqlite3_extended_errcode (self->db) & 0xff : SQLITE_NOMEM;
      g_autofree char *escaped = NULL;
      g_autofree char *uri = NULL;

      /* A WAL database needs its -shm file, which a read-only folder cannot hold: with nothing
       * pending in its -wal file, the file alone is the database ("immutable"). */
      if ((code != SQLITE_READONLY && code != SQLITE_CANTOPEN) || has_pending_journal (path, "-wal"))
        return set_open_error (self, error), NULL;
      escaped = g_uri_escape_string (path, "/", FALSE);
      uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
      if (!open_connection (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI))
        return set_open_error (self, error), NULL;
    }

  if (!memory && !check_not_truncated (self, error))
    return NULL;

  if (!rasd_fts_register_tokenizer (self->db, error)
      || !rasd_fts_register_rank_function (self->db, "articles_fts", error))
    return NULL;
  if (sqlite3_create_function (self->db, "rasd_name_words", 2,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                               name_words_func, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, "registering rasd_name_words");
      return NULL;
    }
  if (sqlite3_exec (self->db,
                    "PRAGMA foreign_keys = ON;"
                    "PRAGMA temp_store = MEMORY;"
                    "PRAGMA cache_size = -32000;",
                    NULL, NULL, NULL) != SQLITE_OK)
    return set_open_error (self, error), NULL;

  /* Test hook: a database that can grow only to N pages behaves like a full disk
   * (SQLITE_FULL), which the hardening tests need without filling a real one. */
  if (g_getenv ("RASD_TEST_MAX_PAGE_COUNT") != NULL)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GUINT64_FORMAT,
                                                 g_ascii_strtoull (g_getenv ("RASD_TEST_MAX_PAGE_COUNT"),
                                                                   NULL, 10));
      if (!exec_sql (self, pragma, error))
        return NULL;
    }

  if (self->read_only ? !check_schema_read_only (self, version, error) : !migrate (self, version, error))
    {
      /* a damaged file may pass the first read and fail here: in words too */
      if (error != NULL && *error != NULL && (*error)->code == RASD_ERROR_DATABASE &&
          (sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CORRUPT)
        {
          g_clear_error (error);
          set_open_error (self, error);
        }
      return NULL;
    }

  return g_steal_pointer (&self);
}

RasdStore *
rasd_store_open_at_version (const char  *path,
                            int          version,
                            GError     **error)
{
  return open_store (path, version, FALSE, error);
}

RasdStore *
rasd_store_open (const char  *path,
                 GError     **error)
{
  return open_store (path, RASD_STORE_SCHEMA_VERSION, FALSE, error);
}

RasdStore *
rasd_store_open_read_only (const char  *path,
                           GError     **error)
{
  return open_store (path, RASD_STORE_SCHEMA_VERSION, TRUE, error);
}

gboolean
rasd_store_is_read_only (RasdStore *self)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  return self->read_only;
}

const char *
rasd_store_get_path (RasdStore *self)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  return self->path;
}

int
rasd_store_get_schema_version (RasdStore *self)
{
  g_return_val_if_fail (RASD_IS_STORE (self), -1);
  return self->schema_version;
}

sqlite3 *
rasd_store_get_db (RasdStore *self)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  return self->db;
}

gboolean
rasd_store_begin (RasdStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (sqlite3_get_autocommit (self->db), FALSE);
  return exec_sql (self, "BEGIN IMMEDIATE", error);
}

gboolean
rasd_store_commit (RasdStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  return exec_sql (self, "COMMIT", error);
}

void
rasd_store_rollback (RasdStore *self)
{
  g_return_if_fail (RASD_IS_STORE (self));
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->savepoint_depth = 0;
}

gboolean
rasd_store_in_transaction (RasdStore *self)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  return !sqlite3_get_autocommit (self->db);
}

gboolean
rasd_store_savepoint (RasdStore  *self,
                      GError    **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  if (!exec_sql (self, "SAVEPOINT rasd_file", error))
    return FALSE;
  self->savepoint_depth++;
  return TRUE;
}

gboolean
rasd_store_release (RasdStore  *self,
                    GError    **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->savepoint_depth > 0, FALSE);
  if (!exec_sql (self, "RELEASE rasd_file", error))
    return FALSE;
  self->savepoint_depth--;
  return TRUE;
}

void
rasd_store_rollback_to (RasdStore *self)
{
  g_return_if_fail (RASD_IS_STORE (self));
  g_return_if_fail (self->savepoint_depth > 0);
  /* ROLLBACK TO keeps the savepoint open; RELEASE closes it with nothing in it. */
  sqlite3_exec (self->db, "ROLLBACK TO rasd_file; RELEASE rasd_file", NULL, NULL, NULL);
  self->savepoint_depth--;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

gint64
rasd_store_add_article (RasdStore    *self,
                        RasdArticle  *article,
                        gboolean     *duplicate,
                        GError      **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  const char *title;
  const char *text;
  gint64 id;
  gint64 now;

  g_return_val_if_fail (RASD_IS_STORE (self), 0);
  g_return_val_if_fail (RASD_IS_ARTICLE (article), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (duplicate != NULL)
    *duplicate = FALSE;

  text = rasd_article_get_text (article);
  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_EMPTY, "the article has no text");
      return 0;
    }
  title = rasd_article_get_title (article);
  if (title == NULL)
    title = "";
  hash = rasd_article_compute_hash (article);

  if ((stmt = get_statement (self, STMT_FIND_HASH, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (duplicate != NULL)
        *duplicate = TRUE;
      rasd_article_set_id (article, id);
      return id;
    case SQLITE_DONE:
      sqlite3_reset (stmt);
      break;
    default:
      set_sqlite_error (self, error, "looking up the article");
      sqlite3_reset (stmt);
      return 0;
    }

  now = g_get_real_time () / G_USEC_PER_SEC;
  if ((stmt = get_statement (self, STMT_INSERT_ARTICLE, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 2, rasd_article_get_source (article));
  bind_text_or_null (stmt, 3, rasd_article_get_url (article));
  bind_text_or_null (stmt, 4, rasd_article_get_date (article));
  bind_text_or_null (stmt, 5, rasd_article_get_authors (article));
  bind_text_or_null (stmt, 6, rasd_article_get_language (article));
  bind_text_or_null (stmt, 7, rasd_article_get_path (article));
  sqlite3_bind_text (stmt, 8, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "storing the article");
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (self->db);

  if ((stmt = get_statement (self, STMT_INSERT_FTS, error)) == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "indexing the article for search");
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);

  rasd_article_set_id (article, id);
  rasd_article_set_imported_at (article, now);
  return id;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Columns: id, title, source, url, date_publish, authors, language, path, imported_at. */
static RasdArticle *
article_from_row (sqlite3_stmt *stmt)
{
  RasdArticle *article = rasd_article_new ();

  rasd_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  rasd_article_set_title (article, column_text (stmt, 1));
  rasd_article_set_source (article, column_text (stmt, 2));
  rasd_article_set_url (article, column_text (stmt, 3));
  rasd_article_set_date (article, column_text (stmt, 4));
  rasd_article_set_authors (article, column_text (stmt, 5));
  rasd_article_set_language (article, column_text (stmt, 6));
  rasd_article_set_path (article, column_text (stmt, 7));
  rasd_article_set_imported_at (article, sqlite3_column_int64 (stmt, 8));
  return article;
}

RasdArticle *
rasd_store_get_article (RasdStore  *self,
                        gint64      id,
                        GError    **error)
{
  RasdArticle *article = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stmt = get_statement (self, STMT_GET_ARTICLE, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      article = article_from_row (stmt);
      rasd_article_set_text (article, column_text (stmt, 9));
      break;
    case SQLITE_DONE:
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "%s: no article with id %" G_GINT64_FORMAT,
                   self->path, id);
      break;
    default:
      set_sqlite_error (self, error, "reading an article");
    }
  sqlite3_reset (stmt);
  return article;
}

GListModel *
rasd_store_list_articles (RasdStore  *self,
                          GError    **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stmt = get_statement (self, STMT_LIST_ARTICLES, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, article_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "listing articles");
      return NULL;
    }

  list = g_list_store_new (RASD_TYPE_ARTICLE);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

GPtrArray *
rasd_store_search (RasdStore   *self,
                   const char  *user_query,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_search_hit_free);
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (user_query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  match = rasd_fts_query_from_user (user_query);
  if (match == NULL)
    return g_steal_pointer (&hits);

  if ((stmt = get_statement (self, STMT_SEARCH, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : G_MAXINT64);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RasdSearchHit *hit = g_new0 (RasdSearchHit, 1);

      hit->article_id = sqlite3_column_int64 (stmt, 0);
      hit->title = g_strdup (column_text (stmt, 1));
      hit->snippet = g_strdup (column_text (stmt, 2));
      hit->rank = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "searching");
      return NULL;
    }
  return g_steal_pointer (&hits);
}

static gboolean
count_rows (RasdStore   *self,
            const char  *sql,
            gint64      *out,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return set_sqlite_error (self, error, "counting");
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

#define OPTIMIZE_MIN_ARTICLES 1000

gboolean
rasd_store_optimize_search_index (RasdStore  *self,
                                  gint64      n_new_articles,
                                  GError    **error)
{
  gint64 n_articles = 0;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (!rasd_store_in_transaction (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_new_articles < OPTIMIZE_MIN_ARTICLES)
    return TRUE;
  if (!count_rows (self, "SELECT count(*) FROM articles", &n_articles, error))
    return FALSE;
  if (n_new_articles < n_articles / 4)
    return TRUE;
  if (sqlite3_exec (self->db, "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')",
                    NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, "optimizing the search index");
  return TRUE;
}

gboolean
rasd_store_has_articles (RasdStore  *self,
                         gboolean   *has_articles,
                         GError    **error)
{
  gint64 exists = 0;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (has_articles != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!count_rows (self, "SELECT EXISTS (SELECT 1 FROM articles)", &exists, error))
    return FALSE;
  *has_articles = exists != 0;
  return TRUE;
}

gboolean
rasd_store_get_stats (RasdStore       *self,
                      RasdStoreStats  *stats,
                      GError         **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  return count_rows (self, "SELECT count(*) FROM articles", &stats->n_articles, error) &&
         count_rows (self, "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles",
                     &stats->text_bytes, error) &&
         count_rows (self, "SELECT count(*) FROM entities WHERE kind = 'person'",
                     &stats->n_people, error) &&
         count_rows (self, "SELECT count(*) FROM entities WHERE kind = 'place'",
                     &stats->n_places, error) &&
         count_rows (self, "SELECT count(*) FROM events", &stats->n_events, error) &&
         count_rows (self, "SELECT count(*) FROM excerpts", &stats->n_excerpts, error);
}

/* Extractions ---------------------------------------------------------------------------------- */

static const char * const event_kinds[] = {
  "meeting", "visit", "talks", "reception", "call", "summit", NULL
};

const char * const *
rasd_store_event_kinds (void)
{
  return event_kinds;
}

/* People and places are shared by the events of one listing (refcounted, immutable), so
 * 100,000 events hold one copy of each name, not one per event. */
static void
stored_person_clear (RasdStoredPerson *person)
{
  g_free (person->key);
  g_free (person->name);
  g_free (person->name_en);
}

static void
stored_person_unref (RasdStoredPerson *person)
{
  g_atomic_rc_box_release_full (person, (GDestroyNotify) stored_person_clear);
}

static void
stored_place_clear (RasdStoredPlace *place)
{
  g_free (place->key);
  g_free (place->name);
  g_free (place->name_en);
  g_free (place->kind);
  g_free (place->country);
}

static void
stored_place_unref (RasdStoredPlace *place)
{
  g_atomic_rc_box_release_full (place, (GDestroyNotify) stored_place_clear);
}

static void
stored_source_free (RasdStoredSource *source)
{
  g_free (source->title);
  g_free (source->source);
  g_free (source->url);
  g_free (source->date);
  g_free (source);
}

void
rasd_stored_event_free (RasdStoredEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->cameo);
  g_free (event->date);
  g_clear_pointer (&event->participants, g_ptr_array_unref);
  if (event->place_shared)
    g_clear_pointer (&event->place, stored_place_unref);
  else if (event->place != NULL)
    {
      stored_place_clear (event->place);
      g_clear_pointer (&event->place, g_free);
    }
  g_clear_pointer (&event->sources, g_ptr_array_unref);
  g_clear_pointer (&event->evidence, g_array_unref);
  g_free (event);
}

/* A name as the words it is matched by: normalised (rasd_arabic_normalize), split on anything
 * that is not a letter or digit, the article ال dropped from words that remain two letters or
 * more (الأسد and أسد are one name), joined by single spaces.  The same function turns the
 * stored names and the filters' names into words, so the two always agree. */
static char *
name_to_words (const char *name)
{
  g_autofree char *norm = rasd_arabic_normalize (name, -1);
  GString *out = g_string_new (NULL);
  const char *p = norm;

  while (*p != '\0')
    {
      const char *start;
      gsize len;

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      len = (gsize) (p - start);
      if (g_str_has_prefix (start, "ال") && (gsize) (p - start) > strlen ("ال") &&
          g_utf8_strlen (start + strlen ("ال"), len - strlen ("ال")) >= 2)
        {
          start += strlen ("ال");
          len -= strlen ("ال");
        }
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, start, len);
    }
  return g_string_free (out, FALSE);
}

/* Days since the epoch of the first and the last day of @date; FALSE when it is unknown. */
static gboolean
date_day_range (const RasdDate *date,
                gint64         *first,
                gint64         *last)
{
  if (date->year == 0)
    return FALSE;
  switch (date->precision)
    {
    case RASD_DATE_PRECISION_DAY:
      *first = *last = rasd_date_to_days (date->year, date->month, date->day);
      return TRUE;
    case RASD_DATE_PRECISION_MONTH:
      *first = rasd_date_to_days (date->year, date->month, 1);
      *last = rasd_date_to_days (date->year, date->month,
                                 rasd_date_days_in_month (date->year, date->month));
      return TRUE;
    case RASD_DATE_PRECISION_YEAR:
      *first = rasd_date_to_days (date->year, 1, 1);
      *last = rasd_date_to_days (date->year, 12, 31);
      return TRUE;
    case RASD_DATE_PRECISION_NONE:
    default:
      return FALSE;
    }
}

/* Runs a kept statement that takes one id and returns no rows. */
static gboolean
run_with_id (RasdStore       *self,
             StoreStatement   which,
             gint64           id,
             const char      *doing,
             GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_statement (self, which, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, doing);
  return TRUE;
}

/* The ids a kept statement taking one id returns in its first column. */
static GArray *
ids_with_id (RasdStore       *self,
             StoreStatement   which,
             gint64           id,
             const char      *doing,
             GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_statement (self, which, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, doing);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
rasd_store_list_article_ids (RasdStore  *self,
                             GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stmt = get_statement (self, STMT_LIST_ARTICLE_IDS, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "listing article ids");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

/* Removes what an earlier extraction of the article stored: its mentions, evidence and
 * sources; the events only it reported; the entities nothing refers to any more.  Events that
 * other articles report stay, their role recomputed from the sources left. */
static gboolean
forget_extraction (RasdStore  *self,
                   gint64      article_id,
                   GArray    **old_entities,
                   GError    **error)
{
  g_autoptr(GArray) events = NULL;

  if ((events = ids_with_id (self, STMT_ARTICLE_EVENTS, article_id,
                             "reading the article's events", error)) == NULL ||
      (*old_entities = ids_with_id (self, STMT_ARTICLE_ENTITIES, article_id,
                                    "reading the article's entities", error)) == NULL)
    return FALSE;

  if (!run_with_id (self, STMT_DELETE_MENTIONS, article_id, "removing old mentions", error) ||
      !run_with_id (self, STMT_DELETE_EVIDENCE, article_id, "removing old evidence", error) ||
      !run_with_id (self, STMT_DELETE_SOURCES, article_id, "removing old event sources", error))
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      gint64 event_id = g_array_index (events, gint64, i);

      if (!run_with_id (self, STMT_DELETE_EVENT_IF_ORPHAN, event_id,
                        "removing an event no article reports", error) ||
          !run_with_id (self, STMT_UPDATE_EVENT_ROLE, event_id, "updating an event's role", error))
        return FALSE;
    }
  return TRUE;
}

static gint64
upsert_entity (RasdStore   *self,
               RasdEntity  *entity,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean is_place = entity->kind == RASD_ENTITY_PLACE;

  if ((stmt = get_statement (self, STMT_UPSERT_ENTITY, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, rasd_entity_kind_to_string (entity->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity->name, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, entity->name_en);
  bind_text_or_null (stmt, 5, is_place ? entity->place_kind : NULL);
  bind_text_or_null (stmt, 6, entity->country);
  /* (0, 0) is what a place without coordinates carries. */
  if (is_place && (entity->lat != 0.0 || entity->lon != 0.0))
    {
      sqlite3_bind_double (stmt, 7, entity->lat);
      sqlite3_bind_double (stmt, 8, entity->lon);
    }
  else
    {
      sqlite3_bind_null (stmt, 7);
      sqlite3_bind_null (stmt, 8);
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    {
      g_autofree char *doing = g_strdup_printf ("storing the entity “%s” (%s)",
                                                entity->name, entity->key);
      set_sqlite_error (self, error, doing);
    }
  sqlite3_reset (stmt);
  return id;
}

static gboolean
insert_mention (RasdStore          *self,
                gint64              article_id,
                const RasdMention  *mention,
                gint64              entity_id,
                GError            **error)
{
  g_autofree char *value = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (mention->kind == RASD_MENTION_DATE)
    value = rasd_date_to_iso (&mention->date);
  if ((stmt = get_statement (self, STMT_INSERT_MENTION, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (entity_id > 0)
    sqlite3_bind_int64 (stmt, 2, entity_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_text (stmt, 3, rasd_mention_kind_to_string (mention->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, (gint64) mention->start);
  sqlite3_bind_int64 (stmt, 5, (gint64) mention->end);
  bind_text_or_null (stmt, 6, value);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, "storing a mention");
  return TRUE;
}

/* One event of the extraction, resolved to database ids. */
typedef struct
{
  const RasdEvent *event;
  GArray          *participants;  /* gint64 entity ids, sorted, distinct */
  gint64           place_id;      /* 0 when none */
  const char      *place_kind;
  const char      *place_country;
  gboolean         has_day;
  gint64           day;
  gint64           day_end;
} NewEvent;

typedef struct
{
  gint64             id;
  RasdDate           date;
  gint64             place_id;
  char              *place_kind;
  char              *place_country;
  int                score;
} Candidate;

static void
candidate_clear (Candidate *candidate)
{
  g_free (candidate->place_kind);
  g_free (candidate->place_country);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Candidate, candidate_clear)

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Same people: the same set, or one set inside the other with at least two people shared
 * (a third minister named by one report only). */
static gboolean
participants_match (GArray *a,
                    GArray *b)
{
  guint i = 0, j = 0, shared = 0;

  while (i < a->len && j < b->len)
    {
      gint64 x = g_array_index (a, gint64, i);
      gint64 y = g_array_index (b, gint64, j);

      if (x == y)
        {
          shared++;
          i++;
          j++;
        }
      else if (x < y)
        i++;
      else
        j++;
    }
  if (shared == a->len && shared == b->len)
    return shared > 0;
  return shared == MIN (a->len, b->len) && shared >= 2;
}

/* The same place, or one report without a place, or one naming the country and the other a
 * place in it.  Two different cities are two events. */
static gboolean
places_match (gint64      a_id,
              const char *a_kind,
              const char *a_country,
              gint64      b_id,
              const char *b_kind,
              const char *b_country)
{
  if (a_id == 0 || b_id == 0 || a_id == b_id)
    return TRUE;
  if (a_country == NULL || b_country == NULL || g_strcmp0 (a_country, b_country) != 0)
    return FALSE;
  return (g_strcmp0 (a_kind, "country") == 0) != (g_strcmp0 (b_kind, "country") == 0);
}

static gboolean
insert_event_details (RasdStore      *self,
                      gint64          event_id,
                      gint64          article_id,
                      const NewEvent *ev,
                      GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  for (guint i = 0; i < ev->participants->len; i++)
    {
      if ((stmt = get_statement (self, STMT_INSERT_PARTICIPANT, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ev->participants, gint64, i));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (self, error, "storing an event's participant");
    }

  if ((stmt = get_statement (self, STMT_INSERT_SOURCE, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  sqlite3_bind_text (stmt, 3, rasd_event_role_to_string (ev->event->role), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, "storing an event's source");

  for (guint i = 0; i < ev->event->evidence->len; i++)
    {
      const RasdSpan *span = &g_array_index (ev->event->evidence, RasdSpan, i);

      if ((stmt = get_statement (self, STMT_INSERT_EVIDENCE, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, article_id);
      sqlite3_bind_int64 (stmt, 3, (gint64) span->start);
      sqlite3_bind_int64 (stmt, 4, (gint64) span->end);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (self, error, "storing an event's evidence");
    }

  return run_with_id (self, STMT_UPDATE_EVENT_ROLE, event_id, "updating an event's role", error);
}

static gboolean
update_event_date (RasdStore       *self,
                   gint64           event_id,
                   const NewEvent  *ev,
                   GError         **error)
{
  g_autofree char *iso = rasd_date_to_iso (&ev->event->date);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = get_statement (self, STMT_UPDATE_EVENT_DATE, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  bind_text_or_null (stmt, 2, iso);
  sqlite3_bind_int (stmt, 3, iso != NULL ? (int) ev->event->date.precision : 0);
  if (ev->has_day)
    {
      sqlite3_bind_int64 (stmt, 4, ev->day);
      sqlite3_bind_int64 (stmt, 5, ev->day_end);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, "updating an event's date");
  return TRUE;
}

/* The event another article already stored that @ev reports too, or 0. */
static gint64
find_same_event (RasdStore       *self,
                 gint64           article_id,
                 const NewEvent  *ev,
                 Candidate       *found,
                 GError         **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  sqlite3_stmt *stmt;
  int rc;
  int best = -1;

  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);
  /* Reports without people are not grouped: nothing says they are one event. */
  if (ev->participants->len == 0)
    return 0;

  if ((stmt = get_statement (self, STMT_FIND_EVENT_CANDIDATES, error)) == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, g_array_index (ev->participants, gint64, 0));
  if (ev->has_day)
    {
      sqlite3_bind_int64 (stmt, 2, ev->day);
      sqlite3_bind_int64 (stmt, 3, ev->day_end);
    }
  sqlite3_bind_int64 (stmt, 4, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Candidate c = { 0 };

      c.id = sqlite3_column_int64 (stmt, 0);
      rasd_date_parse_iso (column_text (stmt, 1), &c.date);
      if ((int) c.date.precision != sqlite3_column_int (stmt, 2))
        c.date = (RasdDate) { 0 };
      c.place_id = sqlite3_column_int64 (stmt, 3);
      c.place_kind = g_strdup (column_text (stmt, 4));
      c.place_country = g_strdup (column_text (stmt, 5));
      g_array_append_val (candidates, c);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "looking for the same event in other articles");
      return -1;
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      g_autoptr(GArray) people = NULL;

      if (!places_match (ev->place_id, ev->place_kind, ev->place_country,
                         c->place_id, c->place_kind, c->place_country))
        continue;
      if ((people = ids_with_id (self, STMT_EVENT_PARTICIPANT_IDS, c->id,
                                 "reading an event's participants", error)) == NULL)
        return -1;
      if (!participants_match (ev->participants, people))
        continue;
      /* Prefer the report that agrees the most: a known date, the same place. */
      c->score = (rasd_date_compatible (&ev->event->date, &c->date) ? 2 : 0) +
                 (ev->place_id != 0 && ev->place_id == c->place_id ? 1 : 0);
      if (best < 0 || c->score > g_array_index (candidates, Candidate, best).score)
        best = (int) i;
    }
  if (best < 0)
    return 0;

  *found = g_array_index (candidates, Candidate, best);
  found->place_kind = g_strdup (found->place_kind);
  found->place_country = g_strdup (found->place_country);
  return found->id;
}

static gboolean
save_event (RasdStore       *self,
            gint64           article_id,
            const NewEvent  *ev,
            GError         **error)
{
  g_auto(Candidate) same = { 0 };
  g_autofree char *iso = NULL;
  sqlite3_stmt *stmt;
  gint64 event_id;
  int rc;

  event_id = find_same_event (self, article_id, ev, &same, error);
  if (event_id < 0)
    return FALSE;

  if (event_id > 0)
    {
      /* A date known from one source fills the others. */
      if (ev->event->date.precision > same.date.precision && ev->has_day &&
          !update_event_date (self, event_id, ev, error))
        return FALSE;
      /* So does a place, and a city refines its country. */
      if (ev->place_id != 0 && ev->place_id != same.place_id &&
          (same.place_id == 0 || g_strcmp0 (same.place_kind, "country") == 0))
        {
          if ((stmt = get_statement (self, STMT_UPDATE_EVENT_PLACE, error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, event_id);
          sqlite3_bind_int64 (stmt, 2, ev->place_id);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            return set_sqlite_error (self, error, "updating an event's place");
        }
      return insert_event_details (self, event_id, article_id, ev, error);
    }

  iso = ev->has_day ? rasd_date_to_iso (&ev->event->date) : NULL;
  if ((stmt = get_statement (self, STMT_INSERT_EVENT, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ev->event->kind != NULL ? ev->event->kind : "meeting", -1,
                     SQLITE_STATIC);
  bind_text_or_null (stmt, 2, ev->event->cameo);
  bind_text_or_null (stmt, 3, iso);
  sqlite3_bind_int (stmt, 4, iso != NULL ? (int) ev->event->date.precision : 0);
  if (ev->has_day)
    {
      sqlite3_bind_int64 (stmt, 5, ev->day);
      sqlite3_bind_int64 (stmt, 6, ev->day_end);
    }
  if (ev->place_id != 0)
    sqlite3_bind_int64 (stmt, 7, ev->place_id);
  sqlite3_bind_text (stmt, 8, rasd_event_role_to_string (ev->event->role), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, "storing an event");
  event_id = sqlite3_last_insert_rowid (self->db);
  return insert_event_details (self, event_id, article_id, ev, error);
}

static gboolean
save_extraction (RasdStore       *self,
                 gint64           article_id,
                 RasdExtraction  *extraction,
                 GError         **error)
{
  g_autoptr(GArray) old_entities = NULL;
  g_autoptr(GArray) entity_ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64),
                                                    extraction->entities->len);

  if (!forget_extraction (self, article_id, &old_entities, error))
    return FALSE;

  for (guint i = 0; i < extraction->entities->len; i++)
    {
      gint64 id = upsert_entity (self, g_ptr_array_index (extraction->entities, i), error);

      if (id == 0)
        return FALSE;
      g_array_append_val (entity_ids, id);
    }

  for (guint i = 0; i < extraction->mentions->len; i++)
    {
      const RasdMention *mention = &g_array_index (extraction->mentions, RasdMention, i);
      gint64 entity_id = 0;

      if (mention->kind != RASD_MENTION_DATE && mention->entity >= 0 &&
          (guint) mention->entity < entity_ids->len)
        entity_id = g_array_index (entity_ids, gint64, mention->entity);
      if (!insert_mention (self, article_id, mention, entity_id, error))
        return FALSE;
    }

  for (guint i = 0; i < extraction->events->len; i++)
    {
      const RasdEvent *event = g_ptr_array_index (extraction->events, i);
      g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (gint64));
      NewEvent ev = { event, participants, 0, NULL, NULL, FALSE, 0, 0 };
      gboolean ok;

      for (guint p = 0; p < event->participants->len; p++)
        {
          int index = g_array_index (event->participants, int, p);
          gint64 id;

          g_return_val_if_fail (index >= 0 && (guint) index < entity_ids->len, FALSE);
          id = g_array_index (entity_ids, gint64, index);
          g_array_append_val (participants, id);
        }
      g_array_sort (participants, compare_ids);
      for (guint p = 1; p < participants->len;)
        if (g_array_index (participants, gint64, p) == g_array_index (participants, gint64, p - 1))
          g_array_remove_index (participants, p);
        else
          p++;

      if (event->place >= 0)
        {
          RasdEntity *place;

          g_return_val_if_fail ((guint) event->place < entity_ids->len, FALSE);
          place = g_ptr_array_index (extraction->entities, event->place);
          ev.place_id = g_array_index (entity_ids, gint64, event->place);
          ev.place_kind = place->place_kind;
          ev.place_country = place->country;
        }
      ev.has_day = date_day_range (&event->date, &ev.day, &ev.day_end);

      ok = save_event (self, article_id, &ev, error);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < old_entities->len; i++)
    if (!run_with_id (self, STMT_DELETE_ENTITY_IF_ORPHAN, g_array_index (old_entities, gint64, i),
                      "removing an entity no article names", error))
      return FALSE;

  return TRUE;
}

gboolean
rasd_store_save_extraction (RasdStore       *self,
                            gint64           article_id,
                            RasdExtraction  *extraction,
                            GError         **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (article_id > 0, FALSE);
  g_return_val_if_fail (extraction != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!exec_sql (self, "SAVEPOINT rasd_extraction", error))
    return FALSE;
  if (!save_extraction (self, article_id, extraction, error))
    {
      sqlite3_exec (self->db, "ROLLBACK TO rasd_extraction; RELEASE rasd_extraction",
                    NULL, NULL, NULL);
      g_prefix_error (error, "article %" G_GINT64_FORMAT ": ", article_id);
      return FALSE;
    }
  return exec_sql (self, "RELEASE rasd_extraction", error);
}

/* Listing events ------------------------------------------------------------------------------- */

/* What a name filter is matched with: its words, the string itself for keys and, when it looks
 * like one, an ISO country code. */
typedef struct
{
  char *words;
  char *raw;
  char *code;
} NameQuery;

static void
name_query_clear (NameQuery *query)
{
  g_free (query->words);
  g_free (query->raw);
  g_free (query->code);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NameQuery, name_query_clear)

static gboolean
name_query_init (NameQuery   *query,
                 const char  *what,
                 const char  *value,
                 GError     **error)
{
  query->raw = g_strstrip (g_strdup (value));
  query->words = name_to_words (query->raw);
  if (*query->words == '\0')
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "the %s “%s” has no letters or digits to match", what, value);
      return FALSE;
    }
  if (strlen (query->raw) == 2 && g_ascii_isalpha (query->raw[0]) && g_ascii_isalpha (query->raw[1]))
    query->code = g_ascii_strup (query->raw, -1);
  return TRUE;
}

/* SQL true when the entity aliased @alias matches the name query bound at @first and
 * @first + 1 (words, raw): its words appear in a row in the Arabic or the English name, or it
 * is the key. */
static void
append_name_match (GString    *sql,
                   const char *alias,
                   int         first)
{
  g_string_append_printf (sql,
                          "(instr (' ' || coalesce (%1$s.normalized, '') || ' ', ' ' || ?%2$d || ' ') > 0"
                          " OR %1$s.key = ?%3$d)",
                          alias, first, first + 1);
}

static void
bind_name_query (sqlite3_stmt    *stmt,
                 const NameQuery *query,
                 int              first)
{
  sqlite3_bind_text (stmt, first, query->words, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, query->raw, -1, SQLITE_STATIC);
}

static gboolean
parse_filter_date (const char  *what,
                   const char  *value,
                   gboolean     last,
                   gint64      *day,
                   GError     **error)
{
  RasdDate date;
  gint64 first_day, last_day;

  if (!rasd_date_parse_iso (value, &date) || !date_day_range (&date, &first_day, &last_day))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "the %s date “%s” is not a date: give YYYY, YYYY-MM or YYYY-MM-DD", what, value);
      return FALSE;
    }
  *day = last ? last_day : first_day;
  return TRUE;
}

/* The sources and evidence of all @events at once, two queries for the lot instead of two per
 * event: the ids go to SQLite as one JSON array, the rows come back by event id and are handed
 * to their events through a hash table.  (The participants come with the events themselves.) */
static const char * const details_sql[] = {
  "SELECT s.event_id, s.article_id, a.title, a.source, a.url, a.date_publish, s.role"
  " FROM event_sources s JOIN articles a ON a.id = s.article_id"
  " WHERE s.event_id IN (SELECT value FROM json_each (?1)) ORDER BY s.event_id, s.article_id",
  "SELECT event_id, article_id, start, end FROM evidence"
  " WHERE event_id IN (SELECT value FROM json_each (?1)) ORDER BY event_id, article_id, start",
};

static gboolean
load_events_details (RasdStore  *self,
                     GPtrArray  *events,
                     GError    **error)
{
  static const char * const doing[] = {
    "reading the events' sources", "reading the events' evidence",
  };
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) ids = g_string_sized_new (events->len * 8 + 2);

  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);

      event->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_source_free);
      event->evidence = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
    }
  if (events->len == 0)
    return TRUE;

  g_string_append_c (ids, '[');
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);

      g_hash_table_insert (by_id, &event->id, event);
      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append_printf (ids, "%" G_GINT64_FORMAT, event->id);
    }
  g_string_append_c (ids, ']');

  for (guint q = 0; q < G_N_ELEMENTS (details_sql); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      RasdStoredEvent *event = NULL;
      int rc;

      if (sqlite3_prepare_v2 (self->db, details_sql[q], -1, &stmt, NULL) != SQLITE_OK)
        return set_sqlite_error (self, error, doing[q]);
      sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          /* Rows come by event: look up only when the event changes. */
          if (event == NULL || event->id != id)
            event = g_hash_table_lookup (by_id, &id);
          g_assert (event != NULL);

          if (q == 0)
            {
              RasdStoredSource *source = g_new0 (RasdStoredSource, 1);

              source->article_id = sqlite3_column_int64 (stmt, 1);
              source->title = g_strdup (column_text (stmt, 2));
              source->source = g_strdup (column_text (stmt, 3));
              source->url = g_strdup (column_text (stmt, 4));
              source->date = g_strdup (column_text (stmt, 5));
              if (!rasd_event_role_from_string (column_text (stmt, 6), &source->role))
                source->role = RASD_EVENT_ROLE_HEADLINE;
              g_ptr_array_add (event->sources, source);
            }
          else
            {
              RasdStoredEvidence evidence = {
                sqlite3_column_int64 (stmt, 1),
                sqlite3_column_int64 (stmt, 2),
                sqlite3_column_int64 (stmt, 3),
              };
              g_array_append_val (event->evidence, evidence);
            }
        }
      if (rc != SQLITE_DONE)
        return set_sqlite_error (self, error, doing[q]);
    }
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);

      /* An import on another connection may have added one since the count. */
      event->n_sources = event->sources->len;
    }
  return TRUE;
}

/* The people and places one listing has read, by entity id: each is read once and shared by
 * all its events (a reference each). */
typedef struct
{
  GHashTable   *people;  /* gint64* → RasdStoredPerson* */
  GHashTable   *places;  /* gint64* → RasdStoredPlace* */
  sqlite3_stmt *person_stmt;
  sqlite3_stmt *place_stmt;
  GArray       *ids;     /* gint64, scratch for one event's participants */
} EntityCache;

static void
entity_cache_clear (EntityCache *cache)
{
  g_clear_pointer (&cache->people, g_hash_table_unref);
  g_clear_pointer (&cache->places, g_hash_table_unref);
  g_clear_pointer (&cache->person_stmt, sqlite3_finalize);
  g_clear_pointer (&cache->place_stmt, sqlite3_finalize);
  g_clear_pointer (&cache->ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntityCache, entity_cache_clear)

static gboolean
entity_cache_init (RasdStore    *self,
                   EntityCache  *cache,
                   GError      **error)
{
  cache->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) stored_person_unref);
  cache->places = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) stored_place_unref);
  cache->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (sqlite3_prepare_v2 (self->db, "SELECT key, name, name_en FROM entities WHERE id = ?1",
                          -1, &cache->person_stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "SELECT key, name, name_en, place_kind, country, lat, lon"
                          " FROM entities WHERE id = ?1",
                          -1, &cache->place_stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, "preparing the events' entity query");
  return TRUE;
}

/* The person (or place) @id, read on first use; borrowed from the cache.  NULL when the entity
 * is not there (deleted meanwhile) or on error (@error set). */
static gpointer
entity_cache_get (RasdStore    *self,
                  EntityCache  *cache,
                  gboolean      place,
                  gint64        id,
                  GError      **error)
{
  GHashTable *table = place ? cache->places : cache->people;
  sqlite3_stmt *stmt = place ? cache->place_stmt : cache->person_stmt;
  gpointer entity = g_hash_table_lookup (table, &id);
  int rc;

  if (entity != NULL)
    return entity;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (self, error, place ? "reading an event's place" : "reading an event's people");
      return NULL;
    }
  if (place)
    {
      RasdStoredPlace *p = g_atomic_rc_box_new0 (RasdStoredPlace);

      p->key = g_strdup (column_text (stmt, 0));
      p->name = g_strdup (column_text (stmt, 1));
      p->name_en = g_strdup (column_text (stmt, 2));
      p->kind = g_strdup (column_text (stmt, 3));
      p->country = g_strdup (column_text (stmt, 4));
      p->has_coordinates = sqlite3_column_type (stmt, 5) != SQLITE_NULL &&
                           sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      p->lat = sqlite3_column_double (stmt, 5);
      p->lon = sqlite3_column_double (stmt, 6);
      entity = p;
    }
  else
    {
      RasdStoredPerson *person = g_atomic_rc_box_new0 (RasdStoredPerson);

      person->key = g_strdup (column_text (stmt, 0));
      person->name = g_strdup (column_text (stmt, 1));
      person->name_en = g_strdup (column_text (stmt, 2));
      entity = person;
    }
  sqlite3_reset (stmt);
  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), entity);
  return entity;
}

/* Bound parameters of the event query. */
enum
{
  PARAM_FROM_FIRST = 1,   /* the earliest day an event reaching from can start on */
  PARAM_FROM = 2,
  PARAM_TO = 3,
  PARAM_KIND = 4,
  PARAM_TEXT = 5,         /* the FTS5 query of the filter's text */
};

/* An event's date spans at most a year, so one that ends on or after @from starts at most this
 * many days before it: a bound on day that lets the (day, ...) indexes serve "from". */
#define MAX_EVENT_DAYS 366

/* The ids of the people (or places) the name query matches; a place query also matches the
 * places of a country it names. */
static GArray *
matching_entities (RasdStore        *self,
                   const NameQuery  *query,
                   gboolean          place,
                   GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!place)
    {
      g_string_append (sql, "SELECT pe.id FROM entities pe WHERE pe.kind = 'person' AND ");
      append_name_match (sql, "pe", 1);
    }
  else
    {
      g_string_append (sql, "SELECT p.id FROM entities p WHERE p.kind = 'place' AND ");
      append_name_match (sql, "p", 1);
      g_string_append (sql,
                       " UNION SELECT p.id FROM entities p WHERE p.kind = 'place' AND"
                       "  (p.country = ?3 OR p.country IN (SELECT c.country FROM entities c"
                       "   WHERE c.kind = 'place' AND c.place_kind = 'country' AND ");
      append_name_match (sql, "c", 1);
      g_string_append (sql, "))");
    }

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, place ? "finding the places asked for"
                                           : "finding the people asked for");
      return NULL;
    }
  bind_name_query (stmt, query, 1);
  if (place)
    bind_text_or_null (stmt, 3, query->code);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, place ? "finding the places asked for"
                                           : "finding the people asked for");
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static void
append_id_list (GString *sql,
                GArray  *ids)
{
  g_string_append_c (sql, '(');
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (sql, ')');
}

/* Columns of the event query. */
enum
{
  COL_ID, COL_KIND, COL_CAMEO, COL_DATE, COL_PRECISION, COL_ROLE, COL_PLACE, COL_DAY,
};

/* An event as listed, with what it is sorted by. */
typedef struct
{
  gint64           day;  /* G_MAXINT64: unknown (last) */
  gint64           id;
  RasdStoredEvent *event;
} ListedEvent;

static int
compare_listed_by_date (gconstpointer a,
                        gconstpointer b)
{
  const ListedEvent *x = a, *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int
compare_listed_by_id (gconstpointer a,
                      gconstpointer b)
{
  const ListedEvent *x = a, *y = b;

  return x->id < y->id ? -1 : x->id > y->id;
}

static RasdStoredEvent *
stored_event_from_row (RasdStore     *self,
                       sqlite3_stmt  *stmt,
                       EntityCache   *cache,
                       GError       **error)
{
  g_autoptr(RasdStoredEvent) event = g_new0 (RasdStoredEvent, 1);
  RasdDate date;

  event->id = sqlite3_column_int64 (stmt, COL_ID);
  event->kind = g_strdup (column_text (stmt, COL_KIND));
  event->cameo = g_strdup (column_text (stmt, COL_CAMEO));
  if (rasd_date_parse_iso (column_text (stmt, COL_DATE), &date))
    {
      event->date = rasd_date_to_iso (&date);
      event->precision = date.precision;
    }
  if (!rasd_event_role_from_string (column_text (stmt, COL_ROLE), &event->role))
    event->role = RASD_EVENT_ROLE_HEADLINE;
  if (sqlite3_column_type (stmt, COL_PLACE) != SQLITE_NULL)
    {
      GError *local_error = NULL;
      RasdStoredPlace *place = entity_cache_get (self, cache, TRUE,
                                                 sqlite3_column_int64 (stmt, COL_PLACE),
                                                 &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (place != NULL)
        {
          event->place = g_atomic_rc_box_acquire (place);
          event->place_shared = TRUE;
        }
    }
  event->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) stored_person_unref);
  return g_steal_pointer (&event);
}

/* The participants (and, with @count_sources, the number of sources) of @listed, which is
 * sorted by id.  Rows come ordered by event id and are merged with the events, no lookups:
 * from the whole tables when the events are a large part of them (a scan of the primary key is
 * cheaper than one search per event), else for the events' ids given as a JSON array. */
static gboolean
load_events_people (RasdStore    *self,
                    GArray       *listed,
                    EntityCache  *cache,
                    gboolean      count_sources,
                    GError      **error)
{
  static const char * const scan_sql[] = {
    "SELECT event_id, entity_id FROM event_participants ORDER BY event_id, entity_id",
    "SELECT event_id, count (*) FROM event_sources GROUP BY event_id ORDER BY event_id",
  };
  static const char * const search_sql[] = {
    "SELECT event_id, entity_id FROM event_participants"
    " WHERE event_id IN (SELECT value FROM json_each (?1)) ORDER BY event_id, entity_id",
    "SELECT event_id, count (*) FROM event_sources"
    " WHERE event_id IN (SELECT value FROM json_each (?1)) GROUP BY event_id ORDER BY event_id",
  };
  static const char * const doing[] = { "reading the events' people", "counting the events' sources" };
  g_autoptr(GString) ids = NULL;
  g_autoptr(sqlite3_stmt) max_stmt = NULL;
  gboolean scan;

  if (listed->len == 0)
    return TRUE;

  /* Events' ids are dense (INTEGER PRIMARY KEY): the largest says about how many there are. */
  if (sqlite3_prepare_v2 (self->db, "SELECT max (id) FROM events", -1, &max_stmt, NULL) != SQLITE_OK ||
      sqlite3_step (max_stmt) != SQLITE_ROW)
    return set_sqlite_error (self, error, "counting the events");
  scan = (gint64) listed->len * 4 >= sqlite3_column_int64 (max_stmt, 0);
  if (!scan)
    {
      ids = g_string_sized_new (listed->len * 8 + 2);
      g_string_append_c (ids, '[');
      for (guint i = 0; i < listed->len; i++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                g_array_index (listed, ListedEvent, i).id);
      g_string_append_c (ids, ']');
    }

  for (guint q = 0; q < (count_sources ? 2u : 1u); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      guint i = 0;
      int rc;

      if (sqlite3_prepare_v2 (self->db, scan ? scan_sql[q] : search_sql[q], -1, &stmt, NULL) != SQLITE_OK)
        return set_sqlite_error (self, error, doing[q]);
      if (!scan)
        sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          RasdStoredEvent *event;

          while (i < listed->len && g_array_index (listed, ListedEvent, i).id < id)
            i++;
          if (i == listed->len)
            break;
          if (g_array_index (listed, ListedEvent, i).id != id)
            continue;  /* not one of ours */
          event = g_array_index (listed, ListedEvent, i).event;
          if (q == 0)
            {
              GError *local_error = NULL;
              RasdStoredPerson *person = entity_cache_get (self, cache, FALSE,
                                                           sqlite3_column_int64 (stmt, 1),
                                                           &local_error);

              if (local_error != NULL)
                {
                  g_propagate_error (error, local_error);
                  return FALSE;
                }
              if (person != NULL)
                g_ptr_array_add (event->participants, g_atomic_rc_box_acquire (person));
            }
          else
            event->n_sources = (guint) sqlite3_column_int64 (stmt, 1);
        }
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return set_sqlite_error (self, error, doing[q]);
    }
  return TRUE;
}

/* Appends to @listed those matching the filter with a known date (@dated: by day, then id) or
 * without one (by id), at most @limit (0: all).  With a person, the events are reached
 * through event_participants (entity_id, day, event_id), already in date order; otherwise
 * through events (place_id, day) or (day, day_end), also in order, so a limit stops early.
 * @unordered: dated and undated alike, in no order (the caller sorts): without a limit, letting
 * SQLite scan the table beats following an index in date order with one search per event. */
static gboolean
list_events_part (RasdStore              *self,
                  const RasdEventFilter  *filter,
                  GArray                 *people,
                  GArray                 *places,
                  gint64                  from_day,
                  gint64                  to_day,
                  gboolean                dated,
                  gboolean                unordered,
                  guint                   limit,
                  const char             *match,
                  gint64                  only_id,
                  EntityCache            *cache,
                  GArray                 *listed,
                  GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *day = people != NULL ? "ep.day" : "ev.day";
  const char *id = people != NULL ? "ep.event_id" : "ev.id";
  int rc;

  /* The place as its id: its names come from the entity cache. */
  g_string_append_printf (sql,
                          "SELECT %s ev.id, ev.kind, ev.cameo, ev.date, ev.date_precision, ev.role,"
                          "       ev.place_id, %s, %s",
                          /* Two of the people may be in one event. */
                          people != NULL && people->len > 1 ? "DISTINCT" : "", day, id);
  if (people != NULL)
    g_string_append (sql, " FROM event_participants ep JOIN events ev ON ev.id = ep.event_id");
  else
    g_string_append (sql, " FROM events ev");
  if (unordered)
    g_string_append (sql, " WHERE 1");
  else
    g_string_append_printf (sql, " WHERE %s IS %s", day, dated ? "NOT NULL" : "NULL");
  if (only_id > 0)
    g_string_append_printf (sql, " AND ev.id = %" G_GINT64_FORMAT, only_id);
  if (people != NULL)
    {
      g_string_append (sql, " AND ep.entity_id IN ");
      append_id_list (sql, people);
    }
  if (places != NULL)
    {
      g_string_append (sql, " AND ev.place_id IN ");
      append_id_list (sql, places);
    }
  if (filter->from != NULL)
    g_string_append_printf (sql, " AND %s >= ?%d AND ev.day_end >= ?%d",
                            day, PARAM_FROM_FIRST, PARAM_FROM);
  if (filter->to != NULL)
    g_string_append_printf (sql, " AND %s <= ?%d", day, PARAM_TO);
  if (filter->kind != NULL)
    g_string_append_printf (sql, " AND ev.kind = ?%d", PARAM_KIND);
  if (match != NULL)
    g_string_append_printf (sql, " AND %s IN (SELECT s.event_id FROM event_sources s WHERE s.article_id IN"
                                 " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?%d))",
                            id, PARAM_TEXT);
  if (unordered)
    ;
  else if (dated)
    g_string_append_printf (sql, " ORDER BY %s, %s", day, id);
  else
    g_string_append_printf (sql, " ORDER BY %s", id);
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, "preparing the event query");
  if (filter->from != NULL)
    {
      sqlite3_bind_int64 (stmt, PARAM_FROM_FIRST, from_day - MAX_EVENT_DAYS);
      sqlite3_bind_int64 (stmt, PARAM_FROM, from_day);
    }
  if (filter->to != NULL)
    sqlite3_bind_int64 (stmt, PARAM_TO, to_day);
  if (filter->kind != NULL)
    sqlite3_bind_text (stmt, PARAM_KIND, filter->kind, -1, SQLITE_STATIC);
  if (match != NULL)
    sqlite3_bind_text (stmt, PARAM_TEXT, match, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ListedEvent row = {
        sqlite3_column_type (stmt, COL_DAY) != SQLITE_NULL ? sqlite3_column_int64 (stmt, COL_DAY)
                                                            : G_MAXINT64,
        sqlite3_column_int64 (stmt, COL_ID),
        stored_event_from_row (self, stmt, cache, error),
      };

      if (row.event == NULL)
        return FALSE;
      g_array_append_val (listed, row);
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, "listing events");
  return TRUE;
}

static void
clear_listed_event (gpointer data)
{
  ListedEvent *row = data;

  g_clear_pointer (&row->event, rasd_stored_event_free);
}

/* Gives the events of @listed their people (and source counts, with @count_sources) and moves
 * them to @events, by date unless @in_order (they are already). */
static gboolean
listed_to_events (RasdStore    *self,
                  GArray       *listed,
                  gboolean      in_order,
                  EntityCache  *cache,
                  gboolean      count_sources,
                  GPtrArray    *events,
                  GError      **error)
{
  g_autoptr(GArray) by_id = NULL;
  GArray *sorted = listed;

  if (in_order)
    {
      by_id = g_array_sized_new (FALSE, FALSE, sizeof (ListedEvent), listed->len);
      g_array_append_vals (by_id, listed->data, listed->len);
      g_array_sort (by_id, compare_listed_by_id);
      sorted = by_id;
    }
  if (!load_events_people (self, sorted, cache, count_sources, error))
    return FALSE;
  if (!in_order)
    g_array_sort (listed, compare_listed_by_date);

  g_ptr_array_set_size (events, 0);
  for (guint i = 0; i < listed->len; i++)
    g_ptr_array_add (events, g_steal_pointer (&g_array_index (listed, ListedEvent, i).event));
  return TRUE;
}

/* Checks and reads @filter's parts (names, dates, kind) as every event listing does, so all fail
 * alike on the same mistake. */
static gboolean
parse_event_filter (const RasdEventFilter  *filter,
                    NameQuery              *person,
                    NameQuery              *place,
                    gint64                 *from_day,
                    gint64                 *to_day,
                    GError                **error)
{
  if (filter->person != NULL && !name_query_init (person, "person", filter->person, error))
    return FALSE;
  if (filter->place != NULL && !name_query_init (place, "place", filter->place, error))
    return FALSE;
  if (filter->from != NULL && !parse_filter_date ("--from", filter->from, FALSE, from_day, error))
    return FALSE;
  if (filter->to != NULL && !parse_filter_date ("--to", filter->to, TRUE, to_day, error))
    return FALSE;
  if (filter->kind != NULL && !g_strv_contains (event_kinds, filter->kind))
    {
      g_autofree char *kinds = g_strjoinv (", ", (char **) event_kinds);

      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "unknown event kind “%s” (one of %s)", filter->kind, kinds);
      return FALSE;
    }
  return TRUE;
}

/* The entity ids @filter's person and place names stand for (NULL for a part not given);
 * *@none when a name given matches no entity, so no event can match. */
static gboolean
filter_entities (RasdStore              *self,
                 const RasdEventFilter  *filter,
                 NameQuery              *person,
                 NameQuery              *place,
                 GArray                **people,
                 GArray                **places,
                 gboolean               *none,
                 GError                **error)
{
  *none = FALSE;
  if (filter->person != NULL)
    {
      if ((*people = matching_entities (self, person, FALSE, error)) == NULL)
        return FALSE;
      *none = (*people)->len == 0;
    }
  if (filter->place != NULL && !*none)
    {
      if ((*places = matching_entities (self, place, TRUE, error)) == NULL)
        return FALSE;
      *none = (*places)->len == 0;
    }
  return TRUE;
}

static GPtrArray *
list_events (RasdStore              *self,
             const RasdEventFilter  *filter,
             gboolean                details,
             GError                **error)
{
  static const RasdEventFilter no_filter = { NULL };
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_event_free);
  g_autoptr(GArray) people = NULL;
  g_autoptr(GArray) places = NULL;
  g_auto(NameQuery) person = { 0 };
  g_auto(NameQuery) place = { 0 };
  g_autofree char *match = NULL;
  g_auto(EntityCache) cache = { NULL };
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (ListedEvent));
  gboolean in_order;
  gint64 from_day = 0, to_day = 0;
  gboolean none;

  g_array_set_clear_func (listed, clear_listed_event);
  if (filter == NULL)
    filter = &no_filter;

  if (!parse_event_filter (filter, &person, &place, &from_day, &to_day, error))
    return NULL;

  if (filter->text != NULL)
    {
      /* escaped: any text is a safe query; nothing to search for matches nothing */
      match = rasd_fts_query_from_user (filter->text);
      if (match == NULL)
        return g_steal_pointer (&events);
    }

  /* Names are matched on the entities (thousands, not a million events) first. */
  if (!filter_entities (self, filter, &person, &place, &people, &places, &none, error))
    return NULL;
  if (none)
    return g_steal_pointer (&events);

  if (!entity_cache_init (self, &cache, error))
    return NULL;

  if (filter->limit == 0)
    {
      /* All of them, sorted here: by id for the people, then by date (unknown last). */
      if (!list_events_part (self, filter, people, places, from_day, to_day, TRUE, TRUE, 0,
                             match, 0, &cache, listed, error))
        return NULL;
      g_array_sort (listed, compare_listed_by_id);
      in_order = FALSE;
    }
  else
    {
      /* By date, then the events of unknown date (which no date range matches). */
      if (!list_events_part (self, filter, people, places, from_day, to_day, TRUE, FALSE,
                             filter->limit, match, 0, &cache, listed, error))
        return NULL;
      if (filter->from == NULL && filter->to == NULL && listed->len < filter->limit &&
          !list_events_part (self, filter, people, places, from_day, to_day, FALSE, FALSE,
                             filter->limit - listed->len, match, 0, &cache, listed, error))
        return NULL;
      in_order = TRUE;
    }
  if (!listed_to_events (self, listed, in_order, &cache, !details, events, error))
    return NULL;

  if (details && !load_events_details (self, events, error))
    return NULL;
  return g_steal_pointer (&events);
}

GPtrArray *
rasd_store_list_events (RasdStore              *self,
                        const RasdEventFilter  *filter,
                        GError                **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_events (self, filter, TRUE, error);
}

GPtrArray *
rasd_store_list_event_summaries (RasdStore              *self,
                                 const RasdEventFilter  *filter,
                                 GError                **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_events (self, filter, FALSE, error);
}

RasdStoredEvent *
rasd_store_get_event (RasdStore  *self,
                      gint64      id,
                      GError    **error)
{
  static const RasdEventFilter no_filter = { NULL };
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_event_free);
  g_auto(EntityCache) cache = { NULL };

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id <= 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "no event with id %" G_GINT64_FORMAT, id);
      return NULL;
    }
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (ListedEvent));

  g_array_set_clear_func (listed, clear_listed_event);
  if (!entity_cache_init (self, &cache, error) ||
      !list_events_part (self, &no_filter, NULL, NULL, 0, 0, TRUE, TRUE, 0, NULL, id, &cache,
                         listed, error) ||
      !listed_to_events (self, listed, TRUE, &cache, FALSE, events, error))
    return NULL;
  if (events->len == 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED,
                   "no event with id %" G_GINT64_FORMAT " (deleted by a re-extraction?)", id);
      return NULL;
    }
  if (!load_events_details (self, events, error))
    return NULL;
  return g_ptr_array_steal_index (events, 0);
}


/* Excerpts */

/* Schema 5 keeps an excerpt's event citation in "excerpts.event_citation" (JSON: kind, who,
 * where, when), so an excerpt whose event a re-extraction replaced (event_id ON DELETE SET NULL)
 * keeps it; a database opened at an older version (tests of migrations) has no such column, and
 * the live event is read instead. */
static gboolean
excerpts_have_citation_column (RasdStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM pragma_table_info ('excerpts')"
                                    " WHERE name = 'event_citation'", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  return found;
}

static gboolean
prepare_excerpt_sql (RasdStore     *self,
                     const char    *sql,
                     sqlite3_stmt **stmt,
                     GError       **error)
{
  if (sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, "preparing an excerpt query");
  return TRUE;
}

static char *
event_citation_to_json (RasdExcerpt *excerpt)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *names[] = { "kind", "who", "where", "when" };
  const char *values[] = {
    rasd_excerpt_get_event_kind (excerpt), rasd_excerpt_get_event_who (excerpt),
    rasd_excerpt_get_event_where (excerpt), rasd_excerpt_get_event_when (excerpt),
  };

  if (!rasd_excerpt_has_event (excerpt))
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (values[i] != NULL)
      {
        json_builder_set_member_name (builder, names[i]);
        json_builder_add_string_value (builder, values[i]);
      }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
event_citation_from_json (RasdExcerpt *excerpt,
                          const char  *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  rasd_excerpt_set_event_citation (excerpt,
                                   json_object_get_string_member_with_default (object, "kind", NULL),
                                   json_object_get_string_member_with_default (object, "who", NULL),
                                   json_object_get_string_member_with_default (object, "where", NULL),
                                   json_object_get_string_member_with_default (object, "when", NULL));
}

/* Kind, date, place name and participants (joined with "، ") of the event @event_id. */
#define EXCERPT_EVENT_COLUMNS \
  "ev.kind, ev.date, pl.name," \
  " (SELECT group_concat (name, '، ') FROM (SELECT en.name FROM event_participants ep" \
  "   JOIN entities en ON en.id = ep.entity_id WHERE ep.event_id = ev.id ORDER BY en.id))"

static const char excerpt_select_sql[] =
  "SELECT x.id, x.article_id, x.event_id, x.start, x.end, x.text, x.note, x.position,"
  "       x.created_at, a.title, a.source, a.date_publish, a.url, " EXCERPT_EVENT_COLUMNS ", %s"
  " FROM excerpts x JOIN articles a ON a.id = x.article_id"
  " LEFT JOIN events ev ON ev.id = x.event_id"
  " LEFT JOIN entities pl ON pl.id = ev.place_id";

static RasdExcerpt *
excerpt_from_row (sqlite3_stmt *stmt)
{
  RasdExcerpt *excerpt = rasd_excerpt_new ();

  rasd_excerpt_set_id (excerpt, sqlite3_column_int64 (stmt, 0));
  rasd_excerpt_set_article_id (excerpt, sqlite3_column_int64 (stmt, 1));
  rasd_excerpt_set_event_id (excerpt, sqlite3_column_int64 (stmt, 2));
  rasd_excerpt_set_range (excerpt, sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4));
  rasd_excerpt_set_text (excerpt, column_text (stmt, 5));
  rasd_excerpt_set_note (excerpt, column_text (stmt, 6));
  rasd_excerpt_set_position (excerpt, sqlite3_column_double (stmt, 7));
  rasd_excerpt_set_created_at (excerpt, sqlite3_column_int64 (stmt, 8));
  rasd_excerpt_set_article_citation (excerpt, column_text (stmt, 9), column_text (stmt, 10),
                                     column_text (stmt, 11), column_text (stmt, 12));
  /* The citation kept with the excerpt wins: it is what was cited, whatever became of the event. */
  if (column_text (stmt, 17) != NULL)
    event_citation_from_json (excerpt, column_text (stmt, 17));
  else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    rasd_excerpt_set_event_citation (excerpt, column_text (stmt, 13), column_text (stmt, 16),
                                     column_text (stmt, 15), column_text (stmt, 14));
  return excerpt;
}

static GPtrArray *
query_excerpts (RasdStore   *self,
                const char  *where,
                gint64       id,
                GError     **error)
{
  g_autoptr(GPtrArray) excerpts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  int rc;

  select = g_strdup_printf (excerpt_select_sql,
                            excerpts_have_citation_column (self) ? "x.event_citation" : "NULL");
  sql = g_strconcat (select, " ", where, " ORDER BY x.position, x.id", NULL);
  if (!prepare_excerpt_sql (self, sql, &stmt, error))
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (excerpts, excerpt_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "reading the excerpts");
      return NULL;
    }
  return g_steal_pointer (&excerpts);
}

GPtrArray *
rasd_store_list_excerpts (RasdStore  *self,
                          GError    **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return query_excerpts (self, "", 0, error);
}

RasdExcerpt *
rasd_store_get_excerpt (RasdStore  *self,
                        gint64      id,
                        GError    **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((found = query_excerpts (self, "WHERE x.id = ?1", id, error)) == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "%s: no excerpt with id %" G_GINT64_FORMAT,
                   self->path, id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

static gboolean
step_done (RasdStore     *self,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (self, error, doing);
  return TRUE;
}

/* Inserts @excerpt as it is (id 0: a new id), with its event citation when the schema keeps it. */
static gint64
insert_excerpt (RasdStore    *self,
                RasdExcerpt  *excerpt,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *citation = NULL;
  gboolean keep_citation = excerpts_have_citation_column (self);
  const char *sql = keep_citation
    ? "INSERT INTO excerpts (id, article_id, event_id, start, end, text, note, position, created_at,"
      " event_citation) VALUES (?1, ?2, (SELECT id FROM events WHERE id = ?3), ?4, ?5, ?6, ?7, ?8,"
      " ?9, ?10)"
    : "INSERT INTO excerpts (id, article_id, event_id, start, end, text, note, position, created_at)"
      " VALUES (?1, ?2, (SELECT id FROM events WHERE id = ?3), ?4, ?5, ?6, ?7, ?8, ?9)";

  if (!prepare_excerpt_sql (self, sql, &stmt, error))
    return 0;
  if (rasd_excerpt_get_id (excerpt) != 0)
    sqlite3_bind_int64 (stmt, 1, rasd_excerpt_get_id (excerpt));
  sqlite3_bind_int64 (stmt, 2, rasd_excerpt_get_article_id (excerpt));
  if (rasd_excerpt_get_event_id (excerpt) != 0)
    sqlite3_bind_int64 (stmt, 3, rasd_excerpt_get_event_id (excerpt));
  sqlite3_bind_int64 (stmt, 4, rasd_excerpt_get_start (excerpt));
  sqlite3_bind_int64 (stmt, 5, rasd_excerpt_get_end (excerpt));
  sqlite3_bind_text (stmt, 6, rasd_excerpt_get_text (excerpt), -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 7, rasd_excerpt_get_note (excerpt));
  sqlite3_bind_double (stmt, 8, rasd_excerpt_get_position (excerpt));
  sqlite3_bind_int64 (stmt, 9, rasd_excerpt_get_created_at (excerpt));
  if (keep_citation && (citation = event_citation_to_json (excerpt)) != NULL)
    sqlite3_bind_text (stmt, 10, citation, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, "storing an excerpt", error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static double
next_excerpt_position (RasdStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double position = 1.0;

  if (sqlite3_prepare_v2 (self->db, "SELECT max (position) FROM excerpts", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    position = floor (sqlite3_column_double (stmt, 0)) + 1.0;
  return position;
}

gint64
rasd_store_add_excerpt (RasdStore   *self,
                        gint64       article_id,
                        gint64       start,
                        gint64       end,
                        gint64       event_id,
                        const char  *note,
                        GError     **error)
{
  g_autoptr(RasdArticle) article = NULL;
  g_autoptr(RasdExcerpt) excerpt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *text, *from, *to;
  glong length;

  g_return_val_if_fail (RASD_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if ((article = rasd_store_get_article (self, article_id, error)) == NULL)
    return 0;
  text = rasd_article_get_text (article);
  length = g_utf8_strlen (text, -1);
  if (start < 0 || end > length || start >= end)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "%s: the range %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " is not a non-empty "
                   "range of article %" G_GINT64_FORMAT ", which has %ld characters",
                   self->path, start, end, article_id, length);
      return 0;
    }
  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (from, end - start);

  excerpt = rasd_excerpt_new ();
  rasd_excerpt_set_article_id (excerpt, article_id);
  rasd_excerpt_set_range (excerpt, start, end);
  {
    g_autofree char *slice = g_strndup (from, to - from);
    rasd_excerpt_set_text (excerpt, slice);
  }
  rasd_excerpt_set_note (excerpt, note);
  rasd_excerpt_set_position (excerpt, next_excerpt_position (self));
  rasd_excerpt_set_created_at (excerpt, g_get_real_time () / G_USEC_PER_SEC);

  if (event_id != 0)
    {
      int rc;

      if (!prepare_excerpt_sql (self,
                                "SELECT " EXCERPT_EVENT_COLUMNS " FROM events ev"
                                " LEFT JOIN entities pl ON pl.id = ev.place_id WHERE ev.id = ?1",
                                &stmt, error))
        return 0;
      sqlite3_bind_int64 (stmt, 1, event_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED,
                       "%s: no event with id %" G_GINT64_FORMAT, self->path, event_id);
          return 0;
        }
      if (rc != SQLITE_ROW)
        return set_sqlite_error (self, error, "reading an excerpt's event");
      rasd_excerpt_set_event_id (excerpt, event_id);
      rasd_excerpt_set_event_citation (excerpt, column_text (stmt, 0), column_text (stmt, 3),
                                       column_text (stmt, 2), column_text (stmt, 1));
    }

  return insert_excerpt (self, excerpt, error);
}

GArray *
rasd_store_add_excerpts_from_event (RasdStore  *self,
                                    gint64      event_id,
                                    gint64      article_id,
                                    GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare_excerpt_sql (self, "SELECT 1 FROM events WHERE id = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED,
                     "%s: no event with id %" G_GINT64_FORMAT, self->path, event_id);
      else
        set_sqlite_error (self, error, "reading an event");
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Spans already in the basket are not added twice (a second click does nothing). */
  if (!prepare_excerpt_sql (self,
                            "SELECT v.article_id, v.start, v.end FROM evidence v"
                            " WHERE v.event_id = ?1 AND (?2 = 0 OR v.article_id = ?2)"
                            "  AND NOT EXISTS (SELECT 1 FROM excerpts x WHERE x.article_id ="
                            "   v.article_id AND x.start = v.start AND x.end = v.end)"
                            " ORDER BY v.article_id, v.start",
                            &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RasdStoredEvidence span = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
      };
      if (span.start < span.end)
        g_array_append_val (spans, span);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "reading an event's evidence");
      return NULL;
    }

  if (!rasd_store_savepoint (self, error))
    return NULL;
  for (guint i = 0; i < spans->len; i++)
    {
      RasdStoredEvidence *span = &g_array_index (spans, RasdStoredEvidence, i);
      gint64 id = rasd_store_add_excerpt (self, span->article_id, span->start, span->end, event_id,
                                          NULL, error);
      if (id == 0)
        {
          rasd_store_rollback_to (self);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  if (!rasd_store_release (self, error))
    {
      rasd_store_rollback_to (self);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
excerpt_changed (RasdStore  *self,
                 gint64      id,
                 GError    **error)
{
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "%s: no excerpt with id %" G_GINT64_FORMAT,
                   self->path, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rasd_store_set_excerpt_note (RasdStore   *self,
                             gint64       id,
                             const char  *note,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare_excerpt_sql (self, "UPDATE excerpts SET note = ?2 WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text_or_null (stmt, 2, note != NULL && *note != '\0' ? note : NULL);
  return step_done (self, stmt, "saving an excerpt's note", error) && excerpt_changed (self, id, error);
}

static gboolean
set_excerpt_position (RasdStore  *self,
                      gint64      id,
                      double      position,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!prepare_excerpt_sql (self, "UPDATE excerpts SET position = ?2 WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_double (stmt, 2, position);
  return step_done (self, stmt, "moving an excerpt", error) && excerpt_changed (self, id, error);
}

gboolean
rasd_store_move_excerpt (RasdStore  *self,
                         gint64      id,
                         guint       index,
                         GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;
  double before, after, position;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The others, in basket order: the excerpt goes between the (index - 1)th and the index-th. */
  if (!prepare_excerpt_sql (self, "SELECT id, position FROM excerpts ORDER BY position, id", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);
      double p = sqlite3_column_double (stmt, 1);

      if (other == id)
        {
          found = TRUE;
          continue;
        }
      g_array_append_val (ids, other);
      g_array_append_val (positions, p);
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, "reading the excerpts' order");
  if (!found)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "%s: no excerpt with id %" G_GINT64_FORMAT,
                   self->path, id);
      return FALSE;
    }
  index = MIN (index, ids->len);

  before = index > 0 ? g_array_index (positions, double, index - 1) : 0.0;
  after = index < ids->len ? g_array_index (positions, double, index) : before + 2.0;
  if (index == 0 && ids->len > 0)
    before = after - 2.0;
  position = (before + after) / 2.0;
  if (position > before && position < after)
    return set_excerpt_position (self, id, position, error);

  /* No room left between the two (after many moves): number them all again, 1, 2, 3... */
  g_array_insert_val (ids, index, id);
  if (!rasd_store_savepoint (self, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!set_excerpt_position (self, g_array_index (ids, gint64, i), i + 1.0, error))
      {
        rasd_store_rollback_to (self);
        return FALSE;
      }
  if (!rasd_store_release (self, error))
    {
      rasd_store_rollback_to (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
rasd_store_remove_excerpt (RasdStore  *self,
                           gint64      id,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare_excerpt_sql (self, "DELETE FROM excerpts WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, "removing an excerpt", error) && excerpt_changed (self, id, error);
}

gboolean
rasd_store_restore_excerpt (RasdStore    *self,
                            RasdExcerpt  *excerpt,
                            GError      **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RASD_IS_EXCERPT (excerpt), FALSE);
  g_return_val_if_fail (rasd_excerpt_get_id (excerpt) != 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return insert_excerpt (self, excerpt, error) != 0;
}

/* Explorer queries */

void
rasd_stored_mention_free (RasdStoredMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->key);
  g_free (mention->name);
  g_free (mention);
}

GPtrArray *
rasd_store_list_mentions (RasdStore  *self,
                          gint64      article_id,
                          GError    **error)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_mention_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT m.kind, m.start, m.end, e.key, coalesce (e.name, m.value)"
                          " FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id"
                          " WHERE m.article_id = ?1 ORDER BY m.start, m.end",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, "preparing the mention query");
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = column_text (stmt, 0);
      RasdStoredMention *mention = g_new0 (RasdStoredMention, 1);

      if (g_strcmp0 (kind, "person") == 0)
        mention->kind = RASD_MENTION_PERSON;
      else if (g_strcmp0 (kind, "place") == 0)
        mention->kind = RASD_MENTION_PLACE;
      else if (g_strcmp0 (kind, "organisation") == 0)
        mention->kind = RASD_MENTION_ORGANISATION;
      else
        mention->kind = RASD_MENTION_DATE;
      mention->start = sqlite3_column_int64 (stmt, 1);
      mention->end = sqlite3_column_int64 (stmt, 2);
      mention->key = g_strdup (column_text (stmt, 3));
      mention->name = g_strdup (column_text (stmt, 4));
      g_ptr_array_add (mentions, mention);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "reading an article's mentions");
      return NULL;
    }
  return g_steal_pointer (&mentions);
}

static GArray *
list_ids (RasdStore   *self,
          const char  *sql,
          const char  *text,
          gint64       id,
          const char  *doing,
          GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, doing);
      return NULL;
    }
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, doing);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
rasd_store_list_article_events (RasdStore  *self,
                                gint64      article_id,
                                GError    **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_ids (self, "SELECT event_id FROM event_sources WHERE article_id = ?1 ORDER BY event_id",
                   NULL, article_id, "listing an article's events", error);
}

GArray *
rasd_store_search_event_ids (RasdStore   *self,
                             const char  *user_query,
                             GError     **error)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (user_query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  match = rasd_fts_query_from_user (user_query);
  if (match == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return list_ids (self,
                   "SELECT DISTINCT s.event_id FROM event_sources s"
                   " WHERE s.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1)"
                   " ORDER BY s.event_id",
                   match, 0, "searching the events' articles", error);
}

void
rasd_facet_count_free (RasdFacetCount *count)
{
  if (count == NULL)
    return;
  g_free (count->key);
  g_free (count->name);
  g_free (count->name_en);
  g_free (count);
}

static RasdFacetCount *
facet_count_add (GHashTable *counts,
                 GPtrArray  *order,
                 const char *key,
                 const char *name,
                 const char *name_en,
                 guint       n)
{
  RasdFacetCount *count = g_hash_table_lookup (counts, key);

  if (count == NULL)
    {
      count = g_new0 (RasdFacetCount, 1);
      count->key = g_strdup (key);
      count->name = g_strdup (name);
      count->name_en = g_strdup (name_en);
      g_hash_table_insert (counts, count->key, count);
      g_ptr_array_add (order, count);
    }
  count->count += n;
  return count;
}

static int
compare_facet_counts (gconstpointer a,
                      gconstpointer b)
{
  const RasdFacetCount *x = *(RasdFacetCount * const *) a;
  const RasdFacetCount *y = *(RasdFacetCount * const *) b;
  int cmp;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if ((cmp = g_utf8_collate (x->name, y->name)) != 0)
    return cmp;
  return strcmp (x->key, y->key);  /* namesakes: a stable order */
}

/* Adds the counts of @by_entity (RasdStoredPerson* or RasdStoredPlace* → count) to a list, then
 * sorts it. */
static GPtrArray *
facet_counts_from (GHashTable *by_entity,
                   gboolean    place)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *order = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_facet_count_free);
  GHashTableIter iter;
  gpointer entity, n;

  g_hash_table_iter_init (&iter, by_entity);
  while (g_hash_table_iter_next (&iter, &entity, &n))
    {
      if (!place)
        {
          const RasdStoredPerson *person = entity;
          facet_count_add (counts, order, person->key, person->name, person->name_en,
                           GPOINTER_TO_UINT (n));
        }
      else
        {
          const RasdStoredPlace *p = entity;
          facet_count_add (counts, order, p->key, p->name, p->name_en, GPOINTER_TO_UINT (n));
        }
    }
  g_ptr_array_sort (order, compare_facet_counts);
  return order;
}

static inline void
count_entity (GHashTable *by_entity,
              gpointer    entity)
{
  g_hash_table_insert (by_entity, entity,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_entity, entity)) + 1));
}

void
rasd_store_count_facets (GPtrArray  *events,
                         GPtrArray **people,
                         GPtrArray **places,
                         GPtrArray **kinds)
{
  g_autoptr(GHashTable) by_person = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_place = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) kind_counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kind_order = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_facet_count_free);
  RasdFacetCount *last_kind = NULL;

  g_return_if_fail (events != NULL);

  /* People and places are shared between the events of a listing: counted by struct (no string
   * hashing per event), then merged by key (events built elsewhere may not share).  One pass
   * over the events for all three: at 100,000 events, reading them costs more than counting. */
  for (guint i = 0; i < events->len; i++)
    {
      const RasdStoredEvent *event = g_ptr_array_index (events, i);

      if (people != NULL)
        for (guint j = 0; event->participants != NULL && j < event->participants->len; j++)
          count_entity (by_person, g_ptr_array_index (event->participants, j));
      if (places != NULL && event->place != NULL)
        count_entity (by_place, event->place);
      if (kinds != NULL)
        {
          /* Runs of one kind are common: no lookup for them. */
          if (last_kind != NULL && g_strcmp0 (last_kind->key, event->kind) == 0)
            last_kind->count++;
          else
            last_kind = facet_count_add (kind_counts, kind_order, event->kind, event->kind, NULL, 1);
        }
    }
  if (people != NULL)
    *people = facet_counts_from (by_person, FALSE);
  if (places != NULL)
    *places = facet_counts_from (by_place, TRUE);
  if (kinds != NULL)
    {
      g_ptr_array_sort (kind_order, compare_facet_counts);
      *kinds = g_steal_pointer (&kind_order);
    }
}

GPtrArray *
rasd_store_count_facet (GPtrArray *events,
                        RasdFacet  facet)
{
  GPtrArray *counts = NULL;

  g_return_val_if_fail (events != NULL, NULL);

  switch (facet)
    {
    case RASD_FACET_PERSON:
      rasd_store_count_facets (events, &counts, NULL, NULL);
      break;
    case RASD_FACET_PLACE:
      rasd_store_count_facets (events, NULL, &counts, NULL);
      break;
    case RASD_FACET_KIND:
      rasd_store_count_facets (events, NULL, NULL, &counts);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return counts;
}

/* The explorer at scale: marks ---------------------------------------------------------------- */

/* GLib's Julian day of 1970-01-01: events.day counts days from there. */
#define UNIX_EPOCH_JULIAN 719163

static guint8
kind_index (const char *kind)
{
  for (guint8 i = 0; kind != NULL && event_kinds[i] != NULL; i++)
    if (strcmp (kind, event_kinds[i]) == 0)
      return i;
  return RASD_EVENT_KIND_OTHER;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_marks_by_id (gconstpointer a,
                     gconstpointer b)
{
  const RasdEventMark *x = a, *y = b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* Appends the marks of the events matching the filter with a known date (@dated), by day then
 * id, or without one, by id.  The rows come in day order from an index (person: (entity_id,
 * day, event_id); place: (place_id, day, ...); else (day, ...)), so only the events of one day
 * are sorted here.  @text_ids: the ids the text filter allows (sorted), or NULL. */
static gboolean
list_marks_part (RasdStore              *self,
                 const RasdEventFilter  *filter,
                 GArray                 *people,
                 GArray                 *places,
                 gint64                  from_day,
                 gint64                  to_day,
                 gboolean                dated,
                 GArray                 *text_ids,
                 GArray                 *marks,
                 GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *day = people != NULL ? "ep.day" : "ev.day";
  const char *id = people != NULL ? "ep.event_id" : "ev.id";
  guint run_start = marks->len;
  gint64 run_day = G_MININT64;
  /* A person's rows carry their event's marks (schema 7): no row of events is read. */
  const char *ev = people != NULL ? "ep" : "ev";
  int rc;

  g_string_append_printf (sql, "SELECT %s %s, %s, %s.day_end, %s.kind, %s.place_id",
                          people != NULL && people->len > 1 ? "DISTINCT" : "", id, day, ev, ev, ev);
  if (people != NULL)
    g_string_append (sql, " FROM event_participants ep");
  else
    g_string_append (sql, " FROM events ev");
  g_string_append_printf (sql, " WHERE %s IS %s", day, dated ? "NOT NULL" : "NULL");
  if (people != NULL)
    {
      g_string_append (sql, " AND ep.entity_id IN ");
      append_id_list (sql, people);
    }
  if (places != NULL)
    {
      g_string_append_printf (sql, " AND %s.place_id IN ", ev);
      append_id_list (sql, places);
    }
  if (filter->from != NULL)
    g_string_append_printf (sql, " AND %s >= ?%d AND %s.day_end >= ?%d",
                            day, PARAM_FROM_FIRST, ev, PARAM_FROM);
  if (filter->to != NULL)
    g_string_append_printf (sql, " AND %s <= ?%d", day, PARAM_TO);
  if (filter->kind != NULL)
    g_string_append_printf (sql, " AND %s.kind = ?%d", ev, PARAM_KIND);
  if (dated)
    g_string_append_printf (sql, " ORDER BY %s", day);
  else
    g_string_append_printf (sql, " ORDER BY %s", id);

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, "preparing the event marks query");
  if (filter->from != NULL)
    {
      sqlite3_bind_int64 (stmt, PARAM_FROM_FIRST, from_day - MAX_EVENT_DAYS);
      sqlite3_bind_int64 (stmt, PARAM_FROM, from_day);
    }
  if (filter->to != NULL)
    sqlite3_bind_int64 (stmt, PARAM_TO, to_day);
  if (filter->kind != NULL)
    sqlite3_bind_text (stmt, PARAM_KIND, filter->kind, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RasdEventMark mark = { 0, };
      const char *kind;

      mark.id = sqlite3_column_int64 (stmt, 0);
      if (text_ids != NULL &&
          bsearch (&mark.id, text_ids->data, text_ids->len, sizeof (gint64), compare_gint64) == NULL)
        continue;
      if (dated)
        {
          gint64 first = sqlite3_column_int64 (stmt, 1);
          gint64 last = sqlite3_column_type (stmt, 2) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 2)
                                                                      : first;

          /* Rows of one day come in index order: put each day's run in id order. */
          if (first != run_day)
            {
              if (marks->len - run_start > 1)
                qsort (&g_array_index (marks, RasdEventMark, run_start), marks->len - run_start,
                       sizeof (RasdEventMark), compare_marks_by_id);
              run_start = marks->len;
              run_day = first;
            }
          mark.first_day = (guint32) (first + UNIX_EPOCH_JULIAN);
          mark.last_day = (guint32) (MAX (first, last) + UNIX_EPOCH_JULIAN);
        }
      kind = (const char *) sqlite3_column_text (stmt, 3);
      mark.kind = kind_index (kind);
      mark.place_id = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (marks, mark);
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, "listing the events' marks");
  if (dated && marks->len - run_start > 1)
    qsort (&g_array_index (marks, RasdEventMark, run_start), marks->len - run_start,
           sizeof (RasdEventMark), compare_marks_by_id);
  return TRUE;
}

/* Where each event of @marks is in it, by event id: a dense array (ids are INTEGER PRIMARY
 * KEYs, so about as many as the events), G_MAXUINT32 for the events not in @marks. */
typedef struct
{
  guint32 *position;
  gint64   max_id;
} MarkIndex;

static void
mark_index_clear (MarkIndex *index)
{
  g_clear_pointer (&index->position, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MarkIndex, mark_index_clear)

static void
mark_index_init (MarkIndex *index,
                 GArray    *marks)
{
  index->max_id = 0;
  for (guint i = 0; i < marks->len; i++)
    index->max_id = MAX (index->max_id, g_array_index (marks, RasdEventMark, i).id);
  index->position = g_new (guint32, index->max_id + 1);
  memset (index->position, 0xff, (index->max_id + 1) * sizeof (guint32));
  for (guint i = 0; i < marks->len; i++)
    index->position[g_array_index (marks, RasdEventMark, i).id] = i;
}

static inline guint32
mark_index_lookup (const MarkIndex *index,
                   gint64           id)
{
  return id >= 0 && id <= index->max_id ? index->position[id] : G_MAXUINT32;
}

/* The ids of @marks as a JSON array, for "IN (SELECT value FROM json_each (?))". */
static char *
marks_ids_json (GArray *marks)
{
  GString *ids = g_string_sized_new (marks->len * 8 + 2);

  g_string_append_c (ids, '[');
  for (guint i = 0; i < marks->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (marks, RasdEventMark, i).id);
  g_string_append_c (ids, ']');
  return g_string_free (ids, FALSE);
}

/* TRUE when @marks are so large a part of the events that reading a whole table in primary key
 * order beats one search per event. */
static gboolean
marks_worth_a_scan (RasdStore *self,
                    GArray    *marks)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT max (id) FROM events", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  return (gint64) marks->len * 4 >= sqlite3_column_int64 (stmt, 0);
}

/* Per event of @marks, a value read by @scan_sql (event_id, value; all events, by event_id) or
 * @ids_sql (the same for the events of the JSON array ?1): @values[i] for marks[i], left as it
 * was for events without a row. */
static gboolean
read_marks_values (RasdStore   *self,
                   GArray      *marks,
                   const char  *scan_sql,
                   const char  *ids_sql,
                   gint64      *values,
                   const char  *doing,
                   GError     **error)
{
  g_auto(MarkIndex) index = { NULL, };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *ids = NULL;
  gboolean scan = marks_worth_a_scan (self, marks);
  int rc;

  mark_index_init (&index, marks);
  if (sqlite3_prepare_v2 (self->db, scan ? scan_sql : ids_sql, -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error, doing);
  if (!scan)
    {
      ids = marks_ids_json (marks);
      sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 pos = mark_index_lookup (&index, sqlite3_column_int64 (stmt, 0));

      if (pos != G_MAXUINT32)
        values[pos] = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, error, doing);
  return TRUE;
}

typedef struct
{
  gint64  id;
  char   *key;  /* collation key of the case-folded name */
} NamedEntity;

static int
compare_named_entities (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (((const NamedEntity *) a)->key, ((const NamedEntity *) b)->key);
}

static void
named_entity_clear (gpointer data)
{
  g_free (((NamedEntity *) data)->key);
}

/* The rank of each entity of @kind by name (collation of the case-folded name, as the list's
 * string sorter compares), as an array by entity id; 0 for none. */
static guint32 *
rank_entities_by_name (RasdStore   *self,
                       const char  *kind,
                       gint64      *max_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (NamedEntity));
  guint32 *ranks;
  int rc;

  g_array_set_clear_func (named, named_entity_clear);
  *max_id = 0;
  if (sqlite3_prepare_v2 (self->db, "SELECT id, name FROM entities WHERE kind = ?1", -1, &stmt, NULL)
      != SQLITE_OK)
    {
      set_sqlite_error (self, error, "sorting the events by name");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *folded = g_utf8_casefold (column_text (stmt, 1), -1);
      NamedEntity n = { sqlite3_column_int64 (stmt, 0), g_utf8_collate_key (folded, -1) };

      *max_id = MAX (*max_id, n.id);
      g_array_append_val (named, n);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "sorting the events by name");
      return NULL;
    }
  g_array_sort (named, compare_named_entities);
  ranks = g_new0 (guint32, *max_id + 1);
  for (guint i = 0; i < named->len; i++)
    {
      const NamedEntity *n = &g_array_index (named, NamedEntity, i);
      const NamedEntity *before = i > 0 ? &g_array_index (named, NamedEntity, i - 1) : NULL;

      /* Namesakes share a rank, so the date decides between them. */
      ranks[n->id] = before != NULL && strcmp (n->key, before->key) == 0 ? ranks[before->id] : i + 1;
    }
  return ranks;
}

typedef struct
{
  gint64  key;   /* G_MAXINT64: the event lacks it (last) */
  guint32 pos;   /* in date order: breaks ties */
} SortKey;

static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b)
{
  const SortKey *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* Sorts @marks, in date order, by @sort (see rasd_store_list_event_marks()). */
static gboolean
sort_marks (RasdStore           *self,
            GArray              *marks,
            RasdEventSort        sort,
            gboolean             descending,
            const char * const  *kind_order,
            GError             **error)
{
  g_autofree gint64 *values = NULL;
  g_autofree guint32 *ranks = NULL;
  g_autofree SortKey *keys = NULL;
  g_autofree RasdEventMark *sorted = NULL;
  gint64 max_id = 0;
  guint n = marks->len;

  if (n < 2)
    return TRUE;
  if (sort == RASD_EVENT_SORT_DATE)
    {
      guint n_dated = 0;

      if (!descending)
        return TRUE;
      /* Newest first; unknown dates stay last. */
      while (n_dated < n && g_array_index (marks, RasdEventMark, n_dated).first_day != 0)
        n_dated++;
      for (guint i = 0; i < n_dated / 2; i++)
        {
          RasdEventMark tmp = g_array_index (marks, RasdEventMark, i);

          g_array_index (marks, RasdEventMark, i) = g_array_index (marks, RasdEventMark, n_dated - 1 - i);
          g_array_index (marks, RasdEventMark, n_dated - 1 - i) = tmp;
        }
      return TRUE;
    }

  values = g_new0 (gint64, n);
  switch (sort)
    {
    case RASD_EVENT_SORT_KIND:
      {
        gint64 rank_of[G_N_ELEMENTS (event_kinds)];

        for (guint k = 0; event_kinds[k] != NULL; k++)
          {
            rank_of[k] = k;
            for (guint r = 0; kind_order != NULL && kind_order[r] != NULL; r++)
              if (g_str_equal (kind_order[r], event_kinds[k]))
                rank_of[k] = r;
          }
        for (guint i = 0; i < n; i++)
          {
            guint8 kind = g_array_index (marks, RasdEventMark, i).kind;

            values[i] = kind == RASD_EVENT_KIND_OTHER ? (gint64) G_N_ELEMENTS (event_kinds) : rank_of[kind];
          }
      }
      break;
    case RASD_EVENT_SORT_PLACE:
      if ((ranks = rank_entities_by_name (self, "place", &max_id, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          gint64 place = g_array_index (marks, RasdEventMark, i).place_id;

          values[i] = place > 0 && place <= max_id && ranks[place] > 0 ? ranks[place] : G_MAXINT64;
        }
      break;
    case RASD_EVENT_SORT_PARTICIPANTS:
      if ((ranks = rank_entities_by_name (self, "person", &max_id, error)) == NULL)
        return FALSE;
      /* The first participant, as listed: the lowest entity id. */
      if (!read_marks_values (self, marks,
                              "SELECT event_id, min (entity_id) FROM event_participants GROUP BY event_id",
                              "SELECT event_id, min (entity_id) FROM event_participants"
                              " WHERE event_id IN (SELECT value FROM json_each (?1)) GROUP BY event_id",
                              values, "sorting the events by participant", error))
        return FALSE;
      for (guint i = 0; i < n; i++)
        values[i] = values[i] > 0 && values[i] <= max_id && ranks[values[i]] > 0
                    ? ranks[values[i]] : G_MAXINT64;
      break;
    case RASD_EVENT_SORT_SOURCES:
      if (!read_marks_values (self, marks,
                              "SELECT event_id, count (*) FROM event_sources GROUP BY event_id",
                              "SELECT event_id, count (*) FROM event_sources"
                              " WHERE event_id IN (SELECT value FROM json_each (?1)) GROUP BY event_id",
                              values, "sorting the events by sources", error))
        return FALSE;
      break;
    case RASD_EVENT_SORT_DATE:
    default:
      g_assert_not_reached ();
    }

  keys = g_new (SortKey, n);
  for (guint i = 0; i < n; i++)
    {
      keys[i].key = descending && values[i] != G_MAXINT64 ? -values[i] : values[i];
      keys[i].pos = i;
    }
  qsort (keys, n, sizeof (SortKey), compare_sort_keys);
  sorted = g_new (RasdEventMark, n);
  for (guint i = 0; i < n; i++)
    sorted[i] = g_array_index (marks, RasdEventMark, keys[i].pos);
  memcpy (marks->data, sorted, n * sizeof (RasdEventMark));
  return TRUE;
}

GArray *
rasd_store_list_event_marks (RasdStore              *self,
                             const RasdEventFilter  *filter,
                             RasdEventSort           sort,
                             gboolean                descending,
                             const char * const     *kind_order,
                             GError                **error)
{
  static const RasdEventFilter no_filter = { NULL };
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (RasdEventMark));
  g_autoptr(GArray) people = NULL;
  g_autoptr(GArray) places = NULL;
  g_autoptr(GArray) text_ids = NULL;
  g_auto(NameQuery) person = { 0 };
  g_auto(NameQuery) place = { 0 };
  gint64 from_day = 0, to_day = 0;
  gboolean none;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = &no_filter;
  if (!parse_event_filter (filter, &person, &place, &from_day, &to_day, error))
    return NULL;

  if (filter->text != NULL)
    {
      /* The search's own path: its ids, then only those are kept. */
      if ((text_ids = rasd_store_search_event_ids (self, filter->text, error)) == NULL)
        return NULL;
      if (text_ids->len == 0)
        return g_steal_pointer (&marks);
    }
  if (!filter_entities (self, filter, &person, &place, &people, &places, &none, error))
    return NULL;
  if (none)
    return g_steal_pointer (&marks);

  if (!list_marks_part (self, filter, people, places, from_day, to_day, TRUE, text_ids, marks, error))
    return NULL;
  /* No date range matches an unknown date. */
  if (filter->from == NULL && filter->to == NULL &&
      !list_marks_part (self, filter, people, places, from_day, to_day, FALSE, text_ids, marks, error))
    return NULL;
  if (!sort_marks (self, marks, sort, descending, kind_order, error))
    return NULL;
  return g_steal_pointer (&marks);
}

GPtrArray *
rasd_store_list_event_summaries_by_id (RasdStore     *self,
                                       const gint64  *ids,
                                       guint          n_ids,
                                       GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_event_free);
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (ListedEvent));
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) json = g_string_sized_new (n_ids * 8 + 2);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(EntityCache) cache = { NULL };
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (listed, clear_listed_event);
  if (n_ids == 0)
    return g_steal_pointer (&events);
  if (!entity_cache_init (self, &cache, error))
    return NULL;

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  /* Columns as list_events_part() reads them (COL_*), by id. */
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT ev.id, ev.kind, ev.cameo, ev.date, ev.date_precision, ev.role,"
                          "       ev.place_id, ev.day, ev.id"
                          " FROM events ev WHERE ev.id IN (SELECT value FROM json_each (?1))"
                          " ORDER BY ev.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, "preparing the event page query");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, json->str, (int) json->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ListedEvent row = {
        0,
        sqlite3_column_int64 (stmt, COL_ID),
        stored_event_from_row (self, stmt, &cache, error),
      };

      if (row.event == NULL)
        return NULL;
      g_array_append_val (listed, row);
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "reading a page of events");
      return NULL;
    }
  /* In id order already: people and source counts merge with it. */
  if (!listed_to_events (self, listed, TRUE, &cache, TRUE, events, error))
    return NULL;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);
      g_hash_table_insert (by_id, &event->id, event);
    }
  ordered = g_ptr_array_new_full (events->len, (GDestroyNotify) rasd_stored_event_free);
  for (guint i = 0; i < n_ids; i++)
    {
      RasdStoredEvent *event = g_hash_table_lookup (by_id, &ids[i]);

      /* an id given twice gets its event once */
      if (event != NULL && g_hash_table_remove (by_id, &ids[i]))
        g_ptr_array_add (ordered, event);
    }
  g_ptr_array_set_free_func (events, NULL);
  /* Those left (none unless an id came twice) are freed here. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, by_id);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      rasd_stored_event_free (value);
  }
  return g_steal_pointer (&ordered);
}

static gint64
max_entity_id (RasdStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT max (id) FROM entities", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  RasdFacetCount *count;
  char           *collate_key;
} RankedCount;

static int
compare_ranked_counts (gconstpointer a,
                       gconstpointer b)
{
  const RankedCount *x = a, *y = b;
  int cmp;

  if (x->count->count != y->count->count)
    return x->count->count > y->count->count ? -1 : 1;
  if ((cmp = strcmp (x->collate_key, y->collate_key)) != 0)
    return cmp;
  return strcmp (x->count->key, y->count->key);
}

/* RasdFacetCount* of the entities with a count in @counts (by entity id, up to @max_id), their
 * names read by id; ordered as compare_facet_counts() orders, with collation keys made once. */
static GPtrArray *
facet_counts_from_array (RasdStore    *self,
                         const guint  *counts,
                         gint64        max_id,
                         gboolean      place,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedCount));
  GPtrArray *result;

  if (sqlite3_prepare_v2 (self->db, "SELECT key, name, name_en, lat, lon FROM entities WHERE id = ?1",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, "naming the facets");
      return NULL;
    }
  for (gint64 id = 1; id <= max_id; id++)
    {
      RankedCount r;
      int rc;

      if (counts[id] == 0)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        continue;  /* deleted meanwhile */
      if (rc != SQLITE_ROW)
        {
          for (guint i = 0; i < ranked->len; i++)
            {
              rasd_facet_count_free (g_array_index (ranked, RankedCount, i).count);
              g_free (g_array_index (ranked, RankedCount, i).collate_key);
            }
          set_sqlite_error (self, error, "naming the facets");
          return NULL;
        }
      r.count = g_new0 (RasdFacetCount, 1);
      r.count->key = g_strdup (column_text (stmt, 0));
      r.count->name = g_strdup (column_text (stmt, 1));
      r.count->name_en = g_strdup (column_text (stmt, 2));
      r.count->count = counts[id];
      if (place && sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
          sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          r.count->has_coordinates = TRUE;
          r.count->lat = sqlite3_column_double (stmt, 3);
          r.count->lon = sqlite3_column_double (stmt, 4);
        }
      r.collate_key = g_utf8_collate_key (r.count->name != NULL ? r.count->name : "", -1);
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked_counts);
  result = g_ptr_array_new_full (ranked->len, (GDestroyNotify) rasd_facet_count_free);
  for (guint i = 0; i < ranked->len; i++)
    {
      g_ptr_array_add (result, g_array_index (ranked, RankedCount, i).count);
      g_free (g_array_index (ranked, RankedCount, i).collate_key);
    }
  return result;
}

GPtrArray *
rasd_store_count_marks_places (RasdStore  *self,
                               GArray     *marks,
                               GError    **error)
{
  g_autofree guint *counts = NULL;
  gint64 max_id;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (marks != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  max_id = max_entity_id (self);
  counts = g_new0 (guint, max_id + 1);
  for (guint i = 0; i < marks->len; i++)
    {
      gint64 place = g_array_index (marks, RasdEventMark, i).place_id;

      if (place > 0 && place <= max_id)
        counts[place]++;
    }
  return facet_counts_from_array (self, counts, max_id, TRUE, error);
}

GPtrArray *
rasd_store_count_marks_people (RasdStore     *self,
                               GArray        *marks,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree guint *counts = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(MarkIndex) index = { NULL, };
  g_autofree char *ids = NULL;
  gint64 max_id;
  gboolean scan;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (marks != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  max_id = max_entity_id (self);
  counts = g_new0 (guint, max_id + 1);
  if (marks->len == 0)
    return facet_counts_from_array (self, counts, 0, FALSE, error);

  /* A large part of the events: all participants in primary key order, kept when their event is
   * one of @marks; else a search per event. */
  scan = marks_worth_a_scan (self, marks);
  if (scan)
    {
      mark_index_init (&index, marks);
      rc = sqlite3_prepare_v2 (self->db, "SELECT event_id, entity_id FROM event_participants",
                               -1, &stmt, NULL);
    }
  else
    {
      ids = marks_ids_json (marks);
      rc = sqlite3_prepare_v2 (self->db,
                               "SELECT event_id, entity_id FROM event_participants"
                               " WHERE event_id IN (SELECT value FROM json_each (?1))",
                               -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, error, "counting the events' people");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 entity = sqlite3_column_int64 (stmt, 1);

      if (scan && mark_index_lookup (&index, sqlite3_column_int64 (stmt, 0)) == G_MAXUINT32)
        continue;
      if (entity > 0 && entity <= max_id)
        counts[entity]++;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, "counting the events' people");
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return facet_counts_from_array (self, counts, max_id, FALSE, error);
}
