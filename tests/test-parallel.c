#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "rasd-extraction.h"
#include "rasd-extractor.h"
#include "rasd-importer-private.h"
#include "rasd-ordered-pool.h"
#include "rasd-store.h"
#include "rasd-test-util.h"

/* Extraction on several threads: the pool gives results back in order, and an import, a
 * re-extraction or `rasd-cli extract` on four workers stores and prints exactly what one does. */

/* The pool ------------------------------------------------------------------------------------ */

static gint n_freed;

static gpointer
square_slowly (gpointer input,
               gpointer user_data)
{
  guint n = GPOINTER_TO_UINT (input);

  /* the early inputs take longest, so later ones finish first */
  if (n < 8)
    g_usleep ((8 - n) * 2000);
  return GUINT_TO_POINTER (n * n + 1);
}

static void
count_free (gpointer data)
{
  g_atomic_int_inc (&n_freed);
}

static void
test_pool_order (void)
{
  g_autoptr(RasdOrderedPool) pool = rasd_ordered_pool_new (4, square_slowly, NULL, NULL, NULL);

  g_assert_cmpuint (rasd_ordered_pool_get_n_workers (pool), ==, 4);
  g_assert_null (rasd_ordered_pool_pop (pool));
  for (guint n = 0; n < 40; n++)
    rasd_ordered_pool_push (pool, GUINT_TO_POINTER (n));
  g_assert_cmpuint (rasd_ordered_pool_get_n_pending (pool), ==, 40);
  for (guint n = 0; n < 40; n++)
    g_assert_cmpuint (GPOINTER_TO_UINT (rasd_ordered_pool_pop (pool)), ==, n * n + 1);
  g_assert_cmpuint (rasd_ordered_pool_get_n_pending (pool), ==, 0);
  g_assert_null (rasd_ordered_pool_pop (pool));
  g_assert_cmpuint (rasd_ordered_pool_resolve_jobs (0), ==, g_get_num_processors ());
  g_assert_cmpuint (rasd_ordered_pool_resolve_jobs (3), ==, 3);
}

/* Freed early, the pool frees every input not worked on and every output not taken. */
static void
test_pool_free_early (void)
{
  RasdOrderedPool *pool = rasd_ordered_pool_new (2, square_slowly, NULL, count_free, count_free);

  n_freed = 0;
  for (guint n = 0; n < 30; n++)
    rasd_ordered_pool_push (pool, GUINT_TO_POINTER (n));
  g_assert_cmpuint (GPOINTER_TO_UINT (rasd_ordered_pool_pop (pool)), ==, 1);
  rasd_ordered_pool_free (pool);
  g_assert_cmpint (g_atomic_int_get (&n_freed), ==, 29);
}

/* Imports ------------------------------------------------------------------------------------- */

/* Articles written for this test: meetings of a few people in a few cities on a few days, so
 * that events of different files are grouped, as ids depend on the order they are stored in. */
static char *
meeting_article (guint n)
{
  static const char *hosts[] = { "الرئيس المصري", "الملك الأردني", "أمير قطر", "الرئيس التونسي" };
  static const char *guests[] = { "وزير الخارجية الروسي سيرغي لافروف", "المبعوث الأممي",
                                  "الرئيس الفرنسي إيمانويل ماكرون" };
  static const char *cities[] = { "القاهرة", "عمان", "الدوحة", "تونس", "الرياض" };
  static const char *months[] = { "مارس", "أبريل", "مايو" };

  return g_strdup_printf ("استقبل %s في %s يوم %u %s 2019 %s، وبحث الجانبان العلاقات الثنائية.\n"
                          "وكان %s قد وصل إلى %s أمس في زيارة رسمية تستغرق يومين، التقى خلالها "
                          "رئيس الوزراء. وتناول اللقاء التعاون الاقتصادي في المقال رقم %u.\n",
                          hosts[n % G_N_ELEMENTS (hosts)], cities[n % G_N_ELEMENTS (cities)],
                          1 + n % 5, months[n % G_N_ELEMENTS (months)],
                          guests[n % G_N_ELEMENTS (guests)], guests[n % G_N_ELEMENTS (guests)],
                          cities[n % G_N_ELEMENTS (cities)], n);
}

