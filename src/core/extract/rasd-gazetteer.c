#define G_LOG_DOMAIN "rasd-gazetteer"

#include "config.h"

#include "rasd-data.h"
#include "rasd-gazetteer.h"

#include <geonames.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rasd-arabic.h"
#include "rasd-hash.h"

/* The places gazetteer: libgeonames cities with the Arabic names of its own translation
 * catalogue (geonames.mo, read directly: msgid = geonames id, msgstr = Arabic name), the
 * countries of countries.tsv with their nationality adjectives, and places.tsv (aliases of
 * libgeonames cities, missing cities, and sites standing for a city or with their own point).
 *
 * Every name is indexed by its rasd_arabic_normalize() form; lookups are exact.  A name with
 * "ابو " is also indexed without the space (ابوظبي).  Loading takes about 66 ms warm, 108 ms cold (24 361
 * libgeonames cities, measured on the development machine with -O2). */

#define GEONAMES_MO "/usr/share/locale/ar/LC_MESSAGES/geonames.mo"

struct _RasdGazetteer
{
  GStringChunk *strings;
  GPtrArray    *places;      /* RasdPlace*, owned */
  GHashTable   *by_key;      /* key → RasdPlace* */
  GHashTable   *by_name;     /* normalised name → GPtrArray of RasdPlace* */
  GHashTable   *adjectives;  /* normalised adjective → RasdPlace* (country) */
  GHashTable   *adjectives_extra;  /* more, which the name tagger's features do not see */
  guint         max_words;
  GHashTable   *first_words;  /* first word of a name → most words of a name it begins */
  GHashTable   *capitals;     /* country code → its capital (RasdPlace) */
  /* The names and first words as they were before places-regional.tsv (the name tagger's view,
   * rasd_gazetteer_lookup_core()): name → GPtrArray of its places then (empty: none), first
   * word → its most words then.  Only those that file changed; NULL while loading the rest. */
  GHashTable   *core_names;
  GHashTable   *core_first_words;
};

static const char *
intern (RasdGazetteer *self,
        const char    *s)
{
  return s != NULL ? g_string_chunk_insert_const (self->strings, s) : NULL;
}

/* @s interned without its short vowels and other diacritics but the shadda: GeoNames writes
 * some names vowelled (بُرَيدَة، اَلْجَهْرَاء), news does not, though it keeps عمّان's shadda,
 * which tells Amman from Oman. */
static const char *
intern_unvowelled (RasdGazetteer *self,
                   const char    *s)
{
  g_autoptr(GString) bare = g_string_sized_new (strlen (s));

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!rasd_arabic_is_diacritic (c) || c == 0x0651)
        g_string_append_unichar (bare, c);
    }
  return intern (self, bare->str);
}

static RasdPlace *
add_place (RasdGazetteer *self,
           const char    *key,
           RasdPlaceKind  kind)
{
  RasdPlace *place = g_new0 (RasdPlace, 1);

  place->key = intern (self, key);
  place->kind = kind;
  g_ptr_array_add (self->places, place);
  g_hash_table_insert (self->by_key, (gpointer) place->key, place);
  return place;
}

static void
index_normalized (RasdGazetteer *self,
                  const char    *norm,
                  RasdPlace     *place)
{
  GPtrArray *list;

  if (*norm == '\0')
    return;
  list = g_hash_table_lookup (self->by_name, norm);
  if (self->core_names != NULL)
    {
      g_autofree char *first = g_strndup (norm, strcspn (norm, " "));

      /* what the tagger sees stays what it was before */
      if (!g_hash_table_contains (self->core_names, norm))
        g_hash_table_insert (self->core_names, (gpointer) intern (self, norm),
                             list != NULL ? g_ptr_array_copy (list, NULL, NULL) : g_ptr_array_new ());
      if (!g_hash_table_contains (self->core_first_words, first))
        g_hash_table_insert (self->core_first_words, (gpointer) intern (self, first),
                             g_hash_table_lookup (self->first_words, first));
    }
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_name, (gpointer) intern (self, norm), list);
    }
  else
    {
      for (guint i = 0; i < list->len; i++)
        if (list->pdata[i] == place)
          return;
    }
  g_ptr_array_add (list, place);
  self->max_words = MAX (self->max_words,
                         rasd_phrase_index_first_word (self->first_words, self->strings, norm));
}

