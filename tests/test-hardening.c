/* Hardening: hostile input, an import killed at random points, read-only and full databases,
 * and two imports writing to one database at once.  Everything goes through `rasd-cli`, the
 * way a user or a script drives Rasd, and the database is then checked through the store. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "rasd-error.h"
#include "rasd-importer-private.h"
#include "rasd-path.h"
#include "rasd-store.h"
#include "rasd-test-util.h"

/* The import of the bad corpus (sparse files of 1 GiB among them) stays under this; under
 * AddressSanitizer, whose shadow memory and quarantine of freed blocks add their own, under
 * the second figure. */
#if defined(__SANITIZE_ADDRESS__)
#define MAX_PEAK_MEMORY_MB 400
#else
#define MAX_PEAK_MEMORY_MB 300
#endif

/* A scratch folder under the build folder (the bad corpus holds a 200 MB file, too big for a
 * small /tmp), removed at the end unless the test failed. */
static char *
make_scratch (const char *name)
{
  g_autofree char *built = g_canonicalize_filename (g_test_get_dir (G_TEST_BUILT), NULL);
  g_autofree char *base = g_build_filename (built, "hardening-tmp", NULL);
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  char *dir;

  g_assert_cmpint (g_mkdir_with_parents (base, 0755), ==, 0);
  g_assert_cmpint (chmod (base, 0755), ==, 0);
  dir = g_build_filename (base, template, NULL);
  g_assert_nonnull (g_mkdtemp_full (dir, 0755));
  return dir;
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", path, NULL };
  const char *chmod_argv[] = { "chmod", "-R", "u+rwx", path, NULL };

  if (g_test_failed ())
    {
      g_test_message ("leaving %s for inspection", path);
      return;
    }
  g_spawn_sync (NULL, (char **) chmod_argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, NULL, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, NULL, NULL));
  /* the scratch folders' parent too, once the last is gone (check-leftovers.sh) */
  {
    g_autofree char *parent = g_path_get_dirname (path);

    if (g_str_has_suffix (parent, "hardening-tmp"))
      g_rmdir (parent);
  }
}

/* Root reads files whatever their mode; setpriv runs a command as nobody so that chmod means
 * something. */
static gboolean
need_nobody (void)
{
  return geteuid () == 0;
}

static gboolean
can_run_as_nobody (void)
{
  const char *argv[] = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "true", NULL };
  g_autofree char *setpriv = g_find_program_in_path ("setpriv");
  int wait_status = 0;

  /* Present, and allowed to change user here (a container may drop CAP_SETUID). */
  return setpriv != NULL &&
         g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &wait_status, NULL) &&
         g_spawn_check_wait_status (wait_status, NULL);
}

/* Runs rasd-cli with @args; returns its exit status (-1 when killed by a signal). */
static int
run_cli_full (gboolean     as_nobody,
              const char  *db,
              const char * const *args,
              char       **out,
              char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *asan_options = NULL;
  int wait_status = 0;

  /* Under AddressSanitizer (the CI's second build), freed memory waits in a quarantine of
   * 256 MB that counts as resident: the peak measured must be Rasd's, not the sanitizer's.
   * Without the sanitizer the variable means nothing. */
  asan_options = g_strconcat (g_environ_getenv (envp, "ASAN_OPTIONS") != NULL
                              ? g_environ_getenv (envp, "ASAN_OPTIONS") : "",
                              ":quarantine_size_mb=16", NULL);
  envp = g_environ_setenv (envp, "ASAN_OPTIONS", asan_options, TRUE);

  if (as_nobody)
    {
      g_ptr_array_add (argv, (gpointer) "setpriv");
      g_ptr_array_add (argv, (gpointer) "--reuid=65534");
      g_ptr_array_add (argv, (gpointer) "--regid=65534");
      g_ptr_array_add (argv, (gpointer) "--clear-groups");
    }
  g_ptr_array_add (argv, (gpointer) g_getenv ("RASD_CLI"));
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               out, err, &wait_status, &error));
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    return WEXITSTATUS (wait_status);
  return -1;
}

