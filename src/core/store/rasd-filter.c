#include "config.h"

#include "rasd-filter.h"

struct _RasdFilter
{
  GObject  parent_instance;

  char    *person;
  char    *person_label;
  char    *place;
  char    *place_label;
  char    *kind;
  char    *from;
  char    *to;
  char    *text;
  gboolean unreviewed;

  guint    frozen;
  gboolean pending;
};

G_DEFINE_FINAL_TYPE (RasdFilter, rasd_filter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (RasdFilter *self)
{
  if (self->frozen > 0)
    {
      self->pending = TRUE;
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Sets *@field to @value (an empty string counts as NULL); TRUE when it changed. */
static gboolean
set_field (char       **field,
           const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
rasd_filter_finalize (GObject *object)
{
  RasdFilter *self = RASD_FILTER (object);

  g_free (self->person);
  g_free (self->person_label);
  g_free (self->place);
  g_free (self->place_label);
  g_free (self->kind);
  g_free (self->from);
  g_free (self->to);
  g_free (self->text);

  G_OBJECT_CLASS (rasd_filter_parent_class)->finalize (object);
}

static void
rasd_filter_class_init (RasdFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rasd_filter_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rasd_filter_init (RasdFilter *self)
{
}

RasdFilter *
rasd_filter_new (void)
{
  return g_object_new (RASD_TYPE_FILTER, NULL);
}

const char *
rasd_filter_get_person (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), NULL);
  return self->person;
}

const char *
rasd_filter_get_person_label (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), NULL);
  return self->person_label != NULL ? self->person_label : self->person;
}

void
rasd_filter_set_person (RasdFilter *self,
                        const char *key,
                        const char *label)
{
  gboolean did;

  g_return_if_fail (RASD_IS_FILTER (self));

  did = set_field (&self->person, key);
  set_field (&self->person_label, self->person != NULL ? label : NULL);
  if (did)
    changed (self);
}

const char *
rasd_filter_get_place (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), NULL);
  return self->place;
}

const char *
rasd_filter_get_place_label (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), NULL);
  return self->place_label != NULL ? self->place_label : self->place;
}

void
rasd_filter_set_place (RasdFilter *self,
                       const char *key,
                       const char *label)
{
  gboolean did;

  g_return_if_fail (RASD_IS_FILTER (self));

  did = set_field (&self->place, key);
  set_field (&self->place_label, self->place != NULL ? label : NULL);
  if (did)
    changed (self);
}

const char *
rasd_filter_get_kind (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), NULL);
  return self->kind;
}

void
rasd_filter_set_kind (RasdFilter *self,
                      const char *kind)
{
  g_return_if_fail (RASD_IS_FILTER (self));

  if (set_field (&self->kind, kind))
    changed (self);
}

const char *
rasd_filter_get_from (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), NULL);
  return self->from;
}

const char *
rasd_filter_get_to (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), NULL);
  return self->to;
}

void
rasd_filter_set_range (RasdFilter *self,
                       const char *from,
                       const char *to)
{
  gboolean did;

  g_return_if_fail (RASD_IS_FILTER (self));

  did = set_field (&self->from, from);
  did = set_field (&self->to, to) || did;
  if (did)
    changed (self);
}

const char *
rasd_filter_get_text (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), NULL);
  return self->text;
}

void
rasd_filter_set_text (RasdFilter *self,
                      const char *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (RASD_IS_FILTER (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (set_field (&self->text, stripped))
    changed (self);
}

gboolean
rasd_filter_get_unreviewed (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), FALSE);
  return self->unreviewed;
}

void
rasd_filter_set_unreviewed (RasdFilter *self,
                            gboolean    unreviewed)
{
  g_return_if_fail (RASD_IS_FILTER (self));

  if (self->unreviewed == !!unreviewed)
    return;
  self->unreviewed = !!unreviewed;
  changed (self);
}

gboolean
rasd_filter_is_empty (RasdFilter *self)
{
  g_return_val_if_fail (RASD_IS_FILTER (self), TRUE);

  return self->person == NULL && self->place == NULL && self->kind == NULL &&
         self->from == NULL && self->to == NULL && self->text == NULL && !self->unreviewed;
}

void
rasd_filter_clear (RasdFilter *self)
{
  g_return_if_fail (RASD_IS_FILTER (self));

  rasd_filter_freeze (self);
  rasd_filter_set_person (self, NULL, NULL);
  rasd_filter_set_place (self, NULL, NULL);
  rasd_filter_set_kind (self, NULL);
  rasd_filter_set_range (self, NULL, NULL);
  rasd_filter_set_text (self, NULL);
  rasd_filter_set_unreviewed (self, FALSE);
  rasd_filter_thaw (self);
}

void
rasd_filter_freeze (RasdFilter *self)
{
  g_return_if_fail (RASD_IS_FILTER (self));
  self->frozen++;
}

void
rasd_filter_thaw (RasdFilter *self)
{
  g_return_if_fail (RASD_IS_FILTER (self));
  g_return_if_fail (self->frozen > 0);

  if (--self->frozen == 0 && self->pending)
    {
      self->pending = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

void
rasd_filter_to_event_filter (RasdFilter      *self,
                             RasdEventFilter *out)
{
  g_return_if_fail (RASD_IS_FILTER (self));

  *out = (RasdEventFilter) {
    .person = self->person,
    .place = self->place,
    .from = self->from,
    .to = self->to,
    .kind = self->kind,
    .text = self->text,
    .unreviewed = self->unreviewed,
  };
}
