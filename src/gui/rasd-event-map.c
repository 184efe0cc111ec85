#define G_LOG_DOMAIN "rasd-map"

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>
#include <shumate/shumate.h>

#include "rasd-basemap-source.h"
#include "rasd-facet-item.h"
#include "rasd-event-map.h"
#include "rasd-format.h"
#include "rasd-online-source.h"

#define MARKER_MIN     26.0  /* diameter of a one-event marker, px */
#define MARKER_MAX     64.0
#define MARKER_GAP     4.0   /* markers closer than their radii and this merge */
#define FIT_ZOOM_MAX   7.0   /* zoom_to_fit never zooms closer than this: a city and the towns
                              * around it, named on the basemap */
#define ONLINE_MAX_ZOOM 16   /* online tiles show streets; the offline basemap stops at 10 */
#define LABEL_PADDING  4     /* px each side of a name, as in style.css */

/* A place with events. */
typedef struct
{
  char   *key;
  char   *label;
  double  lat;
  double  lon;
  double  wx;     /* web-Mercator world coordinates, 0 to 1 */
  double  wy;
  guint   count;
  gboolean country;
  double  room;   /* a country's: the radius of the circle its land holds around wx, wy, in
                   * world units; 0 when unknown or not a country */
} Place;

/* One marker: a place, or a cluster of places whose markers would overlap. */
typedef struct
{
  GPtrArray     *places;  /* Place*, not owned; the first is the largest */
  double         wx;      /* count-weighted centre */
  double         wy;
  double         seed_x;  /* world pixels of the first place, at the cluster zoom */
  double         seed_y;
  guint          count;
  gboolean       in_view; /* inside the built region: has widgets */
  ShumateMarker *marker;  /* owned by the marker layer; NULL outside the built region */
  GtkWidget     *button;
} Cluster;

struct _RasdEventMap
{
  GtkWidget           parent_instance;

  GtkWidget          *overlay;
  ShumateMap         *map;
  ShumateViewport    *viewport;
  RasdBasemapSource  *basemap;        /* NULL when the basemap could not be read */
  ShumateMapSource   *map_source;     /* the layer's renderer: the basemap's or the online one */
  ShumateMapLayer    *map_layer;
  ShumateMarkerLayer *marker_layer;
  ShumateLicense     *license;
  GtkWidget          *legend;
  GtkWidget          *places_popover; /* places at one spot, from a cluster that cannot split */

  gboolean            online;
  char               *tile_url;       /* the online tiles' URL template */
  char               *tile_cache_dir; /* NULL: the user's cache folder */
  RasdOnlineSource   *online_source;  /* while online */
  int                 max_zoom;

  GListModel         *model;
  GHashTable         *places;         /* key → Place */
  GPtrArray          *clusters;       /* Cluster* */
  int                 cluster_zoom;   /* the zoom level the clusters were made for; -1: none */
  graphene_rect_t     built;          /* world pixels at cluster_zoom that have marker widgets */
  gboolean            moving;         /* in rasd_event_map_go_to(): markers wait for the end */
  guint               build_idle;
  char               *selected;

  gboolean            follow_style;
  gboolean            fit_pending;
  guint               fit_idle;
};

G_DEFINE_FINAL_TYPE (RasdEventMap, rasd_event_map, GTK_TYPE_WIDGET)

enum
{
  PLACE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_SHOW_LEGEND,
  PROP_ONLINE_TILES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
place_free (Place *place)
{
  g_free (place->key);
  g_free (place->label);
  g_free (place);
}

static void
cluster_free (Cluster *cluster)
{
  g_ptr_array_unref (cluster->places);
  g_free (cluster);
}

static void
location_from_world (double  wx,
                     double  wy,
                     double *lat,
                     double *lon)
{
  *lon = wx * 360.0 - 180.0;
  *lat = atan (sinh (G_PI * (1.0 - 2.0 * wy))) * 180.0 / G_PI;
}

static double
marker_diameter (guint count)
{
  return MIN (MARKER_MIN + 6.0 * log2 (MAX (count, 1)), MARKER_MAX);
}

static int
compare_places (gconstpointer a,
                gconstpointer b)
{
  const Place *pa = *(Place * const *) a;
  const Place *pb = *(Place * const *) b;

  if (pa->count != pb->count)
    return pa->count < pb->count ? 1 : -1;
  return g_strcmp0 (pa->key, pb->key);
}

static gboolean
cluster_has_place (Cluster    *cluster,
                   const char *key)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < cluster->places->len; i++)
    if (g_str_equal (((Place *) g_ptr_array_index (cluster->places, i))->key, key))
      return TRUE;
  return FALSE;
}

static void
update_selection (RasdEventMap *self)
{
  for (guint i = 0; i < self->clusters->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (self->clusters, i);

      if (cluster->button == NULL)
        continue;
      if (cluster_has_place (cluster, self->selected))
        {
          gtk_widget_add_css_class (cluster->button, "selected");
          /* Last child: drawn above the others. */
          gtk_widget_insert_before (GTK_WIDGET (cluster->marker),
                                    GTK_WIDGET (self->marker_layer), NULL);
        }
      else
        gtk_widget_remove_css_class (cluster->button, "selected");
    }
}

/* The height the legend covers at the bottom of the map, 0 when hidden. */
static int
legend_height (RasdEventMap *self)
{
  if (self->legend == NULL || !gtk_widget_get_visible (self->legend))
    return 0;
  return gtk_widget_get_height (self->legend) + gtk_widget_get_margin_bottom (self->legend);
}

