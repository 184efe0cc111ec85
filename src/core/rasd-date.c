#define G_LOG_DOMAIN "rasd-date"

#include "config.h"

#include "rasd-date.h"

#include <string.h>

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

/* Tabular Islamic calendar, civil (Friday) epoch, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24,
 * 26, 29 of each 30-year cycle.  Works on Julian day numbers. */
#define JDN_UNIX_EPOCH 2440588
#define JDN_HIJRI_EPOCH 1948440

static gint64
hijri_to_jdn (gint64 y,
              gint64 m,
              gint64 d)
{
  return d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y) / 30 + JDN_HIJRI_EPOCH - 1;
}

gboolean
rasd_date_hijri_to_gregorian (int       hijri_year,
                              int       hijri_month,
                              int       hijri_day,
                              RasdDate *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (hijri_year < 1 || hijri_year > 9000 || hijri_month < 1 || hijri_month > 12 ||
      hijri_day < 1 || hijri_day > 30)
    {
      *out = (RasdDate) { 0 };
      return FALSE;
    }
  *out = rasd_date_from_days (hijri_to_jdn (hijri_year, hijri_month, hijri_day) - JDN_UNIX_EPOCH);
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
/* Normalisation                                                                             */

/* The matching form of one character; 0 when it is dropped (diacritics, tatweel, bidi and
 * zero-width marks). */
static gunichar
fold_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower ((char) c);
  if (c >= 0x0660 && c <= 0x0669)
    return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9)
    return '0' + (c - 0x06F0);
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
      (c >= 0x0610 && c <= 0x061A) || (c >= 0x06D6 && c <= 0x06ED && c != 0x06E5 && c != 0x06E6))
    return 0;
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF || c == 0x061C || c == 0x00AD)
    return 0;
  switch (c)
    {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
      return 0x0627;                    /* alef forms */
    case 0x0649: case 0x06CC: case 0x0626: case 0x06D2:
      return 0x064A;                    /* alef maqsura, Farsi yeh, yeh with hamza */
    case 0x0624:
      return 0x0648;                    /* waw with hamza */
    case 0x0629: case 0x06C0: case 0x06D5:
      return 0x0647;                    /* ta marbuta */
    case 0x06A9: case 0x06AF:
      return 0x0643;                    /* keheh, gaf */
    case 0x06A4:
      return 0x0641;                    /* veh */
    case 0x06A8:
      return 0x0642;                    /* Maghrebi qaf */
    case 0x067E:
      return 0x0628;                    /* peh */
    case 0x0686:
      return 0x062C;                    /* tcheh */
    case 0x00A0:
      return ' ';
    default:
      return c;
    }
}

enum
{
  K_IGNORE,
  K_SPACE,
  K_NEWLINE,
  K_DIGIT,
  K_LETTER,
  K_PUNCT,
};

static int
char_kind (gunichar f)
{
  if (f == 0)
    return K_IGNORE;
  if (f == '\n' || f == 0x2028 || f == 0x2029 || f == 0x0085)
    return K_NEWLINE;
  if (f >= '0' && f <= '9')
    return K_DIGIT;
  if (f < 0x80)
    {
      if (g_ascii_isalpha ((char) f))
        return K_LETTER;
      if (g_ascii_isspace ((char) f))
        return K_SPACE;
      return K_PUNCT;
    }
  if ((f >= 0x0621 && f <= 0x063A) || (f >= 0x0641 && f <= 0x064A) ||
      (f >= 0x066E && f <= 0x06D3))
    return K_LETTER;
  if (g_unichar_isspace (f))
    return K_SPACE;
  if (g_unichar_ismark (f))
    return K_IGNORE;
  if (g_unichar_isalpha (f))
    return K_LETTER;
  return K_PUNCT;
}

