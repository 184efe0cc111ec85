/* File names as stored and printed (rasd-path): names with line breaks, escape characters and
 * bytes that are not UTF-8 go through the database unchanged and never reach a terminal raw. */
#include "config.h"

#include <string.h>

#include "rasd-path.h"

/* Stored names are UTF-8 and give back the exact bytes. */
static void
test_stored_round_trip (void)
{
  const char *names[] = {
    "/archive/لقاء في تونس.txt",
    "/archive/new\nline.txt",
    "/archive/escape\x1b[31mred\a.txt",
    "/archive/bad\xff\xfe.txt",
    "/archive/half\xd8.txt",
    "/archive/100% sure #1?.txt",
    "/archive/file:name.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *stored = rasd_path_to_stored (names[i]);
      g_autofree char *back = rasd_path_from_stored (stored);

      g_assert_true (g_utf8_validate (stored, -1, NULL));
      g_assert_cmpstr (back, ==, names[i]);
      /* A UTF-8 name is stored as it is, so the database reads as the files do. */
      if (g_utf8_validate (names[i], -1, NULL))
        g_assert_cmpstr (stored, ==, names[i]);
      else
        g_assert_true (g_str_has_prefix (stored, "file:///archive/"));
    }
}

/* Relative names are made absolute, so a stored name means the same from any folder. */
static void
test_stored_absolute (void)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected = g_build_filename (cwd, "sub", "a.txt", NULL);
  g_autofree char *stored = rasd_path_to_stored ("sub/./b/../a.txt");

  g_assert_cmpstr (stored, ==, expected);
}

static void
test_display (void)
{
  struct { const char *name; const char *shown; } cases[] = {
    { "/archive/لقاء.txt", "/archive/لقاء.txt" },
    { "/a/new\nline.txt", "/a/new\\nline.txt" },
    { "/a/esc\x1b[31m\a.txt", "/a/esc\\x1b[31m\\x07.txt" },
    { "/a/tab\tcr\r.txt", "/a/tab\\tcr\\r.txt" },
    { "/a/bad\xff\xfe.txt", "/a/bad\\xff\\xfe.txt" },
    { "/a/back\\slash.txt", "/a/back\\\\slash.txt" },
    { "/a/\xe2\x80\xae" "evil.txt", "/a/\\u202eevil.txt" },      /* right-to-left override */
    { "/a/c1\xc2\x85.txt", "/a/c1\\u0085.txt" },               /* NEL, a C1 control */
    { "/a/del\x7f.txt", "/a/del\\x7f.txt" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = rasd_path_display (cases[i].name);
      g_autofree char *stored = rasd_path_to_stored (cases[i].name);
      g_autofree char *shown_stored = rasd_path_display_stored (stored);

      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_true (g_utf8_validate (shown, -1, NULL));
      g_assert_null (strchr (shown, '\n'));
      g_assert_null (strchr (shown, '\x1b'));
      g_assert_cmpstr (shown_stored, ==, cases[i].shown);
    }
}

static void
test_text_printable (void)
{
  g_autofree char *title = rasd_text_printable ("عنوان\x1b]0;owned\a\nثان", FALSE);
  g_autofree char *body = rasd_text_printable ("سطر\tأول\nسطر\x1b[2J ثان\\", TRUE);

  g_assert_cmpstr (title, ==, "عنوان\\x1b]0;owned\\x07\\nثان");
  /* An article keeps its lines and tabs, and its backslashes. */
  g_assert_cmpstr (body, ==, "سطر\tأول\nسطر\\x1b[2J ثان\\");
}

static void
test_inside (void)
{
  g_assert_true (rasd_path_is_inside ("/data/archive/a.txt", "/data/archive"));
  g_assert_true (rasd_path_is_inside ("/data/archive", "/data/archive"));
  g_assert_true (rasd_path_is_inside ("/data/archive/a.txt", "/data/archive/"));
  g_assert_false (rasd_path_is_inside ("/data/archive-old/a.txt", "/data/archive"));
  g_assert_false (rasd_path_is_inside ("/etc/passwd", "/data/archive"));
  g_assert_true (rasd_path_is_inside ("/etc/passwd", "/"));

  g_assert_cmpstr (rasd_path_system_folder ("/proc/self/pagemap"), ==, "/proc");
  g_assert_cmpstr (rasd_path_system_folder ("/sys"), ==, "/sys");
  g_assert_cmpstr (rasd_path_system_folder ("/dev/zero"), ==, "/dev");
  g_assert_null (rasd_path_system_folder ("/devices/a.txt"));
  g_assert_null (rasd_path_system_folder ("/home/u/proc/a.txt"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/path/stored-round-trip", test_stored_round_trip);
  g_test_add_func ("/path/stored-absolute", test_stored_absolute);
  g_test_add_func ("/path/inside", test_inside);
  g_test_add_func ("/path/display", test_display);
  g_test_add_func ("/path/text-printable", test_text_printable);
  return g_test_run ();
}
