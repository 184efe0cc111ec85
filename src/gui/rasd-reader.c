#define G_LOG_DOMAIN "rasd-reader"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rasd-reader.h"
#include "rasd-format.h"
#include "rasd-resources.h"

struct _RasdReader
{
  GtkWidget      parent_instance;

  RasdStore     *store;
  RasdEventItem *item;
  RasdStoredEvent *event;      /* the item's event in full (sources, evidence), from the store */
  guint          source_index;
  gint64         article_id;
  GPtrArray     *mentions;     /* RasdStoredMention* of the article shown */
  GtkTextMark   *evidence_mark;
  gboolean       updating_sources;
  gboolean       highlight_entities;  /* people, places and dates tagged (a preference) */
  gboolean       follow_evidence;  /* until the user scrolls, or another article */
  guint          follow_tick;
  guint          follow_frames;
  GtkPopover    *entity_menu;  /* what a click on a name offers */
  char          *menu_kind;    /* the name it is about */
  char          *menu_key;
  char          *menu_name;

  /* Template widgets */
  GtkStack      *stack;
  GtkDropDown   *source_dropdown;
  GtkLabel      *title_label;
  GtkLabel      *meta_label;
  GtkTextView   *text_view;
};

G_DEFINE_FINAL_TYPE (RasdReader, rasd_reader, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIGHLIGHT_ENTITIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENTITY_ACTIVATED,
  ENTITY_ACTION,
  ARTICLE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const RasdStoredMention *
find_mention (RasdReader *self,
              int         offset)
{
  /* Names are links only where they are shown as such. */
  if (!self->highlight_entities)
    return NULL;
  for (guint i = 0; self->mentions != NULL && i < self->mentions->len; i++)
    {
      const RasdStoredMention *mention = g_ptr_array_index (self->mentions, i);

      if (mention->start > offset)
        break;
      if (offset < mention->end && mention->key != NULL &&
          (mention->kind == RASD_MENTION_PERSON || mention->kind == RASD_MENTION_PLACE))
        return mention;
    }
  return NULL;
}

gboolean
rasd_reader_activate_offset (RasdReader *self,
                             int         offset)
{
  const RasdStoredMention *mention;

  g_return_val_if_fail (RASD_IS_READER (self), FALSE);

  if ((mention = find_mention (self, offset)) == NULL)
    return FALSE;
  g_signal_emit (self, signals[ENTITY_ACTIVATED], 0,
                 mention->kind == RASD_MENTION_PERSON ? "person" : "place",
                 mention->key, mention->name);
  return TRUE;
}

static int
offset_at (RasdReader *self,
           double      x,
           double      y)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y,
                                         &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return -1;
  return gtk_text_iter_get_offset (&iter);
}

gboolean
rasd_reader_entity_action (RasdReader *self,
                           int         offset,
                           const char *action)
{
  const RasdStoredMention *mention;

  g_return_val_if_fail (RASD_IS_READER (self), FALSE);

  if ((mention = find_mention (self, offset)) == NULL)
    return FALSE;
  g_signal_emit (self, signals[ENTITY_ACTION], 0, action,
                 mention->kind == RASD_MENTION_PERSON ? "person" : "place",
                 mention->key, mention->name);
  return TRUE;
}

static void
on_entity_menu_clicked (GtkButton  *button,
                        RasdReader *self)
{
  const char *action = g_object_get_data (G_OBJECT (button), "rasd-action");
  g_autofree char *kind = g_strdup (self->menu_kind);
  g_autofree char *key = g_strdup (self->menu_key);
  g_autofree char *name = g_strdup (self->menu_name);

  gtk_popover_popdown (self->entity_menu);
  if (g_str_equal (action, "filter"))
    g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, kind, key, name);
  else
    g_signal_emit (self, signals[ENTITY_ACTION], 0, action, kind, key, name);
}

static void
add_menu_button (RasdReader *self,
                 GtkBox     *box,
                 const char *label,
                 const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
  g_object_set_data (G_OBJECT (button), "rasd-action", (gpointer) action);
  g_signal_connect (button, "clicked", G_CALLBACK (on_entity_menu_clicked), self);
  gtk_box_append (box, button);
}

