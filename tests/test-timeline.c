#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include <adwaita.h>

#include "rasd-resources.h"
#include "rasd-timeline.h"
#include "rasd-gui-test-util.h"

#define WIDTH  800
#define HEIGHT 120

static guint32
julian (guint year,
        guint month,
        guint day)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);

  return g_date_get_julian (date);
}

/* An event item as the store would return it; @names is NULL-terminated. */
static RasdEventItem *
make_item (gint64             id,
           const char        *kind,
           const char        *date,
           const char        *place,
           const char * const names[])
{
  RasdStoredEvent *event = g_new0 (RasdStoredEvent, 1);

  event->id = id;
  event->kind = g_strdup (kind);
  event->date = g_strdup (date);
  event->precision = strlen (date) == 10 ? RASD_DATE_PRECISION_DAY : RASD_DATE_PRECISION_MONTH;
  event->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_person_unref);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("person:%u", i);

      g_ptr_array_add (event->participants, rasd_stored_person_new (key, names[i], NULL));
    }
  if (place != NULL)
    {
      event->place = g_new0 (RasdStoredPlace, 1);
      event->place->key = g_strdup (place);
      event->place->name = g_strdup (place);
    }
  event->sources = g_ptr_array_new ();
  event->evidence = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
  return rasd_event_item_new (event);
}

static RasdEventItem *
make_simple (gint64      id,
             const char *date)
{
  const char *names[] = { "Putin", "Assad", NULL };
  static const char * const kinds[] = { "meeting", "visit", "talks", "reception", "call", "summit" };

  return make_item (id, kinds[id % G_N_ELEMENTS (kinds)], date, "Sochi", names);
}

/* ~200 events spread over 2010–2019, a tenth of them of month precision, with a dense cluster of
 * ten events on 1–10 June 2015.  Deterministic. */
static GListStore *
make_decade (void)
{
  GListStore *store = g_list_store_new (RASD_TYPE_EVENT_ITEM);
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  gint64 id = 1;

  for (guint i = 0; i < 190; i++)
    {
      g_autoptr(RasdEventItem) item = NULL;
      g_autofree char *date = NULL;
      guint year = 2010 + i % 10;
      guint month = g_rand_int_range (rand, 1, 13);

      if (year == 2015 && month == 6)
        month = 7;
      if (i % 10 == 3)
        date = g_strdup_printf ("%04u-%02u", year, month);
      else
        date = g_strdup_printf ("%04u-%02u-%02u", year, month, g_rand_int_range (rand, 1, 29));
      item = make_simple (id++, date);
      g_list_store_append (store, item);
    }
  {
    const char *names[] = { "Erdogan", NULL };
    g_autoptr(RasdEventItem) item = make_item (id++, "summit", "2015-04", "Ankara", names);

    g_list_store_append (store, item);
  }
  for (guint day = 1; day <= 10; day++)
    {
      g_autofree char *date = g_strdup_printf ("2015-06-%02u", day);
      g_autoptr(RasdEventItem) item = make_simple (id++, date);

      g_list_store_append (store, item);
    }
  return store;
}

static GtkWidget *
show_timeline (GtkTextDirection direction,
               int              width,
               int              height)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *timeline = rasd_timeline_new ();
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_widget_set_direction (timeline, direction);
  gtk_widget_set_size_request (timeline, width, height);
  gtk_window_set_child (GTK_WINDOW (window), timeline);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (timeline) != width)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  rasd_test_settle ();
  return timeline;
}

static void
close_timeline (GtkWidget *timeline)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (timeline)));
}

