/* measures-selection-page.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-selection-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "measures-selection-page.h"

/* What the detail pane shows while several measures are selected: how
 * many, and a button for each thing the window does with all of them
 * (win.export, win.print, win.copy, win.copy-citation,
 * win.star-selection, win.add-to-collection). The buttons stand one
 * under the other, so the page fits a narrow window as well. */
struct _MeasuresSelectionPage
{
  GtkWidget parent_instance;

  /* Template children */
  AdwStatusPage *status;
  GtkButton *star_button;
  AdwButtonContent *star_content;
  GtkMenuButton *collection_button;

  /* Owned references */
  MeasuresLibrary *library;
  GStrv ids;
};

G_DEFINE_FINAL_TYPE (MeasuresSelectionPage, measures_selection_page, GTK_TYPE_WIDGET)

static guint
n_ids (MeasuresSelectionPage *self)
{
  return self->ids != NULL ? g_strv_length (self->ids) : 0;
}

static void
sync_star (MeasuresSelectionPage *self)
{
  gboolean all = self->library != NULL && n_ids (self) > 0;
  guint n = n_ids (self);
  g_autofree char *label = NULL;

  for (guint i = 0; all && self->ids[i] != NULL; i++)
    all = measures_library_is_starred (self->library, self->ids[i]);

  /* Translators: a button for the measures selected; %u is how many */
  label = g_strdup_printf (all ? ngettext ("Unstar %u Measure", "Unstar %u Measures", n)
                               : ngettext ("Star %u Measure", "Star %u Measures", n), n);
  adw_button_content_set_label (self->star_content, label);
  adw_button_content_set_icon_name (self->star_content, all ? "starred-symbolic" : "non-starred-symbolic");
}

/* The collections to add the selection to, and a new one. */
static void
sync_collections (MeasuresSelectionPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) collections = g_menu_new ();
  guint n = self->library != NULL ? measures_library_get_n_collections (self->library) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *id = measures_library_get_collection (self->library, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (measures_library_get_collection_name (self->library, id), NULL);

      g_menu_item_set_action_and_target_value (item, "win.add-to-collection", g_variant_new_string (id));
      g_menu_append_item (collections, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (collections));
  g_menu_append (menu, _("_New Collection…"), "win.new-collection");
  gtk_menu_button_set_menu_model (self->collection_button, G_MENU_MODEL (menu));
}

static void
library_changed_cb (MeasuresSelectionPage *self,
                    MeasuresLibraryChange  what)
{
  if (what & MEASURES_LIBRARY_CHANGE_STARS)
    sync_star (self);
  if (what & MEASURES_LIBRARY_CHANGE_COLLECTIONS)
    sync_collections (self);
}

static void
measures_selection_page_dispose (GObject *object)
{
  MeasuresSelectionPage *self = MEASURES_SELECTION_PAGE (object);

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_SELECTION_PAGE);
  g_clear_object (&self->library);
  g_clear_pointer (&self->ids, g_strfreev);

  G_OBJECT_CLASS (measures_selection_page_parent_class)->dispose (object);
}

static void
measures_selection_page_class_init (MeasuresSelectionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = measures_selection_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/measures-selection-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, MeasuresSelectionPage, status);
  gtk_widget_class_bind_template_child (widget_class, MeasuresSelectionPage, star_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresSelectionPage, star_content);
  gtk_widget_class_bind_template_child (widget_class, MeasuresSelectionPage, collection_button);
}

static void
measures_selection_page_init (MeasuresSelectionPage *self)
{
  GtkWidget *scroller;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The status page scrolls its content itself: its scroller is what
   * a screen reader meets, and takes the page's name. */
  scroller = gtk_widget_get_first_child (GTK_WIDGET (self->status));
  if (GTK_IS_SCROLLED_WINDOW (scroller))
    gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Selected Measures"),
                                    -1);

  sync_collections (self);
}

/**
 * measures_selection_page_set_library:
 * @library: (nullable): the user's stars and collections
 */
void
measures_selection_page_set_library (MeasuresSelectionPage *self,
                                     MeasuresLibrary       *library)
{
  g_return_if_fail (MEASURES_IS_SELECTION_PAGE (self));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  if (library != NULL)
    g_signal_connect_object (library, "changed", G_CALLBACK (library_changed_cb), self, G_CONNECT_SWAPPED);
  sync_star (self);
  sync_collections (self);
}

/**
 * measures_selection_page_set_selection:
 * @ids: (nullable) (array zero-terminated=1): the ids of the measures
 *   selected
 */
void
measures_selection_page_set_selection (MeasuresSelectionPage *self,
                                       const char * const    *ids)
{
  g_autofree char *title = NULL;
  guint n;

  g_return_if_fail (MEASURES_IS_SELECTION_PAGE (self));

  g_strfreev (self->ids);
  self->ids = g_strdupv ((char **) ids);
  n = n_ids (self);

  /* Translators: the title of the detail pane while several measures
   * are selected; %u is how many */
  title = g_strdup_printf (ngettext ("%u Measure Selected", "%u Measures Selected", n), n);
  adw_status_page_set_title (self->status, title);
  sync_star (self);
}
