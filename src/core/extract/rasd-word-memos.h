#pragma once

#include <glib.h>

#include "rasd-tokens.h"

G_BEGIN_DECLS

/* What the lexicons say of one written word (a token's normalised text), kept by each thread
 * across the articles it extracts.  rasd-ner asks a dozen questions of every token (its proclitic
 * forms, whether it is a first name, a stop word, the start of a title or of an organisation...),
 * each a string hash lookup; the answers depend on the word alone, so each distinct word is
 * looked up once per thread, and a token costs one lookup of its word here.  Fields are read
 * lazily by rasd-ner: 0 is "not yet read" where its comment says so. */
typedef struct
{
  const char *word;                                 /* owned by the memos */
  const char *forms[RASD_TOKEN_MAX_FORMS];          /* proclitic forms, owned by the memos */
  const char *adjective;                            /* country of the adjective, once read */
  gconstpointer trigger;                            /* the extractor's trigger, once read */
  gconstpointer object_trigger;                     /* its trigger of a verb with an object
                                                     * pronoun (استقبله), once read */
  guint16     lex;                                  /* rasd-ner's Lex flags */
  guint16     marks;                                /* the extractor's Mark flags */
  guint8      n_forms;                              /* 0: not yet read */
  guint8      lists;                                /* TokenList flags (0: not yet read) */
  guint8      title_start;                          /* a title can begin here + 1 (0: unread) */
  guint8      adjective_read;
  guint8      trigger_read;
  guint8      person_words[RASD_TOKEN_MAX_FORMS];   /* rasd_people_words_from () + 1 (0: unread) */
  guint8      variant_words[RASD_TOKEN_MAX_FORMS];  /* the same for variant spellings */
  guint8      place_words[RASD_TOKEN_MAX_FORMS];    /* rasd_gazetteer_words_from () + 1 */
} RasdWordMemo;

typedef struct _RasdWordMemos RasdWordMemos;

/* A number for lexicons that never changes while they live: memos of one owner are never
 * read for another. */
guint          rasd_word_memos_new_owner (void);
/* At the start of an article: the calling thread's memos for @owner's lexicons, emptied when
 * they were another owner's or have grown past their size (so memory stays bounded).  Memos
 * got before may be gone. */
RasdWordMemos *rasd_word_memos_begin     (guint          owner);
/* The calling thread's memos, as the last rasd_word_memos_begin() left them. */
RasdWordMemos *rasd_word_memos_current   (void);
/* The memo of @word (zeroed when new); it lives as long as the memos are not emptied. */
RasdWordMemo  *rasd_word_memos_get       (RasdWordMemos *self,
                                          const char    *word);
/* A copy of @string that lives as long as the memos are not emptied. */
const char    *rasd_word_memos_intern    (RasdWordMemos *self,
                                          const char    *string);

G_END_DECLS
