#include "config.h"

#include "rasd-word-memos.h"

#include "rasd-hash.h"

/* Enough for the vocabulary of a large archive's common words (a few MB a thread); past it the
 * table starts again empty at the next article. */
#define MAX_WORDS 65536

struct _RasdWordMemos
{
  guint         owner;
  GHashTable   *words;    /* word (in strings) → RasdWordMemo, owned */
  GStringChunk *strings;
};

static void
memos_free (gpointer data)
{
  RasdWordMemos *self = data;

  g_hash_table_unref (self->words);
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
      self->words = g_hash_table_new_full (rasd_str_hash, g_str_equal, NULL, g_free);
      self->strings = g_string_chunk_new (64 * 1024);
      g_private_set (&thread_memos, self);
    }
  if (self->owner != owner || g_hash_table_size (self->words) >= MAX_WORDS)
    {
      g_hash_table_remove_all (self->words);
      g_string_chunk_clear (self->strings);
      self->owner = owner;
    }
  return self;
}

RasdWordMemo *
rasd_word_memos_get (RasdWordMemos *self,
                     const char    *word)
{
  RasdWordMemo *memo = g_hash_table_lookup (self->words, word);

  if (memo == NULL)
    {
      memo = g_new0 (RasdWordMemo, 1);
      memo->word = g_string_chunk_insert (self->strings, word);
      g_hash_table_insert (self->words, (gpointer) memo->word, memo);
    }
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
