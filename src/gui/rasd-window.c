#define G_LOG_DOMAIN "rasd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rasd-application.h"
#include "rasd-excerpt-basket.h"
#include "rasd-export-dialog.h"
#include "rasd-facet-item.h"
#include "rasd-format.h"
#include "rasd-facet-view.h"
#include "rasd-importer.h"
#include "rasd-reader.h"
#include "rasd-resources.h"
#include "rasd-store-watch.h"
#include "rasd-window-private.h"
#include "rasd-event-map.h"
#include "rasd-timeline.h"

/* While an import runs, the views reload after a committed batch at most this often. */
#define RELOAD_DURING_IMPORT_USEC (2 * G_USEC_PER_SEC)
/* How often the window looks for another process's commits. */
#define STORE_WATCH_MS 1000


G_DEFINE_FINAL_TYPE (RasdWindow, rasd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SELECTED_EVENT,
  PROP_IMPORT_JOBS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Map and timeline --------------------------------------------------------------------------- */

static void
on_map_place_activated (RasdWindow *self,
                        const char *key,
                        const char *label)
{
  rasd_filter_set_place (self->filter, key, label);
}

static void set_selected_event (RasdWindow    *self,
                                RasdEventItem *item);

static void
on_timeline_event_activated (RasdWindow    *self,
                             RasdEventItem *item)
{
  guint position = rasd_event_model_find (self->events, rasd_event_item_get_id (item));

  rasd_window_select_event (self, position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  /* The timeline also shows events outside the brushed range, which the list leaves out: the
   * reader shows them all the same. */
  if (position == G_MAXUINT)
    set_selected_event (self, item);
}

static void
on_timeline_range_selected (RasdWindow *self,
                            const char *from_iso,
                            const char *to_iso)
{
  rasd_filter_set_range (self->filter, from_iso, to_iso);
}

static void
on_selected_event_for_views (RasdWindow *self)
{
  const RasdStoredEvent *event = self->selected_event != NULL
                                 ? rasd_event_item_get_event (self->selected_event) : NULL;

  rasd_timeline_set_selected (self->timeline, self->selected_event);
  rasd_event_map_set_selected_place (self->map, event != NULL && event->place != NULL
                                                ? event->place->key : NULL);
}

static void
connect_map_and_timeline (RasdWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  gtk_box_remove (self->map_slot, self->map_placeholder);
  gtk_box_remove (self->timeline_slot, self->timeline_placeholder);

  self->map = RASD_EVENT_MAP (rasd_event_map_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  gtk_box_append (self->map_slot, GTK_WIDGET (self->map));
  rasd_event_map_set_model (self->map, rasd_event_model_get_places (self->events));
  g_signal_connect_swapped (self->map, "place-activated", G_CALLBACK (on_map_place_activated), self);
  /* The legend and online tiles follow the preferences. */
  if (RASD_IS_APPLICATION (application)
      && rasd_application_get_settings (RASD_APPLICATION (application)) != NULL)
    rasd_event_map_bind_settings (self->map,
                                  rasd_application_get_settings (RASD_APPLICATION (application)));

  self->timeline = RASD_TIMELINE (rasd_timeline_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), TRUE);
  gtk_box_append (self->timeline_slot, GTK_WIDGET (self->timeline));
  rasd_timeline_set_event_model (self->timeline, self->events);
  g_signal_connect_swapped (self->timeline, "event-activated",
                            G_CALLBACK (on_timeline_event_activated), self);
  g_signal_connect_swapped (self->timeline, "range-selected",
                            G_CALLBACK (on_timeline_range_selected), self);

  g_signal_connect (self, "notify::selected-event", G_CALLBACK (on_selected_event_for_views), NULL);
  /* Every filter (a place from the facets, a marker or the reader, a person...) fits the map to
   * the places left. */
  /* The model may outlive the map (a worker's answer after the window closed): the handler
   * goes with the map. */
  g_signal_connect_object (self->events, "listed", G_CALLBACK (rasd_event_map_zoom_to_fit), self->map,
                           G_CONNECT_SWAPPED);
}

/* Event list ---------------------------------------------------------------------------------- */

static void
set_selected_event (RasdWindow    *self,
                    RasdEventItem *item)
{
  if (!g_set_object (&self->selected_event, item))
    return;
  rasd_reader_show_event (self->reader, item);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-event-excerpts",
                                 item != NULL && !rasd_window_is_read_only (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

guint
rasd_window_get_selected_position (RasdWindow *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  if (self->selection == NULL)
    return GTK_INVALID_LIST_POSITION;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  return gtk_bitset_is_empty (selected) ? GTK_INVALID_LIST_POSITION : gtk_bitset_get_minimum (selected);
}

void
rasd_window_set_selected_event (RasdWindow    *self,
                                RasdEventItem *item)
{
  set_selected_event (self, item);
}

static void
on_selection_changed (RasdWindow *self)
{
  guint position = rasd_window_get_selected_position (self);
  g_autoptr(RasdEventItem) item = position != GTK_INVALID_LIST_POSITION
                                  ? g_list_model_get_item (G_LIST_MODEL (self->selection), position) : NULL;

  rasd_window_update_correct (self);
  /* A reload drops every item; on_events_loaded() selects the same event again if it is there. */
  if (item == NULL && self->restoring)
    return;
  set_selected_event (self, item);
}

/* Runs before the selection sees the change. */
static void
on_events_replacing (RasdWindow *self)
{
  self->restoring = self->selected_event != NULL;
}

/* The widest date the Date column can show in this locale, so that it sizes to its content
 * once instead of cutting off the year or changing width as rows scroll by. */
static int
widest_date_width (GtkWidget *widget)
{
  int widest = 0;

  for (int month = 1; month <= 12; month++)
    {
      g_autofree char *iso = g_strdup_printf ("2000-%02d-28", month);
      g_autofree char *text = rasd_format_date_compact (iso);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, _("Unknown"));
    int width;

    pango_layout_get_pixel_size (layout, &width, NULL);
    widest = MAX (widest, width);
  }
  return widest;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  property)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (g_str_equal (property, "date"))
    {
      /* Never cut: the label asks for its whole text, at least the widest date's width
       * (measured once per column). */
      int width = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "rasd-date-width"));

      if (width == 0)
        {
          width = widest_date_width (label);
          g_object_set_data (G_OBJECT (factory), "rasd-date-width", GINT_TO_POINTER (width));
        }
      gtk_widget_set_size_request (label, width, -1);
      gtk_widget_add_css_class (label, "event-date");
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (g_str_equal (property, "n-sources") || g_str_equal (property, "date") ||
      g_str_equal (property, "confidence"))
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  property)
{
  RasdEventItem *item = RASD_EVENT_ITEM (gtk_list_item_get_item (list_item));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  /* dates and counts in the UI language's month names and digits */
  if (g_str_equal (property, "n-sources"))
    text = rasd_format_count (rasd_event_item_get_n_sources (item));
  else if (g_str_equal (property, "confidence"))
    {
      const RasdStoredEvent *event = rasd_event_item_get_event (item);
      g_autofree char *percent = rasd_format_count ((guint) (event->confidence * 100 + 0.5));

      /* Translators: a confidence in percent, %s its number in the locale's digits */
      text = g_strdup_printf (_("%s%%"), percent);
      tooltip = g_strdup (event->reviewed ? _("Reviewed") : event->edited ? _("Edited, not yet reviewed")
                                           : _("Not yet reviewed"));
      if (event->reviewed)
        {
          g_autofree char *plain = g_steal_pointer (&text);

          text = g_strdup_printf ("✓ %s", plain);
        }
    }
  else if (g_str_equal (property, "date"))
    {
      text = rasd_format_date_compact (rasd_event_item_get_date (item));
      tooltip = rasd_format_date (rasd_event_item_get_date (item));
    }
  else if (g_str_equal (property, "participants"))
    {
      const RasdStoredEvent *event = rasd_event_item_get_event (item);
      g_autoptr(GString) names = g_string_new (NULL);

      /* All of them, one a line: the cell may show only the first few. */
      for (guint i = 0; event->participants != NULL && i < event->participants->len; i++)
        {
          const RasdStoredPerson *person = g_ptr_array_index (event->participants, i);

          g_string_append_printf (names, "%s%s", i > 0 ? "\n" : "", person->name);
        }
      tooltip = g_string_free (g_steal_pointer (&names), FALSE);
      text = g_strdup (rasd_event_item_get_participants (item));
    }
  else
    g_object_get (item, property, &text, NULL);
  if (text == NULL && g_str_equal (property, "date"))
    text = g_strdup (_("Unknown"));
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip != NULL && *tooltip != '\0' ? tooltip : text);
}

