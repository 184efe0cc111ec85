/* How long the explorer takes to follow a filter change on a large database: a generated store
 * of 100,000 events, then a person, a place, a date range and a search applied through the
 * window's model (RasdEventModel: the event query, the text search, the facet counts, the list
 * items), each broken down into its parts.
 *
 *   bench-explorer [--events N] [--keep PATH]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rasd-event-item.h"
#include "rasd-event-model.h"
#include "rasd-facet-item.h"
#include "rasd-filter.h"
#include "rasd-store.h"
#include "rasd-bench-util.h"

static int n_events = 100000;
static char *keep_path = NULL;

static const char * const first_names[] = {
  "محمد", "أحمد", "علي", "حسن", "خالد", "عمر", "يوسف", "إبراهيم", "سعيد", "عبد الله",
  "فيصل", "سلمان", "طارق", "نبيل", "كريم", "مصطفى", "هشام", "وليد", "زياد", "جمال",
};
static const char * const family_names[] = {
  "العطار", "الحسيني", "المصري", "الخطيب", "النجار", "الشامي", "البغدادي", "الحلبي", "التونسي",
  "المغربي", "القاسم", "الزيدي", "الراشد", "الفارس", "الجابري", "السعدي", "الكبيسي", "العلوي",
  "الهاشمي", "البزاز", "الدوري", "الصافي", "الموسوي", "العبيدي", "الطائي", "الكعبي", "اليمني",
  "الحكيم", "السامرائي", "العاني", "الربيعي", "الشمري", "العنزي", "الدليمي", "الجبوري", "المالكي",
  "الساعدي", "الخزاعي", "البصري", "الكوفي", "النقيب", "الأمين", "الصدر", "الوائلي", "الحمداني",
  "الزبيدي", "التميمي", "الأسدي", "القيسي", "المطيري",
};
static const char * const cities[] = {
  "دمشق", "موسكو", "القاهرة", "الرياض", "بغداد", "بيروت", "عمان", "الدوحة", "أبوظبي", "الجزائر",
  "تونس", "الرباط", "طهران", "أنقرة", "جنيف", "باريس", "لندن", "واشنطن", "بكين", "سوتشي",
};
static const char * const kinds[] = { "meeting", "visit", "talks", "reception", "call", "summit" };

#define N_PEOPLE 1000
#define N_PLACES 400
#define N_ARTICLES 20000

/* Skewed choice in [0, n): a few people and places have most of the events, as in the news. */
static int
skewed (GRand *rand,
        int    n)
{
  double u = g_rand_double (rand);

  return (int) (n * u * u * u) % n;
}

/* Entities, articles (indexed for search), and events with participants, sources and evidence,
 * straight into the tables rasd_store_save_extraction() fills. */
