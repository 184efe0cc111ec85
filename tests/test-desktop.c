/* The desktop side of the application, in the locale given as the first argument (en_US.UTF-8 or
 * ar_EG.UTF-8): settings, preferences, the user guide, the shortcuts window, the application's
 * actions and accelerators, opening files.  Screenshots go to screenshots/ in the build dir. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rasd-application.h"
#include "rasd-event-map.h"
#include "rasd-facet-item.h"
#include "rasd-facet-view.h"
#include "rasd-help-window.h"
#include "rasd-preferences-window.h"
#include "rasd-reader.h"
#include "rasd-importer.h"
#include "rasd-test-store.h"
#include "rasd-window.h"
#include "rasd-gui-test-util.h"
#include "rasd-test-util.h"

static const char *lang;  /* "ar" or "en" */

static char *
screenshot_name (const char *what)
{
  return g_strdup_printf ("%s-%s", what, lang);
}

static void
test_direction (void)
{
  /* Under Arabic the whole interface is mirrored (GTK decides from its own Arabic catalogue). */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==,
                   g_str_equal (lang, "ar") ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  /* and Rasd's own strings are translated */
  if (g_str_equal (lang, "ar"))
    g_assert_cmpstr (_("Preferences"), ==, "التفضيلات");
  else
    g_assert_cmpstr (_("Preferences"), ==, "Preferences");
}

