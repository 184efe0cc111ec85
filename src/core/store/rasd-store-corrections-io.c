#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include "rasd-error.h"
#include "rasd-store-private.h"

/* RasdStore: listing the user's decisions, and sharing them as JSON between databases of the
 * same articles (articles by hash, entities by kind and key, never by id). */

#define EXPORT_FORMAT "rasd-corrections"
#define EXPORT_VERSION 1

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
read_spans (RasdStore       *self,
            RasdCorrection  *correction,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT role, article_hash, start, end FROM correction_spans"
                                    " WHERE correction_id = ?1 ORDER BY rowid", -1, &stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "reading a correction's evidence");
  sqlite3_bind_int64 (stmt, 1, correction->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RasdCorrectionSpan span = {
        g_strdup (rasd_store_column_text (stmt, 0)), g_strdup (rasd_store_column_text (stmt, 1)),
        sqlite3_column_int64 (stmt, 2), sqlite3_column_int64 (stmt, 3),
      };

      g_array_append_val (correction->spans, span);
    }
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "reading a correction's evidence");
  return TRUE;
}

GPtrArray *
rasd_store_list_corrections (RasdStore  *self,
                             GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_correction_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT id, kind, entity_kind, entity_key, entity_name, payload,"
                                    " created_at, orphaned FROM corrections ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      rasd_store_set_sqlite_error (self, error, "listing the corrections");
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RasdCorrection) correction = g_new0 (RasdCorrection, 1);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      correction->id = sqlite3_column_int64 (stmt, 0);
      if (!rasd_correction_kind_from_string (rasd_store_column_text (stmt, 1), &correction->kind))
        continue;  /* written by a newer Rasd */
      correction->entity_kind = g_strdup (rasd_store_column_text (stmt, 2));
      correction->entity_key = g_strdup (rasd_store_column_text (stmt, 3));
      correction->entity_name = g_strdup (rasd_store_column_text (stmt, 4));
      correction->payload = g_strdup (rasd_store_column_text (stmt, 5));
      correction->created_at = sqlite3_column_int64 (stmt, 6);
      correction->orphaned = sqlite3_column_int (stmt, 7) != 0;
      correction->spans = g_array_new (FALSE, TRUE, sizeof (RasdCorrectionSpan));
      if (!read_spans (self, correction, error))
        return NULL;
      if (!rasd_correction_kind_is_entity (correction->kind) &&
          correction->kind != RASD_CORRECTION_EVENT_REJECT &&
          json_parser_load_from_data (parser, correction->payload, -1, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
          !rasd_store_find_correction_event (self, correction->id, "target",
                                             json_node_get_object (root), &correction->event_id, error))
        return NULL;
      g_ptr_array_add (list, g_steal_pointer (&correction));
    }
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, "listing the corrections");
      return NULL;
    }
  return g_steal_pointer (&list);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_correction (JsonBuilder    *builder,
                RasdCorrection *correction)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  json_builder_begin_object (builder);
  add_string (builder, "kind", rasd_correction_kind_to_string (correction->kind));
  add_int (builder, "created", correction->created_at);
  json_builder_set_member_name (builder, "orphaned");
  json_builder_add_boolean_value (builder, correction->orphaned);
  if (correction->entity_key != NULL)
    {
      json_builder_set_member_name (builder, "entity");
      json_builder_begin_object (builder);
      add_string (builder, "kind", correction->entity_kind);
      add_string (builder, "key", correction->entity_key);
      add_string (builder, "name", correction->entity_name);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "spans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < correction->spans->len; i++)
    {
      RasdCorrectionSpan *span = &g_array_index (correction->spans, RasdCorrectionSpan, i);

      json_builder_begin_object (builder);
      add_string (builder, "role", span->role);
      add_string (builder, "article", span->article_hash);
      add_int (builder, "start", span->start);
      add_int (builder, "end", span->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "payload");
  if (json_parser_load_from_data (parser, correction->payload, -1, NULL) &&
      json_parser_get_root (parser) != NULL)
    json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

char *
rasd_store_export_corrections (RasdStore  *self,
                               GError    **error)
{
  g_autoptr(GPtrArray) corrections = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);

  if ((corrections = rasd_store_list_corrections (self, error)) == NULL)
    return NULL;
  json_builder_begin_object (builder);
  add_string (builder, "format", EXPORT_FORMAT);
  add_int (builder, "version", EXPORT_VERSION);
  json_builder_set_member_name (builder, "corrections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < corrections->len; i++)
    add_correction (builder, g_ptr_array_index (corrections, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static gboolean
invalid (GError     **error,
         const char  *source,
         guint        index,
         const char  *problem)
{
  g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY, "%s: correction %u: %s",
               source, index + 1, problem);
  return FALSE;
}

/* The same decision is stored already: same kind, entity, payload and spans. */
static gboolean
already_stored (RasdStore   *self,
                const char  *kind,
                const char  *entity_key,
                const char  *payload,
                const char  *spans,
                gboolean    *found,
                GError     **error)
{
  gint64 n = 0;

  if (!rasd_store_run_sql (self, &n, error, "comparing corrections",
                           "SELECT count (*) FROM corrections c WHERE c.kind = ?1"
                           " AND c.entity_key IS ?2 AND c.payload = ?3 AND ?4 = (SELECT"
                           "  coalesce (json_group_array (json_array (role, article_hash, start, end)), '[]')"
                           "  FROM (SELECT * FROM correction_spans WHERE correction_id = c.id ORDER BY rowid))",
                           "tttt", kind, entity_key, payload, spans))
    return FALSE;
  *found = n > 0;
  return TRUE;
}

static gboolean
import_one (RasdStore   *self,
            JsonObject  *object,
            const char  *source,
            guint        index,
            gboolean    *added,
            GError     **error)
{
  const char *kind_name = json_object_get_string_member_with_default (object, "kind", NULL);
  JsonObject *entity = rasd_store_object_member (object, "entity");
  JsonArray *spans = array_member (object, "spans");
  JsonNode *payload_node = json_object_get_member (object, "payload");
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GString) spans_json = g_string_new ("[");
  g_autofree char *payload = NULL;
  RasdCorrectionKind kind;
  gboolean found = FALSE;
  gint64 id;

  *added = FALSE;
  if (!rasd_correction_kind_from_string (kind_name, &kind))
    return invalid (error, source, index, "unknown kind");
  if (payload_node == NULL || !JSON_NODE_HOLDS_OBJECT (payload_node))
    return invalid (error, source, index, "the payload is not an object");
  if (rasd_correction_kind_is_entity (kind) &&
      (entity == NULL || !json_object_has_member (entity, "key")))
    return invalid (error, source, index, "an entity decision without its entity's key");
  if (!rasd_correction_kind_is_entity (kind) && (spans == NULL || json_array_get_length (spans) == 0))
    return invalid (error, source, index, "an event decision without evidence");
  json_generator_set_root (generator, payload_node);
  payload = json_generator_to_data (generator, NULL);

  for (guint i = 0; spans != NULL && i < json_array_get_length (spans); i++)
    {
      JsonNode *node = json_array_get_element (spans, i);
      JsonObject *span = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      g_autofree char *escaped_role = NULL, *escaped_hash = NULL;

      if (span == NULL || !json_object_has_member (span, "article"))
        return invalid (error, source, index, "a span without its article");
      escaped_role = g_strescape (json_object_get_string_member_with_default (span, "role", "target"), NULL);
      escaped_hash = g_strescape (json_object_get_string_member_with_default (span, "article", ""), NULL);
      g_string_append_printf (spans_json, "%s[\"%s\",\"%s\",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                              i > 0 ? "," : "", escaped_role, escaped_hash,
                              json_object_get_int_member_with_default (span, "start", 0),
                              json_object_get_int_member_with_default (span, "end", 0));
    }
  g_string_append_c (spans_json, ']');
  if (!already_stored (self, kind_name,
                       entity != NULL ? json_object_get_string_member_with_default (entity, "key", NULL) : NULL,
                       payload, spans_json->str, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  if (!rasd_store_run_sql (self, NULL, error, "importing a correction",
                           "INSERT INTO corrections (kind, entity_kind, entity_key, entity_name, payload,"
                           " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", "ttttti",
                           kind_name,
                           entity != NULL ? json_object_get_string_member_with_default (entity, "kind", "person") : NULL,
                           entity != NULL ? json_object_get_string_member_with_default (entity, "key", NULL) : NULL,
                           entity != NULL ? json_object_get_string_member_with_default (entity, "name", NULL) : NULL,
                           payload,
                           json_object_get_int_member_with_default (object, "created",
                                                                    g_get_real_time () / G_USEC_PER_SEC)))
    return FALSE;
  id = sqlite3_last_insert_rowid (self->db);
  if (!rasd_store_run_sql (self, NULL, error, "importing a correction's evidence",
                           "INSERT INTO correction_spans (correction_id, role, article_hash, start, end)"
                           " SELECT ?1, json_extract (value, '$[0]'), json_extract (value, '$[1]'),"
                           "  json_extract (value, '$[2]'), json_extract (value, '$[3]')"
                           " FROM json_each (?2)", "it", id, spans_json->str))
    return FALSE;
  *added = TRUE;
  return TRUE;
}

static gboolean
import_corrections (RasdStore   *self,
                    JsonNode    *root,
                    const char  *source,
                    guint       *n_added,
                    GError     **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *list;

  if (object == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "format", NULL), EXPORT_FORMAT) != 0 ||
      (list = array_member (object, "corrections")) == NULL)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "%s: not an export of Rasd's corrections (no \"format\": \"%s\")", source, EXPORT_FORMAT);
      return FALSE;
    }
  if (json_object_get_int_member_with_default (object, "version", 0) > EXPORT_VERSION)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "%s: corrections of a newer Rasd (version %" G_GINT64_FORMAT ")", source,
                   json_object_get_int_member_with_default (object, "version", 0));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      gboolean added = FALSE;

      if (item == NULL)
        return invalid (error, source, i, "not an object");
      if (!import_one (self, item, source, i, &added, error))
        return FALSE;
      *n_added += added;
    }
  rasd_store_corrections_changed (self);
  return rasd_store_apply_all_corrections (self, error);
}

gboolean
rasd_store_import_corrections (RasdStore   *self,
                               const char  *json,
                               gssize       length,
                               const char  *source,
                               guint       *n_added,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  guint added = 0;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);

  if (source == NULL)
    source = "corrections";
  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY, "%s: not JSON: %s", source,
                   local_error->message);
      return FALSE;
    }
  if (!rasd_store_exec_sql (self, "SAVEPOINT rasd_import_corrections", error))
    return FALSE;
  if (!import_corrections (self, json_parser_get_root (parser), source, &added, error))
    {
      sqlite3_exec (self->db, "ROLLBACK TO rasd_import_corrections; RELEASE rasd_import_corrections",
                    NULL, NULL, NULL);
      rasd_store_corrections_changed (self);
      return FALSE;
    }
  if (n_added != NULL)
    *n_added = added;
  return rasd_store_exec_sql (self, "RELEASE rasd_import_corrections", error);
}
