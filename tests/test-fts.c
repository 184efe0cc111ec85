#include "config.h"

#include <string.h>

#include <glib.h>
#include <sqlite3.h>

#include "rasd-arabic.h"
#include "rasd-error.h"
#include "rasd-fts.h"
#include "rasd-store.h"
#include "rasd-test-util.h"


/* Short documents written for these tests; the rowid is the index + 1. */
static const char * const documents[] = {
  /*  1 */ "عقد اللقاء في موسكو أمس",
  /*  2 */ "توجه الوفد للقاء المسؤولين",
  /*  3 */ "أكد الوزير أن لقاءه كان إيجابياً",
  /*  4 */ "وصل الضيوف واللقاء يبدأ غداً",
  /*  5 */ "رحب الطرفان بلقاء الجانبين",
  /*  6 */ "التقى الأسد وبوتين في سوتشي",
  /*  7 */ "وجه الأسد رسالة لبوتين",
  /*  8 */ "قال بُوتِين إن المحادثات جيدة",
  /*  9 */ "شعر بألم في وتين القلب",
  /* 10 */ "وصل أحمد إلى المستشفى عام ٢٠٢٣",
  /* 11 */ "قال احمد إن مستشفي المدينة افتُتح في 2023",
  /* 12 */ "أعلن القصر عن الزيارة",
  /* 13 */ "ناقش الوزيران وزيارة الوفد",
  /* 14 */ "اختتم الرئيس زيارته",
  /* 15 */ "حضر \u200Fوبوتين\u200F القمة",
  /* 16 */ "Putin met Assad in Sochi",
  /* 17 */ "بيان من الديوان الملكي",
  /* 18 */ "استقبل الملك الوفد",
  /* 19 */ "عقدت اجتماعات مكثفة في المملكة",
  /* 20 */ "وصل بـــوتين إلى طهران",
};

typedef struct
{
  sqlite3 *db;
} Fixture;

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3 *
open_db (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (rasd_fts_register_tokenizer (db, &error));
  g_assert_no_error (error);
  exec_sql (db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='rasd_arabic')");
  return db;
}

static void
insert (sqlite3    *db,
        gint64      rowid,
        const char *body)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO t (rowid, body) VALUES (?, ?)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, rowid);
  sqlite3_bind_text (stmt, 2, body, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->db = open_db ();
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    insert (fixture->db, i + 1, documents[i]);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->db, sqlite3_close);
}

/* The rowids matching the raw MATCH expression, as "1 3 5". */
static char *
match_raw (sqlite3    *db,
           const char *expression)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) rowids = g_string_new (NULL);
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (rowids, "%s%" G_GINT64_FORMAT, rowids->len > 0 ? " " : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    g_error ("MATCH %s: %s", expression, sqlite3_errmsg (db));
  return g_string_free (g_steal_pointer (&rowids), FALSE);
}

/* The rowids matching what a user typed. */
static char *
search (sqlite3    *db,
        const char *user_text)
{
  g_autofree char *expression = rasd_fts_query_from_user (user_text);

  g_assert_nonnull (expression);
  return match_raw (db, expression);
}

#define assert_search(db, user_text, expected) \
  G_STMT_START { \
    g_autofree char *_rowids = search ((db), (user_text)); \
    if (g_strcmp0 (_rowids, (expected)) != 0) \
      g_error ("searching %s found [%s], expected [%s]", (user_text), _rowids, (expected)); \
  } G_STMT_END

static void
test_proclitics (Fixture       *fixture,
                 gconstpointer  data)
{
  /* اللقاء، للقاء، لقاءه، واللقاء، بلقاء */
  assert_search (fixture->db, "لقاء", "1 2 3 4 5");
  assert_search (fixture->db, "اللقاء", "1 2 3 4 5");
  assert_search (fixture->db, "واللقاء", "1 2 3 4 5");
  assert_search (fixture->db, "للقاء", "1 2 3 4 5");       /* لل is ل here, not ل + ال */
  /* وبوتين، لبوتين، بُوتِين، وبوتين with bidi marks, بـــوتين */
  assert_search (fixture->db, "بوتين", "6 7 8 15 20");
  assert_search (fixture->db, "الأسد بوتين", "6 7");
  /* الزيارة، وزيارة، زيارته */
  assert_search (fixture->db, "زيارة", "12 13 14");
  assert_search (fixture->db, "الزيارة", "12 13 14");
  assert_search (fixture->db, "زيارته", "14");
}

static void
test_precision (Fixture       *fixture,
                gconstpointer  data)
{
  /* بوتين must never be searched as وتين (ب taken for a preposition). */
  assert_search (fixture->db, "بوتين", "6 7 8 15 20");
  /* The other way round is tolerated: وتين finds وتين, and بوتين through its extra form. */
  {
    g_autofree char *rowids = search (fixture->db, "وتين");
    g_auto(GStrv) found = g_strsplit (rowids, " ", -1);

    g_assert_true (g_strv_contains ((const char * const *) found, "9"));
    g_assert_true (g_strv_contains ((const char * const *) found, "8"));
  }
  /* "royal" is not "king", and "kingdom" (stemmed to ملك by Snowball) is not either. */
  assert_search (fixture->db, "الملك", "18");
  assert_search (fixture->db, "الملكي", "17");
  assert_search (fixture->db, "طماطم", "");
  assert_search (fixture->db, "بوتين طماطم", "");
}

