#define G_LOG_DOMAIN "rasd-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "rasd-event-item.h"
#include "rasd-export.h"

static const struct
{
  const char *name;
  const char *extension;
  const char *label;
  gboolean    excerpts;
  gboolean    events;
} formats[] = {
  [RASD_EXPORT_MARKDOWN] = { "markdown", "md", N_("Markdown"), TRUE, FALSE },
  [RASD_EXPORT_HTML] = { "html", "html", N_("Web page (HTML)"), TRUE, FALSE },
  [RASD_EXPORT_PDF] = { "pdf", "pdf", N_("PDF document"), TRUE, FALSE },
  [RASD_EXPORT_CSV] = { "csv", "csv", N_("Spreadsheet (CSV)"), TRUE, TRUE },
  [RASD_EXPORT_JSON] = { "json", "json", N_("JSON"), TRUE, TRUE },
  [RASD_EXPORT_GEOJSON] = { "geojson", "geojson", N_("GeoJSON (for GIS tools)"), FALSE, TRUE },
};

gboolean
rasd_export_format_from_string (const char       *name,
                                RasdExportFormat *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (name, "md") == 0)
    {
      *out = RASD_EXPORT_MARKDOWN;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
rasd_export_format_to_string (RasdExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].name;
}

const char *
rasd_export_format_get_extension (RasdExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

const char *
rasd_export_format_get_label (RasdExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return _(formats[format].label);
}

gboolean
rasd_export_format_for_excerpts (RasdExportFormat format)
{
  return format < G_N_ELEMENTS (formats) && formats[format].excerpts;
}

gboolean
rasd_export_format_for_events (RasdExportFormat format)
{
  return format < G_N_ELEMENTS (formats) && formats[format].events;
}

/* Writing ----------------------------------------------------------------------------------- */

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size,
           int          *saved_errno)
{
  while (size > 0)
    {
      gssize n = write (fd, data, MIN (size, G_MAXSSIZE));

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *saved_errno = errno;
          return FALSE;
        }
      data += n;
      size -= n;
    }
  return TRUE;
}

static gboolean
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
rasd_export_write_file (GFile   *dest,
                        GBytes  *bytes,
                        GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  gsize size;
  const guint8 *data;
  int saved_errno = 0;
  mode_t mode = 0644;
  int fd;

  g_return_val_if_fail (G_IS_FILE (dest), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  path = g_file_get_path (dest);
  if (path == NULL)
    {
      /* Not a local file (a portal, a remote folder): GIO's replace writes a temporary copy. */
      g_autoptr(GError) local_error = NULL;
      g_autofree char *uri = g_file_get_uri (dest);

      if (!g_file_replace_contents (dest, (const char *) data, size, NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code, _("Cannot write “%s”: %s"),
                       uri, local_error->message);
          return FALSE;
        }
      return TRUE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_write_error (error, path, EISDIR);
  /* A file replaced keeps its permissions; a new one gets the usual 0644. */
  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      mode = st.st_mode & 07777;
  }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_write_error (error, path, errno);

  if (fchmod (fd, mode) != 0 || !write_all (fd, data, size, &saved_errno) || fsync (fd) != 0)
    {
      if (saved_errno == 0)
        saved_errno = errno;
      close (fd);
      g_unlink (tmp);
      return set_write_error (error, path, saved_errno);
    }
  if (close (fd) != 0 || g_rename (tmp, path) != 0)
    {
      saved_errno = errno;
      g_unlink (tmp);
      return set_write_error (error, path, saved_errno);
    }
  return TRUE;
}

/* Common pieces ------------------------------------------------------------------------------ */

/* Today as YYYY-MM-DD, isolated left-to-right (U+2066 … U+2069): in an Arabic sentence it would
 * otherwise read DD-MM-YYYY. */
static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "\u2066%Y-%m-%d\u2069");
}

static GBytes *
string_to_bytes (GString *string)
{
  return g_string_free_to_bytes (string);
}

