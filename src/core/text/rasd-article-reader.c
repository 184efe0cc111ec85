#define G_LOG_DOMAIN "rasd-article-reader"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "rasd-article-reader.h"
#include "rasd-cleaner.h"
#include "rasd-decoder.h"
#include "rasd-error.h"
#include "rasd-html-reader.h"
#include "rasd-news-please.h"
#include "rasd-path.h"

#define SIDECAR_SUFFIX ".meta.json"

/* Bytes read at a time. */
#define CHUNK_SIZE (64 * 1024)

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

gboolean
rasd_sidecar_has_article (const char *sidecar_path)
{
  static const char *extensions[] = { ".txt", ".TXT", ".Txt" };
  gsize length;

  g_return_val_if_fail (sidecar_path != NULL, FALSE);

  /* sidecar_path_for() writes the suffix in lower case: only such sidecars are read */
  length = strlen (sidecar_path);
  if (!g_str_has_suffix (sidecar_path, SIDECAR_SUFFIX))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *stem = g_strndup (sidecar_path, length - strlen (SIDECAR_SUFFIX));
      g_autofree char *article = g_strconcat (stem, extensions[i], NULL);

      if (g_file_test (article, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }
  return FALSE;
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

/* The file's name without its extension: the title of last resort. */
static char *
title_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  char *title;

  if (dot != NULL && dot != base)
    *dot = '\0';
  /* A file name may hold anything; a title is one line of text. */
  title = g_utf8_make_valid (base, -1);
  for (char *p = title; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';
  return title;
}

/* Opening and reading, bounded ------------------------------------------------------------ */

/* The real path of @fd, opened as @path. */
static char *
real_path_of_fd (int         fd,
                 const char *path)
{
  g_autofree char *link = g_strdup_printf ("/proc/self/fd/%d", fd);
  g_autofree char *real = g_file_read_link (link, NULL);

  if (real != NULL && real[0] == '/')
    return g_steal_pointer (&real);
  /* No /proc: resolve the name instead. */
  return rasd_path_resolve (path);
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *doing)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "cannot %s the file: %s",
               doing, g_strerror (saved_errno));
  return FALSE;
}

/* Opens @path for reading: a regular file that @options allow.  Opened without blocking, so
 * that a FIFO or a device is refused rather than waited on; the checks are made on what was
 * opened, so a link changed in between cannot slip through.  -1 with @error set otherwise. */
static int
open_for_reading (const char             *path,
                  const RasdReadOptions  *options,
                  struct stat            *st,
                  GError                **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);

  if (fd < 0)
    {
      set_errno_error (error, errno, "open");
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      set_errno_error (error, errno, "examine");
      close (fd);
      return -1;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, RASD_ERROR, S_ISDIR (st->st_mode) ? RASD_ERROR_NOT_ARTICLE : RASD_ERROR_REFUSED,
                   "%s, not a regular file: not read", rasd_path_describe_type (st->st_mode));
      close (fd);
      return -1;
    }
  if (options != NULL && options->root != NULL)
    {
      g_autofree char *real = real_path_of_fd (fd, path);
      g_autofree char *shown = real != NULL ? rasd_path_display (real) : NULL;
      const char *system = real != NULL ? rasd_path_system_folder (real) : NULL;

      if (system != NULL || (real != NULL && !options->follow_links_out &&
                             !rasd_path_is_inside (real, options->root)))
        {
          if (system != NULL)
            g_set_error (error, RASD_ERROR, RASD_ERROR_REFUSED,
                         "leads to %s, a file of the system in %s: not read", shown, system);
          else
            g_set_error (error, RASD_ERROR, RASD_ERROR_REFUSED,
                         "leads to %s, outside the folder being imported: not read", shown);
          close (fd);
          return -1;
        }
    }
  return fd;
}

static gboolean
set_too_large_error (GError      **error,
                     goffset       size,
                     gboolean      at_least,
                     goffset       limit,
                     const char   *purpose)
{
  g_autofree char *size_text = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit_text = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, RASD_ERROR, RASD_ERROR_TOO_LARGE, "file of %s%s is too large %s (the limit is %s)",
               at_least ? "more than " : "", size_text, purpose, limit_text);
  return FALSE;
}

