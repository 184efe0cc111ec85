#define G_LOG_DOMAIN "rasd-decoder"

#include "config.h"

#include "rasd-decoder.h"

#include <string.h>

#include "rasd-error.h"

/* Encoding detection works on statistics of the bytes, in a few linear passes over the input
 * (memchr for NUL, UTF-8 validation, one copy that normalises line ends), so that it stays fast
 * on files of hundreds of megabytes.  Nothing is allocated per character. */

/* Share of the bytes ≥ 0x80 that must belong to well-formed UTF-8 sequences for damaged input
 * to be repaired as UTF-8.  Windows-1256 Arabic forms a valid two-byte sequence only by chance
 * (a letter in C2–DF followed by punctuation in 80–BF, as in "ة،"), far below this. */
#define MOSTLY_UTF8_RATIO        0.8
/* Share of the bytes ≥ 0x80 that must decode to Arabic letters or marks in Windows-1256. */
#define CP1256_ARABIC_RATIO      0.7
/* Share that must decode to Arabic letters, marks or punctuation used in Arabic text. */
#define CP1256_PLAUSIBLE_RATIO   0.9
/* Control characters (other than tab, line and page breaks) per hundred bytes above which the
 * data is taken for binary. */
#define BINARY_CONTROL_PERCENT   1
#define BINARY_CONTROL_MIN       4

