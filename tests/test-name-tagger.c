#include "config.h"

#include <string.h>

#include "rasd-error.h"
#include "rasd-extractor.h"
#include "rasd-gazetteer.h"
#include "rasd-name-tagger.h"
#include "rasd-name-trainer.h"
#include "rasd-people.h"
#include "rasd-test-util.h"
#include "rasd-tokens.h"

/* The trained name tagger, on sentences written for these tests, and its trainer on a tiny
 * corpus written for them too (tests/fixtures/ner/tiny.conll). */

static RasdNameTagger *
shipped_tagger (void)
{
  g_autoptr(GError) error = NULL;
  RasdExtractor *extractor = rasd_extractor_get_default (&error);

  g_assert_no_error (error);
  return rasd_extractor_get_name_tagger (extractor);
}

/* The labels of @sentence's words (split at spaces) as "O B-PERS ...". */
static char *
tag_string (RasdNameTagger *tagger,
            const char     *sentence)
{
  g_auto(GStrv) words = g_strsplit (sentence, " ", -1);
  guint n = g_strv_length (words);
  g_autofree guint8 *labels = g_new (guint8, n);
  g_autoptr(GArray) spans = rasd_name_tagger_tag_words (tagger, (const char * const *) words, n, labels);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", rasd_name_label_to_string (labels[i]));
  return g_string_free (out, FALSE);
}

