#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include <stdarg.h>

#include "rasd-error.h"
#include "rasd-store-private.h"

/* RasdStore: the user's decisions (schema 9).  Recording one (its spans taken from the event's
 * evidence as it is), listing, exporting and importing them, and applying them again after each
 * save of an extraction.  What each kind does is in rasd-store-correcting.c; undo in
 * rasd-store-snapshot.c. */

struct _RasdCorrectionUndo
{
  gint64             id;
  RasdStoreSnapshot *snapshot;
};

void
rasd_correction_undo_free (RasdCorrectionUndo *undo)
{
  if (undo == NULL)
    return;
  g_clear_pointer (&undo->snapshot, rasd_store_snapshot_free);
  g_free (undo);
}

gint64
rasd_correction_undo_get_id (RasdCorrectionUndo *undo)
{
  g_return_val_if_fail (undo != NULL, 0);
  return undo->id;
}

/* SQL helpers ----------------------------------------------------------------------------- */

static void
bind_args (sqlite3_stmt *stmt,
           const char   *types,
           va_list       ap)
{
  for (int i = 0; types != NULL && types[i] != '\0'; i++)
    switch (types[i])
      {
      case 'i':
        sqlite3_bind_int64 (stmt, i + 1, va_arg (ap, gint64));
        break;
      case 't':
        rasd_store_bind_text_or_null (stmt, i + 1, va_arg (ap, const char *));
        break;
      case 'd':
        sqlite3_bind_double (stmt, i + 1, va_arg (ap, double));
        break;
      default:
        g_assert_not_reached ();
      }
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

sqlite3_stmt *
rasd_store_cached_statement (RasdStore   *self,
                             const char  *sql,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  if (self->statement_cache == NULL)
    self->statement_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   finalize_statement);
  if ((stmt = g_hash_table_lookup (self->statement_cache, sql)) != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      rasd_store_set_sqlite_error (self, error, "preparing a correction's query");
      return NULL;
    }
  g_hash_table_insert (self->statement_cache, g_strdup (sql), stmt);
  return stmt;
}

gboolean
rasd_store_run_sql (RasdStore   *self,
                    gint64      *out,
                    GError     **error,
                    const char  *doing,
                    const char  *sql,
                    const char  *types,
                    ...)
{
  sqlite3_stmt *stmt;
  va_list ap;
  int rc;

  if ((stmt = rasd_store_cached_statement (self, sql, error)) == NULL)
    return FALSE;
  va_start (ap, types);
  bind_args (stmt, types, ap);
  va_end (ap);
  rc = sqlite3_step (stmt);
  if (out != NULL)
    *out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  while (rc == SQLITE_ROW)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, doing);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

