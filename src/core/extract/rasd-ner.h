#pragma once

#include <glib.h>

#include "rasd-extraction.h"
#include "rasd-gazetteer.h"
#include "rasd-name-tagger.h"
#include "rasd-people.h"
#include "rasd-tokens.h"
#include "rasd-word-memos.h"

G_BEGIN_DECLS

/* Names in Arabic text: people (lexicon, titles and roles before names, first names), places
 * (gazetteer with proclitics stripped, sites, countries) and organisations, with coreference
 * inside one article.  Internal to the extractor; the lexicons are borrowed. */

typedef struct _RasdNer RasdNer;

/* The preposition before a place. */
typedef enum
{
  RASD_NER_PREP_NONE = -1,
  RASD_NER_PREP_IN,      /* في، ب */
  RASD_NER_PREP_TO,      /* الى، ل */
  RASD_NER_PREP_FROM,    /* من */
  RASD_NER_PREP_OTHER,
  RASD_NER_PREP_HOME,    /* الى after a word of going back: عاد إلى الرياض، وصل إليها عائدا */
} RasdNerPreposition;

/* What the extractor needs to know about a name beyond its mention. */
typedef enum
{
  RASD_NER_FROM_ROLE    = 1 << 0,  /* a role or نظيره resolved to a person named elsewhere */
  RASD_NER_SPOKESPERSON = 1 << 1,  /* المتحدث باسم...: speaks about events, not in them */
  RASD_NER_TITLED       = 1 << 2,  /* a title or role stands before the name */
  RASD_NER_SPEAKER      = 1 << 3,  /* subject of قال/أكد/أضاف... just before it */
  RASD_NER_ADJECTIVE    = 1 << 4,  /* a place known only from a nationality adjective */
  RASD_NER_OF_TITLE     = 1 << 5,  /* a place in a role (سفير روسيا في دمشق): not where one is */
  RASD_NER_PRINCIPAL    = 1 << 6,  /* whom an envoy acts for (ممثلا للملك): not present */
  RASD_NER_NAMED_FOR    = 1 << 7,  /* whom greetings, a message, a regime are of (تحيات الملك) */
} RasdNerFlags;

typedef struct
{
  int    entity;        /* index into the extraction's entities */
  RasdMentionKind kind;
  guint  first_token;   /* the name's tokens */
  guint  n_tokens;
  guint  title_token;   /* where its title or role starts (== first_token when none) */
  guint  sentence;
  guint  flags;         /* RasdNerFlags */
  int    preposition;   /* places: RasdNerPreposition before it */
} RasdNerName;

RasdNer *rasd_ner_new  (RasdPeople     *people,
                        RasdGazetteer  *gazetteer,
                        const char     *data_dir,
                        GError        **error);
void     rasd_ner_free (RasdNer        *self);

/* Finds the names of @text (tokenised as @tokens), adds entities and mentions to @out and
 * returns a RasdNerName for each person, place and organisation mention, in text order.
 * Nationality adjectives (الروسي) add a place mention flagged RASD_NER_ADJECTIVE only to the
 * returned array (not to @out), for the extractor's use.  With @resolve_roles, roles and
 * نظيره that stand for a person named elsewhere in the text become mentions of that person.
 * @dated, if not NULL, says of each token whether a date mention covers it: no name the
 * lexicon lacks runs over one (شعبان المقبل is a month).  With @tagger (else NULL), a person
 * the lexicon lacks is one only where the trained tagger also reads a person's name (the
 * article is tagged the first time an unknown name is read).  @memo is
 * rasd_ner_word_memos() of @tokens. */
GArray  *rasd_ner_run  (RasdNer        *self,
                        const char     *text,
                        RasdTokens     *tokens,
                        RasdWordMemo  **memo,
                        gboolean        resolve_roles,
                        const guint8   *dated,
                        RasdNameTagger *tagger,
                        RasdExtraction *out);

/* The memo of each token's word, from this thread's memos for @self's lexicons (and those of
 * the extractor that owns it): rasd_tokens_get_n_tokens() + 1 pointers, the last to the memo
 * of no word.  Valid until this thread's next call; free the array with g_free(). */
RasdWordMemo **rasd_ner_word_memos (RasdNer    *self,
                                    RasdTokens *tokens);

/* Whether the normalised word (proclitics removed) can never be part of a name. */
gboolean rasd_ner_is_stopword (RasdNer    *self,
                               const char *norm);

/* Adds @flag to the flags of each word of the NULL-terminated @words in @table (a
 * g_str_hash table of static strings to GUINT_TO_POINTER flags): word lists as one lookup. */
void     rasd_word_flags_add (GHashTable         *table,
                              const char * const *words,
                              guint               flag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdNer, rasd_ner_free)

G_END_DECLS
