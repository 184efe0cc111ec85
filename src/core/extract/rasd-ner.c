#define G_LOG_DOMAIN "rasd-ner"

#include "config.h"

#include "rasd-ner-private.h"

#include <string.h>

#include "rasd-arabic.h"
#include "rasd-data.h"
#include "rasd-hash.h"
#include "rasd-rules.h"
#include "rasd-title-groups.h"

/* Rule-based names.  At each token, in this order: a known organisation or an organisation
 * head noun with its complement (وزارة الخارجية); a title or role, possibly chained and followed
 * by nationality adjectives and complements, then the name it introduces (from the lexicon, or
 * read as the unknown words up to the first word that cannot be part of a name); a person of the
 * lexicon; a first name followed by a name-like word; a place of the gazetteer; a nationality
 * adjective.  Titles that introduce no name (الرئيس الروسي، نظيره العراقي) are kept as roles and
 * resolved afterwards to the person of the article with that title and nationality.  Ambiguous
 * place names are resolved last, preferring the countries the article is about. */

#define MAX_NAME_WORDS 4
#define MAX_CHAIN 10


/* Verbs of saying and attribution: the person right after one is quoted, not acting. */
static const char * const speech_words[] = {
  "قال", "قالت", "اكد", "اكدت", "اضاف", "اضافت", "اوضح", "اوضحت", "اشار", "اشارت", "ذكر",
  "ذكرت", "صرح", "صرحت", "نقل", "نقلت", "اعلن", "اعلنت", "لفت", "لفتت", "شدد", "شددت", "اعتبر",
  "اعتبرت", "راي", "رات", "افاد", "افادت", "كشف", "كشفت", "بحسب", "حسب", "وفق", "وفقا", "عن",
  "تابع", "تابعت", "اعرب", "اعربت", "نفي", "نفت", "يقول", "تقول", "قوله", "ابلغ", "ابلغت",
  "اوردت", "اورد", "نسبت", NULL
};

/* Words that make the following adjective a role pointing at someone named elsewhere. */
static const char * const counterpart_words[] = {
  "نظير", "نظيره", "نظيرها", "نظيريه", "نظراءه", "ضيف", "ضيفه", "ضيفها", NULL
};

/* Generic nouns before a place name. */
const char * const rasd_ner_place_nouns[] = {
  "جمهوريه", "مملكه", "المملكه", "دوله", "اماره", "سلطنه", "مدينه", "العاصمه", "محافظه",
  "ولايه", "اقليم", "منطقه", "بلدة", "بلده", "قريه", "جزيره", NULL
};

/* Joining words inside names: بن، آل، عبد، ابو، دي... */
const char * const rasd_ner_name_links[] = {
  "بن", "ابن", "بنت", "ال", "ولد", "عبد", "ابو", "ابي", "دي", "دو", "دا", "فون", "فان", "لا",
  "ديل", "بو", NULL
};


/* Which of the short word lists of this file a word is in.  They are asked about at every
 * token: one lookup per form of a token, once, answers all of them. */

static GHashTable *word_lists_new (void);

static gboolean
load_set (GHashTable  *set,
          const char  *data_dir,
          const char  *relative,
          guint       *max_words,
          GHashTable  *second,
          const char  *second_type,
          GHashTable  *first_words,
          GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, relative, NULL);
  g_auto(GStrv) lines = rasd_data_read_lines (path, error);

  if (lines == NULL)
    return FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree char *norm = NULL;
      GHashTable *target = set;
      guint words = 1;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      norm = rasd_arabic_normalize (g_strstrip (cols[0]), -1);
      if (norm[0] == '\0')
        continue;
      if (second != NULL && cols[1] != NULL && strcmp (g_strstrip (cols[1]), second_type) == 0)
        target = second;
      for (const char *p = norm; *p != '\0'; p++)
        if (*p == ' ')
          words++;
      if (max_words != NULL)
        *max_words = MAX (*max_words, words);
      if (first_words != NULL)
        g_hash_table_add (first_words, g_strndup (norm, strcspn (norm, " ")));
      g_hash_table_add (target, g_steal_pointer (&norm));
    }
  return TRUE;
}

RasdNer *
rasd_ner_new (RasdPeople     *people,
              RasdGazetteer  *gazetteer,
              const char     *data_dir,
              GError        **error)
{
  g_autoptr(RasdNer) self = g_new0 (RasdNer, 1);

  self->people = people;
  self->gazetteer = gazetteer;
  self->stopwords = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  self->name_common = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  self->org_names = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  self->org_heads = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  self->common_places = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  self->never_places = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  self->org_first = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  self->word_lists = word_lists_new ();
  self->memo_owner = rasd_word_memos_new_owner ();

  if (!load_set (self->stopwords, data_dir, "people/stopwords.txt", NULL, NULL, NULL, NULL, error) ||
      !load_set (self->name_common, data_dir, "people/common-words-derived.txt", NULL, NULL, NULL,
                 NULL, error) ||
      /* a word that reports an event never starts or continues a name */
      !load_set (self->stopwords, data_dir, "events/triggers.tsv", NULL, NULL, NULL, NULL, error) ||
      !load_set (self->stopwords, data_dir, "events/triggers-forms.tsv", NULL, NULL, NULL, NULL, error) ||
      !load_set (self->org_names, data_dir, "people/organisations.tsv", &self->org_max_words,
                 self->org_heads, "head", self->org_first, error) ||
      !load_set (self->common_places, data_dir, "gazetteer/common-words.txt", NULL,
                 self->never_places, "never", NULL, error) ||
      !load_set (self->common_places, data_dir, "gazetteer/common-words-derived.txt", NULL, NULL,
                 NULL, NULL, error) ||
      !load_set (self->common_places, data_dir, "gazetteer/common-words-regional.txt", NULL, NULL,
                 NULL, NULL, error))
    return NULL;
  for (guint i = 0; speech_words[i] != NULL; i++)
    g_hash_table_add (self->stopwords, g_strdup (speech_words[i]));
  return g_steal_pointer (&self);
}

void
rasd_ner_free (RasdNer *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->stopwords, g_hash_table_unref);
  g_clear_pointer (&self->name_common, g_hash_table_unref);
  g_clear_pointer (&self->org_names, g_hash_table_unref);
  g_clear_pointer (&self->org_heads, g_hash_table_unref);
  g_clear_pointer (&self->org_first, g_hash_table_unref);
  g_clear_pointer (&self->word_lists, g_hash_table_unref);
  g_clear_pointer (&self->common_places, g_hash_table_unref);
  g_clear_pointer (&self->never_places, g_hash_table_unref);
  g_free (self);
}

RasdWordMemo **
rasd_ner_word_memos (RasdNer    *self,
                     RasdTokens *tokens)
{
  RasdWordMemos *memos = rasd_word_memos_begin (self->memo_owner);
  guint n = rasd_tokens_get_n_tokens (tokens);
  const RasdToken *array = rasd_tokens_get_tokens (tokens);
  RasdWordMemo **memo = g_new (RasdWordMemo *, n + 1);

  for (guint k = 0; k < n; k++)
    memo[k] = rasd_word_memos_get (memos, array[k].norm);
  memo[n] = rasd_word_memos_get (memos, "");
  return memo;
}

gboolean
rasd_ner_is_stopword (RasdNer    *self,
                      const char *norm)
{
  return g_hash_table_contains (self->stopwords, norm);
}

/* Per-run state -------------------------------------------------------------------------- */





/* What the lexicons say of a token.  The matchers ask the same questions of the same tokens
 * many times over (a hash lookup of a string each): each group is looked up once. */
typedef enum
{
  LEX_FIRST_WORD_READ = 1 << 0,
  LEX_FIRST_WORD      = 1 << 1,  /* the word as written is a known first name */
  LEX_FIRST_BARE_READ = 1 << 2,
  LEX_FIRST_BARE      = 1 << 3,  /* the word without its proclitics is one */
  LEX_STOP_READ       = 1 << 4,
  LEX_STOP_ANY        = 1 << 5,  /* one of its forms is a stop word */
  LEX_STOP_BARE       = 1 << 6,  /* its last form (no proclitics) is one */
  LEX_ORG_READ        = 1 << 7,
  LEX_ORG_FORM0       = 1 << 8,  /* its form 0, 1, 2, 3 (bits 8 to 11) begins an organisation */
  LEX_COMMON_READ     = 1 << 12,
  LEX_COMMON          = 1 << 13, /* as written, a word never part of a name */
} Lex;

const RasdToken *
tok (Run  *run,
     guint i)
{
  /* index the array of the tokens; anything else goes to the checked getter */
  if (G_LIKELY (i < run->n))
    return run->token_array + i;
  return rasd_tokens_get_token (run->tokens, i);
}

/* Whether a name cannot run on from token @i to token @i + 1: another sentence, or anything but
 * spaces between them (a comma, a bracket, a quote). */
gboolean
breaks_after (Run  *run,
              guint i)
{
  const RasdToken *a, *b;
  gboolean result = FALSE;

  if (i + 1 >= run->n)
    return TRUE;
  /* the matchers ask about the same gaps again and again: read each once */
  if (run->breaks[i] != 0)
    return run->breaks[i] - 1;
  a = tok (run, i);
  b = tok (run, i + 1);
  if (a->sentence != b->sentence)
    result = TRUE;
  /* any white space, the no-break space of web pages included; anything else breaks */
  for (const char *p = run->text + a->byte_end;
       !result && p < run->text + b->byte_start;
       p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200C && c != 0x200F && c != 0x200E)
        result = TRUE;
    }
  /* "جان-نويل بارو": a hyphen alone after a first name joins a compound first name */
  if (result && b->byte_start == a->byte_end + 1 && run->text[a->byte_end] == '-' &&
      is_first_name_at (run, i, FALSE) && RASD_RULE_IS (NER_HYPHENED_FIRST_NAME, TRUE))
    result = FALSE;
  run->breaks[i] = result + 1;
  return result;
}

