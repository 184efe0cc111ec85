#define G_LOG_DOMAIN "rasd-extractor"

#include "config.h"

#include <string.h>

#include "rasd-extractor-private.h"

#include "rasd-rules.h"

/* How the extractor's candidates become events: a candidate joins the event it tells of again
 * (the same people, place and time; a recalled or pointed-at deed; a حيث clause) or makes a
 * new one. */

gboolean
dates_agree (const RasdDate *a,
             const RasdDate *b)
{
  if (a->precision == RASD_DATE_PRECISION_NONE || b->precision == RASD_DATE_PRECISION_NONE)
    return TRUE;
  return rasd_date_compatible (a, b);
}

/* Whether every participant of @a is among those of @b. */
gboolean
participants_within (GArray *a,
                     GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < b->len && !found; j++)
        found = g_array_index (a, int, i) == g_array_index (b, int, j);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* "وسبق له أن زار البلد عندما كان نائبا"، "زاره سابقا": whether the sentence of @c, up to a few
 * words past its trigger, tells of another time than the news without a date. */
static gboolean
tells_earlier_time (Context         *ctx,
                    const Candidate *c)
{
  static const char * const earlier[] = {
    "سبق", "وسبق", "سابقا", "آنذاك", "انذاك", "وقتها", "حينها", "ابان", "مرارا", NULL
  };
  static const char * const when[] = { "عندما", "حين", "حينما", "لما", "يوم", NULL };
  static const char * const was[] = { "كان", "كانت", NULL };
  const RasdSentence *sentence = rasd_tokens_get_sentence (ctx->tokens, c->sentence);
  guint end = MIN (sentence->first_token + sentence->n_tokens, c->trigger_token + 8);

  for (guint k = sentence->first_token; k < end; k++)
    {
      const char *norm = token (ctx, k)->norm;

      if (word_in (norm, earlier) ||
          (k + 1 < end && word_in (norm, when) && word_in (token (ctx, k + 1)->norm, was)) ||
          (k + 1 < end && strcmp (norm, "من") == 0 && strcmp (token (ctx, k + 1)->norm, "قبل") == 0) ||
          (k + 1 < end && strcmp (norm, "في") == 0 && strcmp (token (ctx, k + 1)->norm, "السابق") == 0))
        return TRUE;
    }
  return FALSE;
}

/* "وكان الأمير قد غادر مصر بعد زيارة التقى خلالها الرئيس": told in the pluperfect with no date
 * of its own, of the news event's people, in its place or none, is that event recalled; unless
 * the sentence tells of another time (tells_earlier_time()). */
static gboolean
recalls_news (Context         *ctx,
              const RasdEvent *event,
              const Candidate *c)
{
  return event->role == RASD_EVENT_ROLE_HEADLINE && c->role == RASD_EVENT_ROLE_BACKGROUND &&
         !c->date_stated && c->participants->len >= 1 &&
         participants_within (c->participants, event->participants) &&
         (c->place < 0 || places_agree (ctx, event->place, c->place)) &&
         !(tells_earlier_time (ctx, c) && RASD_RULE_IS (EV_EARLIER_TIME, TRUE));
}

/* Whether @a and @b are days at most two days apart. */
static gboolean
days_near (const RasdDate *a,
           const RasdDate *b)
{
  gint64 da, db;

  if (a->precision != RASD_DATE_PRECISION_DAY || b->precision != RASD_DATE_PRECISION_DAY)
    return FALSE;
  da = rasd_date_to_days (a->year, a->month, a->day);
  db = rasd_date_to_days (b->year, b->month, b->day);
  return ABS (da - db) <= 2;
}

/* "وصل أوباما مساء الجمعة إلى نيروبي" and "في اليوم الأول من زيارته السبت": a visit lasts some
 * days, so one party's visits to one city a day or two apart, the people of one within the
 * other's, are one stay. */
static gboolean
same_stay (Context         *ctx,
           const RasdEvent *event,
           const Candidate *c)
{
  return strcmp (event->kind, "visit") == 0 && strcmp (c->trigger->kind, "visit") == 0 &&
         event->place >= 0 && c->place >= 0 &&
         place_rank (rasd_extraction_get_entity (ctx->out, event->place)) == 2 &&
         event->place == c->place && days_near (&event->date, &c->date) &&
         (participants_within (c->participants, event->participants) ||
          participants_within (event->participants, c->participants));
}

