#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Arabic text layer the extractor works on: words with their offsets in the original text,
 * their normalised forms, and sentences. */

typedef enum
{
  RASD_TOKEN_ARABIC = 1 << 0,  /* has an Arabic letter */
  RASD_TOKEN_LATIN  = 1 << 1,  /* has a Latin letter */
  RASD_TOKEN_NUMBER = 1 << 2,  /* digits only (any script) */
} RasdTokenFlags;

typedef struct
{
  gsize       start;       /* Unicode character offsets in the text, end exclusive */
  gsize       end;
  gsize       byte_start;  /* the same span in bytes */
  gsize       byte_end;
  const char *norm;        /* rasd_arabic_normalize() of the word */
  guint       sentence;    /* index of its sentence */
  guint       flags;       /* RasdTokenFlags */
} RasdToken;

typedef struct
{
  gsize start;             /* character offsets of the sentence, trimmed, end exclusive */
  gsize end;
  gsize byte_start;
  gsize byte_end;
  guint first_token;
  guint n_tokens;
} RasdSentence;

typedef struct _RasdTokens RasdTokens;

/* Splits @text into words (letters, digits and the marks inside them) and sentences, which end
 * at . ؟ ? ! ؛ and line breaks (a full stop between digits, as in 3.5, ends nothing). */
RasdTokens         *rasd_tokens_new           (const char *text);
void                rasd_tokens_free          (RasdTokens *self);

guint               rasd_tokens_get_n_tokens  (RasdTokens *self);
const RasdToken    *rasd_tokens_get_token     (RasdTokens *self,
                                               guint       index);
/* All the tokens, in text order, as one array of rasd_tokens_get_n_tokens() (for loops that
 * look at every token; NULL when there is none). */
const RasdToken    *rasd_tokens_get_tokens    (RasdTokens *self);
guint               rasd_tokens_get_n_sentences (RasdTokens *self);
const RasdSentence *rasd_tokens_get_sentence  (RasdTokens *self,
                                               guint       index);
/* The token covering character offset @offset, or -1. */
int                 rasd_tokens_find_at       (RasdTokens *self,
                                               gsize       offset);

/* The forms of a normalised word to look up in a lexicon, the word itself first, then without
 * its proclitics: و/ف, then ب/ك/ل, and لل read as ل + ال ("للاسد" → "الاسد").  "وبدمشق" gives
 * وبدمشق، بدمشق، دمشق.  Stripping never leaves fewer than two letters.  Returns the number of
 * forms written to @forms (at most RASD_TOKEN_MAX_FORMS); they point into @buffer, which must
 * hold 4 * strlen (norm) + 8 bytes. */
#define RASD_TOKEN_MAX_FORMS 4
guint               rasd_token_proclitic_forms (const char  *norm,
                                                const char **forms,
                                                char        *buffer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdTokens, rasd_tokens_free)

G_END_DECLS
