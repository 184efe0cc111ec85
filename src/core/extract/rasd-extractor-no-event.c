#define G_LOG_DOMAIN "rasd-extractor"

#include "config.h"

#include <string.h>

#include "rasd-extractor-private.h"

#include "rasd-rules.h"

/* Trigger words that tell no event where they stand: a deed denied or negated, a call that is
 * being in touch or an interview, a meeting that is a match, an arrival that is coming to
 * power.  Each is asked of a trigger the clause's loop in find_events() has found. */

/* "نفى X أن يكون Y قد التقى": a deed told after a denial and أن يكون, in the same sentence,
 * did not happen. */
static gboolean
denied (Context *ctx,
        guint    k)
{
  static const char * const denials[] = {
    "نفي", "ونفي", "نفت", "ونفت", "ينفي", "تنفي", "نافيا", "نافيه", "تنفيان", NULL
  };
  static const char * const to_be[] = { "يكون", "تكون", "يكونا", "يكونوا", NULL };
  guint s = token (ctx, k)->sentence;

  for (guint b = k; b > 0 && k - b < 8; b--)
    {
      if (token (ctx, b - 1)->sentence != s)
        return FALSE;
      if (!word_in (token (ctx, b - 1)->norm, to_be) || b < 2 || strcmp (token (ctx, b - 2)->norm, "ان") != 0)
        continue;
      for (guint d = b - 2; d > 0 && b - 2 - d < 8 && token (ctx, d - 1)->sentence == s; d--)
        if (word_in (token (ctx, d - 1)->norm, denials))
          return RASD_RULE_IS (EV_DENIED, TRUE);
      return FALSE;
    }
  return FALSE;
}

/* Whether token @j as written or without its proclitics (بملعب، لصحيفة، للصحيفة: ل + الصحيفة)
 * is one of @words. */
static gboolean
form_in (Context            *ctx,
         guint               j,
         const char * const *words)
{
  const char *norm = token (ctx, j)->norm;
  const char *forms[RASD_TOKEN_MAX_FORMS];
  guint n;

  if (4 * strlen (norm) + 8 > sizeof ctx->buffer)
    return word_in (norm, words);
  n = rasd_token_proclitic_forms (norm, forms, ctx->buffer);
  for (guint f = 0; f < n; f++)
    if (word_in (forms[f], words))
      return TRUE;
  return FALSE;
}

/* "سجل اللاعب هدف اللقاء الوحيد في الدقيقة 80"، "فاز المدرب في اللقاء الذي جمعه بالأهلي": in
 * a sentence of sport, a meeting's noun at token @k is a match, no meeting. */
gboolean
sports_match (Context       *ctx,
              const Trigger *trigger,
              guint          k)
{
  static const char * const sport_words[] = {
    "ملعب", "الملعب", "الدوري", "المباراه", "مباراه",
    "المباريات", "الشوط", "التعادل", "ركله", "ركلات", "المدرب", "مدرب", "اللاعب", "لاعب",
    "اللاعبين", "لاعبي", NULL
  };
  const RasdSentence *sentence;
  guint from, to;

  if (trigger->verb || strcmp (trigger->kind, "meeting") != 0)
    return FALSE;
  /* the words of sport stand near the noun: twelve words either side, in its sentence */
  sentence = rasd_tokens_get_sentence (ctx->tokens, token (ctx, k)->sentence);
  from = MAX (sentence->first_token, k >= 12 ? k - 12 : 0);
  to = MIN (sentence->first_token + sentence->n_tokens, k + 13);
  for (guint j = from; j < to; j++)
    {
      /* الدقيقة is "the minute" before a number, else "precise" */
      if (form_in (ctx, j, sport_words) ||
          (strcmp (token (ctx, j)->norm, "الدقيقه") == 0 && j + 1 < ctx->n_tokens &&
           g_ascii_isdigit (token (ctx, j + 1)->norm[0])))
        return TRUE;
    }
  return FALSE;
}

/* "قال X في اتصال هاتفي مع الصحيفة"، "في اتصال هاتفي للقناة": a call to a paper or a channel
 * is an interview, no call between people. */
gboolean
call_with_press (Context       *ctx,
                 const Trigger *trigger,
                 guint          k,
                 guint          end)
{
  static const char * const press[] = {
    "الصحيفه", "صحيفه", "الجريده", "جريده", "القناه", "قناه", "الموقع", "موقع", "المجله",
    "مجله", "الاذاعه", "اذاعه", "مراسل", "مراسلنا", "المحرر", NULL
  };

  if (strcmp (trigger->kind, "call") != 0)
    return FALSE;
  for (guint j = k + 1; j < MIN (end, k + 4); j++)
    if (form_in (ctx, j, press))
      return TRUE;
  return FALSE;
}

/* "لم يزر"، "لن يلتقي"، "عدم زيارة": what did not or will not happen is no event. */
gboolean
is_negated (Context *ctx,
            guint    k,
            guint    first)
{
  static const char * const particles[] = { "لم", "ولم", "فلم", "لن", "ولن", "لا", "ولا", "عدم", "وعدم", NULL };

  return (k > first && word_in (token (ctx, k - 1)->norm, particles)) || denied (ctx, k);
}

