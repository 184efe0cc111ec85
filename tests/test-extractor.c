#include "config.h"

#include <string.h>

#include "rasd-extractor.h"
#include "rasd-rules.h"

/* The extractor on short texts written for these tests: names with titles, clitics and
 * coreference, places, dates, and events merged within an article. */

static RasdExtractor *
extractor (void)
{
  g_autoptr(GError) error = NULL;
  RasdExtractor *self = rasd_extractor_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (self);
  return self;
}

static RasdExtraction *
run (const char *text,
     const char *publication)
{
  RasdDate pub = { 0 };

  if (publication != NULL)
    g_assert_true (rasd_date_parse_iso (publication, &pub));
  return rasd_extractor_extract (extractor (), text, publication != NULL ? &pub : NULL);
}

/* How often @rule decides something in the extraction of @text: a rule's test shows that the
 * rule itself, not another, gives what it asserts. */
static guint
rule_hits (const char *text,
           const char *publication,
           RasdRule    rule)
{
  guint hits[RASD_N_RULES] = { 0 };
  g_autoptr(RasdExtraction) x = NULL;

  rasd_rules_count (hits);
  x = run (text, publication);
  rasd_rules_count (NULL);
  return hits[rule];
}

/* The entity of the first mention of @kind covering the text @surface. */
static RasdEntity *
mention_entity (RasdExtraction  *x,
                const char      *text,
                RasdMentionKind  kind,
                const char      *surface)
{
  const char *at = strstr (text, surface);
  glong start;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  for (guint m = 0; m < x->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (x->mentions, RasdMention, m);

      if (mention->kind == kind && mention->start <= (gsize) start && mention->end > (gsize) start &&
          mention->entity >= 0)
        return rasd_extraction_get_entity (x, mention->entity);
    }
  return NULL;
}

static gboolean
event_has (RasdExtraction *x,
           RasdEvent      *event,
           const char     *key)
{
  for (guint p = 0; p < event->participants->len; p++)
    if (strcmp (rasd_extraction_get_entity (x, g_array_index (event->participants, int, p))->key, key) == 0)
      return TRUE;
  return FALSE;
}

static const char *
event_place_en (RasdExtraction *x,
                RasdEvent      *event)
{
  return event->place >= 0 ? rasd_extraction_get_entity (x, event->place)->name_en : NULL;
}

static char *
event_date (RasdEvent *event)
{
  return rasd_date_to_iso (&event->date);
}

static void
test_names_titles_and_clitics (void)
{
  const char *text = "استقبل رئيس الوزراء الهندي ناريندرا مودي في نيودلهي وزير الخارجية الصيني وانغ يي.\n"
                     "وقال رئيس الوزراء الهندي إن المحادثات صريحة، ونوه بمودي معلقون في بكين.";
  g_autoptr(RasdExtraction) x = run (text, "2019-03-02");
  RasdEntity *e;

  e = mention_entity (x, text, RASD_MENTION_PERSON, "ناريندرا مودي");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Narendra Modi");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "وانغ يي");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->country, ==, "CN");
  /* a proclitic on a known name */
  e = mention_entity (x, text, RASD_MENTION_PERSON, "بمودي");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Narendra Modi");
  /* the role alone resolves to the person the article named with it */
  e = mention_entity (x, text, RASD_MENTION_PERSON, "رئيس الوزراء الهندي إن");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Narendra Modi");
  e = mention_entity (x, text, RASD_MENTION_PLACE, "نيودلهي");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->country, ==, "IN");
  g_assert_cmpstr (e->place_kind, ==, "city");
}

static void
test_unknown_names_and_surnames (void)
{
  /* names no lexicon has: after a role, and then by the family name alone */
  const char *text = "التقى وزير الزراعة التشادي محمود عبدالكريم الدوسري بنظيره النيجري في نيامي أمس.\n"
                     "وأكد الدوسري أن اللقاء كان مثمرا.";
  g_autoptr(RasdExtraction) x = run (text, "2021-05-10");
  RasdEntity *full, *alone;

  full = mention_entity (x, text, RASD_MENTION_PERSON, "محمود عبدالكريم الدوسري");
  g_assert_nonnull (full);
  g_assert_cmpstr (full->name, ==, "محمود عبدالكريم الدوسري");
  g_assert_true (g_str_has_prefix (full->key, "name:"));
  alone = mention_entity (x, text, RASD_MENTION_PERSON, "الدوسري أن");
  g_assert_nonnull (alone);
  g_assert_cmpstr (alone->key, ==, full->key);
  /* the role and the preposition are not part of the name */
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "وزير الزراعة"));
}

static void
test_unknown_name_after_title (void)
{
  /* an organisation ends where a title begins; after بن comes the father's name (علي, not the
   * preposition على); a preposition on a word of every day (بجهود) joins no name, and the
   * first name after a title is the person named in full before */
  const char *text = "واستقبل محافظ المدينة المهندس خالد بن ناصر العتيبي مدير فرع وزارة التعليم "
                     "الدكتور سالم بن علي القحطاني.\nوأشاد المهندس خالد بجهود القحطاني.";
  g_autoptr(RasdExtraction) x = run (text, "2021-05-10");
  RasdEntity *e, *host;

  g_assert_nonnull (mention_entity (x, text, RASD_MENTION_ORGANISATION, "وزارة التعليم"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_ORGANISATION, "الدكتور سالم"));
  e = mention_entity (x, text, RASD_MENTION_PERSON, "سالم بن علي القحطاني");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "سالم بن علي القحطاني");
  host = mention_entity (x, text, RASD_MENTION_PERSON, "خالد بن ناصر العتيبي");
  g_assert_nonnull (host);
  g_assert_cmpstr (host->name, ==, "خالد بن ناصر العتيبي");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "خالد بجهود");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, ==, host->key);
  e = mention_entity (x, text, RASD_MENTION_PERSON, "القحطاني.");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "سالم بن علي القحطاني");

  /* a father's name that is also a nationality (تركي) goes on the name, and the person of the
   * lexicon whose name ends it (تركي الفيصل) is not named */
  {
    const char *sport = "وحضر المباراة الأمير عبدالعزيز بن تركي الفيصل وزير الرياضة.";
    g_autoptr(RasdExtraction) y = run (sport, "2021-05-10");

    e = mention_entity (y, sport, RASD_MENTION_PERSON, "عبدالعزيز بن تركي");
    g_assert_nonnull (e);
    g_assert_cmpstr (e->name, ==, "عبدالعزيز بن تركي الفيصل");
    g_assert_true (mention_entity (y, sport, RASD_MENTION_PERSON, "تركي الفيصل") == e);
  }
}

static void
test_title_of_country_k (void)
{
  /* a country after a title is the title's even when it begins like a proclitic (ك of
   * كازاخستان), and the person after it is the titled one, not a role left for someone else */
  const char *text = "وصل رئيس كازاخستان قاسم جومارت توكاييف أمس إلى الرياض.\n"
                     "وقال رئيس مجلس الوزراء الإيطالي جوزيبي كونتي إن بلاده ترحب.";
  g_autoptr(RasdExtraction) x = run (text, "2021-05-10");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "قاسم جومارت");
  RasdEntity *role = mention_entity (x, text, RASD_MENTION_PERSON, "رئيس كازاخستان");

  g_assert_nonnull (e);
  g_assert_true (role == NULL || role == e);
  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (x->events, 0))->participants->len, ==, 1);

  /* one word of an organisation's name right after a place is the place's adjective (مصر
   * العربية), not the channel العربية; alone, or after قناة, it is the channel */
  {
    const char *egypt = "وصل رئيس جمهورية مصر العربية عبد الفتاح السيسي إلى الرياض، وقالت قناة "
                        "العربية إن الزيارة تستمر يومين.";
    g_autoptr(RasdExtraction) y = run (egypt, "2021-05-10");

    g_assert_null (mention_entity (y, egypt, RASD_MENTION_ORGANISATION, "العربية عبد"));
    g_assert_nonnull (mention_entity (y, egypt, RASD_MENTION_ORGANISATION, "العربية إن"));
  }
}

static void
test_nationality_surname (void)
{
  /* a family name that is also a nationality names the person after a verb, and is the
   * adjective after a noun */
  const char *text = "التقى رئيس الوزراء العراقي محمد شياع السوداني أمس في بغداد وزير الخارجية الأردني "
                     "أيمن الصفدي.\nوقال السوداني إن المحادثات تناولت أمن الحدود، فيما أشاد الجانب "
                     "السوداني بالمبادرة.";
  g_autoptr(RasdExtraction) x = run (text, "2023-09-10");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "محمد شياع");

  g_assert_nonnull (e);
  g_assert_true (mention_entity (x, text, RASD_MENTION_PERSON, "السوداني إن") == e);
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "السوداني بالمبادرة"));
}

static void
test_unknown_name_initial_fa (void)
{
  /* ف and ك begin names (كوستاس، فيليبوس) far more often than they join one: the name keeps
   * them; و before it is dropped */
  const char *text = "التقى رئيس الوزراء اليوناني كوستاس فاسيليو أمس في أثينا نظيره القبرصي فيليبوس "
                     "ماركيدس.\nوأشاد فاسيليو بالعلاقات، وأكد وفيليبوس ماركيدس أهمية التعاون.";
  g_autoptr(RasdExtraction) x = run (text, "2021-05-10");
  RasdEntity *e;

  e = mention_entity (x, text, RASD_MENTION_PERSON, "كوستاس فاسيليو");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "كوستاس فاسيليو");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "فيليبوس ماركيدس");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "فيليبوس ماركيدس");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "وفيليبوس ماركيدس");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "فيليبوس ماركيدس");
}

static void
test_name_words (void)
{
  /* a first name that reads as a proclitic and a verb (ف + يصل) is a name and reports no
   * visit; a proclitic before a hamza (بأول) is no name of the lexicon (باول) */
  const char *text = "وفي أبريل 2019، عين فيصل بن سعد الحربي وزيرا للمالية، وقام بأول زيارة إلى القاهرة في مايو 2019.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEntity *e;
  RasdEvent *event;
  g_autofree char *date = NULL;

  e = mention_entity (x, text, RASD_MENTION_PERSON, "فيصل بن سعد الحربي");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "فيصل بن سعد الحربي");
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "بأول"));
  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (event->kind, ==, "visit");
  g_assert_cmpuint (event->participants->len, ==, 1);
  g_assert_true (event_has (x, event, "name:فيصل بن سعد الحربي"));
  /* the date nearest the visit, not the one nearest the name */
  date = event_date (event);
  g_assert_cmpstr (date, ==, "2019-05");
}

static void
test_open_roles (void)
{
  /* a minister of one thing is not the minister of another: the role "وزير الدفاع" does not
   * stand for the minister of agriculture named before */
  const char *text = "التقى رئيس الوزراء الكندي جاستن ترودو وزير الزراعة الكندي مارك فيشر.\n"
                     "وقال وزير الدفاع الكندي إن الجيش مستعد، وأكد وزير الزراعة الكندي أن المحصول وفير.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEntity *e;

  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "وزير الدفاع"));
  e = mention_entity (x, text, RASD_MENTION_PERSON, "وزير الزراعة الكندي أن");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "مارك فيشر");
}

static void
test_named_for (void)
{
  /* whom greetings are from or to takes no part (a list of them too), and a name that begins
   * with ال before بن is a name, not a complement of the title before it */
  const char *text = "في الدوحة أمس استقبل تميم بن حمد أمير دولة قطر وزير الخارجية الأردني أيمن الصفدي.\n"
                     "وفي بداية الاستقبال نقل الوزير تحيات الملك عبد الله الثاني، وولي العهد الأمير الحسين بن "
                     "عبد الله، فيما حمله أمير قطر تحياته للملك عبد الله الثاني.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *event;
  RasdEntity *e;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, "tamim-bin-hamad"));
  g_assert_true (event_has (x, event, "ayman-safadi"));
  g_assert_false (event_has (x, event, "abdullah-ii"));
  g_assert_cmpuint (event->participants->len, ==, 2);
  e = mention_entity (x, text, RASD_MENTION_PERSON, "الحسين بن");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "الحسين بن عبد الله");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_NAMED_FOR), >=, 3);
  /* the role right after تميم's name is his, not the prince named later */
  e = mention_entity (x, text, RASD_MENTION_PERSON, "أمير دولة");
  g_assert_true (e == NULL || strcmp (e->key, "tamim-bin-hamad") == 0);
}

static void
test_short_names (void)
{
  /* a family name in ة after a known first name; عمان of a Jordanian story is Amman, not Oman
   * (the name itself does not count as a mention of Oman); a first name alone after a title is
   * the one person of the article with that first name */
  const char *text = "واجتمع وزير الزراعة الأردني سامي نعمة في عمان أمس مع وفد تجاري.\n"
                     "التقى الأمير خالد بن فهد السفير الياباني في الرياض.\n"
                     "وقال الأمير خالد إن التعاون مثمر.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEntity *e;

  e = mention_entity (x, text, RASD_MENTION_PERSON, "سامي");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "سامي نعمة");
  e = mention_entity (x, text, RASD_MENTION_PLACE, "عمان");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Amman");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "خالد إن");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "خالد بن فهد");
  g_assert_cmpuint (rule_hits (text, NULL, RASD_RULE_NER_FIRST_NAME_OF), ==, 1);
}

static void
test_spelling_variants (void)
{
  /* one person in two spellings: غ and ج in a transliterated name the lexicon lacks, and a
   * name of the lexicon written without its ال */
  const char *text = "التقى وزير التجارة الكيني جون موانجي وفدا أردنيا في عمان.\n"
                     "وقال وزير الصناعة جون موانغي إن الاتفاق قريب.\n"
                     "وكان الملك حسين بن طلال قد زار لندن.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEntity *a, *b;

  a = mention_entity (x, text, RASD_MENTION_PERSON, "جون موانجي");
  b = mention_entity (x, text, RASD_MENTION_PERSON, "جون موانغي");
  g_assert_nonnull (a);
  g_assert_true (a == b);
  a = mention_entity (x, text, RASD_MENTION_PERSON, "حسين بن طلال");
  g_assert_nonnull (a);
  g_assert_cmpstr (a->key, ==, "hussein-bin-talal");
  g_assert_cmpuint (rule_hits (text, NULL, RASD_RULE_NER_SPELLING_VARIANT), ==, 1);
  g_assert_cmpuint (rule_hits (text, NULL, RASD_RULE_NER_SAME_PERSON), ==, 1);
}

static void
test_title_to_other (void)
{
  /* "استقبال رئيس الوزراء الهندي لصاحب السمو الأمير": the role is the host's; the title with ل
   * begins the guest, who does not take the host's role */
  const char *text = "استقبل رئيس الوزراء الهندي ناريندرا مودي في نيودلهي أمس الأمير خالد بن فهد.\n"
                     "وجرى ذلك خلال استقبال رئيس الوزراء الهندي لصاحب السمو الأمير خالد بن فهد في مكتبه.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *e;

  e = mention_entity (x, text, RASD_MENTION_PERSON, "رئيس الوزراء الهندي لصاحب");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, ==, "narendra-modi");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_TITLE_TO_OTHER), ==, 1);
}

static void
test_adjectives_and_cities (void)
{
  /* a nationality adjective alone is no person's surname of the lexicon (السوداني), and a city of
   * two words is no man with a first name (إسلام أباد) */
  const char *text = "والتقى الوفد السوداني بمسؤولين في الخرطوم، وقال إن السوداني لا يقبل التدخل.\n"
                     "وعقدت المحادثات قرب إسلام أباد أمس.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEntity *e;

  for (guint m = 0; m < x->mentions->len; m++)
    g_assert_cmpint (g_array_index (x->mentions, RasdMention, m).kind, !=, RASD_MENTION_PERSON);
  e = mention_entity (x, text, RASD_MENTION_PLACE, "إسلام أباد");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Islamabad");
  g_assert_cmpuint (rule_hits (text, NULL, RASD_RULE_NER_PLACE_NOT_NAME), ==, 1);
}

static void
test_phrases_not_people (void)
{
  /* words that sit after a title are no name when news never names anyone with them (إثر،
   * قوات), nor is a verb in the past of a woman (رحبت) the first word of the name after it */
  const char *text = "التقى الرئيس إثر انهيار المفاوضات بالوفد الزائر.\n"
                     "وقال قائد قوات الحلف إن العمليات مستمرة.\n"
                     "رحبت ماريا لوبيز، وزيرة الخارجية الإسبانية، بالاتفاق.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEntity *e;

  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "إثر"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "قوات"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "رحبت"));
  e = mention_entity (x, text, RASD_MENTION_PERSON, "ماريا");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "ماريا لوبيز");
  g_assert_cmpuint (rule_hits (text, NULL, RASD_RULE_NER_COMMON_NOT_NAME), >=, 3);

  /* a month is no first name: "شعبان المقبل" and "25 رمضان 1436هـ" are dates */
  {
    const char *month = "ومن المقرر أن يزور وزير الخارجية الأردني أيمن الصفدي جدة في شعبان المقبل.\n"
                        "وأقيم الحفل يوم 25 رمضان 1436هـ في عمّان.";
    g_autoptr(RasdExtraction) y = run (month, "2015-05-02");

    g_assert_null (mention_entity (y, month, RASD_MENTION_PERSON, "شعبان"));
    g_assert_null (mention_entity (y, month, RASD_MENTION_PERSON, "رمضان"));
    g_assert_cmpuint (rule_hits (month, "2015-05-02", RASD_RULE_NER_DATE_NOT_NAME), >=, 1);
  }
}

static void
test_tagger_gates_names (void)
{
  /* a first name and the words after it are a name the lexicon lacks only where the trained
   * tagger reads one: "good neighbourliness" and "I will be able" are phrases, the adviser's
   * name is a name */
  const char *text = "وأكد الجانبان أن حسن الجوار أساس العلاقات بين البلدين.\n"
                     "وقال الوزير إنه أمين على ما اتفق عليه، وأضاف: سأكون قادرا على العودة.\n"
                     "وصرح مستشار الشؤون الأمنية جمال حسن الزعبي للصحفيين أمس.";
  g_autoptr(RasdExtraction) x = run (text, "2022-03-01");
  RasdEntity *e;

  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "حسن الجوار"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "أمين على"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "سأكون"));
  e = mention_entity (x, text, RASD_MENTION_PERSON, "جمال حسن الزعبي");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "جمال حسن الزعبي");
  g_assert_cmpuint (rule_hits (text, "2022-03-01", RASD_RULE_NER_UNTAGGED_NOT_NAME), >=, 1);
}

static void
test_unknown_name_ends (void)
{
  /* past where the tagger ends a name, a word of every day with a preposition or a verb's
   * prefix (بـ، يـ، أفعل) is not part of it */
  const char *text = "وقدمت الفنانة سلوى خطاب برنامجا للأطفال، كما شارك الفنان هشام سليم بمسرحية جديدة.\n"
                     "وسجل المهاجم الفرنسي كريم بنزيمة بمجهود فردي الهدف الثاني.\n"
                     "القاهرة - كتب سامح عادل : نبيل فهمي أوفد مندوبا عنه إلى الاجتماع.\n"
                     /* a chain of fathers is one name, however long */
                     "واستقبل الشيخ سلطان بن محمد بن سلطان آل نهيان الوفد الزائر.\n"
                     /* the month after شهر is no man named رمضان */
                     "وتبث القناة خلال شهر رمضان المبارك في العاشرة مساء برنامجا يوميا.\n"
                     /* a rank alone is a common noun: the team, not the administrator */
                     "وقال إداري الفريق خالد منصور إن الفريق جاهز للمباراة، وإن جماهير الفريق ستحضر بكثافة.\n"
                     /* the rest of عبد and a king's number are no family names: God, the second day */
                     "وخطب الشيخ محمد بن عبد الله في المصلين، وقال إن الله أمر بالعدل.\n"
                     "والتقى العاهل الأردني الملك عبدالله الثاني الوفد، وفي اليوم الثاني زار الوفد البتراء.\n"
                     "وقال حسن نصر الله إن المقاومة مستمرة بإذن الله.";
  g_autoptr(RasdExtraction) x = run (text, "2023-04-01");
  RasdEntity *e;

  e = mention_entity (x, text, RASD_MENTION_PERSON, "هشام سليم");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "هشام سليم");
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "بمسرحية"));
  e = mention_entity (x, text, RASD_MENTION_PERSON, "كريم بنزيمة");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "كريم بنزيمة");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "نبيل فهمي");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "نبيل فهمي");
  g_assert_cmpuint (rule_hits (text, "2023-04-01", RASD_RULE_NER_TAGGED_END), >=, 2);

  e = mention_entity (x, text, RASD_MENTION_PERSON, "سلطان بن محمد");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "سلطان بن محمد بن سلطان آل نهيان");
  /* the grandfather's name inside it is no second person */
  g_assert_true (mention_entity (x, text, RASD_MENTION_PERSON, "سلطان آل نهيان") == e);

  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "رمضان"));
  g_assert_cmpuint (rule_hits (text, "2023-04-01", RASD_RULE_NER_MONTH_NOT_NAME), >=, 1);

  e = mention_entity (x, text, RASD_MENTION_PERSON, "خالد منصور");
  g_assert_nonnull (e);
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "الفريق جاهز"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "الفريق ستحضر"));

  g_assert_nonnull (mention_entity (x, text, RASD_MENTION_PERSON, "محمد بن عبد الله"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "الله أمر"));
  g_assert_nonnull (mention_entity (x, text, RASD_MENTION_PERSON, "عبدالله الثاني"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "الثاني زار"));
  g_assert_nonnull (mention_entity (x, text, RASD_MENTION_PERSON, "حسن نصر الله"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "الله."));
  g_assert_cmpuint (rule_hits (text, "2023-04-01", RASD_RULE_NER_NOT_SURNAME), >=, 3);
}

static void
test_tagged_people (void)
{
  /* a person the trained tagger reads, though no first name or title the lexicon knows
   * introduces him, is a name; his surname alone names him again */
  const char *text = "وحذر تورستن كلاوسن من تعثر المفاوضات، وقال كلاوسن إن الوقت ينفد.\n"
                     "وأشاد ماتياس هولمبرغ بالاتفاق الذي وقعه البلدان أمس.\n"
                     /* a title is no person, whatever the tagger reads */
                     "ثم التقى ولي العهد الوفد في قصر الرئاسة.";
  g_autoptr(RasdExtraction) x = run (text, "2023-04-01");
  RasdEntity *e;

  e = mention_entity (x, text, RASD_MENTION_PERSON, "تورستن كلاوسن");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "تورستن كلاوسن");
  g_assert_true (mention_entity (x, text, RASD_MENTION_PERSON, "كلاوسن إن") == e);
  e = mention_entity (x, text, RASD_MENTION_PERSON, "ماتياس هولمبرغ");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "ماتياس هولمبرغ");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "ولي العهد");
  g_assert_true (e == NULL || !g_str_has_prefix (e->key, "name:"));
  g_assert_cmpuint (rule_hits (text, "2023-04-01", RASD_RULE_NER_TAGGED_PERSON), >=, 2);
}

static void
test_first_name_of_titled_person (void)
{
  /* a king by his first name in the headline and in full below is one person, whose lexicon
   * name begins with his title (الملك): one meeting, not two */
  const char *text = "الملك سلمان يبحث مع مودي التعاون الاقتصادي\n\n"
                     "الرياض - التقى الملك سلمان بن عبدالعزيز أمس الاثنين رئيس الوزراء الهندي "
                     "ناريندرا مودي وعقدا محادثات مطولة في قصر اليمامة.";
  g_autoptr(RasdExtraction) x = run (text, "2019-02-19");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "سلمان يبحث");

  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, ==, "salman-bin-abdulaziz");
  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpuint (rule_hits (text, "2019-02-19", RASD_RULE_NER_SAME_PERSON), >=, 1);
}

static void
test_derived_place_not_person (void)
{
  /* a site the gazetteer has is no person, though the derived lexicon lists it */
  const char *text = "وأعلن البيت الأبيض أمس أن الرئيس الأمريكي جو بايدن سيلتقي ولي العهد السعودي "
                     "الأمير محمد بن سلمان في جدة.";
  g_autoptr(RasdExtraction) x = run (text, "2022-07-10");
  RasdEntity *e;

  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "البيت الأبيض"));
  e = mention_entity (x, text, RASD_MENTION_PLACE, "البيت الأبيض");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->country, ==, "US");
  g_assert_cmpuint (rule_hits (text, "2022-07-10", RASD_RULE_NER_DERIVED_PLACE), ==, 1);
}

static void
test_no_event_negated_or_power (void)
{
  /* coming to power is no visit, and what will not happen is no event */
  const char *power = "ووصل الرئيس المصري عبد الفتاح السيسي إلى الحكم في يونيو 2014.";
  const char *negated = "ولن يلتقي الرئيس الفرنسي إيمانويل ماكرون نظيره الجزائري عبد المجيد تبون في وهران يوم الخميس.";
  g_autoptr(RasdExtraction) x = run (power, "2020-01-01");
  g_autoptr(RasdExtraction) y = run (negated, "2022-08-20");

  g_assert_cmpuint (x->events->len, ==, 0);
  g_assert_cmpuint (rule_hits (power, "2020-01-01", RASD_RULE_EV_TO_POWER), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 0);
  g_assert_cmpuint (rule_hits (negated, "2022-08-20", RASD_RULE_EV_NEGATED), ==, 1);
}

static void
test_recalled_and_stay (void)
{
  /* the news visit recalled in the pluperfect with no date of its own is the same visit */
  const char *recalled = "استقبل الرئيس التونسي قيس سعيد في قصر قرطاج بتونس أمس الأحد الرئيس الجزائري "
                         "عبد المجيد تبون.\n"
                         "وكان الرئيس الجزائري عبد المجيد تبون قد غادر تونس بعد زيارة عمل التقى خلالها "
                         "الرئيس التونسي قيس سعيد وعددا من المسؤولين.";
  /* the visit's Saturday and its arrival on Friday, told after it, are one stay, dated by the
   * arrival */
  const char *stay = "بدأ الرئيس الفرنسي إيمانويل ماكرون السبت زيارته إلى وهران بجولة في المدينة القديمة.\n"
                     "وكان ماكرون وصل مساء الجمعة إلى وهران، حيث كان في استقباله الرئيس الجزائري "
                     "عبد المجيد تبون.";
  g_autoptr(RasdExtraction) x = run (recalled, "2023-06-12");
  g_autoptr(RasdExtraction) y = run (stay, "2022-08-28");
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpuint (rule_hits (recalled, "2023-06-12", RASD_RULE_EV_MERGE_RECALLED), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  date = event_date (g_ptr_array_index (y->events, 0));
  g_assert_cmpstr (date, ==, "2022-08-26");
  g_assert_cmpuint (rule_hits (stay, "2022-08-28", RASD_RULE_EV_MERGE_STAY), ==, 1);
}

static void
test_compound_names (void)
{
  /* the word after عبد is the rest of one name: it may end in ه (الله), begin with ال
   * (الرحمن), or be a place too (جمال); such a name does not count twice towards the limit */
  const char *text = "التقى وزير الخارجية اللبناني عبد الله بو حبيب نظيره الأردني أمس.\n"
                     "واستقبل عبد الرحمن بن ناصر العتيبي، وزير الداخلية الكويتي، السفير الفرنسي.\n"
                     "واجتمع الرئيس العراقي عبد اللطيف جمال رشيد مع نوري أبو زيد في بغداد.";
  g_autoptr(RasdExtraction) x = run (text, "2021-05-02");
  const char *names[] = { "عبد الله بو حبيب", "عبد الرحمن بن ناصر العتيبي", "عبد اللطيف جمال رشيد" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, names[n]);

      g_assert_nonnull (e);
      g_assert_cmpstr (e->name, ==, names[n]);
    }
  g_assert_cmpuint (rule_hits (text, "2021-05-02", RASD_RULE_NER_ABD_COMPOUND), >=, 3);
}

static void
test_role_before_comma_name (void)
{
  /* "وزير الخارجية المغربي السابق، كريم الفاسي": the role is the name's after the comma, not
   * that of the minister named before */
  const char *text = "استقبل رئيس الوزراء الإسباني بيدرو سانشيز وزير الخارجية المغربي ناصر بوريطة في مدريد أمس.\n"
                     "وقال وزير الخارجية المغربي السابق، كريم الفاسي، إن الحوار مفيد للبلدين.";
  g_autoptr(RasdExtraction) x = run (text, "2021-05-02");
  RasdEntity *e;

  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "وزير الخارجية المغربي السابق"));
  e = mention_entity (x, text, RASD_MENTION_PERSON, "كريم الفاسي");
  g_assert_nonnull (e);
}

static void
test_roles_at_home (void)
{
  /* news from Manama (a dateline with في before its date): the king of no country is the
   * king at home though the Jordanian one is named more; "بالمملكة الأردنية الهاشمية" is the
   * minister's country, so "الوزير الأردني" is him; the foreign minister named with no
   * country is the one at home, and "نظيره الأردني" his Jordanian counterpart */
  const char *text = "المنامة في 5 مايو / بنا / استقبل حضرة صاحب الجلالة الملك حمد بن عيسى آل خليفة "
                     "اليوم السيد أيمن الصفدي وزير الخارجية وشؤون المغتربين بالمملكة الأردنية الهاشمية، "
                     "الذي سلمه رسالة خطية من العاهل الأردني الملك عبدالله الثاني.\n"
                     "وحمّل جلالة الملك المفدى الوزير الأردني تحياته إلى الملك عبدالله الثاني، متمنيا لعبدالله الثاني "
                     "دوام التوفيق.\n"
                     "حضر اللقاء الدكتور عبداللطيف بن راشد الزياني وزير الخارجية.\n"
                     "كما أجرى وزير الخارجية مباحثات مع نظيره الأردني تناولت العلاقات الثنائية.";
  g_autoptr(RasdExtraction) x = run (text, "2017-05-05");
  RasdEntity *e;
  gboolean talks = FALSE;

  e = mention_entity (x, text, RASD_MENTION_PERSON, "جلالة الملك المفدى");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, ==, "hamad-bin-isa");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "الوزير الأردني");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, ==, "ayman-safadi");
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (strcmp (event->kind, "talks") != 0)
        continue;
      talks = TRUE;
      g_assert_true (event_has (x, event, "ayman-safadi"));
      g_assert_cmpuint (event->participants->len, ==, 2);
      g_assert_false (event_has (x, event, "abdullah-ii"));
      g_assert_false (event_has (x, event, "hamad-bin-isa"));
      g_assert_cmpstr (event_place_en (x, event), ==, "Manama");
    }
  g_assert_true (talks);

  /* a minister the agency names with no country is the one at home */
  {
    const char *text2 = "مسقط في 3 يونيو / العمانية / استقبل السيد سالم بن حمد الرواحي وزير الخارجية اليوم "
                        "السيد أيمن الصفدي وزير الخارجية وشؤون المغتربين بالمملكة الأردنية الهاشمية.\n"
                        "وبحث وزير الخارجية مع الضيف العلاقات الثنائية.";
    g_autoptr(RasdExtraction) x2 = run (text2, "2017-06-03");

    e = mention_entity (x2, text2, RASD_MENTION_PERSON, "وزير الخارجية مع");
    g_assert_nonnull (e);
    g_assert_cmpstr (e->name, ==, "سالم بن حمد الرواحي");
  }
}