static char
punct_code (gunichar f)
{
  switch (f)
    {
    case ',': case 0x060C: case 0x066C:
      return ',';
    case ';': case 0x061B:
      return ';';
    case '?': case 0x061F:
      return '?';
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    case '/': case 0xFF0F: case 0x2044:
      return '/';
    case '(': case 0xFF08: case 0xFD3E:
      return '(';
    case ')': case 0xFF09: case 0xFD3F:
      return ')';
    case '.': case 0x06D4: case 0x066B:
      return '.';
    case '%': case 0x066A:
      return '%';
    case '"': case '\'': case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x2018: case 0x2019:
      return '"';
    default:
      return f < 0x80 ? (char) f : '#';
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Lexicon                                                                                   */

typedef enum
{
  C_NONE,
  C_MONTH,        /* Gregorian month name; aux: 0 plain, 1 also a common word, 2 needs a number */
  C_MONTH_HEAD,   /* first word of a two-word month: value HEAD_* */
  C_HMONTH,       /* one-word Hijri month */
  C_WEEKDAY,
  C_ORDINAL,      /* day ordinal (ord); aux 1 when it only occurs in compounds (الحادي) */
  C_TEEN,         /* عشر */
  C_TENS,         /* والعشرين، والثلاثين: value */
  C_TODAY,
  C_YESTERDAY,
  C_TOMORROW,
  C_GHAD,         /* غد، الغد: only after يوم/بعد/صباح... */
  C_AWWAL,        /* أول (من) أمس */
  C_TONIGHT,
  C_DAYWORD,      /* يوم */
  C_DAYS,         /* يومين (2), أيام (0) */
  C_WEEKS,        /* أسبوع (1), أسبوعين (2) */
  C_MOD,          /* الماضي -1, الجاري 0, المقبل +1; aux 1 when also "former/current" */
  C_THIS,
  C_PERIOD,       /* الأسبوع, الشهر: value UNIT_* */
  C_YEARWORD,     /* عام، العام، سنة...; aux 1 when definite (العام الماضي) */
  C_SHAHR,        /* شهر */
  C_PART,         /* مطلع، أواخر... */
  C_TOD,          /* صباح، مساء... */
  C_IN,
  C_CUE,          /* value CUE_* */
  C_FROM,
  C_TO,
  C_AND,
  C_OR,
  C_BETWEEN,
  C_EQUIV,
  C_ONDATE,
  C_GSUF,
  C_HSUF,
  C_ART,
  C_FUTURE,
  C_NOTODAY,      /* ذلك، نفس، ذات، صحيفة: "اليوم" after them is not the day of writing */
  C_DAYADJ,       /* التالي، الوطني...: "اليوم" before them is not the day of writing */
  C_TITLE,        /* الأمين، القائد...: "العام" after them means "general" */
} Cls;

enum { HEAD_KANUN = 1, HEAD_TISHRIN, HEAD_RABI, HEAD_JUMADA, HEAD_DHU };
enum { T_FIRST = 1, T_SECOND, T_LAST, T_QIDA, T_HIJJA };
enum { UNIT_WEEK = 1, UNIT_MONTH, UNIT_YEAR };
enum { CUE_SINCE = 1, CUE_DURING, CUE_BEFORE, CUE_AFTER };

typedef struct
{
  const char *word;
  guint8      cls;
  gint8       value;
  guint8      ord;      /* day ordinal */
  guint8      tail;     /* second word of a month name */
  guint8      aux;
  guint8      clitics;  /* found after و، ف، ب، ل too */
} LexEntry;

#define MON(w, v, a)  { w, C_MONTH, v, 0, 0, a, 1 }
#define HMON(w, v)    { w, C_HMONTH, v, 0, 0, 0, 1 }
#define HEAD(w, v)    { w, C_MONTH_HEAD, v, 0, 0, 0, 1 }
#define WDAY(w, v)    { w, C_WEEKDAY, v, 0, 0, 0, 1 }
#define ORD(w, o, t)  { w, C_ORDINAL, 0, o, t, 0, 0 }
#define TAIL(w, t)    { w, C_NONE, 0, 0, t, 0, 0 }
#define W(w, c, v)    { w, c, v, 0, 0, 0, 1 }
#define WNC(w, c, v)  { w, c, v, 0, 0, 0, 0 }
#define WA(w, c, v, a) { w, c, v, 0, 0, a, 1 }

static const LexEntry lexicon_entries[] = {
  /* Egyptian / Gulf */
  MON ("يناير", 1, 0), MON ("فبراير", 2, 0), MON ("مارس", 3, 1), MON ("أبريل", 4, 0),
  MON ("إبريل", 4, 0), MON ("ابريل", 4, 0), MON ("مايو", 5, 1), MON ("يونيو", 6, 0),
  MON ("يونيه", 6, 0), MON ("يوليو", 7, 0), MON ("يوليه", 7, 0), MON ("أغسطس", 8, 0),
  MON ("اغسطس", 8, 0), MON ("أغسطوس", 8, 0), MON ("سبتمبر", 9, 0), MON ("أكتوبر", 10, 0),
  MON ("اكتوبر", 10, 0), MON ("نوفمبر", 11, 0), MON ("ديسمبر", 12, 0),
  /* Levantine / Iraqi */
  MON ("شباط", 2, 0), MON ("آذار", 3, 0), MON ("نيسان", 4, 1), MON ("أيار", 5, 0),
  MON ("حزيران", 6, 0), MON ("تموز", 7, 1), MON ("آب", 8, 1), MON ("أيلول", 9, 0),
  HEAD ("كانون", HEAD_KANUN), HEAD ("تشرين", HEAD_TISHRIN),
  /* Algerian / Tunisian */
  MON ("جانفي", 1, 0), MON ("فيفري", 2, 0), MON ("أفريل", 4, 0), MON ("ماي", 5, 2),
  MON ("جوان", 6, 2), MON ("جويلية", 7, 0), MON ("جويلة", 7, 0), MON ("أوت", 8, 0),
  /* Moroccan */
  MON ("يوليوز", 7, 0), MON ("غشت", 8, 0), MON ("شتنبر", 9, 0), MON ("نونبر", 11, 0),
  MON ("دجنبر", 12, 0),
  /* Hijri */
  HMON ("محرم", 1), HMON ("المحرم", 1), HMON ("صفر", 2), HMON ("رجب", 7), HMON ("شعبان", 8),
  HMON ("رمضان", 9), HMON ("شوال", 10), HMON ("ذوالقعدة", 11), HMON ("ذوالحجة", 12),
  HEAD ("ربيع", HEAD_RABI), HEAD ("جمادى", HEAD_JUMADA), HEAD ("جماد", HEAD_JUMADA),
  HEAD ("ذو", HEAD_DHU), HEAD ("ذي", HEAD_DHU),
  /* Second words of month names, and day ordinals */
  ORD ("الأول", 1, T_FIRST), ORD ("الثاني", 2, T_SECOND), ORD ("الثالث", 3, 0),
  ORD ("الرابع", 4, 0), ORD ("الخامس", 5, 0), ORD ("السادس", 6, 0), ORD ("السابع", 7, 0),
  ORD ("الثامن", 8, 0), ORD ("التاسع", 9, 0), ORD ("العاشر", 10, 0), ORD ("العشرين", 20, 0),
  ORD ("الثلاثين", 30, 0),
  { "الحادي", C_ORDINAL, 0, 1, 0, 1, 0 },
  WNC ("عشر", C_TEEN, 10), WNC ("والعشرين", C_TENS, 20), WNC ("والثلاثين", C_TENS, 30),
  TAIL ("الأولى", T_FIRST), TAIL ("ثاني", T_SECOND), TAIL ("الثانية", T_SECOND),
  TAIL ("الآخر", T_LAST), TAIL ("الآخرة", T_LAST), TAIL ("الأخير", T_LAST),
  TAIL ("القعدة", T_QIDA), TAIL ("الحجة", T_HIJJA),
  { "أول", C_AWWAL, 0, 0, T_FIRST, 0, 0 },
  /* Weekdays */
  WDAY ("الاثنين", 1), WDAY ("الإثنين", 1), WDAY ("الأثنين", 1), WDAY ("الثلاثاء", 2),
  WDAY ("الأربعاء", 3), WDAY ("الخميس", 4), WDAY ("الجمعة", 5), WDAY ("السبت", 6),
  WDAY ("الأحد", 7),
  /* Relative days */
  W ("اليوم", C_TODAY, 0), W ("أمس", C_YESTERDAY, -1), W ("الأمس", C_YESTERDAY, -1),
  W ("غدا", C_TOMORROW, 1), W ("غد", C_GHAD, 1), W ("الغد", C_GHAD, 1),
  W ("الليلة", C_TONIGHT, 0), W ("يوم", C_DAYWORD, 0), W ("يومين", C_DAYS, 2),
  W ("أيام", C_DAYS, 0), W ("أسبوع", C_WEEKS, 1), W ("أسبوعين", C_WEEKS, 2),
  /* Modifiers */
  WA ("الماضي", C_MOD, -1, 0), WA ("الماضية", C_MOD, -1, 0), WA ("المنصرم", C_MOD, -1, 0),
  WA ("المنصرمة", C_MOD, -1, 0), WA ("الفائت", C_MOD, -1, 0), WA ("الفائتة", C_MOD, -1, 0),
  WA ("السابق", C_MOD, -1, 1), WA ("السابقة", C_MOD, -1, 1), WA ("المقبل", C_MOD, 1, 0),
  WA ("المقبلة", C_MOD, 1, 0), WA ("القادم", C_MOD, 1, 0), WA ("القادمة", C_MOD, 1, 0),
  WA ("الجاري", C_MOD, 0, 0), WA ("الجارية", C_MOD, 0, 0), WA ("الحالي", C_MOD, 0, 1),
  WA ("الحالية", C_MOD, 0, 1),
  W ("هذا", C_THIS, 0), W ("هذه", C_THIS, 0),
  W ("الأسبوع", C_PERIOD, UNIT_WEEK), W ("الشهر", C_PERIOD, UNIT_MONTH),
  WA ("العام", C_YEARWORD, 0, 1), WA ("السنة", C_YEARWORD, 0, 1), W ("عام", C_YEARWORD, 0),
  W ("سنة", C_YEARWORD, 0), W ("لعام", C_YEARWORD, 0), W ("للعام", C_YEARWORD, 0),
  W ("عامي", C_YEARWORD, 0), W ("لسنة", C_YEARWORD, 0),
  W ("شهر", C_SHAHR, 0), W ("شهري", C_SHAHR, 0),
  W ("مطلع", C_PART, 0), W ("أوائل", C_PART, 0), W ("أواسط", C_PART, 0),
  W ("منتصف", C_PART, 0), W ("أواخر", C_PART, 0), W ("نهاية", C_PART, 0),
  W ("بداية", C_PART, 0), W ("مستهل", C_PART, 0), W ("بدايات", C_PART, 0),
  W ("نهايات", C_PART, 0), W ("أوخر", C_PART, 0),
  W ("صباح", C_TOD, 0), W ("مساء", C_TOD, 0), W ("ظهر", C_TOD, 0), W ("عصر", C_TOD, 0),
  W ("ليل", C_TOD, 0), W ("ليلة", C_TOD, 0), W ("فجر", C_TOD, 0), W ("ظهيرة", C_TOD, 0),
  W ("صبيحة", C_TOD, 0), W ("عشية", C_TOD, 0), W ("ضحى", C_TOD, 0),
  /* Function words */
  W ("في", C_IN, 0), W ("منذ", C_CUE, CUE_SINCE), W ("خلال", C_CUE, CUE_DURING),
  W ("قبل", C_CUE, CUE_BEFORE), W ("بعد", C_CUE, CUE_AFTER), W ("حتى", C_TO, 0),
  W ("إلى", C_TO, 0), W ("لغاية", C_TO, 0), WNC ("من", C_FROM, 0), WNC ("و", C_AND, 0),
  WNC ("أو", C_OR, 0), W ("بين", C_BETWEEN, 0), W ("الموافق", C_EQUIV, 0),
  W ("الموافقة", C_EQUIV, 0), W ("بتاريخ", C_ONDATE, 0), W ("تاريخ", C_ONDATE, 0),
  WNC ("م", C_GSUF, 0), WNC ("ميلادي", C_GSUF, 0), WNC ("ميلادية", C_GSUF, 0),
  WNC ("للميلاد", C_GSUF, 0), WNC ("الميلادي", C_GSUF, 0), WNC ("الميلادية", C_GSUF, 0),
  WNC ("ه", C_HSUF, 0), WNC ("هجري", C_HSUF, 0), WNC ("هجرية", C_HSUF, 0),
  WNC ("للهجرة", C_HSUF, 0), WNC ("الهجري", C_HSUF, 0), WNC ("الهجرية", C_HSUF, 0),
  WNC ("ال", C_ART, 0),
  W ("سوف", C_FUTURE, 0), W ("المقرر", C_FUTURE, 0), W ("مقرر", C_FUTURE, 0),
  W ("المرتقب", C_FUTURE, 0), W ("المرتقبة", C_FUTURE, 0), W ("المزمع", C_FUTURE, 0),
  W ("المزمعة", C_FUTURE, 0), W ("يعتزم", C_FUTURE, 0), W ("تعتزم", C_FUTURE, 0),
  W ("المنتظر", C_FUTURE, 0), W ("المنتظرة", C_FUTURE, 0), W ("المرتقبين", C_FUTURE, 0),
  W ("ذلك", C_NOTODAY, 0), W ("نفس", C_NOTODAY, 0), W ("ذات", C_NOTODAY, 0),
  W ("صحيفة", C_NOTODAY, 0), W ("جريدة", C_NOTODAY, 0), W ("مثل", C_NOTODAY, 0),
  W ("التالي", C_DAYADJ, 0), W ("الوطني", C_DAYADJ, 0), W ("العالمي", C_DAYADJ, 0),
  W ("الذي", C_DAYADJ, 0), W ("الدولي", C_DAYADJ, 0), W ("المحدد", C_DAYADJ, 0),
  W ("الموعود", C_DAYADJ, 0), W ("الختامي", C_DAYADJ, 0), W ("التاريخي", C_DAYADJ, 0),
  W ("العربي", C_DAYADJ, 0), W ("المفتوح", C_DAYADJ, 0), W ("نفسه", C_DAYADJ, 0),
  W ("ذاته", C_DAYADJ, 0), W ("المشهود", C_DAYADJ, 0),
  W ("الأمين", C_TITLE, 0), W ("القائد", C_TITLE, 0), W ("المدير", C_TITLE, 0),
  W ("النائب", C_TITLE, 0), W ("المدعي", C_TITLE, 0), W ("المراقب", C_TITLE, 0),
  W ("المرشد", C_TITLE, 0), W ("المفوض", C_TITLE, 0), W ("المفتش", C_TITLE, 0),
  W ("المنسق", C_TITLE, 0), W ("المشرف", C_TITLE, 0), W ("المستشار", C_TITLE, 0),
  W ("الرأي", C_TITLE, 0), W ("الأمن", C_TITLE, 0), W ("القطاع", C_TITLE, 0),
  W ("المؤتمر", C_TITLE, 0), W ("الإضراب", C_TITLE, 0), W ("المال", C_TITLE, 0),
};

static char *
normalize_word (const char *word)
{
  GString *s = g_string_new (NULL);

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar f = fold_char (g_utf8_get_char (p));
      if (f != 0)
        g_string_append_unichar (s, f);
    }
  return g_string_free (s, FALSE);
}

static GHashTable *
lexicon (void)
{
  static gsize initialised = 0;
  static GHashTable *table = NULL;

  if (g_once_init_enter (&initialised))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (gsize i = 0; i < G_N_ELEMENTS (lexicon_entries); i++)
        {
          char *key = normalize_word (lexicon_entries[i].word);
          const LexEntry *old = g_hash_table_lookup (t, key);

          /* Spelling variants that normalise alike must agree; one entry wins. */
          g_assert (old == NULL || (old->cls == lexicon_entries[i].cls &&
                                    old->value == lexicon_entries[i].value));
          if (old == NULL)
            g_hash_table_insert (t, key, (gpointer) &lexicon_entries[i]);
          else
            g_free (key);
        }
      table = t;
      g_once_init_leave (&initialised, 1);
    }
  return table;
}

