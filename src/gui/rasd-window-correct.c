#define G_LOG_DOMAIN "rasd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rasd-event-editor.h"
#include "rasd-window-private.h"

/* RasdWindow: the user's corrections.  Edit the selected event (a dialog), reject it (Delete,
 * with an Undo toast), merge the selected events (Ctrl+M), mark it reviewed, the "Needs Review"
 * queue (unreviewed events, the least sure first), a name's menu in the reader (not a person,
 * the same as another, rename), Ctrl+Z and Ctrl+Shift+Z.  Every decision goes through the
 * window's RasdCorrector, whose "changed" reloads the list, map, timeline and facets. */

static void
show_toast (RasdWindow *self,
            const char *title,
            gboolean    undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_failure (RasdWindow   *self,
              const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct
{
  RasdWindow *window;
  char       *done;  /* the toast's words */
} Pending;

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(GError) error = NULL;

  if (rasd_corrector_apply_finish (RASD_CORRECTOR (source), result, &error) == 0)
    show_failure (pending->window, error);
  else if (pending->done != NULL)
    show_toast (pending->window, pending->done, TRUE);
  g_object_unref (pending->window);
  g_free (pending->done);
  g_free (pending);
}

/* Applies @request on the corrector's thread; @done (NULL: none) is the Undo toast's text. */
static void
apply (RasdWindow                  *self,
       const RasdCorrectionRequest *request,
       const char                  *done)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->window = g_object_ref (self);
  pending->done = g_strdup (done);
  rasd_corrector_apply_async (self->corrector, request, NULL, applied_cb, pending);
}

static gint64
selected_id (RasdWindow *self)
{
  return self->selected_event != NULL ? rasd_event_item_get_id (self->selected_event) : 0;
}

static GArray *
selected_ids (RasdWindow *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->selection == NULL)
    return ids;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      gint64 id = item != NULL ? rasd_event_item_get_id (item) : 0;

      if (id > 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

void
rasd_window_update_correct (RasdWindow *self)
{
  gboolean writable = self->store != NULL && !rasd_window_is_read_only (self);
  g_autoptr(GArray) ids = selected_ids (self);
  const RasdStoredEvent *event = self->selected_event != NULL
                                 ? rasd_event_item_get_event (self->selected_event) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-event", writable && ids->len == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reject-event", writable && ids->len >= 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-events", writable && ids->len >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-reviewed", writable && ids->len == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && self->corrector != NULL && rasd_corrector_can_undo (self->corrector));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && self->corrector != NULL && rasd_corrector_can_redo (self->corrector));
  if (self->reviewed_check == NULL)
    return;
  self->syncing_reviewed = TRUE;
  gtk_check_button_set_active (self->reviewed_check, event != NULL && event->reviewed);
  self->syncing_reviewed = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->reviewed_check), writable && ids->len == 1);
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  RasdWindow *self = RASD_WINDOW (widget);
  RasdEventEditor *editor;

  if (selected_id (self) == 0)
    return;
  editor = rasd_event_editor_new (GTK_WINDOW (self), self->store, self->corrector, selected_id (self));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
reject_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RasdWindow *self = RASD_WINDOW (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  for (guint i = 0; i < ids->len; i++)
    apply (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_REJECT, g_array_index (ids, gint64, i) },
           i + 1 == ids->len ? g_dngettext (GETTEXT_PACKAGE, "Event rejected", "Events rejected", ids->len)
                             : NULL);
}

static void
merge_events_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RasdWindow *self = RASD_WINDOW (widget);
  g_autoptr(GArray) ids = selected_ids (self);

  /* into the first listed, one decision for each other */
  for (guint i = 1; i < ids->len; i++)
    apply (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_MERGE, g_array_index (ids, gint64, 0),
                                            g_array_index (ids, gint64, i) },
           i + 1 == ids->len ? _("Events merged") : NULL);
}

static void
toggle_reviewed_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RasdWindow *self = RASD_WINDOW (widget);
  const RasdStoredEvent *event = self->selected_event != NULL
                                 ? rasd_event_item_get_event (self->selected_event) : NULL;

  if (event != NULL)
    apply (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_REVIEWED, event->id,
                                            .reviewed = !event->reviewed }, NULL);
}

