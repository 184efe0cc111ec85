/* One long article (a transcript, a book, an export run together) of short meeting sentences,
 * imported alone into a fresh database at several sizes: the time and peak memory of each show
 * whether the import grows linearly with an article's length.  Each size runs in a child
 * process, so each peak is its own.  Prints figures; asserts nothing.
 *
 *   bench-long-article [--sizes 1,4,16] [--jobs N] [--keep DIR]
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rasd-bench-corpus.h"
#include "rasd-bench-util.h"
#include "rasd-importer.h"
#include "rasd-store.h"

/* In the child: imports @path into a fresh @db_path; prints what was stored. */
static int
import_alone (const char *path,
              const char *db_path,
              guint       jobs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (db_path, &error);
  g_autoptr(RasdImporter) importer = NULL;
  const char *paths[2] = { path, NULL };
  RasdStoreStats stats = { 0 };
  RasdImportReport *report;

  if (store == NULL)
    g_error ("%s", error->message);
  importer = rasd_importer_new (store);
  rasd_importer_set_jobs (importer, jobs);
  if (!rasd_importer_run (importer, paths, NULL, &error))
    g_error ("%s", error->message);
  report = rasd_importer_get_report (importer);
  if (report->n_imported != 1)
    g_error ("%s: imported %u articles, %u failed", path, report->n_imported, report->n_failed);
  if (!rasd_store_get_stats (store, &stats, &error))
    g_error ("%s", error->message);
  printf ("    stored %" G_GINT64_FORMAT " events, %" G_GINT64_FORMAT " people, %" G_GINT64_FORMAT " places\n",
          stats.n_events, stats.n_people, stats.n_places);
  for (guint i = 0; i < report->warnings->len; i++)
    printf ("    warning: %s\n", (const char *) g_ptr_array_index (report->warnings, i));
  fflush (stdout);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes_arg = NULL;
  g_autofree char *keep = NULL;
  int jobs = 0;
  GOptionEntry entries[] = {
    { "sizes", 's', 0, G_OPTION_ARG_STRING, &sizes_arg, "Sizes in MB, comma-separated (default 1,4,16)", "LIST" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, "Extraction workers (default: one per core)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Write the articles and databases here and keep them", "DIR" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sizes = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *load = NULL;
  double first_mb = 0, first_seconds = 0;

  if (!bench_parse_options ("- import time and memory of one long article", entries, &argc, &argv))
    return 2;
  sizes = g_strsplit (sizes_arg != NULL ? sizes_arg : "1,4,16", ",", -1);
  dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("rasd-bench-long-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);
  load = bench_load_average ();
  printf ("machine: %u cores, load %s\n", g_get_num_processors (), load);

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      double mb = g_ascii_strtod (sizes[i], NULL);
      g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
      g_autofree char *text = bench_make_meetings (rand, (gsize) (mb * 1024 * 1024));
      g_autofree char *name = g_strdup_printf ("meetings-%sMB.txt", sizes[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *db_path = g_strdup_printf ("%s/meetings-%sMB.db", dir, sizes[i]);
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      struct rusage usage;
      double seconds;
      gint64 start;
      int status;
      pid_t child;

      if (mb <= 0)
        g_error ("--sizes: “%s” is not a size in MB", sizes[i]);
      if (!g_file_set_contents (path, text, -1, &error))
        g_error ("%s", error->message);
      g_unlink (db_path);
      g_unlink (wal);
      printf ("%5.1f MB article (%zu bytes):\n", mb, strlen (text));
      fflush (stdout);

      start = g_get_monotonic_time ();
      child = fork ();
      if (child < 0)
        g_error ("fork: %s", g_strerror (errno));
      if (child == 0)
        _exit (import_alone (path, db_path, (guint) jobs));
      if (wait4 (child, &status, 0, &usage) != child || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_error ("the import of %s failed", path);
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      if (i == 0)
        {
          first_mb = mb;
          first_seconds = seconds;
        }
      printf ("    %.2f s (%.2f MB/s, %.2fx the time per MB of the first size), peak memory %.0f MB, "
              "cpu %.1f s\n", seconds, mb / seconds, (seconds / mb) / (first_seconds / first_mb),
              usage.ru_maxrss / 1024.0,
              usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6);
    }
  g_free (load);
  load = bench_load_average ();
  printf ("load after: %s\naim: time at most linear in the size (16 MB under 10 s), peak memory under 500 MB\n",
          load);

  if (keep == NULL)
    bench_remove_tree (dir);
  return 0;
}