static gboolean
can_merge (Context         *ctx,
           const RasdEvent *event,
           const Candidate *c)
{
  gboolean event_call = strcmp (event->kind, "call") == 0;
  gboolean cand_call = strcmp (c->trigger->kind, "call") == 0;

  /* "أجرى أوباما اتصالا هاتفيا بروحاني ... وقال إنه بحث مع نظيره": talks of the call's two
   * people told with no time of their own, after it, are what was said on the call */
  if (event_call && !cand_call && strcmp (c->trigger->kind, "talks") == 0 && !c->date_stated &&
      event->role == c->role && participants_within (c->participants, event->participants) &&
      participants_within (event->participants, c->participants))
    return RASD_RULE_IS (EV_TALKS_OF_CALL, TRUE);
  if (event_call != cand_call)
    return FALSE;
  /* a stop of a tour is a visit of its own, not where a placeless meeting happened */
  if (c->tour_leg && event->place < 0)
    return FALSE;
  /* "من المقرر أن يلتقي" within the day's visit is part of it: planned without a date of its
   * own goes with the news */
  if (event->role != c->role)
    {
      if (recalls_news (ctx, event, c))
        return RASD_RULE_IS (EV_MERGE_RECALLED, TRUE);
      /* ... and so does one of the same day; "الأسبوع المقبل" (a month to the scanner) is
       * not the day of the news */
      if (!(event->role == RASD_EVENT_ROLE_HEADLINE && c->role == RASD_EVENT_ROLE_PLANNED &&
            (!c->date_stated || (event->date.precision == RASD_DATE_PRECISION_DAY &&
                                 c->date.precision == RASD_DATE_PRECISION_DAY &&
                                 rasd_date_compatible (&event->date, &c->date)))))
        return FALSE;
      /* "وسيتوجه ظريف بعد ذلك إلى بيروت" after a reception told from مسقط: a journey on to
       * another country than the dateline's is no step of the news, whose place is untold */
      if (event->place < 0 && c->place >= 0 && ctx->dateline_place >= 0 &&
          g_strcmp0 (rasd_extraction_get_entity (ctx->out, ctx->dateline_place)->country,
                     rasd_extraction_get_entity (ctx->out, c->place)->country) != 0 &&
          RASD_RULE_IS (EV_JOURNEY_ON, TRUE))
        return FALSE;
      RASD_RULE (EV_MERGE_PLANNED);
    }
  if (same_stay (ctx, event, c))
    return RASD_RULE_IS (EV_MERGE_STAY, TRUE);
  /* "زار الوزير اليابان من 3 إلى 9 مايو ... وفي 5 مايو أجرى محادثات": talks on a day
   * of their own within the month of a visit are an event of their own (but "لقاؤهما في مايو"
   * after "التقيا في 5 مايو" is the same meeting) */
  if (c->date_stated && c->date.precision == RASD_DATE_PRECISION_DAY &&
      event->date.precision != RASD_DATE_PRECISION_NONE &&
      event->date.precision < RASD_DATE_PRECISION_DAY &&
      strcmp (event->kind, "visit") == 0 && strcmp (c->trigger->kind, "visit") != 0)
    return RASD_RULE_IS (EV_DAY_IN_VISIT, FALSE);
  if (!participants_within (c->participants, event->participants) &&
      !participants_within (event->participants, c->participants) &&
      shared_participants (c->participants, event->participants) < 2)
    return FALSE;
  return places_agree (ctx, event->place, c->place) && dates_agree (&event->date, &c->date);
}

static void
add_evidence (RasdEvent          *event,
              const RasdSentence *sentence)
{
  RasdSpan span = { sentence->start, sentence->end };

  if (event->evidence->len > 0)
    {
      RasdSpan *lastspan = &g_array_index (event->evidence, RasdSpan, event->evidence->len - 1);
      if (lastspan->start == span.start)
        return;
    }
  g_array_append_val (event->evidence, span);
}

