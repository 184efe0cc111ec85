#define G_LOG_DOMAIN "rasd-extractor"

#include "config.h"

#include "rasd-arabic.h"
#include "rasd-extractor-private.h"

#include "rasd-rules.h"

/* Where events happened: the place a clause names and whether it says where (not a topic, not
 * where one left from, not one of "بين X وY"), a tour's stops, a dateline, the one city of a
 * country, the host's capital, the city one arrived in. */

int
place_rank (RasdEntity *e)
{
  if (g_strcmp0 (e->place_kind, "country") == 0)
    return 1;
  return 2;
}

/* The place a site stands for (الكرملين → Moscow), as an entity of @ctx. */
int
event_place (Context *ctx,
             int      entity)
{
  RasdEntity *e = rasd_extraction_get_entity (ctx->out, entity);
  const RasdPlace *place, *city;

  if (g_strcmp0 (e->place_kind, "site") != 0)
    return entity;
  place = rasd_gazetteer_get_place (ctx->self->gazetteer, e->key);
  if (place == NULL || place->stands_for == NULL)
    return entity;
  city = rasd_gazetteer_get_place (ctx->self->gazetteer, place->stands_for);
  if (city == NULL)
    return entity;
  return rasd_extraction_add_place (ctx->out, city);
}

gboolean
places_agree (Context *ctx,
              int      a,
              int      b)
{
  RasdEntity *ea, *eb;

  if (a < 0 || b < 0 || a == b)
    return TRUE;
  ea = rasd_extraction_get_entity (ctx->out, a);
  eb = rasd_extraction_get_entity (ctx->out, b);
  if (g_strcmp0 (ea->country, eb->country) != 0)
    return FALSE;
  /* a city and its country agree; two cities do not */
  return place_rank (ea) == 1 || place_rank (eb) == 1;
}

/* Whether place @name is one of "بين X وY": "التبادل التجاري بين عمّان والقاهرة" relates two places, it
 * does not say where something happened. */
gboolean
place_between (Context           *ctx,
               const RasdNerName *name)
{
  guint k = name->first_token;

  if ((k >= 1 && (marks_at (ctx, k - 1) & MARK_BETWEEN)) ||
      /* the second of the pair, after a one-word first: بين دمشق وأنقرة */
      (k >= 2 && g_str_has_prefix (token (ctx, k)->norm, "و") &&
       (marks_at (ctx, k - 2) & MARK_BETWEEN)))
    return RASD_RULE_IS (EV_PLACE_BETWEEN, TRUE);
  return FALSE;
}

/* Nouns of what talks are about, and words for "about": what they govern is a topic. */
static const char * const topic_words[] = {
  "الاوضاع", "اوضاع", "الوضع", "وضع", "الازمه", "ازمه", "الازمات", "التطورات", "تطورات",
  "المستجدات", "مستجدات", "الملف", "ملف", "الملفات", "القضيه", "قضيه", "القضايا", "قضايا",
  "الصراع", "صراع", "النزاع", "الحرب", "حرب", "الاحداث", "احداث", "التحديات", "الامن", "امن",
  "الاستقرار", "استقرار", "السلام", "الحل", "حل", "التسويه", "تسويه", "الارهاب", "موقف",
  "الموقف", "مستقبل", "اعمار", "الشان", "شان", "ساحه", "الساحه", "دعم", "تدخل", "التدخل",
  "الجهود", "جهود", "المساعي", "مساعي", "تداعيات", "التداعيات", "العمليات", "عمليات",
  "حول", "بشان", "حيال", "تجاه", "ازاء", "عن", "الخاص", "الخاصه", "المتعلق", "المتعلقه", "المعني",
  "المعنيه", "مواجهه", "ضد", NULL
};

/* Words a topic's place may stand behind: "الأوضاع في المنطقة وفي X", "خاصة في X", "في كل من X". */
static const char * const topic_gap_words[] = {
  "في", "خاصه", "خصوصا", "لا", "سيما", "لاسيما", "كل", "من", "المنطقه", "العالم", "الاقليم",
  "الراهنه", "الراهن", NULL
};

/* What happens somewhere, after ما: "ما يجري في X" is a topic. */
static const char * const happening_words[] = {
  "يجري", "يحدث", "يدور", "جرى", "حدث", "يشهده", "تشهده", NULL
};

/* Whether place @name is what something is about rather than where it happened (or names a
 * process, ev.place-of-process): "بحث معه
 * الأوضاع في السودان وتشاد", "مباحثات حول اليمن", "الجهود لإيجاد حل سياسي في X", "خاصة في X",
 * "ما يجري في X".  Read back from the place over other places of the list, في and adjectives to
 * a topic noun or a word for "about". */
gboolean
place_is_topic (Context           *ctx,
                const RasdNerName *name)
{
  /* "في إطار «مسار أستانا»"، "اتفاق الرياض": a process or an accord named after a place (a
   * declaration, إعلان شرم الشيخ, is where the meeting that made it was) */
  static const char * const process_words[] = {
    "مسار", "مسارات", "اتفاق", "اتفاقيه", "اتفاقات", "اتفاقيات", "صيغه", "منصه", "تفاهمات",
    "عمليه", NULL
  };

  /* "على عقد قمتهم المقبلة في روسيا": where the next meeting will be (not "الأسبوع المقبل في") */
  static const char * const next_words[] = { "المقبله", "المقبل", "القادمه", "القادم", NULL };
  guint k = name->first_token;

  if (k > 0 && token (ctx, k - 1)->sentence == name->sentence &&
      word_in (bare_word (ctx, k - 1), process_words))
    return RASD_RULE_IS (EV_PLACE_OF_PROCESS, TRUE);
  if (k > 2 && token (ctx, k - 3)->sentence == name->sentence && strcmp (token (ctx, k - 1)->norm, "في") == 0 &&
      word_in (token (ctx, k - 2)->norm, next_words) && !ctx->date_begins[k - 3] &&
      !(k > 3 && ctx->date_begins[k - 4]))
    return RASD_RULE_IS (EV_PLACE_OF_NEXT, TRUE);

  for (guint steps = 0; k > 0 && steps < 8; steps++)
    {
      const RasdToken *t;
      const char *word;

      k--;
      t = token (ctx, k);
      if (t->sentence != name->sentence)
        return FALSE;
      word = bare_word (ctx, k);
      /* a short word keeps its و: وفي، ولا */
      if (ctx->place_begins[k] != 0 || word_in (word, topic_gap_words) ||
          (g_str_has_prefix (t->norm, "و") && word_in (t->norm + strlen ("و"), topic_gap_words)))
        continue;
      if (word_in (word, topic_words) ||
          (k > 0 && word_in (word, happening_words) && strcmp (bare_word (ctx, k - 1), "ما") == 0))
        return RASD_RULE_IS (EV_PLACE_TOPIC, TRUE);
      /* an adjective of the topic: الأوضاع الأمنية في، حل سياسي في */
      if (g_utf8_strlen (word, -1) > 3 && (g_str_has_suffix (word, "يه") || g_str_has_suffix (word, "ي")) &&
          trigger_at (ctx, k) == NULL)
        continue;
      return FALSE;
    }
  return FALSE;
}

