#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "rasd-article.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define RASD_TYPE_STORE (rasd_store_get_type ())

G_DECLARE_FINAL_TYPE (RasdStore, rasd_store, RASD, STORE, GObject)

/* The newest schema this build writes (PRAGMA user_version). */
#define RASD_STORE_SCHEMA_VERSION 2

typedef struct
{
  gint64 n_articles;
  gint64 n_people;
  gint64 n_places;
  gint64 n_events;
  gint64 n_excerpts;
  gint64 text_bytes;
} RasdStoreStats;

typedef struct
{
  gint64  article_id;
  char   *title;
  char   *snippet;  /* matches wrapped in [ ] */
  double  rank;
} RasdSearchHit;

void        rasd_search_hit_free       (RasdSearchHit *hit);

/* The user's database: $XDG_DATA_HOME/rasd/rasd.db. */
char       *rasd_store_default_path    (void);

/* Opens (creating if needed) and migrates to RASD_STORE_SCHEMA_VERSION.  ":memory:" works. */
RasdStore  *rasd_store_open            (const char     *path,
                                        GError        **error);
/* Migrates only up to @version: for tests of migrations from older databases. */
RasdStore  *rasd_store_open_at_version (const char     *path,
                                        int             version,
                                        GError        **error);

const char *rasd_store_get_path        (RasdStore      *self);
int         rasd_store_get_schema_version (RasdStore   *self);
sqlite3    *rasd_store_get_db          (RasdStore      *self);

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

/* Stores @article and indexes it for search.  Returns the new id, or the existing article's id
 * with @duplicate set when the same text is already stored; 0 on error. */
gint64      rasd_store_add_article     (RasdStore      *self,
                                        RasdArticle    *article,
                                        gboolean       *duplicate,
                                        GError        **error);

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

gboolean    rasd_store_get_stats       (RasdStore      *self,
                                        RasdStoreStats *stats,
                                        GError        **error);

G_END_DECLS
