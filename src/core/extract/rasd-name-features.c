#define G_LOG_DOMAIN "rasd-name-features"

#include "config.h"

#include "rasd-name-features.h"

#include <string.h>

#include <hunspell/hunspell.h>

#include "rasd-arabic.h"
#include "rasd-data.h"
#include "rasd-error.h"
#include "rasd-hash.h"
#include "rasd-tokens.h"

/* The attributes are strings "kind=value" or bare flags ("lex:first-name").  Lexicon answers
 * are attributes like any other: the model learns how far to trust each of them (a gazetteer
 * town that is also a common word, a first name that is also a noun). */

typedef enum
{
  WORD_ORG_NAME    = 1 << 0,  /* a one-word organisation (الناتو) */
  WORD_ORG_HEAD    = 1 << 1,  /* a noun that begins an organisation name (وزارة) */
  WORD_ORG_START   = 1 << 2,  /* the first word of a longer organisation name */
  WORD_ORG_INSIDE  = 1 << 3,  /* a later word of an organisation name */
  WORD_TRIGGER     = 1 << 4,  /* reports a meeting-type event (التقى، زيارة) */
  WORD_STOP        = 1 << 5,  /* never part of a name */
  WORD_COMMON      = 1 << 6,  /* a place name that is also a common word */
  WORD_CUE_FIRST   = 1 << 7,  /* data/ner/cues.tsv: a first name */
  WORD_CUE_LINK    = 1 << 8,  /* a word inside names (بن، فان) */
  WORD_CUE_ROLE    = 1 << 9,  /* a noun before a person's name (اللاعب) */
  WORD_CUE_ORG     = 1 << 10, /* a noun before an organisation's name (صحيفة) */
  WORD_CUE_PLACE   = 1 << 11, /* a noun before a place's name (محافظة) */
  WORD_ACT_FIRST   = 1 << 12, /* data/ner/actor-words.tsv: the first word of a person's name */
  WORD_ACT_OTHER   = 1 << 13, /* a later word of a person's name */
  WORD_ACT_ORG     = 1 << 14, /* a word of an organisation's name */
} WordFlags;

/* Debian's hunspell-ar: whether a word is one the dictionary knows (with its clitics) tells
 * common words from names, foreign names above all. */
#define HUNSPELL_AFF "/usr/share/hunspell/ar.aff"
#define HUNSPELL_DIC "/usr/share/hunspell/ar.dic"

struct _RasdNameFeatures
{
  RasdPeople    *people;
  RasdGazetteer *gazetteer;
  GHashTable    *words;   /* normalised word → WordFlags */
  Hunhandle     *hunspell;  /* shared by the process (shared_hunspell()); NULL when not installed */
};

/* Hunspell is not safe to call from several threads at once.  Its answers are kept for the
 * process (a word costs Hunspell about 25,000 instructions, and each worker's tagger meets the
 * same new words): the lock is then held for a hash lookup, not for the spelling. */
static GMutex hunspell_lock;
static GHashTable *hunspell_answers;  /* word → 1 (unknown) or 2 (known); under the lock */

#define HUNSPELL_ANSWERS_MAX 262144

static gboolean
hunspell_knows (Hunhandle  *hunspell,
                const char *word)
{
  gpointer answer;
  gboolean known;

  g_mutex_lock (&hunspell_lock);
  if (hunspell_answers == NULL)
    hunspell_answers = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  if ((answer = g_hash_table_lookup (hunspell_answers, word)) != NULL)
    known = GPOINTER_TO_INT (answer) == 2;
  else
    {
      known = Hunspell_spell (hunspell, word) != 0;
      /* bounded: an archive's vocabulary can be any size */
      if (g_hash_table_size (hunspell_answers) >= HUNSPELL_ANSWERS_MAX)
        g_hash_table_remove_all (hunspell_answers);
      g_hash_table_insert (hunspell_answers, g_strdup (word), GINT_TO_POINTER (known ? 2 : 1));
    }
  g_mutex_unlock (&hunspell_lock);
  return known;
}

/* The dictionary, loaded once per process: loading it takes a fifth of a second (much more
 * under a sanitizer) and every tagger and trainer asks for the same one. Never freed. */
static Hunhandle *
shared_hunspell (void)
{
  static gsize once = 0;
  static Hunhandle *handle = NULL;

  if (g_once_init_enter (&once))
    {
      if (g_file_test (HUNSPELL_AFF, G_FILE_TEST_IS_REGULAR) &&
          g_file_test (HUNSPELL_DIC, G_FILE_TEST_IS_REGULAR))
        handle = Hunspell_create (HUNSPELL_AFF, HUNSPELL_DIC);
      else
        g_message ("%s is not installed (Debian: hunspell-ar): the name tagger does without it "
                   "and finds fewer names", HUNSPELL_DIC);
      g_once_init_leave (&once, 1);
    }
  return handle;
}

