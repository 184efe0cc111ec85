#define G_LOG_DOMAIN "rasd-timeline"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rasd-timeline.h"
#include "rasd-format.h"

/* Layout is computed in ensure_layout() and kept until the size, the model, the visible range,
 * the direction or the style changes; snapshot() only draws what it finds there. */

#define CELL_PX       8.0     /* events closer than this share a bin */
#define MARK_MIN_PX   3.0
#define MIN_SPAN      5.0     /* days */
#define MAX_SPAN      (150 * 365.25)
#define MIN_DAY       1.0
#define MAX_DAY       3652059.0 /* 31 December 9999 */
#define CLICK_SLOP    4.0
#define HIT_SLOP      3.0
#define N_KINDS       6

static const char * const kind_names[N_KINDS] = {
  "meeting", "visit", "talks", "reception", "call", "summit",
};

/* Used when the style sheet does not define @rasd_timeline_KIND: mid tones of GNOME's palette,
 * readable on light and dark backgrounds. */
static const char * const kind_fallbacks[N_KINDS] = {
  "#3584e4", "#26a269", "#c061cb", "#e66100", "#986a44", "#e01b24",
};

typedef struct
{
  double         center;  /* day */
  guint32        first;
  guint32        last;
  guint8         kind;    /* index into kind_names; N_KINDS: other */
  gint64         id;      /* ties broken by id, so the order is stable */
  RasdEventItem *item;    /* owned; NULL for marks of an event model (read when needed) */
} TlEvent;

typedef struct
{
  float        x0, x1;  /* drawn extent, x0 <= x1 */
  float        xc;
  float        height;
  guint        first;   /* index into events */
  guint        n;
  guint8       kind;    /* N_KINDS when mixed */
  PangoLayout *count;   /* borrowed from the label cache; NULL when not drawn */
} TlMark;

typedef struct
{
  float        x;
  gboolean     major;
  PangoLayout *label;   /* borrowed from the label cache; NULL when not drawn */
  float        label_x;
} TlTick;

typedef enum {
  UNIT_DAY,
  UNIT_MONTH,
  UNIT_YEAR,
} TlUnit;

typedef struct
{
  TlUnit unit;
  guint  step;
  double days;        /* approximate length of a step */
  TlUnit minor_unit;
  guint  minor_step;  /* 0: no minor ticks */
} TlLevel;

static const TlLevel levels[] = {
  { UNIT_DAY, 1, 1, UNIT_DAY, 0 },
  { UNIT_DAY, 2, 2, UNIT_DAY, 1 },
  { UNIT_DAY, 7, 7, UNIT_DAY, 1 },
  { UNIT_DAY, 14, 14, UNIT_DAY, 1 },
  { UNIT_MONTH, 1, 30.44, UNIT_DAY, 1 },
  { UNIT_MONTH, 3, 91.3, UNIT_MONTH, 1 },
  { UNIT_MONTH, 6, 182.6, UNIT_MONTH, 1 },
  { UNIT_YEAR, 1, 365.25, UNIT_MONTH, 1 },
  { UNIT_YEAR, 2, 730.5, UNIT_YEAR, 1 },
  { UNIT_YEAR, 5, 1826.25, UNIT_YEAR, 1 },
  { UNIT_YEAR, 10, 3652.5, UNIT_YEAR, 1 },
  { UNIT_YEAR, 20, 7305, UNIT_YEAR, 5 },
  { UNIT_YEAR, 50, 18262.5, UNIT_YEAR, 10 },
  { UNIT_YEAR, 100, 36525, UNIT_YEAR, 10 },
};

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_BRUSH,
} TlDragMode;

struct _RasdTimeline
{
  GtkWidget      parent_instance;

  GListModel    *model;
  RasdEventModel *event_model;
  GArray        *event_marks;  /* the event model's timeline marks the events were made from */
  GArray        *events;       /* TlEvent, by centre */
  RasdEventItem *selected;
  guint          selected_pos; /* in events; G_MAXUINT: none or not drawn */
  gboolean       color_by_kind;

  double         first_day;    /* visible range */
  double         last_day;
  gboolean       user_moved;   /* zoomed or panned since the last fit */

  guint32        brush_first;  /* 0: no brush */
  guint32        brush_last;

  /* Interaction */
  TlDragMode     drag_mode;
  double         drag_x;
  double         drag_y;
  double         drag_first_day;
  double         drag_last_day;
  double         brush_preview_a; /* days, while brushing */
  double         brush_preview_b;
  double         pinch_day;
  double         pinch_span;
  double         pointer_x;

  /* Cached layout */
  gboolean       layout_valid;
  int            layout_width;
  int            layout_height;
  GArray        *ticks;        /* TlTick */
  GArray        *marks;        /* TlMark, by time */
  float          axis_top;
  float          band_top;
  float          band_bottom;
  int            label_height;
  GHashTable    *labels;       /* text → PangoLayout */

  gboolean       colors_valid;
  GdkRGBA        fg;
  GdkRGBA        accent;
  GdkRGBA        kind_colors[N_KINDS];
};

G_DEFINE_FINAL_TYPE (RasdTimeline, rasd_timeline, GTK_TYPE_WIDGET)

enum {
  SIGNAL_EVENT_ACTIVATED,
  SIGNAL_RANGE_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tl_event_clear (gpointer data)
{
  TlEvent *event = data;

  g_clear_object (&event->item);
}

static void
invalidate_layout (RasdTimeline *self)
{
  self->layout_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
is_rtl (RasdTimeline *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

double
rasd_timeline_day_to_x (RasdTimeline *self,
                        double        day)
{
  double width;
  double frac;

  g_return_val_if_fail (RASD_IS_TIMELINE (self), 0);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  frac = (day - self->first_day) / (self->last_day - self->first_day);
  return is_rtl (self) ? width * (1 - frac) : width * frac;
}

double
rasd_timeline_x_to_day (RasdTimeline *self,
                        double        x)
{
  double width;
  double frac;

  g_return_val_if_fail (RASD_IS_TIMELINE (self), 0);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width <= 0)
    return self->first_day;
  frac = x / width;
  if (is_rtl (self))
    frac = 1 - frac;
  return self->first_day + frac * (self->last_day - self->first_day);
}

/* Dates */

static GDateTime *
date_time_for_day (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, CLAMP (julian, 1, (guint32) MAX_DAY));
  return g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 0, 0, 0);
}