/* "ظل على اتصال وثيق بقادة التنظيم"، "قنوات الاتصال": a call noun after على or a word of
 * means, or with an adjective of lasting, is being in touch, no call. */
gboolean
in_touch (Context       *ctx,
          const Trigger *trigger,
          guint          k,
          guint          first,
          guint          end)
{
  static const char * const before[] = {
    "علي", "وعلي", "قنوات", "وسائل", "خطوط", "شبكه", "شبكات", "مراكز", "مركز", NULL
  };
  static const char * const lasting[] = {
    "وثيق", "الوثيق", "دائم", "الدائم", "مستمر", "المستمر", "متواصل", "المتواصل", "منتظم", NULL
  };

  if (trigger->verb || strcmp (trigger->kind, "call") != 0)
    return FALSE;
  return (k > first && word_in (token (ctx, k - 1)->norm, before)) ||
         (k + 1 < end && word_in (token (ctx, k + 1)->norm, lasting));
}

/* "وصل إلى الحكم"، "وصل الرئيس إلى سدة الرئاسة": a verb or noun of arriving whose إلى (a few
 * words on, in its clause) leads within two words to power or an office is coming to power,
 * not a visit. */
gboolean
comes_to_power (Context *ctx,
                guint    k,
                guint    end)
{
  static const char * const power[] = { "الحكم", "السلطه", "الرياسه", "العرش", NULL };
  guint to = k + 1;

  while (to < MIN (k + 8, end) && strcmp (token (ctx, to)->norm, "الي") != 0)
    to++;
  if (to >= MIN (k + 8, end))
    return FALSE;
  for (guint j = to + 1; j < MIN (to + 3, end); j++)
    if (word_in (token (ctx, j)->norm, power))
      return TRUE;
  return FALSE;
}

/* "وجه الرئيس الدعوة للملك للقيام بزيارة"، "دعاه فيها لزيارة": a visit someone is invited to is
 * an invitation, no event (a vague plan at most); one made at an invitation ("بدعوة من"،
 * "تلبية لدعوة") is a visit.  @k is a trigger noun of a visit. */
gboolean
invited_to (Context       *ctx,
            const Trigger *trigger,
            guint          k,
            guint          first)
{
  static const char * const invitations[] = {
    "الدعوه", "دعوه", "دعوته", "دعاه", "دعاها", "دعاهم", "دعا", "ودعا", "يدعوه", "داعيا", NULL
  };
  static const char * const answering[] = { "تلبيه", "لبي", "بدعوه", "بناء", NULL };

  if (trigger->verb || strcmp (trigger->kind, "visit") != 0)
    return FALSE;
  for (guint b = k; b > first && k - b < 8; b--)
    if (word_in (token (ctx, b - 1)->norm, invitations))
      {
        if (b >= 2 && b - 1 > first && word_in (token (ctx, b - 2)->norm, answering))
          return FALSE;
        return RASD_RULE_IS (EV_INVITED_TO, TRUE);
      }
  return FALSE;
}

/* "أشاد بحفاوة استقباله"، "حسن الاستقبال وكرم الضيافة": a reception's noun after a word of
 * praise for it is the hospitality praised, no event.  @k is a trigger noun. */
gboolean
hospitality (Context       *ctx,
             const Trigger *trigger,
             guint          k,
             guint          first)
{
  static const char * const praise[] = { "حفاوه", "حسن", "كرم", "دفء", NULL };
  const char *before;

  if (trigger->verb || strcmp (trigger->kind, "reception") != 0 || k <= first)
    return FALSE;
  before = bare_word (ctx, k - 1);
  return word_in (before, praise) && RASD_RULE_IS (EV_HOSPITALITY, TRUE);
}

/* "أصبحت تستقبل المساعدات الإنسانية"، "يستقبل المطار الرحلات": a reception verb whose object,
 * within four words (before any name), is a thing or an unnamed crowd receives no one.  @k is
 * a trigger. */
gboolean
receives_things (Context       *ctx,
                 const Trigger *trigger,
                 guint          k,
                 guint          end)
{
  static const char * const things[] = {
    "المساعدات", "مساعدات", "الشحنات", "شحنات", "الطلبات", "طلبات", "الشكاوي", "شكاوي",
    "الاتصالات", "المكالمات", "الرسايل", "رسايل", "البرقيات", "الرحلات", "رحلات", "الطايرات",
    "السفن", "البضايع", "الحجاج", "حجاج", "المعتمرين", "الزوار", "زوار", "السياح", "اللاجيين",
    "لاجيين", "النازحين", "المرضي", "الجرحي", "المصابين", "الطلاب", "الحالات", "التبرعات",
    "المتبرعين", "المراجعين", "المشاركين", NULL
  };

  if (!trigger->verb || strcmp (trigger->kind, "reception") != 0)
    return FALSE;
  for (guint j = k + 1; j < MIN (end, k + 5); j++)
    {
      if (ctx->place_begins[j] != 0 || trigger_at (ctx, j) != NULL)
        return FALSE;
      if (word_in (bare_word (ctx, j), things) || word_in (token (ctx, j)->norm, things))
        return RASD_RULE_IS (EV_RECEIVES_THINGS, TRUE);
    }
  return FALSE;
}
