#pragma once

#include <adwaita.h>

#include "rasd-application.h"
#include "rasd-event-item.h"
#include "rasd-corrector.h"
#include "rasd-event-model.h"
#include "rasd-filter.h"
#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_WINDOW (rasd_window_get_type ())

G_DECLARE_FINAL_TYPE (RasdWindow, rasd_window, RASD, WINDOW, AdwApplicationWindow)

/* The explorer: facets, map, timeline, event list and reader over one shared RasdFilter.
 * @store may be NULL when the database could not be opened: the window then shows the error. */
RasdWindow *rasd_window_new             (RasdApplication    *application,
                                         RasdStore          *store);

/* While the application opens an older library on a thread (rasd_store_open_async()), the
 * window says it is being upgraded (page "upgrading"), for @n_articles articles; files given
 * to rasd_window_import() meanwhile are imported once the store is set. */
void        rasd_window_show_upgrading  (RasdWindow         *self,
                                         guint               n_articles);
/* The store of a window made without one, once open; only once. */
void        rasd_window_set_store       (RasdWindow         *self,
                                         RasdStore          *store);

/* Imports files and folders in a worker thread, with progress, cancel and a summary toast. */
void        rasd_window_import          (RasdWindow         *self,
                                         const char * const *paths);
gboolean    rasd_window_is_importing    (RasdWindow         *self);
/* TRUE on a database the user may only read: importing and editing are off, a banner says so. */
gboolean    rasd_window_is_read_only    (RasdWindow         *self);
/* What the last import's toast said: "150 articles imported (145 with metadata)"; NULL before
 * any import. */
char       *rasd_window_dup_import_summary (RasdWindow       *self);

void        rasd_window_show_error      (RasdWindow         *self,
                                         const char         *title,
                                         const char         *message);

/* Re-reads the events and facets from the store (after an import). */
void        rasd_window_reload          (RasdWindow         *self);
/* TRUE while the window's events are being read, including before the first one: a new
 * window reads them after painting its first frame. */
gboolean    rasd_window_is_loading      (RasdWindow         *self);

/* The window's one filter, and the events under it. */
RasdFilter     *rasd_window_get_filter      (RasdWindow     *self);
RasdEventModel *rasd_window_get_event_model (RasdWindow     *self);
/* The event list as shown (sorted by the column the user chose). */
GListModel     *rasd_window_get_event_list  (RasdWindow     *self);
void            rasd_window_select_event    (RasdWindow     *self,
                                             guint           position);
/* The selected event ("selected-event" property), or NULL; the map and the timeline follow it. */
RasdEventItem  *rasd_window_get_selected_event (RasdWindow  *self);

/* Parts of the window, for tests. */
GtkWidget     *rasd_window_get_reader       (RasdWindow     *self);
GtkWidget     *rasd_window_get_facet_view   (RasdWindow     *self,
                                             RasdFacet       facet);
GtkEditable   *rasd_window_get_search_entry (RasdWindow     *self);
/* The filter chips' box (one child per active filter), the buttons that clear all filters. */
GtkWidget     *rasd_window_get_chips        (RasdWindow     *self);
GtkWidget     *rasd_window_get_clear_all_button   (RasdWindow *self);
GtkWidget     *rasd_window_get_empty_clear_button (RasdWindow *self);
/* The reader's text and the name of the page shown ("welcome", "explorer", "upgrading",
 * "error"); of the
 * results area ("events", "empty", "no-events", "loading", "error"). */
GtkTextBuffer *rasd_window_get_reader_buffer (RasdWindow    *self);
const char    *rasd_window_get_visible_page (RasdWindow     *self);
const char    *rasd_window_get_results_page (RasdWindow     *self);

/* The map (RasdEventMap) and the timeline (RasdTimeline); NULL without a store. */
GtkWidget     *rasd_window_get_map          (RasdWindow     *self);
GtkWidget     *rasd_window_get_timeline     (RasdWindow     *self);

/* The corrector every decision of the window goes through; NULL without a store. */
RasdCorrector *rasd_window_get_corrector    (RasdWindow     *self);
/* The excerpt basket (RasdExcerptBasket); NULL without a store. */
GtkWidget     *rasd_window_get_basket       (RasdWindow     *self);

G_END_DECLS
