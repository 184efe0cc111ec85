#define G_LOG_DOMAIN "rasd-data"

#include "config.h"

#include "rasd-data.h"

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
