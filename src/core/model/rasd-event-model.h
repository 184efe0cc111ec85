#pragma once

#include <gio/gio.h>

#include "rasd-event-item.h"
#include "rasd-filter.h"
#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_EVENT_MODEL (rasd_event_model_get_type ())

G_DECLARE_FINAL_TYPE (RasdEventModel, rasd_event_model, RASD, EVENT_MODEL, GObject)

/* The events that match a RasdFilter, as a GListModel of RasdEventItem in the order of a sort
 * key, and the facets of those events (people, places, kinds: GListModels of RasdFacetItem with
 * their counts; places carry their coordinates for the map).
 *
 * It reloads by itself when the filter changes.  A query runs in a worker thread on its own
 * connection to the store's database and keeps only the events' marks (RasdEventMark: id, days,
 * kind, place; a million take 32 MB), sorted by the store; items are made when asked for, a
 * page of them at a time, read on the calling thread (a page is a few milliseconds) and kept in
 * a bounded cache.  A result that a newer change has made stale is dropped.  (A ":memory:"
 * store has no second connection: the query then runs at once, in the caller's thread.)
 *
 * The timeline's marks are those of the events matching every part of the filter but the date
 * range (so a brushed range shows among the rest), by the centre of their days; they are kept
 * while only the date range changes.
 *
 * A load comes in two steps: the events, their marks, places and kinds ("loading" goes FALSE,
 * "listed" is emitted), then the people, who take longer to count on a large database
 * ("counting" goes FALSE, "loaded" is emitted).  "loaded" is also emitted when the query failed
 * (rasd_event_model_get_error() then says why and the lists are empty). */
RasdEventModel *rasd_event_model_new        (RasdStore      *store,
                                             RasdFilter     *filter);

RasdFilter     *rasd_event_model_get_filter (RasdEventModel *self);
/* Queries again (after an import, say). */
void            rasd_event_model_reload     (RasdEventModel *self);
gboolean        rasd_event_model_is_loading (RasdEventModel *self);
/* TRUE while the people of the events listed are still being counted. */
gboolean        rasd_event_model_is_counting (RasdEventModel *self);
/* How many queries a newer one (the filter changed again) stopped before they ended; for tests
 * and diagnostics. */
guint           rasd_event_model_get_n_cancelled (RasdEventModel *self);
const GError   *rasd_event_model_get_error  (RasdEventModel *self);

/* The order of the events (the store sorts them; see rasd_store_list_event_marks()); reloads
 * when it changes.  By date, ascending, at first. */
void            rasd_event_model_set_sort   (RasdEventModel *self,
                                             RasdEventSort   sort,
                                             gboolean        descending);
RasdEventSort   rasd_event_model_get_sort   (RasdEventModel *self,
                                             gboolean       *descending);

GListModel     *rasd_event_model_get_people (RasdEventModel *self);
GListModel     *rasd_event_model_get_places (RasdEventModel *self);
GListModel     *rasd_event_model_get_kinds  (RasdEventModel *self);

/* The marks of the events listed, in list order (RasdEventMark; read-only, replaced, not
 * changed, by a reload: take a reference to keep it). */
GArray         *rasd_event_model_get_marks  (RasdEventModel *self);
/* The timeline's marks (see above), by centre day then id.  The same array until they change. */
GArray         *rasd_event_model_get_timeline_marks (RasdEventModel *self);

/* The position of the event @id, or G_MAXUINT (a pass over the marks, no items made). */
guint           rasd_event_model_find       (RasdEventModel *self,
                                             gint64          id);
/* The event @id as an item, listed or not (the timeline shows events outside the date range):
 * from the cache, else read from the store.  NULL when there is no such event. */
RasdEventItem  *rasd_event_model_lookup     (RasdEventModel *self,
                                             gint64          id);

/* The dates (ISO, of their precision) of the first and last dated events in date order; FALSE
 * when none is dated. */
gboolean        rasd_event_model_get_date_span (RasdEventModel *self,
                                                const char    **first,
                                                const char    **last);

G_END_DECLS
