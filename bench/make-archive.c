/* A synthetic archive of Arabic news for the scale benchmark: N articles (.txt with a
 * .meta.json sidecar in news-please's field names) about meetings, visits, calls, talks and
 * summits between the people of data/people/people.tsv in the cities of data/gazetteer,
 * published between 1995 and 2025, with dates written in the forms the press uses (Egyptian,
 * Levantine and Maghrebi month names, weekdays, أمس، الثلاثاء الماضي...) and filler paragraphs so
 * that articles are 1-4 KB.  Deterministic for a seed.
 *
 *   make-archive [--articles N] [--seed S] [--datadir DIR] OUTPUT-FOLDER
 *
 * Files go to OUTPUT-FOLDER/NNN/article-NNNNNNN.{txt,meta.json}, 1000 per folder.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

typedef struct
{
  char *name;       /* full Arabic name */
  char *surname;    /* its last word, used for later mentions */
  char *title;      /* "الرئيس الروسي" */
} Person;

typedef struct
{
  char *name;       /* Arabic name of a city */
  char *country;    /* ISO code */
} City;

typedef struct
{
  char *code;
  char *adjective;  /* "الروسي", or NULL */
} Country;

static GPtrArray *people;     /* Person* */
static GPtrArray *cities;     /* City* */
static GHashTable *countries; /* code -> Country* */
static GRand *rng;

static const char * const months_egypt[] = {
  "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
};
static const char * const months_levant[] = {
  "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
  "تشرين الثاني", "كانون الأول",
};
static const char * const months_maghreb[] = {
  "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
};
/* GDateWeekday: 1 Monday .. 7 Sunday */
static const char * const weekdays[] = {
  NULL, "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
};
static const char * const roles[] = {
  "الرئيس", "الرئيس", "رئيس الوزراء", "وزير الخارجية", "وزير الخارجية", "وزير الدفاع",
  "وزير الاقتصاد", "نائب الرئيس", "المبعوث الخاص",
};
static const char * const sites[] = {
  "القصر الرئاسي", "قصر الضيافة", "مقر الحكومة", "مقر وزارة الخارجية", "قصر المؤتمرات",
};
static const char * const topics[] = {
  "العلاقات الثنائية وسبل تعزيزها", "تطورات الأوضاع في المنطقة", "التعاون الاقتصادي والتجاري",
  "ملفات الطاقة والاستثمار", "جهود التسوية السياسية للأزمة", "مكافحة الإرهاب والتطرف",
  "الأمن الإقليمي والدولي", "التعاون في مجالات التعليم والصحة", "قضايا الهجرة واللاجئين",
  "تنسيق المواقف في المحافل الدولية",
};
static const char * const domains[] = {
  "akhbar-alyawm.invalid", "alwasat-news.invalid", "sada-albalad.invalid", "almaghrib-today.invalid",
  "bilad-alsham.invalid", "khaleej-press.invalid", "nile-gazette.invalid", "arab-wire.invalid",
};
static const char * const authors[] = {
  "أحمد سعيد", "مريم خليل", "يوسف العلي", "سارة منصور", "خالد إبراهيم", "ليلى حسن", "عمر فاروق",
};
static const char * const filler[] = {
  "وأكد الجانبان أهمية مواصلة التشاور والتنسيق بين البلدين الشقيقين بما يخدم مصالحهما المشتركة.",
  "وتناولت المباحثات سبل تطوير الشراكة الاقتصادية وزيادة حجم التبادل التجاري خلال السنوات المقبلة.",
  "وأعرب الطرفان عن ارتياحهما للمستوى الذي بلغته العلاقات، وعن تطلعهما إلى آفاق أوسع للتعاون.",
  "وشدد البيان الختامي على ضرورة احترام سيادة الدول وعدم التدخل في شؤونها الداخلية.",
  "وقال مراقبون إن اللقاء يأتي في ظرف إقليمي دقيق يتطلب تكثيف الجهود الدبلوماسية.",
  "ووقع الجانبان عددا من مذكرات التفاهم في مجالات الطاقة والنقل والزراعة والثقافة.",
  "وأشار المتحدث الرسمي إلى أن المحادثات جرت في أجواء ودية وبناءة سادها التفاهم.",
  "ويرى محللون أن هذه الخطوة تعكس رغبة مشتركة في فتح صفحة جديدة من العلاقات.",
  "وكانت اللجنة المشتركة قد عقدت دورتها الأخيرة قبل أشهر وأقرت برنامجا تنفيذيا للتعاون.",
  "ومن المنتظر أن تتواصل الاجتماعات على مستوى الخبراء لمتابعة تنفيذ ما تم الاتفاق عليه.",
  "وتطرق الحديث إلى الأوضاع الإنسانية وضرورة إيصال المساعدات إلى المتضررين دون عوائق.",
  "وأكدت المصادر أن الملفات الأمنية احتلت حيزا مهما من النقاش بين الوفدين.",
  "وتشهد العلاقات بين البلدين تطورا ملحوظا في السنوات الأخيرة على مختلف الأصعدة.",
  "ودعا الجانبان إلى حل النزاعات بالطرق السلمية والحوار وفقا لقرارات الشرعية الدولية.",
  "وحضر المحادثات عدد من الوزراء وكبار المسؤولين وسفيرا البلدين.",
  "وفي سياق متصل، أعلنت الحكومة عن حزمة من الإجراءات لدعم الاستثمار وتحسين مناخ الأعمال.",
  "وتأتي هذه التطورات بعد أسابيع من التوتر الذي شهدته المنطقة وانعكس على أسواق النفط.",
  "ونقلت وكالة الأنباء الرسمية عن مصدر مطلع قوله إن الاتصالات ستستمر في الأيام المقبلة.",
  "وأوضح البيان أن الطرفين اتفقا على تشكيل فريق عمل مشترك لمتابعة القضايا العالقة.",
  "كما جرى استعراض نتائج الزيارات المتبادلة وما تحقق من مشاريع مشتركة.",
};

