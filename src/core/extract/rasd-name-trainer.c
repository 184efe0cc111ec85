#define G_LOG_DOMAIN "rasd-name-trainer"

#include "config.h"

#include "rasd-name-trainer.h"

#include <math.h>
#include <string.h>

#include "rasd-error.h"
#include "rasd-name-features.h"
#include "rasd-name-tagger-private.h"

#define L RASD_NAME_N_LABELS
#define K RASD_NAME_N_OFFSETS

void
rasd_name_sentence_free (RasdNameSentence *sentence)
{
  if (sentence == NULL)
    return;
  g_ptr_array_unref (sentence->words);
  g_byte_array_unref (sentence->labels);
  g_free (sentence);
}

GPtrArray *
rasd_name_conll_read (const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_name_sentence_free);
  gsize length;
  char *text;
  char *end;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "Cannot read %s: %s", path,
                   local_error->message);
      return NULL;
    }
  if (!g_utf8_validate (contents, (gssize) length, NULL) || memchr (contents, '\0', length))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_ENCODING, "%s is not UTF-8 text", path);
      return NULL;
    }
  /* strip ("\n") */
  text = contents;
  end = contents + length;
  while (text < end && *text == '\n')
    text++;
  while (end > text && end[-1] == '\n')
    *--end = '\0';

  while (text < end)
    {
      char *chunk_end = strstr (text, "\n\n");
      g_autoptr(RasdNameSentence) sentence = g_new0 (RasdNameSentence, 1);
      g_auto(GStrv) lines = NULL;

      if (chunk_end == NULL)
        chunk_end = end;
      *chunk_end = '\0';
      sentence->words = g_ptr_array_new_with_free_func (g_free);
      sentence->labels = g_byte_array_new ();
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;
          guint n = 0;
          guint8 label;

          g_strchomp (lines[i]);
          if (lines[i][0] == '\0')
            continue;
          fields = g_strsplit_set (lines[i], " \t", -1);
          n = g_strv_length (fields);
          while (n > 1 && fields[n - 1][0] == '\0')
            n--;
          if (fields[0][0] == '\0')
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                           "%s: a line begins with a space or tab instead of its token: “%.40s”",
                           path, lines[i]);
              return NULL;
            }
          label = n > 1 ? (guint8) rasd_name_label_from_string (fields[n - 1]) : RASD_NAME_LABEL_O;
          g_ptr_array_add (sentence->words, g_strdup (fields[0]));
          g_byte_array_append (sentence->labels, &label, 1);
        }
      if (sentence->words->len > 0)
        g_ptr_array_add (sentences, g_steal_pointer (&sentence));
      text = chunk_end == end ? end : chunk_end + 2;
    }
  return g_steal_pointer (&sentences);
}

/* Features ---------------------------------------------------------------------------------- */

/* A word type: the rows (feature ids) it adds to the words at each offset from it. */
typedef struct
{
  guint *rows;          /* all of them, by offset */
  guint  from[K + 1];   /* rows of offset index k: rows[from[k]] .. rows[from[k + 1]] */
  const char *doc_key;  /* interned in Features.doc_keys */
} WordType;

typedef struct
{
  RasdNameFeatures *features;
  GHashTable       *types;      /* key → WordType* */
  GHashTable       *doc_keys;   /* doc key → itself (owned): one pointer per doc key */
  GHashTable       *attr_ids;   /* attribute text (owned by attr_texts) → id + 1 */
  GPtrArray        *attr_texts;
  GArray           *row_of;     /* attribute id × K + k → row + 1 (0: none yet) */
  GArray           *row_attr;   /* row → attribute id × K + k */
  WordType         *before;
  WordType         *after;
  guint             doc_rows[RASD_NAME_N_KINDS][2][K];
  guint             rare_rows[K];
} Features;

static void
word_type_free (gpointer data)
{
  WordType *type = data;

  g_free (type->rows);
  g_free (type);
}

static guint
row_for (Features   *f,
         const char *text,
         guint       k)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (f->attr_ids, text));
  guint slot;
  guint row;

  if (id == 0)
    {
      g_ptr_array_add (f->attr_texts, g_strdup (text));
      id = f->attr_texts->len;
      g_hash_table_insert (f->attr_ids, g_ptr_array_index (f->attr_texts, id - 1), GUINT_TO_POINTER (id));
      g_array_set_size (f->row_of, id * K);
    }
  slot = (id - 1) * K + k;
  row = g_array_index (f->row_of, guint, slot);
  if (row == 0)
    {
      g_array_append_val (f->row_attr, slot);
      row = f->row_attr->len;
      g_array_index (f->row_of, guint, slot) = row;
    }
  return row - 1;
}

static WordType *
word_type_new (Features   *f,
               GString    *buffer,
               GArray     *attrs)
{
  WordType *type = g_new0 (WordType, 1);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; k < K; k++)
    {
      type->from[k] = rows->len;
      for (guint a = 0; a < attrs->len; a++)
        {
          const RasdNameAttr *attr = &g_array_index (attrs, RasdNameAttr, a);
          guint row;

          if (!(attr->offsets & (1u << k)))
            continue;
          row = row_for (f, buffer->str + attr->at, k);
          g_array_append_val (rows, row);
        }
    }
  type->from[K] = rows->len;
  type->rows = (guint *) g_array_free (g_steal_pointer (&rows), FALSE);
  return type;
}

