#define G_LOG_DOMAIN "rasd-ner"

#include "config.h"

#include <string.h>

#include "rasd-ner-private.h"

#include "rasd-rules.h"

/* Roles read apart from a chain of titles: a name followed by its role, نظيره with an
 * adjective, and a title in the dual with two adjectives. */

/* A name the lexicon lacks, followed by its role: "وصل مارك فيشر وزير الزراعة الكندي",
 * "قال جون سميث، وزير التجارة".  Returns the tokens of the name (the role is read next). */
guint
scan_apposition (Run  *run,
                 guint i)
{
  const RasdTitle *title;
  const char *country = NULL;
  guint n_name, len = 0, j;
  int entity;

  /* the title after a name of two to four words: where none may begin, there is no need to
   * read the name (asked at most tokens) */
  {
    gboolean title_ahead = FALSE;

    for (guint k = i + 2; k <= i + 4 && k < run->n && !title_ahead; k++)
      title_ahead = may_start_title (run, k);
    if (!title_ahead)
      return 0;
  }
  n_name = read_unknown_name (run, i);
  if (n_name < 2 || n_name > 4 || i + n_name >= run->n)
    return 0;
  /* the whole name, as the tagger reads it, right before the role */
  {
    guint first = i;

    if (tagged_person (run, i, n_name, &first) == 0 || first != i)
      return 0;
  }
  /* not ال-words, not accusatives with tanween (ممثلا خاصا، سابقا), not verbs or nouns with
   * an object pronoun (استقبله خلالها) */
  for (guint k = i; k < i + n_name; k++)
    {
      const RasdToken *t = tok (run, k);

      if (has_prefix (t->norm, "ال") || has_suffix (t->norm, "ها") ||
          has_suffix (t->norm, "هم") ||
          g_strstr_len (run->text + t->byte_start, t->byte_end - t->byte_start, "ً") != NULL)
        return 0;
    }
  title = match_title (run, i + n_name, &len);
  if (title == NULL || title->type == RASD_TITLE_HONORIFIC)
    return 0;
  /* "ممثلا خاصا للرئيس": a title with the preposition ل is whom the words before it belong
   * to, not their apposition */
  {
    const char *norm = tok (run, i + n_name)->norm;

    if (has_prefix (norm, "و") || has_prefix (norm, "ف"))
      norm += strlen ("و");
    if (has_prefix (norm, "ل") && !rasd_people_can_start_title (run->ner->people, norm))
      return 0;
  }
  for (j = i + n_name + len; j < run->n && !breaks_after (run, j - 1); j++)
    {
      const char *adj = match_adjective (run, j);

      if (adj == NULL)
        break;
      if (country == NULL)
        country = adj;
    }
  entity = unknown_person_entity (run, i, n_name);
  RASD_RULE (NER_APPOSITION);
  add_name (run, RASD_MENTION_PERSON, entity, i, n_name, i,
            RASD_NER_TITLED | (after_speech_word (run, i) ? RASD_NER_SPEAKER : 0), -1, TRUE);
  note_person (run, entity, title_text (run, title, i + n_name, len), country);
  return n_name;
}

guint
scan_counterpart (Run  *run,
                  guint i)
{
  const char *country;

  if (!(token_lists (run, i) & TOKEN_COUNTERPART) || breaks_after (run, i))
    return 0;
  country = match_adjective (run, i + 1);
  if (country == NULL)
    return 0;
  if (!breaks_after (run, i + 1) && i + 2 < run->n)
    {
      guint plen = 0;
      gboolean short_form = FALSE;

      /* ونظيره الكيني جون موانغي: the name follows; read it as a titled name */
      if (match_person (run, i + 2, &plen, &short_form) != NULL || read_unknown_name (run, i + 2) > 0)
        return 2;
    }
  {
    RoleRef role = { i, 2, tok (run, i)->sentence, NULL, country, TRUE, i + 2 };

    RASD_RULE (NER_COUNTERPART);
    g_array_append_val (run->roles, role);
  }
  return 2;
}

/* "الرئيسان التونسي والجزائري"، "الوزيرين المصري والسعودي": a title in the dual with two
 * nationality adjectives stands for two people, each resolved as the role with one of them. */
