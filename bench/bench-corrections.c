#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "rasd-bench-corpus.h"
#include "rasd-bench-util.h"
#include "rasd-extractor.h"
#include "rasd-store.h"

/* What the user's corrections cost a re-extraction (issue 16): N generated articles (100,000
 * unless given) are stored and extracted, re-extracted once without corrections (the
 * baseline), then D decisions (10,000 unless given; events' kinds, dates, places, reviews,
 * rejections, merges, splits, and names rejected, renamed, made aliases) are made and the
 * articles re-extracted again, every decision applied after each save that concerns it.
 * Prints both runs' wall and CPU times, the part spent saving (the store's, where decisions
 * apply) and the time added.  One thread, as `rasd-cli reextract` saves on one.
 *
 *   bench-corrections [N_ARTICLES [N_DECISIONS]]  */

#define BATCH 64

typedef struct
{
  double wall_ms;
  double cpu_ms;
  double save_cpu_ms;
} Run;

static void
die (const char   *what,
     const GError *error)
{
  g_printerr ("bench-corrections: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static void
extract_all (RasdStore     *store,
             RasdExtractor *extractor,
             GArray        *ids,
             Run           *run)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu = thread_cpu_ms ();

  run->save_cpu_ms = 0;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(RasdArticle) article = NULL;
      g_autoptr(RasdExtraction) extraction = NULL;
      double save;

      if (!rasd_store_in_transaction (store) && !rasd_store_begin (store, &error))
        die ("beginning", error);
      if ((article = rasd_store_get_article (store, id, &error)) == NULL)
        die ("reading an article", error);
      extraction = rasd_extractor_extract_article (extractor, article);
      save = thread_cpu_ms ();
      if (!rasd_store_save_extraction (store, id, extraction, &error))
        die ("saving", error);
      run->save_cpu_ms += thread_cpu_ms () - save;
      if ((i + 1) % BATCH == 0 || i + 1 == ids->len)
        {
          save = thread_cpu_ms ();
          if (!rasd_store_commit (store, &error))
            die ("committing", error);
          run->save_cpu_ms += thread_cpu_ms () - save;
        }
    }
  run->wall_ms = ms_since (start);
  run->cpu_ms = thread_cpu_ms () - cpu;
}

