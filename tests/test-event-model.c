/* RasdEventModel (events and facets under a filter, queried in a worker) and the store's
 * explorer queries. */
#include "config.h"

#include "rasd-event-item.h"
#include "rasd-event-model.h"
#include "rasd-facet-item.h"
#include "rasd-importer.h"
#include "rasd-test-util.h"

static char *tmp_dir;

static RasdStore *
demo_store (void)
{
  static char *db = NULL;
  g_autoptr(GError) error = NULL;
  RasdStore *store;

  if (db == NULL)
    {
      g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
      const char *paths[] = { demo, NULL };
      g_autoptr(RasdStore) fresh = NULL;
      g_autoptr(RasdImporter) importer = NULL;

      tmp_dir = rasd_test_make_tmpdir ();
      db = g_build_filename (tmp_dir, "rasd.db", NULL);
      fresh = rasd_store_open (db, &error);
      g_assert_no_error (error);
      importer = rasd_importer_new (fresh);
      g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
      g_assert_no_error (error);
    }
  store = rasd_store_open (db, &error);
  g_assert_no_error (error);
  return store;
}

static void
count_loaded (RasdEventModel *model,
              guint          *n)
{
  (*n)++;
}

static void
wait_loaded (RasdEventModel *model)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (rasd_event_model_is_loading (model) || rasd_event_model_is_counting (model))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
has_participant (RasdEventItem *item,
                 const char    *key)
{
  const RasdStoredEvent *event = rasd_event_item_get_event (item);

  for (guint i = 0; i < event->participants->len; i++)
    if (g_str_equal (((RasdStoredPerson *) g_ptr_array_index (event->participants, i))->key, key))
      return TRUE;
  return FALSE;
}

/* The facet counts are the numbers of events the filter would keep. */
static void
test_model_facets_match_filters (void)
{
  g_autoptr(RasdStore) store = demo_store ();
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = rasd_event_model_new (store, filter);
  GListModel *people = rasd_event_model_get_people (model);
  guint n_all, n_people;

  rasd_event_model_reload (model);
  g_assert_true (rasd_event_model_is_loading (model));
  wait_loaded (model);
  g_assert_null (rasd_event_model_get_error (model));
  n_all = g_list_model_get_n_items (G_LIST_MODEL (model));
  n_people = g_list_model_get_n_items (people);
  g_assert_cmpuint (n_all, >, 10);
  g_assert_cmpuint (n_people, >, 5);

  for (guint i = 0; i < MIN (n_people, 4); i++)
    {
      g_autoptr(RasdFacetItem) person = g_list_model_get_item (people, i);
      g_autofree char *key = g_strdup (rasd_facet_item_get_key (person));
      guint count = rasd_facet_item_get_count (person);

      rasd_filter_set_person (filter, key, rasd_facet_item_get_label (person));
      wait_loaded (model);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, count);
      for (guint j = 0; j < count; j++)
        {
          g_autoptr(RasdEventItem) item = g_list_model_get_item (G_LIST_MODEL (model), j);
          g_assert_true (has_participant (item, key));
        }
      rasd_filter_clear (filter);
      wait_loaded (model);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_all);
    }

  /* Kinds: the counts add up to all events. */
  {
    GListModel *kinds = rasd_event_model_get_kinds (model);
    guint sum = 0;

    for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
      {
        g_autoptr(RasdFacetItem) kind = g_list_model_get_item (kinds, i);
        sum += rasd_facet_item_get_count (kind);
      }
    g_assert_cmpuint (sum, ==, n_all);
  }
}

/* Two changes in a row: the first answer is dropped, the model ends with the second's events. */
static void
test_model_drops_stale_results (void)
{
  g_autoptr(RasdStore) store = demo_store ();
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = rasd_event_model_new (store, filter);
  guint loaded = 0;

  g_signal_connect (model, "loaded", G_CALLBACK (count_loaded), &loaded);
  rasd_filter_set_kind (filter, "visit");
  rasd_filter_set_kind (filter, "call");
  wait_loaded (model);
  /* Let the first worker's answer arrive too. */
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (100000);
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);

  g_assert_cmpuint (loaded, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_assert_cmpstr (rasd_event_item_get_kind (item), ==, "call");
    }
}

/* Text: the events of the articles that contain the words; a bad filter is an error, not a crash. */
static void
test_model_text_and_errors (void)
{
  g_autoptr(RasdStore) store = demo_store ();
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = rasd_event_model_new (store, filter);
  g_autoptr(GArray) ids = rasd_store_search_event_ids (store, "هاتفي", NULL);
  g_autoptr(GArray) none = rasd_store_search_event_ids (store, "   ", NULL);

  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, >, 0);
  g_assert_cmpuint (none->len, ==, 0);

  rasd_filter_set_text (filter, "هاتفي");
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpuint (rasd_event_model_find (model, g_array_index (ids, gint64, i)), !=, G_MAXUINT);

  rasd_filter_set_range (filter, "yesterday", NULL);
  wait_loaded (model);
  g_assert_nonnull (rasd_event_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rasd_event_model_get_people (model)), ==, 0);
}

/* An article's mentions, in text order, with their entities; its events. */
static void
test_store_mentions (void)
{
  g_autoptr(RasdStore) store = demo_store ();
  g_autoptr(GArray) articles = rasd_store_list_article_ids (store, NULL);
  guint n_people = 0, n_dates = 0, n_events = 0;

  for (guint a = 0; a < articles->len; a++)
    {
      gint64 id = g_array_index (articles, gint64, a);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) mentions = rasd_store_list_mentions (store, id, &error);
      g_autoptr(GArray) events = rasd_store_list_article_events (store, id, &error);
      gint64 last = -1;

      g_assert_no_error (error);
      for (guint i = 0; i < mentions->len; i++)
        {
          RasdStoredMention *m = g_ptr_array_index (mentions, i);

          g_assert_cmpint (m->start, >=, last);
          g_assert_cmpint (m->start, <, m->end);
          last = m->start;
          if (m->kind == RASD_MENTION_PERSON)
            {
              g_assert_nonnull (m->key);
              g_assert_nonnull (m->name);
              n_people++;
            }
          if (m->kind == RASD_MENTION_DATE)
            {
              g_assert_null (m->key);
              n_dates++;
            }
        }
      n_events += events->len;
    }
  g_assert_cmpuint (n_people, >, 20);
  g_assert_cmpuint (n_dates, >, 10);
  g_assert_cmpuint (n_events, >, 10);
}

/* A ":memory:" store has no second connection: the model answers at once. */
static void
test_model_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = rasd_event_model_new (store, filter);
  guint loaded = 0;

  g_signal_connect (model, "loaded", G_CALLBACK (count_loaded), &loaded);
  rasd_filter_set_kind (filter, "visit");
  g_assert_false (rasd_event_model_is_loading (model));
  g_assert_cmpuint (loaded, ==, 1);
  g_assert_null (rasd_event_model_get_error (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/event-model/facets-match-filters", test_model_facets_match_filters);
  g_test_add_func ("/event-model/drops-stale-results", test_model_drops_stale_results);
  g_test_add_func ("/event-model/text-and-errors", test_model_text_and_errors);
  g_test_add_func ("/event-model/memory-store", test_model_memory_store);
  g_test_add_func ("/store/mentions", test_store_mentions);

  status = g_test_run ();
  if (tmp_dir != NULL)
    rasd_test_rmtree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
