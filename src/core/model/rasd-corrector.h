#pragma once

#include <gio/gio.h>

#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_CORRECTOR (rasd_corrector_get_type ())

G_DECLARE_FINAL_TYPE (RasdCorrector, rasd_corrector, RASD, CORRECTOR, GObject)

/* The user's corrections within a session: applies a decision on a worker thread (a GTask, on
 * its own connection to the store's database; a ":memory:" store has none, so there it runs at
 * once), and keeps undo and redo stacks.  Undo puts back exactly what a decision changed
 * (rasd_store_undo_correction()); a new decision empties the redo stack.  "changed" is emitted
 * on the caller's thread after every decision, undo and redo, so that the views reload. */
RasdCorrector *rasd_corrector_new          (RasdStore                   *store);

void           rasd_corrector_apply_async  (RasdCorrector               *self,
                                            const RasdCorrectionRequest *request,
                                            GCancellable                *cancellable,
                                            GAsyncReadyCallback          callback,
                                            gpointer                     user_data);
/* The decision's id, 0 on error. */
gint64         rasd_corrector_apply_finish (RasdCorrector               *self,
                                            GAsyncResult                *result,
                                            GError                     **error);
/* The same, waiting for it (rasd-cli, tests). */
gint64         rasd_corrector_apply        (RasdCorrector               *self,
                                            const RasdCorrectionRequest *request,
                                            GError                     **error);
gboolean       rasd_corrector_is_busy      (RasdCorrector               *self);

gboolean       rasd_corrector_can_undo     (RasdCorrector               *self);
gboolean       rasd_corrector_can_redo     (RasdCorrector               *self);
/* Undoes the last decision (redoes the last undone); FALSE when there is none or it failed. */
gboolean       rasd_corrector_undo         (RasdCorrector               *self,
                                            GError                     **error);
gboolean       rasd_corrector_redo         (RasdCorrector               *self,
                                            GError                     **error);

G_END_DECLS
