#define G_LOG_DOMAIN "rasd-event-model"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "rasd-event-item.h"
#include "rasd-event-model.h"
#include "rasd-facet-item.h"

/* Items are read a page at a time: the first page comes with the query's answer, the others
 * when the list asks for them.  At most MAX_PAGES are kept (the least recently used go). */
#define PAGE_SIZE 128
#define MAX_PAGES 64

struct _RasdEventModel
{
  GObject        parent_instance;

  RasdStore     *store;
  RasdFilter    *filter;
  GArray        *marks;           /* RasdEventMark, list order */
  GArray        *timeline_marks;  /* RasdEventMark, by centre: every filter but the dates */
  char          *timeline_key;    /* the filter parts timeline_marks answer */
  GHashTable    *pages;           /* page number → GPtrArray of RasdEventItem */
  GQueue         page_order;      /* page numbers, most recently used first */
  GListStore    *people;
  GListStore    *places;
  GListStore    *kinds;
  GError        *error;
  char          *span_first;
  char          *span_last;
  RasdEventSort  sort;
  gboolean       descending;

  guint          generation;  /* of the newest query; older results are dropped */
  GCancellable  *cancellable;
  guint          n_cancelled; /* queries a newer one stopped before they ended */
  gboolean       loading;
  gboolean       counting;

  /* The worker threads' own connection, opened on first use; one query at a time. */
  GMutex         worker_lock;
  RasdStore     *worker_store;
};

static void rasd_event_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RasdEventModel, rasd_event_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      rasd_event_model_list_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_COUNTING,
  PROP_N_ITEMS,
  N_PROPS
};

enum {
  LISTED,
  LOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What a query needs: a copy of the filter, as the worker must not read the live one. */
typedef struct
{
  char           *person;
  char           *place;
  char           *from;
  char           *to;
  char           *kind;
  char           *text;
  gboolean        unreviewed;
  RasdEventSort   sort;
  gboolean        descending;
  char          **kind_order;
  char           *timeline_key;
  GArray         *timeline_marks;  /* the model's, when they answer timeline_key */
  guint           generation;
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
  g_strfreev (query->kind_order);
  g_free (query->timeline_key);
  g_clear_pointer (&query->timeline_marks, g_array_unref);
  g_free (query);
}

typedef struct
{
  GArray    *marks;
  GArray    *timeline_marks;
  GPtrArray *first_page;  /* RasdEventItem* */
  GPtrArray *places;      /* RasdFacetItem* */
  GPtrArray *kinds;
  GPtrArray *people;      /* the second step's */
  char      *span_first;
  char      *span_last;
} Result;

static void
result_free (Result *result)
{
  g_clear_pointer (&result->marks, g_array_unref);
  g_clear_pointer (&result->timeline_marks, g_array_unref);
  g_clear_pointer (&result->first_page, g_ptr_array_unref);
  g_clear_pointer (&result->places, g_ptr_array_unref);
  g_clear_pointer (&result->kinds, g_ptr_array_unref);
  g_clear_pointer (&result->people, g_ptr_array_unref);
  g_free (result->span_first);
  g_free (result->span_last);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Query, query_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static GPtrArray *
facet_items (GPtrArray *counts,
             RasdFacet  facet)
{
  GPtrArray *items = g_ptr_array_new_full (counts->len, g_object_unref);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  /* الجزائر the city and الجزائر the country, الكويت، تونس...: a name two places of the list
   * share says which each is */
  if (facet == RASD_FACET_PLACE)
    for (guint i = 0; i < counts->len; i++)
      {
        RasdFacetCount *count = g_ptr_array_index (counts, i);

        g_hash_table_insert (names, count->name,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (names, count->name)) + 1));
      }
  for (guint i = 0; i < counts->len; i++)
    {
      RasdFacetCount *count = g_ptr_array_index (counts, i);
      const char *label = facet == RASD_FACET_KIND ? rasd_event_kind_label (count->key) : count->name;
      g_autofree char *told = NULL;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (names, count->name)) > 1)
        label = told = g_str_has_prefix (count->key, "country:")
                       /* Translators: a country in the places facet whose name a city shares */
                       ? g_strdup_printf (_("%s (country)"), count->name)
                       /* Translators: a city in the places facet whose name a country shares */
                       : g_strdup_printf (_("%s (city)"), count->name);

      g_ptr_array_add (items, count->has_coordinates
                              ? rasd_facet_item_new_place (count->key, label, count->name_en, count->count,
                                                           count->lat, count->lon)
                              : rasd_facet_item_new (count->key, label, count->name_en, count->count));
    }
  return items;
}

