#define G_LOG_DOMAIN "rasd-facet-item"

#include "config.h"

#include "rasd-facet-item.h"

struct _RasdFacetItem
{
  GObject  parent_instance;

  char    *key;
  char    *label;
  char    *search_text;
  guint    count;
  gboolean has_location;
  double   lat;
  double   lon;
};

G_DEFINE_FINAL_TYPE (RasdFacetItem, rasd_facet_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_LABEL,
  PROP_SEARCH_TEXT,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rasd_facet_item_finalize (GObject *object)
{
  RasdFacetItem *self = RASD_FACET_ITEM (object);

  g_free (self->key);
  g_free (self->label);
  g_free (self->search_text);

  G_OBJECT_CLASS (rasd_facet_item_parent_class)->finalize (object);
}

static void
rasd_facet_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RasdFacetItem *self = RASD_FACET_ITEM (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_facet_item_class_init (RasdFacetItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rasd_facet_item_finalize;
  object_class->get_property = rasd_facet_item_get_property;

  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_COUNT] = g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rasd_facet_item_init (RasdFacetItem *self)
{
}

RasdFacetItem *
rasd_facet_item_new (const char *key,
                     const char *label,
                     const char *name_en,
                     guint       count)
{
  RasdFacetItem *self;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  self = g_object_new (RASD_TYPE_FACET_ITEM, NULL);
  self->key = g_strdup (key);
  self->label = g_strdup (label);
  self->search_text = name_en != NULL ? g_strdup_printf ("%s %s", label, name_en) : g_strdup (label);
  self->count = count;
  return self;
}

const char *
rasd_facet_item_get_key (RasdFacetItem *self)
{
  g_return_val_if_fail (RASD_IS_FACET_ITEM (self), NULL);
  return self->key;
}

const char *
rasd_facet_item_get_label (RasdFacetItem *self)
{
  g_return_val_if_fail (RASD_IS_FACET_ITEM (self), NULL);
  return self->label;
}

const char *
rasd_facet_item_get_search_text (RasdFacetItem *self)
{
  g_return_val_if_fail (RASD_IS_FACET_ITEM (self), NULL);
  return self->search_text;
}

guint
rasd_facet_item_get_count (RasdFacetItem *self)
{
  g_return_val_if_fail (RASD_IS_FACET_ITEM (self), 0);
  return self->count;
}

RasdFacetItem *
rasd_facet_item_new_place (const char *key,
                           const char *label,
                           const char *name_en,
                           guint       count,
                           double      lat,
                           double      lon)
{
  RasdFacetItem *self = rasd_facet_item_new (key, label, name_en, count);

  g_return_val_if_fail (self != NULL, NULL);
  self->has_location = TRUE;
  self->lat = lat;
  self->lon = lon;
  return self;
}

gboolean
rasd_facet_item_get_location (RasdFacetItem *self,
                              double        *lat,
                              double        *lon)
{
  g_return_val_if_fail (RASD_IS_FACET_ITEM (self), FALSE);

  if (!self->has_location)
    return FALSE;
  if (lat != NULL)
    *lat = self->lat;
  if (lon != NULL)
    *lon = self->lon;
  return TRUE;
}
