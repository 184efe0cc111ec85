#define G_LOG_DOMAIN "rasd-basemap-labels"

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "rasd-basemap-labels.h"
#include "rasd-basemap-source.h"
#include "rasd-data.h"
#include "rasd-error.h"
#include "rasd-gazetteer.h"

#define MAX_ZOOM    20
#define TILE_SIZE   256
#define PADDING     3.0    /* px kept free around a name: its halo and some air */
#define CELL        128.0  /* px, the collision grid's cells */
#define DOT_RADIUS  2.5
#define DOT_GAP     4.0    /* px between a city's dot and its name */
#define HALO_WIDTH  3.0
#define MAX_PREFETCH 12    /* deeper levels are chosen when asked for: they name every city */

typedef enum
{
  FONT_SEA,
  FONT_COUNTRY,
  FONT_CAPITAL,
  FONT_CITY_LARGE,
  FONT_CITY,
  N_FONTS
} Font;

typedef enum
{
  KIND_SEA,
  KIND_COUNTRY,
  KIND_CITY,
} Kind;

/* Something that may be named at some zoom level. */
typedef struct
{
  const char *key;
  const char *text;
  Kind        kind;
  Font        font;
  gboolean    capital;
  double      wx;         /* web-Mercator world coordinates, 0 to 1 */
  double      wy;
  double      room;       /* countries: world units around the point inside their land */
  guint       population; /* cities; capitals without one count as large */
  int         min_zoom;   /* seas */
  int         max_zoom;
  double      priority;   /* larger first */
} Candidate;

/* A name as placed at one zoom level, in world pixels of that level. */
typedef struct
{
  const Candidate *candidate;
  double           x;       /* top-left of the text's logical rectangle */
  double           y;
  double           width;
  double           height;
  double           dot_x;   /* cities: the dot, at the city */
  double           dot_y;
} Placed;

typedef struct
{
  GArray     *placed;   /* Placed */
  GHashTable *tiles;    /* tile (y << 32 | x) → GArray of guint, indexes into placed */
} LabelSet;

typedef struct
{
  double lat;
  double lon;
  double room;
} CountryPoint;

struct _RasdBasemapLabels
{
  char           *language;
  gboolean        arabic;
  char           *fonts[N_FONTS];
  GStringChunk   *strings;
  GHashTable     *countries;   /* ISO code → CountryPoint; immutable */
  GArray         *seas;        /* Candidate; immutable */

  GMutex          lock;        /* guards what follows and the computing of sets */
  GArray         *candidates;  /* Candidate, by priority; made when first needed */
  PangoLayout    *layout;      /* for measuring, on the shared font map */
  GHashTable     *sizes[N_FONTS];  /* text → measured size (2 floats) */
  LabelSet       *sets[MAX_ZOOM + 1];  /* read without the lock once set (atomic) */
  gint            prefetching[MAX_ZOOM + 1];  /* atomic */
  GThreadPool    *prefetch;    /* one thread choosing the next zoom level's labels ahead */
};

static void
label_set_free (LabelSet *set)
{
  g_array_unref (set->placed);
  g_hash_table_unref (set->tiles);
  g_free (set);
}

/* The same font options for measuring and drawing, so that a name measures as it draws: no
 * hinting of metrics, which would make widths depend on where a tile's origin falls. */
static void
set_font_options (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}

/* One font map for every name, measured or drawn, whatever the thread: Pango's font maps are
 * not thread-safe, so whoever uses it holds font_lock.  It is never freed (a font map per thread
 * or per map would be, and fontconfig loses memory on that path). */
static GMutex font_lock;

static PangoFontMap *
shared_font_map (void)
{
  static PangoFontMap *font_map;

  if (g_once_init_enter (&font_map))
    g_once_init_leave (&font_map, pango_cairo_font_map_new ());
  return font_map;
}

static PangoContext *
new_context (void)
{
  PangoContext *context = pango_font_map_create_context (shared_font_map ());

  set_font_options (context);
  return context;
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end;

  *out = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*out);
}

