#include "config.h"

#include <string.h>

#include <glib.h>

#include "rasd-error.h"
#include "rasd-news-please.h"
#include "rasd-test-util.h"

/* A body sentence that the cleaner keeps. */
#define SENTENCE "وافق مجلس الوزراء في جلسته الأسبوعية على إنشاء مركز وطني لرصد جودة الهواء."

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = rasd_test_fixture ("news-please", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);
  return contents;
}

static RasdArticle *
read_sidecar_fixture (const char  *name,
                      GError     **error)
{
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autofree char *data = NULL;
  gsize length;

  data = read_fixture (name, &length);
  if (!rasd_news_please_read_sidecar (article, data, length, error))
    return NULL;
  return g_steal_pointer (&article);
}

static void
test_normalize_date (void)
{
  static const struct
  {
    const char *input;
    const char *expected;
  } cases[] = {
    { "2015-07-21 00:00:00", "2015-07-21" },
    { "2015-07-21", "2015-07-21" },
    { "  2015-07-21  ", "2015-07-21" },
    { "2015-07-21T10:05:00", "2015-07-21T10:05:00" },
    { "2015-07-21 10:05:00", "2015-07-21T10:05:00" },
    /* The local date and time as written: no shift to UTC. */
    { "2015-07-21T10:05:00+03:00", "2015-07-21T10:05:00" },
    { "2015-07-21T23:30:00-05:00", "2015-07-21T23:30:00" },
    { "2015-07-21T01:30:00+0300", "2015-07-21T01:30:00" },
    { "2015-07-21T10:05:00Z", "2015-07-21T10:05:00" },
    { "2015-07-21T00:00:00Z", "2015-07-21" },
    { "2015-07-21T10:05:00.123Z", "2015-07-21T10:05:00" },
    { "2015-07-21T10:05", "2015-07-21T10:05:00" },
    { "2016-02-29", "2016-02-29" },
    { "", NULL },
    { "   ", NULL },
    { "yesterday", NULL },
    { "21/07/2015", NULL },
    { "2015-7-21", NULL },
    { "2015-02-30", NULL },
    { "2015-13-01", NULL },
    { "2015-07-21T25:00:00", NULL },
    { "2015-07-21T10:61:00", NULL },
    { "2015-07-21 garbage", NULL },
    { "2015-07-21T10:05:00+3", NULL },
    { "0000-01-01", NULL },
    { "٢٠١٥-٠٧-٢١", NULL },
  };

  g_assert_null (rasd_news_please_normalize_date (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = rasd_news_please_normalize_date (cases[i].input);

      g_test_message ("%s", cases[i].input);
      g_assert_cmpstr (date, ==, cases[i].expected);
    }
}

static void
test_host_from_url (void)
{
  static const struct
  {
    const char *url;
    const char *host;
  } cases[] = {
    { "http://www.alweeam.com.sa/348529/الأمير/", "alweeam.com.sa" },
    { "https://Sabq.ORG/wzCgde", "sabq.org" },
    { "https://user:pw@news.example:8443/a?b#c", "news.example" },
    { "http://example.com", "example.com" },
    { "//cdn.example.net/x", "cdn.example.net" },
    { "www.example.com/no-scheme", NULL },
    { "/relative/path", NULL },
    { "https:///nohost", NULL },
    { "", NULL },
  };

  g_assert_null (rasd_news_please_host_from_url (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *host = rasd_news_please_host_from_url (cases[i].url);

      g_assert_cmpstr (host, ==, cases[i].host);
    }
}

static void
test_sidecar_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = read_sidecar_fixture ("sidecar-full.meta.json", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_title (article), ==,
                   "أمير المنطقة يدشن مشروع توسعة الميناء التجاري");
  g_assert_cmpstr (rasd_article_get_date (article), ==, "2016-03-14T10:05:00");
  g_assert_cmpstr (rasd_article_get_url (article), ==,
                   "http://www.sahil-news.example/article/88213");
  g_assert_cmpstr (rasd_article_get_source (article), ==, "sahil-news.example");
  g_assert_cmpstr (rasd_article_get_authors (article), ==,
                   "نورة القحطاني; عبدالله الزهراني");
  g_assert_cmpstr (rasd_article_get_language (article), ==, "ar");
  /* A sidecar carries no text. */
  g_assert_null (rasd_article_get_text (article));
}

static void
test_sidecar_author_string (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = read_sidecar_fixture ("sidecar-author-string.meta.json", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_title (article), ==, "ارتفاع أسعار الذهب في السوق المحلية");
  g_assert_cmpstr (rasd_article_get_date (article), ==, "2016-03-15");
  g_assert_cmpstr (rasd_article_get_authors (article), ==, "مكتب التحرير - الدمام");
  /* No source_domain: the host of the URL. */
  g_assert_cmpstr (rasd_article_get_source (article), ==, "souq-daily.example");
}

static void
test_sidecar_nulls (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = read_sidecar_fixture ("sidecar-nulls.meta.json", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_title (article), ==, "هطول أمطار غزيرة على مرتفعات عسير");
  g_assert_null (rasd_article_get_date (article));
  g_assert_null (rasd_article_get_authors (article));
  g_assert_null (rasd_article_get_language (article));
  g_assert_cmpstr (rasd_article_get_source (article), ==, "asir-times.example");
}

static void
test_sidecar_keeps_existing (void)
{
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autoptr(GError) error = NULL;
  const char *json = "{\"title\": \"عنوان جديد\", \"authors\": null}";

  rasd_article_set_authors (article, "كاتب سابق");
  rasd_article_set_text (article, "نص المقال");
  g_assert_true (rasd_news_please_read_sidecar (article, json, strlen (json), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_title (article), ==, "عنوان جديد");
  g_assert_cmpstr (rasd_article_get_authors (article), ==, "كاتب سابق");
  g_assert_cmpstr (rasd_article_get_text (article), ==, "نص المقال");
}

static void
test_sidecar_wrong_types (void)
{
  static const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "{\"title\": 12}", "field 'title' should be a string, not a number" },
    { "{\"title\": 1.5}", "field 'title' should be a string, not a number" },
    { "{\"date_publish\": true}", "field 'date_publish' should be a string, not a boolean" },
    { "{\"url\": [\"http://a.example\"]}", "field 'url' should be a string, not an array" },
    { "{\"source_domain\": {}}", "field 'source_domain' should be a string, not an object" },
    { "{\"language\": 1}", "field 'language' should be a string, not a number" },
    { "{\"authors\": {\"name\": \"x\"}}",
      "field 'authors' should be a list of strings or a string, not an object" },
    { "{\"authors\": 7}", "field 'authors' should be a list of strings or a string, not a number" },
    { "{\"authors\": [\"a\", 2]}", "field 'authors' should hold strings, not a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RasdArticle) article = rasd_article_new ();
      g_autoptr(GError) error = NULL;

      rasd_article_set_title (article, "قبل");
      g_assert_false (rasd_news_please_read_sidecar (article, cases[i].json,
                                                     strlen (cases[i].json), &error));
      g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      /* Nothing applied. */
      g_assert_cmpstr (rasd_article_get_title (article), ==, "قبل");
    }
}

static void
test_sidecar_wrong_type_fixtures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = NULL;

  article = read_sidecar_fixture ("sidecar-wrong-title.meta.json", &error);
  g_assert_null (article);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "'title'"));
  g_clear_error (&error);

  article = read_sidecar_fixture ("sidecar-wrong-authors.meta.json", &error);
  g_assert_null (article);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "'authors'"));
}