static gpointer
preload_thread (gpointer data)
{
  shared_hunspell ();
  return NULL;
}

void
rasd_name_features_preload (void)
{
  static gsize started = 0;

  if (g_once_init_enter (&started))
    {
      g_thread_unref (g_thread_new ("rasd-hunspell", preload_thread, NULL));
      g_once_init_leave (&started, 1);
    }
}

static void
add_word (RasdNameFeatures *self,
          const char       *word,
          gsize             length,
          guint             flags)
{
  g_autofree char *copy = g_strndup (word, length);
  gpointer old = NULL;

  if (g_hash_table_lookup_extended (self->words, copy, NULL, &old))
    flags |= GPOINTER_TO_UINT (old);
  g_hash_table_replace (self->words, g_steal_pointer (&copy), GUINT_TO_POINTER (flags));
}

/* What the second column of a list's line says of its word. */
typedef struct
{
  const char *kind;
  guint       flags;
} Kind;

/* Reads the lines of @relative under @data_dir: word or phrase<TAB>kind.  A one-word entry gets
 * the flags of its kind in @kinds (of the first kind when the line names none it knows, or an
 * error when @strict); the words of a longer one get @start_flags for the first and
 * @inside_flags for the others. */
static gboolean
load_words (RasdNameFeatures  *self,
            const char        *data_dir,
            const char        *relative,
            const Kind        *kinds,
            guint              n_kinds,
            gboolean           strict,
            guint              start_flags,
            guint              inside_flags,
            GError           **error)
{
  g_autofree char *path = g_build_filename (data_dir, relative, NULL);
  g_auto(GStrv) lines = rasd_data_read_lines (path, error);

  if (lines == NULL)
    return FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *norm = NULL;
      const char *space;
      guint k = 0;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 3);
      while (cols[1] != NULL && k < n_kinds &&
             g_strcmp0 (kinds[k].kind, g_strstrip (cols[1])) != 0)
        k++;
      if (k == n_kinds)
        {
          if (strict)
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                           "%s, line %u: expected a word, a tab and its kind", path, i + 1);
              return FALSE;
            }
          k = 0;
        }
      norm = rasd_arabic_normalize (g_strstrip (cols[0]), -1);
      if (norm[0] == '\0')
        continue;
      if ((space = strchr (norm, ' ')) == NULL)
        {
          add_word (self, norm, strlen (norm), kinds[k].flags);
          continue;
        }
      add_word (self, norm, space - norm, start_flags);
      while (space != NULL)
        {
          const char *word = space + 1;

          space = strchr (word, ' ');
          add_word (self, word, space != NULL ? (gsize) (space - word) : strlen (word), inside_flags);
        }
    }
  return TRUE;
}

RasdNameFeatures *
rasd_name_features_new (RasdPeople     *people,
                        RasdGazetteer  *gazetteer,
                        const char     *data_dir,
                        GError        **error)
{
  static const Kind organisations[] = { { "name", WORD_ORG_NAME }, { "head", WORD_ORG_HEAD } };
  static const Kind trigger = { NULL, WORD_TRIGGER }, stop = { NULL, WORD_STOP };
  static const Kind common = { NULL, WORD_COMMON };
  static const Kind cues[] = {
    { "first", WORD_CUE_FIRST }, { "link", WORD_CUE_LINK }, { "role", WORD_CUE_ROLE },
    { "org", WORD_CUE_ORG }, { "place", WORD_CUE_PLACE },
  };
  static const Kind actors[] = {
    { "person-first", WORD_ACT_FIRST }, { "person-other", WORD_ACT_OTHER }, { "org", WORD_ACT_ORG },
  };
  g_autoptr(RasdNameFeatures) self = g_new0 (RasdNameFeatures, 1);

  g_return_val_if_fail (people != NULL, NULL);
  g_return_val_if_fail (gazetteer != NULL, NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);

  self->people = people;
  self->gazetteer = gazetteer;
  self->words = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  if (!load_words (self, data_dir, "people/organisations.tsv", organisations,
                   G_N_ELEMENTS (organisations), FALSE, WORD_ORG_START, WORD_ORG_INSIDE, error) ||
      !load_words (self, data_dir, "events/triggers.tsv", &trigger, 1, FALSE, 0, 0, error) ||
      !load_words (self, data_dir, "people/stopwords.txt", &stop, 1, FALSE, 0, 0, error) ||
      !load_words (self, data_dir, "gazetteer/common-words.txt", &common, 1, FALSE, 0, 0, error) ||
      !load_words (self, data_dir, "ner/cues.tsv", cues, G_N_ELEMENTS (cues), TRUE, 0, 0, error) ||
      !load_words (self, data_dir, "ner/actor-words.tsv", actors, G_N_ELEMENTS (actors), TRUE, 0, 0,
                   error))
    return NULL;
  self->hunspell = shared_hunspell ();
  return g_steal_pointer (&self);
}

