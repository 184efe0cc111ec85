#define G_LOG_DOMAIN "rasd-export-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rasd-export-dialog.h"
#include "rasd-resources.h"

struct _RasdExportDialog
{
  AdwWindow         parent_instance;

  RasdStore        *store;
  RasdFilter       *filter;
  GArray           *selected_ids;
  GFile            *destination;
  RasdExportWhat    what;
  RasdExportFormat  formats[6];   /* those the format row offers, in its order */
  guint             n_formats;
  gboolean          busy;
  gboolean          updating;

  /* Template widgets */
  AdwToastOverlay  *toast_overlay;
  AdwPreferencesGroup *group;
  AdwComboRow      *what_row;
  GtkStringList    *what_list;
  AdwComboRow      *format_row;
  GtkStringList    *format_list;
  AdwActionRow     *destination_row;
  GtkSpinner       *spinner;
};

G_DEFINE_FINAL_TYPE (RasdExportDialog, rasd_export_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_EXPORTED,
  SIGNAL_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_events (RasdExportWhat what)
{
  return what == RASD_EXPORT_WHAT_EVENTS;
}

static void
update_sensitivity (RasdExportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", !self->busy && self->destination != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->what_row), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);
}

/* The destination keeps its name with the format's extension. */
static void
fit_destination_extension (RasdExportDialog *self)
{
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  char *dot;

  if (self->destination == NULL)
    return;
  base = g_file_get_basename (self->destination);
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  name = g_strdup_printf ("%s.%s", base,
                          rasd_export_format_get_extension (rasd_export_dialog_get_format (self)));
  parent = g_file_get_parent (self->destination);
  if (parent != NULL)
    {
      g_autoptr(GFile) file = g_file_get_child (parent, name);
      rasd_export_dialog_set_destination (self, file);
    }
}

static void
fill_formats (RasdExportDialog *self)
{
  RasdExportFormat current = rasd_export_dialog_get_format (self);
  guint keep = 0;

  self->updating = TRUE;
  gtk_string_list_splice (self->format_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->format_list)), NULL);
  self->n_formats = 0;
  for (RasdExportFormat f = RASD_EXPORT_MARKDOWN; f <= RASD_EXPORT_GEOJSON; f++)
    if (is_events (self->what) ? rasd_export_format_for_events (f) : rasd_export_format_for_excerpts (f))
      {
        if (f == current)
          keep = self->n_formats;
        self->formats[self->n_formats++] = f;
        gtk_string_list_append (self->format_list, rasd_export_format_get_label (f));
      }
  adw_combo_row_set_selected (self->format_row, keep);
  self->updating = FALSE;
  fit_destination_extension (self);
}

static void
update_description (RasdExportDialog *self)
{
  g_autofree char *text = NULL;

  if (self->what == RASD_EXPORT_WHAT_EVENTS)
    text = g_strdup (self->filter != NULL && !rasd_filter_is_empty (self->filter)
                     ? _("The events the current filter shows, with their people, place, date and sources.")
                     : _("All the events, with their people, place, date and sources."));
  else
    text = g_strdup (_("Each excerpt cites its article’s title, source, date and address, and the event it came from."));
  adw_preferences_group_set_description (self->group, text);
}

void
rasd_export_dialog_set_what (RasdExportDialog *self,
                             RasdExportWhat    what)
{
  g_return_if_fail (RASD_IS_EXPORT_DIALOG (self));

  if (what == RASD_EXPORT_WHAT_SELECTED_EXCERPTS &&
      (self->selected_ids == NULL || self->selected_ids->len == 0))
    what = RASD_EXPORT_WHAT_ALL_EXCERPTS;
  self->what = what;
  if (adw_combo_row_get_selected (self->what_row) != (guint) what)
    adw_combo_row_set_selected (self->what_row, what);
  fill_formats (self);
  update_description (self);
}

RasdExportWhat
rasd_export_dialog_get_what (RasdExportDialog *self)
{
  g_return_val_if_fail (RASD_IS_EXPORT_DIALOG (self), RASD_EXPORT_WHAT_ALL_EXCERPTS);
  return self->what;
}

gboolean
rasd_export_dialog_set_format (RasdExportDialog *self,
                               RasdExportFormat  format)
{
  g_return_val_if_fail (RASD_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->n_formats; i++)
    if (self->formats[i] == format)
      {
        adw_combo_row_set_selected (self->format_row, i);
        return TRUE;
      }
  return FALSE;
}

