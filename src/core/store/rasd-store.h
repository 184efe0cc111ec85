#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "rasd-article.h"
#include "rasd-correction.h"
#include "rasd-excerpt.h"
#include "rasd-event-kind.h"
#include "rasd-extraction.h"
#include "rasd-fts.h"
#include "rasd-store-types.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define RASD_TYPE_STORE (rasd_store_get_type ())

G_DECLARE_FINAL_TYPE (RasdStore, rasd_store, RASD, STORE, GObject)

/* The newest schema this build writes (PRAGMA user_version). */
#define RASD_STORE_SCHEMA_VERSION 11

/* Sets SQLite's process-wide options for the store: no memory statistics (SQLite otherwise
 * takes a process-wide mutex on every allocation to count them, and Rasd reads no count).
 * Effective only before SQLite is first used in the process, so programs call it first thing
 * in main(); later calls do nothing. */
void        rasd_store_configure_sqlite (void);

/* The user's database: $XDG_DATA_HOME/rasd/rasd.db. */
char       *rasd_store_default_path    (void);

/* Opens (creating if needed) and migrates to RASD_STORE_SCHEMA_VERSION.  ":memory:" works.
 * A database the user may only read (no permission to write it or its folder, a read-only
 * disk) opens read-only (rasd_store_is_read_only()): reading works, writing fails.  A folder,
 * a file that is not a database or one cut short gets one sentence naming the file. */
RasdStore  *rasd_store_open            (const char     *path,
                                        GError        **error);
/* Whether rasd_store_open() will first bring @path up to this version's schema (an older Rasd
 * wrote it), which takes minutes for a large database; @n_articles, if not NULL, is set to the
 * number of articles it holds.  Reads the file and changes nothing.  FALSE when the file is
 * absent, empty, at this version already, or cannot be read: opening it then says why. */
gboolean    rasd_store_needs_upgrade   (const char     *path,
                                        guint          *n_articles);
/* rasd_store_open() on a worker thread, for a window that must not wait on an upgrade.  The
 * store, once given, belongs to the thread that called rasd_store_open_finish(). */
void        rasd_store_open_async      (const char     *path,
                                        GCancellable   *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer        user_data);
RasdStore  *rasd_store_open_finish     (GAsyncResult   *result,
                                        GError        **error);
/* Opens read-only even when the file could be written (it must exist). */
RasdStore  *rasd_store_open_read_only  (const char     *path,
                                        GError        **error);
gboolean    rasd_store_is_read_only    (RasdStore      *self);
/* Migrates only up to @version: for tests of migrations from older databases. */
RasdStore  *rasd_store_open_at_version (const char     *path,
                                        int             version,
                                        GError        **error);

const char *rasd_store_get_path        (RasdStore      *self);
int         rasd_store_get_schema_version (RasdStore   *self);
sqlite3    *rasd_store_get_db          (RasdStore      *self);

/* Until set back to NULL, every statement of this connection stops once @cancellable is
 * cancelled, with G_IO_ERROR_CANCELLED, and so does a wait for another process's lock: a query
 * outdated by a newer one (the window's next keystroke) gives its thread back at once.  The
 * connection's thread only, like every call on it. */
void        rasd_store_set_cancellable (RasdStore      *self,
                                        GCancellable   *cancellable);

/* SQLite's PRAGMA data_version: it changes when another connection, in this process or
 * another, commits to the database; never for this connection's own commits.  Does not wait
 * for a lock another process holds: RASD_ERROR_BUSY at once. */
gboolean    rasd_store_get_data_version (RasdStore     *self,
                                         gint64        *version,
                                         GError       **error);

/* Transactions.  Imports wrap each file in a savepoint inside a batch transaction. */
gboolean    rasd_store_begin           (RasdStore      *self,
                                        GError        **error);
gboolean    rasd_store_commit          (RasdStore      *self,
                                        GError        **error);
void        rasd_store_rollback        (RasdStore      *self);
gboolean    rasd_store_savepoint       (RasdStore      *self,
                                        GError        **error);
gboolean    rasd_store_release         (RasdStore      *self,
                                        GError        **error);
void        rasd_store_rollback_to     (RasdStore      *self);
gboolean    rasd_store_in_transaction  (RasdStore      *self);

