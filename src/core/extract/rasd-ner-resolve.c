#define G_LOG_DOMAIN "rasd-ner"

#include "config.h"

#include "rasd-ner-private.h"

#include "rasd-arabic.h"
#include "rasd-hash.h"
#include "rasd-rules.h"
#include "rasd-title-groups.h"

/* What the scan records (rasd-ner.c): names, persons, countries ------------------------------ */

/* Words after which إلى adds or points, and goes nowhere: "زيارة تشمل دول الخليج بالإضافة إلى
 * إيران"، "مشيرا إلى مصر"، "نظرا إلى". */
static const char * const to_not_destination[] = {
  "بالاضافه", "وبالاضافه", "اضافه", "واضافه", "اشاره", "مشيرا", "مشيره", "اشار", "اشارت",
  "واشار", "واشارت", "يشير", "تشير", "لافتا", "لافته", "لفت", "لفتت", "نظرا", "استنادا",
  "بالنسبه", "بالاستناد", "منوها", "منوهه", NULL
};

/* "عاد الوزير إلى الرياض بعد زيارة إلى موسكو": a verb or noun of going back home, within a
 * few words before the إلى at token @to and with no other إلى between, makes its place where
 * one returns, no visit's destination. */
static const char * const return_words[] = {
  "عاد", "وعاد", "يعود", "ويعود", "سيعود", "وسيعود", "عائدا", "عايدا", "عودته", "وعودته",
  "العوده", "رجع", "ورجع", NULL
};

static gboolean
returns_home (Run  *run,
              guint to)
{
  for (guint k = to; k > 0 && to - k < 6; k--)
    {
      if (breaks_after (run, k - 1))
        return FALSE;
      if (in_list (return_words, tok (run, k - 1)->norm))
        return TRUE;
      if (strcmp (tok (run, k - 1)->norm, "الي") == 0 || strcmp (tok (run, k - 1)->norm, "والي") == 0)
        return FALSE;
    }
  return FALSE;
}

/* "وصل إلى الرياض عائدا من موسكو": the participle of going back within a few words after
 * the place at token @i. */
static gboolean
returning_after (Run  *run,
                 guint i)
{
  static const char * const returning[] = { "عائدا", "عايدا", "قافلا", NULL };

  for (guint k = i; k + 1 < run->n && k < i + 4 && !breaks_after (run, k); k++)
    if (in_list (returning, tok (run, k + 1)->norm))
      return TRUE;
  return FALSE;
}

/* The preposition before the place read at token @i as @word (the token without some of its
 * proclitics; only those it lacks can be prepositions). */
int
place_preposition (Run        *run,
                   guint       i,
                   const char *word)
{
  const char *norm = tok (run, i)->norm;
  gsize skip = strlen (norm) - strlen (word);

  /* ل before ال drops the alif: للرياض is ل + الرياض, no longer than it */
  if (has_prefix (word, "ال") && has_prefix (norm + skip, "لل"))
    return RASD_NER_PREP_TO;
  /* a clitic on the name itself: بدمشق، لموسكو (و and ف are not prepositions) */
  for (gsize k = 0; k < skip; k += 2)
    {
      if (has_prefix (norm + k, "ب"))
        return RASD_NER_PREP_IN;
      if (has_prefix (norm + k, "ل"))
        return RASD_NER_PREP_TO;
    }
  /* إلى جمهورية مصر العربية، في مدينة جدة: the preposition is before the generic noun */
  while (i > 1 && !breaks_after (run, i - 1) && in_list (rasd_ner_place_nouns, tok (run, i - 1)->norm))
    i--;
  if (i > 0 && !breaks_after (run, i - 1))
    {
      const char *prev = tok (run, i - 1)->norm;

      if (strcmp (prev, "في") == 0 || strcmp (prev, "وفي") == 0 || strcmp (prev, "داخل") == 0)
        return RASD_NER_PREP_IN;
      if (strcmp (prev, "الي") == 0 || strcmp (prev, "والي") == 0 || strcmp (prev, "نحو") == 0)
        {
          if (i > 1 && !breaks_after (run, i - 2) && in_list (to_not_destination, tok (run, i - 2)->norm))
            return RASD_RULE_IS (NER_TO_NOT_DESTINATION, RASD_NER_PREP_OTHER);
          if (returns_home (run, i - 1) || returning_after (run, i))
            return RASD_RULE_IS (NER_RETURN_NOT_DESTINATION, RASD_NER_PREP_HOME);
          return RASD_NER_PREP_TO;
        }
      if (strcmp (prev, "من") == 0 || strcmp (prev, "ومن") == 0)
        return RASD_NER_PREP_FROM;
      return RASD_NER_PREP_OTHER;
    }
  return RASD_NER_PREP_NONE;
}

void
add_name (Run             *run,
          RasdMentionKind  kind,
          int              entity,
          guint            first,
          guint            n_tokens,
          guint            title_token,
          guint            flags,
          int              preposition,
          gboolean         to_output)
{
  RasdNerName name = { 0 };

  if (to_output)
    {
      RasdMention mention = { 0 };

      mention.kind = kind;
      mention.start = tok (run, first)->start;
      mention.end = tok (run, first + n_tokens - 1)->end;
      mention.entity = entity;
      g_array_append_val (run->out->mentions, mention);
    }
  name.entity = entity;
  name.kind = kind;
  name.first_token = first;
  name.n_tokens = n_tokens;
  name.title_token = title_token;
  name.sentence = tok (run, first)->sentence;
  name.flags = flags;
  name.preposition = preposition;
  g_array_append_val (run->names, name);
  for (guint k = first; k < first + n_tokens; k++)
    run->covered[k] = TRUE;
}

PersonInfo *
person_info (Run *run,
             int  entity)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (run->person_index, GINT_TO_POINTER (entity + 1)));

  return index > 0 ? &g_array_index (run->persons, PersonInfo, index - 1) : NULL;
}

void
note_person (Run        *run,
             int         entity,
             const char *title,
             const char *country)
{
  PersonInfo *info = person_info (run, entity);

  if (info == NULL)
    {
      PersonInfo fresh = { entity, NULL, NULL, 0, NULL, NULL };
      RasdEntity *e = rasd_extraction_get_entity (run->out, entity);
      g_autofree char *norm = rasd_arabic_normalize (e->name, -1);

      fresh.country = e->country;
      fresh.norm = g_string_chunk_insert (run->form_strings, norm);
      g_array_append_val (run->persons, fresh);
      g_hash_table_insert (run->person_index, GINT_TO_POINTER (entity + 1),
                           GUINT_TO_POINTER (run->persons->len));
      info = &g_array_index (run->persons, PersonInfo, run->persons->len - 1);
    }
  info->count++;
  /* counted by role, so role_is_known() is one lookup in an article naming thousands */
  rasd_title_count_role (run->known_roles, info->title, info->country, -1);
  if (title != NULL && info->title == NULL)
    info->title = title;
  if (country != NULL)
    info->country = country;
  rasd_title_count_role (run->known_roles, info->title, info->country, +1);
}

/* "خادم الحرمين الشريفين الملك سلمان...": the title inside the lexicon's name of @entity (noted
 * before), for its role alone later (الملك) beside the title of the chain. */
void
note_name_title (Run        *run,
                 int         entity,
                 const char *title)
{
  PersonInfo *info = person_info (run, entity);

  if (info != NULL && title != NULL && info->name_title == NULL && g_strcmp0 (info->title, title) != 0)
    info->name_title = title;
}

/* One more mention of @country (an interned ISO code), for the preferred countries. */
void
count_country (GHashTable *countries,
               const char *country)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (countries, country));

  g_hash_table_replace (countries, (gpointer) country, GUINT_TO_POINTER (n + 1));
}

/* Places of the gazetteer read with their evidence; then, once the article is read, which place
 * each name is, whom each role stands for, and one person's several names. */

/* Whether the proclitics that @norm has and @form lacks include ك. */
static gboolean
prefix_has_kaf (const char *norm,
                const char *form)
{
  gsize skip = strlen (norm) > strlen (form) ? strlen (norm) - strlen (form) : 0;

  for (gsize k = 0; k < skip; k += 2)
    if (strncmp (norm + k, "ك", 2) == 0)
      return TRUE;
  return FALSE;
}

/* Words before a place that say it is one: زار دمشق، غادر جدة. */
static const char * const place_verbs[] = {
  "زار", "زارت", "يزور", "تزور", "سيزور", "ستزور", "غادر", "غادرت", "يغادر", "تغادر", "قادما",
  "قادمه", "متوجها", "متوجهه", "وصل", "وصلت", "يصل", "تصل", NULL
};

/* Whether the person names of the article so far end with @word (a place read there would be a
 * surname: the ambassador named like a town). */