static void
test_normalisation (Fixture       *fixture,
                    gconstpointer  data)
{
  assert_search (fixture->db, "بُوتِين", "6 7 8 15 20");
  assert_search (fixture->db, "بـوتـين", "6 7 8 15 20");
  assert_search (fixture->db, "أحمد", "10 11");
  assert_search (fixture->db, "احمد", "10 11");
  assert_search (fixture->db, "٢٠٢٣", "10 11");
  assert_search (fixture->db, "2023", "10 11");
  assert_search (fixture->db, "۲۰۲۳", "10 11");
  assert_search (fixture->db, "مستشفى", "10 11");
  assert_search (fixture->db, "مستشفي", "10 11");
  assert_search (fixture->db, "المستشفى", "10 11");
  assert_search (fixture->db, "PUTIN", "16");
  assert_search (fixture->db, "ﺑﻮﺗﻴﻦ", "6 7 8 15 20");         /* presentation forms */
}

static void
test_stem (Fixture       *fixture,
           gconstpointer  data)
{
  /* اجتماعات is indexed under its stem اجتماع too. */
  assert_search (fixture->db, "اجتماع", "19");
  assert_search (fixture->db, "الاجتماع", "19");
  assert_search (fixture->db, "اجتماعات", "19");
}

/* highlight() and snippet() must bracket exactly the surface word: FTS5 takes the byte
 * offsets reported by the tokenizer on the original text. */
static char *
highlight (sqlite3    *db,
           const char *user_text,
           gint64      rowid,
           gboolean    use_snippet)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *expression = rasd_fts_query_from_user (user_text);
  const char *sql = use_snippet
    ? "SELECT snippet(t, 0, '[', ']', '…', 4) FROM t WHERE t MATCH ? AND rowid = ?"
    : "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ? AND rowid = ?";

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rowid);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_highlight (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { const char *query; gint64 rowid; const char *expected; } cases[] = {
    { "بوتين", 6, "التقى الأسد [وبوتين] في سوتشي" },
    { "بوتين", 7, "وجه الأسد رسالة [لبوتين]" },
    { "بوتين", 8, "قال [بُوتِين] إن المحادثات جيدة" },
    { "بوتين", 15, "حضر \u200F[وبوتين]\u200F القمة" },
    { "بوتين", 20, "وصل [بـــوتين] إلى طهران" },
    { "لقاء", 4, "وصل الضيوف [واللقاء] يبدأ غداً" },
    { "لقاء", 3, "أكد الوزير أن [لقاءه] كان إيجابياً" },
    { "الأسد بوتين", 6, "التقى [الأسد] [وبوتين] في سوتشي" },
    { "2023", 10, "وصل أحمد إلى المستشفى عام [٢٠٢٣]" },
    { "sochi", 16, "Putin met Assad in [Sochi]" },
    /* A word of characters that normalisation drops (a presentation-form shadda) is not
     * indexed; highlighting must not count it either, or the brackets would move left. */
    { "بوتين", 21, "قال \uFCF2 إن [بوتين] وصل" },
  };

  insert (fixture->db, 21, "قال \uFCF2 إن بوتين وصل");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = highlight (fixture->db, cases[i].query, cases[i].rowid, FALSE);
      g_autofree char *snippet = highlight (fixture->db, cases[i].query, cases[i].rowid, TRUE);

      g_assert_cmpstr (text, ==, cases[i].expected);
      g_assert_true (g_utf8_validate (snippet, -1, NULL));
      g_assert_nonnull (strchr (snippet, '['));
    }

  {
    g_autofree char *snippet = highlight (fixture->db, "بوتين", 6, TRUE);
    g_assert_nonnull (strstr (snippet, "[وبوتين]"));
  }
}

