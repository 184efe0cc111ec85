#define G_LOG_DOMAIN "rasd-basemap"

#include "config.h"

#include <string.h>
#include <math.h>
#include <cairo.h>
#include <glib/gi18n.h>

#include "rasd-basemap-source.h"
#include "rasd-basemap-labels.h"
#include "rasd-data.h"
#include "rasd-error.h"

#define MAGIC        "RASDMAP1"
#define HEADER_SIZE  12
#define PART_HEADER  24

enum
{
  KIND_LAND   = 0,
  KIND_BORDER = 1,
};

/* One ring or line of the file; points into the mapped file. */
typedef struct
{
  guint8       kind;
  guint32      n_points;
  float        bbox[4];   /* min x, min y, max x, max y */
  const float *points;    /* x, y pairs */
} Part;

typedef struct
{
  double sea[3];
  double land[3];
  double coast[3];
  double border[3];
} Palette;

static const Palette light_palette = {
  .sea    = { 0xab / 255., 0xcd / 255., 0xe6 / 255. },
  .land   = { 0xf6 / 255., 0xf4 / 255., 0xee / 255. },
  .coast  = { 0x6b / 255., 0x93 / 255., 0xb6 / 255. },
  .border = { 0xa6 / 255., 0x8a / 255., 0x94 / 255. },
};

static const Palette dark_palette = {
  .sea    = { 0x1d / 255., 0x28 / 255., 0x36 / 255. },
  .land   = { 0x3a / 255., 0x38 / 255., 0x3f / 255. },
  .coast  = { 0x5a / 255., 0x7c / 255., 0x9e / 255. },
  .border = { 0x8e / 255., 0x86 / 255., 0x96 / 255. },
};

struct _RasdBasemapSource
{
  ShumateDataSource  parent_instance;

  GMappedFile       *file;
  GArray            *parts;   /* Part; immutable after construction, read by worker threads */
  RasdBasemapLabels *labels;  /* NULL when their data could not be read; thread-safe */
  gint               dark;    /* atomic */
  gint               n_pending; /* atomic */
};

G_DEFINE_FINAL_TYPE (RasdBasemapSource, rasd_basemap_source, SHUMATE_TYPE_DATA_SOURCE)

enum
{
  PROP_0,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int x;
  int y;
  int zoom;
} TileRequest;

static gboolean
load (RasdBasemapSource  *self,
      const char         *path,
      GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  const guint8 *data;
  gsize size, offset;
  guint32 n_parts;

  self->file = g_mapped_file_new (path, FALSE, &local_error);
  if (self->file == NULL)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "Cannot read the basemap %s: %s", path,
                   local_error->message);
      return FALSE;
    }
  data = (const guint8 *) g_mapped_file_get_contents (self->file);
  size = g_mapped_file_get_length (self->file);
  if (size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "%s is not a Rasd basemap (build-aux/make-basemap writes one)", path);
      return FALSE;
    }
  memcpy (&n_parts, data + 8, 4);
  n_parts = GUINT32_FROM_LE (n_parts);

  self->parts = g_array_sized_new (FALSE, FALSE, sizeof (Part), n_parts);
  offset = HEADER_SIZE;
  for (guint32 i = 0; i < n_parts; i++)
    {
      Part part = { 0 };

      if (size - offset < PART_HEADER)
        goto truncated;
      part.kind = data[offset];
      memcpy (&part.n_points, data + offset + 4, 4);
      part.n_points = GUINT32_FROM_LE (part.n_points);
      memcpy (part.bbox, data + offset + 8, sizeof part.bbox);
      offset += PART_HEADER;
      if (part.n_points > (size - offset) / 8)
        goto truncated;
      /* The header and every part are multiples of 4 bytes, so the floats are aligned. */
      part.points = (const float *) (data + offset);
      offset += (gsize) part.n_points * 8;
      g_array_append_val (self->parts, part);
    }
  return TRUE;

truncated:
  g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
               "The basemap %s is truncated after %" G_GSIZE_FORMAT " bytes", path, offset);
  return FALSE;
}

static gboolean
part_in_rect (const Part *part,
              double      x0,
              double      y0,
              double      x1,
              double      y1)
{
  return part->bbox[0] <= x1 && part->bbox[2] >= x0 && part->bbox[1] <= y1 && part->bbox[3] >= y0;
}

/* Sutherland–Hodgman: @in (x, y pairs, tile pixels) clipped to one side of the tile's
 * rectangle grown by CLIP_MARGIN, into @out.  @axis 0 is x, 1 is y; @sign -1 keeps what is above
 * the @edge, +1 what is below. */
