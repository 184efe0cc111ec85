/* Draws basemap tiles as Shumate asks for them and prints the time per tile by zoom level:
 * every tile of zoom levels 1 to 4, and the 4×4 tiles around the Levant at 5 to 10; before the
 * tiles of a zoom level, the time to choose its labels for the whole world (done once per zoom
 * level, by the first tile that needs them).
 *
 *   bench-basemap [--mosaic ZOOM FILE.png]   also writes the whole world at ZOOM (1 to 3)
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <cairo.h>

#include "rasd-basemap-source.h"

static double
render (RasdBasemapSource *source,
        int                x,
        int                y,
        int                zoom,
        gsize             *size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  gint64 start = g_get_monotonic_time ();

  png = rasd_basemap_source_render_tile (source, x, y, zoom, &error);
  g_assert_no_error (error);
  *size += g_bytes_get_size (png);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  GInputStream *stream = closure;

  return g_input_stream_read_all (stream, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

static void
write_mosaic (RasdBasemapSource *source,
              int                zoom,
              const char        *path)
{
  int n = 1 << zoom;
  cairo_surface_t *out = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256 * n, 256 * n);
  cairo_t *cr = cairo_create (out);

  for (int x = 0; x < n; x++)
    for (int y = 0; y < n; y++)
      {
        g_autoptr(GBytes) png = rasd_basemap_source_render_tile (source, x, y, zoom, NULL);
        g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
        cairo_surface_t *tile = cairo_image_surface_create_from_png_stream (read_bytes, stream);

        cairo_set_source_surface (cr, tile, x * 256, y * 256);
        cairo_paint (cr);
        cairo_surface_destroy (tile);
      }
  cairo_destroy (cr);
  cairo_surface_write_to_png (out, path);
  cairo_surface_destroy (out);
  g_print ("wrote %s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdBasemapSource) source = NULL;
  gint64 start = g_get_monotonic_time ();
  const char *language = g_getenv ("RASD_MAP_LANGUAGE");  /* "ar" for Arabic names */

  source = rasd_basemap_source_new_full (NULL, language, &error);

  if (source == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print ("loading: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  if (rasd_basemap_source_get_labels (source) != NULL)
    {
      start = g_get_monotonic_time ();
      rasd_basemap_labels_get_language (rasd_basemap_source_get_labels (source));
      /* The gazetteer and the fonts, before any zoom level's labels. */
      rasd_basemap_labels_count (rasd_basemap_source_get_labels (source), 0);
      g_print ("labels (%s): gazetteer, fonts and zoom 0 in %.1f ms\n",
               rasd_basemap_labels_get_language (rasd_basemap_source_get_labels (source)),
               (g_get_monotonic_time () - start) / 1000.0);
    }

  for (int zoom = 1; zoom <= RASD_BASEMAP_MAX_ZOOM; zoom++)
    {
      int n = 1 << zoom;
      /* The Levant (35°E, 33°N) in tile coordinates. */
      int cx = (int) ((35.0 + 180.0) / 360.0 * n);
      int cy = (int) ((1.0 - asinh (tan (33.0 * G_PI / 180.0)) / G_PI) / 2.0 * n);
      int x0 = zoom <= 4 ? 0 : cx - 2, y0 = zoom <= 4 ? 0 : cy - 2;
      int x1 = zoom <= 4 ? n : cx + 2, y1 = zoom <= 4 ? n : cy + 2;
      double total = 0, worst = 0, labels_ms = 0;
      gsize size = 0;
      int count = 0;
      guint n_labels = 0;

      if (rasd_basemap_source_get_labels (source) != NULL)
        {
          gint64 labels_start = g_get_monotonic_time ();

          n_labels = rasd_basemap_labels_count (rasd_basemap_source_get_labels (source), zoom);
          labels_ms = (g_get_monotonic_time () - labels_start) / 1000.0;
        }

      for (int x = x0; x < x1; x++)
        for (int y = y0; y < y1; y++)
          {
            double ms = render (source, x, y, zoom, &size);

            total += ms;
            worst = MAX (worst, ms);
            count++;
          }
      g_print ("zoom %2d: %3d tiles, %6.2f ms/tile (worst %6.2f ms), %5.1f KB/tile PNG;"
               " %5u labels chosen in %6.1f ms\n", zoom, count, total / count, worst,
               size / 1024.0 / count, n_labels, labels_ms);
    }

  if (argc == 4 && g_str_equal (argv[1], "--mosaic"))
    write_mosaic (source, CLAMP (atoi (argv[2]), 1, 3), argv[3]);
  return 0;
}
