#include "config.h"

#include <glib.h>
#include <math.h>
#include <string.h>

#include "rasd-arabic.h"
#include "rasd-gazetteer.h"

static RasdGazetteer *gaz;

static const RasdPlace *
best_of (const char         *name,
         const char * const *preferred)
{
  g_autofree char *norm = rasd_arabic_normalize (name, -1);
  const GPtrArray *candidates = rasd_gazetteer_lookup (gaz, norm);

  g_assert_nonnull (candidates);
  return rasd_gazetteer_best (gaz, candidates, preferred);
}

static void
assert_near (const RasdPlace *p,
             double           lat,
             double           lon)
{
  g_assert_cmpfloat (fabs (p->lat - lat), <, 0.3);
  g_assert_cmpfloat (fabs (p->lon - lon), <, 0.3);
}

static void
test_damascus (void)
{
  const RasdPlace *p = best_of ("دمشق", NULL);

  g_assert_cmpint (p->kind, ==, RASD_PLACE_KIND_CITY);
  g_assert_cmpstr (p->name_en, ==, "Damascus");
  g_assert_cmpstr (p->country, ==, "SY");
  assert_near (p, 33.5, 36.3);
  /* Diacritics and alef forms fold. */
  g_assert_true (best_of ("دِمَشْق", NULL) == p);
}

static void
test_moscow (void)
{
  const RasdPlace *p = best_of ("موسكو", NULL);
  const char *us[] = { "US", NULL };

  g_assert_cmpstr (p->key, ==, "524901");
  g_assert_cmpstr (p->country, ==, "RU");
  /* The larger place of a name: a town of a country the text speaks of does not win over a
   * capital hundreds of times its size (Moscow, Idaho); see طرابلس below for one that does. */
  g_assert_cmpstr (best_of ("موسكو", us)->country, ==, "RU");
}

static void
test_cities (void)
{
  const RasdPlace *p;

  p = best_of ("سوتشي", NULL);
  g_assert_cmpstr (p->country, ==, "RU");
  assert_near (p, 43.6, 39.73);

  p = best_of ("جدة", NULL);
  g_assert_cmpstr (p->name_en, ==, "Jeddah");
  g_assert_true (best_of ("جده", NULL) == p);

  p = best_of ("الرياض", NULL);
  g_assert_cmpstr (p->name_en, ==, "Riyadh");
  assert_near (p, 24.69, 46.72);

  p = best_of ("بكين", NULL);
  g_assert_cmpstr (p->country, ==, "CN");
  g_assert_true (best_of ("بيجينغ", NULL) == p);

  p = best_of ("واشنطن", NULL);
  g_assert_cmpstr (p->key, ==, "rasd:washington");

  p = best_of ("طرابلس", NULL);
  g_assert_cmpstr (p->country, ==, "LY");
  {
    const char *lb[] = { "LB", NULL };

    g_assert_cmpstr (best_of ("طرابلس", lb)->country, ==, "LB");
  }
}

static void
test_sites (void)
{
  const RasdPlace *p = best_of ("الكرملين", NULL);
  const RasdPlace *city;

  g_assert_cmpint (p->kind, ==, RASD_PLACE_KIND_SITE);
  city = rasd_gazetteer_get_place (gaz, p->stands_for);
  g_assert_nonnull (city);
  g_assert_cmpstr (city->name_en, ==, "Moscow");

  p = best_of ("البيت الأبيض", NULL);
  g_assert_cmpstr (p->stands_for, ==, "rasd:washington");

  p = best_of ("قاعدة حميميم", NULL);
  g_assert_cmpint (p->kind, ==, RASD_PLACE_KIND_SITE);
  g_assert_cmpstr (p->country, ==, "SY");
  g_assert_null (p->stands_for);
  assert_near (p, 35.40, 35.95);
  g_assert_true (best_of ("حميميم", NULL) == p);
}

/* Cities the catalogue gives only in Latin letters or not at all, and regions whose name is not
 * their seat's: a governor's region is where he sits. */