GtkPopover *
rasd_reader_open_entity_menu (RasdReader *self,
                              int         offset)
{
  const RasdStoredMention *mention;
  gboolean person;
  GtkWidget *box;
  GdkRectangle rect;
  GtkTextIter iter;

  g_return_val_if_fail (RASD_IS_READER (self), NULL);

  if ((mention = find_mention (self, offset)) == NULL)
    return NULL;
  person = mention->kind == RASD_MENTION_PERSON;
  g_free (self->menu_kind);
  g_free (self->menu_key);
  g_free (self->menu_name);
  self->menu_kind = g_strdup (person ? "person" : "place");
  self->menu_key = g_strdup (mention->key);
  self->menu_name = g_strdup (mention->name);

  if (self->entity_menu == NULL)
    {
      self->entity_menu = GTK_POPOVER (gtk_popover_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->entity_menu), GTK_WIDGET (self->text_view));
      gtk_popover_set_has_arrow (self->entity_menu, TRUE);
    }
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  {
    GtkWidget *title = gtk_label_new (mention->name);

    gtk_widget_add_css_class (title, "heading");
    gtk_widget_set_margin_bottom (title, 6);
    gtk_box_append (GTK_BOX (box), title);
  }
  add_menu_button (self, GTK_BOX (box), _("_Show Its Events"), "filter");
  add_menu_button (self, GTK_BOX (box), person ? _("_Not a Person") : _("_Not a Place"), "reject");
  add_menu_button (self, GTK_BOX (box), _("Sa_me As…"), "alias");
  add_menu_button (self, GTK_BOX (box), _("_Rename…"), "rename");
  gtk_popover_set_child (self->entity_menu, box);

  /* pointing at the name */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), &iter, (int) mention->start);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y,
                                         &rect.x, &rect.y);
  rect.width = MAX (rect.width, 1);
  gtk_popover_set_pointing_to (self->entity_menu, &rect);
  gtk_popover_popup (self->entity_menu);
  return self->entity_menu;
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   RasdReader      *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int offset;

  /* A drag that selected text is a selection, not a click on a name. */
  if (n_press != 1 || gtk_text_buffer_get_has_selection (buffer))
    return;
  if ((offset = offset_at (self, x, y)) >= 0)
    rasd_reader_open_entity_menu (self, offset);
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           RasdReader               *self)
{
  int offset = offset_at (self, x, y);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->text_view),
                                   offset >= 0 && find_mention (self, offset) != NULL ? "pointer" : "text");
}

static void
clear_article (RasdReader *self)
{
  self->follow_evidence = FALSE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  gtk_label_set_text (self->title_label, "");
  gtk_label_set_text (self->meta_label, "");
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  self->article_id = 0;
}

static void
apply_tag (GtkTextBuffer *buffer,
           const char    *tag,
           gint64         start,
           gint64         end,
           int            n_chars)
{
  GtkTextIter a, b;

  start = CLAMP (start, 0, n_chars);
  end = CLAMP (end, start, n_chars);
  if (start == end)
    return;
  gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &b, (int) end);
  gtk_text_buffer_apply_tag_by_name (buffer, tag, &a, &b);
}

/* Tags the people, places and dates of the article shown, or removes those tags, as the
 * "highlight-entities" preference says. */
static void
apply_mention_tags (RasdReader *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  int n_chars = gtk_text_buffer_get_char_count (buffer);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "person", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "place", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "date", &start, &end);
  if (!self->highlight_entities)
    return;
  for (guint i = 0; self->mentions != NULL && i < self->mentions->len; i++)
    {
      const RasdStoredMention *mention = g_ptr_array_index (self->mentions, i);
      const char *tag = NULL;

      switch (mention->kind)
        {
        case RASD_MENTION_PERSON:
          tag = "person";
          break;
        case RASD_MENTION_PLACE:
          tag = "place";
          break;
        case RASD_MENTION_DATE:
          tag = "date";
          break;
        case RASD_MENTION_ORGANISATION:
        default:
          break;
        }
      if (tag != NULL)
        apply_tag (buffer, tag, mention->start, mention->end, n_chars);
    }
}

/* The text is laid out in idle time, changing the height it scrolls in: until the user scrolls,
 * keep the evidence in view as the height settles. */
