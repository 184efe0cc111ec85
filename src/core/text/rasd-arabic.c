#define G_LOG_DOMAIN "rasd-arabic"

#include "config.h"

#include <string.h>

#include "rasd-arabic.h"

/* What becomes of each character of the Arabic block U+0600–U+06FF: 0 keeps it, DROP removes
 * it, anything else replaces it.  One table lookup per character keeps the hot path (Arabic
 * text is two bytes a character) free of branches on ranges. */
#define DROP 0xFFFF

static const guint16 arabic_map[256] = {
  [0x10 ... 0x1A] = DROP,       /* honorific signs and small Quranic marks */
  [0x1C] = DROP,                /* ARABIC LETTER MARK (bidi) */
  [0x22] = 0x0627,              /* آ */
  [0x23] = 0x0627,              /* أ */
  [0x24] = 0x0648,              /* ؤ → و */
  [0x25] = 0x0627,              /* إ */
  [0x26] = 0x064A,              /* ئ → ي */
  [0x29] = 0x0647,              /* ة → ه */
  [0x40] = DROP,                /* tatweel */
  [0x49] = 0x064A,              /* ى → ي */
  [0x4B ... 0x5F] = DROP,       /* harakat, tanwin, shadda, sukun, hamza and madda marks */
  [0x60] = '0', [0x61] = '1', [0x62] = '2', [0x63] = '3', [0x64] = '4',
  [0x65] = '5', [0x66] = '6', [0x67] = '7', [0x68] = '8', [0x69] = '9',
  [0x70] = DROP,                /* superscript alef */
  [0x71] = 0x0627,              /* ٱ alef wasla */
  [0x72] = 0x0627,              /* alef with wavy hamza */
  [0x73] = 0x0627,
  [0x75] = 0x0627,              /* high hamza alef */
  [0x76] = 0x0648,              /* high hamza waw */
  [0x77] = 0x0648,
  [0x78] = 0x064A,              /* high hamza yeh */
  [0x7E] = 0x0628,              /* پ → ب */
  [0x86] = 0x062C,              /* چ → ج */
  [0x98] = 0x0632,              /* ژ → ز */
  [0xA4] = 0x0641,              /* ڤ → ف */
  [0xA9] = 0x0643,              /* ک → ك */
  [0xAF] = 0x0643,              /* گ → ك */
  [0xBE] = 0x0647,              /* ھ → ه */
  [0xC0] = 0x0647,              /* ۀ → ه */
  [0xC1] = 0x0647,              /* ہ → ه */
  [0xC2] = 0x0647,
  [0xC3] = 0x0647,              /* ۃ → ه */
  [0xCC] = 0x064A,              /* ی → ي */
  [0xD6 ... 0xED] = DROP,       /* Quranic annotation marks */
  [0xF0] = '0', [0xF1] = '1', [0xF2] = '2', [0xF3] = '3', [0xF4] = '4',
  [0xF5] = '5', [0xF6] = '6', [0xF7] = '7', [0xF8] = '8', [0xF9] = '9',
};

static inline gboolean
is_ignorable (gunichar c)
{
  return c == 0x00AD                       /* soft hyphen */
         || c == 0x061C                    /* Arabic letter mark */
         || (c >= 0x200B && c <= 0x200F)   /* zero-width space, joiners, LRM, RLM */
         || (c >= 0x202A && c <= 0x202E)   /* bidi embeddings and overrides */
         || (c >= 0x2060 && c <= 0x2064)   /* word joiner, invisible operators */
         || (c >= 0x2066 && c <= 0x2069)   /* bidi isolates */
         || c == 0xFEFF;                   /* byte order mark, zero-width no-break space */
}

