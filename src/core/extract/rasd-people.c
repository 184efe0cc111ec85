#define G_LOG_DOMAIN "rasd-people"

#include "config.h"

#include "rasd-data.h"
#include "rasd-people.h"

#include <string.h>

#include "rasd-arabic.h"
#include "rasd-error.h"
#include "rasd-hash.h"

/* The people lexicon: people.tsv (hand-written world figures, then names derived from the
 * UniversalPetrarch actor dictionary), titles.tsv and first-names.txt.
 *
 * Every name, alias and short form is indexed by its rasd_arabic_normalize() form with spaces
 * collapsed; "عبد X" and "ابو X" are also indexed without the space (عبدالله) and the joined forms
 * with it, since news writes both.  A hand-written entry wins over a derived one for the same
 * name.  After loading nothing is written, so lookups need no lock. */

struct _RasdPeople
{
  GStringChunk *strings;
  GPtrArray    *people;       /* RasdPerson*, owned */
  GHashTable   *by_key;       /* key → RasdPerson* */
  GHashTable   *by_name;      /* normalised name → RasdPerson* */
  GHashTable   *by_variant;   /* rasd_people_variant() of names of 2+ words → RasdPerson* */
  GHashTable   *variant_first; /* first word of such a variant → most words of one it begins */
  GHashTable   *by_skeleton;  /* vowel_skeleton() of such variants → RasdPerson*, or &ambiguous */
  GHashTable   *short_forms;  /* normalised short form → RasdPerson* (also in by_name) */
  GHashTable   *first_names;  /* normalised word set */
  GHashTable   *first_names_regional;  /* more, which the name tagger's features do not see */
  GHashTable   *titles;       /* normalised title → RasdTitle* */
  GPtrArray    *title_list;   /* RasdTitle*, owned */
  RasdTitle     open_minister;
  RasdTitle     open_head;
  guint         max_words;
  GHashTable   *first_words;  /* first word of a name → most words of a name it begins */
  guint         max_title_words;
  GHashTable   *title_first;  /* first word of a title → most words of a title it begins */
};

/* Marks a skeleton two people share: neither is found by it. */
static RasdPerson ambiguous;

static const char *
intern (RasdPeople *self,
        const char *s)
{
  return s != NULL ? g_string_chunk_insert_const (self->strings, s) : NULL;
}