/* Reads all of @fd but never more than @limit bytes, whatever fstat() said: files of /proc
 * say 0 bytes and may never end.  @purpose ends the message ("to be one article"). */
static gboolean
read_bounded (int                fd,
              const struct stat *st,
              goffset            limit,
              const char        *purpose,
              GCancellable      *cancellable,
              char             **contents,
              gsize             *length,
              GError           **error)
{
  g_autoptr(GString) buffer = NULL;
  g_autofree char *chunk = NULL;

  if (st->st_size > limit)
    return set_too_large_error (error, st->st_size, FALSE, limit, purpose);

  buffer = g_string_sized_new (st->st_size + 1);
  chunk = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = read (fd, chunk, CHUNK_SIZE);

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        return set_errno_error (error, errno, "read");
      if (n == 0)
        break;
      if ((goffset) (buffer->len + n) > limit)
        return set_too_large_error (error, limit, TRUE, limit, purpose);
      g_string_append_len (buffer, chunk, n);
      if (buffer->len % (1 << 20) < (gsize) n && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  *length = buffer->len;
  *contents = g_string_free (g_steal_pointer (&buffer), FALSE);
  return TRUE;
}

/* Reads the NAME.meta.json beside @path into @article, if there is one.  A sidecar the options
 * keep out (a link out of the folder, a FIFO) is left unread with a warning; one that cannot be
 * read or parsed fails the article, whose metadata it is. */
static gboolean
read_sidecar (RasdArticle            *article,
              const char             *path,
              const RasdReadOptions  *options,
              RasdReadResult         *result,
              GError                **error)
{
  g_autofree char *sidecar = sidecar_path_for (path);
  g_autofree char *base = g_path_get_basename (sidecar);
  g_autofree char *name = rasd_path_display (base);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  GStatBuf lst;
  struct stat st;
  int fd;

  if (g_lstat (sidecar, &lst) != 0)
    return TRUE;
  fd = open_for_reading (sidecar, options, &st, &local_error);
  if (fd < 0)
    {
      if (g_error_matches (local_error, RASD_ERROR, RASD_ERROR_REFUSED) ||
          g_error_matches (local_error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE) ||
          g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_ptr_array_add (result->problems, g_strdup_printf ("sidecar %s: %s; the article is "
                                                              "imported without it", name,
                                                              local_error->message));
          return TRUE;
        }
    }
  else
    {
      gboolean ok = read_bounded (fd, &st, RASD_MAX_SIDECAR_SIZE, "for a sidecar", NULL, &contents,
                                  &length, &local_error);

      close (fd);
      if (ok && rasd_news_please_read_sidecar (article, contents, length, &local_error))
        {
          result->n_with_metadata = 1;
          return TRUE;
        }
    }
  g_set_error (error, RASD_ERROR,
               g_error_matches (local_error, RASD_ERROR, RASD_ERROR_TOO_LARGE) ? RASD_ERROR_TOO_LARGE
                                                                               : RASD_ERROR_PARSE,
               "sidecar %s: %s", name, local_error->message);
  return FALSE;
}

static RasdReadResult *
read_text (const char             *path,
           const char             *stored,
           const RasdReadOptions  *options,
           const guint8           *data,
           gsize                   length,
           GError                **error)
{
  g_autoptr(RasdReadResult) result = rasd_read_result_new ();
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autofree char *decoded = NULL;
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
  rasd_article_set_path (article, stored);
  if (info.byline != NULL)
    rasd_article_set_authors (article, info.byline);

  if (!read_sidecar (article, path, options, result, error))
    return NULL;

  /* Without metadata: the headline the cleaner found in the text (metadata only: the text
   * keeps it as it is); the file's name when there is none. */
  if (rasd_article_get_title (article) == NULL)
    {
      g_autofree char *title = info.headline != NULL ? g_strdup (info.headline) : title_from_path (path);
      rasd_article_set_title (article, title);
    }

  g_ptr_array_add (result->articles, g_steal_pointer (&article));
  return g_steal_pointer (&result);
}

static RasdReadResult *
read_html (const char    *path,
           const char    *stored,
           const guint8  *data,
           gsize          length,
           GError       **error)
{
  g_autoptr(RasdReadResult) result = rasd_read_result_new ();
  RasdArticle *article;

  article = rasd_html_read_article ((const char *) data, length, path, error);
  if (article == NULL)
    return NULL;
  rasd_article_set_path (article, stored);
  g_ptr_array_add (result->articles, article);
  return g_steal_pointer (&result);
}

static RasdReadResult *
read_json (const char    *stored,
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

      rasd_article_set_path (article, stored);
      g_ptr_array_add (result->articles, g_object_ref (article));
    }
  return g_steal_pointer (&result);
}

