/* news-please input: the same bytes read as a .json record, as a .jsonl line and as a
 * NAME.meta.json sidecar. */
#define G_LOG_DOMAIN "rasd-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "rasd-news-please.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) articles = rasd_news_please_read_json (text, size, &error);

    g_assert ((articles == NULL) != (error == NULL));
    for (guint i = 0; articles != NULL && i < articles->len; i++)
      g_assert (g_utf8_validate (rasd_article_get_text (g_ptr_array_index (articles, i)), -1, NULL));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdArticle) article = NULL;

    if (rasd_news_please_read_jsonl_line (text, size, &article, &error))
      g_assert (error == NULL);
    else
      g_assert (error != NULL && article == NULL);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdArticle) article = rasd_article_new ();

    if (!rasd_news_please_read_sidecar (article, text, size, &error))
      g_assert (error != NULL);
  }
  {
    g_autofree char *date_text = fuzz_text (data, MIN (size, 64));
    g_autofree char *date = rasd_news_please_normalize_date (date_text);
    g_autofree char *host = rasd_news_please_host_from_url (date_text);

    if (date != NULL)
      g_assert (g_utf8_validate (date, -1, NULL));
    if (host != NULL)
      g_assert (g_utf8_validate (host, -1, NULL));
  }
  return 0;
}