static inline gboolean
is_presentation_form (gunichar c)
{
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

/* Presentation forms of harakat (isolated and medial) and the shadda ligatures: their
 * compatibility decompositions are a space and marks, so they are dropped like marks. */
static inline gboolean
is_presentation_diacritic (gunichar c)
{
  return (c >= 0xFE70 && c <= 0xFE7F) || (c >= 0xFC5E && c <= 0xFC63);
}

gboolean
rasd_arabic_is_diacritic (gunichar c)
{
  if (c >= 0x0600 && c <= 0x06FF)
    return (c >= 0x0610 && c <= 0x061A)
           || (c >= 0x064B && c <= 0x065F)
           || c == 0x0670
           || (c >= 0x06D6 && c <= 0x06ED);
  return (c >= 0x08D3 && c <= 0x08FF) || is_presentation_diacritic (c);
}

gboolean
rasd_arabic_is_letter (gunichar c)
{
  if (c < 0x0621)
    return FALSE;
  if (c <= 0x06FF)
    return (c <= 0x063F)
           || (c >= 0x0641 && c <= 0x064A)
           || (c >= 0x066E && c <= 0x066F)
           || (c >= 0x0671 && c <= 0x06D3)
           || c == 0x06D5
           || (c >= 0x06EE && c <= 0x06EF)
           || (c >= 0x06FA && c <= 0x06FC)
           || c == 0x06FF;
  if (c >= 0x0750 && c <= 0x077F)
    return TRUE;
  if (c >= 0x08A0 && c <= 0x08C9)
    return g_unichar_isalpha (c);
  if (is_presentation_form (c))
    return !is_presentation_diacritic (c) && g_unichar_isalpha (c);
  return FALSE;
}

RasdArabicClass
rasd_arabic_classify (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) ? RASD_ARABIC_CLASS_WORD : RASD_ARABIC_CLASS_OTHER;

  if (c >= 0x0600 && c <= 0x06FF)
    {
      if (rasd_arabic_is_letter (c)
          || (c >= 0x0660 && c <= 0x0669)
          || (c >= 0x06F0 && c <= 0x06F9))
        return RASD_ARABIC_CLASS_WORD;
      if (c == 0x0640 || rasd_arabic_is_diacritic (c))
        return RASD_ARABIC_CLASS_MARK;
      if (c == 0x061C)
        return RASD_ARABIC_CLASS_IGNORABLE;
      return RASD_ARABIC_CLASS_OTHER;
    }

  /* A zero-width space separates words, unlike the joiners beside it. */
  if (c == 0x200B)
    return RASD_ARABIC_CLASS_OTHER;
  if (is_ignorable (c))
    return RASD_ARABIC_CLASS_IGNORABLE;
  if (rasd_arabic_is_diacritic (c))
    return RASD_ARABIC_CLASS_MARK;
  if (g_unichar_isalnum (c))
    return RASD_ARABIC_CLASS_WORD;
  if (g_unichar_ismark (c))
    return RASD_ARABIC_CLASS_MARK;
  return RASD_ARABIC_CLASS_OTHER;
}

/* The normalisation of one character that is not a presentation form. */
static inline gunichar
map_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower (c);
  if (c >= 0x0600 && c <= 0x06FF)
    {
      guint16 m = arabic_map[c - 0x0600];

      if (m == DROP)
        return 0;
      return m != 0 ? m : c;
    }
  if (is_ignorable (c) || rasd_arabic_is_diacritic (c))
    return 0;
  return g_unichar_tolower (c);
}

gunichar
rasd_arabic_normalize_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (!is_presentation_form (c))
    return map_char (c);
  if (is_presentation_diacritic (c))
    return 0;

  n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      gunichar m = map_char (decomposed[i]);

      if (m != 0)
        return m;
    }
  return 0;
}

/* Growth for the rare characters whose normalisation is longer than they are (ligatures
 * such as ﷺ, a few case pairs).  The buffer always keeps room for NEEDED bytes plus the rest
 * of the input, which the fast paths never lengthen. */
static char *
grow (GString *out,
      char    *o,
      char   **oend,
      gsize    needed)
{
  gsize pos = o - out->str;

  g_string_set_size (out, MAX (out->len * 2, pos + needed + 8));
  *oend = out->str + out->len;
  return out->str + pos;
}