static void
zoom_to_world_box (RasdEventMap *self,
                   double        x0,
                   double        y0,
                   double        x1,
                   double        y1,
                   double        min_zoom,
                   double        max_zoom,
                   gboolean      animate)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int below = legend_height (self);
  double dx = MAX (x1 - x0, 1e-9), dy = MAX (y1 - y0, 1e-9);
  double zoom, lat, lon, usable_height;

  /* Leave room for the markers themselves at the edges, and above the legend. */
  usable_height = MAX (height - below - MARKER_MAX * 2, height / 2.0 + 1);
  zoom = log2 (MIN (MAX (width - MARKER_MAX * 2, width / 2.0 + 1) / (dx * RASD_BASEMAP_TILE_SIZE),
                    usable_height / (dy * RASD_BASEMAP_TILE_SIZE)));
  zoom = CLAMP (floor (zoom), min_zoom, max_zoom);
  /* The box's centre goes to the middle of what the legend leaves. */
  location_from_world ((x0 + x1) / 2,
                       (y0 + y1) / 2 + MIN (below, height / 4) / 2.0
                                       / ldexp (RASD_BASEMAP_TILE_SIZE, (int) zoom),
                       &lat, &lon);
  if (animate)
    shumate_map_go_to_full (self->map, lat, lon, zoom);
  else
    rasd_event_map_go_to (self, lat, lon, zoom);
}

static void
activate_place (RasdEventMap *self,
                Place        *place)
{
  /* A handler may change the model, freeing the place. */
  g_autofree char *key = g_strdup (place->key);
  g_autofree char *label = g_strdup (place->label);

  g_signal_emit (self, signals[PLACE_ACTIVATED], 0, key, label);
}

static void
on_popover_place_clicked (GtkButton    *button,
                          RasdEventMap *self)
{
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (button), "rasd-place-key"));
  Place *place = g_hash_table_lookup (self->places, key);

  gtk_popover_popdown (GTK_POPOVER (self->places_popover));
  if (place != NULL)
    activate_place (self, place);
}

/* Places that share one spot never part, however close the map zooms: a list to choose from. */
static void
show_places_popover (RasdEventMap *self,
                     Cluster      *cluster)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  graphene_rect_t bounds;

  if (self->places_popover == NULL)
    {
      self->places_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->places_popover, GTK_WIDGET (self));
    }
  for (guint i = 0; i < cluster->places->len; i++)
    {
      Place *place = g_ptr_array_index (cluster->places, i);
      g_autofree char *count = rasd_format_count (place->count);
      /* Translators: a place in a list of places at one spot on the map, and its number of
       * events */
      g_autofree char *text = g_strdup_printf (C_("map place list", "%s (%s)"), place->label, count);
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_widget_add_css_class (button, "flat");
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      g_object_set_data_full (G_OBJECT (button), "rasd-place-key", g_strdup (place->key), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_popover_place_clicked), self);
      gtk_box_append (GTK_BOX (box), button);
    }
  gtk_popover_set_child (GTK_POPOVER (self->places_popover), box);
  if (cluster->button != NULL
      && gtk_widget_compute_bounds (cluster->button, GTK_WIDGET (self), &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->places_popover),
                                 &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->places_popover));
}

static void
on_marker_clicked (GtkButton    *button,
                   RasdEventMap *self)
{
  Cluster *cluster = g_object_get_data (G_OBJECT (button), "rasd-cluster");
  double x0 = 1, y0 = 1, x1 = 0, y1 = 0;
  double zoom = shumate_viewport_get_zoom_level (self->viewport);
  double closest = ldexp (RASD_BASEMAP_TILE_SIZE, self->max_zoom);

  g_assert (cluster != NULL);

  if (cluster->places->len == 1)
    {
      activate_place (self, g_ptr_array_index (cluster->places, 0));
      return;
    }

  for (guint i = 0; i < cluster->places->len; i++)
    {
      Place *place = g_ptr_array_index (cluster->places, i);

      x0 = MIN (x0, place->wx);
      y0 = MIN (y0, place->wy);
      x1 = MAX (x1, place->wx);
      y1 = MAX (y1, place->wy);
    }
  /* Still one marker at the closest zoom: zooming would only show blank map. */
  if (zoom >= self->max_zoom || MAX (x1 - x0, y1 - y0) * closest < MARKER_MIN + MARKER_GAP)
    {
      show_places_popover (self, cluster);
      return;
    }
  /* Every member in view, as close as that allows: the cluster parts there or a level on. */
  zoom_to_world_box (self, x0, y0, x1, y1, MIN (floor (zoom) + 1, self->max_zoom),
                     self->max_zoom, TRUE);
}

static char *
cluster_description (Cluster *cluster)
{
  Place *first = g_ptr_array_index (cluster->places, 0);
  g_autofree char *events = NULL;
  g_autofree char *places = NULL;

  if (cluster->places->len == 1)
    /* Translators: a map marker's label: a place and its number of events */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u event", "%s, %u events",
                                         cluster->count),
                            first->label, cluster->count);

  places = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place", "%u places",
                                         cluster->places->len),
                            cluster->places->len);
  events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events",
                                         cluster->count),
                            cluster->count);
  /* Translators: a map cluster's label: "3 places, 25 events" */
  return g_strdup_printf (C_("map cluster", "%s, %s"), places, events);
}

static char *
cluster_tooltip (Cluster *cluster)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *description = cluster_description (cluster);
  guint shown = MIN (cluster->places->len, 5);

  if (cluster->places->len == 1)
    return g_steal_pointer (&description);
  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: between place names in a list */
        g_string_append (names, _(", "));
      g_string_append (names, ((Place *) g_ptr_array_index (cluster->places, i))->label);
    }
  if (shown < cluster->places->len)
    g_string_append (names, "…");

  /* Translators: a map cluster's tooltip: its label, then the names of its places */
  return g_strdup_printf (_("%s\n%s\nClick to zoom in"), description, names->str);
}