static int
pick (int n)
{
  return g_rand_int_range (rng, 0, n);
}

#define PICK(array) (array[pick (G_N_ELEMENTS (array))])

/* Some people are in the news far more than others. */
static Person *
pick_person (void)
{
  double u = g_rand_double (rng);

  return g_ptr_array_index (people, (guint) (people->len * u * u * u));
}

static City *
pick_city (void)
{
  double u = g_rand_double (rng);

  return g_ptr_array_index (cities, (guint) (cities->len * u * u));
}

static char **
read_rows (const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  return g_strsplit (contents, "\n", -1);
}

static gboolean
load_data (const char  *datadir,
           GError     **error)
{
  g_autofree char *countries_path = g_build_filename (datadir, "gazetteer", "countries.tsv", NULL);
  g_autofree char *places_path = g_build_filename (datadir, "gazetteer", "places.tsv", NULL);
  g_autofree char *people_path = g_build_filename (datadir, "people", "people.tsv", NULL);
  g_auto(GStrv) rows = NULL;
  g_autoptr(GHashTable) seen_cities = g_hash_table_new (g_str_hash, g_str_equal);

  people = g_ptr_array_new ();
  cities = g_ptr_array_new ();
  countries = g_hash_table_new (g_str_hash, g_str_equal);

  /* code, English, Arabic names, adjectives, lat, lon, capital */
  if ((rows = read_rows (countries_path, error)) == NULL)
    return FALSE;
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_auto(GStrv) adjectives = NULL;
      Country *country;

      if (rows[i][0] == '#' || rows[i][0] == '\0')
        continue;
      f = g_strsplit (rows[i], "\t", -1);
      if (g_strv_length (f) < 7)
        continue;
      country = g_new0 (Country, 1);
      country->code = g_strdup (f[0]);
      adjectives = g_strsplit (f[3], "|", -1);
      if (adjectives[0] != NULL && g_str_has_suffix (adjectives[0], "ي") &&
          !g_str_has_prefix (adjectives[0], "ال"))
        country->adjective = g_strconcat ("ال", adjectives[0], NULL);
      g_hash_table_insert (countries, country->code, country);
      if (*f[6] != '\0' && g_hash_table_add (seen_cities, g_strdup (f[6])))
        {
          City *city = g_new0 (City, 1);

          city->name = g_strdup (f[6]);
          city->country = g_strdup (f[0]);
          g_ptr_array_add (cities, city);
        }
    }
  g_clear_pointer (&rows, g_strfreev);

  /* key, Arabic names, English, kind, country, ... */
  if ((rows = read_rows (places_path, error)) == NULL)
    return FALSE;
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_auto(GStrv) names = NULL;

      if (rows[i][0] == '#' || rows[i][0] == '\0')
        continue;
      f = g_strsplit (rows[i], "\t", -1);
      if (g_strv_length (f) < 5 || g_strcmp0 (f[3], "city") != 0)
        continue;
      names = g_strsplit (f[1], "|", -1);
      if (names[0] == NULL || !g_hash_table_add (seen_cities, g_strdup (names[0])))
        continue;
      {
        City *city = g_new0 (City, 1);

        city->name = g_strdup (names[0]);
        city->country = g_strdup (f[4]);
        /* The well-known cities of places.tsv first: they are in the news most. */
        g_ptr_array_insert (cities, 0, city);
      }
    }
  g_clear_pointer (&rows, g_strfreev);

  /* key, Arabic name, aliases, English, country, short forms */
  if ((rows = read_rows (people_path, error)) == NULL)
    return FALSE;
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_auto(GStrv) words = NULL;
      Person *person;
      Country *country;
      guint n_words;

      if (rows[i][0] == '#' || rows[i][0] == '\0')
        continue;
      f = g_strsplit (rows[i], "\t", -1);
      if (g_strv_length (f) < 5 || strchr (f[1], ' ') == NULL)
        continue;
      words = g_strsplit (f[1], " ", -1);
      n_words = g_strv_length (words);
      person = g_new0 (Person, 1);
      person->name = g_strdup (f[1]);
      person->surname = g_strdup (words[n_words - 1]);
      country = g_hash_table_lookup (countries, f[4]);
      person->title = g_strdup_printf ("%s%s%s", roles[g_str_hash (f[0]) % G_N_ELEMENTS (roles)],
                                       country != NULL && country->adjective != NULL ? " " : "",
                                       country != NULL && country->adjective != NULL
                                       ? country->adjective : "");
      g_ptr_array_add (people, person);
    }

  if (people->len < 2 || cities->len < 2)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "%s: too few people or cities in the data files", datadir);
      return FALSE;
    }
  return TRUE;
}

