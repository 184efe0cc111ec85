#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <pango/pangocairo.h>
#include <libxml/xpath.h>

#include "rasd-error.h"
#include "rasd-export.h"
#include "rasd-store.h"
#include "rasd-test-util.h"

/* The fixture: one Arabic article with a Latin URL, one event in it (with coordinates) and one
 * without a place, two excerpts: the first from the event, the second with a note. */
static const char article_text[] =
  "بوتين يستقبل الأسد في موسكو\n"
  "استقبل الرئيس الروسي فلاديمير بوتين الرئيس السوري بشار الأسد في الكرملين، وبحث الجانبان "
  "التعاون العسكري والتسوية السياسية.\n"
  "وقال بوتين إن \"الحل السياسي\" ممكن، بحسب ما نقلته الوكالة، مضيفا أن اللقاء كان بنّاء.\n"
  "وأجرى وزير الخارجية اتصالا هاتفيا بنظيره.";

typedef struct
{
  char       *dir;
  char       *db;
  RasdStore  *store;
  gint64      article_id;
  gint64      event_id;     /* the visit, at Moscow */
  gint64      call_id;      /* the call, no place */
  GPtrArray  *excerpts;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autoptr(RasdExtraction) x = rasd_extraction_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GArray) ids = NULL;
  RasdEvent *visit = rasd_event_new ();
  RasdEvent *call = rasd_event_new ();
  int putin, assad, moscow, lavrov;
  RasdSpan span;
  glong second, third;

  f->dir = rasd_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "rasd.db", NULL);
  f->store = rasd_store_open (f->db, &error);
  g_assert_no_error (error);

  rasd_article_set_title (article, "بوتين يستقبل الأسد في موسكو");
  rasd_article_set_source (article, "وكالة الأنباء");
  rasd_article_set_url (article, "https://example.com/news/putin-assad?id=7&lang=ar");
  rasd_article_set_date (article, "2015-10-21");
  rasd_article_set_text (article, article_text);
  f->article_id = rasd_store_add_article (f->store, article, NULL, &error);
  g_assert_no_error (error);

  putin = rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, "vladimir-putin", "فلاديمير بوتين",
                                      "Vladimir Putin", NULL);
  assad = rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, "bashar-al-assad", "بشار الأسد",
                                      "Bashar al-Assad", NULL);
  lavrov = rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, "sergey-lavrov", "سيرغي لافروف",
                                       "Sergey Lavrov", NULL);
  moscow = rasd_extraction_add_entity (x, RASD_ENTITY_PLACE, "524901", "موسكو", "Moscow", "RU");
  rasd_extraction_get_entity (x, moscow)->place_kind = "city";
  rasd_extraction_get_entity (x, moscow)->lat = 55.75222;
  rasd_extraction_get_entity (x, moscow)->lon = 37.61556;

  second = rasd_test_char_offset (article_text, "استقبل");
  third = rasd_test_char_offset (article_text, "وقال");
  visit->kind = "visit";
  visit->cameo = "042";
  g_assert_true (rasd_date_parse_iso ("2015-10-20", &visit->date));
  visit->place = moscow;
  g_array_append_val (visit->participants, putin);
  g_array_append_val (visit->participants, assad);
  span = (RasdSpan) { second, third - 1 };
  g_array_append_val (visit->evidence, span);
  g_ptr_array_add (x->events, visit);

  call->kind = "call";
  call->cameo = "041";
  call->role = RASD_EVENT_ROLE_BACKGROUND;
  g_array_append_val (call->participants, lavrov);
  span = (RasdSpan) { rasd_test_char_offset (article_text, "وأجرى"), g_utf8_strlen (article_text, -1) };
  g_array_append_val (call->evidence, span);
  g_ptr_array_add (x->events, call);

  g_assert_true (rasd_store_save_extraction (f->store, f->article_id, x, &error));
  g_assert_no_error (error);
  events = rasd_store_list_events (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  f->event_id = ((RasdStoredEvent *) g_ptr_array_index (events, 0))->id;
  f->call_id = ((RasdStoredEvent *) g_ptr_array_index (events, 1))->id;

  ids = rasd_store_add_excerpts_from_event (f->store, f->event_id, f->article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (rasd_store_add_excerpt (f->store, f->article_id, third, third + 60, 0,
                                           "ملاحظة: \"مهم\", <تحقق>", &error), >, 0);
  g_assert_no_error (error);
  f->excerpts = rasd_store_list_excerpts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->excerpts->len, ==, 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->excerpts, g_ptr_array_unref);
  g_clear_object (&f->store);
  rasd_test_rmtree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static RasdExcerpt *
excerpt_at (Fixture *f,
            guint    i)
{
  return g_ptr_array_index (f->excerpts, i);
}

static char *
export_to (Fixture          *f,
           RasdExportFormat  format,
           const char       *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (rasd_export_excerpts (f->excerpts, format, file, &error));
  g_assert_no_error (error);
  return path;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Whitespace runs as one space, so that line breaks of a layout do not matter; bidi controls
 * (pdftotext marks runs with them) dropped. */
static char *
squeeze (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F)
        continue;
      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Store ----------------------------------------------------------------------------------- */

static void
test_store_excerpts (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(RasdExcerpt) removed = NULL;
  RasdExcerpt *first = excerpt_at (f, 0);
  RasdExcerpt *second = excerpt_at (f, 1);
  glong third = rasd_test_char_offset (article_text, "وقال");
  g_autofree char *expected = NULL;

  /* The text is the exact character range of the stored article. */
  expected = g_strndup (g_utf8_offset_to_pointer (article_text, third),
                        g_utf8_offset_to_pointer (article_text, third + 60) -
                        g_utf8_offset_to_pointer (article_text, third));
  g_assert_cmpstr (rasd_excerpt_get_text (second), ==, expected);
  g_assert_cmpint (rasd_excerpt_get_start (second), ==, third);
  g_assert_true (g_str_has_prefix (rasd_excerpt_get_text (first), "استقبل الرئيس الروسي"));
  g_assert_true (g_str_has_suffix (rasd_excerpt_get_text (first), "والتسوية السياسية."));
  g_assert_cmpstr (rasd_excerpt_get_url (first), ==, "https://example.com/news/putin-assad?id=7&lang=ar");
  g_assert_cmpstr (rasd_excerpt_get_source (first), ==, "وكالة الأنباء");
  g_assert_cmpint (rasd_excerpt_get_event_id (first), ==, f->event_id);
  g_assert_cmpstr (rasd_excerpt_get_event_who (first), ==, "فلاديمير بوتين، بشار الأسد");
  g_assert_cmpstr (rasd_excerpt_get_event_where (first), ==, "موسكو");
  g_assert_cmpstr (rasd_excerpt_get_event_when (first), ==, "2015-10-20");
  g_assert_false (rasd_excerpt_has_event (second));
  g_assert_cmpstr (rasd_excerpt_get_note (second), ==, "ملاحظة: \"مهم\", <تحقق>");

  /* Bad ranges, unknown article or event. */
  g_assert_cmpint (rasd_store_add_excerpt (f->store, f->article_id, 5, 5, 0, NULL, &error), ==, 0);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY);
  g_clear_error (&error);
  g_assert_cmpint (rasd_store_add_excerpt (f->store, f->article_id, 0, 100000, 0, NULL, &error), ==, 0);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY);
  g_clear_error (&error);
  g_assert_cmpint (rasd_store_add_excerpt (f->store, 999, 0, 3, 0, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (rasd_store_add_excerpt (f->store, f->article_id, 0, 3, 999, NULL, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_null (rasd_store_add_excerpts_from_event (f->store, 999, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* From the event again: its span is in the basket already. */
  again = rasd_store_add_excerpts_from_event (f->store, f->event_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);

  /* Note, move, remove, restore. */
  g_assert_true (rasd_store_set_excerpt_note (f->store, rasd_excerpt_get_id (first), "جديد", &error));
  g_assert_true (rasd_store_move_excerpt (f->store, rasd_excerpt_get_id (second), 0, &error));
  g_assert_no_error (error);
  list = rasd_store_list_excerpts (f->store, &error);
  g_assert_cmpint (rasd_excerpt_get_id (g_ptr_array_index (list, 0)), ==, rasd_excerpt_get_id (second));
  g_assert_cmpstr (rasd_excerpt_get_note (g_ptr_array_index (list, 1)), ==, "جديد");
  g_clear_pointer (&list, g_ptr_array_unref);

  removed = rasd_store_get_excerpt (f->store, rasd_excerpt_get_id (second), &error);
  g_assert_true (rasd_store_remove_excerpt (f->store, rasd_excerpt_get_id (second), &error));
  g_assert_false (rasd_store_remove_excerpt (f->store, rasd_excerpt_get_id (second), &error));
  g_clear_error (&error);
  list = rasd_store_list_excerpts (f->store, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_true (rasd_store_restore_excerpt (f->store, removed, &error));
  g_assert_no_error (error);
  list = rasd_store_list_excerpts (f->store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (rasd_excerpt_get_id (g_ptr_array_index (list, 0)), ==, rasd_excerpt_get_id (second));
  g_assert_cmpstr (rasd_excerpt_get_note (g_ptr_array_index (list, 0)), ==, rasd_excerpt_get_note (second));
}

/* Many moves between the same two neighbours exhaust the gap between their positions: the
 * order must still be right (renumbering). */
static void
test_store_many_moves (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = rasd_excerpt_get_id (excerpt_at (f, 0));
  gint64 b = rasd_excerpt_get_id (excerpt_at (f, 1));
  gint64 c = rasd_store_add_excerpt (f->store, f->article_id, 0, 5, 0, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(GPtrArray) list = NULL;
      gint64 moving = i % 2 == 0 ? c : b;

      /* The excerpt at the end goes to index 1. */
      g_assert_true (rasd_store_move_excerpt (f->store, moving, 1, &error));
      g_assert_no_error (error);
      list = rasd_store_list_excerpts (f->store, &error);
      g_assert_cmpuint (list->len, ==, 3);
      g_assert_cmpint (rasd_excerpt_get_id (g_ptr_array_index (list, 0)), ==, a);
      g_assert_cmpint (rasd_excerpt_get_id (g_ptr_array_index (list, 1)), ==, moving);
    }
}

/* Re-extraction replaces the event: the excerpt stays, with its text, its article citation and
 * its event's who, where and when (excerpts.event_citation, schema 5). */
static void
test_store_reextraction (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdExtraction) empty = rasd_extraction_new ();
  g_autoptr(RasdExcerpt) after = NULL;
  gint64 id = rasd_excerpt_get_id (excerpt_at (f, 0));

  g_assert_true (rasd_store_save_extraction (f->store, f->article_id, empty, &error));
  g_assert_no_error (error);
  after = rasd_store_get_excerpt (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rasd_excerpt_get_event_id (after), ==, 0);
  g_assert_true (g_str_has_prefix (rasd_excerpt_get_text (after), "استقبل"));
  g_assert_cmpstr (rasd_excerpt_get_title (after), ==, "بوتين يستقبل الأسد في موسكو");
  g_assert_cmpstr (rasd_excerpt_get_event_who (after), ==, "فلاديمير بوتين، بشار الأسد");
  g_assert_cmpstr (rasd_excerpt_get_event_where (after), ==, "موسكو");
  g_assert_cmpstr (rasd_excerpt_get_event_when (after), ==, "2015-10-20");
}

/* Formats --------------------------------------------------------------------------------- */

/* Numbers in JSON in their shortest form that reads back the same; strings untouched. */
static void
test_json_numbers (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const double values[] = { 43.59917, -0.63588, 0.1 + 0.2, 1e-5, 5.0, 116.39723 };

  g_assert_cmpstr (rasd_export_format_double (43.59917, buffer), ==, "43.59917");
  g_assert_cmpstr (rasd_export_format_double (-77.036, buffer), ==, "-77.036");
  g_assert_cmpstr (rasd_export_format_double (0.1 + 0.2, buffer), ==, "0.30000000000000004");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat (g_ascii_strtod (rasd_export_format_double (values[i], buffer), NULL), ==, values[i]);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "coordinates");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    json_builder_add_double_value (builder, values[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, 12);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, "43.599170000000001 \"-1.50\"");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = rasd_export_json_to_data (root, FALSE, NULL);
  g_assert_cmpstr (text, ==, "{\"coordinates\":[43.59917,-0.63588,0.30000000000000004,1e-05,5.0,116.39723],"
                             "\"count\":12,\"text\":\"43.599170000000001 \\\"-1.50\\\"\"}");
  /* and it is JSON that reads back the same values */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonArray *array;

    g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
    array = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "coordinates");
    for (guint i = 0; i < G_N_ELEMENTS (values); i++)
      g_assert_cmpfloat (json_array_get_double_element (array, i), ==, values[i]);
  }
}

static void
test_format_names (void)
{
  RasdExportFormat format;

  g_assert_true (rasd_export_format_from_string ("PDF", &format));
  g_assert_cmpint (format, ==, RASD_EXPORT_PDF);
  g_assert_true (rasd_export_format_from_string ("md", &format));
  g_assert_cmpint (format, ==, RASD_EXPORT_MARKDOWN);
  g_assert_true (rasd_export_format_from_string ("geojson", &format));
  g_assert_cmpint (format, ==, RASD_EXPORT_GEOJSON);
  g_assert_false (rasd_export_format_from_string ("docx", &format));
  g_assert_true (rasd_export_format_for_excerpts (RASD_EXPORT_HTML));
  g_assert_false (rasd_export_format_for_events (RASD_EXPORT_HTML));
  g_assert_false (rasd_export_format_for_excerpts (RASD_EXPORT_GEOJSON));
  g_assert_cmpstr (rasd_export_format_get_extension (RASD_EXPORT_MARKDOWN), ==, "md");
}

/* Without any whitespace: pdftotext puts a space wherever glyphs of a word stand apart (Amiri
 * positions some letters so), which says nothing about the order of the letters. */
static char *
no_spaces (const char *text)
{
  g_autofree char *squeezed = squeeze (text);
  g_auto(GStrv) words = g_strsplit (squeezed, " ", -1);

  return g_strjoinv ("", words);
}

static char *
pdf_text (const char *path,
          int         first,
          int         last)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", last);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-f", f, "-l", l, path, "-", NULL };
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return squeeze (out);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s is not installed (build-aux/install-deps)", name);
      g_test_skip (msg);
    }
  return path != NULL;
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = export_to (f, RASD_EXPORT_PDF, "excerpts.pdf");
  g_autofree char *head = read_file (path);
  g_autofree char *text = NULL;

  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  if (!have_program ("pdftotext"))
    return;
  text = pdf_text (path, 1, 1);
  g_test_message ("pdftotext: %s", text);
  /* The Arabic excerpts in logical order, the citations, the page number. */
  {
    g_autofree char *dense = no_spaces (text);
    const char *expected[] = {
      rasd_excerpt_get_text (excerpt_at (f, 0)), rasd_excerpt_get_text (excerpt_at (f, 1)),
      "بوتين يستقبل الأسد في موسكو — وكالة الأنباء", "فلاديمير بوتين، بشار الأسد — موسكو",
      "مهم",
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autofree char *want = no_spaces (expected[i]);
        g_assert_nonnull (strstr (dense, want));
      }
    /* The excerpts in basket order. */
    {
      g_autofree char *a = no_spaces (expected[0]);
      g_autofree char *b = no_spaces (expected[1]);
      g_assert_cmpint (strstr (dense, a) - dense, <, strstr (dense, b) - dense);
    }
  }
  g_assert_nonnull (strstr (text, "2015-10-21 · https://example.com/news/putin-assad?id=7&lang=ar"));
  g_assert_nonnull (strstr (text, "Excerpts"));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));

  if (have_program ("pdftoppm"))
    {
      g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *dir = g_build_filename (cwd, "screenshots", NULL);
      g_autofree char *prefix = g_build_filename (dir, "export-pdf", NULL);
      const char *argv[] = { "pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                             path, prefix, NULL };
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_mkdir_with_parents (dir, 0755);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                    &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_test_message ("first page: %s.png", prefix);
    }
}