JsonObject *
rasd_store_object_member (JsonObject *object,
                          const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

GArray *
rasd_store_ids_by_sql (RasdStore   *self,
                       const char  *sql,
                       gint64       id,
                       const char  *doing,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if ((stmt = rasd_store_cached_statement (self, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, doing);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&ids);
}

gboolean
rasd_store_update_event_confidence (RasdStore  *self,
                                    gint64      event_id,
                                    GError    **error)
{
  return rasd_store_run_with_id (self, STMT_UPDATE_EVENT_CONFIDENCE, event_id,
                                 "scoring an event's confidence", error);
}

/* What the decisions are about ---------------------------------------------------------- */

static char *
entity_token (const char *kind,
              const char *key)
{
  return g_strconcat (kind, "\x1f", key, NULL);
}

void
rasd_store_corrections_changed (RasdStore *self)
{
  g_clear_pointer (&self->correction_articles, g_hash_table_unref);
  g_clear_pointer (&self->correction_entities, g_hash_table_unref);
  g_clear_pointer (&self->correction_events, g_hash_table_unref);
}

static gboolean
fill_set (RasdStore   *self,
          GHashTable  *set,
          const char  *sql,
          gboolean     pair,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "reading what the corrections are about");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, pair ? entity_token (rasd_store_column_text (stmt, 0),
                                                rasd_store_column_text (stmt, 1))
                                : g_strdup (rasd_store_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "reading what the corrections are about");
  return TRUE;
}

/* Reads the sets again when another connection committed (rasd-cli beside the window). */
static gboolean
load_correction_sets (RasdStore  *self,
                      GError    **error)
{
  gint64 version = 0;

  if (!rasd_store_run_sql (self, &version, error, "reading the data version", "PRAGMA data_version", NULL))
    return FALSE;
  if (self->correction_articles != NULL && version == self->correction_data_version)
    return TRUE;

  rasd_store_corrections_changed (self);
  self->correction_articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->correction_entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->correction_data_version = version;
  if (!fill_set (self, self->correction_articles,
                 "SELECT DISTINCT article_hash FROM correction_spans", FALSE, error) ||
      !fill_set (self, self->correction_entities,
                 "SELECT DISTINCT entity_kind, entity_key FROM corrections"
                 " WHERE entity_key IS NOT NULL", TRUE, error))
    {
      rasd_store_corrections_changed (self);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_ids (RasdStore  *self,
           GArray     *ids,
           GError    **error)
{
  for (guint i = 0; i < ids->len; i++)
    if (!rasd_store_apply_correction (self, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

gboolean
rasd_store_correct_entities (RasdStore       *self,
                             RasdExtraction  *extraction,
                             GArray          *entity_ids,
                             GError         **error)
{
  if (!load_correction_sets (self, error))
    return FALSE;
  if (g_hash_table_size (self->correction_entities) == 0)
    return TRUE;

  for (guint i = 0; i < extraction->entities->len; i++)
    {
      RasdEntity *entity = g_ptr_array_index (extraction->entities, i);
      const char *kind = rasd_entity_kind_to_string (entity->kind);
      g_autofree char *token = entity_token (kind, entity->key);
      g_autoptr(GArray) ids = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (!g_hash_table_contains (self->correction_entities, token))
        continue;
      if (sqlite3_prepare_v2 (self->db, "SELECT id FROM corrections WHERE entity_key = ?1"
                                        " AND entity_kind = ?2 ORDER BY id", -1, &stmt, NULL)
          != SQLITE_OK)
        return rasd_store_set_sqlite_error (self, error, "reading an entity's corrections");
      sqlite3_bind_text (stmt, 1, entity->key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      /* The rows only: the events about to be saved name the entity through them, and
       * the events of other articles were corrected when the decision was made. */
      self->correcting_on_save = TRUE;
      if (!apply_ids (self, ids, error))
        {
          self->correcting_on_save = FALSE;
          return FALSE;
        }
      self->correcting_on_save = FALSE;

      /* what events are to name now */
      if (sqlite3_prepare_v2 (self->db, "SELECT id, rejected, alias_of FROM entities"
                                        " WHERE kind = ?1 AND key = ?2", -1, &stmt, NULL) != SQLITE_OK)
        return rasd_store_set_sqlite_error (self, error, "reading a corrected entity");
      sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, entity->key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_array_index (entity_ids, gint64, i) =
          sqlite3_column_int (stmt, 1) ? 0
          : sqlite3_column_type (stmt, 2) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 2)
          : sqlite3_column_int64 (stmt, 0);
    }
  return TRUE;
}

gboolean
rasd_store_correct_article (RasdStore  *self,
                            gint64      article_id,
                            GError    **error)
{
  g_autofree char *hash = NULL;
  g_autoptr(GArray) ids = NULL;
  sqlite3_stmt *stmt;
  sqlite3_stmt *kept;
  gboolean ok;
  int rc;

  if (!load_correction_sets (self, error))
    return FALSE;
  if (g_hash_table_size (self->correction_articles) == 0)
    return TRUE;

  if ((kept = rasd_store_get_statement (self, STMT_ARTICLE_HASH, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (kept, 1, article_id);
  rc = sqlite3_step (kept);
  if (rc == SQLITE_ROW)
    hash = g_strdup (rasd_store_column_text (kept, 0));
  sqlite3_reset (kept);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "reading an article's hash");
  if (hash == NULL || !g_hash_table_contains (self->correction_articles, hash))
    return TRUE;

  if ((stmt = rasd_store_cached_statement (self, "SELECT DISTINCT correction_id FROM correction_spans"
                                                 " WHERE article_hash = ?1 ORDER BY correction_id",
                                           error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "reading an article's corrections");
  self->correcting_article = article_id;
  ok = apply_ids (self, ids, error);
  self->correcting_article = 0;
  return ok;
}

gboolean
rasd_store_apply_correction (RasdStore  *self,
                             gint64      id,
                             GError    **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *entity_kind = NULL;
  g_autofree char *entity_key = NULL;
  RasdCorrectionKind kind;
  JsonNode *root;
  gboolean matched = FALSE;
  gboolean was_orphaned;

  if ((stmt = rasd_store_cached_statement (self, "SELECT kind, entity_kind, entity_key, payload, orphaned"
                                                 " FROM corrections WHERE id = ?1", error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      rasd_store_set_sqlite_error (self, error, "reading a correction");
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (!rasd_correction_kind_from_string (rasd_store_column_text (stmt, 0), &kind))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED,
                   "%s: the correction %" G_GINT64_FORMAT " has an unknown kind “%s”",
                   self->path, id, rasd_store_column_text (stmt, 0));
      sqlite3_reset (stmt);
      return FALSE;
    }
  entity_kind = g_strdup (rasd_store_column_text (stmt, 1));
  entity_key = g_strdup (rasd_store_column_text (stmt, 2));
  was_orphaned = sqlite3_column_int (stmt, 4) != 0;
  if (!json_parser_load_from_data (parser, rasd_store_column_text (stmt, 3), -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED,
                   "%s: the correction %" G_GINT64_FORMAT " has a payload that is not a JSON object",
                   self->path, id);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (!rasd_store_do_correction (self, id, kind, entity_kind, entity_key,
                                 json_node_get_object (root), &matched, error))
    return FALSE;
  if (was_orphaned == !matched)
    return TRUE;
  return rasd_store_run_sql (self, NULL, error, "marking a correction orphaned",
                             "UPDATE corrections SET orphaned = ?2 WHERE id = ?1", "ii",
                             id, (gint64) !matched);
}

gboolean
rasd_store_apply_all_corrections (RasdStore  *self,
                                  GError    **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);

  if ((ids = rasd_store_ids_by_sql (self, "SELECT id FROM corrections WHERE id > ?1 ORDER BY id",
                                    0, "listing the corrections", error)) == NULL)
    return FALSE;
  if (!rasd_store_exec_sql (self, "SAVEPOINT rasd_corrections", error))
    return FALSE;
  if (!apply_ids (self, ids, error))
    {
      sqlite3_exec (self->db, "ROLLBACK TO rasd_corrections; RELEASE rasd_corrections",
                    NULL, NULL, NULL);
      return FALSE;
    }
  return rasd_store_exec_sql (self, "RELEASE rasd_corrections", error);
}

/* Recording a decision ------------------------------------------------------------------ */

static gboolean
event_exists (RasdStore  *self,
              gint64      id,
              GError    **error)
{
  gint64 found = 0;

  if (!rasd_store_run_sql (self, &found, error, "looking up an event",
                           "SELECT count (*) FROM events WHERE id = ?1", "i", id))
    return FALSE;
  if (found == 0)
    g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                 "%s: there is no event %" G_GINT64_FORMAT, self->path, id);
  return found != 0;
}

static void
add_entity_object (JsonBuilder      *builder,
                   const char       *member,
                   const RasdEntity *entity,
                   RasdStoredEntity *stored)
{
  json_builder_set_member_name (builder, member);
  if (entity == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, rasd_entity_kind_to_string (entity->kind));
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, entity->key);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, stored != NULL ? stored->name
                                 : entity->name != NULL ? entity->name : entity->key);
  if (stored != NULL ? stored->name_en != NULL : entity->name_en != NULL)
    {
      json_builder_set_member_name (builder, "name_en");
      json_builder_add_string_value (builder, stored != NULL ? stored->name_en : entity->name_en);
    }
  if (entity->place_kind != NULL)
    {
      json_builder_set_member_name (builder, "place_kind");
      json_builder_add_string_value (builder, entity->place_kind);
    }
  if (entity->country != NULL)
    {
      json_builder_set_member_name (builder, "country");
      json_builder_add_string_value (builder, entity->country);
    }
  if (entity->lat != 0.0 || entity->lon != 0.0)
    {
      json_builder_set_member_name (builder, "lat");
      json_builder_add_double_value (builder, entity->lat);
      json_builder_set_member_name (builder, "lon");
      json_builder_add_double_value (builder, entity->lon);
    }
  json_builder_end_object (builder);
}

/* The entity @request points to, with what the database knows of it filled in (a place's
 * coordinates), so that another database can create it. */
static gboolean
complete_entity (RasdStore         *self,
                 const RasdEntity  *entity,
                 RasdEntity        *out,
                 RasdStoredEntity **stored,
                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *out = *entity;
  if (entity->key == NULL)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "%s: a correction names an entity without a key", self->path);
      return FALSE;
    }
  *stored = rasd_store_get_entity (self, rasd_entity_kind_to_string (entity->kind), entity->key, NULL);
  if (sqlite3_prepare_v2 (self->db, "SELECT place_kind, country, lat, lon FROM entities"
                                    " WHERE kind = ?1 AND key = ?2", -1, &stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "reading an entity");
  sqlite3_bind_text (stmt, 1, rasd_entity_kind_to_string (entity->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity->key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* static strings in RasdEntity: interned */
      if (out->place_kind == NULL && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        out->place_kind = g_intern_string (rasd_store_column_text (stmt, 0));
      if (out->country == NULL && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        out->country = (char *) g_intern_string (rasd_store_column_text (stmt, 1));
      if (out->lat == 0.0 && out->lon == 0.0 && sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          out->lat = sqlite3_column_double (stmt, 2);
          out->lon = sqlite3_column_double (stmt, 3);
        }
    }
  else if (*stored == NULL && entity->name == NULL)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "%s: there is no %s “%s”", self->path,
                   rasd_entity_kind_to_string (entity->kind), entity->key);
      return FALSE;
    }
  return TRUE;
}

/* The payload of @request, and for an event decision the participants it had (to tell it
 * from another event of the same sentence). */
static char *
build_payload (RasdStore                    *self,
               const RasdCorrectionRequest  *request,
               GError                      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_builder_begin_object (builder);
  switch (request->kind)
    {
    case RASD_CORRECTION_EVENT_KIND:
    case RASD_CORRECTION_ENTITY_RENAME:
      if (request->text == NULL || *request->text == '\0')
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                       "%s: a correction of a %s needs a value", self->path,
                       request->kind == RASD_CORRECTION_EVENT_KIND ? "kind" : "name");
          return NULL;
        }
      json_builder_set_member_name (builder, request->kind == RASD_CORRECTION_EVENT_KIND
                                             ? "kind" : "name");
      json_builder_add_string_value (builder, request->text);
      break;
    case RASD_CORRECTION_EVENT_DATE:
      {
        RasdDate date = { 0 };

        if (request->text != NULL && !rasd_date_parse_iso (request->text, &date))
          {
            g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                         "%s: “%s” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", self->path,
                         request->text);
            return NULL;
          }
        json_builder_set_member_name (builder, "date");
        if (request->text != NULL)
          json_builder_add_string_value (builder, request->text);
        else
          json_builder_add_null_value (builder);
        json_builder_set_member_name (builder, "precision");
        json_builder_add_int_value (builder, date.precision);
      }
      break;
    case RASD_CORRECTION_EVENT_PLACE:
    case RASD_CORRECTION_EVENT_ADD_PARTICIPANT:
    case RASD_CORRECTION_EVENT_REMOVE_PARTICIPANT:
    case RASD_CORRECTION_ENTITY_ALIAS:
      {
        g_autoptr(RasdStoredEntity) stored = NULL;
        RasdEntity full;

        if (request->entity == NULL && request->kind != RASD_CORRECTION_EVENT_PLACE)
          {
            g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                         "%s: a correction of kind %s needs an entity", self->path,
                         rasd_correction_kind_to_string (request->kind));
            return NULL;
          }
        if (request->entity != NULL && !complete_entity (self, request->entity, &full, &stored, error))
          return NULL;
        add_entity_object (builder, "entity", request->entity != NULL ? &full : NULL, stored);
      }
      break;
    case RASD_CORRECTION_EVENT_REVIEWED:
      json_builder_set_member_name (builder, "reviewed");
      json_builder_add_boolean_value (builder, request->reviewed);
      break;
    case RASD_CORRECTION_EVENT_REJECT:
    case RASD_CORRECTION_EVENT_MERGE:
    case RASD_CORRECTION_EVENT_SPLIT:
    case RASD_CORRECTION_ENTITY_REJECT:
    case RASD_N_CORRECTION_KINDS:
    default:
      break;
    }

  if (!rasd_correction_kind_is_entity (request->kind))
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      json_builder_set_member_name (builder, "participants");
      json_builder_begin_array (builder);
      if (sqlite3_prepare_v2 (self->db, "SELECT e.key FROM event_participants ep JOIN entities e"
                                        " ON e.id = ep.entity_id WHERE ep.event_id = ?1"
                                        " ORDER BY e.key", -1, &stmt, NULL) != SQLITE_OK)
        {
          rasd_store_set_sqlite_error (self, error, "reading an event's participants");
          return NULL;
        }
      sqlite3_bind_int64 (stmt, 1, request->event_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        json_builder_add_string_value (builder, rasd_store_column_text (stmt, 0));
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
insert_event_spans (RasdStore   *self,
                    gint64       correction_id,
                    const char  *role,
                    gint64       event_id,
                    GError     **error)
{
  return rasd_store_run_sql (self, NULL, error, "recording a correction's evidence",
                             "INSERT INTO correction_spans (correction_id, role, article_hash, start, end)"
                             " SELECT ?1, ?2, a.hash, ev.start, ev.end FROM evidence ev"
                             " JOIN articles a ON a.id = ev.article_id WHERE ev.event_id = ?3"
                             " ORDER BY ev.article_id, ev.start",
                             "iti", correction_id, role, event_id);
}

/* Checks the split's spans: evidence of the event, some of it but not all. */
static gboolean
check_split (RasdStore                    *self,
             const RasdCorrectionRequest  *request,
             GError                      **error)
{
  gint64 n_all = 0;
  guint n_found = 0;

  if (request->split_spans == NULL || request->split_spans->len == 0)
    goto bad;
  if (!rasd_store_run_sql (self, &n_all, error, "counting an event's evidence",
                           "SELECT count (*) FROM evidence WHERE event_id = ?1", "i",
                           request->event_id))
    return FALSE;
  for (guint i = 0; i < request->split_spans->len; i++)
    {
      const RasdStoredEvidence *span = &g_array_index (request->split_spans, RasdStoredEvidence, i);
      gint64 found = 0;

      if (!rasd_store_run_sql (self, &found, error, "reading an event's evidence",
                               "SELECT count (*) FROM evidence WHERE event_id = ?1"
                               " AND article_id = ?2 AND start = ?3 AND end = ?4", "iiii",
                               request->event_id, span->article_id, span->start, span->end))
        return FALSE;
      if (found == 0)
        goto bad;
      n_found++;
    }
  if (n_found < n_all)
    return TRUE;
bad:
  g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
               "%s: a split of event %" G_GINT64_FORMAT " must move some of its evidence, not all",
               self->path, request->event_id);
  return FALSE;
}

static gboolean
check_request (RasdStore                    *self,
               const RasdCorrectionRequest  *request,
               GError                      **error)
{
  if (rasd_correction_kind_is_entity (request->kind))
    {
      g_autoptr(RasdStoredEntity) entity = NULL;

      if (request->entity_key == NULL ||
          (entity = rasd_store_get_entity (self, rasd_entity_kind_to_string (request->entity_kind),
                                           request->entity_key, error)) == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                         "%s: there is no %s “%s”", self->path,
                         rasd_entity_kind_to_string (request->entity_kind),
                         request->entity_key != NULL ? request->entity_key : "");
          return FALSE;
        }
      if (request->kind == RASD_CORRECTION_ENTITY_ALIAS && request->entity != NULL &&
          request->entity->kind == request->entity_kind &&
          g_strcmp0 (request->entity->key, request->entity_key) == 0)
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                       "%s: “%s” cannot be an alias of itself", self->path, request->entity_key);
          return FALSE;
        }
      return TRUE;
    }
  if (!event_exists (self, request->event_id, error))
    return FALSE;
  if (request->kind == RASD_CORRECTION_EVENT_MERGE)
    {
      if (request->other_event_id == request->event_id)
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                       "%s: an event cannot be merged with itself", self->path);
          return FALSE;
        }
      return event_exists (self, request->other_event_id, error);
    }
  if (request->kind == RASD_CORRECTION_EVENT_SPLIT)
    return check_split (self, request, error);
  return TRUE;
}

