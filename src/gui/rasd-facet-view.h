#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RASD_TYPE_FACET_VIEW (rasd_facet_view_get_type ())

G_DECLARE_FINAL_TYPE (RasdFacetView, rasd_facet_view, RASD, FACET_VIEW, GtkWidget)

/* One facet of the sidebar: a title, a search field (when "searchable", behind a button) and the
 * rows of a GListModel of RasdFacetItem, each with its count.  Activating a row emits
 * ::activated (key, label); the row of "selected-key" is shown as the active filter.
 *
 * The rows are never scrolled: the facet shows the first ones, as many as the height it is
 * given holds (asking for all of them, up to 50, and for at least 3), and "Show More" asks for
 * ten more each time ("Show Fewer" goes back). */
GtkWidget  *rasd_facet_view_new              (void);

void        rasd_facet_view_set_model        (RasdFacetView *self,
                                              GListModel    *model);
void        rasd_facet_view_set_selected_key (RasdFacetView *self,
                                              const char    *key);
/* The rows shown (after the search field's filter). */
GListModel *rasd_facet_view_get_visible      (RasdFacetView *self);
/* The rows shown now (the first of the visible ones), and the row widget of one of them. */
GListModel *rasd_facet_view_get_shown        (RasdFacetView *self);
GtkWidget  *rasd_facet_view_get_row          (RasdFacetView *self,
                                              guint          position);
void        rasd_facet_view_show_more        (RasdFacetView *self);
void        rasd_facet_view_show_fewer       (RasdFacetView *self);
/* What a click on row @position does. */
void        rasd_facet_view_activate_row     (RasdFacetView *self,
                                              guint          position);
void        rasd_facet_view_set_search_text  (RasdFacetView *self,
                                              const char    *text);

G_END_DECLS