/* Many long excerpts: several pages, numbered, nothing lost at the breaks. */
/* Under an Arabic locale the PDF's heading and page numbers are in Arabic words and digits. */
static void
test_pdf_arabic (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (setlocale (LC_ALL, "ar_EG.UTF-8") == NULL)
    {
      g_test_skip ("locale ar_EG.UTF-8 is not installed (build-aux/install-deps generates it)");
      return;
    }
  path = export_to (f, RASD_EXPORT_PDF, "excerpts-ar.pdf");
  setlocale (LC_ALL, "C.UTF-8");
  if (!have_program ("pdftotext"))
    return;
  text = pdf_text (path, 1, 1);
  g_test_message ("pdftotext: %s", text);
  /* pdftotext breaks Arabic words where glyphs join: compared without spaces */
  {
    g_autofree char *dense = no_spaces (text);
    const char *expected[] = { "الصفحة١من١", "٢مقتطف", "رصدفي" };
    const char *day;

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_nonnull (strstr (dense, expected[i]));
    /* "exported by Rasd on" the day, in Arabic-Indic digits */
    day = strstr (dense, "رصدفي") + strlen ("رصدفي");
    g_assert_cmpint (g_unichar_digit_value (g_utf8_get_char (day)), >=, 0);
    g_assert_cmpuint (g_utf8_get_char (day), >=, 0x0660);
    g_assert_cmpuint (g_utf8_get_char (day), <=, 0x0669);
    g_assert_null (strstr (dense, "Page"));
    g_assert_null (strstr (dense, "exported"));
  }
  /* the day of the export in Arabic digits: no Latin digit before the first citation's date */
  {
    const char *first_latin = text;

    while (*first_latin != '\0' && !g_ascii_isdigit (*first_latin))
      first_latin++;
    g_assert_true (g_str_has_prefix (first_latin, "2015-10-21"));
  }
}