static void
test_titles_and_places (void)
{
  RasdNameTagger *tagger = shipped_tagger ();
  struct { const char *sentence, *labels; } cases[] = {
    /* a role, then a name the lexicons do not know */
    { "وصلت المستشارة هيلغا برانت إلى بيروت في زيارة رسمية .",
      "O O B-PERS I-PERS O B-LOC O O O O" },
    { "قال الدكتور فريد زعتري إن النتائج مشجعة .",
      "O O B-PERS I-PERS O O O O" },
    { "أكد الرئيس سليم قرطباوي أن بلاده تدعم الحل السلمي .",
      "O O B-PERS I-PERS O O O O O O" },
    /* places after في and إلى */
    { "وصل الوفد إلى القاهرة صباح اليوم .", "O O O B-LOC O O O" },
    { "عقد الاجتماع في عمان بحضور ممثلين عن الجامعة العربية .",
      "O O O B-LOC O O O B-ORG I-ORG O" },
    { "أعلن الاتحاد الأوروبي أمس فرض عقوبات جديدة .", "O B-ORG I-ORG O O O O O" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *labels = tag_string (tagger, cases[i].sentence);

      g_test_message ("%s", cases[i].sentence);
      g_assert_cmpstr (labels, ==, cases[i].labels);
    }
}

/* The confidence of the one name of @sentence (which must find exactly one). */
static float
one_name (RasdNameTagger *tagger,
          const char     *sentence,
          RasdNameKind    kind,
          guint           n_words)
{
  g_auto(GStrv) words = g_strsplit (sentence, " ", -1);
  g_autoptr(GArray) spans = rasd_name_tagger_tag_words (tagger, (const char * const *) words,
                                                        g_strv_length (words), NULL);
  const RasdNameSpan *span;

  g_test_message ("%s", sentence);
  g_assert_cmpuint (spans->len, ==, 1);
  span = &g_array_index (spans, RasdNameSpan, 0);
  g_assert_cmpint (span->kind, ==, kind);
  g_assert_cmpuint (span->n_words, ==, n_words);
  g_assert_cmpfloat (span->confidence, >=, 0.f);
  g_assert_cmpfloat (span->confidence, <=, 1.f);
  return span->confidence;
}

static void
test_confidence (void)
{
  RasdNameTagger *tagger = shipped_tagger ();
  float bare, full;

  /* a capital after إلى at the end of the sentence: nothing else it could be */
  g_assert_cmpfloat (one_name (tagger, "وصل الوفد إلى القاهرة .", RASD_NAME_PLACE, 1), >, 0.9f);
  /* an unknown surname alone is a guess; with a first name before it, far less of one (one no
   * dictionary knows: زعتري is also an adjective, "of thyme", which hunspell-ar knows) */
  bare = one_name (tagger, "التقى الوزير زعيتر .", RASD_NAME_PERSON, 1);
  full = one_name (tagger, "التقى الوزير نبيل زعيتر .", RASD_NAME_PERSON, 2);
  g_assert_cmpfloat (bare, <, 0.8f);
  g_assert_cmpfloat (full, >, bare + 0.2f);
}

/* Running text through the tokenizer and the same text as CoNLL tokens (words and
 * punctuation apart) give the same names. */
static void
test_tokens_match_words (void)
{
  RasdNameTagger *tagger = shipped_tagger ();
  const char *text = "قال وزير الخارجية «ماركو بيلوتي»، في مؤتمر صحفي بالقاهرة: إن المحادثات "
                     "(التي استمرت يومين) كانت مثمرة. وأضاف بيلوتي أن الاتحاد الأوروبي يدعم الحل.";
  g_autoptr(RasdTokens) tokens = rasd_tokens_new (text);
  g_autoptr(GArray) from_tokens = rasd_name_tagger_tag_tokens (tagger, text, tokens);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) word_token = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (RasdNameSpan));
  guint n_sentences = rasd_tokens_get_n_sentences (tokens);

  /* the CoNLL view: each tokenizer word, and each punctuation character as a word of its own */
  for (guint s = 0; s < n_sentences; s++)
    {
      const RasdSentence *sentence = rasd_tokens_get_sentence (tokens, s);
      g_autoptr(GArray) spans = NULL;
      const char *at = text + sentence->byte_start;

      g_ptr_array_set_size (words, 0);
      g_array_set_size (word_token, 0);
      for (guint t = sentence->first_token; t <= sentence->first_token + sentence->n_tokens; t++)
        {
          const RasdToken *token = t < sentence->first_token + sentence->n_tokens ?
                                   rasd_tokens_get_token (tokens, t) : NULL;
          const char *until = token != NULL ? text + token->byte_start : text + sentence->byte_end;
          int none = -1, index = (int) t;

          for (const char *p = at; p < until; p = g_utf8_next_char (p))
            if (!g_unichar_isspace (g_utf8_get_char (p)))
              {
                g_ptr_array_add (words, g_strndup (p, g_utf8_next_char (p) - p));
                g_array_append_val (word_token, none);
              }
          if (token == NULL)
            break;
          g_ptr_array_add (words, g_strndup (text + token->byte_start, token->byte_end - token->byte_start));
          g_array_append_val (word_token, index);
          at = text + token->byte_end;
        }
      /* one sentence at a time sees no other sentence: only the first pass may differ, so
       * compare sentences that stand alone */
      spans = rasd_name_tagger_tag_words (tagger, (const char * const *) words->pdata, words->len, NULL);
      for (guint k = 0; k < spans->len; k++)
        {
          RasdNameSpan span = g_array_index (spans, RasdNameSpan, k);

          span.n_words = (guint) (g_array_index (word_token, int, span.first + span.n_words - 1) -
                                  g_array_index (word_token, int, span.first) + 1);
          span.first = (guint) g_array_index (word_token, int, span.first);
          g_array_append_val (expected, span);
        }
    }

  g_assert_cmpuint (from_tokens->len, >=, 3);
  g_assert_cmpuint (from_tokens->len, ==, expected->len);
  for (guint k = 0; k < expected->len; k++)
    {
      const RasdNameSpan *a = &g_array_index (from_tokens, RasdNameSpan, k);
      const RasdNameSpan *b = &g_array_index (expected, RasdNameSpan, k);

      g_assert_cmpuint (a->first, ==, b->first);
      g_assert_cmpuint (a->n_words, ==, b->n_words);
      g_assert_cmpint (a->kind, ==, b->kind);
    }
  /* and the names are the right ones */
  {
    const RasdNameSpan *first = &g_array_index (from_tokens, RasdNameSpan, 0);
    const RasdToken *token = rasd_tokens_get_token (tokens, first->first);

    g_assert_cmpint (first->kind, ==, RASD_NAME_PERSON);
    g_assert_cmpuint (first->n_words, ==, 2);
    g_assert_cmpint (strncmp (text + token->byte_start, "ماركو", strlen ("ماركو")), ==, 0);
  }
}

