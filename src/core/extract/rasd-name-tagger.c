#define G_LOG_DOMAIN "rasd-name-tagger"

#include "config.h"

#include "rasd-name-tagger-private.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rasd-arabic.h"
#include "rasd-error.h"
#include "rasd-hash.h"
#include "rasd-name-features.h"

/* Every feature is an attribute of the word at an offset from the tagged word, so what a word
 * adds to the scores of its neighbours and itself depends on the word alone: a word type's
 * RASD_NAME_N_OFFSETS × RASD_NAME_N_LABELS contributions are summed once (at load for the words
 * the model has weights for, in a per-thread cache for the others) and tagging a word costs a
 * lookup, five vector additions and its Viterbi step. */

#define L RASD_NAME_N_LABELS

typedef struct
{
  gint32      w[RASD_NAME_N_OFFSETS][L];
  const char *doc_key;   /* word types: rasd_name_features_doc_key() */
  guint8      in_pairs;  /* word types of the model: PAIR_LEFT | PAIR_RIGHT, as in the pairs */
} Scores;

#define PAIR_LEFT 1
#define PAIR_RIGHT 2

/* The pairs of neighbouring words the model has weights for (RASD_NAME_ATTR_PAIR), by the
 * scores of their words: open addressing on the two pointers. */
typedef struct
{
  const Scores *left;
  const Scores *right;
  const Scores *weights;   /* w[2]: for the right word, w[3]: for the left */
} PairEntry;

typedef struct
{
  PairEntry *entries;
  guint32    mask;
} PairTable;

static inline guint32
pair_hash (const Scores *left,
           const Scores *right)
{
  guint64 h = ((guint64) (guintptr) left * 0x9E3779B97F4A7C15ull) ^ (guint64) (guintptr) right;

  h *= 0xC2B2AE3D27D4EB4Full;
  return (guint32) (h >> 32);
}

static const Scores *
pair_table_lookup (const PairTable *table,
                   const Scores    *left,
                   const Scores    *right)
{
  for (guint32 i = pair_hash (left, right) & table->mask; ; i = (i + 1) & table->mask)
    {
      const PairEntry *e = &table->entries[i];

      if (e->left == NULL)
        return NULL;
      if (e->left == left && e->right == right)
        return e->weights;
    }
}

/* The words of the model, looked up at every word tagged: open addressing on a string hash
 * kept with each entry (GHashTable calls a function per probe and strcmp() per match). */
typedef struct
{
  guint32       hash;
  guint32       length;
  const char   *key;
  const Scores *scores;
} WordEntry;

typedef struct
{
  WordEntry *entries;
  guint32    mask;   /* capacity - 1, a power of two minus one */
} WordTable;

static inline guint32
word_hash (const char *key,
           guint32    *length)
{
  /* FNV-1a */
  guint32 h = 2166136261u;
  const guchar *p = (const guchar *) key;

  for (; *p != '\0'; p++)
    h = (h ^ *p) * 16777619u;
  *length = (guint32) (p - (const guchar *) key);
  return h;
}

static const Scores *
word_table_lookup (const WordTable *table,
                   const char      *key)
{
  guint32 length;
  guint32 hash = word_hash (key, &length);

  if (table->entries == NULL)
    return NULL;
  for (guint32 i = hash & table->mask; ; i = (i + 1) & table->mask)
    {
      const WordEntry *e = &table->entries[i];

      if (e->key == NULL)
        return NULL;
      if (e->hash == hash && e->length == length && memcmp (e->key, key, length) == 0)
        return e->scores;
    }
}

/* Fills @table from @types (key → Scores*), which must outlive it. */
static void
word_table_init (WordTable  *table,
                 GHashTable *types)
{
  guint32 capacity = 16;
  GHashTableIter iter;
  gpointer key, value;

  while (capacity < 2 * g_hash_table_size (types) + 2)
    capacity *= 2;
  table->entries = g_new0 (WordEntry, capacity);
  table->mask = capacity - 1;
  g_hash_table_iter_init (&iter, types);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 length;
      guint32 hash = word_hash (key, &length);
      guint32 i = hash & table->mask;

      while (table->entries[i].key != NULL)
        i = (i + 1) & table->mask;
      table->entries[i] = (WordEntry) { hash, length, key, value };
    }
}

struct _RasdNameTagger
{
  GObject           parent_instance;

  guint             id;          /* tells the per-thread caches apart */
  RasdNameFeatures *features;
  GStringChunk     *strings;
  GHashTable       *attrs;       /* attribute → Scores* (weights by offset) */
  GHashTable       *types;       /* word key → Scores*, for the words of the model */
  WordTable         table;       /* the same, for lookups at every word */
  PairTable         pairs;
  GHashTable       *doc_keys;    /* doc key → the same, interned: one pointer per doc key */
  Scores            before;      /* the padding around a sentence */
  Scores            after;
  const Scores     *doc[RASD_NAME_N_KINDS][2];  /* the weights of rasd_name_doc_attr() */
  gint32            start[L];
  gint32            transition[L][L];
  double            temperature;
  float            *exp_table;   /* exp (-d / temperature), d = 0 .. n_exp - 1 */
  guint             n_exp;
};

G_DEFINE_FINAL_TYPE (RasdNameTagger, rasd_name_tagger, G_TYPE_OBJECT)