/* The store sorts the events (a million do not go through a GtkSortListModel); the columns'
 * sorters only tell which column the user chose.  GTK 4.8 has no public API to read
 * GtkColumnView's sorter, so it is asked to compare two probes: it calls the primary column's
 * sorter first, which notes its key and answers "less"; the view's sorter inverts that for a
 * descending column. */
typedef struct
{
  RasdEventSort sort;
  gboolean      called;
} SortProbe;

static SortProbe *current_probe;

static int
probe_column (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  if (current_probe != NULL && !current_probe->called)
    {
      current_probe->sort = GPOINTER_TO_INT (user_data);
      current_probe->called = TRUE;
    }
  return GTK_ORDERING_SMALLER;
}

static void
on_column_sorter_changed (RasdWindow *self)
{
  GtkSorter *sorter;
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  SortProbe probe = { RASD_EVENT_SORT_DATE, FALSE };
  GtkOrdering order;

  /* the columns go when the window does: a sorted one changes the sorter */
  if (self->event_view == NULL || self->events == NULL)
    return;
  sorter = gtk_column_view_get_sorter (self->event_view);

  current_probe = &probe;
  order = gtk_sorter_compare (sorter, a, b);
  current_probe = NULL;
  if (!probe.called)
    rasd_event_model_set_sort (self->events, RASD_EVENT_SORT_DATE, FALSE);
  else
    rasd_event_model_set_sort (self->events, probe.sort, order == GTK_ORDERING_LARGER);
}

