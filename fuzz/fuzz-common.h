/* Shared by the libFuzzer targets: GLib criticals and warnings are bugs here, so they abort
 * and the fuzzer keeps the input that caused them. */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

static inline void
fuzz_init_logging (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_log_set_fatal_mask (NULL, G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* Debug messages would flood the fuzzer's output. */
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}

#ifndef FUZZ_OWN_INITIALIZE
/* Each target is one file, so this is defined once per fuzzer; a target with set-up of its own
 * defines FUZZ_OWN_INITIALIZE and calls fuzz_init_logging() from its LLVMFuzzerInitialize(). */
int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init_logging ();
  return 0;
}
#endif

/* The input as a NUL-terminated, valid UTF-8 string, as the decoder would hand it on. */
static inline char *
fuzz_text (const uint8_t *data,
           size_t         size)
{
  return g_utf8_make_valid ((const char *) data, (gssize) size);
}
