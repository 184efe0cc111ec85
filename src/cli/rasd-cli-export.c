#define G_LOG_DOMAIN "rasd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rasd-cli-commands.h"
#include "rasd-cli-common.h"
#include "rasd-cli-export.h"
#include "rasd-error.h"
#include "rasd-export.h"
#include "rasd-store.h"

/* "1,3,7" → ids; FALSE on anything else. */
static gboolean
parse_ids (const char *text,
           GArray     *ids)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, G_MAXINT64, &id, NULL))
        return FALSE;
      g_array_append_val (ids, id);
    }
  return ids->len > 0;
}

/* The excerpts with @ids (all when empty), in basket order; an unknown id fails. */
static GPtrArray *
select_excerpts (RasdStore  *store,
                 GArray     *ids,
                 GError    **error)
{
  g_autoptr(GPtrArray) all = rasd_store_list_excerpts (store, error);
  g_autoptr(GPtrArray) chosen = NULL;

  if (all == NULL || ids->len == 0)
    return g_steal_pointer (&all);
  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      gboolean found = FALSE;

      for (guint j = 0; j < all->len && !found; j++)
        found = rasd_excerpt_get_id (g_ptr_array_index (all, j)) == id;
      if (!found)
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

          g_set_error (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY, _("there is no excerpt %s"), text);
          return NULL;
        }
    }
  /* Basket order, whatever the order of --ids. */
  for (guint j = 0; j < all->len; j++)
    for (guint i = 0; i < ids->len; i++)
      if (rasd_excerpt_get_id (g_ptr_array_index (all, j)) == g_array_index (ids, gint64, i))
        {
          g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (all, j)));
          break;
        }
  return g_steal_pointer (&chosen);
}

