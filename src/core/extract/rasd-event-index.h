#pragma once

#include <glib.h>

#include "rasd-extraction.h"

G_BEGIN_DECLS

/* Which of an extraction's events a new candidate could be merged with, by their people: the
 * extractor compares a candidate only with these, so an article of 100,000 meetings (a
 * transcript, a book) costs time in proportion to its length, not to its events squared.
 *
 * A candidate can only join an event that shares all its people, or whose people are all
 * its own, or that shares two of them (the extractor's can_merge()).  So for a candidate
 * naming two people or more, the events holding two of them and the events of one of them
 * alone; for a candidate naming one, the events naming that person. */
typedef struct _RasdEventIndex RasdEventIndex;

RasdEventIndex *rasd_event_index_new             (GPtrArray      *events);
void            rasd_event_index_free            (RasdEventIndex *self);
/* Event @e (an index into the events) was added with its participants. */
void            rasd_event_index_add_event       (RasdEventIndex *self,
                                                  guint           e);
/* Participant @entity is about to be added to @event, one of those added (not yet in its
 * participants). */
void            rasd_event_index_add_participant (RasdEventIndex  *self,
                                                  const RasdEvent *event,
                                                  int              entity);
/* Event indexes, ascending and distinct, that a candidate naming @participants (int entity
 * indexes, distinct, not empty) may be merged with. */
GArray         *rasd_event_index_candidates      (RasdEventIndex *self,
                                                  GArray         *participants);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdEventIndex, rasd_event_index_free)

G_END_DECLS
