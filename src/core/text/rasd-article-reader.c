#define G_LOG_DOMAIN "rasd-article-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rasd-article-reader.h"
#include "rasd-cleaner.h"
#include "rasd-decoder.h"
#include "rasd-error.h"
#include "rasd-html-reader.h"
#include "rasd-news-please.h"

#define SIDECAR_SUFFIX ".meta.json"

void
rasd_read_result_free (RasdReadResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->articles, g_ptr_array_unref);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static RasdReadResult *
rasd_read_result_new (void)
{
  RasdReadResult *result = g_new0 (RasdReadResult, 1);

  result->articles = g_ptr_array_new_with_free_func (g_object_unref);
  result->problems = g_ptr_array_new_with_free_func (g_free);
  return result;
}

static gboolean
has_suffix_ci (const char *name,
               const char *suffix)
{
  gsize n = strlen (name);
  gsize m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

RasdFileKind
rasd_file_kind_for_path (const char *path)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, RASD_FILE_KIND_OTHER);

  name = g_path_get_basename (path);
  if (has_suffix_ci (name, SIDECAR_SUFFIX))
    return RASD_FILE_KIND_SIDECAR;
  if (has_suffix_ci (name, ".txt"))
    return RASD_FILE_KIND_TEXT;
  if (has_suffix_ci (name, ".html") || has_suffix_ci (name, ".htm") || has_suffix_ci (name, ".xhtml"))
    return RASD_FILE_KIND_HTML;
  if (has_suffix_ci (name, ".jsonl") || has_suffix_ci (name, ".ndjson"))
    return RASD_FILE_KIND_JSONL;
  if (has_suffix_ci (name, ".json"))
    return RASD_FILE_KIND_JSON;
  return RASD_FILE_KIND_OTHER;
}

/* NAME.txt -> NAME.meta.json */
static char *
sidecar_path_for (const char *path)
{
  const char *dot = strrchr (path, '.');
  const char *slash = strrchr (path, G_DIR_SEPARATOR);

  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strconcat (path, SIDECAR_SUFFIX, NULL);
  return g_strdup_printf ("%.*s%s", (int) (dot - path), path, SIDECAR_SUFFIX);
}

/* True for a line that is only a date, a time or a number: page headers, not headlines. */
static gboolean
line_looks_like_stamp (const char *line)
{
  guint letters = 0;
  guint words = 1;

  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        letters++;
      else if (c == ' ')
        words++;
    }
  return letters == 0 || (words <= 4 && strpbrk (line, "0123456789") != NULL);
}

/* A plain-text article without metadata: its headline is the first short line that is not a
 * date stamp; the file name otherwise. */
static char *
guess_title (const char *text,
             const char *path)
{
  const char *line = text;

  for (guint i = 0; i < 4 && line != NULL && *line != '\0'; i++)
    {
      const char *end = strchr (line, '\n');
      gsize len = end != NULL ? (gsize) (end - line) : strlen (line);
      g_autofree char *candidate = g_strndup (line, len);
      glong n_chars;

      g_strstrip (candidate);
      n_chars = g_utf8_strlen (candidate, -1);
      if (n_chars >= 8 && n_chars <= 160 && !line_looks_like_stamp (candidate))
        return g_steal_pointer (&candidate);
      /* A long first paragraph is body text: there is no headline line. */
      if (n_chars > 160)
        break;
      line = end != NULL ? end + 1 : NULL;
    }

  {
    g_autofree char *base = g_path_get_basename (path);
    char *dot = strrchr (base, '.');

    if (dot != NULL && dot != base)
      *dot = '\0';
    return g_steal_pointer (&base);
  }
}

