#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include "rasd-store-private.h"

/* The plain structs RasdStore returns: freeing them. */

void
rasd_search_hit_free (RasdSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/* People and places are shared by the events of one listing (refcounted, immutable), so
 * 100,000 events hold one copy of each name, not one per event. */
static void
stored_person_clear (RasdStoredPerson *person)
{
  g_free (person->key);
  g_free (person->name);
  g_free (person->name_en);
}

RasdStoredPerson *
rasd_stored_person_new (const char *key,
                        const char *name,
                        const char *name_en)
{
  RasdStoredPerson *person = g_atomic_rc_box_new0 (RasdStoredPerson);

  person->key = g_strdup (key);
  person->name = g_strdup (name);
  person->name_en = g_strdup (name_en);
  return person;
}

void
rasd_stored_person_unref (RasdStoredPerson *person)
{
  g_atomic_rc_box_release_full (person, (GDestroyNotify) stored_person_clear);
}

static void
stored_place_clear (RasdStoredPlace *place)
{
  g_free (place->key);
  g_free (place->name);
  g_free (place->name_en);
  g_free (place->kind);
  g_free (place->country);
}

void
rasd_stored_place_unref (RasdStoredPlace *place)
{
  g_atomic_rc_box_release_full (place, (GDestroyNotify) stored_place_clear);
}

void
rasd_stored_source_free (RasdStoredSource *source)
{
  g_free (source->title);
  g_free (source->source);
  g_free (source->url);
  g_free (source->date);
  g_free (source);
}

void
rasd_stored_event_free (RasdStoredEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->kind);
  g_free (event->cameo);
  g_free (event->date);
  g_clear_pointer (&event->participants, g_ptr_array_unref);
  if (event->place_shared)
    g_clear_pointer (&event->place, rasd_stored_place_unref);
  else if (event->place != NULL)
    {
      stored_place_clear (event->place);
      g_clear_pointer (&event->place, g_free);
    }
  g_clear_pointer (&event->sources, g_ptr_array_unref);
  g_clear_pointer (&event->evidence, g_array_unref);
  g_free (event);
}

void
rasd_stored_mention_free (RasdStoredMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->key);
  g_free (mention->name);
  g_free (mention);
}

void
rasd_stored_entity_free (RasdStoredEntity *entity)
{
  if (entity == NULL)
    return;
  g_free (entity->kind);
  g_free (entity->key);
  g_free (entity->name);
  g_free (entity->name_en);
  g_free (entity->alias_key);
  g_free (entity->alias_name);
  g_free (entity);
}