/* The rows of the tab-separated file @path without its comments, split into columns; NULL,
 * naming the file and the line, when a row has fewer than @n_columns (@columns says which). */
static GPtrArray *
read_table (const char  *path,
            guint        n_columns,
            const char  *columns,
            GError     **error)
{
  g_auto(GStrv) lines = rasd_data_read_lines (path, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (lines == NULL)
    return NULL;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **cols;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      g_ptr_array_add (rows, cols);
      if (g_strv_length (cols) < n_columns)
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE, "%s:%u: expected %s", path, i + 1,
                       columns);
          return NULL;
        }
    }
  return g_steal_pointer (&rows);
}

static gboolean
bad_number (const char  *path,
            const char  *row,
            GError     **error)
{
  g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE, "%s: a number of the row of %s is not one",
               path, row);
  return FALSE;
}

static gboolean
load_countries (RasdBasemapLabels  *self,
                const char         *path,
                GError            **error)
{
  g_autoptr(GPtrArray) rows = read_table (path, 4, "a country code, latitude, longitude and room",
                                          error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **cols = g_ptr_array_index (rows, i);
      CountryPoint point;

      if (!parse_double (cols[1], &point.lat) || !parse_double (cols[2], &point.lon)
          || !parse_double (cols[3], &point.room))
        return bad_number (path, cols[0], error);
      g_hash_table_insert (self->countries, g_strdup (cols[0]), g_memdup2 (&point, sizeof point));
    }
  return TRUE;
}

static gboolean
load_seas (RasdBasemapLabels  *self,
           const char         *path,
           GError            **error)
{
  g_autoptr(GPtrArray) rows = read_table (path, 6, "two names, latitude, longitude and two zoom levels",
                                          error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **cols = g_ptr_array_index (rows, i);
      g_autofree char *key = NULL;
      Candidate sea = { 0 };
      double lat, lon, min_zoom, max_zoom;

      if (!parse_double (cols[2], &lat) || !parse_double (cols[3], &lon)
          || !parse_double (cols[4], &min_zoom) || !parse_double (cols[5], &max_zoom))
        return bad_number (path, cols[0], error);
      g_strdelimit (cols[0], "|", '\n');
      g_strdelimit (cols[1], "|", '\n');
      key = g_strdup_printf ("sea:%u", self->seas->len);
      sea.key = g_string_chunk_insert (self->strings, key);
      sea.text = g_string_chunk_insert (self->strings, self->arabic ? cols[1] : cols[0]);
      sea.kind = KIND_SEA;
      sea.font = FONT_SEA;
      sea.min_zoom = (int) min_zoom;
      sea.max_zoom = (int) max_zoom;
      sea.priority = G_MAXDOUBLE;
      rasd_basemap_world_from_location (lat, lon, &sea.wx, &sea.wy);
      g_array_append_val (self->seas, sea);
    }
  return TRUE;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->priority != cb->priority)
    return ca->priority < cb->priority ? 1 : -1;
  return strcmp (ca->key, cb->key);
}

