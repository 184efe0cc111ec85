#include "config.h"

#include "rasd-word-memos.h"

/* A word's memo is found again by the next article of the same lexicons, with what was read. */
static void
test_kept_across_articles (void)
{
  guint owner = rasd_word_memos_new_owner ();
  RasdWordMemos *memos = rasd_word_memos_begin (owner);
  RasdWordMemo *memo = rasd_word_memos_get (memos, "الرياض");
  RasdWordMemo *again;

  g_assert_cmpstr (memo->word, ==, "الرياض");
  g_assert_cmpuint (memo->n_forms, ==, 0);
  g_assert_cmpuint (memo->lex, ==, 0);
  memo->lex = 5;
  g_assert_true (rasd_word_memos_get (memos, "الرياض") == memo);
  g_assert_true (rasd_word_memos_get (memos, "جدة") != memo);

  memos = rasd_word_memos_begin (owner);
  g_assert_true (rasd_word_memos_current () == memos);
  again = rasd_word_memos_get (memos, "الرياض");
  g_assert_cmpuint (again->lex, ==, 5);
}

/* Another extractor's lexicons (another owner) never read the answers of the first. */
static void
test_owner_starts_empty (void)
{
  guint first = rasd_word_memos_new_owner ();
  guint second = rasd_word_memos_new_owner ();
  RasdWordMemos *memos;

  g_assert_cmpuint (first, !=, second);
  memos = rasd_word_memos_begin (first);
  rasd_word_memos_get (memos, "وزير")->title_start = 2;
  memos = rasd_word_memos_begin (second);
  g_assert_cmpuint (rasd_word_memos_get (memos, "وزير")->title_start, ==, 0);
  g_assert_cmpstr (rasd_word_memos_intern (memos, "الاسد"), ==, "الاسد");
}

/* Memory stays bounded: past its size, the table starts again at the next article, never in
 * the middle of one (the memos of the article being read stay valid). */
static void
test_bounded (void)
{
  guint owner = rasd_word_memos_new_owner ();
  RasdWordMemos *memos = rasd_word_memos_begin (owner);
  RasdWordMemo *first = rasd_word_memos_get (memos, "w0");
  char word[32];

  first->lists = 3;
  for (guint i = 1; i < 70000; i++)
    {
      g_snprintf (word, sizeof word, "w%u", i);
      rasd_word_memos_get (memos, word);
    }
  g_assert_cmpuint (first->lists, ==, 3);
  g_assert_true (rasd_word_memos_get (memos, "w0") == first);
  memos = rasd_word_memos_begin (owner);
  g_assert_cmpuint (rasd_word_memos_get (memos, "w0")->lists, ==, 0);
}

static gpointer
other_thread (gpointer data)
{
  RasdWordMemos *memos = rasd_word_memos_begin (GPOINTER_TO_UINT (data));

  return GUINT_TO_POINTER (rasd_word_memos_get (memos, "لقاء")->marks);
}

/* Each thread has its own memos: workers never share one without a lock. */
static void
test_per_thread (void)
{
  guint owner = rasd_word_memos_new_owner ();
  RasdWordMemos *memos = rasd_word_memos_begin (owner);
  GThread *thread;

  rasd_word_memos_get (memos, "لقاء")->marks = 7;
  thread = g_thread_new ("memos", other_thread, GUINT_TO_POINTER (owner));
  g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (thread)), ==, 0);
  g_assert_cmpuint (rasd_word_memos_get (rasd_word_memos_current (), "لقاء")->marks, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/word-memos/kept-across-articles", test_kept_across_articles);
  g_test_add_func ("/word-memos/owner-starts-empty", test_owner_starts_empty);
  g_test_add_func ("/word-memos/bounded", test_bounded);
  g_test_add_func ("/word-memos/per-thread", test_per_thread);

  return g_test_run ();
}
