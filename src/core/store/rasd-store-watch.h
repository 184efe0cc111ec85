#pragma once

#include <glib-object.h>

#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_STORE_WATCH (rasd_store_watch_get_type ())

G_DECLARE_FINAL_TYPE (RasdStoreWatch, rasd_store_watch, RASD, STORE_WATCH, GObject)

/* Notices commits to a store's database made through other connections: another Rasd, a
 * `rasd-cli import` in a terminal, this process's own importer.  It reads PRAGMA data_version
 * on the store's connection every @interval_ms on the thread-default main context (a read of
 * the shared WAL index, no disk access), and emits ::changed when it moved since the last
 * look or rasd_store_watch_sync(). */
RasdStoreWatch *rasd_store_watch_new  (RasdStore      *store,
                                       guint           interval_ms);

/* Takes the database as it is now as seen (after a reload), so that ::changed is not emitted
 * for commits the caller already shows. */
void            rasd_store_watch_sync (RasdStoreWatch *self);

G_END_DECLS