/* Bodies that sit somewhere: "السفارة الأمريكية في عمّان", "الحكومة في طرابلس". */
static const char * const institution_words[] = {
  "الحكومه", "حكومه", "السلطات", "سلطات", "السفاره", "سفاره", "القنصليه", "قنصليه", "البرلمان",
  "المعارضه", "البعثه", "بعثه", "الممثليه", "ممثليه", "مكتب", "المكتب", "مكاتب", "فرع", "النظام",
  NULL
};

/* Words that make what follows the seat where one is: "في مقر الحكومة في بغداد". */
static const char * const seat_words[] = { "مقر", "مبني", "داخل", "امام", NULL };

/* Whether token @k is in an organisation's name (الأمم المتحدة): its sentence's names only. */
static gboolean
in_organisation (Context *ctx,
                 guint    k)
{
  guint n_names;
  const guint *names = rasd_mention_index_sentence_names (ctx->mentions, token (ctx, k)->sentence, &n_names);

  for (guint i = 0; i < n_names; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, names[i]);

      if (name->kind == RASD_MENTION_ORGANISATION && name->first_token <= k &&
          k < name->first_token + name->n_tokens)
        return TRUE;
    }
  return FALSE;
}

/* Whether place @name, after في, is where a body sits rather than where the deed happened:
 * "بحث خلال لقائه نظيره توسيع عمل السفارة الأمريكية في عمّان" (no meeting in Amman), but
 * "اجتمع في مقر الحكومة في بغداد" is there. */
gboolean
place_of_institution (Context           *ctx,
                      const RasdNerName *name)
{
  guint k = name->first_token;

  if (k < 2 || name->preposition != RASD_NER_PREP_IN || strcmp (token (ctx, k - 1)->norm, "في") != 0)
    return FALSE;
  /* back over at most two adjectives (المركزية، الأمريكية) to the body, or over the name of
   * the body it is of and its purpose ("بعثة الأمم المتحدة للدعم في ليبيا") */
  for (guint back = 2; back <= 6 && k >= back; back++)
    {
      guint at = k - back;
      const char *word = bare_word (ctx, at);

      if (token (ctx, at)->sentence != name->sentence || trigger_at (ctx, at) != NULL ||
          ctx->place_begins[at] != 0)
        return FALSE;
      if ((g_str_has_prefix (token (ctx, at)->norm, "لل") || in_organisation (ctx, at)) &&
          RASD_RULE_IS (EV_INSTITUTION_OVER_NAME, TRUE))
        continue;
      /* as written too: بعثة is no ب + عثة */
      if (word_in (word, institution_words) || word_in (token (ctx, at)->norm, institution_words))
        return !(at > 0 && word_in (bare_word (ctx, at - 1), seat_words)) &&
               RASD_RULE_IS (EV_PLACE_OF_INSTITUTION, TRUE);
      if (!(g_str_has_suffix (word, "يه") || g_str_has_suffix (word, "ي")) || g_utf8_strlen (word, -1) <= 3)
        return FALSE;
    }
  return FALSE;
}

/* Words of leaving: the place after one is where one left from ("يغادر الرياض متوجها"). */
static const char * const leave_words[] = {
  "غادر", "غادرت", "يغادر", "تغادر", "سيغادر", "ستغادر", "مغادرا", "مغادره", "مغادرته", "ترك",
  "تركت", "يترك", "تترك", NULL
};

/* "بحث مع ميلوني ملف الهجرة قبل أن يغادر X عائدا إلى Y": one leaves where one was, so X, named
 * right after قبل أن and a word of leaving at token @k, the end of a clause, is where the
 * clause's deed happened.  Returns X as an event's place, or -1. */
int
place_left_after (Context     *ctx,
                  const guint *sentence_names,
                  guint        n_names,
                  guint        k)
{
  const RasdToken *before = k < ctx->n_tokens ? token (ctx, k) : NULL;

  if (before == NULL || k + 3 >= ctx->n_tokens || !(marks_at (ctx, k) & MARK_BEFORE) ||
      strcmp (token (ctx, k + 1)->norm, "ان") != 0 || !word_in (bare_word (ctx, k + 2), leave_words))
    return -1;
  for (guint i = 0; i < n_names; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, sentence_names[i]);

      /* the leaver may stand between: "قبل أن يغادر الوزير الرياض" */
      if (name->sentence != before->sentence || name->first_token <= k + 2 || name->first_token > k + 5)
        continue;
      if (name->kind != RASD_MENTION_PLACE || name->entity < 0 ||
          (name->preposition != RASD_NER_PREP_NONE && name->preposition != RASD_NER_PREP_OTHER))
        return -1;
      return RASD_RULE_IS (EV_PLACE_LEFT_AFTER, event_place (ctx, name->entity));
    }
  return -1;
}

/* Whether token @k is inside the name or title of a person named in its sentence. */
static gboolean
in_person (Context *ctx,
           guint    k)
{
  guint n_names;
  const guint *names = rasd_mention_index_sentence_names (ctx->mentions, token (ctx, k)->sentence, &n_names);

  for (guint i = 0; i < n_names; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, names[i]);

      if (name->kind == RASD_MENTION_PERSON && name->title_token <= k && k < name->first_token + name->n_tokens)
        return TRUE;
    }
  return FALSE;
}