static gboolean
is_surname_so_far (Run        *run,
                   const char *word)
{
  gsize len = strlen (word);

  for (guint p = 0; p < run->persons->len; p++)
    {
      const char *norm = g_array_index (run->persons, PersonInfo, p).norm;
      gsize n = strlen (norm);

      if (n > len && norm[n - len - 1] == ' ' && strcmp (norm + n - len, word) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether the word at token @i opens one of the first lines and a dash, a colon or a date
 * follows it: a dateline ("مسقط - "، "الخبر: "، "العقبة 12 ذو القعدة"، "المنامة في 13 مارس"), which names a place
 * whatever else the word may be. */
static gboolean
at_dateline (Run  *run,
             guint i)
{
  const RasdToken *t = tok (run, i);
  const char *p = run->text + t->byte_end;

  if (t->sentence > 3 || (t->byte_start > 0 && run->text[t->byte_start - 1] != '\n'))
    return FALSE;
  while (*p == ' ' || *p == '\t')
    p++;
  return *p == '-' || *p == ':' || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—") ||
         g_str_has_prefix (p, "ـ") ||
         /* the agency's "العقبة 12 ذو القعدة 1445 هـ": a date right after it */
         (*p != '\n' && run->dated != NULL && i + 1 < run->n && run->dated[i + 1]) ||
         /* "المنامة في 13 مارس / بنا /" */
         (*p != '\n' && run->dated != NULL && i + 2 < run->n && strcmp (tok (run, i + 1)->norm, "في") == 0 &&
          run->dated[i + 2] && RASD_RULE_IS (EV_DATELINE_IN, TRUE));
}

/* Whether token @i ends in ه as written where every one of @candidates ends in ة. */
static gboolean
pronoun_for_ta_marbuta (Run             *run,
                        guint            i,
                        const GPtrArray *candidates)
{
  const RasdToken *t = tok (run, i);
  gsize len = t->byte_end - t->byte_start;

  if (len < strlen ("ه") || strncmp (run->text + t->byte_end - strlen ("ه"), "ه", strlen ("ه")) != 0)
    return FALSE;
  for (guint c = 0; c < candidates->len; c++)
    {
      const RasdPlace *place = g_ptr_array_index (candidates, c);

      if (place->name_ar == NULL || !g_str_has_suffix (place->name_ar, "ة"))
        return FALSE;
    }
  return TRUE;
}

/* "في العاصمة المؤقتة عدن"، "بالمدينة الساحلية X": a place noun and one definite adjective
 * (ending as adjectives do) right before token @i. */
static gboolean
place_noun_and_adjective (Run  *run,
                          guint i)
{
  const char *adjective;

  if (i < 2 || breaks_after (run, i - 1) || breaks_after (run, i - 2))
    return FALSE;
  adjective = tok (run, i - 1)->norm;
  return has_prefix (adjective, "ال") && (g_str_has_suffix (adjective, "ه") || g_str_has_suffix (adjective, "ي")) &&
         in_list (rasd_ner_place_nouns, tok (run, i - 2)->norm) && RASD_RULE_IS (NER_PLACE_NOUN_ADJECTIVE, TRUE);
}

/* Whether the gazetteer's @candidates for the @l words from token @i, read as @word (form @f of
 * the token), are a place here.  A country, a site or place the project lists, a capital or a
 * city of a million are places wherever they stand; any other town needs the text to say it is
 * one (a preposition of place, a noun such as مدينة, a verb of going, a title it belongs to, a
 * dateline), and so does a listed name that is also a common word (الخبر، وان، يوما).  Never a
 * place: a phrase such as مسقط رأس, a word before a hamza read from its proclitic (وأن is و +
 * أن, not وان), or a person's surname already named in the article. */
static gboolean
place_has_evidence (Run             *run,
                    guint            i,
                    guint            l,
                    const char      *word,
                    guint            f,
                    const GPtrArray *candidates)
{
  gboolean common, listed = FALSE, large = FALSE, country = FALSE;
  int prep;

  if (l > 1)
    return TRUE;
  if (g_hash_table_contains (run->ner->never_places, word) ||
      (i + 1 < run->n && !breaks_after (run, i) &&
       g_hash_table_contains (run->ner->never_places, phrase (run, word, i, 2))))
    {
      RASD_RULE (NER_NOT_A_PLACE);
      return FALSE;
    }
  if (f == 0 && proclitic_before_hamza (run, i))
    {
      RASD_RULE (NER_HAMZA_PROCLITIC);
      return FALSE;
    }
  for (guint c = 0; c < candidates->len; c++)
    {
      const RasdPlace *place = g_ptr_array_index (candidates, c);

      listed |= place->listed || place->kind != RASD_PLACE_KIND_CITY;
      large |= place->capital || place->population >= 1000000;
      country |= place->kind == RASD_PLACE_KIND_COUNTRY;
    }
  if (!country && !large && is_surname_so_far (run, word))
    {
      RASD_RULE (NER_SURNAME_NOT_PLACE);
      return FALSE;
    }
  common = g_hash_table_contains (run->ner->common_places, word);
  if (!common && (listed || large))
    return TRUE;
  /* "في بيانه" (his statement) is no town بيانة: a small town's ة written ه is a noun with
   * its pronoun */
  if (!listed && !large && pronoun_for_ta_marbuta (run, i, candidates))
    {
      RASD_RULE (NER_PRONOUN_NOT_PLACE);
      return FALSE;
    }
  /* "في ديربي الرياض": a word of every day before a place is a noun of that place */
  if (common && i + 1 < run->n && !breaks_after (run, i) &&
      rasd_gazetteer_lookup (run->ner->gazetteer, tok (run, i + 1)->norm) != NULL)
    {
      RASD_RULE (NER_COMMON_BEFORE_PLACE);
      return FALSE;
    }
  prep = place_preposition (run, i, word);
  if (prep == RASD_NER_PREP_IN || prep == RASD_NER_PREP_TO || prep == RASD_NER_PREP_FROM ||
      run->in_title[i] || at_dateline (run, i) ||
      (i > 0 && !breaks_after (run, i - 1) &&
       (in_list (rasd_ner_place_nouns, tok (run, i - 1)->norm) || in_list (place_verbs, tok (run, i - 1)->norm))) ||
      place_noun_and_adjective (run, i))
    {
      if (common)
        RASD_RULE (NER_COMMON_PLACE);
      else
        RASD_RULE (NER_SMALL_PLACE);
      return TRUE;
    }
  RASD_RULE (NER_NO_PLACE_EVIDENCE);
  return FALSE;
}

/* rasd_gazetteer_words_from () of form @f of token @i (@form), read once per word. */
static guint
gazetteer_words_at (Run        *run,
                    guint       i,
                    guint       f,
                    const char *form)
{
  guint8 *cached = &run->memo[i]->place_words[f];

  if (*cached == 0)
    *cached = MIN (rasd_gazetteer_words_from (run->ner->gazetteer, form), 254u) + 1;
  return *cached - 1;
}

/* How many words from token @i a gazetteer name of two words or more has, or 0: asks nothing
 * else, changes nothing. */
guint
place_words_at (Run  *run,
                guint i)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n_forms = forms_of (run, i, forms);
  guint limit = span_limit (run, i, rasd_gazetteer_max_words (run->ner->gazetteer));

  for (guint l = limit; l >= 2; l--)
    for (guint f = 0; f < n_forms; f++)
      if (gazetteer_words_at (run, i, f, forms[f]) >= l &&
          rasd_gazetteer_lookup (run->ner->gazetteer, phrase (run, forms[f], i, l)) != NULL)
        return l;
  return 0;
}

/* The places of a less stripped form of the word, where they are larger than @candidates,
 * the places of form @f: وبريدة is Buraidah, a city of 390,000, not و + ب + ريدة (Rhede, a
 * German town of 19,000); a preposition's reading still tells that the word is a place. */
static const GPtrArray *
larger_with_proclitic (Run             *run,
                       const char     **forms,
                       guint            f,
                       const GPtrArray *candidates)
{
  guint most = 0;

  for (guint c = 0; c < candidates->len; c++)
    most = MAX (most, ((const RasdPlace *) g_ptr_array_index (candidates, c))->population);
  for (guint g = 0; g < f; g++)
    {
      const GPtrArray *whole;

      if (g_utf8_strlen (forms[g], -1) < 3 || g_hash_table_contains (run->ner->stopwords, forms[g]) ||
          (whole = rasd_gazetteer_lookup (run->ner->gazetteer, forms[g])) == NULL)
        continue;
      for (guint c = 0; c < whole->len; c++)
        {
          const RasdPlace *place = g_ptr_array_index (whole, c);

          if (place->kind != RASD_PLACE_KIND_COUNTRY && place->population > most)
            {
              RASD_RULE (NER_PLACE_WITH_PROCLITIC);
              return whole;
            }
        }
    }
  return candidates;
}

guint
scan_place (Run  *run,
            guint i)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n_forms = forms_of (run, i, forms);
  guint limit = span_limit (run, i, rasd_gazetteer_max_words (run->ner->gazetteer));
  guint most[RASD_TOKEN_MAX_FORMS];

  for (guint f = 0; f < n_forms; f++)
    most[f] = gazetteer_words_at (run, i, f, forms[f]);
  for (guint l = limit; l >= 1; l--)
    for (guint f = 0; f < n_forms; f++)
      {
        const char *p;
        const GPtrArray *candidates;

        if (l > most[f])
          continue;
        p = phrase (run, forms[f], i, l);

        if (l == 1 && (g_hash_table_contains (run->ner->stopwords, forms[f]) ||
                       g_utf8_strlen (forms[f], -1) < 3))
          continue;
        /* ك is "like", not a preposition of place: كبار is not بار */
        if (f > 0 && prefix_has_kaf (tok (run, i)->norm, forms[f]))
          {
            RASD_RULE (NER_KAF);
            continue;
          }
        /* a definite building noun is the building: "في القصر الرئاسي" is no town القصر */
        if (l == 1 && has_prefix (forms[f], "ال") &&
            (GPOINTER_TO_UINT (g_hash_table_lookup (run->ner->word_lists, forms[f] + strlen ("ال"))) &
             WORD_BUILDING))
          {
            RASD_RULE (NER_BUILDING_NOUN);
            continue;
          }
        candidates = rasd_gazetteer_lookup (run->ner->gazetteer, p);
        if (candidates != NULL && candidates->len > 0 &&
            place_has_evidence (run, i, l, forms[f], f, candidates))
          {
            if (l == 1 && f > 0)
              candidates = larger_with_proclitic (run, forms, f, candidates);
            PlaceRef ref = { i, l, candidates, place_preposition (run, i, forms[f]) };

            RASD_RULE (NER_PLACE);
            g_array_append_val (run->places, ref);
            for (guint k = i; k < i + l; k++)
              run->covered[k] = TRUE;
            /* a country the name surely is counts towards the article's countries; عمان,
             * Oman or Amman, does not vote for Oman */
            if (candidates->len == 1 &&
                ((const RasdPlace *) g_ptr_array_index (candidates, 0))->kind == RASD_PLACE_KIND_COUNTRY)
              count_country (run->countries, ((const RasdPlace *) g_ptr_array_index (candidates, 0))->country);
            return l;
          }
      }
  return 0;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  GHashTable *counts = data;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) a));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, *(const char **) b));

  return (cb > ca) - (cb < ca);
}