static WordType *
padding_type (Features   *f,
              const char *attr)
{
  g_autoptr(GString) buffer = g_string_new (attr);
  g_autoptr(GArray) attrs = g_array_new (FALSE, FALSE, sizeof (RasdNameAttr));
  RasdNameAttr only = { 0, RASD_NAME_OFFSETS_ALL };

  g_array_append_val (attrs, only);
  return word_type_new (f, buffer, attrs);
}

static const WordType *
word_type (Features   *f,
           const char *word)
{
  g_autofree char *key = rasd_name_features_key (word, -1);
  WordType *type = g_hash_table_lookup (f->types, key);

  if (type == NULL)
    {
      g_autoptr(GString) buffer = g_string_new (NULL);
      g_autoptr(GArray) attrs = g_array_new (FALSE, FALSE, sizeof (RasdNameAttr));

      rasd_name_features_word (f->features, key, buffer, attrs);
      type = word_type_new (f, buffer, attrs);
      g_autofree char *doc_key = rasd_name_features_doc_key (key);

      if ((type->doc_key = g_hash_table_lookup (f->doc_keys, doc_key)) == NULL)
        {
          type->doc_key = g_steal_pointer (&doc_key);
          g_hash_table_add (f->doc_keys, (gpointer) type->doc_key);
        }
      g_hash_table_insert (f->types, g_steal_pointer (&key), type);
    }
  return type;
}

static gboolean
features_init (Features       *f,
               RasdPeople     *people,
               RasdGazetteer  *gazetteer,
               const char     *data_dir,
               GError        **error)
{
  f->features = rasd_name_features_new (people, gazetteer, data_dir, error);
  if (f->features == NULL)
    return FALSE;
  f->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_type_free);
  f->doc_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->attr_ids = g_hash_table_new (g_str_hash, g_str_equal);
  f->attr_texts = g_ptr_array_new_with_free_func (g_free);
  f->row_of = g_array_new (FALSE, TRUE, sizeof (guint));
  f->row_attr = g_array_new (FALSE, FALSE, sizeof (guint));
  f->before = padding_type (f, RASD_NAME_ATTR_BEFORE);
  f->after = padding_type (f, RASD_NAME_ATTR_AFTER);
  for (guint k = 0; k < RASD_NAME_N_KINDS; k++)
    for (guint several = 0; several < 2; several++)
      for (guint o = 0; o < K; o++)
        f->doc_rows[k][several][o] = row_for (f, rasd_name_doc_attr (k, several), o);
  for (guint o = 0; o < K; o++)
    f->rare_rows[o] = row_for (f, RASD_NAME_ATTR_RARE, o);
  return TRUE;
}

