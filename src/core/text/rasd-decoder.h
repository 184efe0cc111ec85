#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RASD_TEXT_ENCODING_UTF8,
  RASD_TEXT_ENCODING_UTF8_BOM,
  RASD_TEXT_ENCODING_UTF16LE,
  RASD_TEXT_ENCODING_UTF16BE,
  RASD_TEXT_ENCODING_WINDOWS_1256,
} RasdTextEncoding;

const char *rasd_text_encoding_to_string (RasdTextEncoding encoding);

/* Decodes the bytes of a text file to UTF-8 (LF line ends, no BOM), detecting the encoding from
 * the bytes: a UTF-8 or UTF-16 byte order mark, valid UTF-8, or Arabic text in Windows-1256.
 * Mostly-valid UTF-8 with a few broken sequences is repaired with U+FFFD; the number of
 * replacements goes to @n_replaced so the caller can warn.  Empty or binary input, or bytes that
 * are in no supported encoding, give a RASD_ERROR. */
char       *rasd_decode_text             (const guint8      *data,
                                          gsize              length,
                                          RasdTextEncoding  *encoding,
                                          gsize             *n_replaced,
                                          GError           **error);

G_END_DECLS
