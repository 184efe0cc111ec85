#define G_LOG_DOMAIN "rasd-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "rasd-cli-common.h"
#include "rasd-export.h"
#include "rasd-format.h"
#include "rasd-path.h"

void
rasd_cli_print_error (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *printable = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Names and text from files reach the terminal on one line, without control characters,
   * whoever built the message. */
  printable = rasd_text_printable (message, FALSE);
  fprintf (stderr, "rasd-cli: %s\n", printable);
}

gboolean
rasd_cli_parse_options (const char    *command,
                        const char    *parameter,
                        const char    *summary,
                        GOptionEntry  *entries,
                        const char   **db_path,
                        int           *argc,
                        char        ***argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("%s %s", command, parameter);
  const char *db = NULL;
  GOptionEntry global_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Database file (default: the user's)"), N_("PATH") },
    { NULL }
  };

  context = g_option_context_new (title);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      rasd_cli_print_error ("%s: %s (see rasd-cli %s --help)", command, error->message, command);
      return FALSE;
    }
  if (db != NULL)
    *db_path = db;
  return TRUE;
}

RasdStore *
rasd_cli_open_store_for_writing (const char *db_path,
                                 const char *command)
{
  g_autoptr(RasdStore) store = rasd_cli_open_store (db_path);

  if (store != NULL && rasd_store_is_read_only (store))
    {
      /* Translators: the first %s is the database file, the second a command (import) */
      rasd_cli_print_error (_("%s can only be read (you may not write to it, or its disk is read-only), "
                              "so %s cannot change it"),
                            rasd_store_get_path (store), command);
      return NULL;
    }
  return g_steal_pointer (&store);
}

RasdStore *
rasd_cli_open_store (const char *db_path)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GError) error = NULL;
  RasdStore *store;
  guint n_articles = 0;

  if (db_path == NULL)
    db_path = default_path = rasd_store_default_path ();
  /* a large database takes minutes: say why nothing happens yet */
  if (rasd_store_needs_upgrade (db_path, &n_articles))
    {
      g_autofree char *number = rasd_format_count (n_articles);
      g_autofree char *shown = rasd_text_printable (db_path, FALSE);

      /* Translators: %s is the database file, then a number of articles */
      fprintf (stderr, ngettext ("rasd-cli: upgrading %s (%s article), written by an older Rasd: "
                                 "once; a large database takes a few minutes\n",
                                 "rasd-cli: upgrading %s (%s articles), written by an older Rasd: "
                                 "once; a large database takes a few minutes\n", n_articles),
               shown, number);
    }
  store = rasd_store_open (db_path, &error);
  if (store == NULL)
    rasd_cli_print_error ("%s", error->message);
  return store;
}

void
rasd_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = rasd_export_json_to_data (root, TRUE, NULL);

  printf ("%s\n", text);
}

gboolean
rasd_cli_parse_id (const char *text,
                   gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}