static void
index_name (RasdGazetteer *self,
            const char    *name,
            RasdPlace     *place)
{
  g_autofree char *norm = rasd_arabic_normalize (name, -1);
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) joined = NULL;
  const char *abu;

  /* Collapse runs of spaces. */
  words = g_strsplit (g_strstrip (norm), " ", -1);
  joined = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, words[i]);
    }
  index_normalized (self, joined->str, place);

  abu = strstr (joined->str, "ابو ");
  if (abu != NULL && (abu == joined->str || abu[-1] == ' '))
    {
      g_autoptr(GString) glued = g_string_new (joined->str);

      g_string_erase (glued, (abu - joined->str) + strlen ("ابو"), 1);
      index_normalized (self, glued->str, place);
    }
}

static gboolean
has_arabic_letter (const char *s)
{
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (rasd_arabic_is_letter (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

/* Copies @s without U+200E/U+200F (stray in some translations) and trims it. */
static char *
clean_translation (const char *s,
                   gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0x200E && c != 0x200F)
        g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static guint32
read_u32 (const guint8 *p,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* Parses a GNU .mo catalogue into msgid → msgstr (both newly allocated). */
static GHashTable *
load_mo (const char  *path,
         GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GHashTable) table = NULL;
  const guint8 *data;
  gsize size;
  guint32 magic, n, orig, trans;
  gboolean swap;

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;
  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 20)
    goto bad;
  memcpy (&magic, data, 4);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (magic == 0xde120495)
    swap = TRUE;
  else
    goto bad;
  n = read_u32 (data + 8, swap);
  orig = read_u32 (data + 12, swap);
  trans = read_u32 (data + 16, swap);
  if ((guint64) orig + (guint64) n * 8 > size || (guint64) trans + (guint64) n * 8 > size)
    goto bad;

  table = g_hash_table_new_full (rasd_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = read_u32 (data + orig + i * 8, swap);
      guint32 ooff = read_u32 (data + orig + i * 8 + 4, swap);
      guint32 tlen = read_u32 (data + trans + i * 8, swap);
      guint32 toff = read_u32 (data + trans + i * 8 + 4, swap);

      if ((guint64) ooff + olen > size || (guint64) toff + tlen > size || olen == 0)
        continue;
      if (!g_utf8_validate ((const char *) data + toff, tlen, NULL))
        continue;
      g_hash_table_insert (table,
                           g_strndup ((const char *) data + ooff, olen),
                           clean_translation ((const char *) data + toff, tlen));
    }
  return g_steal_pointer (&table);

bad:
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not a GNU message catalogue", path);
  return NULL;
}

static void
load_cities (RasdGazetteer *self,
             GHashTable    *arabic)
{
  gint n = geonames_get_n_cities ();

  for (gint i = 0; i < n; i++)
    {
      g_autoptr(GeonamesCity) city = geonames_get_city (i);
      const char *id = NULL;
      const char *ar;
      RasdPlace *place;

      if (city == NULL)
        continue;
      g_variant_get_child (city, 0, "&s", &id);
      if (id == NULL || *id == '\0' || g_hash_table_contains (self->by_key, id))
        continue;
      place = add_place (self, id, RASD_PLACE_KIND_CITY);
      place->name_en = intern (self, geonames_city_get_name (city));
      place->country = intern (self, geonames_city_get_country_code (city));
      place->lat = geonames_city_get_latitude (city);
      place->lon = geonames_city_get_longitude (city);
      place->population = geonames_city_get_population (city);

      ar = arabic != NULL ? g_hash_table_lookup (arabic, id) : NULL;
      if (ar != NULL && *ar != '\0' && has_arabic_letter (ar))
        {
          place->name_ar = intern_unvowelled (self, ar);
          index_name (self, ar, place);
        }
    }
}

static void
add_adjective (RasdGazetteer *self,
               const char    *norm,
               RasdPlace     *country)
{
  if (!g_hash_table_contains (self->adjectives, norm))
    g_hash_table_insert (self->adjectives, (gpointer) intern (self, norm), country);
}

static void
index_adjective (RasdGazetteer *self,
                 const char    *form,
                 RasdPlace     *country)
{
  static const char *const suffixes[] = { "", "ه", "ين", "ون", "ات" };
  g_autofree char *norm = rasd_arabic_normalize (form, -1);

  g_strstrip (norm);
  if (*norm == '\0' || strchr (norm, ' ') != NULL || g_str_equal (norm, "-"))
    return;
  if (!g_str_has_suffix (norm, "ي"))
    {
      add_adjective (self, norm, country);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *bare = g_strconcat (norm, suffixes[i], NULL);
      g_autofree char *def = NULL;

      add_adjective (self, bare, country);
      def = g_strconcat ("ال", bare, NULL);
      if (!g_str_has_prefix (bare, "ال"))
        add_adjective (self, def, country);
      /* ألماني normalises with ال: its definite الألماني was never an adjective.  The name
       * tagger's features keep the table as they were trained with
       * (rasd_gazetteer_lookup_adjective_core()). */
      else if (!g_hash_table_contains (self->adjectives, def))
        g_hash_table_insert (self->adjectives_extra, (gpointer) intern (self, def), country);
    }
}

/* A country's capital as countries.tsv names it. */
typedef struct
{
  RasdPlace  *country;
  const char *name;
  double      lat;
  double      lon;
} Capital;

static gboolean
load_countries (RasdGazetteer *self,
                const char    *path,
                GArray        *capitals,
                GError       **error)
{
  g_auto(GStrv) rows = rasd_data_read_lines (path, error);

  if (rows == NULL)
    return FALSE;
  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cols = NULL;
      g_auto(GStrv) names = NULL;
      g_auto(GStrv) adjs = NULL;
      g_autofree char *key = NULL;
      RasdPlace *place;
      Capital capital;

      if (rows[r][0] == '#' || rows[r][0] == '\0')
        continue;
      cols = g_strsplit (rows[r], "\t", -1);
      if (g_strv_length (cols) < 7)
        {
          g_warning ("%s:%u: expected 7 columns", path, r + 1);
          continue;
        }
      key = g_strconcat ("country:", cols[0], NULL);
      if (g_hash_table_contains (self->by_key, key))
        continue;
      names = g_strsplit (cols[2], "|", -1);
      place = add_place (self, key, RASD_PLACE_KIND_COUNTRY);
      place->listed = TRUE;
      place->country = intern (self, cols[0]);
      place->name_en = intern (self, cols[1]);
      place->name_ar = intern (self, names[0]);
      place->lat = g_ascii_strtod (cols[4], NULL);
      place->lon = g_ascii_strtod (cols[5], NULL);
      for (guint i = 0; names[i] != NULL; i++)
        index_name (self, names[i], place);
      adjs = g_strsplit (cols[3], "|", -1);
      for (guint i = 0; adjs[i] != NULL; i++)
        index_adjective (self, adjs[i], place);
      capital.country = place;
      capital.name = intern (self, g_strstrip (cols[6]));
      /* The capital's own point (older files had only one, the capital's). */
      capital.lat = g_strv_length (cols) >= 9 ? g_ascii_strtod (cols[7], NULL) : place->lat;
      capital.lon = g_strv_length (cols) >= 9 ? g_ascii_strtod (cols[8], NULL) : place->lon;
      g_array_append_val (capitals, capital);
    }
  return TRUE;
}

static RasdPlaceKind
parse_kind (const char *s)
{
  if (g_str_equal (s, "site"))
    return RASD_PLACE_KIND_SITE;
  if (g_str_equal (s, "country"))
    return RASD_PLACE_KIND_COUNTRY;
  return RASD_PLACE_KIND_CITY;
}

static gboolean
load_places (RasdGazetteer *self,
             const char    *path,
             GError       **error)
{
  g_auto(GStrv) rows = rasd_data_read_lines (path, error);

  if (rows == NULL)
    return FALSE;
  for (guint r = 0; rows[r] != NULL; r++)
    {
      g_auto(GStrv) cols = NULL;
      g_auto(GStrv) names = NULL;
      RasdPlace *place;

      if (rows[r][0] == '#' || rows[r][0] == '\0')
        continue;
      cols = g_strsplit (rows[r], "\t", -1);
      if (g_strv_length (cols) < 9)
        {
          g_warning ("%s:%u: expected 9 columns", path, r + 1);
          continue;
        }
      names = g_strsplit (cols[1], "|", -1);
      place = g_hash_table_lookup (self->by_key, cols[0]);
      if (place == NULL)
        {
          const char *stands_for = g_strstrip (cols[8]);

          place = add_place (self, cols[0], parse_kind (cols[3]));
          place->name_en = intern (self, cols[2]);
          place->country = intern (self, cols[4]);
          place->lat = g_ascii_strtod (cols[5], NULL);
          place->lon = g_ascii_strtod (cols[6], NULL);
          place->population = (guint) g_ascii_strtoull (cols[7], NULL, 10);
          if (*stands_for != '\0' && !g_str_equal (stands_for, "-"))
            place->stands_for = intern (self, stands_for);
        }
      else if (*cols[2] != '\0')
        /* the catalogue's English name may be an odd one (Abu Dhabi Island and Internal
         * Islands City): the row's is the one shown */
        place->name_en = intern (self, cols[2]);
      if (place->name_ar == NULL)
        place->name_ar = intern (self, names[0]);
      place->listed = TRUE;
      for (guint i = 0; names[i] != NULL; i++)
        index_name (self, names[i], place);
    }
  return TRUE;
}

/* Kilometres between two points, near enough for a few dozen. */
static double
distance_km (double lat1,
             double lon1,
             double lat2,
             double lon2)
{
  double x = (lon2 - lon1) * cos ((lat1 + lat2) / 2 * G_PI / 180);
  double y = lat2 - lat1;

  return sqrt (x * x + y * y) * 111.2;
}

/* The most populous libgeonames city of @country within 25 km of a point, or NULL. */
static RasdPlace *
city_at (GHashTable *by_country,
         const char *country,
         double      lat,
         double      lon)
{
  GPtrArray *cities = g_hash_table_lookup (by_country, country);
  RasdPlace *best = NULL;

  for (guint i = 0; cities != NULL && i < cities->len; i++)
    {
      RasdPlace *p = cities->pdata[i];

      if (distance_km (lat, lon, p->lat, p->lon) <= 25 &&
          (best == NULL || p->population > best->population))
        best = p;
    }
  return best;
}

/* A capital with no libgeonames city of its name in its country takes the name to the largest
 * city at the capital's point of countries.tsv (الرباط is Rabat there), or else gets an entry of
 * its own at that point, so that every capital of countries.tsv can be found. */
static void
add_missing_capitals (RasdGazetteer *self,
                      GArray        *capitals)
{
  g_autoptr(GHashTable) by_country = g_hash_table_new_full (rasd_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < self->places->len; i++)
    {
      RasdPlace *p = self->places->pdata[i];
      GPtrArray *list;

      if (p->kind != RASD_PLACE_KIND_CITY || p->country == NULL)
        continue;
      list = g_hash_table_lookup (by_country, p->country);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_country, (gpointer) p->country, list);
        }
      g_ptr_array_add (list, p);
    }

  for (guint i = 0; i < capitals->len; i++)
    {
      const Capital *capital = &g_array_index (capitals, Capital, i);
      RasdPlace *country = capital->country;
      const char *name = capital->name;
      g_autofree char *norm = rasd_arabic_normalize (name, -1);
      g_autofree char *key = NULL;
      const GPtrArray *list;
      gboolean found = FALSE;
      RasdPlace *place;

      if (*name == '\0')
        continue;
      list = g_hash_table_lookup (self->by_name, norm);
      for (guint j = 0; list != NULL && j < list->len && !found; j++)
        {
          RasdPlace *p = list->pdata[j];

          found = p->kind == RASD_PLACE_KIND_CITY && g_strcmp0 (p->country, country->country) == 0;
          if (found)
            {
              /* the capital's name as Arabic news writes it (الرباط، الخرطوم), not GeoNames'
               * (رباط، خرطوم) */
              p->name_ar = intern (self, name);
              p->capital = TRUE;
              g_hash_table_replace (self->capitals, (gpointer) country->country, p);
            }
        }
      if (found)
        continue;
      place = city_at (by_country, country->country, capital->lat, capital->lon);
      if (place != NULL)
        {
          place->capital = place->listed = TRUE;
          place->name_ar = intern (self, name);
          index_name (self, name, place);
          g_hash_table_replace (self->capitals, (gpointer) country->country, place);
          continue;
        }
      key = g_strconcat ("capital:", country->country, NULL);
      place = add_place (self, key, RASD_PLACE_KIND_CITY);
      place->listed = place->capital = TRUE;
      place->name_ar = intern (self, name);
      place->country = country->country;
      place->lat = capital->lat;
      place->lon = capital->lon;
      index_name (self, name, place);
      g_hash_table_replace (self->capitals, (gpointer) country->country, place);
    }
}

