#pragma once

#include <gtk/gtk.h>

#include "rasd-event-item.h"
#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_READER (rasd_reader_get_type ())

G_DECLARE_FINAL_TYPE (RasdReader, rasd_reader, RASD, READER, GtkWidget)

/* The reader: the selected event's article, right-to-left, with its title, source, date and URL
 * above; people, places and dates highlighted (text tags "person", "place", "date"), the event's
 * evidence sentences marked (tag "evidence") and scrolled into view.  An event reported by
 * several articles offers its sources in a drop-down.
 *
 * Clicking a highlighted person or place emits ::entity-activated (kind: "person" or "place",
 * key, name); ::article-changed tells when the article shown changes. */
GtkWidget     *rasd_reader_new               (void);

void           rasd_reader_set_store         (RasdReader    *self,
                                              RasdStore     *store);
/* Shows @item's first source (NULL: nothing). */
void           rasd_reader_show_event        (RasdReader    *self,
                                              RasdEventItem *item);
RasdEventItem *rasd_reader_get_event         (RasdReader    *self);
/* Switches to source @index (0-based) of the event shown. */
void           rasd_reader_show_source       (RasdReader    *self,
                                              guint          index);
guint          rasd_reader_get_source_index  (RasdReader    *self);
/* The article shown; 0 when none. */
gint64         rasd_reader_get_article_id    (RasdReader    *self);
GtkTextBuffer *rasd_reader_get_buffer        (RasdReader    *self);
/* The text view: its buffer holds exactly the article's text, so offsets are the stored ones. */
GtkTextView   *rasd_reader_get_text_view     (RasdReader    *self);
/* Whether people, places and dates are highlighted (and clickable); the evidence always is.
 * Property "highlight-entities", the preference of the same name; TRUE by default. */
void           rasd_reader_set_highlight_entities (RasdReader *self,
                                                   gboolean    highlight);
gboolean       rasd_reader_get_highlight_entities (RasdReader *self);
/* What a click on the character at @offset does: TRUE when a person or place is there (and
 * ::entity-activated was emitted). */
/* A click on a name opens a menu: "Show Its Events" (::entity-activated), "Not a Person/Place",
 * "Same As…", "Rename…" (::entity-action with "reject", "alias", "rename").  NULL when no name is
 * at @offset.  rasd_reader_entity_action() does what the menu's item @action does. */
GtkPopover    *rasd_reader_open_entity_menu  (RasdReader    *self,
                                              int            offset);
gboolean       rasd_reader_entity_action     (RasdReader    *self,
                                              int            offset,
                                              const char    *action);
gboolean       rasd_reader_activate_offset   (RasdReader    *self,
                                              int            offset);

G_END_DECLS
