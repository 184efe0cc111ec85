#include "config.h"

#include "rasd-word-memos.h"

#include <string.h>

#include "rasd-hash.h"

/* Enough for the vocabulary of a large archive's common words (a few MB a thread); past it the
 * table starts again empty at the next article. */
#define MAX_WORDS 65536

/* A slot of the table: the word's hash and its memo (NULL: empty). */
typedef struct
{
  guint         hash;
  RasdWordMemo *memo;
} Slot;

/* Every token of every article is looked up here: open addressing on the words' hashes, with
 * no call through a hash or an equality function, costs half a GHashTable lookup. */
struct _RasdWordMemos
{
  guint         owner;
  Slot         *slots;
  guint         mask;     /* the number of slots - 1, a power of two - 1 */
  guint         n_words;
  GStringChunk *strings;
};

static void
memos_empty (RasdWordMemos *self)
{
  for (guint i = 0; i <= self->mask; i++)
    g_free (self->slots[i].memo);
  memset (self->slots, 0, (gsize) (self->mask + 1) * sizeof (Slot));
  self->n_words = 0;
  g_string_chunk_clear (self->strings);
}

static void
memos_free (gpointer data)
{
  RasdWordMemos *self = data;

  memos_empty (self);
  g_free (self->slots);
  g_string_chunk_free (self->strings);
  g_free (self);
}

static GPrivate thread_memos = G_PRIVATE_INIT (memos_free);

guint
rasd_word_memos_new_owner (void)
{
  static gint last = 0;

  return (guint) g_atomic_int_add (&last, 1) + 1;
}

RasdWordMemos *
rasd_word_memos_begin (guint owner)
{
  RasdWordMemos *self = g_private_get (&thread_memos);

  if (self == NULL)
    {
      self = g_new0 (RasdWordMemos, 1);
      self->mask = 1024 - 1;
      self->slots = g_new0 (Slot, self->mask + 1);
      self->strings = g_string_chunk_new (64 * 1024);
      g_private_set (&thread_memos, self);
    }
  if (self->owner != owner || self->n_words >= MAX_WORDS)
    {
      memos_empty (self);
      self->owner = owner;
    }
  return self;
}

/* Doubles the slots when half are taken (a long article may pass MAX_WORDS). */
static void
memos_grow (RasdWordMemos *self)
{
  guint mask = self->mask * 2 + 1;
  Slot *slots = g_new0 (Slot, (gsize) mask + 1);

  for (guint i = 0; i <= self->mask; i++)
    if (self->slots[i].memo != NULL)
      {
        guint at = self->slots[i].hash & mask;

        while (slots[at].memo != NULL)
          at = (at + 1) & mask;
        slots[at] = self->slots[i];
      }
  g_free (self->slots);
  self->slots = slots;
  self->mask = mask;
}

RasdWordMemo *
rasd_word_memos_get (RasdWordMemos *self,
                     const char    *word)
{
  guint hash = rasd_str_hash (word);
  guint at = hash & self->mask;
  RasdWordMemo *memo;

  for (; self->slots[at].memo != NULL; at = (at + 1) & self->mask)
    if (self->slots[at].hash == hash && strcmp (self->slots[at].memo->word, word) == 0)
      return self->slots[at].memo;

  memo = g_new0 (RasdWordMemo, 1);
  memo->word = g_string_chunk_insert (self->strings, word);
  self->slots[at] = (Slot) { hash, memo };
  if (++self->n_words * 2 > self->mask + 1)
    memos_grow (self);
  return memo;
}

RasdWordMemos *
rasd_word_memos_current (void)
{
  RasdWordMemos *self = g_private_get (&thread_memos);

  g_return_val_if_fail (self != NULL, NULL);
  return self;
}

const char *
rasd_word_memos_intern (RasdWordMemos *self,
                        const char    *string)
{
  return g_string_chunk_insert (self->strings, string);
}
