#include "config.h"

#include <string.h>

#include "rasd-corrector.h"
#include "rasd-error.h"
#include "rasd-store.h"
#include "rasd-test-store.h"
#include "rasd-test-util.h"

/* The user's corrections (issue 16): every kind of decision survives a re-extraction and an
 * import into a fresh database; what matches nothing is listed as orphaned; merging and
 * splitting keep evidence and sources; aliases merge facet counts; undo restores exactly.
 * Extractions are built by hand, as a re-extraction would give them again. */

/* An event with evidence spans (pairs of offsets ending with -1) and participants (ending
 * with -1). */
static void
event (RasdExtraction *x,
       const char     *kind,
       const char     *date,
       int             where,
       ...)
{
  RasdEvent *ev = rasd_event_new ();
  va_list ap;

  ev->kind = kind;
  ev->cameo = "040";
  if (date != NULL)
    g_assert_true (rasd_date_parse_iso (date, &ev->date));
  ev->place = where;
  va_start (ap, where);
  for (int start = va_arg (ap, int); start >= 0; start = va_arg (ap, int))
    {
      RasdSpan span = { (gsize) start, (gsize) va_arg (ap, int) };

      g_array_append_val (ev->evidence, span);
    }
  for (int p = va_arg (ap, int); p >= 0; p = va_arg (ap, int))
    {
      RasdMention mention = { RASD_MENTION_PERSON, 0, 1, p, { 0 } };

      g_array_append_val (ev->participants, p);
      g_array_append_val (x->mentions, mention);
    }
  va_end (ap);
  g_ptr_array_add (x->events, ev);
}

/* First article: a visit told in two sentences, a meeting, a call with a misspelt name. */
static RasdExtraction *
first_extraction (gboolean with_call)
{
  RasdExtraction *x = rasd_extraction_new ();
  int putin = rasd_test_add_person (x, "vladimir-putin", "فلاديمير بوتين", "Vladimir Putin");
  int assad = rasd_test_add_person (x, "bashar-al-assad", "بشار الأسد", "Bashar al-Assad");
  int lavrov = rasd_test_add_person (x, "sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov");
  int jubeir = rasd_test_add_person (x, "name:عادل جبير", "عادل جبير", NULL);
  int bogus = rasd_test_add_person (x, "name:مصدر مطلع", "مصدر مطلع", NULL);
  int damascus = rasd_test_add_place (x, "170654", "دمشق", "Damascus", "SY", "city", 33.51, 36.29);
  int moscow = rasd_test_add_place (x, "524901", "موسكو", "Moscow", "RU", "city", 55.75, 37.62);

  event (x, "visit", "2015-07-21", damascus, 10, 60, 61, 100, -1, putin, assad, -1);
  event (x, "meeting", NULL, moscow, 110, 150, -1, putin, lavrov, bogus, -1);
  if (with_call)
    event (x, "call", "2015-08", -1, 160, 200, -1, jubeir, lavrov, -1);
  return x;
}

/* Second article: a meeting in Geneva, talks with the name spelt right. */
static RasdExtraction *
second_extraction (void)
{
  RasdExtraction *x = rasd_extraction_new ();
  int kerry = rasd_test_add_person (x, "john-kerry", "جون كيري", "John Kerry");
  int lavrov = rasd_test_add_person (x, "sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov");
  int jubeir = rasd_test_add_person (x, "adel-al-jubeir", "عادل الجبير", "Adel al-Jubeir");
  int geneva = rasd_test_add_place (x, "2660646", "جنيف", "Geneva", "CH", "city", 46.2, 6.14);

  event (x, "meeting", "2016-01-20", geneva, 5, 50, -1, kerry, lavrov, -1);
  event (x, "talks", "2016-02", -1, 60, 100, -1, kerry, jubeir, -1);
  return x;
}

typedef struct
{
  RasdStore *store;
  gint64     first;
  gint64     second;
} Fixture;

static gint64
add_article (RasdStore  *store,
             const char *title)
{
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (title);
  gint64 id;

  /* long enough for the offsets above */
  while (text->len < 600)
    g_string_append (text, " نص كتبناه للاختبار وحده.");
  rasd_article_set_title (article, title);
  rasd_article_set_text (article, text->str);
  id = rasd_store_add_article (store, article, NULL, &error);
  g_assert_no_error (error);
  return id;
}

