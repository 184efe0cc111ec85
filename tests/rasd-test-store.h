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