static void
test_sidecar_bad_files (void)
{
  static const struct
  {
    const char *data;
    gsize       length;
    int         code;
  } cases[] = {
    { "", 0, RASD_ERROR_EMPTY },
    { "  \n\t ", 5, RASD_ERROR_EMPTY },
    { "[1, 2]", 6, RASD_ERROR_PARSE },
    { "\"just a string\"", 15, RASD_ERROR_PARSE },
    { "{\"title\": ", 10, RASD_ERROR_PARSE },
    { "not json at all", 15, RASD_ERROR_PARSE },
    { "{\"title\": \"\xff\xfe\"}", 15, RASD_ERROR_ENCODING },
    { "{\"title\"\0: 1}", 13, RASD_ERROR_BINARY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RasdArticle) article = rasd_article_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (rasd_news_please_read_sidecar (article, cases[i].data, cases[i].length,
                                                     &error));
      g_assert_error (error, RASD_ERROR, cases[i].code);
    }
}

static void
test_sidecar_bom (void)
{
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autoptr(GError) error = NULL;
  const char *json = "\xef\xbb\xbf{\"title\": \"عنوان بعلامة ترتيب البايتات\"}";

  g_assert_true (rasd_news_please_read_sidecar (article, json, strlen (json), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_title (article), ==, "عنوان بعلامة ترتيب البايتات");
}

static void
test_unreadable_date_is_dropped (void)
{
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autoptr(GError) error = NULL;
  const char *json = "{\"title\": \"عنوان\", \"date_publish\": \"منذ ساعتين\"}";

  g_assert_true (rasd_news_please_read_sidecar (article, json, strlen (json), &error));
  g_assert_no_error (error);
  g_assert_null (rasd_article_get_date (article));
}

static void
test_record (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *data = NULL;
  RasdArticle *article;
  const char *text;
  gsize length;

  data = read_fixture ("record.json", &length);
  articles = rasd_news_please_read_json (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);

  article = g_ptr_array_index (articles, 0);
  /* Trimmed, not cleaned. */
  g_assert_cmpstr (rasd_article_get_title (article), ==, "موجة حر تضرب المنطقة الشرقية");
  g_assert_cmpstr (rasd_article_get_date (article), ==, "2019-06-01T18:45:00");
  g_assert_cmpstr (rasd_article_get_url (article), ==,
                   "https://coast-news.example/weather/heatwave");
  g_assert_cmpstr (rasd_article_get_source (article), ==, "coast-news.example");
  g_assert_cmpstr (rasd_article_get_authors (article), ==, "منى الدوسري");
  g_assert_cmpstr (rasd_article_get_language (article), ==, "ar");

  text = rasd_article_get_text (article);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "أعلنت هيئة الأرصاد عن موجة حر تبدأ غدا وتستمر حتى نهاية "
                                  "الأسبوع."));
  g_assert_nonnull (strstr (text, "ونصحت الهيئة السكان بتجنب التعرض المباشر لأشعة الشمس في "
                                  "ساعات الظهيرة."));
}