static int
run_cli (const char  *db,
         const char * const *args,
         char       **out,
         char       **err)
{
  return run_cli_full (FALSE, db, args, out, err);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The database opens, SQLite and FTS5 find nothing wrong, every article is whole (text,
 * its full-text row) and nothing refers to what is not there.  Returns the article count. */
static gint64
check_database (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  gint64 n_articles;

  g_assert_no_error (error);
  db = rasd_store_get_db (store);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_clear_pointer (&stmt, sqlite3_finalize);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* FTS5 compares its index with the articles table. */
  if (sqlite3_exec (db, "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')",
                    NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s: FTS integrity-check: %s", path, sqlite3_errmsg (db));

  n_articles = query_int (db, "SELECT count(*) FROM articles");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles_fts_docsize"), ==, n_articles);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM articles WHERE length (text) = 0"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM mentions WHERE article_id NOT IN "
                                  "(SELECT id FROM articles)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM evidence WHERE article_id NOT IN "
                                  "(SELECT id FROM articles) OR event_id NOT IN (SELECT id FROM events)"),
                   ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event_sources WHERE article_id NOT IN "
                                  "(SELECT id FROM articles) OR event_id NOT IN (SELECT id FROM events)"),
                   ==, 0);
  /* An event exists because some article reports it. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM events WHERE id NOT IN "
                                  "(SELECT event_id FROM event_sources)"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM event_participants WHERE event_id NOT IN "
                                  "(SELECT id FROM events)"), ==, 0);

  /* Every stored text is valid UTF-8. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT path, title, text FROM articles", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_assert_true (g_utf8_validate ((const char *) sqlite3_column_text (stmt, 1), -1, NULL));
      if (!g_utf8_validate ((const char *) sqlite3_column_text (stmt, 2), -1, NULL))
        g_error ("%s: the stored text is not valid UTF-8", sqlite3_column_text (stmt, 0));
    }
  return n_articles;
}

/* Bad input ------------------------------------------------------------------------------- */

static gboolean
contains_any (const char *text,
              JsonArray  *reasons)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < json_array_get_length (reasons); i++)
    {
      g_autofree char *reason = g_utf8_casefold (json_array_get_string_element (reasons, i), -1);
      if (strstr (folded, reason) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The line printed for @path after @kind ("rasd-cli: KINDPATH: reason", the path escaped as
 * rasd-cli prints names), or NULL. */
static const char *
line_for (GStrv        lines,
          const char  *kind,
          const char  *path)
{
  g_autofree char *shown = rasd_path_display (path);
  g_autofree char *prefix = g_strdup_printf ("rasd-cli: %s%s: ", kind, shown);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return lines[i] + strlen (prefix);
  return NULL;
}

/* The failure line printed for @path ("rasd-cli: PATH: reason"), or NULL. */
static const char *
failure_for (GStrv        lines,
             const char  *path)
{
  return line_for (lines, "", path);
}

/* The warning printed for @path ("rasd-cli: warning: PATH: reason"), or NULL. */
static const char *
warning_for (GStrv        lines,
             const char  *path)
{
  return line_for (lines, "warning: ", path);
}

/* Stored under the name that finds the file again (a .jsonl file's records as PATH:LINE). */
static gboolean
article_stored (sqlite3    *db,
                const char *path)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stored = rasd_path_to_stored (path);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM articles WHERE path = ?1 OR "
                                           "substr (path, 1, length (?1) + 1) = ?1 || ':'", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, stored, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0) > 0;
}

/* A manifest entry's path: the bytes of path_hex for a name that is not UTF-8. */
static char *
entry_path (JsonObject *entry)
{
  const char *hex = json_object_get_string_member_with_default (entry, "path_hex", NULL);
  GString *bytes;

  if (hex == NULL)
    return g_strdup (json_object_get_string_member (entry, "path"));
  bytes = g_string_new (NULL);
  for (const char *p = hex; p[0] != '\0' && p[1] != '\0'; p += 2)
    g_string_append_c (bytes, (char) (g_ascii_xdigit_value (p[0]) * 16 + g_ascii_xdigit_value (p[1])));
  return g_string_free (bytes, FALSE);
}

static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = data; p + n <= data + length; p++)
    {
      p = memchr (p, needle[0], data + length - p);
      if (p == NULL || p + n > data + length)
        return FALSE;
      if (memcmp (p, needle, n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Nothing of /etc/passwd anywhere in the database's files, index and free pages included. */
static void
assert_no_passwd_bytes (const char *db_path)
{
  const char *suffixes[] = { "", "-wal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (db_path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      g_assert_false (contains_bytes (contents, length, "root:x:"));
      g_assert_false (contains_bytes (contents, length, "/usr/sbin/nologin"));
    }
}

/* The most memory any child waited for so far had resident (getrusage: the largest, not a
 * sum), in MB. */
static double
children_peak_mb (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_CHILDREN, &usage), ==, 0);
  return usage.ru_maxrss / 1024.0;
}

static void
assert_no_passwd (sqlite3 *db)
{
  g_autofree char *passwd = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_checked = 0;

  if (!g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL))
    {
      g_test_message ("/etc/passwd cannot be read here; checking for \"root:\" lines only");
      passwd = g_strdup ("root:x:0:0:");
    }
  lines = g_strsplit (passwd, "\n", -1);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT coalesce (title, '') || ' ' || text || ' ' || "
                                       "coalesce (url, '') || ' ' || coalesce (source, '') || ' ' || "
                                       "coalesce (authors, '') FROM articles "
                                       "UNION ALL SELECT name FROM entities", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *stored = (const char *) sqlite3_column_text (stmt, 0);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          /* Whole lines and the user:x:uid: prefix of each: neither is Arabic news. */
          g_auto(GStrv) fields = g_strsplit (lines[i], ":", 4);

          if (strlen (lines[i]) < 8 || g_strv_length (fields) < 4)
            continue;
          g_assert_null (strstr (stored, lines[i]));
          {
            g_autofree char *head = g_strdup_printf ("%s:%s:%s:", fields[0], fields[1], fields[2]);
            g_assert_null (strstr (stored, head));
          }
        }
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >, 0);
}