/* A name met with its title in one sentence is surer alone in another of the same document. */
static void
test_document (void)
{
  RasdNameTagger *tagger = shipped_tagger ();
  const char *words[] = {
    "استقبل", "وزير", "الخارجية", "الدكتور", "سمعان", "كوتاليان", "وفدا", "من", "رجال", "الأعمال", ".",
    "وكتب", "كوتاليان", "مقالا", "عن", "الاستثمار", ".",
  };
  guint starts[] = { 0, 11, G_N_ELEMENTS (words) };
  g_autoptr(GArray) alone = rasd_name_tagger_tag_words (tagger, words + 11, 6, NULL);
  g_autoptr(GArray) together = rasd_name_tagger_tag_sentences (tagger, words, starts, 2, NULL);
  const RasdNameSpan *first, *second, *by_itself;

  g_assert_cmpuint (together->len, ==, 2);
  first = &g_array_index (together, RasdNameSpan, 0);
  second = &g_array_index (together, RasdNameSpan, 1);
  g_assert_cmpuint (first->first, ==, 4);
  g_assert_cmpuint (first->n_words, ==, 2);
  g_assert_cmpuint (second->first, ==, 12);
  g_assert_cmpint (second->kind, ==, RASD_NAME_PERSON);
  g_assert_cmpuint (alone->len, <=, 1);
  if (alone->len == 1)
    {
      by_itself = &g_array_index (alone, RasdNameSpan, 0);
      g_assert_cmpuint (by_itself->first, ==, 1);
      g_assert_cmpfloat (second->confidence, >, by_itself->confidence + 0.1f);
    }
}

static gpointer
tag_in_thread (gpointer data)
{
  const char *text = data;
  g_autoptr(RasdTokens) tokens = rasd_tokens_new (text);
  GString *out = g_string_new (NULL);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GArray) spans = rasd_name_tagger_tag_tokens (shipped_tagger (), text, tokens);

      if (round > 0)
        continue;
      for (guint k = 0; k < spans->len; k++)
        {
          const RasdNameSpan *span = &g_array_index (spans, RasdNameSpan, k);

          g_string_append_printf (out, "%u+%u:%d:%.4f ", span->first, span->n_words, span->kind,
                                  span->confidence);
        }
    }
  return g_string_free (out, FALSE);
}

/* Threads share the tagger (each with its own cache of unknown words) and get the same answers. */
static void
test_threads (void)
{
  const char *text = "استقبل الرئيس سليم قرطباوي في عمان وفدا من وزارة الصحة برئاسة الطبيبة "
                     "نوال زبيدي. وقالت زبيدي إن الزيارة تشمل حلب ودمشق.";
  g_autofree char *alone = tag_in_thread ((gpointer) text);
  GThread *threads[4];

  g_assert_cmpstr (alone, !=, "");
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("tagger", tag_in_thread, (gpointer) text);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_autofree char *got = g_thread_join (threads[t]);

      g_assert_cmpstr (got, ==, alone);
    }
}

/* Training ---------------------------------------------------------------------------------- */

typedef struct
{
  RasdPeople    *people;
  RasdGazetteer *gazetteer;
  const char    *data_dir;
} Lexicons;

static void
lexicons_load (Lexicons *lex)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *people = NULL, *gazetteer = NULL;

  lex->data_dir = g_getenv ("RASD_DATADIR");
  g_assert_nonnull (lex->data_dir);
  people = g_build_filename (lex->data_dir, "people", NULL);
  gazetteer = g_build_filename (lex->data_dir, "gazetteer", NULL);
  lex->people = rasd_people_load (people, &error);
  g_assert_no_error (error);
  lex->gazetteer = rasd_gazetteer_new_from_dir (gazetteer, &error);
  g_assert_no_error (error);
}