/* Normalises @text and collapses whitespace and hyphens/underscores to single spaces. */
static char *
normalize_phrase (const char *text)
{
  g_autofree char *norm = rasd_arabic_normalize (text, -1);
  g_auto(GStrv) parts = g_strsplit_set (norm, " \t_", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, parts[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* "عبد الله" ↔ "عبدالله", "ابو مازن" ↔ "ابومازن": the other spelling, or NULL. */
static char *
compound_variant (const char *norm)
{
  static const char * const prefixes[] = { "عبد", "ابو", "ابي", NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) words = g_strsplit (norm, " ", -1);
  gboolean changed = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      gboolean joined = FALSE;

      for (guint p = 0; prefixes[p] != NULL; p++)
        {
          gsize len = strlen (prefixes[p]);

          if (strcmp (w, prefixes[p]) == 0 && words[i + 1] != NULL)
            {
              /* Space form → joined form. */
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append (out, w);
              g_string_append (out, words[++i]);
              changed = joined = TRUE;
              break;
            }
          if (g_str_has_prefix (w, prefixes[p]) && strlen (w) > len + 2
              && g_str_has_prefix (w + len, "ال"))
            {
              /* Joined form → space form (عبدالله, عبدالرحمن). */
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append_len (out, w, len);
              g_string_append_c (out, ' ');
              g_string_append (out, w + len);
              changed = joined = TRUE;
              break;
            }
        }
      if (joined)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, w);
    }
  if (!changed)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
index_one (RasdPeople *self,
           GHashTable *table,
           const char *norm,
           RasdPerson *person,
           gboolean    replace)
{
  guint n;

  if (norm[0] == '\0')
    return;
  if (!replace && g_hash_table_contains (table, norm))
    return;
  g_hash_table_insert (table, (gpointer) intern (self, norm), person);
  if (table == self->by_name)
    {
      n = rasd_phrase_index_first_word (self->first_words, self->strings, norm);
      if (n > self->max_words)
        self->max_words = n;
    }
}

/* A variant's words without the long vowels ا و ي after their first letter: how a
 * transliterated name written with more or fewer of them (ميركل، ميريكل; مستورا، ميستورا)
 * compares equal.  NULL when fewer than 7 letters remain, too few to tell two names apart. */
char *
rasd_people_vowel_skeleton (const char *variant)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (variant));
  gboolean word_start = TRUE;
  guint n_letters = 0;

  for (const char *p = variant; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        {
          g_string_append_c (out, ' ');
          word_start = TRUE;
          continue;
        }
      if (!word_start && (c == 0x0627 || c == 0x0648 || c == 0x064A))
        continue;
      g_string_append_unichar (out, c);
      word_start = FALSE;
      n_letters++;
    }
  return n_letters >= 7 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
index_name (RasdPeople *self,
            GHashTable *table,
            const char *text,
            RasdPerson *person,
            gboolean    replace)
{
  g_autofree char *norm = normalize_phrase (text);
  g_autofree char *variant = compound_variant (norm);

  index_one (self, table, norm, person, replace);
  if (variant != NULL)
    index_one (self, table, variant, person, replace);
  if (table == self->by_name && strchr (norm, ' ') != NULL)
    {
      g_autofree char *spelling = rasd_people_variant (norm);

      g_autofree char *skeleton = rasd_people_vowel_skeleton (spelling);
      RasdPerson *had;

      if (!g_hash_table_contains (self->by_variant, spelling))
        {
          g_hash_table_insert (self->by_variant, (gpointer) intern (self, spelling), person);
          rasd_phrase_index_first_word (self->variant_first, self->strings, spelling);
        }
      if (skeleton != NULL)
        {
          had = g_hash_table_lookup (self->by_skeleton, skeleton);
          if (had == NULL)
            g_hash_table_insert (self->by_skeleton, (gpointer) intern (self, skeleton), person);
          else if (had != person && g_strcmp0 (had->key, person->key) != 0)
            g_hash_table_insert (self->by_skeleton, (gpointer) intern (self, skeleton), &ambiguous);
        }
    }
}

void
rasd_people_variant_append (GString    *out,
                            const char *word)
{
  gsize start;

  if (*word == '\0')
    return;
  if (out->len > 0)
    g_string_append_c (out, ' ');
  /* عبدالله → عبد الله */
  if (strncmp (word, "عبدال", strlen ("عبدال")) == 0 && strlen (word) > strlen ("عبدال") + 2)
    {
      g_string_append (out, "عبد ");
      word += strlen ("عبد");
    }
  if (strcmp (word, "ابن") == 0)
    word = "بن";
  /* the article: الحسين is حسين (آل alone, and short words, stay) */
  if (strncmp (word, "ال", strlen ("ال")) == 0 && strlen (word) >= strlen ("ال") + 4)
    word += strlen ("ال");
  start = out->len;
  g_string_append (out, word);
  /* غ (D8 BA) as ج (D8 AC): the same g of a transliterated name */
  for (gsize k = start; k + 1 < out->len; k++)
    if ((guchar) out->str[k] == 0xD8 && (guchar) out->str[k + 1] == 0xBA)
      out->str[++k] = (char) 0xAC;
}

char *
rasd_people_variant (const char *normalized_phrase)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (normalized_phrase != NULL, NULL);

  out = g_string_sized_new (strlen (normalized_phrase) + 8);
  for (p = normalized_phrase; *p != '\0';)
    {
      gsize len = strcspn (p, " ");
      char word[256];

      if (len > 0 && len < sizeof word)
        {
          memcpy (word, p, len);
          word[len] = '\0';
          rasd_people_variant_append (out, word);
        }
      p += len;
      while (*p == ' ')
        p++;
    }
  return g_string_free (out, FALSE);
}

