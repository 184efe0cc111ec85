#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "rasd-timeline.h"
#include "rasd-bench-util.h"

/* The timeline with --events events (default 100,000) over 30 years, 1000x140 pixels: the time
 * to take the model and lay it out, then per frame while panning in 200 steps across the data
 * at two years, 25 years and 20 days in view: lay out and snapshot (what GTK does
 * for a frame), and render that snapshot with the window's renderer.  With --db DATABASE, the
 * events of that database instead, as the window feeds them: the timeline marks of a
 * RasdEventModel (no filter).  Needs a display (run under xvfb-run). */

static RasdEventItem *
make_item (gint64      id,
           const char *kind,
           const char *date)
{
  RasdStoredEvent *event = g_new0 (RasdStoredEvent, 1);
  static const char * const names[] = { "فلاديمير بوتين", "بشار الأسد" };

  event->id = id;
  event->kind = g_strdup (kind);
  event->date = g_strdup (date);
  event->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_person_unref);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *key = g_strdup_printf ("person:%u", i);

      g_ptr_array_add (event->participants, rasd_stored_person_new (key, names[i], NULL));
    }
  event->sources = g_ptr_array_new ();
  event->evidence = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
  return rasd_event_item_new (event);
}

static void
settle (void)
{
  for (guint i = 0; i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  double sum;
  double worst;
  guint  n;
} Stat;

static void
stat_add (Stat   *stat,
          double  ms)
{
  stat->sum += ms;
  stat->worst = MAX (stat->worst, ms);
  stat->n++;
}

static void
pan (GtkWidget   *window,
     GtkWidget   *widget,
     double       span,
     const char  *what)
{
  RasdTimeline *timeline = RASD_TIMELINE (widget);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double start;
  Stat frame = { 0, }, render = { 0, }, total = { 0, };
  guint marks = 0;
  GDate first;

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, 1, 1995);
  start = g_date_get_julian (&first);
  for (guint step = 0; step < 200; step++)
    {
      double from = start + (30 * 365.25 - span) * step / 199.0;
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 t0, t1, t2;

      t0 = g_get_monotonic_time ();
      rasd_timeline_set_visible_range (timeline, from, from + span);
      /* What GTK does for the widget in a frame. */
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      t1 = g_get_monotonic_time ();
      if (node != NULL)
        texture = gsk_renderer_render_texture (renderer, node,
                                               &GRAPHENE_RECT_INIT (0, 0, width, height));
      t2 = g_get_monotonic_time ();
      stat_add (&frame, (t1 - t0) / 1000.0);
      stat_add (&render, (t2 - t1) / 1000.0);
      stat_add (&total, (t2 - t0) / 1000.0);
      marks = MAX (marks, rasd_timeline_get_n_marks (timeline));
    }
  g_print ("pan, %s (200 frames, up to %u marks and bins):\n", what, marks);
  g_print ("  layout + snapshot: mean %.2f ms, worst %.2f ms\n", frame.sum / frame.n, frame.worst);
  g_print ("  render (%s, with read-back): mean %.2f ms, worst %.2f ms\n", G_OBJECT_TYPE_NAME (renderer),
           render.sum / render.n, render.worst);
  g_print ("  frame total:       mean %.2f ms, worst %.2f ms (aim: under 16 ms)\n",
           total.sum / total.n, total.worst);
}

int
main (int   argc,
      char *argv[])
{
  int n_events = 100000;
  g_autofree char *db = NULL;
  g_autoptr(RasdStore) rasd_store = NULL;
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  g_autoptr(RasdEventModel) model = NULL;
  GOptionEntry entries[] = {
    { "events", 'n', 0, G_OPTION_ARG_INT, &n_events, "Events to draw (default 100000)", "N" },
    { "db", 'd', 0, G_OPTION_ARG_FILENAME, &db, "Draw this database's events (through the event model)", "DATABASE" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) store = g_list_store_new (RASD_TYPE_EVENT_ITEM);
  g_autoptr(GRand) rand = g_rand_new_with_seed (30);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const kinds[] = { "meeting", "visit", "talks", "reception", "call", "summit" };
  GtkWidget *window, *widget;
  gint64 t0, t1, t2;

  if (!bench_parse_options ("— timeline layout and frame times", entries, &argc, &argv))
    return 2;
  if (!gtk_init_check ())
    {
      g_printerr ("bench-timeline needs a display; run it under xvfb-run\n");
      return 77;
    }
  adw_init ();

  if (db != NULL)
    {
      rasd_store = rasd_store_open (db, &error);
      if (rasd_store == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      model = rasd_event_model_new (rasd_store, filter);
      rasd_event_model_reload (model);
      while (rasd_event_model_is_loading (model) || rasd_event_model_is_counting (model))
        g_main_context_iteration (NULL, TRUE);
      n_events = rasd_event_model_get_timeline_marks (model)->len;
    }
  for (int i = 0; db == NULL && i < n_events; i++)
    {
      guint year = 1995 + g_rand_int_range (rand, 0, 30);
      guint month = g_rand_int_range (rand, 1, 13);
      g_autofree char *date = i % 10 == 3
        ? g_strdup_printf ("%04u-%02u", year, month)
        : g_strdup_printf ("%04u-%02u-%02u", year, month, g_rand_int_range (rand, 1, 29));

      g_ptr_array_add (items, make_item (i + 1, kinds[i % G_N_ELEMENTS (kinds)], date));
    }
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  window = gtk_window_new ();
  widget = rasd_timeline_new ();
  gtk_widget_set_size_request (widget, 1000, 140);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (widget) != 1000)
    g_main_context_iteration (NULL, TRUE);
  settle ();

  t0 = g_get_monotonic_time ();
  if (model != NULL)
    rasd_timeline_set_event_model (RASD_TIMELINE (widget), model);
  else
    rasd_timeline_set_model (RASD_TIMELINE (widget), G_LIST_MODEL (store));
  t1 = g_get_monotonic_time ();
  rasd_timeline_get_n_marks (RASD_TIMELINE (widget));
  t2 = g_get_monotonic_time ();
  if (db != NULL)
    g_print ("events:            %d dated, of %s, timeline 1000x140\n", n_events, db);
  else
    g_print ("events:            %d over 30 years, timeline 1000x140\n", n_events);
  g_print ("%s %.1f ms (copy the days, sort)\n", model != NULL ? "set_event_model:  " : "set_model:        ",
           (t1 - t0) / 1000.0);
  g_print ("first layout:      %.2f ms (%u marks and bins)\n", (t2 - t1) / 1000.0,
           rasd_timeline_get_n_marks (RASD_TIMELINE (widget)));

  pan (window, widget, 2 * 365.25, "two years in view");
  pan (window, widget, 25 * 365.25, "25 years in view");
  pan (window, widget, 20, "20 days in view");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
