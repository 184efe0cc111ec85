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
} WordType;

typedef struct
{
  RasdNameFeatures *features;
  GHashTable       *types;      /* key → WordType* */
  GHashTable       *attr_ids;   /* attribute text (owned by attr_texts) → id + 1 */
  GPtrArray        *attr_texts;
  GArray           *row_of;     /* attribute id × K + k → row + 1 (0: none yet) */
  GArray           *row_attr;   /* row → attribute id × K + k */
  WordType         *before;
  WordType         *after;
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
      g_hash_table_insert (f->types, g_steal_pointer (&key), type);
    }
  return type;
}

static void
features_clear (Features *f)
{
  g_clear_pointer (&f->types, g_hash_table_unref);
  g_clear_pointer (&f->attr_ids, g_hash_table_unref);
  g_clear_pointer (&f->attr_texts, g_ptr_array_unref);
  g_clear_pointer (&f->row_of, g_array_unref);
  g_clear_pointer (&f->row_attr, g_array_unref);
  g_clear_pointer (&f->before, word_type_free);
  g_clear_pointer (&f->after, word_type_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Features, features_clear)

/* A sentence as the learner sees it: the types of its words, padded by two on each side. */
typedef struct
{
  const WordType **types;   /* n + 4 */
  const guint8    *gold;
  guint            n;
} Example;

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

static void
emission_of (const Perceptron *p,
             const Example    *x,
             gint32           *emission)
{
  memset (emission, 0, sizeof (gint32) * x->n * L);
  for (guint i = 0; i < x->n; i++)
    for (guint k = 0; k < K; k++)
      {
        const WordType *t = x->types[i + k];

        for (guint r = t->from[k]; r < t->from[k + 1]; r++)
          {
            const gint32 *w = p->w + (gsize) t->rows[r] * L;

            for (guint y = 0; y < L; y++)
              emission[(gsize) i * L + y] += w[y];
          }
      }
}

static void
update_row (Perceptron *p,
            guint       row,
            guint       label,
            int         delta)
{
  p->w[(gsize) row * L + label] += delta;
  p->u[(gsize) row * L + label] += delta * p->step;
}

static void
update (Perceptron    *p,
        const Example *x,
        const guint8  *predicted)
{
  for (guint i = 0; i < x->n; i++)
    {
      guint gold_prev = i > 0 ? x->gold[i - 1] : L;
      guint pred_prev = i > 0 ? predicted[i - 1] : L;

      if (x->gold[i] != predicted[i])
        for (guint k = 0; k < K; k++)
          {
            const WordType *t = x->types[i + k];

            for (guint r = t->from[k]; r < t->from[k + 1]; r++)
              {
                update_row (p, t->rows[r], x->gold[i], 1);
                update_row (p, t->rows[r], predicted[i], -1);
              }
          }
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

static void
train (Perceptron                 *p,
       guint                       n_rows,
       GArray                     *examples,
       const RasdNameTrainOptions *options)
{
  g_autofree guint *order = g_new (guint, MAX (examples->len, 1));
  guint64 state = 0x9E3779B97F4A7C15ull;
  g_autofree gint32 *emission = NULL;
  g_autofree guint8 *predicted = NULL;
  guint longest = 1;

  memset (p, 0, sizeof *p);
  p->n_rows = n_rows;
  p->w = g_new0 (gint32, (gsize) n_rows * L);
  p->u = g_new0 (gint64, (gsize) n_rows * L);
  p->count = g_new0 (guint, n_rows);
  p->step = 1;
  for (guint e = 0; e < examples->len; e++)
    {
      const Example *x = &g_array_index (examples, Example, e);

      longest = MAX (longest, x->n);
      order[e] = e;
      for (guint i = 0; i < x->n; i++)
        for (guint k = 0; k < K; k++)
          for (guint r = x->types[i + k]->from[k]; r < x->types[i + k]->from[k + 1]; r++)
            p->count[x->types[i + k]->rows[r]]++;
    }
  emission = g_new (gint32, (gsize) longest * L);
  predicted = g_new (guint8, longest);

  for (guint epoch = 0; epoch < options->epochs; epoch++)
    {
      /* Fisher–Yates */
      for (guint e = examples->len; e > 1; e--)
        {
          guint j = (guint) (next_random (&state) % e);
          guint tmp = order[e - 1];

          order[e - 1] = order[j];
          order[j] = tmp;
        }
      for (guint e = 0; e < examples->len; e++)
        {
          const Example *x = &g_array_index (examples, Example, order[e]);

          emission_of (p, x, emission);
          rasd_name_viterbi (emission, x->n, p->start, p->trans, predicted);
          if (memcmp (predicted, x->gold, x->n) != 0)
            update (p, x, predicted);
          p->step++;
        }
    }
}

static void
perceptron_clear (Perceptron *p)
{
  g_clear_pointer (&p->w, g_free);
  g_clear_pointer (&p->u, g_free);
  g_clear_pointer (&p->count, g_free);
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

static char *
write_model (const Perceptron           *p,
             const Features             *f,
             const RasdNameTrainOptions *options,
             guint                       n_sentences,
             double                      temperature,
             guint                      *n_features)
{
  GString *out = g_string_new (RASD_NAME_MODEL_MAGIC "\n");
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  gint32 values[L];
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, "# Averaged structured perceptron, %u sentences, %u epochs; "
                          "made by rasd-cli train-ner (see data/ner/README.md).\n",
                          n_sentences, options->epochs);
  g_string_append (out, "labels");
  for (guint y = 0; y < L; y++)
    g_string_append_printf (out, " %s", rasd_name_label_to_string (y));
  g_string_append_printf (out, "\ntemperature %s\nstart ",
                          g_ascii_formatd (number, sizeof number, "%.3g", temperature));
  for (guint y = 0; y < L; y++)
    values[y] = averaged (p->start[y], p->start_u[y], p->step, options->scale);
  append_ints (out, values);
  for (guint q = 0; q < L; q++)
    {
      g_string_append_printf (out, "transition %s ", rasd_name_label_to_string (q));
      for (guint y = 0; y < L; y++)
        values[y] = averaged (p->trans[q * L + y], p->trans_u[q * L + y], p->step, options->scale);
      append_ints (out, values);
    }

  for (guint row = 0; row < p->n_rows; row++)
    {
      guint slot = g_array_index (f->row_attr, guint, row);
      Line line = { g_ptr_array_index (f->attr_texts, slot / K), (int) (slot % K) - 2, row };
      gboolean zero = TRUE;

      if (p->count[row] < options->min_count)
        continue;
      for (guint y = 0; y < L; y++)
        zero &= averaged (p->w[(gsize) row * L + y], p->u[(gsize) row * L + y], p->step,
                          options->scale) == 0;
      if (!zero)
        g_array_append_val (lines, line);
    }
  g_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      for (guint y = 0; y < L; y++)
        values[y] = averaged (p->w[(gsize) line->row * L + y], p->u[(gsize) line->row * L + y],
                              p->step, options->scale);
      g_string_append_printf (out, "%s\t%d\t", line->attr, line->offset);
      append_ints (out, values);
    }
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

typedef struct
{
  guint  tp[4], fp[4], fn[4];
  GArray *confidence;  /* double, one per name found */
  GArray *correct;     /* gboolean */
} Evaluation;

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

/* Tags @sentences with @tagger, counts per type and keeps each name found with its
 * confidence at @temperatures and whether it was right. */
static void
evaluate (RasdNameTagger *tagger,
          GPtrArray      *sentences,
          guint           first,
          const double   *temperatures,
          guint           n_temperatures,
          Evaluation     *ev,
          GArray        **confidences)
{
  memset (ev, 0, sizeof *ev);
  ev->correct = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (guint t = 0; t < n_temperatures; t++)
    confidences[t] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint s = first; s < sentences->len; s++)
    {
      RasdNameSentence *sentence = g_ptr_array_index (sentences, s);
      guint n = sentence->words->len;
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      g_autofree guint8 *labels = g_new (guint8, n);
      g_autoptr(GArray) gold = g_array_new (FALSE, FALSE, sizeof (RasdNameSpan));
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (RasdNameSpan));

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (keys, rasd_name_features_key (g_ptr_array_index (sentence->words, i), -1));
      rasd_name_tagger_tag_keys (tagger, (const char * const *) keys->pdata, n, labels);
      scorer_spans (sentence->labels->data, n, gold);
      scorer_spans (labels, n, found);
      for (guint i = 0; i < found->len; i++)
        {
          const RasdNameSpan *span = &g_array_index (found, RasdNameSpan, i);
          gboolean right = span_in (span, gold);

          if (right)
            ev->tp[span->kind]++;
          else
            ev->fp[span->kind]++;
          g_array_append_val (ev->correct, right);
        }
      for (guint i = 0; i < gold->len; i++)
        if (!span_in (&g_array_index (gold, RasdNameSpan, i), found))
          ev->fn[g_array_index (gold, RasdNameSpan, i).kind]++;
      for (guint t = 0; t < n_temperatures; t++)
        {
          rasd_name_tagger_confidence (tagger, (const char * const *) keys->pdata, n,
                                       temperatures[t], found);
          for (guint i = 0; i < found->len; i++)
            {
              double c = g_array_index (found, RasdNameSpan, i).confidence;
              g_array_append_val (confidences[t], c);
            }
        }
    }
}

/* Training ---------------------------------------------------------------------------------- */

static GArray *
make_examples (Features  *f,
               GPtrArray *sentences,
               guint      from,
               guint      to)
{
  GArray *examples = g_array_new (FALSE, FALSE, sizeof (Example));

  for (guint s = from; s < to; s++)
    {
      RasdNameSentence *sentence = g_ptr_array_index (sentences, s);
      Example x = { NULL, sentence->labels->data, sentence->words->len };

      x.types = g_new (const WordType *, x.n + 4);
      x.types[0] = x.types[1] = f->before;
      x.types[x.n + 2] = x.types[x.n + 3] = f->after;
      for (guint i = 0; i < x.n; i++)
        x.types[i + 2] = word_type (f, g_ptr_array_index (sentence->words, i));
      g_array_append_val (examples, x);
    }
  return examples;
}

static void
examples_free (GArray *examples)
{
  for (guint e = 0; e < examples->len; e++)
    g_free (g_array_index (examples, Example, e).types);
  g_array_unref (examples);
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
  g_auto(Features) f = { 0 };
  Perceptron p = { 0 };
  guint tune_from = sentences->len - sentences->len / 9;
  GArray *examples;
  g_autofree char *tuning_model = NULL;
  g_autoptr(RasdNameTagger) tagger = NULL;
  GArray *confidences[G_N_ELEMENTS (grid)];
  Evaluation ev;
  double best_loss = G_MAXDOUBLE;
  double temperature = options->scale;
  char *model;
  guint n_features = 0;
  gint64 t0 = g_get_monotonic_time ();

  g_return_val_if_fail (sentences != NULL, NULL);
  g_return_val_if_fail (options->epochs > 0 && options->scale > 0, NULL);

  if (sentences->len < 9)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_EMPTY,
                   "Too few sentences to train on: %u (at least 9: the last ninth chooses the "
                   "confidence's temperature)", sentences->len);
      return NULL;
    }
  f.features = rasd_name_features_new (people, gazetteer, data_dir, error);
  if (f.features == NULL)
    return NULL;
  f.types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, word_type_free);
  f.attr_ids = g_hash_table_new (g_str_hash, g_str_equal);
  f.attr_texts = g_ptr_array_new_with_free_func (g_free);
  f.row_of = g_array_new (FALSE, TRUE, sizeof (guint));
  f.row_attr = g_array_new (FALSE, FALSE, sizeof (guint));
  f.before = padding_type (&f, RASD_NAME_ATTR_BEFORE);
  f.after = padding_type (&f, RASD_NAME_ATTR_AFTER);

  /* 1. the first eight ninths, tagged on the last to choose the temperature and to report */
  examples = make_examples (&f, sentences, 0, tune_from);
  train (&p, f.row_attr->len, examples, options);
  examples_free (examples);
  tuning_model = write_model (&p, &f, options, tune_from, options->scale, &n_features);
  perceptron_clear (&p);
  tagger = rasd_name_tagger_new_from_data (tuning_model, strlen (tuning_model), "tuning model",
                                           people, gazetteer, data_dir, error);
  if (tagger == NULL)
    return NULL;
  {
    double scaled[G_N_ELEMENTS (grid)];

    for (guint t = 0; t < G_N_ELEMENTS (grid); t++)
      scaled[t] = grid[t] * options->scale;
    evaluate (tagger, sentences, tune_from, scaled, G_N_ELEMENTS (grid), &ev, confidences);
    for (guint t = 0; t < G_N_ELEMENTS (grid); t++)
      {
        double loss = 0;

        for (guint i = 0; i < ev.correct->len; i++)
          {
            double c = CLAMP (g_array_index (confidences[t], double, i), 1e-6, 1 - 1e-6);

            loss -= g_array_index (ev.correct, gboolean, i) ? log (c) : log (1 - c);
          }
        if (loss < best_loss)
          {
            best_loss = loss;
            temperature = scaled[t];
          }
        g_array_unref (confidences[t]);
      }
  }
  if (report != NULL)
    {
      guint tp = 0, fp = 0, fn = 0;

      g_string_append_printf (report, "tuning: trained on sentences 1-%u, tagged %u-%u (%u "
                              "features kept)\n", tune_from, tune_from + 1, sentences->len,
                              n_features);
      for (guint k = 0; k < 4; k++)
        {
          static const char * const names[] = { "PERS", "LOC", "ORG", "MISC" };

          add_f1 (report, names[k], ev.tp[k], ev.fp[k], ev.fn[k]);
          if (k < 3)
            {
              tp += ev.tp[k];
              fp += ev.fp[k];
              fn += ev.fn[k];
            }
        }
      add_f1 (report, "micro", tp, fp, fn);
      g_string_append_printf (report, "  confidence: temperature %g, log loss %.3f per name\n",
                              temperature / options->scale,
                              ev.correct->len > 0 ? best_loss / ev.correct->len : 0.0);
    }
  g_array_unref (ev.correct);

  /* 2. every sentence */
  examples = make_examples (&f, sentences, 0, sentences->len);
  train (&p, f.row_attr->len, examples, options);
  examples_free (examples);
  model = write_model (&p, &f, options, sentences->len, temperature, &n_features);
  perceptron_clear (&p);
  if (report != NULL)
    g_string_append_printf (report, "model: %u sentences, %u epochs, %u features kept, %.1f s\n",
                            sentences->len, options->epochs, n_features,
                            (g_get_monotonic_time () - t0) / 1e6);
  return model;
}