/* After set_model every event lies inside the visible range and inside the widget. */
static void
test_fit (void)
{
  GtkWidget *widget = show_timeline (GTK_TEXT_DIR_LTR, WIDTH, HEIGHT);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  g_autoptr(GListStore) store = make_decade ();
  double first, last;

  rasd_timeline_set_model (timeline, G_LIST_MODEL (store));
  rasd_timeline_get_visible_range (timeline, &first, &last);
  g_assert_cmpfloat (last - first, <, 11 * 366);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      guint32 a, b;

      g_assert_true (rasd_event_item_get_days (item, &a, &b));
      g_assert_cmpfloat (a, >=, first);
      g_assert_cmpfloat (b + 1.0, <=, last);
      g_assert_cmpfloat (rasd_timeline_day_to_x (timeline, a), >=, 0);
      g_assert_cmpfloat (rasd_timeline_day_to_x (timeline, b + 1.0), <=, WIDTH);
    }
  /* 200 events over 800 pixels: some share bins, none is lost. */
  g_assert_cmpuint (rasd_timeline_get_n_marks (timeline), >, 20);
  g_assert_cmpuint (rasd_timeline_get_n_marks (timeline), <, 200);
  g_assert_cmpuint (rasd_timeline_get_n_bins (timeline), >, 0);

  close_timeline (widget);
}

static void
check_inverse (GtkTextDirection direction)
{
  GtkWidget *widget = show_timeline (direction, WIDTH, HEIGHT);
  RasdTimeline *timeline = RASD_TIMELINE (widget);

  rasd_timeline_set_visible_range (timeline, julian (2000, 1, 1), julian (2010, 1, 1));
  for (double day = julian (1999, 6, 1); day < julian (2011, 1, 1); day += 97.25)
    g_assert_cmpfloat_with_epsilon (rasd_timeline_x_to_day (timeline,
                                                            rasd_timeline_day_to_x (timeline, day)),
                                    day, 1e-6);
  for (double x = -50; x <= WIDTH + 50; x += 33.5)
    g_assert_cmpfloat_with_epsilon (rasd_timeline_day_to_x (timeline,
                                                            rasd_timeline_x_to_day (timeline, x)),
                                    x, 1e-6);
  g_assert_cmpfloat_with_epsilon (rasd_timeline_day_to_x (timeline, julian (2000, 1, 1)),
                                  direction == GTK_TEXT_DIR_RTL ? WIDTH : 0, 1e-6);
  close_timeline (widget);
}

static void
test_inverse (void)
{
  check_inverse (GTK_TEXT_DIR_LTR);
  check_inverse (GTK_TEXT_DIR_RTL);
}

/* Time runs right to left in RTL, left to right otherwise, and switching direction at run time
 * mirrors the laid-out marks. */
static void
test_direction (void)
{
  GtkWidget *widget = show_timeline (GTK_TEXT_DIR_RTL, WIDTH, HEIGHT);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  g_autoptr(GListStore) store = g_list_store_new (RASD_TYPE_EVENT_ITEM);
  g_autoptr(RasdEventItem) early = make_simple (1, "2012-03-04");
  g_autoptr(RasdEventItem) late = make_simple (2, "2016-08-09");
  guint32 early_day, late_day, unused;

  g_list_store_append (store, early);
  g_list_store_append (store, late);
  rasd_timeline_set_model (timeline, G_LIST_MODEL (store));
  rasd_event_item_get_days (early, &early_day, &unused);
  rasd_event_item_get_days (late, &late_day, &unused);

  g_assert_cmpfloat (rasd_timeline_day_to_x (timeline, early_day), >,
                     rasd_timeline_day_to_x (timeline, late_day));
  /* Clicking at the earlier event's x, far on the right, selects it. */
  g_assert_cmpfloat (rasd_timeline_day_to_x (timeline, early_day + 0.5), >, WIDTH / 2);
  g_assert_true (rasd_timeline_activate_at (timeline, rasd_timeline_day_to_x (timeline, early_day + 0.5), 40));
  g_assert_true (rasd_timeline_get_selected (timeline) == early);
  /* Left is "later" in RTL. */
  gtk_widget_activate_action (widget, "timeline.move", "i", -1);
  g_assert_true (rasd_timeline_get_selected (timeline) == late);

  gtk_widget_set_direction (widget, GTK_TEXT_DIR_LTR);
  g_assert_cmpfloat (rasd_timeline_day_to_x (timeline, early_day), <,
                     rasd_timeline_day_to_x (timeline, late_day));
  gtk_widget_activate_action (widget, "timeline.move", "i", -1);
  g_assert_true (rasd_timeline_get_selected (timeline) == early);
  close_timeline (widget);
}

