#define G_LOG_DOMAIN "rasd-fts"

#include "config.h"

#include <math.h>
#include <string.h>

#include <libstemmer.h>

#include "rasd-arabic.h"
#include "rasd-error.h"
#include "rasd-fts.h"

/*
 * Index forms and query forms
 * ---------------------------
 * Arabic attaches conjunctions (و ف), prepositions (ب ك ل), the article (ال) and object or
 * possessive pronouns (ه ها هم ...) to the word, so the same name appears as بوتين، وبوتين،
 * لبوتين, and the same noun as لقاء، اللقاء، للقاء، لقاءه.  Nothing in the letters says whether
 * the first ب of بوتين is a preposition, so the two sides are treated differently:
 *
 * - A document token is indexed under its normalised form and, colocated (same position),
 *   under every plausible form without clitics: وبوتين → بوتين, وتين (ب taken for a preposition);
 *   لقاءه → لقاء.  A wrong extra form costs little: it only matters if someone searches for
 *   exactly that wrong form.
 * - A query word is looked up under ONE form: the normalised word less a leading article
 *   combination (ال وال فال بال كال لل), which is unambiguous enough.  Single-letter proclitics
 *   are never removed from a query, so بوتين searches for بوتين, never for وتين, and a document
 *   that only holds وتين does not match.  Only لل has a colocated alternative (see below).
 *
 * The Snowball stem is indexed too, computed from the same form a query would use, so that a
 * query for اجتماع finds اجتماعين; but only when Snowball removed a suffix that is not a nisba
 * ending, because its stems share the index with the query forms (a stem ملك from المملكة or
 * الملكي would make الملك find them).  Queries never search for stems: the Arabic Snowball
 * stemmer also strips letters that belong to the word (بوتين → وتين, بيروت → يرو), so a stem at
 * query time would make بوتين find وتين.  The tests check both.
 *
 * The tokenizer knows whether a word ended in ة, which normalisation turns into ه; such a ه is
 * not a pronoun and is kept.  rasd_fts_index_forms() only sees the normalised token, so it may
 * list one form more than the tokenizer indexes (وزياره → وزيار).
 */

#define MAX_FORMS 20
#define MAX_FORM_BYTES 256      /* longer tokens are indexed as they are, without forms */
#define SCRATCH_BYTES (6 * (MAX_FORM_BYTES + 8))

typedef struct
{
  const char *str[MAX_FORMS];
  int         len[MAX_FORMS];
  int         chars[MAX_FORMS];
  guint       n;
  char        scratch[SCRATCH_BYTES];
  gsize       scratch_used;
} Forms;

/* Snowball's Arabic stemmer is the slowest part of indexing; news repeats its words, so a
 * small direct-mapped cache of the last stems makes most calls a lookup. */
#define STEM_CACHE_SLOTS 4096
#define STEM_CACHE_BYTES 46

typedef struct
{
  guint32 hash;
  guint8  key_len;              /* 0 for an empty slot */
  guint8  stem_len;
  char    key[STEM_CACHE_BYTES];
  char    stem[STEM_CACHE_BYTES];
} StemCacheEntry;

typedef struct
{
  struct sb_stemmer *stemmer;
  StemCacheEntry    *cache;     /* STEM_CACHE_SLOTS entries, or NULL */
} Stemmer;

/* The letters that clitics are made of, as UTF-8 (all two bytes). */
#define ALEF "\xD8\xA7"
#define BEH  "\xD8\xA8"
#define TEH  "\xD8\xAA"
#define HAMZA "\xD8\xA1"
#define FEH  "\xD9\x81"
#define KAF  "\xD9\x83"
#define LAM  "\xD9\x84"
#define MEEM "\xD9\x85"
#define NOON "\xD9\x86"
#define HEH  "\xD9\x87"
#define WAW  "\xD9\x88"
#define YEH  "\xD9\x8A"

/* Byte loops rather than memcmp(): the strings are a few bytes long and the call dominated. */
static inline gboolean
bytes_equal (const char *a,
             const char *b,
             int         len)
{
  for (int i = 0; i < len; i++)
    if (a[i] != b[i])
      return FALSE;
  return TRUE;
}

static inline gboolean
has_prefix (const char *s,
            int         len,
            const char *prefix,
            int         prefix_len)
{
  return len >= prefix_len && bytes_equal (s, prefix, prefix_len);
}

static inline gboolean
has_suffix (const char *s,
            int         len,
            const char *suffix,
            int         suffix_len)
{
  return len >= suffix_len && bytes_equal (s + len - suffix_len, suffix, suffix_len);
}

#define HAS_PREFIX(s, len, lit) has_prefix ((s), (len), lit, sizeof (lit) - 1)
#define HAS_SUFFIX(s, len, lit) has_suffix ((s), (len), lit, sizeof (lit) - 1)

static inline int
count_chars (const char *s,
             int         len)
{
  int n = 0;

  for (int i = 0; i < len; i++)
    n += ((guchar) s[i] & 0xC0) != 0x80;
  return n;
}

/* الله less its article is له, a different and very common word: the article of الله is never
 * removed, on either side, so الله and له stay apart. */
static inline gboolean
is_lah (const char *s,
        int         len)
{
  return len == 4 && bytes_equal (s, LAM HEH, 4);
}

static void
forms_add (Forms      *forms,
           const char *s,
           int         len,
           int         chars)
{
  if (len <= 0 || forms->n >= MAX_FORMS)
    return;
  for (guint i = 0; i < forms->n; i++)
    if (forms->len[i] == len && bytes_equal (forms->str[i], s, len))
      return;
  forms->str[forms->n] = s;
  forms->len[forms->n] = len;
  forms->chars[forms->n] = chars;
  forms->n++;
}

/* Adds S with its last letter (two bytes) replaced by LETTER (two bytes). */
static void
forms_add_replaced_last (Forms      *forms,
                         const char *s,
                         int         len,
                         int         chars,
                         const char *letter)
{
  char *copy;

  if (len < 2 || forms->scratch_used + len > SCRATCH_BYTES)
    return;
  copy = forms->scratch + forms->scratch_used;
  memcpy (copy, s, len - 2);
  memcpy (copy + len - 2, letter, 2);
  forms->scratch_used += len;
  forms_add (forms, copy, len, chars);
}

