#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include <string.h>

#include "rasd-error.h"
#include "rasd-fts.h"
#include "rasd-store-private.h"

/* RasdStore: listing events by filter, the explorer's marks, facet counts. */

/* Listing events ------------------------------------------------------------------------------- */

/* What a name filter is matched with: its words, the string itself for keys and, when it looks
 * like one, an ISO country code. */
typedef struct
{
  char *words;
  char *raw;
  char *code;
} NameQuery;

static void
name_query_clear (NameQuery *query)
{
  g_free (query->words);
  g_free (query->raw);
  g_free (query->code);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NameQuery, name_query_clear)

static gboolean
name_query_init (NameQuery   *query,
                 const char  *what,
                 const char  *value,
                 GError     **error)
{
  query->raw = g_strstrip (g_strdup (value));
  query->words = rasd_store_name_to_words (query->raw);
  if (*query->words == '\0')
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "the %s “%s” has no letters or digits to match", what, value);
      return FALSE;
    }
  if (strlen (query->raw) == 2 && g_ascii_isalpha (query->raw[0]) && g_ascii_isalpha (query->raw[1]))
    query->code = g_ascii_strup (query->raw, -1);
  return TRUE;
}

/* SQL true when the entity aliased @alias matches the name query bound at @first and
 * @first + 1 (words, raw): its words appear in a row in the Arabic or the English name, or it
 * is the key. */
static void
append_name_match (GString    *sql,
                   const char *alias,
                   int         first)
{
  g_string_append_printf (sql,
                          "(instr (' ' || coalesce (%1$s.normalized, '') || ' ', ' ' || ?%2$d || ' ') > 0"
                          " OR %1$s.key = ?%3$d)",
                          alias, first, first + 1);
}

static void
bind_name_query (sqlite3_stmt    *stmt,
                 const NameQuery *query,
                 int              first)
{
  sqlite3_bind_text (stmt, first, query->words, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 1, query->raw, -1, SQLITE_STATIC);
}

static gboolean
parse_filter_date (const char  *what,
                   const char  *value,
                   gboolean     last,
                   gint64      *day,
                   GError     **error)
{
  RasdDate date;
  gint64 first_day, last_day;

  if (!rasd_date_parse_iso (value, &date) || !rasd_store_date_day_range (&date, &first_day, &last_day))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "the %s date “%s” is not a date: give YYYY, YYYY-MM or YYYY-MM-DD", what, value);
      return FALSE;
    }
  *day = last ? last_day : first_day;
  return TRUE;
}

/* The sources and evidence of all @events at once, two queries for the lot instead of two per
 * event: the ids go to SQLite as one JSON array, the rows come back by event id and are handed
 * to their events through a hash table.  (The participants come with the events themselves.) */
static const char * const details_sql[] = {
  "SELECT s.event_id, s.article_id, a.title, a.source, a.url, a.date_publish, s.role"
  " FROM event_sources s JOIN articles a ON a.id = s.article_id"
  " WHERE s.event_id IN (SELECT value FROM json_each (?1)) ORDER BY s.event_id, s.article_id",
  "SELECT event_id, article_id, start, end FROM evidence"
  " WHERE event_id IN (SELECT value FROM json_each (?1)) ORDER BY event_id, article_id, start",
};

static gboolean
load_events_details (RasdStore  *self,
                     GPtrArray  *events,
                     GError    **error)
{
  static const char * const doing[] = {
    "reading the events' sources", "reading the events' evidence",
  };
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) ids = g_string_sized_new (events->len * 8 + 2);

  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);

      event->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_source_free);
      event->evidence = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
    }
  if (events->len == 0)
    return TRUE;

  g_string_append_c (ids, '[');
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);

      g_hash_table_insert (by_id, &event->id, event);
      if (i > 0)
        g_string_append_c (ids, ',');
      g_string_append_printf (ids, "%" G_GINT64_FORMAT, event->id);
    }
  g_string_append_c (ids, ']');

  for (guint q = 0; q < G_N_ELEMENTS (details_sql); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      RasdStoredEvent *event = NULL;
      int rc;

      if (sqlite3_prepare_v2 (self->db, details_sql[q], -1, &stmt, NULL) != SQLITE_OK)
        return rasd_store_set_sqlite_error (self, error, doing[q]);
      sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          /* Rows come by event: look up only when the event changes. */
          if (event == NULL || event->id != id)
            event = g_hash_table_lookup (by_id, &id);
          g_assert (event != NULL);

          if (q == 0)
            {
              RasdStoredSource *source = g_new0 (RasdStoredSource, 1);

              source->article_id = sqlite3_column_int64 (stmt, 1);
              source->title = g_strdup (rasd_store_column_text (stmt, 2));
              source->source = g_strdup (rasd_store_column_text (stmt, 3));
              source->url = g_strdup (rasd_store_column_text (stmt, 4));
              source->date = g_strdup (rasd_store_column_text (stmt, 5));
              if (!rasd_event_role_from_string (rasd_store_column_text (stmt, 6), &source->role))
                source->role = RASD_EVENT_ROLE_HEADLINE;
              g_ptr_array_add (event->sources, source);
            }
          else
            {
              RasdStoredEvidence evidence = {
                sqlite3_column_int64 (stmt, 1),
                sqlite3_column_int64 (stmt, 2),
                sqlite3_column_int64 (stmt, 3),
              };
              g_array_append_val (event->evidence, evidence);
            }
        }
      if (rc != SQLITE_DONE)
        return rasd_store_set_sqlite_error (self, error, doing[q]);
    }
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);

      /* An import on another connection may have added one since the count. */
      event->n_sources = event->sources->len;
    }
  return TRUE;
}

/* The people and places one listing has read, by entity id: each is read once and shared by
 * all its events (a reference each). */
typedef struct
{
  GHashTable   *people;  /* gint64* → RasdStoredPerson* */
  GHashTable   *places;  /* gint64* → RasdStoredPlace* */
  sqlite3_stmt *person_stmt;
  sqlite3_stmt *place_stmt;
  GArray       *ids;     /* gint64, scratch for one event's participants */
} EntityCache;

static void
entity_cache_clear (EntityCache *cache)
{
  g_clear_pointer (&cache->people, g_hash_table_unref);
  g_clear_pointer (&cache->places, g_hash_table_unref);
  g_clear_pointer (&cache->person_stmt, sqlite3_finalize);
  g_clear_pointer (&cache->place_stmt, sqlite3_finalize);
  g_clear_pointer (&cache->ids, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntityCache, entity_cache_clear)

static gboolean
entity_cache_init (RasdStore    *self,
                   EntityCache  *cache,
                   GError      **error)
{
  cache->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) rasd_stored_person_unref);
  cache->places = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) rasd_stored_place_unref);
  cache->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (sqlite3_prepare_v2 (self->db, "SELECT key, name, name_en FROM entities WHERE id = ?1",
                          -1, &cache->person_stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db,
                          "SELECT key, name, name_en, place_kind, country, lat, lon"
                          " FROM entities WHERE id = ?1",
                          -1, &cache->place_stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "preparing the events' entity query");
  return TRUE;
}

/* The person (or place) @id, read on first use; borrowed from the cache.  NULL when the entity
 * is not there (deleted meanwhile) or on error (@error set). */
