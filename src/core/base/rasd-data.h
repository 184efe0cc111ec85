#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder holding Rasd's lexicons and gazetteers (gazetteer/, people/, ...):
 * $RASD_DATADIR when set, else the installed data folder when it holds them, else the source
 * tree's data/ (running from a build directory). */
const char *rasd_data_dir  (void);

/* rasd_data_dir()/@relative */
char       *rasd_data_path (const char *relative);

/* The lines of the UTF-8 text file at @path (without line ends); errors name the file. */
GStrv       rasd_data_read_lines (const char  *path,
                                  GError     **error);

const char  *rasd_locale_dir            (void);

G_END_DECLS