/* A date in one of the forms the press writes, relative to the publication date @pub. */
static void
append_date (GString     *out,
             const GDate *pub,
             const GDate *date,
             int          style)
{
  int days_before = (int) g_date_days_between (date, pub);
  int d = g_date_get_day (date), m = g_date_get_month (date) - 1, y = g_date_get_year (date);
  const char *wd = weekdays[g_date_get_weekday (date)];

  if (days_before == 0 && pick (3) == 0)
    {
      g_string_append (out, "اليوم");
      return;
    }
  if (days_before == 1 && pick (2) == 0)
    {
      g_string_append (out, "أمس");
      return;
    }
  if (days_before >= 2 && days_before <= 6 && pick (2) == 0)
    {
      g_string_append_printf (out, "يوم %s الماضي", wd);
      return;
    }
  switch (style)
    {
    case 0:
      g_string_append_printf (out, "يوم %s %d %s %d", wd, d, months_egypt[m], y);
      break;
    case 1:
      g_string_append_printf (out, "في %d %s %d", d, months_levant[m], y);
      break;
    case 2:
      g_string_append_printf (out, "يوم %d %s %d", d, months_maghreb[m], y);
      break;
    default:
      g_string_append_printf (out, "في %d %s/%s %d", d, months_levant[m], months_egypt[m], y);
      break;
    }
}