static gboolean
read_jsonl_line (RasdReadResult *result,
                 const char     *stored,
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
      g_autofree char *where = g_strdup_printf ("%s:%u", stored, line_number);

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
read_jsonl_bytes (const char    *stored,
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
      read_jsonl_line (result, stored, p, line_end - p, line_number);
      p = line_end + 1;
    }
  return finish_jsonl (result, line_number, error);
}

/* One line of a .jsonl file as it is read: kept while it is within the record limit, then only
 * counted, so a line of any length costs at most the limit in memory. */
typedef struct
{
  GString *text;
  goffset  length;
  gboolean too_long;
} JsonlLine;

static void
jsonl_line_append (JsonlLine  *line,
                   const char *bytes,
                   gsize       n)
{
  line->length += n;
  if (line->too_long)
    return;
  if (line->length > RASD_MAX_ARTICLE_SIZE)
    {
      /* Give the memory back at once: the rest of the line is only counted. */
      line->too_long = TRUE;
      g_string_free (line->text, TRUE);
      line->text = g_string_new (NULL);
      return;
    }
  g_string_append_len (line->text, bytes, n);
}

static void
jsonl_line_finish (JsonlLine      *line,
                   RasdReadResult *result,
                   const char     *stored,
                   guint           line_number)
{
  if (line->too_long)
    {
      g_autofree char *size = g_format_size_full (line->length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (RASD_MAX_ARTICLE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_ptr_array_add (result->problems,
                       g_strdup_printf ("line %u: record of %s is too large (the limit is %s)",
                                        line_number, size, limit));
    }
  else
    read_jsonl_line (result, stored, line->text->str, line->text->len, line_number);
  g_string_truncate (line->text, 0);
  line->length = 0;
  line->too_long = FALSE;
}

/* .jsonl files can be crawler dumps of any size, or one endless line: read a buffer at a time,
 * the lines beginning in @part. */
static RasdReadResult *
read_jsonl_fd (int                  fd,
               const char          *stored,
               const RasdFilePart  *part,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(RasdReadResult) result = rasd_read_result_new ();
  g_autofree char *chunk = g_malloc (CHUNK_SIZE);
  JsonlLine line = { g_string_new (NULL), 0, FALSE };
  goffset line_start = part != NULL ? part->start : 0;
  goffset end = part != NULL && part->end > 0 ? part->end : G_MAXINT64;
  guint line_number = part != NULL && part->first_line > 0 ? part->first_line : 1;
  guint first_line = line_number;
  gboolean ok = TRUE;

  if (line_start > 0 && lseek (fd, line_start, SEEK_SET) < 0)
    ok = set_errno_error (error, errno, "read");
  while (ok && line_start < end)
    {
      gssize n = read (fd, chunk, CHUNK_SIZE);
      const char *p = chunk;
      const char *stop;

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          ok = set_errno_error (error, errno, "read");
          break;
        }
      if (n == 0)
        {
          if (line.length > 0 || line.too_long)
            {
              jsonl_line_finish (&line, result, stored, line_number);
              line_number++;
            }
          break;
        }
      stop = chunk + n;
      while (p < stop && line_start < end)
        {
          const char *nl = memchr (p, '\n', stop - p);

          jsonl_line_append (&line, p, (nl != NULL ? nl : stop) - p);
          if (nl == NULL)
            break;
          line_start += line.length + 1;
          jsonl_line_finish (&line, result, stored, line_number);
          line_number++;
          p = nl + 1;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
    }
  g_string_free (line.text, TRUE);
  if (!ok)
    return NULL;
  return finish_jsonl (g_steal_pointer (&result), line_number - first_line, error);
}

static RasdReadResult *
read_bytes (const char             *path,
            const char             *stored,
            const RasdReadOptions  *options,
            const guint8           *data,
            gsize                   length,
            GError                **error)
{
  switch (rasd_file_kind_for_path (path))
    {
    case RASD_FILE_KIND_TEXT:
      return read_text (path, stored, options, data, length, error);
    case RASD_FILE_KIND_HTML:
      return read_html (path, stored, data, length, error);
    case RASD_FILE_KIND_JSON:
      return read_json (stored, data, length, error);
    case RASD_FILE_KIND_JSONL:
      return read_jsonl_bytes (stored, data, length, error);
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

RasdReadResult *
rasd_article_reader_read_bytes (const char    *path,
                                const guint8  *data,
                                gsize          length,
                                GError       **error)
{
  g_autofree char *stored = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = rasd_path_to_stored (path);
  return read_bytes (path, stored, NULL, data, length, error);
}

RasdReadResult *
rasd_article_reader_read_with (const char             *path,
                               const RasdReadOptions  *options,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autofree char *stored = NULL;
  g_autofree char *contents = NULL;
  RasdReadResult *result;
  RasdFileKind kind;
  struct stat st;
  gsize length = 0;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stored = rasd_path_to_stored (path);
  kind = rasd_file_kind_for_path (path);
  if (kind == RASD_FILE_KIND_SIDECAR || kind == RASD_FILE_KIND_OTHER)
    return read_bytes (path, stored, options, NULL, 0, error);

  if ((fd = open_for_reading (path, options, &st, error)) < 0)
    return NULL;
  if (kind == RASD_FILE_KIND_JSONL)
    {
      result = read_jsonl_fd (fd, stored, options != NULL ? &options->part : NULL, cancellable, error);
      close (fd);
      return result;
    }
  ok = read_bounded (fd, &st, RASD_MAX_ARTICLE_SIZE, "to be one article", cancellable, &contents,
                     &length, error);
  close (fd);
  if (!ok)
    return NULL;
  return read_bytes (path, stored, options, (const guint8 *) contents, length, error);
}

RasdReadResult *
rasd_article_reader_read (const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  return rasd_article_reader_read_with (path, NULL, cancellable, error);
}

GArray *
rasd_article_reader_split_lines (const char             *path,
                                 const RasdReadOptions  *options,
                                 goffset                 part_size,
                                 GCancellable           *cancellable,
                                 GError                **error)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (RasdFilePart));
  g_autofree char *chunk = NULL;
  RasdFilePart current = { 0, 0, 1 };
  goffset offset = 0;
  guint line = 1;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (part_size > 0, NULL);

  if ((fd = open_for_reading (path, options, &st, error)) < 0)
    return NULL;
  chunk = g_malloc (CHUNK_SIZE);
  for (;;)
    {
      gssize n = read (fd, chunk, CHUNK_SIZE);
      const char *p = chunk;
      const char *nl;

      if (n < 0 && (errno == EINTR || errno == EAGAIN))
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, "read");
          close (fd);
          return NULL;
        }
      if (n == 0)
        break;
      while ((nl = memchr (p, '\n', chunk + n - p)) != NULL)
        {
          goffset next = offset + (nl - chunk) + 1;

          line++;
          if (next - current.start >= part_size)
            {
              current.end = next;
              g_array_append_val (parts, current);
              current = (RasdFilePart) { next, 0, line };
            }
          p = nl + 1;
        }
      offset += n;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return NULL;
        }
    }
  close (fd);
  /* The rest, to the end of the file (which may have grown since). */
  if (current.start < offset || parts->len == 0)
    g_array_append_val (parts, current);
  else
    g_array_index (parts, RasdFilePart, parts->len - 1).end = 0;
  return g_steal_pointer (&parts);
}