static void
rasd_name_tagger_finalize (GObject *object)
{
  RasdNameTagger *self = RASD_NAME_TAGGER (object);

  g_clear_pointer (&self->features, rasd_name_features_free);
  g_clear_pointer (&self->attrs, g_hash_table_unref);
  g_clear_pointer (&self->table.entries, g_free);
  g_clear_pointer (&self->pairs.entries, g_free);
  g_clear_pointer (&self->types, g_hash_table_unref);
  g_clear_pointer (&self->doc_keys, g_hash_table_unref);
  g_clear_pointer (&self->exp_table, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (rasd_name_tagger_parent_class)->finalize (object);
}

static void
rasd_name_tagger_class_init (RasdNameTaggerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rasd_name_tagger_finalize;
}

static void
rasd_name_tagger_init (RasdNameTagger *self)
{
  static gint next_id;

  self->id = (guint) g_atomic_int_add (&next_id, 1) + 1;
  self->strings = g_string_chunk_new (64 * 1024);
  self->attrs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->types = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->doc_keys = g_hash_table_new (rasd_str_hash, g_str_equal);
}

/* Labels ------------------------------------------------------------------------------------ */

static const char * const label_names[L] = {
  "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
};

const char *
rasd_name_label_to_string (RasdNameLabel label)
{
  g_return_val_if_fail (label < L, "O");
  return label_names[label];
}

RasdNameLabel
rasd_name_label_from_string (const char *tag)
{
  static const struct { const char *alias; guint label; } aliases[] = {
    { "PERS", RASD_NAME_LABEL_B_PERS }, { "PER", RASD_NAME_LABEL_B_PERS },
    { "PERSON", RASD_NAME_LABEL_B_PERS }, { "LOC", RASD_NAME_LABEL_B_LOC },
    { "GPE", RASD_NAME_LABEL_B_LOC }, { "ORG", RASD_NAME_LABEL_B_ORG },
    { "MISC", RASD_NAME_LABEL_B_MISC },
  };

  g_return_val_if_fail (tag != NULL, RASD_NAME_LABEL_O);
  if ((tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-')
    return RASD_NAME_LABEL_O;
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (tag + 2, aliases[i].alias) == 0)
      return aliases[i].label + (tag[0] == 'I' ? 1 : 0);
  return RASD_NAME_LABEL_O;
}

/* Decoding ---------------------------------------------------------------------------------- */

/* Forward–backward works on all the labels at once: twelve lanes (the nine labels, then three
 * that are never taken) in vectors of four, which compilers turn into SIMD instructions where
 * the machine has them and into plain code elsewhere. */
#define LANES 12
#define NV (LANES / 4)

typedef float FloatV __attribute__ ((vector_size (16)));

typedef struct
{
  FloatV v[NV];
} Floats;

/* The best score into label @y at a word from @prev, the normalised best scores of the word
 * before, and @into, the transitions into @y by previous label; with @arg, the previous label
 * that gives it (the first of equal ones).  O and B-X follow anything; I-X only B-X or I-X
 * (label - 1 and itself). */
static inline gint32
viterbi_into (const gint32 *prev,
              const gint32 *into,
              guint         y,
              guint        *arg)
{
  gint32 max;

  if (rasd_name_label_is_inside (y))
    {
      gint32 from_b = prev[y - 1] + into[y - 1];
      gint32 from_i = prev[y] + into[y];

      if (arg != NULL)
        *arg = from_i > from_b ? y : y - 1;
      return MAX (from_b, from_i);
    }
  max = prev[0] + into[0];
  if (arg == NULL)
    {
#pragma GCC unroll 8
      for (guint p = 1; p < L; p++)
        max = MAX (max, prev[p] + into[p]);
      return max;
    }
  *arg = 0;
  for (guint p = 1; p < L; p++)
    if (prev[p] + into[p] > max)
      {
        max = prev[p] + into[p];
        *arg = p;
      }
  return max;
}

/* The forward pass keeps every word's normalised best scores and no back pointers: the
 * backtrace asks viterbi_into() again for the one label it follows, the same choice the
 * forward pass made. */
void
rasd_name_viterbi (const gint32 *emission,
                   guint         n,
                   const gint32 *start,
                   const gint32 *transition,
                   guint8       *labels)
{
  /* far below any path's score, far enough from overflow: forbidden transitions */
  const gint32 forbidden = -(1 << 28);
  gint32 into[L][L];  /* into[y][p]: the transition from p to y */
  gint32 small[64 * L];
  g_autofree gint32 *large = NULL;
  gint32 *best = n <= 64 ? small : (large = g_new (gint32, (gsize) n * L));
  guint last = 0;

  if (n == 0)
    return;
  for (guint p = 0; p < L; p++)
    for (guint y = 0; y < L; y++)
      into[y][p] = rasd_name_transition_allowed (p, y) ? transition[p * L + y] : forbidden;
  for (guint y = 0; y < L; y++)
    best[y] = (rasd_name_transition_allowed (L, y) ? start[y] : forbidden) + emission[y];
  for (guint i = 1; i < n; i++)
    {
      const gint32 *e = emission + (gsize) i * L;
      const gint32 *prev = best + (gsize) (i - 1) * L;
      gint32 *cur = best + (gsize) i * L;
      gint32 next[L];

      /* unrolled: L is small and fixed, and the inner max then stays in registers */
#pragma GCC unroll 9
      for (guint y = 0; y < L; y++)
        next[y] = viterbi_into (prev, into[y], y, NULL) + e[y];
      /* keep the scores near zero: long sentences never overflow */
      for (guint y = 0; y < L; y++)
        cur[y] = next[y] - next[0];
    }
  for (guint y = 1; y < L; y++)
    if (best[(gsize) (n - 1) * L + y] > best[(gsize) (n - 1) * L + last])
      last = y;
  labels[n - 1] = (guint8) last;
  for (guint i = n - 1; i > 0; i--)
    {
      guint arg;

      viterbi_into (best + (gsize) (i - 1) * L, into[labels[i]], labels[i], &arg);
      labels[i - 1] = (guint8) arg;
    }
}

void
rasd_name_spans_from_labels (const guint8 *labels,
                             guint         n,
                             GArray       *spans)
{
  for (guint i = 0; i < n; i++)
    {
      RasdNameSpan span = { i, 1, 0, 0.f };

      if (labels[i] == RASD_NAME_LABEL_O || rasd_name_label_is_inside (labels[i]))
        continue;
      span.kind = rasd_name_label_kind (labels[i]);
      while (i + span.n_words < n && labels[i + span.n_words] == labels[i] + 1)
        span.n_words++;
      g_array_append_val (spans, span);
      i += span.n_words - 1;
    }
}

/* Word scores ------------------------------------------------------------------------------- */

static void
add_attrs (RasdNameTagger *self,
           GString        *buffer,
           GArray         *attrs,
           Scores         *scores)
{
  for (guint a = 0; a < attrs->len; a++)
    {
      const RasdNameAttr *attr = &g_array_index (attrs, RasdNameAttr, a);
      const Scores *weights = g_hash_table_lookup (self->attrs, buffer->str + attr->at);

      if (weights == NULL)
        continue;
      for (guint k = 0; k < RASD_NAME_N_OFFSETS; k++)
        for (guint y = 0; y < L; y++)
          scores->w[k][y] += weights->w[k][y];
    }
}

/* The scores of the words the model was not trained on, per thread: a tagger is shared by the
 * import threads and never written after loading. */
#define CACHE_MAX_WORDS 50000

typedef struct
{
  guint         tagger;
  GHashTable   *words;     /* key (owned) → Scores* (owned) */
  GHashTable   *doc_keys;  /* doc keys the tagger has not interned → interned in @strings */
  GStringChunk *strings;
} ThreadCache;

/* The one pointer for @doc_key: the tagger's, else one of @cache (or of the tagger while it
 * loads, when @cache is NULL). */
static const char *
intern_doc_key (RasdNameTagger *self,
                ThreadCache    *cache,
                const char     *doc_key)
{
  const char *interned = g_hash_table_lookup (self->doc_keys, doc_key);
  GHashTable *table = cache != NULL ? cache->doc_keys : self->doc_keys;

  if (interned != NULL || (interned = g_hash_table_lookup (table, doc_key)) != NULL)
    return interned;
  interned = g_string_chunk_insert (cache != NULL ? cache->strings : self->strings, doc_key);
  g_hash_table_insert (table, (gpointer) interned, (gpointer) interned);
  return interned;
}

static Scores *
scores_new (RasdNameTagger *self,
            ThreadCache    *cache,
            const char     *key)
{
  g_autoptr(GString) buffer = g_string_sized_new (256);
  g_autoptr(GArray) attrs = g_array_sized_new (FALSE, FALSE, sizeof (RasdNameAttr), 32);
  g_autofree char *doc_key = rasd_name_features_doc_key (key);
  Scores *scores = g_new0 (Scores, 1);

  scores->doc_key = intern_doc_key (self, cache, doc_key);
  rasd_name_features_word (self->features, key, buffer, attrs);
  /* the thread caches hold the words the model has no weights for */
  if (cache != NULL)
    {
      RasdNameAttr rare = { (guint32) buffer->len, RASD_NAME_OFFSETS_ALL };

      g_string_append (buffer, RASD_NAME_ATTR_RARE);
      g_string_append_c (buffer, '\0');
      g_array_append_val (attrs, rare);
    }
  add_attrs (self, buffer, attrs, scores);
  return scores;
}

static void
thread_cache_free (gpointer data)
{
  ThreadCache *cache = data;

  g_hash_table_unref (cache->words);
  g_hash_table_unref (cache->doc_keys);
  g_string_chunk_free (cache->strings);
  g_free (cache);
}

static GPrivate thread_cache = G_PRIVATE_INIT (thread_cache_free);

static ThreadCache *
get_thread_cache (RasdNameTagger *self)
{
  ThreadCache *cache = g_private_get (&thread_cache);

  if (cache == NULL)
    {
      cache = g_new0 (ThreadCache, 1);
      cache->words = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, g_free);
      cache->doc_keys = g_hash_table_new (rasd_str_hash, g_str_equal);
      cache->strings = g_string_chunk_new (16 * 1024);
      g_private_set (&thread_cache, cache);
    }
  if (cache->tagger != self->id || g_hash_table_size (cache->words) >= CACHE_MAX_WORDS)
    {
      g_hash_table_remove_all (cache->words);
      g_hash_table_remove_all (cache->doc_keys);
      g_string_chunk_clear (cache->strings);
      cache->tagger = self->id;
    }
  return cache;
}

static const Scores *
word_scores (RasdNameTagger *self,
             ThreadCache    *cache,
             const char     *key)
{
  const Scores *known = word_table_lookup (&self->table, key);
  Scores *scores;

  if (known != NULL)
    return known;
  if ((scores = g_hash_table_lookup (cache->words, key)) != NULL)
    return scores;
  scores = scores_new (self, cache, key);
  g_hash_table_insert (cache->words, g_strdup (key), scores);
  return scores;
}

/* Adds word @j's @weights (by offset) to the emission rows of the words they reach. */
static inline void
add_reach (gint32       *emission,
           guint         n,
           guint         j,
           const Scores *weights)
{
  for (guint k = 0; k < RASD_NAME_N_OFFSETS; k++)
    {
      /* word j is at offset k - 2 from word i */
      gint64 i = (gint64) j + 2 - k;
      gint32 *e;

      if (i < 0 || i >= n)
        continue;
      e = emission + (gsize) i * L;
#pragma GCC unroll 9
      for (guint y = 0; y < L; y++)
        e[y] += weights->w[k][y];
    }
}

/* The first pass's emission scores of one sentence of @n words (n × L). */
static void
emissions (RasdNameTagger  *self,
           const Scores   **words,
           guint            n,
           gint32          *emission)
{
  for (guint i = 0; i < n; i++)
    {
      gint32 sum[L] = { 0 };

      for (guint k = 0; k < RASD_NAME_N_OFFSETS; k++)
        {
          /* the word at offset k - 2 from word i, or the padding */
          gint64 j = (gint64) i + k - 2;
          const gint32 *w = (j < 0 ? &self->before : j >= n ? &self->after : words[j])->w[k];

#pragma GCC unroll 9
          for (guint y = 0; y < L; y++)
            sum[y] += w[y];
        }
      memcpy (emission + (gsize) i * L, sum, sizeof sum);
    }
  for (guint i = 1; i < n && self->pairs.entries != NULL; i++)
    {
      const Scores *pair;

      if (!(words[i - 1]->in_pairs & PAIR_LEFT) || !(words[i]->in_pairs & PAIR_RIGHT) ||
          (pair = pair_table_lookup (&self->pairs, words[i - 1], words[i])) == NULL)
        continue;
      for (guint y = 0; y < L; y++)
        {
          emission[(gsize) i * L + y] += pair->w[2][y];
          emission[(gsize) (i - 1) * L + y] += pair->w[3][y];
        }
    }
}

/* exp (-@d / @temperature), from the table when it is the model's temperature. */
static inline float
exp_down (RasdNameTagger *self,
          gint32          d,
          double          temperature)
{
  if (temperature != self->temperature)
    return (float) exp (-d / temperature);
  return (guint32) d < self->n_exp ? self->exp_table[d] : 0.f;
}

static inline float
lanes_sum (const Floats *x)
{
  float lanes[LANES], sum = 0;

  memcpy (lanes, x, sizeof lanes);
  for (guint y = 0; y < L; y++)
    sum += lanes[y];
  return sum;
}

/* Confidence: forward–backward over exp (score / temperature), scaled at each word; the
 * probability of each span of @spans is the mass of the label sequences that have exactly it.
 * Rows of LANES floats, the lanes after the labels 0. */
static void
confidence (RasdNameTagger *self,
            const gint32   *emission,
            guint           n,
            double          temperature,
            GArray         *spans,
            guint           first_span)
{
  g_autofree Floats *e = NULL, *alpha = NULL, *beta = NULL;
  g_autofree float *scale = NULL;
  float t[L][LANES] = { { 0 } }, tt[L][LANES] = { { 0 } }, s[LANES] = { 0 };
  Floats trans[L], back_trans[L], first;
  gint32 tmax = G_MININT32, smax = G_MININT32;

  if (n == 0 || spans->len == first_span)
    return;
  e = g_new0 (Floats, n);
  alpha = g_new (Floats, n);
  beta = g_new (Floats, n);
  scale = g_new (float, n);

  for (guint p = 0; p < L; p++)
    for (guint y = 0; y < L; y++)
      tmax = MAX (tmax, self->transition[p][y]);
  for (guint y = 0; y < L; y++)
    smax = MAX (smax, self->start[y]);
  for (guint p = 0; p < L; p++)
    for (guint y = 0; y < L; y++)
      {
        t[p][y] = rasd_name_transition_allowed (p, y) ?
                  exp_down (self, tmax - self->transition[p][y], temperature) : 0.f;
        tt[y][p] = t[p][y];
      }
  for (guint y = 0; y < L; y++)
    s[y] = rasd_name_transition_allowed (L, y) ? exp_down (self, smax - self->start[y], temperature) : 0.f;
  memcpy (trans, t, sizeof trans);
  memcpy (back_trans, tt, sizeof back_trans);
  memcpy (&first, s, sizeof first);
  for (guint i = 0; i < n; i++)
    {
      const gint32 *row = emission + (gsize) i * L;
      float *ei = (float *) &e[i];
      gint32 max = row[0];

      for (guint y = 1; y < L; y++)
        max = MAX (max, row[y]);
      for (guint y = 0; y < L; y++)
        ei[y] = exp_down (self, max - row[y], temperature);
    }

  for (guint i = 0; i < n; i++)
    {
      Floats in;
      float r;

      if (i == 0)
        in = first;
      else
        {
          float before[LANES];

          memcpy (before, &alpha[i - 1], sizeof before);
          memset (&in, 0, sizeof in);
          for (guint p = 0; p < L; p++)
            {
              FloatV from = { before[p], before[p], before[p], before[p] };

              for (guint k = 0; k < NV; k++)
                in.v[k] += from * trans[p].v[k];
            }
        }
      for (guint k = 0; k < NV; k++)
        alpha[i].v[k] = in.v[k] * e[i].v[k];
      scale[i] = lanes_sum (&alpha[i]);
      if (!(scale[i] > 0))
        scale[i] = 1;
      r = 1 / scale[i];
      for (guint k = 0; k < NV; k++)
        alpha[i].v[k] *= (FloatV) { r, r, r, r };
    }
  for (guint k = 0; k < NV; k++)
    beta[n - 1].v[k] = (FloatV) { 1, 1, 1, 1 };
  for (guint i = n - 1; i > 0; i--)
    {
      float v[LANES], r = 1 / scale[i];
      Floats out, product;

      for (guint k = 0; k < NV; k++)
        product.v[k] = e[i].v[k] * beta[i].v[k];
      memcpy (v, &product, sizeof v);
      memset (&out, 0, sizeof out);
      for (guint q = 0; q < L; q++)
        {
          FloatV to = { v[q], v[q], v[q], v[q] };

          for (guint k = 0; k < NV; k++)
            out.v[k] += to * back_trans[q].v[k];
        }
      for (guint k = 0; k < NV; k++)
        beta[i - 1].v[k] = out.v[k] * (FloatV) { r, r, r, r };
    }

  for (guint k = first_span; k < spans->len; k++)
    {
      RasdNameSpan *span = &g_array_index (spans, RasdNameSpan, k);
      guint b = 1 + 2 * span->kind;
      guint inside = b + 1;
      guint last = b;
      guint end = span->first + span->n_words;
      float p = ((const float *) &alpha[span->first])[b];

      for (guint i = span->first + 1; i < end; i++)
        {
          p *= t[last][inside] * ((const float *) &e[i])[inside] / scale[i];
          last = inside;
        }
      if (end < n)
        {
          const float *ee = (const float *) &e[end], *bb = (const float *) &beta[end];
          float out = 0;

          for (guint q = 0; q < L; q++)
            if (q != inside)
              out += t[last][q] * ee[q] * bb[q];
          p *= out / scale[end];
        }
      span->confidence = CLAMP (p, 0.f, 1.f);
    }
}

/* Tagging ----------------------------------------------------------------------------------- */

const char *
rasd_name_doc_attr (guint    kind,
                    gboolean several)
{
  static const char * const attrs[RASD_NAME_N_KINDS][2] = {
    { "d=PERS", "d=PERS+" }, { "d=LOC", "d=LOC+" }, { "d=ORG", "d=ORG+" }, { "d=MISC", "d=MISC+" },
  };

  g_return_val_if_fail (kind < RASD_NAME_N_KINDS, NULL);
  return attrs[kind][several ? 1 : 0];
}

static void
count_sentence (GHashTable         *table,
                const char * const *doc_keys,
                const guint8       *labels,
                guint               from,
                guint               to,
                int                 delta)
{
  for (guint i = from; i < to; i++)
    {
      gint16 *counts;

      if (labels[i] == RASD_NAME_LABEL_O)
        continue;
      if ((counts = g_hash_table_lookup (table, doc_keys[i])) == NULL)
        {
          counts = g_new0 (gint16, RASD_NAME_N_KINDS);
          g_hash_table_insert (table, (gpointer) doc_keys[i], counts);
        }
      counts[rasd_name_label_kind (labels[i])] += delta;
    }
}

void
rasd_name_doc_counts (const char * const *doc_keys,
                      const guint8       *labels,
                      const guint        *starts,
                      guint               n_sentences,
                      guint8             *counts)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint in = 0;   /* sentences [out, in) are counted */
  guint out = 0;

  memset (counts, 0, (gsize) starts[n_sentences] * RASD_NAME_N_KINDS);
  for (guint s = 0; s < n_sentences; s++)
    {
      for (; in < n_sentences && in <= s + RASD_NAME_DOC_WINDOW; in++)
        count_sentence (table, doc_keys, labels, starts[in], starts[in + 1], 1);
      for (; out + RASD_NAME_DOC_WINDOW < s; out++)
        count_sentence (table, doc_keys, labels, starts[out], starts[out + 1], -1);
      if (g_hash_table_size (table) == 0)
        continue;
      for (guint i = starts[s]; i < starts[s + 1]; i++)
        {
          const gint16 *c = g_hash_table_lookup (table, doc_keys[i]);

          if (c == NULL)
            continue;
          for (guint k = 0; k < RASD_NAME_N_KINDS; k++)
            {
              int others = c[k] - (labels[i] != RASD_NAME_LABEL_O && rasd_name_label_kind (labels[i]) == k);

              counts[(gsize) i * RASD_NAME_N_KINDS + k] = (guint8) CLAMP (others, 0, 2);
            }
        }
    }
}

