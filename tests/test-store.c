#include "config.h"

#include <string.h>

#include "rasd-error.h"
#include "rasd-store.h"
#include "rasd-test-util.h"

static const char *text_a =
  "استقبل الرئيس المصري في القاهرة اليوم وزير الخارجية الروسي، وبحث الجانبان سبل تعزيز التعاون.\n"
  "وأكد الرئيس خلال اللقاء أهمية مواصلة التشاور بين البلدين.";
static const char *text_b =
  "وصل رئيس الوزراء إلى موسكو في زيارة رسمية يلتقي خلالها بوتين لإجراء محادثات حول الطاقة.\n"
  "وقال مصدر إن لقاءه مع الرئيس الروسي سيتناول التجارة.";

static RasdArticle *
make_article (const char *title,
              const char *text,
              const char *date)
{
  RasdArticle *article = rasd_article_new ();

  rasd_article_set_title (article, title);
  rasd_article_set_text (article, text);
  rasd_article_set_date (article, date);
  rasd_article_set_source (article, "example");
  rasd_article_set_url (article, "https://example.invalid/a");
  return article;
}

static gint64
add (RasdStore   *store,
     RasdArticle *article,
     gboolean    *duplicate)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rasd_store_add_article (store, article, duplicate, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
table_exists (RasdStore  *store,
              const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store),
                                       "SELECT 1 FROM sqlite_master WHERE name = ?1", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* main() sets SQLite up as the programs do, so SQLite counts no memory: with the counting on,
 * an open store alone has hundreds of kilobytes counted. */
static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
test_store_memory_not_counted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_memory_used (), ==, 0);
  g_assert_cmpint (sqlite3_memory_highwater (FALSE), ==, 0);
}

static void
test_store_new_database (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "rasd.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rasd_store_get_schema_version (store), ==, RASD_STORE_SCHEMA_VERSION);
  {
    const char *tables[] = { "articles", "articles_fts", "entities", "mentions", "events",
                             "event_participants", "event_sources", "evidence", "excerpts" };
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      g_assert_true (table_exists (store, tables[i]));
  }

  /* WAL and foreign keys are on for every connection. */
  sqlite3_prepare_v2 (rasd_store_get_db (store), "PRAGMA journal_mode", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_prepare_v2 (rasd_store_get_db (store), "PRAGMA foreign_keys", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_clear_object (&store);
  rasd_test_rmtree (dir);
}

/* A database written by the previous schema keeps its articles and gains the new tables. */
static void
test_store_migrate_from_previous (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdArticle) article = make_article ("عنوان", text_a, "2015-07-21");
  g_autoptr(RasdArticle) again = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  gint64 id;

  store = rasd_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rasd_store_get_schema_version (store), ==, 1);
  g_assert_false (table_exists (store, "events"));
  id = add (store, article, NULL);
  g_clear_object (&store);

  store = rasd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rasd_store_get_schema_version (store), ==, RASD_STORE_SCHEMA_VERSION);
  g_assert_true (table_exists (store, "events"));
  g_assert_true (table_exists (store, "excerpts"));
  again = rasd_store_get_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_text (again), ==, text_a);
  hits = rasd_store_search (store, "القاهرة", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);

  g_clear_object (&store);
  rasd_test_rmtree (dir);
}

/* Version 11 keeps an article's mentions in one row: the rows of version 10 come through the
 * migration in text order, with their entities and dates, and a mention of an entity deleted
 * since is gone, as the table's cascade removed it. */