/* Seas, countries and cities of the gazetteer, by priority: under the lock, once. */
static void
make_candidates (RasdBasemapLabels *self)
{
  RasdGazetteer *gazetteer = rasd_gazetteer_get_default ();
  const GPtrArray *places = rasd_gazetteer_get_places (gazetteer);

  self->candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_array_append_vals (self->candidates, self->seas->data, self->seas->len);
  for (guint i = 0; i < places->len; i++)
    {
      const RasdPlace *place = g_ptr_array_index (places, i);
      /* One script on the map: a city the gazetteer has no Arabic name for is left out of the
       * Arabic map rather than written in Latin letters. */
      const char *name = self->arabic ? place->name_ar : place->name_en;
      Candidate candidate = { 0 };

      if (name == NULL || *name == '\0')
        continue;
      candidate.key = place->key;
      candidate.text = name;
      if (place->kind == RASD_PLACE_KIND_COUNTRY)
        {
          const CountryPoint *point = g_hash_table_lookup (self->countries, place->country);

          /* A country too small for the basemap's land has nowhere to write its name. */
          if (point == NULL)
            continue;
          candidate.kind = KIND_COUNTRY;
          candidate.font = FONT_COUNTRY;
          candidate.room = point->room;
          candidate.priority = 1e12 + point->room * 1e10;
          rasd_basemap_world_from_location (point->lat, point->lon, &candidate.wx, &candidate.wy);
        }
      else if (place->kind == RASD_PLACE_KIND_CITY)
        {
          candidate.kind = KIND_CITY;
          candidate.capital = place->country != NULL
                              && rasd_gazetteer_get_capital (gazetteer, place->country) == place;
          candidate.population = place->population;
          if (candidate.capital)
            candidate.population = MAX (candidate.population, 400000) * 3;
          if (candidate.population == 0)
            continue;
          candidate.font = candidate.capital ? FONT_CAPITAL
                           : candidate.population >= 1000000 ? FONT_CITY_LARGE : FONT_CITY;
          candidate.priority = candidate.population;
          rasd_basemap_world_from_location (place->lat, place->lon, &candidate.wx, &candidate.wy);
        }
      else
        continue;
      g_array_append_val (self->candidates, candidate);
    }
  g_array_sort (self->candidates, compare_candidates);
}

/* The smallest population a city needs to be named at @zoom (capitals count three times). */
static guint
min_population (int zoom)
{
  static const guint by_zoom[] = {
    G_MAXUINT, G_MAXUINT, G_MAXUINT, 4000000, 1500000, 600000, 250000, 100000, 40000, 15000,
  };

  return zoom < (int) G_N_ELEMENTS (by_zoom) ? by_zoom[zoom] : 0;
}

static PangoFontDescription *
font_description (RasdBasemapLabels *self,
                  Font               font)
{
  return pango_font_description_from_string (self->fonts[font]);
}

/* The logical size of @text in @font, measured once: under self->lock. */
static void
measure (RasdBasemapLabels *self,
         const Candidate   *candidate,
         double            *width,
         double            *height)
{
  float *size = g_hash_table_lookup (self->sizes[candidate->font], candidate->text);

  if (size == NULL)
    {
      g_autoptr(PangoFontDescription) description = font_description (self, candidate->font);
      PangoRectangle logical;

      g_mutex_lock (&font_lock);
      pango_layout_set_font_description (self->layout, description);
      pango_layout_set_alignment (self->layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (self->layout, candidate->text, -1);
      pango_layout_get_extents (self->layout, NULL, &logical);
      g_mutex_unlock (&font_lock);
      size = g_new (float, 2);
      size[0] = (float) logical.width / PANGO_SCALE;
      size[1] = (float) logical.height / PANGO_SCALE;
      g_hash_table_insert (self->sizes[candidate->font], (gpointer) candidate->text, size);
    }
  *width = size[0];
  *height = size[1];
}

static gint64
cell_key (gint64 cx,
          gint64 cy)
{
  return (cy << 32) ^ (cx & 0xffffffff);
}

/* Whether @box (x0, y0, x1, y1) meets no box of @grid. */
static gboolean
box_is_free (GHashTable   *grid,
             GArray       *boxes,
             const double  box[4])
{
  for (gint64 cx = (gint64) floor (box[0] / CELL); cx <= (gint64) floor (box[2] / CELL); cx++)
    for (gint64 cy = (gint64) floor (box[1] / CELL); cy <= (gint64) floor (box[3] / CELL); cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *in_cell = g_hash_table_lookup (grid, &key);

        for (guint i = 0; in_cell != NULL && i < in_cell->len; i++)
          {
            const double *other = &g_array_index (boxes, double, 4 * g_array_index (in_cell, guint, i));

            if (box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3])
              return FALSE;
          }
      }
  return TRUE;
}