static gpointer
entity_cache_get (RasdStore    *self,
                  EntityCache  *cache,
                  gboolean      place,
                  gint64        id,
                  GError      **error)
{
  GHashTable *table = place ? cache->places : cache->people;
  sqlite3_stmt *stmt = place ? cache->place_stmt : cache->person_stmt;
  gpointer entity = g_hash_table_lookup (table, &id);
  int rc;

  if (entity != NULL)
    return entity;

  sqlite3_reset (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      rasd_store_set_sqlite_error (self, error, place ? "reading an event's place" : "reading an event's people");
      return NULL;
    }
  if (place)
    {
      RasdStoredPlace *p = g_atomic_rc_box_new0 (RasdStoredPlace);

      p->key = g_strdup (rasd_store_column_text (stmt, 0));
      p->name = g_strdup (rasd_store_column_text (stmt, 1));
      p->name_en = g_strdup (rasd_store_column_text (stmt, 2));
      p->kind = g_strdup (rasd_store_column_text (stmt, 3));
      p->country = g_strdup (rasd_store_column_text (stmt, 4));
      p->has_coordinates = sqlite3_column_type (stmt, 5) != SQLITE_NULL &&
                           sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      p->lat = sqlite3_column_double (stmt, 5);
      p->lon = sqlite3_column_double (stmt, 6);
      entity = p;
    }
  else
    {
      entity = rasd_stored_person_new (rasd_store_column_text (stmt, 0), rasd_store_column_text (stmt, 1),
                                       rasd_store_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  g_hash_table_insert (table, g_memdup2 (&id, sizeof id), entity);
  return entity;
}

/* Bound parameters of the event query. */
enum
{
  PARAM_FROM_FIRST = 1,   /* the earliest day an event reaching from can start on */
  PARAM_FROM = 2,
  PARAM_TO = 3,
  PARAM_KIND = 4,
  PARAM_TEXT = 5,         /* the FTS5 query of the filter's text */
};

/* An event's date spans at most a year, so one that ends on or after @from starts at most this
 * many days before it: a bound on day that lets the (day, ...) indexes serve "from". */
#define MAX_EVENT_DAYS 366

/* The ids of the people (or places) the name query matches; a place query also matches the
 * places of a country it names. */
static GArray *
matching_entities (RasdStore        *self,
                   const NameQuery  *query,
                   gboolean          place,
                   GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *doing = place ? "finding the places asked for" : "finding the people asked for";

  if (!place)
    {
      g_string_append (sql, "SELECT pe.id FROM entities pe WHERE pe.kind = 'person' AND ");
      append_name_match (sql, "pe", 1);
    }
  else
    {
      g_string_append (sql, "SELECT p.id FROM entities p WHERE p.kind = 'place' AND ");
      append_name_match (sql, "p", 1);
      g_string_append (sql,
                       " UNION SELECT p.id FROM entities p WHERE p.kind = 'place' AND"
                       "  (p.country = ?3 OR p.country IN (SELECT c.country FROM entities c"
                       "   WHERE c.kind = 'place' AND c.place_kind = 'country' AND ");
      append_name_match (sql, "c", 1);
      g_string_append (sql, "))");
    }

  if (!rasd_store_prepare (self, sql->str, &stmt, doing, error))
    return NULL;
  bind_name_query (stmt, query, 1);
  if (place)
    rasd_store_bind_text_or_null (stmt, 3, query->code);
  return rasd_store_step_ids (self, stmt, doing, error);
}

static void
append_id_list (GString *sql,
                GArray  *ids)
{
  g_string_append_c (sql, '(');
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (sql, ')');
}

/* Appends to the WHERE clause of an event query the conditions of @people, @places (NULL: any)
 * and @filter's dates and kind.  @day: the column of the event's day; @ev: the alias of the
 * table holding its day_end, kind and place_id. */
static void
append_filter_conditions (GString               *sql,
                          const RasdEventFilter *filter,
                          GArray                *people,
                          GArray                *places,
                          const char            *day,
                          const char            *ev)
{
  if (people != NULL)
    {
      g_string_append (sql, " AND ep.entity_id IN ");
      append_id_list (sql, people);
    }
  if (places != NULL)
    {
      g_string_append_printf (sql, " AND %s.place_id IN ", ev);
      append_id_list (sql, places);
    }
  if (filter->from != NULL)
    g_string_append_printf (sql, " AND %s >= ?%d AND %s.day_end >= ?%d",
                            day, PARAM_FROM_FIRST, ev, PARAM_FROM);
  if (filter->to != NULL)
    g_string_append_printf (sql, " AND %s <= ?%d", day, PARAM_TO);
  if (filter->kind != NULL)
    g_string_append_printf (sql, " AND %s.kind = ?%d", ev, PARAM_KIND);
}

/* Binds what append_filter_conditions() asks for. */
static void
bind_filter (sqlite3_stmt          *stmt,
             const RasdEventFilter *filter,
             gint64                 from_day,
             gint64                 to_day)
{
  if (filter->from != NULL)
    {
      sqlite3_bind_int64 (stmt, PARAM_FROM_FIRST, from_day - MAX_EVENT_DAYS);
      sqlite3_bind_int64 (stmt, PARAM_FROM, from_day);
    }
  if (filter->to != NULL)
    sqlite3_bind_int64 (stmt, PARAM_TO, to_day);
  if (filter->kind != NULL)
    sqlite3_bind_text (stmt, PARAM_KIND, filter->kind, -1, SQLITE_STATIC);
}

/* Columns of the event query. */
enum
{
  COL_ID, COL_KIND, COL_CAMEO, COL_DATE, COL_PRECISION, COL_ROLE, COL_PLACE, COL_CONFIDENCE,
  COL_REVIEWED, COL_EDITED, COL_DAY,
};

/* An event as listed, with what it is sorted by. */
typedef struct
{
  gint64           day;  /* G_MAXINT64: unknown (last) */
  gint64           id;
  RasdStoredEvent *event;
} ListedEvent;

/* Orders (@x, @tie_x) before (@y, @tie_y) by the first value, then by the second. */
static int
compare_then (gint64 x,
              gint64 tie_x,
              gint64 y,
              gint64 tie_y)
{
  if (x != y)
    return x < y ? -1 : 1;
  return tie_x < tie_y ? -1 : tie_x > tie_y;
}

static int
compare_listed_by_date (gconstpointer a,
                        gconstpointer b)
{
  const ListedEvent *x = a, *y = b;

  return compare_then (x->day, x->id, y->day, y->id);
}

static int
compare_listed_by_id (gconstpointer a,
                      gconstpointer b)
{
  const ListedEvent *x = a, *y = b;

  return compare_then (x->id, 0, y->id, 0);
}

static RasdStoredEvent *
stored_event_from_row (RasdStore     *self,
                       sqlite3_stmt  *stmt,
                       EntityCache   *cache,
                       GError       **error)
{
  g_autoptr(RasdStoredEvent) event = g_new0 (RasdStoredEvent, 1);
  RasdDate date;

  event->id = sqlite3_column_int64 (stmt, COL_ID);
  event->kind = g_strdup (rasd_store_column_text (stmt, COL_KIND));
  event->cameo = g_strdup (rasd_store_column_text (stmt, COL_CAMEO));
  event->confidence = sqlite3_column_double (stmt, COL_CONFIDENCE);
  event->reviewed = sqlite3_column_int (stmt, COL_REVIEWED) != 0;
  event->edited = sqlite3_column_int (stmt, COL_EDITED) != 0;
  if (rasd_date_parse_iso (rasd_store_column_text (stmt, COL_DATE), &date))
    {
      event->date = rasd_date_to_iso (&date);
      event->precision = date.precision;
    }
  if (!rasd_event_role_from_string (rasd_store_column_text (stmt, COL_ROLE), &event->role))
    event->role = RASD_EVENT_ROLE_HEADLINE;
  if (sqlite3_column_type (stmt, COL_PLACE) != SQLITE_NULL)
    {
      GError *local_error = NULL;
      RasdStoredPlace *place = entity_cache_get (self, cache, TRUE,
                                                 sqlite3_column_int64 (stmt, COL_PLACE),
                                                 &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      if (place != NULL)
        {
          event->place = g_atomic_rc_box_acquire (place);
          event->place_shared = TRUE;
        }
    }
  event->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_person_unref);
  return g_steal_pointer (&event);
}

/* The participants (and, with @count_sources, the number of sources) of @listed, which is
 * sorted by id.  Rows come ordered by event id and are merged with the events, no lookups:
 * from the whole tables when the events are a large part of them (a scan of the primary key is
 * cheaper than one search per event), else for the events' ids given as a JSON array. */
static gboolean
load_events_people (RasdStore    *self,
                    GArray       *listed,
                    EntityCache  *cache,
                    gboolean      count_sources,
                    GError      **error)
{
  static const char * const scan_sql[] = {
    "SELECT event_id, entity_id FROM event_participants ORDER BY event_id, entity_id",
    "SELECT event_id, count (*) FROM event_sources GROUP BY event_id ORDER BY event_id",
  };
  static const char * const search_sql[] = {
    "SELECT event_id, entity_id FROM event_participants"
    " WHERE event_id IN (SELECT value FROM json_each (?1)) ORDER BY event_id, entity_id",
    "SELECT event_id, count (*) FROM event_sources"
    " WHERE event_id IN (SELECT value FROM json_each (?1)) GROUP BY event_id ORDER BY event_id",
  };
  static const char * const doing[] = { "reading the events' people", "counting the events' sources" };
  g_autoptr(GString) ids = NULL;
  g_autoptr(sqlite3_stmt) max_stmt = NULL;
  gboolean scan;

  if (listed->len == 0)
    return TRUE;

  /* Events' ids are dense (INTEGER PRIMARY KEY): the largest says about how many there are. */
  if (sqlite3_prepare_v2 (self->db, "SELECT max (id) FROM events", -1, &max_stmt, NULL) != SQLITE_OK ||
      sqlite3_step (max_stmt) != SQLITE_ROW)
    return rasd_store_set_sqlite_error (self, error, "counting the events");
  scan = (gint64) listed->len * 4 >= sqlite3_column_int64 (max_stmt, 0);
  if (!scan)
    {
      ids = g_string_sized_new (listed->len * 8 + 2);
      g_string_append_c (ids, '[');
      for (guint i = 0; i < listed->len; i++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                                g_array_index (listed, ListedEvent, i).id);
      g_string_append_c (ids, ']');
    }

  for (guint q = 0; q < (count_sources ? 2u : 1u); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      guint i = 0;
      int rc;

      if (sqlite3_prepare_v2 (self->db, scan ? scan_sql[q] : search_sql[q], -1, &stmt, NULL) != SQLITE_OK)
        return rasd_store_set_sqlite_error (self, error, doing[q]);
      if (!scan)
        sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          RasdStoredEvent *event;

          while (i < listed->len && g_array_index (listed, ListedEvent, i).id < id)
            i++;
          if (i == listed->len)
            break;
          if (g_array_index (listed, ListedEvent, i).id != id)
            continue;  /* not one of ours */
          event = g_array_index (listed, ListedEvent, i).event;
          if (q == 0)
            {
              GError *local_error = NULL;
              RasdStoredPerson *person = entity_cache_get (self, cache, FALSE,
                                                           sqlite3_column_int64 (stmt, 1),
                                                           &local_error);

              if (local_error != NULL)
                {
                  g_propagate_error (error, local_error);
                  return FALSE;
                }
              if (person != NULL)
                g_ptr_array_add (event->participants, g_atomic_rc_box_acquire (person));
            }
          else
            event->n_sources = (guint) sqlite3_column_int64 (stmt, 1);
        }
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return rasd_store_set_sqlite_error (self, error, doing[q]);
    }
  return TRUE;
}

/* Appends to @listed those matching the filter with a known date (@dated: by day, then id) or
 * without one (by id), at most @limit (0: all).  With a person, the events are reached
 * through event_participants (entity_id, day, event_id), already in date order; otherwise
 * through events (place_id, day) or (day, day_end), also in order, so a limit stops early.
 * @unordered: dated and undated alike, in no order (the caller sorts): without a limit, letting
 * SQLite scan the table beats following an index in date order with one search per event. */
static gboolean
list_events_part (RasdStore              *self,
                  const RasdEventFilter  *filter,
                  GArray                 *people,
                  GArray                 *places,
                  gint64                  from_day,
                  gint64                  to_day,
                  gboolean                dated,
                  gboolean                unordered,
                  guint                   limit,
                  const char             *match,
                  gint64                  only_id,
                  EntityCache            *cache,
                  GArray                 *listed,
                  GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *day = people != NULL ? "ep.day" : "ev.day";
  const char *id = people != NULL ? "ep.event_id" : "ev.id";
  int rc;

  /* The place as its id: its names come from the entity cache. */
  g_string_append_printf (sql,
                          "SELECT %s ev.id, ev.kind, ev.cameo, ev.date, ev.date_precision, ev.role,"
                          "       ev.place_id, ev.confidence, ev.reviewed, ev.edited, %s, %s",
                          /* Two of the people may be in one event. */
                          people != NULL && people->len > 1 ? "DISTINCT" : "", day, id);
  if (people != NULL)
    g_string_append (sql, " FROM event_participants ep JOIN events ev ON ev.id = ep.event_id");
  else
    g_string_append (sql, " FROM events ev");
  if (unordered)
    g_string_append (sql, " WHERE 1");
  else
    g_string_append_printf (sql, " WHERE %s IS %s", day, dated ? "NOT NULL" : "NULL");
  if (only_id > 0)
    g_string_append_printf (sql, " AND ev.id = %" G_GINT64_FORMAT, only_id);
  append_filter_conditions (sql, filter, people, places, day, "ev");
  if (filter->unreviewed)
    g_string_append (sql, " AND NOT ev.reviewed");
  if (match != NULL)
    g_string_append_printf (sql, " AND %s IN (SELECT s.event_id FROM event_sources s WHERE s.article_id IN"
                                 " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?%d))",
                            id, PARAM_TEXT);
  if (unordered)
    ;
  else if (dated)
    g_string_append_printf (sql, " ORDER BY %s, %s", day, id);
  else
    g_string_append_printf (sql, " ORDER BY %s", id);
  if (limit > 0)
    g_string_append_printf (sql, " LIMIT %u", limit);

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "preparing the event query");
  bind_filter (stmt, filter, from_day, to_day);
  if (match != NULL)
    sqlite3_bind_text (stmt, PARAM_TEXT, match, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ListedEvent row = {
        sqlite3_column_type (stmt, COL_DAY) != SQLITE_NULL ? sqlite3_column_int64 (stmt, COL_DAY)
                                                            : G_MAXINT64,
        sqlite3_column_int64 (stmt, COL_ID),
        stored_event_from_row (self, stmt, cache, error),
      };

      if (row.event == NULL)
        return FALSE;
      g_array_append_val (listed, row);
    }
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "listing events");
  return TRUE;
}

