#include "config.h"

#include <string.h>

#include "rasd-hash.h"

/* The multipliers of MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
#define MIX1 G_GUINT64_CONSTANT (0xff51afd7ed558ccd)
#define MIX2 G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53)

static inline guint64
mix (guint64 h,
     guint64 v)
{
  h = (h ^ v) * MIX1;
  return h ^ (h >> 32);
}

guint
rasd_str_hash (gconstpointer key)
{
  const guchar *p = key;
  gsize n = strlen (key);
  guint64 h = G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ n;

  for (; n >= 8; p += 8, n -= 8)
    {
      guint64 v;

      memcpy (&v, p, 8);
      h = mix (h, v);
    }
  if (n > 0)
    {
      guint64 v = 0;

      memcpy (&v, p, n);
      h = mix (h, v);
    }
  h *= MIX2;
  return (guint) (h ^ (h >> 32));
}
