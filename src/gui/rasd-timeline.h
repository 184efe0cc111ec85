#pragma once

#include <gtk/gtk.h>

#include "rasd-event-item.h"
#include "rasd-event-model.h"

G_BEGIN_DECLS

#define RASD_TYPE_TIMELINE (rasd_timeline_get_type ())

G_DECLARE_FINAL_TYPE (RasdTimeline, rasd_timeline, RASD, TIMELINE, GtkWidget)

/* A time axis with the events of a GListModel of RasdEventItem drawn on it.
 *
 * Days are GLib Julian days as doubles: day d covers [d, d + 1).  An event covers the days of
 * rasd_event_item_get_days() (a month-precision event covers its month); events of unknown date
 * are not drawn.  Where events lie closer than a few pixels they are drawn as one bin with a
 * count; zooming in splits bins into marks.
 *
 * Mouse and touch:
 *   scroll wheel, pinch     zoom around the pointer (from a century down to days)
 *   drag                    pan
 *   drag on the axis strip  (the band with the dates at the bottom) or Shift+drag anywhere:
 *                           brush a range of days; "range-selected" is emitted when the drag ends
 *   click on a mark or bin  select that event (a bin: the one nearest the pointer); emits
 *                           "event-activated"
 *   click elsewhere         outside the brush: clears the brush
 * Keyboard (the widget is focusable), through the widget's actions:
 *   Left, Right             "timeline.move" (i: -1, 1): previous/next event in visual order
 *                           (mirrored in right-to-left); emits "event-activated"
 *   plus, minus             "timeline.zoom" (d: factor): around the selection or the centre
 *   Home                    "timeline.fit": fit all events
 *   Escape                  "timeline.clear-brush", disabled without a brush (Escape goes on)
 *
 * Accessibility: role GROUP labelled "Timeline"; the selected event is its accessible
 * description ("Visit, Putin، Assad, Sochi, 21 November 2017").  Colours: the style's foreground
 * and @accent_color, and @rasd_timeline_KIND per kind of event (style.css).
 *
 * In a right-to-left UI time runs from right to left.
 *
 * Property "selected" (RasdEventItem, notified whenever it changes, also when the selected
 * event leaves the model).
 *
 * Signals:
 *   "event-activated" (RasdEventItem *item): the user selected an event.
 *   "range-selected" (const char *from, const char *to): the brush as ISO "YYYY-MM-DD" days,
 *     first and last inclusive; both NULL when the brush is cleared. */
GtkWidget     *rasd_timeline_new               (void);

/* For small models (tests): follows items-changed; fits the visible range to the events (again on later changes too, as
 * long as the user has not zoomed or panned since). */
void           rasd_timeline_set_model         (RasdTimeline  *self,
                                                GListModel    *events);
GListModel    *rasd_timeline_get_model         (RasdTimeline  *self);

/* Instead of a model of items: the timeline marks of @model (rasd_event_model_get_timeline_marks:
 * the events matching every filter but the date range, a few bytes each, so a million draw
 * without a million items), followed through "listed"; the item of an event is looked up
 * (rasd_event_model_lookup) only when it is hovered, selected or announced.  The view is kept
 * when a load leaves the marks as they were (the brush changed).  Unsets the model. */
void           rasd_timeline_set_event_model   (RasdTimeline   *self,
                                                RasdEventModel *model);
RasdEventModel *rasd_timeline_get_event_model  (RasdTimeline   *self);

/* NULL clears.  Scrolls the event into view; emits no "event-activated" (only notify::selected).
 * The item must be one of the model's (the same object) to be drawn. */
void           rasd_timeline_set_selected      (RasdTimeline  *self,
                                                RasdEventItem *item);
RasdEventItem *rasd_timeline_get_selected      (RasdTimeline  *self);

void           rasd_timeline_get_visible_range (RasdTimeline  *self,
                                                double        *first_day,
                                                double        *last_day);
void           rasd_timeline_set_visible_range (RasdTimeline  *self,
                                                double         first_day,
                                                double         last_day);
void           rasd_timeline_zoom_to_fit       (RasdTimeline  *self);
/* Zooms by @factor (> 1 zooms in) keeping the day under @x in place: what scrolling does. */
void           rasd_timeline_zoom_at           (RasdTimeline  *self,
                                                double         x,
                                                double         factor);

/* Julian days, inclusive; 0, 0 clears.  Emits "range-selected" when the brush changes. */
void           rasd_timeline_set_brush         (RasdTimeline  *self,
                                                guint32        first_day,
                                                guint32        last_day);
gboolean       rasd_timeline_get_brush         (RasdTimeline  *self,
                                                guint32       *first_day,
                                                guint32       *last_day);

/* Colours marks by the kind of event (the default) or draws them all in one colour. */
void           rasd_timeline_set_color_by_kind (RasdTimeline  *self,
                                                gboolean       color_by_kind);

/* What a click at (@x, @y) does (the click gesture calls it): selects the event there and emits
 * "event-activated", or clears the brush when the click is outside it.  TRUE if an event was hit. */
gboolean       rasd_timeline_activate_at       (RasdTimeline  *self,
                                                double         x,
                                                double         y);
/* What the end of a brushing drag from @x_start to @x_end does. */
void           rasd_timeline_brush_between     (RasdTimeline  *self,
                                                double         x_start,
                                                double         x_end);

/* The tooltip of the mark or bin at (@x, @y): "Visit\nPutin، Assad\nSochi\n21 November 2017",
 * or for a bin "12 events\n1 March 2015 – 30 April 2015" (and the events when a few); NULL
 * when there is none there. */
char          *rasd_timeline_get_tooltip_text_at (RasdTimeline *self,
                                                  double        x,
                                                  double        y);

/* For tests and the benchmark. */
double         rasd_timeline_day_to_x          (RasdTimeline  *self,
                                                double         day);
double         rasd_timeline_x_to_day          (RasdTimeline  *self,
                                                double         x);
/* Marks plus bins currently laid out (lays out if needed). */
guint          rasd_timeline_get_n_marks       (RasdTimeline  *self);
/* Of the marks laid out, how many are bins of more than one event. */
guint          rasd_timeline_get_n_bins        (RasdTimeline  *self);

G_END_DECLS
