/* The explorer window: one filter shared by the facets, the search field, the reader and the
 * event list; chips; the empty-result state; screenshots in both directions and two sizes. */
#include "config.h"

#include <string.h>

#include "rasd-facet-item.h"
#include "rasd-facet-view.h"
#include "rasd-reader.h"
#include "rasd-event-map.h"
#include "rasd-excerpt-basket.h"
#include "rasd-timeline.h"
#include "rasd-window.h"
#include "rasd-gui-test-util.h"
#include "rasd-test-util.h"

static gboolean
map_loaded (gpointer map)
{
  return !rasd_event_map_is_loading (RASD_EVENT_MAP (map));
}

/* A store with the demo corpus imported from a window (the worker thread, progress, toast),
 * shared by the tests: imported once. */
static char *demo_dir;
static char *demo_db;

static RasdStore *
open_demo_store (void)
{
  g_autoptr(GError) error = NULL;
  RasdStore *store;

  if (demo_db == NULL)
    {
      g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
      const char *paths[] = { demo, NULL };
      g_autoptr(RasdStore) fresh = NULL;
      RasdWindow *window;

      demo_dir = rasd_test_make_tmpdir ();
      demo_db = g_build_filename (demo_dir, "rasd.db", NULL);
      fresh = rasd_store_open (demo_db, &error);
      g_assert_no_error (error);
      window = rasd_window_new (NULL, fresh);
      g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "welcome");
      gtk_window_present (GTK_WINDOW (window));
      rasd_test_wait_for (60, rasd_test_widget_mapped, window);

      /* Import from the window fills the views. */
      rasd_window_import (window, paths);
      g_assert_true (rasd_window_is_importing (window));
      rasd_test_wait_for (60, rasd_test_window_imported, window);
      rasd_test_wait_for (60, rasd_test_window_loaded, window);
      g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "explorer");
      g_assert_cmpstr (rasd_window_get_results_page (window), ==, "events");
      g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (window)), >, 10);
      g_assert_cmpuint (g_list_model_get_n_items (rasd_event_model_get_people (rasd_window_get_event_model (window))), >, 3);
      g_assert_cmpuint (g_list_model_get_n_items (rasd_event_model_get_places (rasd_window_get_event_model (window))), >, 3);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  store = rasd_store_open (demo_db, &error);
  g_assert_no_error (error);
  return store;
}

static RasdWindow *
new_window (RasdStore *store,
            int        width,
            int        height)
{
  RasdWindow *window = rasd_window_new (NULL, store);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (60, rasd_test_widget_mapped, window);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  return window;
}

static gboolean
event_has_participant (RasdEventItem *item,
                       const char    *key)
{
  const RasdStoredEvent *event = rasd_event_item_get_event (item);

  for (guint i = 0; i < event->participants->len; i++)
    if (g_str_equal (((RasdStoredPerson *) g_ptr_array_index (event->participants, i))->key, key))
      return TRUE;
  return FALSE;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* A facet row sets the shared filter: the event list and the other facets follow; the chip
 * shows; "Clear all" empties the filter. */
static void
note_first_frame (GdkFrameClock *clock,
                  gpointer       data)
{
  RasdWindow *window = data;
  gboolean *painted = g_object_get_data (G_OBJECT (window), "test-painted");

  /* The window's own handler runs first (connected earlier): the events are being read. */
  if (!*painted)
    g_assert_true (rasd_window_is_loading (window));
  *painted = TRUE;
}

static void
connect_first_frame (GtkWidget *window,
                     gpointer   data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (note_first_frame), window);
}

static gboolean
first_frame_painted (gpointer data)
{
  return *(gboolean *) g_object_get_data (G_OBJECT (data), "test-painted");
}

/* A window on a database with articles shows the explorer at once and reads the events after
 * its first frame, on the worker thread; the results page says it is loading until then. */