static void
on_reviewed_toggled (RasdWindow *self)
{
  const RasdStoredEvent *event = self->selected_event != NULL
                                 ? rasd_event_item_get_event (self->selected_event) : NULL;

  if (self->syncing_reviewed || event == NULL ||
      event->reviewed == gtk_check_button_get_active (self->reviewed_check))
    return;
  apply (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_REVIEWED, event->id,
                                          .reviewed = gtk_check_button_get_active (self->reviewed_check) },
         NULL);
}

/* The review queue: unreviewed events by the Confidence column, ascending. */
static void
on_review_toggled (RasdWindow *self)
{
  gboolean on = gtk_toggle_button_get_active (self->review_button);
  g_autoptr(GListModel) columns = NULL;
  g_autoptr(GtkColumnViewColumn) confidence = NULL;

  /* on from the button or from the filter (a chip removed it, a test set it) */
  rasd_filter_freeze (self->filter);
  rasd_filter_set_unreviewed (self->filter, on);
  if (on)
    {
      columns = g_object_ref (gtk_column_view_get_columns (self->event_view));
      confidence = g_list_model_get_item (columns, g_list_model_get_n_items (columns) - 1);
      gtk_column_view_sort_by_column (self->event_view, confidence, GTK_SORT_ASCENDING);
    }
  rasd_filter_thaw (self->filter);
}

static void
on_filter_changed_for_review (RasdWindow *self)
{
  if (gtk_toggle_button_get_active (self->review_button) != rasd_filter_get_unreviewed (self->filter))
    gtk_toggle_button_set_active (self->review_button, rasd_filter_get_unreviewed (self->filter));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RasdWindow *self = RASD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (!(undo ? rasd_corrector_undo (self->corrector, &error) : rasd_corrector_redo (self->corrector, &error)))
    show_failure (self, error);
}

/* What the corrector did reaches every view: the list, map, timeline and facets reload, the
 * reader shows the event again. */
static void
on_corrected (RasdWindow *self)
{
  rasd_window_update_correct (self);
  rasd_window_reload (self);
}

/* A name in the reader ---------------------------------------------------------------------- */

typedef struct
{
  RasdWindow     *window;
  RasdEntityKind  kind;
  char           *key;
  GtkEntry       *entry;
  GtkListBox     *results;
  char           *chosen_key;
  char           *chosen_name;
} NameDialog;

static void
name_dialog_free (NameDialog *dialog)
{
  g_object_unref (dialog->window);
  g_free (dialog->key);
  g_free (dialog->chosen_key);
  g_free (dialog->chosen_name);
  g_free (dialog);
}

static void
on_alias_search (GtkEditable *entry,
                 NameDialog  *dialog)
{
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (dialog->results))) != NULL)
    gtk_list_box_remove (dialog->results, child);
  if (g_utf8_strlen (gtk_editable_get_text (entry), -1) < 2 ||
      (found = rasd_store_list_entities (dialog->window->store, rasd_entity_kind_to_string (dialog->kind),
                                         gtk_editable_get_text (entry), NULL)) == NULL)
    return;
  for (guint i = 0; i < found->len && shown < 6; i++)
    {
      RasdStoredEntity *entity = g_ptr_array_index (found, i);
      GtkWidget *row;

      if (g_str_equal (entity->key, dialog->key) || entity->rejected || entity->alias_key != NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entity->name);
      if (entity->name_en != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entity->name_en);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "rasd-key", g_strdup (entity->key), g_free);
      g_object_set_data_full (G_OBJECT (row), "rasd-name", g_strdup (entity->name), g_free);
      gtk_list_box_append (dialog->results, row);
      shown++;
    }
}

static void
on_alias_chosen (GtkListBox    *list,
                 GtkListBoxRow *row,
                 NameDialog    *dialog)
{
  g_free (dialog->chosen_key);
  g_free (dialog->chosen_name);
  dialog->chosen_key = g_strdup (g_object_get_data (G_OBJECT (row), "rasd-key"));
  dialog->chosen_name = g_strdup (g_object_get_data (G_OBJECT (row), "rasd-name"));
  gtk_editable_set_text (GTK_EDITABLE (dialog->entry), dialog->chosen_name);
}

