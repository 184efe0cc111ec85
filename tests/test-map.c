#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "rasd-basemap-source.h"
#include "rasd-error.h"
#include "rasd-facet-item.h"
#include "rasd-event-map.h"
#include "rasd-resources.h"
#include "rasd-gui-test-util.h"
#include "rasd-test-util.h"

/* One turn of the main loop that never blocks, so that deadlines are checked even when
 * nothing happens. */
static void
iterate (void)
{
  if (!g_main_context_iteration (NULL, FALSE))
    g_usleep (1000);
}

/* Tile and pixel holding @lat, @lon at @zoom in web Mercator. */
static void
tile_of (double  lat,
         double  lon,
         int     zoom,
         int    *tx,
         int    *ty,
         int    *px,
         int    *py)
{
  double world = ldexp (RASD_BASEMAP_TILE_SIZE, zoom);
  double phi = lat * G_PI / 180.0;
  double x = (lon + 180.0) / 360.0 * world;
  double y = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0 * world;

  *tx = (int) (x / RASD_BASEMAP_TILE_SIZE);
  *ty = (int) (y / RASD_BASEMAP_TILE_SIZE);
  *px = (int) x % RASD_BASEMAP_TILE_SIZE;
  *py = (int) y % RASD_BASEMAP_TILE_SIZE;
}

/* The tile's pixels as 0xRRGGBB, decoded from the PNG bytes the source returns. */
static guint32 *
render_pixels (RasdBasemapSource *source,
               int                x,
               int                y,
               int                zoom)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = rasd_basemap_source_render_tile (source, x, y, zoom, &error);
  g_autoptr(GdkTexture) texture = NULL;
  guint32 *pixels;

  g_assert_no_error (error);
  texture = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, RASD_BASEMAP_TILE_SIZE);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, RASD_BASEMAP_TILE_SIZE);
  pixels = g_new (guint32, RASD_BASEMAP_TILE_SIZE * RASD_BASEMAP_TILE_SIZE);
  /* GDK_MEMORY_DEFAULT is B8G8R8A8 premultiplied: on little-endian, 0xAARRGGBB words. */
  gdk_texture_download (texture, (guchar *) pixels, RASD_BASEMAP_TILE_SIZE * 4);
  for (guint i = 0; i < RASD_BASEMAP_TILE_SIZE * RASD_BASEMAP_TILE_SIZE; i++)
    pixels[i] = GUINT32_FROM_LE (pixels[i]) & 0xffffff;
  return pixels;
}

static guint32
pixel_at (RasdBasemapSource *source,
          double             lat,
          double             lon,
          int                zoom)
{
  g_autofree guint32 *pixels = NULL;
  int tx, ty, px, py;

  tile_of (lat, lon, zoom, &tx, &ty, &px, &py);
  pixels = render_pixels (source, tx, ty, zoom);
  return pixels[py * RASD_BASEMAP_TILE_SIZE + px];
}

static void
check_sea_and_land (RasdBasemapSource *source)
{
  guint32 sea = rasd_basemap_source_get_sea_rgb (source);
  guint32 land = rasd_basemap_source_get_land_rgb (source);

  g_assert_cmphex (sea, !=, land);
  g_assert_cmphex (pixel_at (source, 30, -40, 3), ==, sea);    /* mid-Atlantic */
  g_assert_cmphex (pixel_at (source, -30, 80, 3), ==, sea);    /* Indian Ocean */
  g_assert_cmphex (pixel_at (source, 26, 3, 3), ==, land);     /* Sahara, Algeria */
  g_assert_cmphex (pixel_at (source, 60, 60, 3), ==, land);    /* central Russia */
  g_assert_cmphex (pixel_at (source, 40, -100, 3), ==, land);  /* Kansas */
  g_assert_cmphex (pixel_at (source, 42, 51, 5), ==, sea);     /* the Caspian, a lake in the land */
}