static void
add_marker (RasdEventMap *self,
            Cluster      *cluster)
{
  g_autofree char *count = rasd_format_count (cluster->count);
  g_autofree char *description = cluster_description (cluster);
  g_autofree char *tooltip = cluster_tooltip (cluster);
  int diameter = (int) marker_diameter (cluster->count);
  double lat, lon;

  location_from_world (cluster->wx, cluster->wy, &lat, &lon);
  cluster->marker = shumate_marker_new ();
  shumate_location_set_location (SHUMATE_LOCATION (cluster->marker), lat, lon);

  cluster->button = gtk_button_new_with_label (count);
  gtk_widget_add_css_class (cluster->button, "rasd-map-marker");
  if (cluster->places->len > 1)
    gtk_widget_add_css_class (cluster->button, "cluster");
  else if (((Place *) g_ptr_array_index (cluster->places, 0))->country)
    gtk_widget_add_css_class (cluster->button, "country");
  gtk_widget_set_size_request (cluster->button, diameter, diameter);
  gtk_widget_set_tooltip_text (cluster->button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cluster->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (cluster->button), "rasd-cluster", cluster);
  g_signal_connect (cluster->button, "clicked", G_CALLBACK (on_marker_clicked), self);

  shumate_marker_set_child (cluster->marker, cluster->button);
  shumate_marker_layer_add_marker (self->marker_layer, cluster->marker);
}

static gboolean
rects_overlap (const graphene_rect_t *a,
               const graphene_rect_t *b)
{
  return a->origin.x < b->origin.x + b->size.width && b->origin.x < a->origin.x + a->size.width
         && a->origin.y < b->origin.y + b->size.height
         && b->origin.y < a->origin.y + a->size.height;
}

/* Names under the markers of single places, where they overlap no marker and no name already
 * placed: the selected place first, then by number of events.  Added before the markers so
 * that markers are drawn above them. */
static void
add_labels (RasdEventMap *self,
            double        world)
{
  g_autoptr(GArray) taken = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(PangoLayout) layout = NULL;

  for (guint i = 0; i < self->clusters->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (self->clusters, i);
      double d = marker_diameter (cluster->count);
      graphene_rect_t circle;

      if (!cluster->in_view)
        continue;
      graphene_rect_init (&circle, cluster->wx * world - d / 2, cluster->wy * world - d / 2, d, d);
      g_array_append_val (taken, circle);
      if (cluster->places->len != 1)
        continue;
      if (cluster_has_place (cluster, self->selected))
        g_ptr_array_insert (order, 0, cluster);
      else
        g_ptr_array_add (order, cluster);
    }

  /* Sizes from one layout in the labels' font: a label widget for every candidate would cost
   * far more than the few that fit. */
  if (order->len > 0)
    {
      g_autoptr(GtkWidget) probe = g_object_ref_sink (gtk_label_new (NULL));

      gtk_widget_add_css_class (probe, "rasd-map-label");
      gtk_widget_set_parent (probe, GTK_WIDGET (self));
      layout = g_object_ref (gtk_label_get_layout (GTK_LABEL (probe)));
      gtk_widget_unparent (probe);
    }

  for (guint i = 0; i < order->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (order, i);
      Place *place = g_ptr_array_index (cluster->places, 0);
      GtkWidget *label;
      ShumateMarker *marker;
      double d = marker_diameter (cluster->count);
      graphene_rect_t rect;
      gboolean free = TRUE;
      int width, height;

      pango_layout_set_text (layout, place->label, -1);
      pango_layout_get_pixel_size (layout, &width, &height);
      width += LABEL_PADDING * 2;
      graphene_rect_init (&rect, cluster->wx * world - width / 2.0, cluster->wy * world + d / 2,
                          width, height);
      for (guint j = 0; j < taken->len && free; j++)
        free = !rects_overlap (&rect, &g_array_index (taken, graphene_rect_t, j));
      if (!free)
        continue;
      g_array_append_val (taken, rect);

      label = gtk_label_new (place->label);
      gtk_widget_add_css_class (label, "rasd-map-label");

      /* A marker is centred on its place: the top margin moves the name below the circle. */
      gtk_widget_set_margin_top (label, (int) ceil (d) + height);
      gtk_widget_set_can_target (label, FALSE);
      marker = shumate_marker_new ();
      gtk_widget_set_can_target (GTK_WIDGET (marker), FALSE);
      shumate_location_set_location (SHUMATE_LOCATION (marker), place->lat, place->lon);
      shumate_marker_set_child (marker, label);
      shumate_marker_layer_add_marker (self->marker_layer, marker);
    }
}

/* The part of the world shown, in world pixels at the cluster zoom level; a guess of a large
 * window before the widget has a size. */
static void
get_view_rect (RasdEventMap    *self,
               graphene_rect_t *rect)
{
  double zoom = shumate_viewport_get_zoom_level (self->viewport);
  double world = ldexp (RASD_BASEMAP_TILE_SIZE, self->cluster_zoom);
  double scale = exp2 (self->cluster_zoom - zoom);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double wx, wy, w, h;

  rasd_basemap_world_from_location (shumate_location_get_latitude (SHUMATE_LOCATION (self->viewport)),
                       shumate_location_get_longitude (SHUMATE_LOCATION (self->viewport)),
                       &wx, &wy);
  w = (width > 0 ? width : 1600) * scale;
  h = (height > 0 ? height : 1000) * scale;
  graphene_rect_init (rect, wx * world - w / 2, wy * world - h / 2, w, h);
}

static gboolean
view_is_built (RasdEventMap *self)
{
  graphene_rect_t view;

  get_view_rect (self, &view);
  return graphene_rect_contains_rect (&self->built, &view);
}

/* Widgets only for the clusters in and around the view (half a view more on each side):
 * thousands of buttons and labels would take seconds to make.  Called again when the view
 * leaves that region. */
