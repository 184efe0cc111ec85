#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "rasd-application.h"
#include "rasd-basemap-source.h"
#include "rasd-error.h"
#include "rasd-facet-item.h"
#include "rasd-event-map.h"
#include "rasd-online-source.h"
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
  g_assert_cmphex (pixel_at (source, 44, -112, 3), ==, land);  /* Idaho, away from the names */
  g_assert_cmphex (pixel_at (source, 39.5, 51.5, 5), ==, sea); /* the Caspian, a lake in the land */
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
/* stored at its capital's point, as older databases have it; the map moves it to Libya's middle */
static const TestPlace libya = { "country:LY", "ليبيا", 32.89, 13.19 };

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
  add_events (store, &libya, 4);
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

  /* Beirut and Cairo join Damascus's cluster; Ankara, Riyadh, Tehran, Moscow stay apart, and
   * Libya, at its label point inside the country, is a country's marker. */
  g_assert_cmpuint (rasd_event_map_get_n_markers (map), ==, 6);
  g_assert_true (gtk_widget_has_css_class (rasd_event_map_get_marker (map, libya.key), "country"));
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


/* Labels ------------------------------------------------------------------------------------ */

#define MOSCOW_KEY "524901"   /* libgeonames' id */

static RasdBasemapSource *
labelled_source (const char *language)
{
  g_autoptr(GError) error = NULL;
  RasdBasemapSource *source = rasd_basemap_source_new_full (NULL, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rasd_basemap_source_get_labels (source));
  return source;
}

/* Pixels of @surface (ARGB32) with some label ink: not transparent. */
static guint
count_opaque (cairo_surface_t *surface)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += (((const guint32 *) (data + y * stride))[x] >> 24) > 0;
  return n;
}

/* The tile holding the label's middle, and the label's place in it. */
static void
label_tile (const RasdBasemapLabel *label,
            int                    *tx,
            int                    *ty,
            double                 *x,
            double                 *y)
{
  *tx = (int) floor ((label->x + label->width / 2) / RASD_BASEMAP_TILE_SIZE);
  *ty = (int) floor ((label->y + label->height / 2) / RASD_BASEMAP_TILE_SIZE);
  *x = label->x - *tx * RASD_BASEMAP_TILE_SIZE;
  *y = label->y - *ty * RASD_BASEMAP_TILE_SIZE;
}

/* How much of @text's ink, drawn with Pango in @font at @x, @y, falls on dark label pixels of
 * @labels (the names are dark on a light halo): 1 when the tile shows exactly that text. */
static double
ink_match (cairo_surface_t *labels,
           const char      *text,
           const char      *font,
           double           x,
           double           y)
{
  cairo_surface_t *reference = cairo_image_surface_create (CAIRO_FORMAT_A8, RASD_BASEMAP_TILE_SIZE,
                                                           RASD_BASEMAP_TILE_SIZE);
  cairo_t *cr = cairo_create (reference);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  cairo_font_options_t *options = cairo_font_options_create ();
  const guint8 *ref, *got;
  int ref_stride, got_stride;
  guint ink = 0, matched = 0;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
  cairo_surface_flush (reference);

  ref = cairo_image_surface_get_data (reference);
  ref_stride = cairo_image_surface_get_stride (reference);
  got = cairo_image_surface_get_data (labels);
  got_stride = cairo_image_surface_get_stride (labels);
  for (int py = 0; py < RASD_BASEMAP_TILE_SIZE; py++)
    for (int px = 0; px < RASD_BASEMAP_TILE_SIZE; px++)
      {
        guint32 pixel = ((const guint32 *) (got + py * got_stride))[px];
        guint alpha = pixel >> 24;
        /* premultiplied: a dark, opaque pixel has low colour and high alpha */
        guint green = (pixel >> 8) & 0xff;

        if (ref[py * ref_stride + px] < 160)
          continue;
        ink++;
        matched += alpha > 160 && green < alpha / 2;
      }
  cairo_surface_destroy (reference);
  g_assert_cmpuint (ink, >, 20);
  return (double) matched / ink;
}

