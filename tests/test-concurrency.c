/* The window while a large import runs (issue "Hardening and scale", concurrency): the views
 * fill in as the importer commits its batches, and browsing, filtering and reading keep working
 * on the window's connection while the importer writes on its own.  Also: a keystroke in the
 * search stops the search still running, and another process's import shows up by itself. */
#include "config.h"

#include <string.h>

#include "rasd-facet-item.h"
#include "rasd-importer.h"
#include "rasd-window.h"
#include "rasd-gui-test-util.h"
#include "rasd-test-util.h"

/* Enough files that the import outlasts the window's reload interval (2 s) several times over
 * on a fast machine (about 4 s of import there). */
#define N_ARTICLES 20000

static const char * const first_names[] = {
  "أحمد", "خالد", "سعيد", "عمر", "يوسف", "طارق", "نبيل", "كريم", "هشام", "وليد",
};
static const char * const family_names[] = {
  "العطار", "الموسوي", "الخطيب", "النجار", "الحلبي", "الراشد", "الفارس", "السعدي", "العلوي",
  "الهاشمي", "الزبيدي", "الطائي",
};
static const char * const cities[] = {
  "بغداد", "دمشق", "القاهرة", "الرياض", "بيروت", "عمان", "الدوحة", "تونس", "الرباط", "الكويت",
};
static const char * const months[] = {
  "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
  "نوفمبر", "ديسمبر",
};

/* Writes @n short reports of a meeting, three days apart from 1990 on, into @dir. */
static void
write_archive (const char *dir,
               guint       n)
{
  g_autoptr(GDate) first = g_date_new_dmy (1, G_DATE_JANUARY, 1990);
  guint32 first_day = g_date_get_julian (first);

  for (guint i = 0; i < n; i++)
    {
      const char *city = cities[i % G_N_ELEMENTS (cities)];
      g_autofree char *host = g_strdup_printf ("%s %s", first_names[i % G_N_ELEMENTS (first_names)],
                                               family_names[(i / 10) % G_N_ELEMENTS (family_names)]);
      g_autofree char *guest = g_strdup_printf ("%s %s",
                                                first_names[(i / 3) % G_N_ELEMENTS (first_names)],
                                                family_names[(i / 7 + 5) % G_N_ELEMENTS (family_names)]);
      g_autoptr(GDate) date = g_date_new_julian (first_day + i * 3);
      g_autofree char *text = g_strdup_printf (
        "وزير الخارجية يلتقي نظيره في %s (%u)\n\n"
        "%s - التقى وزير الخارجية %s نظيره %s في %s يوم %u %s %u، "
        "وبحث الجانبان العلاقات الثنائية وسبل تعزيزها في الجولة رقم %u.\n\n"
        "وقال المتحدث باسم الوزارة إن الجانبين اتفقا على مواصلة التشاور وعقد اجتماعات دورية "
        "للجان المشتركة، وإن المباحثات تناولت التعاون الاقتصادي والتجاري وقضايا المنطقة.\n\n"
        "وأضاف أن الوزيرين أكدا أهمية التنسيق في المحافل الدولية ودعم جهود التسوية السياسية "
        "في المنطقة، وأن الزيارة تأتي في إطار جولة تشمل عددا من العواصم العربية.\n",
        city, i, city, host, guest, city, g_date_get_day (date),
        months[g_date_get_month (date) - 1], g_date_get_year (date), i);
      g_autofree char *name = g_strdup_printf ("report %04u.txt", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }
}

/* Events are listed while the import still runs: a committed batch reached the views. */
static gboolean
events_or_import_over (gpointer data)
{
  RasdWindow *window = data;

  return !rasd_window_is_importing (window)
         || (!rasd_window_is_loading (window)
             && g_list_model_get_n_items (G_LIST_MODEL (rasd_window_get_event_model (window))) > 0);
}

static char *
reader_text (RasdWindow *window)
{
  GtkTextBuffer *buffer = rasd_window_get_reader_buffer (window);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_window_during_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *archive = g_build_filename (dir, "أرشيف الأخبار", NULL);
  g_autofree char *db = g_build_filename (dir, "rasd.db", NULL);
  g_autoptr(RasdStore) store = NULL;
  const char *paths[] = { archive, NULL };
  RasdWindow *window;
  RasdEventModel *model;
  GListModel *places;
  g_autoptr(RasdFacetItem) place = NULL;
  g_autofree char *place_key = NULL;
  g_autofree char *place_label = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  RasdEventFilter all = { 0 };
  guint n_during, n_filtered;

  g_assert_cmpint (g_mkdir (archive, 0755), ==, 0);
  write_archive (archive, N_ARTICLES);
  store = rasd_store_open (db, &error);
  g_assert_no_error (error);

  window = rasd_window_new (NULL, store);
  model = rasd_window_get_event_model (window);
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (60, rasd_test_widget_mapped, window);

  rasd_window_import (window, paths);
  g_assert_true (rasd_window_is_importing (window));

  /* The first batches show up before the import ends. */
  rasd_test_wait_for (120, events_or_import_over, window);
  g_assert_true (rasd_window_is_importing (window));
  n_during = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n_during, >, 0);
  g_assert_cmpuint (n_during, <, N_ARTICLES);
  g_test_message ("%u events listed while importing", n_during);
  g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "explorer");

  /* Reading: the selected event's article is in the reader. */
  rasd_window_select_event (window, 0);
  g_assert_nonnull (rasd_window_get_selected_event (window));
  text = reader_text (window);
  g_assert_nonnull (strstr (text, "التقى وزير الخارجية"));

  /* Filtering: a place from the facets narrows the list to that place, mid-import. */
  places = rasd_event_model_get_places (model);
  g_assert_cmpuint (g_list_model_get_n_items (places), >, 0);
  place = g_list_model_get_item (places, 0);
  place_key = g_strdup (rasd_facet_item_get_key (place));
  place_label = g_strdup (rasd_facet_item_get_label (place));
  rasd_filter_set_place (rasd_window_get_filter (window), place_key, place_label);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  n_filtered = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n_filtered, >, 0);
  for (guint i = 0; i < n_filtered; i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (rasd_event_item_get_place (item), ==, place_label);
    }

  /* The filter survives the import's later reloads, and clears in one call. */
  rasd_test_wait_for (300, rasd_test_window_imported, window);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_cmpstr (rasd_filter_get_place (rasd_window_get_filter (window)), ==, place_key);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, n_filtered);
  rasd_filter_clear (rasd_window_get_filter (window));
  rasd_test_wait_for (60, rasd_test_window_loaded, window);

  /* Everything arrived: the window lists what the store holds, more than mid-import. */
  stored = rasd_store_list_event_summaries (store, &all, &error);
  g_assert_no_error (error);
  g_test_message ("%u events after the import", stored->len);
  g_assert_cmpuint (stored->len, >, n_during);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, stored->len);

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_rmtree (dir);
}

