#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "rasd-arabic.h"
#include "rasd-error.h"
#include "rasd-fts.h"
#include "rasd-store-private.h"
#include "rasd-store-schema.h"

/* RasdStore's connection: opening, migrating (the schema's SQL is in schema/), the kept
 * statements, transactions, and the helpers the other parts (rasd-store-*.c) share. */

/* The stored events that may be the same as a new report (see STMT_FIND_EVENT_CANDIDATES):
 * in event_pairs, those of the pair (?1, @b), where @b is a condition on p.b, whose dates
 * overlap the report's range ?2–?3 or are unknown, stored before ?5 and not by the article ?4.
 * Of the dated ones, a year before ?2 is read through the (a, b, day) index: an event's date
 * spans at most a year; their end is in the index too. */
#define PAIR_CANDIDATES(b, union_) \
  "SELECT e.id, e.date, e.date_precision, e.place_id, pl.place_kind, pl.country" \
  " FROM event_pairs p" \
  " JOIN events e ON e.id = p.event_id" \
  " LEFT JOIN entities pl ON pl.id = e.place_id" \
  " WHERE p.a = ?1 AND " b " AND p.day IS NULL AND p.event_id <= ?5" \
  "  AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.article_id = ?4)" \
  " " union_ " " \
  "SELECT e.id, e.date, e.date_precision, e.place_id, pl.place_kind, pl.country" \
  " FROM event_pairs p" \
  " JOIN events e ON e.id = p.event_id" \
  " LEFT JOIN entities pl ON pl.id = e.place_id" \
  " WHERE p.a = ?1 AND " b \
  "  AND p.day >= coalesce (?2 - 366, -2147483648) AND p.day <= coalesce (?3, 2147483647)" \
  "  AND (?2 IS NULL OR p.day_end >= ?2) AND p.event_id <= ?5" \
  "  AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.article_id = ?4)" \
  " ORDER BY 1"