static char *
make_folder (const char *root,
             guint       n_articles)
{
  g_autofree char *dir = g_build_filename (root, "articles", NULL);

  for (guint n = 0; n < n_articles; n++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/%02u", dir, n / 10);
      g_autofree char *path = g_strdup_printf ("%s/article-%03u.txt", sub, n);
      g_autofree char *text = meeting_article (n);

      g_mkdir_with_parents (sub, 0755);
      rasd_test_write_file (path, text, -1);
    }
  /* among them, a file long enough to be stored in a transaction of its own */
  {
    g_autofree char *path = g_strdup_printf ("%s/%02u/article-%03u-long.txt", dir, n_articles / 20,
                                             n_articles / 2);
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint n = 0; text->len <= RASD_IMPORT_ALONE_BYTES; n++)
      {
        g_autofree char *part = meeting_article (n);

        g_string_append (text, part);
      }
    rasd_test_write_file (path, text->str, text->len);
  }
  return g_steal_pointer (&dir);
}

/* Every row of the tables extraction fills, in a stable order, as text. */
static char *
dump_database (RasdStore *store)
{
  static const char *queries[] = {
    "SELECT id, kind, cameo, date, date_precision, day, day_end, place_id, role FROM events ORDER BY id",
    "SELECT event_id, entity_id, day, day_end, kind, place_id FROM event_participants ORDER BY 1, 2",
    "SELECT event_id, article_id, role FROM event_sources ORDER BY 1, 2",
    "SELECT event_id, article_id, start, end FROM evidence ORDER BY 1, 2, 3, 4",
    "SELECT id, kind, key, name, name_en, place_kind, country, lat, lon, normalized FROM entities ORDER BY id",
    "SELECT article_id, entity_id, kind, start, end, value FROM mentions ORDER BY 1, 4, 5, 3, 2",
    "SELECT id, title, path, hash FROM articles ORDER BY id",
  };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store), queries[q], -1, &stmt, NULL),
                       ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s\t", text != NULL ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static char *
search_results (RasdStore *store)
{
  static const char *queries[] = { "الرئيس", "زيارة", "لافروف", "القاهرة", "اللقاء", "وزير الخارجية" };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = rasd_store_search (store, queries[q], 0, &error);

      g_assert_no_error (error);
      g_string_append_printf (out, "%s: %u\n", queries[q], hits->len);
      for (guint i = 0; i < hits->len; i++)
        {
          RasdSearchHit *hit = g_ptr_array_index (hits, i);
          g_string_append_printf (out, "%" G_GINT64_FORMAT " %.9g %s\n", hit->article_id, hit->rank,
                                  hit->snippet);
        }
    }
  return g_string_free (out, FALSE);
}

static RasdStore *
import_with_jobs (const char * const *paths,
                  const char         *db_path,
                  guint               jobs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (db_path, &error);
  g_autoptr(RasdImporter) importer = NULL;

  g_assert_no_error (error);
  importer = rasd_importer_new (store);
  rasd_importer_set_jobs (importer, jobs);
  g_assert_cmpuint (rasd_importer_get_jobs (importer), ==, jobs);
  g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rasd_importer_get_report (importer)->n_failed, ==, 0);
  return g_steal_pointer (&store);
}

/* The same folder (and the shared corpus when present) on one worker and on four: the same
 * articles, events, entities, mentions, ids and search results. */
