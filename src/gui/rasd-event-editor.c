#define G_LOG_DOMAIN "rasd-event-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rasd-event-editor.h"
#include "rasd-event-kind.h"
#include "rasd-format.h"
#include "rasd-gazetteer.h"

#define N_RESULTS 6

typedef struct
{
  char     *key;
  char     *name;
  char     *name_en;
} Person;

struct _RasdEventEditor
{
  AdwWindow        parent_instance;

  RasdStore       *store;
  RasdCorrector   *corrector;
  RasdStoredEvent *event;
  GPtrArray       *people;        /* Person*: as they will be */
  gboolean         place_changed;
  const RasdPlace *place;         /* the gazetteer's; NULL with place_changed: no place */
  GPtrArray       *evidence_checks;  /* GtkCheckButton*, one per evidence span */

  /* Template widgets */
  AdwComboRow     *kind_row;
  AdwEntryRow     *date_row;
  AdwComboRow     *precision_row;
  GtkSwitch       *reviewed_switch;
  AdwActionRow    *place_row;
  GtkSearchEntry  *place_search;
  GtkListBox      *place_results;
  GtkListBox      *people_list;
  GtkSearchEntry  *people_search;
  GtkListBox      *people_results;
  GtkListBox      *evidence_list;
  GtkWidget       *split_button;
};

G_DEFINE_FINAL_TYPE (RasdEventEditor, rasd_event_editor, ADW_TYPE_WINDOW)

static void
person_free (Person *person)
{
  g_free (person->key);
  g_free (person->name);
  g_free (person->name_en);
  g_free (person);
}

static Person *
person_new (const char *key,
            const char *name,
            const char *name_en)
{
  Person *person = g_new0 (Person, 1);

  person->key = g_strdup (key);
  person->name = g_strdup (name);
  person->name_en = g_strdup (name_en);
  return person;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A boxed list without rows draws as a line: shown only with results. */
static void
show_if_filled (GtkListBox *list)
{
  gtk_widget_set_visible (GTK_WIDGET (list), gtk_widget_get_first_child (GTK_WIDGET (list)) != NULL);
}

static void
show_place (RasdEventEditor *self)
{
  const char *name = NULL, *subtitle = NULL;

  if (self->place_changed)
    {
      name = self->place != NULL ? self->place->name_ar : NULL;
      subtitle = self->place != NULL ? self->place->name_en : NULL;
    }
  else if (self->event->place != NULL)
    {
      name = self->event->place->name;
      subtitle = self->event->place->name_en;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->place_row), name != NULL ? name : _("No place"));
  adw_action_row_set_subtitle (self->place_row, subtitle != NULL ? subtitle : "");
}

static void
on_clear_place (RasdEventEditor *self)
{
  self->place_changed = TRUE;
  self->place = NULL;
  show_place (self);
}

static GtkWidget *
result_row (const char *title,
            const char *subtitle,
            gpointer    data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "rasd-result", data);
  return row;
}

static void
on_place_search_changed (RasdEventEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->place_search));
  g_autoptr(GPtrArray) places = NULL;

  clear_list (self->place_results);
  show_if_filled (self->place_results);
  if (g_utf8_strlen (text, -1) < 2)
    return;
  places = rasd_gazetteer_search (rasd_gazetteer_get_default (), text, N_RESULTS);
  for (guint i = 0; i < places->len; i++)
    {
      const RasdPlace *place = g_ptr_array_index (places, i);
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", place->name_en != NULL ? place->name_en : "",
                                                   place->country != NULL ? place->country : "");

      gtk_list_box_append (self->place_results, result_row (place->name_ar, subtitle, (gpointer) place));
    }
  show_if_filled (self->place_results);
}

static void
on_place_result_activated (RasdEventEditor *self,
                           GtkListBoxRow   *row)
{
  self->place_changed = TRUE;
  self->place = g_object_get_data (G_OBJECT (row), "rasd-result");
  show_place (self);
  gtk_editable_set_text (GTK_EDITABLE (self->place_search), "");
}