/* "العاصمة الكينية": the capital named by its country's adjective (definite, feminine), for
 * every country with a capital; places.tsv may name some otherwise (العاصمة الكويتية is
 * Kuwait City, not the country), and what it names stays. */
static void
index_capital_phrases (RasdGazetteer *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->adjectives);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *adjective = key;
      const RasdPlace *country = value;
      RasdPlace *capital;
      g_autofree char *phrase = NULL;

      if (!g_str_has_prefix (adjective, "ال") || !g_str_has_suffix (adjective, "يه") ||
          country->country == NULL ||
          (capital = g_hash_table_lookup (self->capitals, country->country)) == NULL)
        continue;
      phrase = g_strconcat ("العاصمه ", adjective, NULL);
      if (!g_hash_table_contains (self->by_name, phrase))
        index_normalized (self, phrase, capital);
    }
}

RasdGazetteer *
rasd_gazetteer_new_from_dir (const char  *data_dir,
                             GError     **error)
{
  g_autoptr(RasdGazetteer) self = g_new0 (RasdGazetteer, 1);
  g_autoptr(GHashTable) arabic = NULL;
  g_autoptr(GArray) capitals = g_array_new (FALSE, FALSE, sizeof (Capital));
  g_autoptr(GError) mo_error = NULL;
  g_autofree char *countries = g_build_filename (data_dir, "countries.tsv", NULL);
  g_autofree char *places = g_build_filename (data_dir, "places.tsv", NULL);
  g_autofree char *regional = g_build_filename (data_dir, "places-regional.tsv", NULL);
  gboolean ok;

  self->strings = g_string_chunk_new (64 * 1024);
  self->places = g_ptr_array_new_with_free_func (g_free);
  self->by_key = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->first_words = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->capitals = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->by_name = g_hash_table_new_full (rasd_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->adjectives = g_hash_table_new (rasd_str_hash, g_str_equal);
  self->adjectives_extra = g_hash_table_new (rasd_str_hash, g_str_equal);

  arabic = load_mo (GEONAMES_MO, &mo_error);
  if (arabic == NULL)
    g_warning ("No Arabic city names: %s", mo_error->message);
  load_cities (self, arabic);

  ok = load_countries (self, countries, capitals, error) && load_places (self, places, error);
  if (!ok)
    return NULL;
  add_missing_capitals (self, capitals);
  index_capital_phrases (self);

  /* the extractor's further places, which the name tagger's features do not see */
  self->core_names = g_hash_table_new_full (rasd_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  self->core_first_words = g_hash_table_new (rasd_str_hash, g_str_equal);
  if (g_file_test (regional, G_FILE_TEST_EXISTS) && !load_places (self, regional, error))
    return NULL;

  return g_steal_pointer (&self);
}

void
rasd_gazetteer_free (RasdGazetteer *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->adjectives, g_hash_table_unref);
  g_clear_pointer (&self->adjectives_extra, g_hash_table_unref);
  g_clear_pointer (&self->core_names, g_hash_table_unref);
  g_clear_pointer (&self->core_first_words, g_hash_table_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->first_words, g_hash_table_unref);
  g_clear_pointer (&self->capitals, g_hash_table_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->places, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_free (self);
}

static char *
default_data_dir (void)
{
  return rasd_data_path ("gazetteer");
}

static gpointer
load_default (gpointer data)
{
  g_autofree char *dir = default_data_dir ();
  g_autoptr(GError) error = NULL;
  RasdGazetteer *self = rasd_gazetteer_new_from_dir (dir, &error);

  if (self == NULL)
    {
      g_warning ("Cannot load the gazetteer from %s: %s", dir, error->message);
      self = rasd_gazetteer_new_from_dir ("/nonexistent", NULL);
    }
  return self;
}

RasdGazetteer *
rasd_gazetteer_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_default, NULL);
  return once.retval;
}