static void
test_store_migrate_mentions (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdArticle) article = make_article ("عنوان", text_a, "2015-07-21");
  g_autoptr(GPtrArray) mentions = NULL;
  g_autofree char *sql = NULL;
  const RasdStoredMention *m;
  gint64 id;

  store = rasd_store_open_at_version (path, 10, &error);
  g_assert_no_error (error);
  id = add (store, article, NULL);
  /* rows out of text order, as an extraction may give them */
  sql = g_strdup_printf ("INSERT INTO entities (id, kind, key, name) VALUES"
                         " (7, 'place', 'place:cairo', 'القاهرة'),"
                         " (8, 'person', 'person:egypt-president', 'الرئيس المصري'),"
                         " (9, 'person', 'name:gone', 'ذاهب');"
                         "INSERT INTO mentions (article_id, entity_id, kind, start, end, value) VALUES"
                         " (%1$" G_GINT64_FORMAT ", 7, 'place', 24, 31, NULL),"
                         " (%1$" G_GINT64_FORMAT ", 8, 'person', 7, 20, NULL),"
                         " (%1$" G_GINT64_FORMAT ", NULL, 'date', 32, 37, '2015-07-21'),"
                         " (%1$" G_GINT64_FORMAT ", 7, 'place', 90, 97, NULL),"
                         " (%1$" G_GINT64_FORMAT ", 9, 'person', 60, 64, NULL),"
                         " (%1$" G_GINT64_FORMAT ", NULL, 'organisation', 40, 50, NULL);",
                         id);
  exec_ok (rasd_store_get_db (store), sql);
  g_clear_object (&store);

  store = rasd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rasd_store_get_schema_version (store), ==, RASD_STORE_SCHEMA_VERSION);
  g_assert_true (table_exists (store, "article_mentions"));
  exec_ok (rasd_store_get_db (store), "DELETE FROM entities WHERE id = 9");
  mentions = rasd_store_list_mentions (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 5);
  m = mentions->pdata[0];
  g_assert_cmpint (m->kind, ==, RASD_MENTION_PERSON);
  g_assert_cmpint (m->start, ==, 7);
  g_assert_cmpint (m->end, ==, 20);
  g_assert_cmpstr (m->key, ==, "person:egypt-president");
  m = mentions->pdata[1];
  g_assert_cmpint (m->kind, ==, RASD_MENTION_PLACE);
  g_assert_cmpstr (m->name, ==, "القاهرة");
  m = mentions->pdata[2];
  g_assert_cmpint (m->kind, ==, RASD_MENTION_DATE);
  g_assert_cmpint (m->start, ==, 32);
  g_assert_cmpstr (m->name, ==, "2015-07-21");
  m = mentions->pdata[3];
  g_assert_cmpint (m->kind, ==, RASD_MENTION_ORGANISATION);
  g_assert_null (m->key);
  m = mentions->pdata[4];
  g_assert_cmpint (m->start, ==, 90);
  g_assert_cmpstr (m->key, ==, "place:cairo");

  /* the entities named, once each; the deleted one's row went with it */
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store),
                                         "SELECT group_concat (entity_id) FROM"
                                         " (SELECT entity_id FROM entity_articles ORDER BY 1)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "7,8");
  }

  g_clear_object (&store);
  rasd_test_rmtree (dir);
}

/* An article's mentions as the store reads them back from its one row: in text order whatever
 * the row's, a date's value with JSON escapes, and a damaged row refused with the database named,
 * not read half. */
static void
test_store_mentions_read (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rasd.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (path, &error);
  g_autoptr(RasdArticle) article = make_article ("عنوان", text_a, "2015-07-21");
  g_autoptr(GPtrArray) mentions = NULL;
  g_autofree char *sql = NULL;
  const RasdStoredMention *m;
  gint64 id;

  g_assert_no_error (error);
  id = add (store, article, NULL);
  sql = g_strdup_printf ("INSERT INTO entities (id, kind, key, name) VALUES (7, 'place', 'place:cairo', 'القاهرة');"
                         "INSERT INTO article_mentions (article_id, data) VALUES (%" G_GINT64_FORMAT ","
                         " '[[\"l\",24,31,7],[\"d\",2,6,null,\"2015-07-\\u0032\\u0031\\\\\\\"\"],[\"o\",40,50]]')",
                         id);
  exec_ok (rasd_store_get_db (store), sql);
  mentions = rasd_store_list_mentions (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mentions->len, ==, 3);
  m = mentions->pdata[0];
  g_assert_cmpint (m->kind, ==, RASD_MENTION_DATE);
  g_assert_cmpint (m->start, ==, 2);
  g_assert_cmpstr (m->name, ==, "2015-07-21\\\"");
  g_assert_null (m->key);
  m = mentions->pdata[1];
  g_assert_cmpint (m->kind, ==, RASD_MENTION_PLACE);
  g_assert_cmpstr (m->key, ==, "place:cairo");
  m = mentions->pdata[2];
  g_assert_cmpint (m->kind, ==, RASD_MENTION_ORGANISATION);
  g_assert_null (m->name);
  g_clear_pointer (&mentions, g_ptr_array_unref);

  /* cut short */
  exec_ok (rasd_store_get_db (store), "UPDATE article_mentions SET data = '[[\"l\",24,31,7],[\"d\",2'");
  mentions = rasd_store_list_mentions (store, id, &error);
  g_assert_null (mentions);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "damaged"));

  g_clear_object (&store);
  rasd_test_rmtree (dir);
}

static void
test_store_newer_schema_refused (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rasd_store_get_db (store), "PRAGMA user_version = 99", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  g_clear_object (&store);

  store = rasd_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, path));

  rasd_test_rmtree (dir);
}