const char *
rasd_text_encoding_to_string (RasdTextEncoding encoding)
{
  switch (encoding)
    {
    case RASD_TEXT_ENCODING_UTF8:
      return "UTF-8";
    case RASD_TEXT_ENCODING_UTF8_BOM:
      return "UTF-8 (BOM)";
    case RASD_TEXT_ENCODING_UTF16LE:
      return "UTF-16LE";
    case RASD_TEXT_ENCODING_UTF16BE:
      return "UTF-16BE";
    case RASD_TEXT_ENCODING_WINDOWS_1256:
      return "Windows-1256";
    default:
      return "unknown";
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Binary signatures                                                                           */

typedef struct
{
  const char *magic;
  gsize       length;
  const char *what;
} BinaryMagic;

static const BinaryMagic binary_magics[] = {
  { "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
  { "\xff\xd8\xff", 3, "a JPEG image" },
  { "GIF87a", 6, "a GIF image" },
  { "GIF89a", 6, "a GIF image" },
  { "%PDF-", 5, "a PDF document" },
  { "PK\x03\x04", 4, "a ZIP archive (or an office document)" },
  { "PK\x05\x06", 4, "an empty ZIP archive" },
  { "\x1f\x8b", 2, "gzip-compressed data" },
  { "BZh", 3, NULL }, /* too short to be sure: checked with the next byte below */
  { "\xfd" "7zXZ\x00", 6, "xz-compressed data" },
  { "7z\xbc\xaf\x27\x1c", 6, "a 7-Zip archive" },
  { "Rar!\x1a\x07", 6, "a RAR archive" },
  { "\x7f" "ELF", 4, "an executable program" },
  { "SQLite format 3", 16, "an SQLite database" },
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "an old Microsoft Office document" },
  { "OggS", 4, "an Ogg media file" },
  { "ID3", 3, "an MP3 audio file" },
};

static const char *
find_binary_magic (const guint8 *data,
                   gsize         length)
{
  for (gsize i = 0; i < G_N_ELEMENTS (binary_magics); i++)
    {
      const BinaryMagic *m = &binary_magics[i];

      if (length < m->length || memcmp (data, m->magic, m->length) != 0)
        continue;
      if (m->what != NULL)
        return m->what;
      /* "BZh" followed by the block size digit 1–9 */
      if (length > 3 && data[3] >= '1' && data[3] <= '9')
        return "bzip2-compressed data";
    }

  /* RIFF containers (WAV, AVI, WebP) */
  if (length >= 12 && memcmp (data, "RIFF", 4) == 0)
    return "a RIFF media file (audio, video or WebP image)";

  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Line ends                                                                                   */

static inline gboolean
is_binary_control (guint8 c)
{
  /* Tab, LF, VT, FF and CR are text; ESC and the rest are not expected in articles. */
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r') || c == 0x7f;
}

/* Copies @n bytes of UTF-8 from @src to @dst turning CRLF and lone CR into LF and dropping NUL.
 * @dst may be @src: the output is never longer than the input.  Control characters are counted
 * in @n_controls (NUL included). */
static gsize
normalise_line_ends (const char *src,
                     gsize       n,
                     char       *dst,
                     gsize      *n_controls)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint8 *s = (const guint8 *) src;
  const guint8 *end = s + n;
  guint8 *d = (guint8 *) dst;
  gsize controls = 0;

  while (s < end)
    {
      guint8 c;

      /* Eight bytes at a time while none of them is below 0x20 or DEL (SWAR: "has less than"
       * and "has zero" bit tricks), which is nearly all of a text file. */
      while (end - s >= 8)
        {
          guint64 w, del;

          memcpy (&w, s, 8);
          if (((w - ones * 0x20) & ~w & highs) != 0)
            break;
          del = w ^ (ones * 0x7f);
          if (((del - ones) & ~del & highs) != 0)
            break;
          /* From the register: @d may trail @s by fewer than 8 bytes. */
          memcpy (d, &w, 8);
          d += 8;
          s += 8;
        }
      if (s >= end)
        break;

      c = *s++;

      if (G_LIKELY (c >= 0x20 && c != 0x7f))
        {
          *d++ = c;
          continue;
        }

      if (c == '\r')
        {
          *d++ = '\n';
          if (s < end && *s == '\n')
            s++;
        }
      else if (c == '\0')
        controls++;
      else
        {
          if (is_binary_control (c))
            controls++;
          *d++ = c;
        }
    }

  *n_controls = controls;
  return (gsize) (d - (guint8 *) dst);
}

static gboolean
too_many_controls (gsize n_controls,
                   gsize n_bytes)
{
  return n_controls >= BINARY_CONTROL_MIN && n_controls * 100 > n_bytes * BINARY_CONTROL_PERCENT;
}

/* TRUE when @text holds nothing but white space, byte order marks and invisible marks. */
static gboolean
is_blank (const char *text,
          gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          if (!g_ascii_isspace (*p))
            return FALSE;
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      if (!(g_unichar_isspace (c) || c == 0xFEFF || (c >= 0x200B && c <= 0x200F) ||
            c == 0x2060 || c == 0x061C || c == 0x00A0))
        return FALSE;
      p = g_utf8_next_char (p);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* UTF-8                                                                                       */

/* Length of the well-formed UTF-8 sequence at @p (1 for ASCII), or 0 when it is ill-formed; then
 * @bad_length is the length of its maximal well-formed prefix (at least 1), the bytes one U+FFFD
 * replaces (Unicode §3.9, "substitution of maximal subparts"). */
static inline gsize
utf8_sequence_length (const guint8 *p,
                      gsize         n,
                      gsize        *bad_length)
{
  guint8 b = p[0];
  gsize need;
  guint8 lo = 0x80, hi = 0xbf;

  if (b < 0x80)
    return 1;
  if (b >= 0xc2 && b <= 0xdf)
    need = 1;
  else if (b >= 0xe0 && b <= 0xef)
    {
      need = 2;
      if (b == 0xe0)
        lo = 0xa0;
      else if (b == 0xed)
        hi = 0x9f;
    }
  else if (b >= 0xf0 && b <= 0xf4)
    {
      need = 3;
      if (b == 0xf0)
        lo = 0x90;
      else if (b == 0xf4)
        hi = 0x8f;
    }
  else
    {
      *bad_length = 1;
      return 0;
    }

  for (gsize k = 1; k <= need; k++)
    {
      guint8 c;

      if (k >= n)
        {
          *bad_length = k;
          return 0;
        }
      c = p[k];
      if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xbf))
        {
          *bad_length = k;
          return 0;
        }
    }

  return need + 1;
}

typedef struct
{
  gsize n_high;        /* bytes ≥ 0x80 */
  gsize n_valid_high;  /* of which in well-formed multi-byte sequences */
  gsize n_invalid;     /* ill-formed sequences (each would become one U+FFFD) */
  gsize first_invalid; /* offset of the first */
  gsize n_controls;
} Utf8Stats;

static void
utf8_statistics (const guint8 *p,
                 gsize         n,
                 Utf8Stats    *stats)
{
  gsize i = 0;

  memset (stats, 0, sizeof *stats);
  stats->first_invalid = G_MAXSIZE;

  while (i < n)
    {
      guint8 b = p[i];
      gsize len, bad = 0;

      if (b < 0x80)
        {
          if (G_UNLIKELY (is_binary_control (b)))
            stats->n_controls++;
          i++;
          continue;
        }

      len = utf8_sequence_length (p + i, n - i, &bad);
      if (len > 0)
        {
          stats->n_high += len;
          stats->n_valid_high += len;
          i += len;
        }
      else
        {
          if (stats->n_invalid == 0)
            stats->first_invalid = i;
          stats->n_invalid++;
          /* Continuation bytes in the bad prefix are high bytes too. */
          stats->n_high += bad;
          i += bad;
        }
    }
}

/* Copies @n bytes of UTF-8 to a new buffer, replacing each ill-formed sequence with U+FFFD;
 * @n_replaced counts them. */
static char *
utf8_repair (const guint8 *p,
             gsize         n,
             gsize         n_invalid_hint,
             gsize        *out_length,
             gsize        *n_replaced)
{
  /* An ill-formed sequence is at least one byte and U+FFFD is three: this is the exact size
   * when the hint is right, and GString grows if it is not. */
  GString *out = g_string_sized_new (n + 2 * n_invalid_hint + 1);
  const guint8 *s = p;
  const guint8 *end = p + n;
  gsize replaced = 0;

  while (s < end)
    {
      const char *valid_end;
      gsize bad = 0;

      if (g_utf8_validate_len ((const char *) s, (gsize) (end - s), &valid_end))
        {
          g_string_append_len (out, (const char *) s, (gssize) (end - s));
          break;
        }

      g_string_append_len (out, (const char *) s, (gssize) ((const guint8 *) valid_end - s));
      s = (const guint8 *) valid_end;

      if (*s == '\0')
        {
          /* Kept for the line-end pass, which drops NUL. */
          g_string_append_c (out, '\0');
          s++;
          continue;
        }

      utf8_sequence_length (s, (gsize) (end - s), &bad);
      g_assert (bad >= 1);
      s += bad;
      g_string_append_len (out, "\xef\xbf\xbd", 3);
      replaced++;
    }

  *out_length = out->len;
  *n_replaced = replaced;
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------ */
/* Windows-1256                                                                                */

typedef enum
{
  CP1256_OTHER,        /* Latin letters, currency and other symbols */
  CP1256_ARABIC,       /* Arabic letters, harakat, tatweel */
  CP1256_PUNCTUATION,  /* ، ؛ ؟, quotes, dashes, NBSP, bidi marks */
} Cp1256Class;

typedef struct
{
  char   utf8[4];
  guint8 length;
  guint8 klass;
} Cp1256Entry;

static Cp1256Entry cp1256_table[128];

static gboolean
is_arabic_letter_or_mark (gunichar c)
{
  return (c >= 0x0621 && c <= 0x065F) || (c >= 0x066E && c <= 0x06D3) || c == 0x06D5 ||
         c == 0x0670;
}

static gboolean
is_arabic_text_punctuation (gunichar c)
{
  switch (c)
    {
    case 0x060C: case 0x061B: case 0x061F: /* ، ؛ ؟ */
    case 0x00A0: case 0x00AB: case 0x00BB: /* NBSP « » */
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x201A: case 0x201E:
    case 0x2013: case 0x2014: case 0x2026: case 0x2022:
    case 0x200C: case 0x200D: case 0x200E: case 0x200F:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The table comes from iconv through g_convert(), so that Rasd decodes Windows-1256 exactly as
 * the C library does; it is built once. */
static gboolean
cp1256_table_init (void)
{
  static gsize initialised = 0;
  static gboolean available = FALSE;

  if (g_once_init_enter (&initialised))
    {
      static const char *names[] = { "WINDOWS-1256", "CP1256" };
      const char *name = NULL;

      for (gsize k = 0; k < G_N_ELEMENTS (names) && name == NULL; k++)
        {
          g_autoptr(GError) local_error = NULL;
          g_autofree char *probe = g_convert ("\xc7", 1, "UTF-8", names[k], NULL, NULL, &local_error);

          if (probe != NULL && strcmp (probe, "\xd8\xa7") == 0) /* ا */
            name = names[k];
        }

      if (name != NULL)
        {
          for (guint b = 0x80; b <= 0xff; b++)
            {
              Cp1256Entry *e = &cp1256_table[b - 0x80];
              char byte = (char) b;
              gsize written = 0;
              g_autofree char *utf8 = g_convert (&byte, 1, "UTF-8", name, NULL, &written, NULL);
              gunichar c;

              if (utf8 == NULL || written == 0 || written > 3)
                {
                  memcpy (e->utf8, "\xef\xbf\xbd", 3);
                  e->length = 3;
                  e->klass = CP1256_OTHER;
                  continue;
                }
              memcpy (e->utf8, utf8, written);
              e->length = (guint8) written;
              c = g_utf8_get_char (utf8);
              if (is_arabic_letter_or_mark (c))
                e->klass = CP1256_ARABIC;
              else if (is_arabic_text_punctuation (c))
                e->klass = CP1256_PUNCTUATION;
              else
                e->klass = CP1256_OTHER;
            }
          available = TRUE;
        }
      else
        g_warning ("iconv knows neither WINDOWS-1256 nor CP1256: legacy Arabic files cannot be read");

      g_once_init_leave (&initialised, 1);
    }

  return available;
}

typedef struct
{
  gsize n_high;
  gsize n_arabic;
  gsize n_punctuation;
  gsize n_arabic_pairs; /* adjacent Arabic letters: words, not stray bytes */
  gsize out_length;
} Cp1256Stats;

static void
cp1256_statistics (const guint8 *p,
                   gsize         n,
                   Cp1256Stats  *stats)
{
  gboolean previous_arabic = FALSE;

  memset (stats, 0, sizeof *stats);
  for (gsize i = 0; i < n; i++)
    {
      guint8 b = p[i];
      const Cp1256Entry *e;

      if (b < 0x80)
        {
          stats->out_length++;
          previous_arabic = FALSE;
          continue;
        }
      e = &cp1256_table[b - 0x80];
      stats->n_high++;
      stats->out_length += e->length;
      if (e->klass == CP1256_ARABIC)
        {
          stats->n_arabic++;
          if (previous_arabic)
            stats->n_arabic_pairs++;
          previous_arabic = TRUE;
        }
      else
        {
          if (e->klass == CP1256_PUNCTUATION)
            stats->n_punctuation++;
          previous_arabic = FALSE;
        }
    }
}

static gboolean
cp1256_looks_arabic (const Cp1256Stats *stats)
{
  return stats->n_high > 0 &&
         stats->n_arabic_pairs >= 1 &&
         stats->n_arabic >= CP1256_ARABIC_RATIO * stats->n_high &&
         stats->n_arabic + stats->n_punctuation >= CP1256_PLAUSIBLE_RATIO * stats->n_high;
}

static char *
cp1256_decode (const guint8 *p,
               gsize         n,
               gsize         out_length)
{
  char *out = g_malloc (out_length + 1);
  char *d = out;

  for (gsize i = 0; i < n; i++)
    {
      guint8 b = p[i];

      if (b < 0x80)
        *d++ = (char) b;
      else
        {
          const Cp1256Entry *e = &cp1256_table[b - 0x80];

          memcpy (d, e->utf8, e->length);
          d += e->length;
        }
    }
  g_assert ((gsize) (d - out) == out_length);
  *d = '\0';
  return out;
}

/* ------------------------------------------------------------------------------------------ */
/* UTF-16                                                                                      */

static inline char *
put_utf8 (char     *d,
          gunichar  c)
{
  if (c < 0x80)
    *d++ = (char) c;
  else if (c < 0x800)
    {
      *d++ = (char) (0xc0 | (c >> 6));
      *d++ = (char) (0x80 | (c & 0x3f));
    }
  else if (c < 0x10000)
    {
      *d++ = (char) (0xe0 | (c >> 12));
      *d++ = (char) (0x80 | ((c >> 6) & 0x3f));
      *d++ = (char) (0x80 | (c & 0x3f));
    }
  else
    {
      *d++ = (char) (0xf0 | (c >> 18));
      *d++ = (char) (0x80 | ((c >> 12) & 0x3f));
      *d++ = (char) (0x80 | ((c >> 6) & 0x3f));
      *d++ = (char) (0x80 | (c & 0x3f));
    }
  return d;
}

/* Decodes UTF-16 code units from @p (after the byte order mark, which is @bom_length bytes of
 * the file, for offsets in messages). */
static char *
utf16_decode (const guint8  *p,
              gsize          n,
              gboolean       big_endian,
              gsize          bom_length,
              gsize         *out_length,
              GError       **error)
{
  const char *name = big_endian ? "UTF-16BE" : "UTF-16LE";
  g_autofree char *out = NULL;
  char *d;
  gsize i;

  if (n % 2 != 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_ENCODING,
                   "%s text (by its byte order mark) with an odd number of bytes (%" G_GSIZE_FORMAT
                   "): the file is truncated or is not UTF-16",
                   name, n + bom_length);
      return NULL;
    }

  /* A code unit (2 bytes) gives at most 3 bytes of UTF-8; a pair (4 bytes) gives 4. */
  out = g_malloc (n / 2 * 3 + 1);
  d = out;

  for (i = 0; i < n; i += 2)
    {
      gunichar u = big_endian ? ((gunichar) p[i] << 8 | p[i + 1]) : ((gunichar) p[i + 1] << 8 | p[i]);

      if (G_LIKELY (u < 0xd800 || u > 0xdfff))
        {
          d = put_utf8 (d, u);
          continue;
        }

      if (u <= 0xdbff && i + 3 < n)
        {
          gunichar low = big_endian ? ((gunichar) p[i + 2] << 8 | p[i + 3])
                                    : ((gunichar) p[i + 3] << 8 | p[i + 2]);

          if (low >= 0xdc00 && low <= 0xdfff)
            {
              d = put_utf8 (d, 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00));
              i += 2;
              continue;
            }
        }

      g_set_error (error, RASD_ERROR, RASD_ERROR_ENCODING,
                   "invalid %s text: unpaired surrogate 0x%04X at byte offset %" G_GSIZE_FORMAT
                   "; the file is damaged or not in %s",
                   name, u, i + bom_length, name);
      return NULL;
    }

  *d = '\0';
  *out_length = (gsize) (d - out);
  return g_steal_pointer (&out);
}

/* TRUE when the NUL bytes of @p fall mostly on one parity, as in UTF-16 text of ASCII or Arabic
 * characters written without a byte order mark. */
static gboolean
looks_like_utf16_without_bom (const guint8 *p,
                              gsize         n)
{
  gsize zeros[2] = { 0, 0 };
  gsize limit = MIN (n, 4096) & ~(gsize) 1;

  if (limit < 4)
    return FALSE;
  for (gsize i = 0; i < limit; i++)
    if (p[i] == 0)
      zeros[i & 1]++;
  /* At least 30% of one parity is NUL, and the other parity has ten times fewer. */
  return MAX (zeros[0], zeros[1]) >= limit / 2 * 3 / 10 &&
         MIN (zeros[0], zeros[1]) * 10 < MAX (zeros[0], zeros[1]);
}

/* ------------------------------------------------------------------------------------------ */

char *
rasd_decode_text (const guint8      *data,
                  gsize              length,
                  RasdTextEncoding  *encoding,
                  gsize             *n_replaced,
                  GError           **error)
{
  RasdTextEncoding enc = RASD_TEXT_ENCODING_UTF8;
  const guint8 *body = data;
  gsize body_length = length;
  gsize bom_length = 0;
  gsize replaced = 0;
  gsize n_controls = 0;
  g_autofree char *converted = NULL;
  const char *utf8 = NULL;
  gsize utf8_length = 0;
  g_autofree char *out = NULL;
  gsize out_length;
  const char *magic;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_EMPTY, "the file is empty");
      return NULL;
    }

  magic = find_binary_magic (data, length);
  if (magic != NULL)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_BINARY, "binary data, not text (%s)", magic);
      return NULL;
    }

  if ((length >= 4 && memcmp (data, "\xff\xfe\x00\x00", 4) == 0) ||
      (length >= 4 && memcmp (data, "\x00\x00\xfe\xff", 4) == 0))
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_ENCODING,
                           "UTF-32 text (by its byte order mark) is not supported; save the file as UTF-8");
      return NULL;
    }

  if (length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0))
    {
      gboolean big_endian = data[0] == 0xfe;

      enc = big_endian ? RASD_TEXT_ENCODING_UTF16BE : RASD_TEXT_ENCODING_UTF16LE;
      bom_length = 2;
      converted = utf16_decode (data + 2, length - 2, big_endian, 2, &utf8_length, error);
      if (converted == NULL)
        return NULL;
      utf8 = converted;
    }
  else
    {
      const guint8 *nul;
      const char *valid_end;

      if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
        {
          enc = RASD_TEXT_ENCODING_UTF8_BOM;
          bom_length = 3;
          body = data + 3;
          body_length = length - 3;
        }

      nul = memchr (body, 0, body_length);
      if (nul != NULL)
        {
          gsize offset = (gsize) (nul - data);

          if (looks_like_utf16_without_bom (data, length))
            g_set_error (error, RASD_ERROR, RASD_ERROR_BINARY,
                         "binary data, not text (NUL byte at offset %" G_GSIZE_FORMAT
                         "; if this is UTF-16 text, save it with a byte order mark or as UTF-8)",
                         offset);
          else
            g_set_error (error, RASD_ERROR, RASD_ERROR_BINARY,
                         "binary data, not text (NUL byte at offset %" G_GSIZE_FORMAT ")", offset);
          return NULL;
        }

      if (g_utf8_validate_len ((const char *) body, body_length, &valid_end))
        {
          utf8 = (const char *) body;
          utf8_length = body_length;
        }
      else
        {
          Utf8Stats stats;
          gboolean repair = FALSE;

          utf8_statistics (body, body_length, &stats);
          if (too_many_controls (stats.n_controls, body_length))
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_BINARY,
                           "binary data, not text (%" G_GSIZE_FORMAT " control characters)",
                           stats.n_controls);
              return NULL;
            }

          if (enc == RASD_TEXT_ENCODING_UTF8_BOM ||
              stats.n_valid_high >= MOSTLY_UTF8_RATIO * stats.n_high)
            repair = TRUE;
          else
            {
              Cp1256Stats cp;

              if (cp1256_table_init ())
                {
                  cp1256_statistics (body, body_length, &cp);
                  if (cp1256_looks_arabic (&cp))
                    {
                      enc = RASD_TEXT_ENCODING_WINDOWS_1256;
                      converted = cp1256_decode (body, body_length, cp.out_length);
                      utf8 = converted;
                      utf8_length = cp.out_length;
                    }
                }

              /* Not Arabic in Windows-1256: still mostly UTF-8, or a few stray bytes in
               * otherwise plain text, is worth reading with replacements. */
              if (enc != RASD_TEXT_ENCODING_WINDOWS_1256 &&
                  (stats.n_valid_high * 2 >= stats.n_high ||
                   stats.n_invalid * 50 <= body_length))
                repair = TRUE;
            }

          if (repair)
            {
              converted = utf8_repair (body, body_length, stats.n_invalid, &utf8_length, &replaced);
              utf8 = converted;
            }
          else if (enc != RASD_TEXT_ENCODING_WINDOWS_1256)
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_ENCODING,
                           "the text is neither UTF-8 nor Arabic in Windows-1256: %" G_GSIZE_FORMAT
                           " invalid UTF-8 sequences, the first at byte offset %" G_GSIZE_FORMAT,
                           stats.n_invalid, stats.first_invalid + bom_length);
              return NULL;
            }
        }
    }

  /* The line-end pass copies the borrowed input, or works in place on a converted buffer. */
  if (converted != NULL)
    out = g_steal_pointer (&converted);
  else
    out = g_malloc (utf8_length + 1);
  out_length = normalise_line_ends (utf8, utf8_length, out, &n_controls);
  out[out_length] = '\0';

  if (too_many_controls (n_controls, out_length + n_controls))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_BINARY,
                   "binary data, not text (%" G_GSIZE_FORMAT " control characters)", n_controls);
      return NULL;
    }

  if (is_blank (out, out_length))
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_EMPTY, "the file is empty");
      return NULL;
    }

  if (encoding != NULL)
    *encoding = enc;
  if (n_replaced != NULL)
    *n_replaced = replaced;

  return g_steal_pointer (&out);
}