/* The proclitic forms of token @i (the word itself first). */
guint
forms_of (Run          *run,
          guint         i,
          const char  **forms)
{
  RasdWordMemo *memo = run->memo[i];
  gsize need;
  guint n;

  /* every matcher asks for the forms of the same tokens, and articles repeat their words:
   * read them once per word */
  if (memo->n_forms > 0)
    {
      memcpy (forms, memo->forms, memo->n_forms * sizeof *forms);
      return memo->n_forms;
    }
  need = 4 * strlen (memo->word) + 8;
  if (need > run->buffer_size)
    {
      run->buffer = g_realloc (run->buffer, need);
      run->buffer_size = need;
    }
  n = rasd_token_proclitic_forms (memo->word, forms, run->buffer);
  for (guint f = 0; f < n; f++)
    {
      /* most forms are the end of the word itself, which the memo keeps; only a rewritten
       * one (للاسد → الاسد) lives in the buffer and needs a copy */
      if (forms[f] >= run->buffer && forms[f] < run->buffer + run->buffer_size)
        forms[f] = rasd_word_memos_intern (run->memos, forms[f]);
      memo->forms[f] = forms[f];
    }
  memo->n_forms = n;
  return n;
}

/* The word of token @i without proclitics (the last form). */
const char *
bare (Run         *run,
      guint        i,
      char        *buf,
      gsize        size)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n = forms_of (run, i, forms);

  /* the cached form itself when it fits: the copy would be the same string */
  if (strlen (forms[n - 1]) < size)
    return forms[n - 1];
  g_strlcpy (buf, forms[n - 1], size);
  return buf;
}

guint8
token_lists (Run  *run,
             guint i)
{
  if (!(run->memo[i]->lists & TOKEN_LISTS_READ))
    {
      const char *forms[RASD_TOKEN_MAX_FORMS];
      guint n = forms_of (run, i, forms);
      guint any = 0, word = 0, last = 0;

      for (guint f = 0; f < n; f++)
        {
          guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (run->ner->word_lists, forms[f]));

          any |= flags;
          if (f == 0)
            word = flags;
          if (f == n - 1)
            last = flags;
        }
      run->memo[i]->lists = TOKEN_LISTS_READ |
                            ((any & WORD_BUILDING) ? TOKEN_BUILDING : 0) |
                            ((last & WORD_COUNTERPART) ? TOKEN_COUNTERPART : 0) |
                            ((word & WORD_LINK) ? TOKEN_LINK : 0) |
                            ((last & WORD_SPEECH) ? TOKEN_SPEECH : 0);
    }
  return run->memo[i]->lists;
}

/* Whether token @i is a known first name, as written or (@bare_form) without its proclitics
 * (ومحمد).  Several matchers ask at every token: read each once. */
gboolean
is_first_name_at (Run      *run,
                  guint     i,
                  gboolean  bare_form)
{
  guint16 read = bare_form ? LEX_FIRST_BARE_READ : LEX_FIRST_WORD_READ;
  guint16 value = bare_form ? LEX_FIRST_BARE : LEX_FIRST_WORD;

  if (!(run->memo[i]->lex & read))
    {
      const char *forms[RASD_TOKEN_MAX_FORMS];
      guint n = forms_of (run, i, forms);
      const char *form = forms[bare_form ? n - 1 : 0];
      /* and the foreign first names the tagger's cue words list (كريستينا), unless read
       * from a word of the dictionary (وسام is no و + سام) */
      gboolean is = rasd_people_is_first_name (run->ner->people, form) ||
                    (run->tagger != NULL && rasd_name_tagger_is_first_cue (run->tagger, form) &&
                     (form == forms[0] ||
                      !rasd_name_tagger_knows_word (run->tagger, run->text + tok (run, i)->byte_start,
                                                    tok (run, i)->byte_end - tok (run, i)->byte_start) ||
                      !RASD_RULE_IS (NER_CUE_NOT_IN_WORD, TRUE)) &&
                     RASD_RULE_IS (NER_CUE_FIRST_NAME, TRUE));

      /* a word without proclitics is its own bare form: one answer for both */
      if (n == 1)
        run->memo[i]->lex |= LEX_FIRST_WORD_READ | LEX_FIRST_BARE_READ |
                             (is ? LEX_FIRST_WORD | LEX_FIRST_BARE : 0);
      else
        run->memo[i]->lex |= read | (is ? value : 0);
    }
  return (run->memo[i]->lex & value) != 0;
}

/* Whether token @i as written is a word that news never uses in a person's name (قوات، إعلان،
 * المقبل): a name the lexicon lacks does not run over it. */
gboolean
is_common_word (Run  *run,
                guint i)
{
  if (!(run->memo[i]->lex & LEX_COMMON_READ))
    run->memo[i]->lex |= LEX_COMMON_READ |
                         (g_hash_table_contains (run->ner->name_common, tok (run, i)->norm) ? LEX_COMMON : 0);
  return (run->memo[i]->lex & LEX_COMMON) != 0;
}

/* The stop words of token @i: LEX_STOP_ANY and LEX_STOP_BARE. */
static guint16
stop_flags (Run  *run,
            guint i)
{
  if (!(run->memo[i]->lex & LEX_STOP_READ))
    {
      const char *forms[RASD_TOKEN_MAX_FORMS];
      guint n = forms_of (run, i, forms);
      guint16 flags = LEX_STOP_READ;

      for (guint f = 0; f < n; f++)
        if (g_hash_table_contains (run->ner->stopwords, forms[f]))
          flags |= LEX_STOP_ANY | (f == n - 1 ? LEX_STOP_BARE : 0);
      run->memo[i]->lex |= flags;
    }
  return run->memo[i]->lex;
}

/* Whether a form of token @i is a stop word. */
gboolean
is_stop (Run  *run,
         guint i)
{
  return (stop_flags (run, i) & LEX_STOP_ANY) != 0;
}

/* Whether token @i without its proclitics is a stop word. */
static gboolean
is_stop_bare (Run  *run,
              guint i)
{
  return (stop_flags (run, i) & LEX_STOP_BARE) != 0;
}

/* "FORM w1 w2 ..." for tokens @i .. @i + @len - 1, the first written as @first. */
const char *
phrase (Run        *run,
        const char *first,
        guint       i,
        guint       len)
{
  g_string_assign (run->phrase, first);
  for (guint k = 1; k < len; k++)
    {
      g_string_append_c (run->phrase, ' ');
      g_string_append (run->phrase, tok (run, i + k)->norm);
    }
  return run->phrase->str;
}

/* How many tokens from @i can form one phrase: same sentence, no punctuation between. */
guint
span_limit (Run  *run,
            guint i,
            guint max)
{
  /* the tokens up to the next break, counted once for the run; at least 1, as before */
  return MAX (1, MIN (max, run->spans[i]));
}

/* A known name goes on over "بن X" and "آل X": محمد بن سلمان بن عبدالعزيز. */
static guint
extend_name (Run  *run,
             guint i,
             guint len)
{
  while (i + len + 1 < run->n && !breaks_after (run, i + len - 1) && !breaks_after (run, i + len))
    {
      const char *link = tok (run, i + len)->norm;

      if (strcmp (link, "بن") != 0 && strcmp (link, "ابن") != 0 && strcmp (link, "بنت") != 0 &&
          strcmp (link, "ال") != 0)
        break;
      if (is_stop (run, i + len + 1) || run->covered[i + len + 1])
        break;
      len += 2;
    }
  return len;
}

/* A lexicon person of two words or more written another way (الملك حسين بن طلال for الحسين بن
 * طلال, سيرجي for سيرغي): compared by rasd_people_variant(). */
static const RasdPerson *
match_person_variant (Run          *run,
                      guint         i,
                      const char  **forms,
                      guint         n_forms,
                      guint         limit,
                      guint        *len,
                      gboolean     *short_form)
{
  /* asked of the same token by several matchers, with the same answer: read it once; and a
   * name spelled otherwise still begins with a first name (حسين) or has a غ (سيرغي) */
  if (run->variant_none[i])
    return NULL;
  if (limit < 2 ||
      (!is_first_name_at (run, i, FALSE) && !is_first_name_at (run, i, TRUE) &&
       strstr (tok (run, i)->norm, "غ") == NULL))
    {
      run->variant_none[i] = TRUE;
      return NULL;
    }
  for (guint f = 0; f < n_forms; f++)
    {
      guint8 *cached = &run->memo[i]->variant_words[f];
      guint most;

      /* most tokens begin no name's variant: one lookup */
      if (*cached == 0)
        {
          g_string_truncate (run->variant, 0);
          rasd_people_variant_append (run->variant, forms[f]);
          g_string_truncate (run->variant, strcspn (run->variant->str, " "));
          *cached = MIN (rasd_people_variant_words_from (run->ner->people, run->variant->str), 254u) + 1;
        }
      most = *cached - 1;
      for (guint l = MIN (limit, most); l >= 2; l--)
        {
          const RasdPerson *person;

          g_string_truncate (run->variant, 0);
          rasd_people_variant_append (run->variant, forms[f]);
          for (guint k = 1; k < l; k++)
            rasd_people_variant_append (run->variant, tok (run, i + k)->norm);
          person = rasd_people_lookup_variant (run->ner->people, run->variant->str);
          if (person != NULL)
            {
              RASD_RULE (NER_SPELLING_VARIANT);
              *len = extend_name (run, i, l);
              *short_form = FALSE;
              return person;
            }
        }
    }
  run->variant_none[i] = TRUE;
  return NULL;
}

/* Words of descent inside a name: what follows is an ancestor's name, even a title word. */
const char * const rasd_ner_descent_links[] = { "بن", "ابن", "بنت", "ولد", NULL };