static char *
format_day (guint32     julian,
            const char *format)
{
  g_autoptr(GDateTime) dt = date_time_for_day (julian);
  g_autofree char *text = g_date_time_format (dt, format);

  /* in the locale's digits (٢٠١٧ under Arabic) */
  return rasd_format_digits (text);
}

static char *
iso_for_day (guint32 julian)
{
  return format_day (julian, "%Y-%m-%d");
}

/* "21 November 2017", "November 2017" or "2017", as precise as the event's date. */
static char *
format_event_date (RasdEventItem *item)
{
  const char *iso = rasd_event_item_get_date (item);
  guint32 first, last;

  if (!rasd_event_item_get_days (item, &first, &last))
    return g_strdup (_("Unknown date"));
  if (iso != NULL && strlen (iso) == 4)
    return format_day (first, "%Y");
  if (iso != NULL && strlen (iso) == 7)
    /* TRANSLATORS: a month and year, for g_date_time_format */
    return format_day (first, _("%B %Y"));
  /* TRANSLATORS: a full date, for g_date_time_format */
  return format_day (first, _("%-d %B %Y"));
}

/* "Visit, Putin، Assad, Sochi, 21 November 2017": what the selection announces. */
static char *
describe_event (RasdEventItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *participants = rasd_event_item_get_participants (item);
  const char *place = rasd_event_item_get_place (item);

  g_ptr_array_add (parts, g_strdup (rasd_event_kind_label (rasd_event_item_get_kind (item))));
  if (participants != NULL && *participants != '\0')
    g_ptr_array_add (parts, g_strdup (participants));
  if (place != NULL && *place != '\0')
    g_ptr_array_add (parts, g_strdup (place));
  g_ptr_array_add (parts, format_event_date (item));
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: separates the parts of an event's description */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/* The item of the event at @pos: a new reference; NULL when the event is gone. */
static RasdEventItem *
event_item (RasdTimeline *self,
            guint         pos)
{
  const TlEvent *event = &g_array_index (self->events, TlEvent, pos);

  if (event->item != NULL)
    return g_object_ref (event->item);
  if (self->selected != NULL && rasd_event_item_get_id (self->selected) == event->id)
    return g_object_ref (self->selected);
  if (self->event_model != NULL)
    return rasd_event_model_lookup (self->event_model, event->id);
  return NULL;
}

/* Model */

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const TlEvent *ea = a;
  const TlEvent *eb = b;

  if (ea->center != eb->center)
    return ea->center < eb->center ? -1 : 1;
  return (ea->id > eb->id) - (ea->id < eb->id);
}

static guint8
kind_index (const char *kind)
{
  for (guint8 i = 0; kind != NULL && i < N_KINDS; i++)
    if (g_str_equal (kind, kind_names[i]))
      return i;
  return N_KINDS;
}

static void
update_selected_pos (RasdTimeline *self)
{
  self->selected_pos = G_MAXUINT;
  if (self->selected == NULL)
    return;
  for (guint i = 0; i < self->events->len; i++)
    if (g_array_index (self->events, TlEvent, i).id == rasd_event_item_get_id (self->selected))
      {
        self->selected_pos = i;
        return;
      }
}

