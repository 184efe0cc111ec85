#pragma once

/* What the two halves of rasd-date share: rasd-date-scan.c reads date expressions off a text
 * into raw mentions over tokens, rasd-date.c resolves them and reads the dateline and the
 * publication date off the same tokens.  Only rasd-date*.c include this. */

#include <glib.h>

#include "rasd-date.h"

G_BEGIN_DECLS

typedef enum
{
  C_NONE,
  C_MONTH,        /* Gregorian month name; aux: 0 plain, 1 also a common word, 2 needs a number */
  C_MONTH_HEAD,   /* first word of a two-word month: value HEAD_* */
  C_HMONTH,       /* one-word Hijri month */
  C_WEEKDAY,
  C_ORDINAL,      /* day ordinal (ord); aux 1 when it only occurs in compounds (الحادي) */
  C_TEEN,         /* عشر */
  C_TENS,         /* والعشرين، والثلاثين: value */
  C_TODAY,
  C_YESTERDAY,
  C_TOMORROW,
  C_GHAD,         /* غد، الغد: only after يوم/بعد/صباح... */
  C_AWWAL,        /* أول (من) أمس */
  C_TONIGHT,
  C_DAYWORD,      /* يوم */
  C_DAYS,         /* يومين (2), أيام (0) */
  C_WEEKS,        /* أسبوع (1), أسبوعين (2), أسابيع (0) */
  C_MOD,          /* الماضي -1, الجاري 0, المقبل +1; aux 1 when also "former/current" */
  C_THIS,
  C_PERIOD,       /* الأسبوع, الشهر: value UNIT_* */
  C_YEARWORD,     /* عام، العام، سنة...; aux 1 when definite (العام الماضي) */
  C_SHAHR,        /* شهر */
  C_PART,         /* مطلع، أواخر... */
  C_TOD,          /* صباح، مساء... */
  C_IN,
  C_CUE,          /* value CUE_* */
  C_FROM,
  C_TO,
  C_AND,
  C_OR,
  C_BETWEEN,
  C_EQUIV,
  C_ONDATE,
  C_GSUF,
  C_HSUF,
  C_ART,
  C_FUTURE,
  C_NOTODAY,      /* ذلك، نفس، ذات، صحيفة: "اليوم" after them is not the day of writing */
  C_DAYADJ,       /* التالي، الوطني...: "اليوم" before them is not the day of writing */
  C_TITLE,        /* الأمين، القائد...: "العام" after them means "general" */
  C_SEASON,       /* الربيع، الصيف، الخريف، الشتاء: value the season's middle month */
  C_COUNT,        /* ثلاثة ... عشرة: value the number (قبل ثلاثة أيام) */
  C_TOD_ALONE,    /* صباحا، ظهرا، ليلا: a time of the day of writing, when no day is given */
} Cls;

enum { HEAD_KANUN = 1, HEAD_TISHRIN, HEAD_RABI, HEAD_JUMADA, HEAD_DHU };
enum { T_FIRST = 1, T_SECOND, T_LAST, T_QIDA, T_HIJJA };
enum { UNIT_WEEK = 1, UNIT_MONTH, UNIT_YEAR };
enum { CUE_SINCE = 1, CUE_DURING, CUE_BEFORE, CUE_AFTER };

typedef struct
{
  const char *word;
  guint8      cls;
  gint8       value;
  guint8      ord;      /* day ordinal */
  guint8      tail;     /* second word of a month name */
  guint8      aux;
  guint8      clitics;  /* found after و، ف، ب، ل too */
} LexEntry;

enum { T_WORD, T_NUM, T_PUNCT };
#define GAP_SPACE   1
#define GAP_NEWLINE 2

typedef struct
{
  gsize           char_start;
  gsize           char_end;
  gsize           byte_start;
  gsize           byte_end;
  const LexEntry *lex;
  guint32         norm;     /* offset of the NUL-terminated normalised word in the buffer */
  guint32         line;
  gint32          value;    /* numbers; -1 when too long */
  guint8          type;
  guint8          gap;      /* whitespace (GAP_SPACE) or a line break (GAP_NEWLINE) before */
  guint8          ndigits;
  guint8          clitic;
  char            punct;
} Token;

typedef struct
{
  GArray  *tokens;
  GString *buf;
} Lexed;

typedef struct
{
  RasdDateMention m;
  guint           first;  /* tokens, inclusive */
  guint           last;
} Raw;

/* Tokenises @text up to @max_chars characters into @lx and scans it into raw mentions (Raw). */
GArray *rasd_date_scan_text           (const char *text,
                                       gsize       max_chars,
                                       Lexed      *lx);
void    rasd_date_lexed_clear         (Lexed      *lx);
/* The RasdDateMentions of @raws. */
GArray *rasd_date_mentions_from_raws  (GArray     *raws);

G_END_DECLS
