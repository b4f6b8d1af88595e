/* measures-accessible.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "measures-accessible"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "measures-accessible.h"

/* What screen readers are told, beyond what the widgets say themselves.
 *
 * Names. GTK 4.8 names an element by its accessible label followed by
 * the names of what labels it (labelled-by), or, with neither, by its
 * type name ("GtkImage"). A button with a mnemonic gets both its raw
 * label ("_Cancel") and its mnemonic label's text ("Cancel"):
 * measures_accessible_fix_mnemonics() drops the first, so that the
 * visible label alone names it.
 *
 * Announcements. GTK 4.14 has gtk_accessible_announce(). Before it, a
 * screen reader speaks a change of the name or description of the
 * element that has the focus: the message becomes the description of
 * the focused element until the focus moves, when its own comes back.
 * Either way the window's live element (a status, which screen readers
 * read as the window's status bar) keeps the last message, so that it
 * can still be read once it has been spoken.
 */

#define OWN_DESCRIPTION "measures-own-description"
#define TOLD "measures-told"
#define LIVE "measures-live"

/**
 * measures_accessible_strip_mnemonic:
 * @text: a label with mnemonics ("_Open…", "Rock __n Roll")
 *
 * Returns: (transfer full): @text as it is shown: "Open…", "Rock _n Roll"
 */
char *
measures_accessible_strip_mnemonic (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            p++;
          else
            continue;
        }
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* A button with a mnemonic keeps its name from its mnemonic label only;
 * GTK sets the raw label again each time the label changes. */
static void
button_label_cb (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* A check button's label is not its mnemonic label: it is named by
 * its label as shown. */
static void
check_label_cb (GtkCheckButton *check)
{
  const char *label = gtk_check_button_get_label (check);

  if (gtk_check_button_get_use_underline (check) && label != NULL)
    {
      g_autofree char *shown = measures_accessible_strip_mnemonic (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
    }
}

static void
follow_label (GtkWidget *widget,
              GCallback  callback)
{
  if (g_object_get_data (G_OBJECT (widget), "measures-mnemonic-fixed") == NULL)
    {
      g_object_set_data (G_OBJECT (widget), "measures-mnemonic-fixed", GINT_TO_POINTER (TRUE));
      g_signal_connect (widget, "notify::label", callback, NULL);
      g_signal_connect (widget, "notify::use-underline", callback, NULL);
    }
  ((void (*)(GtkWidget *))callback)(widget);
}

/**
 * measures_accessible_fix_mnemonics:
 * @root: a widget, with its descendants
 *
 * Names each button and check button under @root that has a mnemonic by
 * its label as shown, now and whenever its label changes.
 */
void
measures_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    follow_label (root, G_CALLBACK (button_label_cb));
  else if (GTK_IS_CHECK_BUTTON (root))
    follow_label (root, G_CALLBACK (check_label_cb));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    measures_accessible_fix_mnemonics (child);
}

/**
 * measures_accessible_find_ancestor:
 * @widget: a widget
 * @role: the role of the ancestor to find, such as a list's row
 *
 * Returns: (transfer none) (nullable): the nearest ancestor of @widget
 *   (or @widget) with @role: the row a list item factory's widget is put
 *   in, which GTK 4.8 gives no API for
 */
GtkWidget *
measures_accessible_find_ancestor (GtkWidget         *widget,
                                   GtkAccessibleRole  role)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w)) == role)
      return w;

  return NULL;
}

/**
 * measures_accessible_name_scrollers:
 * @root: a widget, such as a status page, whose scrolled windows take
 *   the focus in GTK 4.8
 * @name: their name
 */
void
measures_accessible_name_scrollers (GtkWidget  *root,
                                    const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_SCROLLED_WINDOW (root))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    measures_accessible_name_scrollers (child, name);
}

static void
name_choice (GtkWidget  *widget,
             const char *title,
             const char *value)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  if (role == GTK_ACCESSIBLE_ROLE_LIST)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  else if (role == GTK_ACCESSIBLE_ROLE_LIST_ITEM && value != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, value, -1);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_NATIVE (child))
      name_choice (child, title, value);
}

static void
combo_row_changed_cb (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);
  const char *value = GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;

  if (value != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
  name_choice (GTK_WIDGET (row), adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), value);
}

/**
 * measures_accessible_follow_combo_row:
 * @row: a combo row of strings
 *
 * Describes @row by its value, and names the list that libadwaita 1.2
 * shows the value in (by the row's title) and its item (by the value).
 */
void
measures_accessible_follow_combo_row (AdwComboRow *row)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_signal_connect (row, "notify::selected-item", G_CALLBACK (combo_row_changed_cb), NULL);
  g_signal_connect (row, "map", G_CALLBACK (combo_row_changed_cb), NULL);
  combo_row_changed_cb (row);
}

/**
 * measures_accessible_set_description:
 * @description: (nullable): what @widget says after its name
 *
 * Sets the accessible description of @widget, and keeps it as the one
 * it goes back to after an announcement told through it.
 */
