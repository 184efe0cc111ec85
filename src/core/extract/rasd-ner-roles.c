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
