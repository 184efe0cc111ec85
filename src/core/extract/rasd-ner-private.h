#pragma once

#include <string.h>

#include "rasd-ner.h"
#include "rasd-word-memos.h"

G_BEGIN_DECLS

/* What rasd-ner.c (the scan of the names) and rasd-ner-resolve.c (places with their evidence,
 * then roles and one person's several names, resolved once the article is read) share: the
 * state of one run and the helpers both ask. */

struct _RasdNer
{
  RasdPeople    *people;
  RasdGazetteer *gazetteer;
  GHashTable    *stopwords;   /* normalised word set */
  GHashTable    *name_common; /* words never part of a name (derived from ANERcorp) */
  GHashTable    *org_names;   /* normalised phrase set */
  GHashTable    *org_heads;   /* normalised phrase set */
  GHashTable    *common_places; /* single-word place names that are also common words */
  GHashTable    *never_places;  /* words and phrases never read as places (مسقط رأس) */
  GHashTable    *org_first;   /* first words of organisation names and heads */
  GHashTable    *word_lists;  /* word of the lists below → WordList flags of those it is in */
  guint          org_max_words;
  guint          memo_owner;  /* rasd_word_memos_new_owner () */
};

typedef struct
{
  int         entity;
  const char *title;    /* the title or role text before the name, or NULL */
  const char *country;  /* from an adjective after the title, or the lexicon */
  guint       count;
  const char *norm;     /* the normalised name */
  const char *name_title; /* a title the lexicon's name begins with (الملك سلمان...), or NULL */
} PersonInfo;

typedef struct
{
  guint       first_token;
  guint       n_tokens;
  guint       sentence;
  const char *title;    /* NULL for counterpart words */
  const char *country;  /* NULL when the role has no nationality */
  gboolean    counterpart;
  guint       chain_end;  /* the token after what the role's chain read */
  gboolean    reference;  /* the title names no office (الوزير التركي): any person of the
                           * country will do when none has a title that agrees */
  gboolean    local;      /* the country is that of a city or region the role is of (أمير
                           * منطقة الرياض), not a country named */
} RoleRef;

typedef struct
{
  guint            first_token;
  guint            n_tokens;
  const GPtrArray *candidates;
  int              preposition;
} PlaceRef;

typedef struct
{
  RasdNer        *ner;
  const char     *text;
  RasdTokens     *tokens;
  RasdExtraction *out;
  guint           n;
  gboolean       *covered;
  GArray         *names;      /* RasdNerName */
  GArray         *persons;    /* PersonInfo */
  GHashTable     *person_index; /* entity + 1 → index in persons + 1 */
  GHashTable     *known_roles;  /* rasd_title_role_key() of the persons → how many */
  GArray         *roles;      /* RoleRef */
  GArray         *places;     /* PlaceRef */
  GHashTable     *countries;  /* ISO → count (GUINT_TO_POINTER) */
  GString        *phrase;
  char           *buffer;     /* for proclitic forms */
  gsize           buffer_size;
  RasdWordMemos  *memos;      /* this thread's, for the lexicons of ner */
  RasdWordMemo  **memo;       /* per token: its word's memo (proclitic forms, lexicon answers) */
  GStringChunk   *form_strings; /* strings of this run (names read, phrases) */
  guint8         *breaks;     /* per token: breaks_after() + 1 (0: not yet read) */
  guint          *spans;      /* per token: how many tokens from it run on without a break */
  const RasdToken *token_array; /* rasd_tokens_get_tokens() */
  guint8         *variant_none;  /* per token: no lexicon name's variant begins there */
  GString        *variant;       /* for rasd_people_variant_append() */
  const guint8   *dated;         /* per token: a date mention covers it (NULL: none known) */
  RasdNameTagger *tagger;        /* NULL: the names are not checked against it */
  guint8         *tagged;        /* per token: its RasdNameLabel, once tagged (NULL: not yet) */
  guint8         *in_title;     /* per token: whether it is in the chain of a role */
  guint           as_written;   /* token + 1 read_unknown_name() reads as written (لورينس is
                                 * no ل + ورينس), or 0 */
} Run;