guint
scan_dual_role (Run  *run,
                guint i)
{
  char buf[256], singular[256];
  const char *word = bare (run, i, buf, sizeof buf);
  gsize len = strlen (word);
  const char *country1, *country2;
  const RasdTitle *title;
  const char *words[1] = { singular };
  guint matched = 0;

  if (g_utf8_strlen (word, -1) < 6 || len >= sizeof singular || !has_prefix (word, "ال") ||
      !(has_suffix (word, "ان") || has_suffix (word, "ين")))
    return 0;
  if (i + 2 >= run->n || breaks_after (run, i) || breaks_after (run, i + 1) ||
      !has_prefix (tok (run, i + 2)->norm, "و"))
    return 0;
  memcpy (singular, word, len - strlen ("ان"));
  singular[len - strlen ("ان")] = '\0';
  title = rasd_people_match_title (run->ner->people, words, 1, &matched);
  if (title == NULL || title->type == RASD_TITLE_HONORIFIC)
    return 0;
  country1 = match_adjective (run, i + 1);
  country2 = match_adjective (run, i + 2);
  if (country1 == NULL || country2 == NULL || strcmp (country1, country2) == 0)
    return 0;
  {
    RoleRef a = { i, 3, tok (run, i)->sentence, title->text, country1, FALSE, i + 3 };
    RoleRef b = { i, 3, tok (run, i)->sentence, title->text, country2, FALSE, i + 3 };

    RASD_RULE (NER_DUAL_ROLE);
    g_array_append_val (run->roles, a);
    g_array_append_val (run->roles, b);
  }
  return 3;
}

/* Whom a title or name speaks for, absent from the deed told: an envoy's principal, the
 * sender of a message. */

/* Nouns of those who act for someone: ممثلا خاصا للملك. */
static const char * const envoy_words[] = {
  "ممثل", "ممثلا", "ممثله", "مبعوث", "مبعوثا", "موفد", "موفدا", "مستشار", "مستشارا",
  "مساعد", "مساعدا", NULL
};

/* Whether the name or title at token @i, with the preposition ل on it, follows a noun of one
 * who acts for someone (ممثلا خاصا للملك، مبعوث للرئيس): the person is whom the envoy
 * speaks for, absent from what the envoy does. */
gboolean
principal_of_envoy (Run  *run,
                    guint i)
{
  const char *norm = tok (run, i)->norm;
  char buf[256];

  if (!has_prefix (norm, "ل"))
    return FALSE;
  for (guint back = 1; back <= 3 && back <= i; back++)
    {
      if (breaks_after (run, i - back))
        return FALSE;
      if (in_list (envoy_words, bare (run, i - back, buf, sizeof buf)))
        {
          RASD_RULE (NER_ENVOY_PRINCIPAL);
          return TRUE;
        }
    }
  return FALSE;
}

/* Nouns whose complement is someone absent from the event told: "نقل تحيات الملك", "رحيل
 * الرئيس", "حكومة رئيس الوزراء", "رسالة من الرئيس", "نيابة عن الأمير". */
static const char * const governing_nouns[] = {
  "تحيات", "تحيه", "تمنيات", "رساله", "برساله", "برقيه", "رحيل", "مصير", "نظام", "حكومه",
  "اداره", "عهد", "مبادره", "توجيهات", "بتوجيهات", "توجيه", "بتوجيه", "قرار", "خطاب", "كلمه",
  "بيان", "صور", "صوره", "تعليمات", "امر", "بامر", "اوامر", NULL
};
static const char * const on_behalf_nouns[] = {
  "رساله", "برساله", "برقيه", "تحيات", "تحيه", "نيابه", "بالنيابه", "دعوه", NULL
};

/* Whether @word is one of governing_nouns, with a pronoun or not (تحياته، رسالتهم). */
static gboolean
governing_noun (const char *word)
{
  static const char * const pronouns[] = { "هما", "هم", "ها", "ه", NULL };
  char stem[256];

  if (in_list (governing_nouns, word))
    return TRUE;
  for (guint p = 0; pronouns[p] != NULL; p++)
    {
      gsize len = strlen (word), plen = strlen (pronouns[p]);

      if (len <= plen + 4 || len - plen >= sizeof stem || !has_suffix (word, pronouns[p]))
        continue;
      memcpy (stem, word, len - plen);
      stem[len - plen] = '\0';
      /* the ة of رسالة is written ت before a pronoun */
      if (has_suffix (stem, "ت") && !has_suffix (stem, "ات"))
        memcpy (stem + strlen (stem) - strlen ("ت"), "ه", strlen ("ه"));
      return in_list (governing_nouns, stem);
    }
  return FALSE;
}

