#pragma once

#include <shumate/shumate.h>

#include "rasd-basemap-source.h"

G_BEGIN_DECLS

#define RASD_TYPE_ONLINE_SOURCE (rasd_online_source_get_type ())

G_DECLARE_FINAL_TYPE (RasdOnlineSource, rasd_online_source, RASD, ONLINE_SOURCE, ShumateDataSource)

/* OpenStreetMap's raster tiles, the URL template Rasd uses when online tiles are turned on. */
#define RASD_OSM_URL_TEMPLATE "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#define RASD_OSM_MAX_ZOOM     19

/* Raster tiles downloaded with libsoup (Rasd's own User-Agent, two connections at most, as
 * OpenStreetMap's tile policy asks) and kept in a ShumateFileCache on disk.  A tile that cannot
 * be downloaded (no network, refused, an HTTP error, not an image) is drawn by @fallback, the
 * offline basemap, instead: the map never shows a blank tile.  After a few failed downloads in a
 * row the network is left alone for a while ("offline" turns TRUE) and every tile comes from
 * the cache or @fallback; a later success, or rasd_online_source_retry(), ends that.
 *
 * libshumate 1.0's own ShumateTileDownloader is not used: built against libsoup 3 it sends
 * "libshumate/1.0.3" whatever shumate_set_user_agent() says, and it has no fallback.
 *
 * @url_template: "{z}", "{x}", "{y}" are replaced by the tile's zoom level and column and row.
 * @cache_dir: the folder of the tile cache, NULL for ShumateFileCache's default (under the
 * user's cache folder). */
RasdOnlineSource *rasd_online_source_new             (const char         *url_template,
                                                      RasdBasemapSource  *fallback,
                                                      const char         *cache_dir);

const char       *rasd_online_source_get_url_template (RasdOnlineSource  *self);

/* TRUE while downloads are skipped after failures. */
gboolean          rasd_online_source_get_offline     (RasdOnlineSource   *self);
void              rasd_online_source_retry           (RasdOnlineSource   *self);

/* Counts since creation, for tests and the map's notice: tiles downloaded, tiles drawn by the
 * fallback. */
guint             rasd_online_source_get_n_downloaded (RasdOnlineSource  *self);
guint             rasd_online_source_get_n_fallback   (RasdOnlineSource  *self);

/* The User-Agent sent with every request. */
const char       *rasd_online_source_get_user_agent  (void);

G_END_DECLS