static void
clear_listed_event (gpointer data)
{
  ListedEvent *row = data;

  g_clear_pointer (&row->event, rasd_stored_event_free);
}

/* Gives the events of @listed their people (and source counts, with @count_sources) and moves
 * them to @events, by date unless @in_order (they are already). */
static gboolean
listed_to_events (RasdStore    *self,
                  GArray       *listed,
                  gboolean      in_order,
                  EntityCache  *cache,
                  gboolean      count_sources,
                  GPtrArray    *events,
                  GError      **error)
{
  g_autoptr(GArray) by_id = NULL;
  GArray *sorted = listed;

  if (in_order)
    {
      by_id = g_array_sized_new (FALSE, FALSE, sizeof (ListedEvent), listed->len);
      g_array_append_vals (by_id, listed->data, listed->len);
      g_array_sort (by_id, compare_listed_by_id);
      sorted = by_id;
    }
  if (!load_events_people (self, sorted, cache, count_sources, error))
    return FALSE;
  if (!in_order)
    g_array_sort (listed, compare_listed_by_date);

  g_ptr_array_set_size (events, 0);
  for (guint i = 0; i < listed->len; i++)
    g_ptr_array_add (events, g_steal_pointer (&g_array_index (listed, ListedEvent, i).event));
  return TRUE;
}