/* Extraction (again): what `rasd-cli reextract` does for each article. */
static void
extract_all (Fixture  *f,
             gboolean  with_call)
{
  g_autoptr(RasdExtraction) x1 = first_extraction (with_call);
  g_autoptr(RasdExtraction) x2 = second_extraction ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rasd_store_save_extraction (f->store, f->first, x1, &error));
  g_assert_no_error (error);
  g_assert_true (rasd_store_save_extraction (f->store, f->second, x2, &error));
  g_assert_no_error (error);
}

static void
fixture_open (Fixture  *f,
              gboolean  extract)
{
  g_autoptr(GError) error = NULL;

  f->store = rasd_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->first = add_article (f->store, "المقال الأول");
  f->second = add_article (f->store, "المقال الثاني");
  if (extract)
    extract_all (f, TRUE);
}

static void
fixture_close (Fixture *f)
{
  g_clear_object (&f->store);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

/* event_pairs (kept by triggers) is what event_participants and events say it is: each pair
 * of an event's people, or its one person alone, with the event's days. */
static void
assert_pairs_follow (RasdStore *store)
{
  static const char sql[] =
    "WITH expected AS ("
    " SELECT x.event_id, x.entity_id AS a, y.entity_id AS b, e.day, e.day_end"
    "  FROM event_participants x"
    "  JOIN event_participants y ON y.event_id = x.event_id AND y.entity_id > x.entity_id"
    "  JOIN events e ON e.id = x.event_id"
    " UNION ALL"
    " SELECT ep.event_id, min (ep.entity_id), 0, e.day, e.day_end"
    "  FROM event_participants ep JOIN events e ON e.id = ep.event_id"
    "  GROUP BY ep.event_id HAVING count (*) = 1)"
    "SELECT (SELECT count (*) FROM expected),"
    " (SELECT count (*) FROM (SELECT * FROM expected"
    "                         EXCEPT SELECT event_id, a, b, day, day_end FROM event_pairs)),"
    " (SELECT count (*) FROM (SELECT event_id, a, b, day, day_end FROM event_pairs"
    "                         EXCEPT SELECT * FROM expected)),"
    " (SELECT count (*) FROM event_pairs)";
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), >, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);   /* missing */
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);   /* left over */
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, sqlite3_column_int (stmt, 0));
}