static void
test_settings_defaults (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = rasd_settings_new (&error);
  g_autofree char *last_database = NULL;

  g_assert_no_error (error);
  g_assert_false (g_settings_get_boolean (settings, "online-map-tiles"));
  last_database = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last_database, ==, "");
  g_assert_cmpint (g_settings_get_int (settings, "reader-font-size"), ==, 15);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = rasd_settings_new (NULL);
  RasdPreferencesWindow *window = rasd_preferences_window_new (settings);
  g_autofree char *name = screenshot_name ("preferences");
  GtkSwitch *online = NULL;
  GtkSwitch *follow = NULL;
  GtkSpinButton *spin = NULL;
  GtkSpinButton *jobs = NULL;

  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (600, rasd_test_widget_mapped, window);

  /* Find the widgets through the accessible names the rows give them. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (window)); w != NULL;)
    {
      if (GTK_IS_SWITCH (w))
        {
          GtkWidget *row = gtk_widget_get_ancestor (w, ADW_TYPE_ACTION_ROW);
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

          if (g_str_equal (title, _("_Online map tiles")))
            online = GTK_SWITCH (w);
          else if (g_str_equal (title, _("_Follow links out of folders")))
            follow = GTK_SWITCH (w);
        }
      if (GTK_IS_SPIN_BUTTON (w))
        {
          GtkWidget *row = gtk_widget_get_ancestor (w, ADW_TYPE_ACTION_ROW);
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));

          if (g_str_equal (title, _("_Text size")))
            spin = GTK_SPIN_BUTTON (w);
          else if (g_str_equal (title, _("_Threads")))
            jobs = GTK_SPIN_BUTTON (w);
        }
      /* depth-first walk */
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w) == GTK_WIDGET (window) ? NULL : gtk_widget_get_parent (w);
          if (w != NULL)
            w = gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (online);
  g_assert_nonnull (follow);
  g_assert_nonnull (spin);
  g_assert_nonnull (jobs);

  /* Import threads: automatic (0, one per core) by default, shown as a word, set as a number. */
  g_assert_cmpuint (g_settings_get_uint (settings, "import-jobs"), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jobs)), ==, _("Automatic"));
  gtk_spin_button_set_value (jobs, 3);
  g_assert_cmpuint (g_settings_get_uint (settings, "import-jobs"), ==, 3);
  g_settings_reset (settings, "import-jobs");
  g_assert_cmpfloat (gtk_spin_button_get_value (jobs), ==, 0.0);

  /* Links out of imported folders are not followed unless the user says so. */
  g_assert_false (gtk_switch_get_active (follow));
  gtk_switch_set_active (follow, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "follow-symlinks"));
  gtk_switch_set_active (follow, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "follow-symlinks"));

  /* Off by default, and the switch writes the setting. */
  g_assert_false (gtk_switch_get_active (online));
  gtk_switch_set_active (online, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "online-map-tiles"));
  gtk_switch_set_active (online, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "online-map-tiles"));

  /* The setting moves the spin button (an integer key bound to a double property). */
  g_settings_set_int (settings, "reader-font-size", 20);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 20.0);
  /* in the locale's digits, and read back from them */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==,
                   g_str_equal (lang, "ar") ? "٢٠" : "20");
  gtk_editable_set_text (GTK_EDITABLE (spin), "١٨");
  gtk_spin_button_update (spin);
  g_assert_cmpint (g_settings_get_int (settings, "reader-font-size"), ==, 18);
  gtk_spin_button_set_value (spin, 12);
  g_assert_cmpint (g_settings_get_int (settings, "reader-font-size"), ==, 12);
  g_settings_reset (settings, "reader-font-size");

  rasd_test_settle ();
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), name), >, 16);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_help (void)
{
  RasdHelpWindow *window = rasd_help_window_new ();
  g_autofree char *name = screenshot_name ("help");
  GtkTextBuffer *buffer = rasd_help_window_get_buffer (window);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autofree char *other = NULL;
  gboolean arabic = g_str_equal (lang, "ar");

  /* The guide in the interface's language. */
  g_assert_cmpstr (rasd_help_window_get_language (window), ==, lang);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (text, arabic ? "دليل رصد" : "The Rasd guide"));
  /* Every topic the guide must cover. */
  {
    const char *topics_en[] = { "Importing", "Filtering", "Reading", "Excerpts", "Exporting", NULL };
    const char *topics_ar[] = { "الاستيراد", "التصفية", "القراءة", "المقتطفات", "التصدير", NULL };
    const char **topics = arabic ? topics_ar : topics_en;

    for (guint i = 0; topics[i] != NULL; i++)
      g_assert_nonnull (strstr (text, topics[i]));
  }
  /* No Markdown marks left in the displayed text. */
  g_assert_null (strstr (text, "## "));

  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (600, rasd_test_widget_mapped, window);
  rasd_test_settle ();
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), name), >, 16);

  /* The other language is one click away. */
  rasd_help_window_set_language (window, arabic ? "en" : "ar");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  other = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (other, arabic ? "The Rasd guide" : "دليل رصد"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  g_autofree char *name = screenshot_name ("shortcuts");

  /* Registers the resources, as the application does. */
  g_type_ensure (RASD_TYPE_APPLICATION);
  g_type_class_unref (g_type_class_ref (RASD_TYPE_APPLICATION));
  gtk_builder_add_from_resource (builder, "/io/github/rasd/Rasd/gtk/help-overlay.ui", &error);
  g_assert_no_error (error);
  window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));

  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (600, rasd_test_widget_mapped, window);
  rasd_test_settle ();
  g_assert_cmpuint (rasd_test_render_to_png (window, name), >, 16);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = rasd_settings_new (NULL);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  int width, height;

  /* Restored from the settings... */
  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 650);
  rasd_application_bind_window_state (settings, window);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  g_assert_false (gtk_window_is_maximized (window));

  /* ...and saved to them. */
  gtk_window_set_default_size (window, 1024, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1024);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_settings_set_boolean (settings, "window-maximized", TRUE);
  g_assert_true (g_settings_get_boolean (settings, "window-maximized"));

  gtk_window_destroy (window);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

/* The application, registered once for the process (its object path on the bus stays taken). */
static RasdApplication *
shared_application (void)
{
  static RasdApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = rasd_application_new ();
      g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
      g_assert_no_error (error);
    }
  return app;
}

typedef struct
{
  RasdApplication *app;
  RasdWindow      *window;
} OpenData;

static gboolean
window_opened_and_imported (gpointer data)
{
  OpenData *open = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (open->app));

  if (window == NULL || !RASD_IS_WINDOW (window))
    return FALSE;
  open->window = RASD_WINDOW (window);
  /* no events at all while its database is being upgraded */
  return rasd_window_get_event_list (open->window) != NULL && !rasd_window_is_importing (open->window)
         && g_list_model_get_n_items (rasd_window_get_event_list (open->window)) > 0;
}