/* Whether the name or title at token @i is the complement of such a noun. */
gboolean
named_for (Run  *run,
           guint i)
{
  char buf[256];

  if (i == 0 || breaks_after (run, i - 1))
    return FALSE;
  static const char * const of_message[] = {
    "خطيه", "شفهيه", "شفويه", "مكتوبه", "رسميه", "جوابيه", "تهنئه", "تعزيه", "شكر", NULL
  };
  /* "رسالة من نظيره الأردني X": the name after نظيره and its adjective */
  if (i >= 3 && !breaks_after (run, i - 2) && !breaks_after (run, i - 3) &&
      (token_lists (run, i - 2) & TOKEN_COUNTERPART) && match_adjective (run, i - 1) != NULL &&
      strcmp (tok (run, i - 3)->norm, "من") == 0)
    i -= 2;
  gboolean from = i >= 2 && !breaks_after (run, i - 2) &&
                  (strcmp (tok (run, i - 1)->norm, "من") == 0 || strcmp (tok (run, i - 1)->norm, "عن") == 0);

  /* رسالة من X، رسالة خطية من X، برقية تهنئة من X */
  if (governing_noun (bare (run, i - 1, buf, sizeof buf)) ||
      (from && in_list (on_behalf_nouns, bare (run, i - 2, buf, sizeof buf))) ||
      (from && i >= 3 && !breaks_after (run, i - 3) && in_list (of_message, tok (run, i - 2)->norm) &&
       in_list (on_behalf_nouns, bare (run, i - 3, buf, sizeof buf))))
    {
      RASD_RULE (NER_NAMED_FOR);
      return TRUE;
    }
  return FALSE;
}

/* The words after a chain of titles: whether they begin a name the rules would not read
 * (a name of three with no بن, a foreign first name the letters of a proclitic or the
 * article begin) or someone else. */

/* Whether a name follows the titles and honorifics from token @i (up to four of them, and
 * the places of a title: أمير منطقة الرياض): a person of the lexicon or a known first name. */
gboolean
name_after_titles (Run  *run,
                   guint i)
{
  guint k = i, len = 0, plen = 0;
  gboolean short_form = FALSE;

  for (guint steps = 0; steps < 8 && k < run->n; steps++)
    {
      if (k > i && breaks_after (run, k - 1))
        return FALSE;
      if (match_person (run, k, &plen, &short_form) != NULL || is_first_name_at (run, k, FALSE))
        return TRUE;
      if (match_title (run, k, &len) != NULL)
        k += len;
      else if (match_adjective (run, k) != NULL || place_words_at (run, k) > 0)
        k += MAX (place_words_at (run, k), 1);
      else
        return FALSE;
    }
  return FALSE;
}

/* Whether token @i, @bare_word without its proclitics, is a word neither the dictionary nor
 * the first names, places or common words know, with or without the proclitics: a foreign
 * name (لورينس), not ل + a word. */
gboolean
unknown_as_written (Run        *run,
                    guint       i,
                    const char *bare_word)
{
  const RasdToken *t = tok (run, i);

  return run->tagger != NULL &&
         !rasd_name_tagger_knows_word (run->tagger, run->text + t->byte_start, t->byte_end - t->byte_start) &&
         !rasd_name_tagger_knows_word (run->tagger, bare_word, -1) &&
         !is_first_name_at (run, i, TRUE) && !is_common_word (run, i) &&
         !g_hash_table_contains (run->ner->name_common, bare_word) &&
         rasd_gazetteer_lookup (run->ner->gazetteer, bare_word) == NULL &&
         rasd_gazetteer_lookup (run->ner->gazetteer, t->norm) == NULL &&
         RASD_RULE_IS (NER_POSTED_AS_WRITTEN, TRUE);
}

/* Whether token @i is written with أل or إل: a foreign name's first letters (أليكسيس، ألبرتو),
 * not the article, though it normalises as ال. */
gboolean
hamza_alif_lam (Run  *run,
                guint i)
{
  const RasdToken *t = tok (run, i);
  const guchar *w = (const guchar *) run->text + t->byte_start;

  /* أ and إ are D8 A3 and D8 A5 in UTF-8, ل D9 84: compared as bytes, asked at many words */
  return t->byte_end - t->byte_start > 4 && w[0] == 0xD8 && (w[1] == 0xA3 || w[1] == 0xA5) &&
         w[2] == 0xD9 && w[3] == 0x84 && RASD_RULE_IS (NER_HAMZA_ALIF_LAM, TRUE);
}

/* Whether the words from @i are a name of three with no بن, after a title: a first name the
 * lexicon may lack or read as a word of every day (مرزوق), the father's, a known first name
 * (علي, which normalises as the preposition على), then a family name with ال that is no
 * nationality, place, stop word or word of every day (رئيس المجلس مرزوق علي الغانم; not "حرص
 * علي الالتزام", على typed with ي). */
gboolean
named_by_father (Run  *run,
                 guint i)
{
  const RasdToken *t = tok (run, i);

  if (i + 2 >= run->n || breaks_after (run, i) || breaks_after (run, i + 1) ||
      (t->flags & RASD_TOKEN_ARABIC) == 0 || has_prefix (t->norm, "و") || run->covered[i] ||
      (run->dated != NULL && run->dated[i]) || is_stop (run, i) ||
      has_prefix (t->norm, "ي") || has_prefix (t->norm, "ت") || has_suffix (t->norm, "ت") ||
      has_suffix (t->norm, "ه") || rasd_gazetteer_lookup (run->ner->gazetteer, t->norm) != NULL)
    return FALSE;
  if (!is_first_name_at (run, i + 1, FALSE) || is_name_link (run, i + 1) ||
      !has_prefix (tok (run, i + 2)->norm, "ال") || is_stop (run, i + 2) || is_common_word (run, i + 2) ||
      match_adjective (run, i + 2) != NULL ||
      rasd_gazetteer_lookup (run->ner->gazetteer, tok (run, i + 2)->norm) != NULL)
    return FALSE;
  return RASD_RULE_IS (NER_NAMED_BY_FATHER, TRUE);
}

