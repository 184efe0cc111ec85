#pragma once

#include <glib.h>

#include "rasd-store.h"

G_BEGIN_DECLS

/* Whether @word is one of events' actions: edit, reject, merge, split, review. */
gboolean rasd_cli_is_events_correction (const char  *word);
/* events ACTION ID ... (argv[0] is the action) on @store, opened for writing. */
int      rasd_cli_events_correct       (RasdStore   *store,
                                        int          argc,
                                        char       **argv);
/* entities [list|reject|alias|rename] and corrections [list|export|import] (argv[0] is the
 * command). */
int      rasd_cli_entities             (const char  *db_path,
                                        int          argc,
                                        char       **argv);
int      rasd_cli_corrections          (const char  *db_path,
                                        int          argc,
                                        char       **argv);

G_END_DECLS