/* A tile over Moscow at a city zoom level names Moscow, in English. */
static void
test_labels_city (void)
{
  g_autoptr(RasdBasemapSource) source = labelled_source ("en");
  RasdBasemapLabels *labels = rasd_basemap_source_get_labels (source);
  RasdBasemapLabel label;
  cairo_surface_t *surface;
  int tx, ty, mx, my, px, py;
  double x, y;

  g_assert_cmpstr (rasd_basemap_labels_get_language (labels), ==, "en");
  g_assert_true (rasd_basemap_labels_find (labels, 7, MOSCOW_KEY, &label));
  g_assert_cmpstr (label.text, ==, "Moscow");
  /* its name beside Moscow itself */
  tile_of (55.75, 37.62, 7, &mx, &my, &px, &py);
  g_assert_cmpfloat (fabs (label.y + label.height / 2 - (my * 256 + py)), <, label.height);

  label_tile (&label, &tx, &ty, &x, &y);
  surface = rasd_basemap_source_render_labels (source, tx, ty, 7);
  g_test_message ("Moscow at zoom 7: tile %d/%d, %u label pixels", tx, ty, count_opaque (surface));
  g_assert_cmpuint (count_opaque (surface), >, 200);
  g_assert_cmpfloat (ink_match (surface, "Moscow", label.font, x, y), >, 0.9);
  cairo_surface_destroy (surface);

  /* Drawn into the basemap tile itself: its colours change where the name is. */
  {
    g_autofree guint32 *with = render_pixels (source, tx, ty, 7);
    guint dark = 0;

    for (guint i = 0; i < RASD_BASEMAP_TILE_SIZE * RASD_BASEMAP_TILE_SIZE; i++)
      dark += ((with[i] >> 8) & 0xff) < 0x70;
    g_assert_cmpuint (dark, >, 50);
  }

  /* Few names far out, every large city close in. */
  g_assert_cmpuint (rasd_basemap_labels_count (labels, 2), <, 60);
  g_assert_false (rasd_basemap_labels_find (labels, 2, MOSCOW_KEY, &label));
  g_assert_cmpuint (rasd_basemap_labels_count (labels, 6), >, rasd_basemap_labels_count (labels, 4));
}

/* The Arabic interface's map names Moscow موسكو: the label layer alone, compared with Pango's
 * drawing of the expected text where the label stands. */
static void
test_labels_arabic (void)
{
  g_autoptr(RasdBasemapSource) source = labelled_source ("ar");
  RasdBasemapLabels *labels = rasd_basemap_source_get_labels (source);
  RasdBasemapLabel label;
  cairo_surface_t *surface;
  int tx, ty;
  double x, y, arabic, english;

  g_assert_true (rasd_basemap_labels_find (labels, 7, MOSCOW_KEY, &label));
  g_assert_cmpstr (label.text, ==, "موسكو");
  label_tile (&label, &tx, &ty, &x, &y);
  surface = rasd_basemap_source_render_labels (source, tx, ty, 7);
  arabic = ink_match (surface, "موسكو", label.font, x, y);
  english = ink_match (surface, "Moscow", label.font, x, y);
  g_test_message ("ink matching موسكو: %.2f, Moscow: %.2f", arabic, english);
  g_assert_cmpfloat (arabic, >, 0.9);
  g_assert_cmpfloat (english, <, 0.7);
  cairo_surface_destroy (surface);
}

