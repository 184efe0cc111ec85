/* The scale benchmark: imports an archive (bench/make-archive writes one) through the importer,
 * extraction included, then measures what the window needs from the store on it: event filters
 * by person, place and date, and Arabic full-text search.  Then it grows the database to
 * --events events (direct inserts of synthetic events among the imported people, places and
 * articles) and measures the filters again.  Prints figures; asserts nothing about time.
 *
 *   bench-scale --archive DIR [--work DIR] [--events N] [--reuse]
 *   bench-scale --search-only DATABASE
 *   bench-scale --filters-only DATABASE [--limit N]
 *
 * --work keeps rasd.db (the import) and rasd-events.db (the grown database) there.  --reuse
 * skips the import when WORK/rasd.db exists.  --search-only measures only the search on an
 * existing database (migrating it to the current schema, as opening it in Rasd would);
 * --filters-only likewise the event filters.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rasd-importer.h"
#include "rasd-store.h"
#include "rasd-bench-util.h"

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
file_mb (const char *path)
{
  GStatBuf st;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  double total = 0;

  if (g_stat (path, &st) == 0)
    total += st.st_size;
  if (g_stat (wal, &st) == 0)
    total += st.st_size;
  return total / (1024.0 * 1024.0);
}

static double
process_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);  /* one thread runs the queries */
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/* Latencies of one kind of query: median and worst. */
typedef struct
{
  GArray *ms;
  GArray *cpu_ms;
  guint   min_results;
  guint   max_results;
} Timings;

static void
timings_init (Timings *t)
{
  t->ms = g_array_new (FALSE, FALSE, sizeof (double));
  t->cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  t->min_results = G_MAXUINT;
  t->max_results = 0;
}

static void
timings_add (Timings *t,
             double   ms,
             double   cpu_ms,
             guint    n_results)
{
  g_array_append_val (t->ms, ms);
  g_array_append_val (t->cpu_ms, cpu_ms);
  t->min_results = MIN (t->min_results, n_results);
  t->max_results = MAX (t->max_results, n_results);
}

static void
timings_print (Timings    *t,
               const char *what,
               double      aim)
{
  double median, worst, cpu_median;

  g_array_sort (t->ms, compare_doubles);
  g_array_sort (t->cpu_ms, compare_doubles);
  median = g_array_index (t->ms, double, t->ms->len / 2);
  worst = g_array_index (t->ms, double, t->ms->len - 1);
  cpu_median = g_array_index (t->cpu_ms, double, t->cpu_ms->len / 2);
  printf ("  %-20s median %7.1f ms  worst %7.1f ms  cpu median %6.1f ms  (%u queries, %u-%u results)%s\n",
          what, median, worst, cpu_median, t->ms->len, t->min_results, t->max_results,
          worst <= aim ? "" : "  over the aim");
  g_array_unref (t->ms);
  g_array_unref (t->cpu_ms);
}

/* Names of the entities of @kind at a few ranks by number of events: the most reported ones
 * and rarer ones, as a user would pick them. */