static void
test_basemap_sea_and_land (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdBasemapSource) source = rasd_basemap_source_new (NULL, &error);

  g_assert_no_error (error);
  check_sea_and_land (source);
  rasd_basemap_source_set_dark (source, TRUE);
  g_assert_true (rasd_basemap_source_get_dark (source));
  check_sea_and_land (source);
}

/* Every zoom level draws the Levant with sea, land, coast and borders, not one flat colour. */
static void
test_basemap_levant_every_zoom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdBasemapSource) source = rasd_basemap_source_new (NULL, &error);

  g_assert_no_error (error);
  for (int zoom = RASD_BASEMAP_MIN_ZOOM; zoom <= RASD_BASEMAP_MAX_ZOOM; zoom++)
    {
      g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
      g_autofree guint32 *pixels = NULL;
      guint n_land = 0, n_sea = 0;
      int tx, ty, px, py;

      /* The coast south of Beirut: sea and land on every zoom level. */
      tile_of (33.6, 35.4, zoom, &tx, &ty, &px, &py);
      pixels = render_pixels (source, tx, ty, zoom);
      for (guint i = 0; i < RASD_BASEMAP_TILE_SIZE * RASD_BASEMAP_TILE_SIZE; i++)
        {
          g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));
          n_land += pixels[i] == rasd_basemap_source_get_land_rgb (source);
          n_sea += pixels[i] == rasd_basemap_source_get_sea_rgb (source);
        }
      g_test_message ("zoom %d: %u colours, %u land, %u sea pixels", zoom,
                      g_hash_table_size (colours), n_land, n_sea);
      g_assert_cmpuint (g_hash_table_size (colours), >, 4);
      g_assert_cmpuint (n_land, >, 1000);
      if (zoom <= 7)
        g_assert_cmpuint (n_sea, >, 1000);
    }
}

static void
test_basemap_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "missing.bin", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.bin", NULL);
  g_autofree char *truncated = g_build_filename (dir, "truncated.bin", NULL);
  g_autoptr(RasdBasemapSource) source = NULL;
  /* One part claiming 1000 points with none following. */
  const char part[] = "RASDMAP1\1\0\0\0" "\0\0\0\0\xe8\3\0\0" "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

  source = rasd_basemap_source_new (missing, &error);
  g_assert_null (source);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad, "not a map", -1, NULL));
  source = rasd_basemap_source_new (bad, &error);
  g_assert_null (source);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, bad));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (truncated, part, sizeof part - 1, NULL));
  source = rasd_basemap_source_new (truncated, &error);
  g_assert_null (source);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "truncated"));
  g_clear_error (&error);

  source = rasd_basemap_source_new (NULL, &error);
  g_assert_no_error (error);
  g_assert_null (rasd_basemap_source_render_tile (source, 8, 0, 3, &error));
  g_assert_error (error, RASD_ERROR, RASD_ERROR_FAILED);
}

/* The renderer Shumate uses asks for tiles through the async API; the answer is a PNG. */
static void
on_tile_data (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  GBytes **out = data;
  g_autoptr(GError) error = NULL;

  *out = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_basemap_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdBasemapSource) source = rasd_basemap_source_new (NULL, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ShumateMapSource) renderer = NULL;
  const guint8 png_magic[] = { 0x89, 'P', 'N', 'G' };

  g_assert_no_error (error);
  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), 4, 3, 3, NULL,
                                           on_tile_data, &bytes);
  g_assert_cmpuint (rasd_basemap_source_get_n_pending (source), ==, 1);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rasd_basemap_source_get_n_pending (source), ==, 0);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, png_magic, 4);

  renderer = rasd_basemap_source_new_renderer (source);
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (renderer), ==, 1);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (renderer), ==, 10);
  g_assert_cmpuint (shumate_map_source_get_tile_size (renderer), ==, 256);
}

/* Events ---------------------------------------------------------------------------------- */

typedef struct
{
  const char *key;
  const char *name;
  double      lat;
  double      lon;
} TestPlace;