/* Countries at low zoom, at their label point inside their land, not at the capital. */
static void
test_labels_country (void)
{
  g_autoptr(RasdBasemapSource) source = labelled_source ("en");
  RasdBasemapLabels *labels = rasd_basemap_source_get_labels (source);
  RasdBasemapLabel label;
  cairo_surface_t *surface;
  double lat, lon, room;
  int tx, ty;
  double x, y;

  g_assert_true (rasd_basemap_source_get_country (source, "RU", &lat, &lon, &room));
  g_assert_cmpfloat (lon, >, 60);     /* in Siberia, far from Moscow */
  g_assert_cmpfloat (room, >, 0.02);
  g_assert_cmphex (pixel_at (source, lat, lon, 4), !=, rasd_basemap_source_get_sea_rgb (source));
  g_assert_false (rasd_basemap_source_get_country (source, "ZZ", &lat, &lon, &room));

  g_assert_true (rasd_basemap_labels_find (labels, 3, "country:RU", &label));
  g_assert_cmpstr (label.text, ==, "Russia");
  label_tile (&label, &tx, &ty, &x, &y);
  surface = rasd_basemap_source_render_labels (source, tx, ty, 3);
  g_assert_cmpfloat (ink_match (surface, "Russia", label.font, x, y), >, 0.9);
  cairo_surface_destroy (surface);
  /* A small country waits until it has room for its name. */
  g_assert_false (rasd_basemap_labels_find (labels, 2, "country:LB", &label));
  g_assert_true (rasd_basemap_labels_find (labels, 7, "country:LB", &label));
  /* and seas */
  g_assert_true (rasd_basemap_labels_find (labels, 4, "sea:4", &label));
  g_assert_cmpstr (label.text, ==, "Mediterranean Sea");
}

/* No two names overlap, and a name across a tile edge is drawn in both tiles, each half where
 * the name runs. */
static void
test_labels_collisions_and_edges (void)
{
  g_autoptr(RasdBasemapSource) source = labelled_source ("en");
  RasdBasemapLabels *labels = rasd_basemap_source_get_labels (source);
  guint n = rasd_basemap_labels_count (labels, 5);
  g_autofree RasdBasemapLabel *all = g_new (RasdBasemapLabel, n);
  guint n_crossing = 0;

  g_assert_cmpuint (n, >, 100);
  for (guint i = 0; i < n; i++)
    rasd_basemap_labels_get (labels, 5, i, &all[i]);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      g_assert_false (all[i].x < all[j].x + all[j].width && all[j].x < all[i].x + all[i].width
                      && all[i].y < all[j].y + all[j].height && all[j].y < all[i].y + all[i].height);

  for (guint i = 0; i < n && n_crossing < 5; i++)
    {
      const RasdBasemapLabel *l = &all[i];
      int left = (int) floor (l->x / RASD_BASEMAP_TILE_SIZE);
      int row = (int) floor ((l->y + l->height / 2) / RASD_BASEMAP_TILE_SIZE);
      double edge = (left + 1) * RASD_BASEMAP_TILE_SIZE;
      cairo_surface_t *a, *b;
      guint ink_a = 0, ink_b = 0;

      /* a name that crosses a vertical edge by at least 6 px on each side, in one row of tiles */
      if (l->x > edge - 6 || l->x + l->width < edge + 6 || left < 0
          || floor (l->y / RASD_BASEMAP_TILE_SIZE) != floor ((l->y + l->height) / RASD_BASEMAP_TILE_SIZE))
        continue;
      a = rasd_basemap_source_render_labels (source, left, row, 5);
      b = rasd_basemap_source_render_labels (source, left + 1, row, 5);
      for (int y = (int) l->y - row * RASD_BASEMAP_TILE_SIZE + 2;
           y < (int) (l->y + l->height) - row * RASD_BASEMAP_TILE_SIZE - 2; y++)
        {
          const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a)
                                                 + y * cairo_image_surface_get_stride (a));
          const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b)
                                                 + y * cairo_image_surface_get_stride (b));

          for (int x = RASD_BASEMAP_TILE_SIZE - 4; x < RASD_BASEMAP_TILE_SIZE; x++)
            ink_a += (ra[x] >> 24) > 0;
          for (int x = 0; x < 4; x++)
            ink_b += (rb[x] >> 24) > 0;
        }
      g_test_message ("%s crosses the edge of tiles %d and %d: %u and %u pixels at the edge",
                      l->text, left, left + 1, ink_a, ink_b);
      g_assert_cmpuint (ink_a, >, 0);
      g_assert_cmpuint (ink_b, >, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
      n_crossing++;
    }
  g_assert_cmpuint (n_crossing, >, 0);
}