int
rasd_cli_export (const char  *db_path,
                 int          argc,
                 char       **argv)
{
  g_autofree char *person = NULL;
  g_autofree char *place = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *ids_text = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("excerpts: markdown, html, pdf, csv or json; events: csv, geojson or json (default: from "
         "the file name)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write (- for stdout)"), N_("FILE") },
    { "ids", 0, 0, G_OPTION_ARG_STRING, &ids_text, N_("excerpts: only these (default: all)"), N_("ID,ID...") },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person,
      N_("events: only those with this participant (Arabic or English name, any part of it)"), N_("NAME") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("events: only those at this place; a country includes its cities"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("events: only those on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("events: only those on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("events: only those of this kind: meeting, visit, talks, reception, call or summit"), N_("KIND") },
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  RasdExportFormat format;
  gboolean events;

  if (!rasd_cli_parse_options ("export", "excerpts|events",
                      _("Writes the excerpts (all, or --ids), or the events the filters select, to a "
                        "file, written whole or not at all."),
                      entries, &db_path, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (argc != 2 || (!g_str_equal (argv[1], "excerpts") && !g_str_equal (argv[1], "events")))
    {
      rasd_cli_print_error (_("export: say what to export: excerpts or events (see rasd-cli export --help)"));
      return RASD_CLI_EXIT_USAGE;
    }
  events = g_str_equal (argv[1], "events");
  if (output == NULL)
    {
      rasd_cli_print_error (_("export: give the file to write with -o FILE"));
      return RASD_CLI_EXIT_USAGE;
    }
  if (format_name == NULL)
    {
      const char *dot = strrchr (output, '.');
      if (dot != NULL)
        format_name = g_strdup (dot + 1);
    }
  if (!rasd_export_format_from_string (format_name, &format) ||
      (events ? !rasd_export_format_for_events (format) : !rasd_export_format_for_excerpts (format)))
    {
      rasd_cli_print_error (events ? _("export: events are written as csv, geojson or json, not “%s”")
                          : _("export: excerpts are written as markdown, html, pdf, csv or json, not “%s”"),
                   format_name != NULL ? format_name : "");
      return RASD_CLI_EXIT_USAGE;
    }
  if (events && ids_text != NULL)
    {
      rasd_cli_print_error (_("export: --ids selects excerpts; events are selected by the filters"));
      return RASD_CLI_EXIT_USAGE;
    }
  if (!events && (person != NULL || place != NULL || from != NULL || to != NULL || kind != NULL))
    {
      rasd_cli_print_error (_("export: the filters select events; excerpts are selected with --ids"));
      return RASD_CLI_EXIT_USAGE;
    }
  if (ids_text != NULL && !parse_ids (ids_text, ids))
    {
      rasd_cli_print_error (_("export: --ids takes numbers separated by commas, not “%s”"), ids_text);
      return RASD_CLI_EXIT_USAGE;
    }

  if ((store = rasd_cli_open_store (db_path)) == NULL)
    return RASD_CLI_EXIT_FAILED;
  if (events)
    {
      RasdEventFilter filter = { person, place, from, to, kind };
      items = rasd_store_list_events (store, &filter, &error);
    }
  else
    items = select_excerpts (store, ids, &error);
  if (items == NULL)
    {
      rasd_cli_print_error ("export: %s", error->message);
      return g_error_matches (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY)
             ? RASD_CLI_EXIT_USAGE : RASD_CLI_EXIT_FAILED;
    }

  bytes = events ? rasd_export_events_to_bytes (items, format, &error)
                 : rasd_export_excerpts_to_bytes (items, format, &error);
  if (bytes == NULL)
    {
      rasd_cli_print_error ("export: %s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }
  if (g_str_equal (output, "-"))
    {
      gsize size;
      const void *data = g_bytes_get_data (bytes, &size);

      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        {
          rasd_cli_print_error (_("export: cannot write to the standard output"));
          return RASD_CLI_EXIT_FAILED;
        }
      return RASD_CLI_EXIT_OK;
    }
  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

    if (!rasd_export_write_file (file, bytes, &error))
      {
        rasd_cli_print_error ("export: %s", error->message);
        return RASD_CLI_EXIT_FAILED;
      }
  }
  fprintf (stderr, events ? ngettext ("%u event written to %s\n", "%u events written to %s\n", items->len)
                          : ngettext ("%u excerpt written to %s\n", "%u excerpts written to %s\n", items->len),
           items->len, output);
  return RASD_CLI_EXIT_OK;
}

/* excerpts ------------------------------------------------------------------------------------ */

static void
print_excerpts (GPtrArray *excerpts,
                gboolean   json)
{
  if (json)
    {
      g_autoptr(GBytes) bytes = rasd_export_excerpts_to_bytes (excerpts, RASD_EXPORT_JSON, NULL);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      fwrite (data, 1, size, stdout);
      return;
    }
  for (guint i = 0; i < excerpts->len; i++)
    {
      RasdExcerpt *x = g_ptr_array_index (excerpts, i);
      g_autofree char *text = g_strdup (rasd_excerpt_get_text (x));

      g_strdelimit (text, "\t\r\n", ' ');
      printf ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT
              "\t%s\n", rasd_excerpt_get_id (x), rasd_excerpt_get_article_id (x),
              rasd_excerpt_get_start (x), rasd_excerpt_get_end (x), text);
    }
}

int
rasd_cli_excerpts (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  gint64 article = 0, start = -1, end = -1, event = 0;
  gboolean json = FALSE;
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "article", 0, 0, G_OPTION_ARG_INT64, &article, N_("add, add-event: the article's id"), N_("ID") },
    { "start", 0, 0, G_OPTION_ARG_INT64, &start, N_("add: the first character (from 0)"), N_("N") },
    { "end", 0, 0, G_OPTION_ARG_INT64, &end, N_("add: the character after the last"), N_("N") },
    { "event", 0, 0, G_OPTION_ARG_INT64, &event, N_("add: the event it comes from; add-event: the event"), N_("ID") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("add: a note"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("list: print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *action;

  if (!rasd_cli_parse_options ("excerpts", "list|add|add-event|remove",
                      _("Lists the excerpt basket (id, article, start, end, text), adds a character "
                        "range of an article or an event's evidence to it, or removes one."),
                      entries, &db_path, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  action = argc > 1 ? argv[1] : "list";
  if (!g_strv_contains ((const char * const[]) { "list", "add", "add-event", "remove", NULL }, action) ||
      argc > (g_str_equal (action, "remove") ? 3 : 2) || (g_str_equal (action, "remove") && argc != 3))
    {
      rasd_cli_print_error (_("excerpts: use list, add, add-event or remove ID (see rasd-cli excerpts --help)"));
      return RASD_CLI_EXIT_USAGE;
    }
  if (g_str_equal (action, "add") && (article <= 0 || start < 0 || end <= start))
    {
      rasd_cli_print_error (_("excerpts add: give --article ID --start N --end N, with N < END"));
      return RASD_CLI_EXIT_USAGE;
    }
  if (g_str_equal (action, "add-event") && event <= 0)
    {
      rasd_cli_print_error (_("excerpts add-event: give --event ID"));
      return RASD_CLI_EXIT_USAGE;
    }

  if (g_str_equal (action, "list"))
    store = rasd_cli_open_store (db_path);
  else
    {
      g_autofree char *command = g_strdup_printf ("excerpts %s", action);
      store = rasd_cli_open_store_for_writing (db_path, command);
    }
  if (store == NULL)
    return RASD_CLI_EXIT_FAILED;

  if (g_str_equal (action, "add"))
    {
      gint64 id = rasd_store_add_excerpt (store, article, start, end, event, note, &error);
      if (id == 0)
        goto failed;
      printf ("%" G_GINT64_FORMAT "\n", id);
    }
  else if (g_str_equal (action, "add-event"))
    {
      g_autoptr(GArray) added = rasd_store_add_excerpts_from_event (store, event, article, &error);
      if (added == NULL)
        goto failed;
      for (guint i = 0; i < added->len; i++)
        printf ("%" G_GINT64_FORMAT "\n", g_array_index (added, gint64, i));
    }
  else if (g_str_equal (action, "remove"))
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (argv[2], 10, 1, G_MAXINT64, &id, NULL))
        {
          rasd_cli_print_error (_("excerpts remove: “%s” is not an excerpt id"), argv[2]);
          return RASD_CLI_EXIT_USAGE;
        }
      if (!rasd_store_remove_excerpt (store, id, &error))
        goto failed;
    }
  else
    {
      g_autoptr(GPtrArray) excerpts = rasd_store_list_excerpts (store, &error);
      if (excerpts == NULL)
        goto failed;
      print_excerpts (excerpts, json);
    }
  return RASD_CLI_EXIT_OK;

failed:
  rasd_cli_print_error ("excerpts %s: %s", action, error->message);
  return g_error_matches (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY)
         ? RASD_CLI_EXIT_USAGE : RASD_CLI_EXIT_FAILED;
}