static void on_vadjustment_changed (RasdReader *self);

/* A few frames more while the lines are measured: get_iter_location() estimates until then. */
static gboolean
follow_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  RasdReader *self = data;

  on_vadjustment_changed (self);
  if (self->follow_evidence && --self->follow_frames > 0)
    return G_SOURCE_CONTINUE;
  self->follow_tick = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
stop_following (RasdReader *self)
{
  self->follow_evidence = FALSE;
  return FALSE;
}

static void
on_vadjustment_changed (RasdReader *self)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  GtkTextIter iter;
  GdkRectangle where;
  double page, value;

  if (!self->follow_evidence)
    return;
  /* Set by hand: gtk_text_view_scroll_to_mark()'s deferred scroll makes GTK 4.8 emit a critical
   * (g_signal_handler_disconnect with id 0) when the reader is then hidden. */
  gtk_text_buffer_get_iter_at_mark (gtk_text_view_get_buffer (self->text_view), &iter, self->evidence_mark);
  gtk_text_view_get_iter_location (self->text_view, &iter, &where);
  page = gtk_adjustment_get_page_size (adjustment);
  value = CLAMP (where.y - 0.2 * page, 0, MAX (0, gtk_adjustment_get_upper (adjustment) - page));
  gtk_adjustment_set_value (adjustment, value);
}

static void
show_error (RasdReader *self,
            const char *message)
{
  clear_article (self);
  gtk_label_set_text (self->title_label, _("The article could not be read"));
  gtk_label_set_text (self->meta_label, message);
  gtk_stack_set_visible_child_name (self->stack, "article");
}

void
rasd_reader_show_source (RasdReader *self,
                         guint       index)
{
  const RasdStoredEvent *event;
  const RasdStoredSource *source;
  g_autoptr(RasdArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) meta = g_string_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *date = NULL;
  const char *fields[3];
  gint64 first_evidence = -1;
  int n_chars;

  g_return_if_fail (RASD_IS_READER (self));

  if (self->item == NULL || self->store == NULL || self->event == NULL)
    return;
  event = self->event;
  if (index >= event->sources->len)
    return;
  source = g_ptr_array_index (event->sources, index);
  self->source_index = index;
  if (gtk_drop_down_get_selected (self->source_dropdown) != index)
    gtk_drop_down_set_selected (self->source_dropdown, index);

  article = rasd_store_get_article (self->store, source->article_id, &error);
  if (article == NULL)
    {
      show_error (self, error->message);
      return;
    }
  clear_article (self);
  self->article_id = source->article_id;

  gtk_label_set_text (self->title_label, rasd_article_get_title (article));
  fields[0] = rasd_article_get_source (article);
  /* the day in the interface's words and digits; the stored timestamp in the tooltip */
  date = rasd_format_article_date (rasd_article_get_date (article));
  fields[1] = date;
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
  gtk_label_set_text (self->meta_label, meta->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meta_label), rasd_article_get_date (article));
  gtk_text_buffer_set_text (buffer, rasd_article_get_text (article), -1);
  n_chars = gtk_text_buffer_get_char_count (buffer);

  self->mentions = rasd_store_list_mentions (self->store, self->article_id, &error);
  if (self->mentions == NULL)
    g_warning ("Mentions of article %" G_GINT64_FORMAT ": %s", self->article_id, error->message);
  apply_mention_tags (self);

  for (guint i = 0; i < event->evidence->len; i++)
    {
      const RasdStoredEvidence *evidence = &g_array_index (event->evidence, RasdStoredEvidence, i);

      if (evidence->article_id != self->article_id)
        continue;
      apply_tag (buffer, "evidence", evidence->start, evidence->end, n_chars);
      if (first_evidence < 0)
        first_evidence = evidence->start;
    }

  gtk_stack_set_visible_child_name (self->stack, "article");
  if (first_evidence >= 0)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) MIN (first_evidence, n_chars));
      gtk_text_buffer_move_mark (buffer, self->evidence_mark, &iter);
      self->follow_evidence = TRUE;
      self->follow_frames = 30;
      if (self->follow_tick == 0)
        self->follow_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->text_view), follow_tick,
                                                          self, NULL);
      on_vadjustment_changed (self);
    }
  g_signal_emit (self, signals[ARTICLE_CHANGED], 0);
}