const RasdPerson *
match_person (Run   *run,
              guint  i,
              guint *len,
              gboolean *short_form)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n_forms = forms_of (run, i, forms);
  guint limit = span_limit (run, i, rasd_people_max_words (run->ner->people));

  guint most[RASD_TOKEN_MAX_FORMS];

  for (guint f = 0; f < n_forms; f++)
    {
      guint8 *cached = &run->memo[i]->person_words[f];

      /* asked of the same token by several matchers: look up once */
      if (*cached == 0)
        {
          guint words = rasd_people_words_from (run->ner->people, forms[f]);

          *cached = MIN (words, 254u) + 1;
        }
      most[f] = *cached - 1;
    }
  if (n_forms > 1 && most[0] > 0 && proclitic_before_hamza (run, i))
    {
      RASD_RULE (NER_HAMZA_PROCLITIC);
      most[0] = 0;
    }
  for (guint l = limit; l >= 1; l--)
    for (guint f = 0; f < n_forms; f++)
      {
        const char *p;
        const RasdPerson *person;

        if (l > most[f])
          continue;
        /* السوداني alone is the Sudanese, not the man of that surname */
        if (l == 1 && match_adjective (run, i) != NULL)
          continue;
        p = phrase (run, forms[f], i, l);
        person = rasd_people_lookup (run->ner->people, p);

        if (person != NULL && other_family (run, person, i, l))
          return NULL;
        if (person != NULL)
          {
            guint title_len = 0, longer = 0;
            gboolean longer_short = FALSE;

            *len = extend_name (run, i, l);
            *short_form = rasd_people_is_short_form (run->ner->people, p);
            /* "الشيخ مشعل الأحمد الجابر الصباح": an alias with its title (الشيخ مشعل الأحمد)
             * may stop short of the full name written after the title */
            if (l >= 2 && match_title (run, i, &title_len) != NULL && title_len == 1 &&
                match_person (run, i + 1, &longer, &longer_short) == person && 1 + longer > *len &&
                RASD_RULE_IS (NER_TITLED_ALIAS_SHORT, TRUE))
              {
                *len = 1 + longer;
                *short_form = longer_short;
              }
            return person;
          }
      }
  return match_person_variant (run, i, forms, n_forms, limit, len, short_form);
}

/* Whether a title may begin at token @i (a form too long for match_title()'s copies is looked
 * at the slow way, as before).  Most words begin none; several matchers ask at the same token. */
gboolean
may_start_title (Run  *run,
                 guint i)
{
  if (run->memo[i]->title_start == 0)
    {
      const char *forms[RASD_TOKEN_MAX_FORMS];
      guint n_forms = forms_of (run, i, forms);
      gboolean any = FALSE;

      for (guint f = 0; f < n_forms && !any; f++)
        any = strlen (forms[f]) >= 256 || rasd_people_can_start_title (run->ner->people, forms[f]);
      run->memo[i]->title_start = any + 1;
    }
  return run->memo[i]->title_start - 1;
}

/* "وفد برئاسة X": who heads a delegation. */
static const char * const headed_by[] = { "برياسه", "وبرياسه", "يراسه", "تراسه", NULL };  /* normalised */

const RasdTitle *
match_title (Run   *run,
             guint  i,
             guint *len)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n_forms;
  guint limit;
  const char *words[8];
  char copies[RASD_TOKEN_MAX_FORMS][256];

  /* most words begin no title: skip the phrases; after a link of descent a title word is
   * the ancestor's name (محمد ولد الشيخ سالم) */
  if (!may_start_title (run, i) ||
      (i > 0 && !breaks_after (run, i - 1) && in_list (rasd_ner_descent_links, tok (run, i - 1)->norm) &&
       RASD_RULE_IS (NER_TITLE_IN_NAME, TRUE)))
    {
      *len = 0;
      return NULL;
    }
  n_forms = forms_of (run, i, forms);
  limit = span_limit (run, i, 8);
  for (guint f = 0; f < n_forms; f++)
    g_strlcpy (copies[f], forms[f], sizeof copies[f]);
  for (guint k = 1; k < limit; k++)
    words[k] = tok (run, i + k)->norm;
  for (guint f = 0; f < n_forms; f++)
    {
      const RasdTitle *title;

      words[0] = copies[f];
      title = rasd_people_match_title (run->ner->people, words, limit, len);
      if (title != NULL)
        return title;
    }
  return NULL;
}

const char *
match_adjective (Run  *run,
                 guint i)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n_forms;

  /* asked at most tokens, some more than once: read each once */
  if (run->memo[i]->adjective_read)
    return run->memo[i]->adjective;
  run->memo[i]->adjective_read = TRUE;
  run->memo[i]->adjective = NULL;
  n_forms = forms_of (run, i, forms);
  for (guint f = 0; f < n_forms; f++)
    {
      const char *country = NULL;

      if (rasd_gazetteer_lookup_adjective (run->ner->gazetteer, forms[f], &country) != NULL)
        {
          run->memo[i]->adjective = country;
          return country;
        }
    }
  return NULL;
}

static guint
match_org (Run  *run,
           guint i)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n_forms = forms_of (run, i, forms);
  guint limit = span_limit (run, i, MAX (run->ner->org_max_words, 1));
  gboolean starts[RASD_TOKEN_MAX_FORMS];
  gboolean any = FALSE;
  char buf[256];

  if (!(run->memo[i]->lex & LEX_ORG_READ))
    {
      guint16 flags = LEX_ORG_READ;

      for (guint f = 0; f < n_forms; f++)
        if (g_hash_table_contains (run->ner->org_first, forms[f]))
          flags |= LEX_ORG_FORM0 << f;
      run->memo[i]->lex |= flags;
    }
  for (guint f = 0; f < n_forms; f++)
    any |= starts[f] = (run->memo[i]->lex & (LEX_ORG_FORM0 << f)) != 0;
  if (!any)
    return 0;
  for (guint l = limit; l >= 1; l--)
    for (guint f = 0; f < n_forms; f++)
      {
        const char *p;

        if (!starts[f])
          continue;
        p = phrase (run, forms[f], i, l);

        /* one word right after a place is the place's adjective: مصر العربية is no العربية
         * (the channel) */
        if (g_hash_table_contains (run->ner->org_names, p) &&
            !(l == 1 && i > 0 && !breaks_after (run, i - 1) &&
              rasd_gazetteer_lookup (run->ner->gazetteer, tok (run, i - 1)->norm) != NULL))
          {
            RASD_RULE (NER_ORG);
            return l;
          }
        if (g_hash_table_contains (run->ner->org_heads, p) && l < limit)
          {
            /* the head takes the definite words after it: وزارة الخارجية السعودية; not a
             * title that begins someone's name (وزارة الصحة الدكتور X) */
            guint k = i + l;
            guint taken = 0, n_title = 0;

            while (k < i + limit && taken < 3 && !is_stop (run, k) &&
                   has_prefix (bare (run, k, buf, sizeof buf), "ال") &&
                   match_title (run, k, &n_title) == NULL &&
                   /* إلمار is a foreign name's first letters, not the article */
                   !hamza_alif_lam (run, k))
              {
                k++;
                taken++;
              }
            if (taken > 0)
              {
                RASD_RULE (NER_ORG);
                return k - i;
              }
          }
      }
  return 0;
}

gboolean
is_name_link (Run  *run,
              guint i)
{
  return (token_lists (run, i) & TOKEN_LINK) != 0;
}

/* Whether token @i is the first name علي, written with ي before a known first name or بن
 * ("علي صالح العمير"), not the preposition على, which normalises the same (a stop word). */
static gboolean
name_ali (Run  *run,
          guint i)
{
  const RasdToken *t = tok (run, i);

  if (t->byte_end - t->byte_start != strlen ("علي") ||
      strncmp (run->text + t->byte_start, "علي", strlen ("علي")) != 0 ||
      i + 1 >= run->n || breaks_after (run, i))
    return FALSE;
  return (is_first_name_at (run, i + 1, FALSE) || is_name_link (run, i + 1)) &&
         RASD_RULE_IS (NER_NAME_ALI, TRUE);
}

/* "الدكتور بدران بن عبدالرحمن العمر": after a title, a name of three words or more whose
 * second is بن and third a known first name is a name, though its first word is one neither
 * the lexicon nor the tagger knows. */
static gboolean
named_by_descent (Run  *run,
                  guint j,
                  guint n_name)
{
  return n_name >= 3 && in_list (rasd_ner_descent_links, tok (run, j + 1)->norm) &&
         is_first_name_at (run, j + 2, FALSE) && RASD_RULE_IS (NER_NAMED_BY_DESCENT, TRUE);
}

/* Whether token @j, a word with ال after بن and the father's name and no title or
 * nationality, is the family name: "خالد بن محمد العطية" ends in one, which ends in ة as often
 * as any noun (the caller has checked it is no word of every day). */
static gboolean
family_after_father (Run  *run,
                     guint j)
{
  guint len = 0;

  if (match_title (run, j, &len) != NULL || match_adjective (run, j) != NULL)
    return FALSE;
  return RASD_RULE_IS (NER_FAMILY_AFTER_FATHER, TRUE);
}

/* Whether token @i is written with a hamza on alif after its first letter: اليأس (despair)
 * normalises to the name الياس, which is written without one. */
static gboolean
medial_hamza (Run  *run,
              guint i)
{
  const RasdToken *t = tok (run, i);
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n = forms_of (run, i, forms);
  const char *p = run->text + t->byte_start;

  /* after the proclitics (وألكسندر), each one letter of two bytes as written and normalised */
  if (has_suffix (t->norm, forms[n - 1]))
    p += strlen (t->norm) - strlen (forms[n - 1]);
  p = g_utf8_next_char (p);

  for (; p < run->text + t->byte_end; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x0623 /* أ */)
      return TRUE;
  return FALSE;
}