static void
add_column (RasdWindow    *self,
            const char    *title,
            const char    *property,
            RasdEventSort  sort,
            gboolean       expand,
            int            fixed_width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) property);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) property);
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_column, GINT_TO_POINTER (sort), NULL));
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->event_view, column);
}

static void
setup_event_view (RasdWindow *self)
{
  add_column (self, _("Date"), "date", RASD_EVENT_SORT_DATE, FALSE, -1);
  add_column (self, _("Kind"), "kind-label", RASD_EVENT_SORT_KIND, FALSE, 90);
  add_column (self, _("Participants"), "participants", RASD_EVENT_SORT_PARTICIPANTS, TRUE, -1);
  add_column (self, _("Place"), "place", RASD_EVENT_SORT_PLACE, FALSE, 110);
  add_column (self, _("Sources"), "n-sources", RASD_EVENT_SORT_SOURCES, FALSE, 84);
  add_column (self, _("Confidence"), "confidence", RASD_EVENT_SORT_CONFIDENCE, FALSE, 96);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->event_view), "changed",
                            G_CALLBACK (on_column_sorter_changed), self);

  g_signal_connect_swapped (self->events, "items-changed", G_CALLBACK (on_events_replacing), self);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->events)));
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (on_selection_changed), self);
  /* a reload replaces the items: the first selected one may be another */
  g_signal_connect_swapped (self->selection, "items-changed",
                            G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->event_view, GTK_SELECTION_MODEL (self->selection));
}

/* Filter: chips and widgets --------------------------------------------------------------------- */

typedef enum
{
  PART_PERSON,
  PART_PLACE,
  PART_KIND,
  PART_RANGE,
  PART_TEXT,
  PART_REVIEW,
} FilterPart;

static void
on_chip_clicked (GtkButton  *button,
                 RasdWindow *self)
{
  switch ((FilterPart) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "part")))
    {
    case PART_PERSON:
      rasd_filter_set_person (self->filter, NULL, NULL);
      break;
    case PART_PLACE:
      rasd_filter_set_place (self->filter, NULL, NULL);
      break;
    case PART_KIND:
      rasd_filter_set_kind (self->filter, NULL);
      break;
    case PART_RANGE:
      rasd_filter_set_range (self->filter, NULL, NULL);
      break;
    case PART_TEXT:
      rasd_filter_set_text (self->filter, NULL);
      break;
    case PART_REVIEW:
      rasd_filter_set_unreviewed (self->filter, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
add_chip (RasdWindow *self,
          FilterPart  part,
          const char *icon,
          const char *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  g_autofree char *tooltip = g_strdup_printf (_("Remove the filter “%s”"), text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "filter-chip");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data (G_OBJECT (button), "part", GINT_TO_POINTER (part));
  g_signal_connect (button, "clicked", G_CALLBACK (on_chip_clicked), self);
  gtk_box_append (self->chips_box, button);
}

static void
update_chips (RasdWindow *self)
{
  GtkWidget *child;
  const char *from = rasd_filter_get_from (self->filter);
  const char *to = rasd_filter_get_to (self->filter);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_box_remove (self->chips_box, child);

  if (rasd_filter_get_person (self->filter) != NULL)
    add_chip (self, PART_PERSON, "avatar-default-symbolic", rasd_filter_get_person_label (self->filter));
  if (rasd_filter_get_place (self->filter) != NULL)
    add_chip (self, PART_PLACE, "mark-location-symbolic", rasd_filter_get_place_label (self->filter));
  if (rasd_filter_get_kind (self->filter) != NULL)
    add_chip (self, PART_KIND, "view-list-symbolic", rasd_event_kind_label (rasd_filter_get_kind (self->filter)));
  if (from != NULL || to != NULL)
    {
      g_autofree char *range = NULL;
      /* in the interface's words and digits */
      g_autofree char *from_words = rasd_format_article_date (from);
      g_autofree char *to_words = rasd_format_article_date (to);

      /* Isolated so the dates keep their order in a right-to-left interface. */
      if (from != NULL && to != NULL)
        range = g_strdup_printf (_("\u2068%s\u2069 to \u2068%s\u2069"), from_words, to_words);
      else if (from != NULL)
        range = g_strdup_printf (_("From \u2068%s\u2069"), from_words);
      else
        range = g_strdup_printf (_("Until \u2068%s\u2069"), to_words);
      add_chip (self, PART_RANGE, "x-office-calendar-symbolic", range);
    }
  if (rasd_filter_get_text (self->filter) != NULL)
    {
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), rasd_filter_get_text (self->filter));
      add_chip (self, PART_TEXT, "edit-find-symbolic", quoted);
    }

  if (rasd_filter_get_unreviewed (self->filter))
    add_chip (self, PART_REVIEW, "emblem-default-symbolic", _("Needs Review"));

  gtk_revealer_set_reveal_child (self->chips_revealer, !rasd_filter_is_empty (self->filter));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 !rasd_filter_is_empty (self->filter));
}

static void
set_entry_text (GtkEditable *editable,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text != NULL ? text : "") != 0)
    gtk_editable_set_text (editable, text != NULL ? text : "");
}

