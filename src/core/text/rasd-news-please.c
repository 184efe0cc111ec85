#define G_LOG_DOMAIN "rasd-news-please"

#include "config.h"

#include <string.h>

#include "rasd-cleaner.h"
#include "rasd-error.h"
#include "rasd-news-please.h"

/* json-glib's parser recurses once per nesting level, so a few hundred thousand '[' would
 * overflow the stack; no real record nests anywhere near this deep. */
#define MAX_JSON_DEPTH 512

/* The fields we read, gathered before anything is applied so that a wrong type leaves the
 * article untouched. */
typedef struct
{
  char *title;
  char *date;
  char *url;
  char *source;
  char *authors;
  char *language;
} Metadata;

static void
metadata_clear (Metadata *meta)
{
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->date, g_free);
  g_clear_pointer (&meta->url, g_free);
  g_clear_pointer (&meta->source, g_free);
  g_clear_pointer (&meta->authors, g_free);
  g_clear_pointer (&meta->language, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Metadata, metadata_clear)

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      return "a number";
    default:
      return "a value";
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* A trimmed copy of @text, NULL when nothing is left. */
static char *
strdup_trimmed (const char *text)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    return NULL;
  return g_steal_pointer (&copy);
}

/* The string member @name of @object: FALSE with an error when it has another type; *out is
 * NULL when the member is absent, null or blank. */
static gboolean
get_string_member (JsonObject  *object,
                   const char  *name,
                   char       **out,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!node_is_string (node))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "field '%s' should be a string, not %s", name, describe_node (node));
      return FALSE;
    }
  *out = strdup_trimmed (json_node_get_string (node));
  return TRUE;
}

static void
add_author (GPtrArray  *authors,
            const char *name)
{
  g_autofree char *trimmed = strdup_trimmed (name);

  if (trimmed == NULL)
    return;
  for (guint i = 0; i < authors->len; i++)
    if (g_strcmp0 (g_ptr_array_index (authors, i), trimmed) == 0)
      return;
  g_ptr_array_add (authors, g_steal_pointer (&trimmed));
}

/* "authors": an array of strings or one string. */
static gboolean
get_authors_member (JsonObject  *object,
                    char       **out,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, "authors");
  g_autoptr(GPtrArray) authors = g_ptr_array_new_with_free_func (g_free);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (node_is_string (node))
    {
      add_author (authors, json_node_get_string (node));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_NULL (element))
            continue;
          if (!node_is_string (element))
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                           "field 'authors' should hold strings, not %s",
                           describe_node (element));
              return FALSE;
            }
          add_author (authors, json_node_get_string (element));
        }
    }
  else
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "field 'authors' should be a list of strings or a string, not %s",
                   describe_node (node));
      return FALSE;
    }

  if (authors->len == 0)
    return TRUE;
  g_ptr_array_add (authors, NULL);
  *out = g_strjoinv ("; ", (char **) authors->pdata);
  return TRUE;
}

static gboolean
read_metadata (JsonObject  *object,
               Metadata    *meta,
               GError     **error)
{
  g_autofree char *date = NULL;

  if (!get_string_member (object, "title", &meta->title, error) ||
      !get_string_member (object, "date_publish", &date, error) ||
      !get_string_member (object, "url", &meta->url, error) ||
      !get_string_member (object, "source_domain", &meta->source, error) ||
      !get_authors_member (object, &meta->authors, error) ||
      !get_string_member (object, "language", &meta->language, error))
    return FALSE;

  /* A date that cannot be read is dropped rather than failing the article: the text is what
   * matters, and news-please writes odd dates now and then. */
  if (date != NULL)
    {
      meta->date = rasd_news_please_normalize_date (date);
      if (meta->date == NULL)
        g_debug ("Ignoring unreadable date_publish “%s”", date);
    }

  if (meta->source == NULL && meta->url != NULL)
    meta->source = rasd_news_please_host_from_url (meta->url);

  return TRUE;
}

