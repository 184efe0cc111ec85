#include "config.h"

#include <string.h>
#include <unistd.h>

#include <sys/stat.h>

#include "rasd-article-reader.h"
#include "rasd-error.h"
#include "rasd-importer.h"
#include "rasd-path.h"
#include "rasd-store.h"
#include "rasd-test-util.h"

/* Distinct article texts written for these tests. */
static char *
article_text (guint n)
{
  static const char *cities[] = { "القاهرة", "الرياض", "عمان", "بغداد", "تونس", "الرباط", "الدوحة",
                                  "مسقط", "الكويت", "الجزائر", "بيروت", "دمشق", "صنعاء", "الخرطوم" };
  return g_strdup_printf ("التقى وزير الخارجية نظيره في %s اليوم وبحث الجانبان العلاقات الثنائية "
                          "والقضايا الإقليمية ذات الاهتمام المشترك في الجولة رقم %u.\n"
                          "وأكد الوزيران خلال اللقاء أهمية مواصلة التنسيق والتشاور بين البلدين.",
                          cities[n % G_N_ELEMENTS (cities)], n);
}

static void
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  rasd_test_write_file (path, text, -1);
}

static void
write_converted (const char *dir,
                 const char *name,
                 const char *prefix,
                 gsize       prefix_length,
                 const char *text,
                 const char *charset)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize length = 0;

  converted = g_convert (text, -1, charset, "UTF-8", NULL, &length, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) prefix, prefix_length);
  g_byte_array_append (bytes, (const guint8 *) converted, length);
  rasd_test_write_file (path, bytes->data, bytes->len);
}

/* A folder of every kind of file, with failures in the middle.  Returns the folder. */
static char *
make_mixed_folder (const char *root)
{
  g_autofree char *dir = g_build_filename (root, "articles", NULL);
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop", NULL);
  g_autofree char *t1 = article_text (1);
  g_autofree char *t2 = article_text (2);
  g_autofree char *t3 = article_text (3);
  g_autofree char *t4 = article_text (4);
  g_autofree char *t6 = article_text (6);
  g_autofree char *t7 = article_text (7);
  g_autofree char *t8a = article_text (8);
  g_autofree char *t8b = article_text (9);
  g_autofree char *t10 = article_text (10);
  g_autofree char *t11 = article_text (11);
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", t2, NULL);
  g_autofree char *html = NULL;
  g_autofree char *json = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *copy = NULL;
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
                                'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };

  g_mkdir_with_parents (sub, 0755);

  write_text (dir, "01-utf8.txt", t1);
  write_text (dir, "01-utf8.meta.json",
              "{\"title\": \"لقاء في القاهرة\", \"date_publish\": \"2015-07-21 00:00:00\","
              " \"url\": \"https://news.example.invalid/1\", \"source_domain\": \"example\","
              " \"authors\": [\"مراسل\"], \"language\": \"ar\"}");
  write_text (dir, "02-bom.txt", with_bom);
  write_converted (dir, "03-utf16.txt", "\xFF\xFE", 2, t3, "UTF-16LE");
  write_converted (dir, "04-cp1256.txt", "", 0, t4, "WINDOWS-1256");
  {
    g_autofree char *path = g_build_filename (dir, "05-binary.txt", NULL);
    rasd_test_write_file (path, png, sizeof png);
  }
  html = g_strdup_printf ("<!DOCTYPE html><html lang=\"ar\"><head><title>صفحة</title>"
                          "<meta property=\"og:title\" content=\"عنوان الصفحة\">"
                          "<meta property=\"article:published_time\" content=\"2019-02-04T09:00:00Z\">"
                          "<script>var x = 1;</script></head><body><nav><a href=\"/\">الرئيسية</a></nav>"
                          "<article><h1>عنوان الصفحة</h1><p>%s</p></article></body></html>", t6);
  write_text (dir, "06-page.html", html);
  json = g_strdup_printf ("{\"title\": \"سجل\", \"maintext\": \"%s\", \"date_publish\": \"2020-01-07 00:00:00\"}",
                          t7);
  /* JSON strings cannot hold raw line breaks. */
  for (char *p = json; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  write_text (dir, "07-record.json", json);
  jsonl = g_strdup_printf ("{\"title\": \"أ\", \"maintext\": \"%s\"}\n"
                           "{\"title\": \"broken\", \"maintext\": \n"
                           "\n"
                           "{\"title\": \"ب\", \"maintext\": \"%s\"}\n", t8a, t8b);
  for (char *p = jsonl; *p != '\0'; p++)
    if (*p == '\n' && p[1] != '{' && p[1] != '\n' && p[1] != '\0')
      *p = ' ';
  write_text (dir, "08-records.jsonl", jsonl);
  copy = g_strdup_printf ("%s\n", t1);
  write_text (dir, "09-copy.txt", copy);
  write_text (dir, "README.md", "# Notes\nNot an article.\n");
  {
    g_autofree char *path = g_build_filename (dir, "image.png", NULL);
    rasd_test_write_file (path, png, sizeof png);
  }
  write_text (sub, "10-nested.txt", t10);
  write_text (dir, "11-bad-sidecar.txt", t11);
  write_text (dir, "11-bad-sidecar.meta.json", "{\"title\": 42}");
  /* a sidecar whose article is missing */
  write_text (dir, "12-orphan.meta.json", "{\"title\": \"عنوان\"}");
  g_assert_cmpint (symlink (dir, loop), ==, 0);

  return g_steal_pointer (&dir);
}

static gboolean
report_has (GPtrArray  *lines,
            const char *path_part,
            const char *message_part)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      if (strstr (line, path_part) != NULL && strstr (line, message_part) != NULL)
        return TRUE;
    }
  return FALSE;
}