static void
on_filter_changed (RasdWindow *self)
{
  self->syncing = TRUE;
  update_chips (self);
  set_entry_text (GTK_EDITABLE (self->search_entry), rasd_filter_get_text (self->filter));
  set_entry_text (GTK_EDITABLE (self->from_entry), rasd_filter_get_from (self->filter));
  set_entry_text (GTK_EDITABLE (self->to_entry), rasd_filter_get_to (self->filter));
  gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  rasd_facet_view_set_selected_key (self->people_view, rasd_filter_get_person (self->filter));
  rasd_facet_view_set_selected_key (self->places_view, rasd_filter_get_place (self->filter));
  rasd_facet_view_set_selected_key (self->kinds_view, rasd_filter_get_kind (self->filter));
  self->syncing = FALSE;
}

static void
on_search_changed (RasdWindow *self)
{
  if (!self->syncing)
    rasd_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* A facet row toggles: the active one clears its filter. */
static void
on_person_activated (RasdWindow *self,
                     const char *key,
                     const char *label)
{
  if (g_strcmp0 (key, rasd_filter_get_person (self->filter)) == 0)
    rasd_filter_set_person (self->filter, NULL, NULL);
  else
    rasd_filter_set_person (self->filter, key, label);
}

static void
on_place_activated (RasdWindow *self,
                    const char *key,
                    const char *label)
{
  if (g_strcmp0 (key, rasd_filter_get_place (self->filter)) == 0)
    rasd_filter_set_place (self->filter, NULL, NULL);
  else
    rasd_filter_set_place (self->filter, key, label);
}

static void
on_kind_activated (RasdWindow *self,
                   const char *key,
                   const char *label)
{
  rasd_filter_set_kind (self->filter, g_strcmp0 (key, rasd_filter_get_kind (self->filter)) == 0 ? NULL : key);
}

static void
on_entity_activated (RasdWindow *self,
                     const char *kind,
                     const char *key,
                     const char *name)
{
  if (g_str_equal (kind, "person"))
    rasd_filter_set_person (self->filter, key, name);
  else
    rasd_filter_set_place (self->filter, key, name);
}

/* Reads a date entry: TRUE with *@out NULL when empty, FALSE (and marked) when not a date. */
static gboolean
read_date_entry (GtkEntry  *entry,
                 char     **out)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint32 first, last;

  *out = NULL;
  if (*text == '\0')
    return TRUE;
  if (!rasd_iso_date_to_days (text, &first, &last))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  *out = g_steal_pointer (&text);
  return TRUE;
}

static void
on_apply_range (RasdWindow *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gboolean from_ok = read_date_entry (self->from_entry, &from);
  gboolean to_ok = read_date_entry (self->to_entry, &to);

  if (!from_ok || !to_ok)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Give dates as a year, a month or a day: 2015, 2015-07 or 2015-07-21")));
      return;
    }
  rasd_filter_set_range (self->filter, from, to);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  rasd_filter_clear (RASD_WINDOW (widget)->filter);
}

/* Results ------------------------------------------------------------------------------------- */

static void
update_span (RasdWindow *self)
{
  const char *first = NULL, *last = NULL;

  if (rasd_event_model_get_date_span (self->events, &first, &last))
    {
      g_autofree char *from = rasd_format_date (first);
      g_autofree char *to = rasd_format_date (last);
      g_autofree char *text = g_strdup_printf (_("Events from \u2068%s\u2069 to \u2068%s\u2069"),
                                               from != NULL ? from : first, to != NULL ? to : last);
      gtk_label_set_text (self->span_label, text);
    }
  else
    gtk_label_set_text (self->span_label, _("No dated events"));
}

static void
update_results_page (RasdWindow *self)
{
  const GError *error = rasd_event_model_get_error (self->events);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  /* The list, map and timeline come first; the people facet may follow a moment later. */
  gboolean loading = self->first_load_pending || rasd_event_model_is_loading (self->events);
  gboolean busy = rasd_window_is_loading (self);
  g_autofree char *subtitle = NULL;
  const char *page;

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);

  if (error != NULL && !loading)
    {
      adw_status_page_set_description (self->results_error_page, error->message);
      page = "error";
    }
  else if (n > 0)
    page = "events";
  else if (loading)
    page = "loading";
  else if (!rasd_filter_is_empty (self->filter))
    page = "empty";
  else
    page = "no-events";
  gtk_stack_set_visible_child_name (self->results_stack, page);

  if (!loading && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "explorer") == 0)
    {
      g_autofree char *number = rasd_format_count (n);

      /* Translators: %s is a number, written in the locale's digits */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s event", "%s events", n), number);
      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
}

static void
on_events_listed (RasdWindow *self)
{
  self->first_load_pending = FALSE;
  update_span (self);
  update_results_page (self);

  /* Keep the selected event selected when it is still there. */
  self->restoring = FALSE;
  if (self->selected_event != NULL &&
      rasd_window_get_selected_position (self) == GTK_INVALID_LIST_POSITION)
    {
      guint position = rasd_event_model_find (self->events, rasd_event_item_get_id (self->selected_event));

      if (position != G_MAXUINT)
        {
          rasd_window_select_event (self, position);
          return;
        }
      set_selected_event (self, NULL);
    }
}

/* Shows the welcome page or the explorer, as the database is empty or not.  FALSE when the
 * database could not be read (the error page shows why). */