static GPtrArray *
kind_facet_items (GArray *marks)
{
  const char * const *kinds = rasd_store_event_kinds ();
  guint n_kinds = g_strv_length ((char **) kinds);
  g_autofree guint *counts = g_new0 (guint, n_kinds);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_facet_count_free);

  for (guint i = 0; i < marks->len; i++)
    {
      guint8 kind = g_array_index (marks, RasdEventMark, i).kind;

      if (kind < n_kinds)
        counts[kind]++;
    }
  for (guint k = 0; k < n_kinds; k++)
    if (counts[k] > 0)
      {
        RasdFacetCount *count = g_new0 (RasdFacetCount, 1);

        count->key = g_strdup (kinds[k]);
        count->name = g_strdup (kinds[k]);
        count->count = counts[k];
        g_ptr_array_add (list, count);
      }
  /* Most events first, then by name (as the store orders facets). */
  for (guint i = 1; i < list->len; i++)
    for (guint j = i; j > 0; j--)
      {
        RasdFacetCount *a = g_ptr_array_index (list, j - 1);
        RasdFacetCount *b = g_ptr_array_index (list, j);

        if (a->count > b->count || (a->count == b->count && strcmp (a->name, b->name) <= 0))
          break;
        list->pdata[j - 1] = b;
        list->pdata[j] = a;
      }
  return facet_items (list, RASD_FACET_KIND);
}

/* Twice the centre day of @mark: an integer that orders marks as their centres do. */
static inline guint64
mark_centre2 (const RasdEventMark *mark)
{
  return (guint64) mark->first_day + mark->last_day + 1;
}

static int
compare_by_centre (gconstpointer a,
                   gconstpointer b)
{
  const RasdEventMark *x = a, *y = b;
  guint64 cx = mark_centre2 (x), cy = mark_centre2 (y);

  if (cx != cy)
    return cx < cy ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static inline gboolean
centre_before (const RasdEventMark *x,
               const RasdEventMark *y)
{
  guint64 cx = mark_centre2 (x), cy = mark_centre2 (y);

  return cx < cy || (cx == cy && x->id < y->id);
}

/* The dated marks of @marks by centre, then id.  In date order (by first day, then id), the
 * marks of one length (a day, a month, a year) are in centre order already: then three sorted
 * runs are merged instead of sorting a million. */
static GArray *
marks_by_centre (GArray   *marks,
                 gboolean  date_order)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (RasdEventMark), marks->len);
  const RasdEventMark *in = (const RasdEventMark *) marks->data;
  g_autofree RasdEventMark *runs = NULL;
  RasdEventMark *run[3], *end[3], *o;
  guint n[3] = { 0, };

  if (!date_order)
    {
      for (guint i = 0; i < marks->len; i++)
        if (in[i].first_day != 0)
          g_array_append_val (out, in[i]);
      g_array_sort (out, compare_by_centre);
      return out;
    }

  /* Days, months, years: counted, then copied into one buffer in three parts. */
  for (guint i = 0; i < marks->len; i++)
    if (in[i].first_day != 0)
      {
        guint32 span = in[i].last_day - in[i].first_day;
        n[span == 0 ? 0 : span < 40 ? 1 : 2]++;
      }
  runs = g_new (RasdEventMark, MAX (n[0] + n[1] + n[2], 1));
  run[0] = runs;
  run[1] = run[0] + n[0];
  run[2] = run[1] + n[1];
  for (guint r = 0; r < 3; r++)
    end[r] = run[r];
  for (guint i = 0; i < marks->len; i++)
    if (in[i].first_day != 0)
      {
        guint32 span = in[i].last_day - in[i].first_day;
        guint r = span == 0 ? 0 : span < 40 ? 1 : 2;

        *end[r]++ = in[i];
      }
  end[0] = run[0] + n[0];
  end[1] = run[1] + n[1];
  end[2] = run[2] + n[2];

  g_array_set_size (out, n[0] + n[1] + n[2]);
  o = (RasdEventMark *) out->data;
  while (run[0] < end[0] || run[1] < end[1] || run[2] < end[2])
    {
      int best = -1;

      for (int r = 0; r < 3; r++)
        if (run[r] < end[r] && (best < 0 || centre_before (run[r], run[best])))
          best = r;
      *o++ = *run[best]++;
    }
  /* A month of 28 days and one of 31 could in principle cross: check, sort if ever needed. */
  for (guint i = 1; i < out->len; i++)
    if (compare_by_centre (&g_array_index (out, RasdEventMark, i - 1),
                           &g_array_index (out, RasdEventMark, i)) > 0)
      {
        g_array_sort (out, compare_by_centre);
        break;
      }
  return out;
}