/* "غادر الأمير روسيا اليوم بعد زيارة رسمية": the place left, right before بعد and a visit's
 * noun (within four words of it), is where that visit was. */
gboolean
left_after_visit (Context           *ctx,
                  const RasdNerName *name)
{
  static const char * const visit_nouns[] = {
    "زياره", "زيارته", "زيارتها", "زيارتهم", "جوله", "جولته", "جولتها", NULL
  };
  guint end = name->first_token + name->n_tokens;

  for (guint k = end; k < MIN (end + 4, ctx->n_tokens - 1); k++)
    {
      if (token (ctx, k)->sentence != name->sentence)
        return FALSE;
      if (strcmp (bare_word (ctx, k), "بعد") == 0)
        return word_in (token (ctx, k + 1)->norm, visit_nouns) && RASD_RULE_IS (EV_LEFT_AFTER_VISIT, TRUE);
    }
  return FALSE;
}

gboolean
left_from (Context           *ctx,
           const RasdNerName *name)
{
  guint words = 0;

  /* the leaver may stand between, however long his titles and name: "يغادر الرئيس الأمريكي
   * الرياض"، "غادر ولي ولي العهد وزير الدفاع الأمير X جدة", "غادر الأمير X مساعد وزير
   * الدفاع رئيس اللجنة العليا ...، جدة" (a title's words are no person's mention: up to
   * twelve words, none a preposition) */
  static const char * const prepositions[] = { "في", "الي", "من", "علي", "مع", "بعد", "قبل", "عن", NULL };

  for (guint k = name->first_token; k-- > 0 && words < 12;)
    {
      if (token (ctx, k)->sentence != name->sentence || ctx->place_begins[k] != 0 ||
          trigger_at (ctx, k) != NULL || word_in (token (ctx, k)->norm, prepositions))
        return FALSE;
      if (word_in (bare_word (ctx, k), leave_words))
        return !left_after_visit (ctx, name);
      if (!in_person (ctx, k))
        words++;
    }
  return FALSE;
}

/* Words that set a deed before or after another: a place in the deed they open is not where
 * the other happened. */
static const char * const sequence_words[] = {
  "قبل", "قبيل", "بعد", "بعيد", "عقب", "غداه", "اثر", "فور", NULL
};

/* Arriving or coming back: after them one is where one arrived ("بعد وصوله إلى X التقى"). */
static const char * const arrival_nouns[] = {
  "وصوله", "وصولها", "وصولهم", "وصول", "عودته", "عودتها", "عوده", NULL
};

/* Whether the word at token @k can open another deed after a word of sequence: أن, the end of
 * something (انتهاء), a trigger, or a verbal noun with its pronoun (زيارته، بحثه، لقائه). */
static gboolean
opens_deed (Context *ctx,
            guint    k)
{
  const char *word = bare_word (ctx, k);

  if (ctx->place_begins[k] != 0)
    return FALSE;  /* قبل أنقرة: a place is no deed */
  if (strcmp (word, "ان") == 0 || strcmp (word, "انتهاء") == 0 || strcmp (word, "اختتام") == 0 ||
      trigger_at (ctx, k) != NULL)
    return TRUE;
  /* a noun with a pronoun (زيارته، بحثه): as written too, as بحثه is no ب + حثه */
  for (guint i = 0; i < 2; i++, word = token (ctx, k)->norm)
    if (g_utf8_strlen (word, -1) > 3 &&
        (g_str_has_suffix (word, "ه") || g_str_has_suffix (word, "ها") || g_str_has_suffix (word, "هم")))
      return TRUE;
  return FALSE;
}

/* Whether place @name belongs to a deed told as before or after the one of the trigger at token
 * @t: "سيلتقي بعد زيارته X قادة في Y", "غداة بحثه في X", "قبل وصوله إلى X", "فور انتهاء زيارته
 * إلى X توجه إلى Y".  After a word of sequence, arriving (بعد وصوله إلى X) puts one in X. */
gboolean
place_of_other_deed (Context           *ctx,
                     const RasdNerName *name,
                     guint              t)
{
  for (guint k = name->first_token; k-- > 0 && k + 6 > name->first_token;)
    {
      const char *word;

      if (k == t || token (ctx, k)->sentence != name->sentence)
        return FALSE;
      word = bare_word (ctx, k);
      if (!word_in (word, sequence_words) || k + 1 >= name->first_token || !opens_deed (ctx, k + 1))
        continue;
      if (strcmp (word, "قبل") != 0 && strcmp (word, "قبيل") != 0 &&
          (word_in (token (ctx, k + 1)->norm, arrival_nouns) ||
           word_in (bare_word (ctx, k + 1), arrival_nouns)))
        return FALSE;
      return RASD_RULE_IS (EV_PLACE_OTHER_DEED, TRUE);
    }
  return FALSE;
}

/* Whether place @name is the first place after a word of visiting in its sentence (the
 * candidate's trigger, or another such as جولة، متوجها or شملت), as its object or after إلى ("جولة في X وY"
 * too): a list there is a tour's stops, not one further on ("زار العراق المحاذي لسوريا
 * والأردن"). */
static gboolean
first_after_visit_word (Context           *ctx,
                        const Candidate   *c,
                        const RasdNerName *name)
{
  guint first = rasd_tokens_get_sentence (ctx->tokens, c->sentence)->first_token;

  if (name->preposition == RASD_NER_PREP_FROM)
    return FALSE;
  for (guint k = name->first_token; k-- > first;)
    {
      const Trigger *trigger;

      if (ctx->place_begins[k] != 0)
        return FALSE;
      trigger = trigger_at (ctx, k);
      if (k == c->trigger_token || (trigger != NULL && strcmp (trigger->kind, "visit") == 0) ||
          g_str_has_prefix (bare_word (ctx, k), "شمل") || g_str_has_prefix (bare_word (ctx, k), "تشمل"))
        return name->preposition != RASD_NER_PREP_IN || name->first_token == k + 2;
    }
  return FALSE;
}

