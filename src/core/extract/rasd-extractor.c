#define G_LOG_DOMAIN "rasd-extractor"

#include "config.h"

#include "rasd-extractor-private.h"

#include "rasd-arabic.h"
#include "rasd-data.h"
#include "rasd-error.h"
#include "rasd-hash.h"
#include "rasd-name-features.h"
#include "rasd-rules.h"

/* Events from sentences.  A sentence with a trigger word (data/events/triggers.tsv) and at
 * least one named person who is not only quoted makes a candidate: the trigger gives kind and
 * CAMEO code, the people of its clause the participants, the place after في/ب/إلى (or the object
 * of زار) the place, the nearest date the date, and tense, date and words such as سبق or المقرر
 * the role.  Candidates that agree (same role, one's people within the other's, compatible
 * place and date) are one event with several sentences of evidence.  The headline event takes
 * the publication date when no sentence dates it. */

static GHashTable *marker_words_new (void);

G_DEFINE_FINAL_TYPE (RasdExtractor, rasd_extractor, G_TYPE_OBJECT)

static void
rasd_extractor_finalize (GObject *object)
{
  RasdExtractor *self = RASD_EXTRACTOR (object);

  g_clear_object (&self->name_tagger);
  g_clear_pointer (&self->ner, rasd_ner_free);
  g_clear_pointer (&self->people, rasd_people_free);
  if (self->own_gazetteer)
    g_clear_pointer (&self->gazetteer, rasd_gazetteer_free);
  g_clear_pointer (&self->triggers, g_hash_table_unref);
  g_clear_pointer (&self->plurals, g_hash_table_unref);
  g_clear_pointer (&self->marker_words, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (rasd_extractor_parent_class)->finalize (object);
}

static void
rasd_extractor_class_init (RasdExtractorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rasd_extractor_finalize;
}

static void
rasd_extractor_init (RasdExtractor *self)
{
  self->strings = g_string_chunk_new (4096);
  self->triggers = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, g_free);
  self->plurals = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, NULL);
  self->marker_words = marker_words_new ();
  for (guint verb = 0; verb < 2; verb++)
    for (Tense tense = TENSE_NONE; tense <= TENSE_FUTURE; tense++)
      self->by_phone[verb][tense] = (Trigger) {
        .kind = g_string_chunk_insert_const (self->strings, "call"),
        .cameo = g_string_chunk_insert_const (self->strings, "041"),
        .verb = verb,
        .tense = tense,
      };
}

static gboolean
load_triggers (RasdExtractor  *self,
               const char     *path,
               GError        **error)
{
  g_auto(GStrv) lines = rasd_data_read_lines (path, error);

  if (lines == NULL)
    return FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      Trigger *trigger;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (cols) < 5)
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                       "%s, line %u: expected 5 tab-separated columns (form, kind, cameo, part, tense)",
                       path, i + 1);
          return FALSE;
        }
      /* "يجري الوزير اتصالات مع العواصم": a plural tells of several events, none of them by
       * itself (the names only keep it from being read as a name) */
      if (strcmp (cols[3], "plural") == 0)
        {
          g_hash_table_insert (self->plurals, rasd_arabic_normalize (cols[0], -1),
                               (gpointer) g_string_chunk_insert_const (self->strings, cols[1]));
          continue;
        }
      trigger = g_new0 (Trigger, 1);
      trigger->kind = g_string_chunk_insert_const (self->strings, cols[1]);
      trigger->cameo = g_string_chunk_insert_const (self->strings, cols[2]);
      trigger->verb = strcmp (cols[3], "verb") == 0;
      trigger->motion = strcmp (cols[3], "motion") == 0;
      trigger->tense = strcmp (cols[4], "past") == 0 ? TENSE_PAST :
                       strcmp (cols[4], "present") == 0 ? TENSE_PRESENT :
                       strcmp (cols[4], "future") == 0 ? TENSE_FUTURE : TENSE_NONE;
      g_hash_table_replace (self->triggers, rasd_arabic_normalize (cols[0], -1), trigger);
    }
  return TRUE;
}

RasdExtractor *
rasd_extractor_new_from_dir (const char  *data_dir,
                             GError     **error)
{
  g_autoptr(RasdExtractor) self = g_object_new (RASD_TYPE_EXTRACTOR, NULL);
  g_autofree char *people_dir = g_build_filename (data_dir, "people", NULL);
  g_autofree char *gazetteer_dir = g_build_filename (data_dir, "gazetteer", NULL);
  g_autofree char *triggers = g_build_filename (data_dir, "events", "triggers.tsv", NULL);
  g_autofree char *trigger_forms = g_build_filename (data_dir, "events", "triggers-forms.tsv", NULL);
  g_autofree char *tagger_model = g_build_filename (data_dir, "ner", "name-tagger.model", NULL);

  /* the tagger's dictionary loads while the lexicons do (a quarter of a second each) */
  rasd_name_features_preload ();
  self->people = rasd_people_load (people_dir, error);
  if (self->people == NULL)
    return NULL;
  self->gazetteer = rasd_gazetteer_new_from_dir (gazetteer_dir, error);
  if (self->gazetteer == NULL)
    return NULL;
  self->own_gazetteer = TRUE;
  if (!load_triggers (self, triggers, error) || !load_triggers (self, trigger_forms, error))
    return NULL;
  self->ner = rasd_ner_new (self->people, self->gazetteer, data_dir, error);
  if (self->ner == NULL)
    return NULL;
  self->name_tagger = rasd_name_tagger_new_from_file (tagger_model, self->people, self->gazetteer,
                                                      data_dir, error);
  if (self->name_tagger == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

RasdExtractor *
rasd_extractor_get_default (GError **error)
{
  static RasdExtractor *extractor;
  static GError *load_error;

  if (g_once_init_enter (&extractor))
    {
      RasdExtractor *made = rasd_extractor_new_from_dir (rasd_data_dir (), &load_error);

      /* remember a failure too, so that every caller sees the same message */
      g_once_init_leave (&extractor, made != NULL ? made : GINT_TO_POINTER (1));
    }
  if (extractor == GINT_TO_POINTER (1))
    {
      if (error != NULL)
        *error = g_error_copy (load_error);
      return NULL;
    }
  return extractor;
}

RasdNameTagger *
rasd_extractor_get_name_tagger (RasdExtractor *self)
{
  g_return_val_if_fail (RASD_IS_EXTRACTOR (self), NULL);
  return self->name_tagger;
}

/* Extraction --------------------------------------------------------------------------------- */

/* Words that make what follows announced rather than done. */
static const char * const future_words[] = {
  "سوف", "المقرر", "مقرر", "يعتزم", "تعتزم", "يرتقب", "المرتقب", "المرتقبه", "المنتظر",
  "المنتظره", "المقبل", "المقبله", "القادم", "القادمه", "يتوقع", "ويتوقع", "متوقع", "متوقعه",
  "المتوقع", "يزمع", "سيقوم",
  "ستقوم", "سيجري", "ستجري", "سيعقد", "ستعقد", "سيكون", "ستكون", "سيتوجه", "ستتوجه", "يتوجه",
  "سيلتقي", "سيبدا", "ستبدا", "دعوه", "الدعوه", "دعا", "يامل", "تامل", "المومل", "يومل", "المامول",
  NULL
};

/* "ويبحثان المرحلة المقبلة": المقبل/القادم after a noun that is no time and no deed (the next
 * phase, the coming elections) tells nothing of when the deed of its clause is, unlike
 * "الأسبوع المقبل" or "القمة المقبلة". */
static gboolean
next_of_other (Context *ctx,
               guint    k)
{
  static const char * const next[] = { "المقبل", "المقبله", "القادم", "القادمه", NULL };

  return k > 0 && word_in (token (ctx, k)->norm, next) && token (ctx, k - 1)->sentence == token (ctx, k)->sentence &&
         !ctx->date_begins[k - 1] && !(k > 1 && ctx->date_begins[k - 2]) && trigger_at (ctx, k - 1) == NULL &&
         RASD_RULE_IS (EV_NEXT_OF_OTHER, TRUE);
}

/* "ألقى كلمة أمام القمة بدعوة من المملكة"، "تلبية لدعوة": a deed done at an invitation, no
 * invitation to a deed to come. */
static gboolean
by_invitation (Context *ctx,
               guint    k)
{
  const char *norm = token (ctx, k)->norm;

  return (strcmp (norm, "بدعوه") == 0 || strcmp (norm, "لدعوه") == 0 || strcmp (norm, "وبدعوه") == 0) &&
         RASD_RULE_IS (EV_BY_INVITATION, TRUE);
}

/* Words that make what follows an earlier event. */
static const char * const past_words[] = {
  "سبق", "سابق", "سابقه", "السابق", "السابقه", "الاخيره", "الاخير", "اخر", "منذ", "كان", "كانت",
  NULL
};

/* Adjectives of a meeting that was the last one, before the news. */
static const char * const last_words[] = {
  "الاخير", "الاخيره", "السابق", "السابقه", "الماضي", "الماضيه", NULL
};

/* Adverbs of repetition: "زار الأردن مرات عدة"، "يتشاوران بانتظام" tell a habit, not one event. */
static const char * const habitual_words[] = {
  "مرارا", "مرات", "بانتظام", "باستمرار", "دوريا", NULL
};

/* منذ: what follows is when a period began. */
static const char * const since_words[] = { "منذ", "ومنذ", NULL };

/* "بين X وY": what stands between two places relates them. */
static const char * const between_words[] = { "بين", "وبين", NULL };

/* Attendance: who "attended" a reception is not one of its parties. */
static const char * const attendance_words[] = {
  "بحضور", "حضر", "حضره", "حضرها", "وحضر", "حضور", NULL
};

static void
candidate_clear (Candidate *c)
{
  g_clear_pointer (&c->participants, g_array_unref);
}

/* Whether person @name is said to be dead: "رحمه الله" a few words after it. */
static gboolean
named_deceased (Context           *ctx,
                const RasdNerName *name)
{
  guint end = name->first_token + name->n_tokens;

  for (guint k = end; k < end + 4 && k + 1 < ctx->n_tokens; k++)
    {
      const char *norm = token (ctx, k)->norm;

      if (token (ctx, k)->sentence != name->sentence)
        break;
      if ((strcmp (norm, "رحمه") == 0 || strcmp (norm, "يرحمه") == 0 || strcmp (norm, "رحمها") == 0) &&
          strcmp (token (ctx, k + 1)->norm, "الله") == 0)
        return RASD_RULE_IS (EV_DECEASED, TRUE);
    }
  return FALSE;
}

/* The date of mention @d of sentence @s, @date as resolved against the publication date.
 * "قالت الوزارة أمس السبت إن الوفد سيصل يوم غد الأحد": a relative day in reported words
 * counts from the day they were said, which the weekday written with it confirms. */
static RasdDate
said_day (Context  *ctx,
          guint     d,
          guint     s,
          RasdDate  date)
{
  const RasdDateMention *m = &g_array_index (ctx->dates, RasdDateMention, d);
  const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, s);

  if (m->kind != RASD_DATE_KIND_DAY_OFFSET || !(m->flags & RASD_DATE_FLAG_WEEKDAY_MISMATCH) ||
      m->weekday == 0)
    return date;
  /* the day the words were said: the relative day just before, in the same sentence */
  for (guint r = d; r > 0; r--)
    {
      const RasdDateMention *said = &g_array_index (ctx->dates, RasdDateMention, r - 1);
      RasdDate day = rasd_date_mention_get_date (said);
      RasdDate shifted;

      if (said->start < sentence->start)
        break;
      if (said->kind != RASD_DATE_KIND_DAY_OFFSET || day.precision != RASD_DATE_PRECISION_DAY)
        continue;
      shifted = rasd_date_add_days (&day, m->offset);
      if (rasd_date_weekday (shifted.year, shifted.month, shifted.day) == m->weekday)
        return RASD_RULE_IS (EV_SAID_DAY, shifted);
      break;
    }
  return date;
}

/* A bare weekday takes the tense of its trigger: "ومغادرته مساء الأحد عندما يتوجه إلى X" is the
 * next Sunday, "التقى خلالها ممثلين الأربعاء" the last Wednesday, whatever the date before it
 * in the sentence said. */
static RasdDate
weekday_by_tense (Context               *ctx,
                  const RasdDateMention *m,
                  const Trigger         *trigger,
                  RasdDate               date)
{
  const RasdDate *pub = &ctx->publication;
  gboolean ahead = trigger->tense == TENSE_PRESENT || trigger->tense == TENSE_FUTURE;
  int pw, delta;

  if (m->kind != RASD_DATE_KIND_WEEKDAY || m->offset != 0 || m->weekday == 0 ||
      pub->precision != RASD_DATE_PRECISION_DAY || (m->flags & RASD_DATE_FLAG_PAST) ||
      (ahead && (m->flags & RASD_DATE_FLAG_FUTURE)) ||
      (!ahead && (trigger->tense != TENSE_PAST || !(m->flags & RASD_DATE_FLAG_FUTURE))))
    return date;
  pw = rasd_date_weekday (pub->year, pub->month, pub->day);
  delta = ahead ? ((m->weekday - pw) % 7 + 7) % 7 : -(((pw - m->weekday) % 7 + 7) % 7);
  RASD_RULE (EV_WEEKDAY_TENSE);
  return rasd_date_add_days (pub, delta);
}

/* Whether the clause [@first, @last) of the sentence's names names a place one goes back to
 * (RASD_NER_PREP_HOME). */
static gboolean
returning_in (Context     *ctx,
              const guint *sentence_names,
              guint        n_names,
              guint        first,
              guint        last)
{
  for (guint i = 0; i < n_names; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, sentence_names[i]);

      if (name->kind == RASD_MENTION_PLACE && name->preposition == RASD_NER_PREP_HOME &&
          name->first_token >= first && name->first_token < last)
        return TRUE;
    }
  return FALSE;
}

