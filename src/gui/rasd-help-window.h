#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RASD_TYPE_HELP_WINDOW (rasd_help_window_get_type ())

G_DECLARE_FINAL_TYPE (RasdHelpWindow, rasd_help_window, RASD, HELP_WINDOW, AdwWindow)

/* The user guide, in the language of the interface (Arabic or English). */
RasdHelpWindow *rasd_help_window_new          (void);

/* "ar" or "en": shows that guide (right to left for Arabic). */
void            rasd_help_window_set_language (RasdHelpWindow *self,
                                               const char     *language);
const char     *rasd_help_window_get_language (RasdHelpWindow *self);

GtkTextBuffer  *rasd_help_window_get_buffer   (RasdHelpWindow *self);

/* The guide's language for the current interface language. */
const char     *rasd_help_default_language    (void);

G_END_DECLS
