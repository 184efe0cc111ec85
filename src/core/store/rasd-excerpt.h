#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RASD_TYPE_EXCERPT (rasd_excerpt_get_type ())

G_DECLARE_FINAL_TYPE (RasdExcerpt, rasd_excerpt, RASD, EXCERPT, GObject)

/* One excerpt of the basket: a character range of a stored article with its exact text, the
 * event it was taken from (if any), the user's note, and everything a citation needs.
 *
 * The citation fields are copied when the excerpt is read from the store: article title, source,
 * publication date and URL (from the article, which an excerpt cannot outlive), and the event's
 * kind, who, where and when, kept with the excerpt so that a re-extraction that replaces the
 * event does not lose them (see rasd_store_add_excerpt).
 *
 * Properties, all readable (for list item bindings): "id", "article-id", "event-id" (0: none),
 * "start", "end" (characters, end exclusive), "text", "note" (writable; NULL: none), "position",
 * "title", "source", "date", "url", "event-kind", "event-who", "event-where", "event-when",
 * "citation" (one line: title, source, date), "event-summary" (one line: who, where, when; NULL
 * without an event). */

RasdExcerpt *rasd_excerpt_new               (void);
RasdExcerpt *rasd_excerpt_copy              (RasdExcerpt *self);

gint64       rasd_excerpt_get_id            (RasdExcerpt *self);
void         rasd_excerpt_set_id            (RasdExcerpt *self,
                                             gint64       id);
gint64       rasd_excerpt_get_article_id    (RasdExcerpt *self);
void         rasd_excerpt_set_article_id    (RasdExcerpt *self,
                                             gint64       article_id);
gint64       rasd_excerpt_get_event_id      (RasdExcerpt *self);
void         rasd_excerpt_set_event_id      (RasdExcerpt *self,
                                             gint64       event_id);
gint64       rasd_excerpt_get_start         (RasdExcerpt *self);
gint64       rasd_excerpt_get_end           (RasdExcerpt *self);
void         rasd_excerpt_set_range         (RasdExcerpt *self,
                                             gint64       start,
                                             gint64       end);
const char  *rasd_excerpt_get_text          (RasdExcerpt *self);
void         rasd_excerpt_set_text          (RasdExcerpt *self,
                                             const char  *text);
const char  *rasd_excerpt_get_note          (RasdExcerpt *self);
void         rasd_excerpt_set_note          (RasdExcerpt *self,
                                             const char  *note);
double       rasd_excerpt_get_position      (RasdExcerpt *self);
void         rasd_excerpt_set_position      (RasdExcerpt *self,
                                             double       position);
gint64       rasd_excerpt_get_created_at    (RasdExcerpt *self);
void         rasd_excerpt_set_created_at    (RasdExcerpt *self,
                                             gint64       created_at);

const char  *rasd_excerpt_get_title         (RasdExcerpt *self);
const char  *rasd_excerpt_get_source        (RasdExcerpt *self);
const char  *rasd_excerpt_get_date          (RasdExcerpt *self);
const char  *rasd_excerpt_get_url           (RasdExcerpt *self);
void         rasd_excerpt_set_article_citation (RasdExcerpt *self,
                                                const char  *title,
                                                const char  *source,
                                                const char  *date,
                                                const char  *url);

const char  *rasd_excerpt_get_event_kind    (RasdExcerpt *self);
const char  *rasd_excerpt_get_event_who     (RasdExcerpt *self);
const char  *rasd_excerpt_get_event_where   (RasdExcerpt *self);
const char  *rasd_excerpt_get_event_when    (RasdExcerpt *self);
void         rasd_excerpt_set_event_citation (RasdExcerpt *self,
                                              const char  *kind,
                                              const char  *who,
                                              const char  *where,
                                              const char  *when);
/* TRUE when the excerpt has an event citation (even if the event itself is gone). */
gboolean     rasd_excerpt_has_event         (RasdExcerpt *self);

/* "Title — source, date" in the UI language, the date in its words and digits; each field
 * isolated (U+2068 … U+2069), so that they read in order in a line of either direction; never
 * NULL. */
char        *rasd_excerpt_dup_citation      (RasdExcerpt *self);
/* "Kind: who — where — when" (each isolated, the date ISO, for exports); NULL without an
 * event. */
char        *rasd_excerpt_dup_event_summary (RasdExcerpt *self);
/* The same for the interface: the date in its words and digits. */
char        *rasd_excerpt_dup_event_line    (RasdExcerpt *self);

G_END_DECLS
