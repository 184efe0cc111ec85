/* Import throughput on a generated corpus, next to SQLite alone inserting the same texts into a
 * plain table: the ratio is the cost of decoding, cleaning, extracting events and Arabic
 * full-text indexing.  The import runs twice, each into a fresh database: on one extraction
 * worker (--jobs 1) and on one per core.  The load average is printed with the figures: on a
 * shared machine they are only as good as it is idle.
 *
 *   bench-import [--articles N] [--size BYTES] [--jobs N] [--keep DIR]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rasd-bench-corpus.h"
#include "rasd-bench-util.h"
#include "rasd-importer.h"
#include "rasd-store.h"

static int n_articles = 10000;
static int article_size = 3000;
static int all_jobs = 0;

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static gint64
write_corpus (const char *dir)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20151020);
  gint64 bytes = 0;

  for (int i = 0; i < n_articles; i++)
    {
      g_autofree char *text = bench_make_article (rand, i, article_size);
      g_autofree char *sub = g_strdup_printf ("%s/%03d", dir, i / 1000);
      g_autofree char *path = g_strdup_printf ("%s/article-%06d.txt", sub, i);
      g_autoptr(GError) error = NULL;

      g_mkdir_with_parents (sub, 0755);
      if (!g_file_set_contents (path, text, -1, &error))
        g_error ("%s", error->message);
      bytes += strlen (text);
    }
  return bytes;
}

/* The baseline: read each file and insert its text into a plain table, same pragmas, batched
 * like the importer. */
static double
baseline (const char *dir,
          const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  sqlite3_open (db_path, &db);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                    "CREATE TABLE plain (id INTEGER PRIMARY KEY, text TEXT NOT NULL);",
                NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO plain (text) VALUES (?1)", -1, &stmt, NULL);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  for (int i = 0; i < n_articles; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%03d/article-%06d.txt", dir, i / 1000, i);
      g_autofree char *text = NULL;
      gsize length;

      if (!g_file_get_contents (path, &text, &length, NULL))
        g_error ("cannot read %s", path);
      sqlite3_bind_text (stmt, 1, text, length, SQLITE_STATIC);
      sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (i % 64 == 63)
        sqlite3_exec (db, "COMMIT; BEGIN", NULL, NULL, NULL);
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return seconds_since (start);
}

/* One import of @corpus into a fresh database at @db_path on @jobs workers: its seconds, and
 * the process's CPU seconds in @cpu. */
static double
import_once (const char *corpus,
             const char *db_path,
             guint       jobs,
             double     *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdImporter) importer = NULL;
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  const char *paths[2] = { corpus, NULL };
  RasdImportReport *report;
  double cpu_before, seconds;
  gint64 start;

  g_unlink (db_path);
  g_unlink (wal);
  store = rasd_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  importer = rasd_importer_new (store);
  rasd_importer_set_jobs (importer, jobs);
  cpu_before = process_cpu_seconds ();
  start = g_get_monotonic_time ();
  if (!rasd_importer_run (importer, paths, NULL, &error))
    g_error ("%s", error->message);
  seconds = seconds_since (start);
  *cpu = process_cpu_seconds () - cpu_before;
  report = rasd_importer_get_report (importer);
  if (report->n_imported != (guint) n_articles || report->n_failed != 0)
    g_error ("imported %u of %d articles, %u failed", report->n_imported, n_articles, report->n_failed);
  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *keep = NULL;
  GOptionEntry entries[] = {
    { "articles", 'n', 0, G_OPTION_ARG_INT, &n_articles, "Number of articles (default 10000)", "N" },
    { "size", 's', 0, G_OPTION_ARG_INT, &article_size, "Bytes per article (default 3000)", "BYTES" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &all_jobs, "Workers of the second run (default: one per core)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the corpus and databases here and keep them", "DIR" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *load_before = NULL;
  g_autofree char *load_after = NULL;
  double plain_seconds, mb;
  double seconds[2], cpu[2];
  guint jobs[2] = { 1, 0 };
  gint64 bytes;

  if (!bench_parse_options ("- import throughput", entries, &argc, &argv))
    return 2;

  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("rasd-bench-XXXXXX", NULL);
  corpus = g_build_filename (dir, "corpus", NULL);
  db_path = g_build_filename (dir, "rasd.db", NULL);
  plain_path = g_build_filename (dir, "plain.db", NULL);
  g_unlink (db_path);
  g_unlink (plain_path);

  printf ("Generating %d articles of about %d bytes...\n", n_articles, article_size);
  bytes = write_corpus (corpus);
  mb = bytes / (1024.0 * 1024.0);

  /* The baseline first, so both runs find the files in the page cache. */
  plain_seconds = baseline (corpus, plain_path);

  jobs[1] = all_jobs > 0 ? (guint) all_jobs : MAX (g_get_num_processors (), 1);
  load_before = bench_load_average ();
  for (guint run = 0; run < 2; run++)
    seconds[run] = import_once (corpus, db_path, jobs[run], &cpu[run]);
  load_after = bench_load_average ();

  printf ("corpus:          %d articles, %.1f MB of Arabic text\n", n_articles, mb);
  printf ("machine:         %u cores, load %s before the imports, %s after\n",
          g_get_num_processors (), load_before, load_after);
  printf ("sqlite alone:    %.2f s  %.2f MB/s  %.0f articles/s (read + insert into a plain table)\n",
          plain_seconds, mb / plain_seconds, n_articles / plain_seconds);
  for (guint run = 0; run < 2; run++)
    printf ("rasd --jobs %-3u  %.2f s  %.2f MB/s  %.0f articles/s  ratio %.2fx  (cpu %.1f s)\n",
            jobs[run], seconds[run], mb / seconds[run], n_articles / seconds[run],
            seconds[run] / plain_seconds, cpu[run]);
  printf ("aim:             ratio at most 5x and at least 6 MB/s on every core\n");

  if (keep == NULL)
    bench_remove_tree (dir);
  return 0;
}