void
rasd_name_tagger_tag_document (RasdNameTagger     *self,
                               const char * const *keys,
                               const guint        *starts,
                               guint               n_sentences,
                               double              temperature,
                               guint8             *labels,
                               GArray             *spans)
{
  guint n = starts[n_sentences];
  ThreadCache *cache = get_thread_cache (self);
  g_autofree const Scores **words = g_new (const Scores *, MAX (n, 1));
  g_autofree const char **doc_keys = g_new (const char *, MAX (n, 1));
  g_autofree gint32 *emission = g_new (gint32, (gsize) MAX (n, 1) * L);
  g_autofree guint8 *counts = g_new (guint8, (gsize) MAX (n, 1) * RASD_NAME_N_KINDS);
  gboolean any = FALSE;

  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      words[i] = word_scores (self, cache, keys[i]);
      doc_keys[i] = words[i]->doc_key;
    }
  /* first pass */
  for (guint s = 0; s < n_sentences; s++)
    {
      guint a = starts[s], m = starts[s + 1] - a;

      if (m == 0)
        continue;
      emissions (self, words + a, m, emission + (gsize) a * L);
      rasd_name_viterbi (emission + (gsize) a * L, m, self->start, &self->transition[0][0],
                         labels + a);
      for (guint i = a; i < a + m && !any; i++)
        any = labels[i] != RASD_NAME_LABEL_O;
    }
  /* second pass, with what the first found elsewhere in the document */
  if (any)
    {
      rasd_name_doc_counts (doc_keys, labels, starts, n_sentences, counts);
      for (guint s = 0; s < n_sentences; s++)
        {
          guint a = starts[s], m = starts[s + 1] - a;
          gboolean changed = FALSE;

          for (guint i = a; i < a + m; i++)
            for (guint k = 0; k < RASD_NAME_N_KINDS; k++)
              {
                guint8 c = counts[(gsize) i * RASD_NAME_N_KINDS + k];

                if (c == 0)
                  continue;
                add_reach (emission + (gsize) a * L, m, i - a, self->doc[k][0]);
                if (c > 1)
                  add_reach (emission + (gsize) a * L, m, i - a, self->doc[k][1]);
                changed = TRUE;
              }
          if (changed)
            rasd_name_viterbi (emission + (gsize) a * L, m, self->start, &self->transition[0][0],
                               labels + a);
        }
    }
  if (spans == NULL)
    return;
  for (guint s = 0; s < n_sentences; s++)
    {
      guint a = starts[s], m = starts[s + 1] - a;
      guint first = spans->len;

      rasd_name_spans_from_labels (labels + a, m, spans);
      confidence (self, emission + (gsize) a * L, m, temperature > 0 ? temperature : self->temperature,
                  spans, first);
      for (guint k = first; k < spans->len; k++)
        g_array_index (spans, RasdNameSpan, k).first += a;
    }
}

