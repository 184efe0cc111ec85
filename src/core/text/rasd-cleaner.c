#define G_LOG_DOMAIN "rasd-cleaner"

#include "config.h"

#include "rasd-cleaner.h"

#include <string.h>

/* The cleaner works on lines ("paragraphs").  One pass measures each line (words, Arabic and
 * Latin letters, how it ends) and, for short lines, builds a folded "key" (diacritics and
 * tatweel dropped, alef/hamza forms, ta marbuta and alef maqsura folded, digits made ASCII,
 * Latin lower-cased, punctuation turned into single spaces) that the rules match against
 * vocabularies of page furniture in Arabic and English.  Then come rules on single lines,
 * rules on blocks (read-more and related lists, recent posts, prayer-time tables), the byline,
 * and repeated paragraphs.  Everything is linear in the size of the text.
 *
 * The rules describe kinds of page furniture, not strings of particular articles: a line made
 * only of share/follow vocabulary, a relative time stamp ("منذ 3 ساعات", "5 hours ago"), a run
 * of prayer names and clock times, a "read more"/"related" heading and what hangs from it.
 * A body sentence (eight words or more ending like a sentence, or a long paragraph) is never
 * taken for a list item or a block to drop.
 *
 * G_MESSAGES_DEBUG=rasd-cleaner logs each line removed and the rule that removed it. */

/* Lines with more words get no key: page furniture is short. */
#define KEY_MAX_WORDS 60

typedef enum
{
  REASON_NONE,
  REASON_SYMBOLS,
  REASON_CLOCK,
  REASON_STAMP,
  REASON_SCRIPT,
  REASON_COMMENTS,
  REASON_COPYRIGHT,
  REASON_TAGS,
  REASON_BREADCRUMB,
  REASON_WIDGET,
  REASON_HEADING,
  REASON_READ_MORE_LINK,
  REASON_BLOCK,
  REASON_LIST_ITEM,
  REASON_PRAYER,
  REASON_LATIN,
  REASON_BYLINE,
  REASON_DUPLICATE,
} Reason;

static const char *reason_names[] = {
  "kept", "symbols", "clock time", "time stamp", "script/cookie notice", "comments", "copyright",
  "tags", "breadcrumb", "widget", "read-more heading", "read-more link", "read-more block",
  "list item", "prayer times", "Latin UI", "byline", "duplicate",
};

G_STATIC_ASSERT (G_N_ELEMENTS (reason_names) == REASON_DUPLICATE + 1);

typedef enum
{
  HEADING_NONE,
  HEADING_BUTTON, /* "read more": a lone link */
  HEADING_LIST,   /* "read also", "related", "recent posts": titles follow */
} HeadingKind;

typedef struct
{
  const char *text;
  gsize       length;
  guint       n_words;        /* tokens with a letter or a digit */
  guint       n_arabic_words;
  guint       n_arabic;       /* Arabic letters */
  guint       n_latin;        /* Latin letters */
  guint       n_digits;
  guint       n_punctuation;
  gunichar    last;           /* last character */
  guint       ellipsis : 1;   /* ends with … or ... */
  guint       has_key : 1;
  guint       explicit_byline : 1;
  guint       heading : 2;    /* HeadingKind */
  gsize       key_offset;
  gsize       key_length;
  Reason      reason;
} Line;

typedef struct
{
  GArray     *lines; /* Line */
  GString    *keys;  /* the keys, one after another, NUL-separated */
  gboolean    arabic;
} Doc;

/* ------------------------------------------------------------------------------------------ */
/* Characters                                                                                  */

static inline gboolean
is_arabic_letter (gunichar c)
{
  return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A) ||
         (c >= 0x066E && c <= 0x066F) || (c >= 0x0671 && c <= 0x06D3) || c == 0x06D5 ||
         (c >= 0x06EE && c <= 0x06EF) || (c >= 0x06FA && c <= 0x06FC) || c == 0x06FF ||
         (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08C9) ||
         (c >= 0xFB50 && c <= 0xFDFB) || (c >= 0xFE70 && c <= 0xFEFC);
}

static inline gboolean
is_arabic_mark (gunichar c)
{
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
         (c >= 0x0610 && c <= 0x061A) || (c >= 0x06D6 && c <= 0x06ED) ||
         (c >= 0x08CA && c <= 0x08FF);
}

static inline gboolean
is_latin_letter (gunichar c)
{
  return (c < 0x80 && g_ascii_isalpha ((char) c)) ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* The value of a decimal digit (ASCII, Arabic-Indic, Eastern Arabic-Indic), or -1. */
static inline int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0x0660 && c <= 0x0669)
    return (int) (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9)
    return (int) (c - 0x06F0);
  return -1;
}

/* White space and the invisible marks trimmed from the ends of a line. */
static inline gboolean
is_blank_char (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  return c == 0x00A0 || c == 0xFEFF || c == 0x061C || c == 0x1680 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
         c == 0x205F || (c >= 0x2060 && c <= 0x2069);
}

/* Folds one character for matching: 0 drops it, ' ' separates tokens. */
static gunichar
fold_char (gunichar c)
{
  int d;

  if (c < 0x80)
    {
      if (g_ascii_isalnum ((char) c))
        return (gunichar) g_ascii_tolower ((char) c);
      return ' ';
    }
  if (is_arabic_mark (c) || (c >= 0x200B && c <= 0x200F) || c == 0x061C || c == 0xFEFF ||
      (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
    return 0;
  switch (c)
    {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: /* آ أ إ ٱ */
      return 0x0627;
    case 0x0649: case 0x0626: case 0x06CC: /* ى ئ ی */
      return 0x064A;
    case 0x0629: /* ة */
      return 0x0647;
    case 0x0624: /* ؤ */
      return 0x0648;
    case 0x06A9: /* ک */
      return 0x0643;
    default:
      break;
    }
  d = digit_value (c);
  if (d >= 0)
    return (gunichar) ('0' + d);
  if (is_arabic_letter (c))
    return c;
  if (g_unichar_isalnum (c))
    return g_unichar_tolower (c);
  return ' ';
}

/* Appends the folded form of @text to @out: tokens separated by one space. */
static void
fold_into (GString    *out,
           const char *text,
           gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  gboolean pending_space = FALSE;
  gsize start = out->len;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      gunichar f = fold_char (c);

      p = g_utf8_next_char (p);
      if (f == 0)
        continue;
      if (f == ' ')
        {
          pending_space = out->len > start;
          continue;
        }
      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }
      if (f < 0x80)
        g_string_append_c (out, (char) f);
      else
        g_string_append_unichar (out, f);
    }
}

static char *
fold_len (const char *text,
          gsize       length)
{
  GString *out = g_string_sized_new (length + 1);

  fold_into (out, text, length);
  return g_string_free (out, FALSE);
}

static char *
fold (const char *text)
{
  return fold_len (text, strlen (text));
}

/* ------------------------------------------------------------------------------------------ */
/* Vocabularies, folded once                                                                   */

/* Headings of link blocks; the value says whether titles follow. */
static const char *button_headings[] = {
  "اقرأ المزيد", "إقرأ المزيد", "المزيد", "شاهد المزيد", "عرض المزيد", "تحميل المزيد",
  "للمزيد", "اقرأ التفاصيل", "اقرأ الخبر", "اقرأ المقال",
  "read more", "more", "load more", "see more", "show more", "continue reading",
};

