#pragma once

#include <adwaita.h>
#include <gtk/gtk.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "rasd-data.h"
#include "rasd-facet-item.h"
#include "rasd-window.h"

/* Helpers shared by the window tests; header-only, like rasd-test-util.h. */

/* GTK 4.8 warns, now and then under load, "Trying to snapshot GtkGizmo ... without a current
 * allocation" when a widget is shown between a frame's layout and its drawing (seen in the
 * correcting-window test after an import, also with two frames waited before rendering).  The
 * frame is drawn anyway, and later GTK no longer warns: that warning alone is not fatal in the
 * window tests; every other warning and critical still is.  GTK logs through the structured
 * API, where g_test_log_set_fatal_handler() is never asked: the log writer lets it through. */
static inline gboolean
rasd_test_is_gizmo_message (const char *domain,
                            const char *message)
{
  return g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
         g_str_has_prefix (message, "Trying to snapshot GtkGizmo") &&
         strstr (message, "without a current allocation") != NULL;
}

static inline gboolean
rasd_test_is_gizmo_warning (GLogLevelFlags  level,
                            const GLogField *fields,
                            gsize            n_fields)
{
  const char *domain = NULL;
  const char *message = NULL;

  if (!(level & G_LOG_LEVEL_WARNING))
    return FALSE;
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length >= 0)
        continue;
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }
  return rasd_test_is_gizmo_message (domain, message);
}

static inline GLogWriterOutput
rasd_test_log_writer (GLogLevelFlags   level,
                      const GLogField *fields,
                      gsize            n_fields,
                      gpointer         data)
{
  if (rasd_test_is_gizmo_warning (level, fields, n_fields))
    return g_log_writer_standard_streams (level & ~G_LOG_FLAG_FATAL, fields, n_fields, data);
  return g_log_writer_default (level, fields, n_fields, data);
}

/* The same for messages logged through the old API (g_test_log_set_fatal_handler()). */
static inline gboolean
rasd_test_fatal_log (const char     *domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        data)
{
  return !((level & G_LOG_LEVEL_WARNING) && rasd_test_is_gizmo_message (domain, message));
}

/* Both of the above, once per test program, before GTK logs anything. */
static inline void
rasd_test_set_log_handlers (void)
{
  g_log_set_writer_func (rasd_test_log_writer, NULL, NULL);
  g_test_log_set_fatal_handler (rasd_test_fatal_log, NULL);
}

/* GTK for tests (gtk_test_init()) and libadwaita, as every window test starts. */
static inline void
rasd_test_gui_init (int    *argc,
                    char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  rasd_test_set_log_handlers ();
  adw_init ();
}

/* A test run in a locale takes it as its first argument (en_US.UTF-8 when there is none): it is
 * taken off @argv and set in the environment, where gtk_init reads it; returns it. */
static inline const char *
rasd_test_take_locale (int    *argc,
                       char ***argv)
{
  const char *locale = "en_US.UTF-8";

  if (*argc > 1 && (*argv)[1][0] != '-')
    {
      locale = (*argv)[1];
      memmove (*argv + 1, *argv + 2, (*argc - 1) * sizeof (char *));
      (*argc)--;
    }
  g_setenv ("LC_ALL", locale, TRUE);
  g_unsetenv ("LANGUAGE");
  return locale;
}

/* rasd_test_gui_init() in @locale, with Rasd's translations and the text direction of the
 * locale, as for a real launch (gtk_test_init() sets en_US; the locale is taken back).  A
 * locale not installed skips the whole test program: FALSE, after printing the TAP plan. */
static inline gboolean
rasd_test_gui_init_locale (int        *argc,
                           char     ***argv,
                           const char *locale)
{
  gtk_test_init (argc, argv, NULL);
  rasd_test_set_log_handlers ();
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_print ("1..0 # SKIP locale %s is not installed\n", locale);
      return FALSE;
    }
  bindtextdomain (GETTEXT_PACKAGE, rasd_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_widget_set_default_direction (gtk_get_locale_direction ());
  adw_init ();
  return TRUE;
}

/* Runs the main loop until @done (@data) is true; fails after @seconds. */
static inline void
rasd_test_wait_for (guint      seconds,
                    gboolean (*done) (gpointer),
                    gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Conditions for rasd_test_wait_for(). */
static inline gboolean
rasd_test_widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget)) && gtk_widget_get_width (GTK_WIDGET (widget)) > 0;
}

static inline gboolean
rasd_test_window_imported (gpointer window)
{
  return !rasd_window_is_importing (RASD_WINDOW (window));
}

static inline gboolean
rasd_test_window_loaded (gpointer window)
{
  return !rasd_window_is_loading (RASD_WINDOW (window));
}

/* The count of the facet with @key in @facets (RasdFacetItems); 0 when it is not there. */
static inline guint
rasd_test_facet_count (GListModel *facets,
                       const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (facets); i++)
    {
      g_autoptr(RasdFacetItem) item = g_list_model_get_item (facets, i);

      if (g_str_equal (rasd_facet_item_get_key (item), key))
        return rasd_facet_item_get_count (item);
    }
  return 0;
}

/* Every widget below @root (popovers included), depth first, into @found; only those of @type
 * (G_TYPE_NONE: all). */
static inline void
rasd_test_collect_widgets (GtkWidget *root,
                           GType      type,
                           GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (type == G_TYPE_NONE || G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      rasd_test_collect_widgets (child, type, found);
    }
}

/* Runs what is pending in the main loop. */
static inline void
rasd_test_settle (void)
{
  for (guint i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop for @ms milliseconds (layout, idle work, tiles drawn on threads). */
static inline void
rasd_test_pause_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static inline gboolean
rasd_test_count_frame (GtkWidget     *widget,
                       GdkFrameClock *clock,
                       gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @widget has been through two frames (so that what changed before
 * has been laid out), or two seconds have passed. */
static inline void
rasd_test_wait_frames (GtkWidget *widget)
{
  guint frames = 0;
  guint id = gtk_widget_add_tick_callback (widget, rasd_test_count_frame, &frames, NULL);
  gint64 deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (frames < 2 && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  gtk_widget_remove_tick_callback (widget, id);
}

/* Renders @window to screenshots/NAME.png under the current (build) directory and returns how
 * many distinct colours it has: a blank or failed render has one or two.  @window may be any
 * widget of a window. */
static inline guint
rasd_test_render_to_png (GtkWidget  *window,
                         const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *dir = g_build_filename (cwd, "screenshots", NULL);
  g_autofree char *path = NULL;
  g_autofree guchar *pixels = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  gsize stride;

  /* a widget shown since the last frame has no allocation yet to draw with */
  rasd_test_wait_frames (window);
  /* The paintable has nothing until the window has been laid out and drawn once. */
  for (guint tries = 0; node == NULL && tries < 500; tries++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      if (node == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s (%dx%d)", path, width, height);

  stride = (gsize) width * 4;
  pixels = g_malloc (stride * height);
  gdk_texture_download (texture, pixels, stride);
  for (gsize i = 0; i < stride * height; i += 4)
    g_hash_table_add (colours, GUINT_TO_POINTER (*(guint32 *) (pixels + i)));
  return g_hash_table_size (colours);
}
