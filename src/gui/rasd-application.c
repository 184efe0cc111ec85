#define G_LOG_DOMAIN "rasd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rasd-application.h"
#include "rasd-resources.h"
#include "rasd-data.h"
#include "rasd-extractor.h"
#include "rasd-help-window.h"
#include "rasd-preferences-window.h"
#include "rasd-window.h"

struct _RasdApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  gboolean        db_given;  /* --db: otherwise the last database used, if it is still there */
  GSettings      *settings;
  GtkCssProvider *reader_css;
};

G_DEFINE_FINAL_TYPE (RasdApplication, rasd_application, ADW_TYPE_APPLICATION)

GSettings *
rasd_settings_new (GError **error)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL && g_file_test (BUILD_SCHEMADIR "/gschemas.compiled", G_FILE_TEST_IS_REGULAR))
    {
      build_source = g_settings_schema_source_new_from_directory (BUILD_SCHEMADIR, source, FALSE,
                                                                  error);
      if (build_source == NULL)
        return NULL;
      schema = g_settings_schema_source_lookup (build_source, APPLICATION_ID, FALSE);
    }
  if (schema == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The settings schema %s is not installed (looked in the system’s schema "
                     "folders and in %s); preferences will not be saved"),
                   APPLICATION_ID, BUILD_SCHEMADIR);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

void
rasd_application_bind_window_state (GSettings *settings,
                                    GtkWindow *window)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (GTK_IS_WINDOW (window));

  /* GTK keeps default-width/-height at the unmaximized size as the user resizes. */
  g_settings_bind (settings, "window-width", window, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", window, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", window, "maximized", G_SETTINGS_BIND_DEFAULT);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (window), "import-jobs") != NULL)
    g_settings_bind (settings, "import-jobs", window, "import-jobs", G_SETTINGS_BIND_GET);
}

static void
open_store_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RasdWindow) window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open_finish (result, &error);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  GSettings *settings;

  /* closed meanwhile: the upgrade is done and kept, for the next start */
  if (app == NULL)
    return;
  if (store == NULL)
    {
      rasd_window_show_error (window, _("The database could not be opened"), error->message);
      return;
    }
  rasd_window_set_store (window, store);
  settings = rasd_application_get_settings (RASD_APPLICATION (app));
  if (settings != NULL)
    g_settings_set_string (settings, "last-database", rasd_store_get_path (store));
}

static RasdWindow *
get_or_create_window (RasdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_articles = 0;

  if (window != NULL)
    return RASD_WINDOW (window);

  if (!self->db_given && self->settings != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-database");

      if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
        {
          g_free (self->db_path);
          self->db_path = g_steal_pointer (&last);
        }
    }
  /* A database an older Rasd wrote is upgraded on a thread, behind a page that says so: a
   * large one takes minutes, and the window must show and answer meanwhile.  Any other
   * opens at once. */
  if (rasd_store_needs_upgrade (self->db_path, &n_articles))
    {
      window = GTK_WINDOW (rasd_window_new (self, NULL));
      rasd_window_show_upgrading (RASD_WINDOW (window), n_articles);
      rasd_store_open_async (self->db_path, NULL, open_store_cb, g_object_ref (window));
      if (self->settings != NULL)
        rasd_application_bind_window_state (self->settings, window);
      return RASD_WINDOW (window);
    }
  store = rasd_store_open (self->db_path, &error);
  window = GTK_WINDOW (rasd_window_new (self, store));
  if (self->settings != NULL)
    rasd_application_bind_window_state (self->settings, window);
  if (store != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", rasd_store_get_path (store));
  else if (store == NULL)
    rasd_window_show_error (RASD_WINDOW (window), _("The database could not be opened"),
                            error->message);
  return RASD_WINDOW (window);
}

static void
rasd_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (RASD_APPLICATION (app))));
}

/* From the command line, a file manager's "Open With", or a second `rasd FILE...` (single
 * instance: GApplication forwards the files here over D-Bus). */