#define AR_WAW "و"
#define AR_FA  "ف"
#define AR_BA  "ب"
#define AR_LAM "ل"

/* The entry of a normalised word, also behind one or two clitics (و، ف then ب، ل). */
static const LexEntry *
lex_lookup (GHashTable *table,
            const char *word,
            gsize       len,
            guint8     *clitic)
{
  const LexEntry *e = g_hash_table_lookup (table, word);
  const char *s = word;
  guint8 n = 0;

  *clitic = 0;
  if (e != NULL)
    return e;
  if (len < 6)
    return NULL;
  if (strncmp (s, AR_WAW, 2) == 0 || strncmp (s, AR_FA, 2) == 0)
    {
      s += 2;
      n++;
      e = g_hash_table_lookup (table, s);
      if (e != NULL && e->clitics)
        {
          *clitic = n;
          return e;
        }
    }
  if ((len - 2 * n) >= 6 && (strncmp (s, AR_BA, 2) == 0 || strncmp (s, AR_LAM, 2) == 0))
    {
      s += 2;
      n++;
      e = g_hash_table_lookup (table, s);
      if (e != NULL && e->clitics)
        {
          *clitic = n;
          return e;
        }
    }
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Tokens                                                                                    */

enum { T_WORD, T_NUM, T_PUNCT };
#define GAP_SPACE   1
#define GAP_NEWLINE 2

typedef struct
{
  gsize           char_start;
  gsize           char_end;
  gsize           byte_start;
  gsize           byte_end;
  const LexEntry *lex;
  guint32         norm;     /* offset of the NUL-terminated normalised word in the buffer */
  guint32         line;
  gint32          value;    /* numbers; -1 when too long */
  guint8          type;
  guint8          gap;      /* whitespace (GAP_SPACE) or a line break (GAP_NEWLINE) before */
  guint8          ndigits;
  guint8          clitic;
  char            punct;
} Token;

typedef struct
{
  GArray  *tokens;
  GString *buf;
} Lexed;

static void
lexed_clear (Lexed *lx)
{
  g_clear_pointer (&lx->tokens, g_array_unref);
  if (lx->buf)
    g_string_free (lx->buf, TRUE);
  lx->buf = NULL;
}

static void
finish_token (Lexed      *lx,
              Token      *cur,
              GHashTable *table)
{
  g_string_append_c (lx->buf, '\0');
  if (cur->type == T_WORD)
    {
      const char *w = lx->buf->str + cur->norm;
      cur->lex = lex_lookup (table, w, strlen (w), &cur->clitic);
    }
  g_array_append_val (lx->tokens, *cur);
}

/* Tokenises @text up to @max_chars characters. */
static void
lex_text (const char *text,
          gsize       max_chars,
          Lexed      *lx)
{
  GHashTable *table = lexicon ();
  const char *p = text;
  gsize ci = 0;
  guint32 line = 0;
  guint8 gap = GAP_SPACE | GAP_NEWLINE;
  Token cur = { 0 };
  int cur_kind = -1;

  lx->tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), 256);
  lx->buf = g_string_sized_new (256);

  while (*p && ci < max_chars)
    {
      guchar b0 = (guchar) p[0];
      gunichar c;
      const char *next;
      gunichar f;
      int k;

      /* ASCII and two-byte characters (Arabic) decoded here, as g_utf8_get_char_validated()
       * would: C2..DF and a continuation byte is a valid character */
      if (b0 < 0x80)
        {
          c = b0;
          next = p + 1;
        }
      else if (b0 >= 0xC2 && b0 <= 0xDF && ((guchar) p[1] & 0xC0) == 0x80)
        {
          c = ((gunichar) (b0 & 0x1F) << 6) | ((guchar) p[1] & 0x3F);
          next = p + 2;
        }
      else if ((gint32) (c = g_utf8_get_char_validated (p, -1)) < 0)
        {
          c = 0xFFFD;
          next = p + 1;
        }
      else
        next = g_utf8_next_char (p);
      f = fold_char (c);
      k = char_kind (f);

      if (k == K_IGNORE)
        {
          if (cur_kind >= 0)
            {
              cur.char_end = ci + 1;
              cur.byte_end = next - text;
            }
          goto advance;
        }
      if (cur_kind >= 0 && k != cur_kind)
        {
          finish_token (lx, &cur, table);
          cur_kind = -1;
        }
      switch (k)
        {
        case K_SPACE:
          gap |= GAP_SPACE;
          break;
        case K_NEWLINE:
          gap |= GAP_SPACE | GAP_NEWLINE;
          line++;
          break;
        case K_DIGIT:
        case K_LETTER:
          if (cur_kind < 0)
            {
              cur = (Token) { 0 };
              cur.type = k == K_DIGIT ? T_NUM : T_WORD;
              cur.char_start = ci;
              cur.byte_start = p - text;
              cur.norm = lx->buf->len;
              cur.line = line;
              cur.gap = gap;
              gap = 0;
              cur_kind = k;
            }
          if (k == K_DIGIT)
            {
              if (cur.ndigits < 9)
                cur.value = cur.value * 10 + (int) (f - '0');
              else
                cur.value = -1;
              if (cur.ndigits < 255)
                cur.ndigits++;
            }
          /* the UTF-8 of g_string_append_unichar(), without the call for the common cases */
          if (f < 0x80)
            g_string_append_c (lx->buf, (char) f);
          else if (f < 0x800)
            {
              g_string_append_c (lx->buf, (char) (0xC0 | (f >> 6)));
              g_string_append_c (lx->buf, (char) (0x80 | (f & 0x3F)));
            }
          else
            g_string_append_unichar (lx->buf, f);
          cur.char_end = ci + 1;
          cur.byte_end = next - text;
          break;
        case K_PUNCT:
        default:
          {
            Token t = { 0 };
            t.type = T_PUNCT;
            t.char_start = ci;
            t.char_end = ci + 1;
            t.byte_start = p - text;
            t.byte_end = next - text;
            t.norm = lx->buf->len;
            t.line = line;
            t.gap = gap;
            t.punct = punct_code (f);
            gap = 0;
            g_string_append_c (lx->buf, '\0');
            g_array_append_val (lx->tokens, t);
          }
          break;
        }
    advance:
      p = next;
      ci++;
    }
  if (cur_kind >= 0)
    finish_token (lx, &cur, table);
}