/* `show` prints a stored name with control characters escaped, and the stored name still
 * finds the file (a name that is not UTF-8 included). */
static void
check_show_escapes (const char *db_path,
                    const char *corpus)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (db_path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_checked = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store),
                                       "SELECT id, path FROM articles WHERE path LIKE '%/names/%'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, 0));
      const char *stored = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *filename = rasd_path_from_stored (stored);
      g_autofree char *shown = rasd_path_display (filename);
      g_autofree char *file_line = g_strdup_printf ("\n%-9s %s\n", "File:", shown);
      const char *args[] = { "show", id, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_true (g_file_test (filename, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_str_has_prefix (filename, corpus));
      g_assert_cmpint (run_cli (db_path, args, &out, &err), ==, 0);
      g_assert_true (g_utf8_validate (out, -1, NULL));
      g_assert_null (strchr (out, '\x1b'));
      g_assert_null (strchr (out, '\a'));
      if (strstr (out, file_line) == NULL)
        g_error ("show %s does not print the name escaped (%s):\n%s", id, shown, out);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, ==, 3);
}

static void
test_bad_input (void)
{
  g_autofree char *scratch = make_scratch ("bad");
  g_autofree char *corpus = g_build_filename (scratch, "corpus", NULL);
  g_autofree char *manifest_path = g_build_filename (scratch, "manifest.json", NULL);
  g_autofree char *db_path = g_build_filename (scratch, "rasd.db", NULL);
  g_autofree char *script = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "tests",
                                              "make-bad-corpus.py", NULL);
  const char *gen_argv[] = { "python3", script, scratch, NULL };
  const char *import_args[] = { "import", corpus, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) err_lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  gboolean root = need_nobody ();
  JsonArray *manifest;
  sqlite3 *db;
  int wait_status = 0;
  int status;
  guint n_expected_imported = 0;
  double peak_mb;

  g_assert_true (g_spawn_sync (NULL, (char **) gen_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_true (json_parser_load_from_file (parser, manifest_path, &error));
  g_assert_no_error (error);
  manifest = json_node_get_array (json_parser_get_root (parser));

  /* The generator (a small Python process) has run: what getrusage() reports from here on is
   * the import's peak. */
  status = run_cli (db_path, import_args, &out, &err);
  peak_mb = children_peak_mb ();
  g_test_message ("rasd-cli import: exit %d, peak memory %.0f MB\n%s%s", status, peak_mb, out, err);
  /* Some files failed: exit 1, not a crash, not a usage error. */
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (out, "Imported "));
  /* 1 GiB sparse files and a link to /proc/self/pagemap cost no memory. */
  g_assert_cmpfloat (peak_mb, <, MAX_PEAK_MEMORY_MB);
  err_lines = g_strsplit (err, "\n", -1);

  /* Every line on stderr names a file of the corpus and says something after it, on one line
   * of printable UTF-8 whatever the file names hold. */
  g_assert_true (g_utf8_validate (err, -1, NULL));
  g_assert_null (strchr (err, '\x1b'));
  g_assert_null (strchr (err, '\a'));
  for (guint i = 0; err_lines[i] != NULL; i++)
    {
      const char *line = err_lines[i];
      g_autofree char *prefix = g_strdup_printf ("rasd-cli: %s/", corpus);
      g_autofree char *warning_prefix = g_strdup_printf ("rasd-cli: warning: %s/", corpus);

      if (*line == '\0')
        continue;
      /* The summary of links not followed, with the option that follows them. */
      if (g_str_has_prefix (line, "rasd-cli: ") && strstr (line, "--follow-symlinks") != NULL)
        continue;
      if (!g_str_has_prefix (line, prefix) && !g_str_has_prefix (line, warning_prefix))
        g_error ("message names no file of the corpus: %s", line);
      g_assert_nonnull (strstr (line + strlen (prefix), ": "));
    }

  store = rasd_store_open (db_path, &error);
  g_assert_no_error (error);
  db = rasd_store_get_db (store);

  for (guint i = 0; i < json_array_get_length (manifest); i++)
    {
      JsonObject *entry = json_array_get_object_element (manifest, i);
      g_autofree char *path = entry_path (entry);
      const char *expect = json_object_get_string_member (entry, "expect");
      JsonArray *reasons = json_object_get_array_member (entry, "reasons");
      const char *failure = failure_for (err_lines, path);
      const char *warning = warning_for (err_lines, path);
      gboolean stored = article_stored (db, path);

      if (root && json_object_get_boolean_member_with_default (entry, "root_only_skip", FALSE))
        continue;

      if (g_str_equal (expect, "imported"))
        {
          n_expected_imported++;
          if (!stored)
            g_error ("%s: not imported (%s)", path, failure ? failure : "no message");
          if (failure != NULL && !json_object_get_boolean_member_with_default (entry, "partial_failures", FALSE))
            g_error ("%s: imported, but reported as failed: %s", path, failure);
        }
      else if (g_str_equal (expect, "failed"))
        {
          if (stored)
            g_error ("%s: should have failed, but is stored", path);
          if (failure == NULL)
            g_error ("%s: no failure printed", path);
          if (!contains_any (failure, reasons))
            g_error ("%s: the message does not say the problem: %s", path, failure);
        }
      else if (g_str_equal (expect, "skipped"))
        {
          if (stored || failure != NULL)
            g_error ("%s: should be skipped (stored: %d, failure: %s)", path, stored, failure);
        }
      else if (g_str_equal (expect, "refused"))
        {
          if (stored || failure != NULL)
            g_error ("%s: should not be read (stored: %d, failure: %s)", path, stored, failure);
          if (warning == NULL)
            g_error ("%s: no warning printed", path);
          if (!contains_any (warning, reasons))
            g_error ("%s: the warning does not say why: %s", path, warning);
        }
      else if (g_str_equal (expect, "rejected"))
        {
          if (stored)
            g_error ("%s: should not be stored", path);
          if (failure != NULL && !contains_any (failure, reasons))
            g_error ("%s: the message does not say the problem: %s", path, failure);
        }
      else if (g_str_equal (expect, "either"))
        {
          if (stored == (failure != NULL))
            g_error ("%s: stored %d and failure %s: must be one of the two", path, stored, failure);
          if (failure != NULL && !contains_any (failure, reasons))
            g_error ("%s: the message does not say the problem: %s", path, failure);
        }
      else
        g_assert_not_reached ();
    }
  g_assert_cmpuint (n_expected_imported, >=, 4);

  assert_no_passwd (db);
  g_clear_object (&store);
  check_database (db_path);
  assert_no_passwd_bytes (db_path);
  check_show_escapes (db_path, corpus);

  /* Importing again changes nothing: every article is a duplicate of itself. */
  {
    g_autofree char *out2 = NULL;
    g_autofree char *err2 = NULL;
    g_autoptr(RasdStore) again = NULL;
    gint64 before;

    again = rasd_store_open (db_path, &error);
    g_assert_no_error (error);
    before = query_int (rasd_store_get_db (again), "SELECT count(*) FROM articles");
    g_clear_object (&again);
    g_assert_cmpint (run_cli (db_path, import_args, &out2, &err2), ==, 1);
    g_assert_true (strstr (out2, "Imported 0 new article(s)") != NULL);
    g_assert_cmpint (check_database (db_path), ==, before);
  }

  /* Unreadable files and folders, for real: as nobody when we are root. */
  if (root && !can_run_as_nobody ())
    g_test_message ("running as root and setpriv cannot run commands as nobody: chmod 000 does "
                    "not stop root from reading, so the unreadable file and folder are not checked");
  else
    {
      g_autofree char *locked = g_build_filename (corpus, "locked", NULL);
      g_autofree char *nobody_dir = g_build_filename (scratch, "nobody", NULL);
      g_autofree char *nobody_db = g_build_filename (nobody_dir, "rasd.db", NULL);
      g_autofree char *file = g_build_filename (locked, "unreadable.txt", NULL);
      g_autofree char *folder = g_build_filename (locked, "closed-folder", NULL);
      const char *args[] = { "import", locked, NULL };
      g_autofree char *out3 = NULL;
      g_autofree char *err3 = NULL;
      g_auto(GStrv) lines = NULL;
      const char *message;

      g_assert_cmpint (g_mkdir_with_parents (nobody_dir, 0777), ==, 0);
      g_assert_cmpint (chmod (nobody_dir, 0777), ==, 0);
      if (root)
        g_test_message ("running as root: importing the unreadable files as nobody (setpriv)");
      g_assert_cmpint (run_cli_full (root, nobody_db, args, &out3, &err3), ==, 1);
      g_test_message ("%s%s", out3, err3);
      lines = g_strsplit (err3, "\n", -1);
      message = failure_for (lines, file);
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, "ermission denied"));
      message = failure_for (lines, folder);
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, "ermission denied"));
      g_assert_nonnull (strstr (out3, "Imported 0 new article(s)"));
    }

  remove_tree (scratch);
}

