#pragma once

#include <adwaita.h>

#include "rasd-corrector.h"
#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_EVENT_EDITOR (rasd_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (RasdEventEditor, rasd_event_editor, RASD, EVENT_EDITOR, AdwWindow)

/* Edits one event: its kind, date and precision, place (searched in the gazetteer), people
 * (searched among the stored people), whether it was reviewed; splits off checked evidence.
 * Apply records one decision per change through @corrector (each undoable), then closes. */
RasdEventEditor *rasd_event_editor_new          (GtkWindow       *parent,
                                                 RasdStore       *store,
                                                 RasdCorrector   *corrector,
                                                 gint64           event_id);

/* For tests: search the gazetteer and choose the first place found; apply. */
gboolean         rasd_event_editor_choose_place (RasdEventEditor *self,
                                                 const char      *search);
gboolean         rasd_event_editor_apply        (RasdEventEditor *self,
                                                 GError         **error);

G_END_DECLS
