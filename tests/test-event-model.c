/* RasdEventModel (events and facets under a filter, queried in a worker) and the store's
 * explorer queries. */
#include "config.h"

#include <string.h>

#include "rasd-event-item.h"
#include "rasd-event-model.h"
#include "rasd-facet-item.h"
#include "rasd-date.h"
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

/* A database of GENERATED events (more than a few pages), with every kind of key the list
 * sorts by: people, places (some without coordinates, some events without a place), dates of
 * each precision and unknown ones, one to three sources. */
#define GENERATED 700

static char *
generated_db (void)
{
  static char *db = NULL;
  static const char * const people[] = {
    "زياد", "أحمد", "Bob", "alice", "خالد", "عمر", "يوسف", "سعيد", "نبيل", "كريم",
  };
  /* عمان twice: the city (Amman) and the country (Oman) */
  static const char * const places[] = { "دمشق", "بيروت", "Paris", "القاهرة", "عمان", "Zagreb", "عمان" };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  sqlite3 *sql;

  if (db != NULL)
    return g_strdup (db);
  if (tmp_dir == NULL)
    tmp_dir = rasd_test_make_tmpdir ();
  db = g_build_filename (tmp_dir, "generated.db", NULL);
  store = rasd_store_open (db, &error);
  g_assert_no_error (error);
  sql = rasd_store_get_db (store);
  rand = g_rand_new_with_seed (42);
  g_assert_cmpint (sqlite3_exec (sql, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autofree char *q = g_strdup_printf ("INSERT INTO entities (id, kind, key, name, normalized)"
                                            " VALUES (%u, 'person', 'person:p%u', '%s', '%s')",
                                            i + 1, i + 1, people[i], people[i]);
      g_assert_cmpint (sqlite3_exec (sql, q, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autofree char *key = i == 6 ? g_strdup ("country:OM") : g_strdup_printf ("city:%u", i);
      g_autofree char *q = g_strdup_printf ("INSERT INTO entities (id, kind, key, name, normalized, place_kind,"
                                            " lat, lon) VALUES (%u, 'place', '%s', '%s', '%s', '%s', %s, %s)",
                                            100 + i, key, places[i], places[i], i == 6 ? "country" : "city",
                                            i == 5 ? "NULL" : "33.5", i == 5 ? "NULL" : "36.3");
      g_assert_cmpint (sqlite3_exec (sql, q, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *q = g_strdup_printf ("INSERT INTO articles (id, title, text, hash, imported_at)"
                                            " VALUES (%u, 'a%u', 'نص %u', 'h%u', 0)", i, i, i, i);
      g_assert_cmpint (sqlite3_exec (sql, q, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  for (guint i = 1; i <= GENERATED; i++)
    {
      const char * const *kinds = rasd_store_event_kinds ();
      int year = g_rand_int_range (rand, 1990, 2020), month = g_rand_int_range (rand, 1, 13);
      int precision = g_rand_int_range (rand, 0, 10);  /* 0: unknown, 1: year, 2: month, else day */
      int day = g_rand_int_range (rand, 1, 29);
      g_autofree char *date = NULL;
      g_autofree char *q = NULL;
      g_autofree char *place = NULL;
      gint64 first = 0, last = 0;
      guint n_people = g_rand_int_range (rand, 0, 4), n_sources = g_rand_int_range (rand, 1, 4);

      if (precision == 1)
        {
          date = g_strdup_printf ("%04d", year);
          first = rasd_date_to_days (year, 1, 1);
          last = rasd_date_to_days (year, 12, 31);
        }
      else if (precision == 2)
        {
          date = g_strdup_printf ("%04d-%02d", year, month);
          first = rasd_date_to_days (year, month, 1);
          last = rasd_date_to_days (year, month, rasd_date_days_in_month (year, month));
        }
      else if (precision > 2)
        {
          date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
          first = last = rasd_date_to_days (year, month, day);
          precision = 3;
        }
      place = g_rand_int_range (rand, 0, 8) == 0 ? g_strdup ("NULL")
              : g_strdup_printf ("%d", 100 + g_rand_int_range (rand, 0, G_N_ELEMENTS (places)));
      if (date != NULL)
        q = g_strdup_printf ("INSERT INTO events (id, kind, date, date_precision, day, day_end, place_id)"
                             " VALUES (%u, '%s', '%s', %d, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %s)",
                             i, kinds[g_rand_int_range (rand, 0, 6)], date, precision, first, last, place);
      else
        q = g_strdup_printf ("INSERT INTO events (id, kind, place_id) VALUES (%u, '%s', %s)",
                             i, kinds[g_rand_int_range (rand, 0, 6)], place);
      g_assert_cmpint (sqlite3_exec (sql, q, NULL, NULL, NULL), ==, SQLITE_OK);
      for (guint p = 0; p < n_people; p++)
        {
          g_autofree char *qp = g_strdup_printf ("INSERT OR IGNORE INTO event_participants (event_id, entity_id)"
                                                 " VALUES (%u, %d)", i,
                                                 1 + g_rand_int_range (rand, 0, G_N_ELEMENTS (people)));
          g_assert_cmpint (sqlite3_exec (sql, qp, NULL, NULL, NULL), ==, SQLITE_OK);
        }
      for (guint a = 0; a < n_sources; a++)
        {
          g_autofree char *qs = g_strdup_printf ("INSERT OR IGNORE INTO event_sources (event_id, article_id)"
                                                 " VALUES (%u, %d)", i, g_rand_int_range (rand, 1, 51));
          g_assert_cmpint (sqlite3_exec (sql, qs, NULL, NULL, NULL), ==, SQLITE_OK);
        }
    }
  g_assert_cmpint (sqlite3_exec (sql, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return g_strdup (db);
}

static RasdStore *
generated_store (void)
{
  g_autofree char *path = generated_db ();
  g_autoptr(GError) error = NULL;
  RasdStore *store = rasd_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

/* The model's events, all of them, as the list would read them. */
static GPtrArray *
model_items (RasdEventModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), items->len));
  return items;
}

/* Items are made a page at a time: those far from the first page are the right events, in the
 * store's date order, with their people and sources. */
static void
test_model_pages (void)
{
  g_autoptr(RasdStore) store = generated_store ();
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = rasd_event_model_new (store, filter);
  g_autoptr(GPtrArray) events = rasd_store_list_event_summaries (store, NULL, NULL);
  static const guint positions[] = { 0, 1, 127, 128, 129, 255, 256, 400, GENERATED - 1, 5, 300, 2 };

  rasd_event_model_reload (model);
  wait_loaded (model);
  g_assert_null (rasd_event_model_get_error (model));
  g_assert_cmpuint (events->len, ==, GENERATED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, GENERATED);
  /* In a scattered order, so pages come and go from the cache. */
  for (guint r = 0; r < 3; r++)
    for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
      {
        g_autoptr(RasdEventItem) item = g_list_model_get_item (G_LIST_MODEL (model), positions[i]);
        g_autoptr(RasdEventItem) expected = NULL;
        const RasdStoredEvent *event = g_ptr_array_index (events, positions[i]);

        g_assert_nonnull (item);
        g_assert_cmpint (rasd_event_item_get_id (item), ==, event->id);
        g_assert_cmpstr (rasd_event_item_get_date (item), ==, event->date);
        g_assert_cmpuint (rasd_event_item_get_n_sources (item), ==, event->n_sources);
        g_assert_cmpuint (rasd_event_item_get_event (item)->participants->len, ==, event->participants->len);
        g_assert_cmpuint (rasd_event_model_find (model, event->id), ==, positions[i]);
        expected = rasd_event_model_lookup (model, event->id);
        g_assert_cmpint (rasd_event_item_get_id (expected), ==, event->id);
      }
  g_assert_cmpuint (rasd_event_model_find (model, GENERATED + 5), ==, G_MAXUINT);
  g_assert_null (rasd_event_model_lookup (model, GENERATED + 5));
}

static char *
sort_key_text (RasdEventItem *item,
               RasdEventSort  sort)
{
  const RasdStoredEvent *event = rasd_event_item_get_event (item);

  switch (sort)
    {
    case RASD_EVENT_SORT_KIND:
      return g_strdup (rasd_event_kind_label (rasd_event_item_get_kind (item)));
    case RASD_EVENT_SORT_PLACE:
      return event->place != NULL ? g_utf8_casefold (event->place->name, -1) : NULL;
    case RASD_EVENT_SORT_PARTICIPANTS:
      return event->participants->len > 0
             ? g_utf8_casefold (((RasdStoredPerson *) g_ptr_array_index (event->participants, 0))->name, -1)
             : NULL;
    case RASD_EVENT_SORT_DATE:
    case RASD_EVENT_SORT_SOURCES:
    default:
      return NULL;
    }
}

/* <0, 0, >0 as @a's key comes before, with or after @b's in ascending order; events without
 * the key are "after" any with it. */
static int
compare_keys (RasdEventItem *a,
              RasdEventItem *b,
              RasdEventSort  sort)
{
  if (sort == RASD_EVENT_SORT_DATE)
    {
      guint32 fa = 0, la, fb = 0, lb;
      gboolean ha = rasd_event_item_get_days (a, &fa, &la), hb = rasd_event_item_get_days (b, &fb, &lb);

      if (ha != hb)
        return ha ? -1 : 1;
      return (fa > fb) - (fa < fb);
    }
  if (sort == RASD_EVENT_SORT_SOURCES)
    return (rasd_event_item_get_n_sources (a) > rasd_event_item_get_n_sources (b)) -
           (rasd_event_item_get_n_sources (a) < rasd_event_item_get_n_sources (b));
  {
    g_autofree char *ka = sort_key_text (a, sort);
    g_autofree char *kb = sort_key_text (b, sort);

    if ((ka == NULL) != (kb == NULL))
      return ka != NULL ? -1 : 1;
    return ka == NULL ? 0 : g_utf8_collate (ka, kb);
  }
}

/* Each column's order, both ways, comes from the store: keys in order, events without one last,
 * ties in date order; find() follows. */
static void
test_model_sort (void)
{
  g_autoptr(RasdStore) store = generated_store ();
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = rasd_event_model_new (store, filter);

  rasd_event_model_reload (model);
  wait_loaded (model);
  for (RasdEventSort sort = RASD_EVENT_SORT_DATE; sort <= RASD_EVENT_SORT_SOURCES; sort++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GPtrArray) items = NULL;
        gboolean got_descending;
        guint n_differ = 0;

        rasd_event_model_set_sort (model, sort, descending);
        wait_loaded (model);
        g_assert_cmpint (rasd_event_model_get_sort (model, &got_descending), ==, sort);
        g_assert_cmpint (got_descending, ==, descending);
        items = model_items (model);
        g_assert_cmpuint (items->len, ==, GENERATED);
        for (guint i = 1; i < items->len; i++)
          {
            RasdEventItem *a = g_ptr_array_index (items, i - 1), *b = g_ptr_array_index (items, i);
            int cmp = compare_keys (a, b, sort);
            g_autofree char *ka = sort_key_text (a, sort);
            gboolean a_has = sort == RASD_EVENT_SORT_SOURCES || (sort == RASD_EVENT_SORT_DATE
                             ? rasd_event_item_get_date (a) != NULL : ka != NULL);

            /* Reversed only among the events with a key. */
            if (descending && a_has && cmp != 0)
              {
                g_autofree char *kb = sort_key_text (b, sort);
                gboolean b_has = sort == RASD_EVENT_SORT_SOURCES || (sort == RASD_EVENT_SORT_DATE
                                 ? rasd_event_item_get_date (b) != NULL : kb != NULL);

                if (b_has)
                  cmp = -cmp;
              }
            g_assert_cmpint (cmp, <=, 0);
            if (cmp != 0)
              n_differ++;
            /* Ties: by date, then id. */
            if (cmp == 0 && sort != RASD_EVENT_SORT_DATE)
              g_assert_cmpint (compare_keys (a, b, RASD_EVENT_SORT_DATE), <=, 0);
          }
        g_assert_cmpuint (n_differ, >=, 2);
        /* find() on the sorted list, without items made. */
        for (guint i = 0; i < items->len; i += 97)
          g_assert_cmpuint (rasd_event_model_find (model, rasd_event_item_get_id (g_ptr_array_index (items, i))),
                            ==, i);
      }
}

/* The timeline's marks: every filter but the date range; the list's: all of them.  The map's
 * counts (the places facet) are those of the listed events. */
static void
test_model_timeline_and_places (void)
{
  g_autoptr(RasdStore) store = generated_store ();
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = rasd_event_model_new (store, filter);
  g_autoptr(GArray) person_marks = NULL;
  g_autoptr(GHashTable) in_timeline = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *timeline;
  GArray *timeline_before;
  guint n_dated = 0;

  rasd_filter_set_person (filter, "person:p3", "Bob");
  wait_loaded (model);
  person_marks = g_array_ref (rasd_event_model_get_marks (model));
  g_assert_cmpuint (person_marks->len, >, 50);
  for (guint i = 0; i < person_marks->len; i++)
    if (g_array_index (person_marks, RasdEventMark, i).first_day != 0)
      n_dated++;

  timeline_before = rasd_event_model_get_timeline_marks (model);
  rasd_filter_set_range (filter, "2000", "2009");
  wait_loaded (model);
  timeline = rasd_event_model_get_timeline_marks (model);
  /* Only the range changed: the same marks, the timeline keeps its view. */
  g_assert_true (timeline == timeline_before);
  g_assert_cmpuint (timeline->len, ==, n_dated);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <, n_dated);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  for (guint i = 0; i < timeline->len; i++)
    {
      RasdEventMark *mark = &g_array_index (timeline, RasdEventMark, i);

      g_hash_table_add (in_timeline, &mark->id);
      g_assert_cmpuint (mark->first_day, >, 0);
      if (i > 0)  /* by centre */
        g_assert_cmpuint (g_array_index (timeline, RasdEventMark, i - 1).first_day +
                          g_array_index (timeline, RasdEventMark, i - 1).last_day, <=,
                          mark->first_day + mark->last_day);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      gint64 id = rasd_event_item_get_id (item);
      const char *date = rasd_event_item_get_date (item);

      g_assert_true (has_participant (item, "person:p3"));
      g_assert_true (g_hash_table_contains (in_timeline, &id));
      g_assert_nonnull (date);
      g_assert_cmpint (strncmp (date, "2000", 4), >=, 0);
      g_assert_cmpint (strncmp (date, "2009", 4), <=, 0);
    }

  /* Another filter part: the timeline follows it, the range still aside. */
  rasd_filter_set_kind (filter, "visit");
  wait_loaded (model);
  timeline = rasd_event_model_get_timeline_marks (model);
  g_assert_true (timeline != timeline_before);
  g_assert_cmpuint (timeline->len, <, n_dated);
  for (guint i = 0; i < timeline->len; i++)
    g_assert_cmpstr (rasd_store_event_kinds ()[g_array_index (timeline, RasdEventMark, i).kind], ==, "visit");

  /* Places: the facet counts the listed events by place, with coordinates when known. */
  rasd_filter_clear (filter);
  rasd_filter_set_kind (filter, "meeting");
  wait_loaded (model);
  {
    g_autoptr(GPtrArray) items = model_items (model);
    g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    GListModel *places = rasd_event_model_get_places (model);
    guint n_located = 0;

    for (guint i = 0; i < items->len; i++)
      {
        const RasdStoredEvent *event = rasd_event_item_get_event (g_ptr_array_index (items, i));

        if (event->place != NULL)
          g_hash_table_insert (counts, g_strdup (event->place->key),
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, event->place->key)) + 1));
      }
    g_assert_cmpuint (g_list_model_get_n_items (places), ==, g_hash_table_size (counts));
    for (guint i = 0; i < g_list_model_get_n_items (places); i++)
      {
        g_autoptr(RasdFacetItem) place = g_list_model_get_item (places, i);
        double lat, lon;

        g_assert_cmpuint (rasd_facet_item_get_count (place), ==,
                          GPOINTER_TO_UINT (g_hash_table_lookup (counts, rasd_facet_item_get_key (place))));
        /* a name two places share says which each is */
        if (g_strcmp0 (rasd_facet_item_get_key (place), "city:4") == 0)
          g_assert_cmpstr (rasd_facet_item_get_label (place), ==, "عمان (city)");
        else if (g_strcmp0 (rasd_facet_item_get_key (place), "country:OM") == 0)
          g_assert_cmpstr (rasd_facet_item_get_label (place), ==, "عمان (country)");
        else
          g_assert_null (strchr (rasd_facet_item_get_label (place), '('));
        if (rasd_facet_item_get_location (place, &lat, &lon))
          {
            g_assert_cmpfloat (lat, ==, 33.5);
            n_located++;
          }
        else
          g_assert_cmpstr (rasd_facet_item_get_key (place), ==, "city:5");
      }
    g_assert_cmpuint (n_located, ==, g_list_model_get_n_items (places) - 1);
    g_assert_nonnull (g_hash_table_lookup (counts, "city:4"));
    g_assert_nonnull (g_hash_table_lookup (counts, "country:OM"));
  }
}

/* A reload after an import lists the new events too (nothing kept from before). */
static void
test_model_reload_after_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = generated_db ();
  g_autofree char *copy = g_build_filename (tmp_dir, "import.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = NULL;
  g_autoptr(RasdImporter) importer = NULL;
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo",
                                            "01-sochi-2017.txt", NULL);
  const char *paths[] = { demo, NULL };
  GArray *timeline;
  guint n_before, n_timeline;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (copy, contents, length, &error));
  store = rasd_store_open (copy, &error);
  g_assert_no_error (error);
  model = rasd_event_model_new (store, filter);
  rasd_event_model_reload (model);
  wait_loaded (model);
  n_before = g_list_model_get_n_items (G_LIST_MODEL (model));
  timeline = rasd_event_model_get_timeline_marks (model);
  n_timeline = timeline->len;
  g_assert_cmpuint (n_before, ==, GENERATED);

  importer = rasd_importer_new (store);
  g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
  g_assert_no_error (error);
  rasd_event_model_reload (model);
  wait_loaded (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, n_before);
  g_assert_cmpuint (rasd_event_model_get_timeline_marks (model)->len, >, n_timeline);
  /* The new events have ids above the generated ones, and can be found and read. */
  g_assert_cmpuint (rasd_event_model_find (model, GENERATED + 1), !=, G_MAXUINT);
  {
    g_autoptr(RasdEventItem) item = g_list_model_get_item (G_LIST_MODEL (model),
                                                           rasd_event_model_find (model, GENERATED + 1));
    g_assert_cmpint (rasd_event_item_get_id (item), ==, GENERATED + 1);
    g_assert_cmpuint (rasd_event_item_get_event (item)->participants->len, >, 0);
  }
}

static void
exec_ok (RasdStore  *store,
         const char *sql)
{
  g_assert_cmpint (sqlite3_exec (rasd_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* A person's marks come from event_participants alone (schema 7): its copies of the event's day,
 * kind and place are filled by the migration from schema 5 and kept by triggers. */
static void
test_store_person_marks_follow_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  RasdEventFilter by_person = { .person = "person:a" };
  g_autoptr(RasdStore) old = rasd_store_open_at_version (path, 5, &error);
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GArray) marks = NULL;
  RasdEventMark *mark;
  guint32 first, last;

  g_assert_no_error (error);
  exec_ok (old, "INSERT INTO entities (id, kind, key, name, normalized) VALUES (1, 'person', 'person:a', 'أ', 'أ');"
                "INSERT INTO entities (id, kind, key, name, normalized, lat, lon) VALUES (2, 'place', 'city:b', 'ب', 'ب', 1, 2);"
                "INSERT INTO entities (id, kind, key, name, normalized) VALUES (3, 'place', 'city:c', 'ج', 'ج');"
                "INSERT INTO events (id, kind, date, date_precision, day, day_end, place_id)"
                " VALUES (1, 'visit', '2015-07', 2, 16617, 16647, 2);"
                "INSERT INTO event_participants (event_id, entity_id) VALUES (1, 1);");
  g_clear_object (&old);

  store = rasd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rasd_store_get_schema_version (store), ==, RASD_STORE_SCHEMA_VERSION);
  marks = rasd_store_list_event_marks (store, &by_person, RASD_EVENT_SORT_DATE, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  mark = &g_array_index (marks, RasdEventMark, 0);
  g_assert_true (rasd_iso_date_to_days ("2015-07", &first, &last));
  g_assert_cmpuint (mark->first_day, ==, first);
  g_assert_cmpuint (mark->last_day, ==, last);
  g_assert_cmpstr (rasd_store_event_kinds ()[mark->kind], ==, "visit");
  g_assert_cmpint (mark->place_id, ==, 2);
  g_clear_pointer (&marks, g_array_unref);

  /* a re-extraction's changes reach the copies */
  exec_ok (store, "UPDATE events SET kind = 'call', place_id = 3, date = '2016-01-02', date_precision = 3,"
                  " day = 16802, day_end = 16802 WHERE id = 1;"
                  "INSERT INTO events (id, kind) VALUES (2, 'summit');"
                  "INSERT INTO event_participants (event_id, entity_id) VALUES (2, 1);");
  by_person.kind = "call";
  marks = rasd_store_list_event_marks (store, &by_person, RASD_EVENT_SORT_DATE, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (marks->len, ==, 1);
  mark = &g_array_index (marks, RasdEventMark, 0);
  g_assert_true (rasd_iso_date_to_days ("2016-01-02", &first, &last));
  g_assert_cmpuint (mark->first_day, ==, first);
  g_assert_cmpuint (mark->last_day, ==, first);
  g_assert_cmpint (mark->place_id, ==, 3);
  g_clear_pointer (&marks, g_array_unref);
  by_person.kind = NULL;
  by_person.place = "city:c";
  marks = rasd_store_list_event_marks (store, &by_person, RASD_EVENT_SORT_DATE, FALSE, NULL, &error);
  g_assert_cmpuint (marks->len, ==, 1);
  g_clear_pointer (&marks, g_array_unref);
  /* undated, last; by kind and place too */
  by_person.place = NULL;
  marks = rasd_store_list_event_marks (store, &by_person, RASD_EVENT_SORT_DATE, FALSE, NULL, &error);
  g_assert_cmpuint (marks->len, ==, 2);
  g_assert_cmpint (g_array_index (marks, RasdEventMark, 1).id, ==, 2);
  g_assert_cmpuint (g_array_index (marks, RasdEventMark, 1).first_day, ==, 0);
  g_assert_cmpstr (rasd_store_event_kinds ()[g_array_index (marks, RasdEventMark, 1).kind], ==, "summit");
  g_clear_object (&store);
  rasd_test_rmtree (dir);
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
  g_test_add_func ("/event-model/pages", test_model_pages);
  g_test_add_func ("/event-model/sort", test_model_sort);
  g_test_add_func ("/event-model/timeline-and-places", test_model_timeline_and_places);
  g_test_add_func ("/event-model/reload-after-import", test_model_reload_after_import);
  g_test_add_func ("/store/mentions", test_store_mentions);
  g_test_add_func ("/store/person-marks-follow-events", test_store_person_marks_follow_events);

  status = g_test_run ();
  if (tmp_dir != NULL)
    rasd_test_rmtree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
