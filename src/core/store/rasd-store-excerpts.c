#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "rasd-error.h"
#include "rasd-store-private.h"

/* RasdStore: the basket of excerpts. */

/* Schema 5 keeps an excerpt's event citation in "excerpts.event_citation" (JSON: kind, who,
 * where, when), so an excerpt whose event a re-extraction replaced (event_id ON DELETE SET NULL)
 * keeps it; a database opened at an older version (tests of migrations) has no such column, and
 * the live event is read instead. */
static gboolean
excerpts_have_citation_column (RasdStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT 1 FROM pragma_table_info ('excerpts')"
                                    " WHERE name = 'event_citation'", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  found = sqlite3_step (stmt) == SQLITE_ROW;
  return found;
}

static gboolean
prepare_excerpt_sql (RasdStore     *self,
                     const char    *sql,
                     sqlite3_stmt **stmt,
                     GError       **error)
{
  if (sqlite3_prepare_v2 (self->db, sql, -1, stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "preparing an excerpt query");
  return TRUE;
}

static char *
event_citation_to_json (RasdExcerpt *excerpt)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *names[] = { "kind", "who", "where", "when" };
  const char *values[] = {
    rasd_excerpt_get_event_kind (excerpt), rasd_excerpt_get_event_who (excerpt),
    rasd_excerpt_get_event_where (excerpt), rasd_excerpt_get_event_when (excerpt),
  };

  if (!rasd_excerpt_has_event (excerpt))
    return NULL;
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (values[i] != NULL)
      {
        json_builder_set_member_name (builder, names[i]);
        json_builder_add_string_value (builder, values[i]);
      }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
event_citation_from_json (RasdExcerpt *excerpt,
                          const char  *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  object = json_node_get_object (json_parser_get_root (parser));
  rasd_excerpt_set_event_citation (excerpt,
                                   json_object_get_string_member_with_default (object, "kind", NULL),
                                   json_object_get_string_member_with_default (object, "who", NULL),
                                   json_object_get_string_member_with_default (object, "where", NULL),
                                   json_object_get_string_member_with_default (object, "when", NULL));
}

/* Kind, date, place name and participants (joined with "، ") of the event @event_id. */
#define EXCERPT_EVENT_COLUMNS \
  "ev.kind, ev.date, pl.name," \
  " (SELECT group_concat (name, '، ') FROM (SELECT en.name FROM event_participants ep" \
  "   JOIN entities en ON en.id = ep.entity_id WHERE ep.event_id = ev.id ORDER BY en.id))"

static const char excerpt_select_sql[] =
  "SELECT x.id, x.article_id, x.event_id, x.start, x.end, x.text, x.note, x.position,"
  "       x.created_at, a.title, a.source, a.date_publish, a.url, " EXCERPT_EVENT_COLUMNS ", %s"
  " FROM excerpts x JOIN articles a ON a.id = x.article_id"
  " LEFT JOIN events ev ON ev.id = x.event_id"
  " LEFT JOIN entities pl ON pl.id = ev.place_id";

static RasdExcerpt *
excerpt_from_row (sqlite3_stmt *stmt)
{
  RasdExcerpt *excerpt = rasd_excerpt_new ();

  rasd_excerpt_set_id (excerpt, sqlite3_column_int64 (stmt, 0));
  rasd_excerpt_set_article_id (excerpt, sqlite3_column_int64 (stmt, 1));
  rasd_excerpt_set_event_id (excerpt, sqlite3_column_int64 (stmt, 2));
  rasd_excerpt_set_range (excerpt, sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4));
  rasd_excerpt_set_text (excerpt, rasd_store_column_text (stmt, 5));
  rasd_excerpt_set_note (excerpt, rasd_store_column_text (stmt, 6));
  rasd_excerpt_set_position (excerpt, sqlite3_column_double (stmt, 7));
  rasd_excerpt_set_created_at (excerpt, sqlite3_column_int64 (stmt, 8));
  rasd_excerpt_set_article_citation (excerpt, rasd_store_column_text (stmt, 9), rasd_store_column_text (stmt, 10),
                                     rasd_store_column_text (stmt, 11), rasd_store_column_text (stmt, 12));
  /* The citation kept with the excerpt wins: it is what was cited, whatever became of the event. */
  if (rasd_store_column_text (stmt, 17) != NULL)
    event_citation_from_json (excerpt, rasd_store_column_text (stmt, 17));
  else if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    rasd_excerpt_set_event_citation (excerpt, rasd_store_column_text (stmt, 13), rasd_store_column_text (stmt, 16),
                                     rasd_store_column_text (stmt, 15), rasd_store_column_text (stmt, 14));
  return excerpt;
}

