#pragma once

#include <adwaita.h>

#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_APPLICATION (rasd_application_get_type ())

G_DECLARE_FINAL_TYPE (RasdApplication, rasd_application, RASD, APPLICATION, AdwApplication)

RasdApplication *rasd_application_new       (void);

/* The database the windows show: --db PATH, else the user's. */
const char      *rasd_application_get_db_path (RasdApplication *self);

G_END_DECLS