static void
test_import_jobs_identical (void)
{
  g_autofree char *root = rasd_test_make_tmpdir ();
  g_autofree char *folder = make_folder (root, 60);
  g_autofree char *corpus = NULL;
  g_autofree char *db1 = g_build_filename (root, "one.db", NULL);
  g_autofree char *db4 = g_build_filename (root, "four.db", NULL);
  const char *paths[3] = { folder, NULL, NULL };
  g_autoptr(RasdStore) one = NULL;
  g_autoptr(RasdStore) four = NULL;
  g_autofree char *dump1 = NULL;
  g_autofree char *dump4 = NULL;
  g_autofree char *search1 = NULL;
  g_autofree char *search4 = NULL;
  RasdStoreStats stats = { 0 };
  g_autoptr(GError) error = NULL;

  /* the real articles too, when they are here (not a failure when not) */
  if (g_getenv ("RASD_SHARED_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("RASD_SHARED_DIR"), "corpus", NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        paths[1] = corpus = g_steal_pointer (&path);
      else
        g_test_message ("%s is absent: only the written articles are imported", path);
    }

  one = import_with_jobs (paths, db1, 1);
  four = import_with_jobs (paths, db4, 4);

  g_assert_true (rasd_store_get_stats (one, &stats, &error));
  g_assert_cmpint (stats.n_articles, >=, 60);
  g_assert_cmpint (stats.n_events, >, 20);
  dump1 = dump_database (one);
  dump4 = dump_database (four);
  g_assert_cmpstr (dump1, ==, dump4);
  search1 = search_results (one);
  search4 = search_results (four);
  g_assert_cmpstr (search1, ==, search4);
  g_assert_nonnull (strstr (search1, "[")); /* the queries found something */

  g_clear_object (&one);
  g_clear_object (&four);
  rasd_test_rmtree (root);
}

/* An article that reports one meeting in more sentences than an event keeps: the first
 * RASD_EXTRACTION_MAX_EVIDENCE are stored, and the report says what was left out. */
static void
test_import_caps_evidence (void)
{
  g_autofree char *root = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (root, "long.txt", NULL);
  g_autoptr(GString) text = g_string_new ("محضر جلسات المحادثات\n\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdImporter) importer = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *paths[2] = { path, NULL };
  RasdImportReport *report;
  gboolean warned = FALSE;

  /* numbered: the cleaner drops lines repeated word for word, as page chrome */
  for (guint i = 0; i < RASD_EXTRACTION_MAX_EVIDENCE + 20; i++)
    g_string_append_printf (text, "التقى الرئيس الفرنسي إيمانويل ماكرون وزير الخارجية الروسي سيرغي "
                                  "لافروف في باريس في الجلسة رقم %u.\n", i + 1);
  rasd_test_write_file (path, text->str, text->len);

  store = rasd_store_open (":memory:", &error);
  g_assert_no_error (error);
  importer = rasd_importer_new (store);
  g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
  report = rasd_importer_get_report (importer);
  g_assert_cmpuint (report->n_imported, ==, 1);
  for (guint i = 0; i < report->warnings->len; i++)
    {
      const char *warning = g_ptr_array_index (report->warnings, i);

      g_test_message ("warning: %s", warning);
      if (g_str_has_prefix (warning, path) && strstr (warning, "20 sentences left out") != NULL)
        warned = TRUE;
    }
  g_assert_true (warned);

  g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store),
                                       "SELECT max (n) FROM (SELECT count (*) AS n FROM evidence GROUP BY event_id)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, RASD_EXTRACTION_MAX_EVIDENCE);
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_clear_object (&importer);
  g_clear_object (&store);
  rasd_test_rmtree (root);
}

static void
test_extraction_cap (void)
{
  g_autoptr(RasdExtraction) x = rasd_extraction_new ();
  g_autofree char *said = NULL;
  g_autofree char *nothing = NULL;

  for (guint e = 0; e < 5; e++)
    {
      RasdEvent *event = rasd_event_new ();

      for (guint s = 0; s < e + 1; s++)
        g_array_append_val (event->evidence, ((RasdSpan) { s * 10, s * 10 + 5 }));
      g_ptr_array_add (x->events, event);
    }
  nothing = rasd_extraction_cap (x, 5, 5);
  g_assert_null (nothing);

  said = rasd_extraction_cap (x, 3, 2);
  g_assert_cmpuint (x->events->len, ==, 3);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (x->events, 0))->evidence->len, ==, 1);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (x->events, 2))->evidence->len, ==, 2);
  g_assert_cmpstr (said, ==, "5 events found, the first 3 kept (at most 3 per article); "
                             "1 sentences left out of events reported more than 2 times (the first 2 kept)");
}