static const TestPlace damascus = { "city:damascus", "دمشق", 33.51, 36.29 };
static const TestPlace beirut = { "city:beirut", "بيروت", 33.89, 35.50 };
static const TestPlace moscow = { "city:moscow", "موسكو", 55.75, 37.62 };
static const TestPlace cairo = { "city:cairo", "القاهرة", 30.04, 31.24 };
static const TestPlace tehran = { "city:tehran", "طهران", 35.69, 51.39 };
static const TestPlace riyadh = { "city:riyadh", "الرياض", 24.69, 46.72 };
static const TestPlace ankara = { "city:ankara", "أنقرة", 39.93, 32.86 };

/* The map draws the places facet (RasdFacetItem with coordinates and a count); @n events at
 * @where add one row (a key listed twice adds up on the map); no place: nothing to draw, but a
 * row without coordinates, as the facet lists places without them too. */
static void
add_events (GListStore      *store,
            const TestPlace *where,
            guint            n)
{
  g_autoptr(RasdFacetItem) item = NULL;

  if (where != NULL)
    item = rasd_facet_item_new_place (where->key, where->name, NULL, n, where->lat, where->lon);
  else
    item = rasd_facet_item_new ("city:nowhere", "nowhere", NULL, n);
  g_list_store_append (store, item);
}

static GListStore *
middle_east_events (void)
{
  GListStore *store = g_list_store_new (RASD_TYPE_FACET_ITEM);

  add_events (store, &damascus, 12);
  add_events (store, &beirut, 5);
  add_events (store, &moscow, 30);
  add_events (store, &cairo, 3);
  add_events (store, &tehran, 1);
  add_events (store, &riyadh, 7);
  add_events (store, &ankara, 2);
  add_events (store, NULL, 4);  /* no place: not on the map */
  return store;
}

static void
test_map_markers (void)
{
  g_autoptr(GListStore) store = g_list_store_new (RASD_TYPE_FACET_ITEM);
  RasdEventMap *map = RASD_EVENT_MAP (g_object_ref_sink (rasd_event_map_new ()));
  GtkWidget *marker;
  const char *label;

  g_assert_cmpuint (rasd_event_map_get_n_markers (map), ==, 0);
  add_events (store, &damascus, 3);
  add_events (store, &moscow, 2);
  add_events (store, &cairo, 1);
  add_events (store, NULL, 2);
  rasd_event_map_set_model (map, G_LIST_MODEL (store));
  rasd_event_map_go_to (map, 33, 36, 8);
  g_assert_cmpuint (rasd_event_map_get_n_markers (map), ==, 3);

  marker = rasd_event_map_get_marker (map, damascus.key);
  g_assert_nonnull (marker);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (marker)), ==, "3");
  g_assert_true (gtk_widget_get_focusable (marker));
  g_assert_false (gtk_widget_has_css_class (marker, "cluster"));
  label = gtk_widget_get_tooltip_text (marker);
  g_assert_nonnull (strstr (label, "دمشق"));
  g_assert_nonnull (strstr (label, "3 events"));
  /* More events, a larger marker. */
  {
    int small_w, large_w;

    gtk_widget_get_size_request (rasd_event_map_get_marker (map, cairo.key), &small_w, NULL);
    gtk_widget_get_size_request (marker, &large_w, NULL);
    g_assert_cmpint (large_w, >, small_w);
  }

  /* items-changed is followed: a new place, and more events at an old one. */
  add_events (store, &tehran, 1);
  add_events (store, &cairo, 4);
  g_assert_cmpuint (rasd_event_map_get_n_markers (map), ==, 4);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (rasd_event_map_get_marker (map, cairo.key))),
                   ==, "5");
  g_list_store_remove_all (store);
  g_assert_cmpuint (rasd_event_map_get_n_markers (map), ==, 0);
  g_assert_null (rasd_event_map_get_marker (map, cairo.key));

  rasd_event_map_set_model (map, NULL);
  g_object_unref (map);
}

/* Whether a name label @text is shown on the layer holding @marker. */
static gboolean
has_label (GtkWidget  *marker,
           const char *text)
{
  GtkWidget *layer = gtk_widget_get_parent (gtk_widget_get_parent (marker));

  for (GtkWidget *child = gtk_widget_get_first_child (layer); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = shumate_marker_get_child (SHUMATE_MARKER (child));

      if (GTK_IS_LABEL (label) && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), text))
        return TRUE;
    }
  return FALSE;
}