const GPtrArray *
rasd_gazetteer_lookup (RasdGazetteer *self,
                       const char    *normalized_phrase)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (normalized_phrase != NULL, NULL);

  return g_hash_table_lookup (self->by_name, normalized_phrase);
}

const GPtrArray *
rasd_gazetteer_lookup_core (RasdGazetteer *self,
                            const char    *normalized_phrase)
{
  GPtrArray *before;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (normalized_phrase != NULL, NULL);

  if (self->core_names != NULL &&
      g_hash_table_lookup_extended (self->core_names, normalized_phrase, NULL, (gpointer *) &before))
    return before->len > 0 ? before : NULL;
  return g_hash_table_lookup (self->by_name, normalized_phrase);
}

guint
rasd_gazetteer_words_from_core (RasdGazetteer *self,
                                const char    *word)
{
  gpointer before;

  g_return_val_if_fail (self != NULL, 0);
  if (self->core_first_words != NULL &&
      g_hash_table_lookup_extended (self->core_first_words, word, NULL, &before))
    return GPOINTER_TO_UINT (before);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->first_words, word));
}

guint
rasd_gazetteer_max_words (RasdGazetteer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->max_words;
}

const RasdPlace *
rasd_gazetteer_lookup_adjective (RasdGazetteer  *self,
                                 const char     *normalized_word,
                                 const char    **out_country)
{
  const RasdPlace *country;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (normalized_word != NULL, NULL);

  country = g_hash_table_lookup (self->adjectives, normalized_word);
  if (country == NULL)
    country = g_hash_table_lookup (self->adjectives_extra, normalized_word);
  if (out_country != NULL)
    *out_country = country != NULL ? country->country : NULL;
  return country;
}