void
measures_accessible_set_description (GtkWidget  *widget,
                                     const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), OWN_DESCRIPTION, g_strdup (description != NULL ? description : ""),
                          g_free);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * measures_accessible_find_presented:
 *
 * Returns: (transfer none) (nullable): @widget, or its nearest ancestor
 *   that screen readers see (an entry's text is part of its entry)
 */
GtkWidget *
measures_accessible_find_presented (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (w));

      if (role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION)
        return w;
    }

  return NULL;
}

#if !GTK_CHECK_VERSION (4, 14, 0)
static void
restore_description (GtkWidget *widget)
{
  const char *own = g_object_get_data (G_OBJECT (widget), OWN_DESCRIPTION);

  if (own == NULL)
    own = gtk_widget_get_tooltip_text (widget);
  if (own != NULL && *own != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, own, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* The element that carries an announcement gets its own description
 * back once the focus leaves it. */
static void
untell (GtkRoot *root)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (root), TOLD);
  g_autoptr(GtkWidget) told = ref != NULL ? g_weak_ref_get (ref) : NULL;

  if (told != NULL)
    {
      restore_description (told);
      g_weak_ref_set (ref, NULL);
    }
}

static void
focus_moved_cb (GtkRoot *root)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (root), TOLD);
  g_autoptr(GtkWidget) told = ref != NULL ? g_weak_ref_get (ref) : NULL;
  GtkWidget *focus = measures_accessible_find_presented (gtk_root_get_focus (root));

  if (told != NULL && told != focus)
    untell (root);
}

static void
tell_focus (GtkRoot    *root,
            GtkWidget  *live,
            const char *message)
{
  GtkWidget *focus = measures_accessible_find_presented (gtk_root_get_focus (root));
  GWeakRef *ref = g_object_get_data (G_OBJECT (root), TOLD);

  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, NULL);
      g_object_set_data_full (G_OBJECT (root), TOLD, ref, (GDestroyNotify) weak_ref_free);
      g_signal_connect (root, "notify::focus-widget", G_CALLBACK (focus_moved_cb), NULL);
    }

  /* The same element tells the next message straight away. */
  focus_moved_cb (root);
  if (focus == NULL || focus == live || focus == GTK_WIDGET (root))
    return;

  g_weak_ref_set (ref, focus);
  gtk_accessible_update_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}
#endif

/**
 * measures_accessible_set_live:
 * @window: a window
 * @live: its live element, a label with the status role
 *
 * Sets where the announcements of @window are kept.
 */
void
measures_accessible_set_live (GtkWidget *window,
                              GtkWidget *live)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (GTK_IS_LABEL (live));

  g_object_set_data (G_OBJECT (window), LIVE, live);
}

/**
 * measures_accessible_announce:
 * @widget: a widget of the window to announce in
 * @message: what a screen reader should say now
 *
 * Says @message to screen readers, and leaves it in the window's live
 * element.
 */
void
measures_accessible_announce (GtkWidget  *widget,
                              const char *message)
{
  GtkRoot *root;
  GtkWidget *live;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  root = GTK_IS_ROOT (widget) ? GTK_ROOT (widget) : gtk_widget_get_root (widget);
  if (root == NULL)
    return;

  live = g_object_get_data (G_OBJECT (root), LIVE);
  if (live != NULL)
    gtk_label_set_text (GTK_LABEL (live), message);

#if GTK_CHECK_VERSION (4, 14, 0)
  gtk_accessible_announce (GTK_ACCESSIBLE (root), message, GTK_ACCESSIBLE_ANNOUNCEMENT_PRIORITY_MEDIUM);
#else
  tell_focus (root, live, message);
#endif
}

/* GtkShortcutsSection numbers its pages "_1", "_2" in a stack switcher,
 * as their accessible labels too; the window's search button shows only
 * an icon. */
static void
name_shortcut_pages (GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_HEADER_BAR) != NULL &&
      gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);

  if (GTK_IS_STACK_SWITCHER (widget))
    {
      guint n = 0;

      for (GtkWidget *button = gtk_widget_get_first_child (widget);
           button != NULL;
           button = gtk_widget_get_next_sibling (button))
        {
          /* Translators: a page of the keyboard shortcuts window */
          g_autofree char *name = g_strdup_printf (_("Page %u"), ++n);

          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_shortcut_pages (child);
}

static void
window_mapped_cb (GtkWidget *window)
{
  measures_accessible_fix_mnemonics (window);
  if (GTK_IS_SHORTCUTS_WINDOW (window))
    name_shortcut_pages (window);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "measures-watched") != NULL)
        continue;
      g_object_set_data (G_OBJECT (window), "measures-watched", GINT_TO_POINTER (TRUE));
      g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
      if (gtk_widget_get_mapped (window))
        window_mapped_cb (window);
    }
}

/**
 * measures_accessible_watch_windows:
 *
 * Fixes the names of mnemonic buttons (see
 * measures_accessible_fix_mnemonics()) in every window as it is shown:
 * ours, libadwaita's message dialogs, GTK's file choosers and the
 * shortcuts window, whose pages it names. Once per process.
 */
void
measures_accessible_watch_windows (void)
{
  static gsize watching = 0;

  if (g_once_init_enter (&watching))
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
      toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
      g_once_init_leave (&watching, 1);
    }
}