static void
features_clear (Features *f)
{
  g_clear_pointer (&f->features, rasd_name_features_free);
  g_clear_pointer (&f->types, g_hash_table_unref);
  g_clear_pointer (&f->doc_keys, g_hash_table_unref);
  g_clear_pointer (&f->attr_ids, g_hash_table_unref);
  g_clear_pointer (&f->attr_texts, g_ptr_array_unref);
  g_clear_pointer (&f->row_of, g_array_unref);
  g_clear_pointer (&f->row_attr, g_array_unref);
  g_clear_pointer (&f->before, word_type_free);
  g_clear_pointer (&f->after, word_type_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Features, features_clear)

/* A sentence as the learner sees it: the types of its words, padded by two on each side, and
 * for the second pass what the first found (by a model that did not see the sentence). */
typedef struct
{
  const WordType **types;   /* n + 4 */
  const guint8    *gold;
  guint            n;
  guint            fold;
  gint32          *base;     /* n × L: the first pass's emission scores */
  guint8          *first;    /* its labels */
  guint8          *counts;   /* n × RASD_NAME_N_KINDS: rasd_name_doc_counts() */
  guint8          *rare;     /* n: whether the word is seen once in training */
  guint           *pairs;    /* 2n: the rows of the pair (word i - 1, word i) for word i and
                              * for word i - 1, or NO_ROW */
} Example;

#define NO_ROW G_MAXUINT

/* Learning ---------------------------------------------------------------------------------- */

typedef struct
{
  guint   n_rows;
  gint32 *w;          /* n_rows × L */
  gint64 *u;          /* the same, each update weighted by the step it was made at */
  guint  *count;      /* how often each row was seen in training */
  gint32  start[L];
  gint64  start_u[L];
  gint32  trans[L * L];
  gint64  trans_u[L * L];
  gint64  step;
} Perceptron;

/* Averaged weights, in units of 1/scale. */
typedef struct
{
  gint32 *w;
  gint32  start[L];
  gint32  trans[L * L];
} Averaged;

static void
perceptron_init (Perceptron *p,
                 guint       n_rows)
{
  memset (p, 0, sizeof *p);
  p->n_rows = n_rows;
  p->w = g_new0 (gint32, (gsize) n_rows * L);
  p->u = g_new0 (gint64, (gsize) n_rows * L);
  p->count = g_new0 (guint, n_rows);
  p->step = 1;
}

static void
perceptron_clear (Perceptron *p)
{
  g_clear_pointer (&p->w, g_free);
  g_clear_pointer (&p->u, g_free);
  g_clear_pointer (&p->count, g_free);
}

static void
emission_of (const Features *f,
             const gint32   *weights,
             const Example  *x,
             gint32         *emission)
{
  memset (emission, 0, sizeof (gint32) * x->n * L);
  for (guint i = 0; i < x->n; i++)
    for (guint k = 0; k < K; k++)
      {
        const WordType *t = x->types[i + k];
        gint64 j = (gint64) i + k - 2;

        for (guint r = t->from[k]; r < t->from[k + 1]; r++)
          {
            const gint32 *w = weights + (gsize) t->rows[r] * L;

            for (guint y = 0; y < L; y++)
              emission[(gsize) i * L + y] += w[y];
          }
        if (j >= 0 && j < x->n && x->rare[j])
          for (guint y = 0; y < L; y++)
            emission[(gsize) i * L + y] += weights[(gsize) f->rare_rows[k] * L + y];
      }
  for (guint i = 1; i < x->n; i++)
    if (x->pairs[2 * i] != NO_ROW)
      for (guint y = 0; y < L; y++)
        {
          emission[(gsize) i * L + y] += weights[(gsize) x->pairs[2 * i] * L + y];
          emission[(gsize) (i - 1) * L + y] += weights[(gsize) x->pairs[2 * i + 1] * L + y];
        }
}

/* Adds the second pass's document rows to @emission (over the first pass's). */
static void
add_doc_rows (const Features *f,
              const gint32   *weights,
              const Example  *x,
              gint32         *emission)
{
  for (guint j = 0; j < x->n; j++)
    for (guint c = 0; c < RASD_NAME_N_KINDS; c++)
      {
        guint8 count = x->counts[(gsize) j * RASD_NAME_N_KINDS + c];

        for (guint several = 0; several < 2 && several < count; several++)
          for (guint k = 1; k + 1 < K; k++)
            {
              gint64 i = (gint64) j + 2 - k;
              const gint32 *w = weights + (gsize) f->doc_rows[c][several][k] * L;

              if (i < 0 || i >= x->n)
                continue;
              for (guint y = 0; y < L; y++)
                emission[(gsize) i * L + y] += w[y];
            }
      }
}

static void
update_row (Perceptron *p,
            guint       row,
            guint       gold,
            guint       predicted,
            int         delta)
{
  p->w[(gsize) row * L + gold] += delta;
  p->u[(gsize) row * L + gold] += delta * p->step;
  p->w[(gsize) row * L + predicted] -= delta;
  p->u[(gsize) row * L + predicted] -= delta * p->step;
}

static void
update_transitions (Perceptron    *p,
                    const Example *x,
                    const guint8  *predicted)
{
  for (guint i = 0; i < x->n; i++)
    {
      guint gold_prev = i > 0 ? x->gold[i - 1] : L;
      guint pred_prev = i > 0 ? predicted[i - 1] : L;

      if (x->gold[i] == predicted[i] && gold_prev == pred_prev)
        continue;
      if (i == 0)
        {
          p->start[x->gold[0]]++;
          p->start_u[x->gold[0]] += p->step;
          p->start[predicted[0]]--;
          p->start_u[predicted[0]] -= p->step;
        }
      else
        {
          p->trans[gold_prev * L + x->gold[i]]++;
          p->trans_u[gold_prev * L + x->gold[i]] += p->step;
          p->trans[pred_prev * L + predicted[i]]--;
          p->trans_u[pred_prev * L + predicted[i]] -= p->step;
        }
    }
}

static void
update_words (Perceptron     *p,
              const Features *f,
              const Example  *x,
              const guint8   *predicted)
{
  for (guint i = 0; i < x->n; i++)
    if (x->gold[i] != predicted[i])
      for (guint k = 0; k < K; k++)
        {
          const WordType *t = x->types[i + k];
          gint64 j = (gint64) i + k - 2;

          for (guint r = t->from[k]; r < t->from[k + 1]; r++)
            update_row (p, t->rows[r], x->gold[i], predicted[i], 1);
          if (j >= 0 && j < x->n && x->rare[j])
            update_row (p, f->rare_rows[k], x->gold[i], predicted[i], 1);
        }
  for (guint i = 1; i < x->n; i++)
    if (x->pairs[2 * i] != NO_ROW)
      {
        if (x->gold[i] != predicted[i])
          update_row (p, x->pairs[2 * i], x->gold[i], predicted[i], 1);
        if (x->gold[i - 1] != predicted[i - 1])
          update_row (p, x->pairs[2 * i + 1], x->gold[i - 1], predicted[i - 1], 1);
      }
}

static void
update_doc_rows (Perceptron     *p,
                 const Features *f,
                 const Example  *x,
                 const guint8   *predicted,
                 int             delta)
{
  for (guint i = 0; i < x->n; i++)
    if (x->gold[i] != predicted[i])
      for (guint k = 1; k + 1 < K; k++)
        {
          gint64 j = (gint64) i + k - 2;

          if (j < 0 || j >= x->n)
            continue;
          for (guint c = 0; c < RASD_NAME_N_KINDS; c++)
            for (guint several = 0; several < 2 && several < x->counts[(gsize) j * RASD_NAME_N_KINDS + c]; several++)
              update_row (p, f->doc_rows[c][several][k], x->gold[i], predicted[i], delta);
        }
}

/* A small generator of our own, so that the order of the sentences (and so the model) does not
 * depend on a library's version. */
static guint64
next_random (guint64 *state)
{
  *state ^= *state << 13;
  *state ^= *state >> 7;
  *state ^= *state << 17;
  return *state;
}

/* The generator's first state: the same for seed 0 as before there were seeds. */
static guint64
shuffle_seed (const RasdNameTrainOptions *options)
{
  return 0x9E3779B97F4A7C15ull ^ ((guint64) options->seed * 0x100000001B3ull);
}

static void
shuffle (guint   *order,
         guint    n,
         guint64 *state)
{
  for (guint e = n; e > 1; e--)
    {
      guint j = (guint) (next_random (state) % e);
      guint tmp = order[e - 1];

      order[e - 1] = order[j];
      order[j] = tmp;
    }
}

static guint
longest (GArray *examples)
{
  guint n = 1;

  for (guint e = 0; e < examples->len; e++)
    n = MAX (n, g_array_index (examples, Example, e).n);
  return n;
}

/* Cost-augmented decoding (a structured hinge loss): every wrong label of a word scores
 * @margin more, so that training goes on until the gold labels win by a margin, not only
 * just. */
static void
add_margin (gint32        *emission,
            const Example *x,
            guint          margin)
{
  for (guint i = 0; i < x->n && margin > 0; i++)
    for (guint y = 0; y < L; y++)
      if (y != x->gold[i])
        emission[(gsize) i * L + y] += (gint32) margin;
}

/* The first pass: every word feature, on the examples whose fold is not @skip_fold. */
static void
train_words (Perceptron                 *p,
             const Features             *f,
             guint                       n_rows,
             GArray                     *examples,
             guint                       skip_fold,
             const RasdNameTrainOptions *options)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint64 state = shuffle_seed (options);
  g_autofree gint32 *emission = g_new (gint32, (gsize) longest (examples) * L);
  g_autofree guint8 *predicted = g_new (guint8, longest (examples));

  perceptron_init (p, n_rows);
  for (guint e = 0; e < examples->len; e++)
    {
      const Example *x = &g_array_index (examples, Example, e);

      if (x->fold == skip_fold)
        continue;
      g_array_append_val (order, e);
      for (guint i = 0; i < x->n; i++)
        for (guint k = 0; k < K; k++)
          for (guint r = x->types[i + k]->from[k]; r < x->types[i + k]->from[k + 1]; r++)
            p->count[x->types[i + k]->rows[r]]++;
      for (guint i = 1; i < x->n; i++)
        if (x->pairs[2 * i] != NO_ROW)
          {
            p->count[x->pairs[2 * i]]++;
            p->count[x->pairs[2 * i + 1]]++;
          }
    }
  for (guint epoch = 0; epoch < options->epochs; epoch++)
    {
      shuffle ((guint *) order->data, order->len, &state);
      for (guint o = 0; o < order->len; o++)
        {
          const Example *x = &g_array_index (examples, Example, g_array_index (order, guint, o));

          emission_of (f, p->w, x, emission);
          add_margin (emission, x, options->margin);
          rasd_name_viterbi (emission, x->n, p->start, p->trans, predicted);
          if (memcmp (predicted, x->gold, x->n) != 0)
            {
              update_words (p, f, x, predicted);
              update_transitions (p, x, predicted);
            }
          p->step++;
        }
    }
}

