#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RASD_ERROR (rasd_error_quark ())

typedef enum
{
  RASD_ERROR_FAILED,
  RASD_ERROR_EMPTY,          /* the file holds no text */
  RASD_ERROR_BINARY,         /* the file is binary data, not text */
  RASD_ERROR_ENCODING,       /* the bytes are in no encoding Rasd reads */
  RASD_ERROR_PARSE,          /* JSON or HTML that cannot be read */
  RASD_ERROR_NOT_ARTICLE,    /* readable, but not an article (skipped, not failed) */
  RASD_ERROR_TOO_LARGE,      /* over the size Rasd accepts for one article */
  RASD_ERROR_DATABASE,       /* SQLite reported an error */
  RASD_ERROR_BUSY,           /* another process holds the database */
  RASD_ERROR_SCHEMA,         /* the database was written by a newer Rasd */
  RASD_ERROR_INVALID_QUERY,  /* nothing searchable in the query, or a query over the limits */
  RASD_ERROR_REFUSED,        /* not read: a link out of the imported folder, a device, a FIFO, a
                              * socket or a file of /proc, /sys or /dev */
} RasdError;

GQuark rasd_error_quark (void);

G_END_DECLS
