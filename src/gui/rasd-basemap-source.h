#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define RASD_TYPE_BASEMAP_SOURCE (rasd_basemap_source_get_type ())

G_DECLARE_FINAL_TYPE (RasdBasemapSource, rasd_basemap_source, RASD, BASEMAP_SOURCE,
                      ShumateDataSource)

#define RASD_BASEMAP_MIN_ZOOM  1
#define RASD_BASEMAP_MAX_ZOOM  10
#define RASD_BASEMAP_TILE_SIZE 256

/* The offline basemap: Natural Earth land, coastline and country borders from
 * data/basemap/basemap.bin (written by build-aux/make-basemap), drawn with cairo into 256 px
 * web-Mercator PNG tiles on a worker thread.  The file is mapped once; nothing is cached.
 *
 * @path: the basemap file, or NULL for rasd_data_path ("basemap/basemap.bin").
 * Fails when the file is missing or malformed; the error names the file. */
RasdBasemapSource *rasd_basemap_source_new        (const char         *path,
                                                   GError            **error);

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

/* Tiles asked for (get_tile_data_async) and not drawn yet. */
guint              rasd_basemap_source_get_n_pending (RasdBasemapSource *self);

/* The palette's sea and land colours as 0xRRGGBB, for tests. */
guint32            rasd_basemap_source_get_sea_rgb  (RasdBasemapSource *self);
guint32            rasd_basemap_source_get_land_rgb (RasdBasemapSource *self);

G_END_DECLS