/* Enclitic pronouns, longest first.  Not ي nor ك: since ى is folded to ي, a final ي is far more
 * often part of the word (مستشفى، موسى، على) or the nisba suffix (رئيسي، روسي، سوري) than
 * "my", and taking it off would make الرئيس find رئيسي "main"; second-person ك is rare in
 * news and often radical (ملك، شريك، بنك). */
static const struct { const char *s; int len; gboolean third_person; } enclitics[] = {
  { HEH MEEM ALEF, 6, TRUE },   /* هما */
  { KAF MEEM ALEF, 6, FALSE },  /* كما */
  { HEH MEEM, 4, TRUE },        /* هم */
  { HEH NOON, 4, TRUE },        /* هن */
  { HEH ALEF, 4, TRUE },        /* ها */
  { KAF MEEM, 4, FALSE },       /* كم */
  { KAF NOON, 4, FALSE },       /* كن */
  { NOON ALEF, 4, FALSE },      /* نا */
  { HEH, 2, TRUE },             /* ه */
};

/* Adds S without its enclitic pronoun when at least three letters remain, and the forms that
 * the pronoun had changed: زيارته → زيارت and زياره (ة becomes ت before a pronoun), لقائه →
 * لقاي and لقاء (the hamza's seat changes).  A form with the article only loses third-person
 * pronouns: articles do not take pronouns, but words such as التزام (التزامه) begin with ال. */
static void
forms_add_without_enclitic (Forms      *forms,
                            const char *s,
                            int         len,
                            int         chars,
                            gboolean    ends_with_ta_marbuta)
{
  gboolean article = HAS_PREFIX (s, len, ALEF LAM);

  /* الله ends in ه but not in a pronoun. */
  if (HAS_SUFFIX (s, len, ALEF LAM LAM HEH))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (enclitics); i++)
    {
      int rest;
      int rest_chars;

      if (!has_suffix (s, len, enclitics[i].s, enclitics[i].len))
        continue;
      /* A final ة was normalised to ه: it is not a pronoun. */
      if (ends_with_ta_marbuta && enclitics[i].len == 2)
        break;
      if (article && !enclitics[i].third_person)
        break;
      if (chars - enclitics[i].len / 2 < 3)
        break;

      rest = len - enclitics[i].len;
      rest_chars = chars - enclitics[i].len / 2;
      forms_add (forms, s, rest, rest_chars);
      if (HAS_SUFFIX (s, rest, TEH))
        forms_add_replaced_last (forms, s, rest, rest_chars, HEH);
      else if (HAS_SUFFIX (s, rest, ALEF YEH) || HAS_SUFFIX (s, rest, ALEF WAW))
        forms_add_replaced_last (forms, s, rest, rest_chars, HAMZA);
      break;
    }
}

/* The form a query looks up for the normalised word S (see the comment at the top), and for
 * words that begin with لل an alternative: لل is ل + ال before most nouns (للرئيس → رئيس) but
 * ل alone before nouns that begin with ل, whose article then merges (للقاء → لقاء). */
static void
query_form (const char  *s,
            int          len,
            int          chars,
            const char **primary,
            int         *primary_len,
            const char **alternative,
            int         *alternative_len)
{
  static const struct { const char *s; int len; } combinations[] = {
    { WAW ALEF LAM, 6 }, { FEH ALEF LAM, 6 }, { BEH ALEF LAM, 6 }, { KAF ALEF LAM, 6 },
    { WAW LAM LAM, 6 }, { FEH LAM LAM, 6 },
    { ALEF LAM, 4 }, { LAM LAM, 4 },
  };

  *primary = s;
  *primary_len = len;
  *alternative = NULL;
  *alternative_len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (combinations); i++)
    {
      const char *rest = s + combinations[i].len;
      int rest_len = len - combinations[i].len;

      if (!has_prefix (s, len, combinations[i].s, combinations[i].len))
        continue;
      if (chars - combinations[i].len / 2 < 2 || is_lah (rest, rest_len))
        continue;

      *primary = rest;
      *primary_len = rest_len;
      if (bytes_equal (rest - 4, LAM LAM, 4) && chars - combinations[i].len / 2 + 1 >= 3)
        {
          *alternative = rest - 2;
          *alternative_len = rest_len + 2;
        }
      return;
    }
}

static gboolean
has_arabic (const char *s,
            int         len)
{
  for (int i = 0; i < len; i++)
    {
      guchar b = (guchar) s[i];

      if (b >= 0xD8 && b <= 0xDB)
        return TRUE;
    }
  return FALSE;
}

static const char *
stemmer_stem (Stemmer    *self,
              const char *s,
              int         len,
              int        *stem_len)
{
  const sb_symbol *stem;
  StemCacheEntry *entry = NULL;
  guint32 hash = 2166136261u;
  int n;

  if (self->cache != NULL && len <= STEM_CACHE_BYTES)
    {
      for (int i = 0; i < len; i++)
        hash = (hash ^ (guchar) s[i]) * 16777619u;
      entry = &self->cache[hash & (STEM_CACHE_SLOTS - 1)];
      if (entry->key_len == len && entry->hash == hash && bytes_equal (entry->key, s, len))
        {
          *stem_len = entry->stem_len;
          return entry->stem;
        }
    }

  stem = sb_stemmer_stem (self->stemmer, (const sb_symbol *) s, len);
  if (stem == NULL)
    return NULL;
  n = sb_stemmer_length (self->stemmer);
  if (entry != NULL && n <= STEM_CACHE_BYTES)
    {
      entry->hash = hash;
      entry->key_len = len;
      entry->stem_len = n;
      memcpy (entry->key, s, len);
      memcpy (entry->stem, stem, n);
    }
  *stem_len = n;
  return (const char *) stem;
}

