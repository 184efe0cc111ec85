#pragma once

/* What the parts of RasdStore share (the GTK way of splitting a large class): the instance
 * struct, the kept statements and the helpers over them.  Only rasd-store*.c include this.
 *
 *   rasd-store.c             connection, migrations (SQL in schema/), statements, transactions
 *   rasd-store-articles.c    articles, full-text search, an article's mentions and events
 *   rasd-store-extraction.c  saving extractions, grouping events across articles
 *   rasd-store-events.c      listing events, the explorer's marks, facet counts
 *   rasd-store-excerpts.c    the basket
 *   rasd-store-corrections.c the user's decisions: recording, listing, export and import,
 *                            applying them after each save of an extraction
 *   rasd-store-correcting.c  what each kind of decision does to the events and entities
 *   rasd-store-snapshot.c    rows kept before a decision, so that undo restores them exactly
 *   rasd-store-entities.c    listing entities with their confidence
 *   rasd-store-types.c       freeing the plain structs the store returns
 *   rasd-store-checkpoint.c  checkpoints on another thread during an import */

#include <sqlite3.h>

#include <json-glib/json-glib.h>

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
  STMT_DELETE_ENTITY_ARTICLES,
  STMT_DELETE_EVIDENCE,
  STMT_DELETE_SOURCES,
  STMT_DELETE_EVENT_IF_ORPHAN,
  STMT_UPDATE_EVENT_ROLE,
  STMT_DELETE_ENTITY_IF_ORPHAN,
  STMT_FIND_KNOWN_ENTITY,
  STMT_UPSERT_ENTITY,
  STMT_FIND_EVENT_CANDIDATES,
  STMT_FIND_PAIR_CANDIDATES,
  STMT_FIND_PAIR_EVENTS,
  STMT_CANDIDATE,
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
  STMT_UPDATE_EVENT_CONFIDENCE,
  STMT_ARTICLE_HASH,
  N_STMTS
} StoreStatement;


typedef struct _RasdStoreCheckpointer RasdStoreCheckpointer;

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
  RasdFtsReplay *fts_replay;    /* the connection's (it owns it): rasd_store_offer_search_tokens() */
  /* What the corrections are about, so that saving an extraction no decision concerns costs
   * a hash lookup (NULL: to be read again).  Read again when another connection commits. */
  GHashTable   *correction_articles;  /* article hashes of the decisions' spans */
  GHashTable   *correction_entities;  /* "kind\x1fkey" of entity decisions */
  gint64        correction_data_version;
  gboolean      correcting_on_save;   /* entity decisions touch the rows only (see there) */
  gint64        correcting_article;   /* the article just saved, while its decisions apply */
  GHashTable   *correction_events;    /* gint64 decision id × 2 (+1: role "other") → gint64 event */
  GHashTable   *statement_cache;      /* SQL → sqlite3_stmt*, rasd_store_cached_statement() */
  RasdStoreCheckpointer *checkpointer; /* rasd_store_start_background_checkpoints() */
};

/* The order of event roles, best first: headline, background, planned. */
#define ROLE_RANK(x) "CASE " x " WHEN 'headline' THEN 0 WHEN 'background' THEN 1 ELSE 2 END"

/* An event's confidence, 0 to 1, from what the extractor had for it: its participants' and
 * place's confidence (a lexicon's or gazetteer's entity above a name no list knows), how
 * precise its date is, and how many sentences and articles report it (up to three: a summit
 * every paper reports is not counted to the end).  The event is ?1. */
/* A mention's kind in an article's mentions row (schema/11.sql), written by insert_mentions()
 * and read by rasd_store_list_mentions(): one letter. */
static inline char
rasd_store_mention_code (RasdMentionKind kind)
{
  switch (kind)
    {
    case RASD_MENTION_PERSON: return 'p';
    case RASD_MENTION_PLACE: return 'l';
    case RASD_MENTION_ORGANISATION: return 'o';
    case RASD_MENTION_DATE: return 'd';
    default: return '\0';
    }
}