static void
test_explorer_events_after_first_frame (void)
{
  g_autoptr(RasdStore) store = open_demo_store ();
  RasdWindow *window = rasd_window_new (NULL, store);
  gboolean painted = FALSE;

  g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "explorer");
  g_assert_true (rasd_window_is_loading (window));
  g_assert_false (rasd_event_model_is_loading (rasd_window_get_event_model (window)));
  g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (window)), ==, 0);
  g_assert_cmpstr (rasd_window_get_results_page (window), ==, "loading");

  g_object_set_data (G_OBJECT (window), "test-painted", &painted);
  g_signal_connect (window, "realize", G_CALLBACK (connect_first_frame), NULL);
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (60, first_frame_painted, window);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_false (rasd_window_is_loading (window));
  g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (window)), >, 10);
  g_assert_cmpstr (rasd_window_get_results_page (window), ==, "events");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_explorer_facet_filters_everything (void)
{
  g_autoptr(RasdStore) store = open_demo_store ();
  RasdWindow *window = new_window (store, 1400, 900);
  RasdFilter *filter = rasd_window_get_filter (window);
  RasdEventModel *events = rasd_window_get_event_model (window);
  GListModel *list = rasd_window_get_event_list (window);
  RasdFacetView *people = RASD_FACET_VIEW (rasd_window_get_facet_view (window, RASD_FACET_PERSON));
  guint n_all = g_list_model_get_n_items (list);
  guint n_places_all = g_list_model_get_n_items (rasd_event_model_get_places (events));
  g_autoptr(RasdFacetItem) top = g_list_model_get_item (rasd_facet_view_get_visible (people), 0);
  g_autofree char *key = g_strdup (rasd_facet_item_get_key (top));
  guint expected = rasd_facet_item_get_count (top);
  guint n;

  g_assert_true (rasd_filter_is_empty (filter));
  g_assert_cmpuint (count_children (rasd_window_get_chips (window)), ==, 0);

  rasd_facet_view_activate_row (people, 0);
  g_assert_cmpstr (rasd_filter_get_person (filter), ==, key);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);

  n = g_list_model_get_n_items (list);
  g_assert_cmpuint (n, ==, expected);
  g_assert_cmpuint (n, <, n_all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (list, i);
      g_assert_true (event_has_participant (item, key));
    }
  /* The facets count under the filter: the person is in every event, fewer places remain. */
  g_assert_cmpuint (rasd_test_facet_count (rasd_event_model_get_people (events), key), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (rasd_event_model_get_places (events)), <, n_places_all);
  g_assert_cmpuint (count_children (rasd_window_get_chips (window)), ==, 1);

  /* A place from the places facet narrows further (AND): two chips. */
  rasd_facet_view_activate_row (RASD_FACET_VIEW (rasd_window_get_facet_view (window, RASD_FACET_PLACE)), 0);
  g_assert_nonnull (rasd_filter_get_place (filter));
  g_assert_nonnull (rasd_filter_get_person (filter));
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_cmpuint (g_list_model_get_n_items (list), <=, n);
  g_assert_cmpuint (count_children (rasd_window_get_chips (window)), ==, 2);

  /* "Clear all" empties the filter; the list is whole again. */
  g_signal_emit_by_name (rasd_window_get_clear_all_button (window), "clicked");
  g_assert_true (rasd_filter_is_empty (filter));
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_all);
  g_assert_cmpuint (count_children (rasd_window_get_chips (window)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
n_shown (RasdFacetView *facet)
{
  return g_list_model_get_n_items (rasd_facet_view_get_shown (facet));
}

typedef struct
{
  RasdFacetView *facet;
  guint          n;
} ShownRows;

static gboolean
facet_shows (gpointer data)
{
  ShownRows *wanted = data;

  return n_shown (wanted->facet) == wanted->n;
}

static gboolean
facet_shows_other (gpointer data)
{
  return !facet_shows (data);
}

/* Waits for the facet's next layout to show @n rows. */
static void
wait_shown (RasdFacetView *facet,
            guint          n)
{
  ShownRows wanted = { facet, n };

  rasd_test_wait_for (60, facet_shows, &wanted);
}

/* The name in a facet's row widget. */
static const char *
row_name (GtkWidget *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

/* The facet's first row shows its first item, at the top of its list. */
static void
assert_facet_at_top (RasdFacetView *facet)
{
  g_autoptr(RasdFacetItem) first = g_list_model_get_item (rasd_facet_view_get_visible (facet), 0);
  GtkWidget *row = rasd_facet_view_get_row (facet, 0);
  GtkWidget *list = gtk_widget_get_parent (row);
  graphene_point_t top;

  g_assert_nonnull (first);
  g_assert_cmpstr (row_name (row), ==, rasd_facet_item_get_label (first));
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_true (gtk_widget_compute_point (row, list, &GRAPHENE_POINT_INIT (0, 0), &top));
  g_assert_cmpfloat (top.y, <=, 2);
  g_assert_cmpfloat (top.y, >=, 0);
}

/* At the default size the facets share the height of the pane: every kind shows, people and
 * places as many as fit and "Show More" for the rest, the sidebar needs no scrolling; a taller
 * window shows more rows; "Show More" shows more; after every change of its contents a list
 * shows its first rows, from the top. */
static void
test_explorer_facets_fill_the_pane (void)
{
  g_autoptr(RasdStore) store = open_demo_store ();
  RasdWindow *window = new_window (store, 1200, 800);
  RasdFilter *filter = rasd_window_get_filter (window);
  RasdFacetView *people = RASD_FACET_VIEW (rasd_window_get_facet_view (window, RASD_FACET_PERSON));
  RasdFacetView *places = RASD_FACET_VIEW (rasd_window_get_facet_view (window, RASD_FACET_PLACE));
  RasdFacetView *kinds = RASD_FACET_VIEW (rasd_window_get_facet_view (window, RASD_FACET_KIND));
  GtkAdjustment *sidebar = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (people), GTK_TYPE_SCROLLED_WINDOW)));
  guint n_people = g_list_model_get_n_items (rasd_facet_view_get_visible (people));
  guint people_at_800, shown;

  rasd_test_pause_ms (300);
  g_assert_cmpuint (g_list_model_get_n_items (rasd_facet_view_get_visible (kinds)), ==, 6);
  g_assert_cmpuint (n_shown (kinds), ==, 6);
  people_at_800 = n_shown (people);
  g_assert_cmpuint (people_at_800, >=, 4);
  g_assert_cmpuint (n_shown (places), >=, 4);
  g_assert_cmpuint (n_people, >, people_at_800);
  /* the sidebar fits the pane */
  g_assert_cmpfloat (gtk_adjustment_get_upper (sidebar), <=, gtk_adjustment_get_page_size (sidebar) + 1);
  /* and fills it: less than a row is left over in each list */
  {
    int row_height = gtk_widget_get_height (rasd_facet_view_get_row (people, 0));
    GtkWidget *last = rasd_facet_view_get_row (people, people_at_800 - 1);
    graphene_point_t bottom;

    g_assert_true (gtk_widget_compute_point (last, GTK_WIDGET (people),
                                             &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (last)), &bottom));
    /* what is below the last row: "Show More" and less than a row more */
    g_assert_cmpfloat (gtk_widget_get_height (GTK_WIDGET (people)) - bottom.y, <, 2 * row_height + 12);
  }
  assert_facet_at_top (people);

  /* Show More: ten more rows (the sidebar scrolls), Show Fewer: back */
  rasd_facet_view_show_more (people);
  wait_shown (people, MIN (n_people, people_at_800 + 10));
  rasd_facet_view_show_fewer (people);
  wait_shown (people, people_at_800);

  /* Every change of the contents shows the first rows. */
  rasd_facet_view_activate_row (people, people_at_800 - 1);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  rasd_test_pause_ms (200);
  assert_facet_at_top (people);
  assert_facet_at_top (places);
  rasd_facet_view_activate_row (places, 0);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  rasd_test_pause_ms (200);
  assert_facet_at_top (people);
  assert_facet_at_top (places);
  assert_facet_at_top (kinds);
  rasd_filter_clear (filter);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  wait_shown (people, people_at_800);
  assert_facet_at_top (people);
  /* the search field's filter too */
  {
    g_autoptr(RasdFacetItem) third = g_list_model_get_item (rasd_facet_view_get_visible (people), 2);
    g_autofree char *name = g_strdup (rasd_facet_item_get_label (third));

    rasd_facet_view_set_search_text (people, name);
    wait_shown (people, MIN (g_list_model_get_n_items (rasd_facet_view_get_visible (people)), people_at_800));
    assert_facet_at_top (people);
    g_assert_cmpstr (row_name (rasd_facet_view_get_row (people, 0)), ==, name);
    rasd_facet_view_set_search_text (people, "");
    wait_shown (people, people_at_800);
  }

  /* A taller window: more rows. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 1000);
  rasd_test_wait_for (60, rasd_test_widget_mapped, window);
  {
    ShownRows before = { people, people_at_800 };

    rasd_test_wait_for (60, facet_shows_other, &before);
  }
  rasd_test_pause_ms (300);
  shown = n_shown (people);
  g_assert_cmpuint (shown, >, people_at_800);
  g_assert_cmpfloat (gtk_adjustment_get_upper (sidebar), <=, gtk_adjustment_get_page_size (sidebar) + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Selecting an event selects it in the timeline and the map; a timeline brush narrows the list;
 * a map marker filters by its place. */
