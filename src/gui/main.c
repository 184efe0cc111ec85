#define G_LOG_DOMAIN "rasd"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "rasd-application.h"
#include "rasd-basemap-source.h"
#include "rasd-data.h"
#include "rasd-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RasdApplication) app = NULL;
  int status;

  rasd_store_configure_sqlite ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, rasd_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rasd_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  /* a map tile may still be drawn on a worker thread */
  rasd_basemap_source_wait_for_renders ();
  return status;
}