static void
merge_into (Context         *ctx,
            RasdEvent       *event,
            const Candidate *c)
{
  for (guint i = 0; i < c->participants->len; i++)
    {
      int p = g_array_index (c->participants, int, i);
      if (!rasd_event_has_participant (event, p))
        {
          rasd_event_index_add_participant (ctx->events_by_people, event, p);
          g_array_append_val (event->participants, p);
        }
    }
  if (c->place >= 0 &&
      (event->place < 0 ||
       place_rank (rasd_extraction_get_entity (ctx->out, c->place)) >
       place_rank (rasd_extraction_get_entity (ctx->out, event->place))))
    event->place = c->place;
  if (c->date.precision > event->date.precision)
    event->date = c->date;
  /* a stay is dated by its first day, the arrival */
  else if (strcmp (event->kind, "visit") == 0 && days_near (&event->date, &c->date) &&
           rasd_date_to_days (c->date.year, c->date.month, c->date.day) <
           rasd_date_to_days (event->date.year, event->date.month, event->date.day))
    event->date = c->date;
  /* a verb says more about the kind than a noun: "visit" from زار beats "meeting" from لقاء */
  if (c->trigger->verb && strcmp (event->kind, "meeting") == 0)
    {
      if (strcmp (c->trigger->kind, "meeting") != 0)
        RASD_RULE (EV_KIND_FROM_VERB);
      event->kind = c->trigger->kind;
      event->cameo = c->trigger->cameo;
    }
  add_evidence (event, rasd_tokens_get_sentence (ctx->tokens, c->sentence));
}

static RasdEvent *
event_from (Context         *ctx,
            const Candidate *c)
{
  RasdEvent *event = rasd_event_new ();

  event->kind = c->trigger->kind;
  event->cameo = c->trigger->cameo;
  event->role = c->role;
  event->place = c->place;
  event->date = c->date;
  g_array_append_vals (event->participants, c->participants->data, c->participants->len);
  add_evidence (event, rasd_tokens_get_sentence (ctx->tokens, c->sentence));
  return event;
}


/* "وشارك في المحادثات وزراء ...": a definite noun with no verb of its own, no date and no place
 * speaks of talks already reported; who it names joined them. */
static gboolean
refers_back (Context         *ctx,
             const Candidate *c)
{
  const char *norm = token (ctx, c->trigger_token)->norm;
  const char *bare = norm;

  if (c->trigger->verb || c->date_stated || c->place >= 0 || c->role != RASD_EVENT_ROLE_HEADLINE)
    return FALSE;
  /* في المحادثات، بالمحادثات */
  if (g_str_has_prefix (bare, "و"))
    bare += strlen ("و");
  if (g_str_has_prefix (bare, "ب") || g_str_has_prefix (bare, "ل"))
    bare += strlen ("ب");
  return g_str_has_prefix (bare, "ال");
}

/* "قبل أن يقوم بهذه الزيارة", "هذا اللقاء": a trigger noun after a demonstrative, with no date
 * of its own, is an event already told, whatever tense its sentence is in. */
static gboolean
points_back (Context         *ctx,
             const Candidate *c)
{
  static const char * const demonstratives[] = {
    "هذه", "هذا", "بهذه", "بهذا", "لهذه", "لهذا", "وهذه", "وهذا", "تلك", "بتلك", "ذلك", "بذلك", NULL
  };

  return !c->trigger->verb && !c->date_stated && c->trigger_token > 0 &&
         word_in (token (ctx, c->trigger_token - 1)->norm, demonstratives);
}

/* "ويرافقه في زيارته الوزير X": a visit's noun with a pronoun (زيارته، جولتها) and no date of
 * its own is the visit already told of the one it belongs to. */
static gboolean
own_visit_noun (Context         *ctx,
                const Candidate *c)
{
  static const char * const pronouns[] = { "ته", "تها", "تهم", "تهما", NULL };
  const char *bare;

  if ((bare = bare_word (ctx, c->trigger_token)) == NULL)
    return FALSE;
  for (guint p = 0; pronouns[p] != NULL; p++)
    if (g_str_has_suffix (bare, pronouns[p]))
      return TRUE;
  return FALSE;
}

static gboolean
own_visit (Context         *ctx,
           const Candidate *c)
{
  return !c->trigger->verb && !c->date_stated && strcmp (c->trigger->kind, "visit") == 0 &&
         own_visit_noun (ctx, c);
}

/* "ويختتم الملك زيارته لمصر غدا": a visit's noun with a pronoun that a verb or noun of ending
 * governs, within five words before it in its sentence, is the visit told before, whose end
 * is the date written (no visit of its own on that day). */