static void
lexicons_clear (Lexicons *lex)
{
  g_clear_pointer (&lex->people, rasd_people_free);
  g_clear_pointer (&lex->gazetteer, rasd_gazetteer_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Lexicons, lexicons_clear)

static char *
train_tiny (Lexicons *lex)
{
  g_autofree char *path = rasd_test_fixture ("ner", "tiny.conll", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = rasd_name_conll_read (path, &error);
  RasdNameTrainOptions options = RASD_NAME_TRAIN_OPTIONS_DEFAULT;
  g_autoptr(GString) report = g_string_new (NULL);
  char *model;

  g_assert_no_error (error);
  g_assert_cmpuint (sentences->len, ==, 24);
  options.min_count = 1;
  model = rasd_name_trainer_train (lex->people, lex->gazetteer, lex->data_dir, sentences, &options,
                                   report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "PERS"));
  return model;
}

static void
test_train_deterministic (void)
{
  g_auto(Lexicons) lex = { 0 };
  g_autofree char *first = NULL, *second = NULL;
  g_autoptr(RasdNameTagger) tagger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *labels = NULL;

  lexicons_load (&lex);
  first = train_tiny (&lex);
  second = train_tiny (&lex);
  g_assert_true (g_str_has_prefix (first, "rasd-name-tagger 1\n"));
  g_assert_cmpstr (first, ==, second);

  /* the model learnt its corpus */
  tagger = rasd_name_tagger_new_from_data (first, strlen (first), "tiny model", lex.people,
                                           lex.gazetteer, lex.data_dir, &error);
  g_assert_no_error (error);
  labels = tag_string (tagger, "وصل وزير الخارجية نبيل عواد إلى دمشق أمس .");
  g_assert_cmpstr (labels, ==, "O O O B-PERS I-PERS O B-LOC O O");
}

/* A pair of neighbouring words counts when they come in that order, and only then. */
static void
test_word_pairs (void)
{
  g_auto(Lexicons) lex = { 0 };
  g_autoptr(GString) model = g_string_new ("rasd-name-tagger 1\n"
                                           "labels O B-PERS I-PERS B-LOC I-LOC B-ORG I-ORG B-MISC I-MISC\n"
                                           "temperature 8\nstart 0 0 0 0 0 0 0 0 0\n");
  g_autoptr(RasdNameTagger) tagger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *together = NULL, *swapped = NULL, *apart = NULL;
  const char *labels[] = { "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC" };

  for (guint p = 0; p < G_N_ELEMENTS (labels); p++)
    g_string_append_printf (model, "transition %s 0 0 0 0 0 0 0 0 0\n", labels[p]);
  /* the left word of the pair as B-ORG (offset +1), the right one as I-ORG (offset 0) */
  g_string_append (model, "w=سهم\t0\t0 0 0 0 0 0 0 0 0\n"
                          "w=ذهبي\t0\t0 0 0 0 0 0 0 0 0\n"
                          "ww=سهم ذهبي\t0\t0 0 0 0 0 0 20 0 0\n"
                          "ww=سهم ذهبي\t1\t0 0 0 0 0 10 0 0 0\n"
                          "end 4\n");
  lexicons_load (&lex);
  tagger = rasd_name_tagger_new_from_data (model->str, model->len, "pair model", lex.people,
                                           lex.gazetteer, lex.data_dir, &error);
  g_assert_no_error (error);
  together = tag_string (tagger, "فاز سهم ذهبي أمس");
  swapped = tag_string (tagger, "فاز ذهبي سهم أمس");
  apart = tag_string (tagger, "فاز سهم و ذهبي");
  g_assert_cmpstr (together, ==, "O B-ORG I-ORG O");
  g_assert_cmpstr (swapped, ==, "O O O O");
  g_assert_cmpstr (apart, ==, "O O O O");
}

/* Cross-validation trains once per fold and reports the scores over all of them. */
static void
test_cross_validate (void)
{
  g_auto(Lexicons) lex = { 0 };
  g_autofree char *path = rasd_test_fixture ("ner", "tiny.conll", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = rasd_name_conll_read (path, &error);
  RasdNameTrainOptions options = RASD_NAME_TRAIN_OPTIONS_DEFAULT;
  g_autoptr(GString) report = g_string_new (NULL);

  g_assert_no_error (error);
  lexicons_load (&lex);
  options.min_count = 1;
  g_assert_true (rasd_name_trainer_cross_validate (lex.people, lex.gazetteer, lex.data_dir,
                                                   sentences, &options, 2, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "2-fold cross-validation over 24 sentences"));
  g_assert_nonnull (strstr (report->str, "micro"));
}

static void
test_conll_read (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "split.conll", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  RasdNameSentence *s;

  /* as Python's strip("\n").split("\n\n") reads it: extra columns, tabs, CRLF, a blank line
   * made of three newlines, leading and trailing newlines */
  rasd_test_write_file (path, "\n\nأ x B-PER\nب\tI-PER\r\n\nج O\n\n\nد B-GPE\nهـ B-MISC\n\n", -1);
  sentences = rasd_name_conll_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sentences->len, ==, 3);
  s = g_ptr_array_index (sentences, 0);
  g_assert_cmpuint (s->words->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (s->words, 1), ==, "ب");
  g_assert_cmpuint (s->labels->data[0], ==, RASD_NAME_LABEL_B_PERS);
  g_assert_cmpuint (s->labels->data[1], ==, RASD_NAME_LABEL_I_PERS);
  s = g_ptr_array_index (sentences, 2);
  g_assert_cmpuint (s->labels->data[0], ==, RASD_NAME_LABEL_B_LOC);
  g_assert_cmpuint (s->labels->data[1], ==, RASD_NAME_LABEL_B_MISC);

  g_clear_pointer (&sentences, g_ptr_array_unref);
  rasd_test_write_file (path, "\xff\xfe not UTF-8", -1);
  sentences = rasd_name_conll_read (path, &error);
  g_assert_null (sentences);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, path));
  rasd_test_rmtree (dir);
}

