#define G_LOG_DOMAIN "rasd-importer"

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "rasd-error.h"
#include "rasd-importer-private.h"
#include "rasd-path.h"

/* Finding the files of an import, under the symlink policy.
 *
 * A folder someone else assembled (a crawl, a leak, a colleague's export) may hold links to
 * /etc/passwd, to the whole of /etc, to /proc/self/pagemap, and devices or FIFOs.  In a folder
 * being imported a link is followed only when its resolved target stays inside the folder the
 * user named (or anywhere with follow_symlinks, /proc, /sys and /dev excepted); the rest is
 * reported as not read.  A path the user named is read wherever it leads. */

/* A .jsonl file larger than this is read and stored a part at a time, so that a dump of any
 * size costs the same memory as a small one. */
#define JSONL_PART_SIZE ((goffset) 1024 * 1024)

struct _RasdImportWalk
{
  RasdImporter *importer;
  gboolean      follow_symlinks;
  GPtrArray    *entries;   /* RasdImportEntry * */
  GPtrArray    *roots;     /* char *: real paths of the folders named, which entries point to */
  GHashTable   *visited;   /* "dev:inode" of folders entered, against loops */
};

static void
entry_free (RasdImportEntry *entry)
{
  g_free (entry->path);
  g_free (entry);
}

RasdImportWalk *
rasd_import_walk_new (RasdImporter *importer,
                      gboolean      follow_symlinks)
{
  RasdImportWalk *walk = g_new0 (RasdImportWalk, 1);

  walk->importer = importer;
  walk->follow_symlinks = follow_symlinks;
  walk->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  walk->roots = g_ptr_array_new_with_free_func (g_free);
  walk->visited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return walk;
}

void
rasd_import_walk_free (RasdImportWalk *walk)
{
  if (walk == NULL)
    return;
  g_ptr_array_unref (walk->entries);
  g_ptr_array_unref (walk->roots);
  g_hash_table_unref (walk->visited);
  g_free (walk);
}

GPtrArray *
rasd_import_walk_get_entries (RasdImportWalk *walk)
{
  return walk->entries;
}

RasdReadResult *
rasd_import_entry_read (const RasdImportEntry  *entry,
                        GCancellable           *cancellable,
                        GError                **error)
{
  return rasd_article_reader_read_with (entry->path, &entry->options, cancellable, error);
}

guint
rasd_import_entries_count_files (GPtrArray *entries,
                                 guint      from)
{
  guint n = 0;

  for (guint i = from; i < entries->len; i++)
    if (((RasdImportEntry *) g_ptr_array_index (entries, i))->first_part)
      n++;
  /* Stopped inside a file read in parts: that file is not whole either. */
  if (from < entries->len && !((RasdImportEntry *) g_ptr_array_index (entries, from))->first_part)
    n++;
  return n;
}

/* Why the link at @path cannot be followed (realpath() or stat() failed with @saved_errno). */
static char *
describe_broken_link (const char *path,
                      int         saved_errno)
{
  g_autofree char *target = g_file_read_link (path, NULL);
  g_autofree char *shown = target != NULL ? rasd_path_display (target) : g_strdup ("?");

  if (saved_errno == ENOENT)
    return g_strdup_printf ("symbolic link to %s, which does not exist", shown);
  if (saved_errno == ELOOP)
    return g_strdup ("symbolic link loop (too many levels of symbolic links)");
  return g_strdup_printf ("symbolic link that cannot be followed: %s", g_strerror (saved_errno));
}

static void
note_errno (RasdImportWalk *walk,
            const char     *path,
            const char     *doing,
            int             saved_errno)
{
  g_autofree char *message = NULL;

  if (saved_errno == ENOENT)
    message = g_strdup ("no such file or folder");
  else
    message = g_strdup_printf ("cannot %s: %s", doing, g_strerror (saved_errno));
  rasd_importer_note (walk->importer, path, RASD_IMPORT_FAILED, message);
}

static void
add_file (RasdImportWalk *walk,
          const char     *path,
          const char     *root,
          goffset         size,
          GCancellable   *cancellable)
{
  RasdReadOptions options = { root, walk->follow_symlinks, { 0, 0, 0 } };
  g_autoptr(GArray) parts = NULL;

  if (rasd_file_kind_for_path (path) == RASD_FILE_KIND_JSONL && size > JSONL_PART_SIZE)
    {
      g_autoptr(GError) error = NULL;

      parts = rasd_article_reader_split_lines (path, &options, JSONL_PART_SIZE, cancellable, &error);
      if (parts == NULL)
        {
          rasd_importer_note (walk->importer, path,
                              g_error_matches (error, RASD_ERROR, RASD_ERROR_REFUSED)
                              ? RASD_IMPORT_REFUSED : RASD_IMPORT_FAILED, error->message);
          return;
        }
    }

  for (guint i = 0; i == 0 || (parts != NULL && i < parts->len); i++)
    {
      RasdImportEntry *entry = g_new0 (RasdImportEntry, 1);

      entry->path = g_strdup (path);
      entry->options = options;
      entry->size = size;
      entry->first_part = i == 0;
      if (parts != NULL)
        {
          RasdFilePart *part = &g_array_index (parts, RasdFilePart, i);

          entry->options.part = *part;
          entry->size = (part->end > 0 ? part->end : size) - part->start;
        }
      g_ptr_array_add (walk->entries, entry);
    }
}

