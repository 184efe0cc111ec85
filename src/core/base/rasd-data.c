#define G_LOG_DOMAIN "rasd-data"

#include "config.h"

#include <string.h>

#include "rasd-data.h"
#include "rasd-error.h"

static char *
find_data_dir (void)
{
  const char *env = g_getenv ("RASD_DATADIR");
  g_autofree char *installed_marker = g_build_filename (PKGDATADIR, "gazetteer", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (g_file_test (installed_marker, G_FILE_TEST_IS_DIR))
    return g_strdup (PKGDATADIR);
  return g_strdup (SOURCE_DATADIR);
}

const char *
rasd_data_dir (void)
{
  static gsize dir = 0;

  if (g_once_init_enter (&dir))
    g_once_init_leave (&dir, (gsize) find_data_dir ());
  return (const char *) dir;
}

char *
rasd_data_path (const char *relative)
{
  g_return_val_if_fail (relative != NULL, NULL);
  return g_build_filename (rasd_data_dir (), relative, NULL);
}

GStrv
rasd_data_read_lines (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStrv lines;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "Cannot read %s: %s", path,
                   local_error->message);
      return NULL;
    }
  if (!g_utf8_validate (contents, -1, NULL))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_ENCODING, "%s is not valid UTF-8", path);
      return NULL;
    }
  lines = g_strsplit (contents, "\n", -1);
  /* Files edited on Windows */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize n = strlen (lines[i]);
      if (n > 0 && lines[i][n - 1] == '\r')
        lines[i][n - 1] = '\0';
    }
  return lines;
}

/* Where the translations are: $RASD_LOCALEDIR, the installed folder, or the build tree's when
 * Rasd runs uninstalled. */
const char *
rasd_locale_dir (void)
{
  static const char *dir;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      const char *env = g_getenv ("RASD_LOCALEDIR");
      g_autofree char *installed = g_build_filename (LOCALEDIR, "ar", "LC_MESSAGES",
                                                     GETTEXT_PACKAGE ".mo", NULL);
      const char *found = LOCALEDIR;

      /* Arabic is the catalogue every build has (po/LINGUAS); finding it tells an installed
       * Rasd from one run in its build directory. */
      if (env != NULL && *env != '\0')
        found = env;
      else if (!g_file_test (installed, G_FILE_TEST_IS_REGULAR)
               && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
        found = BUILD_LOCALEDIR;
      dir = g_intern_string (found);
      g_once_init_leave (&initialized, 1);
    }
  return dir;
}