static void
rebuild_events (RasdTimeline *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_array_set_size (self->events, 0);
  if (self->event_marks != NULL)
    {
      /* Compact marks: no item is made until one is hovered or selected. */
      g_array_set_size (self->events, self->event_marks->len);
      for (guint i = 0; i < self->event_marks->len; i++)
        {
          const RasdEventMark *mark = &g_array_index (self->event_marks, RasdEventMark, i);
          TlEvent *event = &g_array_index (self->events, TlEvent, i);

          event->first = mark->first_day;
          event->last = mark->last_day;
          event->center = (event->first + (double) event->last + 1) / 2;
          event->kind = mark->kind < N_KINDS ? mark->kind : N_KINDS;
          event->id = mark->id;
          event->item = NULL;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (self->model, i);
      TlEvent event;

      if (item == NULL || !rasd_event_item_get_days (item, &event.first, &event.last))
        continue;
      event.center = (event.first + (double) event.last + 1) / 2;
      event.kind = kind_index (rasd_event_item_get_kind (item));
      event.id = rasd_event_item_get_id (item);
      event.item = g_steal_pointer (&item);
      g_array_append_val (self->events, event);
    }
  /* Models often come sorted by date already: then a check is all it takes. */
  for (guint i = 1; i < self->events->len; i++)
    if (compare_events (&g_array_index (self->events, TlEvent, i - 1),
                        &g_array_index (self->events, TlEvent, i)) > 0)
      {
        g_array_sort (self->events, compare_events);
        break;
      }
  update_selected_pos (self);
}

static void
update_accessible_selection (RasdTimeline *self)
{
  if (self->selected != NULL)
    {
      g_autofree char *description = describe_event (self->selected);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
on_items_changed (RasdTimeline *self,
                  guint         position,
                  guint         removed,
                  guint         added,
                  GListModel   *model)
{
  rebuild_events (self);
  if (self->selected != NULL && self->selected_pos == G_MAXUINT)
    {
      /* The selected event left the model. */
      g_clear_object (&self->selected);
      update_accessible_selection (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  if (!self->user_moved)
    rasd_timeline_zoom_to_fit (self);
  invalidate_layout (self);
}

/* Visible range */

static void
set_range (RasdTimeline *self,
           double        first_day,
           double        last_day)
{
  double span = CLAMP (last_day - first_day, MIN_SPAN, MAX_SPAN);
  double center = (first_day + last_day) / 2;

  if (!isfinite (center))
    return;
  first_day = center - span / 2;
  last_day = center + span / 2;
  if (first_day < MIN_DAY)
    {
      first_day = MIN_DAY;
      last_day = MIN_DAY + span;
    }
  if (last_day > MAX_DAY)
    {
      last_day = MAX_DAY;
      first_day = MAX_DAY - span;
    }
  if (first_day == self->first_day && last_day == self->last_day)
    return;
  self->first_day = first_day;
  self->last_day = last_day;
  invalidate_layout (self);
}

void
rasd_timeline_get_visible_range (RasdTimeline *self,
                                 double       *first_day,
                                 double       *last_day)
{
  g_return_if_fail (RASD_IS_TIMELINE (self));

  if (first_day != NULL)
    *first_day = self->first_day;
  if (last_day != NULL)
    *last_day = self->last_day;
}

void
rasd_timeline_set_visible_range (RasdTimeline *self,
                                 double        first_day,
                                 double        last_day)
{
  g_return_if_fail (RASD_IS_TIMELINE (self));
  g_return_if_fail (last_day > first_day);

  self->user_moved = TRUE;
  set_range (self, first_day, last_day);
}

void
rasd_timeline_zoom_to_fit (RasdTimeline *self)
{
  double lo, hi, pad;

  g_return_if_fail (RASD_IS_TIMELINE (self));

  if (self->events->len == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      hi = g_date_get_julian (&today) + 31;
      lo = hi - 396;
    }
  else
    {
      lo = G_MAXDOUBLE;
      hi = 0;
      for (guint i = 0; i < self->events->len; i++)
        {
          const TlEvent *event = &g_array_index (self->events, TlEvent, i);

          lo = MIN (lo, event->first);
          hi = MAX (hi, event->last + 1.0);
        }
      if (hi - lo < 30)
        {
          double center = (lo + hi) / 2;

          lo = center - 15;
          hi = center + 15;
        }
      pad = (hi - lo) * 0.03;
      lo -= pad;
      hi += pad;
    }
  self->user_moved = FALSE;
  set_range (self, lo, hi);
}

void
rasd_timeline_zoom_at (RasdTimeline *self,
                       double        x,
                       double        factor)
{
  double day, span, new_span, frac;

  g_return_if_fail (RASD_IS_TIMELINE (self));
  g_return_if_fail (factor > 0);

  span = self->last_day - self->first_day;
  new_span = CLAMP (span / factor, MIN_SPAN, MAX_SPAN);
  day = rasd_timeline_x_to_day (self, x);
  frac = (day - self->first_day) / span;
  self->user_moved = TRUE;
  set_range (self, day - frac * new_span, day - frac * new_span + new_span);
}

static void
scroll_into_view (RasdTimeline *self,
                  guint         pos)
{
  const TlEvent *event = &g_array_index (self->events, TlEvent, pos);
  double span = self->last_day - self->first_day;
  double margin = span * 0.03;

  if (event->center < self->first_day + margin || event->center > self->last_day - margin)
    set_range (self, event->center - span / 2, event->center + span / 2);
}

/* Layout */

static PangoLayout *
get_label (RasdTimeline *self,
           const char   *text)
{
  PangoLayout *layout = g_hash_table_lookup (self->labels, text);

  if (layout == NULL)
    {
      if (g_hash_table_size (self->labels) > 2000)
        g_hash_table_remove_all (self->labels);
      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
      g_hash_table_insert (self->labels, g_strdup (text), layout);
    }
  return layout;
}

static int
label_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static guint32
julian_dmy (guint day,
            guint month,
            guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

/* The first tick of @unit/@step at or after @day, as a Julian day. */
static guint32
first_tick (TlUnit unit,
            guint  step,
            double day)
{
  guint32 jd = (guint32) MAX (1, ceil (day));
  GDate date;
  guint year, month;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, MIN (jd, (guint32) MAX_DAY));
  year = g_date_get_year (&date);
  month = g_date_get_month (&date);

  switch (unit)
    {
    case UNIT_DAY:
      while ((jd - 1) % step != 0)
        jd++;
      return jd;
    case UNIT_MONTH:
      if (g_date_get_day (&date) != 1 && ++month > 12)
        {
          month = 1;
          year++;
        }
      while ((month - 1) % step != 0)
        if (++month > 12)
          {
            month = 1;
            year++;
          }
      return year <= 9999 ? julian_dmy (1, month, year) : G_MAXUINT32;
    case UNIT_YEAR:
    default:
      if (g_date_get_day (&date) != 1 || month != 1)
        year++;
      while (year % step != 0)
        year++;
      return year <= 9999 ? julian_dmy (1, 1, year) : G_MAXUINT32;
    }
}

static guint32
next_tick (TlUnit  unit,
           guint   step,
           guint32 jd)
{
  GDate date;

  if (unit == UNIT_DAY)
    return jd + step;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, jd);
  if (unit == UNIT_MONTH)
    {
      if (g_date_get_year (&date) >= 9999 && g_date_get_month (&date) + step > 12)
        return G_MAXUINT32;
      g_date_add_months (&date, step);
    }
  else
    {
      if (g_date_get_year (&date) + step > 9999)
        return G_MAXUINT32;
      g_date_add_years (&date, step);
    }
  return g_date_get_julian (&date);
}

static char *
tick_label (TlUnit   unit,
            guint32  jd,
            gboolean first)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, jd);
  switch (unit)
    {
    case UNIT_DAY:
      if (first || (g_date_get_day (&date) == 1 && g_date_get_month (&date) == 1))
        /* TRANSLATORS: a day on the timeline's axis with its year, for g_date_time_format */
        return format_day (jd, C_("timeline", "%-d %b %Y"));
      /* TRANSLATORS: a day on the timeline's axis, for g_date_time_format */
      return format_day (jd, C_("timeline", "%-d %b"));
    case UNIT_MONTH:
      if (first || g_date_get_month (&date) == 1)
        /* TRANSLATORS: a month on the timeline's axis with its year, for g_date_time_format */
        return format_day (jd, C_("timeline", "%b %Y"));
      /* TRANSLATORS: a month on the timeline's axis, for g_date_time_format */
      return format_day (jd, C_("timeline", "%b"));
    case UNIT_YEAR:
    default:
      return format_day (jd, "%Y");
    }
}

static void
layout_ticks (RasdTimeline *self,
              double        width)
{
  double ppd = width / (self->last_day - self->first_day);
  gboolean rtl = is_rtl (self);
  const TlLevel *level = &levels[G_N_ELEMENTS (levels) - 1];
  double last_extent = rtl ? G_MAXDOUBLE : -G_MAXDOUBLE;
  gboolean first = TRUE;

  /* The finest level whose labels fit, measured on a wide label of its kind. */
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *sample = tick_label (levels[i].unit, julian_dmy (28, 9, 2000),
                                            levels[i].unit != UNIT_YEAR);
      double needed = label_width (get_label (self, sample)) + 16;

      if (levels[i].days * ppd >= needed)
        {
          level = &levels[i];
          break;
        }
    }

  if (level->minor_step > 0)
    {
      double minor_days = level->minor_unit == UNIT_DAY ? level->minor_step
                        : level->minor_unit == UNIT_MONTH ? 30.44 * level->minor_step
                        : 365.25 * level->minor_step;

      if (minor_days * ppd >= 5)
        for (guint32 jd = first_tick (level->minor_unit, level->minor_step, self->first_day);
             jd != G_MAXUINT32 && jd <= self->last_day;
             jd = next_tick (level->minor_unit, level->minor_step, jd))
          {
            TlTick tick = { rasd_timeline_day_to_x (self, jd), FALSE, NULL, 0 };

            g_array_append_val (self->ticks, tick);
          }
    }

  /* Start one tick early so that the label of a period begun off screen shows. */
  {
    double start = self->first_day - level->days;

    for (guint32 jd = first_tick (level->unit, level->step, MAX (MIN_DAY, start));
         jd != G_MAXUINT32 && jd <= self->last_day;
         jd = next_tick (level->unit, level->step, jd))
      {
        g_autofree char *text = NULL;
        TlTick tick = { rasd_timeline_day_to_x (self, jd), TRUE, NULL, 0 };
        int w;

        text = tick_label (level->unit, jd, first && jd >= self->first_day);
        if (jd >= self->first_day)
          first = FALSE;
        tick.label = get_label (self, text);
        w = label_width (tick.label);
        tick.label_x = rtl ? tick.x - 4 - w : tick.x + 4;
        /* Labels never overlap: the first one wins. */
        if ((!rtl && tick.label_x < last_extent + 8) || (rtl && tick.label_x + w > last_extent - 8))
          tick.label = NULL;
        else
          last_extent = rtl ? tick.label_x : tick.label_x + w;
        g_array_append_val (self->ticks, tick);
      }
  }
}

static guint
lower_bound (GArray *events,
             double  center)
{
  guint lo = 0, hi = events->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (events, TlEvent, mid).center < center)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
layout_marks (RasdTimeline *self,
              double        width)
{
  double ppd = width / (self->last_day - self->first_day);
  double cell_days = CELL_PX / ppd;
  double band = self->band_bottom - self->band_top;
  guint lo = lower_bound (self->events, self->first_day - cell_days);
  guint hi = lower_bound (self->events, self->last_day + cell_days);
  guint max_n = 2;
  gboolean rtl = is_rtl (self);
  double last_extent = rtl ? G_MAXDOUBLE : -G_MAXDOUBLE;

  for (guint i = lo; i < hi;)
    {
      const TlEvent *event = &g_array_index (self->events, TlEvent, i);
      double cell = floor (event->center / cell_days);
      TlMark mark = { 0, };
      guint j;

      mark.first = i;
      mark.kind = event->kind;
      for (j = i + 1; j < hi; j++)
        {
          const TlEvent *next = &g_array_index (self->events, TlEvent, j);

          if (floor (next->center / cell_days) != cell)
            break;
          if (next->kind != mark.kind)
            mark.kind = N_KINDS;
        }
      mark.n = j - i;
      if (mark.n == 1)
        {
          double a = rasd_timeline_day_to_x (self, event->first);
          double b = rasd_timeline_day_to_x (self, event->last + 1.0);

          mark.xc = rasd_timeline_day_to_x (self, event->center);
          mark.x0 = MIN (a, b);
          mark.x1 = MAX (a, b);
          if (mark.x1 - mark.x0 < MARK_MIN_PX)
            {
              mark.x0 = mark.xc - MARK_MIN_PX / 2;
              mark.x1 = mark.xc + MARK_MIN_PX / 2;
            }
        }
      else
        {
          mark.xc = rasd_timeline_day_to_x (self, (cell + 0.5) * cell_days);
          mark.x0 = mark.xc - CELL_PX / 2 + 0.5;
          mark.x1 = mark.xc + CELL_PX / 2 - 0.5;
          max_n = MAX (max_n, mark.n);
        }
      g_array_append_val (self->marks, mark);
      i = j;
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      TlMark *mark = &g_array_index (self->marks, TlMark, i);
      g_autofree char *count = NULL;
      int w;

      if (mark->n == 1)
        {
          mark->height = band * 0.45;
          continue;
        }
      mark->height = band * (0.45 + 0.55 * log (mark->n) / log (max_n));
      /* A count over the bin when it does not run into its neighbour's. */
      count = rasd_format_count (mark->n);
      mark->count = get_label (self, count);
      w = label_width (mark->count);
      if ((!rtl && mark->xc - w / 2.0 < last_extent + 3) || (rtl && mark->xc + w / 2.0 > last_extent - 3))
        mark->count = NULL;
      else
        last_extent = rtl ? mark->xc - w / 2.0 : mark->xc + w / 2.0;
    }
}

static void
ensure_layout (RasdTimeline *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout_valid && width == self->layout_width && height == self->layout_height)
    return;

  g_array_set_size (self->ticks, 0);
  g_array_set_size (self->marks, 0);
  self->layout_width = width;
  self->layout_height = height;
  self->layout_valid = TRUE;
  if (width <= 0 || height <= 0)
    return;

  pango_layout_get_pixel_size (get_label (self, "0"), NULL, &self->label_height);
  self->axis_top = height - (self->label_height + 12);
  self->band_top = self->label_height + 4;
  self->band_bottom = self->axis_top - 3;
  layout_ticks (self, width);
  layout_marks (self, width);
}

