#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "rasd-store.h"
#include "rasd-test-store.h"
#include "rasd-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

/* Runs rasd-cli with the NULL-terminated arguments. */
static void
run_cli (CliRun     *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("RASD_CLI");
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) first);
  va_start (ap, first);
  for (const char *a = va_arg (ap, const char *); a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
write_article (const char *dir,
               const char *name,
               const char *text)
{
  char *path = g_build_filename (dir, name, NULL);
  rasd_test_write_file (path, text, -1);
  return path;
}

static void
test_cli_usage (void)
{
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--help", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "import"));
    g_assert_nonnull (strstr (run.out, "search"));
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--version", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, PACKAGE_VERSION));
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "frobnicate", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "frobnicate"));
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "import", "--no-such-option", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "show", "abc", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_cli_import_search_show (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *articles = g_build_filename (dir, "in", NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *bad = NULL;

  a = write_article (articles, "a.txt",
                     "زيارة رسمية\nوصل الرئيس إلى العاصمة في زيارة رسمية التقى خلالها رئيس الوزراء "
                     "وبحث معه العلاقات الثنائية.");
  b = write_article (articles, "b.txt",
                     "اتصال هاتفي\nأجرى وزير الخارجية اتصالا هاتفيا بنظيره تناول خلاله التطورات "
                     "الإقليمية، وأكد الجانبان أهمية اللقاء المقبل.");
  bad = write_article (articles, "c.txt", "");

  /* One failed file: exit 1, the failure named on stderr, the others imported. */
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "import", articles, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "c.txt"));
    g_assert_nonnull (strstr (run.err, "empty"));
    g_assert_nonnull (strstr (run.out, "2"));
  }
  /* Again, only the good files: all duplicates, exit 0; --db after the command works too. */
  {
    g_auto(CliRun) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *summary;

    run_cli (&run, "import", "--db", db, "--json", a, b, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    g_assert_no_error (error);
    summary = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (summary, "imported"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (summary, "duplicates"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (summary, "failed"), ==, 0);
  }
  /* Inflected search: للقاء / اللقاء / لقاء. One line per article, nothing else on stdout. */
  {
    g_auto(CliRun) run = { 0 };
    g_auto(GStrv) lines = NULL;
    g_auto(GStrv) fields = NULL;

    run_cli (&run, "--db", db, "search", "لقاء", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (g_strchomp (run.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    fields = g_strsplit (lines[0], "\t", -1);
    g_assert_cmpuint (g_strv_length (fields), ==, 3);
    g_assert_cmpstr (fields[1], ==, "اتصال هاتفي");
    g_assert_nonnull (strstr (fields[2], "[اللقاء]"));
  }
  /* No match: nothing printed, exit 0; hostile queries are not errors. */
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "search", "طوكيو", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "search", "NEAR(\"زيارة", "OR", "*", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
  }
  /* list, show, stats */
  {
    g_auto(CliRun) run = { 0 };
    g_auto(GStrv) lines = NULL;

    run_cli (&run, "--db", db, "list", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (g_strchomp (run.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 2);
  }
  {
    g_auto(CliRun) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *article;

    run_cli (&run, "--db", db, "show", "--json", "1", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
    article = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (article, "id"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (article, "title"), ==, "زيارة رسمية");
    g_assert_nonnull (strstr (json_object_get_string_member (article, "text"), "رئيس الوزراء"));
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "show", "99", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "99"));
  }
  {
    g_auto(CliRun) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *stats;

    run_cli (&run, "--db", db, "stats", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
    stats = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_object_get_int_member (stats, "articles"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (stats, "excerpts"), ==, 0);
  }

  rasd_test_rmtree (dir);
}

/* The demo corpus shipped in data/demo imports whole. */
static void
test_cli_demo_corpus (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) list = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&run, "--db", db, "import", demo, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&list, "--db", db, "list", NULL);
  lines = g_strsplit (g_strchomp (list.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 12);
  /* Every demo article has its sidecar's date and source. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpstr (fields[1], !=, "-");
      g_assert_cmpstr (fields[2], ==, "rasd-demo");
    }

  /* Coordinates in their shortest form that reads back the same, alike in every output:
   * Sochi is 43.59917, never 43.599170000000001. */
  {
    g_autofree char *sochi = g_build_filename (demo, "01-sochi-2017.txt", NULL);
    const char *outputs[][4] = {
      { "extract", "--format", "jsonl", NULL },
      { "events", "--format", "jsonl", NULL },
      { "events", "--format", "geojson", NULL },
      { "events", "--format", "csv", NULL },
      { "export", "events", "--format", "json" },
      { "export", "events", "--format", "geojson" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
      {
        g_auto(CliRun) out = { 0 };

        if (g_str_equal (outputs[i][0], "extract"))
          run_cli (&out, "extract", "--format", "jsonl", sochi, NULL);
        else if (g_str_equal (outputs[i][0], "events"))
          run_cli (&out, "--db", db, "events", "--format", outputs[i][2], NULL);
        else
          run_cli (&out, "--db", db, "export", "events", "--format", outputs[i][3], "-o", "-", NULL);
        g_assert_cmpint (out.status, ==, 0);
        g_assert_nonnull (strstr (out.out, "43.59917"));
        g_assert_false (g_regex_match_simple ("[0-9]\\.[0-9]{12,}", out.out, 0, 0));
      }
  }

  rasd_test_rmtree (dir);
}

/* extract --format text prints the cleaned text, the one event offsets count in. */
static void
test_cli_extract_text (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *page = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) bad = { 0 };

  page = write_article (dir, "page.txt",
                        "Sorry, you need to enable JavaScript to visit this website.\n\n"
                        "وصل وزير الخارجية إلى العاصمة في زيارة رسمية يلتقي خلالها كبار المسؤولين.\n"
                        "عذراً التعليقات مغلقة\n");
  run_cli (&run, "extract", "--format", "text", page, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "وصل وزير الخارجية إلى العاصمة في زيارة رسمية يلتقي خلالها كبار المسؤولين.\n");

  run_cli (&bad, "extract", "--format", "xml", page, NULL);
  g_assert_cmpint (bad.status, ==, 2);

  rasd_test_rmtree (dir);
}

/* extract --format rules counts, per rule, the articles it fired in: a rule of two articles
 * says 2, one that fired nowhere 0, and a file that cannot be read fails the run. */
static void
test_cli_extract_rules (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *a = NULL, *b = NULL;
  g_autofree char *missing = g_build_filename (dir, "missing.txt", NULL);
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) bad = { 0 };
  g_auto(GStrv) lines = NULL;
  gboolean lexicon = FALSE, habit = FALSE;

  a = write_article (dir, "a.txt", "التقى فلاديمير بوتين ورجب طيب أردوغان في أنقرة أمس.\n");
  b = write_article (dir, "b.txt", "وزار وزير الخارجية الصيني وانغ يي القاهرة حيث التقى بوتين.\n");
  run_cli (&run, "extract", "--format", "rules", a, b, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "# 2 articles");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      if (g_strcmp0 (cols[0], "ner.lexicon-person") == 0)
        {
          lexicon = TRUE;
          g_assert_cmpstr (cols[1], ==, "2");
          g_assert_cmpstr (cols[3], ==, "a.txt,b.txt");
        }
      if (g_strcmp0 (cols[0], "ev.habit") == 0)
        {
          habit = TRUE;
          g_assert_cmpstr (cols[1], ==, "0");
        }
    }
  g_assert_true (lexicon && habit);

  run_cli (&bad, "extract", "--format", "rules", a, missing, NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "missing.txt"));

  rasd_test_rmtree (dir);
}

/* A database with three events saved by hand (the extractor is tested elsewhere): Putin and
 * Assad in Moscow (2015-10-20, two sources), Lavrov and Kerry in Geneva ("2015"), and a call
 * with no place and no date. */
static void
fill_events_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (path, &error);
  const char *titles[] = { "بوتين يستقبل الأسد", "لقاء في موسكو، \"تاريخي\"", "محادثات جنيف" };
  const char *urls[] = { "https://example.com/a", "https://example.com/b?q=\"x\",y", NULL };
  gint64 ids[3];

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RasdArticle) article = rasd_article_new ();
      g_autofree char *text = g_strdup_printf ("%s\nنص الخبر رقم %u.", titles[i], i);

      rasd_article_set_title (article, titles[i]);
      rasd_article_set_url (article, urls[i]);
      rasd_article_set_date (article, "2015-10-21");
      rasd_article_set_text (article, text);
      ids[i] = rasd_store_add_article (store, article, NULL, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RasdExtraction) x = rasd_extraction_new ();
      int putin = rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, "vladimir-putin",
                                              "فلاديمير بوتين", "Vladimir Putin", NULL);
      int assad = rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, "bashar-al-assad",
                                              "بشار الأسد", "Bashar al-Assad", NULL);
      int moscow = rasd_extraction_add_entity (x, RASD_ENTITY_PLACE, "524901", "موسكو", "Moscow", "RU");
      RasdEvent *event = rasd_event_new ();
      RasdSpan span = { 0, 20 };

      rasd_extraction_get_entity (x, moscow)->place_kind = "city";
      rasd_extraction_get_entity (x, moscow)->lat = 55.75;
      rasd_extraction_get_entity (x, moscow)->lon = 37.62;
      if (i < 2)
        {
          event->kind = "visit";
          event->cameo = "042";
          g_assert_true (rasd_date_parse_iso (i == 0 ? "2015-10" : "2015-10-20", &event->date));
          event->place = moscow;
          g_array_append_val (event->participants, putin);
          g_array_append_val (event->participants, assad);
        }
      else
        {
          int lavrov = rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, "sergey-lavrov",
                                                   "سيرغي لافروف", "Sergey Lavrov", NULL);
          int kerry = rasd_extraction_add_entity (x, RASD_ENTITY_PERSON, "john-kerry",
                                                  "جون كيري", "John Kerry", NULL);
          int geneva = rasd_extraction_add_entity (x, RASD_ENTITY_PLACE, "2660646", "جنيف",
                                                   "Geneva", "CH");
          RasdEvent *call = rasd_event_new ();

          rasd_extraction_get_entity (x, geneva)->place_kind = "city";
          rasd_extraction_get_entity (x, geneva)->lat = 46.2;
          rasd_extraction_get_entity (x, geneva)->lon = 6.14;
          event->kind = "talks";
          event->cameo = "046";
          g_assert_true (rasd_date_parse_iso ("2015", &event->date));
          event->place = geneva;
          g_array_append_val (event->participants, lavrov);
          g_array_append_val (event->participants, kerry);

          call->kind = "call";
          call->cameo = "041";
          call->role = RASD_EVENT_ROLE_BACKGROUND;
          g_array_append_val (call->participants, lavrov);
          g_array_append_val (call->evidence, span);
          g_ptr_array_add (x->events, call);
        }
      g_array_append_val (event->evidence, span);
      g_ptr_array_insert (x->events, 0, event);
      g_assert_true (rasd_store_save_extraction (store, ids[i], x, &error));
      g_assert_no_error (error);
    }
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli_events (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "events.db", NULL);

  fill_events_db (db);

  /* jsonl, by date: the talks of 2015, the visit, the call of unknown date. */
  {
    g_auto(CliRun) run = { 0 };
    g_auto(GStrv) lines = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *event, *place, *person;
    JsonArray *sources;

    run_cli (&run, "--db", db, "events", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    lines = g_strsplit (g_strchomp (run.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    event = parse_object (parser, lines[1]);
    g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "visit");
    g_assert_cmpstr (json_object_get_string_member (event, "cameo"), ==, "042");
    g_assert_cmpstr (json_object_get_string_member (event, "date"), ==, "2015-10-20");
    g_assert_cmpstr (json_object_get_string_member (event, "role"), ==, "headline");
    person = json_array_get_object_element (json_object_get_array_member (event, "participants"), 0);
    g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "فلاديمير بوتين");
    g_assert_cmpstr (json_object_get_string_member (person, "en"), ==, "Vladimir Putin");
    place = json_object_get_object_member (event, "place");
    g_assert_cmpstr (json_object_get_string_member (place, "name"), ==, "موسكو");
    g_assert_cmpstr (json_object_get_string_member (place, "en"), ==, "Moscow");
    g_assert_cmpstr (json_object_get_string_member (place, "country"), ==, "RU");
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (place, "lat"), 55.75, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (place, "lon"), 37.62, 1e-9);
    sources = json_object_get_array_member (event, "sources");
    g_assert_cmpuint (json_array_get_length (sources), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 1), "url"),
                     ==, "https://example.com/b?q=\"x\",y");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (event, "evidence")), ==, 2);

    event = parse_object (parser, lines[2]);
    g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "call");
    g_assert_true (json_object_get_null_member (event, "date"));
    g_assert_true (json_object_get_null_member (event, "place"));
    g_assert_cmpstr (json_object_get_string_member (event, "role"), ==, "background");
  }
  /* Filters. */
  {
    g_auto(CliRun) run = { 0 };
    g_auto(GStrv) lines = NULL;

    run_cli (&run, "--db", db, "events", "--person", "بوتين", "--place", "RU", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (g_strchomp (run.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_nonnull (strstr (lines[0], "\"visit\""));
  }
  {
    g_auto(CliRun) run = { 0 };
    g_auto(GStrv) lines = NULL;

    run_cli (&run, "--db", db, "events", "--from", "2015-10-21", "--to", "2016", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (g_strchomp (run.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1);
    g_assert_nonnull (strstr (lines[0], "\"talks\""));
  }
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, "--db", db, "events", "--kind", "summit", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "");
  }
  /* csv: a header, RFC 4180 quoting, participants joined by "; ". */
  {
    g_auto(CliRun) run = { 0 };
    g_auto(GStrv) lines = NULL;

    run_cli (&run, "--db", db, "events", "--format", "csv", "--kind", "visit", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (run.out, "\r\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_cmpstr (lines[0], ==, "date,precision,cameo,kind,role,participants,place,latitude,"
                                   "longitude,country,sources,urls,confidence,reviewed,edited");
    g_assert_cmpstr (lines[1], ==, "2015-10-20,day,042,visit,headline,فلاديمير بوتين; بشار الأسد,"
                                   "موسكو,55.75,37.62,RU,2,\"https://example.com/a https://example.com/b?q=\"\"x\"\",y\","
                                   "0.78,false,false");
    g_assert_cmpstr (lines[2], ==, "");
  }
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, "--db", db, "events", "--format", "csv", "--person", "نتنياهو", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_str_has_prefix (run.out, "date,precision,"));
    g_assert_cmpuint (strlen (strchr (run.out, '\n')), ==, 1);
  }
  /* geojson: the events with a place, as points [lon, lat]. */
  {
    g_auto(CliRun) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *collection, *feature;
    JsonArray *features, *coordinates;

    run_cli (&run, "--db", db, "events", "--format", "geojson", NULL);
    g_assert_cmpint (run.status, ==, 0);
    collection = parse_object (parser, run.out);
    g_assert_cmpstr (json_object_get_string_member (collection, "type"), ==, "FeatureCollection");
    features = json_object_get_array_member (collection, "features");
    g_assert_cmpuint (json_array_get_length (features), ==, 2);
    feature = json_array_get_object_element (features, 1);
    coordinates = json_object_get_array_member (json_object_get_object_member (feature, "geometry"),
                                                "coordinates");
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coordinates, 0), 37.62, 1e-9);
    g_assert_cmpfloat_with_epsilon (json_array_get_double_element (coordinates, 1), 55.75, 1e-9);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (feature, "properties"),
                                                    "kind"), ==, "visit");
  }
  /* Usage errors: exit 2, the bad value named on stderr, nothing on stdout. */
  {
    const char *bad[][2] = {
      { "--from", "2015-13" }, { "--to", "tomorrow" }, { "--kind", "dance" }, { "--format", "xml" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_auto(CliRun) run = { 0 };

        run_cli (&run, "--db", db, "events", bad[i][0], bad[i][1], NULL);
        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_nonnull (strstr (run.err, bad[i][1]));
      }
  }

  rasd_test_rmtree (dir);
}

