#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Arabic normalisation for matching, not for display: removes diacritics (harakat, tanwin,
 * shadda, sukun, superscript alef), tatweel and bidi/zero-width marks; folds alef forms
 * (أ إ آ ٱ) to ا, ى to ي, ة to ه, ؤ to و, ئ to ي; Arabic-Indic and Persian digits to ASCII;
 * Persian/Urdu letters used in Arabic text (ک ی ڤ گ) to their Arabic forms where common;
 * Latin to lower case.  Returns newly allocated UTF-8. */
char     *rasd_arabic_normalize          (const char *text,
                                          gssize      length);

/* Appends the normalisation of TEXT to OUT, for hot loops that reuse one GString (the FTS5
 * tokenizer).  Invalid UTF-8 and NUL bytes are dropped. */
void      rasd_arabic_normalize_append   (GString    *out,
                                          const char *text,
                                          gssize      length);

/* The same for one character, 0 when the character is dropped.  A presentation-form ligature
 * (ﻻ) gives its first letter; rasd_arabic_normalize() gives them all. */
gunichar  rasd_arabic_normalize_char     (gunichar    c);

gboolean  rasd_arabic_is_letter          (gunichar    c);
gboolean  rasd_arabic_is_diacritic       (gunichar    c);

/* How a character takes part in a word, for tokenizers: WORD characters (letters and digits of
 * any script) start and continue a word; MARK characters (diacritics, tatweel, combining marks)
 * continue it and are part of its surface; IGNORABLE characters (zero-width joiners, bidi marks,
 * soft hyphen) continue it but are not part of its surface at either end; OTHER ends it. */
typedef enum
{
  RASD_ARABIC_CLASS_OTHER,
  RASD_ARABIC_CLASS_WORD,
  RASD_ARABIC_CLASS_MARK,
  RASD_ARABIC_CLASS_IGNORABLE,
} RasdArabicClass;

RasdArabicClass rasd_arabic_classify     (gunichar    c);

/* Lexicon indexes of normalised phrases (words separated by single spaces). */

/* How many words @phrase has. */
guint     rasd_phrase_count_words        (const char   *phrase);
/* Records in @index (first word → GUINT most words) that a phrase of @phrase's words begins with
 * its first word, the word's copy kept in @strings; returns the phrase's number of words.  A
 * lookup can then skip the phrases no entry can match. */
guint     rasd_phrase_index_first_word   (GHashTable   *index,
                                          GStringChunk *strings,
                                          const char   *phrase);

G_END_DECLS
