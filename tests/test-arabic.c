#include "config.h"

#include <string.h>

#include <glib.h>

#include "rasd-arabic.h"

#define assert_normalized(in, expected) \
  G_STMT_START { \
    g_autofree char *_out = rasd_arabic_normalize ((in), -1); \
    g_assert_cmpstr (_out, ==, (expected)); \
  } G_STMT_END

static void
test_diacritics (void)
{
  assert_normalized ("بُوتِينُ", "بوتين");                 /* damma, kasra */
  assert_normalized ("كِتَابٌ", "كتاب");                  /* kasra, fatha, dammatan */
  assert_normalized ("شُكْرًا", "شكرا");                   /* sukun, fathatan */
  assert_normalized ("مُحَمَّدٍ", "محمد");                 /* shadda, kasratan */
  assert_normalized ("هٰذا", "هذا");                      /* superscript alef U+0670 */
  assert_normalized ("الرَّحْمَٰنِ", "الرحمن");
  /* Quranic annotation marks U+06D6–U+06ED and honorific signs U+0610–U+061A */
  assert_normalized ("قال\u06D6 ربك\u06DA\u06ED", "قال ربك");
  assert_normalized ("محمد\u0610", "محمد");
  /* maddah and hamza marks above/below U+0653–U+0655 */
  assert_normalized ("ا\u0653ا\u0654ا\u0655", "ااا");

  for (gunichar c = 0x064B; c <= 0x065F; c++)
    {
      g_assert_true (rasd_arabic_is_diacritic (c));
      g_assert_cmpuint (rasd_arabic_normalize_char (c), ==, 0);
    }
  for (gunichar c = 0x06D6; c <= 0x06ED; c++)
    g_assert_cmpuint (rasd_arabic_normalize_char (c), ==, 0);
  g_assert_true (rasd_arabic_is_diacritic (0x0670));
  g_assert_false (rasd_arabic_is_diacritic (0x0628));
  g_assert_false (rasd_arabic_is_diacritic ('a'));
}

static void
test_tatweel (void)
{
  assert_normalized ("بـــوتين", "بوتين");
  assert_normalized ("ـ", "");
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0640), ==, 0);
  g_assert_false (rasd_arabic_is_letter (0x0640));
}

static void
test_alef (void)
{
  assert_normalized ("أحمد", "احمد");      /* hamza above U+0623 */
  assert_normalized ("إسرائيل", "اسراييل"); /* hamza below U+0625, and ئ */
  assert_normalized ("آسيا", "اسيا");      /* madda U+0622 */
  assert_normalized ("ٱلله", "الله");      /* wasla U+0671 */
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0623), ==, 0x0627);
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0625), ==, 0x0627);
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0622), ==, 0x0627);
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0671), ==, 0x0627);
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0627), ==, 0x0627);
}

static void
test_letters (void)
{
  assert_normalized ("مستشفى", "مستشفي");  /* ى → ي */
  assert_normalized ("موسى", "موسي");
  assert_normalized ("زيارة", "زياره");    /* ة → ه */
  assert_normalized ("مؤتمر", "موتمر");    /* ؤ → و */
  assert_normalized ("رئيس", "رييس");      /* ئ → ي */
  assert_normalized ("سماء", "سماء");      /* ء stays */
  assert_normalized ("ء", "ء");
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0621), ==, 0x0621);
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0649), ==, 0x064A);
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0629), ==, 0x0647);
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0624), ==, 0x0648);
  g_assert_cmpuint (rasd_arabic_normalize_char (0x0626), ==, 0x064A);
}

static void
test_persian_letters (void)
{
  assert_normalized ("کتاب", "كتاب");      /* keheh U+06A9 */
  assert_normalized ("ایران", "ايران");     /* Farsi yeh U+06CC */
  assert_normalized ("ڤيينا", "فيينا");     /* veh U+06A4 */
  assert_normalized ("گوگل", "كوكل");       /* gaf U+06AF */
  assert_normalized ("پاریس", "باريس");     /* peh U+067E */
  assert_normalized ("چين", "جين");         /* tcheh U+0686 */
}

static void
test_digits (void)
{
  assert_normalized ("٢٠٢٣", "2023");
  assert_normalized ("٠١٢٣٤٥٦٧٨٩", "0123456789");
  assert_normalized ("۰۱۲۳۴۵۶۷۸۹", "0123456789");  /* Extended (Persian) digits */
  assert_normalized ("عام ١٤٤٥ هـ", "عام 1445 ه");
  for (gunichar c = 0x0660; c <= 0x0669; c++)
    g_assert_cmpuint (rasd_arabic_normalize_char (c), ==, '0' + (c - 0x0660));
  for (gunichar c = 0x06F0; c <= 0x06F9; c++)
    g_assert_cmpuint (rasd_arabic_normalize_char (c), ==, '0' + (c - 0x06F0));
}