guint
rasd_timeline_get_n_marks (RasdTimeline *self)
{
  g_return_val_if_fail (RASD_IS_TIMELINE (self), 0);

  ensure_layout (self);
  return self->marks->len;
}

guint
rasd_timeline_get_n_bins (RasdTimeline *self)
{
  guint n = 0;

  g_return_val_if_fail (RASD_IS_TIMELINE (self), 0);

  ensure_layout (self);
  for (guint i = 0; i < self->marks->len; i++)
    if (g_array_index (self->marks, TlMark, i).n > 1)
      n++;
  return n;
}

/* Drawing */

static void
ensure_colors (RasdTimeline *self)
{
  GtkStyleContext *context;

  if (self->colors_valid)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &self->fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &self->accent))
    gdk_rgba_parse (&self->accent, "#1c71d8");
  for (guint i = 0; i < N_KINDS; i++)
    {
      g_autofree char *name = g_strdup_printf ("rasd_timeline_%s", kind_names[i]);

      if (!gtk_style_context_lookup_color (context, name, &self->kind_colors[i]))
        gdk_rgba_parse (&self->kind_colors[i], kind_fallbacks[i]);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
  self->colors_valid = TRUE;
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

static void
draw_band (GtkSnapshot   *snapshot,
           RasdTimeline  *self,
           double         a,
           double         b,
           int            height)
{
  GdkRGBA fill = with_alpha (&self->accent, 0.18);
  GdkRGBA edge = with_alpha (&self->accent, 0.8);
  double x0 = MIN (rasd_timeline_day_to_x (self, a), rasd_timeline_day_to_x (self, b));
  double x1 = MAX (rasd_timeline_day_to_x (self, a), rasd_timeline_day_to_x (self, b));

  x1 = MAX (x1, x0 + 2);
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, height));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x0, 0, 1, height));
  gtk_snapshot_append_color (snapshot, &edge, &GRAPHENE_RECT_INIT (x1 - 1, 0, 1, height));
}