/* The averaged weight, in whole units of 1/scale: w - u/step, computed exactly in integers. */
static gint32
averaged (gint32  w,
          gint64  u,
          gint64  step,
          guint   scale)
{
  /* round ((w × step - u) × scale / step), halves away from zero */
  gint64 num = ((gint64) w * step - u) * (gint64) scale;
  gint64 q = (llabs (num) * 2 + step) / (2 * step);

  return (gint32) (num < 0 ? -q : q);
}

static void
average (const Perceptron *p,
         guint             scale,
         Averaged         *a)
{
  a->w = g_new (gint32, (gsize) p->n_rows * L);
  for (gsize i = 0; i < (gsize) p->n_rows * L; i++)
    a->w[i] = averaged (p->w[i], p->u[i], p->step, scale);
  for (guint y = 0; y < L; y++)
    a->start[y] = averaged (p->start[y], p->start_u[y], p->step, scale);
  for (guint i = 0; i < L * L; i++)
    a->trans[i] = averaged (p->trans[i], p->trans_u[i], p->step, scale);
}

#define N_FOLDS 5

/* The second pass's document weights, learnt over first passes made by models that did not see
 * the sentences (N_FOLDS folds of consecutive sentences), their scores kept fixed. */
static void
train_document (Features                   *f,
                GArray                     *examples,
                const RasdNameTrainOptions *options,
                Averaged                   *doc)
{
  Averaged folds[N_FOLDS];
  Perceptron p;
  guint n = 0;
  g_autofree const char **doc_keys = NULL;
  g_autofree guint8 *labels = NULL;
  g_autofree guint8 *counts = NULL;
  g_autofree guint *starts = g_new (guint, examples->len + 1);
  g_autofree guint *order = g_new (guint, MAX (examples->len, 1));
  g_autofree gint32 *emission = g_new (gint32, (gsize) longest (examples) * L);
  g_autofree guint8 *predicted = g_new (guint8, longest (examples));
  guint64 state = shuffle_seed (options);

  for (guint e = 0; e < examples->len; e++)
    {
      Example *x = &g_array_index (examples, Example, e);

      x->fold = (guint) ((guint64) e * N_FOLDS / examples->len);
      starts[e] = n;
      n += x->n;
    }
  starts[examples->len] = n;
  for (guint k = 0; k < N_FOLDS; k++)
    {
      train_words (&p, f, f->row_attr->len, examples, k, options);
      average (&p, options->scale, &folds[k]);
      perceptron_clear (&p);
      for (guint e = 0; e < examples->len; e++)
        {
          Example *x = &g_array_index (examples, Example, e);

          if (x->fold != k)
            continue;
          x->base = g_new (gint32, (gsize) x->n * L);
          x->first = g_new (guint8, x->n);
          emission_of (f, folds[k].w, x, x->base);
          rasd_name_viterbi (x->base, x->n, folds[k].start, folds[k].trans, x->first);
        }
      g_clear_pointer (&folds[k].w, g_free);
    }

  doc_keys = g_new (const char *, MAX (n, 1));
  labels = g_new (guint8, MAX (n, 1));
  counts = g_new (guint8, (gsize) MAX (n, 1) * RASD_NAME_N_KINDS);
  for (guint e = 0; e < examples->len; e++)
    {
      Example *x = &g_array_index (examples, Example, e);

      for (guint i = 0; i < x->n; i++)
        doc_keys[starts[e] + i] = x->types[i + 2]->doc_key;
      memcpy (labels + starts[e], x->first, x->n);
    }
  rasd_name_doc_counts (doc_keys, labels, starts, examples->len, counts);
  for (guint e = 0; e < examples->len; e++)
    {
      Example *x = &g_array_index (examples, Example, e);

      x->counts = g_memdup2 (counts + (gsize) starts[e] * RASD_NAME_N_KINDS,
                             (gsize) x->n * RASD_NAME_N_KINDS);
      order[e] = e;
    }

  perceptron_init (&p, f->row_attr->len);
  for (guint epoch = 0; epoch < options->epochs; epoch++)
    {
      shuffle (order, examples->len, &state);
      for (guint o = 0; o < examples->len; o++)
        {
          const Example *x = &g_array_index (examples, Example, order[o]);

          memcpy (emission, x->base, sizeof (gint32) * x->n * L);
          add_doc_rows (f, p.w, x, emission);
          rasd_name_viterbi (emission, x->n, folds[x->fold].start, folds[x->fold].trans, predicted);
          /* in units of 1/scale, as the first pass's scores are */
          if (memcmp (predicted, x->gold, x->n) != 0)
            update_doc_rows (&p, f, x, predicted, (int) options->scale);
          p.step++;
        }
    }
  average (&p, 1, doc);
  perceptron_clear (&p);
}