static void
apply_metadata (RasdArticle *article,
                Metadata    *meta)
{
  if (meta->title != NULL)
    rasd_article_set_title (article, meta->title);
  if (meta->date != NULL)
    rasd_article_set_date (article, meta->date);
  if (meta->url != NULL)
    rasd_article_set_url (article, meta->url);
  if (meta->source != NULL)
    rasd_article_set_source (article, meta->source);
  if (meta->authors != NULL)
    rasd_article_set_authors (article, meta->authors);
  if (meta->language != NULL)
    rasd_article_set_language (article, meta->language);
}

gboolean
rasd_news_please_apply_metadata (RasdArticle  *article,
                                 JsonObject   *object,
                                 GError      **error)
{
  g_auto(Metadata) meta = { NULL, };

  g_return_val_if_fail (RASD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!read_metadata (object, &meta, error))
    return FALSE;
  apply_metadata (article, &meta);
  return TRUE;
}

RasdArticle *
rasd_news_please_read_record (JsonObject  *object,
                              GError     **error)
{
  g_auto(Metadata) meta = { NULL, };
  g_autoptr(RasdArticle) article = NULL;
  g_autofree char *maintext = NULL;
  g_autofree char *text = NULL;
  JsonNode *node;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  node = json_object_get_member (object, "maintext");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE,
                           "no 'maintext' field: not a news-please article");
      return NULL;
    }
  if (!get_string_member (object, "maintext", &maintext, error))
    return NULL;
  if (maintext == NULL)
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE,
                           "field 'maintext' is empty: no article text");
      return NULL;
    }
  if (!read_metadata (object, &meta, error))
    return NULL;

  text = rasd_clean_article_text (maintext, NULL);
  if (text == NULL || *g_strstrip (text) == '\0')
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE,
                           "field 'maintext' holds no article text");
      return NULL;
    }

  article = rasd_article_new ();
  apply_metadata (article, &meta);
  rasd_article_take_text (article, g_steal_pointer (&text));
  return g_steal_pointer (&article);
}

gboolean
rasd_news_please_check_json_depth (const char  *data,
                                   gsize        length,
                                   guint        max_depth,
                                   GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            {
              g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                           "JSON nested too deeply (more than %u levels)", max_depth);
              return FALSE;
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/* Skips a UTF-8 byte order mark and checks what json-glib cannot be trusted with. */
static JsonNode *
parse_json (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gsize i;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  for (i = 0; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i == length)
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_EMPTY, "the file is empty");
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_BINARY,
                           "binary data, not JSON");
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_ENCODING,
                           "JSON text that is not valid UTF-8");
      return NULL;
    }
  if (!rasd_news_please_check_json_depth (data, length, MAX_JSON_DEPTH, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "invalid JSON: %s", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_EMPTY, "the file is empty");
      return NULL;
    }
  return json_node_ref (root);
}

gboolean
rasd_news_please_read_sidecar (RasdArticle  *article,
                               const char   *data,
                               gsize         length,
                               GError      **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RASD_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  root = parse_json (data, length, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                   "metadata should be a JSON object, not %s", describe_node (root));
      return FALSE;
    }
  return rasd_news_please_apply_metadata (article, json_node_get_object (root), error);
}

GPtrArray *
rasd_news_please_read_json (const char  *data,
                            gsize        length,
                            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = parse_json (data, length, error);
  if (root == NULL)
    return NULL;

  articles = g_ptr_array_new_with_free_func (g_object_unref);

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      RasdArticle *article = rasd_news_please_read_record (json_node_get_object (root), error);

      if (article == NULL)
        return NULL;
      g_ptr_array_add (articles, article);
      return g_steal_pointer (&articles);
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE,
                   "the JSON holds %s, not a news-please article", describe_node (root));
      return NULL;
    }

  array = json_node_get_array (root);
  n = json_array_get_length (array);
  if (n == 0)
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE,
                           "an empty list: no news-please articles");
      return NULL;
    }

  /* All or nothing: a file is one unit of import. */
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      RasdArticle *article;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE,
                       "record %u is %s, not a news-please article",
                       i + 1, describe_node (element));
          return NULL;
        }
      article = rasd_news_please_read_record (json_node_get_object (element), &local_error);
      if (article == NULL)
        {
          g_set_error (error, RASD_ERROR, local_error->code,
                       "record %u: %s", i + 1, local_error->message);
          return NULL;
        }
      g_ptr_array_add (articles, article);
    }

  return g_steal_pointer (&articles);
}