static void
test_minister_and_full_name (void)
{
  /* the lexicon's "الشيخ نواف الأحمد" stops short of the full name written after the title;
   * "الوزير العراقي" is the Iraqi whose office is a minister's, not the Iraqi prime minister
   * named more often */
  const char *text = "الكويت - كونا - استقبل سمو ولي العهد الشيخ نواف الأحمد الجابر الصباح اليوم نائب رئيس مجلس الوزراء "
                     "وزير الخارجية في جمهورية العراق فؤاد حسين.\n"
                     "ونقل الوزير العراقي تحيات رئيس مجلس الوزراء العراقي محمد شياع السوداني، وأكد أن "
                     "السوداني حريص على العلاقات.\n"
                     "حضر اللقاء الشيخ أحمد العبدالله الأحمد الجابر.";
  g_autoptr(RasdExtraction) x = run (text, "2023-10-16");
  RasdEntity *e;
  const char *at = strstr (text, "الشيخ نواف");

  e = mention_entity (x, text, RASD_MENTION_PERSON, "الوزير العراقي");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, ==, "fuad-hussein");
  for (guint m = 0; m < x->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (x->mentions, RasdMention, m);

      if (mention->start == (gsize) g_utf8_pointer_to_offset (text, at))
        g_assert_cmpuint (mention->end, ==, g_utf8_pointer_to_offset (text, strstr (text, " اليوم")));
    }
}

static void
test_dual_role (void)
{
  /* a title in the dual with two nationalities stands for the two people named with them */
  const char *text = "التقى الرئيس الجزائري عبد المجيد تبون الرئيس التونسي قيس سعيد في وهران اليوم.\n"
                     "واتفق الرئيسان الجزائري والتونسي على فتح المعابر.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  const char *dual = strstr (text, "الرئيسان");
  glong start = g_utf8_pointer_to_offset (text, dual);
  gboolean tebboune = FALSE, saied = FALSE;

  for (guint m = 0; m < x->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (x->mentions, RasdMention, m);
      const char *key;

      if (mention->kind != RASD_MENTION_PERSON || mention->start != (gsize) start)
        continue;
      key = rasd_extraction_get_entity (x, mention->entity)->key;
      tebboune = tebboune || strcmp (key, "abdelmadjid-tebboune") == 0;
      saied = saied || strcmp (key, "kais-saied") == 0;
    }
  g_assert_true (tebboune && saied);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_DUAL_ROLE), ==, 1);
}

static void
test_buildings_and_title_places (void)
{
  /* "في القصر الرئاسي" is no town named القصر; the place right after a title is the title's
   * (بابا الفاتيكان), not where the visit went; a first name alone after a title may look
   * like a proclitic and a word (فرنسيس) */
  const char *text = "استقبل الرئيس الإماراتي محمد بن زايد في القصر الرئاسي بأبوظبي اليوم رئيس الوزراء "
                     "الهندي ناريندرا مودي.\n"
                     "وزار البابا فرنسيس بابا الفاتيكان العراق في مارس 2021.";
  g_autoptr(RasdExtraction) x = run (text, "2024-02-13");
  RasdEvent *reception, *visit;
  RasdEntity *e;

  g_assert_cmpuint (x->events->len, ==, 2);
  reception = g_ptr_array_index (x->events, 0);
  visit = g_ptr_array_index (x->events, 1);
  g_assert_cmpint (reception->place, >=, 0);
  g_assert_cmpstr (rasd_extraction_get_entity (x, reception->place)->name, ==, "أبوظبي");
  g_assert_cmpstr (event_place_en (x, visit), ==, "Iraq");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "فرنسيس بابا");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "فرنسيس");
  g_assert_true (event_has (x, visit, e->key));
}

static void
test_common_word_places (void)
{
  /* a town whose name is a common word (العين, the eye) is a place only after a preposition
   * of place */
  const char *text = "وصل وزير الخارجية الأردني أيمن الصفدي إلى العين أمس.\n"
                     "وقال الصفدي إن العين لا تخطئ الفرق.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEntity *e;

  e = mention_entity (x, text, RASD_MENTION_PLACE, "العين أمس");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Al Ain");
  g_assert_null (mention_entity (x, text, RASD_MENTION_PLACE, "العين لا"));
  g_assert_cmpuint (rule_hits (text, NULL, RASD_RULE_NER_COMMON_PLACE), ==, 1);
}

static void
test_place_evidence (void)
{
  /* a town that is neither listed nor large is a place only where the text says so; a word
   * before a hamza is its proclitic and the word (وأن، وإن); some words and phrases never are
   * (بلد، مسقط رأس); a town named like a person's surname is the person */
  const char *text = "وقال الوزير إن الأمن مستقر وأن الحوار مستمر، وناقش الخطة يوما كاملا.\n"
                     "وزار الرئيس الأمريكي كينيا، بلد أجداده، ثم توجه إلى مسقط رأس والده.\n"
                     "ووصل الوفد إلى سامراء أمس قادما من مسقط.\n"
                     "والتقى وزير الخارجية الأمريكي جون كيري السفير الأمريكي في بغداد جون تايلور.\n"
                     "وقال تايلور إن المحادثات بناءة، وإن لبنان يحتاج إلى الدعم.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEntity *e;
  guint places = 0;

  for (guint m = 0; m < x->mentions->len; m++)
    places += g_array_index (x->mentions, RasdMention, m).kind == RASD_MENTION_PLACE;
  /* كينيا، سامراء، مسقط (after من), لبنان */
  g_assert_cmpuint (places, ==, 4);
  g_assert_null (mention_entity (x, text, RASD_MENTION_PLACE, "وأن"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PLACE, "يوما"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PLACE, "مسقط رأس"));
  e = mention_entity (x, text, RASD_MENTION_PLACE, "سامراء");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Samarra");
  e = mention_entity (x, text, RASD_MENTION_PLACE, "مسقط.");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Muscat");
  e = mention_entity (x, text, RASD_MENTION_PERSON, "تايلور إن");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "جون تايلور");
  /* a country, not the small American towns of its name */
  e = mention_entity (x, text, RASD_MENTION_PLACE, "لبنان");
  g_assert_cmpstr (e->place_kind, ==, "country");
  g_assert_cmpuint (rule_hits (text, NULL, RASD_RULE_NER_NOT_A_PLACE), ==, 2);
  g_assert_cmpuint (rule_hits (text, NULL, RASD_RULE_NER_SURNAME_NOT_PLACE), ==, 1);
}

static void
test_places (void)
{
  const char *text = "وصل الوزير بدمشق ثم توجه إلى الكرملين، وزار لاحقا سوريا والأردن.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEntity *e;

  e = mention_entity (x, text, RASD_MENTION_PLACE, "بدمشق");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Damascus");
  g_assert_cmpstr (e->place_kind, ==, "city");
  e = mention_entity (x, text, RASD_MENTION_PLACE, "الكرملين");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->place_kind, ==, "site");
  e = mention_entity (x, text, RASD_MENTION_PLACE, "والأردن");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->place_kind, ==, "country");
  g_assert_cmpstr (e->country, ==, "JO");
}

static void
test_one_event_many_sentences (void)
{
  /* a title, a lead and a later sentence report one visit: one event, three evidence spans */
  const char *text = "أردوغان يزور الدوحة ويلتقي تميم\n"
                     "زار الرئيس التركي رجب طيب أردوغان الدوحة اليوم الثلاثاء والتقى فيها أمير قطر الشيخ تميم بن حمد.\n"
                     "وقال المتحدث باسم الرئاسة التركية إبراهيم قالن إن الزيارة تناولت مشاريع الطاقة.\n"
                     "وبحث أردوغان وتميم بن حمد خلال اللقاء الاستثمارات المشتركة.";
  g_autoptr(RasdExtraction) x = run (text, "2020-01-07");
  RasdEvent *event;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_HEADLINE);
  g_assert_cmpstr (event->kind, ==, "visit");
  g_assert_cmpstr (event->cameo, ==, "042");
  g_assert_true (event_has (x, event, "recep-tayyip-erdogan"));
  g_assert_true (event_has (x, event, "tamim-bin-hamad"));
  /* the spokesman speaks about the visit; he is not in it */
  g_assert_false (event_has (x, event, "ibrahim-kalin"));
  g_assert_cmpstr (event_place_en (x, event), ==, "Doha");
  date = event_date (event);
  g_assert_cmpstr (date, ==, "2020-01-07");
  g_assert_cmpuint (event->evidence->len, >=, 3);
  /* evidence spans are whole sentences in character offsets */
  {
    RasdSpan *span = &g_array_index (event->evidence, RasdSpan, 0);
    g_assert_cmpuint (span->start, ==, 0);
    g_assert_cmpuint (span->end, ==, (gsize) g_utf8_strlen ("أردوغان يزور الدوحة ويلتقي تميم", -1));
  }
}

static void
test_near_spellings_of_listed_people (void)
{
  /* a listed person spelled with one long vowel more, then named by that spelling's surname;
   * a listed person with his father's name; and a listed person's son, who is not him */
  const char *text = "استقبلت المستشارة الألمانية أنجيلا ميريكل في برلين أمس الرئيس الفرنسي فرانسوا "
                     "هولاند، وقالت ميريكل إن المحادثات كانت صريحة.\n"
                     "والتقى سعود بن محمد الفيصل في الرياض اليوم حافظ بشار الأسد.";
  g_autoptr(RasdExtraction) x = run (text, "2016-03-10");
  RasdEvent *berlin = NULL, *riyadh = NULL;
  guint n_merkel = 0;

  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);

      if (g_strcmp0 (event_place_en (x, event), "Berlin") == 0)
        berlin = event;
      else if (g_strcmp0 (event_place_en (x, event), "Riyadh") == 0)
        riyadh = event;
    }
  g_assert_nonnull (berlin);
  g_assert_true (event_has (x, berlin, "angela-merkel"));
  g_assert_nonnull (riyadh);
  g_assert_true (event_has (x, riyadh, "saud-al-faisal"));
  g_assert_false (event_has (x, riyadh, "hafez-al-assad"));
  for (guint m = 0; m < x->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (x->mentions, RasdMention, m);

      if (mention->kind == RASD_MENTION_PERSON &&
          strcmp (rasd_extraction_get_entity (x, mention->entity)->key, "angela-merkel") == 0)
        n_merkel++;
    }
  /* the full name, and the surname alone in the article's spelling */
  g_assert_cmpuint (n_merkel, ==, 2);
}

static void
test_roles_and_spokespeople (void)
{
  /* unknown names after long role chains (an organisation, ال-words, الدولية), a two-letter
   * first name that is also a place, a role naming the envoy again, and a spokesperson whose
   * principal is named first */
  const char *text = "زار المبعوث الدولي الخاص إلى اليمن جان دوبوا، بيروت أمس حيث اجتمع بنائب وزير "
                     "الشؤون الخارجية اللبناني لي وانغ، والمدير العام لشؤون المنظمات الدولية سامر حداد.\n"
                     /* a no-break space, as web pages have, is a space */
                     "وقال المتحدث باسم أردوغان\u00a0إبراهيم قالن إن الاجتماع كان مثمرا، وصرح الناطق باسم "
                     "الرئاسة\u00a0إبراهيم قالن بأن الاجتماع بحث الملف الإنساني.\n"
                     "وتوجه المبعوث الخاص بعد ذلك إلى القاهرة للقاء الأمين العام للأمم المتحدة "
                     "أنطونيو غوتيريش.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-02");
  RasdEvent *beirut, *cairo;

  g_assert_cmpuint (x->events->len, ==, 2);
  beirut = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (event_place_en (x, beirut), ==, "Beirut");
  g_assert_true (event_has (x, beirut, "name:جان دوبوا"));
  g_assert_true (event_has (x, beirut, "name:لي وانغ"));
  g_assert_true (event_has (x, beirut, "name:سامر حداد"));
  cairo = g_ptr_array_index (x->events, 1);
  g_assert_cmpstr (event_place_en (x, cairo), ==, "Cairo");
  /* المبعوث الخاص is the envoy named in full before */
  g_assert_true (event_has (x, cairo, "name:جان دوبوا"));
  g_assert_true (event_has (x, cairo, "antonio-guterres"));
  /* neither the spokesman nor the man he speaks for took part in anything */
  for (guint e = 0; e < x->events->len; e++)
    {
      g_assert_false (event_has (x, g_ptr_array_index (x->events, e), "ibrahim-kalin"));
      g_assert_false (event_has (x, g_ptr_array_index (x->events, e), "recep-tayyip-erdogan"));
    }
  g_assert_cmpuint (rule_hits (text, "2024-05-02", RASD_RULE_NER_SPOKES_PRINCIPAL), ==, 1);
}

static void
test_clauses (void)
{
  /* one sentence, several clauses: حيث shares subject, place and time; "التقى مع" has its
   * subject elsewhere; "من المتوقع" announces only what follows it */
  const char *text = "وصل وزير الخارجية الفرنسي جان إيف لودريان إلى بغداد اليوم الأحد، حيث التقى مع "
                     "رئيس الوزراء العراقي مصطفى الكاظمي.\n"
                     "وعقب اجتماع عقده أمس مع نظيره المصري سامح شكري في القاهرة، من المتوقع أن يلتقي غدا "
                     "مع الرئيس العراقي برهم صالح.";
  g_autoptr(RasdExtraction) x = run (text, "2021-05-02");
  RasdEvent *visit, *cairo, *planned;
  g_autofree char *d0 = NULL, *d1 = NULL, *d2 = NULL;

  g_assert_cmpuint (x->events->len, ==, 3);
  visit = g_ptr_array_index (x->events, 0);
  cairo = g_ptr_array_index (x->events, 1);
  planned = g_ptr_array_index (x->events, 2);

  g_assert_cmpstr (visit->kind, ==, "visit");
  g_assert_cmpstr (event_place_en (x, visit), ==, "Baghdad");
  g_assert_true (event_has (x, visit, "jean-yves-le-drian"));
  g_assert_true (event_has (x, visit, "mustafa-al-kadhimi"));
  d0 = event_date (visit);
  g_assert_cmpstr (d0, ==, "2021-05-02");

  g_assert_cmpstr (event_place_en (x, cairo), ==, "Cairo");
  g_assert_true (event_has (x, cairo, "jean-yves-le-drian"));
  g_assert_true (event_has (x, cairo, "sameh-shoukry"));
  d1 = event_date (cairo);
  g_assert_cmpstr (d1, ==, "2021-05-01");

  g_assert_cmpint (planned->role, ==, RASD_EVENT_ROLE_PLANNED);
  g_assert_true (event_has (x, planned, "jean-yves-le-drian"));
  g_assert_true (event_has (x, planned, "barham-salih"));
  g_assert_false (event_has (x, planned, "sameh-shoukry"));
  d2 = event_date (planned);
  g_assert_cmpstr (d2, ==, "2021-05-03");
}

static void
test_date_list (void)
{
  /* a visit listed with several dates, the list running on after a full stop */
  const char *text = "وزار وزير الخارجية الأردني أيمن الصفدي مصر مرارا خلال السنوات الماضية، في مارس 2016. "
                     "ويونيو 2018 وأكتوبر 2019.\n"
                     "وأعلنت الحكومة في 3 مارس 2023 أن الاقتصاد ينمو.";
  g_autoptr(RasdExtraction) x = run (text, "2023-03-15");
  const char *expected[] = { "2016-03", "2018-06", "2019-10" };

  g_assert_cmpuint (x->events->len, ==, G_N_ELEMENTS (expected));
  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);
      g_autofree char *date = event_date (event);

      g_assert_cmpstr (date, ==, expected[e]);
      g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_BACKGROUND);
      g_assert_true (event_has (x, event, "ayman-safadi"));
      g_assert_cmpstr (event_place_en (x, event), ==, "Egypt");
    }
  g_assert_cmpuint (rule_hits (text, "2023-03-15", RASD_RULE_EV_DATE_LIST), ==, 1);
}

static void
test_buildings (void)
{
  /* a building named after someone is no mention of them */
  const char *text = "وصل الرئيس التركي رجب طيب أردوغان إلى مطار الملك خالد الدولي، ثم زار كنيسة السيدة مريم "
                     "العذراء.";
  g_autoptr(RasdExtraction) x = run (text, NULL);

  for (guint m = 0; m < x->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (x->mentions, RasdMention, m);

      if (mention->kind == RASD_MENTION_PERSON)
        g_assert_cmpstr (rasd_extraction_get_entity (x, mention->entity)->key, ==, "recep-tayyip-erdogan");
    }
  g_assert_nonnull (mention_entity (x, text, RASD_MENTION_PERSON, "رجب طيب أردوغان"));
}

static void
test_latest_at_place (void)
{
  /* a reception at the airport goes with the arrival just told, not with the talks of the
   * next day at the same place */
  const char *text = "التقى الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون في باريس اليوم الخميس.\n"
                     "ووصل السيسي إلى باريس أمس الأربعاء في زيارة رسمية.\n"
                     "وأقيمت للسيسي مراسم استقبال رسمية في مطار أورلي في باريس حيث كان في "
                     "استقباله وزير الخارجية الفرنسي جان نويل بارو.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-16");
  RasdEvent *talks, *arrival;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 2);
  talks = g_ptr_array_index (x->events, 0);
  arrival = g_ptr_array_index (x->events, 1);
  g_assert_false (event_has (x, talks, "name:جان نويل بارو"));
  g_assert_true (event_has (x, arrival, "name:جان نويل بارو"));
  g_assert_cmpuint (arrival->evidence->len, ==, 2);
  date = event_date (arrival);
  g_assert_cmpstr (date, ==, "2024-05-15");
}

static void
test_topic_places (void)
{
  /* the countries talks were about are not where they happened, nor stops of a visit; the
   * places a tour took in are */
  const char *text = "استقبل الرئيس التونسي قيس سعيد أمس وزير الخارجية الجزائري رمطان لعمامرة، وبحث معه "
                     "الأوضاع في ليبيا ومالي والنيجر.\n"
                     "وتناولت زيارة لعمامرة إلى الرباط الشهر الماضي الأزمات في السودان وتشاد.\n"
                     "وكان لعمامرة قد قام بجولة شملت القاهرة والرياض في مارس.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  const char *places[] = { NULL, "Rabat", "Cairo", "Riyadh" };

  g_assert_cmpuint (x->events->len, ==, G_N_ELEMENTS (places));
  for (guint e = 0; e < x->events->len; e++)
    g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, e)), ==, places[e]);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_PLACE_TOPIC), >=, 3);
}

static void
test_topic_places_more (void)
{
  /* the place of a topic stands behind خاصة، لا سيما، وفي، كل من, an adjective without ال, or
   * "ما يجري": still a topic, and the talks have no place; a visit's object may stand past its
   * subject's titles and a day */
  const char *topics[] = {
    "التقى الرئيس التونسي قيس سعيد أمس وزير الخارجية الجزائري رمطان لعمامرة، وبحثا تطورات "
    "الأوضاع الإقليمية، خاصة في ليبيا ومالي.",
    "التقى الرئيس التونسي قيس سعيد أمس وزير الخارجية الجزائري رمطان لعمامرة، وبحثا الجهود "
    "المبذولة لإيجاد حل سياسي في مالي.",
    "بحث الرئيس التونسي قيس سعيد أمس مع وزير الخارجية الجزائري رمطان لعمامرة، الأوضاع الراهنة "
    "في المنطقة وفي ليبيا ومالي.",
    "ناقش الرئيس التونسي قيس سعيد أمس مع وزير الخارجية الجزائري رمطان لعمامرة ما يجري في ليبيا.",
    "التقى الرئيس التونسي قيس سعيد أمس وزير الخارجية الجزائري رمطان لعمامرة، وبحث الجانبان "
    "تطورات الأوضاع ولا سيما في كل من ليبيا والنيجر.",
  };
  const char *visit = "زار وزير الخارجية الجزائري رمطان لعمامرة أمس الأردن، والتقى الملك عبدالله "
                      "الثاني، وناقش معه الأوضاع في ليبيا.";
  g_autoptr(RasdExtraction) y = run (visit, "2024-05-20");

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_autoptr(RasdExtraction) x = run (topics[i], "2024-05-20");

      g_assert_cmpuint (x->events->len, ==, 1);
      g_assert_null (event_place_en (x, g_ptr_array_index (x->events, 0)));
      g_assert_cmpuint (rule_hits (topics[i], "2024-05-20", RASD_RULE_EV_PLACE_TOPIC), >=, 1);
    }
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Jordan");
}

static void
test_place_of_other_deed (void)
{
  /* a place in a deed told as before or after the event's (بعد زيارته X، قبل وصوله إلى X) is
   * that deed's; after arriving (بعد وصوله إلى X) one is in X */
  const char *after_visit = "التقى أيمن الصفدي أمس الرئيس التونسي قيس سعيد، بعد زيارته إسطنبول.";
  const char *before = "وكان ستيفان دي ميستورا عقد مباحثات مطولة في أنقرة قبل وصوله إلى دمشق.";
  const char *arrived = "وبعد وصوله إلى دمشق التقى ستيفان دي ميستورا الرئيس بشار الأسد.";
  g_autoptr(RasdExtraction) x = run (after_visit, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (before, "2024-05-20");
  g_autoptr(RasdExtraction) z = run (arrived, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_null (event_place_en (x, g_ptr_array_index (x->events, 0)));
  g_assert_cmpuint (rule_hits (after_visit, "2024-05-20", RASD_RULE_EV_PLACE_OTHER_DEED), >=, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Ankara");
  g_assert_cmpuint (z->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (z, g_ptr_array_index (z->events, 0)), ==, "Damascus");
}

static void
test_place_next (void)
{
  /* إلى after a trigger that is no going tells where one goes next, unless a word of visiting
   * comes between ("أثناء زيارته لمصر") */
  const char *summit = "عقد الرئيس الأمريكي جو بايدن السبت قمة مع الرئيس الكيني وليام روتو وسط "
                       "إجراءات أمنية مشددة عند هبوط طائرته وإقلاعها الأحد إلى إثيوبيا.";
  const char *received = "استقبل الرئيس عبد الفتاح السيسي صباح اليوم وزير الخارجية الأردني أيمن "
                         "الصفدي أثناء زيارته لمصر.";
  g_autoptr(RasdExtraction) x = run (summit, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (received, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_null (event_place_en (x, g_ptr_array_index (x->events, 0)));
  g_assert_cmpuint (rule_hits (summit, "2024-05-20", RASD_RULE_EV_PLACE_NEXT), >=, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Egypt");
}

static void
test_place_not_destination (void)
{
  /* إلى after بالإضافة adds to a list: it names no destination ("a visit to the Gulf states
   * and to Iran too" is no talks in Iran) */
  const char *text = "أجرى وزير الخارجية الصيني وانغ يي أمس محادثات مع نظيره المصري سامح شكري خلال "
                     "زيارة تشمل دول الخليج بالإضافة إلى إيران.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_null (event_place_en (x, g_ptr_array_index (x->events, 0)));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_TO_NOT_DESTINATION), ==, 1);
}

static void
test_place_left_after (void)
{
  /* one leaves where one was: talks before "قبل أن يغادر X" were in X */
  const char *text = "وبحث الرئيس الفرنسي إيمانويل ماكرون مع رئيسة الوزراء الإيطالية جورجيا ميلوني "
                     "ملف الهجرة، قبل أن يغادر روما عائدا إلى باريس.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Rome");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_PLACE_LEFT_AFTER), ==, 1);
}

static void
test_in_touch (void)
{
  /* على اتصال دائم، قنوات الاتصال: being in touch is no call; a call made is one */
  const char *touch = "وقال المتحدث إن وزير الخارجية الأردني أيمن الصفدي ظل على اتصال دائم بنظيره "
                      "الفرنسي جان إيف لودريان طوال الأزمة.";
  const char *channels = "وتحافظ الحكومة على قنوات الاتصال مع الرئيس الجزائري عبد المجيد تبون منذ سنوات.";
  const char *call = "أجرى الرئيس التونسي قيس سعيد اتصالا هاتفيا بالرئيس الجزائري عبد المجيد تبون.";
  g_autoptr(RasdExtraction) x = run (touch, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (channels, "2024-05-20");
  g_autoptr(RasdExtraction) z = run (call, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 0);
  g_assert_cmpuint (rule_hits (touch, "2024-05-20", RASD_RULE_EV_IN_TOUCH), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 0);
  g_assert_cmpuint (z->events->len, ==, 1);
  g_assert_cmpstr (((RasdEvent *) g_ptr_array_index (z->events, 0))->kind, ==, "call");
}

static void
test_relation_pair (void)
{
  /* who relations are between (العلاقات بين X وY) is no party of the talks about them */
  const char *text = "التقى وزير الخارجية الأردني أيمن الصفدي أمس نظيره المصري سامح شكري في القاهرة، "
                     "وبحثا العلاقات بين الرئيس عبد الفتاح السيسي والملك عبد الله الثاني.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpuint (event->participants->len, ==, 2);
  g_assert_cmpstr (event_place_en (x, event), ==, "Cairo");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_RELATION_PAIR), ==, 2);
}

static void
test_place_after_lam (void)
{
  /* للسعودية is ل + السعودية (the alif dropped): where one's visit went; a plural of visiting
   * (زياراته) says so as well as زيارته */
  const char *talks = "أجرى وزير الخارجية الأردني أيمن الصفدي أمس مباحثات مع نظيره السعودي فيصل بن "
                      "فرحان خلال زيارته للسعودية.";
  const char *received = "استقبل الملك عبد الله الثاني أمس وزير الخارجية الفرنسي جان إيف لودريان خلال "
                         "إحدى زياراته للأردن.";
  g_autoptr(RasdExtraction) x = run (talks, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (received, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Saudi Arabia");
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Jordan");
}

static void
test_place_of_institution (void)
{
  /* في X after a body (السفارة الأمريكية) is where it sits; in مقر الحكومة في X, X is where
   * the meeting was */
  const char *said = "وبحث وزير الخارجية الأمريكي أنتوني بلينكن خلال لقائه نظيره الأردني أيمن الصفدي "
                     "أمس توسيع عمل السفارة الأمريكية في عمّان.";
  const char *seat = "اجتمع وزير الخارجية الأمريكي أنتوني بلينكن أمس برئيس الوزراء العراقي محمد شياع "
                     "السوداني في مقر الحكومة في بغداد.";
  g_autoptr(RasdExtraction) x = run (said, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (seat, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_null (event_place_en (x, g_ptr_array_index (x->events, 0)));
  g_assert_cmpuint (rule_hits (said, "2024-05-20", RASD_RULE_EV_PLACE_OF_INSTITUTION), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Baghdad");
}

static void
test_other_deed_pronoun (void)
{
  /* "غداة بحثه في الرياض": بحثه is his talks (no ب + حثه), another deed, so Riyadh is not
   * where the visit went */
  const char *text = "تفقد وزير الدفاع الأمريكي لويد أوستن خلال زيارته أمس منطقة الخليج قاعدة بحرية، "
                     "غداة بحثه في الرياض التعاون العسكري.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_null (event_place_en (x, g_ptr_array_index (x->events, 0)));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_PLACE_OTHER_DEED), ==, 1);
}

static void
test_speaker_own_deed (void)
{
  /* who speaks during his own meeting (خلال لقائه) takes part in it; who speaks during
   * another's visit (خلال زيارة الرئيس) does not */
  const char *own = "وقال وزير الخارجية الأمريكي أنتوني بلينكن خلال لقائه نظيره الأردني أيمن الصفدي "
                    "أمس إن المحادثات كانت مثمرة.";
  const char *other = "وقال وزير الخارجية الأردني أيمن الصفدي خلال زيارة الرئيس الفرنسي إيمانويل "
                      "ماكرون إلى الأردن إن العلاقات متينة.";
  g_autoptr(RasdExtraction) x = run (own, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (other, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (x->events, 0))->participants->len, ==, 2);
  g_assert_cmpuint (rule_hits (own, "2024-05-20", RASD_RULE_EV_SPEAKER_OWN_DEED), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (y->events, 0))->participants->len, ==, 1);
}

static void
test_pronoun_subject (void)
{
  /* "وفي ختام الزيارة سيتوجه إلى الرياض": a verb of one man going on to إلى with no one named
   * is the article's man's; after إنه, the speaker's; a feminine verb (وصلت الأزمة) is no one's */
  const char *topic = "وصل الرئيس الفرنسي إيمانويل ماكرون أمس إلى القاهرة في زيارة تستمر يومين. وفي "
                      "ختام الزيارة يوم الأحد سيتوجه إلى الرياض.";
  const char *speaker = "وقال المبعوث الأممي الخاص هانس غروندبرغ أمس إنه سيتوجه إلى الرياض الأسبوع المقبل.";
  const char *feminine = "وصل الرئيس الفرنسي إيمانويل ماكرون أمس إلى القاهرة. وكانت الأزمة قد وصلت إلى الأردن.";
  g_autoptr(RasdExtraction) x = run (topic, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (speaker, "2024-05-20");
  g_autoptr(RasdExtraction) z = run (feminine, "2024-05-20");
  RasdEvent *next;

  g_assert_cmpuint (x->events->len, ==, 2);
  next = g_ptr_array_index (x->events, 1);
  g_assert_cmpstr (event_place_en (x, next), ==, "Riyadh");
  g_assert_cmpuint (next->participants->len, ==, 1);
  g_assert_cmpstr (rasd_extraction_get_entity (x, g_array_index (next->participants, int, 0))->name, ==,
                   "إيمانويل ماكرون");
  g_assert_cmpuint (rule_hits (topic, "2024-05-20", RASD_RULE_EV_PRONOUN_SUBJECT), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Riyadh");
  g_assert_cmpuint (z->events->len, ==, 1);
}

static void
test_title_in_name (void)
{
  /* after ولد or بن a title word is an ancestor's name: the أحمد of "ولد الشيخ أحمد" is not
   * the minister أحمد named later, though the envoy's name ends with it */
  const char *text = "التقى الرئيس اليمني رشاد العليمي المبعوث الأممي، محمد ولد الشيخ أحمد، في الرياض "
                     "بحضور وزير الخارجية أحمد عوض بن مبارك.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  guint minister = 0;

  for (guint i = 0; i < x->mentions->len; i++)
    {
      const RasdMention *m = &g_array_index (x->mentions, RasdMention, i);

      if (m->kind == RASD_MENTION_PERSON &&
          strcmp (rasd_extraction_get_entity (x, m->entity)->name, "أحمد عوض بن مبارك") == 0)
        minister++;
    }
  g_assert_cmpuint (minister, ==, 1);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_TITLE_IN_NAME), >=, 1);
  /* and the envoy's name goes on over the title word to the name after it */
  g_assert_cmpstr (mention_entity (x, text, RASD_MENTION_PERSON, "محمد ولد الشيخ أحمد")->name, ==,
                   "محمد ولد الشيخ أحمد");
}

static void
test_place_presidency (void)
{
  /* a presidency's seat with its country's adjective is in that country's capital */
  const char *text = "أجرى الرئيس التونسي قيس سعيد أمس مباحثات مع وزير الخارجية الأردني أيمن الصفدي "
                     "بمقر الرئاسة التونسية.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Tunis");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_PLACE_PRESIDENCY), ==, 1);
}

static void
test_recalled_or_earlier (void)
{
  /* "وكان X قد ..." with no date, of one of the news event's people and in its place, tells
   * of the news again; "وسبق له أن ... عندما كان" tells of an earlier time */
  const char *recalled = "وصل الرئيس الفرنسي إيمانويل ماكرون أمس إلى الجزائر العاصمة في زيارة رسمية "
                         "التقى خلالها الرئيس الجزائري عبد المجيد تبون.\n"
                         "وكان ماكرون قد وصل إلى الجزائر العاصمة على متن طائرة خاصة قادما من باريس.";
  const char *earlier = "وصل الرئيس الفرنسي إيمانويل ماكرون أمس إلى الجزائر العاصمة في زيارة رسمية "
                        "التقى خلالها الرئيس الجزائري عبد المجيد تبون.\n"
                        "وسبق لماكرون أن زار الجزائر العاصمة عندما كان وزيرا للاقتصاد.";
  g_autoptr(RasdExtraction) x = run (recalled, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (earlier, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (x->events, 0))->evidence->len, ==, 2);
  g_assert_cmpuint (rule_hits (recalled, "2024-05-20", RASD_RULE_EV_MERGE_RECALLED), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 2);
  g_assert_cmpuint (rule_hits (earlier, "2024-05-20", RASD_RULE_EV_EARLIER_TIME), ==, 1);
}

static void
test_object_pronoun (void)
{
  /* استقبله، التقاها، زاره: the object pronoun stands for the last person named before the
   * verb, who takes part in the deed */
  const char *received = "وصل وزير الخارجية الأردني أيمن الصفدي أمس إلى الرباط في زيارة رسمية.\n"
                         "واستقبله العاهل المغربي الملك محمد السادس في القصر الملكي.";
  const char *met = "حضرت رئيسة الوزراء الإيطالية جورجيا ميلوني أمس مؤتمرا في تونس، "
                    "والتقاها الرئيس التونسي قيس سعيد على هامشه.";
  /* هاتفه is also "his telephone", وزارته "his ministry" (no و + زارته) and استضافة a noun
   * (its ه a ة): none of them is a verb with an object pronoun */
  const char *phone = "وأكد الرئيس التونسي قيس سعيد أن هاتفه لم يتوقف عن الرنين.\n"
                      "ونقلت وزارة الخارجية التونسية عن الرئيس التونسي قيس سعيد ترحيبه بالمقترح.\n"
                      "ورحب الرئيس التونسي قيس سعيد باستضافة بلاده للمؤتمر.";
  g_autoptr(RasdExtraction) x = run (received, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (met, "2024-05-20");
  g_autoptr(RasdExtraction) z = run (phone, "2024-05-20");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpuint (event->participants->len, ==, 2);
  g_assert_cmpstr (event_place_en (x, event), ==, "Rabat");
  g_assert_cmpuint (rule_hits (received, "2024-05-20", RASD_RULE_EV_OBJECT_PRONOUN), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  event = g_ptr_array_index (y->events, 0);
  g_assert_cmpstr (event->kind, ==, "meeting");
  g_assert_cmpuint (event->participants->len, ==, 2);
  g_assert_cmpuint (z->events->len, ==, 0);
}

static void
test_by_phone (void)
{
  /* talks or a meeting by telephone or video are a call, with no place of its own */
  const char *cases[] = {
    "بحث الرئيس التونسي قيس سعيد هاتفيا أمس مع رئيسة الوزراء الإيطالية جورجيا ميلوني ملف الهجرة.",
    "أجرى الرئيس التونسي قيس سعيد أمس محادثات هاتفية مع رئيسة الوزراء الإيطالية جورجيا ميلوني.",
    "عقد الرئيس التونسي قيس سعيد اجتماعا عبر الاتصال المرئي مع رئيسة الوزراء الإيطالية جورجيا ميلوني.",
  };
  const char *met = "التقى الرئيس التونسي قيس سعيد أمس في روما رئيسة الوزراء الإيطالية جورجيا ميلوني.";
  g_autoptr(RasdExtraction) y = run (met, "2024-05-20");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RasdExtraction) x = run (cases[i], "2024-05-20");
      RasdEvent *event;

      g_test_message ("%s", cases[i]);
      g_assert_cmpuint (x->events->len, ==, 1);
      event = g_ptr_array_index (x->events, 0);
      g_assert_cmpstr (event->kind, ==, "call");
      g_assert_cmpuint (event->participants->len, ==, 2);
      g_assert_cmpint (event->place, <, 0);
      g_assert_cmpuint (rule_hits (cases[i], "2024-05-20", RASD_RULE_EV_BY_PHONE), ==, 1);
    }
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (((RasdEvent *) g_ptr_array_index (y->events, 0))->kind, ==, "meeting");
}

static void
test_honorific_pronoun (void)
{
  /* حضرة is an honorific, not "attended it"; سموه after the verb is the last man whose title
   * has سمو, and فخامته before a trigger noun and سموه after مع are the two of the meeting */
  const char *received = "استقبل حضرة صاحب السمو الشيخ مشعل الأحمد الجابر الصباح في قصر بيان اليوم "
                         "رئيس الوزراء الماليزي أنور إبراهيم. كما استقبل سموه وزير الخارجية التركي "
                         "هاكان فيدان.";
  const char *met = "أشاد فخامة الرئيس التونسي قيس سعيد بمواقف صاحب السمو الشيخ محمد بن زايد آل "
                    "نهيان رئيس الدولة. وعقد فخامته أمس اجتماعا مع سموه في تونس.";
  g_autoptr(RasdExtraction) x = run (received, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (met, "2024-05-20");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      event = g_ptr_array_index (x->events, i);
      g_assert_cmpuint (event->participants->len, ==, 2);
      g_assert_true (event_has (x, event, "mishal-al-ahmad"));
    }
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 1), "hakan-fidan"));
  g_assert_cmpuint (rule_hits (received, "2024-05-20", RASD_RULE_EV_ATTENDANCE), ==, 0);
  g_assert_cmpuint (rule_hits (received, "2024-05-20", RASD_RULE_EV_HONORIFIC_PRONOUN), ==, 1);

  g_assert_cmpuint (y->events->len, ==, 1);
  event = g_ptr_array_index (y->events, 0);
  g_assert_cmpstr (event->kind, ==, "meeting");
  g_assert_cmpuint (event->participants->len, ==, 2);
  g_assert_true (event_has (y, event, "kais-saied"));
  g_assert_true (event_has (y, event, "mohamed-bin-zayed"));
  g_assert_cmpstr (event_place_en (y, event), ==, "Tunisia");
  g_assert_cmpuint (rule_hits (met, "2024-05-20", RASD_RULE_EV_HONORIFIC_PRONOUN), ==, 2);

  /* before the verb, after كان and before قد: "وكان سموه قد زار" */
  {
    const char *earlier = "وصل وزير الخارجية الأمير فيصل بن فرحان إلى بروكسل اليوم. وكان سموه قد زار "
                          "باريس يوم السبت الماضي حيث التقى نظيره الفرنسي ستيفان سيجورنيه.";
    g_autoptr(RasdExtraction) z = run (earlier, "2024-05-20");
    gboolean paris = FALSE;

    for (guint e = 0; e < z->events->len; e++)
      {
        RasdEvent *visit = g_ptr_array_index (z->events, e);
        g_autofree char *date = event_date (visit);

        if (g_strcmp0 (event_place_en (z, visit), "Paris") != 0)
          continue;
        paris = TRUE;
        g_assert_true (event_has (z, visit, "faisal-bin-farhan"));
        g_assert_cmpstr (date, ==, "2024-05-18");
      }
    g_assert_true (paris);
  }
}