RasdExportFormat
rasd_export_dialog_get_format (RasdExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (RASD_IS_EXPORT_DIALOG (self), RASD_EXPORT_PDF);

  selected = adw_combo_row_get_selected (self->format_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->n_formats)
    return is_events (self->what) ? RASD_EXPORT_CSV : RASD_EXPORT_PDF;
  return self->formats[selected];
}

void
rasd_export_dialog_set_destination (RasdExportDialog *self,
                                    GFile            *file)
{
  g_return_if_fail (RASD_IS_EXPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->destination, file))
    return;
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      adw_action_row_set_subtitle (self->destination_row, name);
    }
  else
    adw_action_row_set_subtitle (self->destination_row, _("No file chosen"));
  update_sensitivity (self);
}

GFile *
rasd_export_dialog_get_destination (RasdExportDialog *self)
{
  g_return_val_if_fail (RASD_IS_EXPORT_DIALOG (self), NULL);
  return self->destination;
}

gboolean
rasd_export_dialog_is_busy (RasdExportDialog *self)
{
  g_return_val_if_fail (RASD_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}

/* Export ------------------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray        *items;
  gboolean          events;
  RasdExportFormat  format;
  GFile            *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok = job->events ? rasd_export_events (job->items, job->format, job->file, &error)
                            : rasd_export_excerpts (job->items, job->format, job->file, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
fail (RasdExportDialog *self,
      const GError     *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  g_signal_emit (self, signals[SIGNAL_FAILED], 0, error);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RasdExportDialog *self = RASD_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  update_sensitivity (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      fail (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, job->file);
  gtk_window_close (GTK_WINDOW (self));
}

/* The excerpts in basket order, only the selected ones when asked. */
static GPtrArray *
collect_excerpts (RasdExportDialog  *self,
                  GError           **error)
{
  g_autoptr(GPtrArray) all = rasd_store_list_excerpts (self->store, error);
  GPtrArray *chosen;

  if (all == NULL || self->what != RASD_EXPORT_WHAT_SELECTED_EXCERPTS)
    return g_steal_pointer (&all);
  chosen = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    for (guint j = 0; j < self->selected_ids->len; j++)
      if (rasd_excerpt_get_id (g_ptr_array_index (all, i)) == g_array_index (self->selected_ids, gint64, j))
        {
          g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (all, i)));
          break;
        }
  return chosen;
}

void
rasd_export_dialog_export (RasdExportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (RASD_IS_EXPORT_DIALOG (self));

  if (self->busy || self->destination == NULL || self->store == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->events = is_events (self->what);
  job->format = rasd_export_dialog_get_format (self);
  job->file = g_object_ref (self->destination);
  /* The query runs here (one SQLite connection per thread); the slow part, making the file and
   * writing it, on a worker thread. */
  if (job->events)
    {
      RasdEventFilter filter = { NULL };

      if (self->filter != NULL)
        rasd_filter_to_event_filter (self->filter, &filter);
      job->items = rasd_store_list_events (self->store, &filter, &error);
    }
  else
    job->items = collect_excerpts (self, &error);
  if (job->items == NULL)
    {
      export_job_free (job);
      fail (self, error);
      return;
    }

  self->busy = TRUE;
  update_sensitivity (self);
  task = g_task_new (self, NULL, export_done, NULL);
  g_task_set_source_tag (task, rasd_export_dialog_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

/* Actions ------------------------------------------------------------------------------------ */

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rasd_export_dialog_export (RASD_EXPORT_DIALOG (widget));
}

static void
chooser_response (GtkNativeDialog  *chooser,
                  int               response,
                  RasdExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      rasd_export_dialog_set_destination (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RasdExportDialog *self = RASD_EXPORT_DIALOG (widget);
  RasdExportFormat format = rasd_export_dialog_get_format (self);
  const char *extension = rasd_export_format_get_extension (format);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *pattern = g_strdup_printf ("*.%s", extension);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export To"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, rasd_export_format_get_label (format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (self->destination != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->destination, NULL);
  else
    {
      /* Translators: the default file name of an export, without its extension */
      name = g_strdup_printf ("%s.%s", is_events (self->what) ? _("events") : _("excerpts"), extension);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
what_selected (RasdExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->what_row);

  if (selected != GTK_INVALID_LIST_POSITION && selected != (guint) self->what)
    rasd_export_dialog_set_what (self, selected);
}

static void
format_selected (RasdExportDialog *self)
{
  if (!self->updating)
    fit_destination_extension (self);
}

/* The toast --------------------------------------------------------------------------------- */

static void
open_exported (AdwToast *toast,
               GFile    *file)
{
  GtkWindow *parent = g_object_get_data (G_OBJECT (toast), "rasd-parent");
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

AdwToast *
rasd_export_toast_new (GtkWindow *parent,
                       GFile     *file)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_basename (file);
  title = g_strdup_printf (_("Exported to %s"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "rasd-parent", parent);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_exported), g_object_ref (file),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return toast;
}

/* The combo rows' items ------------------------------------------------------------------- */

/* AdwComboRow's own factory caps its labels at 20 characters ("Events under the current f…"):
 * this one gives them their whole width, with the check mark in the popup. */
static void
setup_choice (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
update_check (AdwComboRow *row,
              GParamSpec  *pspec,
              GtkListItem *list_item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (list_item));
}

static void
bind_choice (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  gboolean in_popup = gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL;

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), gtk_string_object_get_string (item));
  gtk_widget_set_visible (gtk_widget_get_last_child (box), in_popup);
  if (in_popup)
    {
      g_signal_connect (row, "notify::selected-item", G_CALLBACK (update_check), list_item);
      update_check (row, NULL, list_item);
    }
}

static void
unbind_choice (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, update_check, list_item);
}

static void
set_choice_factory (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice), row);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_choice), row);
  adw_combo_row_set_factory (row, factory);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