static guint
count_hits (RasdStore  *store,
            const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = rasd_store_search (store, query, 0, &error);

  g_assert_no_error (error);
  return hits->len;
}

/* True when a hit's snippet marks @form: the query found a form other than itself. */
static gboolean
some_snippet_marks (RasdStore  *store,
                    const char *query,
                    const char *form)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = rasd_store_search (store, query, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    if (strstr (((RasdSearchHit *) g_ptr_array_index (hits, i))->snippet, form) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_import_mixed_folder (void)
{
  g_autofree char *root = rasd_test_make_tmpdir ();
  g_autofree char *dir = make_mixed_folder (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(RasdImporter) importer = rasd_importer_new (store);
  const char *paths[] = { dir, NULL };
  RasdImportReport *report;
  RasdStoreStats stats;

  g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
  g_assert_no_error (error);
  report = rasd_importer_get_report (importer);

  for (guint i = 0; i < report->failures->len; i++)
    g_test_message ("failure: %s", (char *) g_ptr_array_index (report->failures, i));
  for (guint i = 0; i < report->skipped->len; i++)
    g_test_message ("skipped: %s", (char *) g_ptr_array_index (report->skipped, i));

  /* 01 02 03 04 06 07 08(two records) 10 */
  g_assert_cmpuint (report->n_imported, ==, 9);
  g_assert_cmpuint (report->n_duplicates, ==, 1);
  /* 05 (binary), 11 (sidecar with a number for a title), and the broken line of 08 */
  g_assert_cmpuint (report->n_failed, ==, 3);
  g_assert_true (report_has (report->failures, "05-binary.txt", "binary"));
  g_assert_true (report_has (report->failures, "11-bad-sidecar.txt", "title"));
  g_assert_true (report_has (report->failures, "08-records.jsonl", "line 2"));
  /* README.md, image.png and the sidecar without its article; the sidecars read with their
   * article (01, and 11 which failed with it) are its metadata, not skipped */
  g_assert_cmpuint (report->n_skipped, ==, 3);
  g_assert_true (report_has (report->skipped, "README.md", "not an article"));
  g_assert_true (report_has (report->skipped, "12-orphan.meta.json", "without its article"));
  g_assert_false (report_has (report->skipped, "01-utf8.meta.json", "sidecar"));
  g_assert_true (report_has (report->skipped, "loop", "already visited"));
  g_assert_cmpuint (report->n_sidecars, ==, 2);
  g_assert_cmpuint (report->n_with_metadata, ==, 1);

  g_assert_true (rasd_store_get_stats (store, &stats, &error));
  g_assert_cmpint (stats.n_articles, ==, 9);

  /* Every encoding decoded to searchable text; the failed file left nothing behind. */
  g_assert_cmpuint (count_hits (store, "عمان"), ==, 1);      /* UTF-16 */
  g_assert_cmpuint (count_hits (store, "بغداد"), ==, 1);     /* Windows-1256 */
  g_assert_cmpuint (count_hits (store, "الرياض"), ==, 1);    /* UTF-8 with BOM */
  g_assert_cmpuint (count_hits (store, "دمشق"), ==, 0);       /* 11: failed with its sidecar */
  g_assert_cmpuint (count_hits (store, "وزير"), ==, 9);

  /* The sidecar's metadata went with its article. */
  {
    g_autoptr(GListModel) list = rasd_store_list_articles (store, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(RasdArticle) a = g_list_model_get_item (list, i);
        if (g_strcmp0 (rasd_article_get_title (a), "لقاء في القاهرة") == 0)
          {
            g_assert_cmpstr (rasd_article_get_date (a), ==, "2015-07-21");
            g_assert_cmpstr (rasd_article_get_url (a), ==, "https://news.example.invalid/1");
            g_assert_cmpstr (rasd_article_get_source (a), ==, "example");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* An article without a title takes its headline from its text (here the lead's first words);
   * its text stays as it was. */
  {
    g_autoptr(GListModel) list = rasd_store_list_articles (store, &error);
    gboolean found = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(RasdArticle) listed = g_list_model_get_item (list, i);
        g_autoptr(RasdArticle) a = rasd_store_get_article (store, rasd_article_get_id (listed), &error);

        g_assert_no_error (error);
        g_assert_false (g_str_has_prefix (rasd_article_get_title (a), "0"));
        if (strstr (rasd_article_get_text (a), "نظيره في تونس") != NULL)
          {
            g_assert_true (g_str_has_prefix (rasd_article_get_title (a),
                                             "التقى وزير الخارجية نظيره في تونس اليوم"));
            g_assert_true (g_str_has_suffix (rasd_article_get_title (a), "…"));
            g_assert_true (g_str_has_prefix (rasd_article_get_text (a), "التقى وزير الخارجية"));
            found = TRUE;
          }
      }
    g_assert_true (found);
  }

  /* Importing again stores nothing new. */
  g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
  report = rasd_importer_get_report (importer);
  g_assert_cmpuint (report->n_imported, ==, 0);
  g_assert_cmpuint (report->n_duplicates, ==, 10);
  g_assert_true (rasd_store_get_stats (store, &stats, &error));
  g_assert_cmpint (stats.n_articles, ==, 9);

  rasd_test_rmtree (root);
}

/* The article whose title is @title, or NULL. */
static RasdArticle *
find_by_title (RasdStore  *store,
               const char *title)
{
  g_autoptr(GListModel) list = rasd_store_list_articles (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RasdArticle) article = g_list_model_get_item (list, i);

      if (g_strcmp0 (rasd_article_get_title (article), title) == 0)
        return g_steal_pointer (&article);
    }
  return NULL;
}

/* In a folder, links are followed when they stay inside it; links out (to a file, to a folder,
 * a sidecar's) only with follow-symlinks; a file named is read wherever it leads. */
static void
test_import_symlink_policy (void)
{
  g_autofree char *root = rasd_test_make_tmpdir ();
  g_autofree char *archive = g_build_filename (root, "archive", NULL);
  g_autofree char *outside = g_build_filename (root, "outside", NULL);
  g_autofree char *link_out = g_build_filename (archive, "link-out.txt", NULL);
  g_autofree char *t1 = article_text (1);
  g_autofree char *t2 = article_text (2);
  g_autofree char *t3 = article_text (3);
  g_autofree char *t4 = article_text (4);
  const char *paths[] = { archive, NULL };
  const char *named[] = { link_out, NULL };

  write_text (archive, "a.txt", t1);
  write_text (archive, "c.txt", t3);
  write_text (outside, "b.txt", t2);
  write_text (outside, "c.meta.json", "{\"title\": \"عنوان من خارج المجلد\"}");
  write_text (archive, "sub/d.txt", t4);
  {
    const char *links[][2] = {
      { "../outside/b.txt", "link-out.txt" }, { "../outside", "folder-out" },
      { "../outside/c.meta.json", "c.meta.json" }, { "sub", "folder-in" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (links); i++)
      {
        g_autofree char *at = g_build_filename (archive, links[i][1], NULL);
        g_assert_cmpint (symlink (links[i][0], at), ==, 0);
      }
  }

  for (guint follow = 0; follow <= 1; follow++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
      g_autoptr(RasdImporter) importer = rasd_importer_new (store);
      g_autoptr(RasdArticle) c = NULL;
      RasdImportReport *report;

      rasd_importer_set_follow_symlinks (importer, follow);
      g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
      g_assert_no_error (error);
      report = rasd_importer_get_report (importer);
      for (guint i = 0; i < report->refused->len; i++)
        g_test_message ("not read: %s", (char *) g_ptr_array_index (report->refused, i));
      g_assert_cmpuint (report->n_failed, ==, 0);
      c = find_by_title (store, "عنوان من خارج المجلد");
      if (!follow)
        {
          /* a, c (without its sidecar), d once (folder-in leads to sub, already walked) */
          g_assert_cmpuint (report->n_imported, ==, 3);
          g_assert_cmpuint (report->n_refused, ==, 3);
          g_assert_cmpuint (report->n_links_out, ==, 3);
          g_assert_true (report_has (report->refused, "link-out.txt", "outside the folder"));
          g_assert_true (report_has (report->refused, "folder-out", "outside the folder"));
          g_assert_true (report_has (report->warnings, "c.txt", "sidecar c.meta.json"));
          g_assert_null (c);
          g_assert_cmpuint (count_hits (store, "تونس"), ==, 1);   /* d, in the linked-in folder */
          g_assert_cmpuint (count_hits (store, "عمان"), ==, 0);   /* b, outside */
        }
      else
        {
          /* and b, through the link to it (its second way in, folder-out/b.txt, a duplicate) */
          g_assert_cmpuint (report->n_imported, ==, 4);
          g_assert_cmpuint (report->n_duplicates, ==, 1);
          g_assert_cmpuint (report->n_refused, ==, 0);
          g_assert_nonnull (c);
          g_assert_cmpuint (count_hits (store, "عمان"), ==, 1);
        }
    }

  /* Named, the link out is the user's choice. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
    g_autoptr(RasdImporter) importer = rasd_importer_new (store);
    g_autoptr(GListModel) list = NULL;
    g_autoptr(RasdArticle) b = NULL;

    g_assert_true (rasd_importer_run (importer, named, NULL, &error));
    g_assert_cmpuint (rasd_importer_get_report (importer)->n_imported, ==, 1);
    list = rasd_store_list_articles (store, &error);
    b = g_list_model_get_item (list, 0);
    g_assert_cmpstr (rasd_article_get_path (b), ==, link_out);
  }
  rasd_test_rmtree (root);
}

/* What the reader opens: regular files only, never blocking on a FIFO, never more than the
 * limits, and nothing of /proc from a folder. */
static void
test_reader_bounds (void)
{
  g_autofree char *root = rasd_test_make_tmpdir ();
  g_autofree char *fifo = g_build_filename (root, "pipe.txt", NULL);
  g_autofree char *status = g_build_filename (root, "status.txt", NULL);
  g_autofree char *pagemap = g_build_filename (root, "pagemap.txt", NULL);
  RasdReadOptions in_folder = { root, FALSE, { 0, 0, 0 } };

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (symlink ("/proc/self/status", status), ==, 0);
  g_assert_cmpint (symlink ("/proc/self/pagemap", pagemap), ==, 0);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdReadResult) result = rasd_article_reader_read (fifo, NULL, &error);

    g_assert_null (result);
    g_assert_error (error, RASD_ERROR, RASD_ERROR_REFUSED);
    g_assert_nonnull (strstr (error->message, "FIFO"));
  }
  {
    /* From a folder being imported, a file of /proc is not read... */
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdReadResult) result = rasd_article_reader_read_with (status, &in_folder, NULL, &error);

    g_assert_null (result);
    g_assert_error (error, RASD_ERROR, RASD_ERROR_REFUSED);
    g_assert_nonnull (strstr (error->message, "/proc"));
  }
  {
    /* ...named, it is, and stat's 0 bytes do not make the read endless: it stops at the
     * article limit (/proc/self/pagemap has 8 bytes for each page of the address space). */
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdReadResult) result = rasd_article_reader_read (pagemap, NULL, &error);

    g_assert_null (result);
    g_assert_error (error, RASD_ERROR, RASD_ERROR_TOO_LARGE);
  }
  rasd_test_rmtree (root);
}

/* A .jsonl file is read a buffer at a time: a line of 40 MiB is reported and skipped with its
 * neighbours read, and a file cut into parts gives every record once, numbered as in the file. */
static void
test_reader_jsonl_parts (void)
{
  g_autofree char *root = rasd_test_make_tmpdir ();
  g_autofree char *holey = g_build_filename (root, "holey.jsonl", NULL);
  g_autofree char *many = g_build_filename (root, "many.jsonl", NULL);
  g_autoptr(GString) records = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) parts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = rasd_path_to_stored (many);
  g_autofree char *t1 = article_text (1);
  g_autofree char *t2 = article_text (2);
  g_autofree char *line1 = NULL;
  g_autofree char *line2 = NULL;
  FILE *f;

  for (char *p = t1; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  for (char *p = t2; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';
  line1 = g_strdup_printf ("{\"title\": \"أ\", \"maintext\": \"%s\"}\n", t1);
  line2 = g_strdup_printf ("\n{\"title\": \"ب\", \"maintext\": \"%s\"}\n", t2);
  f = fopen (holey, "wb");
  g_assert_nonnull (f);
  fputs (line1, f);
  g_assert_cmpint (fseek (f, 40 * 1024 * 1024, SEEK_SET), ==, 0);  /* a hole: zeros, no disk */
  fputs (line2, f);
  fclose (f);
  {
    g_autoptr(RasdReadResult) result = rasd_article_reader_read (holey, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (result->articles->len, ==, 2);
    g_assert_cmpuint (result->problems->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (result->problems, 0), "line 2: record of"));
    g_assert_nonnull (strstr (g_ptr_array_index (result->problems, 0), "too large"));
    g_assert_true (g_str_has_suffix (rasd_article_get_path (g_ptr_array_index (result->articles, 1)),
                                     ":3"));
  }

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *text = article_text (i);

      for (char *p = text; *p != '\0'; p++)
        if (*p == '\n')
          *p = ' ';
      g_string_append_printf (records, "{\"title\": \"%u\", \"maintext\": \"%s\"}\n%s", i, text,
                              i % 7 == 0 ? "\n" : "");
    }
  write_text (root, "many.jsonl", records->str);
  parts = rasd_article_reader_split_lines (many, NULL, 4000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parts->len, >, 3);
  for (guint i = 0; i < parts->len; i++)
    {
      RasdFilePart *part = &g_array_index (parts, RasdFilePart, i);
      RasdReadOptions options = { NULL, FALSE, *part };
      g_autoptr(RasdReadResult) result = rasd_article_reader_read_with (many, &options, NULL, &error);

      g_assert_no_error (error);
      if (i + 1 < parts->len)
        g_assert_cmpint (part->end, ==, g_array_index (parts, RasdFilePart, i + 1).start);
      else
        g_assert_cmpint (part->end, ==, 0);
      for (guint a = 0; a < result->articles->len; a++)
        {
          const char *path = rasd_article_get_path (g_ptr_array_index (result->articles, a));

          g_assert_true (g_str_has_prefix (path, stored));
          g_assert_true (g_hash_table_add (seen, g_strdup (path)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 50);
  /* Record 7 comes after the blank line that follows record 6: line 9. */
  {
    g_autofree char *line9 = g_strdup_printf ("%s:9", stored);
    g_assert_true (g_hash_table_contains (seen, line9));
  }

  /* The importer stores a file over a megabyte a part at a time, and counts it as one file. */
  {
    g_autoptr(GString) big = g_string_new (NULL);
    g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
    g_autoptr(RasdImporter) importer = rasd_importer_new (store);
    g_autofree char *big_path = g_build_filename (root, "big.jsonl", NULL);
    const char *paths[] = { big_path, NULL };
    RasdImportReport *report;
    guint n_records = 0;

    for (guint i = 0; big->len < 1536 * 1024; i++, n_records++)
      {
        g_autofree char *text = article_text (i);

        for (char *p = text; *p != '\0'; p++)
          if (*p == '\n')
            *p = ' ';
        g_string_append_printf (big, "{\"title\": \"%u\", \"maintext\": \"%s\"}\n", i, text);
      }
    write_text (root, "big.jsonl", big->str);
    g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
    g_assert_no_error (error);
    report = rasd_importer_get_report (importer);
    g_assert_cmpuint (report->n_files, ==, 1);
    g_assert_cmpuint (report->n_failed, ==, 0);
    g_assert_cmpuint (report->n_imported, ==, n_records);
  }
  rasd_test_rmtree (root);
}

static void
test_import_missing_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(RasdImporter) importer = rasd_importer_new (store);
  const char *paths[] = { "/nonexistent/rasd/folder", NULL };
  RasdImportReport *report;

  g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
  report = rasd_importer_get_report (importer);
  g_assert_cmpuint (report->n_failed, ==, 1);
  g_assert_true (report_has (report->failures, "/nonexistent/rasd/folder", "no such file"));
}

static void
test_import_unreadable (void)
{
  g_autofree char *root = NULL;
  g_autofree char *file = NULL;
  g_autofree char *good = NULL;
  g_autofree char *text = article_text (12);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdImporter) importer = NULL;
  const char *paths[2] = { NULL, NULL };
  RasdImportReport *report;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root: permissions do not stop root from reading");
      return;
    }

  root = rasd_test_make_tmpdir ();
  file = g_build_filename (root, "locked.txt", NULL);
  good = g_build_filename (root, "open.txt", NULL);
  rasd_test_write_file (file, text, -1);
  rasd_test_write_file (good, "نص آخر مختلف عن الأول تماما في مضمونه وكلماته.", -1);
  g_assert_cmpint (g_chmod (file, 0), ==, 0);

  store = rasd_store_open (":memory:", &error);
  importer = rasd_importer_new (store);
  paths[0] = root;
  g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
  report = rasd_importer_get_report (importer);
  g_assert_cmpuint (report->n_failed, ==, 1);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_true (report_has (report->failures, "locked.txt", "ermission"));

  g_chmod (file, 0644);
  rasd_test_rmtree (root);
}

typedef struct
{
  GMainLoop *loop;
  guint      n_progress;
  guint      last_done;
  gboolean   ok;
} AsyncState;

static void
on_progress (RasdImporter *importer,
             guint         n_done,
             guint         n_total,
             AsyncState   *state)
{
  g_assert_cmpuint (n_done, <=, n_total);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  state->n_progress++;
  state->last_done = n_done;
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->ok = rasd_importer_run_finish (RASD_IMPORTER (source), result, &error);
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

/* The worker thread writes through its own connection; the caller's sees the result. */
static void
test_import_async (void)
{
  g_autofree char *root = rasd_test_make_tmpdir ();
  g_autofree char *dir = make_mixed_folder (root);
  g_autofree char *db = g_build_filename (root, "rasd.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (db, &error);
  g_autoptr(RasdImporter) importer = rasd_importer_new (store);
  const char *paths[] = { dir, NULL };
  AsyncState state = { g_main_loop_new (NULL, FALSE), 0, 0, FALSE };
  RasdStoreStats stats;

  g_signal_connect (importer, "progress", G_CALLBACK (on_progress), &state);
  rasd_importer_run_async (importer, paths, NULL, async_done, &state);
  g_main_loop_run (state.loop);
  /* Progress reaches us through the main context, possibly after completion. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_true (state.ok);
  g_assert_cmpuint (state.n_progress, >, 0);
  g_assert_cmpuint (state.last_done, ==, rasd_importer_get_report (importer)->n_files);
  g_assert_true (rasd_store_get_stats (store, &stats, &error));
  g_assert_cmpint (stats.n_articles, ==, 9);

  g_main_loop_unref (state.loop);
  g_clear_object (&importer);
  g_clear_object (&store);
  rasd_test_rmtree (root);
}

static void
test_import_cancelled (void)
{
  g_autofree char *root = rasd_test_make_tmpdir ();
  g_autofree char *dir = make_mixed_folder (root);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (":memory:", &error);
  g_autoptr(RasdImporter) importer = rasd_importer_new (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  const char *paths[] = { dir, NULL };
  RasdStoreStats stats;

  g_cancellable_cancel (cancellable);
  g_assert_false (rasd_importer_run (importer, paths, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (rasd_store_get_stats (store, &stats, NULL));
  g_assert_cmpint (stats.n_articles, ==, 0);
  g_assert_false (rasd_store_in_transaction (store));

  rasd_test_rmtree (root);
}

/* All 70 real articles import, and are found by inflected Arabic words. */
static void
test_import_shared_corpus (void)
{
  g_autofree char *corpus = rasd_test_shared_corpus (".");
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdImporter) importer = NULL;
  const char *paths[2] = { NULL, NULL };
  RasdImportReport *report;

  if (corpus == NULL)
    return;

  store = rasd_store_open (":memory:", &error);
  importer = rasd_importer_new (store);
  paths[0] = corpus;
  g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
  report = rasd_importer_get_report (importer);
  for (guint i = 0; i < report->failures->len; i++)
    g_test_message ("failure: %s", (char *) g_ptr_array_index (report->failures, i));

  g_assert_cmpuint (report->n_failed, ==, 0);
  g_assert_cmpuint (report->n_imported + report->n_duplicates, ==, 70);
  g_assert_cmpuint (report->n_imported, ==, 70);

  /* The five seeds speak of Putin, some as وبوتين or لبوتين. */
  g_assert_cmpuint (count_hits (store, "بوتين"), >=, 5);
  g_assert_true (some_snippet_marks (store, "لقاء", "[اللقاء]") ||
                 some_snippet_marks (store, "لقاء", "[للقاء]"));
  g_assert_cmpuint (count_hits (store, "زيارة"), >=, 10);
  g_assert_cmpuint (count_hits (store, "الزيارة"), ==, count_hits (store, "زيارة"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/mixed-folder", test_import_mixed_folder);
  g_test_add_func ("/import/symlink-policy", test_import_symlink_policy);
  g_test_add_func ("/import/reader-bounds", test_reader_bounds);
  g_test_add_func ("/import/reader-jsonl-parts", test_reader_jsonl_parts);
  g_test_add_func ("/import/missing-path", test_import_missing_path);
  g_test_add_func ("/import/unreadable", test_import_unreadable);
  g_test_add_func ("/import/async", test_import_async);
  g_test_add_func ("/import/cancelled", test_import_cancelled);
  g_test_add_func ("/import/shared-corpus", test_import_shared_corpus);

  return g_test_run ();
}