/* Every event as a line (sorted, no ids unless @ids: those change with every extraction). */
static char *
dump_events (RasdStore *store,
             gboolean   ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = rasd_store_list_events (store, NULL, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *e = g_ptr_array_index (events, i);
      g_autoptr(GPtrArray) people = g_ptr_array_new ();
      g_autoptr(GString) line = g_string_new (NULL);

      if (ids)
        g_string_append_printf (line, "#%" G_GINT64_FORMAT " ", e->id);
      g_string_append_printf (line, "%s %s/%d %s %s conf=%.3f r=%d e=%d [", e->kind, e->date, e->precision,
                              e->cameo, e->place != NULL ? e->place->key : "-", e->confidence,
                              e->reviewed, e->edited);
      for (guint p = 0; p < e->participants->len; p++)
        g_ptr_array_add (people, ((RasdStoredPerson *) e->participants->pdata[p])->name);
      g_ptr_array_sort (people, compare_strings);
      for (guint p = 0; p < people->len; p++)
        g_string_append_printf (line, "%s;", (char *) people->pdata[p]);
      g_string_append (line, "] sources");
      for (guint s = 0; s < e->sources->len; s++)
        g_string_append_printf (line, " %s", ((RasdStoredSource *) e->sources->pdata[s])->title);
      g_string_append (line, " evidence");
      for (guint s = 0; s < e->evidence->len; s++)
        {
          RasdStoredEvidence *span = &g_array_index (e->evidence, RasdStoredEvidence, s);

          g_string_append_printf (line, " %" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                  span->start, span->end);
        }
      g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dump_entities (RasdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = rasd_store_list_entities (store, NULL, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < entities->len; i++)
    {
      RasdStoredEntity *e = g_ptr_array_index (entities, i);

      g_string_append_printf (out, "#%" G_GINT64_FORMAT " %s %s %s %.3f rejected=%d alias=%s events=%u\n",
                              e->id, e->kind, e->key, e->name, e->confidence, e->rejected,
                              e->alias_key != NULL ? e->alias_key : "-", e->n_events);
    }
  return g_string_free (out, FALSE);
}

/* The event whose first evidence starts at @start in @article. */
static gint64
find_event (RasdStore *store,
            gint64     article,
            gint64     start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = rasd_store_list_events (store, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *e = g_ptr_array_index (events, i);

      for (guint s = 0; s < e->evidence->len; s++)
        {
          RasdStoredEvidence *span = &g_array_index (e->evidence, RasdStoredEvidence, s);

          if (span->article_id == article && span->start == start)
            return e->id;
        }
    }
  g_assert_not_reached ();
}

static RasdStoredEvent *
get_event (RasdStore *store,
           gint64     id)
{
  g_autoptr(GError) error = NULL;
  RasdStoredEvent *event = rasd_store_get_event (store, id, &error);

  g_assert_no_error (error);
  return event;
}

static gint64
add (Fixture                     *f,
     const RasdCorrectionRequest *request,
     RasdCorrectionUndo         **undo)
{
  g_autoptr(GError) error = NULL;
  gint64 id = rasd_store_add_correction (f->store, request, undo, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static const RasdEntity cairo = { RASD_ENTITY_PLACE, "360630", "القاهرة", "Cairo", "EG", "city", 30.06, 31.25 };
static const RasdEntity kerry = { RASD_ENTITY_PERSON, "john-kerry", "جون كيري", "John Kerry", NULL, NULL, 0, 0 };
static const RasdEntity lavrov = { RASD_ENTITY_PERSON, "sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov", NULL, NULL, 0, 0 };
static const RasdEntity jubeir = { RASD_ENTITY_PERSON, "adel-al-jubeir", NULL, NULL, NULL, NULL, 0, 0 };

/* Makes one decision of each kind on a fresh fixture's events; @which picks it. */
static void
decide (Fixture            *f,
        RasdCorrectionKind  which,
        RasdCorrectionUndo **undo)
{
  gint64 visit = find_event (f->store, f->first, 10);
  gint64 meeting = find_event (f->store, f->first, 110);
  gint64 geneva_meeting = find_event (f->store, f->second, 5);
  RasdCorrectionRequest request = { which, visit };
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
  RasdStoredEvidence second_sentence = { f->first, 61, 100 };

  switch (which)
    {
    case RASD_CORRECTION_EVENT_KIND:
      request.text = "summit";
      break;
    case RASD_CORRECTION_EVENT_DATE:
      request.text = "2015-07";
      break;
    case RASD_CORRECTION_EVENT_PLACE:
      request.entity = &cairo;
      break;
    case RASD_CORRECTION_EVENT_ADD_PARTICIPANT:
      request.entity = &kerry;
      break;
    case RASD_CORRECTION_EVENT_REMOVE_PARTICIPANT:
      request.event_id = meeting;
      request.entity = &lavrov;
      break;
    case RASD_CORRECTION_EVENT_REJECT:
      request.event_id = meeting;
      break;
    case RASD_CORRECTION_EVENT_MERGE:
      request.event_id = meeting;
      request.other_event_id = geneva_meeting;
      break;
    case RASD_CORRECTION_EVENT_SPLIT:
      g_array_append_val (spans, second_sentence);
      request.split_spans = spans;
      break;
    case RASD_CORRECTION_EVENT_REVIEWED:
      request.reviewed = TRUE;
      break;
    case RASD_CORRECTION_ENTITY_REJECT:
      request.entity_kind = RASD_ENTITY_PERSON;
      request.entity_key = "name:مصدر مطلع";
      break;
    case RASD_CORRECTION_ENTITY_RENAME:
      request.entity_kind = RASD_ENTITY_PERSON;
      request.entity_key = "sergey-lavrov";
      request.text = "سيرجي لافروف";
      break;
    case RASD_CORRECTION_ENTITY_ALIAS:
      request.entity_kind = RASD_ENTITY_PERSON;
      request.entity_key = "name:عادل جبير";
      request.entity = &jubeir;
      break;
    case RASD_N_CORRECTION_KINDS:
    default:
      g_assert_not_reached ();
    }
  add (f, &request, undo);
}

/* What each decision must have done. */
static void
check_effect (Fixture            *f,
              RasdCorrectionKind  which)
{
  g_autofree char *dump = dump_events (f->store, FALSE);

  switch (which)
    {
    case RASD_CORRECTION_EVENT_KIND:
      g_assert_nonnull (strstr (dump, "summit 2015-07-21/3 044 170654"));
      break;
    case RASD_CORRECTION_EVENT_DATE:
      g_assert_nonnull (strstr (dump, "visit 2015-07/2"));
      break;
    case RASD_CORRECTION_EVENT_PLACE:
      g_assert_nonnull (strstr (dump, "visit 2015-07-21/3 040 360630"));
      break;
    case RASD_CORRECTION_EVENT_ADD_PARTICIPANT:
      g_assert_nonnull (strstr (dump, "[بشار الأسد;جون كيري;فلاديمير بوتين;]"));
      break;
    case RASD_CORRECTION_EVENT_REMOVE_PARTICIPANT:
      g_assert_nonnull (strstr (dump, "[فلاديمير بوتين;مصدر مطلع;] sources المقال الأول evidence 110:150"));
      break;
    case RASD_CORRECTION_EVENT_REJECT:
      g_assert_null (strstr (dump, "110:150"));
      break;
    case RASD_CORRECTION_EVENT_MERGE:
      /* one event, both sources, both sentences, everyone */
      g_assert_nonnull (strstr (dump, "meeting 2016-01-20/3 040 524901"));
      g_assert_nonnull (strstr (dump, "[جون كيري;سيرغي لافروف;فلاديمير بوتين;مصدر مطلع;] sources المقال الأول "
                                      "المقال الثاني evidence 110:150 5:50"));
      break;
    case RASD_CORRECTION_EVENT_SPLIT:
      g_assert_nonnull (strstr (dump, "sources المقال الأول evidence 10:60\n"));
      g_assert_nonnull (strstr (dump, "sources المقال الأول evidence 61:100\n"));
      break;
    case RASD_CORRECTION_EVENT_REVIEWED:
      g_assert_nonnull (strstr (dump, "r=1 e=0 [بشار الأسد;فلاديمير بوتين;]"));
      break;
    case RASD_CORRECTION_ENTITY_REJECT:
      g_assert_null (strstr (dump, "مصدر مطلع"));
      break;
    case RASD_CORRECTION_ENTITY_RENAME:
      g_assert_null (strstr (dump, "سيرغي لافروف"));
      g_assert_nonnull (strstr (dump, "سيرجي لافروف"));
      break;
    case RASD_CORRECTION_ENTITY_ALIAS:
      g_assert_null (strstr (dump, "عادل جبير;"));
      g_assert_nonnull (strstr (dump, "r=0 e=1 [سيرغي لافروف;عادل الجبير;]"));
      break;
    case RASD_N_CORRECTION_KINDS:
    default:
      g_assert_not_reached ();
    }
}

static void
test_decision_survives (gconstpointer data)
{
  RasdCorrectionKind which = GPOINTER_TO_INT (data);
  Fixture f = { 0 }, fresh = { 0 }, late = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *corrected = NULL, *again = NULL, *exported = NULL;
  g_autofree char *imported = NULL, *imported_late = NULL;
  g_autoptr(GPtrArray) corrections = NULL;
  guint n_added = 0;

  fixture_open (&f, TRUE);
  before = dump_events (f.store, FALSE);
  assert_pairs_follow (f.store);
  decide (&f, which, NULL);
  check_effect (&f, which);
  assert_pairs_follow (f.store);
  corrected = dump_events (f.store, FALSE);
  g_assert_cmpstr (corrected, !=, before);

  /* re-extraction: the same output, the same decision on top */
  extract_all (&f, TRUE);
  assert_pairs_follow (f.store);
  again = dump_events (f.store, FALSE);
  g_assert_cmpstr (again, ==, corrected);
  corrections = rasd_store_list_corrections (f.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 1);
  g_assert_false (((RasdCorrection *) corrections->pdata[0])->orphaned);

  /* the decisions, shared: into a database of the same articles extracted already... */
  exported = rasd_store_export_corrections (f.store, &error);
  g_assert_no_error (error);
  fixture_open (&fresh, TRUE);
  g_assert_true (rasd_store_import_corrections (fresh.store, exported, -1, "test.json", &n_added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_added, ==, 1);
  imported = dump_events (fresh.store, FALSE);
  g_assert_cmpstr (imported, ==, corrected);
  /* ... once only */
  g_assert_true (rasd_store_import_corrections (fresh.store, exported, -1, "test.json", &n_added, &error));
  g_assert_cmpuint (n_added, ==, 0);

  /* ... and into one that imports the articles after: applied as each is saved */
  fixture_open (&late, FALSE);
  g_assert_true (rasd_store_import_corrections (late.store, exported, -1, "test.json", &n_added, &error));
  g_assert_no_error (error);
  extract_all (&late, TRUE);
  imported_late = dump_events (late.store, FALSE);
  g_assert_cmpstr (imported_late, ==, corrected);
  g_clear_pointer (&corrections, g_ptr_array_unref);
  corrections = rasd_store_list_corrections (late.store, &error);
  g_assert_false (((RasdCorrection *) corrections->pdata[0])->orphaned);

  fixture_close (&f);
  fixture_close (&fresh);
  fixture_close (&late);
}

/* One meeting in Geneva, as each of several articles reports it. */
static RasdExtraction *
report_extraction (void)
{
  RasdExtraction *x = rasd_extraction_new ();
  int kerry_ = rasd_test_add_person (x, "john-kerry", "جون كيري", "John Kerry");
  int lavrov_ = rasd_test_add_person (x, "sergey-lavrov", "سيرغي لافروف", "Sergey Lavrov");
  int geneva = rasd_test_add_place (x, "2660646", "جنيف", "Geneva", "CH", "city", 46.2, 6.14);

  event (x, "meeting", "2016-01-20", geneva, 5, 50, -1, kerry_, lavrov_, -1);
  return x;
}

static void
save_reports (RasdStore    *store,
              const gint64 *articles,
              guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RasdExtraction) x = report_extraction ();
      g_autoptr(GError) error = NULL;

      g_assert_true (rasd_store_save_extraction (store, articles[i], x, &error));
      g_assert_no_error (error);
    }
}

/* An event told in many articles stays one event after a re-extraction, with the user's place,
 * date and split, though each article's own report no longer matches the corrected event. */
static void
test_told_in_many (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
  g_autofree char *corrected = NULL, *again = NULL, *twice = NULL;
  g_autoptr(RasdStoredEvent) split = NULL;
  gint64 articles[6];
  gint64 meeting;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *title = g_strdup_printf ("تقرير %u", i + 1);

      articles[i] = add_article (store, title);
    }
  save_reports (store, articles, G_N_ELEMENTS (articles));
  meeting = find_event (store, articles[0], 5);
  for (guint i = 1; i < G_N_ELEMENTS (articles); i++)
    g_assert_cmpint (find_event (store, articles[i], 5), ==, meeting);

  {
    RasdCorrectionRequest place = { RASD_CORRECTION_EVENT_PLACE, meeting, .entity = &cairo };
    RasdCorrectionRequest date = { RASD_CORRECTION_EVENT_DATE, meeting, .text = "2016-02-03" };
    RasdCorrectionRequest take = { RASD_CORRECTION_EVENT_SPLIT, meeting };
    RasdStoredEvidence last = { articles[5], 5, 50 };
    Fixture f = { store };

    add (&f, &place, NULL);
    add (&f, &date, NULL);
    g_array_append_val (spans, last);
    take.split_spans = spans;
    add (&f, &take, NULL);
  }
  corrected = dump_events (store, FALSE);
  g_assert_nonnull (strstr (corrected, "360630"));
  g_assert_nonnull (strstr (corrected, "2016-02-03"));

  /* each article again, in order, then in the other order */
  save_reports (store, articles, G_N_ELEMENTS (articles));
  again = dump_events (store, FALSE);
  g_assert_cmpstr (again, ==, corrected);
  for (guint i = G_N_ELEMENTS (articles); i-- > 0;)
    save_reports (store, &articles[i], 1);
  twice = dump_events (store, FALSE);
  g_assert_cmpstr (twice, ==, corrected);

  /* five reports in the corrected event, the sixth split out */
  meeting = find_event (store, articles[0], 5);
  for (guint i = 1; i < 5; i++)
    g_assert_cmpint (find_event (store, articles[i], 5), ==, meeting);
  g_assert_cmpint (find_event (store, articles[5], 5), !=, meeting);
  split = get_event (store, find_event (store, articles[5], 5));
  g_assert_cmpuint (split->sources->len, ==, 1);
}

static void
test_undo_exact (gconstpointer data)
{
  RasdCorrectionKind which = GPOINTER_TO_INT (data);
  Fixture f = { 0 };
  g_autoptr(RasdCorrectionUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *entities_before = NULL, *after = NULL, *entities_after = NULL;
  g_autofree char *undone = NULL, *entities_undone = NULL, *redone = NULL;
  g_autoptr(GPtrArray) corrections = NULL;

  fixture_open (&f, TRUE);
  before = dump_events (f.store, TRUE);
  entities_before = dump_entities (f.store);
  decide (&f, which, &undo);
  g_assert_nonnull (undo);
  after = dump_events (f.store, TRUE);
  entities_after = dump_entities (f.store);
  g_assert_true (g_strcmp0 (after, before) != 0 || g_strcmp0 (entities_after, entities_before) != 0);

  g_assert_true (rasd_store_undo_correction (f.store, undo, &error));
  g_assert_no_error (error);
  assert_pairs_follow (f.store);
  undone = dump_events (f.store, TRUE);
  entities_undone = dump_entities (f.store);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (entities_undone, ==, entities_before);
  corrections = rasd_store_list_corrections (f.store, &error);
  g_assert_cmpuint (corrections->len, ==, 0);

  g_assert_true (rasd_store_redo_correction (f.store, undo, &error));
  g_assert_no_error (error);
  assert_pairs_follow (f.store);
  redone = dump_events (f.store, TRUE);
  g_assert_cmpstr (redone, ==, after);
  fixture_close (&f);
}

/* A decision whose event is gone after a re-extraction is kept and listed as orphaned; when
 * the event comes back, so does the decision. */
static void
test_orphaned (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corrections = NULL;
  RasdCorrectionRequest request = { RASD_CORRECTION_EVENT_KIND };
  g_autofree char *exported = NULL;

  fixture_open (&f, TRUE);
  request.event_id = find_event (f.store, f.first, 160);
  request.text = "meeting";
  add (&f, &request, NULL);

  extract_all (&f, FALSE);
  corrections = rasd_store_list_corrections (f.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 1);
  g_assert_true (((RasdCorrection *) corrections->pdata[0])->orphaned);
  g_assert_cmpint (((RasdCorrection *) corrections->pdata[0])->event_id, ==, 0);
  exported = rasd_store_export_corrections (f.store, &error);
  g_assert_nonnull (strstr (exported, "\"orphaned\" : true"));
  g_clear_pointer (&corrections, g_ptr_array_unref);

  extract_all (&f, TRUE);
  corrections = rasd_store_list_corrections (f.store, &error);
  g_assert_false (((RasdCorrection *) corrections->pdata[0])->orphaned);
  g_assert_cmpint (((RasdCorrection *) corrections->pdata[0])->event_id, ==,
                   find_event (f.store, f.first, 160));
  {
    g_autoptr(RasdStoredEvent) event = get_event (f.store, find_event (f.store, f.first, 160));

    g_assert_cmpstr (event->kind, ==, "meeting");
    g_assert_true (event->edited);
  }
  fixture_close (&f);
}

static guint
facet_count (RasdStore  *store,
             const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) marks = rasd_store_list_event_marks (store, NULL, RASD_EVENT_SORT_DATE, FALSE, NULL, &error);
  g_autoptr(GPtrArray) people = rasd_store_count_marks_people (store, marks, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    if (g_str_equal (((RasdFacetCount *) people->pdata[i])->key, key))
      return ((RasdFacetCount *) people->pdata[i])->count;
  return 0;
}

static void
test_alias_facets (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(RasdStoredEntity) entity = NULL;

  fixture_open (&f, TRUE);
  g_assert_cmpuint (facet_count (f.store, "name:عادل جبير"), ==, 1);
  g_assert_cmpuint (facet_count (f.store, "adel-al-jubeir"), ==, 1);
  decide (&f, RASD_CORRECTION_ENTITY_ALIAS, NULL);
  g_assert_cmpuint (facet_count (f.store, "name:عادل جبير"), ==, 0);
  g_assert_cmpuint (facet_count (f.store, "adel-al-jubeir"), ==, 2);
  entity = rasd_store_get_entity (f.store, "person", "name:عادل جبير", &error);
  g_assert_cmpstr (entity->alias_key, ==, "adel-al-jubeir");

  /* the reader's names: the alias's mention names the entity it is the same as */
  mentions = rasd_store_list_mentions (f.store, f.first, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < mentions->len; i++)
    g_assert_cmpstr (((RasdStoredMention *) mentions->pdata[i])->key, !=, "name:عادل جبير");

  /* a rejected name is no mention any more, and in no facet */
  decide (&f, RASD_CORRECTION_ENTITY_REJECT, NULL);
  g_assert_cmpuint (facet_count (f.store, "name:مصدر مطلع"), ==, 0);
  g_clear_pointer (&mentions, g_ptr_array_unref);
  mentions = rasd_store_list_mentions (f.store, f.first, &error);
  for (guint i = 0; i < mentions->len; i++)
    g_assert_cmpstr (((RasdStoredMention *) mentions->pdata[i])->key, !=, "name:مصدر مطلع");
  fixture_close (&f);
}

/* The review queue: unreviewed events, lowest confidence first. */
static void
test_review_queue (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL, queue = NULL;
  RasdEventFilter unreviewed = { .unreviewed = TRUE };
  double last = -1;

  fixture_open (&f, TRUE);
  all = rasd_store_list_event_marks (f.store, NULL, RASD_EVENT_SORT_CONFIDENCE, FALSE, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(RasdStoredEvent) event = get_event (f.store, g_array_index (all, RasdEventMark, i).id);

      g_assert_cmpfloat (event->confidence, >, 0.0);
      g_assert_cmpfloat (event->confidence, <=, 1.0);
      g_assert_cmpfloat (event->confidence, >=, last);
      last = event->confidence;
    }
  decide (&f, RASD_CORRECTION_EVENT_REVIEWED, NULL);
  queue = rasd_store_list_event_marks (f.store, &unreviewed, RASD_EVENT_SORT_CONFIDENCE, FALSE, NULL, &error);
  g_assert_cmpuint (queue->len, ==, all->len - 1);
  for (guint i = 0; i < queue->len; i++)
    g_assert_cmpint (g_array_index (queue, RasdEventMark, i).id, !=, find_event (f.store, f.first, 10));
  fixture_close (&f);
}

/* Decisions that cannot be: said, nothing stored. */
static void
test_invalid (void)
{
  Fixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
  RasdStoredEvidence all[] = { { 0, 10, 60 }, { 0, 61, 100 } };
  RasdCorrectionRequest request = { RASD_CORRECTION_EVENT_SPLIT };

  fixture_open (&f, TRUE);
  request.event_id = find_event (f.store, f.first, 10);
  all[0].article_id = all[1].article_id = f.first;
  g_array_append_vals (spans, all, 2);
  request.split_spans = spans;
  g_assert_cmpint (rasd_store_add_correction (f.store, &request, NULL, &error), ==, 0);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY);
  g_clear_error (&error);

  request = (RasdCorrectionRequest) { RASD_CORRECTION_EVENT_KIND, 9999, .text = "visit" };
  g_assert_cmpint (rasd_store_add_correction (f.store, &request, NULL, &error), ==, 0);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY);
  g_clear_error (&error);

  g_assert_false (rasd_store_import_corrections (f.store, "{\"format\": \"other\"}", -1, "x.json", NULL, &error));
  g_assert_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY);
  g_assert_nonnull (strstr (error->message, "x.json"));
  fixture_close (&f);
}

