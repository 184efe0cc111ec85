#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include "rasd-store-private.h"

/* RasdStore: saving what extraction found, and grouping an event with the same event
 * reported by other articles; then the user's decisions are applied again on top
 * (rasd-store-corrections.c). */

/* Removes what an earlier extraction of the article stored: its mentions, evidence and
 * sources; the events only it reported; the entities nothing refers to any more.  Events that
 * other articles report stay, their role recomputed from the sources left. */
static gboolean
forget_extraction (RasdStore  *self,
                   gint64      article_id,
                   GArray    **old_entities,
                   GError    **error)
{
  g_autoptr(GArray) events = NULL;

  if ((events = rasd_store_ids_with_id (self, STMT_ARTICLE_EVENTS, article_id,
                                        "reading the article's events", error)) == NULL ||
      (*old_entities = rasd_store_ids_with_id (self, STMT_ARTICLE_ENTITIES, article_id,
                                               "reading the article's entities", error)) == NULL)
    return FALSE;

  if (!rasd_store_run_with_id (self, STMT_DELETE_MENTIONS, article_id, "removing old mentions", error) ||
      !rasd_store_run_with_id (self, STMT_DELETE_ENTITY_ARTICLES, article_id, "removing old mentions", error) ||
      !rasd_store_run_with_id (self, STMT_DELETE_EVIDENCE, article_id, "removing old evidence", error) ||
      !rasd_store_run_with_id (self, STMT_DELETE_SOURCES, article_id, "removing old event sources", error))
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      gint64 event_id = g_array_index (events, gint64, i);

      if (!rasd_store_run_with_id (self, STMT_DELETE_EVENT_IF_ORPHAN, event_id,
                                   "removing an event no article reports", error) ||
          !rasd_store_run_with_id (self, STMT_UPDATE_EVENT_ROLE, event_id, "updating an event's role", error))
        return FALSE;
    }
  return TRUE;
}

/* A name a lexicon or the gazetteer knows above one no list knows ("name:" keys).  Not from
 * how often one article names it: an event's score would then depend on which articles were
 * saved before it (and a decision's entity on whether the decision came first). */
static double
entity_confidence (const RasdEntity *entity)
{
  return g_str_has_prefix (entity->key, "name:") ? 0.4 : 0.8;
}

/* Binds an entity's columns to ?1–?9 of STMT_FIND_KNOWN_ENTITY or STMT_UPSERT_ENTITY. */
static void
bind_entity (sqlite3_stmt *stmt,
             RasdEntity   *entity,
             double        confidence)
{
  gboolean is_place = entity->kind == RASD_ENTITY_PLACE;

  sqlite3_bind_text (stmt, 1, rasd_entity_kind_to_string (entity->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity->key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entity->name, -1, SQLITE_STATIC);
  rasd_store_bind_text_or_null (stmt, 4, entity->name_en);
  rasd_store_bind_text_or_null (stmt, 5, is_place ? entity->place_kind : NULL);
  rasd_store_bind_text_or_null (stmt, 6, entity->country);
  /* (0, 0) is what a place without coordinates carries. */
  if (is_place && (entity->lat != 0.0 || entity->lon != 0.0))
    {
      sqlite3_bind_double (stmt, 7, entity->lat);
      sqlite3_bind_double (stmt, 8, entity->lon);
    }
  sqlite3_bind_double (stmt, 9, confidence);
}

/* Reads id, rejected and alias_of of a row of STMT_FIND_KNOWN_ENTITY or STMT_UPSERT_ENTITY:
 * the id, and in *@use_id the entity events are to name instead (its alias), 0 when the user
 * rejected it. */
static gint64
read_entity_row (sqlite3_stmt *stmt,
                 gint64       *use_id)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);

  if (sqlite3_column_int (stmt, 1))
    *use_id = 0;
  else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    *use_id = sqlite3_column_int64 (stmt, 2);
  else
    *use_id = id;
  return id;
}

/* Stores @entity, or only looks it up when storing it again would change nothing (most
 * entities of an archive are seen again); *@use_id as read_entity_row() gives it. */