/* Scrolling zooms around the pointer: the day under it stays, the range narrows, and the dense
 * June 2015 bin splits into one mark per event. */
static void
test_zoom_splits_bins (void)
{
  GtkWidget *widget = show_timeline (GTK_TEXT_DIR_LTR, WIDTH, HEIGHT);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  g_autoptr(GListStore) store = make_decade ();
  double first, last, x, day, new_first, new_last;
  guint bins_before;

  rasd_timeline_set_model (timeline, G_LIST_MODEL (store));
  rasd_timeline_get_visible_range (timeline, &first, &last);
  bins_before = rasd_timeline_get_n_bins (timeline);
  g_assert_cmpuint (bins_before, >, 0);

  day = julian (2015, 6, 6);
  x = rasd_timeline_day_to_x (timeline, day);
  for (guint i = 0; i < 22; i++)
    rasd_timeline_zoom_at (timeline, x, 1.25);
  rasd_timeline_get_visible_range (timeline, &new_first, &new_last);
  g_assert_cmpfloat (new_last - new_first, <, (last - first) / 100);
  g_assert_cmpfloat (new_last - new_first, >=, 5);
  g_assert_cmpfloat_with_epsilon (rasd_timeline_x_to_day (timeline, x), day, 1e-3);
  /* The ten days of the cluster now lie 20 or more pixels apart: ten marks, no bin. */
  g_assert_cmpfloat (rasd_timeline_day_to_x (timeline, day + 1) - x, >, 20);
  g_assert_cmpuint (rasd_timeline_get_n_bins (timeline), ==, 0);
  g_assert_cmpuint (rasd_timeline_get_n_marks (timeline), >=, 10);

  /* Zooming out never goes past the widest span, and Home fits everything again. */
  for (guint i = 0; i < 200; i++)
    rasd_timeline_zoom_at (timeline, x, 0.5);
  rasd_timeline_get_visible_range (timeline, &new_first, &new_last);
  g_assert_cmpfloat (new_last - new_first, <=, 150 * 365.25 + 1);
  gtk_widget_activate_action (widget, "timeline.fit", NULL);
  rasd_timeline_get_visible_range (timeline, &new_first, &new_last);
  g_assert_cmpfloat_with_epsilon (new_first, first, 1e-6);
  g_assert_cmpfloat_with_epsilon (new_last, last, 1e-6);
  close_timeline (widget);
}

typedef struct
{
  guint  n;
  char  *from;
  char  *to;
} RangeLog;

static void
on_range_selected (RasdTimeline *timeline,
                   const char   *from,
                   const char   *to,
                   RangeLog     *log)
{
  log->n++;
  g_free (log->from);
  g_free (log->to);
  log->from = g_strdup (from);
  log->to = g_strdup (to);
}

