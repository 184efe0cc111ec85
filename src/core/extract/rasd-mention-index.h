#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An article's names by sentence and its dates by position: a candidate event reads the names of
 * its sentence and the dates of its clause, so an article of 200,000 sentences (a transcript, a
 * book) costs time in proportion to its length, not to its sentences times its mentions. */
typedef struct _RasdMentionIndex RasdMentionIndex;

/* @names: RasdNerName of the article's @n_sentences sentences; @dates: RasdDateMention.  Both
 * arrays must outlive the index and stay as they are. */
RasdMentionIndex *rasd_mention_index_new            (GArray           *names,
                                                     guint             n_sentences,
                                                     GArray           *dates);
void              rasd_mention_index_free           (RasdMentionIndex *self);
/* The names of sentence @s, as indexes into the names in their order; *@n_names of them. */
const guint      *rasd_mention_index_sentence_names (RasdMentionIndex *self,
                                                     guint             s,
                                                     guint            *n_names);
/* The first date that may lie at or after character @start: every date before it starts
 * before @start (0 when the dates are not in order: then every one is to be looked at). */
guint             rasd_mention_index_first_date     (RasdMentionIndex *self,
                                                     gsize             start);
/* Whether no date from @d on can end by character @end: they start after it, in order. */
gboolean          rasd_mention_index_dates_past     (RasdMentionIndex *self,
                                                     guint             d,
                                                     gsize             end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdMentionIndex, rasd_mention_index_free)

G_END_DECLS
