/* Text -> tokens and sentences: offsets stay inside the text and agree with each other. */
#define G_LOG_DOMAIN "rasd-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "rasd-tokens.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr(RasdTokens) tokens = rasd_tokens_new (text);
  gsize n_bytes = strlen (text);
  gsize n_chars = g_utf8_strlen (text, -1);
  guint n = rasd_tokens_get_n_tokens (tokens);

  for (guint i = 0; i < n; i++)
    {
      const RasdToken *token = rasd_tokens_get_token (tokens, i);
      const char *forms[RASD_TOKEN_MAX_FORMS];
      g_autofree char *buffer = g_malloc (4 * strlen (token->norm) + 8);
      guint n_forms;

      g_assert (token->start < token->end && token->end <= n_chars);
      g_assert (token->byte_start < token->byte_end && token->byte_end <= n_bytes);
      g_assert (token->sentence < rasd_tokens_get_n_sentences (tokens));
      g_assert (rasd_tokens_find_at (tokens, token->start) == (int) i);
      n_forms = rasd_token_proclitic_forms (token->norm, forms, buffer);
      g_assert (n_forms <= RASD_TOKEN_MAX_FORMS);
      for (guint f = 0; f < n_forms; f++)
        g_assert (g_utf8_validate (forms[f], -1, NULL));
    }
  for (guint i = 0; i < rasd_tokens_get_n_sentences (tokens); i++)
    {
      const RasdSentence *sentence = rasd_tokens_get_sentence (tokens, i);

      g_assert (sentence->start <= sentence->end && sentence->end <= n_chars);
      g_assert (sentence->first_token + sentence->n_tokens <= n);
    }
  return 0;
}