/* Checks and reads @filter's parts (names, dates, kind) as every event listing does, so all fail
 * alike on the same mistake. */
static gboolean
parse_event_filter (const RasdEventFilter  *filter,
                    NameQuery              *person,
                    NameQuery              *place,
                    gint64                 *from_day,
                    gint64                 *to_day,
                    GError                **error)
{
  if (filter->person != NULL && !name_query_init (person, "person", filter->person, error))
    return FALSE;
  if (filter->place != NULL && !name_query_init (place, "place", filter->place, error))
    return FALSE;
  if (filter->from != NULL && !parse_filter_date ("--from", filter->from, FALSE, from_day, error))
    return FALSE;
  if (filter->to != NULL && !parse_filter_date ("--to", filter->to, TRUE, to_day, error))
    return FALSE;
  if (filter->kind != NULL && !g_strv_contains (rasd_store_event_kinds (), filter->kind))
    {
      g_autofree char *kinds = g_strjoinv (", ", (char **) rasd_store_event_kinds ());

      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "unknown event kind “%s” (one of %s)", filter->kind, kinds);
      return FALSE;
    }
  return TRUE;
}

/* The entity ids @filter's person and place names stand for (NULL for a part not given);
 * *@none when a name given matches no entity, so no event can match. */
static gboolean
filter_entities (RasdStore              *self,
                 const RasdEventFilter  *filter,
                 NameQuery              *person,
                 NameQuery              *place,
                 GArray                **people,
                 GArray                **places,
                 gboolean               *none,
                 GError                **error)
{
  *none = FALSE;
  if (filter->person != NULL)
    {
      if ((*people = matching_entities (self, person, FALSE, error)) == NULL)
        return FALSE;
      *none = (*people)->len == 0;
    }
  if (filter->place != NULL && !*none)
    {
      if ((*places = matching_entities (self, place, TRUE, error)) == NULL)
        return FALSE;
      *none = (*places)->len == 0;
    }
  return TRUE;
}

static GPtrArray *
list_events (RasdStore              *self,
             const RasdEventFilter  *filter,
             gboolean                details,
             GError                **error)
{
  static const RasdEventFilter no_filter = { NULL };
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_event_free);
  g_autoptr(GArray) people = NULL;
  g_autoptr(GArray) places = NULL;
  g_auto(NameQuery) person = { 0 };
  g_auto(NameQuery) place = { 0 };
  g_autofree char *match = NULL;
  g_auto(EntityCache) cache = { NULL };
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (ListedEvent));
  gboolean in_order;
  gint64 from_day = 0, to_day = 0;
  gboolean none;

  g_array_set_clear_func (listed, clear_listed_event);
  if (filter == NULL)
    filter = &no_filter;

  if (!parse_event_filter (filter, &person, &place, &from_day, &to_day, error))
    return NULL;

  if (filter->text != NULL)
    {
      /* escaped: any text is a safe query; nothing to search for matches nothing */
      if (!rasd_store_user_query (filter->text, &match, error))
        return NULL;
      if (match == NULL)
        return g_steal_pointer (&events);
    }

  /* Names are matched on the entities (thousands, not a million events) first. */
  if (!filter_entities (self, filter, &person, &place, &people, &places, &none, error))
    return NULL;
  if (none)
    return g_steal_pointer (&events);

  if (!entity_cache_init (self, &cache, error))
    return NULL;

  if (filter->limit == 0)
    {
      /* All of them, sorted here: by id for the people, then by date (unknown last). */
      if (!list_events_part (self, filter, people, places, from_day, to_day, TRUE, TRUE, 0,
                             match, 0, &cache, listed, error))
        return NULL;
      g_array_sort (listed, compare_listed_by_id);
      in_order = FALSE;
    }
  else
    {
      /* By date, then the events of unknown date (which no date range matches). */
      if (!list_events_part (self, filter, people, places, from_day, to_day, TRUE, FALSE,
                             filter->limit, match, 0, &cache, listed, error))
        return NULL;
      if (filter->from == NULL && filter->to == NULL && listed->len < filter->limit &&
          !list_events_part (self, filter, people, places, from_day, to_day, FALSE, FALSE,
                             filter->limit - listed->len, match, 0, &cache, listed, error))
        return NULL;
      in_order = TRUE;
    }
  if (!listed_to_events (self, listed, in_order, &cache, !details, events, error))
    return NULL;

  if (details && !load_events_details (self, events, error))
    return NULL;
  return g_steal_pointer (&events);
}

GPtrArray *
rasd_store_list_events (RasdStore              *self,
                        const RasdEventFilter  *filter,
                        GError                **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_events (self, filter, TRUE, error);
}

GPtrArray *
rasd_store_list_event_summaries (RasdStore              *self,
                                 const RasdEventFilter  *filter,
                                 GError                **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_events (self, filter, FALSE, error);
}