/* Which tile asks first changes nothing: the labels are chosen for the whole world. */
static void
test_labels_deterministic (void)
{
  g_autoptr(RasdBasemapSource) a = labelled_source ("en");
  g_autoptr(RasdBasemapSource) b = labelled_source ("en");
  g_autoptr(GBytes) far = NULL;
  RasdBasemapLabel la, lb;

  far = rasd_basemap_source_render_tile (b, 10, 30, 6, NULL);   /* South America first */
  g_assert_true (rasd_basemap_labels_find (rasd_basemap_source_get_labels (a), 6, MOSCOW_KEY, &la));
  g_assert_true (rasd_basemap_labels_find (rasd_basemap_source_get_labels (b), 6, MOSCOW_KEY, &lb));
  g_assert_cmpfloat (la.x, ==, lb.x);
  g_assert_cmpfloat (la.y, ==, lb.y);
  g_assert_cmpuint (rasd_basemap_labels_count (rasd_basemap_source_get_labels (a), 6), ==,
                    rasd_basemap_labels_count (rasd_basemap_source_get_labels (b), 6));
}

/* Online tiles ------------------------------------------------------------------------------ */

/* A tile server on the loopback interface: "/3/4/3.png" is a PNG, anything else 404.  Records
 * the User-Agent it was sent. */
typedef struct
{
  GSocketService *service;
  guint16         port;
  GBytes         *png;
  GMutex          lock;
  char           *user_agent;
  guint           n_requests;
} TileServer;

static gboolean
on_tile_request (GThreadedSocketService *service,
                 GSocketConnection      *connection,
                 GObject                *source,
                 TileServer             *server)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GString) request = g_string_new (NULL);
  g_autofree char *header = NULL;
  char buffer[1024];
  gssize n;

  while (strstr (request->str, "\r\n\r\n") == NULL
         && (n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (request, buffer, n);

  g_mutex_lock (&server->lock);
  server->n_requests++;
  {
    const char *ua = strstr (request->str, "User-Agent: ");

    if (ua != NULL)
      {
        g_free (server->user_agent);
        server->user_agent = g_strndup (ua + 12, strcspn (ua + 12, "\r\n"));
      }
  }
  g_mutex_unlock (&server->lock);

  if (g_str_has_prefix (request->str, "GET /3/4/3.png "))
    {
      header = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                                "Content-Length: %" G_GSIZE_FORMAT "\r\nConnection: close\r\n\r\n",
                                g_bytes_get_size (server->png));
      g_output_stream_write_all (out, header, strlen (header), NULL, NULL, NULL);
      g_output_stream_write_all (out, g_bytes_get_data (server->png, NULL),
                                 g_bytes_get_size (server->png), NULL, NULL, NULL);
    }
  else
    {
      const char *missing = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

      g_output_stream_write_all (out, missing, strlen (missing), NULL, NULL, NULL);
    }
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
tile_server_start (TileServer *server,
                   GBytes     *png)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_mutex_init (&server->lock);
  server->png = g_bytes_ref (png);
  server->service = g_threaded_socket_service_new (2);
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL,
                                                &bound, &error));
  g_assert_no_error (error);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_signal_connect (server->service, "run", G_CALLBACK (on_tile_request), server);
  g_socket_service_start (server->service);
}

static void
tile_server_stop (TileServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);
  g_clear_pointer (&server->png, g_bytes_unref);
  g_clear_pointer (&server->user_agent, g_free);
  g_mutex_clear (&server->lock);
}

/* A port nothing listens on: bound, then closed. */
static guint16
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static GBytes *
fetch_tile (ShumateDataSource *source,
            int                x,
            int                y,
            int                zoom)
{
  GBytes *bytes = NULL;

  shumate_data_source_get_tile_data_async (source, x, y, zoom, NULL, on_tile_data, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);
  return bytes;
}