static const char *list_headings[] = {
  "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ كذلك", "طالع أيضا", "شاهد أيضا", "اقرأ أيضا في",
  "اقرأ ايضا", "قد يهمك", "قد يهمك أيضا", "قد يعجبك", "قد يعجبك أيضا", "ربما يعجبك", "ربما يهمك",
  "مواضيع ذات صلة", "أخبار ذات صلة", "مقالات ذات صلة", "موضوعات ذات صلة", "مواد ذات صلة",
  "أخبار متعلقة", "مقالات متعلقة", "مواضيع متعلقة", "موضوعات متعلقة", "ذات صلة", "روابط ذات صلة",
  "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولا", "الأكثر شعبية", "الأكثر تعليقا",
  "الأكثر قراءة اليوم", "آخر الأخبار", "أحدث الأخبار", "آخر الأخبار العاجلة", "أخبار عاجلة",
  "أحدث المقالات", "آخر المقالات", "المقالات الأخيرة", "المشاركات الأخيرة", "أحدث المشاركات",
  "آخر المشاركات", "أخبار أخرى", "مقالات أخرى", "مواضيع أخرى", "اخترنا لك", "اختيارات المحرر",
  "مقالات مقترحة", "أخبار مقترحة", "المزيد من الأخبار", "المزيد من المقالات", "أخبار ذات علاقة",
  "read also", "see also", "related", "related posts", "related articles", "related news",
  "related stories", "related content", "recent posts", "recent articles", "recent news",
  "latest posts", "latest news", "latest articles", "latest stories", "most read", "most popular",
  "most viewed", "popular posts", "trending", "trending now", "you may also like",
  "you might also like", "more stories", "more news", "more articles", "editor's picks",
  "recommended", "recommended for you", "top stories",
};

/* A line starting with one of these and a few more words is a link: "اقرأ أيضا: ...". */
static const char *link_prefixes[] = {
  "اقرأ أيضا", "اقرأ المزيد", "اقرأ كذلك", "طالع أيضا", "شاهد أيضا", "قد يهمك", "اقرأ ايضا",
  "read also", "read more", "see also", "related",
};

/* "المزيد من العالم العربي": the link to a section at the end of an article. */
static const char *more_from_prefixes[] = {
  "المزيد من", "المزيد عن", "مزيد من", "more from", "more in", "more on", "more about",
};

/* Share, follow, print and font-size widgets, ad slots, comment counters. */
static const char *widget_words[] = {
  "شارك", "شاركوا", "شاركها", "شاركه", "مشاركة", "المشاركة", "انشر", "تابعونا", "تابعنا",
  "تابعوا", "تابع", "تويتر", "فيسبوك", "فيس", "بوك", "واتساب", "واتس", "آب", "تلغرام", "تليغرام",
  "تيليجرام", "تليجرام", "تلجرام", "انستغرام", "انستجرام", "انستقرام", "يوتيوب", "لينكدإن",
  "لينكد", "سناب", "شات", "سناب شات", "تيك", "توك", "تيكتوك", "ماسنجر", "جوجل", "غوغل", "رابط",
  "الرابط", "مختصر", "المختصر", "نسخ", "انسخ", "طباعة", "اطبع", "أرسل", "ارسل", "إرسال",
  "لصديق", "البريد", "الإلكتروني", "إيميل", "حجم", "تكبير", "تصغير", "اشترك", "اشتركوا",
  "الاشتراك", "النشرة", "البريدية", "بحث", "ابحث", "إعلان", "إعلانات", "الإعلانات", "إعلانية",
  "تعليق", "تعليقات", "التعليقات", "مشاهدة", "مشاهدات", "قراءة", "قراءات", "حفظ", "المفضلة",
  "أعجبني", "تغريد", "غرد", "share", "shares", "shared", "tweet", "retweet", "facebook",
  "twitter", "whatsapp", "telegram", "instagram", "youtube", "linkedin", "pinterest", "reddit",
  "tiktok", "snapchat", "messenger", "google", "email", "mail", "print", "copy", "link", "url",
  "follow", "subscribe", "newsletter", "search", "advertisement", "ads", "sponsored",
  "comment", "comments", "view", "views", "save", "bookmark", "like", "likes", "rss", "feed",
  "whatsApp", "x",
};

/* Words that may accompany widget words ("تابعونا على", "شارك هذا المقال"). */
static const char *widget_connectors[] = {
  "على", "عبر", "في", "من", "إلى", "و", "هذا", "هذه", "المقال", "الخبر", "المقالة", "الموضوع",
  "الآن", "معنا", "صفحتنا", "حساباتنا", "قناتنا", "مواقع", "التواصل", "الاجتماعي", "منصات",
  "وسائل", "أخبار", "نيوز", "الخط", "مساحة", "لـ", "عبر", "us", "on", "via", "the", "this", "to",
  "and", "with", "article", "story", "page", "now", "news", "social", "media", "our", "in", "by",
  "plus",
};

static const char *comment_phrases[] = {
  "التعليقات مغلقة", "التعليق مغلق", "أغلقت التعليقات", "إغلاق التعليقات", "التعليقات مغلقه",
  "أضف تعليق", "أضف تعليقا", "اترك تعليقا", "اترك تعليق", "اترك ردا", "اكتب تعليقك",
  "أضف رأيك", "شارك برأيك", "كن أول من يعلق", "comments are closed", "comments closed",
  "commenting is closed", "comments are off", "leave a comment", "leave a reply", "add a comment",
  "post a comment", "be the first to comment",
};

static const char *script_words[] = {
  "javascript", "جافا سكريبت", "جافاسكريبت", "جافا سكربت", "الجافا سكريبت", "جافا",
};
/* Asking the reader to switch it on, or saying the browser lacks it (a browser alone is news) */
static const char *script_verbs[] = {
  "enable", "activate", "turn on", "is disabled", "is not enabled", "does not support",
  "doesn t support", "تفعيل", "تمكين", "فعل", "فعّل", "لا يدعم", "غير مفعل", "معطل",
};
static const char *cookie_words[] = { "cookies", "cookie", "ملفات تعريف الارتباط", "الكوكيز", "كوكيز" };
/* The site speaking of itself */
static const char *cookie_context[] = {
  "this website", "this site", "our site", "our website", "we use", "i accept", "accept all",
  "هذا الموقع", "موقعنا", "نستخدم", "أوافق", "قبول الكل", "موافق",
};

static const char *copyright_phrases[] = {
  "جميع الحقوق محفوظة", "حقوق النشر محفوظة", "الحقوق محفوظة", "all rights reserved",
};

static const char *tag_prefixes[] = {
  "الوسوم", "وسوم", "الكلمات المفتاحية", "كلمات مفتاحية", "الكلمات الدلالية", "كلمات دلالية",
  "tags", "keywords", "topics",
};

static const char *breadcrumb_starts[] = { "الرئيسية", "الصفحة الرئيسية", "home" };

/* UI words seen glued before the first word of an Arabic line ("Next Previous", "search"). */
static const char *latin_ui_prefixes[] = {
  "next", "previous", "prev", "search", "share", "tweet", "print", "home", "menu", "close",
  "skip", "email", "advertisement", "sponsored", "back", "top",
};

/* "نشر", "Posted", "آخر تحديث" before a relative stamp */
static const char *stamp_leads[] = {
  "نشر", "نشرت", "منشور", "تحديث", "آخر", "تم", "التحديث", "posted", "published", "updated",
  "last",
};

