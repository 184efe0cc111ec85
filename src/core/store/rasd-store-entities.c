#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include "rasd-store-private.h"

/* RasdStore: the entities (people, places, organisations) with their confidence and what the
 * user decided about them, for `rasd-cli entities` and the window's searches. */

#define ENTITY_COLUMNS \
  "SELECT e.id, e.kind, e.key, e.name, e.name_en, e.confidence, e.rejected, a.key, a.name," \
  " (SELECT count (*) FROM event_participants ep WHERE ep.entity_id = e.id)" \
  " + (SELECT count (*) FROM events ev WHERE ev.place_id = e.id)" \
  " FROM entities e LEFT JOIN entities a ON a.id = e.alias_of"

static RasdStoredEntity *
entity_from_row (sqlite3_stmt *stmt)
{
  RasdStoredEntity *entity = g_new0 (RasdStoredEntity, 1);

  entity->id = sqlite3_column_int64 (stmt, 0);
  entity->kind = g_strdup (rasd_store_column_text (stmt, 1));
  entity->key = g_strdup (rasd_store_column_text (stmt, 2));
  entity->name = g_strdup (rasd_store_column_text (stmt, 3));
  entity->name_en = g_strdup (rasd_store_column_text (stmt, 4));
  entity->confidence = sqlite3_column_double (stmt, 5);
  entity->rejected = sqlite3_column_int (stmt, 6) != 0;
  entity->alias_key = g_strdup (rasd_store_column_text (stmt, 7));
  entity->alias_name = g_strdup (rasd_store_column_text (stmt, 8));
  entity->n_events = (guint) sqlite3_column_int64 (stmt, 9);
  return entity;
}

GPtrArray *
rasd_store_list_entities (RasdStore   *self,
                          const char  *kind,
                          const char  *query,
                          GError     **error)
{
  g_autoptr(GPtrArray) entities = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_entity_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *words = query != NULL ? rasd_store_name_to_words (query) : NULL;
  g_autofree char *pattern = NULL;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);

  /* normalized is " word word " (rasd_name_words): the words, in order, anywhere */
  if (words != NULL && *words != '\0')
    pattern = g_strdup_printf ("%%%s%%", words);
  if (sqlite3_prepare_v2 (self->db,
                          ENTITY_COLUMNS
                          " WHERE (?1 IS NULL OR e.kind = ?1)"
                          "  AND (?2 IS NULL OR e.normalized LIKE ?2 OR e.key = ?3"
                          "       OR e.name_en LIKE ?4)"
                          " ORDER BY e.kind, e.name, e.id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      rasd_store_set_sqlite_error (self, error, "listing the entities");
      return NULL;
    }
  rasd_store_bind_text_or_null (stmt, 1, kind);
  if (query != NULL)
    {
      g_autofree char *like_en = g_strdup_printf ("%%%s%%", query);

      sqlite3_bind_text (stmt, 2, pattern != NULL ? pattern : "", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, query, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, like_en, -1, SQLITE_TRANSIENT);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entities, entity_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, "listing the entities");
      return NULL;
    }
  return g_steal_pointer (&entities);
}

RasdStoredEntity *
rasd_store_get_entity (RasdStore   *self,
                       const char  *kind,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (kind != NULL && key != NULL, NULL);

  if (sqlite3_prepare_v2 (self->db, ENTITY_COLUMNS " WHERE e.kind = ?1 AND e.key = ?2",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      rasd_store_set_sqlite_error (self, error, "reading an entity");
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return entity_from_row (stmt);
  if (rc != SQLITE_DONE)
    rasd_store_set_sqlite_error (self, error, "reading an entity");
  return NULL;
}