static void
generate (RasdStore *store)
{
  sqlite3 *db = rasd_store_get_db (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20151020);
  g_autoptr(sqlite3_stmt) entity = NULL;
  g_autoptr(sqlite3_stmt) article = NULL;
  g_autoptr(sqlite3_stmt) fts = NULL;
  g_autoptr(sqlite3_stmt) event = NULL;
  g_autoptr(sqlite3_stmt) participant = NULL;
  g_autoptr(sqlite3_stmt) source = NULL;
  g_autoptr(sqlite3_stmt) evidence = NULL;
  GDate date;

  exec_or_die (db, "BEGIN");
  entity = prepare_or_die (db,
                           "INSERT INTO entities (id, kind, key, name, place_kind, country, lat, lon, normalized)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, rasd_name_words (?4, NULL))");
  for (int i = 0; i < N_PEOPLE; i++)
    {
      g_autofree char *key = g_strdup_printf ("bench-person-%d", i);
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[i % G_N_ELEMENTS (first_names)],
                                               family_names[(i / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (family_names)]);

      sqlite3_bind_int64 (entity, 1, i + 1);
      sqlite3_bind_text (entity, 2, "person", -1, SQLITE_STATIC);
      sqlite3_bind_text (entity, 3, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (entity, 4, name, -1, SQLITE_TRANSIENT);
      for (int p = 5; p <= 8; p++)
        sqlite3_bind_null (entity, p);
      step_or_die (db, entity);
    }
  for (int i = 0; i < N_PLACES; i++)
    {
      g_autofree char *key = g_strdup_printf ("%d", 100000 + i);
      g_autofree char *name = i < (int) G_N_ELEMENTS (cities) ? g_strdup (cities[i])
                                                              : g_strdup_printf ("مدينة %d", i);

      sqlite3_bind_int64 (entity, 1, N_PEOPLE + i + 1);
      sqlite3_bind_text (entity, 2, "place", -1, SQLITE_STATIC);
      sqlite3_bind_text (entity, 3, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (entity, 4, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (entity, 5, "city", -1, SQLITE_STATIC);
      sqlite3_bind_text (entity, 6, i % 2 ? "SY" : "RU", -1, SQLITE_STATIC);
      sqlite3_bind_double (entity, 7, g_rand_double_range (rand, -40, 60));
      sqlite3_bind_double (entity, 8, g_rand_double_range (rand, -20, 120));
      step_or_die (db, entity);
    }

  article = prepare_or_die (db,
                            "INSERT INTO articles (id, title, source, date_publish, text, hash, imported_at)"
                            " VALUES (?1, ?2, 'bench', ?3, ?4, ?5, 0)");
  fts = prepare_or_die (db, "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)");
  for (int i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *title = g_strdup_printf ("لقاء في %s", cities[i % G_N_ELEMENTS (cities)]);
      g_autofree char *text = g_strdup_printf ("%s. التقى الرئيس %s نظيره في %s وبحثا العلاقات الثنائية %s.",
                                               title, family_names[i % G_N_ELEMENTS (family_names)],
                                               cities[(i * 7) % G_N_ELEMENTS (cities)],
                                               i % 10 == 0 ? "في اتصال هاتفي" : "والتعاون الاقتصادي");
      g_autofree char *hash = g_strdup_printf ("bench-%d", i);

      sqlite3_bind_int64 (article, 1, i + 1);
      sqlite3_bind_text (article, 2, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (article, 3, "2020-01-01", -1, SQLITE_STATIC);
      sqlite3_bind_text (article, 4, text, -1, SQLITE_STATIC);
      sqlite3_bind_text (article, 5, hash, -1, SQLITE_STATIC);
      step_or_die (db, article);
      sqlite3_bind_int64 (fts, 1, i + 1);
      sqlite3_bind_text (fts, 2, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (fts, 3, text, -1, SQLITE_STATIC);
      step_or_die (db, fts);
    }

  event = prepare_or_die (db,
                          "INSERT INTO events (id, kind, cameo, date, date_precision, day, day_end, place_id, role)"
                          " VALUES (?1, ?2, '040', ?3, 3, ?4, ?4, ?5, 'headline')");
  participant = prepare_or_die (db, "INSERT OR IGNORE INTO event_participants (event_id, entity_id) VALUES (?1, ?2)");
  source = prepare_or_die (db, "INSERT OR IGNORE INTO event_sources (event_id, article_id, role) VALUES (?1, ?2, 'headline')");
  evidence = prepare_or_die (db, "INSERT INTO evidence (event_id, article_id, start, end) VALUES (?1, ?2, 0, 40)");
  for (int i = 0; i < n_events; i++)
    {
      /* Days since 1970 (what events.day holds): 1990..2024. */
      gint64 day = 7305 + g_rand_int_range (rand, 0, 35 * 365);
      char iso[16];
      int article_id = g_rand_int_range (rand, 1, N_ARTICLES + 1);

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) (day + 719163));
      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                  g_date_get_day (&date));
      sqlite3_bind_int64 (event, 1, i + 1);
      sqlite3_bind_text (event, 2, kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))], -1, SQLITE_STATIC);
      sqlite3_bind_text (event, 3, iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (event, 4, day);
      sqlite3_bind_int64 (event, 5, N_PEOPLE + 1 + skewed (rand, N_PLACES));
      step_or_die (db, event);
      for (int p = 0; p < 2; p++)
        {
          sqlite3_bind_int64 (participant, 1, i + 1);
          sqlite3_bind_int64 (participant, 2, 1 + skewed (rand, N_PEOPLE));
          step_or_die (db, participant);
        }
      sqlite3_bind_int64 (source, 1, i + 1);
      sqlite3_bind_int64 (source, 2, article_id);
      step_or_die (db, source);
      sqlite3_bind_int64 (evidence, 1, i + 1);
      sqlite3_bind_int64 (evidence, 2, article_id);
      step_or_die (db, evidence);
    }
  exec_or_die (db, "COMMIT");
  exec_or_die (db, "ANALYZE");
}