static void
test_regional_seats (void)
{
  const RasdPlace *p;

  p = best_of ("سكاكا", NULL);
  g_assert_cmpstr (p->country, ==, "SA");
  assert_near (p, 29.97, 40.21);
  g_assert_cmpstr (best_of ("أبها", NULL)->country, ==, "SA");
  g_assert_true (best_of ("الأحساء", NULL) == best_of ("الهفوف", NULL));
  g_assert_cmpstr (best_of ("عنيزة", NULL)->country, ==, "SA");
  g_assert_cmpstr (best_of ("البصرة", NULL)->country, ==, "IQ");
  g_assert_cmpstr (best_of ("الشارقة", NULL)->country, ==, "AE");
  g_assert_cmpstr (best_of ("السويس", NULL)->country, ==, "EG");

  /* ألماني normalises with ال: its definite form is an adjective too, for the extractor and
   * not for the name tagger's features */
  {
    const char *country = NULL;
    g_autofree char *german = rasd_arabic_normalize ("الألماني", -1);

    g_assert_nonnull (rasd_gazetteer_lookup_adjective (gaz, german, &country));
    g_assert_cmpstr (country, ==, "DE");
    g_assert_null (rasd_gazetteer_lookup_adjective_core (gaz, german));
  }

  /* spellings of world cities beside the catalogue's: بطرسبرغ alone is the Russian city, not
   * Petersburg in the United States; a capital the catalogue lacks */
  g_assert_cmpstr (best_of ("سان بطرسبرغ", NULL)->name_en, ==, "Saint Petersburg");
  g_assert_true (best_of ("بطرسبرغ", NULL) == best_of ("سانت بطرسبورغ", NULL));
  g_assert_cmpstr (best_of ("ميونيخ", NULL)->country, ==, "DE");
  g_assert_cmpstr (best_of ("نواكشوط", NULL)->country, ==, "MR");

  /* the row's English name over the catalogue's (Abu Dhabi Island and Internal Islands City) */
  g_assert_cmpstr (best_of ("أبوظبي", NULL)->name_en, ==, "Abu Dhabi");
  g_assert_cmpstr (best_of ("سكاكا", NULL)->name_en, ==, "Sakaka");

  /* الجوف is the Saudi region, whose seat is Sakaka, not a Libyan town of 17,000 */
  p = best_of ("الجوف", NULL);
  g_assert_cmpint (p->kind, ==, RASD_PLACE_KIND_SITE);
  g_assert_cmpstr (p->country, ==, "SA");
  g_assert_true (rasd_gazetteer_get_place (gaz, p->stands_for) == best_of ("سكاكا", NULL));
  p = best_of ("منطقة عسير", NULL);
  g_assert_true (rasd_gazetteer_get_place (gaz, p->stands_for) == best_of ("أبها", NULL));
  p = best_of ("المنطقة الشرقية", NULL);
  g_assert_true (rasd_gazetteer_get_place (gaz, p->stands_for) == best_of ("الدمام", NULL));

  /* the name tagger's view is the gazetteer before these places: its model stays as trained */
  {
    g_autofree char *sakaka = rasd_arabic_normalize ("سكاكا", -1);
    g_autofree char *jawf = rasd_arabic_normalize ("الجوف", -1);
    g_autofree char *riyadh = rasd_arabic_normalize ("الرياض", -1);
    g_autofree char *muhayil = rasd_arabic_normalize ("محايل", -1);
    const GPtrArray *before = rasd_gazetteer_lookup_core (gaz, jawf);

    g_assert_null (rasd_gazetteer_lookup_core (gaz, sakaka));
    g_assert_nonnull (before);
    for (guint i = 0; i < before->len; i++)
      g_assert_cmpstr (((const RasdPlace *) g_ptr_array_index (before, i))->country, !=, "SA");
    g_assert_true (rasd_gazetteer_lookup_core (gaz, riyadh) == rasd_gazetteer_lookup (gaz, riyadh));
    /* محايل عسير is the extractor's only */
    g_assert_cmpuint (rasd_gazetteer_words_from (gaz, muhayil), ==, 2);
    g_assert_cmpuint (rasd_gazetteer_words_from_core (gaz, muhayil), ==, 0);
  }
}