/* Whether date @m follows منذ and the words of another deed: "أول زيارة له إلى تونس منذ توليه
 * منصبه في مارس" dates when that began, not the visit; so does a month or a year right after
 * منذ ten words or more from the trigger at token @t ("يلتقي جنودا يعملون مع القوات التي تقاتل
 * التنظيم في شمال البلاد منذ يونيو 2014"), or near a visit's.
 * (منذ يومين is a date itself, and "مباحثات منذ 6 مارس" began with the talks.) */
static gboolean
date_since (Context               *ctx,
            const Clause          *clause,
            const RasdDateMention *m,
            guint                  t)
{
  guint k = clause->first_token;

  while (k < clause->last_token && token (ctx, k)->start < m->start)
    k++;
  /* a visit lasts no period: "أول وزير يزور العراق منذ عام 1990" is the first since then */
  if (k > clause->first_token && (marks_at (ctx, k - 1) & MARK_SINCE) &&
      (k - 1 < t || k - 1 > t + 10 ||
       (trigger_at (ctx, t) != NULL && strcmp (trigger_at (ctx, t)->kind, "visit") == 0)) &&
      m->kind != RASD_DATE_KIND_DAY_OFFSET && m->kind != RASD_DATE_KIND_WEEKDAY &&
      m->kind != RASD_DATE_KIND_WEEK_OFFSET)
    return RASD_RULE_IS (EV_DATE_SINCE, TRUE);
  for (guint back = 2; back <= 6 && k >= clause->first_token + back; back++)
    if (marks_at (ctx, k - back) & MARK_SINCE)
      return RASD_RULE_IS (EV_DATE_SINCE, TRUE);
  return FALSE;
}