/* The events and entities a decision may change, for the snapshot. */
static gboolean
affected_rows (RasdStore                    *self,
               const RasdCorrectionRequest  *request,
               GArray                      **events,
               GArray                      **entities,
               GError                      **error)
{
  *entities = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!rasd_correction_kind_is_entity (request->kind))
    {
      *events = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (*events, request->event_id);
      if (request->kind == RASD_CORRECTION_EVENT_MERGE)
        g_array_append_val (*events, request->other_event_id);
      return TRUE;
    }
  {
    g_autoptr(RasdStoredEntity) entity =
      rasd_store_get_entity (self, rasd_entity_kind_to_string (request->entity_kind),
                             request->entity_key, error);

    if (entity == NULL)
      return FALSE;
    g_array_append_val (*entities, entity->id);
    if (request->entity != NULL)
      {
        g_autoptr(RasdStoredEntity) target =
          rasd_store_get_entity (self, rasd_entity_kind_to_string (request->entity->kind),
                                 request->entity->key, NULL);

        if (target != NULL)
          g_array_append_val (*entities, target->id);
      }
    *events = rasd_store_ids_by_sql (self,
                                     "SELECT event_id FROM event_participants WHERE entity_id = ?1"
                                     " UNION SELECT id FROM events WHERE place_id = ?1",
                                     entity->id, "reading an entity's events", error);
    return *events != NULL;
  }
}

