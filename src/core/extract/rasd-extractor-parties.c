#define G_LOG_DOMAIN "rasd-extractor"

#include "config.h"

#include <string.h>

#include "rasd-extractor-private.h"

#include "rasd-rules.h"

/* Parties a candidate takes from outside its clause's names: the person an object pronoun
 * stands for, the article's person a pointing word or pronoun stands for, and the men an
 * honorific pronoun (سموه، فخامته) stands for; and whether a speaker is a party of the deed
 * he speaks of. */

/* Whether a person is named from token @from to before token @to (one sentence). */
static gboolean
person_between (Context *ctx,
                guint    from,
                guint    to)
{
  guint n_names;
  const guint *names = rasd_mention_index_sentence_names (ctx->mentions, token (ctx, from)->sentence, &n_names);

  for (guint i = 0; i < n_names; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, names[i]);

      if (name->kind == RASD_MENTION_PERSON && name->title_token >= from && name->title_token < to)
        return TRUE;
    }
  return FALSE;
}

/* "وقال X خلال لقائه Y": a speaker who speaks during his own meeting (a trigger noun with a
 * pronoun, right after خلال، أثناء، عقب..., within three words of him, ten for the dual's
 * pronoun: "مع Y عقب مباحثاتهما") takes part in it, whether that noun or a verb after it (what
 * he said they did: "إن الجانبين ناقشا") is the clause's trigger at @t; so does one who tells
 * his wish for it ("أعرب X عن تطلعه لاستقبال Y"). */
gboolean
speaks_of_own_deed (Context           *ctx,
                    const RasdNerName *name,
                    guint              t)
{
  static const char * const during[] = {
    "خلال", "اثناء", "عقب", "بعد", "لدي", "في", "وخلال", "واثناء", NULL
  };
  static const char * const pronouns[] = { "ه", "ها", "هما", NULL };
  static const char * const to_him[] = { "له", "لها", "لهما", NULL };
  static const char * const greetings[] = { "تحيات", "تحيه", "تهاني", "رساله", NULL };
  static const char * const wishes[] = {
    "تطلعه", "رغبته", "امله", "استعداده", "حرصه", "تطلعها", "رغبتها", "املها", "استعدادها",
    "حرصها", NULL
  };
  guint name_end = name->first_token + name->n_tokens;
  const Trigger *at_t = trigger_at (ctx, t);

  /* "نقل X تحيات Y إلى Z لدى استقباله": who conveys greetings is there to convey them */
  for (guint k = name_end; k < MIN (name_end + 2, t); k++)
    if (word_in (token (ctx, k)->norm, greetings))
      return RASD_RULE_IS (EV_SPEAKER_GREETINGS, TRUE);
  /* "وقال X ... إنه سيلتقي Y": he who says that he will meet is the one who meets */
  if (at_t != NULL && at_t->verb && t > name_end && t - name_end <= 24 &&
      word_in (token (ctx, t - 1)->norm, rasd_extractor_that_he))
    return RASD_RULE_IS (EV_SPEAKER_THAT_HE, TRUE);
  for (guint k = name_end + 1; k <= t && k <= name_end + 24; k++)
    {
      const Trigger *trigger = trigger_at (ctx, k);
      const RasdToken *tk = token (ctx, k);
      const char *word = ctx->text + tk->byte_start;
      gsize len = tk->byte_end - tk->byte_start;

      /* "أعرب X عن تطلعه لاستقبال Y": his wish for his own deed */
      if (trigger != NULL && !trigger->verb && k - name_end <= 4 &&
          word_in (token (ctx, k - 1)->norm, wishes))
        return RASD_RULE_IS (EV_SPEAKER_WISH, TRUE);
      if (trigger == NULL || trigger->verb || !word_in (token (ctx, k - 1)->norm, during))
        continue;
      /* "نقل X تحيات ... خلال استقبال الملك له": له after the deed's noun and its owner is
       * the speaker, received */
      for (guint j = k + 1; j < MIN (k + 7, ctx->n_tokens) && token (ctx, j)->sentence == tk->sentence; j++)
        if (word_in (token (ctx, j)->norm, to_him))
          return RASD_RULE_IS (EV_SPEAKER_RECEIVED, TRUE);
      /* the pronoun as written (a ة normalises to ه too) */
      for (guint i = 0; pronouns[i] != NULL; i++)
        {
          gsize n = strlen (pronouns[i]);

          if (len > n + 2 && memcmp (word + len - n, pronouns[i], n) == 0)
            return k - name_end <= (strcmp (pronouns[i], "هما") == 0 ? 10u : 3u) ||
                   /* "أكد X حرص المملكة على ...، وذلك خلال استقباله Y": further on, his own
                    * deed still, where no one else is named between */
                   (!person_between (ctx, name_end, k) && RASD_RULE_IS (EV_SPEAKER_OWN_DEED_FAR, TRUE));
        }
    }
  return FALSE;
}

