#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include "rasd-store-private.h"

/* RasdStore: the rows a decision may change, kept before it is applied, so that undo puts them
 * back exactly (ids, confidence, excerpts' links included) and removes what it created (an
 * event split off, a place taken from the gazetteer). */

typedef struct
{
  const char *table;
  GPtrArray  *columns;  /* char* */
  GPtrArray  *rows;     /* GPtrArray of sqlite3_value* */
} TableRows;

struct _RasdStoreSnapshot
{
  GArray    *event_ids;   /* gint64 */
  GArray    *entity_ids;  /* gint64 */
  gint64     max_event_id;
  gint64     max_entity_id;
  GArray    *created_events;    /* gint64: what the decision added */
  GArray    *created_entities;
  GArray    *tables;      /* TableRows: entities first, then events and their rows */
  GArray    *correction;  /* TableRows: the decision's own rows (for redo) */
};

static void
table_rows_clear (gpointer data)
{
  TableRows *rows = data;

  g_clear_pointer (&rows->columns, g_ptr_array_unref);
  g_clear_pointer (&rows->rows, g_ptr_array_unref);
}

void
rasd_store_snapshot_free (RasdStoreSnapshot *snapshot)
{
  if (snapshot == NULL)
    return;
  g_clear_pointer (&snapshot->event_ids, g_array_unref);
  g_clear_pointer (&snapshot->entity_ids, g_array_unref);
  g_clear_pointer (&snapshot->created_events, g_array_unref);
  g_clear_pointer (&snapshot->created_entities, g_array_unref);
  g_clear_pointer (&snapshot->tables, g_array_unref);
  g_clear_pointer (&snapshot->correction, g_array_unref);
  g_free (snapshot);
}

static char *
ids_json (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static void
value_row_free (gpointer data)
{
  GPtrArray *row = data;

  g_ptr_array_unref (row);
}

/* Keeps the rows of @table whose @column is one of @ids_json. */
static gboolean
keep_rows (RasdStore   *self,
           GArray      *tables,
           const char  *table,
           const char  *column,
           const char  *ids,
           GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s IN"
                                          " (SELECT value FROM json_each (?1))", table, column);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TableRows rows = { table, g_ptr_array_new_with_free_func (g_free),
                     g_ptr_array_new_with_free_func (value_row_free) };
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      table_rows_clear (&rows);
      return rasd_store_set_sqlite_error (self, error, "keeping rows for undo");
    }
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    g_ptr_array_add (rows.columns, g_strdup (sqlite3_column_name (stmt, c)));
  sqlite3_bind_text (stmt, 1, ids, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);

      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_ptr_array_add (row, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
      g_ptr_array_add (rows.rows, row);
    }
  g_array_append_val (tables, rows);
  if (rc != SQLITE_DONE)
    return rasd_store_set_sqlite_error (self, error, "keeping rows for undo");
  return TRUE;
}

static GArray *
new_tables (void)
{
  GArray *tables = g_array_new (FALSE, TRUE, sizeof (TableRows));

  g_array_set_clear_func (tables, table_rows_clear);
  return tables;
}

RasdStoreSnapshot *
rasd_store_snapshot_take (RasdStore  *self,
                          GArray     *event_ids,
                          GArray     *entity_ids,
                          GError    **error)
{
  g_autoptr(RasdStoreSnapshot) snapshot = g_new0 (RasdStoreSnapshot, 1);
  g_autofree char *events = ids_json (event_ids);
  g_autofree char *entities = ids_json (entity_ids);

  snapshot->event_ids = g_array_copy (event_ids);
  snapshot->entity_ids = g_array_copy (entity_ids);
  snapshot->tables = new_tables ();
  if (!rasd_store_run_sql (self, &snapshot->max_event_id, error, "reading the last event's id",
                           "SELECT coalesce (max (id), 0) FROM events", NULL) ||
      !rasd_store_run_sql (self, &snapshot->max_entity_id, error, "reading the last entity's id",
                           "SELECT coalesce (max (id), 0) FROM entities", NULL) ||
      !keep_rows (self, snapshot->tables, "entities", "id", entities, error) ||
      !keep_rows (self, snapshot->tables, "events", "id", events, error) ||
      !keep_rows (self, snapshot->tables, "event_participants", "event_id", events, error) ||
      !keep_rows (self, snapshot->tables, "event_sources", "event_id", events, error) ||
      !keep_rows (self, snapshot->tables, "evidence", "event_id", events, error) ||
      !keep_rows (self, snapshot->tables, "excerpts", "event_id", events, error))
    return NULL;
  return g_steal_pointer (&snapshot);
}

