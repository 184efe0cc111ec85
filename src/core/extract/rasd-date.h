#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RASD_DATE_PRECISION_NONE,
  RASD_DATE_PRECISION_YEAR,
  RASD_DATE_PRECISION_MONTH,
  RASD_DATE_PRECISION_DAY,
} RasdDatePrecision;

/* A calendar date known to some precision (month and day are 0 when not known).
 *
 * A date that cannot be placed on a time line has precision NONE; it may still carry the
 * month and day the text gave ("15 مارس" with no year and nothing to infer it from is
 * { .year = 0, .month = 3, .day = 15, .precision = NONE }).  year == 0 always means that the
 * year is unknown, and such a date is reported as null.  Gregorian (proleptic) calendar. */
typedef struct
{
  gint16            year;
  gint8             month;
  gint8             day;
  RasdDatePrecision precision;
} RasdDate;

/* What a date mention says besides its calendar fields. */
typedef enum
{
  RASD_DATE_FLAG_NONE             = 0,
  RASD_DATE_FLAG_RELATIVE         = 1 << 0,  /* resolved against the publication date */
  RASD_DATE_FLAG_HAS_WEEKDAY      = 1 << 1,  /* the text names the weekday (mention.weekday) */
  RASD_DATE_FLAG_HIJRI            = 1 << 2,  /* written in the Hijri calendar, converted */
  RASD_DATE_FLAG_RANGE            = 1 << 3,  /* date .. date_end */
  RASD_DATE_FLAG_YEAR_INFERRED    = 1 << 4,  /* the year is not written: weekday, context or publication */
  RASD_DATE_FLAG_FUTURE           = 1 << 5,  /* the text marks it as coming (غدا، المقبل، سيزور...) */
  RASD_DATE_FLAG_PAST             = 1 << 6,  /* the text marks it as past (أمس، الماضي، منذ) */
  RASD_DATE_FLAG_WEEKDAY_ONLY     = 1 << 7,  /* a bare weekday ("الثلاثاء"): a guess, the caller decides */
  RASD_DATE_FLAG_WEEKDAY_MISMATCH = 1 << 8,  /* the weekday written disagrees with the date */
  RASD_DATE_FLAG_MONTH_MISMATCH   = 1 << 9,  /* "<month> الجاري" is not the publication month */
  RASD_DATE_FLAG_EQUIVALENT       = 1 << 10, /* joined to the next/previous mention by الموافق */
  RASD_DATE_FLAG_TODAY            = 1 << 11, /* "اليوم 7 يناير", "أمس الأحد 5 مايو": the text says
                                              * this is the day of writing (+ mention.offset) */
  RASD_DATE_FLAG_UNRESOLVED       = 1 << 12, /* relative or without a year, and nothing to resolve
                                              * it against: date.precision is NONE */
} RasdDateFlags;

/* How the mention was written, which decides how it is resolved. */
typedef enum
{
  RASD_DATE_KIND_ABSOLUTE,     /* calendar fields written out; stated.year may be 0 */
  RASD_DATE_KIND_DAY_OFFSET,   /* اليوم (0), أمس (-1), أول من أمس (-2), غدا (+1), بعد غد (+2) */
  RASD_DATE_KIND_WEEKDAY,      /* الثلاثاء الماضي (-1), الأربعاء المقبل (+1), bare الثلاثاء (0) */
  RASD_DATE_KIND_WEEK_OFFSET,  /* الأسبوع الماضي (-1) ...; resolved to the month of that week */
  RASD_DATE_KIND_MONTH_OFFSET, /* الشهر الماضي (-1) ...; "29 من الشهر الجاري" also has stated.day */
  RASD_DATE_KIND_YEAR_OFFSET,  /* العام الماضي (-1), هذا العام (0), العام المقبل (+1); "مايو من
                                * العام الماضي" also has stated.month (and day) */
  RASD_DATE_KIND_NAMED_MONTH,  /* ديسمبر الماضي (-1), "15 يوليو الجاري" (0), أكتوبر المقبل (+1) */
  RASD_DATE_KIND_SEASON,       /* الخريف المقبل (+1), الصيف الماضي (-1), هذا الشتاء (0): stated.month
                                * is the season's middle month; resolved to the year that has it */
  RASD_DATE_KIND_SAME,         /* اليوم نفسه، في ذات الشهر، العام نفسه: the day (month, year) of the
                                * date written before it; offset is that precision (RasdDatePrecision) */
} RasdDateKind;

typedef struct
{
  gsize        start;       /* character (code point) offsets into the text, end exclusive */
  gsize        end;
  gsize        byte_start;  /* the same span in bytes */
  gsize        byte_end;
  RasdDate     date;        /* resolved Gregorian date (the first day of a range) */
  RasdDate     date_end;    /* last day of a range; precision NONE when not a range */
  guint        flags;       /* RasdDateFlags */
  int          weekday;     /* 1..7 = Monday..Sunday as written, 0 when none */
  RasdDateKind kind;
  int          offset;      /* see RasdDateKind; for ABSOLUTE with FLAG_TODAY, days from writing */
  RasdDate     stated;      /* the calendar fields as written (Hijri when FLAG_HIJRI), year 0 when
                             * not written; precision is what was written (DAY for "15 مارس") */
  RasdDate     stated_end;  /* the same for the end of a range */
  guint        line;        /* 0-based line of the text the mention starts on */
} RasdDateMention;

