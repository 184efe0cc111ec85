#define G_LOG_DOMAIN "rasd-cli"

#include "config.h"

#include "rasd-cli-extract.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "rasd-article-reader.h"
#include "rasd-cli-common.h"
#include "rasd-error.h"
#include "rasd-export.h"
#include "rasd-ordered-pool.h"
#include "rasd-path.h"
#include "rasd-rules.h"
#include "rasd-tokens.h"

static void
add_place (JsonBuilder *builder,
           RasdEntity  *place)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, place->name);
  json_builder_set_member_name (builder, "en");
  if (place->name_en != NULL)
    json_builder_add_string_value (builder, place->name_en);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "lat");
  json_builder_add_double_value (builder, place->lat);
  json_builder_set_member_name (builder, "lon");
  json_builder_add_double_value (builder, place->lon);
  json_builder_set_member_name (builder, "country");
  if (place->country != NULL)
    json_builder_add_string_value (builder, place->country);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, place->place_kind != NULL ? place->place_kind : "city");
  json_builder_end_object (builder);
}

void
rasd_cli_append_events_jsonl (GString        *out,
                              const char     *article,
                              RasdExtraction *extraction)
{
  for (guint e = 0; e < extraction->events->len; e++)
    {
      RasdEvent *event = g_ptr_array_index (extraction->events, e);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *date = rasd_date_to_iso (&event->date);
      g_autofree char *line = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "article");
      json_builder_add_string_value (builder, article);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, event->kind);
      json_builder_set_member_name (builder, "cameo");
      json_builder_add_string_value (builder, event->cameo);
      json_builder_set_member_name (builder, "date");
      if (date != NULL)
        json_builder_add_string_value (builder, date);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, rasd_event_role_to_string (event->role));

      json_builder_set_member_name (builder, "participants");
      json_builder_begin_array (builder);
      for (guint p = 0; p < event->participants->len; p++)
        {
          RasdEntity *person = rasd_extraction_get_entity (extraction,
                                                           g_array_index (event->participants, int, p));

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, person->name);
          json_builder_set_member_name (builder, "en");
          if (person->name_en != NULL)
            json_builder_add_string_value (builder, person->name_en);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_set_member_name (builder, "place");
      if (event->place >= 0)
        add_place (builder, rasd_extraction_get_entity (extraction, event->place));
      else
        json_builder_add_null_value (builder);

      json_builder_set_member_name (builder, "evidence");
      json_builder_begin_array (builder);
      for (guint s = 0; s < event->evidence->len; s++)
        {
          RasdSpan *span = &g_array_index (event->evidence, RasdSpan, s);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, (gint64) span->start);
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, (gint64) span->end);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      line = rasd_export_json_to_data (root, FALSE, NULL);
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }
}

static void
append_mentions (GString        *out,
                 const char     *text,
                 RasdExtraction *extraction)
{
  for (guint m = 0; m < extraction->mentions->len; m++)
    {
      RasdMention *mention = &g_array_index (extraction->mentions, RasdMention, m);
      const char *from = g_utf8_offset_to_pointer (text, (glong) mention->start);
      const char *to = g_utf8_offset_to_pointer (text, (glong) mention->end);

      g_string_append_printf (out, "%s\t%" G_GSIZE_FORMAT "\t%" G_GSIZE_FORMAT "\t%.*s\t",
                              rasd_mention_kind_to_string (mention->kind), mention->start,
                              mention->end, (int) (to - from), from);
      if (mention->entity >= 0)
        {
          RasdEntity *entity = rasd_extraction_get_entity (extraction, mention->entity);
          g_string_append_printf (out, "%s\t%s", entity->name, entity->key);
        }
      else
        {
          g_autofree char *iso = rasd_date_to_iso (&mention->date);
          g_string_append (out, iso != NULL ? iso : "-");
        }
      g_string_append_c (out, '\n');
    }
}

/* One file's output, or NULL with @error. */
static GString *
extract_file_text (RasdExtractor  *extractor,
                   const char     *path,
                   gboolean        mentions,
                   GError        **error)
{
  g_autoptr(RasdReadResult) result = rasd_article_reader_read (path, NULL, error);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *base = rasd_path_display (name);  /* JSON holds UTF-8 only */
  g_autoptr(GString) out = g_string_new (NULL);

  if (result == NULL)
    return NULL;
  for (guint a = 0; a < result->articles->len; a++)
    {
      RasdArticle *article = g_ptr_array_index (result->articles, a);
      g_autoptr(RasdExtraction) extraction = rasd_extractor_extract_article (extractor, article);
      if (mentions)
        append_mentions (out, rasd_article_get_text (article), extraction);
      else
        rasd_cli_append_events_jsonl (out, base, extraction);
    }
  return g_steal_pointer (&out);
}

