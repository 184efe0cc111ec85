#pragma once

#include "rasd-article-reader.h"
#include "rasd-importer.h"

G_BEGIN_DECLS

/* A file this large is stored in a transaction of its own, taken back whole if it fails, not
 * in a savepoint among others: SQLite walks what a savepoint keeps after every statement
 * inside it (see temp_store in rasd-store.c), which for one 16 MB file took minutes. */
#define RASD_IMPORT_ALONE_BYTES ((goffset) 512 * 1024)

/* What the walk (rasd-importer-walk.c) found to read: a file, or a part of a large .jsonl. */
typedef struct
{
  char            *path;        /* as found: a name given, or a folder's path and a child's name */
  goffset          size;        /* from stat(), of the part: a hint, never trusted for reading */
  RasdReadOptions  options;     /* root: the folder named that led here, owned by the walk */
  gboolean         first_part;  /* the file's first or only part: counted once as a file */
} RasdImportEntry;

typedef struct _RasdImportWalk RasdImportWalk;

RasdImportWalk  *rasd_import_walk_new         (RasdImporter      *importer,
                                               gboolean           follow_symlinks);
void             rasd_import_walk_free        (RasdImportWalk    *walk);
/* Adds a path the user named: a file (read wherever it leads) or a folder (walked under the
 * symlink policy).  What is not read is reported through the importer as it is found. */
void             rasd_import_walk_add         (RasdImportWalk    *walk,
                                               const char        *path,
                                               GCancellable      *cancellable);
/* RasdImportEntry *, in the order found (each folder's children sorted by name). */
GPtrArray       *rasd_import_walk_get_entries (RasdImportWalk    *walk);

/* Reads one entry, within the walk's policy. */
RasdReadResult  *rasd_import_entry_read       (const RasdImportEntry  *entry,
                                               GCancellable           *cancellable,
                                               GError                **error);

/* The first and only parts from @from on: files the run did not reach. */
guint            rasd_import_entries_count_files (GPtrArray  *entries,
                                                  guint       from);

/* Records what the walk did not read in the importer's report and emits ::file-done. */
void             rasd_importer_note           (RasdImporter      *self,
                                               const char        *path,
                                               RasdImportOutcome  outcome,
                                               const char        *message);

/* "PATH: message" for the report, the path printable. */
char            *rasd_import_report_line      (const char        *path,
                                               const char        *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdImportWalk, rasd_import_walk_free)

G_END_DECLS
