#pragma once

#include "rasd-name-tagger.h"

G_BEGIN_DECLS

/* Shared by the tagger and its trainer (rasd-name-trainer.c). */

#define RASD_NAME_MODEL_MAGIC "rasd-name-tagger 1"
#define RASD_NAME_ATTR_PAIR "ww="

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

/* The attribute of two neighbouring words, whose keys are @left and @right ("ww=LEFT RIGHT"),
 * into @out.  Its weights at offset 0 count for the right word, at offset +1 for the left. */
static inline void
rasd_name_pair_attr (GString    *out,
                     const char *left,
                     const char *right)
{
  g_string_assign (out, RASD_NAME_ATTR_PAIR);
  g_string_append (out, left);
  g_string_append_c (out, ' ');
  g_string_append (out, right);
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

/* Names found in one sentence inform the tagging of the others: a second pass adds, to each
 * word, what the first pass found for the same word (its clitic-free form) in the sentences
 * up to RASD_NAME_DOC_WINDOW before and after, as attributes "d=KIND" (once) and "d=KIND+"
 * (twice or more). */
#define RASD_NAME_DOC_WINDOW 20
#define RASD_NAME_N_KINDS 4

/* "d=PERS", "d=PERS+", ... */
const char *rasd_name_doc_attr   (guint kind,
                                  gboolean several);

/* For each word of a document of @n_sentences sentences (sentence s is words @starts[s] to
 * @starts[s + 1] - 1), how many other words with the same doc key within the window carry
 * each kind of name in @labels, at most 2: @counts receives RASD_NAME_N_KINDS per word.  The
 * doc keys are interned: equal keys are the same pointer. */
void    rasd_name_doc_counts     (const char * const *doc_keys,
                                  const guint8       *labels,
                                  const guint        *starts,
                                  guint               n_sentences,
                                  guint8             *counts);

/* Tags a document given as its words' keys (rasd_name_features_key()), both passes;
 * @labels receives a label per word, and @spans, if not NULL, the names found (first counted
 * in the whole document) with their confidence at @temperature (0: the model's). */
void    rasd_name_tagger_tag_document (RasdNameTagger     *self,
                                       const char * const *keys,
                                       const guint        *starts,
                                       guint               n_sentences,
                                       double              temperature,
                                       guint8             *labels,
                                       GArray             *spans);

G_END_DECLS