static gint64
record_correction (RasdStore                    *self,
                   const RasdCorrectionRequest  *request,
                   const char                   *payload,
                   GError                      **error)
{
  g_autoptr(RasdStoredEntity) entity = NULL;
  gint64 id;

  if (rasd_correction_kind_is_entity (request->kind))
    entity = rasd_store_get_entity (self, rasd_entity_kind_to_string (request->entity_kind),
                                    request->entity_key, NULL);
  if (!rasd_store_run_sql (self, NULL, error, "recording a correction",
                           "INSERT INTO corrections (kind, entity_kind, entity_key, entity_name,"
                           " payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", "tttttii",
                           rasd_correction_kind_to_string (request->kind),
                           entity != NULL ? entity->kind : NULL,
                           entity != NULL ? entity->key : NULL,
                           entity != NULL ? entity->name : NULL,
                           payload, g_get_real_time () / G_USEC_PER_SEC))
    return 0;
  id = sqlite3_last_insert_rowid (self->db);
  if (rasd_correction_kind_is_entity (request->kind))
    return id;

  if (!insert_event_spans (self, id, "target", request->event_id, error))
    return 0;
  if (request->kind == RASD_CORRECTION_EVENT_MERGE &&
      !insert_event_spans (self, id, "other", request->other_event_id, error))
    return 0;
  for (guint i = 0; request->kind == RASD_CORRECTION_EVENT_SPLIT && i < request->split_spans->len; i++)
    {
      const RasdStoredEvidence *span = &g_array_index (request->split_spans, RasdStoredEvidence, i);

      if (!rasd_store_run_sql (self, NULL, error, "recording a correction's evidence",
                               "INSERT INTO correction_spans (correction_id, role, article_hash, start, end)"
                               " SELECT ?1, 'split', hash, ?3, ?4 FROM articles WHERE id = ?2",
                               "iiii", id, span->article_id, span->start, span->end))
        return 0;
    }
  return id;
}

