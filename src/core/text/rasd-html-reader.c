#define G_LOG_DOMAIN "rasd-html-reader"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "rasd-cleaner.h"
#include "rasd-error.h"
#include "rasd-html-reader.h"
#include "rasd-html-reader-private.h"
#include "rasd-news-please.h"

/* Paragraphs shorter than this (in non-space characters, links excluded) are menu items,
 * captions or buttons as far as the body search is concerned. */
#define MIN_PARAGRAPH_CHARS 25

/* Positive body candidates looked at; pages have a handful. */
#define MAX_CANDIDATES 256

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* {{{ Refusing to load anything */

/* The HTML parser loads no DTD and knows no external entities, but in case some path of
 * libxml2 asks for one while we parse, the loader refuses.  The loader is global, so it only
 * refuses in the threads that are inside rasd_html_read_article(). */
static GPrivate in_html_reader;
static xmlExternalEntityLoader default_entity_loader;

static xmlParserInputPtr
refusing_entity_loader (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  if (g_private_get (&in_html_reader) != NULL)
    return NULL;
  return default_entity_loader (url, id, ctxt);
}

static void
ignore_generic_error (void       *ctx,
                      const char *msg,
                      ...)
{
}

static void
ensure_libxml (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      default_entity_loader = xmlGetExternalEntityLoader ();
      xmlSetExternalEntityLoader (refusing_entity_loader);
      g_once_init_leave (&initialised, 1);
    }
}

/* }}} */

/* {{{ Small helpers */

static gboolean
node_is (xmlNode    *node,
         const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

static gboolean
name_in (xmlNode            *node,
         const char * const *names)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A copy of the attribute's value, or NULL. */
static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *value;
  char *copy;

  if (node->type != XML_ELEMENT_NODE || node->properties == NULL)
    return NULL;
  value = xmlGetNoNsProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static gboolean
has_attr (xmlNode    *node,
          const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->properties != NULL &&
         xmlHasProp (node, (const xmlChar *) name) != NULL;
}

/* The attribute lowered, or NULL. */
static char *
get_attr_lower (xmlNode    *node,
                const char *name)
{
  g_autofree char *value = get_attr (node, name);

  if (value == NULL)
    return NULL;
  return g_ascii_strdown (value, -1);
}

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B || c == 0xFEFF;
}

/* Appends @text to @out with every run of white space (non-breaking spaces included) made one
 * space, and no space at the start of @out. */
static void
append_collapsed (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_space_char (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        {
          g_string_append_unichar (out, c);
        }
    }
}

/* @text with white space collapsed and trimmed; NULL when nothing is left. */
char *
rasd_html_collapse_text (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  append_collapsed (out, text);
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gsize
count_visible_chars (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_space_char (g_utf8_get_char (p)))
      n++;
  return n;
}

static gboolean
looks_like_url (const char *text)
{
  return strstr (text, "://") != NULL || g_str_has_prefix (text, "www.") ||
         g_str_has_prefix (text, "/");
}

/* Case-insensitive search for the ASCII @needle in @haystack. */
static gboolean
ascii_contains (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  if (n > length)
    return FALSE;
  for (gsize i = 0; i + n <= length; i++)
    if (g_ascii_strncasecmp (haystack + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* }}} */

/* {{{ Iterative tree walk */

/* @enter is called on every node in document order; when it returns TRUE for an element, the
 * walk goes into its children and calls @leave after them.  Parent and sibling pointers keep
 * the walk off the C stack, however deep the page nests. */
typedef gboolean (*WalkEnterFunc) (xmlNode  *node,
                                   gpointer  user_data);
typedef void     (*WalkLeaveFunc) (xmlNode  *node,
                                   gpointer  user_data);

static void
walk_tree (xmlNode       *root,
           WalkEnterFunc  enter,
           WalkLeaveFunc  leave,
           gpointer       user_data)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = enter (node, user_data) && node->type == XML_ELEMENT_NODE;

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      if (descend)
        leave (node, user_data);

      while (node != root && node->next == NULL)
        {
          node = node->parent;
          leave (node, user_data);
        }
      node = node == root ? NULL : node->next;
    }
}

/* libxml2 stops reading a page at this many nested elements (without XML_PARSE_HUGE, which
 * stays off: the limit protects the reader's own walks too); what lies deeper is dropped. */
#define LIBXML_MAX_DEPTH 256

typedef struct
{
  guint depth;
  guint max_depth;
} DepthWalk;

static gboolean
depth_walk_enter (xmlNode  *node,
                  gpointer  user_data)
{
  DepthWalk *walk = user_data;

  if (node->type == XML_ELEMENT_NODE)
    walk->max_depth = MAX (walk->max_depth, ++walk->depth);
  return TRUE;
}

static void
depth_walk_leave (xmlNode  *node,
                  gpointer  user_data)
{
  ((DepthWalk *) user_data)->depth--;
}

static guint
tree_depth (xmlNode *root)
{
  DepthWalk walk = { 0, 0 };

  walk_tree (root, depth_walk_enter, depth_walk_leave, &walk);
  return walk.max_depth;
}

/* Text of @root's subtree on one line, without scripts and styles. */
typedef struct
{
  GString *out;
} InlineTextState;

static gboolean
inline_text_enter (xmlNode  *node,
                   gpointer  user_data)
{
  static const char * const skipped[] = { "script", "style", "noscript", "template", NULL };
  InlineTextState *state = user_data;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        append_collapsed (state->out, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE || name_in (node, skipped))
    return FALSE;
  if (node_is (node, "br") && state->out->len > 0)
    append_collapsed (state->out, " ");
  return TRUE;
}

static void
inline_text_leave (xmlNode  *node,
                   gpointer  user_data)
{
}

static char *
get_inline_text (xmlNode *node)
{
  InlineTextState state;
  g_autoptr(GString) out = g_string_new (NULL);

  state.out = out;
  walk_tree (node, inline_text_enter, inline_text_leave, &state);
  return rasd_html_collapse_text (out->str);
}

/* }}} */

/* {{{ What is page chrome */

static const char * const skipped_tags[] = {
  "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "button",
  "select", "option", "textarea", "input", "label", "iframe", "frame", "frameset", "svg",
  "math", "canvas", "object", "embed", "video", "audio", "map", "dialog", "menu", "head",
  "link", "meta", "title", NULL
};