static void
rasd_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  RasdWindow *window = get_or_create_window (RASD_APPLICATION (app));
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);
      if (path != NULL)
        g_ptr_array_add (paths, path);
      else
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_warning ("Cannot import %s: only local files can be imported", uri);
        }
    }
  g_ptr_array_add (paths, NULL);

  gtk_window_present (GTK_WINDOW (window));
  if (paths->len > 1)
    rasd_window_import (window, (const char * const *) paths->pdata);
}

static void
update_reader_css (RasdApplication *self)
{
  g_autofree char *css = g_strdup_printf ("textview.reader { font-size: %dpt; }",
                                          g_settings_get_int (self->settings, "reader-font-size"));

  gtk_css_provider_load_from_data (self->reader_css, css, -1);
}

static gboolean
color_scheme_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  if (g_str_equal (nick, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (nick, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static void
rasd_application_startup (GApplication *app)
{
  RasdApplication *self = RASD_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    /* The window's actions (rasd-window.c defines them; an accelerator for an action a window
     * lacks does nothing). */
    { "win.import", { "<Control>o", NULL } },
    { "win.import-folder", { "<Control><Shift>o", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.add-excerpt", { "<Control>d", NULL } },
    { "win.clear-filters", { "<Control>BackSpace", NULL } },
  };

  G_APPLICATION_CLASS (rasd_application_parent_class)->startup (app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->settings = rasd_settings_new (&error);
  if (self->settings == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  g_settings_bind_with_mapping (self->settings, "color-scheme", adw_style_manager_get_default (),
                                "color-scheme", G_SETTINGS_BIND_GET, color_scheme_mapping, NULL,
                                NULL, NULL);

  self->reader_css = gtk_css_provider_new ();
  update_reader_css (self);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->reader_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_swapped (self->settings, "changed::reader-font-size",
                            G_CALLBACK (update_reader_css), self);
}

static gboolean
check (gboolean    ok,
       const char *what,
       const char *detail)
{
  g_print ("%s %s%s%s\n", ok ? "ok  " : "FAIL", what, detail != NULL ? ": " : "",
           detail != NULL ? detail : "");
  return ok;
}

int
rasd_application_self_test (RasdApplication *self)
{
  static const char *resources[] = {
    "/io/github/rasd/Rasd/rasd-window.ui",
    "/io/github/rasd/Rasd/rasd-preferences-window.ui",
    "/io/github/rasd/Rasd/rasd-help-window.ui",
    "/io/github/rasd/Rasd/gtk/help-overlay.ui",
    "/io/github/rasd/Rasd/help/ar.md",
    "/io/github/rasd/Rasd/help/en.md",
  };
  gboolean ok = TRUE;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RASD_IS_APPLICATION (self), 1);

  for (guint i = 0; i < G_N_ELEMENTS (resources); i++)
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (resources[i], 0, &error);
      ok &= check (bytes != NULL, resources[i], error != NULL ? error->message : NULL);
      g_clear_error (&error);
    }

  {
    RasdExtractor *extractor = rasd_extractor_get_default (&error);  /* shared, not ours */
    ok &= check (extractor != NULL, "data", error != NULL ? error->message : rasd_data_dir ());
    g_clear_error (&error);
  }

  {
    g_autoptr(GSettings) settings = rasd_settings_new (&error);
    ok &= check (settings != NULL, "settings schema", error != NULL ? error->message : APPLICATION_ID);
    g_clear_error (&error);
  }

  {
    g_autofree char *catalogue = g_build_filename (rasd_locale_dir (), "ar", "LC_MESSAGES",
                                                   GETTEXT_PACKAGE ".mo", NULL);
    ok &= check (g_file_test (catalogue, G_FILE_TEST_IS_REGULAR), "translations", catalogue);
  }

  {
    g_autoptr(RasdStore) store = rasd_store_open (self->db_path, &error);
    ok &= check (store != NULL, "database", error != NULL ? error->message : self->db_path);
    g_clear_error (&error);

    if (!gtk_init_check ())
      ok &= check (FALSE, "display", "no display to open the windows on");
    else
      {
        GtkWindow *window;

        adw_init ();
        /* Built and destroyed without being shown: the templates and their types load. */
        window = GTK_WINDOW (rasd_window_new (NULL, store));
        gtk_window_destroy (window);
        window = GTK_WINDOW (rasd_help_window_new ());
        gtk_window_destroy (window);
        {
          g_autoptr(GSettings) settings = rasd_settings_new (NULL);
          if (settings != NULL)
            {
              window = GTK_WINDOW (rasd_preferences_window_new (settings));
              gtk_window_destroy (window);
            }
        }
        ok &= check (TRUE, "windows", gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL
                                      ? "right to left" : "left to right");
      }
  }

  return ok ? 0 : 1;
}

static int
rasd_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  RasdApplication *self = RASD_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("rasd %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);
      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
      self->db_given = TRUE;
      /* One instance per user stands for the user's database; another database gets its own. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  if (g_variant_dict_lookup (options, "self-test", "b", NULL))
    return rasd_application_self_test (self);
  return -1;
}

static void
rasd_application_finalize (GObject *object)
{
  RasdApplication *self = RASD_APPLICATION (object);

  g_free (self->db_path);
  g_clear_object (&self->settings);
  g_clear_object (&self->reader_css);

  G_OBJECT_CLASS (rasd_application_parent_class)->finalize (object);
}

static void
rasd_application_class_init (RasdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* Registered by hand (a static library drops the resource's constructor); once, whoever comes
   * first: the window, the application or this. */
  if (!g_resources_get_info ("/io/github/rasd/Rasd/gtk/help-overlay.ui", 0, NULL, NULL, NULL))
    rasd_register_resource ();

  object_class->finalize = rasd_application_finalize;
  app_class->startup = rasd_application_startup;
  app_class->activate = rasd_application_activate;
  app_class->open = rasd_application_open;
  app_class->handle_local_options = rasd_application_handle_local_options;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Rasd developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Rasd"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Explore the events reported in Arabic news on a map and a timeline"),
                         "developers", developers,
                         /* Translators: your names, one per line, credited in the About window. */
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RasdApplication *self = RASD_APPLICATION (user_data);
  RasdPreferencesWindow *window;

  if (self->settings == NULL)
    return;
  window = rasd_preferences_window_new (self->settings);
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (app);
  RasdHelpWindow *window = NULL;

  /* One guide window: F1 again brings it forward. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (RASD_IS_HELP_WINDOW (l->data))
      window = l->data;
  if (window == NULL)
    {
      window = rasd_help_window_new ();
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_application (GTK_WINDOW (window), app);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
rasd_application_init (RasdApplication *self)
{
  static const GActionEntry app_actions[] = {
    { "quit", quit_activated },
    { "about", about_activated },
    { "preferences", preferences_activated },
    { "help", help_activated },
  };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Database file (default: the user's)"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version"), NULL },
    { "self-test", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check that the data, settings, translations and database can be loaded, and exit"), NULL },
    { NULL }
  };

  self->db_path = rasd_store_default_path ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
}

RasdApplication *
rasd_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  /* One instance: a second `rasd FILE...` raises the window and imports there.  Tests and
   * scripts may ask for their own instance. */
  if (g_getenv ("RASD_NON_UNIQUE") != NULL)
    flags |= G_APPLICATION_NON_UNIQUE;
  return g_object_new (RASD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       NULL);
}

const char *
rasd_application_get_db_path (RasdApplication *self)
{
  g_return_val_if_fail (RASD_IS_APPLICATION (self), NULL);
  return self->db_path;
}

GSettings *
rasd_application_get_settings (RasdApplication *self)
{
  g_return_val_if_fail (RASD_IS_APPLICATION (self), NULL);
  return self->settings;
}
