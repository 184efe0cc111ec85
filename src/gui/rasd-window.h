#pragma once

#include <adwaita.h>

#include "rasd-application.h"
#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_WINDOW (rasd_window_get_type ())

G_DECLARE_FINAL_TYPE (RasdWindow, rasd_window, RASD, WINDOW, AdwApplicationWindow)

/* @store may be NULL when the database could not be opened: the window then shows the error. */
RasdWindow *rasd_window_new             (RasdApplication    *application,
                                         RasdStore          *store);

/* Imports files and folders in a worker thread, with progress, cancel and a summary toast. */
void        rasd_window_import          (RasdWindow         *self,
                                         const char * const *paths);
gboolean    rasd_window_is_importing    (RasdWindow         *self);

void        rasd_window_show_error      (RasdWindow         *self,
                                         const char         *title,
                                         const char         *message);

/* Re-reads the article list from the store. */
void        rasd_window_reload          (RasdWindow         *self);

GListModel *rasd_window_get_articles    (RasdWindow         *self);
void        rasd_window_select_article  (RasdWindow         *self,
                                         guint               position);
/* The reader's text and the name of the page shown ("welcome", "articles", "error"). */
GtkTextBuffer *rasd_window_get_reader_buffer (RasdWindow    *self);
const char *rasd_window_get_visible_page (RasdWindow        *self);

G_END_DECLS