static void
test_application (void)
{
  RasdApplication *app = shared_application ();
  g_auto(GStrv) accels = NULL;
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo",
                                            "01-sochi-2017.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  OpenData open = { app, NULL };
  GSettings *settings;
  gboolean help_shown = FALSE;

  g_assert_true (g_application_get_flags (G_APPLICATION (app)) & G_APPLICATION_HANDLES_OPEN);

  /* Every app-level command has its key. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_cmpstr (accels[0], ==, "F1");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  g_assert_cmpstr (accels[0], ==, "<Control>q");
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  settings = rasd_application_get_settings (app);
  g_assert_nonnull (settings);

  /* Opening a file (a file manager's "Open With", a second launch) imports it into a window.
   * The database there is one an older Rasd wrote: the window says it is being upgraded, on a
   * thread, and imports the file once it is open. */
  {
    g_autofree char *other = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo",
                                               "02-geneva-1994.txt", NULL);
    const char *paths[] = { other, NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(RasdStore) store = rasd_store_open (rasd_application_get_db_path (app), &error);
    g_autoptr(RasdImporter) importer = NULL;

    g_assert_no_error (error);
    importer = rasd_importer_new (store);
    g_assert_true (rasd_importer_run (importer, paths, NULL, &error));
    g_assert_no_error (error);
    rasd_test_downgrade_to_10 (store);
  }
  g_assert_true (rasd_store_needs_upgrade (rasd_application_get_db_path (app), NULL));
  {
    g_autofree char *name = g_strdup_printf ("application-upgrading-%s", lang);
    sqlite3 *writer = NULL;

    /* another writer keeps the upgrade waiting (up to the store's busy timeout) while the
     * window shows and answers */
    g_assert_cmpint (sqlite3_open (rasd_application_get_db_path (app), &writer), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
    g_application_open (G_APPLICATION (app), &file, 1, "");
    open.window = RASD_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
    g_assert_nonnull (open.window);
    g_assert_cmpstr (rasd_window_get_visible_page (open.window), ==, "upgrading");
    rasd_test_wait_for (60, rasd_test_widget_mapped, open.window);
    g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (open.window), name), >, 8);
    g_assert_cmpstr (rasd_window_get_visible_page (open.window), ==, "upgrading");
    sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close (writer);
  }
  rasd_test_wait_for (600, window_opened_and_imported, &open);
  g_assert_false (rasd_store_needs_upgrade (rasd_application_get_db_path (app), NULL));
  /* both articles: the one stored before the upgrade, the one given during it */
  {
    g_autoptr(RasdStore) store = rasd_store_open (rasd_application_get_db_path (app), NULL);
    RasdStoreStats stats;

    g_assert_true (rasd_store_get_stats (store, &stats, NULL));
    g_assert_cmpint (stats.n_articles, ==, 2);
  }
  g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (open.window)), >, 0);
  /* The window remembers its database, and has the shortcuts window (Ctrl+?). */
  {
    g_autofree char *last_database = g_settings_get_string (settings, "last-database");
    g_assert_cmpstr (last_database, ==, rasd_application_get_db_path (app));
  }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (open.window), "show-help-overlay"));
  /* Its map follows the preferences: "Show the legend" off hides the legend. (Online tiles are
   * tested in test-map against a local server: this window would ask OpenStreetMap's.) */
  {
    RasdEventMap *map = RASD_EVENT_MAP (rasd_window_get_map (open.window));

    g_assert_true (gtk_widget_get_visible (rasd_event_map_get_legend (map)));
    g_settings_set_boolean (settings, "show-legend", FALSE);
    g_assert_false (gtk_widget_get_visible (rasd_event_map_get_legend (map)));
    g_settings_reset (settings, "show-legend");
    g_assert_true (gtk_widget_get_visible (rasd_event_map_get_legend (map)));
  }

  /* F1 opens the guide, once however often it is pressed. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  {
    guint n_help = 0;
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      if (RASD_IS_HELP_WINDOW (l->data))
        n_help++;
    help_shown = n_help == 1;
  }
  g_assert_true (help_shown);

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  rasd_test_settle ();
}

static gboolean
import_done (gpointer window)
{
  return !rasd_window_is_importing (RASD_WINDOW (window)) &&
         g_list_model_get_n_items (rasd_window_get_event_list (RASD_WINDOW (window))) > 0;
}

static gboolean
map_idle (gpointer map)
{
  return !rasd_event_map_is_loading (RASD_EVENT_MAP (map));
}

/* A window as demo_window()'s, on the folders and files @paths. */
static RasdWindow *
import_window (RasdApplication    *app,
               int                 width,
               int                 height,
               const char * const *paths,
               char              **dir)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = NULL;
  RasdWindow *window;

  *dir = rasd_test_make_tmpdir ();
  db = g_build_filename (*dir, "rasd.db", NULL);
  store = rasd_store_open (db, &error);
  g_assert_no_error (error);
  window = rasd_window_new (app, store);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  rasd_window_import (window, paths);
  rasd_test_wait_for (600, import_done, window);
  rasd_test_pause_ms (500);
  return window;
}