/* Whether place @before ends right before @ref and can only be a country. */
static gboolean
country_listed_before (Run            *run,
                       const PlaceRef *before,
                       const PlaceRef *ref)
{
  if (before->first_token + before->n_tokens != ref->first_token ||
      breaks_after (run, before->first_token + before->n_tokens - 1))
    return FALSE;
  for (guint c = 0; c < before->candidates->len; c++)
    if (((const RasdPlace *) g_ptr_array_index (before->candidates, c))->kind != RASD_PLACE_KIND_COUNTRY)
      return FALSE;
  return TRUE;
}

/* Where the text writes a shadda in a place's name (عمّان, Amman, not عمان, Oman), the
 * candidates whose Arabic name has one too; NULL when it writes none or none has one. */
static GPtrArray *
with_written_shadda (Run            *run,
                     const PlaceRef *ref)
{
  const RasdToken *a = tok (run, ref->first_token);
  const RasdToken *b = tok (run, ref->first_token + ref->n_tokens - 1);
  GPtrArray *out;

  if (g_strstr_len (run->text + a->byte_start, b->byte_end - a->byte_start, "ّ") == NULL)
    return NULL;
  out = g_ptr_array_new ();
  for (guint c = 0; c < ref->candidates->len; c++)
    {
      const RasdPlace *place = g_ptr_array_index (ref->candidates, c);

      if (place->name_ar != NULL && strstr (place->name_ar, "ّ") != NULL)
        g_ptr_array_add (out, (gpointer) place);
    }
  if (out->len == 0)
    g_clear_pointer (&out, g_ptr_array_unref);
  else
    RASD_RULE (NER_WRITTEN_SHADDA);
  return out;
}

void
resolve_places (Run *run)
{
  g_autoptr(GPtrArray) preferred = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, run->countries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (preferred, key);
  g_ptr_array_sort_with_data (preferred, compare_counts, run->countries);
  if (preferred->len > 4)
    g_ptr_array_set_size (preferred, 4);
  g_ptr_array_add (preferred, NULL);

  const GPtrArray *dateline_candidates = NULL;
  const RasdPlace *dateline_city = NULL;

  for (guint i = 0; i < run->places->len; i++)
    {
      PlaceRef *ref = &g_array_index (run->places, PlaceRef, i);
      g_autoptr(GPtrArray) shadda = with_written_shadda (run, ref);
      const RasdPlace *place = rasd_gazetteer_best (run->ner->gazetteer, shadda != NULL ? shadda : ref->candidates,
                                                    (const char * const *) preferred->pdata);
      if (place == NULL)
        continue;
      /* "عمان - بترا": a dateline names a city, not a country of the same letters (Oman), and
       * so does the word again in the article */
      if (shadda == NULL && place->kind == RASD_PLACE_KIND_COUNTRY &&
          (ref->candidates == dateline_candidates || at_dateline (run, ref->first_token)))
        {
          const RasdPlace *city = ref->candidates == dateline_candidates ? dateline_city : NULL;

          for (guint c = 0; city == NULL && c < ref->candidates->len; c++)
            if (((const RasdPlace *) g_ptr_array_index (ref->candidates, c))->kind == RASD_PLACE_KIND_CITY)
              city = g_ptr_array_index (ref->candidates, c);
          if (city != NULL && RASD_RULE_IS (NER_DATELINE_CITY, TRUE))
            {
              place = city;
              dateline_candidates = ref->candidates;
              dateline_city = city;
            }
        }
      /* "الكويت والبحرين وعمان": listed with a country, a name that may be one is one */
      if (place->kind != RASD_PLACE_KIND_COUNTRY && i > 0 &&
          has_prefix (tok (run, ref->first_token)->norm, "و") &&
          country_listed_before (run, &g_array_index (run->places, PlaceRef, i - 1), ref))
        for (guint c = 0; c < ref->candidates->len; c++)
          if (((const RasdPlace *) g_ptr_array_index (ref->candidates, c))->kind == RASD_PLACE_KIND_COUNTRY)
            {
              RASD_RULE (NER_LISTED_COUNTRY);
              place = g_ptr_array_index (ref->candidates, c);
              break;
            }
      add_name (run, RASD_MENTION_PLACE, rasd_extraction_add_place (run->out, place), ref->first_token, ref->n_tokens,
                ref->first_token, run->in_title[ref->first_token] ? RASD_NER_OF_TITLE : 0,
                ref->preposition, TRUE);
    }
}

/* The Arab kingdoms whose news calls them المملكة. */
static const char * const kingdoms[] = { "SA", "JO", "MA", "BH" };

/* "وصل إلى المملكة"، "زيارته للمملكة": in the news of a kingdom the bare word is that kingdom,
 * the one of the Arab kingdoms the article's places and people belong to most, its dateline
 * as four (none on a tie).  "المملكة المتحدة" and "المملكة الأردنية" are the gazetteer's. */
void
resolve_kingdom (Run *run)
{
  guint votes[G_N_ELEMENTS (kingdoms)] = { 0 };
  guint best = 0;
  gboolean tie = FALSE;
  const RasdPlace *place;
  g_autofree char *key = NULL;
  int entity = -1;

  for (guint k = 0; k < run->names->len; k++)
    {
      const RasdNerName *name = &g_array_index (run->names, RasdNerName, k);
      const char *country;

      if (name->entity < 0 || (name->kind != RASD_MENTION_PLACE && name->kind != RASD_MENTION_PERSON))
        continue;
      country = rasd_extraction_get_entity (run->out, name->entity)->country;
      for (guint c = 0; country != NULL && c < G_N_ELEMENTS (kingdoms); c++)
        if (strcmp (country, kingdoms[c]) == 0)
          {
            /* where the news is filed from counts most: a Bahraini minister's visit "للمملكة"
             * told from Riyadh is to Saudi Arabia */
            if (name->kind == RASD_MENTION_PLACE && at_dateline (run, name->first_token))
              votes[c] += RASD_RULE_IS (NER_KINGDOM_DATELINE, 3);
            votes[c]++;
          }
    }
  for (guint c = 1; c < G_N_ELEMENTS (kingdoms); c++)
    if (votes[c] > votes[best])
      best = c, tie = FALSE;
    else if (votes[c] == votes[best])
      tie = TRUE;
  if (votes[best] == 0 || tie)
    return;
  key = g_strconcat ("country:", kingdoms[best], NULL);
  if ((place = rasd_gazetteer_get_place (run->ner->gazetteer, key)) == NULL)
    return;

  for (guint i = 0; i < run->n; i++)
    {
      const char *forms[RASD_TOKEN_MAX_FORMS];
      guint n_forms;
      gboolean bare_word = FALSE;

      /* the forms only take proclitics off: each ends as the word does */
      if (run->covered[i] || !has_suffix (tok (run, i)->norm, "مملكه"))
        continue;
      n_forms = forms_of (run, i, forms);
      for (guint f = 0; f < n_forms && !bare_word; f++)
        bare_word = strcmp (forms[f], "المملكه") == 0;
      if (!bare_word)
        continue;
      /* المملكة المتحدة، المملكة المغربية: a kingdom of its own name */
      if (i + 1 < run->n && !breaks_after (run, i) &&
          (has_suffix (tok (run, i + 1)->norm, "يه") || strcmp (tok (run, i + 1)->norm, "المتحده") == 0))
        continue;
      if (entity < 0)
        entity = rasd_extraction_add_place (run->out, place);
      RASD_RULE (NER_KINGDOM);
      add_name (run, RASD_MENTION_PLACE, entity, i, 1, i, 0, place_preposition (run, i, "المملكه"), TRUE);
      run->covered[i] = TRUE;
    }
}

/* "التقى وزير الخارجية التركي X نظيره الأردني Y": Y holds X's office in his country, so a
 * role read later (العاهل الأردني) is not Y's.  Gives each person named right after نظيره +
 * adjective the title of the titled person named last before it in the sentence, and the
 * adjective's country, when the article gives him none. */