static const char *stamp_markers[] = { "منذ", "قبل", "حوالي", "نحو", "about", "almost", "over" };
static const char *stamp_numbers[] = {
  "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "few", "several", "واحد", "واحدة", "اثنين", "اثنان", "ثلاث", "ثلاثة",
  "أربع", "أربعة", "خمس", "خمسة", "ست", "ستة", "سبع", "سبعة", "ثمان", "ثماني", "ثمانية", "تسع",
  "تسعة", "عشر", "عشرة", "بضع", "بضعة", "عدة",
};
static const char *stamp_units[] = {
  "ثانية", "ثوان", "ثواني", "ثانيتين", "دقيقة", "دقائق", "دقيقتين", "ساعة", "ساعات", "ساعتين",
  "يوم", "أيام", "يومين", "أسبوع", "أسابيع", "أسبوعين", "شهر", "أشهر", "شهور", "شهرين", "سنة",
  "سنوات", "سنين", "سنتين", "سنتان", "عام", "أعوام", "عامين", "عامان", "second", "seconds",
  "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days",
  "week", "weeks", "month", "months", "year", "years", "yr", "yrs",
};
static const char *stamp_afters[] = { "ago", "مضت", "مضى", "تقريبا", "فقط" };

/* Names of the prayers (with the number of the prayer, to count distinct ones). */
static const struct
{
  const char *name;
  guint       id;
} prayer_names[] = {
  { "الفجر", 1 }, { "فجر", 1 }, { "fajr", 1 },
  { "الشروق", 2 }, { "شروق", 2 }, { "sunrise", 2 }, { "shuruq", 2 },
  { "الظهر", 3 }, { "ظهر", 3 }, { "dhuhr", 3 }, { "zuhr", 3 }, { "الجمعة", 3 },
  { "العصر", 4 }, { "عصر", 4 }, { "asr", 4 },
  { "المغرب", 5 }, { "مغرب", 5 }, { "maghrib", 5 },
  { "العشاء", 6 }, { "عشاء", 6 }, { "isha", 6 },
};
static const char *prayer_extras[] = { "صلاة", "am", "pm", "ص", "م", "صباحا", "مساء", "prayer" };
static const char *prayer_headers[] = {
  "مواقيت الصلاة", "أوقات الصلاة", "مواعيد الصلاة", "مواقيت الصلاه", "prayer times", "prayer time",
};

/* Before a name, these say it is the author's... */
static const char *byline_prefixes[] = { "بقلم", "by", "written by", "كتب", "كتبت", "إعداد", "تحرير" };
/* ...but these are also ordinary words ("كتب جديدة", "تحرير المدينة"): they need a separator
 * after them, as in "كتب - علا سعدي" or "إعداد: علا سعدي". */
static const char *byline_prefixes_needing_separator[] = { "كتب", "كتبت", "إعداد", "تحرير" };

/* Words that make a short line something other than a person's name. */
static const char *not_name_words[] = {
  "في", "من", "على", "إلى", "عن", "مع", "أو", "ثم", "قد", "لا", "لم", "لن", "ما", "هل", "هذا",
  "هذه", "ذلك", "تلك", "التي", "الذي", "حول", "بين", "بعد", "قبل", "عند", "منذ", "حتى", "كل",
  "غير", "و", "يا", "تقرير", "خاص", "حصري", "عاجل", "فيديو", "صور", "بالصور", "بالفيديو",
  "متابعة", "تحليل", "رأي", "مقال", "خبر", "أخبار", "محليات", "دوليات", "رياضة", "اقتصاد",
  "سياسة", "ثقافة", "فن", "منوعات", "تحقيق", "حوار", "مقابلة", "ملف", "شؤون", "عربي", "دولي",
  "محلي", "مصر", "سوريا", "روسيا", "صحيفة", "وكالة", "وكالات", "موقع", "مجلة", "قناة", "مصدر",
  "مصادر", "المصدر", "جديد", "جديدة", "the", "of", "in", "on", "and", "for", "to", "with", "a", "an",
  "news", "video", "photos", "live", "update", "breaking", "opinion", "analysis",
};

typedef struct
{
  GHashTable *headings;       /* folded phrase → HeadingKind */
  GHashTable *widget_words;
  GHashTable *widget_connectors;
  GHashTable *latin_ui_prefixes;
  GHashTable *stamp_leads;
  GHashTable *stamp_markers;
  GHashTable *stamp_numbers;
  GHashTable *stamp_units;
  GHashTable *stamp_afters;
  GHashTable *prayer_names;
  GHashTable *prayer_extras;
  GHashTable *not_name_words;
  GPtrArray  *link_prefixes;
  GPtrArray  *more_from_prefixes;
  GPtrArray  *comment_phrases;
  GPtrArray  *script_words;
  GPtrArray  *script_verbs;
  GPtrArray  *cookie_words;
  GPtrArray  *cookie_context;
  GPtrArray  *copyright_phrases;
  GPtrArray  *tag_prefixes;
  GPtrArray  *breadcrumb_starts;
  GPtrArray  *prayer_headers;
  GPtrArray  *byline_prefixes;
  GHashTable *byline_prefixes_needing_separator;
} Vocabulary;

static GHashTable *
folded_set (const char **words,
            gsize        n_words)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (gsize i = 0; i < n_words; i++)
    {
      char *folded = fold (words[i]);

      if (*folded != '\0')
        g_hash_table_add (set, folded);
      else
        g_free (folded);
    }
  return set;
}

static GPtrArray *
folded_list (const char **words,
             gsize        n_words)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (gsize i = 0; i < n_words; i++)
    g_ptr_array_add (list, fold (words[i]));
  return list;
}

#define FOLDED_SET(array) folded_set ((array), G_N_ELEMENTS (array))
#define FOLDED_LIST(array) folded_list ((array), G_N_ELEMENTS (array))

/* Built once and kept for the life of the process. */
static const Vocabulary *
vocabulary (void)
{
  static Vocabulary vocab;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      vocab.headings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (gsize i = 0; i < G_N_ELEMENTS (list_headings); i++)
        g_hash_table_insert (vocab.headings, fold (list_headings[i]), GUINT_TO_POINTER (HEADING_LIST));
      for (gsize i = 0; i < G_N_ELEMENTS (button_headings); i++)
        g_hash_table_insert (vocab.headings, fold (button_headings[i]), GUINT_TO_POINTER (HEADING_BUTTON));
      vocab.widget_words = FOLDED_SET (widget_words);
      vocab.widget_connectors = FOLDED_SET (widget_connectors);
      vocab.latin_ui_prefixes = FOLDED_SET (latin_ui_prefixes);
      vocab.stamp_leads = FOLDED_SET (stamp_leads);
      vocab.stamp_markers = FOLDED_SET (stamp_markers);
      vocab.stamp_numbers = FOLDED_SET (stamp_numbers);
      vocab.stamp_units = FOLDED_SET (stamp_units);
      vocab.stamp_afters = FOLDED_SET (stamp_afters);
      vocab.prayer_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (gsize i = 0; i < G_N_ELEMENTS (prayer_names); i++)
        g_hash_table_insert (vocab.prayer_names, fold (prayer_names[i].name),
                             GUINT_TO_POINTER (prayer_names[i].id));
      vocab.prayer_extras = FOLDED_SET (prayer_extras);
      vocab.not_name_words = FOLDED_SET (not_name_words);
      vocab.link_prefixes = FOLDED_LIST (link_prefixes);
      vocab.more_from_prefixes = FOLDED_LIST (more_from_prefixes);
      vocab.comment_phrases = FOLDED_LIST (comment_phrases);
      vocab.script_words = FOLDED_LIST (script_words);
      vocab.script_verbs = FOLDED_LIST (script_verbs);
      vocab.cookie_words = FOLDED_LIST (cookie_words);
      vocab.cookie_context = FOLDED_LIST (cookie_context);
      vocab.copyright_phrases = FOLDED_LIST (copyright_phrases);
      vocab.tag_prefixes = FOLDED_LIST (tag_prefixes);
      vocab.breadcrumb_starts = FOLDED_LIST (breadcrumb_starts);
      vocab.prayer_headers = FOLDED_LIST (prayer_headers);
      vocab.byline_prefixes = FOLDED_LIST (byline_prefixes);
      vocab.byline_prefixes_needing_separator = FOLDED_SET (byline_prefixes_needing_separator);
      g_once_init_leave (&initialised, 1);
    }

  return &vocab;
}