static void
test_query_from_user (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "بوتين", "\"بوتين\"" },
    { "  بوتين   الأسد ", "\"بوتين\" \"الأسد\"" },
    { "بوتين OR الأسد", "\"بوتين\" \"OR\" \"الأسد\"" },
    { "بوتين\"", "\"بوتين\"" },
    { "(بوتين", "\"بوتين\"" },
    { "بوتين*", "\"بوتين\"" },
    { "a:b", "\"a\" \"b\"" },
    { "بُوتِين", "\"بُوتِين\"" },              /* diacritics stay inside the word */
    { "بوتين،الأسد", "\"بوتين\" \"الأسد\"" },   /* Arabic comma */
    { "\u200Fبوتين\u200F", "\"بوتين\"" },
    { "", NULL },
    { "   \t\n", NULL },
    { "\"\"\"\"", NULL },
    { "*^:-+()", NULL },
    { "\u064E\u0640", NULL },                    /* marks alone are no word */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = rasd_fts_query_from_user (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Nothing a user types reaches FTS5's query syntax. */
static void
test_query_escaping (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char * const inputs[] = {
    "\"", "بوتين\"", "OR", "بوتين OR", "NEAR(", "NEAR(بوتين الأسد, 2)", "(بوتين", "بوتين)",
    "*", "بوتين*", "^", "^بوتين", "a:b", "body:بوتين", "-", "-بوتين", "+", "AND NOT", "NOT",
    "\"\"\"\"", "'", "';DROP TABLE t", ";DROP TABLE t", "", " ", "\t\n", "{body}: x", "x AND",
    "\\", "%", "\xD8", "بوتين \xFF الأسد",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *expression = rasd_fts_query_from_user (inputs[i]);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      if (expression == NULL)
        continue;
      g_assert_cmpint (sqlite3_prepare_v2 (fixture->db, "SELECT rowid FROM t WHERE t MATCH ?",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      if (rc != SQLITE_DONE)
        g_error ("%s → %s: %s", inputs[i], expression, sqlite3_errmsg (fixture->db));
    }

  /* The table is still there. */
  {
    g_autofree char *rowids = match_raw (fixture->db, "\"بوتين\"");
    g_assert_cmpstr (rowids, !=, "");
  }
}

static gboolean
forms_contain (GPtrArray  *forms,
               const char *form)
{
  for (guint i = 0; i < forms->len; i++)
    if (g_str_equal (forms->pdata[i], form))
      return TRUE;
  return FALSE;
}

static void
assert_forms_distinct (GPtrArray *forms)
{
  for (guint i = 0; i < forms->len; i++)
    for (guint j = i + 1; j < forms->len; j++)
      g_assert_cmpstr (forms->pdata[i], !=, forms->pdata[j]);
}

static void
test_index_forms (void)
{
  static const struct { const char *token; const char *present; const char *absent; } cases[] = {
    { "والرييس", "الرييس", NULL },
    { "والرييس", "رييس", NULL },
    { "بالرييس", "رييس", NULL },
    { "للرييس", "رييس", NULL },
    { "للقاء", "لقاء", NULL },
    { "لقاءه", "لقاء", NULL },
    { "لقايه", "لقاء", NULL },                  /* لقائه: the hamza's seat */
    { "زيارته", "زياره", NULL },                /* ة became ت */
    { "محادثاته", "محادثات", NULL },
    { "وبوتين", "بوتين", NULL },
    { "التزامه", "تزام", NULL },                /* the query form of التزام */
    { "بوتين", "بوتين", "بوت" },
    { "الله", "الله", "له" },
    { "لله", "لله", "له" },
    { "رييسي", "رييسي", "رييس" },               /* nisba: رئيسي "main" is not رئيس */
    { "مستشفي", "مستشفي", "مستشف" },
    { "هم", "هم", NULL },
    { "منها", "منها", "من" },                   /* too short once the pronoun is gone */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) forms = rasd_fts_index_forms (cases[i].token);

      g_assert_cmpuint (forms->len, >=, 1);
      g_assert_cmpstr (forms->pdata[0], ==, cases[i].token);
      assert_forms_distinct (forms);
      if (!forms_contain (forms, cases[i].present))
        g_error ("the forms of %s lack %s", cases[i].token, cases[i].present);
      if (cases[i].absent != NULL && forms_contain (forms, cases[i].absent))
        g_error ("the forms of %s hold %s", cases[i].token, cases[i].absent);
    }

  /* Latin words and numbers are indexed as they are. */
  {
    g_autoptr(GPtrArray) forms = rasd_fts_index_forms ("2023");
    g_assert_cmpuint (forms->len, ==, 1);
  }
  {
    g_autoptr(GPtrArray) forms = rasd_fts_index_forms ("putin");
    g_assert_cmpuint (forms->len, ==, 1);
  }
  {
    g_autoptr(GPtrArray) forms = rasd_fts_index_forms ("");
    g_assert_cmpuint (forms->len, ==, 0);
  }
}

/* FTS5 re-tokenizes every document and compares with the index: the tokenizer must give the
 * same tokens every time (the stem cache must not change them), which external-content tables
 * rely on to delete. */
static void
test_integrity (Fixture       *fixture,
                gconstpointer  data)
{
  exec_sql (fixture->db, "INSERT INTO t (t) VALUES ('integrity-check')");
  exec_sql (fixture->db, "DELETE FROM t WHERE rowid = 6");
  assert_search (fixture->db, "بوتين", "7 8 15 20");
  exec_sql (fixture->db, "INSERT INTO t (t) VALUES ('integrity-check')");
}

static void
test_external_content (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (rasd_fts_register_tokenizer (db, &error));
  g_assert_no_error (error);
  exec_sql (db,
            "CREATE TABLE a (id INTEGER PRIMARY KEY, body TEXT);"
            "CREATE VIRTUAL TABLE t USING fts5 (body, content='a', content_rowid='id',"
            "                                   tokenize='rasd_arabic');"
            "INSERT INTO a VALUES (1, 'التقى الأسد وبوتين'), (2, 'وللقاء بقية');"
            "INSERT INTO t (rowid, body) SELECT id, body FROM a;");
  assert_search (db, "بوتين", "1");
  assert_search (db, "لقاء", "2");
  exec_sql (db,
            "INSERT INTO t (t, rowid, body) VALUES ('delete', 1, 'التقى الأسد وبوتين');"
            "DELETE FROM a WHERE id = 1;"
            "INSERT INTO t (t) VALUES ('integrity-check');");
  assert_search (db, "بوتين", "");
  sqlite3_close (db);
}

/* rasd_bm25() must give every matching row of TABLE exactly bm25()'s score, so that the order
 * of search results does not change; returns how many rows were compared. */
static guint
assert_rank_equals_bm25_raw (sqlite3    *db,
                             const char *table,
                             const char *weights,
                             const char *expression)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid, bm25 (%s%s), rasd_bm25 (%s%s) FROM %s"
                                          " WHERE %s MATCH ?",
                                          table, weights, table, weights, table, table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      double expected = sqlite3_column_double (stmt, 1);
      double score = sqlite3_column_double (stmt, 2);

      if (expected != score)
        g_error ("%s: row %" G_GINT64_FORMAT " has rasd_bm25 %.17g, bm25 %.17g", expression,
                 (gint64) sqlite3_column_int64 (stmt, 0), score, expected);
      n++;
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  return n;
}

static guint
assert_rank_equals_bm25 (sqlite3    *db,
                         const char *table,
                         const char *weights,
                         const char *user_text)
{
  g_autofree char *expression = rasd_fts_query_from_user (user_text);

  g_assert_nonnull (expression);
  return assert_rank_equals_bm25_raw (db, table, weights, expression);
}

/* The rowids of the best LIMIT rows by rasd_bm25(), best first, ties by rowid. */
static char *
ranked (sqlite3    *db,
        const char *user_text)
{
  g_autofree char *expression = rasd_fts_query_from_user (user_text);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) rowids = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rowid, rasd_bm25 (a_fts, 4.0, 1.0) AS rank"
                                           " FROM a_fts WHERE a_fts MATCH ?"
                                           " ORDER BY rank, rowid", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (rowids, "%s%" G_GINT64_FORMAT, rowids->len > 0 ? " " : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  return g_string_free (g_steal_pointer (&rowids), FALSE);
}

/* rasd_bm25() is bm25() with the documents' lengths kept in memory: the same scores before and
 * after rows are added and deleted (the copy is read again), inside a transaction (where it is
 * not used), with the title weighted, and so the same order. */
static void
test_rank (void)
{
  g_autoptr(GError) error = NULL;
  static const char * const queries[] = {
    "لقاء", "بوتين", "الرئيس", "لقاء موسكو", "زيارة الرئيس", "قمة", "الطقس", "لقاء",
  };
  static const char * const raw[] = {
    "\"لقاء في موسكو\"", "لقا*", "بوتين OR القاهرة", "title:لقاء", "NEAR(الرئيس بوتين, 3)",
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (rasd_fts_register_tokenizer (db, &error));
  g_assert_true (rasd_fts_register_rank_function (db, "a_fts", &error));
  g_assert_no_error (error);
  exec_sql (db,
            "CREATE TABLE a (id INTEGER PRIMARY KEY, title TEXT, text TEXT);"
            "CREATE VIRTUAL TABLE a_fts USING fts5 (title, text, content='a', content_rowid='id',"
            "                                       tokenize='rasd_arabic');"
            "INSERT INTO a VALUES"
            " (1, 'لقاء في موسكو', 'عقد اللقاء في موسكو أمس بين الرئيس وبوتين'),"
            " (2, 'زيارة', 'توجه الوفد للقاء المسؤولين في القاهرة وبحث الطرفان العلاقات الثنائية"
            "  والتعاون في مجالات الطاقة والاستثمار والنقل والزراعة'),"
            " (3, 'الرئيس يستقبل', 'أكد الرئيس أن لقاءه مع بوتين كان إيجابياً وأن اللقاء القادم"
            "  سيعقد في موسكو'),"
            " (4, 'قمة', 'وصل الرئيس إلى القمة'),"
            " (5, 'بوتين', 'قال بوتين إن زيارة الرئيس مهمة'),"
            " (6, 'أخبار', 'لقاء لقاء لقاء');"
            "INSERT INTO a_fts (rowid, title, text) SELECT id, title, text FROM a;");
  /* Rows that make the other words rare: a query for them looks each length up instead of
   * reading all (the first ones below), one for الطقس reads them all. */
  for (guint i = 100; i < 130; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO a VALUES (%u, 'الطقس', 'خبر عن الطقس"
                                              " رقم %u');"
                                              "INSERT INTO a_fts (rowid, title, text)"
                                              " SELECT id, title, text FROM a WHERE id = %u;",
                                              i, i, i);

      exec_sql (db, sql);
    }

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_assert_cmpuint (assert_rank_equals_bm25 (db, "a_fts", ", 4.0, 1.0", queries[i]), >, 0);
      assert_rank_equals_bm25 (db, "a_fts", "", queries[i]);
    }
  /* FTS5's own syntax, which user queries never reach: a phrase, a prefix, OR, a column. */
  for (guint i = 0; i < G_N_ELEMENTS (raw); i++)
    g_assert_cmpuint (assert_rank_equals_bm25_raw (db, "a_fts", ", 4.0, 1.0", raw[i]), >, 0);
  /* bm25()'s order: three times the word in a short text, then in the title (weighing four
   * times the text) and the text, then twice in a text, then once in a long text. */
  {
    g_autofree char *order = ranked (db, "لقاء");

    g_assert_cmpstr (order, ==, "6 1 3 2");
  }

  /* A row replaced by a longer one, one added and one deleted: the same number of rows, but
   * other lengths and average; the copy is read again. */
  exec_sql (db,
            "INSERT INTO a VALUES (7, 'لقاء', 'لقاء بوتين والرئيس في القمة');"
            "INSERT INTO a_fts (rowid, title, text) SELECT id, title, text FROM a WHERE id = 7;"
            "INSERT INTO a_fts (a_fts, rowid, title, text) SELECT 'delete', id, title, text"
            " FROM a WHERE id IN (1, 6);"
            "DELETE FROM a WHERE id = 1;"
            "UPDATE a SET text = 'لقاء لقاء لقاء بعد أن تأجل اللقاء مرات بسبب السفر' WHERE id = 6;"
            "INSERT INTO a_fts (rowid, title, text) SELECT id, title, text FROM a WHERE id = 6;");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    assert_rank_equals_bm25 (db, "a_fts", ", 4.0, 1.0", queries[i]);

  /* Inside a transaction, rows changed since the copy was read. */
  exec_sql (db,
            "BEGIN;"
            "INSERT INTO a_fts (a_fts, rowid, title, text) SELECT 'delete', id, title, text"
            " FROM a WHERE id = 6;"
            "INSERT INTO a_fts (rowid, title, text) VALUES (6, 'أخبار', 'لقاء في موسكو ولقاء"
            " في القاهرة مع الرئيس بوتين في القمة الطويلة');");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    assert_rank_equals_bm25 (db, "a_fts", ", 4.0, 1.0", queries[i]);
  exec_sql (db, "ROLLBACK;");
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    assert_rank_equals_bm25 (db, "a_fts", ", 4.0, 1.0", queries[i]);
  sqlite3_close (db);
}

/* What rasd_store_search() must keep however it is made fast: bm25()'s order and scores with
 * the title weighing four times the text, snippets with the surface word in brackets, clitics
 * and stems, and the same results once the index is optimized. */
static const char * const store_articles[][2] = {
  /* 1 */ { "لقاء في موسكو", "عقد اللقاء في موسكو أمس بين الرئيس وبوتين" },
  /* 2 */ { "زيارة", "توجه الوفد للقاء المسؤولين في القاهرة وبحث الطرفان العلاقات الثنائية"
                     " والتعاون في مجالات الطاقة والاستثمار والنقل والزراعة" },
  /* 3 */ { "الرئيس يستقبل", "أكد الرئيس أن لقاءه مع بوتين كان إيجابياً وأن اللقاء القادم"
                             " سيعقد في موسكو" },
  /* 4 */ { "أخبار", "لقاء لقاء لقاء" },
  /* 5 */ { "اجتماعات", "عقدت اجتماعات مكثفة في المملكة بحضور الرئيس" },
  /* 6 */ { "قمة", "وصل الرئيس إلى القمة" },
};

/* The search hits as "ID:SNIPPET" lines, with the reference order and scores checked against
 * bm25() computed by SQLite on the same index. */
static char *
store_search (RasdStore  *store,
              const char *user_text,
              guint       limit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = rasd_store_search (store, user_text, limit, &error);
  g_autofree char *expression = rasd_fts_query_from_user (user_text);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) result = g_string_new (NULL);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store),
                                       "SELECT rowid, bm25 (articles_fts, 4.0, 1.0) AS r"
                                       " FROM articles_fts WHERE articles_fts MATCH ?"
                                       " ORDER BY r, rowid", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW && (limit == 0 || n < limit))
    {
      RasdSearchHit *hit;

      g_assert_cmpuint (n, <, hits->len);
      hit = g_ptr_array_index (hits, n);
      g_assert_cmpint (hit->article_id, ==, sqlite3_column_int64 (stmt, 0));
      g_assert_cmpfloat (hit->rank, ==, sqlite3_column_double (stmt, 1));
      g_string_append_printf (result, "%" G_GINT64_FORMAT ":%s\n", hit->article_id, hit->snippet);
      n++;
    }
  g_assert_cmpuint (n, ==, hits->len);
  return g_string_free (g_steal_pointer (&result), FALSE);
}

