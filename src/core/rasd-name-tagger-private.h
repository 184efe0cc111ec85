#pragma once

#include "rasd-name-tagger.h"

G_BEGIN_DECLS

/* Shared by the tagger and its trainer (rasd-name-trainer.c). */

#define RASD_NAME_MODEL_MAGIC "rasd-name-tagger 1"

static inline gboolean
rasd_name_label_is_inside (guint label)
{
  return label != RASD_NAME_LABEL_O && (label - 1) % 2 == 1;
}

static inline RasdNameKind
rasd_name_label_kind (guint label)
{
  return (RasdNameKind) ((label - 1) / 2);
}

/* BIO: I-X only after B-X or I-X (@prev is RASD_NAME_N_LABELS before the first word). */
static inline gboolean
rasd_name_transition_allowed (guint prev,
                              guint label)
{
  if (!rasd_name_label_is_inside (label))
    return TRUE;
  return prev != RASD_NAME_N_LABELS && prev != RASD_NAME_LABEL_O &&
         rasd_name_label_kind (prev) == rasd_name_label_kind (label);
}

/* The best labels of @n words given their @emission scores (n × RASD_NAME_N_LABELS), the
 * scores of the first label (@start) and of each transition (@transition[prev][label]); only
 * BIO transitions are allowed.  Ties go to the lower label. */
void    rasd_name_viterbi          (const gint32 *emission,
                                    guint         n,
                                    const gint32 *start,
                                    const gint32 *transition,
                                    guint8       *labels);

/* The names in @labels (spans of B-X I-X...), appended to @spans with confidence 0. */
void    rasd_name_spans_from_labels (const guint8 *labels,
                                     guint         n,
                                     GArray       *spans);

/* The probability of each span in @spans under the model's scores divided by @temperature
 * (forward–backward on the sentence of @n words whose keys are @keys). */
void    rasd_name_tagger_confidence (RasdNameTagger     *self,
                                     const char * const *keys,
                                     guint               n,
                                     double              temperature,
                                     GArray             *spans);

/* Tags @n words by their keys (rasd_name_features_key()); @labels receives the labels. */
void    rasd_name_tagger_tag_keys   (RasdNameTagger     *self,
                                     const char * const *keys,
                                     guint               n,
                                     guint8             *labels);

G_END_DECLS