GArray *
rasd_name_tagger_tag_sentences (RasdNameTagger     *self,
                                const char * const *words,
                                const guint        *starts,
                                guint               n_sentences,
                                guint8             *labels)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (RasdNameSpan));
  guint n_words;
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree guint8 *own_labels = NULL;

  g_return_val_if_fail (RASD_IS_NAME_TAGGER (self), spans);
  g_return_val_if_fail (starts != NULL, spans);

  n_words = starts[n_sentences];
  g_return_val_if_fail (words != NULL || n_words == 0, spans);
  keys = g_ptr_array_new_full (n_words, g_free);
  if (labels == NULL)
    labels = own_labels = g_new (guint8, MAX (n_words, 1));
  for (guint i = 0; i < n_words; i++)
    g_ptr_array_add (keys, rasd_name_features_key (words[i], -1));
  rasd_name_tagger_tag_document (self, (const char * const *) keys->pdata, starts, n_sentences, 0,
                                 labels, spans);
  return spans;
}

GArray *
rasd_name_tagger_tag_words (RasdNameTagger      *self,
                            const char * const  *words,
                            guint                n_words,
                            guint8              *labels)
{
  guint starts[2] = { 0, n_words };

  return rasd_name_tagger_tag_sentences (self, words, starts, 1, labels);
}