static void
take_box (GHashTable   *grid,
          GArray       *boxes,
          const double  box[4])
{
  guint index = boxes->len / 4;

  g_array_append_vals (boxes, box, 4);
  for (gint64 cx = (gint64) floor (box[0] / CELL); cx <= (gint64) floor (box[2] / CELL); cx++)
    for (gint64 cy = (gint64) floor (box[1] / CELL); cy <= (gint64) floor (box[3] / CELL); cy++)
      {
        gint64 key = cell_key (cx, cy);
        GArray *in_cell = g_hash_table_lookup (grid, &key);

        if (in_cell == NULL)
          {
            in_cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (grid, g_memdup2 (&key, sizeof key), in_cell);
          }
        g_array_append_val (in_cell, index);
      }
}

static void
index_tiles (LabelSet *set,
             guint     index)
{
  const Placed *p = &g_array_index (set->placed, Placed, index);
  double margin = HALO_WIDTH + DOT_RADIUS;
  double x0 = MIN (p->x, p->dot_x) - margin, x1 = MAX (p->x + p->width, p->dot_x) + margin;
  double y0 = MIN (p->y, p->dot_y) - margin, y1 = MAX (p->y + p->height, p->dot_y) + margin;

  for (gint64 tx = (gint64) floor (x0 / TILE_SIZE); tx <= (gint64) floor (x1 / TILE_SIZE); tx++)
    for (gint64 ty = (gint64) floor (y0 / TILE_SIZE); ty <= (gint64) floor (y1 / TILE_SIZE); ty++)
      {
        gint64 key = cell_key (tx, ty);
        GArray *in_tile = g_hash_table_lookup (set->tiles, &key);

        if (in_tile == NULL)
          {
            in_tile = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (set->tiles, g_memdup2 (&key, sizeof key), in_tile);
          }
        g_array_append_val (in_tile, index);
      }
}

/* Where a city's name may go, in order: east of its dot, west, above, below. */
static void
city_position (int     position,
               double  dot_x,
               double  dot_y,
               double  width,
               double  height,
               double *x,
               double *y)
{
  switch (position)
    {
    case 0:
      *x = dot_x + DOT_RADIUS + DOT_GAP;
      *y = dot_y - height / 2;
      break;
    case 1:
      *x = dot_x - DOT_RADIUS - DOT_GAP - width;
      *y = dot_y - height / 2;
      break;
    case 2:
      *x = dot_x - width / 2;
      *y = dot_y - DOT_RADIUS - DOT_GAP / 2 - height;
      break;
    default:
      *x = dot_x - width / 2;
      *y = dot_y + DOT_RADIUS + DOT_GAP / 2;
      break;
    }
}

static LabelSet *
compute_set (RasdBasemapLabels *self,
             int                zoom)
{
  LabelSet *set = g_new0 (LabelSet, 1);
  g_autoptr(GHashTable) grid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double));
  double world = ldexp (TILE_SIZE, zoom);
  guint threshold = min_population (zoom);

  set->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  set->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) g_array_unref);
  if (self->candidates == NULL)
    make_candidates (self);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const Candidate *c = &g_array_index (self->candidates, Candidate, i);
      double ax = c->wx * world, ay = c->wy * world;
      double width, height;
      Placed placed = { c, 0, 0, 0, 0, ax, ay };

      if (c->kind == KIND_SEA && (zoom < c->min_zoom || zoom > c->max_zoom))
        continue;
      if (c->kind == KIND_CITY)
        {
          double dot[4] = { ax - DOT_RADIUS - PADDING, ay - DOT_RADIUS - PADDING,
                            ax + DOT_RADIUS + PADDING, ay + DOT_RADIUS + PADDING };

          if (c->population < threshold)
            continue;
          /* A city whose dot is under a name already placed is left out before it is
           * measured: most are, at the closer zoom levels. */
          if (!box_is_free (grid, boxes, dot))
            continue;
        }

      measure (self, c, &width, &height);
      placed.width = width;
      placed.height = height;
      if (c->kind == KIND_COUNTRY)
        {
          /* A name may run past the circle its land holds, not far past the land. */
          if (c->room * world < 4 || width > 3.2 * c->room * world)
            continue;
        }

      if (c->kind == KIND_CITY)
        {
          gboolean found = FALSE;

          for (int position = 0; position < 4 && !found; position++)
            {
              double box[4];

              city_position (position, ax, ay, width, height, &placed.x, &placed.y);
              box[0] = MIN (placed.x, ax - DOT_RADIUS) - PADDING;
              box[1] = MIN (placed.y, ay - DOT_RADIUS) - PADDING;
              box[2] = MAX (placed.x + width, ax + DOT_RADIUS) + PADDING;
              box[3] = MAX (placed.y + height, ay + DOT_RADIUS) + PADDING;
              if (box_is_free (grid, boxes, box))
                {
                  take_box (grid, boxes, box);
                  found = TRUE;
                }
            }
          if (!found)
            continue;
        }
      else
        {
          double box[4];

          placed.x = round (ax - width / 2);
          placed.y = round (ay - height / 2);
          box[0] = placed.x - PADDING;
          box[1] = placed.y - PADDING;
          box[2] = placed.x + width + PADDING;
          box[3] = placed.y + height + PADDING;
          if (box[1] < 0 || box[3] > world || !box_is_free (grid, boxes, box))
            continue;
          take_box (grid, boxes, box);
        }
      /* Whole pixels: a name drawn in two tiles rasterises the same in both. */
      placed.x = round (placed.x);
      placed.y = round (placed.y);
      g_array_append_val (set->placed, placed);
      index_tiles (set, set->placed->len - 1);
    }
  return set;
}