const RasdPlace *
rasd_gazetteer_lookup_adjective_core (RasdGazetteer *self,
                                      const char    *normalized_word)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (normalized_word != NULL, NULL);

  return g_hash_table_lookup (self->adjectives, normalized_word);
}

static gboolean
is_preferred (const RasdPlace    *place,
              const char * const *preferred)
{
  if (preferred == NULL || place->country == NULL)
    return FALSE;
  for (guint i = 0; preferred[i] != NULL; i++)
    if (g_ascii_strcasecmp (preferred[i], place->country) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @a should be chosen over @b (population, then city over site). */
static gboolean
better (const RasdPlace *a,
        const RasdPlace *b)
{
  if (b == NULL)
    return TRUE;
  if (a->population != b->population)
    return a->population > b->population;
  return a->kind == RASD_PLACE_KIND_CITY && b->kind != RASD_PLACE_KIND_CITY;
}

const RasdPlace *
rasd_gazetteer_best (RasdGazetteer      *self,
                     const GPtrArray    *candidates,
                     const char * const *preferred_countries)
{
  const RasdPlace *country = NULL;
  const RasdPlace *best_preferred = NULL;
  const RasdPlace *best = NULL;

  if (candidates == NULL || candidates->len == 0)
    return NULL;

  for (guint i = 0; i < candidates->len; i++)
    {
      const RasdPlace *p = candidates->pdata[i];

      if (p->kind == RASD_PLACE_KIND_COUNTRY)
        {
          if (country == NULL || (is_preferred (p, preferred_countries) && !is_preferred (country, preferred_countries)))
            country = p;
          continue;
        }
      if (is_preferred (p, preferred_countries) && better (p, best_preferred))
        best_preferred = p;
      if (better (p, best))
        best = p;
    }

  /* the larger place of a name: a town of the countries the article speaks of only when it is
   * not dwarfed by another of the name (طرابلس of Lebanon in a Lebanese story, but not a village
   * of Tennessee called Lebanon for the country); a country unless one of those is its capital
   * or a city of a million (عمان in a Jordanian story is Amman) */
  if (best_preferred != NULL && best != NULL && best_preferred->population * 10 < best->population)
    best_preferred = NULL;
  if (country != NULL)
    {
      if (best_preferred != NULL && !is_preferred (country, preferred_countries) &&
          (best_preferred->capital || best_preferred->population >= 1000000))
        return best_preferred;
      return country;
    }
  return best_preferred != NULL ? best_preferred : best;
}

const RasdPlace *
rasd_gazetteer_get_place (RasdGazetteer *self,
                          const char    *key)
{
  g_return_val_if_fail (self != NULL, NULL);

  return key != NULL ? g_hash_table_lookup (self->by_key, key) : NULL;
}

const GPtrArray *
rasd_gazetteer_get_places (RasdGazetteer *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->places;
}

guint
rasd_gazetteer_count (RasdGazetteer *self,
                      RasdPlaceKind  kind,
                      gboolean       with_arabic_name)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->places->len; i++)
    {
      const RasdPlace *p = self->places->pdata[i];

      if (p->kind == kind && (!with_arabic_name || p->name_ar != NULL))
        n++;
    }
  return n;
}

