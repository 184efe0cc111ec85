#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include "rasd-store-private.h"

/* Checkpoints on another thread, for a long run of commits (an import).  SQLite copies the
 * write-ahead log back into the database file whenever a commit leaves it 1,000 pages long, on
 * the committing thread: about a tenth of an import's writer, which every extraction worker
 * waits for.  Here the commit only notes the log's length; a thread with its own connection
 * runs the same (passive) checkpoint, which never blocks the writer, and the next transaction
 * starts the log again from its beginning once all of it is copied. */

#define CHECKPOINT_PAGES 1000
#define CATCH_UP_PAGES   4000

struct _RasdStoreCheckpointer
{
  sqlite3  *db;       /* the checkpointing thread's connection */
  GThread  *thread;
  GMutex    lock;
  GCond     cond;
  guint64   asked;    /* how many checkpoints were asked for */
  gboolean  running;  /* the thread is checkpointing */
  gboolean  stop;
};

static gpointer
checkpoint_thread (gpointer data)
{
  RasdStoreCheckpointer *c = data;
  guint64 done = 0;

  g_mutex_lock (&c->lock);
  for (;;)
    {
      while (!c->stop && c->asked == done)
        g_cond_wait (&c->cond, &c->lock);
      if (c->stop)
        break;
      done = c->asked;
      c->running = TRUE;
      g_mutex_unlock (&c->lock);
      /* a checkpoint that cannot copy everything (a reader on an older snapshot) copies what
       * it can; the next one goes on */
      sqlite3_wal_checkpoint_v2 (c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      g_mutex_lock (&c->lock);
      c->running = FALSE;
      g_cond_broadcast (&c->cond);
    }
  g_mutex_unlock (&c->lock);
  return NULL;
}

/* sqlite3_wal_hook(): after each commit of the writer, with the log's length in pages. */
static int
wal_hook (void       *data,
          sqlite3    *db,
          const char *schema,
          int         n_pages)
{
  RasdStoreCheckpointer *c = data;

  /* The log starts again from its beginning only when a transaction begins with all of it
   * copied, and the writer commits while the thread copies: past a few times the usual
   * length, the writer copies the few pages the thread has not (then the next transaction
   * starts the log again), or the log would grow through the whole import.  It first waits for
   * the thread's checkpoint to end: a passive checkpoint while another runs does nothing, and
   * on a loaded machine the log then grew past 48 MB. */
  if (n_pages >= CATCH_UP_PAGES)
    {
      g_mutex_lock (&c->lock);
      while (c->running)
        g_cond_wait (&c->cond, &c->lock);
      g_mutex_unlock (&c->lock);
      sqlite3_wal_checkpoint_v2 (db, schema, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
  else if (n_pages >= CHECKPOINT_PAGES)
    {
      g_mutex_lock (&c->lock);
      c->asked++;
      g_cond_broadcast (&c->cond);
      g_mutex_unlock (&c->lock);
    }
  return SQLITE_OK;
}

gboolean
rasd_store_start_background_checkpoints (RasdStore *self)
{
  RasdStoreCheckpointer *c;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);

  if (self->checkpointer != NULL || self->read_only ||
      g_strcmp0 (self->path, ":memory:") == 0 || g_str_has_prefix (self->path, "file::memory:"))
    return FALSE;
  c = g_new0 (RasdStoreCheckpointer, 1);
  /* a connection learns that the file is in WAL mode when it first reads it: until then its
   * checkpoints do nothing */
  if (sqlite3_open_v2 (self->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
      sqlite3_exec (c->db, "SELECT count (*) FROM sqlite_master", NULL, NULL, NULL) != SQLITE_OK)
    {
      /* the writer checkpoints as before */
      g_debug ("%s: no connection for background checkpoints: %s", self->path,
               c->db != NULL ? sqlite3_errmsg (c->db) : "out of memory");
      sqlite3_close (c->db);
      g_free (c);
      return FALSE;
    }
  g_mutex_init (&c->lock);
  g_cond_init (&c->cond);
  c->thread = g_thread_new ("rasd-checkpoint", checkpoint_thread, c);
  /* replaces the automatic checkpoint's hook (sqlite3_wal_autocheckpoint()) */
  sqlite3_wal_hook (self->db, wal_hook, c);
  self->checkpointer = c;
  return TRUE;
}

void
rasd_store_stop_background_checkpoints (RasdStore *self)
{
  RasdStoreCheckpointer *c;

  g_return_if_fail (RASD_IS_STORE (self));

  if ((c = g_steal_pointer (&self->checkpointer)) == NULL)
    return;
  sqlite3_wal_autocheckpoint (self->db, CHECKPOINT_PAGES);
  g_mutex_lock (&c->lock);
  c->stop = TRUE;
  g_cond_broadcast (&c->cond);
  g_mutex_unlock (&c->lock);
  g_thread_join (c->thread);
  sqlite3_close (c->db);
  g_mutex_clear (&c->lock);
  g_cond_clear (&c->cond);
  g_free (c);
}