static gboolean
comma_before (Context *ctx,
              guint    k)
{
  const RasdToken *a = token (ctx, k - 1), *b = token (ctx, k);

  for (gsize p = a->byte_end; p < b->byte_start; p++)
    if (ctx->text[p] == ',' || strncmp (ctx->text + p, "،", strlen ("،")) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the name or title at token @to goes on a list that ended before token @from: a word
 * with و (وصاحب السمو الأمير) between them and no trigger. */
static gboolean
listed_after (Context *ctx,
              guint    from,
              guint    to)
{
  gboolean joined = FALSE;

  /* titles whose و is their own (وزير، وكيل), not "and" */
  static const char * const own_waw[] = { "وزير", "وزيره", "وكيل", "وكيله", "وفد", "وزاره", NULL };

  for (guint k = from; k <= to; k++)
    {
      const char *norm = token (ctx, k)->norm;

      if (k < to && trigger_at (ctx, k) != NULL)
        return FALSE;
      joined = joined || (g_str_has_prefix (norm, "و") && !word_in (norm, own_waw));
    }
  return joined;
}

/* Whether a name whose title starts at token @to goes on a list of names that ends at token
 * @from: right after it, joined by و or a comma ("بين الرئيس والأمير"، "X، وY"), after ونظيره
 * and an adjective, or after a chain of titles that begins with و and a title ("X وسمو ولي
 * العهد نائب رئيس الوزراء الأمير Y") with no trigger in it. */
static gboolean
goes_on_list (Context *ctx,
              guint    from,
              guint    to)
{
  const char *norm;

  if (to < from || to > from + 24)
    return FALSE;
  if (to == from)
    return g_str_has_prefix (token (ctx, to)->norm, "و") || comma_before (ctx, to);
  norm = token (ctx, from)->norm;
  if (strcmp (norm, "و") == 0)
    return to == from + 1;
  /* "بين الوزير X ونظيره الأمريكي Y" */
  if ((strcmp (norm, "ونظيره") == 0 || strcmp (norm, "ونظيرها") == 0) && to <= from + 2)
    return RASD_RULE_IS (EV_LIST_COUNTERPART, TRUE);
  if (!g_str_has_prefix (norm, "و") ||
      !rasd_people_can_start_title (ctx->self->people, norm + strlen ("و")))
    return FALSE;
  for (guint k = from; k < to; k++)
    if (trigger_at (ctx, k) != NULL)
      return FALSE;
  return TRUE;
}

/* "أنه"، "بأنه"، "وأنه" (that he): after a reporting verb, the one who reported is the subject. */
const char * const rasd_extractor_that_he[] = { "انه", "بانه", "وانه", NULL };

/* A visit with its owner's pronoun (normalised: the ة of زيارة is an ه, so زيارته). */
const char * const rasd_extractor_own_visit[] = { "زيارته", "زيارتها", "جولته", "جولتها", NULL };

/* Nouns of a relation: "العلاقات بين X وY"، "التنسيق الوثيق بين X وY" relate two people,
 * who need not have met. */
static const char * const relation_nouns[] = {
  "العلاقات", "العلاقه", "علاقات", "علاقه", "الاهتمام", "اهتمام", "التعاون", "تعاون", "التنسيق",
  "تنسيق", "التفاهم", "تفاهم", "التوافق", "توافق", "الشراكه", "شراكه", "الصداقه", "صداقه",
  "الروابط", "روابط", "الخلاف", "الخلافات", "خلاف", "خلافات", "التنافس", "الثقه", "المنافسه",
  "العداء", "القطيعه", "الود", NULL
};

/* Whether token @k is a relation noun, or its adjective right after one ("التنسيق الوثيق"). */
static gboolean
relation_at (Context *ctx,
             guint    k,
             guint    first)
{
  return (marks_at (ctx, k) & MARK_RELATION) ||
         (k > first && (marks_at (ctx, k - 1) & MARK_RELATION) && trigger_at (ctx, k) == NULL);
}

/* Whether person @name is in the بين list of a relation noun ("والتنسيق الوثيق بين X وY"):
 * who a relation is between is no party of the event the clause tells. */
static gboolean
in_relation_pair (Context           *ctx,
                  const RasdNerName *name,
                  guint              first)
{
  for (guint k = name->title_token; k-- > first && k + 12 > name->title_token;)
    {
      if (trigger_at (ctx, k) != NULL)
        return FALSE;
      if (marks_at (ctx, k) & MARK_BETWEEN)
        return k > first && relation_at (ctx, k - 1, first);
    }
  return FALSE;
}

/* The people an event's trigger at token @t names as its parties, as tokens [*start, *end):
 * the list after بين a few words on ("الاجتماع الذي عقد أمس بين X وY"), or the names a
 * trigger noun governs ("مباحثات X وY").  Returns how many names it holds (0: none). */
static guint
party_list (Context       *ctx,
            const guint   *names,
            guint          n_names,
            guint          t,
            const Clause  *clause,
            guint         *start,
            guint         *end)
{
  guint from = trigger_at (ctx, t)->verb ? G_MAXUINT : t + 1, n = 0;

  for (guint k = t + 1; k < MIN (clause->last_token, t + 6); k++)
    {
      if (trigger_at (ctx, k) != NULL || relation_at (ctx, k, t + 1))
        break;
      if (marks_at (ctx, k) & MARK_BETWEEN)
        {
          from = k + 1;
          break;
        }
    }
  if (from == G_MAXUINT)
    return 0;
  for (guint i = 0; i < n_names; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, names[i]);

      if (name->kind != RASD_MENTION_PERSON || name->entity < 0 || name->first_token < from)
        continue;
      if (n == 0 && name->title_token != from)
        break;
      if (n > 0 && !goes_on_list (ctx, *end, name->title_token))
        break;
      if (n == 0)
        *start = from;
      *end = name->first_token + name->n_tokens;
      n++;
    }
  return n;
}

/* Whether a word of visiting stands between tokens @t and @k: "خلال استقباله ... أثناء زيارته
 * لمصر"، "خلال إحدى زياراته للأردن". */
static gboolean
visit_word_between (Context *ctx,
                    guint    t,
                    guint    k)
{
  for (guint i = t + 1; i < k; i++)
    {
      const Trigger *trigger = trigger_at (ctx, i);
      const char *plural_kind;

      if (trigger != NULL && strcmp (trigger->kind, "visit") == 0)
        return TRUE;
      plural_kind = trigger == NULL ? g_hash_table_lookup (ctx->self->plurals, bare_word (ctx, i)) : NULL;
      if (plural_kind != NULL && strcmp (plural_kind, "visit") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether a place at token @k can be the object of the visiting verb at token @t: after it,
 * past a subject with its titles and a day ("زار وزير الخارجية الجزائري فلان أمس الأردن") but
 * not past another trigger. */
static gboolean
visit_object_reach (Context *ctx,
                    guint    t,
                    guint    k)
{
  if (k <= t || k > t + 12)
    return FALSE;
  for (guint i = t + 1; i < k; i++)
    if (trigger_at (ctx, i) != NULL)
      return FALSE;
  return TRUE;
}

/* Whether a trigger stands between tokens @t and @k: "استقبل ... وبحث معه التحضيرات للقمة
 * المقرر عقدها": what is planned after it is that other deed. */
static gboolean
deed_between (Context *ctx,
              guint    t,
              guint    k)
{
  for (guint j = t + 1; j < k; j++)
    if (trigger_at (ctx, j) != NULL)
      return TRUE;
  return FALSE;
}

/* Fills @c from clause @clause of sentence @s around the trigger at token @t; FALSE when it
 * names nobody. */
static gboolean
read_candidate (Context      *ctx,
                guint         s,
                const Clause *clause,
                guint         t,
                Candidate    *c)
{
  const RasdToken *trig = token (ctx, t);
  guint first = clause->first_token, last = clause->last_token;
  gboolean seen_person = FALSE;
  guint attendance_from = G_MAXUINT;
  int best_place = -1, best_place_score = -1;
  gsize best_date_distance = G_MAXSIZE;
  gboolean future_marker = FALSE, past_marker = FALSE;
  gboolean seen_object = FALSE;
  int visit_object = -1;       /* the place زار takes as its object */
  guint principals_end = 0;  /* after a list of people greetings or a message are from */
  const char *trigger_word = bare_word (ctx, t);
  gboolean visits_object = strcmp (c->trigger->kind, "visit") == 0 && c->trigger->verb &&
                           (strstr (trigger_word, "زار") != NULL || strstr (trigger_word, "زور") != NULL);
  guint list_start = 0, list_end = 0, n_listed;
  g_autoptr(GArray) deceased = NULL;  /* entities named with رحمه الله */
  g_autoptr(GArray) attendees = NULL; /* entities named after بحضور */
  const guint *sentence_names;
  guint n_names;

  c->sentence = s;
  c->trigger_token = t;
  c->participants = g_array_new (FALSE, FALSE, sizeof (int));
  c->place = -1;
  c->date.precision = RASD_DATE_PRECISION_NONE;

  for (guint k = first; k < last; k++)
    {
      guint16 marks = marks_at (ctx, k);

      /* حضرة (the honorific of "حضرة صاحب السمو") is written like حضره, "attended it" */
      if ((marks & MARK_ATTENDANCE) && !ends_in_ta_marbuta (ctx, k))
        attendance_from = MIN (attendance_from, k);
      if ((marks & MARK_FUTURE) && !next_of_other (ctx, k) && !by_invitation (ctx, k) &&
          !(k > t && deed_between (ctx, t, k) && RASD_RULE_IS (EV_FUTURE_OF_OTHER_DEED, TRUE)))
        future_marker = TRUE;
      /* before the trigger (كان قد التقى), or an adjective of a trigger noun: "لقاؤهما الأخير" */
      if ((k < t || (!c->trigger->verb && k <= t + 2 && word_in (bare_word (ctx, k), last_words))) &&
          (marks & MARK_PAST))
        past_marker = TRUE;
      if (marks & MARK_HABITUAL)
        c->habitual = TRUE;
    }

  sentence_names = rasd_mention_index_sentence_names (ctx->mentions, s, &n_names);
  n_listed = party_list (ctx, sentence_names, n_names, t, clause, &list_start, &list_end);
  for (guint i = 0; i < n_names; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, sentence_names[i]);
      RasdEntity *e;

      if (name->sentence != s || name->entity < 0 || name->first_token < first ||
          name->first_token >= last)
        continue;
      e = rasd_extraction_get_entity (ctx->out, name->entity);
      if (name->kind == RASD_MENTION_PERSON)
        {
          /* "جمع لقاء X وY بدعوة من الرئيس Z": who invited hosts (a message's sender, or
           * "تسلم دعوة من", takes no part) */
          if ((name->flags & RASD_NER_NAMED_FOR) &&
              !(name->title_token >= 2 && strcmp (token (ctx, name->title_token - 1)->norm, "من") == 0 &&
                strcmp (token (ctx, name->title_token - 2)->norm, "بدعوه") == 0 &&
                strcmp (c->trigger->kind, "call") != 0 && RASD_RULE_IS (EV_INVITER_HOSTS, TRUE)))
            {
              principals_end = name->first_token + name->n_tokens;
              continue;
            }
          /* "تحيات الملك، وولي العهد، وولي ولي العهد": the list goes on with و while no
           * trigger comes between */
          if (principals_end > 0 && listed_after (ctx, principals_end, name->title_token))
            {
              RASD_RULE (NER_NAMED_FOR);
              principals_end = name->first_token + name->n_tokens;
              continue;
            }
          principals_end = 0;
          /* the parties a trigger lists are the parties: a name after the list is of another
           * deed ("بين X وY يعكس الرؤية التي أعلنها Z"), and so is one before a noun that
           * lists two ("عقده مع Z في ختام مباحثات X وY") */
          if (n_listed > 0 && name->first_token >= list_end &&
              (list_start > t + 1 || n_listed >= 2))
            {
              RASD_RULE (EV_PARTY_LIST);
              continue;
            }
          if (n_listed >= 2 && name->first_token + name->n_tokens <= t)
            {
              RASD_RULE (EV_PARTY_LIST);
              continue;
            }
          if (name->flags & (RASD_NER_SPOKESPERSON | RASD_NER_PRINCIPAL))
            continue;
          if (name->flags & RASD_NER_SPEAKER)
            {
              if (!speaks_of_own_deed (ctx, name, t))
                continue;
              RASD_RULE (EV_SPEAKER_OWN_DEED);
            }
          if (in_relation_pair (ctx, name, first))
            {
              RASD_RULE (EV_RELATION_PAIR);
              continue;
            }
          if (g_hash_table_contains (ctx->spokespeople, GINT_TO_POINTER (name->entity + 1)))
            continue;
          if (name->first_token > attendance_from)
            {
              RASD_RULE (EV_ATTENDANCE);
              if (attendees == NULL)
                attendees = g_array_new (FALSE, FALSE, sizeof (int));
              g_array_append_val (attendees, name->entity);
              continue;
            }
          /* "التقى مع X": the first party after the verb is its object, so the subject is not
           * in the clause */
          if (!seen_person && name->first_token > t && c->trigger->verb)
            for (guint k = t + 1; k < MIN (name->first_token, name->title_token); k++)
              if (strcmp (token (ctx, k)->norm, "مع") == 0 || strcmp (token (ctx, k)->norm, "ومع") == 0)
                {
                  RASD_RULE (EV_IMPLICIT_SUBJECT);
                  c->implicit_subject = TRUE;
                }
          seen_person = TRUE;
          if (named_deceased (ctx, name))
            {
              if (deceased == NULL)
                deceased = g_array_new (FALSE, FALSE, sizeof (int));
              g_array_append_val (deceased, name->entity);
            }
          if (!rasd_event_has_participant (&(RasdEvent) { .participants = c->participants }, name->entity))
            g_array_append_val (c->participants, name->entity);
        }
      else if (name->kind == RASD_MENTION_PLACE &&
               !(name->flags & (RASD_NER_ADJECTIVE | RASD_NER_OF_TITLE)) &&
               !place_between (ctx, name) && !place_is_topic (ctx, name) &&
               !place_of_institution (ctx, name) &&
               !place_of_other_deed (ctx, name, t))
        {
          /* a city or site where the text gives one, a country only where it gives none */
          int score = place_rank (e) == 2 ? 60 : 0;
          guint distance = name->first_token > t ? name->first_token - t : t - name->first_token;

          if (name->preposition == RASD_NER_PREP_IN)
            score += 30;
          /* زار/وصل إلى X, and "يسافر إلى كينيا للقاء": where one goes is where one meets; after
           * a trigger that is no going, إلى tells where one goes next ("تعقد القمة ... وإقلاع
           * طائرته الأحد إلى X") */
          else if (name->preposition == RASD_NER_PREP_TO)
            {
              if (strcmp (c->trigger->kind, "visit") == 0 || name->first_token < t ||
                  visit_word_between (ctx, t, name->first_token))
                score += 30;
              else
                RASD_RULE (EV_PLACE_NEXT);
            }
          /* "غادر الأمير روسيا اليوم بعد زيارة": the place left after a visit is where it was */
          else if ((name->preposition == RASD_NER_PREP_NONE || name->preposition == RASD_NER_PREP_OTHER) &&
                   left_after_visit (ctx, name))
            score += 30;
          /* "عاد إلى الرياض"، "وصل إلى الرياض عائدا من موسكو": home is no visit's place, and
           * where one comes back from is where the deed was */
          /* (but where a guest came back to is where he was received: "استقبل X أمس Y، الذي
           * عاد إلى الرياض قادما من عدن") */
          else if (name->preposition == RASD_NER_PREP_HOME && strcmp (c->trigger->kind, "visit") == 0)
            {
              RASD_RULE (EV_PLACE_HOME);
              score -= 100;
            }
          else if ((name->preposition == RASD_NER_PREP_FROM || left_from (ctx, name)) &&
                   !returning_in (ctx, sentence_names, n_names, first, last))
            {
              RASD_RULE (EV_PLACE_FROM);
              score -= 80;
            }
          /* the object of زار/يزور: زار بكين، سيزور الرئيس الأربعاء تركيا (وصل and توجه
           * take theirs after إلى) */
          if (visits_object && !seen_object && visit_object_reach (ctx, t, name->first_token) &&
              name->preposition != RASD_NER_PREP_FROM && name->preposition != RASD_NER_PREP_IN)
            {
              RASD_RULE (EV_VISIT_OBJECT);
              score += 40;
              seen_object = TRUE;
              visit_object = name->entity;
            }
          score -= (int) MIN (distance, 30u);
          if (score > best_place_score)
            {
              best_place_score = score;
              best_place = name->entity;
            }
        }
    }
  /* where زار went wins over a place of another country further on ("زار كينيا عندما كان
   * عضوا ... في البيت الأبيض"); a city of the visited country says more */
  if (visit_object >= 0 && best_place != visit_object &&
      g_strcmp0 (rasd_extraction_get_entity (ctx->out, visit_object)->country,
                 rasd_extraction_get_entity (ctx->out, event_place (ctx, best_place))->country) != 0)
    {
      RASD_RULE (EV_VISIT_OBJECT);
      best_place = visit_object;
    }
  if (best_place < 0)
    best_place = place_left_after (ctx, sentence_names, n_names, last);
  if (best_place >= 0 && strcmp (c->trigger->kind, "call") != 0)
    c->place = event_place (ctx, best_place);
  else if (best_place >= 0)
    RASD_RULE (EV_CALL_NO_PLACE);

  for (guint d = rasd_mention_index_first_date (ctx->mentions, clause->date_start); d < ctx->dates->len; d++)
    {
      const RasdDateMention *m = &g_array_index (ctx->dates, RasdDateMention, d);
      RasdDate date;
      gsize distance;

      if (rasd_mention_index_dates_past (ctx->mentions, d, clause->end))
        break;
      if (m->start < clause->date_start || m->end > clause->end)
        continue;
      date = rasd_date_mention_get_date (m);
      if (date.precision == RASD_DATE_PRECISION_NONE || date.year == 0)
        continue;
      if (date_since (ctx, clause, m, t))
        continue;
      date = said_day (ctx, d, s, date);
      date = weekday_by_tense (ctx, m, c->trigger, date);
      distance = m->start > trig->start ? m->start - trig->start : trig->start - m->end;
      if (distance < best_date_distance)
        {
          best_date_distance = distance;
          c->date = date;
          c->date_stated = TRUE;
          if (m->flags & RASD_DATE_FLAG_FUTURE)
            future_marker = TRUE;
        }
    }

  /* the role: announced, earlier, or the news itself */
  c->role = RASD_EVENT_ROLE_HEADLINE;
  if (c->trigger->tense == TENSE_FUTURE || future_marker)
    c->role = RASD_EVENT_ROLE_PLANNED;
  else if (past_marker && c->trigger->tense != TENSE_PRESENT)
    c->role = RASD_EVENT_ROLE_BACKGROUND;
  if ((future_marker && c->trigger->tense != TENSE_FUTURE) || c->role == RASD_EVENT_ROLE_BACKGROUND)
    RASD_RULE (EV_ROLE_MARKER);
  if (c->date_stated && ctx->publication.precision != RASD_DATE_PRECISION_NONE)
    {
      RasdEventRole by_marker = c->role;
      RasdDate pub = ctx->publication;
      int cmp;

      if (c->date.precision == RASD_DATE_PRECISION_DAY && pub.precision == RASD_DATE_PRECISION_DAY)
        {
          gint64 days = rasd_date_to_days (c->date.year, c->date.month, c->date.day) -
                        rasd_date_to_days (pub.year, pub.month, pub.day);

          if (days > 0)
            c->role = RASD_EVENT_ROLE_PLANNED;
          else if (days < -3)
            c->role = RASD_EVENT_ROLE_BACKGROUND;
          else if (c->role == RASD_EVENT_ROLE_BACKGROUND || (c->role == RASD_EVENT_ROLE_PLANNED && days < 0))
            c->role = RASD_EVENT_ROLE_HEADLINE;
        }
      else if (!rasd_date_compatible (&c->date, &pub))
        {
          cmp = rasd_date_compare (&c->date, &pub);
          c->role = cmp < 0 ? RASD_EVENT_ROLE_BACKGROUND : RASD_EVENT_ROLE_PLANNED;
        }
      if (c->role != by_marker)
        RASD_RULE (EV_ROLE_BY_DATE);
    }
  else if (c->date_stated && c->trigger->tense == TENSE_PAST && c->date.precision < RASD_DATE_PRECISION_DAY)
    {
      RASD_RULE (EV_ROLE_BY_DATE);
      c->role = RASD_EVENT_ROLE_BACKGROUND;
    }
  /* "بدأت أعمال الاجتماع بحضور الوزراء X وY": the proceedings (أعمال) of a meeting no one
   * holds in the clause are of those who attend them */
  if (c->participants->len == 0 && attendees != NULL && !c->trigger->verb && t > first &&
      strcmp (bare_word (ctx, t - 1), "اعمال") == 0)
    for (guint i = 0; i < attendees->len; i++)
      {
        int who = g_array_index (attendees, int, i);

        RASD_RULE (EV_ATTENDEES_ONLY);
        if (!rasd_event_has_participant (&(RasdEvent) { .participants = c->participants }, who))
          g_array_append_val (c->participants, who);
      }
  /* the dead take part in what happened before, not in the news: "مقتنيات الملك الراحل رحمه
   * الله" */
  if (deceased != NULL && c->role != RASD_EVENT_ROLE_BACKGROUND)
    for (guint p = c->participants->len; p > 0; p--)
      for (guint d = 0; d < deceased->len; d++)
        if (g_array_index (c->participants, int, p - 1) == g_array_index (deceased, int, d))
          {
            g_array_remove_index (c->participants, p - 1);
            break;
          }
  return c->participants->len > 0;
}

static void
add_dates (Context *ctx)
{
  for (guint d = 0; d < ctx->dates->len; d++)
    {
      const RasdDateMention *m = &g_array_index (ctx->dates, RasdDateMention, d);
      RasdMention mention = { 0 };

      mention.kind = RASD_MENTION_DATE;
      mention.start = m->start;
      mention.end = m->end;
      mention.entity = -1;
      mention.date = rasd_date_mention_get_date (m);
      g_array_append_val (ctx->out->mentions, mention);
    }
}

/* Whether token @k is written with a possessive pronoun (لقاءاته; not لقاء، قمة): "نتائج
 * لقاءاته" are his own deeds' results. */
static gboolean
owned_noun (Context *ctx,
            guint    k)
{
  return g_str_has_suffix (token (ctx, k)->norm, "ه") && !ends_in_ta_marbuta (ctx, k);
}

/* The results of a deed: "بنتائج لقاء باريس"، "مخرجات القمة". */
static const char * const results_words[] = { "نتايج", "مخرجات", "حصيله", "ثمار", NULL };

/* Words that open a new clause: "حيث التقى"، "فيما"، "، ثم". */
static const char * const where_words[] = { "حيث", NULL };
static const char * const contrast_words[] = {
  "فيما", "وفيما", "بينما", "وبينما", "وهو", "وهي", NULL
};
static const char * const continue_words[] = { "كما", "ثم", "وذلك", NULL };
static const char * const relative_words[] = { "التي", "الذي", NULL };
/* The end of a deed: "في ختام الزيارة"، "في نهاية اللقاء". */
static const char * const end_words[] = { "ختام", "نهايه", "اختتام", NULL };

/* Verbs that report: what follows their أن happened when it says, not when it was said. */
static const char * const report_words[] = {
  "اعلن", "اعلنت", "واعلن", "واعلنت", "قال", "قالت", "وقال", "وقالت", "ذكر", "ذكرت", "وذكر",
  "وذكرت", "اكد", "اكدت", "واكد", "واكدت", "افاد", "افادت", "وافاد", "وافادت", "اوضح", "اوضحت",
  "صرح", "صرحت", "وصرح", "وصرحت", "كشف", "كشفت", "وكشف", "وكشفت", "نقلت", "ونقلت", NULL
};

/* "ذكرت الرئاسة أمس (الثلاثاء) أن الرئيس سيلتقي": the أن of a reporting verb a few words back. */
static gboolean
reported_that (Context *ctx,
               guint    k,
               guint    first)
{
  if (!(marks_at (ctx, k) & MARK_THAT))
    return FALSE;
  for (guint back = 1; back <= 5 && k >= first + back; back++)
    if (word_in (token (ctx, k - back)->norm, report_words))
      return TRUE;
  return FALSE;
}

/* أن, and the words that order a next deed: ثم, and قبل before أن. */
static const char * const that_words[] = { "ان", "بان", NULL };
static const char * const then_words[] = { "ثم", NULL };
static const char * const before_words[] = { "قبل", "وقبل", NULL };

/* Words that open a clause when أن follows: "، بعد أن التقى"; "قبل بكين" is no clause. */
static const char * const time_clause_words[] = {
  "بعد", "وبعد", "قبل", "وقبل", "عقب", "وعقب", NULL
};


static GHashTable *
marker_words_new (void)
{
  GHashTable *table = g_hash_table_new (rasd_str_hash, g_str_equal);

  rasd_word_flags_add (table, attendance_words, MARK_ATTENDANCE);
  rasd_word_flags_add (table, future_words, MARK_FUTURE);
  rasd_word_flags_add (table, past_words, MARK_PAST);
  rasd_word_flags_add (table, where_words, MARK_WHERE);
  rasd_word_flags_add (table, contrast_words, MARK_CONTRAST);
  rasd_word_flags_add (table, continue_words, MARK_CONTINUE);
  rasd_word_flags_add (table, time_clause_words, MARK_TIME_CLAUSE);
  rasd_word_flags_add (table, between_words, MARK_BETWEEN);
  rasd_word_flags_add (table, habitual_words, MARK_HABITUAL);
  rasd_word_flags_add (table, since_words, MARK_SINCE);
  rasd_word_flags_add (table, that_words, MARK_THAT);
  rasd_word_flags_add (table, then_words, MARK_THEN);
  rasd_word_flags_add (table, before_words, MARK_BEFORE);
  rasd_word_flags_add (table, relation_nouns, MARK_RELATION);
  return table;
}

/* "، من المتوقع أن يلتقي"، "، ومن المقرر"، "، ومن المرجح أن": after a comma, what is expected
 * is another thing than what was told before it.  Token @k is after the comma. */
static gboolean
opens_expectation (Context *ctx,
                   guint    k,
                   guint    last)
{
  const char *norm = token (ctx, k)->norm;
  const char *next;

  if ((strcmp (norm, "من") != 0 && strcmp (norm, "ومن") != 0) || k + 1 >= last)
    return FALSE;
  next = token (ctx, k + 1)->norm;
  return strcmp (next, "المتوقع") == 0 || strcmp (next, "المقرر") == 0 || strcmp (next, "المرجح") == 0;
}

/* The place (event_place()) named by the words just before token @k in its sentence, or -1:
 * no nationality, no place of a title (سفير مصر) and no topic (الأوضاع في اليمن). */
static int
place_before (Context *ctx,
              guint    k)
{
  for (guint i = ctx->names->len; i > 0; i--)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, i - 1);

      if (name->first_token >= k)
        continue;
      if (name->first_token + name->n_tokens != k || name->sentence != token (ctx, k)->sentence ||
          name->kind != RASD_MENTION_PLACE || name->entity < 0 ||
          (name->flags & (RASD_NER_ADJECTIVE | RASD_NER_OF_TITLE)) || place_is_topic (ctx, name))
        return -1;
      return event_place (ctx, name->entity);
    }
  return -1;
}

/* A preposition joined by و: "، وعلى"، "، وعن"، "، وحول". */
static const char * const and_prepositions[] = { "وعلي", "وعن", "وحول", NULL };

static ClauseKind
opens_clause (Context *ctx,
              guint    k,
              guint    last)
{
  const char *norm = token (ctx, k)->norm;
  guint16 marks = marks_at (ctx, k);
  const Trigger *trigger;

  if (marks & MARK_WHERE)
    return RASD_RULE_IS (EV_CLAUSE_WHERE, CLAUSE_WHERE);
  /* "قادما من بيروت التي زارها أمس": a relative clause on a place told with a verb of a deed
   * is a deed there, as with حيث */
  if (word_in (norm, relative_words) && k + 1 < last &&
      (trigger = trigger_at (ctx, k + 1)) != NULL && trigger->verb && place_before (ctx, k) >= 0)
    return RASD_RULE_IS (EV_RELATIVE_PLACE, CLAUSE_WHERE);
  if (marks & MARK_CONTRAST)
    return RASD_RULE_IS (EV_CLAUSE_OTHER, CLAUSE_OTHER);
  /* "لقاء مع خامنئي وقمة مع رئيسي": a second meeting-word noun joined by و tells another
   * meeting of the same man, as a headline lists them */
  trigger = trigger_at (ctx, k);
  if (trigger != NULL && !trigger->verb && g_str_has_prefix (norm, "و") && !g_str_has_prefix (norm, "وال"))
    return RASD_RULE_IS (EV_CLAUSE_CONTINUE, CLAUSE_CONTINUE);
  /* "سيزور الوزير الموصل ثم التوجه إلى أربيل": ثم orders a next deed, comma or not */
  if (marks & MARK_THEN)
    return RASD_RULE_IS (EV_CLAUSE_CONTINUE, CLAUSE_CONTINUE);
  /* "اجتماعا مع X قبل أن يغادر متوجها إلى Y للقاء Z": what comes after قبل أن is a later
   * deed, comma or not */
  if ((marks & MARK_BEFORE) && k + 1 < last && (marks_at (ctx, k + 1) & MARK_THAT) &&
      strcmp (token (ctx, k + 1)->norm, "ان") == 0)
    return RASD_RULE_IS (EV_CLAUSE_CONTINUE, CLAUSE_CONTINUE);
  if (!comma_before (ctx, k))
    return CLAUSE_FIRST;
  /* "، غداة لقائه في بغداد"، "، عشية زيارته": the deed of the day before or after */
  if ((strcmp (norm, "غداه") == 0 || strcmp (norm, "عشيه") == 0) && k + 1 < last &&
      trigger_at (ctx, k + 1) != NULL)
    return RASD_RULE_IS (EV_CLAUSE_DAY, strcmp (norm, "غداه") == 0 ? CLAUSE_DAY_BEFORE : CLAUSE_DAY_AFTER);
  if ((marks & MARK_CONTINUE) ||
      ((marks & MARK_TIME_CLAUSE) && k + 1 < last && strcmp (token (ctx, k + 1)->norm, "ان") == 0))
    return RASD_RULE_IS (EV_CLAUSE_CONTINUE, CLAUSE_CONTINUE);
  /* "، و3 مايو التقى"، "، وفي 9 يونيو أجرى": a date joined by و tells the time of what
   * follows, the same man's next deed */
  if (g_str_has_prefix (norm, "و") &&
      (ctx->date_begins[k] || (strcmp (norm, "وفي") == 0 && k + 1 < last && ctx->date_begins[k + 1])))
    return RASD_RULE_IS (EV_CLAUSE_CONTINUE, CLAUSE_CONTINUE);
  if (opens_expectation (ctx, k, last))
    return RASD_RULE_IS (EV_CLAUSE_OTHER, CLAUSE_OTHER);
  /* "يصل إلى أبوظبي غدا، على أن يزور البحرين": what he is to do next, a deed of its own */
  if (strcmp (norm, "علي") == 0 && k + 1 < last && strcmp (token (ctx, k + 1)->norm, "ان") == 0)
    return RASD_RULE_IS (EV_CLAUSE_PLAN, CLAUSE_CONTINUE);
  /* "على نتائج استقباله X، وعلى فحوى الاتصال الذي تلقاه من Y": a preposition again, after a
   * comma, before a trigger noun is the same man's next deed */
  if (word_in (norm, and_prepositions))
    for (guint j = k + 1; j < MIN (last, k + 4); j++)
      if ((trigger = trigger_at (ctx, j)) != NULL && !trigger->verb)
        return RASD_RULE_IS (EV_CLAUSE_PREPOSITION, CLAUSE_CONTINUE);
  /* a verb of meeting after a comma begins what it tells: "، بحثا خلاله" */
  trigger = trigger_at (ctx, k);
  if (trigger != NULL && trigger->verb)
    return RASD_RULE_IS (EV_CLAUSE_CONTINUE, CLAUSE_CONTINUE);
  return CLAUSE_FIRST;
}

/* Whether @clause says it comes some time after the one before: "بعد ذلك"، "لاحقا"، "فيما بعد". */
static gboolean
later_step (Context      *ctx,
            const Clause *clause)
{
  for (guint k = clause->first_token; k < clause->last_token; k++)
    {
      const char *norm = token (ctx, k)->norm;

      if (strcmp (norm, "لاحقا") == 0 ||
          (k + 1 < clause->last_token && strcmp (token (ctx, k + 1)->norm, "ذلك") == 0 &&
           (strcmp (norm, "بعد") == 0 || strcmp (norm, "وبعد") == 0)) ||
          (k + 1 < clause->last_token && strcmp (norm, "فيما") == 0 && strcmp (token (ctx, k + 1)->norm, "بعد") == 0))
        return TRUE;
    }
  return FALSE;
}

/* Whether @clause says its parties met one by one: "كل على حدة"، "كلا على حدة"; or its
 * trigger at @t is a call in the dual ("تلقى اتصالين هاتفيين من X وY"): one with each. */
static gboolean
each_apart (Context      *ctx,
            const Clause *clause,
            guint         t)
{
  static const char * const dual_calls[] = { "اتصالين", "اتصالان", NULL };

  if (word_in (bare_word (ctx, t), dual_calls))
    return RASD_RULE_IS (EV_DUAL_CALLS, TRUE);
  for (guint k = clause->first_token + 2; k < clause->last_token; k++)
    if (strcmp (token (ctx, k)->norm, "حده") == 0 && strcmp (token (ctx, k - 1)->norm, "علي") == 0 &&
        (strcmp (token (ctx, k - 2)->norm, "كل") == 0 || strcmp (token (ctx, k - 2)->norm, "كلا") == 0))
      return TRUE;
  return FALSE;
}

/* Splits sentence @s into clauses; returns how many (at most @max). */
static guint
split_clauses (Context *ctx,
               guint    s,
               Clause  *clauses,
               guint    max)
{
  const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, s);
  guint first = sentence->first_token, last = first + sentence->n_tokens;
  guint n = 0;

  gboolean has_trigger = FALSE;

  clauses[0] = (Clause) { first, last, sentence->start, sentence->end, sentence->start, CLAUSE_FIRST };
  for (guint k = first + 1; k < last && n + 1 < max; k++)
    {
      ClauseKind kind;

      has_trigger = has_trigger || trigger_at (ctx, k - 1) != NULL;
      /* what comes before the first trigger ("وفي 4 يونيو 2019، التقى") belongs to it, unless
       * it only says who reported it */
      if (reported_that (ctx, k, clauses[n].first_token) ||
          (!has_trigger && comma_before (ctx, k) && opens_expectation (ctx, k, last)))
        {
          RASD_RULE (EV_CLAUSE_REPORTED);
          kind = CLAUSE_OTHER;
        }
      else if (!has_trigger)
        continue;
      else
        kind = opens_clause (ctx, k, last);
      if (kind == CLAUSE_FIRST)
        continue;
      has_trigger = FALSE;
      clauses[n].last_token = k;
      clauses[n].end = token (ctx, k - 1)->end;
      n++;
      clauses[n] = (Clause) { k, last, token (ctx, k)->start, sentence->end,
                              kind == CLAUSE_WHERE ? clauses[n - 1].start : token (ctx, k)->start,
                              kind };
    }
  return n + 1;
}

