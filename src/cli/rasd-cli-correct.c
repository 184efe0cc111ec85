#define G_LOG_DOMAIN "rasd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "rasd-cli-commands.h"
#include "rasd-cli-common.h"
#include "rasd-cli-correct.h"
#include "rasd-error.h"
#include "rasd-export.h"
#include "rasd-gazetteer.h"
#include "rasd-store.h"

/* rasd-cli events edit|reject|merge|split|review, entities list|reject|alias|rename,
 * corrections list|export|import: the user's decisions from the shell (the store applies them
 * again after every re-extraction). */

/* "Correction N recorded." */
static void
print_recorded (gint64 correction)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, correction);

  printf (_("Correction %s recorded.\n"), number);
}

/* Prints the event after a decision (gone: "rejected"), as --json or a line. */
static int
report_event (RasdStore  *store,
              gint64      correction,
              gint64      event_id,
              gboolean    json)
{
  g_autoptr(RasdStoredEvent) event = event_id > 0 ? rasd_store_get_event (store, event_id, NULL) : NULL;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "correction");
      json_builder_add_int_value (builder, correction);
      json_builder_set_member_name (builder, "event");
      if (event != NULL)
        {
          json_builder_begin_object (builder);
          rasd_export_add_event_members (builder, event);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      rasd_cli_print_json (builder);
    }
  else if (event != NULL)
    {
      g_autofree char *who = rasd_export_join_participants (event, FALSE);

      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, correction);
      g_autofree char *event_number = g_strdup_printf ("%" G_GINT64_FORMAT, event->id);

      /* Translators: correction number, event number, kind, date, place, participants */
      printf (_("Correction %s: event %s is now %s, %s, %s, %s.\n"), number, event_number, event->kind, event->date != NULL ? event->date : "?",
              event->place != NULL ? event->place->name : "?", who);
    }
  else
    print_recorded (correction);
  return RASD_CLI_EXIT_OK;
}

static int
add_or_fail (RasdStore                   *store,
             const char                  *command,
             const RasdCorrectionRequest *request,
             gint64                      *id)
{
  g_autoptr(GError) error = NULL;

  if ((*id = rasd_store_add_correction (store, request, NULL, &error)) == 0)
    {
      rasd_cli_print_error ("%s: %s", command, error->message);
      return g_error_matches (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY)
             ? RASD_CLI_EXIT_USAGE : RASD_CLI_EXIT_FAILED;
    }
  return RASD_CLI_EXIT_OK;
}

/* An entity by key, else by name (the first of its kind whose name has these words). */
static RasdStoredEntity *
find_entity (RasdStore  *store,
             const char *kind,
             const char *text)
{
  g_autoptr(GPtrArray) found = NULL;
  RasdStoredEntity *entity;

  if ((entity = rasd_store_get_entity (store, kind, text, NULL)) != NULL)
    return entity;
  found = rasd_store_list_entities (store, kind, text, NULL);
  if (found == NULL || found->len == 0)
    return NULL;
  return g_ptr_array_steal_index (found, 0);
}

/* A place: a gazetteer key, a stored place's key or name, else the gazetteer's best match. */
static gboolean
find_place (RasdStore  *store,
            const char *text,
            RasdEntity *out,
            char      **owned_key)
{
  RasdGazetteer *gazetteer = rasd_gazetteer_get_default ();
  const RasdPlace *place = rasd_gazetteer_get_place (gazetteer, text);
  g_autoptr(RasdStoredEntity) stored = NULL;
  g_autoptr(GPtrArray) found = NULL;

  if (place == NULL && (stored = find_entity (store, "place", text)) != NULL)
    {
      *owned_key = g_strdup (stored->key);
      place = rasd_gazetteer_get_place (gazetteer, stored->key);
      if (place == NULL)
        {
          *out = (RasdEntity) { RASD_ENTITY_PLACE, *owned_key };
          return TRUE;
        }
    }
  if (place == NULL && (found = rasd_gazetteer_search (gazetteer, text, 1))->len > 0)
    place = g_ptr_array_index (found, 0);
  if (place == NULL)
    return FALSE;
  rasd_correction_entity_from_place (place, out);
  return TRUE;
}