static void
test_adjectives (void)
{
  const char *country = NULL;
  const RasdPlace *p;
  g_autofree char *sy = rasd_arabic_normalize ("السورية", -1);
  g_autofree char *eg_pl = rasd_arabic_normalize ("المصريين", -1);

  p = rasd_gazetteer_lookup_adjective (gaz, "المصري", &country);
  g_assert_nonnull (p);
  g_assert_cmpstr (country, ==, "EG");
  g_assert_cmpint (p->kind, ==, RASD_PLACE_KIND_COUNTRY);

  rasd_gazetteer_lookup_adjective (gaz, sy, &country);
  g_assert_cmpstr (country, ==, "SY");
  rasd_gazetteer_lookup_adjective (gaz, eg_pl, &country);
  g_assert_cmpstr (country, ==, "EG");
  rasd_gazetteer_lookup_adjective (gaz, "الروس", &country);
  g_assert_cmpstr (country, ==, "RU");
  g_assert_null (rasd_gazetteer_lookup_adjective (gaz, "الكتاب", &country));
  g_assert_null (country);
}

static void
test_capital_phrases (void)
{
  /* "العاصمة" and a country's adjective name its capital, for every country; what places.tsv
   * names so stays (العاصمة الكويتية is Kuwait City) */
  const RasdPlace *p = best_of ("العاصمة الكينية", NULL);

  g_assert_nonnull (p);
  g_assert_cmpstr (p->name_en, ==, "Nairobi");
  p = best_of ("العاصمة المغربية", NULL);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->country, ==, "MA");
  g_assert_true (p->capital);
  p = best_of ("العاصمة الكويتية", NULL);
  g_assert_nonnull (p);
  g_assert_cmpstr (p->name_en, ==, "Kuwait City");
  /* a capital needs a country: no "العاصمة الكتابية" */
  g_assert_null (rasd_gazetteer_lookup (gaz, "العاصمه الكتابيه"));
  /* a capital is named as countries.tsv writes it, the facets' and the map's name: الرباط and
   * الخرطوم, not GeoNames' رباط and خرطوم */
  g_assert_cmpstr (rasd_gazetteer_get_capital (gaz, "MA")->name_ar, ==, "الرباط");
  g_assert_cmpstr (rasd_gazetteer_get_capital (gaz, "SD")->name_ar, ==, "الخرطوم");
  g_assert_cmpstr (rasd_gazetteer_get_capital (gaz, "JO")->name_ar, ==, "عمّان");
  g_assert_cmpstr (best_of ("رباط", NULL)->name_ar, ==, "الرباط");
  /* GeoNames' vowelled names lose their vowels, not the shadda of عمّان */
  g_assert_cmpstr (best_of ("بريدة", NULL)->name_ar, ==, "بريدة");
  g_assert_cmpstr (best_of ("الجهراء", NULL)->name_ar, ==, "الجهراء");
}

static void
test_countries (void)
{
  const RasdPlace *p = best_of ("مصر", NULL);

  g_assert_cmpint (p->kind, ==, RASD_PLACE_KIND_COUNTRY);
  g_assert_cmpstr (p->key, ==, "country:EG");
  g_assert_true (best_of ("جمهورية مصر العربية", NULL) == p);
  g_assert_cmpstr (best_of ("المملكة العربية السعودية", NULL)->country, ==, "SA");
  g_assert_cmpstr (best_of ("الولايات المتحدة الأمريكية", NULL)->country, ==, "US");
  g_assert_cmpstr (best_of ("فلسطين", NULL)->key, ==, "country:PS");
  g_assert_cmpuint (rasd_gazetteer_count (gaz, RASD_PLACE_KIND_COUNTRY, TRUE), >=, 195);
  g_assert_cmpuint (rasd_gazetteer_max_words (gaz), >=, 4);
}

