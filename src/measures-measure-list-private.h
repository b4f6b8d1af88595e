/* measures-measure-list-private.h
 *
 * Copyright 2026 The Measures authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The cells of the list's columns (measures-measure-list-cells.c), for
 * the list item factories of its template. */

void setup_cell_cb       (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data);
void setup_years_cell_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data);
void setup_title_cell_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data);
void bind_title_cb       (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data);
void bind_country_cb     (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data);
void bind_years_cb       (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data);
void bind_type_cb        (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data);
void bind_form_cb        (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data);
void unbind_cell_cb      (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data);

void _measures_measure_list_cells_refresh (void);

G_END_DECLS