static int
events_edit (RasdStore *store,
             gint64     event_id,
             int        argc,
             char     **argv)
{
  g_autofree char *kind = NULL, *date = NULL, *place = NULL, *add = NULL, *remove = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("The event's kind"), N_("KIND") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Its date (YYYY, YYYY-MM, YYYY-MM-DD or none)"), N_("DATE") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &place, N_("Its place (a name, a key or none)"), N_("PLACE") },
    { "add-person", 0, 0, G_OPTION_ARG_STRING, &add, N_("A participant to add"), N_("NAME") },
    { "remove-person", 0, 0, G_OPTION_ARG_STRING, &remove, N_("A participant to remove"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the event as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *place_key = NULL;
  RasdEntity entity = { 0 };
  gint64 id = 0;
  int status = RASD_CLI_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rasd_cli_print_error ("events edit: %s", error->message);
      return RASD_CLI_EXIT_USAGE;
    }
  if (kind == NULL && date == NULL && place == NULL && add == NULL && remove == NULL)
    {
      rasd_cli_print_error (_("events edit: say what to change (--kind, --date, --place, --add-person, --remove-person)"));
      return RASD_CLI_EXIT_USAGE;
    }
  if (kind != NULL && status == RASD_CLI_EXIT_OK)
    status = add_or_fail (store, "events edit",
                          &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_KIND, event_id, .text = kind }, &id);
  if (date != NULL && status == RASD_CLI_EXIT_OK)
    status = add_or_fail (store, "events edit",
                          &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_DATE, event_id,
                                                     .text = g_str_equal (date, "none") ? NULL : date }, &id);
  if (place != NULL && status == RASD_CLI_EXIT_OK)
    {
      gboolean none = g_str_equal (place, "none");

      if (!none && !find_place (store, place, &entity, &place_key))
        {
          rasd_cli_print_error (_("events edit: no place is called “%s”"), place);
          return RASD_CLI_EXIT_USAGE;
        }
      status = add_or_fail (store, "events edit",
                            &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_PLACE, event_id,
                                                       .entity = none ? NULL : &entity }, &id);
    }
  for (int which = 0; which < 2 && status == RASD_CLI_EXIT_OK; which++)
    {
      const char *name = which == 0 ? add : remove;
      g_autoptr(RasdStoredEntity) person = NULL;
      RasdEntity chosen = { RASD_ENTITY_PERSON };

      if (name == NULL)
        continue;
      if ((person = find_entity (store, "person", name)) == NULL)
        {
          rasd_cli_print_error (_("events edit: no person is called “%s”"), name);
          return RASD_CLI_EXIT_USAGE;
        }
      chosen.key = person->key;
      chosen.name = person->name;
      status = add_or_fail (store, "events edit",
                            &(RasdCorrectionRequest) { which == 0 ? RASD_CORRECTION_EVENT_ADD_PARTICIPANT
                                                                  : RASD_CORRECTION_EVENT_REMOVE_PARTICIPANT,
                                                       event_id, .entity = &chosen }, &id);
    }
  if (status != RASD_CLI_EXIT_OK)
    return status;
  return report_event (store, id, event_id, json);
}