/* reextract runs the extractor over every article; twice leaves the same counts. */
static void
test_cli_reextract (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "events.db", NULL);
  g_auto(CliRun) first = { 0 };
  g_auto(CliRun) second = { 0 };
  g_auto(CliRun) stats1 = { 0 };
  g_auto(CliRun) stats2 = { 0 };

  fill_events_db (db);
  run_cli (&first, "--db", db, "reextract", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "from 3 article(s)."));
  run_cli (&stats1, "--db", db, "stats", "--json", NULL);
  run_cli (&second, "--db", db, "reextract", NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.out, ==, first.out);
  run_cli (&stats2, "--db", db, "stats", "--json", NULL);
  g_assert_cmpstr (stats2.out, ==, stats1.out);

  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "reextract", "extra", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  rasd_test_rmtree (dir);
}

static void
test_cli_export (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "export.db", NULL);
  g_autofree char *json_path = g_build_filename (dir, "x.json", NULL);
  g_autofree char *geo_path = g_build_filename (dir, "e.geojson", NULL);
  g_autofree char *md_path = g_build_filename (dir, "x.md", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "missing", "x.pdf", NULL);
  g_autofree char *first_id = NULL;

  fill_events_db (db);

  /* excerpts add / add-event / list */
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "excerpts", "add", "--article", "1", "--start", "0", "--end", "5",
             "--note", "ملاحظة", NULL);
    g_assert_cmpint (run.status, ==, 0);
    first_id = g_strdup (g_strchomp (run.out));
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "excerpts", "add", "--article", "1", "--start", "0", "--end", "9999", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "9999"));
  }
  {
    g_auto(CliRun) run = { 0 };
    g_auto(GStrv) lines = NULL;

    run_cli (&run, "--db", db, "excerpts", "add-event", "--event", "1", NULL);
    g_assert_cmpint (run.status, ==, 0);
    cli_run_clear (&run);
    run_cli (&run, "--db", db, "excerpts", "list", NULL);
    g_assert_cmpint (run.status, ==, 0);
    lines = g_strsplit (g_strchomp (run.out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
    g_assert_true (g_str_has_prefix (lines[0], first_id));
    g_assert_nonnull (strstr (lines[0], "\t0\t5\tبوتين"));
  }

  /* export excerpts as JSON: what the store has, in basket order. */
  {
    g_auto(CliRun) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonArray *array;

    run_cli (&run, "--db", db, "export", "excerpts", "--format", "json", "-o", json_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_file (parser, json_path, &error));
    g_assert_no_error (error);
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "text"),
                     ==, "بوتين");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "note"),
                     ==, "ملاحظة");
  }
  /* --ids, the format from the file name */
  {
    g_auto(CliRun) run = { 0 };
    g_autofree char *md = NULL;

    run_cli (&run, "--db", db, "export", "excerpts", "--ids", first_id, "-o", md_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (md_path, &md, NULL, NULL));
    g_assert_nonnull (strstr (md, "> بوتين\n"));
    g_assert_null (strstr (md, "نص الخبر"));
  }
  /* export events with the filters of `events` */
  {
    g_auto(CliRun) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonArray *features;

    run_cli (&run, "--db", db, "export", "events", "--format", "geojson", "-o", geo_path,
             "--person", "بوتين", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_file (parser, geo_path, &error));
    g_assert_no_error (error);
    features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                             "features");
    /* The two reports of the visit are one event. */
    g_assert_cmpuint (json_array_get_length (features), ==, 1);
  }
  {
    g_auto(CliRun) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonArray *features;

    run_cli (&run, "--db", db, "export", "events", "-o", geo_path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_file (parser, geo_path, &error));
    features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                             "features");
    /* Every event, the call without a place with a null geometry. */
    g_assert_cmpuint (json_array_get_length (features), ==, 3);
    g_assert_true (json_object_get_null_member (json_array_get_object_element (features, 2), "geometry"));
  }
  /* Usage errors: 2; an unwritable destination: 1, named. */
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "export", "events", "--format", "pdf", "-o", json_path, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "export", "excerpts", "--format", "pdf", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "export", "events", "--kind", "dance", "-o", geo_path, NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(CliRun) run = { 0 };
    run_cli (&run, "--db", db, "export", "excerpts", "--format", "pdf", "-o", bad_path, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, bad_path));
    g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
  }
  rasd_test_rmtree (dir);
}