/* ------------------------------------------------------------------------------------------ */
/* Matching                                                                                  */

typedef struct
{
  const Token *t;
  guint        n;
  const char  *buf;
} P;

typedef struct
{
  RasdDateMention m;
  guint           first;  /* tokens, inclusive */
  guint           last;
} Raw;

static inline const LexEntry *
tlex (const P *p,
      guint    i)
{
  return i < p->n ? p->t[i].lex : NULL;
}

static inline int
tcls (const P *p,
      guint    i)
{
  const LexEntry *e = tlex (p, i);
  return e ? e->cls : C_NONE;
}

static inline gboolean
tpunct (const P *p,
        guint    i,
        char     c)
{
  return i < p->n && p->t[i].type == T_PUNCT && p->t[i].punct == c;
}

static inline gboolean
tnum (const P *p,
      guint    i)
{
  return i < p->n && p->t[i].type == T_NUM;
}

static inline gboolean
tword (const P *p,
       guint    i)
{
  return i < p->n && p->t[i].type == T_WORD;
}

static inline const char *
tnorm (const P *p,
       guint    i)
{
  return i < p->n ? p->buf + p->t[i].norm : "";
}

static inline gboolean
tattached (const P *p,
           guint    i)
{
  return i < p->n && p->t[i].gap == 0;
}

/* A day number 1..31 that is not part of a decimal, a time or a percentage. */
static gboolean
num_day (const P *p,
         guint    i,
         int     *day,
         guint   *end)
{
  const Token *t = &p->t[i];

  if (t->ndigits > 2 || t->value < 1 || t->value > 31)
    return FALSE;
  if (i >= 2 && tattached (p, i) && p->t[i - 1].type == T_PUNCT &&
      strchr (".,:", p->t[i - 1].punct) && tnum (p, i - 2) && tattached (p, i - 1))
    return FALSE;
  if (i + 2 < p->n && p->t[i + 1].type == T_PUNCT && strchr (".,:", p->t[i + 1].punct) &&
      tattached (p, i + 1) && tnum (p, i + 2) && tattached (p, i + 2))
    return FALSE;
  if (tpunct (p, i + 1, '%'))
    return FALSE;
  *day = t->value;
  *end = i + 1;
  return TRUE;
}

static gboolean
parse_day (const P *p,
           guint    i,
           int     *day,
           guint   *end)
{
  const LexEntry *e;

  if (tnum (p, i))
    return num_day (p, i, day, end);
  /* "ال26", "الـ 26" */
  if (tcls (p, i) == C_ART && tnum (p, i + 1))
    return num_day (p, i + 1, day, end);
  e = tlex (p, i);
  if (e != NULL && e->ord > 0 && p->t[i].clitic == 0)
    {
      int o = e->ord;
      guint j = i + 1;

      if (tcls (p, j) == C_TEEN && o <= 9)
        {
          o += 10;
          j++;
        }
      else if (tcls (p, j) == C_TENS && o <= 9)
        {
          o += tlex (p, j)->value;
          j++;
        }
      else if (e->aux)
        return FALSE;
      if (o < 1 || o > 31)
        return FALSE;
      *day = o;
      *end = j;
      return TRUE;
    }
  return FALSE;
}

typedef struct
{
  int      month;
  gboolean hijri;
  int      amb;
  gboolean paired;
  guint    end;
} MonthInfo;

static gboolean
parse_month_name (const P   *p,
                  guint      i,
                  MonthInfo *mi)
{
  const LexEntry *e = tlex (p, i);
  const LexEntry *t;
  int tail;

  if (e == NULL)
    return FALSE;
  mi->amb = 0;
  mi->paired = FALSE;
  switch (e->cls)
    {
    case C_MONTH:
      mi->month = e->value;
      mi->hijri = FALSE;
      mi->amb = e->aux;
      mi->end = i + 1;
      return TRUE;
    case C_HMONTH:
      mi->month = e->value;
      mi->hijri = TRUE;
      mi->end = i + 1;
      return TRUE;
    case C_MONTH_HEAD:
      t = tlex (p, i + 1);
      tail = t && p->t[i + 1].clitic == 0 ? t->tail : 0;
      mi->month = 0;
      switch (e->value)
        {
        case HEAD_KANUN:
          mi->month = tail == T_FIRST ? 12 : tail == T_SECOND ? 1 : 0;
          break;
        case HEAD_TISHRIN:
          mi->month = tail == T_FIRST ? 10 : tail == T_SECOND ? 11 : 0;
          break;
        case HEAD_RABI:
          mi->month = tail == T_FIRST ? 3 : (tail == T_SECOND || tail == T_LAST) ? 4 : 0;
          break;
        case HEAD_JUMADA:
          mi->month = tail == T_FIRST ? 5 : (tail == T_SECOND || tail == T_LAST) ? 6 : 0;
          break;
        case HEAD_DHU:
          mi->month = tail == T_QIDA ? 11 : tail == T_HIJJA ? 12 : 0;
          break;
        default:
          break;
        }
      if (mi->month == 0)
        return FALSE;
      mi->hijri = e->value >= HEAD_RABI;
      mi->end = i + 2;
      return TRUE;
    default:
      return FALSE;
    }
}

/* A month name, possibly followed by the same month in another naming system:
 * "مارس/آذار", "مارس (آذار)", "آب - أغسطس". */
static gboolean
parse_month (const P   *p,
             guint      i,
             MonthInfo *mi)
{
  MonthInfo m2;
  guint k;
  gboolean paren = FALSE;

  if (!parse_month_name (p, i, mi))
    return FALSE;
  if (mi->hijri)
    return TRUE;
  k = mi->end;
  if (tpunct (p, k, '/') || tpunct (p, k, '-') || tpunct (p, k, '\\') || tpunct (p, k, '|'))
    k++;
  else if (tpunct (p, k, '('))
    {
      paren = TRUE;
      k++;
    }
  else
    return TRUE;
  if (parse_month_name (p, k, &m2) && !m2.hijri && m2.month == mi->month)
    {
      guint e = m2.end;
      if (paren)
        {
          if (!tpunct (p, e, ')'))
            return TRUE;
          e++;
        }
      mi->end = e;
      mi->paired = TRUE;
      mi->amb = 0;
    }
  return TRUE;
}

enum { SUF_NONE, SUF_GREG, SUF_HIJRI };

/* [من] [عام] YYYY [م|هـ] */
static gboolean
parse_year (const P *p,
            guint    i,
            int     *year,
            int     *suffix,
            guint   *end)
{
  guint j = i;

  if (tcls (p, j) == C_FROM && tcls (p, j + 1) == C_YEARWORD)
    j++;
  if (tcls (p, j) == C_YEARWORD)
    j++;
  if (!tnum (p, j) || p->t[j].ndigits != 4)
    return FALSE;
  *year = p->t[j].value;
  j++;
  *suffix = SUF_NONE;
  if (tcls (p, j) == C_GSUF)
    {
      *suffix = SUF_GREG;
      j++;
    }
  else if (tcls (p, j) == C_HSUF)
    {
      *suffix = SUF_HIJRI;
      j++;
    }
  *end = j;
  return TRUE;
}

static gboolean
year_in_range (int      y,
               gboolean hijri)
{
  return hijri ? (y >= 1 && y <= 1600) : (y >= 1000 && y <= 2199);
}

