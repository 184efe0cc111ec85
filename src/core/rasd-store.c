#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gstdio.h>

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
  [STMT_SEARCH] =
    "SELECT a.id, a.title, snippet (articles_fts, 1, '[', ']', '…', 16),"
    "       bm25 (articles_fts, 4.0, 1.0) AS rank"
    " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
    " WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2",
};

struct _RasdStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
  int           schema_version;
  guint         savepoint_depth;
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

char *
rasd_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rasd", "rasd.db", NULL);
}

RasdStore *
rasd_store_open_at_version (const char  *path,
                            int          version,
                            GError     **error)
{
  g_autoptr(RasdStore) self = NULL;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= RASD_STORE_SCHEMA_VERSION, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (RASD_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (g_strcmp0 (path, ":memory:") != 0)
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

  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      if (self->db == NULL)
        g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE, "%s: out of memory", path);
      else
        set_sqlite_error (self, error, "opening the database");
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, TRUE);
  /* Another process writing (a second Rasd, a batch import) makes us wait, not fail. */
  sqlite3_busy_timeout (self->db, 10000);

  if (!rasd_fts_register_tokenizer (self->db, error))
    return NULL;

  /* The first statement that reads the file: a file that is not a database fails here. */
  if (!exec_sql (self,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA temp_store = MEMORY;"
                 "PRAGMA cache_size = -32000;",
                 error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

RasdStore *
rasd_store_open (const char  *path,
                 GError     **error)
{
  return rasd_store_open_at_version (path, RASD_STORE_SCHEMA_VERSION, error);
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