RasdStoredEvent *
rasd_store_get_event (RasdStore  *self,
                      gint64      id,
                      GError    **error)
{
  static const RasdEventFilter no_filter = { NULL };
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_event_free);
  g_auto(EntityCache) cache = { NULL };

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (id <= 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "no event with id %" G_GINT64_FORMAT, id);
      return NULL;
    }
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (ListedEvent));

  g_array_set_clear_func (listed, clear_listed_event);
  if (!entity_cache_init (self, &cache, error) ||
      !list_events_part (self, &no_filter, NULL, NULL, 0, 0, TRUE, TRUE, 0, NULL, id, &cache,
                         listed, error) ||
      !listed_to_events (self, listed, TRUE, &cache, FALSE, events, error))
    return NULL;
  if (events->len == 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED,
                   "no event with id %" G_GINT64_FORMAT " (deleted by a re-extraction?)", id);
      return NULL;
    }
  if (!load_events_details (self, events, error))
    return NULL;
  return g_ptr_array_steal_index (events, 0);
}

void
rasd_facet_count_free (RasdFacetCount *count)
{
  if (count == NULL)
    return;
  g_free (count->key);
  g_free (count->name);
  g_free (count->name_en);
  g_free (count);
}

static RasdFacetCount *
facet_count_add (GHashTable *counts,
                 GPtrArray  *order,
                 const char *key,
                 const char *name,
                 const char *name_en,
                 guint       n)
{
  RasdFacetCount *count = g_hash_table_lookup (counts, key);

  if (count == NULL)
    {
      count = g_new0 (RasdFacetCount, 1);
      count->key = g_strdup (key);
      count->name = g_strdup (name);
      count->name_en = g_strdup (name_en);
      g_hash_table_insert (counts, count->key, count);
      g_ptr_array_add (order, count);
    }
  count->count += n;
  return count;
}

static int
compare_facet_counts (gconstpointer a,
                      gconstpointer b)
{
  const RasdFacetCount *x = *(RasdFacetCount * const *) a;
  const RasdFacetCount *y = *(RasdFacetCount * const *) b;
  int cmp;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  if ((cmp = g_utf8_collate (x->name, y->name)) != 0)
    return cmp;
  return strcmp (x->key, y->key);  /* namesakes: a stable order */
}

/* Adds the counts of @by_entity (RasdStoredPerson* or RasdStoredPlace* → count) to a list, then
 * sorts it. */
static GPtrArray *
facet_counts_from (GHashTable *by_entity,
                   gboolean    place)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *order = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_facet_count_free);
  GHashTableIter iter;
  gpointer entity, n;

  g_hash_table_iter_init (&iter, by_entity);
  while (g_hash_table_iter_next (&iter, &entity, &n))
    {
      if (!place)
        {
          const RasdStoredPerson *person = entity;
          facet_count_add (counts, order, person->key, person->name, person->name_en,
                           GPOINTER_TO_UINT (n));
        }
      else
        {
          const RasdStoredPlace *p = entity;
          facet_count_add (counts, order, p->key, p->name, p->name_en, GPOINTER_TO_UINT (n));
        }
    }
  g_ptr_array_sort (order, compare_facet_counts);
  return order;
}

static inline void
count_entity (GHashTable *by_entity,
              gpointer    entity)
{
  g_hash_table_insert (by_entity, entity,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (by_entity, entity)) + 1));
}

void
rasd_store_count_facets (GPtrArray  *events,
                         GPtrArray **people,
                         GPtrArray **places,
                         GPtrArray **kinds)
{
  g_autoptr(GHashTable) by_person = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) by_place = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) kind_counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) kind_order = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_facet_count_free);
  RasdFacetCount *last_kind = NULL;

  g_return_if_fail (events != NULL);

  /* People and places are shared between the events of a listing: counted by struct (no string
   * hashing per event), then merged by key (events built elsewhere may not share).  One pass
   * over the events for all three: at 100,000 events, reading them costs more than counting. */
  for (guint i = 0; i < events->len; i++)
    {
      const RasdStoredEvent *event = g_ptr_array_index (events, i);

      if (people != NULL)
        for (guint j = 0; event->participants != NULL && j < event->participants->len; j++)
          count_entity (by_person, g_ptr_array_index (event->participants, j));
      if (places != NULL && event->place != NULL)
        count_entity (by_place, event->place);
      if (kinds != NULL)
        {
          /* Runs of one kind are common: no lookup for them. */
          if (last_kind != NULL && g_strcmp0 (last_kind->key, event->kind) == 0)
            last_kind->count++;
          else
            last_kind = facet_count_add (kind_counts, kind_order, event->kind, event->kind, NULL, 1);
        }
    }
  if (people != NULL)
    *people = facet_counts_from (by_person, FALSE);
  if (places != NULL)
    *places = facet_counts_from (by_place, TRUE);
  if (kinds != NULL)
    {
      g_ptr_array_sort (kind_order, compare_facet_counts);
      *kinds = g_steal_pointer (&kind_order);
    }
}

GPtrArray *
rasd_store_count_facet (GPtrArray *events,
                        RasdFacet  facet)
{
  GPtrArray *counts = NULL;

  g_return_val_if_fail (events != NULL, NULL);

  switch (facet)
    {
    case RASD_FACET_PERSON:
      rasd_store_count_facets (events, &counts, NULL, NULL);
      break;
    case RASD_FACET_PLACE:
      rasd_store_count_facets (events, NULL, &counts, NULL);
      break;
    case RASD_FACET_KIND:
      rasd_store_count_facets (events, NULL, NULL, &counts);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  return counts;
}

/* The explorer at scale: marks ---------------------------------------------------------------- */

/* GLib's Julian day of 1970-01-01: events.day counts days from there. */
#define UNIX_EPOCH_JULIAN 719163

static guint8
kind_index (const char *kind)
{
  const char * const *event_kinds = rasd_store_event_kinds ();

  for (guint8 i = 0; kind != NULL && event_kinds[i] != NULL; i++)
    if (strcmp (kind, event_kinds[i]) == 0)
      return i;
  return RASD_EVENT_KIND_OTHER;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static int
compare_marks_by_id (gconstpointer a,
                     gconstpointer b)
{
  const RasdEventMark *x = a, *y = b;

  return x->id < y->id ? -1 : x->id > y->id;
}

/* Appends the marks of the events matching the filter with a known date (@dated), by day then
 * id, or without one, by id.  The rows come in day order from an index (person: (entity_id,
 * day, event_id); place: (place_id, day, ...); else (day, ...)), so only the events of one day
 * are sorted here.  @text_ids: the ids the text filter allows (sorted), or NULL. */
static gboolean
list_marks_part (RasdStore              *self,
                 const RasdEventFilter  *filter,
                 GArray                 *people,
                 GArray                 *places,
                 gint64                  from_day,
                 gint64                  to_day,
                 gboolean                dated,
                 GArray                 *text_ids,
                 GArray                 *reviewed_ids,
                 GArray                 *marks,
                 GError                **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *day = people != NULL ? "ep.day" : "ev.day";
  const char *id = people != NULL ? "ep.event_id" : "ev.id";
  guint run_start = marks->len;
  gint64 run_day = G_MININT64;
  /* A person's rows carry their event's marks (schema 7): no row of events is read. */
  const char *ev = people != NULL ? "ep" : "ev";
  int rc;

  g_string_append_printf (sql, "SELECT %s %s, %s, %s.day_end, %s.kind, %s.place_id",
                          people != NULL && people->len > 1 ? "DISTINCT" : "", id, day, ev, ev, ev);
  if (people != NULL)
    g_string_append (sql, " FROM event_participants ep");
  else
    g_string_append (sql, " FROM events ev");
  g_string_append_printf (sql, " WHERE %s IS %s", day, dated ? "NOT NULL" : "NULL");
  append_filter_conditions (sql, filter, people, places, day, ev);
  if (dated)
    g_string_append_printf (sql, " ORDER BY %s", day);
  else
    g_string_append_printf (sql, " ORDER BY %s", id);

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "preparing the event marks query");
  bind_filter (stmt, filter, from_day, to_day);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RasdEventMark mark = { 0, };
      const char *kind;

      mark.id = sqlite3_column_int64 (stmt, 0);
      if (text_ids != NULL &&
          bsearch (&mark.id, text_ids->data, text_ids->len, sizeof (gint64), compare_gint64) == NULL)
        continue;
      if (reviewed_ids != NULL &&
          bsearch (&mark.id, reviewed_ids->data, reviewed_ids->len, sizeof (gint64), compare_gint64) != NULL)
        continue;
      if (dated)
        {
          gint64 first = sqlite3_column_int64 (stmt, 1);
          gint64 last = sqlite3_column_type (stmt, 2) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 2)
                                                                      : first;

          /* Rows of one day come in index order: put each day's run in id order. */
          if (first != run_day)
            {
              if (marks->len - run_start > 1)
                qsort (&g_array_index (marks, RasdEventMark, run_start), marks->len - run_start,
                       sizeof (RasdEventMark), compare_marks_by_id);
              run_start = marks->len;
              run_day = first;
            }
          mark.first_day = (guint32) (first + UNIX_EPOCH_JULIAN);
          mark.last_day = (guint32) (MAX (first, last) + UNIX_EPOCH_JULIAN);
        }
      kind = (const char *) sqlite3_column_text (stmt, 3);
      mark.kind = kind_index (kind);
      mark.place_id = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (marks, mark);
    }
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "listing the events' marks");
  if (dated && marks->len - run_start > 1)
    qsort (&g_array_index (marks, RasdEventMark, run_start), marks->len - run_start,
           sizeof (RasdEventMark), compare_marks_by_id);
  return TRUE;
}

