#define G_LOG_DOMAIN "rasd-title-groups"

#include "config.h"

#include <string.h>

#include "rasd-title-groups.h"

struct _RasdTitleGroups
{
  GHashTable *lists;  /* key → GPtrArray of RasdTitleGroup* (owned) */
};

RasdTitleGroups *
rasd_title_groups_new (void)
{
  RasdTitleGroups *self = g_new0 (RasdTitleGroups, 1);

  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
rasd_title_groups_free (RasdTitleGroups *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->lists);
  g_free (self);
}

void
rasd_title_groups_add (RasdTitleGroups *self,
                       const char      *key,
                       const char      *title,
                       guint            count,
                       gpointer         person)
{
  GPtrArray *list = g_hash_table_lookup (self->lists, key);
  RasdTitleGroup *group = NULL;

  if (list == NULL)
    g_hash_table_insert (self->lists, g_strdup (key), list = g_ptr_array_new_with_free_func (g_free));
  /* a key has a few titles: the list is short */
  for (guint i = 0; i < list->len && group == NULL; i++)
    if (g_strcmp0 (((RasdTitleGroup *) g_ptr_array_index (list, i))->title, title) == 0)
      group = g_ptr_array_index (list, i);
  if (group == NULL)
    {
      group = g_new0 (RasdTitleGroup, 1);
      group->title = title;
      g_ptr_array_add (list, group);
    }
  if (group->best == NULL || count > group->max_count)
    {
      group->max_count = count;
      group->n_max = 1;
      group->best = person;
    }
  else if (count == group->max_count)
    group->n_max++;
}

GPtrArray *
rasd_title_groups_lookup (RasdTitleGroups *self,
                          const char      *key)
{
  return g_hash_table_lookup (self->lists, key);
}

/* Head words of titles that name one office: an envoy (موفد، مبعوث), a monarch (عاهل، ملك,
 * and خادم of the Saudi king's خادم الحرمين الشريفين). */
static const char *const synonym_heads[][2] = {
  { "موفد", "مبعوث" },
  { "عاهل", "ملك" },
  { "خادم", "ملك" },
};

const char *
rasd_title_head (const char *title,
                 gsize      *len)
{
  if (g_str_has_prefix (title, "ال"))
    title += strlen ("ال");
  *len = strcspn (title, " ");
  for (guint k = 0; k < G_N_ELEMENTS (synonym_heads); k++)
    if (*len == strlen (synonym_heads[k][0]) && strncmp (title, synonym_heads[k][0], *len) == 0)
      {
        *len = strlen (synonym_heads[k][1]);
        return synonym_heads[k][1];
      }
  return title;
}

char *
rasd_title_role_key (const char *title,
                     const char *country)
{
  gsize len;
  const char *head = rasd_title_head (title, &len);

  return g_strdup_printf ("%s\x1f%.*s", country, (int) len, head);
}

void
rasd_title_count_role (GHashTable *counts,
                       const char *title,
                       const char *country,
                       int         delta)
{
  g_autofree char *key = NULL;
  guint n;

  if (title == NULL || country == NULL)
    return;
  key = rasd_title_role_key (title, country);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + delta;
  if (n == 0)
    g_hash_table_remove (counts, key);
  else
    g_hash_table_replace (counts, g_steal_pointer (&key), GUINT_TO_POINTER (n));
}