static void show_people (RasdEventEditor *self);

static void
on_remove_person (GtkButton       *button,
                  RasdEventEditor *self)
{
  g_ptr_array_remove (self->people, g_object_get_data (G_OBJECT (button), "rasd-person"));
  show_people (self);
}

static void
show_people (RasdEventEditor *self)
{
  clear_list (self->people_list);
  for (guint i = 0; i < self->people->len; i++)
    {
      Person *person = g_ptr_array_index (self->people, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name);
      if (person->name_en != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), person->name_en);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove From the Event"));
      g_object_set_data (G_OBJECT (remove), "rasd-person", person);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_person), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->people_list, row);
    }
  if (self->people->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No one"));
      gtk_list_box_append (self->people_list, row);
    }
}

static void
on_people_search_changed (RasdEventEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->people_search));
  g_autoptr(GPtrArray) found = NULL;

  clear_list (self->people_results);
  show_if_filled (self->people_results);
  if (g_utf8_strlen (text, -1) < 2 ||
      (found = rasd_store_list_entities (self->store, "person", text, NULL)) == NULL)
    return;
  for (guint i = 0, shown = 0; i < found->len && shown < N_RESULTS; i++)
    {
      RasdStoredEntity *entity = g_ptr_array_index (found, i);
      GtkWidget *row;

      if (entity->rejected || entity->alias_key != NULL)
        continue;
      row = result_row (entity->name, entity->name_en, NULL);
      g_object_set_data_full (G_OBJECT (row), "rasd-result",
                              person_new (entity->key, entity->name, entity->name_en),
                              (GDestroyNotify) person_free);
      gtk_list_box_append (self->people_results, row);
      shown++;
    }
  show_if_filled (self->people_results);
}

static void
on_person_result_activated (RasdEventEditor *self,
                            GtkListBoxRow   *row)
{
  Person *chosen = g_object_get_data (G_OBJECT (row), "rasd-result");

  for (guint i = 0; i < self->people->len; i++)
    if (g_str_equal (((Person *) g_ptr_array_index (self->people, i))->key, chosen->key))
      return;
  g_ptr_array_add (self->people, person_new (chosen->key, chosen->name, chosen->name_en));
  show_people (self);
  gtk_editable_set_text (GTK_EDITABLE (self->people_search), "");
}

static void
on_evidence_toggled (RasdEventEditor *self)
{
  guint checked = 0;

  for (guint i = 0; i < self->evidence_checks->len; i++)
    checked += gtk_check_button_get_active (g_ptr_array_index (self->evidence_checks, i));
  /* some, not all: a split leaves the event its other sentences */
  gtk_widget_set_sensitive (self->split_button, checked > 0 && checked < self->evidence_checks->len);
}

static void
show_evidence (RasdEventEditor *self)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; self->event->evidence != NULL && i < self->event->evidence->len; i++)
    {
      RasdStoredEvidence *span = &g_array_index (self->event->evidence, RasdStoredEvidence, i);
      const char *text = g_hash_table_lookup (texts, &span->article_id);
      g_autofree char *sentence = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (text == NULL)
        {
          g_autoptr(RasdArticle) article = rasd_store_get_article (self->store, span->article_id, NULL);

          text = article != NULL ? rasd_article_get_text (article) : "";
          g_hash_table_insert (texts, g_memdup2 (&span->article_id, sizeof (gint64)), g_strdup (text));
          text = g_hash_table_lookup (texts, &span->article_id);
        }
      sentence = g_utf8_substring (text, span->start, MIN (span->end, (gint64) g_utf8_strlen (text, -1)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_strstrip (sentence));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_evidence_toggled), self);
      g_ptr_array_add (self->evidence_checks, check);
      gtk_list_box_append (self->evidence_list, row);
    }
}

