#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Helpers shared by the tests; header-only so each test stays one file. */

/* Path of a fixture under tests/fixtures. */
static inline char *
rasd_test_fixture (const char *first, ...)
{
  const char *dir = g_getenv ("RASD_TEST_FIXTURES");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list ap;

  g_assert_nonnull (dir);
  g_ptr_array_add (parts, (gpointer) dir);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (ap, first);
  for (const char *p = va_arg (ap, const char *); p != NULL; p = va_arg (ap, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (ap);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

/* ../shared/corpus/SUB when present, else NULL after g_test_skip() saying why. */
static inline char *
rasd_test_shared_corpus (const char *sub)
{
  const char *shared = g_getenv ("RASD_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared == NULL)
    {
      g_test_skip ("RASD_SHARED_DIR is not set: the shared corpus is not available");
      return NULL;
    }
  path = g_build_filename (shared, "corpus", sub, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *msg = g_strdup_printf ("%s is absent: skipping the tests on real articles", path);
      g_test_skip (msg);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* A fresh temporary directory, removed by the caller with rasd_test_rmtree(). */
static inline char *
rasd_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rasd-test-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static inline void
rasd_test_rmtree (const char *path)
{
  g_autofree char *cmd = NULL;
  g_autofree char *quoted = g_shell_quote (path);
  cmd = g_strdup_printf ("rm -rf %s", quoted);
  g_assert_cmpint (system (cmd), ==, 0);
}

/* The offset in characters of @needle in @text, where it must be. */
static inline glong
rasd_test_char_offset (const char *text, const char *needle)
{
  const char *at = strstr (text, needle);
  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

static inline void
rasd_test_write_file (const char *path, const void *data, gssize length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0755);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}