guint
rasd_gazetteer_words_from (RasdGazetteer *self,
                           const char    *word)
{
  g_return_val_if_fail (self != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->first_words, word));
}

const RasdPlace *
rasd_gazetteer_get_capital (RasdGazetteer *self,
                            const char    *country)
{
  g_return_val_if_fail (self != NULL, NULL);
  return country != NULL ? g_hash_table_lookup (self->capitals, country) : NULL;
}

typedef struct
{
  const RasdPlace *place;
  int              rank;  /* 0: the whole name, 1: its beginning, 2: elsewhere in it */
} SearchHit;

static int
compare_search_hits (gconstpointer a,
                     gconstpointer b)
{
  const SearchHit *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank - y->rank;
  if (x->place->kind != y->place->kind)
    return x->place->kind == RASD_PLACE_KIND_COUNTRY ? -1 : y->place->kind == RASD_PLACE_KIND_COUNTRY;
  return x->place->population > y->place->population ? -1 : x->place->population < y->place->population;
}

static int
search_rank (const char *name,
             const char *needle)
{
  const char *at;

  if (name == NULL || (at = strstr (name, needle)) == NULL)
    return -1;
  return g_str_equal (name, needle) ? 0 : at == name ? 1 : 2;
}

GPtrArray *
rasd_gazetteer_search (RasdGazetteer *self,
                       const char    *text,
                       guint          limit)
{
  g_autofree char *arabic = NULL;
  g_autofree char *english = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (SearchHit));
  GPtrArray *found = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, found);
  g_return_val_if_fail (text != NULL, found);

  arabic = rasd_arabic_normalize (text, -1);
  english = g_utf8_casefold (text, -1);
  g_strstrip (arabic);
  g_strstrip (english);
  if (*arabic == '\0' && *english == '\0')
    return found;
  for (guint i = 0; i < self->places->len; i++)
    {
      const RasdPlace *place = self->places->pdata[i];
      g_autofree char *name_ar = NULL;
      g_autofree char *name_en = NULL;
      int rank_ar, rank_en, rank;

      /* a city without an Arabic name is never found in a text either */
      if (place->name_ar == NULL)
        continue;
      name_ar = rasd_arabic_normalize (place->name_ar, -1);
      name_en = place->name_en != NULL ? g_utf8_casefold (place->name_en, -1) : NULL;
      rank_ar = *arabic != '\0' ? search_rank (name_ar, arabic) : -1;
      rank_en = *english != '\0' ? search_rank (name_en, english) : -1;
      rank = rank_ar < 0 ? rank_en : rank_en < 0 ? rank_ar : MIN (rank_ar, rank_en);
      if (rank >= 0)
        {
          SearchHit hit = { place, rank };

          g_array_append_val (hits, hit);
        }
    }
  g_array_sort (hits, compare_search_hits);
  for (guint i = 0; i < hits->len && (limit == 0 || i < limit); i++)
    g_ptr_array_add (found, (gpointer) g_array_index (hits, SearchHit, i).place);
  return found;
}
