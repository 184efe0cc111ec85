#pragma once

/* What the parts of RasdStore share (the GTK way of splitting a large class): the instance
 * struct, the kept statements and the helpers over them.  Only rasd-store*.c include this.
 *
 *   rasd-store.c             connection, migrations (SQL in schema/), statements, transactions
 *   rasd-store-articles.c    articles, full-text search, an article's mentions and events
 *   rasd-store-extraction.c  saving extractions, grouping events across articles
 *   rasd-store-events.c      listing events, the explorer's marks, facet counts
 *   rasd-store-excerpts.c    the basket
 *   rasd-store-types.c       freeing the plain structs the store returns */

#include <sqlite3.h>

#include "rasd-store.h"

G_BEGIN_DECLS

/* Statements prepared once and kept (their SQL is in rasd-store.c). */
typedef enum
{
  STMT_FIND_HASH,
  STMT_INSERT_ARTICLE,
  STMT_INDEX_STORED,
  STMT_INDEX_PENDING,
  STMT_GET_ARTICLE,
  STMT_LIST_ARTICLES,
  STMT_SEARCH,
  STMT_LIST_ARTICLE_IDS,
  STMT_ARTICLE_EVENTS,
  STMT_ARTICLE_ENTITIES,
  STMT_DELETE_MENTIONS,
  STMT_DELETE_EVIDENCE,
  STMT_DELETE_SOURCES,
  STMT_DELETE_EVENT_IF_ORPHAN,
  STMT_UPDATE_EVENT_ROLE,
  STMT_DELETE_ENTITY_IF_ORPHAN,
  STMT_FIND_KNOWN_ENTITY,
  STMT_UPSERT_ENTITY,
  STMT_INSERT_MENTION,
  STMT_FIND_EVENT_CANDIDATES,
  STMT_COUNT_CANDIDATES,
  STMT_MAX_EVENT_ID,
  STMT_EVENT_PARTICIPANT_IDS,
  STMT_INSERT_EVENT,
  STMT_INSERT_PARTICIPANT,
  STMT_INSERT_SOURCE,
  STMT_INSERT_EVIDENCE,
  STMT_UPDATE_EVENT_DATE,
  STMT_UPDATE_EVENT_PLACE,
  STMT_EVENT_PARTICIPANTS,
  STMT_EVENT_SOURCES,
  STMT_EVENT_EVIDENCE,
  N_STMTS
} StoreStatement;


struct _RasdStore
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *db;
  sqlite3_stmt *stmts[N_STMTS];
  int           schema_version;
  guint         savepoint_depth;
  gboolean      read_only;  /* opened read-only: the user may not write the file */
  GCancellable *cancellable;  /* rasd_store_set_cancellable() */
  /* Inside a transaction of rasd_store_begin(), articles are indexed for search when it
   * commits (rasd_store_index_pending()): FTS5 writes what it holds to disk at every
   * savepoint, which made a segment of every imported file. */
  gboolean      index_at_commit;
  GArray       *pending_index;  /* gint64: the ids of the articles to index */
};

/* Turns the connection's last error into a GError that names the database and what was being
 * done (@doing); busy databases get their own code so callers can tell the user to wait.
 * Returns FALSE. */
gboolean       rasd_store_set_sqlite_error  (RasdStore       *self,
                                             GError         **error,
                                             const char      *doing);
gboolean       rasd_store_exec_sql          (RasdStore       *self,
                                             const char      *sql,
                                             GError         **error);
/* Prepares @sql into *@stmt; FALSE with @error set, naming @doing, when it cannot. */
gboolean       rasd_store_prepare           (RasdStore       *self,
                                             const char      *sql,
                                             sqlite3_stmt   **stmt,
                                             const char      *doing,
                                             GError         **error);
/* The kept statement @which, reset and unbound; NULL when it cannot be prepared. */
sqlite3_stmt  *rasd_store_get_statement     (RasdStore       *self,
                                             StoreStatement   which,
                                             GError         **error);
/* Indexes the articles added since rasd_store_begin() (or at once when not in one). */
gboolean       rasd_store_index_article     (RasdStore       *self,
                                             gint64           id,
                                             GError         **error);

/* Runs a kept statement that takes one id and returns no rows. */
gboolean       rasd_store_run_with_id       (RasdStore       *self,
                                             StoreStatement   which,
                                             gint64           id,
                                             const char      *doing,
                                             GError         **error);
/* The ids a kept statement taking one id returns in its first column. */
GArray        *rasd_store_ids_with_id       (RasdStore       *self,
                                             StoreStatement   which,
                                             gint64           id,
                                             const char      *doing,
                                             GError         **error);
/* Steps @stmt to its end (then resets it) and returns the values of its first column (gint64);
 * NULL with @error set, naming @doing, when a step fails. */
GArray        *rasd_store_step_ids          (RasdStore       *self,
                                             sqlite3_stmt    *stmt,
                                             const char      *doing,
                                             GError         **error);
/* Makes the value a row stands for. */
typedef gpointer (*RasdStoreRowFunc) (sqlite3_stmt *stmt);
/* Steps @stmt to its end (then resets it), adding @from_row's value of every row to @rows;
 * FALSE with @error set, naming @doing, when a step fails. */
gboolean       rasd_store_step_rows         (RasdStore       *self,
                                             sqlite3_stmt    *stmt,
                                             RasdStoreRowFunc from_row,
                                             GPtrArray       *rows,
                                             const char      *doing,
                                             GError         **error);
void           rasd_store_bind_text_or_null (sqlite3_stmt    *stmt,
                                             int              index,
                                             const char      *value);
const char    *rasd_store_column_text       (sqlite3_stmt    *stmt,
                                             int              column);
/* What a user typed as an FTS5 expression in *@match, within the search's bounds
 * (rasd_fts_query_from_user_bounded()); *@match NULL when there is nothing to search.  FALSE
 * with @error set when the query is over the bounds. */
gboolean       rasd_store_user_query        (const char      *user_text,
                                             char           **match,
                                             GError         **error);
/* A name as the words it is matched by (rasd_name_words () in SQL). */
char          *rasd_store_name_to_words     (const char      *name);
/* Days since the epoch of the first and the last day of @date; FALSE when it is unknown. */
gboolean       rasd_store_date_day_range    (const RasdDate  *date,
                                             gint64          *first,
                                             gint64          *last);

/* People and places are shared by the events of one listing (refcounted). */
void           rasd_stored_place_unref      (RasdStoredPlace  *place);
void           rasd_stored_source_free      (RasdStoredSource *source);

G_END_DECLS
