/* test-ui-utils.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers the window tests share.
 */

#pragma once

#include <gtk/gtk.h>

#include "measures-window.h"

/* Lets GTK lay out and draw a few frames. */
static inline void
settle (void)
{
  gint64 end = g_get_monotonic_time () + 300 * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static inline void
wait_until_loaded (MeasuresWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (measures_window_get_loading (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (measures_window_get_loading (window));
}

/* The first widget under @root of @type, with @css_class if given. */
static inline GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (css_class == NULL || gtk_widget_has_css_class (root, css_class)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline MeasuresWindow *
open_window_on (GFile *file)
{
  MeasuresWindow *window = measures_window_new (NULL);

  measures_window_open (window, file != NULL ? &file : NULL, file != NULL ? 1 : 0);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_loaded (window);
  settle ();

  return window;
}

/* Collects the text of every visible label under @root, one a line;
 * with @buttons, button labels too, as "[label]". */
static inline void
collect_texts (GtkWidget *root,
               GString   *out,
               gboolean   buttons)
{
  if (!gtk_widget_get_visible (root))
    return;

  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  else if (buttons && GTK_IS_BUTTON (root) && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    g_string_append_printf (out, "[%s]\n", gtk_button_get_label (GTK_BUTTON (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, out, buttons);
}