static int
kind_position (const char *kind)
{
  const char * const *kinds = rasd_store_event_kinds ();

  for (int i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return i;
  return 0;
}

/* The date as typed, cut to the precision chosen; NULL: none.  FALSE when it is no date. */
static gboolean
read_date (RasdEventEditor  *self,
           char            **out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  guint precision = adw_combo_row_get_selected (self->precision_row);
  RasdDate date;

  *out = NULL;
  if (precision == 0 || *text == '\0')
    return TRUE;
  if (!rasd_date_parse_iso (text, &date))
    return FALSE;
  if ((guint) date.precision > precision)
    date.precision = (RasdDatePrecision) precision;
  *out = rasd_date_to_iso (&date);
  return TRUE;
}

static gboolean
apply_one (RasdEventEditor              *self,
           const RasdCorrectionRequest  *request,
           GError                      **error)
{
  return rasd_corrector_apply (self->corrector, request, error) != 0;
}

static gboolean
has_person (GPtrArray  *people,
            const char *key)
{
  for (guint i = 0; i < people->len; i++)
    {
      const char *other = people->pdata[i] != NULL ? ((Person *) people->pdata[i])->key : NULL;

      if (g_strcmp0 (other, key) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
apply_people (RasdEventEditor  *self,
              GError          **error)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);

  for (guint i = 0; i < self->event->participants->len; i++)
    {
      RasdStoredPerson *p = g_ptr_array_index (self->event->participants, i);

      g_ptr_array_add (before, person_new (p->key, p->name, p->name_en));
    }
  for (guint i = 0; i < before->len; i++)
    {
      Person *p = g_ptr_array_index (before, i);
      RasdEntity entity = { RASD_ENTITY_PERSON, p->key, p->name, p->name_en };

      if (!has_person (self->people, p->key) &&
          !apply_one (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_REMOVE_PARTICIPANT,
                                                       self->event->id, .entity = &entity }, error))
        return FALSE;
    }
  for (guint i = 0; i < self->people->len; i++)
    {
      Person *p = g_ptr_array_index (self->people, i);
      RasdEntity entity = { RASD_ENTITY_PERSON, p->key, p->name, p->name_en };

      if (!has_person (before, p->key) &&
          !apply_one (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_ADD_PARTICIPANT,
                                                       self->event->id, .entity = &entity }, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rasd_event_editor_apply (RasdEventEditor  *self,
                         GError          **error)
{
  const char * const *kinds = rasd_store_event_kinds ();
  const char *kind = kinds[adw_combo_row_get_selected (self->kind_row)];
  g_autofree char *date = NULL;
  gint64 id = self->event->id;

  g_return_val_if_fail (RASD_IS_EVENT_EDITOR (self), FALSE);

  if (!read_date (self, &date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is not a date: write it as YYYY-MM-DD, YYYY-MM or YYYY"),
                   gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
      return FALSE;
    }
  if (kind != NULL && g_strcmp0 (kind, self->event->kind) != 0 &&
      !apply_one (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_KIND, id, .text = kind }, error))
    return FALSE;
  if (g_strcmp0 (date, self->event->date) != 0 &&
      !apply_one (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_DATE, id, .text = date }, error))
    return FALSE;
  if (self->place_changed)
    {
      RasdEntity entity;

      if (self->place != NULL)
        rasd_correction_entity_from_place (self->place, &entity);
      if (!apply_one (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_PLACE, id,
                                                       .entity = self->place != NULL ? &entity : NULL }, error))
        return FALSE;
    }
  if (!apply_people (self, error))
    return FALSE;
  if (gtk_switch_get_active (self->reviewed_switch) != self->event->reviewed &&
      !apply_one (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_REVIEWED, id,
                                                   .reviewed = gtk_switch_get_active (self->reviewed_switch) },
                  error))
    return FALSE;
  return TRUE;
}

static void
show_error (RasdEventEditor *self,
            const GError    *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("The event could not be changed"),
                                                                         error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RasdEventEditor *self = RASD_EVENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (!rasd_event_editor_apply (self, &error))
    show_error (self, error);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
split_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RasdEventEditor *self = RASD_EVENT_EDITOR (widget);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->evidence_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->evidence_checks, i)))
      g_array_append_val (spans, g_array_index (self->event->evidence, RasdStoredEvidence, i));
  /* the other changes first, on the event as it is */
  if (!rasd_event_editor_apply (self, &error) ||
      !apply_one (self, &(RasdCorrectionRequest) { RASD_CORRECTION_EVENT_SPLIT, self->event->id,
                                                   .split_spans = spans }, &error))
    show_error (self, error);
  else
    gtk_window_close (GTK_WINDOW (self));
}