static void
test_record_object (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = NULL;
  const char *json = "{\"maintext\": \"" SENTENCE "\", \"title\": null}";

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  article = rasd_news_please_read_record (json_node_get_object (json_parser_get_root (parser)),
                                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_null (rasd_article_get_title (article));
  g_assert_null (rasd_article_get_source (article));
  g_assert_nonnull (strstr (rasd_article_get_text (article), SENTENCE));
}

static void
test_records_array (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = read_fixture ("records.json", &length);
  articles = rasd_news_please_read_json (data, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);

  g_assert_cmpstr (rasd_article_get_title (g_ptr_array_index (articles, 0)), ==,
                   "افتتاح مكتبة عامة جديدة في تبوك");
  g_assert_cmpstr (rasd_article_get_date (g_ptr_array_index (articles, 0)), ==, "2020-01-05");
  g_assert_cmpstr (rasd_article_get_source (g_ptr_array_index (articles, 0)), ==,
                   "north-news.example");
  /* An empty list of authors is no authors. */
  g_assert_null (rasd_article_get_authors (g_ptr_array_index (articles, 0)));
  g_assert_cmpstr (rasd_article_get_title (g_ptr_array_index (articles, 1)), ==,
                   "تدشين خط حافلات يربط الأحياء الشمالية");
  g_assert_cmpstr (rasd_article_get_date (g_ptr_array_index (articles, 1)), ==,
                   "2020-01-06T07:30:00");
}

static void
test_records_array_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  const char *json = "[{\"maintext\": \"" SENTENCE "\"}, {\"title\": \"بلا نص\"}]";

  articles = rasd_news_please_read_json (json, strlen (json), &error);
  g_assert_null (articles);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE);
  g_assert_true (g_str_has_prefix (error->message, "record 2: "));
  g_clear_error (&error);

  json = "[{\"maintext\": \"" SENTENCE "\"}, {\"maintext\": \"" SENTENCE "\", \"title\": []}]";
  articles = rasd_news_please_read_json (json, strlen (json), &error);
  g_assert_null (articles);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "record 2: field 'title' should be a string, not an array");
  g_clear_error (&error);

  json = "[]";
  articles = rasd_news_please_read_json (json, strlen (json), &error);
  g_assert_null (articles);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE);
  g_clear_error (&error);

  json = "[\"نص\"]";
  articles = rasd_news_please_read_json (json, strlen (json), &error);
  g_assert_null (articles);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE);
}

static void
test_not_news_please (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = read_fixture ("not-news-please.json", &length);
  articles = rasd_news_please_read_json (data, length, &error);
  g_assert_null (articles);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE);
  g_assert_cmpstr (error->message, ==, "no 'maintext' field: not a news-please article");
}