static gboolean
is_nisba_ending (const char *s,
                 int         len)
{
  static const struct { const char *s; int len; } endings[] = {
    { YEH, 2 }, { YEH HEH, 4 }, { YEH YEH NOON, 6 }, { YEH WAW NOON, 6 }, { YEH ALEF TEH, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    if (len == endings[i].len && bytes_equal (s, endings[i].s, len))
      return TRUE;
  return FALSE;
}

/* The index forms of the normalised token S, in order: S itself, then S without proclitics
 * (و ف, then ب ك ل or لل, then ال), without enclitic pronouns, the singular of a plural in
 * ات, and the stem.  The forms
 * point into S, into FORMS' scratch space, or into the stemmer's buffer or cache, which the
 * next call to the stemmer may overwrite. */
static void
compute_index_forms (Forms             *forms,
                     Stemmer           *stemmer,
                     const char        *s,
                     int                len,
                     gboolean           ends_with_ta_marbuta)
{
  guint n_before;
  int chars;

  forms->n = 0;
  forms->scratch_used = 0;

  /* Latin words and numbers have no clitics and nothing for an Arabic stemmer to do. */
  if (len > MAX_FORM_BYTES || !has_arabic (s, len))
    {
      forms_add (forms, s, len, 0);
      return;
    }
  chars = count_chars (s, len);
  forms_add (forms, s, len, chars);
  if (chars < 3)
    return;

  /* Conjunctions: وبوتين → بوتين. */
  if ((HAS_PREFIX (s, len, WAW) || HAS_PREFIX (s, len, FEH)) && chars - 1 >= 3)
    forms_add (forms, s + 2, len - 2, chars - 1);

  /* Prepositions, on the word and on the word less its conjunction. */
  n_before = forms->n;
  for (guint i = 0; i < n_before; i++)
    {
      const char *f = forms->str[i];
      int flen = forms->len[i];
      int fchars = forms->chars[i];

      if (HAS_PREFIX (f, flen, LAM LAM))
        {
          if (fchars - 1 >= 3)
            forms_add (forms, f + 2, flen - 2, fchars - 1);    /* للقاء → لقاء */
          if (fchars - 2 >= 2 && !is_lah (f + 4, flen - 4))
            forms_add (forms, f + 4, flen - 4, fchars - 2);    /* للرئيس → رئيس */
        }
      else if ((HAS_PREFIX (f, flen, BEH) || HAS_PREFIX (f, flen, KAF)
                || HAS_PREFIX (f, flen, LAM))
               && fchars - 1 >= 3)
        forms_add (forms, f + 2, flen - 2, fchars - 1);
    }

  /* Enclitic pronouns, on every form so far. */
  n_before = forms->n;
  for (guint i = 0; i < n_before; i++)
    forms_add_without_enclitic (forms, forms->str[i], forms->len[i],
                                forms->chars[i],
                                ends_with_ta_marbuta);

  /* The article, on every form so far: والرئيس → الرئيس → رئيس. */
  n_before = forms->n;
  for (guint i = 0; i < n_before; i++)
    {
      const char *f = forms->str[i];
      int flen = forms->len[i];

      if (HAS_PREFIX (f, flen, ALEF LAM)
          && forms->chars[i] - 2 >= 2
          && !is_lah (f + 4, flen - 4))
        forms_add (forms, f + 4, flen - 4, forms->chars[i] - 2);
    }

  {
    const char *q;
    const char *alt;
    const char *stem;
    int qlen;
    int alt_len;
    int stem_len;

    query_form (s, len, chars, &q, &qlen, &alt, &alt_len);

    /* Sound feminine plurals, which Snowball leaves as اجتماعا: اجتماعات → اجتماع, and
     * زيارات → زياره for singulars in ة. */
    if (HAS_SUFFIX (q, qlen, ALEF TEH))
      {
        int qchars = count_chars (q, qlen);

        if (qchars - 2 >= 3)
          {
            forms_add (forms, q, qlen - 4, qchars - 2);
            forms_add_replaced_last (forms, q, qlen - 2, qchars - 1, HEH);
          }
      }

    stem = stemmer_stem (stemmer, q, qlen, &stem_len);
    /* Only a stem that Snowball made by removing suffixes (اجتماعات → اجتماع): where it also
     * removed leading letters it is wrong too often (بوتين → وتين, بيروت → يرو, المملكة → ملك,
     * which would make الملك find المملكة), and real prefixes are handled above.  Nor a stem
     * without a nisba ending (الملكي → ملك, رئيسي → رئيس): "royal" is not "king". */
    if (stem != NULL && stem_len < qlen && has_prefix (q, qlen, stem, stem_len)
        && !is_nisba_ending (q + stem_len, qlen - stem_len))
      {
        int stem_chars = count_chars (stem, stem_len);

        if (stem_chars >= 2)
          forms_add (forms, stem, stem_len, stem_chars);
      }
  }
}

GPtrArray *
rasd_fts_index_forms (const char *token)
{
  g_autoptr(GPtrArray) result = NULL;
  Stemmer stemmer = { NULL, NULL };
  Forms *forms;
  int len;

  g_return_val_if_fail (token != NULL, NULL);

  len = strlen (token);
  result = g_ptr_array_new_with_free_func (g_free);
  if (len == 0)
    return g_steal_pointer (&result);

  forms = g_new (Forms, 1);
  stemmer.stemmer = sb_stemmer_new ("arabic", "UTF_8");
  g_assert (stemmer.stemmer != NULL);
  compute_index_forms (forms, &stemmer, token, len, FALSE);
  for (guint i = 0; i < forms->n; i++)
    g_ptr_array_add (result, g_strndup (forms->str[i], forms->len[i]));
  g_clear_pointer (&stemmer.stemmer, sb_stemmer_delete);
  g_free (forms);

  return g_steal_pointer (&result);
}

/* Word scanning, shared by the tokenizer and rasd_fts_query_from_user() so that a quoted query
 * word is always exactly one token. */

static inline gunichar
decode (const guchar *p,
        const guchar *end,
        int          *n)
{
  gunichar c;

  if (*p < 0x80)
    {
      *n = 1;
      return *p;
    }
  if (*p >= 0xC2 && *p <= 0xDF && p + 1 < end && (p[1] & 0xC0) == 0x80)
    {
      *n = 2;
      return ((gunichar) (*p & 0x1F) << 6) | (p[1] & 0x3F);
    }
  c = g_utf8_get_char_validated ((const char *) p, end - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *n = 1;
      return (gunichar) -1;
    }
  *n = g_utf8_skip[*p];
  return c;
}

static inline RasdArabicClass
classify (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) ? RASD_ARABIC_CLASS_WORD : RASD_ARABIC_CLASS_OTHER;
  if (c == (gunichar) -1)
    return RASD_ARABIC_CLASS_OTHER;
  return rasd_arabic_classify (c);
}

/* Finds the next word at or after *P: its surface is [*start, *stop), without leading or
 * trailing ignorable marks.  Moves *P past it. */
static gboolean
next_word (const guchar **p,
           const guchar  *end,
           const guchar **start,
           const guchar **stop,
           gboolean      *ends_with_ta_marbuta)
{
  const guchar *q = *p;
  gunichar last_letter = 0;

  while (q < end)
    {
      int n;
      gunichar c = decode (q, end, &n);

      if (classify (c) == RASD_ARABIC_CLASS_WORD)
        {
          *start = q;
          last_letter = c;
          q += n;
          *stop = q;
          while (q < end)
            {
              c = decode (q, end, &n);
              switch (classify (c))
                {
                case RASD_ARABIC_CLASS_WORD:
                  last_letter = c;
                  q += n;
                  *stop = q;
                  break;
                case RASD_ARABIC_CLASS_MARK:
                  q += n;
                  *stop = q;
                  break;
                case RASD_ARABIC_CLASS_IGNORABLE:
                  q += n;
                  break;
                case RASD_ARABIC_CLASS_OTHER:
                default:
                  goto done;
                }
            }
        done:
          *p = q;
          *ends_with_ta_marbuta = last_letter == 0x0629
                                  || last_letter == 0xFE93
                                  || last_letter == 0xFE94;
          return TRUE;
        }
      q += n;
    }

  *p = q;
  return FALSE;
}

/* The query and how many different words it holds.  A word typed again, or another spelling
 * that normalises the same (لقاء، لقاءٌ، لقاْء), adds nothing to what is found but costs a phrase
 * in every match and every snippet: each is searched once. */
static char *
query_from_user (const char *user_text,
                 guint      *n_terms)
{
  g_autoptr(GString) query = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) norm = g_string_new (NULL);
  const guchar *p;
  const guchar *end;
  const guchar *start;
  const guchar *stop;
  gboolean ta_marbuta;

  query = g_string_new (NULL);
  p = (const guchar *) user_text;
  end = p + strlen (user_text);
  *n_terms = 0;
  while (next_word (&p, end, &start, &stop, &ta_marbuta))
    {
      g_string_truncate (norm, 0);
      rasd_arabic_normalize_append (norm, (const char *) start, stop - start);
      if (!g_hash_table_add (seen, g_strdup (norm->str)))
        continue;
      (*n_terms)++;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      /* Words hold no quotes today; doubling them keeps this safe if the scanner changes. */
      for (const guchar *c = start; c < stop; c++)
        {
          if (*c == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, (char) *c);
        }
      g_string_append_c (query, '"');
    }

  if (query->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

char *
rasd_fts_query_from_user (const char *user_text)
{
  guint n_terms;

  g_return_val_if_fail (user_text != NULL, NULL);
  return query_from_user (user_text, &n_terms);
}

char *
rasd_fts_query_from_user_bounded (const char  *user_text,
                                  GError     **error)
{
  g_autofree char *query = NULL;
  glong n_chars;
  guint n_terms = 0;

  g_return_val_if_fail (user_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_chars = g_utf8_strlen (user_text, -1);
  if (n_chars > RASD_FTS_MAX_QUERY_CHARS)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "the search is %ld characters long; Rasd searches at most %d characters at "
                   "once: shorten it", n_chars, RASD_FTS_MAX_QUERY_CHARS);
      return NULL;
    }
  query = query_from_user (user_text, &n_terms);
  if (n_terms > RASD_FTS_MAX_QUERY_TERMS)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY,
                   "the search has %u different words; Rasd searches at most %d at once: "
                   "leave out some", n_terms, RASD_FTS_MAX_QUERY_TERMS);
      return NULL;
    }
  return g_steal_pointer (&query);
}

