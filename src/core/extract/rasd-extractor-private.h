#pragma once

#include <string.h>

#include "rasd-event-index.h"
#include "rasd-extractor.h"
#include "rasd-gazetteer.h"
#include "rasd-mention-index.h"
#include "rasd-name-tagger.h"
#include "rasd-ner.h"
#include "rasd-people.h"
#include "rasd-tokens.h"

G_BEGIN_DECLS

/* What rasd-extractor.c (triggers, clauses, candidates, merging them into events) and
 * rasd-extractor-places.c (where each event happened) share: the extractor, the state of one
 * extraction and the helpers both ask. */

typedef enum
{
  TENSE_NONE,
  TENSE_PAST,
  TENSE_PRESENT,
  TENSE_FUTURE,
} Tense;

typedef struct
{
  const char *kind;   /* interned */
  const char *cameo;  /* interned */
  gboolean    verb;
  gboolean    motion;  /* a noun of going (التوجه): a visit only with إلى and a place after it */
  Tense       tense;
} Trigger;

struct _RasdExtractor
{
  GObject        parent_instance;

  RasdPeople    *people;
  RasdGazetteer *gazetteer;
  gboolean       own_gazetteer;
  RasdNer       *ner;
  RasdNameTagger *name_tagger;
  GStringChunk  *strings;
  GHashTable    *triggers;  /* normalised form → Trigger* */
  GHashTable    *plurals;   /* normalised plural trigger nouns (لقاءات) → their kind */
  GHashTable    *marker_words; /* word of the marker lists → Mark flags of those it is in */
  Trigger        by_phone[2][TENSE_FUTURE + 1];  /* a call, by verb or noun and tense */
};

typedef struct
{
  RasdExtractor   *self;
  const char      *text;
  RasdTokens      *tokens;
  const RasdToken *token_array;   /* rasd_tokens_get_tokens() */
  guint            n_tokens;
  RasdExtraction  *out;
  GArray          *names;   /* RasdNerName */
  GArray          *dates;   /* RasdDateMention */
  RasdDate         publication;
  GHashTable      *spokespeople;  /* entity + 1 of everyone named as a spokesperson */
  int              dateline_place; /* entity, or -1 */
  const RasdPlace *byline_place;   /* the city of the byline given apart from the text, or NULL */
  const Trigger  **triggers;      /* per token: its trigger, once read */
  RasdWordMemo   **memo;          /* per token: its word's memo (trigger, Mark flags) */
  guint8          *triggers_read; /* per token: whether triggers[] holds it */
  guint8          *date_begins;   /* per token: whether a date mention begins in it */
  guint8          *place_begins;  /* per token: PLACE_BEGINS when a place name begins at it,
                                   * PLACE_GOES_ON when one goes on over it */
  /* what keeps an extraction linear in the article's length (a transcript is one article) */
  RasdMentionIndex *mentions;        /* the names of a sentence, the dates of a clause */
  RasdEventIndex  *events_by_people; /* the events a candidate may be merged with */
  GHashTable      *city_of_country;  /* country entity + 1 → only_city_of() + 2 */
  char             buffer[1024];
} Context;

enum
{
  PLACE_BEGINS = 1,
  PLACE_GOES_ON = 2,
};

/* Which of the marker word lists (rasd-extractor.c) token @i is in, itself or without its
 * proclitics. */
typedef enum
{
  MARK_ATTENDANCE = 1 << 0,
  MARK_FUTURE     = 1 << 1,
  MARK_PAST       = 1 << 2,
  MARK_WHERE       = 1 << 3,
  MARK_CONTRAST    = 1 << 4,
  MARK_CONTINUE    = 1 << 5,
  MARK_TIME_CLAUSE = 1 << 6,
  MARK_BETWEEN     = 1 << 7,
  MARK_HABITUAL    = 1 << 8,
  MARK_SINCE       = 1 << 9,
  MARK_THAT        = 1 << 10,
  MARK_THEN        = 1 << 11,
  MARK_BEFORE      = 1 << 12,
  MARK_RELATION    = 1 << 13,
  MARK_READ        = 1 << 15,
} Mark;