static void
check_brush (GtkTextDirection direction)
{
  GtkWidget *widget = show_timeline (direction, WIDTH, HEIGHT);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  RangeLog log = { 0, };
  double a, b;
  guint32 first, last;

  g_signal_connect (timeline, "range-selected", G_CALLBACK (on_range_selected), &log);
  rasd_timeline_set_visible_range (timeline, julian (2015, 1, 1), julian (2016, 1, 1));

  /* A drag from the middle of 3 March to the middle of 20 April, in either direction. */
  a = rasd_timeline_day_to_x (timeline, julian (2015, 3, 3) + 0.5);
  b = rasd_timeline_day_to_x (timeline, julian (2015, 4, 20) + 0.5);
  rasd_timeline_brush_between (timeline, b, a);
  g_assert_cmpuint (log.n, ==, 1);
  g_assert_cmpstr (log.from, ==, "2015-03-03");
  g_assert_cmpstr (log.to, ==, "2015-04-20");
  g_assert_true (rasd_timeline_get_brush (timeline, &first, &last));
  g_assert_cmpuint (first, ==, julian (2015, 3, 3));
  g_assert_cmpuint (last, ==, julian (2015, 4, 20));

  /* A click inside the brush keeps it; one outside clears it. */
  g_assert_false (rasd_timeline_activate_at (timeline, rasd_timeline_day_to_x (timeline, julian (2015, 4, 1)), 30));
  g_assert_cmpuint (log.n, ==, 1);
  g_assert_false (rasd_timeline_activate_at (timeline, rasd_timeline_day_to_x (timeline, julian (2015, 9, 1)), 30));
  g_assert_cmpuint (log.n, ==, 2);
  g_assert_null (log.from);
  g_assert_null (log.to);
  g_assert_false (rasd_timeline_get_brush (timeline, NULL, NULL));

  /* Set from outside; setting it again changes nothing; Escape clears it. */
  rasd_timeline_set_brush (timeline, julian (2015, 12, 1), julian (2015, 12, 31));
  rasd_timeline_set_brush (timeline, julian (2015, 12, 1), julian (2015, 12, 31));
  g_assert_cmpuint (log.n, ==, 3);
  g_assert_cmpstr (log.from, ==, "2015-12-01");
  g_assert_cmpstr (log.to, ==, "2015-12-31");
  g_assert_true (gtk_widget_activate_action (widget, "timeline.clear-brush", NULL));
  g_assert_cmpuint (log.n, ==, 4);
  g_assert_null (log.from);
  /* Without a brush the action is disabled (so Escape goes on to the window): nothing emitted. */
  gtk_widget_activate_action (widget, "timeline.clear-brush", NULL);
  g_assert_cmpuint (log.n, ==, 4);

  close_timeline (widget);
  g_free (log.from);
  g_free (log.to);
}