/* The punctuation between @from and @to, one key per character, as CoNLL text has it: their
 * offsets in @buffer to @keys, -1 to @words. */
/* The keys of @tokens' words and of the punctuation between them, as CoNLL text has it, by
 * sentence: @offsets (in @buffer, then @pointers), @words (key → token or -1), @starts.  Two
 * plain arrays grown together: a key is added for every word of every tagged article. */
typedef struct
{
  GString *buffer;
  gsize   *offsets;
  int     *words;
  guint    n_keys;
  guint    size;
  GArray  *starts;
  const char **pointers;
} TokenKeys;

static inline void
token_keys_add (TokenKeys *tk,
                int        word)
{
  if (tk->n_keys == tk->size)
    {
      tk->size = 2 * tk->size + 16;
      tk->offsets = g_renew (gsize, tk->offsets, tk->size);
      tk->words = g_renew (int, tk->words, tk->size);
    }
  tk->offsets[tk->n_keys] = tk->buffer->len;
  tk->words[tk->n_keys++] = word;
}

static void
add_gap (TokenKeys  *tk,
         const char *from,
         const char *to)
{
  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (c == ' ' || c == '\n' || g_unichar_isspace (c) ||
          rasd_arabic_classify (c) != RASD_ARABIC_CLASS_OTHER || c == 0x200B)
        continue;
      token_keys_add (tk, -1);
      g_string_append_len (tk->buffer, p, g_utf8_next_char (p) - p);
      g_string_append_c (tk->buffer, '\0');
    }
}

