#pragma once

#include <glib.h>

#include "rasd-gazetteer.h"
#include "rasd-people.h"

G_BEGIN_DECLS

/* What the name tagger knows of a word: its attributes, computed from the word alone (its
 * normalised form, clitic-free forms, affixes, shape and what Rasd's lexicons say of it), so
 * that a tagger can keep them per word type.  A feature of the model is an attribute of the word
 * at an offset (-2 to +2) from the word being tagged.  The lexicons are borrowed. */

typedef struct _RasdNameFeatures RasdNameFeatures;

/* The offsets at which an attribute counts: bit (offset + 2). */
#define RASD_NAME_N_OFFSETS 5
#define RASD_NAME_OFFSETS_ALL 0x1F
#define RASD_NAME_OFFSETS_NEAR 0x0E  /* -1, 0, +1 */
#define RASD_NAME_OFFSETS_SELF 0x04

typedef struct
{
  guint32 at;       /* byte offset of its NUL-terminated text in the buffer */
  guint8  offsets;  /* RASD_NAME_OFFSETS_* */
} RasdNameAttr;

/* The attributes of the padding before the first and after the last word of a sentence. */
#define RASD_NAME_ATTR_BEFORE "<s>"
#define RASD_NAME_ATTR_AFTER "</s>"
/* The attribute of a word the model has no weights for ("w=" of it): learnt from the words seen
 * once in training. */
#define RASD_NAME_ATTR_RARE "rare"

/* Starts loading the Hunspell dictionary the features use on a thread of its own, so that it
 * loads while the caller reads the lexicons; rasd_name_features_new() waits for it. */
void              rasd_name_features_preload (void);

/* Reads organisations, triggers, stop words and common-word places from @data_dir (people/,
 * events/, gazetteer/); @people and @gazetteer must outlive the result, which is immutable. */
RasdNameFeatures *rasd_name_features_new  (RasdPeople     *people,
                                           RasdGazetteer  *gazetteer,
                                           const char     *data_dir,
                                           GError        **error);
void              rasd_name_features_free (RasdNameFeatures *self);

/* The key a token is tagged by: its letters and digits as written, without diacritics, tatweel
 * or the punctuation around them (CoNLL's "(د" is the tokenizer's د), or the token itself when
 * it is only punctuation.  @length may be -1. */
char             *rasd_name_features_key  (const char     *token,
                                           gssize          length);
/* The same, appended to @out. */
void              rasd_name_features_append_key (GString    *out,
                                                 const char *token,
                                                 gssize      length);

/* Whether Debian's Arabic dictionary knows the word whose key is @key (with its clitics);
 * FALSE when it does not or is not installed. */
gboolean          rasd_name_features_knows_word (RasdNameFeatures *self,
                                                 const char       *key);
/* Whether normalised word @norm is a first name of the tagger's cue words (data/ner/cues.tsv:
 * mostly foreign first names in their Arabic spellings). */
gboolean          rasd_name_features_is_first_cue (RasdNameFeatures *self,
                                                   const char       *norm);

/* What tells occurrences of one name in a document apart from other words: the normalised
 * key without its proclitics (وشوماخر and شوماخر are one). */
char             *rasd_name_features_doc_key (const char *key);

/* Appends the attributes of the word whose key is @key: their texts to @buffer (each followed by
 * a NUL), their entries to @attrs (RasdNameAttr).  Returns how many were added. */
guint             rasd_name_features_word (RasdNameFeatures *self,
                                           const char       *key,
                                           GString          *buffer,
                                           GArray           *attrs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdNameFeatures, rasd_name_features_free)

G_END_DECLS
