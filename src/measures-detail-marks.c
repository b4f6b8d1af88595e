/* measures-detail-marks.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-detail-marks"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-detail-marks.h"

/* What the user keeps about the measure the detail pane shows: its
 * star, its collections (chips that take it out of one, a popover that
 * puts it in others or in a new one) and the note, edited in place and
 * kept in the library as it is typed. All of it is the library's, by
 * the measure's id; this shows it and follows its changes, Undo
 * included. Deleting the note goes through win.delete-note, whose toast
 * offers Undo.
 */
struct _MeasuresDetailMarks
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *box;
  GtkToggleButton *star_button;
  GtkImage *star_image;
  GtkLabel *star_label;
  GtkMenuButton *collections_button;
  GtkPopover *collections_popover;
  GtkListBox *collections_list;
  GtkEntry *new_collection_entry;
  GtkWidget *new_collection_button;
  GtkLabel *new_collection_error;
  GtkFlowBox *chips;
  GtkWidget *delete_note_button;
  GtkTextView *note_view;
  GtkWidget *note_placeholder;

  /* Owned references */
  MeasuresLibrary *library;
  MeasuresMeasure *measure;
  GStrv selection;      /* the ids of the measures selected, when several */

  /* State */
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (MeasuresDetailMarks, measures_detail_marks, GTK_TYPE_WIDGET)

static const char *
measure_id (MeasuresDetailMarks *self)
{
  return self->measure != NULL ? measures_measure_get_id (self->measure) : NULL;
}

/* The measures the star and the collections act on: those selected when
 * there are several, else the one shown. */
static const char * const *
target_ids (MeasuresDetailMarks *self,
            const char         **one)
{
  if (self->selection != NULL && self->selection[0] != NULL && self->selection[1] != NULL)
    return (const char * const *) self->selection;

  one[0] = measure_id (self);
  one[1] = NULL;

  return one;
}

/* Whether every measure acted on is starred, or in @collection. */
static gboolean
all_marked (MeasuresDetailMarks *self,
            const char          *collection)
{
  const char *one[2];
  const char * const *ids = target_ids (self, one);

  if (self->library == NULL || ids[0] == NULL)
    return FALSE;
  for (guint i = 0; ids[i] != NULL; i++)
    if (collection != NULL ? !measures_library_in_collection (self->library, collection, ids[i])
                           : !measures_library_is_starred (self->library, ids[i]))
      return FALSE;

  return TRUE;
}

/* Setting a tooltip asks the display where the pointer is: only when
 * it changes. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
sync_star (MeasuresDetailMarks *self)
{
  gboolean starred = all_marked (self, NULL);
  guint n = self->selection != NULL ? g_strv_length (self->selection) : 0;

  self->syncing = TRUE;
  gtk_toggle_button_set_active (self->star_button, starred);
  self->syncing = FALSE;
  gtk_image_set_from_icon_name (self->star_image, starred ? "starred-symbolic" : "non-starred-symbolic");
  if (n > 1)
    {
      g_autofree char *label = NULL;

      /* Translators: the star button of the detail pane while several
       * measures are selected; %u is how many */
      label = g_strdup_printf (starred ? ngettext ("%u Measure Starred", "%u Measures Starred", n)
                                       : ngettext ("Star %u Measure", "Star %u Measures", n), n);
      gtk_label_set_text (self->star_label, label);
      set_tooltip (GTK_WIDGET (self->star_button),
                   starred ? _("Starred: click to unstar the selected measures")
                           : _("Star the selected measures, to find them under Starred"));
      return;
    }
  gtk_label_set_text (self->star_label, starred ? C_("mark", "Starred") : C_("mark", "Star"));
  set_tooltip (GTK_WIDGET (self->star_button),
               starred ? _("Starred: click to unstar") : _("Star this measure, to find it under Starred"));
}

static void
remove_clicked_cb (GtkButton           *button,
                   MeasuresDetailMarks *self)
{
  const char *collection = g_object_get_data (G_OBJECT (button), "collection");
  const char *ids[] = { measure_id (self), NULL };

  if (self->library != NULL && ids[0] != NULL)
    measures_library_remove_from_collection (self->library, collection, ids);
}