/* The places of a visit listed together (السعودية والأردن وإسرائيل، القاهرة وطهران وبيروت), or
 * NULL when the sentence lists fewer than two. */
GArray *
tour_places (Context   *ctx,
             Candidate *c)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (int));
  guint next_token = 0;
  const guint *sentence_names;
  guint n_names;

  if (strcmp (c->trigger->kind, "visit") != 0)
    return NULL;
  sentence_names = rasd_mention_index_sentence_names (ctx->mentions, c->sentence, &n_names);
  for (guint i = 0; i < n_names; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, sentence_names[i]);

      if (name->sentence != c->sentence || name->kind != RASD_MENTION_PLACE ||
          (name->flags & RASD_NER_ADJECTIVE) || name->entity < 0)
        continue;
      if (list->len > 0 && name->first_token == next_token &&
          g_str_has_prefix (token (ctx, name->first_token)->norm, "و"))
        g_array_append_val (list, name->entity);
      else if (list->len >= 2)
        break;
      else
        {
          g_array_set_size (list, 0);
          if (first_after_visit_word (ctx, c, name) && !place_is_topic (ctx, name))
            g_array_append_val (list, name->entity);
        }
      next_token = name->first_token + name->n_tokens;
    }
  return list->len >= 2 ? g_steal_pointer (&list) : NULL;
}

/* Whether place @city is a city or site of country @country (both entities). */
gboolean
within_country (Context *ctx,
                int      city,
                int      country)
{
  RasdEntity *a = rasd_extraction_get_entity (ctx->out, city);
  RasdEntity *b = rasd_extraction_get_entity (ctx->out, country);

  return place_rank (a) == 2 && place_rank (b) == 1 && g_strcmp0 (a->country, b->country) == 0;
}

/* The one city (or site) of country @country that the article names where something can be,
 * or -1 when it names none or several.  Asked for every event placed in a country: the answer
 * is kept, so a long article reads its names once per country, not once per event. */
int
only_city_of (Context *ctx,
              int      country)
{
  gpointer known = g_hash_table_lookup (ctx->city_of_country, GINT_TO_POINTER (country + 1));
  int found = -1;

  if (known != NULL)
    return GPOINTER_TO_INT (known) - 2;
  for (guint n = 0; n < ctx->names->len; n++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, n);
      int place;

      if (name->kind != RASD_MENTION_PLACE || name->entity < 0 ||
          (name->flags & (RASD_NER_ADJECTIVE | RASD_NER_OF_TITLE)))
        continue;
      place = event_place (ctx, name->entity);
      if (!within_country (ctx, place, country) || place == found)
        continue;
      if (found >= 0)
        {
          found = -1;
          break;
        }
      found = place;
    }
  g_hash_table_insert (ctx->city_of_country, GINT_TO_POINTER (country + 1), GINT_TO_POINTER (found + 2));
  return found;
}

/* The place of a dateline: a place at the very start of one of the first lines, followed by a
 * dash, a colon or a date ("الدوحة - ", "الرياض – واس", "جدة 02 ذو القعدة 1436 هـ ... واس"). */
int
find_dateline_place (Context *ctx)
{
  for (guint n = 0; n < ctx->names->len; n++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, n);
      const RasdToken *first, *last;
      const char *p;

      if (name->sentence > 3)
        break;
      if (name->kind != RASD_MENTION_PLACE || (name->flags & RASD_NER_ADJECTIVE) || name->entity < 0)
        continue;
      first = token (ctx, name->first_token);
      last = token (ctx, name->first_token + name->n_tokens - 1);
      if (first->byte_start > 0 && ctx->text[first->byte_start - 1] != '\n')
        continue;
      p = ctx->text + last->byte_end;
      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '-' || *p == ':' || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—") ||
          g_str_has_prefix (p, "ـ"))
        return name->entity;
      /* the agency's "جدة 02 ذو القعدة 1436 هـ الموافق 17 أغسطس 2015 م واس": a date right after */
      if (*p != '\n' && name->first_token + name->n_tokens < ctx->n_tokens &&
          ctx->date_begins[name->first_token + name->n_tokens])
        return RASD_RULE_IS (EV_DATELINE_DATE, name->entity);
      /* "المنامة في 13 مارس / بنا /" */
      if (*p != '\n' && name->first_token + name->n_tokens + 1 < ctx->n_tokens &&
          strcmp (token (ctx, name->first_token + name->n_tokens)->norm, "في") == 0 &&
          ctx->date_begins[name->first_token + name->n_tokens + 1])
        return RASD_RULE_IS (EV_DATELINE_IN, name->entity);
    }
  return -1;
}

/* The place one piece of a byline names, its words with single spaces between them: "القاهرة",
 * "من الرياض", "مراسلنا من جدة" (what follows من alone); NULL when none. */
static const RasdPlace *
byline_piece_place (RasdGazetteer *gazetteer,
                    GString       *piece)
{
  g_autofree char *norm = NULL;
  const char *phrase, *from;
  const GPtrArray *candidates;

  if (piece->len > 0 && piece->str[piece->len - 1] == ' ')
    g_string_truncate (piece, piece->len - 1);
  norm = rasd_arabic_normalize (piece->str, piece->len);
  phrase = norm;
  if (g_str_has_prefix (phrase, "من "))
    phrase += strlen ("من ");
  else if ((from = g_strrstr (phrase, " من ")) != NULL)
    phrase = from + strlen (" من ");
  if (*phrase == '\0' || (candidates = rasd_gazetteer_lookup (gazetteer, phrase)) == NULL)
    return NULL;
  return rasd_gazetteer_best (gazetteer, candidates, NULL);
}

/* The city of a byline kept apart from the text (a page's author line, a crawler's "authors":
 * "جدة - واس"، "(القاهرة)"، "«الاقتصادية» من الرياض"): its pieces between dashes, colons,
 * commas, brackets and quotes, each looked up whole in the gazetteer.  Returns the one city
 * they name, or NULL when they name none, several ("(بغداد، عمان)") or a country. */