/* Articles for the crash and concurrency tests --------------------------------------------- */

static const char *people[] = {
  "الرئيس الروسي فلاديمير بوتين", "الرئيس التركي رجب طيب أردوغان", "وزير الخارجية الأمريكي أنتوني بلينكن",
  "الرئيس الفرنسي إيمانويل ماكرون", "المستشارة الألمانية أنجيلا ميركل", "الرئيس المصري عبد الفتاح السيسي",
};
static const char *places[] = { "موسكو", "أنقرة", "القاهرة", "باريس", "برلين", "الرياض", "الدوحة", "عمان" };
static const char *months[] = { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
                                "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر" };

/* @n articles in @dir (distinct texts; @tag keeps two folders apart), in subfolders of 100. */
static void
write_articles (const char *dir,
                const char *tag,
                guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *sub = g_strdup_printf ("%s/part-%03u", dir, i / 100);
      g_autofree char *name = g_strdup_printf ("%s/%s-%05u.txt", sub, tag, i);
      g_autofree char *text = NULL;

      g_mkdir_with_parents (sub, 0755);
      text = g_strdup_printf ("التقى %s %s في %s يوم %u %s %u، وبحث الجانبان العلاقات الثنائية "
                              "والقضايا الإقليمية (%s رقم %u).\nوقال بيان مشترك إن اللقاء تناول "
                              "التعاون الاقتصادي، وإن %s سيزور %s الشهر المقبل.\n",
                              people[i % G_N_ELEMENTS (people)],
                              people[(i / 3 + 1) % G_N_ELEMENTS (people)],
                              places[i % G_N_ELEMENTS (places)], 1 + i % 28, months[i % 12],
                              2015 + i % 8, tag, i,
                              people[(i + 2) % G_N_ELEMENTS (people)],
                              places[(i + 3) % G_N_ELEMENTS (places)]);
      rasd_test_write_file (name, text, -1);
    }
}