static GPtrArray *
names_by_rank (RasdStore  *store,
               const char *sql)
{
  static const int ranks[] = { 0, 3, 10, 30, 100, 300 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  int row = 0;
  guint next = 0;

  if (sqlite3_prepare_v2 (rasd_store_get_db (store), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (rasd_store_get_db (store)));
  while (next < G_N_ELEMENTS (ranks) && sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (row++ == ranks[next])
        {
          g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
          next++;
        }
    }
  return names;
}

/* What the window's event model waits for before the list, map and timeline show a filter's
 * events: every matching event's marks (sorted by date), the timeline's marks when a date range
 * goes with other parts (all filters but the dates; a date range alone keeps those of no
 * filter), the first page of 128 items, the places (kinds are counted from the marks).  The
 * people facet comes after (@people: its own timings). */
static void
run_window_filter (RasdStore             *store,
                   const RasdEventFilter *filter,
                   Timings               *t,
                   Timings               *people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) timeline = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) counted = NULL;
  gint64 ids[128];
  guint n_page;
  double cpu = process_cpu_ms ();
  gint64 start = g_get_monotonic_time ();

  marks = rasd_store_list_event_marks (store, filter, RASD_EVENT_SORT_DATE, FALSE, NULL, &error);
  if (marks == NULL)
    g_error ("list_event_marks: %s", error->message);
  if ((filter->from != NULL || filter->to != NULL) && (filter->person != NULL || filter->place != NULL))
    {
      RasdEventFilter undated = *filter;

      undated.from = undated.to = NULL;
      timeline = rasd_store_list_event_marks (store, &undated, RASD_EVENT_SORT_DATE, FALSE, NULL, &error);
      if (timeline == NULL)
        g_error ("list_event_marks: %s", error->message);
    }
  n_page = MIN (marks->len, G_N_ELEMENTS (ids));
  for (guint i = 0; i < n_page; i++)
    ids[i] = g_array_index (marks, RasdEventMark, i).id;
  page = rasd_store_list_event_summaries_by_id (store, ids, n_page, &error);
  if (page == NULL)
    g_error ("list_event_summaries_by_id: %s", error->message);
  places = rasd_store_count_marks_places (store, marks, &error);
  if (places == NULL)
    g_error ("count_marks_places: %s", error->message);
  timings_add (t, ms_since (start), process_cpu_ms () - cpu, marks->len);

  cpu = process_cpu_ms ();
  start = g_get_monotonic_time ();
  counted = rasd_store_count_marks_people (store, marks, NULL, &error);
  if (counted == NULL)
    g_error ("count_marks_people: %s", error->message);
  timings_add (people, ms_since (start), process_cpu_ms () - cpu, marks->len);
}

static void
run_filter (RasdStore             *store,
            const RasdEventFilter *filter,
            Timings               *t,
            Timings               *people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  double cpu;
  gint64 start;

  /* All matching events: as the window needs them. */
  if (filter->limit == 0)
    {
      run_window_filter (store, filter, t, people);
      return;
    }
  cpu = process_cpu_ms ();
  start = g_get_monotonic_time ();
  events = rasd_store_list_events (store, filter, &error);
  if (events == NULL)
    g_error ("list_events: %s", error->message);
  timings_add (t, ms_since (start), process_cpu_ms () - cpu, events->len);
}

#define REPEATS 3

static void exec_or_die (sqlite3    *db,
                         const char *sql);

