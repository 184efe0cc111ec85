#define G_LOG_DOMAIN "rasd-error"

#include "config.h"

#include "rasd-error.h"

G_DEFINE_QUARK (rasd-error-quark, rasd_error)