static void
test_where_place (void)
{
  /* حيث right after the place one came from is there: another event than the arrival; after
   * the place one arrived in it is the same event */
  const char *from = "وصل وزير الخارجية الصيني وانغ يي إلى طهران أمس قادما من بغداد، حيث التقى رئيس "
                     "الوزراء العراقي محمد شياع السوداني.";
  const char *to = "وصل وزير الخارجية الصيني وانغ يي أمس إلى بغداد، حيث التقى رئيس الوزراء العراقي "
                   "محمد شياع السوداني.";
  g_autoptr(RasdExtraction) x = run (from, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (to, "2024-05-20");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 2);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (event_place_en (x, event), ==, "Tehran");
  g_assert_cmpuint (event->participants->len, ==, 1);
  event = g_ptr_array_index (x->events, 1);
  g_assert_cmpstr (event_place_en (x, event), ==, "Baghdad");
  g_assert_true (event_has (x, event, "wang-yi"));
  g_assert_true (event_has (x, event, "mohammed-shia-al-sudani"));
  g_assert_cmpuint (rule_hits (from, "2024-05-20", RASD_RULE_EV_WHERE_PLACE), ==, 1);

  g_assert_cmpuint (y->events->len, ==, 1);
  event = g_ptr_array_index (y->events, 0);
  g_assert_cmpstr (event_place_en (y, event), ==, "Baghdad");
  g_assert_cmpuint (event->participants->len, ==, 2);
}

static void
test_construct_titles (void)
{
  /* وزير خارجية + a country, رئيس وزراء + a country: a title, its country a place of the title,
   * then the name; a head of government is not the president named before, and a minister of
   * state is not the foreign minister */
  const char *head = "استقبل الرئيس الفرنسي إيمانويل ماكرون في باريس اليوم رئيس وزراء ماليزيا أنور "
                     "إبراهيم. وأشاد رئيس الوزراء بالعلاقات بين البلدين.";
  const char *foreign = "التقى الرئيس الأمريكي جو بايدن في واشنطن أمس وزيرة خارجية ألمانيا أنالينا "
                        "بيربوك.";
  const char *longer = "وصل رئيس وزراء فنلندا ألكسندر ستوبت إلى بروكسل اليوم.";
  const char *of_state = "التقى وزير الخارجية الأمير فيصل بن فرحان في الرياض اليوم نظيره الأردني أيمن "
                         "الصفدي. وفي سياق آخر، استقبل وزير الدولة للشؤون الخارجية عادل الجبير المبعوث "
                         "الأمريكي جون كيري. وكان وزير الخارجية قد استقبل أمس سفير اليابان.";
  g_autoptr(RasdExtraction) x = run (head, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (foreign, "2024-05-20");
  g_autoptr(RasdExtraction) z = run (longer, "2024-05-20");
  g_autoptr(RasdExtraction) w = run (of_state, "2024-05-20");
  RasdEntity *anwar, *e;
  RasdEvent *event;

  anwar = mention_entity (x, head, RASD_MENTION_PERSON, "أنور إبراهيم");
  g_assert_nonnull (anwar);
  g_assert_cmpstr (anwar->name, ==, "أنور إبراهيم");
  g_assert_null (mention_entity (x, head, RASD_MENTION_PERSON, "رئيس وزراء"));
  e = mention_entity (x, head, RASD_MENTION_PLACE, "ماليزيا");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, ==, "country:MY");
  e = mention_entity (x, head, RASD_MENTION_PERSON, "رئيس الوزراء");
  g_assert_true (e == anwar);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, "emmanuel-macron"));
  g_assert_true (event_has (x, event, anwar->key));
  g_assert_cmpstr (event_place_en (x, event), ==, "Paris");

  e = mention_entity (y, foreign, RASD_MENTION_PERSON, "أنالينا بيربوك");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "أنالينا بيربوك");
  g_assert_cmpuint (rule_hits (foreign, "2024-05-20", RASD_RULE_NER_FOREIGN_AFTER_PLACE), ==, 1);

  e = mention_entity (z, longer, RASD_MENTION_PERSON, "ألكسندر ستوبت");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "ألكسندر ستوبت");
  g_assert_cmpuint (rule_hits (longer, "2024-05-20", RASD_RULE_NER_TAGGED_LONGER), ==, 1);

  e = mention_entity (w, of_state, RASD_MENTION_PERSON, "وزير الخارجية قد");
  g_assert_true (e == NULL || strcmp (e->key, "adel-al-jubeir") != 0);

  /* after a title and its organisation, as after its country */
  {
    const char *party = "استقبل الرئيس التركي رجب طيب أردوغان في أنقرة أمس زعيم حزب الشعب الجمهوري "
                        "المعارض أوزغور أوزيل.";
    g_autoptr(RasdExtraction) v = run (party, "2024-05-20");

    e = mention_entity (v, party, RASD_MENTION_PERSON, "أوزغور");
    g_assert_nonnull (e);
    g_assert_cmpstr (e->name, ==, "أوزغور أوزيل");
  }
}

static void
test_dateline_common_word (void)
{
  /* a dateline names a place even where its word is also a common word (مسقط، الخبر); the
   * same word inside a sentence is none */
  const char *muscat = "مسقط - استقبل السلطان هيثم بن طارق في قصر العلم اليوم رئيس الوزراء الهندي "
                       "ناريندرا مودي.";
  const char *khobar = "الخبر - التقى أمير المنطقة الشرقية الأمير سعود بن نايف اليوم وزير الطاقة الأمير "
                       "عبدالعزيز بن سلمان.";
  const char *word = "التقى أمير المنطقة الشرقية الأمير سعود بن نايف اليوم وزير الطاقة الأمير عبدالعزيز "
                     "بن سلمان. وقال إن الخبر - كما يعرف الجميع - صحيح.";
  g_autoptr(RasdExtraction) x = run (muscat, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (khobar, "2024-05-20");
  g_autoptr(RasdExtraction) z = run (word, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Muscat");
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Khobar");
  g_assert_cmpuint (z->events->len, ==, 1);
  g_assert_null (event_place_en (z, g_ptr_array_index (z->events, 0)));
}

static void
test_trigger_forms (void)
{
  /* forms of data/events/triggers-forms.tsv: تحادث, a dual, a pronoun on a noun */
  const char *cases[][2] = {
    { "تحادث وزير الخارجية الأردني أيمن الصفدي أمس في عمّان مع نظيره المصري سامح شكري.", "talks" },
    { "وصلا رئيس الوزراء الماليزي أنور إبراهيم والرئيس الإندونيسي جوكو ويدودو إلى بكين أمس.", "visit" },
    { "أشادت رئيسة الوزراء الإيطالية جورجيا ميلوني خلال لقائها الرئيس التونسي قيس سعيد أمس بالتعاون.",
      "meeting" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RasdExtraction) x = run (cases[i][0], "2024-05-20");
      RasdEvent *event;

      g_test_message ("%s", cases[i][0]);
      g_assert_cmpuint (x->events->len, ==, 1);
      event = g_ptr_array_index (x->events, 0);
      g_assert_cmpstr (event->kind, ==, cases[i][1]);
      g_assert_cmpuint (event->participants->len, ==, 2);
    }
}

static void
test_counterpart_holds_office (void)
{
  /* نظيره + adjective is the one of that country who holds the office of the man it points
   * from, not the country's first man: named with no country, or named after another نظيره */
  const char *algiers = "استقبل الرئيس الجزائري عبد المجيد تبون اليوم في الجزائر وزير الخارجية الإيطالي "
                        "أنطونيو تاياني بحضور وزير الشؤون الخارجية أحمد عطاف. وكان تاياني قد تحادث أمس "
                        "مع نظيره الجزائري.";
  const char *tehran = "التقى الرئيس الإيراني مسعود بزشكيان في طهران اليوم وزير الخارجية التركي هاكان "
                       "فيدان. وكان الرئيس بزشكيان قد استقبل أمس وزير الدفاع العراقي. وأجرى فيدان بعد "
                       "ذلك مباحثات مع نظيره الإيراني عباس عراقجي ثم عقد لقاء آخر مع نظيره الإيراني.";
  g_autoptr(RasdExtraction) x = run (algiers, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (tehran, "2024-05-20");
  RasdEntity *attaf = mention_entity (x, algiers, RASD_MENTION_PERSON, "أحمد عطاف");
  RasdEntity *e;
  const char *last;

  g_assert_nonnull (attaf);
  e = mention_entity (x, algiers, RASD_MENTION_PERSON, "نظيره الجزائري");
  g_assert_true (e == attaf);
  g_assert_cmpuint (rule_hits (algiers, "2024-05-20", RASD_RULE_NER_COUNTERPART_OFFICE), ==, 1);

  /* the second نظيره الإيراني is عراقجي, named after the first, not the president */
  last = g_strrstr (tehran, "نظيره الإيراني");
  e = NULL;
  for (guint m = 0; m < y->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (y->mentions, RasdMention, m);

      if (mention->kind == RASD_MENTION_PERSON && mention->entity >= 0 &&
          mention->start == (gsize) g_utf8_pointer_to_offset (tehran, last))
        e = rasd_extraction_get_entity (y, mention->entity);
    }
  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, ==, "abbas-araghchi");
}

static void
test_envoy_goes_on (void)
{
  /* الموفد is المبعوث; a place after a title that ends in a word with ال (المبعوث الأممي) is
   * where the role goes, no complement of the title */
  const char *cases[] = {
    "التقى وزير الخارجية العماني بدر البوسعيدي في مسقط اليوم المبعوث الأممي إلى اليمن هانس "
    "غروندبرغ. ويزور الموفد الأممي الرياض غدا.",
    "التقى وزير الخارجية العماني بدر البوسعيدي في مسقط اليوم المبعوث الأممي إلى اليمن هانس "
    "غروندبرغ. ويزور المبعوث الأممي الرياض غدا.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RasdExtraction) x = run (cases[i], "2024-05-20");
      RasdEvent *event;
      g_autofree char *date = NULL;

      g_test_message ("%s", cases[i]);
      g_assert_cmpuint (x->events->len, ==, 2);
      event = g_ptr_array_index (x->events, 1);
      date = event_date (event);
      g_assert_cmpstr (event->kind, ==, "visit");
      g_assert_true (event_has (x, event, "hans-grundberg"));
      g_assert_cmpstr (event_place_en (x, event), ==, "Riyadh");
      g_assert_cmpstr (date, ==, "2024-05-21");
    }
  g_assert_cmpuint (rule_hits (cases[1], "2024-05-20", RASD_RULE_NER_PLACE_AFTER_DEFINITE), ==, 1);
}

static void
test_relative_place (void)
{
  /* "من بغداد التي زارها أول أمس والتقى فيها X": a deed in Baghdad two days ago, its pronoun
   * the city's, not a person's */
  const char *text = "التقى الرئيس الإيراني مسعود بزشكيان اليوم في طهران وزير الخارجية الصيني وانغ يي. "
                     "وكان وانغ يي قد وصل إلى طهران أمس قادما من بغداد التي زارها أول أمس والتقى فيها "
                     "رئيس الوزراء العراقي محمد شياع السوداني.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  gboolean found = FALSE;

  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);
      g_autofree char *date = event_date (event);

      if (!event_has (x, event, "mohammed-shia-al-sudani"))
        continue;
      found = TRUE;
      g_assert_cmpstr (event_place_en (x, event), ==, "Baghdad");
      g_assert_cmpstr (date, ==, "2024-05-18");
      g_assert_true (event_has (x, event, "wang-yi"));
      g_assert_false (event_has (x, event, "masoud-pezeshkian"));
    }
  g_assert_true (found);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_RELATIVE_PLACE), ==, 1);
}

static void
test_dual_office (void)
{
  /* الرئيسان are the last two told of of whom one is a president and none a minister, not
   * the two ministers told of last; after أنه, any verb of a deed is the speaker's */
  const char *text = "عقد الرئيس التركي رجب طيب أردوغان ونظيره الروسي فلاديمير بوتين اليوم قمة في "
                     "سوتشي. وعلى هامش القمة التقى وزير الخارجية التركي هاكان فيدان نظيره الروسي سيرغي "
                     "لافروف. وأعلن بوتين أنه سيزور تركيا الشهر المقبل. يذكر أن الرئيسين التقيا آخر "
                     "مرة في أستانا في يوليو الماضي.";
  g_autoptr(RasdExtraction) x = run (text, "2024-09-02");
  gboolean astana = FALSE, planned = FALSE;

  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);
      g_autofree char *date = event_date (event);
      const char *place = event_place_en (x, event);

      /* Astana (GeoNames gives its English name as Nur-Sultan) */
      if (event->place >= 0 && g_strcmp0 (rasd_extraction_get_entity (x, event->place)->country, "KZ") == 0)
        {
          astana = TRUE;
          g_assert_cmpstr (date, ==, "2024-07");
          g_assert_true (event_has (x, event, "recep-tayyip-erdogan"));
          g_assert_true (event_has (x, event, "vladimir-putin"));
          g_assert_false (event_has (x, event, "hakan-fidan"));
        }
      if (g_strcmp0 (place, "Turkey") == 0)
        {
          planned = TRUE;
          g_assert_cmpstr (date, ==, "2024-10");
          g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_PLANNED);
          g_assert_true (event_has (x, event, "vladimir-putin"));
        }
    }
  g_assert_true (astana);
  g_assert_true (planned);
  g_assert_cmpuint (rule_hits (text, "2024-09-02", RASD_RULE_EV_DUAL_OFFICE), ==, 1);
}

static void
test_role_then_other (void)
{
  /* فيصل after a title is a first name, no ف + يصل (a verb that ended the chain, so the man
   * had no title); "سمو أمير القصيم" then a role begins another man, the object */
  const char *text = "استقبل صاحب السمو الملكي الأمير فيصل بن مشعل بن سعود أمير منطقة القصيم في مكتبه "
                     "اليوم مدير جامعة القصيم الدكتور محمد بن عبدالله المشيقح. كما استقبل سمو أمير "
                     "القصيم قائد القوات الخاصة اللواء سعد بن علي الحربي.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *emir = mention_entity (x, text, RASD_MENTION_PERSON, "فيصل بن مشعل");
  RasdEvent *event;

  g_assert_nonnull (emir);
  g_assert_true (mention_entity (x, text, RASD_MENTION_PERSON, "سمو أمير القصيم") == emir);
  g_assert_cmpuint (x->events->len, ==, 2);
  event = g_ptr_array_index (x->events, 1);
  g_assert_cmpuint (event->participants->len, ==, 2);
  g_assert_true (event_has (x, event, emir->key));
  g_assert_false (event_has (x, event, mention_entity (x, text, RASD_MENTION_PERSON, "محمد بن عبدالله")->key));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_FIRST_NAME_WHOLE), ==, 1);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_ROLE_THEN_OTHER), ==, 1);
}

static void
test_end_of_told (void)
{
  /* "في ختام الاستقبال" is the end of the reception told before: what follows is a visit to
   * where he goes next, no reception there */
  const char *text = "استقبل في القاهرة اليوم الرئيس عبد الفتاح السيسي رئيس الوزراء الهندي "
                     "ناريندرا مودي. وفي ختام الاستقبال غادر رئيس الوزراء الهندي متوجها إلى الرياض.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  gboolean riyadh = FALSE;

  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);

      if (g_strcmp0 (event_place_en (x, event), "Riyadh") != 0)
        continue;
      riyadh = TRUE;
      g_assert_cmpstr (event->kind, ==, "visit");
      g_assert_true (event_has (x, event, "narendra-modi"));
    }
  g_assert_true (riyadh);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_END_OF_TOLD), ==, 1);
}

static void
test_speaker_of_their_talks (void)
{
  /* the speaker of "عقب مباحثاتهما" took part in the talks though the clause's verb is what he
   * said the two did; and "وأضاف أنه سيتوجه" is that speaker's, named a sentence before */
  const char *text = "وقال وزير الخارجية المصري سامح شكري في مؤتمر صحفي مشترك مع نظيره الأمريكي أنتوني "
                     "بلينكن عقب مباحثاتهما اليوم في القاهرة إن الجانبين ناقشا الأوضاع في غزة. وأضاف أنه "
                     "سيتوجه الأسبوع المقبل إلى واشنطن.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  gboolean talks = FALSE, planned = FALSE;

  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);
      const char *place = event_place_en (x, event);

      if (strcmp (event->kind, "talks") == 0)
        {
          talks = TRUE;
          g_assert_true (event_has (x, event, "sameh-shoukry"));
          g_assert_true (event_has (x, event, "antony-blinken"));
        }
      if (g_strcmp0 (place, "Washington") == 0 || g_strcmp0 (place, "Washington, D.C.") == 0)
        {
          planned = TRUE;
          g_assert_true (event_has (x, event, "sameh-shoukry"));
          g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_PLANNED);
        }
    }
  g_assert_true (talks);
  g_assert_true (planned);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_SPEAKER_BEFORE), ==, 1);
}

static void
test_common_before_place (void)
{
  /* a town's name that is also a word of every day, right before a place, is a noun of that
   * place ("ديربي الرياض", the derby); after في alone it is the town */
  const char *derby = "يلتقي الهلال والنصر مساء الجمعة في ديربي الرياض.";
  const char *town = "التقى رئيس الوزراء البريطاني ريشي سوناك أمس في ديربي عمال المصانع.";
  g_autoptr(RasdExtraction) x = run (derby, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (town, "2024-05-20");

  g_assert_null (mention_entity (x, derby, RASD_MENTION_PLACE, "ديربي"));
  g_assert_nonnull (mention_entity (x, derby, RASD_MENTION_PLACE, "الرياض"));
  g_assert_cmpuint (rule_hits (derby, "2024-05-20", RASD_RULE_NER_COMMON_BEFORE_PLACE), ==, 1);
  g_assert_nonnull (mention_entity (y, town, RASD_MENTION_PLACE, "ديربي"));
}

static void
test_name_begins_with_abd (void)
{
  /* a title word before بن is a first name (الدكتور مساعد بن محمد), but names begin with عبد:
   * "رئيس الجمهورية عبد اللطيف" is no man named الجمهورية */
  const char *text = "استقبل رئيس الجمهورية عبد اللطيف جمال رشيد في قصر بغداد اليوم السفيرة الأمريكية "
                     "ألينا رومانوسكي.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "عبد اللطيف");

  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "عبد اللطيف جمال رشيد");
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "الجمهورية"));

  /* a name's own ب: باربرا is no ب + اربرا */
  {
    const char *barbara = "استقبل الرئيس الفلسطيني محمود عباس في رام الله اليوم مساعدة وزير الخارجية "
                          "الأمريكي باربرا ليف.";
    g_autoptr(RasdExtraction) y = run (barbara, "2024-05-20");

    e = mention_entity (y, barbara, RASD_MENTION_PERSON, "باربرا");
    g_assert_nonnull (e);
    g_assert_cmpstr (e->name, ==, "باربرا ليف");
  }
}

static void
test_titled_surname (void)
{
  /* "الرئيس عباس" in a headline is the man the article names in full after it: one event; a
   * word that ends the names of two men (سلمان) is neither */
  const char *text = "الرئيس عباس يستقبل مسؤولة أمريكية\n\nاستقبل الرئيس الفلسطيني محمود عباس في رام "
                     "الله اليوم مساعدة وزير الخارجية الأمريكي باربرا ليف.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "عباس يستقبل");

  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, ==, "mahmoud-abbas");
  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_TITLED_SURNAME), ==, 1);
}

static void
test_headed_by (void)
{
  /* who heads the delegation met (وفدا برئاسة X) is a party, his name read after برئاسة even
   * where the tagger reads a word of every day in it (الحية, the snake) */
  const char *text = "التقى الأمين العام لحزب الله حسن نصر الله في بيروت اليوم وفدا من حركة حماس برئاسة "
                     "خليل الحية.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *head = mention_entity (x, text, RASD_MENTION_PERSON, "خليل الحية");
  RasdEvent *event;

  g_assert_nonnull (head);
  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, head->key));
  g_assert_true (event_has (x, event, "hassan-nasrallah"));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_HEADED_BY), ==, 1);
}

static void
test_list_counterpart (void)
{
  /* "بين الوزير X ونظيره الأمريكي Y": the counterpart goes on the list of the talks' parties */
  const char *text = "جرت في القاهرة اليوم مباحثات بين وزير الخارجية المصري بدر عبد العاطي ونظيره "
                     "الأمريكي أنتوني بلينكن.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, "badr-abdelatty"));
  g_assert_true (event_has (x, event, "antony-blinken"));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_LIST_COUNTERPART), ==, 1);
}

/* The person @x names where @text has @surface, after asserting that @x has one event, with
 * him and with the lexicon's @key among its parties: the guest of a host these tests name. */
static RasdEntity *
guest_of_one_event (RasdExtraction *x,
                    const char     *text,
                    const char     *surface,
                    const char     *key)
{
  RasdEntity *guest = mention_entity (x, text, RASD_MENTION_PERSON, surface);
  RasdEvent *event;

  g_assert_nonnull (guest);
  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, guest->key));
  g_assert_true (event_has (x, event, key));
  return guest;
}

static void
test_family_after_father (void)
{
  /* after بن and the father's name, a word with ال ending in ة is the family name, as a noun
   * ending in ة would not be there */
  const char *text = "التقى وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم رجل الأعمال سالم بن ناصر "
                     "الشريدة.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *guest = guest_of_one_event (x, text, "سالم بن ناصر الشريدة", "ayman-safadi");

  g_assert_cmpstr (guest->name, ==, "سالم بن ناصر الشريدة");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_FAMILY_AFTER_FATHER), ==, 1);
}

static void
test_name_after_posting (void)
{
  /* an ambassador's name after where he serves (سفير البرازيل لدى الأردن), unknown to the
   * tagger and the dictionary, is read as after his country */
  const char *text = "استقبل وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم سفير البرازيل لدى الأردن "
                     "ماوريسيو تيكسيرا.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");

  guest_of_one_event (x, text, "ماوريسيو تيكسيرا", "ayman-safadi");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_FOREIGN_AFTER_PLACE), ==, 1);
}

static void
test_reception_on_arrival (void)
{
  /* "وكان في استقبال سموه لدى وصوله": the reception at the arrival, on its day (كان without
   * قد tells no earlier deed), of the man the honorific stands for */
  const char *text = "وصل سمو الشيخ مشعل الأحمد إلى روما اليوم في زيارة رسمية لإيطاليا.\n"
                     "وكان في استقبال سموه لدى وصوله مطار روما الدولي وزير الخارجية الإيطالي أنطونيو "
                     "تاياني.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *host = mention_entity (x, text, RASD_MENTION_PERSON, "أنطونيو تاياني");
  RasdEvent *reception = NULL;
  g_autofree char *date = NULL;

  g_assert_nonnull (host);
  for (guint i = 0; i < x->events->len; i++)
    if (event_has (x, g_ptr_array_index (x->events, i), host->key))
      reception = g_ptr_array_index (x->events, i);
  g_assert_nonnull (reception);
  g_assert_true (event_has (x, reception, "mishal-al-ahmad"));
  g_assert_cmpstr (event_place_en (x, reception), ==, "Rome");
  date = event_date (reception);
  g_assert_cmpstr (date, ==, "2024-05-20");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_HONORIFIC_PRONOUN), ==, 1);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_DATE_ARRIVAL), ==, 1);
}

static void
test_their_meeting (void)
{
  /* اجتماعهم، مباحثاتهم، لقاءاته: more owners' forms of the trigger nouns */
  const char *text = "عقد وزراء الزراعة العرب اجتماعهم السنوي اليوم في الرباط برئاسة وزير الخارجية "
                     "الأردني أيمن الصفدي.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *event;

  const char *his = "وأطلع الرئيس الفرنسي إيمانويل ماكرون الحكومة اليوم على نتائج لقاءاته بعدد من "
                    "المسؤولين، ومن بينهم وزير الخارجية الأمريكي أنتوني بلينكن.";
  g_autoptr(RasdExtraction) y = run (his, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, "ayman-safadi"));
  g_assert_cmpstr (event_place_en (x, event), ==, "Rabat");
  /* لقاءاته: his meetings, one of them with a man named */
  g_assert_cmpuint (y->events->len, ==, 1);
  event = g_ptr_array_index (y->events, 0);
  g_assert_true (event_has (y, event, "emmanuel-macron"));
  g_assert_true (event_has (y, event, "antony-blinken"));
}

static void
test_with_pronoun (void)
{
  /* "وأجرى معه X محادثات": معه is the visitor told of before, who takes part in the talks */
  const char *text = "وصل الرئيس الإندونيسي جوكو ويدودو إلى عمّان اليوم في زيارة رسمية. وأجرى معه العاهل "
                     "الأردني الملك عبد الله الثاني محادثات تناولت التعاون بين البلدين.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *visitor = mention_entity (x, text, RASD_MENTION_PERSON, "جوكو ويدودو");
  gboolean together = FALSE;

  g_assert_nonnull (visitor);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (event_has (x, event, "abdullah-ii"))
        {
          together = event_has (x, event, visitor->key);
          g_assert_cmpstr (event_place_en (x, event), ==, "Amman");
        }
    }
  g_assert_true (together);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_WITH_PRONOUN), ==, 1);
}

