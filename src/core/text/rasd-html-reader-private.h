#pragma once

/* What rasd-html-reader.c shares with rasd-html-json-ld.c, which reads the page's JSON-LD
 * metadata.  Only those two include this. */

#include <glib.h>

G_BEGIN_DECLS

/* JSON-LD blocks are small; these bound the work a hostile page can ask for. */
#define MAX_JSON_LD_SCRIPTS 16
#define MAX_JSON_LD_DEPTH   64
#define MAX_JSON_LD_OBJECTS 4096

typedef enum
{
  DATE_RANK_PUBLISHED_TIME,
  DATE_RANK_OG_PUBLISHED_TIME,
  DATE_RANK_ITEMPROP,
  DATE_RANK_NAMED_META,
  DATE_RANK_JSON_LD,
  DATE_RANK_TIME_IN_ARTICLE,
  DATE_RANK_TIME,
  DATE_RANK_NONE,
} DateRank;

typedef struct
{
  char      *og_title;
  char      *twitter_title;
  char      *itemprop_headline;
  char      *title_tag;
  char      *h1_first;
  char      *h1_article;

  char      *date;
  DateRank   date_rank;

  char      *canonical;
  char      *og_url;
  char      *site_name;
  char      *lang;
  char      *locale;

  GPtrArray *authors;       /* char * */
  GPtrArray *json_ld;       /* char *: script contents */

  /* From JSON-LD */
  char      *ld_headline;
  char      *ld_url;
  char      *ld_publisher;
  char      *ld_site_name;
} PageMeta;

/* @text with white space collapsed and trimmed; NULL when nothing is left. */
char *rasd_html_collapse_text  (const char  *text);
/* Sets *@field to the collapsed @value unless it is already set. */
void  rasd_html_set_first      (char       **field,
                                const char  *value);
/* Keeps @value (normalised) as the page's date when @rank is better (lower) than the date's
 * so far. */
void  rasd_html_offer_date     (PageMeta    *meta,
                                const char  *value,
                                DateRank     rank);
void  rasd_html_add_author     (GPtrArray   *authors,
                                const char  *name);
/* Fills @meta's ld_* fields, date and authors from the scripts in @meta->json_ld. */
void  rasd_html_read_json_ld   (PageMeta    *meta);

G_END_DECLS