static void
append_ints (GString      *out,
             const gint32 *values)
{
  for (guint y = 0; y < L; y++)
    g_string_append_printf (out, y == 0 ? "%d" : " %d", values[y]);
  g_string_append_c (out, '\n');
}

typedef struct
{
  const char *attr;
  int         offset;
  guint       row;
} Line;

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Line *x = a, *y = b;
  int c = strcmp (x->attr, y->attr);

  return c != 0 ? c : x->offset - y->offset;
}

static gboolean
is_doc_row (const Features *f,
            guint           row)
{
  for (guint c = 0; c < RASD_NAME_N_KINDS; c++)
    for (guint several = 0; several < 2; several++)
      for (guint k = 0; k < K; k++)
        if (f->doc_rows[c][several][k] == row)
          return TRUE;
  return FALSE;
}

/* The model's text: the first pass's weights @a (of the rows seen at least min_count times in
 * training, by @count) and the document weights @doc. */
static char *
write_model (const Averaged             *a,
             const Averaged             *doc,
             const guint                *count,
             const Features             *f,
             const RasdNameTrainOptions *options,
             guint                       n_sentences,
             double                      temperature,
             gint32                      o_bias,
             guint                      *n_features)
{
  GString *out = g_string_new (RASD_NAME_MODEL_MAGIC "\n");
  gint32 values[L];
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "# Averaged structured perceptron, %u sentences, %u epochs; "
                          "made by rasd-cli train-ner (see data/ner/README.md).\n",
                          n_sentences, options->epochs);
  g_string_append (out, "labels");
  for (guint y = 0; y < L; y++)
    g_string_append_printf (out, " %s", rasd_name_label_to_string (y));
  g_string_append_printf (out, "\ntemperature %s\nstart ",
                          g_ascii_formatd (number, sizeof number, "%.3g", temperature));
  /* a word labelled O costs @o_bias: taken from every way into O */
  memcpy (values, a->start, sizeof values);
  values[RASD_NAME_LABEL_O] -= o_bias;
  for (guint y = 0; y < L; y++)
    if (!rasd_name_transition_allowed (L, y))
      values[y] = 0;
  append_ints (out, values);
  for (guint q = 0; q < L; q++)
    {
      g_string_append_printf (out, "transition %s ", rasd_name_label_to_string (q));
      memcpy (values, a->trans + q * L, sizeof values);
      values[RASD_NAME_LABEL_O] -= o_bias;
      /* never taken: written as 0 */
      for (guint y = 0; y < L; y++)
        if (!rasd_name_transition_allowed (q, y))
          values[y] = 0;
      append_ints (out, values);
    }

  for (guint row = 0; row < f->row_attr->len; row++)
    {
      guint slot = g_array_index (f->row_attr, guint, row);
      Line line = { g_ptr_array_index (f->attr_texts, slot / K), (int) (slot % K) - 2, row };
      const gint32 *w = (is_doc_row (f, row) ? doc->w : a->w) + (gsize) row * L;
      gboolean zero = TRUE;

      if (!is_doc_row (f, row) && count[row] < options->min_count)
        continue;
      for (guint y = 0; y < L; y++)
        zero &= w[y] == 0;
      if (!zero)
        g_array_append_val (lines, line);
    }
  g_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      const gint32 *w = (is_doc_row (f, line->row) ? doc->w : a->w) + (gsize) line->row * L;

      g_string_append_printf (out, "%s\t%d\t", line->attr, line->offset);
      append_ints (out, w);
    }
  /* so that a file cut short at a line's end does not pass for a smaller model */
  g_string_append_printf (out, "end %u\n", lines->len);
  *n_features = lines->len;
  return g_string_free (out, FALSE);
}

