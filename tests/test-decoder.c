#include "config.h"

#include <glib.h>
#include <string.h>

#include "rasd-decoder.h"
#include "rasd-error.h"
#include "rasd-test-util.h"

/* Written for these tests ("The president met the foreign minister in the capital"). */
#define SENTENCE "التقى الرئيس وزير الخارجية في العاصمة"
#define SENTENCE2 "وبحث الجانبان العلاقات الثنائية وسبل تعزيزها، كما تناولا الأوضاع في المنطقة."

/* @utf8 in @charset, after the bytes of @bom. */
static GByteArray *
encode (const char *utf8,
        const char *charset,
        const char *bom,
        gsize       bom_length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  gsize written = 0;
  GByteArray *bytes = g_byte_array_new ();

  g_byte_array_append (bytes, (const guint8 *) bom, (guint) bom_length);
  converted = g_convert (utf8, -1, charset, "UTF-8", NULL, &written, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) converted, (guint) written);
  return bytes;
}

static char *
decode_ok (const guint8     *data,
           gsize             length,
           RasdTextEncoding  expected_encoding,
           gsize             expected_replaced)
{
  g_autoptr(GError) error = NULL;
  RasdTextEncoding encoding = (RasdTextEncoding) -1;
  gsize n_replaced = 12345;
  char *text;

  text = rasd_decode_text (data, length, &encoding, &n_replaced, &error);
  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpint (encoding, ==, expected_encoding);
  g_assert_cmpuint (n_replaced, ==, expected_replaced);
  g_assert_null (strchr (text, '\r'));
  return text;
}

static void
decode_fails (const guint8 *data,
              gsize         length,
              RasdError     code,
              const char   *message_part)
{
  g_autoptr(GError) error = NULL;
  RasdTextEncoding encoding = RASD_TEXT_ENCODING_UTF8;
  gsize n_replaced = 0;
  g_autofree char *text = NULL;

  text = rasd_decode_text (data, length, &encoding, &n_replaced, &error);
  g_assert_null (text);
  g_assert_error (error, RASD_ERROR, (gint) code);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("error message \"%s\" does not contain \"%s\"", error->message, message_part);
}

static void
test_utf8_plain (void)
{
  g_autofree char *text = decode_ok ((const guint8 *) SENTENCE, strlen (SENTENCE),
                                     RASD_TEXT_ENCODING_UTF8, 0);

  g_assert_cmpstr (text, ==, SENTENCE);
}

static void
test_utf8_bom (void)
{
  g_autoptr(GByteArray) bytes = encode (SENTENCE "\n" SENTENCE2, "UTF-8", "\xef\xbb\xbf", 3);
  g_autofree char *text = decode_ok (bytes->data, bytes->len, RASD_TEXT_ENCODING_UTF8_BOM, 0);

  g_assert_cmpstr (text, ==, SENTENCE "\n" SENTENCE2);
}

static void
test_utf8_mixed_latin (void)
{
  const char *mixed = "قال المتحدث باسم CNN إن Apple Inc. ستفتتح مكتبا في دبي عام 2025 (بحسب Reuters).";
  g_autofree char *text = decode_ok ((const guint8 *) mixed, strlen (mixed), RASD_TEXT_ENCODING_UTF8, 0);

  g_assert_cmpstr (text, ==, mixed);
}

static void
test_line_ends (void)
{
  const char *input = SENTENCE "\r\n" SENTENCE2 "\r\rسطر\rأخير\r\n";
  g_autofree char *text = decode_ok ((const guint8 *) input, strlen (input), RASD_TEXT_ENCODING_UTF8, 0);

  g_assert_cmpstr (text, ==, SENTENCE "\n" SENTENCE2 "\n\nسطر\nأخير\n");
}

static void
test_utf16le_bom (void)
{
  /* The emoji is a surrogate pair in UTF-16. */
  g_autoptr(GByteArray) bytes = encode (SENTENCE "\r\n" SENTENCE2 " 😀", "UTF-16LE", "\xff\xfe", 2);
  g_autofree char *text = decode_ok (bytes->data, bytes->len, RASD_TEXT_ENCODING_UTF16LE, 0);

  g_assert_cmpstr (text, ==, SENTENCE "\n" SENTENCE2 " 😀");
}

static void
test_utf16be_bom (void)
{
  g_autoptr(GByteArray) bytes = encode (SENTENCE "\n" SENTENCE2 " 😀", "UTF-16BE", "\xfe\xff", 2);
  g_autofree char *text = decode_ok (bytes->data, bytes->len, RASD_TEXT_ENCODING_UTF16BE, 0);

  g_assert_cmpstr (text, ==, SENTENCE "\n" SENTENCE2 " 😀");
}