static void
assert_hit (const char *hits,
            gint64      id,
            const char *marked)
{
  g_autofree char *prefix = g_strdup_printf ("%" G_GINT64_FORMAT ":", id);
  const char *line = hits;

  while (line != NULL && *line != '\0' && !g_str_has_prefix (line, prefix))
    line = strchr (line, '\n') != NULL ? strchr (line, '\n') + 1 : NULL;
  if (line == NULL || *line == '\0')
    g_error ("no hit %s in:\n%s", prefix, hits);
  {
    g_autofree char *snippet = g_strndup (line, strcspn (line, "\n"));

    if (strstr (snippet, marked) == NULL)
      g_error ("hit %s lacks %s", snippet, marked);
  }
}

static char *
hit_ids (const char *hits)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (const char *line = hits; *line != '\0'; line = strchr (line, '\n') + 1)
    g_string_append_printf (ids, "%s%.*s", ids->len > 0 ? " " : "",
                            (int) strcspn (line, ":"), line);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static gint64
count_segments (RasdStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store),
                                       "SELECT count(DISTINCT segid) FROM articles_fts_idx", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_store_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  static const char * const queries[] = {
    "لقاء", "بوتين", "الرئيس", "لقاء موسكو", "اجتماع", "الطاقة والاستثمار",
  };
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (store_articles); i++)
    {
      g_autoptr(RasdArticle) article = rasd_article_new ();

      rasd_article_set_title (article, store_articles[i][0]);
      rasd_article_set_text (article, store_articles[i][1]);
      g_assert_cmpint (rasd_store_add_article (store, article, NULL, &error), ==, i + 1);
      g_assert_no_error (error);
    }

  {
    g_autofree char *hits = store_search (store, "لقاء", 0);
    g_autofree char *ids = hit_ids (hits);

    /* bm25()'s order: the word thrice in a short text; in the title and the text; twice in
     * the text; once in a long text. */
    g_assert_cmpstr (ids, ==, "4 1 3 2");
    /* Clitics: the article, ل + article, the pronoun; each bracketed as written. */
    assert_hit (hits, 1, "[اللقاء]");
    assert_hit (hits, 2, "[للقاء]");
    assert_hit (hits, 3, "[لقاءه]");
    assert_hit (hits, 4, "[لقاء] [لقاء] [لقاء]");
  }
  {
    g_autofree char *hits = store_search (store, "لقاء", 2);
    g_autofree char *ids = hit_ids (hits);

    g_assert_cmpstr (ids, ==, "4 1");
  }
  {
    g_autofree char *hits = store_search (store, "بوتين", 0);
    g_autofree char *ids = hit_ids (hits);

    g_assert_cmpstr (ids, ==, "1 3");
    assert_hit (hits, 1, "[وبوتين]");
  }
  {
    /* A plural found from the singular (index forms and the stem). */
    g_autofree char *hits = store_search (store, "اجتماع", 0);

    assert_hit (hits, 5, "[اجتماعات]");
  }
  {
    /* Words are ANDed, each in its own brackets. */
    g_autofree char *hits = store_search (store, "الطاقة والاستثمار", 0);
    g_autofree char *ids = hit_ids (hits);

    g_assert_cmpstr (ids, ==, "2");
    assert_hit (hits, 2, "[الطاقة] [والاستثمار]");
  }

  /* More articles in batches of their own, as an import leaves them: several segments, which
   * rasd_store_optimize_search_index() merges without changing any result. */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(RasdArticle) article = rasd_article_new ();
      g_autofree char *text = g_strdup_printf ("خبر رقم %u عن الطقس في المدينة", i);

      g_assert_true (rasd_store_begin (store, &error));
      rasd_article_set_title (article, "الطقس");
      rasd_article_set_text (article, text);
      g_assert_cmpint (rasd_store_add_article (store, article, NULL, &error), >, 0);
      g_assert_true (rasd_store_commit (store, &error));
    }
  g_assert_cmpint (count_segments (store), >, 1);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_ptr_array_add (before, store_search (store, queries[i], 0));
  /* Too few new articles to be worth it, then as after a large import. */
  g_assert_true (rasd_store_optimize_search_index (store, 999, &error));
  g_assert_cmpint (count_segments (store), >, 1);
  g_assert_true (rasd_store_optimize_search_index (store, 1000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_segments (store), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *after = store_search (store, queries[i], 0);

      g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
    }
}