/* "ARTICLE:START-END" evidence, one or more separated by commas. */
static GArray *
parse_spans (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));

  for (guint i = 0; parts[i] != NULL; i++)
    {
      RasdStoredEvidence span;

      if (sscanf (parts[i], "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                  &span.article_id, &span.start, &span.end) != 3)
        return NULL;
      g_array_append_val (spans, span);
    }
  return spans->len > 0 ? g_steal_pointer (&spans) : NULL;
}

int
rasd_cli_events_correct (RasdStore  *store,
                         int         argc,
                         char      **argv)
{
  const char *verb = argv[0];
  g_autofree char *command = NULL;
  RasdCorrectionRequest request = { 0 };
  g_autoptr(GArray) spans = NULL;
  gboolean json = FALSE;
  gint64 id = 0;
  int status;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--json"))
      json = TRUE;
  if (argc < 2 || !rasd_cli_parse_id (argv[1], &request.event_id))
    {
      rasd_cli_print_error (_("events %s: give the event's id (see rasd-cli events)"), verb);
      return RASD_CLI_EXIT_USAGE;
    }
  if (g_str_equal (verb, "edit"))
    return events_edit (store, request.event_id, argc - 1, argv + 1);
  if (g_str_equal (verb, "reject"))
    request.kind = RASD_CORRECTION_EVENT_REJECT;
  else if (g_str_equal (verb, "review"))
    {
      request.kind = RASD_CORRECTION_EVENT_REVIEWED;
      request.reviewed = argc < 3 || !g_str_equal (argv[2], "--not");
    }
  else if (g_str_equal (verb, "merge"))
    {
      request.kind = RASD_CORRECTION_EVENT_MERGE;
      if (argc < 3 || !rasd_cli_parse_id (argv[2], &request.other_event_id))
        {
          rasd_cli_print_error (_("events merge: give the two events' ids: ID OTHER"));
          return RASD_CLI_EXIT_USAGE;
        }
    }
  else
    {
      request.kind = RASD_CORRECTION_EVENT_SPLIT;
      if (argc < 3 || (spans = parse_spans (argv[2])) == NULL)
        {
          rasd_cli_print_error (_("events split: give the evidence to move as ARTICLE:START-END[,...]"));
          return RASD_CLI_EXIT_USAGE;
        }
      request.split_spans = spans;
    }
  command = g_strconcat ("events ", verb, NULL);
  if ((status = add_or_fail (store, command, &request, &id)) != RASD_CLI_EXIT_OK)
    return status;
  return report_event (store, id, request.kind == RASD_CORRECTION_EVENT_REJECT ? 0 : request.event_id, json);
}

gboolean
rasd_cli_is_events_correction (const char *word)
{
  static const char * const verbs[] = { "edit", "reject", "merge", "split", "review" };

  for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_strcmp0 (word, verbs[i]) == 0)
      return TRUE;
  return FALSE;
}

/* entities ---------------------------------------------------------------------------------- */

static void
add_entity_json (JsonBuilder      *builder,
                 RasdStoredEntity *entity)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, entity->kind);
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, entity->key);
  rasd_export_add_string_member (builder, "name", entity->name);
  rasd_export_add_string_member (builder, "en", entity->name_en);
  json_builder_set_member_name (builder, "confidence");
  json_builder_add_double_value (builder, entity->confidence);
  json_builder_set_member_name (builder, "events");
  json_builder_add_int_value (builder, entity->n_events);
  json_builder_set_member_name (builder, "rejected");
  json_builder_add_boolean_value (builder, entity->rejected);
  rasd_export_add_string_member (builder, "alias_of", entity->alias_key);
  json_builder_end_object (builder);
}

