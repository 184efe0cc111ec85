#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "rasd-store.h"

G_BEGIN_DECLS

/* What every rasd-cli command shares. */

/* "rasd-cli: MESSAGE" on stderr, control characters escaped (rasd_text_printable()). */
void       rasd_cli_print_error   (const char    *format,
                                   ...) G_GNUC_PRINTF (1, 2);

/* Parses @command's options (@entries, may be NULL, plus --db, which sets *@db_path); prints
 * the error and returns FALSE on bad usage. */
gboolean   rasd_cli_parse_options (const char    *command,
                                   const char    *parameter,
                                   const char    *summary,
                                   GOptionEntry  *entries,
                                   const char   **db_path,
                                   int           *argc,
                                   char        ***argv);

/* The database at @db_path (NULL: the user's); prints the error and returns NULL on failure. */
RasdStore *rasd_cli_open_store    (const char    *db_path);
/* The same for a command that changes the database (@command names it): a database the user
 * may only read is an error, said in one sentence. */
RasdStore *rasd_cli_open_store_for_writing (const char *db_path,
                                            const char *command);

/* Prints what @builder built, pretty, on stdout. */
void       rasd_cli_print_json    (JsonBuilder   *builder);
/* An id given on the command line: a whole number from 1; FALSE for anything else (NULL too). */
gboolean   rasd_cli_parse_id      (const char    *text,
                                   gint64        *id);

G_END_DECLS
