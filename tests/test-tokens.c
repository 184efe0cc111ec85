#include "config.h"

#include <string.h>

#include "rasd-tokens.h"
#include "rasd-test-util.h"

/* The substring of @text between character offsets. */
static char *
substring (const char *text,
           gsize       start,
           gsize       end)
{
  const char *a = g_utf8_offset_to_pointer (text, start);
  const char *b = g_utf8_offset_to_pointer (text, end);
  return g_strndup (a, b - a);
}

static void
test_tokens_offsets (void)
{
  /* Diacritics, tatweel and a Latin word: offsets count characters of the original. */
  const char *text = "وصلَ الرئيسُ إلى دمـشق، والتقى Macron في 2020.";
  g_autoptr(RasdTokens) tokens = rasd_tokens_new (text);
  const char *expected_norm[] = { "وصل", "الرييس", "الي", "دمشق", "والتقي", "macron", "في", "2020" };
  const char *expected_surface[] = { "وصلَ", "الرئيسُ", "إلى", "دمـشق", "والتقى", "Macron", "في", "2020" };

  g_assert_cmpuint (rasd_tokens_get_n_tokens (tokens), ==, G_N_ELEMENTS (expected_norm));
  for (guint i = 0; i < G_N_ELEMENTS (expected_norm); i++)
    {
      const RasdToken *t = rasd_tokens_get_token (tokens, i);
      g_autofree char *surface = substring (text, t->start, t->end);

      g_assert_true (t == rasd_tokens_get_tokens (tokens) + i);
      g_assert_cmpstr (t->norm, ==, expected_norm[i]);
      g_assert_cmpstr (surface, ==, expected_surface[i]);
      g_assert_cmpint (memcmp (text + t->byte_start, surface, strlen (surface)), ==, 0);
      g_assert_cmpuint (t->byte_end - t->byte_start, ==, strlen (surface));
    }
  g_assert_true (rasd_tokens_get_token (tokens, 5)->flags & RASD_TOKEN_LATIN);
  g_assert_true (rasd_tokens_get_token (tokens, 7)->flags & RASD_TOKEN_NUMBER);
  g_assert_true (rasd_tokens_get_token (tokens, 3)->flags & RASD_TOKEN_ARABIC);

  g_assert_cmpint (rasd_tokens_find_at (tokens, rasd_tokens_get_token (tokens, 3)->start + 1), ==, 3);
  g_assert_cmpint (rasd_tokens_find_at (tokens, rasd_tokens_get_token (tokens, 3)->end), ==, -1);
}

static void
test_tokens_sentences (void)
{
  const char *text = "بلغ النمو 3.5 في المئة. هل التقى الوزيران؟ نعم! الأول؛ الثاني\n\n  العنوان التالي  ";
  g_autoptr(RasdTokens) tokens = rasd_tokens_new (text);
  const char *expected[] = { "بلغ النمو 3.5 في المئة.", "هل التقى الوزيران؟", "نعم!", "الأول؛",
                             "الثاني", "العنوان التالي" };

  g_assert_cmpuint (rasd_tokens_get_n_sentences (tokens), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const RasdSentence *s = rasd_tokens_get_sentence (tokens, i);
      g_autofree char *got = substring (text, s->start, s->end);

      g_assert_cmpstr (got, ==, expected[i]);
      for (guint t = s->first_token; t < s->first_token + s->n_tokens; t++)
        g_assert_cmpuint (rasd_tokens_get_token (tokens, t)->sentence, ==, i);
    }
  /* 3.5 is two number tokens inside one sentence. */
  g_assert_cmpuint (rasd_tokens_get_sentence (tokens, 0)->n_tokens, ==, 6);
}

static void
test_tokens_empty (void)
{
  g_autoptr(RasdTokens) a = rasd_tokens_new ("");
  g_autoptr(RasdTokens) b = rasd_tokens_new (" ... ؟؟ \n\n");

  g_assert_cmpuint (rasd_tokens_get_n_tokens (a), ==, 0);
  g_assert_null (rasd_tokens_get_tokens (a));
  g_assert_cmpuint (rasd_tokens_get_n_sentences (a), ==, 0);
  g_assert_cmpuint (rasd_tokens_get_n_tokens (b), ==, 0);
  g_assert_cmpuint (rasd_tokens_get_n_sentences (b), ==, 0);
}

static void
assert_forms (const char  *norm,
              const char **expected,
              guint        n_expected)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  g_autofree char *buffer = g_malloc (4 * strlen (norm) + 8);
  guint n = rasd_token_proclitic_forms (norm, forms, buffer);

  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (forms[i], ==, expected[i]);
}

static void
test_tokens_proclitics (void)
{
  assert_forms ("بدمشق", (const char *[]) { "بدمشق", "دمشق" }, 2);
  assert_forms ("وموسكو", (const char *[]) { "وموسكو", "موسكو" }, 2);
  /* لل is read both ways; the lexicon knows which word exists. */
  assert_forms ("للاسد", (const char *[]) { "للاسد", "الاسد", "لاسد" }, 3);
  assert_forms ("وللاسد", (const char *[]) { "وللاسد", "للاسد", "الاسد", "لاسد" }, 4);
  assert_forms ("للبنان", (const char *[]) { "للبنان", "البنان", "لبنان" }, 3);
  assert_forms ("وبدمشق", (const char *[]) { "وبدمشق", "بدمشق", "دمشق" }, 3);
  /* The word itself always comes first, so a lexicon finds بوتين before وتين. */
  assert_forms ("بوتين", (const char *[]) { "بوتين", "وتين" }, 2);
  /* Never fewer than three letters left by a one-letter proclitic. */
  assert_forms ("وقف", (const char *[]) { "وقف" }, 1);
  assert_forms ("بلد", (const char *[]) { "بلد" }, 1);
  assert_forms ("", (const char *[]) { "" }, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tokens/offsets", test_tokens_offsets);
  g_test_add_func ("/tokens/sentences", test_tokens_sentences);
  g_test_add_func ("/tokens/empty", test_tokens_empty);
  g_test_add_func ("/tokens/proclitics", test_tokens_proclitics);

  return g_test_run ();
}