static void
build_markers (RasdEventMap *self)
{
  double world = ldexp (RASD_BASEMAP_TILE_SIZE, self->cluster_zoom);
  graphene_rect_t view;

  g_clear_handle_id (&self->build_idle, g_source_remove);
  shumate_marker_layer_remove_all (self->marker_layer);
  get_view_rect (self, &view);
  graphene_rect_inset (&view, -view.size.width / 2, -view.size.height / 2);
  self->built = view;

  for (guint i = 0; i < self->clusters->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (self->clusters, i);

      cluster->marker = NULL;
      cluster->button = NULL;
      cluster->in_view = graphene_rect_contains_point (&view,
                                                       &GRAPHENE_POINT_INIT (cluster->wx * world,
                                                                             cluster->wy * world));
    }
  add_labels (self, world);
  for (guint i = 0; i < self->clusters->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (self->clusters, i);

      if (cluster->in_view)
        add_marker (self, cluster);
    }
  update_selection (self);
}

static gboolean
build_in_idle (gpointer data)
{
  RasdEventMap *self = data;

  self->build_idle = 0;
  if (self->marker_layer != NULL && !view_is_built (self))
    build_markers (self);
  return G_SOURCE_REMOVE;
}

/* Latitude and longitude change one after the other: build once, when both have. */
static void
on_center_changed (RasdEventMap *self)
{
  if (!self->moving && self->marker_layer != NULL && self->build_idle == 0
      && !view_is_built (self))
    self->build_idle = g_idle_add (build_in_idle, self);
}

static gint64
cell_of (double x,
         double y)
{
  const double cell = MARKER_MAX + MARKER_GAP;

  return ((gint64) floor (x / cell) << 32) ^ ((gint64) floor (y / cell) & 0xffffffff);
}

/* Clusters grow and move to their centre after the greedy pass has placed them: merge any two
 * whose circles, as shown, still come closer than MARKER_GAP, pass after pass until none do.  A
 * grid of cells as large as the largest circle finds the neighbours. */
static void
separate_clusters (RasdEventMap *self,
                   double        world)
{
  const double cell = MARKER_MAX + MARKER_GAP;
  gboolean merged = TRUE;

  while (merged)
    {
      g_autoptr(GHashTable) grid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);

      merged = FALSE;
      for (guint i = 0; i < self->clusters->len; i++)
        {
          Cluster *cluster = g_ptr_array_index (self->clusters, i);
          gint64 key = cell_of (cluster->wx * world, cluster->wy * world);
          GPtrArray *in_cell = g_hash_table_lookup (grid, &key);

          if (in_cell == NULL)
            {
              in_cell = g_ptr_array_new ();
              g_hash_table_insert (grid, g_memdup2 (&key, sizeof key), in_cell);
            }
          g_ptr_array_add (in_cell, cluster);
        }

      for (guint i = 0; i < self->clusters->len; i++)
        {
          Cluster *a = g_ptr_array_index (self->clusters, i);
          double ax = a->wx * world, ay = a->wy * world;

          if (a->count == 0)  /* merged away */
            continue;
          for (int dx = -1; dx <= 1; dx++)
            for (int dy = -1; dy <= 1; dy++)
              {
                gint64 key = cell_of (ax + dx * cell, ay + dy * cell);
                GPtrArray *near = g_hash_table_lookup (grid, &key);

                for (guint j = 0; near != NULL && j < near->len; j++)
                  {
                    Cluster *b = g_ptr_array_index (near, j);
                    double reach;

                    if (b == a || b->count == 0)
                      continue;
                    reach = (marker_diameter (a->count) + marker_diameter (b->count)) / 2
                            + MARKER_GAP;
                    if (hypot (b->wx * world - ax, b->wy * world - ay) >= reach)
                      continue;
                    a->wx = (a->wx * a->count + b->wx * b->count) / (a->count + b->count);
                    a->wy = (a->wy * a->count + b->wy * b->count) / (a->count + b->count);
                    a->count += b->count;
                    g_ptr_array_extend (a->places, b->places, NULL, NULL);
                    g_ptr_array_sort (a->places, compare_places);
                    b->count = 0;
                    merged = TRUE;
                  }
              }
        }
    }

  for (guint i = self->clusters->len; i > 0; i--)
    if (((Cluster *) g_ptr_array_index (self->clusters, i - 1))->count == 0)
      g_ptr_array_remove_index (self->clusters, i - 1);
}

/* Greedy clustering in world pixels at @zoom: places by decreasing count, each joining the
 * first cluster whose seed it would overlap, found through a grid of cells as large as the
 * largest merge distance. */