static gboolean
visit_end (Context         *ctx,
           const Candidate *c)
{
  static const char * const ending[] = {
    "اختتم", "يختتم", "تختتم", "ختام", "اختتام", "ختم", "يختم", "تختم", NULL
  };

  if (c->trigger->verb || strcmp (c->trigger->kind, "visit") != 0 || !own_visit_noun (ctx, c))
    return FALSE;
  for (guint k = c->trigger_token; k > 0 && k + 5 > c->trigger_token; k--)
    {
      if (token (ctx, k - 1)->sentence != token (ctx, c->trigger_token)->sentence)
        break;
      if (word_in (bare_word (ctx, k - 1), ending))
        return TRUE;
    }
  return FALSE;
}

/* The last visit told before that has one of @c's people, in @c's place or none, among the
 * 50 events told last (a long article's thousands are not all looked at); for the end of a
 * visit, the last event of any kind but a call (the talks of the visit). */
static RasdEvent *
owned_visit (Context         *ctx,
             const Candidate *c,
             gboolean         any_kind)
{
  for (guint e = ctx->out->events->len; e > 0 && e + 50 > ctx->out->events->len; e--)
    {
      RasdEvent *event = g_ptr_array_index (ctx->out->events, e - 1);

      if ((any_kind ? strcmp (event->kind, "call") != 0 : strcmp (event->kind, "visit") == 0) &&
          shared_participants (c->participants, event->participants) > 0 &&
          (c->place < 0 || places_agree (ctx, event->place, c->place)))
        return event;
    }
  return NULL;
}

/* The first event of @c's kind that has all of @c's people, in @c's place or none: the one a
 * demonstrative points at. */
static RasdEvent *
pointed_event (Context         *ctx,
               const Candidate *c)
{
  for (guint e = 0; e < ctx->out->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (ctx->out->events, e);

      if (strcmp (event->kind, c->trigger->kind) == 0 &&
          participants_within (c->participants, event->participants) &&
          (c->place < 0 || places_agree (ctx, event->place, c->place)))
        return event;
    }
  return NULL;
}

/* Adds @c to the events of @ctx; returns the event it is now part of.  @before is the event
 * of the candidate @c follows, or NULL. */
RasdEvent *
add_candidate (Context   *ctx,
               Candidate *c,
               RasdEvent *before)
{
  RasdEvent *latest = NULL;
  gsize latest_start = 0;

  /* "وأقيمت للضيف مراسم رسمية في المطار، حيث استقبله X": a حيث clause tells more of the
   * same event, whoever it names */
  if (before != NULL && before->role == c->role &&
      (strcmp (before->kind, "call") == 0) == (strcmp (c->trigger->kind, "call") == 0) &&
      dates_agree (&before->date, &c->date))
    {
      RASD_RULE (EV_MERGE_WHERE);
      merge_into (ctx, before, c);
      return before;
    }

  /* of the events it agrees with, the first (the news) for what names no city; what names
   * its city goes with the one the text spoke of last there: a narrative goes on about what
   * it has just told ("وصل الرئيس أمس إلى روما ... وأقيمت له مراسم استقبال في مطار روما") */
  gboolean city_place = c->place >= 0 && place_rank (rasd_extraction_get_entity (ctx->out, c->place)) == 2;
  /* only the events it may be merged with, in order: not every event of a long article */
  g_autoptr(GArray) sharing = rasd_event_index_candidates (ctx->events_by_people, c->participants);

  for (guint i = 0; i < sharing->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (ctx->out->events, g_array_index (sharing, guint, i));
      gsize start = g_array_index (event->evidence, RasdSpan, event->evidence->len - 1).start;

      if (latest != NULL && (!city_place || event->place < 0 || start <= latest_start))
        continue;
      if (can_merge (ctx, event, c))
        {
          latest = event;
          latest_start = start;
        }
    }
  if (latest != NULL)
    {
      RASD_RULE (EV_MERGE);
      merge_into (ctx, latest, c);
      return latest;
    }
  /* "قمة جدة ... وكلمة للرئيس الأوكراني" and "القمة التي عقدت في جدة ... بمشاركة X": a
   * summit is its city and its days, whoever each sentence names of its many (the last
   * fifty events looked at: bounded in an article of thousands) */
  if (strcmp (c->trigger->kind, "summit") == 0 && c->place >= 0 &&
      place_rank (rasd_extraction_get_entity (ctx->out, c->place)) == 2)
    for (guint e = ctx->out->events->len; e > 0 && e + 50 > ctx->out->events->len; e--)
      {
        RasdEvent *event = g_ptr_array_index (ctx->out->events, e - 1);

        if (strcmp (event->kind, "summit") == 0 && event->place == c->place && event->role == c->role &&
            dates_agree (&event->date, &c->date) && RASD_RULE_IS (EV_SAME_SUMMIT, TRUE))
          {
            merge_into (ctx, event, c);
            return event;
          }
      }
  if (points_back (ctx, c) && (latest = pointed_event (ctx, c)) != NULL)
    {
      RASD_RULE (EV_POINTS_BACK);
      merge_into (ctx, latest, c);
      return latest;
    }
  if (own_visit (ctx, c) && (latest = owned_visit (ctx, c, FALSE)) != NULL)
    {
      RASD_RULE (EV_OWN_VISIT);
      merge_into (ctx, latest, c);
      return latest;
    }
  if (visit_end (ctx, c) && (latest = owned_visit (ctx, c, TRUE)) != NULL)
    {
      RASD_RULE (EV_VISIT_END);
      merge_into (ctx, latest, c);
      return latest;
    }
  if (refers_back (ctx, c))
    {
      gboolean call = strcmp (c->trigger->kind, "call") == 0;
      RasdEvent *other = NULL;

      for (guint e = ctx->out->events->len; e > 0; e--)
        {
          RasdEvent *event = g_ptr_array_index (ctx->out->events, e - 1);

          if (event->role != RASD_EVENT_ROLE_HEADLINE)
            continue;
          if (strcmp (event->kind, c->trigger->kind) == 0)
            {
              RASD_RULE (EV_REFERS_BACK);
              merge_into (ctx, event, c);
              return event;
            }
          /* "الاجتماع" after a visit was told: the meeting of that visit */
          if (other == NULL && (strcmp (event->kind, "call") == 0) == call)
            other = event;
        }
      if (other != NULL)
        {
          RASD_RULE (EV_REFERS_BACK);
          merge_into (ctx, other, c);
          return other;
        }
    }
  g_ptr_array_add (ctx->out->events, event_from (ctx, c));
  rasd_event_index_add_event (ctx->events_by_people, ctx->out->events->len - 1);
  return g_ptr_array_index (ctx->out->events, ctx->out->events->len - 1);
}