/* The work a search does, as FTS5 counts it (not time): phrases parsed and snippet bytes. */
static RasdFtsWork
search_work (RasdStore   *store,
             const char  *user_text,
             char       **hits_text)
{
  RasdFtsWork before, after;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GArray) event_ids = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  rasd_fts_get_work (&before);
  hits = rasd_store_search (store, user_text, 0, &error);
  g_assert_no_error (error);
  event_ids = rasd_store_search_event_ids (store, user_text, &error);
  g_assert_no_error (error);
  rasd_fts_get_work (&after);
  for (guint i = 0; i < hits->len; i++)
    {
      RasdSearchHit *hit = g_ptr_array_index (hits, i);
      g_string_append_printf (text, "%" G_GINT64_FORMAT ":%s\n", hit->article_id, hit->snippet);
    }
  *hits_text = g_string_free (g_steal_pointer (&text), FALSE);
  return (RasdFtsWork) { after.query_phrases - before.query_phrases, after.aux_bytes - before.aux_bytes };
}

/* A query of a word typed a thousand times (and spelled with its vowel marks) costs what the
 * word alone does and finds the same; a query over the bounds is refused with a message. */
static void
test_query_cost (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(GString) repeated = g_string_new (NULL);
  g_autofree char *single_hits = NULL;
  g_autofree char *repeated_hits = NULL;
  RasdFtsWork single, many;

  g_assert_no_error (error);
  g_assert_true (rasd_store_begin (store, &error));
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(RasdArticle) article = rasd_article_new ();
      g_autofree char *text = g_strdup_printf ("انتهى اللقاء رقم %u بين الوفدين في المدينة، "
                                               "وتقرر عقد لقاء آخر الشهر المقبل.", i);

      rasd_article_set_title (article, "خبر");
      rasd_article_set_text (article, text);
      g_assert_cmpint (rasd_store_add_article (store, article, NULL, &error), >, 0);
    }
  g_assert_true (rasd_store_commit (store, &error));

  for (guint i = 0; i < 1000; i++)
    g_string_append (repeated, i % 3 == 2 ? "لِقَاءٌ " : "لقاء ");
  g_assert_cmpuint (g_utf8_strlen (repeated->str, -1), <=, RASD_FTS_MAX_QUERY_CHARS);
  {
    g_autofree char *expression = rasd_fts_query_from_user (repeated->str);
    g_assert_cmpstr (expression, ==, "\"لقاء\"");
  }

  single = search_work (store, "لقاء", &single_hits);
  many = search_work (store, repeated->str, &repeated_hits);
  g_test_message ("one word: %" G_GUINT64_FORMAT " phrases, %" G_GUINT64_FORMAT " snippet bytes; "
                  "1000 words: %" G_GUINT64_FORMAT " phrases, %" G_GUINT64_FORMAT " snippet bytes",
                  single.query_phrases, single.aux_bytes, many.query_phrases, many.aux_bytes);
  g_assert_cmpuint (single.query_phrases, >, 0);
  g_assert_cmpuint (single.aux_bytes, >, 0);
  g_assert_cmpuint (many.query_phrases, <=, 2 * single.query_phrases);
  g_assert_cmpuint (many.aux_bytes, <=, 2 * single.aux_bytes);
  g_assert_cmpuint (strlen (single_hits), >, 0);
  g_assert_cmpstr (repeated_hits, ==, single_hits);

  /* The bounds: different words, and characters. */
  {
    g_autoptr(GString) words = g_string_new (NULL);
    g_autoptr(GPtrArray) hits = NULL;

    for (guint i = 0; i < RASD_FTS_MAX_QUERY_TERMS; i++)
      g_string_append_printf (words, "w%u ", i);
    hits = rasd_store_search (store, words->str, 0, &error);
    g_assert_no_error (error);
    g_clear_pointer (&hits, g_ptr_array_unref);

    g_string_append (words, "one-more");
    hits = rasd_store_search (store, words->str, 0, &error);
    g_assert_null (hits);
    g_assert_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY);
    g_assert_nonnull (strstr (error->message, "different words"));
    g_clear_error (&error);
  }
  {
    g_autofree char *paste = g_strnfill (RASD_FTS_MAX_QUERY_CHARS + 1, 'x');
    g_autoptr(GArray) ids = rasd_store_search_event_ids (store, paste, &error);

    g_assert_null (ids);
    g_assert_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY);
    g_assert_nonnull (strstr (error->message, "characters"));
  }
}