/* A window on a new database of @n_articles, its first load done. */
static RasdWindow *
open_window_on (const char  *dir,
                guint        n_articles,
                RasdStore  **store_out)
{
  g_autofree char *archive = g_build_filename (dir, "archive", NULL);
  g_autofree char *db = g_build_filename (dir, "rasd.db", NULL);
  const char *paths[] = { archive, NULL };
  g_autoptr(RasdImporter) importer = NULL;
  g_autoptr(GError) error = NULL;
  RasdStore *store;
  RasdWindow *window;

  g_assert_cmpint (g_mkdir (archive, 0755), ==, 0);
  write_archive (archive, n_articles);
  store = rasd_store_open (db, &error);
  g_assert_no_error (error);
  importer = rasd_importer_new (store);
  g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
  g_assert_no_error (error);

  window = rasd_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (60, rasd_test_widget_mapped, window);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  *store_out = store;
  return window;
}

typedef struct
{
  RasdWindow *window;
  const char *text;
} TextApplied;

static gboolean
search_started (gpointer data)
{
  TextApplied *applied = data;

  return g_strcmp0 (rasd_filter_get_text (rasd_window_get_filter (applied->window)), applied->text) == 0 &&
         rasd_window_is_loading (applied->window);
}

static gboolean
search_cancelled (gpointer data)
{
  return rasd_event_model_get_n_cancelled (rasd_window_get_event_model (data)) > 0;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* A keystroke in the search field stops the search still running for the text before it.  The
 * store's test gate ($RASD_TEST_QUERY_GATE) holds every query inside SQLite while a file exists,
 * as a long search would: the first search cannot end by itself, so it must end cancelled, and
 * the second give its results once the gate opens. */
static void
test_keystroke_cancels_search (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *gate = g_build_filename (dir, "gate", NULL);
  g_autofree char *entered = g_build_filename (dir, "gate.entered", NULL);
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = NULL;
  RasdWindow *window = open_window_on (dir, 60, &store);
  GtkEditable *entry = rasd_window_get_search_entry (window);
  RasdEventModel *model = rasd_window_get_event_model (window);
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (model));
  TextApplied first = { window, "بغدا" };
  TextApplied second = { window, "بغداد" };
  int position = -1;

  expected = rasd_store_search_event_ids (store, "بغداد", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_cmpuint (expected->len, <, n_all);

  rasd_test_write_file (gate, "", 0);
  g_setenv ("RASD_TEST_QUERY_GATE", gate, TRUE);

  /* The search for the first letters is running, held inside SQLite. */
  gtk_editable_set_text (entry, first.text);
  rasd_test_wait_for (60, search_started, &first);
  rasd_test_wait_for (60, file_exists, entered);
  g_assert_cmpuint (rasd_event_model_get_n_cancelled (model), ==, 0);

  /* The next keystroke stops it, though the gate is still closed. */
  gtk_editable_insert_text (entry, "د", -1, &position);
  rasd_test_wait_for (60, search_started, &second);
  rasd_test_wait_for (60, search_cancelled, window);
  g_assert_true (file_exists (gate));
  g_assert_true (rasd_window_is_loading (window));

  /* The gate open, the search for the whole word gives its results. */
  g_assert_cmpint (g_unlink (gate), ==, 0);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_unsetenv ("RASD_TEST_QUERY_GATE");
  g_assert_cmpuint (rasd_event_model_get_n_cancelled (model), ==, 1);
  g_assert_null (rasd_event_model_get_error (model));
  g_assert_cmpstr (rasd_filter_get_text (rasd_window_get_filter (window)), ==, "بغداد");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_rmtree (dir);
}

static guint
count_changes (RasdFilter *filter,
               guint      *n)
{
  return ++*n;
}

typedef struct
{
  RasdWindow *window;
  guint       n_events;
} Expected;

/* How many of the listed events more than one article reports. */
static guint
count_multi_source (GListModel *list)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (list, i);

      n += rasd_event_item_get_n_sources (item) > 1;
    }
  return n;
}