static void walk_child (RasdImportWalk *walk, const char *path, const char *root,
                        GCancellable *cancellable);

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
walk_folder (RasdImportWalk    *walk,
             const char        *path,
             const char        *root,
             const struct stat *st,
             GCancellable      *cancellable)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  char *id;
  DIR *dir;
  struct dirent *child;

  id = g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, (guint64) st->st_dev,
                        (guint64) st->st_ino);
  if (!g_hash_table_add (walk->visited, id))
    {
      /* Reached again through a symbolic link: a loop, or a second way to the same files. */
      g_ptr_array_add (rasd_importer_get_report (walk->importer)->skipped,
                       rasd_import_report_line (path, "folder already visited (symbolic link loop?)"));
      return;
    }

  if ((dir = opendir (path)) == NULL)
    {
      note_errno (walk, path, "open the folder", errno);
      return;
    }
  for (;;)
    {
      errno = 0;
      if ((child = readdir (dir)) == NULL)
        break;
      if (strcmp (child->d_name, ".") != 0 && strcmp (child->d_name, "..") != 0)
        g_ptr_array_add (names, g_strdup (child->d_name));
    }
  if (errno != 0)
    note_errno (walk, path, "list the folder", errno);
  closedir (dir);

  /* Sorted, so imports and their reports are the same on every run. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child_path = g_build_filename (path, g_ptr_array_index (names, i), NULL);

      if (g_cancellable_is_cancelled (cancellable))
        return;
      walk_child (walk, child_path, root, cancellable);
    }
}

/* Refuses what is not a regular file or a folder; walks or adds the rest. */
static void
walk_found (RasdImportWalk    *walk,
            const char        *path,
            const char        *root,
            const struct stat *st,
            GCancellable      *cancellable)
{
  if (S_ISDIR (st->st_mode))
    walk_folder (walk, path, root, st, cancellable);
  else if (S_ISREG (st->st_mode))
    add_file (walk, path, root, st->st_size, cancellable);
  else
    {
      g_autofree char *message = g_strdup_printf ("%s: not read",
                                                  rasd_path_describe_type (st->st_mode));
      rasd_importer_note (walk->importer, path, RASD_IMPORT_REFUSED, message);
    }
}

/* Something found in a folder being imported, whose real path is @root. */
static void
walk_child (RasdImportWalk *walk,
            const char     *path,
            const char     *root,
            GCancellable   *cancellable)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    {
      note_errno (walk, path, "examine it", errno);
      return;
    }
  if (S_ISLNK (st.st_mode))
    {
      g_autofree char *real = rasd_path_resolve (path);
      g_autofree char *shown = NULL;
      g_autofree char *message = NULL;
      const char *system;

      if (real == NULL || stat (path, &st) != 0)
        {
          g_autofree char *why = describe_broken_link (path, errno);
          rasd_importer_note (walk->importer, path, RASD_IMPORT_FAILED, why);
          return;
        }
      shown = rasd_path_display (real);
      if ((system = rasd_path_system_folder (real)) != NULL)
        message = g_strdup_printf ("symbolic link to %s, in %s: not read", shown, system);
      else if (!walk->follow_symlinks && !rasd_path_is_inside (real, root))
        {
          message = g_strdup_printf ("symbolic link to %s, outside the folder being imported: "
                                     "not followed", shown);
          rasd_importer_get_report (walk->importer)->n_links_out++;
        }
      if (message != NULL)
        {
          rasd_importer_note (walk->importer, path, RASD_IMPORT_REFUSED, message);
          return;
        }
    }
  else if (S_ISDIR (st.st_mode))
    {
      /* A folder named "/" (or holding a mount of /proc) reaches the kernel's folders without
       * any link. */
      g_autofree char *real = rasd_path_resolve (path);
      const char *system = real != NULL ? rasd_path_system_folder (real) : NULL;

      if (system != NULL)
        {
          g_autofree char *message = g_strdup_printf ("a folder of the system (%s): not read", system);
          rasd_importer_note (walk->importer, path, RASD_IMPORT_REFUSED, message);
          return;
        }
    }
  walk_found (walk, path, root, &st, cancellable);
}

void
rasd_import_walk_add (RasdImportWalk *walk,
                      const char     *path,
                      GCancellable   *cancellable)
{
  g_autofree char *real = NULL;
  const char *system;
  struct stat st;

  /* Named by the user: followed wherever it leads. */
  if (stat (path, &st) != 0)
    {
      int saved_errno = errno;
      struct stat lst;

      if (lstat (path, &lst) == 0 && S_ISLNK (lst.st_mode))
        {
          g_autofree char *why = describe_broken_link (path, saved_errno);
          rasd_importer_note (walk->importer, path, RASD_IMPORT_FAILED, why);
        }
      else
        note_errno (walk, path, "examine it", saved_errno);
      return;
    }
  if (!S_ISDIR (st.st_mode))
    {
      walk_found (walk, path, NULL, &st, cancellable);
      return;
    }

  /* A folder: the root its links must stay in.  The kernel's folders hold no articles, and
   * their files can be endless or block. */
  if ((real = rasd_path_resolve (path)) == NULL)
    {
      note_errno (walk, path, "examine it", errno);
      return;
    }
  if ((system = rasd_path_system_folder (real)) != NULL)
    {
      g_autofree char *message = g_strdup_printf ("a folder of the system (%s): not read", system);
      rasd_importer_note (walk->importer, path, RASD_IMPORT_REFUSED, message);
      return;
    }
  g_ptr_array_add (walk->roots, g_steal_pointer (&real));
  walk_folder (walk, path, g_ptr_array_index (walk->roots, walk->roots->len - 1), &st, cancellable);
}
