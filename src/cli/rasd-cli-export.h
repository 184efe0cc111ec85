#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `rasd-cli export excerpts|events --format FMT -o FILE [FILTERS]`; @argv[0] is "export",
 * @db_path the database given before the command (NULL: the user's, or --db after it).
 * Returns the exit status (RasdCliExit). */
int rasd_cli_export   (const char  *db_path,
                       int          argc,
                       char       **argv);

/* `rasd-cli excerpts list [--json] | add --article ID --start N --end N [--event ID] [--note T]
 * | add-event --event ID [--article ID] | remove ID`; @argv[0] is "excerpts". */
int rasd_cli_excerpts (const char  *db_path,
                       int          argc,
                       char       **argv);

G_END_DECLS