/* Evaluation -------------------------------------------------------------------------------- */

/* Names as the scorer (score_ner.py) reads them: an I-X that does not continue an X begins one. */
static void
scorer_spans (const guint8 *labels,
              guint         n,
              GArray       *spans)
{
  for (guint i = 0; i < n; i++)
    {
      RasdNameSpan span = { i, 1, 0, 0.f };

      if (labels[i] == RASD_NAME_LABEL_O)
        continue;
      span.kind = rasd_name_label_kind (labels[i]);
      while (i + span.n_words < n && rasd_name_label_is_inside (labels[i + span.n_words]) &&
             rasd_name_label_kind (labels[i + span.n_words]) == span.kind)
        span.n_words++;
      g_array_append_val (spans, span);
      i += span.n_words - 1;
    }
}

static gboolean
span_in (const RasdNameSpan *span,
         GArray             *spans)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const RasdNameSpan *s = &g_array_index (spans, RasdNameSpan, i);

      if (s->first == span->first && s->n_words == span->n_words && s->kind == span->kind)
        return TRUE;
    }
  return FALSE;
}

static void
add_f1 (GString    *report,
        const char *name,
        guint       tp,
        guint       fp,
        guint       fn)
{
  double p = tp + fp > 0 ? (double) tp / (tp + fp) : 0;
  double r = tp + fn > 0 ? (double) tp / (tp + fn) : 0;

  g_string_append_printf (report, "  %-5s P=%.3f R=%.3f F1=%.3f  (%u names)\n", name, p, r,
                          p + r > 0 ? 2 * p * r / (p + r) : 0, tp + fn);
}

/* Names right, wrong and missed, per kind. */
typedef struct
{
  guint tp[RASD_NAME_N_KINDS], fp[RASD_NAME_N_KINDS], fn[RASD_NAME_N_KINDS];
} Counts;

/* Appends the scores per kind and the micro average over PERS, LOC and ORG to @report;
 * returns that micro F1. */
static double
report_counts (const Counts *c,
               GString      *report)
{
  static const char * const names[] = { "PERS", "LOC", "ORG", "MISC" };
  guint all_tp = 0, all_fp = 0, all_fn = 0;

  for (guint k = 0; k < RASD_NAME_N_KINDS; k++)
    {
      add_f1 (report, names[k], c->tp[k], c->fp[k], c->fn[k]);
      if (k < 3)
        {
          all_tp += c->tp[k];
          all_fp += c->fp[k];
          all_fn += c->fn[k];
        }
    }
  add_f1 (report, "micro", all_tp, all_fp, all_fn);
  return 2.0 * all_tp / MAX (2 * all_tp + all_fp + all_fn, 1);
}

/* Tags sentences [@first, @end) of @sentences as one document with @tagger, adds what it got
 * right and wrong to @counts, and returns the temperature among @temperatures that gives the confidences of the
 * names found the least log loss. */
static double
evaluate (RasdNameTagger *tagger,
          GPtrArray      *sentences,
          guint           first,
          guint           end,
          const double   *temperatures,
          guint           n_temperatures,
          Counts         *counts,
          double         *log_loss)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GByteArray) gold_labels = g_byte_array_new ();
  g_autofree guint8 *labels = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (RasdNameSpan));
  g_autoptr(GArray) correct = g_array_new (FALSE, FALSE, sizeof (gboolean));
  guint *tp = counts->tp, *fp = counts->fp, *fn = counts->fn;
  double best = temperatures[0], best_loss = G_MAXDOUBLE;

  for (guint s = first; s < end; s++)
    {
      RasdNameSentence *sentence = g_ptr_array_index (sentences, s);

      g_array_append_val (starts, keys->len);
      for (guint i = 0; i < sentence->words->len; i++)
        g_ptr_array_add (keys, rasd_name_features_key (g_ptr_array_index (sentence->words, i), -1));
      g_byte_array_append (gold_labels, sentence->labels->data, sentence->labels->len);
    }
  g_array_append_val (starts, keys->len);
  labels = g_new (guint8, MAX (keys->len, 1));

  for (guint t = 0; t < n_temperatures; t++)
    {
      double loss = 0;

      g_array_set_size (found, 0);
      rasd_name_tagger_tag_document (tagger, (const char * const *) keys->pdata,
                                     (const guint *) starts->data, starts->len - 1,
                                     temperatures[t], labels, found);
      if (t == 0)
        for (guint s = 0; s + 1 < starts->len; s++)
          {
            guint a = g_array_index (starts, guint, s), b = g_array_index (starts, guint, s + 1);
            g_autoptr(GArray) g = g_array_new (FALSE, FALSE, sizeof (RasdNameSpan));
            g_autoptr(GArray) f = g_array_new (FALSE, FALSE, sizeof (RasdNameSpan));

            scorer_spans (gold_labels->data + a, b - a, g);
            scorer_spans (labels + a, b - a, f);
            for (guint i = 0; i < f->len; i++)
              {
                RasdNameSpan *span = &g_array_index (f, RasdNameSpan, i);
                gboolean right = span_in (span, g);

                (right ? tp : fp)[span->kind]++;
                g_array_append_val (correct, right);
              }
            for (guint i = 0; i < g->len; i++)
              if (!span_in (&g_array_index (g, RasdNameSpan, i), f))
                fn[g_array_index (g, RasdNameSpan, i).kind]++;
          }
      /* the tagger's names are the same spans, in the same order */
      for (guint i = 0; i < found->len && i < correct->len; i++)
        {
          double c = CLAMP (g_array_index (found, RasdNameSpan, i).confidence, 1e-6, 1 - 1e-6);

          loss -= g_array_index (correct, gboolean, i) ? log (c) : log (1 - c);
        }
      if (loss < best_loss)
        {
          best_loss = loss;
          best = temperatures[t];
        }
    }

  *log_loss = correct->len > 0 ? best_loss / correct->len : 0.0;
  return best;
}