static void
test_bidi_marks (void)
{
  static const gunichar marks[] = {
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F,
    0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2066, 0x2067, 0x2068, 0x2069,
    0xFEFF, 0x061C,
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      char buf[6] = { 0 };
      g_autofree char *text = NULL;

      g_unichar_to_utf8 (marks[i], buf);
      text = g_strdup_printf ("%sبو%sتين%s", buf, buf, buf);
      assert_normalized (text, "بوتين");
      g_assert_cmpuint (rasd_arabic_normalize_char (marks[i]), ==, 0);
    }
  assert_normalized ("\xEF\xBB\xBFPutin", "putin");
}

static void
test_presentation_forms (void)
{
  assert_normalized ("ﺑﻮﺗﻴﻦ", "بوتين");             /* initial, medial, final forms */
  assert_normalized ("ﻻ", "لا");                    /* lam-alef ligature */
  assert_normalized ("ﻷ", "لا");                    /* lam-alef with hamza */
  assert_normalized ("ﻵ", "لا");                    /* lam-alef with madda */
  assert_normalized ("ﷲ", "الله");
  assert_normalized ("ﺓ", "ه");
  assert_normalized ("ﻯ", "ي");
  assert_normalized ("ﹶ", "");                      /* fatha isolated form */
  assert_normalized ("ﷺ", "صلي الله عليه وسلم");      /* one character, many letters */
  assert_normalized ("قال ﷺ: ﻻ", "قال صلي الله عليه وسلم: لا");
  g_assert_cmpuint (rasd_arabic_normalize_char (0xFE91), ==, 0x0628);
  g_assert_cmpuint (rasd_arabic_normalize_char (0xFEFB), ==, 0x0644);
  g_assert_cmpuint (rasd_arabic_normalize_char (0xFE76), ==, 0);
  g_assert_true (rasd_arabic_is_letter (0xFE91));
  g_assert_false (rasd_arabic_is_letter (0xFE76));
}

static void
test_latin (void)
{
  assert_normalized ("Putin MET Assad", "putin met assad");
  assert_normalized ("ÉCOLE Ünited", "école ünited");
  assert_normalized ("ΑΘΗΝΑ", "αθηνα");
  assert_normalized ("Putin بوتين 2023", "putin بوتين 2023");
  g_assert_cmpuint (rasd_arabic_normalize_char ('A'), ==, 'a');
  g_assert_cmpuint (rasd_arabic_normalize_char ('z'), ==, 'z');
  g_assert_cmpuint (rasd_arabic_normalize_char (0x00C9), ==, 0x00E9);
}

static void
test_empty (void)
{
  g_autofree char *a = rasd_arabic_normalize ("", -1);
  g_autofree char *b = rasd_arabic_normalize ("", 0);
  g_autofree char *c = rasd_arabic_normalize (NULL, 0);
  g_autofree char *d = rasd_arabic_normalize ("\u064E\u0640\u200F", -1);

  g_assert_cmpstr (a, ==, "");
  g_assert_cmpstr (b, ==, "");
  g_assert_cmpstr (c, ==, "");
  g_assert_cmpstr (d, ==, "");
}

static void
test_lengths (void)
{
  const char *text = "بوتين Putin";
  g_autofree char *whole = rasd_arabic_normalize (text, strlen (text));
  g_autofree char *first = rasd_arabic_normalize (text, 2);
  g_autofree char *cut = rasd_arabic_normalize (text, 3);        /* cuts و in half */
  g_autofree char *nul = rasd_arabic_normalize ("a\0B", 3);
  g_autofree char *invalid = rasd_arabic_normalize ("\xFF" "A\xC3" "b\xE2\x80" "c\xD8", -1);
  char *null_result;

  g_assert_cmpstr (whole, ==, "بوتين putin");
  g_assert_cmpstr (first, ==, "ب");
  g_assert_cmpstr (cut, ==, "ب");
  g_assert_cmpstr (nul, ==, "ab");
  g_assert_cmpstr (invalid, ==, "abc");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));

  g_test_expect_message ("rasd-arabic", G_LOG_LEVEL_CRITICAL, "*length >= -1*");
  null_result = rasd_arabic_normalize (text, -2);
  g_test_assert_expected_messages ();
  g_assert_null (null_result);

  g_test_expect_message ("rasd-arabic", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  null_result = rasd_arabic_normalize (NULL, 5);
  g_test_assert_expected_messages ();
  g_assert_null (null_result);
}

static void
test_append (void)
{
  g_autoptr(GString) out = g_string_new ("x:");

  rasd_arabic_normalize_append (out, "أحمد", -1);
  rasd_arabic_normalize_append (out, " ٣", -1);
  rasd_arabic_normalize_append (out, "ignored", 0);
  g_assert_cmpstr (out->str, ==, "x:احمد 3");
}

/* Characters whose normalisation is longer than they are, many of them, so that the output
 * buffer has to grow in the middle of the text. */
static void
test_growth (void)
{
  g_autoptr(GString) in = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *out = NULL;

  for (int i = 0; i < 2000; i++)
    {
      g_string_append (in, "Ⱥﷺ x");              /* Ⱥ (2 bytes) → ⱥ (3 bytes) */
      g_string_append (expected, "ⱥصلي الله عليه وسلم x");
    }
  out = rasd_arabic_normalize (in->str, in->len);
  g_assert_cmpstr (out, ==, expected->str);
}