#define CLIP_MARGIN 4.0

static void
clip_side (GArray *in,
           GArray *out,
           int     axis,
           double  edge,
           double  sign)
{
  guint n = in->len / 2;

  g_array_set_size (out, 0);
  for (guint i = 0; i < n; i++)
    {
      const double *a = &g_array_index (in, double, 2 * ((i + n - 1) % n));
      const double *b = &g_array_index (in, double, 2 * i);
      gboolean a_in = (a[axis] - edge) * sign <= 0;
      gboolean b_in = (b[axis] - edge) * sign <= 0;

      if (a_in != b_in)
        {
          double t = (edge - a[axis]) / (b[axis] - a[axis]);
          double p[2];

          p[axis] = edge;
          p[!axis] = a[!axis] + t * (b[!axis] - a[!axis]);
          g_array_append_vals (out, p, 2);
        }
      if (b_in)
        g_array_append_vals (out, b, 2);
    }
}

/* A land ring, clipped to the tile so that cairo never walks a continent's outline for a tile
 * that shows a bay of it.  The clipped edges run outside the tile, so the coast stroke does
 * not show them. */
static void
append_ring (cairo_t    *cr,
             const Part *part,
             double      scale,
             double      ox,
             double      oy,
             GArray     *a,
             GArray     *b)
{
  const double lo = -CLIP_MARGIN, hi = RASD_BASEMAP_TILE_SIZE + CLIP_MARGIN;

  double last[2] = { G_MAXDOUBLE, G_MAXDOUBLE };

  /* Points closer than half a pixel to the last one kept add nothing at this zoom level. */
  g_array_set_size (a, 0);
  for (guint32 i = 0; i < part->n_points; i++)
    {
      double p[2] = { part->points[2 * i] * scale - ox, part->points[2 * i + 1] * scale - oy };

      if (fabs (p[0] - last[0]) + fabs (p[1] - last[1]) < 0.5)
        continue;
      g_array_append_vals (a, p, 2);
      last[0] = p[0];
      last[1] = p[1];
    }
  clip_side (a, b, 0, lo, -1);
  clip_side (b, a, 0, hi, +1);
  clip_side (a, b, 1, lo, -1);
  clip_side (b, a, 1, hi, +1);
  if (a->len < 6)
    return;
  cairo_move_to (cr, g_array_index (a, double, 0), g_array_index (a, double, 1));
  for (guint i = 1; i < a->len / 2; i++)
    cairo_line_to (cr, g_array_index (a, double, 2 * i), g_array_index (a, double, 2 * i + 1));
  cairo_close_path (cr);
}

/* Which sides of the grown tile a point is beyond (Cohen–Sutherland). */
static guint
outcode (double x,
         double y)
{
  const double lo = -CLIP_MARGIN, hi = RASD_BASEMAP_TILE_SIZE + CLIP_MARGIN;

  return (x < lo) | (x > hi) << 1 | (y < lo) << 2 | (y > hi) << 3;
}

/* A border line, leaving out the segments wholly beyond one side of the tile. */
static void
append_line (cairo_t    *cr,
             const Part *part,
             double      scale,
             double      ox,
             double      oy)
{
  const float *p = part->points;
  double px = p[0] * scale - ox, py = p[1] * scale - oy;
  guint pcode = outcode (px, py);
  gboolean drawing = FALSE;

  for (guint32 i = 1; i < part->n_points; i++)
    {
      double x = p[2 * i] * scale - ox, y = p[2 * i + 1] * scale - oy;
      guint code;

      if (fabs (x - px) + fabs (y - py) < 0.5 && i + 1 < part->n_points)
        continue;
      code = outcode (x, y);

      if ((code & pcode) == 0)
        {
          if (!drawing)
            cairo_move_to (cr, px, py);
          cairo_line_to (cr, x, y);
          drawing = TRUE;
        }
      else
        drawing = FALSE;
      px = x;
      py = y;
      pcode = code;
    }
}