static GPtrArray *
items_for_marks (RasdStore            *store,
                 const RasdEventMark  *marks,
                 guint                 n,
                 GError              **error)
{
  g_autofree gint64 *ids = g_new (gint64, MAX (n, 1));
  g_autoptr(GPtrArray) events = NULL;
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);
  guint e = 0;

  for (guint i = 0; i < n; i++)
    ids[i] = marks[i].id;
  events = rasd_store_list_event_summaries_by_id (store, ids, n, error);
  if (events == NULL)
    {
      g_ptr_array_unref (items);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      RasdStoredEvent *event = e < events->len ? g_ptr_array_index (events, e) : NULL;

      if (event != NULL && event->id == ids[i])
        {
          g_ptr_array_add (items, rasd_event_item_new (g_steal_pointer (&events->pdata[e])));
          e++;
        }
      else  /* gone since it was listed */
        g_ptr_array_add (items, rasd_event_item_new_from_mark (&marks[i]));
    }
  return items;
}

static void
date_span (GArray  *marks,
           char   **first,
           char   **last)
{
  const RasdEventMark *lo = NULL, *hi = NULL;

  for (guint i = 0; i < marks->len; i++)
    {
      const RasdEventMark *mark = &g_array_index (marks, RasdEventMark, i);

      if (mark->first_day == 0)
        continue;
      if (lo == NULL || mark->first_day < lo->first_day ||
          (mark->first_day == lo->first_day && mark->id < lo->id))
        lo = mark;
      if (hi == NULL || mark->first_day > hi->first_day ||
          (mark->first_day == hi->first_day && mark->id > hi->id))
        hi = mark;
    }
  *first = lo != NULL ? rasd_iso_date_from_days (lo->first_day, lo->last_day) : NULL;
  *last = hi != NULL ? rasd_iso_date_from_days (hi->first_day, hi->last_day) : NULL;
}

/* The first step of @query on @store: the marks, the timeline's, the first page, the places
 * and the kinds.  Any thread. */