/* For a long run of commits (an import): the write-ahead log is copied back into the database
 * on another thread with its own connection, never on this one's commits.  FALSE (and the
 * commits checkpoint as before) for an in-memory or read-only database or when the file cannot
 * be opened again.  Stop before the last commit is followed by anything else; freeing the
 * store stops them too. */
gboolean    rasd_store_start_background_checkpoints (RasdStore *self);
void        rasd_store_stop_background_checkpoints  (RasdStore *self);

/* Stores @article and indexes it for search.  Returns the new id, or the existing article's id
 * with @duplicate set when the same text is already stored; 0 on error. */
gint64      rasd_store_add_article     (RasdStore      *self,
                                        RasdArticle    *article,
                                        gboolean       *duplicate,
                                        GError        **error);

/* Offers the search index's tokens of a title or text about to be added, computed on another
 * thread (rasd_fts_tokens_new()): indexing that text then replays them instead of
 * tokenizing it.  Takes @tokens (NULL is ignored); what is not used is dropped when the
 * articles are indexed (at commit, or at once outside rasd_store_begin()) or rolled back. */
void        rasd_store_offer_search_tokens (RasdStore     *self,
                                            RasdFtsTokens *tokens);

RasdArticle *rasd_store_get_article    (RasdStore      *self,
                                        gint64          id,
                                        GError        **error);

/* All articles, newest first, without their text (call rasd_store_get_article for that). */
GListModel *rasd_store_list_articles   (RasdStore      *self,
                                        GError        **error);

/* Arabic-aware full-text search over titles and texts; the query is escaped, so any string
 * is safe.  Returns RasdSearchHit, best first. */
GPtrArray  *rasd_store_search          (RasdStore      *self,
                                        const char     *user_query,
                                        guint           limit,
                                        GError        **error);

/* Merges the full-text index into one segment after an import of @n_new_articles, if they
 * were many: at least 1,000 and a quarter of the archive.  Each import commits its batches as
 * new segments, which every search must then read and merge; after a large import this makes
 * searches about a fifth faster.  It rewrites the whole index (2 s for 100,000 articles),
 * which is why smaller imports leave it to FTS5's automatic merging.  Call it outside a
 * transaction.  FALSE only when the merge failed. */
gboolean    rasd_store_optimize_search_index (RasdStore  *self,
                                              gint64      n_new_articles,
                                              GError    **error);

/* Ids of all stored articles, in id order (gint64). */
GArray     *rasd_store_list_article_ids (RasdStore     *self,
                                         GError       **error);

/* Stores what extraction found in the article @article_id, replacing what an earlier extraction
 * of it stored (so it may be run again: re-extraction).  Entities are shared between articles;
 * an event that another article already reports (same people, compatible place and date) gets
 * this article as one more source instead of a second event.  All or nothing: outside a
 * transaction it is one; inside one, a failure leaves part of it stored, for the caller to
 * roll back (to a savepoint of its own, or the whole transaction). */
gboolean    rasd_store_save_extraction (RasdStore      *self,
                                        gint64          article_id,
                                        RasdExtraction *extraction,
                                        GError        **error);

/* Events matching @filter (NULL: all), by date (unknown dates last) then id.  Returns
 * RasdStoredEvent*; an invalid filter (a bad date, an unknown kind, a name with nothing to match)
 * fails with RASD_ERROR_INVALID_QUERY. */
GPtrArray  *rasd_store_list_events     (RasdStore             *self,
                                        const RasdEventFilter *filter,
                                        GError               **error);

/* Sets *@has_articles to whether any article is stored: cheap at any size, unlike
 * rasd_store_get_stats(), which reads every article's text to sum its size. */
gboolean    rasd_store_has_articles    (RasdStore      *self,
                                        gboolean       *has_articles,
                                        GError        **error);

/* The same events as rasd_store_list_events(), without their sources and evidence (NULL; the
 * sources are counted in n_sources): what the explorer's list, map and timeline need, several
 * times faster on 100,000 events.  rasd_store_get_event() gives one event in full. */
GPtrArray  *rasd_store_list_event_summaries (RasdStore             *self,
                                             const RasdEventFilter *filter,
                                             GError               **error);

/* The event @id with everything about it, as rasd_store_list_events() lists it; NULL with
 * RASD_ERROR_FAILED when there is no such event. */
RasdStoredEvent *rasd_store_get_event  (RasdStore      *self,
                                        gint64          id,
                                        GError        **error);