static void
test_pdf_pages (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = g_build_filename (f->dir, "long.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *last = NULL;
  g_autofree char *expected_tail = NULL;

  for (guint i = 0; i < 12; i++)
    {
      RasdExcerpt *x = rasd_excerpt_copy (excerpt_at (f, 0));
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint r = 0; r < (i == 5 ? 40 : 3); r++)
        g_string_append_printf (text, "%s ", rasd_excerpt_get_text (excerpt_at (f, 0)));
      g_string_append_printf (text, "نهاية المقتطف %u", i + 1);
      rasd_excerpt_set_text (x, text->str);
      g_ptr_array_add (many, x);
    }
  g_assert_true (rasd_export_excerpts (many, RASD_EXPORT_PDF, file, &error));
  g_assert_no_error (error);
  if (!have_program ("pdftotext"))
    return;
  last = pdf_text (path, 1, 100);
  g_assert_nonnull (strstr (last, "Page 3 of "));
  g_assert_null (strstr (last, "Page 1 of 1"));
  g_assert_nonnull (strstr (last, "Page 1 of "));
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *end = g_strdup_printf ("نهاية المقتطف %u", i + 1);
      g_assert_nonnull (strstr (last, end));
    }
  /* The excerpt longer than a page is split by lines: all of it is there, in order. */
  expected_tail = no_spaces (rasd_excerpt_get_text (g_ptr_array_index (many, 5)));
  {
    g_autoptr(GRegex) footer = g_regex_new ("Page [0-9]+ of [0-9]+", 0, 0, NULL);
    g_autofree char *no_footers = g_regex_replace_literal (footer, last, -1, 0, " ", 0, NULL);
    g_autofree char *dense = no_spaces (no_footers);

    g_assert_nonnull (strstr (dense, expected_tail));
  }
}