/* Where each event of @marks is in it, by event id: a dense array (ids are INTEGER PRIMARY
 * KEYs, so about as many as the events), G_MAXUINT32 for the events not in @marks. */
typedef struct
{
  guint32 *position;
  gint64   max_id;
} MarkIndex;

static void
mark_index_clear (MarkIndex *index)
{
  g_clear_pointer (&index->position, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MarkIndex, mark_index_clear)

static void
mark_index_init (MarkIndex *index,
                 GArray    *marks)
{
  index->max_id = 0;
  for (guint i = 0; i < marks->len; i++)
    index->max_id = MAX (index->max_id, g_array_index (marks, RasdEventMark, i).id);
  index->position = g_new (guint32, index->max_id + 1);
  memset (index->position, 0xff, (index->max_id + 1) * sizeof (guint32));
  for (guint i = 0; i < marks->len; i++)
    index->position[g_array_index (marks, RasdEventMark, i).id] = i;
}

static inline guint32
mark_index_lookup (const MarkIndex *index,
                   gint64           id)
{
  return id >= 0 && id <= index->max_id ? index->position[id] : G_MAXUINT32;
}

/* The ids of @marks as a JSON array, for "IN (SELECT value FROM json_each (?))". */
static char *
marks_ids_json (GArray *marks)
{
  GString *ids = g_string_sized_new (marks->len * 8 + 2);

  g_string_append_c (ids, '[');
  for (guint i = 0; i < marks->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (marks, RasdEventMark, i).id);
  g_string_append_c (ids, ']');
  return g_string_free (ids, FALSE);
}

/* TRUE when @marks are so large a part of the events that reading a whole table in primary key
 * order beats one search per event. */
static gboolean
marks_worth_a_scan (RasdStore *self,
                    GArray    *marks)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT max (id) FROM events", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;
  return (gint64) marks->len * 4 >= sqlite3_column_int64 (stmt, 0);
}

/* Per event of @marks, a value read by @scan_sql (event_id, value; all events, by event_id) or
 * @ids_sql (the same for the events of the JSON array ?1): @values[i] for marks[i], left as it
 * was for events without a row. */
static gboolean
read_marks_values (RasdStore   *self,
                   GArray      *marks,
                   const char  *scan_sql,
                   const char  *ids_sql,
                   gint64      *values,
                   const char  *doing,
                   GError     **error)
{
  g_auto(MarkIndex) index = { NULL, };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *ids = NULL;
  gboolean scan = marks_worth_a_scan (self, marks);
  int rc;

  mark_index_init (&index, marks);
  if (sqlite3_prepare_v2 (self->db, scan ? scan_sql : ids_sql, -1, &stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, doing);
  if (!scan)
    {
      ids = marks_ids_json (marks);
      sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint32 pos = mark_index_lookup (&index, sqlite3_column_int64 (stmt, 0));

      if (pos != G_MAXUINT32)
        values[pos] = sqlite3_column_int64 (stmt, 1);
    }
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, doing);
  return TRUE;
}

typedef struct
{
  gint64  id;
  char   *key;  /* collation key of the case-folded name */
} NamedEntity;

static int
compare_named_entities (gconstpointer a,
                        gconstpointer b)
{
  return strcmp (((const NamedEntity *) a)->key, ((const NamedEntity *) b)->key);
}

static void
named_entity_clear (gpointer data)
{
  g_free (((NamedEntity *) data)->key);
}

/* The rank of each entity of @kind by name (collation of the case-folded name, as the list's
 * string sorter compares), as an array by entity id; 0 for none. */
static guint32 *
rank_entities_by_name (RasdStore   *self,
                       const char  *kind,
                       gint64      *max_id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (NamedEntity));
  guint32 *ranks;
  int rc;

  g_array_set_clear_func (named, named_entity_clear);
  *max_id = 0;
  if (!rasd_store_prepare (self, "SELECT id, name FROM entities WHERE kind = ?1", &stmt,
                           "sorting the events by name", error))
    return NULL;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *folded = g_utf8_casefold (rasd_store_column_text (stmt, 1), -1);
      NamedEntity n = { sqlite3_column_int64 (stmt, 0), g_utf8_collate_key (folded, -1) };

      *max_id = MAX (*max_id, n.id);
      g_array_append_val (named, n);
    }
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, "sorting the events by name");
      return NULL;
    }
  g_array_sort (named, compare_named_entities);
  ranks = g_new0 (guint32, *max_id + 1);
  for (guint i = 0; i < named->len; i++)
    {
      const NamedEntity *n = &g_array_index (named, NamedEntity, i);
      const NamedEntity *before = i > 0 ? &g_array_index (named, NamedEntity, i - 1) : NULL;

      /* Namesakes share a rank, so the date decides between them. */
      ranks[n->id] = before != NULL && strcmp (n->key, before->key) == 0 ? ranks[before->id] : i + 1;
    }
  return ranks;
}

typedef struct
{
  gint64  key;   /* G_MAXINT64: the event lacks it (last) */
  guint32 pos;   /* in date order: breaks ties */
} SortKey;

