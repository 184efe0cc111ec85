/* Time to open the window on a database: from opening the store to the first frame painted
 * (GdkFrameClock::after-paint), then to the events listed (the list, map and timeline filled:
 * the event model's "listed"), the first frame painted with them, and the people facet counted,
 * with the window's public API, as the application does; the peak memory.
 * Run it under a display, e.g. xvfb-run -a bench-window DB.
 *
 *   bench-window DATABASE
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "rasd-event-map.h"
#include "rasd-timeline.h"
#include "rasd-window.h"

static gint64 first_frame;
static gint64 listed;
static double listed_cpu;
static gint64 listed_frame;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  if (first_frame == 0)
    first_frame = g_get_monotonic_time ();
  if (listed != 0 && listed_frame == 0)
    listed_frame = g_get_monotonic_time ();
}

static void
on_listed (RasdEventModel *model,
           gpointer        data)
{
  if (listed == 0)
    {
      struct rusage usage;

      listed = g_get_monotonic_time ();
      getrusage (RUSAGE_SELF, &usage);
      listed_cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
                   (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
    }
}

static double
rss_anon_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "RssAnon:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("RssAnon:"), NULL) / 1024.0;
}

static void
on_realize (GtkWidget *widget,
            gpointer   data)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  RasdWindow *window;
  struct rusage usage;
  double frame_cpu;
  const char *visible_page;
  gint64 t_init, t_start, t_opened, t_built, t_loaded, deadline;

  if (argc != 2)
    {
      fprintf (stderr, "usage: bench-window DATABASE\n");
      return 2;
    }

  t_init = g_get_monotonic_time ();
  adw_init ();
  t_start = g_get_monotonic_time ();

  store = rasd_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  t_opened = g_get_monotonic_time ();

  window = rasd_window_new (NULL, store);
  g_signal_connect (rasd_window_get_event_model (window), "listed", G_CALLBACK (on_listed), NULL);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  t_built = g_get_monotonic_time ();
  gtk_window_present (GTK_WINDOW (window));

  deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (first_frame == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (first_frame == 0)
    {
      fprintf (stderr, "no frame painted within 2 minutes\n");
      return 1;
    }

  getrusage (RUSAGE_SELF, &usage);
  frame_cpu = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
              (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
  visible_page = rasd_window_get_visible_page (window);

  /* The events are read after the first frame, on a worker thread. */
  while (rasd_window_is_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (rasd_window_is_loading (window))
    {
      fprintf (stderr, "the events were not listed within 2 minutes\n");
      return 1;
    }
  t_loaded = g_get_monotonic_time ();
  while (listed_frame == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  printf ("Window on %s:\n", argv[1]);
  printf (" GTK and libadwaita init:   %6.0f ms (not counted below)\n", (t_start - t_init) / 1e3);
  printf (" store opened:              %6.0f ms\n", (t_opened - t_start) / 1e3);
  printf (" window built:              %6.0f ms\n", (t_built - t_start) / 1e3);
  printf (" first frame painted:       %6.0f ms (aim: under 1000 ms; the %s page)\n",
          (first_frame - t_start) / 1e3, visible_page);
  printf (" CPU time until then:       %6.0f ms (user + system, init included; the rest is waiting\n"
          "                                      for a CPU or for the X server)\n",
          (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
          (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3);
  printf (" peak memory until then:    %6.0f MB\n", usage.ru_maxrss / 1024.0);
  printf (" list, map, timeline filled: %5.0f ms (%u events, %u markers, %u timeline marks: their\n"
          "                                      marks and first page read by the worker thread after\n"
          "                                      the first frame)\n",
          (listed - t_start) / 1e3,
          g_list_model_get_n_items (rasd_window_get_event_list (window)),
          rasd_event_map_get_n_markers (RASD_EVENT_MAP (rasd_window_get_map (window))),
          rasd_timeline_get_n_marks (RASD_TIMELINE (rasd_window_get_timeline (window))));
  printf (" CPU time for that:         %6.0f ms (all threads, from the first frame to the list filled:\n"
          "                                      the worker's query and the main thread's swap)\n",
          listed_cpu - frame_cpu);
  printf (" painted with them:         %6.0f ms\n", (listed_frame - t_start) / 1e3);
  printf (" people facet counted:      %6.0f ms (%u people; arrives after the list)\n",
          (t_loaded - t_start) / 1e3,
          g_list_model_get_n_items (rasd_event_model_get_people (rasd_window_get_event_model (window))));
  getrusage (RUSAGE_SELF, &usage);
  printf (" peak memory:               %6.0f MB (ru_maxrss; now %.0f MB anonymous)\n",
          usage.ru_maxrss / 1024.0, rss_anon_mb ());

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