static xmlXPathObjectPtr
xpath (xmlDocPtr   doc,
       const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expression, context);

  xmlXPathFreeContext (context);
  g_assert_nonnull (result);
  return result;
}

static char *
xpath_string (xmlDocPtr   doc,
              const char *expression)
{
  xmlXPathObjectPtr result = xpath (doc, expression);
  xmlChar *value = xmlXPathCastToString (result);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  xmlXPathFreeObject (result);
  return copy;
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = export_to (f, RASD_EXPORT_HTML, "excerpts.html");
  g_autofree char *html = read_file (path);
  xmlDocPtr doc;
  xmlXPathObjectPtr quotes;

  /* Well-formed: the strict XML parser reads it, without network or entities. */
  doc = xmlReadMemory (html, strlen (html), path, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  {
    g_autofree char *dir = xpath_string (doc, "string(/html/@dir)");
    g_autofree char *lang = xpath_string (doc, "string(/html/@lang)");

    g_assert_cmpstr (dir, ==, "rtl");
    g_assert_cmpstr (lang, ==, "ar");
  }
  quotes = xpath (doc, "//article/blockquote");
  g_assert_cmpint (xmlXPathNodeSetGetLength (quotes->nodesetval), ==, 2);
  for (int i = 0; i < 2; i++)
    {
      xmlChar *content = xmlNodeGetContent (xmlXPathNodeSetItem (quotes->nodesetval, i));
      g_assert_cmpstr ((const char *) content, ==, rasd_excerpt_get_text (excerpt_at (f, i)));
      xmlFree (content);
    }
  xmlXPathFreeObject (quotes);
  {
    g_autofree char *cite = xpath_string (doc, "string(//article[1]/footer/cite)");
    g_autofree char *href = xpath_string (doc, "string(//article[1]/footer/a/@href)");
    g_autofree char *dir = xpath_string (doc, "string(//article[1]/footer/a/@dir)");
    g_autofree char *note = xpath_string (doc, "string(//article[2]/p[@class='note'])");
    g_autofree char *event = xpath_string (doc, "string(//article[1]/footer/span[@class='event'])");

    g_assert_cmpstr (cite, ==, "بوتين يستقبل الأسد في موسكو");
    g_assert_cmpstr (href, ==, "https://example.com/news/putin-assad?id=7&lang=ar");
    g_assert_cmpstr (dir, ==, "ltr");
    g_assert_nonnull (strstr (note, "ملاحظة: \"مهم\", <تحقق>"));
    g_assert_nonnull (strstr (event, "فلاديمير بوتين، بشار الأسد"));
    g_assert_nonnull (strstr (event, "موسكو"));
  }
  xmlFreeDoc (doc);
  /* Self-contained: its style inline, nothing fetched. */
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "<script"));
}