/* "15/3/2023", "2023-03-15", "14 / 10 / 1436هـ". */
static guint
parse_numeric (const P *p,
               guint    i,
               Raw     *r)
{
  char sep;
  const Token *a, *b, *c;
  int y, m, d, suffix = SUF_NONE;
  guint j;
  gboolean hijri;

  if (!tnum (p, i) || i + 4 >= p->n || p->t[i + 1].type != T_PUNCT)
    return 0;
  sep = p->t[i + 1].punct;
  if (sep != '/' && sep != '-' && sep != '.')
    return 0;
  if (!tnum (p, i + 2) || !tpunct (p, i + 3, sep) || !tnum (p, i + 4))
    return 0;
  if (i >= 2 && tnum (p, i - 2) && tpunct (p, i - 1, sep))
    return 0;
  if (tpunct (p, i + 5, sep) && tnum (p, i + 6))
    return 0;
  if (sep == '.' && (p->t[i + 1].gap || p->t[i + 2].gap || p->t[i + 3].gap || p->t[i + 4].gap))
    return 0;
  a = &p->t[i];
  b = &p->t[i + 2];
  c = &p->t[i + 4];
  if (a->ndigits == 4 && b->ndigits <= 2 && c->ndigits <= 2)
    {
      y = a->value;
      m = b->value;
      d = c->value;
    }
  else if (c->ndigits == 4 && a->ndigits <= 2 && b->ndigits <= 2)
    {
      d = a->value;
      m = b->value;
      y = c->value;
      if (m > 12 && d <= 12)
        {
          int tmp = m;
          m = d;
          d = tmp;
        }
    }
  else
    return 0;
  j = i + 5;
  if (tcls (p, j) == C_GSUF)
    {
      suffix = SUF_GREG;
      j++;
    }
  else if (tcls (p, j) == C_HSUF)
    {
      suffix = SUF_HIJRI;
      j++;
    }
  hijri = suffix == SUF_HIJRI || (suffix == SUF_NONE && y >= 1300 && y <= 1500);
  if (hijri)
    {
      if (m < 1 || m > 12 || d < 1 || d > 30 || y < 1)
        return 0;
    }
  else if (y < 1800 || y > 2199 || !rasd_date_is_valid (y, m, d))
    return 0;
  r->m.kind = RASD_DATE_KIND_ABSOLUTE;
  r->m.stated = (RasdDate) { y, m, d, RASD_DATE_PRECISION_DAY };
  if (hijri)
    r->m.flags |= RASD_DATE_FLAG_HIJRI;
  return j;
}

#define NO_MOD 99

static gboolean
day_fits (int      day,
          int      month,
          int      year,
          gboolean hijri)
{
  if (hijri)
    return day >= 1 && day <= 30;
  if (year)
    return rasd_date_is_valid (year, month, day);
  return day >= 1 && day <= rasd_date_days_in_month (2000, month);
}

/* Day(s), month, year: "15 مارس 2023", "10-11 مايو 2010", "من 19 إلى 22 فبراير", "السادس
 * والعشرين من فبراير", "مارس 2023", "ديسمبر الماضي", "26 شوال 1436 هـ", numeric dates.
 * @last_end is the token after the previous mention (for "شهري مارس وأبريل"). */
static guint
parse_calendar (const P *p,
                guint    i,
                guint    last_end,
                Raw     *r)
{
  MonthInfo mi;
  int d1 = 0, d2 = 0, y = 0, suffix = SUF_NONE, mod = NO_MOD, year_offset = NO_MOD;
  guint j = i, e;

  if ((e = parse_numeric (p, i, r)))
    return e;

  if (parse_day (p, j, &d1, &j))
    {
      guint k = j, k2;
      int dd;

      if ((tpunct (p, k, '-') || tcls (p, k) == C_AND || tcls (p, k) == C_OR ||
           tcls (p, k) == C_TO) && p->t[k].clitic == 0 &&
          parse_day (p, k + 1, &dd, &k2) && dd > d1)
        {
          d2 = dd;
          j = k2;
        }
      if (tcls (p, j) == C_FROM)
        j++;
      if (!parse_month (p, j, &mi))
        {
          /* "29 من الشهر الجاري" */
          const LexEntry *pe = tlex (p, j);
          if (pe && pe->cls == C_PERIOD && pe->value == UNIT_MONTH && tcls (p, j + 1) == C_MOD)
            {
              r->m.kind = RASD_DATE_KIND_MONTH_OFFSET;
              r->m.offset = tlex (p, j + 1)->value;
              r->m.stated = (RasdDate) { 0, 0, d1, RASD_DATE_PRECISION_DAY };
              r->m.flags |= RASD_DATE_FLAG_RELATIVE;
              if (d2)
                {
                  r->m.stated_end = (RasdDate) { 0, 0, d2, RASD_DATE_PRECISION_DAY };
                  r->m.flags |= RASD_DATE_FLAG_RANGE;
                }
              return j + 2;
            }
          return 0;
        }
    }
  else if (!parse_month (p, j, &mi))
    return 0;
  else
    d1 = 0;

  j = mi.end;
  if (parse_year (p, j, &y, &suffix, &e))
    {
      if (year_in_range (y, mi.hijri))
        j = e;
      else
        y = 0;
    }
  if (y == 0 && !mi.hijri && tcls (p, j) == C_MOD && p->t[j].clitic == 0)
    {
      mod = tlex (p, j)->value;
      j++;
    }
  else if (y == 0 && !mi.hijri && tcls (p, j) == C_FROM)
    {
      /* "مايو من العام الماضي", "مارس من هذا العام" */
      guint q = j + 1;
      gboolean this = tcls (p, q) == C_THIS;
      const LexEntry *ye;

      if (this)
        q++;
      ye = tlex (p, q);
      if (ye && ye->cls == C_YEARWORD && ye->aux && p->t[q].clitic == 0)
        {
          if (this)
            {
              year_offset = 0;
              j = q + 1;
            }
          else if (tcls (p, q + 1) == C_MOD && p->t[q + 1].clitic == 0)
            {
              year_offset = tlex (p, q + 1)->value;
              j = q + 2;
            }
        }
    }

  if (mi.hijri && y == 0)
    return 0;
  if (d1 == 0 && y == 0 && mod == NO_MOD && year_offset == NO_MOD && !mi.paired)
    {
      int prev = tcls (p, i - 1);
      gboolean cue = prev == C_IN || prev == C_CUE || prev == C_TO || prev == C_SHAHR ||
                     prev == C_PART || prev == C_FROM || prev == C_BETWEEN;

      if (!cue && i > 0 && last_end != G_MAXUINT &&
          (((prev == C_AND || tpunct (p, i - 1, ',')) && last_end == i - 1) ||
           (p->t[i].clitic > 0 && last_end == i)))
        cue = TRUE;
      if (!cue || mi.amb >= 2)
        return 0;
    }
  if (d1 && !day_fits (d1, mi.month, y, mi.hijri))
    return 0;
  if (d2 && !day_fits (d2, mi.month, y, mi.hijri))
    return 0;

  if (year_offset != NO_MOD)
    {
      r->m.kind = RASD_DATE_KIND_YEAR_OFFSET;
      mod = year_offset;
    }
  else
    r->m.kind = mod != NO_MOD ? RASD_DATE_KIND_NAMED_MONTH : RASD_DATE_KIND_ABSOLUTE;
  r->m.offset = mod != NO_MOD ? mod : 0;
  r->m.stated = (RasdDate) { y, mi.month, d1,
                             d1 ? RASD_DATE_PRECISION_DAY : RASD_DATE_PRECISION_MONTH };
  if (d2)
    {
      r->m.stated_end = (RasdDate) { y, mi.month, d2, RASD_DATE_PRECISION_DAY };
      r->m.flags |= RASD_DATE_FLAG_RANGE;
    }
  if (mi.hijri)
    r->m.flags |= RASD_DATE_FLAG_HIJRI;
  if (mod != NO_MOD)
    {
      r->m.flags |= RASD_DATE_FLAG_RELATIVE;
      if (mod < 0)
        r->m.flags |= RASD_DATE_FLAG_PAST;
      else if (mod > 0)
        r->m.flags |= RASD_DATE_FLAG_FUTURE;
    }
  return j;
}

/* Whether "اليوم" at @i can be read as the day of writing rather than "the day". */
static gboolean
today_ok (const P *p,
          guint    i)
{
  int prev = tcls (p, i - 1);
  const LexEntry *next = tlex (p, i + 1);

  if (prev == C_NOTODAY || prev == C_THIS)
    return FALSE;
  /* A byline "عين اليوم – جدة" or a name in quotes "«اليوم»". */
  if (tpunct (p, i + 1, '-'))
    return FALSE;
  if (tpunct (p, i - 1, '"') && tpunct (p, i + 1, '"'))
    return FALSE;
  /* "اليوم التالي", "اليوم الوطني", "اليوم الأول من الزيارة". */
  if (next != NULL && p->t[i + 1].clitic == 0 &&
      (next->cls == C_DAYADJ || next->cls == C_ORDINAL || next->tail != 0))
    return FALSE;
  return TRUE;
}