/* Training ---------------------------------------------------------------------------------- */

/* The rows of the pairs of neighbouring words of a sentence (Example.pairs). */
static guint *
make_pairs (Features  *f,
            GPtrArray *words)
{
  guint *pairs = g_new (guint, 2 * MAX (words->len, 1));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *left = NULL;

  pairs[0] = pairs[1] = NO_ROW;
  for (guint i = 0; i < words->len; i++)
    {
      g_autofree char *key = rasd_name_features_key (g_ptr_array_index (words, i), -1);

      if (i > 0)
        {
          rasd_name_pair_attr (text, left, key);
          pairs[2 * i] = row_for (f, text->str, 2);
          pairs[2 * i + 1] = row_for (f, text->str, 3);
        }
      g_free (left);
      left = g_steal_pointer (&key);
    }
  return pairs;
}

static GArray *
make_examples (Features  *f,
               GPtrArray *sentences,
               guint      from,
               guint      to)
{
  GArray *examples = g_array_new (FALSE, TRUE, sizeof (Example));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);  /* WordType → times */

  for (guint s = from; s < to; s++)
    {
      RasdNameSentence *sentence = g_ptr_array_index (sentences, s);
      Example x = { NULL, sentence->labels->data, sentence->words->len, 0, NULL, NULL, NULL, NULL,
                    NULL };

      x.types = g_new (const WordType *, x.n + 4);
      x.pairs = make_pairs (f, sentence->words);
      x.rare = g_new (guint8, MAX (x.n, 1));
      x.types[0] = x.types[1] = f->before;
      x.types[x.n + 2] = x.types[x.n + 3] = f->after;
      for (guint i = 0; i < x.n; i++)
        {
          const WordType *t = word_type (f, g_ptr_array_index (sentence->words, i));

          x.types[i + 2] = t;
          g_hash_table_insert (seen, (gpointer) t,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (seen, t)) + 1));
        }
      g_array_append_val (examples, x);
    }
  /* words seen once stand for the words the model will not know */
  for (guint e = 0; e < examples->len; e++)
    {
      Example *x = &g_array_index (examples, Example, e);

      for (guint i = 0; i < x->n; i++)
        x->rare[i] = GPOINTER_TO_UINT (g_hash_table_lookup (seen, x->types[i + 2])) == 1;
    }
  return examples;
}

static void
examples_free (GArray *examples)
{
  for (guint e = 0; e < examples->len; e++)
    {
      Example *x = &g_array_index (examples, Example, e);

      g_free (x->types);
      g_free (x->base);
      g_free (x->first);
      g_free (x->counts);
      g_free (x->rare);
      g_free (x->pairs);
    }
  g_array_unref (examples);
}

/* Both passes on sentences [0, @to). */
typedef struct
{
  Averaged  words;
  Averaged  doc;
  guint    *count;
  guint     n_sentences;
} Trained;

static void
train_model (Features                   *f,
             GPtrArray                  *sentences,
             guint                       to,
             const RasdNameTrainOptions *options,
             Trained                    *out)
{
  GArray *examples = make_examples (f, sentences, 0, to);
  Perceptron p;

  train_document (f, examples, options, &out->doc);
  train_words (&p, f, f->row_attr->len, examples, N_FOLDS, options);
  average (&p, options->scale, &out->words);
  out->count = g_steal_pointer (&p.count);
  out->n_sentences = to;
  perceptron_clear (&p);
  examples_free (examples);
}

static void
trained_clear (Trained *t)
{
  g_clear_pointer (&t->words.w, g_free);
  g_clear_pointer (&t->doc.w, g_free);
  g_clear_pointer (&t->count, g_free);
}

static char *
trained_write (const Trained              *t,
               const Features             *f,
               const RasdNameTrainOptions *options,
               double                      temperature,
               gint32                      o_bias,
               guint                      *n_features)
{
  return write_model (&t->words, &t->doc, t->count, f, options, t->n_sentences, temperature,
                      o_bias, n_features);
}

