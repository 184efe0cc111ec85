#define G_LOG_DOMAIN "rasd-date"

#include "config.h"

#include "rasd-date.h"
#include "rasd-rules.h"
#include "rasd-date-private.h"

#include <math.h>
#include <string.h>
#include <unicode/ucal.h>

/* Date expressions in Arabic news.
 *
 * The text is scanned once into tokens (runs of letters, runs of digits, single punctuation
 * marks), each with its character and byte span in the original text and a normalised form
 * (no diacritics or tatweel, alef/ya/ta-marbuta folded, Arabic-Indic digits as ASCII) looked up
 * in a small lexicon built once.  A recursive-descent matcher then reads date expressions off
 * the token classes, a post-pass joins ranges and الموافق pairs, and a resolver turns what was
 * written (RasdDateMention.stated, .kind, .offset) into calendar dates against the context. */

/* ------------------------------------------------------------------------------------------ */
/* Calendar arithmetic                                                                        */

static gboolean
is_leap (gint64 y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
rasd_date_days_in_month (int year,
                         int month)
{
  static const int dim[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month < 1 || month > 12)
    return 0;
  if (month == 2 && is_leap (year))
    return 29;
  return dim[month - 1];
}

gboolean
rasd_date_is_valid (int year,
                    int month,
                    int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
         day >= 1 && day <= rasd_date_days_in_month (year, month);
}

/* Howard Hinnant's days_from_civil: days since 1970-01-01, proleptic Gregorian. */
gint64
rasd_date_to_days (int year,
                   int month,
                   int day)
{
  gint64 y = year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

RasdDate
rasd_date_from_days (gint64 days)
{
  RasdDate out = { 0 };
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  gint64 d = doy - (153 * mp + 2) / 5 + 1;
  gint64 m = mp < 10 ? mp + 3 : mp - 9;
  gint64 y = yoe + era * 400 + (m <= 2);

  out.year = (gint16) y;
  out.month = (gint8) m;
  out.day = (gint8) d;
  out.precision = RASD_DATE_PRECISION_DAY;
  return out;
}

static int
weekday_of_days (gint64 days)
{
  /* 1970-01-01 was a Thursday (4). */
  return (int) ((((days + 3) % 7) + 7) % 7) + 1;
}

int
rasd_date_weekday (int year,
                   int month,
                   int day)
{
  if (!rasd_date_is_valid (year, month, day))
    return 0;
  return weekday_of_days (rasd_date_to_days (year, month, day));
}

RasdDate
rasd_date_add_days (const RasdDate *date,
                    int             days)
{
  g_return_val_if_fail (date != NULL, (RasdDate) { 0 });

  if (date->precision != RASD_DATE_PRECISION_DAY ||
      !rasd_date_is_valid (date->year, date->month, date->day))
    return *date;
  return rasd_date_from_days (rasd_date_to_days (date->year, date->month, date->day) + days);
}

/* Hijri dates are Saudi Arabia's official calendar, Umm al-Qura, whose months begin as the
 * Saudi authorities fix them: ICU's "islamic-umalqura" calendar holds its table for AH 1300 to
 * 1600 (1882 to 2174).  Elsewhere, or where ICU cannot open it, the tabular Islamic calendar
 * (civil epoch; leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle),
 * which differs from Umm al-Qura by a day or two in some months.  Works on Julian day numbers. */
#define JDN_UNIX_EPOCH 2440588
#define JDN_HIJRI_EPOCH 1948440
#define UMALQURA_FIRST_YEAR 1300
#define UMALQURA_LAST_YEAR 1600
#define MS_PER_DAY 86400000.0

static gint64
hijri_to_jdn (gint64 y,
              gint64 m,
              gint64 d)
{
  return d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y) / 30 + JDN_HIJRI_EPOCH - 1;
}

static GMutex umalqura_lock;
static UCalendar *umalqura;      /* under the lock; NULL when ICU could not open it */
static gboolean umalqura_opened;

/* The Umm al-Qura calendar, in UTC; call with umalqura_lock held. */
static UCalendar *
umalqura_calendar (void)
{
  if (!umalqura_opened)
    {
      static const UChar utc[] = { 'U', 'T', 'C', 0 };
      UErrorCode status = U_ZERO_ERROR;

      umalqura_opened = TRUE;
      umalqura = ucal_open (utc, -1, "ar@calendar=islamic-umalqura", UCAL_DEFAULT, &status);
      if (U_FAILURE (status))
        {
          g_warning ("ICU has no Umm al-Qura calendar (%s): Hijri dates follow the tabular "
                     "calendar and may be a day off", u_errorName (status));
          g_clear_pointer (&umalqura, ucal_close);
        }
    }
  return umalqura;
}

/* The day (days since 1970-01-01) of Umm al-Qura date @y-@m-@d, or FALSE when ICU cannot say. */
static gboolean
umalqura_to_days (int     y,
                  int     m,
                  int     d,
                  gint64 *days)
{
  UErrorCode status = U_ZERO_ERROR;
  UCalendar *cal;
  double ms = 0;

  if (y < UMALQURA_FIRST_YEAR || y > UMALQURA_LAST_YEAR)
    return FALSE;
  g_mutex_lock (&umalqura_lock);
  if ((cal = umalqura_calendar ()) != NULL)
    {
      ucal_clear (cal);
      ucal_set (cal, UCAL_ERA, 0);
      ucal_setDate (cal, y, m - 1, d, &status);
      ms = ucal_getMillis (cal, &status);
    }
  g_mutex_unlock (&umalqura_lock);
  if (cal == NULL || U_FAILURE (status))
    return FALSE;
  *days = (gint64) floor (ms / MS_PER_DAY);
  return TRUE;
}

/* Umm al-Qura date of day @days (since 1970-01-01), or FALSE when ICU cannot say. */
static gboolean
umalqura_from_days (gint64  days,
                    int    *y,
                    int    *m,
                    int    *d)
{
  UErrorCode status = U_ZERO_ERROR;
  UCalendar *cal;

  g_mutex_lock (&umalqura_lock);
  if ((cal = umalqura_calendar ()) != NULL)
    {
      ucal_setMillis (cal, (double) days * MS_PER_DAY, &status);
      *y = ucal_get (cal, UCAL_YEAR, &status);
      *m = ucal_get (cal, UCAL_MONTH, &status) + 1;
      *d = ucal_get (cal, UCAL_DATE, &status);
    }
  g_mutex_unlock (&umalqura_lock);
  return cal != NULL && U_SUCCESS (status) && *y >= UMALQURA_FIRST_YEAR && *y <= UMALQURA_LAST_YEAR;
}

gboolean
rasd_date_hijri_to_gregorian (int       hijri_year,
                              int       hijri_month,
                              int       hijri_day,
                              RasdDate *out)
{
  gint64 days;

  g_return_val_if_fail (out != NULL, FALSE);

  if (hijri_year < 1 || hijri_year > 9000 || hijri_month < 1 || hijri_month > 12 ||
      hijri_day < 1 || hijri_day > 30)
    {
      *out = (RasdDate) { 0 };
      return FALSE;
    }
  if (!umalqura_to_days (hijri_year, hijri_month, hijri_day, &days))
    days = hijri_to_jdn (hijri_year, hijri_month, hijri_day) - JDN_UNIX_EPOCH;
  *out = rasd_date_from_days (days);
  return TRUE;
}

void
rasd_date_gregorian_to_hijri (int  year,
                              int  month,
                              int  day,
                              int *hijri_year,
                              int *hijri_month,
                              int *hijri_day)
{
  gint64 jdn = rasd_date_to_days (year, month, day) + JDN_UNIX_EPOCH;
  gint64 y = (30 * (jdn - JDN_HIJRI_EPOCH) + 10646) / 10631;
  gint64 m;
  int uy, um, ud;

  if (umalqura_from_days (jdn - JDN_UNIX_EPOCH, &uy, &um, &ud))
    {
      if (hijri_year)
        *hijri_year = uy;
      if (hijri_month)
        *hijri_month = um;
      if (hijri_day)
        *hijri_day = ud;
      return;
    }
  /* Month: the last one whose first day is on or before jdn. */
  m = 12;
  while (m > 1 && hijri_to_jdn (y, m, 1) > jdn)
    m--;
  if (hijri_to_jdn (y, 1, 1) > jdn)
    {
      y--;
      m = 12;
    }
  if (hijri_year)
    *hijri_year = (int) y;
  if (hijri_month)
    *hijri_month = (int) m;
  if (hijri_day)
    *hijri_day = (int) (jdn - hijri_to_jdn (y, m, 1) + 1);
}

/* ------------------------------------------------------------------------------------------ */
/* ISO 8601 and comparisons                                                                  */

static gboolean
date_known (const RasdDate *d)
{
  return d->precision != RASD_DATE_PRECISION_NONE && d->year != 0;
}

char *
rasd_date_to_iso (const RasdDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!date_known (date))
    return NULL;
  switch (date->precision)
    {
    case RASD_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    case RASD_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case RASD_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case RASD_DATE_PRECISION_NONE:
    default:
      return NULL;
    }
}