static gboolean
read_lines (const char  *data_dir,
            const char  *name,
            GStrv       *out_lines,
            GError     **error)
{
  g_autofree char *path = g_build_filename (data_dir, name, NULL);

  *out_lines = rasd_data_read_lines (path, error);
  return *out_lines != NULL;
}

static gboolean
load_people (RasdPeople  *self,
             const char  *data_dir,
             GError     **error)
{
  g_auto(GStrv) lines = NULL;
  gboolean derived = FALSE;

  if (!read_lines (data_dir, "people.tsv", &lines, error))
    return FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      g_auto(GStrv) cols = NULL;
      RasdPerson *person;
      guint n_cols;

      if (g_str_has_prefix (line, "# --- derived"))
        derived = TRUE;
      if (line[0] == '\0' || line[0] == '#')
        continue;
      cols = g_strsplit (line, "\t", -1);
      n_cols = g_strv_length (cols);
      if (n_cols < 2 || cols[0][0] == '\0' || cols[1][0] == '\0')
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                       "%s/people.tsv:%u: expected at least a key and an Arabic name",
                       data_dir, i + 1);
          return FALSE;
        }
      /* A second row with a known key adds names to that person: the derivation writes
       * spelling variants of hand-written people that way (بنجامين نتنياهو). */
      person = g_hash_table_lookup (self->by_key, cols[0]);
      if (person != NULL)
        {
          index_name (self, self->by_name, cols[1], person, FALSE);
          continue;
        }

      person = g_new0 (RasdPerson, 1);
      person->key = intern (self, cols[0]);
      person->name_ar = intern (self, cols[1]);
      person->name_en = n_cols > 3 && cols[3][0] != '\0' ? intern (self, cols[3]) : NULL;
      person->country = n_cols > 4 && cols[4][0] != '\0' ? intern (self, cols[4]) : NULL;
      g_ptr_array_add (self->people, person);
      g_hash_table_insert (self->by_key, (gpointer) person->key, person);

      /* Hand-written entries come first, so "first wins" gives them priority. */
      index_name (self, self->by_name, cols[1], person, FALSE);
      if (n_cols > 2)
        {
          g_auto(GStrv) aliases = g_strsplit (cols[2], "|", -1);

          for (guint a = 0; aliases[a] != NULL; a++)
            {
              const char *text = g_strstrip (aliases[a]);

              index_name (self, self->by_name, text, person, FALSE);
              /* A one-word alias (اردوغان، نصرالله) is a short form too. */
              if (text[0] != '\0' && strchr (text, ' ') == NULL)
                index_name (self, self->short_forms, text, person, FALSE);
            }
        }
      if (n_cols > 5 && !derived)
        {
          g_auto(GStrv) shorts = g_strsplit (cols[5], "|", -1);

          for (guint s = 0; shorts[s] != NULL; s++)
            {
              const char *text = g_strstrip (shorts[s]);

              if (text[0] == '\0')
                continue;
              index_name (self, self->short_forms, text, person, FALSE);
              index_name (self, self->by_name, text, person, FALSE);
            }
        }
    }
  return TRUE;
}

/* Reads @file's first names into @set. */
static gboolean
load_first_names (RasdPeople  *self,
                  const char  *data_dir,
                  const char  *file,
                  GHashTable  *set,
                  GError     **error)
{
  g_auto(GStrv) lines = NULL;

  if (!read_lines (data_dir, file, &lines, error))
    return FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);
      g_autofree char *norm = NULL;
      g_autofree char *variant = NULL;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      norm = normalize_phrase (line);
      g_hash_table_add (set, (gpointer) intern (self, norm));
      /* عبدالله is also the two words عبد الله; the lookup is for one word, so keep only the
       * joined form and the word عبد itself. */
      variant = compound_variant (norm);
      if (variant != NULL && strchr (variant, ' ') == NULL)
        g_hash_table_add (set, (gpointer) intern (self, variant));
    }
  g_hash_table_add (set, (gpointer) intern (self, "عبد"));
  return TRUE;
}