const RasdPlace *
find_byline_place (RasdGazetteer *gazetteer,
                   const char    *byline)
{
  static const gunichar separators[] = {
    '-', 0x2013, 0x2014, ':', 0x060C, ',', '(', ')', 0x00AB, 0x00BB, '"', '/', '|', 0
  };
  g_autoptr(GString) piece = g_string_new (NULL);
  const RasdPlace *found = NULL;

  if (byline == NULL || !g_utf8_validate (byline, -1, NULL))
    return NULL;
  for (const char *p = byline;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean ends = c == 0;

      for (guint s = 0; separators[s] != 0 && !ends; s++)
        ends = c == separators[s];
      if (ends)
        {
          const RasdPlace *place = byline_piece_place (gazetteer, piece);

          if (place != NULL)
            {
              if (place->kind == RASD_PLACE_KIND_COUNTRY || (found != NULL && found != place))
                return NULL;
              found = place;
            }
          g_string_truncate (piece, 0);
          if (c == 0)
            break;
        }
      else if (g_unichar_isspace (c))
        {
          if (piece->len > 0 && piece->str[piece->len - 1] != ' ')
            g_string_append_c (piece, ' ');
        }
      else
        g_string_append_unichar (piece, c);
    }
  return found;
}

/* The first token that starts at character @start or after: tokens are in text order. */
static guint
first_token_from (Context *ctx,
                  gsize    start)
{
  guint lo = 0, hi = ctx->n_tokens;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (token (ctx, mid)->start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gint64
day_of (const RasdDate *date)
{
  return rasd_date_to_days (date->year, date->month, date->day);
}

/* "عقد X في عمّان اجتماعا مع Y، وذلك بعد لقائه بـZ": event @e of @ctx, with no place, told in
 * the sentence that tells another event of one of its parties on the same day in a city,
 * happened in that city (the one city of such events; -1 when none or several).  The events of
 * one sentence are made one after the other: only the few around @e are read, so that a long
 * article's thousands of events are not compared pair by pair. */
int
place_of_sentence_mate (Context *ctx,
                        guint    e)
{
  const RasdEvent *event = g_ptr_array_index (ctx->out->events, e);
  gsize first = g_array_index (event->evidence, RasdSpan, 0).start;
  int found = -1;

  if (event->date.precision != RASD_DATE_PRECISION_DAY)
    return -1;
  for (guint o = e > 8 ? e - 8 : 0; o < MIN (ctx->out->events->len, e + 9); o++)
    {
      const RasdEvent *other = g_ptr_array_index (ctx->out->events, o);
      gboolean same_sentence = FALSE;

      if (o == e || other->place < 0 || strcmp (other->kind, "call") == 0 ||
          other->date.precision != RASD_DATE_PRECISION_DAY || day_of (&other->date) != day_of (&event->date) ||
          place_rank (rasd_extraction_get_entity (ctx->out, other->place)) != 2 ||
          shared_participants (other->participants, event->participants) == 0)
        continue;
      for (guint k = 0; k < other->evidence->len && !same_sentence; k++)
        same_sentence = g_array_index (other->evidence, RasdSpan, k).start == first;
      if (!same_sentence)
        continue;
      if (found >= 0 && found != other->place)
        return -1;
      found = other->place;
    }
  if (found >= 0)
    RASD_RULE (EV_SENTENCE_MATE_PLACE);
  return found;
}

/* "في قصر الرئاسة التونسية": a presidency's seat, with its country's adjective, stands in that
 * country's capital.  Looks in the event's sentences; returns the capital as an entity, or -1. */
int
place_of_presidency (Context         *ctx,
                     const RasdEvent *event)
{
  static const char * const seats[] = { "مقر", "قصر", "مبني", NULL };

  for (guint e = 0; e < event->evidence->len; e++)
    {
      const RasdSpan *span = &g_array_index (event->evidence, RasdSpan, e);

      for (guint k = first_token_from (ctx, span->start) + 1;
           k + 1 < ctx->n_tokens && token (ctx, k + 1)->end <= span->end; k++)
        {
          const char *country = NULL;
          const RasdPlace *capital;

          if (strcmp (token (ctx, k)->norm, "الرياسه") != 0 || !word_in (bare_word (ctx, k - 1), seats) ||
              rasd_gazetteer_lookup_adjective (ctx->self->gazetteer, token (ctx, k + 1)->norm, &country) == NULL ||
              country == NULL || (capital = rasd_gazetteer_get_capital (ctx->self->gazetteer, country)) == NULL)
            continue;
          RASD_RULE (EV_PLACE_PRESIDENCY);
          return rasd_extraction_add_place (ctx->out, capital);
        }
    }
  return -1;
}

/* Where a host receives "في قصره", "في مكتبه", "في مقر إقامته": the capital of the host's
 * country (the first party, as the subject of استقبل), or -1. */
int
place_at_home (Context         *ctx,
               const RasdEvent *event)
{
  static const char * const home_words[] = {
    "قصره", "بقصره", "مكتبه", "بمكتبه", "ديوانه", "بديوانه", "مقره", "بمقره", "اقامته", NULL
  };
  const RasdSpan *span;
  RasdEntity *host;
  const RasdPlace *capital;
  gboolean at_home = FALSE;

  if (event->participants->len < 2 || event->evidence->len == 0)
    return -1;
  span = &g_array_index (event->evidence, RasdSpan, 0);
  /* the words of the event's first sentence */
  for (guint k = first_token_from (ctx, span->start); k < ctx->n_tokens && !at_home; k++)
    {
      const RasdToken *t = token (ctx, k);

      if (t->end > span->end)
        break;
      at_home = word_in (t->norm, home_words);
    }
  host = rasd_extraction_get_entity (ctx->out, g_array_index (event->participants, int, 0));
  if (!at_home || host->country == NULL)
    return -1;
  capital = rasd_gazetteer_get_capital (ctx->self->gazetteer, host->country);
  if (capital == NULL)
    return -1;
  RASD_RULE (EV_PLACE_AT_HOME);
  return rasd_extraction_add_place (ctx->out, capital);
}

/* Whether the sentence of reception @c says "لدى وصوله"، "عند وصوله" (on his arrival). */
static gboolean
on_arrival (Context         *ctx,
            const Candidate *c)
{
  static const char * const upon[] = { "لدي", "عند", "فور", "لحظه", NULL };
  const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, c->sentence);

  for (guint k = sentence->first_token + 1; k < sentence->first_token + sentence->n_tokens; k++)
    if (word_in (token (ctx, k - 1)->norm, upon) && word_in (token (ctx, k)->norm, arrival_nouns))
      return TRUE;
  return FALSE;
}

/* The reception @c on an arrival the text does not tell: on the last day the text named before
 * it, and, with no place of its own, at the last place it named (not a title's, not a
 * nationality): "دشن الأمير اليوم مشروعات في محافظة X. وكان في استقبال سموه لدى وصوله ...". */
static void
reception_on_arrival (Context   *ctx,
                      Candidate *c)
{
  const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, c->sentence);
  gsize start = sentence->start;
  guint first = sentence->first_token;

  /* from the first date the index puts at or after the sentence: a long article's thousands of
   * receptions each look at a few dates and three sentences, not at all of them */
  guint from = rasd_mention_index_first_date (ctx->mentions, start);

  for (guint d = from == 0 ? ctx->dates->len : MIN (from + 1, ctx->dates->len); d > 0; d--)
    {
      const RasdDateMention *m = &g_array_index (ctx->dates, RasdDateMention, d - 1);

      if (m->end > start)
        continue;
      if (m->date.precision == RASD_DATE_PRECISION_DAY)
        {
          RASD_RULE (EV_RECEPTION_ON_ARRIVAL);
          c->date = m->date;
          c->date_stated = TRUE;
        }
      break;
    }
  for (guint s = c->sentence + 1; s > 0 && s + 3 > c->sentence && c->place < 0; s--)
    {
      guint n_names;
      const guint *names = rasd_mention_index_sentence_names (ctx->mentions, s - 1, &n_names);

      for (guint n = n_names; n > 0 && c->place < 0; n--)
        {
          const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, names[n - 1]);

          if (name->first_token >= first || name->kind != RASD_MENTION_PLACE || name->entity < 0 ||
              (name->flags & (RASD_NER_ADJECTIVE | RASD_NER_OF_TITLE)))
            continue;
          RASD_RULE (EV_RECEPTION_ON_ARRIVAL);
          c->place = event_place (ctx, name->entity);
        }
    }
}