/* The MD5 of T's index rows. */
static char *
index_rows (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, hex (block) FROM t_data ORDER BY id", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (rows, "%lld %s\n", (long long) sqlite3_column_int64 (stmt, 0),
                            (const char *) sqlite3_column_text (stmt, 1));
  return g_compute_checksum_for_string (G_CHECKSUM_MD5, rows->str, rows->len);
}

/* Tokens computed ahead (on a worker, in an import) and replayed by the tokenizer make the
 * same index as tokenizing; a text no stream was offered for is tokenized. */
static void
test_replay (void)
{
  g_autoptr(GError) error = NULL;
  RasdFtsReplay *replay = rasd_fts_replay_new ();
  sqlite3 *plain = open_db ();
  sqlite3 *db = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  const char *other = "كتب المراسل تقريراً عن المؤتمر";

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (rasd_fts_register_tokenizer_with_replay (db, replay, &error));
  g_assert_no_error (error);
  exec_sql (db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='rasd_arabic')");

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    g_string_append_printf (long_text, "%s، و%s. ", documents[i],
                            documents[G_N_ELEMENTS (documents) - 1 - i]);
  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      rasd_fts_replay_offer (replay, rasd_fts_tokens_new (documents[i], -1));
      insert (db, i + 1, documents[i]);
      insert (plain, i + 1, documents[i]);
    }
  g_assert_cmpuint (rasd_fts_replay_get_n_replayed (replay), ==, G_N_ELEMENTS (documents));
  rasd_fts_replay_offer (replay, rasd_fts_tokens_new (long_text->str, -1));
  /* offered for another text: not used */
  rasd_fts_replay_offer (replay, rasd_fts_tokens_new ("كتب المراسل تقريرا عن المؤتمر", -1));
  insert (db, 100, long_text->str);
  insert (plain, 100, long_text->str);
  insert (db, 101, other);
  insert (plain, 101, other);
  g_assert_cmpuint (rasd_fts_replay_get_n_replayed (replay), ==, G_N_ELEMENTS (documents) + 1);
  rasd_fts_replay_clear (replay);
  insert (db, 102, documents[0]);
  insert (plain, 102, documents[0]);
  g_assert_cmpuint (rasd_fts_replay_get_n_replayed (replay), ==, G_N_ELEMENTS (documents) + 1);
  /* nothing to tokenize in an empty text or one over the limit */
  g_assert_null (rasd_fts_tokens_new ("", -1));

  expected = index_rows (plain);
  got = index_rows (db);
  g_assert_cmpstr (got, ==, expected);
  exec_sql (db, "INSERT INTO t (t) VALUES ('integrity-check')");
  sqlite3_close (plain);
  sqlite3_close (db);
}

