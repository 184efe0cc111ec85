#define G_LOG_DOMAIN "rasd-date"

#include "config.h"

#include <string.h>

#include "rasd-date.h"
#include "rasd-date-private.h"
#include "rasd-hash.h"

/* Reading dates off a text: normalising and looking words up in the lexicon, tokens, the
 * recursive-descent matcher and the post-pass (see rasd-date.c for the whole). */

/* ------------------------------------------------------------------------------------------ */
/* Normalisation                                                                             */

/* The matching form of one character; 0 when it is dropped (diacritics, tatweel, bidi and
 * zero-width marks). */
static gunichar
fold_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower ((char) c);
  if (c >= 0x0660 && c <= 0x0669)
    return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9)
    return '0' + (c - 0x06F0);
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
      (c >= 0x0610 && c <= 0x061A) || (c >= 0x06D6 && c <= 0x06ED && c != 0x06E5 && c != 0x06E6))
    return 0;
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF || c == 0x061C || c == 0x00AD)
    return 0;
  switch (c)
    {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673:
      return 0x0627;                    /* alef forms */
    case 0x0649: case 0x06CC: case 0x0626: case 0x06D2:
      return 0x064A;                    /* alef maqsura, Farsi yeh, yeh with hamza */
    case 0x0624:
      return 0x0648;                    /* waw with hamza */
    case 0x0629: case 0x06C0: case 0x06D5:
      return 0x0647;                    /* ta marbuta */
    case 0x06A9: case 0x06AF:
      return 0x0643;                    /* keheh, gaf */
    case 0x06A4:
      return 0x0641;                    /* veh */
    case 0x06A8:
      return 0x0642;                    /* Maghrebi qaf */
    case 0x067E:
      return 0x0628;                    /* peh */
    case 0x0686:
      return 0x062C;                    /* tcheh */
    case 0x00A0:
      return ' ';
    default:
      return c;
    }
}

enum
{
  K_IGNORE,
  K_SPACE,
  K_NEWLINE,
  K_DIGIT,
  K_LETTER,
  K_PUNCT,
};

static int
char_kind (gunichar f)
{
  if (f == 0)
    return K_IGNORE;
  if (f == '\n' || f == 0x2028 || f == 0x2029 || f == 0x0085)
    return K_NEWLINE;
  if (f >= '0' && f <= '9')
    return K_DIGIT;
  if (f < 0x80)
    {
      if (g_ascii_isalpha ((char) f))
        return K_LETTER;
      if (g_ascii_isspace ((char) f))
        return K_SPACE;
      return K_PUNCT;
    }
  if ((f >= 0x0621 && f <= 0x063A) || (f >= 0x0641 && f <= 0x064A) ||
      (f >= 0x066E && f <= 0x06D3))
    return K_LETTER;
  if (g_unichar_isspace (f))
    return K_SPACE;
  if (g_unichar_ismark (f))
    return K_IGNORE;
  if (g_unichar_isalpha (f))
    return K_LETTER;
  return K_PUNCT;
}

/* fold_char() and char_kind() of it for the characters below U+0800 (Latin, Arabic), where
 * nearly every character of a text is: one table read each instead of the comparisons. */
static guint16 fold_low[0x800];
static guint8 kind_low[0x800];

static void
fold_tables_init (void)
{
  for (gunichar c = 0; c < 0x800; c++)
    {
      gunichar f = fold_char (c);

      g_assert (f < 0x800);
      fold_low[c] = (guint16) f;
      kind_low[c] = (guint8) char_kind (f);
    }
}