static gint64
upsert_entity (RasdStore   *self,
               RasdEntity  *entity,
               double       confidence,
               gint64      *use_id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if ((stmt = rasd_store_get_statement (self, STMT_FIND_KNOWN_ENTITY, error)) == NULL)
    return 0;
  bind_entity (stmt, entity, confidence);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = read_entity_row (stmt, use_id);
  sqlite3_reset (stmt);
  if (id > 0)
    return id;

  if ((stmt = rasd_store_get_statement (self, STMT_UPSERT_ENTITY, error)) == NULL)
    return 0;
  bind_entity (stmt, entity, confidence);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = read_entity_row (stmt, use_id);
  else
    {
      g_autofree char *doing = g_strdup_printf ("storing the entity “%s” (%s)",
                                                entity->name, entity->key);
      rasd_store_set_sqlite_error (self, error, doing);
    }
  sqlite3_reset (stmt);
  return id;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Appends @value in decimal: g_string_append_printf() took a tenth of saving an extraction. */
static void
append_int (GString *out,
            gint64   value)
{
  char digits[20];
  guint64 rest = value < 0 ? -(guint64) value : (guint64) value;
  guint n = 0;

  if (value < 0)
    g_string_append_c (out, '-');
  do
    digits[n++] = (char) ('0' + rest % 10);
  while ((rest /= 10) != 0);
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

/* Appends @text as a JSON string. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    if (*p == '"' || *p == '\\')
      g_string_append_printf (out, "\\%c", *p);
    else if ((guchar) *p < 0x20)
      g_string_append_printf (out, "\\u%04x", (guchar) *p);
    else
      g_string_append_c (out, *p);
  g_string_append_c (out, '"');
}

/* Stores the extraction's mentions, @entity_ids giving each entity's id: one row of the
 * article's mentions as a JSON array (the format is schema/11.sql's), and one row for each
 * entity they name.  A row per mention was the largest part of saving an extraction. */
static gboolean
insert_mentions (RasdStore       *self,
                 gint64           article_id,
                 RasdExtraction  *extraction,
                 GArray          *entity_ids,
                 GError         **error)
{
  GArray *mentions = extraction->mentions;
  g_autoptr(GString) data = NULL;
  g_autoptr(GString) named = NULL;
  g_autoptr(GArray) ids = NULL;

  if (mentions->len == 0)
    return TRUE;
  data = g_string_sized_new (24 * mentions->len + 2);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), mentions->len);
  g_string_append_c (data, '[');
  for (guint i = 0; i < mentions->len; i++)
    {
      const RasdMention *mention = &g_array_index (mentions, RasdMention, i);
      gint64 entity_id = 0;

      char code = rasd_store_mention_code (mention->kind);

      g_return_val_if_fail (code != '\0', FALSE);
      if (mention->kind != RASD_MENTION_DATE && mention->entity >= 0 &&
          (guint) mention->entity < entity_ids->len)
        {
          entity_id = g_array_index (entity_ids, gint64, mention->entity);
          g_array_append_val (ids, entity_id);
        }
      if (i > 0)
        g_string_append_c (data, ',');
      g_string_append (data, "[\"");
      g_string_append_c (data, code);
      g_string_append (data, "\",");
      append_int (data, (gint64) mention->start);
      g_string_append_c (data, ',');
      append_int (data, (gint64) mention->end);
      if (mention->kind == RASD_MENTION_DATE)
        {
          g_autofree char *value = rasd_date_to_iso (&mention->date);

          if (value != NULL)
            {
              g_string_append (data, ",null,");
              append_json_string (data, value);
            }
        }
      else if (entity_id != 0)
        {
          g_string_append_c (data, ',');
          append_int (data, entity_id);
        }
      g_string_append_c (data, ']');
    }
  g_string_append_c (data, ']');

  if (!rasd_store_run_sql (self, NULL, error, "storing the article's mentions",
                           "INSERT INTO article_mentions (article_id, data) VALUES (?1, ?2)",
                           "it", article_id, data->str))
    return FALSE;
  if (ids->len == 0)
    return TRUE;

  g_array_sort (ids, compare_ids);
  named = g_string_sized_new (12 * ids->len + 2);
  g_string_append_c (named, '[');
  for (guint i = 0; i < ids->len; i++)
    if (i == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, i - 1))
      {
        if (i > 0)
          g_string_append_c (named, ',');
        append_int (named, g_array_index (ids, gint64, i));
      }
  g_string_append_c (named, ']');
  return rasd_store_run_sql (self, NULL, error, "storing the entities the article names",
                             "INSERT INTO entity_articles (article_id, entity_id)"
                             " SELECT ?1, value FROM json_each (?2)",
                             "it", article_id, named->str);
}

