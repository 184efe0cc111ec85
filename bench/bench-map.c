/* Times RasdEventMap's clustering and marker widgets for many places: the places facet of 20,000
 * events at 3,000 places spread over the Middle East, then the zoom level changed from 1 to 10.
 * Needs a display (run under xvfb-run). */
#include "config.h"

#include <adwaita.h>

#include "rasd-event-map.h"
#include "rasd-facet-item.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GListStore) store = g_list_store_new (RASD_TYPE_FACET_ITEM);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  guint counts[3000] = { 0, };
  GtkWidget *window;
  RasdEventMap *map;
  gint64 start;

  gtk_init ();
  adw_init ();
  for (int i = 0; i < 20000; i++)
    counts[g_rand_int_range (rand, 0, 3000)]++;
  for (int place = 0; place < 3000; place++)
    {
      g_autoptr(GRand) where = g_rand_new_with_seed (place);
      g_autofree char *key = g_strdup_printf ("place:%d", place);
      g_autofree char *name = g_strdup_printf ("مكان %d", place);
      double lat = g_rand_double_range (where, 10, 45);
      double lon = g_rand_double_range (where, -10, 60);
      g_autoptr(RasdFacetItem) item = NULL;

      if (counts[place] == 0)
        continue;
      item = rasd_facet_item_new_place (key, name, NULL, counts[place], lat, lon);
      g_list_store_append (store, item);
    }

  window = gtk_window_new ();
  map = RASD_EVENT_MAP (rasd_event_map_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_width (GTK_WIDGET (map)) == 0)
    g_main_context_iteration (NULL, TRUE);

  start = g_get_monotonic_time ();
  rasd_event_map_set_model (map, G_LIST_MODEL (store));
  g_print ("set_model, 20000 events at 3000 places: %6.1f ms, %4u markers at zoom %.0f\n",
           (g_get_monotonic_time () - start) / 1000.0, rasd_event_map_get_n_markers (map),
           rasd_event_map_get_zoom (map));
  for (int zoom = 1; zoom <= 10; zoom++)
    {
      start = g_get_monotonic_time ();
      rasd_event_map_go_to (map, 30, 25, zoom);
      g_print ("zoom %2d: clusters and widgets in %6.1f ms, %4u markers\n", zoom,
               (g_get_monotonic_time () - start) / 1000.0, rasd_event_map_get_n_markers (map));
    }
  start = g_get_monotonic_time ();
  rasd_event_map_go_to (map, 40, 50, 7);
  g_print ("pan at zoom 7: %6.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
