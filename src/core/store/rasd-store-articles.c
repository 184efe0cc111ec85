#define G_LOG_DOMAIN "rasd-store"

#include "config.h"

#include <string.h>

#include "rasd-error.h"
#include "rasd-fts.h"
#include "rasd-store-private.h"

/* RasdStore: articles, their full-text search, their mentions and events. */

gint64
rasd_store_add_article (RasdStore    *self,
                        RasdArticle  *article,
                        gboolean     *duplicate,
                        GError      **error)
{
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  const char *title;
  const char *text;
  gint64 id;
  gint64 now;

  g_return_val_if_fail (RASD_IS_STORE (self), 0);
  g_return_val_if_fail (RASD_IS_ARTICLE (article), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (duplicate != NULL)
    *duplicate = FALSE;

  text = rasd_article_get_text (article);
  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, RASD_ERROR, RASD_ERROR_EMPTY, "the article has no text");
      return 0;
    }
  title = rasd_article_get_title (article);
  if (title == NULL)
    title = "";
  hash = rasd_article_compute_hash (article);

  if ((stmt = rasd_store_get_statement (self, STMT_FIND_HASH, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (duplicate != NULL)
        *duplicate = TRUE;
      rasd_article_set_id (article, id);
      return id;
    case SQLITE_DONE:
      sqlite3_reset (stmt);
      break;
    default:
      rasd_store_set_sqlite_error (self, error, "looking up the article");
      sqlite3_reset (stmt);
      return 0;
    }

  now = g_get_real_time () / G_USEC_PER_SEC;
  if ((stmt = rasd_store_get_statement (self, STMT_INSERT_ARTICLE, error)) == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  rasd_store_bind_text_or_null (stmt, 2, rasd_article_get_source (article));
  rasd_store_bind_text_or_null (stmt, 3, rasd_article_get_url (article));
  rasd_store_bind_text_or_null (stmt, 4, rasd_article_get_date (article));
  rasd_store_bind_text_or_null (stmt, 5, rasd_article_get_authors (article));
  rasd_store_bind_text_or_null (stmt, 6, rasd_article_get_language (article));
  rasd_store_bind_text_or_null (stmt, 7, rasd_article_get_path (article));
  sqlite3_bind_text (stmt, 8, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, hash, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, now);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, "storing the article");
      sqlite3_reset (stmt);
      return 0;
    }
  sqlite3_reset (stmt);
  id = sqlite3_last_insert_rowid (self->db);

  if (!rasd_store_index_article (self, id, error))
    return 0;

  rasd_article_set_id (article, id);
  rasd_article_set_imported_at (article, now);
  return id;
}

/* Columns: id, title, source, url, date_publish, authors, language, path, imported_at. */
static RasdArticle *
article_from_row (sqlite3_stmt *stmt)
{
  RasdArticle *article = rasd_article_new ();

  rasd_article_set_id (article, sqlite3_column_int64 (stmt, 0));
  rasd_article_set_title (article, rasd_store_column_text (stmt, 1));
  rasd_article_set_source (article, rasd_store_column_text (stmt, 2));
  rasd_article_set_url (article, rasd_store_column_text (stmt, 3));
  rasd_article_set_date (article, rasd_store_column_text (stmt, 4));
  rasd_article_set_authors (article, rasd_store_column_text (stmt, 5));
  rasd_article_set_language (article, rasd_store_column_text (stmt, 6));
  rasd_article_set_path (article, rasd_store_column_text (stmt, 7));
  rasd_article_set_imported_at (article, sqlite3_column_int64 (stmt, 8));
  return article;
}

RasdArticle *
rasd_store_get_article (RasdStore  *self,
                        gint64      id,
                        GError    **error)
{
  RasdArticle *article = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stmt = rasd_store_get_statement (self, STMT_GET_ARTICLE, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      article = article_from_row (stmt);
      rasd_article_set_text (article, rasd_store_column_text (stmt, 9));
      break;
    case SQLITE_DONE:
      g_set_error (error, RASD_ERROR, RASD_ERROR_FAILED, "%s: no article with id %" G_GINT64_FORMAT,
                   self->path, id);
      break;
    default:
      rasd_store_set_sqlite_error (self, error, "reading an article");
    }
  sqlite3_reset (stmt);
  return article;
}

