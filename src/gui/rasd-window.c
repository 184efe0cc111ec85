#define G_LOG_DOMAIN "rasd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rasd-importer.h"
#include "rasd-resources.h"
#include "rasd-window.h"

struct _RasdWindow
{
  AdwApplicationWindow parent_instance;

  RasdStore          *store;
  GListStore         *articles;
  GtkSingleSelection *selection;
  GCancellable       *import_cancellable;
  RasdImporter       *importer;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkRevealer        *progress_revealer;
  GtkProgressBar     *progress_bar;
  GtkStack           *stack;
  GtkListView        *article_list;
  GtkLabel           *reader_title;
  GtkLabel           *reader_meta;
  GtkTextView        *reader_view;
  AdwStatusPage      *error_page;
};

G_DEFINE_FINAL_TYPE (RasdWindow, rasd_window, ADW_TYPE_APPLICATION_WINDOW)

/* "source · date", used by the article rows' template. */
char *
rasd_window_format_article_meta (gpointer    unused,
                                 const char *source,
                                 const char *date)
{
  if (source != NULL && date != NULL)
    return g_strdup_printf ("%s · %s", source, date);
  if (source != NULL)
    return g_strdup (source);
  if (date != NULL)
    return g_strdup (date);
  return g_strdup (_("No source or date"));
}

static void
update_title (RasdWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  g_autofree char *subtitle = NULL;

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n), n);
  adw_window_title_set_subtitle (self->window_title, n > 0 ? subtitle : "");
}

static void
show_article (RasdWindow  *self,
              RasdArticle *summary)
{
  g_autoptr(RasdArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reader_view);
  const char *fields[3];

  if (summary == NULL || self->store == NULL)
    {
      gtk_label_set_text (self->reader_title, "");
      gtk_label_set_text (self->reader_meta, "");
      gtk_text_buffer_set_text (buffer, "", 0);
      return;
    }

  article = rasd_store_get_article (self->store, rasd_article_get_id (summary), &error);
  if (article == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  gtk_label_set_text (self->reader_title, rasd_article_get_title (article));
  fields[0] = rasd_article_get_source (article);
  fields[1] = rasd_article_get_date (article);
  fields[2] = rasd_article_get_url (article);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i] == NULL)
        continue;
      if (meta->len > 0)
        g_string_append (meta, "  ·  ");
      /* Isolated, so a Latin source or URL keeps its order beside Arabic text. */
      g_string_append_printf (meta, "\u2068%s\u2069", fields[i]);
    }
  gtk_label_set_text (self->reader_meta, meta->str);
  gtk_text_buffer_set_text (buffer, rasd_article_get_text (article), -1);
}

static void
on_selection_changed (RasdWindow *self)
{
  show_article (self, gtk_single_selection_get_selected_item (self->selection));
}

void
rasd_window_reload (RasdWindow *self)
{
  g_autoptr(GListModel) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_if_fail (RASD_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  articles = rasd_store_list_articles (self->store, &error);
  if (articles == NULL)
    {
      rasd_window_show_error (self, _("The articles could not be read"), error->message);
      return;
    }
  n = g_list_model_get_n_items (articles);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (articles, i));
  g_list_store_splice (self->articles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->articles)),
                       items->pdata, items->len);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "articles" : "welcome");
  update_title (self);
  on_selection_changed (self);
}

void
rasd_window_show_error (RasdWindow *self,
                        const char *title,
                        const char *message)
{
  g_return_if_fail (RASD_IS_WINDOW (self));

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", self->store != NULL);
}

/* Import ------------------------------------------------------------------------------------ */

static void
on_import_progress (RasdImporter *importer,
                    guint         n_done,
                    guint         n_total,
                    RasdWindow   *self)
{
  g_autofree char *text = g_strdup_printf (_("Importing file %u of %u…"), n_done, n_total);

  gtk_progress_bar_set_fraction (self->progress_bar, n_total > 0 ? (double) n_done / n_total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
show_import_details (AdwToast   *toast,
                     RasdWindow *self)
{
  RasdImportReport *report = rasd_importer_get_report (self->importer);
  g_autoptr(GString) details = g_string_new (NULL);
  AdwMessageDialog *dialog;

  for (guint i = 0; i < report->failures->len; i++)
    g_string_append_printf (details, "%s\n", (const char *) g_ptr_array_index (report->failures, i));
  for (guint i = 0; i < report->warnings->len; i++)
    g_string_append_printf (details, "%s\n", (const char *) g_ptr_array_index (report->warnings, i));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Import Problems"),
                                                       details->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RasdWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  RasdImportReport *report;
  g_autofree char *summary = NULL;
  AdwToast *toast;

  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  g_clear_object (&self->import_cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);

  if (!rasd_importer_run_finish (RASD_IMPORTER (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      rasd_window_reload (self);
      return;
    }

  report = rasd_importer_get_report (RASD_IMPORTER (source));
  if (report->n_failed > 0)
    summary = g_strdup_printf (_("Imported %u, %u already stored, %u failed"),
                               report->n_imported, report->n_duplicates, report->n_failed);
  else
    summary = g_strdup_printf (_("Imported %u, %u already stored"),
                               report->n_imported, report->n_duplicates);
  toast = adw_toast_new (summary);
  if (report->n_failed > 0 || report->warnings->len > 0)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      g_signal_connect (toast, "button-clicked", G_CALLBACK (show_import_details), self);
      adw_toast_set_timeout (toast, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  rasd_window_reload (self);
}

void
rasd_window_import (RasdWindow         *self,
                    const char * const *paths)
{
  g_return_if_fail (RASD_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->store == NULL || paths[0] == NULL)
    return;
  if (self->import_cancellable != NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("An import is already running")));
      return;
    }

  if (self->importer == NULL)
    {
      self->importer = rasd_importer_new (self->store);
      g_signal_connect (self->importer, "progress", G_CALLBACK (on_import_progress), self);
    }
  self->import_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Looking for articles…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  rasd_importer_run_async (self->importer, paths, self->import_cancellable, import_done_cb,
                           g_object_ref (self));
}

gboolean
rasd_window_is_importing (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), FALSE);
  return self->import_cancellable != NULL;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     RasdWindow      *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);
          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
      g_ptr_array_add (paths, NULL);
      rasd_window_import (self, (const char * const *) paths->pdata);
    }
  g_object_unref (chooser);
}

