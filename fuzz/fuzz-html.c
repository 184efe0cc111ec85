/* A saved web page -> an article: any bytes give an article or an error naming the file. */
#define G_LOG_DOMAIN "rasd-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "rasd-html-reader.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdArticle) article = NULL;

  article = rasd_html_read_article ((const char *) data, size, "fuzz.html", &error);
  if (article == NULL)
    {
      /* The reader says what is wrong; its caller adds the path. */
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  g_assert (error == NULL);
  g_assert (g_utf8_validate (rasd_article_get_text (article), -1, NULL));
  if (rasd_article_get_title (article) != NULL)
    g_assert (g_utf8_validate (rasd_article_get_title (article), -1, NULL));
  return 0;
}
