#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include "rasd-correction.h"

static const char * const kind_names[] = {
  [RASD_CORRECTION_EVENT_KIND] = "event-kind",
  [RASD_CORRECTION_EVENT_DATE] = "event-date",
  [RASD_CORRECTION_EVENT_PLACE] = "event-place",
  [RASD_CORRECTION_EVENT_ADD_PARTICIPANT] = "event-add-participant",
  [RASD_CORRECTION_EVENT_REMOVE_PARTICIPANT] = "event-remove-participant",
  [RASD_CORRECTION_EVENT_REJECT] = "event-reject",
  [RASD_CORRECTION_EVENT_MERGE] = "event-merge",
  [RASD_CORRECTION_EVENT_SPLIT] = "event-split",
  [RASD_CORRECTION_EVENT_REVIEWED] = "event-reviewed",
  [RASD_CORRECTION_ENTITY_REJECT] = "entity-reject",
  [RASD_CORRECTION_ENTITY_RENAME] = "entity-rename",
  [RASD_CORRECTION_ENTITY_ALIAS] = "entity-alias",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == RASD_N_CORRECTION_KINDS);

const char *
rasd_correction_kind_to_string (RasdCorrectionKind kind)
{
  g_return_val_if_fail (kind < RASD_N_CORRECTION_KINDS, NULL);
  return kind_names[kind];
}

gboolean
rasd_correction_kind_from_string (const char         *str,
                                  RasdCorrectionKind *out)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (str, kind_names[i]))
      {
        *out = (RasdCorrectionKind) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
rasd_correction_kind_is_entity (RasdCorrectionKind kind)
{
  return kind == RASD_CORRECTION_ENTITY_REJECT || kind == RASD_CORRECTION_ENTITY_RENAME ||
         kind == RASD_CORRECTION_ENTITY_ALIAS;
}

static void
span_clear (gpointer data)
{
  RasdCorrectionSpan *span = data;

  g_free (span->role);
  g_free (span->article_hash);
}

void
rasd_correction_free (RasdCorrection *correction)
{
  if (correction == NULL)
    return;
  g_free (correction->entity_kind);
  g_free (correction->entity_key);
  g_free (correction->entity_name);
  g_free (correction->payload);
  if (correction->spans != NULL)
    {
      g_array_set_clear_func (correction->spans, span_clear);
      g_array_unref (correction->spans);
    }
  g_free (correction);
}

void
rasd_correction_entity_from_place (const RasdPlace *place,
                                   RasdEntity      *out)
{
  static const char * const kinds[] = { "city", "site", "country" };

  g_return_if_fail (place != NULL && out != NULL);

  *out = (RasdEntity) {
    RASD_ENTITY_PLACE, (char *) place->key, (char *) place->name_ar, (char *) place->name_en,
    (char *) place->country, kinds[place->kind], place->lat, place->lon,
  };
}