/* Whether only "و", spaces and punctuation stand between two dates: "2015. ونوفمبر 2017". */
static gboolean
dates_listed (Context               *ctx,
              const RasdDateMention *a,
              const RasdDateMention *b)
{
  guint waw = 0;

  for (const char *p = ctx->text + a->byte_end; p < ctx->text + b->byte_start; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0648 /* و */)
        waw++;
      else if (!g_unichar_isspace (c) && c != '.' && c != ',' && c != 0x060C && c != '/')
        return FALSE;
    }
  return waw <= 1;
}

/* The dates a clause lists for its event ("زار مصر في مارس 2016. ويونيو 2018 وأكتوبر 2019"),
 * the list running on into the next sentence when that one only goes on with it; NULL when the
 * clause's date is not in a list of two or more. */
static GArray *
date_list (Context      *ctx,
           guint         s,
           const Clause *clause,
           Candidate    *c)
{
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (RasdDate));
  const RasdDateMention *prev = NULL, *first = NULL;
  gsize end = clause->end;
  gboolean has_own = FALSE;

  if (!c->date_stated)
    return NULL;
  if (clause->last_token == rasd_tokens_get_sentence (ctx->tokens, s)->first_token +
                            rasd_tokens_get_sentence (ctx->tokens, s)->n_tokens &&
      s + 1 < rasd_tokens_get_n_sentences (ctx->tokens))
    {
      const RasdSentence *next = rasd_tokens_get_sentence (ctx->tokens, s + 1);
      gboolean trigger = FALSE;

      for (guint k = next->first_token; k < next->first_token + next->n_tokens && !trigger; k++)
        trigger = trigger_at (ctx, k) != NULL;
      if (!trigger && next->n_tokens > 0 && g_str_has_prefix (token (ctx, next->first_token)->norm, "و"))
        end = next->end;
    }
  for (guint d = rasd_mention_index_first_date (ctx->mentions, clause->date_start); d < ctx->dates->len; d++)
    {
      const RasdDateMention *m = &g_array_index (ctx->dates, RasdDateMention, d);
      RasdDate date;

      if (rasd_mention_index_dates_past (ctx->mentions, d, end))
        break;
      if (m->start < clause->date_start || m->end > end)
        continue;
      date = rasd_date_mention_get_date (m);
      if (date.precision == RASD_DATE_PRECISION_NONE || date.year == 0)
        continue;
      if (prev != NULL && !dates_listed (ctx, prev, m))
        {
          if (has_own && list->len >= 2)
            break;
          g_array_set_size (list, 0);
          has_own = FALSE;
        }
      if (list->len == 0)
        first = m;
      g_array_append_val (list, date);
      has_own = has_own || rasd_date_compare (&date, &c->date) == 0;
      prev = m;
    }
  /* "يومي السبت والأحد": two days of one deed, no list */
  if (has_own && list->len == 2 && first != NULL)
    for (guint k = clause->first_token + 1; k < clause->last_token; k++)
      if (token (ctx, k)->start == first->start)
        {
          if (strcmp (token (ctx, k - 1)->norm, "يومي") == 0 && RASD_RULE_IS (EV_TWO_DAYS, TRUE))
            return NULL;
          break;
        }
  return has_own && list->len >= 2 ? g_steal_pointer (&list) : NULL;
}

