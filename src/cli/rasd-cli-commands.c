#define G_LOG_DOMAIN "rasd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rasd-article-reader.h"
#include "rasd-cli-commands.h"
#include "rasd-cli-common.h"
#include "rasd-cli-correct.h"
#include "rasd-cli-export.h"
#include "rasd-cli-extract.h"
#include "rasd-data.h"
#include "rasd-error.h"
#include "rasd-export.h"
#include "rasd-extractor.h"
#include "rasd-importer.h"
#include "rasd-name-trainer.h"
#include "rasd-ordered-pool.h"
#include "rasd-path.h"
#include "rasd-store.h"

typedef struct
{
  const char *db_path;  /* NULL: the user's database */
} CliGlobals;

typedef int (*CliCommandFunc) (CliGlobals *globals,
                               int         argc,
                               char      **argv);

typedef struct
{
  const char     *name;
  const char     *args;
  const char     *summary;
  CliCommandFunc  run;
} CliCommand;

static RasdStore *
open_store (CliGlobals *globals)
{
  return rasd_cli_open_store (globals->db_path);
}

/* Parses a command's options; prints the error and returns FALSE on bad usage. */
static gboolean
parse_command_options (const char    *command,
                       const char    *parameter,
                       const char    *summary,
                       GOptionEntry  *entries,
                       CliGlobals    *globals,
                       int           *argc,
                       char        ***argv)
{
  return rasd_cli_parse_options (command, parameter, summary, entries, &globals->db_path, argc, argv);
}

static void
add_article_members (JsonBuilder *builder,
                     RasdArticle *article)
{
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, rasd_article_get_id (article));
  rasd_export_add_string_member (builder, "title", rasd_article_get_title (article));
  rasd_export_add_string_member (builder, "source", rasd_article_get_source (article));
  rasd_export_add_string_member (builder, "url", rasd_article_get_url (article));
  rasd_export_add_string_member (builder, "date", rasd_article_get_date (article));
  rasd_export_add_string_member (builder, "authors", rasd_article_get_authors (article));
  rasd_export_add_string_member (builder, "language", rasd_article_get_language (article));
  rasd_export_add_string_member (builder, "path", rasd_article_get_path (article));
}

/* One line of output never holds a line break or a tab of the data, nor a control character
 * a terminal would obey. */
static char *
one_line (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return rasd_text_printable (copy, FALSE);
}

/* --jobs N of import, reextract and extract: extraction workers, one per core by default. */
#define JOBS_OPTION(var) \
  { "jobs", 'j', 0, G_OPTION_ARG_INT, &(var), \
    N_("Extract on N threads (default: one per core); the results are the same for any N"), N_("N") }

static gboolean
check_jobs (const char *command,
            int         jobs)
{
  if (jobs >= 0 && jobs <= 1024)
    return TRUE;
  rasd_cli_print_error (_("%s: --jobs takes a number of threads from 1 to 1024 (0: one per core)"),
                        command);
  return FALSE;
}

/* import ------------------------------------------------------------------------------------ */

static void
on_file_done (RasdImporter      *importer,
              const char        *path,
              RasdImportOutcome  outcome,
              const char        *message,
              gpointer           user_data)
{
  gboolean verbose = GPOINTER_TO_INT (user_data);
  g_autofree char *shown = rasd_path_display (path);

  /* Failures are printed as they happen, so a long import shows them at once; so is what the
   * symlink policy left unread, which is no failure but must not pass unnoticed. */
  if (outcome == RASD_IMPORT_FAILED)
    rasd_cli_print_error ("%s: %s", shown, message);
  else if (outcome == RASD_IMPORT_REFUSED)
    rasd_cli_print_error ("warning: %s: %s", shown, message);
  else if (verbose && outcome == RASD_IMPORT_SKIPPED)
    rasd_cli_print_error ("%s: %s (skipped)", shown, message);
}