static gboolean
model_listed (RasdEventModel *model)
{
  return !rasd_event_model_is_loading (model);
}

static gboolean
model_loaded (RasdEventModel *model)
{
  return !rasd_event_model_is_loading (model) && !rasd_event_model_is_counting (model);
}

/* Applies a filter change and waits for the model to have the new events, marks, places and
 * kinds (*@listed_ms: what the list, map and timeline wait for), then the people (the result). */
static double
time_model (RasdEventModel *model,
            void          (*change) (RasdFilter *filter, gpointer data),
            gpointer        data,
            double         *listed_ms)
{
  gint64 start = g_get_monotonic_time ();

  change (rasd_event_model_get_filter (model), data);
  if (model_loaded (model))
    rasd_event_model_reload (model);  /* the filter did not change (all events): load anyway */
  while (!model_listed (model))
    g_main_context_iteration (NULL, TRUE);
  *listed_ms = ms_since (start);
  while (!model_loaded (model))
    g_main_context_iteration (NULL, TRUE);
  return ms_since (start);
}

typedef struct
{
  double marks;     /* the list's marks, sorted */
  double timeline;  /* the timeline's marks (all filters but the dates) */
  double page;      /* the first page of items */
  double places;    /* places and kinds from the marks */
  double people;    /* the people facet */
  double cpu;
  guint  n;
} Parts;

/* The parts, timed alone on the same connection, as the model's worker runs them. */
static void
time_parts (RasdStore             *store,
            const RasdEventFilter *filter,
            Parts                 *parts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) timeline = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree gint64 *ids = NULL;
  double cpu_start = thread_cpu_ms ();
  gint64 start = g_get_monotonic_time ();

  marks = rasd_store_list_event_marks (store, filter, RASD_EVENT_SORT_DATE, FALSE, NULL, &error);
  if (marks == NULL)
    g_error ("%s", error->message);
  parts->marks = ms_since (start);

  start = g_get_monotonic_time ();
  if (filter->from != NULL || filter->to != NULL)
    {
      RasdEventFilter undated = *filter;

      /* Only when the non-date parts change: a brush alone keeps them. */
      undated.from = undated.to = NULL;
      timeline = rasd_store_list_event_marks (store, &undated, RASD_EVENT_SORT_DATE, FALSE, NULL, &error);
      if (timeline == NULL)
        g_error ("%s", error->message);
    }
  parts->timeline = ms_since (start);

  start = g_get_monotonic_time ();
  ids = g_new (gint64, 128);
  for (guint i = 0; i < MIN (marks->len, 128); i++)
    ids[i] = g_array_index (marks, RasdEventMark, i).id;
  page = rasd_store_list_event_summaries_by_id (store, ids, MIN (marks->len, 128), &error);
  if (page == NULL)
    g_error ("%s", error->message);
  parts->page = ms_since (start);

  start = g_get_monotonic_time ();
  places = rasd_store_count_marks_places (store, marks, &error);
  if (places == NULL)
    g_error ("%s", error->message);
  parts->places = ms_since (start);

  start = g_get_monotonic_time ();
  people = rasd_store_count_marks_people (store, marks, NULL, &error);
  if (people == NULL)
    g_error ("%s", error->message);
  parts->people = ms_since (start);
  parts->cpu = thread_cpu_ms () - cpu_start;
  parts->n = marks->len;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

#define REPEATS 5

typedef struct
{
  const char *name;
  const char *person;
  const char *person_label;
  const char *place;
  const char *place_label;
  const char *from;
  const char *to;
  const char *text;
} Case;

