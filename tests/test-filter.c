/* The shared filter and the event items the views show. */
#include "config.h"

#include "rasd-event-item.h"
#include "rasd-filter.h"

static void
count_changed (RasdFilter *filter,
               guint      *n)
{
  (*n)++;
}

static void
test_filter_changes (void)
{
  g_autoptr(RasdFilter) filter = rasd_filter_new ();
  RasdEventFilter out;
  guint n = 0;

  g_signal_connect (filter, "changed", G_CALLBACK (count_changed), &n);
  g_assert_true (rasd_filter_is_empty (filter));

  rasd_filter_set_person (filter, "person:putin", "بوتين");
  g_assert_cmpuint (n, ==, 1);
  rasd_filter_set_person (filter, "person:putin", "بوتين");
  g_assert_cmpuint (n, ==, 1);  /* the same value is no change */
  g_assert_cmpstr (rasd_filter_get_person_label (filter), ==, "بوتين");

  rasd_filter_set_text (filter, "   ");
  g_assert_cmpuint (n, ==, 1);  /* blank text is no text */
  g_assert_null (rasd_filter_get_text (filter));

  rasd_filter_freeze (filter);
  rasd_filter_set_place (filter, "city:524901", "موسكو");
  rasd_filter_set_range (filter, "2017", "2017-05");
  rasd_filter_set_kind (filter, "visit");
  g_assert_cmpuint (n, ==, 1);
  rasd_filter_thaw (filter);
  g_assert_cmpuint (n, ==, 2);  /* three changes, one signal */

  rasd_filter_to_event_filter (filter, &out);
  g_assert_cmpstr (out.person, ==, "person:putin");
  g_assert_cmpstr (out.place, ==, "city:524901");
  g_assert_cmpstr (out.from, ==, "2017");
  g_assert_cmpstr (out.to, ==, "2017-05");
  g_assert_cmpstr (out.kind, ==, "visit");
  g_assert_null (out.text);

  /* the search text reaches the store's filter too (the export of events under the filter) */
  rasd_filter_set_text (filter, "لقاء");
  n--;  /* this change is not part of what the rest counts */
  rasd_filter_to_event_filter (filter, &out);
  g_assert_cmpstr (out.text, ==, "لقاء");
  rasd_filter_set_text (filter, NULL);
  n--;

  rasd_filter_clear (filter);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (rasd_filter_is_empty (filter));
  g_assert_null (rasd_filter_get_place_label (filter));
}

static void
test_iso_days (void)
{
  guint32 first = 0, last = 0;
  g_autoptr(GDate) date = g_date_new ();

  g_assert_true (rasd_iso_date_to_days ("2016-02", &first, &last));
  g_assert_cmpuint (last - first, ==, 28);  /* a leap February */
  g_date_set_julian (date, first);
  g_assert_cmpuint (g_date_get_day (date), ==, 1);
  g_assert_cmpuint (g_date_get_month (date), ==, 2);

  g_assert_true (rasd_iso_date_to_days ("2017", &first, &last));
  g_assert_cmpuint (last - first, ==, 364);
  g_assert_true (rasd_iso_date_to_days ("2017-09-14", &first, &last));
  g_assert_cmpuint (last, ==, first);

  g_assert_false (rasd_iso_date_to_days ("2017-13", &first, &last));
  g_assert_false (rasd_iso_date_to_days ("2017-02-30", &first, &last));
  g_assert_false (rasd_iso_date_to_days ("soon", &first, &last));
  g_assert_false (rasd_iso_date_to_days (NULL, &first, &last));
}

static void
test_event_item (void)
{
  RasdStoredEvent *event = g_new0 (RasdStoredEvent, 1);
  g_autoptr(RasdEventItem) item = NULL;
  g_autofree char *participants = NULL;
  guint32 first, last;

  event->id = 7;
  event->kind = g_strdup ("visit");
  event->date = g_strdup ("2017-05");
  event->precision = RASD_DATE_PRECISION_MONTH;
  event->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) rasd_stored_person_unref);
  g_ptr_array_add (event->participants, rasd_stored_person_new ("person:putin", "فلاديمير بوتين", NULL));
  g_ptr_array_add (event->participants, rasd_stored_person_new ("person:assad", "بشار الأسد", NULL));
  event->sources = g_ptr_array_new ();
  event->evidence = g_array_new (FALSE, FALSE, sizeof (RasdStoredEvidence));

  item = rasd_event_item_new (event);
  g_assert_cmpint (rasd_event_item_get_id (item), ==, 7);
  g_assert_cmpstr (rasd_event_item_get_participants (item), ==, "فلاديمير بوتين، بشار الأسد");
  g_assert_null (rasd_event_item_get_place (item));
  g_assert_cmpuint (rasd_event_item_get_n_sources (item), ==, 0);
  g_assert_true (rasd_event_item_get_days (item, &first, &last));
  g_assert_cmpuint (last - first, ==, 30);
  g_object_get (item, "participants", &participants, NULL);
  g_assert_cmpstr (participants, ==, "فلاديمير بوتين، بشار الأسد");
  g_assert_cmpstr (rasd_event_kind_label ("call"), ==, "Phone call");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/changes", test_filter_changes);
  g_test_add_func ("/filter/iso-days", test_iso_days);
  g_test_add_func ("/filter/event-item", test_event_item);

  return g_test_run ();
}