static void
set_direction_flags (Raw *r,
                     int  offset)
{
  if (offset < 0)
    r->m.flags |= RASD_DATE_FLAG_PAST;
  else if (offset > 0)
    r->m.flags |= RASD_DATE_FLAG_FUTURE;
}

/* After a relative day: an optional weekday "(الثلاثاء)" and an optional date. */
static guint
relative_tail (const P *p,
               guint    first,
               guint    j,
               int      offset,
               Raw     *r)
{
  int wd = 0;
  guint k = j;
  gboolean paren = FALSE;
  Raw cal = { 0 };
  guint e;

  if (tpunct (p, k, '('))
    {
      paren = TRUE;
      k++;
    }
  else if (tpunct (p, k, ','))
    k++;
  if (tcls (p, k) == C_WEEKDAY && p->t[k].clitic == 0)
    {
      wd = tlex (p, k)->value;
      k++;
      if (paren)
        {
          if (tpunct (p, k, ')'))
            k++;
          else
            wd = 0;
        }
      if (wd)
        j = k;
    }

  k = j;
  if (tpunct (p, k, ','))
    k++;
  e = parse_calendar (p, k, G_MAXUINT, &cal);
  if (e && cal.m.stated.day && !(cal.m.flags & RASD_DATE_FLAG_RANGE) &&
      (cal.m.kind == RASD_DATE_KIND_ABSOLUTE || cal.m.kind == RASD_DATE_KIND_NAMED_MONTH))
    {
      *r = cal;
      r->m.flags |= RASD_DATE_FLAG_TODAY;
      r->m.offset = offset;
      if (wd)
        {
          r->m.weekday = wd;
          r->m.flags |= RASD_DATE_FLAG_HAS_WEEKDAY;
        }
      r->first = first;
      return e;
    }

  r->m.kind = RASD_DATE_KIND_DAY_OFFSET;
  r->m.offset = offset;
  r->m.flags |= RASD_DATE_FLAG_RELATIVE;
  set_direction_flags (r, offset);
  if (wd)
    {
      r->m.weekday = wd;
      r->m.flags |= RASD_DATE_FLAG_HAS_WEEKDAY;
    }
  r->first = first;
  return j;
}

static guint
parse_relative (const P *p,
                guint    i,
                Raw     *r)
{
  int off;
  guint j;
  const LexEntry *next;

  switch (tcls (p, i))
    {
    case C_TODAY:
      if (!today_ok (p, i))
        return 0;
      off = 0;
      j = i + 1;
      break;
    case C_YESTERDAY:
      next = tlex (p, i + 1);
      if (next && next->cls == C_ORDINAL && next->ord == 1 && p->t[i + 1].clitic == 0)
        {
          off = -2;
          j = i + 2;
        }
      else if (strcmp (tnorm (p, i + 1), "القريب") == 0)
        return 0;               /* "بالأمس القريب": recently */
      else
        {
          off = -1;
          j = i + 1;
        }
      break;
    case C_TOMORROW:
      off = 1;
      j = i + 1;
      break;
    case C_AWWAL:
      if (tcls (p, i + 1) == C_FROM && tcls (p, i + 2) == C_YESTERDAY)
        j = i + 3;
      else if (tcls (p, i + 1) == C_YESTERDAY)
        j = i + 2;
      else
        return 0;
      off = -2;
      break;
    case C_TONIGHT:
      if (tcls (p, i + 1) == C_MOD && tlex (p, i + 1)->value < 0)
        {
          off = -1;
          j = i + 2;
        }
      else
        {
          off = 0;
          j = i + 1;
        }
      break;
    case C_GHAD:
      /* "يوم غد", "صباح الغد"; "بعد غد" is read at بعد. */
      if (tcls (p, i - 1) != C_TOD && tcls (p, i - 1) != C_DAYWORD)
        return 0;
      off = 1;
      j = i + 1;
      break;
    default:
      return 0;
    }
  return relative_tail (p, i, j, off, r);
}

static guint
parse_weekday (const P *p,
               guint    i,
               Raw     *r)
{
  int wd = tlex (p, i)->value;
  guint j = i + 1, k = j, e;
  gboolean paren = FALSE;
  Raw cal = { 0 };

  if (tcls (p, j) == C_TEEN)
    return 0;                   /* "الأحد عشر": eleven */
  if (tpunct (p, k, ','))
    k++;
  if (tcls (p, k) == C_DAYWORD || tcls (p, k) == C_EQUIV)
    k++;
  if (tpunct (p, k, '('))
    {
      paren = TRUE;
      k++;
    }
  e = parse_calendar (p, k, G_MAXUINT, &cal);
  if (e && cal.m.stated.day &&
      (cal.m.kind == RASD_DATE_KIND_ABSOLUTE || cal.m.kind == RASD_DATE_KIND_NAMED_MONTH) &&
      (!paren || tpunct (p, e, ')')))
    {
      *r = cal;
      if (paren)
        e++;
      r->first = i;
      r->m.weekday = wd;
      r->m.flags |= RASD_DATE_FLAG_HAS_WEEKDAY;
      return e;
    }

  r->m.kind = RASD_DATE_KIND_WEEKDAY;
  r->m.weekday = wd;
  r->m.flags |= RASD_DATE_FLAG_RELATIVE | RASD_DATE_FLAG_HAS_WEEKDAY;
  if (tcls (p, j) == C_MOD && p->t[j].clitic == 0 && tlex (p, j)->value != 0)
    {
      r->m.offset = tlex (p, j)->value;
      set_direction_flags (r, r->m.offset);
      j++;
    }
  else
    {
      if (tcls (p, j) == C_MOD && p->t[j].clitic == 0)
        j++;
      r->m.offset = 0;
      r->m.flags |= RASD_DATE_FLAG_WEEKDAY_ONLY;
    }
  /* "ليل الأحد - الاثنين" */
  if (tpunct (p, j, '-') && tcls (p, j + 1) == C_WEEKDAY)
    j += 2;
  r->first = i;
  return j;
}

static gboolean
is_definite_word (const P *p,
                  guint    i)
{
  return tword (p, i) && g_str_has_prefix (tnorm (p, i), "ال");
}

/* "الشهر الماضي", "العام المقبل", "الأسبوع الجاري"; @this for "هذا العام". */
static guint
parse_period (const P *p,
              guint    i,
              gboolean this,
              Raw     *r)
{
  const LexEntry *e = tlex (p, i);
  const LexEntry *mod;
  int unit, offset;
  guint j;

  if (e == NULL || p->t[i].clitic > 1)
    return 0;
  if (e->cls == C_PERIOD)
    unit = e->value;
  else if (e->cls == C_YEARWORD && e->aux)
    unit = UNIT_YEAR;
  else
    return 0;

  if (this)
    {
      offset = 0;
      j = i + 1;
    }
  else
    {
      if (tcls (p, i + 1) != C_MOD || p->t[i + 1].clitic)
        return 0;
      mod = tlex (p, i + 1);
      if (unit == UNIT_YEAR)
        {
          /* "الأمين العام السابق" is a former secretary general. */
          if (tcls (p, i - 1) == C_TITLE && p->t[i].clitic == 0)
            return 0;
          if (mod->aux && is_definite_word (p, i - 1) && p->t[i].clitic == 0)
            return 0;
        }
      offset = mod->value;
      j = i + 2;
    }
  r->m.kind = unit == UNIT_WEEK ? RASD_DATE_KIND_WEEK_OFFSET
            : unit == UNIT_MONTH ? RASD_DATE_KIND_MONTH_OFFSET : RASD_DATE_KIND_YEAR_OFFSET;
  r->m.offset = offset;
  r->m.flags |= RASD_DATE_FLAG_RELATIVE;
  set_direction_flags (r, offset);
  r->first = i;
  return j;
}

static gboolean
year_follow_ok (const P *p,
                guint    j)
{
  const char *w;

  if (j >= p->n || p->t[j].type != T_WORD || (p->t[j].gap & GAP_NEWLINE))
    return TRUE;
  if (tcls (p, j) == C_TO || tcls (p, j) == C_AND || tcls (p, j) == C_GSUF || tcls (p, j) == C_HSUF)
    return TRUE;
  w = tnorm (p, j);
  /* A following clause "منذ 2011 وهي..." rather than a counted noun "في 2000 منزل". */
  return strncmp (w, AR_WAW, 2) == 0 || strncmp (w, AR_FA, 2) == 0;
}

