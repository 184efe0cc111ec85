
#include "config.h"

#include <glib.h>
#include <string.h>

#include "rasd-arabic.h"
#include "rasd-people.h"

static RasdPeople *people;

static const RasdPerson *
lookup (const char *text)
{
  g_autofree char *norm = rasd_arabic_normalize (text, -1);

  return rasd_people_lookup (people, norm);
}

static const RasdTitle *
match_title (const char *text,
             guint      *n_matched)
{
  g_autofree char *norm = rasd_arabic_normalize (text, -1);
  g_auto(GStrv) words = g_strsplit (norm, " ", -1);

  return rasd_people_match_title (people, (const char * const *) words,
                                  g_strv_length (words), n_matched);
}

static void
test_people_putin (void)
{
  const RasdPerson *a = lookup ("بوتين");
  const RasdPerson *b = lookup ("بوتن");
  const RasdPerson *c = lookup ("فلاديمير بوتين");

  g_assert_nonnull (a);
  g_assert_true (a == b);
  g_assert_true (a == c);
  g_assert_cmpstr (a->name_en, ==, "Vladimir Putin");
  g_assert_cmpstr (a->country, ==, "RU");
  g_assert_cmpstr (a->key, ==, "vladimir-putin");
  g_assert_true (rasd_people_get_person (people, "vladimir-putin") == a);
}

static void
test_people_variants (void)
{
  const RasdPerson *erdogan = lookup ("رجب طيب أردوغان");
  const RasdPerson *assad = lookup ("بشار الأسد");
  const RasdPerson *mbs = lookup ("محمد بن سلمان");
  g_autofree char *short_norm = rasd_arabic_normalize ("الأسد", -1);

  g_assert_nonnull (erdogan);
  g_assert_true (lookup ("إردوغان") == erdogan);
  g_assert_true (lookup ("اردوغان") == erdogan);
  /* Diacritics and hamza forms. */
  g_assert_true (lookup ("رَجَب طَيِّب أَرْدُوغَان") == erdogan);
  g_assert_nonnull (assad);
  g_assert_true (lookup ("بشّار الاسد") == assad);
  g_assert_true (lookup ("الأسد") == assad);
  g_assert_true (rasd_people_is_short_form (people, short_norm));
  g_assert_false (rasd_people_is_short_form (people, "بشار الاسد"));
  g_assert_cmpstr (assad->country, ==, "SY");
  g_assert_nonnull (mbs);
  g_assert_cmpstr (mbs->name_en, ==, "Mohammed bin Salman");
  g_assert_true (lookup ("ترمب") == lookup ("دونالد ترامب"));
  /* عبد الله / عبدالله are one name. */
  g_assert_nonnull (lookup ("عبد الله بن زايد"));
  g_assert_true (lookup ("عبد الله بن زايد") == lookup ("عبدالله بن زايد"));
  g_assert_true (lookup ("الملك سلمان بن عبد العزيز") == lookup ("الملك سلمان بن عبدالعزيز"));
  /* A derived spelling variant is merged into the hand-written person. */
  g_assert_true (lookup ("بنجامين نتنياهو") == lookup ("نتنياهو"));
  g_assert_null (lookup ("الرئيس"));
  g_assert_null (lookup ("موسكو"));
  g_assert_cmpuint (rasd_people_max_words (people), >=, 3);
  g_assert_cmpuint (rasd_people_max_words (people), <=, 8);
}

static void
test_people_first_names (void)
{
  static const char * const names[] = {
    "فلاديمير", "سيرغي", "دونالد", "إيمانويل", "أنجيلا", "رجب", "حسن", "فاطمة", "عبدالله",
    "عبد الله", "إبراهيم", "أسماء",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *norm = rasd_arabic_normalize (names[i], -1);

      /* One word: "عبد الله" is its first word عبد, or the joined عبدالله. */
      if (strchr (norm, ' ') != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (norm, " ", -1);
          g_autofree char *glued = g_strjoinv ("", parts);

          g_assert_true (rasd_people_is_first_name (people, parts[0]));
          g_assert_true (rasd_people_is_first_name (people, glued));
          continue;
        }
      g_assert_true (rasd_people_is_first_name (people, norm));
    }
  g_assert_false (rasd_people_is_first_name (people, "موسكو"));
  g_assert_false (rasd_people_is_first_name (people, "الرئيس"));

  /* first-names-regional.txt: the extractor's, not the name tagger's features' */
  {
    g_autofree char *tayeb = rasd_arabic_normalize ("الطيب", -1);
    g_autofree char *vladimir = rasd_arabic_normalize ("فلاديمير", -1);

    g_assert_true (rasd_people_is_first_name (people, tayeb));
    g_assert_false (rasd_people_is_first_name_core (people, tayeb));
    g_assert_true (rasd_people_is_first_name_core (people, vladimir));
  }
  g_assert_false (rasd_people_is_first_name (people, "ولي"));
  g_assert_cmpuint (rasd_people_n_first_names (people), >=, 400);
}

