#include "config.h"

#include <string.h>

#include "rasd-error.h"
#include "rasd-store.h"
#include "rasd-test-store.h"
#include "rasd-test-util.h"

/* Storing extractions and querying events, with extractions built by hand (the extractor's own
 * tests are elsewhere). */

static gint64
add_article (RasdStore  *store,
             const char *title,
             const char *url,
             const char *date)
{
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("%s\nنص الخبر عن %s.", title, url);
  gint64 id;

  rasd_article_set_title (article, title);
  rasd_article_set_url (article, url);
  rasd_article_set_date (article, date);
  rasd_article_set_source (article, "test");
  rasd_article_set_text (article, text);
  id = rasd_store_add_article (store, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* People of the tests. */
#define PUTIN(x)   rasd_test_add_person (x, "vladimir-putin", "فلاديمير بوتين", "Vladimir Putin")
#define ASSAD(x)   rasd_test_add_person (x, "bashar-al-assad", "بشار الأسد", "Bashar al-Assad")
#define ERDOGAN(x) rasd_test_add_person (x, "recep-tayyip-erdogan", "رجب طيب أردوغان", "Recep Tayyip Erdogan")
#define LAVROV(x)  rasd_test_add_person (x, "sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov")
#define KERRY(x)   rasd_test_add_person (x, "john-kerry", "جون كيري", "John Kerry")
#define MOSCOW(x)  rasd_test_add_place (x, "524901", "موسكو", "Moscow", "RU", "city", 55.75, 37.62)
#define SOCHI(x)   rasd_test_add_place (x, "491422", "سوتشي", "Sochi", "RU", "city", 43.6, 39.73)
#define RUSSIA(x)  rasd_test_add_place (x, "country:RU", "روسيا", "Russia", "RU", "country", 0, 0)
#define GENEVA(x)  rasd_test_add_place (x, "2660646", "جنيف", "Geneva", "CH", "city", 46.2, 6.14)

/* Adds an event; the participants are entity indexes ending with -1. */
static RasdEvent *
add_event (RasdExtraction *x,
           const char     *kind,
           const char     *cameo,
           const char     *date,
           RasdEventRole   role,
           int             place,
           gsize           start,
           gsize           end,
           ...)
{
  RasdEvent *event = rasd_event_new ();
  RasdSpan span = { start, end };
  va_list ap;

  event->kind = kind;
  event->cameo = cameo;
  if (date != NULL)
    g_assert_true (rasd_date_parse_iso (date, &event->date));
  event->role = role;
  event->place = place;
  g_array_append_val (event->evidence, span);
  va_start (ap, end);
  for (int p = va_arg (ap, int); p >= 0; p = va_arg (ap, int))
    g_array_append_val (event->participants, p);
  va_end (ap);
  g_ptr_array_add (x->events, event);
  return event;
}

static void
add_mention (RasdExtraction  *x,
             RasdMentionKind  kind,
             int              entity,
             gsize            start,
             gsize            end,
             const char      *date)
{
  RasdMention mention = { kind, start, end, entity, { 0 } };

  if (date != NULL)
    g_assert_true (rasd_date_parse_iso (date, &mention.date));
  g_array_append_val (x->mentions, mention);
}

static void
save (RasdStore      *store,
      gint64          article_id,
      RasdExtraction *x)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rasd_store_save_extraction (store, article_id, x, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list (RasdStore             *store,
      const RasdEventFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *events = rasd_store_list_events (store, filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (events);
  return events;
}

static gint64
count (RasdStore  *store,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static RasdStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  RasdStore *store = rasd_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

/* A visit to Damascus, with its date, place, people, source and evidence. */
static RasdExtraction *
make_damascus_visit (void)
{
  RasdExtraction *x = rasd_extraction_new ();
  int putin = PUTIN (x);
  int assad = ASSAD (x);
  int damascus = rasd_test_add_place (x, "170654", "دمشق", "Damascus", "SY", "city", 33.51, 36.29);
  int syria = rasd_test_add_place (x, "country:SY", "سوريا", "Syria", "SY", "country", 0, 0);

  add_mention (x, RASD_MENTION_PERSON, putin, 20, 34, NULL);
  add_mention (x, RASD_MENTION_PERSON, assad, 40, 50, NULL);
  add_mention (x, RASD_MENTION_PLACE, damascus, 55, 59, NULL);
  add_mention (x, RASD_MENTION_PLACE, syria, 70, 75, NULL);
  add_mention (x, RASD_MENTION_DATE, -1, 80, 95, "2015-07-21");
  add_event (x, "visit", "042", "2015-07-21", RASD_EVENT_ROLE_HEADLINE, damascus, 10, 120,
             putin, assad, -1);
  return x;
}

static void
test_events_save_list (void)
{
  g_autoptr(RasdStore) store = open_store ();
  g_autoptr(RasdExtraction) x = make_damascus_visit ();
  g_autoptr(GPtrArray) events = NULL;
  gint64 article = add_article (store, "بوتين في دمشق", "https://example.com/a", "2015-07-21");
  RasdStoredEvent *event;
  RasdStoredPerson *person;
  RasdStoredSource *source;
  RasdStoredEvidence *evidence;
  RasdStoreStats stats;
  g_autoptr(GError) error = NULL;

  save (store, article, x);
  events = list (store, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->kind, ==, "visit");
  g_assert_cmpstr (event->cameo, ==, "042");
  g_assert_cmpstr (event->date, ==, "2015-07-21");
  g_assert_cmpint (event->precision, ==, RASD_DATE_PRECISION_DAY);
  g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_HEADLINE);

  g_assert_cmpuint (event->participants->len, ==, 2);
  person = g_ptr_array_index (event->participants, 0);
  g_assert_cmpstr (person->key, ==, "vladimir-putin");
  g_assert_cmpstr (person->name, ==, "فلاديمير بوتين");
  g_assert_cmpstr (person->name_en, ==, "Vladimir Putin");
  person = g_ptr_array_index (event->participants, 1);
  g_assert_cmpstr (person->name, ==, "بشار الأسد");

  g_assert_nonnull (event->place);
  g_assert_cmpstr (event->place->name, ==, "دمشق");
  g_assert_cmpstr (event->place->name_en, ==, "Damascus");
  g_assert_cmpstr (event->place->kind, ==, "city");
  g_assert_cmpstr (event->place->country, ==, "SY");
  g_assert_true (event->place->has_coordinates);
  g_assert_cmpfloat_with_epsilon (event->place->lat, 33.51, 1e-9);
  g_assert_cmpfloat_with_epsilon (event->place->lon, 36.29, 1e-9);

  g_assert_cmpuint (event->sources->len, ==, 1);
  source = g_ptr_array_index (event->sources, 0);
  g_assert_cmpint (source->article_id, ==, article);
  g_assert_cmpstr (source->title, ==, "بوتين في دمشق");
  g_assert_cmpstr (source->url, ==, "https://example.com/a");
  g_assert_cmpstr (source->date, ==, "2015-07-21");
  g_assert_cmpint (source->role, ==, RASD_EVENT_ROLE_HEADLINE);

  g_assert_cmpuint (event->evidence->len, ==, 1);
  evidence = &g_array_index (event->evidence, RasdStoredEvidence, 0);
  g_assert_cmpint (evidence->article_id, ==, article);
  g_assert_cmpint (evidence->start, ==, 10);
  g_assert_cmpint (evidence->end, ==, 120);

  /* Mentions: dates as ISO values without an entity; the others point at their entity. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions"), ==, 5);
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions WHERE kind = 'date'"
                                 " AND value = '2015-07-21' AND entity_id IS NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM mentions m JOIN entities e"
                                 " ON e.id = m.entity_id WHERE e.key = 'vladimir-putin'"
                                 " AND m.start = 20 AND m.end = 34"), ==, 1);
  /* A country without coordinates stores none. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities WHERE key = 'country:SY'"
                                 " AND lat IS NULL"), ==, 1);

  g_assert_true (rasd_store_get_stats (store, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stats.n_people, ==, 2);
  g_assert_cmpint (stats.n_places, ==, 2);
  g_assert_cmpint (stats.n_events, ==, 1);
}

static void
assert_counts (RasdStore    *store,
               const gint64  expected[7])
{
  static const char * const sql[7] = {
    "SELECT count(*) FROM entities", "SELECT count(*) FROM mentions",
    "SELECT count(*) FROM events", "SELECT count(*) FROM event_participants",
    "SELECT count(*) FROM event_sources", "SELECT count(*) FROM evidence",
    "SELECT count(*) FROM entity_articles",
  };

  for (guint i = 0; i < 7; i++)
    {
      g_test_message ("%s", sql[i]);
      g_assert_cmpint (count (store, sql[i]), ==, expected[i]);
    }
}

static void
test_events_idempotent (void)
{
  g_autoptr(RasdStore) store = open_store ();
  g_autoptr(RasdExtraction) x = make_damascus_visit ();
  g_autoptr(RasdExtraction) y = make_damascus_visit ();
  gint64 a = add_article (store, "أ", "https://example.com/a", "2015-07-21");
  gint64 b = add_article (store, "ب", "https://example.com/b", "2015-07-22");
  /* entity_articles: the entities each article names */
  const gint64 after_a[7] = { 4, 5, 1, 2, 1, 1, 4 };
  const gint64 after_b[7] = { 4, 10, 1, 2, 2, 2, 8 };

  save (store, a, x);
  assert_counts (store, after_a);
  save (store, a, x);
  assert_counts (store, after_a);

  /* With a second article reporting the event, saving either again changes nothing. */
  save (store, b, y);
  assert_counts (store, after_b);
  save (store, a, x);
  assert_counts (store, after_b);
  save (store, b, y);
  assert_counts (store, after_b);
}

/* Two articles on the same talks: one event, two sources, the date from the precise one. */
static void
test_events_group (void)
{
  g_autoptr(RasdStore) store = open_store ();
  g_autoptr(RasdExtraction) x = rasd_extraction_new ();
  g_autoptr(RasdExtraction) y = rasd_extraction_new ();
  g_autoptr(RasdExtraction) z = rasd_extraction_new ();
  g_autoptr(GPtrArray) events = NULL;
  gint64 a = add_article (store, "أ", "https://example.com/a", "2015-08-01");
  gint64 b = add_article (store, "ب", "https://example.com/b", "2015-07-22");
  gint64 c = add_article (store, "ج", "https://example.com/c", "2015-07-23");
  RasdStoredEvent *event;

  /* a: background, the month only, in Russia; b: the day, in Moscow, a headline, a third
   * participant; c: no date at all, and calls it a meeting. */
  add_event (x, "talks", "046", "2015-07", RASD_EVENT_ROLE_BACKGROUND, RUSSIA (x), 5, 50,
             PUTIN (x), ASSAD (x), -1);
  add_event (y, "visit", "042", "2015-07-21", RASD_EVENT_ROLE_HEADLINE, MOSCOW (y), 0, 80,
             ASSAD (y), PUTIN (y), LAVROV (y), -1);
  add_event (z, "meeting", "040", NULL, RASD_EVENT_ROLE_BACKGROUND, -1, 100, 150,
             PUTIN (z), ASSAD (z), -1);
  save (store, a, x);
  save (store, b, y);
  save (store, c, z);

  events = list (store, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->kind, ==, "talks");
  g_assert_cmpstr (event->date, ==, "2015-07-21");
  g_assert_cmpint (event->precision, ==, RASD_DATE_PRECISION_DAY);
  g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_HEADLINE);
  g_assert_nonnull (event->place);
  g_assert_cmpstr (event->place->name_en, ==, "Moscow");
  g_assert_cmpuint (event->participants->len, ==, 3);
  g_assert_cmpuint (event->sources->len, ==, 3);
  g_assert_cmpint (((RasdStoredSource *) g_ptr_array_index (event->sources, 0))->role, ==,
                   RASD_EVENT_ROLE_BACKGROUND);
  g_assert_cmpint (((RasdStoredSource *) g_ptr_array_index (event->sources, 1))->role, ==,
                   RASD_EVENT_ROLE_HEADLINE);
  g_assert_cmpuint (event->evidence->len, ==, 3);
  g_assert_cmpint (g_array_index (event->evidence, RasdStoredEvidence, 2).article_id, ==, c);
  g_assert_cmpint (g_array_index (event->evidence, RasdStoredEvidence, 2).start, ==, 100);

  /* The filter sees the filled date. */
  {
    RasdEventFilter filter = { .from = "2015-07-21", .to = "2015-07-21" };
    g_autoptr(GPtrArray) on_day = list (store, &filter);
    g_assert_cmpuint (on_day->len, ==, 1);
  }

  /* Without the headline source, the role falls back to what the others say. */
  {
    g_autoptr(RasdExtraction) empty = rasd_extraction_new ();
    g_autoptr(GPtrArray) after = NULL;

    save (store, b, empty);
    after = list (store, NULL);
    g_assert_cmpuint (after->len, ==, 1);
    event = g_ptr_array_index (after, 0);
    g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_BACKGROUND);
    g_assert_cmpuint (event->sources->len, ==, 2);
  }
}

/* A precise date first, then a vaguer report: the precise date stays. */
/* A report without a date may be any of its pair's events: it joins the one that agrees on its
 * place, though an earlier one agrees on nothing against it; with nothing to agree on, the
 * first stored.  (The store reads the pair in order and stops at the first that agrees on
 * everything: a stop at the first that merely matches would take the earlier event.) */
static void
test_events_group_undated (void)
{
  g_autoptr(RasdStore) store = open_store ();
  g_autoptr(RasdExtraction) w = rasd_extraction_new ();
  g_autoptr(RasdExtraction) x = rasd_extraction_new ();
  g_autoptr(RasdExtraction) y = rasd_extraction_new ();
  g_autoptr(RasdExtraction) z = rasd_extraction_new ();
  g_autoptr(GPtrArray) events = NULL;
  gint64 a = add_article (store, "أ", "https://example.com/a", "2014-05-01");
  gint64 b = add_article (store, "ب", "https://example.com/b", "2015-07-21");
  gint64 c = add_article (store, "ج", "https://example.com/c", NULL);
  gint64 d = add_article (store, "د", "https://example.com/d", NULL);
  RasdStoredEvent *first, *second;

  add_event (w, "talks", "046", "2014-05-01", RASD_EVENT_ROLE_HEADLINE, -1, 0, 40,
             PUTIN (w), ASSAD (w), -1);
  add_event (x, "talks", "046", "2015-07-21", RASD_EVENT_ROLE_HEADLINE, GENEVA (x), 0, 40,
             PUTIN (x), ASSAD (x), -1);
  add_event (y, "talks", "046", NULL, RASD_EVENT_ROLE_HEADLINE, GENEVA (y), 0, 40,
             ASSAD (y), PUTIN (y), -1);
  add_event (z, "talks", "046", NULL, RASD_EVENT_ROLE_HEADLINE, -1, 0, 40,
             PUTIN (z), ASSAD (z), -1);
  save (store, a, w);
  save (store, b, x);
  save (store, c, y);
  save (store, d, z);

  events = list (store, NULL);
  g_assert_cmpuint (events->len, ==, 2);
  first = g_ptr_array_index (events, 0);
  second = g_ptr_array_index (events, 1);
  if (g_strcmp0 (first->date, second->date) > 0)
    {
      RasdStoredEvent *t = first;
      first = second;
      second = t;
    }
  g_assert_cmpstr (first->date, ==, "2014-05-01");
  g_assert_null (first->place);
  g_assert_cmpuint (first->sources->len, ==, 2);
  g_assert_cmpint (((RasdStoredSource *) g_ptr_array_index (first->sources, 1))->article_id, ==, d);
  g_assert_cmpstr (second->date, ==, "2015-07-21");
  g_assert_cmpuint (second->sources->len, ==, 2);
  g_assert_cmpint (((RasdStoredSource *) g_ptr_array_index (second->sources, 1))->article_id, ==, c);
}

static void
test_events_group_keeps_precise (void)
{
  g_autoptr(RasdStore) store = open_store ();
  g_autoptr(RasdExtraction) x = rasd_extraction_new ();
  g_autoptr(RasdExtraction) y = rasd_extraction_new ();
  g_autoptr(GPtrArray) events = NULL;
  gint64 a = add_article (store, "أ", NULL, NULL);
  gint64 b = add_article (store, "ب", NULL, NULL);
  RasdStoredEvent *event;

  add_event (x, "meeting", "040", "2015-07-21", RASD_EVENT_ROLE_HEADLINE, SOCHI (x), 0, 10,
             PUTIN (x), ERDOGAN (x), -1);
  add_event (y, "meeting", "040", "2015", RASD_EVENT_ROLE_BACKGROUND, RUSSIA (y), 0, 10,
             PUTIN (y), ERDOGAN (y), -1);
  save (store, a, x);
  save (store, b, y);
  events = list (store, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->date, ==, "2015-07-21");
  g_assert_cmpstr (event->place->name_en, ==, "Sochi");
  g_assert_cmpuint (event->sources->len, ==, 2);
}

static guint
n_events_after (RasdExtraction *first,
                RasdExtraction *second)
{
  g_autoptr(RasdStore) store = open_store ();
  g_autoptr(GPtrArray) events = NULL;
  gint64 a = add_article (store, "أ", NULL, NULL);
  gint64 b = add_article (store, "ب", NULL, NULL);

  save (store, a, first);
  save (store, b, second);
  events = list (store, NULL);
  return events->len;
}

static void
test_events_not_grouped (void)
{
  /* Different cities. */
  {
    g_autoptr(RasdExtraction) x = rasd_extraction_new ();
    g_autoptr(RasdExtraction) y = rasd_extraction_new ();

    add_event (x, "meeting", "040", "2015-07-21", 0, MOSCOW (x), 0, 10, PUTIN (x), ASSAD (x), -1);
    add_event (y, "meeting", "040", "2015-07-21", 0, SOCHI (y), 0, 10, PUTIN (y), ASSAD (y), -1);
    g_assert_cmpuint (n_events_after (x, y), ==, 2);
  }
  /* A city and another country. */
  {
    g_autoptr(RasdExtraction) x = rasd_extraction_new ();
    g_autoptr(RasdExtraction) y = rasd_extraction_new ();
    int syria;

    add_event (x, "meeting", "040", "2015-07-21", 0, MOSCOW (x), 0, 10, PUTIN (x), ASSAD (x), -1);
    syria = rasd_test_add_place (y, "country:SY", "سوريا", "Syria", "SY", "country", 0, 0);
    add_event (y, "meeting", "040", "2015-07-21", 0, syria, 0, 10, PUTIN (y), ASSAD (y), -1);
    g_assert_cmpuint (n_events_after (x, y), ==, 2);
  }
  /* Incompatible dates: other days, other months. */
  {
    g_autoptr(RasdExtraction) x = rasd_extraction_new ();
    g_autoptr(RasdExtraction) y = rasd_extraction_new ();

    add_event (x, "meeting", "040", "2015-07-21", 0, MOSCOW (x), 0, 10, PUTIN (x), ASSAD (x), -1);
    add_event (y, "meeting", "040", "2015-07-22", 0, MOSCOW (y), 0, 10, PUTIN (y), ASSAD (y), -1);
    g_assert_cmpuint (n_events_after (x, y), ==, 2);
  }
  {
    g_autoptr(RasdExtraction) x = rasd_extraction_new ();
    g_autoptr(RasdExtraction) y = rasd_extraction_new ();

    add_event (x, "meeting", "040", "2015-07", 0, -1, 0, 10, PUTIN (x), ASSAD (x), -1);
    add_event (y, "meeting", "040", "2015-08-01", 0, -1, 0, 10, PUTIN (y), ASSAD (y), -1);
    g_assert_cmpuint (n_events_after (x, y), ==, 2);
  }
  /* Other people; one person shared is not enough. */
  {
    g_autoptr(RasdExtraction) x = rasd_extraction_new ();
    g_autoptr(RasdExtraction) y = rasd_extraction_new ();

    add_event (x, "meeting", "040", "2015-07-21", 0, -1, 0, 10, PUTIN (x), ASSAD (x), -1);
    add_event (y, "meeting", "040", "2015-07-21", 0, -1, 0, 10, PUTIN (y), ERDOGAN (y), -1);
    g_assert_cmpuint (n_events_after (x, y), ==, 2);
  }
  {
    g_autoptr(RasdExtraction) x = rasd_extraction_new ();
    g_autoptr(RasdExtraction) y = rasd_extraction_new ();

    add_event (x, "meeting", "040", "2015-07-21", 0, -1, 0, 10, PUTIN (x), ASSAD (x), -1);
    add_event (y, "call", "041", "2015-07-21", 0, -1, 0, 10, PUTIN (y), -1);
    g_assert_cmpuint (n_events_after (x, y), ==, 2);
  }
  /* The control: the same event in both is one. */
  {
    g_autoptr(RasdExtraction) x = rasd_extraction_new ();
    g_autoptr(RasdExtraction) y = rasd_extraction_new ();

    add_event (x, "meeting", "040", "2015-07-21", 0, MOSCOW (x), 0, 10, PUTIN (x), ASSAD (x), -1);
    add_event (y, "visit", "042", "2015-07", 0, MOSCOW (y), 0, 10, ASSAD (y), PUTIN (y), -1);
    g_assert_cmpuint (n_events_after (x, y), ==, 1);
  }
  /* Two events of one article are never merged together. */
  {
    g_autoptr(RasdExtraction) x = rasd_extraction_new ();
    g_autoptr(RasdExtraction) y = rasd_extraction_new ();

    add_event (x, "meeting", "040", "2015-07", 0, MOSCOW (x), 0, 10, PUTIN (x), ASSAD (x), -1);
    add_event (x, "meeting", "040", "2015-07", 0, MOSCOW (x), 20, 30, PUTIN (x), ASSAD (x), -1);
    g_assert_cmpuint (n_events_after (x, y), ==, 2);
  }
}

/* Four events for the filters:
 *   1. Putin and Assad in Moscow, 2015-10-20, a visit
 *   2. Putin and Erdogan in Sochi, 2016-08, a meeting
 *   3. Lavrov and Kerry in Geneva, 2015, talks
 *   4. Assad and Erdogan, no place, no date, a call */
static RasdStore *
make_filter_store (gint64 ids[4])
{
  RasdStore *store = open_store ();
  g_autoptr(RasdExtraction) x = rasd_extraction_new ();
  g_autoptr(RasdExtraction) y = rasd_extraction_new ();
  g_autoptr(RasdExtraction) z = rasd_extraction_new ();
  g_autoptr(RasdExtraction) w = rasd_extraction_new ();
  g_autoptr(GPtrArray) events = NULL;
  gint64 a = add_article (store, "أ", NULL, NULL);
  gint64 b = add_article (store, "ب", NULL, NULL);
  gint64 c = add_article (store, "ج", NULL, NULL);
  gint64 d = add_article (store, "د", NULL, NULL);

  RUSSIA (x);
  add_event (x, "visit", "042", "2015-10-20", 0, MOSCOW (x), 0, 10, PUTIN (x), ASSAD (x), -1);
  add_event (y, "meeting", "040", "2016-08", 0, SOCHI (y), 0, 10, PUTIN (y), ERDOGAN (y), -1);
  add_event (z, "talks", "046", "2015", 0, GENEVA (z), 0, 10, LAVROV (z), KERRY (z), -1);
  add_event (w, "call", "041", NULL, 0, -1, 0, 10, ASSAD (w), ERDOGAN (w), -1);
  save (store, a, x);
  save (store, b, y);
  save (store, c, z);
  save (store, d, w);

  /* By date, unknown dates last: 3 (2015), 1 (2015-10-20), 2 (2016-08), 4. */
  events = list (store, NULL);
  g_assert_cmpuint (events->len, ==, 4);
  ids[2] = ((RasdStoredEvent *) g_ptr_array_index (events, 0))->id;
  ids[0] = ((RasdStoredEvent *) g_ptr_array_index (events, 1))->id;
  ids[1] = ((RasdStoredEvent *) g_ptr_array_index (events, 2))->id;
  ids[3] = ((RasdStoredEvent *) g_ptr_array_index (events, 3))->id;
  g_assert_cmpstr (((RasdStoredEvent *) g_ptr_array_index (events, 0))->kind, ==, "talks");
  g_assert_cmpstr (((RasdStoredEvent *) g_ptr_array_index (events, 1))->kind, ==, "visit");
  g_assert_cmpstr (((RasdStoredEvent *) g_ptr_array_index (events, 2))->kind, ==, "meeting");
  g_assert_cmpstr (((RasdStoredEvent *) g_ptr_array_index (events, 3))->kind, ==, "call");
  return store;
}

/* The events @filter gives, as their numbers 1..4 in make_filter_store(): "3,1". */
static char *
filtered (RasdStore             *store,
          const gint64           ids[4],
          const RasdEventFilter *filter)
{
  g_autoptr(GPtrArray) events = list (store, filter);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < events->len; i++)
    {
      gint64 id = ((RasdStoredEvent *) g_ptr_array_index (events, i))->id;

      for (guint n = 0; n < 4; n++)
        if (ids[n] == id)
          g_string_append_printf (out, "%s%u", out->len > 0 ? "," : "", n + 1);
    }
  return g_string_free (out, FALSE);
}

#define ASSERT_FILTER(field, value, expected)                                   \
  G_STMT_START {                                                                \
    RasdEventFilter filter_ = { NULL };                                         \
    g_autofree char *got_ = NULL;                                               \
    filter_.field = value;                                                      \
    got_ = filtered (store, ids, &filter_);                                     \
    g_test_message ("%s = %s", #field, value);                                  \
    g_assert_cmpstr (got_, ==, expected);                                       \
  } G_STMT_END

static void
test_events_filter_person (void)
{
  gint64 ids[4];
  g_autoptr(RasdStore) store = make_filter_store (ids);

  ASSERT_FILTER (person, "بوتين", "1,2");
  ASSERT_FILTER (person, "فلاديمير بوتين", "1,2");
  ASSERT_FILTER (person, "فلاديمير", "1,2");
  ASSERT_FILTER (person, "بوتِين", "1,2");           /* diacritics do not matter */
  ASSERT_FILTER (person, "الأسد", "1,4");
  ASSERT_FILTER (person, "الاسد", "1,4");            /* nor hamza */
  ASSERT_FILTER (person, "أسد", "1,4");              /* nor the article */
  ASSERT_FILTER (person, "بشار الأسد", "1,4");
  ASSERT_FILTER (person, "putin", "1,2");
  ASSERT_FILTER (person, "PUTIN", "1,2");
  ASSERT_FILTER (person, "Vladimir Putin", "1,2");
  ASSERT_FILTER (person, "vladimir-putin", "1,2");   /* the key */
  ASSERT_FILTER (person, "أردوغان", "2,4");
  ASSERT_FILTER (person, "Kerry", "3");
  /* Words, not parts of words; nor word orders the name does not have. */
  ASSERT_FILTER (person, "بوت", "");
  ASSERT_FILTER (person, "بوتين فلاديمير", "");
  ASSERT_FILTER (person, "نتنياهو", "");
  /* Places are not people. */
  ASSERT_FILTER (person, "موسكو", "");
}

static void
test_events_filter_place (void)
{
  gint64 ids[4];
  g_autoptr(RasdStore) store = make_filter_store (ids);

  ASSERT_FILTER (place, "موسكو", "1");
  ASSERT_FILTER (place, "Moscow", "1");
  ASSERT_FILTER (place, "moscow", "1");
  ASSERT_FILTER (place, "جنيف", "3");
  /* A country: its cities. */
  ASSERT_FILTER (place, "روسيا", "1,2");
  ASSERT_FILTER (place, "Russia", "1,2");
  ASSERT_FILTER (place, "country:RU", "1,2");
  ASSERT_FILTER (place, "RU", "1,2");
  ASSERT_FILTER (place, "ch", "3");
  ASSERT_FILTER (place, "دمشق", "");
  ASSERT_FILTER (place, "بوتين", "");
}

static void
test_events_filter_dates (void)
{
  gint64 ids[4];
  g_autoptr(RasdStore) store = make_filter_store (ids);

  /* Ranges overlap at any precision: 3 is "2015", 1 is 2015-10-20, 2 is "2016-08". */
  ASSERT_FILTER (from, "2016", "2");
  ASSERT_FILTER (from, "2015", "3,1,2");
  ASSERT_FILTER (from, "2015-10", "3,1,2");
  ASSERT_FILTER (from, "2015-11", "3,2");
  ASSERT_FILTER (from, "2015-10-21", "3,2");
  ASSERT_FILTER (from, "2016-08-31", "2");
  ASSERT_FILTER (from, "2016-09-01", "");
  ASSERT_FILTER (to, "2014", "");
  ASSERT_FILTER (to, "2015", "3,1");
  ASSERT_FILTER (to, "2015-10", "3,1");
  ASSERT_FILTER (to, "2015-10-19", "3");
  ASSERT_FILTER (to, "2015-10-20", "3,1");
  ASSERT_FILTER (to, "2016-08-01", "3,1,2");

  {
    RasdEventFilter filter = { .from = "2015-10-20", .to = "2015-10-20" };
    g_autofree char *got = filtered (store, ids, &filter);
    g_assert_cmpstr (got, ==, "3,1");
  }
  {
    RasdEventFilter filter = { .from = "2016-01", .to = "2016-12-31", .person = "بوتين" };
    g_autofree char *got = filtered (store, ids, &filter);
    g_assert_cmpstr (got, ==, "2");
  }
}

/* A limit keeps the first events in the listing's order, with or without other filters. */
static void
test_events_filter_limit (void)
{
  gint64 ids[4];
  g_autoptr(RasdStore) store = make_filter_store (ids);

  static const struct { guint limit; const char *expected; } cases[] = {
    { 1, "3" }, { 3, "3,1,2" }, { 4, "3,1,2,4" }, { 100, "3,1,2,4" }, { 0, "3,1,2,4" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RasdEventFilter filter = { .limit = cases[i].limit };
      g_autofree char *got = filtered (store, ids, &filter);

      g_test_message ("limit = %u", cases[i].limit);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
  {
    RasdEventFilter filter = { .person = "أردوغان", .limit = 1 };
    g_autofree char *got = filtered (store, ids, &filter);
    g_assert_cmpstr (got, ==, "2");
  }
  {
    RasdEventFilter filter = { .person = "أردوغان", .limit = 2 };
    g_autofree char *got = filtered (store, ids, &filter);
    g_assert_cmpstr (got, ==, "2,4");
  }
}

/* Participants, sources and evidence are read for all listed events at once: each event gets
 * its own and no other's, with or without a limit. */
static void
test_events_details_per_event (void)
{
  gint64 ids[4];
  g_autoptr(RasdStore) store = make_filter_store (ids);
  /* Events 3, 1, 2, 4 in listing order, their people's keys and article titles. */
  static const char * const people[4][2] = {
    { "sergey-lavrov", "john-kerry" }, { "vladimir-putin", "bashar-al-assad" },
    { "vladimir-putin", "recep-tayyip-erdogan" }, { "bashar-al-assad", "recep-tayyip-erdogan" },
  };
  static const char * const titles[4] = { "ج", "أ", "ب", "د" };

  for (guint limit = 0; limit <= 4; limit += 2)
    {
      RasdEventFilter filter = { .limit = limit };
      g_autoptr(GPtrArray) events = list (store, &filter);

      g_assert_cmpuint (events->len, ==, limit > 0 ? limit : 4);
      for (guint i = 0; i < events->len; i++)
        {
          RasdStoredEvent *event = g_ptr_array_index (events, i);
          RasdStoredSource *source;
          gboolean found[2] = { FALSE, FALSE };

          g_assert_cmpuint (event->participants->len, ==, 2);
          for (guint p = 0; p < 2; p++)
            {
              RasdStoredPerson *person = g_ptr_array_index (event->participants, p);

              for (guint k = 0; k < 2; k++)
                found[k] = found[k] || g_strcmp0 (person->key, people[i][k]) == 0;
            }
          g_assert_true (found[0] && found[1]);
          g_assert_cmpuint (event->sources->len, ==, 1);
          source = g_ptr_array_index (event->sources, 0);
          g_assert_cmpstr (source->title, ==, titles[i]);
          g_assert_cmpuint (event->evidence->len, ==, 1);
          g_assert_cmpint (g_array_index (event->evidence, RasdStoredEvidence, 0).article_id,
                           ==, source->article_id);
        }
    }
}

/* The explorer's summaries are the full listing less the sources and evidence (counted in
 * n_sources), for any filter; rasd_store_get_event() gives one event exactly as the full listing
 * does.  People and places are shared between the events of one listing. */
static void
test_events_summaries_and_get (void)
{
  gint64 ids[4];
  g_autoptr(RasdStore) store = make_filter_store (ids);
  const RasdEventFilter filters[] = {
    { NULL }, { .person = "بوتين" }, { .place = "دمشق" }, { .limit = 3 }, { .from = "2015" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStoredEvent) missing = NULL;

  /* Forty more events of unknown date, with neither people nor sources: listed last, and they
   * make the filtered events few enough to be completed by id rather than by scanning. */
  for (guint i = 0; i < 40; i++)
    g_assert_cmpint (sqlite3_exec (rasd_store_get_db (store),
                                   "INSERT INTO events (kind, cameo) VALUES ('call', 'none')", NULL, NULL, NULL),
                     ==, SQLITE_OK);

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      g_autoptr(GPtrArray) full = list (store, &filters[f]);
      g_autoptr(GPtrArray) brief = rasd_store_list_event_summaries (store, &filters[f], &error);
      g_autoptr(GHashTable) people = g_hash_table_new (g_str_hash, g_str_equal);

      GPtrArray *facets[3] = { NULL, NULL, NULL };

      g_assert_no_error (error);
      g_assert_cmpuint (brief->len, ==, full->len);

      /* The three facets in one pass count as each alone does. */
      rasd_store_count_facets (brief, &facets[RASD_FACET_PERSON], &facets[RASD_FACET_PLACE],
                               &facets[RASD_FACET_KIND]);
      for (RasdFacet facet = RASD_FACET_PERSON; facet <= RASD_FACET_KIND; facet++)
        {
          g_autoptr(GPtrArray) alone = rasd_store_count_facet (full, facet);

          g_assert_cmpuint (facets[facet]->len, ==, alone->len);
          for (guint k = 0; k < alone->len; k++)
            {
              const RasdFacetCount *x = g_ptr_array_index (alone, k);
              const RasdFacetCount *y = g_ptr_array_index (facets[facet], k);

              g_assert_cmpstr (y->key, ==, x->key);
              g_assert_cmpstr (y->name, ==, x->name);
              g_assert_cmpuint (y->count, ==, x->count);
            }
          g_ptr_array_unref (facets[facet]);
        }
      for (guint i = 0; i < full->len; i++)
        {
          const RasdStoredEvent *a = g_ptr_array_index (full, i);
          const RasdStoredEvent *b = g_ptr_array_index (brief, i);
          g_autoptr(RasdStoredEvent) got = rasd_store_get_event (store, a->id, &error);

          g_assert_cmpint (b->id, ==, a->id);
          g_assert_cmpstr (b->kind, ==, a->kind);
          g_assert_cmpstr (b->date, ==, a->date);
          g_assert_cmpint (b->precision, ==, a->precision);
          g_assert_cmpint (b->role, ==, a->role);
          g_assert_null (b->sources);
          g_assert_null (b->evidence);
          g_assert_cmpuint (b->n_sources, ==, a->sources->len);
          g_assert_cmpuint (a->n_sources, ==, a->sources->len);
          g_assert_cmpuint (b->participants->len, ==, a->participants->len);
          /* The four reported events have two people and one source each, the others none
           * (whichever way they were completed: by scan or by id). */
          g_assert_cmpuint (b->participants->len, ==, g_strcmp0 (b->cameo, "none") == 0 ? 0 : 2);
          g_assert_cmpuint (b->n_sources, ==, g_strcmp0 (b->cameo, "none") == 0 ? 0 : 1);
          for (guint p = 0; p < a->participants->len; p++)
            {
              const RasdStoredPerson *x = g_ptr_array_index (a->participants, p);
              const RasdStoredPerson *y = g_ptr_array_index (b->participants, p);
              const RasdStoredPerson *seen = g_hash_table_lookup (people, y->key);

              g_assert_cmpstr (y->key, ==, x->key);
              g_assert_cmpstr (y->name, ==, x->name);
              g_assert_cmpstr (y->name_en, ==, x->name_en);
              /* one struct per person in a listing */
              g_assert_true (seen == NULL || seen == y);
              g_hash_table_insert (people, y->key, (gpointer) y);
            }
          g_assert_true ((a->place == NULL) == (b->place == NULL));
          if (a->place != NULL)
            {
              g_assert_cmpstr (b->place->key, ==, a->place->key);
              g_assert_cmpstr (b->place->name, ==, a->place->name);
              g_assert_true (b->place->has_coordinates == a->place->has_coordinates);
              g_assert_cmpfloat (b->place->lat, ==, a->place->lat);
              g_assert_cmpfloat (b->place->lon, ==, a->place->lon);
            }

          /* One event in full: the same as listed. */
          g_assert_no_error (error);
          g_assert_nonnull (got);
          g_assert_cmpint (got->id, ==, a->id);
          g_assert_cmpstr (got->kind, ==, a->kind);
          g_assert_cmpuint (got->participants->len, ==, a->participants->len);
          g_assert_cmpuint (got->sources->len, ==, a->sources->len);
          g_assert_cmpuint (got->n_sources, ==, a->sources->len);
          for (guint k = 0; k < a->sources->len; k++)
            g_assert_cmpint (((RasdStoredSource *) g_ptr_array_index (got->sources, k))->article_id, ==,
                             ((RasdStoredSource *) g_ptr_array_index (a->sources, k))->article_id);
          g_assert_cmpuint (got->evidence->len, ==, a->evidence->len);
          g_assert_cmpmem (got->evidence->data, got->evidence->len * sizeof (RasdStoredEvidence),
                           a->evidence->data, a->evidence->len * sizeof (RasdStoredEvidence));
        }
    }

  missing = rasd_store_get_event (store, 999999, &error);
  g_assert_null (missing);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "999999"));
}

static void
test_events_filter_kind (void)
{
  gint64 ids[4];
  g_autoptr(RasdStore) store = make_filter_store (ids);

  ASSERT_FILTER (kind, "talks", "3");
  ASSERT_FILTER (kind, "call", "4");
  ASSERT_FILTER (kind, "summit", "");
  {
    RasdEventFilter filter = { .kind = "visit", .place = "روسيا", .person = "الأسد" };
    g_autofree char *got = filtered (store, ids, &filter);
    g_assert_cmpstr (got, ==, "1");
  }
}

/* The filter's text: events whose articles contain the words, Arabic-aware (الطاقة finds طاقة). */
static void
test_events_filter_text (void)
{
  g_autoptr(RasdStore) store = open_store ();
  g_autoptr(RasdExtraction) x = rasd_extraction_new ();
  g_autoptr(RasdExtraction) y = rasd_extraction_new ();
  g_autoptr(GPtrArray) energy = NULL;
  g_autoptr(GPtrArray) peace = NULL;
  g_autoptr(GPtrArray) none = NULL;
  RasdEventFilter about_energy = { .text = "طاقة" };
  RasdEventFilter about_peace = { .text = "السلام", .person = "لافروف" };
  RasdEventFilter nothing = { .text = "\"()" };
  gint64 a = add_article (store, "لقاء في موسكو حول الطاقة", NULL, NULL);
  gint64 b = add_article (store, "محادثات في جنيف لبحث السلام", NULL, NULL);

  add_event (x, "meeting", "040", "2015-10-20", 0, MOSCOW (x), 0, 10, PUTIN (x), LAVROV (x), -1);
  add_event (y, "talks", "046", "2016-02-01", 0, GENEVA (y), 0, 10, LAVROV (y), KERRY (y), -1);
  save (store, a, x);
  save (store, b, y);

  energy = list (store, &about_energy);
  g_assert_cmpuint (energy->len, ==, 1);
  g_assert_cmpstr (((RasdStoredEvent *) g_ptr_array_index (energy, 0))->kind, ==, "meeting");
  /* combined with the other parts of the filter */
  peace = list (store, &about_peace);
  g_assert_cmpuint (peace->len, ==, 1);
  g_assert_cmpstr (((RasdStoredEvent *) g_ptr_array_index (peace, 0))->kind, ==, "talks");
  /* punctuation alone is no query: nothing matches, and nothing fails */
  none = list (store, &nothing);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
assert_invalid (RasdStore             *store,
                const RasdEventFilter *filter,
                const char            *named)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = rasd_store_list_events (store, filter, &error);

  g_assert_null (events);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY);
  g_assert_nonnull (strstr (error->message, named));
}

static void
test_events_filter_invalid (void)
{
  g_autoptr(RasdStore) store = open_store ();
  RasdEventFilter bad_from = { .from = "2015-13" };
  RasdEventFilter bad_to = { .to = "yesterday" };
  RasdEventFilter bad_day = { .from = "2015-02-30" };
  RasdEventFilter bad_kind = { .kind = "dance" };
  RasdEventFilter empty_person = { .person = " ، " };

  assert_invalid (store, &bad_from, "2015-13");
  assert_invalid (store, &bad_to, "yesterday");
  assert_invalid (store, &bad_day, "2015-02-30");
  assert_invalid (store, &bad_kind, "dance");
  assert_invalid (store, &empty_person, "person");
}

/* Saving an article's extraction again (here: with nothing in it) removes the events only it
 * reported and the entities only it named; what other articles report stays. */
static void
test_events_orphans (void)
{
  g_autoptr(RasdStore) store = open_store ();
  g_autoptr(RasdExtraction) x = rasd_extraction_new ();
  g_autoptr(RasdExtraction) y = rasd_extraction_new ();
  g_autoptr(RasdExtraction) empty = rasd_extraction_new ();
  g_autoptr(GPtrArray) events = NULL;
  gint64 a = add_article (store, "أ", NULL, NULL);
  gint64 b = add_article (store, "ب", NULL, NULL);
  RasdStoreStats stats;
  RasdStoredEvent *event;

  add_event (x, "visit", "042", "2015-10-20", 0, MOSCOW (x), 0, 10, PUTIN (x), ASSAD (x), -1);
  add_event (x, "talks", "046", "2015", 0, GENEVA (x), 20, 30, LAVROV (x), KERRY (x), -1);
  add_event (y, "visit", "042", "2015-10", 0, MOSCOW (y), 0, 10, PUTIN (y), ASSAD (y), -1);
  save (store, a, x);
  save (store, b, y);
  g_assert_true (rasd_store_get_stats (store, &stats, NULL));
  g_assert_cmpint (stats.n_events, ==, 2);
  g_assert_cmpint (stats.n_people, ==, 4);
  g_assert_cmpint (stats.n_places, ==, 2);

  save (store, a, empty);
  events = list (store, NULL);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (event->kind, ==, "visit");
  g_assert_cmpuint (event->sources->len, ==, 1);
  g_assert_cmpint (((RasdStoredSource *) g_ptr_array_index (event->sources, 0))->article_id, ==, b);
  g_assert_cmpuint (event->evidence->len, ==, 1);
  g_assert_true (rasd_store_get_stats (store, &stats, NULL));
  g_assert_cmpint (stats.n_events, ==, 1);
  g_assert_cmpint (stats.n_people, ==, 2);
  g_assert_cmpint (stats.n_places, ==, 1);

  save (store, b, empty);
  g_assert_true (rasd_store_get_stats (store, &stats, NULL));
  g_assert_cmpint (stats.n_events, ==, 0);
  g_assert_cmpint (stats.n_people, ==, 0);
  g_assert_cmpint (stats.n_places, ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM event_participants"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM evidence"), ==, 0);
}