static void
test_explorer_linked_views (void)
{
  g_autoptr(RasdStore) store = open_demo_store ();
  RasdWindow *window = new_window (store, 1400, 900);
  RasdFilter *filter = rasd_window_get_filter (window);
  GListModel *list = rasd_window_get_event_list (window);
  RasdTimeline *timeline = RASD_TIMELINE (rasd_window_get_timeline (window));
  RasdEventMap *map = RASD_EVENT_MAP (rasd_window_get_map (window));
  guint n_all = g_list_model_get_n_items (list);
  g_autoptr(RasdEventItem) first = NULL;
  const RasdStoredEvent *event;
  double x0, x1;
  guint32 first_day, last_day;
  guint n_timeline;

  /* the map draws the places facet: each located place's marker shows its count (zoomed in on
   * it, so that it is not in a cluster) */
  {
    GListModel *places = rasd_event_model_get_places (rasd_window_get_event_model (window));
    guint n_checked = 0;

    g_assert_true (rasd_event_map_get_model (map) == places);
    for (guint i = 0; i < g_list_model_get_n_items (places); i++)
      {
        g_autoptr(RasdFacetItem) place = g_list_model_get_item (places, i);
        g_autofree char *count = g_strdup_printf ("%u", rasd_facet_item_get_count (place));
        GtkWidget *marker;
        double lat, lon;

        if (!rasd_facet_item_get_location (place, &lat, &lon))
          continue;
        rasd_event_map_go_to (map, lat, lon, 10);
        marker = rasd_event_map_get_marker (map, rasd_facet_item_get_key (place));
        g_assert_nonnull (marker);
        if (gtk_widget_has_css_class (marker, "cluster"))
          continue;  /* two places of one town */
        g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (marker)), ==, count);
        n_checked++;
      }
    g_assert_cmpuint (n_checked, >, 3);
    rasd_event_map_zoom_to_fit (map);
  }

  /* selection: list → timeline and map */
  rasd_window_select_event (window, 0);
  first = g_list_model_get_item (list, 0);
  g_assert_true (rasd_window_get_selected_event (window) == first);
  g_assert_true (rasd_timeline_get_selected (timeline) == first);
  event = rasd_event_item_get_event (first);
  g_assert_nonnull (event->place);  /* the demo corpus's first event has one */
  g_assert_cmpstr (rasd_event_map_get_selected_place (map), ==, event->place->key);

  /* the reader's selection and the event's evidence go to the basket, from the window */
  {
    GListModel *excerpts = rasd_excerpt_basket_get_model (RASD_EXCERPT_BASKET (rasd_window_get_basket (window)));
    GtkTextBuffer *buffer = rasd_window_get_reader_buffer (window);
    guint before = g_list_model_get_n_items (excerpts);
    GtkTextIter start, end;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
    gtk_text_buffer_get_iter_at_offset (buffer, &end, 12);
    gtk_text_buffer_select_range (buffer, &start, &end);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-excerpt", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (excerpts), ==, before + 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-event-excerpts", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (excerpts), >, before + 1);
  }

  /* the brush: from a little before the first event's day to a little after it */
  rasd_test_pause_ms (200);
  n_timeline = rasd_event_model_get_timeline_marks (rasd_window_get_event_model (window))->len;
  g_assert_true (rasd_event_item_get_days (first, &first_day, &last_day));
  x0 = rasd_timeline_day_to_x (timeline, first_day - 1);
  x1 = rasd_timeline_day_to_x (timeline, last_day + 1);
  rasd_timeline_brush_between (timeline, MIN (x0, x1), MAX (x0, x1));
  g_assert_nonnull (rasd_filter_get_from (filter));
  g_assert_nonnull (rasd_filter_get_to (filter));
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_cmpuint (g_list_model_get_n_items (list), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (list), <, n_all);
  /* ... but not the timeline: it shows the other events around the brush */
  g_assert_cmpuint (rasd_event_model_get_timeline_marks (rasd_window_get_event_model (window))->len, ==,
                    n_timeline);
  g_assert_cmpuint (n_timeline, >, g_list_model_get_n_items (list));
  /* the selected event is still selected, in the list and the timeline */
  g_assert_cmpint (rasd_event_item_get_id (rasd_window_get_selected_event (window)), ==,
                   rasd_event_item_get_id (first));
  g_assert_cmpint (rasd_event_item_get_id (rasd_timeline_get_selected (timeline)), ==,
                   rasd_event_item_get_id (first));

  /* a marker: filters by its place */
  rasd_filter_clear (filter);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_signal_emit_by_name (map, "place-activated", event->place->key, event->place->name);
  g_assert_cmpstr (rasd_filter_get_place (filter), ==, event->place->key);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (list, i);
      const RasdStoredEvent *e = rasd_event_item_get_event (item);

      g_assert_nonnull (e->place);
      g_assert_cmpstr (e->place->key, ==, event->place->key);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A click on a column header sorts the list in the store (no GtkSortListModel): the model gets
 * the column's key and direction; the selected event stays selected at its new position. */