static void
rebuild_markers (RasdEventMap *self,
                 int           zoom)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (g_hash_table_size (self->places));
  g_autoptr(GHashTable) grid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  double cell = MARKER_MAX + MARKER_GAP;
  double world = ldexp (RASD_BASEMAP_TILE_SIZE, zoom);

  GHashTableIter iter;
  gpointer place_ptr;

  if (self->marker_layer == NULL)  /* disposed */
    return;
  shumate_marker_layer_remove_all (self->marker_layer);
  g_ptr_array_set_size (self->clusters, 0);
  self->cluster_zoom = zoom;

  g_hash_table_iter_init (&iter, self->places);
  while (g_hash_table_iter_next (&iter, NULL, &place_ptr))
    g_ptr_array_add (sorted, place_ptr);

  g_ptr_array_sort (sorted, compare_places);
  for (guint i = 0; i < sorted->len; i++)
    {
      Place *place = g_ptr_array_index (sorted, i);
      double px = place->wx * world, py = place->wy * world;
      gint64 cx = (gint64) floor (px / cell), cy = (gint64) floor (py / cell);
      Cluster *found = NULL;
      gint64 *cell_key;
      GPtrArray *in_cell;

      for (gint64 gx = cx - 1; gx <= cx + 1 && found == NULL; gx++)
        for (gint64 gy = cy - 1; gy <= cy + 1 && found == NULL; gy++)
          {
            gint64 key = (gx << 32) ^ (gy & 0xffffffff);
            GPtrArray *near = g_hash_table_lookup (grid, &key);

            for (guint j = 0; near != NULL && j < near->len && found == NULL; j++)
              {
                Cluster *cluster = g_ptr_array_index (near, j);
                double reach = (marker_diameter (cluster->count)
                                + marker_diameter (place->count)) / 2 + MARKER_GAP;

                if (hypot (cluster->seed_x - px, cluster->seed_y - py) < MIN (reach, cell))
                  found = cluster;
              }
          }

      if (found != NULL)
        {
          found->wx = (found->wx * found->count + place->wx * place->count)
                      / (found->count + place->count);
          found->wy = (found->wy * found->count + place->wy * place->count)
                      / (found->count + place->count);
          found->count += place->count;
          g_ptr_array_add (found->places, place);
          continue;
        }

      found = g_new0 (Cluster, 1);
      found->places = g_ptr_array_new ();
      g_ptr_array_add (found->places, place);
      found->wx = place->wx;
      found->wy = place->wy;
      found->seed_x = px;
      found->seed_y = py;
      found->count = place->count;
      g_ptr_array_add (self->clusters, found);

      cell_key = g_new (gint64, 1);
      *cell_key = (cx << 32) ^ (cy & 0xffffffff);
      in_cell = g_hash_table_lookup (grid, cell_key);
      if (in_cell == NULL)
        {
          in_cell = g_ptr_array_new ();
          g_hash_table_insert (grid, cell_key, in_cell);
        }
      else
        g_free (cell_key);
      g_ptr_array_add (in_cell, found);
    }

  separate_clusters (self, world);
  build_markers (self);
}

static int
current_zoom (RasdEventMap *self)
{
  if (self->viewport == NULL)  /* disposed */
    return self->cluster_zoom;
  return (int) lround (shumate_viewport_get_zoom_level (self->viewport));
}

static void
on_zoom_changed (RasdEventMap *self)
{
  if (!self->moving && current_zoom (self) != self->cluster_zoom)
    rebuild_markers (self, current_zoom (self));
}

static void
rebuild_places (RasdEventMap *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

  g_ptr_array_set_size (self->clusters, 0);
  g_hash_table_remove_all (self->places);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RasdFacetItem) item = g_list_model_get_item (self->model, i);
      const char *key = rasd_facet_item_get_key (item);
      double lat, lon;
      Place *place;

      if (!rasd_facet_item_get_location (item, &lat, &lon) || rasd_facet_item_get_count (item) == 0)
        continue;
      place = g_hash_table_lookup (self->places, key);
      if (place == NULL)
        {
          place = g_new0 (Place, 1);
          place->key = g_strdup (key);
          place->label = g_strdup (rasd_facet_item_get_label (item));
          place->lat = lat;
          place->lon = lon;
          place->country = g_str_has_prefix (key, "country:");
          /* A country at its label point, inside its land, not on its capital: databases
           * imported before the gazetteer had label points keep the capital's. */
          if (place->country && self->basemap != NULL)
            rasd_basemap_source_get_country (self->basemap, key + strlen ("country:"),
                                             &place->lat, &place->lon, &place->room);
          rasd_basemap_world_from_location (place->lat, place->lon, &place->wx, &place->wy);
          g_hash_table_insert (self->places, place->key, place);
        }
      place->count += rasd_facet_item_get_count (item);
    }
  rebuild_markers (self, current_zoom (self));
}

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  RasdEventMap *self)
{
  rebuild_places (self);
}

static void
on_online_offline_changed (RasdEventMap *self)
{
  gboolean offline = self->online_source != NULL
                     && rasd_online_source_get_offline (self->online_source);

  shumate_license_set_extra_text (self->license,
                                  offline ? _("Online tiles unavailable: offline map shown") : NULL);
}

/* The basemap layer for the current palette and source: the offline basemap, or online tiles
 * falling back to it. */
static void
set_basemap_layer (RasdEventMap *self)
{
  g_autoptr(ShumateMapSource) renderer = NULL;
  ShumateMapLayer *old = self->map_layer;

  if (self->basemap == NULL)
    return;
  if (self->online_source != NULL)
    g_signal_handlers_disconnect_by_data (self->online_source, self);
  g_clear_object (&self->online_source);
  if (self->online)
    {
      self->online_source = rasd_online_source_new (self->tile_url, self->basemap,
                                                    self->tile_cache_dir);
      g_signal_connect_swapped (self->online_source, "notify::offline",
                                G_CALLBACK (on_online_offline_changed), self);
      renderer = SHUMATE_MAP_SOURCE (
        shumate_raster_renderer_new_full ("rasd-osm", _("OpenStreetMap"),
                                          /* Translators: the attribution OpenStreetMap's
                                           * licence asks for, shown on the map */
                                          _("© OpenStreetMap contributors"),
                                          "https://www.openstreetmap.org/copyright",
                                          RASD_BASEMAP_MIN_ZOOM, ONLINE_MAX_ZOOM,
                                          RASD_BASEMAP_TILE_SIZE, SHUMATE_MAP_PROJECTION_MERCATOR,
                                          SHUMATE_DATA_SOURCE (self->online_source)));
      self->max_zoom = ONLINE_MAX_ZOOM;
    }
  else
    {
      renderer = rasd_basemap_source_new_renderer (self->basemap);
      self->max_zoom = RASD_BASEMAP_MAX_ZOOM;
    }
  shumate_viewport_set_max_zoom_level (self->viewport, self->max_zoom);
  if (shumate_viewport_get_zoom_level (self->viewport) > self->max_zoom)
    shumate_viewport_set_zoom_level (self->viewport, self->max_zoom);
  shumate_viewport_set_reference_map_source (self->viewport, renderer);
  self->map_layer = shumate_map_layer_new (renderer, self->viewport);
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (self->map_layer),
                                   SHUMATE_LAYER (self->marker_layer));
  if (old != NULL)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (old));
  if (self->map_source != NULL)
    shumate_license_remove_map_source (self->license, self->map_source);
  g_set_object (&self->map_source, renderer);
  shumate_license_append_map_source (self->license, renderer);
  on_online_offline_changed (self);
}

