#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of PRODUCT.md's command-line contracts. */
typedef enum
{
  RASD_CLI_EXIT_OK = 0,
  RASD_CLI_EXIT_FAILED = 1,  /* some files or records failed, or the command failed */
  RASD_CLI_EXIT_USAGE = 2,   /* bad arguments */
} RasdCliExit;

/* Runs rasd-cli with its arguments (argv[0] included). */
int rasd_cli_run (int    argc,
                  char **argv);

G_END_DECLS