static void
test_banquet (void)
{
  /* a banquet given in someone's honour is a reception of him */
  const char *text = "أقام الرئيس الفرنسي إيمانويل ماكرون مأدبة عشاء في قصر الإليزيه مساء اليوم على شرف "
                     "الرئيس الإندونيسي جوكو ويدودو.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *guest = mention_entity (x, text, RASD_MENTION_PERSON, "جوكو ويدودو");
  RasdEvent *event;

  g_assert_nonnull (guest);
  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (event->kind, ==, "reception");
  g_assert_true (event_has (x, event, "emmanuel-macron"));
  g_assert_true (event_has (x, event, guest->key));
  g_assert_cmpstr (event_place_en (x, event), ==, "Paris");
}

static void
test_clause_preposition (void)
{
  /* "على نتائج لقائه بـX، وعلى فحوى الاتصال ... مع Y": two deeds, each with its own party */
  const char *text = "وأطلع الرئيس الفرنسي إيمانويل ماكرون الحكومة اليوم على نتائج لقائه بالرئيس "
                     "الإندونيسي جوكو ويدودو، وعلى فحوى الاتصال الهاتفي الذي أجراه مع وزير الخارجية "
                     "الأمريكي أنتوني بلينكن.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *guest = mention_entity (x, text, RASD_MENTION_PERSON, "جوكو ويدودو");

  g_assert_nonnull (guest);
  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      g_assert_true (event_has (x, event, "emmanuel-macron"));
      g_assert_true (event_has (x, event, guest->key) != event_has (x, event, "antony-blinken"));
    }
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_CLAUSE_PREPOSITION), ==, 1);
}

static void
test_party_arrival (void)
{
  /* a meeting of one party told after an arrival is with the one who arrived: "ومن المقرر أن
   * يلتقي X"، "واجتمع به X" */
  const char *planned = "وصل وزير الخارجية الإيطالي أنطونيو تاياني إلى عمّان اليوم في زيارة تستغرق يومين.\n"
                        "ومن المقرر أن يلتقي العاهل الأردني الملك عبد الله الثاني.";
  const char *with_him = "وصل وزير الخارجية الإيطالي أنطونيو تاياني إلى عمّان اليوم.\n"
                         "واجتمع به العاهل الأردني الملك عبد الله الثاني.";
  const char *texts[] = { planned, with_him };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(RasdExtraction) x = run (texts[t], "2024-05-20");
      RasdEntity *visitor = mention_entity (x, texts[t], RASD_MENTION_PERSON, "أنطونيو تاياني");

      g_assert_nonnull (visitor);
      for (guint i = 0; i < x->events->len; i++)
        {
          RasdEvent *event = g_ptr_array_index (x->events, i);

          if (event_has (x, event, "abdullah-ii"))
            {
              g_assert_true (event_has (x, event, visitor->key));
              g_assert_cmpstr (event_place_en (x, event), ==, "Amman");
            }
        }
      g_assert_cmpuint (rule_hits (texts[t], "2024-05-20", RASD_RULE_EV_PARTY_ARRIVAL), ==, 1);
    }
}

static void
test_each_apart (void)
{
  /* "كلا من X وY، كل على حدة": the host met each guest apart, two receptions; without it,
   * one reception of all */
  const char *apart = "استقبل العاهل الأردني الملك عبد الله الثاني في عمّان اليوم كلا من الرئيس الإندونيسي "
                      "جوكو ويدودو، ووزير الخارجية الإيطالي أنطونيو تاياني، كل على حدة.";
  const char *together = "استقبل العاهل الأردني الملك عبد الله الثاني في عمّان اليوم كلا من الرئيس "
                         "الإندونيسي جوكو ويدودو، ووزير الخارجية الإيطالي أنطونيو تاياني.";
  g_autoptr(RasdExtraction) x = run (apart, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (together, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      g_assert_cmpuint (event->participants->len, ==, 2);
      g_assert_true (event_has (x, event, "abdullah-ii"));
      g_assert_cmpstr (event_place_en (x, event), ==, "Amman");
    }
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (y->events, 0))->participants->len, ==, 3);
}

static void
test_pronoun_not_place (void)
{
  /* "في حديثه" (in his talk) and "في بيانه" (in his statement) are no towns حديثة and بيانة;
   * the town written with its ة is */
  const char *text = "التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري اليوم، وقال الصفدي في "
                     "حديثه للصحفيين وفي بيانه الختامي إن اللقاء كان مثمرا.";
  const char *town = "وصل وزير الخارجية الأردني أيمن الصفدي إلى حديثة اليوم.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (town, "2024-05-20");

  g_assert_null (mention_entity (x, text, RASD_MENTION_PLACE, "حديثه"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PLACE, "بيانه"));
  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpint (((RasdEvent *) g_ptr_array_index (x->events, 0))->place, <, 0);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_PRONOUN_NOT_PLACE), ==, 2);
  g_assert_nonnull (mention_entity (y, town, RASD_MENTION_PLACE, "حديثة"));
}

static void
test_counterpart_country (void)
{
  /* "نظيره الكيني" alone is the Kenyan named right after "نظيره الكيني" before */
  const char *text = "صافح الرئيس الإندونيسي جوكو ويدودو نظيره الكيني وليام روتو في نيروبي اليوم.\n"
                     "ويعقد ويدودو غدا جلسة مباحثات مع نظيره الكيني تتناول التجارة والطاقة.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *host = mention_entity (x, text, RASD_MENTION_PERSON, "وليام روتو");
  const char *later = strstr (text, "مع نظيره") + strlen ("مع ");
  gboolean found = FALSE;

  g_assert_nonnull (host);
  for (guint m = 0; m < x->mentions->len; m++)
    {
      const RasdMention *mention = &g_array_index (x->mentions, RasdMention, m);

      if (mention->kind == RASD_MENTION_PERSON &&
          mention->start == (gsize) g_utf8_pointer_to_offset (text, later))
        found = rasd_extraction_get_entity (x, mention->entity) == host;
    }
  g_assert_true (found);
  for (guint i = 0; i < x->events->len; i++)
    g_assert_true (event_has (x, g_ptr_array_index (x->events, i), host->key));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_COUNTERPART_COUNTRY), ==, 1);
}

static void
test_sentence_mate_place (void)
{
  /* the meeting that came before the one told in Amman, the same day, with the same man, is
   * in Amman too */
  const char *text = "عقد وزير الخارجية الأمريكي أنتوني بلينكن في عمّان اليوم اجتماعا مع العاهل الأردني "
                     "الملك عبد الله الثاني، وذلك بعد لقاء الوزير الأمريكي بوزير الخارجية الأردني "
                     "أيمن الصفدي.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  gboolean other = FALSE;

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      g_assert_true (event_has (x, event, "antony-blinken"));
      g_assert_cmpstr (event_place_en (x, event), ==, "Amman");
      other |= event_has (x, event, "ayman-safadi");
    }
  g_assert_true (other);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_SENTENCE_MATE_PLACE), ==, 1);
}

static void
test_written_shadda (void)
{
  /* عمّان with its shadda is Amman, whatever the story's countries; عمان alone is Oman */
  const char *amman = "وصل المبعوث الأممي هانس غروندبرغ إلى عمّان اليوم.";
  const char *oman = "وصل المبعوث الأممي هانس غروندبرغ إلى عمان اليوم.";
  g_autoptr(RasdExtraction) x = run (amman, "2024-05-24");
  g_autoptr(RasdExtraction) y = run (oman, "2024-05-24");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Amman");
  g_assert_cmpuint (rule_hits (amman, "2024-05-24", RASD_RULE_NER_WRITTEN_SHADDA), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (rasd_extraction_get_entity (y, ((RasdEvent *) g_ptr_array_index (y->events, 0))->place)->key,
                   ==, "country:OM");
}

static void
test_place_with_proclitic (void)
{
  /* بريدة after a noun and وبريدة in a list are Buraidah, a city of 390,000, not ب + ريدة (a
   * German town) read after a preposition */
  const char *text = "التقى وزير الصحة خالد الفالح اليوم رئيس غرفة بريدة عبدالرحمن بن صالح المطوع، "
                     "بعد جولة تفقد فيها مستشفيات عنيزة وبريدة.";
  g_autoptr(RasdExtraction) x = run (text, "2024-03-11");
  RasdEntity *e;

  e = mention_entity (x, text, RASD_MENTION_PLACE, "بريدة");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Buraidah");
  e = mention_entity (x, text, RASD_MENTION_PLACE, "وبريدة");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->name_en, ==, "Buraidah");
  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Buraidah");
  g_assert_cmpuint (rule_hits (text, "2024-03-11", RASD_RULE_NER_PLACE_WITH_PROCLITIC), ==, 2);
}

static void
test_office_named_twice (void)
{
  /* a foreign name between the title and the role of its office, its second word in و; the
   * role's country makes the man the one "الرئيس الإندونيسي" stands for later */
  const char *text = "وصل فخامة الرئيس جوكو ويدودو رئيس جمهورية إندونيسيا إلى جدة اليوم في زيارة رسمية.\n"
                     "ومن المقرر أن يعقد الملك سلمان بن عبدالعزيز جلسة مباحثات مع "
                     "الرئيس الإندونيسي غدا.";
  const char *two = "اجتمع الرئيس الروسي فلاديمير بوتين وأردوغان في سوتشي اليوم.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-20");
  g_autoptr(RasdExtraction) y = run (two, "2021-09-29");
  RasdEntity *jokowi = mention_entity (x, text, RASD_MENTION_PERSON, "جوكو");
  gboolean talks = FALSE;

  g_assert_nonnull (jokowi);
  g_assert_cmpstr (jokowi->name, ==, "جوكو ويدودو");
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (event_has (x, event, "salman-bin-abdulaziz"))
        {
          g_assert_true (event_has (x, event, jokowi->key));
          talks = TRUE;
        }
    }
  g_assert_true (talks);
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_NER_WAW_IN_NAME), >=, 1);
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_NER_ROLE_COUNTRY_AFTER_NAME), ==, 1);
  /* و before a name the lexicon knows is "and" */
  g_assert_cmpstr (mention_entity (y, two, RASD_MENTION_PERSON, "وأردوغان")->key, ==, "recep-tayyip-erdogan");
}

static void
test_during_stay (void)
{
  /* "مرورا بعمّان التي التقى خلالها": the meeting is of the stay in Amman, on its day, not
   * part of the talks told before in Muscat */
  const char *text = "وكان المبعوث الأممي هانس غروندبرغ أجرى محادثات في مسقط قبل وصوله إلى صنعاء مرورا "
                     "بعمّان التي اجتمع خلالها بأعضاء في الحكومة اليمنية الأربعاء.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-24");
  gboolean in_amman = FALSE, in_muscat = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);
      const char *place = event_place_en (x, event);

      if (g_strcmp0 (place, "Amman") == 0)
        {
          g_autofree char *date = event_date (event);

          g_assert_cmpstr (date, ==, "2024-05-22");
          in_amman = TRUE;
        }
      in_muscat |= g_strcmp0 (place, "Muscat") == 0;
    }
  g_assert_true (in_amman);
  g_assert_true (in_muscat);
}

static void
test_name_ali (void)
{
  /* علي written with ي before a first name is the name; before a noun it is على as some
   * write it, no name */
  const char *text = "استقبل وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم وزير النفط الكويتي علي "
                     "صالح العمير، وأكد الصفدي علي ضرورة التعاون.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *guest = guest_of_one_event (x, text, "علي صالح العمير", "ayman-safadi");

  g_assert_cmpstr (guest->name, ==, "علي صالح العمير");
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "علي ضرورة"));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_NAME_ALI), >=, 1);
}

static void
test_family_goes_on (void)
{
  /* a Gulf name of several family names with ال is one name; a title after one is not */
  const char *text = "التقى وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم وزير الدولة الكويتي الشيخ "
                     "فهد سالم المنصور الجاسم.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *guest = guest_of_one_event (x, text, "فهد سالم المنصور الجاسم", "ayman-safadi");

  g_assert_cmpstr (guest->name, ==, "فهد سالم المنصور الجاسم");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_FAMILY_GOES_ON), ==, 1);
}

static void
test_return_home (void)
{
  /* where one goes back to is home, where one comes back from the visit's place */
  const char *after = "عاد وزير الخارجية الأردني أيمن الصفدي إلى عمّان اليوم بعد زيارة رسمية إلى روما.";
  const char *back = "وصل وزير الخارجية الأردني أيمن الصفدي إلى عمّان اليوم عائدا من روما.";
  const char *texts[] = { after, back };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(RasdExtraction) x = run (texts[t], "2024-05-20");

      g_assert_cmpuint (x->events->len, ==, 1);
      g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Rome");
      g_assert_cmpuint (rule_hits (texts[t], "2024-05-20", RASD_RULE_NER_RETURN_NOT_DESTINATION), ==, 1);
    }
}

static void
test_visit_since (void)
{
  /* "أول وزير يزور العراق منذ عام 1990": the first visit since then, not one in 1990 */
  const char *text = "ويعد وزير الخارجية الأردني أيمن الصفدي أول وزير خارجية أردني يزور اليمن منذ عام "
                     "1990.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");

  for (guint i = 0; i < x->events->len; i++)
    g_assert_cmpint (((RasdEvent *) g_ptr_array_index (x->events, i))->date.year, !=, 1990);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_DATE_SINCE), ==, 1);
}

static void
test_speaker_wish (void)
{
  /* "أعرب X عن تطلعه لاستقبال Y": X is to receive Y */
  const char *text = "وأعرب الرئيس الفرنسي إيمانويل ماكرون عن تطلعه لاستقبال الرئيس الإندونيسي جوكو "
                     "ويدودو في باريس الشهر المقبل.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *guest = mention_entity (x, text, RASD_MENTION_PERSON, "جوكو ويدودو");
  RasdEvent *event;

  g_assert_nonnull (guest);
  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, "emmanuel-macron"));
  g_assert_true (event_has (x, event, guest->key));
  g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_PLANNED);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_SPEAKER_WISH), ==, 1);
}

static void
test_denied (void)
{
  /* a meeting denied (نفى أن يكون قد التقى) is no event */
  const char *text = "ونفت الخارجية الأمريكية أن يكون الوزير أنتوني بلينكن قد التقى وزير الخارجية الأردني "
                     "أيمن الصفدي في فيينا أمس.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 0);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_DENIED), ==, 1);
}

static void
test_sports_and_press (void)
{
  /* a match (اللقاء in a sentence of sport) and a call to a paper are no events; the same
   * nouns between people are */
  const char *match = "وسجل المهاجم سالم الدوسري هدف اللقاء الوحيد في الدقيقة 80 على ملعب المدينة.";
  const char *press = "وفي اتصال هاتفي مع الصحيفة، قال المدرب الهولندي مارتن يول إن الفريق جاهز.";
  const char *meeting = "وعقد الصفدي لقاء مع وزير الخارجية الأمريكي أنتوني بلينكن في عمّان اليوم، تناول "
                        "التفاصيل الدقيقة للاتفاق.";
  g_autoptr(RasdExtraction) x = run (match, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (press, "2024-05-20");
  g_autoptr(RasdExtraction) z = run (meeting, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 0);
  g_assert_cmpuint (rule_hits (match, "2024-05-20", RASD_RULE_EV_SPORTS_MATCH), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 0);
  g_assert_cmpuint (rule_hits (press, "2024-05-20", RASD_RULE_EV_CALL_WITH_PRESS), ==, 1);
  g_assert_cmpuint (z->events->len, ==, 1);
  g_assert_true (event_has (z, g_ptr_array_index (z->events, 0), "antony-blinken"));
}

static void
test_other_family (void)
{
  /* a lexicon man's first name and father followed by another family name is another man;
   * a first name that reads as ب + a word is one before بن and a known first name */
  const char *other = "استقبل وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم الدكتور محمد بن عبدالرحمن "
                      "العمر.";
  const char *letter = "استقبل وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم رئيس الجامعة الدكتور "
                       "بدران بن عبدالرحمن العمر.";
  g_autoptr(RasdExtraction) x = run (other, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (letter, "2024-05-20");
  RasdEntity *e = mention_entity (x, other, RASD_MENTION_PERSON, "محمد بن عبدالرحمن العمر");

  g_assert_nonnull (e);
  g_assert_cmpstr (e->key, !=, "mohammed-bin-abdulrahman");
  g_assert_cmpstr (e->name, ==, "محمد بن عبدالرحمن العمر");
  g_assert_cmpuint (rule_hits (other, "2024-05-20", RASD_RULE_NER_OTHER_FAMILY), ==, 1);
  e = mention_entity (y, letter, RASD_MENTION_PERSON, "بدران بن عبدالرحمن العمر");
  g_assert_nonnull (e);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_true (event_has (y, g_ptr_array_index (y->events, 0), e->key));
  g_assert_cmpuint (rule_hits (letter, "2024-05-20", RASD_RULE_NER_NAMED_BY_DESCENT), >=, 1);
}

static void
test_role_of_region (void)
{
  /* a governor's role of a region named again is the man named with it, whose country the
   * article does not say; a country's role is not */
  const char *region = "استقبل الأمير فيصل بن بندر أمير منطقة الرياض اليوم السفير الألماني ديتر هالر.\n"
                       "وكان أمير منطقة الرياض قد استقبل أمس السفير الهندي أحمد جاويد.";
  const char *country = "استقبل الأمير فيصل بن بندر اليوم السفير الألماني ديتر هالر.\n"
                        "وكان أمير قطر قد استقبل أمس السفير الهندي أحمد جاويد.";
  g_autoptr(RasdExtraction) x = run (region, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (country, "2024-05-20");
  RasdEntity *host = mention_entity (x, region, RASD_MENTION_PERSON, "فيصل بن بندر");
  RasdEntity *guest = mention_entity (x, region, RASD_MENTION_PERSON, "أحمد جاويد");
  gboolean found = FALSE;

  g_assert_nonnull (host);
  g_assert_nonnull (guest);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (event_has (x, event, guest->key))
        found = event_has (x, event, host->key);
    }
  g_assert_true (found);
  g_assert_cmpuint (rule_hits (region, "2024-05-20", RASD_RULE_NER_ROLE_OF_REGION), >=, 1);
  host = mention_entity (y, country, RASD_MENTION_PERSON, "فيصل بن بندر");
  guest = mention_entity (y, country, RASD_MENTION_PERSON, "أحمد جاويد");
  for (guint i = 0; i < y->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (y->events, i);

      if (event_has (y, event, guest->key))
        g_assert_false (event_has (y, event, host->key));
    }
}

static void
test_dateline_date (void)
{
  /* the agency's dateline, a city and the date, places the news there (not the host's
   * capital, as "في مكتبه" alone would) */
  const char *text = "العقبة 12 ذو القعدة 1445 هـ الموافق 20 مايو 2024 م بترا\n"
                     "استقبل وزير الخارجية الأردني أيمن الصفدي في مكتبه اليوم وزير الخارجية الإيطالي "
                     "أنطونيو تاياني.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEvent *event;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (event_place_en (x, event), ==, "Aqaba");
  date = event_date (event);
  g_assert_cmpstr (date, ==, "2024-05-20");
  g_assert_cmpuint (rule_hits (text, NULL, RASD_RULE_EV_DATELINE_DATE), ==, 1);
}

static void
test_letter_sender (void)
{
  /* whom a letter is from is no party of its delivery, named after نظيره or by a first name */
  const char *counterpart = "تسلم وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم رسالة من نظيره الإيطالي "
                            "أنطونيو تاياني، سلمها له السفير الإيطالي لدى الأردن لوتشيانو بيتزوني خلال "
                            "استقباله.";
  const char *first_name = "تسلم وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم رسالة من سامي الخطيب، "
                           "سلمها له السفير الإيطالي لدى الأردن لوتشيانو بيتزوني خلال استقباله.";
  const char *texts[] = { counterpart, first_name };
  const char *senders[] = { "أنطونيو تاياني", "سامي الخطيب" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(RasdExtraction) x = run (texts[t], "2024-05-20");
      RasdEntity *sender = mention_entity (x, texts[t], RASD_MENTION_PERSON, senders[t]);

      g_assert_nonnull (sender);
      g_assert_cmpuint (x->events->len, ==, 1);
      g_assert_true (event_has (x, g_ptr_array_index (x->events, 0), "ayman-safadi"));
      g_assert_false (event_has (x, g_ptr_array_index (x->events, 0), sender->key));
    }
}

static void
test_attendees_only (void)
{
  /* a meeting no one named holds is of those who attend it; where someone holds it, those who
   * attend are not its parties */
  const char *opened = "انطلقت في عمّان أمس أعمال الاجتماع الثلاثي بحضور وزير الخارجية الأردني أيمن "
                       "الصفدي ووزير الخارجية المصري سامح شكري.";
  const char *held = "التقى العاهل الأردني الملك عبد الله الثاني أمس الرئيس المصري عبد الفتاح السيسي "
                     "بحضور وزير الخارجية الأردني أيمن الصفدي.";
  g_autoptr(RasdExtraction) x = run (opened, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (held, "2024-05-20");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpuint (event->participants->len, ==, 2);
  g_assert_cmpstr (event_place_en (x, event), ==, "Amman");
  g_assert_cmpuint (rule_hits (opened, "2024-05-20", RASD_RULE_EV_ATTENDEES_ONLY), ==, 2);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (y->events, 0))->participants->len, ==, 2);
  g_assert_cmpuint (rule_hits (held, "2024-05-20", RASD_RULE_EV_ATTENDEES_ONLY), ==, 0);
}

static void
test_during_it (void)
{
  /* "بحثا خلاله" is what the call before it was about: one call; a visit planned for next
   * week is no part of the day's news */
  const char *text = "أجرى الرئيس الفرنسي إيمانويل ماكرون اليوم اتصالا هاتفيا مع الرئيس الأمريكي جو "
                     "بايدن، بحثا خلاله تطورات الأوضاع في المنطقة.\n"
                     "ويعتزم الرئيس الفرنسي التوجه إلى عمّان الأسبوع المقبل للقاء العاهل الأردني الملك "
                     "عبدالله الثاني.";
  g_autoptr(RasdExtraction) x = run (text, "2023-11-15");
  RasdEvent *call, *visit;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 2);
  call = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (call->kind, ==, "call");
  g_assert_cmpuint (call->participants->len, ==, 2);
  g_assert_cmpuint (call->evidence->len, ==, 1);
  visit = g_ptr_array_index (x->events, 1);
  g_assert_cmpint (visit->role, ==, RASD_EVENT_ROLE_PLANNED);
  g_assert_cmpstr (event_place_en (x, visit), ==, "Amman");
  date = event_date (visit);
  g_assert_cmpstr (date, ==, "2023-11");
  g_assert_cmpuint (rule_hits (text, "2023-11-15", RASD_RULE_EV_DURING_IT), ==, 1);
}

static void
test_kingdom_of_dateline (void)
{
  /* a Bahraini minister's visit "للمملكة" told from Riyadh is to Saudi Arabia: the dateline
   * outweighs the visitor's kingdom */
  const char *text = "الرياض - واس\nبدأ وزير الخارجية في مملكة البحرين الشيخ خالد بن أحمد آل خليفة اليوم "
                     "زيارة رسمية للمملكة تستغرق يومين.";
  g_autoptr(RasdExtraction) x = run (text, "2016-04-10");
  RasdEntity *kingdom = mention_entity (x, text, RASD_MENTION_PLACE, "للمملكة");

  g_assert_nonnull (kingdom);
  g_assert_cmpstr (kingdom->key, ==, "country:SA");
  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (rasd_extraction_get_entity (x, ((RasdEvent *) g_ptr_array_index (x->events, 0))->place)->country,
                   ==, "SA");
  g_assert_cmpuint (rule_hits (text, "2016-04-10", RASD_RULE_NER_KINGDOM_DATELINE), ==, 1);
}

static void
test_title_without_honorific (void)
{
  /* a king named with جلالة الملك is the king alone later, and the country's monarch (العاهل
   * is الملك); the third word of a name of three with no بن, after a title, is its family name
   * though its first word is one of every day; and a visit that ends tomorrow is the talks told
   * before, no visit of its own */
  const char *text = "استقبل جلالة الملك عبدالله الثاني في عمان أمس رئيس وزراء بلجيكا شارل ميشيل.\n"
                     "والتقى الملك في العقبة اليوم وزير الخارجية الألماني فرانك فالتر شتاينماير.\n"
                     "واستقبل العاهل الأردني في عمان اليوم رئيس وزراء إيطاليا ماتيو رينزي.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-25");

  g_assert_cmpuint (x->events->len, ==, 3);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      g_assert_true (event_has (x, event, "abdullah-ii"));
      g_assert_cmpuint (event->participants->len, ==, 2);
    }
  g_assert_cmpuint (rule_hits (text, "2015-08-25", RASD_RULE_NER_TITLE_WITHOUT_HONORIFIC), >=, 1);
}

static void
test_named_by_father (void)
{
  /* "مرزوق علي الغانم": a first name the lexicon reads as a word, the father's name, the
   * family's; "حرص علي الالتزام" (على typed with ي) is no name */
  const char *text = "استقبل الشيخ صباح الأحمد في قصر بيان اليوم رئيس مجلس الأمة "
                     "مرزوق علي الغانم.\n"
                     "وأكد رئيس مجلس الأمة حرص علي الالتزام بالقرارات.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-15");
  RasdEntity *speaker = mention_entity (x, text, RASD_MENTION_PERSON, "مرزوق");
  RasdEvent *reception;

  g_assert_nonnull (speaker);
  g_assert_cmpstr (speaker->name, ==, "مرزوق علي الغانم");
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "حرص"));
  g_assert_cmpuint (x->events->len, ==, 1);
  reception = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, reception, speaker->key));
  g_assert_true (event_has (x, reception, "sabah-al-ahmad"));
}

static void
test_visit_end (void)
{
  /* the visit that ends tomorrow is the visit of the talks today, in Cairo, not a visit of
   * tomorrow */
  const char *text = "بحث الرئيس المصري عبدالفتاح السيسي مع العاهل البحريني الملك حمد بن عيسى آل خليفة "
                     "خلال لقائهما في القاهرة اليوم مستجدات الأوضاع الإقليمية.\n"
                     "ويختتم العاهل البحريني زيارته لمصر غدا.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-10");
  RasdEvent *talks;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  talks = g_ptr_array_index (x->events, 0);
  date = event_date (talks);
  g_assert_cmpstr (date, ==, "2015-08-10");
  g_assert_cmpstr (event_place_en (x, talks), ==, "Cairo");
  g_assert_cmpuint (rule_hits (text, "2015-08-10", RASD_RULE_EV_VISIT_END), ==, 1);
}

static void
test_journey_on (void)
{
  /* a journey on to Beirut after a reception told from Muscat is no step of the reception,
   * whose place the dateline gives */
  const char *text = "مسقط - العمانية\n"
                     "استقبل يوسف بن علوي بن عبدالله الوزير المسؤول عن الشؤون الخارجية صباح اليوم وزير "
                     "الخارجية الإيراني محمد جواد ظريف الذي يزور السلطنة حاليا.\n"
                     "وسيتوجه ظريف بعد ذلك إلى بيروت في إطار جولة إقليمية.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-12");
  gboolean received = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (!event_has (x, event, "yusuf-bin-alawi"))
        continue;
      received = TRUE;
      g_assert_true (event_has (x, event, "javad-zarif"));
      g_assert_cmpstr (event_place_en (x, event), ==, "Muscat");
    }
  g_assert_true (received);
  g_assert_cmpuint (rule_hits (text, "2015-08-12", RASD_RULE_EV_JOURNEY_ON), >=, 1);
}

static void
test_role_named_before (void)
{
  /* a foreign first name written with أل is no word with the article (the name goes on), and
   * "رئيس الوزراء" in the second sentence is the prime minister named before, not the Greek
   * one the article names later */
  const char *text = "التقى المهندس إبراهيم محلب رئيس مجلس الوزراء أمس بمقر المجلس في القاهرة وفدا صينيا "
                     "برئاسة وانغ يانغ نائب رئيس مجلس الدولة الصيني.\n"
                     "وعقب اللقاء، صرح المتحدث الرسمي بأن رئيس الوزراء رحب بالاستثمارات الصينية.\n"
                     "ويستقبل محلب غدا رئيس وزراء اليونان أليكسيس تسيبراس.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-11");
  RasdEntity *greek = mention_entity (x, text, RASD_MENTION_PERSON, "أليكسيس");
  gboolean received = FALSE;

  g_assert_nonnull (greek);
  g_assert_cmpstr (greek->name, ==, "أليكسيس تسيبراس");
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);
      g_autofree char *date = event_date (event);

      if (g_strcmp0 (date, "2015-08-10") == 0)
        g_assert_false (event_has (x, event, greek->key));
      else if (event_has (x, event, greek->key))
        received = TRUE;
    }
  g_assert_true (received);
  g_assert_cmpuint (rule_hits (text, "2015-08-11", RASD_RULE_NER_ROLE_NAMED_BEFORE), >=, 1);
}

static void
test_head_of_body (void)
{
  /* الرئيس is a head of state: the head of a parliament or of a party is someone else, with
   * or without the article (the president's title once had his honorific, فخامة الرئيس, and
   * the heads of bodies were never compared with it) */
  const char *text = "استقبل الرئيس الروسي فلاديمير بوتين في الكرملين اليوم فخامة الرئيس نور سلطان نزارباييف "
                     "رئيس جمهورية كازاخستان.\n"
                     "وحضر اللقاء رئيس البرلمان الروسي.\n"
                     "كما التقى بوتين مساء اليوم مع رئيس حزب روسيا الموحدة.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-20");

  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "رئيس البرلمان"));
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "رئيس حزب"));
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_NER_HEAD_OF_BODY), >=, 2);
}

static void
test_honorific_begins_other (void)
{
  /* after the king's title, an honorific and a title no name follows are the emir, not a
   * longer title of the king */
  const char *text = "استقبل الملك سلمان بن عبدالعزيز في الرياض اليوم أمير الكويت الشيخ صباح الأحمد.\n"
                     "ورافق خادم الحرمين الشريفين سمو أمير الكويت في جولة داخل القصر.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-20");
  RasdEntity *first = mention_entity (x, text, RASD_MENTION_PERSON, "خادم");
  RasdEntity *emir = mention_entity (x, text, RASD_MENTION_PERSON, "سمو أمير");

  g_assert_true (first == NULL || g_strcmp0 (first->key, "salman-bin-abdulaziz") == 0);
  g_assert_nonnull (emir);
  g_assert_cmpstr (emir->key, ==, "sabah-al-ahmad");
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_NER_HONORIFIC_BEGINS_OTHER), >=, 1);
}

static void
test_posted_as_written (void)
{
  /* after where an ambassador serves, لورينس is a foreign first name, not ل + a word */
  const char *text = "استقبل الأمير فيصل بن بندر أمير منطقة الرياض في مكتبه اليوم أمين المنطقة.\n"
                     "كما استقبل سموه سفير مملكة هولندا لدى المملكة لورينس هيرمانز.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-20");
  RasdEntity *envoy = mention_entity (x, text, RASD_MENTION_PERSON, "لورينس");
  RasdEvent *reception;

  g_assert_nonnull (envoy);
  g_assert_cmpstr (envoy->name, ==, "لورينس هيرمانز");
  g_assert_cmpuint (x->events->len, ==, 1);
  reception = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, reception, envoy->key));
  g_assert_cmpuint (reception->participants->len, ==, 2);
}

