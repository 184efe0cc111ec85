#define G_LOG_DOMAIN "rasd-event-kind"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rasd-event-kind.h"

/* The kinds of event and their names in the interface, in one place: the store checks filters
 * against them and numbers them in marks, the event items and excerpts show their labels. */

static const char * const event_kinds[] = {
  "meeting", "visit", "talks", "reception", "call", "summit", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (event_kinds) == RASD_N_EVENT_KINDS + 1);

const char * const *
rasd_store_event_kinds (void)
{
  return event_kinds;
}

const char *
rasd_event_kind_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } labels[] = {
    { "meeting", N_("Meeting") },
    { "visit", N_("Visit") },
    { "talks", N_("Talks") },
    { "reception", N_("Reception") },
    { "call", N_("Phone call") },
    { "summit", N_("Summit") },
  };

  if (kind == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (kind, labels[i].kind))
      return g_dgettext (GETTEXT_PACKAGE, labels[i].label);
  return kind;
}