static gint64
add_correction (RasdStore                    *self,
                const RasdCorrectionRequest  *request,
                RasdCorrectionUndo          **undo,
                GError                      **error)
{
  g_autoptr(GArray) events = NULL;
  g_autoptr(GArray) entities = NULL;
  g_autofree char *payload = NULL;
  RasdStoreSnapshot *snapshot = NULL;
  gint64 id;

  if (!check_request (self, request, error) ||
      (payload = build_payload (self, request, error)) == NULL ||
      !affected_rows (self, request, &events, &entities, error))
    return 0;
  if (undo != NULL && (snapshot = rasd_store_snapshot_take (self, events, entities, error)) == NULL)
    return 0;
  if ((id = record_correction (self, request, payload, error)) == 0 ||
      !rasd_store_apply_correction (self, id, error))
    {
      g_clear_pointer (&snapshot, rasd_store_snapshot_free);
      return 0;
    }
  if (undo != NULL)
    {
      /* the decision's own rows, for redo */
      if (!rasd_store_snapshot_keep_correction (self, snapshot, id, error))
        {
          rasd_store_snapshot_free (snapshot);
          return 0;
        }
      *undo = g_new0 (RasdCorrectionUndo, 1);
      (*undo)->id = id;
      (*undo)->snapshot = snapshot;
    }
  return id;
}