static void
test_online_source (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdBasemapSource) basemap = rasd_basemap_source_new (NULL, &error);
  g_autofree char *cache = rasd_test_make_tmpdir ();
  g_autofree char *url = NULL;
  g_autofree char *dead_url = NULL;
  g_autoptr(RasdOnlineSource) online = NULL;
  g_autoptr(RasdOnlineSource) dead = NULL;
  g_autoptr(GBytes) served = rasd_basemap_source_render_tile (basemap, 0, 0, 1, NULL);
  TileServer server = { 0 };

  g_assert_no_error (error);
  tile_server_start (&server, served);
  url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", server.port);
  online = rasd_online_source_new (url, basemap, cache);
  g_assert_cmpstr (rasd_online_source_get_url_template (online), ==, url);

  /* Downloaded, with Rasd's User-Agent. */
  {
    g_autoptr(GBytes) bytes = fetch_tile (SHUMATE_DATA_SOURCE (online), 4, 3, 3);

    g_assert_true (g_bytes_equal (bytes, served));
    g_assert_cmpstr (server.user_agent, ==, rasd_online_source_get_user_agent ());
    g_assert_true (g_str_has_prefix (server.user_agent, "Rasd/"));
    g_assert_cmpuint (rasd_online_source_get_n_downloaded (online), ==, 1);
  }
  /* An HTTP error: the offline basemap's tile instead, never a blank one. */
  {
    g_autoptr(GBytes) bytes = fetch_tile (SHUMATE_DATA_SOURCE (online), 5, 3, 3);
    g_autoptr(GBytes) offline = rasd_basemap_source_render_tile (basemap, 5, 3, 3, NULL);

    g_assert_true (g_bytes_equal (bytes, offline));
    g_assert_cmpuint (rasd_online_source_get_n_fallback (online), ==, 1);
    g_assert_false (rasd_online_source_get_offline (online));
  }

  /* Nothing listening: every tile from the basemap, and after a few failures no more tries. */
  dead_url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png", closed_port ());
  dead = rasd_online_source_new (dead_url, basemap, cache);
  for (int x = 0; x < 4; x++)
    {
      g_autoptr(GBytes) bytes = fetch_tile (SHUMATE_DATA_SOURCE (dead), x, 2, 2);
      g_autoptr(GBytes) offline = rasd_basemap_source_render_tile (basemap, x, 2, 2, NULL);

      g_assert_true (g_bytes_equal (bytes, offline));
    }
  g_assert_cmpuint (rasd_online_source_get_n_fallback (dead), ==, 4);
  g_assert_cmpuint (rasd_online_source_get_n_downloaded (dead), ==, 0);
  g_assert_true (rasd_online_source_get_offline (dead));
  rasd_online_source_retry (dead);
  g_assert_false (rasd_online_source_get_offline (dead));

  tile_server_stop (&server);
  g_clear_object (&online);
  g_clear_object (&dead);
  rasd_test_rmtree (cache);
}

static gboolean
legend_on_end_side (RasdEventMap *map)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (rasd_event_map_get_legend (map), GTK_WIDGET (map),
                                            &bounds));
  return bounds.origin.x > gtk_widget_get_width (GTK_WIDGET (map)) / 2.0;
}

/* Conditions for rasd_test_wait_for(): the legend laid out on one side (a loaded machine
 * may take several frames to allocate it after a change of direction). */
static gboolean
legend_laid_out_on_start_side (gpointer map)
{
  return gtk_widget_get_width (rasd_event_map_get_legend (map)) > 0 && !legend_on_end_side (map);
}

static gboolean
legend_laid_out_on_end_side (gpointer map)
{
  return gtk_widget_get_width (rasd_event_map_get_legend (map)) > 0 && legend_on_end_side (map);
}

/* "Show the legend": the setting shows and hides the legend; in a corner, mirrored in
 * right-to-left; clicks go through it to the map. */