static void
on_name_dialog_response (AdwMessageDialog *message,
                         const char       *response,
                         NameDialog       *dialog)
{
  RasdCorrectionRequest request = { 0 };
  RasdEntity target = { dialog->kind };
  const char *text = gtk_editable_get_text (GTK_EDITABLE (dialog->entry));

  if (!g_str_equal (response, "apply"))
    return;
  request.entity_kind = dialog->kind;
  request.entity_key = dialog->key;
  if (dialog->results == NULL)
    {
      if (*g_strstrip ((char *) text) == '\0')
        return;
      request.kind = RASD_CORRECTION_ENTITY_RENAME;
      request.text = text;
      apply (dialog->window, &request, _("Name changed"));
      return;
    }
  if (dialog->chosen_key == NULL)
    return;
  target.key = dialog->chosen_key;
  target.name = dialog->chosen_name;
  request.kind = RASD_CORRECTION_ENTITY_ALIAS;
  request.entity = &target;
  apply (dialog->window, &request, _("Names merged"));
}

static void
ask_name (RasdWindow     *self,
          RasdEntityKind  kind,
          const char     *key,
          const char     *name,
          gboolean        alias)
{
  NameDialog *dialog = g_new0 (NameDialog, 1);
  g_autofree char *heading = g_strdup_printf (alias ? _("“%s” Is the Same As…") : _("Rename “%s”"), name);
  AdwMessageDialog *message = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  dialog->window = g_object_ref (self);
  dialog->kind = kind;
  dialog->key = g_strdup (key);
  dialog->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->entry));
  if (alias)
    {
      adw_message_dialog_set_body (message, kind == RASD_ENTITY_PERSON ? _("Search the people for the right name.")
                                                                      : _("Search the places for the right name."));
      dialog->results = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_widget_add_css_class (GTK_WIDGET (dialog->results), "boxed-list");
      gtk_list_box_set_selection_mode (dialog->results, GTK_SELECTION_NONE);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (dialog->results));
      g_signal_connect (dialog->entry, "changed", G_CALLBACK (on_alias_search), dialog);
      g_signal_connect (dialog->results, "row-activated", G_CALLBACK (on_alias_chosen), dialog);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (dialog->entry), name);
  adw_message_dialog_set_extra_child (message, box);
  adw_message_dialog_add_responses (message, "cancel", _("_Cancel"), "apply",
                                    alias ? _("_Same As") : _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (message, "apply", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message, "apply");
  g_signal_connect_data (message, "response", G_CALLBACK (on_name_dialog_response), dialog,
                         (GClosureNotify) (void (*) (void)) name_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (message));
}

void
rasd_window_on_entity_action (RasdWindow *self,
                              const char *action,
                              const char *kind,
                              const char *key,
                              const char *name)
{
  RasdEntityKind entity_kind = g_str_equal (kind, "place") ? RASD_ENTITY_PLACE : RASD_ENTITY_PERSON;

  if (self->corrector == NULL || rasd_window_is_read_only (self))
    return;
  if (g_str_equal (action, "reject"))
    apply (self, &(RasdCorrectionRequest) { RASD_CORRECTION_ENTITY_REJECT, .entity_kind = entity_kind,
                                            .entity_key = key },
           entity_kind == RASD_ENTITY_PERSON ? _("No longer a person") : _("No longer a place"));
  else
    ask_name (self, entity_kind, key, name, g_str_equal (action, "alias"));
}

void
rasd_window_setup_correct (RasdWindow *self)
{
  GtkEventController *keys = GTK_EVENT_CONTROLLER (gtk_shortcut_controller_new ());

  self->corrector = rasd_corrector_new (self->store);
  g_signal_connect_swapped (self->corrector, "changed", G_CALLBACK (on_corrected), self);
  g_signal_connect_swapped (self->filter, "changed", G_CALLBACK (on_filter_changed_for_review), self);
  /* Delete in the list only: in a text field it deletes text */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_named_action_new ("win.reject-event")));
  gtk_widget_add_controller (GTK_WIDGET (self->event_view), keys);
  rasd_window_update_correct (self);
}

void
rasd_window_class_init_correct (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, review_button);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, reviewed_check);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, correct_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_review_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_reviewed_toggled);
  gtk_widget_class_bind_template_callback (widget_class, rasd_window_on_entity_action);
  gtk_widget_class_install_action (widget_class, "win.edit-event", NULL, edit_event_action);
  gtk_widget_class_install_action (widget_class, "win.reject-event", NULL, reject_event_action);
  gtk_widget_class_install_action (widget_class, "win.merge-events", NULL, merge_events_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-reviewed", NULL, toggle_reviewed_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-event", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.merge-events", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

RasdCorrector *
rasd_window_get_corrector (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return self->corrector;
}