/* The tokenizer.  FTS5 creates one instance per table and connection, and calls it from that
 * connection only; the stemmer, which is not thread-safe, and the buffers live in it. */

typedef struct
{
  Stemmer            stemmer;
  GString           *norm;
  Forms             *forms;
  gboolean           busy;
  RasdFtsReplay     *replay;    /* the connection's, or NULL */
} RasdTokenizer;

static gboolean replay_tokens (RasdFtsReplay *replay,
                               void          *ctx,
                               const char    *text,
                               int            n_text,
                               int          (*token_cb) (void *, int, const char *, int, int, int),
                               int           *rc);

static int
tokenizer_create (void            *user_data,
                  const char     **args,
                  int              n_args,
                  Fts5Tokenizer  **out)
{
  RasdTokenizer *self;

  if (n_args > 0)
    return SQLITE_ERROR;

  self = g_new0 (RasdTokenizer, 1);
  self->stemmer.stemmer = sb_stemmer_new ("arabic", "UTF_8");
  if (self->stemmer.stemmer == NULL)
    {
      g_free (self);
      return SQLITE_ERROR;
    }
  self->stemmer.cache = g_new0 (StemCacheEntry, STEM_CACHE_SLOTS);
  self->norm = g_string_sized_new (256);
  self->forms = g_new (Forms, 1);
  self->replay = user_data;
  *out = (Fts5Tokenizer *) self;
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
  RasdTokenizer *self = (RasdTokenizer *) tokenizer;

  if (self == NULL)
    return;
  g_clear_pointer (&self->stemmer.stemmer, sb_stemmer_delete);
  g_free (self->stemmer.cache);
  g_string_free (self->norm, TRUE);
  g_free (self->forms);
  g_free (self);
}

typedef int (*TokenFunc) (void       *ctx,
                          int         flags,
                          const char *token,
                          int         n_token,
                          int         start,
                          int         end);

/* Whether rasd_arabic_normalize_append() leaves anything of the word [P, END): whether one of
 * its characters is not dropped (it maps each character on its own).  Usually the first. */
static gboolean
normalizes_to_something (const guchar *p,
                         const guchar *end)
{
  while (p < end)
    {
      int n;
      gunichar c = decode (p, end, &n);

      if (c != (gunichar) -1 && rasd_arabic_normalize_char (c) != 0)
        return TRUE;
      p += n;
    }
  return FALSE;
}