/* Every character through both entry points: the string path (fast paths for ASCII and the
 * Arabic block) and the character path must agree, and the output must be valid UTF-8. */
static void
test_all_characters (void)
{
  for (gunichar c = 1; c <= 0x10FFFF; c++)
    {
      char buf[8] = { 0 };
      g_autofree char *out = NULL;
      gunichar expected;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      g_unichar_to_utf8 (c, buf);
      out = rasd_arabic_normalize (buf, -1);
      g_assert_true (g_utf8_validate (out, -1, NULL));
      expected = rasd_arabic_normalize_char (c);
      if (expected == 0)
        g_assert_cmpstr (out, ==, "");
      else
        g_assert_cmpuint (g_utf8_get_char (out), ==, expected);
    }
}

static void
test_is_letter (void)
{
  for (gunichar c = 0x0621; c <= 0x064A; c++)
    g_assert_true (rasd_arabic_is_letter (c) == (c != 0x0640));
  for (gunichar c = 0x0671; c <= 0x06D3; c++)
    g_assert_true (rasd_arabic_is_letter (c));
  for (gunichar c = 0x06FA; c <= 0x06FC; c++)
    g_assert_true (rasd_arabic_is_letter (c));
  g_assert_false (rasd_arabic_is_letter (0x064B));    /* fathatan */
  g_assert_false (rasd_arabic_is_letter (0x0660));    /* a digit */
  g_assert_false (rasd_arabic_is_letter (0x060C));    /* Arabic comma */
  g_assert_false (rasd_arabic_is_letter ('a'));
  g_assert_false (rasd_arabic_is_letter (0x05D0));    /* Hebrew alef */
}

static void
test_classify (void)
{
  g_assert_cmpint (rasd_arabic_classify ('a'), ==, RASD_ARABIC_CLASS_WORD);
  g_assert_cmpint (rasd_arabic_classify ('7'), ==, RASD_ARABIC_CLASS_WORD);
  g_assert_cmpint (rasd_arabic_classify (0x0628), ==, RASD_ARABIC_CLASS_WORD);
  g_assert_cmpint (rasd_arabic_classify (0x0663), ==, RASD_ARABIC_CLASS_WORD);
  g_assert_cmpint (rasd_arabic_classify (0x00E9), ==, RASD_ARABIC_CLASS_WORD);
  g_assert_cmpint (rasd_arabic_classify (0xFE91), ==, RASD_ARABIC_CLASS_WORD);
  g_assert_cmpint (rasd_arabic_classify (0x064E), ==, RASD_ARABIC_CLASS_MARK);
  g_assert_cmpint (rasd_arabic_classify (0x0640), ==, RASD_ARABIC_CLASS_MARK);
  g_assert_cmpint (rasd_arabic_classify (0x0301), ==, RASD_ARABIC_CLASS_MARK);
  g_assert_cmpint (rasd_arabic_classify (0x200C), ==, RASD_ARABIC_CLASS_IGNORABLE);
  g_assert_cmpint (rasd_arabic_classify (0x200F), ==, RASD_ARABIC_CLASS_IGNORABLE);
  g_assert_cmpint (rasd_arabic_classify (0x200B), ==, RASD_ARABIC_CLASS_OTHER);
  g_assert_cmpint (rasd_arabic_classify (' '), ==, RASD_ARABIC_CLASS_OTHER);
  g_assert_cmpint (rasd_arabic_classify ('"'), ==, RASD_ARABIC_CLASS_OTHER);
  g_assert_cmpint (rasd_arabic_classify (0x060C), ==, RASD_ARABIC_CLASS_OTHER);
  g_assert_cmpint (rasd_arabic_classify (0x061F), ==, RASD_ARABIC_CLASS_OTHER);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arabic/diacritics", test_diacritics);
  g_test_add_func ("/arabic/tatweel", test_tatweel);
  g_test_add_func ("/arabic/alef", test_alef);
  g_test_add_func ("/arabic/letters", test_letters);
  g_test_add_func ("/arabic/persian-letters", test_persian_letters);
  g_test_add_func ("/arabic/digits", test_digits);
  g_test_add_func ("/arabic/bidi-marks", test_bidi_marks);
  g_test_add_func ("/arabic/presentation-forms", test_presentation_forms);
  g_test_add_func ("/arabic/latin", test_latin);
  g_test_add_func ("/arabic/empty", test_empty);
  g_test_add_func ("/arabic/lengths", test_lengths);
  g_test_add_func ("/arabic/append", test_append);
  g_test_add_func ("/arabic/growth", test_growth);
  g_test_add_func ("/arabic/all-characters", test_all_characters);
  g_test_add_func ("/arabic/is-letter", test_is_letter);
  g_test_add_func ("/arabic/classify", test_classify);

  return g_test_run ();
}