/* tag --conll: the same tokens and lines back, each with a tag, blank lines where they were. */
static void
test_cli_tag_conll (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "in.conll", NULL);
  /* token first, other columns ignored (tabs or spaces), one and two blank lines, CRLF */
  const char *input = "وصل\tx\tO\nالوزير\nنبيل y B-PERS\nعواد\nإلى\nدمشق\n.\n\n"
                      "قالت\r\nالمستشارة\r\nهيلغا\r\nبرانت\r\nإن\r\nالاتحاد\r\nالأوروبي\r\n"
                      "يدعم\r\nالحل\r\n.\r\n\n\nانتهى\n";
  const char *tokens[] = { "وصل", "الوزير", "نبيل", "عواد", "إلى", "دمشق", ".", "", "قالت",
                           "المستشارة", "هيلغا", "برانت", "إن", "الاتحاد", "الأوروبي", "يدعم",
                           "الحل", ".", "", "", "انتهى" };
  const char *expected[] = { "O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "", "O", "O",
                             "B-PERS", "I-PERS", "O", "B-ORG", "I-ORG", "O", "O", "O", "", "", "O" };
  g_auto(CliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  rasd_test_write_file (path, input, -1);
  run_cli (&run, "tag", "--conll", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, "\n"));
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (tokens) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      g_autofree char *line = tokens[i][0] != '\0' ? g_strdup_printf ("%s\t%s", tokens[i], expected[i])
                                                  : g_strdup ("");

      g_assert_cmpstr (lines[i], ==, line);
    }

  {
    g_auto(CliRun) missing = { 0 };
    g_autofree char *nowhere = g_build_filename (dir, "nowhere.conll", NULL);

    run_cli (&missing, "tag", "--conll", nowhere, NULL);
    g_assert_cmpint (missing.status, ==, 1);
    g_assert_nonnull (strstr (missing.err, nowhere));
  }
  rasd_test_rmtree (dir);
}