static void
rasd_timeline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RasdTimeline *self = RASD_TIMELINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA strip, line, tick_major, tick_minor, grid, text, bin, outline;

  ensure_layout (self);
  ensure_colors (self);
  if (width <= 0 || height <= 0)
    return;

  strip = with_alpha (&self->fg, 0.05);
  line = with_alpha (&self->fg, 0.35);
  tick_major = with_alpha (&self->fg, 0.5);
  tick_minor = with_alpha (&self->fg, 0.25);
  grid = with_alpha (&self->fg, 0.07);
  text = with_alpha (&self->fg, 0.75);
  bin = with_alpha (&self->fg, 0.5);
  outline = with_alpha (&self->fg, 0.9);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The axis strip, where dragging brushes. */
  gtk_snapshot_append_color (snapshot, &strip,
                             &GRAPHENE_RECT_INIT (0, self->axis_top, width, height - self->axis_top));
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, self->axis_top, width, 1));

  for (guint i = 0; i < self->ticks->len; i++)
    {
      const TlTick *tick = &g_array_index (self->ticks, TlTick, i);

      if (tick->major)
        {
          gtk_snapshot_append_color (snapshot, &grid,
                                     &GRAPHENE_RECT_INIT (tick->x, 0, 1, self->axis_top));
          gtk_snapshot_append_color (snapshot, &tick_major,
                                     &GRAPHENE_RECT_INIT (tick->x, self->axis_top, 1, 8));
        }
      else
        gtk_snapshot_append_color (snapshot, &tick_minor,
                                   &GRAPHENE_RECT_INIT (tick->x, self->axis_top, 1, 4));
      if (tick->label != NULL)
        {
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (tick->label_x, self->axis_top + 6));
          gtk_snapshot_append_layout (snapshot, tick->label, &text);
          gtk_snapshot_restore (snapshot);
        }
    }

  if (self->drag_mode == DRAG_BRUSH && self->brush_preview_a != self->brush_preview_b)
    draw_band (snapshot, self, self->brush_preview_a, self->brush_preview_b, height);
  else if (self->brush_first != 0)
    draw_band (snapshot, self, self->brush_first, self->brush_last + 1.0, height);

  /* First the days a single event may have happened on (a day when zoomed in, a month, a
   * year) as a low faint bar, so that it hides no other mark. */
  for (guint i = 0; i < self->marks->len; i++)
    {
      const TlMark *mark = &g_array_index (self->marks, TlMark, i);
      GdkRGBA span;

      if (mark->n > 1 || mark->x1 - mark->x0 <= MARK_MIN_PX + 0.5)
        continue;
      span = with_alpha (self->color_by_kind && mark->kind < N_KINDS
                         ? &self->kind_colors[mark->kind] : &outline, 0.35);
      gtk_snapshot_append_color (snapshot, &span,
                                 &GRAPHENE_RECT_INIT (mark->x0 + 0.5, self->band_bottom - 8,
                                                      mark->x1 - mark->x0 - 1, 8));
    }

  for (guint i = 0; i < self->marks->len; i++)
    {
      const TlMark *mark = &g_array_index (self->marks, TlMark, i);
      const GdkRGBA *kind_color = self->color_by_kind && mark->kind < N_KINDS
                                ? &self->kind_colors[mark->kind] : NULL;
      double top = self->band_bottom - mark->height;

      if (mark->n > 1)
        {
          GdkRGBA fill = kind_color != NULL ? with_alpha (kind_color, 0.7) : bin;

          gtk_snapshot_append_color (snapshot, &fill,
                                     &GRAPHENE_RECT_INIT (mark->x0, top, mark->x1 - mark->x0,
                                                          mark->height));
          if (mark->count != NULL)
            {
              gtk_snapshot_save (snapshot);
              gtk_snapshot_translate (snapshot,
                                      &GRAPHENE_POINT_INIT (mark->xc - label_width (mark->count) / 2.0,
                                                            top - self->label_height));
              gtk_snapshot_append_layout (snapshot, mark->count, &text);
              gtk_snapshot_restore (snapshot);
            }
        }
      else
        {
          GdkRGBA solid = kind_color != NULL ? *kind_color : outline;

          if (mark->x1 - mark->x0 > MARK_MIN_PX + 0.5)
            gtk_snapshot_append_color (snapshot, &solid,
                                       &GRAPHENE_RECT_INIT (mark->xc - 1, top, 2, mark->height));
          else
            gtk_snapshot_append_color (snapshot, &solid,
                                       &GRAPHENE_RECT_INIT (mark->x0, top, mark->x1 - mark->x0,
                                                            mark->height));
        }
    }

  /* The selected event, over whatever bin holds it: a full-height accent bar with a cap. */
  if (self->selected_pos != G_MAXUINT)
    {
      const TlEvent *event = &g_array_index (self->events, TlEvent, self->selected_pos);
      double a = rasd_timeline_day_to_x (self, event->first);
      double b = rasd_timeline_day_to_x (self, event->last + 1.0);
      double x0 = MIN (a, b), x1 = MAX (a, b);
      double xc = (x0 + x1) / 2;
      GskRoundedRect cap;

      if (x1 - x0 > 3)
        {
          GdkRGBA span = with_alpha (&self->accent, 0.35);

          gtk_snapshot_append_color (snapshot, &span,
                                     &GRAPHENE_RECT_INIT (x0, self->band_top, x1 - x0,
                                                          self->band_bottom - self->band_top));
        }
      gtk_snapshot_append_color (snapshot, &self->accent,
                                 &GRAPHENE_RECT_INIT (xc - 1.5, self->band_top, 3,
                                                      self->band_bottom - self->band_top));
      gsk_rounded_rect_init_from_rect (&cap, &GRAPHENE_RECT_INIT (xc - 5, self->band_top - 5, 10, 10), 5);
      gtk_snapshot_push_rounded_clip (snapshot, &cap);
      gtk_snapshot_append_color (snapshot, &self->accent, &cap.bounds);
      gtk_snapshot_pop (snapshot);
    }

  gtk_snapshot_pop (snapshot);
}