static void
test_brush (void)
{
  check_brush (GTK_TEXT_DIR_LTR);
  check_brush (GTK_TEXT_DIR_RTL);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
on_event_activated (RasdTimeline   *timeline,
                    RasdEventItem  *item,
                    RasdEventItem **out)
{
  g_set_object (out, item);
}

/* A click on a mark selects that event, tells the window and announces it. */
static void
test_activate (void)
{
  GtkWidget *widget = show_timeline (GTK_TEXT_DIR_LTR, WIDTH, HEIGHT);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  g_autoptr(GListStore) store = make_decade ();
  g_autoptr(RasdEventItem) activated = NULL;
  g_autoptr(RasdEventItem) target = NULL;
  const char *names[] = { "Putin", "Assad", NULL };
  guint32 day, unused;
  guint notified = 0;
  double x;

  target = make_item (1000, "visit", "2017-11-21", "Sochi", names);
  g_list_store_append (store, target);
  rasd_timeline_set_model (timeline, G_LIST_MODEL (store));
  g_signal_connect (timeline, "event-activated", G_CALLBACK (on_event_activated), &activated);
  g_signal_connect (timeline, "notify::selected", G_CALLBACK (count_notify), &notified);
  rasd_timeline_set_visible_range (timeline, julian (2017, 11, 1), julian (2017, 12, 1));
  rasd_event_item_get_days (target, &day, &unused);

  /* Empty space: nothing. */
  g_assert_false (rasd_timeline_activate_at (timeline, rasd_timeline_day_to_x (timeline, day - 6.5), 40));
  g_assert_null (activated);

  x = rasd_timeline_day_to_x (timeline, day + 0.5) + 1;
  g_assert_true (rasd_timeline_activate_at (timeline, x, 40));
  g_assert_true (activated == target);
  g_assert_true (rasd_timeline_get_selected (timeline) == target);
  g_assert_cmpuint (notified, ==, 1);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (timeline), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Visit, Putin، Assad, Sochi, 21 November 2017");

  /* Selecting from outside scrolls the event into view without emitting. */
  g_clear_object (&activated);
  rasd_timeline_set_visible_range (timeline, julian (2011, 1, 1), julian (2011, 2, 1));
  rasd_timeline_set_selected (timeline, target);
  rasd_timeline_set_selected (timeline, NULL);
  rasd_timeline_set_selected (timeline, target);
  g_assert_null (activated);
  g_assert_cmpuint (notified, ==, 3);
  x = rasd_timeline_day_to_x (timeline, day);
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (x, <, WIDTH);

  /* Removing the selected event from the model clears the selection. */
  {
    guint position;

    g_assert_true (g_list_store_find (store, target, &position));
    g_list_store_remove (store, position);
    g_assert_null (rasd_timeline_get_selected (timeline));
    g_assert_cmpuint (notified, ==, 4);
  }
  close_timeline (widget);
}

/* Hovering a mark tells who, where and when; a bin tells how many and when. */
static void
test_tooltips (void)
{
  GtkWidget *widget = show_timeline (GTK_TEXT_DIR_LTR, WIDTH, HEIGHT);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  g_autoptr(GListStore) store = make_decade ();
  g_autofree char *mark_text = NULL;
  g_autofree char *bin_text = NULL;
  g_autofree char *month_text = NULL;
  double x;

  rasd_timeline_set_model (timeline, G_LIST_MODEL (store));

  /* Ten years in 800 pixels: the ten days of June 2015 are one bin (or two, where a cell
   * boundary falls). */
  x = rasd_timeline_day_to_x (timeline, julian (2015, 6, 3));
  bin_text = rasd_timeline_get_tooltip_text_at (timeline, x, 40);
  g_assert_nonnull (bin_text);
  g_test_message ("bin: %s", bin_text);
  g_assert_true (g_regex_match_simple ("^([2-9]|10) events\n", bin_text, 0, 0));
  g_assert_nonnull (strstr (bin_text, "June 2015"));

  rasd_timeline_set_visible_range (timeline, julian (2015, 6, 1), julian (2015, 6, 21));
  x = rasd_timeline_day_to_x (timeline, julian (2015, 6, 4) + 0.5);
  mark_text = rasd_timeline_get_tooltip_text_at (timeline, x, 40);
  g_assert_nonnull (mark_text);
  g_assert_cmpstr (strstr (mark_text, "\n"), ==, "\nPutin، Assad\nSochi\n4 June 2015");
  /* Not over the axis, nor between marks. */
  g_assert_null (rasd_timeline_get_tooltip_text_at (timeline, x, HEIGHT - 5));
  g_assert_null (rasd_timeline_get_tooltip_text_at (timeline,
                                                    rasd_timeline_day_to_x (timeline, julian (2015, 6, 15)),
                                                    40));

  /* A month-precision event covers its month: hovering anywhere in it finds it. */
  rasd_timeline_set_visible_range (timeline, julian (2015, 3, 15), julian (2015, 5, 15));
  month_text = rasd_timeline_get_tooltip_text_at (timeline,
                                                  rasd_timeline_day_to_x (timeline, julian (2015, 4, 3)),
                                                  40);
  g_assert_cmpstr (month_text, ==, "Summit\nErdogan\nAnkara\nApril 2015");
  close_timeline (widget);
}

/* Before the user zooms, the range follows the model; after, it stays. */
static void
test_items_changed (void)
{
  GtkWidget *widget = show_timeline (GTK_TEXT_DIR_LTR, WIDTH, HEIGHT);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  g_autoptr(GListStore) store = make_decade ();
  g_autoptr(RasdEventItem) later = make_simple (5000, "2024-02-02");
  g_autoptr(RasdEventItem) much_later = make_simple (5001, "2030-02-02");
  double first, last;

  rasd_timeline_set_model (timeline, G_LIST_MODEL (store));
  g_list_store_append (store, later);
  rasd_timeline_get_visible_range (timeline, &first, &last);
  g_assert_cmpfloat (last, >, julian (2024, 2, 3));

  rasd_timeline_zoom_at (timeline, 100, 2);
  rasd_timeline_get_visible_range (timeline, &first, &last);
  g_list_store_append (store, much_later);
  {
    double first2, last2;

    rasd_timeline_get_visible_range (timeline, &first2, &last2);
    g_assert_cmpfloat (first2, ==, first);
    g_assert_cmpfloat (last2, ==, last);
  }
  close_timeline (widget);
}

static void
screenshot (GtkTextDirection  direction,
            const char       *name)
{
  GtkWidget *widget = show_timeline (direction, 1000, 140);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  g_autoptr(GListStore) store = make_decade ();
  g_autoptr(RasdEventItem) selected = NULL;

  rasd_timeline_set_model (timeline, G_LIST_MODEL (store));
  selected = g_list_model_get_item (G_LIST_MODEL (store), 57);
  rasd_timeline_set_selected (timeline, selected);
  rasd_timeline_set_brush (timeline, julian (2014, 9, 1), julian (2016, 2, 29));
  gtk_window_set_focus_visible (GTK_WINDOW (gtk_widget_get_root (widget)), TRUE);
  gtk_widget_grab_focus (widget);
  rasd_test_settle ();
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (gtk_widget_get_root (widget)), name), >, 16);
  close_timeline (widget);
}