static RasdReadResult *
read_text (const char    *path,
           const guint8  *data,
           gsize          length,
           GError       **error)
{
  g_autoptr(RasdReadResult) result = rasd_read_result_new ();
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autofree char *decoded = NULL;
  g_autofree char *sidecar = NULL;
  g_auto(RasdCleanInfo) info = { 0 };
  RasdTextEncoding encoding;
  gsize n_replaced = 0;
  char *text;

  decoded = rasd_decode_text (data, length, &encoding, &n_replaced, error);
  if (decoded == NULL)
    return NULL;
  if (n_replaced > 0)
    g_ptr_array_add (result->problems,
                     g_strdup_printf ("%" G_GSIZE_FORMAT " invalid UTF-8 sequence(s) replaced with U+FFFD",
                                      n_replaced));

  text = rasd_clean_article_text (decoded, &info);
  if (text == NULL || *text == '\0')
    {
      g_free (text);
      g_set_error (error, RASD_ERROR, RASD_ERROR_EMPTY, "no article text left after removing page chrome");
      return NULL;
    }
  rasd_article_take_text (article, text);
  rasd_article_set_path (article, path);
  if (info.byline != NULL)
    rasd_article_set_authors (article, info.byline);

  sidecar = sidecar_path_for (path);
  if (g_file_test (sidecar, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *contents = NULL;
      g_autofree char *sidecar_name = g_path_get_basename (sidecar);
      g_autoptr(GError) local_error = NULL;
      gsize sidecar_length = 0;

      if (!g_file_get_contents (sidecar, &contents, &sidecar_length, &local_error) ||
          !rasd_news_please_read_sidecar (article, contents, sidecar_length, &local_error))
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE, "sidecar %s: %s",
                       sidecar_name, local_error->message);
          return NULL;
        }
    }

  if (rasd_article_get_title (article) == NULL)
    {
      g_autofree char *title = guess_title (rasd_article_get_text (article), path);
      rasd_article_set_title (article, title);
    }

  g_ptr_array_add (result->articles, g_steal_pointer (&article));
  return g_steal_pointer (&result);
}

static RasdReadResult *
read_html (const char    *path,
           const guint8  *data,
           gsize          length,
           GError       **error)
{
  g_autoptr(RasdReadResult) result = rasd_read_result_new ();
  RasdArticle *article;

  article = rasd_html_read_article ((const char *) data, length, path, error);
  if (article == NULL)
    return NULL;
  rasd_article_set_path (article, path);
  g_ptr_array_add (result->articles, article);
  return g_steal_pointer (&result);
}

static RasdReadResult *
read_json (const char    *path,
           const guint8  *data,
           gsize          length,
           GError       **error)
{
  g_autoptr(RasdReadResult) result = rasd_read_result_new ();
  g_autoptr(GPtrArray) articles = NULL;

  articles = rasd_news_please_read_json ((const char *) data, length, error);
  if (articles == NULL)
    return NULL;
  for (guint i = 0; i < articles->len; i++)
    {
      RasdArticle *article = g_ptr_array_index (articles, i);

      rasd_article_set_path (article, path);
      g_ptr_array_add (result->articles, g_object_ref (article));
    }
  return g_steal_pointer (&result);
}

static gboolean
read_jsonl_line (RasdReadResult *result,
                 const char     *path,
                 const char     *line,
                 gsize           length,
                 guint           line_number)
{
  g_autoptr(GError) error = NULL;
  RasdArticle *article = NULL;

  if (length > (gsize) RASD_MAX_ARTICLE_SIZE)
    {
      g_ptr_array_add (result->problems,
                       g_strdup_printf ("line %u: record of %" G_GSIZE_FORMAT " bytes is too large",
                                        line_number, length));
      return FALSE;
    }
  if (!rasd_news_please_read_jsonl_line (line, length, &article, &error))
    {
      g_ptr_array_add (result->problems, g_strdup_printf ("line %u: %s", line_number, error->message));
      return FALSE;
    }
  if (article != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", path, line_number);

      rasd_article_set_path (article, where);
      g_ptr_array_add (result->articles, article);
    }
  return TRUE;
}

