/* Bytes of a .txt file -> UTF-8 text: any bytes are either decoded to valid UTF-8 or refused
 * with an error, never both, never neither. */
#define G_LOG_DOMAIN "rasd-fuzz"

#include "config.h"

#include "fuzz-common.h"
#include "rasd-decoder.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  RasdTextEncoding encoding = RASD_TEXT_ENCODING_UTF8;
  gsize n_replaced = 0;

  text = rasd_decode_text (data, size, &encoding, &n_replaced, &error);
  if (text == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }
  g_assert (error == NULL);
  g_assert (g_utf8_validate (text, -1, NULL));
  g_assert (rasd_text_encoding_to_string (encoding) != NULL);
  return 0;
}