/* One event of the extraction, resolved to database ids. */
typedef struct
{
  const RasdEvent *event;
  GArray          *participants;  /* gint64 entity ids, sorted, distinct */
  gint64           place_id;      /* 0 when none */
  const char      *place_kind;
  const char      *place_country;
  gboolean         has_day;
  gint64           day;
  gint64           day_end;
} NewEvent;

typedef struct
{
  gint64             id;
  RasdDate           date;
  gint64             place_id;
  char              *place_kind;
  char              *place_country;
  int                score;
} Candidate;

static void
candidate_clear (Candidate *candidate)
{
  g_free (candidate->place_kind);
  g_free (candidate->place_country);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Candidate, candidate_clear)

/* Same people: the same set, or one set inside the other with at least two people shared
 * (a third minister named by one report only). */
static gboolean
participants_match (GArray *a,
                    GArray *b)
{
  guint i = 0, j = 0, shared = 0;

  while (i < a->len && j < b->len)
    {
      gint64 x = g_array_index (a, gint64, i);
      gint64 y = g_array_index (b, gint64, j);

      if (x == y)
        {
          shared++;
          i++;
          j++;
        }
      else if (x < y)
        i++;
      else
        j++;
    }
  if (shared == a->len && shared == b->len)
    return shared > 0;
  return shared == MIN (a->len, b->len) && shared >= 2;
}

/* The same place, or one report without a place, or one naming the country and the other a
 * place in it.  Two different cities are two events. */
static gboolean
places_match (gint64      a_id,
              const char *a_kind,
              const char *a_country,
              gint64      b_id,
              const char *b_kind,
              const char *b_country)
{
  if (a_id == 0 || b_id == 0 || a_id == b_id)
    return TRUE;
  if (a_country == NULL || b_country == NULL || g_strcmp0 (a_country, b_country) != 0)
    return FALSE;
  return (g_strcmp0 (a_kind, "country") == 0) != (g_strcmp0 (b_kind, "country") == 0);
}

