#define G_LOG_DOMAIN "rasd-event-index"

#include "config.h"

#include "rasd-event-index.h"

struct _RasdEventIndex
{
  GPtrArray  *events;     /* RasdEvent*, not owned */
  GHashTable *of_entity;  /* entity + 1 → GArray of guint events, ascending */
  GHashTable *of_pair;    /* pair_key() → GArray of guint events, ascending */
  GHashTable *alone;      /* entity + 1 → GArray of events that had only that participant */
  GHashTable *positions;  /* RasdEvent* → its index + 1 */
};

static gpointer
pair_key (int a,
          int b)
{
  guint64 lo = (guint) MIN (a, b), hi = (guint) MAX (a, b);

  /* entity indexes are small: both fit in a pointer's 64 bits */
  return GSIZE_TO_POINTER ((gsize) ((hi << 32) | lo) + 1);
}

/* Adds @e to the list of @key in @table, keeping it ascending (events gain participants in
 * any order) and distinct. */
static void
list_add (GHashTable *table,
          gpointer    key,
          guint       e)
{
  GArray *list = g_hash_table_lookup (table, key);
  guint at;

  if (list == NULL)
    g_hash_table_insert (table, key, list = g_array_new (FALSE, FALSE, sizeof (guint)));
  for (at = list->len; at > 0 && g_array_index (list, guint, at - 1) > e; at--)
    ;
  if (at > 0 && g_array_index (list, guint, at - 1) == e)
    return;
  g_array_insert_val (list, at, e);
}

RasdEventIndex *
rasd_event_index_new (GPtrArray *events)
{
  RasdEventIndex *self = g_new0 (RasdEventIndex, 1);

  self->events = events;
  self->of_entity = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->of_pair = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->alone = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  self->positions = g_hash_table_new (NULL, NULL);
  return self;
}

void
rasd_event_index_free (RasdEventIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->of_entity);
  g_hash_table_unref (self->of_pair);
  g_hash_table_unref (self->alone);
  g_hash_table_unref (self->positions);
  g_free (self);
}

void
rasd_event_index_add_event (RasdEventIndex *self,
                            guint           e)
{
  RasdEvent *event = g_ptr_array_index (self->events, e);
  GArray *people = event->participants;

  g_hash_table_insert (self->positions, event, GUINT_TO_POINTER (e + 1));
  for (guint i = 0; i < people->len; i++)
    {
      int p = g_array_index (people, int, i);

      list_add (self->of_entity, GINT_TO_POINTER (p + 1), e);
      for (guint j = 0; j < i; j++)
        list_add (self->of_pair, pair_key (p, g_array_index (people, int, j)), e);
    }
  if (people->len == 1)
    list_add (self->alone, GINT_TO_POINTER (g_array_index (people, int, 0) + 1), e);
}

void
rasd_event_index_add_participant (RasdEventIndex  *self,
                                  const RasdEvent *event,
                                  int              entity)
{
  guint e = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, event)) - 1;

  list_add (self->of_entity, GINT_TO_POINTER (entity + 1), e);
  for (guint j = 0; j < event->participants->len; j++)
    list_add (self->of_pair, pair_key (entity, g_array_index (event->participants, int, j)), e);
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

GArray *
rasd_event_index_candidates (RasdEventIndex *self,
                             GArray         *participants)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 0;

  if (participants->len == 1)
    {
      GArray *list = g_hash_table_lookup (self->of_entity,
                                          GINT_TO_POINTER (g_array_index (participants, int, 0) + 1));

      if (list != NULL)
        g_array_append_vals (found, list->data, list->len);
      return found;
    }

  for (guint i = 0; i < participants->len; i++)
    {
      int p = g_array_index (participants, int, i);
      GArray *alone = g_hash_table_lookup (self->alone, GINT_TO_POINTER (p + 1));

      for (guint j = 0; j < i; j++)
        {
          GArray *list = g_hash_table_lookup (self->of_pair, pair_key (p, g_array_index (participants, int, j)));

          if (list != NULL)
            g_array_append_vals (found, list->data, list->len);
        }
      /* an event that gained a second participant is alone no more, and never again: the
       * list drops it as it is read */
      if (alone != NULL)
        {
          guint kept = 0;

          for (guint k = 0; k < alone->len; k++)
            {
              guint e = g_array_index (alone, guint, k);

              if (((RasdEvent *) g_ptr_array_index (self->events, e))->participants->len != 1)
                continue;
              g_array_append_val (found, e);
              g_array_index (alone, guint, kept++) = e;
            }
          g_array_set_size (alone, kept);
        }
    }
  g_array_sort (found, compare_uints);
  for (guint i = 0; i < found->len; i++)
    if (n == 0 || g_array_index (found, guint, i) != g_array_index (found, guint, n - 1))
      g_array_index (found, guint, n++) = g_array_index (found, guint, i);
  g_array_set_size (found, n);
  return found;
}