typedef struct
{
  guint           sentence;
  guint           trigger_token;
  gboolean        implicit_subject;  /* "التقى مع X": who met X is said elsewhere */
  gboolean        tour_leg;          /* one place of "جولة شملت مصر والأردن" */
  int             follows;           /* a حيث clause: the candidate of the clause before, or -1 */
  gboolean        habitual;          /* "عدة مرات"، "بانتظام" in its clause */
  const Trigger  *trigger;
  GArray         *participants;  /* int entity */
  int             place;         /* entity or -1 */
  RasdDate        date;
  gboolean        date_stated;   /* from a date in the sentence (not the publication) */
  RasdEventRole   role;
} Candidate;

static inline const RasdToken *
token (Context *ctx,
       guint    i)
{
  /* index the array of the tokens; anything else goes to the checked getter */
  if (G_LIKELY (i < ctx->n_tokens))
    return ctx->token_array + i;
  return rasd_tokens_get_token (ctx->tokens, i);
}

/* The word of token @i without its proclitics, or NULL when too long to look at. */
static inline const char *
bare_word (Context *ctx,
           guint    i)
{
  const char *norm = token (ctx, i)->norm;
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n;

  if (4 * strlen (norm) + 8 > sizeof ctx->buffer)
    return norm;
  n = rasd_token_proclitic_forms (norm, forms, ctx->buffer);
  return forms[n - 1];
}

/* "استقبله"، "التقاها"، "زاره": @form of @word as a verb of meeting, receiving or visiting
 * with an object pronoun, the trigger of the verb alone (التقاه is التقى + ه); NULL for
 * anything else, and for nouns (لقاءه is in the lexicon as it is). */
static inline const Trigger *
trigger_with_object (Context    *ctx,
                     const char *word,
                     const char *form)
{
  static const char * const pronouns[] = { "هما", "هم", "ها", "ه", NULL };
  gsize len = strlen (form);

  for (guint p = 0; pronouns[p] != NULL; p++)
    {
      gsize plen = strlen (pronouns[p]);
      char stem[64];
      const Trigger *trigger;

      /* three letters at least before the pronoun (two bytes each) */
      if (len < plen + 6 || len - plen >= sizeof stem || strcmp (form + len - plen, pronouns[p]) != 0)
        continue;
      memcpy (stem, form, len - plen);
      stem[len - plen] = '\0';
      /* التقا + ه: the verb's final ى is written ا before a pronoun */
      if (g_str_has_suffix (stem, "ا"))
        memcpy (stem + len - plen - strlen ("ا"), "ي", strlen ("ي"));
      trigger = g_hash_table_lookup (ctx->self->triggers, stem);
      if (trigger == NULL || !trigger->verb)
        return NULL;
      /* meeting, receiving, visiting (زار، يزور): not وصله (news reached him), not هاتفه (his
       * telephone), not وزارتها (her ministry, no و + زارتها) */
      if (strcmp (trigger->kind, "meeting") == 0 || strcmp (trigger->kind, "reception") == 0 ||
          (strcmp (trigger->kind, "visit") == 0 && !g_str_has_prefix (word, "وزار") &&
           (strstr (stem, "زار") != NULL || strstr (stem, "زور") != NULL)))
        return trigger;
      return NULL;
    }
  return NULL;
}

/* The noun trigger of @form with the pronoun of two: قمتهما (قمة)، لقاؤهما (لقاء); NULL for
 * any other word. */