static void
test_maintext_checks (void)
{
  static const struct
  {
    const char *json;
    int         code;
  } cases[] = {
    { "{\"maintext\": null, \"title\": \"x\"}", RASD_ERROR_NOT_ARTICLE },
    { "{\"maintext\": \"\"}", RASD_ERROR_NOT_ARTICLE },
    { "{\"maintext\": \"   \\n  \"}", RASD_ERROR_NOT_ARTICLE },
    { "{\"maintext\": 42}", RASD_ERROR_PARSE },
    { "{\"maintext\": [\"نص\"]}", RASD_ERROR_PARSE },
    { "{\"maintext\": \"نص\", \"authors\": {}}", RASD_ERROR_PARSE },
    { "42", RASD_ERROR_NOT_ARTICLE },
    { "null", RASD_ERROR_NOT_ARTICLE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = NULL;

      g_test_message ("%s", cases[i].json);
      articles = rasd_news_please_read_json (cases[i].json, strlen (cases[i].json), &error);
      g_assert_null (articles);
      g_assert_error (error, RASD_ERROR, cases[i].code);
    }
}

static void
test_maintext_wrong_type_message (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  const char *json = "{\"maintext\": 42}";

  articles = rasd_news_please_read_json (json, strlen (json), &error);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "field 'maintext' should be a string, not a number");
}

static void
test_invalid_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autofree char *data = NULL;
  gsize length;

  data = read_fixture ("invalid.json", &length);
  articles = rasd_news_please_read_json (data, length, &error);
  g_assert_null (articles);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_clear_error (&error);

  articles = rasd_news_please_read_json ("", 0, &error);
  g_assert_null (articles);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_EMPTY);
}

static void
test_jsonl (void)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  guint n_blank = 0, n_failed = 0;
  gsize length;

  data = read_fixture ("records.jsonl", &length);
  lines = g_strsplit (data, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(RasdArticle) article = NULL;
      g_autoptr(GError) error = NULL;

      /* The final "" after the last newline is a blank line too. */
      if (rasd_news_please_read_jsonl_line (lines[i], strlen (lines[i]), &article, &error))
        {
          g_assert_no_error (error);
          if (article == NULL)
            n_blank++;
          else
            g_ptr_array_add (titles, g_strdup (rasd_article_get_title (article)));
        }
      else
        {
          g_assert_null (article);
          g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
          g_assert_cmpuint (i, ==, 2);
          n_failed++;
        }
    }

  g_assert_cmpuint (titles->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "السجل الأول");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "السجل الثاني");
  g_assert_cmpstr (g_ptr_array_index (titles, 2), ==, "السجل الثالث");
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_cmpuint (n_blank, ==, 3);
}