static int
entities_list (RasdStore  *store,
               const char *kind,
               const char *search,
               gboolean    json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = rasd_store_list_entities (store, kind, search, &error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  if (entities == NULL)
    {
      rasd_cli_print_error ("entities: %s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }
  if (!json)
    {
      for (guint i = 0; i < entities->len; i++)
        {
          RasdStoredEntity *e = g_ptr_array_index (entities, i);
          g_autofree char *confidence = g_strdup_printf ("%.2f", e->confidence);

          printf ("%s\t%s\t%s\t%s\t%u%s%s%s\n", e->kind, e->key, e->name, confidence, e->n_events,
                  e->rejected ? _("\trejected") : "", e->alias_key != NULL ? _("\tsame as ") : "",
                  e->alias_key != NULL ? e->alias_key : "");
        }
      return RASD_CLI_EXIT_OK;
    }
  json_builder_begin_array (builder);
  for (guint i = 0; i < entities->len; i++)
    add_entity_json (builder, g_ptr_array_index (entities, i));
  json_builder_end_array (builder);
  rasd_cli_print_json (builder);
  return RASD_CLI_EXIT_OK;
}

static gboolean
parse_kind (const char     *text,
            RasdEntityKind *kind)
{
  static const char * const names[] = { "person", "place", "organisation" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *kind = (RasdEntityKind) i;
        return TRUE;
      }
  return FALSE;
}

int
rasd_cli_entities (const char  *db_path,
                   int          argc,
                   char       **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *search = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, N_("person, place or organisation"), N_("KIND") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only names with these words"), N_("WORDS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdStoredEntity) entity = NULL;
  g_autoptr(RasdStoredEntity) target = NULL;
  g_autoptr(RasdStoredEntity) corrected = NULL;
  RasdCorrectionRequest request = { 0 };
  RasdEntity other = { 0 };
  RasdEntityKind kind = RASD_ENTITY_PERSON;
  const char *verb;
  gint64 id = 0;
  int status;

  if (!rasd_cli_parse_options ("entities", N_("[list|reject|alias|rename] [KEY-OR-NAME] [TARGET]"),
                               _("Lists people, places and organisations with their confidence, or "
                                 "corrects one: reject (not a person, not a place), alias (the same as "
                                 "TARGET), rename (to TARGET)."),
                               entries, &db_path, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  if (kind_name != NULL && !parse_kind (kind_name, &kind))
    {
      rasd_cli_print_error (_("entities: unknown kind “%s” (person, place or organisation)"), kind_name);
      return RASD_CLI_EXIT_USAGE;
    }
  verb = argc > 1 ? argv[1] : "list";
  if (g_str_equal (verb, "list"))
    {
      if ((store = rasd_cli_open_store (db_path)) == NULL)
        return RASD_CLI_EXIT_FAILED;
      return entities_list (store, kind_name, search, json);
    }
  if (!g_str_equal (verb, "reject") && !g_str_equal (verb, "alias") && !g_str_equal (verb, "rename"))
    {
      rasd_cli_print_error (_("entities: unknown action “%s” (list, reject, alias or rename)"), verb);
      return RASD_CLI_EXIT_USAGE;
    }
  if (argc < (g_str_equal (verb, "reject") ? 3 : 4))
    {
      rasd_cli_print_error (_("entities %s: give the entity (and for alias or rename the target)"), verb);
      return RASD_CLI_EXIT_USAGE;
    }
  if ((store = rasd_cli_open_store_for_writing (db_path, "entities")) == NULL)
    return RASD_CLI_EXIT_FAILED;
  if ((entity = find_entity (store, kind_name != NULL ? kind_name : "person", argv[2])) == NULL &&
      (kind_name != NULL || (entity = find_entity (store, "place", argv[2])) == NULL))
    {
      rasd_cli_print_error (_("entities %s: no entity is called “%s”"), verb, argv[2]);
      return RASD_CLI_EXIT_USAGE;
    }
  parse_kind (entity->kind, &request.entity_kind);
  request.entity_key = entity->key;
  if (g_str_equal (verb, "reject"))
    request.kind = RASD_CORRECTION_ENTITY_REJECT;
  else if (g_str_equal (verb, "rename"))
    {
      request.kind = RASD_CORRECTION_ENTITY_RENAME;
      request.text = argv[3];
    }
  else
    {
      request.kind = RASD_CORRECTION_ENTITY_ALIAS;
      if ((target = find_entity (store, entity->kind, argv[3])) == NULL)
        {
          rasd_cli_print_error (_("entities alias: no %s is called “%s”"), entity->kind, argv[3]);
          return RASD_CLI_EXIT_USAGE;
        }
      other = (RasdEntity) { request.entity_kind, target->key, target->name, target->name_en };
      request.entity = &other;
    }
  if ((status = add_or_fail (store, "entities", &request, &id)) != RASD_CLI_EXIT_OK)
    return status;
  corrected = rasd_store_get_entity (store, entity->kind, entity->key, NULL);
  if (json && corrected != NULL)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_entity_json (builder, corrected);
      rasd_cli_print_json (builder);
    }
  else
    print_recorded (id);
  return RASD_CLI_EXIT_OK;
}

/* corrections ------------------------------------------------------------------------------- */

static int
corrections_list (RasdStore *store,
                  gboolean   json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) corrections = rasd_store_list_corrections (store, &error);

  if (corrections == NULL)
    {
      rasd_cli_print_error ("corrections: %s", error->message);
      return RASD_CLI_EXIT_FAILED;
    }
  if (json)
    {
      g_autofree char *text = rasd_store_export_corrections (store, &error);

      if (text == NULL)
        {
          rasd_cli_print_error ("corrections: %s", error->message);
          return RASD_CLI_EXIT_FAILED;
        }
      printf ("%s\n", text);
      return RASD_CLI_EXIT_OK;
    }
  for (guint i = 0; i < corrections->len; i++)
    {
      RasdCorrection *c = g_ptr_array_index (corrections, i);
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (c->created_at);
      g_autofree char *event_number = g_strdup_printf ("%" G_GINT64_FORMAT, c->event_id);
      g_autofree char *when = time != NULL ? g_date_time_format_iso8601 (time) : g_strdup ("?");
      g_autofree char *target = c->entity_key != NULL
                                ? g_strdup_printf ("%s %s", c->entity_kind, c->entity_key)
                                : c->event_id > 0 ? g_strdup_printf (_("event %s"), event_number)
                                : g_strdup (_("no event"));

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s%s\n", c->id, when,
              rasd_correction_kind_to_string (c->kind), target, c->payload,
              c->orphaned ? _("\torphaned") : "");
    }
  return RASD_CLI_EXIT_OK;
}

int
rasd_cli_corrections (const char  *db_path,
                      int          argc,
                      char       **argv)
{
  g_autofree char *output = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("export: the file (- or none: stdout)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("list: print JSON"), NULL },
    { NULL }
  };
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *verb;

  if (!rasd_cli_parse_options ("corrections", N_("[list|export|import FILE]"),
                               _("Lists the corrections made (orphaned: they match nothing since the "
                                 "last extraction), exports them as JSON or imports another's export "
                                 "for the same articles."),
                               entries, &db_path, &argc, &argv))
    return RASD_CLI_EXIT_USAGE;
  verb = argc > 1 ? argv[1] : "list";
  if (g_str_equal (verb, "list"))
    {
      if ((store = rasd_cli_open_store (db_path)) == NULL)
        return RASD_CLI_EXIT_FAILED;
      return corrections_list (store, json);
    }
  if (g_str_equal (verb, "export"))
    {
      g_autofree char *text = NULL;

      if ((store = rasd_cli_open_store (db_path)) == NULL)
        return RASD_CLI_EXIT_FAILED;
      if ((text = rasd_store_export_corrections (store, &error)) == NULL)
        {
          rasd_cli_print_error ("corrections: %s", error->message);
          return RASD_CLI_EXIT_FAILED;
        }
      if (output == NULL || g_str_equal (output, "-"))
        printf ("%s\n", text);
      else if (!g_file_set_contents (output, text, -1, &error))
        {
          rasd_cli_print_error ("corrections: %s", error->message);
          return RASD_CLI_EXIT_FAILED;
        }
      return RASD_CLI_EXIT_OK;
    }
  if (g_str_equal (verb, "import"))
    {
      g_autofree char *text = NULL;
      gsize length = 0;
      guint n_added = 0;

      if (argc < 3)
        {
          rasd_cli_print_error (_("corrections import: give the file to import"));
          return RASD_CLI_EXIT_USAGE;
        }
      if (!g_file_get_contents (argv[2], &text, &length, &error))
        {
          rasd_cli_print_error ("corrections: %s", error->message);
          return RASD_CLI_EXIT_FAILED;
        }
      if ((store = rasd_cli_open_store_for_writing (db_path, "corrections import")) == NULL)
        return RASD_CLI_EXIT_FAILED;
      if (!rasd_store_import_corrections (store, text, (gssize) length, argv[2], &n_added, &error))
        {
          rasd_cli_print_error ("corrections: %s", error->message);
          return g_error_matches (error, RASD_ERROR, RASD_ERROR_INVALID_QUERY)
                 ? RASD_CLI_EXIT_USAGE : RASD_CLI_EXIT_FAILED;
        }
      printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u correction.\n", "Imported %u corrections.\n", n_added),
              n_added);
      return RASD_CLI_EXIT_OK;
    }
  rasd_cli_print_error (_("corrections: unknown action “%s” (list, export or import)"), verb);
  return RASD_CLI_EXIT_USAGE;
}