gboolean
rasd_news_please_read_jsonl_line (const char   *line,
                                  gsize         length,
                                  RasdArticle **out,
                                  GError      **error)
{
  g_autoptr(JsonNode) root = NULL;
  gsize i;

  g_return_val_if_fail (line != NULL || length == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out = NULL;

  for (i = 0; i < length && g_ascii_isspace (line[i]); i++)
    ;
  if (i == length)
    return TRUE;

  root = parse_json (line, length, error);
  if (root == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_NOT_ARTICLE,
                   "the line holds %s, not a news-please article", describe_node (root));
      return FALSE;
    }

  *out = rasd_news_please_read_record (json_node_get_object (root), error);
  return *out != NULL;
}

/* Reads exactly @n_digits ASCII digits. */
static gboolean
read_digits (const char **p,
             guint        n_digits,
             int         *value)
{
  int v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n_digits;
  *value = v;
  return TRUE;
}

char *
rasd_news_please_normalize_date (const char *date)
{
  g_autofree char *copy = NULL;
  const char *p;
  int year, month, day;
  int hour = 0, minute = 0, second = 0;

  if (date == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (date));
  p = copy;

  if (!read_digits (&p, 4, &year) || *p++ != '-' ||
      !read_digits (&p, 2, &month) || *p++ != '-' ||
      !read_digits (&p, 2, &day))
    return NULL;
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;

  if (*p == 'T' || *p == 't' || *p == ' ')
    {
      p++;
      if (!read_digits (&p, 2, &hour) || *p++ != ':' || !read_digits (&p, 2, &minute))
        return NULL;
      if (*p == ':')
        {
          p++;
          if (!read_digits (&p, 2, &second))
            return NULL;
          /* Fractions of a second are dropped. */
          if (*p == '.' || *p == ',')
            {
              p++;
              if (!g_ascii_isdigit (*p))
                return NULL;
              while (g_ascii_isdigit (*p))
                p++;
            }
        }
      if (hour > 23 || minute > 59 || second > 60)
        return NULL;

      /* The zone is checked but not applied: the local date is what the article says. */
      while (*p == ' ')
        p++;
      if (*p == 'Z' || *p == 'z')
        {
          p++;
        }
      else if (*p == '+' || *p == '-')
        {
          int zh, zm = 0;

          p++;
          if (!read_digits (&p, 2, &zh))
            return NULL;
          if (*p == ':')
            p++;
          if (g_ascii_isdigit (*p) && !read_digits (&p, 2, &zm))
            return NULL;
          if (zh > 14 || zm > 59)
            return NULL;
        }
      else if (g_str_has_prefix (p, "UTC") || g_str_has_prefix (p, "GMT"))
        {
          p += 3;
        }
    }

  if (*p != '\0')
    return NULL;

  if (hour == 0 && minute == 0 && second == 0)
    return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second);
}

char *
rasd_news_please_host_from_url (const char *url)
{
  const char *start, *end, *at, *colon;
  g_autofree char *host = NULL;

  if (url == NULL)
    return NULL;

  while (g_ascii_isspace (*url))
    url++;
  start = strstr (url, "://");
  if (start != NULL)
    start += 3;
  else if (g_str_has_prefix (url, "//"))
    start = url + 2;
  else
    return NULL;

  end = start + strcspn (start, "/?#");
  /* user:password@host */
  at = memchr (start, '@', end - start);
  if (at != NULL)
    start = at + 1;
  colon = memchr (start, ':', end - start);
  if (colon != NULL && *start != '[')
    end = colon;
  if (end == start)
    return NULL;

  host = g_ascii_strdown (start, end - start);
  for (const char *c = host; *c != '\0'; c++)
    if (g_ascii_isspace (*c))
      return NULL;
  if (g_str_has_prefix (host, "www.") && host[4] != '\0')
    return g_strdup (host + 4);
  return g_steal_pointer (&host);
}