static gboolean
read_digits (const char **p,
             int          n,
             int         *value)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *value = v;
  return TRUE;
}

gboolean
rasd_date_parse_iso (const char *str,
                     RasdDate   *out)
{
  const char *p;
  int y, m, d;

  g_return_val_if_fail (out != NULL, FALSE);

  *out = (RasdDate) { 0 };
  if (str == NULL)
    return FALSE;
  p = str;
  while (g_ascii_isspace (*p))
    p++;
  if (!read_digits (&p, 4, &y) || y < 1)
    return FALSE;
  if (*p == '\0' || g_ascii_isspace (*p))
    {
      *out = (RasdDate) { y, 0, 0, RASD_DATE_PRECISION_YEAR };
      return TRUE;
    }
  if (*p != '-' || (p++, !read_digits (&p, 2, &m)) || m < 1 || m > 12)
    return FALSE;
  if (*p == '\0' || g_ascii_isspace (*p))
    {
      *out = (RasdDate) { y, m, 0, RASD_DATE_PRECISION_MONTH };
      return TRUE;
    }
  if (*p != '-' || (p++, !read_digits (&p, 2, &d)) || !rasd_date_is_valid (y, m, d))
    return FALSE;
  /* A time part may follow; its time zone is ignored: the calendar day as written counts. */
  if (*p != '\0' && *p != ' ' && *p != 'T' && *p != 't')
    return FALSE;
  *out = (RasdDate) { y, m, d, RASD_DATE_PRECISION_DAY };
  return TRUE;
}

gboolean
rasd_date_compatible (const RasdDate *a,
                      const RasdDate *b)
{
  RasdDatePrecision p;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!date_known (a) || !date_known (b))
    return FALSE;
  p = MIN (a->precision, b->precision);
  if (a->year != b->year)
    return FALSE;
  if (p >= RASD_DATE_PRECISION_MONTH && a->month != b->month)
    return FALSE;
  if (p >= RASD_DATE_PRECISION_DAY && a->day != b->day)
    return FALSE;
  return TRUE;
}

int
rasd_date_compare (const RasdDate *a,
                   const RasdDate *b)
{
  int am, bm, ad, bd;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;
  am = a->precision >= RASD_DATE_PRECISION_MONTH ? a->month : 0;
  bm = b->precision >= RASD_DATE_PRECISION_MONTH ? b->month : 0;
  if (am != bm)
    return am < bm ? -1 : 1;
  ad = a->precision >= RASD_DATE_PRECISION_DAY ? a->day : 0;
  bd = b->precision >= RASD_DATE_PRECISION_DAY ? b->day : 0;
  if (ad != bd)
    return ad < bd ? -1 : 1;
  return 0;
}

RasdDate
rasd_date_common (const RasdDate *a,
                  const RasdDate *b)
{
  RasdDate out = { 0 };
  RasdDatePrecision p;

  g_return_val_if_fail (a != NULL && b != NULL, out);

  if (!date_known (a) || !date_known (b) || a->year != b->year)
    return out;
  p = MIN (a->precision, b->precision);
  out.year = a->year;
  out.precision = RASD_DATE_PRECISION_YEAR;
  if (p >= RASD_DATE_PRECISION_MONTH && a->month == b->month)
    {
      out.month = a->month;
      out.precision = RASD_DATE_PRECISION_MONTH;
      if (p >= RASD_DATE_PRECISION_DAY && a->day == b->day)
        {
          out.day = a->day;
          out.precision = RASD_DATE_PRECISION_DAY;
        }
    }
  return out;
}

RasdDate
rasd_date_mention_get_date (const RasdDateMention *mention)
{
  g_return_val_if_fail (mention != NULL, (RasdDate) { 0 });

  if ((mention->flags & RASD_DATE_FLAG_RANGE) && date_known (&mention->date_end))
    return rasd_date_common (&mention->date, &mention->date_end);
  return mention->date;
}