static const char * const block_tags[] = {
  "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
  "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
  "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
  "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
  "tfoot", "th", "thead", "tr", "ul", NULL
};

/* Blocks whose text is one paragraph of their parent rather than a container of paragraphs. */
static const char * const paragraph_tags[] = {
  "p", "pre", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
  "caption", "address", NULL
};

/* Lists and boxes that are chrome when they are mostly links. */
static const char * const link_list_tags[] = {
  "ul", "ol", "dl", "table", "td", "div", "section", NULL
};

/* A table cell with this much text is the page's text column (old table layouts), not one
 * paragraph of a row. */
#define MIN_CELL_COLUMN_CHARS 200

/* Words of class and id values (split at anything but letters and digits) that mark chrome.
 * A word matches when it starts with one of these. */
static const char * const chrome_word_prefixes[] = {
  "nav", "menu", "breadcrumb", "share", "sharing", "social", "related", "recommend",
  "comment", "sidebar", "widget", "advert", "newsletter", "cookie", "subscri", "popular",
  "promo", "sponsor", "banner", "outbrain", "taboola", "disqus", "pagination", "pager",
  "toolbar", "topbar", "footer", "copyright", "login", "signin", "signup", "popup", "modal",
  "trending", "adsbygoogle", NULL
};

/* Words that mark chrome only when the whole word is one of these. */
static const char * const chrome_words[] = {
  "ad", "ads", "adv", "advs", "adslot", "dfp", "tag", "tags", "keywords", "skip", NULL
};

/* Chrome only outside the article: inside it a header holds the headline. */
static const char * const chrome_word_prefixes_outside_article[] = {
  "header", "masthead", NULL
};

/* Substrings of the whole class or id value that mark chrome. */
static const char * const chrome_substrings[] = {
  "most-read", "most_read", "mostread", "most-viewed", "mostviewed", "most-popular",
  "sr-only", "screen-reader", "visually-hidden", "visuallyhidden", "read-more", "readmore",
  "read-also", NULL
};

static const char * const chrome_roles[] = {
  "navigation", "menu", "menubar", "search", "complementary", "contentinfo", "dialog",
  "alertdialog", "toolbar", "tablist", NULL
};

/* Class and id values that mark the article body. */
static const char * const body_substrings[] = {
  "article-body", "articlebody", "article_body", "article-content", "article_content",
  "articlecontent", "article-text", "article_text", "articletext", "entry-content",
  "entry_content", "post-content", "post_content", "postcontent", "post-body", "post_body",
  "story-body", "storybody", "story_body", "story-content", "storycontent", "news-body",
  "news-content", "news_content", "newscontent", "news-text", "news_text", "newstext",
  "news-details", "news_details", "newsdetails", "article-details", "article_details",
  "body-text", "bodytext", "text-body", "content-body", "field-body", "td-post-content",
  "main-content-text", NULL
};

static gboolean
word_matches (const char         *word,
              gsize               length,
              const char * const *prefixes,
              const char * const *words)
{
  if (prefixes != NULL)
    for (guint i = 0; prefixes[i] != NULL; i++)
      {
        gsize n = strlen (prefixes[i]);

        if (length >= n && strncmp (word, prefixes[i], n) == 0)
          {
            /* "commentary" is an article genre, not a comment thread. */
            if (strcmp (prefixes[i], "comment") == 0 && length >= 10 &&
                strncmp (word, "commentary", 10) == 0)
              continue;
            return TRUE;
          }
      }
  if (words != NULL)
    for (guint i = 0; words[i] != NULL; i++)
      if (strlen (words[i]) == length && strncmp (word, words[i], length) == 0)
        return TRUE;
  return FALSE;
}

/* Whether the lowered class or id @value has a word matching the lists.  Layout classes
 * such as "has-sidebar" or "no-comments" describe the page, not the element. */
static gboolean
value_has_word (const char         *value,
                const char * const *prefixes,
                const char * const *words)
{
  static const char * const negating[] = {
    "has", "no", "with", "without", "show", "hide", "is", NULL
  };
  const char *p = value;
  const char *previous = NULL;
  gsize previous_length = 0;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (g_ascii_isalnum (*p))
        p++;
      if (p > start && word_matches (start, p - start, prefixes, words) &&
          (previous == NULL || !word_matches (previous, previous_length, NULL, negating)))
        return TRUE;
      previous = start;
      previous_length = p - start;
    }
  return FALSE;
}

/* Words of wrappers around the main column: "main-content sidebar-left". */
static gboolean
value_is_layout (const char *value)
{
  static const char * const prefixes[] = {
    "main", "content", "container", "wrap", "page", "site", "layout", "column", "col", "row",
    "grid", NULL
  };

  return value_has_word (value, prefixes, NULL);
}