static char
punct_code (gunichar f)
{
  switch (f)
    {
    case ',': case 0x060C: case 0x066C:
      return ',';
    case ';': case 0x061B:
      return ';';
    case '?': case 0x061F:
      return '?';
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return '-';
    case '/': case 0xFF0F: case 0x2044:
      return '/';
    case '(': case 0xFF08: case 0xFD3E:
      return '(';
    case ')': case 0xFF09: case 0xFD3F:
      return ')';
    case '.': case 0x06D4: case 0x066B:
      return '.';
    case '%': case 0x066A:
      return '%';
    case '"': case '\'': case 0x00AB: case 0x00BB: case 0x201C: case 0x201D: case 0x201E:
    case 0x2018: case 0x2019:
      return '"';
    default:
      return f < 0x80 ? (char) f : '#';
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Lexicon                                                                                   */

#define MON(w, v, a)  { w, C_MONTH, v, 0, 0, a, 1 }
#define HMON(w, v)    { w, C_HMONTH, v, 0, 0, 0, 1 }
#define HEAD(w, v)    { w, C_MONTH_HEAD, v, 0, 0, 0, 1 }
#define WDAY(w, v)    { w, C_WEEKDAY, v, 0, 0, 0, 1 }
#define ORD(w, o, t)  { w, C_ORDINAL, 0, o, t, 0, 0 }
#define TAIL(w, t)    { w, C_NONE, 0, 0, t, 0, 0 }
#define W(w, c, v)    { w, c, v, 0, 0, 0, 1 }
#define WNC(w, c, v)  { w, c, v, 0, 0, 0, 0 }
#define WA(w, c, v, a) { w, c, v, 0, 0, a, 1 }

static const LexEntry lexicon_entries[] = {
  /* Egyptian / Gulf */
  MON ("يناير", 1, 0), MON ("فبراير", 2, 0), MON ("مارس", 3, 1), MON ("أبريل", 4, 0),
  MON ("إبريل", 4, 0), MON ("ابريل", 4, 0), MON ("مايو", 5, 1), MON ("يونيو", 6, 0),
  MON ("يونيه", 6, 0), MON ("يوليو", 7, 0), MON ("يوليه", 7, 0), MON ("أغسطس", 8, 0),
  MON ("اغسطس", 8, 0), MON ("أغسطوس", 8, 0), MON ("سبتمبر", 9, 0), MON ("أكتوبر", 10, 0),
  MON ("اكتوبر", 10, 0), MON ("نوفمبر", 11, 0), MON ("ديسمبر", 12, 0),
  /* Levantine / Iraqi */
  MON ("شباط", 2, 0), MON ("آذار", 3, 0), MON ("نيسان", 4, 1), MON ("أيار", 5, 0),
  MON ("حزيران", 6, 0), MON ("تموز", 7, 1), MON ("آب", 8, 1), MON ("أيلول", 9, 0),
  HEAD ("كانون", HEAD_KANUN), HEAD ("تشرين", HEAD_TISHRIN),
  /* Algerian / Tunisian */
  MON ("جانفي", 1, 0), MON ("فيفري", 2, 0), MON ("أفريل", 4, 0), MON ("ماي", 5, 2),
  MON ("جوان", 6, 2), MON ("جويلية", 7, 0), MON ("جويلة", 7, 0), MON ("أوت", 8, 0),
  /* Moroccan */
  MON ("يوليوز", 7, 0), MON ("غشت", 8, 0), MON ("شتنبر", 9, 0), MON ("نونبر", 11, 0),
  MON ("دجنبر", 12, 0),
  /* Hijri */
  HMON ("محرم", 1), HMON ("المحرم", 1), HMON ("صفر", 2), HMON ("رجب", 7), HMON ("شعبان", 8),
  HMON ("رمضان", 9), HMON ("شوال", 10), HMON ("ذوالقعدة", 11), HMON ("ذوالحجة", 12),
  HEAD ("ربيع", HEAD_RABI), HEAD ("جمادى", HEAD_JUMADA), HEAD ("جماد", HEAD_JUMADA),
  HEAD ("ذو", HEAD_DHU), HEAD ("ذي", HEAD_DHU),
  /* Second words of month names, and day ordinals */
  ORD ("الأول", 1, T_FIRST), ORD ("الثاني", 2, T_SECOND), ORD ("الثالث", 3, 0),
  ORD ("الرابع", 4, 0), ORD ("الخامس", 5, 0), ORD ("السادس", 6, 0), ORD ("السابع", 7, 0),
  ORD ("الثامن", 8, 0), ORD ("التاسع", 9, 0), ORD ("العاشر", 10, 0), ORD ("العشرين", 20, 0),
  ORD ("الثلاثين", 30, 0),
  { "الحادي", C_ORDINAL, 0, 1, 0, 1, 0 },
  WNC ("عشر", C_TEEN, 10), WNC ("والعشرين", C_TENS, 20), WNC ("والثلاثين", C_TENS, 30),
  TAIL ("الأولى", T_FIRST), TAIL ("ثاني", T_SECOND), TAIL ("الثانية", T_SECOND),
  TAIL ("الآخر", T_LAST), TAIL ("الآخرة", T_LAST), TAIL ("الأخير", T_LAST),
  TAIL ("القعدة", T_QIDA), TAIL ("الحجة", T_HIJJA),
  { "أول", C_AWWAL, 0, 0, T_FIRST, 0, 0 },
  /* Weekdays */
  WDAY ("الاثنين", 1), WDAY ("الإثنين", 1), WDAY ("الأثنين", 1), WDAY ("الثلاثاء", 2),
  WDAY ("الأربعاء", 3), WDAY ("الخميس", 4), WDAY ("الجمعة", 5), WDAY ("السبت", 6),
  WDAY ("الأحد", 7),
  /* Relative days */
  W ("اليوم", C_TODAY, 0), W ("أمس", C_YESTERDAY, -1), W ("الأمس", C_YESTERDAY, -1),
  W ("غدا", C_TOMORROW, 1), W ("غد", C_GHAD, 1), W ("الغد", C_GHAD, 1),
  W ("الليلة", C_TONIGHT, 0), W ("يوم", C_DAYWORD, 0), W ("يومين", C_DAYS, 2),
  W ("أيام", C_DAYS, 0), W ("أسبوع", C_WEEKS, 1), W ("أسبوعين", C_WEEKS, 2),
  W ("أسابيع", C_WEEKS, 0),
  /* counts of days and weeks (عشر is C_TEEN: أيام take عشرة) */
  WNC ("ثلاثة", C_COUNT, 3), WNC ("ثلاث", C_COUNT, 3), WNC ("أربعة", C_COUNT, 4),
  WNC ("أربع", C_COUNT, 4), WNC ("خمسة", C_COUNT, 5), WNC ("خمس", C_COUNT, 5),
  WNC ("ستة", C_COUNT, 6), WNC ("ست", C_COUNT, 6), WNC ("سبعة", C_COUNT, 7),
  WNC ("سبع", C_COUNT, 7), WNC ("ثمانية", C_COUNT, 8), WNC ("ثماني", C_COUNT, 8),
  WNC ("تسعة", C_COUNT, 9), WNC ("تسع", C_COUNT, 9), WNC ("عشرة", C_COUNT, 10),
  /* Modifiers */
  WA ("الماضي", C_MOD, -1, 0), WA ("الماضية", C_MOD, -1, 0), WA ("المنصرم", C_MOD, -1, 0),
  WA ("المنصرمة", C_MOD, -1, 0), WA ("الفائت", C_MOD, -1, 0), WA ("الفائتة", C_MOD, -1, 0),
  WA ("السابق", C_MOD, -1, 1), WA ("السابقة", C_MOD, -1, 1), WA ("المقبل", C_MOD, 1, 0),
  WA ("المقبلة", C_MOD, 1, 0), WA ("القادم", C_MOD, 1, 0), WA ("القادمة", C_MOD, 1, 0),
  WA ("الجاري", C_MOD, 0, 0), WA ("الجارية", C_MOD, 0, 0), WA ("الحالي", C_MOD, 0, 1),
  WA ("الحالية", C_MOD, 0, 1), WA ("المقبلين", C_MOD, 1, 0), WA ("القادمين", C_MOD, 1, 0),
  WA ("الماضيين", C_MOD, -1, 0),
  W ("هذا", C_THIS, 0), W ("هذه", C_THIS, 0),
  W ("الأسبوع", C_PERIOD, UNIT_WEEK), W ("الشهر", C_PERIOD, UNIT_MONTH),
  /* "خلال اليومين المقبلين"، "في الأيام الماضية": some days on or back, told as a week */
  W ("اليومين", C_PERIOD, UNIT_WEEK), W ("الأيام", C_PERIOD, UNIT_WEEK),
  WA ("العام", C_YEARWORD, 0, 1), WA ("السنة", C_YEARWORD, 0, 1), W ("عام", C_YEARWORD, 0),
  W ("سنة", C_YEARWORD, 0), W ("لعام", C_YEARWORD, 0), W ("للعام", C_YEARWORD, 0),
  W ("عامي", C_YEARWORD, 0), W ("لسنة", C_YEARWORD, 0),
  W ("شهر", C_SHAHR, 0), W ("شهري", C_SHAHR, 0),
  /* seasons, by their middle month (winter's is January: most of it is in that year) */
  W ("الربيع", C_SEASON, 4), W ("الصيف", C_SEASON, 7), W ("الخريف", C_SEASON, 10),
  W ("الشتاء", C_SEASON, 1),
  W ("مطلع", C_PART, 0), W ("أوائل", C_PART, 0), W ("أواسط", C_PART, 0),
  W ("منتصف", C_PART, 0), W ("أواخر", C_PART, 0), W ("نهاية", C_PART, 0),
  W ("بداية", C_PART, 0), W ("مستهل", C_PART, 0), W ("بدايات", C_PART, 0),
  W ("نهايات", C_PART, 0), W ("أوخر", C_PART, 0),
  W ("صباح", C_TOD, 0), W ("مساء", C_TOD, 0), W ("ظهر", C_TOD, 0), W ("عصر", C_TOD, 0),
  W ("ليل", C_TOD, 0), W ("ليلة", C_TOD, 0), W ("فجر", C_TOD, 0), W ("ظهيرة", C_TOD, 0),
  W ("صبيحة", C_TOD, 0), W ("عشية", C_TOD, 0), W ("ضحى", C_TOD, 0),
  W ("صباحا", C_TOD_ALONE, 0), W ("ظهرا", C_TOD_ALONE, 0), W ("عصرا", C_TOD_ALONE, 0),
  W ("ليلا", C_TOD_ALONE, 0), W ("فجرا", C_TOD_ALONE, 0),
  /* Function words */
  W ("في", C_IN, 0), W ("منذ", C_CUE, CUE_SINCE), W ("خلال", C_CUE, CUE_DURING),
  W ("قبل", C_CUE, CUE_BEFORE), W ("بعد", C_CUE, CUE_AFTER), W ("حتى", C_TO, 0),
  W ("إلى", C_TO, 0), W ("لغاية", C_TO, 0), WNC ("من", C_FROM, 0), WNC ("و", C_AND, 0),
  WNC ("أو", C_OR, 0), W ("بين", C_BETWEEN, 0), W ("الموافق", C_EQUIV, 0),
  W ("الموافقة", C_EQUIV, 0), W ("بتاريخ", C_ONDATE, 0), W ("تاريخ", C_ONDATE, 0),
  WNC ("م", C_GSUF, 0), WNC ("ميلادي", C_GSUF, 0), WNC ("ميلادية", C_GSUF, 0),
  WNC ("للميلاد", C_GSUF, 0), WNC ("الميلادي", C_GSUF, 0), WNC ("الميلادية", C_GSUF, 0),
  WNC ("ه", C_HSUF, 0), WNC ("هجري", C_HSUF, 0), WNC ("هجرية", C_HSUF, 0),
  WNC ("للهجرة", C_HSUF, 0), WNC ("الهجري", C_HSUF, 0), WNC ("الهجرية", C_HSUF, 0),
  WNC ("ال", C_ART, 0),
  W ("سوف", C_FUTURE, 0), W ("المقرر", C_FUTURE, 0), W ("مقرر", C_FUTURE, 0),
  W ("المرتقب", C_FUTURE, 0), W ("المرتقبة", C_FUTURE, 0), W ("المزمع", C_FUTURE, 0),
  W ("المزمعة", C_FUTURE, 0), W ("يعتزم", C_FUTURE, 0), W ("تعتزم", C_FUTURE, 0),
  W ("المنتظر", C_FUTURE, 0), W ("المنتظرة", C_FUTURE, 0), W ("المرتقبين", C_FUTURE, 0),
  W ("ذلك", C_NOTODAY, 0), W ("نفس", C_NOTODAY, 0), W ("ذات", C_NOTODAY, 0),
  W ("صحيفة", C_NOTODAY, 0), W ("جريدة", C_NOTODAY, 0), W ("مثل", C_NOTODAY, 0),
  W ("التالي", C_DAYADJ, 0), W ("الوطني", C_DAYADJ, 0), W ("العالمي", C_DAYADJ, 0),
  W ("الذي", C_DAYADJ, 0), W ("الدولي", C_DAYADJ, 0), W ("المحدد", C_DAYADJ, 0),
  W ("الموعود", C_DAYADJ, 0), W ("الختامي", C_DAYADJ, 0), W ("التاريخي", C_DAYADJ, 0),
  W ("العربي", C_DAYADJ, 0), W ("المفتوح", C_DAYADJ, 0), W ("نفسه", C_DAYADJ, 0),
  W ("ذاته", C_DAYADJ, 0), W ("المشهود", C_DAYADJ, 0),
  W ("الأمين", C_TITLE, 0), W ("القائد", C_TITLE, 0), W ("المدير", C_TITLE, 0),
  W ("النائب", C_TITLE, 0), W ("المدعي", C_TITLE, 0), W ("المراقب", C_TITLE, 0),
  W ("المرشد", C_TITLE, 0), W ("المفوض", C_TITLE, 0), W ("المفتش", C_TITLE, 0),
  W ("المنسق", C_TITLE, 0), W ("المشرف", C_TITLE, 0), W ("المستشار", C_TITLE, 0),
  W ("الرأي", C_TITLE, 0), W ("الأمن", C_TITLE, 0), W ("القطاع", C_TITLE, 0),
  W ("المؤتمر", C_TITLE, 0), W ("الإضراب", C_TITLE, 0), W ("المال", C_TITLE, 0),
};

static char *
normalize_word (const char *word)
{
  GString *s = g_string_new (NULL);

  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      gunichar f = fold_char (g_utf8_get_char (p));
      if (f != 0)
        g_string_append_unichar (s, f);
    }
  return g_string_free (s, FALSE);
}

/* Most words of a text are in no date lexicon: a bit per word (rasd_str_filter_bit()), set
 * when the lexicon is built, rules them out before a hash lookup of the string. */
#define FILTER_LOG2_BITS 12

static guint64 lexicon_filter[(1 << FILTER_LOG2_BITS) / 64];

static inline gboolean
lexicon_may_have (const char *word,
                  gsize       len)
{
  guint32 bit = rasd_str_filter_bit (word, len, FILTER_LOG2_BITS);

  return (lexicon_filter[bit / 64] >> (bit % 64)) & 1;
}

static GHashTable *
lexicon (void)
{
  static gsize initialised = 0;
  static GHashTable *table = NULL;

  if (g_once_init_enter (&initialised))
    {
      GHashTable *t = g_hash_table_new (rasd_str_hash, g_str_equal);

      fold_tables_init ();

      for (gsize i = 0; i < G_N_ELEMENTS (lexicon_entries); i++)
        {
          char *key = normalize_word (lexicon_entries[i].word);
          const LexEntry *old = g_hash_table_lookup (t, key);

          /* Spelling variants that normalise alike must agree; one entry wins. */
          g_assert (old == NULL || (old->cls == lexicon_entries[i].cls &&
                                    old->value == lexicon_entries[i].value));
          if (old == NULL)
            {
              guint32 bit = rasd_str_filter_bit (key, strlen (key), FILTER_LOG2_BITS);

              lexicon_filter[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
              g_hash_table_insert (t, key, (gpointer) &lexicon_entries[i]);
            }
          else
            g_free (key);
        }
      table = t;
      g_once_init_leave (&initialised, 1);
    }
  return table;
}

#define AR_WAW "و"
#define AR_FA  "ف"
#define AR_BA  "ب"
#define AR_LAM "ل"

/* The entry of a normalised word, also behind one or two clitics (و، ف then ب، ل). */
static const LexEntry *
lex_lookup (GHashTable *table,
            const char *word,
            gsize       len,
            guint8     *clitic)
{
  const LexEntry *e = lexicon_may_have (word, len) ? g_hash_table_lookup (table, word) : NULL;
  const char *s = word;
  guint8 n = 0;

  *clitic = 0;
  if (e != NULL)
    return e;
  if (len < 6)
    return NULL;
  if (strncmp (s, AR_WAW, 2) == 0 || strncmp (s, AR_FA, 2) == 0)
    {
      s += 2;
      n++;
      e = lexicon_may_have (s, len - 2 * n) ? g_hash_table_lookup (table, s) : NULL;
      if (e != NULL && e->clitics)
        {
          *clitic = n;
          return e;
        }
    }
  if ((len - 2 * n) >= 6 && (strncmp (s, AR_BA, 2) == 0 || strncmp (s, AR_LAM, 2) == 0))
    {
      s += 2;
      n++;
      e = lexicon_may_have (s, len - 2 * n) ? g_hash_table_lookup (table, s) : NULL;
      if (e != NULL && e->clitics)
        {
          *clitic = n;
          return e;
        }
    }
  return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Tokens                                                                                    */

void
rasd_date_lexed_clear (Lexed *lx)
{
  g_clear_pointer (&lx->tokens, g_array_unref);
  if (lx->buf)
    g_string_free (lx->buf, TRUE);
  lx->buf = NULL;
}

static void
finish_token (Lexed      *lx,
              Token      *cur,
              GHashTable *table)
{
  g_string_append_c (lx->buf, '\0');
  if (cur->type == T_WORD)
    {
      const char *w = lx->buf->str + cur->norm;
      cur->lex = lex_lookup (table, w, strlen (w), &cur->clitic);
    }
  g_array_append_val (lx->tokens, *cur);
}

/* Tokenises @text up to @max_chars characters. */
static void
lex_text (const char *text,
          gsize       max_chars,
          Lexed      *lx)
{
  GHashTable *table = lexicon ();
  const char *p = text;
  gsize ci = 0;
  guint32 line = 0;
  guint8 gap = GAP_SPACE | GAP_NEWLINE;
  Token cur = { 0 };
  int cur_kind = -1;

  lx->tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), 256);
  lx->buf = g_string_sized_new (256);

  while (*p && ci < max_chars)
    {
      guchar b0 = (guchar) p[0];
      gunichar c;
      const char *next;
      gunichar f;
      int k;

      /* ASCII and two-byte characters (Arabic) decoded here, as g_utf8_get_char_validated()
       * would: C2..DF and a continuation byte is a valid character */
      if (b0 < 0x80)
        {
          c = b0;
          next = p + 1;
        }
      else if (b0 >= 0xC2 && b0 <= 0xDF && ((guchar) p[1] & 0xC0) == 0x80)
        {
          c = ((gunichar) (b0 & 0x1F) << 6) | ((guchar) p[1] & 0x3F);
          next = p + 2;
        }
      else if ((gint32) (c = g_utf8_get_char_validated (p, -1)) < 0)
        {
          c = 0xFFFD;
          next = p + 1;
        }
      else
        next = g_utf8_next_char (p);
      if (c < 0x800)
        {
          f = fold_low[c];
          k = kind_low[c];
        }
      else
        {
          f = fold_char (c);
          k = char_kind (f);
        }

      if (k == K_IGNORE)
        {
          if (cur_kind >= 0)
            {
              cur.char_end = ci + 1;
              cur.byte_end = next - text;
            }
          goto advance;
        }
      if (cur_kind >= 0 && k != cur_kind)
        {
          finish_token (lx, &cur, table);
          cur_kind = -1;
        }
      switch (k)
        {
        case K_SPACE:
          gap |= GAP_SPACE;
          break;
        case K_NEWLINE:
          gap |= GAP_SPACE | GAP_NEWLINE;
          line++;
          break;
        case K_DIGIT:
        case K_LETTER:
          if (cur_kind < 0)
            {
              cur = (Token) { 0 };
              cur.type = k == K_DIGIT ? T_NUM : T_WORD;
              cur.char_start = ci;
              cur.byte_start = p - text;
              cur.norm = lx->buf->len;
              cur.line = line;
              cur.gap = gap;
              gap = 0;
              cur_kind = k;
            }
          if (k == K_DIGIT)
            {
              if (cur.ndigits < 9)
                cur.value = cur.value * 10 + (int) (f - '0');
              else
                cur.value = -1;
              if (cur.ndigits < 255)
                cur.ndigits++;
            }
          /* the UTF-8 of g_string_append_unichar(), without the call for the common cases */
          if (f < 0x80)
            g_string_append_c (lx->buf, (char) f);
          else if (f < 0x800)
            {
              g_string_append_c (lx->buf, (char) (0xC0 | (f >> 6)));
              g_string_append_c (lx->buf, (char) (0x80 | (f & 0x3F)));
            }
          else
            g_string_append_unichar (lx->buf, f);
          cur.char_end = ci + 1;
          cur.byte_end = next - text;
          break;
        case K_PUNCT:
        default:
          {
            Token t = { 0 };
            t.type = T_PUNCT;
            t.char_start = ci;
            t.char_end = ci + 1;
            t.byte_start = p - text;
            t.byte_end = next - text;
            t.norm = lx->buf->len;
            t.line = line;
            t.gap = gap;
            t.punct = punct_code (f);
            gap = 0;
            g_string_append_c (lx->buf, '\0');
            g_array_append_val (lx->tokens, t);
          }
          break;
        }
    advance:
      p = next;
      ci++;
    }
  if (cur_kind >= 0)
    finish_token (lx, &cur, table);
}

/* ------------------------------------------------------------------------------------------ */
/* Matching                                                                                  */

typedef struct
{
  const Token *t;
  guint        n;
  const char  *buf;
} P;

static inline const LexEntry *
tlex (const P *p,
      guint    i)
{
  return i < p->n ? p->t[i].lex : NULL;
}

static inline int
tcls (const P *p,
      guint    i)
{
  const LexEntry *e = tlex (p, i);
  return e ? e->cls : C_NONE;
}

static inline gboolean
tpunct (const P *p,
        guint    i,
        char     c)
{
  return i < p->n && p->t[i].type == T_PUNCT && p->t[i].punct == c;
}

static inline gboolean
tnum (const P *p,
      guint    i)
{
  return i < p->n && p->t[i].type == T_NUM;
}

static inline gboolean
tword (const P *p,
       guint    i)
{
  return i < p->n && p->t[i].type == T_WORD;
}

static inline const char *
tnorm (const P *p,
       guint    i)
{
  return i < p->n ? p->buf + p->t[i].norm : "";
}

static inline gboolean
tattached (const P *p,
           guint    i)
{
  return i < p->n && p->t[i].gap == 0;
}

/* A day number 1..31 that is not part of a decimal, a time or a percentage. */
static gboolean
num_day (const P *p,
         guint    i,
         int     *day,
         guint   *end)
{
  const Token *t = &p->t[i];

  if (t->ndigits > 2 || t->value < 1 || t->value > 31)
    return FALSE;
  if (i >= 2 && tattached (p, i) && p->t[i - 1].type == T_PUNCT &&
      strchr (".,:", p->t[i - 1].punct) && tnum (p, i - 2) && tattached (p, i - 1))
    return FALSE;
  if (i + 2 < p->n && p->t[i + 1].type == T_PUNCT && strchr (".,:", p->t[i + 1].punct) &&
      tattached (p, i + 1) && tnum (p, i + 2) && tattached (p, i + 2))
    return FALSE;
  if (tpunct (p, i + 1, '%'))
    return FALSE;
  *day = t->value;
  *end = i + 1;
  return TRUE;
}

static gboolean
parse_day (const P *p,
           guint    i,
           int     *day,
           guint   *end)
{
  const LexEntry *e;

  if (tnum (p, i))
    return num_day (p, i, day, end);
  /* "ال26", "الـ 26" */
  if (tcls (p, i) == C_ART && tnum (p, i + 1))
    return num_day (p, i + 1, day, end);
  e = tlex (p, i);
  if (e != NULL && e->ord > 0 && p->t[i].clitic == 0)
    {
      int o = e->ord;
      guint j = i + 1;

      if (tcls (p, j) == C_TEEN && o <= 9)
        {
          o += 10;
          j++;
        }
      else if (tcls (p, j) == C_TENS && o <= 9)
        {
          o += tlex (p, j)->value;
          j++;
        }
      else if (e->aux)
        return FALSE;
      if (o < 1 || o > 31)
        return FALSE;
      *day = o;
      *end = j;
      return TRUE;
    }
  return FALSE;
}

typedef struct
{
  int      month;
  gboolean hijri;
  int      amb;
  gboolean paired;
  guint    end;
} MonthInfo;

static gboolean
parse_month_name (const P   *p,
                  guint      i,
                  MonthInfo *mi)
{
  const LexEntry *e = tlex (p, i);
  const LexEntry *t;
  int tail;

  if (e == NULL)
    return FALSE;
  mi->amb = 0;
  mi->paired = FALSE;
  switch (e->cls)
    {
    case C_MONTH:
      mi->month = e->value;
      mi->hijri = FALSE;
      mi->amb = e->aux;
      mi->end = i + 1;
      return TRUE;
    case C_HMONTH:
      mi->month = e->value;
      mi->hijri = TRUE;
      mi->end = i + 1;
      return TRUE;
    case C_MONTH_HEAD:
      t = tlex (p, i + 1);
      tail = t && p->t[i + 1].clitic == 0 ? t->tail : 0;
      mi->month = 0;
      switch (e->value)
        {
        case HEAD_KANUN:
          mi->month = tail == T_FIRST ? 12 : tail == T_SECOND ? 1 : 0;
          break;
        case HEAD_TISHRIN:
          mi->month = tail == T_FIRST ? 10 : tail == T_SECOND ? 11 : 0;
          break;
        case HEAD_RABI:
          mi->month = tail == T_FIRST ? 3 : (tail == T_SECOND || tail == T_LAST) ? 4 : 0;
          break;
        case HEAD_JUMADA:
          mi->month = tail == T_FIRST ? 5 : (tail == T_SECOND || tail == T_LAST) ? 6 : 0;
          break;
        case HEAD_DHU:
          mi->month = tail == T_QIDA ? 11 : tail == T_HIJJA ? 12 : 0;
          break;
        default:
          break;
        }
      if (mi->month == 0)
        return FALSE;
      mi->hijri = e->value >= HEAD_RABI;
      mi->end = i + 2;
      return TRUE;
    default:
      return FALSE;
    }
}

/* A month name, possibly followed by the same month in another naming system:
 * "مارس/آذار", "مارس (آذار)", "آب - أغسطس". */
static gboolean
parse_month (const P   *p,
             guint      i,
             MonthInfo *mi)
{
  MonthInfo m2;
  guint k;
  gboolean paren = FALSE;

  if (!parse_month_name (p, i, mi))
    return FALSE;
  if (mi->hijri)
    return TRUE;
  k = mi->end;
  if (tpunct (p, k, '/') || tpunct (p, k, '-') || tpunct (p, k, '\\') || tpunct (p, k, '|'))
    k++;
  else if (tpunct (p, k, '('))
    {
      paren = TRUE;
      k++;
    }
  else
    return TRUE;
  if (parse_month_name (p, k, &m2) && !m2.hijri && m2.month == mi->month)
    {
      guint e = m2.end;
      if (paren)
        {
          if (!tpunct (p, e, ')'))
            return TRUE;
          e++;
        }
      mi->end = e;
      mi->paired = TRUE;
      mi->amb = 0;
    }
  return TRUE;
}

enum { SUF_NONE, SUF_GREG, SUF_HIJRI };

/* [من] [عام] YYYY [م|هـ] */
static gboolean
parse_year (const P *p,
            guint    i,
            int     *year,
            int     *suffix,
            guint   *end)
{
  guint j = i;

  if (tcls (p, j) == C_FROM && tcls (p, j + 1) == C_YEARWORD)
    j++;
  if (tcls (p, j) == C_YEARWORD)
    j++;
  if (!tnum (p, j) || p->t[j].ndigits != 4)
    return FALSE;
  *year = p->t[j].value;
  j++;
  *suffix = SUF_NONE;
  if (tcls (p, j) == C_GSUF)
    {
      *suffix = SUF_GREG;
      j++;
    }
  else if (tcls (p, j) == C_HSUF)
    {
      *suffix = SUF_HIJRI;
      j++;
    }
  *end = j;
  return TRUE;
}

static gboolean
year_in_range (int      y,
               gboolean hijri)
{
  return hijri ? (y >= 1 && y <= 1600) : (y >= 1000 && y <= 2199);
}

/* "15/3/2023", "2023-03-15", "14 / 10 / 1436هـ". */
static guint
parse_numeric (const P *p,
               guint    i,
               Raw     *r)
{
  char sep;
  const Token *a, *b, *c;
  int y, m, d, suffix = SUF_NONE;
  guint j;
  gboolean hijri;

  if (!tnum (p, i) || i + 4 >= p->n || p->t[i + 1].type != T_PUNCT)
    return 0;
  sep = p->t[i + 1].punct;
  if (sep != '/' && sep != '-' && sep != '.')
    return 0;
  if (!tnum (p, i + 2) || !tpunct (p, i + 3, sep) || !tnum (p, i + 4))
    return 0;
  if (i >= 2 && tnum (p, i - 2) && tpunct (p, i - 1, sep))
    return 0;
  if (tpunct (p, i + 5, sep) && tnum (p, i + 6))
    return 0;
  if (sep == '.' && (p->t[i + 1].gap || p->t[i + 2].gap || p->t[i + 3].gap || p->t[i + 4].gap))
    return 0;
  a = &p->t[i];
  b = &p->t[i + 2];
  c = &p->t[i + 4];
  if (a->ndigits == 4 && b->ndigits <= 2 && c->ndigits <= 2)
    {
      y = a->value;
      m = b->value;
      d = c->value;
    }
  else if (c->ndigits == 4 && a->ndigits <= 2 && b->ndigits <= 2)
    {
      d = a->value;
      m = b->value;
      y = c->value;
      if (m > 12 && d <= 12)
        {
          int tmp = m;
          m = d;
          d = tmp;
        }
    }
  else
    return 0;
  j = i + 5;
  if (tcls (p, j) == C_GSUF)
    {
      suffix = SUF_GREG;
      j++;
    }
  else if (tcls (p, j) == C_HSUF)
    {
      suffix = SUF_HIJRI;
      j++;
    }
  hijri = suffix == SUF_HIJRI || (suffix == SUF_NONE && y >= 1300 && y <= 1500);
  if (hijri)
    {
      if (m < 1 || m > 12 || d < 1 || d > 30 || y < 1)
        return 0;
    }
  else if (y < 1800 || y > 2199 || !rasd_date_is_valid (y, m, d))
    return 0;
  r->m.kind = RASD_DATE_KIND_ABSOLUTE;
  r->m.stated = (RasdDate) { y, m, d, RASD_DATE_PRECISION_DAY };
  if (hijri)
    r->m.flags |= RASD_DATE_FLAG_HIJRI;
  return j;
}

#define NO_MOD 99

static gboolean
day_fits (int      day,
          int      month,
          int      year,
          gboolean hijri)
{
  if (hijri)
    return day >= 1 && day <= 30;
  if (year)
    return rasd_date_is_valid (year, month, day);
  return day >= 1 && day <= rasd_date_days_in_month (2000, month);
}

/* Day(s), month, year: "15 مارس 2023", "10-11 مايو 2010", "من 19 إلى 22 فبراير", "السادس
 * والعشرين من فبراير", "مارس 2023", "ديسمبر الماضي", "26 شوال 1436 هـ", numeric dates.
 * @last_end is the token after the previous mention (for "شهري مارس وأبريل"). */
static guint
parse_calendar (const P *p,
                guint    i,
                guint    last_end,
                Raw     *r)
{
  MonthInfo mi;
  int d1 = 0, d2 = 0, y = 0, suffix = SUF_NONE, mod = NO_MOD, year_offset = NO_MOD;
  guint j = i, e;

  if ((e = parse_numeric (p, i, r)))
    return e;

  if (parse_day (p, j, &d1, &j))
    {
      guint k = j, k2;
      int dd;

      if ((tpunct (p, k, '-') || tcls (p, k) == C_AND || tcls (p, k) == C_OR ||
           tcls (p, k) == C_TO) && p->t[k].clitic == 0 &&
          parse_day (p, k + 1, &dd, &k2) && dd > d1)
        {
          d2 = dd;
          j = k2;
        }
      if (tcls (p, j) == C_FROM)
        j++;
      if (!parse_month (p, j, &mi))
        {
          /* "29 من الشهر الجاري" */
          const LexEntry *pe = tlex (p, j);
          if (pe && pe->cls == C_PERIOD && pe->value == UNIT_MONTH && tcls (p, j + 1) == C_MOD)
            {
              r->m.kind = RASD_DATE_KIND_MONTH_OFFSET;
              r->m.offset = tlex (p, j + 1)->value;
              r->m.stated = (RasdDate) { 0, 0, d1, RASD_DATE_PRECISION_DAY };
              r->m.flags |= RASD_DATE_FLAG_RELATIVE;
              if (d2)
                {
                  r->m.stated_end = (RasdDate) { 0, 0, d2, RASD_DATE_PRECISION_DAY };
                  r->m.flags |= RASD_DATE_FLAG_RANGE;
                }
              return j + 2;
            }
          return 0;
        }
    }
  else if (!parse_month (p, j, &mi))
    return 0;
  else
    d1 = 0;

  j = mi.end;
  if (parse_year (p, j, &y, &suffix, &e))
    {
      if (year_in_range (y, mi.hijri))
        j = e;
      else
        y = 0;
    }
  if (y == 0 && !mi.hijri && tcls (p, j) == C_MOD && p->t[j].clitic == 0)
    {
      mod = tlex (p, j)->value;
      j++;
    }
  else if (y == 0 && !mi.hijri && tcls (p, j) == C_FROM)
    {
      /* "مايو من العام الماضي", "مارس من هذا العام" */
      guint q = j + 1;
      gboolean this = tcls (p, q) == C_THIS;
      const LexEntry *ye;

      if (this)
        q++;
      ye = tlex (p, q);
      if (ye && ye->cls == C_YEARWORD && ye->aux && p->t[q].clitic == 0)
        {
          if (this)
            {
              year_offset = 0;
              j = q + 1;
            }
          else if (tcls (p, q + 1) == C_MOD && p->t[q + 1].clitic == 0)
            {
              year_offset = tlex (p, q + 1)->value;
              j = q + 2;
            }
        }
    }

  if (mi.hijri && y == 0)
    return 0;
  if (d1 == 0 && y == 0 && mod == NO_MOD && year_offset == NO_MOD && !mi.paired)
    {
      int prev = tcls (p, i - 1);
      gboolean cue = prev == C_IN || prev == C_CUE || prev == C_TO || prev == C_SHAHR ||
                     prev == C_PART || prev == C_FROM || prev == C_BETWEEN;

      if (!cue && i > 0 && last_end != G_MAXUINT &&
          (((prev == C_AND || tpunct (p, i - 1, ',')) && last_end == i - 1) ||
           (p->t[i].clitic > 0 && last_end == i)))
        cue = TRUE;
      if (!cue || mi.amb >= 2)
        return 0;
    }
  if (d1 && !day_fits (d1, mi.month, y, mi.hijri))
    return 0;
  if (d2 && !day_fits (d2, mi.month, y, mi.hijri))
    return 0;

  if (year_offset != NO_MOD)
    {
      r->m.kind = RASD_DATE_KIND_YEAR_OFFSET;
      mod = year_offset;
    }
  else
    r->m.kind = mod != NO_MOD ? RASD_DATE_KIND_NAMED_MONTH : RASD_DATE_KIND_ABSOLUTE;
  r->m.offset = mod != NO_MOD ? mod : 0;
  r->m.stated = (RasdDate) { y, mi.month, d1,
                             d1 ? RASD_DATE_PRECISION_DAY : RASD_DATE_PRECISION_MONTH };
  if (d2)
    {
      r->m.stated_end = (RasdDate) { y, mi.month, d2, RASD_DATE_PRECISION_DAY };
      r->m.flags |= RASD_DATE_FLAG_RANGE;
    }
  if (mi.hijri)
    r->m.flags |= RASD_DATE_FLAG_HIJRI;
  if (mod != NO_MOD)
    {
      r->m.flags |= RASD_DATE_FLAG_RELATIVE;
      if (mod < 0)
        r->m.flags |= RASD_DATE_FLAG_PAST;
      else if (mod > 0)
        r->m.flags |= RASD_DATE_FLAG_FUTURE;
    }
  return j;
}

/* Whether "اليوم" at @i can be read as the day of writing rather than "the day". */
static gboolean
today_ok (const P *p,
          guint    i)
{
  int prev = tcls (p, i - 1);
  const LexEntry *next = tlex (p, i + 1);

  if (prev == C_NOTODAY || prev == C_THIS)
    return FALSE;
  /* A byline "عين اليوم – جدة" or a name in quotes "«اليوم»". */
  if (tpunct (p, i + 1, '-'))
    return FALSE;
  if (tpunct (p, i - 1, '"') && tpunct (p, i + 1, '"'))
    return FALSE;
  /* "اليوم التالي", "اليوم الوطني", "اليوم الأول من الزيارة". */
  if (next != NULL && p->t[i + 1].clitic == 0 &&
      (next->cls == C_DAYADJ || next->cls == C_ORDINAL || next->tail != 0))
    return FALSE;
  return TRUE;
}

static void
set_direction_flags (Raw *r,
                     int  offset)
{
  if (offset < 0)
    r->m.flags |= RASD_DATE_FLAG_PAST;
  else if (offset > 0)
    r->m.flags |= RASD_DATE_FLAG_FUTURE;
}

/* @r as @offset days or weeks (@kind) from the day of writing, from token @first; returns @end. */
static guint
relative_offset (Raw          *r,
                 RasdDateKind  kind,
                 int           offset,
                 guint         first,
                 guint         end)
{
  r->m.kind = kind;
  r->m.offset = offset;
  r->m.flags |= RASD_DATE_FLAG_RELATIVE;
  set_direction_flags (r, r->m.offset);
  r->first = first;
  return end;
}

/* After a relative day: an optional weekday "(الثلاثاء)" and an optional date. */
static guint
relative_tail (const P *p,
               guint    first,
               guint    j,
               int      offset,
               Raw     *r)
{
  int wd = 0;
  guint k = j;
  gboolean paren = FALSE;
  Raw cal = { 0 };
  guint e;

  if (tpunct (p, k, '('))
    {
      paren = TRUE;
      k++;
    }
  else if (tpunct (p, k, ','))
    k++;
  if (tcls (p, k) == C_WEEKDAY && p->t[k].clitic == 0)
    {
      wd = tlex (p, k)->value;
      k++;
      if (paren)
        {
          if (tpunct (p, k, ')'))
            k++;
          else
            wd = 0;
        }
      if (wd)
        j = k;
    }

  k = j;
  if (tpunct (p, k, ','))
    k++;
  e = parse_calendar (p, k, G_MAXUINT, &cal);
  if (e && cal.m.stated.day && !(cal.m.flags & RASD_DATE_FLAG_RANGE) &&
      (cal.m.kind == RASD_DATE_KIND_ABSOLUTE || cal.m.kind == RASD_DATE_KIND_NAMED_MONTH))
    {
      *r = cal;
      r->m.flags |= RASD_DATE_FLAG_TODAY;
      r->m.offset = offset;
      if (wd)
        {
          r->m.weekday = wd;
          r->m.flags |= RASD_DATE_FLAG_HAS_WEEKDAY;
        }
      r->first = first;
      return e;
    }

  if (wd)
    {
      r->m.weekday = wd;
      r->m.flags |= RASD_DATE_FLAG_HAS_WEEKDAY;
    }
  return relative_offset (r, RASD_DATE_KIND_DAY_OFFSET, offset, first, j);
}

static guint
parse_relative (const P *p,
                guint    i,
                Raw     *r)
{
  int off;
  guint j;
  const LexEntry *next;

  switch (tcls (p, i))
    {
    case C_TODAY:
      if (!today_ok (p, i))
        return 0;
      off = 0;
      j = i + 1;
      break;
    case C_YESTERDAY:
      next = tlex (p, i + 1);
      if (next && next->cls == C_ORDINAL && next->ord == 1 && p->t[i + 1].clitic == 0)
        {
          off = -2;
          j = i + 2;
        }
      else if (strcmp (tnorm (p, i + 1), "القريب") == 0)
        return 0;               /* "بالأمس القريب": recently */
      else
        {
          off = -1;
          j = i + 1;
        }
      break;
    case C_TOMORROW:
      off = 1;
      j = i + 1;
      break;
    case C_AWWAL:
      if (tcls (p, i + 1) == C_FROM && tcls (p, i + 2) == C_YESTERDAY)
        j = i + 3;
      else if (tcls (p, i + 1) == C_YESTERDAY)
        j = i + 2;
      else
        return 0;
      off = -2;
      break;
    case C_TOD_ALONE:
      /* "وكان قد التقاه صباحا": this morning; "الأحد صباحا"، "العاشرة صباحا" are of the day
       * or the hour before it */
      if (i > 0 && (p->t[i - 1].type == T_NUM || tlex (p, i - 1) != NULL))
        return 0;
      off = 0;
      j = i + 1;
      break;
    case C_TONIGHT:
      if (tcls (p, i + 1) == C_MOD && tlex (p, i + 1)->value < 0)
        {
          off = -1;
          j = i + 2;
        }
      else
        {
          off = 0;
          j = i + 1;
        }
      break;
    case C_GHAD:
      /* "يوم غد", "صباح الغد"; "بعد غد" is read at بعد. */
      if (tcls (p, i - 1) != C_TOD && tcls (p, i - 1) != C_DAYWORD)
        return 0;
      off = 1;
      j = i + 1;
      break;
    default:
      return 0;
    }
  return relative_tail (p, i, j, off, r);
}

static guint
parse_weekday (const P *p,
               guint    i,
               Raw     *r)
{
  int wd = tlex (p, i)->value;
  guint j = i + 1, k = j, e;
  gboolean paren = FALSE;
  Raw cal = { 0 };

  if (tcls (p, j) == C_TEEN)
    return 0;                   /* "الأحد عشر": eleven */
  if (tpunct (p, k, ','))
    k++;
  if (tcls (p, k) == C_DAYWORD || tcls (p, k) == C_EQUIV)
    k++;
  if (tpunct (p, k, '('))
    {
      paren = TRUE;
      k++;
    }
  e = parse_calendar (p, k, G_MAXUINT, &cal);
  if (e && cal.m.stated.day &&
      (cal.m.kind == RASD_DATE_KIND_ABSOLUTE || cal.m.kind == RASD_DATE_KIND_NAMED_MONTH) &&
      (!paren || tpunct (p, e, ')')))
    {
      *r = cal;
      if (paren)
        e++;
      r->first = i;
      r->m.weekday = wd;
      r->m.flags |= RASD_DATE_FLAG_HAS_WEEKDAY;
      return e;
    }

  r->m.kind = RASD_DATE_KIND_WEEKDAY;
  r->m.weekday = wd;
  r->m.flags |= RASD_DATE_FLAG_RELATIVE | RASD_DATE_FLAG_HAS_WEEKDAY;
  if (tcls (p, j) == C_MOD && p->t[j].clitic == 0 && tlex (p, j)->value != 0)
    {
      r->m.offset = tlex (p, j)->value;
      set_direction_flags (r, r->m.offset);
      j++;
    }
  else
    {
      if (tcls (p, j) == C_MOD && p->t[j].clitic == 0)
        j++;
      r->m.offset = 0;
      r->m.flags |= RASD_DATE_FLAG_WEEKDAY_ONLY;
    }
  /* "ليل الأحد - الاثنين" */
  if (tpunct (p, j, '-') && tcls (p, j + 1) == C_WEEKDAY)
    j += 2;
  r->first = i;
  return j;
}

static gboolean
is_definite_word (const P *p,
                  guint    i)
{
  return tword (p, i) && g_str_has_prefix (tnorm (p, i), "ال");
}

/* "الشهر الماضي", "العام المقبل", "الأسبوع الجاري"; @this for "هذا العام". */
static guint
parse_period (const P *p,
              guint    i,
              gboolean this,
              Raw     *r)
{
  const LexEntry *e = tlex (p, i);
  const LexEntry *mod;
  int unit, offset;
  guint j;

  if (e == NULL || p->t[i].clitic > 1)
    return 0;
  if (e->cls == C_PERIOD)
    unit = e->value;
  else if (e->cls == C_YEARWORD && e->aux)
    unit = UNIT_YEAR;
  else
    return 0;

  if (this)
    {
      offset = 0;
      j = i + 1;
    }
  else if ((tcls (p, i + 1) != C_MOD || p->t[i + 1].clitic) && i > 0 && tcls (p, i - 1) == C_PART &&
           p->t[i].clitic == 0 && is_definite_word (p, i))
    {
      /* "مطلع العام"، "منذ بداية الشهر": part of the one we are in */
      offset = 0;
      j = i + 1;
    }
  else
    {
      if (tcls (p, i + 1) != C_MOD || p->t[i + 1].clitic)
        return 0;
      mod = tlex (p, i + 1);
      if (unit == UNIT_YEAR)
        {
          /* "الأمين العام السابق" is a former secretary general. */
          if (tcls (p, i - 1) == C_TITLE && p->t[i].clitic == 0)
            return 0;
          if (mod->aux && is_definite_word (p, i - 1) && p->t[i].clitic == 0)
            return 0;
        }
      offset = mod->value;
      j = i + 2;
    }
  r->m.kind = unit == UNIT_WEEK ? RASD_DATE_KIND_WEEK_OFFSET
            : unit == UNIT_MONTH ? RASD_DATE_KIND_MONTH_OFFSET : RASD_DATE_KIND_YEAR_OFFSET;
  r->m.offset = offset;
  r->m.flags |= RASD_DATE_FLAG_RELATIVE;
  set_direction_flags (r, offset);
  r->first = i;
  return j;
}

/* "الخريف المقبل", "الصيف الماضي", "هذا الشتاء" (@this): a season; "الربيع العربي" is none. */
static guint
parse_season (const P *p,
              guint    i,
              gboolean this,
              Raw     *r)
{
  const LexEntry *e = tlex (p, i);
  int offset = 0;
  guint j = i + 1;

  if (e == NULL || e->cls != C_SEASON || p->t[i].clitic > 1)
    return 0;
  if (!this)
    {
      if (tcls (p, i + 1) != C_MOD || p->t[i + 1].clitic)
        return 0;
      offset = tlex (p, i + 1)->value;
      j = i + 2;
    }
  r->m.kind = RASD_DATE_KIND_SEASON;
  r->m.offset = offset;
  r->m.stated.month = e->value;
  r->m.stated.precision = RASD_DATE_PRECISION_MONTH;
  r->m.flags |= RASD_DATE_FLAG_RELATIVE;
  set_direction_flags (r, offset);
  r->first = i;
  return j;
}

static gboolean
year_follow_ok (const P *p,
                guint    j)
{
  const char *w;

  if (j >= p->n || p->t[j].type != T_WORD || (p->t[j].gap & GAP_NEWLINE))
    return TRUE;
  if (tcls (p, j) == C_TO || tcls (p, j) == C_AND || tcls (p, j) == C_GSUF || tcls (p, j) == C_HSUF)
    return TRUE;
  w = tnorm (p, j);
  /* A following clause "منذ 2011 وهي..." rather than a counted noun "في 2000 منزل". */
  return strncmp (w, AR_WAW, 2) == 0 || strncmp (w, AR_FA, 2) == 0;
}

/* "عام 2015", "العام 2011", "عامي 2010 و2015", "في 2015", "2014م", "1436 هـ". */
static guint
parse_year_expr (const P *p,
                 guint    i,
                 guint    last_end,
                 Raw     *r)
{
  guint first = i, j;
  int y, y2 = 0, suffix = SUF_NONE;
  gboolean hijri;

  if (tcls (p, i) == C_YEARWORD)
    {
      j = i + 1;
      if (!tnum (p, j) || p->t[j].ndigits != 4)
        return 0;
    }
  else if (tnum (p, i) && p->t[i].ndigits == 4)
    j = i;
  else
    return 0;

  y = p->t[j].value;
  j++;
  /* "2014م"; a spaced "2000 م" may be metres. */
  if (tcls (p, j) == C_GSUF && (tcls (p, first) == C_YEARWORD || tattached (p, j) ||
                                strcmp (tnorm (p, j), "م") != 0))
    {
      suffix = SUF_GREG;
      j++;
    }
  else if (tcls (p, j) == C_HSUF)
    {
      suffix = SUF_HIJRI;
      j++;
    }
  hijri = suffix == SUF_HIJRI;

  if (tcls (p, first) != C_YEARWORD && suffix == SUF_NONE)
    {
      /* A bare number: only after a cue, in 1900..2100, and not a count. */
      int prev = tcls (p, i - 1);
      gboolean cue = prev == C_IN || prev == C_CUE || prev == C_TO || prev == C_FROM ||
                     prev == C_BETWEEN || prev == C_PART || prev == C_ONDATE;

      /* the second year of "2011-2015", "2011 و2015" */
      if (!cue && i > 0 && last_end != G_MAXUINT && last_end == i - 1 &&
          (prev == C_AND || tpunct (p, i - 1, '-')))
        cue = TRUE;
      if (!cue || y < 1900 || y > 2100 || !year_follow_ok (p, j))
        return 0;
    }
  if (!year_in_range (y, hijri))
    return 0;

  /* "عامي 2010 و2015", "العام 2010-2015" */
  if (tcls (p, first) == C_YEARWORD &&
      (tcls (p, j) == C_AND || tpunct (p, j, '-') || tcls (p, j) == C_TO) &&
      tnum (p, j + 1) && p->t[j + 1].ndigits == 4 && p->t[j + 1].value > y &&
      p->t[j + 1].value - y <= 100)
    {
      y2 = p->t[j + 1].value;
      j += 2;
      if (tcls (p, j) == C_GSUF || (hijri && tcls (p, j) == C_HSUF))
        j++;
    }

  r->m.kind = RASD_DATE_KIND_ABSOLUTE;
  r->m.stated = (RasdDate) { y, 0, 0, RASD_DATE_PRECISION_YEAR };
  if (y2)
    {
      r->m.stated_end = (RasdDate) { y2, 0, 0, RASD_DATE_PRECISION_YEAR };
      r->m.flags |= RASD_DATE_FLAG_RANGE;
    }
  if (hijri)
    r->m.flags |= RASD_DATE_FLAG_HIJRI;
  r->first = first;
  return j;
}

/* "قبل يومين", "منذ 3 أيام", "قبل ثلاثة أيام", "بعد غد", "قبل أسبوعين". */
static guint
parse_cue_offset (const P *p,
                  guint    i,
                  Raw     *r)
{
  int cue = tlex (p, i)->value;
  int sign, count;
  guint j = i + 1;

  if (cue == CUE_AFTER)
    sign = 1;
  else if (cue == CUE_BEFORE || cue == CUE_SINCE)
    sign = -1;
  else
    return 0;

  if (sign > 0 && tcls (p, j) == C_GHAD)
    return relative_tail (p, i, j + 1, 2, r);
  if (tcls (p, j) == C_DAYS && tlex (p, j)->value == 2)
    return relative_tail (p, i, j + 1, 2 * sign, r);
  /* "منذ 3 أيام"، "قبل ثلاثة أيام"، "بعد خمسة أسابيع" */
  count = tnum (p, j) ? p->t[j].value : tcls (p, j) == C_COUNT ? tlex (p, j)->value : 0;
  if (count >= 1 && count <= 10 && (tcls (p, j + 1) == C_WEEKS || tcls (p, j + 1) == C_DAYS) &&
      tlex (p, j + 1)->value == 0)
    return relative_offset (r, tcls (p, j + 1) == C_WEEKS ? RASD_DATE_KIND_WEEK_OFFSET
                                                          : RASD_DATE_KIND_DAY_OFFSET,
                            sign * count, i, j + 2);
  /* not "منذ أسابيع": weeks with no count are a while, no date */
  if (tcls (p, j) == C_WEEKS && tlex (p, j)->value > 0)
    return relative_offset (r, RASD_DATE_KIND_WEEK_OFFSET, sign * tlex (p, j)->value, i, j + 1);
  return 0;
}

/* parse_cue_offset(), unless the offset counts from another deed: "بعد أسبوعين من لقائهما"،
 * "قبل يومين من الانتخابات" tell no day from the day of writing. */
static guint
parse_cue_relative (const P *p,
                    guint    i,
                    Raw     *r)
{
  guint end = parse_cue_offset (p, i, r);

  if (end > 0 && tcls (p, end) == C_FROM)
    {
      *r = (Raw) { 0 };
      return 0;
    }
  return end;
}

/* Whether @s begins with ال (UTF-8 D8 A7 D9 84). */
static inline gboolean
begins_al (const char *s)
{
  return s[0] == '\xd8' && s[1] == '\xa7' && s[2] == '\xd9' && s[3] == '\x84';
}

/* Whether @s begins with ن (D9 86) or ذ (D8 B0). */
static inline gboolean
begins_nun_or_dhal (const char *s)
{
  return (s[0] == '\xd9' && s[1] == '\x86') || (s[0] == '\xd8' && s[1] == '\xb0');
}

/* The precision a word of a unit of time names (اليوم، الشهر، العام، السنة), or NONE. */
static RasdDatePrecision
unit_precision (const char *norm)
{
  if (strcmp (norm, "اليوم") == 0)
    return RASD_DATE_PRECISION_DAY;
  if (strcmp (norm, "الشهر") == 0)
    return RASD_DATE_PRECISION_MONTH;
  if (strcmp (norm, "العام") == 0 || strcmp (norm, "السنه") == 0)
    return RASD_DATE_PRECISION_YEAR;
  return RASD_DATE_PRECISION_NONE;
}

/* "اليوم نفسه"، "الشهر ذاته"، "في نفس العام": the day (month, year) of the date told before. */
static guint
parse_same (const P *p,
            guint    i,
            Raw     *r)
{
  static const char * const after[] = { "نفسه", "ذاته", "نفسها", "ذاتها", NULL };
  RasdDatePrecision unit = RASD_DATE_PRECISION_NONE;
  guint end = 0;

  const char *word, *next;

  if (!tword (p, i) || !tword (p, i + 1) || p->t[i + 1].gap == GAP_NEWLINE)
    return 0;
  word = tnorm (p, i);
  next = tnorm (p, i + 1);
  /* asked at every word, so by bytes first: the words of a unit begin with ال, نفس and ذات
   * with ن and ذ, and نفسه، ذاته likewise */
  if (begins_al (word) && begins_nun_or_dhal (next) &&
      (unit = unit_precision (word)) != RASD_DATE_PRECISION_NONE && p->t[i + 1].clitic == 0 &&
      g_strv_contains (after, next))
    end = i + 2;
  else if (begins_nun_or_dhal (word) && begins_al (next) &&
           (strcmp (word, "نفس") == 0 || strcmp (word, "ذات") == 0) &&
           (unit = unit_precision (next)) != RASD_DATE_PRECISION_NONE)
    end = i + 2;
  if (end == 0)
    return 0;
  r->m.kind = RASD_DATE_KIND_SAME;
  r->m.offset = unit;
  r->m.flags |= RASD_DATE_FLAG_RELATIVE;
  r->first = i;
  return end;
}

static guint
try_parse (const P *p,
           guint    i,
           guint    last_end,
           Raw     *r)
{
  const Token *t = &p->t[i];
  const LexEntry *e = t->lex;
  guint end;

  r->first = i;
  if ((end = parse_same (p, i, r)) > 0)
    return end;
  if (t->type == T_NUM)
    {
      if ((end = parse_calendar (p, i, last_end, r)))
        return end;
      *r = (Raw) { 0 };
      r->first = i;
      return parse_year_expr (p, i, last_end, r);
    }
  if (e == NULL)
    return 0;

  switch (e->cls)
    {
    case C_DAYWORD:
      if (t->clitic > 1)
        return 0;
      switch (tcls (p, i + 1))
        {
        case C_WEEKDAY:
          end = parse_weekday (p, i + 1, r);
          break;
        case C_TODAY:
        case C_YESTERDAY:
          end = parse_relative (p, i + 1, r);
          break;
        case C_GHAD:
          end = relative_tail (p, i, i + 2, 1, r);
          break;
        default:
          if (tnum (p, i + 1) || tcls (p, i + 1) == C_ART || tcls (p, i + 1) == C_ORDINAL)
            {
              end = parse_calendar (p, i + 1, last_end, r);
              if (end && r->m.stated.day == 0)
                end = 0;
            }
          else
            end = 0;
          break;
        }
      if (end)
        r->first = i;
      return end;

    case C_CUE:
      return parse_cue_relative (p, i, r);

    case C_TODAY:
    case C_YESTERDAY:
    case C_TOMORROW:
    case C_AWWAL:
    case C_TONIGHT:
    case C_GHAD:
    case C_TOD_ALONE:
      return parse_relative (p, i, r);

    case C_WEEKDAY:
      return parse_weekday (p, i, r);

    case C_THIS:
      {
        const LexEntry *n = tlex (p, i + 1);
        if (n && (n->cls == C_PERIOD || (n->cls == C_YEARWORD && n->aux)) && p->t[i + 1].clitic == 0)
          {
            end = parse_period (p, i + 1, TRUE, r);
            if (end)
              r->first = i;
            return end;
          }
        if (n && n->cls == C_SEASON && p->t[i + 1].clitic == 0)
          {
            end = parse_season (p, i + 1, TRUE, r);
            if (end)
              r->first = i;
            return end;
          }
        return 0;
      }

    case C_PERIOD:
      return parse_period (p, i, FALSE, r);

    case C_SEASON:
      return parse_season (p, i, FALSE, r);

    case C_YEARWORD:
      if ((end = parse_year_expr (p, i, last_end, r)))
        return end;
      *r = (Raw) { 0 };
      r->first = i;
      return parse_period (p, i, FALSE, r);

    case C_ART:
    case C_ORDINAL:
    case C_MONTH:
    case C_MONTH_HEAD:
    case C_HMONTH:
      return parse_calendar (p, i, last_end, r);

    default:
      return 0;
    }
}

/* A verb in the future ("سيزور", "ستجري") or a word announcing a plan, a few words before. */
static gboolean
is_future_verb (const char *w)
{
  static const char *const not_verbs[] = {
    "سياس", "سيار", "سيد", "سيطر", "سياد", "سياح", "سياق", "سينا", "سيول", "سيرغ", "سيرج",
    "سيره", "ستار", "ستين", "ستون", "ستراتيج", "ستيف", "ستوك", "ستال", "ستاد", "سنوات",
    "سنوي", "سنين", "سنغا", "سيبير", "سيدن", "سينم", "سيشل", "سيمون", "سيسي", "سيكو", "ستوديو",
    "سيناريو", "سيريلانك", "ستانبول", "سيول", "سيتي", "سيلفا",
    /* foreign first names (ستيوارت جونز) */
    "ستيوا", "سيباست", "سيغريد", "سيغفريد", "سيلفي", "ستانل", "ستافان", "سيزار", "سيلين",
    "سيغمار", "سيرين",
  };
  gsize len;

  if (strncmp (w, AR_WAW, 2) == 0 || strncmp (w, AR_FA, 2) == 0)
    w += 2;
  /* سـ then the prefix of the imperfect: سيـ، ستـ */
  if (!g_str_has_prefix (w, "سي") && !g_str_has_prefix (w, "ست"))
    return FALSE;
  len = g_utf8_strlen (w, -1);
  if (len < 4)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (not_verbs); i++)
    if (g_str_has_prefix (w, not_verbs[i]))
      return FALSE;
  return TRUE;
}