/* A CSV parser (RFC 4180), independent of the writer: rows of fields. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r' && p[1] == '\n')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
          p += 2;
        }
      else
        g_string_append_c (field, *p++);
    }
  g_assert_cmpuint (row->len, ==, 0);
  return rows;
}

static int
column (char      **header,
        const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_assert_not_reached ();
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = export_to (f, RASD_EXPORT_CSV, "excerpts.csv");
  g_autofree char *csv = read_file (path);
  g_autoptr(GPtrArray) rows = NULL;
  char **header;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  rows = parse_csv (csv + 3);
  g_assert_cmpuint (rows->len, ==, 3);
  header = g_ptr_array_index (rows, 0);
  for (guint i = 0; i < 2; i++)
    {
      char **row = g_ptr_array_index (rows, i + 1);
      RasdExcerpt *x = excerpt_at (f, i);

      g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (header));
      g_assert_cmpstr (row[column (header, "text")], ==, rasd_excerpt_get_text (x));
      g_assert_cmpstr (row[column (header, "title")], ==, rasd_excerpt_get_title (x));
      g_assert_cmpstr (row[column (header, "url")], ==, rasd_excerpt_get_url (x));
      g_assert_cmpstr (row[column (header, "date")], ==, "2015-10-21");
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 2))[column (header, "note")], ==,
                   "ملاحظة: \"مهم\", <تحقق>");
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 1))[column (header, "event_where")], ==, "موسكو");
}

static JsonNode *
parse_json_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = export_to (f, RASD_EXPORT_JSON, "excerpts.json");
  g_autoptr(JsonNode) root = parse_json_file (path);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *array = json_node_get_array (root);

  /* What the store holds (read again, not the array that was exported). */
  stored = rasd_store_list_excerpts (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (array), ==, stored->len);
  for (guint i = 0; i < stored->len; i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      JsonObject *article = json_object_get_object_member (o, "article");
      RasdExcerpt *x = g_ptr_array_index (stored, i);

      g_assert_cmpint (json_object_get_int_member (o, "id"), ==, rasd_excerpt_get_id (x));
      g_assert_cmpint (json_object_get_int_member (o, "article_id"), ==, f->article_id);
      g_assert_cmpint (json_object_get_int_member (o, "start"), ==, rasd_excerpt_get_start (x));
      g_assert_cmpint (json_object_get_int_member (o, "end"), ==, rasd_excerpt_get_end (x));
      g_assert_cmpstr (json_object_get_string_member (o, "text"), ==, rasd_excerpt_get_text (x));
      g_assert_cmpstr (json_object_get_string_member (o, "note"), ==, rasd_excerpt_get_note (x));
      g_assert_cmpstr (json_object_get_string_member (article, "title"), ==, rasd_excerpt_get_title (x));
      g_assert_cmpstr (json_object_get_string_member (article, "url"), ==, rasd_excerpt_get_url (x));
      g_assert_cmpstr (json_object_get_string_member (article, "source"), ==, "وكالة الأنباء");
    }
  {
    JsonObject *event = json_object_get_object_member (json_array_get_object_element (array, 0), "event");
    g_assert_cmpint (json_object_get_int_member (event, "id"), ==, f->event_id);
    g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "visit");
    g_assert_cmpstr (json_object_get_string_member (event, "who"), ==, "فلاديمير بوتين، بشار الأسد");
    g_assert_cmpstr (json_object_get_string_member (event, "where"), ==, "موسكو");
    g_assert_cmpstr (json_object_get_string_member (event, "when"), ==, "2015-10-20");
    g_assert_true (json_object_get_null_member (json_array_get_object_element (array, 1), "event"));
  }
}