static gboolean
parse_title_type (const char    *text,
                  RasdTitleType *out)
{
  if (g_strcmp0 (text, "honorific") == 0)
    *out = RASD_TITLE_HONORIFIC;
  else if (g_strcmp0 (text, "title") == 0)
    *out = RASD_TITLE_TITLE;
  else if (g_strcmp0 (text, "role") == 0)
    *out = RASD_TITLE_ROLE;
  else if (g_strcmp0 (text, "reference") == 0)
    *out = RASD_TITLE_REFERENCE;
  else if (g_strcmp0 (text, "rank") == 0)
    *out = RASD_TITLE_RANK;
  else
    return FALSE;
  return TRUE;
}

static gboolean
load_titles (RasdPeople  *self,
             const char  *data_dir,
             GError     **error)
{
  g_auto(GStrv) lines = NULL;

  if (!read_lines (data_dir, "titles.tsv", &lines, error))
    return FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      g_auto(GStrv) cols = NULL;
      g_autofree char *norm = NULL;
      RasdTitle *title;
      RasdTitleType type;
      guint n;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      cols = g_strsplit (line, "\t", -1);
      if (g_strv_length (cols) < 2 || !parse_title_type (g_strstrip (cols[1]), &type))
        {
          g_set_error (error, RASD_ERROR, RASD_ERROR_PARSE,
                       "%s/titles.tsv:%u: expected a title and honorific, title, role or reference",
                       data_dir, i + 1);
          return FALSE;
        }
      norm = normalize_phrase (cols[0]);
      if (norm[0] == '\0' || g_hash_table_contains (self->titles, norm))
        continue;
      title = g_new0 (RasdTitle, 1);
      title->text = intern (self, norm);
      title->type = type;
      title->office = title->text;
      g_ptr_array_add (self->title_list, title);
      g_hash_table_insert (self->titles, (gpointer) title->text, title);
      n = rasd_phrase_index_first_word (self->title_first, self->strings, norm);
      if (n > self->max_title_words)
        self->max_title_words = n;
    }
  return TRUE;
}

/* The office of every listed title that begins with an honorific (RasdTitle.office): the
 * titles after it, when they are one listed title that is no honorific. */
static void
find_offices (RasdPeople *self)
{
  for (guint t = 0; t < self->title_list->len; t++)
    {
      RasdTitle *title = g_ptr_array_index (self->title_list, t);
      g_auto(GStrv) words = NULL;
      const RasdTitle *honorific, *rest;
      guint n, n_honorific = 0, n_rest = 0;

      if (title->type == RASD_TITLE_HONORIFIC || strchr (title->text, ' ') == NULL)
        continue;
      words = g_strsplit (title->text, " ", -1);
      n = g_strv_length (words);
      honorific = rasd_people_match_title (self, (const char * const *) words, n - 1, &n_honorific);
      if (honorific == NULL || honorific->type != RASD_TITLE_HONORIFIC)
        continue;
      rest = rasd_people_match_title (self, (const char * const *) words + n_honorific,
                                      n - n_honorific, &n_rest);
      if (rest == NULL || rest->type == RASD_TITLE_HONORIFIC || n_rest != n - n_honorific)
        continue;
      title->office = title->text;
      for (guint k = 0; k < n_honorific; k++)
        title->office = strchr (title->office, ' ') + 1;
    }
}