static void
test_utf16_nul_dropped (void)
{
  static const guint8 data[] = { 0xff, 0xfe, 'a', 0, 0, 0, 'b', 0, '\r', 0, '\n', 0, 'c', 0 };
  g_autofree char *text = decode_ok (data, sizeof data, RASD_TEXT_ENCODING_UTF16LE, 0);

  g_assert_cmpstr (text, ==, "ab\nc");
}

static void
test_utf16_truncated (void)
{
  g_autoptr(GByteArray) bytes = encode (SENTENCE, "UTF-16LE", "\xff\xfe", 2);

  decode_fails (bytes->data, bytes->len - 1, RASD_ERROR_ENCODING, "odd number of bytes");
}

static void
test_utf16_unpaired_surrogate (void)
{
  /* A high surrogate followed by a letter, then a lone low surrogate. */
  static const guint8 high[] = { 0xfe, 0xff, 0x06, 0x27, 0xd8, 0x3d, 0x06, 0x44 };
  static const guint8 low[] = { 0xff, 0xfe, 0x27, 0x06, 0x00, 0xde, 0x44, 0x06 };

  decode_fails (high, sizeof high, RASD_ERROR_ENCODING, "unpaired surrogate 0xD83D at byte offset 4");
  decode_fails (low, sizeof low, RASD_ERROR_ENCODING, "unpaired surrogate 0xDE00 at byte offset 4");
}

static void
test_utf32_refused (void)
{
  static const guint8 data[] = { 0xff, 0xfe, 0, 0, 0x27, 0x06, 0, 0 };

  decode_fails (data, sizeof data, RASD_ERROR_ENCODING, "UTF-32");
}

static void
test_windows_1256 (void)
{
  g_autoptr(GByteArray) bytes = encode (SENTENCE "\r\n" SENTENCE2 "\r\n", "WINDOWS-1256", "", 0);
  g_autofree char *text = NULL;

  g_assert_false (g_utf8_validate ((const char *) bytes->data, bytes->len, NULL));
  text = decode_ok (bytes->data, bytes->len, RASD_TEXT_ENCODING_WINDOWS_1256, 0);
  g_assert_cmpstr (text, ==, SENTENCE "\n" SENTENCE2 "\n");
}

/* TRUE when @data holds a well-formed two-byte UTF-8 sequence. */
static gboolean
has_valid_utf8_pair (const guint8 *data,
                     gsize         length)
{
  for (gsize i = 0; i + 1 < length; i++)
    if (data[i] >= 0xc2 && data[i] <= 0xdf && data[i + 1] >= 0x80 && data[i + 1] <= 0xbf)
      return TRUE;
  return FALSE;
}

static void
test_windows_1256_chance_utf8 (void)
{
  /* "ة،" is C9 A1 and "ه؟" E5 BF... in Windows-1256: C9 A1 is also well-formed UTF-8 (U+0261). */
  const char *input = "زار الوزير العاصمة، والتقى نظيره، ثم عاد إلى بلاده. فهل تتغير السياسة؟ «نعم»";
  g_autoptr(GByteArray) bytes = encode (input, "WINDOWS-1256", "", 0);
  g_autofree char *text = NULL;

  g_assert_true (has_valid_utf8_pair (bytes->data, bytes->len));
  g_assert_false (g_utf8_validate ((const char *) bytes->data, bytes->len, NULL));
  text = decode_ok (bytes->data, bytes->len, RASD_TEXT_ENCODING_WINDOWS_1256, 0);
  g_assert_cmpstr (text, ==, input);
}

static void
test_windows_1256_short_word (void)
{
  g_autoptr(GByteArray) bytes = encode ("الرئيس", "WINDOWS-1256", "", 0);
  g_autofree char *text = decode_ok (bytes->data, bytes->len, RASD_TEXT_ENCODING_WINDOWS_1256, 0);

  g_assert_cmpstr (text, ==, "الرئيس");
}

static void
test_invalid_byte_repaired (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; i < 20; i++)
    {
      g_string_append (input, SENTENCE "\n");
      g_string_append (expected, SENTENCE "\n");
      if (i == 10)
        {
          /* A lone byte that can start no UTF-8 sequence, inside a word */
          g_string_append (input, "الخا\xffرجية\n");
          g_string_append (expected, "الخا\xef\xbf\xbdرجية\n");
        }
    }

  text = decode_ok ((const guint8 *) input->str, input->len, RASD_TEXT_ENCODING_UTF8, 1);
  g_assert_cmpstr (text, ==, expected->str);
}

static void
test_truncated_sequences_repaired (void)
{
  /* A three-byte sequence cut after two bytes counts once (maximal subpart), and so does the
   * lead byte of a two-byte sequence cut by the end of the file. */
  const char *input = SENTENCE " \xe2\x80 " SENTENCE2 " \xd8";
  g_autofree char *text = decode_ok ((const guint8 *) input, strlen (input), RASD_TEXT_ENCODING_UTF8, 2);

  g_assert_cmpstr (text, ==, SENTENCE " \xef\xbf\xbd " SENTENCE2 " \xef\xbf\xbd");
}