/* "وصل X إلى القاهرة، واستقبله Y": the person the object pronoun of the verb at @t stands for
 * (trigger_has_object()), the last person named before it in its sentence or the two before
 * who is no party of @c yet nor a spokesperson, joins @c's parties after its subject. */
void
add_object_person (Context   *ctx,
                   Candidate *c,
                   guint      t)
{
  guint s = token (ctx, t)->sentence;

  for (guint back = 0; back <= 2 && back <= s; back++)
    {
      guint n_names, best_token = 0;
      const guint *names = rasd_mention_index_sentence_names (ctx->mentions, s - back, &n_names);
      int found = -1;

      for (guint i = 0; i < n_names; i++)
        {
          const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, names[i]);

          if (name->sentence != s - back || name->first_token >= t ||
              name->kind != RASD_MENTION_PERSON || name->entity < 0 ||
              (found >= 0 && name->first_token < best_token) ||
              g_hash_table_contains (ctx->spokespeople, GINT_TO_POINTER (name->entity + 1)) ||
              rasd_event_has_participant (&(RasdEvent) { .participants = c->participants }, name->entity))
            continue;
          found = name->entity;
          best_token = name->first_token;
        }
      if (found >= 0)
        {
          RASD_RULE (EV_OBJECT_PRONOUN);
          g_array_append_val (c->participants, found);
          return;
        }
    }
}

/* "وأجرى معه X محادثات"، "وبحث X معها": whether مع with a pronoun comes near the trigger at
 * @t, within its clause (@first to @last): the pronoun is someone told of before, whom
 * add_object_person() finds. */
gboolean
with_pronoun_near (Context *ctx,
                   guint    t,
                   guint    first,
                   guint    last)
{
  static const char * const with_pronoun[] = {
    "معه", "ومعه", "معها", "ومعها", "معهما", "ومعهما", NULL
  };

  for (guint k = MAX (first, t >= 8 ? t - 8 : 0); k <= MIN (last, t + 3) && k < ctx->n_tokens; k++)
    if (k != t && word_in (token (ctx, k)->norm, with_pronoun))
      return RASD_RULE_IS (EV_WITH_PRONOUN, TRUE);
  return FALSE;
}

/* The speaker named last before the trigger verb of @c in its sentence, when the verb follows
 * أنه (he, the one who said it: "قال X إنه سيلتقي"), or -1. */
static int
speaker_of_that_he (Context         *ctx,
                    const Candidate *c)
{
  guint n_names;
  const guint *names;
  int speaker = -1;

  if (!c->trigger->verb || c->trigger_token == 0 ||
      !word_in (token (ctx, c->trigger_token - 1)->norm, rasd_extractor_that_he))
    return -1;
  names = rasd_mention_index_sentence_names (ctx->mentions, c->sentence, &n_names);
  for (guint i = 0; i < n_names; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, names[i]);

      if (name->first_token >= c->trigger_token)
        break;
      if (name->kind == RASD_MENTION_PERSON && name->entity >= 0)
        speaker = (name->flags & RASD_NER_SPEAKER) ? name->entity : -1;
    }
  return speaker;
}

/* "لقاء جمعه مع نظيره الكيني", "خلال زيارته": the other party is @topic, the
 * person the article is about. */
