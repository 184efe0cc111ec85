#define G_LOG_DOMAIN "rasd-help-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rasd-help-window.h"
#include "rasd-resources.h"

/* The guides are small Markdown files in the resources (src/gui/help/): "# " title, "## " section,
 * "- " item, blank lines between paragraphs.  Nothing else is interpreted. */

struct _RasdHelpWindow
{
  AdwWindow        parent_instance;

  GtkTextView     *text_view;
  GtkToggleButton *arabic_button;
  GtkToggleButton *english_button;

  char            *language;
};

G_DEFINE_FINAL_TYPE (RasdHelpWindow, rasd_help_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
rasd_help_default_language (void)
{
  /* Translators: which user guide to show: "ar" for the Arabic one, "en" for the English one.
   * Translate as "ar" only in Arabic. */
  const char *language = C_("help language", "en");

  return g_str_equal (language, "ar") ? "ar" : "en";
}

static void
insert_line (GtkTextBuffer *buffer,
             const char    *text,
             const char    *tag,
             gboolean       rtl)
{
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag,
                                            rtl ? "rtl" : "ltr", NULL);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, "\n", 1);
}

static void
load_guide (RasdHelpWindow *self)
{
  g_autofree char *path = g_strdup_printf ("/io/github/rasd/Rasd/help/%s.md", self->language);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gboolean rtl = g_str_equal (self->language, "ar");
  g_auto(GStrv) lines = NULL;

  gtk_text_buffer_set_text (buffer, "", 0);
  gtk_widget_set_direction (GTK_WIDGET (self->text_view), rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  if (bytes == NULL)
    {
      g_warning ("The user guide %s is missing from the resources: %s", path, error->message);
      return;
    }

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (*line == '\0')
        continue;
      if (g_str_has_prefix (line, "## "))
        insert_line (buffer, line + 3, "heading", rtl);
      else if (g_str_has_prefix (line, "# "))
        insert_line (buffer, line + 2, "title", rtl);
      else if (g_str_has_prefix (line, "- "))
        {
          g_autofree char *item = g_strconcat ("•\u2002", line + 2, NULL);
          insert_line (buffer, item, "item", rtl);
        }
      else
        insert_line (buffer, line, "paragraph", rtl);
    }
}

void
rasd_help_window_set_language (RasdHelpWindow *self,
                               const char     *language)
{
  g_return_if_fail (RASD_IS_HELP_WINDOW (self));
  g_return_if_fail (g_strcmp0 (language, "ar") == 0 || g_strcmp0 (language, "en") == 0);

  if (g_strcmp0 (self->language, language) == 0)
    return;
  g_free (self->language);
  self->language = g_strdup (language);
  gtk_toggle_button_set_active (g_str_equal (language, "ar") ? self->arabic_button
                                                             : self->english_button, TRUE);
  load_guide (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
rasd_help_window_get_language (RasdHelpWindow *self)
{
  g_return_val_if_fail (RASD_IS_HELP_WINDOW (self), NULL);
  return self->language;
}

GtkTextBuffer *
rasd_help_window_get_buffer (RasdHelpWindow *self)
{
  g_return_val_if_fail (RASD_IS_HELP_WINDOW (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

static void
on_language_toggled (GtkToggleButton *button,
                     RasdHelpWindow  *self)
{
  if (gtk_toggle_button_get_active (button))
    rasd_help_window_set_language (self, button == self->arabic_button ? "ar" : "en");
}

static void
create_tags (RasdHelpWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_create_tag (buffer, "title", "scale", 1.7, "weight", PANGO_WEIGHT_BOLD,
                              "pixels-below-lines", 12, NULL);
  gtk_text_buffer_create_tag (buffer, "heading", "scale", 1.3, "weight", PANGO_WEIGHT_BOLD,
                              "pixels-above-lines", 18, "pixels-below-lines", 6, NULL);
  gtk_text_buffer_create_tag (buffer, "paragraph", "pixels-below-lines", 8, NULL);
  /* The item's bullet hangs in the margin on the side the text starts from. */
  gtk_text_buffer_create_tag (buffer, "item", "pixels-below-lines", 6, "indent", -16, NULL);
  gtk_text_buffer_create_tag (buffer, "rtl", "direction", GTK_TEXT_DIR_RTL, NULL);
  gtk_text_buffer_create_tag (buffer, "ltr", "direction", GTK_TEXT_DIR_LTR, NULL);
}

static void
rasd_help_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_LANGUAGE:
      rasd_help_window_set_language (RASD_HELP_WINDOW (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_help_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, RASD_HELP_WINDOW (object)->language);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_help_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RASD_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (rasd_help_window_parent_class)->dispose (object);
}

static void
rasd_help_window_finalize (GObject *object)
{
  g_free (RASD_HELP_WINDOW (object)->language);

  G_OBJECT_CLASS (rasd_help_window_parent_class)->finalize (object);
}

static void
rasd_help_window_class_init (RasdHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Registered by hand (a static library drops the resource's constructor); once, whoever comes
   * first: the window, the application or this. */
  if (!g_resources_get_info ("/io/github/rasd/Rasd/rasd-help-window.ui", 0, NULL, NULL, NULL))
    rasd_register_resource ();

  object_class->set_property = rasd_help_window_set_property;
  object_class->get_property = rasd_help_window_get_property;
  object_class->dispose = rasd_help_window_dispose;
  object_class->finalize = rasd_help_window_finalize;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rasd/Rasd/rasd-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdHelpWindow, text_view);
  gtk_widget_class_bind_template_child (widget_class, RasdHelpWindow, arabic_button);
  gtk_widget_class_bind_template_child (widget_class, RasdHelpWindow, english_button);
  gtk_widget_class_bind_template_callback (widget_class, on_language_toggled);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rasd_help_window_init (RasdHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  create_tags (self);
  rasd_help_window_set_language (self, rasd_help_default_language ());
}

RasdHelpWindow *
rasd_help_window_new (void)
{
  return g_object_new (RASD_TYPE_HELP_WINDOW, NULL);
}