const char *
rasd_export_format_double (double  value,
                           char   *buffer)
{
  /* 15 significant digits hold any decimal of 15 digits or fewer exactly, without trailing
   * zeros; more only when the double needs them to read back the same. */
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return buffer;
}

/* The number at @p (JSON's grammar), rewritten in the shortest form when it has a fraction or an
 * exponent; returns the end of the token. */
static const char *
append_json_number (GString    *out,
                    const char *p)
{
  const char *start = p;
  gboolean fraction = FALSE;

  while (*p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E' || g_ascii_isdigit (*p))
    {
      fraction |= *p == '.' || *p == 'e' || *p == 'E';
      p++;
    }
  if (!fraction)
    g_string_append_len (out, start, p - start);
  else
    {
      g_autofree char *token = g_strndup (start, p - start);
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      const char *shortest = rasd_export_format_double (g_ascii_strtod (token, NULL), buffer);

      g_string_append (out, shortest);
      /* still a number with a fraction: 5.0 stays 5.0 */
      if (strpbrk (shortest, ".eEn") == NULL)
        g_string_append (out, ".0");
    }
  return p;
}

char *
rasd_export_json_to_data (JsonNode *root,
                          gboolean  pretty,
                          gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  GString *out;
  gboolean in_string = FALSE;

  g_return_val_if_fail (root != NULL, NULL);

  json_generator_set_pretty (generator, pretty);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  out = g_string_sized_new (strlen (data));
  for (const char *p = data; *p != '\0';)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            g_string_append_c (out, *p++);
          else if (*p == '"')
            in_string = FALSE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, *p++);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        p = append_json_number (out, p);
      else
        g_string_append_c (out, *p++);
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

void
rasd_export_add_string_member (JsonBuilder *builder,
                               const char  *name,
                               const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int_member (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static GBytes *
builder_to_bytes (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  GString *text;
  gsize length;
  char *data;

  data = rasd_export_json_to_data (root, TRUE, &length);
  text = g_string_new_len (data, length);
  g_free (data);
  g_string_append_c (text, '\n');
  return string_to_bytes (text);
}

void
rasd_export_append_csv_record (GString            *out,
                               const char * const *fields,
                               guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *value = fields[i] != NULL ? fields[i] : "";

      if (i > 0)
        g_string_append_c (out, ',');
      if (strpbrk (value, ",\"\r\n") == NULL)
        {
          g_string_append (out, value);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}

/* A byte-order mark: spreadsheets read the file as UTF-8 only with it. */
#define UTF8_BOM "\xEF\xBB\xBF"

static char *
int_to_string (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Excerpts ---------------------------------------------------------------------------------- */

static GBytes *
excerpts_to_json (GPtrArray *excerpts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < excerpts->len; i++)
    {
      RasdExcerpt *x = g_ptr_array_index (excerpts, i);

      json_builder_begin_object (builder);
      add_int_member (builder, "id", rasd_excerpt_get_id (x));
      add_int_member (builder, "article_id", rasd_excerpt_get_article_id (x));
      add_int_member (builder, "start", rasd_excerpt_get_start (x));
      add_int_member (builder, "end", rasd_excerpt_get_end (x));
      rasd_export_add_string_member (builder, "text", rasd_excerpt_get_text (x));
      rasd_export_add_string_member (builder, "note", rasd_excerpt_get_note (x));
      json_builder_set_member_name (builder, "article");
      json_builder_begin_object (builder);
      rasd_export_add_string_member (builder, "title", rasd_excerpt_get_title (x));
      rasd_export_add_string_member (builder, "source", rasd_excerpt_get_source (x));
      rasd_export_add_string_member (builder, "date", rasd_excerpt_get_date (x));
      rasd_export_add_string_member (builder, "url", rasd_excerpt_get_url (x));
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "event");
      if (rasd_excerpt_has_event (x))
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          if (rasd_excerpt_get_event_id (x) != 0)
            json_builder_add_int_value (builder, rasd_excerpt_get_event_id (x));
          else
            json_builder_add_null_value (builder);
          rasd_export_add_string_member (builder, "kind", rasd_excerpt_get_event_kind (x));
          rasd_export_add_string_member (builder, "who", rasd_excerpt_get_event_who (x));
          rasd_export_add_string_member (builder, "where", rasd_excerpt_get_event_where (x));
          rasd_export_add_string_member (builder, "when", rasd_excerpt_get_event_when (x));
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return builder_to_bytes (builder);
}

static GBytes *
excerpts_to_csv (GPtrArray *excerpts)
{
  static const char * const header[] = {
    "id", "text", "note", "title", "source", "date", "url", "article_id", "start", "end",
    "event_id", "event_kind", "event_who", "event_where", "event_when",
  };
  GString *out = g_string_new (UTF8_BOM);

  rasd_export_append_csv_record (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < excerpts->len; i++)
    {
      RasdExcerpt *x = g_ptr_array_index (excerpts, i);
      g_autofree char *id = int_to_string (rasd_excerpt_get_id (x));
      g_autofree char *article_id = int_to_string (rasd_excerpt_get_article_id (x));
      g_autofree char *start = int_to_string (rasd_excerpt_get_start (x));
      g_autofree char *end = int_to_string (rasd_excerpt_get_end (x));
      g_autofree char *event_id = rasd_excerpt_get_event_id (x) != 0
                                  ? int_to_string (rasd_excerpt_get_event_id (x)) : NULL;
      const char *fields[] = {
        id, rasd_excerpt_get_text (x), rasd_excerpt_get_note (x), rasd_excerpt_get_title (x),
        rasd_excerpt_get_source (x), rasd_excerpt_get_date (x), rasd_excerpt_get_url (x),
        article_id, start, end, event_id, rasd_excerpt_get_event_kind (x),
        rasd_excerpt_get_event_who (x), rasd_excerpt_get_event_where (x),
        rasd_excerpt_get_event_when (x),
      };
      G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (header));
      rasd_export_append_csv_record (out, fields, G_N_ELEMENTS (fields));
    }
  return string_to_bytes (out);
}

/* Markdown: backslash the characters that would start markup inside a line. */
static void
append_markdown_escaped (GString    *out,
                         const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static GBytes *
excerpts_to_markdown (GPtrArray *excerpts)
{
  GString *out = g_string_new (NULL);
  g_autofree char *today = today_iso ();

  g_string_append_printf (out, "# %s\n\n", _("Excerpts"));
  g_string_append_printf (out, _("Exported by Rasd on %s."), today);
  g_string_append (out, "\n");

  for (guint i = 0; i < excerpts->len; i++)
    {
      RasdExcerpt *x = g_ptr_array_index (excerpts, i);
      g_auto(GStrv) lines = g_strsplit (rasd_excerpt_get_text (x), "\n", -1);
      g_autofree char *event = rasd_excerpt_dup_event_summary (x);

      g_string_append (out, "\n---\n\n");
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_string_append (out, "> ");
          append_markdown_escaped (out, lines[l]);
          g_string_append (out, "\n");
        }
      g_string_append (out, "\n— *");
      append_markdown_escaped (out, rasd_excerpt_get_title (x) != NULL ? rasd_excerpt_get_title (x)
                                                                      : _("Untitled article"));
      g_string_append (out, "*");
      if (rasd_excerpt_get_source (x) != NULL)
        {
          g_string_append (out, _(", "));
          append_markdown_escaped (out, rasd_excerpt_get_source (x));
        }
      if (rasd_excerpt_get_date (x) != NULL)
        g_string_append_printf (out, "%s%s", _(", "), rasd_excerpt_get_date (x));
      if (rasd_excerpt_get_url (x) != NULL)
        g_string_append_printf (out, "%s<%s>", _(", "), rasd_excerpt_get_url (x));
      g_string_append (out, "\n");
      if (event != NULL)
        {
          g_string_append (out, "\n");
          g_string_append_printf (out, "%s ", _("Event:"));
          append_markdown_escaped (out, event);
          g_string_append (out, "\n");
        }
      if (rasd_excerpt_get_note (x) != NULL)
        {
          g_string_append (out, "\n");
          g_string_append_printf (out, "**%s** ", _("Note:"));
          append_markdown_escaped (out, rasd_excerpt_get_note (x));
          g_string_append (out, "\n");
        }
    }
  return string_to_bytes (out);
}

static void
append_html_text (GString    *out,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

/* Text with its line breaks kept as <br/>. */
static void
append_html_lines (GString    *out,
                   const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      if (l > 0)
        g_string_append (out, "<br/>\n");
      append_html_text (out, lines[l]);
    }
}

static const char html_style[] =
  "body{margin:2.5em auto;max-width:46em;padding:0 1.5em;font-family:\"Amiri\",\"Noto Naskh Arabic\","
  "\"Scheherazade New\",\"Traditional Arabic\",\"Geeza Pro\",\"Arial\",serif;font-size:1.2em;"
  "line-height:1.8;color:#1d1d1d;background:#fff}"
  "h1{font-size:1.6em;margin:0}header p{color:#666;margin:.2em 0 2em}"
  "article{border-top:1px solid #ddd;padding:1.2em 0}"
  "blockquote{margin:0;padding:.2em 1em;border-inline-start:4px solid #3584e4;background:#f6f8fa}"
  "footer{font-size:.85em;color:#555;margin-top:.6em}cite{font-style:normal;font-weight:bold}"
  "a{color:#1a5fb4;word-break:break-all}.event{display:block}.note{margin:.6em 0 0;font-style:italic}"
  "@media print{body{margin:0;max-width:none}a{color:inherit}}";

static GBytes *
excerpts_to_html (GPtrArray *excerpts)
{
  GString *out = g_string_new (NULL);
  g_autofree char *today = today_iso ();
  g_autofree char *exported = g_strdup_printf (_("Exported by Rasd on %s."), today);

  /* Well-formed XHTML syntax, so that XML tools read it as well as browsers. */
  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n"
                        "<meta charset=\"utf-8\"/>\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                        "<meta name=\"generator\" content=\"Rasd " PACKAGE_VERSION "\"/>\n<title>");
  append_html_text (out, _("Excerpts"));
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", html_style);
  append_html_text (out, _("Excerpts"));
  g_string_append (out, "</h1>\n<p>");
  append_html_text (out, exported);
  g_string_append (out, "</p>\n</header>\n<main>\n");

  for (guint i = 0; i < excerpts->len; i++)
    {
      RasdExcerpt *x = g_ptr_array_index (excerpts, i);
      g_autofree char *event = rasd_excerpt_dup_event_summary (x);

      g_string_append_printf (out, "<article id=\"excerpt-%" G_GINT64_FORMAT "\">\n<blockquote><p>",
                              rasd_excerpt_get_id (x));
      append_html_lines (out, rasd_excerpt_get_text (x));
      g_string_append (out, "</p></blockquote>\n<footer>— <cite>");
      append_html_text (out, rasd_excerpt_get_title (x) != NULL ? rasd_excerpt_get_title (x)
                                                                : _("Untitled article"));
      g_string_append (out, "</cite>");
      if (rasd_excerpt_get_source (x) != NULL)
        {
          append_html_text (out, _(", "));
          append_html_text (out, rasd_excerpt_get_source (x));
        }
      if (rasd_excerpt_get_date (x) != NULL)
        {
          append_html_text (out, _(", "));
          g_string_append (out, "<time datetime=\"");
          append_html_text (out, rasd_excerpt_get_date (x));
          g_string_append (out, "\"><bdi>");
          append_html_text (out, rasd_excerpt_get_date (x));
          g_string_append (out, "</bdi></time>");
        }
      if (rasd_excerpt_get_url (x) != NULL)
        {
          append_html_text (out, _(", "));
          g_string_append (out, "<a dir=\"ltr\" href=\"");
          append_html_text (out, rasd_excerpt_get_url (x));
          g_string_append (out, "\"><bdi>");
          append_html_text (out, rasd_excerpt_get_url (x));
          g_string_append (out, "</bdi></a>");
        }
      if (event != NULL)
        {
          g_string_append (out, "\n<span class=\"event\">");
          append_html_text (out, _("Event:"));
          g_string_append (out, " ");
          append_html_text (out, event);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</footer>\n");
      if (rasd_excerpt_get_note (x) != NULL)
        {
          g_string_append (out, "<p class=\"note\"><strong>");
          append_html_text (out, _("Note:"));
          g_string_append (out, "</strong> ");
          append_html_lines (out, rasd_excerpt_get_note (x));
          g_string_append (out, "</p>\n");
        }
      g_string_append (out, "</article>\n");
    }
  g_string_append (out, "</main>\n</body>\n</html>\n");
  return string_to_bytes (out);
}

static gboolean
unsupported (RasdExportFormat   format,
             const char        *what,
             GError           **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("%s cannot be exported as %s"), what,
               format < G_N_ELEMENTS (formats) ? formats[format].name : "?");
  return FALSE;
}

GBytes *
rasd_export_excerpts_to_bytes (GPtrArray        *excerpts,
                               RasdExportFormat  format,
                               GError          **error)
{
  g_return_val_if_fail (excerpts != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case RASD_EXPORT_MARKDOWN: return excerpts_to_markdown (excerpts);
    case RASD_EXPORT_HTML: return excerpts_to_html (excerpts);
    case RASD_EXPORT_PDF: return rasd_export_excerpts_to_pdf (excerpts, error);
    case RASD_EXPORT_CSV: return excerpts_to_csv (excerpts);
    case RASD_EXPORT_JSON: return excerpts_to_json (excerpts);
    case RASD_EXPORT_GEOJSON:
    default:
      unsupported (format, _("Excerpts"), error);
      return NULL;
    }
}

gboolean
rasd_export_excerpts (GPtrArray        *excerpts,
                      RasdExportFormat  format,
                      GFile            *dest,
                      GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (excerpts != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  if ((bytes = rasd_export_excerpts_to_bytes (excerpts, format, error)) == NULL)
    return FALSE;
  return rasd_export_write_file (dest, bytes, error);
}

/* Events ------------------------------------------------------------------------------------ */

const char *
rasd_export_precision_name (RasdDatePrecision precision)
{
  switch (precision)
    {
    case RASD_DATE_PRECISION_DAY: return "day";
    case RASD_DATE_PRECISION_MONTH: return "month";
    case RASD_DATE_PRECISION_YEAR: return "year";
    case RASD_DATE_PRECISION_NONE:
    default: return NULL;
    }
}

char *
rasd_export_join_participants (const RasdStoredEvent *event,
                               gboolean               english)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint p = 0; p < event->participants->len; p++)
    {
      RasdStoredPerson *person = g_ptr_array_index (event->participants, p);
      const char *name = english ? person->name_en : person->name;

      g_ptr_array_add (names, (gpointer) (name != NULL ? name : ""));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("; ", (char **) names->pdata);
}

char *
rasd_export_join_urls (const RasdStoredEvent *event)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();

  for (guint s = 0; s < event->sources->len; s++)
    {
      RasdStoredSource *source = g_ptr_array_index (event->sources, s);
      if (source->url != NULL)
        g_ptr_array_add (urls, source->url);
    }
  g_ptr_array_add (urls, NULL);
  return g_strjoinv (" ", (char **) urls->pdata);
}

static GBytes *
events_to_csv (GPtrArray *events)
{
  static const char * const header[] = {
    "id", "date", "precision", "cameo", "kind", "role", "participants", "place", "latitude",
    "longitude", "country", "sources", "urls", "confidence", "reviewed", "edited",
  };
  GString *out = g_string_new (UTF8_BOM);

  rasd_export_append_csv_record (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);
      RasdStoredPlace *place = event->place;
      g_autofree char *id = int_to_string (event->id);
      g_autofree char *participants = rasd_export_join_participants (event, FALSE);
      g_autofree char *urls = rasd_export_join_urls (event);
      g_autofree char *n_sources = g_strdup_printf ("%u", event->sources->len);
      char lat[G_ASCII_DTOSTR_BUF_SIZE] = "";
      char lon[G_ASCII_DTOSTR_BUF_SIZE] = "";
      char confidence[G_ASCII_DTOSTR_BUF_SIZE] = "";

      if (place != NULL && place->has_coordinates)
        {
          rasd_export_format_double (place->lat, lat);
          rasd_export_format_double (place->lon, lon);
        }
      rasd_export_format_double (event->confidence, confidence);
      {
        const char *fields[] = {
          id, event->date, rasd_export_precision_name (event->precision), event->cameo, event->kind,
          rasd_event_role_to_string (event->role), participants,
          place != NULL ? place->name : NULL, lat, lon, place != NULL ? place->country : NULL,
          n_sources, urls, confidence, event->reviewed ? "true" : "false",
          event->edited ? "true" : "false",
        };
        G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (header));
        rasd_export_append_csv_record (out, fields, G_N_ELEMENTS (fields));
      }
    }
  return string_to_bytes (out);
}