static void
test_dateline_before_print (void)
{
  /* an agency's story printed the day after its dateline: اليوم is the dateline's day */
  const char *text = "جدة 12 ذو القعدة 1436 هـ الموافق 27 أغسطس 2015 م واس\n"
                     "استقبل الأمير محمد بن نايف في مكتبه بجدة اليوم وزير الخارجية البريطاني فيليب هاموند.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-28");
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  date = event_date (g_ptr_array_index (x->events, 0));
  g_assert_cmpstr (date, ==, "2015-08-27");
  g_assert_cmpuint (rule_hits (text, "2015-08-28", RASD_RULE_DATE_DATELINE_BEFORE_PRINT), ==, 1);
}

static void
test_hijri_dateline (void)
{
  /* a dateline of the Hijri calendar alone, the day before the publication: 9 Dhu al-Qa'dah
   * 1436 is 24 August 2015, and اليوم is that day */
  const char *text = "الرياض 9 ذو القعدة 1436 هـ واس\n"
                     "التقى الأمير محمد بن نايف في مكتبه اليوم سفير اليابان لدى المملكة.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-25");
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  date = event_date (g_ptr_array_index (x->events, 0));
  g_assert_cmpstr (date, ==, "2015-08-24");
  g_assert_cmpuint (rule_hits (text, "2015-08-25", RASD_RULE_DATE_HIJRI_DATELINE), ==, 1);
}

static void
test_news_day (void)
{
  /* the news is of yesterday: a deed of it told with no time is of yesterday too; with deeds
   * of two days told, one told with no time is of the day of publication */
  const char *text = "استقبل ناصر جودة وزير الخارجية الأردني بمكتبه أمس وزير خارجية النمسا سيباستيان كورتس.\n"
                     "وجرى خلال اللقاء بحث العلاقات الثنائية.\n"
                     "كما استقبل جودة المبعوث الأممي إلى ليبيا برناردينو ليون.";
  const char *two_days = "استقبل ناصر جودة وزير الخارجية الأردني بمكتبه أمس وزير خارجية النمسا سيباستيان كورتس.\n"
                         "ويستقبل جودة اليوم المبعوث الأممي إلى ليبيا برناردينو ليون.\n"
                         "التقى جودة المبعوث الأممي إلى سوريا ستيفان دي ميستورا.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-20");
  g_autoptr(RasdExtraction) y = run (two_days, "2015-08-20");

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint i = 0; i < x->events->len; i++)
    {
      g_autofree char *date = event_date (g_ptr_array_index (x->events, i));

      g_assert_cmpstr (date, ==, "2015-08-19");
    }
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_EV_NEWS_DAY), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 3);
  {
    g_autofree char *date = event_date (g_ptr_array_index (y->events, 2));

    g_assert_true (event_has (y, g_ptr_array_index (y->events, 2), "staffan-de-mistura"));
    g_assert_cmpstr (date, ==, "2015-08-20");
  }
}

static void
test_place_before_visit_end (void)
{
  /* talks told with no place happened where the visit the text then tells as ended was; the
   * warm reception praised is no event of its own */
  const char *text = "التقى وزير الخارجية الأردني ناصر جودة أمس مع وزير خارجية البحرين الشيخ خالد بن أحمد "
                     "آل خليفة، وبحث معه العلاقات الثنائية.\n"
                     "وتوجه جودة فور انتهاء زيارته إلى البحرين إلى دولة الكويت للقاء المسؤولين فيها.\n"
                     "وكان جودة قد أشاد بحفاوة استقباله في سلطنة عمان.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-20");
  RasdEvent *talks;

  g_assert_cmpuint (x->events->len, ==, 2);
  talks = g_ptr_array_index (x->events, 0);
  g_assert_cmpuint (talks->participants->len, ==, 2);
  g_assert_cmpstr (event_place_en (x, talks), ==, "Bahrain");
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 1)), ==, "Kuwait");
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_EV_PLACE_BEFORE_VISIT_END), ==, 1);
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_EV_HOSPITALITY), ==, 1);
}

static void
test_city_of_other_time (void)
{
  /* the one Russian city of the article is where a meeting of June was, not where the visit to
   * Russia of August goes */
  const char *text = "توجه ولي ولي العهد السعودي إلى روسيا أمس، في زيارة رسمية يلتقي خلالها الرئيس "
                     "فلاديمير بوتين.\n"
                     "وكان الأمير محمد بن سلمان التقى بوتين في سان بطرسبرغ في يونيو الماضي.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-30");
  RasdEvent *visit;

  g_assert_cmpuint (x->events->len, ==, 2);
  visit = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (visit->kind, ==, "visit");
  g_assert_cmpstr (event_place_en (x, visit), ==, "Russia");
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 1)), ==, "Saint Petersburg");
}

static void
test_left_after_visit (void)
{
  /* the country one leaves right before "بعد زيارة" is where the visit was (a place left is
   * otherwise no visit's place) */
  const char *text = "غادر الرئيس المصري عبد الفتاح السيسي روسيا مساء اليوم بعد زيارة رسمية استغرقت يومين.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-27");
  RasdEvent *visit;

  g_assert_cmpuint (x->events->len, ==, 1);
  visit = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (visit->kind, ==, "visit");
  g_assert_cmpstr (event_place_en (x, visit), ==, "Russia");
  g_assert_cmpuint (rule_hits (text, "2015-08-27", RASD_RULE_EV_LEFT_AFTER_VISIT), >=, 1);
}

static void
test_leaver_long_chain (void)
{
  /* the city one leaves after a chain of titles of any length is no visit's place, and the
   * prince named after "في وداع سموه" is not whom the next سموه stands for */
  const char *text = "غادر الأمير خالد بن سلمان مساعد وزير الدفاع رئيس اللجنة العليا للتعاون العسكري المشترك، "
                     "جدة اليوم متوجها إلى فرنسا في زيارة رسمية.\n"
                     "وكان في وداع سموه بمطار الملك عبدالعزيز الدولي الأمير سعود بن عبدالله بن جلوي محافظ جدة.\n"
                     "وسيلتقي سموه خلال الزيارة الرئيس الفرنسي فرانسوا هولاند.";
  g_autoptr(RasdExtraction) x = run (text, "2015-10-11");
  RasdEntity *governor = mention_entity (x, text, RASD_MENTION_PERSON, "سعود بن عبدالله");

  g_assert_nonnull (governor);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      g_assert_cmpstr (event_place_en (x, event), !=, "Jeddah");
      if (event_has (x, event, "francois-hollande"))
        g_assert_false (event_has (x, event, governor->key));
    }
  g_assert_cmpuint (rule_hits (text, "2015-10-11", RASD_RULE_EV_HONORIFIC_BEFORE_NAME), >=, 1);
}

static void
test_first_name_with_article (void)
{
  /* الطيب is a first name of the Maghreb (the tagger's features do not know it, the
   * extractor does): two receptions, each of its minister */
  const char *text = "استقبل الملك سلمان بن عبدالعزيز في مكتبه في جدة اليوم، كلا من وزير الخارجية الأردني "
                     "ناصر جودة، ووزير الخارجية التونسي الطيب البكوش، كل على حدة.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-05");
  RasdEntity *tunisian = mention_entity (x, text, RASD_MENTION_PERSON, "الطيب");

  g_assert_nonnull (tunisian);
  g_assert_cmpstr (tunisian->name, ==, "الطيب البكوش");
  g_assert_cmpuint (x->events->len, ==, 2);
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 1), tunisian->key));
}

static void
test_dual_calls (void)
{
  /* two calls, one from each president: two events, each of the king and one of them */
  const char *text = "تلقى الملك سلمان بن عبدالعزيز اتصالين هاتفيين من الرئيس الأمريكي باراك أوباما والرئيس "
                     "الفرنسي فرانسوا هولاند، جرى خلالهما بحث الاتفاق النووي.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-05");

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      RasdEvent *call = g_ptr_array_index (x->events, i);

      g_assert_cmpstr (call->kind, ==, "call");
      g_assert_cmpuint (call->participants->len, ==, 2);
      g_assert_true (event_has (x, call, "salman-bin-abdulaziz"));
      g_assert_true (event_has (x, call, i == 0 ? "barack-obama" : "francois-hollande"));
    }
}

static void
test_dateline_city (void)
{
  /* "عمان - بترا": the dateline names Amman, not Oman, and so does عمان again in the article;
   * a foreign first name with أل is no word of the organisation before it */
  const char *text = "عمان - بترا\n"
                     "التقى رئيس مجلس النواب عاطف الطراونة في مكتبه اليوم السفير الأمريكي في عمان، وبحث معه "
                     "العلاقات الثنائية.\n"
                     "كما التقى الطراونة وفدا من البرلمان الأوروبي إلمار بروك.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-18");
  const char *again = strstr (text, "في عمان");
  RasdEntity *org = mention_entity (x, text, RASD_MENTION_ORGANISATION, "البرلمان");

  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Amman");
  for (guint m = 0; m < x->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (x->mentions, RasdMention, m);

      if (mention->kind == RASD_MENTION_PLACE &&
          mention->start == (gsize) g_utf8_pointer_to_offset (text, again + strlen ("في ")))
        g_assert_cmpstr (rasd_extraction_get_entity (x, mention->entity)->country, ==, "JO");
    }
  g_assert_nonnull (org);
  g_assert_null (strstr (org->name, "إلمار"));
}

static void
test_abd_alone (void)
{
  /* one word of عبد joined to a name of God is a first name, which the lists need not have:
   * alone after an ambassador's title it is his name */
  const char *text = "التقى وزير الحج بندر حجار اليوم السفير الإندونيسي عبدالجميل.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-05");
  RasdEntity *envoy = mention_entity (x, text, RASD_MENTION_PERSON, "عبدالجميل");

  g_assert_nonnull (envoy);
  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 0), envoy->key));
}

static void
test_speaker_received (void)
{
  /* who conveys greetings is at the reception of his sentence, whoever's pronoun the noun
   * has; so is the one له stands for after the deed and its owner */
  static const char * const texts[] = {
    "ونقل وزير الخارجية الأمريكي جون كيري تحيات الرئيس باراك أوباما إلى الملك سلمان بن عبدالعزيز "
    "لدى استقباله اليوم في جدة.",
    "وأكد وزير الخارجية الأمريكي جون كيري التزام بلاده بأمن المنطقة، خلال استقبال الملك سلمان بن "
    "عبدالعزيز له اليوم في جدة.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RasdExtraction) x = run (texts[i], "2015-08-05");
      RasdEvent *reception;

      g_assert_cmpuint (x->events->len, ==, 1);
      reception = g_ptr_array_index (x->events, 0);
      g_assert_true (event_has (x, reception, "john-kerry"));
      g_assert_true (event_has (x, reception, "salman-bin-abdulaziz"));
      g_assert_false (event_has (x, reception, "barack-obama"));
    }
  g_assert_cmpuint (rule_hits (texts[0], "2015-08-05", RASD_RULE_EV_SPEAKER_GREETINGS), ==, 1);
  g_assert_cmpuint (rule_hits (texts[1], "2015-08-05", RASD_RULE_EV_SPEAKER_RECEIVED), ==, 1);
}

static void
test_set_in_visit (void)
{
  /* a meeting whose sentence is set in a visit (a fronted phrase, its own clause) happened
   * where the visit was */
  static const char * const texts[] = {
    "في ختام زيارته إلى روسيا، التقى الأمير خالد بن سلمان وزير الخارجية سيرغي لافروف.",
    "خلال زيارته لروسيا، التقى الأمير خالد بن سلمان وزير الخارجية سيرغي لافروف.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RasdExtraction) x = run (texts[i], "2015-08-05");

      g_assert_cmpuint (x->events->len, ==, 1);
      g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Russia");
      g_assert_cmpuint (rule_hits (texts[i], "2015-08-05", RASD_RULE_EV_SET_IN_VISIT), ==, 1);
    }
}

static void
test_held_title_then_other (void)
{
  /* the king, named before, and then a title with another nationality: two men, the host and
   * his guest (not one chain of titles of the guest) */
  const char *text = "تلقى الملك سلمان بن عبدالعزيز اتصالا هاتفيا اليوم من الرئيس التركي رجب طيب أردوغان.\n"
                     "وبعد ذلك استقبل الملك رئيس الوزراء الباكستاني محمد نواز شريف.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-10");
  RasdEntity *guest = mention_entity (x, text, RASD_MENTION_PERSON, "محمد نواز");
  gboolean received = FALSE;

  g_assert_nonnull (guest);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (!event_has (x, event, guest->key))
        continue;
      received = TRUE;
      g_assert_true (event_has (x, event, "salman-bin-abdulaziz"));
    }
  g_assert_true (received);
  g_assert_cmpuint (rule_hits (text, "2015-08-10", RASD_RULE_NER_HELD_TITLE_THEN_OTHER), ==, 1);
}

static void
test_german_minister (void)
{
  /* الوزير الألماني is the German minister named before (الألماني was no adjective), and the
   * deeds told of him are his */
  const char *text = "التقى وزير الخارجية عادل الجبير نظيره الألماني فرانك فالتر شتاينماير في الرياض أمس.\n"
                     "وكان الوزير الألماني قد وصل إلى الرياض مساء أمس الأول، قادما من طهران التي التقى فيها "
                     "الرئيس الإيراني حسن روحاني.";
  g_autoptr(RasdExtraction) x = run (text, "2015-10-19");
  RasdEntity *minister = mention_entity (x, text, RASD_MENTION_PERSON, "الوزير الألماني");

  g_assert_nonnull (minister);
  g_assert_cmpstr (minister->key, ==, "frank-walter-steinmeier");
  for (guint i = 0; i < x->events->len; i++)
    g_assert_true (event_has (x, g_ptr_array_index (x->events, i), "frank-walter-steinmeier"));
}

static void
test_that_he_reported (void)
{
  /* "وقال X إن ..." splits the sentence after the report's verb: the clause of "أنه سيلتقي Y"
   * names Y only, and X, whom إنه stands for, meets him too */
  const char *text = "التقى وزير الخارجية عادل الجبير نظيره الألماني فرانك فالتر شتاينماير في الرياض أمس.\n"
                     "وقال شتاينماير إن بلاده تقدر الدور السعودي في المنطقة، مشيرا إلى أنه سيلتقي اليوم ولي "
                     "العهد الأمير محمد بن نايف.";
  g_autoptr(RasdExtraction) x = run (text, "2015-10-19");
  gboolean planned = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (!event_has (x, event, "muhammad-bin-nayef"))
        continue;
      planned = TRUE;
      g_assert_true (event_has (x, event, "frank-walter-steinmeier"));
      g_assert_false (event_has (x, event, "adel-al-jubeir"));
    }
  g_assert_true (planned);
  g_assert_cmpuint (rule_hits (text, "2015-10-19", RASD_RULE_EV_THAT_HE_REPORTED), ==, 1);
}

static void
test_reported_own_visit (void)
{
  /* "بأن زيارته ..." after a report's verb is the speaker's visit: the deed told as during it
   * is his, where the visit was, and so is the visit that is the clause's own noun */
  const char *text = "صرح وزير الخارجية الأردني ناصر جودة بأن زيارته للكويت الأسبوع الماضي كانت مثمرة، حيث "
                     "التقى خلالها أمير دولة الكويت الشيخ صباح الأحمد.\n"
                     "وأوضح جودة أن زيارته إلى الدوحة ستشهد لقاء مع أمير قطر تميم بن حمد.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-25");
  RasdEvent *meeting, *visit;

  g_assert_cmpuint (x->events->len, ==, 2);
  meeting = g_ptr_array_index (x->events, 0);
  visit = g_ptr_array_index (x->events, 1);
  g_assert_true (event_has (x, meeting, "sabah-al-ahmad"));
  g_assert_cmpuint (meeting->participants->len, ==, 2);
  g_assert_cmpstr (event_place_en (x, meeting), ==, "Kuwait");
  g_assert_true (event_has (x, visit, "tamim-bin-hamad"));
  g_assert_cmpuint (visit->participants->len, ==, 2);
  g_assert_cmpuint (rule_hits (text, "2015-08-25", RASD_RULE_EV_REPORTED_OWN_VISIT), ==, 2);
  g_assert_cmpuint (rule_hits (text, "2015-08-25", RASD_RULE_EV_DURING_OWN_VISIT), ==, 1);
}

static void
test_visit_adjective (void)
{
  /* "بعد انتهاء زيارته الرسمية لليابان": the place of the ended visit stands after its
   * adjective, and the reception told before it was there */
  const char *text = "استقبل رئيس الوزراء الياباني شينزو آبي أمس وزير الخارجية عادل الجبير.\n"
                     "وتوجه الجبير بعد انتهاء زيارته الرسمية لليابان إلى كوريا الجنوبية.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-25");

  g_assert_cmpuint (x->events->len, ==, 2);
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 0), "adel-al-jubeir"));
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Japan");
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 1)), ==, "South Korea");
  g_assert_cmpuint (rule_hits (text, "2015-08-25", RASD_RULE_EV_VISIT_ADJECTIVE), ==, 1);
}

static void
test_short_form_named_later (void)
{
  /* the lexicon's الأسد is Bashar, but this article names Hafez in full after the bare word,
   * and never Bashar: every الأسد is Hafez */
  const char *text = "استقبل الأسد في دمشق أمس وزير الخارجية الأمريكي وارن كريستوفر.\n"
                     "وكان الرئيس حافظ الأسد قد التقى كريستوفر مرات عدة.";
  g_autoptr(RasdExtraction) x = run (text, "1994-08-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 0), "hafez-al-assad"));
  g_assert_false (event_has (x, g_ptr_array_index (x->events, 0), "bashar-al-assad"));
  g_assert_cmpuint (rule_hits (text, "1994-08-20", RASD_RULE_NER_SHORT_FORM_NAMED_LATER), ==, 1);
}

static void
test_indefinite_role (void)
{
  /* "برئيس وزراء إسرائيلي" is some Israeli prime minister, not the one named before */
  const char *text = "استقبل الرئيس المصري حسني مبارك أمس في القاهرة رئيس الوزراء الإسرائيلي إيهود باراك.\n"
                     "وكان مبارك قد التقى في مارس الماضي برئيس وزراء إسرائيلي في شرم الشيخ.";
  g_autoptr(RasdExtraction) x = run (text, "1999-08-20");
  guint with_barak = 0;

  for (guint i = 0; i < x->events->len; i++)
    with_barak += event_has (x, g_ptr_array_index (x->events, i), "up:إيهود-باراك");
  g_assert_cmpuint (with_barak, ==, 1);
  g_assert_cmpuint (rule_hits (text, "1999-08-20", RASD_RULE_NER_INDEFINITE_ROLE), ==, 1);
}

static void
test_place_of_process (void)
{
  /* "مسار فيينا" names a process, "الخاص بسوريا" what it is about, and "اجتماعهما المقبل في
   * نيويورك" where the next meeting will be: the meeting is at the dateline */
  const char *process = "موسكو - رويترز\n"
                        "اجتمع سيرغي لافروف وزير خارجية روسيا أمس بنظيره الأمريكي جون كيري في إطار مسار "
                        "فيينا الخاص بسوريا.";
  const char *next = "موسكو - رويترز\n"
                     "اجتمع سيرغي لافروف وزير خارجية روسيا أمس بنظيره الأمريكي جون كيري، واتفقا على عقد "
                     "اجتماعهما المقبل في نيويورك.";
  g_autoptr(RasdExtraction) x = run (process, "2015-08-20");
  g_autoptr(RasdExtraction) y = run (next, "2015-08-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Moscow");
  g_assert_cmpuint (rule_hits (process, "2015-08-20", RASD_RULE_EV_PLACE_OF_PROCESS), >=, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Moscow");
  g_assert_cmpuint (rule_hits (next, "2015-08-20", RASD_RULE_EV_PLACE_OF_NEXT), >=, 1);
}

static void
test_next_of_other (void)
{
  /* "المرحلة المقبلة" is the next phase, no time of the reception of the headline, which
   * is the news the body tells */
  const char *text = "ميركل تستقبل هولاند في برلين وتبحث معه المرحلة المقبلة من الشراكة\n"
                     "برلين - استقبلت المستشارة الألمانية أنغيلا ميركل الرئيس الفرنسي فرانسوا هولاند في مقر "
                     "المستشارية اليوم.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-20");
  RasdEvent *reception;

  g_assert_cmpuint (x->events->len, ==, 1);
  reception = g_ptr_array_index (x->events, 0);
  g_assert_cmpint (reception->role, ==, RASD_EVENT_ROLE_HEADLINE);
  g_assert_cmpuint (reception->participants->len, ==, 2);
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_EV_NEXT_OF_OTHER), ==, 1);
}

static void
test_monarch_titles (void)
{
  /* الملك، العاهل and خادم الحرمين الشريفين are one office: the king named with one is the
   * one a role of another stands for */
  const char *chain = "استقبل خادم الحرمين الشريفين الملك عبدالله بن عبدالعزيز اليوم في جدة رئيس وزراء باكستان "
                      "يوسف رضا جيلاني.\n"
                      "وكان العاهل السعودي قد التقى أمس أمير الكويت الشيخ صباح الأحمد.";
  const char *bare = "استقبل الملك عبدالله بن عبدالعزيز اليوم في جدة رئيس وزراء باكستان يوسف رضا جيلاني.\n"
                     "وكان خادم الحرمين الشريفين قد التقى أمس أمير الكويت الشيخ صباح الأحمد.";
  const char *texts[] = { chain, bare };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RasdExtraction) x = run (texts[i], "2012-08-20");
      RasdEntity *king = mention_entity (x, texts[i], RASD_MENTION_PERSON, i == 0 ? "العاهل" : "خادم الحرمين الشريفين قد");

      g_assert_nonnull (king);
      g_assert_cmpstr (king->key, ==, "abdullah-bin-abdulaziz");
      g_assert_cmpuint (x->events->len, ==, 2);
      g_assert_true (event_has (x, g_ptr_array_index (x->events, 1), "abdullah-bin-abdulaziz"));
    }
}

static void
test_merged_forgotten (void)
{
  /* "الملك سلمان" merged into the king named with his whole chain is no man of its own: the
   * headline's خادم الحرمين is the one king, not one of two */
  const char *text = "خادم الحرمين يتلقى اتصالا من الرئيس الفرنسي\n"
                     "جدة - تلقى خادم الحرمين الشريفين الملك عبدالله بن عبدالعزيز اتصالا هاتفيا اليوم من الرئيس "
                     "الفرنسي فرانسوا هولاند.\n"
                     "كما تلقى الملك عبدالله اتصالا من رئيس وزراء اليابان شينزو آبي.";
  g_autoptr(RasdExtraction) x = run (text, "2012-08-20");
  RasdEntity *king = mention_entity (x, text, RASD_MENTION_PERSON, "خادم الحرمين يتلقى");

  g_assert_nonnull (king);
  g_assert_cmpstr (king->key, ==, "abdullah-bin-abdulaziz");
  g_assert_cmpuint (rule_hits (text, "2012-08-20", RASD_RULE_NER_MERGED_FORGOTTEN), >=, 1);
}

static void
test_sheikh_of_body (void)
{
  /* شيخ الأزهر is the one the article gave that office after his name and a comma, not the
   * sheikh of a ruling house; "البابا وشيخ الأزهر" are two men */
  const char *text = "استقبل الشيخ محمد بن راشد آل مكتوم في دبي اليوم الدكتور أحمد الطيب، شيخ الأزهر الشريف.\n"
                     "وكان البابا فرنسيس قد التقى العام الماضي في روما شيخ الأزهر.\n"
                     "ووقع البابا وشيخ الأزهر حينها وثيقة مشتركة.";
  g_autoptr(RasdExtraction) x = run (text, "2019-02-04");
  RasdEntity *sheikh = mention_entity (x, text, RASD_MENTION_PERSON, "شيخ الأزهر.");
  RasdEntity *pope = mention_entity (x, text, RASD_MENTION_PERSON, "البابا وشيخ");

  g_assert_nonnull (sheikh);
  g_assert_cmpstr (sheikh->key, ==, "ahmed-el-tayeb");
  g_assert_nonnull (pope);
  g_assert_cmpstr (pope->name, ==, "فرنسيس");
  g_assert_cmpuint (rule_hits (text, "2019-02-04", RASD_RULE_NER_SHEIKH_OF_BODY), >=, 1);
  g_assert_cmpuint (rule_hits (text, "2019-02-04", RASD_RULE_NER_OFFICE_IN_APPOSITION), ==, 1);
  g_assert_cmpuint (rule_hits (text, "2019-02-04", RASD_RULE_NER_TITLE_AND_TITLE), ==, 1);
}

static void
test_talks_of_call (void)
{
  /* what the caller says he discussed is the call; the call "came a day after" the meeting
   * of two others, which is a meeting of its own, not a call */
  const char *text = "باريس - أجرى الرئيس الفرنسي فرانسوا هولاند أمس اتصالا هاتفيا بالرئيس الروسي فلاديمير "
                     "بوتين.\n"
                     "وقال هولاند في تصريح من قصر الإليزيه إنه بحث مع نظيره الروسي الأزمة في أوكرانيا.\n"
                     "وجاء الاتصال بعد يومين من لقاء وزير الخارجية الفرنسي لوران فابيوس نظيره الروسي سيرغي "
                     "لافروف في جنيف.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-20");
  RasdEvent *call, *meeting;

  g_assert_cmpuint (x->events->len, ==, 2);
  call = g_ptr_array_index (x->events, 0);
  meeting = g_ptr_array_index (x->events, 1);
  g_assert_cmpstr (call->kind, ==, "call");
  g_assert_true (event_has (x, call, "vladimir-putin"));
  g_assert_cmpstr (meeting->kind, !=, "call");
  g_assert_cmpstr (event_place_en (x, meeting), ==, "Geneva");
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_EV_TALKS_OF_CALL), ==, 1);
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_EV_DEED_IT_FOLLOWED), ==, 1);
}

static void
test_same_summit (void)
{
  /* the headline's summit with a guest, the body's with its host, and the guest's speech
   * "أمام القمة بدعوة من البحرين" (at an invitation, not announced) are one summit */
  const char *text = "قمة المنامة تشهد مشاركة الرئيس الفرنسي\n"
                     "المنامة - عقدت في المنامة اليوم القمة الخليجية برئاسة ملك البحرين الملك حمد بن عيسى "
                     "آل خليفة.\n"
                     "وألقى الرئيس الفرنسي فرانسوا هولاند كلمة أمام القمة بدعوة من البحرين.";
  g_autoptr(RasdExtraction) x = run (text, "2015-12-08");
  RasdEvent *summit;

  g_assert_cmpuint (x->events->len, ==, 1);
  summit = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, summit, "francois-hollande"));
  g_assert_true (event_has (x, summit, "hamad-bin-isa"));
  g_assert_cmpstr (event_place_en (x, summit), ==, "Manama");
  g_assert_cmpuint (rule_hits (text, "2015-12-08", RASD_RULE_EV_SAME_SUMMIT), ==, 1);

  /* without the headline, the speech refers back to the summit told */
  {
    const char *body = strchr (text, '\n') + 1;
    g_autoptr(RasdExtraction) y = run (body, "2015-12-08");

    g_assert_cmpuint (y->events->len, ==, 1);
    g_assert_true (event_has (y, g_ptr_array_index (y->events, 0), "francois-hollande"));
    g_assert_cmpuint (rule_hits (body, "2015-12-08", RASD_RULE_EV_BY_INVITATION), ==, 1);
  }
}

static void
test_receives_things (void)
{
  /* a port that receives aid receives no one, whoever the sentence named before it */
  const char *text = "الحديدة - قال محافظ الحديدة إن الميناء، بعد أن قصفته قوات المخلوع علي عبدالله صالح، "
                     "عاد يستقبل المساعدات الغذائية.\n"
                     "واستقبل الرئيس عبدربه منصور هادي أمس في عدن مبعوث الأمم المتحدة إسماعيل ولد الشيخ.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (x->events, 0))->participants->len, ==, 2);
  g_assert_cmpuint (rule_hits (text, "2015-08-20", RASD_RULE_EV_RECEIVES_THINGS), ==, 1);
}

static void
test_unknown_words_after_names (void)
{
  /* بحاح is no ب + a word (the dictionary's affixes say it is), كريستينا is a foreign first
   * name of the tagger's cues (لاسن is no ل + Essen), and "العاصمة المؤقتة عدن" names Aden */
  const char *text = "التقى رئيس الوزراء اليمني خالد محفوظ بحاح في العاصمة المؤقتة عدن اليوم سفيرة الاتحاد "
                     "الأوروبي كريستينا لاسن.\n"
                     "وقال بحاح إن اللقاء تناول الوضع الإنساني.";
  g_autoptr(RasdExtraction) x = run (text, "2015-09-14");
  RasdEvent *meeting;
  RasdEntity *pm = mention_entity (x, text, RASD_MENTION_PERSON, "بحاح إن");

  g_assert_cmpuint (x->events->len, ==, 1);
  meeting = g_ptr_array_index (x->events, 0);
  g_assert_cmpuint (meeting->participants->len, ==, 2);
  g_assert_true (event_has (x, meeting, "name:خالد محفوظ بحاح"));
  g_assert_true (event_has (x, meeting, "name:كريستينا لاسن"));
  g_assert_cmpstr (event_place_en (x, meeting), ==, "Aden");
  g_assert_nonnull (pm);
  g_assert_cmpstr (pm->key, ==, "name:خالد محفوظ بحاح");
}

static void
test_foreign_name_no_future (void)
{
  /* ستيوارت begins as a verb of the future does (ست + an imperfect): the talks are of
   * today, not announced; "من المؤمل أن يزور" is */
  const char *text = "بغداد - بحث وزير الخارجية إبراهيم الجعفري مع سفير بريطانيا ستيوارت مكدونالد اليوم الأوضاع "
                     "في الموصل.\n"
                     "ومن المؤمل أن يزور الجعفري لندن قريبا.";
  g_autoptr(RasdExtraction) x = run (text, "2015-09-14");

  g_assert_cmpuint (x->events->len, ==, 2);
  g_assert_cmpint (((RasdEvent *) g_ptr_array_index (x->events, 0))->role, ==, RASD_EVENT_ROLE_HEADLINE);
  g_assert_cmpint (((RasdEvent *) g_ptr_array_index (x->events, 1))->role, ==, RASD_EVENT_ROLE_PLANNED);
}

static void
test_first_of_descent (void)
{
  /* a word no dictionary knows, then ولد and a first name, begins the name: the counterpart
   * is إسلكو ولد أحمد, and so is the Mauritanian minister the king receives */
  const char *text = "الرباط - التقى صلاح الدين مزوار اليوم نظيره الموريتاني إسلكو ولد أحمد إزيد بيه.\n"
                     "ويستقبل الملك محمد السادس الوزير الموريتاني غدا.";
  g_autoptr(RasdExtraction) x = run (text, "2015-09-14");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "إسلكو");

  g_assert_nonnull (e);
  g_assert_true (g_str_has_prefix (e->name, "إسلكو ولد أحمد"));
  g_assert_cmpuint (x->events->len, ==, 2);
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 1), e->key));
  g_assert_cmpuint (rule_hits (text, "2015-09-14", RASD_RULE_NER_FIRST_OF_DESCENT), >=, 1);
}

