#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "rasd-article.h"
#include "rasd-extraction.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define RASD_TYPE_STORE (rasd_store_get_type ())

G_DECLARE_FINAL_TYPE (RasdStore, rasd_store, RASD, STORE, GObject)

/* The newest schema this build writes (PRAGMA user_version). */
#define RASD_STORE_SCHEMA_VERSION 4

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

/* What rasd_store_list_events() returns: an event with everything about it, plain data. */
typedef struct
{
  char *key;
  char *name;
  char *name_en;   /* NULL when unknown */
} RasdStoredPerson;

typedef struct
{
  char     *key;
  char     *name;
  char     *name_en;   /* NULL when unknown */
  char     *kind;      /* "city", "site", "country"; NULL when unknown */
  char     *country;   /* ISO 3166-1 alpha-2; NULL when unknown */
  gboolean  has_coordinates;
  double    lat;
  double    lon;
} RasdStoredPlace;

typedef struct
{
  gint64         article_id;
  char          *title;
  char          *source;  /* NULL when unknown */
  char          *url;     /* NULL when unknown */
  char          *date;    /* the article's publication date as stored; NULL when unknown */
  RasdEventRole  role;    /* the event's role in this article */
} RasdStoredSource;

typedef struct
{
  gint64 article_id;
  gint64 start;  /* characters in the article's cleaned text, end exclusive */
  gint64 end;
} RasdStoredEvidence;

typedef struct
{
  gint64             id;
  char              *kind;          /* "meeting", "visit", ... */
  char              *cameo;         /* NULL when unknown */
  char              *date;          /* "2020-01-07", "2020-01", "2020"; NULL when unknown */
  RasdDatePrecision  precision;
  RasdEventRole      role;          /* the best of its sources': headline, background, planned */
  GPtrArray         *participants;  /* RasdStoredPerson* */
  RasdStoredPlace   *place;         /* NULL when unknown */
  GPtrArray         *sources;       /* RasdStoredSource*, by article id */
  GArray            *evidence;      /* RasdStoredEvidence, by article then offset */
} RasdStoredEvent;

void        rasd_stored_event_free     (RasdStoredEvent *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdStoredEvent, rasd_stored_event_free)

/* Which events rasd_store_list_events() returns; every field is optional (NULL: any).
 *
 * person: a participant whose Arabic or English name contains the words given, in that order
 *   (normalised, any case, the article ال optional: "بوتين", "الأسد", "أسد", "putin" match), or
 *   whose key it is.
 * place: the same on the event's place; a country (name, key "country:SY" or code "SY") also
 *   matches the events in the places of that country.
 * from, to: ISO dates of any precision ("2015", "2015-07", "2015-07-21"); an event matches when
 *   its date overlaps the range (events of unknown date do not).
 * kind: exactly one of the event kinds ("meeting", "visit", "talks", "reception", "call",
 *   "summit").
 * limit: at most this many events, the first in the order returned (0: all).  A view showing a
 *   million events asks for the first few hundred, then more as the user scrolls. */
typedef struct
{
  const char *person;
  const char *place;
  const char *from;
  const char *to;
  const char *kind;
  guint       limit;
} RasdEventFilter;

/* The event kinds, NULL-terminated. */
const char * const *rasd_store_event_kinds (void);

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

/* Ids of all stored articles, in id order (gint64). */
GArray     *rasd_store_list_article_ids (RasdStore     *self,
                                         GError       **error);

/* Stores what extraction found in the article @article_id, replacing what an earlier extraction
 * of it stored (so it may be run again: re-extraction).  Entities are shared between articles;
 * an event that another article already reports (same people, compatible place and date) gets
 * this article as one more source instead of a second event.  One savepoint: all or nothing. */
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

gboolean    rasd_store_get_stats       (RasdStore      *self,
                                        RasdStoreStats *stats,
                                        GError        **error);

G_END_DECLS