/* @new_event: the event was just inserted with this report's role, its only source. */
static gboolean
insert_event_details (RasdStore      *self,
                      gint64          event_id,
                      gint64          article_id,
                      const NewEvent *ev,
                      gboolean        new_event,
                      GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 replaced = 0;
  int rc;

  for (guint i = 0; i < ev->participants->len; i++)
    {
      if ((stmt = rasd_store_get_statement (self, STMT_INSERT_PARTICIPANT, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ev->participants, gint64, i));
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return rasd_store_set_sqlite_error (self, error, "storing an event's participant");
    }

  /* An event's role is the best of its sources' (STMT_UPDATE_EVENT_ROLE): a new source can
   * only make it better, which costs a look-up instead of reading all the event's sources
   * (thousands for a summit every paper reports).  A source replaced (the article reported
   * the event twice) may make it worse: read them all then. */
  if (!new_event &&
      !rasd_store_run_sql (self, &replaced, error, "looking up an event's source",
                           "SELECT 1 FROM event_sources WHERE event_id = ?1 AND article_id = ?2",
                           "ii", event_id, article_id))
    return FALSE;
  if ((stmt = rasd_store_get_statement (self, STMT_INSERT_SOURCE, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  sqlite3_bind_text (stmt, 3, rasd_event_role_to_string (ev->event->role), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "storing an event's source");

  for (guint i = 0; i < ev->event->evidence->len; i++)
    {
      const RasdSpan *span = &g_array_index (ev->event->evidence, RasdSpan, i);

      if ((stmt = rasd_store_get_statement (self, STMT_INSERT_EVIDENCE, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, article_id);
      sqlite3_bind_int64 (stmt, 3, (gint64) span->start);
      sqlite3_bind_int64 (stmt, 4, (gint64) span->end);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return rasd_store_set_sqlite_error (self, error, "storing an event's evidence");
    }

  if (new_event)
    return TRUE;
  if (replaced)
    return rasd_store_run_with_id (self, STMT_UPDATE_EVENT_ROLE, event_id, "updating an event's role", error);
  return rasd_store_run_sql (self, NULL, error, "updating an event's role",
                             "UPDATE events SET role = ?2 WHERE id = ?1 AND " ROLE_RANK ("role")
                             " > " ROLE_RANK ("?2"),
                             "it", event_id, rasd_event_role_to_string (ev->event->role));
}

static gboolean
update_event_date (RasdStore       *self,
                   gint64           event_id,
                   const NewEvent  *ev,
                   GError         **error)
{
  g_autofree char *iso = rasd_date_to_iso (&ev->event->date);
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = rasd_store_get_statement (self, STMT_UPDATE_EVENT_DATE, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rasd_store_bind_text_or_null (stmt, 2, iso);
  sqlite3_bind_int (stmt, 3, iso != NULL ? (int) ev->event->date.precision : 0);
  if (ev->has_day)
    {
      sqlite3_bind_int64 (stmt, 4, ev->day);
      sqlite3_bind_int64 (stmt, 5, ev->day_end);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "updating an event's date");
  return TRUE;
}

/* Binds the participant ?1, the event's day range ?2–?3, the article ?4 and the last event
 * before it ?5, as STMT_FIND_EVENT_CANDIDATES and STMT_FIND_PAIR_CANDIDATES read them. */
static void
bind_candidate_window (sqlite3_stmt   *stmt,
                       gint64          participant,
                       gint64          article_id,
                       gint64          last_before,
                       const NewEvent *ev)
{
  sqlite3_bind_int64 (stmt, 1, participant);
  if (ev->has_day)
    {
      sqlite3_bind_int64 (stmt, 2, ev->day);
      sqlite3_bind_int64 (stmt, 3, ev->day_end);
    }
  sqlite3_bind_int64 (stmt, 4, article_id);
  sqlite3_bind_int64 (stmt, 5, last_before);
}

/* Of the stored events @ev may report, prefer the one that agrees the most: a known date, the
 * same place; -1 when the places differ. */
static int
candidate_score (const NewEvent  *ev,
                 const Candidate *c)
{
  if (!places_match (ev->place_id, ev->place_kind, ev->place_country,
                     c->place_id, c->place_kind, c->place_country))
    return -1;
  return (rasd_date_compatible (&ev->event->date, &c->date) ? 2 : 0) +
         (ev->place_id != 0 && ev->place_id == c->place_id ? 1 : 0);
}

/* A row of the candidate statements: id, date, precision, place, its kind and country. */
static void
read_candidate (sqlite3_stmt *stmt,
                Candidate    *c)
{
  c->id = sqlite3_column_int64 (stmt, 0);
  rasd_date_parse_iso (rasd_store_column_text (stmt, 1), &c->date);
  if ((int) c->date.precision != sqlite3_column_int (stmt, 2))
    c->date = (RasdDate) { 0 };
  c->place_id = sqlite3_column_int64 (stmt, 3);
  c->place_kind = g_strdup (rasd_store_column_text (stmt, 4));
  c->place_country = g_strdup (rasd_store_column_text (stmt, 5));
}

/* The candidates of a report of one or two people without a date, whose window is every day:
 * all the pair's events but this article's, read in the order of their ids up to the first
 * that agrees on everything a candidate can (the best one, as find_same_event() chooses).
 * Without the stop, a pair in hundreds of events had all of them read for every report. */
static gboolean
read_pair_in_order (RasdStore       *self,
                    gint64           article_id,
                    gint64           last_before,
                    const NewEvent  *ev,
                    GArray          *candidates,
                    GError         **error)
{
  int best_possible = (rasd_date_compatible (&ev->event->date, &ev->event->date) ? 2 : 0) +
                      (ev->place_id != 0 ? 1 : 0);
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;

  if ((stmt = rasd_store_get_statement (self, STMT_FIND_PAIR_EVENTS, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, g_array_index (ev->participants, gint64, 0));
  sqlite3_bind_int64 (stmt, 2, ev->participants->len == 2
                               ? g_array_index (ev->participants, gint64, 1) : 0);
  sqlite3_bind_int64 (stmt, 3, last_before);
  if ((ids = rasd_store_step_ids (self, stmt, "looking for the same event in other articles",
                                  error)) == NULL)
    return FALSE;
  /* in C: SQLite's sorter costs more than the rest of the query */
  g_array_sort (ids, compare_ids);
  if ((stmt = rasd_store_get_statement (self, STMT_CANDIDATE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      Candidate c = { 0 };
      int rc;

      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_int64 (stmt, 2, article_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        read_candidate (stmt, &c);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        return rasd_store_set_sqlite_error (self, error, "reading an event that may be the same");
      g_array_append_val (candidates, c);
      if (candidate_score (ev, &c) == best_possible)
        break;
    }
  return TRUE;
}

/* The event another article already stored that @ev reports too, or 0. */
static gint64
find_same_event (RasdStore       *self,
                 gint64           article_id,
                 gint64           last_before,
                 const NewEvent  *ev,
                 Candidate       *found,
                 GError         **error)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  sqlite3_stmt *stmt;
  gint64 first;
  int rc;
  int best = -1;

  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);
  /* Reports without people are not grouped: nothing says they are one event. */
  if (ev->participants->len == 0)
    return 0;

  /* One or two people: the events of that pair, or of that person alone (event_pairs).  More:
   * the events of the first that share another, compared further below. */
  first = g_array_index (ev->participants, gint64, 0);
  if (ev->participants->len <= 2 && !ev->has_day)
    {
      if (!read_pair_in_order (self, article_id, last_before, ev, candidates, error))
        return -1;
      stmt = NULL;
    }
  else if (ev->participants->len <= 2)
    {
      if ((stmt = rasd_store_get_statement (self, STMT_FIND_PAIR_CANDIDATES, error)) == NULL)
        return -1;
      bind_candidate_window (stmt, first, article_id, last_before, ev);
      sqlite3_bind_int64 (stmt, 6, ev->participants->len == 2
                                   ? g_array_index (ev->participants, gint64, 1) : 0);
    }
  else
    {
      g_autoptr(GString) others = g_string_new ("[");

      if ((stmt = rasd_store_get_statement (self, STMT_FIND_EVENT_CANDIDATES, error)) == NULL)
        return -1;
      bind_candidate_window (stmt, first, article_id, last_before, ev);
      for (guint i = 1; i < ev->participants->len; i++)
        g_string_append_printf (others, "%s%" G_GINT64_FORMAT, i > 1 ? "," : "",
                                g_array_index (ev->participants, gint64, i));
      g_string_append_c (others, ']');
      sqlite3_bind_text (stmt, 6, others->str, (int) others->len, SQLITE_TRANSIENT);
    }
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Candidate c = { 0 };

          read_candidate (stmt, &c);
          g_array_append_val (candidates, c);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          rasd_store_set_sqlite_error (self, error, "looking for the same event in other articles");
          return -1;
        }
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      g_autoptr(GArray) people = NULL;

      if ((c->score = candidate_score (ev, c)) < 0)
        continue;
      /* With one or two people, the query read only events that match (of the one alone, or
       * with both); more need their sets compared. */
      if (ev->participants->len > 2)
        {
          if ((people = rasd_store_ids_with_id (self, STMT_EVENT_PARTICIPANT_IDS, c->id,
                                                "reading an event's participants", error)) == NULL)
            return -1;
          if (!participants_match (ev->participants, people))
            continue;
        }
      if (best < 0 || c->score > g_array_index (candidates, Candidate, best).score)
        best = (int) i;
    }
  if (best < 0)
    return 0;

  *found = g_array_index (candidates, Candidate, best);
  found->place_kind = g_strdup (found->place_kind);
  found->place_country = g_strdup (found->place_country);
  return found->id;
}

/* @last_before: the last event id stored before this article's events (see
 * STMT_FIND_EVENT_CANDIDATES). */
static gboolean
save_event (RasdStore       *self,
            gint64           article_id,
            gint64           last_before,
            const NewEvent  *ev,
            gint64          *saved_id,
            GError         **error)
{
  g_auto(Candidate) same = { 0 };
  g_autofree char *iso = NULL;
  sqlite3_stmt *stmt;
  gint64 event_id;
  int rc;

  event_id = find_same_event (self, article_id, last_before, ev, &same, error);
  if (event_id < 0)
    return FALSE;
  *saved_id = event_id;

  if (event_id > 0)
    {
      /* A date known from one source fills the others. */
      if (ev->event->date.precision > same.date.precision && ev->has_day &&
          !update_event_date (self, event_id, ev, error))
        return FALSE;
      /* So does a place, and a city refines its country. */
      if (ev->place_id != 0 && ev->place_id != same.place_id &&
          (same.place_id == 0 || g_strcmp0 (same.place_kind, "country") == 0))
        {
          if ((stmt = rasd_store_get_statement (self, STMT_UPDATE_EVENT_PLACE, error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, event_id);
          sqlite3_bind_int64 (stmt, 2, ev->place_id);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            return rasd_store_set_sqlite_error (self, error, "updating an event's place");
        }
      return insert_event_details (self, event_id, article_id, ev, FALSE, error);
    }

  iso = ev->has_day ? rasd_date_to_iso (&ev->event->date) : NULL;
  if ((stmt = rasd_store_get_statement (self, STMT_INSERT_EVENT, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ev->event->kind != NULL ? ev->event->kind : "meeting", -1,
                     SQLITE_STATIC);
  rasd_store_bind_text_or_null (stmt, 2, ev->event->cameo);
  rasd_store_bind_text_or_null (stmt, 3, iso);
  sqlite3_bind_int (stmt, 4, iso != NULL ? (int) ev->event->date.precision : 0);
  if (ev->has_day)
    {
      sqlite3_bind_int64 (stmt, 5, ev->day);
      sqlite3_bind_int64 (stmt, 6, ev->day_end);
    }
  if (ev->place_id != 0)
    sqlite3_bind_int64 (stmt, 7, ev->place_id);
  sqlite3_bind_text (stmt, 8, rasd_event_role_to_string (ev->event->role), -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "storing an event");
  event_id = sqlite3_last_insert_rowid (self->db);
  *saved_id = event_id;
  return insert_event_details (self, event_id, article_id, ev, TRUE, error);
}

static gboolean
last_event_id (RasdStore  *self,
               gint64     *id,
               GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = rasd_store_get_statement (self, STMT_MAX_EVENT_ID, error)) == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return rasd_store_set_sqlite_error (self, error, "reading the last event's id");
  return TRUE;
}

static gboolean
save_extraction (RasdStore       *self,
                 gint64           article_id,
                 RasdExtraction  *extraction,
                 GError         **error)
{
  g_autoptr(GArray) old_entities = NULL;
  g_autoptr(GArray) entity_ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64),
                                                    extraction->entities->len);
  /* The entity events name for each: itself, its alias, or 0 when rejected. */
  g_autoptr(GArray) event_entity_ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64),
                                                          extraction->entities->len);
  g_autoptr(GArray) saved = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 last_before = 0;

  if (!forget_extraction (self, article_id, &old_entities, error) ||
      !last_event_id (self, &last_before, error))
    return FALSE;

  for (guint i = 0; i < extraction->entities->len; i++)
    {
      RasdEntity *entity = g_ptr_array_index (extraction->entities, i);
      gint64 use_id = 0;
      gint64 id = upsert_entity (self, entity, entity_confidence (entity),
                                 &use_id, error);

      if (id == 0)
        return FALSE;
      g_array_append_val (entity_ids, id);
      g_array_append_val (event_entity_ids, use_id);
    }
  if (!rasd_store_correct_entities (self, extraction, event_entity_ids, error))
    return FALSE;

  if (!insert_mentions (self, article_id, extraction, entity_ids, error))
    return FALSE;

  for (guint i = 0; i < extraction->events->len; i++)
    {
      const RasdEvent *event = g_ptr_array_index (extraction->events, i);
      g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (gint64));
      NewEvent ev = { event, participants, 0, NULL, NULL, FALSE, 0, 0 };
      gboolean ok;

      gint64 saved_id = 0;
      gboolean corrected = FALSE;  /* a name the user rejected or made an alias */

      for (guint p = 0; p < event->participants->len; p++)
        {
          int index = g_array_index (event->participants, int, p);
          gint64 id;

          g_return_val_if_fail (index >= 0 && (guint) index < entity_ids->len, FALSE);
          id = g_array_index (event_entity_ids, gint64, index);
          corrected |= id != g_array_index (entity_ids, gint64, index);
          if (id != 0)
            g_array_append_val (participants, id);
        }
      g_array_sort (participants, compare_ids);
      for (guint p = 1; p < participants->len;)
        if (g_array_index (participants, gint64, p) == g_array_index (participants, gint64, p - 1))
          g_array_remove_index (participants, p);
        else
          p++;

      if (event->place >= 0)
        {
          RasdEntity *place;

          g_return_val_if_fail ((guint) event->place < entity_ids->len, FALSE);
          place = g_ptr_array_index (extraction->entities, event->place);
          ev.place_id = g_array_index (event_entity_ids, gint64, event->place);
          corrected |= ev.place_id != g_array_index (entity_ids, gint64, event->place);
          /* an alias's kind and country are close enough for grouping */
          ev.place_kind = ev.place_id != 0 ? place->place_kind : NULL;
          ev.place_country = ev.place_id != 0 ? place->country : NULL;
        }
      ev.has_day = rasd_store_date_day_range (&event->date, &ev.day, &ev.day_end);

      ok = save_event (self, article_id, last_before, &ev, &saved_id, error);
      if (!ok)
        return FALSE;
      g_array_append_val (saved, saved_id);
      if (corrected && !rasd_store_run_sql (self, NULL, error, "marking an event edited",
                                            "UPDATE events SET edited = 1 WHERE id = ?1", "i", saved_id))
        return FALSE;
    }

  /* once per event (an article may report one event twice) */
  g_array_sort (saved, compare_ids);
  for (guint i = 0; i < saved->len; i++)
    if ((i == 0 || g_array_index (saved, gint64, i) != g_array_index (saved, gint64, i - 1)) &&
        !rasd_store_update_event_confidence (self, g_array_index (saved, gint64, i), error))
      return FALSE;
  if (!rasd_store_correct_article (self, article_id, error))
    return FALSE;

  for (guint i = 0; i < old_entities->len; i++)
    if (!rasd_store_run_with_id (self, STMT_DELETE_ENTITY_IF_ORPHAN, g_array_index (old_entities, gint64, i),
                                 "removing an entity no article names", error))
      return FALSE;

  return TRUE;
}

gboolean
rasd_store_save_extraction (RasdStore       *self,
                            gint64           article_id,
                            RasdExtraction  *extraction,
                            GError         **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (article_id > 0, FALSE);
  g_return_val_if_fail (extraction != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Inside a transaction the caller takes back what failed (the importer to its file's
   * savepoint, reextract all of it): a savepoint of its own here would make every statement's
   * journal walk past it (see temp_store in rasd-store.c), quadratic in a long article. */
  if (rasd_store_in_transaction (self))
    {
      if (save_extraction (self, article_id, extraction, error))
        return TRUE;
      g_prefix_error (error, "article %" G_GINT64_FORMAT ": ", article_id);
      return FALSE;
    }
  if (!rasd_store_exec_sql (self, "SAVEPOINT rasd_extraction", error))
    return FALSE;
  if (!save_extraction (self, article_id, extraction, error))
    {
      sqlite3_exec (self->db, "ROLLBACK TO rasd_extraction; RELEASE rasd_extraction",
                    NULL, NULL, NULL);
      g_prefix_error (error, "article %" G_GINT64_FORMAT ": ", article_id);
      return FALSE;
    }
  return rasd_store_exec_sql (self, "RELEASE rasd_extraction", error);
}
