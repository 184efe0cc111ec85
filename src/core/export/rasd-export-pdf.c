#define G_LOG_DOMAIN "rasd-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "rasd-event-item.h"
#include "rasd-export.h"
#include "rasd-format.h"

/* A4 in points, and the margins (2 cm, a little more at the bottom for the page number). */
#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.890
#define MARGIN_SIDE 56.7
#define MARGIN_TOP 56.7
#define MARGIN_BOTTOM 70.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN_SIDE)
#define CONTENT_BOTTOM (PAGE_HEIGHT - MARGIN_BOTTOM)

/* Amiri (fonts-hosny-amiri) first: a Naskh face with Latin, so URLs match the Arabic. */
#define FONT_FAMILY "Amiri, Noto Naskh Arabic, DejaVu Sans"

typedef struct
{
  PangoLayout *layout;
  double       space_before;  /* points */
  gboolean     splittable;    /* may break across pages between its lines */
  double       grey;          /* 0 black .. 1 white */
  gboolean     rule;          /* a thin line above it (between excerpts) */
} Block;

typedef struct
{
  guint  block;
  int    first_line;
  int    n_lines;
  guint  page;
  double y;            /* top of the first line, points */
  gboolean rule;
} Piece;

static void
block_clear (Block *block)
{
  g_clear_object (&block->layout);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
add_block (GArray       *blocks,
           PangoContext *context,
           const char   *text,
           const char   *font,
           double        space_before,
           gboolean      splittable,
           double        grey,
           gboolean      rule,
           gboolean      auto_dir)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  Block block = { pango_layout_new (context), space_before, splittable, grey, rule };

  pango_layout_set_font_description (block.layout, description);
  pango_layout_set_width (block.layout, (int) (CONTENT_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (block.layout, PANGO_WRAP_WORD_CHAR);
  /* Right-aligned.  With @auto_dir (the excerpts: an article may be in English) a paragraph
   * that resolves left-to-right is aligned to the left, as auto-dir flips the alignment against
   * the base direction; labels and citations keep the context's direction. */
  pango_layout_set_auto_dir (block.layout, auto_dir);
  pango_layout_set_alignment (block.layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_spacing (block.layout, (int) (2 * PANGO_SCALE));
  pango_layout_set_text (block.layout, text, -1);
  g_array_append_val (blocks, block);
}

/* Heights of each line of @layout (points), and the baseline of each from the line's top. */
static void
line_metrics (PangoLayout *layout,
              GArray      *heights,
              GArray      *baselines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      g_array_append_val (heights, height);
      g_array_append_val (baselines, baseline);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Places the blocks on pages; returns the number of pages. */
static guint
paginate (GArray *blocks,
          GArray *pieces)
{
  guint page = 0;
  double y = MARGIN_TOP;
  const double spacing = 2.0;

  for (guint b = 0; b < blocks->len; b++)
    {
      Block *block = &g_array_index (blocks, Block, b);
      g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) baselines = g_array_new (FALSE, FALSE, sizeof (double));
      double total = 0;
      Piece piece;
      int line = 0;

      line_metrics (block->layout, heights, baselines);
      for (guint i = 0; i < heights->len; i++)
        total += g_array_index (heights, double, i) + (i > 0 ? spacing : 0);

      if (y > MARGIN_TOP)
        y += block->space_before;
      /* Whole on a new page when it does not fit here but fits a page, and must stay whole or
       * has only a few lines (no widow or orphan lines). */
      if (y + total > CONTENT_BOTTOM && y > MARGIN_TOP &&
          total <= CONTENT_BOTTOM - MARGIN_TOP && (!block->splittable || heights->len <= 3))
        {
          page++;
          y = MARGIN_TOP;
        }

      piece = (Piece) { b, 0, 0, page, y, block->rule };
      for (line = 0; line < (int) heights->len; line++)
        {
          double h = g_array_index (heights, double, line);

          if (y + h > CONTENT_BOTTOM && piece.n_lines > 0)
            {
              g_array_append_val (pieces, piece);
              page++;
              y = MARGIN_TOP;
              piece = (Piece) { b, line, 0, page, y, FALSE };
            }
          piece.n_lines++;
          y += h + spacing;
        }
      g_array_append_val (pieces, piece);
    }
  return page + 1;
}

static void
draw_piece (cairo_t *cr,
            Block   *block,
            Piece   *piece)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);
  double y = piece->y;
  int line = 0;

  if (piece->rule)
    {
      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, MARGIN_SIDE + CONTENT_WIDTH * 0.3, y - block->space_before / 2);
      cairo_line_to (cr, MARGIN_SIDE + CONTENT_WIDTH, y - block->space_before / 2);
      cairo_stroke (cr);
    }
  cairo_set_source_rgb (cr, block->grey, block->grey, block->grey);
  do
    {
      PangoRectangle logical;

      if (line >= piece->first_line + piece->n_lines)
        break;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (line >= piece->first_line)
        {
          double baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;

          cairo_move_to (cr, MARGIN_SIDE + (double) logical.x / PANGO_SCALE, y + baseline);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
          y += (double) logical.height / PANGO_SCALE + 2.0;
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_page_number (cairo_t      *cr,
                  PangoContext *context,
                  guint         page,
                  guint         n_pages)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (FONT_FAMILY " 9");
  /* Translators: the footer of each page of an exported PDF */
  g_autofree char *nth = rasd_format_count (page);
  g_autofree char *n = rasd_format_count (n_pages);
  g_autofree char *text = g_strdup_printf (_("Page %s of %s"), nth, n);
  int width, height;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  cairo_move_to (cr, (PAGE_WIDTH - (double) width / PANGO_SCALE) / 2,
                 PAGE_HEIGHT - MARGIN_BOTTOM / 2 - (double) height / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, layout);
}

/* The citation under an excerpt: title and source (right-to-left), then date and URL on a
 * left-to-right line of their own (aligned right like the rest), so that both read in order in
 * the PDF's text as well as on the page; then the event. */
static void
add_citation (GArray       *blocks,
              PangoContext *rtl,
              PangoContext *ltr,
              RasdExcerpt  *x)
{
  g_autoptr(GString) line = g_string_new ("— ");
  g_autofree char *event = rasd_excerpt_dup_event_summary (x);
  const char *font = FONT_FAMILY " 9.5";

  g_string_append (line, rasd_excerpt_get_title (x) != NULL ? rasd_excerpt_get_title (x)
                                                           : _("Untitled article"));
  if (rasd_excerpt_get_source (x) != NULL)
    g_string_append_printf (line, " — %s", rasd_excerpt_get_source (x));
  add_block (blocks, rtl, line->str, font, 6, FALSE, 0.35, FALSE, FALSE);

  g_string_truncate (line, 0);
  if (rasd_excerpt_get_date (x) != NULL)
    g_string_append (line, rasd_excerpt_get_date (x));
  if (rasd_excerpt_get_url (x) != NULL)
    g_string_append_printf (line, "%s%s", line->len > 0 ? "  ·  " : "", rasd_excerpt_get_url (x));
  if (line->len > 0)
    add_block (blocks, ltr, line->str, font, 1, FALSE, 0.35, FALSE, FALSE);

  if (event != NULL)
    {
      /* The label and kind first-strong isolated (U+2068 … U+2069) and the date left-to-right
       * isolated: in whatever language, they read in order in the right-to-left line. */
      const char *kind = rasd_excerpt_get_event_kind (x);
      g_autoptr(GString) text = g_string_new ("\u2068");

      g_string_append (text, _("Event:"));
      if (kind != NULL)
        g_string_append_printf (text, " %s", rasd_event_kind_label (kind));
      g_string_append (text, "\u2069");
      if (rasd_excerpt_get_event_who (x) != NULL)
        g_string_append_printf (text, " %s", rasd_excerpt_get_event_who (x));
      if (rasd_excerpt_get_event_where (x) != NULL)
        g_string_append_printf (text, " — %s", rasd_excerpt_get_event_where (x));
      if (rasd_excerpt_get_event_when (x) != NULL)
        g_string_append_printf (text, " — \u2066%s\u2069", rasd_excerpt_get_event_when (x));
      add_block (blocks, rtl, text->str, font, 1, FALSE, 0.35, FALSE, FALSE);
    }
}

GBytes *
rasd_export_excerpts_to_pdf (GPtrArray  *excerpts,
                             GError    **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  PangoContext *context = NULL;
  PangoContext *ltr_context = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_iso = g_date_time_format (now, "%Y-%m-%d");
  /* in the interface's words and digits, isolated so that it keeps its order in the line */
  g_autofree char *today_words = rasd_format_date (today_iso);
  g_autofree char *today = g_strdup_printf ("\u2068%s\u2069", today_words);
  g_autofree char *subtitle = NULL;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages, piece = 0;

  g_return_val_if_fail (excerpts != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (blocks, (GDestroyNotify) block_clear);
  surface = cairo_pdf_surface_create_for_stream (append_to_array, data, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Excerpts"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rasd " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_context_set_base_dir (context, PANGO_DIRECTION_RTL);
  /* Metrics unhinted, so the layout is the same whatever screen settings are. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  ltr_context = pango_cairo_create_context (cr);
  pango_context_set_base_dir (ltr_context, PANGO_DIRECTION_LTR);
  pango_cairo_context_set_font_options (ltr_context, options);
  cairo_font_options_destroy (options);

  {
    g_autofree char *number = rasd_format_count (excerpts->len);
    /* Translators: the first %s is a number in the locale's digits, the second a date */
    g_autofree char *line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s excerpt, exported by Rasd on %s",
                                                          "%s excerpts, exported by Rasd on %s",
                                                          excerpts->len),
                                             number, today);
    subtitle = g_strdup_printf ("\u2068%s\u2069", line);
  }
  add_block (blocks, context, _("Excerpts"), FONT_FAMILY " Bold 20", 0, FALSE, 0.1, FALSE, FALSE);
  add_block (blocks, context, subtitle, FONT_FAMILY " 10", 2, FALSE, 0.4, FALSE, FALSE);
  for (guint i = 0; i < excerpts->len; i++)
    {
      RasdExcerpt *x = g_ptr_array_index (excerpts, i);

      add_block (blocks, context, rasd_excerpt_get_text (x), FONT_FAMILY " 13", 26, TRUE, 0.0, TRUE,
                 TRUE);
      add_citation (blocks, context, ltr_context, x);
      if (rasd_excerpt_get_note (x) != NULL)
        {
          g_autofree char *note = g_strdup_printf ("\u2068%s\u2069 %s", _("Note:"),
                                                   rasd_excerpt_get_note (x));
          add_block (blocks, context, note, FONT_FAMILY " Italic 10.5", 4, TRUE, 0.2, FALSE, FALSE);
        }
    }

  n_pages = paginate (blocks, pieces);
  for (guint page = 0; page < n_pages; page++)
    {
      for (; piece < pieces->len && g_array_index (pieces, Piece, piece).page == page; piece++)
        {
          Piece *p = &g_array_index (pieces, Piece, piece);
          draw_piece (cr, &g_array_index (blocks, Block, p->block), p);
        }
      draw_page_number (cr, context, page + 1, n_pages);
      cairo_show_page (cr);
    }

  g_array_set_size (blocks, 0);
  g_object_unref (context);
  g_object_unref (ltr_context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot make the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}