/* PNG needs a CRC-32 per chunk; GLib has none. */
static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  static guint32 table[256];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&initialized, 1);
    }
  crc ^= 0xffffffffu;
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
append_chunk (GByteArray   *png,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 be_length = GUINT32_TO_BE ((guint32) length);
  guint32 crc;

  g_byte_array_append (png, (const guint8 *) &be_length, 4);
  g_byte_array_append (png, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (png, data, length);
  crc = crc32_update (crc32_update (0, (const guint8 *) type, 4), data, length);
  crc = GUINT32_TO_BE (crc);
  g_byte_array_append (png, (const guint8 *) &crc, 4);
}

/* The tile as an 8-bit RGB PNG, deflated at zlib's fastest level: cairo's own PNG writer
 * compresses harder and took most of a tile's time; the flat colours of a map compress well
 * either way. */
static GBytes *
encode_png (cairo_surface_t  *surface,
            GError          **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  const int size = RASD_BASEMAP_TILE_SIZE;
  const guint8 *pixels;
  int stride = cairo_image_surface_get_stride (surface);
  gsize raw_length = (gsize) size * (1 + 3 * size);
  g_autofree guint8 *raw = g_malloc (raw_length);
  g_autofree guint8 *deflated = g_malloc (raw_length + 1024);
  g_autoptr(GZlibCompressor) zlib = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1);
  g_autoptr(GByteArray) png = g_byte_array_sized_new (16 * 1024);
  gsize read = 0, written = 0;
  guint8 header[13] = { 0 };
  guint32 side = GUINT32_TO_BE ((guint32) size);

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < size; y++)
    {
      const guint32 *row = (const guint32 *) (pixels + (gsize) y * stride);
      guint8 *out = raw + (gsize) y * (1 + 3 * size);

      *out++ = 0;  /* filter: none */
      for (int x = 0; x < size; x++)
        {
          *out++ = (row[x] >> 16) & 0xff;
          *out++ = (row[x] >> 8) & 0xff;
          *out++ = row[x] & 0xff;
        }
    }
  if (g_converter_convert (G_CONVERTER (zlib), raw, raw_length, deflated, raw_length + 1024,
                           G_CONVERTER_INPUT_AT_END, &read, &written, error)
      != G_CONVERTER_FINISHED)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, RASD_ERROR, RASD_ERROR_FAILED, "Cannot compress a basemap tile");
      return NULL;
    }

  memcpy (header, &side, 4);
  memcpy (header + 4, &side, 4);
  header[8] = 8;  /* bits per channel */
  header[9] = 2;  /* RGB */
  g_byte_array_append (png, signature, sizeof signature);
  append_chunk (png, "IHDR", header, sizeof header);
  append_chunk (png, "IDAT", deflated, written);
  append_chunk (png, "IEND", NULL, 0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

GBytes *
rasd_basemap_source_render_tile (RasdBasemapSource  *self,
                                 int                 x,
                                 int                 y,
                                 int                 zoom,
                                 GError            **error)
{
  const Palette *palette;
  GBytes *png;
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double scale, ox, oy, margin, x0, y0, x1, y1, width;
  int n_tiles;

  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (self), NULL);

  n_tiles = 1 << CLAMP (zoom, 0, 30);
  if (zoom < 0 || zoom > 30 || x < 0 || y < 0 || x >= n_tiles || y >= n_tiles)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "No basemap tile %d/%d/%d", zoom, x, y);
      return NULL;
    }

  palette = g_atomic_int_get (&self->dark) ? &dark_palette : &light_palette;
  scale = (double) RASD_BASEMAP_TILE_SIZE * n_tiles;   /* world units to tile pixels */
  ox = (double) x * RASD_BASEMAP_TILE_SIZE;
  oy = (double) y * RASD_BASEMAP_TILE_SIZE;
  margin = CLIP_MARGIN / scale;
  x0 = (double) x / n_tiles - margin;
  y0 = (double) y / n_tiles - margin;
  x1 = (double) (x + 1) / n_tiles + margin;
  y1 = (double) (y + 1) / n_tiles + margin;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, RASD_BASEMAP_TILE_SIZE,
                                        RASD_BASEMAP_TILE_SIZE);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, palette->sea[0], palette->sea[1], palette->sea[2]);
  cairo_paint (cr);

  /* Land: every ring crossing the tile in one even-odd path, so lakes stay holes. */
  for (guint i = 0; i < self->parts->len; i++)
    {
      const Part *part = &g_array_index (self->parts, Part, i);

      if (part->kind == KIND_LAND && part_in_rect (part, x0, y0, x1, y1))
        append_ring (cr, part, scale, ox, oy, ring, scratch);
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgb (cr, palette->land[0], palette->land[1], palette->land[2]);
  cairo_fill_preserve (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, MIN (0.5 + 0.1 * zoom, 1.3));
  cairo_set_source_rgb (cr, palette->coast[0], palette->coast[1], palette->coast[2]);
  cairo_stroke (cr);

  /* Borders: each shared arc once. */
  for (guint i = 0; i < self->parts->len; i++)
    {
      const Part *part = &g_array_index (self->parts, Part, i);

      if (part->kind == KIND_BORDER && part_in_rect (part, x0, y0, x1, y1))
        append_line (cr, part, scale, ox, oy);
    }
  width = MIN (0.5 + 0.15 * zoom, 1.6);
  cairo_set_line_width (cr, width);
  cairo_set_source_rgb (cr, palette->border[0], palette->border[1], palette->border[2]);
  cairo_stroke (cr);

  if (self->labels != NULL)
    rasd_basemap_labels_draw (self->labels, cr, x, y, zoom, palette == &dark_palette);

  cairo_destroy (cr);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "Cannot draw basemap tile %d/%d/%d: %s",
                   zoom, x, y, cairo_status_to_string (status));
      cairo_surface_destroy (surface);
      return NULL;
    }
  png = encode_png (surface, error);
  cairo_surface_destroy (surface);
  return png;
}

