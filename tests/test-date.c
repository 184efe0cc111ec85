#include "config.h"

#include <glib.h>
#include <string.h>

#include "rasd-date.h"
#include "rasd-test-util.h"

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                   */

static RasdDate
day (int y,
     int m,
     int d)
{
  return (RasdDate) { y, m, d, RASD_DATE_PRECISION_DAY };
}

static RasdDateContext
ctx_with_pub (const char *iso)
{
  RasdDateContext ctx = { 0 };

  if (iso != NULL)
    g_assert_true (rasd_date_parse_iso (iso, &ctx.publication));
  return ctx;
}

/* The mentions of @text, which must number @expected (or any when -1). */
static GArray *
mentions (const char            *text,
          const RasdDateContext *ctx,
          int                    expected)
{
  GArray *ms = rasd_date_find_all (text, ctx);

  g_assert_nonnull (ms);
  if (expected >= 0 && (int) ms->len != expected)
    {
      for (guint i = 0; i < ms->len; i++)
        {
          const RasdDateMention *m = &g_array_index (ms, RasdDateMention, i);
          g_autofree char *s = g_utf8_substring (text, m->start, m->end);
          g_test_message ("mention %u: [%s]", i, s);
        }
      g_assert_cmpint (ms->len, ==, expected);
    }
  return ms;
}

/* The one mention of @text. */
static RasdDateMention
only (const char            *text,
      const RasdDateContext *ctx)
{
  g_autoptr(GArray) ms = mentions (text, ctx, 1);
  return g_array_index (ms, RasdDateMention, 0);
}

static char *
mention_iso (const RasdDateMention *m)
{
  RasdDate d = rasd_date_mention_get_date (m);
  return rasd_date_to_iso (&d);
}

/* @text has exactly one mention whose reported date is @iso (NULL for unknown). */
static void
assert_one (const char            *text,
            const RasdDateContext *ctx,
            const char            *iso)
{
  RasdDateMention m = only (text, ctx);
  g_autofree char *got = mention_iso (&m);

  g_test_message ("%s → %s", text, got ? got : "null");
  g_assert_cmpstr (got, ==, iso);
}

/* Hijri dates: the tabular calendar may be a day off the observed one. */
static void
assert_one_near (const char *text,
                 int         y,
                 int         m,
                 int         d)
{
  RasdDateMention mention = only (text, NULL);

  g_test_message ("%s → %04d-%02d-%02d", text, mention.date.year, mention.date.month, mention.date.day);
  g_assert_true (mention.date.precision == RASD_DATE_PRECISION_DAY);
  g_assert_cmpint (ABS (rasd_date_to_days (mention.date.year, mention.date.month, mention.date.day) -
                        rasd_date_to_days (y, m, d)), <=, 1);
}

static void
assert_none (const char *text)
{
  RasdDateContext ctx = ctx_with_pub ("2015-07-21");
  g_autoptr(GArray) ms = mentions (text, &ctx, 0);
}

/* The text spanned by @m is @expected. */
static void
assert_span (const char            *text,
             const RasdDateMention *m,
             const char            *expected)
{
  g_autofree char *s = g_utf8_substring (text, m->start, m->end);

  g_assert_cmpstr (s, ==, expected);
  g_assert_cmpuint (m->byte_end - m->byte_start, ==, strlen (expected));
  g_assert_cmpint (memcmp (text + m->byte_start, expected, strlen (expected)), ==, 0);
  g_assert_cmpuint (g_utf8_pointer_to_offset (text, text + m->byte_start), ==, m->start);
}

/* ------------------------------------------------------------------------------------------ */
/* Calendar arithmetic, ISO, comparisons                                                     */

static void
test_calendar (void)
{
  RasdDate d;

  g_assert_cmpint (rasd_date_weekday (2015, 7, 21), ==, 2);   /* Tuesday */
  g_assert_cmpint (rasd_date_weekday (2020, 1, 7), ==, 2);
  g_assert_cmpint (rasd_date_weekday (2023, 3, 15), ==, 3);   /* Wednesday */
  g_assert_cmpint (rasd_date_weekday (2024, 10, 18), ==, 5);  /* Friday */
  g_assert_cmpint (rasd_date_weekday (2000, 1, 2), ==, 7);    /* Sunday */
  g_assert_cmpint (rasd_date_weekday (2015, 2, 29), ==, 0);

  g_assert_true (rasd_date_is_valid (2016, 2, 29));
  g_assert_false (rasd_date_is_valid (2015, 2, 29));
  g_assert_false (rasd_date_is_valid (1900, 2, 29));
  g_assert_true (rasd_date_is_valid (2000, 2, 29));
  g_assert_false (rasd_date_is_valid (2015, 13, 1));
  g_assert_cmpint (rasd_date_days_in_month (2015, 4), ==, 30);

  g_assert_cmpint (rasd_date_to_days (1970, 1, 1), ==, 0);
  for (gint64 n = -800000; n < 800000; n += 997)
    {
      d = rasd_date_from_days (n);
      g_assert_cmpint (rasd_date_to_days (d.year, d.month, d.day), ==, n);
    }

  d = day (2015, 12, 31);
  d = rasd_date_add_days (&d, 1);
  g_assert_cmpint (d.year, ==, 2016);
  g_assert_cmpint (d.month, ==, 1);
  g_assert_cmpint (d.day, ==, 1);
  d = day (2016, 3, 1);
  d = rasd_date_add_days (&d, -1);
  g_assert_cmpint (d.day, ==, 29);

  /* Coarse dates are left alone. */
  d = (RasdDate) { 2015, 7, 0, RASD_DATE_PRECISION_MONTH };
  d = rasd_date_add_days (&d, 40);
  g_assert_cmpint (d.month, ==, 7);
}

static void
test_iso (void)
{
  RasdDate d;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  RasdDate unknown = { 0, 3, 15, RASD_DATE_PRECISION_NONE };
  RasdDate yearless = { 0, 3, 15, RASD_DATE_PRECISION_DAY };

  d = day (2020, 1, 7);
  a = rasd_date_to_iso (&d);
  g_assert_cmpstr (a, ==, "2020-01-07");
  d = (RasdDate) { 2020, 1, 0, RASD_DATE_PRECISION_MONTH };
  b = rasd_date_to_iso (&d);
  g_assert_cmpstr (b, ==, "2020-01");
  d = (RasdDate) { 2020, 0, 0, RASD_DATE_PRECISION_YEAR };
  c = rasd_date_to_iso (&d);
  g_assert_cmpstr (c, ==, "2020");
  g_assert_null (rasd_date_to_iso (&unknown));
  g_assert_null (rasd_date_to_iso (&yearless));

  g_assert_true (rasd_date_parse_iso ("2015-07-21", &d));
  g_assert_true (d.precision == RASD_DATE_PRECISION_DAY && d.year == 2015 && d.month == 7 && d.day == 21);
  g_assert_true (rasd_date_parse_iso ("2015-07-21 00:00:00", &d));
  g_assert_cmpint (d.day, ==, 21);
  g_assert_true (rasd_date_parse_iso ("2015-07-21T10:05:00+03:00", &d));
  g_assert_cmpint (d.day, ==, 21);
  g_assert_true (rasd_date_parse_iso ("2015-07", &d));
  g_assert_true (d.precision == RASD_DATE_PRECISION_MONTH && d.month == 7);
  g_assert_true (rasd_date_parse_iso ("2015", &d));
  g_assert_true (d.precision == RASD_DATE_PRECISION_YEAR && d.year == 2015);

  g_assert_false (rasd_date_parse_iso ("2015-02-30", &d));
  g_assert_true (d.precision == RASD_DATE_PRECISION_NONE);
  g_assert_false (rasd_date_parse_iso ("2015-13", &d));
  g_assert_false (rasd_date_parse_iso ("21/07/2015", &d));
  g_assert_false (rasd_date_parse_iso ("", &d));
  g_assert_false (rasd_date_parse_iso (NULL, &d));
  g_assert_false (rasd_date_parse_iso ("2015-07-21x", &d));
}