/* A window of @width × @height (of @app, or none) on a new database of the demo corpus,
 * imported; its folder in *@dir, for rasd_test_rmtree(). */
static RasdWindow *
demo_window (RasdApplication  *app,
             int               width,
             int               height,
             char            **dir)
{
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  const char *paths[] = { demo, NULL };

  return import_window (app, width, height, paths, dir);
}

/* Filters @window by the city with most events. */
static RasdFacetItem *
filter_busiest_city (RasdWindow *window)
{
  GListModel *places = rasd_event_model_get_places (rasd_window_get_event_model (window));

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(RasdFacetItem) place = g_list_model_get_item (places, i);

      if (g_ascii_isdigit (*rasd_facet_item_get_key (place)))
        {
          rasd_filter_set_place (rasd_window_get_filter (window), rasd_facet_item_get_key (place),
                                 rasd_facet_item_get_label (place));
          return g_steal_pointer (&place);
        }
    }
  g_assert_not_reached ();
}

/* Screenshots of @window light and dark, once its map has drawn its tiles. */
static void
screenshots (RasdWindow *window,
             const char *what)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *which = g_strdup_printf ("%s%s", what, dark ? "-dark" : "");
      g_autofree char *name = screenshot_name (which);

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      rasd_test_pause_ms (1500);
      rasd_test_wait_for (600, map_idle, rasd_window_get_map (window));
      rasd_test_pause_ms (300);
      g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), name), >, 64);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The main window in this language, light and dark: the demo corpus, one city selected, an event
 * read (screenshots/main-window-LANG[-dark].png, for the README). */
static void
test_main_window (void)
{
  g_autofree char *dir = NULL;
  RasdWindow *window = demo_window (NULL, 1400, 900, &dir);
  g_autoptr(RasdFacetItem) city = filter_busiest_city (window);

  rasd_test_pause_ms (100);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  rasd_test_pause_ms (300);
  rasd_window_select_event (window, 0);
  screenshots (window, "main-window");
  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_settle ();
  rasd_test_rmtree (dir);
}

/* The window on the 70 shared articles and the demo corpus (issue 13 asks to look at their
 * facets): among the 50 people with most events, no word of a longer name named alone (a first
 * name or a surname not joined to the full name) and no name begun with بن; screenshots of the
 * window and of the 50 first people and places (facets-shared[-people|-places]-LANG.png). */
static void
test_shared_facets (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  g_autofree char *seeds = NULL;
  g_autofree char *dev = NULL;
  const char *shared = g_getenv ("RASD_SHARED_DIR");
  const char *paths[4] = { demo, NULL };
  g_autofree char *name = screenshot_name ("facets-shared");
  RasdWindow *window;
  GListModel *people;
  guint n;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("../shared is absent: the shared articles' facets are not looked at");
      return;
    }
  paths[1] = seeds = g_build_filename (shared, "corpus", "seeds", NULL);
  paths[2] = dev = g_build_filename (shared, "corpus", "snn-dev", NULL);
  window = import_window (NULL, 1400, 900, paths, &dir);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  rasd_test_pause_ms (300);

  people = rasd_event_model_get_people (rasd_window_get_event_model (window));
  n = MIN (g_list_model_get_n_items (people), 50);
  g_assert_cmpuint (n, >=, 30);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RasdFacetItem) person = g_list_model_get_item (people, i);

      const char *label = rasd_facet_item_get_label (person);
      g_autofree char *first = g_strconcat (label, " ", NULL);
      g_autofree char *last = g_strconcat (" ", label, NULL);

      /* no name begins with بن (a first name taken for a title) */
      g_assert_false (g_str_has_prefix (label, "بن "));
      /* one word no lexicon has (البابا فرنسيس is named so) is no part of a longer name there */
      if (!g_str_has_prefix (rasd_facet_item_get_key (person), "name:") || strchr (label, ' ') != NULL)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (people); j++)
        {
          g_autoptr(RasdFacetItem) other = g_list_model_get_item (people, j);
          const char *full = rasd_facet_item_get_label (other);

          if (g_str_has_prefix (full, first) || g_str_has_suffix (full, last))
            g_error ("%s (%u events) and %s are in the people facet: a part of a name alone",
                     label, rasd_facet_item_get_count (person), full);
        }
    }
  rasd_test_pause_ms (1500);
  rasd_test_wait_for (600, map_idle, rasd_window_get_map (window));
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), name), >, 64);

  /* the 50 first of each facet, shown with "Show More" in a tall window, to read */
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 3000);
  for (RasdFacet facet = RASD_FACET_PERSON; facet <= RASD_FACET_PLACE; facet++)
    {
      RasdFacetView *view = RASD_FACET_VIEW (rasd_window_get_facet_view (window, facet));
      g_autofree char *which = screenshot_name (facet == RASD_FACET_PERSON ? "facets-shared-people"
                                                                         : "facets-shared-places");

      for (guint k = 0; k < 10 && g_list_model_get_n_items (rasd_facet_view_get_shown (view)) < 50; k++)
        {
          rasd_facet_view_show_more (view);
          rasd_test_pause_ms (200);
        }
      g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (view), which), >, 64);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_settle ();
  rasd_test_rmtree (dir);
}

