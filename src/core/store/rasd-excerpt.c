#define G_LOG_DOMAIN "rasd-excerpt"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rasd-event-kind.h"
#include "rasd-excerpt.h"
#include "rasd-format.h"

#define FSI "\u2068"  /* FIRST STRONG ISOLATE */
#define PDI "\u2069"  /* POP DIRECTIONAL ISOLATE */

struct _RasdExcerpt
{
  GObject  parent_instance;

  gint64   id;
  gint64   article_id;
  gint64   event_id;
  gint64   start;
  gint64   end;
  char    *text;
  char    *note;
  double   position;
  gint64   created_at;

  char    *title;
  char    *source;
  char    *date;
  char    *url;

  char    *event_kind;
  char    *event_who;
  char    *event_where;
  char    *event_when;
};

G_DEFINE_FINAL_TYPE (RasdExcerpt, rasd_excerpt, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_EVENT_ID,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_NOTE,
  PROP_POSITION,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_DATE,
  PROP_URL,
  PROP_EVENT_KIND,
  PROP_EVENT_WHO,
  PROP_EVENT_WHERE,
  PROP_EVENT_WHEN,
  PROP_CITATION,
  PROP_EVENT_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rasd_excerpt_finalize (GObject *object)
{
  RasdExcerpt *self = (RasdExcerpt *) object;

  g_free (self->text);
  g_free (self->note);
  g_free (self->title);
  g_free (self->source);
  g_free (self->date);
  g_free (self->url);
  g_free (self->event_kind);
  g_free (self->event_who);
  g_free (self->event_where);
  g_free (self->event_when);

  G_OBJECT_CLASS (rasd_excerpt_parent_class)->finalize (object);
}

static void
rasd_excerpt_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RasdExcerpt *self = RASD_EXCERPT (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_ARTICLE_ID: g_value_set_int64 (value, self->article_id); break;
    case PROP_EVENT_ID: g_value_set_int64 (value, self->event_id); break;
    case PROP_START: g_value_set_int64 (value, self->start); break;
    case PROP_END: g_value_set_int64 (value, self->end); break;
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_POSITION: g_value_set_double (value, self->position); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SOURCE: g_value_set_string (value, self->source); break;
    case PROP_DATE: g_value_set_string (value, self->date); break;
    case PROP_URL: g_value_set_string (value, self->url); break;
    case PROP_EVENT_KIND: g_value_set_string (value, self->event_kind); break;
    case PROP_EVENT_WHO: g_value_set_string (value, self->event_who); break;
    case PROP_EVENT_WHERE: g_value_set_string (value, self->event_where); break;
    case PROP_EVENT_WHEN: g_value_set_string (value, self->event_when); break;
    case PROP_CITATION: g_value_take_string (value, rasd_excerpt_dup_citation (self)); break;
    case PROP_EVENT_SUMMARY: g_value_take_string (value, rasd_excerpt_dup_event_summary (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_excerpt_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RasdExcerpt *self = RASD_EXCERPT (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      rasd_excerpt_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rasd_excerpt_class_init (RasdExcerptClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = rasd_excerpt_finalize;
  object_class->get_property = rasd_excerpt_get_property;
  object_class->set_property = rasd_excerpt_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ARTICLE_ID] = g_param_spec_int64 ("article-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_EVENT_ID] = g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_START] = g_param_spec_int64 ("start", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_END] = g_param_spec_int64 ("end", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, ro);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] = g_param_spec_double ("position", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, ro);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, ro);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ro);
  properties[PROP_EVENT_KIND] = g_param_spec_string ("event-kind", NULL, NULL, NULL, ro);
  properties[PROP_EVENT_WHO] = g_param_spec_string ("event-who", NULL, NULL, NULL, ro);
  properties[PROP_EVENT_WHERE] = g_param_spec_string ("event-where", NULL, NULL, NULL, ro);
  properties[PROP_EVENT_WHEN] = g_param_spec_string ("event-when", NULL, NULL, NULL, ro);
  properties[PROP_CITATION] = g_param_spec_string ("citation", NULL, NULL, NULL, ro);
  properties[PROP_EVENT_SUMMARY] = g_param_spec_string ("event-summary", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rasd_excerpt_init (RasdExcerpt *self)
{
}

RasdExcerpt *
rasd_excerpt_new (void)
{
  return g_object_new (RASD_TYPE_EXCERPT, NULL);
}

RasdExcerpt *
rasd_excerpt_copy (RasdExcerpt *self)
{
  RasdExcerpt *copy;

  g_return_val_if_fail (RASD_IS_EXCERPT (self), NULL);

  copy = rasd_excerpt_new ();
  copy->id = self->id;
  copy->article_id = self->article_id;
  copy->event_id = self->event_id;
  copy->start = self->start;
  copy->end = self->end;
  copy->text = g_strdup (self->text);
  copy->note = g_strdup (self->note);
  copy->position = self->position;
  copy->created_at = self->created_at;
  rasd_excerpt_set_article_citation (copy, self->title, self->source, self->date, self->url);
  rasd_excerpt_set_event_citation (copy, self->event_kind, self->event_who, self->event_where,
                                   self->event_when);
  return copy;
}

#define GETTER(type, name, field, fallback) \
  type \
  rasd_excerpt_get_##name (RasdExcerpt *self) \
  { \
    g_return_val_if_fail (RASD_IS_EXCERPT (self), fallback); \
    return self->field; \
  }

GETTER (gint64, id, id, 0)
GETTER (gint64, article_id, article_id, 0)
GETTER (gint64, event_id, event_id, 0)
GETTER (gint64, start, start, 0)
GETTER (gint64, end, end, 0)
GETTER (const char *, text, text, NULL)
GETTER (const char *, note, note, NULL)
GETTER (double, position, position, 0)
GETTER (gint64, created_at, created_at, 0)
GETTER (const char *, title, title, NULL)
GETTER (const char *, source, source, NULL)
GETTER (const char *, date, date, NULL)
GETTER (const char *, url, url, NULL)
GETTER (const char *, event_kind, event_kind, NULL)
GETTER (const char *, event_who, event_who, NULL)
GETTER (const char *, event_where, event_where, NULL)
GETTER (const char *, event_when, event_when, NULL)

#undef GETTER

void
rasd_excerpt_set_id (RasdExcerpt *self,
                     gint64       id)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));
  self->id = id;
}

void
rasd_excerpt_set_article_id (RasdExcerpt *self,
                             gint64       article_id)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));
  self->article_id = article_id;
}

void
rasd_excerpt_set_event_id (RasdExcerpt *self,
                           gint64       event_id)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));
  self->event_id = event_id;
}