static void
test_map_clusters (void)
{
  g_autoptr(GListStore) store = g_list_store_new (RASD_TYPE_FACET_ITEM);
  RasdEventMap *map = RASD_EVENT_MAP (g_object_ref_sink (rasd_event_map_new ()));
  GtkWidget *cluster;

  add_events (store, &damascus, 12);
  add_events (store, &beirut, 5);
  add_events (store, &moscow, 2);
  rasd_event_map_set_model (map, G_LIST_MODEL (store));

  rasd_event_map_go_to (map, 34, 36, 2);
  g_assert_cmpuint (rasd_event_map_get_n_markers (map), ==, 2);
  cluster = rasd_event_map_get_marker (map, damascus.key);
  g_assert_true (cluster == rasd_event_map_get_marker (map, beirut.key));
  g_assert_true (gtk_widget_has_css_class (cluster, "cluster"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cluster)), ==, "17");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cluster), "2 places, 17 events"));
  g_assert_false (rasd_event_map_get_marker (map, moscow.key) == cluster);
  /* A cluster has no name under it; a place alone has. */
  g_assert_false (has_label (cluster, damascus.name));
  g_assert_false (has_label (cluster, beirut.name));
  g_assert_true (has_label (cluster, moscow.name));

  rasd_event_map_go_to (map, 34, 36, 8);
  g_assert_cmpuint (rasd_event_map_get_n_markers (map), ==, 3);
  g_assert_false (rasd_event_map_get_marker (map, damascus.key)
                  == rasd_event_map_get_marker (map, beirut.key));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (rasd_event_map_get_marker (map, beirut.key))),
                   ==, "5");
  g_assert_true (has_label (rasd_event_map_get_marker (map, beirut.key), beirut.name));
  g_assert_true (has_label (rasd_event_map_get_marker (map, beirut.key), damascus.name));

  g_object_unref (map);
}

static void
on_place_activated (RasdEventMap *map,
                    const char   *key,
                    const char   *label,
                    GStrv        *out)
{
  g_strfreev (*out);
  *out = g_strdupv ((char *[]) { (char *) key, (char *) label, NULL });
}

