#define G_LOG_DOMAIN "rasd-facet-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rasd-arabic.h"
#include "rasd-facet-item.h"
#include "rasd-facet-view.h"
#include "rasd-resources.h"
#include "rasd-format.h"

/* Rows shown however little room there is (by default), the most the facet asks for before
 * "Show More", and how many more each click shows. */
#define MIN_ROWS 3
#define MAX_NATURAL_ROWS 50
#define MORE_STEP 10
#define SPACING 6

struct _RasdFacetView
{
  GtkWidget           parent_instance;

  char               *title;
  gboolean            searchable;
  guint               min_rows;
  char               *selected_key;
  char               *needle;      /* the search field's text, normalised */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSliceListModel  *shown;       /* the first rows of filtered, as many as fit */
  guint               requested;   /* rows asked for with "Show More"; 0: as many as fit */

  /* Template widgets */
  GtkWidget          *header;
  GtkLabel           *title_label;
  GtkToggleButton    *search_button;
  GtkSearchEntry     *search_entry;
  GtkListBox         *list_box;
  GtkWidget          *none_label;
  GtkWidget          *more_button;
  GtkWidget          *fewer_button;
};

G_DEFINE_FINAL_TYPE (RasdFacetView, rasd_facet_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SEARCHABLE,
  PROP_MIN_ROWS,
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

static guint
n_rows_total (RasdFacetView *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/* New contents: the rows start again from the first, and the layout decides how many show. */
static void
on_filtered_changed (RasdFacetView *self)
{
  gboolean any = n_rows_total (self) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), any);
  gtk_widget_set_visible (self->none_label, !any);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

/* The search field shows on demand, so that the rows have the room. */
static void
on_search_toggled (RasdFacetView *self)
{
  gboolean active = gtk_toggle_button_get_active (self->search_button);

  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), active);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_stop_search (RasdFacetView *self)
{
  gtk_toggle_button_set_active (self->search_button, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_button));
}

static void
on_show_more (RasdFacetView *self)
{
  self->requested = MIN (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) + MORE_STEP,
                         n_rows_total (self));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_show_fewer (RasdFacetView *self)
{
  self->requested = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
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
                  GtkListBoxRow *row)
{
  rasd_facet_view_activate_row (self, gtk_list_box_row_get_index (row));
}

/* The active row in bold, and what a screen reader says of it:
 * "Vladimir Putin, 5 events, filtering". */
static void
update_row (RasdFacetView *self,
            GtkWidget     *row)
{
  RasdFacetItem *item = g_object_get_data (G_OBJECT (row), "rasd-facet-item");
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  guint n = rasd_facet_item_get_count (item);
  g_autofree char *number = rasd_format_count (n);
  g_autofree char *events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event", "%s events", n),
                                             number);
  gboolean active = g_strcmp0 (rasd_facet_item_get_key (item), self->selected_key) == 0;
  g_autofree char *label = active
    /* Translators: a facet row for screen readers: a name, its number of events, and that it is
     * the active filter */
    ? g_strdup_printf (_("%s, %s, filtering"), rasd_facet_item_get_label (item), events)
    /* Translators: a facet row for screen readers: a name and its number of events */
    : g_strdup_printf (_("%s, %s"), rasd_facet_item_get_label (item), events);

  if (active)
    gtk_widget_add_css_class (box, "facet-active");
  else
    gtk_widget_remove_css_class (box, "facet-active");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A row: the name, then its count. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  RasdFacetView *self = user_data;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (rasd_facet_item_get_label (item));
  g_autofree char *number = rasd_format_count (rasd_facet_item_get_count (item));
  GtkWidget *count = gtk_label_new (number);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_tooltip_text (name, rasd_facet_item_get_search_text (item));
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "rasd-facet-item", g_object_ref (item), g_object_unref);
  update_row (self, row);
  return row;
}

/* Layout ---------------------------------------------------------------------------------- */

static void
measure_child (GtkWidget *child,
               int        width,
               int       *minimum,
               int       *natural)
{
  *minimum = *natural = 0;
  if (gtk_widget_should_layout (child))
    gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, minimum, natural, NULL, NULL);
}

/* The height of a row and of the list's own padding, measured on the rows the list has. */
static void
measure_rows (RasdFacetView *self,
              int            width,
              int           *row_height,
              int           *padding)
{
  int list_height, rows = 0, n = 0;

  *row_height = 32;
  *padding = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      int height;

      if (!GTK_IS_LIST_BOX_ROW (row) || !gtk_widget_should_layout (row))
        continue;
      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
      rows += height;
      n++;
      *row_height = n == 1 ? height : MAX (*row_height, height);
    }
  if (n == 0)
    return;
  gtk_widget_measure (GTK_WIDGET (self->list_box), GTK_ORIENTATION_VERTICAL, width, &list_height,
                      NULL, NULL, NULL);
  *padding = MAX (0, list_height - rows);
}

