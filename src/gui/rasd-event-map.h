#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

G_BEGIN_DECLS

#define RASD_TYPE_EVENT_MAP (rasd_event_map_get_type ())

G_DECLARE_FINAL_TYPE (RasdEventMap, rasd_event_map, RASD, EVENT_MAP, GtkWidget)

/* The explorer's map: the offline basemap (RasdBasemapSource) and one marker per place with
 * events, showing and sized by the number of events.  Markers that would overlap at the current
 * zoom level merge into a cluster showing their total; clicking a cluster zooms in until its
 * places are all in view and part (or lists them, when they share one spot); clicking a place's
 * marker emits "place-activated".  A country's marker (key "country:XX") stands at the country's
 * label point on the basemap and has its own style.  Follows libadwaita's dark style unless
 * rasd_event_map_set_dark() is called.
 *
 * Signals:
 *   "place-activated" (const char *key, const char *label): a place's marker was clicked. */
GtkWidget  *rasd_event_map_new                (void);

/* @places: RasdFacetItems of places with their numbers of events (or NULL), as
 * rasd_event_model_get_places() gives them; followed through "items-changed".  Places without
 * coordinates are not shown; a key listed twice adds up. */
void        rasd_event_map_set_model          (RasdEventMap *self,
                                               GListModel   *places);
GListModel *rasd_event_map_get_model          (RasdEventMap *self);

/* Emphasises the marker holding the place @key (a cluster when it is in one) and centres the
 * map on it when it is off-screen; NULL clears. */
void        rasd_event_map_set_selected_place (RasdEventMap *self,
                                               const char   *key);
const char *rasd_event_map_get_selected_place (RasdEventMap *self);

/* Zooms and centres so that every marker shows, and a country's land around its marker (the
 * whole world when there is none), no closer than a city with the towns around it; waits for
 * the widget to have a size when it has none yet. */
void        rasd_event_map_zoom_to_fit        (RasdEventMap *self);

/* Centres on @lat, @lon at @zoom (1 to 10) at once, without animation. */
void        rasd_event_map_go_to              (RasdEventMap *self,
                                               double        lat,
                                               double        lon,
                                               double        zoom);
double      rasd_event_map_get_zoom           (RasdEventMap *self);
/* Whether @lat, @lon is inside the part of the map shown. */
gboolean    rasd_event_map_shows_location     (RasdEventMap *self,
                                               double        lat,
                                               double        lon);

/* The dark palette and stop following AdwStyleManager. */
void        rasd_event_map_set_dark           (RasdEventMap *self,
                                               gboolean      dark);

/* For tests: the markers at the current zoom level (places and clusters, on screen or not), the
 * marker button showing the place @key (NULL when it has none, or when it is far outside the view:
 * widgets are made only for the markers in and around the view), and whether a basemap tile
 * asked for is still being drawn. */
guint       rasd_event_map_get_n_markers      (RasdEventMap *self);
GtkWidget  *rasd_event_map_get_marker         (RasdEventMap *self,
                                               const char   *key);
gboolean    rasd_event_map_is_loading         (RasdEventMap *self);

/* The legend of the markers (property "show-legend", TRUE by default). */
gboolean          rasd_event_map_get_show_legend  (RasdEventMap *self);
void              rasd_event_map_set_show_legend  (RasdEventMap *self,
                                                   gboolean      show);
GtkWidget        *rasd_event_map_get_legend       (RasdEventMap *self);

/* Online raster tiles (property "online-tiles", FALSE by default): OpenStreetMap's, downloaded
 * by a RasdOnlineSource that draws the offline basemap for every tile it cannot download. */
gboolean          rasd_event_map_get_online_tiles (RasdEventMap *self);
void              rasd_event_map_set_online_tiles (RasdEventMap *self,
                                                   gboolean      online);
/* Another tile server (a URL template with {z}, {x}, {y}) and cache folder (NULL: the user's),
 * for tests. */
void              rasd_event_map_set_tile_server  (RasdEventMap *self,
                                                   const char   *url_template,
                                                   const char   *cache_dir);
/* The map source the basemap layer draws: the offline basemap's renderer, or the online one. */
ShumateMapSource *rasd_event_map_get_map_source   (RasdEventMap *self);

/* Follows the "show-legend" and "online-map-tiles" keys of Rasd's settings. */
void              rasd_event_map_bind_settings    (RasdEventMap *self,
                                                   GSettings    *settings);

G_END_DECLS
