#define G_LOG_DOMAIN "rasd-application"

#include "config.h"

#include <glib/gi18n.h>

#include "rasd-application.h"
#include "rasd-window.h"

struct _RasdApplication
{
  AdwApplication parent_instance;

  char *db_path;
};

G_DEFINE_FINAL_TYPE (RasdApplication, rasd_application, ADW_TYPE_APPLICATION)

static RasdWindow *
get_or_create_window (RasdApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    return RASD_WINDOW (window);

  store = rasd_store_open (self->db_path, &error);
  window = GTK_WINDOW (rasd_window_new (self, store));
  if (store == NULL)
    rasd_window_show_error (RASD_WINDOW (window), _("The database could not be opened"),
                            error->message);
  return RASD_WINDOW (window);
}

static void
rasd_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (RASD_APPLICATION (app))));
}

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
    }
  g_ptr_array_add (paths, NULL);

  gtk_window_present (GTK_WINDOW (window));
  rasd_window_import (window, (const char * const *) paths->pdata);
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
    }
  return -1;
}

static void
rasd_application_finalize (GObject *object)
{
  RasdApplication *self = RASD_APPLICATION (object);

  g_free (self->db_path);

  G_OBJECT_CLASS (rasd_application_parent_class)->finalize (object);
}

static void
rasd_application_class_init (RasdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rasd_application_finalize;
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
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
rasd_application_init (RasdApplication *self)
{
  static const GActionEntry app_actions[] = {
    { "quit", quit_activated },
    { "about", about_activated },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Database file (default: the user's)"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version"), NULL },
    { NULL }
  };

  self->db_path = rasd_store_default_path ();
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

RasdApplication *
rasd_application_new (void)
{
  /* NON_UNIQUE until the desktop integration work gives Rasd one instance per database. */
  return g_object_new (RASD_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       NULL);
}

const char *
rasd_application_get_db_path (RasdApplication *self)
{
  g_return_val_if_fail (RASD_IS_APPLICATION (self), NULL);
  return self->db_path;
}
