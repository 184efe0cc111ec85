#define G_LOG_DOMAIN "rasd-article"

#include "config.h"

#include "rasd-article.h"

struct _RasdArticle
{
  GObject parent_instance;

  gint64  id;
  char   *title;
  char   *source;
  char   *url;
  char   *date;
  char   *authors;
  char   *language;
  char   *text;
  char   *path;
  gint64  imported_at;
  char   *hash;   /* rasd_article_compute_hash()'s, until the text changes */
};

G_DEFINE_FINAL_TYPE (RasdArticle, rasd_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_URL,
  PROP_DATE,
  PROP_AUTHORS,
  PROP_LANGUAGE,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rasd_article_finalize (GObject *object)
{
  RasdArticle *self = (RasdArticle *) object;

  g_free (self->title);
  g_free (self->source);
  g_free (self->url);
  g_free (self->date);
  g_free (self->authors);
  g_free (self->language);
  g_free (self->text);
  g_free (self->path);
  g_free (self->hash);

  G_OBJECT_CLASS (rasd_article_parent_class)->finalize (object);
}

static void
rasd_article_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RasdArticle *self = RASD_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_AUTHORS:
      g_value_set_string (value, self->authors);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_article_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RasdArticle *self = RASD_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      rasd_article_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_TITLE:
      rasd_article_set_title (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      rasd_article_set_source (self, g_value_get_string (value));
      break;
    case PROP_URL:
      rasd_article_set_url (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      rasd_article_set_date (self, g_value_get_string (value));
      break;
    case PROP_AUTHORS:
      rasd_article_set_authors (self, g_value_get_string (value));
      break;
    case PROP_LANGUAGE:
      rasd_article_set_language (self, g_value_get_string (value));
      break;
    case PROP_PATH:
      rasd_article_set_path (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_article_class_init (RasdArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rasd_article_finalize;
  object_class->get_property = rasd_article_get_property;
  object_class->set_property = rasd_article_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_AUTHORS] = g_param_spec_string ("authors", NULL, NULL, NULL, flags);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, flags);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rasd_article_init (RasdArticle *self)
{
}

RasdArticle *
rasd_article_new (void)
{
  return g_object_new (RASD_TYPE_ARTICLE, NULL);
}

/* g_set_str() is GLib 2.76; Debian 12 has 2.74. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  char *copy;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  /* every string of an article is valid UTF-8, whatever the reader gave: a saved page may carry
   * stray bytes in its title (found by fuzz-html) */
  copy = value == NULL || g_utf8_validate (value, -1, NULL) ? g_strdup (value)
                                                            : g_utf8_make_valid (value, -1);
  g_free (*field);
  *field = copy;
  return TRUE;
}

/* Stores @value in *@field and notifies @prop when it changed. */
static void
set_string_field (RasdArticle *self,
                  char       **field,
                  const char  *value,
                  guint        prop)
{
  if (replace_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

#define DEFINE_STRING_ACCESSORS(name, PROP)                                   \
  const char *                                                                \
  rasd_article_get_##name (RasdArticle *self)                                 \
  {                                                                           \
    g_return_val_if_fail (RASD_IS_ARTICLE (self), NULL);                      \
    return self->name;                                                        \
  }                                                                           \
                                                                              \
  void                                                                        \
  rasd_article_set_##name (RasdArticle *self,                                 \
                           const char  *name)                                 \
  {                                                                           \
    g_return_if_fail (RASD_IS_ARTICLE (self));                                \
    set_string_field (self, &self->name, name, PROP);                         \
  }

DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (source, PROP_SOURCE)
DEFINE_STRING_ACCESSORS (url, PROP_URL)
DEFINE_STRING_ACCESSORS (date, PROP_DATE)
DEFINE_STRING_ACCESSORS (authors, PROP_AUTHORS)
DEFINE_STRING_ACCESSORS (language, PROP_LANGUAGE)
DEFINE_STRING_ACCESSORS (path, PROP_PATH)

gint64
rasd_article_get_id (RasdArticle *self)
{
  g_return_val_if_fail (RASD_IS_ARTICLE (self), 0);
  return self->id;
}

void
rasd_article_set_id (RasdArticle *self,
                     gint64       id)
{
  g_return_if_fail (RASD_IS_ARTICLE (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
rasd_article_get_text (RasdArticle *self)
{
  g_return_val_if_fail (RASD_IS_ARTICLE (self), NULL);
  return self->text;
}

void
rasd_article_set_text (RasdArticle *self,
                       const char  *text)
{
  g_return_if_fail (RASD_IS_ARTICLE (self));
  replace_string (&self->text, text);
  g_clear_pointer (&self->hash, g_free);
}

void
rasd_article_take_text (RasdArticle *self,
                        char        *text)
{
  g_return_if_fail (RASD_IS_ARTICLE (self));
  g_free (self->text);
  self->text = text;
  g_clear_pointer (&self->hash, g_free);
}

gint64
rasd_article_get_imported_at (RasdArticle *self)
{
  g_return_val_if_fail (RASD_IS_ARTICLE (self), 0);
  return self->imported_at;
}

void
rasd_article_set_imported_at (RasdArticle *self,
                              gint64       unix_time)
{
  g_return_if_fail (RASD_IS_ARTICLE (self));
  self->imported_at = unix_time;
}

char *
rasd_article_compute_hash (RasdArticle *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *p;
  gboolean pending_space = FALSE;

  g_return_val_if_fail (RASD_IS_ARTICLE (self), NULL);

  if (self->hash != NULL)
    return g_strdup (self->hash);
  /* Runs of white space hash as one space, so the same text saved with other line ends or
   * indentation is still one article. */
  p = self->text != NULL ? self->text : "";
  while (*p != '\0')
    {
      const char *run = p;

      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      if (p > run)
        {
          if (pending_space)
            g_checksum_update (checksum, (const guchar *) " ", 1);
          g_checksum_update (checksum, (const guchar *) run, p - run);
          pending_space = FALSE;
        }
      while (*p != '\0' && g_ascii_isspace (*p))
        {
          pending_space = TRUE;
          p++;
        }
    }

  self->hash = g_strdup (g_checksum_get_string (checksum));
  return g_strdup (self->hash);
}