static void
test_role_at_home (void)
{
  /* "جلالة الملك" fits both kings; the news is filed from Manama: Bahrain's.  And "الرئيس
   * الراحل X" is X's title, no role of the president of the day */
  const char *text = "المنامة - تلقى الملك حمد بن عيسى آل خليفة اتصالا هاتفيا من الملك عبدالله الثاني ابن "
                     "الحسين عاهل الأردن.\n"
                     "وكان جلالة الملك قد استقبل أمس في قصر الصخير رئيس مجلس النواب أحمد الملا.";
  const char *late = "الجزائر - استقبل الرئيس عبد المجيد تبون اليوم رئيس الوزراء الإيطالي ماريو دراغي.\n"
                     "وكان دراغي قد زار الجزائر عام 2012 والتقى حينها الرئيس الراحل عبد العزيز بوتفليقة.";
  g_autoptr(RasdExtraction) x = run (text, "2015-10-05");
  g_autoptr(RasdExtraction) y = run (late, "2021-11-20");

  g_assert_cmpuint (x->events->len, ==, 2);
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 1), "hamad-bin-isa"));
  g_assert_cmpuint (rule_hits (text, "2015-10-05", RASD_RULE_NER_ROLE_AT_HOME), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 2);
  g_assert_false (event_has (y, g_ptr_array_index (y->events, 1), "abdelmadjid-tebboune"));
}

static void
test_place_of_also (void)
{
  /* "كما التقى X Y" goes on where the deed before it was, not at the dateline; and the
   * derived lexicon's actor جنوب أفريقيا is a country after a title too */
  const char *text = "القاهرة - أ ش أ\n"
                     "اجتمع الرئيس عبد الفتاح السيسي اليوم في نيودلهي مع رئيس الوزراء الهندي ناريندرا مودي.\n"
                     "وأكد الرئيس خلال اللقاء عمق العلاقات.\n"
                     "كما التقى السيسي رئيس جنوب أفريقيا جاكوب زوما.";
  g_autoptr(RasdExtraction) x = run (text, "2015-10-28");
  RasdEvent *second;

  g_assert_cmpuint (x->events->len, ==, 2);
  second = g_ptr_array_index (x->events, 1);
  g_assert_cmpuint (second->participants->len, ==, 2);
  g_assert_cmpstr (event_place_en (x, second), ==, event_place_en (x, g_ptr_array_index (x->events, 0)));
  g_assert_cmpstr (event_place_en (x, second), !=, "Cairo");
  g_assert_cmpuint (rule_hits (text, "2015-10-28", RASD_RULE_EV_PLACE_OF_ALSO), ==, 1);
  g_assert_cmpuint (rule_hits (text, "2015-10-28", RASD_RULE_NER_DERIVED_PLACE), >=, 1);
}

static void
test_speaker_both_sides (void)
{
  /* the talks "بين الجانبين" are of the speaker and the counterpart he held the press
   * conference with, told in a clause after his report's verb */
  const char *text = "أكد وزير الخارجية عادل الجبير أن المملكة ماضية في دعم الشرعية في اليمن، وذلك في مؤتمر "
                     "صحفي مشترك عقده أمس في الرياض مع نظيره الألماني فرانك فالتر شتاينماير، عقب جلسة "
                     "مباحثات بين الجانبين.";
  g_autoptr(RasdExtraction) x = run (text, "2015-10-19");
  RasdEvent *talks;

  g_assert_cmpuint (x->events->len, ==, 1);
  talks = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, talks, "adel-al-jubeir"));
  g_assert_true (event_has (x, talks, "frank-walter-steinmeier"));
  g_assert_cmpuint (rule_hits (text, "2015-10-19", RASD_RULE_EV_SPEAKER_BOTH_SIDES), ==, 1);
}

static void
test_that_not_speaker (void)
{
  /* a name right after "وأضاف أن" is the report's subject, who travels, not its speaker */
  const char *text = "عقد وزير الخارجية سامح شكري اليوم جلسة مباحثات مع نظيره الأردني ناصر جودة بمقر وزارة "
                     "الخارجية.\n"
                     "وصرح المتحدث الرسمي باسم وزارة الخارجية بأن الوزيرين اتفقا على تكثيف التنسيق.\n"
                     "وأضاف أن شكري سيتوجه غدا إلى بغداد لحضور اجتماع وزراء خارجية دول الجوار.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-24");
  gboolean baghdad = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (g_strcmp0 (event_place_en (x, event), "Baghdad") != 0)
        continue;
      baghdad = TRUE;
      g_assert_true (event_has (x, event, "sameh-shoukry"));
    }
  g_assert_true (baghdad);
  g_assert_cmpuint (rule_hits (text, "2015-08-24", RASD_RULE_NER_THAT_NOT_SPEAKER), >=, 1);
}

static void
test_own_visit (void)
{
  /* one visit told thrice: its statement came from the visitor's office (he is no party of a
   * second visit there), and "في زيارته" is the visit told, which the foreign minister named
   * after his title and nationality joins */
  const char *text = "يبدأ رئيس وزراء ماليزيا نجيب عبدالرزاق يوم الأحد المقبل زيارة رسمية للمملكة العربية "
                     "السعودية، يلتقي خلالها الملك سلمان بن عبدالعزيز.\n"
                     "وأوضح بيان صادر عن مكتب رئيس الوزراء الماليزي اليوم أن الزيارة تهدف إلى تعزيز التعاون.\n"
                     "ويرافق رئيس الوزراء في زيارته وزير الخارجية الماليزي أنيفة أمان.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-13");
  RasdEntity *minister = mention_entity (x, text, RASD_MENTION_PERSON, "أنيفة");
  RasdEvent *visit;

  g_assert_nonnull (minister);
  g_assert_cmpstr (minister->name, ==, "أنيفة أمان");
  g_assert_cmpuint (x->events->len, ==, 1);
  visit = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, visit, "salman-bin-abdulaziz"));
  g_assert_true (event_has (x, visit, minister->key));
  g_assert_cmpuint (rule_hits (text, "2015-08-13", RASD_RULE_NER_OFFICE_SPEAKS), ==, 1);
  g_assert_cmpuint (rule_hits (text, "2015-08-13", RASD_RULE_EV_OWN_VISIT), ==, 1);
}

static void
test_during_the_visit (void)
{
  /* a meeting expected "خلال الزيارة", with no place or day of its own, is where the visit is
   * and on the day it was told with (not undated as a later mention of it) */
  const char *text = "وصل رئيس الوزراء الهندي ناريندرا مودي إلى أبوظبي اليوم في زيارة رسمية، وكان في استقباله "
                     "وزير الخارجية الإماراتي الشيخ عبدالله بن زايد آل نهيان.\n"
                     "وأوضح مصدر أن الزيارة التي يقوم بها مودي للإمارات تأتي تلبية لدعوة رسمية.\n"
                     "ومن المنتظر أن يلتقي مودي خلال الزيارة ولي عهد أبوظبي الشيخ محمد بن زايد آل نهيان.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-16");
  gboolean met = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);
      g_autofree char *date = NULL;

      if (!event_has (x, event, "mohamed-bin-zayed"))
        continue;
      met = TRUE;
      g_assert_cmpuint (event->participants->len, ==, 2);
      g_assert_cmpstr (event_place_en (x, event), ==, "Abu Dhabi");
      date = event_date (event);
      g_assert_cmpstr (date, ==, "2015-08-16");
    }
  g_assert_true (met);
  g_assert_cmpuint (rule_hits (text, "2015-08-16", RASD_RULE_EV_DURING_VISIT), ==, 1);
}

static void
test_grandfather_and_building (void)
{
  /* محمد بن عبدالرحمن named on with a grandfather is not the lexicon's Qatari of that name and
   * father; the king after a university's noun in a role is whom it is named after */
  const char *text = "نائب أمير الرياض يستقبل مدير جامعة الملك سعود\n"
                     "استقبل سمو الأمير محمد بن عبدالرحمن بن عبدالعزيز نائب أمير منطقة الرياض "
                     "اليوم معالي مدير جامعة الملك سعود الدكتور بدران بن عبدالرحمن العمر.";
  g_autoptr(RasdExtraction) x = run (text, "2016-02-02");
  RasdEntity *prince = mention_entity (x, text, RASD_MENTION_PERSON, "محمد بن");
  RasdEvent *event;

  g_assert_nonnull (prince);
  g_assert_cmpstr (prince->key, !=, "mohammed-bin-abdulrahman");
  g_assert_cmpstr (prince->name, ==, "محمد بن عبدالرحمن بن عبدالعزيز");
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "سعود"));
  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpuint (event->participants->len, ==, 2);
  g_assert_true (event_has (x, event, prince->key));
  g_assert_cmpuint (rule_hits (text, "2016-02-02", RASD_RULE_NER_OTHER_GRANDFATHER), >=, 1);
}

static void
test_honorific_not_attendee (void)
{
  /* "كما استقبل سموه" goes on about the one who received, not the prince who attended */
  const char *text = "استقبل سمو الأمير فيصل بن سلمان أمير منطقة المدينة المنورة "
                     "في مكتبه اليوم سفير اليابان لدى المملكة نوريهيرو أوكودا، بحضور صاحب السمو الأمير سعود بن "
                     "خالد الفيصل نائب أمير المنطقة.\n"
                     "كما استقبل سموه مدير جامعة طيبة الدكتور عدنان بن عبدالله المزروع.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-18");
  RasdEntity *governor = mention_entity (x, text, RASD_MENTION_PERSON, "فيصل بن سلمان");
  RasdEntity *deputy = mention_entity (x, text, RASD_MENTION_PERSON, "سعود بن");
  RasdEntity *director = mention_entity (x, text, RASD_MENTION_PERSON, "عدنان");
  gboolean second = FALSE;

  g_assert_nonnull (governor);
  g_assert_nonnull (deputy);
  g_assert_nonnull (director);
  g_assert_cmpstr (deputy->key, !=, "saud-al-faisal");
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (!event_has (x, event, director->key))
        continue;
      second = TRUE;
      g_assert_true (event_has (x, event, governor->key));
      g_assert_false (event_has (x, event, deputy->key));
    }
  g_assert_true (second);
  g_assert_cmpuint (rule_hits (text, "2015-08-18", RASD_RULE_EV_HONORIFIC_NOT_ATTENDEE), ==, 1);
}

static void
test_same_day_as_before (void)
{
  /* "وفي اليوم نفسه" is the day told before, not the day of publication */
  const char *text = "التقى وزير الخارجية عادل الجبير نظيره الأمريكي جون كيري في واشنطن في 12 مايو 2015.\n"
                     "وفي اليوم نفسه التقى الجبير وزير الدفاع الأمريكي آشتون كارتر.";
  g_autoptr(RasdExtraction) x = run (text, "2015-07-22");

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);
      g_autofree char *date = event_date (event);

      g_assert_cmpstr (date, ==, "2015-05-12");
      g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_BACKGROUND);
    }
}

static void
test_office_after_prince (void)
{
  /* the office right after a prince's name (the first of its chain) is his: a later bare ولي
   * العهد is the crown prince and ولي ولي العهد his deputy, two offices */
  const char *text = "استقبل صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز ولي العهد نائب رئيس مجلس "
                     "الوزراء وزير الداخلية في جدة اليوم وزير الدفاع الأمريكي آشتون كارتر.\n"
                     "كما استقبل صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد النائب الثاني "
                     "لرئيس مجلس الوزراء وزير الدفاع الوزير الأمريكي في وقت لاحق اليوم.\n"
                     "وكان ولي العهد قد التقى كارتر في واشنطن في مايو الماضي.\n"
                     "وكان ولي ولي العهد قد زار باريس في يونيو الماضي.";
  g_autoptr(RasdExtraction) x = run (text, "2015-07-22");
  gboolean washington = FALSE, paris = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);
      const char *place = event_place_en (x, event);

      if (g_strcmp0 (place, "Paris") == 0)
        {
          paris = TRUE;
          g_assert_true (event_has (x, event, "mohammed-bin-salman"));
          g_assert_false (event_has (x, event, "muhammad-bin-nayef"));
        }
      else if (place != NULL && g_str_has_prefix (place, "Washington"))
        {
          washington = TRUE;
          g_assert_true (event_has (x, event, "muhammad-bin-nayef"));
          g_assert_false (event_has (x, event, "mohammed-bin-salman"));
        }
    }
  g_assert_true (washington);
  g_assert_true (paris);
  g_assert_cmpuint (rule_hits (text, "2015-07-22", RASD_RULE_NER_OFFICE_AFTER_NAME), ==, 2);
}

static void
test_left_after_long_name (void)
{
  /* where one leaves, however long the leaver's titles and name, is no visit's place */
  const char *text = "غادر ولي ولي العهد ووزير الدفاع السعودي الأمير محمد بن سلمان جدة اليوم متوجها إلى روسيا.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-10");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Russia");
  g_assert_cmpuint (rule_hits (text, "2015-08-10", RASD_RULE_EV_PLACE_FROM), >=, 1);
}

static void
test_speaker_that_he (void)
{
  /* "قال X ...، مشيرا إلى أنه سيلتقي Y": the one who will meet Y is X, not the article's topic */
  const char *text = "التقى وزير الخارجية عادل الجبير نظيره الروسي سيرغي لافروف في الدوحة أمس.\n"
                     "وقال لافروف في تصريحات صحفية إن المحادثات كانت مفيدة، مشيرا إلى أنه سيلتقي نظيره "
                     "الإيراني محمد جواد ظريف في طهران الأسبوع المقبل.\n"
                     "وقال الجبير في المؤتمر إنه سيلتقي وزير الخارجية البريطاني فيليب هاموند في لندن الشهر المقبل.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-04");
  gboolean tehran = FALSE, london = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (g_strcmp0 (event_place_en (x, event), "London") == 0)
        {
          london = TRUE;
          g_assert_true (event_has (x, event, "adel-al-jubeir"));
        }
      if (g_strcmp0 (event_place_en (x, event), "Tehran") != 0)
        continue;
      tehran = TRUE;
      g_assert_true (event_has (x, event, "sergey-lavrov"));
      g_assert_false (event_has (x, event, "adel-al-jubeir"));
    }
  g_assert_true (tehran);
  g_assert_true (london);
  /* the speaker in the clause of his report, or in the clause after it (ev.that-he-reported) */
  g_assert_cmpuint (rule_hits (text, "2015-08-04", RASD_RULE_EV_SPEAKER_THAT_HE) +
                    rule_hits (text, "2015-08-04", RASD_RULE_EV_THAT_HE_REPORTED), >=, 2);
}

static void
test_reception_on_untold_arrival (void)
{
  /* "وكان في استقبال سموه لدى وصوله" with no arrival told: the day and town named before */
  const char *text = "دشن صاحب السمو الملكي الأمير فيصل بن خالد بن عبدالعزيز أمير منطقة عسير اليوم عددا من "
                     "المشروعات التنموية في محافظة محايل عسير.\n"
                     "وكان في استقبال سموه لدى وصوله المحافظة محافظ محايل عسير الأستاذ عبدالله بن علي الشهري.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-22");
  RasdEvent *reception;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  reception = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (reception->kind, ==, "reception");
  g_assert_cmpuint (reception->participants->len, ==, 2);
  date = event_date (reception);
  g_assert_cmpstr (date, ==, "2015-08-22");
  g_assert_cmpstr (event_place_en (x, reception), ==, "Muhayil");
  g_assert_cmpuint (rule_hits (text, "2015-08-22", RASD_RULE_EV_RECEPTION_ON_ARRIVAL), >=, 1);
}

static void
test_guest_came_back (void)
{
  /* where a guest came back to is where he was received (home is no place only of a visit) */
  const char *text = "استقبل الرئيس اليمني عبدربه منصور هادي أمس رئيس الوزراء خالد بحاح، الذي عاد إلى الرياض "
                     "قادما من عدن.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-06");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Riyadh");
}

static void
test_foreign_spellings (void)
{
  /* a foreign name written with more or fewer long vowels is one man; محمد and محمود are two */
  const char *text = "استقبل الأمير خالد الفيصل في جدة اليوم القنصل البريطاني بيتر ويليامز.\n"
                     "وكان القنصل بيتر وليامز قد التقى أمس مدير الجامعة الدكتور عبدالرحمن اليوبي.\n"
                     "وحضر اللقاءين المهندس محمد علي الزهراني والمهندس محمود علي الزهراني.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-18");
  RasdEntity *a = mention_entity (x, text, RASD_MENTION_PERSON, "بيتر ويليامز");
  RasdEntity *b = mention_entity (x, text, RASD_MENTION_PERSON, "بيتر وليامز");
  RasdEntity *c = mention_entity (x, text, RASD_MENTION_PERSON, "محمد علي");
  RasdEntity *d = mention_entity (x, text, RASD_MENTION_PERSON, "محمود");

  g_assert_nonnull (a);
  g_assert_true (a == b);
  g_assert_nonnull (c);
  g_assert_nonnull (d);
  g_assert_true (c != d);
  g_assert_cmpuint (rule_hits (text, "2015-08-18", RASD_RULE_NER_FOREIGN_SPELLINGS), >=, 1);
}

static void
test_invited_to (void)
{
  /* a visit one is invited to is no event; one made at an invitation is */
  const char *invited = "التقى رئيس الوزراء الياباني شينزو آبي ولي العهد الأمير محمد بن نايف في طوكيو اليوم.\n"
                        "وسلم آبي ولي العهد رسالة إلى الملك سلمان بن عبدالعزيز يدعوه فيها لزيارة اليابان.";
  const char *answered = "يزور الرئيس الفرنسي فرانسوا هولاند الرياض الأسبوع المقبل تلبية لدعوة من خادم الحرمين "
                         "الشريفين الملك سلمان.";
  g_autoptr(RasdExtraction) x = run (invited, "2015-08-18");
  g_autoptr(RasdExtraction) y = run (answered, "2015-08-18");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (((RasdEvent *) g_ptr_array_index (x->events, 0))->kind, !=, "visit");
  g_assert_cmpuint (rule_hits (invited, "2015-08-18", RASD_RULE_EV_INVITED_TO), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (((RasdEvent *) g_ptr_array_index (y->events, 0))->kind, ==, "visit");
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Riyadh");
}

static void
test_speaker_receives_further_on (void)
{
  /* "شدد X على ... لدى استقباله Y": the speaker is the host, though his reception comes more
   * than three words after his name; not where another is named between */
  const char *text = "شدد الرئيس عبدالفتاح السيسي على أهمية التعاون العربي لدى استقباله في القاهرة اليوم وزير "
                     "الخارجية عادل الجبير.";
  const char *other = "قال الرئيس عبدالفتاح السيسي إن وزير الخارجية عادل الجبير أكد أهمية التعاون خلال لقائه "
                      "في القاهرة اليوم رئيس الوزراء إبراهيم محلب.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-18");
  g_autoptr(RasdExtraction) y = run (other, "2015-08-18");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 0), "abdel-fattah-el-sisi"));
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 0), "adel-al-jubeir"));
  g_assert_cmpuint (rule_hits (text, "2015-08-18", RASD_RULE_EV_SPEAKER_OWN_DEED_FAR), ==, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_false (event_has (y, g_ptr_array_index (y->events, 0), "abdel-fattah-el-sisi"));
}

static void
test_family_in_ta (void)
{
  /* a third word in ة that the tagger reads in the name, at its end, is the family name */
  const char *text = "استقبل أمير منطقة مكة المكرمة اليوم في جدة وزير الأوقاف المصري محمد مختار جمعة.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-18");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "محمد مختار");

  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "محمد مختار جمعة");
  g_assert_cmpuint (rule_hits (text, "2015-08-18", RASD_RULE_NER_FAMILY_IN_TA), ==, 1);
}

static void
test_state_noun_in_title (void)
{
  /* the country after a state's noun in a title (رئيس جمهورية السنغال) is the title's, and the
   * name the tagger misses after it is read as after any title's country */
  const char *text = "وصل إلى الرياض اليوم فخامة رئيس جمهورية السنغال ماكي سال قادما من القاهرة في زيارة رسمية "
                     "للمملكة.";
  g_autoptr(RasdExtraction) x = run (text, "2015-08-18");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "ماكي");

  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "ماكي سال");
  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Riyadh");
}

static void
test_during_it_before (void)
{
  /* "، جرى خلاله بحث": بحث reads as a verb, but what was done during the call is the call */
  const char *text = "تلقى أمير دولة الكويت الشيخ نواف الأحمد الجابر الصباح اليوم اتصالا هاتفيا من الرئيس "
                     "المصري عبدالفتاح السيسي، جرى خلاله بحث العلاقات الثنائية.";
  g_autoptr(RasdExtraction) x = run (text, "2021-03-02");
  RasdEvent *call;

  g_assert_cmpuint (x->events->len, ==, 1);
  call = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (call->kind, ==, "call");
  g_assert_cmpuint (call->participants->len, ==, 2);
  g_assert_cmpuint (rule_hits (text, "2021-03-02", RASD_RULE_EV_DURING_IT), ==, 1);
}

static void
test_message_sender (void)
{
  /* who sent a written message ("رسالة خطية من X") is no party of the reception where it was
   * handed over; a minister (وزير, its و its own) after the sender is no sender */
  const char *text = "وتلقى العاهل الأردني الملك عبد الله الثاني رسالة خطية من الرئيس المصري عبد الفتاح "
                     "السيسي، تسلمها وزير الخارجية الأردني أيمن الصفدي خلال استقباله سفير مصر في عمّان.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_false (event_has (x, g_ptr_array_index (x->events, 0), "abdel-fattah-el-sisi"));
  g_assert_true (event_has (x, g_ptr_array_index (x->events, 0), "ayman-safadi"));
}

static void
test_role_of_title_in_name (void)
{
  /* a lexicon name that begins with a title (الملك عبدالله...) after another title: "الملك"
   * alone later is that king */
  const char *text = "افتتح العاهل الأردني الملك عبدالله الثاني الدورة البرلمانية في عمّان.\n"
                     "وأجرى الملك اتصالا هاتفيا بالرئيس الفرنسي إيمانويل ماكرون.";
  g_autoptr(RasdExtraction) x = run (text, "2023-06-14");
  RasdEvent *call;

  g_assert_cmpuint (x->events->len, ==, 1);
  call = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (call->kind, ==, "call");
  g_assert_cmpuint (call->participants->len, ==, 2);
  g_assert_true (event_has (x, call, "abdullah-ii"));
}

static void
test_dual_pair (void)
{
  /* "التقى الرئيسان" names no one: the two the article told of last */
  const char *text = "يبدأ الرئيس التركي رجب طيب أردوغان غدا زيارة إلى الجزائر يلتقي خلالها نظيره "
                     "الجزائري عبد المجيد تبون.\n"
                     "كما التقى الرئيسان على هامش قمة مجموعة العشرين في نيودلهي في سبتمبر الماضي.";
  g_autoptr(RasdExtraction) x = run (text, "2023-11-22");
  RasdEvent *met;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 2);
  met = g_ptr_array_index (x->events, 1);
  g_assert_cmpuint (met->participants->len, ==, 2);
  date = event_date (met);
  g_assert_cmpstr (date, ==, "2023-09");
  g_assert_cmpuint (rule_hits (text, "2023-11-22", RASD_RULE_EV_DUAL_PAIR), ==, 1);
}

/* The extraction of an article of @text, published on 2024-05-20, whose byline (a page's
 * author line, a crawler's "authors") is @byline; *@hits receives how often ev.byline decided. */
static RasdExtraction *
run_with_byline (const char *text,
                 const char *byline,
                 guint      *hits)
{
  g_autoptr(RasdArticle) article = rasd_article_new ();
  guint counts[RASD_N_RULES] = { 0 };
  RasdExtraction *x;

  rasd_article_set_text (article, text);
  rasd_article_set_date (article, "2024-05-20");
  rasd_article_set_authors (article, byline);
  rasd_rules_count (counts);
  x = rasd_extractor_extract_article (extractor (), article);
  rasd_rules_count (NULL);
  *hits = counts[RASD_RULE_EV_BYLINE];
  return x;
}

static void
test_place_byline (void)
{
  /* a byline kept apart from the text names the city the news was filed from: the news
   * happened there when no sentence says where, or says only the country */
  const char *nowhere = "التقى وزير الخارجية الأردني أيمن الصفدي أمس نظيره المصري سامح شكري، وناقشا "
                        "ملف المياه.";
  const char *country = "وصل وزير الخارجية الأردني أيمن الصفدي أمس إلى مصر في زيارة رسمية يلتقي خلالها "
                        "الرئيس المصري عبد الفتاح السيسي.";
  const struct { const char *text, *byline, *place; guint hits; } cases[] = {
    { nowhere, "القاهرة - وكالات", "Cairo", 1 },
    { nowhere, "سامي أحمد (القاهرة)", "Cairo", 1 },
    { nowhere, "مراسلنا من القاهرة", "Cairo", 1 },
    { nowhere, "«الصحيفة» من القاهرة", "Cairo", 1 },
    /* two cities, or none, say nothing */
    { nowhere, "(بغداد، القاهرة)", NULL, 0 },
    { nowhere, "سامي أحمد", NULL, 0 },
    { nowhere, "وكالات - عواصم", NULL, 0 },
    { nowhere, NULL, NULL, 0 },
    /* a city of the country the text gives */
    { country, "الإسكندرية: سامي أحمد", "Alexandria", 1 },
    /* but not a city elsewhere */
    { country, "الرياض - وكالات", "Egypt", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint hits = 0;
      g_autoptr(RasdExtraction) x = run_with_byline (cases[i].text, cases[i].byline, &hits);

      g_test_message ("byline %s", cases[i].byline);
      g_assert_cmpuint (x->events->len, ==, 1);
      g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, cases[i].place);
      g_assert_cmpuint (hits, ==, cases[i].hits);
    }
}

static void
test_sentence_time (void)
{
  /* "، فيما التقى X Y" with no time of its own is of its sentence's time (أمس), not of the
   * day of publication */
  const char *text = "التقى وزير الخارجية الأمريكي أنتوني بلينكن أمس في عمّان العاهل الأردني الملك "
                     "عبد الله الثاني، فيما التقى وزير الدفاع الأمريكي لويد أوستن رئيس هيئة الأركان "
                     "الأردنية يوسف الحنيطي.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (x->events->len, ==, 2);
  first = event_date (g_ptr_array_index (x->events, 0));
  second = event_date (g_ptr_array_index (x->events, 1));
  g_assert_cmpstr (first, ==, "2024-05-19");
  g_assert_cmpstr (second, ==, "2024-05-19");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_SENTENCE_TIME), ==, 1);
}

static void
test_points_back (void)
{
  /* "قبل أن يقوم بهذه الزيارة" in a sentence of the past is the visit already told, not a
   * background visit of its own (the news's visit: ev.merge-recalled takes it first) */
  const char *text = "وصل الرئيس الفرنسي إيمانويل ماكرون مساء أمس إلى الجزائر في زيارة رسمية. وإذا "
                     "كان ماكرون يحظى بشعبية في الجزائر فقد انتقده كثيرون لأنه تأخر كثيرا قبل أن "
                     "يقوم بهذه الزيارة.";
  /* a visit still to come, then pointed at in the past tense: no recall of the news, the
   * demonstrative alone says it is that visit */
  const char *planned = "يزور الرئيس الفرنسي إيمانويل ماكرون الجزائر الأسبوع المقبل في زيارة رسمية. "
                        "وكان ماكرون قد أرجأ مرتين هذه الزيارة بسبب الأزمة.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (planned, "2024-05-20");
  RasdEvent *visit;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  visit = g_ptr_array_index (x->events, 0);
  g_assert_cmpuint (visit->evidence->len, ==, 2);
  date = event_date (visit);
  g_assert_cmpstr (date, ==, "2024-05-19");
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_POINTS_BACK) +
                    rule_hits (text, "2024-05-20", RASD_RULE_EV_MERGE_RECALLED), >=, 1);
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpuint (((RasdEvent *) g_ptr_array_index (y->events, 0))->evidence->len, ==, 2);
  g_assert_cmpuint (rule_hits (planned, "2024-05-20", RASD_RULE_EV_POINTS_BACK), ==, 1);
}

static void
test_tour_stops (void)
{
  /* the stops of a tour are the first places after a word of visiting (here جولة شملت, after a
   * visit with its own place); places further on are not ("المحاذي لسوريا وتركيا") */
  const char *text = "وتأتي زيارة الصفدي إلى أنقرة ضمن جولة شملت حتى الآن الكويت والبحرين.\n"
                     "وزار الصفدي العراق المحاذي لسوريا وتركيا وإيران.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  const char *places[] = { "Ankara", "Kuwait", "Bahrain", "Iraq" };

  g_assert_cmpuint (x->events->len, ==, G_N_ELEMENTS (places));
  for (guint e = 0; e < x->events->len; e++)
    g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, e)), ==, places[e]);

  /* the traveller goes on to the tour's stops; whom he met at the first does not */
  {
    const char *met = "وتأتي زيارة وزير الخارجية الإيراني عباس عراقجي إلى الكويت أمس ولقاؤه وزير الخارجية "
                      "الكويتي عبدالله اليحيا ضمن جولة شملت قطر والعراق.";
    g_autoptr(RasdExtraction) y = run (met, "2024-05-20");

    g_assert_cmpuint (y->events->len, ==, 3);
    for (guint e = 0; e < y->events->len; e++)
      {
        RasdEvent *event = g_ptr_array_index (y->events, e);

        g_assert_true (event_has (y, event, "abbas-araghchi"));
        g_assert_cmpuint (event->participants->len, ==, e == 0 ? 2 : 1);
      }
  }
}

static void
test_visit_object (void)
{
  /* زار takes the place as its object; توجه and وصل take theirs after إلى */
  const char *text = "وتوجه أيمن الصفدي، قبل أنقرة، إلى الرياض للقاء نظيره السعودي.\n";
  const char *visit = "وزار أيمن الصفدي أنقرة بعد الرياض.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (visit, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Riyadh");
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Ankara");

  /* the object wins over a city of another country further on, not over one of its own */
  {
    const char *other = "وسبق للرئيس الفرنسي إيمانويل ماكرون أن زار الجزائر عندما كان وزيرا للاقتصاد "
                        "في باريس.";
    const char *own = "وزار الرئيس الروسي فلاديمير بوتين سوريا حيث التقى الرئيس بشار الأسد في دمشق.";
    g_autoptr(RasdExtraction) a = run (other, "2024-05-20");
    g_autoptr(RasdExtraction) b = run (own, "2024-05-20");

    g_assert_cmpuint (a->events->len, ==, 1);
    g_assert_cmpstr (event_place_en (a, g_ptr_array_index (a->events, 0)), ==, "Algeria");
    g_assert_cmpuint (b->events->len, ==, 1);
    g_assert_cmpstr (event_place_en (b, g_ptr_array_index (b->events, 0)), ==, "Damascus");
  }
}

static void
test_places_between (void)
{
  /* the relations "between Paris and Algiers" are no place of the meeting */
  const char *text = "يلتقي الرئيس المصري عبد الفتاح السيسي الأربعاء الرئيس الفرنسي إيمانويل ماكرون في الإسكندرية.\n"
                     "وأفادت تقارير بأن العلاقات بين باريس والجزائر قد تكون من الملفات التي ستطرح خلال "
                     "اللقاء بين السيسي وماكرون.";
  g_autoptr(RasdExtraction) x = run (text, NULL);
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (event_place_en (x, event), ==, "Alexandria");
  g_assert_cmpuint (event->evidence->len, ==, 2);
}

static void
test_where_clause (void)
{
  /* a حيث clause tells more of the event of the clause before it, whoever it names */
  const char *text = "ووصل الرئيس التونسي قيس سعيد إلى القاهرة أمس لإجراء محادثات مع الرئيس عبد الفتاح "
                     "السيسي، حيث كان في استقباله وزير الخارجية المصري سامح شكري.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-14");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, "kais-saied"));
  g_assert_true (event_has (x, event, "abdel-fattah-el-sisi"));
  g_assert_true (event_has (x, event, "sameh-shoukry"));
}

