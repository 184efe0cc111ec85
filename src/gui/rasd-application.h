#pragma once

#include <adwaita.h>

#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_APPLICATION (rasd_application_get_type ())

G_DECLARE_FINAL_TYPE (RasdApplication, rasd_application, RASD, APPLICATION, AdwApplication)

RasdApplication *rasd_application_new       (void);

/* The database the windows show: --db PATH, else the user's. */
const char      *rasd_application_get_db_path (RasdApplication *self);

/* The application's settings (schema io.github.rasd.Rasd); NULL before startup or when the
 * schema is not installed (a warning said so). */
GSettings       *rasd_application_get_settings (RasdApplication *self);

/* Loads the io.github.rasd.Rasd schema from the system's schema folders, else from the build
 * directory (uninstalled runs). */
GSettings       *rasd_settings_new          (GError          **error);

/* Where the translations are: $RASD_LOCALEDIR, else the installed locale folder when it holds
 * Rasd's catalogues, else the build directory's. */

/* Window size and state saved to and restored from @settings. */
void             rasd_application_bind_window_state (GSettings *settings,
                                                     GtkWindow *window);

/* The headless check behind `rasd --self-test`: resources, data, schema, translations, database
 * and the windows' templates.  Prints one line per check; returns the exit status. */
int              rasd_application_self_test (RasdApplication *self);

G_END_DECLS
