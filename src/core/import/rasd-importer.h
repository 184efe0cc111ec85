#pragma once

#include <gio/gio.h>

#include "rasd-store.h"

G_BEGIN_DECLS

typedef enum
{
  RASD_IMPORT_IMPORTED,
  RASD_IMPORT_DUPLICATE,
  RASD_IMPORT_SKIPPED,   /* not an article */
  RASD_IMPORT_FAILED,
} RasdImportOutcome;

typedef struct
{
  guint      n_files;
  guint      n_imported;    /* articles stored */
  guint      n_duplicates;  /* articles already stored */
  guint      n_skipped;     /* files that are not articles */
  guint      n_failed;      /* files (or .jsonl records) that could not be read */
  guint64    n_bytes;       /* bytes read */
  GPtrArray *failures;      /* char *: "PATH: reason" */
  GPtrArray *warnings;      /* char *: "PATH: note" */
  GPtrArray *skipped;       /* char *: "PATH: why" */
} RasdImportReport;

RasdImportReport *rasd_import_report_new  (void);
void              rasd_import_report_free (RasdImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdImportReport, rasd_import_report_free)

#define RASD_TYPE_IMPORTER (rasd_importer_get_type ())

G_DECLARE_FINAL_TYPE (RasdImporter, rasd_importer, RASD, IMPORTER, GObject)

/* Imports files and folders (recursively, symlink loops detected) into @store.  Each file is
 * one savepoint: a failure leaves nothing of it stored.  Files are committed in batches so a
 * long import shows progress in other readers of the database.
 *
 * Signals: ::file-done (path, RasdImportOutcome, message or NULL), emitted in the thread that
 * runs the import. */
RasdImporter     *rasd_importer_new        (RasdStore            *store);

gboolean          rasd_importer_run        (RasdImporter         *self,
                                            const char * const   *paths,
                                            GCancellable         *cancellable,
                                            GError              **error);

/* Runs the import in a worker thread (GTask) on its own connection to the store's database.
 * ::progress (n_done, n_total) is emitted on the main context. */
void              rasd_importer_run_async  (RasdImporter         *self,
                                            const char * const   *paths,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean          rasd_importer_run_finish (RasdImporter         *self,
                                            GAsyncResult         *result,
                                            GError              **error);

/* The report of the last run. */
RasdImportReport *rasd_importer_get_report (RasdImporter         *self);

G_END_DECLS
