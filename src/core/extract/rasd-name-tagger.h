#pragma once

#include <glib-object.h>

#include "rasd-gazetteer.h"
#include "rasd-people.h"
#include "rasd-tokens.h"

G_BEGIN_DECLS

/* A trained name tagger: BIO labels over people, places, organisations and other names for a
 * sentence's words, from an averaged structured perceptron (rasd-name-trainer) with first-order
 * Viterbi decoding, and a confidence for each name found.  Immutable once loaded: threads share
 * one tagger (each thread keeps its own cache of the words the model was not trained on). */

#define RASD_TYPE_NAME_TAGGER (rasd_name_tagger_get_type ())
G_DECLARE_FINAL_TYPE (RasdNameTagger, rasd_name_tagger, RASD, NAME_TAGGER, GObject)

typedef enum
{
  RASD_NAME_LABEL_O,
  RASD_NAME_LABEL_B_PERS,
  RASD_NAME_LABEL_I_PERS,
  RASD_NAME_LABEL_B_LOC,
  RASD_NAME_LABEL_I_LOC,
  RASD_NAME_LABEL_B_ORG,
  RASD_NAME_LABEL_I_ORG,
  RASD_NAME_LABEL_B_MISC,
  RASD_NAME_LABEL_I_MISC,
  RASD_NAME_N_LABELS
} RasdNameLabel;

typedef enum
{
  RASD_NAME_PERSON,
  RASD_NAME_PLACE,
  RASD_NAME_ORGANISATION,
  RASD_NAME_OTHER,         /* ANERcorp's MISC: events, products, works... */
} RasdNameKind;

/* One name found: words [first, first + n_words) of what was tagged. */
typedef struct
{
  guint        first;
  guint        n_words;
  RasdNameKind kind;
  float        confidence;  /* the model's probability of exactly this name, in [0, 1] */
} RasdNameSpan;

/* Loads a model written by rasd_name_trainer_train() (data/ner/name-tagger.model).  The
 * lexicons (@people, @gazetteer, and the word lists of @data_dir) must be those the model was
 * trained with and must outlive the tagger.  Errors name the file and the line. */
RasdNameTagger *rasd_name_tagger_new_from_file (const char      *path,
                                                RasdPeople      *people,
                                                RasdGazetteer   *gazetteer,
                                                const char      *data_dir,
                                                GError         **error);
/* The same from the model's text; @name stands for the file in messages. */
RasdNameTagger *rasd_name_tagger_new_from_data (const char      *data,
                                                gsize            length,
                                                const char      *name,
                                                RasdPeople      *people,
                                                RasdGazetteer   *gazetteer,
                                                const char      *data_dir,
                                                GError         **error);

/* Tags one sentence of @n_words words as given (CoNLL tokens: punctuation may be words of its
 * own or stuck to a word), alone.  @labels, if not NULL, receives a RasdNameLabel per word.  Returns
 * the names found (RasdNameSpan), in order. */
GArray         *rasd_name_tagger_tag_words     (RasdNameTagger      *self,
                                                const char * const  *words,
                                                guint                n_words,
                                                guint8              *labels);

/* Tags the sentences of one document at once, so that a name found in one sentence helps to
 * find it in the others (those up to 20 sentences away): sentence s is @words[@starts[s]] to
 * @words[@starts[s + 1] - 1].  @labels, if not NULL, receives a label per word; the names'
 * first words are counted from the document's first. */
GArray         *rasd_name_tagger_tag_sentences (RasdNameTagger      *self,
                                                const char * const  *words,
                                                const guint         *starts,
                                                guint                n_sentences,
                                                guint8              *labels);

/* Tags every sentence of @tokens (made from @text): the punctuation between the words is seen
 * as the tokens of CoNLL text are, so both give the same answers.  Returns the names found
 * (RasdNameSpan, first and n_words counted in tokens), in text order. */
GArray         *rasd_name_tagger_tag_tokens    (RasdNameTagger      *self,
                                                const char          *text,
                                                RasdTokens          *tokens);

/* The same as labels, without the names' confidences (what the extractor asks): one
 * RasdNameLabel per token of @tokens into @labels; the punctuation between them is tagged
 * with them but its labels are not returned. */
void            rasd_name_tagger_label_tokens  (RasdNameTagger      *self,
                                                const char          *text,
                                                RasdTokens          *tokens,
                                                guint8              *labels);
/* Whether Debian's Arabic dictionary (hunspell-ar), one of the tagger's features, knows the
 * word written @length bytes at @written (with its clitics): names, foreign ones above all,
 * are mostly words it does not.  FALSE too when the dictionary is not installed. */
gboolean        rasd_name_tagger_knows_word    (RasdNameTagger      *self,
                                                const char          *written,
                                                gssize               length);

/* Whether normalised word @norm is a first name among the tagger's cue words (foreign first
 * names in their Arabic spellings, data/ner/cues.tsv). */
gboolean        rasd_name_tagger_is_first_cue  (RasdNameTagger      *self,
                                                const char          *norm);

/* "O", "B-PERS", ... */
const char     *rasd_name_label_to_string      (RasdNameLabel        label);
/* The label @tag names (B-PER and GPE as B-PERS and LOC), O for anything else. */
RasdNameLabel   rasd_name_label_from_string    (const char          *tag);

G_END_DECLS