/* Sidecars read with their article are its metadata: the summary says so instead of counting
 * them as skipped; only a README is skipped.  Exit 0. */
static void
test_cli_import_sidecars (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "cli.db", NULL);
  g_autofree char *articles = g_build_filename (dir, "in", NULL);
  g_autofree char *a = write_article (articles, "a.txt",
                                      "زار وزير الخارجية العاصمة اليوم والتقى نظيره وبحثا العلاقات الثنائية.");
  g_autofree char *a_meta = write_article (articles, "a.meta.json",
                                           "{\"title\": \"زيارة\", \"date_publish\": \"2019-03-01 10:00:00\"}");
  g_autofree char *b = write_article (articles, "b.txt",
                                      "استقبل الرئيس السفير الجديد في قصره وتسلم أوراق اعتماده بحضور الوزير.");
  g_autofree char *readme = write_article (articles, "README.md", "# Notes\n");
  g_auto(CliRun) run = { 0 };

  run_cli (&run, "--db", db, "import", articles, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "Imported 2 new article(s) (1 with metadata) from 4 file(s): 0 duplicate(s), "
                                "1 skipped (not articles), 0 failed.\n");
  rasd_test_rmtree (dir);
}

/* One plain sentence naming the file: one line on stderr, no SQL in it. */
static void
assert_plain_sentence (const char *err,
                       const char *path,
                       const char *words)
{
  g_autofree char *line = g_strdup (err);

  g_test_message ("%s", err);
  g_strchomp (line);
  g_assert_null (strchr (line, '\n'));
  g_assert_nonnull (strstr (line, path));
  g_assert_nonnull (strstr (line, words));
  for (guint i = 0; i < 4; i++)
    g_assert_null (strstr (line, (const char *[]) { "PRAGMA", "SELECT", "sqlite", ";" }[i]));
}

