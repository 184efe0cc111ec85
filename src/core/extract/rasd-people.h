#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One person of the lexicon; owned by it and immutable.
 *
 * key: stable ASCII id ("vladimir-putin" for hand-written entries, "up:…" for those derived
 * from the UniversalPetrarch actor dictionary).  name_en and country may be NULL. */
typedef struct
{
  const char *key;
  const char *name_ar;
  const char *name_en;
  const char *country;   /* ISO 3166-1 alpha-2, or NULL */
} RasdPerson;

typedef enum
{
  RASD_TITLE_HONORIFIC,  /* معالي، سمو، فخامة، الدكتور: skipped before a name */
  RASD_TITLE_TITLE,      /* الرئيس، الملك، الأمير، الشيخ */
  RASD_TITLE_ROLE,       /* وزير الخارجية، الأمين العام، المتحدث باسم */
  RASD_TITLE_REFERENCE,  /* الوزير، المسؤول: a role that names no office of its own, used to
                          * point back at someone named (الوزير التركي); no tagger feature */
  RASD_TITLE_RANK,       /* الفريق، اللواء، العميد: a military rank, a title before a name;
                          * alone a common noun (team, brigade, dean) pointing back at no
                          * one.  The tagger reads it as a title */
} RasdTitleType;

/* A title or role that precedes names.  text is normalised (rasd_arabic_normalize()); office
 * is the title after the honorific a listed title begins with (جلالة الملك → الملك، سمو ولي
 * العهد → ولي العهد), text itself when it begins with none. */
typedef struct
{
  const char    *text;
  RasdTitleType  type;
  const char    *office;
} RasdTitle;

typedef struct _RasdPeople RasdPeople;

/* Loads people.tsv, titles.tsv and first-names.txt from @data_dir.  The result is immutable
 * and may be read from several threads at once. */
RasdPeople       *rasd_people_load           (const char          *data_dir,
                                              GError             **error);
void              rasd_people_free           (RasdPeople          *self);

/* The person named by @normalized_phrase (rasd_arabic_normalize() output, 1 to
 * rasd_people_max_words() words separated by single spaces, no clitics): a full name, an alias
 * or a short form (الاسد، بوتين), or NULL.  "عبد الله"/"عبدالله" and "ابو X"/"ابوX" are both
 * indexed.  Owned by the lexicon. */
const RasdPerson *rasd_people_lookup         (RasdPeople          *self,
                                              const char          *normalized_phrase);

/* Whether @normalized_phrase is only a short form (surname usable alone, e.g. الاسد) of the
 * returned person, rather than a full name; callers may want more context for those. */
gboolean          rasd_people_is_short_form  (RasdPeople          *self,
                                              const char          *normalized_phrase);

/* The largest number of words of any name, to bound phrase scanning. */
guint             rasd_people_max_words      (RasdPeople          *self);
/* The most words of a known name that begins with @word (normalised); 0 when none does: lets
 * a caller skip the longer lookups. */
guint             rasd_people_words_from     (RasdPeople          *self,
                                              const char          *word);

gboolean          rasd_people_is_first_name  (RasdPeople          *self,
                                              const char          *normalized_word);
/* The same for first-names.txt alone, without first-names-regional.txt: what the name
 * tagger's features read, so that its trained model stays as trained. */
gboolean          rasd_people_is_first_name_core (RasdPeople      *self,
                                                  const char      *normalized_word);

/* The spelling-blind form of a normalised name, by which two spellings of one person compare
 * equal: ال dropped from each word (الحسين، حسين), غ read as ج in transliterations (سيرغي،
 * سيرجي), ابن as بن, and عبد always split from what follows (عبدالله، عبد الله).  Newly
 * allocated. */
char             *rasd_people_variant        (const char          *normalized_phrase);
/* @variant (rasd_people_variant()) without the long vowels ا و ي after each word's first letter,
 * as a transliterated name is written with more or fewer of them (ويليامز، وليامز), or NULL when
 * fewer than 7 letters remain. */
char             *rasd_people_vowel_skeleton (const char          *variant);
/* Appends the variant of one word to @out, after a space when @out is not empty. */
void              rasd_people_variant_append (GString             *out,
                                              const char          *word);
/* The person whose name or alias of two words or more has the variant @variant_phrase (of
 * rasd_people_variant()), or NULL. */
const RasdPerson *rasd_people_lookup_variant (RasdPeople          *self,
                                              const char          *variant_phrase);
/* The person a name of two words or more not in the lexicon is another spelling of: its
 * variant, or the same name with long vowels written or left out (ميريكل، ميركل), or with a
 * father's name between the first name and an ال family name (عادل بن أحمد الجبير for عادل
 * الجبير); NULL when none fits or two people would. */
const RasdPerson *rasd_people_lookup_near    (RasdPeople          *self,
                                              const char          *normalized_name);
/* The most words of a variant of two words or more that begins with @variant_word; 0 when
 * none does. */
guint             rasd_people_variant_words_from (RasdPeople      *self,
                                                  const char      *variant_word);

/* The longest title at the start of @normalized_words (@n words), or NULL; @n_matched, if not
 * NULL, receives how many words it covers.  Open roles "وزير/وزيرة + noun" (وزير الطاقه) and
 * "رئيس + noun" are matched as two words when no listed title is longer; an adjective after
 * the title (الروسي) is not part of it.  For such an open role the title's text is its head
 * word (وزير، رئيس) and @n_matched is 2. */
const RasdTitle  *rasd_people_match_title    (RasdPeople          *self,
                                              const char * const  *normalized_words,
                                              guint                n,
                                              guint               *n_matched);

/* Whether a title (or an open role) can begin with @normalized_word: when not,
 * rasd_people_match_title() finds nothing for words that begin with it. */
gboolean          rasd_people_can_start_title (RasdPeople         *self,
                                               const char         *normalized_word);

/* The person @key names, or NULL. */
const RasdPerson *rasd_people_get_person     (RasdPeople          *self,
                                              const char          *key);

/* Counts for reports and tests. */
guint             rasd_people_n_people       (RasdPeople          *self);
guint             rasd_people_n_titles       (RasdPeople          *self);
guint             rasd_people_n_first_names  (RasdPeople          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdPeople, rasd_people_free)

G_END_DECLS
