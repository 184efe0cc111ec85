/* Decoded article text -> cleaned text and byline. */
#define G_LOG_DOMAIN "rasd-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "rasd-cleaner.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_auto(RasdCleanInfo) info = { 0 };
  g_autofree char *clean = rasd_clean_article_text (text, &info);

  g_assert (clean != NULL);
  g_assert (g_utf8_validate (clean, -1, NULL));
  if (info.byline != NULL)
    g_assert (g_utf8_validate (info.byline, -1, NULL));
  return 0;
}
