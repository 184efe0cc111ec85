#pragma once

#include <cairo.h>
#include <shumate/shumate.h>

#include "rasd-basemap-labels.h"

G_BEGIN_DECLS

#define RASD_TYPE_BASEMAP_SOURCE (rasd_basemap_source_get_type ())

G_DECLARE_FINAL_TYPE (RasdBasemapSource, rasd_basemap_source, RASD, BASEMAP_SOURCE,
                      ShumateDataSource)

#define RASD_BASEMAP_MIN_ZOOM  1
#define RASD_BASEMAP_MAX_ZOOM  10
#define RASD_BASEMAP_TILE_SIZE 256

/* The offline basemap: Natural Earth land, coastline and country borders from
 * data/basemap/basemap.bin (written by build-aux/make-basemap), drawn with cairo into 256 px
 * web-Mercator PNG tiles on a worker thread, with the names of seas, countries and cities
 * (RasdBasemapLabels) written in.  The file is mapped once; tiles are not cached, the labels
 * chosen for each zoom level are.
 *
 * @path: the basemap file, or NULL for rasd_data_path ("basemap/basemap.bin").  @language: of
 * the names, "ar" or "en"; NULL for the interface's (rasd_basemap_source_default_language()).
 * Fails when the file is missing or malformed; the error names the file.  Without the labels'
 * data the map has no names, with a warning. */
RasdBasemapSource *rasd_basemap_source_new_full   (const char         *path,
                                                   const char         *language,
                                                   GError            **error);
RasdBasemapSource *rasd_basemap_source_new        (const char         *path,
                                                   GError            **error);

/* Web-Mercator world coordinates of @lat, @lon: 0 to 1, x east from 180°W, y south from
 * 85.05°N (the basemap's and the tiles' coordinates). */
void               rasd_basemap_world_from_location (double  lat,
                                                     double  lon,
                                                     double *wx,
                                                     double *wy);

/* "ar" when the interface is in Arabic (its translation says so), else "en". */
const char        *rasd_basemap_source_default_language (void);

/* The dark palette (for libadwaita's dark style).  Tiles asked for after the change use it; a
 * map layer must be rebuilt to drop tiles it already holds. */
void               rasd_basemap_source_set_dark   (RasdBasemapSource  *self,
                                                   gboolean            dark);
gboolean           rasd_basemap_source_get_dark   (RasdBasemapSource  *self);

/* A ShumateRasterRenderer over @self with the basemap's zoom range, tile size and licence. */
ShumateMapSource  *rasd_basemap_source_new_renderer (RasdBasemapSource *self);

/* Draws one tile now, on the calling thread, as PNG bytes (what get_tile_data_async returns).
 * Thread-safe. */
GBytes            *rasd_basemap_source_render_tile (RasdBasemapSource *self,
                                                    int                x,
                                                    int                y,
                                                    int                zoom,
                                                    GError           **error);

/* A country's label point and the room around it (see rasd_basemap_labels_get_country()). */
gboolean           rasd_basemap_source_get_country (RasdBasemapSource *self,
                                                    const char        *code,
                                                    double            *lat,
                                                    double            *lon,
                                                    double            *room);

/* For tests: the labels, and tile @x, @y, @zoom's labels alone on a transparent ARGB32 surface. */
RasdBasemapLabels *rasd_basemap_source_get_labels  (RasdBasemapSource *self);
cairo_surface_t   *rasd_basemap_source_render_labels (RasdBasemapSource *self,
                                                      int                x,
                                                      int                y,
                                                      int                zoom);

/* Tiles asked for (get_tile_data_async) and not drawn yet. */
guint              rasd_basemap_source_get_n_pending (RasdBasemapSource *self);
void               rasd_basemap_source_wait_for_renders (void);

/* The palette's sea and land colours as 0xRRGGBB, for tests. */
guint32            rasd_basemap_source_get_sea_rgb  (RasdBasemapSource *self);
guint32            rasd_basemap_source_get_land_rgb (RasdBasemapSource *self);

G_END_DECLS