static void
apply_case (RasdFilter *filter,
            gpointer    data)
{
  const Case *c = data;

  rasd_filter_freeze (filter);
  rasd_filter_clear (filter);
  rasd_filter_set_person (filter, c->person, c->person_label);
  rasd_filter_set_place (filter, c->place, c->place_label);
  rasd_filter_set_range (filter, c->from, c->to);
  rasd_filter_set_text (filter, c->text);
  rasd_filter_thaw (filter);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "events", 0, 0, G_OPTION_ARG_INT, &n_events, "Events to generate (100000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_path, "Keep the database at PATH", "PATH" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = NULL;
  gint64 start;
  const Case cases[] = {
    { "all events (no filter)" },
    { "person (the busiest)", "bench-person-0", "محمد العطار" },
    { "person (a typical one)", "bench-person-500", "محمد الموسوي" },
    { "place (the busiest city)", NULL, NULL, "100000", "دمشق" },
    { "date range (one year)", NULL, NULL, NULL, NULL, "2015", "2015" },
    { "person + place + year", "bench-person-0", "محمد العطار", "100000", "دمشق", "2010", "2020" },
    { "search “هاتفي”", NULL, NULL, NULL, NULL, NULL, NULL, "هاتفي" },
  };

  if (!bench_parse_options ("- explorer filter latency", entries, &argc, &argv))
    return 2;

  if (keep_path != NULL)
    path = g_strdup (keep_path);
  else
    {
      dir = g_dir_make_tmp ("rasd-bench-explorer-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "rasd.db", NULL);
    }
  store = rasd_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  generate (store);
  printf ("database:   %d events, %d people, %d places, %d articles (generated in %.1f s)\n",
          n_events, N_PEOPLE, N_PLACES, N_ARTICLES, ms_since (start) / 1000);

  model = rasd_event_model_new (store, filter);
  printf ("\n%-26s %7s %7s %7s | %6s %6s %6s %6s %6s %7s %9s\n", "filter", "events", "listed",
          "all ms", "marks", "tline", "page", "places", "people", "cpu ms", "(aim 100)");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      RasdEventFilter filter_parts = { c->person, c->place, c->from, c->to, NULL, 0, c->text };
      double listed[REPEATS], total[REPEATS], marks[REPEATS], timeline[REPEATS], page[REPEATS];
      double places[REPEATS], people[REPEATS], cpu[REPEATS];
      Parts parts = { 0, };
      double all;

      for (guint r = 0; r < REPEATS; r++)
        {
          /* From no filter (its timeline marks kept) to the case, each time. */
          rasd_filter_clear (filter);
          while (!model_loaded (model))
            g_main_context_iteration (NULL, TRUE);
          total[r] = time_model (model, apply_case, (gpointer) c, &listed[r]);
          time_parts (store, &filter_parts, &parts);
          marks[r] = parts.marks;
          timeline[r] = parts.timeline;
          page[r] = parts.page;
          places[r] = parts.places;
          people[r] = parts.people;
          cpu[r] = parts.cpu;
          g_assert_cmpuint (parts.n, ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
        }
      all = median (total, REPEATS);
      printf ("%-26s %7u %7.1f %7.1f | %6.1f %6.1f %6.1f %6.1f %6.1f %7.1f %9s\n", c->name,
              g_list_model_get_n_items (G_LIST_MODEL (model)), median (listed, REPEATS), all,
              median (marks, REPEATS), median (timeline, REPEATS), median (page, REPEATS),
              median (places, REPEATS), median (people, REPEATS), median (cpu, REPEATS),
              all <= 100 ? "ok" : "over");
    }
  printf ("\nMedians of %d.  listed: filter change to the model holding the new events' marks, the\n"
          "timeline's marks, the first page of items, the places and kinds (worker thread), swapped\n"
          "in on the main thread: what the list, map and timeline wait for.  all ms: then the people\n"
          "facet too (a second worker step).  marks/tline/page/places/people: the same parts timed\n"
          "alone (tline: the timeline's marks for a date range, all filters but the dates; the model\n"
          "keeps them while only the range changes, so from no filter they come free); cpu ms:\n"
          "their CPU time (the thread's, steady when other processes load the machine).\n", REPEATS);

  g_clear_object (&model);
  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
      if (system (cmd) != 0)
        g_warning ("could not remove %s", dir);
    }
  return 0;
}