/* Hit testing */

static const TlMark *
mark_at (RasdTimeline *self,
         double        x,
         double        y)
{
  const TlMark *best = NULL;
  double best_distance = G_MAXDOUBLE;

  ensure_layout (self);
  if (y >= self->axis_top)
    return NULL;
  for (guint i = 0; i < self->marks->len; i++)
    {
      const TlMark *mark = &g_array_index (self->marks, TlMark, i);
      double distance = fabs (mark->xc - x);

      if (x >= mark->x0 - HIT_SLOP && x <= mark->x1 + HIT_SLOP && distance < best_distance)
        {
          best = mark;
          best_distance = distance;
        }
    }
  return best;
}

/* The event of @mark nearest @x. */
static guint
event_in_mark (RasdTimeline *self,
               const TlMark *mark,
               double        x)
{
  double day = rasd_timeline_x_to_day (self, x);
  guint best = mark->first;

  for (guint i = mark->first + 1; i < mark->first + mark->n; i++)
    if (fabs (g_array_index (self->events, TlEvent, i).center - day)
        < fabs (g_array_index (self->events, TlEvent, best).center - day))
      best = i;
  return best;
}

static void
select_pos (RasdTimeline *self,
            guint         pos)
{
  g_autoptr(RasdEventItem) item = event_item (self, pos);

  if (item == NULL)
    return;
  if (g_set_object (&self->selected, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  self->selected_pos = pos;
  update_accessible_selection (self);
  scroll_into_view (self, pos);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_EVENT_ACTIVATED], 0, self->selected);
}

gboolean
rasd_timeline_activate_at (RasdTimeline *self,
                           double        x,
                           double        y)
{
  const TlMark *mark;

  g_return_val_if_fail (RASD_IS_TIMELINE (self), FALSE);

  mark = mark_at (self, x, y);
  if (mark != NULL)
    {
      select_pos (self, event_in_mark (self, mark, x));
      return TRUE;
    }
  if (self->brush_first != 0)
    {
      double day = rasd_timeline_x_to_day (self, x);

      if (day < self->brush_first || day >= self->brush_last + 1.0)
        rasd_timeline_set_brush (self, 0, 0);
    }
  return FALSE;
}

/* Brush */

void
rasd_timeline_set_brush (RasdTimeline *self,
                         guint32       first_day,
                         guint32       last_day)
{
  g_return_if_fail (RASD_IS_TIMELINE (self));
  g_return_if_fail ((first_day == 0) == (last_day == 0));

  if (first_day > last_day)
    {
      guint32 tmp = first_day;

      first_day = last_day;
      last_day = tmp;
    }
  if (first_day == self->brush_first && last_day == self->brush_last)
    return;
  self->brush_first = first_day;
  self->brush_last = last_day;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.clear-brush", first_day != 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (first_day == 0)
    g_signal_emit (self, signals[SIGNAL_RANGE_SELECTED], 0, NULL, NULL);
  else
    {
      g_autofree char *from = iso_for_day (first_day);
      g_autofree char *to = iso_for_day (last_day);

      g_signal_emit (self, signals[SIGNAL_RANGE_SELECTED], 0, from, to);
    }
}

gboolean
rasd_timeline_get_brush (RasdTimeline *self,
                         guint32      *first_day,
                         guint32      *last_day)
{
  g_return_val_if_fail (RASD_IS_TIMELINE (self), FALSE);

  if (first_day != NULL)
    *first_day = self->brush_first;
  if (last_day != NULL)
    *last_day = self->brush_last;
  return self->brush_first != 0;
}

void
rasd_timeline_brush_between (RasdTimeline *self,
                             double        x_start,
                             double        x_end)
{
  double a, b;

  g_return_if_fail (RASD_IS_TIMELINE (self));

  a = rasd_timeline_x_to_day (self, x_start);
  b = rasd_timeline_x_to_day (self, x_end);
  rasd_timeline_set_brush (self,
                           (guint32) CLAMP (floor (MIN (a, b)), MIN_DAY, MAX_DAY),
                           (guint32) CLAMP (floor (MAX (a, b)), MIN_DAY, MAX_DAY));
}

/* Selection */