/* Per article (by content hash): its mentions, events and evidence, as one comparable text. */
static char *
database_fingerprint (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (path, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) print = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (rasd_store_get_db (store),
                                       "SELECT a.hash,"
                                       " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id),"
                                       " (SELECT count(*) FROM event_sources s WHERE s.article_id = a.id),"
                                       " (SELECT count(*) FROM evidence e WHERE e.article_id = a.id)"
                                       " FROM articles a ORDER BY a.hash", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (print, "%s %d %d %d\n", sqlite3_column_text (stmt, 0),
                            sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2),
                            sqlite3_column_int (stmt, 3));
  return g_string_free (g_steal_pointer (&print), FALSE);
}

static GPid
spawn_import (const char  *db,
              const char  *dir)
{
  const char *argv[] = { g_getenv ("RASD_CLI"), "--db", db, "import", dir, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static int
wait_for (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  return status;
}

/* Crash safety ------------------------------------------------------------------------------ */

#define CRASH_ARTICLES 1200
#define CRASH_ROUNDS 8

static void
test_crash (void)
{
  g_autofree char *scratch = make_scratch ("crash");
  g_autofree char *dir = g_build_filename (scratch, "articles", NULL);
  g_autofree char *clean_db = g_build_filename (scratch, "clean.db", NULL);
  g_autofree char *db = g_build_filename (scratch, "killed.db", NULL);
  g_autofree char *clean_print = NULL;
  g_autofree char *print = NULL;
  const char *import_args[] = { "import", dir, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 clean_start;
  gint64 clean_usec;
  gint64 clean_count;
  guint32 seed;
  GRand *rand;
  guint n_killed = 0;

  write_articles (dir, "crash", CRASH_ARTICLES);

  /* A clean import: what the killed imports must reach in the end, and how long it takes
   * (the kills land anywhere within that time). */
  clean_start = g_get_monotonic_time ();
  g_assert_cmpint (run_cli (clean_db, import_args, &out, &err), ==, 0);
  clean_usec = g_get_monotonic_time () - clean_start;
  clean_count = check_database (clean_db);
  g_assert_cmpint (clean_count, ==, CRASH_ARTICLES);
  clean_print = database_fingerprint (clean_db);

  seed = g_getenv ("RASD_CRASH_SEED") != NULL ? (guint32) g_ascii_strtoull (g_getenv ("RASD_CRASH_SEED"), NULL, 10)
                                              : (guint32) g_get_real_time ();
  g_test_message ("crash seed %u (set RASD_CRASH_SEED to repeat); a clean import takes %.2f s",
                  seed, clean_usec / 1e6);
  rand = g_rand_new_with_seed (seed);

  for (guint round = 0; round < CRASH_ROUNDS; round++)
    {
      gint64 delay = g_rand_int_range (rand, 0, (gint32) MAX (clean_usec * 2 / 3, 20000));
      GPid pid = spawn_import (db, dir);
      int status;
      gint64 n;

      g_usleep (delay);
      kill (pid, SIGKILL);
      status = wait_for (pid);
      g_spawn_close_pid (pid);
      if (WIFSIGNALED (status))
        n_killed++;

      /* The database may not even exist yet when the kill came early. */
      if (!g_file_test (db, G_FILE_TEST_EXISTS))
        {
          g_test_message ("round %u: killed after %.3f s, before the database was created",
                          round, delay / 1e6);
          continue;
        }
      n = check_database (db);
      g_test_message ("round %u: killed after %.3f s (%s): %" G_GINT64_FORMAT " articles stored",
                      round, delay / 1e6, WIFSIGNALED (status) ? "killed" : "had finished", n);
      g_assert_cmpint (n, <=, CRASH_ARTICLES);

      /* Each stored article has all of its extraction: the same mentions, events and
       * evidence as in the clean import. */
      {
        g_autofree char *partial = database_fingerprint (db);
        g_auto(GStrv) lines = g_strsplit (partial, "\n", -1);

        for (guint i = 0; lines[i] != NULL; i++)
          {
            g_autofree char *line = g_strconcat (lines[i], "\n", NULL);

            if (*lines[i] != '\0' && strstr (clean_print, line) == NULL)
              g_error ("round %u: article stored differently from a clean import: %s", round, lines[i]);
          }
      }
    }
  g_rand_free (rand);
  g_assert_cmpuint (n_killed, >, 0);

  /* Running the import again completes it, to the same database a clean import gives. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, import_args, &out, &err), ==, 0);
  g_assert_cmpint (check_database (db), ==, clean_count);
  print = database_fingerprint (db);
  g_assert_cmpstr (print, ==, clean_print);

  remove_tree (scratch);
}

/* Runs rasd-cli as nobody on @db and checks the outcome: @ok, the reading commands print what
 * they read; otherwise one sentence saying the database can only be read. */
static void
check_as_nobody (const char         *db,
                 const char * const *args,
                 gboolean            ok)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = run_cli_full (TRUE, db, args, &out, &err);

  g_test_message ("%s: exit %d: %s", args[0], status, err);
  if (ok)
    {
      g_assert_cmpint (status, ==, 0);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpuint (strlen (out), >, 10);
    }
  else
    {
      g_assert_cmpint (status, ==, 1);
      g_assert_nonnull (strstr (err, db));
      g_assert_nonnull (strstr (err, "can only be read"));
      /* one line, in words */
      g_strchomp (err);
      g_assert_null (strchr (err, '\n'));
      g_assert_null (strstr (err, "attempt to write"));
    }
}

/* A database the user may only read (no permission to write the file or its folder; run as
 * nobody, since we may be root): `stats`, `list`, `show`, `search`, `events` and `export` read
 * it; `import`, `reextract` and `excerpts add` say in one sentence that it can only be read;
 * the database is unchanged.  Then only the file read-only, its folder writable: read too. */
static void
test_read_only (void)
{
  g_autofree char *scratch = make_scratch ("readonly");
  g_autofree char *dir = g_build_filename (scratch, "articles", NULL);
  g_autofree char *more = g_build_filename (scratch, "more", NULL);
  g_autofree char *db_dir = g_build_filename (scratch, "db", NULL);
  g_autofree char *db = g_build_filename (db_dir, "rasd.db", NULL);
  const char *first[] = { "import", dir, NULL };
  const char *reading[][8] = {
    { "stats", NULL }, { "list", NULL }, { "show", "1", NULL }, { "search", "الإقليمية", NULL },
    { "events", NULL }, { "events", "--format", "geojson", NULL },
    { "export", "events", "--format", "csv", "-o", "-", NULL },
  };
  const char *writing[][10] = {
    { "import", NULL, NULL }, { "reextract", NULL },
    { "excerpts", "add", "--article", "1", "--start", "0", "--end", "5" },
  };
  g_autofree char *before = NULL;

  write_articles (dir, "ro", 20);
  write_articles (more, "ro-more", 20);
  writing[0][1] = more;
  g_mkdir_with_parents (db_dir, 0755);
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_assert_cmpint (run_cli (db, first, &out, &err), ==, 0);
  }
  before = database_fingerprint (db);

  if (need_nobody () && !can_run_as_nobody ())
    {
      g_test_skip ("running as root and setpriv cannot run commands as nobody: chmod does not "
                   "stop root, so no database can be made read-only here");
      remove_tree (scratch);
      return;
    }

  /* the scratch folders are root's: nobody may enter them, not write them */
  g_assert_cmpint (chmod (db, 0444), ==, 0);
  g_assert_cmpint (chmod (db_dir, 0555), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (reading); i++)
    check_as_nobody (db, reading[i], TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (writing); i++)
    check_as_nobody (db, writing[i], FALSE);

  /* The file alone read-only, in a folder anyone may write: SQLite keeps its -shm there. */
  g_assert_cmpint (chmod (db_dir, 0777), ==, 0);
  check_as_nobody (db, reading[0], TRUE);
  check_as_nobody (db, reading[3], TRUE);
  check_as_nobody (db, writing[0], FALSE);

  g_assert_cmpint (chmod (db_dir, 0755), ==, 0);
  g_assert_cmpint (chmod (db, 0644), ==, 0);
  {
    g_autofree char *after = database_fingerprint (db);
    g_assert_cmpstr (after, ==, before);
    check_database (db);
  }
  remove_tree (scratch);
}

/* A full disk (the database limited to a few pages): an error, and a database holding whole
 * articles only, as many as the summary says. */
static void
test_disk_full (void)
{
  g_autofree char *scratch = make_scratch ("full");
  g_autofree char *dir = g_build_filename (scratch, "articles", NULL);
  g_autofree char *db = g_build_filename (scratch, "rasd.db", NULL);
  const char *args[] = { "import", dir, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint n_imported = 0;
  guint n_not_imported = 0;
  gint64 n;
  int status;

  write_articles (dir, "full", 300);
  g_setenv ("RASD_TEST_MAX_PAGE_COUNT", "120", TRUE);
  status = run_cli (db, args, &out, &err);
  g_unsetenv ("RASD_TEST_MAX_PAGE_COUNT");
  g_test_message ("disk full: exit %d: %s\n%.2000s", status, out, err);

  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "full"));
  g_assert_nonnull (strstr (err, db));
  n = check_database (db);
  g_assert_cmpint (n, <, 300);
  /* The summary is printed all the same, and what it counts as imported is what the
   * database holds; the files it does not hold are counted as not imported. */
  g_assert_cmpint (sscanf (out, "Imported %u new", &n_imported), ==, 1);
  g_assert_cmpint (n_imported, ==, n);
  {
    const char *line = strchr (out, '\n');

    g_assert_nonnull (line);
    g_assert_cmpint (sscanf (line + 1, "%u file(s) not imported", &n_not_imported), ==, 1);
    g_assert_cmpint (n_not_imported, ==, 300 - n);
  }

  /* With room again, the same import completes the database. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, args, &out, &err), ==, 0);
  g_assert_cmpint (check_database (db), ==, 300);

  /* Through the API: the run fails with the database's error, and the report counts only what
   * the database holds (SQLite rolls back the whole transaction on SQLITE_FULL, files stored
   * earlier in the batch included). */
  {
    g_autofree char *api_db = g_build_filename (scratch, "api.db", NULL);
    const char *paths[] = { dir, NULL };
    g_autoptr(RasdStore) store = NULL;
    g_autoptr(RasdImporter) importer = NULL;
    g_autoptr(GError) error = NULL;
    RasdImportReport *report;

    g_setenv ("RASD_TEST_MAX_PAGE_COUNT", "120", TRUE);
    store = rasd_store_open (api_db, &error);
    g_unsetenv ("RASD_TEST_MAX_PAGE_COUNT");
    g_assert_no_error (error);
    importer = rasd_importer_new (store);
    g_assert_false (rasd_importer_run (importer, paths, NULL, &error));
    g_assert_error (error, RASD_ERROR, RASD_ERROR_DATABASE);
    g_assert_nonnull (strstr (error->message, "full"));
    report = rasd_importer_get_report (importer);
    g_assert_cmpint (report->n_imported, ==,
                     query_int (rasd_store_get_db (store), "SELECT count(*) FROM articles"));
    g_assert_cmpint (report->n_imported, >, 0);
    g_assert_cmpint (report->n_not_imported, ==, 300 - report->n_imported);
    g_clear_object (&importer);
    g_clear_object (&store);
    check_database (api_db);
  }
  remove_tree (scratch);
}

/* A long file is stored in a transaction of its own (RASD_IMPORT_ALONE_BYTES): when the disk
 * fills while it is stored, the files stored before it stay and nothing of it does. */
static void
test_disk_full_long_file (void)
{
  g_autofree char *scratch = make_scratch ("full-long");
  g_autofree char *dir = g_build_filename (scratch, "articles", NULL);
  g_autofree char *long_path = g_build_filename (dir, "zz-long.txt", NULL);
  g_autofree char *small_db = g_build_filename (scratch, "small.db", NULL);
  g_autofree char *db = g_build_filename (scratch, "rasd.db", NULL);
  g_autofree char *small_dir = g_build_filename (dir, "part-000", NULL);
  g_autofree char *limit = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *small_args[] = { "import", small_dir, NULL };
  const char *args[] = { "import", dir, NULL };
  gint64 pages;
  int status;

  write_articles (dir, "small", 20);
  for (guint i = 0; text->len <= RASD_IMPORT_ALONE_BYTES; i++)
    g_string_append_printf (text, "التقى %s %s في %s يوم %u %s 2020 في الجلسة رقم %u.\n",
                            people[i % G_N_ELEMENTS (people)], people[(i + 1) % G_N_ELEMENTS (people)],
                            places[i % G_N_ELEMENTS (places)], 1 + i % 28, months[i % 12], i);
  rasd_test_write_file (long_path, text->str, text->len);

  /* the pages the small files take, and a few more: not enough for the long one */
  g_assert_cmpint (run_cli (small_db, small_args, &out, &err), ==, 0);
  g_assert_cmpint (check_database (small_db), ==, 20);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdStore) store = rasd_store_open (small_db, &error);

    g_assert_no_error (error);
    pages = query_int (rasd_store_get_db (store), "PRAGMA page_count");
  }
  limit = g_strdup_printf ("%" G_GINT64_FORMAT, pages + 20);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_setenv ("RASD_TEST_MAX_PAGE_COUNT", limit, TRUE);
  status = run_cli (db, args, &out, &err);
  g_unsetenv ("RASD_TEST_MAX_PAGE_COUNT");
  g_test_message ("disk full on the long file: exit %d: %s\n%.2000s", status, out, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "full"));
  g_assert_nonnull (strstr (err, "zz-long.txt"));
  g_assert_nonnull (strstr (out, "Imported 20 new article(s)"));
  g_assert_nonnull (strstr (out, "1 file(s) not imported"));
  g_assert_cmpint (check_database (db), ==, 20);

  /* with room again, the long file too */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, args, &out, &err), ==, 0);
  g_assert_cmpint (check_database (db), ==, 21);
  remove_tree (scratch);
}