static void
test_screenshot_ltr (void)
{
  screenshot (GTK_TEXT_DIR_LTR, "timeline");
}

static void
test_screenshot_rtl (void)
{
  screenshot (GTK_TEXT_DIR_RTL, "timeline-rtl");
}

/* Zoomed in to weeks: day ticks, a month-precision event across its month, single days. */
static void
test_screenshot_zoomed (void)
{
  GtkWidget *widget = show_timeline (GTK_TEXT_DIR_LTR, 1000, 140);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  g_autoptr(GListStore) store = make_decade ();

  rasd_timeline_set_model (timeline, G_LIST_MODEL (store));
  rasd_timeline_set_visible_range (timeline, julian (2015, 3, 20), julian (2015, 6, 15));
  rasd_test_settle ();
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (gtk_widget_get_root (widget)), "timeline-zoomed"), >, 16);
  close_timeline (widget);
}

static void
test_screenshot_dark (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  screenshot (GTK_TEXT_DIR_LTR, "timeline-dark");
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

/* Zoomed in to a few months, in Arabic: month names from the locale (and the translations when
 * they have been built). */
static void
test_screenshot_arabic (void)
{
  GtkWidget *widget;
  RasdTimeline *timeline;
  g_autoptr(GListStore) store = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) dt = NULL;

  if (setlocale (LC_ALL, "ar_EG.UTF-8") == NULL)
    {
      g_test_skip ("the ar_EG.UTF-8 locale is not installed");
      return;
    }
  dt = g_date_time_new_utc (2015, 3, 1, 0, 0, 0);
  today = g_date_time_format (dt, "%B");
  g_test_message ("March in Arabic: %s", today);
  g_assert_cmpstr (today, !=, "March");

  widget = show_timeline (GTK_TEXT_DIR_RTL, 1000, 140);
  timeline = RASD_TIMELINE (widget);
  store = make_decade ();
  rasd_timeline_set_model (timeline, G_LIST_MODEL (store));
  rasd_timeline_set_visible_range (timeline, julian (2015, 2, 1), julian (2015, 9, 1));
  rasd_timeline_set_brush (timeline, julian (2015, 6, 1), julian (2015, 6, 10));
  rasd_test_settle ();
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (gtk_widget_get_root (widget)), "timeline-ar"), >, 16);
  close_timeline (widget);
  setlocale (LC_ALL, "C.UTF-8");
}

/* Fed by an event model: its timeline marks (every filter but the range) are drawn without
 * items; an event's item is looked up for its tooltip and when it is activated; the selection
 * is matched by id; a brush, which leaves the marks as they were, keeps the view. */