/* Whether candidate @v is an arrival in a city that candidate @c's party made. */
static gboolean
arrived_in_city (Context         *ctx,
                 const Candidate *v,
                 const Candidate *c)
{
  return strcmp (v->trigger->kind, "visit") == 0 && v->place >= 0 && !v->tour_leg &&
         place_rank (rasd_extraction_get_entity (ctx->out, v->place)) == 2 &&
         shared_participants (v->participants, c->participants) > 0;
}

/* "وصل X إلى رام الله اليوم. ومن المقرر أن يلتقي الرئيس Y"، "واجتمع به Y": a meeting of one
 * party told in the sentence of an arrival in a city or the two after it, where it may have
 * happened (no other place, no other day), is with the one who arrived. */
void
parties_by_arrival (Context *ctx,
                    GArray  *candidates)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      const Candidate *v = NULL;

      if (c->participants->len != 1 || c->tour_leg ||
          (strcmp (c->trigger->kind, "meeting") != 0 && strcmp (c->trigger->kind, "talks") != 0 &&
           strcmp (c->trigger->kind, "reception") != 0))
        continue;
      for (guint j = i; j > 0 && v == NULL; j--)
        {
          const Candidate *w = &g_array_index (candidates, Candidate, j - 1);

          if (w->sentence + 2 < c->sentence)
            break;
          if (strcmp (w->trigger->kind, "visit") == 0 && !w->tour_leg && w->participants->len > 0 &&
              w->place >= 0 && place_rank (rasd_extraction_get_entity (ctx->out, w->place)) == 2)
            v = w;
        }
      if (v == NULL || shared_participants (v->participants, c->participants) > 0 ||
          (c->place >= 0 && c->place != v->place) ||
          (c->date_stated && (c->date.precision != RASD_DATE_PRECISION_DAY ||
                              v->date.precision != RASD_DATE_PRECISION_DAY ||
                              day_of (&c->date) != day_of (&v->date))))
        continue;
      RASD_RULE (EV_PARTY_ARRIVAL);
      g_array_append_val (c->participants, g_array_index (v->participants, int, 0));
    }
}

/* A meeting with no place of its own happened in the city its party arrived in that day or the
 * days just before: "يلتقي المبعوث اليوم الرئيس ... وكان قد وصل صنعاء أمس".  The visits are
 * looked up by day (and the undated reception among the candidates of its sentence and the one
 * before), so a long article does not compare every pair of candidates. */