static void
token_keys_init (TokenKeys  *tk,
                 const char *text,
                 RasdTokens *tokens)
{
  guint n_tokens = rasd_tokens_get_n_tokens (tokens);
  guint n_sentences = rasd_tokens_get_n_sentences (tokens);

  tk->buffer = g_string_sized_new (strlen (text) + n_tokens * 2 + 16);
  tk->n_keys = 0;
  tk->size = n_tokens + n_tokens / 4 + 8;
  tk->offsets = g_new (gsize, tk->size);
  tk->words = g_new (int, tk->size);
  tk->starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_sentences + 1);
  for (guint s = 0; s < n_sentences; s++)
    {
      const RasdSentence *sentence = rasd_tokens_get_sentence (tokens, s);
      const char *at = text + sentence->byte_start;

      g_array_append_val (tk->starts, tk->n_keys);
      for (guint t = 0; t < sentence->n_tokens; t++)
        {
          guint index = sentence->first_token + t;
          const RasdToken *token = rasd_tokens_get_token (tokens, index);

          add_gap (tk, at, text + token->byte_start);
          token_keys_add (tk, (int) index);
          rasd_name_features_append_key (tk->buffer, text + token->byte_start,
                                         token->byte_end - token->byte_start);
          g_string_append_c (tk->buffer, '\0');
          at = text + token->byte_end;
        }
      add_gap (tk, at, text + MAX (sentence->byte_end, (gsize) (at - text)));
    }
  g_array_append_val (tk->starts, tk->n_keys);
  tk->pointers = g_new (const char *, MAX (tk->n_keys, 1));
  for (guint k = 0; k < tk->n_keys; k++)
    tk->pointers[k] = tk->buffer->str + tk->offsets[k];
}

static void
token_keys_clear (TokenKeys *tk)
{
  g_string_free (tk->buffer, TRUE);
  g_free (tk->offsets);
  g_free (tk->words);
  g_array_unref (tk->starts);
  g_free (tk->pointers);
}

GArray *
rasd_name_tagger_tag_tokens (RasdNameTagger *self,
                             const char     *text,
                             RasdTokens     *tokens)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (RasdNameSpan));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (RasdNameSpan));
  g_autofree guint8 *labels = NULL;
  TokenKeys tk;

  g_return_val_if_fail (RASD_IS_NAME_TAGGER (self), spans);
  g_return_val_if_fail (text != NULL && tokens != NULL, spans);

  token_keys_init (&tk, text, tokens);
  labels = g_new (guint8, MAX (tk.n_keys, 1));
  rasd_name_tagger_tag_document (self, tk.pointers, (const guint *) tk.starts->data,
                                 rasd_tokens_get_n_sentences (tokens), 0, labels, found);
  for (guint k = 0; k < found->len; k++)
    {
      RasdNameSpan span = g_array_index (found, RasdNameSpan, k);
      guint a = span.first, b = span.first + span.n_words;

      /* a name begins and ends on words, not on the punctuation seen with them */
      while (a < b && tk.words[a] < 0)
        a++;
      while (b > a && tk.words[b - 1] < 0)
        b--;
      if (a == b)
        continue;
      span.first = (guint) tk.words[a];
      span.n_words = (guint) tk.words[b - 1] - span.first + 1;
      g_array_append_val (spans, span);
    }
  token_keys_clear (&tk);
  return spans;
}