typedef struct
{
  int header, search, none, more;
  int row, padding;
  guint n, min_rows, max_rows;
} Layout;

static void
compute_layout (RasdFacetView *self,
                int            width,
                Layout        *layout)
{
  int unused;

  measure_child (self->header, width, &unused, &layout->header);
  measure_child (GTK_WIDGET (self->search_entry), width, &unused, &layout->search);
  layout->none = 0;
  if (gtk_widget_get_visible (self->none_label))
    gtk_widget_measure (self->none_label, GTK_ORIENTATION_VERTICAL, width, &unused, &layout->none,
                        NULL, NULL);
  /* measured shown or not (they stay "visible"): whether they show depends on the height */
  gtk_widget_measure (self->more_button, GTK_ORIENTATION_VERTICAL, -1, &unused, &layout->more,
                      NULL, NULL);
  measure_rows (self, width, &layout->row, &layout->padding);
  layout->n = n_rows_total (self);
  layout->min_rows = MIN (layout->n, MAX (self->min_rows, self->requested));
  layout->max_rows = MIN (layout->n, MAX (MAX_NATURAL_ROWS, self->requested));
}

/* The facet's height with @rows rows shown. */
static int
height_for_rows (RasdFacetView *self,
                 const Layout  *layout,
                 guint          rows)
{
  int height = layout->header;

  if (layout->search > 0)
    height += SPACING + layout->search;
  if (layout->n == 0)
    return height + SPACING + layout->none;
  height += SPACING + layout->padding + (int) rows * layout->row;
  if (rows < layout->n || self->requested > 0)
    height += SPACING + layout->more;
  return height;
}

static void
rasd_facet_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  RasdFacetView *self = RASD_FACET_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int more_min, more_nat, fewer_min, fewer_nat;

      *minimum = *natural = 0;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (child == self->more_button || child == self->fewer_button || !gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      gtk_widget_measure (self->more_button, orientation, -1, &more_min, &more_nat, NULL, NULL);
      gtk_widget_measure (self->fewer_button, orientation, -1, &fewer_min, &fewer_nat, NULL, NULL);
      *minimum = MAX (*minimum, more_min + SPACING + fewer_min);
      *natural = MAX (*natural, more_nat + SPACING + fewer_nat);
    }
  else
    {
      Layout layout;

      compute_layout (self, for_size, &layout);
      *minimum = height_for_rows (self, &layout, layout.min_rows);
      /* All rows may take less room than fewer rows and "Show More". */
      *natural = MAX (*minimum, height_for_rows (self, &layout, layout.max_rows));
    }
}

static void
allocate_child (GtkWidget *child,
                int        width,
                int        height,
                int       *y)
{
  if (!gtk_widget_should_layout (child))
    return;
  if (*y > 0)
    *y += SPACING;
  gtk_widget_size_allocate (child, &(GtkAllocation) { 0, *y, width, height }, -1);
  *y += height;
}

static void
rasd_facet_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  RasdFacetView *self = RASD_FACET_VIEW (widget);
  Layout layout;
  guint rows;
  int y = 0, child_height, unused;

  /* As many rows as the height holds, from the first. */
  compute_layout (self, width, &layout);
  rows = layout.max_rows;
  while (rows > layout.min_rows && height_for_rows (self, &layout, rows) > height)
    rows--;
  if (gtk_slice_list_model_get_size (self->shown) != rows)
    gtk_slice_list_model_set_size (self->shown, rows);
  gtk_widget_set_child_visible (self->more_button, layout.n > 0 && rows < layout.n);
  gtk_widget_set_child_visible (self->fewer_button, layout.n > 0 && self->requested > 0);

  allocate_child (self->header, width, layout.header, &y);
  allocate_child (GTK_WIDGET (self->search_entry), width, layout.search, &y);
  allocate_child (self->none_label, width, layout.none, &y);
  /* measured again: its rows may just have changed */
  measure_child (GTK_WIDGET (self->list_box), width, &child_height, &unused);
  allocate_child (GTK_WIDGET (self->list_box), width, child_height, &y);

  /* the buttons on one line, from the start side */
  {
    GtkWidget *buttons[] = { self->more_button, self->fewer_button };
    gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
    int x = 0;

    y += SPACING;
    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        int button_width;

        if (!gtk_widget_should_layout (buttons[i]))
          continue;
        gtk_widget_measure (buttons[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &button_width, NULL, NULL);
        button_width = MIN (button_width, width - x);
        gtk_widget_size_allocate (buttons[i],
                                  &(GtkAllocation) { rtl ? width - x - button_width : x, y,
                                                     button_width, layout.more }, -1);
        x += button_width + SPACING;
      }
  }
}