RasdPeople *
rasd_people_load (const char  *data_dir,
                  GError     **error)
{
  g_autoptr(RasdPeople) self = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (RasdPeople, 1);
  self->strings = g_string_chunk_new (64 * 1024);
  self->people = g_ptr_array_new_with_free_func (g_free);
  self->by_key = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->by_name = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->by_variant = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->variant_first = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->by_skeleton = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->first_words = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->short_forms = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->first_names = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->first_names_regional = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->titles = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->title_first = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->title_list = g_ptr_array_new_with_free_func (g_free);
  self->open_minister.text = "وزير";
  self->open_minister.type = RASD_TITLE_ROLE;
  self->open_minister.office = self->open_minister.text;
  self->open_head.text = "رييس";  /* normalised, as the listed titles are */
  self->open_head.type = RASD_TITLE_ROLE;
  self->open_head.office = self->open_head.text;

  if (!load_people (self, data_dir, error)
      || !load_first_names (self, data_dir, "first-names.txt", self->first_names, error)
      || !load_first_names (self, data_dir, "first-names-regional.txt", self->first_names_regional, error)
      || !load_titles (self, data_dir, error))
    return NULL;
  find_offices (self);

  g_debug ("Loaded %u people, %u titles, %u first names from %s",
           self->people->len, self->title_list->len,
           g_hash_table_size (self->first_names), data_dir);
  return g_steal_pointer (&self);
}

void
rasd_people_free (RasdPeople *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->by_variant, g_hash_table_unref);
  g_clear_pointer (&self->variant_first, g_hash_table_unref);
  g_clear_pointer (&self->by_skeleton, g_hash_table_unref);
  g_clear_pointer (&self->first_words, g_hash_table_unref);
  g_clear_pointer (&self->short_forms, g_hash_table_unref);
  g_clear_pointer (&self->first_names, g_hash_table_unref);
  g_clear_pointer (&self->first_names_regional, g_hash_table_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);
  g_clear_pointer (&self->title_first, g_hash_table_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->title_list, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self);
}

const RasdPerson *
rasd_people_lookup (RasdPeople *self,
                    const char *normalized_phrase)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (normalized_phrase != NULL, NULL);

  return g_hash_table_lookup (self->by_name, normalized_phrase);
}

gboolean
rasd_people_is_short_form (RasdPeople *self,
                           const char *normalized_phrase)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (normalized_phrase != NULL, FALSE);

  return g_hash_table_contains (self->short_forms, normalized_phrase);
}

guint
rasd_people_max_words (RasdPeople *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->max_words;
}

gboolean
rasd_people_is_first_name (RasdPeople *self,
                           const char *normalized_word)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (normalized_word != NULL, FALSE);

  return g_hash_table_contains (self->first_names, normalized_word) ||
         g_hash_table_contains (self->first_names_regional, normalized_word) ||
         /* عبدالجميل، عبدالمنعم: عبد joined to a name of God, whichever the lists lack */
         (g_str_has_prefix (normalized_word, "عبدال") &&
          g_utf8_strlen (normalized_word, -1) >= (glong) g_utf8_strlen ("عبدال", -1) + 3);
}

gboolean
rasd_people_is_first_name_core (RasdPeople *self,
                                const char *normalized_word)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (normalized_word != NULL, FALSE);

  return g_hash_table_contains (self->first_names, normalized_word);
}

/* Whether @word can be the noun of an open "وزير + noun" role: a definite noun (الطاقه،
 * الزراعه) that is not a nationality adjective (الروسي، الامريكيه). */
static gboolean
is_role_complement (const char *word)
{
  gsize len = strlen (word);

  if (!g_str_has_prefix (word, "ال") || len <= strlen ("ال") + 2)
    return FALSE;
  /* Nationality adjectives end in ي or يه (normalised ية). */
  if (g_str_has_suffix (word, "ي") || g_str_has_suffix (word, "يه"))
    return FALSE;
  return TRUE;
}

/* Whether @noun, without ال, is the office of a minister (@head وزير) or of a head of
 * government or state (رئيس) in "وزير خارجيه كندا"، "رئيس وزراء ماليزيا": the construct
 * state, where a country follows. */
