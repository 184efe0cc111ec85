#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* File names as Rasd stores and prints them.  A file name is bytes: it may hold line breaks,
 * escape characters or bytes that are not UTF-8, and must still name the same file after it
 * went through the database, and must never reach a terminal raw. */

/* The form kept in the database: the absolute file name (lexically normalised, links not
 * resolved) when it is UTF-8, else its file:// URI, which is ASCII and gives the bytes back.
 * Stored names are always valid UTF-8. */
char     *rasd_path_to_stored    (const char *filename);

/* The file name a stored name stands for (the bytes of the file:// URI, or the name itself);
 * never NULL. */
char     *rasd_path_from_stored  (const char *stored);

/* Whether the real (resolved) path @real is @folder or inside it; both absolute, resolved. */
gboolean  rasd_path_is_inside    (const char *real,
                                  const char *folder);

/* "/proc", "/sys" or "/dev" when the real path @real is in one of them (files there are the
 * kernel's, not documents: they can be endless, block or change as they are read), else NULL. */
const char *rasd_path_system_folder (const char *real);

/* The real path of @path, every link resolved (realpath()); NULL with errno set when it cannot
 * be resolved. */
char     *rasd_path_resolve      (const char *path);

/* What a file of this type (st_mode) is, for messages: "a named pipe (FIFO)", "a socket"... */
const char *rasd_path_describe_type (guint mode);

/* A file name (any bytes) for messages: valid UTF-8 on one line, with control characters,
 * bidirectional overrides and backslashes escaped (\n, \t, \x1b, \u202e, \\) and bytes that are
 * not UTF-8 as \xff.  A name without any of those is returned unchanged. */
char     *rasd_path_display      (const char *filename);

/* The same for a stored name: the display form of the file it names. */
char     *rasd_path_display_stored (const char *stored);

/* UTF-8 text for a terminal: control characters and bidirectional overrides escaped as in
 * rasd_path_display(), except line breaks and tabs when @keep_lines (an article's text). */
char     *rasd_text_printable    (const char *text,
                                  gboolean    keep_lines);

G_END_DECLS