void
add_topic_person (Context   *ctx,
                  Candidate *c,
                  int        topic)
{
  const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, c->sentence);
  static const char * const pointers[] = { "نظيره", "نظيرها", "ونظيره", "ونظيرها", NULL };
  gboolean points = FALSE;

  if (c->participants->len != 1 || topic < 0)
    return;
  for (guint k = sentence->first_token; k < sentence->first_token + sentence->n_tokens && !points; k++)
    points = word_in (token (ctx, k)->norm, pointers);
  {
    const RasdToken *trigger = token (ctx, c->trigger_token);
    gsize len = trigger->byte_end - trigger->byte_start;

    /* a pronoun on the trigger noun: زيارته، لقائه، محادثاته; as written, since normalising
     * makes the ة of زيارة an ه too */
    if (!c->trigger->verb && len > 4 &&
        strncmp (ctx->text + trigger->byte_end - strlen ("ه"), "ه", strlen ("ه")) == 0)
      points = TRUE;
  }
  if (!points)
    return;
  /* "وقال X ...، مشيرا إلى أنه سيلتقي نظيره Y": he who says that he will is the one, and
   * نظيره his counterpart, not the article's man */
  {
    int speaker = speaker_of_that_he (ctx, c);

    if (speaker >= 0 && RASD_RULE_IS (EV_SPEAKER_THAT_HE, TRUE))
      topic = speaker;
  }
  if (topic != g_array_index (c->participants, int, 0))
    {
      RASD_RULE (EV_TOPIC_PERSON);
      g_array_prepend_val (c->participants, topic);
    }
}

/* The honorific a pronoun word stands for: سموه is one whose title has سمو or a rank so
 * addressed (أمير، ولي العهد), جلالته one with جلالة or ملك، عاهل، سلطان, فخامته one with فخامة or
 * رئيس, معاليه one with معالي or وزير, سعادته one with سعادة or سفير; -1 for other words.
 * (دولته is also "his state".) */
static const char * const honorific_pronouns[] = {
  "سموه", "سموها", "جلالته", "جلالتها", "فخامته", "معاليه", "معاليها", "سعادته", "سعادتها", NULL
};
#define HIGHNESS { "سمو", "السمو", "الامير", "امير", "ولي", NULL }
#define MAJESTY { "جلاله", "الملك", "ملك", "العاهل", "السلطان", NULL }
#define EXCELLENCY { "فخامه", "الرييس", "رييس", NULL }
#define MINISTER { "معالي", "الوزير", "وزير", NULL }
#define AMBASSADOR { "سعاده", "السفير", "سفير", NULL }
static const char * const honorific_nouns[][6] = {
  HIGHNESS, HIGHNESS, MAJESTY, MAJESTY, EXCELLENCY, MINISTER, MINISTER, AMBASSADOR, AMBASSADOR,
};

static int
honorific_of (const char *norm)
{
  for (guint i = 0; honorific_pronouns[i] != NULL; i++)
    if (strcmp (norm, honorific_pronouns[i]) == 0)
      return i;
  return -1;
}

/* The person honorific pronoun @h (honorific_of()) at token @k stands for: the last person
 * named before it in the article whose title chain (the words just before the title, as in
 * "صاحب السمو الملكي الأمير X") has the honorific, one named as attending only when no one
 * else has.  -1 when none has. */
static int
honorific_person (Context *ctx,
                  int      h,
                  guint    k)
{
  static const char * const chain[] = {
    "حضره", "صاحب", "السمو", "سمو", "الملكي", "جلاله", "فخامه", "معالي", "سعاده", "دوله", NULL
  };
  int found = -1, attendee = -1;

  for (guint i = 0; i < ctx->names->len; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, i);
      guint from;
      gboolean has = FALSE;
      gboolean attending = FALSE;

      if (name->first_token >= k)
        break;
      if (name->kind != RASD_MENTION_PERSON || name->entity < 0 ||
          g_hash_table_contains (ctx->spokespeople, GINT_TO_POINTER (name->entity + 1)))
        continue;
      from = name->title_token;
      while (from > 0 && token (ctx, from - 1)->sentence == name->sentence &&
             word_in (token (ctx, from - 1)->norm, chain))
        from--;
      for (guint j = from; j < name->first_token && !has; j++)
        has = word_in (token (ctx, j)->norm, honorific_nouns[h]);
      if (!has)
        continue;
      /* "..., بحضور صاحب السمو الأمير Y": one who attended is not whom "كما استقبل سموه"
       * goes on about, unless no one else has the honorific */
      for (guint j = rasd_tokens_get_sentence (ctx->tokens, name->sentence)->first_token;
           j < from && !attending; j++)
        {
          int other = honorific_of (token (ctx, j)->norm);

          attending = (marks_at (ctx, j) & MARK_ATTENDANCE) != 0;
          /* "وكان في وداع سموه الأمير Y": the pronoun before Y in his own sentence is another
           * man of the honorific, whom a later سموه goes on about */
          if (other >= 0 && strcmp (honorific_nouns[other][0], honorific_nouns[h][0]) == 0 &&
              RASD_RULE_IS (EV_HONORIFIC_BEFORE_NAME, TRUE))
            attending = TRUE;
        }
      if (attending)
        attendee = name->entity;
      else
        found = name->entity;
    }
  if (found < 0 && attendee >= 0)
    return attendee;
  if (attendee >= 0 && attendee != found)
    RASD_RULE (EV_HONORIFIC_NOT_ATTENDEE);
  return found;
}

