#define G_LOG_DOMAIN "rasd-store-watch"

#include "config.h"

#include "rasd-store-watch.h"

struct _RasdStoreWatch
{
  GObject    parent_instance;

  RasdStore *store;
  gint64     version;
  guint      source_id;
};

G_DEFINE_FINAL_TYPE (RasdStoreWatch, rasd_store_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rasd_store_watch_dispose (GObject *object)
{
  RasdStoreWatch *self = RASD_STORE_WATCH (object);

  g_clear_handle_id (&self->source_id, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rasd_store_watch_parent_class)->dispose (object);
}

static void
rasd_store_watch_class_init (RasdStoreWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rasd_store_watch_dispose;

  /**
   * RasdStoreWatch::changed:
   *
   * Another connection committed to the database since the last look.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rasd_store_watch_init (RasdStoreWatch *self)
{
}

static gboolean
look (RasdStoreWatch *self,
      gboolean       *moved)
{
  g_autoptr(GError) error = NULL;
  gint64 version;

  /* A database that cannot be read now will say why when the window reads it. */
  if (!rasd_store_get_data_version (self->store, &version, &error))
    {
      g_debug ("%s", error->message);
      return FALSE;
    }
  *moved = version != self->version;
  self->version = version;
  return TRUE;
}

static gboolean
tick_cb (gpointer data)
{
  RasdStoreWatch *self = data;
  gboolean moved = FALSE;

  if (look (self, &moved) && moved)
    g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_CONTINUE;
}

RasdStoreWatch *
rasd_store_watch_new (RasdStore *store,
                      guint      interval_ms)
{
  RasdStoreWatch *self;

  g_return_val_if_fail (RASD_IS_STORE (store), NULL);
  g_return_val_if_fail (interval_ms > 0, NULL);

  self = g_object_new (RASD_TYPE_STORE_WATCH, NULL);
  self->store = g_object_ref (store);
  rasd_store_watch_sync (self);
  self->source_id = g_timeout_add (interval_ms, tick_cb, self);
  g_source_set_name_by_id (self->source_id, "[rasd] store watch");
  return self;
}

void
rasd_store_watch_sync (RasdStoreWatch *self)
{
  gboolean moved;

  g_return_if_fail (RASD_IS_STORE_WATCH (self));
  look (self, &moved);
}
