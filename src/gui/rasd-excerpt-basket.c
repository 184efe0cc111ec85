#define G_LOG_DOMAIN "rasd-basket"

#include "config.h"

#include <glib/gi18n.h>

#include "rasd-excerpt-basket.h"
#include "rasd-format.h"
#include "rasd-resources.h"

struct _RasdExcerptBasket
{
  GtkWidget        parent_instance;

  RasdStore       *store;
  GListStore      *excerpts;
  GHashTable      *removed;        /* id → RasdExcerpt, for Undo */
  AdwToastOverlay *toast_overlay;  /* weak */

  GtkTextView     *reader;         /* weak */
  gint64           reader_article;
  gint64           reader_event;
  GSimpleAction   *add_selection;

  /* Template widgets */
  GtkLabel        *count_label;
  GtkStack        *stack;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (RasdExcerptBasket, rasd_excerpt_basket, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum
{
  SIGNAL_EXPORT_REQUESTED,
  SIGNAL_TOAST,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_toast (RasdExcerptBasket *self,
            AdwToast          *toast)
{
  g_autoptr(AdwToast) owned = g_object_ref_sink (toast);

  if (self->toast_overlay != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (owned));
  else
    g_signal_emit (self, signals[SIGNAL_TOAST], 0, owned);
}

static void
show_error (RasdExcerptBasket *self,
            const GError      *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  show_toast (self, toast);
}

static void
update_count (RasdExcerptBasket *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->excerpts));
  g_autofree char *number = rasd_format_count (n);
  /* Translators: %s is a number, written in the locale's digits */
  g_autofree char *text = g_strdup_printf (ngettext ("%s excerpt", "%s excerpts", n), number);

  gtk_label_set_text (self->count_label, n > 0 ? text : "");
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

gboolean
rasd_excerpt_basket_reload (RasdExcerptBasket  *self,
                            GError            **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GArray) selected = NULL;

  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), FALSE);

  if (self->store == NULL)
    list = g_ptr_array_new ();
  else if ((list = rasd_store_list_excerpts (self->store, error)) == NULL)
    return FALSE;

  /* The selection survives a reload. */
  selected = rasd_excerpt_basket_get_selected_ids (self);
  g_list_store_splice (self->excerpts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->excerpts)),
                       list->pdata, list->len);
  for (guint i = 0; i < selected->len; i++)
    rasd_excerpt_basket_select (self, g_array_index (selected, gint64, i), TRUE);
  update_count (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

static void
reload_or_toast (RasdExcerptBasket *self)
{
  g_autoptr(GError) error = NULL;

  if (!rasd_excerpt_basket_reload (self, &error))
    show_error (self, error);
}

static gint
index_of (RasdExcerptBasket *self,
          gint64             id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->excerpts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RasdExcerpt) x = g_list_model_get_item (G_LIST_MODEL (self->excerpts), i);
      if (rasd_excerpt_get_id (x) == id)
        return i;
    }
  return -1;
}

/* Rows ---------------------------------------------------------------------------------------- */

static void
save_note (GtkEditable       *entry,
           RasdExcerptBasket *self)
{
  RasdExcerpt *excerpt = g_object_get_data (G_OBJECT (entry), "rasd-excerpt");
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;

  if (excerpt == NULL || g_strcmp0 (text, rasd_excerpt_get_note (excerpt) ? rasd_excerpt_get_note (excerpt) : "") == 0)
    return;
  if (!rasd_excerpt_basket_set_note (self, rasd_excerpt_get_id (excerpt), text, &error))
    show_error (self, error);
}

static void
note_focus_left (GtkEventControllerFocus *controller,
                 RasdExcerptBasket       *self)
{
  save_note (GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))), self);
}

static gboolean
note_to_text (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  const char *note = g_value_get_string (from);

  g_value_set_string (to, note != NULL ? note : "");
  return TRUE;
}

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              RasdExcerpt   *excerpt)
{
  return gdk_content_provider_new_typed (RASD_TYPE_EXCERPT, excerpt);
}

static void
drag_begin (GtkDragSource *source,
            GdkDrag       *drag,
            GtkWidget     *row)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);
  gtk_drag_source_set_icon (source, icon, 0, 0);
}