/* Every place of the places facet inside the map's view. */
static void
assert_places_in_view (RasdWindow *window)
{
  GListModel *places = rasd_event_model_get_places (rasd_window_get_event_model (window));
  RasdEventMap *map = RASD_EVENT_MAP (rasd_window_get_map (window));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (places); i++)
    {
      g_autoptr(RasdFacetItem) place = g_list_model_get_item (places, i);
      double lat, lon;

      /* a country's marker stands at its label point, not at the coordinates stored */
      if (!rasd_facet_item_get_location (place, &lat, &lon)
          || g_str_has_prefix (rasd_facet_item_get_key (place), "country:"))
        continue;
      g_assert_true (rasd_event_map_shows_location (map, lat, lon));
      n++;
    }
  g_assert_cmpuint (n, >, 0);
}

/* The map as a researcher first sees it at the default window size (1200×800): every place, the
 * legend; then filtered by a city, the map fitted to it close enough to read the towns around
 * it (screenshots/map-first-LANG[-dark].png, map-city-LANG[-dark].png). */
static void
test_map_views (void)
{
  g_autofree char *dir = NULL;
  RasdWindow *window = demo_window (NULL, 1200, 800, &dir);
  RasdEventMap *map = RASD_EVENT_MAP (rasd_window_get_map (window));
  g_autoptr(RasdFacetItem) city = NULL;
  double lat, lon;

  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  rasd_test_pause_ms (300);
  g_assert_true (rasd_event_map_get_show_legend (map));
  g_assert_true (gtk_widget_get_mapped (rasd_event_map_get_legend (map)));
  assert_places_in_view (window);
  screenshots (window, "map-first");

  city = filter_busiest_city (window);
  rasd_test_pause_ms (100);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  rasd_test_pause_ms (300);
  g_assert_true (rasd_facet_item_get_location (city, &lat, &lon));
  g_assert_true (rasd_event_map_shows_location (map, lat, lon));
  g_assert_cmpfloat (rasd_event_map_get_zoom (map), >=, 7);
  assert_places_in_view (window);
  screenshots (window, "map-city");

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_settle ();
  rasd_test_rmtree (dir);
}

static gboolean
buffer_has_tag (GtkTextBuffer *buffer,
                const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter iter;

  g_assert_nonnull (tag);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  return gtk_text_iter_has_tag (&iter, tag) || gtk_text_iter_forward_to_tag_toggle (&iter, tag);
}

/* "Highlight people, places and dates" turns the reader's highlighting off and on again at
 * once, in the article shown and in the next one; the evidence stays marked. */
