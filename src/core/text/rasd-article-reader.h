#pragma once

#include <gio/gio.h>

#include "rasd-article.h"

G_BEGIN_DECLS

typedef enum
{
  RASD_FILE_KIND_TEXT,        /* NAME.txt, with NAME.meta.json when present */
  RASD_FILE_KIND_HTML,        /* .html, .htm */
  RASD_FILE_KIND_JSON,        /* one news-please record */
  RASD_FILE_KIND_JSONL,       /* news-please records, one per line */
  RASD_FILE_KIND_SIDECAR,     /* NAME.meta.json: read with its article */
  RASD_FILE_KIND_OTHER,       /* not an article: README, images, ... */
} RasdFileKind;

/* Chooses the reader from the file name; contents are checked by the readers. */
RasdFileKind rasd_file_kind_for_path (const char *path);

/* Articles read from one file: one for most files, several for .jsonl.  @problems holds
 * "LINE N: reason" strings for records of a .jsonl file that could not be read, and warnings
 * (repaired encoding) for the others. */
typedef struct
{
  GPtrArray *articles;  /* RasdArticle */
  GPtrArray *problems;  /* char *, messages without the path */
} RasdReadResult;

void            rasd_read_result_free      (RasdReadResult *result);

/* Largest file Rasd reads as one article (a .jsonl file may be larger: it is read a record at a
 * time, each record within this size).  News articles are kilobytes; anything this large is a
 * dump, not an article. */
#define RASD_MAX_ARTICLE_SIZE ((goffset) 32 * 1024 * 1024)

/* Reads @path as articles.  Errors: RASD_ERROR_NOT_ARTICLE for files that are not articles (the
 * caller counts them as skipped), any other error for files that are articles but cannot be
 * read.  Messages do not repeat the path; the caller prefixes it. */
RasdReadResult *rasd_article_reader_read   (const char    *path,
                                            GCancellable  *cancellable,
                                            GError       **error);

/* The same for bytes already in memory, with @path giving the name (kind, sidecar, basename). */
RasdReadResult *rasd_article_reader_read_bytes (const char    *path,
                                                const guint8  *data,
                                                gsize          length,
                                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdReadResult, rasd_read_result_free)

G_END_DECLS