static gboolean
drop_on_row (GtkDropTarget     *target,
             const GValue      *value,
             double             x,
             double             y,
             RasdExcerptBasket *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  RasdExcerpt *dropped = g_value_get_object (value);
  g_autoptr(GError) error = NULL;
  gint from, to;

  if (dropped == NULL)
    return FALSE;
  from = index_of (self, rasd_excerpt_get_id (dropped));
  to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  if (from < 0 || to < 0 || from == to)
    return FALSE;
  if (!rasd_excerpt_basket_move (self, from, to, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  return TRUE;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *action,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  return button;
}

static GtkWidget *
rtl_label (const char *text,
           const char *css_class)
{
  /* A right-to-left mark first: the line reads right to left even when it starts with a Latin
   * word (an English event kind, a Latin title). */
  g_autofree char *marked = g_strconcat ("\u200F", text, NULL);
  GtkWidget *label = gtk_label_new (marked);

  /* The article's language reads right to left whatever the UI language. */
  gtk_widget_set_direction (label, GTK_TEXT_DIR_RTL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A database the user may only read: the excerpts are listed and exported, never changed. */
static gboolean
is_read_only (RasdExcerptBasket *self)
{
  return self->store != NULL && rasd_store_is_read_only (self->store);
}

/* A line about the excerpt (its citation, its event), in the interface's direction: its fields
 * are isolated, so each reads in its own direction and they follow one another in the reader's
 * order. */
static GtkWidget *
ui_label (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);
  /* A mark of the interface's direction first: Pango takes a line's direction from its first
   * letter, even inside an isolate. */
  g_autofree char *marked = g_strconcat (gtk_widget_get_direction (label) == GTK_TEXT_DIR_RTL
                                         ? "\u200F" : "\u200E", text, NULL);

  gtk_label_set_text (GTK_LABEL (label), marked);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RasdExcerptBasket *self = user_data;
  RasdExcerpt *excerpt = item;
  gint64 id = rasd_excerpt_get_id (excerpt);
  g_autofree char *citation = rasd_excerpt_dup_citation (excerpt);
  g_autofree char *event = rasd_excerpt_dup_event_line (excerpt);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *text = rtl_label (rasd_excerpt_get_text (excerpt), "excerpt-text");
  GtkWidget *cite = ui_label (citation, "caption");
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *note = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (RASD_TYPE_EXCERPT, GDK_ACTION_MOVE);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_lines (GTK_LABEL (text), 6);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (text, rasd_excerpt_get_text (excerpt));
  gtk_widget_add_css_class (cite, "dim-label");
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), cite);
  if (event != NULL)
    {
      GtkWidget *label = ui_label (event, "caption");
      gtk_widget_add_css_class (label, "accent");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Add a note…"));
  /* The entry follows the note however it changes (typed and saved, or set through the API). */
  g_object_bind_property_full (excerpt, "note", note, "text", G_BINDING_SYNC_CREATE,
                               note_to_text, NULL, NULL, NULL);
  gtk_widget_set_hexpand (note, TRUE);
  gtk_widget_add_css_class (note, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  g_object_set_data_full (G_OBJECT (note), "rasd-excerpt", g_object_ref (excerpt), g_object_unref);
  g_signal_connect (note, "activate", G_CALLBACK (save_note), self);
  g_signal_connect (focus, "leave", G_CALLBACK (note_focus_left), self);
  gtk_widget_add_controller (note, focus);
  gtk_box_append (GTK_BOX (bottom), note);
  gtk_box_append (GTK_BOX (bottom), icon_button ("go-up-symbolic", _("Move Up"), "basket.move-up", id));
  gtk_box_append (GTK_BOX (bottom), icon_button ("go-down-symbolic", _("Move Down"), "basket.move-down", id));
  gtk_box_append (GTK_BOX (bottom), icon_button ("user-trash-symbolic", _("Remove"), "basket.remove", id));
  gtk_box_append (GTK_BOX (box), bottom);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "rasd-excerpt", g_object_ref (excerpt), g_object_unref);

  gtk_editable_set_editable (GTK_EDITABLE (note), !is_read_only (self));
  gtk_drag_source_set_actions (drag, is_read_only (self) ? 0 : GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (drag_prepare), excerpt, 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_on_row), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));
  return row;
}

/* Public API ---------------------------------------------------------------------------------- */

RasdExcerptBasket *
rasd_excerpt_basket_new (RasdStore *store)
{
  return g_object_new (RASD_TYPE_EXCERPT_BASKET, "store", store, NULL);
}

RasdStore *
rasd_excerpt_basket_get_store (RasdExcerptBasket *self)
{
  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), NULL);
  return self->store;
}

