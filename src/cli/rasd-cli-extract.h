#pragma once

#include <glib.h>

#include "rasd-extraction.h"
#include "rasd-extractor.h"

G_BEGIN_DECLS

/* The events of @extraction as JSON lines (the `extract --format jsonl` contract), appended to
 * @out; @article is the file's base name. */
void rasd_cli_append_events_jsonl (GString        *out,
                                   const char     *article,
                                   RasdExtraction *extraction);

/* `extract --format jsonl` for @paths (NULL-terminated) on @jobs workers (0: one per core):
 * prints each file's events (or with @mentions, its mentions as kind, start, end, text, entity,
 * key lines) in the order given, and each file that cannot be read as an error in its place;
 * FALSE when one could not. */
gboolean rasd_cli_extract_files (RasdExtractor      *extractor,
                                 const char * const *paths,
                                 gboolean            mentions,
                                 guint               jobs);

/* `extract --format rules` (for developers, not in --help): extracts every article of @paths
 * (NULL-terminated) and prints, for each rule of rasd-rules.h, in how many articles it fired. */
gboolean rasd_cli_extract_rules (RasdExtractor       *extractor,
                                 const char * const  *paths,
                                 GError             **error);

/* `tag --conll`: reads one token per line (first column), blank lines between sentences, and
 * prints TOKEN<TAB>TAG with BIO tags over PERS, LOC and ORG (the trained tagger's, the file
 * tagged as one document; its other names, MISC, are printed as O). */
gboolean rasd_cli_tag_conll (RasdNameTagger *tagger,
                             const char     *path,
                             GError        **error);

G_END_DECLS
