/* Text -> date mentions, resolved against a publication date taken from the input's first
 * bytes: spans stay inside the text, resolved dates are real calendar dates. */
#define G_LOG_DOMAIN "rasd-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rasd-date.h"

static void
check_date (const RasdDate *date)
{
  if (date->precision == RASD_DATE_PRECISION_DAY)
    g_assert (rasd_date_is_valid (date->year, date->month, date->day));
  else if (date->precision == RASD_DATE_PRECISION_MONTH)
    g_assert (date->month >= 1 && date->month <= 12);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  RasdDate publication = { 0 };
  RasdDateContext ctx = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(GArray) mentions = NULL;
  RasdDate refined;
  RasdDate dateline;
  gsize n_bytes;

  /* Two bytes choose the publication date (or none), so relative dates get resolved too. */
  if (size >= 2 && data[0] != 0)
    publication = rasd_date_from_days (rasd_date_to_days (1990, 1, 1) + (data[0] << 8 | data[1]) * 2);
  if (size >= 2)
    {
      data += 2;
      size -= 2;
    }
  text = fuzz_text (data, size);
  n_bytes = strlen (text);

  rasd_date_context_init (&ctx, text, &publication);
  mentions = rasd_date_find_all (text, &ctx);
  rasd_date_resolve_all (mentions, &ctx);
  for (guint i = 0; i < mentions->len; i++)
    {
      const RasdDateMention *m = &g_array_index (mentions, RasdDateMention, i);

      g_assert (m->byte_start <= m->byte_end && m->byte_end <= n_bytes);
      g_assert (m->start <= m->end);
      check_date (&m->date);
      check_date (&m->date_end);
      {
        RasdDate d = rasd_date_mention_get_date (m);
        g_autofree char *iso = rasd_date_to_iso (&d);
        RasdDate back;

        check_date (&d);
        if (iso != NULL && d.precision != RASD_DATE_PRECISION_NONE)
          g_assert (rasd_date_parse_iso (iso, &back));
      }
    }
  if (rasd_date_find_dateline (text, &dateline))
    check_date (&dateline);
  if (rasd_date_context_refine_publication (text, &publication, &refined))
    check_date (&refined);
  return 0;
}
