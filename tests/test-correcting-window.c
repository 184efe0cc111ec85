#include "config.h"

#include <adwaita.h>

#include "rasd-event-editor.h"
#include "rasd-event-map.h"
#include "rasd-gui-test-util.h"
#include "rasd-reader.h"
#include "rasd-test-util.h"
#include "rasd-window.h"

/* Corrections in the window (issue 16): an event's place edited in the editor, a name rejected
 * from the reader's menu, two events merged from the list; after each the list, the map's
 * places and the facets follow.  Screenshots of the editor and the review queue, in the
 * locale given (run once in English, once in Arabic). */

static const char *lang = "en";

static RasdStore *
open_demo (char **dir)
{
  g_autofree char *demo = g_build_filename (g_getenv ("RASD_SOURCE_DIR"), "data", "demo", NULL);
  g_autofree char *cli = g_strdup (g_getenv ("RASD_CLI"));
  g_autofree char *db = NULL;
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  RasdStore *store;
  int status = 0;

  *dir = rasd_test_make_tmpdir ();
  db = g_build_filename (*dir, "rasd.db", NULL);
  command = g_strdup_printf ("%s --db %s import %s", cli, db, demo);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  store = rasd_store_open (db, &error);
  g_assert_no_error (error);
  return store;
}

static gboolean
window_settled (gpointer data)
{
  return !rasd_window_is_loading (RASD_WINDOW (data));
}

static gboolean
corrector_idle (gpointer data)
{
  return !rasd_corrector_is_busy (rasd_window_get_corrector (RASD_WINDOW (data)));
}

/* A decision reloads the views (the corrector's "changed"): wait for it and the reload. */
static void
wait_reloaded (RasdWindow *window)
{
  rasd_test_wait_for (60, corrector_idle, window);
  rasd_test_wait_for (60, window_settled, window);
  rasd_test_settle ();
}

static guint
find_position (RasdWindow *window,
               gint64      id)
{
  GListModel *list = rasd_window_get_event_list (window);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (list, i);

      if (rasd_event_item_get_id (item) == id)
        return i;
    }
  return G_MAXUINT;
}

static gboolean
list_has_participant (RasdWindow *window,
                      const char *key)
{
  GListModel *list = rasd_window_get_event_list (window);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RasdEventItem) item = g_list_model_get_item (list, i);
      const RasdStoredEvent *event = rasd_event_item_get_event (item);

      for (guint p = 0; p < event->participants->len; p++)
        if (g_str_equal (((RasdStoredPerson *) event->participants->pdata[p])->key, key))
          return TRUE;
    }
  return FALSE;
}

static GtkWidget *
rasd_test_find_column_view (GtkWidget *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  rasd_test_collect_widgets (root, GTK_TYPE_COLUMN_VIEW, found);
  g_assert_cmpuint (found->len, >, 0);
  return found->pdata[0];
}

static RasdEventEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (RASD_IS_EVENT_EDITOR (window))
        return RASD_EVENT_EDITOR (window);
    }
  return NULL;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *full = g_strdup_printf ("%s-%s", name, lang);

  g_assert_cmpuint (rasd_test_render_to_png (widget, full), >, 50);
}