void
rasd_excerpt_basket_set_toast_overlay (RasdExcerptBasket *self,
                                       AdwToastOverlay   *overlay)
{
  g_return_if_fail (RASD_IS_EXCERPT_BASKET (self));
  g_return_if_fail (overlay == NULL || ADW_IS_TOAST_OVERLAY (overlay));

  if (self->toast_overlay != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->toast_overlay), (gpointer *) &self->toast_overlay);
  self->toast_overlay = overlay;
  if (overlay != NULL)
    g_object_add_weak_pointer (G_OBJECT (overlay), (gpointer *) &self->toast_overlay);
}

GListModel *
rasd_excerpt_basket_get_model (RasdExcerptBasket *self)
{
  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), NULL);
  return G_LIST_MODEL (self->excerpts);
}

static gboolean
check_store (RasdExcerptBasket  *self,
             GError            **error)
{
  if (self->store != NULL)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No database is open"));
  return FALSE;
}

gint64
rasd_excerpt_basket_add_range (RasdExcerptBasket  *self,
                               gint64              article_id,
                               gint64              start,
                               gint64              end,
                               gint64              event_id,
                               GError            **error)
{
  gint64 id;

  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), 0);

  if (!check_store (self, error))
    return 0;
  id = rasd_store_add_excerpt (self->store, article_id, start, end, event_id, NULL, error);
  if (id != 0)
    reload_or_toast (self);
  return id;
}

gboolean
rasd_excerpt_basket_add_selection (RasdExcerptBasket  *self,
                                   GtkTextBuffer      *buffer,
                                   gint64              article_id,
                                   gint64              event_id,
                                   GError            **error)
{
  GtkTextIter start, end;

  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), FALSE);
  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), FALSE);

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;
  /* GtkTextIter offsets count characters, as the store's offsets do. */
  return rasd_excerpt_basket_add_range (self, article_id, gtk_text_iter_get_offset (&start),
                                        gtk_text_iter_get_offset (&end), event_id, error) != 0;
}

guint
rasd_excerpt_basket_add_event (RasdExcerptBasket  *self,
                               gint64              event_id,
                               gint64              article_id,
                               GError            **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), 0);

  if (!check_store (self, error))
    return 0;
  if ((ids = rasd_store_add_excerpts_from_event (self->store, event_id, article_id, error)) == NULL)
    return 0;
  if (ids->len > 0)
    reload_or_toast (self);
  return ids->len;
}

gboolean
rasd_excerpt_basket_move (RasdExcerptBasket  *self,
                          guint               from,
                          guint               to,
                          GError            **error)
{
  g_autoptr(RasdExcerpt) excerpt = NULL;

  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), FALSE);

  if (!check_store (self, error))
    return FALSE;
  excerpt = g_list_model_get_item (G_LIST_MODEL (self->excerpts), from);
  g_return_val_if_fail (excerpt != NULL, FALSE);
  if (!rasd_store_move_excerpt (self->store, rasd_excerpt_get_id (excerpt), to, error))
    return FALSE;
  reload_or_toast (self);
  return TRUE;
}

gboolean
rasd_excerpt_basket_set_note (RasdExcerptBasket  *self,
                              gint64              id,
                              const char         *note,
                              GError            **error)
{
  gint index;

  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), FALSE);

  if (!check_store (self, error) || !rasd_store_set_excerpt_note (self->store, id, note, error))
    return FALSE;
  /* The row's entry already shows it: update the item without rebuilding the rows. */
  if ((index = index_of (self, id)) >= 0)
    {
      g_autoptr(RasdExcerpt) x = g_list_model_get_item (G_LIST_MODEL (self->excerpts), index);
      rasd_excerpt_set_note (x, note);
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

gboolean
rasd_excerpt_basket_remove (RasdExcerptBasket  *self,
                            gint64              id,
                            GError            **error)
{
  g_autoptr(RasdExcerpt) excerpt = NULL;
  AdwToast *toast;
  gint index;

  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), FALSE);

  if (!check_store (self, error))
    return FALSE;
  if ((index = index_of (self, id)) >= 0)
    excerpt = g_list_model_get_item (G_LIST_MODEL (self->excerpts), index);
  else if ((excerpt = rasd_store_get_excerpt (self->store, id, error)) == NULL)
    return FALSE;
  if (!rasd_store_remove_excerpt (self->store, id, error))
    return FALSE;
  g_hash_table_replace (self->removed, g_memdup2 (&id, sizeof id), g_steal_pointer (&excerpt));
  reload_or_toast (self);

  toast = adw_toast_new (_("Excerpt removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "basket.undo");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  show_toast (self, toast);
  return TRUE;
}

gboolean
rasd_excerpt_basket_undo (RasdExcerptBasket  *self,
                          gint64              id,
                          GError            **error)
{
  RasdExcerpt *excerpt;

  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), FALSE);

  if (!check_store (self, error))
    return FALSE;
  if ((excerpt = g_hash_table_lookup (self->removed, &id)) == NULL)
    return TRUE;  /* undone already */
  if (!rasd_store_restore_excerpt (self->store, excerpt, error))
    return FALSE;
  g_hash_table_remove (self->removed, &id);
  reload_or_toast (self);
  return TRUE;
}