/* Tiles of every source being drawn on a worker thread (atomic): a process must not exit
 * under them (the font libraries' data would be freed while a thread reads it). */
static gint n_rendering;

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TileRequest *request = task_data;
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;
  g_atomic_int_inc (&n_rendering);
  bytes = rasd_basemap_source_render_tile (source_object, request->x, request->y, request->zoom,
                                           &error);
  g_atomic_int_dec_and_test (&n_rendering);
  if (bytes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

/* Back on the caller's thread: Shumate's raster renderer takes the image from the
 * "received-data" signal, then completes the tile when the request returns. */
static void
on_rendered (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(GTask) task = data;
  TileRequest *request = g_task_get_task_data (task);
  GError *error = NULL;
  GBytes *bytes = g_task_propagate_pointer (G_TASK (result), &error);

  g_atomic_int_dec_and_test (&RASD_BASEMAP_SOURCE (object)->n_pending);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_signal_emit_by_name (object, "received-data", request->x, request->y, request->zoom, bytes);
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

static void
rasd_basemap_source_get_tile_data_async (ShumateDataSource   *source,
                                         int                  x,
                                         int                  y,
                                         int                  zoom_level,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  g_autoptr(GTask) render = g_task_new (source, cancellable, on_rendered, g_object_ref (task));
  TileRequest *request = g_new (TileRequest, 1);

  request->x = x;
  request->y = y;
  request->zoom = zoom_level;
  g_task_set_source_tag (task, rasd_basemap_source_get_tile_data_async);
  g_task_set_task_data (task, request, g_free);
  g_task_set_task_data (render, g_memdup2 (request, sizeof *request), g_free);
  g_atomic_int_inc (&RASD_BASEMAP_SOURCE (source)->n_pending);
  g_task_run_in_thread (render, render_in_thread);
}

static GBytes *
rasd_basemap_source_get_tile_data_finish (ShumateDataSource  *source,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
rasd_basemap_source_finalize (GObject *object)
{
  RasdBasemapSource *self = RASD_BASEMAP_SOURCE (object);

  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_pointer (&self->file, g_mapped_file_unref);
  g_clear_pointer (&self->labels, rasd_basemap_labels_free);
  G_OBJECT_CLASS (rasd_basemap_source_parent_class)->finalize (object);
}

static void
rasd_basemap_source_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RasdBasemapSource *self = RASD_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_DARK:
      g_value_set_boolean (value, rasd_basemap_source_get_dark (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_basemap_source_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RasdBasemapSource *self = RASD_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_DARK:
      rasd_basemap_source_set_dark (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_basemap_source_class_init (RasdBasemapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = rasd_basemap_source_finalize;
  object_class->get_property = rasd_basemap_source_get_property;
  object_class->set_property = rasd_basemap_source_set_property;
  source_class->get_tile_data_async = rasd_basemap_source_get_tile_data_async;
  source_class->get_tile_data_finish = rasd_basemap_source_get_tile_data_finish;

  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rasd_basemap_source_init (RasdBasemapSource *self)
{
}

void
rasd_basemap_world_from_location (double  lat,
                                  double  lon,
                                  double *wx,
                                  double *wy)
{
  /* Web Mercator stops at the latitude where the world is square. */
  const double max_lat = 85.0511287798066;
  double phi = CLAMP (lat, -max_lat, max_lat) * G_PI / 180.0;

  *wx = (CLAMP (lon, -180.0, 180.0) + 180.0) / 360.0;
  *wy = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

const char *
rasd_basemap_source_default_language (void)
{
  /* Translators: the language of the names on the offline map: "ar" for the gazetteer's Arabic
   * names, "en" for English ones.  Translate as "ar" only in Arabic. */
  const char *language = C_("map labels language", "en");

  return g_str_equal (language, "ar") ? "ar" : "en";
}

RasdBasemapSource *
rasd_basemap_source_new_full (const char  *path,
                              const char  *language,
                              GError     **error)
{
  g_autoptr(RasdBasemapSource) self = g_object_new (RASD_TYPE_BASEMAP_SOURCE, NULL);
  g_autofree char *default_path = NULL;
  g_autofree char *labels_dir = rasd_data_path ("basemap");
  g_autoptr(GError) labels_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (path == NULL)
    path = default_path = rasd_data_path ("basemap/basemap.bin");
  if (!load (self, path, error))
    return NULL;
  /* A map without names is still a map. */
  self->labels = rasd_basemap_labels_new (language != NULL ? language
                                                           : rasd_basemap_source_default_language (),
                                          labels_dir, &labels_error);
  if (self->labels == NULL)
    g_warning ("The map has no names: %s", labels_error->message);
  return g_steal_pointer (&self);
}

RasdBasemapSource *
rasd_basemap_source_new (const char  *path,
                         GError     **error)
{
  return rasd_basemap_source_new_full (path, NULL, error);
}

RasdBasemapLabels *
rasd_basemap_source_get_labels (RasdBasemapSource *self)
{
  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (self), NULL);
  return self->labels;
}

gboolean
rasd_basemap_source_get_country (RasdBasemapSource *self,
                                 const char        *code,
                                 double            *lat,
                                 double            *lon,
                                 double            *room)
{
  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (self), FALSE);
  return self->labels != NULL && rasd_basemap_labels_get_country (self->labels, code, lat, lon, room);
}

cairo_surface_t *
rasd_basemap_source_render_labels (RasdBasemapSource *self,
                                   int                x,
                                   int                y,
                                   int                zoom)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (self), NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, RASD_BASEMAP_TILE_SIZE,
                                        RASD_BASEMAP_TILE_SIZE);
  cr = cairo_create (surface);
  if (self->labels != NULL)
    rasd_basemap_labels_draw (self->labels, cr, x, y, zoom, g_atomic_int_get (&self->dark));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

void
rasd_basemap_source_set_dark (RasdBasemapSource *self,
                              gboolean           dark)
{
  g_return_if_fail (RASD_IS_BASEMAP_SOURCE (self));

  dark = !!dark;
  if (g_atomic_int_get (&self->dark) == dark)
    return;
  g_atomic_int_set (&self->dark, dark);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

gboolean
rasd_basemap_source_get_dark (RasdBasemapSource *self)
{
  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (self), FALSE);
  return g_atomic_int_get (&self->dark);
}

ShumateMapSource *
rasd_basemap_source_new_renderer (RasdBasemapSource *self)
{
  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (self), NULL);

  return SHUMATE_MAP_SOURCE (
    shumate_raster_renderer_new_full (g_atomic_int_get (&self->dark) ? "rasd-basemap-dark"
                                                                     : "rasd-basemap",
                                      _("Offline basemap"),
                                      "Natural Earth", "https://www.naturalearthdata.com/",
                                      RASD_BASEMAP_MIN_ZOOM, RASD_BASEMAP_MAX_ZOOM,
                                      RASD_BASEMAP_TILE_SIZE, SHUMATE_MAP_PROJECTION_MERCATOR,
                                      SHUMATE_DATA_SOURCE (self)));
}

static guint32
rgb (const double colour[3])
{
  return ((guint32) lround (colour[0] * 255) << 16) | ((guint32) lround (colour[1] * 255) << 8)
         | (guint32) lround (colour[2] * 255);
}

guint32
rasd_basemap_source_get_sea_rgb (RasdBasemapSource *self)
{
  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (self), 0);
  return rgb (g_atomic_int_get (&self->dark) ? dark_palette.sea : light_palette.sea);
}

guint32
rasd_basemap_source_get_land_rgb (RasdBasemapSource *self)
{
  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (self), 0);
  return rgb (g_atomic_int_get (&self->dark) ? dark_palette.land : light_palette.land);
}

/* Waits until no source draws a tile on a worker thread; to be called before a process
 * exits (the requests still queued return cancelled or are never run). */
void
rasd_basemap_source_wait_for_renders (void)
{
  while (g_atomic_int_get (&n_rendering) > 0)
    g_usleep (1000);
}

guint
rasd_basemap_source_get_n_pending (RasdBasemapSource *self)
{
  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (self), 0);
  return (guint) g_atomic_int_get (&self->n_pending);
}