/* The person the article is about: the first party of its first event. */
static int
topic_of (GArray *candidates)
{
  const Candidate *first;

  if (candidates->len == 0)
    return -1;
  first = &g_array_index (candidates, Candidate, 0);
  return first->participants->len > 0 ? g_array_index (first->participants, int, 0) : -1;
}


/* Words of one deed before or after another: "بعد لقاء"، "قبل زيارة"، "عقب اجتماع". */
static const char * const sequence_words[] = {
  "بعد", "وبعد", "قبل", "وقبل", "عقب", "اثر", "غداه", "عشيه", NULL
};

/* Whether a token of [@from, @to) is one of @words. */
static gboolean
word_between (Context            *ctx,
              guint               from,
              guint               to,
              const char * const *words)
{
  for (guint j = from; j < to; j++)
    if (word_in (token (ctx, j)->norm, words))
      return TRUE;
  return FALSE;
}

/* "بحث X هاتفيا مع"، "محادثات هاتفية"، "اجتماع عبر الاتصال المرئي": talks or a meeting told with
 * a word of the telephone or of video within eight words after its trigger at @k, in its
 * clause (before @end), are a call. */
static gboolean
by_phone (Context *ctx,
          guint    k,
          guint    end)
{
  /* normalised: مرئي is مريي */
  static const char * const remote[] = {
    "هاتفيا", "هاتفي", "هاتفيه", "الهاتفي", "الهاتفيه", "بالهاتف", "الهاتف", "المريي", "المرييه",
    "مريي", "مرييه", "بالفيديو", "الفيديو", NULL
  };

  return word_between (ctx, k + 1, MIN (k + 9, end), remote);
}