static void
test_people_titles (void)
{
  const RasdTitle *title;
  guint n = 0;

  title = match_title ("وزير الخارجية الروسي سيرغي لافروف", &n);
  g_assert_nonnull (title);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (title->type, ==, RASD_TITLE_ROLE);
  g_assert_cmpstr (title->text, ==, "وزير الخارجيه");

  title = match_title ("ولي ولي العهد الأمير خالد بن فهد", &n);
  g_assert_nonnull (title);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (title->text, ==, "ولي ولي العهد");

  title = match_title ("ولي العهد السعودي", &n);
  g_assert_nonnull (title);
  g_assert_cmpuint (n, ==, 2);

  title = match_title ("الرئيس الروسي فلاديمير بوتين", &n);
  g_assert_nonnull (title);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (title->type, ==, RASD_TITLE_TITLE);

  title = match_title ("رئيس الوزراء العراقي", &n);
  g_assert_nonnull (title);
  g_assert_cmpuint (n, ==, 2);

  title = match_title ("فخامة الرئيس", &n);
  g_assert_nonnull (title);
  g_assert_cmpuint (n, ==, 2);

  title = match_title ("معالي الدكتور", &n);
  g_assert_nonnull (title);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (title->type, ==, RASD_TITLE_HONORIFIC);

  /* Open role: وزير + noun not listed. */
  title = match_title ("وزير الزراعة اللبناني", &n);
  g_assert_nonnull (title);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (title->type, ==, RASD_TITLE_ROLE);

  /* وزير + nationality adjective is not an open role. */
  title = match_title ("وزير روسي", &n);
  g_assert_null (title);
  g_assert_cmpuint (n, ==, 0);

  title = match_title ("المتحدث باسم الكرملين", &n);
  g_assert_nonnull (title);
  g_assert_cmpuint (n, ==, 2);

  g_assert_null (match_title ("موسكو", &n));
  g_assert_null (rasd_people_match_title (people, NULL, 0, &n));
  g_assert_cmpuint (rasd_people_n_titles (people), >=, 100);
}

static void
test_people_no_organisations (void)
{
  static const char * const org_words[] = {
    "منظمه", "حركه", "مجلس", "حزب", "وزاره", "جيش", "قوه", "قوات", "جامعه", "حكومه", "اتحاد",
  };
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "people", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint derived = 0;
  gboolean in_derived = FALSE;

  if (g_getenv ("RASD_SOURCE_DIR") != NULL)
    path = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "people", "people.tsv", NULL);
  else
    path = g_build_filename (dir, "people.tsv", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *norm = NULL;
      g_auto(GStrv) words = NULL;

      if (g_str_has_prefix (lines[i], "# --- derived"))
        in_derived = TRUE;
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cols), >=, 2);
      norm = rasd_arabic_normalize (cols[1], -1);
      words = g_strsplit (norm, " ", -1);
      for (guint w = 0; words[w] != NULL; w++)
        for (guint o = 0; o < G_N_ELEMENTS (org_words); o++)
          if (strcmp (words[w], org_words[o]) == 0)
            g_error ("%s:%u: %s looks like an organisation", path, i + 1, cols[1]);
      if (in_derived)
        {
          derived++;
          /* Derived people have "up:" keys; variants of hand-written people reuse theirs. */
          g_assert_true (g_str_has_prefix (cols[0], "up:") || rasd_people_get_person (people, cols[0]) != NULL);
          g_assert_cmpuint (g_strv_length (words), >=, 2);
        }
    }
  g_assert_cmpuint (derived, >, 100);
  g_assert_null (lookup ("حركة حماس"));
  g_assert_null (lookup ("منظمة التحرير الفلسطينية"));
  g_assert_cmpuint (rasd_people_n_people (people), >, 300);
  /* A derived person is looked up like a hand-written one. */
  g_assert_nonnull (lookup ("سمير جعجع"));
  g_assert_true (g_str_has_prefix (lookup ("سمير جعجع")->key, "up:"));
}