void
counterpart_titles (Run *run)
{
  for (guint k = 0; k < run->names->len; k++)
    {
      const RasdNerName *name = &g_array_index (run->names, RasdNerName, k);
      guint at = name->first_token;
      PersonInfo *info, *subject = NULL;

      if (name->kind != RASD_MENTION_PERSON || at < 2 ||
          !(token_lists (run, at - 2) & TOKEN_COUNTERPART) || match_adjective (run, at - 1) == NULL)
        continue;
      info = person_info (run, name->entity);
      if (info == NULL || info->title != NULL)
        continue;
      /* ... and of the adjective's country, so that "نظيره الكيني" alone later is him */
      if (info->country == NULL && RASD_RULE_IS (NER_COUNTERPART_COUNTRY, TRUE))
        info->country = match_adjective (run, at - 1);
      for (guint b = k; b-- > 0 && subject == NULL;)
        {
          const RasdNerName *before = &g_array_index (run->names, RasdNerName, b);

          if (before->sentence != name->sentence)
            break;
          if (before->kind == RASD_MENTION_PERSON && before->first_token < at &&
              before->title_token != before->first_token)
            subject = person_info (run, before->entity);
        }
      if (subject == NULL || subject->title == NULL)
        continue;
      RASD_RULE (NER_COUNTERPART_TITLE);
      rasd_title_count_role (run->known_roles, info->title, info->country, -1);
      info->title = subject->title;
      rasd_title_count_role (run->known_roles, info->title, info->country, +1);
    }
}

/* Whether two titles have the same head word, ال aside: مبعوث and المبعوث الخاص. */
gboolean
same_head (const char *a,
           const char *b)
{
  gsize la, lb;
  const char *ha = rasd_title_head (a, &la);
  const char *hb = rasd_title_head (b, &lb);

  return la == lb && strncmp (ha, hb, la) == 0;
}

/* Whether a normalised title of رئيس is of a head of government: رئيس الوزراء، رئيس حكومه. */
static gboolean
heads_government (const char *title)
{
  return strstr (title, "وزراء") != NULL || strstr (title, "حكومه") != NULL;
}

/* Whether a normalised title is of a head of state: الرئيس, رئيس الجمهورية, رئيس الدولة (not
 * رئيس الديوان الملكي, nor رئيس الوزراء). */
static gboolean
heads_state (const char *title)
{
  static const char * const states[] = { "الجمهوريه", "جمهوريه", "الدوله", "دوله", "البلاد", NULL };
  const char *rest;

  if (has_prefix (title, "ال"))
    title += strlen ("ال");
  if (!has_prefix (title, "رييس"))
    return FALSE;
  rest = title + strlen ("رييس");
  if (*rest == '\0')
    return TRUE;
  if (*rest != ' ')
    return FALSE;
  rest++;
  for (guint k = 0; states[k] != NULL; k++)
    if (has_prefix (rest, states[k]) && (rest[strlen (states[k])] == '\0' || rest[strlen (states[k])] == ' '))
      return TRUE;
  return FALSE;
}

/* Whether two titles name the same role, one saying more than the other: the same head and
 * every word of the shorter in the longer, the article ال aside (المبعوث الخاص and المبعوث الدولي
 * الخاص, وزير الخارجية and الوزير; not وزير الخارجية and وزير الدفاع, nor وزير الدولة للشؤون
 * الخارجية, nor رئيس الوزراء and الرئيس). */
static gboolean
title_extends (const char *a,
               const char *b)
{
  g_auto(GStrv) wa = NULL;
  g_auto(GStrv) wb = NULL;
  GStrv shorter, longer;

  if (!same_head (a, b))
    return FALSE;
  wa = g_strsplit (a, " ", -1);
  wb = g_strsplit (b, " ", -1);
  shorter = g_strv_length (wa) <= g_strv_length (wb) ? wa : wb;
  longer = shorter == wa ? wb : wa;
  /* رئيس الوزراء or رئيس الحكومة is another office than الرئيس */
  if (heads_government (a) != heads_government (b))
    return FALSE;
  /* الرئيس alone is a head of state, not of a body: رئيس البرلمان، رئيس الديوان الملكي */
  if (heads_state (a) != heads_state (b) && g_strv_length (shorter) == 1 && longer[1] != NULL &&
      has_prefix (longer[1], "ال") && RASD_RULE_IS (NER_HEAD_OF_BODY, TRUE))
    return FALSE;
  /* الشيخ alone is a sheikh of a ruling house or of religion, not the head of a body (شيخ
   * الأزهر); الإمام alone is no imam of a mosque */
  if (g_strv_length (shorter) == 1 && longer[1] != NULL && has_prefix (longer[1], "ال") &&
      (same_head (shorter[0], "شيخ") || same_head (shorter[0], "امام")) &&
      RASD_RULE_IS (NER_SHEIKH_OF_BODY, TRUE))
    return FALSE;
  /* وزير الدولة للشؤون الخارجية is another office than وزير الخارجية */
  if (g_strv_contains ((const char * const *) longer + 1, "الدوله") &&
      !g_strv_contains ((const char * const *) shorter + 1, "الدوله"))
    return FALSE;
  /* ولي ولي العهد (the deputy crown prince) is another office than ولي العهد */
  if (g_strv_contains ((const char * const *) longer + 1, longer[0]) !=
      g_strv_contains ((const char * const *) shorter + 1, shorter[0]))
    return FALSE;
  for (guint i = 1; shorter[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) longer + 1, shorter[i]))
      return FALSE;
  return TRUE;
}

/* Whether only a comma stands between tokens @a and @a + 1. */
static gboolean
comma_between (Run  *run,
               guint a)
{
  const RasdToken *x = tok (run, a), *y = tok (run, a + 1);
  g_autofree char *gap = g_strndup (run->text + x->byte_end, y->byte_start - x->byte_end);

  g_strstrip (gap);
  return strcmp (gap, "،") == 0 || strcmp (gap, ",") == 0;
}

/* The person whose title agrees with @title (the same, or one saying more) and whose country
 * is @country or unknown, among @by_head; *@n_found tells how many there are (the one
 * returned is of no use unless it is 1). */
static PersonInfo *
office_holder (Run             *run,
               RasdTitleGroups *by_head,
               const char      *title,
               const char      *country,
               guint           *n_found)
{
  g_autofree char *head = rasd_title_role_key (title, "");
  GPtrArray *same = rasd_title_groups_lookup (by_head, head);
  PersonInfo *found = NULL;

  *n_found = 0;
  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      RasdTitleGroup *group = g_ptr_array_index (same, i);
      PersonInfo *info = group->best;

      if (group->title == NULL || !(strcmp (title, group->title) == 0 || title_extends (title, group->title)) ||
          (info->country != NULL && g_strcmp0 (info->country, country) != 0))
        continue;
      found = info;
      *n_found += group->n_max;
    }
  if (found != NULL && *n_found == 1)
    RASD_RULE (NER_COUNTERPART_OFFICE);
  return found;
}

/* The office (a title of وزير or رئيس) of the person @role, a counterpart word, points from:
 * of those named before it in its sentence, and not themselves right after a counterpart
 * word, the last who holds one; NULL when none does. */
static const char *
possessor_office (Run           *run,
                  const RoleRef *role)
{
  const char *office = NULL;
  guint office_at = 0;

  /* the roles resolved before this one are at the end, out of the text's order */
  for (guint k = 0; k < run->names->len; k++)
    {
      const RasdNerName *name = &g_array_index (run->names, RasdNerName, k);
      const PersonInfo *info;

      if (name->first_token >= role->first_token || (office != NULL && name->first_token < office_at))
        continue;
      if (name->sentence != role->sentence || name->kind != RASD_MENTION_PERSON || name->entity < 0 ||
          (name->first_token >= 2 && (token_lists (run, name->first_token - 2) & TOKEN_COUNTERPART)))
        continue;
      info = person_info (run, name->entity);
      if (info != NULL && info->title != NULL &&
          (strstr (info->title, "وزير") != NULL || strstr (info->title, "رييس") != NULL))
        {
          office = info->title;
          office_at = name->first_token;
        }
    }
  return office;
}

/* Titles of princes and sheikhs, who hold an office named after them. */
static const char * const titled_by_office[] = { "الامير", "الشيخ", NULL };

/* Roles right after a name (no comma), noted as his before roles are resolved: a prince's or
 * sheikh's office (الأمير X ولي ولي العهد, so that a later bare ولي ولي العهد is him), and a role of
 * a country after a name of no known country that names his title's office again (فخامة الرئيس
 * جوكو ويدودو رئيس جمهورية إندونيسيا, so that a later الرئيس الإندونيسي is him). */
