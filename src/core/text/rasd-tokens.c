#define G_LOG_DOMAIN "rasd-tokens"

#include "config.h"

#include <string.h>

#include "rasd-arabic.h"
#include "rasd-tokens.h"

struct _RasdTokens
{
  GArray       *tokens;     /* RasdToken */
  GArray       *sentences;  /* RasdSentence */
  GString      *norms;      /* the normalised forms, each ended by a NUL */
};

static gboolean
ends_sentence (gunichar c)
{
  return c == '.' || c == '?' || c == '!' || c == 0x061F /* ؟ */ || c == 0x061B /* ؛ */ ||
         c == '\n' || c == 0x06D4 /* ۔ */ || c == 0x2029;
}

static void
close_sentence (RasdTokens *self,
                const char *text,
                gsize       start_char,
                gsize       start_byte,
                gsize       end_char,
                gsize       end_byte,
                guint       first_token)
{
  RasdSentence sentence;
  guint n = self->tokens->len - first_token;
  const char *p;

  if (n == 0)
    return;

  /* Trim to the first and last character that is not white space. */
  p = text + start_byte;
  while (start_byte < end_byte && g_unichar_isspace (g_utf8_get_char (p)))
    {
      const char *next = g_utf8_next_char (p);
      start_byte += next - p;
      start_char++;
      p = next;
    }
  while (end_byte > start_byte)
    {
      const char *prev = g_utf8_prev_char (text + end_byte);
      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end_byte = prev - text;
      end_char--;
    }

  sentence.start = start_char;
  sentence.end = end_char;
  sentence.byte_start = start_byte;
  sentence.byte_end = end_byte;
  sentence.first_token = first_token;
  sentence.n_tokens = n;
  g_array_append_val (self->sentences, sentence);
}

/* g_utf8_get_char(), with ASCII and two-byte characters (Arabic) decoded inline. */
static inline gunichar
decode_char (const char *p)
{
  guchar b0 = (guchar) p[0];

  if (b0 < 0x80)
    return b0;
  if (b0 >= 0xC2 && b0 <= 0xDF && ((guchar) p[1] & 0xC0) == 0x80)
    return ((gunichar) (b0 & 0x1F) << 6) | ((guchar) p[1] & 0x3F);
  return g_utf8_get_char (p);
}

/* What the tokenizer asks of a character: its RasdArabicClass (bits 0-2), whether it is an
 * Arabic letter (CHAR_ARABIC) and whether a letter at all (CHAR_ALPHA). */
#define CHAR_CLASS  0x07
#define CHAR_ARABIC 0x08
#define CHAR_ALPHA  0x10

static guint8
char_info_of (gunichar c)
{
  return (guint8) (rasd_arabic_classify (c) |
                   (rasd_arabic_is_letter (c) ? CHAR_ARABIC : 0) |
                   (g_unichar_isalpha (c) ? CHAR_ALPHA : 0));
}

/* char_info_of() for the characters below U+0800 (Latin, Arabic: nearly all of a text), read
 * from a table built once. */
static guint8 char_info_low[0x800];

static void
char_info_init (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (gunichar c = 0; c < 0x800; c++)
        char_info_low[c] = char_info_of (c);
      g_once_init_leave (&initialised, 1);
    }
}

static inline guint8
char_info (gunichar c)
{
  return c < 0x800 ? char_info_low[c] : char_info_of (c);
}

RasdTokens *
rasd_tokens_new (const char *text)
{
  RasdTokens *self;
  const char *p;
  gsize chars = 0;
  gsize sentence_start_char = 0;
  gsize sentence_start_byte = 0;
  guint sentence_first_token = 0;

  g_return_val_if_fail (text != NULL, NULL);

  char_info_init ();
  self = g_new0 (RasdTokens, 1);
  /* about a word in 8 bytes of Arabic text: most articles never grow the array (a long text
   * grows it, doubling, from a size that never reserves more than 4 MB for nothing) */
  self->tokens = g_array_sized_new (FALSE, FALSE, sizeof (RasdToken),
                                    MIN (strlen (text) / 8 + 16, 65536));
  self->sentences = g_array_new (FALSE, FALSE, sizeof (RasdSentence));
  /* the forms are no longer than the text: one buffer, no copy per word */
  self->norms = g_string_sized_new (strlen (text) + 16);

  p = text;
  while (*p != '\0')
    {
      gunichar c = decode_char (p);
      RasdArabicClass klass = char_info (c) & CHAR_CLASS;

      if (klass == RASD_ARABIC_CLASS_WORD)
        {
          RasdToken token = { 0 };
          const char *word = p;
          const char *surface_end = p;
          gsize surface_end_chars = chars;

          token.start = chars;
          token.byte_start = p - text;
          while (*p != '\0')
            {
              gunichar w = decode_char (p);
              guint8 info = char_info (w);
              RasdArabicClass k = info & CHAR_CLASS;

              if (k == RASD_ARABIC_CLASS_OTHER)
                break;
              if (k == RASD_ARABIC_CLASS_WORD)
                {
                  if (info & CHAR_ARABIC)
                    token.flags |= RASD_TOKEN_ARABIC;
                  else if (info & CHAR_ALPHA)
                    token.flags |= RASD_TOKEN_LATIN;
                }
              p = g_utf8_next_char (p);
              chars++;
              if (k != RASD_ARABIC_CLASS_IGNORABLE)
                {
                  surface_end = p;
                  surface_end_chars = chars;
                }
            }
          token.end = surface_end_chars;
          token.byte_end = surface_end - text;
          if ((token.flags & (RASD_TOKEN_ARABIC | RASD_TOKEN_LATIN)) == 0)
            token.flags |= RASD_TOKEN_NUMBER;

          /* the form's offset in norms until the end, where the buffer no longer moves:
           * no interning (it hashed every word), nothing compares two tokens' by address */
          token.norm = GSIZE_TO_POINTER (self->norms->len);
          rasd_arabic_normalize_append (self->norms, word, surface_end - word);
          g_string_append_c (self->norms, '\0');
          token.sentence = self->sentences->len;
          g_array_append_val (self->tokens, token);
          continue;
        }

      if (ends_sentence (c))
        {
          gboolean decimal = FALSE;

          /* 3.5 and 1.000: a point between digits. */
          if (c == '.' && self->tokens->len > 0 && p > text && g_unichar_isdigit (g_utf8_get_char (g_utf8_prev_char (p))))
            {
              const char *next = g_utf8_next_char (p);
              decimal = g_unichar_isdigit (g_utf8_get_char (next));
            }
          if (!decimal)
            {
              const char *next = g_utf8_next_char (p);

              close_sentence (self, text, sentence_start_char, sentence_start_byte, chars + 1,
                              next - text, sentence_first_token);
              sentence_start_char = chars + 1;
              sentence_start_byte = next - text;
              sentence_first_token = self->tokens->len;
            }
        }
      p = g_utf8_next_char (p);
      chars++;
    }
  close_sentence (self, text, sentence_start_char, sentence_start_byte, chars, p - text,
                  sentence_first_token);
  for (guint i = 0; i < self->tokens->len; i++)
    {
      RasdToken *token = &g_array_index (self->tokens, RasdToken, i);

      token->norm = self->norms->str + GPOINTER_TO_SIZE (token->norm);
    }

  return self;
}