/* ------------------------------------------------------------------------------------------ */
/* Keys                                                                                        */

static inline const char *
line_key (const Doc  *doc,
          const Line *line)
{
  return line->has_key ? doc->keys->str + line->key_offset : NULL;
}

/* TRUE when @phrase occurs in @key as whole tokens. */
static gboolean
key_contains (const char *key,
              const char *phrase)
{
  gsize n = strlen (phrase);
  const char *p = key;

  if (n == 0)
    return FALSE;
  while ((p = strstr (p, phrase)) != NULL)
    {
      gboolean start_ok = p == key || p[-1] == ' ';
      gboolean end_ok = p[n] == '\0' || p[n] == ' ';

      if (start_ok && end_ok)
        return TRUE;
      p++;
    }
  return FALSE;
}

static gboolean
key_contains_any (const char      *key,
                  const GPtrArray *phrases)
{
  for (guint i = 0; i < phrases->len; i++)
    if (key_contains (key, g_ptr_array_index (phrases, i)))
      return TRUE;
  return FALSE;
}

/* The length of the phrase of @phrases that starts @key as whole tokens, or 0. */
static gsize
key_starts_with_any (const char      *key,
                     const GPtrArray *phrases)
{
  for (guint i = 0; i < phrases->len; i++)
    {
      const char *phrase = g_ptr_array_index (phrases, i);
      gsize n = strlen (phrase);

      if (n > 0 && strncmp (key, phrase, n) == 0 && (key[n] == '\0' || key[n] == ' '))
        return n;
    }
  return 0;
}

/* Splits @key (a copy is modified) into at most @max tokens; returns how many, or max + 1 when
 * there are more. */
static guint
key_tokens (const char  *key,
            char        *buffer,
            gsize        buffer_size,
            const char **tokens,
            guint        max)
{
  gsize n = strlen (key);
  guint count = 0;
  char *p;

  if (n + 1 > buffer_size)
    return max + 1;
  memcpy (buffer, key, n + 1);
  p = buffer;
  while (*p != '\0')
    {
      char *space = strchr (p, ' ');

      if (count == max)
        return max + 1;
      tokens[count++] = p;
      if (space == NULL)
        break;
      *space = '\0';
      p = space + 1;
    }
  return count;
}