/* A broken model file is an error that names it, never a crash or a half-loaded tagger. */
static void
test_bad_models (void)
{
  g_auto(Lexicons) lex = { 0 };
  g_autofree char *model = NULL;
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.model", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.model", NULL);
  gsize length;
  const char *bad[] = {
    "",
    "not a model at all\n",
    "rasd-name-tagger 1\nlabels O B-PERS\n",
    "rasd-name-tagger 1\nstart 1 2 3\n",
    "rasd-name-tagger 1\nw=x\t7\t1 2 3 4 5 6 7 8 9\n",
    "rasd-name-tagger 1\nw=x\t0\t1 2 3 4 5 6 7 8 nine\n",
    "rasd-name-tagger 1\ntemperature -3\n",
    "rasd-name-tagger 1\ntransition Q 1 2 3 4 5 6 7 8 9\n",
    "rasd-name-tagger 1\nend 5\n",
    "rasd-name-tagger 1\n\xc3\x28\n",
  };

  lexicons_load (&lex);
  model = train_tiny (&lex);
  length = strlen (model);

  /* cut anywhere: at a line's end (the "end" line is then missing), inside a number, a name */
  for (gsize cut = 0; cut < length; cut += 1 + cut / 3)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RasdNameTagger) tagger = NULL;

      rasd_test_write_file (path, model, (gssize) cut);
      tagger = rasd_name_tagger_new_from_file (path, lex.people, lex.gazetteer, lex.data_dir, &error);
      g_assert_null (tagger);
      g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, path));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RasdNameTagger) tagger = NULL;

      rasd_test_write_file (path, bad[i], -1);
      tagger = rasd_name_tagger_new_from_file (path, lex.people, lex.gazetteer, lex.data_dir, &error);
      g_assert_null (tagger);
      g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, path));
      g_test_message ("%s", error->message);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdNameTagger) tagger = NULL;

    tagger = rasd_name_tagger_new_from_file (missing, lex.people, lex.gazetteer, lex.data_dir, &error);
    g_assert_null (tagger);
    g_assert_error (error, RASD_ERROR, RASD_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, missing));
  }
  /* the whole file loads */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdNameTagger) tagger = NULL;

    rasd_test_write_file (path, model, -1);
    tagger = rasd_name_tagger_new_from_file (path, lex.people, lex.gazetteer, lex.data_dir, &error);
    g_assert_no_error (error);
    g_assert_nonnull (tagger);
  }
  rasd_test_rmtree (dir);
}

static void
test_labels (void)
{
  g_assert_cmpint (rasd_name_label_from_string ("B-PER"), ==, RASD_NAME_LABEL_B_PERS);
  g_assert_cmpint (rasd_name_label_from_string ("I-PERS"), ==, RASD_NAME_LABEL_I_PERS);
  g_assert_cmpint (rasd_name_label_from_string ("B-GPE"), ==, RASD_NAME_LABEL_B_LOC);
  g_assert_cmpint (rasd_name_label_from_string ("I-ORG"), ==, RASD_NAME_LABEL_I_ORG);
  g_assert_cmpint (rasd_name_label_from_string ("B-DATE"), ==, RASD_NAME_LABEL_O);
  g_assert_cmpint (rasd_name_label_from_string ("O"), ==, RASD_NAME_LABEL_O);
  g_assert_cmpstr (rasd_name_label_to_string (RASD_NAME_LABEL_I_MISC), ==, "I-MISC");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/name-tagger/labels", test_labels);
  g_test_add_func ("/name-tagger/titles-and-places", test_titles_and_places);
  g_test_add_func ("/name-tagger/confidence", test_confidence);
  g_test_add_func ("/name-tagger/tokens-match-words", test_tokens_match_words);
  g_test_add_func ("/name-tagger/document", test_document);
  g_test_add_func ("/name-tagger/threads", test_threads);
  g_test_add_func ("/name-tagger/conll-read", test_conll_read);
  g_test_add_func ("/name-tagger/word-pairs", test_word_pairs);
  g_test_add_func ("/name-tagger/cross-validate", test_cross_validate);
  g_test_add_func ("/name-tagger/train-deterministic", test_train_deterministic);
  g_test_add_func ("/name-tagger/bad-models", test_bad_models);

  return g_test_run ();
}
