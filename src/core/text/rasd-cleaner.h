#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What the cleaner learnt while removing page chrome. */
typedef struct
{
  char  *byline;          /* author line told apart from the body, or NULL */
  char  *headline;        /* the first title-like line before the body, else the first clause
                           * of the lead (for an article that comes without a title), or NULL */
  guint  n_lines_removed; /* chrome lines dropped */
} RasdCleanInfo;

void  rasd_clean_info_clear  (RasdCleanInfo *info);

/* Removes scraped page chrome (JavaScript warnings, "read more" and related/recent-post blocks,
 * share and follow widgets, prayer-time tables, "N years ago" stamps, closed-comment notes,
 * lone Latin UI words) by general rules, keeping every sentence of the article body.
 * Paragraphs are separated by one "\n"; leading/trailing blanks are trimmed; repeated
 * consecutive paragraphs are kept once.  @info may be NULL. */
char *rasd_clean_article_text (const char    *text,
                               RasdCleanInfo *info);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RasdCleanInfo, rasd_clean_info_clear)

G_END_DECLS