/* شهر رمضان، لشهر شعبان: whether token @i follows "month", so is a month's name. */
gboolean
after_month_word (Run  *run,
                  guint i)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n_forms;

  if (i == 0 || breaks_after (run, i - 1))
    return FALSE;
  n_forms = forms_of (run, i - 1, forms);
  for (guint f = 0; f < n_forms; f++)
    if (strcmp (forms[f], "شهر") == 0)
      return RASD_RULE_IS (NER_MONTH_NOT_NAME, TRUE);
  return FALSE;
}

/* Reads an unknown name from token @i: up to MAX_NAME_WORDS words that are not stop words,
 * joined by name links, ending after a word with ال (a family name: سامي الخطيب).  Returns
 * the number of words, 0 when @i cannot start a name. */
guint
read_unknown_name (Run  *run,
                   guint i)
{
  guint k = 0;
  guint compounds = 0;  /* words after عبد: عبد الله is one name */
  guint links = 0;      /* بن، آل...: a chain of fathers is one name (سلطان بن محمد بن سلطان آل نهيان) */
  gboolean first_is_bare = FALSE;  /* the first word is read without its proclitics */
  char buf[256];

  while (i + k < run->n && k - compounds - links < MAX_NAME_WORDS)
    {
      const RasdToken *t = tok (run, i + k);
      const char *word;
      gboolean after_abd, is_link;

      if (k > 0 && breaks_after (run, i + k - 1))
        break;
      if ((t->flags & RASD_TOKEN_ARABIC) == 0 || run->covered[i + k])
        break;
      /* شعبان المقبل، رمضان 1436هـ: a date, no name */
      if (run->dated != NULL && run->dated[i + k])
        {
          RASD_RULE (NER_DATE_NOT_NAME);
          break;
        }
      if (k == 0 && after_month_word (run, i))
        return 0;
      word = k == 0 ? bare (run, i, buf, sizeof buf) : t->norm;
      /* a first name as written is not a proclitic and a word: فيصل, not ف + يصل; nor is a
       * word before بن and a known first name (بدران بن عبدالرحمن) */
      if (k == 0 && strcmp (word, t->norm) != 0 &&
          (is_first_name_at (run, i, FALSE) || run->as_written == i + 1 ||
           (i + 2 < run->n && !breaks_after (run, i) && !breaks_after (run, i + 1) &&
            in_list (rasd_ner_descent_links, tok (run, i + 1)->norm) && is_first_name_at (run, i + 2, FALSE) &&
            RASD_RULE_IS (NER_NAMED_BY_DESCENT, TRUE))))
        word = t->norm;
      if (k == 0)
        {
          first_is_bare = strcmp (word, t->norm) != 0;
          /* a name takes no preposition (بجدة is a place), and a word that begins like a
           * present-tense verb (يعقد) is one unless it is a known first name */
          if (first_is_bare &&
              (!has_prefix (t->norm, "و") || !is_first_name_at (run, i, TRUE)))
            return 0;
          if ((has_prefix (word, "ي") || has_prefix (word, "ت")) &&
              !is_first_name_at (run, i, first_is_bare))
            {
              RASD_RULE (NER_VERB_NOT_NAME);
              return 0;
            }
          /* a place is no name, unless a known first name (جمال); places of fewer than three
           * letters are not read (لي) */
          if (g_utf8_strlen (word, -1) >= 3 && rasd_gazetteer_lookup (run->ner->gazetteer, word) != NULL &&
              !is_first_name_at (run, i, first_is_bare))
            return 0;
          /* a word of every day (إثر، إعلان), or a verb in the past of a woman or of several
           * (رحبت، أكدت), begins no name unless it is a known first name (حكمت) */
          if (!is_first_name_at (run, i, first_is_bare) &&
              ((!first_is_bare && is_common_word (run, i)) || has_suffix (word, "ت")))
            {
              RASD_RULE (NER_COMMON_NOT_NAME);
              return 0;
            }
        }
      /* عبد الله، عبد الرحمن: the word after عبد is the rest of one name, whatever it looks like */
      after_abd = k > 0 && strcmp (tok (run, i + k - 1)->norm, "عبد") == 0;
      if (after_abd)
        {
          RASD_RULE (NER_ABD_COMPOUND);
          compounds++;
        }
      /* after بن the father's name, whatever it reads as: بن علي is no بن + على */
      else if (k > 0 && !is_first_name_at (run, i + k, FALSE) && !is_name_link (run, i + k) &&
               !is_name_link (run, i + k - 1))
        {
          guint title_len = 0;
          /* a word with ال after بن and the father's name stands where a family name does
           * ("خالد بن محمد العطية"، "محمد بن عبدالرحمن العمر") */
          gboolean after_father = k >= 2 && has_prefix (t->norm, "ال") &&
                                  in_list (rasd_ner_descent_links, tok (run, i + k - 2)->norm);

          /* ووزير، لقوات: a conjunction or preposition starts something else (ويدودو does not) */
          if ((has_prefix (t->norm, "و") && !waw_inside_name (run, i + k, k)) || has_prefix (t->norm, "لل") ||
              has_prefix (t->norm, "بال"))
            break;
          /* ... even a word of every day, where the tagger reads it in the same name (العمر) */
          if (is_common_word (run, i + k) &&
              !(after_father && tagged_inside_person (run, i + k) &&
                RASD_RULE_IS (NER_COMMON_FAMILY_NAME, TRUE)))
            {
              RASD_RULE (NER_COMMON_NOT_NAME);
              break;
            }
          /* بجهود، لدعم: a preposition on a word of every day joins no name */
          if ((has_prefix (t->norm, "ب") || has_prefix (t->norm, "ل")) &&
              g_hash_table_contains (run->ner->name_common, t->norm + strlen ("ب")))
            {
              RASD_RULE (NER_COMMON_NOT_NAME);
              break;
            }
          /* words ending in ة or ت are nouns and verbs far more often than names (دعوة،
           * أصبحت، عشرات), but a family name after a known first name may end in ة (ناصر
           * جودة) */
          if (has_suffix (t->norm, "ت") ||
              (has_suffix (t->norm, "ه") && !(k == 1 && is_first_name_at (run, i, first_is_bare)) &&
               !(after_father && family_after_father (run, i + k)) &&
               /* ... or a third one the tagger reads in the name, the name's end (محمد مختار جمعة) */
               !(k == 2 && is_first_name_at (run, i, first_is_bare) && tagged_inside_person (run, i + k) &&
                 (i + k + 1 >= run->n || breaks_after (run, i + k) || is_stop (run, i + k + 1)) &&
                 RASD_RULE_IS (NER_FAMILY_IN_TA, TRUE))))
            break;
          if (match_title (run, i + k, &title_len) != NULL)
            break;
        }
      /* a stop word (the word itself is one of the forms is_stop() looks at); one letter */
      if ((k > 0 ? is_stop (run, i + k) && !is_name_link (run, i + k - 1) :
           first_is_bare ? is_stop_bare (run, i) :
           g_hash_table_contains (run->ner->stopwords, word) && !name_ali (run, i)) ||
          word[0] == '\0' || *g_utf8_next_char (word) == '\0')
        break;
      /* a nationality ends a name (محمد المصري is محمد and an adjective), but not a father's
       * name after بن (بن تركي) */
      if (k > 0 && !is_name_link (run, i + k - 1) && match_adjective (run, i + k) != NULL)
        break;
      k++;
      /* a family name ends the name; a first name may begin with ال too (الكسندر، الياس), and
       * so does the rest of عبد الرحمن */
      is_link = k == 1 && first_is_bare ? in_list (rasd_ner_name_links, word) : is_name_link (run, i + k - 1);
      /* ... unless a link follows: الحسين بن طلال */
      if (has_prefix (word, "ال") && !is_link && !after_abd && !hamza_alif_lam (run, i + k - 1) &&
          (k > 1 || i + k >= run->n || breaks_after (run, i) || !is_name_link (run, i + 1)))
        {
          /* "محمد ولد الشيخ أحمد": a title word after a link of descent is an ancestor's
           * name, and the first name after it goes with it */
          if (k >= 2 && in_list (rasd_ner_descent_links, tok (run, i + k - 2)->norm) &&
              may_start_title (run, i + k - 1) && i + k < run->n && !breaks_after (run, i + k - 1) &&
              is_first_name_at (run, i + k, FALSE))
            {
              RASD_RULE (NER_TITLE_IN_NAME);
              continue;
            }
          gboolean first_name = k == 1 && is_first_name_at (run, i, first_is_bare);

          if (first_name && medial_hamza (run, i))
            RASD_RULE (NER_MEDIAL_HAMZA);
          if (!first_name || medial_hamza (run, i))
            {
              /* "جابر المبارك الحمد الصباح": a Gulf name runs on over more family names where
               * the tagger reads them as one name */
              if (k >= 2 && family_goes_on (run, i + k))
                continue;
              break;
            }
        }
      if (is_link)
        {
          links++;
          continue;
        }
    }
  /* a name does not end on a link word */
  while (k > 0 && is_name_link (run, i + k - 1))
    k--;
  return k;
}

static int
person_entity (Run              *run,
               const RasdPerson *person)
{
  return rasd_extraction_add_entity (run->out, RASD_ENTITY_PERSON, person->key, person->name_ar,
                                     person->name_en, person->country);
}

