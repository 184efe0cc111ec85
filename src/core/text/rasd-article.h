#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RASD_TYPE_ARTICLE (rasd_article_get_type ())

G_DECLARE_FINAL_TYPE (RasdArticle, rasd_article, RASD, ARTICLE, GObject)

/* One article: its cleaned text and the metadata Rasd knows about it.
 * Dates are ISO 8601 strings ("2015-07-21" or "2015-07-21T10:00:00"), NULL when unknown;
 * authors are joined with "; ". */
RasdArticle *rasd_article_new            (void);

gint64       rasd_article_get_id          (RasdArticle *self);
void         rasd_article_set_id          (RasdArticle *self,
                                           gint64       id);
const char  *rasd_article_get_title       (RasdArticle *self);
void         rasd_article_set_title       (RasdArticle *self,
                                           const char  *title);
const char  *rasd_article_get_source      (RasdArticle *self);
void         rasd_article_set_source      (RasdArticle *self,
                                           const char  *source);
const char  *rasd_article_get_url         (RasdArticle *self);
void         rasd_article_set_url         (RasdArticle *self,
                                           const char  *url);
const char  *rasd_article_get_date        (RasdArticle *self);
void         rasd_article_set_date        (RasdArticle *self,
                                           const char  *date);
const char  *rasd_article_get_authors     (RasdArticle *self);
void         rasd_article_set_authors     (RasdArticle *self,
                                           const char  *authors);
const char  *rasd_article_get_language    (RasdArticle *self);
void         rasd_article_set_language    (RasdArticle *self,
                                           const char  *language);
const char  *rasd_article_get_text        (RasdArticle *self);
void         rasd_article_set_text        (RasdArticle *self,
                                           const char  *text);
void         rasd_article_take_text       (RasdArticle *self,
                                           char        *text);
const char  *rasd_article_get_path        (RasdArticle *self);
void         rasd_article_set_path        (RasdArticle *self,
                                           const char  *path);
gint64       rasd_article_get_imported_at (RasdArticle *self);
void         rasd_article_set_imported_at (RasdArticle *self,
                                           gint64       unix_time);

/* Hex SHA-256 of the cleaned text, normalised for whitespace: the identity used to store an
 * article once however often it is imported.  Computed once and kept until the text changes
 * (an import computes it on its extraction workers, the writer reads it). */
char        *rasd_article_compute_hash    (RasdArticle *self);

G_END_DECLS
