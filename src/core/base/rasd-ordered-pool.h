#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Work done on several threads whose results come back in the order it was given: the pool of
 * extraction workers that feeds the one writer of an import (and rasd-cli extract, reextract).
 *
 * The caller pushes inputs and pops outputs from one thread; a worker runs @func on each input
 * in a thread of its own.  The pool does not bound what is pushed: the caller keeps at most a
 * window of inputs ahead of what it popped (rasd_ordered_pool_get_n_pending()), so memory stays
 * flat however long the list. */
typedef struct _RasdOrderedPool RasdOrderedPool;

/* Turns @input (owned by the function from then on) into an output; runs in a worker thread. */
typedef gpointer (*RasdOrderedPoolFunc) (gpointer input,
                                         gpointer user_data);

/* @n_workers: threads (0 = one per core).  @free_input frees an input never worked on,
 * @free_output an output never popped, when the pool is freed early. */
RasdOrderedPool *rasd_ordered_pool_new           (guint                n_workers,
                                                  RasdOrderedPoolFunc  func,
                                                  gpointer             user_data,
                                                  GDestroyNotify       free_input,
                                                  GDestroyNotify       free_output);
void             rasd_ordered_pool_push          (RasdOrderedPool     *self,
                                                  gpointer             input);
/* The output of the oldest input pushed and not popped yet, waiting for it; NULL when nothing
 * is pending. */
gpointer         rasd_ordered_pool_pop           (RasdOrderedPool     *self);
guint            rasd_ordered_pool_get_n_pending (RasdOrderedPool     *self);
guint            rasd_ordered_pool_get_n_workers (RasdOrderedPool     *self);
/* Stops the workers after the items they are working on and frees what is left. */
void             rasd_ordered_pool_free          (RasdOrderedPool     *self);

/* The number of workers for @jobs as a user gives it: 0 means one per core. */
guint            rasd_ordered_pool_resolve_jobs  (guint                jobs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdOrderedPool, rasd_ordered_pool_free)

G_END_DECLS