/* The list shows @n_events, one of them reported by two articles. */
static gboolean
second_source_shown (gpointer data)
{
  Expected *expected = data;
  GListModel *list = G_LIST_MODEL (rasd_window_get_event_model (expected->window));

  return !rasd_window_is_loading (expected->window) &&
         g_list_model_get_n_items (list) == expected->n_events && count_multi_source (list) == 1;
}

/* Another process imports into the database the window shows: the window notices the commit
 * (PRAGMA data_version) and shows the new events and sources, its filter untouched. */
static void
test_other_process_import (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db_path = g_build_filename (dir, "rasd.db", NULL);
  g_autofree char *more = g_build_filename (dir, "more", NULL);
  g_autofree char *same = g_build_filename (more, "same-meeting.txt", NULL);
  g_autofree char *other = g_build_filename (more, "other-meeting.txt", NULL);
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(RasdFacetItem) place = NULL;
  g_autofree char *place_key = NULL;
  RasdWindow *window = open_window_on (dir, 30, &store);
  RasdFilter *filter = rasd_window_get_filter (window);
  RasdEventModel *model = rasd_window_get_event_model (window);
  GListModel *places = rasd_event_model_get_places (model);
  const char *argv[] = { g_getenv ("RASD_CLI"), "--db", db_path, "import", more, NULL };
  g_autoptr(GError) error = NULL;
  Expected expected = { window, 0 };
  guint n_changes = 0;
  int status = 0;

  /* Filtered by the first event's place (Baghdad, every tenth report). */
  for (guint i = 0; i < g_list_model_get_n_items (places) && place_key == NULL; i++)
    {
      g_clear_object (&place);
      place = g_list_model_get_item (places, i);
      if (g_strcmp0 (rasd_facet_item_get_label (place), "بغداد") == 0)
        place_key = g_strdup (rasd_facet_item_get_key (place));
    }
  g_assert_nonnull (place_key);
  rasd_filter_set_place (filter, place_key, rasd_facet_item_get_label (place));
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  expected.n_events = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (expected.n_events, >, 0);
  g_assert_cmpuint (count_multi_source (G_LIST_MODEL (model)), ==, 0);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (count_changes), &n_changes);

  /* Another report of the first meeting (report 0000: Baghdad, 1 January 1990) and a new
   * meeting in Baghdad, imported by rasd-cli. */
  rasd_test_write_file (same, "بغداد - التقى وزير الخارجية أحمد العطار نظيره أحمد الراشد في "
                        "بغداد يوم 1 يناير 1990، وقال الجانبان في بيان مشترك إن المباحثات كانت "
                        "مثمرة.\n", -1);
  rasd_test_write_file (other, "بغداد - التقى وزير الخارجية يوسف النجار نظيره هشام الحلبي في "
                        "بغداد يوم 9 يونيو 2001، وبحث الجانبان التعاون الاقتصادي.\n", -1);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  expected.n_events++;
  rasd_test_wait_for (60, second_source_shown, &expected);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpstr (rasd_filter_get_place (filter), ==, place_key);

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  rasd_test_gui_init (&argc, &argv);

  g_test_add_func ("/concurrency/window-during-import", test_window_during_import);
  g_test_add_func ("/concurrency/keystroke-cancels-search", test_keystroke_cancels_search);
  g_test_add_func ("/concurrency/other-process-import", test_other_process_import);
  return g_test_run ();
}