static inline const Trigger *
noun_of_two (Context    *ctx,
             const char *form)
{
  gsize len = strlen (form), plen = strlen ("هما");
  char stem[64];
  const Trigger *trigger;

  if (len < plen + 6 || len - plen + 1 >= sizeof stem || !g_str_has_suffix (form, "هما"))
    return NULL;
  memcpy (stem, form, len - plen);
  stem[len - plen] = '\0';
  /* the ة of the noun is written ت before a pronoun */
  if (g_str_has_suffix (stem, "ت"))
    memcpy (stem + len - plen - strlen ("ت"), "ه", strlen ("ه"));
  trigger = g_hash_table_lookup (ctx->self->triggers, stem);
  return trigger != NULL && !trigger->verb && !trigger->motion ? trigger : NULL;
}

/* Whether token @i's word ends in ة as written (a diacritic may follow it). */
static inline gboolean
ends_in_ta_marbuta (Context *ctx,
                    guint    i)
{
  const RasdToken *t = token (ctx, i);
  gsize from = t->byte_end - MIN (t->byte_end - t->byte_start, 8);

  return g_strstr_len (ctx->text + from, t->byte_end - from, "ة") != NULL;
}

/* Whether token @i's trigger (trigger_at(), read before) is a verb with an object pronoun. */
static inline gboolean
trigger_has_object (Context *ctx,
                    guint    i)
{
  return ctx->triggers[i] != NULL && ctx->memo[i]->trigger == NULL &&
         ctx->triggers[i] == ctx->memo[i]->object_trigger;
}

static inline const Trigger *
trigger_at (Context *ctx,
            guint    i)
{
  RasdWordMemo *memo;

  /* the clause splitter and the event finder ask about the same tokens: read each once, and
   * each word once per thread */
  if (ctx->triggers_read[i])
    return ctx->triggers[i];
  ctx->triggers_read[i] = TRUE;
  memo = ctx->memo[i];
  if (!memo->trigger_read)
    {
      const char *forms[RASD_TOKEN_MAX_FORMS];
      const Trigger *trigger = NULL;

      memo->trigger_read = TRUE;
      if (4 * strlen (memo->word) + 8 <= sizeof ctx->buffer)
        {
          guint n = rasd_token_proclitic_forms (memo->word, forms, ctx->buffer);

          for (guint f = 0; f < n && trigger == NULL; f++)
            trigger = g_hash_table_lookup (ctx->self->triggers, forms[f]);
          for (guint f = 0; f < n && trigger == NULL; f++)
            trigger = noun_of_two (ctx, forms[f]);
          for (guint f = 0; f < n && trigger == NULL && memo->object_trigger == NULL; f++)
            memo->object_trigger = trigger_with_object (ctx, memo->word, forms[f]);
        }
      memo->trigger = trigger;
    }
  ctx->triggers[i] = memo->trigger;
  /* a verb with an object pronoun, unless its ه was a ة (استضافة is a noun) */
  if (memo->trigger == NULL && memo->object_trigger != NULL && !ends_in_ta_marbuta (ctx, i))
    ctx->triggers[i] = memo->object_trigger;
  return ctx->triggers[i];
}

static inline gboolean
word_in (const char         *word,
         const char * const *list)
{
  /* the entries are not empty: comparing the first two bytes before calling strcmp() rejects
   * most words without reading past the end of any */
  for (guint i = 0; list[i] != NULL; i++)
    if (list[i][0] == word[0] && list[i][1] == word[1] && strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

static inline guint16
word_marks (Context    *ctx,
            const char *word)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->self->marker_words, word));
}

/* The lists token @i is in: the clause words as written, the others also without proclitics. */
static inline guint16
marks_at (Context *ctx,
          guint    i)
{
  RasdWordMemo *memo = ctx->memo[i];

  /* every event candidate of a sentence looks at all its words, and its clauses are split
   * again for each: read each word once per thread, with one lookup instead of scanning the
   * lists */
  if (!(memo->marks & MARK_READ))
    {
      const char *norm = token (ctx, i)->norm;
      guint16 of_norm = word_marks (ctx, norm);
      const char *word = bare_word (ctx, i);
      guint16 of_word = word == norm ? of_norm : word_marks (ctx, word);

      memo->marks = MARK_READ | of_norm |
                    (of_word & (MARK_ATTENDANCE | MARK_FUTURE | MARK_PAST | MARK_HABITUAL | MARK_RELATION));
    }
  return memo->marks;
}