/* "عام 2015", "العام 2011", "عامي 2010 و2015", "في 2015", "2014م", "1436 هـ". */
static guint
parse_year_expr (const P *p,
                 guint    i,
                 guint    last_end,
                 Raw     *r)
{
  guint first = i, j;
  int y, y2 = 0, suffix = SUF_NONE;
  gboolean hijri;

  if (tcls (p, i) == C_YEARWORD)
    {
      j = i + 1;
      if (!tnum (p, j) || p->t[j].ndigits != 4)
        return 0;
    }
  else if (tnum (p, i) && p->t[i].ndigits == 4)
    j = i;
  else
    return 0;

  y = p->t[j].value;
  j++;
  /* "2014م"; a spaced "2000 م" may be metres. */
  if (tcls (p, j) == C_GSUF && (tcls (p, first) == C_YEARWORD || tattached (p, j) ||
                                strcmp (tnorm (p, j), "م") != 0))
    {
      suffix = SUF_GREG;
      j++;
    }
  else if (tcls (p, j) == C_HSUF)
    {
      suffix = SUF_HIJRI;
      j++;
    }
  hijri = suffix == SUF_HIJRI;

  if (tcls (p, first) != C_YEARWORD && suffix == SUF_NONE)
    {
      /* A bare number: only after a cue, in 1900..2100, and not a count. */
      int prev = tcls (p, i - 1);
      gboolean cue = prev == C_IN || prev == C_CUE || prev == C_TO || prev == C_FROM ||
                     prev == C_BETWEEN || prev == C_PART || prev == C_ONDATE;

      /* the second year of "2011-2015", "2011 و2015" */
      if (!cue && i > 0 && last_end != G_MAXUINT && last_end == i - 1 &&
          (prev == C_AND || tpunct (p, i - 1, '-')))
        cue = TRUE;
      if (!cue || y < 1900 || y > 2100 || !year_follow_ok (p, j))
        return 0;
    }
  if (!year_in_range (y, hijri))
    return 0;

  /* "عامي 2010 و2015", "العام 2010-2015" */
  if (tcls (p, first) == C_YEARWORD &&
      (tcls (p, j) == C_AND || tpunct (p, j, '-') || tcls (p, j) == C_TO) &&
      tnum (p, j + 1) && p->t[j + 1].ndigits == 4 && p->t[j + 1].value > y &&
      p->t[j + 1].value - y <= 100)
    {
      y2 = p->t[j + 1].value;
      j += 2;
      if (tcls (p, j) == C_GSUF || (hijri && tcls (p, j) == C_HSUF))
        j++;
    }

  r->m.kind = RASD_DATE_KIND_ABSOLUTE;
  r->m.stated = (RasdDate) { y, 0, 0, RASD_DATE_PRECISION_YEAR };
  if (y2)
    {
      r->m.stated_end = (RasdDate) { y2, 0, 0, RASD_DATE_PRECISION_YEAR };
      r->m.flags |= RASD_DATE_FLAG_RANGE;
    }
  if (hijri)
    r->m.flags |= RASD_DATE_FLAG_HIJRI;
  r->first = first;
  return j;
}

/* "قبل يومين", "منذ 3 أيام", "بعد غد", "قبل أسبوعين". */
static guint
parse_cue_relative (const P *p,
                    guint    i,
                    Raw     *r)
{
  int cue = tlex (p, i)->value;
  int sign;
  guint j = i + 1;

  if (cue == CUE_AFTER)
    sign = 1;
  else if (cue == CUE_BEFORE || cue == CUE_SINCE)
    sign = -1;
  else
    return 0;

  if (sign > 0 && tcls (p, j) == C_GHAD)
    return relative_tail (p, i, j + 1, 2, r);
  if (tcls (p, j) == C_DAYS && tlex (p, j)->value == 2)
    return relative_tail (p, i, j + 1, 2 * sign, r);
  if (tnum (p, j) && p->t[j].value >= 1 && p->t[j].value <= 10 && tcls (p, j + 1) == C_DAYS &&
      tlex (p, j + 1)->value == 0)
    {
      r->m.kind = RASD_DATE_KIND_DAY_OFFSET;
      r->m.offset = sign * p->t[j].value;
      r->m.flags |= RASD_DATE_FLAG_RELATIVE;
      set_direction_flags (r, r->m.offset);
      r->first = i;
      return j + 2;
    }
  if (tcls (p, j) == C_WEEKS)
    {
      r->m.kind = RASD_DATE_KIND_WEEK_OFFSET;
      r->m.offset = sign * tlex (p, j)->value;
      r->m.flags |= RASD_DATE_FLAG_RELATIVE;
      set_direction_flags (r, r->m.offset);
      r->first = i;
      return j + 1;
    }
  return 0;
}

static guint
try_parse (const P *p,
           guint    i,
           guint    last_end,
           Raw     *r)
{
  const Token *t = &p->t[i];
  const LexEntry *e = t->lex;
  guint end;

  r->first = i;
  if (t->type == T_NUM)
    {
      if ((end = parse_calendar (p, i, last_end, r)))
        return end;
      *r = (Raw) { 0 };
      r->first = i;
      return parse_year_expr (p, i, last_end, r);
    }
  if (e == NULL)
    return 0;

  switch (e->cls)
    {
    case C_DAYWORD:
      if (t->clitic > 1)
        return 0;
      switch (tcls (p, i + 1))
        {
        case C_WEEKDAY:
          end = parse_weekday (p, i + 1, r);
          break;
        case C_TODAY:
        case C_YESTERDAY:
          end = parse_relative (p, i + 1, r);
          break;
        case C_GHAD:
          end = relative_tail (p, i, i + 2, 1, r);
          break;
        default:
          if (tnum (p, i + 1) || tcls (p, i + 1) == C_ART || tcls (p, i + 1) == C_ORDINAL)
            {
              end = parse_calendar (p, i + 1, last_end, r);
              if (end && r->m.stated.day == 0)
                end = 0;
            }
          else
            end = 0;
          break;
        }
      if (end)
        r->first = i;
      return end;

    case C_CUE:
      return parse_cue_relative (p, i, r);

    case C_TODAY:
    case C_YESTERDAY:
    case C_TOMORROW:
    case C_AWWAL:
    case C_TONIGHT:
    case C_GHAD:
      return parse_relative (p, i, r);

    case C_WEEKDAY:
      return parse_weekday (p, i, r);

    case C_THIS:
      {
        const LexEntry *n = tlex (p, i + 1);
        if (n && (n->cls == C_PERIOD || (n->cls == C_YEARWORD && n->aux)) && p->t[i + 1].clitic == 0)
          {
            end = parse_period (p, i + 1, TRUE, r);
            if (end)
              r->first = i;
            return end;
          }
        return 0;
      }

    case C_PERIOD:
      return parse_period (p, i, FALSE, r);

    case C_YEARWORD:
      if ((end = parse_year_expr (p, i, last_end, r)))
        return end;
      *r = (Raw) { 0 };
      r->first = i;
      return parse_period (p, i, FALSE, r);

    case C_ART:
    case C_ORDINAL:
    case C_MONTH:
    case C_MONTH_HEAD:
    case C_HMONTH:
      return parse_calendar (p, i, last_end, r);

    default:
      return 0;
    }
}

/* A verb in the future ("سيزور", "ستجري") or a word announcing a plan, a few words before. */
static gboolean
is_future_verb (const char *w)
{
  static const char *const not_verbs[] = {
    "سياس", "سيار", "سيد", "سيطر", "سياد", "سياح", "سياق", "سينا", "سيول", "سيرغ", "سيرج",
    "سيره", "ستار", "ستين", "ستون", "ستراتيج", "ستيف", "ستوك", "ستال", "ستاد", "سنوات",
    "سنوي", "سنين", "سنغا", "سيبير", "سيدن", "سينم", "سيشل", "سيمون", "سيسي", "سيكو", "ستوديو",
    "سيناريو", "سيريلانك", "ستانبول", "سيول", "سيتي", "سيلفا",
  };
  gsize len;

  if (strncmp (w, AR_WAW, 2) == 0 || strncmp (w, AR_FA, 2) == 0)
    w += 2;
  /* سـ then the prefix of the imperfect: سيـ، ستـ */
  if (!g_str_has_prefix (w, "سي") && !g_str_has_prefix (w, "ست"))
    return FALSE;
  len = g_utf8_strlen (w, -1);
  if (len < 4)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (not_verbs); i++)
    if (g_str_has_prefix (w, not_verbs[i]))
      return FALSE;
  return TRUE;
}

static gboolean
future_marker_before (const P *p,
                      guint    i)
{
  for (guint k = 1; k <= 8 && k <= i; k++)
    {
      const Token *t = &p->t[i - k];

      if (t->type == T_PUNCT && strchr (".?!;", t->punct))
        return FALSE;
      if (t->type == T_WORD)
        {
          if (t->lex && t->lex->cls == C_FUTURE)
            return TRUE;
          if (t->lex == NULL && is_future_verb (p->buf + t->norm))
            return TRUE;
        }
      if (t->gap & GAP_NEWLINE)
        return FALSE;
    }
  return FALSE;
}