#define RASD_DATE_MAX_YEARS 64

/* What dates are resolved against.  Zero-initialise ({ 0 }) for "nothing known". */
typedef struct
{
  RasdDate publication;                 /* precision NONE when unknown */
  guint    n_years;                     /* distinct years 1900..2100 written in the text */
  gint16   years[RASD_DATE_MAX_YEARS];  /* ascending; the latest kept when there are more */
} RasdDateContext;

/* Calendar helpers.  Weekdays are 1..7 = Monday..Sunday. */
gboolean   rasd_date_is_valid            (int             year,
                                          int             month,
                                          int             day);
int        rasd_date_days_in_month       (int             year,
                                          int             month);
int        rasd_date_weekday             (int             year,
                                          int             month,
                                          int             day);
/* Days since 1970-01-01 and back. */
gint64     rasd_date_to_days             (int             year,
                                          int             month,
                                          int             day);
RasdDate   rasd_date_from_days           (gint64          days);
/* DAY-precision dates only; other dates are returned unchanged. */
RasdDate   rasd_date_add_days            (const RasdDate *date,
                                          int             days);

/* Tabular (arithmetical, "Kuwaiti") Islamic calendar; may differ from the observed or Umm
 * al-Qura calendar by a day. */
gboolean   rasd_date_hijri_to_gregorian  (int             hijri_year,
                                          int             hijri_month,
                                          int             hijri_day,
                                          RasdDate       *out);
void       rasd_date_gregorian_to_hijri  (int             year,
                                          int             month,
                                          int             day,
                                          int            *hijri_year,
                                          int            *hijri_month,
                                          int            *hijri_day);

/* "2020-01-07", "2020-01", "2020"; NULL when the precision is NONE or the year unknown. */
char      *rasd_date_to_iso              (const RasdDate *date);
/* "2015", "2015-07", "2015-07-21", "2015-07-21 00:00:00", "2015-07-21T10:05:00+03:00". */
gboolean   rasd_date_parse_iso           (const char     *str,
                                          RasdDate       *out);
/* Equal at the coarser of the two precisions; FALSE when either is unknown. */
gboolean   rasd_date_compatible          (const RasdDate *a,
                                          const RasdDate *b);
/* Chronological order, a missing month or day counting as before any other. */
int        rasd_date_compare             (const RasdDate *a,
                                          const RasdDate *b);
/* The finest date both fall in: 10 and 11 May 2010 give 2010-05; NONE if the years differ. */
RasdDate   rasd_date_common              (const RasdDate *a,
                                          const RasdDate *b);
/* The date to report for a mention: its date, or the common part of a range. */
RasdDate   rasd_date_mention_get_date    (const RasdDateMention *mention);

/* Fills ctx->years with the years 1900..2100 written in dates of the text (Hijri years
 * converted), used to infer the year of "الأربعاء 15 مارس". */
void       rasd_date_context_collect_years (RasdDateContext *ctx,
                                            const char      *text);
/* The publication date as the text itself shows it, given the one from metadata (or NULL /
 * precision NONE): a dateline when there is no metadata; "اليوم 7 يناير" with "اليوم
 * (الثلاثاء)" and the years mentioned; a header date contradicted by "15 يوليو الجاري" is
 * corrected to that month.  *out always receives the result; returns TRUE when it differs from
 * @publication. */
gboolean   rasd_date_context_refine_publication (const char     *text,
                                                 const RasdDate *publication,
                                                 RasdDate       *out);
/* Everything the extractor needs: the years mentioned and the refined publication date. */
void       rasd_date_context_init        (RasdDateContext *ctx,
                                          const char      *text,
                                          const RasdDate  *publication);

/* rasd_date_context_init() followed by rasd_date_find_all (@text, @ctx), scanning the text
 * once: the same context and the same mentions. */
GArray    *rasd_date_context_init_find_all (RasdDateContext *ctx,
                                            const char      *text,
                                            const RasdDate  *publication);

/* A date printed at the top of the article (first three lines / ~300 characters): a page header
 * "الجمعة، 18 أكتوبر 2024", a dateline "الرياض - 21 يوليو 2015" or "موسكو 26 شوال 1436 هـ الموافق
 * 11 أغسطس 2015".  The most precise one, Gregorian preferred. */
gboolean   rasd_date_find_dateline       (const char     *text,
                                          RasdDate       *out);

/* Year of a day and month written without one: from the weekday and the publication date or
 * the years mentioned (weekday != 0), else from the publication date (the nearest such date,
 * biased to the past unless @future).  FALSE when nothing fixes it. */
gboolean   rasd_date_infer_year          (int                    month,
                                          int                    day,
                                          int                    weekday,
                                          gboolean               future,
                                          const RasdDateContext *ctx,
                                          int                   *year);

/* All date expressions of @text, in text order, resolved against @ctx (NULL for nothing
 * known; the years are then taken from the text itself).  An array of RasdDateMention. */
GArray    *rasd_date_find_all            (const char            *text,
                                          const RasdDateContext *ctx);
/* Resolves the mentions again against another context (e.g. a refined publication date). */
void       rasd_date_resolve_all         (GArray                *mentions,
                                          const RasdDateContext *ctx);

G_END_DECLS
