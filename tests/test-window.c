#include "config.h"

#include <string.h>

#include "rasd-importer.h"
#include "rasd-window.h"
#include "rasd-gui-test-util.h"
#include "rasd-test-util.h"

static RasdStore *
open_temp_store (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rasd.db", NULL);
  RasdStore *store = rasd_store_open (db, &error);

  g_assert_no_error (error);
  *dir_out = g_steal_pointer (&dir);
  return store;
}

static void
test_window_welcome (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RasdStore) store = open_temp_store (&dir);
  RasdWindow *window = rasd_window_new (NULL, store);

  g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "welcome");
  g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (window)), ==, 0);
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (60, rasd_test_widget_mapped, window);
  rasd_test_settle ();
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), "welcome"), >, 8);

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_rmtree (dir);
}

/* Import from the window (worker thread) fills the list; selecting shows the article. */
static void
test_window_import_and_read (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RasdStore) store = open_temp_store (&dir);
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  const char *paths[] = { demo, NULL };
  RasdWindow *window = rasd_window_new (NULL, store);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (60, rasd_test_widget_mapped, window);

  rasd_window_import (window, paths);
  g_assert_true (rasd_window_is_importing (window));
  rasd_test_wait_for (60, rasd_test_window_imported, window);

  while (rasd_window_is_loading (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "explorer");
  g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (window)), >, 0);

  /* The reader shows the selected event's article, whole. */
  rasd_window_select_event (window, 0);
  buffer = rasd_window_get_reader_buffer (window);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpuint (strlen (text), >, 200);
  {
    RasdEventItem *item = rasd_window_get_selected_event (window);
    g_autoptr(RasdStoredEvent) event = rasd_store_get_event (store, rasd_event_item_get_id (item), NULL);
    const RasdStoredSource *source = g_ptr_array_index (event->sources, 0);
    g_autoptr(RasdArticle) full = rasd_store_get_article (store, source->article_id, NULL);
    g_assert_cmpstr (text, ==, rasd_article_get_text (full));
  }

  rasd_test_settle ();
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), "explorer"), >, 32);

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_rmtree (dir);
}

static void
test_window_error_state (void)
{
  RasdWindow *window = rasd_window_new (NULL, NULL);

  rasd_window_show_error (window, "The database could not be opened", "/x/y.db: disk I/O error");
  g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "error");
  /* Without a store, nothing can be imported: the import does nothing. */
  {
    const char *paths[] = { "/tmp", NULL };
    rasd_window_import (window, paths);
    g_assert_false (rasd_window_is_importing (window));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/import-and-read", test_window_import_and_read);
  g_test_add_func ("/window/error-state", test_window_error_state);

  return g_test_run ();
}