static gboolean
is_construct_office (const char *head,
                     const char *noun)
{
  static const char * const of_minister[] = {
    "خارجيه", "دفاع", "داخليه", "ماليه", "عدل", "اقتصاد", "طاقه", "تجاره", "خزانه", "صحه", "اعلام",
    "نفط", "زراعه", "نقل", "سياحه", "تعليم", "ثقافه", "اتصالات", NULL
  };
  static const char * const of_head[] = { "وزراء", "حكومه", "اركان", "برلمان", NULL };
  const char * const *nouns;

  if (strcmp (head, "وزير") == 0 || strcmp (head, "وزيره") == 0)
    nouns = of_minister;
  else if (strcmp (head, "رييس") == 0 || strcmp (head, "رييسه") == 0)
    nouns = of_head;
  else
    return FALSE;
  return g_strv_contains (nouns, noun);
}

/* The heads of the open roles of rasd_people_match_title(). */
static gboolean
is_open_role_head (const char *word)
{
  /* asked of most words: reject on the first letter (و or ر, two bytes each) */
  if (strncmp (word, "و", strlen ("و")) != 0 && strncmp (word, "ر", strlen ("ر")) != 0)
    return FALSE;
  return strcmp (word, "وزير") == 0 || strcmp (word, "وزيره") == 0 ||
         strcmp (word, "رئيس") == 0 || strcmp (word, "رئيسه") == 0;
}

gboolean
rasd_people_can_start_title (RasdPeople *self,
                             const char *normalized_word)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (normalized_word != NULL, FALSE);

  return g_hash_table_contains (self->title_first, normalized_word) ||
         is_open_role_head (normalized_word);
}

const RasdTitle *
rasd_people_match_title (RasdPeople          *self,
                         const char * const  *normalized_words,
                         guint                n,
                         guint               *n_matched)
{
  const RasdTitle *best = NULL;
  guint best_n = 0;
  guint limit;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (normalized_words != NULL || n == 0, NULL);

  /* Only phrases whose first word begins a title can be one, and no longer than the longest
   * such title: most words are rejected by this one lookup, without building a phrase. */
  limit = 0;
  if (n > 0 && normalized_words[0] != NULL)
    limit = MIN (n, GPOINTER_TO_UINT (g_hash_table_lookup (self->title_first,
                                                           normalized_words[0])));
  if (limit > 0)
    {
      g_autoptr(GString) phrase = g_string_sized_new (128);

      for (guint i = 0; i < limit; i++)
        {
          const RasdTitle *title;

          if (normalized_words[i] == NULL)
            break;
          if (i > 0)
            g_string_append_c (phrase, ' ');
          g_string_append (phrase, normalized_words[i]);
          title = g_hash_table_lookup (self->titles, phrase->str);
          if (title != NULL)
            {
              best = title;
              best_n = i + 1;
            }
        }
    }

  /* Open roles: وزير + definite noun (وزير الزراعه), or وزير/رئيس + the noun of an office
   * in the construct state, before a country (وزير خارجيه كندا، رئيس وزراء ماليزيا), when
   * nothing longer is listed. */
  if (best_n < 2 && n >= 2 && normalized_words[0] != NULL && normalized_words[1] != NULL
      && (is_construct_office (normalized_words[0], normalized_words[1]) ||
          /* not رئيس + a definite noun: رئيس الديوان الأميري is of an organisation */
          (is_role_complement (normalized_words[1]) && strcmp (normalized_words[0], "رييس") != 0 &&
           strcmp (normalized_words[0], "رييسه") != 0)))
    {
      const char *head = normalized_words[0];

      if (strcmp (head, "وزير") == 0 || strcmp (head, "وزيره") == 0)
        {
          best = &self->open_minister;
          best_n = 2;
        }
      else if (strcmp (head, "رييس") == 0 || strcmp (head, "رييسه") == 0)
        {
          best = &self->open_head;
          best_n = 2;
        }
    }

  if (n_matched != NULL)
    *n_matched = best_n;
  return best;
}