static int
command_import (CliGlobals  *globals,
                int          argc,
                char       **argv)
{
  gboolean json = FALSE;
  gboolean verbose = FALSE;
  int jobs = 0;
  gboolean follow_symlinks = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the summary as JSON"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Also list skipped files"), NULL },
    { "follow-symlinks", 0, 0, G_OPTION_ARG_NONE, &follow_symlinks,
      N_("In folders, also follow symbolic links that lead outside the folder named"), NULL },
    JOBS_OPTION (jobs),
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  RasdImportReport *report;
  gboolean ok;

  if (!parse_command_options ("import", _("PATH..."),
                              _("Imports articles from files and folders (recursively): .txt with "
                                "NAME.meta.json sidecars, .html, .htm, news-please .json and .jsonl. "
                                "In a folder, a symbolic link is followed only when it leads to a "
                                "file or folder inside the folder named; devices, FIFOs, sockets and "
                                "files of /proc, /sys and /dev are never read. Files named are read "
                                "wherever their link leads."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      rasd_cli_print_error (_("import: give at least one file or folder (see rasd-cli import --help)"));
      return RASD_CLI_EXIT_USAGE;
    }
  if (!check_jobs ("import", jobs))
    return RASD_CLI_EXIT_USAGE;

  if ((store = rasd_cli_open_store_for_writing (globals->db_path, "import")) == NULL)
    return RASD_CLI_EXIT_FAILED;

  importer = rasd_importer_new (store);
  rasd_importer_set_jobs (importer, (guint) jobs);
  rasd_importer_set_follow_symlinks (importer, follow_symlinks);
  g_signal_connect (importer, "file-done", G_CALLBACK (on_file_done), GINT_TO_POINTER (verbose));
  /* A failing database stops the run; the summary still says what was stored before. */
  ok = rasd_importer_run (importer, (const char * const *) &argv[1], NULL, &error);
  if (!ok)
    rasd_cli_print_error ("%s", error->message);
  report = rasd_importer_get_report (importer);

  /* Failed .jsonl records are not files, so ::file-done did not print them. */
  for (guint i = 0; i < report->failures->len; i++)
    {
      const char *line = g_ptr_array_index (report->failures, i);
      if (strstr (line, ": line ") != NULL)
        rasd_cli_print_error ("%s", line);
    }
  for (guint i = 0; i < report->warnings->len; i++)
    rasd_cli_print_error ("warning: %s", (const char *) g_ptr_array_index (report->warnings, i));
  if (report->n_links_out > 0)
    rasd_cli_print_error (g_dngettext (GETTEXT_PACKAGE,
                                       "%u symbolic link leading outside the folder being imported "
                                       "was not followed (--follow-symlinks follows it)",
                                       "%u symbolic links leading outside the folder being imported "
                                       "were not followed (--follow-symlinks follows them)",
                                       report->n_links_out), report->n_links_out);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "files");
      json_builder_add_int_value (builder, report->n_files);
      json_builder_set_member_name (builder, "imported");
      json_builder_add_int_value (builder, report->n_imported);
      json_builder_set_member_name (builder, "with_metadata");
      json_builder_add_int_value (builder, report->n_with_metadata);
      json_builder_set_member_name (builder, "sidecars");
      json_builder_add_int_value (builder, report->n_sidecars);
      json_builder_set_member_name (builder, "duplicates");
      json_builder_add_int_value (builder, report->n_duplicates);
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_int_value (builder, report->n_skipped);
      json_builder_set_member_name (builder, "failed");
      json_builder_add_int_value (builder, report->n_failed);
      json_builder_set_member_name (builder, "not_read");
      json_builder_add_int_value (builder, report->n_refused);
      json_builder_set_member_name (builder, "not_imported");
      json_builder_add_int_value (builder, report->n_not_imported);
      json_builder_set_member_name (builder, "failures");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->failures->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (report->failures, i));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "not_read_files");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->refused->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (report->refused, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      rasd_cli_print_json (builder);
    }
  else
    {
      /* Sidecars read with their article are neither articles nor skipped: they are said as
       * the articles' metadata.  Files not read (links out, special files) only when there are. */
      {
        g_autofree char *metadata = report->n_with_metadata > 0
          ? g_strdup_printf (_(" (%u with metadata)"), report->n_with_metadata) : g_strdup ("");
        g_autofree char *refused = report->n_refused > 0
          ? g_strdup_printf (_(" %u not read (links out of the folder, special files),"), report->n_refused)
          : g_strdup ("");

        /* Translators: the first %s is " (N with metadata)" or nothing, the second " N not
         * read (...)," or nothing */
        printf (_("Imported %u new article(s)%s from %u file(s): %u duplicate(s), %u skipped (not "
                  "articles),%s %u failed.\n"),
                report->n_imported, metadata, report->n_files, report->n_duplicates,
                report->n_skipped, refused, report->n_failed);
      }
      /* A run stopped by the database: the files it never stored are no failure of theirs,
       * but they are not in the database either. */
      if (report->n_not_imported > 0)
        printf (_("%u file(s) not imported: the import stopped (see the message above); run the "
                  "same import again to add them.\n"), report->n_not_imported);
    }

  return !ok || report->n_failed > 0 ? RASD_CLI_EXIT_FAILED : RASD_CLI_EXIT_OK;
}

/* list -------------------------------------------------------------------------------------- */

