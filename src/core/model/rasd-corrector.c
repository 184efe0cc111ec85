#define G_LOG_DOMAIN "rasd-corrector"

#include "config.h"

#include "rasd-corrector.h"
#include "rasd-error.h"

struct _RasdCorrector
{
  GObject    parent_instance;

  RasdStore *store;       /* the caller's connection */
  RasdStore *worker;      /* the workers' own, opened on first use; NULL for ":memory:" */
  GMutex     worker_lock;
  GPtrArray *undo_stack;  /* RasdCorrectionUndo* */
  GPtrArray *redo_stack;
  guint      n_running;
};

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (RasdCorrector, rasd_corrector, G_TYPE_OBJECT)

static void
rasd_corrector_finalize (GObject *object)
{
  RasdCorrector *self = (RasdCorrector *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->worker);
  g_mutex_clear (&self->worker_lock);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);

  G_OBJECT_CLASS (rasd_corrector_parent_class)->finalize (object);
}

static void
rasd_corrector_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RasdCorrector *self = RASD_CORRECTOR (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, rasd_corrector_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, rasd_corrector_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_corrector_class_init (RasdCorrectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rasd_corrector_finalize;
  object_class->get_property = rasd_corrector_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rasd_corrector_init (RasdCorrector *self)
{
  g_mutex_init (&self->worker_lock);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_correction_undo_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_correction_undo_free);
}

RasdCorrector *
rasd_corrector_new (RasdStore *store)
{
  RasdCorrector *self;

  g_return_val_if_fail (RASD_IS_STORE (store), NULL);

  self = g_object_new (RASD_TYPE_CORRECTOR, NULL);
  self->store = g_object_ref (store);
  return self;
}

static gboolean
is_memory (RasdCorrector *self)
{
  return g_strcmp0 (rasd_store_get_path (self->store), ":memory:") == 0;
}

/* The connection decisions are written on, locked until unlock_store(). */
static RasdStore *
lock_store (RasdCorrector  *self,
            GError        **error)
{
  if (is_memory (self))
    return self->store;
  g_mutex_lock (&self->worker_lock);
  if (self->worker == NULL &&
      (self->worker = rasd_store_open (rasd_store_get_path (self->store), error)) == NULL)
    {
      g_mutex_unlock (&self->worker_lock);
      return NULL;
    }
  return self->worker;
}

static void
unlock_store (RasdCorrector *self)
{
  if (!is_memory (self))
    g_mutex_unlock (&self->worker_lock);
}

static void
stacks_changed (RasdCorrector *self,
                gboolean       could_undo,
                gboolean       could_redo)
{
  if (could_undo != rasd_corrector_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != rasd_corrector_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* A copy of the request that outlives the caller's, for the worker. */
typedef struct
{
  RasdCorrectionRequest  request;
  RasdEntity             entity;
  char                  *entity_key;
  char                  *text;
  RasdCorrectionUndo    *undo;
  gint64                 id;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_clear_pointer (&data->request.split_spans, g_array_unref);
  g_free (data->entity.key);
  g_free (data->entity.name);
  g_free (data->entity.name_en);
  g_free (data->entity.country);
  g_free (data->entity_key);
  g_free (data->text);
  g_clear_pointer (&data->undo, rasd_correction_undo_free);
  g_free (data);
}

static ApplyData *
apply_data_new (const RasdCorrectionRequest *request)
{
  ApplyData *data = g_new0 (ApplyData, 1);

  data->request = *request;
  if (request->split_spans != NULL)
    data->request.split_spans = g_array_copy (request->split_spans);
  if (request->entity != NULL)
    {
      data->entity = *request->entity;
      data->entity.key = g_strdup (request->entity->key);
      data->entity.name = g_strdup (request->entity->name);
      data->entity.name_en = g_strdup (request->entity->name_en);
      data->entity.country = g_strdup (request->entity->country);
      /* place_kind is static */
      data->request.entity = &data->entity;
    }
  data->request.entity_key = data->entity_key = g_strdup (request->entity_key);
  data->request.text = data->text = g_strdup (request->text);
  return data;
}

static gboolean
run_apply (RasdCorrector  *self,
           ApplyData      *data,
           GError        **error)
{
  RasdStore *store = lock_store (self, error);

  if (store == NULL)
    return FALSE;
  data->id = rasd_store_add_correction (store, &data->request, &data->undo, error);
  unlock_store (self);
  return data->id != 0;
}

static void
apply_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (!run_apply (source, task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
push_undo (RasdCorrector *self,
           ApplyData     *data)
{
  gboolean could_undo = rasd_corrector_can_undo (self);
  gboolean could_redo = rasd_corrector_can_redo (self);

  g_ptr_array_add (self->undo_stack, g_steal_pointer (&data->undo));
  g_ptr_array_set_size (self->redo_stack, 0);
  stacks_changed (self, could_undo, could_redo);
}

void
rasd_corrector_apply_async (RasdCorrector               *self,
                            const RasdCorrectionRequest *request,
                            GCancellable                *cancellable,
                            GAsyncReadyCallback          callback,
                            gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RASD_IS_CORRECTOR (self));
  g_return_if_fail (request != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rasd_corrector_apply_async);
  g_task_set_task_data (task, apply_data_new (request), (GDestroyNotify) apply_data_free);
  self->n_running++;
  if (is_memory (self))
    apply_thread (task, self, g_task_get_task_data (task), cancellable);
  else
    g_task_run_in_thread (task, apply_thread);
}

gint64
rasd_corrector_apply_finish (RasdCorrector  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  ApplyData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  self->n_running--;
  data = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return 0;
  push_undo (self, data);
  return data->id;
}

gint64
rasd_corrector_apply (RasdCorrector               *self,
                      const RasdCorrectionRequest *request,
                      GError                     **error)
{
  ApplyData *data;
  gint64 id;

  g_return_val_if_fail (RASD_IS_CORRECTOR (self), 0);

  data = apply_data_new (request);
  if (!run_apply (self, data, error))
    {
      apply_data_free (data);
      return 0;
    }
  id = data->id;
  push_undo (self, data);
  apply_data_free (data);
  return id;
}

gboolean
rasd_corrector_is_busy (RasdCorrector *self)
{
  g_return_val_if_fail (RASD_IS_CORRECTOR (self), FALSE);
  return self->n_running > 0;
}

gboolean
rasd_corrector_can_undo (RasdCorrector *self)
{
  g_return_val_if_fail (RASD_IS_CORRECTOR (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
rasd_corrector_can_redo (RasdCorrector *self)
{
  g_return_val_if_fail (RASD_IS_CORRECTOR (self), FALSE);
  return self->redo_stack->len > 0;
}

/* Moves the top of @from to @to after undoing (or redoing) it. */
static gboolean
step (RasdCorrector  *self,
      gboolean        undo,
      GError        **error)
{
  GPtrArray *from = undo ? self->undo_stack : self->redo_stack;
  GPtrArray *to = undo ? self->redo_stack : self->undo_stack;
  gboolean could_undo = rasd_corrector_can_undo (self);
  gboolean could_redo = rasd_corrector_can_redo (self);
  RasdCorrectionUndo *top;
  RasdStore *store;
  gboolean ok;

  if (from->len == 0)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, undo ? "Nothing to undo" : "Nothing to redo");
      return FALSE;
    }
  if ((store = lock_store (self, error)) == NULL)
    return FALSE;
  top = g_ptr_array_index (from, from->len - 1);
  ok = undo ? rasd_store_undo_correction (store, top, error)
            : rasd_store_redo_correction (store, top, error);
  unlock_store (self);
  if (!ok)
    return FALSE;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  stacks_changed (self, could_undo, could_redo);
  return TRUE;
}

gboolean
rasd_corrector_undo (RasdCorrector  *self,
                     GError        **error)
{
  g_return_val_if_fail (RASD_IS_CORRECTOR (self), FALSE);
  return step (self, TRUE, error);
}

gboolean
rasd_corrector_redo (RasdCorrector  *self,
                     GError        **error)
{
  g_return_val_if_fail (RASD_IS_CORRECTOR (self), FALSE);
  return step (self, FALSE, error);
}