/* "استقبل X أمس Y ... كما استقبل سموه Z": when every dated deed of the news (its headline
 * events) is of one day, the day before the publication, that is the news's day,
 * and a deed of the news told with no time is of it too, not of the day the paper came out.
 * An unknown date when the news has no such day. */
static RasdDate
news_day_before (Context *ctx)
{
  RasdDate day = { 0 };
  gint64 pub, lag;

  if (ctx->publication.precision != RASD_DATE_PRECISION_DAY)
    return day;
  for (guint e = 0; e < ctx->out->events->len; e++)
    {
      const RasdEvent *event = g_ptr_array_index (ctx->out->events, e);

      if (event->role != RASD_EVENT_ROLE_HEADLINE || event->date.precision == RASD_DATE_PRECISION_NONE)
        continue;
      if (event->date.precision != RASD_DATE_PRECISION_DAY ||
          (day.precision != RASD_DATE_PRECISION_NONE && rasd_date_compare (&day, &event->date) != 0))
        return (RasdDate) { 0 };
      day = event->date;
    }
  if (day.precision == RASD_DATE_PRECISION_NONE)
    return day;
  pub = rasd_date_to_days (ctx->publication.year, ctx->publication.month, ctx->publication.day);
  lag = pub - rasd_date_to_days (day.year, day.month, day.day);
  return lag == 1 ? day : (RasdDate) { 0 };
}

/* The news itself happened when it was published, unless a sentence says otherwise, or on
 * the news's day (news_day_before()). */
void
date_the_news (Context *ctx)
{
  RasdDate news_day;

  if (ctx->publication.precision == RASD_DATE_PRECISION_NONE)
    return;
  news_day = news_day_before (ctx);
  for (guint e = 0; e < ctx->out->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (ctx->out->events, e);

      if (event->role != RASD_EVENT_ROLE_HEADLINE || event->date.precision != RASD_DATE_PRECISION_NONE)
        continue;
      if (news_day.precision == RASD_DATE_PRECISION_DAY && RASD_RULE_IS (EV_NEWS_DAY, TRUE))
        event->date = news_day;
      else
        {
          RASD_RULE (EV_PUBLICATION_DATE);
          event->date = ctx->publication;
        }
    }
}