/* What the user did about the event: corrected data carry whether it was checked. */
static void
add_review_members (JsonBuilder           *builder,
                    const RasdStoredEvent *event)
{
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_double_value (builder, event->confidence);
  json_builder_set_member_name (builder, "reviewed");
  json_builder_add_boolean_value (builder, event->reviewed);
  json_builder_set_member_name (builder, "edited");
  json_builder_add_boolean_value (builder, event->edited);
}

void
rasd_export_add_event_members (JsonBuilder           *builder,
                               const RasdStoredEvent *event)
{
  add_int_member (builder, "id", event->id);
  rasd_export_add_string_member (builder, "kind", event->kind);
  rasd_export_add_string_member (builder, "cameo", event->cameo);
  rasd_export_add_string_member (builder, "date", event->date);
  rasd_export_add_string_member (builder, "precision", rasd_export_precision_name (event->precision));
  rasd_export_add_string_member (builder, "role", rasd_event_role_to_string (event->role));
  add_review_members (builder, event);

  json_builder_set_member_name (builder, "participants");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->participants->len; i++)
    {
      RasdStoredPerson *person = g_ptr_array_index (event->participants, i);

      json_builder_begin_object (builder);
      rasd_export_add_string_member (builder, "name", person->name);
      rasd_export_add_string_member (builder, "en", person->name_en);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "place");
  if (event->place != NULL)
    {
      json_builder_begin_object (builder);
      rasd_export_add_string_member (builder, "name", event->place->name);
      rasd_export_add_string_member (builder, "en", event->place->name_en);
      json_builder_set_member_name (builder, "lat");
      if (event->place->has_coordinates)
        json_builder_add_double_value (builder, event->place->lat);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "lon");
      if (event->place->has_coordinates)
        json_builder_add_double_value (builder, event->place->lon);
      else
        json_builder_add_null_value (builder);
      rasd_export_add_string_member (builder, "country", event->place->country);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->sources->len; i++)
    {
      RasdStoredSource *source = g_ptr_array_index (event->sources, i);

      json_builder_begin_object (builder);
      add_int_member (builder, "article_id", source->article_id);
      rasd_export_add_string_member (builder, "title", source->title);
      rasd_export_add_string_member (builder, "source", source->source);
      rasd_export_add_string_member (builder, "url", source->url);
      rasd_export_add_string_member (builder, "date", source->date);
      rasd_export_add_string_member (builder, "role", rasd_event_role_to_string (source->role));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  for (guint i = 0; i < event->evidence->len; i++)
    {
      RasdStoredEvidence *evidence = &g_array_index (event->evidence, RasdStoredEvidence, i);

      json_builder_begin_object (builder);
      add_int_member (builder, "article_id", evidence->article_id);
      add_int_member (builder, "start", evidence->start);
      add_int_member (builder, "end", evidence->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static GBytes *
events_to_json (GPtrArray *events)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      json_builder_begin_object (builder);
      rasd_export_add_event_members (builder, g_ptr_array_index (events, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return builder_to_bytes (builder);
}

/* GIS tools show flat properties best (nested arrays become strings), so the properties are the
 * CSV's columns; coordinates are [longitude, latitude] (RFC 7946). */
static GBytes *
events_to_geojson (GPtrArray *events)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rasd_export_add_string_member (builder, "type", "FeatureCollection");
  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);
      RasdStoredPlace *place = event->place;
      g_autofree char *participants = rasd_export_join_participants (event, FALSE);
      g_autofree char *participants_en = rasd_export_join_participants (event, TRUE);
      g_autofree char *urls = rasd_export_join_urls (event);

      json_builder_begin_object (builder);
      rasd_export_add_string_member (builder, "type", "Feature");
      add_int_member (builder, "id", event->id);
      json_builder_set_member_name (builder, "geometry");
      if (place != NULL && place->has_coordinates)
        {
          json_builder_begin_object (builder);
          rasd_export_add_string_member (builder, "type", "Point");
          json_builder_set_member_name (builder, "coordinates");
          json_builder_begin_array (builder);
          json_builder_add_double_value (builder, place->lon);
          json_builder_add_double_value (builder, place->lat);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "properties");
      json_builder_begin_object (builder);
      add_int_member (builder, "id", event->id);
      rasd_export_add_string_member (builder, "date", event->date);
      rasd_export_add_string_member (builder, "precision", rasd_export_precision_name (event->precision));
      rasd_export_add_string_member (builder, "cameo", event->cameo);
      rasd_export_add_string_member (builder, "kind", event->kind);
      rasd_export_add_string_member (builder, "role", rasd_event_role_to_string (event->role));
      rasd_export_add_string_member (builder, "participants", participants);
      rasd_export_add_string_member (builder, "participants_en", participants_en);
      rasd_export_add_string_member (builder, "place", place != NULL ? place->name : NULL);
      rasd_export_add_string_member (builder, "place_en", place != NULL ? place->name_en : NULL);
      rasd_export_add_string_member (builder, "country", place != NULL ? place->country : NULL);
      add_int_member (builder, "sources", event->sources->len);
      rasd_export_add_string_member (builder, "urls", urls);
      add_review_members (builder, event);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return builder_to_bytes (builder);
}

GBytes *
rasd_export_events_to_bytes (GPtrArray        *events,
                             RasdExportFormat  format,
                             GError          **error)
{
  g_return_val_if_fail (events != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case RASD_EXPORT_CSV: return events_to_csv (events);
    case RASD_EXPORT_GEOJSON: return events_to_geojson (events);
    case RASD_EXPORT_JSON: return events_to_json (events);
    case RASD_EXPORT_MARKDOWN:
    case RASD_EXPORT_HTML:
    case RASD_EXPORT_PDF:
    default:
      unsupported (format, _("Events"), error);
      return NULL;
    }
}

gboolean
rasd_export_events (GPtrArray        *events,
                    RasdExportFormat  format,
                    GFile            *dest,
                    GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (events != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  if ((bytes = rasd_export_events_to_bytes (events, format, error)) == NULL)
    return FALSE;
  return rasd_export_write_file (dest, bytes, error);
}