static void
test_explorer_column_sort (void)
{
  static const RasdEventSort keys[] = {
    RASD_EVENT_SORT_DATE, RASD_EVENT_SORT_KIND, RASD_EVENT_SORT_PARTICIPANTS,
    RASD_EVENT_SORT_PLACE, RASD_EVENT_SORT_SOURCES, RASD_EVENT_SORT_CONFIDENCE,
  };
  g_autoptr(RasdStore) store = open_demo_store ();
  RasdWindow *window = new_window (store, 1400, 900);
  RasdEventModel *model = rasd_window_get_event_model (window);
  GListModel *list = rasd_window_get_event_list (window);
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(RasdEventItem) selected = NULL;
  gboolean descending;

  g_assert_true (list == G_LIST_MODEL (model));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, G_N_ELEMENTS (keys));
  rasd_window_select_event (window, 3);
  selected = g_object_ref (rasd_window_get_selected_event (window));

  for (guint c = 0; c < G_N_ELEMENTS (keys); c++)
    for (int d = 0; d <= 1; d++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
        guint position;

        gtk_column_view_sort_by_column (view, column, d ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        rasd_test_wait_for (60, rasd_test_window_loaded, window);
        g_assert_cmpint (rasd_event_model_get_sort (model, &descending), ==, keys[c]);
        g_assert_cmpint (descending, ==, d);
        position = rasd_event_model_find (model, rasd_event_item_get_id (selected));
        g_assert_cmpuint (position, !=, G_MAXUINT);
        g_assert_true (gtk_selection_model_is_selected (gtk_column_view_get_model (view), position));
        g_assert_cmpint (rasd_event_item_get_id (rasd_window_get_selected_event (window)), ==,
                         rasd_event_item_get_id (selected));
      }
  /* no column: the store's date order again */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_cmpint (rasd_event_model_get_sort (model, &descending), ==, RASD_EVENT_SORT_DATE);
  g_assert_false (descending);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Selecting an event shows its article with the evidence marked; clicking a highlighted name
 * filters by that person. */
static void
test_explorer_reader (void)
{
  g_autoptr(RasdStore) store = open_demo_store ();
  RasdWindow *window = new_window (store, 1400, 900);
  RasdReader *reader = RASD_READER (rasd_window_get_reader (window));
  RasdFilter *filter = rasd_window_get_filter (window);
  GListModel *list = rasd_window_get_event_list (window);
  GtkTextBuffer *buffer = rasd_window_get_reader_buffer (window);
  GtkTextTag *evidence_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "evidence");
  GtkTextTag *person_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "person");
  guint n_all = g_list_model_get_n_items (list);
  guint checked = 0;
  GtkTextIter iter;
  int person_offset = -1;

  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (list, i);
      /* The list holds summaries; the sources and evidence are the store's. */
      g_autoptr(RasdStoredEvent) event = rasd_store_get_event (store, rasd_event_item_get_id (item), NULL);
      const RasdStoredSource *source = g_ptr_array_index (event->sources, 0);

      rasd_window_select_event (window, i);
      g_assert_true (rasd_window_get_selected_event (window) == item);
      g_assert_true (rasd_reader_get_event (reader) == item);
      g_assert_cmpint (rasd_reader_get_article_id (reader), ==, source->article_id);

      /* Every evidence span of this article is covered by the evidence tag, and only it. */
      for (guint j = 0; j < event->evidence->len; j++)
        {
          const RasdStoredEvidence *ev = &g_array_index (event->evidence, RasdStoredEvidence, j);
          GtkTextIter a;

          if (ev->article_id != source->article_id || ev->end <= ev->start)
            continue;
          gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) ev->start);
          g_assert_true (gtk_text_iter_has_tag (&a, evidence_tag));
          gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) ev->end - 1);
          g_assert_true (gtk_text_iter_has_tag (&a, evidence_tag));
          if (ev->start > 0)
            {
              gboolean inside_other = FALSE;

              for (guint k = 0; k < event->evidence->len; k++)
                {
                  const RasdStoredEvidence *o = &g_array_index (event->evidence, RasdStoredEvidence, k);
                  inside_other |= o->article_id == ev->article_id && o->start < ev->start && o->end >= ev->start;
                }
              gtk_text_buffer_get_iter_at_offset (buffer, &a, (int) ev->start - 1);
              if (!inside_other)
                g_assert_false (gtk_text_iter_has_tag (&a, evidence_tag));
            }
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 5);

  /* The text of event 0 has highlighted people; a click on one filters by it.  The first
   * highlighted person who takes part in event 0 (its article names others too). */
  rasd_window_select_event (window, 0);
  g_assert_false (rasd_reader_activate_offset (reader, 0) && rasd_filter_get_person (filter) == NULL);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  while (gtk_text_iter_has_tag (&iter, person_tag) || gtk_text_iter_forward_to_tag_toggle (&iter, person_tag))
    {
      int offset = gtk_text_iter_get_offset (&iter) + 1;
      g_autoptr(RasdEventItem) first = NULL;
      gboolean takes_part;

      rasd_filter_clear (filter);
      rasd_test_wait_for (60, rasd_test_window_loaded, window);
      rasd_window_select_event (window, 0);
      first = g_object_ref (rasd_window_get_selected_event (window));
      g_assert_true (rasd_reader_activate_offset (reader, offset));
      g_assert_nonnull (rasd_filter_get_person (filter));
      takes_part = event_has_participant (first, rasd_filter_get_person (filter));
      rasd_test_wait_for (60, rasd_test_window_loaded, window);
      if (takes_part)
        {
          person_offset = offset;
          break;
        }
      /* not a party of event 0: back to it, on to the next person highlighted */
      rasd_filter_clear (filter);
      rasd_test_wait_for (60, rasd_test_window_loaded, window);
      rasd_window_select_event (window, 0);
      gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
      if (!gtk_text_iter_forward_to_tag_toggle (&iter, person_tag) || !gtk_text_iter_forward_to_tag_toggle (&iter, person_tag))
        break;
    }
  g_assert_cmpint (person_offset, >, 0);
  g_assert_nonnull (rasd_filter_get_person (filter));
  g_assert_cmpuint (g_list_model_get_n_items (list), <, n_all);
  g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (list, i);
      g_assert_true (event_has_participant (item, rasd_filter_get_person (filter)));
    }
  /* The event read is one of them: it stays selected. */
  g_assert_nonnull (rasd_window_get_selected_event (window));
  g_assert_true (event_has_participant (rasd_window_get_selected_event (window),
                                        rasd_filter_get_person (filter)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
text_filter_applied (gpointer data)
{
  RasdWindow *window = data;

  return rasd_filter_get_text (rasd_window_get_filter (window)) != NULL && rasd_test_window_loaded (window);
}

/* The search field keeps the events whose articles contain the words; the empty state offers
 * to clear the filters. */
static void
test_explorer_search_and_empty_state (void)
{
  g_autoptr(RasdStore) store = open_demo_store ();
  RasdWindow *window = new_window (store, 1400, 900);
  RasdFilter *filter = rasd_window_get_filter (window);
  GListModel *list = rasd_window_get_event_list (window);
  guint n_all = g_list_model_get_n_items (list);
  g_autoptr(GPtrArray) hits = NULL;
  guint n;

  /* "هاتفي" (by telephone): only the articles about calls. */
  gtk_editable_set_text (rasd_window_get_search_entry (window), "هاتفي");
  rasd_test_wait_for (60, text_filter_applied, window);
  g_assert_cmpstr (rasd_filter_get_text (filter), ==, "هاتفي");
  n = g_list_model_get_n_items (list);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, n_all);
  hits = rasd_store_search (store, "هاتفي", 0, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (list, i);
      g_autoptr(RasdStoredEvent) event = rasd_store_get_event (store, rasd_event_item_get_id (item), NULL);
      gboolean found = FALSE;

      for (guint s = 0; s < event->sources->len; s++)
        for (guint h = 0; h < hits->len; h++)
          found |= ((RasdStoredSource *) g_ptr_array_index (event->sources, s))->article_id ==
                   ((RasdSearchHit *) g_ptr_array_index (hits, h))->article_id;
      g_assert_true (found);
    }
  g_assert_cmpuint (count_children (rasd_window_get_chips (window)), ==, 1);

  /* Nothing matches: the empty state, whose button clears everything. */
  rasd_filter_set_range (filter, "1800", "1801");
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_cmpstr (rasd_window_get_results_page (window), ==, "empty");
  g_assert_cmpuint (count_children (rasd_window_get_chips (window)), ==, 2);
  g_signal_emit_by_name (rasd_window_get_empty_clear_button (window), "clicked");
  g_assert_true (rasd_filter_is_empty (filter));
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_cmpstr (rasd_window_get_results_page (window), ==, "events");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_all);
  g_assert_cmpstr (gtk_editable_get_text (rasd_window_get_search_entry (window)), ==, "");

  /* A bad query is an error shown in the window, not a crash. */
  rasd_filter_set_range (filter, "not-a-date", NULL);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_cmpstr (rasd_window_get_results_page (window), ==, "error");
  rasd_filter_clear (filter);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  g_assert_cmpstr (rasd_window_get_results_page (window), ==, "events");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Stores @text as an article reporting the same Putin–Assad meeting in Damascus. */
static gint64
add_meeting_article (RasdStore  *store,
                     const char *title,
                     const char *text)
{
  g_autoptr(RasdArticle) article = rasd_article_new ();
  g_autoptr(RasdExtraction) extraction = rasd_extraction_new ();
  g_autoptr(GError) error = NULL;
  const char *putin = g_utf8_strchr (text, -1, g_utf8_get_char ("ب"));
  RasdEvent *event = rasd_event_new ();
  RasdSpan span = { 0, g_utf8_strlen (text, -1) };
  RasdMention mention = { RASD_MENTION_PERSON, 0, 0, 0 };
  int person, other, place;
  gint64 id;

  rasd_article_set_title (article, title);
  rasd_article_set_source (article, title);
  rasd_article_set_date (article, "2020-01-07");
  rasd_article_set_text (article, text);
  id = rasd_store_add_article (store, article, NULL, &error);
  g_assert_no_error (error);

  person = rasd_extraction_add_entity (extraction, RASD_ENTITY_PERSON, "vladimir-putin", "فلاديمير بوتين", "Vladimir Putin", "RU");
  other = rasd_extraction_add_entity (extraction, RASD_ENTITY_PERSON, "bashar-al-assad", "بشار الأسد", "Bashar al-Assad", "SY");
  place = rasd_extraction_add_entity (extraction, RASD_ENTITY_PLACE, "170654", "دمشق", "Damascus", "SY");
  rasd_extraction_get_entity (extraction, place)->place_kind = "city";
  rasd_extraction_get_entity (extraction, place)->lat = 33.51;
  rasd_extraction_get_entity (extraction, place)->lon = 36.29;
  /* بوتين: the first ب of the text starts the name (5 letters). */
  mention.start = g_utf8_pointer_to_offset (text, putin);
  mention.end = mention.start + 5;
  mention.entity = person;
  g_array_append_val (extraction->mentions, mention);

  event->kind = "meeting";
  event->cameo = "040";
  event->date = (RasdDate) { 2020, 1, 7, RASD_DATE_PRECISION_DAY };
  event->role = RASD_EVENT_ROLE_HEADLINE;
  g_array_append_val (event->participants, person);
  g_array_append_val (event->participants, other);
  event->place = place;
  g_array_append_val (event->evidence, span);
  g_ptr_array_add (extraction->events, event);

  g_assert_true (rasd_store_save_extraction (store, id, extraction, &error));
  g_assert_no_error (error);
  return id;
}

/* An event two articles report: the reader offers both sources and marks each one's evidence. */
/* Condition for rasd_test_wait_for(): the chip bar and its revealer have room (the revealer
 * animates, and a loaded machine takes longer). */
static gboolean
chips_shown (gpointer window)
{
  GtkWidget *chips = rasd_window_get_chips (window);

  return gtk_widget_get_height (chips) > 10
         && gtk_widget_get_height (gtk_widget_get_ancestor (chips, GTK_TYPE_REVEALER)) > 10;
}

static void
test_explorer_sources (void)
{
  g_autofree char *dir = rasd_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rasd.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdStore) store = rasd_store_open (db, &error);
  gint64 first, second;
  RasdWindow *window;
  RasdReader *reader;
  GtkTextBuffer *buffer;
  GtkTextTag *evidence, *person;
  GtkTextIter iter;
  RasdEventItem *item;

  g_assert_no_error (error);
  first = add_meeting_article (store, "وكالة أ", "التقى الرئيس بوتين نظيره الأسد في دمشق يوم 7 يناير 2020.");
  second = add_meeting_article (store, "وكالة ب", "قالت مصادر إن بوتين اجتمع مع الأسد في العاصمة السورية.");

  window = new_window (store, 1400, 900);
  reader = RASD_READER (rasd_window_get_reader (window));
  buffer = rasd_window_get_reader_buffer (window);
  evidence = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "evidence");
  person = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "person");

  g_assert_cmpuint (g_list_model_get_n_items (rasd_window_get_event_list (window)), ==, 1);
  rasd_window_select_event (window, 0);
  item = rasd_window_get_selected_event (window);
  g_assert_cmpuint (rasd_event_item_get_n_sources (item), ==, 2);
  g_assert_cmpint (rasd_reader_get_article_id (reader), ==, first);

  rasd_reader_show_source (reader, 1);
  g_assert_cmpuint (rasd_reader_get_source_index (reader), ==, 1);
  g_assert_cmpint (rasd_reader_get_article_id (reader), ==, second);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  g_assert_true (gtk_text_iter_has_tag (&iter, evidence));
  g_assert_false (gtk_text_iter_has_tag (&iter, person));
  gtk_text_iter_forward_to_tag_toggle (&iter, person);
  g_assert_true (gtk_text_iter_starts_tag (&iter, person));
  {
    GtkTextIter end = iter;
    g_autofree char *name = NULL;

    gtk_text_iter_forward_to_tag_toggle (&end, person);
    name = gtk_text_iter_get_text (&iter, &end);
    g_assert_cmpstr (name, ==, "بوتين");
  }
  rasd_test_pause_ms (200);
  /* No filter: the chip bar takes no room. */
  g_assert_cmpint (gtk_widget_get_height (gtk_widget_get_ancestor (rasd_window_get_chips (window),
                                                                   GTK_TYPE_REVEALER)), ==, 0);
  g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), "sources-ltr-1400x900"), >, 32);

  /* Clicking the name filters by the person: the chip shows the full name. */
  g_assert_true (rasd_reader_activate_offset (reader, gtk_text_iter_get_offset (&iter)));
  g_assert_cmpstr (rasd_filter_get_person (rasd_window_get_filter (window)), ==, "vladimir-putin");
  g_assert_cmpstr (rasd_filter_get_person_label (rasd_window_get_filter (window)), ==, "فلاديمير بوتين");
  rasd_test_wait_for (30, chips_shown, window);

  /* The main menu's Keyboard Shortcuts opens the shortcuts window. */
  {
    GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's own */
    guint before = g_list_model_get_n_items (toplevels);
    GtkWindow *shortcuts = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-shortcuts", NULL));
    g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);
        if (GTK_IS_SHORTCUTS_WINDOW (w))
          shortcuts = w;
      }
    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (window));
    gtk_window_destroy (shortcuts);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  rasd_test_rmtree (dir);
}