/* A failure leaves nothing of the extraction behind. */
static void
test_events_failure_atomic (void)
{
  g_autoptr(RasdStore) store = open_store ();
  g_autoptr(RasdExtraction) x = make_damascus_visit ();
  g_autoptr(GError) error = NULL;

  /* No such article: the foreign key fails after the entities were stored. */
  g_assert_false (rasd_store_save_extraction (store, 42, x, &error));
  g_assert_error (error, RASD_ERROR, RASD_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "42"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM entities"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM events"), ==, 0);
}

/* A schema 2 database with an event gains day_end on migration. */
static void
test_events_migration (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;

  rasd_test_make_old_store (path, 2,
                            "INSERT INTO events (kind, date, date_precision, day)"
                            " VALUES ('visit', '2016-02', 2, 16832)");
  {
    g_autoptr(RasdStore) store = rasd_store_open (path, &error);
    RasdEventFilter filter = { .from = "2016-02-29" };
    g_autoptr(GPtrArray) events = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (rasd_store_get_schema_version (store), ==, RASD_STORE_SCHEMA_VERSION);
    /* 2016-02-29, the last day of a leap February, is 16860. */
    g_assert_cmpint (count (store, "SELECT day_end FROM events"), ==, 16860);
    events = list (store, &filter);
    g_assert_cmpuint (events->len, ==, 1);
  }
  rasd_test_rmtree (dir);
}