void
rasd_timeline_set_selected (RasdTimeline  *self,
                            RasdEventItem *item)
{
  g_return_if_fail (RASD_IS_TIMELINE (self));
  g_return_if_fail (item == NULL || RASD_IS_EVENT_ITEM (item));

  if (!g_set_object (&self->selected, item))
    return;
  update_selected_pos (self);
  if (self->selected_pos != G_MAXUINT)
    scroll_into_view (self, self->selected_pos);
  update_accessible_selection (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

RasdEventItem *
rasd_timeline_get_selected (RasdTimeline *self)
{
  g_return_val_if_fail (RASD_IS_TIMELINE (self), NULL);
  return self->selected;
}

void
rasd_timeline_set_color_by_kind (RasdTimeline *self,
                                 gboolean      color_by_kind)
{
  g_return_if_fail (RASD_IS_TIMELINE (self));

  color_by_kind = !!color_by_kind;
  if (self->color_by_kind == color_by_kind)
    return;
  self->color_by_kind = color_by_kind;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Tooltips */

static char *
describe_mark (RasdTimeline *self,
               const TlMark *mark)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(RasdEventItem) item = NULL;
  guint32 first = G_MAXUINT32, last = 0;

  if (mark->n == 1 && (item = event_item (self, mark->first)) != NULL)
    {
      const char *participants = rasd_event_item_get_participants (item);
      const char *place = rasd_event_item_get_place (item);
      g_autofree char *date = format_event_date (item);

      g_string_append (text, rasd_event_kind_label (rasd_event_item_get_kind (item)));
      if (participants != NULL && *participants != '\0')
        g_string_append_printf (text, "\n%s", participants);
      g_string_append_printf (text, "\n%s", place != NULL ? place : _("Unknown place"));
      g_string_append_printf (text, "\n%s", date);
      return g_string_free (g_steal_pointer (&text), FALSE);
    }

  for (guint i = mark->first; i < mark->first + mark->n; i++)
    {
      const TlEvent *event = &g_array_index (self->events, TlEvent, i);

      first = MIN (first, event->first);
      last = MAX (last, event->last);
    }
  {
    /* TRANSLATORS: a date in a tooltip, for g_date_time_format */
    g_autofree char *from = format_day (first, _("%-d %B %Y"));
    g_autofree char *to = format_day (last, _("%-d %B %Y"));

    g_autofree char *number = rasd_format_count (mark->n);

    g_string_append_printf (text, ngettext ("%s event", "%s events", mark->n), number);
    g_string_append_c (text, '\n');
    if (first == last)
      g_string_append (text, from);
    else
      /* TRANSLATORS: a span of dates, first and last */
      g_string_append_printf (text, _("%s – %s"), from, to);
  }
  if (mark->n <= 4)
    for (guint i = mark->first; i < mark->first + mark->n; i++)
      {
        g_autoptr(RasdEventItem) one = event_item (self, i);
        const char *place;

        if (one == NULL)
          continue;
        place = rasd_event_item_get_place (one);
        g_string_append_printf (text, "\n• %s: %s%s%s",
                                rasd_event_kind_label (rasd_event_item_get_kind (one)),
                                rasd_event_item_get_participants (one),
                                place != NULL ? _(", ") : "", place != NULL ? place : "");
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
rasd_timeline_get_tooltip_text_at (RasdTimeline *self,
                                   double        x,
                                   double        y)
{
  const TlMark *mark;

  g_return_val_if_fail (RASD_IS_TIMELINE (self), NULL);

  mark = mark_at (self, x, y);
  return mark != NULL ? describe_mark (self, mark) : NULL;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  RasdTimeline *self = RASD_TIMELINE (widget);
  const TlMark *mark;
  g_autofree char *text = NULL;

  if (keyboard_mode)
    {
      if (self->selected == NULL)
        return FALSE;
      text = describe_event (self->selected);
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }

  ensure_layout (self);
  if (y >= self->axis_top)
    {
      gtk_tooltip_set_text (tooltip, _("Drag along the dates to select a period (or Shift+drag "
                                       "anywhere); Escape or a click outside clears it"));
      gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { 0, self->axis_top,
                                                            gtk_widget_get_width (widget),
                                                            gtk_widget_get_height (widget) - self->axis_top });
      return TRUE;
    }
  mark = mark_at (self, x, y);
  if (mark == NULL)
    return FALSE;
  text = describe_mark (self, mark);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { floor (mark->x0 - HIT_SLOP), 0,
                                                        ceil (mark->x1 - mark->x0 + 2 * HIT_SLOP),
                                                        self->axis_top });
  return TRUE;
}

/* Input */

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               RasdTimeline   *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  ensure_layout (self);
  self->drag_x = x;
  self->drag_y = y;
  self->drag_first_day = self->first_day;
  self->drag_last_day = self->last_day;
  self->drag_mode = (state & GDK_SHIFT_MASK) || y >= self->axis_top ? DRAG_BRUSH : DRAG_PAN;
  self->brush_preview_a = self->brush_preview_b = rasd_timeline_x_to_day (self, x);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                RasdTimeline   *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (fabs (dx) < CLICK_SLOP && fabs (dy) < CLICK_SLOP)
    return;
  if (self->drag_mode == DRAG_PAN && width > 0)
    {
      double shift = dx / width * (self->drag_last_day - self->drag_first_day);

      if (is_rtl (self))
        shift = -shift;
      self->user_moved = TRUE;
      set_range (self, self->drag_first_day - shift, self->drag_last_day - shift);
    }
  else if (self->drag_mode == DRAG_BRUSH)
    {
      self->brush_preview_b = rasd_timeline_x_to_day (self, self->drag_x + dx);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             RasdTimeline   *self)
{
  TlDragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  if (fabs (dx) < CLICK_SLOP && fabs (dy) < CLICK_SLOP)
    rasd_timeline_activate_at (self, self->drag_x, self->drag_y);
  else if (mode == DRAG_BRUSH)
    rasd_timeline_brush_between (self, self->drag_x, self->drag_x + dx);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                RasdTimeline     *self)
{
  self->drag_mode = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           RasdTimeline             *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (dy != 0)
    rasd_timeline_zoom_at (self, self->pointer_x, exp (-dy * 0.2));
  if (dx != 0 && width > 0)
    {
      double shift = dx * 20 / width * (self->last_day - self->first_day);

      if (is_rtl (self))
        shift = -shift;
      self->user_moved = TRUE;
      set_range (self, self->first_day + shift, self->last_day + shift);
    }
  return GDK_EVENT_STOP;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           RasdTimeline             *self)
{
  self->pointer_x = x;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               RasdTimeline     *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  self->pinch_day = rasd_timeline_x_to_day (self, x);
  self->pinch_span = self->last_day - self->first_day;
  self->drag_mode = DRAG_NONE;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       RasdTimeline   *self)
{
  double span = self->last_day - self->first_day;
  double frac = (self->pinch_day - self->first_day) / span;
  double new_span;

  if (scale <= 0)
    return;
  new_span = CLAMP (self->pinch_span / scale, MIN_SPAN, MAX_SPAN);
  self->user_moved = TRUE;
  set_range (self, self->pinch_day - frac * new_span, self->pinch_day - frac * new_span + new_span);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RasdTimeline *self = RASD_TIMELINE (widget);
  int step = g_variant_get_int32 (param);
  guint pos;

  if (self->events->len == 0)
    return;
  if (is_rtl (self))
    step = -step;
  if (self->selected_pos == G_MAXUINT)
    {
      /* Start from the visible end the key points away from. */
      pos = step > 0 ? lower_bound (self->events, self->first_day)
                     : lower_bound (self->events, self->last_day);
      if (step > 0 && pos >= self->events->len)
        pos = self->events->len - 1;
      else if (step < 0)
        pos = pos > 0 ? pos - 1 : 0;
    }
  else if (step < 0)
    pos = self->selected_pos > 0 ? self->selected_pos - 1 : 0;
  else
    pos = MIN (self->selected_pos + 1, self->events->len - 1);
  if (pos != self->selected_pos)
    select_pos (self, pos);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RasdTimeline *self = RASD_TIMELINE (widget);
  double x = gtk_widget_get_width (widget) / 2.0;

  if (self->selected_pos != G_MAXUINT)
    {
      double day = g_array_index (self->events, TlEvent, self->selected_pos).center;

      if (day >= self->first_day && day <= self->last_day)
        x = rasd_timeline_day_to_x (self, day);
    }
  rasd_timeline_zoom_at (self, x, g_variant_get_double (param));
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  rasd_timeline_zoom_to_fit (RASD_TIMELINE (widget));
}

static void
clear_brush_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  rasd_timeline_set_brush (RASD_TIMELINE (widget), 0, 0);
}

/* GtkWidget */

static void
rasd_timeline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 600;
    }
  else
    {
      *minimum = 80;
      *natural = 120;
    }
}