static gboolean
is_number_token (const char *token)
{
  if (*token == '\0')
    return FALSE;
  for (const char *p = token; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------------------------------ */
/* Measuring lines                                                                             */

static void
measure_line (Doc  *doc,
              Line *line)
{
  const char *p = line->text;
  const char *end = line->text + line->length;
  gboolean in_token = FALSE, token_counts = FALSE, token_arabic = FALSE;
  gunichar last = 0;

  line->n_words = line->n_arabic_words = line->n_arabic = line->n_latin = 0;
  line->n_digits = line->n_punctuation = 0;
  line->has_key = FALSE;

  while (p < end)
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      p = (guchar) *p < 0x80 ? p + 1 : g_utf8_next_char (p);

      if (is_blank_char (c))
        {
          if (in_token)
            {
              line->n_words += token_counts;
              line->n_arabic_words += token_arabic;
            }
          in_token = token_counts = token_arabic = FALSE;
          continue;
        }

      in_token = TRUE;
      last = c;
      if (is_arabic_letter (c))
        {
          line->n_arabic++;
          token_counts = token_arabic = TRUE;
        }
      else if (is_latin_letter (c))
        {
          line->n_latin++;
          token_counts = TRUE;
        }
      else if (digit_value (c) >= 0)
        {
          line->n_digits++;
          token_counts = TRUE;
        }
      else if (is_arabic_mark (c))
        ;
      else if (g_unichar_isalnum (c))
        token_counts = TRUE;
      else
        line->n_punctuation++;
    }
  if (in_token)
    {
      line->n_words += token_counts;
      line->n_arabic_words += token_arabic;
    }

  line->last = last;
  line->ellipsis = last == 0x2026 ||
                   (line->length >= 3 && memcmp (end - 3, "...", 3) == 0);

  if (line->n_words <= KEY_MAX_WORDS)
    {
      line->key_offset = doc->keys->len;
      fold_into (doc->keys, line->text, line->length);
      line->key_length = doc->keys->len - line->key_offset;
      g_string_append_c (doc->keys, '\0');
      line->has_key = TRUE;
    }
}

/* A sentence of the body: never a list item, a heading or a block to drop. */
static gboolean
ends_sentence (const Line *line)
{
  switch (line->last)
    {
    case '.': case '!': case '?': case ':': case '"': case '\'':
    case 0x061F: /* ؟ */
    case 0x061B: /* ؛ */
    case 0x06D4: /* ۔ */
    case 0x201D: /* ” */
    case 0x2019: /* ’ */
    case 0x00BB: /* » */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_strong_body (const Line *line)
{
  if (line->ellipsis)
    return FALSE;
  return (line->n_words >= 8 && ends_sentence (line)) || line->n_words >= 20;
}

/* A paragraph of the body, as opposed to a headline (which may end with a quotation). */
static gboolean
is_paragraph (const Line *line)
{
  if (line->ellipsis)
    return FALSE;
  return (line->n_words >= 15 && ends_sentence (line)) || line->n_words >= 25;
}

/* A headline-like line: a title in a list of links. */
static gboolean
is_title_like (const Line *line)
{
  gunichar c = line->last;

  return line->n_words >= 3 && line->n_words <= 20 && !line->ellipsis &&
         c != '.' && c != '!' && c != '?' && c != 0x061F && c != 0x061B && c != 0x060C;
}

static gboolean
is_teaser (const Line *line)
{
  return line->ellipsis && line->n_words <= 80;
}

/* ------------------------------------------------------------------------------------------ */
/* Rules on one line                                                                           */

/* "08:44 ص", "• 05:32 AM", "١٢:٤٠ م" and nothing else. */
static gboolean
is_clock_time (const Line *line)
{
  const char *p = line->text;
  const char *end = line->text + line->length;
  const char *rest;
  int digits = 0;
  gboolean colon = FALSE;
  g_autofree char *suffix = NULL;

  if (line->n_words > 3 || line->n_digits < 3)
    return FALSE;

  /* Bullets and blanks */
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (digit_value (c) >= 0)
        break;
      if (!(is_blank_char (c) || c == 0x2022 || c == 0x00B7 || c == '-' || c == '*' ||
            c == 0x2013 || c == 0x2014 || c == 0x25AA || c == 0x25CF || c == 0x25E6 || c == 0x25BA))
        return FALSE;
      p = g_utf8_next_char (p);
    }

  /* H:MM or HH:MM[:SS] */
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (digit_value (c) >= 0)
        digits++;
      else if (c == ':' && digits > 0)
        {
          if (!colon && digits > 2)
            return FALSE;
          colon = TRUE;
        }
      else
        break;
      p = g_utf8_next_char (p);
    }
  if (!colon || digits < 3 || digits > 6)
    return FALSE;

  /* AM/PM, ص/م, صباحا/مساء */
  rest = p;
  suffix = fold_len (rest, (gsize) (end - rest));
  return *suffix == '\0' || strcmp (suffix, "am") == 0 || strcmp (suffix, "pm") == 0 ||
         strcmp (suffix, "a m") == 0 || strcmp (suffix, "p m") == 0 ||
         strcmp (suffix, "ص") == 0 || strcmp (suffix, "م") == 0 ||
         strcmp (suffix, "صباحا") == 0 || strcmp (suffix, "مساء") == 0 ||
         strcmp (suffix, "ظهرا") == 0 || strcmp (suffix, "gmt") == 0;
}

static inline gboolean
set_has (GHashTable *set,
         const char *token)
{
  return g_hash_table_contains (set, token);
}

/* "3h", "5min", "2d": a number glued to a unit abbreviation. */
static gboolean
is_glued_stamp_unit (const char *token)
{
  static const char *units[] = { "s", "m", "h", "d", "w", "y", "min", "mins", "hr", "hrs", "mo" };
  const char *p = token;

  while (g_ascii_isdigit (*p))
    p++;
  if (p == token || *p == '\0')
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (strcmp (p, units[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A relative time stamp and nothing else: "3 سنوات ago", "سنتين ago", "منذ 3 ساعات",
 * "قبل يومين", "5 hours ago", "about an hour ago", "نشر منذ ٤ دقائق". */
static gboolean
is_time_stamp (const Vocabulary *v,
               const Line       *line,
               const char       *key)
{
  char buffer[256];
  const char *tokens[9];
  guint n, i = 0;
  gboolean marker = FALSE, unit = FALSE, after = FALSE;

  if (key == NULL || line->n_words > 8)
    return FALSE;
  n = key_tokens (key, buffer, sizeof buffer, tokens, 8);
  if (n == 0 || n > 8)
    return FALSE;

  while (i < n && i < 2 && set_has (v->stamp_leads, tokens[i]))
    i++;
  if (i < n && set_has (v->stamp_markers, tokens[i]))
    {
      marker = TRUE;
      i++;
    }
  if (i < n && is_glued_stamp_unit (tokens[i]))
    {
      unit = TRUE;
      i++;
    }
  else
    {
      if (i < n && (is_number_token (tokens[i]) || set_has (v->stamp_numbers, tokens[i])))
        i++;
      if (i < n && set_has (v->stamp_units, tokens[i]))
        {
          unit = TRUE;
          i++;
        }
    }
  while (i < n && set_has (v->stamp_afters, tokens[i]))
    {
      after = TRUE;
      i++;
    }

  return i == n && unit && (marker || after);
}

/* "A A", "A+ A-", "أ أ": a font-size widget. */
static gboolean
is_font_widget (const Line *line)
{
  const char *p = line->text;
  const char *end = line->text + line->length;
  guint n_tokens = 0;

  if (line->n_words < 1 || line->n_words > 4 || line->length > 24)
    return FALSE;

  while (p < end)
    {
      guint letters = 0, others = 0;

      while (p < end && is_blank_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p >= end)
        break;
      while (p < end)
        {
          gunichar c = g_utf8_get_char (p);

          if (is_blank_char (c))
            break;
          if (c == 'A' || c == 'a' || c == 0x0623 || c == 0x0627 || c == 0x0639)
            letters++;
          else if (c == '+' || c == '-' || c == 0x2212)
            others++;
          else
            return FALSE;
          p = g_utf8_next_char (p);
        }
      if (letters != 1 || others > 2)
        return FALSE;
      n_tokens++;
    }

  return n_tokens >= 2;
}

/* A line made only of share/follow/print/comment vocabulary: "تابعونا على", "رابط مختصر",
 * "شارك", "Share Tweet", "12 تعليقات". */
static gboolean
is_widget_line (const Vocabulary *v,
                const Line       *line,
                const char       *key)
{
  char buffer[256];
  const char *tokens[9];
  guint n;
  gboolean any_widget_word = FALSE;

  if (is_font_widget (line))
    return TRUE;
  if (key == NULL || line->n_words > 8)
    return FALSE;
  n = key_tokens (key, buffer, sizeof buffer, tokens, 8);
  if (n == 0 || n > 8)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (set_has (v->widget_words, tokens[i]))
        any_widget_word = TRUE;
      else if (!set_has (v->widget_connectors, tokens[i]) && !is_number_token (tokens[i]))
        return FALSE;
    }
  return any_widget_word;
}

/* Up to four tokens that could be a person's name: no digits, no function words, the first
 * without the article. */
static gboolean
tokens_look_like_name (const Vocabulary  *v,
                       const char       **tokens,
                       guint              n)
{
  static const char *particles[] = {
    "بن", "ابن", "بنت", "عبد", "ابو", "ال", "bin", "al", "el", "abu", "de", "van", "von",
  };
  static const char *articles[] = { "ال", "وال", "بال", "لل", "فال", "كال" };
  gboolean has_particle = FALSE;

  if (n < 2 || n > 4)
    return FALSE;

  for (gsize k = 0; k < G_N_ELEMENTS (articles); k++)
    if (g_str_has_prefix (tokens[0], articles[k]))
      return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (strlen (tokens[i]) < 2)
        return FALSE;
      for (const char *p = tokens[i]; *p != '\0'; p++)
        if (g_ascii_isdigit (*p))
          return FALSE;
      if (set_has (v->not_name_words, tokens[i]) || set_has (v->widget_words, tokens[i]) ||
          set_has (v->prayer_names, tokens[i]) || set_has (v->stamp_units, tokens[i]))
        return FALSE;
      for (gsize k = 0; k < G_N_ELEMENTS (particles); k++)
        if (strcmp (tokens[i], particles[k]) == 0)
          has_particle = TRUE;
    }

  return n < 4 || has_particle;
}

/* A short line holding only a name: "علا سعدي".  Position decides whether it is a byline. */
static gboolean
is_name_like (const Vocabulary *v,
              const Doc        *doc,
              const Line       *line)
{
  const char *key = line_key (doc, line);
  char buffer[256];
  const char *tokens[5];
  guint n;

  if (key == NULL || line->n_words < 2 || line->n_words > 4 || line->n_digits > 0 ||
      line->n_punctuation > 0)
    return FALSE;
  /* One script: an Arabic name in Arabic letters, a Latin one in Latin letters */
  if (line->n_arabic > 0 && (line->n_latin > 0 || line->n_arabic_words != line->n_words))
    return FALSE;
  n = key_tokens (key, buffer, sizeof buffer, tokens, 4);
  return tokens_look_like_name (v, tokens, n);
}

/* "بقلم: محمد أحمد", "كتب - علا سعدي", "By John Smith": the name's start in the line, or NULL. */
static const char *
explicit_byline_name (const Vocabulary *v,
                      const Line       *line,
                      const char       *key)
{
  gsize prefix_length;
  char buffer[256];
  const char *tokens[5];
  guint n, prefix_letters = 0;
  const char *p, *end;
  gboolean separator = FALSE;

  if (key == NULL || line->n_words < 3 || line->n_words > 6 || line->n_digits > 0)
    return NULL;
  if (line->last == '.' || line->last == 0x061F || line->last == '!' || line->last == '?')
    return NULL;
  prefix_length = key_starts_with_any (key, v->byline_prefixes);
  if (prefix_length == 0 || key[prefix_length] != ' ')
    return NULL;
  n = key_tokens (key + prefix_length + 1, buffer, sizeof buffer, tokens, 4);
  if (!tokens_look_like_name (v, tokens, n))
    return NULL;

  /* Skip as many letters of the line as the prefix has, then what separates it from the name. */
  for (gsize i = 0; i < prefix_length; i++)
    if (key[i] != ' ')
      prefix_letters++;
  p = line->text;
  end = line->text + line->length;
  while (p < end && prefix_letters > 0)
    {
      gunichar f = fold_char (g_utf8_get_char (p));

      if (f != 0 && f != ' ')
        {
          guint bytes = f < 0x80 ? 1 : (guint) g_unichar_to_utf8 (f, NULL);

          prefix_letters -= MIN (bytes, prefix_letters);
        }
      p = g_utf8_next_char (p);
    }
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      gunichar f = fold_char (c);

      if (f != 0 && f != ' ')
        break;
      if (c == ':' || c == '-' || c == '/' || c == '|' || c == 0x2013 || c == 0x2014)
        separator = TRUE;
      p = g_utf8_next_char (p);
    }
  if (!separator)
    {
      g_autofree char *prefix = g_strndup (key, prefix_length);

      if (set_has (v->byline_prefixes_needing_separator, prefix))
        return NULL;
    }
  return p < end ? p : NULL;
}

/* Line of a prayer-time table: prayer names, possibly with a time.  Returns the prayer's
 * number (1–6), 0 when the line is something else. */
static guint
prayer_line_id (const Vocabulary *v,
                const Line       *line,
                const char       *key,
                gboolean         *has_time)
{
  char buffer[256];
  const char *tokens[9];
  guint n, id = 0;

  *has_time = FALSE;
  if (key == NULL || line->n_words > 8)
    return 0;
  n = key_tokens (key, buffer, sizeof buffer, tokens, 8);
  if (n == 0 || n > 8)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      gpointer value;

      if (g_hash_table_lookup_extended (v->prayer_names, tokens[i], NULL, &value))
        id = GPOINTER_TO_UINT (value);
      else if (is_number_token (tokens[i]))
        *has_time = TRUE;
      else if (!set_has (v->prayer_extras, tokens[i]))
        return 0;
    }
  return id;
}

/* Separators of breadcrumbs: "الرئيسية > أخبار > اقتصاد", "Home | News". */
static guint
count_separators (const Line *line)
{
  const char *p = line->text;
  const char *end = line->text + line->length;
  guint n = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '>' || c == '|' || c == '/' || c == 0x203A || c == 0x00BB || c == 0x276F)
        n++;
      p = g_utf8_next_char (p);
    }
  return n;
}