static gboolean
future_marker_before (const P *p,
                      guint    i)
{
  for (guint k = 1; k <= 8 && k <= i; k++)
    {
      const Token *t = &p->t[i - k];

      if (t->type == T_PUNCT && strchr (".?!;", t->punct))
        return FALSE;
      if (t->type == T_WORD)
        {
          if (t->lex && t->lex->cls == C_FUTURE)
            return TRUE;
          if (t->lex == NULL && is_future_verb (p->buf + t->norm))
            return TRUE;
        }
      if (t->gap & GAP_NEWLINE)
        return FALSE;
    }
  return FALSE;
}

static gboolean
only_connector_between (const P *p,
                        guint    a_last,
                        guint    b_first,
                        gboolean allow_and,
                        int     *connector)
{
  guint k = a_last + 1;

  if (b_first != k + 1)
    return FALSE;
  *connector = tpunct (p, k, '-') ? '-' : tcls (p, k);
  if (*connector == '-' || *connector == C_TO)
    return TRUE;
  return allow_and && *connector == C_AND;
}

/* Joins "من 28 فبراير إلى 2 مارس 2022", "بين 2010 و2015"; gives "9 مارس و23 مايو 1981" its
 * year; marks الموافق pairs. */
static void
post_process (const P *p,
              GArray  *raws)
{
  for (guint k = 0; k + 1 < raws->len; k++)
    {
      Raw *a = &g_array_index (raws, Raw, k);
      Raw *b = &g_array_index (raws, Raw, k + 1);
      int connector = 0;
      int lead = tcls (p, a->first - 1);

      /* الموافق */
      if (b->first > a->last + 1 && b->first <= a->last + 4)
        {
          guint q = a->last + 1;
          if (tpunct (p, q, ','))
            q++;
          if (tcls (p, q) == C_EQUIV)
            {
              q++;
              if (tword (p, q) && strcmp (tnorm (p, q), AR_LAM) == 0)
                q++;
              if (q == b->first)
                {
                  a->m.flags |= RASD_DATE_FLAG_EQUIVALENT;
                  b->m.flags |= RASD_DATE_FLAG_EQUIVALENT;
                  continue;
                }
            }
        }

      if (a->m.kind != RASD_DATE_KIND_ABSOLUTE || b->m.kind != RASD_DATE_KIND_ABSOLUTE ||
          (a->m.flags & RASD_DATE_FLAG_RANGE) || (b->m.flags & RASD_DATE_FLAG_RANGE) ||
          ((a->m.flags ^ b->m.flags) & RASD_DATE_FLAG_HIJRI) || b->m.stated.year == 0)
        continue;

      if (only_connector_between (p, a->last, b->first, lead == C_BETWEEN, &connector) &&
          (lead == C_FROM || lead == C_BETWEEN || connector == '-' || connector == C_TO) &&
          a->m.stated.precision == b->m.stated.precision)
        {
          RasdDate s = a->m.stated;

          if (s.year == 0)
            s.year = s.month > b->m.stated.month ? b->m.stated.year - 1 : b->m.stated.year;
          if (rasd_date_compare (&s, &b->m.stated) >= 0)
            continue;
          a->m.stated = s;
          a->m.stated_end = b->m.stated;
          a->m.flags |= RASD_DATE_FLAG_RANGE | (b->m.flags & RASD_DATE_FLAG_HAS_WEEKDAY);
          a->last = b->last;
          g_array_remove_index (raws, k + 1);
          k--;
          continue;
        }

      /* "في 9 مارس و23 مايو 1981": the year written once for both. */
      if (a->m.stated.year == 0 && a->m.stated.month != 0 && b->first <= a->last + 3)
        {
          gboolean joined = TRUE;
          for (guint q = a->last + 1; q < b->first; q++)
            if (!(tcls (p, q) == C_AND || tpunct (p, q, ',') || tcls (p, q) == C_TO))
              joined = FALSE;
          if (joined && b->m.stated.month != 0)
            {
              a->m.stated.year = a->m.stated.month > b->m.stated.month ? b->m.stated.year - 1
                                                                      : b->m.stated.year;
              if (a->m.flags & RASD_DATE_FLAG_RANGE)
                a->m.stated_end.year = a->m.stated.year;
            }
        }
    }
}