static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b)
{
  const SortKey *x = a, *y = b;

  return compare_then (x->key, x->pos, y->key, y->pos);
}

/* Sorts @marks, in date order, by @sort (see rasd_store_list_event_marks()). */
static gboolean
sort_marks (RasdStore           *self,
            GArray              *marks,
            RasdEventSort        sort,
            gboolean             descending,
            const char * const  *kind_order,
            GError             **error)
{
  g_autofree gint64 *values = NULL;
  g_autofree guint32 *ranks = NULL;
  g_autofree SortKey *keys = NULL;
  g_autofree RasdEventMark *sorted = NULL;
  gint64 max_id = 0;
  guint n = marks->len;

  if (n < 2)
    return TRUE;
  if (sort == RASD_EVENT_SORT_DATE)
    {
      guint n_dated = 0;

      if (!descending)
        return TRUE;
      /* Newest first; unknown dates stay last. */
      while (n_dated < n && g_array_index (marks, RasdEventMark, n_dated).first_day != 0)
        n_dated++;
      for (guint i = 0; i < n_dated / 2; i++)
        {
          RasdEventMark tmp = g_array_index (marks, RasdEventMark, i);

          g_array_index (marks, RasdEventMark, i) = g_array_index (marks, RasdEventMark, n_dated - 1 - i);
          g_array_index (marks, RasdEventMark, n_dated - 1 - i) = tmp;
        }
      return TRUE;
    }

  values = g_new0 (gint64, n);
  switch (sort)
    {
    case RASD_EVENT_SORT_KIND:
      {
        const char * const *event_kinds = rasd_store_event_kinds ();
        gint64 rank_of[RASD_N_EVENT_KINDS + 1];

        for (guint k = 0; event_kinds[k] != NULL; k++)
          {
            rank_of[k] = k;
            for (guint r = 0; kind_order != NULL && kind_order[r] != NULL; r++)
              if (g_str_equal (kind_order[r], event_kinds[k]))
                rank_of[k] = r;
          }
        for (guint i = 0; i < n; i++)
          {
            guint8 kind = g_array_index (marks, RasdEventMark, i).kind;

            values[i] = kind == RASD_EVENT_KIND_OTHER ? (gint64) RASD_N_EVENT_KINDS + 1 : rank_of[kind];
          }
      }
      break;
    case RASD_EVENT_SORT_PLACE:
      if ((ranks = rank_entities_by_name (self, "place", &max_id, error)) == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          gint64 place = g_array_index (marks, RasdEventMark, i).place_id;

          values[i] = place > 0 && place <= max_id && ranks[place] > 0 ? ranks[place] : G_MAXINT64;
        }
      break;
    case RASD_EVENT_SORT_PARTICIPANTS:
      if ((ranks = rank_entities_by_name (self, "person", &max_id, error)) == NULL)
        return FALSE;
      /* The first participant, as listed: the lowest entity id. */
      if (!read_marks_values (self, marks,
                              "SELECT event_id, min (entity_id) FROM event_participants GROUP BY event_id",
                              "SELECT event_id, min (entity_id) FROM event_participants"
                              " WHERE event_id IN (SELECT value FROM json_each (?1)) GROUP BY event_id",
                              values, "sorting the events by participant", error))
        return FALSE;
      for (guint i = 0; i < n; i++)
        values[i] = values[i] > 0 && values[i] <= max_id && ranks[values[i]] > 0
                    ? ranks[values[i]] : G_MAXINT64;
      break;
    case RASD_EVENT_SORT_SOURCES:
      if (!read_marks_values (self, marks,
                              "SELECT event_id, count (*) FROM event_sources GROUP BY event_id",
                              "SELECT event_id, count (*) FROM event_sources"
                              " WHERE event_id IN (SELECT value FROM json_each (?1)) GROUP BY event_id",
                              values, "sorting the events by sources", error))
        return FALSE;
      break;
    case RASD_EVENT_SORT_CONFIDENCE:
      /* in thousandths, as the score is rounded */
      if (!read_marks_values (self, marks,
                              "SELECT id, CAST (round (confidence * 1000) AS INTEGER) FROM events ORDER BY id",
                              "SELECT id, CAST (round (confidence * 1000) AS INTEGER) FROM events"
                              " WHERE id IN (SELECT value FROM json_each (?1)) ORDER BY id",
                              values, "sorting the events by confidence", error))
        return FALSE;
      break;
    case RASD_EVENT_SORT_DATE:
    default:
      g_assert_not_reached ();
    }

  keys = g_new (SortKey, n);
  for (guint i = 0; i < n; i++)
    {
      keys[i].key = descending && values[i] != G_MAXINT64 ? -values[i] : values[i];
      keys[i].pos = i;
    }
  qsort (keys, n, sizeof (SortKey), compare_sort_keys);
  sorted = g_new (RasdEventMark, n);
  for (guint i = 0; i < n; i++)
    sorted[i] = g_array_index (marks, RasdEventMark, keys[i].pos);
  memcpy (marks->data, sorted, n * sizeof (RasdEventMark));
  return TRUE;
}

GArray *
rasd_store_list_event_marks (RasdStore              *self,
                             const RasdEventFilter  *filter,
                             RasdEventSort           sort,
                             gboolean                descending,
                             const char * const     *kind_order,
                             GError                **error)
{
  static const RasdEventFilter no_filter = { NULL };
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (RasdEventMark));
  g_autoptr(GArray) people = NULL;
  g_autoptr(GArray) places = NULL;
  g_autoptr(GArray) text_ids = NULL;
  g_autoptr(GArray) reviewed_ids = NULL;
  g_auto(NameQuery) person = { 0 };
  g_auto(NameQuery) place = { 0 };
  gint64 from_day = 0, to_day = 0;
  gboolean none;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filter == NULL)
    filter = &no_filter;
  if (!parse_event_filter (filter, &person, &place, &from_day, &to_day, error))
    return NULL;

  if (filter->text != NULL)
    {
      /* The search's own path: its ids, then only those are kept. */
      if ((text_ids = rasd_store_search_event_ids (self, filter->text, error)) == NULL)
        return NULL;
      if (text_ids->len == 0)
        return g_steal_pointer (&marks);
    }
  if (!filter_entities (self, filter, &person, &place, &people, &places, &none, error))
    return NULL;
  if (none)
    return g_steal_pointer (&marks);

  /* The review queue leaves out the few events the user reviewed (a partial index). */
  if (filter->unreviewed &&
      (reviewed_ids = rasd_store_ids_by_sql (self, "SELECT id FROM events WHERE reviewed AND id > ?1"
                                                   " ORDER BY id", 0, "listing the reviewed events",
                                             error)) == NULL)
    return NULL;
  if (!list_marks_part (self, filter, people, places, from_day, to_day, TRUE, text_ids,
                        reviewed_ids, marks, error))
    return NULL;
  /* No date range matches an unknown date. */
  if (filter->from == NULL && filter->to == NULL &&
      !list_marks_part (self, filter, people, places, from_day, to_day, FALSE, text_ids,
                        reviewed_ids, marks, error))
    return NULL;
  if (!sort_marks (self, marks, sort, descending, kind_order, error))
    return NULL;
  return g_steal_pointer (&marks);
}