static inline guint
shared_participants (GArray *a,
                     GArray *b)
{
  guint n = 0;

  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (g_array_index (a, int, i) == g_array_index (b, int, j))
        n++;
  return n;
}

/* Part of a sentence that tells one thing: "زار X بكين أمس، حيث التقى Y" is two. */
typedef enum
{
  CLAUSE_FIRST,
  CLAUSE_WHERE,     /* حيث: same subject, same place and time */
  CLAUSE_CONTINUE,  /* ثم، كما، بعد أن، a verb after a comma: same subject */
  CLAUSE_OTHER,     /* فيما، بينما، من المتوقع: something else */
  CLAUSE_DAY_BEFORE, /* "، غداة لقائه": same subject, the day before */
  CLAUSE_DAY_AFTER,  /* "، عشية لقائه": same subject, the day after */
} ClauseKind;

/* Whether the clause goes on with the subject of the one before it. */
#define SAME_SUBJECT(kind) ((kind) == CLAUSE_WHERE || (kind) == CLAUSE_CONTINUE || \
                            (kind) == CLAUSE_DAY_BEFORE || (kind) == CLAUSE_DAY_AFTER)

typedef struct
{
  guint      first_token;
  guint      last_token;   /* exclusive */
  gsize      start;        /* characters */
  gsize      end;
  gsize      date_start;   /* where dates are looked for: a حيث clause also looks before it */
  ClauseKind kind;
} Clause;

/* rasd-extractor-places.c */
/* أنه، بأنه، وأنه: the one who reported it is the subject of what follows (rasd-extractor.c). */
G_GNUC_INTERNAL extern const char * const rasd_extractor_that_he[];
G_GNUC_INTERNAL extern const char * const rasd_extractor_own_visit[];
G_GNUC_INTERNAL int      place_rank          (RasdEntity *e);
G_GNUC_INTERNAL int      event_place         (Context *ctx, int entity);
G_GNUC_INTERNAL gboolean places_agree        (Context *ctx, int a, int b);
G_GNUC_INTERNAL gboolean place_between       (Context *ctx, const RasdNerName *name);
G_GNUC_INTERNAL gboolean place_is_topic      (Context *ctx, const RasdNerName *name);
G_GNUC_INTERNAL gboolean place_of_institution (Context *ctx, const RasdNerName *name);
G_GNUC_INTERNAL int      place_of_presidency (Context *ctx, const RasdEvent *event);
G_GNUC_INTERNAL void     place_before_visit_end (Context *ctx, GArray *candidates);
G_GNUC_INTERNAL gboolean left_after_visit    (Context *ctx, const RasdNerName *name);
G_GNUC_INTERNAL int      place_of_sentence_mate (Context *ctx, guint e);
G_GNUC_INTERNAL gboolean left_from           (Context *ctx, const RasdNerName *name);
G_GNUC_INTERNAL int      place_left_after    (Context *ctx, const guint *sentence_names, guint n_names,
                                              guint k);
G_GNUC_INTERNAL gboolean place_of_other_deed (Context *ctx, const RasdNerName *name, guint t);
G_GNUC_INTERNAL GArray  *tour_places         (Context *ctx, Candidate *c);
G_GNUC_INTERNAL gboolean within_country      (Context *ctx, int city, int country);
G_GNUC_INTERNAL int      only_city_of        (Context *ctx, int country);
G_GNUC_INTERNAL gboolean dates_agree         (const RasdDate *a, const RasdDate *b);
/* rasd-extractor-merge.c: adds @c to the events of @ctx; returns the event it is now part of.
 * @before is the event of the candidate @c follows, or NULL. */
