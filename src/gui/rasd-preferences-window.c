#define G_LOG_DOMAIN "rasd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rasd-format.h"
#include "rasd-preferences-window.h"
#include "rasd-resources.h"

struct _RasdPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings      *settings;

  AdwComboRow    *color_scheme_row;
  GtkSpinButton  *font_size_spin;
  GtkSwitch      *highlight_switch;
  GtkSwitch      *legend_switch;
  GtkSwitch      *online_tiles_switch;
  AdwActionRow   *jobs_row;
  GtkSpinButton  *jobs_spin;
  GtkSwitch      *follow_symlinks_switch;
};

G_DEFINE_FINAL_TYPE (RasdPreferencesWindow, rasd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The combo row's positions, in the order of the schema's enum and of the .ui's string list. */
static const char *color_schemes[] = { "default", "light", "dark" };

static gboolean
color_scheme_get_mapping (GValue   *value,
                          GVariant *variant,
                          gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (nick, color_schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
color_scheme_set_mapping (const GValue       *value,
                          const GVariantType *expected_type,
                          gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (color_schemes))
    return NULL;
  return g_variant_new_string (color_schemes[position]);
}

/* The text size in the locale's digits (٢٠ under Arabic), and typed in either kind of digit. */
static gboolean
on_font_size_output (GtkSpinButton *spin,
                     gpointer       user_data)
{
  g_autofree char *number = g_strdup_printf ("%d", (int) gtk_spin_button_get_value (spin));
  g_autofree char *text = rasd_format_digits (number);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_font_size_input (GtkSpinButton *spin,
                    double        *new_value,
                    gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  guint64 value = 0;
  guint n_digits = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      int digit = g_unichar_digit_value (g_utf8_get_char (p));

      if (digit < 0)
        {
          if (g_unichar_isspace (g_utf8_get_char (p)))
            continue;
          return GTK_INPUT_ERROR;
        }
      if (++n_digits > 4)
        return GTK_INPUT_ERROR;
      value = value * 10 + digit;
    }
  if (n_digits == 0)
    return GTK_INPUT_ERROR;
  *new_value = value;
  return TRUE;
}

/* Import threads: 0 is "Automatic" (one per core), other numbers in the locale's digits. */
static gboolean
on_jobs_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  if (gtk_spin_button_get_value_as_int (spin) == 0)
    {
      if (g_strcmp0 (_("Automatic"), gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
        gtk_editable_set_text (GTK_EDITABLE (spin), _("Automatic"));
      return TRUE;
    }
  return on_font_size_output (spin, user_data);
}

static int
on_jobs_input (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));

  if (g_strcmp0 (text, _("Automatic")) == 0)
    {
      *new_value = 0;
      return TRUE;
    }
  return on_font_size_input (spin, new_value, user_data);
}

static void
rasd_preferences_window_constructed (GObject *object)
{
  RasdPreferencesWindow *self = RASD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rasd_preferences_window_parent_class)->constructed (object);

  g_return_if_fail (self->settings != NULL);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, color_scheme_get_mapping,
                                color_scheme_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "reader-font-size", self->font_size_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "highlight-entities", self->highlight_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-legend", self->legend_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "online-map-tiles", self->online_tiles_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "import-jobs", self->jobs_spin, "value", G_SETTINGS_BIND_DEFAULT);
  {
    g_autofree char *cores = g_strdup_printf ("%u", g_get_num_processors ());
    g_autofree char *digits = rasd_format_digits (cores);
    /* TRANSLATORS: %s is the number of processor cores of this computer */
    g_autofree char *subtitle = g_strdup_printf (_("How many articles are read at once during an import. "
                                                   "Automatic: one per processor core (%s here). "
                                                   "What is imported is the same for any number."),
                                                 digits);

    adw_action_row_set_subtitle (self->jobs_row, subtitle);
  }
  g_settings_bind (self->settings, "follow-symlinks", self->follow_symlinks_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
rasd_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RasdPreferencesWindow *self = RASD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RasdPreferencesWindow *self = RASD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_preferences_window_dispose (GObject *object)
{
  RasdPreferencesWindow *self = RASD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RASD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rasd_preferences_window_parent_class)->dispose (object);
}

static void
rasd_preferences_window_class_init (RasdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Registered by hand (a static library drops the resource's constructor); once, whoever comes
   * first: the window, the application or this. */
  if (!g_resources_get_info ("/io/github/rasd/Rasd/rasd-preferences-window.ui", 0, NULL, NULL, NULL))
    rasd_register_resource ();

  object_class->constructed = rasd_preferences_window_constructed;
  object_class->set_property = rasd_preferences_window_set_property;
  object_class->get_property = rasd_preferences_window_get_property;
  object_class->dispose = rasd_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rasd/Rasd/rasd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, RasdPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, RasdPreferencesWindow, highlight_switch);
  gtk_widget_class_bind_template_child (widget_class, RasdPreferencesWindow, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, RasdPreferencesWindow, online_tiles_switch);
  gtk_widget_class_bind_template_child (widget_class, RasdPreferencesWindow, follow_symlinks_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_font_size_output);
  gtk_widget_class_bind_template_callback (widget_class, on_font_size_input);
  gtk_widget_class_bind_template_child (widget_class, RasdPreferencesWindow, jobs_row);
  gtk_widget_class_bind_template_child (widget_class, RasdPreferencesWindow, jobs_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_jobs_output);
  gtk_widget_class_bind_template_callback (widget_class, on_jobs_input);
}

static void
rasd_preferences_window_init (RasdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

RasdPreferencesWindow *
rasd_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (RASD_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}