static void
rasd_timeline_direction_changed (GtkWidget        *widget,
                                 GtkTextDirection  previous)
{
  RasdTimeline *self = RASD_TIMELINE (widget);

  g_hash_table_remove_all (self->labels);
  invalidate_layout (self);
  GTK_WIDGET_CLASS (rasd_timeline_parent_class)->direction_changed (widget, previous);
}

static void
rasd_timeline_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  RasdTimeline *self = RASD_TIMELINE (widget);

  GTK_WIDGET_CLASS (rasd_timeline_parent_class)->css_changed (widget, change);
  self->colors_valid = FALSE;
  g_hash_table_remove_all (self->labels);
  invalidate_layout (self);
}

static void
rasd_timeline_dispose (GObject *object)
{
  RasdTimeline *self = RASD_TIMELINE (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_clear_object (&self->model);
  if (self->event_model != NULL)
    g_signal_handlers_disconnect_by_data (self->event_model, self);
  g_clear_object (&self->event_model);
  g_clear_pointer (&self->event_marks, g_array_unref);
  g_clear_object (&self->selected);
  if (self->events != NULL)
    g_array_set_size (self->events, 0);

  G_OBJECT_CLASS (rasd_timeline_parent_class)->dispose (object);
}

static void
rasd_timeline_finalize (GObject *object)
{
  RasdTimeline *self = RASD_TIMELINE (object);

  g_clear_pointer (&self->events, g_array_unref);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (rasd_timeline_parent_class)->finalize (object);
}

static void
rasd_timeline_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RasdTimeline *self = RASD_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_timeline_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RasdTimeline *self = RASD_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      rasd_timeline_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_timeline_class_init (RasdTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rasd_timeline_dispose;
  object_class->finalize = rasd_timeline_finalize;
  object_class->get_property = rasd_timeline_get_property;
  object_class->set_property = rasd_timeline_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, RASD_TYPE_EVENT_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->snapshot = rasd_timeline_snapshot;
  widget_class->measure = rasd_timeline_measure;
  widget_class->direction_changed = rasd_timeline_direction_changed;
  widget_class->css_changed = rasd_timeline_css_changed;
  widget_class->query_tooltip = on_query_tooltip;

  signals[SIGNAL_EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, RASD_TYPE_EVENT_ITEM);
  signals[SIGNAL_RANGE_SELECTED] =
    g_signal_new ("range-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  /* Actions, so that the keys can be rebound and tests can use them.  "timeline.clear-brush" is
   * disabled without a brush, so Escape then goes on to the window. */
  gtk_widget_class_install_action (widget_class, "timeline.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-brush", NULL, clear_brush_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "timeline.move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "timeline.move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom", "d", 1.5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "timeline.zoom", "d", 1.5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom", "d", 1.5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom", "d", 1.5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom", "d", 1 / 1.5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom", "d", 1 / 1.5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "timeline.clear-brush", NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rasd_timeline_init (RasdTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *zoom;
  GtkEventController *scroll, *motion;

  self->events = g_array_new (FALSE, FALSE, sizeof (TlEvent));
  g_array_set_clear_func (self->events, tl_event_clear);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (TlTick));
  self->marks = g_array_new (FALSE, FALSE, sizeof (TlMark));
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->selected_pos = G_MAXUINT;
  self->color_by_kind = TRUE;
  self->first_day = julian_dmy (1, 1, 2000);
  self->last_day = julian_dmy (1, 1, 2020);

  gtk_widget_action_set_enabled (widget, "timeline.clear-brush", FALSE);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  -1);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));
  gtk_gesture_group (zoom, drag);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (widget, motion);
}

GtkWidget *
rasd_timeline_new (void)
{
  return g_object_new (RASD_TYPE_TIMELINE, NULL);
}

static void
on_event_model_listed (RasdTimeline *self)
{
  GArray *marks = rasd_event_model_get_timeline_marks (self->event_model);

  /* Only the date range changed (a brush): the same marks, the view stays as it is. */
  if (marks == self->event_marks)
    return;
  g_clear_pointer (&self->event_marks, g_array_unref);
  self->event_marks = g_array_ref (marks);
  on_items_changed (self, 0, 0, 0, NULL);
}

void
rasd_timeline_set_event_model (RasdTimeline   *self,
                               RasdEventModel *model)
{
  g_return_if_fail (RASD_IS_TIMELINE (self));
  g_return_if_fail (model == NULL || RASD_IS_EVENT_MODEL (model));

  if (self->event_model == model)
    return;
  rasd_timeline_set_model (self, NULL);
  if (self->event_model != NULL)
    g_signal_handlers_disconnect_by_data (self->event_model, self);
  g_set_object (&self->event_model, model);
  g_clear_pointer (&self->event_marks, g_array_unref);
  if (model != NULL)
    {
      g_signal_connect_swapped (model, "listed", G_CALLBACK (on_event_model_listed), self);
      self->event_marks = g_array_ref (rasd_event_model_get_timeline_marks (model));
    }
  on_items_changed (self, 0, 0, 0, NULL);
}

RasdEventModel *
rasd_timeline_get_event_model (RasdTimeline *self)
{
  g_return_val_if_fail (RASD_IS_TIMELINE (self), NULL);
  return self->event_model;
}

void
rasd_timeline_set_model (RasdTimeline *self,
                         GListModel   *events)
{
  g_return_if_fail (RASD_IS_TIMELINE (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  if (self->model == events)
    return;
  if (events != NULL && self->event_model != NULL)
    rasd_timeline_set_event_model (self, NULL);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  g_set_object (&self->model, events);
  if (self->model != NULL)
    g_signal_connect_swapped (self->model, "items-changed", G_CALLBACK (on_items_changed), self);
  rebuild_events (self);
  if (self->selected != NULL && self->selected_pos == G_MAXUINT)
    {
      g_clear_object (&self->selected);
      update_accessible_selection (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  rasd_timeline_zoom_to_fit (self);
  invalidate_layout (self);
}

GListModel *
rasd_timeline_get_model (RasdTimeline *self)
{
  g_return_val_if_fail (RASD_IS_TIMELINE (self), NULL);
  return self->model;
}