void
rasd_name_tagger_label_tokens (RasdNameTagger *self,
                               const char     *text,
                               RasdTokens     *tokens,
                               guint8         *labels)
{
  g_autofree guint8 *key_labels = NULL;
  TokenKeys tk;

  g_return_if_fail (RASD_IS_NAME_TAGGER (self));
  g_return_if_fail (text != NULL && tokens != NULL && labels != NULL);

  token_keys_init (&tk, text, tokens);
  key_labels = g_new (guint8, MAX (tk.n_keys, 1));
  rasd_name_tagger_tag_document (self, tk.pointers, (const guint *) tk.starts->data,
                                 rasd_tokens_get_n_sentences (tokens), 0, key_labels, NULL);
  for (guint k = 0; k < tk.n_keys; k++)
    {
      int token = tk.words[k];

      if (token >= 0)
        labels[token] = key_labels[k];
    }
  token_keys_clear (&tk);
}

gboolean
rasd_name_tagger_is_first_cue (RasdNameTagger *self,
                               const char     *norm)
{
  g_return_val_if_fail (RASD_IS_NAME_TAGGER (self), FALSE);

  return rasd_name_features_is_first_cue (self->features, norm);
}

gboolean
rasd_name_tagger_knows_word (RasdNameTagger *self,
                             const char     *written,
                             gssize          length)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (RASD_IS_NAME_TAGGER (self), FALSE);
  g_return_val_if_fail (written != NULL, FALSE);

  key = rasd_name_features_key (written, length);
  return rasd_name_features_knows_word (self->features, key);
}

/* Loading ----------------------------------------------------------------------------------- */

static gboolean
parse_ints (const char  *text,
            gint32      *out,
            guint        n,
            const char  *name,
            guint        line,
            GError     **error)
{
  const char *p = text;

  for (guint i = 0; i < n; i++)
    {
      char *end;
      gint64 v;

      while (*p == ' ')
        p++;
      errno = 0;
      v = g_ascii_strtoll (p, &end, 10);
      if (end == p || errno != 0 || v < G_MININT32 / 4 || v > G_MAXINT32 / 4)
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                       "%s, line %u: expected %u whole numbers, found “%s”", name, line, n, text);
          return FALSE;
        }
      out[i] = (gint32) v;
      p = end;
    }
  while (*p == ' ')
    p++;
  if (*p != '\0')
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "%s, line %u: more than %u numbers", name, line, n);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_model (RasdNameTagger  *self,
             const char      *data,
             gsize            length,
             const char      *name,
             GError         **error)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;
  guint seen = 0;  /* header lines: 1 labels, 2 temperature, 4 start, 8 + transitions */
  guint n_transitions = 0;
  guint n_features = 0;
  gboolean ended = FALSE;

  if (length == 0 || !g_utf8_validate (data, (gssize) length, NULL) || memchr (data, '\0', length))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "%s is not a name tagger model (empty, or not UTF-8 text)", name);
      return FALSE;
    }
  copy = g_strndup (data, length);
  lines = g_strsplit (copy, "\n", -1);
  if (strcmp (lines[0], RASD_NAME_MODEL_MAGIC) != 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "%s is not a name tagger model: its first line is not “%s”", name,
                   RASD_NAME_MODEL_MAGIC);
      return FALSE;
    }
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      char *tab;

      if (line[0] == '#' || line[0] == '\0')
        continue;
      if (ended)
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                       "%s, line %u: a line after the “end” line", name, i + 1);
          return FALSE;
        }
      if ((tab = strchr (line, '\t')) != NULL)
        {
          /* attribute<TAB>offset<TAB>weights */
          char *second = strchr (tab + 1, '\t');
          char *end;
          gint64 offset;
          Scores *scores;

          *tab = '\0';
          offset = second != NULL ? g_ascii_strtoll (tab + 1, &end, 10) : 99;
          if (second == NULL || end != second || offset < -2 || offset > 2 || line[0] == '\0')
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                           "%s, line %u: expected attribute, offset (-2 to 2) and %u weights",
                           name, i + 1, L);
              return FALSE;
            }
          if ((scores = g_hash_table_lookup (self->attrs, line)) == NULL)
            {
              scores = g_new0 (Scores, 1);
              g_hash_table_insert (self->attrs, g_string_chunk_insert (self->strings, line), scores);
            }
          if (!parse_ints (second + 1, scores->w[offset + 2], L, name, i + 1, error))
            return FALSE;
          n_features++;
          continue;
        }
      if (g_str_has_prefix (line, "labels "))
        {
          g_autofree char *expected = g_strjoinv (" ", (char **) label_names);

          if (strcmp (line + strlen ("labels "), expected) != 0)
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                           "%s, line %u: the labels are not “%s”", name, i + 1, expected);
              return FALSE;
            }
          seen |= 1;
        }
      else if (g_str_has_prefix (line, "temperature "))
        {
          char *end;

          self->temperature = g_ascii_strtod (line + strlen ("temperature "), &end);
          if (*end != '\0' || !(self->temperature > 0) || !isfinite (self->temperature))
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                           "%s, line %u: the temperature is not a positive number", name, i + 1);
              return FALSE;
            }
          seen |= 2;
        }
      else if (g_str_has_prefix (line, "end "))
        {
          char *end;
          guint64 count = g_ascii_strtoull (line + strlen ("end "), &end, 10);

          if (*end != '\0' || count != n_features)
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                           "%s, line %u: the model says it has %s features but %u were read",
                           name, i + 1, line + strlen ("end "), n_features);
              return FALSE;
            }
          ended = TRUE;
        }
      else if (g_str_has_prefix (line, "start "))
        {
          if (!parse_ints (line + strlen ("start "), self->start, L, name, i + 1, error))
            return FALSE;
          seen |= 4;
        }
      else if (g_str_has_prefix (line, "transition "))
        {
          const char *from = line + strlen ("transition ");
          const char *space = strchr (from, ' ');
          guint p = L;

          for (guint y = 0; y < L && space != NULL; y++)
            if (strlen (label_names[y]) == (gsize) (space - from) &&
                strncmp (label_names[y], from, space - from) == 0)
              p = y;
          if (p == L)
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                           "%s, line %u: “transition” names no label", name, i + 1);
              return FALSE;
            }
          if (!parse_ints (space + 1, self->transition[p], L, name, i + 1, error))
            return FALSE;
          n_transitions |= 1u << p;
        }
      else
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                       "%s, line %u: unknown line “%.40s”", name, i + 1, line);
          return FALSE;
        }
    }
  if (!ended)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "%s is truncated: its last line, “end”, is missing", name);
      return FALSE;
    }
  if (seen != 7 || n_transitions != (1u << L) - 1)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "%s is incomplete: it lacks its %s", name,
                   !(seen & 1) ? "labels" : !(seen & 2) ? "temperature" :
                   !(seen & 4) ? "start scores" : "transition scores");
      return FALSE;
    }
  return TRUE;
}