void
place_by_arrival (Context *ctx,
                  GArray  *candidates)
{
  /* day → GArray of the visits (guint, in order) on that day */
  g_autoptr(GHashTable) visits = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) g_array_unref);

  for (guint j = 0; j < candidates->len; j++)
    {
      const Candidate *v = &g_array_index (candidates, Candidate, j);
      gint64 day;
      GArray *on_day;

      if (strcmp (v->trigger->kind, "visit") != 0 || v->tour_leg ||
          v->date.precision != RASD_DATE_PRECISION_DAY)
        continue;
      day = day_of (&v->date);
      if ((on_day = g_hash_table_lookup (visits, &day)) == NULL)
        {
          on_day = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (visits, g_memdup2 (&day, sizeof day), on_day);
        }
      g_array_append_val (on_day, j);
    }

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      const Candidate *best = NULL;

      /* a reception with a place but no date of its own is looked up too ("وكان في استقباله
       * لدى وصوله مطار روما"): for its day */
      gboolean undated = !c->date_stated && c->date.precision == RASD_DATE_PRECISION_NONE;

      if ((c->place >= 0 && !undated) || strcmp (c->trigger->kind, "call") == 0 ||
          (c->date.precision != RASD_DATE_PRECISION_DAY && c->date_stated))
        continue;
      /* with no date of its own, a reception told right after an arrival happened where
       * the visitor arrived: "وصل الرئيس إلى روما. وكان في استقباله ..."; the candidates go
       * in sentence order, so those of this sentence and the one before end the list */
      if (!c->date_stated)
        {
          guint lo = i;

          if (strcmp (c->trigger->kind, "reception") != 0)
            continue;
          while (lo > 0 && g_array_index (candidates, Candidate, lo - 1).sentence + 1 >= c->sentence)
            lo--;
          for (guint j = lo; j < i && best == NULL; j++)
            {
              const Candidate *v = &g_array_index (candidates, Candidate, j);

              if (v->sentence + 1 >= c->sentence && arrived_in_city (ctx, v, c) &&
                  (c->place < 0 || c->place == v->place))
                best = v;
            }
        }
      /* the nearest day before, up to three; on one day the first told */
      for (gint64 gap = 0; c->date_stated && gap <= 3 && best == NULL; gap++)
        {
          gint64 day = day_of (&c->date) - gap;
          GArray *on_day = g_hash_table_lookup (visits, &day);

          for (guint k = 0; on_day != NULL && k < on_day->len && best == NULL; k++)
            {
              guint j = g_array_index (on_day, guint, k);

              if (j != i && arrived_in_city (ctx, &g_array_index (candidates, Candidate, j), c))
                best = &g_array_index (candidates, Candidate, j);
            }
        }
      /* "وكان في استقبال سموه لدى وصوله المحافظة" with no arrival told: the day and place
       * the story last named */
      if (best == NULL && undated && strcmp (c->trigger->kind, "reception") == 0 && on_arrival (ctx, c))
        {
          reception_on_arrival (ctx, c);
          continue;
        }
      if (best != NULL && c->place < 0)
        {
          RASD_RULE (EV_PLACE_ARRIVAL);
          c->place = best->place;
        }
      /* ... and when: "وكان في استقباله لدى وصوله" tells the arrival's reception, not an
       * earlier one (كان is no pluperfect without قد) */
      if (best != NULL && undated && best->date.precision == RASD_DATE_PRECISION_DAY &&
          RASD_RULE_IS (EV_DATE_ARRIVAL, TRUE))
        c->date = best->date;
    }
}

/* Whether places @a and @b (entities, or -1) are of one country. */
static gboolean
within_same_country (Context *ctx,
                     int      a,
                     int      b)
{
  return a >= 0 && b >= 0 &&
         g_strcmp0 (rasd_extraction_get_entity (ctx->out, a)->country,
                    rasd_extraction_get_entity (ctx->out, b)->country) == 0;
}

/* Whether the sentence of candidate @c says "خلال الزيارة" or "خلال زيارته" (during the visit)
 * before or after its trigger. */
static gboolean
during_the_visit (Context         *ctx,
                  const Candidate *c)
{
  const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, c->sentence);

  for (guint k = sentence->first_token; k + 1 < sentence->first_token + sentence->n_tokens; k++)
    {
      const char *next = token (ctx, k + 1)->norm;

      if (strcmp (token (ctx, k)->norm, "خلال") == 0 &&
          (strcmp (next, "الزياره") == 0 || strcmp (next, "زيارته") == 0 || strcmp (next, "زيارتها") == 0))
        return TRUE;
    }
  return FALSE;
}

/* "ومن المنتظر أن يلتقي سموه خلال الزيارة الرئيس X": a deed with no date of its own, during
 * the visit one of its people is on, happens where and when that visit does (the last visit
 * told before it, on the day and in the city it was first told with), unless it names a place
 * in another country. */
void
place_during_visit (Context *ctx,
                    GArray  *candidates)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->date_stated || strcmp (c->trigger->kind, "visit") == 0 ||
          strcmp (c->trigger->kind, "call") == 0 || !during_the_visit (ctx, c))
        continue;
      /* the visits of the ten sentences before it: bounded, in an article of thousands */
      for (guint j = i; j > 0 && g_array_index (candidates, Candidate, j - 1).sentence + 10 >= c->sentence; j--)
        {
          const Candidate *v = &g_array_index (candidates, Candidate, j - 1);

          if (strcmp (v->trigger->kind, "visit") != 0 || v->place < 0 || v->tour_leg ||
              shared_participants (v->participants, c->participants) == 0)
            continue;
          if (c->place >= 0 && !within_same_country (ctx, c->place, v->place))
            break;
          RASD_RULE (EV_DURING_VISIT);
          if (c->place < 0)
            c->place = v->place;
          /* its day is the one the visit was told with ("يصل اليوم إلى موسكو في زيارة"), not
           * a later mention of it ("الزيارة التي يقوم بها لروسيا") */
          for (guint d = j; d > 0 && g_array_index (candidates, Candidate, d - 1).sentence + 10 >= c->sentence; d--)
            {
              const Candidate *w = &g_array_index (candidates, Candidate, d - 1);

              if (strcmp (w->trigger->kind, "visit") != 0 || !w->date_stated || w->tour_leg ||
                  shared_participants (w->participants, c->participants) == 0 ||
                  !within_same_country (ctx, w->place, v->place))
                continue;
              c->date = w->date;
              c->date_stated = TRUE;
              /* ... and its city, where the later mention names the country */
              if (w->place >= 0 && place_rank (rasd_extraction_get_entity (ctx->out, c->place)) < 2)
                c->place = w->place;
              break;
            }
          break;
        }
    }
}

/* The place of "فور انتهاء زيارته إلى البحرين" in the sentence of candidate @c: the first visit
 * of its party's that the sentence tells after one of @after (بعد، فور...) and perhaps انتهاء or
 * ختام (after anything when @after is %NULL), the place right after the visit's noun (whose token
 * goes to @visit_at); -1 when none. */