static void
test_people_missing_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdPeople) none = rasd_people_load ("/nonexistent/rasd-people", &error);

  g_assert_null (none);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "people.tsv"));
}

static gpointer
lookup_thread (G_GNUC_UNUSED gpointer data)
{
  for (guint i = 0; i < 2000; i++)
    {
      const RasdPerson *p = rasd_people_lookup (people, "بوتين");

      g_assert_nonnull (p);
    }
  return NULL;
}

static void
test_people_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("lookup", lookup_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_people_spelling_variant (void)
{
  const char *forms[][2] = {
    { "الحسين بن طلال", "حسين بن طلال" },
    { "سيرغي لافروف", "سيرجي لافروف" },
    { "عبدالله الثاني", "عبد الله الثاني" },
    { "محمد ابن راشد", "محمد بن راشد" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *a = rasd_people_variant (forms[i][0]);
      g_autofree char *b = rasd_people_variant (forms[i][1]);

      g_assert_cmpstr (a, ==, b);
    }
  /* آل alone stays: تميم بن حمد آل ثاني is not تميم بن حمد ثاني spelled otherwise */
  {
    g_autofree char *a = rasd_people_variant ("تميم بن حمد ال ثاني");

    g_assert_cmpstr (a, ==, "تميم بن حمد ال ثاني");
  }
  g_assert_nonnull (rasd_people_lookup_variant (people, "حسين بن طلال"));
  g_assert_cmpuint (rasd_people_variant_words_from (people, "حسين"), >=, 3);
}

static const char *
near_key (const char *name)
{
  g_autofree char *norm = rasd_arabic_normalize (name, -1);
  const RasdPerson *person = rasd_people_lookup_near (people, norm);

  return person != NULL ? person->key : NULL;
}

static void
test_people_near_spelling (void)
{
  /* long vowels written or not in a transliterated name */
  g_assert_cmpstr (near_key ("أنجيلا ميريكل"), ==, "angela-merkel");
  g_assert_cmpstr (near_key ("أنجلا ميركل"), ==, "angela-merkel");
  /* a father's name between the first name and the family name, with or without بن */
  g_assert_cmpstr (near_key ("سعود محمد الفيصل"), ==, "saud-al-faisal");
  g_assert_cmpstr (near_key ("سعود بن محمد الفيصل"), ==, "saud-al-faisal");
  /* but not a listed person's son named after his grandfather, nor a consonant changed, nor
   * a first name of two words taken apart, nor one word */
  g_assert_null (near_key ("حافظ بشار الأسد"));
  /* ... however the father is listed (خالد الفيصل is in the lexicon as خالد فيصل) */
  g_assert_null (near_key ("سعود بن خالد الفيصل"));
  g_assert_null (near_key ("أنجيلا ميرتل"));
  g_assert_null (near_key ("عبد الله حسن المعلم"));
  g_assert_null (near_key ("ميريكل"));
  /* nor a family name without ال: the last word is then a grandfather's name */
  g_assert_null (near_key ("سعود محمد فيصل"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("RASD_PEOPLE_DIR") != NULL)
    dir = g_strdup (g_getenv ("RASD_PEOPLE_DIR"));
  else if (g_getenv ("RASD_SOURCE_DIR") != NULL)
    dir = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "people", NULL);
  else
    dir = g_test_build_filename (G_TEST_DIST, "..", "data", "people", NULL);
  people = rasd_people_load (dir, &error);
  g_assert_no_error (error);

  g_test_add_func ("/people/putin", test_people_putin);
  g_test_add_func ("/people/variants", test_people_variants);
  g_test_add_func ("/people/spelling-variant", test_people_spelling_variant);
  g_test_add_func ("/people/near-spelling", test_people_near_spelling);
  g_test_add_func ("/people/first-names", test_people_first_names);
  g_test_add_func ("/people/titles", test_people_titles);
  g_test_add_func ("/people/no-organisations", test_people_no_organisations);
  g_test_add_func ("/people/missing-dir", test_people_missing_dir);
  g_test_add_func ("/people/threads", test_people_threads);

  ret = g_test_run ();
  rasd_people_free (people);
  return ret;
}
