/* measures-library-section.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-library-section"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-library-section.h"
#include "measures-text.h"
#include "measures-wrap-bin.h"

/* The top of the sidebar: the user's own filters. "Starred" and each
 * collection are values of a filter, ORed among themselves as the
 * values of a facet are, with the count each would give with the other
 * filters; a collection's menu renames or deletes it. Then the saved
 * searches: a click brings back their filters and search, and their
 * menu updates, renames or deletes them. Everything that asks or can be
 * undone goes through the window's actions (win.rename-collection and
 * so on); the checks write the query, as the other filters do.
 */

typedef struct
{
  char *collection;             /* NULL for Starred */
  GtkWidget *row;
  GtkCheckButton *check;
  GtkLabel *count;
  guint n;
} MarkRow;

struct _MeasuresLibrarySection
{
  GtkWidget parent_instance;

  /* Template children */
  GtkWidget *box;
  GtkBox *marks_box;
  GtkWidget *marks_clear;
  GtkWidget *collections_hint;
  GtkListBox *searches_list;
  GtkWidget *searches_hint;

  /* Owned references */
  MeasuresLibrary *library;
  MeasuresQuery *query;
  GPtrArray *rows;              /* MarkRow */
  GArray *counts;               /* guint: each collection's count in the last result, in the library's order */

  /* State */
  guint n_starred;
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (MeasuresLibrarySection, measures_library_section, GTK_TYPE_WIDGET)

static void
mark_row_free (gpointer data)
{
  MarkRow *row = data;

  g_free (row->collection);
  g_free (row);
}

static void
check_toggled_cb (MeasuresLibrarySection *self,
                  GtkCheckButton         *check)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  gboolean starred = FALSE;

  if (self->syncing || self->query == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    {
      MarkRow *row = g_ptr_array_index (self->rows, i);

      if (!gtk_check_button_get_active (row->check))
        continue;
      if (row->collection == NULL)
        starred = TRUE;
      else
        g_ptr_array_add (chosen, row->collection);
    }
  g_ptr_array_add (chosen, NULL);

  g_object_freeze_notify (G_OBJECT (self->query));
  measures_query_set_starred (self->query, starred);
  measures_query_set_collections (self->query, (const char * const *) chosen->pdata);
  g_object_thaw_notify (G_OBJECT (self->query));
}

static GMenuModel *
item_menu (const char *const *labels,
           const char *const *actions,
           const char        *id)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; labels[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(labels[i]), NULL);

      g_menu_item_set_action_and_target_value (item, actions[i], g_variant_new_string (id));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static GtkWidget *
menu_button (GMenuModel *model,
             const char *label)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), model);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_unref (model);

  return button;
}

static MarkRow *
add_mark_row (MeasuresLibrarySection *self,
              const char             *collection)
{
  static const char *labels[] = { N_("_Rename…"), N_("_Delete"), NULL };
  static const char *actions[] = { "win.rename-collection", "win.delete-collection", NULL };
  MarkRow *row = g_new0 (MarkRow, 1);
  const char *name = collection != NULL ? measures_library_get_collection_name (self->library, collection)
                                        : C_("filter", "Starred");
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  row->collection = g_strdup (collection);
  row->row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (row->row, "filter-row");
  gtk_widget_add_css_class (row->row, collection != NULL ? "collection-row" : "starred-row");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (content),
                  gtk_image_new_from_icon_name (collection != NULL ? "folder-symbolic" : "starred-symbolic"));
  gtk_box_append (GTK_BOX (content), measures_wrap_bin_new (label));
  row->check = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_check_button_set_child (row->check, content);
  gtk_widget_set_hexpand (GTK_WIDGET (row->check), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_signal_connect_swapped (row->check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->check));

  row->count = GTK_LABEL (gtk_label_new ("0"));
  gtk_widget_add_css_class (GTK_WIDGET (row->count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (row->count), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (row->count), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row->row), GTK_WIDGET (row->count));

  if (collection != NULL)
    {
      /* Translators: the menu of a collection in the sidebar; %s is its name */
      g_autofree char *tooltip = g_strdup_printf (_("Rename or delete “%s”"), name);

      gtk_box_append (GTK_BOX (row->row), menu_button (item_menu (labels, actions, collection), tooltip));
    }
  else
    /* As wide as the rows with a menu, so that counts line up. */
    gtk_widget_set_margin_end (GTK_WIDGET (row->count), 40);

  gtk_box_append (self->marks_box, row->row);
  g_ptr_array_add (self->rows, row);

  return row;
}