static int
tokenize_with (RasdTokenizer *self,
               GString       *norm,
               Forms         *forms,
               void          *ctx,
               int            flags,
               const char    *text,
               int            n_text,
               TokenFunc      token_cb)
{
  const guchar *p = (const guchar *) text;
  const guchar *end = p + MAX (n_text, 0);
  const guchar *start;
  const guchar *stop;
  gboolean ta_marbuta;
  int rc = SQLITE_OK;

  while (rc == SQLITE_OK && next_word (&p, end, &start, &stop, &ta_marbuta))
    {
      int i_start = (const char *) start - text;
      int i_end = (const char *) stop - text;

      if (flags & FTS5_TOKENIZE_AUX)
        {
          /* highlight() and snippet() only count positions and read offsets, so the surface
           * word will do; but a word that normalises to nothing was not indexed and must not
           * count. */
          if (normalizes_to_something (start, stop))
            rc = token_cb (ctx, 0, (const char *) start, stop - start, i_start, i_end);
          continue;
        }

      g_string_truncate (norm, 0);
      rasd_arabic_normalize_append (norm, (const char *) start, stop - start);
      if (norm->len == 0)
        continue;

      if (flags & FTS5_TOKENIZE_QUERY)
        {
          const char *primary;
          const char *alternative;
          int primary_len;
          int alternative_len;

          query_form (norm->str, norm->len, count_chars (norm->str, norm->len),
                      &primary, &primary_len,
                      &alternative, &alternative_len);
          rc = token_cb (ctx, 0, primary, primary_len, i_start, i_end);
          if (rc == SQLITE_OK && alternative != NULL)
            rc = token_cb (ctx, FTS5_TOKEN_COLOCATED, alternative, alternative_len,
                           i_start, i_end);
        }
      else
        {
          compute_index_forms (forms, &self->stemmer, norm->str, norm->len, ta_marbuta);
          for (guint i = 0; rc == SQLITE_OK && i < forms->n; i++)
            rc = token_cb (ctx, i == 0 ? 0 : FTS5_TOKEN_COLOCATED,
                           forms->str[i], forms->len[i], i_start, i_end);
        }
    }

  return rc;
}

/* The search work of this thread (rasd_fts_get_work()). */
static _Thread_local RasdFtsWork thread_work;

void
rasd_fts_get_work (RasdFtsWork *work)
{
  g_return_if_fail (work != NULL);
  *work = thread_work;
}

static int
tokenizer_tokenize (Fts5Tokenizer *tokenizer,
                    void          *ctx,
                    int            flags,
                    const char    *text,
                    int            n_text,
                    TokenFunc      token_cb)
{
  RasdTokenizer *self = (RasdTokenizer *) tokenizer;
  int rc;

  if (text == NULL || n_text <= 0)
    return SQLITE_OK;
  if (flags & FTS5_TOKENIZE_QUERY)
    thread_work.query_phrases++;
  else if (flags & FTS5_TOKENIZE_AUX)
    thread_work.aux_bytes += n_text;
  else if (flags == FTS5_TOKENIZE_DOCUMENT && self->replay != NULL &&
           replay_tokens (self->replay, ctx, text, n_text, token_cb, &rc))
    return rc;

  /* FTS5 does not call back into a tokenizer while it runs, but if it ever did, the nested
   * call gets buffers of its own instead of overwriting ours. */
  if (self->busy)
    {
      g_autoptr(GString) norm = g_string_sized_new (256);
      g_autofree Forms *forms = g_new (Forms, 1);

      return tokenize_with (self, norm, forms, ctx, flags, text, n_text, token_cb);
    }

  self->busy = TRUE;
  rc = tokenize_with (self, self->norm, self->forms, ctx, flags, text, n_text, token_cb);
  self->busy = FALSE;
  return rc;
}

static fts5_api *
get_fts5_api (sqlite3  *db,
              GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api *api = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                   "Cannot reach SQLite’s FTS5 module (is FTS5 compiled in?): %s",
                   sqlite3_errmsg (db));
      return NULL;
    }
  sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW || api == NULL)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                   "Cannot reach SQLite’s FTS5 module: %s", sqlite3_errmsg (db));
      return NULL;
    }
  if (api->iVersion < 2)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                   "SQLite’s FTS5 module is too old (API version %d, 2 needed)", api->iVersion);
      return NULL;
    }
  return api;
}

static void replay_free (void *data);

gboolean
rasd_fts_register_tokenizer_with_replay (sqlite3        *db,
                                         RasdFtsReplay  *replay,
                                         GError        **error)
{
  static fts5_tokenizer tokenizer = {
    tokenizer_create,
    tokenizer_delete,
    tokenizer_tokenize,
  };
  fts5_api *api;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  api = get_fts5_api (db, error);
  if (api == NULL)
    {
      replay_free (replay);
      return FALSE;
    }

  rc = api->xCreateTokenizer (api, "rasd_arabic", replay, &tokenizer,
                              replay != NULL ? replay_free : NULL);
  if (rc != SQLITE_OK)
    {
      /* FTS5 only fails here without memory for its module, before it keeps @replay. */
      replay_free (replay);
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                   "Cannot register the FTS5 tokenizer rasd_arabic: %s", sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
rasd_fts_register_tokenizer (sqlite3  *db,
                             GError  **error)
{
  return rasd_fts_register_tokenizer_with_replay (db, NULL, error);
}

/* Tokens computed ahead ------------------------------------------------------------------
 *
 * An import tokenizes each article on its extraction worker and the writer's tokenizer
 * replays the stream when FTS5 indexes that text: the normalisation, clitics and stems of
 * every word leave the one thread that stores.  A stream is a byte string of varints, per
 * token: (length << 3 | primary << 2 | how), then for a primary token (the first form of a
 * word) its start less the previous word's end and its length in the text, then for HOW
 * TOKEN_LITERAL the bytes, for TOKEN_SUBSTRING the offset in the word's primary form, and
 * nothing for TOKEN_SURFACE (the primary form is the word as written).  Colocated forms share
 * their word's offsets.  About one and a half times the text. */

enum { TOKEN_LITERAL, TOKEN_SURFACE, TOKEN_SUBSTRING };

struct _RasdFtsTokens
{
  char     *text;
  gsize     len;
  guint     hash;
  GString  *stream;
  /* while collecting: */
  gboolean  failed;
  const char *primary;   /* the current word's primary form, as the tokenizer gave it */
  int       primary_len;
  int       start;
  int       end;
};

static void
put_varint (GString *s,
            guint64  v)
{
  while (v >= 0x80)
    {
      g_string_append_c (s, (char) (v | 0x80));
      v >>= 7;
    }
  g_string_append_c (s, (char) v);
}

static inline guint64
get_varint (const guchar **p)
{
  guint64 v = 0;
  int shift = 0;

  while (**p & 0x80)
    {
      v |= (guint64) (**p & 0x7f) << shift;
      shift += 7;
      (*p)++;
    }
  v |= (guint64) **p << shift;
  (*p)++;
  return v;
}

static guint
hash_text (const char *text,
           gsize       len)
{
  guint32 h = 2166136261u ^ (guint32) len;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) text[i]) * 16777619u;
  return h;
}

