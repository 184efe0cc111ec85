#define G_LOG_DOMAIN "rasd-facet-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rasd-arabic.h"
#include "rasd-facet-item.h"
#include "rasd-facet-view.h"
#include "rasd-resources.h"
#include "rasd-format.h"

struct _RasdFacetView
{
  GtkWidget           parent_instance;

  char               *title;
  gboolean            searchable;
  char               *selected_key;
  char               *needle;      /* the search field's text, normalised */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkNoSelection     *selection;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (RasdFacetView, rasd_facet_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SEARCHABLE,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
match_item (gpointer item,
            gpointer user_data)
{
  RasdFacetView *self = user_data;
  g_autofree char *haystack = NULL;

  if (self->needle == NULL)
    return TRUE;
  haystack = rasd_arabic_normalize (rasd_facet_item_get_search_text (item), -1);
  return strstr (haystack, self->needle) != NULL;
}

static void
update_page (RasdFacetView *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "rows" : "none");
}

static void
on_search_changed (RasdFacetView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = rasd_arabic_normalize (text, -1);

  g_free (self->needle);
  self->needle = *g_strstrip (needle) != '\0' ? g_steal_pointer (&needle) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

void
rasd_facet_view_activate_row (RasdFacetView *self,
                              guint          position)
{
  g_autoptr(RasdFacetItem) item = NULL;

  g_return_if_fail (RASD_IS_FACET_VIEW (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (item != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, rasd_facet_item_get_key (item),
                   rasd_facet_item_get_label (item));
}

static void
on_row_activated (RasdFacetView *self,
                  guint          position)
{
  rasd_facet_view_activate_row (self, position);
}

/* Rows: the name, then its count. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           RasdFacetView            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          RasdFacetView            *self)
{
  RasdFacetItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *count = gtk_widget_get_last_child (box);
  g_autofree char *number = rasd_format_count (rasd_facet_item_get_count (item));
  gboolean active = g_strcmp0 (rasd_facet_item_get_key (item), self->selected_key) == 0;

  gtk_label_set_text (GTK_LABEL (name), rasd_facet_item_get_label (item));
  gtk_widget_set_tooltip_text (name, rasd_facet_item_get_search_text (item));
  gtk_label_set_text (GTK_LABEL (count), number);
  if (active)
    gtk_widget_add_css_class (box, "facet-active");
  else
    gtk_widget_remove_css_class (box, "facet-active");

  /* what a screen reader says of the row: "Vladimir Putin, 5 events, filtering" */
  {
    guint n = rasd_facet_item_get_count (item);
    g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event", "%s events", n),
                                               number);
    g_autofree char *label = active
      /* Translators: a facet row for screen readers: a name, its number of events, and that it is
       * the active filter */
      ? g_strdup_printf (_("%s, %s, filtering"), rasd_facet_item_get_label (item), events)
      /* Translators: a facet row for screen readers: a name and its number of events */
      : g_strdup_printf (_("%s, %s"), rasd_facet_item_get_label (item), events);

    gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
}

void
rasd_facet_view_set_model (RasdFacetView *self,
                           GListModel    *model)
{
  g_return_if_fail (RASD_IS_FACET_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  gtk_filter_list_model_set_model (self->filtered, model);
  update_page (self);
}

void
rasd_facet_view_set_selected_key (RasdFacetView *self,
                                  const char    *key)
{
  guint n;

  g_return_if_fail (RASD_IS_FACET_VIEW (self));

  if (g_strcmp0 (self->selected_key, key) == 0)
    return;
  g_free (self->selected_key);
  self->selected_key = g_strdup (key);
  /* Rebind the rows so the active one shows. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_list_model_items_changed (G_LIST_MODEL (self->selection), 0, n, n);
}

GListModel *
rasd_facet_view_get_visible (RasdFacetView *self)
{
  g_return_val_if_fail (RASD_IS_FACET_VIEW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

void
rasd_facet_view_set_search_text (RasdFacetView *self,
                                 const char    *text)
{
  g_return_if_fail (RASD_IS_FACET_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed (self);
}

static void
rasd_facet_view_dispose (GObject *object)
{
  RasdFacetView *self = RASD_FACET_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RASD_TYPE_FACET_VIEW);
  /* The template's top box is no template child: unparent it by hand. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (rasd_facet_view_parent_class)->dispose (object);
}

static void
rasd_facet_view_finalize (GObject *object)
{
  RasdFacetView *self = RASD_FACET_VIEW (object);

  g_free (self->title);
  g_free (self->selected_key);
  g_free (self->needle);

  G_OBJECT_CLASS (rasd_facet_view_parent_class)->finalize (object);
}

static void
rasd_facet_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  RasdFacetView *self = RASD_FACET_VIEW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SEARCHABLE:
      g_value_set_boolean (value, self->searchable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_facet_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  RasdFacetView *self = RASD_FACET_VIEW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (g_strcmp0 (self->title, g_value_get_string (value)) != 0)
        {
          g_free (self->title);
          self->title = g_value_dup_string (value);
          gtk_label_set_text (self->title_label, self->title);
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SEARCHABLE:
      if (self->searchable != g_value_get_boolean (value))
        {
          self->searchable = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_facet_view_class_init (RasdFacetViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rasd_facet_view_dispose;
  object_class->finalize = rasd_facet_view_finalize;
  object_class->get_property = rasd_facet_view_get_property;
  object_class->set_property = rasd_facet_view_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCHABLE] =
    g_param_spec_boolean ("searchable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     G_TYPE_STRING, G_TYPE_STRING);

  rasd_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rasd/Rasd/rasd-facet-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, title_label);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, stack);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rasd_facet_view_init (RasdFacetView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (match_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_no_selection_new (G_LIST_MODEL (self->filtered));
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (update_page), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_page (self);
}

GtkWidget *
rasd_facet_view_new (void)
{
  return g_object_new (RASD_TYPE_FACET_VIEW, NULL);
}