static Result *
run_list (RasdStore     *store,
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
    .unreviewed = query->unreviewed,
  };
  g_autoptr(Result) result = g_new0 (Result, 1);
  g_autoptr(GPtrArray) places = NULL;
  gboolean date_order = query->sort == RASD_EVENT_SORT_DATE && !query->descending;

  result->marks = rasd_store_list_event_marks (store, &filter, query->sort, query->descending,
                                               (const char * const *) query->kind_order, error);
  if (result->marks == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* The timeline's marks depend on the parts but the dates only: kept across a brush or a
   * change of sort; else from these marks when there is no range to leave out. */
  if (query->timeline_marks != NULL)
    result->timeline_marks = g_array_ref (query->timeline_marks);
  else if (query->from == NULL && query->to == NULL)
    result->timeline_marks = marks_by_centre (result->marks, date_order);
  else
    {
      g_autoptr(GArray) undated = NULL;

      /* Every part but the dates: what the brush is drawn over. */
      filter.from = filter.to = NULL;
      undated = rasd_store_list_event_marks (store, &filter, RASD_EVENT_SORT_DATE, FALSE, NULL, error);
      if (undated == NULL)
        return NULL;
      result->timeline_marks = marks_by_centre (undated, TRUE);
    }

  result->first_page = items_for_marks (store, (const RasdEventMark *) result->marks->data,
                                        MIN (result->marks->len, PAGE_SIZE), error);
  if (result->first_page == NULL)
    return NULL;
  if ((places = rasd_store_count_marks_places (store, result->marks, error)) == NULL)
    return NULL;
  result->places = facet_items (places, RASD_FACET_PLACE);
  result->kinds = kind_facet_items (result->marks);
  date_span (result->marks, &result->span_first, &result->span_last);
  return g_steal_pointer (&result);
}

/* The second step: the people of @marks.  Any thread. */
static GPtrArray *
run_count_people (RasdStore     *store,
                  GArray        *marks,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GPtrArray) people = rasd_store_count_marks_people (store, marks, cancellable, error);

  if (people == NULL)
    return NULL;
  return facet_items (people, RASD_FACET_PERSON);
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
set_counting (RasdEventModel *self,
              gboolean        counting)
{
  if (self->counting == counting)
    return;
  self->counting = counting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

static void
clear_pages (RasdEventModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
}

static void
add_page (RasdEventModel *self,
          guint           page,
          GPtrArray      *items)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_order));
}

/* The first step's answer; takes @result (NULL on error) and @error. */
static void
apply_list (RasdEventModel *self,
            Result         *result,
            GError         *error)
{
  guint n_old = self->marks->len;
  guint n_new;

  g_clear_error (&self->error);
  self->error = error;
  if (error != NULL)
    g_debug ("Events could not be listed: %s", error->message);

  clear_pages (self);
  g_clear_pointer (&self->marks, g_array_unref);
  self->marks = result != NULL ? g_steal_pointer (&result->marks)
                               : g_array_new (FALSE, FALSE, sizeof (RasdEventMark));
  if (result == NULL || result->timeline_marks != self->timeline_marks)
    {
      g_clear_pointer (&self->timeline_marks, g_array_unref);
      self->timeline_marks = result != NULL ? g_steal_pointer (&result->timeline_marks)
                                            : g_array_new (FALSE, FALSE, sizeof (RasdEventMark));
    }
  g_free (self->span_first);
  g_free (self->span_last);
  self->span_first = result != NULL ? g_steal_pointer (&result->span_first) : NULL;
  self->span_last = result != NULL ? g_steal_pointer (&result->span_last) : NULL;
  if (result != NULL && result->first_page->len > 0)
    add_page (self, 0, g_steal_pointer (&result->first_page));
  splice_store (self->places, result != NULL ? result->places : NULL);
  splice_store (self->kinds, result != NULL ? result->kinds : NULL);
  if (result == NULL)
    splice_store (self->people, NULL);
  g_clear_pointer (&result, result_free);

  n_new = self->marks->len;
  if (n_old > 0 || n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, n_new);
  if (n_old != n_new)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  set_loading (self, FALSE);
  g_signal_emit (self, signals[LISTED], 0);
}

static void
apply_people (RasdEventModel *self,
              GPtrArray      *people,
              GError         *error)
{
  if (error != NULL && self->error == NULL)
    {
      g_debug ("People could not be counted: %s", error->message);
      self->error = g_steal_pointer (&error);
    }
  g_clear_error (&error);
  splice_store (self->people, people);
  g_clear_pointer (&people, g_ptr_array_unref);
  set_counting (self, FALSE);
  g_signal_emit (self, signals[LOADED], 0);
}

