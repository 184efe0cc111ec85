#define G_LOG_DOMAIN "rasd-online-source"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "rasd-online-source.h"

#define MAX_CONNECTIONS  2                    /* OpenStreetMap's tile policy */
#define TIMEOUT_SECONDS  15
#define CACHE_BYTES      (100 * 1000 * 1000)
#define CACHE_FRESH      (7 * G_TIME_SPAN_DAY) /* a cached tile is asked for again after this */
#define FAILURES_OFFLINE 3                    /* failed downloads in a row before going offline */
#define OFFLINE_FOR      (2 * G_TIME_SPAN_MINUTE)

struct _RasdOnlineSource
{
  ShumateDataSource  parent_instance;

  char              *url_template;
  RasdBasemapSource *fallback;
  ShumateFileCache  *cache;
  SoupSession       *session;
  guint              n_failures;     /* in a row */
  gint64             offline_until;  /* monotonic; 0: online */
  guint              n_downloaded;
  guint              n_fallback;
};

G_DEFINE_FINAL_TYPE (RasdOnlineSource, rasd_online_source, SHUMATE_TYPE_DATA_SOURCE)

enum
{
  PROP_0,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int        x;
  int        y;
  int        zoom;
  GBytes    *cached;   /* from the disk cache, maybe stale */
  char      *etag;
  GDateTime *modtime;
} Request;

static void
request_free (Request *request)
{
  g_clear_pointer (&request->cached, g_bytes_unref);
  g_free (request->etag);
  g_clear_pointer (&request->modtime, g_date_time_unref);
  g_free (request);
}

const char *
rasd_online_source_get_user_agent (void)
{
  return "Rasd/" PACKAGE_VERSION " (news event explorer; +https://github.com/rasd/rasd)";
}

static gboolean
is_offline (RasdOnlineSource *self)
{
  return self->offline_until != 0 && g_get_monotonic_time () < self->offline_until;
}

static void
set_offline_until (RasdOnlineSource *self,
                   gint64            until)
{
  gboolean was_offline = self->offline_until != 0;

  self->offline_until = until;
  if (was_offline != (until != 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

static void
note_failure (RasdOnlineSource *self,
              const char       *uri,
              const char       *why)
{
  g_debug ("Cannot download %s: %s", uri, why);
  if (++self->n_failures >= FAILURES_OFFLINE && !is_offline (self))
    {
      g_message ("Online map tiles unavailable (%s: %s); the offline basemap is shown", uri, why);
      set_offline_until (self, g_get_monotonic_time () + OFFLINE_FOR);
    }
}

static void
note_success (RasdOnlineSource *self)
{
  self->n_failures = 0;
  self->n_downloaded++;
  set_offline_until (self, 0);
}

static char *
tile_uri (RasdOnlineSource *self,
          const Request    *request)
{
  g_autofree char *z = g_strdup_printf ("%d", request->zoom);
  g_autofree char *x = g_strdup_printf ("%d", request->x);
  g_autofree char *y = g_strdup_printf ("%d", request->y);
  g_autoptr(GString) uri = g_string_new (self->url_template);

  g_string_replace (uri, "{z}", z, 0);
  g_string_replace (uri, "{x}", x, 0);
  g_string_replace (uri, "{y}", y, 0);
  return g_string_free (g_steal_pointer (&uri), FALSE);
}

static gboolean
is_image (GBytes *bytes)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return (size > sizeof png && memcmp (data, png, sizeof png) == 0)
         || (size > sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0);
}

/* The tile is ready: the raster renderer takes it from "received-data", then the request ends. */
static void
deliver (GTask  *task,
         GBytes *bytes)
{
  Request *request = g_task_get_task_data (task);

  g_signal_emit_by_name (g_task_get_source_object (task), "received-data", request->x, request->y,
                         request->zoom, bytes);
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void
on_fallback_drawn (GObject      *object,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_autoptr(GTask) task = data;
  RasdOnlineSource *self = g_task_get_source_object (task);
  GError *error = NULL;
  g_autoptr(GBytes) bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object),
                                                                      result, &error);

  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  self->n_fallback++;
  deliver (task, bytes);
}

/* The cached tile, however old, else the offline basemap's. */
static void
use_fallback (GTask *task)
{
  RasdOnlineSource *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  if (request->cached != NULL)
    {
      deliver (task, request->cached);
      return;
    }
  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (self->fallback), request->x,
                                           request->y, request->zoom,
                                           g_task_get_cancellable (task), on_fallback_drawn,
                                           g_object_ref (task));
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  if (!shumate_file_cache_store_tile_finish (SHUMATE_FILE_CACHE (object), result, &error))
    g_debug ("Cannot cache a map tile: %s", error->message);
}

static void
on_downloaded (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  RasdOnlineSource *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (object), result,
                                                               &error);
  g_autofree char *uri = tile_uri (self, request);
  SoupStatus status;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (bytes == NULL)
    {
      note_failure (self, uri, error->message);
      use_fallback (task);
      return;
    }
  status = soup_message_get_status (message);
  if (status == SOUP_STATUS_NOT_MODIFIED && request->cached != NULL)
    {
      note_success (self);
      shumate_file_cache_mark_up_to_date (self->cache, request->x, request->y, request->zoom);
      deliver (task, request->cached);
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (status) || !is_image (bytes))
    {
      g_autofree char *why = SOUP_STATUS_IS_SUCCESSFUL (status)
                             ? g_strdup ("the answer is not an image")
                             : g_strdup_printf ("HTTP %u %s", status,
                                                soup_message_get_reason_phrase (message));

      note_failure (self, uri, why);
      use_fallback (task);
      return;
    }

  note_success (self);
  shumate_file_cache_store_tile_async (self->cache, request->x, request->y, request->zoom, bytes,
                                       soup_message_headers_get_one (
                                         soup_message_get_response_headers (message), "ETag"),
                                       NULL, on_stored, NULL);
  deliver (task, bytes);
}