static void
test_reception_after_arrival (void)
{
  /* those who received the visitor: an envoy, not whom he acts for; an ambassador, whose
   * post is no place of the reception; and the place is where the visitor arrived */
  const char *text = "ووصل الرئيس التونسي قيس سعيد الاثنين إلى القاهرة في زيارة رسمية.\n"
                     "وكان في استقبال قيس سعيد كمال الشاذلي ممثلا خاصا للرئيس عبد الفتاح السيسي، "
                     "وإلياس منصوري سفير تونس في باريس.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-14");
  RasdEvent *reception = NULL;

  for (guint e = 0; e < x->events->len; e++)
    if (strcmp (((RasdEvent *) g_ptr_array_index (x->events, e))->kind, "reception") == 0)
      reception = g_ptr_array_index (x->events, e);
  g_assert_nonnull (reception);
  g_assert_true (event_has (x, reception, "kais-saied"));
  g_assert_true (event_has (x, reception, "name:كمال الشاذلي"));
  /* a first name with ال after the conjunction, before its role */
  g_assert_true (event_has (x, reception, "name:الياس منصوري"));
  g_assert_false (event_has (x, reception, "abdel-fattah-el-sisi"));
  /* but اليأس (despair) is no الياس: the name has no hamza inside */
  {
    const char *despair = "وتحدث الوزير عن اليأس الشديد لدى الشباب.";
    g_autoptr(RasdExtraction) y = run (despair, NULL);

    g_assert_null (mention_entity (y, despair, RASD_MENTION_PERSON, "اليأس"));
    g_assert_cmpuint (rule_hits (despair, NULL, RASD_RULE_NER_MEDIAL_HAMZA), ==, 1);
  }
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "ممثلا"));
  g_assert_cmpstr (event_place_en (x, reception), ==, "Cairo");
}

static void
test_day_within_visit (void)
{
  /* "، و12 مارس التقى": a date joined by و opens the next deed of the same man, and a meeting
   * on a day of its own is not the month's visit */
  const char *text = "وفي مارس 2021 قام وزير الخارجية الأردني أيمن الصفدي بزيارة إلى بغداد، و12 مارس 2021 "
                     "التقى رئيس الوزراء العراقي مصطفى الكاظمي.";
  g_autoptr(RasdExtraction) x = run (text, "2023-01-10");
  RasdEvent *visit, *meeting;
  g_autofree char *d0 = NULL, *d1 = NULL;

  g_assert_cmpuint (x->events->len, ==, 2);
  visit = g_ptr_array_index (x->events, 0);
  meeting = g_ptr_array_index (x->events, 1);
  d0 = event_date (visit);
  d1 = event_date (meeting);
  g_assert_cmpstr (visit->kind, ==, "visit");
  g_assert_cmpstr (d0, ==, "2021-03");
  g_assert_cmpstr (event_place_en (x, visit), ==, "Baghdad");
  g_assert_true (event_has (x, meeting, "ayman-safadi"));
  g_assert_true (event_has (x, meeting, "mustafa-al-kadhimi"));
  g_assert_cmpstr (d1, ==, "2021-03-12");

  /* but a meeting told again with its month only is the same meeting */
  {
    const char *again = "التقى الرئيس المصري عبد الفتاح السيسي الرئيس الفرنسي إيمانويل ماكرون في باريس في "
                        "5 مايو 2021.\n"
                        "وبحث السيسي وماكرون خلال لقائهما في مايو 2021 العلاقات الثنائية.";
    g_autoptr(RasdExtraction) y = run (again, "2023-01-10");

    g_assert_cmpuint (y->events->len, ==, 1);
  }
  g_assert_cmpuint (rule_hits (text, "2023-01-10", RASD_RULE_EV_DAY_IN_VISIT), >=, 1);
}

static void
test_expected_meeting (void)
{
  /* "اجتماع متوقع": what is expected is announced, the same as the planned meeting */
  const char *text = "أعلنت الرئاسة أن الرئيس المصري عبد الفتاح السيسي سيلتقي الرئيس الفرنسي إيمانويل "
                     "ماكرون في باريس.\n"
                     "وقال المتحدث باسم الرئاسة: \"هناك اجتماع متوقع مع ماكرون\".";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_PLANNED);
  g_assert_cmpuint (event->evidence->len, ==, 2);
}

static void
test_date_since (void)
{
  /* "منذ توليه منصبه في فبراير": when a period began, not when the visit was */
  const char *text = "زار وزير الخارجية الأردني أيمن الصفدي بغداد اليوم.\n"
                     "وهي الزيارة الأولى للصفدي إلى بغداد منذ توليه منصبه في فبراير 2021.";
  g_autoptr(RasdExtraction) x = run (text, "2022-06-08");
  RasdEvent *event;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  date = event_date (event);
  g_assert_cmpstr (date, ==, "2022-06-08");
  g_assert_cmpuint (event->evidence->len, ==, 2);

  /* right after منذ, the date is when the talks themselves began */
  {
    const char *since = "وجاء الاتفاق في ختام مباحثات أجراها وزير الخارجية الأردني أيمن الصفدي في بغداد منذ 6 مارس 2021.";
    g_autoptr(RasdExtraction) y = run (since, "2021-03-10");
    g_autofree char *began = NULL;

    g_assert_cmpuint (y->events->len, ==, 1);
    began = event_date (g_ptr_array_index (y->events, 0));
    g_assert_cmpstr (began, ==, "2021-03-06");
  }

  /* a month right after منذ, far from the trigger, is when something else began */
  {
    const char *far = "ومن المتوقع أن يلتقي وزير الخارجية التركي مولود جاويش أوغلو رجال أعمال أتراكا "
                      "يعملون في مشاريع البنية التحتية في شمال الأردن وجنوبه منذ مارس 2019.";
    g_autoptr(RasdExtraction) z = run (far, "2024-05-20");
    g_autofree char *when = NULL;

    g_assert_cmpuint (z->events->len, ==, 1);
    when = event_date (g_ptr_array_index (z->events, 0));
    g_assert_cmpstr (when, !=, "2019-03");
  }
}

static void
test_said_day (void)
{
  /* "نقلت أمس السبت أن ... سيصل يوم غد الأحد": tomorrow of the day it was said, which the
   * weekday confirms; the article is of Sunday */
  const char *text = "نقلت وكالة الأنباء الرسمية أمس السبت أن وزير الخارجية الأردني أيمن الصفدي سيصل "
                     "يوم غد الأحد إلى بغداد.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-19");
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  date = event_date (g_ptr_array_index (x->events, 0));
  g_assert_cmpstr (date, ==, "2024-05-19");
  g_assert_cmpuint (rule_hits (text, "2024-05-19", RASD_RULE_EV_SAID_DAY), ==, 1);
}

static void
test_then_going (void)
{
  /* ثم orders a next deed without a comma; التوجه is going only towards a place */
  const char *text = "وسيزور وزير الخارجية الأردني أيمن الصفدي بغداد يوم الأحد ومن ثم التوجه إلى أربيل "
                     "يوم الاثنين.\n"
                     "وجدد الصفدي دعوته إلى التوجه إلى حل سياسي.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-18");
  g_autofree char *d0 = NULL, *d1 = NULL;

  g_assert_cmpuint (x->events->len, ==, 2);
  d0 = event_date (g_ptr_array_index (x->events, 0));
  d1 = event_date (g_ptr_array_index (x->events, 1));
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Baghdad");
  g_assert_cmpstr (d0, ==, "2024-05-19");
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 1)), ==, "Erbil");
  g_assert_cmpstr (d1, ==, "2024-05-20");
}

static void
test_going_towards (void)
{
  /* leaving "متوجها إلى" a place is a visit there, on the day of leaving */
  const char *text = "ويغادر وزير الخارجية الأردني أيمن الصفدي الرياض مساء الأحد المقبل متوجها إلى القاهرة.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *event;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  date = event_date (event);
  g_assert_cmpstr (event->kind, ==, "visit");
  g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_PLANNED);
  g_assert_cmpstr (event_place_en (x, event), ==, "Cairo");
  g_assert_cmpstr (date, ==, "2024-05-26");
}

static void
test_last_meeting (void)
{
  /* "اللقاء الأخير": an earlier meeting, background, with a date of its own or none, never the
   * publication's */
  const char *text = "التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري في القاهرة اليوم.\n"
                     "وتناول اللقاء الأخير بين الصفدي وشكري في عمان ملف المياه.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *last;

  g_assert_cmpuint (x->events->len, ==, 2);
  last = g_ptr_array_index (x->events, 1);
  g_assert_cmpint (last->role, ==, RASD_EVENT_ROLE_BACKGROUND);
  g_assert_cmpint (last->date.precision, ==, RASD_DATE_PRECISION_NONE);
  g_assert_cmpstr (event_place_en (x, last), ==, "Amman");
}

static void
test_party_list (void)
{
  /* "بين X وY" and "مباحثات X وY" list the parties: a name after the list, or before a noun
   * that lists two, is of another deed; a chain of titles after و goes on the list */
  const char *between = "استقبل الرئيس المصري عبدالفتاح السيسي يوم الأحد وزير الخارجية الأردني ناصر جودة.\n"
                        "وأشار جودة إلى أن الاجتماع الذي جرى الأحد بين الرئيس المصري والوزير الأردني "
                        "يعكس الرؤية التي أعلنها العاهل الأردني الملك عبدالله الثاني لتطوير العلاقات.";
  const char *governed = "وقال الوزير ناصر جودة في مؤتمر للصحفيين إلى جانب وزير الخارجية المصري سامح شكري "
                         "عقب انتهاء مباحثات الرئيس المصري عبدالفتاح السيسي وولي العهد نائب رئيس "
                         "الوزراء صاحب السمو الملكي الأمير الحسين بن عبدالله إن البلدين متفقان.";
  g_autoptr(RasdExtraction) x = run (between, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (governed, "2024-05-20");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, "abdel-fattah-el-sisi"));
  g_assert_false (event_has (x, event, "abdullah-ii"));
  g_assert_cmpuint (event->evidence->len, ==, 2);

  g_assert_cmpuint (y->events->len, ==, 1);
  event = g_ptr_array_index (y->events, 0);
  g_assert_cmpuint (event->participants->len, ==, 2);
  g_assert_true (event_has (y, event, "abdel-fattah-el-sisi"));
  g_assert_false (event_has (y, event, "sameh-shoukry"));
}

static void
test_counterpart_office (void)
{
  /* "الوزير التركي" is the Turkish minister named before; the man named after "نظيره الأردني"
   * holds the Turkish minister's office in Jordan, so "العاهل الأردني" is not he */
  const char *text = "التقى وزير الخارجية التركي مولود جاويش أوغلو أمس نظيره الأردني أيمن الصفدي في عمان.\n"
                     "واستقبل العاهل الأردني الوزير التركي اليوم في قصر الحسينية.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *minister = mention_entity (x, text, RASD_MENTION_PERSON, "الوزير التركي");

  g_assert_nonnull (minister);
  g_assert_cmpstr (minister->key, ==, "mevlut-cavusoglu");
  g_assert_null (mention_entity (x, text, RASD_MENTION_PERSON, "العاهل الأردني"));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_NER_COUNTERPART_TITLE), ==, 1);
  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);
      g_autofree char *date = event_date (event);

      if (strcmp (date, "2024-05-20") == 0)
        g_assert_false (event_has (x, event, "ayman-safadi"));
    }
}

static void
test_before_leaving (void)
{
  /* "قبل أن يغادر متوجها إلى بيروت للقاء Z" tells the next meeting, not more of this one */
  const char *text = "عقد وزير الخارجية التركي مولود جاويش أوغلو أمس اجتماعا مع نظيره الأردني أيمن "
                     "الصفدي في عمّان قبل أن يغادر متوجها إلى بيروت للقاء رئيس الحكومة اللبنانية نجيب ميقاتي.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);

      g_assert_true (event_has (x, event, "mevlut-cavusoglu"));
      g_assert_false (event_has (x, event, "ayman-safadi") && event_has (x, event, "najib-mikati"));
    }
}

static void
test_roles_point_back (void)
{
  /* "الوزير شكري" is the Sameh Shoukry named before, and "المسؤول الأمريكي برئيس الوزراء" is
   * the American named before meeting someone else, not a title of the prime minister's */
  const char *family = "والتقى وزير الخارجية المصري سامح شكري مساء أمس نظيره الإماراتي عبدالله بن زايد.\n"
                       "وقال المتحدث إن الوزير شكري توجه عقب اللقاء إلى الكويت.";
  const char *official = "التقى وزير الدفاع الأمريكي أشتون كارتر أمس في بغداد رئيس البرلمان العراقي سليم "
                         "الجبوري، وجاء ذلك عقب لقاء المسؤول الأمريكي برئيس الحكومة حيدر العبادي.";
  g_autoptr(RasdExtraction) x = run (family, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (official, "2024-05-20");
  RasdEntity *carter = mention_entity (y, official, RASD_MENTION_PERSON, "أشتون كارتر");

  g_assert_cmpstr (mention_entity (x, family, RASD_MENTION_PERSON, "شكري توجه")->key, ==, "sameh-shoukry");
  g_assert_true (mention_entity (y, official, RASD_MENTION_PERSON, "المسؤول الأمريكي") == carter);
  g_assert_cmpstr (mention_entity (y, official, RASD_MENTION_PERSON, "حيدر العبادي")->key, ==, "haider-al-abadi");

  /* a lexicon short form is the person the article named in full with that family name (the
   * lexicon's كرزاي is Hamid Karzai) */
  {
    const char *named = "وقاد الوفد نائب وزير الخارجية الأفغاني حكمت خليل كرزاي في أول لقاء مع ممثلي الحركة.\n"
                        "وأكد كرزاي أن من التقاهم من ممثلي الحركة يحظون بتأييد قيادتهم.";
    g_autoptr(RasdExtraction) z = run (named, "2024-05-20");

    g_assert_true (mention_entity (z, named, RASD_MENTION_PERSON, "كرزاي أن") ==
                   mention_entity (z, named, RASD_MENTION_PERSON, "حكمت خليل"));
    g_assert_cmpstr (mention_entity (z, named, RASD_MENTION_PERSON, "كرزاي أن")->key, !=, "hamid-karzai");
  }

  /* after a title, the family name of a person named before ends the name, unless a name
   * link goes on: "الوزير شكري تأكيد" is Shoukry, "الأمير عبدالله بن مساعد" someone new */
  {
    const char *ends = "والتقى وزير الخارجية المصري سامح شكري مساء أمس الأمير فهد بن عبدالله.\n"
                       "وجدد الوزير شكري تأكيد تطابق المواقف، وحضر اللقاء الأمير عبدالله بن مساعد.";
    g_autoptr(RasdExtraction) v = run (ends, "2024-05-20");
    RasdEntity *other = mention_entity (v, ends, RASD_MENTION_PERSON, "عبدالله بن مساعد");

    g_assert_cmpstr (mention_entity (v, ends, RASD_MENTION_PERSON, "شكري تأكيد")->key, ==, "sameh-shoukry");
    g_assert_nonnull (other);
    g_assert_true (other != mention_entity (v, ends, RASD_MENTION_PERSON, "فهد بن"));
    for (guint m = 0; m < v->mentions->len; m++)
      {
        RasdMention *mention = &g_array_index (v->mentions, RasdMention, m);

        g_assert_false (mention->kind == RASD_MENTION_PERSON &&
                        strstr (rasd_extraction_get_entity (v, mention->entity)->name, "تأكيد") != NULL);
      }
  }

  /* a family name that is also a first name (شكري) is that person where no name goes on after
   * it, never inside another word (لشكري is read, لصالح of a صالح is not) */
  {
    const char *alone = "والتقى وزير الخارجية المصري سامح شكري مساء أمس في عمان العاهل الأردني الملك عبدالله الثاني.\n"
                        "واجتمع وزير الخارجية أيمن الصفدي أمس مع شكري والوفد المرافق له.\n"
                        "وحضر الاجتماع النائب الأردني أحمد صالح.\n"
                        "وقال الصفدي إن الاتفاق يصب لصالح البلدين.";
    g_autoptr(RasdExtraction) w = run (alone, "2024-05-20");

    g_assert_cmpstr (mention_entity (w, alone, RASD_MENTION_PERSON, "شكري والوفد")->key, ==, "sameh-shoukry");
    g_assert_null (mention_entity (w, alone, RASD_MENTION_PERSON, "لصالح"));
  }
}

static void
test_weekday_tense (void)
{
  /* a bare weekday is the last one before the publication, the next one when the trigger
   * tells what is to come */
  const char *ahead = "وصل الرئيس الكيني وليام روتو إلى أديس أبابا أمس، ومغادرته مساء الأحد عندما "
                      "يتوجه إلى القاهرة حيث يلتقي الرئيس المصري عبدالفتاح السيسي.";
  const char *past = "وصل الرئيس الكيني وليام روتو مساء الأحد إلى القاهرة حيث التقى الرئيس المصري "
                     "عبدالفتاح السيسي.";
  g_autoptr(RasdExtraction) x = run (ahead, "2024-05-22");
  g_autoptr(RasdExtraction) y = run (past, "2024-05-22");
  gboolean found = FALSE;

  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);
      g_autofree char *date = event_date (event);

      if (event_has (x, event, "abdel-fattah-el-sisi"))
        {
          g_assert_cmpstr (date, ==, "2024-05-26");
          found = TRUE;
        }
    }
  g_assert_true (found);
  /* after a verb in the past, the last one, though a coming day came before it */
  {
    const char *back = "سيزور المبعوث الأممي ستيفان دي ميستورا دمشق غدا. وكان دي ميستورا قد التقى في "
                       "بيروت وزير الخارجية اللبناني جبران باسيل الأربعاء.";
    g_autoptr(RasdExtraction) z = run (back, "2024-05-24");

    found = FALSE;
    for (guint e = 0; e < z->events->len; e++)
      {
        RasdEvent *event = g_ptr_array_index (z->events, e);
        g_autofree char *date = event_date (event);

        if (event->participants->len == 2)
          {
            g_assert_cmpstr (date, ==, "2024-05-22");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  g_assert_cmpuint (y->events->len, ==, 1);
  {
    g_autofree char *date = event_date (g_ptr_array_index (y->events, 0));

    g_assert_cmpstr (date, ==, "2024-05-19");
  }
}

static void
test_title_word_name (void)
{
  /* no name begins with بن: the title word before it (مساعد) is the first name */
  const char *text = "والتقى الوزير الأردني أيمن الصفدي مستشار الأمن الوطني الدكتور مساعد بن محمد العيبان "
                     "في الرياض أمس.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "مساعد بن");

  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "مساعد بن محمد العيبان");
}

static void
test_day_before (void)
{
  /* "، غداة لقائه في بغداد": the same man's meeting of the day before, an event of its own */
  const char *text = "أشاد وزير الدفاع الأمريكي لويد أوستن بالقوات الكردية خلال زيارته أمس إلى أربيل في شمال "
                     "العراق، غداة لقائه في بغداد رئيس الوزراء العراقي محمد شياع السوداني.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  gboolean found = FALSE;

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);
      g_autofree char *date = event_date (event);

      if (g_strcmp0 (event_place_en (x, event), "Baghdad") == 0)
        {
          g_assert_cmpstr (date, ==, "2024-05-18");
          g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_BACKGROUND);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_kingdom (void)
{
  /* المملكة alone is the Arab kingdom the article is about; with a name of its own, that one */
  const char *saudi = "ووصل وزير الخارجية المصري سامح شكري مساء أمس إلى جدة حيث التقى خادم الحرمين الشريفين الملك "
                      "سلمان بن عبدالعزيز.\nوقال شكري إن زيارته للمملكة تأتي في إطار التنسيق بين البلدين.\n"
                      "وكان الوزير قد زار المملكة المتحدة الشهر الماضي.";
  const char *jordan = "استقبل العاهل الأردني الملك عبدالله الثاني في عمّان أمس وزير الخارجية المصري سامح شكري.\n"
                       "وقال شكري إن زيارته للمملكة تأتي في إطار التنسيق بين البلدين.";
  const char *neither = "والتقى وزير الخارجية المصري سامح شكري مساء أمس نظيره التونسي في القاهرة.\n"
                        "وقال شكري إن العلاقات مع المملكة جيدة.";
  g_autoptr(RasdExtraction) x = run (saudi, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (jordan, "2024-05-20");
  g_autoptr(RasdExtraction) z = run (neither, "2024-05-20");

  g_assert_cmpstr (mention_entity (x, saudi, RASD_MENTION_PLACE, "للمملكة")->key, ==, "country:SA");
  g_assert_cmpstr (mention_entity (x, saudi, RASD_MENTION_PLACE, "المملكة المتحدة")->key, ==, "country:GB");
  g_assert_cmpstr (mention_entity (y, jordan, RASD_MENTION_PLACE, "للمملكة")->key, ==, "country:JO");
  g_assert_null (mention_entity (z, neither, RASD_MENTION_PLACE, "المملكة"));
}

static void
test_headline_of_two (void)
{
  /* a headline listing two meetings ("لقاء مع X وقمة مع Y") tells each with its own people */
  const char *text = "شولتس في نيودلهي: لقاء مع مودي وقمة مع وانغ يي\n"
                     "التقى المستشار الألماني أولاف شولتس رئيس الوزراء الهندي ناريندرا مودي في نيودلهي أمس.\n"
                     "ثم شارك شولتس في قمة مع وزير الخارجية الصيني وانغ يي في مومباي اليوم.";
  g_autoptr(RasdExtraction) x = run (text, "2023-03-15");

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);

      /* each of the two meetings, never both people */
      g_assert_false (event_has (x, event, "narendra-modi") && event_has (x, event, "wang-yi"));
      g_assert_cmpuint (event->evidence->len, ==, 2);
    }
}

static void
test_city_of_country (void)
{
  /* a visit told with its country is in the one city of that country the article names; with
   * two such cities it stays the country's */
  const char *text = "زار الرئيس التونسي قيس سعيد ألمانيا أمس.\n"
                     "وعقد سعيد مؤتمرا صحفيا في برلين حضره صحفيون.";
  const char *two = "زار الرئيس التونسي قيس سعيد ألمانيا أمس.\n"
                    "وتنقل سعيد بين برلين وميونخ.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  g_autoptr(RasdExtraction) y = run (two, "2024-05-20");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (x, g_ptr_array_index (x->events, 0)), ==, "Berlin");
  g_assert_cmpuint (y->events->len, ==, 1);
  g_assert_cmpstr (event_place_en (y, g_ptr_array_index (y->events, 0)), ==, "Germany");
}

static void
test_reported (void)
{
  /* the date of the announcement is not the date of what it announces */
  const char *text = "ذكرت الرئاسة الفرنسية أمس (السبت) أن الرئيس إيمانويل ماكرون سيلتقي المستشار الألماني "
                     "أولاف شولتس.";
  g_autoptr(RasdExtraction) x = run (text, "2021-05-02");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_PLANNED);
  g_assert_cmpint (event->date.precision, ==, RASD_DATE_PRECISION_NONE);
  g_assert_true (event_has (x, event, "emmanuel-macron"));
  g_assert_true (event_has (x, event, "olaf-scholz"));
}

static void
test_at_home (void)
{
  /* a host receiving "في قصره" does so in the capital of his country */
  const char *text = "وأمس استقبل الملك المغربي محمد السادس في قصره وزير الخارجية الجزائري رمطان لعمامرة.";
  g_autoptr(RasdExtraction) x = run (text, "2019-06-11");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  /* الرباط is libgeonames' Rabat, found at the capital's point */
  g_assert_cmpstr (event_place_en (x, event), ==, "Rabat");
  g_assert_cmpuint (rule_hits (text, "2019-06-11", RASD_RULE_EV_PLACE_AT_HOME), ==, 1);
}

static void
test_refers_back (void)
{
  /* "the talks" with no verb, date or place of their own are the talks already reported */
  const char *text = "أجرى المستشار الألماني أولاف شولتس ورئيس الوزراء الهندي ناريندرا مودي محادثات في برلين اليوم.\n"
                     "وانضم إلى المحادثات وزير الخارجية الصيني وانغ يي.";
  g_autoptr(RasdExtraction) x = run (text, "2023-03-15");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, event, "olaf-scholz"));
  g_assert_true (event_has (x, event, "wang-yi"));
  g_assert_cmpuint (event->evidence->len, ==, 2);
}

static void
test_refers_back_other_kind (void)
{
  /* "the meeting" with no verb, date or place of its own is the meeting of the reception
   * already reported, though that was told with another word */
  const char *text = "اليوم في القاهرة استقبل رئيس الوزراء المصري مصطفى مدبولي وزير الخارجية الأردني أيمن الصفدي.\n"
                     "وشارك في الاجتماع أيضا وزير الخارجية المصري سامح شكري.";
  g_autoptr(RasdExtraction) x = run (text, "2023-03-15");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (event->kind, ==, "reception");
  g_assert_true (event_has (x, event, "sameh-shoukry"));
}

static void
test_deceased (void)
{
  /* someone named with "رحمه الله" takes no part in the news, only in what happened before */
  const char *text = "وقام الملك الأردني عبدالله الثاني بجولة في متحف عمّان مع ضيفه، شاهدا خلالها مقتنيات "
                     "الملك الحسين بن طلال رحمه الله.\n"
                     "وكان الملك الحسين بن طلال رحمه الله قد زار لندن في مايو 1985.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *tour, *visit;

  g_assert_cmpuint (x->events->len, ==, 2);
  tour = g_ptr_array_index (x->events, 0);
  visit = g_ptr_array_index (x->events, 1);
  g_assert_true (event_has (x, tour, "abdullah-ii"));
  g_assert_false (event_has (x, tour, "hussein-bin-talal"));
  g_assert_cmpint (visit->role, ==, RASD_EVENT_ROLE_BACKGROUND);
  g_assert_true (event_has (x, visit, "hussein-bin-talal"));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_DECEASED), >=, 1);
}

static void
test_colon_speaker (void)
{
  /* "سامح شكري: المحادثات بناءة": a name before a colon speaks, as in a headline */
  const char *text = "اليوم في القاهرة استقبل رئيس الوزراء المصري مصطفى مدبولي وزير الخارجية الأردني أيمن الصفدي.\n"
                     "سامح شكري: المحادثات بناءة";
  g_autoptr(RasdExtraction) x = run (text, "2023-03-15");

  g_assert_cmpuint (x->events->len, ==, 1);
  g_assert_false (event_has (x, g_ptr_array_index (x->events, 0), "sameh-shoukry"));
}

static void
test_background_and_planned (void)
{
  const char *text = "التقى الرئيس التركي رجب طيب أردوغان أمير قطر الشيخ تميم بن حمد في الدوحة أمس.\n"
                     "وكان أردوغان قد زار قطر في ديسمبر 2017 حيث التقى تميم بن حمد في قاعدة العديد.\n"
                     "ومن المقرر أن يزور أردوغان الجزائر يوم الأربعاء المقبل للقاء الرئيس عبد المجيد تبون.";
  g_autoptr(RasdExtraction) x = run (text, "2019-06-11");
  gboolean seen[3] = { FALSE, FALSE, FALSE };

  g_assert_cmpuint (x->events->len, ==, 3);
  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);
      g_autofree char *date = event_date (event);

      seen[event->role] = TRUE;
      switch (event->role)
        {
        case RASD_EVENT_ROLE_HEADLINE:
          g_assert_cmpstr (date, ==, "2019-06-10");
          g_assert_cmpstr (event_place_en (x, event), ==, "Doha");
          break;
        case RASD_EVENT_ROLE_BACKGROUND:
          g_assert_cmpstr (date, ==, "2017-12");
          /* a site where the text gives one, not the country */
          g_assert_cmpstr (event_place_en (x, event), ==, "Al Udeid Air Base");
          break;
        case RASD_EVENT_ROLE_PLANNED:
          g_assert_cmpstr (date, ==, "2019-06-12");
          g_assert_true (event_has (x, event, "abdelmadjid-tebboune"));
          g_assert_cmpstr (event->kind, ==, "visit");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_true (seen[0] && seen[1] && seen[2]);
}

static void
test_later_step (void)
{
  /* "، على أن يزور" is a next deed of its own; "بعد ذلك" gives it no day */
  const char *text = "نيودلهي - يصل رئيس الوزراء الهندي ناريندرا مودي إلى أبوظبي غدا الأحد في زيارة رسمية "
                     "يلتقي خلالها ولي عهد أبوظبي الشيخ محمد بن زايد آل نهيان، على أن يزور البحرين بعد ذلك.";
  g_autoptr(RasdExtraction) x = run (text, "2019-08-23");
  gboolean abu_dhabi = FALSE, bahrain = FALSE;

  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);
      g_autofree char *date = event_date (event);
      const char *place = event_place_en (x, event);

      g_assert_true (event_has (x, event, "narendra-modi"));
      if (g_strcmp0 (place, "Abu Dhabi") == 0)
        {
          abu_dhabi = TRUE;
          g_assert_cmpstr (date, ==, "2019-08-24");
        }
      else if (g_strcmp0 (place, "Bahrain") == 0)
        {
          bahrain = TRUE;
          g_assert_cmpstr (event->kind, ==, "visit");
          g_assert_cmpstr (date, ==, "2019-08");
        }
    }
  g_assert_true (abu_dhabi);
  g_assert_true (bahrain);
}

static void
test_two_days_in_a_city (void)
{
  /* "يومي الأربعاء والخميس" are two days of one summit; a city after مدينة is the city,
   * though its name holds a title (الشيخ) */
  const char *text = "شارك الرئيس التونسي قيس سعيد في أعمال قمة عربية طارئة استضافتها مدينة شرم الشيخ "
                     "المصرية يومي الأربعاء والخميس الماضيين.";
  g_autoptr(RasdExtraction) x = run (text, "2021-06-12");
  RasdEvent *event;
  g_autofree char *date = NULL;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  date = event_date (event);
  g_assert_cmpstr (date, ==, "2021-06-09");
  g_assert_cmpstr (event_place_en (x, event), ==, "Sharm el-Sheikh");
}

static void
test_sides_of_a_call (void)
{
  /* "، وبحث الجانبان" goes on with the call the clause before told; "للحد من" is no town
   * (Al Hidd); «وسام زايد» is an order, no man named وسام */
  const char *text = "أبوظبي في 5 أبريل / وام / أجرى الشيخ محمد بن زايد آل نهيان مساء أمس اتصالا هاتفيا "
                     "مع رئيس الوزراء الهندي ناريندرا مودي، اطمأن خلاله على أحوال الجالية، وبحث الجانبان "
                     "سبل التعاون للحد من انتشار الوباء.\n"
                     "وكان رئيس الوزراء الهندي قد تسلم «وسام زايد» في أبوظبي قبل عامين.";
  g_autoptr(RasdExtraction) x = run (text, "2020-04-05");
  guint calls = 0;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      g_assert_cmpstr (event->kind, ==, "call");
      g_assert_true (event_has (x, event, "narendra-modi"));
      g_assert_true (event_has (x, event, "mohamed-bin-zayed"));
      g_assert_cmpint (event->place, <, 0);
      calls++;
    }
  g_assert_cmpuint (calls, ==, 1);
  for (guint m = 0; m < x->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (x->mentions, RasdMention, m);

      if (mention->entity >= 0)
        g_assert_cmpstr (rasd_extraction_get_entity (x, mention->entity)->name, !=, "سام زايد");
    }
  g_assert_null (mention_entity (x, text, RASD_MENTION_PLACE, "للحد"));
}