static void
on_source_selected (RasdReader *self)
{
  guint selected = gtk_drop_down_get_selected (self->source_dropdown);

  if (!self->updating_sources && selected != GTK_INVALID_LIST_POSITION && selected != self->source_index)
    rasd_reader_show_source (self, selected);
}

void
rasd_reader_show_event (RasdReader    *self,
                        RasdEventItem *item)
{
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GError) error = NULL;
  const RasdStoredEvent *event;

  g_return_if_fail (RASD_IS_READER (self));
  g_return_if_fail (item == NULL || RASD_IS_EVENT_ITEM (item));

  if (item == self->item)
    return;
  g_set_object (&self->item, item);
  g_clear_pointer (&self->event, rasd_stored_event_free);
  self->source_index = 0;
  if (item == NULL)
    {
      clear_article (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      g_signal_emit (self, signals[ARTICLE_CHANGED], 0);
      return;
    }

  /* The list holds summaries: the sources and evidence are read for the event shown. */
  if (self->store != NULL)
    self->event = rasd_store_get_event (self->store, rasd_event_item_get_id (item), &error);
  if (self->event == NULL)
    {
      self->updating_sources = TRUE;
      gtk_drop_down_set_model (self->source_dropdown, NULL);
      self->updating_sources = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (self->source_dropdown), FALSE);
      show_error (self, error != NULL ? error->message : _("No stored article reports this event."));
      return;
    }
  event = self->event;
  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < event->sources->len; i++)
    {
      const RasdStoredSource *source = g_ptr_array_index (event->sources, i);
      g_autofree char *label = NULL;
      g_autofree char *nth = rasd_format_count (i + 1);
      g_autofree char *n = rasd_format_count (event->sources->len);
      g_autofree char *name = g_strdup_printf ("\u2068%s\u2069", source->source != NULL ? source->source
                                                                                       : source->title);

      /* "Source 2 of 3: Al-Ahram"; the name isolated, so that a Latin one keeps its place */
      label = g_strdup_printf (_("Source %s of %s: %s"), nth, n, name);
      gtk_string_list_append (names, label);
    }
  self->updating_sources = TRUE;
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->source_dropdown, 0);
  self->updating_sources = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->source_dropdown), event->sources->len > 1);

  if (event->sources->len == 0)
    {
      show_error (self, _("No stored article reports this event."));
      return;
    }
  rasd_reader_show_source (self, 0);
}

void
rasd_reader_set_store (RasdReader *self,
                       RasdStore  *store)
{
  g_return_if_fail (RASD_IS_READER (self));
  g_return_if_fail (store == NULL || RASD_IS_STORE (store));

  g_set_object (&self->store, store);
}

RasdEventItem *
rasd_reader_get_event (RasdReader *self)
{
  g_return_val_if_fail (RASD_IS_READER (self), NULL);
  return self->item;
}

guint
rasd_reader_get_source_index (RasdReader *self)
{
  g_return_val_if_fail (RASD_IS_READER (self), 0);
  return self->source_index;
}

gint64
rasd_reader_get_article_id (RasdReader *self)
{
  g_return_val_if_fail (RASD_IS_READER (self), 0);
  return self->article_id;
}