void
rasd_tokens_free (RasdTokens *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->tokens);
  g_array_unref (self->sentences);
  g_string_free (self->norms, TRUE);
  g_free (self);
}

guint
rasd_tokens_get_n_tokens (RasdTokens *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->tokens->len;
}

const RasdToken *
rasd_tokens_get_token (RasdTokens *self,
                       guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->tokens->len, NULL);
  return &g_array_index (self->tokens, RasdToken, index);
}

const RasdToken *
rasd_tokens_get_tokens (RasdTokens *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tokens->len > 0 ? &g_array_index (self->tokens, RasdToken, 0) : NULL;
}

guint
rasd_tokens_get_n_sentences (RasdTokens *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sentences->len;
}

const RasdSentence *
rasd_tokens_get_sentence (RasdTokens *self,
                          guint       index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);
  return &g_array_index (self->sentences, RasdSentence, index);
}

int
rasd_tokens_find_at (RasdTokens *self,
                     gsize       offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, -1);

  hi = self->tokens->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const RasdToken *t = &g_array_index (self->tokens, RasdToken, mid);

      if (offset < t->start)
        hi = mid;
      else if (offset >= t->end)
        lo = mid + 1;
      else
        return mid;
    }
  return -1;
}

/* UTF-8 of the Arabic letters compared here: two bytes each. */
#define WAW "\xd9\x88"
#define FA "\xd9\x81"
#define BA "\xd8\xa8"
#define KAF "\xd9\x83"
#define LAM "\xd9\x84"
#define ALEF "\xd8\xa7"

/* Whether @s has at least @min characters, counted as g_utf8_strlen() does but without
 * reading the rest of a long word. */
static gboolean
has_letters (const char *s,
             gsize       min)
{
  gsize n = 0;

  for (; *s != '\0' && n < min; s = g_utf8_next_char (s))
    n++;
  return n >= min;
}

/* g_str_has_prefix() for the two-byte letters below, without measuring the word. */
static inline gboolean
starts_with (const char *s,
             const char *prefix)
{
  return strncmp (s, prefix, strlen (prefix)) == 0;
}

guint
rasd_token_proclitic_forms (const char  *norm,
                            const char **forms,
                            char        *buffer)
{
  guint n = 0;
  const char *rest = norm;

  g_return_val_if_fail (norm != NULL, 0);

  forms[n++] = norm;

  /* و / ف: conjunctions */
  if ((starts_with (rest, WAW) || starts_with (rest, FA)) && has_letters (rest + 2, 3))
    {
      rest += 2;
      forms[n++] = rest;
    }

  /* لل = ل + ال with the alef elided: للاسد → الاسد */
  if (starts_with (rest, LAM LAM) && has_letters (rest + 4, 2))
    {
      char *form = buffer;

      strcpy (form, ALEF LAM);
      strcat (form, rest + 4);
      forms[n++] = form;
      /* ...or ل before a word that starts with ل: للبنان → لبنان */
      if (has_letters (rest + 2, 3) && n < RASD_TOKEN_MAX_FORMS)
        forms[n++] = rest + 2;
      return n;
    }

  /* ب / ك / ل: prepositions (بدمشق، لموسكو، كالرئيس) */
  if ((starts_with (rest, BA) || starts_with (rest, KAF) || starts_with (rest, LAM)) &&
      has_letters (rest + 2, 3) && n < RASD_TOKEN_MAX_FORMS)
    forms[n++] = rest + 2;

  return n;
}
