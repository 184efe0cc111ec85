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
  RASD_IMPORT_SIDECAR,   /* an article's metadata, read with it */
  RASD_IMPORT_REFUSED,   /* not read: a link out of the folder, a special or a system file */
} RasdImportOutcome;

typedef struct
{
  guint      n_files;
  guint      n_imported;    /* articles stored */
  guint      n_with_metadata;  /* of those, the ones with a NAME.meta.json sidecar */
  guint      n_duplicates;  /* articles already stored */
  guint      n_sidecars;    /* sidecar files read with their article: neither articles nor skipped */
  guint      n_skipped;     /* files that are not articles */
  guint      n_failed;      /* files (or .jsonl records) that could not be read */
  guint      n_refused;     /* links out of the folder, devices, FIFOs, sockets, system files */
  guint      n_links_out;   /* of those, links leading outside the folder named */
  guint      n_not_imported;  /* files the run did not import because it stopped (a full disk,
                               * a read-only database, cancelled): not reached, or taken back */
  guint64    n_bytes;       /* bytes read */
  /* Lines "PATH: reason", the path printable (rasd_path_display()). */
  GPtrArray *failures;
  GPtrArray *warnings;
  GPtrArray *skipped;
  GPtrArray *refused;
} RasdImportReport;

RasdImportReport *rasd_import_report_new  (void);
void              rasd_import_report_free (RasdImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdImportReport, rasd_import_report_free)

#define RASD_TYPE_IMPORTER (rasd_importer_get_type ())

G_DECLARE_FINAL_TYPE (RasdImporter, rasd_importer, RASD, IMPORTER, GObject)

/* Imports files and folders (recursively, symlink loops detected) into @store.  Each file is
 * one savepoint: a failure leaves nothing of it stored (a large .jsonl file is stored a part
 * of about a megabyte at a time; its records fail one by one anyway).  Files are committed in
 * batches so a long import shows progress in other readers of the database.
 *
 * In a folder, a symbolic link is followed only when its target stays inside the folder named
 * (resolved, then compared), unless :follow-symlinks; devices, FIFOs, sockets and anything in
 * /proc, /sys or /dev are never read.  Those are reported as RASD_IMPORT_REFUSED.  Paths named
 * to run() are the user's choice: a file named is read wherever its link leads.
 *
 * Signals: ::file-done (path, RasdImportOutcome, message or NULL), emitted in the thread that
 * runs the import; the path is the file name as found (any bytes: print it through
 * rasd_path_display()). */
RasdImporter     *rasd_importer_new        (RasdStore            *store);

/* Whether links out of a folder being imported are followed (default FALSE). */
void              rasd_importer_set_follow_symlinks (RasdImporter *self,
                                                     gboolean      follow);
gboolean          rasd_importer_get_follow_symlinks (RasdImporter *self);

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

/* Extraction workers of the next runs: 0 (the default) for one per core.  The results are
 * the same for any number. */
void              rasd_importer_set_jobs   (RasdImporter         *self,
                                            guint                 jobs);
guint             rasd_importer_get_jobs   (RasdImporter         *self);

/* The report of the last run. */
RasdImportReport *rasd_importer_get_report (RasdImporter         *self);

G_END_DECLS