static void
test_map_activate_and_select (void)
{
  g_autoptr(GListStore) store = middle_east_events ();
  GtkWidget *window = gtk_window_new ();
  RasdEventMap *map = RASD_EVENT_MAP (rasd_event_map_new ());
  g_auto(GStrv) activated = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkWidget *marker;
  guint n_markers;

  /* GtkButton activates only when realized. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  rasd_event_map_set_model (map, G_LIST_MODEL (store));
  rasd_event_map_go_to (map, 34, 36, 8);
  g_signal_connect (map, "place-activated", G_CALLBACK (on_place_activated), &activated);

  /* As the keyboard does it: GtkButton emits "clicked" after showing itself pressed. */
  g_assert_true (gtk_widget_activate (rasd_event_map_get_marker (map, beirut.key)));
  while (activated == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate ();
    }
  g_assert_cmpstr (activated[0], ==, beirut.key);
  g_assert_cmpstr (activated[1], ==, beirut.name);

  g_assert_null (rasd_event_map_get_selected_place (map));
  rasd_event_map_set_selected_place (map, damascus.key);
  g_assert_cmpstr (rasd_event_map_get_selected_place (map), ==, damascus.key);
  marker = rasd_event_map_get_marker (map, damascus.key);
  g_assert_true (gtk_widget_has_css_class (marker, "selected"));
  g_assert_false (gtk_widget_has_css_class (rasd_event_map_get_marker (map, beirut.key),
                                            "selected"));
  /* Raised: the marker is the layer's last child, drawn above the others. */
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_parent (marker)));

  /* The selection survives re-clustering, moving to the cluster that holds the place. */
  rasd_event_map_go_to (map, 34, 36, 2);
  g_assert_true (gtk_widget_has_css_class (rasd_event_map_get_marker (map, damascus.key),
                                           "selected"));
  g_assert_false (gtk_widget_has_css_class (rasd_event_map_get_marker (map, moscow.key),
                                            "selected"));

  rasd_event_map_set_selected_place (map, NULL);
  g_assert_false (gtk_widget_has_css_class (rasd_event_map_get_marker (map, damascus.key),
                                            "selected"));

  /* Clicking a cluster zooms in on its places, parting some; no place is activated. */
  g_clear_pointer (&activated, g_strfreev);
  g_assert_true (gtk_widget_has_css_class (rasd_event_map_get_marker (map, beirut.key),
                                           "cluster"));
  n_markers = rasd_event_map_get_n_markers (map);
  g_signal_emit_by_name (rasd_event_map_get_marker (map, beirut.key), "clicked");
  while (rasd_event_map_get_n_markers (map) <= n_markers)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate ();
    }
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), >, 2);
  g_assert_null (activated);

  /* Selecting a place off-screen brings it into view. */
  rasd_event_map_go_to (map, -30, -60, 6);
  rasd_event_map_set_selected_place (map, moscow.key);
  g_assert_null (rasd_event_map_get_marker (map, moscow.key));  /* far away: no widget yet */
  while ((marker = rasd_event_map_get_marker (map, moscow.key)) == NULL
         || !gtk_widget_get_mapped (marker)
         || !gtk_widget_get_child_visible (gtk_widget_get_parent (marker))
         || !gtk_widget_has_css_class (marker, "selected"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate ();
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Screenshots ------------------------------------------------------------------------------ */

static void
wait_until_drawn (GtkWidget    *window,
                  RasdEventMap *map)
{
  /* Long enough for valgrind. */
  gint64 deadline = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  guint quiet = 0;

  /* Until the window is shown and no tile has been pending for a while: Shumate asks for
   * tiles as it lays out, then decodes what the source returns. */
  while (quiet < 100)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      if (gtk_widget_get_mapped (window) && !rasd_event_map_is_loading (map))
        quiet++;
      else
        quiet = 0;
      g_usleep (2000);
    }
}

static void
screenshot (AdwColorScheme  scheme,
            const char     *name)
{
  g_autoptr(GListStore) store = middle_east_events ();
  GtkWidget *window = gtk_window_new ();
  RasdEventMap *map = RASD_EVENT_MAP (rasd_event_map_new ());

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  rasd_event_map_set_model (map, G_LIST_MODEL (store));
  rasd_event_map_go_to (map, 33, 42, 3);
  rasd_event_map_set_selected_place (map, riyadh.key);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (window, map);

  /* Beirut and Cairo join Damascus's cluster; Ankara, Riyadh, Tehran, Moscow stay apart. */
  g_assert_cmpuint (rasd_event_map_get_n_markers (map), ==, 5);
  g_assert_cmpuint (rasd_test_render_to_png (window, name), >, 32);
  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

/* Many places close together: clusters and names must leave every marker readable. */
static void
test_map_screenshot_crowded (void)
{
  g_autoptr(GListStore) store = g_list_store_new (RASD_TYPE_FACET_ITEM);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (TestPlace));
  GtkWidget *window = gtk_window_new ();
  RasdEventMap *map = RASD_EVENT_MAP (rasd_event_map_new ());
  graphene_rect_t *circles;
  GtkWidget *layer = NULL;
  guint n = 0;

  for (guint i = 0; i < 150; i++)
    {
      TestPlace place;

      g_ptr_array_add (names, g_strdup_printf ("place:%u", i));
      place.key = g_ptr_array_index (names, names->len - 1);
      g_ptr_array_add (names, g_strdup_printf ("مدينة %u", i));
      place.name = g_ptr_array_index (names, names->len - 1);
      place.lat = g_rand_double_range (rand, 20, 42);
      place.lon = g_rand_double_range (rand, 25, 55);
      g_array_append_val (places, place);
      add_events (store, &g_array_index (places, TestPlace, i),
                  (guint) g_rand_int_range (rand, 1, 1 + (i % 7 == 0 ? 60 : 6)));
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  rasd_event_map_set_model (map, G_LIST_MODEL (store));
  rasd_event_map_go_to (map, 31, 40, 5);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_drawn (window, map);
  g_assert_cmpuint (rasd_test_render_to_png (window, "map-crowded"), >, 32);

  /* No two marker circles on screen overlap. */
  for (guint i = 0; i < places->len && layer == NULL; i++)
    {
      GtkWidget *marker = rasd_event_map_get_marker (map, g_array_index (places, TestPlace, i).key);

      if (marker != NULL)
        layer = gtk_widget_get_parent (gtk_widget_get_parent (marker));
    }
  g_assert_nonnull (layer);
  circles = g_new0 (graphene_rect_t, rasd_event_map_get_n_markers (map) + 1);
  for (GtkWidget *child = gtk_widget_get_first_child (layer); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = shumate_marker_get_child (SHUMATE_MARKER (child));

      if (!GTK_IS_BUTTON (button) || !gtk_widget_get_child_visible (child))
        continue;
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (map), &circles[n]));
      for (guint j = 0; j < n; j++)
        {
          graphene_point_t a, b;

          graphene_rect_get_center (&circles[n], &a);
          graphene_rect_get_center (&circles[j], &b);
          g_assert_cmpfloat (graphene_point_distance (&a, &b, NULL, NULL), >=,
                             (circles[n].size.width + circles[j].size.width) / 2);
        }
      n++;
    }
  g_test_message ("%u markers on screen", n);
  g_assert_cmpuint (n, >, 10);
  g_free (circles);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_map_screenshot (void)
{
  screenshot (ADW_COLOR_SCHEME_FORCE_LIGHT, "map");
}

static void
test_map_screenshot_dark (void)
{
  screenshot (ADW_COLOR_SCHEME_FORCE_DARK, "map-dark");
}

static void
test_map_zoom_to_fit (void)
{
  g_autoptr(GListStore) store = g_list_store_new (RASD_TYPE_FACET_ITEM);
  GtkWidget *window = gtk_window_new ();
  RasdEventMap *map = RASD_EVENT_MAP (rasd_event_map_new ());
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  add_events (store, &damascus, 2);
  add_events (store, &beirut, 1);
  rasd_event_map_set_model (map, G_LIST_MODEL (store));
  rasd_event_map_go_to (map, 0, -100, 1);
  /* Asked before the widget has a size: done once it has one. */
  rasd_event_map_zoom_to_fit (map);
  gtk_window_present (GTK_WINDOW (window));
  while (rasd_event_map_get_zoom (map) < 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      iterate ();
    }
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), >=, 6);
  g_assert_cmpuint (rasd_event_map_get_n_markers (map), ==, 2);

  /* Far apart places: a wide view with both. */
  add_events (store, &moscow, 1);
  rasd_event_map_zoom_to_fit (map);
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), <=, 4);
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), >=, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* What AdwApplication does for the application: the markers' style. */
  rasd_register_resource ();
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/rasd/Rasd/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/map/basemap/sea-and-land", test_basemap_sea_and_land);
  g_test_add_func ("/map/basemap/levant-every-zoom", test_basemap_levant_every_zoom);
  g_test_add_func ("/map/basemap/errors", test_basemap_errors);
  g_test_add_func ("/map/basemap/async", test_basemap_async);
  g_test_add_func ("/map/markers", test_map_markers);
  g_test_add_func ("/map/clusters", test_map_clusters);
  g_test_add_func ("/map/activate-and-select", test_map_activate_and_select);
  g_test_add_func ("/map/zoom-to-fit", test_map_zoom_to_fit);
  g_test_add_func ("/map/screenshot", test_map_screenshot);
  g_test_add_func ("/map/screenshot-dark", test_map_screenshot_dark);
  g_test_add_func ("/map/screenshot-crowded", test_map_screenshot_crowded);

  return g_test_run ();
}