static const char * const statement_sql[N_STMTS] = {
  [STMT_FIND_HASH] = "SELECT id FROM articles WHERE hash = ?1",
  [STMT_INSERT_ARTICLE] =
    "INSERT INTO articles (title, source, url, date_publish, authors, language, path, text, hash,"
    "                      imported_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STMT_INDEX_STORED] =
    "INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles WHERE id = ?1",
  [STMT_INDEX_PENDING] =
    "INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles"
    " WHERE id IN (SELECT value FROM json_each (?1)) ORDER BY id",
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
    "SELECT entity_id FROM entity_articles WHERE article_id = ?1"
    " UNION SELECT ep.entity_id FROM event_sources s"
    "  JOIN event_participants ep ON ep.event_id = s.event_id WHERE s.article_id = ?1"
    " UNION SELECT e.place_id FROM event_sources s"
    "  JOIN events e ON e.id = s.event_id WHERE s.article_id = ?1 AND e.place_id IS NOT NULL",
  [STMT_DELETE_MENTIONS] = "DELETE FROM article_mentions WHERE article_id = ?1",
  [STMT_DELETE_ENTITY_ARTICLES] = "DELETE FROM entity_articles WHERE article_id = ?1",
  [STMT_DELETE_EVIDENCE] = "DELETE FROM evidence WHERE article_id = ?1",
  [STMT_DELETE_SOURCES] = "DELETE FROM event_sources WHERE article_id = ?1",
  [STMT_DELETE_EVENT_IF_ORPHAN] =
    "DELETE FROM events WHERE id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM event_sources WHERE event_id = ?1)",
  /* The event's role is the best of its sources': headline, then background, then planned. */
  [STMT_UPDATE_EVENT_ROLE] =
    "UPDATE events SET role = coalesce ((SELECT role FROM event_sources WHERE event_id = ?1"
    "   ORDER BY " ROLE_RANK ("role") " LIMIT 1),"
    "  role) WHERE id = ?1",
  [STMT_DELETE_ENTITY_IF_ORPHAN] =
    "DELETE FROM entities WHERE id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM entity_articles WHERE entity_id = ?1)"
    " AND NOT EXISTS (SELECT 1 FROM event_participants WHERE entity_id = ?1)"
    " AND NOT EXISTS (SELECT 1 FROM events WHERE place_id = ?1)",
  /* An entity seen again keeps what it has and gains what it lacked; a longer name (the full
   * one) replaces a shorter. */
  [STMT_UPSERT_ENTITY] =
    "INSERT INTO entities (kind, key, name, name_en, place_kind, country, lat, lon, normalized,"
    "                      confidence)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, rasd_name_words (?3, ?4), ?9)"
    " ON CONFLICT (kind, key) DO UPDATE SET"
    "  name = CASE WHEN length (excluded.name) > length (name) THEN excluded.name ELSE name END,"
    "  normalized = rasd_name_words ("
    "    CASE WHEN length (excluded.name) > length (name) THEN excluded.name ELSE name END,"
    "    coalesce (name_en, excluded.name_en)),"
    "  name_en = coalesce (name_en, excluded.name_en),"
    "  place_kind = coalesce (place_kind, excluded.place_kind),"
    "  country = coalesce (country, excluded.country),"
    "  lat = CASE WHEN lat IS NULL THEN excluded.lat ELSE lat END,"
    "  lon = CASE WHEN lat IS NULL THEN excluded.lon ELSE lon END,"
    "  confidence = max (confidence, excluded.confidence)"
    " RETURNING id, rejected, alias_of",
  /* The entity as stored, when STMT_UPSERT_ENTITY would change nothing of it: most entities of
   * an archive are seen again, and a look-up costs a fraction of the upsert. */
  [STMT_FIND_KNOWN_ENTITY] =
    "SELECT id, rejected, alias_of FROM entities WHERE kind = ?1 AND key = ?2"
    " AND length (name) >= length (?3) AND (name_en IS NOT NULL OR ?4 IS NULL)"
    " AND (place_kind IS NOT NULL OR ?5 IS NULL) AND (country IS NOT NULL OR ?6 IS NULL)"
    " AND (lat IS NOT NULL OR ?7 IS NULL) AND confidence >= ?9",
  /* Events of other articles with the same people as a new report, whose date overlaps its
   * one's (for calendar ranges, overlapping is being compatible) or is unknown: for a report of
   * ?1 alone (?6 = 0), his events alone; of ?1 and ?6, theirs.  From event_pairs (schema 10),
   * so a person in thousands of events costs a few index steps.  ?5 is the last event stored
   * before this article's: the events it added itself (all of them its own, so excluded
   * anyway) are not read, or a long article would read them again for every new one. */
  [STMT_FIND_PAIR_CANDIDATES] = PAIR_CANDIDATES ("p.b = ?6", "UNION ALL"),
  /* For a report without a date, whose window is every day: the pair's events (?1, ?2 as
   * above) stored before this article's (?3), which find_same_event() reads in the order of
   * their ids (STMT_CANDIDATE) up to the first that agrees on everything. */
  [STMT_FIND_PAIR_EVENTS] =
    "SELECT event_id FROM event_pairs WHERE a = ?1 AND b = ?2 AND event_id <= ?3",
  /* Event ?1 as a candidate, unless article ?2 reports it already. */
  [STMT_CANDIDATE] =
    "SELECT e.id, e.date, e.date_precision, e.place_id, pl.place_kind, pl.country"
    " FROM events e LEFT JOIN entities pl ON pl.id = e.place_id"
    " WHERE e.id = ?1"
    "  AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id AND s.article_id = ?2)",
  /* For a report of three people or more, ?1 the first (the smallest id) and ?6 the others
   * (JSON): the events of ?1 with one of them at least, compared further in C (see
   * participants_match()).  UNION: an event of ?1 with two of them is read twice. */
  [STMT_FIND_EVENT_CANDIDATES] =
    PAIR_CANDIDATES ("p.b IN (SELECT value FROM json_each (?6))", "UNION"),
  [STMT_MAX_EVENT_ID] = "SELECT coalesce (max (id), 0) FROM events",
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
  [STMT_UPDATE_EVENT_CONFIDENCE] = "UPDATE events SET confidence = " EVENT_CONFIDENCE_SQL " WHERE id = ?1",
  [STMT_ARTICLE_HASH] = "SELECT hash FROM articles WHERE id = ?1",
  [STMT_EVENT_EVIDENCE] =
    "SELECT article_id, start, end FROM evidence WHERE event_id = ?1 ORDER BY article_id, start",
};