static void
test_verb_opens_sentence (void)
{
  /* "وشهد حمدوك": a sentence opened by و and a verb (شهد is also a first name) names no
   * one, so حمدوك is still the man named in full; الفاشر is a city though libgeonames gives
   * it in Latin letters only */
  const char *text = "وصل رئيس الوزراء السوداني عبدالله حمدوك إلى الفاشر صباح اليوم.\n"
                     "وشهد حمدوك بعد ذلك الاحتفال الذي أقيم في المدينة.\n"
                     "ومن المقرر أن يزور حمدوك مدينة نيالا غدا.";
  g_autoptr(RasdExtraction) x = run (text, "2021-08-10");
  gboolean fasher = FALSE, nyala = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);
      const char *place = event_place_en (x, event);

      g_assert_cmpuint (event->participants->len, ==, 1);
      fasher = fasher || g_strcmp0 (place, "Al-Fashir") == 0;
      nyala = nyala || g_strcmp0 (place, "Nyala") == 0;
    }
  g_assert_true (fasher);
  g_assert_true (nyala);
  for (guint m = 0; m < x->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (x->mentions, RasdMention, m);

      if (mention->kind == RASD_MENTION_PERSON)
        g_assert_cmpstr (rasd_extraction_get_entity (x, mention->entity)->name, ==, "عبدالله حمدوك");
    }
}

static void
test_summit_of_two (void)
{
  /* "قمتهما" is a summit of the two told last; the summit after على هامش is where the meeting
   * was, no deed of the man taking office in the clause; a place after مواجهة is a topic; ماناوس
   * is a city the catalogue names in Latin letters only */
  const char *text = "التقى الرئيس الأمريكي جو بايدن نظيره الصيني شي جين بينغ في ليما أمس، قبل أن يتسلم "
                     "الرئيس المنتخب دونالد ترامب السلطة في يناير المقبل، وذلك على هامش قمة أبيك.\n"
                     "وكانت قمتهما الأولى قد عقدت في نوفمبر 2022.\n"
                     "وعقد بايدن لقاء مع رئيس الوزراء الياباني شيغيرو إيشيبا للتنسيق في مواجهة بيونغ يانغ.\n"
                     "ويتوجه بايدن غدا إلى ماناوس.";
  g_autoptr(RasdExtraction) x = run (text, "2024-11-17");
  gboolean first_summit = FALSE, manaus = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);
      g_autofree char *date = event_date (event);

      g_assert_false (event_has (x, event, "donald-trump"));
      if (g_strcmp0 (date, "2022-11") == 0)
        {
          first_summit = TRUE;
          g_assert_true (event_has (x, event, "joe-biden"));
          g_assert_true (event_has (x, event, "xi-jinping"));
        }
      g_assert_cmpstr (event_place_en (x, event), !=, "Pyongyang");
      manaus = manaus || g_strcmp0 (event_place_en (x, event), "Manaus") == 0;
    }
  g_assert_true (first_summit);
  g_assert_true (manaus);
}

static void
test_meeting_at_invitation (void)
{
  /* who invited hosts the meeting; "لقائهما" after it is the two who met, not the host; the
   * results of the meeting welcomed are no meeting of the man welcoming them */
  const char *text = "الرباط - جمع لقاء أمس رئيس حكومة الوحدة الوطنية الليبية عبد الحميد الدبيبة وقائد "
                     "الجيش الليبي خليفة حفتر في الرباط بدعوة من الملك محمد السادس.\n"
                     "ويأتي هذا اللقاء بعد لقائهما في القاهرة في مارس الماضي.\n"
                     "ورحب رئيس مجلس النواب الليبي عقيلة صالح بنتائج لقاء الرباط.";
  g_autoptr(RasdExtraction) x = run (text, "2023-06-10");
  gboolean hosted = FALSE, before = FALSE;

  g_assert_cmpuint (x->events->len, ==, 2);
  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);
      g_autofree char *date = event_date (event);

      g_assert_true (event_has (x, event, "khalifa-haftar"));
      if (g_strcmp0 (date, "2023-06-09") == 0)
        hosted = event_has (x, event, "mohammed-vi");
      else if (g_strcmp0 (date, "2023-03") == 0)
        before = event->participants->len == 2 && !event_has (x, event, "mohammed-vi");
    }
  g_assert_true (hosted);
  g_assert_true (before);
}

static void
test_the_guest (void)
{
  /* "الضيف الباكستاني" is whom the news's reception received */
  const char *text = "الرياض - واس - استقبل العاهل السعودي الملك سلمان في الرياض اليوم رئيس الوزراء "
                     "الباكستاني عمران خان.\n"
                     "والتقى الضيف الباكستاني في وقت لاحق ولي العهد السعودي محمد بن سلمان.";
  g_autoptr(RasdExtraction) x = run (text, "2019-10-21");
  gboolean later = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);

      if (event_has (x, event, "mohammed-bin-salman"))
        later = event_has (x, event, "imran-khan");
    }
  g_assert_true (later);
}

static void
test_future_of_other_deed (void)
{
  /* "المقرر عقدها" is the summit's plan, not the reception's: one reception, told in the
   * headline and the lead */
  const char *text = "العاهل الأردني يستقبل أمين عام الجامعة العربية\n"
                     "عمان - بترا - استقبل العاهل الأردني الملك عبدالله الثاني في عمّان اليوم الأمين العام "
                     "لجامعة الدول العربية أحمد أبو الغيط، وجرى خلال اللقاء بحث التحضيرات للقمة العربية "
                     "المقرر عقدها في البحر الميت يوم 29 من الشهر الجاري.";
  g_autoptr(RasdExtraction) x = run (text, "2017-03-14");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpint (event->role, ==, RASD_EVENT_ROLE_HEADLINE);
  g_assert_true (event_has (x, event, "ahmed-aboul-gheit"));
}

static void
test_dateline_without_year (void)
{
  /* "الرباط في 13 أكتوبر / و م ع /" printed on the 14th: غدا is the 14th */
  const char *text = "الرباط في 13 أكتوبر / و م ع / أجرى وزير الخارجية المغربي ناصر بوريطة مباحثات مع نظيره "
                     "الإسباني خوسيه مانويل ألباريس.\n"
                     "ومن المقرر أن يستقبل رئيس الحكومة عزيز أخنوش الوزير الإسباني غدا.";
  g_autoptr(RasdExtraction) x = run (text, "2021-10-14");
  gboolean planned = FALSE;

  for (guint i = 0; i < x->events->len; i++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, i);
      g_autofree char *date = event_date (event);

      if (event->role == RASD_EVENT_ROLE_PLANNED)
        {
          planned = TRUE;
          g_assert_cmpstr (date, ==, "2021-10-14");
        }
      else
        g_assert_cmpstr (date, ==, "2021-10-13");
    }
  g_assert_true (planned);
}

static void
test_place_of_a_mission (void)
{
  /* "في ليبيا" is where the mission serves ("بعثة" is no ب + عثة), read back over the name
   * of the body it belongs to: the reception is in Tunis, one event */
  const char *text = "الرئيس التونسي يستقبل رئيس بعثة الأمم المتحدة للدعم في ليبيا\n"
                     "تونس - استقبل الرئيس التونسي قيس سعيد اليوم رئيس بعثة الأمم المتحدة للدعم في ليبيا "
                     "عبد الله باتيلي.";
  g_autoptr(RasdExtraction) x = run (text, "2023-02-14");
  RasdEvent *event;

  g_assert_cmpuint (x->events->len, ==, 1);
  event = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (event_place_en (x, event), ==, "Tunis");
}

static void
test_hyphened_first_name (void)
{
  /* "جان-نويل": a compound first name written with a hyphen is one name, not جان alone */
  const char *text = "الرباط - أجرى وزير الخارجية المغربي ناصر بوريطة اليوم مباحثات مع وزير الخارجية "
                     "الفرنسي جان-نويل بارو.";
  g_autoptr(RasdExtraction) x = run (text, "2025-04-14");
  RasdEntity *e = mention_entity (x, text, RASD_MENTION_PERSON, "جان-نويل");

  g_assert_nonnull (e);
  g_assert_true (g_str_has_prefix (e->name, "جان-نويل"));
}

static void
test_tour_and_dateline (void)
{
  /* the dateline on a line of its own; عمان listed with countries is Oman, not Amman */
  const char *text = "الدوحة - واس\n"
                     "استقبل الشيخ تميم بن حمد مساء أمس وزير الخارجية الأردني أيمن الصفدي.\n"
                     "وكان الصفدي قد قام بجولة خليجية زار فيها الكويت والبحرين وعمان.";
  g_autoptr(RasdExtraction) x = run (text, "2015-07-26");
  guint n_visits = 0;
  gboolean reception = FALSE;

  for (guint e = 0; e < x->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (x->events, e);

      if (strcmp (event->kind, "reception") == 0)
        {
          g_autofree char *date = event_date (event);

          reception = TRUE;
          g_assert_true (event_has (x, event, "tamim-bin-hamad"));
          g_assert_true (event_has (x, event, "ayman-safadi"));
          /* no place in the sentence: the dateline's */
          g_assert_cmpstr (event_place_en (x, event), ==, "Doha");
          g_assert_cmpstr (date, ==, "2015-07-25");
        }
      else if (strcmp (event->kind, "visit") == 0)
        {
          g_assert_true (event_has (x, event, "ayman-safadi"));
          g_assert_cmpstr (rasd_extraction_get_entity (x, event->place)->place_kind, ==, "country");
          n_visits++;
        }
    }
  g_assert_true (reception);
  /* one visit per stop of the tour */
  g_assert_cmpuint (n_visits, ==, 3);
  g_assert_cmpuint (rule_hits (text, "2015-07-26", RASD_RULE_EV_DATELINE), ==, 1);
  g_assert_cmpuint (rule_hits (text, "2015-07-26", RASD_RULE_NER_LISTED_COUNTRY), ==, 1);
}

static void
test_call_has_no_place (void)
{
  /* a call joins two places: the caller's is not where it happened */
  const char *text = "أجرى الرئيس التركي رجب طيب أردوغان في أنقرة اتصالا هاتفيا بأمير قطر الشيخ تميم بن حمد.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *call;

  g_assert_cmpuint (x->events->len, ==, 1);
  call = g_ptr_array_index (x->events, 0);
  g_assert_cmpstr (call->kind, ==, "call");
  g_assert_true (event_has (x, call, "tamim-bin-hamad"));
  g_assert_cmpint (call->place, <, 0);
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_CALL_NO_PLACE), ==, 1);
}

static void
test_no_event_without_a_name (void)
{
  /* meetings of unnamed people, and statements, are not events */
  const char *text = "التقى وفد من رجال الأعمال بمسؤولين في الرياض أمس.\n"
                     "وقال الرئيس الروسي فلاديمير بوتين إن الاقتصاد ينمو.";
  g_autoptr(RasdExtraction) x = run (text, "2020-02-02");

  g_assert_cmpuint (x->events->len, ==, 0);
}

static void
test_plural_triggers (void)
{
  /* a plural noun tells of several calls or meetings and of none by itself */
  const char *text = "وبعد الفيضانات بدأ الرئيس التونسي قيس سعيد يتلقى اتصالات من مسؤولين عرب.\n"
                     "وعقد وزير الخارجية المغربي ناصر بوريطة اجتماعات مع سفراء أوروبيين.";
  g_autoptr(RasdExtraction) x = run (text, "2024-10-02");

  g_assert_cmpuint (x->events->len, ==, 0);

  /* a noun joined to a plural one is a series too */
  {
    const char *series = "وتحدث المبعوث الأممي جان دوبوا عن المشاورات واللقاءات التي عقدها مع الأطراف.";
    g_autoptr(RasdExtraction) y = run (series, "2024-10-02");

    g_assert_cmpuint (y->events->len, ==, 0);
  }
}

static void
test_expectation_clause (void)
{
  /* "، ومن المرجح أن": what is expected is not what the clause before it told, even when that
   * clause reports no event of its own */
  const char *text = "وكان الرئيس الفرنسي إيمانويل ماكرون انتقد الجزائر في العام 2021، ومن المرجح أن "
                     "يزيد ذلك من تعقيد المحادثات بين البلدين.";
  g_autoptr(RasdExtraction) x = run (text, "2024-10-02");

  g_assert_cmpuint (x->events->len, ==, 0);
}

static void
test_habits (void)
{
  /* visits "مرات عدة" or calls "بانتظام" with no date are a habit, no event */
  const char *text = "التقى رئيس الوزراء الهندي ناريندرا مودي المستشار الألماني أولاف شولتس في برلين اليوم.\n"
                     "وكان وزير الخارجية الأردني أيمن الصفدي قد زار برلين مرات عدة.\n"
                     "ويتصل مودي بشولتس بانتظام لبحث التجارة.";
  g_autoptr(RasdExtraction) x = run (text, "2024-05-20");
  RasdEvent *meeting;

  g_assert_cmpuint (x->events->len, ==, 1);
  meeting = g_ptr_array_index (x->events, 0);
  g_assert_true (event_has (x, meeting, "narendra-modi"));
  g_assert_false (event_has (x, meeting, "ayman-safadi"));
  g_assert_cmpuint (rule_hits (text, "2024-05-20", RASD_RULE_EV_HABIT), ==, 2);
}

static void
test_names_only (void)
{
  const char *text = "التقى الرئيس الروسي فلاديمير بوتين أمس في موسكو.";
  g_autoptr(RasdExtraction) x = rasd_extractor_find_names (extractor (), text);

  g_assert_cmpuint (x->events->len, ==, 0);
  for (guint m = 0; m < x->mentions->len; m++)
    g_assert_cmpint (g_array_index (x->mentions, RasdMention, m).kind, !=, RASD_MENTION_DATE);
  g_assert_nonnull (mention_entity (x, text, RASD_MENTION_PERSON, "فلاديمير بوتين"));
  g_assert_nonnull (mention_entity (x, text, RASD_MENTION_PLACE, "موسكو"));
}

static void
test_bad_text (void)
{
  /* nothing to find, or nothing Arabic: no crash, nothing found */
  const char *texts[] = { "", "\n\n\n", "....،،؟؟", "Putin met Assad in Damascus.", "و و و ب ل ال" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RasdExtraction) x = run (texts[i], NULL);
      g_assert_cmpuint (x->events->len, ==, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/extractor/names/titles-clitics", test_names_titles_and_clitics);
  g_test_add_func ("/extractor/names/unknown-surnames", test_unknown_names_and_surnames);
  g_test_add_func ("/extractor/names/places", test_places);
  g_test_add_func ("/extractor/names/common-word-places", test_common_word_places);
  g_test_add_func ("/extractor/names/place-evidence", test_place_evidence);
  g_test_add_func ("/extractor/names/name-words", test_name_words);
  g_test_add_func ("/extractor/names/compound", test_compound_names);
  g_test_add_func ("/extractor/names/tagger-gates", test_tagger_gates_names);
  g_test_add_func ("/extractor/names/unknown-name-ends", test_unknown_name_ends);
  g_test_add_func ("/extractor/names/tagged-people", test_tagged_people);
  g_test_add_func ("/extractor/names/derived-place", test_derived_place_not_person);
  g_test_add_func ("/extractor/events/negated-power", test_no_event_negated_or_power);
  g_test_add_func ("/extractor/events/recalled-stay", test_recalled_and_stay);
  g_test_add_func ("/extractor/names/first-name-of-titled", test_first_name_of_titled_person);
  g_test_add_func ("/extractor/names/phrases-not-people", test_phrases_not_people);
  g_test_add_func ("/extractor/names/open-roles", test_open_roles);
  g_test_add_func ("/extractor/names/named-for", test_named_for);
  g_test_add_func ("/extractor/names/short-names", test_short_names);
  g_test_add_func ("/extractor/names/spelling-variants", test_spelling_variants);
  g_test_add_func ("/extractor/names/title-to-other", test_title_to_other);
  g_test_add_func ("/extractor/names/adjectives-cities", test_adjectives_and_cities);
  g_test_add_func ("/extractor/names/role-before-comma-name", test_role_before_comma_name);
  g_test_add_func ("/extractor/names/dual-role", test_dual_role);
  g_test_add_func ("/extractor/names/buildings-title-places", test_buildings_and_title_places);
  g_test_add_func ("/extractor/names/only", test_names_only);
  g_test_add_func ("/extractor/names/buildings", test_buildings);
  g_test_add_func ("/extractor/events/merged", test_one_event_many_sentences);
  g_test_add_func ("/extractor/events/roles", test_background_and_planned);
  g_test_add_func ("/extractor/events/envoy-spokesperson", test_roles_and_spokespeople);
  g_test_add_func ("/extractor/names/near-spellings", test_near_spellings_of_listed_people);
  g_test_add_func ("/extractor/events/clauses", test_clauses);
  g_test_add_func ("/extractor/events/date-list", test_date_list);
  g_test_add_func ("/extractor/events/reported", test_reported);
  g_test_add_func ("/extractor/events/said-day", test_said_day);
  g_test_add_func ("/extractor/events/then-going", test_then_going);
  g_test_add_func ("/extractor/events/going-towards", test_going_towards);
  g_test_add_func ("/extractor/events/last-meeting", test_last_meeting);
  g_test_add_func ("/extractor/events/party-list", test_party_list);
  g_test_add_func ("/extractor/events/counterpart-office", test_counterpart_office);
  g_test_add_func ("/extractor/events/before-leaving", test_before_leaving);
  g_test_add_func ("/extractor/names/roles-point-back", test_roles_point_back);
  g_test_add_func ("/extractor/events/weekday-tense", test_weekday_tense);
  g_test_add_func ("/extractor/names/title-word-name", test_title_word_name);
  g_test_add_func ("/extractor/events/day-before", test_day_before);
  g_test_add_func ("/extractor/names/kingdom", test_kingdom);
  g_test_add_func ("/extractor/events/headline-of-two", test_headline_of_two);
  g_test_add_func ("/extractor/events/city-of-country", test_city_of_country);
  g_test_add_func ("/extractor/events/date-since", test_date_since);
  g_test_add_func ("/extractor/events/expected", test_expected_meeting);
  g_test_add_func ("/extractor/events/day-within-visit", test_day_within_visit);
  g_test_add_func ("/extractor/events/where-clause", test_where_clause);
  g_test_add_func ("/extractor/events/reception-after-arrival", test_reception_after_arrival);
  g_test_add_func ("/extractor/events/places-between", test_places_between);
  g_test_add_func ("/extractor/events/visit-object", test_visit_object);
  g_test_add_func ("/extractor/events/topic-places", test_topic_places);
  g_test_add_func ("/extractor/events/topic-places-more", test_topic_places_more);
  g_test_add_func ("/extractor/events/place-of-other-deed", test_place_of_other_deed);
  g_test_add_func ("/extractor/events/place-next", test_place_next);
  g_test_add_func ("/extractor/events/place-not-destination", test_place_not_destination);
  g_test_add_func ("/extractor/events/place-left-after", test_place_left_after);
  g_test_add_func ("/extractor/events/in-touch", test_in_touch);
  g_test_add_func ("/extractor/events/place-byline", test_place_byline);
  g_test_add_func ("/extractor/events/recalled-or-earlier", test_recalled_or_earlier);
  g_test_add_func ("/extractor/events/object-pronoun", test_object_pronoun);
  g_test_add_func ("/extractor/events/by-phone", test_by_phone);
  g_test_add_func ("/extractor/events/attendees-only", test_attendees_only);
  g_test_add_func ("/extractor/events/list-counterpart", test_list_counterpart);
  g_test_add_func ("/extractor/names/family-after-father", test_family_after_father);
  g_test_add_func ("/extractor/names/after-posting", test_name_after_posting);
  g_test_add_func ("/extractor/events/reception-on-arrival", test_reception_on_arrival);
  g_test_add_func ("/extractor/events/their-meeting", test_their_meeting);
  g_test_add_func ("/extractor/events/with-pronoun", test_with_pronoun);
  g_test_add_func ("/extractor/events/banquet", test_banquet);
  g_test_add_func ("/extractor/events/clause-preposition", test_clause_preposition);
  g_test_add_func ("/extractor/events/party-arrival", test_party_arrival);
  g_test_add_func ("/extractor/events/each-apart", test_each_apart);
  g_test_add_func ("/extractor/names/pronoun-not-place", test_pronoun_not_place);
  g_test_add_func ("/extractor/names/counterpart-country", test_counterpart_country);
  g_test_add_func ("/extractor/events/sentence-mate-place", test_sentence_mate_place);
  g_test_add_func ("/extractor/names/written-shadda", test_written_shadda);
  g_test_add_func ("/extractor/places/with-proclitic", test_place_with_proclitic);
  g_test_add_func ("/extractor/names/office-named-twice", test_office_named_twice);
  g_test_add_func ("/extractor/events/during-it-before", test_during_it_before);
  g_test_add_func ("/extractor/events/own-visit", test_own_visit);
  g_test_add_func ("/extractor/events/during-the-visit", test_during_the_visit);
  g_test_add_func ("/extractor/names/grandfather-and-building", test_grandfather_and_building);
  g_test_add_func ("/extractor/events/honorific-not-attendee", test_honorific_not_attendee);
  g_test_add_func ("/extractor/dates/same-day-as-before", test_same_day_as_before);
  g_test_add_func ("/extractor/names/office-after-prince", test_office_after_prince);
  g_test_add_func ("/extractor/places/left-after-long-name", test_left_after_long_name);
  g_test_add_func ("/extractor/events/speaker-that-he", test_speaker_that_he);
  g_test_add_func ("/extractor/events/reception-on-untold-arrival", test_reception_on_untold_arrival);
  g_test_add_func ("/extractor/places/guest-came-back", test_guest_came_back);
  g_test_add_func ("/extractor/names/foreign-spellings", test_foreign_spellings);
  g_test_add_func ("/extractor/events/invited-to", test_invited_to);
  g_test_add_func ("/extractor/events/speaker-receives-further-on", test_speaker_receives_further_on);
  g_test_add_func ("/extractor/names/family-in-ta", test_family_in_ta);
  g_test_add_func ("/extractor/names/state-noun-in-title", test_state_noun_in_title);
  g_test_add_func ("/extractor/places/kingdom-of-dateline", test_kingdom_of_dateline);
  g_test_add_func ("/extractor/events/during-stay", test_during_stay);
  g_test_add_func ("/extractor/names/name-ali", test_name_ali);
  g_test_add_func ("/extractor/names/family-goes-on", test_family_goes_on);
  g_test_add_func ("/extractor/events/return-home", test_return_home);
  g_test_add_func ("/extractor/events/visit-since", test_visit_since);
  g_test_add_func ("/extractor/events/speaker-wish", test_speaker_wish);
  g_test_add_func ("/extractor/events/denied", test_denied);
  g_test_add_func ("/extractor/events/sports-and-press", test_sports_and_press);
  g_test_add_func ("/extractor/names/other-family", test_other_family);
  g_test_add_func ("/extractor/names/role-of-region", test_role_of_region);
  g_test_add_func ("/extractor/events/dateline-date", test_dateline_date);
  g_test_add_func ("/extractor/events/letter-sender", test_letter_sender);
  g_test_add_func ("/extractor/names/headed-by", test_headed_by);
  g_test_add_func ("/extractor/names/titled-surname", test_titled_surname);
  g_test_add_func ("/extractor/names/begins-with-abd", test_name_begins_with_abd);
  g_test_add_func ("/extractor/names/common-before-place", test_common_before_place);
  g_test_add_func ("/extractor/events/speaker-of-their-talks", test_speaker_of_their_talks);
  g_test_add_func ("/extractor/events/end-of-told", test_end_of_told);
  g_test_add_func ("/extractor/names/role-then-other", test_role_then_other);
  g_test_add_func ("/extractor/events/dual-office", test_dual_office);
  g_test_add_func ("/extractor/events/relative-place", test_relative_place);
  g_test_add_func ("/extractor/names/envoy-goes-on", test_envoy_goes_on);
  g_test_add_func ("/extractor/names/counterpart-holds-office", test_counterpart_holds_office);
  g_test_add_func ("/extractor/events/trigger-forms", test_trigger_forms);
  g_test_add_func ("/extractor/events/dateline-common-word", test_dateline_common_word);
  g_test_add_func ("/extractor/names/construct-titles", test_construct_titles);
  g_test_add_func ("/extractor/events/where-place", test_where_place);
  g_test_add_func ("/extractor/events/honorific-pronoun", test_honorific_pronoun);
  g_test_add_func ("/extractor/events/during-it", test_during_it);
  g_test_add_func ("/extractor/events/message-sender", test_message_sender);
  g_test_add_func ("/extractor/events/dual-pair", test_dual_pair);
  g_test_add_func ("/extractor/names/role-of-title-in-name", test_role_of_title_in_name);
  g_test_add_func ("/extractor/events/relation-pair", test_relation_pair);
  g_test_add_func ("/extractor/events/place-after-lam", test_place_after_lam);
  g_test_add_func ("/extractor/events/place-of-institution", test_place_of_institution);
  g_test_add_func ("/extractor/events/other-deed-pronoun", test_other_deed_pronoun);
  g_test_add_func ("/extractor/events/speaker-own-deed", test_speaker_own_deed);
  g_test_add_func ("/extractor/events/pronoun-subject", test_pronoun_subject);
  g_test_add_func ("/extractor/events/place-presidency", test_place_presidency);
  g_test_add_func ("/extractor/events/sentence-time", test_sentence_time);
  g_test_add_func ("/extractor/names/initial-fa", test_unknown_name_initial_fa);
  g_test_add_func ("/extractor/names/nationality-surname", test_nationality_surname);
  g_test_add_func ("/extractor/names/title-of-country", test_title_of_country_k);
  g_test_add_func ("/extractor/names/after-title", test_unknown_name_after_title);
  g_test_add_func ("/extractor/names/title-in-name", test_title_in_name);
  g_test_add_func ("/extractor/events/points-back", test_points_back);
  g_test_add_func ("/extractor/events/tour-stops", test_tour_stops);
  g_test_add_func ("/extractor/events/latest-at-place", test_latest_at_place);
  g_test_add_func ("/extractor/events/at-home", test_at_home);
  g_test_add_func ("/extractor/events/refers-back", test_refers_back);
  g_test_add_func ("/extractor/events/refers-back-other-kind", test_refers_back_other_kind);
  g_test_add_func ("/extractor/events/deceased", test_deceased);
  g_test_add_func ("/extractor/events/colon-speaker", test_colon_speaker);
  g_test_add_func ("/extractor/events/tour-dateline", test_tour_and_dateline);
  g_test_add_func ("/extractor/names/roles-at-home", test_roles_at_home);
  g_test_add_func ("/extractor/names/minister-and-full-name", test_minister_and_full_name);
  g_test_add_func ("/extractor/events/later-step", test_later_step);
  g_test_add_func ("/extractor/names/hyphened-first-name", test_hyphened_first_name);
  g_test_add_func ("/extractor/events/place-of-a-mission", test_place_of_a_mission);
  g_test_add_func ("/extractor/events/dateline-without-year", test_dateline_without_year);
  g_test_add_func ("/extractor/events/future-of-other-deed", test_future_of_other_deed);
  g_test_add_func ("/extractor/events/the-guest", test_the_guest);
  g_test_add_func ("/extractor/events/meeting-at-invitation", test_meeting_at_invitation);
  g_test_add_func ("/extractor/events/summit-of-two", test_summit_of_two);
  g_test_add_func ("/extractor/names/verb-opens-sentence", test_verb_opens_sentence);
  g_test_add_func ("/extractor/events/sides-of-a-call", test_sides_of_a_call);
  g_test_add_func ("/extractor/events/two-days", test_two_days_in_a_city);
  g_test_add_func ("/extractor/events/call-no-place", test_call_has_no_place);
  g_test_add_func ("/extractor/events/unnamed", test_no_event_without_a_name);
  g_test_add_func ("/extractor/events/plural", test_plural_triggers);
  g_test_add_func ("/extractor/events/expectation", test_expectation_clause);
  g_test_add_func ("/extractor/events/habits", test_habits);
  g_test_add_func ("/extractor/names/title-without-honorific", test_title_without_honorific);
  g_test_add_func ("/extractor/names/named-by-father", test_named_by_father);
  g_test_add_func ("/extractor/events/visit-end", test_visit_end);
  g_test_add_func ("/extractor/events/journey-on", test_journey_on);
  g_test_add_func ("/extractor/names/role-named-before", test_role_named_before);
  g_test_add_func ("/extractor/names/head-of-body", test_head_of_body);
  g_test_add_func ("/extractor/names/honorific-begins-other", test_honorific_begins_other);
  g_test_add_func ("/extractor/names/posted-as-written", test_posted_as_written);
  g_test_add_func ("/extractor/events/dateline-before-print", test_dateline_before_print);
  g_test_add_func ("/extractor/events/hijri-dateline", test_hijri_dateline);
  g_test_add_func ("/extractor/events/news-day", test_news_day);
  g_test_add_func ("/extractor/events/place-before-visit-end", test_place_before_visit_end);
  g_test_add_func ("/extractor/events/city-of-other-time", test_city_of_other_time);
  g_test_add_func ("/extractor/events/left-after-visit", test_left_after_visit);
  g_test_add_func ("/extractor/events/leaver-long-chain", test_leaver_long_chain);
  g_test_add_func ("/extractor/names/first-name-with-article", test_first_name_with_article);
  g_test_add_func ("/extractor/events/dual-calls", test_dual_calls);
  g_test_add_func ("/extractor/names/dateline-city", test_dateline_city);
  g_test_add_func ("/extractor/names/abd-alone", test_abd_alone);
  g_test_add_func ("/extractor/events/speaker-received", test_speaker_received);
  g_test_add_func ("/extractor/events/set-in-visit", test_set_in_visit);
  g_test_add_func ("/extractor/names/held-title-then-other", test_held_title_then_other);
  g_test_add_func ("/extractor/names/german-minister", test_german_minister);
  g_test_add_func ("/extractor/events/that-he-reported", test_that_he_reported);
  g_test_add_func ("/extractor/events/reported-own-visit", test_reported_own_visit);
  g_test_add_func ("/extractor/events/place-of-also", test_place_of_also);
  g_test_add_func ("/extractor/events/role-at-home", test_role_at_home);
  g_test_add_func ("/extractor/events/first-of-descent", test_first_of_descent);
  g_test_add_func ("/extractor/events/foreign-name-no-future", test_foreign_name_no_future);
  g_test_add_func ("/extractor/events/unknown-words-after-names", test_unknown_words_after_names);
  g_test_add_func ("/extractor/events/receives-things", test_receives_things);
  g_test_add_func ("/extractor/events/same-summit", test_same_summit);
  g_test_add_func ("/extractor/events/talks-of-call", test_talks_of_call);
  g_test_add_func ("/extractor/events/sheikh-of-body", test_sheikh_of_body);
  g_test_add_func ("/extractor/events/monarch-titles", test_monarch_titles);
  g_test_add_func ("/extractor/events/merged-forgotten", test_merged_forgotten);
  g_test_add_func ("/extractor/events/next-of-other", test_next_of_other);
  g_test_add_func ("/extractor/events/short-form-named-later", test_short_form_named_later);
  g_test_add_func ("/extractor/events/indefinite-role", test_indefinite_role);
  g_test_add_func ("/extractor/events/place-of-process", test_place_of_process);
  g_test_add_func ("/extractor/events/visit-adjective", test_visit_adjective);
  g_test_add_func ("/extractor/events/speaker-both-sides", test_speaker_both_sides);
  g_test_add_func ("/extractor/names/that-not-speaker", test_that_not_speaker);
  g_test_add_func ("/extractor/bad-text", test_bad_text);
  return g_test_run ();
}