gboolean    rasd_store_get_stats       (RasdStore      *self,
                                        RasdStoreStats *stats,
                                        GError        **error);

/* Excerpts */

/* The basket: character ranges of stored articles (offsets in the cleaned text, end exclusive,
 * as GtkTextIter offsets count), in the user's order ("position", a REAL, so that one moves
 * between two others without renumbering).  The text is taken from the stored article, so it is
 * exactly what the range holds.  An excerpt goes with its article (ON DELETE CASCADE); its event
 * link is cleared when a re-extraction replaces the event (see rasd_excerpt_get_event_who). */

/* Appends the range @start..@end of article @article_id to the basket, linked to @event_id (0:
 * none) with @note (NULL: none).  Returns the new id, 0 on error (an unknown article or event, an
 * empty range or one outside the text). */
gint64      rasd_store_add_excerpt     (RasdStore      *self,
                                        gint64          article_id,
                                        gint64          start,
                                        gint64          end,
                                        gint64          event_id,
                                        const char     *note,
                                        GError        **error);
/* One excerpt per evidence span (a sentence) of event @event_id in article @article_id (0: in
 * every article that reports it), in text order, linked to the event; spans already in the
 * basket are skipped.  One span per excerpt keeps each range exact and each excerpt removable on
 * its own.  Returns the new ids (gint64; empty when all were there already), NULL on error. */
GArray     *rasd_store_add_excerpts_from_event (RasdStore *self,
                                                gint64     event_id,
                                                gint64     article_id,
                                                GError   **error);
/* All excerpts (RasdExcerpt*, with their citations) in basket order. */
GPtrArray  *rasd_store_list_excerpts   (RasdStore      *self,
                                        GError        **error);
RasdExcerpt *rasd_store_get_excerpt    (RasdStore      *self,
                                        gint64          id,
                                        GError        **error);
/* @note NULL or empty removes the note. */
gboolean    rasd_store_set_excerpt_note (RasdStore     *self,
                                         gint64         id,
                                         const char    *note,
                                         GError       **error);
/* Moves excerpt @id so that it is the @index-th (from 0) of the basket; past the end: last. */
gboolean    rasd_store_move_excerpt    (RasdStore      *self,
                                        gint64          id,
                                        guint           index,
                                        GError        **error);
gboolean    rasd_store_remove_excerpt  (RasdStore      *self,
                                        gint64          id,
                                        GError        **error);
/* Undoes rasd_store_remove_excerpt(): inserts @excerpt (as listed before removal) again with
 * the same id, position, note and citation. */
gboolean    rasd_store_restore_excerpt (RasdStore      *self,
                                        RasdExcerpt    *excerpt,
                                        GError        **error);

G_END_DECLS

/* Explorer queries */

/* The mentions of the article @article_id, by start offset.  Returns RasdStoredMention*. */
GPtrArray  *rasd_store_list_mentions   (RasdStore      *self,
                                        gint64          article_id,
                                        GError        **error);

/* Ids of the events the article @article_id reports (gint64, ascending). */
GArray     *rasd_store_list_article_events (RasdStore  *self,
                                            gint64      article_id,
                                            GError    **error);

/* Ids of the events reported by the articles that match the full-text query @user_query
 * (escaped like rasd_store_search's; gint64, ascending).  An empty query matches nothing. */
GArray     *rasd_store_search_event_ids (RasdStore     *self,
                                         const char    *user_query,
                                         GError       **error);

/* RasdFacetCount* of @facet over @events (RasdStoredEvent*), most events first, then by name. */
GPtrArray  *rasd_store_count_facet     (GPtrArray      *events,
                                        RasdFacet       facet);
/* The three at once, in one pass over @events (what the explorer needs after each filter
 * change); a NULL out pointer skips its facet. */
void        rasd_store_count_facets    (GPtrArray      *events,
                                        GPtrArray     **people,
                                        GPtrArray     **places,
                                        GPtrArray     **kinds);

/* The explorer at scale: marks */

/* The events matching @filter (its limit ignored) as marks (RasdEventMark), sorted by @sort:
 * DATE by day then id (RasdEventFilter's order); KIND by the order of @kind_order (kind names;
 * NULL: alphabetical), PLACE by the place's name, PARTICIPANTS by the name of the event's first
 * participant (the first of rasd_store_list_events' participants), SOURCES by their number; ties
 * by date.  @descending reverses the key, not the ties; events without the key (unknown date, no
 * place, no participant) come last either way.  The text filter goes through
 * rasd_store_search_event_ids().  Costs a read of an index entry or two per event: the whole
 * answer for a million events fits in 32 MB. */
