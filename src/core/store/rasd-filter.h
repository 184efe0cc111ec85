#pragma once

#include <glib-object.h>

#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_FILTER (rasd_filter_get_type ())

G_DECLARE_FINAL_TYPE (RasdFilter, rasd_filter, RASD, FILTER, GObject)

/* The one filter every view of the window shares: the facets, the map, the timeline, the event
 * list, the reader and the search field set it; all of them follow its "changed" signal.  Every
 * part is optional (NULL: any) and parts combine with AND.
 *
 * person, place: an entity key ("person:putin", "city:524901") with the label shown on its chip;
 * kind: an event kind; from, to: ISO dates of any precision (the timeline's brush);
 * text: words to find in the articles (full-text search).
 *
 * "changed" is emitted once per change; rasd_filter_freeze()/thaw() make several changes one. */
RasdFilter *rasd_filter_new          (void);

const char *rasd_filter_get_person   (RasdFilter  *self);
const char *rasd_filter_get_person_label (RasdFilter *self);
void        rasd_filter_set_person   (RasdFilter  *self,
                                      const char  *key,
                                      const char  *label);
const char *rasd_filter_get_place    (RasdFilter  *self);
const char *rasd_filter_get_place_label (RasdFilter *self);
void        rasd_filter_set_place    (RasdFilter  *self,
                                      const char  *key,
                                      const char  *label);
const char *rasd_filter_get_kind     (RasdFilter  *self);
void        rasd_filter_set_kind     (RasdFilter  *self,
                                      const char  *kind);
const char *rasd_filter_get_from     (RasdFilter  *self);
const char *rasd_filter_get_to       (RasdFilter  *self);
void        rasd_filter_set_range    (RasdFilter  *self,
                                      const char  *from,
                                      const char  *to);
const char *rasd_filter_get_text     (RasdFilter  *self);
void        rasd_filter_set_text     (RasdFilter  *self,
                                      const char  *text);
/* The review queue: only the events the user has not marked reviewed. */
gboolean    rasd_filter_get_unreviewed (RasdFilter *self);
void        rasd_filter_set_unreviewed (RasdFilter *self,
                                        gboolean    unreviewed);

/* TRUE when nothing is filtered. */
gboolean    rasd_filter_is_empty     (RasdFilter  *self);
/* Clears every part: one "changed". */
void        rasd_filter_clear        (RasdFilter  *self);

void        rasd_filter_freeze       (RasdFilter  *self);
void        rasd_filter_thaw         (RasdFilter  *self);

/* The store's filter for the same parts; its strings belong to @self and live until
 * the next change. */
void        rasd_filter_to_event_filter (RasdFilter      *self,
                                         RasdEventFilter *out);

G_END_DECLS
