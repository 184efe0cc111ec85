#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rasd-article-reader.h"
#include "rasd-bench-util.h"
#include "rasd-extractor.h"
#include "rasd-ordered-pool.h"

/* Extraction throughput: reads the articles of the folders given (default: the demo corpus),
 * then extracts them over and over until --megabytes of text have gone through, on 1 worker,
 * then on 2, ... up to --jobs (default: one per core), through the pool an import uses.
 * Prints MB/s of Arabic text (UTF-8 bytes) and articles per second for each, the speed-up
 * over one worker and the load average (on a shared machine the figures are only as good as
 * it is idle). */

typedef struct
{
  RasdExtractor *extractor;
} Shared;

static gpointer
extract_one (gpointer input,
             gpointer user_data)
{
  Shared *shared = user_data;
  RasdExtraction *extraction = rasd_extractor_extract_article (shared->extractor, input);
  gpointer n_events = GUINT_TO_POINTER (extraction->events->len);

  rasd_extraction_free (extraction);
  return n_events;
}

/* Extracts @megabytes of @articles on @jobs workers; returns the seconds. */
static double
run (RasdExtractor *extractor,
     GPtrArray     *articles,
     int            megabytes,
     guint          jobs,
     guint         *n_done,
     guint         *n_events,
     gint64        *bytes)
{
  Shared shared = { extractor };
  g_autoptr(RasdOrderedPool) pool = rasd_ordered_pool_new (jobs, extract_one, &shared, NULL, NULL);
  guint ahead = 4 * jobs;
  guint pushed = 0;
  gint64 t0 = g_get_monotonic_time ();

  *n_done = *n_events = 0;
  *bytes = 0;
  while (*bytes < (gint64) megabytes * 1000 * 1000 || rasd_ordered_pool_get_n_pending (pool) > 0)
    {
      while (*bytes < (gint64) megabytes * 1000 * 1000 && rasd_ordered_pool_get_n_pending (pool) < ahead)
        {
          RasdArticle *article = g_ptr_array_index (articles, pushed++ % articles->len);

          *bytes += (gint64) strlen (rasd_article_get_text (article));
          rasd_ordered_pool_push (pool, article);
        }
      *n_events += GPOINTER_TO_UINT (rasd_ordered_pool_pop (pool));
      (*n_done)++;
    }
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int argc, char **argv)
{
  int megabytes = 20;
  int max_jobs = 0;
  GOptionEntry entries[] = {
    { "megabytes", 'm', 0, G_OPTION_ARG_INT, &megabytes, "Text to extract, in MB (default 20)", "N" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &max_jobs, "Up to N workers (default: one per core)", "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  RasdExtractor *extractor;
  gint64 bytes = 0, load0, load1;
  guint n_done = 0, n_events = 0;
  double one_worker = 0;
  g_autofree char *load_before = NULL;
  g_autofree char *load_after = NULL;

  if (!bench_parse_options ("[FOLDER...] — extraction throughput", entries, &argc, &argv))
    return 2;

  load0 = g_get_monotonic_time ();
  extractor = rasd_extractor_get_default (&error);
  if (extractor == NULL)
    {
      g_printerr ("cannot load the lexicons: %s\n", error->message);
      return 1;
    }
  load1 = g_get_monotonic_time ();

  if (!bench_read_articles (argc > 1 ? (const char * const *) argv + 1 : NULL, argc - 1,
                            RASD_SOURCE_DIR_DEMO, articles, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  printf ("lexicons loaded in %.2f s; %u distinct articles\n", (load1 - load0) / 1e6, articles->len);
  load_before = bench_load_average ();
  max_jobs = (int) rasd_ordered_pool_resolve_jobs ((guint) MAX (max_jobs, 0));
  for (int jobs = 1; jobs <= max_jobs; jobs++)
    {
      double seconds = run (extractor, articles, megabytes, (guint) jobs, &n_done, &n_events, &bytes);
      double mb_s = bytes / seconds / 1e6;

      if (jobs == 1)
        one_worker = mb_s;
      printf ("--jobs %d: %u articles, %.1f MB, %u events in %.2f s: %.2f MB/s, %.0f articles/s, "
              "%.2fx one worker\n", jobs, n_done, bytes / 1e6, n_events, seconds, mb_s,
              n_done / seconds, mb_s / one_worker);
    }
  load_after = bench_load_average ();
  printf ("machine: %u cores, load %s before, %s after (aim: 1.8x on 2 cores when idle)\n",
          g_get_num_processors (), load_before, load_after);
  return 0;
}