static gboolean
value_has_substring (const char         *value,
                     const char * const *substrings)
{
  for (guint i = 0; substrings[i] != NULL; i++)
    if (strstr (value, substrings[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
value_has_token (const char *value,
                 const char *token)
{
  g_auto(GStrv) tokens = NULL;

  if (value == NULL)
    return FALSE;
  tokens = g_strsplit_set (value, " \t\r\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], token) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @node holds the article text by its markup: itemprop=articleBody, or a class or id
 * such as "article-body" or "entry-content", or the word "story". */
static gboolean
is_body_marked (xmlNode *node)
{
  static const char * const attrs[] = { "class", "id", NULL };
  g_autofree char *itemprop = NULL;

  if (node->properties == NULL)
    return FALSE;

  itemprop = get_attr (node, "itemprop");
  if (value_has_token (itemprop, "articleBody"))
    return TRUE;

  for (guint i = 0; attrs[i] != NULL; i++)
    {
      g_autofree char *value = get_attr_lower (node, attrs[i]);
      static const char * const story[] = { "story", NULL };

      if (value == NULL)
        continue;
      if (value_has_substring (value, body_substrings) ||
          value_has_word (value, NULL, story))
        return TRUE;
    }
  return FALSE;
}

/* Elements that may hold the article: <article>, <main> is too broad. */
static gboolean
is_article_element (xmlNode *node)
{
  return node_is (node, "article") || is_body_marked (node);
}

/* Visible text per element, to tell a sidebar from the wrapper around the whole page. */
typedef struct
{
  GHashTable *sizes;   /* xmlNode * → visible characters, as pointers */
  gsize       total;
} ChromeContext;

static gboolean
size_walk_enter (xmlNode  *node,
                 gpointer  user_data)
{
  static const char * const hidden[] = { "script", "style", "noscript", "template", NULL };
  GHashTable *sizes = user_data;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      gpointer size;

      if (node->content != NULL && g_hash_table_lookup_extended (sizes, node->parent, NULL, &size))
        g_hash_table_insert (sizes, node->parent,
                             GSIZE_TO_POINTER (GPOINTER_TO_SIZE (size) +
                                               count_visible_chars ((const char *) node->content)));
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE || name_in (node, hidden))
    return FALSE;
  g_hash_table_insert (sizes, node, GSIZE_TO_POINTER (0));
  return TRUE;
}

static void
size_walk_leave (xmlNode  *node,
                 gpointer  user_data)
{
  GHashTable *sizes = user_data;
  gpointer parent_size;

  if (node->parent != NULL &&
      g_hash_table_lookup_extended (sizes, node->parent, NULL, &parent_size))
    {
      gsize size = GPOINTER_TO_SIZE (g_hash_table_lookup (sizes, node));

      g_hash_table_insert (sizes, node->parent,
                           GSIZE_TO_POINTER (GPOINTER_TO_SIZE (parent_size) + size));
    }
}

static void
chrome_context_init (ChromeContext *context,
                     xmlNode       *body)
{
  context->sizes = g_hash_table_new (NULL, NULL);
  walk_tree (body, size_walk_enter, size_walk_leave, context->sizes);
  context->total = GPOINTER_TO_SIZE (g_hash_table_lookup (context->sizes, body));
}

static void
chrome_context_clear (ChromeContext *context)
{
  g_clear_pointer (&context->sizes, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChromeContext, chrome_context_clear)

/* A wrapper such as <div class="main-content sidebar-left"> that holds most of the page's
 * text is the page, not its sidebar. */
static gboolean
is_page_wrapper (ChromeContext *context,
                 xmlNode       *node,
                 const char    *value)
{
  gsize size;

  if (context == NULL || context->total == 0 || !value_is_layout (value))
    return FALSE;
  size = GPOINTER_TO_SIZE (g_hash_table_lookup (context->sizes, node));
  return size * 2 > context->total;
}

static gboolean
is_chrome (ChromeContext *context,
           xmlNode       *node,
           gboolean       in_article)
{
  static const char * const attrs[] = { "class", "id", NULL };
  g_autofree char *role = NULL;
  g_autofree char *style = NULL;
  g_autofree char *aria_hidden = NULL;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (name_in (node, skipped_tags))
    return TRUE;
  if (node_is (node, "header") && !in_article)
    return TRUE;
  if (node_is (node, "html") || node_is (node, "body") || node->properties == NULL)
    return FALSE;

  if (has_attr (node, "hidden"))
    return TRUE;
  aria_hidden = get_attr_lower (node, "aria-hidden");
  if (g_strcmp0 (aria_hidden, "true") == 0)
    return TRUE;
  style = get_attr_lower (node, "style");
  if (style != NULL)
    {
      g_autoptr(GString) squeezed = g_string_new (NULL);

      for (const char *p = style; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          g_string_append_c (squeezed, *p);
      if (strstr (squeezed->str, "display:none") != NULL ||
          strstr (squeezed->str, "visibility:hidden") != NULL)
        return TRUE;
    }

  role = get_attr_lower (node, "role");
  if (role != NULL)
    {
      for (guint i = 0; chrome_roles[i] != NULL; i++)
        if (value_has_token (role, chrome_roles[i]))
          return TRUE;
      if (!in_article && value_has_token (role, "banner"))
        return TRUE;
    }

  if (is_body_marked (node))
    return FALSE;

  for (guint i = 0; attrs[i] != NULL; i++)
    {
      g_autofree char *value = get_attr_lower (node, attrs[i]);

      if (value == NULL)
        continue;
      if ((value_has_word (value, chrome_word_prefixes, chrome_words) ||
           value_has_substring (value, chrome_substrings) ||
           (!in_article && value_has_word (value, chrome_word_prefixes_outside_article, NULL))) &&
          !is_page_wrapper (context, node, value))
        return TRUE;
    }

  return FALSE;
}

/* }}} */

/* {{{ Metadata from the markup */

static void
page_meta_clear (PageMeta *meta)
{
  g_clear_pointer (&meta->og_title, g_free);
  g_clear_pointer (&meta->twitter_title, g_free);
  g_clear_pointer (&meta->itemprop_headline, g_free);
  g_clear_pointer (&meta->title_tag, g_free);
  g_clear_pointer (&meta->h1_first, g_free);
  g_clear_pointer (&meta->h1_article, g_free);
  g_clear_pointer (&meta->date, g_free);
  g_clear_pointer (&meta->canonical, g_free);
  g_clear_pointer (&meta->og_url, g_free);
  g_clear_pointer (&meta->site_name, g_free);
  g_clear_pointer (&meta->lang, g_free);
  g_clear_pointer (&meta->locale, g_free);
  g_clear_pointer (&meta->authors, g_ptr_array_unref);
  g_clear_pointer (&meta->json_ld, g_ptr_array_unref);
  g_clear_pointer (&meta->ld_headline, g_free);
  g_clear_pointer (&meta->ld_url, g_free);
  g_clear_pointer (&meta->ld_publisher, g_free);
  g_clear_pointer (&meta->ld_site_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PageMeta, page_meta_clear)

/* Sets *@field to the collapsed @value unless it is already set. */
void
rasd_html_set_first (char       **field,
                     const char  *value)
{
  if (*field == NULL)
    *field = rasd_html_collapse_text (value);
}

void
rasd_html_offer_date (PageMeta   *meta,
                      const char *value,
                      DateRank    rank)
{
  g_autofree char *date = NULL;

  if (value == NULL || rank >= meta->date_rank)
    return;
  date = rasd_news_please_normalize_date (value);
  if (date == NULL)
    return;
  g_free (meta->date);
  meta->date = g_steal_pointer (&date);
  meta->date_rank = rank;
}

void
rasd_html_add_author (GPtrArray  *authors,
                      const char *name)
{
  g_autofree char *collapsed = rasd_html_collapse_text (name);
  g_autofree char *key = NULL;

  if (collapsed == NULL || looks_like_url (collapsed) || g_utf8_strlen (collapsed, -1) > 100)
    return;
  key = g_utf8_casefold (collapsed, -1);
  for (guint i = 0; i < authors->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (authors, i), -1);

      if (strcmp (key, other) == 0)
        return;
    }
  g_ptr_array_add (authors, g_steal_pointer (&collapsed));
}

static void
handle_meta_tag (PageMeta *meta,
                 xmlNode  *node)
{
  static const char * const key_attrs[] = { "property", "name", "itemprop", "http-equiv", NULL };
  static const char * const date_names[] = {
    "pubdate", "publishdate", "publish-date", "publish_date", "date", "dc.date.issued",
    "dc.date", "dcterms.issued", "dcterms.date", "sailthru.date", "parsely-pub-date",
    "article.published", "publication_date", "originalpublicationdate", NULL
  };
  static const char * const author_names[] = {
    "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author",
    "sailthru.author", NULL
  };
  g_autofree char *content = get_attr (node, "content");

  if (content == NULL)
    return;

  for (guint k = 0; key_attrs[k] != NULL; k++)
    {
      g_autofree char *key = get_attr_lower (node, key_attrs[k]);

      if (key == NULL)
        continue;
      g_strstrip (key);

      if (strcmp (key, "og:title") == 0)
        rasd_html_set_first (&meta->og_title, content);
      else if (strcmp (key, "twitter:title") == 0)
        rasd_html_set_first (&meta->twitter_title, content);
      else if (strcmp (key, "headline") == 0)
        rasd_html_set_first (&meta->itemprop_headline, content);
      else if (strcmp (key, "og:url") == 0)
        rasd_html_set_first (&meta->og_url, content);
      else if (strcmp (key, "og:site_name") == 0)
        rasd_html_set_first (&meta->site_name, content);
      else if (strcmp (key, "og:locale") == 0 || strcmp (key, "content-language") == 0 ||
               strcmp (key, "language") == 0 || strcmp (key, "dc.language") == 0)
        rasd_html_set_first (&meta->locale, content);
      else if (strcmp (key, "article:published_time") == 0)
        rasd_html_offer_date (meta, content, DATE_RANK_PUBLISHED_TIME);
      else if (strcmp (key, "og:published_time") == 0 ||
               strcmp (key, "og:article:published_time") == 0)
        rasd_html_offer_date (meta, content, DATE_RANK_OG_PUBLISHED_TIME);
      else if (strcmp (key, "datepublished") == 0)
        rasd_html_offer_date (meta, content, DATE_RANK_ITEMPROP);
      else if (g_strv_contains (date_names, key))
        rasd_html_offer_date (meta, content, DATE_RANK_NAMED_META);
      else if (g_strv_contains (author_names, key))
        rasd_html_add_author (meta->authors, content);
    }
}

typedef struct
{
  PageMeta      *meta;
  ChromeContext *chrome;
  GByteArray    *flags;   /* per open element: FLAG_* */
  guint          in_article;
  guint          in_chrome;
  guint          in_author;
  guint          text_budget;  /* itemprop texts still to read: each walks a subtree */
} MetaWalk;

static char *
meta_walk_get_text (MetaWalk *walk,
                    xmlNode  *node)
{
  if (walk->text_budget == 0)
    return NULL;
  walk->text_budget--;
  return get_inline_text (node);
}

enum
{
  FLAG_ARTICLE = 1 << 0,
  FLAG_CHROME  = 1 << 1,
  FLAG_AUTHOR  = 1 << 2,
  FLAG_LINK    = 1 << 3,
};

static gboolean
meta_walk_enter (xmlNode  *node,
                 gpointer  user_data)
{
  MetaWalk *walk = user_data;
  PageMeta *meta = walk->meta;
  g_autofree char *itemprop = NULL;
  guint8 flags = 0;

  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  if (node_is (node, "meta"))
    {
      handle_meta_tag (meta, node);
      return FALSE;
    }
  if (node_is (node, "link"))
    {
      g_autofree char *rel = get_attr (node, "rel");

      if (value_has_token (rel, "canonical") && meta->canonical == NULL)
        {
          g_autofree char *href = get_attr (node, "href");

          meta->canonical = rasd_html_collapse_text (href);
        }
      return FALSE;
    }
  if (node_is (node, "script"))
    {
      g_autofree char *type = get_attr_lower (node, "type");

      if (type != NULL && strstr (type, "ld+json") != NULL &&
          meta->json_ld->len < MAX_JSON_LD_SCRIPTS)
        {
          xmlChar *content = xmlNodeGetContent (node);

          if (content != NULL)
            g_ptr_array_add (meta->json_ld, g_strdup ((const char *) content));
          xmlFree (content);
        }
      return FALSE;
    }
  if (node_is (node, "style") || node_is (node, "template") || node_is (node, "noscript"))
    return FALSE;
  if (node_is (node, "title"))
    {
      if (meta->title_tag == NULL && (node_is (node->parent, "head") || walk->in_chrome == 0))
        meta->title_tag = get_inline_text (node);
      return FALSE;
    }
  if (node_is (node, "html") && meta->lang == NULL)
    {
      g_autofree char *lang = get_attr (node, "lang");

      if (lang == NULL)
        lang = get_attr (node, "xml:lang");
      meta->lang = rasd_html_collapse_text (lang);
    }

  if (is_article_element (node))
    flags |= FLAG_ARTICLE;
  if (is_chrome (walk->chrome, node, walk->in_article > 0))
    flags |= FLAG_CHROME;

  if (walk->in_chrome == 0 && !(flags & FLAG_CHROME))
    {
      if (node_is (node, "h1"))
        {
          if (meta->h1_first == NULL)
            meta->h1_first = get_inline_text (node);
          if (meta->h1_article == NULL && walk->in_article > 0)
            meta->h1_article = get_inline_text (node);
        }
      else if (node_is (node, "time"))
        {
          g_autofree char *datetime = get_attr (node, "datetime");

          if (walk->in_article > 0 || has_attr (node, "pubdate"))
            rasd_html_offer_date (meta, datetime, DATE_RANK_TIME_IN_ARTICLE);
          else
            rasd_html_offer_date (meta, datetime, DATE_RANK_TIME);
        }
    }

  itemprop = get_attr (node, "itemprop");
  if (itemprop != NULL)
    {
      if (value_has_token (itemprop, "datePublished"))
        {
          g_autofree char *value = get_attr (node, "content");

          if (value == NULL)
            value = get_attr (node, "datetime");
          if (value == NULL && meta->date_rank > DATE_RANK_ITEMPROP)
            value = meta_walk_get_text (walk, node);
          rasd_html_offer_date (meta, value, DATE_RANK_ITEMPROP);
        }
      if (value_has_token (itemprop, "headline") && meta->itemprop_headline == NULL)
        {
          g_autofree char *value = get_attr (node, "content");

          if (value != NULL)
            meta->itemprop_headline = rasd_html_collapse_text (value);
          else
            meta->itemprop_headline = meta_walk_get_text (walk, node);
        }
      if (value_has_token (itemprop, "author"))
        {
          g_autofree char *value = get_attr (node, "content");

          if (value != NULL)
            rasd_html_add_author (meta->authors, value);
          flags |= FLAG_AUTHOR;
        }
      else if (value_has_token (itemprop, "name") && walk->in_author > 0)
        {
          g_autofree char *value = get_attr (node, "content");

          if (value == NULL)
            value = meta_walk_get_text (walk, node);
          if (value != NULL)
            rasd_html_add_author (meta->authors, value);
        }
    }

  if (flags & FLAG_ARTICLE)
    walk->in_article++;
  if (flags & FLAG_CHROME)
    walk->in_chrome++;
  if (flags & FLAG_AUTHOR)
    walk->in_author++;
  g_byte_array_append (walk->flags, &flags, 1);
  return TRUE;
}

/* The flags pushed when the element now left was entered. */
static guint8
pop_flags (GByteArray *stack)
{
  guint8 flags;

  g_assert (stack->len > 0);
  flags = stack->data[stack->len - 1];
  g_byte_array_set_size (stack, stack->len - 1);
  return flags;
}

static void
meta_walk_leave (xmlNode  *node,
                 gpointer  user_data)
{
  MetaWalk *walk = user_data;
  guint8 flags;

  flags = pop_flags (walk->flags);

  if (flags & FLAG_ARTICLE)
    walk->in_article--;
  if (flags & FLAG_CHROME)
    walk->in_chrome--;
  if (flags & FLAG_AUTHOR)
    walk->in_author--;
}

/* }}} */

/* {{{ Finding the body */

typedef struct
{
  gsize    text;          /* visible characters in the kept subtree */
  gsize    link;          /* of which inside links */
  guint    n_links;
  gsize    inline_text;   /* the paragraph being built from inline content */
  gsize    inline_link;
  gsize    ptext;         /* characters of real paragraphs in the subtree */
  double   score;
  guint    enter_index;
  guint    leave_index;
  guint    depth;
} NodeStats;

typedef struct
{
  ChromeContext *chrome;
  GHashTable    *stats;       /* xmlNode * → NodeStats * */
  GPtrArray     *order;       /* xmlNode *, document order */
  GPtrArray     *candidates;  /* xmlNode * marked as the article */
  GByteArray    *flags;
  guint          in_article;
  guint          in_link;
  guint          depth;
  guint          counter;
} ScoreWalk;

static NodeStats *
lookup_stats (GHashTable *stats,
              xmlNode    *node)
{
  return node != NULL ? g_hash_table_lookup (stats, node) : NULL;
}

static gboolean
score_walk_enter (xmlNode  *node,
                  gpointer  user_data)
{
  ScoreWalk *walk = user_data;
  NodeStats *stats;
  guint8 flags = 0;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      NodeStats *parent = lookup_stats (walk->stats, node->parent);
      gsize n;

      if (parent == NULL || node->content == NULL)
        return FALSE;
      n = count_visible_chars ((const char *) node->content);
      parent->text += n;
      parent->inline_text += n;
      if (walk->in_link > 0)
        {
          parent->link += n;
          parent->inline_link += n;
        }
      return FALSE;
    }

  if (node->type != XML_ELEMENT_NODE || is_chrome (walk->chrome, node, walk->in_article > 0))
    return FALSE;

  stats = g_new0 (NodeStats, 1);
  stats->enter_index = walk->counter++;
  stats->depth = walk->depth++;
  g_hash_table_insert (walk->stats, node, stats);
  g_ptr_array_add (walk->order, node);

  if (is_article_element (node))
    {
      flags |= FLAG_ARTICLE;
      walk->in_article++;
      if (walk->candidates->len < MAX_CANDIDATES)
        g_ptr_array_add (walk->candidates, node);
    }
  if (node_is (node, "a"))
    {
      flags |= FLAG_LINK;
      walk->in_link++;
    }
  g_byte_array_append (walk->flags, &flags, 1);
  return TRUE;
}

static void
score_walk_leave (xmlNode  *node,
                  gpointer  user_data)
{
  ScoreWalk *walk = user_data;
  NodeStats *stats = lookup_stats (walk->stats, node);
  NodeStats *parent = lookup_stats (walk->stats, node->parent);
  guint8 flags;

  g_assert (stats != NULL);
  flags = pop_flags (walk->flags);
  if (flags & FLAG_ARTICLE)
    walk->in_article--;
  if (flags & FLAG_LINK)
    walk->in_link--;
  walk->depth--;
  stats->leave_index = walk->counter++;

  if (name_in (node, block_tags))
    {
      gsize paragraph = stats->inline_text - stats->inline_link;

      if (paragraph >= MIN_PARAGRAPH_CHARS)
        {
          NodeStats *first, *second;

          stats->ptext += paragraph;
          /* A paragraph counts for the box that holds it, and half for the box around that. */
          if (name_in (node, paragraph_tags) &&
              !((node_is (node, "td") || node_is (node, "th")) &&
                paragraph >= MIN_CELL_COLUMN_CHARS))
            {
              first = parent;
              second = parent != NULL ? lookup_stats (walk->stats, node->parent->parent) : NULL;
            }
          else
            {
              first = stats;
              second = parent;
            }
          if (first != NULL)
            first->score += paragraph;
          if (second != NULL)
            second->score += paragraph / 2.0;
        }
    }
  else if (parent != NULL)
    {
      parent->inline_text += stats->inline_text;
      parent->inline_link += stats->inline_link;
    }

  if (parent != NULL)
    {
      parent->text += stats->text;
      parent->link += stats->link;
      parent->n_links += stats->n_links + ((flags & FLAG_LINK) ? 1 : 0);
      parent->ptext += stats->ptext;
    }
}

static gsize
stats_plain_text (NodeStats *stats)
{
  return stats->text - stats->link;
}

static double
stats_link_density (NodeStats *stats)
{
  return stats->text > 0 ? (double) stats->link / stats->text : 0.0;
}

static gboolean
stats_contains (NodeStats *ancestor,
                NodeStats *descendant)
{
  return ancestor->enter_index <= descendant->enter_index &&
         descendant->leave_index <= ancestor->leave_index;
}

/* The element with the best text: the element marked as the article (itemprop=articleBody,
 * <article>, "entry-content"...) when it holds a fair share of the page's prose, else the box
 * with the most paragraph text. */
static xmlNode *
find_body (ScoreWalk *walk,
           xmlNode   *fallback)
{
  xmlNode *dense = NULL;
  NodeStats *dense_stats = NULL;
  double dense_score = 0.0;
  xmlNode *marked = NULL;
  NodeStats *marked_stats = NULL;

  for (guint i = 0; i < walk->order->len; i++)
    {
      xmlNode *node = g_ptr_array_index (walk->order, i);
      NodeStats *stats = lookup_stats (walk->stats, node);
      double score = stats->score * (1.0 - stats_link_density (stats));

      if (score > dense_score)
        {
          dense = node;
          dense_stats = stats;
          dense_score = score;
        }
    }

  /* Paragraphs split over sibling boxes: take the box around them. */
  for (guint step = 0; dense != NULL && step < 3; step++)
    {
      NodeStats *parent = lookup_stats (walk->stats, dense->parent);

      if (parent == NULL || stats_link_density (parent) > 0.5 ||
          (parent->ptext - dense_stats->ptext) * 2 < dense_stats->ptext)
        break;
      dense = dense->parent;
      dense_stats = parent;
    }

  for (guint i = 0; i < walk->candidates->len; i++)
    {
      xmlNode *node = g_ptr_array_index (walk->candidates, i);
      NodeStats *stats = lookup_stats (walk->stats, node);

      if (marked == NULL || stats_plain_text (stats) > stats_plain_text (marked_stats))
        {
          marked = node;
          marked_stats = stats;
        }
    }

  if (marked != NULL && stats_plain_text (marked_stats) > 0)
    {
      gsize best = stats_plain_text (marked_stats);

      /* Inside <article>, the article-body box that holds nearly all of its text leaves the
       * headline and byline out. */
      for (guint i = 0; i < walk->candidates->len; i++)
        {
          xmlNode *node = g_ptr_array_index (walk->candidates, i);
          NodeStats *stats = lookup_stats (walk->stats, node);

          if (stats_contains (marked_stats, stats) && stats->depth > marked_stats->depth &&
              stats_plain_text (stats) * 100 >= best * 85)
            {
              marked = node;
              marked_stats = stats;
            }
        }

      if (dense == NULL ||
          stats_plain_text (marked_stats) * 10 >= stats_plain_text (dense_stats) * 3)
        return marked;
    }

  return dense != NULL ? dense : fallback;
}

/* }}} */

/* {{{ Text of the body */

typedef struct
{
  ChromeContext *chrome;
  xmlNode       *root;
  GHashTable    *stats;
  GString       *paragraph;
  GPtrArray     *paragraphs;
  GByteArray    *flags;
  guint          in_article;
} TextWalk;

static void
flush_paragraph (TextWalk *walk)
{
  GString *paragraph = walk->paragraph;

  if (paragraph->len > 0 && paragraph->str[paragraph->len - 1] == ' ')
    g_string_truncate (paragraph, paragraph->len - 1);
  if (paragraph->len > 0)
    g_ptr_array_add (walk->paragraphs, g_strdup (paragraph->str));
  g_string_truncate (paragraph, 0);
}

static gboolean
is_link_list (TextWalk *walk,
              xmlNode  *node)
{
  NodeStats *stats;

  if (!name_in (node, link_list_tags))
    return FALSE;
  stats = lookup_stats (walk->stats, node);
  return stats != NULL && stats->n_links >= 2 && stats->link * 2 > stats->text;
}

static gboolean
text_walk_enter (xmlNode  *node,
                 gpointer  user_data)
{
  TextWalk *walk = user_data;
  guint8 flags = 0;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        append_collapsed (walk->paragraph, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (node != walk->root &&
      (is_chrome (walk->chrome, node, walk->in_article > 0) || is_link_list (walk, node)))
    return FALSE;

  if (name_in (node, block_tags))
    flush_paragraph (walk);
  if (is_article_element (node))
    {
      flags |= FLAG_ARTICLE;
      walk->in_article++;
    }
  g_byte_array_append (walk->flags, &flags, 1);
  return TRUE;
}

static void
text_walk_leave (xmlNode  *node,
                 gpointer  user_data)
{
  TextWalk *walk = user_data;
  guint8 flags;

  flags = pop_flags (walk->flags);
  if (flags & FLAG_ARTICLE)
    walk->in_article--;
  if (name_in (node, block_tags))
    flush_paragraph (walk);
}

/* Paragraphs of @root's text, one per line. */
static char *
extract_text (ChromeContext *chrome,
              xmlNode       *root,
              GHashTable    *stats,
              const char    *title)
{
  g_autoptr(GString) paragraph = g_string_new (NULL);
  g_autoptr(GPtrArray) paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) flags = g_byte_array_new ();
  TextWalk walk = { chrome, root, stats, paragraph, paragraphs, flags, 0 };

  /* A <header> inside the article holds its headline, outside it the site's banner. */
  for (xmlNode *up = root; up != NULL && walk.in_article == 0; up = up->parent)
    if (up->type == XML_ELEMENT_NODE && is_article_element (up))
      walk.in_article = 1;

  walk_tree (root, text_walk_enter, text_walk_leave, &walk);
  flush_paragraph (&walk);

  /* The headline is the title, not a paragraph of the text. */
  if (title != NULL)
    for (guint i = 0; i < MIN (paragraphs->len, 3); i++)
      if (strcmp (g_ptr_array_index (paragraphs, i), title) == 0)
        {
          g_ptr_array_remove_index (paragraphs, i);
          break;
        }

  g_ptr_array_add (paragraphs, NULL);
  return g_strjoinv ("\n", (char **) paragraphs->pdata);
}

/* }}} */

/* {{{ Putting the article together */

static gboolean
site_name_matches (const char *segment,
                   const char *site)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (segment == NULL || site == NULL)
    return FALSE;
  a = g_utf8_casefold (segment, -1);
  b = g_utf8_casefold (site, -1);
  g_strstrip (a);
  g_strstrip (b);
  if (*a == '\0' || *b == '\0')
    return FALSE;
  if (strcmp (a, b) == 0)
    return TRUE;
  /* "Example News" against "example.com", "صحيفة المثال" against "المثال" */
  return (g_utf8_strlen (b, -1) >= 3 && strstr (a, b) != NULL && g_utf8_strlen (a, -1) <= 60) ||
         (g_utf8_strlen (a, -1) >= 3 && strstr (b, a) != NULL);
}

/* "Headline | Site" and "Site - Headline" to "Headline" when "Site" is one of @sites. */
static char *
strip_site_name (const char         *title,
                 const char * const *sites)
{
  static const char * const separators[] = {
    " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " • ", " ـ ", " : ", NULL
  };
  g_autofree char *result = g_strdup (title);

  for (guint s = 0; separators[s] != NULL; s++)
    {
      const char *sep = separators[s];
      char *last = g_strrstr (result, sep);
      char *first = strstr (result, sep);

      if (last != NULL)
        for (guint i = 0; sites[i] != NULL; i++)
          if (site_name_matches (last + strlen (sep), sites[i]))
            {
              *last = '\0';
              first = strstr (result, sep);
              break;
            }
      if (first != NULL)
        for (guint i = 0; sites[i] != NULL; i++)
          {
            g_autofree char *head = g_strndup (result, first - result);

            if (site_name_matches (head, sites[i]))
              {
                char *rest = g_strdup (first + strlen (sep));

                g_free (result);
                result = rest;
                break;
              }
          }
    }

  return rasd_html_collapse_text (result);
}

static char *
choose_title (PageMeta   *meta,
              const char *source,
              const char *host)
{
  g_autofree char *host_label = NULL;
  const char *sites[6] = { NULL, };
  const char *titles[] = {
    meta->og_title, meta->h1_article, meta->twitter_title, meta->ld_headline,
    meta->itemprop_headline, meta->title_tag, meta->h1_first,
  };
  guint n_sites = 0;

  if (host != NULL)
    {
      const char *dot = strchr (host, '.');

      host_label = dot != NULL ? g_strndup (host, dot - host) : g_strdup (host);
    }
  if (source != NULL)
    sites[n_sites++] = source;
  if (meta->ld_site_name != NULL)
    sites[n_sites++] = meta->ld_site_name;
  if (host != NULL)
    sites[n_sites++] = host;
  if (host_label != NULL)
    sites[n_sites++] = host_label;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autofree char *title = NULL;
      gboolean is_site = FALSE;

      if (titles[i] == NULL)
        continue;
      title = strip_site_name (titles[i], sites);
      if (title == NULL)
        continue;
      for (guint s = 0; s < n_sites; s++)
        if (g_utf8_collate (title, sites[s]) == 0)
          is_site = TRUE;
      if (!is_site)
        return g_steal_pointer (&title);
    }
  return NULL;
}

/* "ar-SA", "ar_AR" → "ar" */
static char *
primary_language (const char *tag)
{
  gsize n;

  if (tag == NULL)
    return NULL;
  while (g_ascii_isspace (*tag))
    tag++;
  n = strcspn (tag, "-_ ,;");
  if (n < 2 || n > 3)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalpha (tag[i]))
      return NULL;
  return g_ascii_strdown (tag, n);
}

static gboolean
is_mostly_arabic (const char *text)
{
  gsize arabic = 0, other = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
          (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
          (c >= 0xFE70 && c <= 0xFEFF))
        arabic++;
      else
        other++;
    }
  return arabic > 0 && arabic > other;
}

static const char *
choose_url (PageMeta *meta)
{
  const char *urls[] = { meta->canonical, meta->og_url, meta->ld_url };

  /* A relative canonical link says less than an absolute og:url. */
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    if (urls[i] != NULL && strstr (urls[i], "://") != NULL)
      return urls[i];
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    if (urls[i] != NULL)
      return urls[i];
  return NULL;
}

static gboolean
is_utf16_bom (const char *data,
              gsize       length)
{
  return length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0);
}

static gboolean
has_markup (const char *data,
            gsize       length)
{
  for (gsize i = 0; i + 1 < length; i++)
    if (data[i] == '<' &&
        (g_ascii_isalpha (data[i + 1]) || data[i + 1] == '!' || data[i + 1] == '/' ||
         data[i + 1] == '?'))
      return TRUE;
  return FALSE;
}

/* The end of a quoted string or comment starting at @p, else @p. */
static gsize
skip_quoted (const char *data,
             gsize       length,
             gsize       p)
{
  if (data[p] == '"' || data[p] == '\'')
    {
      const char *close = memchr (data + p + 1, data[p], length - p - 1);
      return close != NULL ? (gsize) (close - data) + 1 : length;
    }
  if (p + 4 <= length && memcmp (data + p, "<!--", 4) == 0)
    {
      const char *close = g_strstr_len (data + p + 4, length - p - 4, "-->");
      return close != NULL ? (gsize) (close - data) + 3 : length;
    }
  return p;
}

/* Finds a DOCTYPE with an internal subset (<!DOCTYPE x [ <!ENTITY ...> ]>), from @from on.
 * libxml2's HTML parser knows no such thing and keeps the declarations as text, which then
 * became the article's body; the reader blanks them out before parsing. */
static gboolean
find_internal_subset (const char *data,
                      gsize       length,
                      gsize       from,
                      gsize      *start,
                      gsize      *end)
{
  for (gsize i = from; i + 9 <= length; i++)
    {
      gsize p;

      if (data[i] != '<' || g_ascii_strncasecmp (data + i, "<!doctype", 9) != 0)
        continue;
      /* The name and public or system identifiers, up to '>' or '['. */
      for (p = i + 9; p < length && data[p] != '>' && data[p] != '['; )
        {
          gsize q = skip_quoted (data, length, p);
          p = q > p ? q : p + 1;
        }
      if (p >= length || data[p] == '>')
        continue;
      /* The declarations, up to the ']' that is not in a string or a comment, then '>'. */
      for (p++; p < length && data[p] != ']'; )
        {
          gsize q = skip_quoted (data, length, p);
          p = q > p ? q : p + 1;
        }
      if (p < length)
        {
          gsize q = p + 1;

          while (q < length && g_ascii_isspace (data[q]))
            q++;
          p = q < length && data[q] == '>' ? q + 1 : p + 1;
        }
      *start = i;
      *end = MIN (p, length);
      return TRUE;
    }
  return FALSE;
}

static void
set_error (GError     **error,
           RasdError    code,
           const char  *path,
           const char  *message)
{
  /* The caller names the file; the message says only what is wrong. */
  g_set_error_literal (error, RASD_ERROR, code, message);
}

static xmlDoc *
parse_page (const char  *data,
            gsize        length,
            const char  *path,
            GError     **error)
{
  const char *encoding = NULL;
  xmlGenericErrorFunc saved_error_func;
  void *saved_error_context;
  g_autofree char *without_subset = NULL;
  xmlDoc *doc;
  gsize i;
  gsize start, end;

  for (i = 0; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i == length)
    {
      set_error (error, RASD_ERROR_EMPTY, path, "the file is empty");
      return NULL;
    }
  if (length > G_MAXINT)
    {
      set_error (error, RASD_ERROR_TOO_LARGE, path, "the page is too large");
      return NULL;
    }
  if (!is_utf16_bom (data, length))
    {
      if (memchr (data, '\0', length) != NULL)
        {
          set_error (error, RASD_ERROR_BINARY, path, "binary data, not an HTML page");
          return NULL;
        }
      if (!has_markup (data, length))
        {
          set_error (error, RASD_ERROR_PARSE, path, "no HTML markup: not an HTML page");
          return NULL;
        }
      /* Undeclared bytes that are not UTF-8 are, for Arabic news, most likely the legacy
       * Windows code page; libxml2 would take them for Latin-1. */
      if (!g_utf8_validate_len (data, length, NULL) &&
          !ascii_contains (data, length, "charset") &&
          !ascii_contains (data, length, "encoding="))
        encoding = "windows-1256";

      /* A DTD's declarations are never the page's text. */
      for (gsize from = 0; find_internal_subset (data, length, from, &start, &end); from = end)
        {
          if (without_subset == NULL)
            data = without_subset = g_memdup2 (data, length);
          memset (without_subset + start, ' ', end - start);
        }
    }

  ensure_libxml ();
  g_private_set (&in_html_reader, GINT_TO_POINTER (1));
  saved_error_func = xmlGenericError;
  saved_error_context = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);

  doc = htmlReadMemory (data, (int) length, NULL, encoding,
                        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                        HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS);

  xmlSetGenericErrorFunc (saved_error_context, saved_error_func);
  g_private_set (&in_html_reader, NULL);

  if (doc == NULL)
    {
      set_error (error, RASD_ERROR_PARSE, path, "the HTML cannot be read");
      return NULL;
    }
  /* Only comments or a doctype. */
  if (xmlDocGetRootElement (doc) == NULL)
    {
      xmlFreeDoc (doc);
      set_error (error, RASD_ERROR_EMPTY, path, "no article text found in the page");
      return NULL;
    }
  return doc;
}