void
rasd_excerpt_set_range (RasdExcerpt *self,
                        gint64       start,
                        gint64       end)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));
  g_return_if_fail (start <= end);
  self->start = start;
  self->end = end;
}

void
rasd_excerpt_set_text (RasdExcerpt *self,
                       const char  *text)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));
  g_free (self->text);
  self->text = g_strdup (text);
}

void
rasd_excerpt_set_note (RasdExcerpt *self,
                       const char  *note)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (self->note, note) == 0)
    return;
  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
rasd_excerpt_set_position (RasdExcerpt *self,
                           double       position)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));
  self->position = position;
}

void
rasd_excerpt_set_created_at (RasdExcerpt *self,
                             gint64       created_at)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));
  self->created_at = created_at;
}

static void
replace_string (char       **field,
                const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (*field == value)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

void
rasd_excerpt_set_article_citation (RasdExcerpt *self,
                                   const char  *title,
                                   const char  *source,
                                   const char  *date,
                                   const char  *url)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));
  replace_string (&self->title, title);
  replace_string (&self->source, source);
  replace_string (&self->date, date);
  replace_string (&self->url, url);
}

void
rasd_excerpt_set_event_citation (RasdExcerpt *self,
                                 const char  *kind,
                                 const char  *who,
                                 const char  *where,
                                 const char  *when)
{
  g_return_if_fail (RASD_IS_EXCERPT (self));
  replace_string (&self->event_kind, kind);
  replace_string (&self->event_who, who);
  replace_string (&self->event_where, where);
  replace_string (&self->event_when, when);
}

gboolean
rasd_excerpt_has_event (RasdExcerpt *self)
{
  g_return_val_if_fail (RASD_IS_EXCERPT (self), FALSE);
  return self->event_kind != NULL || self->event_who != NULL || self->event_where != NULL ||
         self->event_when != NULL;
}

char *
rasd_excerpt_dup_citation (RasdExcerpt *self)
{
  g_autoptr(GString) citation = NULL;

  g_return_val_if_fail (RASD_IS_EXCERPT (self), NULL);

  /* Each field first-strong isolated (U+2068 … U+2069): the bidi algorithm then orders the
   * fields as the line's direction says, never a Latin source with the date after it
   * ("2015-07-23 ,alwatan"); the separators take the line's direction. */
  citation = g_string_new (NULL);
  g_string_append_printf (citation, FSI "%s" PDI, self->title != NULL ? self->title : _("Untitled article"));
  if (self->source != NULL)
    g_string_append_printf (citation, " — " FSI "%s" PDI, self->source);
  if (self->date != NULL)
    {
      g_autofree char *date = rasd_format_article_date (self->date);

      /* Translators: separates the publication date from the rest of a citation */
      g_string_append_printf (citation, "%s" FSI "%s" PDI, _(", "), date);
    }
  return g_string_free (g_steal_pointer (&citation), FALSE);
}

static char *
event_summary (RasdExcerpt *self,
               gboolean     date_in_words)
{
  g_autoptr(GString) summary = NULL;

  if (!rasd_excerpt_has_event (self))
    return NULL;
  summary = g_string_new (FSI);
  g_string_append (summary, self->event_kind != NULL ? rasd_event_kind_label (self->event_kind)
                                                     : _("Event"));
  g_string_append (summary, PDI);
  if (self->event_who != NULL)
    {
      g_autofree char *who = g_strdup_printf (FSI "%s" PDI, self->event_who);

      g_string_append_printf (summary, _(": %s"), who);
    }
  if (self->event_where != NULL)
    g_string_append_printf (summary, " — " FSI "%s" PDI, self->event_where);
  if (self->event_when != NULL && date_in_words)
    {
      g_autofree char *when = rasd_format_article_date (self->event_when);

      g_string_append_printf (summary, " — " FSI "%s" PDI, when);
    }
  /* ISO, isolated left-to-right: in a right-to-left line 2015-10-21 would otherwise show as
   * 21-10-2015 */
  else if (self->event_when != NULL)
    g_string_append_printf (summary, " — \u2066%s" PDI, self->event_when);
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

char *
rasd_excerpt_dup_event_summary (RasdExcerpt *self)
{
  g_return_val_if_fail (RASD_IS_EXCERPT (self), NULL);
  return event_summary (self, FALSE);
}

char *
rasd_excerpt_dup_event_line (RasdExcerpt *self)
{
  g_return_val_if_fail (RASD_IS_EXCERPT (self), NULL);
  return event_summary (self, TRUE);
}