static int
collect_token (void       *ctx,
               int         flags,
               const char *token,
               int         n_token,
               int         start,
               int         end)
{
  RasdFtsTokens *self = ctx;
  gboolean primary = !(flags & FTS5_TOKEN_COLOCATED);
  int how = TOKEN_LITERAL;

  if (primary)
    {
      if (start < self->end)
        self->failed = TRUE;
      if (n_token == end - start && memcmp (token, self->text + start, n_token) == 0)
        how = TOKEN_SURFACE;
      put_varint (self->stream, ((guint64) n_token << 3) | 4 | how);
      put_varint (self->stream, start - self->end);
      put_varint (self->stream, end - start);
      self->primary = token;
      self->primary_len = n_token;
      self->start = start;
      self->end = end;
    }
  else
    {
      if (self->primary == NULL || start != self->start || end != self->end)
        self->failed = TRUE;
      else if (token >= self->primary && token + n_token <= self->primary + self->primary_len)
        how = TOKEN_SUBSTRING;
      put_varint (self->stream, ((guint64) n_token << 3) | how);
      if (how == TOKEN_SUBSTRING)
        put_varint (self->stream, token - self->primary);
    }
  if (how == TOKEN_LITERAL)
    g_string_append_len (self->stream, token, n_token);
  return SQLITE_OK;
}

/* A tokenizer per worker thread: its stemmer cache stays warm from one article to the next. */
static void
thread_tokenizer_free (gpointer data)
{
  tokenizer_delete (data);
}

static GPrivate thread_tokenizer = G_PRIVATE_INIT (thread_tokenizer_free);

RasdFtsTokens *
rasd_fts_tokens_new (const char *text,
                     gssize      len)
{
  RasdTokenizer *tokenizer = g_private_get (&thread_tokenizer);
  g_autoptr(RasdFtsTokens) self = NULL;
  Fts5Tokenizer *created = NULL;
  int rc;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);
  if (len == 0 || len > RASD_FTS_TOKENS_MAX_TEXT)
    return NULL;
  if (tokenizer == NULL)
    {
      if (tokenizer_create (NULL, NULL, 0, &created) != SQLITE_OK)
        return NULL;
      tokenizer = (RasdTokenizer *) created;
      g_private_set (&thread_tokenizer, tokenizer);
    }

  self = g_new0 (RasdFtsTokens, 1);
  self->text = g_memdup2 (text, len);
  self->len = len;
  self->hash = hash_text (text, len);
  self->stream = g_string_sized_new (len + len / 2);
  /* tokenize the copy: the offsets it gives are into self->text */
  rc = tokenizer_tokenize ((Fts5Tokenizer *) tokenizer, self, FTS5_TOKENIZE_DOCUMENT,
                           self->text, (int) len, collect_token);
  if (rc != SQLITE_OK || self->failed)
    return NULL;
  self->primary = NULL;
  return g_steal_pointer (&self);
}

void
rasd_fts_tokens_free (RasdFtsTokens *tokens)
{
  if (tokens == NULL)
    return;
  g_free (tokens->text);
  g_string_free (tokens->stream, TRUE);
  g_free (tokens);
}

gsize
rasd_fts_tokens_get_size (RasdFtsTokens *tokens)
{
  g_return_val_if_fail (tokens != NULL, 0);
  return sizeof *tokens + tokens->len + tokens->stream->allocated_len;
}

/* Calls @token_cb as the tokenizer would for the text @text of @tokens. */
static int
tokens_replay (RasdFtsTokens *tokens,
               const char    *text,
               void          *ctx,
               int          (*token_cb) (void *, int, const char *, int, int, int))
{
  const guchar *p = (const guchar *) tokens->stream->str;
  const guchar *end = p + tokens->stream->len;
  const char *primary = NULL;
  int start = 0;
  int stop = 0;
  int rc = SQLITE_OK;

  while (rc == SQLITE_OK && p < end)
    {
      guint64 tag = get_varint (&p);
      int len = (int) (tag >> 3);
      const char *token;

      if (tag & 4)
        {
          start = stop + (int) get_varint (&p);
          stop = start + (int) get_varint (&p);
        }
      switch (tag & 3)
        {
        case TOKEN_SURFACE:
          token = text + start;
          break;
        case TOKEN_SUBSTRING:
          token = primary + get_varint (&p);
          break;
        default:
          token = (const char *) p;
          p += len;
          break;
        }
      if (tag & 4)
        primary = token;
      rc = token_cb (ctx, (tag & 4) ? 0 : FTS5_TOKEN_COLOCATED, token, len, start, stop);
    }
  return rc;
}

struct _RasdFtsReplay
{
  GHashTable *streams;     /* RasdFtsTokens, keys and values, by text */
  gsize       bytes;
  guint64     n_replayed;
};

static guint
tokens_hash (gconstpointer key)
{
  return ((const RasdFtsTokens *) key)->hash;
}

static gboolean
tokens_equal (gconstpointer a,
              gconstpointer b)
{
  const RasdFtsTokens *x = a;
  const RasdFtsTokens *y = b;

  return x->hash == y->hash && x->len == y->len && memcmp (x->text, y->text, x->len) == 0;
}

RasdFtsReplay *
rasd_fts_replay_new (void)
{
  RasdFtsReplay *self = g_new0 (RasdFtsReplay, 1);

  self->streams = g_hash_table_new_full (tokens_hash, tokens_equal,
                                         (GDestroyNotify) rasd_fts_tokens_free, NULL);
  return self;
}

static void
replay_free (void *data)
{
  RasdFtsReplay *self = data;

  if (self == NULL)
    return;
  g_hash_table_unref (self->streams);
  g_free (self);
}