static void
roles_after_names (Run *run)
{
  g_autofree guint *role_at = g_new0 (guint, run->n + 1);  /* role + 1 beginning at a token */
  g_autofree guint8 *person_at = g_new0 (guint8, run->n + 1);

  for (guint r = 0; r < run->roles->len; r++)
    role_at[g_array_index (run->roles, RoleRef, r).first_token] = r + 1;
  for (guint k = 0; k < run->names->len; k++)
    if (g_array_index (run->names, RasdNerName, k).kind == RASD_MENTION_PERSON)
      person_at[g_array_index (run->names, RasdNerName, k).first_token] = TRUE;
  for (guint k = 0; k < run->names->len; k++)
    {
      const RasdNerName *name = &g_array_index (run->names, RasdNerName, k);
      guint end = name->first_token + name->n_tokens;
      const RoleRef *role;
      PersonInfo *info;

      if (name->kind != RASD_MENTION_PERSON || name->entity < 0 || end >= run->n || role_at[end] == 0)
        continue;
      role = &g_array_index (run->roles, RoleRef, role_at[end] - 1);
      /* "أحمد الطيب، شيخ الأزهر": an office of no country in apposition is his other title,
       * so that a bare "شيخ الأزهر" later is him */
      if (breaks_after (run, end - 1))
        {
          if (comma_between (run, end - 1) && role->title != NULL && role->country == NULL &&
              !role->counterpart && !role->reference && !has_prefix (tok (run, end)->norm, "و") &&
              (info = person_info (run, name->entity)) != NULL && info->name_title == NULL &&
              g_strcmp0 (info->title, role->title) != 0 && RASD_RULE_IS (NER_OFFICE_IN_APPOSITION, TRUE))
            {
              guint len = 0;
              const RasdTitle *first = match_title (run, role->first_token, &len);

              /* the chain's first office: "شيخ الأزهر الشريف ورئيس مجلس ..." */
              info->name_title = first != NULL && first->type == RASD_TITLE_ROLE ?
                                 title_text (run, first, role->first_token, len) : role->title;
            }
          continue;
        }
      /* "الأمير X بن Y ولي ولي العهد": a prince's or sheikh's office is
       * the role after his name, so that "سمو ولي ولي العهد" later is him */
      if (role->title != NULL && !role->counterpart && !role->local &&
          (in_list (titled_by_office, tok (run, name->first_token)->norm) ||
           (name->first_token > 0 && name->title_token < name->first_token &&
            in_list (titled_by_office, tok (run, name->first_token - 1)->norm))) &&
          (info = person_info (run, name->entity)) != NULL &&
          (info->title == NULL || in_list (titled_by_office, info->title)))
        {
          guint len = 0;
          const RasdTitle *first = match_title (run, role->first_token, &len);

          RASD_RULE (NER_OFFICE_AFTER_NAME);
          rasd_title_count_role (run->known_roles, info->title, info->country, -1);
          /* the first office of a chain (ولي العهد، نائب الرئيس، وزير الداخلية) is
           * the one he goes by; the last one read is his too */
          info->title = first != NULL && first->type == RASD_TITLE_ROLE ?
                        title_text (run, first, role->first_token, len) : role->title;
          if (info->title != role->title && info->name_title == NULL)
            info->name_title = role->title;
          rasd_title_count_role (run->known_roles, info->title, info->country, +1);
          continue;
        }
      /* "أيمن الصفدي وزير الخارجية ... بالمملكة الأردنية الهاشمية": an office of the name's
       * own country right after it is his, so that "الوزير الأردني" later is him; so is a
       * minister's office of no country that no name follows ("حضر اللقاء X وزير الخارجية"; not
       * "وقائد الجيش", someone else) */
      if (role->title != NULL && !role->counterpart && !role->local &&
          (info = person_info (run, name->entity)) != NULL && info->title == NULL &&
          ((role->country != NULL &&
            g_strcmp0 (rasd_extraction_get_entity (run->out, name->entity)->country, role->country) == 0 &&
            RASD_RULE_IS (NER_OFFICE_OF_OWN_COUNTRY, TRUE)) ||
           (role->country == NULL && !role->reference && has_prefix (role->title, "وزير ") &&
            !person_at[role->chain_end] && RASD_RULE_IS (NER_OFFICE_AFTER_NAME_ALONE, TRUE))))
        {
          rasd_title_count_role (run->known_roles, info->title, info->country, -1);
          info->title = role->title;
          if (info->country == NULL)
            info->country = role->country;
          rasd_title_count_role (run->known_roles, info->title, info->country, +1);
          continue;
        }
      if (role->country == NULL || role->counterpart || role->local || role->title == NULL ||
          name->first_token == 0 || name->title_token == name->first_token ||
          (info = person_info (run, name->entity)) == NULL || info->country != NULL)
        continue;
      /* the same office named twice (الرئيس، رئيس جمهورية); a role of another office after a
       * name (X الرئيس السابق لاتحاد الكرة) is too often a past one or an object */
      {
        g_autofree char *before = rasd_title_role_key (tok (run, name->first_token - 1)->norm, "");
        g_autofree char *after = rasd_title_role_key (role->title, "");

        if (strcmp (before, after) != 0)
          continue;
      }
      RASD_RULE (NER_ROLE_COUNTRY_AFTER_NAME);
      rasd_title_count_role (run->known_roles, info->title, info->country, -1);
      info->country = role->country;
      rasd_title_count_role (run->known_roles, info->title, info->country, +1);
    }
}

/* "بيان صادر عن مكتب رئيس الوزراء الماليزي": whose office a statement came from speaks; he
 * is no party of the deed the statement tells of. */
static gboolean
office_speaks (Run  *run,
               guint i)
{
  return i >= 2 && !breaks_after (run, i - 2) && strcmp (tok (run, i - 1)->norm, "مكتب") == 0 &&
         strcmp (tok (run, i - 2)->norm, "عن") == 0 && RASD_RULE_IS (NER_OFFICE_SPEAKS, TRUE);
}

/* Whether @word (وزير) is a word of @title, its last or followed by more. */
static gboolean
office_word_in (const char *word,
                const char *title)
{
  gsize len = strlen (word);

  for (const char *p = strstr (title, word); p != NULL; p = strstr (p + 1, word))
    if ((p == title || p[-1] == ' ') && (p[len] == '\0' || p[len] == ' '))
      return TRUE;
  return FALSE;
}

/* Whether a role's @title and a person's @other name one office: the same, one saying more
 * (title_extends()), or two titles of a head of state, or of a head of government (الرئيس and
 * رئيس الجمهورية agree, and so do رئيس الوزراء and رئيس الحكومة; وزير الخارجية and الرئيس do not,
 * nor رئيس وزراء and الرئيس). */
static gboolean
titles_agree (const char *title,
              const char *other)
{
  return strcmp (title, other) == 0 || title_extends (title, other) ||
         (heads_state (other) && heads_state (title)) ||
         (heads_government (other) && heads_government (title) &&
          strstr (other, "وزير ") == NULL && strstr (title, "وزير ") == NULL);
}

static PersonInfo *person_titled (Run        *run,
                                  const char *title,
                                  const char *country);

/* The one person of @country whose title or other title agrees with @title, or NULL; with
 * none, the one of no country so titled ("الشيخ خالد بن أحمد آل خليفة وزير الخارجية" in news
 * from Manama: an agency names its own country's men without it). */
static PersonInfo *
person_at_home (Run        *run,
                const char *title,
                const char *country)
{
  PersonInfo *found = person_titled (run, title, country);

  if (found == NULL && country != NULL && RASD_RULE_IS (NER_HOME_OF_NO_COUNTRY, TRUE))
    found = person_titled (run, title, NULL);
  return found;
}

/* The one person of @country (NULL: of none) whose title or other title agrees with @title,
 * or NULL. */
static PersonInfo *
person_titled (Run        *run,
               const char *title,
               const char *country)
{
  PersonInfo *found = NULL;

  for (guint p = 0; p < run->persons->len; p++)
    {
      PersonInfo *info = &g_array_index (run->persons, PersonInfo, p);

      if (g_strcmp0 (info->country, country) != 0 ||
          !((info->title != NULL && titles_agree (title, info->title)) ||
            (info->name_title != NULL && titles_agree (title, info->name_title))))
        continue;
      if (found != NULL)
        return NULL;
      found = info;
    }
  return found;
}