GArray *
rasd_excerpt_basket_get_selected_ids (RasdExcerptBasket *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (RASD_IS_EXCERPT_BASKET (self), ids);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      RasdExcerpt *x = g_object_get_data (G_OBJECT (row), "rasd-excerpt");

      if (x != NULL && GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)))
        {
          gint64 id = rasd_excerpt_get_id (x);
          g_array_append_val (ids, id);
        }
    }
  return ids;
}

void
rasd_excerpt_basket_select (RasdExcerptBasket *self,
                            gint64             id,
                            gboolean           selected)
{
  gint index;
  GtkListBoxRow *row;

  g_return_if_fail (RASD_IS_EXCERPT_BASKET (self));

  if ((index = index_of (self, id)) < 0 || (row = gtk_list_box_get_row_at_index (self->list_box, index)) == NULL)
    return;
  if (selected)
    gtk_list_box_select_row (self->list_box, row);
  else
    gtk_list_box_unselect_row (self->list_box, row);
}

/* Reader --------------------------------------------------------------------------------------- */

static void
update_add_selection (RasdExcerptBasket *self)
{
  GtkTextBuffer *buffer = self->reader != NULL ? gtk_text_view_get_buffer (self->reader) : NULL;

  g_simple_action_set_enabled (self->add_selection,
                               self->store != NULL && !is_read_only (self) && self->reader_article != 0 &&
                               buffer != NULL && gtk_text_buffer_get_has_selection (buffer));
}

static void
add_selection_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  RasdExcerptBasket *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->reader == NULL)
    return;
  if (!rasd_excerpt_basket_add_selection (self, gtk_text_view_get_buffer (self->reader),
                                          self->reader_article, self->reader_event, &error) &&
      error != NULL)
    show_error (self, error);
}

static void
reader_selection_changed (RasdExcerptBasket *self)
{
  update_add_selection (self);
}

void
rasd_excerpt_basket_attach_reader (RasdExcerptBasket *self,
                                   GtkTextView       *view)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkEventController *shortcuts;

  g_return_if_fail (RASD_IS_EXCERPT_BASKET (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  if (self->reader != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->reader), (gpointer *) &self->reader);
  self->reader = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->reader);

  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->add_selection));
  gtk_widget_insert_action_group (GTK_WIDGET (view), "excerpt", G_ACTION_GROUP (group));
  g_menu_append (menu, _("Add to _Excerpts"), "excerpt.add-selection");
  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (menu));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_d, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("excerpt.add-selection")));
  gtk_widget_add_controller (GTK_WIDGET (view), shortcuts);

  g_signal_connect_object (gtk_text_view_get_buffer (view), "notify::has-selection",
                           G_CALLBACK (reader_selection_changed), self, G_CONNECT_SWAPPED);
  update_add_selection (self);
}

void
rasd_excerpt_basket_set_reader_article (RasdExcerptBasket *self,
                                        gint64             article_id,
                                        gint64             event_id)
{
  g_return_if_fail (RASD_IS_EXCERPT_BASKET (self));

  self->reader_article = article_id;
  self->reader_event = event_id;
  update_add_selection (self);
}

/* Actions -------------------------------------------------------------------------------------- */