static void
apply_dark (RasdEventMap *self,
            gboolean      dark)
{
  if (self->basemap == NULL || rasd_basemap_source_get_dark (self->basemap) == !!dark)
    return;
  rasd_basemap_source_set_dark (self->basemap, dark);
  /* The old layer holds tiles in the old palette. */
  set_basemap_layer (self);
}

static void
on_style_dark_changed (AdwStyleManager *manager,
                       GParamSpec      *pspec,
                       RasdEventMap    *self)
{
  if (self->follow_style)
    apply_dark (self, adw_style_manager_get_dark (manager));
}

static gboolean
fit_in_idle (gpointer data)
{
  RasdEventMap *self = data;

  self->fit_idle = 0;
  rasd_event_map_zoom_to_fit (self);
  return G_SOURCE_REMOVE;
}

static void
rasd_event_map_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  RasdEventMap *self = RASD_EVENT_MAP (widget);

  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);
  if (self->places_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->places_popover));
  /* Moving the map while allocating would allocate again: fit once this is done. */
  if (self->fit_pending && width > 0 && height > 0 && self->fit_idle == 0)
    self->fit_idle = g_idle_add (fit_in_idle, self);
  if (self->marker_layer != NULL && self->build_idle == 0 && !view_is_built (self))
    self->build_idle = g_idle_add (build_in_idle, self);
}

static void
zoom_in_clicked (RasdEventMap *self)
{
  shumate_map_zoom_in (self->map);
}

static void
zoom_out_clicked (RasdEventMap *self)
{
  shumate_map_zoom_out (self->map);
}

static GtkWidget *
osd_button (RasdEventMap *self,
            const char   *icon,
            const char   *tooltip,
            GCallback     callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

/* A marker as the legend shows it: the markers' own style at @diameter, @text inside. */
static GtkWidget *
legend_marker (const char *kind,
               double      diameter,
               const char *text)
{
  GtkWidget *marker = gtk_label_new (text);

  gtk_widget_add_css_class (marker, "rasd-map-marker");
  gtk_widget_add_css_class (marker, kind);
  gtk_widget_set_size_request (marker, (int) diameter, (int) diameter);
  gtk_widget_set_valign (marker, GTK_ALIGN_END);
  gtk_widget_set_halign (marker, GTK_ALIGN_CENTER);
  return marker;
}

static GtkWidget *
legend_row (const char *kind,
            const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = legend_marker (kind, 14, NULL);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), label);
  return row;
}

/* What the markers mean: size for the number of events (markers of 1, 10 and 100 events at
 * their real size), colour and shape for what a marker stands for, in as little of the map as
 * that allows.  In the start corner at the
 * bottom (mirrored in right-to-left); clicks go through it to the map. */