static gboolean
update_pages (RasdWindow *self)
{
  gboolean has_articles = FALSE;
  g_autoptr(GError) error = NULL;

  if (!rasd_store_has_articles (self->store, &has_articles, &error))
    {
      rasd_window_show_error (self, _("The database could not be read"), error->message);
      return FALSE;
    }
  gtk_stack_set_visible_child_name (self->stack, has_articles ? "explorer" : "welcome");
  /* Searching and filtering mean nothing before the first import. */
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), has_articles);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), has_articles);
  if (!has_articles)
    adw_window_title_set_subtitle (self->window_title, "");
  return TRUE;
}

void
rasd_window_reload (RasdWindow *self)
{
  g_return_if_fail (RASD_IS_WINDOW (self));

  if (self->store == NULL || !update_pages (self))
    return;
  /* What the database holds now is what the views will show. */
  if (self->store_watch != NULL)
    rasd_store_watch_sync (self->store_watch);
  self->first_load_pending = FALSE;
  rasd_event_model_reload (self->events);
  update_results_page (self);
}

gboolean
rasd_window_is_loading (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), FALSE);

  if (self->events == NULL)
    return FALSE;
  return self->first_load_pending || rasd_event_model_is_loading (self->events) ||
         rasd_event_model_is_counting (self->events);
}

/* The first load of the events starts once the window has painted its first frame: on a
 * large database the worker thread that reads them would otherwise take a CPU from the main
 * thread while it builds that frame (and on a busy machine there may be no other). */
static void
on_first_frame (RasdWindow    *self,
                GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  /* A filter set meanwhile has made the model read its events already. */
  if (self->first_load_pending && !rasd_event_model_is_loading (self->events))
    rasd_window_reload (self);
}

static void
on_realize_for_first_load (RasdWindow *self)
{
  if (self->first_load_pending)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_first_frame), self, G_CONNECT_SWAPPED);
}

void
rasd_window_show_error (RasdWindow *self,
                        const char *title,
                        const char *message)
{
  g_return_if_fail (RASD_IS_WINDOW (self));

  /* an upgrade that failed imports nothing */
  self->upgrading = FALSE;
  g_clear_pointer (&self->pending_import, g_strfreev);
  gtk_spinner_set_spinning (self->upgrading_spinner, FALSE);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 self->store != NULL && !rasd_window_is_read_only (self));
}

/* Import ------------------------------------------------------------------------------------ */

static void
on_import_progress (RasdImporter *importer,
                    guint         n_done,
                    guint         n_total,
                    RasdWindow   *self)
{
  g_autofree char *done = rasd_format_count (n_done);
  g_autofree char *total = rasd_format_count (n_total);
  g_autofree char *text = g_strdup_printf (_("Importing file %s of %s…"), done, total);
  gint64 now = g_get_monotonic_time ();

  gtk_progress_bar_set_fraction (self->progress_bar, n_total > 0 ? (double) n_done / n_total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);

  /* Show what the committed batches hold so far, without reloading after every file. */
  if (now - self->last_import_reload > RELOAD_DURING_IMPORT_USEC)
    {
      self->last_import_reload = now;
      rasd_window_reload (self);
    }
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
  for (guint i = 0; i < report->refused->len; i++)
    g_string_append_printf (details, "%s\n", (const char *) g_ptr_array_index (report->refused, i));
  for (guint i = 0; i < report->warnings->len; i++)
    g_string_append_printf (details, "%s\n", (const char *) g_ptr_array_index (report->warnings, i));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Import Problems"),
                                                       details->str));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "150 articles imported (145 with metadata), 3 already stored, 1 failed": the sidecars read
 * with their articles are their metadata, not files skipped. */
static char *
import_summary (const RasdImportReport *report)
{
  g_autofree char *imported = rasd_format_count (report->n_imported);
  g_autoptr(GString) summary = g_string_new (NULL);

  g_string_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s article imported", "%s articles imported",
                                         report->n_imported), imported);
  if (report->n_with_metadata > 0)
    {
      g_autofree char *number = rasd_format_count (report->n_with_metadata);

      /* Translators: follows "150 articles imported" */
      g_string_append_printf (summary, _(" (%s with metadata)"), number);
    }
  if (report->n_duplicates > 0)
    {
      g_autofree char *number = rasd_format_count (report->n_duplicates);

      g_string_append (summary, _(", "));
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s already stored",
                                                    "%s already stored", report->n_duplicates),
                              number);
    }
  if (report->n_failed > 0)
    {
      g_autofree char *number = rasd_format_count (report->n_failed);

      g_string_append (summary, _(", "));
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s failed", "%s failed",
                                                    report->n_failed), number);
    }
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

char *
rasd_window_dup_import_summary (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);

  if (self->importer == NULL)
    return NULL;
  return import_summary (rasd_importer_get_report (self->importer));
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
  summary = import_summary (report);
  toast = adw_toast_new (summary);
  if (report->n_failed > 0 || report->n_refused > 0 || report->warnings->len > 0)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      g_signal_connect (toast, "button-clicked", G_CALLBACK (show_import_details), self);
      adw_toast_set_timeout (toast, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  rasd_window_reload (self);
}