static void
test_jsonl_line_details (void)
{
  g_autoptr(RasdArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  const char *line = "{\"maintext\": \"" SENTENCE "\", "
                     "\"date_publish\": \"2021-02-03T12:00:00Z\"}\r";

  /* Only the given length counts, and a CR from a CRLF file is white space. */
  g_assert_true (rasd_news_please_read_jsonl_line (line, strlen (line), &article, &error));
  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpstr (rasd_article_get_date (article), ==, "2021-02-03T12:00:00");
  g_clear_object (&article);

  g_assert_true (rasd_news_please_read_jsonl_line ("{\"maintext\": 1} trailing", 0, &article,
                                                   &error));
  g_assert_null (article);

  g_assert_false (rasd_news_please_read_jsonl_line ("[1]", 3, &article, &error));
  g_assert_error (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE);
  g_clear_error (&error);

  g_assert_false (rasd_news_please_read_jsonl_line ("{\"name\": \"x\"}", 13, &article, &error));
  g_assert_error (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE);
}

static char *
make_nested (const char *open,
             const char *close,
             guint       depth,
             const char *inner)
{
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (json, open);
  g_string_append (json, inner);
  for (guint i = 0; i < depth; i++)
    g_string_append (json, close);
  return g_string_free (json, FALSE);
}

static void
test_deep_nesting (void)
{
  g_autofree char *arrays = make_nested ("[", "]", 100000, "");
  g_autofree char *objects = make_nested ("{\"a\":", "}", 100000, "1");
  g_autofree char *in_record = make_nested ("[", "]", 100000, "");
  g_autofree char *record = NULL;
  g_autofree char *shallow = make_nested ("[", "]", 100, "");
  g_autofree char *shallow_record = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(RasdArticle) article = NULL;
  g_autoptr(GString) many = g_string_new ("{\"maintext\": \"" SENTENCE "\", \"description\": \"");

  articles = rasd_news_please_read_json (arrays, strlen (arrays), &error);
  g_assert_null (articles);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_clear_error (&error);

  articles = rasd_news_please_read_json (objects, strlen (objects), &error);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_false (rasd_news_please_read_sidecar (article = rasd_article_new (), objects,
                                                 strlen (objects), &error));
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_clear_error (&error);
  g_clear_object (&article);

  record = g_strdup_printf ("{\"maintext\": \"نص\", \"extra\": %s}", in_record);
  g_assert_false (rasd_news_please_read_jsonl_line (record, strlen (record), &article, &error));
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_clear_error (&error);

  /* Brackets inside strings do not count, escaped quotes included. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (many, "[{\\\"");
  g_string_append (many, "\"}");
  articles = rasd_news_please_read_json (many->str, many->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_clear_pointer (&articles, g_ptr_array_unref);

  /* Nesting that real files could have is fine. */
  shallow_record = g_strdup_printf ("{\"maintext\": \"" SENTENCE "\", \"extra\": %s}", shallow);
  articles = rasd_news_please_read_json (shallow_record, strlen (shallow_record), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);

  g_assert_true (rasd_news_please_check_json_depth ("[[\"]]]]\"]]", 10, 2, NULL));
  g_assert_false (rasd_news_please_check_json_depth ("[[[]]]", 6, 2, NULL));
}

static void
test_shared_corpus_sidecars (void)
{
  g_autofree char *dir_path = rasd_test_shared_corpus ("snn-dev");
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  if (dir_path == NULL)
    return;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *data = NULL;
      g_autoptr(RasdArticle) article = rasd_article_new ();
      gsize length;

      if (!g_str_has_suffix (name, ".meta.json"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      g_file_get_contents (path, &data, &length, &error);
      g_assert_no_error (error);

      g_test_message ("%s", name);
      g_assert_true (rasd_news_please_read_sidecar (article, data, length, &error));
      g_assert_no_error (error);
      g_assert_nonnull (rasd_article_get_title (article));
      g_assert_nonnull (rasd_article_get_date (article));
      g_assert_nonnull (rasd_article_get_url (article));
      g_assert_nonnull (rasd_article_get_source (article));
      g_assert_cmpstr (rasd_article_get_language (article), ==, "ar");
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/news-please/normalize-date", test_normalize_date);
  g_test_add_func ("/news-please/host-from-url", test_host_from_url);
  g_test_add_func ("/news-please/sidecar/full", test_sidecar_full);
  g_test_add_func ("/news-please/sidecar/author-string", test_sidecar_author_string);
  g_test_add_func ("/news-please/sidecar/nulls", test_sidecar_nulls);
  g_test_add_func ("/news-please/sidecar/keeps-existing", test_sidecar_keeps_existing);
  g_test_add_func ("/news-please/sidecar/wrong-types", test_sidecar_wrong_types);
  g_test_add_func ("/news-please/sidecar/wrong-type-fixtures", test_sidecar_wrong_type_fixtures);
  g_test_add_func ("/news-please/sidecar/bad-files", test_sidecar_bad_files);
  g_test_add_func ("/news-please/sidecar/bom", test_sidecar_bom);
  g_test_add_func ("/news-please/sidecar/unreadable-date", test_unreadable_date_is_dropped);
  g_test_add_func ("/news-please/record", test_record);
  g_test_add_func ("/news-please/record/object", test_record_object);
  g_test_add_func ("/news-please/records/array", test_records_array);
  g_test_add_func ("/news-please/records/all-or-nothing", test_records_array_all_or_nothing);
  g_test_add_func ("/news-please/not-news-please", test_not_news_please);
  g_test_add_func ("/news-please/maintext", test_maintext_checks);
  g_test_add_func ("/news-please/maintext/wrong-type", test_maintext_wrong_type_message);
  g_test_add_func ("/news-please/invalid-json", test_invalid_json);
  g_test_add_func ("/news-please/jsonl", test_jsonl);
  g_test_add_func ("/news-please/jsonl/line", test_jsonl_line_details);
  g_test_add_func ("/news-please/deep-nesting", test_deep_nesting);
  g_test_add_func ("/news-please/shared-corpus", test_shared_corpus_sidecars);

  return g_test_run ();
}