static void
test_markdown (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = export_to (f, RASD_EXPORT_MARKDOWN, "excerpts.md");
  g_autofree char *md = read_file (path);
  g_autofree char *quote = g_strdup_printf ("> %s\n", rasd_excerpt_get_text (excerpt_at (f, 0)));

  g_assert_nonnull (strstr (md, quote));
  g_assert_nonnull (strstr (md, "*بوتين يستقبل الأسد في موسكو*"));
  g_assert_nonnull (strstr (md, "<https://example.com/news/putin-assad?id=7&lang=ar>"));
  /* Markup characters in the note are escaped. */
  g_assert_nonnull (strstr (md, "\\<تحقق\\>"));
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = rasd_store_list_events (f->store, NULL, &error);
  g_autofree char *geo_path = g_build_filename (f->dir, "events.geojson", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "events.csv", NULL);
  g_autofree char *json_path = g_build_filename (f->dir, "events.json", NULL);
  g_autoptr(GFile) geo_file = g_file_new_for_path (geo_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);

  g_assert_no_error (error);
  g_assert_true (rasd_export_events (events, RASD_EXPORT_GEOJSON, geo_file, &error));
  g_assert_true (rasd_export_events (events, RASD_EXPORT_CSV, csv_file, &error));
  g_assert_true (rasd_export_events (events, RASD_EXPORT_JSON, json_file, &error));
  g_assert_no_error (error);
  g_assert_false (rasd_export_events (events, RASD_EXPORT_PDF, json_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  {
    g_autoptr(JsonNode) root = parse_json_file (geo_path);
    JsonObject *collection = json_node_get_object (root);
    JsonArray *features = json_object_get_array_member (collection, "features");
    JsonObject *visit, *call;
    JsonArray *coordinates;

    g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "FeatureCollection");
    g_assert_cmpuint (json_array_get_length (features), ==, events->len);
    visit = json_array_get_object_element (features, 0);
    g_assert_cmpstr (json_object_get_string_member (visit, "type"), ==, "Feature");
    coordinates = json_object_get_array_member (json_object_get_object_member (visit, "geometry"),
                                                "coordinates");
    /* [longitude, latitude] */
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coordinates, 0), 37.61556, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coordinates, 1), 55.75222, 1e-9);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (visit, "properties"),
                                                    "participants"), ==, "فلاديمير بوتين; بشار الأسد");
    call = json_array_get_object_element (features, 1);
    g_assert_true (json_object_get_null_member (call, "geometry"));
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (call, "properties"),
                                                    "kind"), ==, "call");
  }
  {
    g_autofree char *csv = read_file (csv_path);
    g_autoptr(GPtrArray) rows = NULL;
    char **header, **row;

    g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
    rows = parse_csv (csv + 3);
    g_assert_cmpuint (rows->len, ==, 3);
    header = g_ptr_array_index (rows, 0);
    row = g_ptr_array_index (rows, 1);
    g_assert_cmpstr (row[column (header, "date")], ==, "2015-10-20");
    g_assert_cmpstr (row[column (header, "precision")], ==, "day");
    g_assert_cmpstr (row[column (header, "cameo")], ==, "042");
    g_assert_cmpstr (row[column (header, "place")], ==, "موسكو");
    g_assert_cmpstr (row[column (header, "latitude")], ==, "55.75222");
    g_assert_cmpstr (row[column (header, "longitude")], ==, "37.61556");
    g_assert_cmpstr (row[column (header, "country")], ==, "RU");
    g_assert_cmpstr (row[column (header, "sources")], ==, "1");
    g_assert_cmpstr (row[column (header, "urls")], ==, "https://example.com/news/putin-assad?id=7&lang=ar");
    row = g_ptr_array_index (rows, 2);
    g_assert_cmpstr (row[column (header, "latitude")], ==, "");
  }
  {
    g_autoptr(JsonNode) root = parse_json_file (json_path);
    JsonArray *array = json_node_get_array (root);
    JsonObject *visit = json_array_get_object_element (array, 0);

    g_assert_cmpuint (json_array_get_length (array), ==, 2);
    g_assert_cmpint (json_object_get_int_member (visit, "id"), ==, f->event_id);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (visit, "place"),
                                                                   "lat"), 55.75222, 1e-9);
  }
}