static void
measure_filters (RasdStore  *store,
                 guint       limit,
                 double      aim)
{
  g_autoptr(GPtrArray) people = names_by_rank (store,
    "SELECT e.name FROM entities e JOIN event_participants ep ON ep.entity_id = e.id"
    " WHERE e.kind = 'person' GROUP BY e.id ORDER BY count(*) DESC, e.id");
  g_autoptr(GPtrArray) places = names_by_rank (store,
    "SELECT e.name FROM entities e JOIN events ev ON ev.place_id = e.id"
    " WHERE e.kind = 'place' GROUP BY e.id ORDER BY count(*) DESC, e.id");
  static const char * const ranges[][2] = {
    { "2003-03-15", "2003-03-15" }, { "2010-06", "2010-06" }, { "2001", "2001" },
    { "2015-01", "2015-03" }, { "1998-07-01", "1998-07-07" }, { "2024-12", NULL },
  };
  Timings all, person, place, date, combined;
  Timings all_people, person_people, place_people, date_people, combined_people;

  timings_init (&all);
  timings_init (&all_people);
  timings_init (&person);
  timings_init (&place);
  timings_init (&date);
  timings_init (&combined);
  timings_init (&person_people);
  timings_init (&place_people);
  timings_init (&date_people);
  timings_init (&combined_people);
  for (int r = 0; r < REPEATS; r++)
    {
      {
        RasdEventFilter f = { .limit = limit };

        run_filter (store, &f, &all, &all_people);
      }
      for (guint i = 0; i < people->len; i++)
        {
          RasdEventFilter f = { .person = g_ptr_array_index (people, i), .limit = limit };

          run_filter (store, &f, &person, &person_people);
        }
      for (guint i = 0; i < places->len; i++)
        {
          RasdEventFilter f = { .place = g_ptr_array_index (places, i), .limit = limit };

          run_filter (store, &f, &place, &place_people);
        }
      for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
        {
          RasdEventFilter f = { .from = ranges[i][0], .to = ranges[i][1], .limit = limit };

          run_filter (store, &f, &date, &date_people);
        }
      for (guint i = 0; i < MIN (people->len, places->len); i++)
        {
          RasdEventFilter f = {
            .person = g_ptr_array_index (people, i), .from = "2005", .to = "2015",
            .limit = limit,
          };

          run_filter (store, &f, &combined, &combined_people);
        }
    }
  if (limit > 0)
    printf(" event filters, first %u events (aim: under %.0f ms):\n", limit, aim);
  else
    printf(" event filters, all matching events as the window lists them: marks, first page,\n"
           " places and kinds; the timeline's marks for a range with a person (aim: under %.0f ms):\n",
           aim);
  timings_print (&all, "no filter", aim);
  timings_print (&person, "person", aim);
  timings_print (&place, "place", aim);
  timings_print (&date, "date range", aim);
  timings_print (&combined, "person + 2005-2015", aim);
  if (limit == 0)
    {
      timings_print (&all_people, "no filter: people", aim);
      printf (" then the people facet of the same events (arrives after the list, map and timeline):\n");
      timings_print (&person_people, "person: people", aim);
      timings_print (&place_people, "place: people", aim);
      timings_print (&date_people, "date range: people", aim);
      timings_print (&combined_people, "person+2005-15: people", aim);
    }
  else
    {
      g_array_unref (all_people.ms);
      g_array_unref (all_people.cpu_ms);
      g_array_unref (person_people.ms);
      g_array_unref (person_people.cpu_ms);
      g_array_unref (place_people.ms);
      g_array_unref (place_people.cpu_ms);
      g_array_unref (date_people.ms);
      g_array_unref (date_people.cpu_ms);
      g_array_unref (combined_people.ms);
      g_array_unref (combined_people.cpu_ms);
    }
}

static void
measure_search (RasdStore *store)
{
  static const char * const queries[] = {
    "لقاء", "اتصالا هاتفيا", "القمة", "الطاقة والاستثمار", "بوتين", "مذكرات التفاهم",
    "اللاجئين", "العلاقات الثنائية",
  };
  double slowest[G_N_ELEMENTS (queries)] = { 0 };
  guint worst_query = 0;
  Timings t;

  timings_init (&t);
  for (int r = 0; r < REPEATS; r++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) hits = NULL;
        double cpu = process_cpu_ms ();
        gint64 start = g_get_monotonic_time ();
        double ms;

        hits = rasd_store_search (store, queries[i], 50, &error);
        if (hits == NULL)
          g_error ("search: %s", error->message);
        ms = ms_since (start);
        timings_add (&t, ms, process_cpu_ms () - cpu, hits->len);
        slowest[i] = MAX (slowest[i], ms);
        if (slowest[i] > slowest[worst_query])
          worst_query = i;
      }
  printf (" Arabic full-text search, best 50 (aim: under 100 ms):\n");
  timings_print (&t, "search", 100);
  /* Which query was slowest, so that a slow case can be looked into. */
  printf ("  slowest query: %s (%.1f ms)\n", queries[worst_query], slowest[worst_query]);
}

static void
print_stats (RasdStore  *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  RasdStoreStats stats;

  if (!rasd_store_get_stats (store, &stats, &error))
    g_error ("%s", error->message);
  printf (" database:       %.1f MB (%s)\n", file_mb (path), path);
  printf (" contents:       %" G_GINT64_FORMAT " articles, %" G_GINT64_FORMAT " events, %"
          G_GINT64_FORMAT " people, %" G_GINT64_FORMAT " places\n",
          stats.n_articles, stats.n_events, stats.n_people, stats.n_places);
}