/* Files are extracted on a pool of workers and printed in the order given. */
typedef struct
{
  char   *path;
  GString *text;  /* NULL with error */
  GError *error;
} ExtractJob;

static void
extract_job_free (ExtractJob *job)
{
  g_free (job->path);
  if (job->text != NULL)
    g_string_free (job->text, TRUE);
  g_clear_error (&job->error);
  g_free (job);
}

typedef struct
{
  RasdExtractor *extractor;
  gboolean       mentions;
} ExtractShared;

static gpointer
extract_job_work (gpointer input,
                  gpointer user_data)
{
  ExtractShared *shared = user_data;
  ExtractJob *job = input;

  job->text = extract_file_text (shared->extractor, job->path, shared->mentions, &job->error);
  return job;
}

#define EXTRACT_AHEAD_PER_WORKER 4

gboolean
rasd_cli_extract_files (RasdExtractor      *extractor,
                        const char * const *paths,
                        gboolean            mentions,
                        guint               jobs)
{
  ExtractShared shared = { extractor, mentions };
  g_autoptr(RasdOrderedPool) pool = rasd_ordered_pool_new (jobs, extract_job_work, &shared,
                                                           (GDestroyNotify) extract_job_free,
                                                           (GDestroyNotify) extract_job_free);
  guint ahead = EXTRACT_AHEAD_PER_WORKER * rasd_ordered_pool_get_n_workers (pool);
  gboolean ok = TRUE;
  guint next = 0;

  while (paths[next] != NULL || rasd_ordered_pool_get_n_pending (pool) > 0)
    {
      ExtractJob *job;

      while (paths[next] != NULL && rasd_ordered_pool_get_n_pending (pool) < ahead)
        {
          job = g_new0 (ExtractJob, 1);
          job->path = g_strdup (paths[next++]);
          rasd_ordered_pool_push (pool, job);
        }
      job = rasd_ordered_pool_pop (pool);
      if (job->text != NULL)
        fwrite (job->text->str, 1, job->text->len, stdout);
      else
        {
          /* after the output of the files before it, as a run on one thread prints it */
          g_autofree char *shown = rasd_path_display (job->path);

          fflush (stdout);
          rasd_cli_print_error ("%s: %s", shown, job->error->message);
          ok = FALSE;
        }
      extract_job_free (job);
    }
  return ok;
}

/* extract --format rules ---------------------------------------------------------------- */

gboolean
rasd_cli_extract_rules (RasdExtractor       *extractor,
                        const char * const  *paths,
                        GError             **error)
{
  guint articles[RASD_N_RULES] = { 0 };
  guint total[RASD_N_RULES] = { 0 };
  g_autoptr(GPtrArray) where = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n_articles = 0;
  g_autoptr(GString) out = g_string_new (NULL);

  /* per rule, the first articles it fired in */
  for (guint r = 0; r < RASD_N_RULES; r++)
    g_ptr_array_add (where, g_ptr_array_new_with_free_func (g_free));

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(RasdReadResult) result = rasd_article_reader_read (paths[i], NULL, error);
      g_autofree char *base = g_path_get_basename (paths[i]);

      if (result == NULL)
        {
          g_prefix_error (error, "%s: ", paths[i]);
          return FALSE;
        }
      for (guint a = 0; a < result->articles->len; a++)
        {
          guint hits[RASD_N_RULES] = { 0 };
          g_autoptr(RasdExtraction) extraction = NULL;

          rasd_rules_count (hits);
          extraction = rasd_extractor_extract_article (extractor,
                                                       g_ptr_array_index (result->articles, a));
          rasd_rules_count (NULL);
          n_articles++;
          for (guint r = 0; r < RASD_N_RULES; r++)
            {
              if (hits[r] == 0)
                continue;
              articles[r]++;
              total[r] += hits[r];
              if (((GPtrArray *) where->pdata[r])->len < 3)
                g_ptr_array_add (where->pdata[r], result->articles->len > 1 ?
                                 g_strdup_printf ("%s#%u", base, a + 1) : g_strdup (base));
            }
        }
    }
  /* a table for people: rule, in how many articles it fired, hits, the first articles */
  g_string_append_printf (out, "# %u articles\n# rule\tarticles\thits\tfirst articles\twhat it decides\n",
                          n_articles);
  for (guint r = 0; r < RASD_N_RULES; r++)
    {
      GPtrArray *first_articles = where->pdata[r];
      g_autofree char *first = NULL;

      g_ptr_array_add (first_articles, NULL);
      first = g_strjoinv (",", (char **) first_articles->pdata);
      g_string_append_printf (out, "%s\t%u\t%u\t%s\t%s\n", rasd_rule_name (r), articles[r], total[r],
                              *first != '\0' ? first : "-", rasd_rule_description (r));
    }
  fwrite (out->str, 1, out->len, stdout);
  return TRUE;
}

