#define G_LOG_DOMAIN "rasd-event-model"

#include "config.h"

#include <stdlib.h>

#include "rasd-event-item.h"
#include "rasd-event-model.h"
#include "rasd-facet-item.h"

struct _RasdEventModel
{
  GObject       parent_instance;

  RasdStore    *store;
  RasdFilter   *filter;
  GPtrArray    *items;       /* RasdEventItem* */
  GListStore   *people;
  GListStore   *places;
  GListStore   *kinds;
  GError       *error;

  guint         generation;  /* of the newest query; older results are dropped */
  GCancellable *cancellable;
  gboolean      loading;

  /* The worker threads' own connection, opened on first use; one query at a time. */
  GMutex        worker_lock;
  RasdStore    *worker_store;
};

static void rasd_event_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RasdEventModel, rasd_event_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rasd_event_model_list_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a query needs: a copy of the filter, as the worker must not read the live one. */
typedef struct
{
  char  *person;
  char  *place;
  char  *from;
  char  *to;
  char  *kind;
  char  *text;
  guint  generation;
} Query;

static void
query_free (Query *query)
{
  g_free (query->person);
  g_free (query->place);
  g_free (query->from);
  g_free (query->to);
  g_free (query->kind);
  g_free (query->text);
  g_free (query);
}

typedef struct
{
  GPtrArray *items;   /* RasdEventItem* */
  GPtrArray *people;  /* RasdFacetItem* */
  GPtrArray *places;
  GPtrArray *kinds;
} Result;

static void
result_free (Result *result)
{
  g_clear_pointer (&result->items, g_ptr_array_unref);
  g_clear_pointer (&result->people, g_ptr_array_unref);
  g_clear_pointer (&result->places, g_ptr_array_unref);
  g_clear_pointer (&result->kinds, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static GPtrArray *
facet_items (GPtrArray *counts,
             RasdFacet  facet)
{
  GPtrArray *items = g_ptr_array_new_full (counts->len, g_object_unref);

  for (guint i = 0; i < counts->len; i++)
    {
      RasdFacetCount *count = g_ptr_array_index (counts, i);
      const char *label = facet == RASD_FACET_KIND ? rasd_event_kind_label (count->key) : count->name;

      g_ptr_array_add (items, rasd_facet_item_new (count->key, label, count->name_en, count->count));
    }
  return items;
}

/* Runs @query on @store: the events, the text search, the facets.  Any thread. */
static Result *
run_query (RasdStore     *store,
           const Query   *query,
           GCancellable  *cancellable,
           GError       **error)
{
  RasdEventFilter filter = {
    .person = query->person,
    .place = query->place,
    .from = query->from,
    .to = query->to,
    .kind = query->kind,
    .text = query->text,
  };
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(Result) result = g_new0 (Result, 1);

  events = rasd_store_list_event_summaries (store, &filter, error);
  if (events == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  rasd_store_count_facets (events, &people, &places, &kinds);
  result->people = facet_items (people, RASD_FACET_PERSON);
  result->places = facet_items (places, RASD_FACET_PLACE);
  result->kinds = facet_items (kinds, RASD_FACET_KIND);
  result->items = g_ptr_array_new_full (events->len, g_object_unref);
  g_ptr_array_set_free_func (events, NULL);
  for (guint i = 0; i < events->len; i++)
    g_ptr_array_add (result->items, rasd_event_item_new (g_ptr_array_index (events, i)));
  return g_steal_pointer (&result);
}

static void
splice_store (GListStore *store,
              GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items != NULL ? items->pdata : NULL, items != NULL ? items->len : 0);
}

static void
set_loading (RasdEventModel *self,
             gboolean        loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
free_items_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  /* task_data's destroy notify frees the items, here. */
}

/* Freeing 100,000 events takes long enough to be seen: a worker does it.  The items are
 * immutable and share only atomically refcounted people and places, so their last reference
 * may go in any thread. */
static void
free_items_later (GPtrArray *items)
{
  g_autoptr(GTask) task = NULL;

  if (items->len < 1000)
    {
      g_ptr_array_unref (items);
      return;
    }
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, items, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, free_items_thread);
}

/* Takes @result and @error. */
static void
apply_result (RasdEventModel *self,
              Result         *result,
              GError         *error)
{
  GPtrArray *old = self->items;
  guint n_old = old->len;

  g_clear_error (&self->error);
  self->error = error;
  if (error != NULL)
    g_debug ("Events could not be listed: %s", error->message);
  self->items = result != NULL ? g_steal_pointer (&result->items)
                               : g_ptr_array_new_with_free_func (g_object_unref);
  splice_store (self->people, result != NULL ? result->people : NULL);
  splice_store (self->places, result != NULL ? result->places : NULL);
  splice_store (self->kinds, result != NULL ? result->kinds : NULL);
  g_clear_pointer (&result, result_free);

  if (n_old > 0 || self->items->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, self->items->len);
  free_items_later (old);
  if (n_old != self->items->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  set_loading (self, FALSE);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  RasdEventModel *self = source_object;
  const Query *query = task_data;
  GError *error = NULL;
  Result *result = NULL;

  g_mutex_lock (&self->worker_lock);
  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    {
      if (self->worker_store == NULL)
        self->worker_store = rasd_store_open (rasd_store_get_path (self->store), &error);
      if (self->worker_store != NULL)
        result = run_query (self->worker_store, query, cancellable, &error);
    }
  g_mutex_unlock (&self->worker_lock);

  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) result_free);
  else
    g_task_return_error (task, error);
}

