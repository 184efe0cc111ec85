#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The event kinds, NULL-terminated: "meeting", "visit", "talks", "reception", "call", "summit". */
const char * const *rasd_store_event_kinds (void);

#define RASD_N_EVENT_KINDS 6

/* A kind's index in rasd_store_event_kinds() in a RasdEventMark when it is none of them. */
#define RASD_EVENT_KIND_OTHER G_MAXUINT8

/* The kind's name in the UI language ("Visit"); the kind itself when unknown. */
const char         *rasd_event_kind_label  (const char *kind);

G_END_DECLS