static void
test_bom_invalid_repaired (void)
{
  const char *input = "\xef\xbb\xbf" SENTENCE "\xc0\xaf";
  g_autofree char *text = decode_ok ((const guint8 *) input, strlen (input), RASD_TEXT_ENCODING_UTF8_BOM, 2);

  /* An overlong encoding is two ill-formed bytes, each replaced. */
  g_assert_cmpstr (text, ==, SENTENCE "\xef\xbf\xbd\xef\xbf\xbd");
}

static void
test_stray_byte_in_latin (void)
{
  const char *input = "Summit in Cairo\nThe ministers met on Sunday and agreed on a \xe9 plan.\n";
  g_autofree char *text = decode_ok ((const guint8 *) input, strlen (input), RASD_TEXT_ENCODING_UTF8, 1);

  g_assert_cmpstr (text, ==, "Summit in Cairo\nThe ministers met on Sunday and agreed on a \xef\xbf\xbd plan.\n");
}

static void
test_latin1_refused (void)
{
  /* Latin-1 French: neither UTF-8 nor Arabic. */
  const char *input = "D\xe9j\xe0 \xe0 l'\xe9t\xe9, o\xf9 \xe7" "a? Tr\xe8s s\xfbr.";

  decode_fails ((const guint8 *) input, strlen (input), RASD_ERROR_ENCODING,
                "neither UTF-8 nor Arabic in Windows-1256");
}

static void
test_empty (void)
{
  static const guint8 utf16_bom[] = { 0xff, 0xfe };
  static const guint8 utf16_spaces[] = { 0xfe, 0xff, 0x00, ' ', 0x00, '\n', 0x00, 0xa0 };

  decode_fails ((const guint8 *) "", 0, RASD_ERROR_EMPTY, "the file is empty");
  decode_fails ((const guint8 *) "\xef\xbb\xbf", 3, RASD_ERROR_EMPTY, "the file is empty");
  decode_fails (utf16_bom, sizeof utf16_bom, RASD_ERROR_EMPTY, "the file is empty");
  decode_fails (utf16_spaces, sizeof utf16_spaces, RASD_ERROR_EMPTY, "the file is empty");
  decode_fails ((const guint8 *) " \r\n\t \xc2\xa0\n", 8, RASD_ERROR_EMPTY, "the file is empty");
  decode_fails ((const guint8 *) "\xef\xbb\xbf\xef\xbb\xbf\n", 7, RASD_ERROR_EMPTY, "the file is empty");
}

static void
test_binary_magic (void)
{
  static const struct
  {
    const char *bytes;
    gsize       length;
    const char *what;
  } cases[] = {
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "PNG image" },
    { "\xff\xd8\xff\xe0\0\x10JFIF", 10, "JPEG image" },
    { "%PDF-1.7\n%\xe2\xe3\xcf\xd3", 14, "PDF document" },
    { "PK\x03\x04\x14\0\x06\0", 8, "ZIP archive" },
    { "GIF89a\x01\0\x01\0", 10, "GIF image" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    decode_fails ((const guint8 *) cases[i].bytes, cases[i].length, RASD_ERROR_BINARY, cases[i].what);
}

static void
test_binary_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint8 *data = g_malloc (4096);
  g_autofree char *message = NULL;
  gsize first_nul = G_MAXSIZE;

  for (gsize i = 0; i < 4096; i++)
    {
      data[i] = (guint8) g_rand_int_range (rand, 0, 256);
      if (data[i] == 0 && first_nul == G_MAXSIZE)
        first_nul = i;
    }
  /* Not one of the signatures */
  data[0] = 'x';
  g_assert_cmpuint (first_nul, <, 4096);
  message = g_strdup_printf ("NUL byte at offset %" G_GSIZE_FORMAT ")", first_nul);
  decode_fails (data, 4096, RASD_ERROR_BINARY, message);

  /* Without NUL, the control characters give it away. */
  for (gsize i = 0; i < 4096; i++)
    if (data[i] == 0)
      data[i] = 1;
  decode_fails (data, 4096, RASD_ERROR_BINARY, "control characters");
}

static void
test_nul_in_text (void)
{
  const char input[] = SENTENCE "\0" SENTENCE2;
  g_autofree char *message = g_strdup_printf ("NUL byte at offset %" G_GSIZE_FORMAT ")", strlen (SENTENCE));

  decode_fails ((const guint8 *) input, sizeof input - 1, RASD_ERROR_BINARY, message);
}