GListModel *
rasd_store_list_articles (RasdStore  *self,
                          GError    **error)
{
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stmt = rasd_store_get_statement (self, STMT_LIST_ARTICLES, error)) == NULL ||
      !rasd_store_step_rows (self, stmt, (RasdStoreRowFunc) article_from_row, rows, "listing articles", error))
    return NULL;

  list = g_list_store_new (RASD_TYPE_ARTICLE);
  g_list_store_splice (list, 0, 0, rows->pdata, rows->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

GPtrArray *
rasd_store_search (RasdStore   *self,
                   const char  *user_query,
                   guint        limit,
                   GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_search_hit_free);
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (user_query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rasd_store_user_query (user_query, &match, error))
    return NULL;
  if (match == NULL)
    return g_steal_pointer (&hits);

  if ((stmt = rasd_store_get_statement (self, STMT_SEARCH, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : G_MAXINT64);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RasdSearchHit *hit = g_new0 (RasdSearchHit, 1);

      hit->article_id = sqlite3_column_int64 (stmt, 0);
      hit->title = g_strdup (rasd_store_column_text (stmt, 1));
      hit->snippet = g_strdup (rasd_store_column_text (stmt, 2));
      hit->rank = sqlite3_column_double (stmt, 3);
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, "searching");
      return NULL;
    }
  return g_steal_pointer (&hits);
}

static gboolean
count_rows (RasdStore   *self,
            const char  *sql,
            gint64      *out,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return rasd_store_set_sqlite_error (self, error, "counting");
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

#define OPTIMIZE_MIN_ARTICLES 1000

gboolean
rasd_store_optimize_search_index (RasdStore  *self,
                                  gint64      n_new_articles,
                                  GError    **error)
{
  gint64 n_articles = 0;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (!rasd_store_in_transaction (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_new_articles < OPTIMIZE_MIN_ARTICLES)
    return TRUE;
  if (!count_rows (self, "SELECT count(*) FROM articles", &n_articles, error))
    return FALSE;
  if (n_new_articles < n_articles / 4)
    return TRUE;
  if (sqlite3_exec (self->db, "INSERT INTO articles_fts (articles_fts) VALUES ('optimize')",
                    NULL, NULL, NULL) != SQLITE_OK)
    return rasd_store_set_sqlite_error (self, error, "optimizing the search index");
  return TRUE;
}

gboolean
rasd_store_has_articles (RasdStore  *self,
                         gboolean   *has_articles,
                         GError    **error)
{
  gint64 exists = 0;

  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (has_articles != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!count_rows (self, "SELECT EXISTS (SELECT 1 FROM articles)", &exists, error))
    return FALSE;
  *has_articles = exists != 0;
  return TRUE;
}

gboolean
rasd_store_get_stats (RasdStore       *self,
                      RasdStoreStats  *stats,
                      GError         **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  memset (stats, 0, sizeof *stats);
  return count_rows (self, "SELECT count(*) FROM articles", &stats->n_articles, error) &&
         count_rows (self, "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM articles",
                     &stats->text_bytes, error) &&
         count_rows (self, "SELECT count(*) FROM entities WHERE kind = 'person'",
                     &stats->n_people, error) &&
         count_rows (self, "SELECT count(*) FROM entities WHERE kind = 'place'",
                     &stats->n_places, error) &&
         count_rows (self, "SELECT count(*) FROM events", &stats->n_events, error) &&
         count_rows (self, "SELECT count(*) FROM excerpts", &stats->n_excerpts, error);
}

GArray *
rasd_store_list_article_ids (RasdStore  *self,
                             GError    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stmt = rasd_store_get_statement (self, STMT_LIST_ARTICLE_IDS, error)) == NULL)
    return NULL;
  return rasd_store_step_ids (self, stmt, "listing article ids", error);
}

/* Reading an article's mentions (schema/11.sql: one JSON array of [kind, start, end,
 * entity_id, value], entity_id and value left out when null and last).  Rasd writes that text
 * itself (insert_mentions() in rasd-store-extraction.c), so it is read here, in one pass:
 * through the view "mentions", SQLite read each field of each mention from the text again, three
 * times as long (0.42 s for a 4 MB article's 112,075 mentions). */