/* Screenshots of the main states, left-to-right and right-to-left, wide and narrow. */
static void
screenshots (GtkTextDirection direction)
{
  static const struct { int width, height; } sizes[] = { { 1400, 900 }, { 900, 700 } };
  const char *dir = direction == GTK_TEXT_DIR_RTL ? "rtl" : "ltr";
  g_autoptr(RasdStore) store = open_demo_store ();
  g_autofree char *empty_dir = rasd_test_make_tmpdir ();
  g_autofree char *empty_db = g_build_filename (empty_dir, "rasd.db", NULL);
  g_autoptr(RasdStore) empty = rasd_store_open (empty_db, NULL);

  gtk_widget_set_default_direction (direction);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      RasdWindow *window = new_window (store, sizes[s].width, sizes[s].height);
      RasdFilter *filter = rasd_window_get_filter (window);
      GListModel *places = rasd_event_model_get_places (rasd_window_get_event_model (window));
      g_autofree char *name = NULL;
      guint colours;

      /* One city selected (the place with most events), its first event read. */
      for (guint i = 0; i < g_list_model_get_n_items (places); i++)
        {
          g_autoptr(RasdFacetItem) place = g_list_model_get_item (places, i);

          if (g_ascii_isdigit (*rasd_facet_item_get_key (place)))
            {
              rasd_filter_set_place (filter, rasd_facet_item_get_key (place), rasd_facet_item_get_label (place));
              break;
            }
        }
      g_assert_nonnull (rasd_filter_get_place (filter));
      rasd_test_wait_for (60, rasd_test_window_loaded, window);
      rasd_window_select_event (window, 0);
      rasd_test_pause_ms (300);
      /* the basemap's tiles are drawn on worker threads */
      rasd_test_pause_ms (1500);
      rasd_test_wait_for (60, map_loaded, rasd_window_get_map (window));
      rasd_test_pause_ms (300);
      name = g_strdup_printf ("explorer-%s-%dx%d", dir, sizes[s].width, sizes[s].height);
      colours = rasd_test_render_to_png (GTK_WIDGET (window), name);
      g_assert_cmpuint (colours, >, 64);

      rasd_filter_set_kind (filter, "summit");
      rasd_filter_set_range (filter, "1990", "1991");
      rasd_test_wait_for (60, rasd_test_window_loaded, window);
      g_assert_cmpstr (rasd_window_get_results_page (window), ==, "empty");
      rasd_test_settle ();
      g_free (name);
      name = g_strdup_printf ("empty-result-%s-%dx%d", dir, sizes[s].width, sizes[s].height);
      g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), name), >, 16);
      gtk_window_destroy (GTK_WINDOW (window));

      window = new_window (empty, sizes[s].width, sizes[s].height);
      g_assert_cmpstr (rasd_window_get_visible_page (window), ==, "welcome");
      rasd_test_settle ();
      g_free (name);
      name = g_strdup_printf ("welcome-%s-%dx%d", dir, sizes[s].width, sizes[s].height);
      g_assert_cmpuint (rasd_test_render_to_png (GTK_WIDGET (window), name), >, 8);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  rasd_test_rmtree (empty_dir);
}

