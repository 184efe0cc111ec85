#pragma once

#include <glib-object.h>

#include "rasd-article.h"
#include "rasd-extraction.h"
#include "rasd-name-tagger.h"

G_BEGIN_DECLS

#define RASD_TYPE_EXTRACTOR (rasd_extractor_get_type ())
G_DECLARE_FINAL_TYPE (RasdExtractor, rasd_extractor, RASD, EXTRACTOR, GObject)

/* Finds people, places, organisations, dates and meeting-type events in Arabic news text.
 *
 * Holds the lexicons (people, gazetteer, event triggers); immutable once made, so one extractor
 * may run in several threads at once. */

/* Loads the lexicons from @data_dir (with people/, gazetteer/ and events/ in it). */
RasdExtractor  *rasd_extractor_new_from_dir (const char      *data_dir,
                                             GError         **error);

/* The shared extractor on rasd_data_dir(), made once (thread-safe).  NULL with @error set when
 * the data files cannot be read. */
RasdExtractor  *rasd_extractor_get_default  (GError         **error);

/* Everything in @text (the cleaned article text, title on its first line).  @publication is the
 * date from metadata, or NULL / precision NONE when unknown; the text may refine it. */
RasdExtraction *rasd_extractor_extract      (RasdExtractor   *self,
                                             const char      *text,
                                             const RasdDate  *publication);

/* The same for a stored or read article: its text, and its date as the publication date. */
RasdExtraction *rasd_extractor_extract_article (RasdExtractor *self,
                                                RasdArticle   *article);

/* Only the names: person, place and organisation mentions (no dates, no events), for tagging. */
RasdExtraction *rasd_extractor_find_names   (RasdExtractor   *self,
                                             const char      *text);

/* The trained name tagger (data/ner), on the extractor's lexicons; owned by the extractor. */
RasdNameTagger *rasd_extractor_get_name_tagger (RasdExtractor *self);

G_END_DECLS