static void
sync_chips (MeasuresDetailMarks *self)
{
  g_auto(GStrv) collections = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips))) != NULL)
    gtk_flow_box_remove (self->chips, child);

  if (self->library == NULL || self->measure == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->chips), FALSE);
      return;
    }

  collections = measures_library_dup_collections_of (self->library, measure_id (self));
  for (guint i = 0; collections[i] != NULL; i++)
    {
      const char *name = measures_library_get_collection_name (self->library, collections[i]);
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
      /* Translators: a button on a collection's name in the detail pane; %s is the name */
      g_autofree char *tooltip = g_strdup_printf (_("Take this measure out of “%s”"), name);

      gtk_widget_add_css_class (chip, "collection-chip");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_add_css_class (remove, "circular");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data_full (G_OBJECT (remove), "collection", g_strdup (collections[i]), g_free);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (chip), gtk_image_new_from_icon_name ("folder-symbolic"));
      gtk_box_append (GTK_BOX (chip), label);
      gtk_box_append (GTK_BOX (chip), remove);
      gtk_flow_box_append (self->chips, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips), collections[0] != NULL);
}

static void
member_toggled_cb (GtkCheckButton      *check,
                   MeasuresDetailMarks *self)
{
  const char *collection = g_object_get_data (G_OBJECT (check), "collection");
  const char *one[2];
  const char **ids = (const char **) target_ids (self, one);

  if (self->syncing || self->library == NULL || ids[0] == NULL)
    return;

  if (gtk_check_button_get_active (check))
    measures_library_add_to_collection (self->library, collection, ids);
  else
    measures_library_remove_from_collection (self->library, collection, ids);
}

/* The popover: every collection, checked when the measure is in it. */
static void
sync_list (MeasuresDetailMarks *self)
{
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->collections_list))) != NULL)
    gtk_list_box_remove (self->collections_list, child);

  n = self->library != NULL ? measures_library_get_n_collections (self->library) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->collections_list), n > 0);
  self->syncing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      const char *collection = measures_library_get_collection (self->library, i);
      GtkWidget *check = gtk_check_button_new_with_label (measures_library_get_collection_name (self->library,
                                                                                                collection));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   all_marked (self, collection));
      g_object_set_data_full (G_OBJECT (check), "collection", g_strdup (collection), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (member_toggled_cb), self, 0);
      gtk_list_box_append (self->collections_list, check);
    }
  self->syncing = FALSE;
}

/* The checks as they are, after a change of members: a click in the
 * list keeps its place and its focus. */
static void
sync_list_states (MeasuresDetailMarks *self)
{
  self->syncing = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->collections_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      const char *collection = g_object_get_data (G_OBJECT (check), "collection");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   measures_library_in_collection (self->library, collection, measure_id (self)));
    }
  self->syncing = FALSE;
}

static void
popover_shown_cb (MeasuresDetailMarks *self)
{
  sync_list (self);
  gtk_widget_set_visible (GTK_WIDGET (self->new_collection_error), FALSE);
}

static void
new_collection_changed_cb (MeasuresDetailMarks *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_collection_entry))));

  gtk_widget_set_sensitive (self->new_collection_button, *name != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->new_collection_error), FALSE);
}

/* A new collection, with this measure in it. */
static void
new_collection_cb (MeasuresDetailMarks *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->new_collection_entry));
  const char *one[2];
  const char **ids = (const char **) target_ids (self, one);
  g_autoptr(GError) error = NULL;
  g_autofree char *collection = NULL;

  if (self->library == NULL || ids[0] == NULL)
    return;

  collection = measures_library_create_collection (self->library, name, &error);
  if (collection == NULL)
    {
      gtk_label_set_text (self->new_collection_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->new_collection_error), TRUE);
      return;
    }

  measures_library_add_to_collection (self->library, collection, ids);
  gtk_editable_set_text (GTK_EDITABLE (self->new_collection_entry), "");
}

static void
star_toggled_cb (MeasuresDetailMarks *self)
{
  const char *one[2];
  const char **ids = (const char **) target_ids (self, one);

  if (self->syncing || self->library == NULL || ids[0] == NULL)
    return;

  measures_library_set_starred (self->library, ids, gtk_toggle_button_get_active (self->star_button));
}

static char *
buffer_text (MeasuresDetailMarks *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_note_state (MeasuresDetailMarks *self)
{
  gboolean has_note = self->library != NULL && measures_library_get_note (self->library, measure_id (self)) != NULL;
  gboolean empty = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->note_view)) == 0;

  gtk_widget_set_sensitive (self->delete_note_button, has_note);
  gtk_widget_set_visible (self->note_placeholder, empty);
}

/* The note as the library has it, unless the view already shows it:
 * typing is never interrupted by its own echo. */
