#define G_LOG_DOMAIN "rasd-mention-index"

#include "config.h"

#include "rasd-mention-index.h"

#include "rasd-date.h"
#include "rasd-ner.h"

struct _RasdMentionIndex
{
  guint   *sentence_names;  /* indexes into names, grouped by sentence, in order */
  guint   *starts;          /* per sentence + 1: where its group begins */
  guint    n_sentences;
  GArray  *dates;           /* RasdDateMention, not owned */
  gboolean dates_sorted;    /* whether dates go by start (they do, as scanned) */
};

RasdMentionIndex *
rasd_mention_index_new (GArray *names,
                        guint   n_sentences,
                        GArray *dates)
{
  RasdMentionIndex *self = g_new0 (RasdMentionIndex, 1);

  /* the names of each sentence, in their order: counted, then placed */
  self->n_sentences = n_sentences;
  self->starts = g_new0 (guint, (gsize) n_sentences + 2);
  self->sentence_names = g_new (guint, names->len + 1);
  for (guint n = 0; n < names->len; n++)
    {
      guint s = g_array_index (names, RasdNerName, n).sentence;

      if (s < n_sentences)
        self->starts[s + 2]++;
    }
  for (guint s = 2; s < n_sentences + 2; s++)
    self->starts[s] += self->starts[s - 1];
  for (guint n = 0; n < names->len; n++)
    {
      guint s = g_array_index (names, RasdNerName, n).sentence;

      if (s < n_sentences)
        self->sentence_names[self->starts[s + 1]++] = n;
    }

  self->dates = dates;
  self->dates_sorted = TRUE;
  for (guint d = 1; d < dates->len; d++)
    if (g_array_index (dates, RasdDateMention, d).start < g_array_index (dates, RasdDateMention, d - 1).start)
      self->dates_sorted = FALSE;
  return self;
}

void
rasd_mention_index_free (RasdMentionIndex *self)
{
  if (self == NULL)
    return;
  g_free (self->sentence_names);
  g_free (self->starts);
  g_free (self);
}

const guint *
rasd_mention_index_sentence_names (RasdMentionIndex *self,
                                   guint             s,
                                   guint            *n_names)
{
  if (s >= self->n_sentences)
    {
      *n_names = 0;
      return self->sentence_names;
    }
  *n_names = self->starts[s + 1] - self->starts[s];
  return self->sentence_names + self->starts[s];
}

guint
rasd_mention_index_first_date (RasdMentionIndex *self,
                               gsize             start)
{
  guint lo = 0, hi = self->dates->len;

  if (!self->dates_sorted)
    return 0;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->dates, RasdDateMention, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
rasd_mention_index_dates_past (RasdMentionIndex *self,
                               guint             d,
                               gsize             end)
{
  return self->dates_sorted && g_array_index (self->dates, RasdDateMention, d).start > end;
}