int
unknown_person_entity (Run  *run,
                       guint first,
                       guint n_tokens)
{
  g_autofree char *surface = NULL;
  g_autofree char *norm = NULL;
  g_autofree char *key = NULL;
  const RasdToken *a = tok (run, first);
  const RasdToken *b = tok (run, first + n_tokens - 1);
  const RasdPerson *person;
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint f = forms_of (run, first, forms) - 1;
  gsize skip;
  gsize start = a->byte_start;

  /* the form without و، ب، ل: ف and ك begin names (فيكتور، كمال) far more often than they are
   * joined to one */
  while (f > 0 && (g_strstr_len (a->norm, strlen (a->norm) - strlen (forms[f]), "ف") != NULL ||
                   g_strstr_len (a->norm, strlen (a->norm) - strlen (forms[f]), "ك") != NULL))
    f--;
  skip = strlen (a->norm) - strlen (forms[f]);
  /* ب or ل alone before a word no first name is the name's own letter: باربرا is no ب +
   * اربرا (بأحمد is ب + أحمد) */
  if (skip == strlen ("ب") && (has_prefix (a->norm, "ب") || has_prefix (a->norm, "ل")) &&
      !is_first_name_at (run, first, TRUE) && RASD_RULE_IS (NER_NAME_LETTER_KEPT, TRUE))
    skip = 0;
  /* drop the proclitics of the first word from the written name too: each is one letter of
   * two bytes in both forms */
  if (skip > 0 && !is_first_name_at (run, first, FALSE) &&
      (!has_prefix (forms[f], "ال") ||
       (is_first_name_at (run, first, TRUE) && has_suffix (a->norm, forms[f]))))
    start += skip;
  surface = g_strndup (run->text + start, b->byte_end - start);
  norm = rasd_arabic_normalize (surface, -1);
  /* another spelling of a listed person is that person: across articles too */
  if ((person = rasd_people_lookup_near (run->ner->people, norm)) != NULL)
    {
      RASD_RULE (NER_NEAR_SPELLING);
      return person_entity (run, person);
    }
  key = g_strconcat ("name:", norm, NULL);
  return rasd_extraction_add_entity (run->out, RASD_ENTITY_PERSON, key, surface, NULL, NULL);
}

/* The one person named so far whose first name is token @i (without its proclitics), or -1. */
static int
person_by_first_name (Run  *run,
                      guint i)
{
  char buf[256];
  const char *word = bare (run, i, buf, sizeof buf);
  gsize len = strlen (word);
  int found = -1;

  for (guint p = 0; p < run->persons->len; p++)
    {
      int entity = g_array_index (run->persons, PersonInfo, p).entity;
      const char *norm = g_array_index (run->persons, PersonInfo, p).norm;

      if (strncmp (norm, word, len) != 0 || norm[len] != ' ')
        continue;
      if (found >= 0 && found != entity)
        return -1;
      found = entity;
    }
  if (found >= 0)
    RASD_RULE (NER_FIRST_NAME_OF);
  return found;
}

/* The entity of lexicon person @person matched at token @i (@len tokens), @short_form when by a
 * short form: "كرزاي" after "حكمت خليل كرزاي" is the Karzai the article named in full, not the
 * lexicon's. */
static int
matched_person_entity (Run              *run,
                       const RasdPerson *person,
                       gboolean          short_form,
                       guint             i,
                       guint             len)
{
  if (short_form && len == 1)
    {
      int named = person_by_last_name (run, i);

      if (named >= 0 && strcmp (rasd_extraction_get_entity (run->out, named)->key, person->key) != 0)
        return RASD_RULE_IS (NER_SHORT_FORM_NAMED, named);
    }
  return person_entity (run, person);
}

gboolean
after_speech_word (Run  *run,
                   guint i)
{
  /* قال الرئيس، وقال وزير الخارجية: the verb comes right before the title or name; allow one
   * word between for "وقال أيضا" */
  static const char * const that[] = { "ان", "بان", NULL };

  for (guint back = 1; back <= 2 && back <= i; back++)
    {
      if (breaks_after (run, i - back) && back == 1)
        return FALSE;
      if (token_lists (run, i - back) & TOKEN_SPEECH)
        return TRUE;
      /* "وأضاف أن شكري سيتوجه": after أن the report's subject, not its speaker */
      if (back == 1 && in_list (that, tok (run, i - 1)->norm) && RASD_RULE_IS (NER_THAT_NOT_SPEAKER, TRUE))
        return FALSE;
    }
  return FALSE;
}

static void
add_org (Run  *run,
         guint first,
         guint len)
{
  const RasdToken *a = tok (run, first), *b = tok (run, first + len - 1);
  g_autofree char *surface = g_strndup (run->text + a->byte_start, b->byte_end - a->byte_start);
  g_autofree char *norm = rasd_arabic_normalize (surface, -1);
  g_autofree char *key = g_strconcat ("org:", norm, NULL);
  int entity = rasd_extraction_add_entity (run->out, RASD_ENTITY_ORGANISATION, key, surface,
                                           NULL, NULL);

  add_name (run, RASD_MENTION_ORGANISATION, entity, first, len, first, 0, -1, TRUE);
}


static gboolean
role_is_known (Run        *run,
               const char *title,
               const char *country)
{
  if (country != NULL)
    {
      g_autofree char *key = rasd_title_role_key (title, country);

      return g_hash_table_contains (run->known_roles, key);
    }
  for (guint p = 0; p < run->persons->len; p++)
    {
      PersonInfo *info = &g_array_index (run->persons, PersonInfo, p);

      if (g_strcmp0 (info->country, country) == 0 && info->title != NULL &&
          same_head (info->title, title))
        return TRUE;
    }
  return FALSE;
}

/* Whether a person the article has named has a title with the head of @title (الأمير for
 * أمير), wherever he is of. */
static gboolean
title_head_named (Run        *run,
                  const char *title)
{
  for (guint p = 0; p < run->persons->len; p++)
    {
      PersonInfo *info = &g_array_index (run->persons, PersonInfo, p);

      if (info->title != NULL && same_head (info->title, title))
        return TRUE;
    }
  return FALSE;
}

/* Buildings and institutions named after people: مطار الملك خالد، كنيسة السيدة مريم، جامعة
 * الملك سعود.  The name after them is the building's, not a person in the news. */
static const char * const building_words[] = {
  "مطار", "كنيسه", "مسجد", "جامع", "جامعه", "مدرسه", "مستشفي", "شارع", "ميدان", "قاعه",
  "مدينه", "مركز", "مجمع", "قاعده", "جسر", "حي", "برج", "قصر", "جايزه", "كليه", "مكتبه",
  "مطارات", "مستشفيات", NULL
};

gboolean
names_a_building (Run  *run,
                  guint i)
{
  if (i == 0 || breaks_after (run, i - 1))
    return FALSE;
  /* any form: كنيسة is not ك + نيسة */
  return (token_lists (run, i - 1) & TOKEN_BUILDING) != 0;
}

gboolean
is_spokesperson_title (const char *title)
{
  return title != NULL && (strstr (title, "باسم") != NULL || strstr (title, "المتحدث") != NULL ||
                           strstr (title, "الناطق") != NULL);
}

/* Common words that may still qualify a role: المدير العام، المبعوث الخاص، المنظمات الدولية */
static const char * const role_complements[] = {
  "العام", "العامه", "الخاص", "الخاصه", "الدولي", "الدوليه", "الاممي", "الامميه", "السابق",
  "السابقه", "الاسبق", "الراحل", "الراحله", NULL
};

/* Titles of those posted to a place: سفير، قنصل، مندوب. */
static gboolean
is_posting_title (const char *title)
{
  return strstr (title, "سفير") != NULL || strstr (title, "قنصل") != NULL ||
         strstr (title, "مندوب") != NULL;
}

/* Whether a person the article has named holds @title (its head, or a title his lexicon name
 * begins with), of a country other than @country. */
static gboolean
held_elsewhere (Run        *run,
                const char *title,
                const char *country)
{
  for (guint p = 0; p < run->persons->len; p++)
    {
      const PersonInfo *info = &g_array_index (run->persons, PersonInfo, p);

      if (info->country == NULL || g_strcmp0 (info->country, country) == 0)
        continue;
      if ((info->title != NULL && same_head (info->title, title)) ||
          (info->name_title != NULL && same_head (info->name_title, title)))
        return TRUE;
    }
  return FALSE;
}

/* Whether no token of [@from, @to) has the article (ال after its proclitics, or لل). */
static gboolean
indefinite_words (Run  *run,
                  guint from,
                  guint to)
{
  static const char * const definite[] = { "ال", "بال", "وال", "فال", "كال", "لل", "وبال", "ولل", NULL };

  for (guint k = from; k < to; k++)
    for (guint d = 0; definite[d] != NULL; d++)
      if (has_prefix (tok (run, k)->norm, definite[d]))
        return FALSE;
  return TRUE;
}

/* The text of @title as matched over @len tokens from @i: an open role (وزير + a definite noun)
 * is the minister of that noun, not any minister (وزير الثقافة is not وزير الدفاع). */
const char *
title_text (Run             *run,
            const RasdTitle *title,
            guint            i,
            guint            len)
{
  /* جلالة الملك is, as an office, الملك: الملك alone later is the man titled so */
  if (title->office != title->text && RASD_RULE_IS (NER_TITLE_WITHOUT_HONORIFIC, TRUE))
    return title->office;
  if (len != 2 || strchr (title->text, ' ') != NULL || title->type == RASD_TITLE_HONORIFIC)
    return title->text;
  g_string_printf (run->phrase, "%s %s", title->text, tok (run, i + 1)->norm);
  return g_string_chunk_insert_const (run->form_strings, run->phrase->str);
}

/* The title a lexicon person's name of @len tokens at @i begins with ("الملك سلمان بن عبد
 * العزيز" is one of the King's names): what "الملك" alone stands for later; NULL when none or an
 * honorific. */
static const char *
title_in_name (Run  *run,
               guint i,
               guint len)
{
  guint n_title = 0;
  const RasdTitle *title = len >= 2 ? match_title (run, i, &n_title) : NULL;

  if (title == NULL || n_title >= len || title->type == RASD_TITLE_HONORIFIC)
    return NULL;
  return title_text (run, title, i, n_title);
}

/* Whether the two words from token @i are no place and one at least a word the dictionary
 * does not know, as in a foreign name (أنالينا بيربوك): after a title and its country (وزيرة
 * خارجية ألمانيا), its organisation (زعيم حزب الشعب الجمهوري) or where it serves (سفير اليابان
 * لدى المملكة) they are the name where the tagger, which rarely saw a name right after a place
 * or an organisation, reads none. */