static int
command_list (CliGlobals  *globals,
              int          argc,
              char       **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GListModel) articles = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!parse_command_options ("list", "", _("Lists the stored articles, newest first: id, date, "
                                            "source and title, separated by tabs."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (argc > 1)
    {
      rasd_cli_print_error (_("list: unexpected argument “%s”"), argv[1]);
      return RASD_CLI_EXIT_USAGE;
    }
  if ((store = open_store (globals)) == NULL)
    return RASD_CLI_EXIT_FAILED;
  if ((articles = rasd_store_list_articles (store, &error)) == NULL)
    {
      rasd_cli_print_error ("%s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }

  n = g_list_model_get_n_items (articles);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(RasdArticle) article = g_list_model_get_item (articles, i);

          json_builder_begin_object (builder);
          add_article_members (builder, article);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      rasd_cli_print_json (builder);
      return RASD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RasdArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *title = one_line (rasd_article_get_title (article));
      const char *date = rasd_article_get_date (article);
      const char *source = rasd_article_get_source (article);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", rasd_article_get_id (article),
              date != NULL ? date : "-", source != NULL ? source : "-", title);
    }
  return RASD_CLI_EXIT_OK;
}

/* show -------------------------------------------------------------------------------------- */

static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *shown = one_line (value != NULL ? value : "-");

  printf ("%-9s %s\n", label, shown);
}

