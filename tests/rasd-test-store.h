#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "rasd-store.h"

/* Helpers for the tests that fill a store by hand: extractions as the extractor would give
 * them, databases of an older schema.  Header-only, like rasd-test-util.h. */

/* A person of @x; returns its index. */
static inline int
rasd_test_add_person (RasdExtraction *x,
                      const char     *key,
                      const char     *name,
                      const char     *name_en)
{
  return rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, key, name, name_en, NULL);
}

/* A place of @x, with its kind ("city", "country"...) and coordinates; returns its index. */
static inline int
rasd_test_add_place (RasdExtraction *x,
                     const char     *key,
                     const char     *name,
                     const char     *name_en,
                     const char     *country,
                     const char     *place_kind,
                     double          lat,
                     double          lon)
{
  int index = rasd_extraction_add_entity (x, RASD_ENTITY_PLACE, key, name, name_en, country);
  RasdEntity *entity = rasd_extraction_get_entity (x, index);

  entity->place_kind = place_kind;
  entity->lat = lat;
  entity->lon = lon;
  return index;
}

/* A database at @path made at schema @version, with @sql run in it, closed again (the next
 * rasd_store_open() migrates it). */
static inline void
rasd_test_make_old_store (const char *path,
                          int         version,
                          const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) old = rasd_store_open_at_version (path, version, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rasd_store_get_db (old), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Takes @store's database, of today's schema, back to schema 10's (a row per mention), as an
 * older Rasd left it: opening it again upgrades it.  @store is for closing only, after. */
static inline void
rasd_test_downgrade_to_10 (RasdStore *store)
{
  static const char sql[] =
    "CREATE TABLE old_mentions ("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
    "  entity_id INTEGER REFERENCES entities (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('person', 'place', 'organisation', 'date')),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, value TEXT, CHECK (start <= end));"
    "INSERT INTO old_mentions (article_id, entity_id, kind, start, end, value)"
    "  SELECT * FROM mentions;"
    "DROP VIEW mentions;"
    "DROP TABLE entity_articles;"
    "DROP TABLE article_mentions;"
    "ALTER TABLE old_mentions RENAME TO mentions;"
    "CREATE INDEX mentions_article ON mentions (article_id, start);"
    "CREATE INDEX mentions_entity ON mentions (entity_id);"
    "PRAGMA user_version = 10;";
  char *message = NULL;

  if (sqlite3_exec (rasd_store_get_db (store), sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Taking %s back to schema 10: %s", rasd_store_get_path (store), message);
}