/* @ahead: also have the next level's chosen, on the prefetch thread (not when called from it:
 * one level ahead of what the map shows, not every level). */
static LabelSet *
get_set_full (RasdBasemapLabels *self,
              int                zoom,
              gboolean           ahead)
{
  LabelSet *set;

  zoom = CLAMP (zoom, 0, MAX_ZOOM);
  set = g_atomic_pointer_get (&self->sets[zoom]);
  if (set == NULL)
    {
      g_mutex_lock (&self->lock);
      set = self->sets[zoom];
      if (set == NULL)
        {
          set = compute_set (self, zoom);
          g_atomic_pointer_set (&self->sets[zoom], set);
        }
      g_mutex_unlock (&self->lock);
    }
  /* The closer levels name far more cities and take longer (about half a second at 9 and 10,
   * measuring the names): chosen ahead, while the map shows this one, a zoom in finds them. */
  if (ahead && zoom < MAX_PREFETCH && g_atomic_pointer_get (&self->sets[zoom + 1]) == NULL
      && g_atomic_int_compare_and_exchange (&self->prefetching[zoom + 1], FALSE, TRUE))
    g_thread_pool_push (self->prefetch, GINT_TO_POINTER (zoom + 2), NULL);
  return set;
}

static LabelSet *
get_set (RasdBasemapLabels *self,
         int                zoom)
{
  return get_set_full (self, zoom, TRUE);
}

static void
prefetch_in_thread (gpointer data,
                    gpointer user_data)
{
  get_set_full (user_data, GPOINTER_TO_INT (data) - 2, FALSE);
}

typedef struct
{
  double text[3];
  double halo[4];
} Colours;

static void
colours_for (const Candidate *candidate,
             gboolean         dark,
             Colours         *colours)
{
  static const Colours light_sea = { { 0.24, 0.43, 0.60 }, { 0.67, 0.80, 0.90, 0.7 } };
  static const Colours light_country = { { 0.38, 0.28, 0.36 }, { 0.965, 0.957, 0.933, 0.85 } };
  static const Colours light_city = { { 0.17, 0.17, 0.19 }, { 0.965, 0.957, 0.933, 0.9 } };
  static const Colours dark_sea = { { 0.55, 0.70, 0.84 }, { 0.11, 0.16, 0.21, 0.7 } };
  static const Colours dark_country = { { 0.80, 0.74, 0.81 }, { 0.17, 0.16, 0.19, 0.85 } };
  static const Colours dark_city = { { 0.93, 0.92, 0.91 }, { 0.15, 0.15, 0.17, 0.9 } };

  switch (candidate->kind)
    {
    case KIND_SEA:
      *colours = dark ? dark_sea : light_sea;
      break;
    case KIND_COUNTRY:
      *colours = dark ? dark_country : light_country;
      break;
    default:
      *colours = dark ? dark_city : light_city;
    }
}

