#define G_LOG_DOMAIN "rasd-html-reader"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "rasd-html-reader-private.h"
#include "rasd-news-please.h"

/* The saved page's schema.org metadata (JSON-LD scripts): headline, URL, publisher, site name,
 * authors, date; the scripts were gathered by rasd-html-reader.c's walk over the page. */

/* {{{ JSON-LD */

static const char *
json_get_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* "http://schema.org/NewsArticle" and "schema:NewsArticle" are "NewsArticle". */
static const char *
bare_type (const char *type)
{
  const char *slash = strrchr (type, '/');
  const char *colon = strrchr (type, ':');
  const char *cut = MAX (slash, colon);

  return cut != NULL ? cut + 1 : type;
}

typedef enum
{
  LD_ARTICLE,
  LD_PAGE,
  LD_SITE,
  LD_OTHER,
} LdKind;

static LdKind
ld_kind_of_type (const char *type)
{
  type = bare_type (type);
  if (g_str_has_suffix (type, "Article") || g_str_has_suffix (type, "Posting") ||
      strcmp (type, "ReportageNews") == 0 || strcmp (type, "Report") == 0)
    return LD_ARTICLE;
  if (g_str_has_suffix (type, "WebPage") || strcmp (type, "ItemPage") == 0)
    return LD_PAGE;
  if (strcmp (type, "WebSite") == 0 || g_str_has_suffix (type, "Organization"))
    return LD_SITE;
  return LD_OTHER;
}

static LdKind
ld_kind (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "@type");
  LdKind best = LD_OTHER;

  if (node == NULL)
    return LD_OTHER;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return ld_kind_of_type (json_node_get_string (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING)
            best = MIN (best, ld_kind_of_type (json_node_get_string (element)));
        }
    }
  return best;
}

/* An object that is only a reference ({"@id": "...#org"}) is replaced by the object of the
 * graph with that @id. */
static JsonObject *
ld_resolve (JsonObject *object,
            GHashTable *ids)
{
  const char *id = json_get_string (object, "@id");

  if (id != NULL && json_object_get_size (object) <= 2 &&
      !json_object_has_member (object, "name"))
    {
      JsonObject *target = g_hash_table_lookup (ids, id);

      if (target != NULL)
        return target;
    }
  return object;
}

static char *
ld_name (JsonNode   *node,
         GHashTable *ids)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return rasd_html_collapse_text (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = ld_resolve (json_node_get_object (node), ids);

      return rasd_html_collapse_text (json_get_string (object, "name"));
    }
  return NULL;
}

static char *
ld_url (JsonNode *node)
{
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return rasd_html_collapse_text (json_node_get_string (node));
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      const char *url = json_get_string (object, "@id");

      if (url == NULL)
        url = json_get_string (object, "url");
      return rasd_html_collapse_text (url);
    }
  return NULL;
}

static void
ld_add_authors (JsonNode   *node,
                GHashTable *ids,
                GPtrArray  *authors)
{
  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *name = ld_name (json_array_get_element (array, i), ids);

          if (name != NULL)
            rasd_html_add_author (authors, name);
        }
    }
  else
    {
      g_autofree char *name = ld_name (node, ids);

      if (name != NULL)
        rasd_html_add_author (authors, name);
    }
}

/* Adds every object of @root (arrays and "@graph" lists opened) to @objects. */
static void
ld_collect_objects (JsonNode   *root,
                    GPtrArray  *objects,
                    GHashTable *ids)
{
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  guint next = 0;

  g_ptr_array_add (queue, root);
  while (next < queue->len && objects->len < MAX_JSON_LD_OBJECTS)
    {
      JsonNode *node = g_ptr_array_index (queue, next++);

      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint n = MIN (json_array_get_length (array), MAX_JSON_LD_OBJECTS);

          for (guint i = 0; i < n; i++)
            g_ptr_array_add (queue, json_array_get_element (array, i));
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);
          JsonNode *graph = json_object_get_member (object, "@graph");
          const char *id = json_get_string (object, "@id");

          g_ptr_array_add (objects, object);
          if (id != NULL && json_object_get_size (object) > 1 && !g_hash_table_contains (ids, id))
            g_hash_table_insert (ids, (gpointer) id, object);
          if (graph != NULL)
            g_ptr_array_add (queue, graph);
        }
    }
}

void
rasd_html_read_json_ld (PageMeta *meta)
{
  g_autoptr(GPtrArray) parsers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *by_kind[LD_OTHER] = { NULL, };

  for (guint i = 0; i < meta->json_ld->len; i++)
    {
      const char *text = g_ptr_array_index (meta->json_ld, i);
      gsize length = strlen (text);
      g_autoptr(JsonParser) parser = NULL;

      if (!g_utf8_validate (text, length, NULL) ||
          !rasd_news_please_check_json_depth (text, length, MAX_JSON_LD_DEPTH, NULL))
        continue;
      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, text, length, NULL) ||
          json_parser_get_root (parser) == NULL)
        continue;
      ld_collect_objects (json_parser_get_root (parser), objects, ids);
      g_ptr_array_add (parsers, g_steal_pointer (&parser));
    }

  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *object = g_ptr_array_index (objects, i);
      LdKind kind = ld_kind (object);

      if (kind < LD_OTHER && by_kind[kind] == NULL)
        by_kind[kind] = object;
    }

  /* The article's own object first, then the page it is on. */
  for (LdKind kind = LD_ARTICLE; kind <= LD_PAGE; kind++)
    {
      JsonObject *object = by_kind[kind];
      JsonNode *node;

      if (object == NULL)
        continue;

      rasd_html_set_first (&meta->ld_headline, json_get_string (object, "headline"));
      if (kind == LD_ARTICLE)
        rasd_html_set_first (&meta->ld_headline, json_get_string (object, "name"));
      rasd_html_offer_date (meta, json_get_string (object, "datePublished"), DATE_RANK_JSON_LD);
      if (meta->ld_url == NULL)
        meta->ld_url = ld_url (json_object_get_member (object, "url"));
      if (meta->ld_url == NULL)
        meta->ld_url = ld_url (json_object_get_member (object, "mainEntityOfPage"));
      node = json_object_get_member (object, "publisher");
      if (meta->ld_publisher == NULL)
        meta->ld_publisher = ld_name (node, ids);
      if (kind == LD_ARTICLE)
        {
          ld_add_authors (json_object_get_member (object, "author"), ids, meta->authors);
          ld_add_authors (json_object_get_member (object, "creator"), ids, meta->authors);
        }
    }

  if (by_kind[LD_SITE] != NULL)
    rasd_html_set_first (&meta->ld_site_name, json_get_string (by_kind[LD_SITE], "name"));
}

/* }}} */