static void
test_correct_in_window (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(RasdStore) store = open_demo (&dir);
  RasdWindow *window = rasd_window_new (NULL, store);
  RasdEventModel *model;
  GListModel *list, *people, *places;
  RasdEventMap *map;
  RasdEventEditor *editor;
  g_autoptr(GError) error = NULL;
  g_autoptr(RasdEventItem) first = NULL;
  gint64 edited_id, a, b;
  guint n_before, position;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  rasd_test_wait_for (60, rasd_test_widget_mapped, window);
  rasd_test_wait_for (60, rasd_test_window_loaded, window);
  model = rasd_window_get_event_model (window);
  list = rasd_window_get_event_list (window);
  people = rasd_event_model_get_people (model);
  places = rasd_event_model_get_places (model);
  map = RASD_EVENT_MAP (rasd_window_get_map (window));
  n_before = g_list_model_get_n_items (list);
  g_assert_cmpuint (n_before, >, 10);
  /* Tunisia is no place of the demo's events */
  g_assert_cmpuint (rasd_test_facet_count (places, "country:TN"), ==, 0);

  /* 1. The first event's place, from the editor's gazetteer search */
  rasd_window_select_event (window, 0);
  first = g_object_ref (rasd_window_get_selected_event (window));
  edited_id = rasd_event_item_get_id (first);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-event", NULL);
  rasd_test_settle ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_true (rasd_event_editor_choose_place (editor, "Tunisia"));
  gtk_window_set_default_size (GTK_WINDOW (editor), 520, 760);
  rasd_test_wait_for (10, rasd_test_widget_mapped, editor);
  rasd_test_pause_ms (300);
  screenshot (GTK_WIDGET (editor), "edit-event");
  g_assert_true (rasd_event_editor_apply (editor, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (editor));
  wait_reloaded (window);
  position = find_position (window, edited_id);
  g_assert_cmpuint (position, !=, G_MAXUINT);
  {
    g_autoptr(RasdEventItem) item = g_list_model_get_item (list, position);

    g_assert_cmpstr (rasd_event_item_get_event (item)->place->key, ==, "country:TN");
    g_assert_true (rasd_event_item_get_event (item)->edited);
  }
  g_assert_cmpuint (rasd_test_facet_count (places, "country:TN"), ==, 1);
  g_assert_true (rasd_event_map_get_model (map) == places);
  g_assert_cmpuint (rasd_test_facet_count (rasd_event_map_get_model (map), "country:TN"), ==, 1);

  /* Undo (Ctrl+Z) puts the place back; redo again */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  wait_reloaded (window);
  g_assert_cmpuint (rasd_test_facet_count (places, "country:TN"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  wait_reloaded (window);
  g_assert_cmpuint (rasd_test_facet_count (places, "country:TN"), ==, 1);

  /* 2. A name rejected from the reader's menu: out of the facets and the list */
  {
    RasdReader *reader = RASD_READER (rasd_window_get_reader (window));
    g_autoptr(GPtrArray) mentions = rasd_store_list_mentions (store, rasd_reader_get_article_id (reader), &error);
    RasdStoredMention *person = NULL;
    g_autofree char *key = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < mentions->len && person == NULL; i++)
      if (((RasdStoredMention *) mentions->pdata[i])->kind == RASD_MENTION_PERSON)
        person = mentions->pdata[i];
    g_assert_nonnull (person);
    key = g_strdup (person->key);
    g_assert_cmpuint (rasd_test_facet_count (people, key), >, 0);
    g_assert_true (list_has_participant (window, key));
    g_assert_nonnull (rasd_reader_open_entity_menu (reader, (int) person->start));
    rasd_test_settle ();
    g_assert_true (rasd_reader_entity_action (reader, (int) person->start, "reject"));
    wait_reloaded (window);
    g_assert_cmpuint (rasd_test_facet_count (people, key), ==, 0);
    g_assert_false (list_has_participant (window, key));
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_before);
  }

  /* 3. Two events merged from the list (multi-selection, Ctrl+M): one row fewer, the
   * sources of both */
  {
    GtkSelectionModel *selection = GTK_SELECTION_MODEL (gtk_column_view_get_model (
      GTK_COLUMN_VIEW (rasd_test_find_column_view (GTK_WIDGET (window)))));
    g_autoptr(RasdEventItem) item_a = g_list_model_get_item (list, 1);
    g_autoptr(RasdEventItem) item_b = g_list_model_get_item (list, 2);
    guint sources = rasd_event_item_get_n_sources (item_a) + rasd_event_item_get_n_sources (item_b);

    a = rasd_event_item_get_id (item_a);
    b = rasd_event_item_get_id (item_b);
    gtk_selection_model_select_item (selection, 1, TRUE);
    gtk_selection_model_select_item (selection, 2, FALSE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.merge-events", NULL));
    wait_reloaded (window);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_before - 1);
    g_assert_cmpuint (find_position (window, b), ==, G_MAXUINT);
    position = find_position (window, a);
    g_assert_cmpuint (position, !=, G_MAXUINT);
    {
      g_autoptr(RasdEventItem) merged = g_list_model_get_item (list, position);

      g_assert_cmpuint (rasd_event_item_get_n_sources (merged), >=, MAX (1, sources - 1));
      g_assert_true (rasd_event_item_get_event (merged)->edited);
    }
  }

  /* The review queue: the least sure first */
  rasd_window_select_event (window, GTK_INVALID_LIST_POSITION);
  rasd_filter_set_unreviewed (rasd_window_get_filter (window), TRUE);
  rasd_test_wait_for (60, window_settled, window);
  rasd_test_settle ();
  {
    RasdEventSort sort;
    gboolean descending;
    double last = -1;

    sort = rasd_event_model_get_sort (model, &descending);
    g_assert_cmpint (sort, ==, RASD_EVENT_SORT_CONFIDENCE);
    g_assert_false (descending);
    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(RasdEventItem) item = g_list_model_get_item (list, i);

        g_assert_false (rasd_event_item_get_event (item)->reviewed);
        g_assert_cmpfloat (rasd_event_item_get_event (item)->confidence, >=, last);
        last = rasd_event_item_get_event (item)->confidence;
      }
  }
  rasd_test_pause_ms (500);
  screenshot (GTK_WIDGET (window), "review-queue");

  gtk_window_destroy (GTK_WINDOW (window));
  rasd_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale = rasd_test_take_locale (&argc, &argv);

  lang = g_str_has_prefix (locale, "ar") ? "ar" : "en";
  if (!rasd_test_gui_init_locale (&argc, &argv, locale))
    return 0;

  g_test_add_func ("/correcting-window/edit-reject-merge", test_correct_in_window);
  return g_test_run ();
}