static void
sync_note (MeasuresDetailMarks *self)
{
  const char *note = self->library != NULL ? measures_library_get_note (self->library, measure_id (self)) : NULL;
  g_autofree char *shown = buffer_text (self);

  if (g_strcmp0 (note != NULL ? note : "", shown) != 0)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

      self->syncing = TRUE;
      /* A note of another measure is not undone into this one. */
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, note != NULL ? note : "", -1);
      gtk_text_buffer_end_irreversible_action (buffer);
      self->syncing = FALSE;
    }
  show_note_state (self);
}

static void
note_changed_cb (MeasuresDetailMarks *self)
{
  g_autofree char *text = NULL;

  if (self->syncing || self->library == NULL || self->measure == NULL)
    {
      show_note_state (self);
      return;
    }

  text = buffer_text (self);
  measures_library_set_note (self->library, measure_id (self), text);
  show_note_state (self);
}

static void
delete_note_cb (MeasuresDetailMarks *self)
{
  if (self->measure != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-note", "s", measure_id (self));
}

static void
library_changed_cb (MeasuresDetailMarks   *self,
                    MeasuresLibraryChange  what)
{
  if (what & MEASURES_LIBRARY_CHANGE_STARS)
    sync_star (self);
  if (what & (MEASURES_LIBRARY_CHANGE_COLLECTIONS | MEASURES_LIBRARY_CHANGE_MEMBERS))
    sync_chips (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->collections_popover)))
    {
      if (what & MEASURES_LIBRARY_CHANGE_COLLECTIONS)
        sync_list (self);
      else if (what & MEASURES_LIBRARY_CHANGE_MEMBERS)
        sync_list_states (self);
    }
  if (what & MEASURES_LIBRARY_CHANGE_NOTES)
    sync_note (self);
}

static void
sync_all (MeasuresDetailMarks *self)
{
  sync_star (self);
  sync_chips (self);
  sync_note (self);
  gtk_widget_set_sensitive (self->box, self->library != NULL && self->measure != NULL);
}

static void
measures_detail_marks_dispose (GObject *object)
{
  MeasuresDetailMarks *self = MEASURES_DETAIL_MARKS (object);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_DETAIL_MARKS);
  g_clear_object (&self->library);
  g_clear_object (&self->measure);
  g_clear_pointer (&self->selection, g_strfreev);

  G_OBJECT_CLASS (measures_detail_marks_parent_class)->dispose (object);
}

static void
measures_detail_marks_class_init (MeasuresDetailMarksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_detail_marks_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-detail-marks.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "detailmarks");
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, star_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, star_image);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, star_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, collections_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, collections_popover);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, collections_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, new_collection_entry);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, new_collection_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, new_collection_error);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, chips);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, delete_note_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, note_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDetailMarks, note_placeholder);
  gtk_widget_class_bind_template_callback (widget_class, star_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_collection_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_collection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_note_cb);
}

static void
measures_detail_marks_init (MeasuresDetailMarks *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
  sync_all (self);
}

/**
 * measures_detail_marks_set_library:
 * @library: (nullable): the user's marks
 */
void
measures_detail_marks_set_library (MeasuresDetailMarks *self,
                                   MeasuresLibrary     *library)
{
  g_return_if_fail (MEASURES_IS_DETAIL_MARKS (self));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  sync_all (self);
}

/**
 * measures_detail_marks_set_measure:
 * @measure: (nullable): the measure shown
 */
void
measures_detail_marks_set_measure (MeasuresDetailMarks *self,
                                   MeasuresMeasure     *measure)
{
  g_return_if_fail (MEASURES_IS_DETAIL_MARKS (self));

  if (!g_set_object (&self->measure, measure))
    return;

  gtk_popover_popdown (self->collections_popover);
  sync_all (self);
}

/**
 * measures_detail_marks_set_selection:
 * @ids: (nullable) (array zero-terminated=1): the ids of the measures
 *   selected; when there are several, the star and the collections act
 *   on all of them
 */
void
measures_detail_marks_set_selection (MeasuresDetailMarks *self,
                                     const char * const  *ids)
{
  g_return_if_fail (MEASURES_IS_DETAIL_MARKS (self));

  /* Typing a search selects the first match again and again. */
  if (self->selection != NULL && ids != NULL &&
      g_strv_equal ((const char * const *) self->selection, ids))
    return;

  g_strfreev (self->selection);
  self->selection = g_strdupv ((char **) ids);
  sync_all (self);
}