void
rasd_name_features_free (RasdNameFeatures *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_free (self);
}

/* The general case of rasd_name_features_append_key(). */
static void
append_key_slow (GString    *out,
                 const char *token,
                 const char *end)
{
  const char *first = NULL;
  const char *last_end = NULL;

  for (const char *p = token; p < end; p = g_utf8_next_char (p))
    {
      RasdArabicClass klass = rasd_arabic_classify (g_utf8_get_char (p));

      if (klass == RASD_ARABIC_CLASS_WORD)
        {
          if (first == NULL)
            first = p;
          last_end = g_utf8_next_char (p);
        }
    }
  if (first == NULL)
    {
      g_string_append_len (out, token, end - token);
      return;
    }
  /* the letters as written, without diacritics, tatweel or invisible marks: ى and ي, ة and
   * ه, أ and ا stay apart (على is not علي) */
  for (const char *p = first; p < last_end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      RasdArabicClass klass = rasd_arabic_classify (c);

      if (klass == RASD_ARABIC_CLASS_WORD || klass == RASD_ARABIC_CLASS_OTHER)
        g_string_append_unichar (out, c);
    }
}

void
rasd_name_features_append_key (GString    *out,
                               const char *token,
                               gssize      length)
{
  const char *end = token + (length < 0 ? strlen (token) : (gsize) length);

  /* Most tokens are Arabic letters (two bytes, 0xD8-0xDB first) or ASCII letters and digits:
   * such a token is its own key, copied at once; one with a diacritic, a tatweel or anything
   * else takes the general path. */
  for (const char *p = token; p < end; )
    {
      guchar b = (guchar) *p;

      if (b < 0x80 && g_ascii_isalnum (b))
        p++;
      else if (b >= 0xD8 && b <= 0xDB && p + 1 < end)
        {
          gunichar c = ((gunichar) (b & 0x1F) << 6) | ((guchar) p[1] & 0x3F);

          /* the letters ء to ي are the common case, asked without a call */
          if (!(c >= 0x0621 && c <= 0x063A) && !(c >= 0x0641 && c <= 0x064A) &&
              (c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
               rasd_arabic_classify (c) != RASD_ARABIC_CLASS_WORD))
            break;
          p += 2;
        }
      else
        break;
      if (p == end)
        {
          g_string_append_len (out, token, end - token);
          return;
        }
    }
  append_key_slow (out, token, end);
}

char *
rasd_name_features_key (const char *token,
                        gssize      length)
{
  GString *out = g_string_new (NULL);

  rasd_name_features_append_key (out, token, length);
  return g_string_free (out, FALSE);
}

char *
rasd_name_features_doc_key (const char *key)
{
  g_autofree char *norm = rasd_arabic_normalize (key, -1);
  const char *forms[RASD_TOKEN_MAX_FORMS];
  g_autofree char *buffer = g_malloc (4 * strlen (norm) + 8);
  guint n = rasd_token_proclitic_forms (norm, forms, buffer);

  return g_strdup (forms[n - 1]);
}

/* Adds "@kind@value" (value of @value_length bytes, -1 for all). */
static void
add (GString    *buffer,
     GArray     *attrs,
     guint8      offsets,
     const char *kind,
     const char *value,
     gssize      value_length)
{
  RasdNameAttr attr = { (guint32) buffer->len, offsets };

  g_string_append (buffer, kind);
  if (value != NULL)
    g_string_append_len (buffer, value, value_length);
  g_string_append_c (buffer, '\0');
  g_array_append_val (attrs, attr);
}

