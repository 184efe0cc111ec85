#define G_LOG_DOMAIN "rasd-path"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "rasd-path.h"

#define URI_PREFIX "file://"

char *
rasd_path_to_stored (const char *filename)
{
  g_autofree char *absolute = NULL;
  char *uri;

  g_return_val_if_fail (filename != NULL, NULL);

  absolute = g_canonicalize_filename (filename, NULL);
  if (g_utf8_validate (absolute, -1, NULL))
    return g_steal_pointer (&absolute);
  /* Percent-escapes every byte outside ASCII's safe set: reversible, and never taken for a
   * name, which always begins with "/". */
  uri = g_filename_to_uri (absolute, NULL, NULL);
  return uri != NULL ? uri : g_utf8_make_valid (absolute, -1);
}

char *
rasd_path_from_stored (const char *stored)
{
  char *filename;

  g_return_val_if_fail (stored != NULL, NULL);

  if (g_str_has_prefix (stored, URI_PREFIX) &&
      (filename = g_filename_from_uri (stored, NULL, NULL)) != NULL)
    return filename;
  return g_strdup (stored);
}

gboolean
rasd_path_is_inside (const char *real,
                     const char *folder)
{
  gsize n;

  g_return_val_if_fail (real != NULL && folder != NULL, FALSE);

  n = strlen (folder);
  while (n > 1 && folder[n - 1] == '/')
    n--;
  if (n == 1 && folder[0] == '/')
    return real[0] == '/';
  return strncmp (real, folder, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

const char *
rasd_path_system_folder (const char *real)
{
  static const char * const folders[] = { "/proc", "/sys", "/dev" };

  g_return_val_if_fail (real != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    if (rasd_path_is_inside (real, folders[i]))
      return folders[i];
  return NULL;
}

char *
rasd_path_resolve (const char *path)
{
  char *resolved;
  char *copy;

  g_return_val_if_fail (path != NULL, NULL);

  if ((resolved = realpath (path, NULL)) == NULL)
    return NULL;
  copy = g_strdup (resolved);
  free (resolved);
  return copy;
}

const char *
rasd_path_describe_type (guint mode)
{
  if (S_ISFIFO (mode))
    return "a named pipe (FIFO)";
  if (S_ISCHR (mode))
    return "a character device";
  if (S_ISBLK (mode))
    return "a block device";
  if (S_ISSOCK (mode))
    return "a socket";
  if (S_ISDIR (mode))
    return "a folder";
  if (S_ISLNK (mode))
    return "a symbolic link";
  if (S_ISREG (mode))
    return "a file";
  return "not a regular file or folder";
}

/* Characters that move the cursor, ring, clear or reorder what a terminal shows. */
static gboolean
needs_escape (gunichar c,
              gboolean keep_lines)
{
  if (keep_lines && (c == '\n' || c == '\t'))
    return FALSE;
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x2028 || c == 0x2029;
}

static void
append_escape (GString  *out,
               gunichar  c)
{
  switch (c)
    {
    case '\n': g_string_append (out, "\\n"); break;
    case '\t': g_string_append (out, "\\t"); break;
    case '\r': g_string_append (out, "\\r"); break;
    default:
      if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
      break;
    }
}

static char *
escape (const char *text,
        gboolean    is_path,
        gboolean    keep_lines)
{
  g_autoptr(GString) out = NULL;
  const char *p = text;
  const char *end = text + strlen (text);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (needs_escape (c, keep_lines) || (is_path && c == '\\'))
        {
          if (out == NULL)
            out = g_string_new_len (text, p - text);
          if (c == '\\')
            g_string_append (out, "\\\\");
          else
            append_escape (out, c);
        }
      else if (out != NULL)
        g_string_append_len (out, p, g_utf8_skip[*(const guchar *) p]);
      p = g_utf8_next_char (p);
    }
  if (out == NULL)
    return g_strdup (text);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
rasd_path_display (const char *filename)
{
  g_return_val_if_fail (filename != NULL, NULL);
  return escape (filename, TRUE, FALSE);
}

char *
rasd_path_display_stored (const char *stored)
{
  g_autofree char *filename = NULL;

  g_return_val_if_fail (stored != NULL, NULL);
  filename = rasd_path_from_stored (stored);
  return rasd_path_display (filename);
}

char *
rasd_text_printable (const char *text,
                     gboolean    keep_lines)
{
  g_return_val_if_fail (text != NULL, NULL);
  return escape (text, FALSE, keep_lines);
}