G_GNUC_INTERNAL RasdEvent *add_candidate     (Context *ctx, Candidate *c, RasdEvent *before);
G_GNUC_INTERNAL void     date_the_news       (Context *ctx);
G_GNUC_INTERNAL int      find_dateline_place (Context *ctx);
G_GNUC_INTERNAL const RasdPlace *find_byline_place (RasdGazetteer *gazetteer, const char *byline);
G_GNUC_INTERNAL int      place_at_home       (Context *ctx, const RasdEvent *event);
G_GNUC_INTERNAL void     place_by_arrival    (Context *ctx, GArray *candidates);
G_GNUC_INTERNAL void     place_during_visit  (Context *ctx, GArray *candidates);
G_GNUC_INTERNAL void     place_of_also       (Context *ctx, GArray *candidates);
G_GNUC_INTERNAL gboolean told_during         (Context *ctx, guint t);
G_GNUC_INTERNAL void     parties_by_arrival  (Context *ctx, GArray *candidates);
/* rasd-extractor-merge.c */
G_GNUC_INTERNAL gboolean participants_within (GArray *a, GArray *b);
/* rasd-extractor-parties.c */
G_GNUC_INTERNAL int      last_speaker        (Context *ctx, guint t);
G_GNUC_INTERNAL int      pronoun_subject     (Context *ctx, const Trigger *trigger, guint t, const Clause *clause, int topic);
G_GNUC_INTERNAL void     add_reported_speaker (Context *ctx, Candidate *c, guint t, const Clause *clause);
G_GNUC_INTERNAL gboolean dual_near           (Context *ctx, guint k, guint first, guint end, const char **office);
G_GNUC_INTERNAL gboolean titled_as           (Context *ctx, int entity, const char *office);
G_GNUC_INTERNAL const Candidate *last_pair   (Context *ctx, GArray *candidates, const char *office);
G_GNUC_INTERNAL gboolean clause_names_guest  (Context *ctx, const Clause *clause);
G_GNUC_INTERNAL int      guest_of            (GArray *candidates);
G_GNUC_INTERNAL const Candidate *last_two    (GArray *candidates);
G_GNUC_INTERNAL void     add_object_person   (Context *ctx, Candidate *c, guint t);
G_GNUC_INTERNAL gboolean with_pronoun_near   (Context *ctx, guint t, guint first, guint last);
G_GNUC_INTERNAL void     add_topic_person    (Context *ctx, Candidate *c, int topic);
G_GNUC_INTERNAL gboolean add_honorific_persons (Context *ctx, Candidate *c, guint t, guint first,
                                                guint end);
G_GNUC_INTERNAL gboolean speaks_of_own_deed  (Context *ctx, const RasdNerName *name, guint t);
/* rasd-extractor-no-event.c: whether the trigger at token @k (@trigger) tells no event */
G_GNUC_INTERNAL gboolean is_negated          (Context *ctx, guint k, guint first);
G_GNUC_INTERNAL gboolean in_touch            (Context *ctx, const Trigger *trigger, guint k, guint first,
                                              guint end);
G_GNUC_INTERNAL gboolean sports_match        (Context *ctx, const Trigger *trigger, guint k);
G_GNUC_INTERNAL gboolean invited_to          (Context *ctx, const Trigger *trigger, guint k, guint first);
G_GNUC_INTERNAL gboolean hospitality         (Context *ctx, const Trigger *trigger, guint k, guint first);
G_GNUC_INTERNAL gboolean receives_things     (Context *ctx, const Trigger *trigger, guint k, guint end);
G_GNUC_INTERNAL gboolean call_with_press     (Context *ctx, const Trigger *trigger, guint k, guint end);
G_GNUC_INTERNAL gboolean comes_to_power      (Context *ctx, guint k, guint end);

G_END_DECLS