static GtkWidget *
create_search_row (MeasuresLibrarySection *self,
                   const char             *search)
{
  static const char *labels[] = { N_("_Update with the Current Filters"), N_("_Rename…"), N_("_Delete"), NULL };
  static const char *actions[] = { "win.update-search", "win.rename-search", "win.delete-search", NULL };
  const char *name = measures_library_get_search_name (self->library, search);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (name);
  /* Translators: the menu of a saved search in the sidebar; %s is its name */
  g_autofree char *tooltip = g_strdup_printf (_("Update, rename or delete “%s”"), name);
  /* Translators: a saved search's button in the sidebar; %s is its name */
  g_autofree char *apply = g_strdup_printf (_("Show the measures of “%s”"), name);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("system-search-symbolic"));
  gtk_box_append (GTK_BOX (content), label);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "saved-search");
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_tooltip_text (button, apply);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, apply, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.apply-search");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (search));
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), menu_button (item_menu (labels, actions, search), tooltip));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
sync_from_query (MeasuresLibrarySection *self)
{
  const char * const *chosen = self->query != NULL ? measures_query_get_collections (self->query) : NULL;
  gboolean any = FALSE;

  self->syncing = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      MarkRow *row = g_ptr_array_index (self->rows, i);
      gboolean active = self->query != NULL &&
                        (row->collection == NULL ? measures_query_get_starred (self->query)
                                                 : g_strv_contains (chosen, row->collection));

      gtk_check_button_set_active (row->check, active);
      any |= active;
    }
  self->syncing = FALSE;
  gtk_widget_set_sensitive (self->marks_clear, any);
}

/* The result may come before the library it counts: it is kept by
 * the collections' places, and read by their ids once both are here. */
static guint
collection_count (MeasuresLibrarySection *self,
                  const char             *collection)
{
  guint n = self->library != NULL ? measures_library_get_n_collections (self->library) : 0;

  for (guint i = 0; i < MIN (n, self->counts->len); i++)
    if (g_strcmp0 (measures_library_get_collection (self->library, i), collection) == 0)
      return g_array_index (self->counts, guint, i);

  return 0;
}

static void
show_counts (MeasuresLibrarySection *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      MarkRow *row = g_ptr_array_index (self->rows, i);
      guint count = row->collection == NULL ? self->n_starred : collection_count (self, row->collection);
      g_autofree char *text = measures_text_format_count (count);
      /* Translators: read by screen readers after a filter value;
       * %s is a number, with the locale's digit grouping */
      g_autofree char *description = g_strdup_printf (ngettext ("%s measure", "%s measures", count), text);

      row->n = count;
      gtk_label_set_text (row->count, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      if (count == 0)
        gtk_widget_add_css_class (row->row, "empty");
      else
        gtk_widget_remove_css_class (row->row, "empty");
    }
}