static void
test_event_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = NULL;
  GtkWidget *widget = show_timeline (GTK_TEXT_DIR_LTR, WIDTH, HEIGHT);
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  g_autoptr(RasdEventItem) activated = NULL;
  g_autofree char *tooltip = NULL;
  double first, last, first_after, last_after, x;
  guint n_marks;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (rasd_store_get_db (store),
    "INSERT INTO entities (id, kind, key, name, normalized) VALUES (1, 'person', 'person:a', 'Anna', 'anna');"
    "INSERT INTO entities (id, kind, key, name, normalized) VALUES (2, 'person', 'person:b', 'Boris', 'boris');"
    "INSERT INTO events (id, kind, date, date_precision, day, day_end) VALUES"
    " (1, 'visit', '2010-03-04', 3, 14672, 14672), (2, 'call', '2012-06-01', 3, 15492, 15492),"
    " (3, 'summit', '2014-09', 2, 16314, 16343), (4, 'meeting', '2016', 1, 16801, 17166),"
    " (5, 'talks', NULL, 0, NULL, NULL);"
    "INSERT INTO event_participants (event_id, entity_id) VALUES (1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (4, 2);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  model = rasd_event_model_new (store, filter);
  rasd_event_model_reload (model);  /* a ":memory:" store answers at once */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);

  rasd_timeline_set_event_model (timeline, model);
  g_assert_true (rasd_timeline_get_event_model (timeline) == model);
  g_assert_null (rasd_timeline_get_model (timeline));
  n_marks = rasd_timeline_get_n_marks (timeline);
  g_assert_cmpuint (n_marks, ==, 4);  /* the undated event is not drawn */

  /* the tooltip of event 2 (12 June 2012... the 1st), read from the store */
  {
    guint32 day = julian (2012, 6, 1);

    x = rasd_timeline_day_to_x (timeline, day + 0.5);
    tooltip = rasd_timeline_get_tooltip_text_at (timeline, x, 40);
    g_assert_nonnull (tooltip);
    g_assert_nonnull (strstr (tooltip, "Anna"));
    g_assert_true (rasd_timeline_activate_at (timeline, x, 40));
    g_assert_nonnull (rasd_timeline_get_selected (timeline));
    g_assert_cmpint (rasd_event_item_get_id (rasd_timeline_get_selected (timeline)), ==, 2);
  }

  /* selection by id: another item object for event 4 */
  activated = rasd_event_model_lookup (model, 4);
  rasd_timeline_set_selected (timeline, activated);
  g_assert_true (rasd_timeline_get_selected (timeline) == activated);
  gtk_widget_activate_action (widget, "timeline.move", "i", -1);
  g_assert_cmpint (rasd_event_item_get_id (rasd_timeline_get_selected (timeline)), ==, 3);

  /* a brush: the list narrows, the timeline keeps its marks and its view */
  rasd_timeline_get_visible_range (timeline, &first, &last);
  rasd_filter_set_range (filter, "2012", "2012");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpuint (rasd_timeline_get_n_marks (timeline), ==, n_marks);
  rasd_timeline_get_visible_range (timeline, &first_after, &last_after);
  g_assert_cmpfloat (first_after, ==, first);
  g_assert_cmpfloat (last_after, ==, last);

  /* another part of the filter: the timeline follows it */
  rasd_filter_set_person (filter, "person:b", "Boris");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (rasd_timeline_get_n_marks (timeline), ==, 1);
  /* the selected event (3) is gone from the marks: unselected */
  g_assert_null (rasd_timeline_get_selected (timeline));

  rasd_timeline_set_event_model (timeline, NULL);
  g_assert_cmpuint (rasd_timeline_get_n_marks (timeline), ==, 0);
  close_timeline (widget);
}

int
main (int   argc,
      char *argv[])
{
  const char *mo_dir = g_getenv ("RASD_TEST_LOCALEDIR");

  rasd_test_gui_init (&argc, &argv);
  /* Translations built in the build tree (po/ar.gmo), for the Arabic screenshot. */
  if (mo_dir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, mo_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  rasd_register_resource ();
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/rasd/Rasd/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add_func ("/timeline/fit", test_fit);
  g_test_add_func ("/timeline/inverse", test_inverse);
  g_test_add_func ("/timeline/direction", test_direction);
  g_test_add_func ("/timeline/zoom-splits-bins", test_zoom_splits_bins);
  g_test_add_func ("/timeline/brush", test_brush);
  g_test_add_func ("/timeline/activate", test_activate);
  g_test_add_func ("/timeline/tooltips", test_tooltips);
  g_test_add_func ("/timeline/items-changed", test_items_changed);
  g_test_add_func ("/timeline/event-model", test_event_model);
  g_test_add_func ("/timeline/screenshot-ltr", test_screenshot_ltr);
  g_test_add_func ("/timeline/screenshot-rtl", test_screenshot_rtl);
  g_test_add_func ("/timeline/screenshot-zoomed", test_screenshot_zoomed);
  g_test_add_func ("/timeline/screenshot-dark", test_screenshot_dark);
  g_test_add_func ("/timeline/screenshot-arabic", test_screenshot_arabic);

  return g_test_run ();
}