static gboolean
foreign_name_at (Run  *run,
                 guint i)
{
  guint unknown = 0;

  if (run->tagger == NULL || i + 1 >= run->n)
    return FALSE;
  for (guint k = i; k < i + 2; k++)
    {
      const RasdToken *t = tok (run, k);

      if (rasd_gazetteer_lookup (run->ner->gazetteer, t->norm) != NULL)
        return FALSE;
      if (!rasd_name_tagger_knows_word (run->tagger, run->text + t->byte_start, t->byte_end - t->byte_start))
        unknown++;
    }
  return unknown >= 1 && RASD_RULE_IS (NER_FOREIGN_AFTER_PLACE, TRUE);
}

/* The places of a title chain from @from to @to that ends in a name (أمير قطر، وزير خارجية
 * كندا): mentions too, of the title (RASD_NER_OF_TITLE), not where anyone is. */
static void
read_title_places (Run  *run,
                   guint from,
                   guint to)
{
  for (guint k = from; k < to; k++)
    if (run->in_title[k] && !run->covered[k])
      {
        guint words = scan_place (run, k);  /* once: MAX () would read the place twice */

        k += MAX (words, 1) - 1;
      }
}

/* A title or role at @i: follows the chain of titles, adjectives and complements to the name,
 * if any.  Returns the tokens consumed (0 when there is no title). */
