#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RASD_TYPE_FACET_ITEM (rasd_facet_item_get_type ())

G_DECLARE_FINAL_TYPE (RasdFacetItem, rasd_facet_item, RASD, FACET_ITEM, GObject)

/* One row of a facet list: a person, a place or a kind of event, with the number of events
 * under the current filter.  Immutable.
 *
 * Properties: "key" (entity key or event kind), "label" (what the row shows), "search-text"
 * (the label and the English name, for the list's search field), "count". */
RasdFacetItem *rasd_facet_item_new             (const char    *key,
                                                const char    *label,
                                                const char    *name_en,
                                                guint          count);

const char    *rasd_facet_item_get_key         (RasdFacetItem *self);
const char    *rasd_facet_item_get_label       (RasdFacetItem *self);
const char    *rasd_facet_item_get_search_text (RasdFacetItem *self);
guint          rasd_facet_item_get_count       (RasdFacetItem *self);

/* A place with its coordinates (what the map draws). */
RasdFacetItem *rasd_facet_item_new_place       (const char    *key,
                                                const char    *label,
                                                const char    *name_en,
                                                guint          count,
                                                double         lat,
                                                double         lon);
/* FALSE, leaving both untouched, when the item has no coordinates. */
gboolean       rasd_facet_item_get_location    (RasdFacetItem *self,
                                                double        *lat,
                                                double        *lon);

G_END_DECLS