/* The pair table, from the RASD_NAME_ATTR_PAIR attributes whose two words are words of the
 * model (those of a pair seen in training are, unless their weights rounded to nothing). */
static void
pairs_init (RasdNameTagger *self)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (PairEntry));
  GHashTableIter iter;
  gpointer key, value;
  guint32 capacity = 16;

  g_hash_table_iter_init (&iter, self->attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *attr = key;
      g_autofree char *left = NULL;
      const char *space;
      Scores *l, *r;

      if (!g_str_has_prefix (attr, RASD_NAME_ATTR_PAIR) ||
          (space = strchr (attr + strlen (RASD_NAME_ATTR_PAIR), ' ')) == NULL)
        continue;
      left = g_strndup (attr + strlen (RASD_NAME_ATTR_PAIR), space - attr - strlen (RASD_NAME_ATTR_PAIR));
      if ((l = g_hash_table_lookup (self->types, left)) == NULL ||
          (r = g_hash_table_lookup (self->types, space + 1)) == NULL)
        continue;
      l->in_pairs |= PAIR_LEFT;
      r->in_pairs |= PAIR_RIGHT;
      g_array_append_val (found, ((PairEntry) { l, r, value }));
    }
  if (found->len == 0)
    return;
  while (capacity < 2 * found->len + 2)
    capacity *= 2;
  self->pairs.entries = g_new0 (PairEntry, capacity);
  self->pairs.mask = capacity - 1;
  for (guint k = 0; k < found->len; k++)
    {
      const PairEntry *e = &g_array_index (found, PairEntry, k);
      guint32 i = pair_hash (e->left, e->right) & self->pairs.mask;

      while (self->pairs.entries[i].left != NULL)
        i = (i + 1) & self->pairs.mask;
      self->pairs.entries[i] = *e;
    }
}

/* The scores of the padding, of the document attributes and of every word the model has
 * weights for ("w=" attributes). */
static void
precompute (RasdNameTagger *self)
{
  static const Scores zero;
  GHashTableIter iter;
  gpointer key;
  const Scores *weights;

  weights = g_hash_table_lookup (self->attrs, RASD_NAME_ATTR_BEFORE);
  self->before = weights != NULL ? *weights : zero;
  weights = g_hash_table_lookup (self->attrs, RASD_NAME_ATTR_AFTER);
  self->after = weights != NULL ? *weights : zero;
  for (guint k = 0; k < RASD_NAME_N_KINDS; k++)
    for (guint several = 0; several < 2; several++)
      {
        weights = g_hash_table_lookup (self->attrs, rasd_name_doc_attr (k, several));
        self->doc[k][several] = weights != NULL ? weights : &zero;
      }
  /* scores further apart than this weigh less than a float holds */
  self->n_exp = (guint) MIN (ceil (self->temperature * 104), 1 << 20);
  self->exp_table = g_new (float, self->n_exp);
  for (guint d = 0; d < self->n_exp; d++)
    self->exp_table[d] = (float) exp (-(double) d / self->temperature);
  g_hash_table_iter_init (&iter, self->attrs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *attr = key;

      if (g_str_has_prefix (attr, "w="))
        g_hash_table_insert (self->types, (gpointer) (attr + 2), scores_new (self, NULL, attr + 2));
    }
  word_table_init (&self->table, self->types);
  pairs_init (self);
}

RasdNameTagger *
rasd_name_tagger_new_from_data (const char     *data,
                                gsize           length,
                                const char     *name,
                                RasdPeople     *people,
                                RasdGazetteer  *gazetteer,
                                const char     *data_dir,
                                GError        **error)
{
  g_autoptr(RasdNameTagger) self = g_object_new (RASD_TYPE_NAME_TAGGER, NULL);

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* the model first: a broken one is told without loading the lexicons */
  if (!parse_model (self, data, length, name, error))
    return NULL;
  if ((self->features = rasd_name_features_new (people, gazetteer, data_dir, error)) == NULL)
    return NULL;
  precompute (self);
  return g_steal_pointer (&self);
}

RasdNameTagger *
rasd_name_tagger_new_from_file (const char     *path,
                                RasdPeople     *people,
                                RasdGazetteer  *gazetteer,
                                const char     *data_dir,
                                GError        **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "Cannot read the name tagger model %s: %s",
                   path, local_error->message);
      return NULL;
    }
  return rasd_name_tagger_new_from_data (contents, length, path, people, gazetteer, data_dir,
                                         error);
}