static guint
scan_title (Run  *run,
            guint i)
{
  guint len = 0;
  const RasdTitle *title = match_title (run, i, &len);
  const RasdTitle *last = title;
  const char *last_text;
  const char *country = NULL;
  guint flags = RASD_NER_TITLED;
  guint j, steps = 0, first_len, role_end, title_end;
  gboolean speaks_for, nationality_read = FALSE;
  gboolean then_other = FALSE;  /* another's role follows this one's (ner.role-then-other) */
  guint org_end = 0;            /* the token after an organisation the chain read */
  guint posting_end = 0;        /* the token after a complement of the role (لدى المملكة) */
  gboolean local = FALSE;       /* the country is a city's or a region's (أمير منطقة الرياض) */
  guint country_at = 0;         /* the token of the nationality adjective, when one was read */
  char buf[256];

  if (title == NULL)
    return 0;
  last_text = title_text (run, title, i, len);
  if (is_spokesperson_title (title->text))
    flags |= RASD_NER_SPOKESPERSON;
  /* الناطقة باسم غوتيريش ليلى حداد: the first name is whom the spokesperson speaks for */
  speaks_for = has_suffix (title->text, "باسم");
  j = i + len;
  first_len = len;
  role_end = j;
  title_end = j;  /* the token after the last title of the chain */

  while (j < run->n && steps++ < MAX_CHAIN && !breaks_after (run, j - 1))
    {
      const RasdTitle *next;
      const RasdPerson *person;
      const char *adj;
      const char *word;
      gboolean short_form = FALSE, by_father;
      guint plen = 0, n_name;

      if (run->covered[j])
        break;
      /* a known person first: الرئيس التونسي قيس سعيد */
      person = match_person (run, j, &plen, &short_form);
      if (person != NULL && derived_place (run, person, j, plen))
        person = NULL;
      if (person != NULL && speaks_for && j == i + first_len)
        {
          /* whom a spokesperson speaks for speaks too: not a party in this sentence */
          RASD_RULE (NER_SPOKES_PRINCIPAL);
          add_name (run, RASD_MENTION_PERSON, person_entity (run, person), j, plen, j,
                    RASD_NER_SPEAKER, -1, TRUE);
          speaks_for = FALSE;
          j += plen;
          role_end = j;
          continue;
        }
      if (person != NULL)
        {
          int entity = matched_person_entity (run, person, short_form, j, plen);

          RASD_RULE (NER_TITLE_PERSON);
          add_name (run, RASD_MENTION_PERSON, entity, j, plen, i,
                    flags | (principal_of_envoy (run, i) ? RASD_NER_PRINCIPAL : 0) |
                    (named_for (run, i) ? RASD_NER_NAMED_FOR : 0),
                    -1, TRUE);
          note_person (run, entity, last->type != RASD_TITLE_HONORIFIC ? last_text : NULL, country);
          note_name_title (run, entity, title_in_name (run, j, plen));
          read_title_places (run, i, j);
          return j + plen - i;
        }
      /* whom a spokesperson speaks for, when not a person: الناطق باسم الكرملين */
      if (speaks_for && j == i + first_len && person == NULL && match_org (run, j) == 0)
        {
          j++;
          continue;
        }
      /* an organisation as complement: مبعوث الأمم المتحدة، المتحدث باسم وزارة الخارجية */
      if ((len = match_org (run, j)) > 0)
        {
          add_org (run, j, len);
          j += len;
          org_end = j;
          continue;
        }
      next = match_title (run, j, &len);
      /* "مدير جامعة الملك سعود": a title after a building's or an institution's noun is of
       * whom it is named after, and the name is the body's, the role's complement */
      if (next != NULL && j > i + first_len && names_a_building (run, j))
        {
          RASD_RULE (NER_BUILDING_NAME);
          j += MAX (skip_building_name (run, j), 1);
          org_end = j;
          continue;
        }
      /* "كما استقبل سمو أمير القصيم مدير شرطة المنطقة"، "وحمّل جلالة الملك المفدى الوزير
       * الأردني": after an honorific, a role with a complement (a place, a body, an epithet),
       * the role of a man the article has named, another role begins someone else */
      if (next != NULL && (next->type == RASD_TITLE_ROLE || next->type == RASD_TITLE_REFERENCE) && j > title_end &&
          ((title->type == RASD_TITLE_HONORIFIC && last != title) || title->type == RASD_TITLE_TITLE) &&
          title_head_named (run, last_text))
        {
          RASD_RULE (NER_ROLE_THEN_OTHER);
          then_other = TRUE;
          break;
        }
      /* "استقبال الرئيس المصري لصاحب السمو الأمير"، "لقاء المسؤول الأمريكي برئيس الوزراء":
       * with ل or ب a title begins someone else, to or with whom the role did something
       * (لشؤون، للأمم المتحدة are the role's complements) */
      if (next != NULL && (has_prefix (tok (run, j)->norm, "ل") || has_prefix (tok (run, j)->norm, "ب")) &&
          !has_prefix (tok (run, j)->norm, "لل") &&
          !rasd_people_can_start_title (run->ner->people, tok (run, j)->norm))
        {
          RASD_RULE (NER_TITLE_TO_OTHER);
          break;
        }
      /* "ورافق خادم الحرمين الشريفين سمو أمير الكويت": after a title, an honorific and
       * the titles after it that no name follows begin someone else (after "نائب أمير
       * المنطقة صاحب السمو الأمير" his name follows) */
      if (next != NULL && next->type == RASD_TITLE_HONORIFIC && last->type != RASD_TITLE_HONORIFIC &&
          !name_after_titles (run, j) && RASD_RULE_IS (NER_HONORIFIC_BEGINS_OTHER, TRUE))
        break;
      /* "الرئيس المصري والوزير الأردني"، "استقبل العاهل الأردني الوزير التركي": after a
       * nationality, a title joined by و, or one of another nationality, is someone else's */
      if (next != NULL && nationality_read &&
          (has_prefix (tok (run, j)->norm, "و") ||
           (j + len < run->n && !breaks_after (run, j + len - 1) &&
            (adj = match_adjective (run, j + len)) != NULL && g_strcmp0 (adj, country) != 0)))
        {
          RASD_RULE (NER_TITLE_AND_OTHER);
          break;
        }
      /* "ووقع البابا وشيخ الأزهر": a lone title of a rank (البابا، الملك، الأمير), then one
       * joined by و, are two men (an office and another with و are one: رئيس الوزراء ووزير
       * الخارجية) */
      if (next != NULL && j == i + first_len && last == title && title->type == RASD_TITLE_TITLE &&
          has_prefix (tok (run, j)->norm, "و") && RASD_RULE_IS (NER_TITLE_AND_TITLE, TRUE))
        break;
      /* "وبعد ذلك استقبل الملك رئيس الوزراء الباكستاني X": a title whose holder the article
       * has named, of another country than the next title's nationality, is his role, and
       * the next title someone else's */
      if (next != NULL && !nationality_read && j == i + first_len && last == title &&
          title->type != RASD_TITLE_HONORIFIC && j + len < run->n && !breaks_after (run, j + len - 1) &&
          (adj = match_adjective (run, j + len)) != NULL && held_elsewhere (run, last_text, adj) &&
          RASD_RULE_IS (NER_HELD_TITLE_THEN_OTHER, TRUE))
        break;
      if (next != NULL)
        {
          if (next->type != RASD_TITLE_HONORIFIC)
            {
              last = next;
              last_text = title_text (run, next, j, len);
            }
          j += len;
          role_end = j;
          title_end = j;
          continue;
        }
      adj = match_adjective (run, j);
      if (adj != NULL)
        {
          if (country == NULL)
            {
              country = adj;
              country_at = j;
            }
          count_country (run->countries, adj);
          j++;
          role_end = j;
          nationality_read = TRUE;
          continue;
        }
      word = bare (run, j, buf, sizeof buf);
      /* a first name as written is no proclitic and a word: فيصل is no ف + يصل (a verb) */
      if (strcmp (word, tok (run, j)->norm) != 0 && is_first_name_at (run, j, FALSE))
        {
          RASD_RULE (NER_FIRST_NAME_WHOLE);
          word = tok (run, j)->norm;
        }
      /* complements of the role: للأمم المتحدة، إلى سوريا، باسم الكرملين، الخاص */
      if (strcmp (word, "الي") == 0 || strcmp (word, "لدي") == 0 ||
          strcmp (word, "باسم") == 0 || strcmp (word, "عن") == 0 ||
          /* where a diplomat serves: سفير اليابان في عمّان */
          (strcmp (word, "في") == 0 && is_posting_title (last->text)))
        {
          j += 2;
          posting_end = j;
          continue;
        }
      /* where a diplomat serves said (سفير هولندا لدى المملكة), a word neither the dictionary
       * nor the lexicons know, with or without its first letter, begins his name as written
       * (لورينس is no ل + ورينس) */
      if (j == posting_end && strcmp (word, tok (run, j)->norm) != 0 && unknown_as_written (run, j, word))
        {
          run->as_written = j + 1;
          word = tok (run, j)->norm;
        }
      /* genitives and coordinated complements: لشؤون المنظمات، والمؤتمرات الدولية */
      {
        const char *raw = tok (run, j)->norm;

        if ((has_prefix (raw, "ل") && strcmp (raw, word) != 0) ||
            has_prefix (raw, "وال") || has_prefix (raw, "لل"))
          {
            j++;
            continue;
          }
      }
      /* "بالمملكة الأردنية الهاشمية"، "بالجمهورية الفرنسية": a state's noun before its
       * adjective, which gives the role its country */
      if (has_prefix (word, "ال") && in_list (rasd_ner_place_nouns, word + strlen ("ال")) &&
          j + 1 < run->n && !breaks_after (run, j) && match_adjective (run, j + 1) != NULL &&
          RASD_RULE_IS (NER_STATE_NOUN_ADJECTIVE, TRUE))
        {
          j++;
          continue;
        }
      /* أمير المنطقة الشرقية: a place of several words right after the title is the title's */
      if (j == title_end && has_prefix (word, "ال"))
        {
          guint words = place_words_at (run, j);

          if (words >= 2 && j + words < run->n)
            {
              RASD_RULE (NER_TITLE_PLACE);
              for (guint k = j; k < j + words; k++)
                run->in_title[k] = TRUE;
              j += words;
              continue;
            }
        }
      if (has_prefix (word, "ال") && g_hash_table_contains (run->ner->stopwords, word) == FALSE &&
          !rasd_people_is_first_name (run->ner->people, word) &&
          /* أليكسيس is no complement (ألمانيا is) */
          !(strcmp (word, tok (run, j)->norm) == 0 && rasd_gazetteer_lookup (run->ner->gazetteer, word) == NULL &&
            hamza_alif_lam (run, j)) &&
          /* الأمير الحسين بن عبد الله: a name, not a complement of the title */
          (j + 1 >= run->n || breaks_after (run, j) || !is_name_link (run, j + 1)))
        {
          const GPtrArray *places = rasd_gazetteer_lookup (run->ner->gazetteer, word);

          /* "ويزور المبعوث الأممي الرياض": after a word with ال (no construct) a place is
           * no complement of the title but what follows it */
          if (places != NULL && places->len > 0 && j > i && has_prefix (tok (run, j - 1)->norm, "ال") &&
              strcmp (tok (run, j - 1)->norm, "الي") != 0 && RASD_RULE_IS (NER_PLACE_AFTER_DEFINITE, TRUE))
            break;
          /* a country or city as complement: رئيس إقليم كردستان، أمير الكويت */
          if (places != NULL && places->len > 0)
            {
              const RasdPlace *place = g_ptr_array_index (places, 0);
              if (country == NULL)
                {
                  country = place->country;
                  local = place->kind != RASD_PLACE_KIND_COUNTRY;
                }
              /* right after the title, the place is the title's (بابا الفاتيكان), not where
               * anyone goes; so after a state's noun there (رئيس جمهورية السنغال) */
              if (j == title_end ||
                  (j == title_end + 1 && in_list (rasd_ner_place_nouns, tok (run, j - 1)->norm)))
                {
                  RASD_RULE (NER_TITLE_PLACE);
                  run->in_title[j] = TRUE;
                }
            }
          j++;
          continue;
        }
      if (in_list (role_complements, word))
        {
          j++;
          continue;
        }
      /* أمير دولة قطر، رئيس جمهورية مصر العربية: the noun of a state before its name */
      if (in_list (rasd_ner_place_nouns, word) && j + 1 < run->n && !breaks_after (run, j) &&
          rasd_gazetteer_words_from (run->ner->gazetteer, tok (run, j + 1)->norm) > 0)
        {
          j++;
          continue;
        }
      if (g_hash_table_contains (run->ner->stopwords, word) && !name_ali (run, j))
        break;
      {
        /* the word as written first: كازاخستان is no ك + ازاخستان */
        const GPtrArray *places = rasd_gazetteer_lookup (run->ner->gazetteer, tok (run, j)->norm);

        if (places == NULL)
          places = rasd_gazetteer_lookup (run->ner->gazetteer, word);
        /* رئيس وزراء الهند، أمير قطر، أمير دولة قطر، وزير خارجية كندا (an open role of two
         * words): the place is the title's and its country the role's */
        if (places != NULL && places->len > 0 && !is_first_name_at (run, j, FALSE) &&
            (j == i + 1 || (j == i + first_len && strchr (title->text, ' ') == NULL) ||
             (j == i + 2 && in_list (rasd_ner_place_nouns, tok (run, j - 1)->norm))))
          {
            RASD_RULE (NER_TITLE_PLACE);
            if (country == NULL)
              {
                country = ((const RasdPlace *) g_ptr_array_index (places, 0))->country;
                local = ((const RasdPlace *) g_ptr_array_index (places, 0))->kind != RASD_PLACE_KIND_COUNTRY;
              }
            run->in_title[j] = TRUE;
            j++;
            continue;
          }
      }
      /* الرئيس الروسي + words: when the article has already named the Russian president, the
       * words are not his name but what follows the role (سيزور الرئيس الفرنسي مدنا عدة) */
      if (country != NULL && last->type != RASD_TITLE_HONORIFIC && role_is_known (run, last_text, country))
        {
          RASD_RULE (NER_ROLE_KNOWN);
          break;
        }
      /* "الدكتور مساعد بن محمد": no name begins with بن, so the title word before it is the
       * first name (names do begin with عبد، أبو: رئيس الجمهورية عبد اللطيف) */
      n_name = read_unknown_name (run, j);
      run->as_written = 0;
      by_father = n_name <= 1 && named_by_father (run, j);
      if (by_father)
        n_name = 3;
      if (n_name >= 2 && j > i && j == title_end && in_list (rasd_ner_descent_links, tok (run, j)->norm))
        {
          RASD_RULE (NER_TITLE_WORD_NAME);
          j--;
          n_name++;
        }
      /* "وجدد الوزير شكري تأكيد": the family name of a person named before ends the name
       * there, unless a name link goes on (الأمير عبدالله بن مساعد) or a first name begins
       * three words or more (أحمد عوض بن مبارك after محمد ولد الشيخ أحمد) */
      if (n_name >= 2 && !in_list (rasd_ner_name_links, tok (run, j + 1)->norm) &&
          !(n_name >= 3 && is_first_name_at (run, j, FALSE)) && person_by_last_name (run, j) >= 0)
        n_name = 1;
      /* the tagger must see a person in the words the rules read; where its name begins is
       * not taken (it misses first names that read as verbs or nouns: حكمت، صدقي).  Two words
       * or more after a role that begin with a known first name are the lexicon's evidence
       * enough: the tagger misses names after a long chain of roles it rarely saw. */
      {
        guint first = j;
        guint n_tagged = tagged_person (run, j, n_name, &first);

        if (n_tagged == 0 && !by_father && !(n_name >= 2 && is_first_name_at (run, j, FALSE)) &&
            !(n_name >= 2 && j > i + first_len &&
              (run->in_title[j - 1] || org_end + 1 >= j || posting_end == j || (nationality_read && j == role_end)) &&
              foreign_name_at (run, j)) &&
            !named_by_descent (run, j, n_name))
          n_name = 0;
        if (n_name >= 2)
          n_name = trim_to_tagged (run, j, n_name, first, n_tagged);
        else if (n_tagged > 0 && first == j)
          n_name = extend_to_tagged (run, j, n_name);
      }
      /* one unknown word after a role is too often a word (زعيم مخضرم): a lone name must be a
       * known first name */
      if (n_name > 0 && (n_name >= 2 || is_first_name_at (run, j, FALSE) || is_first_name_at (run, j, TRUE)))
        {
          /* "الأمير خالد" after "الأمير خالد بن فهد": the one person of the article of that
           * first name */
          int entity = n_name == 1 ? person_by_first_name (run, j) : -1;

          if (entity < 0 && n_name == 1 &&
              !(j + 1 < run->n && in_list (rasd_ner_name_links, tok (run, j + 1)->norm)))
            entity = person_by_last_name (run, j);

          if (entity < 0)
            entity = unknown_person_entity (run, j, n_name);

          RASD_RULE (NER_TITLE_NAME);
          add_name (run, RASD_MENTION_PERSON, entity, j, n_name, i, flags, -1, TRUE);
          note_person (run, entity, last->type != RASD_TITLE_HONORIFIC ? last_text : NULL, country);
          read_title_places (run, i, j);
          return j + n_name - i;
        }
      if (n_name == 1)
        RASD_RULE (NER_TITLE_WORD);
      break;
    }

  /* no name: a role that may stand for someone named elsewhere.  Only its first title is
   * consumed, so that what the chain skipped (إلى جمهورية مصر العربية) is read again.  The
   * places of a diplomat's title are his country and his post (سفير اليابان في عمّان), not where
   * anyone is; other chains may run on into where one goes (ولي العهد إلى مصر). */
  if (is_posting_title (last->text) && i + first_len < j)
    {
      RASD_RULE (NER_POSTING_PLACES);
      for (guint k = i + first_len; k < MIN (j, run->n); k++)
        run->in_title[k] = TRUE;
    }
  /* a rank alone is a common noun: "جماهير الفريق" are the team's */
  if (last->type == RASD_TITLE_RANK)
    RASD_RULE (NER_RANK_NO_ROLE);
  /* "أول لقاء يجمعه برئيس أمريكي": a title and its nationality with no article are any such
   * man, no role of someone */
  else if (country_at > i && !run->in_title[i] && indefinite_words (run, i, country_at + 1) &&
           RASD_RULE_IS (NER_INDEFINITE_ROLE, TRUE))
    ;
  else if (last->type != RASD_TITLE_HONORIFIC)
    {
      RASD_RULE (NER_TITLE_ROLE);
      RoleRef role = { i, MIN (j - i, role_end - i), tok (run, i)->sentence, last_text, country, FALSE, j,
                       last->type == RASD_TITLE_REFERENCE, local };
      g_array_append_val (run->roles, role);
    }
  /* what the chain read is this role's, up to the other's */
  return then_other ? j - i : first_len;
}