typedef struct
{
  RasdMentionKind kind;
  gint64          start;
  gint64          end;
  gint64          entity_id;  /* 0: none */
  char           *value;
} MentionItem;

static void
mention_item_clear (gpointer data)
{
  g_free (((MentionItem *) data)->value);
}

static gboolean
skip_char (const char **p,
           char         c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

/* A number of up to 18 digits (offsets and ids): strtoll() was a third of the reading. */
static gboolean
read_int (const char **p,
          gint64      *value)
{
  const char *s = *p;
  gboolean negative = skip_char (&s, '-');
  gint64 v = 0;
  int n = 0;

  for (; g_ascii_isdigit (*s) && n < 18; s++, n++)
    v = v * 10 + (*s - '0');
  if (n == 0 || g_ascii_isdigit (*s))
    return FALSE;
  *value = negative ? -v : v;
  *p = s;
  return TRUE;
}

/* A JSON string with the escapes append_json_string() writes (and \/, \b, \f, \n, \r, \t). */
static char *
read_string (const char **p)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *s = *p;

  if (*s++ != '"')
    return NULL;
  while (*s != '"')
    {
      if (*s == '\0')
        return NULL;
      if (*s != '\\')
        {
          g_string_append_c (out, *s++);
          continue;
        }
      s++;
      switch (*s)
        {
        case '"': case '\\': case '/':
          g_string_append_c (out, *s);
          break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            gunichar c = 0;

            for (int i = 1; i <= 4; i++)
              {
                if (!g_ascii_isxdigit (s[i]))
                  return NULL;
                c = c * 16 + (gunichar) g_ascii_xdigit_value (s[i]);
              }
            g_string_append_unichar (out, c);
            s += 4;
          }
          break;
        default:
          return NULL;
        }
      s++;
    }
  *p = s + 1;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
read_item (const char **p,
           MentionItem *item)
{
  const char *s = *p;

  if (!skip_char (&s, '[') || !skip_char (&s, '"') ||
      !rasd_store_mention_kind_of_code (*s++, &item->kind) || !skip_char (&s, '"') ||
      !skip_char (&s, ',') || !read_int (&s, &item->start) ||
      !skip_char (&s, ',') || !read_int (&s, &item->end))
    return FALSE;
  if (skip_char (&s, ','))
    {
      if (g_str_has_prefix (s, "null"))
        s += 4;
      else if (!read_int (&s, &item->entity_id) || item->entity_id <= 0)
        return FALSE;
      if (skip_char (&s, ',') && (item->value = read_string (&s)) == NULL)
        return FALSE;
    }
  if (!skip_char (&s, ']'))
    return FALSE;
  *p = s;
  return TRUE;
}

/* The items of @data, or NULL when it is not what insert_mentions() writes. */
static GArray *
read_items (const char *data)
{
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (MentionItem));
  const char *p = data;

  g_array_set_clear_func (items, mention_item_clear);
  if (p == NULL || !skip_char (&p, '['))
    return NULL;
  if (skip_char (&p, ']'))
    return *p == '\0' ? g_steal_pointer (&items) : NULL;
  do
    {
      MentionItem item = { 0 };

      if (!read_item (&p, &item))
        {
          g_free (item.value);
          return NULL;
        }
      g_array_append_val (items, item);
    }
  while (skip_char (&p, ','));
  return skip_char (&p, ']') && *p == '\0' ? g_steal_pointer (&items) : NULL;
}

/* The entities @items name, by id, as a mention of each shows them (key and name): an alias's
 * are those of the entity it is the same as.  A rejected entity is left out, and so is one
 * deleted since (as the rows of the old mentions table went with it). */
