#define G_LOG_DOMAIN "rasd-extraction"

#include "config.h"

#include "rasd-extraction.h"

#include <string.h>

static void
entity_free (gpointer data)
{
  RasdEntity *entity = data;

  g_free (entity->key);
  g_free (entity->name);
  g_free (entity->name_en);
  g_free (entity->country);
  g_free (entity);
}

/* Entities are found by kind and key in a hash table: a long article names thousands. */
static guint
entity_hash (gconstpointer data)
{
  const RasdEntity *entity = data;

  return g_str_hash (entity->key) * 31 + (guint) entity->kind;
}

static gboolean
entity_equal (gconstpointer a,
              gconstpointer b)
{
  const RasdEntity *x = a, *y = b;

  return x->kind == y->kind && strcmp (x->key, y->key) == 0;
}

RasdExtraction *
rasd_extraction_new (void)
{
  RasdExtraction *self = g_new0 (RasdExtraction, 1);

  self->entities = g_ptr_array_new_with_free_func (entity_free);
  self->mentions = g_array_new (FALSE, TRUE, sizeof (RasdMention));
  self->events = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_event_free);
  self->entity_index = g_hash_table_new (entity_hash, entity_equal);
  return self;
}

void
rasd_extraction_free (RasdExtraction *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->entity_index);
  g_ptr_array_unref (self->entities);
  g_array_unref (self->mentions);
  g_ptr_array_unref (self->events);
  g_free (self);
}

int
rasd_extraction_add_entity (RasdExtraction *self,
                            RasdEntityKind  kind,
                            const char     *key,
                            const char     *name,
                            const char     *name_en,
                            const char     *country)
{
  RasdEntity probe = { .kind = kind, .key = (char *) key };
  RasdEntity *entity;
  gpointer found;

  g_return_val_if_fail (key != NULL && name != NULL, -1);

  if ((found = g_hash_table_lookup (self->entity_index, &probe)) != NULL)
    return GPOINTER_TO_INT (found) - 1;

  entity = g_new0 (RasdEntity, 1);
  entity->kind = kind;
  entity->key = g_strdup (key);
  entity->name = g_strdup (name);
  entity->name_en = g_strdup (name_en);
  entity->country = g_strdup (country);
  g_ptr_array_add (self->entities, entity);
  g_hash_table_insert (self->entity_index, entity, GINT_TO_POINTER (self->entities->len));
  return (int) self->entities->len - 1;
}

int
rasd_extraction_add_place (RasdExtraction  *self,
                           const RasdPlace *place)
{
  int index = rasd_extraction_add_entity (self, RASD_ENTITY_PLACE, place->key, place->name_ar,
                                          place->name_en, place->country);
  RasdEntity *e = rasd_extraction_get_entity (self, index);

  e->lat = place->lat;
  e->lon = place->lon;
  e->place_kind = place->kind == RASD_PLACE_KIND_COUNTRY ? "country" :
                  place->kind == RASD_PLACE_KIND_SITE ? "site" : "city";
  return index;
}

RasdEntity *
rasd_extraction_get_entity (RasdExtraction *self,
                            int             index)
{
  g_return_val_if_fail (index >= 0 && (guint) index < self->entities->len, NULL);
  return g_ptr_array_index (self->entities, index);
}

char *
rasd_extraction_cap (RasdExtraction *self,
                     guint           max_events,
                     guint           max_evidence)
{
  guint n_events = self->events->len;
  guint n_cut_events = 0;
  guint n_cut_evidence = 0;
  g_autoptr(GString) said = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (n_events > max_events)
    {
      n_cut_events = n_events - max_events;
      g_ptr_array_set_size (self->events, max_events);
    }
  for (guint e = 0; e < self->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (self->events, e);

      if (event->evidence->len > max_evidence)
        {
          n_cut_evidence += event->evidence->len - max_evidence;
          g_array_set_size (event->evidence, max_evidence);
        }
    }
  if (n_cut_events == 0 && n_cut_evidence == 0)
    return NULL;

  said = g_string_new (NULL);
  if (n_cut_events > 0)
    g_string_append_printf (said, "%u events found, the first %u kept (at most %u per article)",
                            n_events, max_events, max_events);
  if (n_cut_evidence > 0)
    g_string_append_printf (said, "%s%u sentences left out of events reported more than %u times "
                            "(the first %u kept)", said->len > 0 ? "; " : "", n_cut_evidence,
                            max_evidence, max_evidence);
  return g_string_free (g_steal_pointer (&said), FALSE);
}

RasdEvent *
rasd_event_new (void)
{
  RasdEvent *event = g_new0 (RasdEvent, 1);

  event->participants = g_array_new (FALSE, FALSE, sizeof (int));
  event->evidence = g_array_new (FALSE, FALSE, sizeof (RasdSpan));
  event->place = -1;
  return event;
}

void
rasd_event_free (RasdEvent *event)
{
  if (event == NULL)
    return;
  g_array_unref (event->participants);
  g_array_unref (event->evidence);
  g_free (event);
}

gboolean
rasd_event_has_participant (const RasdEvent *event,
                            int              entity)
{
  for (guint i = 0; i < event->participants->len; i++)
    if (g_array_index (event->participants, int, i) == entity)
      return TRUE;
  return FALSE;
}

static const char * const role_names[] = { "headline", "background", "planned" };

const char *
rasd_event_role_to_string (RasdEventRole role)
{
  g_return_val_if_fail ((guint) role < G_N_ELEMENTS (role_names), "headline");
  return role_names[role];
}

gboolean
rasd_event_role_from_string (const char    *str,
                             RasdEventRole *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_strcmp0 (str, role_names[i]) == 0)
      {
        *out = (RasdEventRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
rasd_entity_kind_to_string (RasdEntityKind kind)
{
  switch (kind)
    {
    case RASD_ENTITY_PERSON: return "person";
    case RASD_ENTITY_PLACE: return "place";
    case RASD_ENTITY_ORGANISATION: return "organisation";
    default: g_return_val_if_reached ("person");
    }
}

const char *
rasd_mention_kind_to_string (RasdMentionKind kind)
{
  switch (kind)
    {
    case RASD_MENTION_PERSON: return "person";
    case RASD_MENTION_PLACE: return "place";
    case RASD_MENTION_ORGANISATION: return "organisation";
    case RASD_MENTION_DATE: return "date";
    default: g_return_val_if_reached ("person");
    }
}