/* A schema 3 database keeps its events on migration to 4; the participants get their event's
 * day (for listing by person in date order), which follows the event's later changes, and a
 * report from a new article is still grouped with the stored event. */
static void
test_events_migration_v4 (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "v3.db", NULL);
  g_autoptr(GError) error = NULL;

  rasd_test_make_old_store (path, 3,
    "INSERT INTO articles (id, title, text, hash, imported_at) VALUES (1, 'أ', 'نص', 'h1', 0);"
    "INSERT INTO entities (id, kind, key, name, name_en) VALUES"
    " (1, 'person', 'vladimir-putin', 'فلاديمير بوتين', 'Vladimir Putin'),"
    " (2, 'person', 'bashar-al-assad', 'بشار الأسد', 'Bashar al-Assad');"
    "UPDATE entities SET normalized = rasd_name_words (name, name_en);"
    /* 2015-10-20 is day 16728. */
    "INSERT INTO events (id, kind, cameo, date, date_precision, day, day_end, role) VALUES"
    " (1, 'visit', '042', '2015-10-20', 3, 16728, 16728, 'headline'),"
    " (2, 'call', '041', NULL, 0, NULL, NULL, 'background');"
    "INSERT INTO event_participants (event_id, entity_id) VALUES (1, 1), (1, 2), (2, 2);"
    "INSERT INTO event_sources VALUES (1, 1, 'headline'), (2, 1, 'background');"
    "INSERT INTO evidence (event_id, article_id, start, end) VALUES (1, 1, 0, 2), (2, 1, 1, 2);");
  {
    g_autoptr(RasdStore) store = rasd_store_open (path, &error);
    g_autoptr(RasdExtraction) x = rasd_extraction_new ();
    RasdEventFilter filter = { .person = "الأسد" };
    g_autoptr(GPtrArray) events = NULL;
    RasdStoredEvent *event;
    gint64 article;

    g_assert_no_error (error);
    g_assert_cmpint (rasd_store_get_schema_version (store), ==, RASD_STORE_SCHEMA_VERSION);
    g_assert_cmpint (count (store, "SELECT count(*) FROM event_participants"
                                   " WHERE event_id = 1 AND day = 16728"), ==, 2);
    g_assert_cmpint (count (store, "SELECT count(*) FROM event_participants"
                                   " WHERE event_id = 2 AND day IS NULL"), ==, 1);

    events = list (store, &filter);
    g_assert_cmpuint (events->len, ==, 2);
    event = g_ptr_array_index (events, 0);
    g_assert_cmpint (event->id, ==, 1);
    g_assert_cmpstr (event->date, ==, "2015-10-20");
    g_assert_cmpuint (event->participants->len, ==, 2);
    g_assert_cmpuint (event->sources->len, ==, 1);
    g_assert_cmpuint (event->evidence->len, ==, 1);
    event = g_ptr_array_index (events, 1);
    g_assert_cmpint (event->id, ==, 2);
    g_assert_null (event->date);
    g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_BACKGROUND);
    g_clear_pointer (&events, g_ptr_array_unref);

    /* The same visit reported by a new article: one event, two sources. */
    article = add_article (store, "ب", NULL, NULL);
    add_event (x, "visit", "042", "2015-10", 0, -1, 0, 10, PUTIN (x), ASSAD (x), -1);
    save (store, article, x);
    g_assert_cmpint (count (store, "SELECT count(*) FROM events"), ==, 2);
    g_assert_cmpint (count (store, "SELECT count(*) FROM event_sources WHERE event_id = 1"), ==, 2);

    /* The participants' day follows the event's. */
    g_assert_cmpint (sqlite3_exec (rasd_store_get_db (store),
                                   "UPDATE events SET day = 16729, day_end = 16729 WHERE id = 1",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (count (store, "SELECT count(*) FROM event_participants"
                                   " WHERE event_id = 1 AND day = 16729"), ==, 2);
    filter = (RasdEventFilter) { .person = "بوتين", .from = "2015-10-21", .to = "2015-10-21" };
    events = list (store, &filter);
    g_assert_cmpuint (events->len, ==, 1);
  }
  rasd_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/events/save-list", test_events_save_list);
  g_test_add_func ("/events/idempotent", test_events_idempotent);
  g_test_add_func ("/events/group", test_events_group);
  g_test_add_func ("/events/group-keeps-precise", test_events_group_keeps_precise);
  g_test_add_func ("/events/group-undated", test_events_group_undated);
  g_test_add_func ("/events/not-grouped", test_events_not_grouped);
  g_test_add_func ("/events/filter-person", test_events_filter_person);
  g_test_add_func ("/events/filter-place", test_events_filter_place);
  g_test_add_func ("/events/filter-dates", test_events_filter_dates);
  g_test_add_func ("/events/filter-kind", test_events_filter_kind);
  g_test_add_func ("/events/filter-limit", test_events_filter_limit);
  g_test_add_func ("/events/filter-text", test_events_filter_text);
  g_test_add_func ("/events/details-per-event", test_events_details_per_event);
  g_test_add_func ("/events/summaries-and-get", test_events_summaries_and_get);
  g_test_add_func ("/events/filter-invalid", test_events_filter_invalid);
  g_test_add_func ("/events/orphans", test_events_orphans);
  g_test_add_func ("/events/failure-atomic", test_events_failure_atomic);
  g_test_add_func ("/events/migration", test_events_migration);
  g_test_add_func ("/events/migration-v4", test_events_migration_v4);

  return g_test_run ();
}