/* A folder, a file that is not a database and a database cut short are each refused with one
 * sentence naming the file (they printed SQLite's statement and message before). */
/* A database an older Rasd wrote: the command says on stderr that it upgrades it (a large one
 * takes minutes), then does its work on it; the next command has nothing to upgrade. */
static void
test_cli_upgrades (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "old.db", NULL);
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);

  {
    g_auto(CliRun) run = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdStore) store = NULL;

    run_cli (&run, "--db", db, "import", demo, NULL);
    g_assert_cmpint (run.status, ==, 0);
    store = rasd_store_open (db, &error);
    g_assert_no_error (error);
    rasd_test_downgrade_to_10 (store);
  }
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, "--db", db, "stats", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, "upgrading"));
    g_assert_nonnull (strstr (run.err, db));
    g_assert_nonnull (strstr (run.out, "articles\t12"));
  }
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, "--db", db, "stats", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_null (strstr (run.err, "upgrading"));
  }
  rasd_test_rmtree (dir);
}

static void
test_cli_not_a_database (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.db", NULL);
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  const char *commands[][2] = { { "stats", NULL }, { "search", "لقاء" }, { "events", NULL } };

  {
    g_auto(CliRun) run = { 0 };
    g_autofree char *contents = NULL;
    gsize length;

    run_cli (&run, "--db", db, "import", demo, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (db, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 8192);
    /* the first half of the database */
    rasd_test_write_file (cut, contents, length / 2);
  }
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  rasd_test_write_file (text, "Notes of a meeting, not a database.\n", -1);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliRun) on_folder = { 0 };
      g_auto(CliRun) on_text = { 0 };
      g_auto(CliRun) on_cut = { 0 };

      run_cli (&on_folder, "--db", folder, commands[i][0], commands[i][1], NULL);
      g_assert_cmpint (on_folder.status, ==, 1);
      assert_plain_sentence (on_folder.err, folder, "is a folder");
      run_cli (&on_text, "--db", text, commands[i][0], commands[i][1], NULL);
      g_assert_cmpint (on_text.status, ==, 1);
      assert_plain_sentence (on_text.err, text, "is not a Rasd database");
      run_cli (&on_cut, "--db", cut, commands[i][0], commands[i][1], NULL);
      g_assert_cmpint (on_cut.status, ==, 1);
      assert_plain_sentence (on_cut.err, cut, "damaged");
    }
  /* and nothing was written over them */
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (text, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "Notes of a meeting, not a database.\n");
  }
  rasd_test_rmtree (dir);
}