void
rasd_fts_replay_offer (RasdFtsReplay *replay,
                       RasdFtsTokens *tokens)
{
  gsize size;

  g_return_if_fail (replay != NULL);
  if (tokens == NULL)
    return;
  size = rasd_fts_tokens_get_size (tokens);
  /* A text offered twice (two articles of one title) has the same stream. */
  if (replay->bytes + size > RASD_FTS_REPLAY_MAX_BYTES ||
      g_hash_table_contains (replay->streams, tokens))
    {
      rasd_fts_tokens_free (tokens);
      return;
    }
  replay->bytes += size;
  g_hash_table_add (replay->streams, tokens);
}

void
rasd_fts_replay_clear (RasdFtsReplay *replay)
{
  g_return_if_fail (replay != NULL);
  if (replay->bytes == 0)
    return;
  g_hash_table_remove_all (replay->streams);
  replay->bytes = 0;
}

guint64
rasd_fts_replay_get_n_replayed (RasdFtsReplay *replay)
{
  g_return_val_if_fail (replay != NULL, 0);
  return replay->n_replayed;
}

/* Replays the stream offered for @text, if any, into *@rc. */
static gboolean
replay_tokens (RasdFtsReplay *replay,
               void          *ctx,
               const char    *text,
               int            n_text,
               int          (*token_cb) (void *, int, const char *, int, int, int),
               int           *rc)
{
  RasdFtsTokens key = { 0 };
  RasdFtsTokens *tokens;

  if (replay->bytes == 0)
    return FALSE;
  key.text = (char *) text;
  key.len = n_text;
  key.hash = hash_text (text, n_text);
  if ((tokens = g_hash_table_lookup (replay->streams, &key)) == NULL)
    return FALSE;
  replay->n_replayed++;
  *rc = tokens_replay (tokens, text, ctx, token_cb);
  return TRUE;
}

/* Ranking.  FTS5's bm25() asks for the length of every matching document with
 * xColumnSize(), which runs one lookup in the table's %_docsize shadow table per row: for a
 * common word (لقاء matches 72,000 of 100,000 articles) these lookups were three quarters of
 * the search time.  rasd_bm25() computes the same score, by the same formula in the same
 * order, with the lengths read from an in-memory copy of that table, loaded with one scan by
 * the first query that matches many rows, and again after the database has changed.  Rows it
 * does not hold, or a copy it cannot trust (inside an explicit transaction, which may roll
 * back), fall back to xColumnSize(). */

#define DOC_SIZE_UNKNOWN G_MAXUINT32

/* One copy, shared by reference so that a query still running keeps the copy it started with
 * when a later query reloads. */
typedef struct
{
  guint32 *sizes;               /* tokens of all columns of a row, by rowid */
  gint64   n_sizes;
  gint64   n_rows;
} SizeTable;

static void
size_table_clear (SizeTable *self)
{
  g_free (self->sizes);
}

static void
size_table_unref (SizeTable *self)
{
  g_rc_box_release_full (self, (GDestroyNotify) size_table_clear);
}

typedef struct
{
  sqlite3   *db;
  char      *table;             /* the FTS5 table whose %_docsize the copy is of */
  SizeTable *copy;              /* NULL when not loaded or not usable */
  gboolean   loaded;
  guint      data_version;      /* of the file when loaded (commits from any connection) */
  gint64     total_changes;     /* of this connection when loaded */
} DocSizes;

static void
doc_sizes_free (void *data)
{
  DocSizes *self = data;

  g_clear_pointer (&self->copy, size_table_unref);
  g_free (self->table);
  g_free (self);
}

static int
read_varint32 (const guchar *p,
               const guchar *end,
               guint32      *value)
{
  guint32 v = 0;
  int n = 0;

  /* SQLite varints; a column holds fewer than 2^28 tokens, so four bytes suffice. */
  while (p + n < end && n < 4)
    {
      v = (v << 7) | (p[n] & 0x7F);
      if ((p[n++] & 0x80) == 0)
        {
          *value = v;
          return n;
        }
    }
  return 0;
}

/* Returns a new reference to the copy of %_docsize, reading it again if the database changed
 * since it was read, or NULL when it may not be used or, unless LOAD, is not read yet. */
static SizeTable *
doc_sizes_get (DocSizes *self,
               gboolean  load)
{
  SizeTable *copy;
  char *sql;
  sqlite3_stmt *stmt = NULL;
  unsigned int data_version = 0;
  gint64 total_changes;
  gint64 max_id = 0;
  gint64 n_rows = 0;
  int rc;

  if (!sqlite3_get_autocommit (self->db))
    return NULL;
  if (sqlite3_file_control (self->db, "main", SQLITE_FCNTL_DATA_VERSION, &data_version) != SQLITE_OK)
    return NULL;
  total_changes = sqlite3_total_changes64 (self->db);
  if (self->loaded && self->data_version == data_version
      && self->total_changes == total_changes)
    return self->copy != NULL ? g_rc_box_acquire (self->copy) : NULL;

  g_clear_pointer (&self->copy, size_table_unref);
  self->loaded = FALSE;
  if (!load)
    return NULL;
  self->loaded = TRUE;
  self->data_version = data_version;
  self->total_changes = total_changes;

  sql = sqlite3_mprintf ("SELECT max(id), count(*) FROM \"%w_docsize\"", self->table);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      max_id = sqlite3_column_int64 (stmt, 0);
      n_rows = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_finalize (stmt);
  /* Rowids are article ids, dense from 1; an array indexed by sparse ones would waste memory. */
  if (n_rows == 0 || max_id < 0 || max_id > 4 * n_rows + 65536)
    return NULL;

  sql = sqlite3_mprintf ("SELECT id, sz FROM \"%w_docsize\"", self->table);
  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  if (rc != SQLITE_OK)
    return NULL;
  copy = g_rc_box_new0 (SizeTable);
  copy->sizes = g_new (guint32, max_id + 1);
  memset (copy->sizes, 0xFF, (max_id + 1) * sizeof (guint32));
  copy->n_sizes = max_id + 1;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const guchar *p = sqlite3_column_blob (stmt, 1);
      const guchar *end = p + sqlite3_column_bytes (stmt, 1);
      guint32 total = 0;

      if (id < 0 || id >= copy->n_sizes)
        continue;
      while (p != NULL && p < end)
        {
          guint32 column;
          int n = read_varint32 (p, end, &column);

          if (n == 0)
            {
              total = DOC_SIZE_UNKNOWN;
              break;
            }
          total += column;
          p += n;
        }
      copy->sizes[id] = total;
      copy->n_rows++;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      size_table_unref (copy);
      return NULL;
    }
  self->copy = copy;
  return g_rc_box_acquire (copy);
}