static GArray *
event_ids (RasdStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  sqlite3_prepare_v2 (rasd_store_get_db (store), "SELECT id FROM events ORDER BY id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  return ids;
}

static char *
first_person (RasdStore *store,
              gint64     event_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sqlite3_prepare_v2 (rasd_store_get_db (store),
                      "SELECT e.key FROM event_participants ep JOIN entities e ON e.id = ep.entity_id"
                      " WHERE ep.event_id = ?1 ORDER BY e.id LIMIT 1", -1, &stmt, NULL);
  sqlite3_bind_int64 (stmt, 1, event_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
}

/* @n decisions on events spread over the archive, a few on names; the kinds in turn. */
static guint
decide (RasdStore *store,
        guint      n)
{
  static const RasdEntity cairo = { RASD_ENTITY_PLACE, "360630", "القاهرة", "Cairo", "EG", "city", 30.06, 31.25 };
  static const RasdEntity guest = { RASD_ENTITY_PERSON, "name:ضيف الاختبار", "ضيف الاختبار", NULL, NULL, NULL, 0, 0 };
  g_autoptr(GArray) ids = event_ids (store);
  g_autoptr(GError) error = NULL;
  guint step = MAX (1, ids->len / (n + 1));
  guint made = 0;

  if (!rasd_store_begin (store, &error))
    die ("beginning", error);
  for (guint i = 0; made < n && (i + 2) * step < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i * step);
      gint64 next = g_array_index (ids, gint64, i * step + 1);
      g_autofree char *person = NULL;
      RasdCorrectionRequest request = { (RasdCorrectionKind) (i % 8), id };

      switch (request.kind)
        {
        case RASD_CORRECTION_EVENT_KIND:
          request.text = "talks";
          break;
        case RASD_CORRECTION_EVENT_DATE:
          request.text = "2019-05";
          break;
        case RASD_CORRECTION_EVENT_PLACE:
          request.entity = &cairo;
          break;
        case RASD_CORRECTION_EVENT_ADD_PARTICIPANT:
          request.entity = &guest;
          break;
        case RASD_CORRECTION_EVENT_REMOVE_PARTICIPANT:
          request.kind = RASD_CORRECTION_EVENT_REVIEWED;
          request.reviewed = TRUE;
          break;
        case RASD_CORRECTION_EVENT_REJECT:
          break;
        case RASD_CORRECTION_EVENT_MERGE:
          request.other_event_id = next;
          break;
        default:
          /* a name: every eighth decision, once per name */
          if ((person = first_person (store, id)) == NULL)
            continue;
          request.kind = i % 16 == 7 ? RASD_CORRECTION_ENTITY_RENAME : RASD_CORRECTION_ENTITY_REJECT;
          request.entity_kind = RASD_ENTITY_PERSON;
          request.entity_key = person;
          request.text = "اسم مصحح";
          break;
        }
      if (rasd_store_add_correction (store, &request, NULL, &error) == 0)
        {
          g_clear_error (&error);  /* an event merged or rejected already, a name decided */
          continue;
        }
      made++;
      if (made % 1000 == 0 && (!rasd_store_commit (store, &error) || !rasd_store_begin (store, &error)))
        die ("committing", error);
    }
  if (!rasd_store_commit (store, &error))
    die ("committing", error);
  return made;
}

static gint64
count (RasdStore  *store,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sqlite3_prepare_v2 (rasd_store_get_db (store), sql, -1, &stmt, NULL);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
}

int
main (int   argc,
      char *argv[])
{
  guint64 n_articles = 100000;
  guint64 n_decisions = 10000;
  g_autofree char *dir = g_dir_make_tmp ("rasd-bench-corrections-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rasd.db", NULL);
  g_autofree char *load_before = bench_load_average ();
  g_autofree char *load_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  RasdExtractor *extractor;
  Run first, baseline, corrected;

  if (argc > 3
      || (argc > 1 && !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT, &n_articles, NULL))
      || (argc > 2 && !g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXUINT, &n_decisions, NULL)))
    {
      g_printerr ("Usage: bench-corrections [N_ARTICLES [N_DECISIONS]]  (100000 and 10000 unless given)\n");
      g_remove (dir);
      return 2;
    }
  gint64 start;
  guint made;

  if ((extractor = rasd_extractor_get_default (&error)) == NULL)
    die ("loading the extractor", error);
  if ((store = rasd_store_open (path, &error)) == NULL)
    die (path, error);

  start = g_get_monotonic_time ();
  if (!rasd_store_begin (store, &error))
    die ("beginning", error);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(RasdArticle) article = rasd_article_new ();
      g_autofree char *text = bench_make_article (rand, i, 1200);
      g_autofree char *title = g_strdup_printf ("خبر %u", i);
      gint64 id;

      rasd_article_set_title (article, title);
      rasd_article_set_text (article, text);
      if ((id = rasd_store_add_article (store, article, NULL, &error)) == 0)
        die ("storing an article", error);
      g_array_append_val (ids, id);
      if ((i + 1) % 1000 == 0 && (!rasd_store_commit (store, &error) || !rasd_store_begin (store, &error)))
        die ("committing", error);
    }
  if (!rasd_store_commit (store, &error))
    die ("committing", error);
  printf ("%u articles stored in %.1f s\n", (guint) n_articles, ms_since (start) / 1000);

  extract_all (store, extractor, ids, &first);
  printf ("extracted: %" G_GINT64_FORMAT " events, %.1f s\n", count (store, "SELECT count (*) FROM events"),
          first.wall_ms / 1000);
  extract_all (store, extractor, ids, &baseline);

  start = g_get_monotonic_time ();
  made = decide (store, n_decisions);
  printf ("%u decisions made in %.1f s (%" G_GINT64_FORMAT " about names)\n", made, ms_since (start) / 1000,
          count (store, "SELECT count (*) FROM corrections WHERE entity_key IS NOT NULL"));

  extract_all (store, extractor, ids, &corrected);
  load_after = bench_load_average ();
  printf ("re-extraction without corrections: %.1f s wall, %.1f s CPU (saving: %.1f s CPU)\n",
          baseline.wall_ms / 1000, baseline.cpu_ms / 1000, baseline.save_cpu_ms / 1000);
  printf ("re-extraction with %u corrections:  %.1f s wall, %.1f s CPU (saving: %.1f s CPU)\n", made,
          corrected.wall_ms / 1000, corrected.cpu_ms / 1000, corrected.save_cpu_ms / 1000);
  printf ("added: %+.1f%% CPU (%+.1f s), %+.1f%% wall; saving alone %+.1f%%\n",
          100.0 * (corrected.cpu_ms - baseline.cpu_ms) / baseline.cpu_ms,
          (corrected.cpu_ms - baseline.cpu_ms) / 1000,
          100.0 * (corrected.wall_ms - baseline.wall_ms) / baseline.wall_ms,
          100.0 * (corrected.save_cpu_ms - baseline.save_cpu_ms) / baseline.save_cpu_ms);
  printf ("orphaned after it: %" G_GINT64_FORMAT " of %u\n",
          count (store, "SELECT count (*) FROM corrections WHERE orphaned"), made);
  printf ("load before: %s, after: %s\n", load_before, load_after);
  g_clear_object (&store);
  bench_remove_tree (dir);
  return 0;
}
