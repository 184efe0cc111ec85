/* User search text -> FTS5 query: whatever the user types, the escaped query is one FTS5
 * accepts (a syntax error would show the user SQLite's message instead of results), and ranking
 * what it matches with rasd_bm25() and cutting its snippets work. */
#define G_LOG_DOMAIN "rasd-fuzz"

#include "config.h"

/* This target sets up a database before the first input. */
#define FUZZ_OWN_INITIALIZE

#include <sqlite3.h>

#include "fuzz-common.h"
#include "rasd-fts.h"

static sqlite3 *db;
static sqlite3_stmt *search;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_init_logging ();
  g_assert (sqlite3_open (":memory:", &db) == SQLITE_OK);
  g_assert (rasd_fts_register_tokenizer (db, &error));
  g_assert (rasd_fts_register_rank_function (db, "t", &error));
  g_assert (sqlite3_exec (db,
                          "CREATE VIRTUAL TABLE t USING fts5 (title, text, tokenize='rasd_arabic');"
                          "INSERT INTO t VALUES ('لقاء في القاهرة', 'التقى الوزير نظيره للقاء ثان');"
                          "INSERT INTO t VALUES ('بوتين يستقبل الأسد', 'استقبل بوتين في الكرملين الأسد، وبحثا اللقاء المقبل');"
                          "INSERT INTO t VALUES ('', 'في في في لقاءات واجتماعات في موسكو ودمشق');"
                          "INSERT INTO t VALUES ('meeting in Cairo', 'The minister met his counterpart. ٢٠١٧');",
                          NULL, NULL, NULL) == SQLITE_OK);
  g_assert (sqlite3_prepare_v2 (db,
                                "SELECT rowid, rasd_bm25 (t, 4.0, 1.0) AS rank,"
                                "       snippet (t, 1, '[', ']', '…', 16) FROM t WHERE t MATCH ?"
                                " ORDER BY rank",
                                -1, &search, NULL)
            == SQLITE_OK);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, MIN (size, 4096));
  g_autofree char *query = rasd_fts_query_from_user (text);
  int rc;

  if (query == NULL)
    return 0;
  g_assert (g_utf8_validate (query, -1, NULL));
  sqlite3_reset (search);
  sqlite3_bind_text (search, 1, query, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (search)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    g_error ("query %s from %s: %s", query, text, sqlite3_errmsg (db));
  return 0;
}