void
rasd_facet_view_set_model (RasdFacetView *self,
                           GListModel    *model)
{
  g_return_if_fail (RASD_IS_FACET_VIEW (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  gtk_filter_list_model_set_model (self->filtered, model);
  on_filtered_changed (self);
}

void
rasd_facet_view_set_selected_key (RasdFacetView *self,
                                  const char    *key)
{
  g_return_if_fail (RASD_IS_FACET_VIEW (self));

  if (g_strcmp0 (self->selected_key, key) == 0)
    return;
  g_free (self->selected_key);
  self->selected_key = g_strdup (key);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      update_row (self, row);
}

GListModel *
rasd_facet_view_get_visible (RasdFacetView *self)
{
  g_return_val_if_fail (RASD_IS_FACET_VIEW (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

GListModel *
rasd_facet_view_get_shown (RasdFacetView *self)
{
  g_return_val_if_fail (RASD_IS_FACET_VIEW (self), NULL);
  return G_LIST_MODEL (self->shown);
}

GtkWidget *
rasd_facet_view_get_row (RasdFacetView *self,
                         guint          position)
{
  g_return_val_if_fail (RASD_IS_FACET_VIEW (self), NULL);
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list_box, (int) position));
}

void
rasd_facet_view_show_more (RasdFacetView *self)
{
  g_return_if_fail (RASD_IS_FACET_VIEW (self));
  on_show_more (self);
}

void
rasd_facet_view_show_fewer (RasdFacetView *self)
{
  g_return_if_fail (RASD_IS_FACET_VIEW (self));
  on_show_fewer (self);
}

void
rasd_facet_view_set_search_text (RasdFacetView *self,
                                 const char    *text)
{
  g_return_if_fail (RASD_IS_FACET_VIEW (self));

  if (text != NULL && *text != '\0')
    gtk_toggle_button_set_active (self->search_button, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  on_search_changed (self);
}

static void
rasd_facet_view_dispose (GObject *object)
{
  RasdFacetView *self = RASD_FACET_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RASD_TYPE_FACET_VIEW);
  g_clear_object (&self->shown);
  g_clear_object (&self->filtered);

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
    case PROP_MIN_ROWS:
      g_value_set_uint (value, self->min_rows);
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
          gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);
          {
            /* Translators: the tooltip of a facet's search button, e.g. "Search People" */
            g_autofree char *tooltip = g_strdup_printf (_("Search %s"), self->title);
            gtk_widget_set_tooltip_text (GTK_WIDGET (self->search_button), tooltip);
          }
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
    case PROP_MIN_ROWS:
      if (self->min_rows != g_value_get_uint (value))
        {
          self->min_rows = g_value_get_uint (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
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
  widget_class->measure = rasd_facet_view_measure;
  widget_class->size_allocate = rasd_facet_view_size_allocate;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCHABLE] =
    g_param_spec_boolean ("searchable", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* the rows shown however little room there is (when there are so many) */
  properties[PROP_MIN_ROWS] =
    g_param_spec_uint ("min-rows", NULL, NULL, 1, MAX_NATURAL_ROWS, MIN_ROWS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     G_TYPE_STRING, G_TYPE_STRING);

  rasd_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rasd/Rasd/rasd-facet-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, header);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, title_label);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, search_button);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, list_box);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, none_label);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, more_button);
  gtk_widget_class_bind_template_child (widget_class, RasdFacetView, fewer_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_show_more);
  gtk_widget_class_bind_template_callback (widget_class, on_show_fewer);
}

static void
rasd_facet_view_init (RasdFacetView *self)
{
  self->min_rows = MIN_ROWS;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (match_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->shown = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), 0, MIN_ROWS);
  g_signal_connect_swapped (self->filtered, "items-changed", G_CALLBACK (on_filtered_changed), self);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->shown), create_row, self, NULL);
  on_filtered_changed (self);
}

GtkWidget *
rasd_facet_view_new (void)
{
  return g_object_new (RASD_TYPE_FACET_VIEW, NULL);
}