static void
download (GTask *task)
{
  RasdOnlineSource *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autofree char *uri = tile_uri (self, request);
  g_autoptr(SoupMessage) message = soup_message_new (SOUP_METHOD_GET, uri);

  if (message == NULL)
    {
      note_failure (self, uri, "not a valid URL");
      use_fallback (task);
      return;
    }
  if (request->etag != NULL)
    soup_message_headers_append (soup_message_get_request_headers (message), "If-None-Match",
                                 request->etag);
  soup_session_send_and_read_async (self->session, message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), on_downloaded,
                                    g_object_ref (task));
}

static void
on_cache_read (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  RasdOnlineSource *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);

  request->cached = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (object),
                                                        &request->etag, &request->modtime, result,
                                                        NULL);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (request->cached != NULL && request->modtime != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      if (g_date_time_difference (now, request->modtime) < CACHE_FRESH)
        {
          deliver (task, request->cached);
          return;
        }
    }
  if (is_offline (self))
    use_fallback (task);
  else
    download (task);
}

static void
rasd_online_source_get_tile_data_async (ShumateDataSource   *source,
                                        int                  x,
                                        int                  y,
                                        int                  zoom_level,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  RasdOnlineSource *self = RASD_ONLINE_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (source, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->x = x;
  request->y = y;
  request->zoom = zoom_level;
  g_task_set_source_tag (task, rasd_online_source_get_tile_data_async);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  shumate_file_cache_get_tile_async (self->cache, x, y, zoom_level, cancellable, on_cache_read,
                                     g_object_ref (task));
}

static GBytes *
rasd_online_source_get_tile_data_finish (ShumateDataSource  *source,
                                         GAsyncResult       *result,
                                         GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
rasd_online_source_finalize (GObject *object)
{
  RasdOnlineSource *self = RASD_ONLINE_SOURCE (object);

  g_free (self->url_template);
  g_clear_object (&self->fallback);
  g_clear_object (&self->cache);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rasd_online_source_parent_class)->finalize (object);
}

static void
rasd_online_source_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RasdOnlineSource *self = RASD_ONLINE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_OFFLINE:
      g_value_set_boolean (value, rasd_online_source_get_offline (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_online_source_class_init (RasdOnlineSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->finalize = rasd_online_source_finalize;
  object_class->get_property = rasd_online_source_get_property;
  source_class->get_tile_data_async = rasd_online_source_get_tile_data_async;
  source_class->get_tile_data_finish = rasd_online_source_get_tile_data_finish;

  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rasd_online_source_init (RasdOnlineSource *self)
{
}

RasdOnlineSource *
rasd_online_source_new (const char        *url_template,
                        RasdBasemapSource *fallback,
                        const char        *cache_dir)
{
  RasdOnlineSource *self;
  g_autofree char *cache_key = NULL;

  g_return_val_if_fail (url_template != NULL, NULL);
  g_return_val_if_fail (RASD_IS_BASEMAP_SOURCE (fallback), NULL);

  self = g_object_new (RASD_TYPE_ONLINE_SOURCE, NULL);
  self->url_template = g_strdup (url_template);
  self->fallback = g_object_ref (fallback);
  /* One cache per server, as ShumateTileDownloader names them. */
  cache_key = g_strcanon (g_strdup (url_template),
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", '_');
  self->cache = shumate_file_cache_new_full (CACHE_BYTES, cache_key, cache_dir);
  self->session = soup_session_new_with_options ("user-agent", rasd_online_source_get_user_agent (),
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 "max-conns", MAX_CONNECTIONS,
                                                 "timeout", TIMEOUT_SECONDS,
                                                 NULL);
  return self;
}

const char *
rasd_online_source_get_url_template (RasdOnlineSource *self)
{
  g_return_val_if_fail (RASD_IS_ONLINE_SOURCE (self), NULL);
  return self->url_template;
}

gboolean
rasd_online_source_get_offline (RasdOnlineSource *self)
{
  g_return_val_if_fail (RASD_IS_ONLINE_SOURCE (self), FALSE);
  return is_offline (self);
}

void
rasd_online_source_retry (RasdOnlineSource *self)
{
  g_return_if_fail (RASD_IS_ONLINE_SOURCE (self));
  self->n_failures = 0;
  set_offline_until (self, 0);
}

guint
rasd_online_source_get_n_downloaded (RasdOnlineSource *self)
{
  g_return_val_if_fail (RASD_IS_ONLINE_SOURCE (self), 0);
  return self->n_downloaded;
}

guint
rasd_online_source_get_n_fallback (RasdOnlineSource *self)
{
  g_return_val_if_fail (RASD_IS_ONLINE_SOURCE (self), 0);
  return self->n_fallback;
}
