#define G_LOG_DOMAIN "rasd-format"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rasd-format.h"

#define ISOLATE_START "\xe2\x81\xa8"  /* U+2068 FIRST STRONG ISOLATE */
#define ISOLATE_END   "\xe2\x81\xa9"  /* U+2069 POP DIRECTIONAL ISOLATE */

gboolean
rasd_format_uses_arabic_digits (void)
{
  /* glibc's Arabic locales leave outdigits Latin (printf's %I changes nothing), so decide here:
   * Arabic is written with Arabic-Indic digits except in the Maghreb. */
  static const char *latin_territories[] = { "MA", "DZ", "TN", "LY", "EH", "MR", NULL };
  const char *locale = setlocale (LC_NUMERIC, NULL);

  if (locale == NULL || strncmp (locale, "ar", 2) != 0 || (locale[2] != '\0' && locale[2] != '_'
                                                            && locale[2] != '.' && locale[2] != '@'))
    return FALSE;
  if (locale[2] == '_')
    for (guint i = 0; latin_territories[i] != NULL; i++)
      if (strncmp (locale + 3, latin_territories[i], 2) == 0)
        return FALSE;
  return TRUE;
}

static char *
to_arabic_digits (const char *text,
                  gboolean    separators)
{
  GString *out = g_string_sized_new (strlen (text) * 2);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        g_string_append_unichar (out, 0x0660 + (*p - '0'));
      else if (separators && *p == ',')
        g_string_append_unichar (out, 0x066C);  /* ARABIC THOUSANDS SEPARATOR */
      else if (separators && *p == '.')
        g_string_append_unichar (out, 0x066B);  /* ARABIC DECIMAL SEPARATOR */
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

char *
rasd_format_digits (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (!rasd_format_uses_arabic_digits ())
    return g_strdup (text);
  return to_arabic_digits (text, FALSE);
}

char *
rasd_format_count (guint n)
{
  char buffer[64];

  /* The ' flag groups thousands as LC_NUMERIC says. */
  g_snprintf (buffer, sizeof buffer, "%'u", n);
  if (!rasd_format_uses_arabic_digits ())
    return g_strdup (buffer);
  return to_arabic_digits (buffer, TRUE);
}

static gboolean
parse_iso (const char *iso,
           int        *year,
           int        *month,
           int        *day)
{
  int n = 0;
  size_t length;

  *year = *month = *day = 0;
  if (iso == NULL)
    return FALSE;
  length = strlen (iso);
  if (length == 4)
    n = sscanf (iso, "%4d", year);
  else if (length == 7)
    n = sscanf (iso, "%4d-%2d", year, month);
  else if (length == 10)
    n = sscanf (iso, "%4d-%2d-%2d", year, month, day);
  if (n != (length == 4 ? 1 : length == 7 ? 2 : 3) || *year < 1)
    return FALSE;
  if (length >= 7 && (*month < 1 || *month > 12))
    return FALSE;
  if (length == 10 && !g_date_valid_dmy (*day, *month, *year))
    return FALSE;
  return TRUE;
}

/* @iso in one of three formats, by its precision. */
static char *
format_date (const char *iso,
             const char *day_format,
             const char *month_format,
             const char *year_format)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;
  int year, month, day;

  if (!parse_iso (iso, &year, &month, &day))
    return NULL;

  time = g_date_time_new_utc (year, MAX (month, 1), MAX (day, 1), 0, 0, 0);
  text = g_date_time_format (time, day > 0 ? day_format : month > 0 ? month_format : year_format);
  if (text == NULL)
    return NULL;
  return rasd_format_digits (text);
}

char *
rasd_format_date (const char *iso)
{
  /* Translators: a date with its day, in g_date_time_format() notation: "21 November 2017".
   * Reorder for your language; keep %B (month name) rather than a number. */
  return format_date (iso, C_("date", "%-d %B %Y"),
                      /* Translators: a month of a year: "November 2017". */
                      C_("date", "%B %Y"),
                      /* Translators: a year alone: "2017". */
                      C_("date", "%Y"));
}

char *
rasd_format_date_compact (const char *iso)
{
  /* Translators: a date in a narrow column, in g_date_time_format() notation: "21 Nov 2017".
   * %b is the locale's abbreviated month name: use %B where abbreviations are not usual. */
  return format_date (iso, C_("compact date", "%-d %b %Y"),
                      /* Translators: a month of a year in a narrow column: "Nov 2017". */
                      C_("compact date", "%b %Y"),
                      /* Translators: a year alone: "2017". */
                      C_("date", "%Y"));
}

char *
rasd_format_article_date (const char *stored)
{
  g_autofree char *day = NULL;
  char *text;

  if (stored == NULL)
    return NULL;
  /* the date of a timestamp */
  if (strlen (stored) > 10 && (stored[10] == 'T' || stored[10] == ' '))
    day = g_strndup (stored, 10);
  text = rasd_format_date (day != NULL ? day : stored);
  return text != NULL ? text : g_strdup (stored);
}

static char *
isolate (const char *text)
{
  return g_strconcat (ISOLATE_START, text, ISOLATE_END, NULL);
}

char *
rasd_format_date_range (const char *first_iso,
                        const char *last_iso)
{
  g_autofree char *first = rasd_format_date (first_iso);
  g_autofree char *last = rasd_format_date (last_iso);
  g_autofree char *first_isolated = NULL;
  g_autofree char *last_isolated = NULL;

  if (first == NULL && last == NULL)
    return NULL;
  if (first != NULL && last != NULL && strcmp (first, last) == 0)
    return g_steal_pointer (&first);

  first_isolated = first != NULL ? isolate (first) : NULL;
  last_isolated = last != NULL ? isolate (last) : NULL;
  if (last == NULL)
    /* Translators: an open range of dates, "from October 2015". */
    return g_strdup_printf (_("from %s"), first_isolated);
  if (first == NULL)
    /* Translators: an open range of dates, "until July 2024". */
    return g_strdup_printf (_("until %s"), last_isolated);
  /* Translators: a range of dates, "October 2015 – July 2024". */
  return g_strdup_printf (_("%s – %s"), first_isolated, last_isolated);
}