/* ------------------------------------------------------------------------------------------ */
/* Resolution                                                                                */

typedef struct
{
  RasdDate      publication;
  const gint16 *years;
  guint         n_years;
} Resolver;

static gint64
anchor_days (const RasdDate *d)
{
  int m = d->precision >= RASD_DATE_PRECISION_MONTH ? d->month : 7;
  int day = d->precision >= RASD_DATE_PRECISION_DAY ? d->day : (d->precision >= RASD_DATE_PRECISION_MONTH ? 15 : 1);

  return rasd_date_to_days (d->year, m, day);
}

static gboolean
infer_year_weekday_pub (int             month,
                        int             day,
                        int             weekday,
                        const RasdDate *pub,
                        int            *year)
{
  gint64 pd, best = G_MAXINT64;
  int found = 0;

  if (!date_known (pub))
    return FALSE;
  pd = anchor_days (pub);
  for (int y = pub->year - 1; y <= pub->year + 1; y++)
    if (rasd_date_weekday (y, month, day) == weekday)
      {
        gint64 dist = ABS (rasd_date_to_days (y, month, day) - pd);
        if (dist < best)
          {
            best = dist;
            found = y;
          }
      }
  if (!found)
    return FALSE;
  *year = found;
  return TRUE;
}

/* The latest year written is usually the year of writing or shortly before it. */
static gboolean
infer_year_weekday_years (int           month,
                          int           day,
                          int           weekday,
                          const gint16 *years,
                          guint         n_years,
                          int          *year)
{
  int latest, lowest;

  if (n_years == 0)
    return FALSE;
  latest = years[n_years - 1];
  lowest = MAX (years[0] - 1, latest - 7);
  for (int y = latest; y <= latest + 7; y++)
    if (rasd_date_weekday (y, month, day) == weekday)
      {
        *year = y;
        return TRUE;
      }
  for (int y = latest - 1; y >= lowest; y--)
    if (rasd_date_weekday (y, month, day) == weekday)
      {
        *year = y;
        return TRUE;
      }
  return FALSE;
}

/* The nearest such date to the publication, no more than two months ahead of it unless the
 * text speaks of the future. */
static gboolean
infer_year_pub (int             month,
                int             day,
                gboolean        future,
                const RasdDate *pub,
                int            *year)
{
  int y;
  gint64 diff;

  if (!date_known (pub))
    return FALSE;
  y = pub->year;
  if (pub->precision == RASD_DATE_PRECISION_YEAR)
    {
      *year = y;
      return TRUE;
    }
  diff = rasd_date_to_days (y, month, day ? MIN (day, rasd_date_days_in_month (y, month)) : 15) -
         anchor_days (pub);
  if (!future && diff > 62)
    y--;
  else if (future && diff < -62)
    y++;
  *year = y;
  return TRUE;
}

gboolean
rasd_date_infer_year (int                    month,
                      int                    day,
                      int                    weekday,
                      gboolean               future,
                      const RasdDateContext *ctx,
                      int                   *year)
{
  g_return_val_if_fail (year != NULL, FALSE);
  g_return_val_if_fail (month >= 1 && month <= 12, FALSE);

  *year = 0;
  if (ctx == NULL)
    return FALSE;
  if (weekday && day)
    {
      if (date_known (&ctx->publication))
        {
          if (infer_year_weekday_pub (month, day, weekday, &ctx->publication, year))
            return TRUE;
        }
      else if (infer_year_weekday_years (month, day, weekday, ctx->years, ctx->n_years, year))
        return TRUE;
    }
  return infer_year_pub (month, day, future, &ctx->publication, year);
}

typedef struct
{
  gboolean valid;
  int      year;
  int      month;
  guint    line;
  gsize    end;
} Carry;

static RasdDate
coarse_publication (const RasdDate *pub)
{
  RasdDate d = *pub;

  if (d.precision == RASD_DATE_PRECISION_DAY)
    {
      d.day = 0;
      d.precision = RASD_DATE_PRECISION_MONTH;
    }
  return d;
}

static RasdDate
make_date (int y,
           int m,
           int d)
{
  RasdDate out = { y, m, d, RASD_DATE_PRECISION_YEAR };

  if (m)
    out.precision = d ? RASD_DATE_PRECISION_DAY : RASD_DATE_PRECISION_MONTH;
  return out;
}

static void
resolve_hijri (RasdDateMention *m)
{
  const RasdDate *s = &m->stated;
  RasdDate g;
  int shift;

  switch (s->precision)
    {
    case RASD_DATE_PRECISION_DAY:
      rasd_date_hijri_to_gregorian (s->year, s->month, s->day, &g);
      shift = 0;
      /* The tabular calendar can be a day off the observed one: trust a written weekday. */
      if (m->weekday)
        {
          int w = rasd_date_weekday (g.year, g.month, g.day);
          if (w == (m->weekday % 7) + 1)
            shift = -1;
          else if (m->weekday == (w % 7) + 1)
            shift = 1;
        }
      m->date = rasd_date_add_days (&g, shift);
      if (m->flags & RASD_DATE_FLAG_RANGE)
        {
          rasd_date_hijri_to_gregorian (m->stated_end.year ? m->stated_end.year : s->year,
                                        m->stated_end.month ? m->stated_end.month : s->month,
                                        m->stated_end.day, &g);
          m->date_end = rasd_date_add_days (&g, shift);
        }
      break;
    case RASD_DATE_PRECISION_MONTH:
      rasd_date_hijri_to_gregorian (s->year, s->month, 15, &g);
      m->date = make_date (g.year, g.month, 0);
      break;
    case RASD_DATE_PRECISION_YEAR:
      rasd_date_hijri_to_gregorian (s->year, 7, 1, &g);
      m->date = make_date (g.year, 0, 0);
      if (m->flags & RASD_DATE_FLAG_RANGE)
        {
          rasd_date_hijri_to_gregorian (m->stated_end.year, 7, 1, &g);
          m->date_end = make_date (g.year, 0, 0);
        }
      break;
    case RASD_DATE_PRECISION_NONE:
    default:
      break;
    }
}

static void
check_weekday (RasdDateMention *m,
               const RasdDate  *d)
{
  if (m->weekday && d->precision == RASD_DATE_PRECISION_DAY && date_known (d) &&
      rasd_date_weekday (d->year, d->month, d->day) != m->weekday)
    m->flags |= RASD_DATE_FLAG_WEEKDAY_MISMATCH;
}

