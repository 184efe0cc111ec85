#pragma once

/* The user's corrections of what extraction found (schema 9): plain data that RasdStore keeps
 * apart from the extraction's output and applies again after every save of an extraction. */

#include <glib.h>

#include "rasd-extraction.h"
#include "rasd-gazetteer.h"

G_BEGIN_DECLS

typedef enum
{
  RASD_CORRECTION_EVENT_KIND,                /* payload {"kind": "visit"} */
  RASD_CORRECTION_EVENT_DATE,                /* {"date": "2020-01", "precision": 2} ({"date": null}: none) */
  RASD_CORRECTION_EVENT_PLACE,               /* {"entity": ENTITY} ({"entity": null}: none) */
  RASD_CORRECTION_EVENT_ADD_PARTICIPANT,     /* {"entity": ENTITY} */
  RASD_CORRECTION_EVENT_REMOVE_PARTICIPANT,  /* {"entity": ENTITY} */
  RASD_CORRECTION_EVENT_REJECT,              /* {}: not an event */
  RASD_CORRECTION_EVENT_MERGE,               /* {}: the "other" spans' event goes into the target's */
  RASD_CORRECTION_EVENT_SPLIT,               /* {}: the "split" spans become a new event */
  RASD_CORRECTION_EVENT_REVIEWED,            /* {"reviewed": true} */
  RASD_CORRECTION_ENTITY_REJECT,             /* {}: not a person, not a place */
  RASD_CORRECTION_ENTITY_RENAME,             /* {"name": "..."} */
  RASD_CORRECTION_ENTITY_ALIAS,              /* {"entity": ENTITY}: the same as that one */
  RASD_N_CORRECTION_KINDS
} RasdCorrectionKind;

/* ENTITY: {"kind", "key", "name", "name_en", "place_kind", "country", "lat", "lon"}, enough to
 * create the entity in a database that lacks it (a place from the gazetteer, another team's). */

const char *rasd_correction_kind_to_string   (RasdCorrectionKind  kind);
gboolean    rasd_correction_kind_from_string (const char         *str,
                                              RasdCorrectionKind *out);
gboolean    rasd_correction_kind_is_entity   (RasdCorrectionKind  kind);

/* Where a decision about an event points: one evidence sentence of an article, by the
 * article's hash (ids differ between databases) and character offsets. */
typedef struct
{
  char   *role;          /* "target", "other" (merge), "split" */
  char   *article_hash;
  gint64  start;
  gint64  end;
} RasdCorrectionSpan;

/* A stored decision, as rasd_store_list_corrections() gives it. */
typedef struct
{
  gint64              id;
  RasdCorrectionKind  kind;
  char               *entity_kind;  /* entity decisions: "person", "place", "organisation" */
  char               *entity_key;
  char               *entity_name;  /* the name the user saw */
  char               *payload;      /* JSON object */
  gint64              created_at;   /* seconds since the epoch */
  gboolean            orphaned;     /* matched nothing when last applied */
  GArray             *spans;        /* RasdCorrectionSpan; empty for entity decisions */
  gint64              event_id;     /* the event it applies to now; 0: none (or an entity decision) */
} RasdCorrection;

void        rasd_correction_free             (RasdCorrection *correction);

/* What the user decided, to rasd_store_add_correction(): an event decision names the event
 * (and for a merge the other event, for a split the evidence to move); an entity decision the
 * entity by kind and key.  The entity a place, a participant or an alias points to is named
 * by @entity (kind and key at least; the other fields fill in an entity the database lacks). */
typedef struct
{
  RasdCorrectionKind  kind;
  gint64              event_id;
  gint64              other_event_id;  /* merge */
  GArray             *split_spans;     /* split: RasdStoredEvidence of @event_id to move */
  RasdEntityKind      entity_kind;     /* entity decisions */
  const char         *entity_key;
  const RasdEntity   *entity;          /* place, participant, alias target; NULL: no place */
  const char         *text;            /* kind name; ISO date (NULL: none); new name */
  gboolean            reviewed;
} RasdCorrectionRequest;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdCorrection, rasd_correction_free)

/* @place as the entity a request names (its strings stay @place's, the gazetteer's). */
void        rasd_correction_entity_from_place (const RasdPlace *place,
                                               RasdEntity      *out);

G_END_DECLS
