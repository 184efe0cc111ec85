#define G_LOG_DOMAIN "rasd-cli"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "rasd-cli-commands.h"
#include "rasd-data.h"
#include "rasd-store.h"

int
main (int   argc,
      char *argv[])
{
  rasd_store_configure_sqlite ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, rasd_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return rasd_cli_run (argc, argv);
}