static void
build (MeasuresLibrarySection *self)
{
  GtkWidget *child;
  guint n_collections = self->library != NULL ? measures_library_get_n_collections (self->library) : 0;
  guint n_searches = self->library != NULL ? measures_library_get_n_searches (self->library) : 0;

  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->marks_box))) != NULL)
    gtk_box_remove (self->marks_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->searches_list))) != NULL)
    gtk_list_box_remove (self->searches_list, child);

  if (self->library != NULL)
    {
      add_mark_row (self, NULL);
      for (guint i = 0; i < n_collections; i++)
        add_mark_row (self, measures_library_get_collection (self->library, i));
      for (guint i = 0; i < n_searches; i++)
        gtk_list_box_append (self->searches_list,
                             create_search_row (self, measures_library_get_search (self->library, i)));
    }

  show_counts (self);
  gtk_widget_set_visible (self->collections_hint, n_collections == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->searches_list), n_searches > 0);
  gtk_widget_set_visible (self->searches_hint, n_searches == 0);
  sync_from_query (self);
}

static void
library_changed_cb (MeasuresLibrarySection *self,
                    MeasuresLibraryChange   what)
{
  if (what & (MEASURES_LIBRARY_CHANGE_COLLECTIONS | MEASURES_LIBRARY_CHANGE_SEARCHES))
    build (self);
}

static void
clear_cb (MeasuresLibrarySection *self)
{
  if (self->query == NULL)
    return;

  measures_query_set_starred (self->query, FALSE);
  measures_query_set_collections (self->query, NULL);
}

static void
measures_library_section_dispose (GObject *object)
{
  MeasuresLibrarySection *self = MEASURES_LIBRARY_SECTION (object);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_LIBRARY_SECTION);
  g_clear_object (&self->library);
  g_clear_object (&self->query);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->counts, g_array_unref);

  G_OBJECT_CLASS (measures_library_section_parent_class)->dispose (object);
}

static void
measures_library_section_class_init (MeasuresLibrarySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_library_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-library-section.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "librarysection");
  gtk_widget_class_bind_template_child (widget_class, MeasuresLibrarySection, box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresLibrarySection, marks_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresLibrarySection, marks_clear);
  gtk_widget_class_bind_template_child (widget_class, MeasuresLibrarySection, collections_hint);
  gtk_widget_class_bind_template_child (widget_class, MeasuresLibrarySection, searches_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresLibrarySection, searches_hint);
  gtk_widget_class_bind_template_callback (widget_class, clear_cb);
}

static void
measures_library_section_init (MeasuresLibrarySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (mark_row_free);
  self->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  build (self);
}

/**
 * measures_library_section_set_library:
 * @library: (nullable): the user's collections and saved searches
 */
void
measures_library_section_set_library (MeasuresLibrarySection *self,
                                      MeasuresLibrary        *library)
{
  g_return_if_fail (MEASURES_IS_LIBRARY_SECTION (self));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  build (self);
}

void
measures_library_section_set_query (MeasuresLibrarySection *self,
                                    MeasuresQuery          *query)
{
  g_return_if_fail (MEASURES_IS_LIBRARY_SECTION (self));

  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);
  if (g_set_object (&self->query, query) && query != NULL)
    g_signal_connect_swapped (query, "changed", G_CALLBACK (sync_from_query), self);
  sync_from_query (self);
}

/**
 * measures_library_section_set_result:
 *
 * Shows the counts of Starred and of each collection in @result, which
 * is of the library as it is.
 */
void
measures_library_section_set_result (MeasuresLibrarySection *self,
                                     const MeasuresResult   *result)
{
  g_return_if_fail (MEASURES_IS_LIBRARY_SECTION (self));

  self->n_starred = result->n_starred;
  g_array_set_size (self->counts, 0);
  g_array_append_vals (self->counts, result->collection_counts, result->n_collections);
  show_counts (self);
}

/**
 * measures_library_section_get_count:
 * @collection: (nullable): a collection's id, or %NULL for Starred
 *
 * Returns: the count shown beside it, or 0 when it is not listed
 */
guint
measures_library_section_get_count (MeasuresLibrarySection *self,
                                    const char             *collection)
{
  g_return_val_if_fail (MEASURES_IS_LIBRARY_SECTION (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      MarkRow *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (row->collection, collection) == 0)
        return row->n;
    }

  return 0;
}