static void
test_compare (void)
{
  RasdDate a = day (2010, 5, 10), b = day (2010, 5, 11);
  RasdDate m = { 2010, 5, 0, RASD_DATE_PRECISION_MONTH };
  RasdDate y = { 2010, 0, 0, RASD_DATE_PRECISION_YEAR };
  RasdDate other = { 2011, 0, 0, RASD_DATE_PRECISION_YEAR };
  RasdDate none = { 0 };
  RasdDate c;

  g_assert_true (rasd_date_compatible (&a, &m));
  g_assert_true (rasd_date_compatible (&a, &y));
  g_assert_false (rasd_date_compatible (&a, &b));
  g_assert_false (rasd_date_compatible (&y, &other));
  g_assert_false (rasd_date_compatible (&a, &none));

  c = rasd_date_common (&a, &b);
  g_assert_true (c.precision == RASD_DATE_PRECISION_MONTH && c.year == 2010 && c.month == 5);
  c = rasd_date_common (&a, &a);
  g_assert_true (c.precision == RASD_DATE_PRECISION_DAY);
  c = rasd_date_common (&a, &other);
  g_assert_true (c.precision == RASD_DATE_PRECISION_NONE);

  g_assert_cmpint (rasd_date_compare (&a, &b), <, 0);
  g_assert_cmpint (rasd_date_compare (&b, &a), >, 0);
  g_assert_cmpint (rasd_date_compare (&m, &a), <, 0);
  g_assert_cmpint (rasd_date_compare (&a, &a), ==, 0);
}

static void
assert_hijri (int hy,
              int hm,
              int hd,
              int y,
              int m,
              int d,
              int tolerance)
{
  RasdDate g;
  gint64 diff;

  g_assert_true (rasd_date_hijri_to_gregorian (hy, hm, hd, &g));
  diff = rasd_date_to_days (g.year, g.month, g.day) - rasd_date_to_days (y, m, d);
  g_test_message ("%d-%d-%d H → %04d-%02d-%02d (expected %04d-%02d-%02d)", hy, hm, hd,
                  g.year, g.month, g.day, y, m, d);
  g_assert_cmpint (ABS (diff), <=, tolerance);
}

static void
test_hijri_conversion (void)
{
  RasdDate g;

  /* Umm al-Qura, as the Saudi authorities fixed these days (the tabular calendar puts the
   * days of Shawwal 1436 a day later) */
  assert_hijri (1436, 9, 1, 2015, 6, 18, 0);     /* 1 Ramadan 1436 */
  assert_hijri (1436, 10, 26, 2015, 8, 11, 0);   /* 26 Shawwal 1436 */
  assert_hijri (1436, 10, 17, 2015, 8, 2, 0);    /* 17 Shawwal 1436 */
  assert_hijri (1436, 10, 14, 2015, 7, 30, 0);   /* 14 Shawwal 1436 */
  assert_hijri (1445, 1, 1, 2023, 7, 19, 0);     /* 1 Muharram 1445 */
  assert_hijri (1441, 12, 10, 2020, 7, 31, 0);   /* Eid al-Adha 1441 */
  /* before Umm al-Qura's table, the tabular calendar */
  assert_hijri (1, 1, 1, 622, 7, 19, 1);         /* the epoch (proleptic Gregorian) */
  assert_hijri (1200, 1, 1, 1785, 11, 4, 1);     /* 1 Muharram 1200 */

  g_assert_false (rasd_date_hijri_to_gregorian (1436, 13, 1, &g));
  g_assert_false (rasd_date_hijri_to_gregorian (1436, 1, 31, &g));

  /* Round trip over fifty years. */
  for (gint64 n = rasd_date_to_days (1990, 1, 1); n < rasd_date_to_days (2040, 1, 1); n += 3)
    {
      RasdDate d = rasd_date_from_days (n);
      int hy, hm, hd;

      rasd_date_gregorian_to_hijri (d.year, d.month, d.day, &hy, &hm, &hd);
      g_assert_cmpint (hm, >=, 1);
      g_assert_cmpint (hm, <=, 12);
      g_assert_cmpint (hd, >=, 1);
      g_assert_cmpint (hd, <=, 30);
      g_assert_true (rasd_date_hijri_to_gregorian (hy, hm, hd, &g));
      g_assert_cmpint (rasd_date_to_days (g.year, g.month, g.day), ==, n);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Month names                                                                               */

static void
check_month_names (const char *const *names,
                   const int         *months,
                   gsize              n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *text = g_strdup_printf ("وقع ذلك في 5 %s 2019 بحسب المصادر.", names[i]);
      g_autofree char *expected = g_strdup_printf ("2019-%02d-05", months[i]);
      g_autofree char *text2 = g_strdup_printf ("في %s 2019", names[i]);
      g_autofree char *expected2 = g_strdup_printf ("2019-%02d", months[i]);

      assert_one (text, NULL, expected);
      assert_one (text2, NULL, expected2);
    }
}

static void
test_months_egyptian (void)
{
  static const char *const names[] = {
    "يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو",
    "يوليه", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر",
  };
  static const int months[] = { 1, 2, 3, 4, 4, 4, 5, 6, 6, 7, 7, 8, 8, 9, 10, 10, 11, 12 };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (months));
  check_month_names (names, months, G_N_ELEMENTS (names));
}

static void
test_months_levantine (void)
{
  static const char *const names[] = {
    "كانون الثاني", "شباط", "آذار", "اذار", "نيسان", "أيار", "ايار", "حزيران", "تموز", "آب",
    "أيلول", "ايلول", "تشرين الأول", "تشرين الاول", "تشرين الثاني", "كانون الأول",
    "تشرين أول", "كانون ثاني",
  };
  static const int months[] = { 1, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9, 9, 10, 10, 11, 12, 10, 1 };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (months));
  check_month_names (names, months, G_N_ELEMENTS (names));
}

static void
test_months_maghrebi (void)
{
  static const char *const names[] = {
    "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "جويليه", "أوت", "اوت",
    "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
  };
  static const int months[] = { 1, 2, 3, 4, 5, 6, 7, 7, 8, 8, 9, 10, 11, 12 };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (months));
  check_month_names (names, months, G_N_ELEMENTS (names));
}

static void
test_months_moroccan (void)
{
  static const char *const names[] = {
    "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر",
    "نونبر", "دجنبر",
  };
  static const int months[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (months));
  check_month_names (names, months, G_N_ELEMENTS (names));
}

static void
test_months_paired (void)
{
  const char *text;
  RasdDateMention m;

  assert_one ("في مارس/آذار 2023", NULL, "2023-03");
  assert_one ("في مارس (آذار) 2023", NULL, "2023-03");
  assert_one ("وصل في 15 مارس/ آذار 2023 إلى موسكو", NULL, "2023-03-15");
  assert_one ("منذ أيلول/سبتمبر 2015 تغير المشهد كله", NULL, "2015-09");
  assert_one ("في يوليو/ تموز عام 1944، ويروي الكتاب", NULL, "1944-07");
  assert_one ("وقد سافر الوفد في ديسمبر (كانون الأول) 2017 وعاد", NULL, "2017-12");
  assert_one ("في 8 أكتوبر / تشرين الأول 1980،", NULL, "1980-10-08");
  assert_one ("افتتح المعرض في الحادي عشر من حزيران /يونيو من العام 2014.", NULL, "2014-06-11");
  assert_one ("تسلم الطلبات بعد التاسع عشر من آب - أغسطس 2015", NULL, "2015-08-19");
  assert_one ("في كانون الأول/ديسمبر 2014", NULL, "2014-12");

  /* The span covers both names and the year. */
  text = "وفي 6 ديسمبر/ كانون الأول عام 2017 نشرت";
  m = only (text, NULL);
  assert_span (text, &m, "6 ديسمبر/ كانون الأول عام 2017");

  /* A clitic before the month is not part of the span. */
  text = "في أكتوبر 2015 ونوفمبر/ تشرين الثاني عام 2017";
  {
    g_autoptr(GArray) ms = mentions (text, NULL, 2);
    m = g_array_index (ms, RasdDateMention, 1);
    assert_span (text, &m, "نوفمبر/ تشرين الثاني عام 2017");
  }

  /* Two different months are not a pair. */
  {
    g_autoptr(GArray) ms = mentions ("في مارس/أبريل 2020", NULL, -1);
    g_autofree char *iso = NULL;
    g_assert_cmpuint (ms->len, >=, 1);
    iso = mention_iso (&g_array_index (ms, RasdDateMention, ms->len - 1));
    g_assert_cmpstr (iso, ==, "2020-04");
  }
}