static void
resolve_absolute (RasdDateMention *m,
                  const Resolver  *rs,
                  Carry           *carry)
{
  const RasdDate *s = &m->stated;
  gboolean future = (m->flags & RASD_DATE_FLAG_FUTURE) != 0;
  int y = 0;
  gboolean ok = FALSE;

  if (m->flags & RASD_DATE_FLAG_HIJRI)
    {
      resolve_hijri (m);
    }
  else if (s->year != 0)
    {
      m->date = *s;
      if (m->flags & RASD_DATE_FLAG_RANGE)
        {
          m->date_end = m->stated_end;
          if (m->date_end.year == 0)
            m->date_end.year = s->year;
          if (m->date_end.month == 0 && m->date_end.precision >= RASD_DATE_PRECISION_MONTH)
            m->date_end.month = s->month;
        }
      check_weekday (m, &m->date);
    }
  else
    {
      gboolean near_carry = carry->valid && carry->line == m->line && m->start >= carry->end &&
                            m->start - carry->end <= 400 && s->month >= carry->month;

      if (m->weekday && s->day)
        {
          if (near_carry && rasd_date_weekday (carry->year, s->month, s->day) == m->weekday)
            {
              y = carry->year;
              ok = TRUE;
            }
          else if (date_known (&rs->publication))
            ok = infer_year_weekday_pub (s->month, s->day, m->weekday, &rs->publication, &y);
          else
            ok = infer_year_weekday_years (s->month, s->day, m->weekday, rs->years, rs->n_years, &y);
        }
      if (!ok && near_carry)
        {
          y = carry->year;
          ok = TRUE;
        }
      if (!ok)
        ok = infer_year_pub (s->month, s->day, future, &rs->publication, &y);
      if (ok && s->day && !rasd_date_is_valid (y, s->month, s->day))
        ok = FALSE;             /* 29 February */
      if (ok)
        {
          m->date = make_date (y, s->month, s->day);
          m->flags |= RASD_DATE_FLAG_YEAR_INFERRED;
          check_weekday (m, &m->date);
          if (m->flags & RASD_DATE_FLAG_RANGE)
            {
              int ym = m->stated_end.month ? m->stated_end.month : s->month;
              int ey = ym < s->month ? y + 1 : y;
              m->date_end = make_date (ey, ym, m->stated_end.day);
            }
        }
      else
        {
          m->date = (RasdDate) { 0, s->month, s->day, RASD_DATE_PRECISION_NONE };
          m->flags |= RASD_DATE_FLAG_UNRESOLVED;
        }
      return;
    }

  if (date_known (&m->date) && m->date.precision >= RASD_DATE_PRECISION_MONTH)
    {
      carry->valid = TRUE;
      carry->year = m->date.year;
      carry->month = m->date.month;
      carry->line = m->line;
      carry->end = m->end;
    }
}

static void
resolve_mention (RasdDateMention *m,
                 const Resolver  *rs,
                 Carry           *carry)
{
  const RasdDate *pub = &rs->publication;
  gboolean have_day = pub->precision == RASD_DATE_PRECISION_DAY && date_known (pub);
  gboolean have_month = pub->precision >= RASD_DATE_PRECISION_MONTH && date_known (pub);
  gboolean have_year = date_known (pub);

  m->flags &= ~(RASD_DATE_FLAG_YEAR_INFERRED | RASD_DATE_FLAG_WEEKDAY_MISMATCH |
                RASD_DATE_FLAG_MONTH_MISMATCH | RASD_DATE_FLAG_UNRESOLVED);
  m->date = (RasdDate) { 0 };
  m->date_end = (RasdDate) { 0 };

  switch (m->kind)
    {
    case RASD_DATE_KIND_ABSOLUTE:
      resolve_absolute (m, rs, carry);
      return;

    case RASD_DATE_KIND_DAY_OFFSET:
      if (have_day)
        {
          m->date = rasd_date_add_days (pub, m->offset);
          check_weekday (m, &m->date);
        }
      else if (have_year)
        m->date = coarse_publication (pub);
      break;

    case RASD_DATE_KIND_WEEKDAY:
      if (have_day)
        {
          int pw = rasd_date_weekday (pub->year, pub->month, pub->day);
          int back = ((pw - m->weekday) % 7 + 7) % 7;
          int fwd = ((m->weekday - pw) % 7 + 7) % 7;
          int delta;

          if (m->offset < 0)
            delta = -(back ? back : 7);
          else if (m->offset > 0)
            delta = fwd ? fwd : 7;
          else if (m->flags & RASD_DATE_FLAG_FUTURE)
            delta = fwd;
          else
            delta = -back;
          m->date = rasd_date_add_days (pub, delta);
        }
      else if (have_year)
        m->date = coarse_publication (pub);
      break;

    case RASD_DATE_KIND_WEEK_OFFSET:
      if (have_day)
        {
          RasdDate d = rasd_date_add_days (pub, 7 * m->offset);
          m->date = make_date (d.year, d.month, 0);
        }
      else if (have_year)
        m->date = coarse_publication (pub);
      break;

    case RASD_DATE_KIND_MONTH_OFFSET:
      if (have_month)
        {
          int ym = pub->year * 12 + (pub->month - 1) + m->offset;
          int y = ym / 12, mo = ym % 12 + 1;

          m->date = make_date (y, mo, 0);
          if (m->stated.day && rasd_date_is_valid (y, mo, m->stated.day))
            {
              m->date = make_date (y, mo, m->stated.day);
              if (m->flags & RASD_DATE_FLAG_RANGE && rasd_date_is_valid (y, mo, m->stated_end.day))
                m->date_end = make_date (y, mo, m->stated_end.day);
            }
        }
      else if (have_year && m->offset == 0)
        m->date = make_date (pub->year, 0, 0);
      break;

    case RASD_DATE_KIND_YEAR_OFFSET:
      if (have_year)
        {
          int y = pub->year + m->offset;
          int mo = m->stated.month, d = m->stated.day;

          /* "مايو من العام الماضي" carries its month (and day). */
          if (d && !rasd_date_is_valid (y, mo, d))
            break;
          m->date = make_date (y, mo, mo ? d : 0);
          if ((m->flags & RASD_DATE_FLAG_RANGE) && mo && rasd_date_is_valid (y, mo, m->stated_end.day))
            m->date_end = make_date (y, mo, m->stated_end.day);
        }
      break;

    case RASD_DATE_KIND_NAMED_MONTH:
      {
        int mo = m->stated.month, d = m->stated.day, y = 0;
        gboolean ok = TRUE;

        if (have_month)
          {
            int pm = pub->month, pd = have_day ? pub->day : 0;

            if (m->offset == 0)
              {
                y = pub->year;
                if (mo != pm)
                  m->flags |= RASD_DATE_FLAG_MONTH_MISMATCH;
              }
            else if (m->offset < 0)
              y = (mo < pm || (mo == pm && d && pd && d < pd)) ? pub->year : pub->year - 1;
            else
              y = (mo > pm || (mo == pm && d && pd && d > pd)) ? pub->year : pub->year + 1;
          }
        else if (have_year && m->offset == 0)
          y = pub->year;
        else
          ok = FALSE;
        if (ok && d && !rasd_date_is_valid (y, mo, d))
          ok = FALSE;
        if (ok)
          {
            m->date = make_date (y, mo, d);
            check_weekday (m, &m->date);
            if ((m->flags & RASD_DATE_FLAG_RANGE) && rasd_date_is_valid (y, mo, m->stated_end.day))
              m->date_end = make_date (y, mo, m->stated_end.day);
          }
        else
          m->date = (RasdDate) { 0, mo, d, RASD_DATE_PRECISION_NONE };
      }
      break;

    case RASD_DATE_KIND_SEASON:
      /* the year of the season's middle month, taken as a month ahead or behind */
      if (have_month)
        {
          int mo = m->stated.month, pm = pub->month;

          if (m->offset == 0)
            m->date = make_date (pub->year, 0, 0);
          else if (m->offset < 0)
            m->date = make_date (mo < pm ? pub->year : pub->year - 1, 0, 0);
          else
            m->date = make_date (mo > pm ? pub->year : pub->year + 1, 0, 0);
        }
      else if (have_year && m->offset == 0)
        m->date = make_date (pub->year, 0, 0);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!date_known (&m->date))
    m->flags |= RASD_DATE_FLAG_UNRESOLVED;
}

