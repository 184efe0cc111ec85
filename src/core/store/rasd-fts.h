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

/* A document's index tokens computed ahead, on another thread than the one that stores it (an
 * import's extraction workers): exactly what the tokenizer gives when FTS5 indexes the text.
 * NULL for a text over RASD_FTS_TOKENS_MAX_TEXT bytes (its tokens would take more memory than
 * they save time) or an empty one. */
typedef struct _RasdFtsTokens RasdFtsTokens;

#define RASD_FTS_TOKENS_MAX_TEXT (1024 * 1024)

RasdFtsTokens *rasd_fts_tokens_new      (const char     *text,
                                         gssize          len);
void           rasd_fts_tokens_free     (RasdFtsTokens  *tokens);
/* The bytes @tokens holds (its text's copy included). */
gsize          rasd_fts_tokens_get_size (RasdFtsTokens  *tokens);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdFtsTokens, rasd_fts_tokens_free)

/* Token streams offered to one connection's tokenizer: when FTS5 indexes a document whose
 * text is that of a stream offered, the tokenizer replays the stream instead of tokenizing
 * (same tokens, same order); any other text, a query, snippet() and highlight() are
 * tokenized as always.  The streams are kept until rasd_fts_replay_clear(), at most
 * RASD_FTS_REPLAY_MAX_BYTES of them (the ones over it are dropped: their texts are then
 * tokenized when indexed). */
typedef struct _RasdFtsReplay RasdFtsReplay;

#define RASD_FTS_REPLAY_MAX_BYTES (64 * 1024 * 1024)

/* Registers "rasd_arabic" on @db with @replay, which the connection then owns (freed when
 * it closes); the caller may use it while the connection is open. */
gboolean       rasd_fts_register_tokenizer_with_replay (sqlite3        *db,
                                                        RasdFtsReplay  *replay,
                                                        GError        **error);
RasdFtsReplay *rasd_fts_replay_new      (void);
/* Takes @tokens (NULL is ignored). */
void           rasd_fts_replay_offer    (RasdFtsReplay  *replay,
                                         RasdFtsTokens  *tokens);
void           rasd_fts_replay_clear    (RasdFtsReplay  *replay);
/* How many documents were indexed from an offered stream (for tests). */
guint64        rasd_fts_replay_get_n_replayed (RasdFtsReplay *replay);

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
 * reach FTS5's query syntax.  Words are ANDed, each once: a word repeated, or spelled another
 * way that normalises the same, is left out (it would find nothing more, and FTS5 reads each
 * phrase again for every match and snippet).  Returns NULL when nothing searchable is left. */
char      *rasd_fts_query_from_user   (const char  *user_text);

/* What a search may ask at most: characters typed, and different words once normalised. */
#define RASD_FTS_MAX_QUERY_CHARS 10000
#define RASD_FTS_MAX_QUERY_TERMS 64

/* rasd_fts_query_from_user() within those bounds, as the store applies it to every search a
 * user types: over them, RASD_ERROR_INVALID_QUERY with a message saying which and how to
 * shorten the search.  NULL without an error when nothing searchable is left. */
char      *rasd_fts_query_from_user_bounded (const char  *user_text,
                                             GError     **error);

/* The full-text work this thread has done since it started: phrases of queries tokenized (FTS5
 * parses a MATCH expression, each phrase in it, for every statement that runs it: once per
 * query, and once per hit in a join), and bytes tokenized for snippets and highlights.  Tests
 * and benchmarks compare it before and after a search: a cost measure that is not a clock. */
typedef struct
{
  guint64 query_phrases;
  guint64 aux_bytes;
} RasdFtsWork;

void       rasd_fts_get_work          (RasdFtsWork *work);

G_END_DECLS