static void
append_event (GString     *out,
              const GDate *pub,
              const GDate *date,
              int          style,
              Person      *a,
              Person      *b,
              City        *city,
              gboolean     lead)
{
  g_autoptr(GString) when = g_string_new (NULL);
  const char *topic = PICK (topics);

  append_date (when, pub, date, style);
  switch (pick (lead ? 7 : 3))
    {
    case 0:
      g_string_append_printf (out, "التقى %s %s %s في %s %s، وبحث معه %s.",
                              a->title, a->name, b->name, city->name, when->str, topic);
      break;
    case 1:
      g_string_append_printf (out, "أجرى %s %s %s محادثات مع %s %s في %s تناولت %s.",
                              a->title, a->name, when->str, b->title, b->name, city->name, topic);
      break;
    case 2:
      g_string_append_printf (out, "تلقى %s %s اتصالا هاتفيا من %s %s %s، جرى خلاله بحث %s.",
                              a->title, a->name, b->title, b->name, when->str, topic);
      break;
    case 3:
      g_string_append_printf (out, "استقبل %s %s في %s بمدينة %s %s %s %s، وجرى خلال اللقاء بحث %s.",
                              a->title, a->name, PICK (sites), city->name, when->str,
                              b->title, b->name, topic);
      break;
    case 4:
      g_string_append_printf (out, "وصل %s %s إلى %s %s في زيارة رسمية يلتقي خلالها %s %s لبحث %s.",
                              a->title, a->name, city->name, when->str, b->title, b->name, topic);
      break;
    case 5:
      g_string_append_printf (out, "شارك %s %s و%s %s في القمة التي عقدت في %s %s، وناقشت %s.",
                              a->title, a->name, b->title, b->name, city->name, when->str, topic);
      break;
    default:
      g_string_append_printf (out, "اجتمع %s %s مع %s %s %s في %s، وتركز الاجتماع على %s.",
                              a->title, a->name, b->title, b->name, when->str, city->name, topic);
      break;
    }
}

static char *
json_escape (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s != '\0'; s++)
    if (*s == '"' || *s == '\\')
      g_string_append_printf (out, "\\%c", *s);
    else if (*s == '\n')
      g_string_append (out, "\\n");
    else
      g_string_append_c (out, *s);
  return g_string_free (out, FALSE);
}