static void
test_explorer_screenshots_ltr (void)
{
  screenshots (GTK_TEXT_DIR_LTR);
}

static void
test_explorer_screenshots_rtl (void)
{
  screenshots (GTK_TEXT_DIR_RTL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rasd_test_gui_init (&argc, &argv);

  g_test_add_func ("/explorer/events-after-first-frame", test_explorer_events_after_first_frame);
  g_test_add_func ("/explorer/facet-filters-everything", test_explorer_facet_filters_everything);
  g_test_add_func ("/explorer/facets-fill-the-pane", test_explorer_facets_fill_the_pane);
  g_test_add_func ("/explorer/linked-views", test_explorer_linked_views);
  g_test_add_func ("/explorer/column-sort", test_explorer_column_sort);
  g_test_add_func ("/explorer/reader", test_explorer_reader);
  g_test_add_func ("/explorer/search-and-empty-state", test_explorer_search_and_empty_state);
  g_test_add_func ("/explorer/sources", test_explorer_sources);
  g_test_add_func ("/explorer/screenshots-ltr", test_explorer_screenshots_ltr);
  g_test_add_func ("/explorer/screenshots-rtl", test_explorer_screenshots_rtl);

  status = g_test_run ();
  if (demo_dir != NULL)
    rasd_test_rmtree (demo_dir);
  g_free (demo_dir);
  g_free (demo_db);
  return status;
}