/* Databases made at schema 7 and 8 migrate to 9: their events get a confidence, none is
 * reviewed or edited, and decisions can be made on them. */
static void
test_migration (gconstpointer data)
{
  int version = GPOINTER_TO_INT (data);
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;

  rasd_test_make_old_store (path, version,
    "INSERT INTO articles (id, title, text, hash, imported_at) VALUES (1, 'أ', 'نص', 'h1', 0);"
    "INSERT INTO entities (id, kind, key, name, name_en) VALUES"
    " (1, 'person', 'vladimir-putin', 'فلاديمير بوتين', 'Vladimir Putin'),"
    " (2, 'person', 'name:فلان', 'فلان', NULL);"
    "INSERT INTO events (id, kind, cameo, date, date_precision, day, day_end, role) VALUES"
    " (1, 'visit', '042', '2015-10-20', 3, 16728, 16728, 'headline');"
    "INSERT INTO event_participants (event_id, entity_id) VALUES (1, 1), (1, 2);"
    "INSERT INTO event_sources VALUES (1, 1, 'headline');"
    "INSERT INTO evidence (event_id, article_id, start, end) VALUES (1, 1, 0, 2);");
  {
    g_autoptr(RasdStore) store = rasd_store_open (path, &error);
    g_autoptr(RasdStoredEvent) event = NULL;
    RasdCorrectionRequest request = { RASD_CORRECTION_EVENT_REVIEWED, 1, .reviewed = TRUE };

    g_assert_no_error (error);
    g_assert_cmpint (rasd_store_get_schema_version (store), ==, RASD_STORE_SCHEMA_VERSION);
    assert_pairs_follow (store);   /* schema 10 fills event_pairs from what is stored */
    event = rasd_store_get_event (store, 1, &error);
    g_assert_no_error (error);
    /* 0.45 × (0.8 + 0.4) / 2 + 0.10 + 0.05 + 0.05 */
    g_assert_cmpfloat_with_epsilon (event->confidence, 0.47, 0.0005);
    g_assert_false (event->reviewed);
    g_assert_false (event->edited);
    g_assert_cmpint (rasd_store_add_correction (store, &request, NULL, &error), >, 0);
    g_assert_no_error (error);
    g_clear_pointer (&event, rasd_stored_event_free);
    event = rasd_store_get_event (store, 1, &error);
    g_assert_true (event->reviewed);
  }
  rasd_test_rmtree (dir);
}

