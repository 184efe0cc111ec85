#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* The names the offline basemap writes into its tiles: seas and oceans, countries at their label
 * points, then the gazetteer's cities by population as the map zooms in, in one language.
 *
 * Which labels show at a zoom level is decided once for the whole world, in world pixels at that
 * level (seas first, then countries by the room their land leaves, then capitals and cities by
 * population; each name where it overlaps no name chosen before it), and kept: every tile draws
 * every chosen label that overlaps it, so a name crossing a tile edge is drawn whole, in two
 * halves, and no two names collide, whichever tile is drawn first.  Thread-safe: tiles are drawn
 * on worker threads; the first to need a zoom level computes it, the others wait. */
typedef struct _RasdBasemapLabels RasdBasemapLabels;

/* One label as placed at a zoom level, for tests: the text, its font (a Pango font description
 * string) and the top-left corner of its logical rectangle in world pixels at that level. */
typedef struct
{
  const char *key;   /* "sea:N", "country:XX", or the gazetteer place's key */
  const char *text;
  const char *font;
  double      x;
  double      y;
  double      width;
  double      height;
} RasdBasemapLabel;

/* @language: "ar" for Arabic names, anything else for English.  @data_dir: the folder holding
 * country-labels.tsv and seas.tsv (data/basemap).  Fails, naming the file, when one is missing
 * or malformed.  The cities come from rasd_gazetteer_get_default(), loaded when first needed. */
RasdBasemapLabels *rasd_basemap_labels_new         (const char          *language,
                                                    const char          *data_dir,
                                                    GError             **error);
void               rasd_basemap_labels_free        (RasdBasemapLabels   *self);

const char        *rasd_basemap_labels_get_language (RasdBasemapLabels  *self);

/* The label point of the country @code (ISO 3166-1 alpha-2) and the room around it (the radius
 * of the circle its largest land holds there, in world units: 1 is the world's width); FALSE,
 * leaving them untouched, for a country the basemap has no land for. */
gboolean           rasd_basemap_labels_get_country (RasdBasemapLabels   *self,
                                                    const char          *code,
                                                    double              *lat,
                                                    double              *lon,
                                                    double              *room);

/* Draws the labels of tile @x, @y at @zoom on @cr, whose origin is the tile's top-left corner. */
void               rasd_basemap_labels_draw        (RasdBasemapLabels   *self,
                                                    cairo_t             *cr,
                                                    int                  x,
                                                    int                  y,
                                                    int                  zoom,
                                                    gboolean             dark);

/* The label of the place @key at @zoom; FALSE when it does not show there. */
gboolean           rasd_basemap_labels_find        (RasdBasemapLabels   *self,
                                                    int                  zoom,
                                                    const char          *key,
                                                    RasdBasemapLabel    *label);

/* How many labels show at @zoom over the whole world, and the @index-th of them. */
guint              rasd_basemap_labels_count       (RasdBasemapLabels   *self,
                                                    int                  zoom);
void               rasd_basemap_labels_get         (RasdBasemapLabels   *self,
                                                    int                  zoom,
                                                    guint                index,
                                                    RasdBasemapLabel    *label);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdBasemapLabels, rasd_basemap_labels_free)

G_END_DECLS