GtkTextBuffer *
rasd_reader_get_buffer (RasdReader *self)
{
  g_return_val_if_fail (RASD_IS_READER (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

void
rasd_reader_set_highlight_entities (RasdReader *self,
                                    gboolean    highlight)
{
  g_return_if_fail (RASD_IS_READER (self));

  highlight = !!highlight;
  if (self->highlight_entities == highlight)
    return;
  self->highlight_entities = highlight;
  apply_mention_tags (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_ENTITIES]);
}

gboolean
rasd_reader_get_highlight_entities (RasdReader *self)
{
  g_return_val_if_fail (RASD_IS_READER (self), FALSE);
  return self->highlight_entities;
}

static void
rasd_reader_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RasdReader *self = RASD_READER (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT_ENTITIES:
      g_value_set_boolean (value, self->highlight_entities);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_reader_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RasdReader *self = RASD_READER (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT_ENTITIES:
      rasd_reader_set_highlight_entities (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_reader_dispose (GObject *object)
{
  RasdReader *self = RASD_READER (object);

  if (self->follow_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->text_view), self->follow_tick);
  self->follow_tick = 0;
  if (self->entity_menu != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->entity_menu));
  self->entity_menu = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), RASD_TYPE_READER);
  /* The template's top box is no template child: unparent it by hand. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (rasd_reader_parent_class)->dispose (object);
}

static void
rasd_reader_finalize (GObject *object)
{
  RasdReader *self = RASD_READER (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->event, rasd_stored_event_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->mentions, g_ptr_array_unref);
  g_free (self->menu_kind);
  g_free (self->menu_key);
  g_free (self->menu_name);

  G_OBJECT_CLASS (rasd_reader_parent_class)->finalize (object);
}

static void
rasd_reader_class_init (RasdReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rasd_reader_dispose;
  object_class->finalize = rasd_reader_finalize;
  object_class->get_property = rasd_reader_get_property;
  object_class->set_property = rasd_reader_set_property;

  properties[PROP_HIGHLIGHT_ENTITIES] =
    g_param_spec_boolean ("highlight-entities", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ENTITY_ACTIVATED] = g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                            G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  /* from the menu of a click on a name: ("reject", "alias" or "rename", kind, key, name) */
  signals[ENTITY_ACTION] = g_signal_new ("entity-action", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                         G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  /* the article shown changed (another event, another source, or none) */
  signals[ARTICLE_CHANGED] = g_signal_new ("article-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  rasd_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rasd/Rasd/rasd-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdReader, stack);
  gtk_widget_class_bind_template_child (widget_class, RasdReader, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RasdReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, RasdReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, RasdReader, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_source_selected);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reader");
}

/* The highlights' colours, light or dark: the dark style's are lighter, so that they read on
 * its background and on the evidence's. */
static void
update_tag_colours (RasdReader *self)
{
  static const struct {
    const char *tag, *property, *light, *dark;
  } colours[] = {
    { "evidence", "background", "rgba(246,211,45,0.35)", "rgba(229,165,10,0.28)" },
    { "person", "foreground", "#1c71d8", "#99c1f1" },
    { "place", "foreground", "#26a269", "#8ff0a4" },
    { "date", "foreground", "#c64600", "#ffbe6f" },
  };
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (self->text_view));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = 0; i < G_N_ELEMENTS (colours); i++)
    g_object_set (gtk_text_tag_table_lookup (tags, colours[i].tag), colours[i].property,
                  dark ? colours[i].dark : colours[i].light, NULL);
  if (dark)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dark");
}

static void
rasd_reader_init (RasdReader *self)
{
  GtkTextBuffer *buffer;
  GtkGesture *click;
  GtkEventController *motion;
  GtkEventController *scroll;
  GtkTextIter start;

  self->highlight_entities = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The article, its title and source are Arabic whatever the interface language. */
  gtk_widget_set_direction (GTK_WIDGET (self->text_view), GTK_TEXT_DIR_RTL);
  gtk_widget_set_direction (GTK_WIDGET (self->title_label), GTK_TEXT_DIR_RTL);

  /* Distinct styles; their colours follow the style (update_tag_colours); the legend
   * (style.css) matches. */
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "evidence", NULL);
  gtk_text_buffer_create_tag (buffer, "person", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "place", "underline", PANGO_UNDERLINE_SINGLE,
                              "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "date", NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_tag_colours), self, G_CONNECT_SWAPPED);
  update_tag_colours (self);
  gtk_text_buffer_get_start_iter (buffer, &start);
  self->evidence_mark = gtk_text_buffer_create_mark (buffer, "evidence", &start, TRUE);

  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), "changed",
                           G_CALLBACK (on_vadjustment_changed), self, G_CONNECT_SWAPPED);
  /* The user's own scrolling ends following the evidence. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll-begin", G_CALLBACK (stop_following), self);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (stop_following), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), scroll);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), motion);
}

GtkWidget *
rasd_reader_new (void)
{
  return g_object_new (RASD_TYPE_READER, NULL);
}

GtkTextView *
rasd_reader_get_text_view (RasdReader *self)
{
  g_return_val_if_fail (RASD_IS_READER (self), NULL);
  return self->text_view;
}
