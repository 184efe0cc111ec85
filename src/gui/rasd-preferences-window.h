#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RASD_TYPE_PREFERENCES_WINDOW (rasd_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RasdPreferencesWindow, rasd_preferences_window, RASD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* The options of @settings (schema io.github.rasd.Rasd), each bound to its row: changes apply at
 * once and are saved. */
RasdPreferencesWindow *rasd_preferences_window_new (GSettings *settings);

G_END_DECLS
