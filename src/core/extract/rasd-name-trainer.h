#pragma once

#include <glib.h>

#include "rasd-gazetteer.h"
#include "rasd-people.h"

G_BEGIN_DECLS

/* Training of the name tagger (rasd-name-tagger): an averaged structured perceptron (Collins
 * 2002) over the features of rasd-name-features, first-order Viterbi decoding with BIO
 * constraints.  The weights are whole numbers throughout (updates of ±1, averages from integer
 * sums), so training gives the same model, byte for byte, on every run and every machine. */

/* One sentence of CoNLL text: its tokens and their labels (RasdNameLabel). */
typedef struct
{
  GPtrArray  *words;    /* char* */
  GByteArray *labels;
} RasdNameSentence;

void       rasd_name_sentence_free (RasdNameSentence *sentence);

/* Reads CoNLL text (token first, BIO tag last, space or tab separated) into RasdNameSentences,
 * split as Python's text.strip("\n").split("\n\n") splits it, so that "the last tenth" means
 * the same sentences to Rasd and to the scripts that score it. */
GPtrArray *rasd_name_conll_read    (const char  *path,
                                    GError     **error);

typedef struct
{
  guint epochs;      /* passes over the training sentences (default 12) */
  guint scale;       /* weights are written as round (average × scale) (default 8) */
  guint min_count;   /* a feature seen fewer times in training is dropped (default 2) */
  guint margin;      /* by how much the gold labels must win in training (default 2) */
  guint seed;        /* varies the order the sentences are met in (default 0, the shipped
                      * model's): comparing features over a few seeds tells them from the noise */
} RasdNameTrainOptions;

#define RASD_NAME_TRAIN_OPTIONS_DEFAULT { 12, 8, 2, 2, 0 }

/* Trains on @sentences (RasdNameSentence) and returns the model's text, for
 * rasd_name_tagger_new_from_data() or a file.  The confidence's temperature is chosen on the
 * last ninth of @sentences with a model trained on the rest, whose scores per type on that part
 * are appended to @report (if not NULL) with the other figures of the run. */
char      *rasd_name_trainer_train (RasdPeople                 *people,
                                    RasdGazetteer              *gazetteer,
                                    const char                 *data_dir,
                                    GPtrArray                  *sentences,
                                    const RasdNameTrainOptions *options,
                                    GString                    *report,
                                    GError                    **error);

/* Cross-validation: for each of @n_folds folds of consecutive sentences, trains as
 * rasd_name_trainer_train() does on the other folds and tags the fold; appends the scores per
 * type over all folds to @report. */
gboolean   rasd_name_trainer_cross_validate (RasdPeople                 *people,
                                             RasdGazetteer              *gazetteer,
                                             const char                 *data_dir,
                                             GPtrArray                  *sentences,
                                             const RasdNameTrainOptions *options,
                                             guint                       n_folds,
                                             GString                    *report,
                                             GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdNameSentence, rasd_name_sentence_free)

G_END_DECLS