/* Pronouns of a deed told before: "بحثا خلاله"، "تناولا فيه"، "جرى خلاله بحث". */
static const char * const during[] = {
  "خلاله", "خلالها", "خلالهما", "اثناءه", "اثناءها", "فيه", "فيها", NULL
};

/* Whether the trigger at @k is followed (within two words, before @end) or preceded (within
 * two, from @first) by a pronoun of the deed told before (during[]). */
static gboolean
during_it (Context *ctx,
           guint    k,
           guint    first,
           guint    end)
{
  /* ... or just before it: "، جرى خلاله بحث"، "تم خلاله استعراض" */
  return word_between (ctx, k + 1, MIN (k + 3, end), during) ||
         word_between (ctx, MAX (first, k >= 2 ? k - 2 : 0), k, during);
}

static void
find_events (Context *ctx)
{
  guint n_sentences = rasd_tokens_get_n_sentences (ctx->tokens);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Candidate));

  g_array_set_clear_func (pending, (GDestroyNotify) candidate_clear);

  for (guint s = 0; s < n_sentences; s++)
    {
      Clause clauses[8];
      guint n_clauses = split_clauses (ctx, s, clauses, G_N_ELEMENTS (clauses));
      int subject = -1;  /* the first party of the sentence's last candidate */
      int last = -1;     /* its index in pending */
      int where = -1;    /* and its place */
      Candidate before = { 0 };  /* its role and date */

      for (guint cl = 0; cl < n_clauses; cl++)
        {
          const Clause *clause = &clauses[cl];
          const Trigger *best = NULL;
          guint best_token = 0;
          Candidate c = { .follows = -1 };
          GArray *tour, *dates;
          int named_where = -1;

          for (guint k = clause->first_token; k < clause->last_token; k++)
            {
              const Trigger *trigger = trigger_at (ctx, k);

              if (trigger == NULL)
                continue;
              /* "وفي ختام الاستقبال غادر X متوجها إلى Y": the end of the deed told before, no
               * deed of its own */
              if (!trigger->verb && k > clause->first_token && g_str_has_prefix (token (ctx, k)->norm, "ال") &&
                  word_in (token (ctx, k - 1)->norm, end_words))
                {
                  RASD_RULE (EV_END_OF_TOLD);
                  continue;
                }
              /* "رحب X بنتائج لقاء باريس": the results of a deed are spoken of, not by its
               * people */
              if (!trigger->verb && k > clause->first_token && !owned_noun (ctx, k) &&
                  word_in (bare_word (ctx, k - 1), results_words) && RASD_RULE_IS (EV_RESULTS_OF, TRUE))
                continue;
              /* "على هامش قمة أبيك": the summit is where the deed told happened, no deed of
               * the clause's people (its own are not named) */
              if (!trigger->verb && strcmp (trigger->kind, "summit") == 0 && k >= clause->first_token + 2 &&
                  strcmp (token (ctx, k - 1)->norm, "هامش") == 0 && strcmp (token (ctx, k - 2)->norm, "علي") == 0 &&
                  RASD_RULE_IS (EV_SIDELINES_FRAME, TRUE))
                continue;
              /* "المشاورات واللقاءات التي عقدها مع الأطراف": joined to a plural, a series */
              if (!trigger->verb && k + 1 < clause->last_token &&
                  g_str_has_prefix (token (ctx, k + 1)->norm, "و") &&
                  g_hash_table_contains (ctx->self->plurals, bare_word (ctx, k + 1)))
                {
                  RASD_RULE (EV_PLURAL_SERIES);
                  continue;
                }
              /* "التوجه إلى بغداد" is going there; "التوجه إلى حل سياسي" is not */
              if (trigger->motion &&
                  !(k + 2 < clause->last_token && strcmp (token (ctx, k + 1)->norm, "الي") == 0 &&
                    ctx->place_begins[k + 2] == PLACE_BEGINS))
                {
                  RASD_RULE (EV_MOTION);
                  continue;
                }
              if (is_negated (ctx, k, clause->first_token))
                {
                  RASD_RULE (EV_NEGATED);
                  continue;
                }
              if (sports_match (ctx, trigger, k))
                {
                  RASD_RULE (EV_SPORTS_MATCH);
                  continue;
                }
              if (in_touch (ctx, trigger, k, clause->first_token, clause->last_token))
                {
                  RASD_RULE (EV_IN_TOUCH);
                  continue;
                }
              if (call_with_press (ctx, trigger, k, clause->last_token))
                {
                  RASD_RULE (EV_CALL_WITH_PRESS);
                  continue;
                }
              if (comes_to_power (ctx, k, clause->last_token))
                {
                  RASD_RULE (EV_TO_POWER);
                  continue;
                }
              if (invited_to (ctx, trigger, k, clause->first_token) ||
                  hospitality (ctx, trigger, k, clause->first_token) ||
                  receives_things (ctx, trigger, k, clause->last_token))
                continue;
              /* "اتصالا هاتفيا، جرى خلاله بحث": what was done during the deed told before
               * in the clause is part of it, whatever its form (بحث reads as a verb) */
              if (best != NULL && word_between (ctx, MAX (clause->first_token, k >= 2 ? k - 2 : 0), k, during))
                {
                  RASD_RULE (EV_DURING_IT);
                  continue;
                }
              /* "وجاء الاتصال بعد يوم من لقاء X Y": after a deed told before (a definite noun),
               * a deed it came before or after is the one its names took part in */
              if (best != NULL && !best->verb && !trigger->verb &&
                  g_str_has_prefix (token (ctx, best_token)->norm, "ال") &&
                  word_between (ctx, MAX (best_token + 1, k >= 4 ? k - 4 : 0), k, sequence_words) &&
                  RASD_RULE_IS (EV_DEED_IT_FOLLOWED, TRUE))
                {
                  best = trigger;
                  best_token = k;
                  continue;
                }
              /* the first verb, else the first noun */
              if (best == NULL || (trigger->verb && !best->verb))
                {
                  best = trigger;
                  best_token = k;
                }
            }
          if (best == NULL)
            continue;
          if ((strcmp (best->kind, "talks") == 0 || strcmp (best->kind, "meeting") == 0) &&
              by_phone (ctx, best_token, clause->last_token))
            {
              RASD_RULE (EV_BY_PHONE);
              best = &ctx->self->by_phone[best->verb ? 1 : 0][best->tense];
            }
          c.trigger = best;
          /* a clause that goes on from the one before may name nobody: "، قبل أن يسافر غدا
           * إلى كينيا" is still the same man's */
          if (!read_candidate (ctx, s, clause, best_token, &c) &&
              !(subject >= 0 && SAME_SUBJECT (clause->kind)) &&
              !add_honorific_persons (ctx, &c, best_token, clause->first_token, clause->last_token))
            {
              int who = clause->kind == CLAUSE_OTHER ? -1 :
                        pronoun_subject (ctx, best, best_token, clause, topic_of (pending));
              const Candidate *pair = NULL;
              const char *office = NULL;

              /* "التقى الرئيسان"، "لقاء الزعيمين": the two the article told of last */
              if (who < 0 && dual_near (ctx, best_token, clause->first_token, clause->last_token, &office) &&
                  (pair = last_pair (ctx, pending, office)) != NULL)
                {
                  RASD_RULE (EV_DUAL_PAIR);
                  g_array_append_vals (c.participants, pair->participants->data, pair->participants->len);
                }
              /* "وكانت قمتهما الأولى": a deed's noun with the pronoun of two, likewise (the
               * first two of a deed of more: the two met at a third's invitation) */
              else if (who < 0 && !best->verb && g_str_has_suffix (token (ctx, best_token)->norm, "هما") &&
                       (pair = last_two (pending)) != NULL && RASD_RULE_IS (EV_DUAL_PRONOUN, TRUE))
                g_array_append_vals (c.participants, pair->participants->data, 2);
              else if (who < 0)
                {
                  candidate_clear (&c);
                  continue;
                }
              else
                {
                  RASD_RULE (EV_PRONOUN_SUBJECT);
                  g_array_append_val (c.participants, who);
                }
            }
          else
            add_reported_speaker (ctx, &c, best_token, clause);
          /* a clause that goes on from the one before shares its time unless it gives one */
          /* "زار أربيل أمس، غداة لقائه": the day before the clause before it */
          if ((clause->kind == CLAUSE_DAY_BEFORE || clause->kind == CLAUSE_DAY_AFTER) && subject >= 0 &&
              !c.date_stated && before.date_stated && before.date.precision == RASD_DATE_PRECISION_DAY)
            {
              c.date = rasd_date_add_days (&before.date, clause->kind == CLAUSE_DAY_BEFORE ? -1 : 1);
              c.date_stated = TRUE;
              c.role = clause->kind == CLAUSE_DAY_BEFORE ? RASD_EVENT_ROLE_BACKGROUND : RASD_EVENT_ROLE_PLANNED;
            }
          else if ((clause->kind == CLAUSE_WHERE || clause->kind == CLAUSE_CONTINUE) && subject >= 0 &&
                   !c.date_stated)
            {
              RASD_RULE (EV_CLAUSE_TIME);
              c.date = before.date;
              c.date_stated = before.date_stated;
              c.role = before.role;
              /* "ثم يتوجه بعد ذلك إلى عمّان": a later step, of no day the text tells */
              if (c.date.precision == RASD_DATE_PRECISION_DAY && later_step (ctx, clause) &&
                  RASD_RULE_IS (EV_LATER_STEP, TRUE))
                {
                  c.date.day = 0;
                  c.date.precision = RASD_DATE_PRECISION_MONTH;
                }
            }
          /* "التقى X أمس Y، فيما التقى Z نظيره W": what else one sentence tells
           * with no time of its own is of the time it tells, not of the day of publication */
          else if (clause->kind == CLAUSE_OTHER && subject >= 0 && !c.date_stated && before.date_stated &&
                   before.role == RASD_EVENT_ROLE_HEADLINE && c.role == RASD_EVENT_ROLE_HEADLINE)
            {
              RASD_RULE (EV_SENTENCE_TIME);
              c.date = before.date;
              c.date_stated = TRUE;
            }
          /* "وصل إلى القاهرة قادما من عمّان، حيث التقى": حيث right after a place is there */
          if (clause->kind == CLAUSE_WHERE && (named_where = place_before (ctx, clause->first_token)) >= 0)
            {
              if (c.place < 0 || !places_agree (ctx, named_where, c.place))
                {
                  RASD_RULE (EV_WHERE_PLACE);
                  c.place = named_where;
                }
            }
          /* "حيث" happens where the clause before it did, unless it names a place there */
          else if (clause->kind == CLAUSE_WHERE && where >= 0 &&
                   (c.place < 0 || !places_agree (ctx, where, c.place)))
            {
              RASD_RULE (EV_CLAUSE_PLACE);
              c.place = where;
            }
          if (c.implicit_subject ||
              (subject >= 0 && SAME_SUBJECT (clause->kind)))
            {
              int who = subject >= 0 ? subject : topic_of (pending);

              if (who >= 0 && !rasd_event_has_participant (&(RasdEvent) { .participants = c.participants }, who))
                {
                  RASD_RULE (EV_CLAUSE_SUBJECT);
                  g_array_prepend_val (c.participants, who);
                }
            }
          add_honorific_persons (ctx, &c, best_token, clause->first_token, clause->last_token);
          add_topic_person (ctx, &c, topic_of (pending));
          /* "بيروت التي زارها": the pronoun of a relative clause is its antecedent's */
          if ((c.participants->len > 0 && trigger_has_object (ctx, best_token) &&
               !(best_token > 0 && word_in (token (ctx, best_token - 1)->norm, relative_words))) ||
              (c.participants->len == 1 &&
               with_pronoun_near (ctx, best_token, clause->first_token, clause->last_token)))
            add_object_person (ctx, &c, best_token);
          if (c.participants->len == 0)
            {
              candidate_clear (&c);
              continue;
            }
          /* "ومن المقرر أن يلتقي الوزير الضيف غدا X"، "والتقى الضيف الأردني X": the guest is
           * whom the news's reception received, or who made its visit */
          {
            int guest = clause_names_guest (ctx, clause) ? guest_of (pending) : -1;

            if (guest >= 0 && !rasd_event_has_participant (&(RasdEvent) { .participants = c.participants }, guest) &&
                RASD_RULE_IS (EV_GUEST, TRUE))
              g_array_append_val (c.participants, guest);
          }
          /* "بعد قمتهما الأولى في بالي": a deed's noun with the pronoun of two is the two the
           * article told of last */
          if (!c.trigger->verb && c.participants->len < 2 && g_str_has_suffix (token (ctx, best_token)->norm, "هما"))
            {
              const Candidate *pair = last_two (pending);

              if (pair != NULL && participants_within (c.participants, pair->participants) &&
                  RASD_RULE_IS (EV_DUAL_PRONOUN, TRUE))
                for (guint p = 0; p < 2; p++)
                  if (!rasd_event_has_participant (&(RasdEvent) { .participants = c.participants },
                                                   g_array_index (pair->participants, int, p)))
                    g_array_append_val (c.participants, g_array_index (pair->participants, int, p));
            }
          /* "اتصالا هاتفيا مع X، اطمأن خلاله ...، وبحث الجانبان": the two sides of the deed
           * the clause before told, going on with it */
          {
            const char *office = NULL;

            if (last >= 0 && SAME_SUBJECT (clause->kind) && clause->kind != CLAUSE_WHERE &&
                g_array_index (pending, Candidate, last).participants->len == 2 &&
                g_array_index (pending, Candidate, last).sentence == c.sentence &&
                dual_near (ctx, best_token, best_token, MIN (best_token + 2, clause->last_token), &office) &&
                office == NULL && participants_within (c.participants, g_array_index (pending, Candidate, last).participants) &&
                RASD_RULE_IS (EV_DUAL_OF_CLAUSE, TRUE))
              {
                const Candidate *told = &g_array_index (pending, Candidate, last);

                g_array_set_size (c.participants, 0);
                g_array_append_vals (c.participants, told->participants->data, told->participants->len);
                c.follows = last;
                c.role = told->role;
                if (strcmp (told->trigger->kind, "call") == 0 && strcmp (c.trigger->kind, "call") != 0)
                  c.trigger = &ctx->self->by_phone[c.trigger->verb ? 1 : 0][c.trigger->tense];
              }
          }
          /* a حيث of another place tells another event */
          if (clause->kind == CLAUSE_WHERE && last >= 0 &&
              (named_where < 0 || (where >= 0 && places_agree (ctx, where, named_where))))
            c.follows = last;
          /* "أجرى اتصالا هاتفيا مع X، بحثا خلاله ...": what was done during the deed the
           * sentence told before is part of it, a call's talks a call (but "مرورا بعمّان التي
           * التقى خلالها": during the stay in that other place) */
          else if (last >= 0 && clause->kind != CLAUSE_WHERE &&
                   during_it (ctx, best_token, clause->first_token, clause->last_token))
            {
              const Candidate *told = &g_array_index (pending, Candidate, last);

              RASD_RULE (EV_DURING_IT);
              c.follows = last;
              if (strcmp (told->trigger->kind, "call") == 0 && strcmp (c.trigger->kind, "call") != 0)
                c.trigger = &ctx->self->by_phone[c.trigger->verb ? 1 : 0][c.trigger->tense];
              c.role = told->role;
            }
          subject = g_array_index (c.participants, int, 0);
          where = c.place;
          before.date = c.date;
          before.date_stated = c.date_stated;
          before.role = c.role;
          /* a habit with no date is no event: "سافر الوزير إلى عمّان مرات عدة"; with dates it
           * is a list of events ("زارها مرارا، في مارس 2012 ويونيو 2014") */
          if (c.habitual && !c.date_stated)
            {
              RASD_RULE (EV_HABIT);
              candidate_clear (&c);
              continue;
            }
          tour = tour_places (ctx, &c);
          dates = tour == NULL ? date_list (ctx, s, clause, &c) : NULL;
          if (dates != NULL)
            {
              /* "زار مصر في مارس 2016 ويونيو 2018": one event per date */
              RASD_RULE (EV_DATE_LIST);
              for (guint d = 0; d < dates->len; d++)
                {
                  Candidate leg = c;

                  leg.participants = g_array_copy (c.participants);
                  leg.date = g_array_index (dates, RasdDate, d);
                  if (ctx->publication.precision != RASD_DATE_PRECISION_NONE &&
                      !rasd_date_compatible (&leg.date, &ctx->publication))
                    leg.role = rasd_date_compare (&leg.date, &ctx->publication) < 0 ?
                               RASD_EVENT_ROLE_BACKGROUND : RASD_EVENT_ROLE_PLANNED;
                  g_array_append_val (pending, leg);
                }
              g_array_unref (dates);
            }
          else if (tour != NULL)
            {
              /* "جولة شملت السعودية والأردن وإسرائيل": one visit per place; "زيارته إلى أنقرة
               * ضمن جولة شملت X وY" is one more */
              gboolean own_place = c.place >= 0;

              RASD_RULE (EV_TOUR);
              for (guint p = 0; p < tour->len && own_place; p++)
                own_place = event_place (ctx, g_array_index (tour, int, p)) != c.place;
              if (own_place)
                {
                  Candidate visit = c;

                  visit.participants = g_array_copy (c.participants);
                  g_array_append_val (pending, visit);
                }
              for (guint p = 0; p < tour->len; p++)
                {
                  Candidate leg = c;

                  /* the traveller goes on; whom he met where the clause is does not */
                  leg.participants = g_array_sized_new (FALSE, FALSE, sizeof (int), 1);
                  g_array_append_val (leg.participants, g_array_index (c.participants, int, 0));
                  leg.place = event_place (ctx, g_array_index (tour, int, p));
                  leg.tour_leg = TRUE;
                  g_array_append_val (pending, leg);
                }
              g_array_unref (tour);
            }
          else if (c.participants->len >= 3 && each_apart (ctx, clause, c.trigger_token))
            {
              /* "استقبل الوزير كلا من X وY، كل على حدة": one reception of each */
              RASD_RULE (EV_EACH_APART);
              for (guint p = 1; p < c.participants->len; p++)
                {
                  Candidate leg = c;

                  leg.participants = g_array_sized_new (FALSE, FALSE, sizeof (int), 2);
                  g_array_append_val (leg.participants, g_array_index (c.participants, int, 0));
                  g_array_append_val (leg.participants, g_array_index (c.participants, int, p));
                  g_array_append_val (pending, leg);
                }
            }
          else
            {
              g_array_append_val (pending, c);
              c.participants = NULL;
            }
          last = pending->len - 1;
          candidate_clear (&c);
        }
    }

  parties_by_arrival (ctx, pending);
  place_by_arrival (ctx, pending);
  place_during_visit (ctx, pending);
  place_before_visit_end (ctx, pending);
  place_of_also (ctx, pending);
  {
    g_autofree RasdEvent **event_of = g_new0 (RasdEvent *, pending->len + 1);

    for (guint i = 0; i < pending->len; i++)
      {
        Candidate *c = &g_array_index (pending, Candidate, i);

        event_of[i] = add_candidate (ctx, c, c->follows >= 0 ? event_of[c->follows] : NULL);
      }
  }

  /* a city → the first event placed there, whose date it tells of */
  g_autoptr(GHashTable) event_at_city = g_hash_table_new (NULL, NULL);

  for (guint e = 0; e < ctx->out->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (ctx->out->events, e);

      if (event->place >= 0 && place_rank (rasd_extraction_get_entity (ctx->out, event->place)) == 2 &&
          !g_hash_table_contains (event_at_city, GINT_TO_POINTER (event->place + 1)))
        g_hash_table_insert (event_at_city, GINT_TO_POINTER (event->place + 1), event);
    }

  for (guint e = 0; e < ctx->out->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (ctx->out->events, e);

      /* a report datelined "الدوحة -" tells where its news happened when no sentence does, or
       * names only the country ("زيارته لقطر") */
      if (event->role == RASD_EVENT_ROLE_HEADLINE && ctx->dateline_place >= 0 &&
          strcmp (event->kind, "call") != 0 &&
          (event->place < 0 || within_country (ctx, ctx->dateline_place, event->place)))
        {
          RASD_RULE (EV_DATELINE);
          event->place = event_place (ctx, ctx->dateline_place);
        }
      /* the same for a byline given apart from the text ("authors": "جدة - واس") */
      else if (event->role == RASD_EVENT_ROLE_HEADLINE && ctx->byline_place != NULL &&
               strcmp (event->kind, "call") != 0 &&
               (event->place < 0 || (place_rank (rasd_extraction_get_entity (ctx->out, event->place)) == 1 &&
                                     g_strcmp0 (rasd_extraction_get_entity (ctx->out, event->place)->country,
                                                ctx->byline_place->country) == 0)))
        {
          RASD_RULE (EV_BYLINE);
          event->place = rasd_extraction_add_place (ctx->out, ctx->byline_place);
        }
      /* "زيارته لكينيا ... في العاصمة نيروبي": the one city the article names in the country
       * is where the visit was */
      if (event->place >= 0 && place_rank (rasd_extraction_get_entity (ctx->out, event->place)) == 1)
        {
          int city = only_city_of (ctx, event->place);
          RasdEvent *there = city >= 0 ? g_hash_table_lookup (event_at_city, GINT_TO_POINTER (city + 1)) : NULL;

          /* ... unless the news's city is where an event recalled, of another month, was
           * ("وكان قد التقاه في سان بطرسبرغ في يونيو"; a stay of some days is one time, and
           * visits recalled to one city, each in its year, are all there) */
          if (there != NULL && there != event && event->role == RASD_EVENT_ROLE_HEADLINE &&
              there->role == RASD_EVENT_ROLE_BACKGROUND && there->date.precision >= RASD_DATE_PRECISION_MONTH &&
              event->date.precision >= RASD_DATE_PRECISION_MONTH &&
              (there->date.year != event->date.year || there->date.month != event->date.month) &&
              RASD_RULE_IS (EV_CITY_OF_OTHER_TIME, TRUE))
            city = -1;
          if (city >= 0)
            {
              RASD_RULE (EV_CITY_OF_COUNTRY);
              event->place = city;
            }
        }
      /* "في عمّان ...، وذلك بعد لقائه بـZ": where the same day's other deed of the sentence
       * was */
      if (event->place < 0 && strcmp (event->kind, "call") != 0)
        event->place = place_of_sentence_mate (ctx, e);
      /* "استقبل الملك ضيفه في قصره": at home, in the host's capital */
      if (event->place < 0 && strcmp (event->kind, "call") != 0)
        event->place = place_at_home (ctx, event);
      /* "في قصر الرئاسة التونسية": in the capital */
      if (event->place < 0 && strcmp (event->kind, "call") != 0)
        event->place = place_of_presidency (ctx, event);
    }

  date_the_news (ctx);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const RasdMention *ma = a, *mb = b;

  if (ma->start != mb->start)
    return (ma->start > mb->start) - (ma->start < mb->start);
  return (ma->end > mb->end) - (ma->end < mb->end);
}