/* What rasd_bm25() computes once per query, as bm25() does. */
typedef struct
{
  int       n_phrases;
  double    avgdl;
  double   *idf;
  double    *freq;
  SizeTable *sizes;             /* NULL when xColumnSize() must be asked */
} Bm25Query;

static void
bm25_query_free (void *data)
{
  Bm25Query *q = data;

  g_clear_pointer (&q->sizes, size_table_unref);
  sqlite3_free (q);
}

static int
count_hits (const Fts5ExtensionApi *api,
            Fts5Context            *fts,
            void                   *user_data)
{
  (*(gint64 *) user_data)++;
  return SQLITE_OK;
}

static int
bm25_query_get (const Fts5ExtensionApi  *api,
                Fts5Context             *fts,
                DocSizes                *doc_sizes,
                Bm25Query              **out)
{
  Bm25Query *q = api->xGetAuxdata (fts, 0);
  sqlite3_int64 n_rows = 0;
  sqlite3_int64 n_tokens = 0;
  gint64 max_hits = 0;
  int rc;

  if (q != NULL)
    {
      *out = q;
      return SQLITE_OK;
    }

  q = sqlite3_malloc64 (sizeof (Bm25Query) + 2 * sizeof (double) * MAX (api->xPhraseCount (fts), 1));
  if (q == NULL)
    return SQLITE_NOMEM;
  q->n_phrases = api->xPhraseCount (fts);
  q->idf = (double *) (q + 1);
  q->freq = q->idf + q->n_phrases;
  q->sizes = NULL;

  rc = api->xRowCount (fts, &n_rows);
  if (rc == SQLITE_OK)
    rc = api->xColumnTotalSize (fts, -1, &n_tokens);
  if (rc == SQLITE_OK)
    q->avgdl = (double) n_tokens / (double) n_rows;
  for (int i = 0; rc == SQLITE_OK && i < q->n_phrases; i++)
    {
      gint64 n_hits = 0;

      rc = api->xQueryPhrase (fts, i, &n_hits, count_hits);
      if (rc == SQLITE_OK)
        {
          /* bm25()'s IDF, floored at 1e-6 for words in more than half the rows. */
          double idf = log ((n_rows - n_hits + 0.5) / (n_hits + 0.5));

          q->idf[i] = idf <= 0.0 ? 1e-6 : idf;
          max_hits = MAX (max_hits, n_hits);
        }
    }
  /* Reading all lengths costs about a quarter of looking each up: not worth it for a query
   * of rare words (a command-line search is the connection's only one). */
  if (rc == SQLITE_OK && doc_sizes != NULL)
    {
      q->sizes = doc_sizes_get (doc_sizes, max_hits >= n_rows / 4);
      /* A copy of another table's lengths would not have its row count. */
      if (q->sizes != NULL && q->sizes->n_rows != n_rows)
        g_clear_pointer (&q->sizes, size_table_unref);
    }
  if (rc == SQLITE_OK)
    rc = api->xSetAuxdata (fts, q, bm25_query_free);
  else
    bm25_query_free (q);
  if (rc == SQLITE_OK)
    *out = q;
  return rc;
}

static void
rasd_bm25 (const Fts5ExtensionApi  *api,
           Fts5Context             *fts,
           sqlite3_context         *ctx,
           int                      n_values,
           sqlite3_value          **values)
{
  const double k1 = 1.2;
  const double b = 0.75;
  Bm25Query *q = NULL;
  double weights[4];
  double score = 0.0;
  double length = 0.0;
  int rc;

  /* The columns' weights, read once per row rather than once per hit. */
  for (int i = 0; i < (int) G_N_ELEMENTS (weights); i++)
    weights[i] = i < n_values ? sqlite3_value_double (values[i]) : 1.0;

  rc = bm25_query_get (api, fts, api->xUserData (fts), &q);
  if (rc == SQLITE_OK)
    memset (q->freq, 0, sizeof (double) * q->n_phrases);
  for (int phrase = 0; rc == SQLITE_OK && phrase < q->n_phrases; phrase++)
    {
      Fts5PhraseIter iter;
      int column;
      int offset;

      rc = api->xPhraseFirst (fts, phrase, &iter, &column, &offset);
      for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext (fts, &iter, &column, &offset))
        {
          if (column < (int) G_N_ELEMENTS (weights))
            q->freq[phrase] += weights[column];
          else
            q->freq[phrase] += n_values > column ? sqlite3_value_double (values[column]) : 1.0;
        }
    }

  if (rc == SQLITE_OK)
    {
      gint64 rowid = api->xRowid (fts);
      guint32 size = DOC_SIZE_UNKNOWN;

      if (q->sizes != NULL && rowid >= 0 && rowid < q->sizes->n_sizes)
        size = q->sizes->sizes[rowid];
      if (size == DOC_SIZE_UNKNOWN)
        {
          int n_tokens = 0;

          rc = api->xColumnSize (fts, -1, &n_tokens);
          size = n_tokens;
        }
      length = (double) size;
    }

  if (rc != SQLITE_OK)
    {
      sqlite3_result_error_code (ctx, rc);
      return;
    }
  for (int i = 0; i < q->n_phrases; i++)
    score += q->idf[i] * ((q->freq[i] * (k1 + 1.0))
                          / (q->freq[i] + k1 * (1 - b + b * length / q->avgdl)));
  sqlite3_result_double (ctx, -1.0 * score);
}

gboolean
rasd_fts_register_rank_function (sqlite3     *db,
                                 const char  *table,
                                 GError     **error)
{
  fts5_api *api;
  DocSizes *doc_sizes;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  api = get_fts5_api (db, error);
  if (api == NULL)
    return FALSE;

  doc_sizes = g_new0 (DocSizes, 1);
  doc_sizes->db = db;
  doc_sizes->table = g_strdup (table);
  rc = api->xCreateFunction (api, "rasd_bm25", doc_sizes, rasd_bm25, doc_sizes_free);
  if (rc != SQLITE_OK)
    {
      doc_sizes_free (doc_sizes);
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                   "Cannot register the FTS5 function rasd_bm25: %s", sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}