/* tag --conll ------------------------------------------------------------------------------ */

typedef struct
{
  char *line;   /* as read, printed back unchanged up to the first tab */
  char *word;   /* the first column */
} ConllLine;

static void
conll_line_clear (gpointer data)
{
  ConllLine *line = data;

  g_free (line->line);
  g_free (line->word);
}

/* Prints @lines with their tags: the file is tagged as one document (a name found in one
 * sentence helps in the others); other names (MISC) are printed as O. */
static void
tag_lines (RasdNameTagger *tagger,
           GArray         *lines,
           GString        *out)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *labels = NULL;
  g_autoptr(GArray) spans = NULL;
  guint w = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const char *word = g_array_index (lines, ConllLine, i).word;

      /* a sentence begins at the first line and after each run of blank lines */
      if (word != NULL && (i == 0 || g_array_index (lines, ConllLine, i - 1).word == NULL))
        g_array_append_val (starts, words->len);
      if (word != NULL)
        g_ptr_array_add (words, (gpointer) word);
    }
  g_array_append_val (starts, words->len);
  labels = g_new (guint8, MAX (words->len, 1));
  spans = rasd_name_tagger_tag_sentences (tagger, (const char * const *) words->pdata,
                                          (const guint *) starts->data, starts->len - 1, labels);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *word = g_array_index (lines, ConllLine, i).word;
      guint8 label;

      if (word == NULL)
        {
          g_string_append_c (out, '\n');
          continue;
        }
      label = labels[w++];
      if (label == RASD_NAME_LABEL_B_MISC || label == RASD_NAME_LABEL_I_MISC)
        label = RASD_NAME_LABEL_O;
      g_string_append (out, word);
      g_string_append_c (out, '\t');
      g_string_append (out, rasd_name_label_to_string (label));
      g_string_append_c (out, '\n');
    }
}

static gboolean
is_blank (const char *line)
{
  for (; *line != '\0'; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

gboolean
rasd_cli_tag_conll (RasdNameTagger *tagger,
                    const char     *path,
                    GError        **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_auto(GStrv) raw = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (ConllLine));
  g_autoptr(GString) out = g_string_new (NULL);

  g_array_set_clear_func (lines, conll_line_clear);
  if (strcmp (path, "-") == 0)
    {
      g_autoptr(GIOChannel) channel = g_io_channel_unix_new (0);

      if (g_io_channel_read_to_end (channel, &contents, &length, error) != G_IO_STATUS_NORMAL)
        return FALSE;
    }
  else if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  if (!g_utf8_validate (contents, (gssize) length, NULL))
    {
      g_set_error (error, RASD_ERROR, RASD_ERROR_ENCODING,
                   _("%s is not valid UTF-8; tag --conll reads UTF-8 text"), path);
      return FALSE;
    }

  raw = g_strsplit (contents, "\n", -1);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *line = raw[i];
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[len - 1] = '\0';
      /* the final newline leaves one empty string after it: not a line */
      if (raw[i + 1] == NULL && line[0] == '\0')
        break;
      if (is_blank (line))
        {
          ConllLine blank = { g_strdup (""), NULL };
          g_array_append_val (lines, blank);
          continue;
        }
      {
        ConllLine entry = { g_strdup (line), NULL };
        const char *tab = strpbrk (line, "\t ");

        entry.word = tab != NULL ? g_strndup (line, (gsize) (tab - line)) : g_strdup (line);
        g_array_append_val (lines, entry);
      }
    }

  tag_lines (tagger, lines, out);
  fwrite (out->str, 1, out->len, stdout);
  return TRUE;
}