static guint
count_key_tokens (const char *key)
{
  guint n = *key != '\0';

  for (const char *p = key; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* "عذراً التعليقات مغلقة", "Comments are closed.": the phrase is most of the line, so that a
 * sentence quoting it stays. */
static gboolean
is_comment_notice (const Vocabulary *v,
                   const Line       *line,
                   const char       *key)
{
  if (line->n_words > 10)
    return FALSE;
  for (guint i = 0; i < v->comment_phrases->len; i++)
    {
      const char *phrase = g_ptr_array_index (v->comment_phrases, i);

      if (line->n_words <= count_key_tokens (phrase) + 3 && key_contains (key, phrase))
        return TRUE;
    }
  return FALSE;
}

/* "الوسوم: ..." or "Tags" alone: the label, then a colon. */
static gboolean
is_tag_list (const Vocabulary *v,
             const Line       *line,
             const char       *key)
{
  gsize prefix = key_starts_with_any (key, v->tag_prefixes);
  const char *colon;
  g_autofree char *label = NULL;

  if (prefix == 0)
    return FALSE;
  if (prefix == line->key_length)
    return TRUE;
  colon = memchr (line->text, ':', MIN (line->length, 64));
  if (colon == NULL)
    return FALSE;
  label = fold_len (line->text, (gsize) (colon - line->text));
  return strlen (label) == prefix;
}

static Reason
classify_line (const Vocabulary *v,
               const Doc        *doc,
               Line             *line)
{
  const char *key = line_key (doc, line);
  gsize prefix;

  if (line->n_words == 0)
    return REASON_SYMBOLS;
  if (is_clock_time (line))
    return REASON_CLOCK;
  if (key == NULL)
    return REASON_NONE;

  if (is_time_stamp (v, line, key))
    return REASON_STAMP;

  if (line->n_words <= 20 &&
      ((key_contains_any (key, v->script_words) && key_contains_any (key, v->script_verbs)) ||
       (key_contains_any (key, v->cookie_words) && key_contains_any (key, v->cookie_context))))
    return REASON_SCRIPT;

  if (is_comment_notice (v, line, key))
    return REASON_COMMENTS;

  if (line->n_words <= 25 &&
      (key_contains_any (key, v->copyright_phrases) ||
       g_str_has_prefix (key, "copyright ") ||
       g_strstr_len (line->text, (gssize) line->length, "©") != NULL))
    return REASON_COPYRIGHT;

  if (line->n_words <= 30 && is_tag_list (v, line, key))
    return REASON_TAGS;

  if (line->n_words <= 12 && key_starts_with_any (key, v->breadcrumb_starts) > 0 &&
      count_separators (line) >= 2)
    return REASON_BREADCRUMB;

  if (is_widget_line (v, line, key))
    return REASON_WIDGET;

  {
    gpointer kind;

    if (g_hash_table_lookup_extended (v->headings, key, NULL, &kind))
      {
        line->heading = GPOINTER_TO_UINT (kind);
        return REASON_HEADING;
      }
  }

  if (line->n_words <= 6 && key_starts_with_any (key, v->more_from_prefixes) > 0 &&
      !ends_sentence (line))
    {
      line->heading = HEADING_BUTTON;
      return REASON_HEADING;
    }

  prefix = key_starts_with_any (key, v->link_prefixes);
  if (prefix > 0 && line->n_words <= 25 && !is_strong_body (line))
    return REASON_READ_MORE_LINK;

  if (explicit_byline_name (v, line, key) != NULL)
    {
      /* Kept for take_byline(), even "By ..." in an Arabic article */
      line->explicit_byline = TRUE;
      return REASON_NONE;
    }

  if (doc->arabic && line->n_arabic == 0 && line->n_latin > 0 &&
      !(line->n_words >= 12 && ends_sentence (line)))
    return REASON_LATIN;

  return REASON_NONE;
}

/* ------------------------------------------------------------------------------------------ */
/* Splitting                                                                                   */

static void
trim (const char **text,
      gsize       *length)
{
  const char *p = *text;
  const char *end = p + *length;

  while (p < end)
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      if (!is_blank_char (c))
        break;
      p = g_utf8_next_char (p);
    }
  while (end > p)
    {
      const char *q = g_utf8_find_prev_char (p, end);
      gunichar c;

      if (q == NULL)
        break;
      c = g_utf8_get_char (q);
      if (!is_blank_char (c))
        break;
      end = q;
    }

  *text = p;
  *length = (gsize) (end - p);
}

/* "searchيستقبل ..." → "يستقبل ...", "Next Previous عين اليوم" → "عين اليوم". */
static gboolean
strip_latin_prefix (const Vocabulary *v,
                    Line             *line)
{
  const char *p = line->text;
  const char *end = line->text + line->length;
  const char *q = p;
  const char *stripped = NULL;

  while (q < end && g_ascii_isalpha (*q))
    q++;
  if (q > p && q < end && is_arabic_letter (g_utf8_get_char (q)))
    stripped = q;
  else
    {
      q = p;
      while (q < end)
        {
          const char *word = q;
          char lower[24];
          gsize n;

          while (q < end && g_ascii_isalpha (*q))
            q++;
          n = (gsize) (q - word);
          if (n == 0 || n >= sizeof lower)
            break;
          for (gsize i = 0; i < n; i++)
            lower[i] = g_ascii_tolower (word[i]);
          lower[n] = '\0';
          if (!set_has (v->latin_ui_prefixes, lower))
            break;
          while (q < end && (*q == ' ' || *q == '\t'))
            q++;
          if (q < end && is_arabic_letter (g_utf8_get_char (q)))
            {
              stripped = q;
              break;
            }
        }
    }

  if (stripped == NULL)
    return FALSE;
  line->length -= (gsize) (stripped - line->text);
  line->text = stripped;
  return TRUE;
}

static void
split_lines (Doc        *doc,
             const char *text)
{
  const char *p = text;
  guint64 n_arabic = 0, n_latin = 0;

  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      const char *line_end = nl != NULL ? nl : p + strlen (p);
      Line line = { 0 };

      line.text = p;
      line.length = (gsize) (line_end - p);
      trim (&line.text, &line.length);
      if (line.length > 0)
        {
          measure_line (doc, &line);
          n_arabic += line.n_arabic;
          n_latin += line.n_latin;
          g_array_append_val (doc->lines, line);
        }
      if (nl == NULL)
        break;
      p = nl + 1;
    }

  doc->arabic = n_arabic > 0 && n_arabic >= n_latin;
}

