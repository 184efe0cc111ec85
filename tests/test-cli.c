#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <json-glib/json-glib.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage", test_cli_usage);
  g_test_add_func ("/cli/import-search-show", test_cli_import_search_show);
  g_test_add_func ("/cli/demo-corpus", test_cli_demo_corpus);
  g_test_add_func ("/cli/extract-text", test_cli_extract_text);

  return g_test_run ();
}
