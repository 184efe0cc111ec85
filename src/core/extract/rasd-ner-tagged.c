#define G_LOG_DOMAIN "rasd-ner"

#include "config.h"

#include "rasd-ner-private.h"

#include <string.h>

#include "rasd-arabic.h"
#include "rasd-rules.h"

/* What the trained name tagger (RasdNameTagger) decides about the names the lexicon lacks: the
 * rules' reading is checked against its labels and ended where it reads words of every day,
 * and the people it reads that no rule did are taken too; where it reads family names on
 * (جابر المبارك الحمد الصباح، محمد بن عبدالرحمن العمر), the name goes on.  The labels are read
 * once per article, when first asked. */

static const guint8 *
labels (Run *run)
{
  if (run->tagged == NULL)
    {
      run->tagged = g_new0 (guint8, run->n + 1);
      rasd_name_tagger_label_tokens (run->tagger, run->text, run->tokens, run->tagged);
    }
  return run->tagged;
}

/* Whether the tagger reads token @i inside the name of a person begun before it (I-PERS after
 * B-PERS or I-PERS); FALSE without the tagger. */
gboolean
tagged_inside_person (Run  *run,
                      guint i)
{
  const guint8 *tagged;

  if (run->tagger == NULL || i == 0 || i >= run->n)
    return FALSE;
  tagged = labels (run);
  return tagged[i] == RASD_NAME_LABEL_I_PERS &&
         (tagged[i - 1] == RASD_NAME_LABEL_B_PERS || tagged[i - 1] == RASD_NAME_LABEL_I_PERS);
}

/* Whether token @j, after a family name with ال, is another family name: a word with ال that
 * is no word of every day, stop word, title, nationality, place or date, which the tagger
 * reads inside the same person's name. */
gboolean
family_goes_on (Run  *run,
                guint j)
{
  guint len = 0;

  if (j >= run->n || breaks_after (run, j - 1) || !has_prefix (tok (run, j)->norm, "ال") ||
      (tok (run, j)->flags & RASD_TOKEN_ARABIC) == 0 || run->covered[j] ||
      (run->dated != NULL && run->dated[j]) || is_common_word (run, j) || is_stop (run, j) ||
      match_title (run, j, &len) != NULL || match_adjective (run, j) != NULL ||
      rasd_gazetteer_lookup (run->ner->gazetteer, tok (run, j)->norm) != NULL ||
      !tagged_inside_person (run, j))
    return FALSE;
  return RASD_RULE_IS (NER_FAMILY_GOES_ON, TRUE);
}

/* "الأمير محمد بن عبدالرحمن بن عبدالعزيز": a lexicon man known as the son of his father of a
 * family (محمد بن عبدالرحمن آل ثاني), named on with a grandfather his names do not hold, is
 * another man of that first name and father.  (A man whose names hold no family, محمد بن
 * سلمان, goes on over his grandfather: extend_name().) */