char *
rasd_name_trainer_train (RasdPeople                 *people,
                         RasdGazetteer              *gazetteer,
                         const char                 *data_dir,
                         GPtrArray                  *sentences,
                         const RasdNameTrainOptions *options,
                         GString                    *report,
                         GError                    **error)
{
  /* temperatures tried for the confidence, in units of one averaged perceptron update */
  static const double grid[] = { 0.25, 0.35, 0.5, 0.7, 1, 1.4, 2, 2.8, 4, 5.6, 8, 11, 16, 22, 32 };
  double scaled[G_N_ELEMENTS (grid)];
  g_auto(Features) f = { 0 };
  guint tune_from = sentences->len - sentences->len / 9;
  static const gint32 o_biases[] = { 0, 1, 2, 3, 4, 6, 8 };
  Trained tuning = { 0 }, final = { 0 };
  g_autoptr(GString) best_scores = g_string_new (NULL);
  double best_f1 = -1;
  gint32 o_bias = 0;
  double temperature = options->scale;
  char *model;
  guint n_features = 0;
  gint64 t0 = g_get_monotonic_time ();

  g_return_val_if_fail (sentences != NULL, NULL);
  g_return_val_if_fail (options->epochs > 0 && options->scale > 0, NULL);

  if (sentences->len < 2 * N_FOLDS)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_EMPTY,
                   "Too few sentences to train on: %u (at least %u)", sentences->len, 2 * N_FOLDS);
      return NULL;
    }
  if (!features_init (&f, people, gazetteer, data_dir, error))
    return NULL;

  /* the first eight ninths, tagged on the last to choose the cost of O (precision against
   * recall) and the temperature, and to report */
  train_model (&f, sentences, tune_from, options, &tuning);
  for (guint b = 0; b < G_N_ELEMENTS (o_biases); b++)
    {
      g_autoptr(GString) scores = g_string_new (NULL);
      g_autofree char *text = trained_write (&tuning, &f, options, options->scale,
                                             o_biases[b] * (gint32) options->scale, &n_features);
      g_autoptr(RasdNameTagger) tagger = NULL;
      double f1 = 0, t, loss = 0;
      Counts counts = { { 0 } };

      tagger = rasd_name_tagger_new_from_data (text, strlen (text), "tuning model", people,
                                               gazetteer, data_dir, error);
      if (tagger == NULL)
        {
          trained_clear (&tuning);
          return NULL;
        }
      for (guint i = 0; i < G_N_ELEMENTS (grid); i++)
        scaled[i] = grid[i] * options->scale;
      t = evaluate (tagger, sentences, tune_from, sentences->len, scaled, G_N_ELEMENTS (grid),
                    &counts, &loss);
      f1 = report_counts (&counts, scores);
      g_string_append_printf (scores, "  confidence: log loss %.3f per name found\n", loss);
      if (f1 > best_f1)
        {
          best_f1 = f1;
          o_bias = o_biases[b] * (gint32) options->scale;
          temperature = t;
          g_string_assign (best_scores, scores->str);
        }
    }
  trained_clear (&tuning);
  if (report != NULL)
    g_string_append_printf (report, "tuning: trained on sentences 1-%u (%u features kept), tagged "
                            "%u-%u:\n%s  cost of O: %d, confidence temperature: %g\n", tune_from,
                            n_features, tune_from + 1, sentences->len, best_scores->str,
                            o_bias / (gint32) options->scale, temperature / options->scale);

  train_model (&f, sentences, sentences->len, options, &final);
  model = trained_write (&final, &f, options, temperature, o_bias, &n_features);
  trained_clear (&final);
  if (report != NULL)
    g_string_append_printf (report, "model: %u sentences, %u epochs, %u features kept, %.1f s\n",
                            sentences->len, options->epochs, n_features,
                            (g_get_monotonic_time () - t0) / 1e6);
  return model;
}

gboolean
rasd_name_trainer_cross_validate (RasdPeople                 *people,
                                  RasdGazetteer              *gazetteer,
                                  const char                 *data_dir,
                                  GPtrArray                  *sentences,
                                  const RasdNameTrainOptions *options,
                                  guint                       n_folds,
                                  GString                    *report,
                                  GError                    **error)
{
  static const double model_temperature[] = { 0 };
  Counts counts = { { 0 } };

  g_return_val_if_fail (sentences != NULL && report != NULL, FALSE);
  g_return_val_if_fail (n_folds >= 2, FALSE);

  for (guint k = 0; k < n_folds; k++)
    {
      guint a = (guint) ((guint64) sentences->len * k / n_folds);
      guint b = (guint) ((guint64) sentences->len * (k + 1) / n_folds);
      g_autoptr(GPtrArray) rest = g_ptr_array_new ();
      g_autofree char *model = NULL;
      g_autoptr(RasdNameTagger) tagger = NULL;
      double loss;

      for (guint s = 0; s < sentences->len; s++)
        if (s < a || s >= b)
          g_ptr_array_add (rest, g_ptr_array_index (sentences, s));
      model = rasd_name_trainer_train (people, gazetteer, data_dir, rest, options, NULL, error);
      if (model == NULL)
        return FALSE;
      tagger = rasd_name_tagger_new_from_data (model, strlen (model), "fold model", people,
                                               gazetteer, data_dir, error);
      if (tagger == NULL)
        return FALSE;
      evaluate (tagger, sentences, a, b, model_temperature, 1, &counts, &loss);
    }
  g_string_append_printf (report, "%u-fold cross-validation over %u sentences:\n", n_folds,
                          sentences->len);
  report_counts (&counts, report);
  return TRUE;
}