void
resolve_roles (Run *run)
{
  g_autofree guint8 *person_at = g_new0 (guint8, run->n + 1);
  g_autofree int *person_ends = g_new0 (int, run->n + 1);  /* entity + 1 of a name ending there */
  g_autoptr(RasdTitleGroups) by_country = rasd_title_groups_new ();
  g_autoptr(RasdTitleGroups) by_head = rasd_title_groups_new ();
  g_autoptr(GHashTable) first_named = g_hash_table_new (NULL, NULL);  /* entity + 1 → first token */
  const char *dateline_country = NULL;

  roles_after_names (run);
  /* the country the news is filed from: its dateline's place */
  for (guint k = 0; k < run->names->len && dateline_country == NULL; k++)
    {
      const RasdNerName *name = &g_array_index (run->names, RasdNerName, k);

      if (name->kind == RASD_MENTION_PLACE && name->entity >= 0 && at_dateline (run, name->first_token))
        dateline_country = rasd_extraction_get_entity (run->out, name->entity)->country;
    }
  for (guint p = 0; p < run->persons->len; p++)
    {
      PersonInfo *info = &g_array_index (run->persons, PersonInfo, p);
      g_autofree char *head = info->title != NULL ? rasd_title_role_key (info->title, "") : NULL;

      if (info->country != NULL)
        rasd_title_groups_add (by_country, info->country, info->title, info->count, info);
      if (head != NULL)
        rasd_title_groups_add (by_head, head, info->title, info->count, info);
      if (info->name_title != NULL)
        {
          g_autofree char *name_head = rasd_title_role_key (info->name_title, "");

          if (g_strcmp0 (name_head, head) != 0)
            rasd_title_groups_add (by_head, name_head, info->name_title, info->count, info);
        }
    }

  for (guint k = 0; k < run->names->len; k++)
    {
      const RasdNerName *name = &g_array_index (run->names, RasdNerName, k);

      if (name->kind == RASD_MENTION_PERSON)
        {
          person_at[name->first_token] = TRUE;
          person_ends[name->first_token + name->n_tokens - 1] = name->entity + 1;
          gpointer had;

          /* the names are not yet in the text's order (sorted after the roles) */
          if (!g_hash_table_lookup_extended (first_named, GINT_TO_POINTER (name->entity + 1), NULL, &had) ||
              GPOINTER_TO_UINT (had) > name->first_token)
            g_hash_table_insert (first_named, GINT_TO_POINTER (name->entity + 1),
                                 GUINT_TO_POINTER (name->first_token));
        }
    }

  for (guint r = 0; r < run->roles->len; r++)
    {
      RoleRef *role = &g_array_index (run->roles, RoleRef, r);
      PersonInfo *best = NULL, *at_home;
      guint best_score = 0;
      guint n_best = 0;
      guint after = role->chain_end;
      GPtrArray *same;

      const char *title = role->title;

      if (role->country == NULL && role->title == NULL)
        continue;
      /* "مع رئيس حزب القوات اللبنانية": رئيس with no article, no country and no complement
       * the chain read heads a body it names after it, not a state */
      if (role->country == NULL && role->title != NULL && strcmp (role->title, "رييس") == 0 &&
          role->n_tokens == 1 && RASD_RULE_IS (NER_HEAD_OF_BODY, TRUE))
        continue;
      /* نظيره الجزائري: the Algerian who holds the office of the one whose counterpart he is */
      if (role->counterpart && title == NULL)
        title = possessor_office (run, role);
      /* "وزير الخارجية المغربي السابق، كريم الفاسي": the name after the comma is whose role it
       * is, not someone else the article gave that title */
      if (!role->counterpart && after < run->n && person_at[after] && comma_between (run, after - 1))
        {
          RASD_RULE (NER_ROLE_COMMA_NAME);
          continue;
        }
      /* "سلمان بن حمد، ولي عهد البحرين": a role right after a name and a comma, or of the
       * name's country, is that name's (without either it is more often the object of a verb:
       * "استقبل الملك وزير الدفاع الأمريكي") */
      if (!role->counterpart && role->first_token > 0 && person_ends[role->first_token - 1] > 0 &&
          (comma_between (run, role->first_token - 1) ||
           (!breaks_after (run, role->first_token - 1) && role->country != NULL &&
            g_strcmp0 (rasd_extraction_get_entity (run->out, person_ends[role->first_token - 1] - 1)->country,
                       role->country) == 0)))
        {
          /* the name's mention says all: the role adds no party, speaker or not */
          RASD_RULE (NER_ROLE_AFTER_NAME);
          continue;
        }
      /* المبعوث الخاص: the one person of the article with that title; else the one of
       * that country */
      if (role->country != NULL)
        same = rasd_title_groups_lookup (by_country, role->country);
      else
        same = NULL;
      /* "أمير منطقة الرياض" after "الأمير X أمير منطقة الرياض": of a region, and no one of its
       * country named with one, the man titled so whatever his country */
      if (role->country == NULL || (same == NULL && role->local && role->title != NULL &&
                                    RASD_RULE_IS (NER_ROLE_OF_REGION, TRUE)))
        {
          g_autofree char *head = rasd_title_role_key (role->title, "");

          same = rasd_title_groups_lookup (by_head, head);
        }
      /* the person named most often among those whose title agrees: one, or none */
      for (guint i = 0; same != NULL && i < same->len; i++)
        {
          RasdTitleGroup *group = g_ptr_array_index (same, i);
          guint score = 1 + group->max_count;
          PersonInfo *named = group->best;

          /* "صرح المتحدث بأن رئيس الوزراء أكد ... ويستقبل محلب غدا رئيس وزراء اليونان X":
           * after the first sentence, or right after a name, a role of no country points
           * back at one named before it, not at one the article names only later (a
           * headline's role may: "الرئيس يستقبل ..."; نظيره الكيني, أمير الكويت may be named
           * after) */
          if (role->country == NULL && !role->counterpart &&
              (tok (run, role->first_token)->sentence > 0 ||
               (role->first_token > 0 && person_ends[role->first_token - 1] > 0)) &&
              GPOINTER_TO_UINT (g_hash_table_lookup (first_named, GINT_TO_POINTER (named->entity + 1))) >
              role->first_token &&
              RASD_RULE_IS (NER_ROLE_NAMED_BEFORE, TRUE))
            continue;

          if (title != NULL && group->title != NULL)
            {
              if (titles_agree (title, group->title))
                {
                  if (title != role->title)
                    RASD_RULE (NER_COUNTERPART_OFFICE);
                  score += 100;
                }
              /* "الوزير العراقي": any office of a minister (نائب رئيس الوزراء وزير الخارجية),
               * not the head of the ministers (رئيس الوزراء) */
              else if (role->reference && has_prefix (title, "ال") &&
                       office_word_in (title + strlen ("ال"), group->title) &&
                       RASD_RULE_IS (NER_REFERENCE_OFFICE, TRUE))
                score += 50;
              /* ... and a man of another office (رئيس مجلس الوزراء) is not the one meant */
              else if (role->reference && has_prefix (title, "الوزير") &&
                       (strstr (group->title, "وزير") != NULL || strstr (group->title, "رييس") != NULL) &&
                       RASD_RULE_IS (NER_REFERENCE_OFFICE, TRUE))
                continue;
              else if (!(role->reference && role->country != NULL))
                continue;
            }
          if (score > best_score)
            {
              best = group->best;
              best_score = score;
              n_best = group->n_max;
            }
          /* one man may head two groups: a king titled خادم الحرمين الشريفين whose lexicon
           * name begins with الملك */
          else if (score == best_score && !(group->n_max == 1 && group->best == best))
            n_best += group->n_max;
        }
      /* "وزير الشؤون الخارجية أحمد عطاف ... نظيره الجزائري": the one who holds the office,
       * named with no country, when there is one */
      if (best == NULL && role->counterpart && title != NULL)
        best = office_holder (run, by_head, title, role->country, &n_best);
      /* "وكان جلالة الملك قد استقبل" told from Manama, whose king called another: the one of
       * the country the news is filed from */
      if (n_best > 1 && role->country == NULL && title != NULL && dateline_country != NULL &&
          (at_home = person_at_home (run, title, dateline_country)) != NULL &&
          RASD_RULE_IS (NER_ROLE_AT_HOME, TRUE))
        {
          best = at_home;
          n_best = 1;
        }
      /* "جلالة الملك يستقبل وزير الخارجية الأردني" from Manama, whose news names the
       * Jordanian king more often: still the king at home */
      else if (best != NULL && n_best == 1 && role->country == NULL && !role->counterpart && title != NULL &&
               dateline_country != NULL && g_strcmp0 (best->country, dateline_country) != 0 &&
               (at_home = person_at_home (run, title, dateline_country)) != NULL &&
               RASD_RULE_IS (NER_ROLE_AT_HOME_FIRST, TRUE))
        best = at_home;
      if (best == NULL || n_best > 1)
        continue;
      RASD_RULE (NER_ROLE_RESOLVED);
      add_name (run, RASD_MENTION_PERSON, best->entity, role->first_token, role->n_tokens,
                role->first_token, RASD_NER_FROM_ROLE | (is_spokesperson_title (role->title) ?
                                                          RASD_NER_SPOKESPERSON : 0) |
                (named_for (run, role->first_token) ? RASD_NER_NAMED_FOR : 0) |
                (office_speaks (run, role->first_token) ? RASD_NER_SPEAKER : 0),
                -1, TRUE);
    }
}

/* Whether names @v and @w (variants, @sv and @sw their vowel skeletons) are one name written
 * with more or fewer long vowels (بيتر ويليامز، بيتر وليامز): of one skeleton, and every word
 * that differs a word neither the dictionary nor the first names know (محمد and محمود differ by
 * a vowel too, and are two names). */
static gboolean
foreign_spellings (Run        *run,
                   const char *v,
                   const char *w,
                   const char *sv,
                   const char *sw)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) b = NULL;

  if (sv == NULL || sw == NULL || strcmp (sv, sw) != 0 || strcmp (v, w) == 0 || run->tagger == NULL)
    return FALSE;
  a = g_strsplit (v, " ", -1);
  b = g_strsplit (w, " ", -1);
  if (g_strv_length (a) != g_strv_length (b))
    return FALSE;
  for (guint i = 0; a[i] != NULL; i++)
    if (strcmp (a[i], b[i]) != 0 &&
        (rasd_people_is_first_name (run->ner->people, a[i]) || rasd_people_is_first_name (run->ner->people, b[i]) ||
         rasd_name_tagger_knows_word (run->tagger, a[i], -1) || rasd_name_tagger_knows_word (run->tagger, b[i], -1)))
      return FALSE;
  return RASD_RULE_IS (NER_FOREIGN_SPELLINGS, TRUE);
}

/* Within an article one person may be named in two spellings (حسين بن طلال، الحسين بن طلال) or
 * by the first words of a name given in full elsewhere (ناصر، ناصر جودة): the unknown name's
 * mentions become mentions of that person (the one the lexicon knows, else the longer name),
 * when there is one such person only. */