static inline char *
put_char (char     *o,
          gunichar  c)
{
  if (c < 0x80)
    *o++ = (char) c;
  else if (c < 0x800)
    {
      *o++ = (char) (0xC0 | (c >> 6));
      *o++ = (char) (0x80 | (c & 0x3F));
    }
  else
    o += g_unichar_to_utf8 (c, o);
  return o;
}

void
rasd_arabic_normalize_append (GString    *out,
                              const char *text,
                              gssize      length)
{
  const guchar *p;
  const guchar *end;
  gsize start;
  char *o;
  char *oend;

  g_return_if_fail (out != NULL);
  g_return_if_fail (length >= -1);
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);
  if (length == 0)
    return;

  /* Normalising never lengthens ASCII or Arabic-block text, so the output fits in the input's
   * size; the slow paths below check for room. */
  start = out->len;
  g_string_set_size (out, start + length + 8);
  o = out->str + start;
  oend = out->str + out->len;

  p = (const guchar *) text;
  end = p + length;
  while (p < end)
    {
      guchar b = *p;

      if (b < 0x80)
        {
          if (G_LIKELY (b != 0))
            *o++ = (b >= 'A' && b <= 'Z') ? (char) (b + 32) : (char) b;
          p++;
          continue;
        }

      if (b >= 0xD8 && b <= 0xDB && p + 1 < end && (p[1] & 0xC0) == 0x80)
        {
          guint idx = ((b & 0x03u) << 6) | (p[1] & 0x3Fu);
          guint16 m = arabic_map[idx];

          if (m == 0)
            {
              o[0] = (char) b;
              o[1] = (char) p[1];
              o += 2;
            }
          else if (m != DROP)
            o = put_char (o, m);
          p += 2;
          continue;
        }

      {
        gunichar c = g_utf8_get_char_validated ((const char *) p, end - p);
        gsize n;

        if (c == (gunichar) -1 || c == (gunichar) -2)
          {
            p++;    /* invalid or truncated: dropped */
            continue;
          }
        n = g_utf8_skip[b];
        p += n;

        if (is_presentation_form (c))
          {
            gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
            gsize nd;

            if (is_presentation_diacritic (c))
              continue;
            nd = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
            if ((gsize) (oend - o) < nd * 4 + (gsize) (end - p))
              o = grow (out, o, &oend, nd * 4 + (gsize) (end - p));
            for (gsize i = 0; i < nd; i++)
              {
                gunichar m = map_char (decomposed[i]);

                if (m != 0)
                  o = put_char (o, m);
              }
          }
        else
          {
            gunichar m = map_char (c);

            if (m == 0)
              continue;
            if ((gsize) (oend - o) < 4 + (gsize) (end - p))
              o = grow (out, o, &oend, 4 + (gsize) (end - p));
            o = put_char (o, m);
          }
      }
    }

  g_string_truncate (out, o - out->str);
}

char *
rasd_arabic_normalize (const char *text,
                       gssize      length)
{
  GString *out;

  g_return_val_if_fail (length >= -1, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);
  out = g_string_sized_new (length + 8);
  rasd_arabic_normalize_append (out, text, length);
  return g_string_free (out, FALSE);
}

guint
rasd_phrase_count_words (const char *phrase)
{
  guint n = 1;

  for (; *phrase != '\0'; phrase++)
    if (*phrase == ' ')
      n++;
  return n;
}

guint
rasd_phrase_index_first_word (GHashTable   *index,
                              GStringChunk *strings,
                              const char   *phrase)
{
  guint n = rasd_phrase_count_words (phrase);
  g_autofree char *word = g_strndup (phrase, strcspn (phrase, " "));

  if (n > GPOINTER_TO_UINT (g_hash_table_lookup (index, word)))
    g_hash_table_insert (index, (gpointer) g_string_chunk_insert_const (strings, word),
                         GUINT_TO_POINTER (n));
  return n;
}