/* import --follow-symlinks, what the policy leaves unread as warnings that do not change the
 * exit status, and search's bounds as a usage error. */
static void
test_cli_symlinks_and_bounds (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *archive = g_build_filename (dir, "archive", NULL);
  g_autofree char *outside = g_build_filename (dir, "outside", NULL);
  g_autofree char *link = g_build_filename (archive, "link.txt", NULL);
  g_autofree char *db = g_build_filename (dir, "rasd.db", NULL);
  g_autofree char *a = write_article (archive, "a.txt", "التقى وزير الخارجية نظيره في الرباط وبحث "
                                      "معه التعاون في مجالات التعليم والصحة والنقل.");
  g_autofree char *b G_GNUC_UNUSED = write_article (outside, "b.txt", "زار رئيس الوزراء مدينة صفاقس وافتتح فيها "
                                      "مستشفى جديدا بحضور عدد من المسؤولين المحليين.");

  g_assert_cmpint (symlink ("../outside/b.txt", link), ==, 0);
  {
    g_auto(CliRun) run = { 0 };
    g_autofree char *warning = g_strdup_printf ("rasd-cli: warning: %s: symbolic link to ", link);

    run_cli (&run, "--db", db, "import", archive, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.err, warning));
    g_assert_nonnull (strstr (run.err, "outside/b.txt, outside the folder being imported: not followed"));
    g_assert_nonnull (strstr (run.err, "--follow-symlinks"));
    g_assert_nonnull (strstr (run.out, "Imported 1 new article(s) from 1 file(s)"));
    g_assert_nonnull (strstr (run.out, "1 not read"));
  }
  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, "--db", db, "import", "--follow-symlinks", archive, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_nonnull (strstr (run.out, "Imported 1 new article(s) from 2 file(s): 1 duplicate(s)"));
  }
  {
    g_auto(CliRun) run = { 0 };
    g_autoptr(GString) words = g_string_new (NULL);

    for (guint i = 0; i < 65; i++)
      g_string_append_printf (words, "w%u ", i);
    run_cli (&run, "--db", db, "search", words->str, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "65 different words"));
  }
  {
    /* The word typed a thousand times finds what it finds once. */
    g_auto(CliRun) once = { 0 };
    g_auto(CliRun) many = { 0 };
    g_autoptr(GString) words = g_string_new (NULL);

    for (guint i = 0; i < 1000; i++)
      g_string_append (words, "صفاقس ");
    run_cli (&once, "--db", db, "search", "صفاقس", NULL);
    run_cli (&many, "--db", db, "search", words->str, NULL);
    g_assert_cmpint (many.status, ==, 0);
    g_assert_nonnull (strstr (once.out, "[صفاقس]"));
    g_assert_cmpstr (many.out, ==, once.out);
  }
  rasd_test_rmtree (dir);
}