/* @norm after the titles it begins with (الملك سلمان بن عبد العزيز: سلمان بن عبد العزيز),
 * when two words at least are left; else @norm. */
static const char *
after_titles (Run        *run,
              const char *norm)
{
  const char *words[8];
  const char *starts[8];
  char buf[256];
  guint n = 0, skip = 0, matched = 0;
  char *p;

  if (strlen (norm) >= sizeof buf)
    return norm;
  strcpy (buf, norm);
  /* the words in place, each ended by a NUL where its space was (strtok() is not reentrant) */
  for (p = buf; *p != '\0' && n < G_N_ELEMENTS (words);)
    {
      gsize len = strcspn (p, " ");

      starts[n] = norm + (p - buf);
      words[n++] = p;
      if (p[len] == '\0')
        break;
      p[len] = '\0';
      p += len + 1;
    }
  while (skip + 2 < n &&
         rasd_people_match_title (run->ner->people, words + skip, n - skip, &matched) != NULL &&
         matched > 0 && skip + matched + 2 <= n)
    skip += matched;
  return skip > 0 ? starts[skip] : norm;
}

/* Person @p of the article's persons is no longer one it names (his mentions are another's):
 * his title, when the other has none, or as the other's second title (الملك beside خادم الحرمين
 * الشريفين), goes to person @into (none when -1), and he is marked to leave the persons
 * (compact_persons()), so that no role resolves to him or counts him beside the other. */
static void
forget_person (Run  *run,
               guint p,
               int   into)
{
  PersonInfo *gone = &g_array_index (run->persons, PersonInfo, p);
  PersonInfo *other;

  rasd_title_count_role (run->known_roles, gone->title, gone->country, -1);
  if (into >= 0 && gone->title != NULL && (other = person_info (run, into)) != NULL && other != gone)
    {
      if (other->title == NULL)
        {
          rasd_title_count_role (run->known_roles, other->title, other->country, -1);
          other->title = gone->title;
          rasd_title_count_role (run->known_roles, other->title, other->country, +1);
        }
      else if (other->name_title == NULL && strcmp (other->title, gone->title) != 0)
        other->name_title = gone->title;
    }
  gone->entity = -1;
}

/* The persons forget_person() marked leave the article's persons, all at once. */
static void
compact_persons (Run *run)
{
  guint kept = 0;

  for (guint q = 0; q < run->persons->len; q++)
    if (g_array_index (run->persons, PersonInfo, q).entity >= 0)
      g_array_index (run->persons, PersonInfo, kept++) = g_array_index (run->persons, PersonInfo, q);
  if (kept == run->persons->len)
    return;
  g_array_set_size (run->persons, kept);
  g_hash_table_remove_all (run->person_index);
  for (guint q = 0; q < run->persons->len; q++)
    g_hash_table_insert (run->person_index,
                         GINT_TO_POINTER (g_array_index (run->persons, PersonInfo, q).entity + 1),
                         GUINT_TO_POINTER (q + 1));
}

/* Every mention and name of person @from is of person @to. */
static void
repoint_person (Run *run,
                int  from,
                int  to)
{
  for (guint m = 0; m < run->out->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (run->out->mentions, RasdMention, m);

      if (mention->kind == RASD_MENTION_PERSON && mention->entity == from)
        mention->entity = to;
    }
  for (guint k = 0; k < run->names->len; k++)
    {
      RasdNerName *name = &g_array_index (run->names, RasdNerName, k);

      if (name->kind == RASD_MENTION_PERSON && name->entity == from)
        name->entity = to;
    }
}

void
merge_person_variants (Run *run)
{
  guint n = run->persons->len;
  g_autoptr(GPtrArray) variants = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) untitled = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) skeletons = g_ptr_array_new_with_free_func (g_free);
  g_autofree int *target = g_new (int, n + 1);

  for (guint p = 0; p < n; p++)
    {
      const char *norm = g_array_index (run->persons, PersonInfo, p).norm;
      const char *name = after_titles (run, norm);

      g_ptr_array_add (variants, rasd_people_variant (norm));
      g_ptr_array_add (untitled, name != norm ? rasd_people_variant (name) : NULL);
      g_ptr_array_add (skeletons, rasd_people_vowel_skeleton (variants->pdata[p]));
      target[p] = -1;
    }
  for (guint p = 0; p < n; p++)
    {
      int entity = g_array_index (run->persons, PersonInfo, p).entity;
      const char *v = variants->pdata[p];
      gsize len = strlen (v);
      int found = -1;
      /* "الرئيس عباس" in a headline before "محمود عباس": one word after a title, the family
       * name of a man the article names in full later too */
      gboolean titled_word = strchr (v, ' ') == NULL && g_array_index (run->persons, PersonInfo, p).title != NULL;

      if (!has_prefix (rasd_extraction_get_entity (run->out, entity)->key, "name:"))
        continue;
      for (guint q = 0; q < n; q++)
        {
          int other = g_array_index (run->persons, PersonInfo, q).entity;
          const char *w = variants->pdata[q];
          RasdEntity *o = rasd_extraction_get_entity (run->out, other);

          if (q == p || other == entity)
            continue;
          const char *u = untitled->pdata[q];

          /* the same name spelled otherwise, its lexicon form first; or a longer name it
           * begins, with or without the titles the lexicon writes it with (الملك) */
          if (((strcmp (v, w) == 0 || foreign_spellings (run, v, w, skeletons->pdata[p], skeletons->pdata[q])) &&
               (!has_prefix (o->key, "name:") || q < p)) ||
              (strncmp (v, w, len) == 0 && w[len] == ' ') ||
              (u != NULL && strncmp (v, u, len) == 0 && (u[len] == ' ' || u[len] == '\0')))
            {
              if (found >= 0 && found != other)
                {
                  found = -2;
                  break;
                }
              found = other;
            }
        }
      /* else the one man whose name ends with that word */
      for (guint q = 0; q < n && found == -1 && titled_word; q++)
        {
          int other = g_array_index (run->persons, PersonInfo, q).entity;
          const char *w = variants->pdata[q];
          gsize wl = strlen (w);

          if (q == p || other == entity || wl <= len || w[wl - len - 1] != ' ' || strcmp (w + wl - len, v) != 0)
            continue;
          for (guint r = q + 1; r < n && found != -2; r++)
            {
              const char *x = variants->pdata[r];
              gsize xl = strlen (x);

              if (r != p && g_array_index (run->persons, PersonInfo, r).entity != other &&
                  xl > len && x[xl - len - 1] == ' ' && strcmp (x + xl - len, v) == 0)
                found = -2;
            }
          if (found == -1)
            {
              RASD_RULE (NER_TITLED_SURNAME);
              found = other;
            }
        }
      if (found >= 0)
        target[p] = found;
    }
  for (guint p = 0; p < n; p++)
    {
      if (target[p] < 0)
        continue;
      RASD_RULE (NER_SAME_PERSON);
      repoint_person (run, g_array_index (run->persons, PersonInfo, p).entity, target[p]);
    }
  for (guint p = 0; p < n; p++)
    if (target[p] >= 0 && RASD_RULE_IS (NER_MERGED_FORGOTTEN, TRUE))
      forget_person (run, p, target[p]);
  compact_persons (run);
}

/* "قمة كلينتون والأسد" before "حافظ الأسد": a lexicon person the article names by one word of
 * his short form only, never in full, is the one other man it names in full with that word
 * for his family name (the lexicon's الأسد is Bashar).  Linear in the article's names. */
void
merge_short_forms (Run *run)
{
  guint n_entities = run->out->entities->len;
  g_autofree guint *single_at = g_new (guint, n_entities + 1);  /* a one-word mention, or G_MAXUINT */
  g_autofree guint8 *in_full = g_new0 (guint8, n_entities + 1);
  g_autoptr(GHashTable) by_last = NULL;  /* a full name's last word → entity + 1, or 0 when several */

  for (guint e = 0; e < n_entities; e++)
    single_at[e] = G_MAXUINT;
  for (guint k = 0; k < run->names->len; k++)
    {
      const RasdNerName *name = &g_array_index (run->names, RasdNerName, k);

      if (name->kind != RASD_MENTION_PERSON || name->entity < 0 || (guint) name->entity >= n_entities)
        continue;
      if (name->n_tokens > 1)
        {
          const char *last = tok (run, name->first_token + name->n_tokens - 1)->norm;
          gpointer had;

          in_full[name->entity] = TRUE;
          if (by_last == NULL)
            by_last = g_hash_table_new (rasd_str_hash, g_str_equal);
          if (!g_hash_table_lookup_extended (by_last, last, NULL, &had))
            g_hash_table_insert (by_last, (gpointer) last, GINT_TO_POINTER (name->entity + 1));
          else if (GPOINTER_TO_INT (had) != name->entity + 1)
            g_hash_table_insert (by_last, (gpointer) last, GINT_TO_POINTER (0));
        }
      else
        single_at[name->entity] = name->first_token;
    }
  if (by_last == NULL)
    return;
  for (guint p = 0; p < run->persons->len; p++)
    {
      int entity = g_array_index (run->persons, PersonInfo, p).entity;
      const char *forms[RASD_TOKEN_MAX_FORMS];
      guint n_forms;
      int found = -1;

      if (entity < 0 || (guint) entity >= n_entities || in_full[entity] || single_at[entity] == G_MAXUINT ||
          has_prefix (rasd_extraction_get_entity (run->out, entity)->key, "name:"))
        continue;
      n_forms = forms_of (run, single_at[entity], forms);
      for (guint f = 0; f < n_forms && found == -1; f++)
        {
          int other = GPOINTER_TO_INT (g_hash_table_lookup (by_last, forms[f])) - 1;

          if (other >= 0 && other != entity)
            found = other;
        }
      if (found < 0 || !RASD_RULE_IS (NER_SHORT_FORM_NAMED_LATER, TRUE))
        continue;
      repoint_person (run, entity, found);
      /* and the lexicon's man is no longer one the article names, nor his title one it knows */
      forget_person (run, p, -1);
    }
  compact_persons (run);
}