G_DEFINE_FINAL_TYPE (RasdStore, rasd_store, G_TYPE_OBJECT)

static void
rasd_store_finalize (GObject *object)
{
  RasdStore *self = (RasdStore *) object;

  rasd_store_stop_background_checkpoints (self);
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->pending_index, g_array_unref);
  g_clear_pointer (&self->statement_cache, g_hash_table_unref);
  g_clear_pointer (&self->correction_articles, g_hash_table_unref);
  g_clear_pointer (&self->correction_entities, g_hash_table_unref);
  g_clear_pointer (&self->correction_events, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (sqlite3_close (self->db) != SQLITE_OK)
        g_warning ("Closing %s: %s", self->path, sqlite3_errmsg (self->db));
      self->db = NULL;
    }
  g_free (self->path);
  g_clear_object (&self->cancellable);

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
  self->pending_index = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/* Another connection holds the lock: wait as sqlite3_busy_timeout() would, up to BUSY_TIMEOUT_MS,
 * but give up at once when the query is cancelled. */
#define BUSY_TIMEOUT_MS 10000

static int
busy_handler (void *data,
              int   n_calls)
{
  static const guint8 delays[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
  RasdStore *self = data;
  guint waited = 0;
  guint delay;

  if (g_cancellable_is_cancelled (self->cancellable))
    return 0;
  for (int i = 0; i < n_calls; i++)
    waited += delays[MIN (i, (int) G_N_ELEMENTS (delays) - 1)];
  if (waited >= BUSY_TIMEOUT_MS)
    return 0;
  delay = MIN (delays[MIN (n_calls, (int) G_N_ELEMENTS (delays) - 1)], BUSY_TIMEOUT_MS - waited);
  g_usleep (delay * 1000);
  return 1;
}

/* Test hook (tests/test-concurrency.c): while the file $RASD_TEST_QUERY_GATE exists, a statement
 * run under a cancellable waits inside SQLite, as a long query would, until it is cancelled or
 * the file is removed; FILE.entered says it is waiting.  No timing in the test that way. */
static void
wait_at_test_gate (RasdStore  *self,
                   const char *gate)
{
  gboolean entered = FALSE;

  while (g_file_test (gate, G_FILE_TEST_EXISTS) && !g_cancellable_is_cancelled (self->cancellable))
    {
      if (!entered)
        {
          g_autofree char *mark = g_strconcat (gate, ".entered", NULL);
          entered = g_file_set_contents (mark, "", 0, NULL);
        }
      g_usleep (2000);
    }
}

static int
progress_handler (void *data)
{
  RasdStore *self = data;
  const char *gate = g_getenv ("RASD_TEST_QUERY_GATE");

  if (G_UNLIKELY (gate != NULL))
    wait_at_test_gate (self, gate);
  return g_cancellable_is_cancelled (self->cancellable);
}

void
rasd_store_set_cancellable (RasdStore    *self,
                            GCancellable *cancellable)
{
  g_return_if_fail (RASD_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
  /* Every few thousand virtual-machine steps: a check costs nothing next to them. */
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, g_getenv ("RASD_TEST_QUERY_GATE") != NULL ? 1 : 4000,
                              progress_handler, self);
  else
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
}

gboolean
rasd_store_get_data_version (RasdStore  *self,
                             gint64     *version,
                             GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  /* A look, not a wait: another process holding the database makes it fail now, and the
   * caller looks again later (the window's thread must not stop for the busy timeout). */
  sqlite3_busy_handler (self->db, NULL, NULL);
  if (sqlite3_prepare_v2 (self->db, "PRAGMA data_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      rasd_store_set_sqlite_error (self, error, "reading the data version");
      sqlite3_busy_handler (self->db, busy_handler, self);
      return FALSE;
    }
  sqlite3_busy_handler (self->db, busy_handler, self);
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Turns the connection's last error into a GError that names the database and what was being
 * done; busy databases get their own code so callers can tell the user to wait. */
gboolean
rasd_store_set_sqlite_error (RasdStore   *self,
                             GError     **error,
                             const char  *doing)
{
  int code = sqlite3_extended_errcode (self->db) & 0xff;

  /* Stopped on purpose (the progress or busy handler below): no failure of the database. */
  if (code == SQLITE_INTERRUPT || g_cancellable_is_cancelled (self->cancellable))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, RASD_ERROR, RASD_ERROR_BUSY,
                 "%s: the database is busy (another Rasd is writing to it); try again when it "
                 "has finished", self->path);
  else
    g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE, "%s: %s: %s",
                 self->path, doing, sqlite3_errmsg (self->db));
  return FALSE;
}

gboolean
rasd_store_exec_sql (RasdStore   *self,
                     const char  *sql,
                     GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, sql);
  return TRUE;
}

