#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  RASD_PLACE_KIND_CITY,
  RASD_PLACE_KIND_SITE,
  RASD_PLACE_KIND_COUNTRY,
} RasdPlaceKind;

/* One place of the gazetteer; owned by it and immutable.
 *
 * key: stable ASCII id: the geonames id for libgeonames cities ("524901"), "country:EG" for
 * countries, "capital:EG" for a capital libgeonames lacks, "rasd:…" for places.tsv entries.
 * name_ar may be NULL for a city libgeonames has no Arabic name for (such cities are never
 * returned by a lookup).  stands_for is the key of the city a site stands for, or NULL.  A
 * country's lat, lon is its label point (inside its largest land), not its capital's. */
typedef struct
{
  const char    *key;
  const char    *name_ar;
  const char    *name_en;
  const char    *country;      /* ISO 3166-1 alpha-2 */
  double         lat;
  double         lon;
  guint          population;   /* 0 when unknown */
  RasdPlaceKind  kind;
  const char    *stands_for;
  gboolean       listed;       /* in countries.tsv or places.tsv, not only in libgeonames */
  gboolean       capital;      /* the capital of its country */
} RasdPlace;

typedef struct _RasdGazetteer RasdGazetteer;

/* Loads countries.tsv and places.tsv from @data_dir plus the libgeonames cities and their
 * Arabic names (/usr/share/locale/ar/LC_MESSAGES/geonames.mo).  Mostly for tests. */
RasdGazetteer   *rasd_gazetteer_new_from_dir     (const char     *data_dir,
                                                  GError        **error);
void             rasd_gazetteer_free             (RasdGazetteer  *self);

/* The shared gazetteer, loaded once (thread-safe) and immutable afterwards.  Data directory:
 * $RASD_GAZETTEER_DIR, else SOURCE_DATADIR/gazetteer when it exists, else PKGDATADIR/gazetteer.
 * Never NULL: on a load error it warns and returns what could be loaded. */
RasdGazetteer   *rasd_gazetteer_get_default      (void);

/* All places named by @normalized_phrase (the output of rasd_arabic_normalize(), words separated
 * by single spaces, no clitics), or NULL.  Owned by the gazetteer. */
const GPtrArray *rasd_gazetteer_lookup           (RasdGazetteer  *self,
                                                  const char     *normalized_phrase);

/* rasd_gazetteer_lookup() and rasd_gazetteer_words_from() as they were before the places of
 * places-regional.tsv: what the name tagger's features read, so that its trained model stays
 * as trained when the extractor learns more places. */
const GPtrArray *rasd_gazetteer_lookup_core      (RasdGazetteer  *self,
                                                  const char     *normalized_phrase);
guint            rasd_gazetteer_words_from_core  (RasdGazetteer  *self,
                                                  const char     *word);

/* The largest number of words of any name, to bound phrase scanning. */
guint            rasd_gazetteer_max_words        (RasdGazetteer  *self);
/* The most words of a place name that begins with @word (normalised); 0 when none does. */
guint            rasd_gazetteer_words_from       (RasdGazetteer  *self,
                                                  const char     *word);

/* The country of a nationality adjective (مصري، المصرية، المصريين, normalised), or NULL.
 * @out_country, if not NULL, receives its ISO code. */
const RasdPlace *rasd_gazetteer_lookup_adjective (RasdGazetteer  *self,
                                                  const char     *normalized_word,
                                                  const char    **out_country);
/* The same without the definite forms of adjectives that begin with أل or إل (الألماني),
 * which the name tagger's model was trained without: what its features read. */
const RasdPlace *rasd_gazetteer_lookup_adjective_core (RasdGazetteer *self,
                                                       const char    *normalized_word);

/* The place @candidates most likely mean, or NULL when there are none.
 *
 * A country among the candidates wins: a bare الكويت، الجزائر، تونس، عمان means the country.
 * The city is meant when the text says so — "مدينة الكويت", "الجزائر العاصمة", "العاصمة
 * التونسية" are names of the city, so callers should try the longest phrase first — or when
 * the country is not among @preferred_countries but a same-named city is (عمان with "JO"
 * preferred is Amman).  Otherwise the most populous candidate in @preferred_countries (a
 * NULL-terminated array of ISO codes, may be NULL), else the most populous overall; a city
 * beats a site at equal population. */
const RasdPlace *rasd_gazetteer_best             (RasdGazetteer      *self,
                                                  const GPtrArray    *candidates,
                                                  const char * const *preferred_countries);

/* The place @key names, or NULL. */
/* The capital city of @country (ISO 3166-1 alpha-2); NULL when unknown. */
const RasdPlace *rasd_gazetteer_get_capital      (RasdGazetteer  *self,
                                                  const char     *country);
const RasdPlace *rasd_gazetteer_get_place        (RasdGazetteer  *self,
                                                  const char     *key);

/* Every place (RasdPlace*), in no particular order; owned by the gazetteer.  For the map's
 * labels. */
const GPtrArray *rasd_gazetteer_get_places       (RasdGazetteer  *self);

/* The places whose Arabic (normalised) or English (any case) name contains @text, best first:
 * the whole name, then names that begin with it, countries before cities, then the most
 * populous; at most @limit (0: all).  A linear scan (a few ms): for a search field.  The array
 * is the caller's, the places the gazetteer's. */
GPtrArray       *rasd_gazetteer_search           (RasdGazetteer  *self,
                                                  const char     *text,
                                                  guint           limit);

/* Counts for reports and tests. */
guint            rasd_gazetteer_count            (RasdGazetteer  *self,
                                                  RasdPlaceKind   kind,
                                                  gboolean        with_arabic_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RasdGazetteer, rasd_gazetteer_free)

G_END_DECLS