static gboolean
write_article (const char  *folder,
               guint        index,
               guint64     *bytes,
               GError     **error)
{
  g_autofree char *sub = g_strdup_printf ("%s/%03u", folder, index / 1000);
  g_autofree char *txt = g_strdup_printf ("%s/article-%07u.txt", sub, index);
  g_autofree char *meta = g_strdup_printf ("%s/article-%07u.meta.json", sub, index);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *title_json = NULL;
  Person *a = pick_person (), *b = pick_person ();
  City *city = pick_city ();
  int style = pick (4);
  guint target = 1000 + (guint) pick (3000);
  GDate pub, date;
  const char *domain = PICK (domains);

  /* Published 1995-01-01 .. 2025-12-31; the event up to a week before. */
  g_date_clear (&pub, 1);
  g_date_clear (&date, 1);
  g_date_set_dmy (&pub, 1, 1, 1995);
  g_date_add_days (&pub, (guint) pick (31 * 365 + 7));
  date = pub;
  g_date_subtract_days (&date, (guint) pick (7));

  while (b == a)
    b = pick_person ();

  switch (pick (3))
    {
    case 0:
      title = g_strdup_printf ("%s يبحث مع %s %s", a->name, b->name, PICK (topics));
      break;
    case 1:
      title = g_strdup_printf ("لقاء بين %s و%s في %s", a->surname, b->surname, city->name);
      break;
    default:
      title = g_strdup_printf ("%s و%s يؤكدان أهمية التعاون", a->surname, b->surname);
      break;
    }

  g_string_append_printf (text, "%s\n\n%s - ", title, city->name);
  append_event (text, &pub, &date, style, a, b, city, TRUE);
  g_string_append_c (text, ' ');
  g_string_append (text, PICK (filler));
  g_string_append (text, "\n\n");

  /* Background: an earlier meeting of one of them, its year written out. */
  if (pick (3) == 0)
    {
      Person *c = pick_person ();
      City *other = pick_city ();
      GDate before = pub;

      if (c != a)
        {
          g_date_subtract_days (&before, 30 + (guint) pick (3000));
          g_string_append_printf (text, "وكان %s قد التقى %s %s في %s في %s %d. ",
                                  a->surname, c->title, c->name, other->name,
                                  months_egypt[g_date_get_month (&before) - 1],
                                  g_date_get_year (&before));
        }
    }

  while (text->len < target)
    {
      int n = 2 + pick (3);

      for (int i = 0; i < n; i++)
        {
          g_string_append (text, PICK (filler));
          g_string_append_c (text, ' ');
        }
      if (pick (2) == 0)
        g_string_append_printf (text, "وقال %s إن %s.", b->surname, PICK (topics));
      g_string_append (text, "\n\n");
    }

  title_json = json_escape (title);
  g_string_append_printf (json,
                          "{\n  \"title\": \"%s\",\n  \"date_publish\": \"%04d-%02d-%02d %02d:%02d:00\",\n"
                          "  \"url\": \"https://%s/%04d/%02d/%02d/%u\",\n"
                          "  \"source_domain\": \"%s\",\n  \"authors\": [\"%s\"],\n  \"language\": \"ar\"\n}\n",
                          title_json, g_date_get_year (&pub), g_date_get_month (&pub),
                          g_date_get_day (&pub), pick (24), pick (60),
                          domain, g_date_get_year (&pub), g_date_get_month (&pub),
                          g_date_get_day (&pub), index, domain, PICK (authors));

  if (index % 1000 == 0 && g_mkdir_with_parents (sub, 0755) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: cannot create the folder", sub);
      return FALSE;
    }
  if (!g_file_set_contents (txt, text->str, text->len, error) ||
      !g_file_set_contents (meta, json->str, json->len, error))
    return FALSE;
  *bytes += text->len + json->len;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  int n_articles = 100000;
  int seed = 2025;
  g_autofree char *datadir = NULL;
  GOptionEntry entries[] = {
    { "articles", 'n', 0, G_OPTION_ARG_INT, &n_articles, "Number of articles (default 100000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Random seed (default 2025)", "S" },
    { "datadir", 'd', 0, G_OPTION_ARG_FILENAME, &datadir, "Rasd's data folder (default: the source tree's)", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT-FOLDER - write a synthetic archive");
  g_autoptr(GError) error = NULL;
  guint64 bytes = 0;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || n_articles < 0)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "give one output folder");
      return 2;
    }
  if (datadir == NULL)
    datadir = g_strdup (g_getenv ("RASD_DATADIR") != NULL ? g_getenv ("RASD_DATADIR") : SOURCE_DATADIR);

  rng = g_rand_new_with_seed ((guint32) seed);
  if (!load_data (datadir, &error))
    {
      g_printerr ("make-archive: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  for (int i = 0; i < n_articles; i++)
    if (!write_article (argv[1], (guint) i, &bytes, &error))
      {
        g_printerr ("make-archive: %s\n", error->message);
        return 1;
      }
  g_print ("%d articles, %.1f MB, %u people, %u cities, in %.1f s: %s\n", n_articles,
           bytes / 1e6, people->len, cities->len,
           (g_get_monotonic_time () - start) / 1e6, argv[1]);
  return 0;
}
