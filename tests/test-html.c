#include "config.h"

#include <string.h>

#include <glib.h>

#include "rasd-error.h"
#include "rasd-html-reader.h"
#include "rasd-test-util.h"

static RasdArticle *
read_page (const char  *name,
           GError     **error)
{
  g_autofree char *path = rasd_test_fixture ("html", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &local_error);
  g_assert_no_error (local_error);
  return rasd_html_read_article (data, length, path, error);
}

static RasdArticle *
read_string (const char  *html,
             GError     **error)
{
  return rasd_html_read_article (html, strlen (html), "test.html", error);
}

/* Each of @expected occurs in @text, in this order. */
static void
assert_in_order (const char         *text,
                 const char * const *expected)
{
  const char *from = text;

  g_assert_nonnull (text);
  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *found = strstr (from, expected[i]);

      if (found == NULL)
        g_error ("“%s” is missing (or out of order) in:\n%s", expected[i], text);
      from = found + strlen (expected[i]);
    }
}

static void
assert_none_of (const char         *text,
                const char * const *unwanted)
{
  for (guint i = 0; unwanted[i] != NULL; i++)
    if (strstr (text, unwanted[i]) != NULL)
      g_error ("“%s” should not be in:\n%s", unwanted[i], text);
}

static void
test_news_page (void)
{
  static const char * const paragraphs[] = {
    "التقى وزير الخارجية صباح اليوم الأحد في العاصمة العمانية مسقط نظيره العماني، وبحث الجانبان "
    "سبل تعزيز التعاون الثنائي في مجالات التجارة والطاقة والنقل البحري.",
    /* Inline links and bold joined, &nbsp; and runs of spaces made one space. */
    "وقال الوزير في مؤتمر صحفي مشترك عقب اللقاء إن العلاقات بين البلدين تشهد تطورا ملحوظا، وإن "
    "اللجنة المشتركة ستجتمع قبل نهاية العام.",
    "الوزيران خلال المؤتمر الصحفي في مسقط",
    "وأضاف أن المباحثات تناولت أيضا الأوضاع الإقليمية وجهود التهدئة في المنطقة،",
    "مؤكدا أهمية الحوار في حل الخلافات.",
    "نحن حريصون على أن يكون التعاون الاقتصادي في مقدمة أولوياتنا.",
    "اتفاقيات جديدة",
    "ومن المنتظر أن يوقع البلدان ثلاث مذكرات تفاهم في مجالات الاستثمار والسياحة والتعليم خلال "
    "الزيارة التي تستمر يومين.",
    NULL
  };
  static const char * const chrome[] = {
    "الرئيسية", "محليات", "سياسة", "شارك على فيسبوك", "غرّد", "واتساب", "إعلان", "لا تعرض",
    "أخبار ذات صلة", "وزير الاقتصاد يستقبل", "معرض الكتاب", "الأكثر قراءة", "الطقس المتقلب",
    "تعليق القارئ", "التعليقات", "اكتب تعليقك", "إرسال", "جميع الحقوق محفوظة", "اشترك",
    "ملفات تعريف الارتباط", "موافق", "جافا سكربت", "نص مكتوب بالسكربت", "تحميل الصفحة",
    "dataLayer", "font-family", "مشاركة مخفية", "دبلوماسية", "الأحد ١٢ مايو", "\n\n",
    "  ", "\xc2\xa0", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = read_page ("news-page.html", &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_nonnull (article);

  g_assert_cmpstr (rasd_article_get_title (article), ==,
                   "وزير الخارجية يبحث مع نظيره العماني تعزيز التعاون في مسقط");
  g_assert_cmpstr (rasd_article_get_date (article), ==, "2024-05-12T09:30:00");
  g_assert_cmpstr (rasd_article_get_url (article), ==,
                   "https://www.alofoq-news.example/news/2024/05/12/fm-muscat");
  g_assert_cmpstr (rasd_article_get_source (article), ==, "صحيفة الأفق");
  /* meta author, article:author skipped as a URL, JSON-LD authors through @id, once each. */
  g_assert_cmpstr (rasd_article_get_authors (article), ==, "سارة المنصور; خالد العتيبي");
  g_assert_cmpstr (rasd_article_get_language (article), ==, "ar");

  text = rasd_article_get_text (article);
  assert_in_order (text, paragraphs);
  assert_none_of (text, chrome);
  /* The headline is the title, not the first paragraph. */
  g_assert_false (g_str_has_prefix (text, "وزير الخارجية يبحث"));
}

static void
test_title_meta_time (void)
{
  static const char * const paragraphs[] = {
    "انطلقت مساء أمس فعاليات مهرجان التمور السنوي في مدينة بريدة بمشاركة مئات المزارعين من "
    "مختلف مناطق القصيم.",
    "ويستمر المهرجان ثلاثة أسابيع تعرض خلالها أصناف متعددة من التمور، إلى جانب ورش عمل عن "
    "التسويق والتغليف.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = read_page ("title-meta-time.html", &error);

  g_assert_no_error (error);
  /* " - Site" dropped: the site is named by og:site_name. */
  g_assert_cmpstr (rasd_article_get_title (article), ==,
                   "انطلاق مهرجان التمور في بريدة بمشاركة مئات المزارعين");
  /* From <time datetime>, midnight made a plain date. */
  g_assert_cmpstr (rasd_article_get_date (article), ==, "2023-08-03");
  g_assert_null (rasd_article_get_url (article));
  g_assert_cmpstr (rasd_article_get_source (article), ==, "أخبار الواحة");
  g_assert_cmpstr (rasd_article_get_authors (article), ==, "فهد الشمري");
  /* No lang attribute: the text is Arabic. */
  g_assert_cmpstr (rasd_article_get_language (article), ==, "ar");
  assert_in_order (rasd_article_get_text (article), paragraphs);
  g_assert_null (strstr (rasd_article_get_text (article), "وصف قصير"));
}

static void
test_json_ld_only (void)
{
  static const char * const paragraphs[] = {
    "افتتحت الجهات المختصة اليوم أول محطة لتحلية المياه تعمل بالكامل بالطاقة الشمسية على الساحل "
    "الشرقي، بطاقة إنتاجية تبلغ ستين ألف متر مكعب يوميا.",
    "وأوضح مدير المشروع أن المحطة ستخفض استهلاك الوقود بنسبة كبيرة، وأن العمل جار على إنشاء "
    "محطتين مماثلتين في السنوات المقبلة.",
    "وتأتي المحطة ضمن خطة وطنية لرفع حصة الطاقة المتجددة في مزيج الكهرباء إلى النصف بحلول نهاية "
    "العقد.",
    NULL
  };
  static const char * const chrome[] = {
    "الرئيسية", "العالم", "خبر آخر", "مقال رأي", "حقوق النشر", "افتتاح أول محطة", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = read_page ("jsonld-only.html", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_title (article), ==,
                   "افتتاح أول محطة لتحلية المياه بالطاقة الشمسية في الساحل الشرقي");
  /* The zone is not applied: the date as the page wrote it. */
  g_assert_cmpstr (rasd_article_get_date (article), ==, "2022-11-30T14:05:00");
  g_assert_cmpstr (rasd_article_get_url (article), ==,
                   "https://gulf-agency.example/ar/2022/11/30/solar-desalination");
  g_assert_cmpstr (rasd_article_get_source (article), ==, "وكالة الخليج");
  g_assert_cmpstr (rasd_article_get_authors (article), ==, "ليلى الحربي");
  g_assert_cmpstr (rasd_article_get_language (article), ==, "ar");
  assert_in_order (rasd_article_get_text (article), paragraphs);
  assert_none_of (rasd_article_get_text (article), chrome);
}

static void
test_title_suffixes (void)
{
  static const struct
  {
    const char *head;
    const char *title;
    const char *source;
  } cases[] = {
    /* The site known from the host of og:url. */
    { "<title>ارتفاع الصادرات غير النفطية | Example-News.com</title>"
      "<meta property=\"og:url\" content=\"https://www.example-news.com/a/1\">",
      "ارتفاع الصادرات غير النفطية", "example-news.com" },
    /* "Site - Headline" */
    { "<title>جريدة الميناء - ارتفاع الصادرات غير النفطية</title>"
      "<meta property=\"og:site_name\" content=\"جريدة الميناء\">",
      "ارتفاع الصادرات غير النفطية", "جريدة الميناء" },
    /* The site unknown: the title as it is. */
    { "<title>ارتفاع الصادرات غير النفطية - جريدة الميناء</title>",
      "ارتفاع الصادرات غير النفطية - جريدة الميناء", NULL },
    /* og:title that is only the site name says nothing. */
    { "<meta property=\"og:title\" content=\"جريدة الميناء\">"
      "<meta property=\"og:site_name\" content=\"جريدة الميناء\">"
      "<meta name=\"twitter:title\" content=\"ارتفاع الصادرات غير النفطية\">",
      "ارتفاع الصادرات غير النفطية", "جريدة الميناء" },
    /* JSON-LD publisher as the source. */
    { "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": "
      "\"ارتفاع الصادرات غير النفطية\", \"publisher\": {\"@type\": \"Organization\", "
      "\"name\": \"جريدة الميناء\"}}</script>",
      "ارتفاع الصادرات غير النفطية", "جريدة الميناء" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf ("<html><head>%s</head><body><p>سجلت الصادرات غير "
                                               "النفطية ارتفاعا ملحوظا خلال الربع الأول من العام "
                                               "مقارنة بالفترة نفسها من العام الماضي.</p>"
                                               "</body></html>", cases[i].head);
      g_autoptr(GError) error = NULL;
      g_autoptr(RasdArticle) article = read_string (html, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpstr (rasd_article_get_title (article), ==, cases[i].title);
      g_assert_cmpstr (rasd_article_get_source (article), ==, cases[i].source);
    }
}

static void
test_dates (void)
{
  static const struct
  {
    const char *markup;
    const char *date;
  } cases[] = {
    { "<meta property=\"og:published_time\" content=\"2021-03-04T05:06:07+02:00\">",
      "2021-03-04T05:06:07" },
    { "<meta itemprop=\"datePublished\" content=\"2021-03-04\">", "2021-03-04" },
    { "<meta name=\"pubdate\" content=\"2021-03-04 10:00:00\">", "2021-03-04T10:00:00" },
    { "<meta name=\"DC.date.issued\" content=\"2021-03-04\">", "2021-03-04" },
    /* Ranked: article:published_time before a named meta date. */
    { "<meta name=\"date\" content=\"2020-01-01\">"
      "<meta property=\"article:published_time\" content=\"2021-03-04T08:00:00Z\">",
      "2021-03-04T08:00:00" },
    /* Unreadable dates are passed over. */
    { "<meta property=\"article:published_time\" content=\"الأمس\">"
      "<meta name=\"date\" content=\"2021-03-04\">", "2021-03-04" },
    /* JSON-LD @graph with a WebPage and an Article. */
    { "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebPage\", "
      "\"datePublished\": \"2019-01-01\"}, {\"@type\": \"ReportageNews\", "
      "\"datePublished\": \"2021-03-04T09:15:00+03:00\"}]}</script>", "2021-03-04T09:15:00" },
    { "<body><span itemprop=\"datePublished\">2021-03-04</span></body>", "2021-03-04" },
    { "<meta name=\"date\" content=\"04/03/2021\">", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf ("<html><head></head>%s<p>ارتفعت درجات الحرارة في "
                                               "معظم المناطق مع توقعات بأمطار رعدية على المرتفعات "
                                               "خلال الأيام المقبلة.</p></html>", cases[i].markup);
      g_autoptr(GError) error = NULL;
      g_autoptr(RasdArticle) article = read_string (html, &error);

      g_test_message ("case %u", i);
      g_assert_no_error (error);
      g_assert_cmpstr (rasd_article_get_date (article), ==, cases[i].date);
    }
}

static void
test_hidden_and_link_lists (void)
{
  const char *html =
    "<html lang=\"ar\"><body><div class=\"story\">"
    "<p>قررت البلدية إغلاق الطريق الساحلي مؤقتا لإجراء أعمال صيانة شاملة تستمر أسبوعين.</p>"
    "<p style=\"display: none\">نص مخفي بالأسلوب</p>"
    "<p hidden>نص مخفي بالسمة</p>"
    "<div aria-hidden=\"true\">نص مخفي عن القارئ</div>"
    "<span class=\"sr-only\">نص لقارئ الشاشة</span>"
    "<ul><li><a href=\"/1\">رابط أول</a></li><li><a href=\"/2\">رابط ثان</a></li></ul>"
    "<p>وأوضحت البلدية أن طرقا بديلة ستفتح أمام السيارات طوال فترة الصيانة.</p>"
    "</div></body></html>";
  static const char * const hidden[] = {
    "نص مخفي", "قارئ الشاشة", "رابط أول", "رابط ثان", NULL
  };
  static const char * const paragraphs[] = {
    "قررت البلدية إغلاق الطريق الساحلي مؤقتا لإجراء أعمال صيانة شاملة تستمر أسبوعين.",
    "وأوضحت البلدية أن طرقا بديلة ستفتح أمام السيارات طوال فترة الصيانة.",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = read_string (html, &error);

  g_assert_no_error (error);
  assert_in_order (rasd_article_get_text (article), paragraphs);
  assert_none_of (rasd_article_get_text (article), hidden);
}

static void
test_table_layout (void)
{
  /* An old page: a menu cell beside the text cell, the text in <br>-separated lines. */
  const char *html =
    "<html><body><table><tr>"
    "<td><a href=\"/\">الصفحة الأولى</a><br><a href=\"/sport\">الرياضة</a><br>"
    "<a href=\"/arts\">الثقافة والفنون</a><br><a href=\"/archive\">الأرشيف</a></td>"
    "<td><font size=\"4\"><b>مجلس الشورى يناقش نظام حماية المستهلك</b></font><br><br>"
    "ناقش مجلس الشورى في جلسته العادية اليوم مشروع نظام حماية المستهلك المقدم من لجنة "
    "الاقتصاد والطاقة، واستمع إلى وجهة نظر اللجنة بشأن ملاحظات الأعضاء.<br>"
    "وطالب عدد من الأعضاء بتشديد العقوبات على المخالفين وزيادة عدد المراقبين في الأسواق."
    "</td></tr></table>"
    "<table><tr><td>جميع الحقوق محفوظة</td></tr></table></body></html>";
  static const char * const lines[] = {
    "مجلس الشورى يناقش نظام حماية المستهلك",
    "ناقش مجلس الشورى في جلسته العادية اليوم مشروع نظام حماية المستهلك المقدم من لجنة الاقتصاد "
    "والطاقة، واستمع إلى وجهة نظر اللجنة بشأن ملاحظات الأعضاء.",
    "وطالب عدد من الأعضاء بتشديد العقوبات على المخالفين وزيادة عدد المراقبين في الأسواق.",
    NULL
  };
  static const char * const chrome[] = {
    "الصفحة الأولى", "الرياضة", "الأرشيف", "جميع الحقوق", NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = read_string (html, &error);

  g_assert_no_error (error);
  assert_in_order (rasd_article_get_text (article), lines);
  assert_none_of (rasd_article_get_text (article), chrome);
  g_assert_null (rasd_article_get_title (article));
}

static const char windows_1256_page[] =
  "<html><head>%s<title>تراجع أسعار النفط في الأسواق العالمية</title></head><body><article>"
  "<p>تراجعت أسعار النفط اليوم في الأسواق العالمية بعد صدور بيانات عن ارتفاع المخزونات.</p>"
  "<p>وقال محللون إن الأسعار قد تستقر خلال الأسبوع المقبل.</p>"
  "</article></body></html>";

static void
check_windows_1256 (const char *charset_markup)
{
  g_autofree char *utf8 = g_strdup_printf (windows_1256_page, charset_markup);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = NULL;
  g_autofree char *cp1256 = NULL;
  gsize length;
  static const char * const paragraphs[] = {
    "تراجعت أسعار النفط اليوم في الأسواق العالمية بعد صدور بيانات عن ارتفاع المخزونات.",
    "وقال محللون إن الأسعار قد تستقر خلال الأسبوع المقبل.",
    NULL
  };

  cp1256 = g_convert (utf8, -1, "WINDOWS-1256", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate (cp1256, length, NULL));

  article = rasd_html_read_article (cp1256, length, "cp1256.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_title (article), ==, "تراجع أسعار النفط في الأسواق العالمية");
  assert_in_order (rasd_article_get_text (article), paragraphs);
  g_assert_cmpstr (rasd_article_get_language (article), ==, "ar");
}

static void
test_windows_1256 (void)
{
  check_windows_1256 ("<meta charset=\"windows-1256\">");
  check_windows_1256 ("<meta http-equiv=\"Content-Type\" "
                      "content=\"text/html; charset=windows-1256\">");
  /* Undeclared: not UTF-8, so taken for the Arabic Windows code page. */
  check_windows_1256 ("");
}

static void
test_utf16 (void)
{
  g_autofree char *utf8 = g_strdup_printf (windows_1256_page, "");
  g_autofree char *utf16 = NULL;
  g_autoptr(GString) data = g_string_new_len ("\xff\xfe", 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = NULL;
  gsize length;

  utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_string_append_len (data, utf16, length);

  article = rasd_html_read_article (data->str, data->len, "utf16.html", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rasd_article_get_title (article), ==, "تراجع أسعار النفط في الأسواق العالمية");
}

static void
test_no_external_content (void)
{
  const char *html =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE html SYSTEM \"file:///etc/passwd\" [\n"
    "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
    "  <!ENTITY % remote SYSTEM \"file:///etc/passwd\"> %remote;\n"
    "]>\n"
    "<html xmlns:xi=\"http://www.w3.org/2001/XInclude\"><head>"
    "<title>&xxe;عنوان الخبر</title>"
    "<link rel=\"stylesheet\" href=\"file:///etc/passwd\">"
    "<meta property=\"og:title\" content=\"&xxe;\">"
    "<base href=\"file:///etc/\">"
    "</head><body><article>"
    "<p>&xxe; بدأت اليوم أعمال المؤتمر الدولي للطاقة المتجددة بحضور وفود من عشرين دولة.</p>"
    "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/>"
    "<iframe src=\"file:///etc/passwd\"></iframe>"
    "<object data=\"file:///etc/passwd\"></object>"
    "<img src=\"passwd\">"
    "<p>ويناقش المؤتمر سبل خفض الانبعاثات في قطاع النقل.</p>"
    "</article></body></html>";
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = read_string (html, &error);
  g_autofree char *passwd = NULL;
  const char *text;

  g_assert_no_error (error);
  text = rasd_article_get_text (article);
  g_assert_nonnull (strstr (text, "بدأت اليوم أعمال المؤتمر الدولي للطاقة المتجددة"));
  g_assert_nonnull (strstr (text, "ويناقش المؤتمر سبل خفض الانبعاثات في قطاع النقل."));
  g_assert_null (strstr (text, "root:"));
  g_assert_null (strstr (text, "/bin/"));
  g_assert_null (strstr (text, "nologin"));
  g_assert_null (strstr (rasd_article_get_title (article), "root:"));

  /* Nothing of the real file, whatever its first line is. */
  if (g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL))
    {
      g_auto(GStrv) lines = g_strsplit (passwd, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (strlen (lines[i]) > 8)
          {
            g_assert_null (strstr (text, lines[i]));
            g_assert_null (strstr (rasd_article_get_title (article), lines[i]));
          }
    }
}

static char *
make_nested_page (const char *open,
                  const char *close,
                  guint       depth)
{
  GString *html = g_string_new ("<html><head><title>صفحة متداخلة</title></head><body>"
                                "<p>فقرة قبل التداخل العميق تبقى في النص مهما حدث بعدها في "
                                "الصفحة.</p>");

  for (guint i = 0; i < depth; i++)
    g_string_append (html, open);
  g_string_append (html, "<p>فقرة في أعماق الصفحة تختبر أن القراءة لا تستهلك المكدس مهما تداخلت "
                         "العناصر.</p>");
  for (guint i = 0; i < depth; i++)
    g_string_append (html, close);
  g_string_append (html, "</body></html>");
  return g_string_free (html, FALSE);
}

/* A DTD's internal subset is declarations, never the article: libxml2's HTML parser keeps
 * them as text, so the reader blanks them out first, wherever they are and whatever their
 * strings and comments hold. */
static void
test_dtd_not_body (void)
{
  const char *pages[] = {
    "<!DOCTYPE note [\n<!ELEMENT note (to,from)>\n"
    "<!ENTITY writer \"نص إعلان الكاتب الذي لا يجوز أن يصبح متن المقال ]> أبدا\">\n"
    "<!-- تعليق فيه ]> أيضا -->\n"
    "<!ATTLIST note lang CDATA 'ar]'>\n]>\n"
    "<html><body><div>افتتح وزير الثقافة معرض الكتاب في المدينة صباح اليوم بحضور عدد من "
    "الكتاب والناشرين من دول عربية مختلفة.</div></body></html>",
    /* Lower case, after an XML declaration, with a system identifier holding a bracket. */
    "<?xml version=\"1.0\"?>\n<!doctype html SYSTEM \"about:[x]\" [ <!ENTITY writer "
    "'نص إعلان الكاتب الذي لا يجوز أن يصبح متن المقال أبدا'> ]>"
    "<html><body><p>افتتح وزير الثقافة معرض الكتاب في المدينة صباح اليوم بحضور عدد من "
    "الكتاب والناشرين من دول عربية مختلفة.</p></body></html>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RasdArticle) article = read_string (pages[i], &error);
      const char *unwanted[] = { "إعلان الكاتب", "ENTITY", "ELEMENT", "ATTLIST", "]>", "تعليق", NULL };

      g_assert_no_error (error);
      g_assert_nonnull (strstr (rasd_article_get_text (article), "افتتح وزير الثقافة"));
      assert_none_of (rasd_article_get_text (article), unwanted);
    }

  /* A subset that never ends leaves nothing to read. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdArticle) article =
      read_string ("<!DOCTYPE x [ <!ENTITY a \"نص إعلان الكاتب الذي لا يجوز أن يصبح متن "
                   "المقال أبدا وهو نص طويل بما يكفي\"> <html><body><p>نص</p>", &error);

    g_assert_null (article);
    g_assert_nonnull (error);
  }
}

static void
test_deep_nesting (void)
{
  static const struct
  {
    const char *open;
    const char *close;
  } cases[] = {
    { "<div>", "</div>" },
    { "<span>", "</span>" },
    { "<article><div class=\"article-body\">", "</div></article>" },
    { "<div class=\"nav\"><section>", "</section></div>" },
    { "<b><i>", "</i></b>" },
    { "<ul><li>", "</li></ul>" },
    { "<div itemprop=\"author\"><span itemprop=\"datePublished\">", "</span></div>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = make_nested_page (cases[i].open, cases[i].close, 100000);
      g_autoptr(GError) error = NULL;
      g_autoptr(RasdArticle) article = NULL;
      gint64 start = g_get_monotonic_time ();
      double seconds;

      article = read_string (html, &error);
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      g_test_message ("%s: %.2f s, %s", cases[i].open, seconds,
                      error != NULL ? error->message : rasd_article_get_text (article));
      /* Without HTML_PARSE_HUGE, libxml2 stops building the tree 256 levels down, so the
       * deep paragraph may be lost; what came before it is not, and nothing crashes. */
      g_assert_no_error (error);
      g_assert_nonnull (strstr (rasd_article_get_text (article),
                                "فقرة قبل التداخل العميق تبقى في النص"));
      g_assert_cmpfloat (seconds, <, 20.0);
    }
}

static void
test_empty (void)
{
  static const char * const pages[] = {
    "<html><head><title>عنوان فقط</title></head><body></body></html>",
    "<html><body><nav><a href=\"/\">الرئيسية</a></nav><script>var a = 'نص';</script>"
    "<footer>جميع الحقوق محفوظة</footer></body></html>",
    "<!-- تعليق فقط -->",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = NULL;

  article = rasd_html_read_article ("", 0, "empty.html", &error);
  g_assert_null (article);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_EMPTY);
  g_clear_error (&error);

  article = rasd_html_read_article (" \n\t\r\n", 5, "blank.html", &error);
  g_assert_null (article);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_EMPTY);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      article = rasd_html_read_article (pages[i], strlen (pages[i]), "page.html", &error);
      g_assert_null (article);
      g_assert_error (error, RASD_ERROR, RASD_ERROR_EMPTY);
      g_assert_cmpstr (error->message, ==, "no article text found in the page");
      g_clear_error (&error);
    }
}

/* A stray byte in a title (found by fuzz-html; its input is in fuzz/corpus/fuzz-html): whatever a
 * reader gives, an article's strings are valid UTF-8. */
static void
test_stray_byte_in_title (void)
{
  g_autoptr(RasdArticle) article = rasd_article_new ();

  rasd_article_set_title (article, "لقاء في &\x82الطائف");
  rasd_article_set_source (article, "\xff\xfeصحيفة");
  g_assert_true (g_utf8_validate (rasd_article_get_title (article), -1, NULL));
  g_assert_nonnull (strstr (rasd_article_get_title (article), "الطائف"));
  g_assert_true (g_utf8_validate (rasd_article_get_source (article), -1, NULL));
  g_assert_nonnull (strstr (rasd_article_get_source (article), "صحيفة"));
}

static void
test_garbage (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1256);
  guint8 bytes[4096];
  guint8 high[4096];

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  bytes[100] = 0;
  article = rasd_html_read_article ((const char *) bytes, sizeof bytes, "garbage.html", &error);
  g_assert_null (article);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_BINARY);
  g_assert_false (g_str_has_prefix (error->message, "garbage.html"));
  g_clear_error (&error);

  /* No markup at all. */
  for (guint i = 0; i < sizeof high; i++)
    high[i] = g_rand_int_range (rand, 0x80, 0x100);
  article = rasd_html_read_article ((const char *) high, sizeof high, "high.html", &error);
  g_assert_null (article);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_clear_error (&error);

  article = read_string ("this is { not } html at all", &error);
  g_assert_null (article);
  g_assert_error (error, RASD_ERROR, RASD_ERROR_PARSE);
  g_clear_error (&error);

  /* Broken markup is recovered, not refused. */
  article = read_string ("<html><body><div><p>نص في وسم لم يغلق عن افتتاح مدرسة جديدة في الحي"
                         "<div><<<>>></span></table>", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (rasd_article_get_text (article), "نص في وسم لم يغلق"));
  g_clear_object (&article);

  /* Random bytes around markup: whatever comes out, no crash. */
  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(GString) page = g_string_new ("<html><body><p>");

      for (guint i = 0; i < 2000; i++)
        {
          guint8 c = g_rand_int_range (rand, 1, 256);

          g_string_append_c (page, c);
          if (g_rand_int_range (rand, 0, 20) == 0)
            g_string_append (page, (const char *[]) { "<div>", "</p>", "<a href='", "<!--",
                                                      "<script>", "&nbsp;", "<br>",
                                                      "<article>" }[g_rand_int_range (rand, 0, 8)]);
        }
      article = rasd_html_read_article (page->str, page->len, "random.html", &error);
      g_clear_object (&article);
      g_clear_error (&error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html/news-page", test_news_page);
  g_test_add_func ("/html/title-meta-time", test_title_meta_time);
  g_test_add_func ("/html/json-ld-only", test_json_ld_only);
  g_test_add_func ("/html/title-suffixes", test_title_suffixes);
  g_test_add_func ("/html/dates", test_dates);
  g_test_add_func ("/html/hidden-and-link-lists", test_hidden_and_link_lists);
  g_test_add_func ("/html/table-layout", test_table_layout);
  g_test_add_func ("/html/windows-1256", test_windows_1256);
  g_test_add_func ("/html/utf-16", test_utf16);
  g_test_add_func ("/html/no-external-content", test_no_external_content);
  g_test_add_func ("/html/dtd-not-body", test_dtd_not_body);
  g_test_add_func ("/html/deep-nesting", test_deep_nesting);
  g_test_add_func ("/html/empty", test_empty);
  g_test_add_func ("/html/garbage", test_garbage);
  g_test_add_func ("/html/stray-byte-in-title", test_stray_byte_in_title);

  return g_test_run ();
}