static void
test_store_not_a_database (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  const char garbage[] = "this is a text file, not an SQLite database, and it is long enough.....";

  rasd_test_write_file (path, garbage, sizeof garbage - 1);
  store = rasd_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, path));

  rasd_test_rmtree (dir);
}

/* Whether an open will upgrade first is read without changing the file: only a database an
 * older Rasd wrote needs it; absent, new, current and unreadable files do not. */
static void
test_store_needs_upgrade (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *old = g_build_filename (dir, "old.db", NULL);
  g_autofree char *current = g_build_filename (dir, "current.db", NULL);
  g_autofree char *notes = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *absent = g_build_filename (dir, "absent.db", NULL);
  g_autoptr(GError) error = NULL;
  const char garbage[] = "this is a text file, not an SQLite database, and it is long enough.....";
  guint n_articles = 99;

  {
    g_autoptr(RasdStore) store = rasd_store_open_at_version (old, 10, &error);
    g_autoptr(RasdArticle) a = make_article ("الأول", text_a, "2015-07-21");
    g_autoptr(RasdArticle) b = make_article ("الثاني", text_b, "2015-07-22");

    g_assert_no_error (error);
    add (store, a, NULL);
    add (store, b, NULL);
  }
  {
    g_autoptr(RasdStore) store = rasd_store_open (current, &error);
    g_assert_no_error (error);
  }
  rasd_test_write_file (notes, garbage, sizeof garbage - 1);

  g_assert_true (rasd_store_needs_upgrade (old, &n_articles));
  g_assert_cmpuint (n_articles, ==, 2);
  g_assert_true (rasd_store_needs_upgrade (old, NULL));
  g_assert_false (rasd_store_needs_upgrade (current, &n_articles));
  g_assert_cmpuint (n_articles, ==, 0);
  g_assert_false (rasd_store_needs_upgrade (notes, &n_articles));
  g_assert_false (rasd_store_needs_upgrade (absent, &n_articles));
  g_assert_false (g_file_test (absent, G_FILE_TEST_EXISTS));
  g_assert_false (rasd_store_needs_upgrade (dir, &n_articles));
  g_assert_false (rasd_store_needs_upgrade (":memory:", &n_articles));

  /* asking changed nothing: the open upgrades, and then there is nothing left to do */
  {
    g_autoptr(RasdStore) store = rasd_store_open_at_version (old, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rasd_store_get_schema_version (store), ==, 10);
  }
  {
    g_autoptr(RasdStore) store = rasd_store_open (old, &error);
    g_assert_no_error (error);
  }
  g_assert_false (rasd_store_needs_upgrade (old, &n_articles));

  rasd_test_rmtree (dir);
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static RasdStore *
open_on_thread (const char  *path,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rasd_store_open_async (path, NULL, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return rasd_store_open_finish (result, error);
}

/* The window's open: on a thread, upgrading as rasd_store_open() does, or its error. */
static void
test_store_open_async (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *old = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  gint64 id;

  {
    g_autoptr(RasdStore) at_10 = rasd_store_open_at_version (old, 10, &error);
    g_autoptr(RasdArticle) a = make_article ("الأول", text_a, "2015-07-21");

    g_assert_no_error (error);
    id = add (at_10, a, NULL);
  }
  store = open_on_thread (old, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rasd_store_get_schema_version (store), ==, RASD_STORE_SCHEMA_VERSION);
  g_assert_true (table_exists (store, "article_mentions"));
  /* usable from this thread */
  {
    g_autoptr(RasdArticle) back = rasd_store_get_article (store, id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rasd_article_get_title (back), ==, "الأول");
  }
  g_clear_object (&store);

  store = open_on_thread (dir, &error);
  g_assert_null (store);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, dir));

  rasd_test_rmtree (dir);
}

/* Opening the database again in the same process (the window's worker, an import) keeps the
 * locks the first connection holds: another process that opens and closes it (rasd-cli) must
 * not take itself for the last user and delete the WAL that holds the first connection's
 * writes. */
static void
test_store_second_open_keeps_locks (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rasd.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) first = rasd_store_open (path, &error);
  g_autoptr(RasdArticle) a = make_article ("الأول", text_a, "2015-07-21");
  const char *argv[] = { g_getenv ("RASD_CLI"), "--db", path, "stats", NULL };
  g_autofree char *out = NULL;
  int wait_status = 0;

  g_assert_no_error (error);
  add (first, a, NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autoptr(RasdStore) second = rasd_store_open (path, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_true (g_str_has_prefix (out, "articles\t1\n"));
  /* the first connection's WAL is still there, and what it writes next is read by others */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  {
    g_autoptr(RasdArticle) b = make_article ("الثاني", text_b, "2016-01-02");
    g_autofree char *again = NULL;

    add (first, b, NULL);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &again, NULL, &wait_status, &error));
    g_assert_true (g_str_has_prefix (again, "articles\t2\n"));
  }

  g_clear_object (&first);
  rasd_test_rmtree (dir);
}