/* "كما استقبل سموه X"، "وعقد فخامته اجتماعا مع سموه": an honorific pronoun just after the
 * verb at @t (just before a trigger noun) is its subject, and one after مع or right after a
 * reception's noun ("في استقبال سموه") its object: each
 * is the person honorific_person() finds, who joins @c's parties (the subject first).
 * Returns whether anyone joined. */
gboolean
add_honorific_persons (Context   *ctx,
                       Candidate *c,
                       guint      t,
                       guint      first,
                       guint      end)
{
  static const char * const with[] = { "مع", "ومع", NULL };
  static const char * const already[] = { "قد", "لقد", NULL };
  static const char * const was[] = { "كان", "وكان", NULL };
  gboolean added = FALSE;

  for (guint k = MAX (first, t > 1 ? t - 2 : 0); k < MIN (end, t + 6); k++)
    {
      int h = honorific_of (token (ctx, k)->norm), who;
      /* one word may come between: "استقبل اليوم سموه"، "عقد فخامته أمس اجتماعا"; before
       * the verb after كان or before قد: "وكان سموه قد زار" */
      gboolean subject = c->trigger->verb ?
                         (k > t && k <= t + 2) ||
                         (k < t && (word_in (token (ctx, k + 1)->norm, already) ||
                                    (k > first && word_in (token (ctx, k - 1)->norm, was)))) :
                         k < t;

      /* right after a noun of a reception, whom it received: "وكان في استقبال سموه" (after
       * a visit's noun the pronoun is the visitor told of before: "عند ختام زيارة سموه") */
      gboolean complement = !c->trigger->verb && k == t + 1 && k < end &&
                            strcmp (c->trigger->kind, "reception") == 0;

      if (h < 0 || k == t ||
          (!subject && !complement && !(k > t && word_in (token (ctx, k - 1)->norm, with))))
        continue;
      who = honorific_person (ctx, h, k);
      if (who < 0 || rasd_event_has_participant (&(RasdEvent) { .participants = c->participants }, who))
        continue;
      RASD_RULE (EV_HONORIFIC_PRONOUN);
      added = TRUE;
      if (subject)
        g_array_prepend_val (c->participants, who);
      else
        g_array_append_val (c->participants, who);
    }
  return added;
}

/* "بين الجانبين": the two sides of a deed. */
static const char * const both_sides[] = { "الجانبين", "الطرفين", NULL };

/* "وقال X إنه سيتوجه": the last speaker named before token @t in its sentence, or in the two
 * before ("وقال X ... وأضاف أنه سيتوجه"); -1 when none. */
int
last_speaker (Context *ctx,
              guint    t)
{
  guint s = token (ctx, t)->sentence, back;
  int speaker = -1;

  for (back = 0; back <= 2 && back <= s && speaker < 0; back++)
    {
      guint n_names;
      const guint *names = rasd_mention_index_sentence_names (ctx->mentions, s - back, &n_names);

      for (guint i = 0; i < n_names; i++)
        {
          const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, names[i]);

          if (name->sentence == s - back && name->first_token < t &&
              name->kind == RASD_MENTION_PERSON && name->entity >= 0 && (name->flags & RASD_NER_SPEAKER))
            speaker = name->entity;
        }
    }
  if (speaker >= 0 && back > 1)
    RASD_RULE (EV_SPEAKER_BEFORE);
  return speaker;
}