static int
place_of_ended_visit (Context            *ctx,
                      const Candidate    *c,
                      const char * const *after,
                      guint              *visit_at)
{
  static const char * const ending[] = { "انتهاء", "ختام", "اختتام", "نهايه", NULL };
  static const char * const visit_adjectives[] = {
    "الاخيره", "الرسميه", "الحاليه", "السابقه", "الاولي", "الخاصه", "الخاطفه", "القصيره", NULL
  };
  const char * const *visit = rasd_extractor_own_visit;
  const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, c->sentence);
  guint end = sentence->first_token + sentence->n_tokens;
  guint n_names;
  const guint *names = rasd_mention_index_sentence_names (ctx->mentions, c->sentence, &n_names);

  /* the visit's noun first, rarer than the words before it (read without their proclitics) */
  for (guint v = sentence->first_token + 1; v + 1 < end; v++)
    {
      guint k = v - 1, at;
      const char *norm = token (ctx, v)->norm;

      /* زيارته، جولته: a look at the first letter before the list */
      if ((strncmp (norm, "ز", strlen ("ز")) != 0 && strncmp (norm, "ج", strlen ("ج")) != 0) ||
          !word_in (norm, visit))
        continue;
      if (after != NULL && !word_in (bare_word (ctx, k), after) &&
          (!word_in (token (ctx, k)->norm, ending) || k == sentence->first_token ||
           !word_in (bare_word (ctx, k - 1), after)))
        continue;
      at = v + 1;
      /* "زيارته الأخيرة للمملكة": an adjective of the visit may stand before its place */
      if (at < end && word_in (token (ctx, at)->norm, visit_adjectives) && RASD_RULE_IS (EV_VISIT_ADJECTIVE, TRUE))
        at++;
      if (at < end && (strcmp (token (ctx, at)->norm, "الي") == 0 || strcmp (token (ctx, at)->norm, "الى") == 0))
        at++;
      for (guint i = 0; i < n_names; i++)
        {
          const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, names[i]);

          if (name->first_token == at && name->kind == RASD_MENTION_PLACE && name->entity >= 0 &&
              !(name->flags & RASD_NER_ADJECTIVE))
            {
              *visit_at = v;
              return event_place (ctx, name->entity);
            }
        }
    }
  return -1;
}

/* Whether the verb at @t goes on with "خلالها" (during it) in its sentence. */
gboolean
told_during (Context *ctx,
             guint    t)
{
  static const char * const during[] = { "خلالها", "خلاله", "اثناءها", NULL };

  return t + 1 < rasd_tokens_get_n_tokens (ctx->tokens) && token (ctx, t + 1)->sentence == token (ctx, t)->sentence &&
         word_in (token (ctx, t + 1)->norm, during);
}

/* "التقى جودة أمس مع وزير خارجية البحرين ... وتوجه فور انتهاء زيارته إلى البحرين إلى
 * الكويت": a deed told before with no place, of the party of a visit the text tells as ended,
 * happened in that visit's place (the nearest such deed in the ten sentences before). */
void
place_before_visit_end (Context *ctx,
                        GArray  *candidates)
{
  static const char * const ended[] = { "بعد", "فور", "عقب", "اثر", "إثر", "لدي", NULL };
  static const char * const within[] = { "خلال", "اثناء", "ختام", "نهايه", "مستهل", "بدايه", NULL };

  int setting = -1, place;
  guint setting_at = 0, visit_at;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *own = &g_array_index (candidates, Candidate, i);

      /* "في ختام زيارته إلى روسيا، التقى X Y": a visit its sentence is set in, before the
       * trigger, is where its deed happened (each sentence read once) */
      if (i == 0 || g_array_index (candidates, Candidate, i - 1).sentence != own->sentence)
        setting = place_of_ended_visit (ctx, own, within, &setting_at);
      if (own->place < 0 && strcmp (own->trigger->kind, "call") != 0 && setting >= 0 &&
          setting_at <= own->trigger_token && RASD_RULE_IS (EV_SET_IN_VISIT, TRUE))
        own->place = setting;
      /* "أن زيارته للمملكة ... حيث التقى خلالها Y": a deed told as during a visit of the
       * sentence before it, whatever comes before that visit */
      else if (own->place < 0 && own->trigger->verb && strcmp (own->trigger->kind, "call") != 0 &&
               told_during (ctx, own->trigger_token) &&
               (place = place_of_ended_visit (ctx, own, NULL, &visit_at)) >= 0 &&
               visit_at < own->trigger_token && RASD_RULE_IS (EV_DURING_OWN_VISIT, TRUE))
        own->place = place;
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);

      if (i > 0 && g_array_index (candidates, Candidate, i - 1).sentence == c->sentence)
        continue;  /* the sentence once */
      if ((place = place_of_ended_visit (ctx, c, ended, &visit_at)) < 0)
        continue;
      for (guint j = i; j > 0 && g_array_index (candidates, Candidate, j - 1).sentence + 10 >= c->sentence; j--)
        {
          Candidate *e = &g_array_index (candidates, Candidate, j - 1);

          if (e->sentence == c->sentence || shared_participants (e->participants, c->participants) == 0 ||
              strcmp (e->trigger->kind, "call") == 0)
            continue;
          if (e->place < 0 && RASD_RULE_IS (EV_PLACE_BEFORE_VISIT_END, TRUE))
            e->place = place;
          break;
        }
    }
}

/* "التقى السيسي في نيودلهي مودي ... كما التقى السيسي زوما": a deed of a sentence that opens
 * with كما (also), with no place of its own, of one of the people of the deed told before it
 * on the same day, happened where that deed did (not at the dateline's city). */
void
place_of_also (Context *ctx,
               GArray  *candidates)
{
  static const char * const also[] = { "كما", "وكما", "كذلك", "وكذلك", NULL };

  for (guint i = 1; i < candidates->len; i++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, i);
      const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, c->sentence);

      if (c->place >= 0 || strcmp (c->trigger->kind, "call") == 0 ||
          !word_in (token (ctx, sentence->first_token)->norm, also))
        continue;
      /* the nearest placed deed of one of its people in the three sentences before */
      for (guint j = i; j > 0 && g_array_index (candidates, Candidate, j - 1).sentence + 3 >= c->sentence; j--)
        {
          const Candidate *before = &g_array_index (candidates, Candidate, j - 1);

          if (before->sentence == c->sentence || before->place < 0 ||
              shared_participants (c->participants, before->participants) == 0)
            continue;
          if (strcmp (before->trigger->kind, "call") != 0 && c->role == before->role &&
              dates_agree (&c->date, &before->date) && RASD_RULE_IS (EV_PLACE_OF_ALSO, TRUE))
            c->place = before->place;
          break;
        }
    }
}