static void
test_store_articles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(RasdArticle) a = make_article ("الأول", text_a, "2015-07-21");
  g_autoptr(RasdArticle) b = make_article ("الثاني", text_b, "2016-01-02");
  g_autoptr(RasdArticle) fetched = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(RasdArticle) first = NULL;
  RasdStoreStats stats;
  gboolean has_articles = TRUE;
  gint64 id_a, id_b;

  g_assert_no_error (error);
  g_assert_true (rasd_store_has_articles (store, &has_articles, &error));
  g_assert_no_error (error);
  g_assert_false (has_articles);

  id_a = add (store, a, NULL);
  id_b = add (store, b, NULL);
  g_assert_cmpint (id_a, !=, id_b);
  g_assert_cmpint (rasd_article_get_id (a), ==, id_a);

  fetched = rasd_store_get_article (store, id_b, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_title (fetched), ==, "الثاني");
  g_assert_cmpstr (rasd_article_get_text (fetched), ==, text_b);
  g_assert_cmpstr (rasd_article_get_date (fetched), ==, "2016-01-02");
  g_assert_cmpstr (rasd_article_get_source (fetched), ==, "example");
  g_assert_cmpstr (rasd_article_get_url (fetched), ==, "https://example.invalid/a");
  g_assert_cmpint (rasd_article_get_imported_at (fetched), >, 0);

  /* Newest first, without text. */
  list = rasd_store_list_articles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  first = g_list_model_get_item (list, 0);
  g_assert_cmpint (rasd_article_get_id (first), ==, id_b);
  g_assert_null (rasd_article_get_text (first));

  g_assert_null (rasd_store_get_article (store, 9999, &error));
  g_assert_error (error, RASD_ERROR, RASD_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (rasd_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.n_articles, ==, 2);
  g_assert_cmpint (stats.n_events, ==, 0);
  g_assert_cmpint (stats.text_bytes, ==, (gint64) (strlen (text_a) + strlen (text_b)));
  g_assert_true (rasd_store_has_articles (store, &has_articles, &error));
  g_assert_no_error (error);
  g_assert_true (has_articles);
}

/* The same text, saved with other line ends and spacing, is one article. */
static void
test_store_duplicates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(RasdArticle) a = make_article ("الأول", text_a, NULL);
  g_autoptr(RasdArticle) b = NULL;
  g_autofree char *respaced = NULL;
  g_auto(GStrv) lines = g_strsplit (text_a, "\n", -1);
  gboolean duplicate = TRUE;
  RasdStoreStats stats;
  gint64 id_a, id_b;

  respaced = g_strjoinv ("\r\n\n   ", lines);
  b = make_article ("عنوان آخر", respaced, "2020-01-01");

  id_a = add (store, a, &duplicate);
  g_assert_false (duplicate);
  id_b = add (store, b, &duplicate);
  g_assert_true (duplicate);
  g_assert_cmpint (id_a, ==, id_b);

  g_assert_true (rasd_store_get_stats (store, &stats, &error));
  g_assert_cmpint (stats.n_articles, ==, 1);
}