GPtrArray *
rasd_store_list_event_summaries_by_id (RasdStore     *self,
                                       const gint64  *ids,
                                       guint          n_ids,
                                       GError       **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_event_free);
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (ListedEvent));
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) json = g_string_sized_new (n_ids * 8 + 2);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(EntityCache) cache = { NULL };
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (listed, clear_listed_event);
  if (n_ids == 0)
    return g_steal_pointer (&events);
  if (!entity_cache_init (self, &cache, error))
    return NULL;

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  /* Columns as list_events_part() reads them (COL_*), by id. */
  if (!rasd_store_prepare (self,
                           "SELECT ev.id, ev.kind, ev.cameo, ev.date, ev.date_precision, ev.role,"
                           "       ev.place_id, ev.confidence, ev.reviewed, ev.edited, ev.day, ev.id"
                           " FROM events ev WHERE ev.id IN (SELECT value FROM json_each (?1))"
                           " ORDER BY ev.id",
                           &stmt, "preparing the event page query", error))
    return NULL;
  sqlite3_bind_text (stmt, 1, json->str, (int) json->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ListedEvent row = {
        0,
        sqlite3_column_int64 (stmt, COL_ID),
        stored_event_from_row (self, stmt, &cache, error),
      };

      if (row.event == NULL)
        return NULL;
      g_array_append_val (listed, row);
    }
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, "reading a page of events");
      return NULL;
    }
  /* In id order already: people and source counts merge with it. */
  if (!listed_to_events (self, listed, TRUE, &cache, TRUE, events, error))
    return NULL;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);
      g_hash_table_insert (by_id, &event->id, event);
    }
  ordered = g_ptr_array_new_full (events->len, (GDestroyNotify) rasd_stored_event_free);
  for (guint i = 0; i < n_ids; i++)
    {
      RasdStoredEvent *event = g_hash_table_lookup (by_id, &ids[i]);

      /* an id given twice gets its event once */
      if (event != NULL && g_hash_table_remove (by_id, &ids[i]))
        g_ptr_array_add (ordered, event);
    }
  g_ptr_array_set_free_func (events, NULL);
  /* Those left (none unless an id came twice) are freed here. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, by_id);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      rasd_stored_event_free (value);
  }
  return g_steal_pointer (&ordered);
}

static gint64
max_entity_id (RasdStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT max (id) FROM entities", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  RasdFacetCount *count;
  char           *collate_key;
} RankedCount;

static int
compare_ranked_counts (gconstpointer a,
                       gconstpointer b)
{
  const RankedCount *x = a, *y = b;
  int cmp;

  if (x->count->count != y->count->count)
    return x->count->count > y->count->count ? -1 : 1;
  if ((cmp = strcmp (x->collate_key, y->collate_key)) != 0)
    return cmp;
  return strcmp (x->count->key, y->count->key);
}

/* RasdFacetCount* of the entities with a count in @counts (by entity id, up to @max_id), their
 * names read by id; ordered as compare_facet_counts() orders, with collation keys made once. */
static GPtrArray *
facet_counts_from_array (RasdStore    *self,
                         const guint  *counts,
                         gint64        max_id,
                         gboolean      place,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedCount));
  GPtrArray *result;

  if (!rasd_store_prepare (self, "SELECT key, name, name_en, lat, lon FROM entities WHERE id = ?1",
                           &stmt, "naming the facets", error))
    return NULL;
  for (gint64 id = 1; id <= max_id; id++)
    {
      RankedCount r;
      int rc;

      if (counts[id] == 0)
        continue;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        continue;  /* deleted meanwhile */
      if (rc != SQLITE_ROW)
        {
          for (guint i = 0; i < ranked->len; i++)
            {
              rasd_facet_count_free (g_array_index (ranked, RankedCount, i).count);
              g_free (g_array_index (ranked, RankedCount, i).collate_key);
            }
          rasd_store_set_sqlite_error (self, error, "naming the facets");
          return NULL;
        }
      r.count = g_new0 (RasdFacetCount, 1);
      r.count->key = g_strdup (rasd_store_column_text (stmt, 0));
      r.count->name = g_strdup (rasd_store_column_text (stmt, 1));
      r.count->name_en = g_strdup (rasd_store_column_text (stmt, 2));
      r.count->count = counts[id];
      if (place && sqlite3_column_type (stmt, 3) != SQLITE_NULL &&
          sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          r.count->has_coordinates = TRUE;
          r.count->lat = sqlite3_column_double (stmt, 3);
          r.count->lon = sqlite3_column_double (stmt, 4);
        }
      r.collate_key = g_utf8_collate_key (r.count->name != NULL ? r.count->name : "", -1);
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked_counts);
  result = g_ptr_array_new_full (ranked->len, (GDestroyNotify) rasd_facet_count_free);
  for (guint i = 0; i < ranked->len; i++)
    {
      g_ptr_array_add (result, g_array_index (ranked, RankedCount, i).count);
      g_free (g_array_index (ranked, RankedCount, i).collate_key);
    }
  return result;
}

GPtrArray *
rasd_store_count_marks_places (RasdStore  *self,
                               GArray     *marks,
                               GError    **error)
{
  g_autofree guint *counts = NULL;
  gint64 max_id;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (marks != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  max_id = max_entity_id (self);
  counts = g_new0 (guint, max_id + 1);
  for (guint i = 0; i < marks->len; i++)
    {
      gint64 place = g_array_index (marks, RasdEventMark, i).place_id;

      if (place > 0 && place <= max_id)
        counts[place]++;
    }
  return facet_counts_from_array (self, counts, max_id, TRUE, error);
}

GPtrArray *
rasd_store_count_marks_people (RasdStore     *self,
                               GArray        *marks,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree guint *counts = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(MarkIndex) index = { NULL, };
  g_autofree char *ids = NULL;
  gint64 max_id;
  gboolean scan;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (marks != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  max_id = max_entity_id (self);
  counts = g_new0 (guint, max_id + 1);
  if (marks->len == 0)
    return facet_counts_from_array (self, counts, 0, FALSE, error);

  /* A large part of the events: all participants in primary key order, kept when their event is
   * one of @marks; else a search per event. */
  scan = marks_worth_a_scan (self, marks);
  if (scan)
    {
      mark_index_init (&index, marks);
      rc = sqlite3_prepare_v2 (self->db, "SELECT event_id, entity_id FROM event_participants",
                               -1, &stmt, NULL);
    }
  else
    {
      ids = marks_ids_json (marks);
      rc = sqlite3_prepare_v2 (self->db,
                               "SELECT event_id, entity_id FROM event_participants"
                               " WHERE event_id IN (SELECT value FROM json_each (?1))",
                               -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
    }
  if (rc != SQLITE_OK)
    {
      rasd_store_set_sqlite_error (self, error, "counting the events' people");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 entity = sqlite3_column_int64 (stmt, 1);

      if (scan && mark_index_lookup (&index, sqlite3_column_int64 (stmt, 0)) == G_MAXUINT32)
        continue;
      if (entity > 0 && entity <= max_id)
        counts[entity]++;
    }
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, "counting the events' people");
      return NULL;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return facet_counts_from_array (self, counts, max_id, FALSE, error);
}