/* The same entity twice is one entity, whatever the number of entities before it. */
static void
test_extraction_entities (void)
{
  g_autoptr(RasdExtraction) x = rasd_extraction_new ();

  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *key = g_strdup_printf ("name:%u", i);

      g_assert_cmpint (rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, key, key, NULL, NULL), ==, (int) i);
    }
  g_assert_cmpint (rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, "name:7", "x", NULL, NULL), ==, 7);
  /* the same key of another kind is another entity */
  g_assert_cmpint (rasd_extraction_add_entity (x, RASD_ENTITY_PLACE, "name:7", "x", NULL, NULL), ==, 500);
  g_assert_cmpint (rasd_extraction_add_entity (x, RASD_ENTITY_PLACE, "name:7", "y", NULL, NULL), ==, 500);
  g_assert_cmpstr (rasd_extraction_get_entity (x, 7)->name, ==, "name:7");
}

/* rasd-cli ----------------------------------------------------------------------------------- */

static char *
run_cli (const char * const *args,
         int                *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("RASD_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, status, &error));
  g_assert_no_error (error);
  return out;
}

/* `extract --jobs 4` prints what `--jobs 1` prints, in the order of the files given; a file
 * that cannot be read is an error in its place and the others still print. */
static void
test_cli_extract_jobs (void)
{
  g_autofree char *root = rasd_test_make_tmpdir ();
  g_autofree char *folder = make_folder (root, 24);
  g_autoptr(GPtrArray) args1 = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) args4 = NULL;
  g_autofree char *out1 = NULL;
  g_autofree char *out4 = NULL;
  g_autofree char *bad = NULL;
  int status = -1;

  if (g_getenv ("RASD_CLI") == NULL)
    {
      g_test_skip ("RASD_CLI is not set");
      return;
    }
  g_ptr_array_add (args1, g_strdup ("extract"));
  g_ptr_array_add (args1, g_strdup ("--jobs"));
  g_ptr_array_add (args1, g_strdup ("1"));
  /* backwards, so the order printed is the order given, not the folder's */
  for (guint n = 24; n-- > 0;)
    g_ptr_array_add (args1, g_strdup_printf ("%s/%02u/article-%03u.txt", folder, n / 10, n));
  g_ptr_array_insert (args1, 10, g_build_filename (root, "missing.txt", NULL));
  g_ptr_array_add (args1, NULL);
  args4 = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i + 1 < args1->len; i++)
    g_ptr_array_add (args4, g_strdup (i == 2 ? "4" : g_ptr_array_index (args1, i)));
  g_ptr_array_add (args4, NULL);

  out1 = run_cli ((const char * const *) args1->pdata, &status);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  out4 = run_cli ((const char * const *) args4->pdata, &status);
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpstr (out1, ==, out4);
  g_assert_true (g_str_has_prefix (out1, "{\"article\":\"article-023.txt\""));

  {
    const char *args[] = { "extract", "--jobs", "-2", "x.txt", NULL };

    bad = run_cli (args, &status);
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  }
  rasd_test_rmtree (root);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parallel/pool-order", test_pool_order);
  g_test_add_func ("/parallel/pool-free-early", test_pool_free_early);
  g_test_add_func ("/parallel/extraction-cap", test_extraction_cap);
  g_test_add_func ("/parallel/extraction-entities", test_extraction_entities);
  g_test_add_func ("/parallel/import-jobs-identical", test_import_jobs_identical);
  g_test_add_func ("/parallel/import-caps-evidence", test_import_caps_evidence);
  g_test_add_func ("/parallel/cli-extract-jobs", test_cli_extract_jobs);

  return g_test_run ();
}