/* "إسلكو ولد أحمد إزيد بيه": a word no dictionary or lexicon knows, then ولد or بن and a known
 * first name, begins a name of its own, with no title and whatever the tagger reads. */
gboolean
first_of_descent (Run  *run,
                  guint i)
{
  const RasdToken *t = tok (run, i);
  const char *link;

  /* read at every word that begins no other name: the link first, by its length (بن، ابن،
   * بنت، ولد: two or three letters, four to six bytes) before its letters */
  if (i + 2 >= run->n)
    return FALSE;
  link = tok (run, i + 1)->norm;
  if (link[0] == '\0' || link[1] == '\0' || link[2] == '\0' || link[3] == '\0' ||
      (link[4] != '\0' && link[5] != '\0' && link[6] != '\0'))
    return FALSE;
  if (!in_list (rasd_ner_descent_links, link) ||
      breaks_after (run, i) || breaks_after (run, i + 1) || !is_first_name_at (run, i + 2, FALSE) ||
      has_prefix (t->norm, "و") || g_utf8_strlen (t->norm, -1) < 3)
    return FALSE;
  return unknown_as_written (run, i, t->norm) && RASD_RULE_IS (NER_FIRST_OF_DESCENT, TRUE);
}

/* The derived lexicon holds a few places and sites (البيت الأبيض، أم درمان، جنوب أفريقيا): a
 * name of the gazetteer, matched as lexicon person @person at token @i over @len tokens, is no
 * derived person, after a title too (رئيس جنوب أفريقيا X). */
gboolean
derived_place (Run              *run,
               const RasdPerson *person,
               guint             i,
               guint             len)
{
  if (!has_prefix (person->key, "up:") || len < 2 || place_words_at (run, i) < len)
    return FALSE;
  RASD_RULE (NER_DERIVED_PLACE);
  return TRUE;
}

/* The title and name of whom a building is named after, to be skipped; 0 when @i does not
 * follow a building word. */
guint
skip_building_name (Run  *run,
                    guint i)
{
  guint len = 0, n = 0;
  gboolean short_form = FALSE;

  /* "في مدينة شرم الشيخ": a city after مدينة is the city, whatever title it holds */
  if (!names_a_building (run, i) ||
      (rasd_gazetteer_words_from (run->ner->gazetteer, tok (run, i)->norm) > 0 &&
       RASD_RULE_IS (NER_CITY_AFTER_NOUN, TRUE)))
    return 0;
  if (match_title (run, i, &len) == NULL)
    len = 0;
  if (i + len < run->n && (len == 0 || !breaks_after (run, i + len - 1)))
    {
      if (match_person (run, i + len, &n, &short_form) == NULL)
        n = read_unknown_name (run, i + len);
    }
  return len + n;
}

/* Whether token @i is written as a one-letter proclitic before a hamza on alif (بأول، لإيران،
 * وآخر): a hamza begins a word, so the word is the proclitic and what follows it, never one
 * name read from its first letter (بأول is not باول, Powell). */
gboolean
proclitic_before_hamza (Run  *run,
                        guint i)
{
  const char *p = run->text + tok (run, i)->byte_start;
  gunichar first = g_utf8_get_char (p), second;

  if (first != 0x0628 /* ب */ && first != 0x0644 /* ل */ && first != 0x0648 /* و */ &&
      first != 0x0641 /* ف */ && first != 0x0643 /* ك */)
    return FALSE;
  second = g_utf8_get_char (g_utf8_next_char (p));
  return second == 0x0623 /* أ */ || second == 0x0625 /* إ */ || second == 0x0622 /* آ */;
}

/* "وشهد حمدوك الاحتفال": a sentence's first word, a first name only once و or ف is taken off
 * it, is that conjunction and a verb (a name does not open a sentence with و). */
gboolean
sentence_and_verb (Run  *run,
                   guint i)
{
  const RasdToken *t = tok (run, i);
  const RasdSentence *sentence = rasd_tokens_get_sentence (run->tokens, t->sentence);

  return sentence->first_token == i && (has_prefix (t->norm, "و") || has_prefix (t->norm, "ف")) &&
         !is_first_name_at (run, i, FALSE) && RASD_RULE_IS (NER_SENTENCE_AND_VERB, TRUE);
}