static RasdStore *
worker_store (RasdEventModel  *self,
              GError         **error)
{
  /* opened as the window's: read-only when it is */
  if (self->worker_store == NULL)
    self->worker_store = rasd_store_is_read_only (self->store)
                         ? rasd_store_open_read_only (rasd_store_get_path (self->store), error)
                         : rasd_store_open (rasd_store_get_path (self->store), error);
  return self->worker_store;
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  RasdEventModel *self = source_object;
  const Query *query = task_data;
  GError *error = NULL;
  Result *result = NULL;
  RasdStore *store;

  g_mutex_lock (&self->worker_lock);
  if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
      (store = worker_store (self, &error)) != NULL)
    {
      /* The next change of the filter (a keystroke in the search) stops this query inside
       * SQLite, so that the worker is free for that one at once. */
      rasd_store_set_cancellable (store, cancellable);
      result = run_list (store, query, cancellable, &error);
      rasd_store_set_cancellable (store, NULL);
    }
  g_mutex_unlock (&self->worker_lock);

  if (result != NULL)
    g_task_return_pointer (task, result, (GDestroyNotify) result_free);
  else
    g_task_return_error (task, error);
}

static void
people_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RasdEventModel *self = source_object;
  GError *error = NULL;
  GPtrArray *people = NULL;
  RasdStore *store;

  g_mutex_lock (&self->worker_lock);
  if (!g_cancellable_set_error_if_cancelled (cancellable, &error) &&
      (store = worker_store (self, &error)) != NULL)
    {
      rasd_store_set_cancellable (store, cancellable);
      people = run_count_people (store, task_data, cancellable, &error);
      rasd_store_set_cancellable (store, NULL);
    }
  g_mutex_unlock (&self->worker_lock);

  if (people != NULL)
    g_task_return_pointer (task, people, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
people_done (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  RasdEventModel *self = RASD_EVENT_MODEL (source);
  guint generation = GPOINTER_TO_UINT (user_data);
  GError *error = NULL;
  GPtrArray *people = g_task_propagate_pointer (G_TASK (res), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->n_cancelled++;
  if (generation != self->generation)
    {
      g_clear_pointer (&people, g_ptr_array_unref);
      g_clear_error (&error);
      return;
    }
  g_clear_object (&self->cancellable);
  apply_people (self, people, error);
}

static void
list_done (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  RasdEventModel *self = RASD_EVENT_MODEL (source);
  const Query *query = g_task_get_task_data (G_TASK (res));
  GError *error = NULL;
  Result *result = g_task_propagate_pointer (G_TASK (res), &error);
  g_autoptr(GTask) task = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->n_cancelled++;
  /* A newer query is on its way: this one's answer no longer matters. */
  if (query->generation != self->generation)
    {
      g_clear_pointer (&result, result_free);
      g_clear_error (&error);
      return;
    }
  if (result != NULL)
    {
      g_free (self->timeline_key);
      self->timeline_key = g_strdup (query->timeline_key);
    }
  apply_list (self, result, error);
  if (self->error != NULL)
    {
      g_clear_object (&self->cancellable);
      apply_people (self, NULL, NULL);
      return;
    }

  /* Then the people, on the same cancellable. */
  task = g_task_new (self, self->cancellable, people_done, GUINT_TO_POINTER (query->generation));
  g_task_set_source_tag (task, list_done);
  g_task_set_task_data (task, g_array_ref (self->marks), (GDestroyNotify) g_array_unref);
  g_task_run_in_thread (task, people_thread);
}

static char *
timeline_key_of (RasdFilter *filter)
{
  /* The parts the timeline's marks depend on: all but the dates. */
  return g_strjoin ("\x1f",
                    rasd_filter_get_person (filter) ? rasd_filter_get_person (filter) : "\x02",
                    rasd_filter_get_place (filter) ? rasd_filter_get_place (filter) : "\x02",
                    rasd_filter_get_kind (filter) ? rasd_filter_get_kind (filter) : "\x02",
                    rasd_filter_get_text (filter) ? rasd_filter_get_text (filter) : "\x02",
                    rasd_filter_get_unreviewed (filter) ? "unreviewed" : "\x02",
                    NULL);
}

static int
compare_kind_labels (gconstpointer a,
                     gconstpointer b)
{
  return g_utf8_collate (rasd_event_kind_label (*(const char * const *) a),
                         rasd_event_kind_label (*(const char * const *) b));
}

static void
reload (RasdEventModel *self,
        gboolean        keep_timeline)
{
  g_autoptr(Query) query = g_new0 (Query, 1);
  g_autoptr(GTask) task = NULL;

  query->person = g_strdup (rasd_filter_get_person (self->filter));
  query->place = g_strdup (rasd_filter_get_place (self->filter));
  query->from = g_strdup (rasd_filter_get_from (self->filter));
  query->to = g_strdup (rasd_filter_get_to (self->filter));
  query->kind = g_strdup (rasd_filter_get_kind (self->filter));
  query->text = g_strdup (rasd_filter_get_text (self->filter));
  query->unreviewed = rasd_filter_get_unreviewed (self->filter);
  query->sort = self->sort;
  query->descending = self->descending;
  query->kind_order = g_strdupv ((char **) rasd_store_event_kinds ());
  /* The kind column shows labels: sorted as they read in the UI language. */
  qsort (query->kind_order, g_strv_length (query->kind_order), sizeof (char *), compare_kind_labels);
  query->timeline_key = timeline_key_of (self->filter);
  if (keep_timeline && self->timeline_marks != NULL &&
      g_strcmp0 (query->timeline_key, self->timeline_key) == 0)
    query->timeline_marks = g_array_ref (self->timeline_marks);
  query->generation = ++self->generation;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (g_strcmp0 (rasd_store_get_path (self->store), ":memory:") == 0)
    {
      GError *error = NULL;
      Result *result = run_list (self->store, query, NULL, &error);
      GPtrArray *people = NULL;

      if (result != NULL)
        {
          g_free (self->timeline_key);
          self->timeline_key = g_strdup (query->timeline_key);
        }
      apply_list (self, result, error);
      if (self->error == NULL)
        people = run_count_people (self->store, self->marks, NULL, &error);
      apply_people (self, people, error);
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_loading (self, TRUE);
  set_counting (self, TRUE);
  task = g_task_new (self, self->cancellable, list_done, NULL);
  g_task_set_source_tag (task, rasd_event_model_reload);
  g_task_set_task_data (task, g_steal_pointer (&query), (GDestroyNotify) query_free);
  g_task_run_in_thread (task, list_thread);
}

void
rasd_event_model_reload (RasdEventModel *self)
{
  g_return_if_fail (RASD_IS_EVENT_MODEL (self));

  /* The store may hold new events: nothing is kept. */
  reload (self, FALSE);
}

static void
on_filter_changed (RasdEventModel *self)
{
  reload (self, TRUE);
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
  return RASD_EVENT_MODEL (model)->marks->len;
}

/* The page @page, read when it is not kept. */
static GPtrArray *
get_page (RasdEventModel *self,
          guint           page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  guint first = page * PAGE_SIZE;

  if (items != NULL)
    {
      /* most recently used first */
      if (g_queue_peek_head (&self->page_order) != GUINT_TO_POINTER (page))
        {
          g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
          g_queue_push_head (&self->page_order, GUINT_TO_POINTER (page));
        }
      return items;
    }
  items = items_for_marks (self->store, &g_array_index (self->marks, RasdEventMark, first),
                           MIN (PAGE_SIZE, self->marks->len - first), &error);
  if (items == NULL)
    {
      /* The database failed under us: the list shows what the marks know. */
      g_warning ("Events could not be read: %s", error->message);
      items = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = first; i < MIN (first + PAGE_SIZE, self->marks->len); i++)
        g_ptr_array_add (items, rasd_event_item_new_from_mark (&g_array_index (self->marks, RasdEventMark, i)));
    }
  add_page (self, page, items);
  return items;
}

static gpointer
rasd_event_model_get_item (GListModel *model,
                           guint       position)
{
  RasdEventModel *self = RASD_EVENT_MODEL (model);
  GPtrArray *page;

  if (position >= self->marks->len)
    return NULL;
  page = get_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page, position % PAGE_SIZE));
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
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->timeline_marks, g_array_unref);
  g_free (self->timeline_key);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->page_order);
  g_clear_object (&self->people);
  g_clear_object (&self->places);
  g_clear_object (&self->kinds);
  g_clear_error (&self->error);
  g_free (self->span_first);
  g_free (self->span_last);
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
    case PROP_COUNTING:
      g_value_set_boolean (value, self->counting);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->marks->len);
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
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LISTED] = g_signal_new ("listed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rasd_event_model_init (RasdEventModel *self)
{
  self->marks = g_array_new (FALSE, FALSE, sizeof (RasdEventMark));
  self->timeline_marks = g_array_new (FALSE, FALSE, sizeof (RasdEventMark));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
  self->people = g_list_store_new (RASD_TYPE_FACET_ITEM);
  self->places = g_list_store_new (RASD_TYPE_FACET_ITEM);
  self->kinds = g_list_store_new (RASD_TYPE_FACET_ITEM);
  self->sort = RASD_EVENT_SORT_DATE;
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

guint
rasd_event_model_get_n_cancelled (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), 0);
  return self->n_cancelled;
}