rasd_export_dialog_dispose (GObject *object)
{
  RasdExportDialog *self = RASD_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RASD_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->filter);
  g_clear_object (&self->destination);
  g_clear_pointer (&self->selected_ids, g_array_unref);

  G_OBJECT_CLASS (rasd_export_dialog_parent_class)->dispose (object);
}

static void
rasd_export_dialog_class_init (RasdExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static gsize registered = 0;

  object_class->dispose = rasd_export_dialog_dispose;

  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);
  signals[SIGNAL_FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  if (g_once_init_enter (&registered))
    {
      g_autoptr(GBytes) ui = g_resources_lookup_data ("/io/github/rasd/Rasd/rasd-export-dialog.ui",
                                                       0, NULL);
      if (ui == NULL)
        rasd_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rasd/Rasd/rasd-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RasdExportDialog, group);
  gtk_widget_class_bind_template_child (widget_class, RasdExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, RasdExportDialog, what_list);
  gtk_widget_class_bind_template_child (widget_class, RasdExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, RasdExportDialog, format_list);
  gtk_widget_class_bind_template_child (widget_class, RasdExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, RasdExportDialog, spinner);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
}

static void
rasd_export_dialog_init (RasdExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_choice_factory (self->what_row);
  set_choice_factory (self->format_row);
  gtk_string_list_append (self->what_list, _("All excerpts"));
  gtk_string_list_append (self->what_list, _("Selected excerpts"));
  gtk_string_list_append (self->what_list, _("Events under the current filter"));
  g_signal_connect_swapped (self->what_row, "notify::selected", G_CALLBACK (what_selected), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (format_selected), self);
}

RasdExportDialog *
rasd_export_dialog_new (GtkWindow  *parent,
                        RasdStore  *store,
                        RasdFilter *filter,
                        GArray     *selected_ids)
{
  RasdExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RASD_IS_STORE (store), NULL);
  g_return_val_if_fail (filter == NULL || RASD_IS_FILTER (filter), NULL);

  self = g_object_new (RASD_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->filter = filter != NULL ? g_object_ref (filter) : NULL;
  self->selected_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (selected_ids != NULL)
    g_array_append_vals (self->selected_ids, selected_ids->data, selected_ids->len);
  rasd_export_dialog_set_what (self, self->selected_ids->len > 0 ? RASD_EXPORT_WHAT_SELECTED_EXCERPTS
                                                                 : RASD_EXPORT_WHAT_ALL_EXCERPTS);
  rasd_export_dialog_set_format (self, RASD_EXPORT_PDF);
  update_sensitivity (self);
  return self;
}