static void
test_highlight_preference (void)
{
  g_autoptr(GSettings) settings = rasd_settings_new (NULL);
  const char *entity_tags[] = { "person", "place", "date" };
  g_autofree char *dir = NULL;
  RasdWindow *window;
  GtkTextBuffer *buffer;
  RasdReader *reader;

  g_assert_true (g_settings_get_boolean (settings, "highlight-entities"));
  window = demo_window (shared_application (), 1200, 800, &dir);
  reader = RASD_READER (rasd_window_get_reader (window));
  buffer = rasd_window_get_reader_buffer (window);
  rasd_test_wait_for (600, rasd_test_window_loaded, window);
  rasd_window_select_event (window, 0);
  for (guint i = 0; i < G_N_ELEMENTS (entity_tags); i++)
    g_assert_true (buffer_has_tag (buffer, entity_tags[i]));
  g_assert_true (buffer_has_tag (buffer, "evidence"));

  g_settings_set_boolean (settings, "highlight-entities", FALSE);
  g_assert_false (rasd_reader_get_highlight_entities (reader));
  for (guint i = 0; i < G_N_ELEMENTS (entity_tags); i++)
    g_assert_false (buffer_has_tag (buffer, entity_tags[i]));
  g_assert_true (buffer_has_tag (buffer, "evidence"));
  /* Names are no links when they do not look like ones. */
  {
    GtkTextIter iter;

    gtk_text_buffer_get_start_iter (buffer, &iter);
    for (; !gtk_text_iter_is_end (&iter); gtk_text_iter_forward_char (&iter))
      g_assert_false (rasd_reader_activate_offset (reader, gtk_text_iter_get_offset (&iter)));
  }
  /* The next article is read without highlighting too. */
  rasd_window_select_event (window, 1);
  g_assert_true (buffer_has_tag (buffer, "evidence"));
  for (guint i = 0; i < G_N_ELEMENTS (entity_tags); i++)
    g_assert_false (buffer_has_tag (buffer, entity_tags[i]));

  g_settings_set_boolean (settings, "highlight-entities", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (entity_tags); i++)
    g_assert_true (buffer_has_tag (buffer, entity_tags[i]));
  g_settings_reset (settings, "highlight-entities");

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_settle ();
  rasd_test_rmtree (dir);
}

/* No date in the event list is cut: each label is given at least its whole text's width. */
static void
assert_dates_whole (RasdWindow *window)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_shown = 0;

  rasd_test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      int natural;

      if (!gtk_widget_has_css_class (GTK_WIDGET (label), "event-date") || !gtk_widget_get_mapped (GTK_WIDGET (label)) || *gtk_label_get_text (label) == '\0')
        continue;
      gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >=, natural);
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
      /* with its year, in the locale's digits */
      g_assert_true (g_regex_match_simple (g_str_equal (lang, "ar") ? "[٠-٩]{4}$" : "[0-9]{4}$",
                                           gtk_label_get_text (label), 0, 0)
                     || g_str_equal (gtk_label_get_text (label), _("Unknown")));
      n_shown++;
    }
  g_assert_cmpuint (n_shown, >, 5);
}

static gboolean
has_latin_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Labels under @root that show the interface's own words: @mapped_only, those on screen; never
 * the article's text, title, source and address, which are the article's own. */
static void
collect_ui_labels (GtkWidget *root,
                   gboolean   mapped_only,
                   GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (RASD_IS_READER (child) || gtk_widget_has_css_class (child, "excerpt-text") ||
          (mapped_only && !gtk_widget_get_mapped (child)))
        continue;
      if (GTK_IS_LABEL (child))
        g_ptr_array_add (labels, child);
      collect_ui_labels (child, mapped_only, labels);
    }
}

/* Under Arabic every count and number the interface writes is in Arabic-Indic digits: the
 * window's labels, the basket's (count, citations), the reader's "Source 1 of 1". */
static void
assert_locale_digits (RasdWindow *window)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *reader = rasd_window_get_reader (window);
  g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
  guint n_numbers = 0;

  collect_ui_labels (GTK_WIDGET (window), TRUE, labels);
  collect_ui_labels (rasd_window_get_basket (window), FALSE, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *text = gtk_label_get_text (g_ptr_array_index (labels, i));

      if (g_str_equal (lang, "ar"))
        {
          if (has_latin_digit (text))
            g_test_message ("Latin digits in the Arabic interface: %s", text);
          g_assert_false (has_latin_digit (text));
        }
      n_numbers += g_regex_match_simple ("[0-9٠-٩]", text, 0, 0);
    }
  g_assert_cmpuint (n_numbers, >, 10);

  rasd_test_collect_widgets (reader, GTK_TYPE_DROP_DOWN, drop_downs);
  g_assert_cmpuint (drop_downs->len, ==, 1);
  {
    GtkDropDown *sources = g_ptr_array_index (drop_downs, 0);
    const char *first = gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (sources)), 0);

    g_assert_true (g_str_has_prefix (first, g_str_equal (lang, "ar") ? "المصدر ١ من " : "Source 1 of "));
  }
}