/* Errors ---------------------------------------------------------------------------------- */

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "x.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "taken.html", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) folder_file = g_file_new_for_path (folder);
  guint before;

  g_assert_false (rasd_export_excerpts (f->excerpts, RASD_EXPORT_PDF, missing_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* A folder with the file's name: an error naming it, the folder untouched, no stray file. */
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  before = count_entries (f->dir);
  g_assert_false (rasd_export_excerpts (f->excerpts, RASD_EXPORT_HTML, folder_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (f->dir), ==, before);
}

/* The disk fills up half-way through (a file size limit makes write() fail): the good file that
 * was there stays whole, and no temporary file is left behind. */
static void
test_failure_midway (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "good.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  struct rlimit saved, small;
  void (*old_handler) (int);
  guint before;
  gboolean ok;

  rasd_test_write_file (path, "GOOD", -1);
  before = count_entries (f->dir);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 1000;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = rasd_export_excerpts (f->excerpts, RASD_EXPORT_PDF, file, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "GOOD");
  g_assert_cmpuint (count_entries (f->dir), ==, before);

  /* Without the limit, the same export replaces it, keeping its permissions. */
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (rasd_export_excerpts (f->excerpts, RASD_EXPORT_PDF, file, &error));
  g_assert_no_error (error);
  contents = read_file (path);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_entries (f->dir), ==, before);
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* the catalogues as built (the Arabic PDF test) */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RASD_LOCALEDIR") != NULL ? g_getenv ("RASD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/json-numbers", test_json_numbers);
  ADD ("/export/store/excerpts", test_store_excerpts);
  ADD ("/export/store/many-moves", test_store_many_moves);
  ADD ("/export/store/reextraction", test_store_reextraction);
  ADD ("/export/excerpts/pdf", test_pdf);
  ADD ("/export/excerpts/pdf-pages", test_pdf_pages);
  ADD ("/export/excerpts/pdf-arabic", test_pdf_arabic);
  ADD ("/export/excerpts/html", test_html);
  ADD ("/export/excerpts/csv", test_csv);
  ADD ("/export/excerpts/json", test_json);
  ADD ("/export/excerpts/markdown", test_markdown);
  ADD ("/export/events", test_events);
  ADD ("/export/errors/unwritable", test_unwritable);
  ADD ("/export/errors/failure-midway", test_failure_midway);

  status = g_test_run ();
  /* Font caches freed, so that valgrind shows only real leaks. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return status;
}
