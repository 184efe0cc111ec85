#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "rasd-excerpt.h"
#include "rasd-store.h"

G_BEGIN_DECLS

typedef enum
{
  RASD_EXPORT_MARKDOWN,
  RASD_EXPORT_HTML,
  RASD_EXPORT_PDF,
  RASD_EXPORT_CSV,
  RASD_EXPORT_JSON,
  RASD_EXPORT_GEOJSON,
} RasdExportFormat;

/* "markdown" (or "md"), "html", "pdf", "csv", "json", "geojson"; any case.  FALSE otherwise. */
gboolean     rasd_export_format_from_string     (const char       *name,
                                                 RasdExportFormat *out);
const char  *rasd_export_format_to_string       (RasdExportFormat  format);
/* The file name extension without the dot: "md", "html", "pdf", "csv", "json", "geojson". */
const char  *rasd_export_format_get_extension   (RasdExportFormat  format);
/* "PDF document", in the UI language. */
const char  *rasd_export_format_get_label       (RasdExportFormat  format);
gboolean     rasd_export_format_for_excerpts    (RasdExportFormat  format);
gboolean     rasd_export_format_for_events      (RasdExportFormat  format);

/* Writes @excerpts (RasdExcerpt*, in that order) to @dest as MARKDOWN, HTML, PDF, CSV or JSON.
 * Each excerpt cites its article's title, source, date and URL, and the event it came from.
 *
 * The whole file is made in memory, written to a temporary file beside @dest and renamed over it:
 * a failure never leaves a half-written file in place of a good one.  Errors name @dest. */
gboolean     rasd_export_excerpts               (GPtrArray        *excerpts,
                                                 RasdExportFormat  format,
                                                 GFile            *dest,
                                                 GError          **error);

/* Writes @events (RasdStoredEvent*) to @dest as CSV (GDELT-like columns, UTF-8 with a BOM),
 * GEOJSON (a FeatureCollection with one Feature per event; an event without coordinates is a
 * Feature with a null geometry, as RFC 7946 allows, so nothing is silently left out) or JSON (an
 * array, the members of `rasd-cli events`).  Written as rasd_export_excerpts() writes. */
gboolean     rasd_export_events                 (GPtrArray        *events,
                                                 RasdExportFormat  format,
                                                 GFile            *dest,
                                                 GError          **error);

/* The file's bytes without writing it (what the two functions above write). */
GBytes      *rasd_export_excerpts_to_bytes      (GPtrArray        *excerpts,
                                                 RasdExportFormat  format,
                                                 GError          **error);
GBytes      *rasd_export_events_to_bytes        (GPtrArray        *events,
                                                 RasdExportFormat  format,
                                                 GError          **error);

/* A4 PDF of @excerpts: title and date on page one, right-to-left shaped Arabic, a citation under
 * each excerpt, page numbers (rasd-export-pdf.c). */
GBytes      *rasd_export_excerpts_to_pdf        (GPtrArray        *excerpts,
                                                 GError          **error);

/* Replaces @dest with @bytes through a temporary file in the same folder and a rename. */
gboolean     rasd_export_write_file             (GFile            *dest,
                                                 GBytes           *bytes,
                                                 GError          **error);

/* Pieces the exports share with `rasd-cli events`. */

/* One CSV record (RFC 4180: quoted when needed, CRLF) appended to @out; NULL fields are empty. */
void         rasd_export_append_csv_record      (GString               *out,
                                                 const char * const    *fields,
                                                 guint                  n_fields);
/* "day", "month", "year"; NULL when unknown. */
const char  *rasd_export_precision_name         (RasdDatePrecision      precision);
/* The participants' names (Arabic, or English when @english) joined by "; ". */
char        *rasd_export_join_participants      (const RasdStoredEvent *event,
                                                 gboolean               english);
/* The sources' URLs joined by spaces. */
char        *rasd_export_join_urls              (const RasdStoredEvent *event);
/* A string member, or null for a NULL @value. */
void         rasd_export_add_string_member      (JsonBuilder           *builder,
                                                 const char            *name,
                                                 const char            *value);
/* @value in the shortest form that reads back as the same double ("43.59917", not
 * "43.599170000000001"), with '.' whatever the locale; @buffer holds G_ASCII_DTOSTR_BUF_SIZE
 * bytes.  Every coordinate Rasd writes (CSV, JSON, GeoJSON, rasd-cli) goes through it. */
const char  *rasd_export_format_double          (double                 value,
                                                 char                  *buffer);
/* JSON text of @root (pretty: indented by two), its numbers written as
 * rasd_export_format_double() does: json-glib writes every double with 17 digits. */
char        *rasd_export_json_to_data           (JsonNode              *root,
                                                 gboolean               pretty,
                                                 gsize                 *length);
/* The members of one event object: id, kind, cameo, date, precision, role, participants, place,
 * sources, evidence (what `rasd-cli events` prints and the JSON export holds). */
void         rasd_export_add_event_members      (JsonBuilder           *builder,
                                                 const RasdStoredEvent *event);

G_END_DECLS