static RasdExtraction *
extract (RasdExtractor  *self,
         const char     *text,
         const RasdDate *publication,
         const char     *byline,
         gboolean        events)
{
  g_autoptr(RasdExtraction) out = rasd_extraction_new ();
  g_autoptr(RasdTokens) tokens = NULL;
  g_autoptr(GArray) names = NULL;
  g_autoptr(GArray) dates = NULL;
  g_autoptr(GHashTable) spokespeople = NULL;
  g_autofree const Trigger **triggers = NULL;
  g_autofree guint8 *triggers_read = NULL;
  g_autofree RasdWordMemo **memo = NULL;
  g_autofree guint8 *date_begins = NULL;
  g_autofree guint8 *place_begins = NULL;
  g_autoptr(RasdMentionIndex) mention_index = NULL;
  g_autoptr(RasdEventIndex) events_by_people = NULL;
  g_autoptr(GHashTable) city_of_country = NULL;
  g_autofree guint8 *dated = NULL;
  Context ctx = { 0 };

  g_return_val_if_fail (RASD_IS_EXTRACTOR (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  tokens = rasd_tokens_new (text);
  ctx.token_array = rasd_tokens_get_tokens (tokens);
  ctx.n_tokens = rasd_tokens_get_n_tokens (tokens);
  ctx.triggers = triggers = g_new0 (const Trigger *, rasd_tokens_get_n_tokens (tokens) + 1);
  ctx.triggers_read = triggers_read = g_new0 (guint8, rasd_tokens_get_n_tokens (tokens) + 1);
  ctx.memo = memo = rasd_ner_word_memos (self->ner, tokens);
  ctx.date_begins = date_begins = g_new0 (guint8, rasd_tokens_get_n_tokens (tokens) + 1);
  ctx.place_begins = place_begins = g_new0 (guint8, rasd_tokens_get_n_tokens (tokens) + 1);
  dated = g_new0 (guint8, rasd_tokens_get_n_tokens (tokens) + 1);
  ctx.self = self;
  ctx.text = text;
  ctx.tokens = tokens;
  ctx.out = out;

  if (events)
    {
      RasdDateContext date_ctx = { 0 };

      dates = rasd_date_context_init_find_all (&date_ctx, text, publication);
      ctx.publication = date_ctx.publication;
      out->publication = date_ctx.publication;
      ctx.dates = dates;
      /* dates and tokens are both in text order: walk them together */
      for (guint d = 0, k = 0; d < dates->len; d++)
        {
          const RasdDateMention *m = &g_array_index (dates, RasdDateMention, d);

          while (k < ctx.n_tokens && ctx.token_array[k].end <= m->start)
            k++;
          if (k < ctx.n_tokens && ctx.token_array[k].start <= m->start)
            date_begins[k] = TRUE;
          for (guint j = k; j < ctx.n_tokens && ctx.token_array[j].start < m->end; j++)
            dated[j] = TRUE;
        }
    }
  names = rasd_ner_run (self->ner, text, tokens, memo, events, dated, self->name_tagger, out);
  ctx.names = names;
  ctx.spokespeople = spokespeople = g_hash_table_new (NULL, NULL);
  for (guint n = 0; n < names->len; n++)
    {
      const RasdNerName *name = &g_array_index (names, RasdNerName, n);
      if (name->kind == RASD_MENTION_PERSON && (name->flags & RASD_NER_SPOKESPERSON))
        g_hash_table_add (spokespeople, GINT_TO_POINTER (name->entity + 1));
    }
  /* a word of a name reports no event: فيصل is no ف + يصل, and "مطار الوصول" no arrival */
  for (guint n = 0; n < names->len; n++)
    {
      const RasdNerName *name = &g_array_index (names, RasdNerName, n);

      if (name->kind == RASD_MENTION_PERSON || name->kind == RASD_MENTION_PLACE)
        for (guint k = name->first_token; k < name->first_token + name->n_tokens && k < ctx.n_tokens; k++)
          triggers_read[k] = TRUE;
      if (name->kind == RASD_MENTION_PLACE && !(name->flags & RASD_NER_ADJECTIVE) &&
          name->first_token < ctx.n_tokens)
        {
          place_begins[name->first_token] = PLACE_BEGINS;
          for (guint k = name->first_token + 1; k < name->first_token + name->n_tokens && k < ctx.n_tokens; k++)
            place_begins[k] = PLACE_GOES_ON;
        }
    }
  if (events)
    add_dates (&ctx);
  g_array_sort (out->mentions, compare_mentions);
  if (events)
    {
      ctx.mentions = mention_index = rasd_mention_index_new (names, rasd_tokens_get_n_sentences (tokens),
                                                             dates);
      ctx.events_by_people = events_by_people = rasd_event_index_new (out->events);
      ctx.city_of_country = city_of_country = g_hash_table_new (NULL, NULL);

      ctx.dateline_place = find_dateline_place (&ctx);
      if (ctx.dateline_place < 0)
        ctx.byline_place = find_byline_place (self->gazetteer, byline);
      find_events (&ctx);
    }
  return g_steal_pointer (&out);
}

RasdExtraction *
rasd_extractor_extract (RasdExtractor  *self,
                        const char     *text,
                        const RasdDate *publication)
{
  return extract (self, text, publication, NULL, TRUE);
}

RasdExtraction *
rasd_extractor_extract_article (RasdExtractor *self,
                                RasdArticle   *article)
{
  const char *date = rasd_article_get_date (article);
  RasdDate publication = { 0 };

  if (date == NULL || !rasd_date_parse_iso (date, &publication))
    publication = (RasdDate) { 0 };
  return extract (self, rasd_article_get_text (article), &publication,
                  rasd_article_get_authors (article), TRUE);
}

RasdExtraction *
rasd_extractor_find_names (RasdExtractor *self,
                           const char    *text)
{
  return extract (self, text, NULL, NULL, FALSE);
}