static void
query_done (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  RasdEventModel *self = RASD_EVENT_MODEL (source);
  const Query *query = g_task_get_task_data (G_TASK (res));
  GError *error = NULL;
  Result *result = g_task_propagate_pointer (G_TASK (res), &error);

  /* A newer query is on its way: this one's answer no longer matters. */
  if (query->generation != self->generation)
    {
      g_clear_pointer (&result, result_free);
      g_clear_error (&error);
      return;
    }
  g_clear_object (&self->cancellable);
  apply_result (self, result, error);
}

void
rasd_event_model_reload (RasdEventModel *self)
{
  g_autoptr(Query) query = g_new0 (Query, 1);
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RASD_IS_EVENT_MODEL (self));

  query->person = g_strdup (rasd_filter_get_person (self->filter));
  query->place = g_strdup (rasd_filter_get_place (self->filter));
  query->from = g_strdup (rasd_filter_get_from (self->filter));
  query->to = g_strdup (rasd_filter_get_to (self->filter));
  query->kind = g_strdup (rasd_filter_get_kind (self->filter));
  query->text = g_strdup (rasd_filter_get_text (self->filter));
  query->generation = ++self->generation;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (g_strcmp0 (rasd_store_get_path (self->store), ":memory:") == 0)
    {
      GError *error = NULL;
      Result *result = run_query (self->store, query, NULL, &error);

      apply_result (self, result, error);
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  task = g_task_new (self, self->cancellable, query_done, NULL);
  g_task_set_source_tag (task, rasd_event_model_reload);
  g_task_set_task_data (task, g_steal_pointer (&query), (GDestroyNotify) query_free);
  g_task_run_in_thread (task, query_thread);
}

static void
on_filter_changed (RasdEventModel *self)
{
  rasd_event_model_reload (self);
}

/* GListModel */

static GType
rasd_event_model_get_item_type (GListModel *model)
{
  return RASD_TYPE_EVENT_ITEM;
}

static guint
rasd_event_model_get_n_items (GListModel *model)
{
  return RASD_EVENT_MODEL (model)->items->len;
}

static gpointer
rasd_event_model_get_item (GListModel *model,
                           guint       position)
{
  RasdEventModel *self = RASD_EVENT_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
rasd_event_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = rasd_event_model_get_item_type;
  iface->get_n_items = rasd_event_model_get_n_items;
  iface->get_item = rasd_event_model_get_item;
}

/* Object */

static void
rasd_event_model_dispose (GObject *object)
{
  RasdEventModel *self = RASD_EVENT_MODEL (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_filter_changed, self);

  G_OBJECT_CLASS (rasd_event_model_parent_class)->dispose (object);
}

static void
rasd_event_model_finalize (GObject *object)
{
  RasdEventModel *self = RASD_EVENT_MODEL (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->filter);
  g_clear_object (&self->worker_store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->people);
  g_clear_object (&self->places);
  g_clear_object (&self->kinds);
  g_clear_error (&self->error);
  g_mutex_clear (&self->worker_lock);

  G_OBJECT_CLASS (rasd_event_model_parent_class)->finalize (object);
}

static void
rasd_event_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RasdEventModel *self = RASD_EVENT_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_event_model_class_init (RasdEventModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rasd_event_model_dispose;
  object_class->finalize = rasd_event_model_finalize;
  object_class->get_property = rasd_event_model_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rasd_event_model_init (RasdEventModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->people = g_list_store_new (RASD_TYPE_FACET_ITEM);
  self->places = g_list_store_new (RASD_TYPE_FACET_ITEM);
  self->kinds = g_list_store_new (RASD_TYPE_FACET_ITEM);
  g_mutex_init (&self->worker_lock);
}

RasdEventModel *
rasd_event_model_new (RasdStore  *store,
                      RasdFilter *filter)
{
  RasdEventModel *self;

  g_return_val_if_fail (RASD_IS_STORE (store), NULL);
  g_return_val_if_fail (RASD_IS_FILTER (filter), NULL);

  self = g_object_new (RASD_TYPE_EVENT_MODEL, NULL);
  self->store = g_object_ref (store);
  self->filter = g_object_ref (filter);
  g_signal_connect_swapped (filter, "changed", G_CALLBACK (on_filter_changed), self);
  return self;
}

RasdFilter *
rasd_event_model_get_filter (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), NULL);
  return self->filter;
}

gboolean
rasd_event_model_is_loading (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), FALSE);
  return self->loading;
}

const GError *
rasd_event_model_get_error (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), NULL);
  return self->error;
}

GListModel *
rasd_event_model_get_people (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), NULL);
  return G_LIST_MODEL (self->people);
}

GListModel *
rasd_event_model_get_places (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), NULL);
  return G_LIST_MODEL (self->places);
}

GListModel *
rasd_event_model_get_kinds (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), NULL);
  return G_LIST_MODEL (self->kinds);
}

guint
rasd_event_model_find (RasdEventModel *self,
                       gint64          id)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (rasd_event_item_get_id (g_ptr_array_index (self->items, i)) == id)
      return i;
  return G_MAXUINT;
}
