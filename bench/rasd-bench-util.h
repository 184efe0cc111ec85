#pragma once

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <glib.h>
#include <sqlite3.h>

#include "rasd-article-reader.h"
#include "rasd-store.h"

/* Helpers shared by the benchmarks; header-only, like rasd-bench-corpus.h. */

static inline double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of the calling thread, in ms: steadier than the clock on a shared, loaded machine. */
static inline double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The load average (1, 5 and 15 minutes) as /proc/loadavg gives it: benchmarks on a shared
 * machine print it with their figures. */
static inline char *
bench_load_average (void)
{
  g_autofree char *text = NULL;
  int spaces = 0;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  for (char *p = text; *p != '\0'; p++)
    if (*p == ' ' && ++spaces == 3)
      *p = '\0';
  return g_steal_pointer (&text);
}

/* Parses the command line with @entries (@summary: what --help says after the name); prints
 * what is wrong and returns FALSE when it cannot. */
static inline gboolean
bench_parse_options (const char         *summary,
                     const GOptionEntry *entries,
                     int                *argc,
                     char             ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (summary);
  g_autoptr(GError) error = NULL;

  /* SQLite as the programs set it up */
  rasd_store_configure_sqlite ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  g_printerr ("%s\n", error->message);
  return FALSE;
}

/* Removes a benchmark's working folder and everything in it. */
static inline void
bench_remove_tree (const char *dir)
{
  g_autofree char *quoted = g_shell_quote (dir);
  g_autofree char *cmd = g_strdup_printf ("rm -rf %s", quoted);

  if (system (cmd) != 0)
    g_printerr ("could not remove %s\n", dir);
}

/* CPU time of the whole process (every thread), in seconds. */
static inline double
process_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* For qsort() and g_array_sort() of doubles (medians). */
static inline int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Benchmarks build their data with plain SQL: any failure ends the run. */
static inline void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static inline sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

/* Runs an insert or update to its end and resets it for the next row. */
static inline void
step_or_die (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s: %s", sqlite3_sql (stmt), sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

/* Appends to @articles the articles of the files in @folders (@n_folders of them; none: the
 * folder @fallback), sidecars and other files skipped; FALSE when a folder cannot be read. */
static inline gboolean
bench_read_articles (const char * const  *folders,
                     int                  n_folders,
                     const char          *fallback,
                     GPtrArray           *articles,
                     GError             **error)
{
  for (int i = 0; i < MAX (n_folders, 1); i++)
    {
      const char *folder = n_folders > 0 ? folders[i] : fallback;
      g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
      const char *name;

      if (dir == NULL)
        return FALSE;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autoptr(RasdReadResult) result = NULL;

          if (rasd_file_kind_for_path (path) == RASD_FILE_KIND_SIDECAR ||
              rasd_file_kind_for_path (path) == RASD_FILE_KIND_OTHER)
            continue;
          result = rasd_article_reader_read (path, NULL, NULL);
          if (result != NULL)
            for (guint a = 0; a < result->articles->len; a++)
              g_ptr_array_add (articles, g_object_ref (g_ptr_array_index (result->articles, a)));
        }
    }
  if (articles->len == 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "no articles to read");
      return FALSE;
    }
  return TRUE;
}
