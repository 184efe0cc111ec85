#define G_LOG_DOMAIN "rasd-extractor"

#include "config.h"

#include "rasd-extractor.h"

#include "rasd-data.h"

/* STUB: replaced by the real extractor. */
struct _RasdExtractor
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (RasdExtractor, rasd_extractor, G_TYPE_OBJECT)

static void
rasd_extractor_class_init (RasdExtractorClass *klass)
{
}

static void
rasd_extractor_init (RasdExtractor *self)
{
}

RasdExtractor *
rasd_extractor_new_from_dir (const char  *data_dir,
                             GError     **error)
{
  return g_object_new (RASD_TYPE_EXTRACTOR, NULL);
}

RasdExtractor *
rasd_extractor_get_default (GError **error)
{
  static RasdExtractor *extractor;

  if (g_once_init_enter (&extractor))
    g_once_init_leave (&extractor, rasd_extractor_new_from_dir (rasd_data_dir (), NULL));
  return extractor;
}

RasdExtraction *
rasd_extractor_extract (RasdExtractor  *self,
                        const char     *text,
                        const RasdDate *publication)
{
  return rasd_extraction_new ();
}

RasdExtraction *
rasd_extractor_find_names (RasdExtractor *self,
                           const char    *text)
{
  return rasd_extraction_new ();
}