static gboolean
other_grandfather (Run              *run,
                   const RasdPerson *person,
                   guint             i,
                   guint             l)
{
  guint j = i + l;
  g_autofree char *full = NULL;
  GString *joined;
  gboolean holds;

  if (l < 3 || j + 1 >= run->n || breaks_after (run, j - 1) || breaks_after (run, j) ||
      !in_list (rasd_ner_descent_links, tok (run, j)->norm) ||
      !in_list (rasd_ner_descent_links, tok (run, j - 2)->norm))
    return FALSE;
  full = rasd_arabic_normalize (person->name_ar, -1);
  if (strstr (full, " ال ") == NULL)
    return FALSE;
  /* عبد العزيز and عبدالعزيز alike */
  joined = g_string_new (NULL);
  for (const char *p = full; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (joined, *p);
  holds = strstr (joined->str, tok (run, j + 1)->norm) != NULL;
  g_string_free (joined, TRUE);
  return !holds && RASD_RULE_IS (NER_OTHER_GRANDFATHER, TRUE);
}

/* "الدكتور محمد بن عبدالرحمن العمر": a lexicon name of a man and his father (@l words from
 * token @i, ending بن + a name) followed by a family name with ال that the tagger reads in the
 * same name and the lexicon's man does not bear is another man of that first name and father
 * (here not محمد بن عبدالرحمن آل ثاني). */
gboolean
other_family (Run              *run,
              const RasdPerson *person,
              guint             i,
              guint             l)
{
  guint j = i + l, len = 0;
  g_autofree char *full = NULL;

  if (other_grandfather (run, person, i, l))
    return TRUE;
  if (l < 3 || j >= run->n || breaks_after (run, j - 1) ||
      !in_list (rasd_ner_descent_links, tok (run, j - 2)->norm) || !has_prefix (tok (run, j)->norm, "ال") ||
      (run->dated != NULL && run->dated[j]) || match_title (run, j, &len) != NULL ||
      match_adjective (run, j) != NULL || rasd_gazetteer_lookup (run->ner->gazetteer, tok (run, j)->norm) != NULL ||
      !tagged_inside_person (run, j))
    return FALSE;
  full = rasd_arabic_normalize (person->name_ar, -1);
  if (strstr (full, tok (run, j)->norm + strlen ("ال")) != NULL)
    return FALSE;
  return RASD_RULE_IS (NER_OTHER_FAMILY, TRUE);
}

/* The first run of words of [@i, @i + @n) that the trained tagger reads as a person's name:
 * its length, its first word in *@first; 0 when it reads none there.  Without the tagger, all
 * of them.  A name the lexicon lacks is taken only where both the rules and the tagger see
 * one, so that the words after a first name or a title (حسن الجوار، بدوره أشاد) are no name.
 * The tagger's end of a name is not taken: it often stops a word short of a family name. */
guint
tagged_person (Run   *run,
               guint  i,
               guint  n,
               guint *first)
{
  guint a = i, b;

  *first = i;
  if (run->tagger == NULL || n == 0)
    return n;
  labels (run);
  while (a < i + n && run->tagged[a] != RASD_NAME_LABEL_B_PERS && run->tagged[a] != RASD_NAME_LABEL_I_PERS)
    a++;
  if (a == i + n)
    {
      RASD_RULE (NER_UNTAGGED_NOT_NAME);
      return 0;
    }
  for (b = a + 1; b < i + n && run->tagged[b] == RASD_NAME_LABEL_I_PERS; b++)
    ;
  *first = a;
  return b - a;
}

/* Whether normalised @norm is a word the dictionary knows with the alif of the accusative
 * (برنامجا: برنامج). */
static gboolean
accusative_of_word (Run        *run,
                    const char *norm)
{
  gsize len = strlen (norm);
  g_autofree char *stem = NULL;

  if (len <= strlen ("ا") || !g_str_has_suffix (norm, "ا"))
    return FALSE;
  stem = g_strndup (norm, len - strlen ("ا"));
  return rasd_name_tagger_knows_word (run->tagger, stem, -1);
}

/* Whether token @i reads as a word of every day with a prefix no name has: a word the
 * dictionary knows that begins with ب or ل (بمسرحية، لزيارة: a preposition on a noun), with ي
 * or ت (يتابع: a verb) or with أ but not ال (أوفد: a verb).  (Not an accusative's alif:
 * مستورا is a word too.) */
static gboolean
is_marked_word (Run  *run,
                guint i)
{
  const RasdToken *t = tok (run, i);

  if (!(has_prefix (t->norm, "ب") || has_prefix (t->norm, "ل") || has_prefix (t->norm, "ي") ||
        has_prefix (t->norm, "ت") || (has_prefix (t->norm, "ا") && !has_prefix (t->norm, "ال"))))
    return FALSE;
  if (run->tagger == NULL ||
      !rasd_name_tagger_knows_word (run->tagger, run->text + t->byte_start, t->byte_end - t->byte_start))
    return FALSE;
  /* the dictionary's affixes take بحاح for ب + a word: the noun after the preposition must be
   * a word too (unless the word is a title: بابا) */
  if ((has_prefix (t->norm, "ب") || has_prefix (t->norm, "ل")) &&
      !rasd_name_tagger_knows_word (run->tagger, t->norm + strlen ("ب"), -1) && !may_start_title (run, i) &&
      !accusative_of_word (run, t->norm) && RASD_RULE_IS (NER_PREPOSITION_ON_NOTHING, TRUE))
    return FALSE;
  return TRUE;
}

/* Whether token @i is a word the dictionary knows with ال (النقاب): a noun after a name far
 * more often than a family name. */
static gboolean
known_definite (Run  *run,
                guint i)
{
  const RasdToken *t = tok (run, i);

  return has_prefix (t->norm, "ال") &&
         rasd_name_tagger_knows_word (run->tagger, run->text + t->byte_start, t->byte_end - t->byte_start);
}

/* An unknown name of @n words at token @i, ended past the tagger's name (@n_tagged words from
 * @first, as tagged_person() gave them for the same words) at a word that reads as a word of
 * every day (is_marked_word()): the rules read on over the noun or the verb after a name
 * ("هشام سليم بمسرحية"، "كريم بنزيمة بمجهود فردي") where the tagger stops.  Other words past the
 * tagger's end stay: it often stops a word short of a family name.  @n itself where the tagger
 * read no person there (@n_tagged 0). */
guint
trim_to_tagged (Run  *run,
                guint i,
                guint n,
                guint first,
                guint n_tagged)
{
  guint k;

  if (n_tagged == 0 || first + n_tagged >= i + n)
    return n;
  for (k = first + n_tagged; k < i + n; k++)
    if (is_marked_word (run, k) && !is_first_name_at (run, k, FALSE) && !is_name_link (run, k))
      break;
  if (k < i + n)
    RASD_RULE (NER_TAGGED_END);
  return k - i;
}

/* An unknown name of @n words at token @i, after tagged_person() found the tagger's person
 * beginning there, that the tagger reads longer: the rules stop at a family name that reads
 * like a noun or a verb (موسكات ends like a plural), the tagger reads on.  Its words are taken
 * up to the first that is a stop word, a word of every day, one with و, a known word with ال
 * or one with a prefix no name has (is_marked_word()).  @n where the tagger reads no longer. */
guint
extend_to_tagged (Run  *run,
                  guint i,
                  guint n)
{
  guint k;

  if (n == 0 || run->tagger == NULL || run->tagged == NULL ||
      (run->tagged[i] != RASD_NAME_LABEL_B_PERS && run->tagged[i] != RASD_NAME_LABEL_I_PERS))
    return n;
  for (k = i + n; k < run->n && run->tagged[k] == RASD_NAME_LABEL_I_PERS && !breaks_after (run, k - 1); k++)
    if (is_marked_word (run, k) || is_common_word (run, k) || is_stop (run, k) ||
        has_prefix (tok (run, k)->norm, "و") || known_definite (run, k))
      break;
  if (k > i + n)
    RASD_RULE (NER_TAGGED_LONGER);
  return k - i;
}

/* Whether the name at token @a follows a building's word, titles between (كنيسة السيدة مريم،
 * مطار الملك خالد): the building's name, no mention of the person. */
static gboolean
building_before (Run  *run,
                 guint a)
{
  guint k = a, n_title = 0;

  while (k > 0 && !breaks_after (run, k - 1) && k + 3 > a)
    {
      if (names_a_building (run, k))
        return TRUE;
      if (match_title (run, k - 1, &n_title) == NULL)
        return FALSE;
      k--;
    }
  return FALSE;
}

/* Whether the tagger's person at tokens [@a, @b) may be taken though no rule read it: two words
 * or more, Arabic, free (no rule read them, no break between them, no date, no month after
 * شهر), none a stop word, a word of every day, a title or a building's word (ولي العهد is no
 * person), not a building's name (building_before()), and not a piece of a longer name: no
 * link at either end or right outside it, no name read right after it (the tagger may split a
 * name around a title inside it), not all of a quotation (quoted_alone()), and not opening its
 * sentence with a conjunction and a verb (sentence_and_verb()). */
/* Whether tokens [@a, @b) are all a quotation holds: «وسام زايد»، "عاصفة الحزم" — the names of
 * things are quoted, a person's are not. */
static gboolean
quoted_alone (Run  *run,
              guint a,
              guint b)
{
  const char *start = run->text + tok (run, a)->byte_start;
  const char *end = run->text + tok (run, b - 1)->byte_end;
  const char *p = start;
  gunichar before, after;

  while (p > run->text && (p[-1] == ' ' || p[-1] == '\t'))
    p--;
  if (p == run->text)
    return FALSE;
  before = g_utf8_get_char (g_utf8_prev_char (p));
  while (*end == ' ' || *end == '\t')
    end++;
  after = g_utf8_get_char (end);
  return ((before == 0x00AB && after == 0x00BB) || (before == '"' && after == '"') ||
          (before == 0x201C && after == 0x201D)) && RASD_RULE_IS (NER_QUOTED_NOT_PERSON, TRUE);
}

static gboolean
may_take (Run  *run,
          guint a,
          guint b)
{
  if (b - a < 2 || building_before (run, a) || after_month_word (run, a) || quoted_alone (run, a, b) ||
      sentence_and_verb (run, a) ||
      is_name_link (run, a) || is_name_link (run, b - 1) ||
      (a > 0 && !breaks_after (run, a - 1) && is_name_link (run, a - 1)) ||
      (b < run->n && !breaks_after (run, b - 1) && (run->covered[b] || is_name_link (run, b))))
    return FALSE;
  for (guint k = a; k < b; k++)
    {
      guint n_title = 0;

      if (run->covered[k] || (run->dated != NULL && run->dated[k]) ||
          (tok (run, k)->flags & RASD_TOKEN_ARABIC) == 0 ||
          (k > a && breaks_after (run, k - 1)) || is_stop (run, k) || is_common_word (run, k) ||
          (token_lists (run, k) & TOKEN_BUILDING) || names_a_building (run, k) ||
          match_title (run, k, &n_title) != NULL)
        return FALSE;
    }
  return TRUE;
}

void
add_tagged_people (Run *run)
{
  const guint8 *tagged;

  if (run->tagger == NULL)
    return;
  tagged = labels (run);
  for (guint a = 0; a < run->n; a++)
    {
      guint b = a + 1;

      if (tagged[a] != RASD_NAME_LABEL_B_PERS)
        continue;
      while (b < run->n && tagged[b] == RASD_NAME_LABEL_I_PERS)
        b++;
      if (may_take (run, a, b))
        {
          int entity = unknown_person_entity (run, a, b - a);

          RASD_RULE (NER_TAGGED_PERSON);
          add_name (run, RASD_MENTION_PERSON, entity, a, b - a, a,
                    after_speech_word (run, a) ? RASD_NER_SPEAKER : 0, -1, TRUE);
          note_person (run, entity, NULL, NULL);
        }
      a = b - 1;
    }
}

/* Whether token @i, which begins with و and is word @nth (from 0) of a name being read,
 * goes on a foreign name (جوكو ويدودو، مارك ويلسون) rather than being "and" before the next
 * thing: neither it nor its rest without و is a word the dictionary knows, its rest is no known
 * person's or first name, and, past a name's second word, the tagger does not begin a second
 * name there right after a first.  (The tagger reads جوكو and ويدودو as two names; the rest of
 * a lexicon's name after و, بوتين وأردوغان, is two men.) */
gboolean
waw_inside_name (Run  *run,
                 guint i,
                 guint nth)
{
  const RasdToken *t = tok (run, i);
  const char *rest = t->norm + strlen ("و");
  gsize waw = strlen ("و");

  if (run->tagger == NULL || !has_prefix (t->norm, "و") || g_utf8_strlen (rest, -1) < 3 ||
      t->byte_end - t->byte_start <= waw)
    return FALSE;
  /* the lexicons' lookups first, the dictionary's (slower) last */
  if (rasd_people_is_first_name (run->ner->people, rest) ||
      rasd_people_words_from (run->ner->people, rest) > 0 ||
      rasd_gazetteer_lookup (run->ner->gazetteer, rest) != NULL ||
      rasd_name_tagger_knows_word (run->tagger, run->text + t->byte_start, t->byte_end - t->byte_start) ||
      rasd_name_tagger_knows_word (run->tagger, run->text + t->byte_start + waw, t->byte_end - t->byte_start - waw))
    return FALSE;
  labels (run);
  return !(nth > 1 && run->tagged[i] == RASD_NAME_LABEL_B_PERS &&
           (run->tagged[i - 1] == RASD_NAME_LABEL_B_PERS || run->tagged[i - 1] == RASD_NAME_LABEL_I_PERS)) &&
         RASD_RULE_IS (NER_WAW_IN_NAME, TRUE);
}

