#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The FTS5 tokenizer "rasd_arabic": normalises each token with rasd_arabic_normalize() and,
 * when indexing, adds colocated forms without proclitics (و ف ب ك ل ال لل), without enclitic
 * pronouns (ه ها هم كم نا ...), and libstemmer's Arabic stem, so that a query for لقاء finds
 * اللقاء، للقاء، لقاءه and بوتين finds وبوتين. */
gboolean  rasd_fts_register_tokenizer (sqlite3     *db,
                                       GError     **error);

/* Registers the FTS5 auxiliary function rasd_bm25(), to be used on TABLE only: the same score as
 * bm25(TABLE, weights...), computed faster by keeping the documents' lengths in memory (4 bytes
 * an article).  The copy is read by the first query that matches many rows and read again
 * after the database has changed; until then, and inside transactions, lengths are looked up
 * as bm25() does. */
gboolean  rasd_fts_register_rank_function (sqlite3     *db,
                                           const char  *table,
                                           GError     **error);

/* The forms indexed for one already-normalised token, in order, without duplicates
 * (exposed for tests and for rasd-cli's diagnostics). */
GPtrArray *rasd_fts_index_forms       (const char  *token);

/* Turns what a user typed into a safe FTS5 MATCH expression: every word becomes a quoted
 * string, so quotes, OR, AND, NOT, NEAR, *, ^, : and parentheses are searched as text and never
 * reach FTS5's query syntax.  Words are ANDed.  Returns NULL when nothing searchable is left. */
char      *rasd_fts_query_from_user   (const char  *user_text);

G_END_DECLS