static void
years_insert (gint16 *years,
              guint  *n_years,
              int     y)
{
  guint n = *n_years, pos = 0;

  if (y < 1900 || y > 2100)
    return;
  while (pos < n && years[pos] < y)
    pos++;
  if (pos < n && years[pos] == y)
    return;
  if (n == RASD_DATE_MAX_YEARS)
    {
      /* Full: drop the earliest, the latest years matter most. */
      if (pos == 0)
        return;
      memmove (years, years + 1, (pos - 1) * sizeof (gint16));
      years[pos - 1] = (gint16) y;
      return;
    }
  memmove (years + pos + 1, years + pos, (n - pos) * sizeof (gint16));
  years[pos] = (gint16) y;
  *n_years = n + 1;
}

static void
stated_gregorian_year (const RasdDateMention *m,
                       const RasdDate        *s,
                       gint16                *years,
                       guint                 *n_years)
{
  RasdDate g;

  if (s->year == 0 || s->precision == RASD_DATE_PRECISION_NONE)
    return;
  if (m->flags & RASD_DATE_FLAG_HIJRI)
    {
      rasd_date_hijri_to_gregorian (s->year, s->month ? s->month : 7, s->day ? s->day : 1, &g);
      years_insert (years, n_years, g.year);
    }
  else
    years_insert (years, n_years, s->year);
}

static void
collect_years_from (GArray *mentions,
                    gsize   stride,
                    gint16 *years,
                    guint  *n_years)
{
  for (guint k = 0; k < mentions->len; k++)
    {
      const RasdDateMention *m = (const RasdDateMention *) (mentions->data + k * stride);

      if (m->kind != RASD_DATE_KIND_ABSOLUTE)
        continue;
      stated_gregorian_year (m, &m->stated, years, n_years);
      if (m->flags & RASD_DATE_FLAG_RANGE)
        stated_gregorian_year (m, &m->stated_end, years, n_years);
    }
}

/* "اليوم نفسه": the date of the mention before @k (mention @m), cut to the precision it names;
 * unresolved when that date is coarser or there is none. */
static void
resolve_same (RasdDateMention *m,
              GArray          *mentions,
              gsize            stride,
              guint            k)
{
  const RasdDateMention *before = k > 0 ? (const RasdDateMention *) (mentions->data + (k - 1) * stride) : NULL;

  m->date = (RasdDate) { 0 };
  m->date_end = (RasdDate) { 0 };
  m->flags &= ~RASD_DATE_FLAG_UNRESOLVED;
  if (before == NULL || !date_known (&before->date) || (int) before->date.precision < m->offset)
    {
      m->flags |= RASD_DATE_FLAG_UNRESOLVED;
      return;
    }
  m->date = before->date;
  if (m->offset < RASD_DATE_PRECISION_DAY)
    m->date.day = 0;
  if (m->offset < RASD_DATE_PRECISION_MONTH)
    m->date.month = 0;
  m->date.precision = m->offset;
  if (before->flags & RASD_DATE_FLAG_PAST)
    m->flags |= RASD_DATE_FLAG_PAST;
  if (before->flags & RASD_DATE_FLAG_FUTURE)
    m->flags |= RASD_DATE_FLAG_FUTURE;
}