/* The corrector: decisions on a worker thread, undo and redo within the session. */
static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;

  rasd_corrector_apply_finish (RASD_CORRECTOR (source), result, error);
  g_assert_no_error (*error);
}

static void
on_changed (RasdCorrector *corrector,
            guint         *n)
{
  (*n)++;
}

static void
test_corrector (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rasd.db", NULL);
  g_autoptr(RasdCorrector) corrector = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL, *undone = NULL;
  Fixture f = { 0 };
  RasdCorrectionRequest request = { RASD_CORRECTION_EVENT_KIND, .text = "call" };
  guint changed = 0;

  f.store = rasd_store_open (path, &error);
  g_assert_no_error (error);
  f.first = add_article (f.store, "المقال الأول");
  f.second = add_article (f.store, "المقال الثاني");
  extract_all (&f, TRUE);
  before = dump_events (f.store, TRUE);

  corrector = rasd_corrector_new (f.store);
  g_signal_connect (corrector, "changed", G_CALLBACK (on_changed), &changed);
  g_assert_false (rasd_corrector_can_undo (corrector));
  request.event_id = find_event (f.store, f.first, 10);
  rasd_corrector_apply_async (corrector, &request, NULL, on_done, &error);
  while (rasd_corrector_is_busy (corrector))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changed, ==, 1);
  after = dump_events (f.store, TRUE);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (rasd_corrector_can_undo (corrector));
  g_assert_true (rasd_corrector_undo (corrector, &error));
  g_assert_no_error (error);
  undone = dump_events (f.store, TRUE);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (rasd_corrector_can_redo (corrector));
  g_assert_true (rasd_corrector_redo (corrector, &error));
  g_clear_pointer (&undone, g_free);
  undone = dump_events (f.store, TRUE);
  g_assert_cmpstr (undone, ==, after);
  g_assert_cmpuint (changed, ==, 3);
  fixture_close (&f);
  g_clear_object (&corrector);
  rasd_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (int k = 0; k < RASD_N_CORRECTION_KINDS; k++)
    {
      g_autofree char *survives = g_strdup_printf ("/correcting/survives/%s", rasd_correction_kind_to_string (k));
      g_autofree char *undo = g_strdup_printf ("/correcting/undo/%s", rasd_correction_kind_to_string (k));

      g_test_add_data_func (survives, GINT_TO_POINTER (k), test_decision_survives);
      g_test_add_data_func (undo, GINT_TO_POINTER (k), test_undo_exact);
    }
  g_test_add_func ("/correcting/orphaned", test_orphaned);
  g_test_add_func ("/correcting/told-in-many", test_told_in_many);
  g_test_add_func ("/correcting/alias-facets", test_alias_facets);
  g_test_add_func ("/correcting/review-queue", test_review_queue);
  g_test_add_func ("/correcting/invalid", test_invalid);
  g_test_add_data_func ("/correcting/migration-7", GINT_TO_POINTER (7), test_migration);
  g_test_add_data_func ("/correcting/migration-8", GINT_TO_POINTER (8), test_migration);
  g_test_add_func ("/correcting/corrector", test_corrector);
  return g_test_run ();
}
