#pragma once

#include <gio/gio.h>

#include "rasd-filter.h"
#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_EVENT_MODEL (rasd_event_model_get_type ())

G_DECLARE_FINAL_TYPE (RasdEventModel, rasd_event_model, RASD, EVENT_MODEL, GObject)

/* The events that match a RasdFilter, as a GListModel of RasdEventItem, and the facets of those
 * events (people, places, kinds: GListModels of RasdFacetItem with their counts).
 *
 * It reloads by itself when the filter changes.  The query runs in a worker thread on its own
 * connection to the store's database, so a large database does not freeze the window; a result
 * that a newer change has made stale is dropped.  (A ":memory:" store has no second connection:
 * the query then runs at once, in the caller's thread.)
 *
 * "loading" is TRUE while a query runs; "loaded" is emitted after each result is applied, also
 * when it failed (rasd_event_model_get_error() then says why and the lists are empty). */
RasdEventModel *rasd_event_model_new        (RasdStore      *store,
                                             RasdFilter     *filter);

RasdFilter     *rasd_event_model_get_filter (RasdEventModel *self);
/* Queries again (after an import, say). */
void            rasd_event_model_reload     (RasdEventModel *self);
gboolean        rasd_event_model_is_loading (RasdEventModel *self);
const GError   *rasd_event_model_get_error  (RasdEventModel *self);

GListModel     *rasd_event_model_get_people (RasdEventModel *self);
GListModel     *rasd_event_model_get_places (RasdEventModel *self);
GListModel     *rasd_event_model_get_kinds  (RasdEventModel *self);

/* The position of the event @id, or G_MAXUINT. */
guint           rasd_event_model_find       (RasdEventModel *self,
                                             gint64          id);

G_END_DECLS