static void
test_map_legend (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = rasd_settings_new (&error);
  GtkWidget *window = gtk_window_new ();
  RasdEventMap *map = RASD_EVENT_MAP (rasd_event_map_new ());
  GtkWidget *legend = rasd_event_map_get_legend (map);

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (300, rasd_test_widget_mapped, map);

  rasd_event_map_bind_settings (map, settings);
  g_assert_true (g_settings_get_boolean (settings, "show-legend"));
  g_assert_true (gtk_widget_get_visible (legend));
  g_assert_false (gtk_widget_get_can_target (legend));
  g_settings_set_boolean (settings, "show-legend", FALSE);
  g_assert_false (gtk_widget_get_visible (legend));
  g_assert_false (rasd_event_map_get_show_legend (map));
  g_settings_set_boolean (settings, "show-legend", TRUE);
  g_assert_true (gtk_widget_get_visible (legend));

  /* At the bottom, on the start side: left in left-to-right, right in right-to-left. */
  rasd_test_wait_for (30, legend_laid_out_on_start_side, map);
  gtk_widget_set_direction (GTK_WIDGET (map), GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (legend, GTK_TEXT_DIR_RTL);
  gtk_widget_queue_allocate (GTK_WIDGET (map));
  rasd_test_wait_for (30, legend_laid_out_on_end_side, map);

  g_settings_reset (settings, "show-legend");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
online_fell_back (gpointer data)
{
  ShumateMapSource *renderer = rasd_event_map_get_map_source (data);
  g_autoptr(ShumateDataSource) source = NULL;

  g_object_get (renderer, "data-source", &source, NULL);
  return RASD_IS_ONLINE_SOURCE (source)
         && rasd_online_source_get_n_fallback (RASD_ONLINE_SOURCE (source)) > 0
         && !rasd_event_map_is_loading (data);
}

/* "Online map tiles": the setting switches the map's source to OpenStreetMap's tiles with their
 * attribution, and back; a server that cannot be reached leaves the offline basemap's tiles. */
static void
test_map_online_tiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = rasd_settings_new (&error);
  g_autofree char *cache = rasd_test_make_tmpdir ();
  g_autofree char *dead_url = g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png",
                                               closed_port ());
  GtkWidget *window = gtk_window_new ();
  RasdEventMap *map = RASD_EVENT_MAP (rasd_event_map_new ());
  ShumateMapSource *source;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  rasd_event_map_set_tile_server (map, dead_url, cache);
  rasd_event_map_bind_settings (map, settings);

  g_assert_false (g_settings_get_boolean (settings, "online-map-tiles"));
  source = rasd_event_map_get_map_source (map);
  g_assert_cmpstr (shumate_map_source_get_id (source), ==, "rasd-basemap");
  g_assert_cmpstr (shumate_map_source_get_license (source), ==, "Natural Earth");

  g_settings_set_boolean (settings, "online-map-tiles", TRUE);
  g_assert_true (rasd_event_map_get_online_tiles (map));
  source = rasd_event_map_get_map_source (map);
  g_assert_cmpstr (shumate_map_source_get_id (source), ==, "rasd-osm");
  g_assert_nonnull (strstr (shumate_map_source_get_license (source), "OpenStreetMap"));
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (source), >, RASD_BASEMAP_MAX_ZOOM);

  /* Drawn all the same, from the offline basemap; streets' zoom levels online only. */
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (300, online_fell_back, map);  /* long enough for valgrind */
  rasd_event_map_go_to (map, 55.75, 37.62, 14);
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), ==, 14);

  g_settings_set_boolean (settings, "online-map-tiles", FALSE);
  source = rasd_event_map_get_map_source (map);
  g_assert_cmpstr (shumate_map_source_get_id (source), ==, "rasd-basemap");
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), ==, RASD_BASEMAP_MAX_ZOOM);

  g_settings_reset (settings, "online-map-tiles");
  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_settle ();
  rasd_test_rmtree (cache);
}

/* Fitting the view to the places: a city close enough to see the towns around it, a country's
 * land around its marker (at its label point, not its capital), places apart all in view. */
