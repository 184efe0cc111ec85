#pragma once

/* What the parts of RasdWindow share (rasd-window.c, rasd-window-correct.c). */

#include <adwaita.h>

#include "rasd-corrector.h"
#include "rasd-event-map.h"
#include "rasd-event-model.h"
#include "rasd-excerpt-basket.h"
#include "rasd-facet-view.h"
#include "rasd-filter.h"
#include "rasd-importer.h"
#include "rasd-reader.h"
#include "rasd-store-watch.h"
#include "rasd-timeline.h"
#include "rasd-window.h"

G_BEGIN_DECLS

struct _RasdWindow
{
  AdwApplicationWindow parent_instance;

  RasdStore          *store;
  RasdFilter         *filter;
  RasdEventModel     *events;
  GtkMultiSelection  *selection;   /* several for a merge; the reader shows the first */
  RasdCorrector      *corrector;   /* NULL without a store */
  RasdEventItem      *selected_event;
  GCancellable       *import_cancellable;
  RasdImporter       *importer;
  guint               import_jobs;  /* extraction workers of an import; 0: one per core */
  RasdStoreWatch     *store_watch;
  gint64              last_import_reload;
  gboolean            syncing;  /* copying the filter into the widgets */
  gboolean            restoring;  /* the events are being replaced: keep the selected one */
  gboolean            first_load_pending;  /* the events are read after the first frame */
  gboolean            upgrading;  /* the store is being opened and upgraded on a thread */
  GStrv               pending_import;  /* files given meanwhile */

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkRevealer        *progress_revealer;
  GtkRevealer        *read_only_revealer;
  GtkLabel           *read_only_label;
  GtkProgressBar     *progress_bar;
  GtkSearchEntry     *search_entry;
  GtkWidget          *sidebar_button;
  GtkSpinner         *spinner;
  GtkStack           *stack;
  AdwStatusPage      *error_page;
  AdwStatusPage      *upgrading_page;
  GtkSpinner         *upgrading_spinner;
  AdwFlap            *flap;
  RasdFacetView      *people_view;
  RasdFacetView      *places_view;
  RasdFacetView      *kinds_view;
  GtkLabel           *span_label;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkRevealer        *chips_revealer;
  GtkBox             *chips_box;
  GtkWidget          *clear_all_button;
  GtkBox             *map_slot;
  GtkWidget          *map_placeholder;
  GtkBox             *timeline_slot;
  GtkWidget          *timeline_placeholder;
  GtkStack           *results_stack;
  GtkColumnView      *event_view;
  GtkWidget          *empty_clear_button;
  AdwStatusPage      *results_error_page;
  RasdReader         *reader;
  AdwViewStack       *side_stack;
  RasdExcerptBasket  *basket;       /* NULL without a store */
  RasdEventMap       *map;
  RasdTimeline       *timeline;
  GtkToggleButton    *review_button;
  GtkCheckButton     *reviewed_check;
  GtkWidget          *correct_bar;
  gboolean            syncing_reviewed;
};

/* rasd-window.c */
void     rasd_window_set_selected_event  (RasdWindow    *self,
                                          RasdEventItem *item);
/* The first selected row, or GTK_INVALID_LIST_POSITION. */
guint    rasd_window_get_selected_position (RasdWindow  *self);

/* rasd-window-correct.c: the user's corrections */
void     rasd_window_class_init_correct  (GtkWidgetClass *widget_class);
void     rasd_window_setup_correct       (RasdWindow     *self);
void     rasd_window_update_correct      (RasdWindow     *self);
void     rasd_window_on_entity_action    (RasdWindow     *self,
                                          const char     *action,
                                          const char     *kind,
                                          const char     *key,
                                          const char     *name);

G_END_DECLS