RasdArticle *
rasd_html_read_article (const char  *data,
                        gsize        length,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_auto(PageMeta) meta = { NULL, };
  g_auto(RasdCleanInfo) info = { NULL, 0 };
  g_auto(ChromeContext) chrome = { NULL, 0 };
  g_autoptr(GHashTable) stats = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GByteArray) flags = NULL;
  g_autoptr(RasdArticle) article = NULL;
  g_autofree char *host = NULL;
  g_autofree char *title = NULL;
  g_autofree char *raw_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *language = NULL;
  const char *url, *source;
  xmlNode *root, *body = NULL, *chosen;
  MetaWalk meta_walk;
  ScoreWalk score_walk;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = parse_page (data, length, path, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (node_is (child, "body"))
      body = child;
  if (body == NULL)
    body = root;
  chrome_context_init (&chrome, body);

  /* Metadata, from the whole page. */
  meta.date_rank = DATE_RANK_NONE;
  meta.authors = g_ptr_array_new_with_free_func (g_free);
  meta.json_ld = g_ptr_array_new_with_free_func (g_free);
  flags = g_byte_array_new ();
  meta_walk = (MetaWalk) { &meta, &chrome, flags, 0, 0, 0, 32 };
  walk_tree (root, meta_walk_enter, meta_walk_leave, &meta_walk);
  rasd_html_read_json_ld (&meta);

  url = choose_url (&meta);
  host = rasd_news_please_host_from_url (url);
  source = meta.site_name;
  if (source == NULL)
    source = meta.ld_publisher;
  if (source == NULL)
    source = host;
  title = choose_title (&meta, source, host);

  /* The body. */
  stats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  order = g_ptr_array_new ();
  candidates = g_ptr_array_new ();
  g_byte_array_set_size (flags, 0);
  score_walk = (ScoreWalk) { &chrome, stats, order, candidates, flags, 0, 0, 0, 0 };
  walk_tree (body, score_walk_enter, score_walk_leave, &score_walk);
  chosen = find_body (&score_walk, body);

  raw_text = extract_text (&chrome, chosen, stats, title);
  text = rasd_clean_article_text (raw_text, &info);
  if (text == NULL || *g_strstrip (text) == '\0')
    {
      if (tree_depth (xmlDocGetRootElement (doc)) >= LIBXML_MAX_DEPTH - 8)
        set_error (error, RASD_ERROR_PARSE, path,
                   "no article text found in the page: its elements are nested too deeply "
                   "(the HTML parser reads 256 levels)");
      else
        set_error (error, RASD_ERROR_EMPTY, path, "no article text found in the page");
      return NULL;
    }

  if (meta.authors->len == 0 && info.byline != NULL)
    rasd_html_add_author (meta.authors, info.byline);

  language = primary_language (meta.lang);
  if (language == NULL)
    language = primary_language (meta.locale);
  if (language == NULL && is_mostly_arabic (text))
    language = g_strdup ("ar");

  article = rasd_article_new ();
  rasd_article_set_title (article, title);
  rasd_article_set_date (article, meta.date);
  rasd_article_set_url (article, url);
  rasd_article_set_source (article, source);
  if (meta.authors->len > 0)
    {
      g_autofree char *authors = NULL;

      g_ptr_array_add (meta.authors, NULL);
      authors = g_strjoinv ("; ", (char **) meta.authors->pdata);
      rasd_article_set_authors (article, authors);
    }
  rasd_article_set_language (article, language);
  rasd_article_take_text (article, g_steal_pointer (&text));

  return g_steal_pointer (&article);
}

/* }}} */
