#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A hash of a NUL-terminated string for GHashTable, eight bytes at a step: the lexicons are
 * asked a dozen times per word of every article, and g_str_hash() reads one byte at a step
 * (an Arabic word is ten to twenty bytes of UTF-8).  Tables hashed with it must not depend on
 * the order of iteration matching g_str_hash()'s. */
guint rasd_str_hash (gconstpointer key);

G_END_DECLS