static void
open_chooser (RasdWindow           *self,
              GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (action == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                         ? _("Import a Folder of Articles") : _("Import Articles"),
                                         GTK_WINDOW (self), action, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (action == GTK_FILE_CHOOSER_ACTION_OPEN)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Articles (text, web pages, news-please JSON)"));
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "html");
      gtk_file_filter_add_suffix (filter, "htm");
      gtk_file_filter_add_suffix (filter, "json");
      gtk_file_filter_add_suffix (filter, "jsonl");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_chooser (RASD_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_chooser (RASD_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RasdWindow *self = RASD_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         RasdWindow    *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);
      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return FALSE;
  g_ptr_array_add (paths, NULL);
  rasd_window_import (self, (const char * const *) paths->pdata);
  return TRUE;
}

/* Object ------------------------------------------------------------------------------------ */

static void
rasd_window_dispose (GObject *object)
{
  RasdWindow *self = RASD_WINDOW (object);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), RASD_TYPE_WINDOW);

  G_OBJECT_CLASS (rasd_window_parent_class)->dispose (object);
}

static void
rasd_window_finalize (GObject *object)
{
  RasdWindow *self = RASD_WINDOW (object);

  g_clear_object (&self->importer);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->articles);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rasd_window_parent_class)->finalize (object);
}

static void
rasd_window_class_init (RasdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rasd_window_dispose;
  object_class->finalize = rasd_window_finalize;

  /* Registered by hand: a static library drops an unreferenced resource's constructor. */
  rasd_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rasd/Rasd/rasd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, article_list);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, reader_title);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, reader_meta);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, reader_view);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, error_page);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-folder", NULL);
}

static void
load_css_once (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/rasd/Rasd/style.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
rasd_window_init (RasdWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  GtkDropTarget *drop;

  load_css_once ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->articles = g_list_store_new (RASD_TYPE_ARTICLE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->articles)));
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selection_changed), self);

  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope),
                                          "rasd_window_format_article_meta",
                                          G_CALLBACK (rasd_window_format_article_meta));
  factory = gtk_builder_list_item_factory_new_from_resource (scope,
                                                             "/io/github/rasd/Rasd/rasd-article-row.ui");
  gtk_list_view_set_factory (self->article_list, factory);
  gtk_list_view_set_model (self->article_list, GTK_SELECTION_MODEL (self->selection));

  /* The article text and its title are Arabic whatever the interface language. */
  gtk_widget_set_direction (GTK_WIDGET (self->reader_view), GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (GTK_WIDGET (self->reader_title), GTK_TEXT_DIR_RTL);
  gtk_widget_add_css_class (GTK_WIDGET (self->reader_title), "article-title");

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

RasdWindow *
rasd_window_new (RasdApplication *application,
                 RasdStore       *store)
{
  RasdWindow *self;

  g_return_val_if_fail (application == NULL || RASD_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || RASD_IS_STORE (store), NULL);

  self = g_object_new (RASD_TYPE_WINDOW, "application", application, NULL);
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      adw_window_title_set_title (self->window_title, _("Rasd"));
      rasd_window_reload (self);
    }
  else
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  return self;
}

GListModel *
rasd_window_get_articles (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->articles);
}

void
rasd_window_select_article (RasdWindow *self,
                            guint       position)
{
  g_return_if_fail (RASD_IS_WINDOW (self));
  gtk_single_selection_set_selected (self->selection, position);
}

GtkTextBuffer *
rasd_window_get_reader_buffer (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return gtk_text_view_get_buffer (self->reader_view);
}

const char *
rasd_window_get_visible_page (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
