#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* A hash of a NUL-terminated string for GHashTable, eight bytes at a step: the lexicons are
 * asked a dozen times per word of every article, and g_str_hash() reads one byte at a step
 * (an Arabic word is ten to twenty bytes of UTF-8).  Tables hashed with it must not depend on
 * the order of iteration matching g_str_hash()'s. */
guint rasd_str_hash (gconstpointer key);

/* The bit, of a filter of 2^@log2_bits bits, of a string of @len bytes: from its length and its
 * first and last four bytes (the first alone are ال and a letter in many Arabic words).  A set
 * of a few words marks its words' bits, and most words of a text, whose bit is clear, need no
 * lookup in it. */
static inline guint
rasd_str_filter_bit (const char *key,
                     gsize       len,
                     guint       log2_bits)
{
  guint32 first = 0, last = 0;

  memcpy (&first, key, MIN (len, 4));
  if (len > 4)
    memcpy (&last, key + len - 4, 4);
  return (((first ^ (guint32) len * 0x9E3779B9u) * 0x85EBCA6Bu ^ last) * 0xC2B2AE35u) >> (32 - log2_bits);
}

G_END_DECLS
