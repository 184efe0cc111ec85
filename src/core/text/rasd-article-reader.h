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

/* TRUE when @sidecar_path (NAME.meta.json) is read with an article beside it (NAME.txt). */
gboolean     rasd_sidecar_has_article (const char *sidecar_path);

/* Articles read from one file: one for most files, several for .jsonl.  @problems holds
 * "LINE N: reason" strings for records of a .jsonl file that could not be read, and warnings
 * (repaired encoding) for the others. */
typedef struct
{
  GPtrArray *articles;  /* RasdArticle */
  GPtrArray *problems;  /* char *, messages without the path */
  guint      n_with_metadata;  /* articles whose metadata came from a NAME.meta.json sidecar */
} RasdReadResult;

void            rasd_read_result_free      (RasdReadResult *result);

/* Largest file Rasd reads as one article, and largest record of a .jsonl file (which is read a
 * line at a time, so the file itself may be larger).  News articles are kilobytes; anything
 * this large is a dump, not an article.  Every read stops here whatever stat() says (a file of
 * /proc says 0 bytes and never ends). */
#define RASD_MAX_ARTICLE_SIZE ((goffset) 32 * 1024 * 1024)

/* Largest NAME.meta.json sidecar: metadata is a few kilobytes, a whole news-please record with
 * its text a few hundred. */
#define RASD_MAX_SIDECAR_SIZE ((goffset) 1024 * 1024)

/* A run of whole lines of a .jsonl file: those beginning at a byte in [start, end). */
typedef struct
{
  goffset start;
  goffset end;         /* <= 0: to the end of the file */
  guint   first_line;  /* the number of the line at @start (0 counts as 1) */
} RasdFilePart;

/* How a file found in a folder is read.  All zero: any file, whole (a file the user named). */
typedef struct
{
  /* The real path of the folder being imported.  When set, the file and its sidecar are read
   * only when their real path is inside it (unless @follow_links_out) and never from /proc,
   * /sys or /dev; otherwise RASD_ERROR_REFUSED. */
  const char   *root;
  gboolean      follow_links_out;
  RasdFilePart  part;  /* .jsonl only */
} RasdReadOptions;

/* Reads @path as articles.  Errors: RASD_ERROR_NOT_ARTICLE for files that are not articles (the
 * caller counts them as skipped), RASD_ERROR_REFUSED for files the options keep out,
 * RASD_ERROR_TOO_LARGE over the limits above, any other error for files that are articles but
 * cannot be read.  Only regular files are read (opened without blocking, so a FIFO never hangs
 * the reader).  Messages do not repeat the path; the caller prefixes it.  Articles carry the
 * stored form of @path (rasd_path_to_stored()). */
RasdReadResult *rasd_article_reader_read   (const char    *path,
                                            GCancellable  *cancellable,
                                            GError       **error);
RasdReadResult *rasd_article_reader_read_with (const char             *path,
                                               const RasdReadOptions  *options,
                                               GCancellable           *cancellable,
                                               GError                **error);

/* Cuts a .jsonl file into parts of about @part_size bytes at line starts, so that a large
 * file can be read (and stored) a part at a time in constant memory.  Reads the file once,
 * a buffer at a time.  At least one part. */
GArray         *rasd_article_reader_split_lines (const char             *path,
                                                 const RasdReadOptions  *options,
                                                 goffset                 part_size,
                                                 GCancellable           *cancellable,
                                                 GError                **error);

/* The same for bytes already in memory, with @path giving the name (kind, sidecar, basename). */
RasdReadResult *rasd_article_reader_read_bytes (const char    *path,
                                                const guint8  *data,
                                                gsize          length,
                                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdReadResult, rasd_read_result_free)

G_END_DECLS