/* Two processes ----------------------------------------------------------------------------- */

#define CONCURRENT_ARTICLES 400

static void
test_two_processes (void)
{
  g_autofree char *scratch = make_scratch ("two");
  g_autofree char *a = g_build_filename (scratch, "a", NULL);
  g_autofree char *b = g_build_filename (scratch, "b", NULL);

  write_articles (a, "first", CONCURRENT_ARTICLES);
  write_articles (b, "second", CONCURRENT_ARTICLES);

  /* A new database (both create the schema at once) and then one that exists. */
  for (guint round = 0; round < 3; round++)
    {
      g_autofree char *name = g_strdup_printf ("rasd-%u.db", round);
      g_autofree char *db = g_build_filename (scratch, name, NULL);
      const char *dirs[] = { a, b };
      GSubprocess *procs[2];
      char *errs[2] = { NULL, NULL };

      if (round == 2)
        {
          /* Existing database: start from an empty one already created. */
          const char *stats[] = { "stats", NULL };
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          g_assert_cmpint (run_cli (db, stats, &out, &err), ==, 0);
        }
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(GError) error = NULL;

          procs[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                                       &error, g_getenv ("RASD_CLI"), "--db", db, "import", dirs[i], NULL);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(GError) error = NULL;
          int status;

          g_assert_true (g_subprocess_communicate_utf8 (procs[i], NULL, NULL, NULL, &errs[i], &error));
          g_assert_no_error (error);
          g_assert_true (g_subprocess_get_if_exited (procs[i]));
          status = g_subprocess_get_exit_status (procs[i]);
          g_test_message ("round %u: import %u exits %d %s", round, i, status, errs[i]);
          /* Each waits for the other (busy timeout, WAL) and both finish; or, when the other
           * held the database too long, it says the database is busy and stops. */
          if (status != 0)
            {
              g_autofree char *out = NULL;
              g_autofree char *err = NULL;
              const char *again[] = { "import", dirs[i], NULL };

              g_assert_cmpint (status, ==, 1);
              g_assert_nonnull (strstr (errs[i], "the database is busy"));
              g_assert_cmpint (run_cli (db, again, &out, &err), ==, 0);
            }
          g_object_unref (procs[i]);
          g_free (errs[i]);
        }
      g_assert_cmpint (check_database (db), ==, 2 * CONCURRENT_ARTICLES);
    }
  remove_tree (scratch);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_assert_nonnull (g_getenv ("RASD_CLI"));

  g_test_add_func ("/hardening/bad-input", test_bad_input);
  g_test_add_func ("/hardening/crash", test_crash);
  g_test_add_func ("/hardening/read-only", test_read_only);
  g_test_add_func ("/hardening/disk-full", test_disk_full);
  g_test_add_func ("/hardening/disk-full-long-file", test_disk_full_long_file);
  g_test_add_func ("/hardening/two-processes", test_two_processes);
  return g_test_run ();
}
