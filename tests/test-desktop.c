/* The desktop side of the application, in the locale given as the first argument (en_US.UTF-8 or
 * ar_EG.UTF-8): settings, preferences, the user guide, the shortcuts window, the application's
 * actions and accelerators, opening files.  Screenshots go to screenshots/ in the build dir. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rasd-application.h"
#include "rasd-data.h"
#include "rasd-event-map.h"
#include "rasd-facet-item.h"
#include "rasd-help-window.h"
#include "rasd-preferences-window.h"
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
        spin = GTK_SPIN_BUTTON (w);
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
  return !rasd_window_is_importing (open->window)
         && g_list_model_get_n_items (rasd_window_get_event_list (open->window)) > 0;
}

static void
test_application (void)
{
  g_autoptr(RasdApplication) app = rasd_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo",
                                            "01-sochi-2017.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (demo);
  OpenData open = { app, NULL };
  GSettings *settings;
  gboolean help_shown = FALSE;

  g_assert_true (g_application_get_flags (G_APPLICATION (app)) & G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

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

  /* Opening a file (a file manager's "Open With", a second launch) imports it into a window. */
  g_application_open (G_APPLICATION (app), &file, 1, "");
  rasd_test_wait_for (600, window_opened_and_imported, &open);
  g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (open.window)), >, 0);
  /* The window remembers its database, and has the shortcuts window (Ctrl+?). */
  {
    g_autofree char *last_database = g_settings_get_string (settings, "last-database");
    g_assert_cmpstr (last_database, ==, rasd_application_get_db_path (app));
  }
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (open.window), "show-help-overlay"));

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

/* The main window in this language, light and dark: the demo corpus, one city selected, an event
 * read (screenshots/main-window-LANG[-dark].png, for the README). */
static void
test_main_window (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rasd.db", NULL);
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  const char *paths[] = { demo, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (db, &error);
  AdwStyleManager *style = adw_style_manager_get_default ();
  RasdWindow *window;
  RasdFilter *filter;

  g_assert_no_error (error);
  window = rasd_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  rasd_window_import (window, paths);
  rasd_test_wait_for (600, import_done, window);
  filter = rasd_window_get_filter (window);
  rasd_test_pause_ms (500);
  /* the city with most events */
  {
    GListModel *places = rasd_event_model_get_places (rasd_window_get_event_model (window));

    for (guint i = 0; i < g_list_model_get_n_items (places); i++)
      {
        g_autoptr(RasdFacetItem) place = g_list_model_get_item (places, i);

        if (g_ascii_isdigit (*rasd_facet_item_get_key (place)))
          {
            rasd_filter_set_place (filter, rasd_facet_item_get_key (place),
                                   rasd_facet_item_get_label (place));
            break;
          }
      }
  }
  g_assert_nonnull (rasd_filter_get_place (filter));
  rasd_test_pause_ms (500);
  rasd_window_select_event (window, 0);

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *what = g_strdup_printf ("main-window%s", dark ? "-dark" : "");
      g_autofree char *name = screenshot_name (what);

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
      rasd_test_pause_ms (1500);
      rasd_test_wait_for (600, map_idle, rasd_window_get_map (window));
      rasd_test_pause_ms (300);
      g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), name), >, 64);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_settle ();
  rasd_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale = argc > 1 && argv[1][0] != '-' ? argv[1] : "en_US.UTF-8";
  g_autofree char *data_home = NULL;

  if (argc > 1 && argv[1][0] != '-')
    {
      memmove (argv + 1, argv + 2, (argc - 1) * sizeof (char *));
      argc--;
    }
  lang = g_str_has_prefix (locale, "ar") ? "ar" : "en";

  /* gtk_init reads the locale from the environment. */
  g_setenv ("LC_ALL", locale, TRUE);
  g_unsetenv ("LANGUAGE");
  /* The application's database goes to a temporary folder, not the user's. */
  data_home = rasd_test_make_tmpdir ();
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("RASD_NON_UNIQUE", "1", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() sets en_US; take the locale back and derive the direction as gtk_init()
   * does for a real launch. */
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_test_skip ("locale not installed (build-aux/install-deps generates it)");
      g_print ("1..0 # SKIP locale %s is not installed\n", locale);
      return 0;
    }
  bindtextdomain (GETTEXT_PACKAGE, rasd_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_widget_set_default_direction (gtk_get_locale_direction ());
  adw_init ();

  g_test_add_func ("/desktop/direction", test_direction);
  g_test_add_func ("/desktop/settings-defaults", test_settings_defaults);
  g_test_add_func ("/desktop/preferences", test_preferences);
  g_test_add_func ("/desktop/help", test_help);
  g_test_add_func ("/desktop/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/desktop/window-state", test_window_state);
  g_test_add_func ("/desktop/application", test_application);
  g_test_add_func ("/desktop/main-window", test_main_window);

  {
    int status = g_test_run ();
    rasd_test_rmtree (data_home);
    return status;
  }
}