/* A file's savepoint rolled back leaves nothing of it, not even in the search index. */
static void
test_store_savepoint_rollback (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(RasdArticle) a = make_article ("الأول", text_a, NULL);
  g_autoptr(RasdArticle) b = make_article ("الثاني", text_b, NULL);
  g_autoptr(GPtrArray) hits = NULL;
  RasdStoreStats stats;

  g_assert_true (rasd_store_begin (store, &error));
  g_assert_true (rasd_store_savepoint (store, &error));
  add (store, a, NULL);
  g_assert_true (rasd_store_release (store, &error));
  g_assert_true (rasd_store_savepoint (store, &error));
  add (store, b, NULL);
  rasd_store_rollback_to (store);
  g_assert_true (rasd_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_true (rasd_store_get_stats (store, &stats, &error));
  g_assert_cmpint (stats.n_articles, ==, 1);
  hits = rasd_store_search (store, "موسكو", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 0);
}

static void
test_store_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(RasdArticle) a = make_article ("الأول", text_a, NULL);
  g_autoptr(RasdArticle) b = make_article ("الثاني", text_b, NULL);
  const char *hostile[] = { "\"", "OR", "بوتين OR", "NEAR(", "(بوتين", "*", "بوتين*", "^", "a:b",
                            "-", "AND NOT", "\"\"\"\"", "'", ";DROP TABLE articles", "", "   ",
                            "title:بوتين", "{title text}:x", ")" };
  gint64 id_a, id_b;

  id_a = add (store, a, NULL);
  id_b = add (store, b, NULL);

  /* Inflected forms: اللقاء in a, لقاءه in b. */
  {
    g_autoptr(GPtrArray) hits = rasd_store_search (store, "لقاء", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 2);
  }
  /* Two words are ANDed. */
  {
    g_autoptr(GPtrArray) hits = rasd_store_search (store, "لقاء موسكو", 0, &error);
    RasdSearchHit *hit;

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    hit = g_ptr_array_index (hits, 0);
    g_assert_cmpint (hit->article_id, ==, id_b);
    g_assert_cmpstr (hit->title, ==, "الثاني");
    g_assert_nonnull (strstr (hit->snippet, "["));
  }
  /* Titles are searched too. */
  {
    g_autoptr(GPtrArray) hits = rasd_store_search (store, "الأول", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, >=, 1);
    g_assert_cmpint (((RasdSearchHit *) g_ptr_array_index (hits, 0))->article_id, ==, id_a);
  }
  /* Nothing a user types is an SQL or FTS syntax error. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(GPtrArray) hits = rasd_store_search (store, hostile[i], 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
  {
    RasdStoreStats stats;
    g_assert_true (rasd_store_get_stats (store, &stats, &error));
    g_assert_cmpint (stats.n_articles, ==, 2);
  }
}

/* During an import the commits leave the checkpoints to another thread: the log is still
 * copied back into the database file (it grows) though the writing connection never
 * checkpoints; an in-memory database has no log and keeps SQLite's way. */
static void
test_store_background_checkpoints (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rasd.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (path, &error);
  g_autoptr(RasdStore) memory = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  GStatBuf st;
  goffset start_size;
  gboolean grown = FALSE;
  guint n = 0;

  g_assert_no_error (error);
  db = rasd_store_get_db (store);
  exec_ok (db, "CREATE TABLE blobs (b BLOB); PRAGMA wal_checkpoint(TRUNCATE)");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  start_size = st.st_size;

  g_assert_true (rasd_store_start_background_checkpoints (store));
  g_assert_false (rasd_store_start_background_checkpoints (store));
  /* 256 KB a commit: the log passes 1,000 pages every few commits */
  while (!grown && n < 400)
    {
      exec_ok (db, "INSERT INTO blobs VALUES (randomblob (262144))");
      n++;
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      grown = st.st_size > start_size + 1024 * 1024;
    }
  g_assert_true (grown);
  /* and the log starts again from its beginning now and then: 60 MB written leave it far
   * shorter (it is never truncated, only reused) */
  for (guint i = 0; i < 240; i++, n++)
    exec_ok (db, "INSERT INTO blobs VALUES (randomblob (262144))");
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_size, <, 40 * 1024 * 1024);
  rasd_store_stop_background_checkpoints (store);
  rasd_store_stop_background_checkpoints (store);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM blobs", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, n);

  memory = rasd_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_false (rasd_store_start_background_checkpoints (memory));
}

int
main (int   argc,
      char *argv[])
{
  rasd_store_configure_sqlite ();
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/memory-not-counted", test_store_memory_not_counted);
  g_test_add_func ("/store/new-database", test_store_new_database);
  g_test_add_func ("/store/background-checkpoints", test_store_background_checkpoints);
  g_test_add_func ("/store/migrate-from-previous", test_store_migrate_from_previous);
  g_test_add_func ("/store/migrate-mentions", test_store_migrate_mentions);
  g_test_add_func ("/store/mentions-read", test_store_mentions_read);
  g_test_add_func ("/store/newer-schema-refused", test_store_newer_schema_refused);
  g_test_add_func ("/store/not-a-database", test_store_not_a_database);
  g_test_add_func ("/store/needs-upgrade", test_store_needs_upgrade);
  g_test_add_func ("/store/open-async", test_store_open_async);
  g_test_add_func ("/store/second-open-keeps-locks", test_store_second_open_keeps_locks);
  g_test_add_func ("/store/articles", test_store_articles);
  g_test_add_func ("/store/duplicates", test_store_duplicates);
  g_test_add_func ("/store/savepoint-rollback", test_store_savepoint_rollback);
  g_test_add_func ("/store/search", test_store_search);

  return g_test_run ();
}
