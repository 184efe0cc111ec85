/* The window while a large import runs (issue "Hardening and scale", concurrency): the views
 * fill in as the importer commits its batches, and browsing, filtering and reading keep working
 * on the window's connection while the importer writes on its own. */
#include "config.h"

#include <string.h>

#include "rasd-facet-item.h"
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

/* Writes N_ARTICLES short reports of a meeting, three days apart from 1990 on, into @dir. */
static void
write_archive (const char *dir)
{
  g_autoptr(GDate) first = g_date_new_dmy (1, G_DATE_JANUARY, 1990);
  guint32 first_day = g_date_get_julian (first);

  for (guint i = 0; i < N_ARTICLES; i++)
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
  write_archive (archive);
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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/concurrency/window-during-import", test_window_during_import);
  return g_test_run ();
}