/* The explorer as a new user first sees it, at the default size (1200×800), light and dark, then
 * filtered to the person with most events with an event read:
 * screenshots/explorer-{first,person}[-dark]-LANG.png. */
static void
test_explorer_views (void)
{
  g_autofree char *dir = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  RasdWindow *window = demo_window (NULL, 1200, 800, &dir);
  g_autofree char *db = g_build_filename (dir, "rasd.db", NULL);
  g_autoptr(RasdStore) store = NULL;
  RasdFilter *filter;

  /* The demo's sidecars are its articles' metadata, not files skipped. */
  {
    g_autofree char *summary = rasd_window_dup_import_summary (window);

    g_test_message ("import: %s", summary);
    g_assert_cmpstr (summary, ==, g_str_equal (lang, "ar") ? "استُورد ١٢ مقالًا (١٢ منها مع بياناتها الوصفية)"
                                                           : "12 articles imported (12 with metadata)");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_settle ();

  /* Opened again on the database, as after a restart: no import toast over the list. */
  store = rasd_store_open (db, NULL);
  g_assert_nonnull (store);
  window = rasd_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (600, rasd_test_widget_mapped, window);
  rasd_test_wait_for (600, rasd_test_window_loaded, window);
  filter = rasd_window_get_filter (window);

  for (guint view = 0; view < 2; view++)
    {
      if (view == 1)
        {
          GListModel *people = rasd_event_model_get_people (rasd_window_get_event_model (window));
          g_autoptr(RasdFacetItem) person = g_list_model_get_item (people, 0);

          rasd_filter_set_person (filter, rasd_facet_item_get_key (person),
                                  rasd_facet_item_get_label (person));
          rasd_test_wait_for (600, rasd_test_window_loaded, window);
          rasd_window_select_event (window, 0);
        }
      for (guint dark = 0; dark < 2; dark++)
        {
          g_autofree char *what = g_strdup_printf ("explorer-%s%s", view == 0 ? "first" : "person",
                                                   dark ? "-dark" : "");
          g_autofree char *name = screenshot_name (what);

          adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                          : ADW_COLOR_SCHEME_FORCE_LIGHT);
          rasd_test_pause_ms (1000);
          rasd_test_wait_for (600, map_idle, rasd_window_get_map (window));
          rasd_test_pause_ms (300);
          assert_dates_whole (window);
          g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), name), >, 64);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* the event's evidence into the basket: its count, the citations' dates */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-event-excerpts", NULL));
  rasd_test_settle ();
  assert_locale_digits (window);

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_settle ();
  g_clear_object (&store);
  rasd_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale = rasd_test_take_locale (&argc, &argv);
  g_autofree char *data_home = NULL;

  lang = g_str_has_prefix (locale, "ar") ? "ar" : "en";
  /* The application's database goes to a temporary folder, not the user's. */
  data_home = rasd_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("RASD_NON_UNIQUE", "1", TRUE);
  if (!rasd_test_gui_init_locale (&argc, &argv, locale))
    return 0;

  g_test_add_func ("/desktop/direction", test_direction);
  g_test_add_func ("/desktop/settings-defaults", test_settings_defaults);
  g_test_add_func ("/desktop/preferences", test_preferences);
  g_test_add_func ("/desktop/help", test_help);
  g_test_add_func ("/desktop/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/desktop/window-state", test_window_state);
  g_test_add_func ("/desktop/application", test_application);
  g_test_add_func ("/desktop/main-window", test_main_window);
  g_test_add_func ("/desktop/shared-facets", test_shared_facets);
  g_test_add_func ("/desktop/map-views", test_map_views);
  g_test_add_func ("/desktop/highlight-preference", test_highlight_preference);
  g_test_add_func ("/desktop/explorer-views", test_explorer_views);

  {
    int status = g_test_run ();
    rasd_test_rmtree (data_home);
    return status;
  }
}
