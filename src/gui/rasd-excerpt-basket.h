#pragma once

#include <adwaita.h>

#include "rasd-store.h"

G_BEGIN_DECLS

#define RASD_TYPE_EXCERPT_BASKET (rasd_excerpt_basket_get_type ())

G_DECLARE_FINAL_TYPE (RasdExcerptBasket, rasd_excerpt_basket, RASD, EXCERPT_BASKET, GtkWidget)

/* The excerpt basket: a panel listing the excerpts stored in a RasdStore, in the user's order,
 * each with its text (right-to-left), citation, event and an editable note.  Reordered by drag
 * and drop or Move Up/Down, removed with an "Undo" toast, several selectable for export.
 *
 * Actions (on the widget, "basket." prefix): move-up(x), move-down(x), remove(x), undo(x) with an
 * excerpt id; remove-selected (Delete); export (emits "export-requested").
 * Signals: "export-requested" (), "toast" (AdwToast*) when no toast overlay is set, "changed" ()
 * after any change to the list. */
RasdExcerptBasket *rasd_excerpt_basket_new           (RasdStore          *store);

RasdStore   *rasd_excerpt_basket_get_store           (RasdExcerptBasket  *self);
/* Toasts (removed with Undo, errors) go to @overlay; NULL: the "toast" signal. */
void         rasd_excerpt_basket_set_toast_overlay   (RasdExcerptBasket  *self,
                                                      AdwToastOverlay    *overlay);

/* The excerpts (RasdExcerpt), in basket order.  Owned by the basket. */
GListModel  *rasd_excerpt_basket_get_model           (RasdExcerptBasket  *self);
/* Reads the list from the store again (another process may have changed it). */
gboolean     rasd_excerpt_basket_reload              (RasdExcerptBasket  *self,
                                                      GError            **error);

/* Adds the characters @start..@end of article @article_id (@event_id: the event it belongs to,
 * 0 for none); returns the new excerpt's id, 0 with @error set. */
gint64       rasd_excerpt_basket_add_range           (RasdExcerptBasket  *self,
                                                      gint64              article_id,
                                                      gint64              start,
                                                      gint64              end,
                                                      gint64              event_id,
                                                      GError            **error);
/* Adds the selection of @buffer, whose text is the stored text of article @article_id (as the
 * reader shows it: GtkTextIter offsets count characters, as the store does).  FALSE without a
 * selection (and without @error) or on error. */
gboolean     rasd_excerpt_basket_add_selection       (RasdExcerptBasket  *self,
                                                      GtkTextBuffer      *buffer,
                                                      gint64              article_id,
                                                      gint64              event_id,
                                                      GError            **error);
/* Adds the evidence sentences of event @event_id in article @article_id (0: in all its
 * articles), one excerpt each; returns how many were added (0 when all were there). */
guint        rasd_excerpt_basket_add_event           (RasdExcerptBasket  *self,
                                                      gint64              event_id,
                                                      gint64              article_id,
                                                      GError            **error);

/* Moves the excerpt at @from to @to (indexes in the list). */
gboolean     rasd_excerpt_basket_move                (RasdExcerptBasket  *self,
                                                      guint               from,
                                                      guint               to,
                                                      GError            **error);
gboolean     rasd_excerpt_basket_set_note            (RasdExcerptBasket  *self,
                                                      gint64              id,
                                                      const char         *note,
                                                      GError            **error);
/* Removes excerpt @id and shows a toast whose "Undo" puts it back (rasd_excerpt_basket_undo). */
gboolean     rasd_excerpt_basket_remove              (RasdExcerptBasket  *self,
                                                      gint64              id,
                                                      GError            **error);
gboolean     rasd_excerpt_basket_undo                (RasdExcerptBasket  *self,
                                                      gint64              id,
                                                      GError            **error);

/* Ids (gint64) of the selected excerpts, in basket order; empty when none is selected. */
GArray      *rasd_excerpt_basket_get_selected_ids    (RasdExcerptBasket  *self);
void         rasd_excerpt_basket_select              (RasdExcerptBasket  *self,
                                                      gint64              id,
                                                      gboolean            selected);

/* Gives @view (the reader) an "Add to Excerpts" item in its context menu and Ctrl+D, adding its
 * selection to the basket as article @article_id set by rasd_excerpt_basket_set_reader_article. */
void         rasd_excerpt_basket_attach_reader       (RasdExcerptBasket  *self,
                                                      GtkTextView        *view);
/* The article (and event, 0: none) the attached reader shows; 0: none (the action is off). */
void         rasd_excerpt_basket_set_reader_article  (RasdExcerptBasket  *self,
                                                      gint64              article_id,
                                                      gint64              event_id);

G_END_DECLS