sqlite3_stmt *
rasd_store_get_statement (RasdStore       *self,
                          StoreStatement   which,
                          GError         **error)
{
  sqlite3_stmt *stmt = self->stmts[which];

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, statement_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                              &self->stmts[which], NULL) != SQLITE_OK)
        {
          rasd_store_set_sqlite_error (self, error, "preparing a statement");
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

/* The SQL that takes the schema from @version - 1 to @version: schema/N.sql, compiled in as a
 * resource (NUL-terminated, as resources always are).  Each migration runs in order in one
 * transaction, so a database is always at one of these versions and never between two. */
static GBytes *
lookup_migration (int version)
{
  g_autofree char *path = g_strdup_printf ("/io/github/rasd/Rasd/store/schema/%d.sql", version);
  GBytes *sql = g_resource_lookup_data (rasd_store_schema_get_resource (), path,
                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  /* rasd-store-schema.gresource.xml lists one file per version: the build lacks one. */
  if (sql == NULL)
    g_error ("The migration %s is missing from the build", path);
  return sql;
}

static gboolean
bump_schema_version (RasdStore  *self,
                     GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *bump = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA schema_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return rasd_store_set_sqlite_error (self, error, "reading the schema's version");
  bump = g_strdup_printf ("PRAGMA schema_version = %d", sqlite3_column_int (stmt, 0) + 1);
  g_clear_pointer (&stmt, sqlite3_finalize);
  return rasd_store_exec_sql (self, bump, error);
}

static gboolean
migrate (RasdStore  *self,
         int         target,
         GError    **error)
{
  int version;

  /* IMMEDIATE: two processes opening an old database at once migrate it once. */
  if (!rasd_store_exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  version = read_user_version (self);
  if (version < 0)
    {
      rasd_store_set_sqlite_error (self, error, "reading the schema version");
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
      g_autoptr(GBytes) migration = NULL;
      g_autofree char *bump = NULL;

      g_debug ("Migrating %s from schema %d to %d", self->path, version, version + 1);
      migration = lookup_migration (version + 1);
      if (!rasd_store_exec_sql (self, g_bytes_get_data (migration, NULL), error))
        goto fail;
      bump = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!rasd_store_exec_sql (self, bump, error))
        goto fail;
      /* A migration that edits the schema's text (8.sql) must bump its version for this
       * connection to read it again before the next one alters a table (9.sql), and for
       * other connections; after any migration one more bump does no harm. */
      if (!bump_schema_version (self, error))
        goto fail;
    }

  if (!rasd_store_exec_sql (self, "COMMIT", error))
    goto fail;
  self->schema_version = MAX (version, target);
  return TRUE;

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* rasd_name_words (name, name_en): the words names are matched by (see
 * rasd_store_name_to_words), the Arabic name's, then " | " and the English name's; "|" is in no
 * query, so a query never matches across the two. */
static void
name_words_func (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  const char *name_en = (const char *) sqlite3_value_text (argv[1]);
  g_autofree char *words = rasd_store_name_to_words (name != NULL ? name : "");
  char *result;

  if (name_en != NULL && *name_en != '\0')
    {
      g_autofree char *words_en = rasd_store_name_to_words (name_en);
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
                   "%s: the database is busy (another Rasd is writing to it); try again when it "
                   "has finished", path);
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

void
rasd_store_configure_sqlite (void)
{
  static gsize configured = 0;

  if (g_once_init_enter (&configured))
    {
      /* An import's writer allocates about a thousand times per article: without the
       * statistics, callgrind counts 4% fewer instructions on the writer's thread. */
      if (sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0) != SQLITE_OK)
        g_debug ("SQLite was in use before the store: it keeps counting its memory");
      g_once_init_leave (&configured, 1);
    }
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
  sqlite3_busy_handler (self->db, busy_handler, self);
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

  self->fts_replay = rasd_fts_replay_new ();
  if (!rasd_fts_register_tokenizer_with_replay (self->db, self->fts_replay, error))
    {
      self->fts_replay = NULL;  /* freed */
      return NULL;
    }
  if (!rasd_fts_register_rank_function (self->db, "articles_fts", error))
    return NULL;
  if (sqlite3_create_function (self->db, "rasd_name_words", 2,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                               name_words_func, NULL, NULL) != SQLITE_OK)
    {
      rasd_store_set_sqlite_error (self, error, "registering rasd_name_words");
      return NULL;
    }

  /* Temporary data in memory, statement journals included.  Inside an import's transaction,
   * every statement that may fail half-way (a trigger, a foreign key, several rows) keeps the
   * pages it changes in the statement journal; in a file, that was two write calls a page,
   * 330 MB for 1,000 ordinary articles, a quarter of the import.  In memory, SQLite truncates
   * that journal after each statement by walking it from the start, past what the savepoints
   * around the statement keep: so a savepoint must stay small (one ordinary file's; a long
   * file is stored in a transaction of its own, and rasd_store_save_extraction() opens none
   * inside a transaction). */
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
      if (!rasd_store_exec_sql (self, pragma, error))
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

gboolean
rasd_store_needs_upgrade (const char *path,
                          guint      *n_articles)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (n_articles != NULL)
    *n_articles = 0;
  if (g_strcmp0 (path, ":memory:") == 0 || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return FALSE;
    }
  /* another Rasd importing into it holds the lock a moment at a time */
  sqlite3_busy_timeout (db, 2000);
  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (version > 0 && version < RASD_STORE_SCHEMA_VERSION && n_articles != NULL &&
      sqlite3_prepare_v2 (db, "SELECT count(*) FROM articles", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    *n_articles = (guint) MIN (sqlite3_column_int64 (stmt, 0), (gint64) G_MAXUINT);
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return version > 0 && version < RASD_STORE_SCHEMA_VERSION;
}

static void
open_in_thread (GTask        *task,
                gpointer      source,
                gpointer      path,
                GCancellable *cancellable)
{
  GError *error = NULL;
  RasdStore *store = rasd_store_open (path, &error);

  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
rasd_store_open_async (const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rasd_store_open_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  /* an upgrade, once begun, ends or rolls back whole: cancelling only drops the store */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, open_in_thread);
}

RasdStore *
rasd_store_open_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rasd_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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
  if (!rasd_store_exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->index_at_commit = TRUE;
  g_array_set_size (self->pending_index, 0);
  return TRUE;
}

/* Indexes the articles added in this transaction in one statement: FTS5 writes what it holds
 * in memory to a new segment at every statement's savepoint, so a statement per article would
 * make a segment per article and merge them over and over.  Those a savepoint rolled back are
 * no longer stored and are skipped; an id given twice is indexed once (IN is a set). */
static gboolean
index_pending (RasdStore  *self,
               GError    **error)
{
  GArray *ids = self->pending_index;
  g_autoptr(GString) list = g_string_new ("[");
  sqlite3_stmt *stmt;
  int rc;

  if (ids->len == 0)
    {
      rasd_fts_replay_clear (self->fts_replay);
      return TRUE;
    }
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (list, ']');
  if ((stmt = rasd_store_get_statement (self, STMT_INDEX_PENDING, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, list->str, list->len, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    rasd_store_set_sqlite_error (self, error, "indexing the articles for search");
  sqlite3_reset (stmt);
  rasd_fts_replay_clear (self->fts_replay);
  if (rc != SQLITE_DONE)
    return FALSE;
  g_array_set_size (ids, 0);
  return TRUE;
}

void
rasd_store_offer_search_tokens (RasdStore     *self,
                                RasdFtsTokens *tokens)
{
  g_return_if_fail (RASD_IS_STORE (self));
  if (self->fts_replay == NULL)
    rasd_fts_tokens_free (tokens);
  else
    rasd_fts_replay_offer (self->fts_replay, tokens);
}

gboolean
rasd_store_index_article (RasdStore  *self,
                          gint64      id,
                          GError    **error)
{
  gboolean ok;

  if (self->index_at_commit && !sqlite3_get_autocommit (self->db))
    {
      g_array_append_val (self->pending_index, id);
      return TRUE;
    }
  ok = rasd_store_run_with_id (self, STMT_INDEX_STORED, id, "indexing the article for search", error);
  rasd_fts_replay_clear (self->fts_replay);
  return ok;
}

gboolean
rasd_store_commit (RasdStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  if (self->index_at_commit && !index_pending (self, error))
    return FALSE;
  if (!rasd_store_exec_sql (self, "COMMIT", error))
    return FALSE;
  self->index_at_commit = FALSE;
  return TRUE;
}

void
rasd_store_rollback (RasdStore *self)
{
  g_return_if_fail (RASD_IS_STORE (self));
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->savepoint_depth = 0;
  self->index_at_commit = FALSE;
  g_array_set_size (self->pending_index, 0);
  if (self->fts_replay != NULL)
    rasd_fts_replay_clear (self->fts_replay);
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
  if (!rasd_store_exec_sql (self, "SAVEPOINT rasd_file", error))
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
  if (!rasd_store_exec_sql (self, "RELEASE rasd_file", error))
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

void
rasd_store_bind_text_or_null (sqlite3_stmt *stmt,
                              int           index,
                              const char   *value)
{
  if (value != NULL)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

gboolean
rasd_store_user_query (const char  *user_text,
                       char       **match,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *match = rasd_fts_query_from_user_bounded (user_text, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

const char *
rasd_store_column_text (sqlite3_stmt *stmt,
                        int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* A name as the words it is matched by: normalised (rasd_arabic_normalize), split on anything
 * that is not a letter or digit, the article ال dropped from words that remain two letters or
 * more (الأسد and أسد are one name), joined by single spaces.  The same function turns the
 * stored names and the filters' names into words, so the two always agree. */
char *
rasd_store_name_to_words (const char *name)
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
gboolean
rasd_store_date_day_range (const RasdDate *date,
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

gboolean
rasd_store_prepare (RasdStore      *self,
                    const char     *sql,
                    sqlite3_stmt  **stmt,
                    const char     *doing,
                    GError        **error)
{
  if (sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, doing);
  return TRUE;
}

/* Runs a kept statement that takes one id and returns no rows. */
gboolean
rasd_store_run_with_id (RasdStore       *self,
                        StoreStatement   which,
                        gint64           id,
                        const char      *doing,
                        GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = rasd_store_get_statement (self, which, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, doing);
  return TRUE;
}

/* The ids a kept statement taking one id returns in its first column. */
GArray *
rasd_store_ids_with_id (RasdStore       *self,
                        StoreStatement   which,
                        gint64           id,
                        const char      *doing,
                        GError         **error)
{
  sqlite3_stmt *stmt;

  if ((stmt = rasd_store_get_statement (self, which, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return rasd_store_step_ids (self, stmt, doing, error);
}

GArray *
rasd_store_step_ids (RasdStore     *self,
                     sqlite3_stmt  *stmt,
                     const char    *doing,
                     GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, doing);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
rasd_store_step_rows (RasdStore         *self,
                      sqlite3_stmt      *stmt,
                      RasdStoreRowFunc   from_row,
                      GPtrArray         *rows,
                      const char        *doing,
                      GError           **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, doing);
  return TRUE;
}