/* "وفي ختام الزيارة سيتوجه إلى الرياض": a verb of one man (masculine: not ت-, -ت, -ون, -وا, -ان) with
 * no subject of its own, going straight on to إلى, has a pronoun for its subject: the man
 * the article is about; after إنه, whatever follows the verb, the man who said it ("أعلن أنه
 * سيزور تركيا").  Returns who, or -1. */
int
pronoun_subject (Context       *ctx,
                 const Trigger *trigger,
                 guint          t,
                 const Clause  *clause,
                 int            topic)
{
  const char *verb = bare_word (ctx, t);
  const char *next;

  if (!trigger->verb || t + 1 >= clause->last_token || g_str_has_prefix (verb, "ت") ||
      g_str_has_prefix (verb, "ست") || g_str_has_suffix (verb, "ت") || g_str_has_suffix (verb, "ون") ||
      g_str_has_suffix (verb, "وا") || g_str_has_suffix (verb, "ان"))
    return -1;
  next = token (ctx, t + 1)->norm;
  /* after إنه any verb of a deed: "أعلن بوتين أنه سيزور تركيا" */
  if (t > clause->first_token && word_in (token (ctx, t - 1)->norm, rasd_extractor_that_he))
    return last_speaker (ctx, t);
  if (strcmp (next, "الي") != 0 && strcmp (next, "نحو") != 0)
    return -1;
  return topic;
}

/* "أكد X أن زيارته للمملكة ... حيث التقى خلالها Y": a visit with his pronoun right after the
 * report's أن is the speaker's, and so is the deed at @t that is that visit (its noun) or is
 * told as during it (a verb and خلالها after a such noun before it in the sentence). */
static gboolean
reported_own_visit (Context  *ctx,
                    gboolean  verb,
                    guint     t)
{
  static const char * const that[] = { "ان", "بان", "وان", NULL };
  const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, token (ctx, t)->sentence);

  if (!verb)
    return t > sentence->first_token && word_in (token (ctx, t)->norm, rasd_extractor_own_visit) &&
           word_in (token (ctx, t - 1)->norm, that);
  if (!told_during (ctx, t))
    return FALSE;
  for (guint k = sentence->first_token + 1; k < t; k++)
    if (word_in (token (ctx, k)->norm, rasd_extractor_own_visit) && word_in (token (ctx, k - 1)->norm, that))
      return TRUE;
  return FALSE;
}

/* The speaker a clause after his report's verb leaves out joins @c, whose trigger is at @t:
 * whom إنه stands for ("وقال X إن ...، مشيرا إلى أنه سيلتقي Y": the clause names Y only), or
 * one of the two sides of a deed "بين الجانبين" ("أكد X أن ...، وذلك في مؤتمر مع نظيره Y، عقب
 * جلسة مباحثات بين الجانبين"). */
void
add_reported_speaker (Context      *ctx,
                      Candidate    *c,
                      guint         t,
                      const Clause *clause)
{
  gboolean that_he = c->trigger->verb && t > clause->first_token &&
                     word_in (token (ctx, t - 1)->norm, rasd_extractor_that_he);
  gboolean both_sides_of = !c->trigger->verb && t + 2 < clause->last_token &&
                           strcmp (token (ctx, t + 1)->norm, "بين") == 0 &&
                           word_in (token (ctx, t + 2)->norm, both_sides);
  gboolean his_visit = !that_he && !both_sides_of && reported_own_visit (ctx, c->trigger->verb, t);
  int speaker = that_he ? pronoun_subject (ctx, c->trigger, t, clause, -1) :
                both_sides_of || his_visit ? last_speaker (ctx, t) : -1;

  if (speaker < 0 || rasd_event_has_participant (&(RasdEvent) { .participants = c->participants }, speaker))
    return;
  if (that_he ? RASD_RULE_IS (EV_THAT_HE_REPORTED, TRUE) :
      his_visit ? RASD_RULE_IS (EV_REPORTED_OWN_VISIT, TRUE) : RASD_RULE_IS (EV_SPEAKER_BOTH_SIDES, TRUE))
    g_array_prepend_val (c->participants, speaker);
}

/* "التقى الرئيسان"، "لقاء الزعيمين": whether a title in the dual, with no adjective of its own,
 * stands within two words of the trigger at @k in its clause [@first, @end).  *@office is the
 * office it names (رييس، وزير، ملك، امير), or NULL for one that names none (الزعيمان، الجانبان). */