gboolean
rasd_event_model_is_counting (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), FALSE);
  return self->counting;
}

const GError *
rasd_event_model_get_error (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), NULL);
  return self->error;
}

void
rasd_event_model_set_sort (RasdEventModel *self,
                           RasdEventSort   sort,
                           gboolean        descending)
{
  g_return_if_fail (RASD_IS_EVENT_MODEL (self));
  g_return_if_fail (sort <= RASD_EVENT_SORT_CONFIDENCE);

  if (self->sort == sort && self->descending == !!descending)
    return;
  self->sort = sort;
  self->descending = !!descending;
  reload (self, TRUE);
}

RasdEventSort
rasd_event_model_get_sort (RasdEventModel *self,
                           gboolean       *descending)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), RASD_EVENT_SORT_DATE);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
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

GArray *
rasd_event_model_get_marks (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), NULL);
  return self->marks;
}

GArray *
rasd_event_model_get_timeline_marks (RasdEventModel *self)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), NULL);
  return self->timeline_marks;
}

guint
rasd_event_model_find (RasdEventModel *self,
                       gint64          id)
{
  const RasdEventMark *marks;

  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), G_MAXUINT);

  marks = (const RasdEventMark *) self->marks->data;
  for (guint i = 0; i < self->marks->len; i++)
    if (marks[i].id == id)
      return i;
  return G_MAXUINT;
}

RasdEventItem *
rasd_event_model_lookup (RasdEventModel *self,
                         gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  guint position;

  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), NULL);

  position = rasd_event_model_find (self, id);
  if (position != G_MAXUINT)
    return g_list_model_get_item (G_LIST_MODEL (self), position);
  events = rasd_store_list_event_summaries_by_id (self->store, &id, 1, &error);
  if (events == NULL)
    {
      g_debug ("Event %" G_GINT64_FORMAT " could not be read: %s", id, error->message);
      return NULL;
    }
  if (events->len == 0)
    return NULL;
  g_ptr_array_set_free_func (events, NULL);
  return rasd_event_item_new (g_ptr_array_index (events, 0));
}

gboolean
rasd_event_model_get_date_span (RasdEventModel  *self,
                                const char     **first,
                                const char     **last)
{
  g_return_val_if_fail (RASD_IS_EVENT_MODEL (self), FALSE);

  if (first != NULL)
    *first = self->span_first;
  if (last != NULL)
    *last = self->span_last;
  return self->span_first != NULL;
}