static RasdReadResult *
finish_jsonl (RasdReadResult  *result,
              guint            n_lines,
              GError         **error)
{
  if (result->articles->len == 0)
    {
      if (result->problems->len > 0)
        g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE, "no record could be read (%s%s)",
                     (const char *) g_ptr_array_index (result->problems, 0),
                     result->problems->len > 1 ? ", ..." : "");
      else
        g_set_error (error, RASD_ERROR, RASD_ERROR_EMPTY, "no records in %u line(s)", n_lines);
      rasd_read_result_free (result);
      return NULL;
    }
  return result;
}

static RasdReadResult *
read_jsonl_bytes (const char    *path,
                  const guint8  *data,
                  gsize          length,
                  GError       **error)
{
  RasdReadResult *result = rasd_read_result_new ();
  const char *p = (const char *) data;
  const char *end = p + length;
  guint line_number = 0;

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;

      line_number++;
      read_jsonl_line (result, path, p, line_end - p, line_number);
      p = line_end + 1;
    }
  return finish_jsonl (result, line_number, error);
}

/* .jsonl files can be crawler dumps of any size: read a line at a time. */
static RasdReadResult *
read_jsonl_file (const char    *path,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  RasdReadResult *result;
  guint line_number = 0;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;
  lines = g_data_input_stream_new (G_INPUT_STREAM (stream));
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (lines), 1 << 20);

  result = rasd_read_result_new ();
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *line = NULL;
      gsize length = 0;

      line = g_data_input_stream_read_line (lines, &length, cancellable, &local_error);
      if (line == NULL)
        {
          if (local_error != NULL)
            {
              rasd_read_result_free (result);
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }
      line_number++;
      read_jsonl_line (result, path, line, length, line_number);
    }
  return finish_jsonl (result, line_number, error);
}

RasdReadResult *
rasd_article_reader_read_bytes (const char    *path,
                                const guint8  *data,
                                gsize          length,
                                GError       **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (rasd_file_kind_for_path (path))
    {
    case RASD_FILE_KIND_TEXT:
      return read_text (path, data, length, error);
    case RASD_FILE_KIND_HTML:
      return read_html (path, data, length, error);
    case RASD_FILE_KIND_JSON:
      return read_json (path, data, length, error);
    case RASD_FILE_KIND_JSONL:
      return read_jsonl_bytes (path, data, length, error);
    case RASD_FILE_KIND_SIDECAR:
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE,
                           "metadata sidecar, read with its article");
      return NULL;
    case RASD_FILE_KIND_OTHER:
    default:
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE,
                           "not an article (Rasd reads .txt, .html, .htm, .json and .jsonl)");
      return NULL;
    }
}

/* Like g_file_get_contents(), with a message that does not repeat the path: callers prefix it. */
static gboolean
read_whole_file (const char  *path,
                 char       **contents,
                 gsize       *length,
                 GError     **error)
{
  g_autoptr(GString) buffer = g_string_new (NULL);
  char chunk[65536];
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot open the file: %s", g_strerror (saved_errno));
      return FALSE;
    }
  for (;;)
    {
      gssize n = read (fd, chunk, sizeof chunk);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;
          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "cannot read the file: %s", g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      g_string_append_len (buffer, chunk, n);
    }
  close (fd);
  *length = buffer->len;
  *contents = g_string_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

RasdReadResult *
rasd_article_reader_read (const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  RasdFileKind kind;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  kind = rasd_file_kind_for_path (path);
  if (kind == RASD_FILE_KIND_SIDECAR || kind == RASD_FILE_KIND_OTHER)
    return rasd_article_reader_read_bytes (path, NULL, 0, error);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE, "not a regular file");
      return NULL;
    }

  if (kind == RASD_FILE_KIND_JSONL)
    return read_jsonl_file (path, cancellable, error);

  if (g_file_info_get_size (info) > RASD_MAX_ARTICLE_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (RASD_MAX_ARTICLE_SIZE);

      g_set_error (error, RASD_ERROR, RASD_ERROR_TOO_LARGE,
                   "file of %s is too large to be one article (the limit is %s)", size, limit);
      return NULL;
    }

  if (!read_whole_file (path, &contents, &length, error))
    return NULL;
  return rasd_article_reader_read_bytes (path, (const guint8 *) contents, length, error);
}