static void
move_by (RasdExcerptBasket *self,
         GVariant          *parameter,
         int                delta)
{
  gint index = index_of (self, g_variant_get_int64 (parameter));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->excerpts));
  g_autoptr(GError) error = NULL;

  if (index < 0 || index + delta < 0 || index + delta >= (gint) n)
    return;
  if (!rasd_excerpt_basket_move (self, index, index + delta, &error))
    show_error (self, error);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move_by (RASD_EXCERPT_BASKET (widget), parameter, -1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_by (RASD_EXCERPT_BASKET (widget), parameter, +1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RasdExcerptBasket *self = RASD_EXCERPT_BASKET (widget);
  g_autoptr(GError) error = NULL;

  if (!rasd_excerpt_basket_remove (self, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

static void
remove_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RasdExcerptBasket *self = RASD_EXCERPT_BASKET (widget);
  g_autoptr(GArray) ids = rasd_excerpt_basket_get_selected_ids (self);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!rasd_excerpt_basket_remove (self, g_array_index (ids, gint64, i), &error))
        {
          show_error (self, error);
          return;
        }
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RasdExcerptBasket *self = RASD_EXCERPT_BASKET (widget);
  g_autoptr(GError) error = NULL;

  if (!rasd_excerpt_basket_undo (self, g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_EXPORT_REQUESTED], 0);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
rasd_excerpt_basket_constructed (GObject *object)
{
  RasdExcerptBasket *self = RASD_EXCERPT_BASKET (object);

  G_OBJECT_CLASS (rasd_excerpt_basket_parent_class)->constructed (object);
  if (is_read_only (self))
    {
      static const char *changes[] = { "basket.move-up", "basket.move-down", "basket.remove",
                                       "basket.undo", "basket.remove-selected" };

      for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), changes[i], FALSE);
    }
  reload_or_toast (self);
}

static void
rasd_excerpt_basket_dispose (GObject *object)
{
  RasdExcerptBasket *self = RASD_EXCERPT_BASKET (object);
  GtkWidget *child;

  rasd_excerpt_basket_set_toast_overlay (self, NULL);
  if (self->reader != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->reader), (gpointer *) &self->reader);
  self->reader = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RASD_TYPE_EXCERPT_BASKET);
  /* The template's top box is no bound child: unparented here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->excerpts);
  g_clear_object (&self->add_selection);
  g_clear_pointer (&self->removed, g_hash_table_unref);

  G_OBJECT_CLASS (rasd_excerpt_basket_parent_class)->dispose (object);
}

static void
rasd_excerpt_basket_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  RasdExcerptBasket *self = RASD_EXCERPT_BASKET (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_excerpt_basket_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  RasdExcerptBasket *self = RASD_EXCERPT_BASKET (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_excerpt_basket_class_init (RasdExcerptBasketClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static gsize registered = 0;

  object_class->constructed = rasd_excerpt_basket_constructed;
  object_class->dispose = rasd_excerpt_basket_dispose;
  object_class->get_property = rasd_excerpt_basket_get_property;
  object_class->set_property = rasd_excerpt_basket_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RASD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_EXPORT_REQUESTED] =
    g_signal_new ("export-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* Registered by hand (a static library drops an unreferenced resource's constructor); once,
   * whichever widget comes first. */
  if (g_once_init_enter (&registered))
    {
      g_autoptr(GBytes) ui = g_resources_lookup_data ("/io/github/rasd/Rasd/rasd-excerpt-basket.ui",
                                                       0, NULL);
      if (ui == NULL)
        rasd_register_resource ();
      g_once_init_leave (&registered, 1);
    }
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rasd/Rasd/rasd-excerpt-basket.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdExcerptBasket, count_label);
  gtk_widget_class_bind_template_child (widget_class, RasdExcerptBasket, stack);
  gtk_widget_class_bind_template_child (widget_class, RasdExcerptBasket, list_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "excerpt-basket");

  gtk_widget_class_install_action (widget_class, "basket.move-up", "x", move_up_action);
  gtk_widget_class_install_action (widget_class, "basket.move-down", "x", move_down_action);
  gtk_widget_class_install_action (widget_class, "basket.remove", "x", remove_action);
  gtk_widget_class_install_action (widget_class, "basket.undo", "x", undo_action);
  gtk_widget_class_install_action (widget_class, "basket.remove-selected", NULL, remove_selected_action);
  gtk_widget_class_install_action (widget_class, "basket.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "basket.remove-selected", NULL);
}

static void
rasd_excerpt_basket_init (RasdExcerptBasket *self)
{
  self->excerpts = g_list_store_new (RASD_TYPE_EXCERPT);
  self->removed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->add_selection = g_simple_action_new ("add-selection", NULL);
  g_signal_connect (self->add_selection, "activate", G_CALLBACK (add_selection_activated), self);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->excerpts), create_row, self, NULL);
  update_add_selection (self);
}