static GArray *
ids (sqlite3    *db,
     const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (out, id);
    }
  return out;
}

/* Grows the database to @target events: synthetic events among the stored people (the most
 * reported ones the most often), places and articles, as extraction stores them. */
static void
grow_events (RasdStore *store,
             gint64     target)
{
  static const char * const kinds[][2] = {
    { "meeting", "040" }, { "visit", "042" }, { "talks", "046" }, { "reception", "043" },
    { "call", "041" }, { "summit", "044" },
  };
  static const char * const roles[] = { "headline", "headline", "background", "planned" };
  sqlite3 *db = rasd_store_get_db (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1000000);
  g_autoptr(GArray) people = ids (db,
    "SELECT e.id FROM entities e LEFT JOIN event_participants ep ON ep.entity_id = e.id"
    " WHERE e.kind = 'person' GROUP BY e.id ORDER BY count(ep.event_id) DESC, e.id");
  g_autoptr(GArray) places = ids (db,
    "SELECT e.id FROM entities e LEFT JOIN events ev ON ev.place_id = e.id"
    " WHERE e.kind = 'place' GROUP BY e.id ORDER BY count(ev.id) DESC, e.id");
  g_autoptr(GArray) articles = ids (db, "SELECT id FROM articles ORDER BY id");
  g_autoptr(sqlite3_stmt) event = prepare_or_die (db,
    "INSERT INTO events (kind, cameo, date, date_precision, day, day_end, place_id, role)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  g_autoptr(sqlite3_stmt) participant = prepare_or_die (db,
    "INSERT OR IGNORE INTO event_participants (event_id, entity_id) VALUES (?1, ?2)");
  g_autoptr(sqlite3_stmt) source = prepare_or_die (db,
    "INSERT OR IGNORE INTO event_sources (event_id, article_id, role) VALUES (?1, ?2, ?3)");
  g_autoptr(sqlite3_stmt) evidence = prepare_or_die (db,
    "INSERT INTO evidence (event_id, article_id, start, end) VALUES (?1, ?2, ?3, ?4)");
  RasdStoreStats stats;
  gint64 first_day = rasd_date_to_days (1995, 1, 1);
  gint64 n_days = rasd_date_to_days (2025, 12, 31) - first_day + 1;
  gint64 n_events;

  if (!rasd_store_get_stats (store, &stats, NULL))
    g_error ("counting events");
  if (people->len < 2 || places->len < 1 || articles->len < 1)
    g_error ("the imported database has too few people, places or articles to grow");

  exec_or_die (db, "BEGIN");
  for (n_events = stats.n_events; n_events < target; n_events++)
    {
      guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds));
      gint64 day = first_day + g_rand_int_range (rand, 0, (gint32) n_days);
      int precision = g_rand_int_range (rand, 0, 20);
      RasdDate d;
      int year, month, mday;
      gint64 day_end;
      g_autofree char *date = NULL;
      gint64 event_id;
      guint n_sources = g_rand_int_range (rand, 0, 5) == 0 ? 2 : 1;
      guint n_people = g_rand_int_range (rand, 0, 6) == 0 ? 3 : 2;

      d = rasd_date_from_days (day);
      year = d.year;
      month = d.month;
      mday = d.day;
      if (precision < 17)
        {
          date = g_strdup_printf ("%04d-%02d-%02d", year, month, mday);
          precision = RASD_DATE_PRECISION_DAY;
          day_end = day;
        }
      else if (precision < 19)
        {
          date = g_strdup_printf ("%04d-%02d", year, month);
          precision = RASD_DATE_PRECISION_MONTH;
          day = rasd_date_to_days (year, month, 1);
          day_end = rasd_date_to_days (year, month, rasd_date_days_in_month (year, month));
        }
      else
        {
          date = g_strdup_printf ("%04d", year);
          precision = RASD_DATE_PRECISION_YEAR;
          day = rasd_date_to_days (year, 1, 1);
          day_end = rasd_date_to_days (year, 12, 31);
        }

      sqlite3_bind_text (event, 1, kinds[k][0], -1, SQLITE_STATIC);
      sqlite3_bind_text (event, 2, kinds[k][1], -1, SQLITE_STATIC);
      sqlite3_bind_text (event, 3, date, -1, SQLITE_STATIC);
      sqlite3_bind_int (event, 4, precision);
      sqlite3_bind_int64 (event, 5, day);
      sqlite3_bind_int64 (event, 6, day_end);
      if (g_rand_int_range (rand, 0, 10) > 0)
        {
          double u = g_rand_double (rand);
          sqlite3_bind_int64 (event, 7, g_array_index (places, gint64, (guint) (places->len * u * u)));
        }
      else
        sqlite3_bind_null (event, 7);
      sqlite3_bind_text (event, 8, roles[g_rand_int_range (rand, 0, G_N_ELEMENTS (roles))], -1,
                         SQLITE_STATIC);
      step_or_die (db, event);
      event_id = sqlite3_last_insert_rowid (db);

      for (guint p = 0; p < n_people; p++)
        {
          double u = g_rand_double (rand);

          sqlite3_bind_int64 (participant, 1, event_id);
          sqlite3_bind_int64 (participant, 2,
                              g_array_index (people, gint64, (guint) (people->len * u * u * u)));
          step_or_die (db, participant);
        }
      for (guint s = 0; s < n_sources; s++)
        {
          gint64 article = g_array_index (articles, gint64,
                                          g_rand_int_range (rand, 0, (gint32) articles->len));
          gint64 start = g_rand_int_range (rand, 0, 2000);

          sqlite3_bind_int64 (source, 1, event_id);
          sqlite3_bind_int64 (source, 2, article);
          sqlite3_bind_text (source, 3, "headline", -1, SQLITE_STATIC);
          step_or_die (db, source);
          sqlite3_bind_int64 (evidence, 1, event_id);
          sqlite3_bind_int64 (evidence, 2, article);
          sqlite3_bind_int64 (evidence, 3, start);
          sqlite3_bind_int64 (evidence, 4, start + g_rand_int_range (rand, 40, 300));
          step_or_die (db, evidence);
        }
      if (n_events % 100000 == 99999)
        exec_or_die (db, "COMMIT; BEGIN");
    }
  exec_or_die (db, "COMMIT");
  exec_or_die (db, "PRAGMA wal_checkpoint(TRUNCATE)");
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dst = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  if (!g_file_copy (src, dst, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("copying %s to %s: %s", from, to, error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *archive = NULL;
  g_autofree char *work = NULL;
  int n_events = 1000000;
  int limit = 500;
  gboolean reuse = FALSE;
  g_autofree char *search_only = NULL;
  g_autofree char *filters_only = NULL;
  GOptionEntry entries[] = {
    { "archive", 'a', 0, G_OPTION_ARG_FILENAME, &archive, "The archive to import (bench/make-archive)", "DIR" },
    { "work", 'w', 0, G_OPTION_ARG_FILENAME, &work, "Where the databases go (default: a temporary folder)", "DIR" },
    { "events", 'e', 0, G_OPTION_ARG_INT, &n_events, "Events in the grown database (default 1000000; 0: skip)", "N" },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &limit, "Events a view asks for at once (default 500)", "N" },
    { "reuse", 'r', 0, G_OPTION_ARG_NONE, &reuse, "Reuse WORK/rasd.db and WORK/rasd-events.db when they exist", NULL },
    { "search-only", 's', 0, G_OPTION_ARG_FILENAME, &search_only, "Only measure the search on this database", "DATABASE" },
    { "filters-only", 'f', 0, G_OPTION_ARG_FILENAME, &filters_only, "Only measure the event filters on this database", "DATABASE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- import, filter and search at scale");
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *big_path = NULL;

  rasd_store_configure_sqlite ();
  /* Figures show as they come, also into a file. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      (archive == NULL && search_only == NULL && filters_only == NULL) || limit < 0)
    {
      fprintf (stderr, "%s\n", error != NULL ? error->message : "give --archive DIR or --search-only DATABASE");
      return 2;
    }
  if (search_only != NULL)
    {
      store = rasd_store_open (search_only, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      print_stats (store, search_only);
      measure_search (store);
      return 0;
    }
  if (filters_only != NULL)
    {
      gint64 start = g_get_monotonic_time ();

      store = rasd_store_open (filters_only, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      printf ("opened (and migrated) in %.1f s\n", ms_since (start) / 1000.0);
      print_stats (store, filters_only);
      measure_filters (store, 0, 50);
      if (limit > 0)
        measure_filters (store, limit, 50);
      printf ("\npeak memory of the whole run: %.0f MB\n", peak_rss_mb ());
      return 0;
    }
  if (work == NULL)
    work = g_dir_make_tmp ("rasd-scale-XXXXXX", NULL);
  g_mkdir_with_parents (work, 0755);
  db_path = g_build_filename (work, "rasd.db", NULL);
  big_path = g_build_filename (work, "rasd-events.db", NULL);

  if (!reuse || !g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(RasdImporter) importer = NULL;
      const char *paths[] = { archive, NULL };
      RasdImportReport *report;
      g_autofree char *load_before = bench_load_average ();
      g_autofree char *load_after = NULL;
      double seconds, mb, cpu;
      gint64 start;

      g_unlink (db_path);
      store = rasd_store_open (db_path, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      importer = rasd_importer_new (store);
      cpu = process_cpu_ms ();
      start = g_get_monotonic_time ();
      if (!rasd_importer_run (importer, paths, NULL, &error))
        g_error ("%s", error->message);
      seconds = ms_since (start) / 1000.0;
      cpu = (process_cpu_ms () - cpu) / 1000.0;
      load_after = bench_load_average ();
      report = rasd_importer_get_report (importer);
      mb = report->n_bytes / (1024.0 * 1024.0);
      printf ("Import of %s (importer with extraction):\n", archive);
      printf (" files:          %u (%u articles imported, %u duplicates, %u failed), %.1f MB\n",
              report->n_files, report->n_imported, report->n_duplicates, report->n_failed, mb);
      printf (" import:         %.1f s  %.0f articles/s  %.2f MB/s on %u extraction workers "
              "(cpu %.1f s; aim: 2,000 articles/s)\n", seconds, report->n_imported / seconds,
              mb / seconds, g_get_num_processors (), cpu);
      printf (" load:           %s before the import, %s after\n", load_before, load_after);
      printf (" peak memory:    %.0f MB (ru_maxrss of the import; aim: under 300 MB)\n",
              peak_rss_mb ());
      g_clear_object (&store);
    }

  store = rasd_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  exec_or_die (rasd_store_get_db (store), "PRAGMA wal_checkpoint(TRUNCATE)");
  printf ("\nThe imported database:\n");
  print_stats (store, db_path);
  measure_filters (store, 0, 50);
  if (limit > 0)
    measure_filters (store, limit, 50);
  measure_search (store);

  if (n_events > 0)
    {
      gint64 start;

      g_clear_object (&store);
      if (!reuse || !g_file_test (big_path, G_FILE_TEST_EXISTS))
        {
          copy_file (db_path, big_path);
          store = rasd_store_open (big_path, &error);
          if (store == NULL)
            g_error ("%s", error->message);
          start = g_get_monotonic_time ();
          grow_events (store, n_events);
          printf ("\nGrown to %d events (synthetic events inserted in %.1f s):\n", n_events,
                  ms_since (start) / 1000.0);
          g_clear_object (&store);
        }
      else
        printf ("\nThe grown database (reused):\n");
      /* Measured on a fresh connection, as the window opens it. */
      store = rasd_store_open (big_path, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      print_stats (store, big_path);
      measure_filters (store, 0, 50);
      if (limit > 0)
        measure_filters (store, limit, 50);
      measure_search (store);
    }
  printf ("\npeak memory of the whole run: %.0f MB\n", peak_rss_mb ());
  return 0;
}