static void
resolve_array (GArray                *mentions,
               gsize                  stride,
               const RasdDateContext *ctx)
{
  gint16 years[RASD_DATE_MAX_YEARS];
  guint n_years = 0;
  Resolver rs = { 0 };
  Carry carry = { 0 };

  if (ctx != NULL)
    rs.publication = ctx->publication;
  if (ctx != NULL && ctx->n_years > 0)
    {
      rs.years = ctx->years;
      rs.n_years = ctx->n_years;
    }
  else
    {
      collect_years_from (mentions, stride, years, &n_years);
      rs.years = years;
      rs.n_years = n_years;
    }
  if (!date_known (&rs.publication))
    rs.publication = (RasdDate) { 0 };

  for (guint k = 0; k < mentions->len; k++)
    {
      RasdDateMention *m = (RasdDateMention *) (mentions->data + k * stride);

      if (m->kind == RASD_DATE_KIND_SAME)
        resolve_same (m, mentions, stride, k);
      else
        resolve_mention (m, &rs, &carry);
    }
  /* "في اليوم نفسه" with no day before it is no date at all */
  for (guint k = mentions->len; k > 0; k--)
    {
      const RasdDateMention *m = (const RasdDateMention *) (mentions->data + (k - 1) * stride);

      if (m->kind == RASD_DATE_KIND_SAME && (m->flags & RASD_DATE_FLAG_UNRESOLVED))
        g_array_remove_index (mentions, k - 1);
    }

  /* "26 شوال 1436 هـ الموافق 11 أغسطس 2015": the written Gregorian day settles the Hijri
   * one, which the tabular calendar may put a day off. */
  for (guint k = 0; k + 1 < mentions->len; k++)
    {
      RasdDateMention *a = (RasdDateMention *) (mentions->data + k * stride);
      RasdDateMention *b = (RasdDateMention *) (mentions->data + (k + 1) * stride);
      RasdDateMention *h, *g;
      gint64 diff;

      if (!(a->flags & b->flags & RASD_DATE_FLAG_EQUIVALENT) ||
          !((a->flags ^ b->flags) & RASD_DATE_FLAG_HIJRI))
        continue;
      h = (a->flags & RASD_DATE_FLAG_HIJRI) ? a : b;
      g = h == a ? b : a;
      if (h->date.precision != RASD_DATE_PRECISION_DAY || g->date.precision != RASD_DATE_PRECISION_DAY ||
          (g->flags & RASD_DATE_FLAG_RANGE) || (h->flags & RASD_DATE_FLAG_RANGE))
        continue;
      diff = rasd_date_to_days (g->date.year, g->date.month, g->date.day) -
             rasd_date_to_days (h->date.year, h->date.month, h->date.day);
      if (diff != 0 && ABS (diff) <= 2)
        h->date = g->date;
    }
}

void
rasd_date_resolve_all (GArray                *mentions,
                       const RasdDateContext *ctx)
{
  g_return_if_fail (mentions != NULL);
  g_return_if_fail (g_array_get_element_size (mentions) == sizeof (RasdDateMention));

  resolve_array (mentions, sizeof (RasdDateMention), ctx);
}

GArray *
rasd_date_find_all (const char            *text,
                    const RasdDateContext *ctx)
{
  Lexed lx = { 0 };
  g_autoptr(GArray) raws = NULL;
  GArray *mentions;

  g_return_val_if_fail (text != NULL, NULL);

  raws = rasd_date_scan_text (text, G_MAXSIZE, &lx);
  rasd_date_lexed_clear (&lx);
  mentions = rasd_date_mentions_from_raws (raws);
  resolve_array (mentions, sizeof (RasdDateMention), ctx);
  return mentions;
}

/* ------------------------------------------------------------------------------------------ */
/* Context: years, dateline, publication date                                                */

void
rasd_date_context_collect_years (RasdDateContext *ctx,
                                 const char      *text)
{
  Lexed lx = { 0 };
  g_autoptr(GArray) raws = NULL;

  g_return_if_fail (ctx != NULL);
  g_return_if_fail (text != NULL);

  raws = rasd_date_scan_text (text, G_MAXSIZE, &lx);
  rasd_date_lexed_clear (&lx);
  collect_years_from (raws, sizeof (Raw), ctx->years, &ctx->n_years);
}

#define DATELINE_CHARS 300
#define DATELINE_MAX_CHARS 800
#define DATELINE_LINES 3

static gboolean
find_dateline_in (GArray      *raws,
                  const Lexed *lx,
                  RasdDate    *out)
{
  const Token *t = (const Token *) lx->tokens->data;
  guint n = lx->tokens->len;
  guint lines_seen = 0, last_line = G_MAXUINT, line_limit = 0;
  gboolean found = FALSE;
  int best_score = -1;
  guint accepted_last = G_MAXUINT;

  /* The third line that has any token. */
  for (guint i = 0; i < n && lines_seen < DATELINE_LINES; i++)
    if (t[i].line != last_line)
      {
        last_line = t[i].line;
        lines_seen++;
        line_limit = t[i].line;
      }

  resolve_array (raws, sizeof (Raw), NULL);
  for (guint k = 0; k < raws->len; k++)
    {
      Raw *r = &g_array_index (raws, Raw, k);
      const RasdDate *d = &r->m.date;
      guint before = 0;
      gboolean ok;
      int score;

      if (r->m.line > line_limit && r->m.start >= DATELINE_CHARS)
        break;
      if (r->m.kind != RASD_DATE_KIND_ABSOLUTE || r->m.stated.year == 0 || !date_known (d) ||
          d->precision < RASD_DATE_PRECISION_MONTH || (r->m.flags & RASD_DATE_FLAG_RANGE))
        continue;
      /* "في 20 أكتوبر 2015 التقى...": an event in the lead, not a dateline. */
      {
        int prev = r->first > 0 ? (t[r->first - 1].lex ? t[r->first - 1].lex->cls : C_NONE) : C_NONE;
        if (prev == C_IN || prev == C_CUE || prev == C_TO || prev == C_FROM ||
            prev == C_BETWEEN || prev == C_PART)
          continue;
      }
      /* Near the start of its line (a city and a dash at most), or standing alone. */
      for (guint i = r->first; i > 0 && t[i].line == r->m.line && !(t[i].gap & GAP_NEWLINE); i--)
        if (t[i - 1].type != T_PUNCT)
          before++;
      ok = before <= 3;
      if (!ok && r->last + 1 < n && before <= 6 &&
          ((t[r->last + 1].gap & GAP_NEWLINE) ||
           (t[r->last + 1].type == T_PUNCT && strchr (":-|", t[r->last + 1].punct))))
        ok = TRUE;
      if (!ok && r->last + 1 >= n && before <= 6)
        ok = TRUE;
      if (!ok && (r->m.flags & RASD_DATE_FLAG_EQUIVALENT) && accepted_last != G_MAXUINT &&
          r->first <= accepted_last + 4)
        ok = TRUE;
      if (!ok)
        continue;
      accepted_last = r->last;
      score = d->precision * 2 + ((r->m.flags & RASD_DATE_FLAG_HIJRI) ? 0 : 1);
      if (score > best_score)
        {
          best_score = score;
          *out = *d;
          found = TRUE;
        }
    }
  return found;
}

gboolean
rasd_date_find_dateline (const char *text,
                         RasdDate   *out)
{
  Lexed lx = { 0 };
  g_autoptr(GArray) raws = NULL;
  gboolean found;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = (RasdDate) { 0 };
  raws = rasd_date_scan_text (text, DATELINE_MAX_CHARS, &lx);
  found = find_dateline_in (raws, &lx, out);
  rasd_date_lexed_clear (&lx);
  if (!found)
    *out = (RasdDate) { 0 };
  return found;
}