gboolean
rasd_event_editor_choose_place (RasdEventEditor *self,
                                const char      *search)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (RASD_IS_EVENT_EDITOR (self), FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->place_search), search);
  on_place_search_changed (self);
  if ((row = gtk_list_box_get_row_at_index (self->place_results, 0)) == NULL)
    return FALSE;
  on_place_result_activated (self, row);
  return TRUE;
}

static void
rasd_event_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), RASD_TYPE_EVENT_EDITOR);
  G_OBJECT_CLASS (rasd_event_editor_parent_class)->dispose (object);
}

static void
rasd_event_editor_finalize (GObject *object)
{
  RasdEventEditor *self = (RasdEventEditor *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->corrector);
  g_clear_pointer (&self->event, rasd_stored_event_free);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->evidence_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rasd_event_editor_parent_class)->finalize (object);
}

static void
rasd_event_editor_class_init (RasdEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rasd_event_editor_dispose;
  object_class->finalize = rasd_event_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rasd/Rasd/rasd-event-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, precision_row);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, reviewed_switch);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, place_search);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, place_results);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, people_list);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, people_search);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, people_results);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, RasdEventEditor, split_button);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_place);
  gtk_widget_class_bind_template_callback (widget_class, on_place_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_place_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_people_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_person_result_activated);
  gtk_widget_class_install_action (widget_class, "editor.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "editor.split", NULL, split_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.apply", NULL);
}

static void
rasd_event_editor_init (RasdEventEditor *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (const char * const *kind = rasd_store_event_kinds (); *kind != NULL; kind++)
    gtk_string_list_append (kinds, rasd_event_kind_label (*kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  self->evidence_checks = g_ptr_array_new ();
}

RasdEventEditor *
rasd_event_editor_new (GtkWindow     *parent,
                       RasdStore     *store,
                       RasdCorrector *corrector,
                       gint64         event_id)
{
  RasdEventEditor *self;

  g_return_val_if_fail (RASD_IS_STORE (store), NULL);
  g_return_val_if_fail (RASD_IS_CORRECTOR (corrector), NULL);

  self = g_object_new (RASD_TYPE_EVENT_EDITOR, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->corrector = g_object_ref (corrector);
  if ((self->event = rasd_store_get_event (store, event_id, NULL)) == NULL)
    {
      self->event = g_new0 (RasdStoredEvent, 1);
      self->event->participants = g_ptr_array_new ();
    }
  adw_combo_row_set_selected (self->kind_row, kind_position (self->event->kind));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), self->event->date != NULL ? self->event->date : "");
  adw_combo_row_set_selected (self->precision_row, self->event->date != NULL ? self->event->precision : 0);
  gtk_switch_set_active (self->reviewed_switch, self->event->reviewed);
  for (guint i = 0; i < self->event->participants->len; i++)
    {
      RasdStoredPerson *p = g_ptr_array_index (self->event->participants, i);

      g_ptr_array_add (self->people, person_new (p->key, p->name, p->name_en));
    }
  show_place (self);
  show_people (self);
  show_evidence (self);
  show_if_filled (self->place_results);
  show_if_filled (self->people_results);
  return self;
}