GArray     *rasd_store_list_event_marks (RasdStore             *self,
                                         const RasdEventFilter *filter,
                                         RasdEventSort          sort,
                                         gboolean               descending,
                                         const char * const    *kind_order,
                                         GError               **error);

/* Summaries (as rasd_store_list_event_summaries() gives them) of the events @ids, in that order;
 * ids of events that are gone are skipped.  For a page of a list of marks. */
GPtrArray  *rasd_store_list_event_summaries_by_id (RasdStore    *self,
                                                   const gint64 *ids,
                                                   guint         n_ids,
                                                   GError      **error);

/* Facet counts of the events of @marks (RasdEventMark): people (one query over their
 * participants) and places (from the marks, with their coordinates), RasdFacetCount*, most
 * events first, then by name.  @cancellable is checked between steps. */
GPtrArray  *rasd_store_count_marks_people (RasdStore     *self,
                                           GArray        *marks,
                                           GCancellable  *cancellable,
                                           GError       **error);
GPtrArray  *rasd_store_count_marks_places (RasdStore     *self,
                                           GArray        *marks,
                                           GError       **error);

/* Corrections (schema 9): the user's decisions about events and entities, kept apart from what
 * extraction found and applied again after every save of an extraction (an import, a
 * re-extraction), matched by the evidence's article and offsets or by the entity's kind and
 * key.  A decision that matches nothing stays, listed as orphaned. */

typedef struct _RasdCorrectionUndo RasdCorrectionUndo;

void        rasd_correction_undo_free  (RasdCorrectionUndo *undo);
gint64      rasd_correction_undo_get_id (RasdCorrectionUndo *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdCorrectionUndo, rasd_correction_undo_free)

/* Records the decision @request and applies it; returns its id, 0 on error (an unknown event
 * or entity, a split that moves none or all of the evidence: RASD_ERROR_INVALID_QUERY).  With
 * @undo, what it changed is kept there for rasd_store_undo_correction(). */
gint64      rasd_store_add_correction  (RasdStore                   *self,
                                        const RasdCorrectionRequest *request,
                                        RasdCorrectionUndo         **undo,
                                        GError                     **error);
/* Removes the decision and puts back exactly what it changed; the last decision first. */
gboolean    rasd_store_undo_correction (RasdStore                   *self,
                                        RasdCorrectionUndo          *undo,
                                        GError                     **error);
/* Records and applies the undone decision again (same id); @undo stays valid for undo. */
gboolean    rasd_store_redo_correction (RasdStore                   *self,
                                        RasdCorrectionUndo          *undo,
                                        GError                     **error);
/* Every decision (RasdCorrection*), oldest first, with the event each applies to now. */
GPtrArray  *rasd_store_list_corrections (RasdStore                  *self,
                                         GError                    **error);
/* Applies every decision again, oldest first (after an import of decisions). */
gboolean    rasd_store_apply_all_corrections (RasdStore             *self,
                                              GError               **error);
/* The decisions as JSON: {"format": "rasd-corrections", "version": 1, "corrections": [...]},
 * each with its kind, time, entity or spans (articles by hash) and payload. */
char       *rasd_store_export_corrections (RasdStore                *self,
                                           GError                  **error);
/* Adds the decisions of a JSON export (@source names it in errors) and applies them; a
 * decision already stored (same kind, target and payload) is not added twice. */
gboolean    rasd_store_import_corrections (RasdStore                *self,
                                           const char               *json,
                                           gssize                    length,
                                           const char               *source,
                                           guint                    *n_added,
                                           GError                  **error);

/* Entities (rasd-store-entities.c): people, places and organisations with their confidence,
 * the number of events that name them, and whether the user rejected them or made them an
 * alias.  @kind NULL: all; @query NULL: all, else the words of their names. */
GPtrArray  *rasd_store_list_entities   (RasdStore                   *self,
                                        const char                  *kind,
                                        const char                  *query,
                                        GError                     **error);
RasdStoredEntity *rasd_store_get_entity (RasdStore                  *self,
                                         const char                 *kind,
                                         const char                 *key,
                                         GError                    **error);
