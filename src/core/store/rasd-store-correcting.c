#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include "rasd-store-private.h"

/* RasdStore: what each kind of decision does to the data as it is.  Every function is
 * idempotent, since a decision is applied again after each save of an extraction that concerns
 * it: on events found by their evidence (rasd_store_find_correction_event()), on entities found
 * by kind and key. */

/* A decision's spans (cs) as an article's evidence (ev) holds them now: found by the article's
 * hash (a), which a re-import keeps. */
#define SPANS_AS_EVIDENCE \
  " FROM correction_spans cs JOIN articles a ON a.hash = cs.article_hash" \
  " JOIN evidence ev ON ev.article_id = a.id AND ev.start = cs.start AND ev.end = cs.end"

/* The keys of the people the decision saw, as a JSON array; NULL when it saw none. */
static char *
participants_json (JsonObject *payload)
{
  JsonNode *node = payload != NULL ? json_object_get_member (payload, "participants") : NULL;
  g_autoptr(JsonGenerator) generator = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return NULL;
  generator = json_generator_new ();
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

typedef enum
{
  CACHED_GONE,    /* the event is no more (rejected, merged into another) */
  CACHED_ELSEWHERE,
  CACHED_HOLDS,
} CachedState;

/* Whether @event, where decision @id's spans with @role were found last, still holds one of
 * them: it is then still the decision's event, found without reading all its spans again (an
 * event told in two hundred articles is saved two hundred times), and what the save of the
 * article made of its spans elsewhere joins it (unite_fragments()). */
static gboolean
cached_event_state (RasdStore    *self,
                    gint64        id,
                    const char   *role,
                    gint64        event,
                    CachedState  *state,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = rasd_store_cached_statement (self,
                          "SELECT EXISTS (SELECT 1 FROM events WHERE id = ?3),"
                          /* from the event's evidence, which holds them first thing */
                          " EXISTS (SELECT 1 FROM evidence ev JOIN articles a ON a.id = ev.article_id"
                          "  JOIN correction_spans cs ON cs.article_hash = a.hash"
                          "   AND cs.start = ev.start AND cs.end = ev.end"
                          "   AND +cs.correction_id = ?1 AND +cs.role = ?2"
                          "  WHERE ev.event_id = ?3)", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, event);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *state = sqlite3_column_int (stmt, 1) ? CACHED_HOLDS
             : sqlite3_column_int (stmt, 0) ? CACHED_ELSEWHERE : CACHED_GONE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return rasd_store_set_sqlite_error (self, error, "checking a correction's event");
  return TRUE;
}

/* The event that holds most of decision @id's spans with @role in the article just saved. */
static gboolean
find_event_in_article (RasdStore   *self,
                       gint64       id,
                       const char  *role,
                       gint64      *event_id,
                       GError     **error)
{
  return rasd_store_run_sql (self, event_id, error, "finding a correction's event",
                             "SELECT ev.event_id"
                             SPANS_AS_EVIDENCE
                             " WHERE +cs.correction_id = ?1 AND +cs.role = ?2 AND a.id = ?3"
                             " GROUP BY 1 ORDER BY count (*) DESC, 1 LIMIT 1",
                             "iti", id, role, self->correcting_article);
}

/* rasd_store_find_correction_event() reading all the decision's spans. */
static gboolean
find_event (RasdStore   *self,
            gint64       id,
            const char  *role,
            JsonObject  *payload,
            gint64      *event_id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 best_hits = 0;
  gint64 best_shared = -1;
  g_autofree char *keys = NULL;
  int rc;

  *event_id = 0;
  if ((stmt = rasd_store_cached_statement (self,
                          /* spans it has, less those it has besides */
                          "SELECT event_id, 2 * hits - (SELECT count (*) FROM evidence"
                          "  WHERE evidence.event_id = matched.event_id) AS score"
                          " FROM (SELECT ev.event_id, count (*) AS hits"
                          SPANS_AS_EVIDENCE
                          "  WHERE cs.correction_id = ?1 AND cs.role = ?2"
                          "  GROUP BY ev.event_id) AS matched"
                          " ORDER BY score DESC, event_id", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 candidate = sqlite3_column_int64 (stmt, 0);
      gint64 hits = sqlite3_column_int64 (stmt, 1);

      if (best->len > 0 && hits < best_hits)
        break;
      best_hits = hits;
      g_array_append_val (best, candidate);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "finding a correction's event");
  if (best->len <= 1 || (keys = participants_json (payload)) == NULL)
    {
      if (best->len > 0)
        *event_id = g_array_index (best, gint64, 0);
      return TRUE;
    }

  for (guint i = 0; i < best->len; i++)
    {
      gint64 candidate = g_array_index (best, gint64, i);
      gint64 shared = 0;

      if (!rasd_store_run_sql (self, &shared, error, "comparing an event's participants",
                               "SELECT count (*) FROM event_participants ep JOIN entities e"
                               " ON e.id = ep.entity_id WHERE ep.event_id = ?1"
                               " AND e.key IN (SELECT value FROM json_each (?2))", "it",
                               candidate, keys))
        return FALSE;
      if (shared > best_shared)
        {
          best_shared = shared;
          *event_id = candidate;
        }
    }
  return TRUE;
}

/* The event whose evidence the spans of decision @id with @role are: the one whose evidence
 * is most nearly those spans (one merged since holds others too); among equals, the one sharing
 * most of the participants the decision saw (two events may be told in one sentence). */
gboolean
rasd_store_find_correction_event (RasdStore   *self,
                                  gint64       id,
                                  const char  *role,
                                  JsonObject  *payload,
                                  gint64      *event_id,
                                  GError     **error)
{
  gint64 key = id * 2 + (g_strcmp0 (role, "other") == 0);
  gint64 *cached;

  *event_id = 0;
  /* After the save of an article, the event found last when it is still there; the one of the
   * article's spans when it is gone (it was rejected: its reports come back one by one). */
  if (self->correcting_article != 0 && self->correction_events != NULL &&
      (cached = g_hash_table_lookup (self->correction_events, &key)) != NULL)
    {
      CachedState state = CACHED_ELSEWHERE;

      if (!cached_event_state (self, id, role, *cached, &state, error))
        return FALSE;
      if (state == CACHED_HOLDS)
        {
          *event_id = *cached;
          return TRUE;
        }
      if (state == CACHED_GONE && !find_event_in_article (self, id, role, event_id, error))
        return FALSE;
    }
  if (*event_id == 0 && !find_event (self, id, role, payload, event_id, error))
    return FALSE;
  if (*event_id != 0)
    {
      if (self->correction_events == NULL)
        self->correction_events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (self->correction_events, g_memdup2 (&key, sizeof key),
                           g_memdup2 (event_id, sizeof *event_id));
    }
  return TRUE;
}

/* The entity @entity (a payload's ENTITY) names in this database: created from the payload
 * when missing (a place from the gazetteer, another team's decision); its alias when it has
 * one; 0 when the user rejected it. */
static gboolean
resolve_entity (RasdStore   *self,
                JsonObject  *entity,
                gboolean     create,
                gint64      *id,
                GError     **error)
{
  const char *kind = json_object_get_string_member_with_default (entity, "kind", "person");
  const char *key = json_object_get_string_member_with_default (entity, "key", NULL);
  const char *name = json_object_get_string_member_with_default (entity, "name", key);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *id = 0;
  if (key == NULL)
    return TRUE;
  if (sqlite3_prepare_v2 (self->db, "SELECT id, rejected, alias_of FROM entities"
                                    " WHERE kind = ?1 AND key = ?2", -1, &stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "finding a corrected entity");
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *id = sqlite3_column_int (stmt, 1) ? 0
            : sqlite3_column_type (stmt, 2) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 2)
            : sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (!create)
    return TRUE;

  /* As an extraction would score it (entity_confidence()), so that the data do not depend
   * on whether a decision or an article came first. */
  if (!rasd_store_run_sql (self, NULL, error, "storing a corrected entity",
                           "INSERT INTO entities (kind, key, name, name_en, place_kind, country,"
                           " lat, lon, normalized, confidence)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, rasd_name_words (?3, ?4),"
                           "  CASE WHEN ?2 LIKE 'name:%' THEN 0.4 ELSE 0.8 END)",
                           "tttttttt", kind, key, name,
                           json_object_get_string_member_with_default (entity, "name_en", NULL),
                           json_object_get_string_member_with_default (entity, "place_kind", NULL),
                           json_object_get_string_member_with_default (entity, "country", NULL),
                           NULL, NULL))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  if (json_object_has_member (entity, "lat") && json_object_has_member (entity, "lon") &&
      !rasd_store_run_sql (self, NULL, error, "storing a corrected entity",
                           "UPDATE entities SET lat = ?2, lon = ?3 WHERE id = ?1", "idd", *id,
                           json_object_get_double_member (entity, "lat"),
                           json_object_get_double_member (entity, "lon")))
    return FALSE;
  return TRUE;
}

static gboolean
mark_edited (RasdStore  *self,
             gint64      event_id,
             GError    **error)
{
  return rasd_store_run_sql (self, NULL, error, "marking an event edited",
                             "UPDATE events SET edited = 1 WHERE id = ?1 AND NOT edited", "i",
                             event_id) &&
         rasd_store_update_event_confidence (self, event_id, error);
}

static const char *
cameo_of_kind (const char *kind)
{
  static const char * const cameo[][2] = {
    { "meeting", "040" }, { "call", "041" }, { "visit", "042" }, { "reception", "043" },
    { "summit", "044" }, { "talks", "046" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cameo); i++)
    if (g_strcmp0 (kind, cameo[i][0]) == 0)
      return cameo[i][1];
  return NULL;
}

static gboolean
correct_date (RasdStore   *self,
              gint64       event_id,
              JsonObject  *payload,
              GError     **error)
{
  const char *iso = json_object_get_string_member_with_default (payload, "date", NULL);
  RasdDate date = { 0 };
  gint64 day = 0, day_end = 0;
  g_autofree char *normal = NULL;

  if (iso != NULL && rasd_date_parse_iso (iso, &date) &&
      rasd_store_date_day_range (&date, &day, &day_end))
    normal = rasd_date_to_iso (&date);
  if (normal == NULL)
    return rasd_store_run_sql (self, NULL, error, "correcting an event's date",
                               "UPDATE events SET date = NULL, date_precision = 0, day = NULL,"
                               " day_end = NULL WHERE id = ?1", "i", event_id);
  return rasd_store_run_sql (self, NULL, error, "correcting an event's date",
                             "UPDATE events SET date = ?2, date_precision = ?3, day = ?4,"
                             " day_end = ?5 WHERE id = ?1", "itiii", event_id, normal,
                             (gint64) date.precision, day, day_end);
}

static gboolean
correct_participant (RasdStore           *self,
                     gint64               event_id,
                     RasdCorrectionKind   kind,
                     JsonObject          *payload,
                     GError             **error)
{
  JsonObject *entity = rasd_store_object_member (payload, "entity");
  gint64 entity_id = 0;

  if (entity == NULL)
    return TRUE;
  if (!resolve_entity (self, entity, kind == RASD_CORRECTION_EVENT_ADD_PARTICIPANT, &entity_id, error))
    return FALSE;
  if (entity_id == 0)
    return TRUE;
  if (kind == RASD_CORRECTION_EVENT_ADD_PARTICIPANT)
    return rasd_store_run_sql (self, NULL, error, "adding a participant",
                               "INSERT OR IGNORE INTO event_participants (event_id, entity_id)"
                               " VALUES (?1, ?2)", "ii", event_id, entity_id);
  return rasd_store_run_sql (self, NULL, error, "removing a participant",
                             "DELETE FROM event_participants WHERE event_id = ?1 AND entity_id = ?2",
                             "ii", event_id, entity_id);
}

static gboolean
correct_place (RasdStore   *self,
               gint64       event_id,
               JsonObject  *payload,
               GError     **error)
{
  JsonNode *node = json_object_get_member (payload, "entity");
  gint64 place_id = 0;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
      !resolve_entity (self, json_node_get_object (node), TRUE, &place_id, error))
    return FALSE;
  if (place_id == 0)
    return rasd_store_run_sql (self, NULL, error, "correcting an event's place",
                               "UPDATE events SET place_id = NULL WHERE id = ?1", "i", event_id);
  return rasd_store_run_sql (self, NULL, error, "correcting an event's place",
                             "UPDATE events SET place_id = ?2 WHERE id = ?1", "ii", event_id, place_id);
}

/* @other's participants, sources, evidence and excerpts go to @event_id, which takes the more
 * precise date and, lacking one, the place; then @other goes. */
static gboolean
merge_events (RasdStore  *self,
              gint64      event_id,
              gint64      other,
              GError    **error)
{
  static const char * const steps[] = {
    "INSERT OR IGNORE INTO event_participants (event_id, entity_id)"
    " SELECT ?1, entity_id FROM event_participants WHERE event_id = ?2",
    "INSERT OR IGNORE INTO event_sources (event_id, article_id, role)"
    " SELECT ?1, article_id, role FROM event_sources WHERE event_id = ?2",
    "UPDATE evidence SET event_id = ?1 WHERE event_id = ?2",
    "UPDATE excerpts SET event_id = ?1 WHERE event_id = ?2",
    "UPDATE events SET (date, date_precision, day, day_end) ="
    " (SELECT date, date_precision, day, day_end FROM events WHERE id = ?2)"
    " WHERE id = ?1 AND date_precision < (SELECT date_precision FROM events WHERE id = ?2)",
    "UPDATE events SET place_id = (SELECT place_id FROM events WHERE id = ?2)"
    " WHERE id = ?1 AND place_id IS NULL",
    "UPDATE events SET reviewed = max (reviewed, (SELECT reviewed FROM events WHERE id = ?2))"
    " WHERE id = ?1",
    "DELETE FROM events WHERE id = ?2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!rasd_store_run_sql (self, NULL, error, "merging two events", steps[i], "ii", event_id, other))
      return FALSE;
  return rasd_store_run_with_id (self, STMT_UPDATE_EVENT_ROLE, event_id, "updating an event's role", error);
}

/* The events the save of an article made of its report of decision @id's event (they hold
 * its spans there) merged into that event, @event_id: the decision saw them as one, which the
 * re-extraction may have told apart (the report no longer grouped with an event whose place or
 * date the user changed).  Only a report of that article alone, of the same kind (@any_kind:
 * whatever kind, the decision changes it) and with none but the people the decision saw:
 * another event told in the same sentence stays, and so does the part a split took out
 * (@split). */
static gboolean
unite_fragments (RasdStore   *self,
                 gint64       id,
                 gint64       event_id,
                 JsonObject  *payload,
                 gboolean     any_kind,
                 gboolean     split,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *people = NULL;
  int rc;

  if (self->correcting_article == 0 || (people = participants_json (payload)) == NULL)
    return TRUE;
  if ((stmt = rasd_store_cached_statement (self,
                          "SELECT DISTINCT ev.event_id"
                          SPANS_AS_EVIDENCE
                          /* the article's spans of all its decisions (few) */
                          " WHERE +cs.correction_id = ?1 AND +cs.role = 'target' AND a.id = ?3"
                          "  AND ev.event_id != ?2"
                          "  AND NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = ev.event_id"
                          "   AND s.article_id != ?3)"
                          "  AND (?5 OR (SELECT kind FROM events WHERE id = ev.event_id)"
                          "   = (SELECT kind FROM events WHERE id = ?2))"
                          "  AND NOT EXISTS (SELECT 1 FROM event_participants ep"
                          "   JOIN entities e ON e.id = ep.entity_id WHERE ep.event_id = ev.event_id"
                          "   AND e.key NOT IN (SELECT value FROM json_each (?4)))"
                          "  AND NOT (?6 AND EXISTS (SELECT 1 FROM correction_spans sp"
                          "   JOIN evidence se ON se.start = sp.start AND se.end = sp.end"
                          "   JOIN articles sa ON sa.id = se.article_id AND sa.hash = sp.article_hash"
                          "   WHERE sp.correction_id = ?1 AND sp.role = 'split'"
                          "   AND se.event_id = ev.event_id))"
                          " ORDER BY 1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, event_id);
  sqlite3_bind_int64 (stmt, 3, self->correcting_article);
  sqlite3_bind_text (stmt, 4, people, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, any_kind);
  sqlite3_bind_int (stmt, 6, split);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (others, other);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "finding what a re-extraction told apart");
  for (guint i = 0; i < others->len; i++)
    if (!merge_events (self, event_id, g_array_index (others, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* The evidence of @event_id that the split spans of decision @id are, moved to a new event
 * with the same kind, date, place and people; the sources follow their evidence. */
static gboolean
split_event (RasdStore  *self,
             gint64      id,
             gint64      event_id,
             gboolean   *matched,
             GError    **error)
{
  static const char * const steps[] = {
    "INSERT OR IGNORE INTO event_participants (event_id, entity_id)"
    " SELECT ?1, entity_id FROM event_participants WHERE event_id = ?2",
    "UPDATE evidence SET event_id = ?1 WHERE id IN (SELECT value FROM json_each (?3))",
    "INSERT OR IGNORE INTO event_sources (event_id, article_id, role)"
    " SELECT ?1, article_id, role FROM event_sources WHERE event_id = ?2"
    "  AND article_id IN (SELECT article_id FROM evidence WHERE event_id = ?1)",
    "DELETE FROM event_sources WHERE event_id = ?2"
    " AND article_id IN (SELECT article_id FROM evidence WHERE event_id = ?1)"
    " AND article_id NOT IN (SELECT article_id FROM evidence WHERE event_id = ?2)",
  };
  g_autoptr(GArray) moving = NULL;
  g_autoptr(GString) json = g_string_new ("[");
  gint64 n_evidence = 0, anywhere = 0, created;

  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    if (sqlite3_prepare_v2 (self->db,
                            "SELECT ev.id"
                            SPANS_AS_EVIDENCE
                            " WHERE cs.correction_id = ?1 AND cs.role = 'split' AND ev.event_id = ?2",
                            -1, &stmt, NULL) != SQLITE_OK)
      return rasd_store_set_sqlite_error (self, error, "reading the evidence a split moves");
    sqlite3_bind_int64 (stmt, 1, id);
    sqlite3_bind_int64 (stmt, 2, event_id);
    moving = g_array_new (FALSE, FALSE, sizeof (gint64));
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 evidence = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (moving, evidence);
        g_string_append_printf (json, "%s%" G_GINT64_FORMAT, moving->len > 1 ? "," : "", evidence);
      }
  }
  g_string_append_c (json, ']');
  if (!rasd_store_run_sql (self, &n_evidence, error, "counting an event's evidence",
                           "SELECT count (*) FROM evidence WHERE event_id = ?1", "i", event_id))
    return FALSE;
  if (moving->len == 0 || moving->len >= n_evidence)
    {
      /* Split already, or the event is all of it: matched if its evidence is there at all. */
      if (!rasd_store_run_sql (self, &anywhere, error, "finding the evidence a split moves",
                               "SELECT count (*)" SPANS_AS_EVIDENCE
                               " WHERE cs.correction_id = ?1 AND cs.role = 'split'",
                               "i", id))
        return FALSE;
      *matched = anywhere > 0;
      return TRUE;
    }

  /* the part split out before, when the re-extraction of an article brought some back */
  if (!rasd_store_run_sql (self, &created, error, "finding the part a split took out",
                           "SELECT ev.event_id"
                           SPANS_AS_EVIDENCE
                           " WHERE cs.correction_id = ?1 AND cs.role = 'split' AND ev.event_id != ?2"
                           " ORDER BY 1 LIMIT 1", "ii", id, event_id))
    return FALSE;
  if (created == 0)
    {
      if (!rasd_store_run_sql (self, NULL, error, "splitting an event",
                               "INSERT INTO events (kind, cameo, date, date_precision, day, day_end,"
                               " place_id, role, reviewed, edited)"
                               " SELECT kind, cameo, date, date_precision, day, day_end, place_id, role,"
                               "  reviewed, 1 FROM events WHERE id = ?1", "i", event_id))
        return FALSE;
      created = sqlite3_last_insert_rowid (self->db);
    }
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (!rasd_store_run_sql (self, NULL, error, "splitting an event", steps[i], "iit",
                             created, event_id, json->str))
      return FALSE;
  return rasd_store_run_with_id (self, STMT_UPDATE_EVENT_ROLE, created, "updating an event's role", error) &&
         rasd_store_run_with_id (self, STMT_UPDATE_EVENT_ROLE, event_id, "updating an event's role", error) &&
         mark_edited (self, created, error);
}

static gboolean
correct_event (RasdStore           *self,
               gint64               id,
               RasdCorrectionKind   kind,
               JsonObject          *payload,
               gboolean            *matched,
               GError             **error)
{
  gint64 event_id = 0;
  gint64 other = 0;
  const char *value;

  if (!rasd_store_find_correction_event (self, id, "target", payload, &event_id, error))
    return FALSE;
  *matched = event_id != 0;
  if (event_id == 0)
    return TRUE;
  if (!unite_fragments (self, id, event_id, payload, kind == RASD_CORRECTION_EVENT_KIND,
                        kind == RASD_CORRECTION_EVENT_SPLIT, error))
    return FALSE;

  switch (kind)
    {
    case RASD_CORRECTION_EVENT_KIND:
      value = json_object_get_string_member_with_default (payload, "kind", "meeting");
      if (!rasd_store_run_sql (self, NULL, error, "correcting an event's kind",
                               "UPDATE events SET kind = ?2, cameo = coalesce (?3, cameo) WHERE id = ?1",
                               "itt", event_id, value, cameo_of_kind (value)))
        return FALSE;
      break;
    case RASD_CORRECTION_EVENT_DATE:
      if (!correct_date (self, event_id, payload, error))
        return FALSE;
      break;
    case RASD_CORRECTION_EVENT_PLACE:
      if (!correct_place (self, event_id, payload, error))
        return FALSE;
      break;
    case RASD_CORRECTION_EVENT_ADD_PARTICIPANT:
    case RASD_CORRECTION_EVENT_REMOVE_PARTICIPANT:
      if (!correct_participant (self, event_id, kind, payload, error))
        return FALSE;
      break;
    case RASD_CORRECTION_EVENT_REJECT:
      return rasd_store_run_sql (self, NULL, error, "rejecting an event",
                                 "DELETE FROM events WHERE id = ?1", "i", event_id);
    case RASD_CORRECTION_EVENT_REVIEWED:
      return rasd_store_run_sql (self, NULL, error, "marking an event reviewed",
                                 "UPDATE events SET reviewed = ?2 WHERE id = ?1", "ii", event_id,
                                 (gint64) json_object_get_boolean_member_with_default (payload, "reviewed", TRUE));
    case RASD_CORRECTION_EVENT_MERGE:
      if (!rasd_store_find_correction_event (self, id, "other", payload, &other, error))
        return FALSE;
      /* The other event not there (yet: its article not imported) leaves it orphaned. */
      *matched = other != 0;
      if (other == 0 || other == event_id)
        return TRUE;
      if (!merge_events (self, event_id, other, error))
        return FALSE;
      break;
    case RASD_CORRECTION_EVENT_SPLIT:
      if (!split_event (self, id, event_id, matched, error))
        return FALSE;
      break;
    case RASD_CORRECTION_ENTITY_REJECT:
    case RASD_CORRECTION_ENTITY_RENAME:
    case RASD_CORRECTION_ENTITY_ALIAS:
    case RASD_N_CORRECTION_KINDS:
    default:
      g_assert_not_reached ();
    }
  return mark_edited (self, event_id, error);
}

/* The events that name @entity_id, marked edited and scored again after @sql changed them. */
static gboolean
change_entity_events (RasdStore   *self,
                      gint64       entity_id,
                      gint64       other_id,
                      const char  *sql,
                      const char  *then_sql,
                      GError     **error)
{
  g_autoptr(GArray) events = rasd_store_ids_by_sql (self,
                                                    "SELECT event_id FROM event_participants WHERE entity_id = ?1"
                                                    " UNION SELECT id FROM events WHERE place_id = ?1",
                                                    entity_id, "reading an entity's events", error);

  if (events == NULL)
    return FALSE;
  if (events->len == 0)
    return TRUE;
  if (!rasd_store_run_sql (self, NULL, error, "correcting an entity's events", sql, "ii",
                           entity_id, other_id) ||
      (then_sql != NULL &&
       !rasd_store_run_sql (self, NULL, error, "correcting an entity's events", then_sql, "ii",
                            entity_id, other_id)))
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    if (!mark_edited (self, g_array_index (events, gint64, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
correct_entity (RasdStore           *self,
                RasdCorrectionKind   kind,
                const char          *entity_kind,
                const char          *entity_key,
                JsonObject          *payload,
                gboolean            *matched,
                GError             **error)
{
  gint64 entity_id = 0;
  gint64 target = 0;
  JsonObject *other;

  if (!rasd_store_run_sql (self, &entity_id, error, "finding a corrected entity",
                           "SELECT id FROM entities WHERE kind = ?1 AND key = ?2", "tt",
                           entity_kind, entity_key))
    return FALSE;
  *matched = entity_id != 0;
  if (entity_id == 0)
    return TRUE;

  switch (kind)
    {
    case RASD_CORRECTION_ENTITY_REJECT:
      if (self->correcting_on_save)
        return rasd_store_run_sql (self, NULL, error, "rejecting an entity",
                                   "UPDATE entities SET rejected = 1 WHERE id = ?1 AND NOT rejected", "i",
                                   entity_id);
      return rasd_store_run_sql (self, NULL, error, "rejecting an entity",
                                 "UPDATE entities SET rejected = 1 WHERE id = ?1", "i", entity_id) &&
             change_entity_events (self, entity_id, 0,
                                   "DELETE FROM event_participants WHERE entity_id = ?1 AND ?2 = 0",
                                   "UPDATE events SET place_id = NULL WHERE place_id = ?1 AND ?2 = 0",
                                   error);
    case RASD_CORRECTION_ENTITY_RENAME:
      return rasd_store_run_sql (self, NULL, error, "renaming an entity",
                                 "UPDATE entities SET name = ?2, normalized = rasd_name_words (?2, name_en)"
                                 " WHERE id = ?1 AND name IS NOT ?2", "it", entity_id,
                                 json_object_get_string_member_with_default (payload, "name", entity_key));
    case RASD_CORRECTION_ENTITY_ALIAS:
      other = rasd_store_object_member (payload, "entity");
      if (other == NULL || !resolve_entity (self, other, TRUE, &target, error))
        return other == NULL;
      if (target == 0 || target == entity_id)
        return TRUE;
      if (self->correcting_on_save)
        return rasd_store_run_sql (self, NULL, error, "making an entity an alias",
                                   "UPDATE entities SET alias_of = ?2 WHERE (id = ?1 OR alias_of = ?1)"
                                   " AND alias_of IS NOT ?2", "ii", entity_id, target);
      return rasd_store_run_sql (self, NULL, error, "making an entity an alias",
                                 "UPDATE entities SET alias_of = ?2 WHERE id = ?1 OR alias_of = ?1",
                                 "ii", entity_id, target) &&
             rasd_store_run_sql (self, NULL, error, "making an entity an alias",
                                 "UPDATE events SET place_id = ?2 WHERE place_id = ?1", "ii",
                                 entity_id, target) &&
             change_entity_events (self, entity_id, target,
                                   "INSERT OR IGNORE INTO event_participants (event_id, entity_id)"
                                   " SELECT event_id, ?2 FROM event_participants WHERE entity_id = ?1",
                                   "DELETE FROM event_participants WHERE entity_id = ?1 AND ?2 > 0",
                                   error);
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

gboolean
rasd_store_do_correction (RasdStore           *self,
                          gint64               id,
                          RasdCorrectionKind   kind,
                          const char          *entity_kind,
                          const char          *entity_key,
                          JsonObject          *payload,
                          gboolean            *matched,
                          GError             **error)
{
  *matched = FALSE;
  if (rasd_correction_kind_is_entity (kind))
    return correct_entity (self, kind, entity_kind, entity_key, payload, matched, error);
  return correct_event (self, id, kind, payload, matched, error);
}