gboolean
rasd_store_snapshot_keep_correction (RasdStore          *self,
                                     RasdStoreSnapshot  *snapshot,
                                     gint64              id,
                                     GError            **error)
{
  g_autofree char *ids = g_strdup_printf ("[%" G_GINT64_FORMAT "]", id);

  g_clear_pointer (&snapshot->correction, g_array_unref);
  g_clear_pointer (&snapshot->created_events, g_array_unref);
  g_clear_pointer (&snapshot->created_entities, g_array_unref);
  /* Only what this decision added: an import may add more later in the session. */
  if ((snapshot->created_events = rasd_store_ids_by_sql (self, "SELECT id FROM events WHERE id > ?1",
                                                         snapshot->max_event_id,
                                                         "reading the new events", error)) == NULL ||
      (snapshot->created_entities = rasd_store_ids_by_sql (self, "SELECT id FROM entities WHERE id > ?1",
                                                           snapshot->max_entity_id,
                                                           "reading the new entities", error)) == NULL)
    return FALSE;
  snapshot->correction = new_tables ();
  return keep_rows (self, snapshot->correction, "corrections", "id", ids, error) &&
         keep_rows (self, snapshot->correction, "correction_spans", "correction_id", ids, error);
}

/* Writes the rows back: a row whose key is there is updated in place (an entity keeps its
 * mentions), one that is not is inserted with its old id. */
static gboolean
put_rows (RasdStore  *self,
          TableRows  *rows,
          GError    **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (rows->rows->len == 0)
    return TRUE;
  g_string_append_printf (sql, "INSERT INTO %s (", rows->table);
  for (guint c = 0; c < rows->columns->len; c++)
    g_string_append_printf (sql, "%s\"%s\"", c > 0 ? ", " : "", (char *) rows->columns->pdata[c]);
  g_string_append (sql, ") VALUES (");
  for (guint c = 0; c < rows->columns->len; c++)
    g_string_append_printf (sql, "%s?%u", c > 0 ? ", " : "", c + 1);
  g_string_append (sql, ") ON CONFLICT DO UPDATE SET ");
  for (guint c = 0; c < rows->columns->len; c++)
    g_string_append_printf (sql, "%s\"%s\" = excluded.\"%s\"", c > 0 ? ", " : "",
                            (char *) rows->columns->pdata[c], (char *) rows->columns->pdata[c]);
  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "putting rows back");
  for (guint r = 0; r < rows->rows->len; r++)
    {
      GPtrArray *row = rows->rows->pdata[r];

      sqlite3_reset (stmt);
      for (guint c = 0; c < row->len; c++)
        sqlite3_bind_value (stmt, (int) c + 1, row->pdata[c]);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return rasd_store_set_sqlite_error (self, error, "putting rows back");
    }
  return TRUE;
}

gboolean
rasd_store_snapshot_restore (RasdStore          *self,
                             RasdStoreSnapshot  *snapshot,
                             GError            **error)
{
  g_autofree char *events = ids_json (snapshot->event_ids);
  g_autofree char *created_events = ids_json (snapshot->created_events);
  g_autofree char *created_entities = ids_json (snapshot->created_entities);

  /* What the decision created or changed goes (with its participants, sources, evidence),
   * then what was there comes back. */
  if (!rasd_store_run_sql (self, NULL, error, "undoing a correction",
                           "DELETE FROM events WHERE id IN (SELECT value FROM json_each (?1))"
                           " OR id IN (SELECT value FROM json_each (?2))", "tt",
                           created_events, events) ||
      !rasd_store_run_sql (self, NULL, error, "undoing a correction",
                           "DELETE FROM entities WHERE id IN (SELECT value FROM json_each (?1))", "t",
                           created_entities))
    return FALSE;
  for (guint i = 0; i < snapshot->tables->len; i++)
    if (!put_rows (self, &g_array_index (snapshot->tables, TableRows, i), error))
      return FALSE;
  return TRUE;
}

gboolean
rasd_store_snapshot_restore_correction (RasdStore          *self,
                                        RasdStoreSnapshot  *snapshot,
                                        GError            **error)
{
  for (guint i = 0; snapshot->correction != NULL && i < snapshot->correction->len; i++)
    if (!put_rows (self, &g_array_index (snapshot->correction, TableRows, i), error))
      return FALSE;
  return TRUE;
}