/* ------------------------------------------------------------------------------------------ */
/* Blocks                                                                                      */

#define LINE(i) (&g_array_index (doc->lines, Line, (i)))

/* Prayer-time tables: runs of prayer names and clock times (two prayers and two times at
 * least, so that "المغرب" alone stays Morocco), with the "مواقيت الصلاة" header before. */
static void
remove_prayer_tables (const Vocabulary *v,
                      Doc              *doc)
{
  guint n = doc->lines->len;
  guint i = 0;

  while (i < n)
    {
      guint start = i, ids = 0, n_times = 0;

      while (i < n)
        {
          Line *line = LINE (i);
          gboolean has_time = FALSE;
          guint id;

          if (line->reason == REASON_CLOCK)
            n_times++;
          else if ((id = prayer_line_id (v, line, line_key (doc, line), &has_time)) > 0)
            {
              ids |= 1u << id;
              n_times += has_time;
            }
          else
            break;
          i++;
        }

      if (i > start && n_times >= 2 && g_bit_nth_lsf (ids, -1) != g_bit_nth_msf (ids, -1) && ids != 0)
        {
          for (guint j = start; j < i; j++)
            LINE (j)->reason = REASON_PRAYER;
          /* The header may sit one or two lines up (a city or date line between). */
          for (guint back = 1; back <= 2 && back <= start; back++)
            {
              Line *header = LINE (start - back);
              const char *key = line_key (doc, header);

              if (key != NULL && header->n_words <= 12 &&
                  key_contains_any (key, v->prayer_headers))
                {
                  for (guint j = start - back; j < start; j++)
                    if (LINE (j)->reason == REASON_NONE && LINE (j)->n_words <= 12)
                      LINE (j)->reason = REASON_PRAYER;
                  break;
                }
            }
        }

      if (i == start)
        i++;
    }
}

/* "Recent posts" lists without a heading: title, teaser ending in "…", then a stamp. */
static void
remove_stamped_list_items (Doc *doc)
{
  guint n = doc->lines->len;
  guint n_stamps = 0;

  for (guint i = 0; i < n; i++)
    n_stamps += LINE (i)->reason == REASON_STAMP;
  if (n_stamps < 2)
    return;

  for (guint s = 1; s < n; s++)
    {
      Line *item;

      if (LINE (s)->reason != REASON_STAMP)
        continue;
      item = LINE (s - 1);
      if (item->reason != REASON_NONE || is_strong_body (item))
        continue;
      if (is_teaser (item))
        {
          item->reason = REASON_LIST_ITEM;
          if (s >= 2)
            {
              Line *title = LINE (s - 2);

              if (title->reason == REASON_NONE && is_title_like (title) && !is_strong_body (title))
                title->reason = REASON_LIST_ITEM;
            }
        }
      else if (is_title_like (item))
        item->reason = REASON_LIST_ITEM;
    }
}

/* A line that says the block holds related articles, or Latin link chrome. */
static gboolean
is_related_descriptor (const Doc  *doc,
                       const Line *line)
{
  const char *key = line_key (doc, line);

  if (key == NULL || line->n_words > 20 || is_strong_body (line))
    return FALSE;
  return key_contains (key, "ذات صله") || key_contains (key, "related") ||
         (line->n_arabic == 0 && line->n_latin > 0);
}