static gboolean
dates_equal (const RasdDate *a,
             const RasdDate *b)
{
  return a->precision == b->precision && a->year == b->year &&
         (a->precision < RASD_DATE_PRECISION_MONTH || a->month == b->month) &&
         (a->precision < RASD_DATE_PRECISION_DAY || a->day == b->day);
}

/* "واشنطن في 13 أكتوبر / وام /": a day and month with no year after a line's first word or two
 * and في, and before the agency's mark, in the first lines, of another day than @pub (the
 * publication) — the agency's dateline; its year is the publication's (or the one before, for a December dateline printed
 * in January).  Sets @out and returns TRUE when there is one. */
static gboolean
dateline_without_year (const char     *text,
                       GArray         *raws,
                       const RasdDate *pub,
                       RasdDate       *out)
{
  for (guint k = 0; k < raws->len; k++)
    {
      const RasdDateMention *m = &g_array_index (raws, Raw, k).m;
      const char *at, *line, *p;
      guint words = 0, lines = 0;
      gboolean after_in = FALSE;

      if (m->start >= DATELINE_CHARS)
        break;
      if (m->stated.year != 0 || m->stated.day == 0 || m->stated.month == 0 ||
          (m->flags & RASD_DATE_FLAG_HIJRI))
        continue;
      at = text + m->byte_start;
      for (line = text, p = text; p < at; p++)
        if (*p == '\n')
          {
            line = p + 1;
            lines++;
          }
      if (lines > DATELINE_LINES)
        return FALSE;
      /* the words before it on its line: a place of one or two words, then في */
      for (p = line; p < at; )
        {
          while (p < at && (*p == ' ' || *p == '\t'))
            p++;
          if (p >= at)
            break;
          after_in = g_str_has_prefix (p, "في ") || g_str_has_prefix (p, "في\t");
          words++;
          while (p < at && *p != ' ' && *p != '\t')
            p++;
        }
      if (!after_in || words < 2 || words > 3)
        continue;
      /* and the agency's mark right after it: "/ وام /"، "(كونا)"، "- واس -" */
      for (p = text + m->byte_end; *p == ' ' || *p == '\t'; p++)
        ;
      if (*p != '/' && *p != '(' && *p != '-' && !g_str_has_prefix (p, "–"))
        continue;
      *out = (RasdDate) { .year = pub->year, .month = m->stated.month, .day = m->stated.day,
                          .precision = RASD_DATE_PRECISION_DAY };
      if (out->month > pub->month + 6)
        out->year--;
      if (out->month == pub->month && out->day == pub->day)
        return FALSE;
      return RASD_RULE_IS (DATE_DATELINE_NO_YEAR, TRUE);
    }
  return FALSE;
}