void
rasd_basemap_labels_draw (RasdBasemapLabels *self,
                          cairo_t           *cr,
                          int                x,
                          int                y,
                          int                zoom,
                          gboolean           dark)
{
  LabelSet *set;
  gint64 key = cell_key (x, y);
  GArray *in_tile;
  PangoContext *context;
  PangoLayout *layout;
  PangoFontDescription *fonts[N_FONTS] = { NULL };
  double ox = (double) x * TILE_SIZE, oy = (double) y * TILE_SIZE;

  g_return_if_fail (self != NULL);

  if (zoom < 0 || zoom > MAX_ZOOM)
    return;
  set = get_set (self, zoom);
  in_tile = g_hash_table_lookup (set->tiles, &key);
  if (in_tile == NULL)
    return;

  g_mutex_lock (&font_lock);
  context = new_context ();
  layout = pango_layout_new (context);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < in_tile->len; i++)
    {
      const Placed *p = &g_array_index (set->placed, Placed, g_array_index (in_tile, guint, i));
      const Candidate *c = p->candidate;
      Colours colours;

      colours_for (c, dark, &colours);
      if (fonts[c->font] == NULL)
        fonts[c->font] = font_description (self, c->font);
      pango_layout_set_font_description (layout, fonts[c->font]);
      pango_layout_set_text (layout, c->text, -1);

      if (c->kind == KIND_CITY)
        {
          double r = c->capital ? DOT_RADIUS + 0.5 : DOT_RADIUS;

          cairo_new_path (cr);
          cairo_arc (cr, p->dot_x - ox, p->dot_y - oy, r, 0, 2 * G_PI);
          cairo_set_source_rgba (cr, colours.halo[0], colours.halo[1], colours.halo[2], 1);
          cairo_set_line_width (cr, 2);
          cairo_stroke_preserve (cr);
          cairo_set_source_rgb (cr, colours.text[0], colours.text[1], colours.text[2]);
          cairo_fill (cr);
          if (c->capital)
            {
              cairo_arc (cr, p->dot_x - ox, p->dot_y - oy, 1.2, 0, 2 * G_PI);
              cairo_set_source_rgba (cr, colours.halo[0], colours.halo[1], colours.halo[2], 1);
              cairo_fill (cr);
            }
        }

      cairo_new_path (cr);
      cairo_move_to (cr, p->x - ox, p->y - oy);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, colours.halo[0], colours.halo[1], colours.halo[2],
                             colours.halo[3]);
      cairo_set_line_width (cr, HALO_WIDTH);
      cairo_stroke (cr);
      cairo_move_to (cr, p->x - ox, p->y - oy);
      cairo_set_source_rgb (cr, colours.text[0], colours.text[1], colours.text[2]);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
  g_object_unref (layout);
  g_object_unref (context);
  g_mutex_unlock (&font_lock);
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&fonts[i], pango_font_description_free);
}

