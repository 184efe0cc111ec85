#pragma once

#include <glib.h>

#include "rasd-date.h"
#include "rasd-gazetteer.h"

G_BEGIN_DECLS

/* What the extractor finds in one article: entities, their mentions, dates and events.
 * Plain data, owned by the RasdExtraction; offsets are Unicode characters in the cleaned text. */

typedef enum
{
  RASD_ENTITY_PERSON,
  RASD_ENTITY_PLACE,
  RASD_ENTITY_ORGANISATION,
} RasdEntityKind;

/* One person, place or organisation the article names, however often.
 *
 * key: the lexicon or gazetteer key ("vladimir-putin", "170654", "country:SY"), or for a name
 * no lexicon knows "name:" + its normalised form, so the same unknown name in two articles is
 * one entity.  name is the full Arabic name (the lexicon's when known, else as written). */
typedef struct
{
  RasdEntityKind  kind;
  char           *key;
  char           *name;
  char           *name_en;     /* NULL when unknown */
  char           *country;     /* ISO 3166-1 alpha-2, NULL when unknown */
  /* places only */
  const char     *place_kind;  /* "city", "site", "country" (static) */
  double          lat;
  double          lon;
} RasdEntity;

typedef enum
{
  RASD_MENTION_PERSON,
  RASD_MENTION_PLACE,
  RASD_MENTION_ORGANISATION,
  RASD_MENTION_DATE,
} RasdMentionKind;

typedef struct
{
  RasdMentionKind kind;
  gsize           start;   /* characters, end exclusive */
  gsize           end;
  int             entity;  /* index into entities; -1 for dates */
  RasdDate        date;    /* dates only: the resolved date (precision NONE when unresolved) */
} RasdMention;

typedef enum
{
  RASD_EVENT_ROLE_HEADLINE,
  RASD_EVENT_ROLE_BACKGROUND,
  RASD_EVENT_ROLE_PLANNED,
} RasdEventRole;

typedef struct
{
  gsize start;
  gsize end;
} RasdSpan;

typedef struct
{
  const char    *kind;          /* "meeting", "visit", "talks", "reception", "call", "summit" (static) */
  const char    *cameo;         /* "040"... (static) */
  RasdDate       date;          /* precision NONE when the text does not fix it */
  RasdEventRole  role;
  GArray        *participants;  /* int: entity indexes (persons), in order of appearance */
  int            place;         /* entity index, or -1 */
  GArray        *evidence;      /* RasdSpan: the sentences that report it, in text order */
} RasdEvent;

typedef struct
{
  GPtrArray *entities;     /* RasdEntity* */
  GArray    *mentions;     /* RasdMention, in text order */
  GPtrArray *events;       /* RasdEvent*, in order of first evidence */
  RasdDate   publication;  /* as refined from the text; precision NONE when unknown */
  GHashTable *entity_index; /* private: RasdEntity* (kind, key) → index + 1 */
} RasdExtraction;

RasdExtraction *rasd_extraction_new        (void);
void            rasd_extraction_free       (RasdExtraction *self);

/* Index of the entity with @kind and @key, adding a new one (the remaining fields from the
 * arguments) when there is none. */
int             rasd_extraction_add_entity (RasdExtraction *self,
                                            RasdEntityKind  kind,
                                            const char     *key,
                                            const char     *name,
                                            const char     *name_en,
                                            const char     *country);
/* Index of the entity of gazetteer place @place (its coordinates and kind with it). */
int             rasd_extraction_add_place  (RasdExtraction  *self,
                                            const RasdPlace *place);
RasdEntity     *rasd_extraction_get_entity (RasdExtraction *self,
                                            int             index);

/* What one article may bring at most, so that a long transcript or book imports in bounded
 * time and space: the first events, the first sentences of each. */
#define RASD_EXTRACTION_MAX_EVENTS   20000
#define RASD_EXTRACTION_MAX_EVIDENCE 100

/* Keeps the first @max_events events and the first @max_evidence evidence spans of each;
 * returns what was left out, as a sentence for the import report, or NULL when nothing was. */
char           *rasd_extraction_cap        (RasdExtraction *self,
                                            guint           max_events,
                                            guint           max_evidence);

RasdEvent      *rasd_event_new             (void);
void            rasd_event_free            (RasdEvent      *event);
gboolean        rasd_event_has_participant (const RasdEvent *event,
                                            int              entity);

const char     *rasd_event_role_to_string  (RasdEventRole   role);
gboolean        rasd_event_role_from_string (const char    *str,
                                             RasdEventRole *out);
const char     *rasd_entity_kind_to_string (RasdEntityKind  kind);
const char     *rasd_mention_kind_to_string (RasdMentionKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdExtraction, rasd_extraction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdEvent, rasd_event_free)

G_END_DECLS