/* Works on an already scanned text; @years from the same scan. */
static gboolean
refine_publication (const char     *text,
                    GArray         *raws,
                    const gint16   *years,
                    guint           n_years,
                    const RasdDate *publication,
                    RasdDate       *out)
{
  RasdDateContext ctx = { 0 };
  RasdDate pub0 = { 0 };
  RasdDate given = { 0 };
  int today_wd = 0, wd_conflicts = 0;
  int cur_month = 0, month_agree = 0, month_disagree = 0;
  gboolean month_conflict = FALSE;
  RasdDate anchor = { 0 };
  int anchor_month = 0, anchor_day = 0, anchor_offset = 0;

  if (publication != NULL && date_known (publication))
    given = *publication;
  pub0 = given;
  if (!date_known (&pub0))
    rasd_date_find_dateline (text, &pub0);
  else if (pub0.precision == RASD_DATE_PRECISION_DAY)
    {
      /* a paper prints the agency's story the day after it: "جدة 27 أغسطس 2015 واس ...
       * اليوم" under the 28th is of the 27th, the day its dateline says */
      RasdDate dateline = { 0 };
      gint64 lag;
      gboolean other_day = FALSE;

      /* the text is scanned for its dateline again only when a full date of another day
       * than the publication's stands near its start (the scan at hand has no lines), or a
       * full date of the Hijri calendar ("جدة 6 شوال 1436 هـ واس"), which that scan reads
       * in Gregorian days */
      for (guint k = 0; k < raws->len && !other_day; k++)
        {
          const RasdDateMention *m = &g_array_index (raws, Raw, k).m;

          if (m->start >= DATELINE_MAX_CHARS)
            break;
          if (m->stated.year == 0 || m->stated.day == 0)
            continue;
          if (m->flags & RASD_DATE_FLAG_HIJRI)
            other_day = RASD_RULE_IS (DATE_HIJRI_DATELINE, TRUE);
          else
            other_day = m->stated.year != pub0.year || m->stated.month != pub0.month || m->stated.day != pub0.day;
        }
      if (!other_day)
        other_day = dateline_without_year (text, raws, &pub0, &dateline);
      if (other_day && (dateline.precision == RASD_DATE_PRECISION_DAY ||
                        rasd_date_find_dateline (text, &dateline)) &&
          dateline.precision == RASD_DATE_PRECISION_DAY)
        {
          lag = rasd_date_to_days (pub0.year, pub0.month, pub0.day) -
                rasd_date_to_days (dateline.year, dateline.month, dateline.day);
          if (lag >= 1 && lag <= 2 && RASD_RULE_IS (DATE_DATELINE_BEFORE_PRINT, TRUE))
            pub0 = dateline;
        }
    }

  ctx.publication = pub0;
  ctx.n_years = MIN (n_years, RASD_DATE_MAX_YEARS);
  memcpy (ctx.years, years, ctx.n_years * sizeof (gint16));
  resolve_array (raws, sizeof (Raw), &ctx);

  for (guint k = 0; k < raws->len; k++)
    {
      const RasdDateMention *m = &g_array_index (raws, Raw, k).m;

      if ((m->flags & RASD_DATE_FLAG_TODAY) && m->stated.day)
        {
          /* "اليوم 7 يناير", "اليوم الأربعاء 15 مارس" */
          if (!date_known (&anchor))
            {
              anchor_month = m->stated.month;
              anchor_day = m->stated.day;
              anchor_offset = m->offset;
              if (m->kind == RASD_DATE_KIND_ABSOLUTE && date_known (&m->date) &&
                  (m->stated.year != 0 || (m->flags & RASD_DATE_FLAG_HAS_WEEKDAY)) &&
                  !(m->flags & (RASD_DATE_FLAG_HIJRI | RASD_DATE_FLAG_WEEKDAY_MISMATCH)))
                anchor = rasd_date_add_days (&m->date, -m->offset);
            }
          if (m->weekday)
            {
              int w = ((m->weekday - 1 - m->offset) % 7 + 7) % 7 + 1;
              if (today_wd == 0 || today_wd == w)
                today_wd = w;
              else
                wd_conflicts++;
            }
        }
      else if (m->kind == RASD_DATE_KIND_DAY_OFFSET && m->weekday)
        {
          /* "اليوم (الثلاثاء)", "أمس الإثنين" */
          int w = ((m->weekday - 1 - m->offset) % 7 + 7) % 7 + 1;
          if (today_wd == 0 || today_wd == w)
            today_wd = w;
          else
            wd_conflicts++;
        }
      if (m->kind == RASD_DATE_KIND_NAMED_MONTH && m->offset == 0)
        {
          if (cur_month == 0)
            cur_month = m->stated.month;
          else if (cur_month != m->stated.month)
            month_conflict = TRUE;
          if (date_known (&pub0) && pub0.precision >= RASD_DATE_PRECISION_MONTH &&
              m->stated.month == pub0.month)
            month_agree++;
          else
            month_disagree++;
        }
    }
  if (wd_conflicts > 0)
    today_wd = 0;

  *out = pub0;
  if (date_known (&anchor))
    {
      if (!date_known (&pub0) || !rasd_date_compatible (&anchor, &pub0) ||
          pub0.precision < RASD_DATE_PRECISION_DAY)
        *out = anchor;
    }
  else if (!date_known (&pub0))
    {
      /* "اليوم 7 يناير" and, elsewhere, "اليوم (الثلاثاء)" */
      int y;
      if (anchor_month && today_wd)
        {
          RasdDate a = { 0 };
          /* the weekday of the anchored day itself */
          int w = ((today_wd - 1 + anchor_offset) % 7 + 7) % 7 + 1;
          if (infer_year_weekday_years (anchor_month, anchor_day, w, years, n_years, &y))
            {
              a = (RasdDate) { y, anchor_month, anchor_day, RASD_DATE_PRECISION_DAY };
              *out = rasd_date_add_days (&a, -anchor_offset);
            }
        }
    }
  else if (pub0.precision == RASD_DATE_PRECISION_DAY)
    {
      RasdDate lag = { 0 };

      if (anchor_month)
        {
          /* "يصادف اليوم 7 يناير" a day or two before the stamped date: a late crawl. */
          gint64 pd = rasd_date_to_days (pub0.year, pub0.month, pub0.day);
          for (int y = pub0.year - 1; y <= pub0.year + 1; y++)
            if (rasd_date_is_valid (y, anchor_month, anchor_day))
              {
                gint64 diff = rasd_date_to_days (y, anchor_month, anchor_day) - anchor_offset - pd;
                if (diff != 0 && ABS (diff) <= 2)
                  lag = rasd_date_from_days (pd + diff);
              }
        }
      if (date_known (&lag))
        *out = lag;
      else if (cur_month && !month_conflict && month_agree == 0 && month_disagree > 0 &&
          cur_month != pub0.month)
        {
          /* A page date later than the text: "15 يوليو الجاري" under an October header.
           * Just after the turn of a month it is more likely a late crawl of the month's
           * last days. */
          int y = cur_month <= pub0.month ? pub0.year : pub0.year - 1;
          int prev_month = pub0.month == 1 ? 12 : pub0.month - 1;

          if (cur_month == prev_month && pub0.day <= 3)
            *out = rasd_date_add_days (&pub0, -pub0.day);
          else
            *out = (RasdDate) { y, cur_month, 0, RASD_DATE_PRECISION_MONTH };
        }
      else if (today_wd && today_wd != rasd_date_weekday (pub0.year, pub0.month, pub0.day))
        {
          /* A crawl date one day late: "اليوم (الجمعة)" in an article stamped Saturday. */
          RasdDate prev = rasd_date_add_days (&pub0, -1);
          if (rasd_date_weekday (prev.year, prev.month, prev.day) == today_wd)
            *out = prev;
        }
    }

  return !dates_equal (out, &given);
}

gboolean
rasd_date_context_refine_publication (const char     *text,
                                      const RasdDate *publication,
                                      RasdDate       *out)
{
  Lexed lx = { 0 };
  g_autoptr(GArray) raws = NULL;
  gint16 years[RASD_DATE_MAX_YEARS];
  guint n_years = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  raws = rasd_date_scan_text (text, G_MAXSIZE, &lx);
  rasd_date_lexed_clear (&lx);
  collect_years_from (raws, sizeof (Raw), years, &n_years);
  return refine_publication (text, raws, years, n_years, publication, out);
}

void
rasd_date_context_init (RasdDateContext *ctx,
                        const char      *text,
                        const RasdDate  *publication)
{
  Lexed lx = { 0 };
  g_autoptr(GArray) raws = NULL;
  RasdDate pub;

  g_return_if_fail (ctx != NULL);
  g_return_if_fail (text != NULL);

  *ctx = (RasdDateContext) { 0 };
  raws = rasd_date_scan_text (text, G_MAXSIZE, &lx);
  rasd_date_lexed_clear (&lx);
  collect_years_from (raws, sizeof (Raw), ctx->years, &ctx->n_years);
  refine_publication (text, raws, ctx->years, ctx->n_years, publication, &pub);
  ctx->publication = pub;
}

GArray *
rasd_date_context_init_find_all (RasdDateContext *ctx,
                                 const char      *text,
                                 const RasdDate  *publication)
{
  Lexed lx = { 0 };
  g_autoptr(GArray) raws = NULL;
  GArray *mentions;
  RasdDate pub;

  g_return_val_if_fail (ctx != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* rasd_date_context_init() then rasd_date_find_all() on one scan of the text: the mentions
   * are taken before refine_publication() resolves the scanned ones in place */
  *ctx = (RasdDateContext) { 0 };
  raws = rasd_date_scan_text (text, G_MAXSIZE, &lx);
  rasd_date_lexed_clear (&lx);
  mentions = rasd_date_mentions_from_raws (raws);
  collect_years_from (raws, sizeof (Raw), ctx->years, &ctx->n_years);
  refine_publication (text, raws, ctx->years, ctx->n_years, publication, &pub);
  ctx->publication = pub;
  resolve_array (mentions, sizeof (RasdDateMention), ctx);
  return mentions;
}