/* The first and last 1 to @max characters of @word, as "p1@tag=" ... "s3@tag=". */
static void
add_affixes (GString    *buffer,
             GArray     *attrs,
             const char *word,
             const char *tag,
             guint8      offsets,
             glong       max)
{
  glong n = g_utf8_strlen (word, -1);
  gsize len = strlen (word);
  char kind[16];

  for (glong k = 1; k <= max && k < n; k++)
    {
      const char *cut = g_utf8_offset_to_pointer (word, k);
      const char *from = g_utf8_offset_to_pointer (word, n - k);

      g_snprintf (kind, sizeof kind, "p%ld%s=", k, tag);
      add (buffer, attrs, offsets, kind, word, cut - word);
      g_snprintf (kind, sizeof kind, "s%ld%s=", k, tag);
      add (buffer, attrs, offsets, kind, from, word + len - from);
    }
}

/* The letter trigrams of @word with its ends marked ("^ال", "يا$"): transliterated names have
 * letter sequences Arabic words rarely have. */
static void
add_ngrams (GString    *buffer,
            GArray     *attrs,
            const char *word)
{
  g_autoptr(GString) marked = g_string_new ("^");
  const char *p;

  g_string_append (marked, word);
  g_string_append_c (marked, '$');
  for (p = marked->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *end = p;

      for (guint k = 0; k < 3 && *end != '\0'; k++)
        end = g_utf8_next_char (end);
      if (g_utf8_strlen (p, end - p) < 3)
        break;
      add (buffer, attrs, RASD_NAME_OFFSETS_SELF, "g=", p, end - p);
    }
}

static const char *
shape_of (const char *key)
{
  gboolean arabic = FALSE, latin = FALSE, digit = FALSE, other = FALSE;

  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (rasd_arabic_is_letter (c))
        arabic = TRUE;
      else if (g_unichar_isdigit (c))
        digit = TRUE;
      else if (g_unichar_isalpha (c))
        latin = TRUE;
      else if (rasd_arabic_classify (c) != RASD_ARABIC_CLASS_MARK)
        other = TRUE;
    }
  if (!arabic && !latin && !digit)
    return "punct";
  if (digit && !arabic && !latin)
    return other ? "number-punct" : "number";
  if (latin && !arabic)
    return "latin";
  if (arabic && !latin && !digit)
    return other ? "arabic-punct" : "arabic";
  return "mixed";
}

/* What the people lexicon, the gazetteer and the word lists say of one form of the word. */
static void
add_lexicon (RasdNameFeatures *self,
             const char       *form,
             GHashTable       *seen)
{
  const GPtrArray *places;
  const RasdTitle *title;
  guint n_title = 0;
  guint flags;

#define FLAG(name) g_hash_table_add (seen, (gpointer) (name))
  if (rasd_people_lookup (self->people, form) != NULL)
    FLAG (rasd_people_is_short_form (self->people, form) ? "lex:person-short" : "lex:person");
  if (rasd_people_words_from (self->people, form) > 1)
    FLAG ("lex:person-start");
  if (rasd_people_is_first_name_core (self->people, form))
    FLAG ("lex:first-name");
  if (rasd_people_can_start_title (self->people, form))
    {
      const char *words[] = { form };

      title = rasd_people_match_title (self->people, words, 1, &n_title);
      if (title == NULL || n_title != 1)
        FLAG ("lex:title-start");
      else if (title->type != RASD_TITLE_REFERENCE)
        FLAG (title->type == RASD_TITLE_HONORIFIC ? "lex:honorific" :
              title->type == RASD_TITLE_TITLE || title->type == RASD_TITLE_RANK ? "lex:title" :
              "lex:role");
    }

  if ((places = rasd_gazetteer_lookup_core (self->gazetteer, form)) != NULL)
    for (guint i = 0; i < places->len; i++)
      {
        const RasdPlace *place = g_ptr_array_index (places, i);

        if (place->kind == RASD_PLACE_KIND_COUNTRY)
          FLAG ("lex:country");
        else if (place->kind == RASD_PLACE_KIND_SITE)
          FLAG ("lex:site");
        else if (rasd_gazetteer_get_capital (self->gazetteer, place->country) == place)
          FLAG ("lex:capital");
        else
          FLAG (place->population >= 1000000 ? "lex:city-1m" :
                place->population >= 100000 ? "lex:city-100k" : "lex:city");
      }
  if (rasd_gazetteer_words_from_core (self->gazetteer, form) > 1)
    FLAG ("lex:place-start");
  if (rasd_gazetteer_lookup_adjective_core (self->gazetteer, form) != NULL)
    FLAG ("lex:nationality");

  flags = GPOINTER_TO_UINT (g_hash_table_lookup (self->words, form));
  if (flags & WORD_ORG_NAME)
    FLAG ("lex:org");
  if (flags & WORD_ORG_HEAD)
    FLAG ("lex:org-head");
  if (flags & WORD_ORG_START)
    FLAG ("lex:org-start");
  if (flags & WORD_ORG_INSIDE)
    FLAG ("lex:org-inside");
  if (flags & WORD_TRIGGER)
    FLAG ("lex:trigger");
  if (flags & WORD_STOP)
    FLAG ("lex:stop");
  if (flags & WORD_COMMON)
    FLAG ("lex:common-place");
  if (flags & WORD_CUE_FIRST)
    FLAG ("cue:first");
  if (flags & WORD_CUE_LINK)
    FLAG ("cue:link");
  if (flags & WORD_CUE_ROLE)
    FLAG ("cue:role");
  if (flags & WORD_CUE_ORG)
    FLAG ("cue:org");
  if (flags & WORD_CUE_PLACE)
    FLAG ("cue:place");
  if (flags & WORD_ACT_FIRST)
    FLAG ("act:first");
  if (flags & WORD_ACT_OTHER)
    FLAG ("act:other");
  if (flags & WORD_ACT_ORG)
    FLAG ("act:org");
#undef FLAG
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

gboolean
rasd_name_features_knows_word (RasdNameFeatures *self,
                               const char       *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return self->hunspell != NULL && hunspell_knows (self->hunspell, key);
}

gboolean
rasd_name_features_is_first_cue (RasdNameFeatures *self,
                                 const char       *norm)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (norm != NULL, FALSE);

  return (GPOINTER_TO_UINT (g_hash_table_lookup (self->words, norm)) & WORD_CUE_FIRST) != 0;
}

