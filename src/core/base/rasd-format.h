#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers and dates for the interface, following the locale: month names from LC_TIME, digits
 * from LC_NUMERIC (Arabic-Indic ٠١٢٣ in Arabic locales of the Mashriq and the Gulf, Latin digits in
 * the Maghreb and in other languages).  Not for files or exports, which keep ISO dates and Latin
 * digits. */

gboolean rasd_format_uses_arabic_digits (void);

/* @text with its ASCII digits written in the locale's digits (a copy). */
char    *rasd_format_digits             (const char *text);

/* 1234 → "1,234" or "١٬٢٣٤". */
char    *rasd_format_count              (guint       n);

/* An ISO date of any precision: "2017-11-21" → "21 November 2017" / "٢١ نوفمبر ٢٠١٧",
 * "2017-11" → "November 2017", "2017" → "2017".  NULL when @iso is NULL or not a valid date. */
char    *rasd_format_date               (const char *iso);
/* The same, shorter where the language abbreviates month names: "21 Nov 2017"; under Arabic
 * "٢١ نوفمبر ٢٠١٧" (the catalogue keeps the full names). Always with the year. */
char    *rasd_format_date_compact       (const char *iso);

/* A stored publication date for the interface: its day in words ("5 October 2017" from
 * "2017-10-05T20:00:00", "2017-10-05" or "2017-10-05 20:00"), or @stored as it is when it is no
 * ISO date.  NULL only when @stored is NULL. */
char    *rasd_format_article_date       (const char *stored);

/* "October 2015 – July 2024"; one date when both are the same; either end may be NULL
 * (an open range: "from …", "until …").  Each date is isolated (U+2068…U+2069) so that the range
 * reads in the right order inside text of either direction.  NULL when both ends are NULL or
 * invalid. */
char    *rasd_format_date_range         (const char *first_iso,
                                         const char *last_iso);

G_END_DECLS
