#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "rasd-article.h"

G_BEGIN_DECLS

/* news-please's field names: title, maintext, date_publish, url, source_domain, authors,
 * language (others are ignored).  Wrong types give a RASD_ERROR_PARSE naming the field. */

/* Fills @article's metadata from a NAME.meta.json sidecar object (no maintext needed). */
gboolean     rasd_news_please_apply_metadata (RasdArticle  *article,
                                              JsonObject   *object,
                                              GError      **error);

/* A whole news-please record: @object must have a non-empty string "maintext", which is
 * cleaned; else RASD_ERROR_NOT_ARTICLE. */
RasdArticle *rasd_news_please_read_record    (JsonObject   *object,
                                              GError      **error);

/* Parses a sidecar file's bytes and applies it to @article. */
gboolean     rasd_news_please_read_sidecar   (RasdArticle  *article,
                                              const char   *data,
                                              gsize         length,
                                              GError      **error);

/* news-please dates ("2015-07-21 00:00:00", ISO 8601 with or without zone) to ISO 8601:
 * "2015-07-21" when the time is midnight or absent, else "2015-07-21T10:05:00"; NULL when the
 * string is not a date. */
char        *rasd_news_please_normalize_date (const char   *date);

/* A .json file: one news-please record or an array of them.  All or nothing: a record that is
 * not an article fails the file, naming the record.  Returns RasdArticle objects. */
GPtrArray   *rasd_news_please_read_json        (const char   *data,
                                                gsize         length,
                                                GError      **error);

/* One line of a .jsonl file.  A blank line gives TRUE with *@out NULL. */
gboolean     rasd_news_please_read_jsonl_line  (const char   *line,
                                                gsize         length,
                                                RasdArticle **out,
                                                GError      **error);

/* The host of @url in lower case, without "www." and port; NULL when there is none. */
char        *rasd_news_please_host_from_url    (const char   *url);

/* Fails with RASD_ERROR_PARSE when '[' and '{' (outside strings) nest deeper than @max_depth:
 * json-glib's parser recurses once per level. */
gboolean     rasd_news_please_check_json_depth (const char   *data,
                                                gsize         length,
                                                guint         max_depth,
                                                GError      **error);

G_END_DECLS