static void
test_spelling_variants (void)
{
  /* Diacritics, tatweel, Arabic-Indic and Persian digits, ta marbuta and alef maqsura. */
  assert_one ("فِي ١٥ مَارِسْ ٢٠٢٣", NULL, "2023-03-15");
  assert_one ("في ۱۵ مـــارس ۲۰۲۳", NULL, "2023-03-15");
  assert_one ("في 3 جويليه 2019", NULL, "2019-07-03");
  assert_one ("في 3 جويلية 2019", NULL, "2019-07-03");
  assert_one ("في 3 إبريل 2019", NULL, "2019-04-03");
  assert_one_near ("في 10 جمادي الأولى 1440 هـ", 2019, 1, 16);
  assert_one_near ("في 10 جمادى الاولى 1440 هـ", 2019, 1, 16);
  /* Days written with "ال" and as ordinals. */
  assert_one ("حددت اللجنة يوم ال26 من فبراير 2016 للتسجيل", NULL, "2016-02-26");
  assert_one ("تستمر الدورة حتى السابع والعشرين من فبراير 2016 مساء", NULL, "2016-02-27");
  assert_one ("في الحادي عشر من سبتمبر 2001", NULL, "2001-09-11");
  assert_one ("في الأول من مارس 2011", NULL, "2011-03-01");
  assert_one ("في العشرين من مايو 2011", NULL, "2011-05-20");
  assert_one ("في الـ 15 من مارس 2020", NULL, "2020-03-15");
  /* A day attached to a clitic, "بتاريخ". */
  assert_one ("الاجتماعات و17 ديسمبر 2020 كوزير", NULL, "2020-12-17");
  assert_one ("المؤرخة بتاريخ 15 مارس 2023", NULL, "2023-03-15");
}

/* ------------------------------------------------------------------------------------------ */
/* Numbers, years, ranges                                                                    */

static void
test_numeric (void)
{
  RasdDateMention m;

  assert_one ("صدر في 15/3/2023 قرار", NULL, "2023-03-15");
  assert_one ("صدر في 2023-03-15 قرار", NULL, "2023-03-15");
  assert_one ("صدر في 15-3-2023 قرار", NULL, "2023-03-15");
  assert_one ("صدر في 15.3.2023 قرار", NULL, "2023-03-15");
  assert_one ("صدر في ١٥/٣/٢٠٢٣ قرار", NULL, "2023-03-15");
  assert_one ("المؤرخ 30 / 7 / 2015م", NULL, "2015-07-30");

  m = only ("المؤرخ 14 / 10 / 1436هـ وفيه", NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_HIJRI);
  g_assert_cmpint (m.stated.year, ==, 1436);
  g_assert_cmpint (ABS (rasd_date_to_days (m.date.year, m.date.month, m.date.day) -
                        rasd_date_to_days (2015, 7, 30)), <=, 1);

  /* Not dates. */
  assert_none ("بلغ النمو 1.5 في المائة");
  assert_none ("النتيجة 2-1 لصالح الفريق");
  assert_none ("العنوان 10.0.0.1 على الشبكة");
  assert_none ("اتصل على 055-123-4567 للاستفسار");
  assert_none ("صدر القرار 3/4 من اللجنة");
  assert_none ("قبل 15/13/2023 بيوم");
}

static void
test_years (void)
{
  RasdDateMention m;
  const char *text;

  assert_one ("بدأ المشروع في عام 2011 بتمويل", NULL, "2011");
  assert_one ("النزاع في العام 2011، تعزيز", NULL, "2011");
  assert_one ("روسي منذ عام 2015، وقتل", NULL, "2015");
  assert_one ("الاتحاد الأوروبي سنة 2004. سعت", NULL, "2004");
  assert_one ("المحتلة منذ عام 1967م ،", NULL, "1967");
  assert_one ("في 2015، زار", NULL, "2015");
  assert_one ("تأسست 2010م وكانت", NULL, "2010");
  assert_one ("الموازنة لعام 2016 وفترة تخطيط", NULL, "2016");

  {
    g_autoptr(GArray) ms = mentions ("منذ 2011 وحتى اليوم", NULL, 2);
    g_assert_cmpint (g_array_index (ms, RasdDateMention, 0).date.year, ==, 2011);
    g_assert_true (g_array_index (ms, RasdDateMention, 0).flags & RASD_DATE_FLAG_PAST);
  }

  text = "في الأعوام ما بين 2016 و2018.";
  m = only (text, NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_RANGE);
  g_assert_cmpint (m.date.year, ==, 2016);
  g_assert_cmpint (m.date_end.year, ==, 2018);
  assert_span (text, &m, "2016 و2018");

  m = only ("بين عامي 2010 و2015 شهدت البلاد", NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_RANGE);
  g_assert_cmpint (m.date_end.year, ==, 2015);

  m = only ("عام 1434هـ", NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_HIJRI);
  g_assert_cmpint (m.date.year, ==, 2013);
  g_assert_true (m.date.precision == RASD_DATE_PRECISION_YEAR);

  /* Counts and bare words are not years. */
  assert_none ("نشر 2000 جندي على الحدود");
  assert_none ("في 2000 منزل");
  /* a season without ماضٍ or مقبل is no date: the Arab Spring, winter clothes */
  assert_none ("منذ بداية الربيع العربي");
  assert_none ("ملابس الشتاء للاجئين");
  assert_none ("القرار 2254 بشأن سوريا");
  assert_none ("استمر لمدة عام كامل");
  assert_none ("بعد عامين من بدء التدخل");
  assert_none ("وبشكل عام ندين الإرهاب");
  assert_none ("بلغت الزيادة 7 في المائة خلال");
  assert_none ("بلغ النمو 7٪ في التجارة");
  assert_none ("استخدمت حق النقض 14 مرة ضد");
}