const RasdPerson *
rasd_people_get_person (RasdPeople *self,
                        const char *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->by_key, key);
}

guint
rasd_people_n_people (RasdPeople *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->people->len;
}

guint
rasd_people_n_titles (RasdPeople *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->title_list->len;
}

guint
rasd_people_n_first_names (RasdPeople *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return g_hash_table_size (self->first_names);
}

const RasdPerson *
rasd_people_lookup_variant (RasdPeople *self,
                            const char *variant_phrase)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (variant_phrase != NULL, NULL);

  return g_hash_table_lookup (self->by_variant, variant_phrase);
}

/* "عادل أحمد الجبير" or "عادل بن أحمد الجبير" for the listed "عادل الجبير": the first word and
 * a family name of ال, with a father's name (and بن) between them.  A first name of two words
 * (عبد الله، ابو بكر) is not taken apart. */
static gboolean
is_ibn (const char *word)
{
  return strcmp (word, "بن") == 0 || strcmp (word, "ابن") == 0;
}

static const RasdPerson *
lookup_without_nasab (RasdPeople *self,
                      const char *normalized_name)
{
  g_auto(GStrv) words = g_strsplit (normalized_name, " ", -1);
  guint n = g_strv_length (words);
  g_autofree char *short_name = NULL;
  g_autofree char *father = NULL;
  const char *family;

  if (n < 3 || n > 4 || strcmp (words[0], "عبد") == 0 || strcmp (words[0], "ابو") == 0
      || is_ibn (words[0]) || is_ibn (words[n - 2]) || (n == 4 && !is_ibn (words[1])))
    return NULL;
  for (guint i = 0; i < n; i++)
    if (words[i][0] == '\0')
      return NULL;
  /* without ال the last word is a grandfather's name, no family name (خالد بن فهد سلمان) */
  if (strncmp (words[n - 1], "ال", strlen ("ال")) != 0)
    return NULL;
  family = words[n - 1];
  short_name = g_strconcat (words[0], " ", family, NULL);
  father = g_strconcat (words[n - 2], " ", family, NULL);
  /* the son of a listed person is not that person's namesake (حافظ بشار الأسد is not حافظ
   * الأسد), however the father is listed (خالد فيصل for خالد الفيصل: سعود بن خالد الفيصل is
   * not سعود الفيصل) */
  if (g_hash_table_contains (self->by_name, father))
    return NULL;
  {
    g_autofree char *bare_father = g_strconcat (words[n - 2], " ", family + strlen ("ال"), NULL);
    g_autofree char *variant = rasd_people_variant (father);

    if (g_hash_table_contains (self->by_name, bare_father) ||
        g_hash_table_contains (self->by_variant, variant))
      return NULL;
  }
  return g_hash_table_lookup (self->by_name, short_name);
}

const RasdPerson *
rasd_people_lookup_near (RasdPeople *self,
                         const char *normalized_name)
{
  g_autofree char *variant = NULL;
  g_autofree char *skeleton = NULL;
  const RasdPerson *person;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (normalized_name != NULL, NULL);

  if (strchr (normalized_name, ' ') == NULL)
    return NULL;
  variant = rasd_people_variant (normalized_name);
  if ((person = g_hash_table_lookup (self->by_variant, variant)) != NULL)
    return person;
  if ((skeleton = rasd_people_vowel_skeleton (variant)) != NULL
      && (person = g_hash_table_lookup (self->by_skeleton, skeleton)) != NULL)
    return person != &ambiguous ? person : NULL;
  return lookup_without_nasab (self, normalized_name);
}

guint
rasd_people_variant_words_from (RasdPeople *self,
                                const char *variant_word)
{
  g_return_val_if_fail (self != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->variant_first, variant_word));
}

guint
rasd_people_words_from (RasdPeople *self,
                        const char *word)
{
  g_return_val_if_fail (self != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->first_words, word));
}
