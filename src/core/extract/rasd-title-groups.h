#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The persons an article names, grouped by a key (a country, a title's head word) and within
 * it by title, with the most often named of each group: rasd-ner resolves a role ("الوزير")
 * by comparing it with each title once rather than with every person, so an article naming
 * thousands of people (a transcript, a book) costs time in proportion to its length. */
typedef struct
{
  const char *title;      /* NULL for the persons named without one */
  guint       max_count;  /* how often the most named of the group is named */
  guint       n_max;      /* how many are named that often */
  gpointer    best;       /* the first of them */
} RasdTitleGroup;

typedef struct _RasdTitleGroups RasdTitleGroups;

RasdTitleGroups *rasd_title_groups_new    (void);
void             rasd_title_groups_free   (RasdTitleGroups *self);
/* Adds @person, named @count times with @title, to the groups of @key. */
void             rasd_title_groups_add    (RasdTitleGroups *self,
                                           const char      *key,
                                           const char      *title,
                                           guint            count,
                                           gpointer         person);
/* RasdTitleGroup* of @key, or NULL. */
GPtrArray       *rasd_title_groups_lookup (RasdTitleGroups *self,
                                           const char      *key);

/* The head word of normalised @title, ال aside and one word for the heads of one office (موفد
 * is مبعوث, عاهل ملك); its length in @len.  Not NUL-terminated at the head's end. */
const char      *rasd_title_head          (const char      *title,
                                           gsize           *len);
/* @country and the head word of @title, ال aside (المبعوث الخاص → مبعوث): the key of a role. */
char            *rasd_title_role_key      (const char      *title,
                                           const char      *country);
/* Adds @delta to the count of (@title, @country) in @counts (char * → count), when both are
 * given; a count that falls to 0 is removed. */
void             rasd_title_count_role    (GHashTable      *counts,
                                           const char      *title,
                                           const char      *country,
                                           int              delta);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdTitleGroups, rasd_title_groups_free)

G_END_DECLS