static void
test_ranges (void)
{
  RasdDateContext ctx = ctx_with_pub ("2015-07-21");
  RasdDateMention m;
  const char *text;

  text = "زيارة رسمية بتاريخ 10-11 مايو / أيار عام 2010.";
  m = only (text, NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_RANGE);
  g_assert_true (m.date.day == 10 && m.date_end.day == 11 && m.date_end.month == 5 &&
                 m.date_end.year == 2010);
  assert_one (text, NULL, "2010-05");
  assert_span (text, &m, "10-11 مايو / أيار عام 2010");

  assert_one ("من 19 إلى 22 فبراير 2022، زار", NULL, "2022-02");
  assert_one ("انعقد المؤتمر في المدة الممتدة من 22 إلى 23 نوفمبر 2022", NULL, "2022-11");
  assert_one ("في الفترة من 22 حتى 23 نوفمبر 2022", NULL, "2022-11");

  m = only ("بين 10 و12 مايو المقبل", &ctx);
  g_assert_true (m.flags & RASD_DATE_FLAG_RANGE);
  g_assert_cmpint (m.date.day, ==, 10);
  g_assert_cmpint (m.date_end.day, ==, 12);
  g_assert_cmpint (m.date.year, ==, 2016);

  m = only ("بين 10 و12 مايو", &ctx);
  g_assert_cmpint (m.date_end.day, ==, 12);
  g_assert_cmpint (m.date.year, ==, 2015);

  m = only ("ستجري في 30 أو 31 يوليو الحالي", &ctx);
  g_assert_true (m.flags & RASD_DATE_FLAG_RANGE);
  g_assert_cmpint (m.date.day, ==, 30);
  g_assert_cmpint (m.date_end.day, ==, 31);

  /* Across months: two dates joined, the first taking the year of the second. */
  text = "من 28 فبراير إلى 2 مارس 2022 عقدت";
  m = only (text, NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_RANGE);
  g_assert_true (m.date.year == 2022 && m.date.month == 2 && m.date.day == 28);
  g_assert_true (m.date_end.year == 2022 && m.date_end.month == 3 && m.date_end.day == 2);
  assert_one (text, NULL, "2022");
  assert_span (text, &m, "28 فبراير إلى 2 مارس 2022");

  m = only ("من ديسمبر 2014 حتى فبراير 2015", NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_RANGE);
  g_assert_cmpint (m.date_end.year, ==, 2015);

  /* A list, not a range: each keeps its own date; the first takes the shared year. */
  {
    g_autoptr(GArray) ms = mentions ("في 9 مارس و23 مايو 1981", &ctx, 2);
    g_autofree char *a = mention_iso (&g_array_index (ms, RasdDateMention, 0));
    g_autofree char *b = mention_iso (&g_array_index (ms, RasdDateMention, 1));
    g_assert_cmpstr (a, ==, "1981-03-09");
    g_assert_cmpstr (b, ==, "1981-05-23");
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Weekdays and year inference                                                               */

static void
test_weekday_dates (void)
{
  RasdDateMention m;
  RasdDateContext ctx = { 0 };

  m = only ("الجمعة، 18 أكتوبر 2024", NULL);
  g_assert_cmpint (m.weekday, ==, 5);
  g_assert_true (m.flags & RASD_DATE_FLAG_HAS_WEEKDAY);
  g_assert_false (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);
  assert_span ("الجمعة، 18 أكتوبر 2024", &m, "الجمعة، 18 أكتوبر 2024");

  m = only ("الأربعاء، 18 أكتوبر 2024", NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);

  /* Year from the weekday and the years the text mentions. */
  rasd_date_context_collect_years (&ctx, "في عام 2021 وفي عام 2022");
  g_assert_cmpuint (ctx.n_years, ==, 2);
  m = only ("الأربعاء 15 مارس", &ctx);
  g_assert_cmpint (m.date.year, ==, 2023);
  g_assert_true (m.flags & RASD_DATE_FLAG_YEAR_INFERRED);
  m = only ("يوم الأربعاء 15 مارس", &ctx);
  g_assert_cmpint (m.date.year, ==, 2023);
  m = only ("الأربعاء (15 مارس)", &ctx);
  g_assert_cmpint (m.date.year, ==, 2023);

  {
    const char *text = "يجري الرئيسان محادثات اليوم الأربعاء 15 مارس/آذار. وكان النمو في عام 2022 "
                       "أعلى منه في عام 2021.";
    g_autoptr(GArray) ms = mentions (text, NULL, 3);
    g_autofree char *iso = NULL;

    m = g_array_index (ms, RasdDateMention, 0);
    iso = mention_iso (&m);
    g_assert_cmpstr (iso, ==, "2023-03-15");
    g_assert_true (m.flags & RASD_DATE_FLAG_TODAY);
    g_assert_true (m.flags & RASD_DATE_FLAG_YEAR_INFERRED);
    assert_span (text, &m, "اليوم الأربعاء 15 مارس/آذار");
  }

  /* With a publication date, the year nearest to it with that weekday. */
  ctx = ctx_with_pub ("2015-07-25");
  m = only ("الخميس 23 يوليو/تموز، بالعراق", &ctx);
  g_assert_cmpint (m.date.year, ==, 2015);
  g_assert_false (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);

  /* A written weekday decides between the tabular Hijri date and the day before. */
  m = only ("يوم الخميس 14-10- 1436هـ", NULL);
  g_assert_true (m.date.year == 2015 && m.date.month == 7 && m.date.day == 30);
  g_assert_false (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);
}

static void
test_year_inference (void)
{
  RasdDateContext ctx = ctx_with_pub ("2015-07-21");
  RasdDateContext none = { 0 };
  RasdDateMention m;
  int y;

  /* Without a year: the nearest such date, not more than two months ahead. */
  assert_one ("المباراة التي لعبت في 11 يوليو في المدينة", &ctx, "2015-07-11");
  assert_one ("أسقطت هذه الملاحقات في ديسمبر بسبب", &ctx, "2014-12");
  assert_one ("في 15 سبتمبر تبدأ", &ctx, "2015-09-15");
  assert_one ("قتل 147 طالبا في أبريل.", &ctx, "2015-04");
  /* Unless the text speaks of the future. */
  assert_one ("وسيزور الرئيس الصين في 15 يناير", &ctx, "2016-01-15");

  /* The year of a date a few words before, in the same paragraph. */
  {
    g_autoptr(GArray) ms = mentions ("عقد اجتماع في 4 فبراير 1981 ثم عقد آخر في 9 مارس.", &ctx, 2);
    g_autofree char *iso = mention_iso (&g_array_index (ms, RasdDateMention, 1));
    g_assert_cmpstr (iso, ==, "1981-03-09");
  }

  /* Nothing to infer from: the month and day are kept, the year is unknown. */
  m = only ("في 15 مارس عقد", &none);
  g_assert_cmpint (m.date.year, ==, 0);
  g_assert_cmpint (m.date.month, ==, 3);
  g_assert_cmpint (m.date.day, ==, 15);
  g_assert_true (m.date.precision == RASD_DATE_PRECISION_NONE);
  g_assert_true (m.flags & RASD_DATE_FLAG_UNRESOLVED);
  g_assert_true (m.stated.precision == RASD_DATE_PRECISION_DAY);
  assert_one ("في 15 مارس عقد", NULL, NULL);

  /* 15 March 2016 was a Tuesday; no year near 2015 has it on a Wednesday. */
  g_assert_true (rasd_date_infer_year (3, 15, 2, FALSE, &ctx, &y));
  g_assert_cmpint (y, ==, 2016);
  g_assert_true (rasd_date_infer_year (3, 15, 3, FALSE, &ctx, &y));
  g_assert_cmpint (y, ==, 2015);
  g_assert_true (rasd_date_infer_year (12, 0, 0, FALSE, &ctx, &y));
  g_assert_cmpint (y, ==, 2014);
  g_assert_false (rasd_date_infer_year (12, 1, 0, FALSE, &none, &y));
  none.n_years = 1;
  none.years[0] = 2017;
  g_assert_true (rasd_date_infer_year (1, 7, 2, FALSE, &none, &y));
  g_assert_cmpint (y, ==, 2020);
}

/* ------------------------------------------------------------------------------------------ */
/* Relative expressions against 2015-07-21, a Tuesday                                        */

static void
test_relative (void)
{
  RasdDateContext ctx = ctx_with_pub ("2015-07-21");
  static const struct { const char *text; const char *iso; } cases[] = {
    { "التقى في جدة اليوم رئيس", "2015-07-21" },
    { "التقى في جدة أمس رئيس", "2015-07-20" },
    { "التقى في جدة امس رئيس", "2015-07-20" },
    { "وقال بالأمس إن", "2015-07-20" },
    { "التقى في جدة أول من أمس رئيس", "2015-07-19" },
    { "التقى في جدة أول أمس رئيس", "2015-07-19" },
    { "اجتمع في بغداد أمس الأول مع", "2015-07-19" },
    { "يلتقي غدا رئيس", "2015-07-22" },
    { "يلتقي غداً رئيس", "2015-07-22" },
    { "يلتقي غدًا رئيس", "2015-07-22" },
    { "يلتقي يوم غد رئيس", "2015-07-22" },
    { "يلتقي صباح الغد رئيس", "2015-07-22" },
    { "يلتقي بعد غد رئيس", "2015-07-23" },
    { "يلتقي الليلة رئيس", "2015-07-21" },
    /* a time of day alone is of the day of writing; after a day, of that day */
    { "وكان قد التقاه صباحا في", "2015-07-21" },
    { "وصل ليلا إلى", "2015-07-21" },
    { "التقاه الأحد صباحا في", "2015-07-19" },
    { "وقعت الليلة الماضية اشتباكات", "2015-07-20" },
    { "وصل قبل يومين إلى", "2015-07-19" },
    { "وصل قبل 3 أيام إلى", "2015-07-18" },
    /* counts in words, of days and of weeks */
    { "وصل قبل ثلاثة أيام إلى", "2015-07-18" },
    { "يعود بعد خمسة أيام إلى", "2015-07-26" },
    { "غادرها منذ عشرة أيام", "2015-07-11" },
    { "التقاه قبل ثلاثة أسابيع في", "2015-06" },
    { "التقاه الثلاثاء الماضي في", "2015-07-14" },
    { "التقاه يوم الاثنين الماضي في", "2015-07-20" },
    { "يلتقيه الأربعاء المقبل في", "2015-07-22" },
    { "يلتقيه الثلاثاء المقبل في", "2015-07-28" },
    { "يلتقيه الخميس القادم في", "2015-07-23" },
    { "وصل الثلاثاء إلى موسكو", "2015-07-21" },
    { "وصل يوم الأحد إلى موسكو", "2015-07-19" },
    { "وسيزور الرئيس الأحد تركيا", "2015-07-26" },
    { "قال في واشنطن الأسبوع الماضي إن", "2015-07" },
    { "يزورها الأسبوع المقبل", "2015-07" },
    { "عقدت بالقاهرة الشهر الماضي بناء", "2015-06" },
    { "أواخر الشهر الجاري", "2015-07" },
    { "في مطلع الشهر الحالي في", "2015-07" },
    { "في هذا الشهر", "2015-07" },
    { "خلال الشهر المقبل", "2015-08" },
    { "خلال العام الماضي سجلت", "2014" },
    { "خلال السنة الماضية سجلت", "2014" },
    { "في هذا العام", "2015" },
    { "في العام الجاري", "2015" },
    /* some days on or back, told as a week */
    { "يزورها خلال اليومين المقبلين", "2015-07" },
    { "التقاه في الأيام الماضية", "2015-07" },
    /* part of the year or month we are in, with no word after it */
    { "زارها مطلع العام والتقى", "2015" },
    { "في بداية الشهر التقى", "2015-07" },
    { "في العام المقبل يصادف", "2016" },
    { "وافتتح آخرها في ديسمبر الماضي، قرب", "2014-12" },
    { "منذ انتقاله إلى الشركة في فبراير/شباط الماضي، ومن", "2015-02" },
    { "استضافت في أبريل (نيسان) الماضي قمة", "2015-04" },
    { "في يوليو الماضي", "2014-07" },
    { "في أكتوبر المقبل", "2015-10" },
    { "في يوليو المقبل", "2016-07" },
    { "يقدم المجلس البلدي خطته أواخر يوليو الجاري.", "2015-07" },
    { "في مقابلة نشرت في 15 يوليو الجاري، قال", "2015-07-15" },
    { "بطولة الشباب في 14 يوليو (تموز) الجاري في تونس", "2015-07-14" },
    { "يبدأ التسجيل يوم ٢٩ من الشهر الجاري صباحًا", "2015-07-29" },
    { "في شهر مايو من العام الماضي", "2014-05" },
    { "في 15 مارس من هذا العام", "2015-03-15" },
    { "في ديسمبر من العام المقبل", "2016-12" },
    { "في آب الماضي", "2014-08" },
    { "في أيار", "2015-05" },
    { "بيناير الماضي", "2015-01" },
    { "وفي شهر مارس", "2015-03" },
    /* seasons: the year that has the season's middle month (winter's is January) */
    { "يزور واشنطن في الخريف المقبل", "2015" },
    { "زارها الخريف الماضي", "2014" },
    { "زارها الصيف الماضي", "2014" },
    { "يزورها الربيع المقبل", "2016" },
    { "زارها في الشتاء الماضي", "2015" },
    { "يزورها الشتاء المقبل", "2016" },
    { "يزورها هذا الصيف", "2015" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_one (cases[i].text, &ctx, cases[i].iso);
}

/* "اليوم نفسه"، "الشهر ذاته"، "في نفس العام": the day, month or year of the date written before. */
static void
test_same_as_before (void)
{
  RasdDateContext ctx = ctx_with_pub ("2015-07-21");
  const char *text = "وقع الاتفاق في 12 مايو 2014، وفي اليوم نفسه التقى الوزيران، وفي الشهر ذاته زار "
                     "الوفد جدة، وفي نفس العام عقدت القمة.";
  g_autoptr(GArray) ms = mentions (text, &ctx, 4);
  static const char *expected[] = { "2014-05-12", "2014-05-12", "2014-05", "2014" };

  for (guint i = 0; i < ms->len; i++)
    {
      const RasdDateMention *m = &g_array_index (ms, RasdDateMention, i);
      g_autofree char *iso = mention_iso (m);

      g_assert_cmpstr (iso, ==, expected[i]);
      if (i > 0)
        g_assert_cmpint (m->kind, ==, RASD_DATE_KIND_SAME);
    }
  assert_span (text, &g_array_index (ms, RasdDateMention, 1), "اليوم نفسه");
  /* with nothing before, or coarser than asked, it is no date */
  assert_none ("وفي اليوم نفسه التقى الوزيران.");
  assert_one ("زار الوفد جدة في مايو 2014، وفي اليوم ذاته التقى الوزير.", &ctx, "2014-05");
  /* اليوم alone is still the day of writing */
  assert_one ("التقى الوزير اليوم نظيره.", &ctx, "2015-07-21");
}

static void
test_relative_flags (void)
{
  RasdDateContext ctx = ctx_with_pub ("2015-07-21");
  RasdDateContext month_only = ctx_with_pub ("2015-07");
  RasdDateMention m;

  m = only ("أمس", &ctx);
  g_assert_true (m.kind == RASD_DATE_KIND_DAY_OFFSET && m.offset == -1);
  g_assert_true (m.flags & RASD_DATE_FLAG_RELATIVE);
  g_assert_true (m.flags & RASD_DATE_FLAG_PAST);

  m = only ("غدا", &ctx);
  g_assert_true (m.flags & RASD_DATE_FLAG_FUTURE);

  m = only ("وصل الثلاثاء", &ctx);
  g_assert_true (m.flags & RASD_DATE_FLAG_WEEKDAY_ONLY);
  g_assert_cmpint (m.weekday, ==, 2);

  /* Relative word and weekday: the word is trusted, a disagreement flagged. */
  m = only ("اليوم (الثلاثاء)", &ctx);
  g_assert_true (m.date.day == 21 && m.weekday == 2);
  g_assert_false (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);
  m = only ("اليوم الثلاثاء", &ctx);
  g_assert_false (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);
  m = only ("أمس الإثنين", &ctx);
  g_assert_true (m.date.day == 20 && m.weekday == 1);
  g_assert_false (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);
  m = only ("أول من أمس (الاثنين)", &ctx);
  g_assert_true (m.date.day == 19);
  g_assert_true (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);
  m = only ("غدا الأربعاء", &ctx);
  g_assert_true (m.date.day == 22);
  g_assert_false (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);
  m = only ("اليوم الأربعاء", &ctx);
  g_assert_true (m.date.day == 21);
  g_assert_true (m.flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH);

  /* "<month> الجاري" that is not the publication month. */
  m = only ("في 7 يناير الحالي", &ctx);
  g_assert_true (m.flags & RASD_DATE_FLAG_MONTH_MISMATCH);
  g_assert_true (m.date.year == 2015 && m.date.month == 1 && m.date.day == 7);

  /* Nothing to resolve against. */
  m = only ("أمس", NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_UNRESOLVED);
  g_assert_true (m.flags & RASD_DATE_FLAG_RELATIVE);
  g_assert_true (m.date.precision == RASD_DATE_PRECISION_NONE);
  m = only ("الشهر الماضي", NULL);
  g_assert_true (m.flags & RASD_DATE_FLAG_UNRESOLVED);

  /* A publication month only: the month. */
  assert_one ("اليوم", &month_only, "2015-07");
  assert_one ("الشهر الماضي", &month_only, "2015-06");

  /* Resolving again against another publication date. */
  {
    g_autoptr(GArray) ms = mentions ("التقاه أمس، ويلتقيه الأربعاء المقبل", NULL, 2);
    RasdDateContext later = ctx_with_pub ("2016-01-01");

    g_assert_true (g_array_index (ms, RasdDateMention, 0).date.precision == RASD_DATE_PRECISION_NONE);
    rasd_date_resolve_all (ms, &later);
    m = g_array_index (ms, RasdDateMention, 0);
    g_assert_true (m.date.year == 2015 && m.date.month == 12 && m.date.day == 31);
    m = g_array_index (ms, RasdDateMention, 1);
    g_assert_true (m.date.year == 2016 && m.date.month == 1 && m.date.day == 6);
  }

  /* A bare weekday goes on in the future of the mention before it. */
  {
    RasdDateContext sunday = ctx_with_pub ("2015-07-26");
    g_autoptr(GArray) ms = mentions ("سيقوم يوم غد الأحد بزيارة الكويت ثم التوجه إلى بغداد يوم الاثنين",
                                     &sunday, 2);
    m = g_array_index (ms, RasdDateMention, 1);
    g_assert_true (m.date.day == 27);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Hijri dates in text                                                                       */

static void
test_hijri_text (void)
{
  RasdDateMention m;
  const char *text = "موسكو 26 شوال 1436 هـ الموافق 11 أغسطس 2015";
  g_autoptr(GArray) ms = mentions (text, NULL, 2);

  m = g_array_index (ms, RasdDateMention, 0);
  g_assert_true (m.flags & RASD_DATE_FLAG_HIJRI);
  g_assert_true (m.flags & RASD_DATE_FLAG_EQUIVALENT);
  g_assert_true (m.stated.year == 1436 && m.stated.month == 10 && m.stated.day == 26);
  g_assert_cmpint (ABS (rasd_date_to_days (m.date.year, m.date.month, m.date.day) -
                        rasd_date_to_days (2015, 8, 11)), <=, 1);
  assert_span (text, &m, "26 شوال 1436 هـ");
  m = g_array_index (ms, RasdDateMention, 1);
  g_assert_false (m.flags & RASD_DATE_FLAG_HIJRI);
  g_assert_true (m.flags & RASD_DATE_FLAG_EQUIVALENT);
  g_assert_true (m.date.year == 2015 && m.date.month == 8 && m.date.day == 11);

  assert_one_near ("في 1 رمضان 1436هـ", 2015, 6, 18);
  assert_one_near ("في 10 ذي الحجة 1441 للهجرة", 2020, 7, 31);
  assert_one_near ("في 10 ذو الحجة 1441 ه", 2020, 7, 31);
  assert_one_near ("في 12 ربيع الأول 1440 هـ", 2018, 11, 20);
  assert_one_near ("في 12 ربيع الآخر 1440 هـ", 2018, 12, 20);
  assert_one_near ("في 3 جمادى الآخرة 1440 هـ", 2019, 2, 8);
  assert_one_near ("في 1 محرم 1445 هـ", 2023, 7, 19);
  /* A Hijri month and year: the Gregorian month of its middle. */
  assert_one ("خلال رمضان 1436", NULL, "2015-07");

  /* Written the other way round; the Gregorian day settles the Hijri one. */
  {
    g_autoptr(GArray) ms2 = mentions ("الخميس 23 يوليو 2015م الموافق 7 شوال 1436هـ", NULL, 2);
    g_autofree char *a = mention_iso (&g_array_index (ms2, RasdDateMention, 0));
    g_autofree char *b = mention_iso (&g_array_index (ms2, RasdDateMention, 1));
    g_assert_cmpstr (a, ==, "2015-07-23");
    g_assert_cmpstr (b, ==, "2015-07-23");
    g_assert_true (g_array_index (ms2, RasdDateMention, 1).flags & RASD_DATE_FLAG_HIJRI);
  }

  /* Hijri month names are also names and words: they need a year. */
  assert_none ("استقبل الرئيس رمضان أحمد قاديروف");
  assert_none ("يلتقي الرئيس رجب طيب أردوغان");
  assert_none ("لما بين الشعبين شعبان من ترابط");
  assert_none ("خلال شهر رمضان وهو");
  assert_none ("عدد صفر من الإصابات");
}

/* ------------------------------------------------------------------------------------------ */
/* Words that look like dates                                                                */

static void
test_not_dates (void)
{
  assert_none ("مارس الرياضة منذ صغره");
  assert_none ("ومارس الضغط على الحكومة");
  assert_none ("مارسوا الفتنة ودفع الشعب");
  assert_none ("رئيسة الوزراء تيريزا ماي قالت");
  assert_none ("في دور دون جوان");
  assert_none ("قال إن آب الأسرة غائب");
  assert_none ("اشترى سيارة نيسان جديدة");
  assert_none ("حماية الأمن القومي");
  assert_none ("الأمين العام السابق للأمم المتحدة");
  assert_none ("الأمين العام الحالي للجامعة");
  assert_none ("القائد العام المقبل للقوات");
  assert_none ("احتفلت المملكة باليوم الوطني");
  assert_none ("في اليوم التالي عاد");
  assert_none ("في اليوم الأول من زيارته");
  assert_none ("ذلك اليوم كان");
  assert_none ("ننتظر هذا اليوم بفارغ الصبر");
  assert_none ("عين اليوم – جدة");
  assert_none ("الأحد عشر كوكبا");
  /* a count with no cue (قبل، بعد، منذ) is no date */
  assert_none ("وصل ثلاثة وزراء بعد ظهر");
  assert_none ("استمرت المحادثات خمسة أيام");
  assert_none ("تستعد المدينة منذ أسابيع للزيارة");
  /* an offset from another deed, not from the day of writing */
  assert_none ("وتأتي الزيارة بعد أسبوعين من لقاء الوزيرين");
  assert_none ("وصل قبل يومين من موعد القمة");
  assert_none ("غادر بعد ثلاثة أيام من وصوله");
  assert_none ("ما يسمى بالربيع العربي");
  assert_none ("وأثناء غداء العمل");
  assert_none ("أمسية ثقافية");
  assert_none ("سوريا الغد");
  assert_none ("غداة بحثه في بغداد");
  assert_none ("في الأسابيع الماضية");
  assert_none ("العام المالي الحالي");
  assert_none ("وقتل 30 شخصا");
  assert_none ("كان 15 مرشحا");
  assert_none ("في اليوم نفسه عاد");
  assert_none ("على ارتفاع 2000 م فوق سطح البحر");
  assert_none ("المادة 15 من الدستور");
  assert_none ("ذكرى أيار الحزينة");
  assert_none ("وقالت ماي إن بريطانيا");
}

/* ------------------------------------------------------------------------------------------ */
/* Offsets                                                                                   */

static void
test_offsets (void)
{
  const char *text = "قَالَ الرَّئِيسُ — في بيانٍ مُطَوَّلٍ — إنَّهُ التقى نظيره فِي ١٥ مَارِسْ ٢٠٢٣ بموسكو 😀 ثم أمسِ عاد.";
  RasdDateContext ctx = ctx_with_pub ("2023-03-20");
  g_autoptr(GArray) ms = mentions (text, &ctx, 2);
  RasdDateMention m;

  m = g_array_index (ms, RasdDateMention, 0);
  assert_span (text, &m, "١٥ مَارِسْ ٢٠٢٣");
  g_assert_true (m.date.year == 2023 && m.date.month == 3 && m.date.day == 15);
  m = g_array_index (ms, RasdDateMention, 1);
  assert_span (text, &m, "أمسِ");
  g_assert_cmpint (m.date.day, ==, 19);
  g_assert_cmpuint (m.line, ==, 0);

  /* Lines are counted. */
  {
    const char *two = "سطر أول\nوفي سطر ثان في عام 2011";
    g_autoptr(GArray) ms2 = mentions (two, NULL, 1);
    m = g_array_index (ms2, RasdDateMention, 0);
    g_assert_cmpuint (m.line, ==, 1);
    assert_span (two, &m, "عام 2011");
  }

  /* Invalid UTF-8 does not derail the scan. */
  {
    const char bad[] = "في \xff\xfe 15 مارس 2023";
    g_autoptr(GArray) ms3 = mentions (bad, NULL, 1);
    g_assert_cmpint (g_array_index (ms3, RasdDateMention, 0).date.day, ==, 15);
  }

  {
    g_autoptr(GArray) empty = mentions ("", NULL, 0);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Publication date from the text                                                            */

static void
test_dateline (void)
{
  RasdDate d;

  g_assert_true (rasd_date_find_dateline ("الجمعة، 18 أكتوبر 2024\n\n08:44 ص\n\nبوتين يحذر الأسد", &d));
  g_assert_true (d.year == 2024 && d.month == 10 && d.day == 18);

  g_assert_true (rasd_date_find_dateline ("موسكو 26 شوال 1436 هـ الموافق 11 أغسطس 2015\nقال الرئيس", &d));
  g_assert_true (d.year == 2015 && d.month == 8 && d.day == 11);

  g_assert_true (rasd_date_find_dateline ("الرياض - 21 يوليو 2015 - أعلنت الوزارة اليوم أن", &d));
  g_assert_true (d.year == 2015 && d.month == 7 && d.day == 21);

  g_assert_true (rasd_date_find_dateline ("عنوان الخبر\n\nآخر تحديث: 2015-07-21\nنص الخبر", &d));
  g_assert_true (d.year == 2015 && d.month == 7 && d.day == 21);

  /* A date inside the lead sentence is an event, not a dateline. */
  g_assert_false (rasd_date_find_dateline ("في 20 أكتوبر 2015 التقى الرئيس نظيره في موسكو", &d));
  g_assert_false (rasd_date_find_dateline ("قال الرئيس إن هجمات 11 سبتمبر 2001، غيرت العالم", &d));
  g_assert_true (rasd_date_find_dateline ("بقلم فلان الفلاني | القاهرة 3 مايو 2019 | قال", &d));
  g_assert_true (d.year == 2019 && d.month == 5 && d.day == 3);
  g_assert_false (rasd_date_find_dateline ("قال الرئيس الأمريكي في خطاب طويل إن هجمات 11 سبتمبر 2001 غيرت العالم", &d));
  g_assert_true (d.precision == RASD_DATE_PRECISION_NONE);
  /* Nor a date far down the article. */
  {
    g_autoptr(GString) s = g_string_new ("العنوان\n");
    for (int i = 0; i < 10; i++)
      g_string_append (s, "هذه جملة طويلة من نص الخبر لا تحمل أي تاريخ على الإطلاق وتكمل الفقرة.\n");
    g_string_append (s, "الرياض 13 أبريل 2022: أتاحت التأشيرة");
    g_assert_false (rasd_date_find_dateline (s->str, &d));
  }
  g_assert_false (rasd_date_find_dateline ("", &d));
}

static void
test_refine_publication (void)
{
  RasdDate pub, out;
  RasdDateContext ctx;

  /* A page header later than the text: the text's month wins. */
  {
    const char *text = "الجمعة، 18 أكتوبر 2024\n\nالتقى بوتين اليوم الأسد. وفي حديثه للصحفيين في 15 يوليو "
                       "الجاري، قال الأسد إن التطبيع ممكن.";

    g_assert_true (rasd_date_context_refine_publication (text, NULL, &out));
    g_assert_true (out.precision == RASD_DATE_PRECISION_MONTH && out.year == 2024 && out.month == 7);

    rasd_date_context_init (&ctx, text, NULL);
    {
      g_autoptr(GArray) ms = rasd_date_find_all (text, &ctx);
      gboolean seen = FALSE;
      for (guint i = 0; i < ms->len; i++)
        {
          const RasdDateMention *m = &g_array_index (ms, RasdDateMention, i);
          if (m->kind == RASD_DATE_KIND_DAY_OFFSET)
            {
              g_autofree char *iso = mention_iso (m);
              g_assert_cmpstr (iso, ==, "2024-07");
              seen = TRUE;
            }
        }
      g_assert_true (seen);
    }
  }

  /* No metadata: "اليوم (الثلاثاء)" + "يصادف اليوم 7 يناير" + latest year 2017 → 2020. */
  {
    const char *text = "وقال الرئيس إنه اليوم (الثلاثاء)، تم اجتياز طريق هائل. وزار سوريا في ديسمبر "
                       "(كانون الأول) 2017، وبدأ النزاع في عام 2011. وهنأ الضباط بعيد الميلاد الذي "
                       "يصادف اليوم 7 يناير. وسيزور الرئيس الأربعاء تركيا.";
    g_autoptr(GArray) ms = NULL;

    g_assert_true (rasd_date_context_refine_publication (text, NULL, &out));
    g_assert_true (out.precision == RASD_DATE_PRECISION_DAY && out.year == 2020 &&
                   out.month == 1 && out.day == 7);
    rasd_date_context_init (&ctx, text, NULL);
    ms = rasd_date_find_all (text, &ctx);
    for (guint i = 0; i < ms->len; i++)
      {
        const RasdDateMention *m = &g_array_index (ms, RasdDateMention, i);
        if (m->kind == RASD_DATE_KIND_WEEKDAY)
          g_assert_true (m->date.year == 2020 && m->date.month == 1 && m->date.day == 8);
      }
  }

  /* "اليوم الأربعاء 15 مارس" and the years the text mentions. */
  g_assert_true (rasd_date_context_refine_publication ("محادثات في موسكو اليوم الأربعاء 15 مارس/آذار. "
                                                       "وفي عام 2022 زار الأسد موسكو.", NULL, &out));
  g_assert_true (out.year == 2023 && out.month == 3 && out.day == 15);

  /* Just after the turn of a month: the last day of the month before. */
  g_assert_true (rasd_date_parse_iso ("2015-08-01", &pub));
  g_assert_true (rasd_date_context_refine_publication ("ستجري في 30 أو 31 يوليو الحالي", &pub, &out));
  g_assert_true (out.precision == RASD_DATE_PRECISION_DAY && out.year == 2015 && out.month == 7 &&
                 out.day == 31);

  /* A crawl date one day late. */
  g_assert_true (rasd_date_parse_iso ("2015-07-25", &pub));
  g_assert_true (rasd_date_context_refine_publication ("وصل كارتر اليوم (الجمعة) إلى أربيل", &pub, &out));
  g_assert_true (out.year == 2015 && out.month == 7 && out.day == 24);

  /* Agreement, or nothing to go on: unchanged. */
  g_assert_true (rasd_date_parse_iso ("2015-07-24", &pub));
  g_assert_false (rasd_date_context_refine_publication ("وصل كارتر اليوم (الجمعة) إلى أربيل", &pub, &out));
  g_assert_true (out.day == 24);
  g_assert_false (rasd_date_context_refine_publication ("التقى الرئيس أمس نظيره", &pub, &out));
  g_assert_true (out.day == 24);
  g_assert_false (rasd_date_context_refine_publication ("التقى الرئيس الاثنين نظيره غدا الأربعاء", NULL, &out));
  g_assert_true (out.precision == RASD_DATE_PRECISION_NONE);

  /* A dateline when there is no metadata. */
  rasd_date_context_init (&ctx, "الرياض - 21 يوليو 2015\nالتقى ولي العهد أمس الرئيس.", NULL);
  g_assert_true (ctx.publication.year == 2015 && ctx.publication.day == 21);
}

static void
test_collect_years (void)
{
  RasdDateContext ctx = { 0 };

  rasd_date_context_collect_years (&ctx, "في عام 2017 و2011، وفي 26 شوال 1436 هـ، ونشر 2000 جندي، "
                                         "وفي ديسمبر 2017 أيضا، ومنذ 1850.");
  g_assert_cmpuint (ctx.n_years, ==, 3);
  g_assert_cmpint (ctx.years[0], ==, 2011);
  g_assert_cmpint (ctx.years[1], ==, 2015);
  g_assert_cmpint (ctx.years[2], ==, 2017);

  /* Many years: the latest are kept. */
  {
    g_autoptr(GString) s = g_string_new (NULL);
    RasdDateContext many = { 0 };
    for (int y = 1901; y <= 2000; y++)
      g_string_append_printf (s, "عام %d، ", y);
    rasd_date_context_collect_years (&many, s->str);
    g_assert_cmpuint (many.n_years, ==, RASD_DATE_MAX_YEARS);
    g_assert_cmpint (many.years[RASD_DATE_MAX_YEARS - 1], ==, 2000);
    g_assert_cmpint (many.years[0], ==, 2000 - RASD_DATE_MAX_YEARS + 1);
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Real articles (read from ../shared when present, never copied)                            */

static char *
read_article (const char *dir,
              const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".txt"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        char *text = NULL;
        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        return text;
      }
  return NULL;
}

static void
check_mentions_well_formed (const char *text,
                            GArray     *ms)
{
  gsize prev_end = 0;

  for (guint i = 0; i < ms->len; i++)
    {
      const RasdDateMention *m = &g_array_index (ms, RasdDateMention, i);

      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->start, >=, prev_end);
      g_assert_cmpuint (m->byte_end, <=, strlen (text));
      g_assert_cmpuint (g_utf8_pointer_to_offset (text, text + m->byte_start), ==, m->start);
      g_assert_cmpuint (g_utf8_pointer_to_offset (text, text + m->byte_end), ==, m->end);
      prev_end = m->end;
    }
}

/* rasd_date_context_init_find_all() gives the context and mentions of the two calls. */
static void
check_one_scan_same (const char            *text,
                     const RasdDate        *pub,
                     const RasdDateContext *expected_ctx,
                     GArray                *expected)
{
  RasdDateContext ctx;
  g_autoptr(GArray) ms = rasd_date_context_init_find_all (&ctx, text, pub);
  g_autofree char *iso = rasd_date_to_iso (&ctx.publication);
  g_autofree char *expected_iso = rasd_date_to_iso (&expected_ctx->publication);

  g_assert_cmpstr (iso, ==, expected_iso);
  g_assert_cmpuint (ctx.n_years, ==, expected_ctx->n_years);
  g_assert_cmpmem (ctx.years, ctx.n_years * sizeof ctx.years[0],
                   expected_ctx->years, expected_ctx->n_years * sizeof ctx.years[0]);
  g_assert_cmpuint (ms->len, ==, expected->len);
  for (guint k = 0; k < ms->len; k++)
    {
      const RasdDateMention *a = &g_array_index (ms, RasdDateMention, k);
      const RasdDateMention *b = &g_array_index (expected, RasdDateMention, k);
      g_autofree char *a_date = rasd_date_to_iso (&a->date);
      g_autofree char *b_date = rasd_date_to_iso (&b->date);
      g_autofree char *a_end = rasd_date_to_iso (&a->date_end);
      g_autofree char *b_end = rasd_date_to_iso (&b->date_end);

      g_assert_cmpuint (a->start, ==, b->start);
      g_assert_cmpuint (a->end, ==, b->end);
      g_assert_cmpuint (a->flags, ==, b->flags);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->offset, ==, b->offset);
      g_assert_cmpstr (a_date, ==, b_date);
      g_assert_cmpstr (a_end, ==, b_end);
    }
}

static void
test_corpus (void)
{
  g_autofree char *seeds = rasd_test_shared_corpus ("seeds");
  g_autofree char *snn = NULL;
  static const struct { const char *prefix; const char *publication; } expected[] = {
    { "000_", "2020-01-07" },   /* "اليوم (الثلاثاء)" + "يصادف اليوم 7 يناير" */
    { "001_", NULL },           /* only weekdays */
    { "002_", "2024-07" },      /* header October, "15 يوليو الجاري" */
    { "003_", "2023-03-15" },   /* "اليوم الأربعاء 15 مارس" */
    { "004_", NULL },
  };

  if (seeds == NULL)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = read_article (seeds, expected[i].prefix);
      g_autofree char *iso = NULL;
      g_autoptr(GArray) ms = NULL;
      RasdDateContext ctx;

      g_assert_nonnull (text);
      rasd_date_context_init (&ctx, text, NULL);
      iso = rasd_date_to_iso (&ctx.publication);
      g_assert_cmpstr (iso, ==, expected[i].publication);
      ms = rasd_date_find_all (text, &ctx);
      check_mentions_well_formed (text, ms);
    }

  snn = rasd_test_shared_corpus ("snn-dev");
  if (snn == NULL)
    return;
  {
    g_autoptr(GDir) d = g_dir_open (snn, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = NULL;
        g_autofree char *text = NULL;
        g_autoptr(GArray) ms = NULL;
        RasdDate pub = { 2015, 7, 21, RASD_DATE_PRECISION_DAY };
        RasdDateContext ctx;

        if (!g_str_has_suffix (name, ".txt"))
          continue;
        path = g_build_filename (snn, name, NULL);
        g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
        rasd_date_context_init (&ctx, text, &pub);
        g_assert_true (ctx.publication.precision != RASD_DATE_PRECISION_NONE);
        ms = rasd_date_find_all (text, &ctx);
        check_mentions_well_formed (text, ms);
        check_one_scan_same (text, &pub, &ctx, ms);
        n++;
      }
    g_assert_cmpuint (n, >, 0);
  }
}

static gpointer
thread_func (gpointer data)
{
  const char *text = data;

  for (int i = 0; i < 200; i++)
    {
      g_autoptr(GArray) ms = rasd_date_find_all (text, NULL);
      g_assert_cmpuint (ms->len, ==, 3);
    }
  return NULL;
}

static void
test_threads (void)
{
  const char *text = "في 15 مارس 2023 و في عام 2011 ثم في 26 شوال 1436 هـ";
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("date", thread_func, (gpointer) text);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/calendar", test_calendar);
  g_test_add_func ("/date/same-as-before", test_same_as_before);
  g_test_add_func ("/date/iso", test_iso);
  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/hijri/conversion", test_hijri_conversion);
  g_test_add_func ("/date/months/egyptian", test_months_egyptian);
  g_test_add_func ("/date/months/levantine", test_months_levantine);
  g_test_add_func ("/date/months/maghrebi", test_months_maghrebi);
  g_test_add_func ("/date/months/moroccan", test_months_moroccan);
  g_test_add_func ("/date/months/paired", test_months_paired);
  g_test_add_func ("/date/spelling", test_spelling_variants);
  g_test_add_func ("/date/numeric", test_numeric);
  g_test_add_func ("/date/years", test_years);
  g_test_add_func ("/date/ranges", test_ranges);
  g_test_add_func ("/date/weekday-dates", test_weekday_dates);
  g_test_add_func ("/date/year-inference", test_year_inference);
  g_test_add_func ("/date/relative", test_relative);
  g_test_add_func ("/date/relative-flags", test_relative_flags);
  g_test_add_func ("/date/hijri/text", test_hijri_text);
  g_test_add_func ("/date/not-dates", test_not_dates);
  g_test_add_func ("/date/offsets", test_offsets);
  g_test_add_func ("/date/dateline", test_dateline);
  g_test_add_func ("/date/refine-publication", test_refine_publication);
  g_test_add_func ("/date/collect-years", test_collect_years);
  g_test_add_func ("/date/corpus", test_corpus);
  g_test_add_func ("/date/threads", test_threads);

  return g_test_run ();
}
