#include "config.h"

#include <string.h>

#include "rasd-excerpt-basket.h"
#include "rasd-importer.h"
#include "rasd-window.h"
#include "rasd-gui-test-util.h"
#include "rasd-test-store.h"
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

static gboolean
window_loaded (gpointer window)
{
  return !rasd_window_is_loading (RASD_WINDOW (window));
}

static void
store_opened_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
got_result (gpointer result)
{
  return *(GAsyncResult **) result != NULL;
}

/* A database an older Rasd wrote is upgraded on a thread while the window says so; files given
 * meanwhile are imported once it is open. */
static void
test_window_upgrading (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rasd.db", NULL);
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  const char *paths[] = { demo, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autofree char *summary = NULL;
  guint n_articles = 0;
  RasdWindow *window;

  {
    g_autoptr(RasdStore) current = rasd_store_open (db, &error);
    g_autoptr(RasdImporter) importer = rasd_importer_new (current);

    g_assert_no_error (error);
    g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
    g_assert_no_error (error);
    rasd_test_downgrade_to_10 (current);
  }
  g_assert_true (rasd_store_needs_upgrade (db, &n_articles));
  g_assert_cmpuint (n_articles, >, 5);

  window = rasd_window_new (NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  rasd_window_show_upgrading (window, n_articles);
  g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "upgrading");
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (60, rasd_test_widget_mapped, window);
  /* no file chooser opens: there is nowhere to import into yet */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint n_windows = g_list_model_get_n_items (toplevels);

    gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
    rasd_test_settle ();
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows);
  }
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), "upgrading"), >, 8);

  /* given while upgrading: kept for later, not lost */
  rasd_window_import (window, paths);
  g_assert_false (rasd_window_is_importing (window));

  rasd_store_open_async (db, NULL, store_opened_cb, &result);
  rasd_test_wait_for (60, got_result, &result);
  store = rasd_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rasd_store_get_schema_version (store), ==, RASD_STORE_SCHEMA_VERSION);
  g_assert_false (rasd_store_needs_upgrade (db, NULL));

  rasd_window_set_store (window, store);
  g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "explorer");
  g_assert_true (rasd_window_is_importing (window));
  rasd_test_wait_for (60, rasd_test_window_imported, window);
  summary = rasd_window_dup_import_summary (window);
  g_assert_nonnull (summary);
  rasd_test_wait_for (60, window_loaded, window);
  g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (window)), >, 10);
  rasd_window_select_event (window, 0);
  g_assert_nonnull (rasd_window_get_selected_event (window));

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_settle ();
  g_clear_object (&store);
  rasd_test_rmtree (dir);
}

/* A database the user may only read: the window reads it (events, reader), says why importing
 * and editing are off in a banner, and neither imports nor adds excerpts. */
static void
test_window_read_only (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rasd.db", NULL);
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  const char *paths[] = { demo, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  RasdWindow *window;
  gboolean banner = FALSE;

  {
    g_autoptr(RasdStore) writable = rasd_store_open (db, &error);
    g_autoptr(RasdImporter) importer = rasd_importer_new (writable);

    g_assert_no_error (error);
    g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
    g_assert_no_error (error);
  }
  store = rasd_store_open_read_only (db, &error);
  g_assert_no_error (error);
  g_assert_true (rasd_store_is_read_only (store));

  window = rasd_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (60, window_loaded, window);
  g_assert_true (rasd_window_is_read_only (window));
  g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "explorer");
  g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (window)), >, 10);
  rasd_window_select_event (window, 0);
  g_assert_nonnull (rasd_window_get_selected_event (window));

  /* the banner, naming the file */
  rasd_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (strstr (gtk_label_get_text (GTK_LABEL (label)), db) != NULL)
        banner = gtk_widget_get_child_visible (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER)) &&
                 gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER)));
    }
  g_assert_true (banner);

  /* nothing that writes: importing (no file chooser opens), adding excerpts */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    guint n_windows = g_list_model_get_n_items (toplevels);
    GListModel *excerpts = rasd_excerpt_basket_get_model (RASD_EXCERPT_BASKET (rasd_window_get_basket (window)));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.import-folder", NULL);
    rasd_test_settle ();
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.add-event-excerpts", NULL);
    g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, 0);
    rasd_window_import (window, paths);
    g_assert_false (rasd_window_is_importing (window));
    /* exporting only reads: its dialog opens */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
    rasd_test_settle ();
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows + 1);
  }

  rasd_test_settle ();
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), "read-only"), >, 32);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i - 1);
        gtk_window_destroy (w);
      }
  }
  rasd_test_settle ();
  g_clear_object (&store);
  rasd_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  rasd_test_gui_init (&argc, &argv);

  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/import-and-read", test_window_import_and_read);
  g_test_add_func ("/window/error-state", test_window_error_state);
  g_test_add_func ("/window/read-only", test_window_read_only);
  g_test_add_func ("/window/upgrading", test_window_upgrading);

  return g_test_run ();
}