static void
remove_link_blocks (Doc *doc)
{
  guint n = doc->lines->len;
  gint last_strong = -1;

  for (guint i = 0; i < n; i++)
    {
      Line *line = LINE (i);

      if (line->reason == REASON_NONE && is_strong_body (line) &&
          !(i + 1 < n && LINE (i + 1)->reason == REASON_STAMP))
        last_strong = (gint) i;
    }

  for (guint i = 0; i < n; i++)
    {
      Line *heading = LINE (i);
      guint n_titles = 0;

      if (heading->reason != REASON_HEADING)
        continue;

      /* After the last sentence of the body, everything from the heading on is the block. */
      if (last_strong >= 0 && (gint) i > last_strong)
        {
          for (guint j = i + 1; j < n; j++)
            if (LINE (j)->reason == REASON_NONE)
              LINE (j)->reason = REASON_BLOCK;
          return;
        }

      /* Inside the body: only what clearly hangs from the heading. */
      for (guint j = i + 1; j < n; j++)
        {
          Line *line = LINE (j);

          if (line->reason != REASON_NONE)
            {
              if (line->reason == REASON_HEADING)
                break;
              continue;
            }
          if (is_related_descriptor (doc, line) || is_teaser (line))
            line->reason = REASON_BLOCK;
          else if (heading->heading == HEADING_LIST && n_titles < 5 && line->n_words >= 4 &&
                   is_title_like (line) && !is_strong_body (line))
            {
              line->reason = REASON_BLOCK;
              n_titles++;
            }
          else
            break;
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Byline                                                                                      */

static gboolean
is_chrome_reason (Reason reason)
{
  return reason != REASON_NONE && reason != REASON_DUPLICATE && reason != REASON_BYLINE;
}

static char *
take_byline (const Vocabulary *v,
             Doc              *doc)
{
  guint n = doc->lines->len;
  gint last_kept = -1, first_strong = -1, before_first = -1; /* first paragraph, in fact */
  guint n_kept_before = 0;

  /* Said in so many words: "بقلم: ...", "كتب ...", "By ..." */
  for (guint i = 0; i < n; i++)
    {
      Line *line = LINE (i);

      if (line->reason == REASON_NONE && line->explicit_byline)
        {
          const char *name = explicit_byline_name (v, line, line_key (doc, line));
          const char *end = line->text + line->length;

          if (name == NULL)
            continue;
          /* Trailing punctuation: "بقلم: علا سعدي *" */
          while (end > name)
            {
              const char *q = g_utf8_find_prev_char (name, end);
              gunichar f;

              if (q == NULL)
                break;
              f = fold_char (g_utf8_get_char (q));
              if (f != 0 && f != ' ')
                break;
              end = q;
            }
          line->reason = REASON_BYLINE;
          return g_strndup (name, (gsize) (end - name));
        }
    }

  /* A name as the last line before trailing page chrome */
  for (guint i = 0; i < n; i++)
    if (LINE (i)->reason == REASON_NONE)
      last_kept = (gint) i;
  if (last_kept >= 1)
    {
      gboolean chrome_after = FALSE;
      gboolean kept_before = FALSE;

      for (guint j = (guint) last_kept + 1; j < n; j++)
        chrome_after |= is_chrome_reason (LINE (j)->reason);
      for (gint j = 0; j < last_kept; j++)
        kept_before |= LINE (j)->reason == REASON_NONE;
      if (chrome_after && kept_before && is_name_like (v, doc, LINE (last_kept)))
        {
          Line *line = LINE (last_kept);

          line->reason = REASON_BYLINE;
          return g_strndup (line->text, line->length);
        }
    }

  /* A name between the headline block and the first sentence of the body */
  for (guint i = 0; i < n; i++)
    {
      Line *line = LINE (i);

      if (line->reason != REASON_NONE)
        continue;
      if (is_paragraph (line))
        {
          first_strong = (gint) i;
          break;
        }
      if (before_first >= 0)
        n_kept_before++;
      before_first = (gint) i;
    }
  /* ...told apart by the page furniture next to it (date, time, share or font widgets) */
  if (first_strong > 0 && before_first >= 0 && n_kept_before >= 1 &&
      is_name_like (v, doc, LINE (before_first)) &&
      ((before_first > 0 && is_chrome_reason (LINE (before_first - 1)->reason)) ||
       is_chrome_reason (LINE (before_first + 1)->reason)))
    {
      Line *line = LINE (before_first);

      line->reason = REASON_BYLINE;
      return g_strndup (line->text, line->length);
    }

  return NULL;
}

/* ------------------------------------------------------------------------------------------ */

void
rasd_clean_info_clear (RasdCleanInfo *info)
{
  g_return_if_fail (info != NULL);

  g_clear_pointer (&info->byline, g_free);
  g_clear_pointer (&info->headline, g_free);
  info->n_lines_removed = 0;
}

/* A line that can be an article's headline: a title-like line of two words or more ("زيارة
 * رسمية"), not a page stamp of a date or a number ("الأربعاء 15 مارس 2023"), nor a dateline. */
static gboolean
is_headline_like (const Line *line)
{
  gunichar c = line->last;

  if (line->n_digits > 0 && line->n_words <= 4)
    return FALSE;
  /* a dateline or a byline: "الرياض – واس", "NAME-سبق - متابعة" */
  if (line->n_words <= 5 && (g_strstr_len (line->text, line->length, "-") != NULL ||
                             g_strstr_len (line->text, line->length, "–") != NULL ||
                             g_strstr_len (line->text, line->length, "—") != NULL))
    return FALSE;
  return line->n_words >= 2 && line->n_words <= 20 && !line->ellipsis && line->length >= 8 &&
         c != '.' && c != '!' && c != '?' && c != 0x061F && c != 0x061B && c != 0x060C;
}

static gboolean
is_clause_end (gunichar c)
{
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' ||
         c == 0x060C /* ، */ || c == 0x061B /* ؛ */ || c == 0x061F /* ؟ */ || c == 0x06D4;
}

/* The lead's first clause as a headline: up to the first comma or full stop after five words
 * or more; at most HEADLINE_WORDS words, cut with "…" beyond. */
#define HEADLINE_WORDS 16

static char *
lead_clause (const Line *line)
{
  const char *end = line->text + line->length;
  const char *cut = NULL;
  guint n_words = 0;
  gboolean in_word = FALSE;

  for (const char *p = line->text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (in_word && n_words == HEADLINE_WORDS)
            {
              g_autofree char *words = g_strndup (line->text, p - line->text);
              return g_strconcat (words, "…", NULL);
            }
          in_word = FALSE;
          continue;
        }
      if (!in_word)
        n_words++;
      in_word = TRUE;
      if (is_clause_end (c) && n_words >= 5)
        {
          cut = p;
          break;
        }
    }
  if (n_words < 4)
    return NULL;
  return g_strndup (line->text, (cut != NULL ? cut : end) - line->text);
}

/* A headline for an article that has no title: the first title-like line among the first
 * kept ones, before the body begins; else the first clause of the lead. */
static char *
find_headline (Doc *doc)
{
  const Line *first = NULL;
  guint n_kept = 0;

  for (guint i = 0; i < doc->lines->len && n_kept < 4; i++)
    {
      const Line *line = LINE (i);

      if (line->reason != REASON_NONE)
        continue;
      n_kept++;
      if (first == NULL)
        first = line;
      if (is_paragraph (line))
        return lead_clause (line);
      if (is_headline_like (line))
        return g_strndup (line->text, line->length);
    }
  return first != NULL ? lead_clause (first) : NULL;
}

char *
rasd_clean_article_text (const char    *text,
                         RasdCleanInfo *info)
{
  const Vocabulary *v;
  g_autofree char *valid = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) keys = NULL;
  g_autofree char *byline = NULL;
  Doc doc_storage;
  Doc *doc = &doc_storage;
  GString *out;
  const Line *previous = NULL;
  guint n_removed = 0;
  gboolean debug;

  g_return_val_if_fail (text != NULL, NULL);

  if (info != NULL)
    rasd_clean_info_clear (info);

  if (!g_utf8_validate (text, -1, NULL))
    {
      valid = g_utf8_make_valid (text, -1);
      text = valid;
    }

  v = vocabulary ();
  lines = g_array_new (FALSE, FALSE, sizeof (Line));
  keys = g_string_sized_new (1024);
  doc->lines = lines;
  doc->keys = keys;
  doc->arabic = FALSE;

  split_lines (doc, text);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = LINE (i);

      if (doc->arabic && line->n_latin > 0 && strip_latin_prefix (v, line))
        {
          trim (&line->text, &line->length);
          measure_line (doc, line);
        }
      line->reason = classify_line (v, doc, line);
    }

  remove_prayer_tables (v, doc);
  remove_stamped_list_items (doc);
  remove_link_blocks (doc);
  byline = take_byline (v, doc);

  debug = !g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN);
  out = g_string_sized_new (strlen (text) + 1);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = LINE (i);

      if (line->reason == REASON_NONE && previous != NULL && previous->length == line->length &&
          memcmp (previous->text, line->text, line->length) == 0)
        line->reason = REASON_DUPLICATE;

      if (line->reason != REASON_NONE)
        {
          if (line->reason != REASON_BYLINE)
            n_removed++;
          if (debug)
            {
              /* At most 200 bytes, cut at a character boundary */
              const char *cut = line->text + MIN (line->length, 200);

              while (cut > line->text && cut < line->text + line->length && ((guchar) *cut & 0xc0) == 0x80)
                cut--;
              g_debug ("removed (%s): %.*s", reason_names[line->reason],
                       (int) (cut - line->text), line->text);
            }
          continue;
        }

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_len (out, line->text, (gssize) line->length);
      previous = line;
    }

  if (info != NULL)
    {
      info->byline = g_steal_pointer (&byline);
      info->headline = find_headline (doc);
      info->n_lines_removed = n_removed;
    }

  return g_string_free (out, FALSE);
}