static GtkWidget *
build_legend (void)
{
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *circles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  GtkWidget *kinds = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  GtkWidget *caption;
  static const guint counts[] = { 1, 10, 100 };

  gtk_widget_add_css_class (legend, "rasd-map-legend");
  gtk_widget_set_halign (legend, GTK_ALIGN_START);
  gtk_widget_set_valign (legend, GTK_ALIGN_END);
  gtk_widget_set_can_target (legend, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *count = rasd_format_count (counts[i]);

      gtk_box_append (GTK_BOX (circles), legend_marker ("place", marker_diameter (counts[i]),
                                                        count));
    }
  /* Translators: beside the map legend's markers of 1, 10 and 100 events */
  caption = gtk_label_new (_("Size: events at a place"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (kinds), caption);
  gtk_box_append (GTK_BOX (kinds), legend_row ("place", _("City or site")));
  gtk_box_append (GTK_BOX (kinds), legend_row ("country", _("Country")));
  gtk_box_append (GTK_BOX (kinds), legend_row ("cluster", _("Several places: click to zoom in")));
  gtk_widget_set_valign (kinds, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (legend), circles);
  gtk_box_append (GTK_BOX (legend), kinds);
  gtk_accessible_update_property (GTK_ACCESSIBLE (legend), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map legend"), -1);
  return legend;
}

static void
rasd_event_map_dispose (GObject *object)
{
  RasdEventMap *self = RASD_EVENT_MAP (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  /* Layers hold the viewport, which may outlive the map by a moment. */
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  self->viewport = NULL;
  self->map = NULL;
  self->map_layer = NULL;
  self->marker_layer = NULL;
  g_clear_handle_id (&self->fit_idle, g_source_remove);
  g_clear_handle_id (&self->build_idle, g_source_remove);
  if (self->places_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->places_popover));
  g_clear_pointer (&self->places_popover, gtk_widget_unparent);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);
  self->license = NULL;
  self->legend = NULL;
  g_clear_object (&self->model);
  if (self->online_source != NULL)
    g_signal_handlers_disconnect_by_data (self->online_source, self);
  g_clear_object (&self->online_source);
  g_clear_object (&self->map_source);
  g_clear_object (&self->basemap);
  if (self->clusters != NULL)
    g_ptr_array_set_size (self->clusters, 0);
  G_OBJECT_CLASS (rasd_event_map_parent_class)->dispose (object);
}

static void
rasd_event_map_finalize (GObject *object)
{
  RasdEventMap *self = RASD_EVENT_MAP (object);

  g_clear_pointer (&self->clusters, g_ptr_array_unref);
  g_clear_pointer (&self->places, g_hash_table_unref);
  g_free (self->selected);
  g_free (self->tile_url);
  g_free (self->tile_cache_dir);
  G_OBJECT_CLASS (rasd_event_map_parent_class)->finalize (object);
}

static void
rasd_event_map_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  RasdEventMap *self = RASD_EVENT_MAP (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
}

static void
rasd_event_map_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RasdEventMap *self = RASD_EVENT_MAP (object);

  switch (prop_id)
    {
    case PROP_SHOW_LEGEND:
      g_value_set_boolean (value, rasd_event_map_get_show_legend (self));
      break;
    case PROP_ONLINE_TILES:
      g_value_set_boolean (value, rasd_event_map_get_online_tiles (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_event_map_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RasdEventMap *self = RASD_EVENT_MAP (object);

  switch (prop_id)
    {
    case PROP_SHOW_LEGEND:
      rasd_event_map_set_show_legend (self, g_value_get_boolean (value));
      break;
    case PROP_ONLINE_TILES:
      rasd_event_map_set_online_tiles (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_event_map_class_init (RasdEventMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rasd_event_map_dispose;
  object_class->finalize = rasd_event_map_finalize;
  object_class->get_property = rasd_event_map_get_property;
  object_class->set_property = rasd_event_map_set_property;
  widget_class->measure = rasd_event_map_measure;
  widget_class->size_allocate = rasd_event_map_size_allocate;

  signals[PLACE_ACTIVATED] =
    g_signal_new ("place-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  properties[PROP_SHOW_LEGEND] =
    g_param_spec_boolean ("show-legend", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLINE_TILES] =
    g_param_spec_boolean ("online-tiles", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "rasd-event-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rasd_event_map_init (RasdEventMap *self)
{
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *buttons;

  self->places = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) place_free);
  self->clusters = g_ptr_array_new_with_free_func ((GDestroyNotify) cluster_free);
  self->cluster_zoom = -1;
  self->follow_style = TRUE;
  self->max_zoom = RASD_BASEMAP_MAX_ZOOM;
  self->tile_url = g_strdup (RASD_OSM_URL_TEMPLATE);

  self->map = shumate_map_new ();
  self->viewport = shumate_map_get_viewport (self->map);
  shumate_viewport_set_min_zoom_level (self->viewport, RASD_BASEMAP_MIN_ZOOM);
  shumate_viewport_set_max_zoom_level (self->viewport, RASD_BASEMAP_MAX_ZOOM);
  shumate_viewport_set_zoom_level (self->viewport, 3);
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);

  self->marker_layer = shumate_marker_layer_new_full (self->viewport, GTK_SELECTION_NONE);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->marker_layer));

  self->basemap = rasd_basemap_source_new (NULL, &error);
  if (self->basemap == NULL)
    g_warning ("The map has no basemap: %s", error->message);
  else
    rasd_basemap_source_set_dark (self->basemap, adw_style_manager_get_dark (style));
  self->license = shumate_license_new ();
  gtk_widget_set_halign (GTK_WIDGET (self->license), GTK_ALIGN_END);
  gtk_widget_set_valign (GTK_WIDGET (self->license), GTK_ALIGN_END);
  set_basemap_layer (self);
  g_signal_connect (style, "notify::dark", G_CALLBACK (on_style_dark_changed), self);
  g_signal_connect_swapped (self->viewport, "notify::zoom-level", G_CALLBACK (on_zoom_changed),
                            self);
  g_signal_connect_swapped (self->viewport, "notify::latitude", G_CALLBACK (on_center_changed),
                            self);
  g_signal_connect_swapped (self->viewport, "notify::longitude", G_CALLBACK (on_center_changed),
                            self);

  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (buttons, "linked");
  gtk_widget_add_css_class (buttons, "rasd-map-controls");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (buttons), osd_button (self, "zoom-in-symbolic", _("Zoom In"),
                                                 G_CALLBACK (zoom_in_clicked)));
  gtk_box_append (GTK_BOX (buttons), osd_button (self, "zoom-out-symbolic", _("Zoom Out"),
                                                 G_CALLBACK (zoom_out_clicked)));
  gtk_box_append (GTK_BOX (buttons), osd_button (self, "zoom-fit-best-symbolic",
                                                 _("Show All Places"),
                                                 G_CALLBACK (rasd_event_map_zoom_to_fit)));

  self->overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->map));
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), buttons);
  self->legend = build_legend ();
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->legend);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->license));
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  rebuild_markers (self, current_zoom (self));
}

GtkWidget *
rasd_event_map_new (void)
{
  return g_object_new (RASD_TYPE_EVENT_MAP, NULL);
}

void
rasd_event_map_set_model (RasdEventMap *self,
                          GListModel   *events)
{
  g_return_if_fail (RASD_IS_EVENT_MAP (self));
  g_return_if_fail (events == NULL || G_IS_LIST_MODEL (events));

  if (self->model == events)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, events);
  if (self->model != NULL)
    g_signal_connect (self->model, "items-changed", G_CALLBACK (on_items_changed), self);
  rebuild_places (self);
}

GListModel *
rasd_event_map_get_model (RasdEventMap *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), NULL);
  return self->model;
}

void
rasd_event_map_set_selected_place (RasdEventMap *self,
                                   const char   *key)
{
  Place *place;

  g_return_if_fail (RASD_IS_EVENT_MAP (self));

  if (g_strcmp0 (self->selected, key) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (key);
  /* The selected place's name goes first. */
  rebuild_markers (self, self->cluster_zoom);

  place = key != NULL ? g_hash_table_lookup (self->places, key) : NULL;
  if (place != NULL && self->map != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      double x, y;

      shumate_viewport_location_to_widget_coords (self->viewport, GTK_WIDGET (self->map),
                                                  place->lat, place->lon, &x, &y);
      if (x < 0 || y < 0 || x > gtk_widget_get_width (GTK_WIDGET (self->map))
          || y > gtk_widget_get_height (GTK_WIDGET (self->map)))
        shumate_map_go_to (self->map, place->lat, place->lon);
    }
}

const char *
rasd_event_map_get_selected_place (RasdEventMap *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), NULL);
  return self->selected;
}

