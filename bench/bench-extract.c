#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rasd-article-reader.h"
#include "rasd-bench-util.h"
#include "rasd-extractor.h"

/* Extraction throughput on one core: reads the articles of the folders given (default: the
 * demo corpus), then extracts them over and over until --megabytes of text have gone through.
 * Prints MB/s of Arabic text (UTF-8 bytes) and articles per second. */

int
main (int argc, char **argv)
{
  int megabytes = 20;
  GOptionEntry entries[] = {
    { "megabytes", 'm', 0, G_OPTION_ARG_INT, &megabytes, "Text to extract, in MB (default 20)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("[FOLDER...] — extraction throughput");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  RasdExtractor *extractor;
  gint64 t0, t1, bytes = 0, load0, load1;
  guint n_done = 0, n_events = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

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

  t0 = g_get_monotonic_time ();
  while (bytes < (gint64) megabytes * 1000 * 1000)
    {
      RasdArticle *article = g_ptr_array_index (articles, n_done % articles->len);
      g_autoptr(RasdExtraction) extraction = rasd_extractor_extract_article (extractor, article);

      bytes += (gint64) strlen (rasd_article_get_text (article));
      n_events += extraction->events->len;
      n_done++;
    }
  t1 = g_get_monotonic_time ();

  printf ("lexicons loaded in %.2f s\n", (load1 - load0) / 1e6);
  printf ("extracted %u articles (%u distinct), %.1f MB, %u events in %.2f s\n", n_done,
          articles->len, bytes / 1e6, n_events, (t1 - t0) / 1e6);
  printf ("throughput: %.1f MB/s, %.0f articles/s (one core)\n", bytes / ((t1 - t0) / 1e6) / 1e6,
          n_done / ((t1 - t0) / 1e6));
  return 0;
}