static GPtrArray *
query_excerpts (RasdStore   *self,
                const char  *where,
                gint64       id,
                GError     **error)
{
  g_autoptr(GPtrArray) excerpts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;

  select = g_strdup_printf (excerpt_select_sql,
                            excerpts_have_citation_column (self) ? "x.event_citation" : "NULL");
  sql = g_strconcat (select, " ", where, " ORDER BY x.position, x.id", NULL);
  if (!prepare_excerpt_sql (self, sql, &stmt, error))
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  if (!rasd_store_step_rows (self, stmt, (RasdStoreRowFunc) excerpt_from_row, excerpts, "reading the excerpts", error))
    return NULL;
  return g_steal_pointer (&excerpts);
}

GPtrArray *
rasd_store_list_excerpts (RasdStore  *self,
                          GError    **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return query_excerpts (self, "", 0, error);
}

RasdExcerpt *
rasd_store_get_excerpt (RasdStore  *self,
                        gint64      id,
                        GError    **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((found = query_excerpts (self, "WHERE x.id = ?1", id, error)) == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "%s: no excerpt with id %" G_GINT64_FORMAT,
                   self->path, id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

static gboolean
step_done (RasdStore     *self,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, doing);
  return TRUE;
}

/* Inserts @excerpt as it is (id 0: a new id), with its event citation when the schema keeps it. */
static gint64
insert_excerpt (RasdStore    *self,
                RasdExcerpt  *excerpt,
                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *citation = NULL;
  gboolean keep_citation = excerpts_have_citation_column (self);
  const char *sql = keep_citation
    ? "INSERT INTO excerpts (id, article_id, event_id, start, end, text, note, position, created_at,"
      " event_citation) VALUES (?1, ?2, (SELECT id FROM events WHERE id = ?3), ?4, ?5, ?6, ?7, ?8,"
      " ?9, ?10)"
    : "INSERT INTO excerpts (id, article_id, event_id, start, end, text, note, position, created_at)"
      " VALUES (?1, ?2, (SELECT id FROM events WHERE id = ?3), ?4, ?5, ?6, ?7, ?8, ?9)";

  if (!prepare_excerpt_sql (self, sql, &stmt, error))
    return 0;
  if (rasd_excerpt_get_id (excerpt) != 0)
    sqlite3_bind_int64 (stmt, 1, rasd_excerpt_get_id (excerpt));
  sqlite3_bind_int64 (stmt, 2, rasd_excerpt_get_article_id (excerpt));
  if (rasd_excerpt_get_event_id (excerpt) != 0)
    sqlite3_bind_int64 (stmt, 3, rasd_excerpt_get_event_id (excerpt));
  sqlite3_bind_int64 (stmt, 4, rasd_excerpt_get_start (excerpt));
  sqlite3_bind_int64 (stmt, 5, rasd_excerpt_get_end (excerpt));
  sqlite3_bind_text (stmt, 6, rasd_excerpt_get_text (excerpt), -1, SQLITE_STATIC);
  rasd_store_bind_text_or_null (stmt, 7, rasd_excerpt_get_note (excerpt));
  sqlite3_bind_double (stmt, 8, rasd_excerpt_get_position (excerpt));
  sqlite3_bind_int64 (stmt, 9, rasd_excerpt_get_created_at (excerpt));
  if (keep_citation && (citation = event_citation_to_json (excerpt)) != NULL)
    sqlite3_bind_text (stmt, 10, citation, -1, SQLITE_STATIC);
  if (!step_done (self, stmt, "storing an excerpt", error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static double
next_excerpt_position (RasdStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double position = 1.0;

  if (sqlite3_prepare_v2 (self->db, "SELECT max (position) FROM excerpts", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    position = floor (sqlite3_column_double (stmt, 0)) + 1.0;
  return position;
}

gint64
rasd_store_add_excerpt (RasdStore   *self,
                        gint64       article_id,
                        gint64       start,
                        gint64       end,
                        gint64       event_id,
                        const char  *note,
                        GError     **error)
{
  g_autoptr(RasdArticle) article = NULL;
  g_autoptr(RasdExcerpt) excerpt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *text, *from, *to;
  glong length;

  g_return_val_if_fail (RASD_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if ((article = rasd_store_get_article (self, article_id, error)) == NULL)
    return 0;
  text = rasd_article_get_text (article);
  length = g_utf8_strlen (text, -1);
  if (start < 0 || end > length || start >= end)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "%s: the range %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " is not a non-empty "
                   "range of article %" G_GINT64_FORMAT ", which has %ld characters",
                   self->path, start, end, article_id, length);
      return 0;
    }
  from = g_utf8_offset_to_pointer (text, start);
  to = g_utf8_offset_to_pointer (from, end - start);

  excerpt = rasd_excerpt_new ();
  rasd_excerpt_set_article_id (excerpt, article_id);
  rasd_excerpt_set_range (excerpt, start, end);
  {
    g_autofree char *slice = g_strndup (from, to - from);
    rasd_excerpt_set_text (excerpt, slice);
  }
  rasd_excerpt_set_note (excerpt, note);
  rasd_excerpt_set_position (excerpt, next_excerpt_position (self));
  rasd_excerpt_set_created_at (excerpt, g_get_real_time () / G_USEC_PER_SEC);

  if (event_id != 0)
    {
      int rc;

      if (!prepare_excerpt_sql (self,
                                "SELECT " EXCERPT_EVENT_COLUMNS " FROM events ev"
                                " LEFT JOIN entities pl ON pl.id = ev.place_id WHERE ev.id = ?1",
                                &stmt, error))
        return 0;
      sqlite3_bind_int64 (stmt, 1, event_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED,
                       "%s: no event with id %" G_GINT64_FORMAT, self->path, event_id);
          return 0;
        }
      if (rc != SQLITE_ROW)
        return rasd_store_set_sqlite_error (self, error, "reading an excerpt's event");
      rasd_excerpt_set_event_id (excerpt, event_id);
      rasd_excerpt_set_event_citation (excerpt, rasd_store_column_text (stmt, 0), rasd_store_column_text (stmt, 3),
                                       rasd_store_column_text (stmt, 2), rasd_store_column_text (stmt, 1));
    }

  return insert_excerpt (self, excerpt, error);
}

GArray *
rasd_store_add_excerpts_from_event (RasdStore  *self,
                                    gint64      event_id,
                                    gint64      article_id,
                                    GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!prepare_excerpt_sql (self, "SELECT 1 FROM events WHERE id = ?1", &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED,
                     "%s: no event with id %" G_GINT64_FORMAT, self->path, event_id);
      else
        rasd_store_set_sqlite_error (self, error, "reading an event");
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Spans already in the basket are not added twice (a second click does nothing). */
  if (!prepare_excerpt_sql (self,
                            "SELECT v.article_id, v.start, v.end FROM evidence v"
                            " WHERE v.event_id = ?1 AND (?2 = 0 OR v.article_id = ?2)"
                            "  AND NOT EXISTS (SELECT 1 FROM excerpts x WHERE x.article_id ="
                            "   v.article_id AND x.start = v.start AND x.end = v.end)"
                            " ORDER BY v.article_id, v.start",
                            &stmt, error))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RasdStoredEvidence span = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
      };
      if (span.start < span.end)
        g_array_append_val (spans, span);
    }
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, "reading an event's evidence");
      return NULL;
    }

  if (!rasd_store_savepoint (self, error))
    return NULL;
  for (guint i = 0; i < spans->len; i++)
    {
      RasdStoredEvidence *span = &g_array_index (spans, RasdStoredEvidence, i);
      gint64 id = rasd_store_add_excerpt (self, span->article_id, span->start, span->end, event_id,
                                          NULL, error);
      if (id == 0)
        {
          rasd_store_rollback_to (self);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  if (!rasd_store_release (self, error))
    {
      rasd_store_rollback_to (self);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static gboolean
excerpt_changed (RasdStore  *self,
                 gint64      id,
                 GError    **error)
{
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "%s: no excerpt with id %" G_GINT64_FORMAT,
                   self->path, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
rasd_store_set_excerpt_note (RasdStore   *self,
                             gint64       id,
                             const char  *note,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare_excerpt_sql (self, "UPDATE excerpts SET note = ?2 WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rasd_store_bind_text_or_null (stmt, 2, note != NULL && *note != '\0' ? note : NULL);
  return step_done (self, stmt, "saving an excerpt's note", error) && excerpt_changed (self, id, error);
}

static gboolean
set_excerpt_position (RasdStore  *self,
                      gint64      id,
                      double      position,
                      GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!prepare_excerpt_sql (self, "UPDATE excerpts SET position = ?2 WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_double (stmt, 2, position);
  return step_done (self, stmt, "moving an excerpt", error) && excerpt_changed (self, id, error);
}

gboolean
rasd_store_move_excerpt (RasdStore  *self,
                         gint64      id,
                         guint       index,
                         GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found = FALSE;
  double before, after, position;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The others, in basket order: the excerpt goes between the (index - 1)th and the index-th. */
  if (!prepare_excerpt_sql (self, "SELECT id, position FROM excerpts ORDER BY position, id", &stmt, error))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);
      double p = sqlite3_column_double (stmt, 1);

      if (other == id)
        {
          found = TRUE;
          continue;
        }
      g_array_append_val (ids, other);
      g_array_append_val (positions, p);
    }
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "reading the excerpts' order");
  if (!found)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "%s: no excerpt with id %" G_GINT64_FORMAT,
                   self->path, id);
      return FALSE;
    }
  index = MIN (index, ids->len);

  before = index > 0 ? g_array_index (positions, double, index - 1) : 0.0;
  after = index < ids->len ? g_array_index (positions, double, index) : before + 2.0;
  if (index == 0 && ids->len > 0)
    before = after - 2.0;
  position = (before + after) / 2.0;
  if (position > before && position < after)
    return set_excerpt_position (self, id, position, error);

  /* No room left between the two (after many moves): number them all again, 1, 2, 3... */
  g_array_insert_val (ids, index, id);
  if (!rasd_store_savepoint (self, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!set_excerpt_position (self, g_array_index (ids, gint64, i), i + 1.0, error))
      {
        rasd_store_rollback_to (self);
        return FALSE;
      }
  if (!rasd_store_release (self, error))
    {
      rasd_store_rollback_to (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
rasd_store_remove_excerpt (RasdStore  *self,
                           gint64      id,
                           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!prepare_excerpt_sql (self, "DELETE FROM excerpts WHERE id = ?1", &stmt, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, "removing an excerpt", error) && excerpt_changed (self, id, error);
}

gboolean
rasd_store_restore_excerpt (RasdStore    *self,
                            RasdExcerpt  *excerpt,
                            GError      **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (RASD_IS_EXCERPT (excerpt), FALSE);
  g_return_val_if_fail (rasd_excerpt_get_id (excerpt) != 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return insert_excerpt (self, excerpt, error) != 0;
}