gboolean
dual_near (Context     *ctx,
           guint        k,
           guint        first,
           guint        end,
           const char **office)
{
  static const struct { const char *dual; const char *office; } duals[] = {
    { "الرييسان", "رييس" }, { "الرييسين", "رييس" }, { "الوزيران", "وزير" }, { "الوزيرين", "وزير" },
    { "الملكان", "ملك" }, { "الملكين", "ملك" }, { "الاميران", "امير" }, { "الاميرين", "امير" },
    { "الزعيمان", NULL }, { "الزعيمين", NULL }, { "القايدان", NULL }, { "القايدين", NULL },
    { "الجانبان", NULL }, { "الجانبين", NULL }, { "الطرفان", NULL }, { "الطرفين", NULL },
  };

  for (guint j = MAX (first, k >= 2 ? k - 2 : 0); j < MIN (k + 3, end); j++)
    for (guint d = 0; d < G_N_ELEMENTS (duals) && j != k; d++)
      if (strcmp (token (ctx, j)->norm, duals[d].dual) == 0)
        {
          *office = duals[d].office;
          return TRUE;
        }
  return FALSE;
}

/* Whether some mention of person @entity has a title with a word containing @office (رييس in
 * الرئيس التركي). */
gboolean
titled_as (Context    *ctx,
           int         entity,
           const char *office)
{
  for (guint i = 0; i < ctx->names->len; i++)
    {
      const RasdNerName *name = &g_array_index (ctx->names, RasdNerName, i);

      if (name->entity != entity || name->kind != RASD_MENTION_PERSON)
        continue;
      for (guint j = name->title_token; j < name->first_token; j++)
        if (strstr (token (ctx, j)->norm, office) != NULL)
          return TRUE;
    }
  return FALSE;
}

/* The last candidate of @candidates with two parties exactly, or NULL; with @office, the last
 * such whose parties one at least holds that office and none another (الرئيسان are not the two
 * ministers told of last), if any. */
const Candidate *
last_pair (Context    *ctx,
           GArray     *candidates,
           const char *office)
{
  static const char * const offices[] = { "رييس", "وزير", "ملك", "امير", NULL };
  const Candidate *last = NULL;

  for (guint i = candidates->len; i > 0; i--)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i - 1);
      guint holds = 0, other = 0;

      if (c->participants->len != 2)
        continue;
      if (office == NULL)
        return c;
      if (last == NULL)
        last = c;
      for (guint p = 0; p < 2; p++)
        {
          int who = g_array_index (c->participants, int, p);

          holds += titled_as (ctx, who, office);
          for (guint o = 0; offices[o] != NULL; o++)
            other += strcmp (offices[o], office) != 0 && titled_as (ctx, who, offices[o]);
        }
      if (holds > 0 && other == 0)
        {
          if (c != last)
            RASD_RULE (EV_DUAL_OFFICE);
          return c;
        }
    }
  return last;
}

/* Whether @clause names "the guest": الضيف، الوزير الضيف، الضيف الأردني. */
gboolean
clause_names_guest (Context      *ctx,
                    const Clause *clause)
{
  for (guint k = clause->first_token; k < clause->last_token; k++)
    if (strcmp (bare_word (ctx, k), "الضيف") == 0)
      return TRUE;
  return FALSE;
}

/* The guest of the news: whom its first reception of two parties or more received, else who
 * made its first visit; -1 when it told neither. */
int
guest_of (GArray *candidates)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->role == RASD_EVENT_ROLE_HEADLINE && strcmp (c->trigger->kind, "reception") == 0 &&
          c->participants->len >= 2)
        return g_array_index (c->participants, int, 1);
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);

      if (c->role == RASD_EVENT_ROLE_HEADLINE && strcmp (c->trigger->kind, "visit") == 0 &&
          c->participants->len >= 1 && !c->tour_leg)
        return g_array_index (c->participants, int, 0);
    }
  return -1;
}

/* The last of @candidates with two parties or more, whose first two are the two a pronoun of
 * two stands for; NULL when none. */
const Candidate *
last_two (GArray *candidates)
{
  for (guint i = candidates->len; i > 0; i--)
    if (g_array_index (candidates, Candidate, i - 1).participants->len >= 2)
      return &g_array_index (candidates, Candidate, i - 1);
  return NULL;
}