guint
rasd_name_features_word (RasdNameFeatures *self,
                         const char       *key,
                         GString          *buffer,
                         GArray           *attrs)
{
  guint before = attrs->len;
  const char *shape;
  const char *forms[RASD_TOKEN_MAX_FORMS + 1];
  g_autofree char *form_buffer = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autofree const char **flags = NULL;
  guint n_forms, n_flags;
  const char *core;
  g_autofree char *norm = NULL;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  add (buffer, attrs, RASD_NAME_OFFSETS_ALL, "w=", key, -1);
  shape = shape_of (key);
  add (buffer, attrs, RASD_NAME_OFFSETS_ALL, "shape=", shape, -1);
  if (strcmp (shape, "arabic") != 0 && strcmp (shape, "arabic-punct") != 0)
    return attrs->len - before;

  norm = rasd_arabic_normalize (key, -1);
  if (strcmp (norm, key) != 0)
    add (buffer, attrs, RASD_NAME_OFFSETS_ALL, "n=", norm, -1);
  form_buffer = g_malloc (4 * strlen (norm) + 8);
  n_forms = rasd_token_proclitic_forms (norm, forms, form_buffer);
  core = forms[n_forms - 1];
  if (core != norm)
    add (buffer, attrs, RASD_NAME_OFFSETS_ALL, "c=", core, -1);
  /* the form without the article, which lexicons and names often lack */
  if (g_str_has_prefix (core, "ال") && g_utf8_strlen (core, -1) >= 4)
    {
      forms[n_forms++] = core + strlen ("ال");
      add (buffer, attrs, RASD_NAME_OFFSETS_ALL, "b=", core + strlen ("ال"), -1);
    }
  add_affixes (buffer, attrs, norm, "", RASD_NAME_OFFSETS_SELF, 4);
  add_ngrams (buffer, attrs, core);
  if (core != norm)
    add_affixes (buffer, attrs, core, "c", RASD_NAME_OFFSETS_SELF, 3);
  {
    glong n = g_utf8_strlen (core, -1);
    char len[8];

    g_snprintf (len, sizeof len, "%ld", MIN (n, 9));
    add (buffer, attrs, RASD_NAME_OFFSETS_SELF, "len=", len, -1);
  }

  if (self->hunspell != NULL)
    {
      gboolean known = hunspell_knows (self->hunspell, key);

      add (buffer, attrs, RASD_NAME_OFFSETS_ALL, known ? "hs:known" : "hs:unknown", NULL, 0);
    }

  seen = g_hash_table_new (rasd_str_hash, g_str_equal);
  for (guint f = 0; f < n_forms; f++)
    add_lexicon (self, forms[f], seen);
  /* in a fixed order, so that the same word always gives the same list */
  flags = (const char **) g_hash_table_get_keys_as_array (seen, &n_flags);
  qsort (flags, n_flags, sizeof *flags, compare_strings);
  for (guint i = 0; i < n_flags; i++)
    add (buffer, attrs, RASD_NAME_OFFSETS_ALL, flags[i], NULL, 0);
  return attrs->len - before;
}