void
rasd_event_map_zoom_to_fit (RasdEventMap *self)
{
  GHashTableIter iter;
  Place *place;
  double x0 = 1, y0 = 1, x1 = 0, y1 = 0;

  g_return_if_fail (RASD_IS_EVENT_MAP (self));

  if (self->map == NULL)
    return;
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->fit_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }
  self->fit_pending = FALSE;

  /* A country's land around its label point shows, not just the point. */
  g_hash_table_iter_init (&iter, self->places);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &place))
    {
      x0 = MIN (x0, place->wx - place->room);
      y0 = MIN (y0, place->wy - place->room);
      x1 = MAX (x1, place->wx + place->room);
      y1 = MAX (y1, place->wy + place->room);
    }
  if (x0 > x1)
    {
      /* No places: the inhabited world. */
      rasd_basemap_world_from_location (70, -170, &x0, &y0);
      rasd_basemap_world_from_location (-50, 180, &x1, &y1);
    }
  zoom_to_world_box (self, x0, y0, x1, y1, RASD_BASEMAP_MIN_ZOOM, FIT_ZOOM_MAX, FALSE);
}

void
rasd_event_map_go_to (RasdEventMap *self,
                      double        lat,
                      double        lon,
                      double        zoom)
{
  g_return_if_fail (RASD_IS_EVENT_MAP (self));

  if (self->map == NULL)
    return;
  shumate_map_stop_go_to (self->map);
  /* Markers once for the new view, not for the new zoom level at the old centre first. */
  self->moving = TRUE;
  shumate_viewport_set_zoom_level (self->viewport, CLAMP (zoom, RASD_BASEMAP_MIN_ZOOM, self->max_zoom));
  shumate_map_center_on (self->map, lat, lon);
  self->moving = FALSE;
  if (current_zoom (self) != self->cluster_zoom)
    rebuild_markers (self, current_zoom (self));
  else if (!view_is_built (self))
    build_markers (self);
}

double
rasd_event_map_get_zoom (RasdEventMap *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), 0);
  return self->viewport != NULL ? shumate_viewport_get_zoom_level (self->viewport) : 0;
}

void
rasd_event_map_set_dark (RasdEventMap *self,
                         gboolean      dark)
{
  g_return_if_fail (RASD_IS_EVENT_MAP (self));

  self->follow_style = FALSE;
  apply_dark (self, dark);
}

guint
rasd_event_map_get_n_markers (RasdEventMap *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), 0);
  return self->clusters->len;
}

GtkWidget *
rasd_event_map_get_marker (RasdEventMap *self,
                           const char   *key)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->clusters->len; i++)
    {
      Cluster *cluster = g_ptr_array_index (self->clusters, i);

      if (cluster_has_place (cluster, key))
        return cluster->button;
    }
  return NULL;
}

gboolean
rasd_event_map_is_loading (RasdEventMap *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), FALSE);
  return self->basemap != NULL && rasd_basemap_source_get_n_pending (self->basemap) > 0;
}

gboolean
rasd_event_map_get_show_legend (RasdEventMap *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), FALSE);
  return self->legend != NULL && gtk_widget_get_visible (self->legend);
}

void
rasd_event_map_set_show_legend (RasdEventMap *self,
                                gboolean      show)
{
  g_return_if_fail (RASD_IS_EVENT_MAP (self));

  if (self->legend == NULL || rasd_event_map_get_show_legend (self) == !!show)
    return;
  gtk_widget_set_visible (self->legend, show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_LEGEND]);
}

GtkWidget *
rasd_event_map_get_legend (RasdEventMap *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), NULL);
  return self->legend;
}

gboolean
rasd_event_map_get_online_tiles (RasdEventMap *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), FALSE);
  return self->online;
}

void
rasd_event_map_set_online_tiles (RasdEventMap *self,
                                 gboolean      online)
{
  g_return_if_fail (RASD_IS_EVENT_MAP (self));

  if (self->online == !!online)
    return;
  self->online = !!online;
  if (self->map != NULL)
    set_basemap_layer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLINE_TILES]);
}

void
rasd_event_map_set_tile_server (RasdEventMap *self,
                                const char   *url_template,
                                const char   *cache_dir)
{
  g_return_if_fail (RASD_IS_EVENT_MAP (self));
  g_return_if_fail (url_template != NULL);

  g_free (self->tile_url);
  self->tile_url = g_strdup (url_template);
  g_free (self->tile_cache_dir);
  self->tile_cache_dir = g_strdup (cache_dir);
  if (self->online && self->map != NULL)
    set_basemap_layer (self);
}

ShumateMapSource *
rasd_event_map_get_map_source (RasdEventMap *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), NULL);
  return self->map_source;
}

void
rasd_event_map_bind_settings (RasdEventMap *self,
                              GSettings    *settings)
{
  g_return_if_fail (RASD_IS_EVENT_MAP (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind (settings, "show-legend", self, "show-legend", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "online-map-tiles", self, "online-tiles", G_SETTINGS_BIND_GET);
}

gboolean
rasd_event_map_shows_location (RasdEventMap *self,
                               double        lat,
                               double        lon)
{
  double x, y;

  g_return_val_if_fail (RASD_IS_EVENT_MAP (self), FALSE);

  if (self->map == NULL)
    return FALSE;
  shumate_viewport_location_to_widget_coords (self->viewport, GTK_WIDGET (self->map), lat, lon,
                                              &x, &y);
  return x >= 0 && y >= 0 && x <= gtk_widget_get_width (GTK_WIDGET (self->map))
         && y <= gtk_widget_get_height (GTK_WIDGET (self->map));
}