/* The one person named so far whose name ends with token @i (as written or without its
 * proclitics), or -1: "الوزير شكري" after "سامح شكري". */
int
person_by_last_name (Run  *run,
                     guint i)
{
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n_forms = forms_of (run, i, forms);
  int found = -1;

  for (guint f = 0; f < n_forms && found < 0; f++)
    {
      gsize len = strlen (forms[f]);

      for (guint p = 0; p < run->persons->len; p++)
        {
          int entity = g_array_index (run->persons, PersonInfo, p).entity;
          const char *norm = g_array_index (run->persons, PersonInfo, p).norm;
          gsize norm_len = strlen (norm);

          if (norm_len <= len || strcmp (norm + norm_len - len, forms[f]) != 0 ||
              norm[norm_len - len - 1] != ' ')
            continue;
          if (found >= 0 && found != entity)
            return -1;
          found = entity;
        }
    }
  if (found >= 0)
    RASD_RULE (NER_LAST_NAME_OF);
  return found;
}

/* A king's or a pope's number (عبد الله الثاني، إليزابيث الثانية), normalised: not a family name. */
static const char * const regnal_ordinals[] = {
  "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
  "العاشر", "الاولي", "الثانيه", "الثالثه", "الرابعه", "الخامسه", NULL
};

/* Within an article a person named in full may be named again by the last word of the name
 * alone (فيشر، لفيشر، الخطيب): finds those mentions among the words not yet read as names.
 * @last is the name's last word, @before the word or words before it.  The rest of عبد (محمد
 * بن عبد الله), الله (alone it is God), a king's number and a nationality (العربي، المصري:
 * alone an adjective) are no family name. */
static void
add_surname (Run        *run,
             GHashTable *surnames,
             GHashTable *first_names,
             GHashTable *nationalities,
             const char *before,
             const char *last,
             int         entity)
{
  gpointer had;

  if (g_utf8_strlen (last, -1) < 3 || g_hash_table_contains (run->ner->stopwords, last) ||
      g_hash_table_contains (run->ner->name_common, last) || in_list (rasd_ner_name_links, last))
    return;
  if (strcmp (before, "عبد") == 0 || g_str_has_suffix (before, " عبد") || in_list (regnal_ordinals, last) ||
      strcmp (last, "الله") == 0)
    {
      RASD_RULE (NER_NOT_SURNAME);
      return;
    }
  /* a family name that is also a first name (شكري) is kept apart: read alone only as written
   * (لصالح is no صالح) and where no name can go on after it; one that is also a nationality
   * (السوداني) only where no noun goes before it (nationality_at()) */
  if (rasd_gazetteer_lookup_adjective (run->ner->gazetteer, last, NULL) != NULL)
    surnames = nationalities;
  else if (rasd_people_is_first_name (run->ner->people, last))
    surnames = first_names;
  /* two people sharing a family name: the surname alone names neither */
  if (g_hash_table_lookup_extended (surnames, last, NULL, &had))
    {
      if (GPOINTER_TO_INT (had) != entity + 1)
        g_hash_table_replace (surnames, g_strdup (last), GINT_TO_POINTER (-1));
    }
  else
    g_hash_table_insert (surnames, g_strdup (last), GINT_TO_POINTER (entity + 1));
}

/* Whether no name can go on after token @i: a break, a word of every day or a stop word,
 * or a word with و ("مع شكري والوفد المرافق له"). */
static gboolean
name_ends_at (Run  *run,
              guint i)
{
  const char *next;

  if (i + 1 >= run->n || breaks_after (run, i))
    return TRUE;
  next = tok (run, i + 1)->norm;
  return has_prefix (next, "و") || g_hash_table_contains (run->ner->stopwords, next) ||
         g_hash_table_contains (run->ner->name_common, next);
}

/* Whether the nationality word at token @i is an adjective here: after a definite noun or one
 * with a pronoun (الرئيس السوداني، نظيره السوداني، حكومة السوداني), a name or a title, or at a
 * break.  After a verb ("واستقبل السوداني"، "وقال السوداني") it is a family name. */
static gboolean
nationality_at (Run  *run,
                guint i)
{
  const char *before;
  guint n_title = 0;

  if (i == 0 || breaks_after (run, i - 1))
    return TRUE;
  before = tok (run, i - 1)->norm;
  return has_prefix (before, "ال") || has_prefix (before, "وال") || has_suffix (before, "ه") ||
         has_suffix (before, "ها") || has_suffix (before, "هم") || run->covered[i - 1] ||
         match_title (run, i - 1, &n_title) != NULL;
}

/* A filter of a few names' keys (rasd_str_filter_bit()). */
#define KEY_FILTER_LOG2_BITS 10

typedef struct
{
  guint64 bits[(1 << KEY_FILTER_LOG2_BITS) / 64];
} KeyFilter;

static void
key_filter_add_all (KeyFilter  *filter,
                    GHashTable *set)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint bit = rasd_str_filter_bit (key, strlen (key), KEY_FILTER_LOG2_BITS);

      filter->bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
    }
}

static inline gboolean
key_filter_may_have (const KeyFilter *filter,
                     const char      *key)
{
  guint bit = rasd_str_filter_bit (key, strlen (key), KEY_FILTER_LOG2_BITS);

  return (filter->bits[bit / 64] >> (bit % 64)) & 1;
}

void
find_surnames (Run *run)
{
  g_autoptr(GHashTable) surnames = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) first_names = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) nationalities = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  guint n_persons = run->persons->len;
  KeyFilter filter = { { 0 } };

  for (guint p = 0; p < n_persons; p++)
    {
      const char *norm = g_array_index (run->persons, PersonInfo, p).norm;
      const char *last = strrchr (norm, ' ');

      if (last != NULL)
        {
          g_autofree char *before = g_strndup (norm, last - norm);

          add_surname (run, surnames, first_names, nationalities, before, last + 1,
                       g_array_index (run->persons, PersonInfo, p).entity);
        }
    }
  /* the article's own spelling of a listed person's family name (مستورا for ميستورا) */
  for (guint k = 0; k < run->names->len; k++)
    {
      const RasdNerName *name = &g_array_index (run->names, RasdNerName, k);

      if (name->kind == RASD_MENTION_PERSON && name->n_tokens >= 2)
        add_surname (run, surnames, first_names, nationalities,
                     tok (run, name->first_token + name->n_tokens - 2)->norm,
                     tok (run, name->first_token + name->n_tokens - 1)->norm, name->entity);
    }
  if (g_hash_table_size (surnames) == 0 && g_hash_table_size (first_names) == 0 &&
      g_hash_table_size (nationalities) == 0)
    return;
  key_filter_add_all (&filter, surnames);
  key_filter_add_all (&filter, first_names);
  key_filter_add_all (&filter, nationalities);

  for (guint i = 0; i < run->n; i++)
    {
      const char *forms[RASD_TOKEN_MAX_FORMS];
      guint n_forms;

      /* a nationality is read as an adjective first (and covered): its family name is looked
       * at again */
      if ((run->covered[i] && (g_hash_table_size (nationalities) == 0 ||
                               !g_hash_table_contains (nationalities, tok (run, i)->norm))) ||
          (tok (run, i)->flags & RASD_TOKEN_ARABIC) == 0)
        continue;
      n_forms = forms_of (run, i, forms);
      for (guint f = 0; f < n_forms; f++)
        {
          int value = 0;

          /* the article names a few persons: most words are not in the filter */
          if (!key_filter_may_have (&filter, forms[f]))
            continue;
          value = GPOINTER_TO_INT (g_hash_table_lookup (surnames, forms[f]));
          if (value <= 0 && f == 0)
            {
              int first = GPOINTER_TO_INT (g_hash_table_lookup (first_names, forms[f]));

              if (first > 0 && name_ends_at (run, i))
                value = first;
            }
          if (value <= 0 && f == 0)
            {
              int nationality = GPOINTER_TO_INT (g_hash_table_lookup (nationalities, forms[f]));

              if (nationality > 0 && !nationality_at (run, i))
                {
                  RASD_RULE (NER_NATIONALITY_SURNAME);
                  value = nationality;
                }
            }
          else if (run->covered[i])
            break;
          if (value > 0)
            {
              RASD_RULE (NER_SURNAME);
              add_name (run, RASD_MENTION_PERSON, value - 1, i, 1, i,
                        after_speech_word (run, i) ? RASD_NER_SPEAKER : 0, -1, TRUE);
              note_person (run, value - 1, NULL, NULL);
              break;
            }
        }
    }
}