static gboolean
only_connector_between (const P *p,
                        guint    a_last,
                        guint    b_first,
                        gboolean allow_and,
                        int     *connector)
{
  guint k = a_last + 1;

  if (b_first != k + 1)
    return FALSE;
  *connector = tpunct (p, k, '-') ? '-' : tcls (p, k);
  if (*connector == '-' || *connector == C_TO)
    return TRUE;
  return allow_and && *connector == C_AND;
}

/* Joins "من 28 فبراير إلى 2 مارس 2022", "بين 2010 و2015"; gives "9 مارس و23 مايو 1981" its
 * year; marks الموافق pairs. */
static void
post_process (const P *p,
              GArray  *raws)
{
  for (guint k = 0; k + 1 < raws->len; k++)
    {
      Raw *a = &g_array_index (raws, Raw, k);
      Raw *b = &g_array_index (raws, Raw, k + 1);
      int connector = 0;
      int lead = tcls (p, a->first - 1);

      /* الموافق */
      if (b->first > a->last + 1 && b->first <= a->last + 4)
        {
          guint q = a->last + 1;
          if (tpunct (p, q, ','))
            q++;
          if (tcls (p, q) == C_EQUIV)
            {
              q++;
              if (tword (p, q) && strcmp (tnorm (p, q), AR_LAM) == 0)
                q++;
              if (q == b->first)
                {
                  a->m.flags |= RASD_DATE_FLAG_EQUIVALENT;
                  b->m.flags |= RASD_DATE_FLAG_EQUIVALENT;
                  continue;
                }
            }
        }

      if (a->m.kind != RASD_DATE_KIND_ABSOLUTE || b->m.kind != RASD_DATE_KIND_ABSOLUTE ||
          (a->m.flags & RASD_DATE_FLAG_RANGE) || (b->m.flags & RASD_DATE_FLAG_RANGE) ||
          ((a->m.flags ^ b->m.flags) & RASD_DATE_FLAG_HIJRI) || b->m.stated.year == 0)
        continue;

      if (only_connector_between (p, a->last, b->first, lead == C_BETWEEN, &connector) &&
          (lead == C_FROM || lead == C_BETWEEN || connector == '-' || connector == C_TO) &&
          a->m.stated.precision == b->m.stated.precision)
        {
          RasdDate s = a->m.stated;

          if (s.year == 0)
            s.year = s.month > b->m.stated.month ? b->m.stated.year - 1 : b->m.stated.year;
          if (rasd_date_compare (&s, &b->m.stated) >= 0)
            continue;
          a->m.stated = s;
          a->m.stated_end = b->m.stated;
          a->m.flags |= RASD_DATE_FLAG_RANGE | (b->m.flags & RASD_DATE_FLAG_HAS_WEEKDAY);
          a->last = b->last;
          g_array_remove_index (raws, k + 1);
          k--;
          continue;
        }

      /* "في 9 مارس و23 مايو 1981": the year written once for both. */
      if (a->m.stated.year == 0 && a->m.stated.month != 0 && b->first <= a->last + 3)
        {
          gboolean joined = TRUE;
          for (guint q = a->last + 1; q < b->first; q++)
            if (!(tcls (p, q) == C_AND || tpunct (p, q, ',') || tcls (p, q) == C_TO))
              joined = FALSE;
          if (joined && b->m.stated.month != 0)
            {
              a->m.stated.year = a->m.stated.month > b->m.stated.month ? b->m.stated.year - 1
                                                                      : b->m.stated.year;
              if (a->m.flags & RASD_DATE_FLAG_RANGE)
                a->m.stated_end.year = a->m.stated.year;
            }
        }
    }
}

/* Moves a span start past the clitic letters ("و" of "ونوفمبر") the lexicon looked behind. */
static void
skip_clitic (const char  *text,
             const Token *t,
             gsize       *char_start,
             gsize       *byte_start)
{
  const char *p = text + t->byte_start;
  const char *end = text + t->byte_end;
  gsize c = t->char_start;
  guint n = t->clitic;

  while (n > 0 && p < end)
    {
      if (fold_char (g_utf8_get_char (p)) != 0)
        n--;
      p = g_utf8_next_char (p);
      c++;
    }
  while (p < end && fold_char (g_utf8_get_char (p)) == 0)
    {
      p = g_utf8_next_char (p);
      c++;
    }
  *char_start = c;
  *byte_start = p - text;
}

/* Scans @text (up to @max_chars) into raw mentions. */
static GArray *
scan_text (const char *text,
           gsize       max_chars,
           Lexed      *lx)
{
  GArray *raws = g_array_new (FALSE, TRUE, sizeof (Raw));
  P p;
  guint last_end = G_MAXUINT;

  lex_text (text, max_chars, lx);
  p.t = (const Token *) lx->tokens->data;
  p.n = lx->tokens->len;
  p.buf = lx->buf->str;

  for (guint i = 0; i < p.n;)
    {
      Raw r = { 0 };
      guint end = try_parse (&p, i, last_end, &r);

      if (end > i)
        {
          r.last = end - 1;
          if (!(r.m.flags & (RASD_DATE_FLAG_PAST | RASD_DATE_FLAG_FUTURE)))
            {
              if (tcls (&p, r.first - 1) == C_CUE && tlex (&p, r.first - 1)->value == CUE_SINCE)
                r.m.flags |= RASD_DATE_FLAG_PAST;
              else if (future_marker_before (&p, r.first))
                r.m.flags |= RASD_DATE_FLAG_FUTURE;
            }
          g_array_append_val (raws, r);
          last_end = end;
          i = end;
        }
      else
        i++;
    }

  post_process (&p, raws);

  for (guint k = 0; k < raws->len; k++)
    {
      Raw *r = &g_array_index (raws, Raw, k);
      const Token *a = &p.t[r->first];
      const Token *b = &p.t[r->last];

      r->m.start = a->char_start;
      r->m.byte_start = a->byte_start;
      if (a->clitic > 0)
        skip_clitic (text, a, &r->m.start, &r->m.byte_start);
      r->m.end = b->char_end;
      r->m.byte_end = b->byte_end;
      r->m.line = a->line;

      /* A bare weekday goes on in the tense of the mention just before it:
       * "سيصل الوفد يوم غد الأحد ... ثم يسافر إلى عمّان يوم الاثنين". */
      if (k > 0 && (r->m.flags & RASD_DATE_FLAG_WEEKDAY_ONLY) &&
          !(r->m.flags & (RASD_DATE_FLAG_PAST | RASD_DATE_FLAG_FUTURE)))
        {
          const RasdDateMention *prev = &g_array_index (raws, Raw, k - 1).m;
          if (prev->line == r->m.line && r->m.start - prev->end <= 250 &&
              (prev->flags & RASD_DATE_FLAG_FUTURE))
            r->m.flags |= RASD_DATE_FLAG_FUTURE;
        }
    }
  return raws;
}

static GArray *
mentions_from_raws (GArray *raws)
{
  GArray *out = g_array_sized_new (FALSE, TRUE, sizeof (RasdDateMention), raws->len);

  for (guint k = 0; k < raws->len; k++)
    g_array_append_val (out, g_array_index (raws, Raw, k).m);
  return out;
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
    resolve_mention ((RasdDateMention *) (mentions->data + k * stride), &rs, &carry);

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

  raws = scan_text (text, G_MAXSIZE, &lx);
  lexed_clear (&lx);
  mentions = mentions_from_raws (raws);
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

  raws = scan_text (text, G_MAXSIZE, &lx);
  lexed_clear (&lx);
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
  raws = scan_text (text, DATELINE_MAX_CHARS, &lx);
  found = find_dateline_in (raws, &lx, out);
  lexed_clear (&lx);
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

  raws = scan_text (text, G_MAXSIZE, &lx);
  lexed_clear (&lx);
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
  raws = scan_text (text, G_MAXSIZE, &lx);
  lexed_clear (&lx);
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
  raws = scan_text (text, G_MAXSIZE, &lx);
  lexed_clear (&lx);
  mentions = mentions_from_raws (raws);
  collect_years_from (raws, sizeof (Raw), ctx->years, &ctx->n_years);
  refine_publication (text, raws, ctx->years, ctx->n_years, publication, &pub);
  ctx->publication = pub;
  resolve_array (mentions, sizeof (RasdDateMention), ctx);
  return mentions;
}
