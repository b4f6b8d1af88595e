/* test-wrap-bin.c
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A wrap bin sizes the label it holds by its width alone: a row gives
 * the label the width it has, and the label wraps to it.
 */

#include "config.h"

#include <adwaita.h>

#include "measures-wrap-bin.h"

#define TEXT "Strengthening cooperation between the institutions responsible for preventing " \
  "trafficking in persons and for protecting and assisting its victims"

static GtkWidget *
wrapping_label (void)
{
  GtkWidget *label = gtk_label_new (TEXT);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);

  return label;
}

/* Its widths are the label's whatever the height; its height for a
 * width is the label's. */
static void
test_sizes (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = wrapping_label ();
  GtkWidget *bin = measures_wrap_bin_new (label);
  int label_min, label_nat, bin_min, bin_nat, height_min, height_nat;

  gtk_window_set_child (GTK_WINDOW (window), bin);
  g_assert_true (measures_wrap_bin_get_child (MEASURES_WRAP_BIN (bin)) == label);
  g_assert_true (gtk_widget_get_parent (label) == bin);
  g_assert_cmpint (gtk_widget_get_request_mode (bin), ==, GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &label_min, &label_nat, NULL, NULL);
  g_assert_cmpint (label_min, <, label_nat);
  for (int height = 20; height <= 200; height += 60)
    {
      gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, height, &bin_min, &bin_nat, NULL, NULL);
      g_assert_cmpint (bin_min, ==, label_min);
      g_assert_cmpint (bin_nat, ==, label_nat);
    }

  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 150, &label_min, &label_nat, NULL, NULL);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 150, &height_min, &height_nat, NULL, NULL);
  g_assert_cmpint (height_min, ==, label_min);
  g_assert_cmpint (height_nat, ==, label_nat);
  /* Wrapped: taller than one line. */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, &label_min, NULL, NULL, NULL);
  g_assert_cmpint (height_min, >, 2 * label_min);

  /* Hidden, it takes no room. */
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_measure (bin, GTK_ORIENTATION_HORIZONTAL, -1, &bin_min, &bin_nat, NULL, NULL);
  g_assert_cmpint (bin_nat, ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* In a row, beside a bullet, the label gets the rest of the row's
 * width, and the row is as tall as the label wrapped to it. */
static void
test_row (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *bullet = gtk_label_new ("•");
  GtkWidget *label = wrapping_label ();
  GtkWidget *bin = measures_wrap_bin_new (label);
  int bullet_width, row_height, label_height;
  const int width = 300;

  gtk_box_append (GTK_BOX (row), bullet);
  gtk_box_append (GTK_BOX (row), bin);
  gtk_window_set_child (GTK_WINDOW (window), row);

  gtk_widget_measure (bullet, GTK_ORIENTATION_HORIZONTAL, -1, &bullet_width, NULL, NULL, NULL);
  gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &row_height, NULL, NULL, NULL);
  gtk_widget_allocate (row, width, row_height, -1, NULL);

  g_assert_cmpint (gtk_widget_get_width (label), ==, width - bullet_width - 10);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (label), &label_height, NULL, NULL, NULL);
  g_assert_cmpint (row_height, ==, label_height);
  g_assert_cmpint (gtk_widget_get_height (label), ==, label_height);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label one can select text in still takes the focus, and a screen
 * reader sees no widget of its own between the row and the label. */
static void
test_focus (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_label ("Before");
  GtkWidget *label = wrapping_label ();
  GtkWidget *bin = measures_wrap_bin_new (label);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), bin);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (label))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (gtk_widget_child_focus (box, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (label));

  g_assert_true (gtk_widget_grab_focus (button));
  g_assert_true (gtk_widget_grab_focus (bin));
  g_assert_true (gtk_widget_has_focus (label));

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bin)), ==, GTK_ACCESSIBLE_ROLE_GENERIC);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/wrap-bin/sizes", test_sizes);
  g_test_add_func ("/wrap-bin/row", test_row);
  g_test_add_func ("/wrap-bin/focus", test_focus);

  return g_test_run ();
}