void
rasd_word_flags_add (GHashTable         *table,
                     const char * const *words,
                     guint               flag)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (table, words[i]));

      g_hash_table_insert (table, (gpointer) words[i], GUINT_TO_POINTER (flags | flag));
    }
}

static GHashTable *
word_lists_new (void)
{
  GHashTable *table = g_hash_table_new (rasd_str_hash, g_str_equal);

  rasd_word_flags_add (table, building_words, WORD_BUILDING);
  rasd_word_flags_add (table, counterpart_words, WORD_COUNTERPART);
  rasd_word_flags_add (table, rasd_ner_name_links, WORD_LINK);
  rasd_word_flags_add (table, speech_words, WORD_SPEECH);
  return table;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const RasdNerName *na = a, *nb = b;

  return (na->first_token > nb->first_token) - (na->first_token < nb->first_token);
}

GArray *
rasd_ner_run (RasdNer        *self,
              const char     *text,
              RasdTokens     *tokens,
              RasdWordMemo  **memo,
              gboolean        roles,
              const guint8   *dated,
              RasdNameTagger *tagger,
              RasdExtraction *out)
{
  Run run = { 0 };
  g_autofree gboolean *covered = NULL;
  g_autoptr(GArray) persons = g_array_new (FALSE, FALSE, sizeof (PersonInfo));
  g_autoptr(GHashTable) person_index = NULL;
  g_autoptr(GHashTable) known_roles = NULL;
  g_autoptr(GArray) role_refs = g_array_new (FALSE, FALSE, sizeof (RoleRef));
  g_autoptr(GArray) places = g_array_new (FALSE, FALSE, sizeof (PlaceRef));
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) phrase_buf = g_string_new (NULL);

  run.ner = self;
  run.dated = dated;
  run.tagger = tagger;
  run.text = text;
  run.tokens = tokens;
  run.out = out;
  run.n = rasd_tokens_get_n_tokens (tokens);
  run.token_array = rasd_tokens_get_tokens (tokens);
  run.covered = covered = g_new0 (gboolean, run.n + 1);
  run.memos = rasd_word_memos_current ();
  run.memo = memo;
  run.form_strings = g_string_chunk_new (4096);
  run.breaks = g_new0 (guint8, run.n + 1);
  run.spans = g_new0 (guint, run.n + 1);
  for (guint k = run.n; k-- > 0;)
    run.spans[k] = breaks_after (&run, k) ? 1 : 1 + run.spans[k + 1];
  run.variant_none = g_new0 (guint8, run.n + 1);
  run.variant = g_string_new (NULL);
  run.in_title = g_new0 (guint8, run.n + 1);
  run.names = g_array_new (FALSE, FALSE, sizeof (RasdNerName));
  run.persons = persons;
  run.person_index = person_index = g_hash_table_new (NULL, NULL);
  run.known_roles = known_roles = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  run.roles = role_refs;
  run.places = places;
  run.countries = countries;
  run.phrase = phrase_buf;

  for (guint i = 0; i < run.n;)
    {
      const RasdPerson *person;
      guint len = 0;
      gboolean short_form = FALSE, by_descent = FALSE;

      if (run.covered[i] || (tok (&run, i)->flags & RASD_TOKEN_ARABIC) == 0)
        {
          i++;
          continue;
        }
      if ((len = match_org (&run, i)) > 0)
        {
          add_org (&run, i, len);
          i += len;
          continue;
        }
      if ((len = skip_building_name (&run, i)) > 0)
        {
          RASD_RULE (NER_BUILDING_NAME);
          i += len;
          continue;
        }
      if ((len = scan_title (&run, i)) > 0)
        {
          i += len;
          continue;
        }
      if ((len = scan_counterpart (&run, i)) > 0)
        {
          i += len;
          continue;
        }
      if ((len = scan_dual_role (&run, i)) > 0)
        {
          i += len;
          continue;
        }
      person = match_person (&run, i, &len, &short_form);
      if (person != NULL && derived_place (&run, person, i, len))
        person = NULL;
      if (person != NULL && (!short_form || !has_prefix (person->key, "up:")))
        {
          int entity = matched_person_entity (&run, person, short_form, i, len);

          RASD_RULE (NER_LEXICON_PERSON);
          add_name (&run, RASD_MENTION_PERSON, entity, i, len, i,
                    (after_speech_word (&run, i) ? RASD_NER_SPEAKER : 0) |
                    (principal_of_envoy (&run, i) ? RASD_NER_PRINCIPAL : 0) |
                    (named_for (&run, i) ? RASD_NER_NAMED_FOR : 0),
                    -1, TRUE);
          note_person (&run, entity, NULL, NULL);
          note_name_title (&run, entity, title_in_name (&run, i, len));
          i += len;
          continue;
        }
      if ((is_first_name_at (&run, i, TRUE) || is_first_name_at (&run, i, FALSE) ||
           (by_descent = first_of_descent (&run, i))) &&
          !breaks_after (&run, i) && !sentence_and_verb (&run, i))
        {
          guint first = i, n_tagged = 0;
          guint n_name = read_unknown_name (&run, i);

          /* إسلام أباد is a city, not a man named إسلام */
          if (n_name >= 2 && place_words_at (&run, i) >= n_name)
            {
              RASD_RULE (NER_PLACE_NOT_NAME);
              n_name = 0;
            }
          /* with no title before it, the tagger must read a name of two words beginning here
           * (else the next word may begin one); after برئاسة ("headed by") a name is the cue's
           * evidence enough, as after a title */
          if (n_name >= 2 && !by_descent && !(i > 0 && in_list (headed_by, tok (&run, i - 1)->norm) &&
                                              RASD_RULE_IS (NER_HEADED_BY, TRUE)) &&
              ((n_tagged = tagged_person (&run, i, n_name, &first)) < 2 || first != i))
            {
              RASD_RULE (NER_UNTAGGED_NOT_NAME);
              n_name = 0;
            }
          if (n_name >= 2)
            n_name = trim_to_tagged (&run, i, n_name, first, n_tagged);
          if (n_name >= 2)
            {
              int entity = unknown_person_entity (&run, i, n_name);

              RASD_RULE (NER_FIRST_NAME);
              add_name (&run, RASD_MENTION_PERSON, entity, i, n_name, i,
                        (after_speech_word (&run, i) ? RASD_NER_SPEAKER : 0) |
                        (named_for (&run, i) ? RASD_NER_NAMED_FOR : 0), -1, TRUE);
              note_person (&run, entity, NULL, NULL);
              i += n_name;
              continue;
            }
        }
      if ((len = scan_apposition (&run, i)) > 0)
        {
          i += len;
          continue;
        }
      if ((len = scan_place (&run, i)) > 0)
        {
          i += len;
          continue;
        }
      {
        const char *country = match_adjective (&run, i);

        if (country != NULL)
          {
            g_autofree char *key = g_strconcat ("country:", country, NULL);
            const RasdPlace *place = rasd_gazetteer_get_place (self->gazetteer, key);

            count_country (countries, country);
            RASD_RULE (NER_ADJECTIVE);
            if (place != NULL)
              add_name (&run, RASD_MENTION_PLACE, rasd_extraction_add_place (run.out, place), i, 1, i,
                        RASD_NER_ADJECTIVE, -1, FALSE);
          }
      }
      i++;
    }

  /* a titled person flagged as speaker: وقال الرئيس الكيني وليام روتو */
  for (guint k = 0; k < run.names->len; k++)
    {
      RasdNerName *name = &g_array_index (run.names, RasdNerName, k);

      if (name->kind == RASD_MENTION_PERSON && name->title_token != name->first_token &&
          after_speech_word (&run, name->title_token))
        name->flags |= RASD_NER_SPEAKER;
      if (name->kind == RASD_MENTION_PERSON && (name->flags & RASD_NER_SPEAKER))
        RASD_RULE (NER_SPEAKER);
    }

  add_tagged_people (&run);
  counterpart_titles (&run);
  merge_person_variants (&run);
  merge_short_forms (&run);
  find_surnames (&run);
  resolve_places (&run);
  resolve_kingdom (&run);
  if (roles)
    resolve_roles (&run);

  /* "شكري: المحادثات بناءة": a name before a colon is who speaks, as in a headline */
  for (guint k = 0; k < run.names->len; k++)
    {
      RasdNerName *name = &g_array_index (run.names, RasdNerName, k);
      const char *p;

      if (name->kind != RASD_MENTION_PERSON)
        continue;
      p = text + tok (&run, name->first_token + name->n_tokens - 1)->byte_end;
      while (*p == ' ')
        p++;
      if (*p == ':')
        {
          RASD_RULE (NER_COLON_SPEAKER);
          name->flags |= RASD_NER_SPEAKER;
        }
    }

  g_array_sort (run.names, compare_names);
  g_free (run.buffer);
  g_free (run.breaks);
  g_free (run.spans);
  g_free (run.variant_none);
  g_string_free (run.variant, TRUE);
  g_free (run.in_title);
  g_free (run.tagged);
  g_string_chunk_free (run.form_strings);
  return run.names;
}
