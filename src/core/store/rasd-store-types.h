#pragma once

/* The plain structs RasdStore takes and returns, apart from the store itself, so that what
 * only carries them (event items, exports) needs no store. */

#include <glib.h>

#include "rasd-event-kind.h"
#include "rasd-extraction.h"

G_BEGIN_DECLS

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

/* What rasd_store_list_events() returns: an event with everything about it, plain data.  The
 * people and places of one listing are shared between its events (refcounted, read-only). */
typedef struct
{
  char *key;
  char *name;
  char *name_en;   /* NULL when unknown */
} RasdStoredPerson;

/* A person as the store lists one (refcounted: rasd_stored_person_unref()), also for code that
 * builds events itself. */
RasdStoredPerson *rasd_stored_person_new   (const char       *key,
                                            const char       *name,
                                            const char       *name_en);
void              rasd_stored_person_unref (RasdStoredPerson *person);

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
  gboolean           place_shared;  /* place is a reference to the listing's shared place (set by
                                     * the store); FALSE: owned, freed field by field */
  guint              n_sources;     /* the number of articles that report it */
  GPtrArray         *sources;       /* RasdStoredSource*, by article id; NULL in summaries */
  GArray            *evidence;      /* RasdStoredEvidence, by article then offset; NULL in summaries */
  double             confidence;    /* 0..1: the extractor's, see EVENT_CONFIDENCE_SQL */
  gboolean           reviewed;      /* the user marked it reviewed */
  gboolean           edited;        /* a decision of the user changed it */
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
 *   million events asks for the first few hundred, then more as the user scrolls.
 * text: words the event's articles contain (full-text search, Arabic-aware; escaped, so any
 *   string is safe).
 * unreviewed: the review queue, events not yet marked reviewed. */
typedef struct
{
  const char *person;
  const char *place;
  const char *from;
  const char *to;
  const char *kind;
  guint       limit;
  const char *text;
  gboolean    unreviewed;  /* only events the user has not marked reviewed */
} RasdEventFilter;

/* One name, place or date the extractor found in an article, with its entity when it has one. */
typedef struct
{
  RasdMentionKind  kind;
  gint64           start;  /* characters in the article's cleaned text, end exclusive */
  gint64           end;
  char            *key;    /* the entity's key; NULL for dates */
  char            *name;   /* the entity's full name; for dates, the resolved ISO date or NULL */
} RasdStoredMention;

void        rasd_stored_mention_free   (RasdStoredMention *mention);

/* Counts of events by facet, computed from events already listed (so they follow whatever
 * filter produced them).  A person, place or kind with its number of events. */
typedef struct
{
  char     *key;     /* entity key, or the event kind */
  char     *name;    /* Arabic name, or the kind */
  char     *name_en; /* NULL when unknown */
  guint     count;
  gboolean  has_coordinates;  /* places counted from marks only */
  double    lat;
  double    lon;
} RasdFacetCount;

void        rasd_facet_count_free      (RasdFacetCount *count);

typedef enum
{
  RASD_FACET_PERSON,
  RASD_FACET_PLACE,
  RASD_FACET_KIND,
} RasdFacet;

/* What the explorer keeps of every matching event: a few bytes, so that a million fit. */
typedef struct
{
  gint64  id;
  gint64  place_id;   /* the place's entity id; 0: none */
  guint32 first_day;  /* GLib Julian days (g_date_get_julian), inclusive; 0: unknown date */
  guint32 last_day;
  guint8  kind;       /* index into rasd_store_event_kinds(); RASD_EVENT_KIND_OTHER: another */
} RasdEventMark;

/* What the event list can be sorted by (its columns). */
typedef enum
{
  RASD_EVENT_SORT_DATE,
  RASD_EVENT_SORT_KIND,
  RASD_EVENT_SORT_PARTICIPANTS,
  RASD_EVENT_SORT_PLACE,
  RASD_EVENT_SORT_SOURCES,
  RASD_EVENT_SORT_CONFIDENCE,
} RasdEventSort;

/* A person, place or organisation as rasd_store_list_entities() lists it. */
typedef struct
{
  gint64    id;
  char     *kind;        /* "person", "place", "organisation" */
  char     *key;
  char     *name;
  char     *name_en;     /* NULL when unknown */
  double    confidence;
  gboolean  rejected;    /* the user said it is not a person (place...) */
  char     *alias_key;   /* the entity it is the same as; NULL: none */
  char     *alias_name;
  guint     n_events;    /* events it takes part in or is the place of */
} RasdStoredEntity;

void        rasd_stored_entity_free    (RasdStoredEntity *entity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdStoredEntity, rasd_stored_entity_free)

G_END_DECLS