RasdBasemapLabels *
rasd_basemap_labels_new (const char  *language,
                         const char  *data_dir,
                         GError     **error)
{
  g_autoptr(RasdBasemapLabels) self = g_new0 (RasdBasemapLabels, 1);
  g_autofree char *countries = g_build_filename (data_dir, "country-labels.tsv", NULL);
  g_autofree char *seas = g_build_filename (data_dir, "seas.tsv", NULL);
  /* Arabic letters read smaller than Latin ones of the same size. */
  int larger = 0;
  static const struct { const char *style; int px; } fonts[N_FONTS] = {
    [FONT_SEA] = { "Italic", 12 },
    [FONT_COUNTRY] = { "Bold", 12 },
    [FONT_CAPITAL] = { "Semi-Bold", 12 },
    [FONT_CITY_LARGE] = { "", 12 },
    [FONT_CITY] = { "", 11 },
  };

  g_return_val_if_fail (data_dir != NULL, NULL);

  self->language = g_strdup (language != NULL ? language : "en");
  self->arabic = g_str_equal (self->language, "ar");
  larger = self->arabic ? 2 : 0;
  for (guint i = 0; i < N_FONTS; i++)
    {
      self->fonts[i] = g_strdup_printf ("Noto Sans,Noto Sans Arabic,DejaVu Sans %s %dpx",
                                        fonts[i].style, fonts[i].px + larger);
      self->sizes[i] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
    }
  self->strings = g_string_chunk_new (4096);
  self->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->seas = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_mutex_init (&self->lock);
  {
    PangoContext *context = new_context ();

    self->layout = pango_layout_new (context);
    g_object_unref (context);
  }
  self->prefetch = g_thread_pool_new (prefetch_in_thread, self, 1, FALSE, NULL);

  if (!load_countries (self, countries, error) || !load_seas (self, seas, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
rasd_basemap_labels_free (RasdBasemapLabels *self)
{
  if (self == NULL)
    return;
  /* Waits for a level being chosen; drops those waiting. */
  if (self->prefetch != NULL)
    g_thread_pool_free (self->prefetch, TRUE, TRUE);
  for (guint i = 0; i <= MAX_ZOOM; i++)
    g_clear_pointer (&self->sets[i], label_set_free);
  for (guint i = 0; i < N_FONTS; i++)
    {
      g_free (self->fonts[i]);
      g_clear_pointer (&self->sizes[i], g_hash_table_unref);
    }
  g_clear_pointer (&self->candidates, g_array_unref);
  g_mutex_lock (&font_lock);
  g_clear_object (&self->layout);
  g_mutex_unlock (&font_lock);
  g_clear_pointer (&self->seas, g_array_unref);
  g_clear_pointer (&self->countries, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_mutex_clear (&self->lock);
  g_free (self->language);
  g_free (self);
}

const char *
rasd_basemap_labels_get_language (RasdBasemapLabels *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->language;
}

gboolean
rasd_basemap_labels_get_country (RasdBasemapLabels *self,
                                 const char        *code,
                                 double            *lat,
                                 double            *lon,
                                 double            *room)
{
  const CountryPoint *point;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  point = g_hash_table_lookup (self->countries, code);
  if (point == NULL)
    return FALSE;
  *lat = point->lat;
  *lon = point->lon;
  *room = point->room;
  return TRUE;
}

static void
describe (RasdBasemapLabels *self,
          const Placed      *p,
          RasdBasemapLabel  *label)
{
  label->key = p->candidate->key;
  label->text = p->candidate->text;
  label->font = self->fonts[p->candidate->font];
  label->x = p->x;
  label->y = p->y;
  label->width = p->width;
  label->height = p->height;
}

gboolean
rasd_basemap_labels_find (RasdBasemapLabels *self,
                          int                zoom,
                          const char        *key,
                          RasdBasemapLabel  *label)
{
  LabelSet *set;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (zoom < 0 || zoom > MAX_ZOOM)
    return FALSE;
  set = get_set (self, zoom);
  for (guint i = 0; i < set->placed->len; i++)
    {
      const Placed *p = &g_array_index (set->placed, Placed, i);

      if (g_str_equal (p->candidate->key, key))
        {
          describe (self, p, label);
          return TRUE;
        }
    }
  return FALSE;
}

void
rasd_basemap_labels_get (RasdBasemapLabels *self,
                         int                zoom,
                         guint              index,
                         RasdBasemapLabel  *label)
{
  LabelSet *set;

  g_return_if_fail (self != NULL);
  g_return_if_fail (zoom >= 0 && zoom <= MAX_ZOOM);

  set = get_set (self, zoom);
  g_return_if_fail (index < set->placed->len);
  describe (self, &g_array_index (set->placed, Placed, index), label);
}

guint
rasd_basemap_labels_count (RasdBasemapLabels *self,
                           int                zoom)
{
  g_return_val_if_fail (self != NULL, 0);

  if (zoom < 0 || zoom > MAX_ZOOM)
    return 0;
  return get_set (self, zoom)->placed->len;
}