static void
test_utf16_without_bom (void)
{
  g_autoptr(GByteArray) bytes = encode ("The summit opened on Monday in Cairo.", "UTF-16LE", "", 0);

  decode_fails (bytes->data, bytes->len, RASD_ERROR_BINARY, "byte order mark");
}

static void
test_control_characters (void)
{
  g_autoptr(GString) input = g_string_new (NULL);

  /* A few form feeds and tabs are text. */
  g_string_append (input, SENTENCE "\f\t" SENTENCE2 "\v");
  {
    g_autofree char *text = decode_ok ((const guint8 *) input->str, input->len, RASD_TEXT_ENCODING_UTF8, 0);
    g_assert_cmpstr (text, ==, input->str);
  }

  for (guint i = 0; i < 40; i++)
    g_string_append (input, "\x01\x02\x1b");
  decode_fails ((const guint8 *) input->str, input->len, RASD_ERROR_BINARY, "control characters");
}

static void
test_large (void)
{
  g_autoptr(GString) input = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(GByteArray) cp1256 = NULL;
  g_autofree char *cp_text = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);

  while (input->len < 8 * 1024 * 1024)
    {
      g_string_append (input, SENTENCE "\r\n" SENTENCE2 "\r\n");
      g_string_append (expected, SENTENCE "\n" SENTENCE2 "\n");
    }
  text = decode_ok ((const guint8 *) input->str, input->len, RASD_TEXT_ENCODING_UTF8, 0);
  g_assert_true (strcmp (text, expected->str) == 0);

  cp1256 = encode (input->str, "WINDOWS-1256", "", 0);
  cp_text = decode_ok (cp1256->data, cp1256->len, RASD_TEXT_ENCODING_WINDOWS_1256, 0);
  g_assert_true (strcmp (cp_text, expected->str) == 0);
}

static void
test_encoding_names (void)
{
  g_assert_cmpstr (rasd_text_encoding_to_string (RASD_TEXT_ENCODING_UTF8), ==, "UTF-8");
  g_assert_cmpstr (rasd_text_encoding_to_string (RASD_TEXT_ENCODING_UTF16LE), ==, "UTF-16LE");
  g_assert_cmpstr (rasd_text_encoding_to_string (RASD_TEXT_ENCODING_UTF16BE), ==, "UTF-16BE");
  g_assert_cmpstr (rasd_text_encoding_to_string (RASD_TEXT_ENCODING_WINDOWS_1256), ==, "Windows-1256");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decoder/utf8/plain", test_utf8_plain);
  g_test_add_func ("/decoder/utf8/bom", test_utf8_bom);
  g_test_add_func ("/decoder/utf8/mixed-latin", test_utf8_mixed_latin);
  g_test_add_func ("/decoder/utf8/line-ends", test_line_ends);
  g_test_add_func ("/decoder/utf8/invalid-byte-repaired", test_invalid_byte_repaired);
  g_test_add_func ("/decoder/utf8/truncated-sequences-repaired", test_truncated_sequences_repaired);
  g_test_add_func ("/decoder/utf8/bom-invalid-repaired", test_bom_invalid_repaired);
  g_test_add_func ("/decoder/utf8/stray-byte-in-latin", test_stray_byte_in_latin);
  g_test_add_func ("/decoder/utf16/le-bom", test_utf16le_bom);
  g_test_add_func ("/decoder/utf16/be-bom", test_utf16be_bom);
  g_test_add_func ("/decoder/utf16/nul-dropped", test_utf16_nul_dropped);
  g_test_add_func ("/decoder/utf16/truncated", test_utf16_truncated);
  g_test_add_func ("/decoder/utf16/unpaired-surrogate", test_utf16_unpaired_surrogate);
  g_test_add_func ("/decoder/utf16/without-bom", test_utf16_without_bom);
  g_test_add_func ("/decoder/utf32-refused", test_utf32_refused);
  g_test_add_func ("/decoder/windows-1256/plain", test_windows_1256);
  g_test_add_func ("/decoder/windows-1256/chance-utf8", test_windows_1256_chance_utf8);
  g_test_add_func ("/decoder/windows-1256/short-word", test_windows_1256_short_word);
  g_test_add_func ("/decoder/latin1-refused", test_latin1_refused);
  g_test_add_func ("/decoder/empty", test_empty);
  g_test_add_func ("/decoder/binary/magic", test_binary_magic);
  g_test_add_func ("/decoder/binary/random", test_binary_random);
  g_test_add_func ("/decoder/binary/nul-in-text", test_nul_in_text);
  g_test_add_func ("/decoder/binary/control-characters", test_control_characters);
  g_test_add_func ("/decoder/large", test_large);
  g_test_add_func ("/decoder/encoding-names", test_encoding_names);

  return g_test_run ();
}