static void
test_map_fit_places (void)
{
  g_autoptr(GListStore) store = g_list_store_new (RASD_TYPE_FACET_ITEM);
  g_autoptr(RasdFacetItem) russia = NULL;
  GtkWidget *window = gtk_window_new ();
  RasdEventMap *map = RASD_EVENT_MAP (rasd_event_map_new ());

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (300, rasd_test_widget_mapped, map);
  rasd_event_map_set_model (map, G_LIST_MODEL (store));

  add_events (store, &moscow, 4);
  rasd_event_map_zoom_to_fit (map);
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), ==, 7);
  g_assert_true (rasd_event_map_shows_location (map, moscow.lat, moscow.lon));

  /* Russia, stored at Moscow's point as the gazetteer had it: shown in Siberia, apart from
   * Moscow's marker, the country's land in view. */
  g_list_store_remove_all (store);
  russia = rasd_facet_item_new_place ("country:RU", "روسيا", "Russia", 3, moscow.lat, moscow.lon);
  g_list_store_append (store, russia);
  rasd_event_map_zoom_to_fit (map);
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), <=, 4);
  g_assert_false (rasd_event_map_shows_location (map, -10, 100));
  g_assert_true (rasd_event_map_shows_location (map, 64, 108));
  g_assert_true (gtk_widget_has_css_class (rasd_event_map_get_marker (map, "country:RU"),
                                           "country"));
  add_events (store, &moscow, 4);
  rasd_event_map_go_to (map, 60, 80, 4);
  g_assert_false (rasd_event_map_get_marker (map, "country:RU")
                  == rasd_event_map_get_marker (map, moscow.key));

  /* Places far apart: all in view. */
  g_list_store_remove_all (store);
  add_events (store, &moscow, 1);
  add_events (store, &riyadh, 1);
  add_events (store, &cairo, 1);
  rasd_event_map_zoom_to_fit (map);
  g_assert_true (rasd_event_map_shows_location (map, moscow.lat, moscow.lon));
  g_assert_true (rasd_event_map_shows_location (map, riyadh.lat, riyadh.lon));
  g_assert_true (rasd_event_map_shows_location (map, cairo.lat, cairo.lon));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Places at one spot never part: a click lists them instead of zooming into blank map. */
static void
test_map_cluster_at_one_spot (void)
{
  g_autoptr(GListStore) store = g_list_store_new (RASD_TYPE_FACET_ITEM);
  static const TestPlace kremlin = { "rasd:kremlin", "الكرملين", 55.75, 37.62 };
  GtkWidget *window = gtk_window_new ();
  RasdEventMap *map = RASD_EVENT_MAP (rasd_event_map_new ());
  GtkWidget *cluster;
  double zoom;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (map));
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (300, rasd_test_widget_mapped, map);
  add_events (store, &moscow, 4);
  add_events (store, &kremlin, 2);
  rasd_event_map_set_model (map, G_LIST_MODEL (store));
  rasd_event_map_go_to (map, 55.75, 37.62, 6);
  cluster = rasd_event_map_get_marker (map, moscow.key);
  g_assert_true (cluster == rasd_event_map_get_marker (map, kremlin.key));
  zoom = rasd_event_map_get_zoom (map);
  g_signal_emit_by_name (cluster, "clicked");
  rasd_test_pause_ms (100);
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), ==, zoom);
  /* the list of the two places is shown */
  {
    GtkWidget *popover = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER (child))
        popover = child;
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  int status;

  rasd_test_gui_init (&argc, &argv);
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
  g_test_add_func ("/map/labels/city", test_labels_city);
  g_test_add_func ("/map/labels/arabic", test_labels_arabic);
  g_test_add_func ("/map/labels/country", test_labels_country);
  g_test_add_func ("/map/labels/deterministic", test_labels_deterministic);
  g_test_add_func ("/map/labels/collisions-and-edges", test_labels_collisions_and_edges);
  g_test_add_func ("/map/online/source", test_online_source);
  g_test_add_func ("/map/online/setting", test_map_online_tiles);
  g_test_add_func ("/map/legend", test_map_legend);
  g_test_add_func ("/map/fit-places", test_map_fit_places);
  g_test_add_func ("/map/cluster-at-one-spot", test_map_cluster_at_one_spot);
  g_test_add_func ("/map/markers", test_map_markers);
  g_test_add_func ("/map/clusters", test_map_clusters);
  g_test_add_func ("/map/activate-and-select", test_map_activate_and_select);
  g_test_add_func ("/map/zoom-to-fit", test_map_zoom_to_fit);
  g_test_add_func ("/map/screenshot", test_map_screenshot);
  g_test_add_func ("/map/screenshot-dark", test_map_screenshot_dark);
  g_test_add_func ("/map/screenshot-crowded", test_map_screenshot_crowded);

  status = g_test_run ();
  rasd_basemap_source_wait_for_renders ();
  return status;
}