/* Links out of an imported folder are followed only when the user said so (Preferences). */
static gboolean
follow_symlinks_preference (RasdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = RASD_IS_APPLICATION (app) ? rasd_application_get_settings (RASD_APPLICATION (app))
                                                  : NULL;

  return settings != NULL && g_settings_get_boolean (settings, "follow-symlinks");
}

void
rasd_window_import (RasdWindow         *self,
                    const char * const *paths)
{
  g_return_if_fail (RASD_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->store == NULL && self->upgrading && paths[0] != NULL)
    {
      g_auto(GStrv) given = g_steal_pointer (&self->pending_import);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (given != NULL)
        g_strv_builder_addv (builder, (const char **) given);
      g_strv_builder_addv (builder, (const char **) paths);
      self->pending_import = g_strv_builder_end (builder);
      return;
    }
  if (self->store == NULL || paths[0] == NULL)
    return;
  if (rasd_window_is_read_only (self))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This database can only be read: nothing can be imported into it")));
      return;
    }
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
  rasd_importer_set_follow_symlinks (self->importer, follow_symlinks_preference (self));
  self->import_cancellable = g_cancellable_new ();
  self->last_import_reload = g_get_monotonic_time ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Looking for articles…"));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);

  rasd_importer_set_jobs (self->importer, self->import_jobs);
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

/* Other actions -------------------------------------------------------------------------------- */

static void
on_exported (RasdWindow *self,
             GFile      *file)
{
  adw_toast_overlay_add_toast (self->toast_overlay, rasd_export_toast_new (GTK_WINDOW (self), file));
}

/* The export dialog: the basket's excerpts (all or the selected ones) or the events under the
 * window's filter. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RasdWindow *self = RASD_WINDOW (widget);
  g_autoptr(GArray) ids = NULL;
  RasdExportDialog *dialog;

  if (self->store == NULL)
    return;
  ids = rasd_excerpt_basket_get_selected_ids (self->basket);
  dialog = rasd_export_dialog_new (GTK_WINDOW (self), self->store, self->filter, ids);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The basket's "add excerpt" follows the article the reader shows. */
static void
on_article_changed (RasdWindow *self)
{
  RasdEventItem *item = rasd_reader_get_event (self->reader);

  if (self->basket != NULL)
    rasd_excerpt_basket_set_reader_article (self->basket, rasd_reader_get_article_id (self->reader),
                                            item != NULL ? rasd_event_item_get_id (item) : 0);
}

/* One click: the evidence sentences of the selected event, in the article the reader shows. */
static void
add_event_excerpts_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  RasdWindow *self = RASD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint added;

  if (self->basket == NULL || self->selected_event == NULL)
    return;
  added = rasd_excerpt_basket_add_event (self->basket, rasd_event_item_get_id (self->selected_event),
                                         rasd_reader_get_article_id (self->reader), &error);
  if (error != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  else
    {
      g_autofree char *number = rasd_format_count (added);
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%s excerpt added",
                                                             "%s excerpts added", added), number);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }
}

/* The reader's selection (also its context menu and Ctrl+D). */
static void
add_selection_excerpt_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  RasdWindow *self = RASD_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->basket == NULL || rasd_reader_get_article_id (self->reader) == 0)
    return;
  if (!rasd_excerpt_basket_add_selection (self->basket, rasd_reader_get_buffer (self->reader),
                                          rasd_reader_get_article_id (self->reader),
                                          self->selected_event != NULL
                                          ? rasd_event_item_get_id (self->selected_event) : 0,
                                          &error))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (error != NULL ? error->message
                                                              : _("Select some text in the article first")));
  else
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Excerpt added")));
}

static void
on_export_requested (RasdWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.export", NULL);
}

static void
setup_basket (RasdWindow *self)
{
  AdwViewStackPage *page;

  self->basket = rasd_excerpt_basket_new (self->store);
  rasd_excerpt_basket_set_toast_overlay (self->basket, self->toast_overlay);
  rasd_excerpt_basket_attach_reader (self->basket, rasd_reader_get_text_view (self->reader));
  g_signal_connect_swapped (self->basket, "export-requested", G_CALLBACK (on_export_requested), self);
  page = adw_view_stack_add_titled (self->side_stack, GTK_WIDGET (self->basket), "excerpts",
                                    _("Excerpts"));
  adw_view_stack_page_set_icon_name (page, "view-list-bullet-symbolic");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", TRUE);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (RASD_WINDOW (widget)->search_entry));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AdwFlap *flap = RASD_WINDOW (widget)->flap;

  adw_flap_set_reveal_flap (flap, !adw_flap_get_reveal_flap (flap));
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  /* the application's shortcuts window (gtk/help-overlay.ui), which GtkApplication loads once
   * it has started; a window made before that reads it itself */
  GtkShortcutsWindow *shortcuts =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (widget));

  if (shortcuts == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/rasd/Rasd/gtk/help-overlay.ui");

      shortcuts = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (widget), shortcuts);
    }
  gtk_window_set_transient_for (GTK_WINDOW (shortcuts), GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (shortcuts));
}

/* Object ------------------------------------------------------------------------------------ */