static GHashTable *
named_entities (RasdStore  *self,
                GArray     *items,
                GError    **error)
{
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) rasd_stored_mention_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) ids = g_string_new ("[");
  sqlite3_stmt *stmt;
  int rc;

  /* each entity once: a long article names the same few hundred thousands of times */
  for (guint i = 0; i < items->len; i++)
    {
      gint64 *id = &g_array_index (items, MentionItem, i).entity_id;

      if (*id > 0 && g_hash_table_add (seen, id))
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", *id);
    }
  g_string_append_c (ids, ']');
  if (ids->len == 2)
    return g_steal_pointer (&named);
  if ((stmt = rasd_store_cached_statement (self,
                                           "SELECT e.id, coalesce (a.key, e.key), coalesce (a.name, e.name)"
                                           " FROM entities e LEFT JOIN entities a ON a.id = e.alias_of"
                                           " WHERE e.id IN (SELECT value FROM json_each (?1)) AND NOT e.rejected",
                                           error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, ids->str, (int) ids->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RasdStoredMention *entity = g_new0 (RasdStoredMention, 1);
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      entity->key = g_strdup (rasd_store_column_text (stmt, 1));
      entity->name = g_strdup (rasd_store_column_text (stmt, 2));
      g_hash_table_insert (named, id, entity);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rasd_store_set_sqlite_error (self, error, "reading the entities an article names");
      return NULL;
    }
  return g_steal_pointer (&named);
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const RasdStoredMention *x = *(RasdStoredMention * const *) a;
  const RasdStoredMention *y = *(RasdStoredMention * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

GPtrArray *
rasd_store_list_mentions (RasdStore  *self,
                          gint64      article_id,
                          GError    **error)
{
  g_autoptr(GPtrArray) mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_mention_free);
  g_autoptr(GArray) items = NULL;
  g_autoptr(GHashTable) named = NULL;
  gboolean sorted = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((stmt = rasd_store_cached_statement (self, "SELECT data FROM article_mentions WHERE article_id = ?1",
                                           error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    items = read_items ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return g_steal_pointer (&mentions);
  if (rc != SQLITE_ROW)
    {
      rasd_store_set_sqlite_error (self, error, "reading an article's mentions");
      return NULL;
    }
  if (items == NULL)
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_DATABASE,
                   "%s: the mentions of article %" G_GINT64_FORMAT " are damaged (article_mentions)",
                   rasd_store_get_path (self), article_id);
      return NULL;
    }
  if ((named = named_entities (self, items, error)) == NULL)
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      MentionItem *item = &g_array_index (items, MentionItem, i);
      const RasdStoredMention *entity = NULL;
      RasdStoredMention *mention;

      if (item->entity_id > 0 && (entity = g_hash_table_lookup (named, &item->entity_id)) == NULL)
        continue;  /* rejected, or deleted */
      mention = g_new0 (RasdStoredMention, 1);
      mention->kind = item->kind;
      mention->start = item->start;
      mention->end = item->end;
      if (entity != NULL)
        {
          mention->key = g_strdup (entity->key);
          mention->name = g_strdup (entity->name);
        }
      else
        mention->name = g_steal_pointer (&item->value);
      if (mentions->len > 0 &&
          compare_mentions (&mentions->pdata[mentions->len - 1], &mention) > 0)
        sorted = FALSE;
      g_ptr_array_add (mentions, mention);
    }
  if (!sorted)
    g_ptr_array_sort (mentions, compare_mentions);
  return g_steal_pointer (&mentions);
}

static GArray *
list_ids (RasdStore   *self,
          const char  *sql,
          const char  *text,
          gint64       id,
          const char  *doing,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!rasd_store_prepare (self, sql, &stmt, doing, error))
    return NULL;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  return rasd_store_step_ids (self, stmt, doing, error);
}

GArray *
rasd_store_list_article_events (RasdStore  *self,
                                gint64      article_id,
                                GError    **error)
{
  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_ids (self, "SELECT event_id FROM event_sources WHERE article_id = ?1 ORDER BY event_id",
                   NULL, article_id, "listing an article's events", error);
}

GArray *
rasd_store_search_event_ids (RasdStore   *self,
                             const char  *user_query,
                             GError     **error)
{
  g_autofree char *match = NULL;

  g_return_val_if_fail (RASD_IS_STORE (self), NULL);
  g_return_val_if_fail (user_query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!rasd_store_user_query (user_query, &match, error))
    return NULL;
  if (match == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  return list_ids (self,
                   "SELECT DISTINCT s.event_id FROM event_sources s"
                   " WHERE s.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1)"
                   " ORDER BY s.event_id",
                   match, 0, "searching the events' articles", error);
}