/* Corrections from the shell: an edit, a rejection, a name made the same as another, kept by
 * `reextract`, exported and imported into a fresh database of the same articles (before and
 * after they are imported) with the same events as the result. */
static void
test_cli_corrections (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "a.db", NULL);
  g_autofree char *fresh = g_build_filename (dir, "b.db", NULL);
  g_autofree char *late = g_build_filename (dir, "c.db", NULL);
  g_autofree char *json = g_build_filename (dir, "corrections.json", NULL);
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  g_auto(CliRun) import = { 0 }, edit = { 0 }, reject = { 0 }, alias = { 0 }, bad = { 0 };
  g_auto(CliRun) before = { 0 }, after = { 0 }, export = { 0 }, list = { 0 }, entities = { 0 };
  g_auto(CliRun) reextract = { 0 }, import_fresh = { 0 }, corr_fresh = { 0 }, events_fresh = { 0 };
  g_auto(CliRun) corr_late = { 0 }, import_late = { 0 }, events_late = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&import, "--db", db, "import", demo, NULL);
  g_assert_cmpint (import.status, ==, 0);
  run_cli (&edit, "--db", db, "events", "edit", "1", "--place", "Cairo", "--kind", "call", "--json", NULL);
  g_assert_cmpint (edit.status, ==, 0);
  g_assert_nonnull (strstr (edit.out, "\"kind\" : \"call\""));
  g_assert_nonnull (strstr (edit.out, "\"en\" : \"Cairo\""));
  g_assert_nonnull (strstr (edit.out, "\"edited\" : true"));
  run_cli (&reject, "--db", db, "events", "reject", "2", NULL);
  g_assert_cmpint (reject.status, ==, 0);
  run_cli (&alias, "--db", db, "entities", "alias", "name:اسحق رابين", "bill-clinton", "--json", NULL);
  g_assert_cmpint (alias.status, ==, 0);
  g_assert_nonnull (strstr (alias.out, "\"alias_of\" : \"bill-clinton\""));
  run_cli (&bad, "--db", db, "events", "merge", "3", "3", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  run_cli (&entities, "--db", db, "entities", "list", "--kind", "person", "--json", NULL);
  g_assert_cmpint (entities.status, ==, 0);
  g_assert_nonnull (strstr (entities.out, "\"confidence\""));

  run_cli (&before, "--db", db, "events", "--format", "csv", NULL);
  g_assert_nonnull (strstr (before.out, "القاهرة"));
  run_cli (&reextract, "--db", db, "reextract", NULL);
  g_assert_cmpint (reextract.status, ==, 0);
  run_cli (&after, "--db", db, "events", "--format", "csv", NULL);
  g_assert_cmpstr (after.out, ==, before.out);
  run_cli (&list, "--db", db, "corrections", "list", NULL);
  lines = g_strsplit (g_strchomp (list.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_null (strstr (list.out, "orphaned"));

  run_cli (&export, "--db", db, "corrections", "export", "-o", json, NULL);
  g_assert_cmpint (export.status, ==, 0);
  run_cli (&import_fresh, "--db", fresh, "import", demo, NULL);
  run_cli (&corr_fresh, "--db", fresh, "corrections", "import", json, NULL);
  g_assert_cmpint (corr_fresh.status, ==, 0);
  run_cli (&events_fresh, "--db", fresh, "events", "--format", "csv", NULL);
  g_assert_cmpstr (events_fresh.out, ==, before.out);
  run_cli (&corr_late, "--db", late, "corrections", "import", json, NULL);
  run_cli (&import_late, "--db", late, "import", demo, NULL);
  run_cli (&events_late, "--db", late, "events", "--format", "csv", NULL);
  g_assert_cmpstr (events_late.out, ==, before.out);
  rasd_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_cli_usage);
  g_test_add_func ("/cli/import-search-show", test_cli_import_search_show);
  g_test_add_func ("/cli/import-sidecars", test_cli_import_sidecars);
  g_test_add_func ("/cli/not-a-database", test_cli_not_a_database);
  g_test_add_func ("/cli/upgrades", test_cli_upgrades);
  g_test_add_func ("/cli/demo-corpus", test_cli_demo_corpus);
  g_test_add_func ("/cli/extract-text", test_cli_extract_text);
  g_test_add_func ("/cli/extract-rules", test_cli_extract_rules);
  g_test_add_func ("/cli/events", test_cli_events);
  g_test_add_func ("/cli/reextract", test_cli_reextract);
  g_test_add_func ("/cli/corrections", test_cli_corrections);
  g_test_add_func ("/cli/export", test_cli_export);
  g_test_add_func ("/cli/tag-conll", test_cli_tag_conll);
  g_test_add_func ("/cli/symlinks-and-bounds", test_cli_symlinks_and_bounds);

  return g_test_run ();
}