static void
rasd_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RasdWindow *self = RASD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_EVENT:
      g_value_set_object (value, self->selected_event);
      break;
    case PROP_IMPORT_JOBS:
      g_value_set_uint (value, self->import_jobs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RasdWindow *self = RASD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_IMPORT_JOBS:
      /* takes effect at the next import */
      if (self->import_jobs != g_value_get_uint (value))
        {
          self->import_jobs = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_window_dispose (GObject *object)
{
  RasdWindow *self = RASD_WINDOW (object);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->store_watch);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->corrector != NULL)
    g_signal_handlers_disconnect_by_data (self->corrector, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RASD_TYPE_WINDOW);

  G_OBJECT_CLASS (rasd_window_parent_class)->dispose (object);
}

static void
rasd_window_finalize (GObject *object)
{
  RasdWindow *self = RASD_WINDOW (object);

  g_clear_object (&self->importer);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->selected_event);
  g_clear_object (&self->selection);
  g_clear_object (&self->corrector);
  g_clear_object (&self->events);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->pending_import, g_strfreev);

  G_OBJECT_CLASS (rasd_window_parent_class)->finalize (object);
}

static void
rasd_window_class_init (RasdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rasd_window_dispose;
  object_class->finalize = rasd_window_finalize;
  object_class->get_property = rasd_window_get_property;
  object_class->set_property = rasd_window_set_property;

  properties[PROP_SELECTED_EVENT] =
    g_param_spec_object ("selected-event", NULL, NULL, RASD_TYPE_EVENT_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The threads that extract events during an import (the import-jobs preference). */
  properties[PROP_IMPORT_JOBS] =
    g_param_spec_uint ("import-jobs", NULL, NULL, 0, 64, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RASD_TYPE_FACET_VIEW);
  g_type_ensure (RASD_TYPE_READER);

  /* Registered by hand: a static library drops an unreferenced resource's constructor. */
  rasd_register_resource ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rasd/Rasd/rasd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, upgrading_page);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, upgrading_spinner);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, people_view);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, places_view);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, kinds_view);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, span_label);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, from_entry);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, to_entry);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, clear_all_button);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, map_slot);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, map_placeholder);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, timeline_slot);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, timeline_placeholder);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, event_view);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, empty_clear_button);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, results_error_page);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, RasdWindow, side_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_person_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_place_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_entity_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_article_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_range);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.add-event-excerpts", NULL, add_event_excerpts_action);
  gtk_widget_class_install_action (widget_class, "win.add-excerpt", NULL,
                                   add_selection_excerpt_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK,
                                       "win.show-shortcuts", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, GDK_CONTROL_MASK,
                                       "win.clear-filters", NULL);
  rasd_window_class_init_correct (widget_class);
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
  GtkDropTarget *drop;

  load_css_once ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = rasd_filter_new ();
  g_signal_connect_swapped (self->filter, "changed", G_CALLBACK (on_filter_changed), self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-event-excerpts", FALSE);
  rasd_window_update_correct (self);
  update_chips (self);
}

gboolean
rasd_window_is_read_only (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), FALSE);
  return self->store != NULL && rasd_store_is_read_only (self->store);
}

/* A database the user may only read: browsing, reading and exporting work; importing and
 * changing the excerpts are off, and the banner says why. */
static void
set_read_only (RasdWindow *self)
{
  static const char *changes[] = { "win.import", "win.import-folder", "win.add-excerpt",
                                   "win.add-event-excerpts", "win.edit-event", "win.reject-event",
                                   "win.merge-events", "win.undo", "win.redo", "win.toggle-reviewed" };
  g_autofree char *text = g_strdup_printf (_("You may only read this database: you have no permission "
                                             "to write %s, or its disk is read-only. Importing and "
                                             "editing excerpts are turned off."),
                                           rasd_store_get_path (self->store));

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), changes[i], FALSE);
  gtk_label_set_text (self->read_only_label, text);
  gtk_revealer_set_reveal_child (self->read_only_revealer, TRUE);
}

/* The preferences that change the window while it is open. */
static void
bind_settings (RasdWindow *self,
               GSettings  *settings)
{
  g_settings_bind (settings, "highlight-entities", self->reader, "highlight-entities",
                   G_SETTINGS_BIND_GET);
}

/* Another process's commits (a second Rasd, rasd-cli import) ------------------------------- */

/* Shown as soon as they are noticed, with the filters as they are; the window's own import
 * reloads as it goes instead. */
static void
on_other_commit (RasdWindow *self)
{
  if (!rasd_window_is_importing (self))
    rasd_window_reload (self);
}

static void
watch_other_commits (RasdWindow *self)
{
  self->store_watch = rasd_store_watch_new (self->store, STORE_WATCH_MS);
  g_signal_connect_object (self->store_watch, "changed", G_CALLBACK (on_other_commit), self,
                           G_CONNECT_SWAPPED);
}

