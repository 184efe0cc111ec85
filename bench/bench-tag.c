#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rasd-bench-util.h"
#include "rasd-data.h"
#include "rasd-extractor.h"
#include "rasd-name-tagger.h"
#include "rasd-tokens.h"

/* Throughput of the name tagger alone on one core: tokenises the articles of the folders given
 * (default: the demo corpus) once, then tags their tokens over and over until --megabytes of
 * text have gone through.  The first pass over the articles fills the thread's cache of the
 * words the model has no weights for, as an import's first articles do; it is timed apart.
 * Prints tokens/s and MB/s of Arabic text (UTF-8 bytes). */

static void
tag_all (RasdNameTagger *tagger,
         GPtrArray      *articles,
         GPtrArray      *tokens,
         guint           index,
         gint64         *bytes,
         gint64         *n_tokens,
         guint          *n_names)
{
  RasdArticle *article = g_ptr_array_index (articles, index);
  RasdTokens *t = g_ptr_array_index (tokens, index);
  const char *text = rasd_article_get_text (article);
  g_autoptr(GArray) names = rasd_name_tagger_tag_tokens (tagger, text, t);

  *bytes += (gint64) strlen (text);
  *n_tokens += rasd_tokens_get_n_tokens (t);
  *n_names += names->len;
}

int
main (int argc, char **argv)
{
  int megabytes = 50;
  GOptionEntry entries[] = {
    { "megabytes", 'm', 0, G_OPTION_ARG_INT, &megabytes, "Text to tag, in MB (default 50)", "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_tokens_free);
  RasdExtractor *extractor;
  RasdNameTagger *tagger;
  gint64 t0, bytes = 0, n_tokens = 0, load0, cold_bytes = 0, cold_tokens = 0;
  double load_s, tagger_load_s, tokenise_s, cold_s, warm_s, cpu0, cpu_s;
  guint n_done = 0, n_names = 0, cold_names = 0;

  if (!bench_parse_options ("[FOLDER...] — name tagger throughput", entries, &argc, &argv))
    return 2;

  load0 = g_get_monotonic_time ();
  extractor = rasd_extractor_get_default (&error);
  if (extractor == NULL)
    {
      g_printerr ("cannot load the lexicons and the tagger: %s\n", error->message);
      return 1;
    }
  load_s = (g_get_monotonic_time () - load0) / 1e6;
  tagger = rasd_extractor_get_name_tagger (extractor);
  {
    /* the tagger's part of that: the model read and its words' scores summed */
    g_autofree char *people_dir = rasd_data_path ("people");
    g_autofree char *gazetteer_dir = rasd_data_path ("gazetteer");
    g_autofree char *model = rasd_data_path ("ner/name-tagger.model");
    g_autoptr(RasdPeople) people = rasd_people_load (people_dir, &error);
    g_autoptr(RasdGazetteer) gazetteer = rasd_gazetteer_new_from_dir (gazetteer_dir, &error);
    g_autoptr(RasdNameTagger) again = NULL;

    if (people == NULL || gazetteer == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
    load0 = g_get_monotonic_time ();
    again = rasd_name_tagger_new_from_file (model, people, gazetteer, rasd_data_dir (), &error);
    tagger_load_s = (g_get_monotonic_time () - load0) / 1e6;
    if (again == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  if (!bench_read_articles (argc > 1 ? (const char * const *) argv + 1 : NULL, argc - 1,
                            RASD_SOURCE_DIR_DEMO, articles, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t0 = g_get_monotonic_time ();
  for (guint a = 0; a < articles->len; a++)
    g_ptr_array_add (tokens, rasd_tokens_new (rasd_article_get_text (g_ptr_array_index (articles, a))));
  tokenise_s = (g_get_monotonic_time () - t0) / 1e6;

  t0 = g_get_monotonic_time ();
  for (guint a = 0; a < articles->len; a++)
    tag_all (tagger, articles, tokens, a, &cold_bytes, &cold_tokens, &cold_names);
  cold_s = (g_get_monotonic_time () - t0) / 1e6;

  t0 = g_get_monotonic_time ();
  cpu0 = thread_cpu_ms ();
  while (bytes < (gint64) megabytes * 1000 * 1000)
    tag_all (tagger, articles, tokens, n_done++ % articles->len, &bytes, &n_tokens, &n_names);
  warm_s = (g_get_monotonic_time () - t0) / 1e6;
  cpu_s = (thread_cpu_ms () - cpu0) / 1e3;

  printf ("extractor and tagger loaded in %.2f s (the tagger alone: %.2f s)\n", load_s,
          tagger_load_s);
  printf ("%u articles, %.1f MB, %" G_GINT64_FORMAT " tokens (tokenised in %.2f s, not counted "
          "below)\n", articles->len, cold_bytes / 1e6, cold_tokens, tokenise_s);
  printf ("first pass (the thread's cache of unknown words filling): %.2f s, %.1f MB/s, "
          "%.0f tokens/s, %u names\n", cold_s, cold_bytes / cold_s / 1e6, cold_tokens / cold_s,
          cold_names);
  printf ("tagged %u articles, %.1f MB, %" G_GINT64_FORMAT " tokens, %u names in %.2f s\n", n_done,
          bytes / 1e6, n_tokens, n_names, warm_s);
  printf ("throughput: %.1f MB/s, %.2f M tokens/s, %.0f ns per token (one core, by the clock)\n",
          bytes / warm_s / 1e6, n_tokens / warm_s / 1e6, warm_s * 1e9 / n_tokens);
  /* steadier than the clock when other processes share the cores */
  printf ("by CPU time: %.1f MB/s, %.2f M tokens/s, %.0f ns per token\n", bytes / cpu_s / 1e6,
          n_tokens / cpu_s / 1e6, cpu_s * 1e9 / n_tokens);
  return 0;
}