typedef enum
{
  WORD_BUILDING    = 1 << 0,  /* building_words */
  WORD_COUNTERPART = 1 << 1,  /* counterpart_words */
  WORD_LINK        = 1 << 2,  /* name_links */
  WORD_SPEECH      = 1 << 3,  /* speech_words */
} WordList;

/* What the word lists say of a token. */
typedef enum
{
  TOKEN_LISTS_READ  = 1 << 0,
  TOKEN_BUILDING    = 1 << 1,  /* any form of it is a building word (كنيسة is no ك + نيسة) */
  TOKEN_COUNTERPART = 1 << 2,  /* without its proclitics, a counterpart word */
  TOKEN_LINK        = 1 << 3,  /* as written, a name link */
  TOKEN_SPEECH      = 1 << 4,  /* without its proclitics, a verb of saying */
} TokenList;

/* g_str_has_prefix() and g_str_has_suffix() without the calls: asked at every token. */
static inline gboolean
has_prefix (const char *str,
            const char *prefix)
{
  return strncmp (str, prefix, strlen (prefix)) == 0;
}

static inline gboolean
has_suffix (const char *str,
            const char *suffix)
{
  gsize len = strlen (str), suffix_len = strlen (suffix);

  return len >= suffix_len && strcmp (str + len - suffix_len, suffix) == 0;
}

