#include "config.h"

#include <stdio.h>

#include "rasd-event-item.h"

struct _RasdEventItem
{
  GObject          parent_instance;

  RasdStoredEvent *event;
  char            *participants;
  guint32          first_day;  /* 0: unknown */
  guint32          last_day;
};

G_DEFINE_FINAL_TYPE (RasdEventItem, rasd_event_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_KIND_LABEL,
  PROP_DATE,
  PROP_PARTICIPANTS,
  PROP_PLACE,
  PROP_N_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Up to @max digits at *@p as a number; FALSE when there are none. */
static gboolean
parse_digits (const char **p,
              guint        max,
              unsigned    *value)
{
  guint n = 0;

  *value = 0;
  while (n < max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (unsigned) (**p - '0');
      (*p)++;
      n++;
    }
  return n > 0;
}

gboolean
rasd_iso_date_to_days (const char *iso,
                       guint32    *first,
                       guint32    *last)
{
  unsigned year = 0, month = 0, day = 0;
  const char *p = iso;
  int n = 0;
  GDate start, end;

  /* What sscanf ("%4u-%2u-%2u") read, without its cost: this runs for every listed event. */
  if (iso == NULL || !parse_digits (&p, 4, &year))
    return FALSE;
  n = 1;
  if (*p == '-' && (p++, parse_digits (&p, 2, &month)))
    {
      n = 2;
      if (*p == '-' && (p++, parse_digits (&p, 2, &day)))
        n = 3;
    }
  if (!g_date_valid_year (year))
    return FALSE;
  if (n >= 2 && !g_date_valid_month (month))
    return FALSE;
  if (n == 3 && !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  switch (n)
    {
    case 1:
      g_date_set_dmy (&start, 1, G_DATE_JANUARY, year);
      g_date_set_dmy (&end, 31, G_DATE_DECEMBER, year);
      break;
    case 2:
      g_date_set_dmy (&start, 1, month, year);
      g_date_set_dmy (&end, g_date_get_days_in_month (month, year), month, year);
      break;
    default:
      g_date_set_dmy (&start, day, month, year);
      end = start;
      break;
    }
  *first = g_date_get_julian (&start);
  *last = g_date_get_julian (&end);
  return TRUE;
}

static void
rasd_event_item_finalize (GObject *object)
{
  RasdEventItem *self = RASD_EVENT_ITEM (object);

  g_clear_pointer (&self->event, rasd_stored_event_free);
  g_free (self->participants);

  G_OBJECT_CLASS (rasd_event_item_parent_class)->finalize (object);
}

static void
rasd_event_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RasdEventItem *self = RASD_EVENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->event->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->event->kind);
      break;
    case PROP_KIND_LABEL:
      g_value_set_string (value, rasd_event_kind_label (self->event->kind));
      break;
    case PROP_DATE:
      g_value_set_string (value, self->event->date);
      break;
    case PROP_PARTICIPANTS:
      g_value_set_string (value, self->participants);
      break;
    case PROP_PLACE:
      g_value_set_string (value, rasd_event_item_get_place (self));
      break;
    case PROP_N_SOURCES:
      g_value_set_uint (value, rasd_event_item_get_n_sources (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_event_item_class_init (RasdEventItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rasd_event_item_finalize;
  object_class->get_property = rasd_event_item_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_PARTICIPANTS] = g_param_spec_string ("participants", NULL, NULL, NULL, flags);
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);
  properties[PROP_N_SOURCES] = g_param_spec_uint ("n-sources", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rasd_event_item_init (RasdEventItem *self)
{
}

/* Takes @event. */
RasdEventItem *
rasd_event_item_new (RasdStoredEvent *event)
{
  RasdEventItem *self;
  g_autoptr(GString) names = g_string_new (NULL);

  g_return_val_if_fail (event != NULL, NULL);

  self = g_object_new (RASD_TYPE_EVENT_ITEM, NULL);
  self->event = event;
  for (guint i = 0; event->participants != NULL && i < event->participants->len; i++)
    {
      RasdStoredPerson *person = g_ptr_array_index (event->participants, i);

      if (names->len > 0)
        g_string_append (names, "، ");
      g_string_append (names, person->name);
    }
  self->participants = g_string_free (g_steal_pointer (&names), FALSE);
  if (!rasd_iso_date_to_days (event->date, &self->first_day, &self->last_day))
    self->first_day = self->last_day = 0;
  return self;
}

const RasdStoredEvent *
rasd_event_item_get_event (RasdEventItem *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_ITEM (self), NULL);
  return self->event;
}

gint64
rasd_event_item_get_id (RasdEventItem *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_ITEM (self), 0);
  return self->event->id;
}

const char *
rasd_event_item_get_kind (RasdEventItem *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_ITEM (self), NULL);
  return self->event->kind;
}

const char *
rasd_event_item_get_date (RasdEventItem *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_ITEM (self), NULL);
  return self->event->date;
}

const char *
rasd_event_item_get_participants (RasdEventItem *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_ITEM (self), NULL);
  return self->participants;
}

const char *
rasd_event_item_get_place (RasdEventItem *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_ITEM (self), NULL);
  return self->event->place != NULL ? self->event->place->name : NULL;
}

guint
rasd_event_item_get_n_sources (RasdEventItem *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_ITEM (self), 0);
  return self->event->n_sources;
}

gboolean
rasd_event_item_get_days (RasdEventItem *self,
                          guint32       *first,
                          guint32       *last)
{
  g_return_val_if_fail (RASD_IS_EVENT_ITEM (self), FALSE);

  if (self->first_day == 0)
    return FALSE;
  *first = self->first_day;
  *last = self->last_day;
  return TRUE;
}

char *
rasd_iso_date_from_days (guint32 first,
                         guint32 last)
{
  GDate start, end;

  if (first == 0 || last < first || !g_date_valid_julian (first) || !g_date_valid_julian (last))
    return NULL;
  g_date_clear (&start, 1);
  g_date_clear (&end, 1);
  g_date_set_julian (&start, first);
  g_date_set_julian (&end, last);
  if (first == last)
    return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&start), g_date_get_month (&start),
                            g_date_get_day (&start));
  if (g_date_get_day (&start) == 1 && g_date_get_year (&start) == g_date_get_year (&end) &&
      g_date_get_month (&start) == g_date_get_month (&end) && g_date_is_last_of_month (&end))
    return g_strdup_printf ("%04u-%02u", g_date_get_year (&start), g_date_get_month (&start));
  if (g_date_get_day (&start) == 1 && g_date_get_month (&start) == G_DATE_JANUARY &&
      g_date_get_day (&end) == 31 && g_date_get_month (&end) == G_DATE_DECEMBER &&
      g_date_get_year (&start) == g_date_get_year (&end))
    return g_strdup_printf ("%04u", g_date_get_year (&start));
  return NULL;
}

RasdEventItem *
rasd_event_item_new_from_mark (const RasdEventMark *mark)
{
  RasdStoredEvent *event = g_new0 (RasdStoredEvent, 1);
  const char * const *kinds = rasd_store_event_kinds ();

  g_return_val_if_fail (mark != NULL, NULL);

  event->id = mark->id;
  event->kind = g_strdup (mark->kind < g_strv_length ((char **) kinds) ? kinds[mark->kind] : "");
  event->date = rasd_iso_date_from_days (mark->first_day, mark->last_day);
  event->participants = g_ptr_array_new ();
  return rasd_event_item_new (event);
}
