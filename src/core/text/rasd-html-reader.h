#pragma once

#include <glib.h>

#include "rasd-article.h"

G_BEGIN_DECLS

/* Reads a saved web page with libxml2's HTML parser (no network, no external entities):
 * title, publication date, URL, site name, authors and language from the usual meta tags
 * (og:*, article:published_time, JSON-LD NewsArticle...) and the body text without navigation,
 * scripts, styles, comments, forms, share widgets or related-article lists.  The body goes
 * through rasd_clean_article_text().  @path is used only in error messages. */
RasdArticle *rasd_html_read_article (const char  *data,
                                     gsize        length,
                                     const char  *path,
                                     GError     **error);

G_END_DECLS