static void
test_register_errors (void)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_true (rasd_fts_register_tokenizer (db, &error));
  /* Registering twice replaces the tokenizer; no error. */
  g_assert_true (rasd_fts_register_tokenizer (db, &error));
  g_assert_no_error (error);
  /* The tokenizer takes no arguments. */
  g_assert_cmpint (sqlite3_exec (db, "CREATE VIRTUAL TABLE t USING fts5 (body,"
                                     " tokenize='rasd_arabic extra')", NULL, NULL, &message),
                   !=, SQLITE_OK);
  sqlite3_free (message);
  sqlite3_close (db);
}

/* Every article of the shared corpus: the index holds together, and every highlighted span is
 * a word without stray marks around it.  No timing is asserted. */
static void
test_corpus (void)
{
  g_autofree char *dir = rasd_test_shared_corpus ("snn-dev");
  g_autoptr(GDir) listing = NULL;
  static const char * const queries[] = { "بوتين", "لقاء", "الرئيس", "زيارة", "السعودية" };
  sqlite3 *db;
  const char *name;
  gint64 rowid = 0;
  guint highlighted = 0;

  if (dir == NULL)
    return;
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  db = open_db ();
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      path = g_build_filename (dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      insert (db, ++rowid, text);
    }
  exec_sql (db, "INSERT INTO t (t) VALUES ('integrity-check')");

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *expression = rasd_fts_query_from_user (queries[i]);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT highlight(t, 0, '\x01', '\x02') FROM t"
                                               " WHERE t MATCH ?", -1, &stmt, NULL),
                       ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *p = (const char *) sqlite3_column_text (stmt, 0);
          const char *open;

          g_assert_true (g_utf8_validate (p, -1, NULL));
          while ((open = strchr (p, '\x01')) != NULL)
            {
              const char *close = strchr (open, '\x02');
              const char *last;

              g_assert_nonnull (close);
              g_assert_cmpint (close - open, >, 1);
              g_assert_cmpint (rasd_arabic_classify (g_utf8_get_char (open + 1)), ==,
                               RASD_ARABIC_CLASS_WORD);
              last = g_utf8_prev_char (close);
              g_assert_cmpint (rasd_arabic_classify (g_utf8_get_char (last)), !=,
                               RASD_ARABIC_CLASS_IGNORABLE);
              highlighted++;
              p = close + 1;
            }
        }
    }
  g_assert_cmpuint (highlighted, >, 0);
  sqlite3_close (db);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/fts/proclitics", test_proclitics);
  ADD ("/fts/precision", test_precision);
  ADD ("/fts/normalisation", test_normalisation);
  ADD ("/fts/stem", test_stem);
  ADD ("/fts/highlight", test_highlight);
  ADD ("/fts/query-escaping", test_query_escaping);
  ADD ("/fts/integrity", test_integrity);
  g_test_add_func ("/fts/query-from-user", test_query_from_user);
  g_test_add_func ("/fts/index-forms", test_index_forms);
  g_test_add_func ("/fts/external-content", test_external_content);
  g_test_add_func ("/fts/register-errors", test_register_errors);
  g_test_add_func ("/fts/replay", test_replay);
  g_test_add_func ("/fts/rank", test_rank);
  g_test_add_func ("/fts/store-search", test_store_search);
  g_test_add_func ("/fts/query-cost", test_query_cost);
  g_test_add_func ("/fts/corpus", test_corpus);

#undef ADD

  return g_test_run ();
}
