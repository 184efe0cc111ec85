#define G_LOG_DOMAIN "rasd-ordered-pool"

#include "config.h"

#include "rasd-ordered-pool.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Workers are a GThreadPool; order is kept by a queue of slots, one per input pushed, that
 * pop() takes from the head once its worker has filled it. */

typedef struct
{
  gpointer input;
  gpointer output;
  gboolean done;
} Slot;

struct _RasdOrderedPool
{
  GThreadPool         *threads;
  RasdOrderedPoolFunc  func;
  gpointer             user_data;
  GDestroyNotify       free_input;
  GDestroyNotify       free_output;
  guint                n_workers;

  GMutex               lock;
  GCond                filled;
  GQueue               slots;  /* Slot*, in the order pushed */
};

/* How much lower the workers' scheduling priority is than the thread that pops (Linux: a
 * thread's nice value is its own).  With as many workers as cores, the one consumer (the
 * import's writer) competes with them for a core; it is the slower stage, and the workers'
 * lead gains nothing when it waits. */
#define WORKER_NICENESS 5

static void
lower_priority (void)
{
  static GPrivate lowered;

  if (g_private_get (&lowered) != NULL)
    return;
  g_private_set (&lowered, GINT_TO_POINTER (1));
  /* may fail (another kernel, a sandbox): the workers then keep their priority */
  {
    id_t thread = (id_t) syscall (SYS_gettid);
    int nice_now;

    errno = 0;
    nice_now = getpriority (PRIO_PROCESS, thread);
    if (errno == 0)
      (void) setpriority (PRIO_PROCESS, thread, MIN (nice_now + WORKER_NICENESS, 19));
  }
}

static void
work (gpointer data,
      gpointer pool_data)
{
  RasdOrderedPool *self = pool_data;
  Slot *slot = data;
  gpointer output;

  lower_priority ();
  output = self->func (g_steal_pointer (&slot->input), self->user_data);

  g_mutex_lock (&self->lock);
  slot->output = output;
  slot->done = TRUE;
  g_cond_broadcast (&self->filled);
  g_mutex_unlock (&self->lock);
}

guint
rasd_ordered_pool_resolve_jobs (guint jobs)
{
  return jobs > 0 ? jobs : MAX (g_get_num_processors (), 1);
}

RasdOrderedPool *
rasd_ordered_pool_new (guint                n_workers,
                       RasdOrderedPoolFunc  func,
                       gpointer             user_data,
                       GDestroyNotify       free_input,
                       GDestroyNotify       free_output)
{
  RasdOrderedPool *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (RasdOrderedPool, 1);
  self->func = func;
  self->user_data = user_data;
  self->free_input = free_input;
  self->free_output = free_output;
  self->n_workers = rasd_ordered_pool_resolve_jobs (n_workers);
  g_mutex_init (&self->lock);
  g_cond_init (&self->filled);
  g_queue_init (&self->slots);
  /* Exclusive threads: started now, kept until the pool is freed, shared with nobody. */
  self->threads = g_thread_pool_new (work, self, (int) self->n_workers, TRUE, &error);
  if (self->threads == NULL)
    g_error ("cannot start %u worker threads: %s", self->n_workers, error->message);
  return self;
}

void
rasd_ordered_pool_push (RasdOrderedPool *self,
                        gpointer         input)
{
  Slot *slot = g_new0 (Slot, 1);

  g_return_if_fail (self != NULL);

  slot->input = input;
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->slots, slot);
  g_mutex_unlock (&self->lock);
  g_thread_pool_push (self->threads, slot, NULL);
}

gpointer
rasd_ordered_pool_pop (RasdOrderedPool *self)
{
  Slot *slot;
  gpointer output;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  slot = g_queue_peek_head (&self->slots);
  while (slot != NULL && !slot->done)
    g_cond_wait (&self->filled, &self->lock);
  if (slot != NULL)
    g_queue_pop_head (&self->slots);
  g_mutex_unlock (&self->lock);

  if (slot == NULL)
    return NULL;
  output = slot->output;
  g_free (slot);
  return output;
}

guint
rasd_ordered_pool_get_n_pending (RasdOrderedPool *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->lock);
  n = g_queue_get_length (&self->slots);
  g_mutex_unlock (&self->lock);
  return n;
}

guint
rasd_ordered_pool_get_n_workers (RasdOrderedPool *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_workers;
}

void
rasd_ordered_pool_free (RasdOrderedPool *self)
{
  Slot *slot;

  if (self == NULL)
    return;

  /* Inputs not started are dropped; the workers finish their items, then end. */
  g_thread_pool_free (self->threads, TRUE, TRUE);
  while ((slot = g_queue_pop_head (&self->slots)) != NULL)
    {
      if (slot->done && self->free_output != NULL && slot->output != NULL)
        self->free_output (slot->output);
      else if (!slot->done && self->free_input != NULL && slot->input != NULL)
        self->free_input (slot->input);
      g_free (slot);
    }
  g_cond_clear (&self->filled);
  g_mutex_clear (&self->lock);
  g_free (self);
}