static int
command_show (CliGlobals  *globals,
              int          argc,
              char       **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!parse_command_options ("show", _("ID"), _("Prints an article's metadata and cleaned text."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (argc != 2 || !rasd_cli_parse_id (argv[1], &id))
    {
      rasd_cli_print_error (_("show: give one article id, a positive number (see rasd-cli list)"));
      return RASD_CLI_EXIT_USAGE;
    }
  if ((store = open_store (globals)) == NULL)
    return RASD_CLI_EXIT_FAILED;
  if ((article = rasd_store_get_article (store, id, &error)) == NULL)
    {
      rasd_cli_print_error ("%s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_article_members (builder, article);
      rasd_export_add_string_member (builder, "text", rasd_article_get_text (article));
      json_builder_end_object (builder);
      rasd_cli_print_json (builder);
      return RASD_CLI_EXIT_OK;
    }

  /* What came from a file may hold anything: a terminal gets it with control characters
   * escaped, the file's name as the bytes it is. */
  printf ("%-9s %" G_GINT64_FORMAT "\n", _("Id:"), rasd_article_get_id (article));
  print_field (_("Title:"), rasd_article_get_title (article));
  print_field (_("Source:"), rasd_article_get_source (article));
  print_field (_("Date:"), rasd_article_get_date (article));
  print_field (_("URL:"), rasd_article_get_url (article));
  print_field (_("Authors:"), rasd_article_get_authors (article));
  {
    const char *path = rasd_article_get_path (article);
    g_autofree char *shown = path != NULL ? rasd_path_display_stored (path) : NULL;

    printf ("%-9s %s\n", _("File:"), shown != NULL ? shown : "-");
  }
  {
    g_autofree char *text = rasd_text_printable (rasd_article_get_text (article), TRUE);

    printf ("\n%s\n", text);
  }
  return RASD_CLI_EXIT_OK;
}

/* search ------------------------------------------------------------------------------------ */

static int
command_search (CliGlobals  *globals,
                int          argc,
                char       **argv)
{
  int limit = 0;
  GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N results (default: all)"), N_("N") },
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  if (!parse_command_options ("search", _("QUERY..."),
                              _("Finds articles by Arabic words in any inflected form (لقاء finds "
                                "اللقاء، للقاء، لقاءه). Prints id, title and snippet, separated by "
                                "tabs, one article per line, best first."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (argc < 2 || limit < 0)
    {
      rasd_cli_print_error (_("search: give the words to search for (see rasd-cli search --help)"));
      return RASD_CLI_EXIT_USAGE;
    }
  query = g_strjoinv (" ", &argv[1]);

  if ((store = open_store (globals)) == NULL)
    return RASD_CLI_EXIT_FAILED;
  if ((hits = rasd_store_search (store, query, limit, &error)) == NULL)
    {
      /* Too long or too many words: the user's to shorten. */
      if (g_error_matches (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY))
        {
          rasd_cli_print_error ("search: %s", error->message);
          return RASD_CLI_EXIT_USAGE;
        }
      rasd_cli_print_error ("%s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      RasdSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *title = one_line (hit->title);
      g_autofree char *snippet = one_line (hit->snippet);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", hit->article_id, title, snippet);
    }
  return RASD_CLI_EXIT_OK;
}

/* stats ------------------------------------------------------------------------------------- */

static int
command_stats (CliGlobals  *globals,
               int          argc,
               char       **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  RasdStoreStats stats;

  if (!parse_command_options ("stats", "", _("Counts articles, people, places, events and excerpts."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (argc > 1)
    {
      rasd_cli_print_error (_("stats: unexpected argument “%s”"), argv[1]);
      return RASD_CLI_EXIT_USAGE;
    }
  if ((store = open_store (globals)) == NULL)
    return RASD_CLI_EXIT_FAILED;
  if (!rasd_store_get_stats (store, &stats, &error))
    {
      rasd_cli_print_error ("%s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      const struct { const char *name; gint64 value; } members[] = {
        { "articles", stats.n_articles }, { "people", stats.n_people },
        { "places", stats.n_places }, { "events", stats.n_events },
        { "excerpts", stats.n_excerpts }, { "text_bytes", stats.text_bytes },
      };

      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        {
          json_builder_set_member_name (builder, members[i].name);
          json_builder_add_int_value (builder, members[i].value);
        }
      json_builder_end_object (builder);
      rasd_cli_print_json (builder);
      return RASD_CLI_EXIT_OK;
    }

  printf ("%s\t%" G_GINT64_FORMAT "\n", _("articles"), stats.n_articles);
  printf ("%s\t%" G_GINT64_FORMAT "\n", _("people"), stats.n_people);
  printf ("%s\t%" G_GINT64_FORMAT "\n", _("places"), stats.n_places);
  printf ("%s\t%" G_GINT64_FORMAT "\n", _("events"), stats.n_events);
  printf ("%s\t%" G_GINT64_FORMAT "\n", _("excerpts"), stats.n_excerpts);
  return RASD_CLI_EXIT_OK;
}

/* extract ----------------------------------------------------------------------------------- */

static int
command_extract (CliGlobals  *globals,
                 int          argc,
                 char       **argv)
{
  g_autofree char *format = NULL;
  int jobs = 0;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("jsonl (default): one event per line; text: the cleaned text that offsets count in; "
         "mentions: the names and dates found"), N_("FORMAT") },
    JOBS_OPTION (jobs),
    { NULL }
  };
  int status = RASD_CLI_EXIT_OK;

  if (!parse_command_options ("extract", _("FILE..."),
                              _("Reads articles without a database and prints the events found in "
                                "them, one JSON object per line. --format text prints the cleaned "
                                "text of each article (a NAME.meta.json sidecar is read when "
                                "present); offsets count Unicode characters in it."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      rasd_cli_print_error (_("extract: give at least one file (see rasd-cli extract --help)"));
      return RASD_CLI_EXIT_USAGE;
    }
  if (g_strcmp0 (format, "rules") == 0)
    {
      g_autoptr(GError) error = NULL;
      RasdExtractor *extractor = rasd_extractor_get_default (&error);

      if (extractor == NULL || !rasd_cli_extract_rules (extractor, (const char * const *) argv + 1, &error))
        {
          rasd_cli_print_error ("extract: %s", error->message);
          return RASD_CLI_EXIT_FAILED;
        }
      return RASD_CLI_EXIT_OK;
    }
  if (format == NULL || g_strcmp0 (format, "jsonl") == 0 || g_strcmp0 (format, "mentions") == 0)
    {
      g_autoptr(GError) error = NULL;
      RasdExtractor *extractor = rasd_extractor_get_default (&error);

      if (extractor == NULL)
        {
          rasd_cli_print_error (_("extract: cannot load the lexicons: %s"), error->message);
          return RASD_CLI_EXIT_FAILED;
        }
      if (!check_jobs ("extract", jobs))
        return RASD_CLI_EXIT_USAGE;
      if (!rasd_cli_extract_files (extractor, (const char * const *) &argv[1],
                                   g_strcmp0 (format, "mentions") == 0, (guint) jobs))
        status = RASD_CLI_EXIT_FAILED;
      return status;
    }
  if (g_strcmp0 (format, "text") != 0)
    {
      rasd_cli_print_error (_("extract: unknown format “%s” (jsonl, text or mentions)"), format);
      return RASD_CLI_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(RasdReadResult) result = NULL;
      g_autoptr(GError) error = NULL;

      result = rasd_article_reader_read (argv[i], NULL, &error);
      if (result == NULL)
        {
          g_autofree char *shown = rasd_path_display (argv[i]);

          rasd_cli_print_error ("%s: %s", shown, error->message);
          status = RASD_CLI_EXIT_FAILED;
          continue;
        }
      for (guint a = 0; a < result->articles->len; a++)
        printf ("%s\n", rasd_article_get_text (g_ptr_array_index (result->articles, a)));
    }
  return status;
}

/* events ------------------------------------------------------------------------------------ */

/* One line of compact JSON. */
static char *
json_to_line (JsonNode *node)
{
  return rasd_export_json_to_data (node, FALSE, NULL);
}

static void
print_events_jsonl (GPtrArray *events)
{
  for (guint i = 0; i < events->len; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (builder);
      rasd_export_add_event_members (builder, g_ptr_array_index (events, i));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      line = json_to_line (root);
      printf ("%s\n", line);
    }
}

static void
print_events_geojson (GPtrArray *events)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  rasd_export_add_string_member (builder, "type", "FeatureCollection");
  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);

      /* A map shows only what has a place on it. */
      if (event->place == NULL || !event->place->has_coordinates)
        continue;
      json_builder_begin_object (builder);
      rasd_export_add_string_member (builder, "type", "Feature");
      json_builder_set_member_name (builder, "geometry");
      json_builder_begin_object (builder);
      rasd_export_add_string_member (builder, "type", "Point");
      json_builder_set_member_name (builder, "coordinates");
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, event->place->lon);
      json_builder_add_double_value (builder, event->place->lat);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "properties");
      json_builder_begin_object (builder);
      rasd_export_add_event_members (builder, event);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_line (root);
  printf ("%s\n", text);
}

static void
print_events_csv (GPtrArray *events)
{
  static const char * const header[] = {
    "date", "precision", "cameo", "kind", "role", "participants", "place", "latitude",
    "longitude", "country", "sources", "urls", "confidence", "reviewed", "edited",
  };
  g_autoptr(GString) out = g_string_new (NULL);

  rasd_export_append_csv_record (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; i < events->len; i++)
    {
      RasdStoredEvent *event = g_ptr_array_index (events, i);
      g_autofree char *participants = rasd_export_join_participants (event, FALSE);
      g_autofree char *url_list = rasd_export_join_urls (event);
      g_autofree char *n_sources = g_strdup_printf ("%u", event->sources->len);
      char lat[G_ASCII_DTOSTR_BUF_SIZE] = "";
      char lon[G_ASCII_DTOSTR_BUF_SIZE] = "";
      char confidence[G_ASCII_DTOSTR_BUF_SIZE] = "";
      RasdStoredPlace *place = event->place;

      if (place != NULL && place->has_coordinates)
        {
          rasd_export_format_double (place->lat, lat);
          rasd_export_format_double (place->lon, lon);
        }
      rasd_export_format_double (event->confidence, confidence);

      {
        const char *fields[] = {
          event->date, rasd_export_precision_name (event->precision), event->cameo, event->kind,
          rasd_event_role_to_string (event->role), participants,
          place != NULL ? place->name : NULL, lat, lon, place != NULL ? place->country : NULL,
          n_sources, url_list, confidence, event->reviewed ? "true" : "false",
          event->edited ? "true" : "false",
        };
        G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (header));
        rasd_export_append_csv_record (out, fields, G_N_ELEMENTS (fields));
      }
    }
  fwrite (out->str, 1, out->len, stdout);
}

static int
command_events (CliGlobals  *globals,
                int          argc,
                char       **argv)
{
  g_autofree char *person = NULL;
  g_autofree char *place = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "person", 0, 0, G_OPTION_ARG_STRING, &person,
      N_("Only events with this participant (Arabic or English name, any part of it)"), N_("NAME") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place,
      N_("Only events at this place; a country includes its cities"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("DATE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("Only events of this kind: meeting, visit, talks, reception, call or summit"), N_("KIND") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("jsonl (default), csv or geojson"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  RasdEventFilter filter;

  /* events edit|reject|merge|split|review ID ...: a correction */
  if (argc > 1 && rasd_cli_is_events_correction (argv[1]))
    {
      if ((store = rasd_cli_open_store_for_writing (globals->db_path, "events")) == NULL)
        return RASD_CLI_EXIT_FAILED;
      return rasd_cli_events_correct (store, argc - 1, argv + 1);
    }
  if (!parse_command_options ("events", "",
                              _("Lists the stored events, by date: one JSON object per line, CSV "
                                "with a header, or a GeoJSON collection of the events with a place."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (argc > 1)
    {
      rasd_cli_print_error (_("events: unexpected argument “%s”"), argv[1]);
      return RASD_CLI_EXIT_USAGE;
    }
  if (format != NULL && !g_str_equal (format, "jsonl") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "geojson"))
    {
      rasd_cli_print_error (_("events: unknown format “%s” (jsonl, csv or geojson)"), format);
      return RASD_CLI_EXIT_USAGE;
    }

  if ((store = open_store (globals)) == NULL)
    return RASD_CLI_EXIT_FAILED;
  filter = (RasdEventFilter) { person, place, from, to, kind };
  if ((events = rasd_store_list_events (store, &filter, &error)) == NULL)
    {
      rasd_cli_print_error ("events: %s", error->message);
      return g_error_matches (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY)
             ? RASD_CLI_EXIT_USAGE : RASD_CLI_EXIT_FAILED;
    }

  if (g_strcmp0 (format, "csv") == 0)
    print_events_csv (events);
  else if (g_strcmp0 (format, "geojson") == 0)
    print_events_geojson (events);
  else
    print_events_jsonl (events);
  return RASD_CLI_EXIT_OK;
}

/* reextract --------------------------------------------------------------------------------- */

/* Articles extracted per transaction. */
#define REEXTRACT_BATCH 64
#define REEXTRACT_AHEAD_PER_WORKER 8

/* The articles are read here (the connection is this thread's), extracted on a pool of
 * workers and saved here in order: the same as on one thread. */
typedef struct
{
  gint64          id;
  RasdArticle    *article;
  RasdExtraction *extraction;
  char           *cut;   /* what rasd_extraction_cap() left out, or NULL */
} ReextractJob;

static void
reextract_job_free (ReextractJob *job)
{
  g_clear_object (&job->article);
  g_clear_pointer (&job->extraction, rasd_extraction_free);
  g_free (job->cut);
  g_free (job);
}

static gpointer
reextract_job_work (gpointer input,
                    gpointer user_data)
{
  ReextractJob *job = input;

  job->extraction = rasd_extractor_extract_article (user_data, job->article);
  /* what an import would store, no more */
  job->cut = rasd_extraction_cap (job->extraction, RASD_EXTRACTION_MAX_EVENTS,
                                  RASD_EXTRACTION_MAX_EVIDENCE);
  return job;
}

/* Gives the pool the articles from ids[*next] until it holds @ahead. */
static gboolean
reextract_fill (RasdStore        *store,
                RasdOrderedPool  *pool,
                GArray           *ids,
                guint            *next,
                guint             ahead,
                GError          **error)
{
  while (*next < ids->len && rasd_ordered_pool_get_n_pending (pool) < ahead)
    {
      ReextractJob *job = g_new0 (ReextractJob, 1);

      job->id = g_array_index (ids, gint64, *next);
      if ((job->article = rasd_store_get_article (store, job->id, error)) == NULL)
        {
          reextract_job_free (job);
          return FALSE;
        }
      rasd_ordered_pool_push (pool, job);
      (*next)++;
    }
  return TRUE;
}

static int
command_reextract (CliGlobals  *globals,
                   int          argc,
                   char       **argv)
{
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdOrderedPool) pool = NULL;
  RasdExtractor *extractor;
  guint n_events = 0;
  guint n_articles = 0;
  guint next = 0;
  guint ahead;
  int jobs = 0;
  GOptionEntry entries[] = {
    JOBS_OPTION (jobs),
    { NULL }
  };

  if (!parse_command_options ("reextract", "",
                              _("Runs the event extractor again over every stored article and "
                                "replaces what it found before."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (!check_jobs ("reextract", jobs))
    return RASD_CLI_EXIT_USAGE;
  if (argc > 1)
    {
      rasd_cli_print_error (_("reextract: unexpected argument “%s”"), argv[1]);
      return RASD_CLI_EXIT_USAGE;
    }
  if ((extractor = rasd_extractor_get_default (&error)) == NULL)
    {
      rasd_cli_print_error (_("reextract: cannot load the extractor: %s"),
                   error != NULL ? error->message : _("unknown error"));
      return RASD_CLI_EXIT_FAILED;
    }
  if ((store = rasd_cli_open_store_for_writing (globals->db_path, "reextract")) == NULL)
    return RASD_CLI_EXIT_FAILED;
  if ((ids = rasd_store_list_article_ids (store, &error)) == NULL)
    {
      rasd_cli_print_error ("%s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }

  pool = rasd_ordered_pool_new ((guint) jobs, reextract_job_work, extractor,
                                (GDestroyNotify) reextract_job_free,
                                (GDestroyNotify) reextract_job_free);
  ahead = REEXTRACT_AHEAD_PER_WORKER * rasd_ordered_pool_get_n_workers (pool);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(RasdExtraction) extraction = NULL;
      ReextractJob *job;

      if (!rasd_store_in_transaction (store) && !rasd_store_begin (store, &error))
        break;
      if (!reextract_fill (store, pool, ids, &next, ahead, &error))
        break;
      job = rasd_ordered_pool_pop (pool);
      g_assert (job != NULL && job->id == id);
      extraction = g_steal_pointer (&job->extraction);
      if (job->cut != NULL)
        fprintf (stderr, "rasd-cli: warning: article %" G_GINT64_FORMAT ": %s\n", id, job->cut);
      reextract_job_free (job);
      if (!rasd_store_save_extraction (store, id, extraction, &error))
        break;
      n_events += extraction->events->len;
      n_articles++;
      if ((n_articles % REEXTRACT_BATCH == 0 || i + 1 == ids->len) &&
          !rasd_store_commit (store, &error))
        break;
    }
  if (error != NULL)
    {
      rasd_store_rollback (store);
      rasd_cli_print_error ("%s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }

  printf (_("Extracted %u event(s) from %u article(s).\n"), n_events, n_articles);
  return RASD_CLI_EXIT_OK;
}

/* tag --------------------------------------------------------------------------------------- */

static int
command_tag (CliGlobals  *globals,
             int          argc,
             char       **argv)
{
  gboolean conll = FALSE;
  GOptionEntry entries[] = {
    { "conll", 0, 0, G_OPTION_ARG_NONE, &conll,
      N_("Read and write CoNLL columns (the only format so far)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  RasdExtractor *extractor;
  int status = RASD_CLI_EXIT_OK;

  if (!parse_command_options ("tag", _("FILE..."),
                              _("Tags names in tokenised text: reads one token per line (first "
                                "column; other columns are ignored), blank lines between "
                                "sentences, and prints TOKEN<TAB>TAG with BIO tags over PERS, LOC "
                                "and ORG from the trained name tagger. “-” reads standard input."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      rasd_cli_print_error (_("tag: give at least one file (see rasd-cli tag --help)"));
      return RASD_CLI_EXIT_USAGE;
    }
  extractor = rasd_extractor_get_default (&error);
  if (extractor == NULL)
    {
      rasd_cli_print_error (_("tag: cannot load the lexicons or the tagger: %s"), error->message);
      return RASD_CLI_EXIT_FAILED;
    }
  for (int i = 1; i < argc; i++)
    {
      g_clear_error (&error);
      if (!rasd_cli_tag_conll (rasd_extractor_get_name_tagger (extractor), argv[i], &error))
        {
          g_autofree char *shown = rasd_path_display (argv[i]);

          rasd_cli_print_error ("%s: %s", shown, error->message);
          status = RASD_CLI_EXIT_FAILED;
        }
    }
  return status;
}

/* train-ner --------------------------------------------------------------------------------- */

static int
command_train_ner (CliGlobals  *globals,
                   int          argc,
                   char       **argv)
{
  g_autofree char *conll = NULL;
  g_autofree char *output = NULL;
  gboolean all = FALSE;
  RasdNameTrainOptions options = RASD_NAME_TRAIN_OPTIONS_DEFAULT;
  int epochs = (int) options.epochs, scale = (int) options.scale, min_count = (int) options.min_count;
  int margin = (int) options.margin, seed = (int) options.seed;
  int folds = 0;
  GOptionEntry entries[] = {
    { "conll", 0, 0, G_OPTION_ARG_FILENAME, &conll,
      N_("CoNLL text to train on (token first, BIO tag last)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write the model"), N_("MODEL") },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all,
      N_("Train on every sentence (by default the last tenth is held back)"), NULL },
    { "epochs", 0, 0, G_OPTION_ARG_INT, &epochs, N_("Passes over the sentences"), N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &scale, N_("Weights are written in units of 1/N"), N_("N") },
    { "min-count", 0, 0, G_OPTION_ARG_INT, &min_count,
      N_("Drop the features seen fewer than N times"), N_("N") },
    { "margin", 0, 0, G_OPTION_ARG_INT, &margin,
      N_("Train until the right labels win by N (cost-augmented decoding)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      N_("Meet the sentences in another order (0, the default, gives the shipped model)"), N_("N") },
    { "folds", 0, 0, G_OPTION_ARG_INT, &folds,
      N_("Instead of writing a model, report N-fold cross-validation on the training sentences"),
      N_("N") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autoptr(RasdPeople) people = NULL;
  g_autoptr(RasdGazetteer) gazetteer = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *model = NULL;
  g_autofree char *people_dir = rasd_data_path ("people");
  g_autofree char *gazetteer_dir = rasd_data_path ("gazetteer");
  guint n_train;

  if (!parse_command_options ("train-ner", "",
                              _("Trains the name tagger on CoNLL text and writes its model. Holds "
                                "the last tenth of the sentences back (as Python's "
                                "text.strip(\"\\n\").split(\"\\n\\n\") splits them) unless --all "
                                "is given; the same input gives the same model, byte for byte."),
                              entries, globals, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (conll == NULL || (output == NULL && folds == 0) || argc > 1 || folds == 1 || folds < 0 || epochs < 1 || scale < 1 || min_count < 0 ||
      margin < 0 || seed < 0)
    {
      rasd_cli_print_error (_("train-ner: give --conll FILE and -o MODEL (see rasd-cli train-ner --help)"));
      return RASD_CLI_EXIT_USAGE;
    }
  options.epochs = (guint) epochs;
  options.scale = (guint) scale;
  options.min_count = (guint) min_count;
  options.margin = (guint) margin;
  options.seed = (guint) seed;
  if ((sentences = rasd_name_conll_read (conll, &error)) == NULL ||
      (people = rasd_people_load (people_dir, &error)) == NULL ||
      (gazetteer = rasd_gazetteer_new_from_dir (gazetteer_dir, &error)) == NULL)
    {
      rasd_cli_print_error ("train-ner: %s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }
  n_train = all ? sentences->len : sentences->len * 9 / 10;
  g_ptr_array_set_size (sentences, n_train);
  printf (_("Training on %u sentences of %s%s.\n"), n_train, conll,
          all ? "" : _(" (the last tenth held back)"));
  if (folds > 0)
    {
      if (!rasd_name_trainer_cross_validate (people, gazetteer, rasd_data_dir (), sentences,
                                             &options, (guint) folds, report, &error))
        {
          rasd_cli_print_error ("train-ner: %s", error->message);
          return RASD_CLI_EXIT_FAILED;
        }
      printf ("%s", report->str);
      return RASD_CLI_EXIT_OK;
    }
  model = rasd_name_trainer_train (people, gazetteer, rasd_data_dir (), sentences, &options,
                                   report, &error);
  if (model == NULL || !g_file_set_contents (output, model, -1, &error))
    {
      rasd_cli_print_error ("train-ner: %s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }
  printf ("%s", report->str);
  printf (_("Wrote %s.\n"), output);
  return RASD_CLI_EXIT_OK;
}

/* export, excerpts (rasd-cli-export.c) ----------------------------------------------------- */

static int
command_export (CliGlobals  *globals,
                int          argc,
                char       **argv)
{
  return rasd_cli_export (globals->db_path, argc, argv);
}

static int
command_excerpts (CliGlobals  *globals,
                  int          argc,
                  char       **argv)
{
  return rasd_cli_excerpts (globals->db_path, argc, argv);
}

/* entities, corrections (rasd-cli-correct.c) ----------------------------------------------- */

static int
command_entities (CliGlobals  *globals,
                  int          argc,
                  char       **argv)
{
  return rasd_cli_entities (globals->db_path, argc, argv);
}

static int
command_corrections (CliGlobals  *globals,
                     int          argc,
                     char       **argv)
{
  return rasd_cli_corrections (globals->db_path, argc, argv);
}

/* dispatch ---------------------------------------------------------------------------------- */

static const CliCommand commands[] = {
  { "import", N_("PATH..."), N_("Import articles from files and folders"), command_import },
  { "list", "", N_("List the stored articles"), command_list },
  { "show", N_("ID"), N_("Show an article's metadata and cleaned text"), command_show },
  { "search", N_("QUERY"), N_("Search the articles (Arabic-aware)"), command_search },
  { "stats", "", N_("Count articles, people, places, events and excerpts"), command_stats },
  { "tag", N_("FILE..."), N_("Tag people, places and organisations in CoNLL text (no database)"), command_tag },
  { "train-ner", N_("--conll FILE -o MODEL"), N_("Train the name tagger (no database)"), command_train_ner },
  { "extract", N_("FILE..."), N_("Print the cleaned text of articles (no database)"), command_extract },
  { "events", N_("[FILTERS]"), N_("List the stored events (jsonl, csv or geojson)"), command_events },
  { "events", N_("edit|reject|merge|split|review ID"), N_("Correct an event (kept across re-extraction)"), command_events },
  { "entities", N_("[list|reject|alias|rename]"), N_("List or correct people and places"), command_entities },
  { "corrections", N_("list|export|import"), N_("List, export or import the corrections"), command_corrections },
  { "reextract", "", N_("Extract the events of every stored article again"), command_reextract },
  { "excerpts", N_("list|add|add-event|remove"), N_("List, add or remove excerpts"), command_excerpts },
  { "export", N_("excerpts|events"), N_("Write excerpts or events to a file (-o FILE --format FMT)"), command_export },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: rasd-cli [--db PATH] COMMAND [OPTIONS] [ARGUMENTS]"));
  fprintf (out, "%s\n\n", _("Explore the events reported in Arabic news, from the shell."));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *call = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].args));
      fprintf (out, "  %-18s %s\n", call, _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-18s %s\n", "--db PATH", _("Database file (default: the user's)"));
  fprintf (out, "  %-18s %s\n", "--version", _("Print the version"));
  fprintf (out, "  %-18s %s\n", "--help", _("Print this help; COMMAND --help for a command's"));
  fprintf (out, "\n%s\n", _("Exit status: 0 on success, 1 when some files or the command failed, "
                            "2 on usage errors. Files import leaves unread by its symbolic link "
                            "policy are listed as warnings and do not change the status."));
}

int
rasd_cli_run (int    argc,
              char **argv)
{
  CliGlobals globals = { NULL };
  int i;

  /* Global options come before the command. */
  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return RASD_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          printf ("rasd-cli %s\n", PACKAGE_VERSION);
          return RASD_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc)
            {
              rasd_cli_print_error (_("--db needs a file name"));
              return RASD_CLI_EXIT_USAGE;
            }
          globals.db_path = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        globals.db_path = arg + strlen ("--db=");
      else if (arg[0] == '-')
        {
          rasd_cli_print_error (_("unknown option “%s” (see rasd-cli --help)"), arg);
          return RASD_CLI_EXIT_USAGE;
        }
      else
        break;
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return RASD_CLI_EXIT_USAGE;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (argv[i], commands[c].name))
      return commands[c].run (&globals, argc - i, argv + i);

  rasd_cli_print_error (_("unknown command “%s” (see rasd-cli --help)"), argv[i]);
  return RASD_CLI_EXIT_USAGE;
}
