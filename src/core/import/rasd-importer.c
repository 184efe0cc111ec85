#define G_LOG_DOMAIN "rasd-importer"

#include "config.h"

#include "rasd-article-reader.h"
#include "rasd-error.h"
#include "rasd-extractor.h"
#include "rasd-importer-private.h"
#include "rasd-ordered-pool.h"
#include "rasd-path.h"

/* Files stored per transaction: few enough that other readers of the database (the window)
 * see new articles soon, enough that commits do not dominate. */
#define BATCH_FILES 64
#define BATCH_USEC (G_USEC_PER_SEC / 2)

struct _RasdImporter
{
  GObject           parent_instance;

  RasdStore        *store;
  RasdImportReport *report;
  gboolean          follow_symlinks;
  guint             jobs;   /* extraction workers; 0: one per core */
};

G_DEFINE_FINAL_TYPE (RasdImporter, rasd_importer, G_TYPE_OBJECT)

enum {
  FILE_DONE,
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

RasdImportReport *
rasd_import_report_new (void)
{
  RasdImportReport *report = g_new0 (RasdImportReport, 1);

  report->failures = g_ptr_array_new_with_free_func (g_free);
  report->warnings = g_ptr_array_new_with_free_func (g_free);
  report->skipped = g_ptr_array_new_with_free_func (g_free);
  report->refused = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
rasd_import_report_free (RasdImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->failures);
  g_ptr_array_unref (report->warnings);
  g_ptr_array_unref (report->skipped);
  g_ptr_array_unref (report->refused);
  g_free (report);
}

static void
rasd_importer_finalize (GObject *object)
{
  RasdImporter *self = (RasdImporter *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->report, rasd_import_report_free);

  G_OBJECT_CLASS (rasd_importer_parent_class)->finalize (object);
}

static void
rasd_importer_class_init (RasdImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rasd_importer_finalize;

  /**
   * RasdImporter::file-done:
   * @path: the file
   * @outcome: a #RasdImportOutcome
   * @message: (nullable): why it failed or was skipped
   *
   * Emitted in the importing thread after each file.
   */
  signals[FILE_DONE] =
    g_signal_new ("file-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT, G_TYPE_STRING);

  /**
   * RasdImporter::progress:
   * @n_done: files done
   * @n_total: files found so far
   *
   * Emitted on the main context during rasd_importer_run_async().
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
rasd_importer_init (RasdImporter *self)
{
  self->report = rasd_import_report_new ();
}

RasdImporter *
rasd_importer_new (RasdStore *store)
{
  RasdImporter *self;

  g_return_val_if_fail (RASD_IS_STORE (store), NULL);

  self = g_object_new (RASD_TYPE_IMPORTER, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
rasd_importer_set_jobs (RasdImporter *self,
                        guint         jobs)
{
  g_return_if_fail (RASD_IS_IMPORTER (self));
  self->jobs = jobs;
}

guint
rasd_importer_get_jobs (RasdImporter *self)
{
  g_return_val_if_fail (RASD_IS_IMPORTER (self), 0);
  return self->jobs;
}

RasdImportReport *
rasd_importer_get_report (RasdImporter *self)
{
  g_return_val_if_fail (RASD_IS_IMPORTER (self), NULL);
  return self->report;
}

void
rasd_importer_set_follow_symlinks (RasdImporter *self,
                                   gboolean      follow)
{
  g_return_if_fail (RASD_IS_IMPORTER (self));
  self->follow_symlinks = follow;
}

gboolean
rasd_importer_get_follow_symlinks (RasdImporter *self)
{
  g_return_val_if_fail (RASD_IS_IMPORTER (self), FALSE);
  return self->follow_symlinks;
}

char *
rasd_import_report_line (const char *path,
                         const char *message)
{
  g_autofree char *shown = rasd_path_display (path);

  return g_strdup_printf ("%s: %s", shown, message);
}

void
rasd_importer_note (RasdImporter      *self,
                    const char        *path,
                    RasdImportOutcome  outcome,
                    const char        *message)
{
  RasdImportReport *report = self->report;

  switch (outcome)
    {
    case RASD_IMPORT_FAILED:
      g_ptr_array_add (report->failures, rasd_import_report_line (path, message));
      report->n_failed++;
      break;
    case RASD_IMPORT_REFUSED:
      g_ptr_array_add (report->refused, rasd_import_report_line (path, message));
      report->n_refused++;
      break;
    case RASD_IMPORT_SKIPPED:
      g_ptr_array_add (report->skipped, rasd_import_report_line (path, message));
      report->n_skipped++;
      break;
    case RASD_IMPORT_SIDECAR:
      report->n_sidecars++;
      break;
    case RASD_IMPORT_IMPORTED:
    case RASD_IMPORT_DUPLICATE:
    default:
      break;
    }
  g_signal_emit (self, signals[FILE_DONE], 0, path, outcome, message);
}

/* Importing ---------------------------------------------------------------------------------- */

typedef struct
{
  RasdImporter *self;
  guint         n_done;
  guint         n_total;
} ProgressUpdate;

static gboolean
emit_progress_cb (gpointer data)
{
  ProgressUpdate *update = data;

  g_signal_emit (update->self, signals[PROGRESS], 0, update->n_done, update->n_total);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer data)
{
  ProgressUpdate *update = data;

  g_object_unref (update->self);
  g_free (update);
}

/* Reading and extracting on every core ------------------------------------------------------
 *
 * Decoding, cleaning, parsing and extracting a file need no database, so a pool of workers
 * (one per core unless told otherwise) does them for the files ahead while this thread, the
 * one writer, stores the ones done.  The pool gives the files back in order, so the ids and
 * everything stored are those of a run on one thread; at most ahead_items files, and about
 * AHEAD_BYTES of them, are in the pool at once, so memory stays flat however many or however
 * large the files are. */

/* A commit (every BATCH_FILES files) takes as long as extracting dozens of files, and only
 * this thread pushes files into the pool: with 8 per worker, the workers sat idle through
 * every commit. */
#define AHEAD_ITEMS_PER_WORKER 64
#define AHEAD_BYTES ((goffset) 64 * 1024 * 1024)

typedef struct
{
  const RasdImportEntry *entry;  /* in the walk's list, which outlives the pool */
  char           *path;
  goffset         size;
  RasdReadResult *result;  /* NULL with error set */
  GError         *error;
  GPtrArray      *extractions;  /* RasdExtraction*, one per article; NULL without an extractor */
  GPtrArray      *warnings;     /* char *: what extraction had to leave out, or NULL */
  GPtrArray      *search_tokens;  /* RasdFtsTokens* or NULL: each article's title, then text */
} ReadItem;

static void
read_item_free (ReadItem *item)
{
  g_free (item->path);
  g_clear_pointer (&item->result, rasd_read_result_free);
  g_clear_pointer (&item->extractions, g_ptr_array_unref);
  g_clear_pointer (&item->warnings, g_ptr_array_unref);
  g_clear_pointer (&item->search_tokens, g_ptr_array_unref);
  g_clear_error (&item->error);
  g_free (item);
}

/* Extraction needs no database either, so it runs in the worker too, on every article read
 * (duplicates included: whether one is a duplicate is only known when storing).  What an
 * article is too long to store whole is cut (rasd_extraction_cap()) and said in a warning. */
static GPtrArray *
extract_articles (RasdExtractor  *extractor,
                  ReadItem       *item)
{
  RasdReadResult *result = item->result;
  GPtrArray *extractions = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_extraction_free);

  for (guint i = 0; i < result->articles->len; i++)
    {
      RasdArticle *article = g_ptr_array_index (result->articles, i);
      RasdExtraction *extraction = rasd_extractor_extract_article (extractor, article);
      g_autofree char *cut = rasd_extraction_cap (extraction, RASD_EXTRACTION_MAX_EVENTS,
                                                  RASD_EXTRACTION_MAX_EVIDENCE);

      if (cut != NULL)
        {
          g_autofree char *what = result->articles->len > 1 ?
                                  g_strdup_printf ("article %u: %s", i + 1, cut) : g_strdup (cut);

          if (item->warnings == NULL)
            item->warnings = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (item->warnings, rasd_import_report_line (item->path, what));
        }
      g_ptr_array_add (extractions, extraction);
    }
  return extractions;
}

/* The search index's tokens of each article's title and text, for the writer to replay
 * (rasd_store_offer_search_tokens()), and its hash: tokenizing for the index was a sixth of
 * the work of the one thread that stores, and the workers do it instead. */
static GPtrArray *
tokenize_articles (ReadItem *item)
{
  GPtrArray *articles = item->result->articles;
  GPtrArray *tokens = g_ptr_array_new_full (2 * articles->len, (GDestroyNotify) rasd_fts_tokens_free);

  for (guint i = 0; i < articles->len; i++)
    {
      RasdArticle *article = g_ptr_array_index (articles, i);
      const char *title = rasd_article_get_title (article);
      const char *text = rasd_article_get_text (article);

      g_ptr_array_add (tokens, title != NULL ? rasd_fts_tokens_new (title, -1) : NULL);
      g_ptr_array_add (tokens, text != NULL ? rasd_fts_tokens_new (text, -1) : NULL);
      /* kept in the article for the writer's duplicate check */
      g_free (rasd_article_compute_hash (article));
    }
  return tokens;
}

typedef struct
{
  RasdExtractor *extractor;    /* NULL when it could not be loaded */
  GCancellable  *cancellable;
} ReadShared;

/* One file: read, then extracted.  Runs in a worker. */
static gpointer
read_item_work (gpointer input,
                gpointer user_data)
{
  ReadShared *shared = user_data;
  ReadItem *item = input;

  item->result = rasd_import_entry_read (item->entry, shared->cancellable, &item->error);
  if (item->result != NULL && shared->extractor != NULL)
    item->extractions = extract_articles (shared->extractor, item);
  if (item->result != NULL)
    item->search_tokens = tokenize_articles (item);
  return item;
}

typedef struct
{
  GPtrArray       *files;        /* RasdImportEntry, from the walk */
  RasdOrderedPool *pool;
  guint            next;         /* the next file to give the pool */
  guint            ahead_items;
  goffset          ahead_bytes;  /* sizes of the files in the pool */
} ReadAhead;

/* Gives the pool files until it holds enough; always at least one. */
static void
read_ahead_fill (ReadAhead *ahead)
{
  while (ahead->next < ahead->files->len &&
         rasd_ordered_pool_get_n_pending (ahead->pool) < ahead->ahead_items &&
         (ahead->ahead_bytes < AHEAD_BYTES || rasd_ordered_pool_get_n_pending (ahead->pool) == 0))
    {
      const RasdImportEntry *entry = g_ptr_array_index (ahead->files, ahead->next);
      ReadItem *item = g_new0 (ReadItem, 1);

      item->entry = entry;
      item->path = g_strdup (entry->path);
      item->size = entry->size;
      ahead->ahead_bytes += MAX (item->size, 0);
      ahead->next++;
      rasd_ordered_pool_push (ahead->pool, item);
    }
}

/* The next file in order, read and extracted (waiting for it). */
static ReadItem *
read_ahead_next (ReadAhead *ahead)
{
  ReadItem *item;

  read_ahead_fill (ahead);
  item = rasd_ordered_pool_pop (ahead->pool);
  if (item != NULL)
    ahead->ahead_bytes -= MAX (item->size, 0);
  read_ahead_fill (ahead);
  return item;
}

/* Whether a failure to store is the database's (read-only, full, broken, busy) rather than
 * the file's: then every later file would fail the same way, and SQLite may already have
 * rolled back the whole transaction, files stored before this one included. */
static gboolean
database_failure (RasdStore    *store,
                  int           sqlite_code,
                  const GError *error)
{
  if (g_error_matches (error, RASD_ERROR, RASD_ERROR_BUSY) || !rasd_store_in_transaction (store))
    return TRUE;
  switch (sqlite_code & 0xff)
    {
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_NOMEM:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return TRUE;
    default:
      return FALSE;
    }
}

typedef enum
{
  UNDO_NOTHING,    /* nothing stored yet */
  UNDO_SAVEPOINT,  /* back to the file's savepoint */
  UNDO_ALL,        /* the whole transaction, which holds this file alone */
} Undo;

static RasdImportOutcome
fail_storing (RasdStore  *store,
              Undo        undo,
              GError     *error,
              char      **message,
              GError    **fatal_error)
{
  int code = sqlite3_extended_errcode (rasd_store_get_db (store));

  if (undo == UNDO_SAVEPOINT)
    rasd_store_rollback_to (store);
  else if (undo == UNDO_ALL)
    rasd_store_rollback (store);
  if (database_failure (store, code, error))
    g_propagate_error (fatal_error, g_error_copy (error));
  *message = g_strdup (error->message);
  return RASD_IMPORT_FAILED;
}

/* Stores one file's articles, all of them or none: in one savepoint, or @alone in the open
 * transaction, which holds nothing else and is rolled back if the file fails.  @fatal_error is
 * set when the database itself failed (see database_failure()). */
static RasdImportOutcome
store_file (RasdImporter  *self,
            RasdStore     *store,
            ReadItem      *item,
            gboolean       alone,
            char         **message,
            GError       **fatal_error)
{
  RasdReadResult *result = item->result;
  g_autoptr(GError) error = NULL;
  const char *path = item->path;
  Undo undo = alone ? UNDO_ALL : UNDO_SAVEPOINT;
  guint n_new = 0;
  guint n_duplicates = 0;

  if (result == NULL)
    {
      *message = g_strdup (item->error->message);
      if (!g_error_matches (item->error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE))
        return RASD_IMPORT_FAILED;
      if (rasd_file_kind_for_path (path) != RASD_FILE_KIND_SIDECAR)
        return RASD_IMPORT_SKIPPED;
      if (rasd_sidecar_has_article (path))
        return RASD_IMPORT_SIDECAR;
      g_free (*message);
      *message = g_strdup ("metadata sidecar without its article (NAME.txt beside NAME.meta.json)");
      return RASD_IMPORT_SKIPPED;
    }

  if (!alone && !rasd_store_savepoint (store, &error))
    return fail_storing (store, UNDO_NOTHING, error, message, fatal_error);
  for (guint i = 0; i < result->articles->len; i++)
    {
      RasdArticle *article = g_ptr_array_index (result->articles, i);
      gboolean duplicate = FALSE;

      if (item->search_tokens != NULL)
        for (guint t = 2 * i; t < 2 * i + 2; t++)
          rasd_store_offer_search_tokens (store, g_steal_pointer (&item->search_tokens->pdata[t]));
      if (rasd_store_add_article (store, article, &duplicate, &error) == 0)
        return fail_storing (store, undo, error, message, fatal_error);
      if (duplicate)
        {
          n_duplicates++;
          continue;
        }
      n_new++;
      if (item->extractions != NULL &&
          !rasd_store_save_extraction (store, rasd_article_get_id (article),
                                       g_ptr_array_index (item->extractions, i), &error))
        return fail_storing (store, undo, error, message, fatal_error);
    }
  if (!alone && !rasd_store_release (store, &error))
    return fail_storing (store, undo, error, message, fatal_error);

  self->report->n_imported += n_new;
  if (n_new > 0)
    self->report->n_with_metadata += result->n_with_metadata;
  self->report->n_duplicates += n_duplicates;
  /* Records of a .jsonl file that could not be read are failures of their own; other
   * problems (a repaired encoding) are warnings. */
  for (guint i = 0; i < result->problems->len; i++)
    {
      const char *problem = g_ptr_array_index (result->problems, i);
      char *line = rasd_import_report_line (path, problem);

      if (rasd_file_kind_for_path (path) == RASD_FILE_KIND_JSONL)
        {
          g_ptr_array_add (self->report->failures, line);
          self->report->n_failed++;
        }
      else
        g_ptr_array_add (self->report->warnings, line);
    }
  return n_new > 0 ? RASD_IMPORT_IMPORTED : RASD_IMPORT_DUPLICATE;
}

/* What the open transaction holds: counted in the report, not committed yet. */
typedef struct
{
  gint64 started;
  guint  n_items;
  guint  n_imported;
  guint  n_duplicates;
  guint  n_with_metadata;
  guint  n_new_files;  /* items that stored a new article */
} Batch;

/* The database took the batch back (or will not commit it): the report must not count what it
 * held, and its files are not imported. */
static void
take_back_batch (RasdImporter *self,
                 RasdStore    *store,
                 Batch        *batch)
{
  rasd_store_rollback (store);
  self->report->n_imported -= batch->n_imported;
  self->report->n_duplicates -= batch->n_duplicates;
  self->report->n_with_metadata -= batch->n_with_metadata;
  self->report->n_not_imported += batch->n_new_files;
}

static gboolean
store_files (RasdImporter  *self,
             RasdStore     *store,
             ReadAhead     *ahead,
             GMainContext  *progress_context,
             GCancellable  *cancellable,
             GError       **error)
{
  Batch batch = { 0 };

  for (guint i = 0; i < ahead->files->len; i++)
    {
      const RasdImportEntry *entry = g_ptr_array_index (ahead->files, i);
      ReadItem *item;
      g_autofree char *message = NULL;
      g_autoptr(GError) fatal_error = NULL;
      RasdImportOutcome outcome;
      gboolean alone;
      guint imported_before;
      guint duplicates_before;
      guint with_metadata_before;

      if (g_cancellable_is_cancelled (cancellable))
        {
          self->report->n_not_imported += rasd_import_entries_count_files (ahead->files, i);
          break;
        }

      item = read_ahead_next (ahead);
      alone = item->result != NULL && item->size >= RASD_IMPORT_ALONE_BYTES;

      if (alone && rasd_store_in_transaction (store) && !rasd_store_commit (store, error))
        {
          take_back_batch (self, store, &batch);
          self->report->n_not_imported += rasd_import_entries_count_files (ahead->files, i);
          read_item_free (item);
          return FALSE;
        }
      if (!rasd_store_in_transaction (store))
        {
          if (!rasd_store_begin (store, error))
            {
              self->report->n_not_imported += rasd_import_entries_count_files (ahead->files, i);
              read_item_free (item);
              return FALSE;
            }
          batch = (Batch) { .started = g_get_monotonic_time () };
        }

      imported_before = self->report->n_imported;
      duplicates_before = self->report->n_duplicates;
      with_metadata_before = self->report->n_with_metadata;
      outcome = store_file (self, store, item, alone, &message, &fatal_error);
      batch.n_imported += self->report->n_imported - imported_before;
      batch.n_duplicates += self->report->n_duplicates - duplicates_before;
      batch.n_with_metadata += self->report->n_with_metadata - with_metadata_before;
      if (fatal_error != NULL)
        {
          g_autofree char *shown = rasd_path_display (item->path);

          /* Keep what the batch stored when the database still takes a commit; otherwise
           * (SQLite rolled it back, or the commit fails too) the report must not count it. */
          if (!rasd_store_in_transaction (store) || !rasd_store_commit (store, NULL))
            take_back_batch (self, store, &batch);
          self->report->n_not_imported += rasd_import_entries_count_files (ahead->files, i);
          g_set_error (error, fatal_error->domain, fatal_error->code,
                       "%s: %s; the import stopped at this file", shown, fatal_error->message);
          read_item_free (item);
          return FALSE;
        }
      if (entry->first_part)
        self->report->n_files++;
      self->report->n_bytes += item->size;
      if (outcome == RASD_IMPORT_IMPORTED)
        batch.n_new_files++;
      rasd_importer_note (self, item->path, outcome, message);
      if (item->warnings != NULL && outcome == RASD_IMPORT_IMPORTED)
        for (guint w = 0; w < item->warnings->len; w++)
          g_ptr_array_add (self->report->warnings, g_strdup (g_ptr_array_index (item->warnings, w)));
      read_item_free (item);

      batch.n_items++;
      /* a file alone that failed took its transaction back with it */
      if (rasd_store_in_transaction (store) &&
          (alone || batch.n_items >= BATCH_FILES || g_get_monotonic_time () - batch.started > BATCH_USEC))
        {
          if (!rasd_store_commit (store, error))
            {
              take_back_batch (self, store, &batch);
              self->report->n_not_imported += rasd_import_entries_count_files (ahead->files, i + 1);
              return FALSE;
            }
        }

      if (progress_context != NULL)
        {
          ProgressUpdate *update = g_new0 (ProgressUpdate, 1);

          update->self = g_object_ref (self);
          update->n_done = i + 1;
          update->n_total = ahead->files->len;
          g_main_context_invoke_full (progress_context, G_PRIORITY_DEFAULT, emit_progress_cb,
                                      update, progress_update_free);
        }
    }

  if (rasd_store_in_transaction (store) && !rasd_store_commit (store, error))
    {
      take_back_batch (self, store, &batch);
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_files (RasdImporter  *self,
              RasdStore     *store,
              GPtrArray     *files,
              GMainContext  *progress_context,
              GCancellable  *cancellable,
              GError       **error)
{
  ReadShared shared = { NULL, cancellable };
  ReadAhead ahead = { files, NULL, 0, 0, 0 };
  g_autoptr(GError) extractor_error = NULL;
  gboolean ok;

  /* Without its lexicons the articles are still worth importing; the report says why they
   * have no events, once. */
  shared.extractor = rasd_extractor_get_default (&extractor_error);
  if (shared.extractor == NULL && files->len > 0)
    g_ptr_array_add (self->report->warnings,
                     g_strdup_printf ("events: %s; the articles are imported without their events "
                                      "(run rasd-cli reextract once the data is installed)",
                                      extractor_error != NULL ? extractor_error->message
                                                              : "the extractor cannot be loaded"));

  ahead.pool = rasd_ordered_pool_new (self->jobs, read_item_work, &shared,
                                      (GDestroyNotify) read_item_free,
                                      (GDestroyNotify) read_item_free);
  ahead.ahead_items = AHEAD_ITEMS_PER_WORKER * rasd_ordered_pool_get_n_workers (ahead.pool);
  /* the writer is the import's slowest stage: its commits leave copying the log back to the
   * database file to another thread */
  rasd_store_start_background_checkpoints (store);
  ok = store_files (self, store, &ahead, progress_context, cancellable, error);
  rasd_store_stop_background_checkpoints (store);
  /* Stopped early (cancelled or failed): the workers finish their files and end. */
  rasd_ordered_pool_free (ahead.pool);
  return ok;
}

static gboolean
run_on_store (RasdImporter        *self,
              RasdStore           *store,
              const char * const  *paths,
              GMainContext        *progress_context,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(RasdImportWalk) walk = NULL;

  g_clear_pointer (&self->report, rasd_import_report_free);
  self->report = rasd_import_report_new ();

  walk = rasd_import_walk_new (self, self->follow_symlinks);
  for (guint i = 0; paths[i] != NULL; i++)
    rasd_import_walk_add (walk, paths[i], cancellable);

  if (!import_files (self, store, rasd_import_walk_get_entries (walk), progress_context,
                     cancellable, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Each batch added segments to the search index that every search merges; after a large
   * import, merging them once makes searches faster.  A failure loses nothing imported. */
  {
    g_autoptr(GError) optimize_error = NULL;

    if (!rasd_store_optimize_search_index (store, self->report->n_imported, &optimize_error))
      g_ptr_array_add (self->report->warnings, g_strdup (optimize_error->message));
  }
  return TRUE;
}

gboolean
rasd_importer_run (RasdImporter        *self,
                   const char * const  *paths,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_return_val_if_fail (RASD_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_on_store (self, self->store, paths, NULL, cancellable, error);
}

typedef struct
{
  GStrv         paths;
  GMainContext *context;
} RunData;

static void
run_data_free (RunData *data)
{
  g_strfreev (data->paths);
  g_main_context_unref (data->context);
  g_free (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RasdImporter *self = source_object;
  RunData *data = task_data;
  g_autoptr(RasdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = rasd_store_get_path (self->store);

  /* SQLite connections belong to one thread: the worker writes through its own, so the
   * window's connection keeps reading while the import runs.  An in-memory database exists
   * only on its one connection, which the caller leaves alone until the task completes. */
  if (g_strcmp0 (path, ":memory:") == 0 || g_str_has_prefix (path, "file::memory:"))
    store = g_object_ref (self->store);
  else if ((store = rasd_store_open (path, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!run_on_store (self, store, (const char * const *) data->paths, data->context,
                     cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
rasd_importer_run_async (RasdImporter        *self,
                         const char * const  *paths,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *data;

  g_return_if_fail (RASD_IS_IMPORTER (self));
  g_return_if_fail (paths != NULL);

  data = g_new0 (RunData, 1);
  data->paths = g_strdupv ((char **) paths);
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rasd_importer_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
rasd_importer_run_finish (RasdImporter  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (RASD_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
