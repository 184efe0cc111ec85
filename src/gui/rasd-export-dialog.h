#pragma once

#include <adwaita.h>

#include "rasd-export.h"
#include "rasd-filter.h"
#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_EXPORT_DIALOG (rasd_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RasdExportDialog, rasd_export_dialog, RASD, EXPORT_DIALOG, AdwWindow)

typedef enum
{
  RASD_EXPORT_WHAT_ALL_EXCERPTS,
  RASD_EXPORT_WHAT_SELECTED_EXCERPTS,
  RASD_EXPORT_WHAT_EVENTS,          /* the events under the filter (its text part aside) */
} RasdExportWhat;

/* The export dialog: what (all excerpts, the selected ones, the events under @filter), the
 * format (the ones that fit what), and the file (a file chooser).  "Export" writes the file on a
 * worker thread, then emits "exported" (GFile*) and closes; an error is shown in the dialog and
 * emitted as "failed" (GError*).  Turn "exported" into rasd_export_toast_new() in the window.
 *
 * @selected_ids: the basket's selection (gint64; NULL or empty: "selected" is off). */
RasdExportDialog *rasd_export_dialog_new             (GtkWindow        *parent,
                                                      RasdStore        *store,
                                                      RasdFilter       *filter,
                                                      GArray           *selected_ids);

void              rasd_export_dialog_set_what        (RasdExportDialog *self,
                                                      RasdExportWhat    what);
RasdExportWhat    rasd_export_dialog_get_what        (RasdExportDialog *self);
/* FALSE when @format does not fit what is exported. */
gboolean          rasd_export_dialog_set_format      (RasdExportDialog *self,
                                                      RasdExportFormat  format);
RasdExportFormat  rasd_export_dialog_get_format      (RasdExportDialog *self);
void              rasd_export_dialog_set_destination (RasdExportDialog *self,
                                                      GFile            *file);
GFile            *rasd_export_dialog_get_destination (RasdExportDialog *self);
/* What "Export" does. */
void              rasd_export_dialog_export          (RasdExportDialog *self);
gboolean          rasd_export_dialog_is_busy         (RasdExportDialog *self);

/* "Exported to NAME" with an "Open" button that opens @file with its default application. */
AdwToast         *rasd_export_toast_new              (GtkWindow        *parent,
                                                      GFile            *file);

G_END_DECLS
