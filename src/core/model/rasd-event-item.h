#pragma once

#include <glib-object.h>

#include "rasd-event-kind.h"
#include "rasd-store-types.h"

G_BEGIN_DECLS

#define RASD_TYPE_EVENT_ITEM (rasd_event_item_get_type ())

G_DECLARE_FINAL_TYPE (RasdEventItem, rasd_event_item, RASD, EVENT_ITEM, GObject)

/* One stored event as an item of a GListModel: what the event list, the map and the timeline
 * show.  Immutable; owns the RasdStoredEvent it wraps.
 *
 * Properties (for GtkExpression bindings): "id", "kind" ("meeting"...), "kind-label" (the kind in
 * the UI language), "date" (ISO, of its precision; NULL when unknown), "participants" (names joined
 * with "، "), "place" (name; NULL when unknown), "n-sources". */
RasdEventItem         *rasd_event_item_new          (RasdStoredEvent *event);

const RasdStoredEvent *rasd_event_item_get_event    (RasdEventItem   *self);
gint64                 rasd_event_item_get_id       (RasdEventItem   *self);
const char            *rasd_event_item_get_kind     (RasdEventItem   *self);
const char            *rasd_event_item_get_date     (RasdEventItem   *self);
const char            *rasd_event_item_get_participants (RasdEventItem *self);
const char            *rasd_event_item_get_place    (RasdEventItem   *self);
guint                  rasd_event_item_get_n_sources (RasdEventItem  *self);

/* The days the event may have happened on, as GLib Julian days (g_date_get_julian), first and
 * last inclusive: one day for a day-precision date, the whole month or year otherwise.  FALSE,
 * leaving both untouched, when the date is unknown. */
gboolean               rasd_event_item_get_days     (RasdEventItem   *self,
                                                     guint32         *first,
                                                     guint32         *last);

/* Julian days of an ISO date of any precision ("2015", "2015-07", "2015-07-21"): the first and
 * last day it covers.  FALSE for anything else. */
gboolean               rasd_iso_date_to_days        (const char      *iso,
                                                     guint32         *first,
                                                     guint32         *last);

/* The ISO date ("2015", "2015-07", "2015-07-21") whose days are @first..@last (Julian days):
 * the inverse of rasd_iso_date_to_days(); NULL when they are no day, month or year. */
char                  *rasd_iso_date_from_days      (guint32          first,
                                                     guint32          last);

/* An item for the event of @mark when the store no longer has it (a re-extraction replaced it
 * while it was listed): its kind and date, nobody, nowhere. */
RasdEventItem         *rasd_event_item_new_from_mark (const RasdEventMark *mark);

G_END_DECLS
