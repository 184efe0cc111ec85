#pragma once

#include <string.h>

#include <glib.h>

/* A generator of Arabic news-like text for benchmarks: sentences drawn from a vocabulary of
 * common news words (with clitics, names, places and dates), deterministic for a seed. */

static const char * const bench_words[] = {
  "الرئيس", "وزير", "الخارجية", "التقى", "استقبل", "بحث", "مع", "نظيره", "في", "العاصمة",
  "اليوم", "أمس", "خلال", "زيارة", "رسمية", "اللقاء", "للقاء", "محادثات", "المحادثات", "حول",
  "العلاقات", "الثنائية", "والقضايا", "الإقليمية", "والدولية", "ذات", "الاهتمام", "المشترك",
  "وأكد", "الجانبان", "أهمية", "تعزيز", "التعاون", "بين", "البلدين", "الشقيقين", "وقال", "إن",
  "الحكومة", "تسعى", "إلى", "تطوير", "الشراكة", "الاقتصادية", "والتجارية", "والاستثمارية",
  "الملك", "الأمير", "ولي", "العهد", "رئيس", "الوزراء", "السفير", "المتحدث", "باسم", "الوزارة",
  "بوتين", "وبوتين", "الأسد", "أردوغان", "ماكرون", "محمد", "عبدالله", "سلمان", "خالد", "أحمد",
  "موسكو", "بموسكو", "دمشق", "الرياض", "القاهرة", "بغداد", "عمان", "الدوحة", "أبوظبي", "باريس",
  "أنقرة", "طهران", "بكين", "واشنطن", "جدة", "سوتشي", "الجزائر", "الرباط", "تونس", "بيروت",
  "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
  "نوفمبر", "ديسمبر", "كانون", "الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
  "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد", "الماضي", "المقبل",
  "القمة", "مؤتمر", "اتصالا", "هاتفيا", "تلقى", "وفدا", "برئاسة", "وحضر", "معالي", "سمو",
  "الأمن", "والاستقرار", "المنطقة", "السلام", "الأزمة", "السورية", "اليمنية", "الفلسطينية",
  "المملكة", "العربية", "السعودية", "روسيا", "الاتحادية", "مصر", "تركيا", "إيران", "الصين",
  "الطاقة", "النفط", "الاستثمار", "المشاريع", "التنمية", "الشعبين", "الصداقة", "البيان", "الختامي",
  "وأعرب", "عن", "تقديره", "للجهود", "التي", "تبذلها", "الدولة", "لدعم", "الحوار", "السياسي",
};

static inline char *
bench_make_article (GRand *rand,
                    guint  index,
                    gsize  target_bytes)
{
  GString *text = g_string_sized_new (target_bytes + 256);

  g_string_append_printf (text, "خبر رقم %u: ", index);
  while (text->len < target_bytes)
    {
      guint n_words = g_rand_int_range (rand, 8, 26);

      for (guint w = 0; w < n_words; w++)
        {
          g_string_append (text, bench_words[g_rand_int_range (rand, 0, G_N_ELEMENTS (bench_words))]);
          if (w + 1 < n_words)
            g_string_append_c (text, g_rand_int_range (rand, 0, 12) == 0 ? ',' : ' ');
        }
      if (g_rand_int_range (rand, 0, 10) == 0)
        g_string_append_printf (text, " %d", g_rand_int_range (rand, 1990, 2025));
      g_string_append (text, g_rand_int_range (rand, 0, 4) == 0 ? ".\n" : ". ");
    }
  return g_string_free (text, FALSE);
}

/* One long text of short meeting sentences (a transcript, a book, an export run together):
 * who met whom, where and when, from a few hundred people, for bench-long-article. */
static inline char *
bench_make_meetings (GRand *rand,
                     gsize  target_bytes)
{
  static const char * const titles[] = {
    "الرئيس", "وزير الخارجية", "رئيس الوزراء", "السفير", "وزير الدفاع", "الأمين العام",
  };
  static const char * const first[] = {
    "محمد", "أحمد", "خالد", "سالم", "عمر", "يوسف", "إبراهيم", "حسن", "علي", "سعيد", "طارق",
    "ماجد", "فيصل", "ناصر", "عادل", "كريم", "هشام", "وليد", "زياد", "رامي", "باسم", "منصور",
  };
  static const char * const family[] = {
    "الخالدي", "العمري", "الحسني", "الزعبي", "النجار", "الحداد", "السعدي", "القاسمي", "الشامي",
    "البدري", "المصري", "الكردي",
  };
  static const char * const verbs[] = { "التقى", "استقبل", "اجتمع", "بحث" };
  static const char * const places[] = {
    "موسكو", "دمشق", "الرياض", "القاهرة", "باريس", "أنقرة", "عمان", "الدوحة", "بغداد", "بيروت",
    "تونس", "الرباط", "جدة", "طهران", "بكين", "واشنطن",
  };
  static const char * const months[] = {
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
  };
  GString *text = g_string_sized_new (target_bytes + 256);

#define PICK(list) (list)[g_rand_int_range (rand, 0, G_N_ELEMENTS (list))]
  g_string_append (text, "سجل اللقاءات\n\n");
  while (text->len < target_bytes)
    {
      g_autofree char *a = g_strdup_printf ("%s %s %s", PICK (titles), PICK (first), PICK (family));
      g_autofree char *b = g_strdup_printf ("%s %s %s", PICK (titles), PICK (first), PICK (family));
      const char *verb = PICK (verbs);

      if (strcmp (verb, "بحث") == 0)
        g_string_append_printf (text, "%s %s مع %s العلاقات الثنائية في %s.", verb, a, b, PICK (places));
      else
        g_string_append_printf (text, "%s %s %s%s في %s في %d %s %d.", verb, a,
                                strcmp (verb, "اجتمع") == 0 ? "مع " : "", b, PICK (places),
                                g_rand_int_range (rand, 1, 29), PICK (months),
                                g_rand_int_range (rand, 1995, 2024));
      g_string_append (text, g_rand_int_range (rand, 0, 5) == 0 ? "\n" : " ");
    }
#undef PICK
  return g_string_free (text, FALSE);
}