static inline gboolean
in_list (const char * const *list,
         const char         *word)
{
  /* the entries are not empty: comparing the first two bytes before calling strcmp() rejects
   * most words without reading past the end of any */
  for (guint i = 0; list[i] != NULL; i++)
    if (list[i][0] == word[0] && list[i][1] == word[1] && strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

/* Generic nouns before a place name, and the words joining names (بن، آل، عبد، ابو...). */
extern const char * const rasd_ner_place_nouns[];
extern const char * const rasd_ner_name_links[];
extern const char * const rasd_ner_descent_links[];  /* بن، ابن، بنت، ولد */

G_GNUC_INTERNAL const RasdToken *tok              (Run *run, guint i);
G_GNUC_INTERNAL gboolean    breaks_after          (Run *run, guint i);
G_GNUC_INTERNAL guint       forms_of              (Run *run, guint i, const char **forms);
G_GNUC_INTERNAL const char *phrase                (Run *run, const char *first, guint i, guint len);
G_GNUC_INTERNAL guint       span_limit            (Run *run, guint i, guint max);
G_GNUC_INTERNAL gboolean    proclitic_before_hamza (Run *run, guint i);
G_GNUC_INTERNAL int         place_preposition     (Run *run, guint i, const char *word);
G_GNUC_INTERNAL void        add_name              (Run *run, RasdMentionKind kind, int entity,
                                                   guint first, guint n_tokens, guint title_token,
                                                   guint flags, int preposition, gboolean to_output);
G_GNUC_INTERNAL void        note_person           (Run *run, int entity, const char *title,
                                                   const char *country);
G_GNUC_INTERNAL void        note_name_title       (Run *run, int entity, const char *title);
G_GNUC_INTERNAL void        count_country         (GHashTable *countries, const char *country);
G_GNUC_INTERNAL gboolean    is_spokesperson_title (const char *title);
G_GNUC_INTERNAL gboolean    after_speech_word     (Run *run, guint i);
G_GNUC_INTERNAL gboolean    named_for             (Run *run, guint i);
G_GNUC_INTERNAL gboolean    principal_of_envoy    (Run *run, guint i);
G_GNUC_INTERNAL guint8      token_lists           (Run *run, guint i);
G_GNUC_INTERNAL const char *match_adjective       (Run *run, guint i);
G_GNUC_INTERNAL PersonInfo *person_info           (Run *run, int entity);
G_GNUC_INTERNAL gboolean    is_first_name_at      (Run *run, guint i, gboolean bare);
G_GNUC_INTERNAL gboolean    is_common_word        (Run *run, guint i);
G_GNUC_INTERNAL gboolean    is_stop               (Run *run, guint i);
G_GNUC_INTERNAL gboolean    is_name_link          (Run *run, guint i);
G_GNUC_INTERNAL gboolean    names_a_building      (Run *run, guint i);
G_GNUC_INTERNAL guint       skip_building_name    (Run *run, guint i);
G_GNUC_INTERNAL gboolean    sentence_and_verb     (Run *run, guint i);
G_GNUC_INTERNAL const RasdTitle *match_title      (Run *run, guint i, guint *len);
G_GNUC_INTERNAL int         unknown_person_entity (Run *run, guint first, guint n_tokens);
G_GNUC_INTERNAL gboolean    after_month_word      (Run *run, guint i);
G_GNUC_INTERNAL guint       read_unknown_name     (Run *run, guint i);
G_GNUC_INTERNAL const char *title_text            (Run *run, const RasdTitle *title, guint i, guint len);
G_GNUC_INTERNAL gboolean    derived_place         (Run *run, const RasdPerson *person, guint i, guint len);
G_GNUC_INTERNAL gboolean    first_of_descent      (Run *run, guint i);
G_GNUC_INTERNAL gboolean    may_start_title       (Run *run, guint i);
G_GNUC_INTERNAL const RasdPerson *match_person    (Run *run, guint i, guint *len, gboolean *short_form);
G_GNUC_INTERNAL const char *bare                  (Run *run, guint i, char *buf, gsize size);

/* rasd-ner-roles.c */
G_GNUC_INTERNAL guint       scan_apposition       (Run *run, guint i);
G_GNUC_INTERNAL guint       scan_counterpart      (Run *run, guint i);
G_GNUC_INTERNAL guint       scan_dual_role        (Run *run, guint i);
G_GNUC_INTERNAL gboolean    name_after_titles     (Run *run, guint i);
G_GNUC_INTERNAL gboolean    unknown_as_written    (Run *run, guint i, const char *bare_word);
G_GNUC_INTERNAL gboolean    hamza_alif_lam        (Run *run, guint i);
G_GNUC_INTERNAL gboolean    named_by_father       (Run *run, guint i);

/* rasd-ner-tagged.c */
G_GNUC_INTERNAL guint       tagged_person         (Run *run, guint i, guint n, guint *first);
G_GNUC_INTERNAL guint       trim_to_tagged        (Run *run, guint i, guint n, guint first,
                                                   guint n_tagged);
G_GNUC_INTERNAL guint       extend_to_tagged      (Run *run, guint i, guint n);
G_GNUC_INTERNAL gboolean    tagged_inside_person  (Run *run, guint i);
G_GNUC_INTERNAL gboolean    family_goes_on        (Run *run, guint j);
G_GNUC_INTERNAL gboolean    other_family          (Run *run, const RasdPerson *person, guint i, guint l);
/* The tagger's people of two words or more that no rule read, taken as names the lexicon
 * lacks (after every rule has read the article, before surnames and roles are resolved). */
G_GNUC_INTERNAL void        add_tagged_people     (Run *run);

/* rasd-ner-resolve.c */
G_GNUC_INTERNAL gboolean    same_head             (const char *a, const char *b);
G_GNUC_INTERNAL guint       place_words_at        (Run *run, guint i);
G_GNUC_INTERNAL guint       scan_place            (Run *run, guint i);
G_GNUC_INTERNAL void        resolve_places        (Run *run);
G_GNUC_INTERNAL void        resolve_kingdom       (Run *run);
G_GNUC_INTERNAL void        counterpart_titles    (Run *run);
G_GNUC_INTERNAL int         person_by_last_name   (Run *run, guint i);
G_GNUC_INTERNAL gboolean    waw_inside_name       (Run *run, guint i, guint nth);
G_GNUC_INTERNAL void        resolve_roles         (Run *run);
G_GNUC_INTERNAL void        merge_person_variants (Run *run);
G_GNUC_INTERNAL void        merge_short_forms     (Run *run);
G_GNUC_INTERNAL void        find_surnames         (Run *run);

G_END_DECLS