/* The kind of @code, FALSE when it is none. */
static inline gboolean
rasd_store_mention_kind_of_code (char             code,
                                 RasdMentionKind *kind)
{
  for (RasdMentionKind k = RASD_MENTION_PERSON; k <= RASD_MENTION_DATE; k++)
    if (code == rasd_store_mention_code (k))
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

#define EVENT_CONFIDENCE_SQL \
  "round (" \
  "  0.45 * coalesce ((SELECT avg (en.confidence) FROM event_participants ep" \
  "                    JOIN entities en ON en.id = ep.entity_id WHERE ep.event_id = ?1), 0)" \
  "+ 0.15 * coalesce ((SELECT en.confidence FROM entities en" \
  "                    WHERE en.id = (SELECT place_id FROM events WHERE id = ?1)), 0)" \
  "+ 0.10 * ((SELECT date_precision FROM events WHERE id = ?1) / 3.0)" \
  "+ 0.15 * min (1.0, (SELECT count (*) FROM (SELECT 1 FROM evidence WHERE event_id = ?1 LIMIT 3)) / 3.0)" \
  "+ 0.15 * min (1.0, (SELECT count (*) FROM (SELECT 1 FROM event_sources WHERE event_id = ?1 LIMIT 3)) / 3.0), 3)"

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

/* Corrections (rasd-store-corrections.c).  Called by rasd_store_save_extraction() inside its
 * savepoint: the entity decisions on the extraction's entities are written on their rows
 * (@entity_ids, one per entity of @extraction), then, after the events are stored, the event
 * decisions whose evidence is in the article are applied again. */
gboolean       rasd_store_correct_entities  (RasdStore       *self,
                                             RasdExtraction  *extraction,
                                             GArray          *entity_ids,
                                             GError         **error);
gboolean       rasd_store_correct_article   (RasdStore       *self,
                                             gint64           article_id,
                                             GError         **error);
/* Forgets what the corrections are about (a decision was added or removed). */
void           rasd_store_corrections_changed (RasdStore     *self);
/* Applies the stored decision @id; sets its orphaned flag. */
gboolean       rasd_store_apply_correction  (RasdStore       *self,
                                             gint64           id,
                                             GError         **error);
gboolean       rasd_store_update_event_confidence (RasdStore *self,
                                                   gint64     event_id,
                                                   GError   **error);

/* The statement of @sql, prepared once per connection and kept (reset, unbound): the
 * corrections' SQL runs for every save a decision concerns.  Do not finalize it; reset it
 * after use, before running the same SQL again. */
sqlite3_stmt  *rasd_store_cached_statement  (RasdStore       *self,
                                             const char      *sql,
                                             GError         **error);
/* Runs @sql with parameters ?1.. bound from the varargs as @types says ('i' gint64, 't' const
 * char * (NULL: NULL), 'd' double); with @out, *@out is the first column of the first row (0
 * when none).  @doing names the work in the error. */
gboolean       rasd_store_run_sql           (RasdStore       *self,
                                             gint64          *out,
                                             GError         **error,
                                             const char      *doing,
                                             const char      *sql,
                                             const char      *types,
                                             ...);
/* @name of @object when it is an object, else NULL (json_object_get_object_member() warns
 * when it is missing). */
JsonObject    *rasd_store_object_member     (JsonObject      *object,
                                             const char      *name);
/* The first column of every row of @sql (one ?1 bound to @id) as gint64s. */
GArray        *rasd_store_ids_by_sql        (RasdStore       *self,
                                             const char      *sql,
                                             gint64           id,
                                             const char      *doing,
                                             GError         **error);

/* What a decision does (rasd-store-correcting.c): applies the decision of kind @kind with its
 * row's fields to the data as it is; *@matched: it found what it is about. */
gboolean       rasd_store_do_correction     (RasdStore          *self,
                                             gint64              id,
                                             RasdCorrectionKind  kind,
                                             const char         *entity_kind,
                                             const char         *entity_key,
                                             JsonObject         *payload,
                                             gboolean           *matched,
                                             GError            **error);
/* The event the spans of decision @id with @role point to now (0: none). */
gboolean       rasd_store_find_correction_event (RasdStore   *self,
                                                 gint64       id,
                                                 const char  *role,
                                                 JsonObject  *payload,
                                                 gint64      *event_id,
                                                 GError     **error);

/* Rows kept before a decision (rasd-store-snapshot.c): the events @event_ids with their
 * participants, sources, evidence and excerpts, the entities @entity_ids, and the largest
 * ids, so that restoring removes what the decision created and puts back what it changed. */
typedef struct _RasdStoreSnapshot RasdStoreSnapshot;

RasdStoreSnapshot *rasd_store_snapshot_take    (RasdStore         *self,
                                                GArray            *event_ids,
                                                GArray            *entity_ids,
                                                GError           **error);
/* Keeps the rows of the decision @id (and its spans) too. */
gboolean           rasd_store_snapshot_keep_correction (RasdStore         *self,
                                                        RasdStoreSnapshot *snapshot,
                                                        gint64             id,
                                                        GError           **error);
gboolean           rasd_store_snapshot_restore (RasdStore         *self,
                                                RasdStoreSnapshot *snapshot,
                                                GError           **error);
/* Inserts the decision's rows the snapshot kept (for redo). */
gboolean           rasd_store_snapshot_restore_correction (RasdStore         *self,
                                                           RasdStoreSnapshot *snapshot,
                                                           GError           **error);
void               rasd_store_snapshot_free    (RasdStoreSnapshot *snapshot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdStoreSnapshot, rasd_store_snapshot_free)

/* People and places are shared by the events of one listing (refcounted). */
void           rasd_stored_place_unref      (RasdStoredPlace  *place);
void           rasd_stored_source_free      (RasdStoredSource *source);

G_END_DECLS