/* Moves a span start past the clitic letters ("و" of "ونوفمبر") the lexicon looked behind. */
static void
skip_clitic (const char  *text,
             const Token *t,
             gsize       *char_start,
             gsize       *byte_start)
{
  const char *p = text + t->byte_start;
  const char *end = text + t->byte_end;
  gsize c = t->char_start;
  guint n = t->clitic;

  while (n > 0 && p < end)
    {
      if (fold_char (g_utf8_get_char (p)) != 0)
        n--;
      p = g_utf8_next_char (p);
      c++;
    }
  while (p < end && fold_char (g_utf8_get_char (p)) == 0)
    {
      p = g_utf8_next_char (p);
      c++;
    }
  *char_start = c;
  *byte_start = p - text;
}

/* Scans @text (up to @max_chars) into raw mentions. */
GArray *
rasd_date_scan_text (const char *text,
                     gsize       max_chars,
                     Lexed      *lx)
{
  GArray *raws = g_array_new (FALSE, TRUE, sizeof (Raw));
  P p;
  guint last_end = G_MAXUINT;

  lex_text (text, max_chars, lx);
  p.t = (const Token *) lx->tokens->data;
  p.n = lx->tokens->len;
  p.buf = lx->buf->str;

  for (guint i = 0; i < p.n;)
    {
      Raw r = { 0 };
      guint end = try_parse (&p, i, last_end, &r);

      if (end > i)
        {
          r.last = end - 1;
          if (!(r.m.flags & (RASD_DATE_FLAG_PAST | RASD_DATE_FLAG_FUTURE)))
            {
              if (tcls (&p, r.first - 1) == C_CUE && tlex (&p, r.first - 1)->value == CUE_SINCE)
                r.m.flags |= RASD_DATE_FLAG_PAST;
              else if (future_marker_before (&p, r.first))
                r.m.flags |= RASD_DATE_FLAG_FUTURE;
            }
          g_array_append_val (raws, r);
          last_end = end;
          i = end;
        }
      else
        i++;
    }

  post_process (&p, raws);

  for (guint k = 0; k < raws->len; k++)
    {
      Raw *r = &g_array_index (raws, Raw, k);
      const Token *a = &p.t[r->first];
      const Token *b = &p.t[r->last];

      r->m.start = a->char_start;
      r->m.byte_start = a->byte_start;
      if (a->clitic > 0)
        skip_clitic (text, a, &r->m.start, &r->m.byte_start);
      r->m.end = b->char_end;
      r->m.byte_end = b->byte_end;
      r->m.line = a->line;

      /* A bare weekday goes on in the tense of the mention just before it:
       * "سيصل الوفد يوم غد الأحد ... ثم يسافر إلى عمّان يوم الاثنين". */
      if (k > 0 && (r->m.flags & RASD_DATE_FLAG_WEEKDAY_ONLY) &&
          !(r->m.flags & (RASD_DATE_FLAG_PAST | RASD_DATE_FLAG_FUTURE)))
        {
          const RasdDateMention *prev = &g_array_index (raws, Raw, k - 1).m;
          if (prev->line == r->m.line && r->m.start - prev->end <= 250 &&
              (prev->flags & RASD_DATE_FLAG_FUTURE))
            r->m.flags |= RASD_DATE_FLAG_FUTURE;
        }
    }
  return raws;
}

GArray *
rasd_date_mentions_from_raws (GArray *raws)
{
  GArray *out = g_array_sized_new (FALSE, TRUE, sizeof (RasdDateMention), raws->len);

  for (guint k = 0; k < raws->len; k++)
    g_array_append_val (out, g_array_index (raws, Raw, k).m);
  return out;
}