static void
test_ambiguity (void)
{
  const char *dz[] = { "DZ", NULL };
  const char *jo[] = { "JO", NULL };
  const RasdPlace *p;

  /* A bare الجزائر / الكويت / تونس is the country... */
  p = best_of ("الجزائر", NULL);
  g_assert_cmpint (p->kind, ==, RASD_PLACE_KIND_COUNTRY);
  g_assert_cmpstr (p->country, ==, "DZ");
  g_assert_cmpint (best_of ("الجزائر", dz)->kind, ==, RASD_PLACE_KIND_COUNTRY);
  g_assert_cmpint (best_of ("الكويت", NULL)->kind, ==, RASD_PLACE_KIND_COUNTRY);
  g_assert_cmpint (best_of ("تونس", NULL)->kind, ==, RASD_PLACE_KIND_COUNTRY);

  /* ...the city when the text says so. */
  p = best_of ("الجزائر العاصمة", NULL);
  g_assert_cmpint (p->kind, ==, RASD_PLACE_KIND_CITY);
  g_assert_cmpstr (p->name_en, ==, "Algiers");
  g_assert_cmpint (best_of ("مدينة الكويت", NULL)->kind, ==, RASD_PLACE_KIND_CITY);
  g_assert_cmpint (best_of ("العاصمة التونسية", NULL)->kind, ==, RASD_PLACE_KIND_CITY);

  /* عمان: Oman, unless Jordan is the preferred country. */
  g_assert_cmpstr (best_of ("عمان", NULL)->key, ==, "country:OM");
  g_assert_cmpstr (best_of ("عمان", jo)->name_en, ==, "Amman");
}

static void
test_variants (void)
{
  const RasdPlace *p = best_of ("أبو ظبي", NULL);

  g_assert_cmpstr (p->country, ==, "AE");
  g_assert_true (best_of ("ابوظبي", NULL) == p);
  g_assert_true (best_of ("أبوظبي", NULL) == p);
  g_assert_true (best_of ("ابو ظبي", NULL) == p);
  g_assert_true (best_of ("نور سلطان", NULL) == best_of ("أستانا", NULL));
  g_assert_true (best_of ("إسطنبول", NULL) == best_of ("اسطنبول", NULL));
  g_assert_null (rasd_gazetteer_lookup (gaz, "كيف"));
}

static void
test_default (void)
{
  RasdGazetteer *a = rasd_gazetteer_get_default ();

  g_assert_nonnull (a);
  g_assert_true (a == rasd_gazetteer_get_default ());
  g_assert_nonnull (rasd_gazetteer_lookup (a, "دمشق"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *source = g_getenv ("RASD_SOURCE_DIR");
  gint64 start;
  int ret;

  g_test_init (&argc, &argv, NULL);

  dir = g_build_filename (source != NULL ? source : SOURCE_DATADIR "/..", "data", "gazetteer", NULL);
  g_setenv ("RASD_GAZETTEER_DIR", dir, TRUE);
  start = g_get_monotonic_time ();
  gaz = rasd_gazetteer_new_from_dir (dir, &error);
  g_assert_no_error (error);
  g_test_message ("loaded in %.1f ms: %u cities with Arabic names (of %u), %u countries, %u sites",
                  (g_get_monotonic_time () - start) / 1000.0,
                  rasd_gazetteer_count (gaz, RASD_PLACE_KIND_CITY, TRUE),
                  rasd_gazetteer_count (gaz, RASD_PLACE_KIND_CITY, FALSE),
                  rasd_gazetteer_count (gaz, RASD_PLACE_KIND_COUNTRY, FALSE),
                  rasd_gazetteer_count (gaz, RASD_PLACE_KIND_SITE, FALSE));

  g_test_add_func ("/gazetteer/damascus", test_damascus);
  g_test_add_func ("/gazetteer/moscow", test_moscow);
  g_test_add_func ("/gazetteer/cities", test_cities);
  g_test_add_func ("/gazetteer/sites", test_sites);
  g_test_add_func ("/gazetteer/regional-seats", test_regional_seats);
  g_test_add_func ("/gazetteer/adjectives", test_adjectives);
  g_test_add_func ("/gazetteer/countries", test_countries);
  g_test_add_func ("/gazetteer/capital-phrases", test_capital_phrases);
  g_test_add_func ("/gazetteer/ambiguity", test_ambiguity);
  g_test_add_func ("/gazetteer/variants", test_variants);
  g_test_add_func ("/gazetteer/default", test_default);

  ret = g_test_run ();
  rasd_gazetteer_free (gaz);
  return ret;
}
