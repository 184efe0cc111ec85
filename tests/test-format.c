#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "rasd-format.h"

/* Switches every category to @locale; FALSE (and the test skipped) when it is not installed. */
static gboolean
use_locale (const char *locale)
{
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("locale %s is not installed "
                                                  "(build-aux/install-deps generates it)", locale);
      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

static void
test_format_english (void)
{
  g_autofree char *day = NULL, *month = NULL, *year = NULL, *count = NULL, *small = NULL;
  g_autofree char *range = NULL, *same = NULL, *from = NULL, *until = NULL, *digits = NULL;

  if (!use_locale ("en_US.UTF-8"))
    return;
  g_assert_false (rasd_format_uses_arabic_digits ());

  day = rasd_format_date ("2017-11-21");
  month = rasd_format_date ("2017-11");
  year = rasd_format_date ("2017");
  g_assert_cmpstr (day, ==, "21 November 2017");
  g_assert_cmpstr (month, ==, "November 2017");
  g_assert_cmpstr (year, ==, "2017");
  {
    g_autofree char *compact_day = rasd_format_date_compact ("2017-09-21");
    g_autofree char *compact_month = rasd_format_date_compact ("2017-09");
    g_autofree char *compact_year = rasd_format_date_compact ("2017");

    g_assert_cmpstr (compact_day, ==, "21 Sep 2017");
    g_assert_cmpstr (compact_month, ==, "Sep 2017");
    g_assert_cmpstr (compact_year, ==, "2017");
  }

  {
    g_autofree char *stamp = rasd_format_article_date ("2017-10-05T20:00:00");
    g_autofree char *spaced = rasd_format_article_date ("2017-10-05 20:00");
    g_autofree char *other = rasd_format_article_date ("yesterday");

    g_assert_cmpstr (stamp, ==, "5 October 2017");
    g_assert_cmpstr (spaced, ==, "5 October 2017");
    g_assert_cmpstr (other, ==, "yesterday");
    g_assert_null (rasd_format_article_date (NULL));
  }

  count = rasd_format_count (1234567);
  small = rasd_format_count (7);
  g_assert_cmpstr (count, ==, "1,234,567");
  g_assert_cmpstr (small, ==, "7");

  digits = rasd_format_digits ("12 events");
  g_assert_cmpstr (digits, ==, "12 events");

  range = rasd_format_date_range ("2015-10", "2024-07");
  g_assert_cmpstr (range, ==, "\u2068October 2015\u2069 – \u2068July 2024\u2069");
  same = rasd_format_date_range ("2017-11-21", "2017-11-21");
  g_assert_cmpstr (same, ==, "21 November 2017");
  from = rasd_format_date_range ("2015", NULL);
  g_assert_cmpstr (from, ==, "from \u20682015\u2069");
  until = rasd_format_date_range (NULL, "2024-07-01");
  g_assert_cmpstr (until, ==, "until \u20681 July 2024\u2069");
}

static void
test_format_arabic (void)
{
  g_autofree char *day = NULL, *month = NULL, *year = NULL, *count = NULL;
  g_autofree char *range = NULL, *digits = NULL;

  if (!use_locale ("ar_EG.UTF-8"))
    return;
  g_assert_true (rasd_format_uses_arabic_digits ());

  day = rasd_format_date ("2017-11-21");
  month = rasd_format_date ("2017-11");
  year = rasd_format_date ("2017");
  g_assert_cmpstr (day, ==, "٢١ نوفمبر ٢٠١٧");
  g_assert_cmpstr (month, ==, "نوفمبر ٢٠١٧");
  g_assert_cmpstr (year, ==, "٢٠١٧");
  {
    /* Arabic keeps the month's full name: its abbreviations are not in use. */
    g_autofree char *compact_day = rasd_format_date_compact ("2017-11-21");
    g_autofree char *compact_month = rasd_format_date_compact ("2017-11");

    g_assert_cmpstr (compact_day, ==, "٢١ نوفمبر ٢٠١٧");
    g_assert_cmpstr (compact_month, ==, "نوفمبر ٢٠١٧");
  }

  count = rasd_format_count (1234567);
  g_assert_cmpstr (count, ==, "١٬٢٣٤٬٥٦٧");
  digits = rasd_format_digits ("12 حدثا");
  g_assert_cmpstr (digits, ==, "١٢ حدثا");

  /* The Arabic catalogue (built into the build directory) words the range. */
  range = rasd_format_date_range ("2015-10", "2024-07");
  g_assert_cmpstr (range, ==, "\u2068أكتوبر ٢٠١٥\u2069 – \u2068يوليو ٢٠٢٤\u2069");
}

static void
test_format_invalid (void)
{
  const char *invalid[] = { "", "20", "2017-13", "2017-02-30", "2017-1-5", "abcd", "0000",
                            "2017-11-21T10:00", NULL };

  if (!use_locale ("C.UTF-8"))
    return;
  for (guint i = 0; invalid[i] != NULL; i++)
    {
      g_autofree char *text = rasd_format_date (invalid[i]);
      g_assert_null (text);
    }
  g_assert_null (rasd_format_date (NULL));
  g_assert_null (rasd_format_date_range (NULL, "bad"));
  {
    g_autofree char *leap = rasd_format_date ("2024-02-29");
    g_assert_cmpstr (leap, ==, "29 February 2024");
  }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("RASD_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/format/english", test_format_english);
  g_test_add_func ("/format/arabic", test_format_arabic);
  g_test_add_func ("/format/invalid", test_format_invalid);

  return g_test_run ();
}