gint64
rasd_store_add_correction (RasdStore                    *self,
                           const RasdCorrectionRequest  *request,
                           RasdCorrectionUndo          **undo,
                           GError                      **error)
{
  gint64 id;

  g_return_val_if_fail (RASD_IS_STORE (self), 0);
  g_return_val_if_fail (request != NULL, 0);
  g_return_val_if_fail (request->kind < RASD_N_CORRECTION_KINDS, 0);
  g_return_val_if_fail (undo == NULL || *undo == NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!rasd_store_exec_sql (self, "SAVEPOINT rasd_correction", error))
    return 0;
  id = add_correction (self, request, undo, error);
  rasd_store_corrections_changed (self);
  if (id == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK TO rasd_correction; RELEASE rasd_correction",
                    NULL, NULL, NULL);
      return 0;
    }
  if (!rasd_store_exec_sql (self, "RELEASE rasd_correction", error))
    {
      g_clear_pointer (undo, rasd_correction_undo_free);
      return 0;
    }
  return id;
}

gboolean
rasd_store_undo_correction (RasdStore           *self,
                            RasdCorrectionUndo  *undo,
                            GError             **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  rasd_store_corrections_changed (self);
  if (!rasd_store_exec_sql (self, "SAVEPOINT rasd_undo", error))
    return FALSE;
  if (!rasd_store_run_sql (self, NULL, error, "removing a correction",
                           "DELETE FROM corrections WHERE id = ?1", "i", undo->id) ||
      !rasd_store_snapshot_restore (self, undo->snapshot, error))
    {
      sqlite3_exec (self->db, "ROLLBACK TO rasd_undo; RELEASE rasd_undo", NULL, NULL, NULL);
      return FALSE;
    }
  return rasd_store_exec_sql (self, "RELEASE rasd_undo", error);
}

gboolean
rasd_store_redo_correction (RasdStore           *self,
                            RasdCorrectionUndo  *undo,
                            GError             **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  /* Undo put back the rows as they were before: the snapshot still describes them. */
  rasd_store_corrections_changed (self);
  if (!rasd_store_exec_sql (self, "SAVEPOINT rasd_redo", error))
    return FALSE;
  if (!rasd_store_snapshot_restore_correction (self, undo->snapshot, error) ||
      !rasd_store_apply_correction (self, undo->id, error))
    {
      sqlite3_exec (self->db, "ROLLBACK TO rasd_redo; RELEASE rasd_redo", NULL, NULL, NULL);
      return FALSE;
    }
  return rasd_store_exec_sql (self, "RELEASE rasd_redo", error);
}