void
rasd_window_show_upgrading (RasdWindow *self,
                            guint       n_articles)
{
  g_autofree char *number = NULL;
  g_autofree char *description = NULL;

  g_return_if_fail (RASD_IS_WINDOW (self));
  g_return_if_fail (self->store == NULL);

  number = rasd_format_count (n_articles);
  /* Translators: %s is a number of articles, written in the locale's digits */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "An older version of Rasd wrote this database of %s article. "
                                              "It is brought up to date once; a large one takes a few minutes. "
                                              "Closing Rasd meanwhile leaves it as it was.",
                                              "An older version of Rasd wrote this database of %s articles. "
                                              "It is brought up to date once; a large one takes a few minutes. "
                                              "Closing Rasd meanwhile leaves it as it was.",
                                              n_articles),
                                 number);
  self->upgrading = TRUE;
  adw_status_page_set_description (self->upgrading_page, description);
  gtk_spinner_set_spinning (self->upgrading_spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "upgrading");
  /* nothing to search or filter yet: update_pages() shows them once the store is set */
  gtk_widget_set_visible (GTK_WIDGET (self->search_entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
}

void
rasd_window_set_store (RasdWindow *self,
                       RasdStore  *store)
{
  g_auto(GStrv) pending = NULL;

  g_return_if_fail (RASD_IS_WINDOW (self));
  g_return_if_fail (RASD_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->upgrading = FALSE;
  gtk_spinner_set_spinning (self->upgrading_spinner, FALSE);
  pending = g_steal_pointer (&self->pending_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  self->store = g_object_ref (store);
  self->events = rasd_event_model_new (store, self->filter);
  g_signal_connect_swapped (self->events, "listed", G_CALLBACK (on_events_listed), self);
  g_signal_connect_swapped (self->events, "notify::loading", G_CALLBACK (update_results_page), self);
  g_signal_connect_swapped (self->events, "notify::counting", G_CALLBACK (update_results_page), self);
  setup_event_view (self);
  rasd_facet_view_set_model (self->people_view, rasd_event_model_get_people (self->events));
  rasd_facet_view_set_model (self->places_view, rasd_event_model_get_places (self->events));
  rasd_facet_view_set_model (self->kinds_view, rasd_event_model_get_kinds (self->events));
  rasd_reader_set_store (self->reader, store);
  setup_basket (self);
  rasd_window_setup_correct (self);
  connect_map_and_timeline (self);
  if (rasd_store_is_read_only (store))
    set_read_only (self);
  watch_other_commits (self);
  /* The pages now, the events after the first frame (on_first_frame); a reload before that,
   * e.g. a filter set by the caller, reads them at once.  A window shown already (its store
   * came from a thread) paints its next frame for the new page. */
  if (update_pages (self))
    {
      self->first_load_pending = TRUE;
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        {
          on_realize_for_first_load (self);
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
      else
        g_signal_connect (self, "realize", G_CALLBACK (on_realize_for_first_load), NULL);
      update_results_page (self);
    }
  if (pending != NULL)
    rasd_window_import (self, (const char * const *) pending);
}

RasdWindow *
rasd_window_new (RasdApplication *application,
                 RasdStore       *store)
{
  RasdWindow *self;

  g_return_val_if_fail (application == NULL || RASD_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store == NULL || RASD_IS_STORE (store), NULL);

  self = g_object_new (RASD_TYPE_WINDOW, "application", application, NULL);
  if (application != NULL && rasd_application_get_settings (application) != NULL)
    bind_settings (self, rasd_application_get_settings (application));
  if (store == NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
  else
    rasd_window_set_store (self, store);
  return self;
}

RasdFilter *
rasd_window_get_filter (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return self->filter;
}

RasdEventModel *
rasd_window_get_event_model (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return self->events;
}

GListModel *
rasd_window_get_event_list (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->events);
}

void
rasd_window_select_event (RasdWindow *self,
                          guint       position)
{
  g_return_if_fail (RASD_IS_WINDOW (self));
  g_return_if_fail (self->selection != NULL);
  if (position == GTK_INVALID_LIST_POSITION)
    gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  else
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

RasdEventItem *
rasd_window_get_selected_event (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return self->selected_event;
}

GtkWidget *
rasd_window_get_reader (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->reader);
}

GtkWidget *
rasd_window_get_facet_view (RasdWindow *self,
                            RasdFacet   facet)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);

  switch (facet)
    {
    case RASD_FACET_PERSON:
      return GTK_WIDGET (self->people_view);
    case RASD_FACET_PLACE:
      return GTK_WIDGET (self->places_view);
    case RASD_FACET_KIND:
      return GTK_WIDGET (self->kinds_view);
    default:
      g_return_val_if_reached (NULL);
    }
}

GtkEditable *
rasd_window_get_search_entry (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkWidget *
rasd_window_get_chips (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->chips_box);
}

GtkWidget *
rasd_window_get_clear_all_button (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return self->clear_all_button;
}

GtkWidget *
rasd_window_get_empty_clear_button (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return self->empty_clear_button;
}

GtkTextBuffer *
rasd_window_get_reader_buffer (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return rasd_reader_get_buffer (self->reader);
}

const char *
rasd_window_get_visible_page (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
rasd_window_get_results_page (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->results_stack);
}

GtkWidget *
rasd_window_get_map (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->map);
}

GtkWidget *
rasd_window_get_timeline (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->timeline);
}

GtkWidget *
rasd_window_get_basket (RasdWindow *self)
{
  g_return_val_if_fail (RASD_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->basket);
}
